/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-preferences-window.h"

#include <glib/gi18n.h>

#include "rei-auto-backup.h"
#include "rei-preferences-report-page.h"

/* Clicks on a spin button come in bursts; one dated value is written after the burst. */
#define WRITE_DELAY_MS 600

typedef struct
{
  const char *key;
  const char *title;
  const char *subtitle;
  int         lower;
  int         upper;
  gboolean    centre;   /* in the second group */
} Setting;

static const Setting settings[] = {
  { REI_SETTING_TRIAL_MONTHS, N_("Trial period (months)"),
    N_("Art. 15 of the act on social employment"), 0, 12, FALSE },
  { REI_SETTING_PARTICIPATION_MONTHS, N_("Participation after the trial (months)"), NULL,
    1, 60, FALSE },
  { REI_SETTING_EXTENSION_MAX_MONTHS, N_("Longest extension (months)"), NULL, 0, 60, FALSE },
  { REI_SETTING_LIMIT_WARNING_DAYS, N_("Warn before the planned end (days)"), NULL, 0, 365, TRUE },
  { REI_SETTING_RETENTION_YEARS, N_("Keep personal data after the end (years)"),
    N_("After this, a person can be anonymised"), 0, 100, TRUE },
};

struct _ReiPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ReiStore             *store;
  GtkSpinButton        *spins[G_N_ELEMENTS (settings)];
  GPtrArray            *category_rows;
  ReiPreferencesReportPage *report_page;
  guint                 write_source;

  /* Template widgets. */
  AdwPreferencesGroup  *durations_group;
  AdwPreferencesGroup  *centre_group;
  AdwPreferencesGroup  *categories_group;
  AdwEntryRow          *new_category_row;
  AdwEntryRow          *centre_name_row;
  AdwEntryRow          *centre_address_row;
  AdwComboRow          *centre_mode_row;
  AdwPreferencesPage   *backups_page;
  GtkSwitch            *auto_backup_switch;
  GtkSpinButton        *backup_copies_spin;
  AdwActionRow         *backup_folder_row;
  AdwActionRow         *last_backup_row;
  /* The application's settings (the daily backup); NULL when its schema is not installed. */
  GSettings            *app_settings;
  /* While the centre's rows are filled from the store: nothing is written. */
  gboolean              filling;
};

/* The positions of the kind-of-centre row. */
static const char * const centre_modes[] = { "CIS", "CUS" };

G_DEFINE_FINAL_TYPE (ReiPreferencesWindow, rei_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void fill_categories (ReiPreferencesWindow *self);

static void
show_error (ReiPreferencesWindow *self,
            const GError         *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
write_settings (ReiPreferencesWindow *self)
{
  g_clear_handle_id (&self->write_source, g_source_remove);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      int value = gtk_spin_button_get_value_as_int (self->spins[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      /* Only a real change becomes a dated row, and an entry in the audit trail. */
      if (rei_store_get_setting_int (self->store, settings[i].key, NULL, G_MININT) == value)
        continue;
      text = g_strdup_printf ("%d", value);
      if (!rei_store_set_setting (self->store, settings[i].key, NULL, text,
                                  REI_SETTING_SOURCE_CENTRE, &error))
        show_error (self, error);
    }
}

static gboolean
write_settings_cb (gpointer user_data)
{
  ReiPreferencesWindow *self = user_data;

  self->write_source = 0;
  write_settings (self);
  return G_SOURCE_REMOVE;
}

static void
on_spin_changed_cb (ReiPreferencesWindow *self)
{
  g_clear_handle_id (&self->write_source, g_source_remove);
  self->write_source = g_timeout_add (WRITE_DELAY_MS, write_settings_cb, self);
}

static void
on_category_apply_cb (AdwEntryRow          *row,
                      ReiPreferencesWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");
  g_autoptr(GError) error = NULL;

  if (!rei_store_rename_category (self->store, code, gtk_editable_get_text (GTK_EDITABLE (row)),
                                  &error))
    {
      show_error (self, error);
      fill_categories (self);
    }
}

static void
on_category_active_cb (GtkSwitch            *toggle,
                       GParamSpec           *pspec,
                       ReiPreferencesWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (toggle), "code");
  g_autoptr(GError) error = NULL;

  if (!rei_store_set_category_active (self->store, code, gtk_switch_get_active (toggle), &error))
    show_error (self, error);
}

static void
fill_categories (ReiPreferencesWindow *self)
{
  g_autoptr(GPtrArray) codes = NULL;

  for (guint i = 0; i < self->category_rows->len; i++)
    adw_preferences_group_remove (self->categories_group,
                                  g_ptr_array_index (self->category_rows, i));
  g_ptr_array_set_size (self->category_rows, 0);

  codes = rei_store_list_categories (self->store, TRUE, NULL);
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = rei_store_get_label (self->store, REI_LOOKUP_CATEGORY, code);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), code);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), label != NULL ? label : "");
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (code), g_free);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_category_apply_cb), self, 0);

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), rei_store_category_is_active (self->store, code));
      gtk_widget_set_tooltip_text (toggle, _("Offered for new entries"));
      g_object_set_data_full (G_OBJECT (toggle), "code", g_strdup (code), g_free);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_category_active_cb),
                               self, 0);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), toggle);

      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->category_rows, row);
    }
}

static void
on_new_category_apply_cb (ReiPreferencesWindow *self)
{
  g_autofree char *code =
    rei_preferences_window_add_category (self,
                                         gtk_editable_get_text (GTK_EDITABLE (self->new_category_row)));

  if (code != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->new_category_row), "");
}

/* A text setting of the centre, written as a dated value when it changed. */
static void
write_text_setting (ReiPreferencesWindow *self,
                    const char           *key,
                    const char           *value)
{
  g_autofree char *stored = rei_store_get_setting (self->store, key, NULL);
  g_autoptr(GError) error = NULL;

  if (self->filling || g_strcmp0 (stored, value) == 0)
    return;
  if (!rei_store_set_setting (self->store, key, NULL, value, REI_SETTING_SOURCE_CENTRE, &error))
    show_error (self, error);
}

static void
on_centre_text_apply_cb (ReiPreferencesWindow *self,
                         AdwEntryRow          *row)
{
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  write_text_setting (self, row == self->centre_name_row ? "centre_name" : "centre_address", value);
}

static void
on_centre_mode_changed_cb (ReiPreferencesWindow *self)
{
  guint mode = adw_combo_row_get_selected (self->centre_mode_row);

  if (mode < G_N_ELEMENTS (centre_modes))
    write_text_setting (self, "centre_mode", centre_modes[mode]);
}

static void
fill_centre (ReiPreferencesWindow *self)
{
  g_autofree char *name = rei_store_get_setting (self->store, "centre_name", NULL);
  g_autofree char *address = rei_store_get_setting (self->store, "centre_address", NULL);
  g_autofree char *mode = rei_store_get_setting (self->store, "centre_mode", NULL);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->centre_name_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->centre_address_row), address != NULL ? address : "");
  adw_combo_row_set_selected (self->centre_mode_row, g_strcmp0 (mode, "CUS") == 0 ? 1 : 0);
  self->filling = FALSE;
}

static gboolean
rei_preferences_window_close_request (GtkWindow *window)
{
  rei_preferences_window_flush (REI_PREFERENCES_WINDOW (window));

  return GTK_WINDOW_CLASS (rei_preferences_window_parent_class)->close_request (window);
}

/* This database's last backup: the register's setting, or for a database opened with --db the
 * newest copy in its own folder (rei_auto_backup_get_last()). */
static void
on_last_backup_changed_cb (ReiPreferencesWindow *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (self->store != NULL)
    utc = rei_auto_backup_get_last (self->store, self->app_settings, NULL);
  else
    {
      g_autofree char *iso = g_settings_get_string (self->app_settings, "last-backup");

      utc = iso[0] != '\0' ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
    }
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *text = local != NULL ? g_date_time_format (local, "%d.%m.%Y %H:%M") : NULL;

  adw_action_row_set_subtitle (self->last_backup_row, text != NULL ? text : _("None yet"));
}

/* The daily backup lives in the application's settings, not in the register: it is this
 * computer's copy of it. */
static void
bind_backup_settings (ReiPreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL
    ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autofree char *folder = rei_store_default_backup_folder ();

  if (schema == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->backups_page), FALSE);
      return;
    }
  self->app_settings = g_settings_new (APP_ID);
  g_settings_bind (self->app_settings, "auto-backup", self->auto_backup_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->app_settings, "backup-copies",
                   gtk_spin_button_get_adjustment (self->backup_copies_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->backup_folder_row, folder);
  g_signal_connect_object (self->app_settings, "changed::last-backup",
                           G_CALLBACK (on_last_backup_changed_cb), self, G_CONNECT_SWAPPED);
  on_last_backup_changed_cb (self);
}

static void
rei_preferences_window_dispose (GObject *object)
{
  ReiPreferencesWindow *self = REI_PREFERENCES_WINDOW (object);

  if (self->store != NULL && self->write_source != 0)
    write_settings (self);
  g_clear_handle_id (&self->write_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->category_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->app_settings);

  G_OBJECT_CLASS (rei_preferences_window_parent_class)->dispose (object);
}

static void
rei_preferences_window_class_init (ReiPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rei_preferences_window_dispose;
  window_class->close_request = rei_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/preferences/rei-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, durations_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, centre_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, categories_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, new_category_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, centre_name_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, centre_address_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, centre_mode_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, backups_page);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, auto_backup_switch);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, backup_copies_spin);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesWindow, last_backup_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_category_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_centre_text_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_centre_mode_changed_cb);
}

static void
rei_preferences_window_init (ReiPreferencesWindow *self)
{
  /* Nothing is written before the store is there and the rows are filled from it. */
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->category_rows = g_ptr_array_new ();
  bind_backup_settings (self);
}

ReiPreferencesWindow *
rei_preferences_window_new (GtkWindow *parent,
                            ReiStore  *store)
{
  ReiPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  self = g_object_new (REI_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  /* The folder of this database's daily backups: another than the default for --db. */
  if (self->app_settings != NULL)
    {
      g_autofree char *folder = rei_store_backup_folder_for (rei_store_get_path (store));

      adw_action_row_set_subtitle (self->backup_folder_row, folder);
      on_last_backup_changed_cb (self);
    }

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      const Setting *s = &settings[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (s->lower, s->upper, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(s->title));
      if (s->subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(s->subtitle));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                 rei_store_get_setting_int (store, s->key, NULL, s->lower));
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_spin_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (s->centre ? self->centre_group : self->durations_group, row);
      self->spins[i] = GTK_SPIN_BUTTON (spin);
    }

  fill_centre (self);
  fill_categories (self);
  self->report_page = rei_preferences_report_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->report_page));
  return self;
}

void
rei_preferences_window_flush (ReiPreferencesWindow *self)
{
  g_return_if_fail (REI_IS_PREFERENCES_WINDOW (self));

  if (self->write_source != 0)
    write_settings (self);
}

GtkSpinButton *
rei_preferences_window_get_spin (ReiPreferencesWindow *self,
                                 const char           *key)
{
  g_return_val_if_fail (REI_IS_PREFERENCES_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (g_strcmp0 (settings[i].key, key) == 0)
      return self->spins[i];
  return NULL;
}

char *
rei_preferences_window_add_category (ReiPreferencesWindow *self,
                                     const char           *label)
{
  g_autoptr(GError) error = NULL;
  char *code;

  g_return_val_if_fail (REI_IS_PREFERENCES_WINDOW (self), NULL);

  code = rei_store_add_category (self->store, label, &error);
  if (code == NULL)
    {
      show_error (self, error);
      return NULL;
    }
  fill_categories (self);
  return code;
}

GtkSwitch *
rei_preferences_window_get_auto_backup_switch (ReiPreferencesWindow *self)
{
  g_return_val_if_fail (REI_IS_PREFERENCES_WINDOW (self), NULL);

  return self->auto_backup_switch;
}

GtkSpinButton *
rei_preferences_window_get_backup_copies_spin (ReiPreferencesWindow *self)
{
  g_return_val_if_fail (REI_IS_PREFERENCES_WINDOW (self), NULL);

  return self->backup_copies_spin;
}

GtkWidget *
rei_preferences_window_get_centre_row (ReiPreferencesWindow *self,
                                       const char           *key)
{
  g_return_val_if_fail (REI_IS_PREFERENCES_WINDOW (self), NULL);

  if (g_strcmp0 (key, "centre_name") == 0)
    return GTK_WIDGET (self->centre_name_row);
  if (g_strcmp0 (key, "centre_address") == 0)
    return GTK_WIDGET (self->centre_address_row);
  if (g_strcmp0 (key, "centre_mode") == 0)
    return GTK_WIDGET (self->centre_mode_row);
  return NULL;
}

ReiPreferencesReportPage *
rei_preferences_window_get_report_page (ReiPreferencesWindow *self)
{
  g_return_val_if_fail (REI_IS_PREFERENCES_WINDOW (self), NULL);
  return self->report_page;
}

AdwActionRow *
rei_preferences_window_get_last_backup_row (ReiPreferencesWindow *self)
{
  g_return_val_if_fail (REI_IS_PREFERENCES_WINDOW (self), NULL);

  return self->last_backup_row;
}

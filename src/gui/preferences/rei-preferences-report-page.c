/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-preferences-report-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rei-date.h"
#include "rei-money.h"
#include "rei-store-settings.h"

struct _ReiPreferencesReportPage
{
  AdwPreferencesPage   parent_instance;

  ReiStore            *store;
  GPtrArray           *staff_rows;   /* AdwEntryRow, in the order of the list */

  /* Template widgets. */
  AdwEntryRow         *regon_row;
  AdwEntryRow         *founding_body_row;
  AdwEntryRow         *status_date_row;
  AdwPreferencesGroup *staff_group;
  AdwEntryRow         *new_staff_row;
  GtkSpinButton       *year_spin;
  AdwEntryRow         *benefits_row;
  AdwEntryRow         *bonuses_row;
};

G_DEFINE_FINAL_TYPE (ReiPreferencesReportPage, rei_preferences_report_page,
                     ADW_TYPE_PREFERENCES_PAGE)

static void fill_staff (ReiPreferencesReportPage *self);

static void
show_message (ReiPreferencesReportPage *self,
              const char               *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

/* A centre setting, written as a dated value only when it changed. */
static gboolean
write_setting (ReiPreferencesReportPage *self,
               const char               *key,
               const char               *value)
{
  g_autofree char *stored = rei_store_get_setting (self->store, key, NULL);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (stored, value) == 0)
    return TRUE;
  if (!rei_store_set_setting (self->store, key, NULL, value, REI_SETTING_SOURCE_CENTRE, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Typing again takes back the mark of a refused value. */
static void
on_row_changed_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

/* Refuses a row's text with a reason, leaving what was typed to be corrected. */
static void
refuse (ReiPreferencesReportPage *self,
        AdwEntryRow              *row,
        const char               *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  show_message (self, message);
}

/* ---------------------------------------------------------------------------------------------
 * Part I: the centre
 * ------------------------------------------------------------------------------------------- */

static void
on_text_apply_cb (ReiPreferencesReportPage *self,
                  AdwEntryRow              *row)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  g_autofree char *text = dup_row_text (row);

  /* A date is kept as the report shows it, dd.mm.yyyy, whatever way it was typed. */
  if (row == self->status_date_row && *text != '\0')
    {
      g_autofree char *iso = rei_date_normalize (text);

      if (iso == NULL)
        {
          refuse (self, row, _("Enter the date as dd.mm.yyyy, e.g. 31.05.2019."));
          return;
        }
      g_free (text);
      text = rei_date_format_display (iso);
    }
  if (write_setting (self, key, text))
    set_row_text (row, text);
}

/* ---------------------------------------------------------------------------------------------
 * The staff
 * ------------------------------------------------------------------------------------------- */

/* The stored list; never NULL. */
static GStrv
dup_staff (ReiPreferencesReportPage *self)
{
  g_autofree char *joined = rei_store_get_setting (self->store, REI_SETTING_CENTRE_STAFF, NULL);

  return joined != NULL && *joined != '\0' ? g_strsplit (joined, "|", -1) : g_new0 (char *, 1);
}

static gboolean
write_staff (ReiPreferencesReportPage *self,
             GStrv                     people)
{
  g_autofree char *joined = g_strjoinv ("|", people);

  return write_setting (self, REI_SETTING_CENTRE_STAFF, joined);
}

/* What the list can hold: '|' separates its items. */
static gboolean
check_person (ReiPreferencesReportPage *self,
              AdwEntryRow              *row,
              const char               *text)
{
  if (strchr (text, '|') == NULL)
    return TRUE;
  refuse (self, row, _("A name or position cannot contain “|”."));
  return FALSE;
}

/* A row edited: its text replaces the person; emptied, the person goes. */
static void
on_staff_apply_cb (AdwEntryRow              *row,
                   ReiPreferencesReportPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) people = NULL;

  for (guint i = 0; i < self->staff_rows->len; i++)
    {
      AdwEntryRow *each = g_ptr_array_index (self->staff_rows, i);
      g_autofree char *text = dup_row_text (each);

      if (!check_person (self, each, text))
        return;
      if (*text != '\0')
        g_strv_builder_add (builder, text);
    }
  people = g_strv_builder_end (builder);
  if (write_staff (self, people))
    fill_staff (self);
}

static void
on_staff_remove_cb (GtkButton                *button,
                    ReiPreferencesReportPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  guint index;

  if (g_ptr_array_find (self->staff_rows, row, &index))
    rei_preferences_report_page_remove_staff (self, index);
}

static void
fill_staff (ReiPreferencesReportPage *self)
{
  g_auto(GStrv) people = dup_staff (self);

  for (guint i = 0; i < self->staff_rows->len; i++)
    adw_preferences_group_remove (self->staff_group, g_ptr_array_index (self->staff_rows, i));
  g_ptr_array_set_size (self->staff_rows, 0);

  for (guint i = 0; people[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name and position"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), people[i]);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_staff_apply_cb), self, 0);
      g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), NULL);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove from the staff"));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_staff_remove_cb), self, 0);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }
}

static void
on_new_staff_apply_cb (ReiPreferencesReportPage *self)
{
  g_autofree char *text = dup_row_text (self->new_staff_row);

  if (rei_preferences_report_page_add_staff (self, text))
    set_row_text (self->new_staff_row, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Benefits and bonuses paid in a year
 * ------------------------------------------------------------------------------------------- */

static int
get_year (ReiPreferencesReportPage *self)
{
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

static void
fill_amounts (ReiPreferencesReportPage *self)
{
  AdwEntryRow *rows[] = { self->benefits_row, self->bonuses_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *key = rei_store_setting_year_key (g_object_get_data (G_OBJECT (rows[i]), "key"),
                                                         get_year (self));
      g_autofree char *value = rei_store_get_setting (self->store, key, NULL);

      set_row_text (rows[i], value);
    }
}

static void
on_amount_apply_cb (ReiPreferencesReportPage *self,
                    AdwEntryRow              *row)
{
  g_autofree char *key = rei_store_setting_year_key (g_object_get_data (G_OBJECT (row), "key"),
                                                     get_year (self));
  g_autofree char *text = dup_row_text (row);
  g_autofree char *formatted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 grosze;

  /* Kept as Polish writes it, so that the row and the report show the same amount. */
  if (*text != '\0')
    {
      if (!rei_money_parse (text, &grosze, &error))
        {
          refuse (self, row, error->message);
          return;
        }
      formatted = rei_money_format (grosze);
    }
  if (write_setting (self, key, formatted != NULL ? formatted : ""))
    set_row_text (row, formatted);
}

static void
on_year_changed_cb (ReiPreferencesReportPage *self)
{
  fill_amounts (self);
}

/* ---------------------------------------------------------------------------------------------
 * The type
 * ------------------------------------------------------------------------------------------- */

static void
rei_preferences_report_page_dispose (GObject *object)
{
  ReiPreferencesReportPage *self = REI_PREFERENCES_REPORT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_PREFERENCES_REPORT_PAGE);
  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rei_preferences_report_page_parent_class)->dispose (object);
}

static void
rei_preferences_report_page_class_init (ReiPreferencesReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_preferences_report_page_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/preferences/rei-preferences-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesReportPage, regon_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesReportPage, founding_body_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesReportPage, status_date_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesReportPage, staff_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesReportPage, new_staff_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesReportPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesReportPage, benefits_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPreferencesReportPage, bonuses_row);
  gtk_widget_class_bind_template_callback (widget_class, on_text_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_staff_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
}

static void
rei_preferences_report_page_init (ReiPreferencesReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->staff_rows = g_ptr_array_new ();

  g_object_set_data (G_OBJECT (self->regon_row), "key", (gpointer) REI_SETTING_CENTRE_REGON);
  g_object_set_data (G_OBJECT (self->founding_body_row), "key",
                     (gpointer) REI_SETTING_CENTRE_FOUNDING_BODY);
  g_object_set_data (G_OBJECT (self->status_date_row), "key",
                     (gpointer) REI_SETTING_CENTRE_STATUS_DATE);
  g_object_set_data (G_OBJECT (self->benefits_row), "key", (gpointer) REI_SETTING_BENEFITS_PAID);
  g_object_set_data (G_OBJECT (self->bonuses_row), "key", (gpointer) REI_SETTING_BONUSES_PAID);
  {
    AdwEntryRow *rows[] = {
      self->regon_row, self->founding_body_row, self->status_date_row, self->new_staff_row,
      self->benefits_row, self->bonuses_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_signal_connect (rows[i], "changed", G_CALLBACK (on_row_changed_cb), NULL);
  }
}

ReiPreferencesReportPage *
rei_preferences_report_page_new (ReiStore *store)
{
  ReiPreferencesReportPage *self;
  AdwEntryRow *text_rows[3];
  GDateTime *now;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  self = g_object_new (REI_TYPE_PREFERENCES_REPORT_PAGE, NULL);
  self->store = g_object_ref (store);
  text_rows[0] = self->regon_row;
  text_rows[1] = self->founding_body_row;
  text_rows[2] = self->status_date_row;
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      g_autofree char *value =
        rei_store_get_setting (store, g_object_get_data (G_OBJECT (text_rows[i]), "key"), NULL);

      set_row_text (text_rows[i], value);
    }
  fill_staff (self);

  /* The report is written by 31 March for the year before: that year first.  Setting the
   * value fills the amounts of that year. */
  now = g_date_time_new_now_local ();
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now) - 1);
  g_date_time_unref (now);
  fill_amounts (self);
  return self;
}

gboolean
rei_preferences_report_page_add_staff (ReiPreferencesReportPage *self,
                                       const char               *text)
{
  g_autofree char *person = NULL;
  g_auto(GStrv) people = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) longer = NULL;

  g_return_val_if_fail (REI_IS_PREFERENCES_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  person = g_strstrip (g_strdup (text));
  if (*person == '\0' || !check_person (self, self->new_staff_row, person))
    return FALSE;
  people = dup_staff (self);
  g_strv_builder_addv (builder, (const char **) people);
  g_strv_builder_add (builder, person);
  longer = g_strv_builder_end (builder);
  if (!write_staff (self, longer))
    return FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_staff_row), "error");
  fill_staff (self);
  return TRUE;
}

void
rei_preferences_report_page_remove_staff (ReiPreferencesReportPage *self,
                                          guint                     index)
{
  g_auto(GStrv) people = NULL;
  guint n;

  g_return_if_fail (REI_IS_PREFERENCES_REPORT_PAGE (self));

  people = dup_staff (self);
  n = g_strv_length (people);
  g_return_if_fail (index < n);
  g_free (people[index]);
  memmove (&people[index], &people[index + 1], (n - index) * sizeof (char *));
  if (write_staff (self, people))
    fill_staff (self);
}

AdwEntryRow *
rei_preferences_report_page_get_staff_row (ReiPreferencesReportPage *self,
                                           guint                     index)
{
  g_return_val_if_fail (REI_IS_PREFERENCES_REPORT_PAGE (self), NULL);
  return index < self->staff_rows->len ? g_ptr_array_index (self->staff_rows, index) : NULL;
}

AdwEntryRow *
rei_preferences_report_page_get_row (ReiPreferencesReportPage *self,
                                     const char               *key)
{
  AdwEntryRow *rows[] = {
    self->regon_row, self->founding_body_row, self->status_date_row, self->benefits_row,
    self->bonuses_row,
  };

  g_return_val_if_fail (REI_IS_PREFERENCES_REPORT_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (rows[i]), "key"), key) == 0)
      return rows[i];
  return NULL;
}

GtkSpinButton *
rei_preferences_report_page_get_year_spin (ReiPreferencesReportPage *self)
{
  g_return_val_if_fail (REI_IS_PREFERENCES_REPORT_PAGE (self), NULL);
  return self->year_spin;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-window-private.h"

#include <glib/gi18n.h>

#include "rei-plan-page.h"
#include "rei-network-view.h"
#include "rei-preferences-window.h"
#include "rei-reports-view.h"

struct _ReiWindow
{
  AdwApplicationWindow  parent_instance;

  ReiStore             *store;
  GSettings            *settings;
  /* The user has answered about the unsaved edits of the detail pane: the close may go on. */
  gboolean              close_confirmed;

  /* While a file is checked, previewed or imported. */
  ReiImportDialog      *import_dialog;

  /* Template widgets. */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  ReiResidentView      *resident_view;
  ReiResidentDetail    *resident_detail;
  AdwBin               *plan_bin;
  AdwBin               *network_bin;
  AdwBin               *reports_bin;
  ReiBackgroundJobBar  *job_bar;

  /* Made when first shown or asked for (see ensure_page()); owned by their bins. */
  ReiPlanPage          *plan_page;
  ReiNetworkView       *network_view;
  ReiReportsView       *reports_view;
};

G_DEFINE_FINAL_TYPE (ReiWindow, rei_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_import_dialog_imported_cb (ReiWindow *self,
                              guint      n_inserted,
                              guint      n_updated)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("Imported: %u new, %u updated"), n_inserted, n_updated);
  rei_window_add_toast (self, title);
  rei_resident_view_refresh (self->resident_view);
}

static void
on_import_dialog_destroy_cb (ReiWindow *self)
{
  /* The dialog destroys itself only once its worker has stopped, so nothing writes now. */
  self->import_dialog = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

static void
on_list_failed_cb (ReiWindow    *self,
                   const GError *error)
{
  g_autofree char *title = g_strdup_printf (_("Cannot read the residents: %s"), error->message);

  rei_window_add_toast (self, title);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ReiWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rei_window_import_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->import_dialog != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Residents"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv_filter, _("CSV files"));
  gtk_file_filter_add_pattern (csv_filter, "*.csv");
  gtk_file_filter_add_pattern (csv_filter, "*.CSV");
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv_filter);
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "residents");
  rei_resident_view_focus_search (self->resident_view);
}

static void
export_residents_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);

  rei_resident_view_export (self->resident_view);
}

/* The plan, network and reports pages are made the first time they are shown (or asked for
 * through their accessor), not with the window: the window's template holds only an empty
 * AdwBin for each.  Built with the window, their templates (the plan's forms, the map, the
 * reports' panes and editors) made the first frame 170-180 ms instead of about 30.  Being given
 * the store only then also keeps their reads off the window's start: those run in threads, but
 * the map's picture and the indicators' rows are made on the main thread when the answers come,
 * which is when the residents list is making its first rows (the list benchmark's rows coming in
 * went from 14 to 41 ms a frame). */
static void
ensure_page (ReiWindow  *self,
             const char *name)
{
  /* Once disposed, there is no store to give a page and no bin to hold it. */
  if (self->store == NULL)
    return;

  if (g_strcmp0 (name, "plans") == 0 && self->plan_page == NULL)
    {
      self->plan_page = g_object_new (REI_TYPE_PLAN_PAGE, NULL);
      adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_page));
      rei_plan_page_set_store (self->plan_page, self->store);
    }
  else if (g_strcmp0 (name, "network") == 0 && self->network_view == NULL)
    {
      self->network_view = g_object_new (REI_TYPE_NETWORK_VIEW, NULL);
      adw_bin_set_child (self->network_bin, GTK_WIDGET (self->network_view));
      rei_network_view_set_store (self->network_view, self->store);
    }
  else if (g_strcmp0 (name, "reports") == 0 && self->reports_view == NULL)
    {
      self->reports_view = g_object_new (REI_TYPE_REPORTS_VIEW, NULL);
      adw_bin_set_child (self->reports_bin, GTK_WIDGET (self->reports_view));
      rei_reports_view_set_store (self->reports_view, self->store);
    }
}

/* The plan page follows the person of the detail pane, read when the page is shown. */
static void
on_visible_page_changed_cb (ReiWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "plans") == 0)
    rei_plan_page_set_resident (self->plan_page,
                                rei_resident_detail_get_resident_id (self->resident_detail));
}

/* Code that changes the page makes it first, so the page is there when the call returns. */
static void
show_page (ReiWindow  *self,
           const char *name)
{
  ensure_page (self, name);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);
  const char *page = "residents";

  if (g_str_equal (action_name, "win.show-plan"))
    page = "plans";
  else if (g_str_equal (action_name, "win.show-network"))
    page = "network";
  else if (g_str_equal (action_name, "win.show-reports"))
    page = "reports";
  show_page (self, page);
}

static void
save_window_state (ReiWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The unmaximized size, so that unmaximizing next time restores something sensible. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
close_confirmed_cb (gpointer user_data)
{
  ReiWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
on_close_answered_cb (gboolean proceed,
                      gpointer user_data)
{
  ReiWindow *self = user_data;

  /* The dialog, transient for this window, goes first: the window closes once it is gone. */
  if (proceed)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_confirmed_cb, g_object_ref (self),
                     g_object_unref);
  g_object_unref (self);
}

static void
new_resident_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "residents");
  gtk_widget_activate_action (GTK_WIDGET (self->resident_detail), "resident.new", NULL);
}

static void
save_resident_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->resident_detail), "resident.save", NULL);
}

static void
delete_resident_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->resident_detail), "resident.delete", NULL);
}

static void
on_preferences_close_cb (ReiWindow *self)
{
  /* New categories and durations show in the form at once, without losing what is typed. */
  rei_resident_detail_reload_lookups (self->resident_detail);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);
  ReiPreferencesWindow *preferences = rei_preferences_window_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (preferences, "close-request", G_CALLBACK (on_preferences_close_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (preferences));
}

static gboolean
rei_window_close_request (GtkWindow *window)
{
  ReiWindow *self = REI_WINDOW (window);

  /* Nothing typed is lost without the user saying so. */
  if (!self->close_confirmed && rei_resident_detail_get_modified (self->resident_detail))
    {
      rei_resident_detail_ask_unsaved (self->resident_detail, on_close_answered_cb,
                                       g_object_ref (self));
      return TRUE;
    }

  save_window_state (self);
  /* A running import writes in one transaction; destroying its dialog rolls it back. */
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));

  return GTK_WINDOW_CLASS (rei_window_parent_class)->close_request (window);
}

static void
rei_window_constructed (GObject *object)
{
  ReiWindow *self = REI_WINDOW (object);

  G_OBJECT_CLASS (rei_window_parent_class)->constructed (object);

  rei_resident_view_set_store (self->resident_view, self->store);
  rei_resident_detail_set_view (self->resident_detail, self->resident_view);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  ensure_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
  /* Delete removes the selected person from the table, not a character from a text field. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                        gtk_named_action_new ("win.delete-resident")));
    gtk_widget_add_controller (GTK_WIDGET (rei_resident_view_get_column_view (self->resident_view)),
                               shortcuts);
  }
  g_signal_connect_object (rei_resident_view_get_list (self->resident_view), "failed",
                           G_CALLBACK (on_list_failed_cb), self, G_CONNECT_SWAPPED);
}

static void
rei_window_dispose (GObject *object)
{
  ReiWindow *self = REI_WINDOW (object);

  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));

  /* Taking the stack apart may change its visible page: that must not make one now. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, on_visible_page_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_WINDOW);
  /* Went with their bins. */
  self->plan_page = NULL;
  self->network_view = NULL;
  self->reports_view = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rei_window_parent_class)->dispose (object);
}

static void
rei_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ReiWindow *self = REI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_IMPORTING:
      g_value_set_boolean (value, self->import_dialog != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ReiWindow *self = REI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_window_class_init (ReiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rei_window_constructed;
  object_class->dispose = rei_window_dispose;
  object_class->get_property = rei_window_get_property;
  object_class->set_property = rei_window_set_property;
  window_class->close_request = rei_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (REI_TYPE_RESIDENT_VIEW);
  g_type_ensure (REI_TYPE_RESIDENT_DETAIL);
  g_type_ensure (REI_TYPE_BACKGROUND_JOB_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/rei-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, resident_view);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, resident_detail);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, network_bin);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, reports_bin);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, job_bar);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-resident", NULL, new_resident_action);
  gtk_widget_class_install_action (widget_class, "win.save-resident", NULL, save_resident_action);
  gtk_widget_class_install_action (widget_class, "win.delete-resident", NULL,
                                   delete_resident_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-residents", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-plan", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-network", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-reports", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.export-residents", NULL,
                                   export_residents_action);
  rei_window_install_backup_actions (widget_class);
}

static void
rei_window_init (ReiWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Run from the build tree without compiled schemas, the window simply forgets its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

ReiWindow *
rei_window_new (GtkApplication *application,
                ReiStore       *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  return g_object_new (REI_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

ReiStore *
rei_window_get_store (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  return self->store;
}

ReiResidentView *
rei_window_get_resident_view (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  return self->resident_view;
}

void
rei_window_add_toast (ReiWindow  *self,
                      const char *title)
{
  g_return_if_fail (REI_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
rei_window_import_file (ReiWindow *self,
                        GFile     *file)
{
  g_return_if_fail (REI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->import_dialog != NULL)
    return;

  self->import_dialog = rei_import_dialog_new (GTK_WINDOW (self), self->store, file);
  g_signal_connect_object (self->import_dialog, "imported",
                           G_CALLBACK (on_import_dialog_imported_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_dialog, "destroy",
                           G_CALLBACK (on_import_dialog_destroy_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_window_present (GTK_WINDOW (self->import_dialog));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

gboolean
rei_window_get_importing (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), FALSE);

  return self->import_dialog != NULL;
}

ReiImportDialog *
rei_window_get_import_dialog (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  return self->import_dialog;
}

ReiPlanPage *
rei_window_get_plan_page (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  ensure_page (self, "plans");
  return self->plan_page;
}

ReiResidentDetail *
rei_window_get_resident_detail (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  return self->resident_detail;
}

ReiReportsView *
rei_window_get_reports_view (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  ensure_page (self, "reports");
  return self->reports_view;
}

void
rei_window_show_reports (ReiWindow *self)
{
  g_return_if_fail (REI_IS_WINDOW (self));

  show_page (self, "reports");
}

ReiNetworkView *
rei_window_get_network_view (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  ensure_page (self, "network");
  return self->network_view;
}

ReiBackgroundJobBar *
rei_window_get_job_bar (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  return self->job_bar;
}

AdwViewStack *
rei_window_get_view_stack (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  return self->view_stack;
}

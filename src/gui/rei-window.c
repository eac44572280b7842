/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-window.h"

#include <glib/gi18n.h>

#include "rei-importer.h"

/* A dialog with thousands of lines helps nobody: the first ones show what is wrong. */
#define MAX_PROBLEMS_SHOWN 200

struct _ReiWindow
{
  AdwApplicationWindow  parent_instance;

  ReiStore             *store;
  GSettings            *settings;

  GTask                *import_task;
  GCancellable         *import_cancellable;
  guint                 import_progress_source;

  /* Template widgets. */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  ReiResidentView      *resident_view;
  GtkRevealer          *import_revealer;
  GtkProgressBar       *import_progress;
};

G_DEFINE_FINAL_TYPE (ReiWindow, rei_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  ReiStore *store;
  GFile    *file;
  int       permille;   /* written by the worker, read by the window: atomic */
} ImportData;

typedef struct
{
  ReiImporter *importer;
  GError      *error;
} ImportResult;

static void
import_data_free (gpointer data)
{
  ImportData *id = data;

  g_clear_object (&id->store);
  g_clear_object (&id->file);
  g_free (id);
}

static void
import_result_free (gpointer data)
{
  ImportResult *result = data;

  g_clear_object (&result->importer);
  g_clear_error (&result->error);
  g_free (result);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  ImportData *id = user_data;

  g_atomic_int_set (&id->permille, (int) CLAMP (fraction * 1000.0, 0.0, 1000.0));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *id = task_data;
  ImportResult *result = g_new0 (ImportResult, 1);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_file_load_bytes (id->file, cancellable, NULL, &result->error);
  if (bytes != NULL)
    {
      result->importer = rei_importer_new (id->store);
      rei_importer_run (result->importer, bytes, import_progress_cb, id,
                        cancellable, &result->error);
    }

  g_task_return_pointer (task, result, import_result_free);
}

static gboolean
update_import_progress_cb (gpointer user_data)
{
  ReiWindow *self = REI_WINDOW (user_data);
  ImportData *id;

  if (self->import_task == NULL)
    return G_SOURCE_CONTINUE;

  id = g_task_get_task_data (self->import_task);
  gtk_progress_bar_set_fraction (self->import_progress,
                                 g_atomic_int_get (&id->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_importing (ReiWindow *self,
               GTask     *task)
{
  g_clear_handle_id (&self->import_progress_source, g_source_remove);
  g_clear_object (&self->import_task);
  g_clear_object (&self->import_cancellable);

  if (task != NULL)
    {
      self->import_task = g_object_ref (task);
      self->import_cancellable = g_object_ref (g_task_get_cancellable (task));
      self->import_progress_source = g_timeout_add (100, update_import_progress_cb, self);
      gtk_progress_bar_set_fraction (self->import_progress, 0.0);
    }

  gtk_revealer_set_reveal_child (self->import_revealer, task != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", task == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", task != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

static void
show_import_problems (ReiWindow *self,
                      GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    {
      ReiImportProblem *problem = g_ptr_array_index (problems, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (problem->line > 0)
        g_string_append_printf (text, _("Line %u: %s"), problem->line, problem->message);
      else
        g_string_append (text, problem->message);
    }
  if (problems->len > MAX_PROBLEMS_SHOWN)
    {
      guint rest = problems->len - MAX_PROBLEMS_SHOWN;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "…and %u more problem",
                                                 "…and %u more problems", rest), rest);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Was Not Imported"),
                                   _("Nothing was saved. Correct these lines in the file and "
                                     "import it again."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "rei-problems");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (ReiWindow    *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *source_object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  ReiWindow *self = REI_WINDOW (source_object);
  ImportResult *result;

  result = g_task_propagate_pointer (G_TASK (res), NULL);

  /* Closed while importing: the import was cancelled and there is nobody left to tell. */
  if (self->import_revealer == NULL)
    {
      g_clear_pointer (&result, import_result_free);
      return;
    }

  set_importing (self, NULL);

  if (result == NULL)
    return;

  if (result->error == NULL)
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (_("Imported: %u new, %u updated"),
                               rei_importer_get_n_inserted (result->importer),
                               rei_importer_get_n_updated (result->importer));
      rei_window_add_toast (self, title);
      rei_resident_view_refresh (self->resident_view);
    }
  else if (g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      rei_window_add_toast (self, _("Import cancelled; nothing was saved"));
    }
  else if (g_error_matches (result->error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID)
           && result->importer != NULL
           && rei_importer_get_problems (result->importer) != NULL
           && rei_importer_get_problems (result->importer)->len > 0)
    {
      show_import_problems (self, rei_importer_get_problems (result->importer));
    }
  else
    {
      show_error (self, _("The File Was Not Imported"), result->error);
    }

  import_result_free (result);
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

  if (self->import_task != NULL)
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
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
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
rei_window_close_request (GtkWindow *window)
{
  ReiWindow *self = REI_WINDOW (window);

  save_window_state (self);
  /* A running import writes in one transaction; cancelling rolls it back cleanly. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  return GTK_WINDOW_CLASS (rei_window_parent_class)->close_request (window);
}

static void
rei_window_constructed (GObject *object)
{
  ReiWindow *self = REI_WINDOW (object);

  G_OBJECT_CLASS (rei_window_parent_class)->constructed (object);

  rei_resident_view_set_store (self->resident_view, self->store);
  g_signal_connect_object (rei_resident_view_get_list (self->resident_view), "failed",
                           G_CALLBACK (on_list_failed_cb), self, G_CONNECT_SWAPPED);
}

static void
rei_window_dispose (GObject *object)
{
  ReiWindow *self = REI_WINDOW (object);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_handle_id (&self->import_progress_source, g_source_remove);
  g_clear_object (&self->import_task);
  g_clear_object (&self->import_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_WINDOW);
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
      g_value_set_boolean (value, self->import_task != NULL);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/rei-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, resident_view);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReiWindow, import_progress);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}

static void
rei_window_init (ReiWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);

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
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  ImportData *id;

  g_return_if_fail (REI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->import_task != NULL)
    return;

  id = g_new0 (ImportData, 1);
  id->store = g_object_ref (self->store);
  id->file = g_object_ref (file);

  cancellable = g_cancellable_new ();
  task = g_task_new (self, cancellable, on_import_done_cb, NULL);
  g_task_set_source_tag (task, rei_window_import_file);
  g_task_set_task_data (task, id, import_data_free);
  set_importing (self, task);
  g_task_run_in_thread (task, import_thread);
}

gboolean
rei_window_get_importing (ReiWindow *self)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), FALSE);

  return self->import_task != NULL;
}

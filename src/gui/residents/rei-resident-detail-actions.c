/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-detail-private.h"

#include <glib/gi18n.h>

#include "rei-error-dialog.h"
#include "rei-export.h"
#include "rei-resident-rules.h"
#include "rei-store-residents.h"

/* What the pane does with the person in the form: save, new, delete with Undo, export for a
 * request of access, anonymise; and the question about unsaved edits that comes before leaving
 * them. */

static GtkWindow *
get_window (ReiResidentDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Save. */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _rei_resident_detail_save (REI_RESIDENT_DETAIL (widget));
}

gboolean
_rei_resident_detail_save (ReiResidentDetail *self)
{
  g_autoptr(ReiResident) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) saved = NULL;

  if (!rei_resident_detail_get_can_save (self))
    return FALSE;

  r = _rei_resident_detail_build (self);
  if (!rei_store_save_resident (self->store, r, &error))
    {
      /* What was typed stays in the form, to be corrected and saved again. */
      gtk_label_set_label (self->save_error_label, error->message);
      gtk_revealer_set_reveal_child (self->save_error_revealer, TRUE);
      return FALSE;
    }

  saved = rei_store_get_resident (self->store, rei_resident_get_id (r), NULL);
  _rei_resident_detail_load (self, saved != NULL ? saved : r);
  _rei_resident_detail_refresh_list (self);
  return TRUE;
}

/* Unsaved edits. */

typedef struct
{
  ReiResidentDetail         *self;
  ReiResidentDetailContinue  func;
  gpointer                   user_data;
} AskData;

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AskData          *data)
{
  ReiResidentDetail *self = data->self;
  gboolean proceed = FALSE;

  /* One answer per dialog: the data goes with it. */
  g_signal_handlers_disconnect_by_data (dialog, data);
  if (g_strcmp0 (response, "save") == 0)
    proceed = _rei_resident_detail_save (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      proceed = TRUE;
      self->modified = FALSE;
      _rei_resident_detail_update_title (self);
    }

  data->func (proceed, data->user_data);
  g_object_unref (self);
  g_free (data);
}

void
rei_resident_detail_ask_unsaved (ReiResidentDetail         *self,
                                 ReiResidentDetailContinue  func,
                                 gpointer                   user_data)
{
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  AdwEntryRow *first, *surname;
  gboolean can_save;
  GtkWidget *dialog;
  AskData *data;

  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));
  g_return_if_fail (func != NULL);

  if (!self->modified)
    {
      func (TRUE, user_data);
      return;
    }

  first = rei_resident_detail_get_entry_row (self, REI_RESIDENT_FIRST_NAME);
  surname = rei_resident_detail_get_entry_row (self, REI_RESIDENT_SURNAME);
  name = g_strjoin (" ", gtk_editable_get_text (GTK_EDITABLE (first)),
                    gtk_editable_get_text (GTK_EDITABLE (surname)), NULL);
  g_strstrip (name);
  if (*name != '\0')
    body = g_strdup_printf (_("The changes to “%s” are not saved yet. Changes which are not "
                              "saved will be lost."), name);
  else
    body = g_strdup (_("The new resident is not saved yet. Changes which are not saved will be "
                       "lost."));

  dialog = adw_message_dialog_new (get_window (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  /* A form with errors cannot be saved: the clerk fixes it (Cancel) or lets it go. */
  can_save = rei_resident_detail_get_can_save (self);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", can_save);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (AskData, 1);
  data->self = g_object_ref (self);
  data->func = func;
  data->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New. */

static void
on_new_answered_cb (gboolean proceed,
                    gpointer user_data)
{
  ReiResidentDetail *self = user_data;

  if (proceed)
    {
      _rei_resident_detail_unselect (self);
      _rei_resident_detail_load (self, NULL);
      gtk_widget_grab_focus (
        GTK_WIDGET (rei_resident_detail_get_entry_row (self, REI_RESIDENT_FIRST_NAME)));
    }
  g_object_unref (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (widget);

  if (self->store == NULL)
    return;
  rei_resident_detail_ask_unsaved (self, on_new_answered_cb, g_object_ref (self));
}

/* Delete, with Undo. */

static void
on_undo_clicked_cb (AdwToast          *toast,
                    ReiResidentDetail *self)
{
  ReiResident *deleted = g_object_get_data (G_OBJECT (toast), "resident");
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) restored = NULL;

  if (!rei_store_restore_resident (self->store, deleted, &error))
    {
      rei_error_dialog_show (GTK_WIDGET (self), _("Cannot Undo the Delete"), error->message);
      return;
    }
  restored = rei_store_get_resident (self->store, rei_resident_get_id (deleted), NULL);
  /* The form shows the person back unless the clerk has moved on to unsaved work. */
  if (restored != NULL && !self->modified)
    _rei_resident_detail_load (self, restored);
  _rei_resident_detail_refresh_list (self);
}

static void
on_undo_toast_dismissed_cb (AdwToast          *toast,
                            ReiResidentDetail *self)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (widget);
  g_autoptr(ReiResident) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (self->resident == NULL)
    return;
  id = rei_resident_get_id (self->resident);

  /* What the undo puts back: the row as stored, not as edited. */
  before = rei_store_get_resident (self->store, id, &error);
  if (before == NULL || !rei_store_delete_resident (self->store, id, &error))
    {
      rei_error_dialog_show (GTK_WIDGET (self), _("Cannot Delete the Resident"), error->message);
      return;
    }

  _rei_resident_detail_unselect (self);
  _rei_resident_detail_clear (self);
  _rei_resident_detail_refresh_list (self);

  name = rei_resident_dup_full_name (before);
  /* TRANSLATORS: a toast after a delete; %s is the name of the person. */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "resident", g_steal_pointer (&before), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self, 0);
  g_set_object (&self->undo_toast, toast);
  _rei_resident_detail_add_toast (self, toast);
}

/* Export for a request of access (GDPR art. 15). */

/* What the worker needs, owned by the task: the pane may be given another store while it runs. */
typedef struct
{
  ReiStore *store;
  GFile    *file;
  gint64    id;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("The workbook can only be written to a local file."));
  else
    rei_export_person (job->store, job->id, path, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (source);
  g_autoptr(GError) error = NULL;
  ReiResidentHistoryRow *history;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      rei_error_dialog_show (GTK_WIDGET (self), _("The Data Was Not Exported"), error->message);
      return;
    }
  _rei_resident_detail_add_toast (self, adw_toast_new (_("Personal data exported")));
  /* The export is in the person's history now. */
  history = rei_resident_consent_section_get_history_row (self->consent_section);
  rei_resident_history_row_refresh (history);
}

void
rei_resident_detail_export_to_file (ReiResidentDetail *self,
                                    GFile             *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->resident != NULL);

  job = g_new0 (ExportJob, 1);
  job->store = g_object_ref (self->store);
  job->file = g_object_ref (file);
  job->id = rei_resident_get_id (self->resident);

  task = g_task_new (self, NULL, on_export_done_cb, NULL);
  g_task_set_source_tag (task, rei_resident_detail_export_to_file);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_chooser_response_cb (GtkNativeDialog   *chooser,
                               int                response,
                               ReiResidentDetail *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->resident != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rei_resident_detail_export_to_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->resident == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Everything About This Person"),
                                         get_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* The file name holds no personal data: it may end up in a list of recent files. */
  id = g_strdup_printf ("%" G_GINT64_FORMAT, rei_resident_get_id (self->resident));
  /* TRANSLATORS: the suggested file name; %s is the number of the person in the register. */
  name = g_strdup_printf (_("personal-data-%s.xlsx"), id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Anonymise, once the retention period has passed. */

/* The rule is the core's, for one person; the number of years is the centre's setting. */
gboolean
_rei_resident_detail_retention_passed (ReiResidentDetail *self)
{
  if (self->resident == NULL || self->store == NULL)
    return FALSE;
  return rei_resident_rules_retention_passed (
    self->resident, rei_store_get_setting_int (self->store, REI_SETTING_RETENTION_YEARS, NULL, -1),
    NULL);
}

static void
on_anonymise_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          ReiResidentDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) after = NULL;
  gint64 id;

  if (g_strcmp0 (response, "anonymise") != 0 || self->resident == NULL)
    return;

  id = rei_resident_get_id (self->resident);
  if (!rei_store_anonymise_resident (self->store, id, &error))
    {
      rei_error_dialog_show (GTK_WIDGET (self), _("The Person Was Not Anonymised"), error->message);
      return;
    }
  after = rei_store_get_resident (self->store, id, NULL);
  if (after != NULL)
    _rei_resident_detail_load (self, after);
  _rei_resident_detail_refresh_list (self);
  _rei_resident_detail_add_toast (self, adw_toast_new (_("The person was anonymised")));
}

static void
anonymise_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (widget);
  GtkWidget *dialog;

  if (self->resident == NULL || !_rei_resident_detail_retention_passed (self))
    return;

  dialog = adw_message_dialog_new (get_window (self), _("Anonymise This Person?"),
                                   _("The name, PESEL, birth date, contact details, contract "
                                     "number, notes and consent will be removed for good. Only "
                                     "what the statistics need is kept. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "anonymise", _("_Anonymise"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anonymise",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_anonymise_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_rei_resident_detail_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "resident.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "resident.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "resident.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "resident.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "resident.anonymise", NULL, anonymise_action);
  /* Inside the pane; the window gives Ctrl+S and Ctrl+N to the whole window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "resident.save", NULL);
}

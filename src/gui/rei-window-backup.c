/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-background-job-bar.h"
#include "rei-background-job.h"
#include "rei-window-private.h"

/* The window's Back Up and Restore: a file chooser, then the copy in a background job under the
 * pages, with its progress and Cancel, since a register of 100 000 people takes seconds to
 * copy.  A restore asks first, and the store keeps the register it replaces beside it; while
 * it runs the pages cannot be edited, and once it is done every page reads the restored
 * register (the store's "replaced"). */

typedef struct
{
  ReiStore *store;
  char     *path;
  char     *kept;
} BackupWork;

static void
backup_work_free (gpointer data)
{
  BackupWork *work = data;

  g_clear_object (&work->store);
  g_free (work->path);
  g_free (work->kept);
  g_free (work);
}

static BackupWork *
backup_work_new (ReiWindow *self,
                 GFile     *file)
{
  BackupWork *work = g_new0 (BackupWork, 1);

  work->store = g_object_ref (rei_window_get_store (self));
  work->path = g_file_get_path (file);
  return work;
}

static gboolean
backup_work (ReiBackgroundJob  *job,
             gpointer           data,
             GCancellable      *cancellable,
             GError           **error)
{
  BackupWork *work = data;

  return rei_store_backup_full (work->store, work->path, cancellable,
                                rei_background_job_progress, job, error);
}

static gboolean
restore_work (ReiBackgroundJob  *job,
              gpointer           data,
              GCancellable      *cancellable,
              GError           **error)
{
  BackupWork *work = data;

  return rei_store_restore_full (rei_store_get_path (work->store), work->path, &work->kept,
                                 cancellable, rei_background_job_progress, job, error);
}

/* One copy at a time: a second would only wait for the first's lock. */
static void
set_running (ReiWindow *self,
             gboolean   running,
             gboolean   restoring)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", !running);
  /* What is on the pages is about to be replaced, and a save would wait for the restore's
   * lock: nothing is edited meanwhile. */
  if (restoring || !running)
    gtk_widget_set_sensitive (GTK_WIDGET (rei_window_get_view_stack (self)), !running);
}

static void
on_backup_finished_cb (ReiBackgroundJob *job,
                       const GError     *error,
                       ReiWindow        *self)
{
  set_running (self, FALSE, FALSE);
}

static void
on_restore_finished_cb (ReiBackgroundJob *job,
                        const GError     *error,
                        ReiWindow        *self)
{
  BackupWork *work = rei_background_job_get_data (job);

  set_running (self, FALSE, TRUE);
  if (error != NULL)
    return;
  /* Everything on screen came from the register that has just been replaced. */
  rei_store_notify_replaced (rei_window_get_store (self));
  if (work->kept != NULL)
    {
      g_autofree char *base = g_path_get_basename (work->kept);
      g_autofree char *title = g_strdup_printf (_("Backup restored; the previous register is kept as %s"),
                                                base);

      rei_window_add_toast (self, title);
    }
}

static ReiBackgroundJob *
start_job (ReiWindow            *self,
           const char           *title,
           const char           *cancelled,
           const char           *error_title,
           gboolean              restoring,
           GCallback             finished,
           ReiBackgroundJobFunc  func,
           BackupWork           *work)
{
  ReiBackgroundJobBar *bar = rei_window_get_job_bar (self);
  ReiBackgroundJob *job;

  /* Owned by the bar, whose toasts go to the window's overlay. */
  job = rei_background_job_new (GTK_WIDGET (bar), title);
  rei_background_job_set_cancelled_message (job, cancelled);
  rei_background_job_set_error_title (job, error_title);
  g_signal_connect_object (job, "finished", finished, self, 0);
  set_running (self, TRUE, restoring);
  rei_background_job_bar_set_job (bar, job);
  rei_background_job_run (job, func, work, backup_work_free);
  return job;
}

ReiBackgroundJob *
rei_window_backup_to_file (ReiWindow *self,
                           GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *done = g_strdup_printf (_("Backup saved to %s"), name);
  ReiBackgroundJob *job;

  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  job = start_job (self, _("Backing up…"), _("Backup cancelled; no file was written"),
                   _("The Backup Was Not Made"), FALSE, G_CALLBACK (on_backup_finished_cb),
                   backup_work, backup_work_new (self, file));
  rei_background_job_set_done_message (job, done);
  return job;
}

ReiBackgroundJob *
rei_window_restore_file (ReiWindow *self,
                         GFile     *file)
{
  g_return_val_if_fail (REI_IS_WINDOW (self), NULL);

  return start_job (self, _("Restoring…"), _("Restore cancelled; nothing was changed"),
                    _("The Backup Was Not Restored"), TRUE, G_CALLBACK (on_restore_finished_cb),
                    restore_work, backup_work_new (self, file));
}

static void
on_backup_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ReiWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        g_object_unref (rei_window_backup_to_file (self, file));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "reintegra-%Y-%m-%d.db");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Back Up the Database"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_backup_chooser_response_cb),
                           widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_restore_confirmed_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         ReiWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "restore") == 0)
    g_object_unref (rei_window_restore_file (self, file));
}

static void
on_restore_chooser_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                ReiWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *body = g_strdup_printf (
            _("The register will be replaced by the backup “%s”. The present register is kept "
              "as a copy beside the database, and nothing is changed if the backup is damaged "
              "or not a Reintegra backup."), name);
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                      _("Restore the Backup?"), body);

          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "restore", _("_Restore"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file),
                                  g_object_unref);
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_confirmed_cb),
                                   self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReiWindow *self = REI_WINDOW (widget);
  GtkFileChooserNative *chooser;

  /* What the clerk typed would be lost under the restored register. */
  if (rei_resident_detail_get_modified (rei_window_get_resident_detail (self)))
    {
      rei_window_add_toast (self, _("Save or discard the open form before restoring a backup"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_restore_chooser_response_cb),
                           widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
rei_window_install_backup_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
}

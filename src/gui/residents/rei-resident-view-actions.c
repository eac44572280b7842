/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-export.h"
#include "rei-resident-view-private.h"

/* The export of the list as it is searched and filtered, in a background job with its bar
 * under the list. */

typedef struct
{
  ReiStore         *store;
  ReiResidentQuery *query;
  char             *path;
} ExportWork;

static void
export_work_free (gpointer data)
{
  ExportWork *work = data;

  g_clear_object (&work->store);
  g_clear_pointer (&work->query, rei_resident_query_free);
  g_free (work->path);
  g_free (work);
}

static gboolean
export_work (ReiBackgroundJob  *job,
             gpointer           data,
             GCancellable      *cancellable,
             GError           **error)
{
  ExportWork *work = data;
  g_autoptr(ReiStore) own_store = NULL;

  /* The store reads through one connection that a query holds to its end.  Streaming 100 000
   * rows over it would stop the list from reading the rows it shows for seconds, so the export
   * reads through its own connection to the same file (SQLite's WAL lets both read at once). */
  own_store = rei_store_open (rei_store_get_path (work->store), NULL);

  return rei_export_residents (own_store != NULL ? own_store : work->store, work->query,
                               work->path, rei_background_job_progress, job, cancellable,
                               error);
}

static void
on_export_finished_cb (ReiResidentView  *self,
                       const GError     *error,
                       ReiBackgroundJob *job)
{
  if (job != self->export_job)
    return;
  g_clear_object (&self->export_job);
  _rei_resident_view_notify_exporting (self);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ReiResidentView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rei_resident_view_export_to_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (widget);

  if (self->export_job != NULL)
    rei_background_job_cancel (self->export_job);
}

void
_rei_resident_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, export_bar);
  gtk_widget_class_install_action (widget_class, "residents.cancel-export", NULL,
                                   cancel_export_action);
}

void
_rei_resident_view_init_actions (ReiResidentView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "residents.cancel-export", FALSE);
}

void
_rei_resident_view_dispose_actions (ReiResidentView *self)
{
  /* The workbook is removed when the export stops half way. */
  if (self->export_job != NULL)
    rei_background_job_cancel (self->export_job);
  g_clear_object (&self->export_job);
}

void
rei_resident_view_export (ReiResidentView *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GtkRoot *root;

  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  if (self->export_job != NULL || self->store == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  chooser = gtk_file_chooser_native_new (_("Export Residents"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the file name offered for an export of the list; keep the .xlsx ending. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("residents.xlsx"));

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
rei_resident_view_export_to_file (ReiResidentView *self,
                                  GFile           *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  ExportWork *work;
  guint n;

  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_job != NULL || self->list == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                     adw_toast_new (_("Choose a file on this computer to export to")));
      return;
    }
  if (!g_str_has_suffix (path, ".xlsx"))
    {
      char *with_suffix = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_suffix;
    }

  work = g_new0 (ExportWork, 1);
  work->store = g_object_ref (self->store);
  /* The query of the rows on screen, not of a search still being typed. */
  work->query = rei_resident_query_copy (rei_resident_list_get_query (self->list));
  work->path = g_steal_pointer (&path);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  name = g_path_get_basename (work->path);
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u resident to %s",
                                       "Exported %u residents to %s", n), n, name);

  self->export_job = rei_background_job_new (GTK_WIDGET (self), _("Exporting residents…"));
  rei_background_job_set_done_message (self->export_job, done);
  rei_background_job_set_cancelled_message (self->export_job, _("Export cancelled"));
  rei_background_job_set_error_title (self->export_job, _("The List Was Not Exported"));
  g_signal_connect_object (self->export_job, "finished", G_CALLBACK (on_export_finished_cb), self,
                           G_CONNECT_SWAPPED);
  rei_background_job_bar_set_job (self->export_bar, self->export_job);
  rei_background_job_run (self->export_job, export_work, work, export_work_free);
  _rei_resident_view_notify_exporting (self);
}

gboolean
rei_resident_view_get_exporting (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), FALSE);

  return self->export_job != NULL;
}

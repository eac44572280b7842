/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-partner-import-dialog.h"

#include <glib/gi18n.h>

#include "rei-background-job.h"
#include "rei-partner-import.h"

/* Enough rows to recognise the file, few enough to read at a glance. */
#define N_PREVIEW_ROWS 50

struct _ReiPartnerImportDialog
{
  AdwWindow         parent_instance;

  ReiStore         *store;
  GFile            *file;
  GBytes           *bytes;        /* kept from the check, so that Import writes what was shown */
  ReiBackgroundJob *job;
  gboolean          checked;
  gboolean          writing;
  GPtrArray        *problems;     /* char*, "LINE: message" */
  guint             n_new;
  guint             n_updated;

  /* Template widgets. */
  GtkWidget        *cancel_button;
  GtkWidget        *import_button;
  GtkLabel         *summary_label;
  GtkProgressBar   *progress_bar;
  GtkListBox       *rows_list;
};

G_DEFINE_FINAL_TYPE (ReiPartnerImportDialog, rei_partner_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker is given and what it leaves for the dialog, so that the main thread only
 * copies it into widgets. */
typedef struct
{
  ReiStore  *store;
  GFile     *file;
  GBytes    *bytes;
  gboolean   write;

  GPtrArray *problems;     /* char* */
  GPtrArray *preview;      /* char* pairs: title, subtitle */
  guint      n_new;
  guint      n_updated;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_object_unref (work->store);
  g_object_unref (work->file);
  g_clear_pointer (&work->bytes, g_bytes_unref);
  g_ptr_array_unref (work->problems);
  g_ptr_array_unref (work->preview);
  g_free (work);
}

static gboolean
work_run (ReiBackgroundJob  *job,
          gpointer           data,
          GCancellable      *cancellable,
          GError           **error)
{
  Work *work = data;
  g_autoptr(ReiPartnerImporter) importer = rei_partner_importer_new (work->store);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *problems, *partners;
  gboolean ok;

  if (work->bytes == NULL)
    {
      work->bytes = g_file_load_bytes (work->file, cancellable, NULL, error);
      if (work->bytes == NULL)
        return FALSE;
    }
  if (work->write)
    ok = rei_partner_importer_run (importer, work->bytes, rei_background_job_progress, job,
                                   cancellable, &local_error);
  else
    ok = rei_partner_importer_validate (importer, work->bytes, rei_background_job_progress, job,
                                        cancellable, &local_error);
  /* A file with problems is an answer to show, not a failure. */
  if (!ok && !g_error_matches (local_error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  problems = rei_partner_importer_get_problems (importer);
  for (guint i = 0; i < problems->len; i++)
    {
      ReiImportProblem *problem = g_ptr_array_index (problems, i);

      g_ptr_array_add (work->problems, problem->line > 0
                       ? g_strdup_printf ("%u: %s", problem->line, problem->message)
                       : g_strdup (problem->message));
    }
  partners = rei_partner_importer_get_partners (importer);
  for (guint i = 0; i < partners->len && i < N_PREVIEW_ROWS; i++)
    {
      ReiPartner *partner = g_ptr_array_index (partners, i);
      const char *type = rei_partner_get_text (partner, REI_PARTNER_TYPE);

      g_ptr_array_add (work->preview, g_strdup (rei_partner_get_name (partner)));
      /* TRANSLATORS: a preview row: the partner's type, then whether it is new. */
      g_ptr_array_add (work->preview, g_strdup_printf (_("%s · %s"), rei_partner_type_label (type),
                                                       rei_partner_get_id (partner) == 0
                                                       ? _("new") : _("updates the stored partner")));
    }
  work->n_new = rei_partner_importer_get_n_inserted (importer);
  work->n_updated = rei_partner_importer_get_n_updated (importer);
  return TRUE;
}

static void
clear_rows (ReiPartnerImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_list))) != NULL)
    gtk_list_box_remove (self->rows_list, child);
}

static void
add_row (ReiPartnerImportDialog *self,
         const char             *title,
         const char             *subtitle,
         gboolean                problem)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (problem)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_list_box_append (self->rows_list, row);
}

static void
on_fraction_cb (ReiBackgroundJob       *job,
                GParamSpec             *pspec,
                ReiPartnerImportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, rei_background_job_get_fraction (job));
}

static void
on_finished_cb (ReiBackgroundJob       *job,
                const GError           *error,
                ReiPartnerImportDialog *self)
{
  Work *work = rei_background_job_get_data (job);
  g_autofree char *summary = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  self->checked = TRUE;
  if (error != NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      g_clear_object (&self->job);
      return;
    }

  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < work->problems->len; i++)
    g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (work->problems, i)));
  self->n_new = work->n_new;
  self->n_updated = work->n_updated;
  if (self->bytes == NULL && work->bytes != NULL)
    self->bytes = g_bytes_ref (work->bytes);

  if (work->write && work->problems->len == 0)
    {
      g_clear_object (&self->job);
      g_signal_emit (self, signals[IMPORTED], 0, self->n_new, self->n_updated);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  clear_rows (self);
  if (work->problems->len > 0)
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The file has %u problem. Nothing was written; "
                                              "correct the lines below and import it again.",
                                              "The file has %u problems. Nothing was written; "
                                              "correct the lines below and import it again.",
                                              work->problems->len),
                                 work->problems->len);
      for (guint i = 0; i < work->problems->len; i++)
        {
          /* TRANSLATORS: a problem of the imported file; %s is "LINE: message". */
          g_autofree char *title = g_strdup_printf (_("Line %s"), (const char *) g_ptr_array_index (work->problems, i));

          add_row (self, title, NULL, TRUE);
        }
    }
  else
    {
      summary = g_strdup_printf (_("The file is correct: %u new partners, %u updated. "
                                   "Nothing is written until you press Import."),
                                 work->n_new, work->n_updated);
      for (guint i = 0; i + 1 < work->preview->len; i += 2)
        add_row (self, g_ptr_array_index (work->preview, i), g_ptr_array_index (work->preview, i + 1),
                 FALSE);
    }
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_sensitive (self->import_button, work->problems->len == 0
                            && work->n_new + work->n_updated > 0);
  g_clear_object (&self->job);
}

static void
start (ReiPartnerImportDialog *self,
       gboolean                write)
{
  Work *work = g_new0 (Work, 1);

  work->store = g_object_ref (self->store);
  work->file = g_object_ref (self->file);
  work->bytes = self->bytes != NULL ? g_bytes_ref (self->bytes) : NULL;
  work->write = write;
  work->problems = g_ptr_array_new_with_free_func (g_free);
  work->preview = g_ptr_array_new_with_free_func (g_free);

  self->checked = FALSE;
  self->writing = write;
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->summary_label, write ? _("Importing…") : _("Checking the file…"));

  self->job = rei_background_job_new (GTK_WIDGET (self), write ? _("Importing partners…")
                                                               : _("Checking the file…"));
  rei_background_job_set_error_title (self->job, _("The Partners Were Not Imported"));
  g_signal_connect_object (self->job, "notify::fraction", G_CALLBACK (on_fraction_cb), self, 0);
  g_signal_connect_object (self->job, "finished", G_CALLBACK (on_finished_cb), self, 0);
  rei_background_job_run (self->job, work_run, work, work_free);
}

static void
on_cancel_clicked_cb (ReiPartnerImportDialog *self)
{
  /* A running import writes in one transaction: the cancel rolls it back. */
  if (self->job != NULL)
    rei_background_job_cancel (self->job);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_import_clicked_cb (ReiPartnerImportDialog *self)
{
  if (self->job == NULL)
    start (self, TRUE);
}

static void
rei_partner_import_dialog_dispose (GObject *object)
{
  ReiPartnerImportDialog *self = REI_PARTNER_IMPORT_DIALOG (object);

  if (self->job != NULL)
    rei_background_job_cancel (self->job);
  g_clear_object (&self->job);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_PARTNER_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  G_OBJECT_CLASS (rei_partner_import_dialog_parent_class)->dispose (object);
}

static void
rei_partner_import_dialog_class_init (ReiPartnerImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_partner_import_dialog_dispose;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/network/rei-partner-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerImportDialog, rows_list);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rei_partner_import_dialog_init (ReiPartnerImportDialog *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

ReiPartnerImportDialog *
rei_partner_import_dialog_new (GtkWindow *parent,
                               ReiStore  *store,
                               GFile     *file)
{
  ReiPartnerImportDialog *self = g_object_new (REI_TYPE_PARTNER_IMPORT_DIALOG,
                                               "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  start (self, FALSE);
  return self;
}

gboolean
rei_partner_import_dialog_get_checked (ReiPartnerImportDialog *self)
{
  return self->checked;
}

guint
rei_partner_import_dialog_get_problem_count (ReiPartnerImportDialog *self)
{
  return self->problems->len;
}

const char *
rei_partner_import_dialog_get_problem (ReiPartnerImportDialog *self,
                                       guint                   index)
{
  g_return_val_if_fail (index < self->problems->len, NULL);
  return g_ptr_array_index (self->problems, index);
}

guint
rei_partner_import_dialog_get_n_new (ReiPartnerImportDialog *self)
{
  return self->n_new;
}

guint
rei_partner_import_dialog_get_n_updated (ReiPartnerImportDialog *self)
{
  return self->n_updated;
}

GtkWidget *
rei_partner_import_dialog_get_import_button (ReiPartnerImportDialog *self)
{
  return self->import_button;
}

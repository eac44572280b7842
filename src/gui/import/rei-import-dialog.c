/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-import-dialog-private.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-error-dialog.h"
#include "rei-import-work.h"
#include "rei-resident.h"

struct _ReiImportDialog
{
  AdwWindow             parent_instance;

  ReiStore             *store;
  GFile                *file;
  ReiCsvEncoding        encoding;
  ReiImportDialogState  state;

  /* What was checked is what gets written, even if the file changes on disk meanwhile. */
  GBytes               *bytes;
  /* The check or the import running; NULL when none runs. */
  ReiBackgroundJob     *job;

  guint                 n_rows;
  guint                 n_new;
  guint                 n_updated;
  GArray               *problem_lines;   /* guint */
  GListStore           *preview;         /* ReiResident */

  /* Template widgets. */
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *import_button;
  GtkStack             *stack;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  GtkLabel             *summary_label;
  GtkLabel             *preview_caption;
  GtkColumnView        *preview_view;
  GtkLabel             *problems_title;
  GtkListView          *problems_view;
  AdwStatusPage        *failed_page;
  GtkDropDown          *encoding_dropdown;
};

G_DEFINE_FINAL_TYPE (ReiImportDialog, rei_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_state (ReiImportDialog      *self,
           ReiImportDialogState  state)
{
  gboolean working = state == REI_IMPORT_DIALOG_VALIDATING || state == REI_IMPORT_DIALOG_IMPORTING;

  self->state = state;

  switch (state)
    {
    case REI_IMPORT_DIALOG_VALIDATING:
      adw_status_page_set_title (self->progress_page, _("Checking the File…"));
      adw_status_page_set_description (self->progress_page,
                                       _("Nothing is written until you press Import."));
      gtk_stack_set_visible_child_name (self->stack, "progress");
      break;

    case REI_IMPORT_DIALOG_IMPORTING:
      adw_status_page_set_title (self->progress_page, _("Importing Residents…"));
      adw_status_page_set_description (self->progress_page,
                                       _("Cancel leaves the register as it was."));
      gtk_stack_set_visible_child_name (self->stack, "progress");
      break;

    case REI_IMPORT_DIALOG_READY:
      gtk_stack_set_visible_child_name (self->stack, "preview");
      break;

    case REI_IMPORT_DIALOG_INVALID:
      gtk_stack_set_visible_child_name (self->stack, "problems");
      break;

    case REI_IMPORT_DIALOG_FAILED:
      gtk_stack_set_visible_child_name (self->stack, "failed");
      break;

    case REI_IMPORT_DIALOG_CANCELLING:
      adw_status_page_set_title (self->progress_page, _("Cancelling…"));
      adw_status_page_set_description (self->progress_page, _("Nothing is written."));
      gtk_stack_set_visible_child_name (self->stack, "progress");
      break;

    default:
      break;
    }

  if (working)
    gtk_progress_bar_set_fraction (self->progress_bar, 0.0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import",
                                 state == REI_IMPORT_DIALOG_READY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.cancel",
                                 state != REI_IMPORT_DIALOG_CANCELLING);
  /* Another encoding means checking again; not while writing. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->encoding_dropdown),
                            state != REI_IMPORT_DIALOG_IMPORTING
                            && state != REI_IMPORT_DIALOG_CANCELLING);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
on_job_fraction_cb (ReiImportDialog  *self,
                    GParamSpec       *pspec,
                    ReiBackgroundJob *job)
{
  /* Not a check that another encoding superseded, still stopping. */
  if (job == self->job)
    gtk_progress_bar_set_fraction (self->progress_bar, rei_background_job_get_fraction (job));
}

static void on_job_finished_cb (ReiImportDialog  *self,
                                const GError     *error,
                                ReiBackgroundJob *job);

static void
start_job (ReiImportDialog *self,
           gboolean         write)
{
  ReiImportWork *work;

  /* A check still running for the previous encoding is of no interest any more. */
  if (self->job != NULL)
    rei_background_job_cancel (self->job);
  g_clear_object (&self->job);

  work = rei_import_work_new (self->store, self->file, self->bytes, self->encoding, write);

  /* The job holds the dialog only weakly: a dialog destroyed with its window is disposed at
   * once, which cancels the worker, instead of living on until the worker returns.  What it
   * found, the dialog shows itself. */
  self->job = rei_background_job_new (GTK_WIDGET (self), NULL);
  g_signal_connect_object (self->job, "notify::fraction", G_CALLBACK (on_job_fraction_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->job, "finished", G_CALLBACK (on_job_finished_cb), self,
                           G_CONNECT_SWAPPED);

  set_state (self, write ? REI_IMPORT_DIALOG_IMPORTING : REI_IMPORT_DIALOG_VALIDATING);
  rei_background_job_run (self->job, rei_import_work_run, work, rei_import_work_free);
}

static void
show_check (ReiImportDialog *self,
            ReiImportWork      *work)
{
  g_autoptr(GtkStringList) texts = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;
  guint n_problems;

  self->n_rows = work->n_rows;
  self->n_new = work->n_new;
  self->n_updated = work->n_updated;
  g_clear_pointer (&self->problem_lines, g_array_unref);
  self->problem_lines = g_steal_pointer (&work->problem_lines);
  n_problems = self->problem_lines->len;

  g_list_store_remove_all (self->preview);
  if (n_problems == 0)
    g_list_store_splice (self->preview, 0, 0, work->preview->pdata, work->preview->len);

  texts = gtk_string_list_new ((const char * const *) work->problem_texts);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&texts)));
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));

  if (n_problems > 0)
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The file has %u problem",
                                              "The file has %u problems", n_problems),
                                 n_problems);
      gtk_label_set_label (self->problems_title, summary);
      set_state (self, REI_IMPORT_DIALOG_INVALID);
      return;
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u resident in the file",
                                          "%u residents in the file", self->n_rows),
                             self->n_rows);
  gtk_label_set_label (self->summary_label, summary);

  /* Matched by PESEL: the people already in the register are updated, not added twice. */
  if (self->n_rows == 0)
    detail = g_strdup (_("The file has a header but no residents; there is nothing to import."));
  else if (self->n_rows > REI_IMPORT_WORK_N_PREVIEW_ROWS)
    detail = g_strdup_printf (_("%u will be added and %u updated. The first %u are shown."),
                              self->n_new, self->n_updated, REI_IMPORT_WORK_N_PREVIEW_ROWS);
  else
    detail = g_strdup_printf (_("%u will be added and %u updated."),
                              self->n_new, self->n_updated);
  gtk_label_set_label (self->preview_caption, detail);

  set_state (self, REI_IMPORT_DIALOG_READY);
  if (self->n_rows == 0)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", FALSE);
  else
    gtk_widget_grab_focus (self->import_button);
}

static void
on_job_finished_cb (ReiImportDialog  *self,
                    const GError     *error,
                    ReiBackgroundJob *job)
{
  ReiImportWork *work = rei_background_job_get_data (job);
  gboolean cancelling;

  /* A dialog already gone (its window closed), or a check superseded by another encoding. */
  if (job != self->job)
    return;

  cancelling = self->state == REI_IMPORT_DIALOG_CANCELLING;
  g_object_ref (job);
  g_clear_object (&self->job);

  if (work->write && error == NULL)
    {
      g_signal_emit (self, signals[IMPORTED], 0, work->n_new, work->n_updated);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (cancelling || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    {
      if (self->bytes == NULL && work->bytes != NULL)
        self->bytes = g_bytes_ref (work->bytes);

      if (work->write)
        {
          /* A write that failed after a clean check (the disk, a PESEL taken meanwhile) was
           * rolled back by the importer: say why, and let the user try again or cancel. */
          set_state (self, REI_IMPORT_DIALOG_READY);
          rei_error_dialog_show (GTK_WIDGET (self), _("The Residents Were Not Imported"),
                                 error->message);
        }
      else if (work->read_failed)
        {
          adw_status_page_set_description (self->failed_page, error->message);
          set_state (self, REI_IMPORT_DIALOG_FAILED);
        }
      else
        show_check (self, work);
    }

  g_object_unref (job);
}

static void
on_encoding_selected_cb (ReiImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->encoding_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || (ReiCsvEncoding) selected == self->encoding)
    return;
  rei_import_dialog_set_encoding (self, (ReiCsvEncoding) selected);
}

static void
cancel (ReiImportDialog *self)
{
  switch (self->state)
    {
    case REI_IMPORT_DIALOG_VALIDATING:
    case REI_IMPORT_DIALOG_IMPORTING:
      /* The worker stops at its next check (every thousand rows) and rolls back; the dialog
       * closes when it has, so that the window never refreshes under a running write. */
      rei_background_job_cancel (self->job);
      set_state (self, REI_IMPORT_DIALOG_CANCELLING);
      break;

    case REI_IMPORT_DIALOG_CANCELLING:
      break;

    case REI_IMPORT_DIALOG_READY:
    case REI_IMPORT_DIALOG_INVALID:
    case REI_IMPORT_DIALOG_FAILED:
    default:
      gtk_window_destroy (GTK_WINDOW (self));
      break;
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cancel (REI_IMPORT_DIALOG (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiImportDialog *self = REI_IMPORT_DIALOG (widget);

  if (self->state != REI_IMPORT_DIALOG_READY || self->bytes == NULL || self->n_rows == 0)
    return;
  start_job (self, TRUE);
}

typedef struct
{
  const char *title;
  int         field;       /* -1: the categories */
  guint       min_chars;   /* a PESEL or a date is useless cut short */
  guint       nat_chars;
} PreviewColumn;

static const PreviewColumn preview_columns[] = {
  { N_("Surname"), REI_RESIDENT_SURNAME, 8, 16 },
  { N_("First Name"), REI_RESIDENT_FIRST_NAME, 6, 12 },
  { N_("PESEL"), REI_RESIDENT_PESEL, 11, 11 },
  { N_("Sex"), REI_RESIDENT_SEX, 1, 2 },
  { N_("Admission Date"), REI_RESIDENT_ADMISSION_DATE, 10, 10 },
  { N_("End Date"), REI_RESIDENT_END_DATE, 10, 10 },
  { N_("Categories"), -1, 10, 30 },
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const PreviewColumn      *column)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), column->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), column->nat_chars);
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const PreviewColumn      *column)
{
  ReiResident *resident = gtk_list_item_get_item (item);
  int field = column->field;
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *display = NULL;
  const char *text;

  if (field < 0)
    text = g_object_get_data (G_OBJECT (resident), REI_IMPORT_WORK_CATEGORIES_KEY);
  else
    {
      text = rei_resident_get (resident, field);
      if (text != NULL
          && (field == REI_RESIDENT_ADMISSION_DATE || field == REI_RESIDENT_END_DATE))
        text = display = rei_date_format_display (text);
    }

  gtk_inscription_set_text (inscription, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (inscription), field < 0 ? text : NULL);
}

static void
add_column (ReiImportDialog     *self,
            const PreviewColumn *spec)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) spec);
  column = gtk_column_view_column_new (_(spec->title), g_object_ref (factory));
  gtk_column_view_column_set_expand (column, spec->field < 0);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->preview_view, column);
}

static gboolean
rei_import_dialog_close_request (GtkWindow *window)
{
  ReiImportDialog *self = REI_IMPORT_DIALOG (window);

  /* Closing is cancelling: the window stays until the worker has stopped. */
  if (self->state == REI_IMPORT_DIALOG_VALIDATING
      || self->state == REI_IMPORT_DIALOG_IMPORTING
      || self->state == REI_IMPORT_DIALOG_CANCELLING)
    {
      cancel (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (rei_import_dialog_parent_class)->close_request (window);
}

static void
rei_import_dialog_constructed (GObject *object)
{
  ReiImportDialog *self = REI_IMPORT_DIALOG (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (rei_import_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL && self->file != NULL);
  name = g_file_get_basename (self->file);
  adw_window_title_set_subtitle (self->window_title, name);
  start_job (self, FALSE);
}

static void
rei_import_dialog_dispose (GObject *object)
{
  ReiImportDialog *self = REI_IMPORT_DIALOG (object);

  /* Destroyed with its parent window: whatever runs is stopped and rolled back. */
  if (self->job != NULL)
    rei_background_job_cancel (self->job);
  g_clear_object (&self->job);

  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->preview);

  G_OBJECT_CLASS (rei_import_dialog_parent_class)->dispose (object);
}

static void
rei_import_dialog_finalize (GObject *object)
{
  ReiImportDialog *self = REI_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->problem_lines, g_array_unref);

  G_OBJECT_CLASS (rei_import_dialog_parent_class)->finalize (object);
}

static void
rei_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReiImportDialog *self = REI_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_import_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ReiImportDialog *self = REI_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_import_dialog_class_init (ReiImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rei_import_dialog_constructed;
  object_class->dispose = rei_import_dialog_dispose;
  object_class->finalize = rei_import_dialog_finalize;
  object_class->get_property = rei_import_dialog_get_property;
  object_class->set_property = rei_import_dialog_set_property;
  window_class->close_request = rei_import_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      REI_IMPORT_DIALOG_VALIDATING, REI_IMPORT_DIALOG_CANCELLING,
                      REI_IMPORT_DIALOG_VALIDATING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/import/rei-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, problems_title);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, ReiImportDialog, encoding_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_encoding_selected_cb);

  gtk_widget_class_install_action (widget_class, "dialog.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
rei_import_dialog_init (ReiImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->encoding = REI_CSV_ENCODING_AUTO;
  self->preview = g_list_store_new (REI_TYPE_RESIDENT);
  self->problem_lines = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_init_template (GTK_WIDGET (self));

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
  for (guint i = 0; i < G_N_ELEMENTS (preview_columns); i++)
    add_column (self, &preview_columns[i]);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import", FALSE);
}

ReiImportDialog *
rei_import_dialog_new (GtkWindow *parent,
                       ReiStore  *store,
                       GFile     *file)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (REI_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "file", file,
                       NULL);
}

GFile *
rei_import_dialog_get_file (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

ReiImportDialogState
rei_import_dialog_get_state (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), REI_IMPORT_DIALOG_FAILED);
  return self->state;
}

ReiCsvEncoding
rei_import_dialog_get_encoding (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), REI_CSV_ENCODING_AUTO);
  return self->encoding;
}

void
rei_import_dialog_set_encoding (ReiImportDialog *self,
                                ReiCsvEncoding   encoding)
{
  g_return_if_fail (REI_IS_IMPORT_DIALOG (self));
  g_return_if_fail (encoding <= REI_CSV_ENCODING_CP1250);

  if (self->state == REI_IMPORT_DIALOG_IMPORTING || self->state == REI_IMPORT_DIALOG_CANCELLING)
    return;

  self->encoding = encoding;
  if (gtk_drop_down_get_selected (self->encoding_dropdown) != (guint) encoding)
    gtk_drop_down_set_selected (self->encoding_dropdown, encoding);

  /* Unless the file could not even be read, the bytes are already here: no second read. */
  if (self->state == REI_IMPORT_DIALOG_FAILED)
    g_clear_pointer (&self->bytes, g_bytes_unref);
  start_job (self, FALSE);
}

guint
rei_import_dialog_get_n_rows (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), 0);
  return self->n_rows;
}

guint
rei_import_dialog_get_n_new (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), 0);
  return self->n_new;
}

guint
rei_import_dialog_get_n_updated (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), 0);
  return self->n_updated;
}

guint
rei_import_dialog_get_problem_count (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), 0);
  return self->problem_lines->len;
}

guint
rei_import_dialog_get_problem_line (ReiImportDialog *self,
                                    guint            index)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), 0);
  g_return_val_if_fail (index < self->problem_lines->len, 0);
  return g_array_index (self->problem_lines, guint, index);
}

GListModel *
rei_import_dialog_get_preview (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->preview);
}

GtkWidget *
rei_import_dialog_get_import_button (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), NULL);
  return self->import_button;
}

GtkWidget *
rei_import_dialog_get_cancel_button (ReiImportDialog *self)
{
  g_return_val_if_fail (REI_IS_IMPORT_DIALOG (self), NULL);
  return self->cancel_button;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-reports-view.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "rei-date.h"
#include "rei-export-report.h"
#include "rei-funding-pane.h"
#include "rei-indicator-defs-pane.h"
#include "rei-projects-pane.h"
#include "rei-report-rows.h"
#include "rei-store-reports.h"
#include "rei-store-residents.h"

/* A list box row per person is fine for a project's few hundred; a year of a large centre has
 * thousands, which the workbook lists in full. */
#define MAX_PEOPLE_SHOWN 500

struct _ReiReportsView
{
  AdwBin          parent_instance;

  ReiStore       *store;
  GPtrArray      *scope_keys;    /* "rok:2019", "projekt:KOD", parallel to the drop-down */
  ReiReport      *report;
  GCancellable   *compute_cancellable;
  GCancellable   *export_cancellable;
  char           *status;

  /* Template widgets. */
  GtkDropDown    *scope_dropdown;
  GtkSpinner     *spinner;
  GtkButton      *export_button;
  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
  GtkListBox     *indicator_list;
  GtkLabel       *people_title;
  GtkListBox     *people_list;
  AdwViewStack   *stack;
  AdwBin         *projects_bin;
  AdwBin         *funding_bin;
  AdwBin         *definitions_bin;

  /* Made when their page is first shown or asked for (ensure_pane()); NULL until then. */
  ReiProjectsPane *projects_pane;
  ReiFundingPane *funding_pane;
  ReiIndicatorDefsPane *definitions_pane;
  guint           unfilled;  /* PANE_*: made, not given the store yet (fill_panes()) */
  guint           fill_id;
};

enum { PANE_PROJECTS = 1, PANE_FUNDING = 2, PANE_DEFINITIONS = 4 };

G_DEFINE_FINAL_TYPE (ReiReportsView, rei_reports_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void compute (ReiReportsView *self);

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_busy (ReiReportsView *self)
{
  gboolean computing = self->compute_cancellable != NULL;
  gboolean exporting = self->export_cancellable != NULL;

  gtk_spinner_set_spinning (self->spinner, computing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !exporting && self->report != NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, exporting);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Reads the scope key into a year or a project code. */
static gboolean
parse_key (const char  *key,
           int         *year,
           const char **code)
{
  *year = 0;
  *code = NULL;
  if (g_str_has_prefix (key, "rok:"))
    *year = atoi (key + 4);
  else if (g_str_has_prefix (key, "projekt:"))
    *code = key + 8;
  return *year > 0 || *code != NULL;
}

static const char *
selected_key (ReiReportsView *self)
{
  guint i = gtk_drop_down_get_selected (self->scope_dropdown);

  if (self->scope_keys == NULL || i >= self->scope_keys->len)
    return NULL;
  return g_ptr_array_index (self->scope_keys, i);
}

/* ---------------------------------------------------------------------------------------------
 * The indicators and their people
 * ------------------------------------------------------------------------------------------- */

static void
show_report (ReiReportsView *self)
{
  clear_list (self->indicator_list);
  clear_list (self->people_list);
  gtk_label_set_text (self->people_title, _("Choose an indicator to see the people behind it."));
  if (self->report == NULL)
    return;
  for (guint i = 0; i < self->report->indicators->len; i++)
    gtk_list_box_append (self->indicator_list, rei_report_indicator_row_new (g_ptr_array_index (self->report->indicators, i)));
}

gboolean
rei_reports_view_show_people (ReiReportsView *self,
                              const char     *code)
{
  const ReiReportIndicator *ind;
  g_autofree char *title = NULL;
  guint shown;

  g_return_val_if_fail (REI_IS_REPORTS_VIEW (self), FALSE);

  if (self->report == NULL || (ind = rei_report_lookup (self->report, code)) == NULL || ind->people == NULL)
    return FALSE;

  clear_list (self->people_list);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u person, %u counted",
                                        "%s: %u people, %u counted", ind->people->len),
                           ind->def->label, ind->people->len, ind->numerator);
  gtk_label_set_text (self->people_title, title);
  shown = MIN (ind->people->len, MAX_PEOPLE_SHOWN);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->people_list, rei_report_person_row_new (g_ptr_array_index (ind->people, i)));
  if (shown < ind->people->len)
    {
      g_autofree char *more = g_strdup_printf (_("And %u more: the workbook lists everyone."),
                                               ind->people->len - shown);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->people_list, row);
    }
  return TRUE;
}

static void
on_indicator_activated_cb (ReiReportsView *self,
                           GtkListBoxRow  *row)
{
  rei_reports_view_show_people (self, g_object_get_data (G_OBJECT (row), "code"));
}

/* ---------------------------------------------------------------------------------------------
 * Computing, in a thread
 * ------------------------------------------------------------------------------------------- */

static ReiReport *
compute_for_key (ReiStore      *store,
                 const char    *key,
                 GCancellable  *cancellable,
                 ReiProgressFunc progress,
                 gpointer      progress_data,
                 GError       **error)
{
  const char *code;
  int year;

  if (!parse_key (key, &year, &code))
    g_return_val_if_reached (NULL);
  if (code != NULL)
    return rei_report_compute_project (store, code, TRUE, cancellable, progress, progress_data, error);
  return rei_report_compute_year (store, year, TRUE, cancellable, progress, progress_data, error);
}

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReiReportsView *self = source;
  GError *error = NULL;
  ReiReport *report = compute_for_key (self->store, task_data, cancellable, NULL, NULL, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) rei_report_free);
}

static void
compute_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReiReportsView *self = REI_REPORTS_VIEW (source);
  g_autoptr(GError) error = NULL;
  ReiReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer choice is being computed: this result, finished or not, is stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->compute_cancellable)
    {
      g_clear_pointer (&report, rei_report_free);
      return;
    }

  g_clear_object (&self->compute_cancellable);
  g_clear_pointer (&self->report, rei_report_free);
  self->report = report;
  show_report (self);
  if (error != NULL)
    {
      gtk_label_set_text (self->people_title, error->message);
    }
  update_busy (self);
}

static void
compute (ReiReportsView *self)
{
  const char *key = selected_key (self);
  g_autoptr(GTask) task = NULL;

  if (self->compute_cancellable != NULL)
    g_cancellable_cancel (self->compute_cancellable);
  g_clear_object (&self->compute_cancellable);
  g_clear_pointer (&self->report, rei_report_free);
  show_report (self);
  if (self->store == NULL || key == NULL)
    {
      update_busy (self);
      return;
    }

  self->compute_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->compute_cancellable, compute_done, NULL);
  g_task_set_task_data (task, g_strdup (key), g_free);
  g_task_run_in_thread (task, compute_thread);
  update_busy (self);
}

static void
on_scope_selected_cb (ReiReportsView *self)
{
  compute (self);
}

/* A project saved, deleted or its participants changed: the list of scopes may differ, and
 * the numbers on show do. */
static void
on_projects_changed_cb (ReiReportsView *self)
{
  rei_reports_view_reload_scopes (self);
}

/* A definition changed: the same scope, counted again. */
static void
on_definitions_changed_cb (ReiReportsView *self)
{
  compute (self);
}

/* ---------------------------------------------------------------------------------------------
 * Export, in a thread
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  ReiStore *store;
  char     *key;
  char     *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_free (job->key);
  g_free (job->path);
  g_free (job);
}

typedef struct
{
  GWeakRef view;
  double   fraction;
} ProgressUpdate;

static gboolean
apply_progress (gpointer data)
{
  ProgressUpdate *u = data;
  g_autoptr(ReiReportsView) self = g_weak_ref_get (&u->view);

  if (self != NULL && self->export_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, u->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *u = data;

  g_weak_ref_clear (&u->view);
  g_free (u);
}

/* Called on the worker: the numbers first (half the bar), then the workbook. */
static void
export_progress (double   fraction,
                 gpointer user_data)
{
  GTask *task = user_data;
  ProgressUpdate *u = g_new0 (ProgressUpdate, 1);
  double base = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "phase")) ? 0.5 : 0.0;

  g_weak_ref_init (&u->view, g_task_get_source_object (task));
  u->fraction = base + fraction / 2;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, apply_progress, u, progress_update_free);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(ReiReport) report = NULL;
  GError *error = NULL;

  report = compute_for_key (job->store, job->key, cancellable, export_progress, task, &error);
  g_object_set_data (G_OBJECT (task), "phase", GINT_TO_POINTER (1));
  if (report == NULL
      || !rei_export_report (job->store, report, job->path, cancellable, export_progress, task, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReiReportsView *self = REI_REPORTS_VIEW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_free (self->status);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_filename_display_basename (job->path);
      self->status = g_strdup_printf (_("Saved “%s”."), name);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->status = g_strdup (_("The export was cancelled; nothing was written."));
  else
    self->status = g_strdup (error->message);
  gtk_label_set_text (self->status_label, self->status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  g_clear_object (&self->export_cancellable);
  update_busy (self);
}

void
rei_reports_view_export_to_file (ReiReportsView *self,
                                 GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  const char *key = selected_key (self);

  g_return_if_fail (REI_IS_REPORTS_VIEW (self));
  if (self->export_cancellable != NULL || key == NULL || self->store == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->store = g_object_ref (self->store);
  job->key = g_strdup (key);
  job->path = g_file_get_path (file);
  self->export_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  task = g_task_new (self, self->export_cancellable, export_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
  update_busy (self);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ReiReportsView  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      rei_reports_view_export_to_file (self, file);
    }
  g_object_unref (chooser);
}

void
rei_reports_view_export (ReiReportsView *self)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;
  const char *key = selected_key (self);

  g_return_if_fail (REI_IS_REPORTS_VIEW (self));
  if (key == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.xlsx", key);
  g_strdelimit (name, ":/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_clicked_cb (ReiReportsView *self)
{
  rei_reports_view_export (self);
}

static void
on_cancel_clicked_cb (ReiReportsView *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* ---------------------------------------------------------------------------------------------
 * Scopes
 * ------------------------------------------------------------------------------------------- */

void
rei_reports_view_reload_scopes (ReiReportsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) projects = NULL;
  g_autofree char *today = NULL;
  g_autofree char *previous = NULL;
  guint keep = 0;
  int first = 0, last = 0, first_end = 0, last_end = 0, this_year;

  g_return_if_fail (REI_IS_REPORTS_VIEW (self));

  previous = g_strdup (selected_key (self));
  g_clear_pointer (&self->scope_keys, g_ptr_array_unref);
  self->scope_keys = g_ptr_array_new_with_free_func (g_free);
  if (self->store != NULL)
    {
      today = rei_date_today_iso ();
      this_year = rei_date_year (today);
      rei_store_get_year_range (self->store, &first, &last, &first_end, &last_end, NULL);
      if (first <= 0 || first > this_year)
        first = this_year;
      /* The latest year first: that is the report a coordinator asks for most. */
      for (int y = this_year; y >= first; y--)
        {
          g_autofree char *label = g_strdup_printf (_("Year %d"), y);
          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->scope_keys, g_strdup_printf ("rok:%d", y));
        }
      projects = rei_store_list_projects (self->store, NULL);
      for (guint i = 0; projects != NULL && i < projects->len; i++)
        {
          ReiProject *p = g_ptr_array_index (projects, i);
          g_autofree char *label = NULL;

          if (p->code == NULL)
            continue;
          label = g_strdup_printf (_("Project %s — %s"), p->code, p->title);
          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->scope_keys, g_strconcat ("projekt:", p->code, NULL));
        }
    }

  /* The choice stays across a reload (a project saved or deleted) when it is still there. */
  for (guint i = 0; previous != NULL && i < self->scope_keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->scope_keys, i), previous))
      keep = i;
  g_signal_handlers_block_by_func (self->scope_dropdown, on_scope_selected_cb, self);
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->scope_dropdown, keep);
  g_signal_handlers_unblock_by_func (self->scope_dropdown, on_scope_selected_cb, self);
  compute (self);
}

gboolean
rei_reports_view_select_scope (ReiReportsView *self,
                               const char     *key)
{
  g_return_val_if_fail (REI_IS_REPORTS_VIEW (self), FALSE);

  for (guint i = 0; self->scope_keys != NULL && i < self->scope_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->scope_keys, i), key) == 0)
      {
        if (gtk_drop_down_get_selected (self->scope_dropdown) == i)
          compute (self);
        else
          gtk_drop_down_set_selected (self->scope_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/* Gives the store to the panes made and not given it yet. */
static void
fill_panes (ReiReportsView *self)
{
  if (self->unfilled & PANE_PROJECTS)
    rei_projects_pane_set_store (self->projects_pane, self->store);
  if (self->unfilled & PANE_FUNDING)
    rei_funding_pane_set_store (self->funding_pane, self->store);
  if (self->unfilled & PANE_DEFINITIONS)
    rei_indicator_defs_pane_set_store (self->definitions_pane, self->store);
  self->unfilled = 0;
  g_clear_handle_id (&self->fill_id, g_source_remove);
}

static gboolean
fill_cb (gpointer data)
{
  ReiReportsView *self = data;

  self->fill_id = 0;
  fill_panes (self);
  return G_SOURCE_REMOVE;
}

/* The projects, funding and definitions panes are made, and read the store, the first time
 * their page is shown (or code asks for one), not with the page: their templates (forms,
 * editors, a participants' section) were two thirds of making the Reports tab, and the stack
 * measured them all on its first frame.  Shown by a click (@now FALSE), a pane reads the store
 * in a dispatch of its own before the frame that shows it: making and filling the Projects pane
 * in the click was 11-23 ms. */
static void
ensure_pane (ReiReportsView *self,
             const char     *name,
             gboolean        now)
{
  if (g_strcmp0 (name, "projects") == 0 && self->projects_pane == NULL)
    {
      self->projects_pane = g_object_new (REI_TYPE_PROJECTS_PANE, NULL);
      g_signal_connect_swapped (self->projects_pane, "changed", G_CALLBACK (on_projects_changed_cb), self);
      adw_bin_set_child (self->projects_bin, GTK_WIDGET (self->projects_pane));
      self->unfilled |= PANE_PROJECTS;
    }
  else if (g_strcmp0 (name, "funding") == 0 && self->funding_pane == NULL)
    {
      self->funding_pane = g_object_new (REI_TYPE_FUNDING_PANE, NULL);
      adw_bin_set_child (self->funding_bin, GTK_WIDGET (self->funding_pane));
      self->unfilled |= PANE_FUNDING;
    }
  else if (g_strcmp0 (name, "definitions") == 0 && self->definitions_pane == NULL)
    {
      self->definitions_pane = g_object_new (REI_TYPE_INDICATOR_DEFS_PANE, NULL);
      g_signal_connect_swapped (self->definitions_pane, "changed", G_CALLBACK (on_definitions_changed_cb), self);
      adw_bin_set_child (self->definitions_bin, GTK_WIDGET (self->definitions_pane));
      self->unfilled |= PANE_DEFINITIONS;
    }
  if (now)
    fill_panes (self);
  /* Before GTK's frame (GDK_PRIORITY_REDRAW), so that the pane is not drawn empty. */
  else if (self->unfilled != 0 && self->fill_id == 0)
    self->fill_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fill_cb, self, NULL);
}

static void
on_visible_page_changed_cb (ReiReportsView *self)
{
  ensure_pane (self, adw_view_stack_get_visible_child_name (self->stack), FALSE);
}

/* Everything the page shows comes from the store: the panes' lists and forms (those made so
 * far), the years and projects to report on, and the report. */
static void
load_from_store (ReiReportsView *self)
{
  self->unfilled = (self->projects_pane != NULL ? PANE_PROJECTS : 0)
                   | (self->funding_pane != NULL ? PANE_FUNDING : 0)
                   | (self->definitions_pane != NULL ? PANE_DEFINITIONS : 0);
  fill_panes (self);
  rei_reports_view_reload_scopes (self);
}

/* A backup was restored: every pane and the report read the restored register. */
static void
on_store_replaced_cb (ReiReportsView *self)
{
  load_from_store (self);
}

void
rei_reports_view_set_store (ReiReportsView *self,
                            ReiStore       *store)
{
  g_return_if_fail (REI_IS_REPORTS_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_replaced_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "replaced", G_CALLBACK (on_store_replaced_cb), self,
                             G_CONNECT_SWAPPED);
  load_from_store (self);
}

void
rei_reports_view_show_page (ReiReportsView *self,
                            const char     *name)
{
  g_return_if_fail (REI_IS_REPORTS_VIEW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

ReiProjectsPane *
rei_reports_view_get_projects_pane (ReiReportsView *self)
{
  g_return_val_if_fail (REI_IS_REPORTS_VIEW (self), NULL);
  ensure_pane (self, "projects", TRUE);
  return self->projects_pane;
}

ReiFundingPane *
rei_reports_view_get_funding_pane (ReiReportsView *self)
{
  g_return_val_if_fail (REI_IS_REPORTS_VIEW (self), NULL);
  ensure_pane (self, "funding", TRUE);
  return self->funding_pane;
}

ReiIndicatorDefsPane *
rei_reports_view_get_definitions_pane (ReiReportsView *self)
{
  g_return_val_if_fail (REI_IS_REPORTS_VIEW (self), NULL);
  ensure_pane (self, "definitions", TRUE);
  return self->definitions_pane;
}

const ReiReport *
rei_reports_view_get_report (ReiReportsView *self)
{
  return self->report;
}

gboolean
rei_reports_view_get_busy (ReiReportsView *self)
{
  return self->compute_cancellable != NULL || self->export_cancellable != NULL;
}

GtkListBox *
rei_reports_view_get_indicator_list (ReiReportsView *self)
{
  return self->indicator_list;
}

GtkListBox *
rei_reports_view_get_people_list (ReiReportsView *self)
{
  return self->people_list;
}

const char *
rei_reports_view_get_status (ReiReportsView *self)
{
  return self->status;
}

/* ---------------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------------- */

static void
rei_reports_view_dispose (GObject *object)
{
  ReiReportsView *self = REI_REPORTS_VIEW (object);

  /* The workers hold their own references; they only need telling to stop. */
  if (self->compute_cancellable != NULL)
    g_cancellable_cancel (self->compute_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  G_OBJECT_CLASS (rei_reports_view_parent_class)->dispose (object);
}

static void
rei_reports_view_finalize (GObject *object)
{
  ReiReportsView *self = REI_REPORTS_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->compute_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->scope_keys, g_ptr_array_unref);
  g_clear_pointer (&self->report, rei_report_free);
  g_free (self->status);
  G_OBJECT_CLASS (rei_reports_view_parent_class)->finalize (object);
}

static void
rei_reports_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReiReportsView *self = REI_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, rei_reports_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_reports_view_class_init (ReiReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_reports_view_dispose;
  object_class->finalize = rei_reports_view_finalize;
  object_class->get_property = rei_reports_view_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/reports/rei-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, export_button);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, people_title);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, stack);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, projects_bin);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, funding_bin);
  gtk_widget_class_bind_template_child (widget_class, ReiReportsView, definitions_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_indicator_activated_cb);
}

static void
rei_reports_view_init (ReiReportsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected", G_CALLBACK (on_scope_selected_cb), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (on_visible_page_changed_cb), self);
  update_busy (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-view.h"

#include <glib/gi18n.h>

#include "rei-plan-print.h"
#include "rei-plan-rules.h"
#include "rei-potential-profile.h"
#include "rei-store-plans.h"

#define N_MAX_DIMENSIONS 32

struct _ReiPlanView
{
  GtkBox          parent_instance;

  ReiStore       *store;
  gint64          plan_id;
  ReiPlan        *plan;
  ReiPlanPrint   *print;
  GPtrArray      *dimensions;
  GPtrArray      *spins;
  GCancellable   *cancellable;
  char           *export_filename;

  /* Template widgets. */
  GtkLabel            *title_label;
  GtkLabel            *state_label;
  GtkLabel            *problems_label;
  ReiPotentialProfile *profile;
  GtkFlowBox          *scores_box;
  GtkListBox          *goals_list;
  AdwEntryRow         *goal_title_row;
  AdwEntryRow         *goal_criterion_row;
  AdwEntryRow         *reason_row;
};

G_DEFINE_FINAL_TYPE (ReiPlanView, rei_plan_view, GTK_TYPE_BOX)

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What the reading thread hands back. */
typedef struct
{
  ReiPlan      *plan;
  GPtrArray    *dimensions;
  ReiPlanPrint *print;
  GPtrArray    *problems;
} Loaded;

static void
loaded_free (Loaded *l)
{
  g_clear_object (&l->plan);
  g_clear_pointer (&l->dimensions, g_ptr_array_unref);
  g_clear_object (&l->print);
  g_clear_pointer (&l->problems, g_ptr_array_unref);
  g_free (l);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReiStore *store = task_data;
  gint64 plan_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "plan-id"));
  Loaded *l = g_new0 (Loaded, 1);
  GError *error = NULL;
  ReiPlanRules rules;

  l->plan = rei_store_get_plan (store, plan_id, &error);
  if (l->plan == NULL)
    {
      loaded_free (l);
      g_task_return_error (task, error);
      return;
    }
  l->dimensions = rei_store_list_potential_dimensions (store, NULL);
  /* A plan not printable yet (no goals) has no print; the button then says why. */
  l->print = rei_plan_print_new_for_store (store, l->plan, NULL);
  rei_plan_rules_load (store, rei_plan_get (l->plan, REI_PLAN_START_DATE), &rules);
  l->problems = rei_plan_check (&rules, l->plan, NULL);
  g_task_return_pointer (task, l, (GDestroyNotify) loaded_free);
}

static void
show_error (ReiPlanView  *self,
            const GError *error)
{
  gtk_label_set_text (self->problems_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
}

static void
fill (ReiPlanView *self)
{
  GPtrArray *goals = rei_plan_get_goals (self->plan);
  const ReiPlanAssessment *first = rei_plan_get_first_assessment (self->plan);
  const ReiPlanAssessment *latest = rei_plan_get_latest_assessment (self->plan);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) label_v = NULL;
  int entry[N_MAX_DIMENSIONS] = { 0 }, last[N_MAX_DIMENSIONS] = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  GtkWidget *child;

  title = g_strdup_printf ("%s — %s", rei_plan_get (self->plan, REI_PLAN_KIND),
                           rei_plan_phase_label (rei_plan_get (self->plan, REI_PLAN_PHASE)));
  gtk_label_set_text (self->title_label, title);
  if (rei_plan_get_revision (self->plan) == 0)
    state = g_strdup (_("Draft, not signed yet"));
  else if (rei_plan_get_editing (self->plan))
    state = g_strdup_printf (_("Annex to revision %d being drafted"), rei_plan_get_revision (self->plan));
  else
    state = g_strdup_printf (_("Signed, revision %d"), rei_plan_get_revision (self->plan));
  gtk_label_set_text (self->state_label, state);

  for (guint i = 0; i < self->dimensions->len && i < N_MAX_DIMENSIONS; i++)
    {
      ReiPlanLabel *l = g_ptr_array_index (self->dimensions, i);

      g_strv_builder_add (labels, l->label);
      entry[i] = first ? rei_plan_assessment_get_score (first, l->code) : 0;
      last[i] = latest ? rei_plan_assessment_get_score (latest, l->code) : 0;
    }
  label_v = g_strv_builder_end (labels);
  rei_potential_profile_set (self->profile, (const char * const *) label_v, entry, last);

  /* One spin button per dimension, made once and set to the latest scores. */
  if (self->spins->len == 0)
    for (guint i = 0; i < self->dimensions->len; i++)
      {
        ReiPlanLabel *l = g_ptr_array_index (self->dimensions, i);
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *label = gtk_label_new (l->label);
        GtkWidget *spin = gtk_spin_button_new_with_range (1, 5, 1);

        gtk_widget_set_hexpand (label, TRUE);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_box_append (GTK_BOX (box), label);
        gtk_box_append (GTK_BOX (box), spin);
        gtk_flow_box_append (self->scores_box, box);
        g_ptr_array_add (self->spins, spin);
      }
  for (guint i = 0; i < self->spins->len && i < N_MAX_DIMENSIONS; i++)
    gtk_spin_button_set_value (g_ptr_array_index (self->spins, i), last[i] > 0 ? last[i] : 3);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list))) != NULL)
    gtk_list_box_remove (self->goals_list, child);
  for (guint i = 0; i < goals->len; i++)
    {
      ReiPlanGoal *g = g_ptr_array_index (goals, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", g->criterion, rei_plan_code_label_pl (g->status));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->goals_list, row);
    }
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ReiPlanView) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *l = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GString) problems = g_string_new (NULL);

  if (l == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  g_set_object (&self->plan, l->plan);
  g_set_object (&self->print, l->print);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);
  self->dimensions = g_steal_pointer (&l->dimensions);
  for (guint i = 0; i < l->problems->len; i++)
    {
      ReiPlanProblem *p = g_ptr_array_index (l->problems, i);
      g_string_append_printf (problems, "%s%s", i ? "\n" : "", p->message);
    }
  gtk_label_set_text (self->problems_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);
  loaded_free (l);
  fill (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
reload (ReiPlanView *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_object_set_data (G_OBJECT (task), "plan-id", GSIZE_TO_POINTER ((gsize) self->plan_id));
  g_task_run_in_thread (task, load_thread);
}

static void
on_add_goal_clicked_cb (ReiPlanView *self)
{
  g_autoptr(ReiPlanGoal) goal = rei_plan_goal_new ();
  g_autoptr(GError) error = NULL;

  goal->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->goal_title_row)));
  goal->criterion = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->goal_criterion_row)));
  if (!rei_store_save_goal (self->store, self->plan_id, goal, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->goal_title_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->goal_criterion_row), "");
  reload (self);
}

static void
on_assess_clicked_cb (ReiPlanView *self)
{
  g_autoptr(ReiPlanAssessment) a = rei_plan_assessment_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  a->assessed_on = g_date_time_format (now, "%Y-%m-%d");
  a->kind = g_strdup (rei_plan_get_assessments (self->plan)->len == 0 ? "wejscie" : "przeglad");
  for (guint i = 0; i < self->spins->len; i++)
    {
      ReiPlanLabel *l = g_ptr_array_index (self->dimensions, i);

      g_ptr_array_add (a->scores,
                       rei_plan_score_new (l->code,
                                           gtk_spin_button_get_value_as_int (g_ptr_array_index (self->spins, i)),
                                           NULL, NULL));
    }
  if (!rei_store_add_assessment (self->store, self->plan_id, a, &error))
    {
      show_error (self, error);
      return;
    }
  reload (self);
}

/* A draft is signed; a signed plan opens an annex with the reason given; an annex being
 * drafted is signed as the next revision. */
static void
on_revision_clicked_cb (ReiPlanView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (rei_plan_get_editing (self->plan))
    ok = rei_store_sign_plan (self->store, self->plan_id, NULL, &error);
  else
    ok = rei_store_begin_aneks (self->store, self->plan_id,
                                gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), &error);
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  reload (self);
}

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                ReiPlanView       *self)
{
  guint n = rei_plan_print_paginate (self->print, gtk_print_context_get_cairo_context (context),
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (op, (int) n);
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              ReiPlanView       *self)
{
  rei_plan_print_draw_page (self->print, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
on_print_clicked_cb (ReiPlanView *self)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->print == NULL)
    {
      g_autoptr(GError) why = NULL;
      rei_plan_check_printable (self->plan, &why);
      if (why != NULL)
        show_error (self, why);
      return;
    }
  op = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (op, setup);
  /* The document keeps its own margins: the same page as the PDF of the command line. */
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (self->export_filename != NULL)
    {
      gtk_print_operation_set_export_filename (op, self->export_filename);
      gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
    }
  else
    gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                             GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (error != NULL)
    show_error (self, error);
}

static void
rei_plan_view_dispose (GObject *object)
{
  ReiPlanView *self = REI_PLAN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->print);
  g_clear_object (&self->store);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->export_filename, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_PLAN_VIEW);
  G_OBJECT_CLASS (rei_plan_view_parent_class)->dispose (object);
}

static void
rei_plan_view_class_init (ReiPlanViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rei_plan_view_dispose;
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (REI_TYPE_POTENTIAL_PROFILE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/plans/rei-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, state_label);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, problems_label);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, profile);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, scores_box);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, goals_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, goal_title_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, goal_criterion_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_goal_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_assess_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revision_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
}

static void
rei_plan_view_init (ReiPlanView *self)
{
  self->spins = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rei_plan_view_new (ReiStore *store)
{
  ReiPlanView *self = g_object_new (REI_TYPE_PLAN_VIEW, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

void
rei_plan_view_set_plan (ReiPlanView *self,
                        gint64       plan_id)
{
  g_return_if_fail (REI_IS_PLAN_VIEW (self));
  self->plan_id = plan_id;
  reload (self);
}

gint64
rei_plan_view_get_plan_id (ReiPlanView *self)
{
  g_return_val_if_fail (REI_IS_PLAN_VIEW (self), 0);
  return self->plan_id;
}

gpointer
rei_plan_view_get_plan (ReiPlanView *self)
{
  g_return_val_if_fail (REI_IS_PLAN_VIEW (self), NULL);
  return self->plan;
}

void
rei_plan_view_set_export_filename (ReiPlanView *self,
                                   const char  *path)
{
  g_return_if_fail (REI_IS_PLAN_VIEW (self));
  g_free (self->export_filename);
  self->export_filename = g_strdup (path);
}

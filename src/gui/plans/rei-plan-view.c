/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-view.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-plan-closing-section.h"
#include "rei-plan-diagnosis-section.h"
#include "rei-plan-phase-section.h"
#include "rei-plan-print.h"
#include "rei-plan-reviews-section.h"
#include "rei-plan-rules.h"
#include "rei-plan-section.h"
#include "rei-plan-services-section.h"
#include "rei-potential-profile.h"
#include "rei-row-feeder.h"
#include "rei-store-lookups.h"
#include "rei-store-plans.h"
#include "rei-store-residents.h"
#include "rei-store-private.h"

#define N_MAX_DIMENSIONS 32

struct _ReiPlanView
{
  GtkBox          parent_instance;

  ReiStore       *store;
  gint64          plan_id;
  ReiPlan        *plan;
  ReiPlanPrint   *print;
  GPtrArray      *dimensions;
  /* What the sections show; replaced by each read. */
  ReiPlanData    *data;
  /* What was shown before, kept while a section not shown again yet points into it. */
  GPtrArray      *retired;
  GPtrArray      *sections;
  GPtrArray      *spins;
  GCancellable   *cancellable;
  char           *export_filename;
  /* Makes the rows of every list of the page a few per frame; "loaded" waits for it. */
  ReiRowFeeder   *feeder;
  gboolean        loaded_pending;
  gboolean        reading;

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
  GtkListBox          *revisions_list;
  ReiPlanPhaseSection     *phase_section;
  ReiPlanDiagnosisSection *diagnosis_section;
  ReiPlanServicesSection  *services_section;
  ReiPlanReviewsSection   *reviews_section;
  ReiPlanClosingSection   *closing_section;
};

G_DEFINE_FINAL_TYPE (ReiPlanView, rei_plan_view, GTK_TYPE_BOX)

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What the reading thread hands back: everything the view and its sections show, so that
 * showing a plan costs the main thread no query. */
typedef struct
{
  ReiPlanData  *data;
  ReiPlanPrint *print;
} Loaded;

static void
loaded_free (Loaded *l)
{
  g_clear_pointer (&l->data, rei_plan_data_free);
  g_clear_object (&l->print);
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
  ReiPlanData *d = l->data = g_new0 (ReiPlanData, 1);
  GError *error = NULL;
  ReiPlanRules rules;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();

  d->plan = rei_store_get_plan (store, plan_id, &error);
  if (d->plan == NULL)
    {
      loaded_free (l);
      g_task_return_error (task, error);
      return;
    }
  d->resident = rei_store_get_resident (store, rei_plan_get_resident_id (d->plan), NULL);
  d->dimensions = rei_store_list_potential_dimensions (store, NULL);
  d->catalogue = rei_store_list_plan_catalogue (store, NULL);
  d->unmet_needs = rei_store_list_plan_unmet_needs (store, plan_id, NULL);
  if (d->unmet_needs == NULL)
    d->unmet_needs = g_ptr_array_new ();
  d->today = rei_store_get_today (store);
  /* The closing section's choices, read here: a lookup per code on the main thread cost
   * milliseconds each time a plan was shown. */
  outcomes = rei_store_list_codes (store, "outcome", NULL);
  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      g_autofree char *label = rei_store_get_label (store, "outcome", g_ptr_array_index (outcomes, i));

      g_strv_builder_add (pairs, g_ptr_array_index (outcomes, i));
      g_strv_builder_add (pairs, label != NULL ? label : g_ptr_array_index (outcomes, i));
    }
  d->outcomes = g_strv_builder_end (pairs);
  /* A plan not printable yet (no goals) has no print; the button then says why. */
  l->print = rei_plan_print_new_for_store (store, d->plan, NULL);
  rei_plan_rules_load (store, rei_plan_get (d->plan, REI_PLAN_START_DATE), &rules);
  d->problems = rei_plan_check (&rules, d->plan, d->today);
  d->next_review = rei_plan_next_review (&rules, d->plan);
  d->review_months = rules.review_months;
  g_task_return_pointer (task, l, (GDestroyNotify) loaded_free);
}

static void
show_error (ReiPlanView  *self,
            const GError *error)
{
  gtk_label_set_text (self->problems_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
}

static GtkWidget *
goal_row (GtkWidget *row,
          gpointer   item,
          gpointer   user_data)
{
  ReiPlanGoal *g = item;
  g_autofree char *deadline = g->deadline ? rei_date_format_display (g->deadline) : NULL;
  g_autofree char *subtitle =
    g_strdup_printf ("%s · %s · %s%s%s", g->criterion, rei_plan_section_code_label (g->status),
                     rei_plan_section_code_label (g->responsible_kind),
                     deadline ? " · " : "", deadline ? deadline : "");

  return rei_plan_section_row_update (row, g->title, subtitle);
}

/* Every signed revision stays readable: the aneks changes the plan, never the past. */
static GtkWidget *
revision_row (GtkWidget *row,
              gpointer   item,
              gpointer   user_data)
{
  ReiPlanRevision *r = item;
  g_autofree char *date = rei_date_format_display (r->signed_on);
  g_autofree char *rev = g_strdup_printf (_("Revision %d, signed on %s"), r->number, date);

  return rei_plan_section_row_update (row, rev, r->reason ? r->reason : _("The plan as first signed"));
}

/* The head of the page: what the read's answer shows at once. */
static void
fill_title (ReiPlanView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;

  if (self->data->resident != NULL)
    title = g_strdup_printf ("%s %s — %s, %s",
                             rei_resident_get (self->data->resident, REI_RESIDENT_FIRST_NAME),
                             rei_resident_get (self->data->resident, REI_RESIDENT_SURNAME),
                             rei_plan_get (self->plan, REI_PLAN_KIND),
                             rei_plan_phase_label (rei_plan_get (self->plan, REI_PLAN_PHASE)));
  else
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
}

/* The profile, its form and the goals and revisions: a step of the showing. */
static void
fill (gpointer user_data)
{
  ReiPlanView *self = user_data;
  GPtrArray *goals = rei_plan_get_goals (self->plan);
  GPtrArray *revisions = rei_plan_get_revisions (self->plan);
  const ReiPlanAssessment *first = rei_plan_get_first_assessment (self->plan);
  const ReiPlanAssessment *latest = rei_plan_get_latest_assessment (self->plan);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) label_v = NULL;
  int entry[N_MAX_DIMENSIONS] = { 0 }, last[N_MAX_DIMENSIONS] = { 0 };

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

  rei_row_feeder_set_rows (self->feeder, self->goals_list, goals, goal_row, self, NULL);
  rei_row_feeder_set_rows (self->feeder, self->revisions_list, revisions, revision_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->revisions_list), revisions->len > 0);
}

/* A section's part of the showing, as a step of its own. */
static void
show_section (gpointer user_data)
{
  ReiPlanSection *section = user_data;
  ReiPlanView *self = REI_PLAN_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (section), REI_TYPE_PLAN_VIEW));

  rei_plan_section_show (section, self->data);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ReiPlanView) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *l = g_task_propagate_pointer (G_TASK (result), &error);

  if (l == NULL)
    {
      /* A read cancelled has a newer one under way. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->reading = FALSE;
          show_error (self, error);
        }
      return;
    }
  self->reading = FALSE;
  /* The rows and steps not made yet point into the data shown so far; the sections not shown
   * again yet still do. */
  rei_row_feeder_cancel (self->feeder);
  if (self->data != NULL)
    g_ptr_array_add (self->retired, g_steal_pointer (&self->data));
  self->data = g_steal_pointer (&l->data);
  g_set_object (&self->plan, self->data->plan);
  g_set_object (&self->print, l->print);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);
  self->dimensions = g_ptr_array_ref (self->data->dimensions);
  loaded_free (l);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
  /* The page in steps from the top, a frame each: laid out at once, its new texts and forms cost
   * a frame of 20–30 ms of processor time (measure and paint), before any row. */
  fill_title (self);
  rei_row_feeder_add_step (self->feeder, show_section, self->phase_section);
  rei_row_feeder_add_step (self->feeder, show_section, self->diagnosis_section);
  rei_row_feeder_add_step (self->feeder, fill, self);
  rei_row_feeder_add_step (self->feeder, show_section, self->services_section);
  rei_row_feeder_add_step (self->feeder, show_section, self->reviews_section);
  rei_row_feeder_add_step (self->feeder, show_section, self->closing_section);
  self->loaded_pending = rei_row_feeder_get_busy (self->feeder);
  if (!self->loaded_pending)
    {
      g_ptr_array_set_size (self->retired, 0);
      g_signal_emit (self, signals[LOADED], 0);
    }
}

static void
on_feeder_done_cb (ReiPlanView *self)
{
  /* Every section shows the latest data now. */
  g_ptr_array_set_size (self->retired, 0);
  if (!self->loaded_pending)
    return;
  self->loaded_pending = FALSE;
  g_signal_emit (self, signals[LOADED], 0);
}

static void
reload (ReiPlanView *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* "loaded" is for the read now begun: the rows of an earlier one finishing do not count. */
  self->loaded_pending = FALSE;
  self->reading = TRUE;
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

/* The scores of the form under the profile as a new assessment of today. */
static ReiPlanAssessment *
scores_to_assessment (gpointer user_data)
{
  ReiPlanView *self = user_data;
  ReiPlanAssessment *a = rei_plan_assessment_new ();

  a->assessed_on = self->data != NULL ? g_strdup (self->data->today) : rei_date_today_iso ();
  a->kind = g_strdup (rei_plan_get_assessments (self->plan)->len == 0 ? "wejscie" : "przeglad");
  for (guint i = 0; i < self->spins->len; i++)
    {
      ReiPlanLabel *l = g_ptr_array_index (self->dimensions, i);

      g_ptr_array_add (a->scores,
                       rei_plan_score_new (l->code,
                                           gtk_spin_button_get_value_as_int (g_ptr_array_index (self->spins, i)),
                                           NULL, NULL));
    }
  return a;
}

static void
on_assess_clicked_cb (ReiPlanView *self)
{
  g_autoptr(ReiPlanAssessment) a = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;
  a = scores_to_assessment (self);
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
on_section_saved_cb (ReiPlanView *self)
{
  reload (self);
}

static void
on_section_failed_cb (ReiPlanView  *self,
                      const GError *error)
{
  show_error (self, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  on_print_clicked_cb (REI_PLAN_VIEW (widget));
}

static void
rei_plan_view_dispose (GObject *object)
{
  ReiPlanView *self = REI_PLAN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->feeder != NULL)
    rei_row_feeder_cancel (self->feeder);
  g_clear_object (&self->feeder);
  g_clear_object (&self->plan);
  g_clear_object (&self->print);
  g_clear_object (&self->store);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->data, rei_plan_data_free);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_pointer (&self->export_filename, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_PLAN_VIEW);
  G_OBJECT_CLASS (rei_plan_view_parent_class)->dispose (object);
}

/* GTK 4.8's renderer, when what changed in a frame is all outside the window (rows made below
 * the fold), draws nothing and keeps comparing the next frames with the last frame it drew: the
 * changes add up, and once they make more than 30 rectangles it gives up and repaints the whole
 * page (8–13 ms with the cairo renderer, once per showing) though nothing visible changed.  A
 * pixel that is a new node each time the page is drawn again makes every such frame a drawn
 * frame, compared with the one before; it draws nothing.  It sits at the title's corner, as the
 * cairo renderer copies the box around all that a frame draws. */
static void
rei_plan_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ReiPlanView *self = REI_PLAN_VIEW (widget);
  graphene_point_t at = GRAPHENE_POINT_INIT (0, 0);

  GTK_WIDGET_CLASS (rei_plan_view_parent_class)->snapshot (widget, snapshot);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->title_label), widget, &at, &at))
    at = GRAPHENE_POINT_INIT (0, 0);
  at.x = CLAMP (at.x, 0, MAX (0, gtk_widget_get_width (widget) - 1));
  at.y = CLAMP (at.y, 0, MAX (0, gtk_widget_get_height (widget) - 1));
  cairo_destroy (gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (at.x, at.y, 1, 1)));
}

static void
rei_plan_view_class_init (ReiPlanViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rei_plan_view_dispose;
  widget_class->snapshot = rei_plan_view_snapshot;
  /* After each read, once every row of the page is made. */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (REI_TYPE_POTENTIAL_PROFILE);
  g_type_ensure (REI_TYPE_PLAN_PHASE_SECTION);
  g_type_ensure (REI_TYPE_PLAN_DIAGNOSIS_SECTION);
  g_type_ensure (REI_TYPE_PLAN_SERVICES_SECTION);
  g_type_ensure (REI_TYPE_PLAN_REVIEWS_SECTION);
  g_type_ensure (REI_TYPE_PLAN_CLOSING_SECTION);
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
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, revisions_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, phase_section);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, diagnosis_section);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, services_section);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, reviews_section);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanView, closing_section);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "plan.print", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_add_goal_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_assess_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revision_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
}

static void
rei_plan_view_init (ReiPlanView *self)
{
  self->spins = g_ptr_array_new ();
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_data_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->feeder = rei_row_feeder_new (GTK_WIDGET (self));
  g_signal_connect_object (self->feeder, "done", G_CALLBACK (on_feeder_done_cb), self, G_CONNECT_SWAPPED);
  self->sections = g_ptr_array_new ();
  g_ptr_array_add (self->sections, self->phase_section);
  g_ptr_array_add (self->sections, self->diagnosis_section);
  g_ptr_array_add (self->sections, self->services_section);
  g_ptr_array_add (self->sections, self->reviews_section);
  g_ptr_array_add (self->sections, self->closing_section);
  for (guint i = 0; i < self->sections->len; i++)
    {
      GObject *section = g_ptr_array_index (self->sections, i);

      rei_plan_section_set_feeder (REI_PLAN_SECTION (section), self->feeder);
      g_signal_connect_object (section, "saved", G_CALLBACK (on_section_saved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (section, "failed", G_CALLBACK (on_section_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  rei_plan_reviews_section_set_assessment_func (self->reviews_section, scores_to_assessment, self);
}

GtkWidget *
rei_plan_view_new (ReiStore *store)
{
  ReiPlanView *self = g_object_new (REI_TYPE_PLAN_VIEW, NULL);

  self->store = g_object_ref (store);
  for (guint i = 0; i < self->sections->len; i++)
    rei_plan_section_set_store (g_ptr_array_index (self->sections, i), store);
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

gboolean
rei_plan_view_get_busy (ReiPlanView *self)
{
  g_return_val_if_fail (REI_IS_PLAN_VIEW (self), FALSE);
  return self->reading || rei_row_feeder_get_busy (self->feeder);
}

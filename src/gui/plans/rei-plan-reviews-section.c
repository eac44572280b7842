/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-reviews-section.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-store-plans.h"

static const char * const statuses[] = {
  "planowany", "w_realizacji", "osiagniety", "nieosiagniety", "zaniechany",
};

struct _ReiPlanReviewsSection
{
  ReiPlanSection         parent_instance;

  ReiPlanAssessmentFunc  assessment_func;
  gpointer               assessment_data;
  /* The rows of "Progress per goal", made when it is first opened: a plan of 40 goals would
   * otherwise pay for 40 rows each time it is shown. */
  GPtrArray             *goal_rows;
  /* The reviews of the plan shown, the latest first (borrowed from the plan). */
  GPtrArray             *latest_first;

  /* Template widgets. */
  AdwPreferencesGroup   *reviews_group;
  GtkListBox            *reviews_list;
  GtkListBox            *needs_list;
  AdwPreferencesGroup   *new_review_group;
  AdwEntryRow           *held_on_row;
  AdwEntryRow           *notes_row;
  AdwExpanderRow        *progress_row;
  GtkSwitch             *assess_switch;
  AdwEntryRow           *need_row;
  AdwEntryRow           *contingency_row;
  GtkWidget             *add_review_button;
};

G_DEFINE_FINAL_TYPE (ReiPlanReviewsSection, rei_plan_reviews_section, REI_TYPE_PLAN_SECTION)

static const char *
goal_title (ReiPlan *plan,
            gint64   goal_id)
{
  GPtrArray *goals = rei_plan_get_goals (plan);

  for (guint i = 0; i < goals->len; i++)
    if (((ReiPlanGoal *) g_ptr_array_index (goals, i))->id == goal_id)
      return ((ReiPlanGoal *) g_ptr_array_index (goals, i))->title;
  return "—";
}

static const ReiPlanAssessment *
find_assessment (ReiPlan *plan,
                 gint64   id)
{
  GPtrArray *assessments = rei_plan_get_assessments (plan);

  for (guint i = 0; i < assessments->len; i++)
    if (((ReiPlanAssessment *) g_ptr_array_index (assessments, i))->id == id)
      return g_ptr_array_index (assessments, i);
  return NULL;
}

static ReiPlanReview *
find_review (ReiPlan *plan,
             gint64   id)
{
  GPtrArray *reviews = rei_plan_get_reviews (plan);

  for (guint i = 0; i < reviews->len; i++)
    if (((ReiPlanReview *) g_ptr_array_index (reviews, i))->id == id)
      return g_ptr_array_index (reviews, i);
  return NULL;
}

/* The inside of a held review, made when it is opened.  The row keeps the review's id, not the
 * review: a row may outlive the plan it was made for by a few frames while the page is shown
 * again. */
static void
on_review_expanded_cb (AdwExpanderRow        *row,
                       GParamSpec            *pspec,
                       ReiPlanReviewsSection *self)
{
  const ReiPlanData *data = rei_plan_section_get_data (REI_PLAN_SECTION (self));
  gint64 *id = g_object_get_data (G_OBJECT (row), "review-id");
  ReiPlanReview *review = data != NULL && id != NULL ? find_review (data->plan, *id) : NULL;
  const ReiPlanAssessment *a;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled")
      || data == NULL || review == NULL)
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));
  for (guint i = 0; i < review->progress->len; i++)
    {
      ReiPlanGoalProgress *p = g_ptr_array_index (review->progress, i);
      g_autofree char *subtitle = p->progress != NULL
        ? g_strdup_printf ("%s · %s", rei_plan_section_code_label (p->status), p->progress)
        : g_strdup (rei_plan_section_code_label (p->status));

      adw_expander_row_add_row (row, rei_plan_section_row_new (goal_title (data->plan, p->goal_id),
                                                               subtitle));
    }
  if (review->contingency != NULL)
    adw_expander_row_add_row (row, rei_plan_section_row_new (_("Contingency plan"),
                                                             review->contingency));
  a = find_assessment (data->plan, review->assessment_id);
  if (a != NULL)
    {
      g_autoptr(GString) scores = g_string_new (NULL);

      for (guint i = 0; data->dimensions != NULL && i < data->dimensions->len; i++)
        {
          ReiPlanLabel *l = g_ptr_array_index (data->dimensions, i);
          int score = rei_plan_assessment_get_score (a, l->code);

          if (score > 0)
            g_string_append_printf (scores, "%s%s: %d", scores->len ? ", " : "", l->label, score);
        }
      adw_expander_row_add_row (row, rei_plan_section_row_new (_("Assessment of the potential"),
                                                               scores->str));
    }
}

/* A held review's row; one not opened yet is reused for the same review (a review, once held,
 * does not change). */
static GtkWidget *
review_row (GtkWidget *row,
            gpointer   item,
            gpointer   user_data)
{
  ReiPlanReviewsSection *self = user_data;
  ReiPlanReview *r = item;
  g_autofree char *date = rei_date_format_display (r->held_on);
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "review-id") : NULL;

  if (id != NULL && *id == r->id && g_object_get_data (G_OBJECT (row), "filled") == NULL)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), r->notes != NULL ? r->notes : "");
      return row;
    }
  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date ? date : r->held_on);
  if (r->notes != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), r->notes);
  g_object_set_data_full (G_OBJECT (row), "review-id", g_memdup2 (&r->id, sizeof r->id), g_free);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_review_expanded_cb), self, 0);
  return row;
}

static void
show_reviews (ReiPlanReviewsSection *self,
              const ReiPlanData     *data)
{
  GPtrArray *reviews = rei_plan_get_reviews (data->plan);
  GPtrArray *latest_first = g_ptr_array_sized_new (reviews->len);

  /* The latest first: the one a worker looks back at. */
  for (guint i = reviews->len; i-- > 0;)
    g_ptr_array_add (latest_first, g_ptr_array_index (reviews, i));
  rei_row_feeder_set_rows (rei_plan_section_get_feeder (REI_PLAN_SECTION (self)), self->reviews_list,
                           latest_first, review_row, self, _("No review held yet."));
  g_clear_pointer (&self->latest_first, g_ptr_array_unref);
  self->latest_first = latest_first;
}

static void
show_schedule (ReiPlanReviewsSection *self,
               const ReiPlanData     *data)
{
  g_autofree char *every = g_strdup_printf (g_dngettext (NULL, "A review every month.",
                                                         "A review every %d months.",
                                                         data->review_months),
                                            data->review_months);
  g_autofree char *description = NULL;

  if (data->next_review != NULL)
    {
      g_autofree char *next = rei_date_format_display (data->next_review);

      description = g_strcmp0 (data->today, data->next_review) > 0
        ? g_strdup_printf (_("%s The next was due on %s: it is overdue."), every, next)
        : g_strdup_printf (_("%s The next is due on %s."), every, next);
    }
  else
    description = g_strdup_printf (_("%s The plan is closed."), every);
  adw_preferences_group_set_description (self->reviews_group, description);
}

static GtkWidget *
need_row (GtkWidget *row,
          gpointer   item,
          gpointer   user_data)
{
  ReiPlanUnmetNeed *n = item;
  g_autofree char *date = rei_date_format_display (n->recorded_on);
  g_autofree char *met = n->met_on ? rei_date_format_display (n->met_on) : NULL;
  g_autofree char *subtitle = met != NULL
    ? g_strdup_printf (_("Recorded on %s, met on %s"), date, met)
    : g_strdup_printf (_("Recorded on %s"), date);

  return rei_plan_section_row_update (row, n->description, subtitle);
}

static void
show_needs (ReiPlanReviewsSection *self,
            const ReiPlanData     *data)
{
  rei_row_feeder_set_rows (rei_plan_section_get_feeder (REI_PLAN_SECTION (self)), self->needs_list,
                           data->unmet_needs, need_row, self, _("No unmet need recorded."));
}

static void
drop_goal_rows (ReiPlanReviewsSection *self)
{
  for (guint i = 0; i < self->goal_rows->len; i++)
    adw_expander_row_remove (self->progress_row, g_ptr_array_index (self->goal_rows, i));
  g_ptr_array_set_size (self->goal_rows, 0);
}

static void
on_progress_expanded_cb (ReiPlanReviewsSection *self)
{
  const ReiPlanData *data = rei_plan_section_get_data (REI_PLAN_SECTION (self));
  GPtrArray *goals;

  if (!adw_expander_row_get_expanded (self->progress_row) || self->goal_rows->len > 0 || data == NULL)
    return;
  goals = rei_plan_get_goals (data->plan);
  for (guint i = 0; i < goals->len; i++)
    {
      ReiPlanGoal *g = g_ptr_array_index (goals, i);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *status;

      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        gtk_string_list_append (labels, rei_plan_section_code_label (statuses[s]));
      status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        if (g_strcmp0 (statuses[s], g->status) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (status), s);
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Status of the goal"), -1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->title);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), status);
      g_object_set_data_full (G_OBJECT (row), "goal-id", g_memdup2 (&g->id, sizeof g->id), g_free);
      g_object_set_data (G_OBJECT (row), "status", status);
      adw_expander_row_add_row (self->progress_row, row);
      g_ptr_array_add (self->goal_rows, row);
    }
}

static void
rei_plan_reviews_section_show (ReiPlanSection    *section,
                               const ReiPlanData *data)
{
  ReiPlanReviewsSection *self = REI_PLAN_REVIEWS_SECTION (section);
  gboolean open = rei_plan_get (data->plan, REI_PLAN_CLOSED_ON) == NULL;

  show_schedule (self, data);
  show_reviews (self, data);
  show_needs (self, data);
  /* The goals may have changed: the progress rows are made again when next opened. */
  drop_goal_rows (self);
  adw_expander_row_set_expanded (self->progress_row, FALSE);
  if (gtk_editable_get_text (GTK_EDITABLE (self->held_on_row))[0] == '\0')
    rei_plan_section_set_date (GTK_EDITABLE (self->held_on_row), data->today);
  if (gtk_editable_get_text (GTK_EDITABLE (self->contingency_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->contingency_row),
                           rei_plan_get (data->plan, REI_PLAN_CONTINGENCY) ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->new_review_group), open);
  gtk_widget_set_visible (self->add_review_button, open);
}

static void
on_add_review_clicked_cb (ReiPlanReviewsSection *self)
{
  ReiPlanSection *section = REI_PLAN_SECTION (self);
  g_autoptr(ReiPlanReview) review = rei_plan_review_new ();
  g_autoptr(ReiPlanAssessment) assessment = NULL;
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_unmet_need_free);
  g_autofree char *need = rei_plan_section_dup_text (GTK_EDITABLE (self->need_row));
  g_autoptr(GError) error = NULL;

  if (rei_plan_section_get_plan_id (section) == 0)
    return;
  if (!rei_plan_section_dup_date (GTK_EDITABLE (self->held_on_row), _("Held on"),
                                  &review->held_on, &error))
    {
      rei_plan_section_failed (section, error);
      return;
    }
  review->notes = rei_plan_section_dup_text (GTK_EDITABLE (self->notes_row));
  review->contingency = rei_plan_section_dup_text (GTK_EDITABLE (self->contingency_row));
  for (guint i = 0; i < self->goal_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->goal_rows, i);
      GtkDropDown *status = g_object_get_data (G_OBJECT (row), "status");
      guint s = gtk_drop_down_get_selected (status);
      g_autofree char *progress = rei_plan_section_dup_text (GTK_EDITABLE (row));

      g_ptr_array_add (review->progress,
                       rei_plan_goal_progress_new (*(gint64 *) g_object_get_data (G_OBJECT (row), "goal-id"),
                                                   statuses[MIN (s, G_N_ELEMENTS (statuses) - 1)],
                                                   progress));
    }
  if (gtk_switch_get_active (self->assess_switch) && self->assessment_func != NULL)
    {
      assessment = self->assessment_func (self->assessment_data);
      g_free (assessment->assessed_on);
      assessment->assessed_on = g_strdup (review->held_on);
      g_free (assessment->kind);
      assessment->kind = g_strdup ("przeglad");
    }
  if (need != NULL)
    {
      ReiPlanUnmetNeed *n = g_new0 (ReiPlanUnmetNeed, 1);

      n->description = g_steal_pointer (&need);
      n->recorded_on = g_strdup (review->held_on);
      g_ptr_array_add (needs, n);
    }
  if (rei_store_add_review (rei_plan_section_get_store (section), rei_plan_section_get_plan_id (section),
                            review, assessment, needs, &error) == 0)
    {
      rei_plan_section_failed (section, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->held_on_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->need_row), "");
  gtk_switch_set_active (self->assess_switch, FALSE);
  rei_plan_section_saved (section);
}

static void
rei_plan_reviews_section_dispose (GObject *object)
{
  ReiPlanReviewsSection *self = REI_PLAN_REVIEWS_SECTION (object);

  g_clear_pointer (&self->goal_rows, g_ptr_array_unref);
  g_clear_pointer (&self->latest_first, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_PLAN_REVIEWS_SECTION);
  G_OBJECT_CLASS (rei_plan_reviews_section_parent_class)->dispose (object);
}

static void
rei_plan_reviews_section_class_init (ReiPlanReviewsSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rei_plan_reviews_section_dispose;
  REI_PLAN_SECTION_CLASS (klass)->show = rei_plan_reviews_section_show;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/plans/rei-plan-reviews-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, needs_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, new_review_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, held_on_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, notes_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, progress_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, assess_switch);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, need_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, contingency_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanReviewsSection, add_review_button);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_review_clicked_cb);
}

static void
rei_plan_reviews_section_init (ReiPlanReviewsSection *self)
{
  self->goal_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rei_plan_reviews_section_new (void)
{
  return g_object_new (REI_TYPE_PLAN_REVIEWS_SECTION, NULL);
}

void
rei_plan_reviews_section_set_assessment_func (ReiPlanReviewsSection *self,
                                              ReiPlanAssessmentFunc  func,
                                              gpointer               user_data)
{
  g_return_if_fail (REI_IS_PLAN_REVIEWS_SECTION (self));

  self->assessment_func = func;
  self->assessment_data = user_data;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-plan.h"

#include <glib/gi18n-lib.h>

struct _ReiPlan
{
  GObject    parent_instance;

  gint64     id;
  gint64     resident_id;
  char      *fields[REI_PLAN_N_FIELDS];
  int        revision;
  gboolean   editing;
  GPtrArray *opinions;
  GPtrArray *goals;
  GPtrArray *services;
  GPtrArray *assessments;
  GPtrArray *reviews;
  GPtrArray *revisions;
};

G_DEFINE_FINAL_TYPE (ReiPlan, rei_plan, G_TYPE_OBJECT)

/* The field names are the columns of the plan table: the store binds them by index. */
static const char * const field_names[REI_PLAN_N_FIELDS] = {
  "kind", "phase", "start_date", "end_date", "application_date", "approved_by", "approved_on",
  "diagnosis_summary", "contingency", "work_started_on", "closed_on", "achievements",
  "further_support", "aneks_reason",
};

/* Seed 000, "Fazy koordynacji i zadania szczegółowe KIPUS". */
static const ReiPlanPhase phases[] = {
  { "diagnoza", N_("Needs assessment") },
  { "planowanie", N_("Planning") },
  { "realizacja", N_("Implementation") },
  { "monitorowanie", N_("Coordination and monitoring") },
  { "rzecznictwo", N_("Advocacy") },
  { "zamkniecie", N_("Closing") },
};

/* The variant of a whole plan; a signed revision's snapshot is this type printed as text. */
#define OPINION_TYPE    "(xsmsmsmsms)"
#define GOAL_TYPE       "(xmsmsmsmsmsxmsmsas)"
/* The same with the dimensions as a string vector rather than an iterator. */
#define GOAL_FORMAT     "(xmsmsmsmsmsxmsms^as)"
#define SERVICE_TYPE    "(xxmsmsmsdd)"
#define SCORE_TYPE      "(simsms)"
#define ASSESSMENT_TYPE "(xmsmsmsa" SCORE_TYPE ")"
#define PROGRESS_TYPE   "(xmsms)"
#define REVIEW_TYPE     "(xmsmsmsxa" PROGRESS_TYPE ")"
#define REVISION_TYPE   "(imsms)"
#define PLAN_TYPE       "(xxamsiba" OPINION_TYPE "a" GOAL_TYPE "a" SERVICE_TYPE "a" ASSESSMENT_TYPE \
                        "a" REVIEW_TYPE "a" REVISION_TYPE ")"

const ReiPlanPhase *
rei_plan_phases (guint *n_phases)
{
  if (n_phases != NULL)
    *n_phases = G_N_ELEMENTS (phases);
  return phases;
}

const char *
rei_plan_phase_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    if (g_strcmp0 (phases[i].code, code) == 0)
      return _(phases[i].label);
  return code;
}

ReiPlanOpinion *
rei_plan_opinion_new (void)
{
  return g_new0 (ReiPlanOpinion, 1);
}

void
rei_plan_opinion_free (ReiPlanOpinion *opinion)
{
  if (opinion == NULL)
    return;
  g_free (opinion->role);
  g_free (opinion->author);
  g_free (opinion->written_on);
  g_free (opinion->body);
  g_free (opinion->preferences);
  g_free (opinion);
}

ReiPlanGoal *
rei_plan_goal_new (void)
{
  ReiPlanGoal *goal = g_new0 (ReiPlanGoal, 1);

  goal->term = g_strdup ("krotkoterminowy");
  goal->responsible_kind = g_strdup ("koordynator");
  goal->status = g_strdup ("planowany");
  goal->dimensions = g_new0 (char *, 1);
  return goal;
}

ReiPlanGoal *
rei_plan_goal_copy (const ReiPlanGoal *goal)
{
  ReiPlanGoal *copy = g_new0 (ReiPlanGoal, 1);

  copy->id = goal->id;
  copy->title = g_strdup (goal->title);
  copy->term = g_strdup (goal->term);
  copy->criterion = g_strdup (goal->criterion);
  copy->responsible_kind = g_strdup (goal->responsible_kind);
  copy->responsible = g_strdup (goal->responsible);
  copy->partner_id = goal->partner_id;
  copy->deadline = g_strdup (goal->deadline);
  copy->status = g_strdup (goal->status);
  copy->dimensions = goal->dimensions ? g_strdupv (goal->dimensions) : g_new0 (char *, 1);
  return copy;
}

void
rei_plan_goal_free (ReiPlanGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->title);
  g_free (goal->term);
  g_free (goal->criterion);
  g_free (goal->responsible_kind);
  g_free (goal->responsible);
  g_free (goal->deadline);
  g_free (goal->status);
  g_strfreev (goal->dimensions);
  g_free (goal);
}

ReiPlanService *
rei_plan_service_new (void)
{
  return g_new0 (ReiPlanService, 1);
}

void
rei_plan_service_free (ReiPlanService *service)
{
  if (service == NULL)
    return;
  g_free (service->name);
  g_free (service->group);
  g_free (service->provider);
  g_free (service);
}

ReiPlanScore *
rei_plan_score_new (const char *dimension,
                    int         score,
                    const char *resources,
                    const char *deficits)
{
  ReiPlanScore *s = g_new0 (ReiPlanScore, 1);

  s->dimension = g_strdup (dimension);
  s->score = score;
  s->resources = g_strdup (resources);
  s->deficits = g_strdup (deficits);
  return s;
}

void
rei_plan_score_free (ReiPlanScore *score)
{
  if (score == NULL)
    return;
  g_free (score->dimension);
  g_free (score->resources);
  g_free (score->deficits);
  g_free (score);
}

ReiPlanAssessment *
rei_plan_assessment_new (void)
{
  ReiPlanAssessment *a = g_new0 (ReiPlanAssessment, 1);

  a->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_score_free);
  return a;
}

void
rei_plan_assessment_free (ReiPlanAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_free (assessment->assessed_on);
  g_free (assessment->kind);
  g_free (assessment->author);
  g_ptr_array_unref (assessment->scores);
  g_free (assessment);
}

int
rei_plan_assessment_get_score (const ReiPlanAssessment *assessment,
                               const char              *dimension)
{
  g_return_val_if_fail (assessment != NULL, 0);

  for (guint i = 0; i < assessment->scores->len; i++)
    {
      const ReiPlanScore *s = g_ptr_array_index (assessment->scores, i);

      if (g_strcmp0 (s->dimension, dimension) == 0)
        return s->score;
    }
  return 0;
}

ReiPlanGoalProgress *
rei_plan_goal_progress_new (gint64      goal_id,
                            const char *status,
                            const char *progress)
{
  ReiPlanGoalProgress *p = g_new0 (ReiPlanGoalProgress, 1);

  p->goal_id = goal_id;
  p->status = g_strdup (status);
  p->progress = g_strdup (progress);
  return p;
}

void
rei_plan_goal_progress_free (ReiPlanGoalProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->status);
  g_free (progress->progress);
  g_free (progress);
}

ReiPlanReview *
rei_plan_review_new (void)
{
  ReiPlanReview *r = g_new0 (ReiPlanReview, 1);

  r->progress = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_goal_progress_free);
  return r;
}

void
rei_plan_review_free (ReiPlanReview *review)
{
  if (review == NULL)
    return;
  g_free (review->held_on);
  g_free (review->notes);
  g_free (review->contingency);
  g_ptr_array_unref (review->progress);
  g_free (review);
}

void
rei_plan_revision_free (ReiPlanRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->signed_on);
  g_free (revision->reason);
  g_free (revision);
}

static void
rei_plan_finalize (GObject *object)
{
  ReiPlan *self = REI_PLAN (object);

  for (guint i = 0; i < REI_PLAN_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_ptr_array_unref (self->opinions);
  g_ptr_array_unref (self->goals);
  g_ptr_array_unref (self->services);
  g_ptr_array_unref (self->assessments);
  g_ptr_array_unref (self->reviews);
  g_ptr_array_unref (self->revisions);

  G_OBJECT_CLASS (rei_plan_parent_class)->finalize (object);
}

static void
rei_plan_class_init (ReiPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_plan_finalize;
}

static void
rei_plan_init (ReiPlan *self)
{
  self->editing = TRUE;
  self->fields[REI_PLAN_KIND] = g_strdup ("IPZS");
  self->fields[REI_PLAN_PHASE] = g_strdup ("diagnoza");
  self->opinions = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_opinion_free);
  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_goal_free);
  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_service_free);
  self->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_assessment_free);
  self->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_review_free);
  self->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_revision_free);
}

ReiPlan *
rei_plan_new (void)
{
  return g_object_new (REI_TYPE_PLAN, NULL);
}

gint64
rei_plan_get_id (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), 0);
  return self->id;
}

void
rei_plan_set_id (ReiPlan *self,
                 gint64   id)
{
  g_return_if_fail (REI_IS_PLAN (self));
  self->id = id;
}

gint64
rei_plan_get_resident_id (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), 0);
  return self->resident_id;
}

void
rei_plan_set_resident_id (ReiPlan *self,
                          gint64   resident_id)
{
  g_return_if_fail (REI_IS_PLAN (self));
  self->resident_id = resident_id;
}

const char *
rei_plan_get (ReiPlan      *self,
              ReiPlanField  field)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  g_return_val_if_fail (field < REI_PLAN_N_FIELDS, NULL);
  return self->fields[field];
}

void
rei_plan_set (ReiPlan      *self,
              ReiPlanField  field,
              const char   *value)
{
  g_return_if_fail (REI_IS_PLAN (self));
  g_return_if_fail (field < REI_PLAN_N_FIELDS);

  /* An empty text is no value: the store and the checks then see NULL, one way only. */
  if (value != NULL && *value == '\0')
    value = NULL;
  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
}

const char *
rei_plan_field_name (ReiPlanField field)
{
  g_return_val_if_fail (field < REI_PLAN_N_FIELDS, NULL);
  return field_names[field];
}

int
rei_plan_get_revision (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), 0);
  return self->revision;
}

void
rei_plan_set_revision (ReiPlan *self,
                       int      revision)
{
  g_return_if_fail (REI_IS_PLAN (self));
  self->revision = revision;
}

gboolean
rei_plan_get_editing (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), FALSE);
  return self->editing;
}

void
rei_plan_set_editing (ReiPlan  *self,
                      gboolean  editing)
{
  g_return_if_fail (REI_IS_PLAN (self));
  self->editing = !!editing;
}

GPtrArray *
rei_plan_get_opinions (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  return self->opinions;
}

GPtrArray *
rei_plan_get_goals (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  return self->goals;
}

GPtrArray *
rei_plan_get_services (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  return self->services;
}

GPtrArray *
rei_plan_get_assessments (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  return self->assessments;
}

GPtrArray *
rei_plan_get_reviews (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  return self->reviews;
}

GPtrArray *
rei_plan_get_revisions (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  return self->revisions;
}

const ReiPlanAssessment *
rei_plan_get_first_assessment (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  return self->assessments->len > 0 ? g_ptr_array_index (self->assessments, 0) : NULL;
}

const ReiPlanAssessment *
rei_plan_get_latest_assessment (ReiPlan *self)
{
  g_return_val_if_fail (REI_IS_PLAN (self), NULL);
  return self->assessments->len > 0
         ? g_ptr_array_index (self->assessments, self->assessments->len - 1) : NULL;
}

GVariant *
rei_plan_to_variant (ReiPlan *self)
{
  GVariantBuilder b, fields, list;

  g_return_val_if_fail (REI_IS_PLAN (self), NULL);

  g_variant_builder_init (&b, G_VARIANT_TYPE (PLAN_TYPE));
  g_variant_builder_add (&b, "x", self->id);
  g_variant_builder_add (&b, "x", self->resident_id);

  g_variant_builder_init (&fields, G_VARIANT_TYPE ("ams"));
  for (guint i = 0; i < REI_PLAN_N_FIELDS; i++)
    g_variant_builder_add (&fields, "ms", self->fields[i]);
  g_variant_builder_add_value (&b, g_variant_builder_end (&fields));
  g_variant_builder_add (&b, "i", self->revision);
  g_variant_builder_add (&b, "b", self->editing);

  g_variant_builder_init (&list, G_VARIANT_TYPE ("a" OPINION_TYPE));
  for (guint i = 0; i < self->opinions->len; i++)
    {
      ReiPlanOpinion *o = g_ptr_array_index (self->opinions, i);
      g_variant_builder_add (&list, OPINION_TYPE, o->id, o->role ? o->role : "", o->author,
                             o->written_on, o->body, o->preferences);
    }
  g_variant_builder_add_value (&b, g_variant_builder_end (&list));

  g_variant_builder_init (&list, G_VARIANT_TYPE ("a" GOAL_TYPE));
  for (guint i = 0; i < self->goals->len; i++)
    {
      ReiPlanGoal *g = g_ptr_array_index (self->goals, i);
      const char * const empty[] = { NULL };
      g_variant_builder_add (&list, GOAL_FORMAT, g->id, g->title, g->term, g->criterion,
                             g->responsible_kind, g->responsible, g->partner_id, g->deadline,
                             g->status, g->dimensions ? (const char * const *) g->dimensions : empty);
    }
  g_variant_builder_add_value (&b, g_variant_builder_end (&list));

  g_variant_builder_init (&list, G_VARIANT_TYPE ("a" SERVICE_TYPE));
  for (guint i = 0; i < self->services->len; i++)
    {
      ReiPlanService *s = g_ptr_array_index (self->services, i);
      g_variant_builder_add (&list, SERVICE_TYPE, s->id, s->service_id, s->name, s->group,
                             s->provider, s->hours_planned, s->hours_given);
    }
  g_variant_builder_add_value (&b, g_variant_builder_end (&list));

  g_variant_builder_init (&list, G_VARIANT_TYPE ("a" ASSESSMENT_TYPE));
  for (guint i = 0; i < self->assessments->len; i++)
    {
      ReiPlanAssessment *a = g_ptr_array_index (self->assessments, i);
      GVariantBuilder scores;

      g_variant_builder_init (&scores, G_VARIANT_TYPE ("a" SCORE_TYPE));
      for (guint j = 0; j < a->scores->len; j++)
        {
          ReiPlanScore *s = g_ptr_array_index (a->scores, j);
          g_variant_builder_add (&scores, SCORE_TYPE, s->dimension, s->score, s->resources,
                                 s->deficits);
        }
      g_variant_builder_add (&list, ASSESSMENT_TYPE, a->id, a->assessed_on, a->kind, a->author,
                             &scores);
    }
  g_variant_builder_add_value (&b, g_variant_builder_end (&list));

  g_variant_builder_init (&list, G_VARIANT_TYPE ("a" REVIEW_TYPE));
  for (guint i = 0; i < self->reviews->len; i++)
    {
      ReiPlanReview *r = g_ptr_array_index (self->reviews, i);
      GVariantBuilder progress;

      g_variant_builder_init (&progress, G_VARIANT_TYPE ("a" PROGRESS_TYPE));
      for (guint j = 0; j < r->progress->len; j++)
        {
          ReiPlanGoalProgress *p = g_ptr_array_index (r->progress, j);
          g_variant_builder_add (&progress, PROGRESS_TYPE, p->goal_id, p->status, p->progress);
        }
      g_variant_builder_add (&list, REVIEW_TYPE, r->id, r->held_on, r->notes, r->contingency,
                             r->assessment_id, &progress);
    }
  g_variant_builder_add_value (&b, g_variant_builder_end (&list));

  g_variant_builder_init (&list, G_VARIANT_TYPE ("a" REVISION_TYPE));
  for (guint i = 0; i < self->revisions->len; i++)
    {
      ReiPlanRevision *r = g_ptr_array_index (self->revisions, i);
      g_variant_builder_add (&list, REVISION_TYPE, r->number, r->signed_on, r->reason);
    }
  g_variant_builder_add_value (&b, g_variant_builder_end (&list));

  return g_variant_builder_end (&b);
}

ReiPlan *
rei_plan_new_from_variant (GVariant *variant)
{
  g_autoptr(ReiPlan) self = NULL;
  g_autoptr(GVariantIter) fields = NULL, opinions = NULL, goals = NULL, services = NULL;
  g_autoptr(GVariantIter) assessments = NULL, reviews = NULL, revisions = NULL;
  GVariantIter *inner;
  char *text;
  guint i = 0;

  g_return_val_if_fail (variant != NULL, NULL);
  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE (PLAN_TYPE)))
    return NULL;

  self = rei_plan_new ();
  for (i = 0; i < REI_PLAN_N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], g_free);

  g_variant_get (variant, PLAN_TYPE, &self->id, &self->resident_id, &fields, &self->revision,
                 &self->editing, &opinions, &goals, &services, &assessments, &reviews, &revisions);

  i = 0;
  while (g_variant_iter_next (fields, "ms", &text))
    {
      if (i < REI_PLAN_N_FIELDS)
        self->fields[i++] = text;
      else
        g_free (text);
    }

  {
    ReiPlanOpinion o = { 0 };
    while (g_variant_iter_next (opinions, OPINION_TYPE, &o.id, &o.role, &o.author, &o.written_on,
                                &o.body, &o.preferences))
      g_ptr_array_add (self->opinions, g_memdup2 (&o, sizeof o));
  }
  {
    ReiPlanGoal g = { 0 };
    while (g_variant_iter_next (goals, GOAL_FORMAT, &g.id, &g.title, &g.term, &g.criterion,
                                &g.responsible_kind, &g.responsible, &g.partner_id, &g.deadline,
                                &g.status, &g.dimensions))
      g_ptr_array_add (self->goals, g_memdup2 (&g, sizeof g));
  }
  {
    ReiPlanService s = { 0 };
    while (g_variant_iter_next (services, SERVICE_TYPE, &s.id, &s.service_id, &s.name, &s.group,
                                &s.provider, &s.hours_planned, &s.hours_given))
      g_ptr_array_add (self->services, g_memdup2 (&s, sizeof s));
  }
  {
    ReiPlanAssessment *a = rei_plan_assessment_new ();
    while (g_variant_iter_next (assessments, ASSESSMENT_TYPE, &a->id, &a->assessed_on, &a->kind,
                                &a->author, &inner))
      {
        ReiPlanScore s = { 0 };
        while (g_variant_iter_next (inner, SCORE_TYPE, &s.dimension, &s.score, &s.resources,
                                    &s.deficits))
          g_ptr_array_add (a->scores, g_memdup2 (&s, sizeof s));
        g_variant_iter_free (inner);
        g_ptr_array_add (self->assessments, a);
        a = rei_plan_assessment_new ();
      }
    rei_plan_assessment_free (a);
  }
  {
    ReiPlanReview *r = rei_plan_review_new ();
    while (g_variant_iter_next (reviews, REVIEW_TYPE, &r->id, &r->held_on, &r->notes,
                                &r->contingency, &r->assessment_id, &inner))
      {
        ReiPlanGoalProgress p = { 0 };
        while (g_variant_iter_next (inner, PROGRESS_TYPE, &p.goal_id, &p.status, &p.progress))
          g_ptr_array_add (r->progress, g_memdup2 (&p, sizeof p));
        g_variant_iter_free (inner);
        g_ptr_array_add (self->reviews, r);
        r = rei_plan_review_new ();
      }
    rei_plan_review_free (r);
  }
  {
    ReiPlanRevision r = { 0 };
    while (g_variant_iter_next (revisions, REVISION_TYPE, &r.number, &r.signed_on, &r.reason))
      g_ptr_array_add (self->revisions, g_memdup2 (&r, sizeof r));
  }

  if (self->fields[REI_PLAN_KIND] == NULL)
    self->fields[REI_PLAN_KIND] = g_strdup ("IPZS");
  if (self->fields[REI_PLAN_PHASE] == NULL)
    self->fields[REI_PLAN_PHASE] = g_strdup ("diagnoza");
  return g_steal_pointer (&self);
}

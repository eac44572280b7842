/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REI_TYPE_PLAN (rei_plan_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlan, rei_plan, REI, PLAN, GObject)

/* An individual plan: IPZS in a CIS, IPUS in a CUS (the centre's mode), one per resident per
 * period, with the case manager's phases of seed 000.  The text fields are nullable UTF-8;
 * dates are ISO 8601; codes refer to the CHECK lists of resources/sql/0005-plans.sql. */
typedef enum
{
  REI_PLAN_KIND,               /* "IPZS" or "IPUS" */
  REI_PLAN_PHASE,              /* diagnoza, planowanie, realizacja, monitorowanie, rzecznictwo, zamkniecie */
  REI_PLAN_START_DATE,         /* drawn up on */
  REI_PLAN_END_DATE,           /* planned end */
  REI_PLAN_APPLICATION_DATE,   /* IPUS: the application */
  REI_PLAN_APPROVED_BY,        /* IPUS: the director or an authorised services organiser */
  REI_PLAN_APPROVED_ON,
  REI_PLAN_DIAGNOSIS_SUMMARY,
  REI_PLAN_CONTINGENCY,
  REI_PLAN_WORK_STARTED_ON,    /* IPZS: took up work, a social cooperative or a business */
  REI_PLAN_CLOSED_ON,
  REI_PLAN_ACHIEVEMENTS,
  REI_PLAN_FURTHER_SUPPORT,
  REI_PLAN_ANEKS_REASON,       /* the reason of the aneks being drafted, else NULL */
  REI_PLAN_N_FIELDS
} ReiPlanField;

/* The phases in their order: code and English label, for gettext. */
typedef struct
{
  const char *code;
  const char *label;
} ReiPlanPhase;

const ReiPlanPhase *rei_plan_phases           (guint *n_phases);
const char         *rei_plan_phase_label      (const char *code);

typedef struct
{
  gint64  id;
  char   *role;          /* pracownik_socjalny, psycholog, doradca_zawodowy */
  char   *author;
  char   *written_on;
  char   *body;
  char   *preferences;   /* the vocational counsellor's: vocational preferences */
} ReiPlanOpinion;

typedef struct
{
  gint64  id;
  char   *title;
  char   *term;              /* krotkoterminowy, dlugoterminowy */
  char   *criterion;         /* measurable criterion of achievement */
  char   *responsible_kind;  /* koordynator, uczestnik, partner */
  char   *responsible;       /* a name: the coordinator's, the partner's */
  gint64  partner_id;        /* 0: none */
  char   *deadline;
  char   *status;            /* planowany, w_realizacji, osiagniety, nieosiagniety, zaniechany */
  GStrv   dimensions;        /* codes of the potential dimensions the goal aims to raise */
} ReiPlanGoal;

typedef struct
{
  gint64  id;
  gint64  service_id;
  char   *name;             /* from the catalogue */
  char   *group;            /* "A" or "B" */
  char   *provider;
  double  hours_planned;
  double  hours_given;
} ReiPlanService;

typedef struct
{
  char *dimension;
  int   score;               /* on potential_scale, 1..5 */
  char *resources;
  char *deficits;
} ReiPlanScore;

typedef struct
{
  gint64     id;
  char      *assessed_on;
  char      *kind;           /* wejscie, przeglad, wyjscie */
  char      *author;
  GPtrArray *scores;         /* ReiPlanScore* */
} ReiPlanAssessment;

typedef struct
{
  gint64  goal_id;
  char   *status;
  char   *progress;
} ReiPlanGoalProgress;

typedef struct
{
  gint64     id;
  char      *held_on;
  char      *notes;
  char      *contingency;
  gint64     assessment_id;  /* 0: none recorded at this review */
  GPtrArray *progress;       /* ReiPlanGoalProgress* */
} ReiPlanReview;

typedef struct
{
  int   number;
  char *signed_on;
  char *reason;              /* NULL for the plan as first signed */
} ReiPlanRevision;

ReiPlanOpinion      *rei_plan_opinion_new      (void);
void                 rei_plan_opinion_free     (ReiPlanOpinion      *opinion);
ReiPlanGoal         *rei_plan_goal_new         (void);
ReiPlanGoal         *rei_plan_goal_copy        (const ReiPlanGoal   *goal);
void                 rei_plan_goal_free        (ReiPlanGoal         *goal);
ReiPlanService      *rei_plan_service_new      (void);
void                 rei_plan_service_free     (ReiPlanService      *service);
ReiPlanScore        *rei_plan_score_new        (const char          *dimension,
                                                int                  score,
                                                const char          *resources,
                                                const char          *deficits);
void                 rei_plan_score_free       (ReiPlanScore        *score);
ReiPlanAssessment   *rei_plan_assessment_new   (void);
void                 rei_plan_assessment_free  (ReiPlanAssessment   *assessment);
/* The score of one dimension, or 0 when the assessment did not score it. */
int                  rei_plan_assessment_get_score (const ReiPlanAssessment *assessment,
                                                    const char              *dimension);
ReiPlanGoalProgress *rei_plan_goal_progress_new (gint64              goal_id,
                                                 const char         *status,
                                                 const char         *progress);
void                 rei_plan_goal_progress_free (ReiPlanGoalProgress *progress);
ReiPlanReview       *rei_plan_review_new       (void);
void                 rei_plan_review_free      (ReiPlanReview       *review);
void                 rei_plan_revision_free    (ReiPlanRevision     *revision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiPlanOpinion, rei_plan_opinion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiPlanGoal, rei_plan_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiPlanService, rei_plan_service_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiPlanAssessment, rei_plan_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiPlanReview, rei_plan_review_free)

ReiPlan    *rei_plan_new               (void);
gint64      rei_plan_get_id            (ReiPlan      *self);
void        rei_plan_set_id            (ReiPlan      *self,
                                        gint64        id);
gint64      rei_plan_get_resident_id   (ReiPlan      *self);
void        rei_plan_set_resident_id   (ReiPlan      *self,
                                        gint64        resident_id);
const char *rei_plan_get               (ReiPlan      *self,
                                        ReiPlanField  field);
void        rei_plan_set               (ReiPlan      *self,
                                        ReiPlanField  field,
                                        const char   *value);
const char *rei_plan_field_name        (ReiPlanField  field);
/* The number of the last signed revision, 0 for a plan never signed; the number shown by a
 * snapshot read with rei_store_get_plan_revision(). */
int         rei_plan_get_revision      (ReiPlan      *self);
void        rei_plan_set_revision      (ReiPlan      *self,
                                        int           revision);
/* TRUE while the content may change: a plan not yet signed, or an aneks being drafted. */
gboolean    rei_plan_get_editing       (ReiPlan      *self);
void        rei_plan_set_editing       (ReiPlan      *self,
                                        gboolean      editing);

/* The parts, owned by the plan; callers may add to them before handing the plan on. */
GPtrArray  *rei_plan_get_opinions      (ReiPlan      *self);   /* ReiPlanOpinion* */
GPtrArray  *rei_plan_get_goals         (ReiPlan      *self);   /* ReiPlanGoal* */
GPtrArray  *rei_plan_get_services      (ReiPlan      *self);   /* ReiPlanService* */
GPtrArray  *rei_plan_get_assessments   (ReiPlan      *self);   /* ReiPlanAssessment*, oldest first */
GPtrArray  *rei_plan_get_reviews       (ReiPlan      *self);   /* ReiPlanReview*, oldest first */
GPtrArray  *rei_plan_get_revisions     (ReiPlan      *self);   /* ReiPlanRevision*, by number */

/* The assessment at entry (the first) and the latest; NULL when there is none. */
const ReiPlanAssessment *rei_plan_get_first_assessment  (ReiPlan *self);
const ReiPlanAssessment *rei_plan_get_latest_assessment (ReiPlan *self);

/* The whole plan as a GVariant and back: what a signed revision keeps. */
GVariant   *rei_plan_to_variant        (ReiPlan      *self);
ReiPlan    *rei_plan_new_from_variant  (GVariant     *variant);

G_END_DECLS

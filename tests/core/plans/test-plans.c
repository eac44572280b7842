/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-demo.h"
#include "rei-plan-rules.h"
#include "rei-store-plans.h"
#include "rei-store-private.h"
#include "rei-store-residents.h"
#include "test-util.h"

typedef struct
{
  char     *dir;
  ReiStore *store;
  gint64    resident_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pesel = rei_test_pesel (1980, 3, 14, 123, 'K');
  g_autoptr(ReiResident) r = rei_test_resident_new ("Małgorzata", "Żółkiewska", pesel);

  f->dir = rei_test_tmpdir_new ();
  f->store = rei_test_store_new (f->dir);
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2024-01-08");
  g_assert_true (rei_store_save_resident (f->store, r, &error));
  g_assert_no_error (error);
  f->resident_id = rei_resident_get_id (r);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  rei_test_tmpdir_free (f->dir);
}

static ReiPlanGoal *
make_goal (const char *title,
           const char *dimension)
{
  ReiPlanGoal *g = rei_plan_goal_new ();

  g->title = g_strdup (title);
  g->criterion = g_strdup ("Zaświadczenie o ukończeniu kursu");
  g->deadline = g_strdup ("2024-06-30");
  g->responsible_kind = (g_free (g->responsible_kind), g_strdup ("uczestnik"));
  g_strfreev (g->dimensions);
  g->dimensions = g_strsplit (dimension, "|", -1);
  return g;
}

static ReiPlanAssessment *
make_assessment (const char *date,
                 const char *kind,
                 int         work,
                 int         family)
{
  ReiPlanAssessment *a = rei_plan_assessment_new ();

  a->assessed_on = g_strdup (date);
  a->kind = g_strdup (kind);
  a->author = g_strdup ("Anna Kowalska");
  g_ptr_array_add (a->scores, rei_plan_score_new ("praca", work, "Prawo jazdy kat. B", "Długa przerwa w pracy"));
  g_ptr_array_add (a->scores, rei_plan_score_new ("rodzina", family, NULL, NULL));
  return a;
}

/* A plan ready to sign: a diagnosis with its summary and one goal. */
static gint64
make_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(ReiPlanGoal) goal = make_goal ("Ukończyć kurs opiekuna osób starszych", "praca|edukacja");
  ReiPlanOpinion opinion = { 0, "doradca_zawodowy", "Jan Nowak", "2024-01-10",
                             "Motywacja do pracy w opiece", "opiekun, ogrodnik" };
  gint64 id = rei_store_create_plan (f->store, f->resident_id, NULL, "2024-01-15", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (rei_store_add_opinion (f->store, id, &opinion, &error), >, 0);
  g_assert_no_error (error);
  plan = rei_store_get_plan (f->store, id, &error);
  g_assert_no_error (error);
  rei_plan_set (plan, REI_PLAN_DIAGNOSIS_SUMMARY, "Osoba długotrwale bezrobotna, gotowa do zmiany.");
  rei_plan_set (plan, REI_PLAN_END_DATE, "2024-12-31");
  g_assert_true (rei_store_save_plan (f->store, plan, &error));
  g_assert_no_error (error);
  g_assert_true (rei_store_save_goal (f->store, id, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (goal->id, >, 0);
  return id;
}

/* The plan takes the centre's kind, one open plan a person, everything reads back. */
static void
test_plan_create (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPlan) plan = NULL;
  gint64 id = make_plan (f);
  ReiPlanGoal *goal;
  ReiPlanOpinion *opinion;

  plan = rei_store_get_plan (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_plan_get (plan, REI_PLAN_KIND), ==, "IPZS");
  g_assert_cmpstr (rei_plan_get (plan, REI_PLAN_PHASE), ==, "diagnoza");
  g_assert_cmpint (rei_plan_get_resident_id (plan), ==, f->resident_id);
  g_assert_cmpuint (rei_plan_get_goals (plan)->len, ==, 1);
  goal = g_ptr_array_index (rei_plan_get_goals (plan), 0);
  g_assert_cmpstr (goal->title, ==, "Ukończyć kurs opiekuna osób starszych");
  g_assert_cmpstr (goal->responsible_kind, ==, "uczestnik");
  g_assert_cmpuint (g_strv_length (goal->dimensions), ==, 2);
  g_assert_cmpstr (goal->dimensions[0], ==, "praca");
  opinion = g_ptr_array_index (rei_plan_get_opinions (plan), 0);
  g_assert_cmpstr (opinion->preferences, ==, "opiekun, ogrodnik");
  g_assert_cmpint (rei_store_find_current_plan (f->store, f->resident_id, NULL), ==, id);

  /* A second plan while the first is open. */
  g_assert_cmpint (rei_store_create_plan (f->store, f->resident_id, NULL, "2024-02-01", &error), ==, 0);
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_OPEN_PLAN);
  g_clear_error (&error);

  /* A CUS draws up an IPUS. */
  g_assert_true (rei_store_set_setting (f->store, "centre_mode", "2000-01-01", "CUS", NULL, &error));
  {
    g_autofree char *pesel = rei_test_pesel (1975, 7, 1, 55, 'M');
    g_autoptr(ReiResident) r = rei_test_resident_new ("Łukasz", "Ćwik", pesel);
    g_autoptr(ReiPlan) ipus = NULL;
    gint64 ipus_id;

    g_assert_true (rei_store_save_resident (f->store, r, &error));
    ipus_id = rei_store_create_plan (f->store, rei_resident_get_id (r), NULL, "2024-03-01", &error);
    g_assert_no_error (error);
    ipus = rei_store_get_plan (f->store, ipus_id, &error);
    g_assert_cmpstr (rei_plan_get (ipus, REI_PLAN_KIND), ==, "IPUS");
  }

  /* Nobody with that id. */
  g_assert_cmpint (rei_store_create_plan (f->store, 99999, NULL, NULL, &error), ==, 0);
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND);
}

/* Bad input: each refused with its reason, nothing written. */
static void
test_plan_bad_input (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(ReiPlanGoal) vague = make_goal ("Poprawić sytuację", "praca");
  ReiPlanOpinion empty = { 0, "psycholog", "Ewa Lis", "2024-01-10", "  ", NULL };
  gint64 id = rei_store_create_plan (f->store, f->resident_id, NULL, "2024-01-15", &error);

  g_assert_no_error (error);

  /* No goals, no diagnosis: cannot be signed. */
  g_assert_false (rei_store_sign_plan (f->store, id, "2024-01-20", &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "diagnosis"));
  g_clear_error (&error);

  plan = rei_store_get_plan (f->store, id, NULL);
  rei_plan_set (plan, REI_PLAN_DIAGNOSIS_SUMMARY, "Podsumowanie");
  g_assert_true (rei_store_save_plan (f->store, plan, &error));
  g_assert_false (rei_store_sign_plan (f->store, id, "2024-01-20", &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no goals"));
  g_clear_error (&error);

  g_assert_cmpint (rei_store_add_opinion (f->store, id, &empty, &error), ==, 0);
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&vague->criterion, g_free);
  g_assert_false (rei_store_save_goal (f->store, id, vague, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  vague->criterion = g_strdup ("kryterium");
  g_strfreev (vague->dimensions);
  vague->dimensions = g_strsplit ("nie_ma_takiego", "|", -1);
  g_assert_false (rei_store_save_goal (f->store, id, vague, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&plan);
  plan = rei_store_get_plan (f->store, id, NULL);
  g_assert_cmpuint (rei_plan_get_goals (plan)->len, ==, 0);
  g_assert_cmpuint (rei_plan_get_opinions (plan)->len, ==, 0);
  g_assert_cmpint (rei_plan_get_revision (plan), ==, 0);
}

/* A signed plan changes only by an aneks; the old revision stays as it was signed. */
static void
test_plan_revisions (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(ReiPlan) first = NULL;
  g_autoptr(ReiPlan) again = NULL;
  g_autoptr(ReiPlan) second = NULL;
  g_autoptr(ReiPlanGoal) extra = make_goal ("Znaleźć mieszkanie chronione", "mieszkanie");
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  gint64 id = make_plan (f);
  ReiPlanGoal *goal;

  g_assert_true (rei_store_sign_plan (f->store, id, "2024-01-20", &error));
  g_assert_no_error (error);
  plan = rei_store_get_plan (f->store, id, NULL);
  g_assert_cmpint (rei_plan_get_revision (plan), ==, 1);
  g_assert_false (rei_plan_get_editing (plan));
  g_assert_cmpstr (rei_plan_get (plan, REI_PLAN_PHASE), ==, "realizacja");

  /* Content refused, monitoring (a goal's status) allowed. */
  g_assert_false (rei_store_save_goal (f->store, id, extra, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_SIGNED);
  g_clear_error (&error);
  rei_plan_set (plan, REI_PLAN_CONTINGENCY, "Nowy plan awaryjny");
  g_assert_false (rei_store_save_plan (f->store, plan, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_SIGNED);
  g_clear_error (&error);
  goal = rei_plan_goal_copy (g_ptr_array_index (rei_plan_get_goals (plan), 0));
  g_free (goal->status);
  goal->status = g_strdup ("w_realizacji");
  g_assert_true (rei_store_save_goal (f->store, id, goal, &error));
  g_assert_no_error (error);
  g_free (goal->title);
  goal->title = g_strdup ("Inny cel");
  g_assert_false (rei_store_save_goal (f->store, id, goal, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_SIGNED);
  g_clear_error (&error);
  rei_plan_goal_free (goal);

  first = rei_store_get_plan_revision (f->store, id, 1, &error);
  g_assert_no_error (error);
  before = g_variant_ref_sink (rei_plan_to_variant (first));

  /* The aneks: a reason, a new goal, a signature. */
  g_assert_false (rei_store_begin_aneks (f->store, id, "  ", &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rei_store_begin_aneks (f->store, id, "Uczestniczka straciła mieszkanie", &error));
  g_assert_no_error (error);
  g_assert_true (rei_store_save_goal (f->store, id, extra, &error));
  g_assert_no_error (error);
  g_assert_true (rei_store_sign_plan (f->store, id, "2024-03-01", &error));
  g_assert_no_error (error);

  again = rei_store_get_plan_revision (f->store, id, 1, &error);
  g_assert_no_error (error);
  after = g_variant_ref_sink (rei_plan_to_variant (again));
  g_assert_true (g_variant_equal (before, after));
  g_assert_cmpuint (rei_plan_get_goals (again)->len, ==, 1);
  goal = g_ptr_array_index (rei_plan_get_goals (again), 0);
  g_assert_cmpstr (goal->status, ==, "planowany");

  second = rei_store_get_plan_revision (f->store, id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rei_plan_get_goals (second)->len, ==, 2);
  g_assert_cmpint (rei_plan_get_revision (second), ==, 2);
  g_assert_cmpuint (rei_plan_get_revisions (second)->len, ==, 2);
  g_assert_cmpstr (((ReiPlanRevision *) g_ptr_array_index (rei_plan_get_revisions (second), 1))->reason,
                   ==, "Uczestniczka straciła mieszkanie");

  g_assert_null (rei_store_get_plan_revision (f->store, id, 3, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND);
}

/* Assessments at entry, at a review and at exit; the history reads back in order, a review
 * records progress per goal and unmet needs where the network view finds them. */
static void
test_plan_assessments (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(ReiPlanAssessment) entry = make_assessment ("2024-01-16", "wejscie", 2, 3);
  g_autoptr(ReiPlanAssessment) mid = make_assessment ("2024-02-16", "przeglad", 3, 2);
  g_autoptr(ReiPlanAssessment) bad = make_assessment ("2024-02-17", "przeglad", 7, 2);
  g_autoptr(ReiPlanReview) review = rei_plan_review_new ();
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_unmet_need_free);
  g_autoptr(GPtrArray) stored_needs = NULL;
  ReiPlanUnmetNeed *need = g_new0 (ReiPlanUnmetNeed, 1);
  gint64 id = make_plan (f);
  gint64 goal_id;
  const ReiPlanAssessment *first, *latest;
  ReiPlanGoal *goal;

  g_assert_cmpint (rei_store_add_assessment (f->store, id, entry, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_add_assessment (f->store, id, bad, &error), ==, 0);
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  plan = rei_store_get_plan (f->store, id, NULL);
  goal_id = ((ReiPlanGoal *) g_ptr_array_index (rei_plan_get_goals (plan), 0))->id;
  review->held_on = g_strdup ("2024-02-16");
  review->notes = g_strdup ("Regularnie uczestniczy w zajęciach");
  g_ptr_array_add (review->progress, rei_plan_goal_progress_new (goal_id, "w_realizacji", "Połowa kursu"));
  need->dimension = g_strdup ("mieszkanie");
  need->area = g_strdup ("mieszkalnictwo");
  need->description = g_strdup ("Brak mieszkań treningowych w gminie");
  g_ptr_array_add (needs, need);
  g_assert_cmpint (rei_store_add_review (f->store, id, review, mid, needs, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (review->assessment_id, ==, mid->id);

  g_clear_object (&plan);
  plan = rei_store_get_plan (f->store, id, NULL);
  g_assert_cmpuint (rei_plan_get_assessments (plan)->len, ==, 2);
  first = rei_plan_get_first_assessment (plan);
  latest = rei_plan_get_latest_assessment (plan);
  g_assert_cmpstr (first->kind, ==, "wejscie");
  g_assert_cmpint (rei_plan_assessment_get_score (first, "praca"), ==, 2);
  g_assert_cmpint (rei_plan_assessment_get_score (latest, "praca"), ==, 3);
  g_assert_cmpint (rei_plan_assessment_get_score (latest, "rodzina"), ==, 2);
  g_assert_cmpint (rei_plan_assessment_get_score (latest, "zdrowie"), ==, 0);
  g_assert_cmpstr (((ReiPlanScore *) g_ptr_array_index (first->scores, 0))->resources, ==, "Prawo jazdy kat. B");
  g_assert_cmpuint (rei_plan_get_reviews (plan)->len, ==, 1);
  g_assert_cmpuint (((ReiPlanReview *) g_ptr_array_index (rei_plan_get_reviews (plan), 0))->progress->len, ==, 1);
  goal = g_ptr_array_index (rei_plan_get_goals (plan), 0);
  g_assert_cmpstr (goal->status, ==, "w_realizacji");

  stored_needs = rei_store_list_plan_unmet_needs (f->store, id, &error);
  g_assert_cmpuint (stored_needs->len, ==, 1);
  g_assert_cmpstr (((ReiPlanUnmetNeed *) g_ptr_array_index (stored_needs, 0))->recorded_on, ==, "2024-02-16");
  g_assert_cmpstr (((ReiPlanUnmetNeed *) g_ptr_array_index (stored_needs, 0))->area, ==, "mieszkalnictwo");
}

static gboolean
has_problem (GPtrArray           *problems,
             const char          *code,
             ReiPlanProblemLevel  level)
{
  for (guint i = 0; i < problems->len; i++)
    {
      ReiPlanProblem *p = g_ptr_array_index (problems, i);

      if (g_strcmp0 (p->code, code) == 0 && p->level == level)
        return TRUE;
    }
  return FALSE;
}

/* The legal rules with their dates: an IPUS of a year and a day, drawn up on day 31 after the
 * application, active without approval; an IPZS open 6 months and a day after work began. */
static void
test_plan_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPlan) plan = rei_plan_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *due = NULL;
  ReiPlanRules rules;

  rei_plan_rules_load (f->store, "2024-01-01", &rules);
  g_assert_cmpint (rules.ipus_max_months, ==, 12);
  g_assert_cmpint (rules.ipus_draft_days, ==, 30);
  g_assert_cmpint (rules.ipzs_after_work_months, ==, 6);
  g_assert_cmpint (rules.review_months, ==, 1);

  rei_plan_set (plan, REI_PLAN_KIND, "IPUS");
  rei_plan_set (plan, REI_PLAN_START_DATE, "2024-02-01");
  rei_plan_set (plan, REI_PLAN_APPLICATION_DATE, "2024-01-02");   /* 30 days before */
  rei_plan_set (plan, REI_PLAN_END_DATE, "2025-01-31");
  problems = rei_plan_check (&rules, plan, "2024-02-15");
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  rei_plan_set (plan, REI_PLAN_APPLICATION_DATE, "2024-01-01");   /* 31 days */
  rei_plan_set (plan, REI_PLAN_END_DATE, "2025-02-01");           /* a year and a day */
  rei_plan_set (plan, REI_PLAN_PHASE, "realizacja");
  problems = rei_plan_check (&rules, plan, "2024-02-15");
  g_assert_true (has_problem (problems, "ipus_late", REI_PLAN_PROBLEM_WARNING));
  g_assert_true (has_problem (problems, "ipus_too_long", REI_PLAN_PROBLEM_REFUSAL));
  g_assert_true (has_problem (problems, "ipus_not_approved", REI_PLAN_PROBLEM_REFUSAL));
  g_assert_cmpint (((ReiPlanProblem *) g_ptr_array_index (problems, 0))->level, ==, REI_PLAN_PROBLEM_REFUSAL);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A later law of 10 months: a plan drawn up after it is judged by it, one before is not. */
  g_assert_true (rei_store_set_setting (f->store, "ipus_max_months", "2025-01-01", "10", NULL, &error));
  rei_plan_rules_load (f->store, "2025-03-01", &rules);
  g_assert_cmpint (rules.ipus_max_months, ==, 10);
  rei_plan_rules_load (f->store, "2024-02-01", &rules);
  g_assert_cmpint (rules.ipus_max_months, ==, 12);

  /* The store refuses an IPUS that breaks a refusal rule. */
  {
    g_autofree char *pesel = rei_test_pesel (1990, 5, 5, 77, 'M');
    g_autoptr(ReiResident) r = rei_test_resident_new ("Paweł", "Wiśniewski", pesel);
    g_autoptr(ReiPlan) stored = NULL;
    gint64 id;

    g_assert_true (rei_store_save_resident (f->store, r, &error));
    id = rei_store_create_plan (f->store, rei_resident_get_id (r), "IPUS", "2024-02-01", &error);
    stored = rei_store_get_plan (f->store, id, &error);
    rei_plan_set (stored, REI_PLAN_END_DATE, "2025-02-01");
    g_assert_false (rei_store_save_plan (f->store, stored, &error));
    g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_RULE);
    g_assert_nonnull (strstr (error->message, "01.02.2025"));
    g_clear_error (&error);
    rei_plan_set (stored, REI_PLAN_END_DATE, "2025-01-31");
    rei_plan_set (stored, REI_PLAN_PHASE, "realizacja");
    g_assert_false (rei_store_save_plan (f->store, stored, &error));
    g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_RULE);
    g_clear_error (&error);
    rei_plan_set (stored, REI_PLAN_APPROVED_BY, "Dyrektor CUS");
    rei_plan_set (stored, REI_PLAN_APPROVED_ON, "2024-02-03");
    g_assert_true (rei_store_save_plan (f->store, stored, &error));
    g_assert_no_error (error);
  }

  /* IPZS: took up work on 15.03.2024; 15.09.2024 is the last day. */
  g_clear_object (&plan);
  plan = rei_plan_new ();
  rei_plan_set (plan, REI_PLAN_START_DATE, "2024-01-15");
  rei_plan_set (plan, REI_PLAN_WORK_STARTED_ON, "2024-03-15");
  rei_plan_rules_load (f->store, "2024-01-15", &rules);
  problems = rei_plan_check (&rules, plan, "2024-09-15");
  g_assert_false (has_problem (problems, "ipzs_overdue", REI_PLAN_PROBLEM_WARNING));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = rei_plan_check (&rules, plan, "2024-09-16");
  g_assert_true (has_problem (problems, "ipzs_overdue", REI_PLAN_PROBLEM_WARNING));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Reviews monthly from the start: due 15.02.2024. */
  due = rei_plan_next_review (&rules, plan);
  g_assert_cmpstr (due, ==, "2024-02-15");
  problems = rei_plan_check (&rules, plan, "2024-02-15");
  g_assert_false (has_problem (problems, "review_overdue", REI_PLAN_PROBLEM_WARNING));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = rei_plan_check (&rules, plan, "2024-02-16");
  g_assert_true (has_problem (problems, "review_overdue", REI_PLAN_PROBLEM_WARNING));
}

/* Overdue reviews for the residents list; closing writes the outcome to the resident. */
static void
test_plan_close (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(ReiResident) resident = NULL;
  g_autoptr(GArray) overdue = NULL;
  gint64 id = make_plan (f);

  overdue = rei_store_list_overdue_reviews (f->store, "2024-02-15", &error);
  g_assert_cmpuint (overdue->len, ==, 0);
  g_clear_pointer (&overdue, g_array_unref);
  overdue = rei_store_list_overdue_reviews (f->store, "2024-02-16", &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpint (g_array_index (overdue, gint64, 0), ==, f->resident_id);
  g_clear_pointer (&overdue, g_array_unref);

  g_assert_false (rei_store_close_plan (f->store, id, "2024-12-20", "", NULL, "zatrudnienie", &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rei_store_close_plan (f->store, id, "2024-12-20", "Kurs ukończony", NULL, "nie_ma", &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rei_store_close_plan (f->store, id, "2024-12-20", "Kurs ukończony, praca od 1.12",
                                       "Kontakt z doradcą co kwartał", "zatrudnienie", &error));
  g_assert_no_error (error);
  plan = rei_store_get_plan (f->store, id, NULL);
  g_assert_cmpstr (rei_plan_get (plan, REI_PLAN_PHASE), ==, "zamkniecie");
  g_assert_cmpstr (rei_plan_get (plan, REI_PLAN_CLOSED_ON), ==, "2024-12-20");
  g_assert_cmpstr (rei_plan_get (plan, REI_PLAN_FURTHER_SUPPORT), ==, "Kontakt z doradcą co kwartał");
  resident = rei_store_get_resident (f->store, f->resident_id, &error);
  g_assert_cmpstr (rei_resident_get (resident, REI_RESIDENT_OUTCOME), ==, "zatrudnienie");
  g_assert_cmpstr (rei_resident_get (resident, REI_RESIDENT_OUTCOME_DATE), ==, "2024-12-20");

  overdue = rei_store_list_overdue_reviews (f->store, "2025-06-01", &error);
  g_assert_cmpuint (overdue->len, ==, 0);

  /* A new period: a new plan now that the first is closed. */
  g_assert_cmpint (rei_store_create_plan (f->store, f->resident_id, NULL, "2025-01-10", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_plan_variant_roundtrip (void)
{
  g_autoptr(ReiPlan) plan = rei_plan_new ();
  g_autoptr(ReiPlan) back = NULL;
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GVariant) v2 = NULL;
  g_autofree char *text = NULL;
  ReiPlanAssessment *a = make_assessment ("2024-01-01", "wejscie", 1, 5);

  rei_plan_set (plan, REI_PLAN_DIAGNOSIS_SUMMARY, "Zażółć gęślą jaźń");
  g_ptr_array_add (rei_plan_get_goals (plan), make_goal ("Cel", "praca|rodzina"));
  g_ptr_array_add (rei_plan_get_assessments (plan), a);
  v = g_variant_ref_sink (rei_plan_to_variant (plan));
  text = g_variant_print (v, TRUE);
  v2 = g_variant_parse (NULL, text, NULL, NULL, NULL);
  back = rei_plan_new_from_variant (v2);
  g_assert_nonnull (back);
  g_assert_cmpstr (rei_plan_get (back, REI_PLAN_DIAGNOSIS_SUMMARY), ==, "Zażółć gęślą jaźń");
  g_assert_cmpstr (rei_plan_get (back, REI_PLAN_END_DATE), ==, NULL);
  g_assert_cmpstr (((ReiPlanGoal *) g_ptr_array_index (rei_plan_get_goals (back), 0))->dimensions[1], ==, "rodzina");
  g_assert_cmpint (rei_plan_assessment_get_score (rei_plan_get_latest_assessment (back), "rodzina"), ==, 5);
}

/* The demo gives everyone admitted a plan worth looking at: 3–6 goals (one more after an aneks),
 * an entry assessment, reviews, most dimensions rising a little and some falling. */
static void
test_plan_demo (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GArray) ids = NULL;
  guint rose = 0, fell = 0, with_plan = 0, closed = 0, aneks = 0;

  g_assert_true (rei_demo_fill (store, 80, 2019, NULL, NULL, NULL, &error));
  g_assert_true (rei_demo_fill_plans (store, 2019, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A second run adds nothing. */
  g_assert_true (rei_demo_fill_plans (store, 2019, NULL, NULL, NULL, &error));

  ids = rei_store_query_resident_ids (store, query, NULL, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 plan_id = rei_store_find_current_plan (store, g_array_index (ids, gint64, i), NULL);
      g_autoptr(ReiPlan) plan = NULL;
      const ReiPlanAssessment *first, *latest;
      guint n_goals;

      if (plan_id == 0)
        continue;
      with_plan++;
      plan = rei_store_get_plan (store, plan_id, &error);
      g_assert_no_error (error);
      n_goals = rei_plan_get_goals (plan)->len;
      aneks += rei_plan_get_revision (plan) > 1;
      g_assert_cmpuint (n_goals, >=, 3);
      g_assert_cmpuint (n_goals, <=, rei_plan_get_revision (plan) > 1 ? 7 : 6);
      g_assert_cmpuint (rei_plan_get_opinions (plan)->len, ==, 3);
      g_assert_true (rei_plan_check_printable (plan, NULL));
      g_assert_cmpint (rei_plan_get_revision (plan), >=, 1);
      first = rei_plan_get_first_assessment (plan);
      latest = rei_plan_get_latest_assessment (plan);
      g_assert_nonnull (first);
      g_assert_cmpstr (first->kind, ==, "wejscie");
      closed += rei_plan_get (plan, REI_PLAN_CLOSED_ON) != NULL;
      for (guint d = 0; d < first->scores->len; d++)
        {
          const ReiPlanScore *s = g_ptr_array_index (first->scores, d);
          int after = rei_plan_assessment_get_score (latest, s->dimension);

          rose += after > s->score;
          fell += after < s->score;
        }
    }
  g_assert_cmpuint (with_plan, >=, ids->len * 9 / 10);
  g_assert_cmpuint (closed, >, 0);
  g_assert_cmpuint (aneks, >, 0);
  g_assert_cmpuint (fell, >, 0);
  g_assert_cmpuint (rose, >, 2 * fell);

  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* For check-plans.py: a database at PATH with
 *   85071512348 Grzegorz Brzęczyszczykiewicz — a signed IPZS with an aneks (revisions 1 and 2),
 *     three goals, two services, assessments at entry and at a review;
 *   90010112345-like second person with a plan without goals;
 *   a third with goals but an empty diagnosis. */
static int
make_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = rei_store_open (path, &error);
  g_autofree char *pesel2 = rei_test_pesel (1990, 1, 1, 12, 'K');
  g_autofree char *pesel3 = rei_test_pesel (1970, 6, 6, 34, 'M');
  g_autoptr(ReiResident) r = rei_test_resident_new ("Grzegorz", "Brzęczyszczykiewicz", "85071512348");
  g_autoptr(ReiResident) r2 = rei_test_resident_new ("Żaneta", "Ślęzak", pesel2);
  g_autoptr(ReiResident) r3 = rei_test_resident_new ("Zenon", "Łęcki", pesel3);
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(ReiPlanAssessment) entry = make_assessment ("2024-01-16", "wejscie", 2, 3);
  g_autoptr(ReiPlanAssessment) mid = make_assessment ("2024-02-16", "przeglad", 4, 2);
  g_autoptr(ReiPlanReview) review = rei_plan_review_new ();
  ReiPlanOpinion opinion = { 0, "psycholog", "Ewa Źdźbło", "2024-01-10",
                             "Dobra motywacja, niska samoocena.", NULL };
  const char *titles[] = { "Ukończyć kurs opiekuna osób starszych", "Odbudować kontakt z córką",
                           "Spłacić zaległości czynszowe" };
  const char *dims[] = { "praca|edukacja", "rodzina", "finanse|mieszkanie" };
  gint64 id;

  g_assert_no_error (error);
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2024-01-08");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_true (rei_store_save_resident (store, r2, &error));
  g_assert_true (rei_store_save_resident (store, r3, &error));
  g_assert_true (rei_store_set_setting (store, "centre_name", "2000-01-01",
                                        "Centrum Integracji Społecznej w Krasnymstawie", NULL, &error));
  g_assert_true (rei_store_set_setting (store, "centre_address", "2000-01-01",
                                        "ul. Sportowa 1, 22-300 Krasnystaw", NULL, &error));

  id = rei_store_create_plan (store, rei_resident_get_id (r), NULL, "2024-01-15", &error);
  g_assert_cmpint (rei_store_add_opinion (store, id, &opinion, &error), >, 0);
  plan = rei_store_get_plan (store, id, &error);
  rei_plan_set (plan, REI_PLAN_DIAGNOSIS_SUMMARY, "Długotrwale bezrobotny, zadłużony, chce pracować w opiece.");
  rei_plan_set (plan, REI_PLAN_CONTINGENCY, "W razie nawrotu: kontakt z terapeutą w ciągu 3 dni.");
  rei_plan_set (plan, REI_PLAN_END_DATE, "2024-12-31");
  g_assert_true (rei_store_save_plan (store, plan, &error));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(ReiPlanGoal) g = make_goal (titles[i], dims[i]);
      g_assert_true (rei_store_save_goal (store, id, g, &error));
    }
  for (guint i = 0; i < 2; i++)
    {
      ReiPlanService s = { 0 };
      s.service_id = rei_store_plan_ensure_service (store, i ? "Terapia uzależnień" : "Warsztat opieki",
                                                    i ? "A" : "B", &error);
      s.hours_planned = 40;
      s.hours_given = 12;
      g_assert_true (rei_store_save_plan_service (store, id, &s, &error));
    }
  g_assert_true (rei_store_sign_plan (store, id, "2024-01-20", &error));
  g_assert_cmpint (rei_store_add_assessment (store, id, entry, &error), >, 0);
  review->held_on = g_strdup ("2024-02-16");
  g_assert_cmpint (rei_store_add_review (store, id, review, mid, NULL, &error), >, 0);
  g_assert_true (rei_store_begin_aneks (store, id, "Zmiana terminu kursu", &error));
  {
    g_autoptr(ReiPlanGoal) g = make_goal ("Zdobyć prawo jazdy kat. B", "praca");
    g_assert_true (rei_store_save_goal (store, id, g, &error));
  }
  g_assert_true (rei_store_sign_plan (store, id, "2024-03-01", &error));
  g_assert_no_error (error);

  id = rei_store_create_plan (store, rei_resident_get_id (r2), NULL, "2024-02-01", &error);
  g_clear_object (&plan);
  plan = rei_store_get_plan (store, id, &error);
  rei_plan_set (plan, REI_PLAN_DIAGNOSIS_SUMMARY, "Diagnoza bez celów.");
  g_assert_true (rei_store_save_plan (store, plan, &error));

  id = rei_store_create_plan (store, rei_resident_get_id (r3), NULL, "2024-02-01", &error);
  {
    g_autoptr(ReiPlanGoal) g = make_goal ("Cel bez diagnozy", "praca");
    g_assert_true (rei_store_save_goal (store, id, g, &error));
  }
  g_assert_no_error (error);
  g_print ("%s\n%s\n", pesel2, pesel3);
  return 0;
}

/* A plan's services: added and removed while the plan is open; once it is signed, only the
 * hours given change, and a service neither goes nor comes (the signed error); a service not in
 * the catalogue and one not in the plan are refused. */
static void
test_plan_services (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPlan) plan = NULL;
  gint64 id = make_plan (f);
  gint64 course = rei_store_plan_ensure_service (f->store, "Kurs opiekuna", "B", &error);
  ReiPlanService kept = { 0 }, dropped = { 0 }, unknown = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (course, >, 0);
  g_assert_cmpint (rei_store_plan_ensure_service (f->store, "Kurs opiekuna", "B", &error), ==, course);
  kept.service_id = dropped.service_id = course;
  kept.hours_planned = dropped.hours_planned = 40;
  g_assert_true (rei_store_save_plan_service (f->store, id, &kept, &error));
  g_assert_true (rei_store_save_plan_service (f->store, id, &dropped, &error));
  g_assert_no_error (error);
  unknown.service_id = 999999;
  g_assert_false (rei_store_save_plan_service (f->store, id, &unknown, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rei_store_delete_plan_service (f->store, id, dropped.id, &error));
  g_assert_no_error (error);
  plan = rei_store_get_plan (f->store, id, &error);
  g_assert_cmpuint (rei_plan_get_services (plan)->len, ==, 1);

  g_assert_true (rei_store_sign_plan (f->store, id, "2024-01-20", &error));
  g_assert_no_error (error);
  kept.hours_given = 12;
  g_assert_true (rei_store_save_plan_service (f->store, id, &kept, &error));
  g_assert_no_error (error);
  kept.hours_planned = 50;
  g_assert_false (rei_store_save_plan_service (f->store, id, &kept, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_false (rei_store_delete_plan_service (f->store, id, kept.id, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_false (rei_store_delete_plan_service (f->store, id + 1000, kept.id, &error));
  g_assert_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&plan);
  plan = rei_store_get_plan (f->store, id, &error);
  g_assert_cmpuint (rei_plan_get_services (plan)->len, ==, 1);
  g_assert_cmpfloat (((ReiPlanService *) g_ptr_array_index (rei_plan_get_services (plan), 0))->hours_given, ==, 12);
  g_assert_cmpfloat (((ReiPlanService *) g_ptr_array_index (rei_plan_get_services (plan), 0))->hours_planned, ==, 40);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_strcmp0 (argv[1], "--make-db") == 0)
    return make_db (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plans/create", test_plan_create);
  ADD ("/plans/bad-input", test_plan_bad_input);
  ADD ("/plans/revisions", test_plan_revisions);
  ADD ("/plans/assessments", test_plan_assessments);
  ADD ("/plans/rules", test_plan_rules);
  ADD ("/plans/close", test_plan_close);
  ADD ("/plans/services", test_plan_services);
#undef ADD
  g_test_add_func ("/plans/variant-roundtrip", test_plan_variant_roundtrip);
  g_test_add_func ("/plans/demo", test_plan_demo);

  return g_test_run ();
}

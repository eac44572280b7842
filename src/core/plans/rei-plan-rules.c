/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-plan-rules.h"

#include <glib/gi18n-lib.h>

#include "rei-date.h"

void
rei_plan_problem_free (ReiPlanProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->code);
  g_free (problem->message);
  g_free (problem);
}

void
rei_plan_rules_load (ReiStore     *store,
                     const char   *on_date,
                     ReiPlanRules *rules)
{
  g_return_if_fail (REI_IS_STORE (store));
  g_return_if_fail (rules != NULL);

  /* A rule not in force yet on the day (an IPUS dated before the CUS act) is judged by the rule
   * as it stands today rather than by none. */
#define LOAD(field, key, fallback) \
  rules->field = rei_store_get_setting_int (store, key, on_date, \
                   rei_store_get_setting_int (store, key, NULL, fallback))
  LOAD (ipus_max_months, "ipus_max_months", 12);
  LOAD (ipus_draft_days, "ipus_draft_days", 30);
  LOAD (ipzs_after_work_months, "ipzs_after_work_months", 6);
  LOAD (review_months, "plan_review_months", 1);
#undef LOAD
}

static void
add_problem (GPtrArray           *problems,
             ReiPlanProblemLevel  level,
             const char          *code,
             char                *message)
{
  ReiPlanProblem *p = g_new0 (ReiPlanProblem, 1);

  p->level = level;
  p->code = g_strdup (code);
  p->message = message;
  g_ptr_array_add (problems, p);
}

/* The same day of the month months later, or the month's last day when it is shorter. */
static char *
add_months (const char *iso,
            int         months)
{
  GDate date;

  if (!rei_date_iso_to_gdate (iso, &date))
    return NULL;
  g_date_add_months (&date, (guint) MAX (months, 0));
  return rei_date_to_iso (&date);
}

static int
days_between (const char *from_iso,
              const char *to_iso)
{
  GDate from, to;

  if (!rei_date_iso_to_gdate (from_iso, &from) || !rei_date_iso_to_gdate (to_iso, &to))
    return 0;
  return g_date_days_between (&from, &to);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const ReiPlanProblem *pa = *(ReiPlanProblem * const *) a;
  const ReiPlanProblem *pb = *(ReiPlanProblem * const *) b;

  return (int) pb->level - (int) pa->level;
}

GPtrArray *
rei_plan_check (const ReiPlanRules *rules,
                ReiPlan            *plan,
                const char         *today_iso)
{
  g_autofree char *today = today_iso ? g_strdup (today_iso) : rei_date_today_iso ();
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_problem_free);
  const char *kind = rei_plan_get (plan, REI_PLAN_KIND);
  const char *start = rei_plan_get (plan, REI_PLAN_START_DATE);
  const char *end = rei_plan_get (plan, REI_PLAN_END_DATE);
  const char *closed = rei_plan_get (plan, REI_PLAN_CLOSED_ON);
  const char *phase = rei_plan_get (plan, REI_PLAN_PHASE);

  g_return_val_if_fail (rules != NULL, problems);
  g_return_val_if_fail (REI_IS_PLAN (plan), problems);

  if (g_strcmp0 (kind, "IPUS") == 0)
    {
      const char *application = rei_plan_get (plan, REI_PLAN_APPLICATION_DATE);
      gboolean active = g_strcmp0 (phase, "diagnoza") != 0 && g_strcmp0 (phase, "planowanie") != 0;

      if (start != NULL && end != NULL)
        {
          g_autofree char *limit = add_months (start, rules->ipus_max_months);

          if (limit != NULL && g_strcmp0 (end, limit) >= 0)
            {
              g_autofree char *s = rei_date_format_display (start);
              g_autofree char *e = rei_date_format_display (end);

              add_problem (problems, REI_PLAN_PROBLEM_REFUSAL, "ipus_too_long",
                           g_strdup_printf (_("An IPUS lasts at most %d months; this one runs from %s to %s."),
                                            rules->ipus_max_months, s, e));
            }
        }
      if (application != NULL && start != NULL)
        {
          int days = days_between (application, start);

          if (days > rules->ipus_draft_days)
            {
              g_autofree char *a = rei_date_format_display (application);
              g_autofree char *s = rei_date_format_display (start);

              add_problem (problems, REI_PLAN_PROBLEM_WARNING, "ipus_late",
                           g_strdup_printf (_("The IPUS was drawn up on %s, %d days after the application of %s; the law allows %d days."),
                                            s, days, a, rules->ipus_draft_days));
            }
        }
      if (active && (rei_plan_get (plan, REI_PLAN_APPROVED_BY) == NULL
                     || rei_plan_get (plan, REI_PLAN_APPROVED_ON) == NULL))
        add_problem (problems, REI_PLAN_PROBLEM_REFUSAL, "ipus_not_approved",
                     g_strdup (_("An IPUS is carried out only after the director or an authorised services organiser has approved it: enter who approved it and when.")));
    }
  else if (closed == NULL && rei_plan_get (plan, REI_PLAN_WORK_STARTED_ON) != NULL)
    {
      const char *work = rei_plan_get (plan, REI_PLAN_WORK_STARTED_ON);
      g_autofree char *limit = add_months (work, rules->ipzs_after_work_months);

      if (limit != NULL && g_strcmp0 (today, limit) > 0)
        {
          g_autofree char *w = rei_date_format_display (work);
          g_autofree char *l = rei_date_format_display (limit);

          add_problem (problems, REI_PLAN_PROBLEM_WARNING, "ipzs_overdue",
                       g_strdup_printf (_("The IPZS is still open although the person took up work on %s: it should have ended by %s."),
                                        w, l));
        }
    }

  if (closed == NULL)
    {
      g_autofree char *due = rei_plan_next_review (rules, plan);

      if (due != NULL && g_strcmp0 (today, due) > 0)
        {
          g_autofree char *d = rei_date_format_display (due);

          add_problem (problems, REI_PLAN_PROBLEM_WARNING, "review_overdue",
                       g_strdup_printf (_("A review was due on %s."), d));
        }
    }

  g_ptr_array_sort (problems, compare_problems);
  return problems;
}

char *
rei_plan_next_review (const ReiPlanRules *rules,
                      ReiPlan            *plan)
{
  GPtrArray *reviews;
  const char *last;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (REI_IS_PLAN (plan), NULL);

  if (rei_plan_get (plan, REI_PLAN_CLOSED_ON) != NULL)
    return NULL;
  reviews = rei_plan_get_reviews (plan);
  last = reviews->len > 0
         ? ((ReiPlanReview *) g_ptr_array_index (reviews, reviews->len - 1))->held_on
         : rei_plan_get (plan, REI_PLAN_START_DATE);
  if (last == NULL)
    return NULL;
  return add_months (last, rules->review_months);
}

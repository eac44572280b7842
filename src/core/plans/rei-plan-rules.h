/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-plan.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The legal rules on IPZS and IPUS (domain.md, "Legal parameters"), read from the setting
 * table as dated values: the law in force when the plan was drawn up judges it. */
typedef struct
{
  int ipus_max_months;         /* an IPUS lasts at most this long */
  int ipus_draft_days;         /* drawn up within this many days of the application */
  int ipzs_after_work_months;  /* an IPZS ends at most this long after the person took up work */
  int review_months;           /* the review schedule */
} ReiPlanRules;

typedef enum
{
  REI_PLAN_PROBLEM_WARNING,    /* shown, and the work goes on */
  REI_PLAN_PROBLEM_REFUSAL,    /* the store refuses to save the plan so */
} ReiPlanProblemLevel;

typedef struct
{
  ReiPlanProblemLevel  level;
  char                *code;      /* ipus_too_long, ipus_late, ipus_not_approved, ipzs_overdue, review_overdue */
  char                *message;   /* a sentence for the clerk, with the dates */
} ReiPlanProblem;

void        rei_plan_problem_free   (ReiPlanProblem     *problem);

/* The rules in force on on_date (NULL: today). */
void        rei_plan_rules_load     (ReiStore           *store,
                                     const char         *on_date,
                                     ReiPlanRules       *rules);
/* Every rule the plan breaks on today_iso (NULL: today), refusals first. */
GPtrArray  *rei_plan_check          (const ReiPlanRules *rules,
                                     ReiPlan            *plan,
                                     const char         *today_iso);
/* The day the next review is due: the last review (or the start of the plan) plus the
 * schedule; NULL for a closed plan or one without a start date. */
char       *rei_plan_next_review    (const ReiPlanRules *rules,
                                     ReiPlan            *plan);

G_END_DECLS

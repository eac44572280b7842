/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-plan.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_PLAN_ERROR (rei_plan_error_quark ())

typedef enum
{
  REI_PLAN_ERROR_NOT_FOUND,   /* no such person, plan or revision */
  REI_PLAN_ERROR_SIGNED,      /* the plan is signed: its content changes only by an aneks */
  REI_PLAN_ERROR_INVALID,     /* a required field is empty, a code is unknown */
  REI_PLAN_ERROR_RULE,        /* a legal rule refuses it (rei-plan-rules.h) */
  REI_PLAN_ERROR_OPEN_PLAN,   /* the person has an open plan already */
} ReiPlanError;

GQuark      rei_plan_error_quark              (void);

/* A row of the vocabularies: potential_dimension, potential_scale, the service catalogue. */
typedef struct
{
  char *code;     /* the dimension's code; the score as text; the service's id as text */
  char *label;
  char *group;    /* services only: "A" or "B" */
} ReiPlanLabel;

void        rei_plan_label_free               (ReiPlanLabel  *label);

/* A need recorded at a review that the offer does not meet (plan_unmet_need, read by the
 * network view as the gaps of the local network). */
typedef struct
{
  gint64  id;
  char   *dimension;    /* nullable code */
  char   *area;         /* nullable code of social_area */
  char   *description;
  char   *recorded_on;
  char   *met_on;
} ReiPlanUnmetNeed;

void        rei_plan_unmet_need_free          (ReiPlanUnmetNeed *need);

/* The active dimensions in their order, and the labelled scale (1..5). */
GPtrArray  *rei_store_list_potential_dimensions (ReiStore    *self,
                                                 GError     **error);
GPtrArray  *rei_store_list_potential_scale    (ReiStore      *self,
                                               GError       **error);
/* The service catalogue (the network issue owns it; plans only read it and, for the demo and
 * the tests, add a service by name when it is missing). */
GPtrArray  *rei_store_list_plan_catalogue     (ReiStore      *self,
                                               GError       **error);
gint64      rei_store_plan_ensure_service     (ReiStore      *self,
                                               const char    *name,
                                               const char    *group,
                                               GError       **error);

/* A new plan for the resident, starting on start_date (NULL: today), of the centre's kind
 * (setting "centre_mode": CIS draws up an IPZS, CUS an IPUS) unless kind is given.  Refused
 * while the person has a plan that is not closed.  Returns the id, 0 on error. */
gint64      rei_store_create_plan             (ReiStore      *self,
                                               gint64         resident_id,
                                               const char    *kind,
                                               const char    *start_date,
                                               GError       **error);
/* Everything about one plan, read in one transaction. */
ReiPlan    *rei_store_get_plan                (ReiStore      *self,
                                               gint64         plan_id,
                                               GError       **error);
/* The person's latest plan (by start), 0 when they have none (error stays unset then). */
gint64      rei_store_find_current_plan       (ReiStore      *self,
                                               gint64         resident_id,
                                               GError       **error);
/* Writes the header fields.  The content (kind, dates of the plan, diagnosis summary,
 * contingency) of a signed plan is refused with REI_PLAN_ERROR_SIGNED; the phase, approval,
 * the day work was taken up are monitoring and always written.  A refusal of the legal rules
 * (an IPUS over a year, carried out unapproved) is REI_PLAN_ERROR_RULE. */
gboolean    rei_store_save_plan               (ReiStore      *self,
                                               ReiPlan       *plan,
                                               GError       **error);
gint64      rei_store_add_opinion             (ReiStore      *self,
                                               gint64         plan_id,
                                               const ReiPlanOpinion *opinion,
                                               GError       **error);
/* Inserts (goal->id 0; sets it) or updates a goal and its dimensions. */
gboolean    rei_store_save_goal               (ReiStore      *self,
                                               gint64         plan_id,
                                               ReiPlanGoal   *goal,
                                               GError       **error);
gboolean    rei_store_delete_goal             (ReiStore      *self,
                                               gint64         plan_id,
                                               gint64         goal_id,
                                               GError       **error);
/* Inserts (service->id 0) or updates a service of the plan; the given hours are monitoring and
 * may change on a signed plan, the rest is content. */
gboolean    rei_store_save_plan_service       (ReiStore      *self,
                                               gint64         plan_id,
                                               ReiPlanService *service,
                                               GError       **error);
gboolean    rei_store_delete_plan_service     (ReiStore      *self,
                                               gint64         plan_id,
                                               gint64         plan_service_id,
                                               GError       **error);
/* An assessment with a score for each dimension it names; returns its id. */
gint64      rei_store_add_assessment          (ReiStore      *self,
                                               gint64         plan_id,
                                               ReiPlanAssessment *assessment,
                                               GError       **error);
/* A review: its notes and contingency, the progress per goal (which also sets each goal's
 * status), an assessment recorded with it (may be NULL) and the unmet needs (may be NULL),
 * all in one transaction.  Returns its id. */
gint64      rei_store_add_review              (ReiStore      *self,
                                               gint64         plan_id,
                                               ReiPlanReview *review,
                                               ReiPlanAssessment *assessment,
                                               GPtrArray     *unmet_needs,
                                               GError       **error);
GPtrArray  *rei_store_list_plan_unmet_needs   (ReiStore      *self,
                                               gint64         plan_id,
                                               GError       **error);
/* Signs the plan as it stands on signed_on: the first signature makes revision 1, the
 * signature of an aneks the next.  The plan needs a diagnosis summary and a goal. */
gboolean    rei_store_sign_plan               (ReiStore      *self,
                                               gint64         plan_id,
                                               const char    *signed_on,
                                               GError       **error);
/* Opens a signed plan for an aneks with its reason; rei_store_sign_plan() ends it. */
gboolean    rei_store_begin_aneks             (ReiStore      *self,
                                               gint64         plan_id,
                                               const char    *reason,
                                               GError       **error);
/* A signed revision exactly as it was signed. */
ReiPlan    *rei_store_get_plan_revision       (ReiStore      *self,
                                               gint64         plan_id,
                                               int            number,
                                               GError       **error);
/* Closes the plan (phase "zamkniecie") with its achievements and the options of further
 * support, and writes the situation after leaving (an outcome code, may be NULL) to the
 * resident: one field, the one the indicators count.  One transaction. */
gboolean    rei_store_close_plan              (ReiStore      *self,
                                               gint64         plan_id,
                                               const char    *closed_on,
                                               const char    *achievements,
                                               const char    *further_support,
                                               const char    *outcome,
                                               GError       **error);
/* The plan may be signed and printed: it has a diagnosis summary and at least one goal; a
 * Polish reason (REI_PLAN_ERROR_INVALID) otherwise. */
gboolean    rei_plan_check_printable          (ReiPlan       *plan,
                                               GError       **error);
/* Ids of the residents whose open plan's next review is before today_iso (NULL: today). */
GArray     *rei_store_list_overdue_reviews    (ReiStore      *self,
                                               const char    *today_iso,
                                               GError       **error);

/* The rows of the plans workbook, streamed in Polish order of the people: each callback gets
 * the cells of one row (NULL for an empty cell); returning FALSE stops. */
typedef gboolean (*ReiPlanRowFunc)            (const char * const *cells,
                                               gpointer       user_data);
/* PESEL, surname, first name, kind, start, end, phase. */
gboolean    rei_store_foreach_plan_row        (ReiStore      *self,
                                               ReiPlanRowFunc func,
                                               gpointer       user_data,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* PESEL, goal, dimensions (labels joined by ", "), criterion, responsible, deadline, status. */
gboolean    rei_store_foreach_goal_row        (ReiStore      *self,
                                               ReiPlanRowFunc func,
                                               gpointer       user_data,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* PESEL, date, dimension label, score. */
gboolean    rei_store_foreach_score_row       (ReiStore      *self,
                                               ReiPlanRowFunc func,
                                               gpointer       user_data,
                                               GCancellable  *cancellable,
                                               GError       **error);

G_END_DECLS

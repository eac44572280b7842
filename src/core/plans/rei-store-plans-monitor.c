/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-plans-private.h"
#include "rei-store-residents.h"

/* The writes that follow a plan through its life: its services, the assessments of potential,
 * the reviews, the signatures and aneksy, and the closing. */

gboolean
rei_plan_check_printable (ReiPlan  *plan,
                                GError  **error)
{
  if (rei_store_plans_is_blank (rei_plan_get (plan, REI_PLAN_DIAGNOSIS_SUMMARY)))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("The diagnosis is empty: write the summary the plan starts from."));
      return FALSE;
    }
  if (rei_plan_get_goals (plan)->len == 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("The plan has no goals: add at least one goal with its criterion."));
      return FALSE;
    }
  return TRUE;
}

gint64
rei_store_plan_ensure_service (ReiStore    *self,
                               const char  *name,
                               const char  *group,
                               GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 id = 0;

  g_return_val_if_fail (REI_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (g_strcmp0 (group, "A") != 0 && g_strcmp0 (group, "B") != 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("A service belongs to group A or B."));
      return 0;
    }
  if (!rei_store_begin (self, error))
    return 0;
  if (!rei_store_statement_write (&st, self, "SELECT id FROM service WHERE name = ? AND grp = ?", error))
    goto fail;
  rei_store_statement_bind_text (&st, 1, name);
  rei_store_statement_bind_text (&st, 2, group);
  if (rei_store_statement_next (&st))
    id = sqlite3_column_int64 (st.stmt, 0);
  rei_store_statement_clear (&st);
  if (id == 0)
    {
      if (!rei_store_statement_write (&st, self, "INSERT INTO service (name, grp) VALUES (?, ?)", error))
        goto fail;
      rei_store_statement_bind_text (&st, 1, name);
      rei_store_statement_bind_text (&st, 2, group);
      if (!rei_store_statement_exec (&st, N_("adding a service"), error))
        goto fail;
      id = rei_store_statement_last_insert_id (&st);
    }
  return rei_store_end_write (self, &st, TRUE, error) ? id : 0;

fail:
  rei_store_end_write (self, &st, FALSE, error);
  return 0;
}

/* The plan's service row, in the caller's transaction. */
static gboolean
write_plan_service (ReiStore        *self,
                    gint64           plan_id,
                    ReiPlanService  *service,
                    GError         **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean editing = FALSE;
  const char *sql;

  if (!rei_store_plans_get_state (self, plan_id, &editing, error))
    return FALSE;
  if (service->id == 0)
    {
      if (!editing)
        return rei_store_plans_set_signed_error (error);
      sql = "INSERT INTO plan_service (plan_id, service_id, provider, hours_planned, hours_given) "
            "VALUES (?, ?, ?, ?, ?)";
    }
  else if (editing)
    sql = "UPDATE plan_service SET plan_id = ?, service_id = ?, provider = ?, hours_planned = ?, "
          "hours_given = ? WHERE plan_id = ?1 AND id = ?6";
  else
    /* Signed: the hours given are monitoring; what was planned stays as signed. */
    sql = "UPDATE plan_service SET hours_given = ?5 WHERE plan_id = ?1 AND id = ?6 "
          "AND service_id = ?2 AND provider IS ?3 AND hours_planned = ?4";
  if (!rei_store_statement_write (&st, self, sql, error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  rei_store_statement_bind_int64 (&st, 2, service->service_id);
  rei_store_statement_bind_text (&st, 3, service->provider);
  sqlite3_bind_double (st.stmt, 4, service->hours_planned);
  sqlite3_bind_double (st.stmt, 5, service->hours_given);
  if (service->id != 0)
    rei_store_statement_bind_int64 (&st, 6, service->id);
  if (!rei_store_statement_exec (&st, N_("saving a service of the plan"), error))
    {
      /* The one constraint a clerk can break here: a service not in the catalogue. */
      g_clear_error (error);
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("The service is not in the catalogue."));
      return FALSE;
    }
  if (service->id == 0)
    service->id = rei_store_statement_last_insert_id (&st);
  else if (rei_store_statement_changes (&st) == 0)
    {
      if (editing)
        g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND,
                     _("There is no such service in the plan."));
      else
        rei_store_plans_set_signed_error (error);
      return FALSE;
    }
  rei_store_statement_clear (&st);
  return rei_store_write_audit (self, "plan", plan_id, "update", "service", error);
}

gboolean
rei_store_save_plan_service (ReiStore        *self,
                             gint64           plan_id,
                             ReiPlanService  *service,
                             GError         **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (service != NULL, FALSE);

  if (service->hours_planned < 0 || service->hours_given < 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("Hours of a service cannot be negative."));
      return FALSE;
    }
  if (!rei_store_begin (self, error))
    return FALSE;
  return rei_store_end_write (self, NULL, write_plan_service (self, plan_id, service, error), error);
}

gboolean
rei_store_delete_plan_service (ReiStore  *self,
                               gint64     plan_id,
                               gint64     plan_service_id,
                               GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean editing = FALSE, ok;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  ok = rei_store_plans_get_state (self, plan_id, &editing, error)
       && (editing || rei_store_plans_set_signed_error (error))
       && rei_store_statement_write (&st, self, "DELETE FROM plan_service WHERE plan_id = ? AND id = ?", error);
  if (ok)
    {
      rei_store_statement_bind_int64 (&st, 1, plan_id);
      rei_store_statement_bind_int64 (&st, 2, plan_service_id);
      ok = rei_store_statement_run (&st, N_("deleting a service of the plan"), error)
           && rei_store_write_audit (self, "plan", plan_id, "update", "service", error);
    }
  return rei_store_end_write (self, &st, ok, error);
}

/* Inside the caller's transaction. */
static gint64
insert_assessment (ReiStore           *self,
                   gint64              plan_id,
                   ReiPlanAssessment  *assessment,
                   GError            **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 id;

  if (g_strcmp0 (assessment->kind, "wejscie") != 0 && g_strcmp0 (assessment->kind, "przeglad") != 0
      && g_strcmp0 (assessment->kind, "wyjscie") != 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("An assessment is made at entry, at a review or at exit."));
      return 0;
    }
  if (!rei_store_plans_check_date (assessment->assessed_on, _("The date of the assessment"), TRUE, error))
    return 0;
  if (assessment->scores->len == 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("An assessment scores at least one dimension."));
      return 0;
    }

  if (!rei_store_statement_write (&st, self,
        "INSERT INTO plan_assessment (plan_id, assessed_on, kind, author) VALUES (?, ?, ?, ?)", error))
    return 0;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  rei_store_statement_bind_text (&st, 2, assessment->assessed_on);
  rei_store_statement_bind_text (&st, 3, assessment->kind);
  rei_store_statement_bind_text (&st, 4, assessment->author);
  if (!rei_store_statement_exec (&st, N_("saving an assessment"), error))
    return 0;
  id = rei_store_statement_last_insert_id (&st);
  rei_store_statement_clear (&st);

  for (guint i = 0; i < assessment->scores->len; i++)
    {
      ReiPlanScore *s = g_ptr_array_index (assessment->scores, i);

      if (!rei_store_statement_write (&st, self,
            "INSERT INTO plan_score (assessment_id, dimension_code, score, resources, deficits) "
            "VALUES (?, ?, ?, ?, ?)", error))
        return 0;
      rei_store_statement_bind_int64 (&st, 1, id);
      rei_store_statement_bind_text (&st, 2, s->dimension);
      rei_store_statement_bind_int64 (&st, 3, s->score);
      rei_store_statement_bind_text (&st, 4, s->resources);
      rei_store_statement_bind_text (&st, 5, s->deficits);
      if (!rei_store_statement_run (&st, N_("saving an assessment"), error))
        {
          g_clear_error (error);
          g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                       _("A score of “%s” must be on the scale (1–5), once per dimension."),
                       s->dimension ? s->dimension : "");
          return 0;
        }
    }
  assessment->id = id;
  return id;
}

gint64
rei_store_add_assessment (ReiStore           *self,
                          gint64              plan_id,
                          ReiPlanAssessment  *assessment,
                          GError            **error)
{
  gboolean editing;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (REI_IS_STORE (self), 0);
  g_return_val_if_fail (assessment != NULL, 0);

  if (!rei_store_begin (self, error))
    return 0;
  ok = rei_store_plans_get_state (self, plan_id, &editing, error)
       && (id = insert_assessment (self, plan_id, assessment, error)) != 0
       && rei_store_write_audit (self, "plan", plan_id, "update", "assessment", error);
  return rei_store_end_write (self, NULL, ok, error) ? id : 0;
}

/* The review's rows (its goals' progress and statuses, the unmet needs), in the caller's
 * transaction; its id, 0 on failure. */
static gint64
write_review (ReiStore       *self,
              gint64          plan_id,
              ReiPlanReview  *review,
              gint64          assessment_id,
              GPtrArray      *unmet_needs,
              GError        **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 id;

  if (!rei_store_statement_write (&st, self,
        "INSERT INTO plan_review (plan_id, held_on, notes, contingency, assessment_id) "
        "VALUES (?, ?, ?, ?, ?)", error))
    return 0;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  rei_store_statement_bind_text (&st, 2, review->held_on);
  rei_store_statement_bind_text (&st, 3, review->notes);
  rei_store_statement_bind_text (&st, 4, review->contingency);
  if (assessment_id > 0)
    rei_store_statement_bind_int64 (&st, 5, assessment_id);
  if (!rei_store_statement_exec (&st, N_("saving a review"), error))
    return 0;
  id = rei_store_statement_last_insert_id (&st);
  rei_store_statement_clear (&st);

  for (guint i = 0; i < review->progress->len; i++)
    {
      ReiPlanGoalProgress *p = g_ptr_array_index (review->progress, i);

      /* The progress row, and the goal's status with it: the goal is monitoring here. */
      if (!rei_store_statement_write (&st, self,
            "INSERT INTO plan_review_goal (review_id, goal_id, status, progress) "
            "SELECT ?, id, ?, ? FROM plan_goal WHERE id = ? AND plan_id = ?", error))
        return 0;
      rei_store_statement_bind_int64 (&st, 1, id);
      rei_store_statement_bind_text (&st, 2, p->status);
      rei_store_statement_bind_text (&st, 3, p->progress);
      rei_store_statement_bind_int64 (&st, 4, p->goal_id);
      rei_store_statement_bind_int64 (&st, 5, plan_id);
      if (!rei_store_statement_run (&st, N_("saving a review"), error))
        return 0;
      if (!rei_store_statement_write (&st, self, "UPDATE plan_goal SET status = ? WHERE id = ? AND plan_id = ?",
                                      error))
        return 0;
      rei_store_statement_bind_text (&st, 1, p->status);
      rei_store_statement_bind_int64 (&st, 2, p->goal_id);
      rei_store_statement_bind_int64 (&st, 3, plan_id);
      if (!rei_store_statement_run (&st, N_("saving a review"), error))
        {
          g_clear_error (error);
          g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                       _("Unknown status of a goal “%s”."), p->status ? p->status : "");
          return 0;
        }
    }

  for (guint i = 0; unmet_needs != NULL && i < unmet_needs->len; i++)
    {
      ReiPlanUnmetNeed *n = g_ptr_array_index (unmet_needs, i);

      if (rei_store_plans_is_blank (n->description))
        {
          g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                       _("An unmet need needs a description."));
          return 0;
        }
      if (!rei_store_statement_write (&st, self,
            "INSERT INTO plan_unmet_need (plan_id, dimension_code, area_code, description, recorded_on) "
            "VALUES (?, ?, ?, ?, ?)", error))
        return 0;
      rei_store_statement_bind_int64 (&st, 1, plan_id);
      rei_store_statement_bind_text (&st, 2, n->dimension);
      rei_store_statement_bind_text (&st, 3, n->area);
      rei_store_statement_bind_text (&st, 4, n->description);
      rei_store_statement_bind_text (&st, 5, n->recorded_on ? n->recorded_on : review->held_on);
      if (!rei_store_statement_exec (&st, N_("saving an unmet need"), error))
        return 0;
      n->id = rei_store_statement_last_insert_id (&st);
      rei_store_statement_clear (&st);
    }

  if (!rei_store_write_audit (self, "plan", plan_id, "update",
                              assessment_id ? "review,assessment" : "review", error))
    return 0;
  return id;
}

gint64
rei_store_add_review (ReiStore           *self,
                      gint64              plan_id,
                      ReiPlanReview      *review,
                      ReiPlanAssessment  *assessment,
                      GPtrArray          *unmet_needs,
                      GError            **error)
{
  gboolean editing;
  gint64 assessment_id = 0, id = 0;

  g_return_val_if_fail (REI_IS_STORE (self), 0);
  g_return_val_if_fail (review != NULL, 0);

  if (!rei_store_plans_check_date (review->held_on, _("The date of the review"), TRUE, error))
    return 0;
  if (!rei_store_begin (self, error))
    return 0;
  if (!rei_store_plans_get_state (self, plan_id, &editing, error)
      || (assessment != NULL && (assessment_id = insert_assessment (self, plan_id, assessment, error)) == 0))
    id = 0;
  else
    id = write_review (self, plan_id, review, assessment_id, unmet_needs, error);
  if (!rei_store_end_write (self, NULL, id != 0, error))
    return 0;
  review->id = id;
  review->assessment_id = assessment_id;
  return id;
}

/* The revision's row with its snapshot, and the plan closed for edits, in the caller's
 * transaction. */
static gboolean
write_signature (ReiStore    *self,
                 gint64       plan_id,
                 const char  *signed_on,
                 GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *snapshot = NULL;
  ReiStoreConnection *c;
  int number;

  c = rei_store_lock_write (self);
  plan = rei_store_plans_read_locked (c, plan_id, error);
  rei_store_unlock (c);
  if (plan == NULL)
    return FALSE;
  if (!rei_plan_get_editing (plan))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_SIGNED,
                   _("The plan is signed already: open an annex (aneks) to change it."));
      return FALSE;
    }
  if (!rei_plan_check_printable (plan, error))
    return FALSE;

  number = rei_plan_get_revision (plan) + 1;
  {
    ReiPlanRevision *r = g_new0 (ReiPlanRevision, 1);

    r->number = number;
    r->signed_on = g_strdup (signed_on);
    r->reason = g_strdup (rei_plan_get (plan, REI_PLAN_ANEKS_REASON));
    g_ptr_array_add (rei_plan_get_revisions (plan), r);
  }
  /* The snapshot shows the plan as signed: this revision, closed for edits. */
  rei_plan_set_revision (plan, number);
  rei_plan_set_editing (plan, FALSE);
  variant = g_variant_ref_sink (rei_plan_to_variant (plan));
  snapshot = g_variant_print (variant, TRUE);

  if (!rei_store_statement_write (&st, self,
        "INSERT INTO plan_revision (plan_id, number, signed_on, reason, snapshot) VALUES (?, ?, ?, ?, ?)",
        error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  rei_store_statement_bind_int64 (&st, 2, number);
  rei_store_statement_bind_text (&st, 3, signed_on);
  rei_store_statement_bind_text (&st, 4, rei_plan_get (plan, REI_PLAN_ANEKS_REASON));
  rei_store_statement_bind_text (&st, 5, snapshot);
  if (!rei_store_statement_run (&st, N_("signing a plan"), error))
    return FALSE;
  if (!rei_store_statement_write (&st, self,
        "UPDATE plan SET revision = ?, editing = 0, aneks_reason = NULL, "
        "phase = CASE phase WHEN 'diagnoza' THEN 'realizacja' WHEN 'planowanie' THEN 'realizacja' "
        "ELSE phase END WHERE id = ?", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, number);
  rei_store_statement_bind_int64 (&st, 2, plan_id);
  return rei_store_statement_run (&st, N_("signing a plan"), error)
         && rei_store_write_audit (self, "plan", plan_id, "sign", "revision", error);
}

gboolean
rei_store_sign_plan (ReiStore    *self,
                     gint64       plan_id,
                     const char  *signed_on,
                     GError     **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (signed_on == NULL)
    signed_on = today = rei_store_get_today (self);
  if (!rei_store_plans_check_date (signed_on, _("The date of the signature"), TRUE, error))
    return FALSE;
  if (!rei_store_begin (self, error))
    return FALSE;
  return rei_store_end_write (self, NULL, write_signature (self, plan_id, signed_on, error), error);
}

gboolean
rei_store_begin_aneks (ReiStore    *self,
                       gint64       plan_id,
                       const char  *reason,
                       GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean editing = FALSE, ok;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (rei_store_plans_is_blank (reason))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("An annex (aneks) needs its reason."));
      return FALSE;
    }
  if (!rei_store_begin (self, error))
    return FALSE;
  ok = rei_store_plans_get_state (self, plan_id, &editing, error);
  if (ok && editing)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("The plan is not signed yet: change it directly."));
      ok = FALSE;
    }
  ok = ok && rei_store_statement_write (&st, self, "UPDATE plan SET editing = 1, aneks_reason = ? WHERE id = ?",
                                        error);
  if (ok)
    {
      rei_store_statement_bind_text (&st, 1, reason);
      rei_store_statement_bind_int64 (&st, 2, plan_id);
      ok = rei_store_statement_run (&st, N_("opening an annex"), error)
           && rei_store_write_audit (self, "plan", plan_id, "update", "aneks_reason", error);
    }
  return rei_store_end_write (self, &st, ok, error);
}

gboolean
rei_store_close_plan (ReiStore    *self,
                      gint64       plan_id,
                      const char  *closed_on,
                      const char  *achievements,
                      const char  *further_support,
                      const char  *outcome,
                      GError     **error)
{
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(ReiResident) resident = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (!rei_store_plans_check_date (closed_on, _("The date of the closing"), TRUE, error))
    return FALSE;
  if (rei_store_plans_is_blank (achievements))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("Closing a plan needs its achievements against the goals (the summarising interview)."));
      return FALSE;
    }
  if (outcome != NULL && !rei_store_has_code (self, REI_LOOKUP_OUTCOME, outcome))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("Unknown situation after leaving “%s”."), outcome);
      return FALSE;
    }

  if (!rei_store_begin (self, error))
    return FALSE;
  plan = rei_store_get_plan (self, plan_id, error);
  if (plan == NULL)
    {
      rei_store_rollback (self);
      return FALSE;
    }
  if (rei_plan_get (plan, REI_PLAN_CLOSED_ON) != NULL)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID, _("The plan is closed already."));
      rei_store_rollback (self);
      return FALSE;
    }
  rei_plan_set (plan, REI_PLAN_CLOSED_ON, closed_on);
  rei_plan_set (plan, REI_PLAN_PHASE, "zamkniecie");
  rei_plan_set (plan, REI_PLAN_ACHIEVEMENTS, achievements);
  rei_plan_set (plan, REI_PLAN_FURTHER_SUPPORT, further_support);
  if (!rei_store_save_plan (self, plan, error))
    {
      rei_store_rollback (self);
      return FALSE;
    }

  /* The situation after leaving is the resident's one field that the indicators count; the
   * plan does not keep a second copy of it. */
  if (outcome != NULL)
    {
      resident = rei_store_get_resident (self, rei_plan_get_resident_id (plan), error);
      if (resident == NULL)
        {
          rei_store_rollback (self);
          return FALSE;
        }
      rei_resident_set (resident, REI_RESIDENT_OUTCOME, outcome);
      if (rei_resident_get (resident, REI_RESIDENT_OUTCOME_DATE) == NULL)
        rei_resident_set (resident, REI_RESIDENT_OUTCOME_DATE, closed_on);
      if (!rei_store_save_resident (self, resident, error))
        {
          rei_store_rollback (self);
          return FALSE;
        }
    }
  return rei_store_commit (self, error);
}

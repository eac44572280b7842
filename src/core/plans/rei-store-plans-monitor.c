/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-plans-private.h"
#include "rei-store-residents.h"

/* The writes that follow a plan through its life: its services, the assessments of potential,
 * the reviews, the signatures and aneksy, and the closing. */

#define FAIL(self, c) G_STMT_START { if (c) rei_store_unlock (c); rei_store_rollback (self); } G_STMT_END

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
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
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
  c = rei_store_lock_write (self);
  stmt = rei_store_prepare (c, "SELECT id FROM service WHERE name = ? AND grp = ?", error);
  if (stmt == NULL)
    {
      FAIL (self, c);
      return 0;
    }
  rei_store_bind_text (stmt, 1, name);
  rei_store_bind_text (stmt, 2, group);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      stmt = rei_store_prepare (c, "INSERT INTO service (name, grp) VALUES (?, ?)", error);
      if (stmt == NULL)
        {
          FAIL (self, c);
          return 0;
        }
      rei_store_bind_text (stmt, 1, name);
      rei_store_bind_text (stmt, 2, group);
      if (!rei_store_plans_step (c, stmt, _("adding a service"), error))
        {
          FAIL (self, c);
          return 0;
        }
      id = sqlite3_last_insert_rowid (rei_store_connection_get_db (c));
    }
  rei_store_unlock (c);
  return rei_store_commit (self, error) ? id : 0;
}

gboolean
rei_store_save_plan_service (ReiStore        *self,
                             gint64           plan_id,
                             ReiPlanService  *service,
                             GError         **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  gboolean editing = FALSE;

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
  c = rei_store_lock_write (self);
  if (!rei_store_plans_get_state (c, plan_id, &editing, error))
    {
      FAIL (self, c);
      return FALSE;
    }

  if (service->id == 0)
    {
      if (!editing)
        {
          rei_store_plans_set_signed_error (error);
          FAIL (self, c);
          return FALSE;
        }
      stmt = rei_store_prepare (c,
        "INSERT INTO plan_service (plan_id, service_id, provider, hours_planned, hours_given) "
        "VALUES (?, ?, ?, ?, ?)", error);
    }
  else if (editing)
    stmt = rei_store_prepare (c,
      "UPDATE plan_service SET plan_id = ?, service_id = ?, provider = ?, hours_planned = ?, "
      "hours_given = ? WHERE plan_id = ?1 AND id = ?6", error);
  else
    /* Signed: the hours given are monitoring; what was planned stays as signed. */
    stmt = rei_store_prepare (c,
      "UPDATE plan_service SET hours_given = ?5 WHERE plan_id = ?1 AND id = ?6 "
      "AND service_id = ?2 AND provider IS ?3 AND hours_planned = ?4", error);
  if (stmt == NULL)
    {
      FAIL (self, c);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, service->service_id);
  rei_store_bind_text (stmt, 3, service->provider);
  sqlite3_bind_double (stmt, 4, service->hours_planned);
  sqlite3_bind_double (stmt, 5, service->hours_given);
  if (service->id != 0)
    sqlite3_bind_int64 (stmt, 6, service->id);
  if (!rei_store_plans_step (c, stmt, _("saving a service of the plan"), error))
    {
      /* The one constraint a clerk can break here: a service not in the catalogue. */
      g_clear_error (error);
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("The service is not in the catalogue."));
      FAIL (self, c);
      return FALSE;
    }
  if (service->id == 0)
    service->id = sqlite3_last_insert_rowid (rei_store_connection_get_db (c));
  else if (sqlite3_changes (rei_store_connection_get_db (c)) == 0)
    {
      if (editing)
        g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND,
                     _("There is no such service in the plan."));
      else
        rei_store_plans_set_signed_error (error);
      FAIL (self, c);
      return FALSE;
    }
  rei_store_unlock (c);
  if (!rei_store_write_audit (self, "plan", plan_id, "update", "service", error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

gboolean
rei_store_delete_plan_service (ReiStore  *self,
                               gint64     plan_id,
                               gint64     plan_service_id,
                               GError   **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt = NULL;
  gboolean editing = FALSE;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  c = rei_store_lock_write (self);
  if (!rei_store_plans_get_state (c, plan_id, &editing, error)
      || (!editing && !rei_store_plans_set_signed_error (error))
      || (stmt = rei_store_prepare (c, "DELETE FROM plan_service WHERE plan_id = ? AND id = ?", error)) == NULL)
    {
      FAIL (self, c);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, plan_service_id);
  if (!rei_store_plans_step (c, stmt, _("deleting a service of the plan"), error))
    {
      FAIL (self, c);
      return FALSE;
    }
  rei_store_unlock (c);
  if (!rei_store_write_audit (self, "plan", plan_id, "update", "service", error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

/* Inside the caller's transaction, on its locked writer. */
static gint64
insert_assessment (ReiStoreConnection  *c,
                   gint64               plan_id,
                   ReiPlanAssessment   *assessment,
                   GError             **error)
{
  sqlite3_stmt *stmt;
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

  stmt = rei_store_prepare (c,
    "INSERT INTO plan_assessment (plan_id, assessed_on, kind, author) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rei_store_bind_text (stmt, 2, assessment->assessed_on);
  rei_store_bind_text (stmt, 3, assessment->kind);
  rei_store_bind_text (stmt, 4, assessment->author);
  if (!rei_store_plans_step (c, stmt, _("saving an assessment"), error))
    return 0;
  id = sqlite3_last_insert_rowid (rei_store_connection_get_db (c));

  for (guint i = 0; i < assessment->scores->len; i++)
    {
      ReiPlanScore *s = g_ptr_array_index (assessment->scores, i);

      stmt = rei_store_prepare (c,
        "INSERT INTO plan_score (assessment_id, dimension_code, score, resources, deficits) "
        "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      rei_store_bind_text (stmt, 2, s->dimension);
      sqlite3_bind_int (stmt, 3, s->score);
      rei_store_bind_text (stmt, 4, s->resources);
      rei_store_bind_text (stmt, 5, s->deficits);
      if (!rei_store_plans_step (c, stmt, _("saving an assessment"), error))
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
  ReiStoreConnection *c;
  gboolean editing;
  gint64 id;

  g_return_val_if_fail (REI_IS_STORE (self), 0);
  g_return_val_if_fail (assessment != NULL, 0);

  if (!rei_store_begin (self, error))
    return 0;
  c = rei_store_lock_write (self);
  if (!rei_store_plans_get_state (c, plan_id, &editing, error)
      || (id = insert_assessment (c, plan_id, assessment, error)) == 0)
    {
      FAIL (self, c);
      return 0;
    }
  rei_store_unlock (c);
  if (!rei_store_write_audit (self, "plan", plan_id, "update", "assessment", error))
    {
      rei_store_rollback (self);
      return 0;
    }
  return rei_store_commit (self, error) ? id : 0;
}

gint64
rei_store_add_review (ReiStore           *self,
                      gint64              plan_id,
                      ReiPlanReview      *review,
                      ReiPlanAssessment  *assessment,
                      GPtrArray          *unmet_needs,
                      GError            **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  gboolean editing;
  gint64 assessment_id = 0, id;

  g_return_val_if_fail (REI_IS_STORE (self), 0);
  g_return_val_if_fail (review != NULL, 0);

  if (!rei_store_plans_check_date (review->held_on, _("The date of the review"), TRUE, error))
    return 0;
  if (!rei_store_begin (self, error))
    return 0;
  c = rei_store_lock_write (self);
  if (!rei_store_plans_get_state (c, plan_id, &editing, error)
      || (assessment != NULL && (assessment_id = insert_assessment (c, plan_id, assessment, error)) == 0))
    {
      FAIL (self, c);
      return 0;
    }

  stmt = rei_store_prepare (c,
    "INSERT INTO plan_review (plan_id, held_on, notes, contingency, assessment_id) "
    "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    {
      FAIL (self, c);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rei_store_bind_text (stmt, 2, review->held_on);
  rei_store_bind_text (stmt, 3, review->notes);
  rei_store_bind_text (stmt, 4, review->contingency);
  if (assessment_id > 0)
    sqlite3_bind_int64 (stmt, 5, assessment_id);
  if (!rei_store_plans_step (c, stmt, _("saving a review"), error))
    {
      FAIL (self, c);
      return 0;
    }
  id = sqlite3_last_insert_rowid (rei_store_connection_get_db (c));

  for (guint i = 0; i < review->progress->len; i++)
    {
      ReiPlanGoalProgress *p = g_ptr_array_index (review->progress, i);

      /* The progress row, and the goal's status with it: the goal is monitoring here. */
      stmt = rei_store_prepare (c,
        "INSERT INTO plan_review_goal (review_id, goal_id, status, progress) "
        "SELECT ?, id, ?, ? FROM plan_goal WHERE id = ? AND plan_id = ?", error);
      if (stmt == NULL)
        {
          FAIL (self, c);
          return 0;
        }
      sqlite3_bind_int64 (stmt, 1, id);
      rei_store_bind_text (stmt, 2, p->status);
      rei_store_bind_text (stmt, 3, p->progress);
      sqlite3_bind_int64 (stmt, 4, p->goal_id);
      sqlite3_bind_int64 (stmt, 5, plan_id);
      if (!rei_store_plans_step (c, stmt, _("saving a review"), error))
        {
          FAIL (self, c);
          return 0;
        }
      stmt = rei_store_prepare (c, "UPDATE plan_goal SET status = ? WHERE id = ? AND plan_id = ?", error);
      if (stmt == NULL)
        {
          FAIL (self, c);
          return 0;
        }
      rei_store_bind_text (stmt, 1, p->status);
      sqlite3_bind_int64 (stmt, 2, p->goal_id);
      sqlite3_bind_int64 (stmt, 3, plan_id);
      if (!rei_store_plans_step (c, stmt, _("saving a review"), error))
        {
          g_clear_error (error);
          g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                       _("Unknown status of a goal “%s”."), p->status ? p->status : "");
          FAIL (self, c);
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
          FAIL (self, c);
          return 0;
        }
      stmt = rei_store_prepare (c,
        "INSERT INTO plan_unmet_need (plan_id, dimension_code, area_code, description, recorded_on) "
        "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        {
          FAIL (self, c);
          return 0;
        }
      sqlite3_bind_int64 (stmt, 1, plan_id);
      rei_store_bind_text (stmt, 2, n->dimension);
      rei_store_bind_text (stmt, 3, n->area);
      rei_store_bind_text (stmt, 4, n->description);
      rei_store_bind_text (stmt, 5, n->recorded_on ? n->recorded_on : review->held_on);
      if (!rei_store_plans_step (c, stmt, _("saving an unmet need"), error))
        {
          FAIL (self, c);
          return 0;
        }
      n->id = sqlite3_last_insert_rowid (rei_store_connection_get_db (c));
    }
  rei_store_unlock (c);

  if (!rei_store_write_audit (self, "plan", plan_id, "update",
                              assessment_id ? "review,assessment" : "review", error))
    {
      rei_store_rollback (self);
      return 0;
    }
  if (!rei_store_commit (self, error))
    return 0;
  review->id = id;
  review->assessment_id = assessment_id;
  return id;
}

gboolean
rei_store_sign_plan (ReiStore    *self,
                     gint64       plan_id,
                     const char  *signed_on,
                     GError     **error)
{
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *today = NULL;
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  int number;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (signed_on == NULL)
    signed_on = today = rei_store_get_today (self);
  if (!rei_store_plans_check_date (signed_on, _("The date of the signature"), TRUE, error))
    return FALSE;
  if (!rei_store_begin (self, error))
    return FALSE;
  c = rei_store_lock_write (self);
  plan = rei_store_plans_read_locked (c, plan_id, error);
  if (plan == NULL)
    {
      FAIL (self, c);
      return FALSE;
    }
  if (!rei_plan_get_editing (plan))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_SIGNED,
                   _("The plan is signed already: open an annex (aneks) to change it."));
      FAIL (self, c);
      return FALSE;
    }
  if (!rei_plan_check_printable (plan, error))
    {
      FAIL (self, c);
      return FALSE;
    }

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

  stmt = rei_store_prepare (c,
    "INSERT INTO plan_revision (plan_id, number, signed_on, reason, snapshot) VALUES (?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    {
      FAIL (self, c);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int (stmt, 2, number);
  rei_store_bind_text (stmt, 3, signed_on);
  rei_store_bind_text (stmt, 4, rei_plan_get (plan, REI_PLAN_ANEKS_REASON));
  rei_store_bind_text (stmt, 5, snapshot);
  if (!rei_store_plans_step (c, stmt, _("signing a plan"), error))
    {
      FAIL (self, c);
      return FALSE;
    }
  stmt = rei_store_prepare (c,
    "UPDATE plan SET revision = ?, editing = 0, aneks_reason = NULL, "
    "phase = CASE phase WHEN 'diagnoza' THEN 'realizacja' WHEN 'planowanie' THEN 'realizacja' "
    "ELSE phase END WHERE id = ?", error);
  if (stmt == NULL)
    {
      FAIL (self, c);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, number);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  if (!rei_store_plans_step (c, stmt, _("signing a plan"), error))
    {
      FAIL (self, c);
      return FALSE;
    }
  rei_store_unlock (c);
  if (!rei_store_write_audit (self, "plan", plan_id, "sign", "revision", error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

gboolean
rei_store_begin_aneks (ReiStore    *self,
                       gint64       plan_id,
                       const char  *reason,
                       GError     **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt = NULL;
  gboolean editing = FALSE;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (rei_store_plans_is_blank (reason))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("An annex (aneks) needs its reason."));
      return FALSE;
    }
  if (!rei_store_begin (self, error))
    return FALSE;
  c = rei_store_lock_write (self);
  if (!rei_store_plans_get_state (c, plan_id, &editing, error))
    {
      FAIL (self, c);
      return FALSE;
    }
  if (editing)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("The plan is not signed yet: change it directly."));
      FAIL (self, c);
      return FALSE;
    }
  stmt = rei_store_prepare (c, "UPDATE plan SET editing = 1, aneks_reason = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      FAIL (self, c);
      return FALSE;
    }
  rei_store_bind_text (stmt, 1, reason);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  if (!rei_store_plans_step (c, stmt, _("opening an annex"), error))
    {
      FAIL (self, c);
      return FALSE;
    }
  rei_store_unlock (c);
  if (!rei_store_write_audit (self, "plan", plan_id, "update", "aneks_reason", error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
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

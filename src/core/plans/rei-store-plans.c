/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-store-plans.h"

#include <glib/gi18n-lib.h>

#include "rei-date.h"
#include "rei-plan-rules.h"
#include "rei-store-plans-private.h"

/* The writes of plans.  Each public call is one transaction with its audit row (entity "plan",
 * the plan's id, the names of the parts or fields changed). */

G_DEFINE_QUARK (rei-plan-error-quark, rei_plan_error)

gboolean
rei_store_plans_set_signed_error (GError **error)
{
  g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_SIGNED,
               _("The plan is signed: change it with an annex (aneks) that gives the date and the reason."));
  return FALSE;
}

/* The plan's state for a write: whether it exists and whether its content is open. */
gboolean
rei_store_plans_get_state (ReiStore   *self,
                           gint64      plan_id,
                           gboolean   *editing,
                           GError    **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_write (&st, self, "SELECT editing FROM plan WHERE id = ?", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  if (rei_store_statement_next (&st))
    {
      *editing = sqlite3_column_int (st.stmt, 0) != 0;
      return TRUE;
    }
  g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND, _("There is no such plan."));
  return FALSE;
}

/* In the caller's transaction. */
static gboolean
require_editing (ReiStore  *self,
                 gint64     plan_id,
                 GError   **error)
{
  gboolean editing = FALSE;

  if (!rei_store_plans_get_state (self, plan_id, &editing, error))
    return FALSE;
  if (!editing)
    return rei_store_plans_set_signed_error (error);
  return TRUE;
}

gboolean
rei_store_plans_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
rei_store_plans_check_date (const char  *iso,
            const char  *what,
            gboolean     required,
            GError     **error)
{
  GDate date;

  if (iso == NULL)
    {
      if (required)
        g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID, _("%s is missing."), what);
      return !required;
    }
  if (!rei_date_iso_to_gdate (iso, &date))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("%s is not a date: “%s”."), what, iso);
      return FALSE;
    }
  return TRUE;
}

/* Runs st's INSERT and the plan's audit row (plan_id: 0 for the new row's own), then ends the
 * write the caller began: the new row's id, or 0 when anything failed and all was rolled back. */
static gint64
insert_and_end (ReiStore           *self,
                ReiStoreStatement  *st,
                const char         *what,
                gint64              plan_id,
                const char         *action,
                const char         *detail,
                GError            **error)
{
  gint64 id;

  if (!rei_store_statement_exec (st, what, error))
    {
      rei_store_end_write (self, st, FALSE, error);
      return 0;
    }
  id = rei_store_statement_last_insert_id (st);
  rei_store_statement_clear (st);
  if (!rei_store_end_write (self, st,
                                  rei_store_write_audit (self, "plan", plan_id > 0 ? plan_id : id, action,
                                                         detail, error),
                                  error))
    return 0;
  return id;
}

gint64
rei_store_create_plan (ReiStore    *self,
                       gint64       resident_id,
                       const char  *kind,
                       const char  *start_date,
                       GError     **error)
{
  g_autofree char *today = NULL;
  g_autofree char *mode = NULL;
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean open = FALSE, exists = FALSE;

  g_return_val_if_fail (REI_IS_STORE (self), 0);

  if (start_date == NULL)
    start_date = today = rei_store_get_today (self);
  if (!rei_store_plans_check_date (start_date, _("The start of the plan"), TRUE, error))
    return 0;
  if (kind == NULL)
    {
      /* A CUS draws up an IPUS, a CIS an IPZS: the centre's mode, a preference. */
      mode = rei_store_get_setting (self, "centre_mode", start_date);
      kind = g_strcmp0 (mode, "CUS") == 0 ? "IPUS" : "IPZS";
    }
  if (g_strcmp0 (kind, "IPZS") != 0 && g_strcmp0 (kind, "IPUS") != 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("A plan is an IPZS or an IPUS, not “%s”."), kind);
      return 0;
    }

  if (!rei_store_begin (self, error))
    return 0;

  if (!rei_store_statement_write (&st, self,
        "SELECT 1, EXISTS (SELECT 1 FROM plan WHERE resident_id = r.id AND closed_on IS NULL) "
        "FROM resident r WHERE r.id = ?", error))
    goto fail;
  rei_store_statement_bind_int64 (&st, 1, resident_id);
  if (rei_store_statement_next (&st))
    {
      exists = TRUE;
      open = sqlite3_column_int (st.stmt, 1) != 0;
    }
  rei_store_statement_clear (&st);
  if (!exists || open)
    {
      if (!exists)
        g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND,
                     _("There is no such person in the register."));
      else
        g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_OPEN_PLAN,
                     _("This person has a plan that is not closed: close it before drawing up a new one."));
      goto fail;
    }

  if (!rei_store_statement_write (&st, self,
        "INSERT INTO plan (resident_id, kind, phase, start_date) VALUES (?, ?, 'diagnoza', ?)", error))
    goto fail;
  rei_store_statement_bind_int64 (&st, 1, resident_id);
  rei_store_statement_bind_text (&st, 2, kind);
  rei_store_statement_bind_text (&st, 3, start_date);
  return insert_and_end (self, &st, N_("creating a plan"), 0, "insert", "kind,start_date", error);

fail:
  rei_store_end_write (self, &st, FALSE, error);
  return 0;
}

/* The fields that make the signed document; the others are its monitoring. */
static gboolean
is_content_field (ReiPlanField field)
{
  switch (field)
    {
    case REI_PLAN_KIND:
    case REI_PLAN_START_DATE:
    case REI_PLAN_END_DATE:
    case REI_PLAN_APPLICATION_DATE:
    case REI_PLAN_DIAGNOSIS_SUMMARY:
    case REI_PLAN_CONTINGENCY:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
rei_store_save_plan (ReiStore  *self,
                     ReiPlan   *plan,
                     GError   **error)
{
  static const struct { ReiPlanField field; const char *label; } dates[] = {
    { REI_PLAN_START_DATE, N_("The start of the plan") },
    { REI_PLAN_END_DATE, N_("The planned end") },
    { REI_PLAN_APPLICATION_DATE, N_("The date of the application") },
    { REI_PLAN_APPROVED_ON, N_("The date of the approval") },
    { REI_PLAN_WORK_STARTED_ON, N_("The day work was taken up") },
    { REI_PLAN_CLOSED_ON, N_("The date of the closing") },
  };
  g_autoptr(ReiPlan) stored = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  ReiPlanRules rules;
  gboolean content_changed = FALSE;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_PLAN (plan), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!rei_store_plans_check_date (rei_plan_get (plan, dates[i].field), _(dates[i].label), FALSE, error))
      return FALSE;
  if (rei_plan_phase_label (rei_plan_get (plan, REI_PLAN_PHASE)) == rei_plan_get (plan, REI_PLAN_PHASE))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID, _("Unknown phase “%s”."),
                   rei_plan_get (plan, REI_PLAN_PHASE));
      return FALSE;
    }

  rei_plan_rules_load (self, rei_plan_get (plan, REI_PLAN_START_DATE), &rules);
  problems = rei_plan_check (&rules, plan, NULL);
  if (problems->len > 0
      && ((ReiPlanProblem *) g_ptr_array_index (problems, 0))->level == REI_PLAN_PROBLEM_REFUSAL)
    {
      g_set_error_literal (error, REI_PLAN_ERROR, REI_PLAN_ERROR_RULE,
                           ((ReiPlanProblem *) g_ptr_array_index (problems, 0))->message);
      return FALSE;
    }

  if (!rei_store_begin (self, error))
    return FALSE;

  stored = rei_store_get_plan (self, rei_plan_get_id (plan), error);
  if (stored == NULL)
    {
      rei_store_rollback (self);
      return FALSE;
    }
  for (guint f = 0; f < REI_PLAN_N_FIELDS; f++)
    if (f != REI_PLAN_ANEKS_REASON
        && g_strcmp0 (rei_plan_get (stored, f), rei_plan_get (plan, f)) != 0)
      {
        g_string_append_printf (changed, "%s%s", changed->len ? "," : "", rei_plan_field_name (f));
        content_changed |= is_content_field (f);
      }
  if (changed->len == 0)
    {
      rei_store_rollback (self);
      return TRUE;
    }
  if (content_changed && !rei_plan_get_editing (stored))
    {
      rei_store_plans_set_signed_error (error);
      rei_store_rollback (self);
      return FALSE;
    }

  if (!rei_store_statement_write (&st, self,
        "UPDATE plan SET kind = ?, phase = ?, start_date = ?, end_date = ?, application_date = ?, "
        "approved_by = ?, approved_on = ?, diagnosis_summary = ?, contingency = ?, "
        "work_started_on = ?, closed_on = ?, achievements = ?, further_support = ? WHERE id = ?", error))
    return rei_store_end_write (self, &st, FALSE, error);
  for (guint f = 0; f < REI_PLAN_ANEKS_REASON; f++)
    rei_store_statement_bind_text (&st, (int) f + 1, rei_plan_get (plan, f));
  rei_store_statement_bind_int64 (&st, REI_PLAN_ANEKS_REASON + 1, rei_plan_get_id (plan));
  return rei_store_end_write (self, &st,
                                    rei_store_statement_run (&st, N_("saving a plan"), error)
                                    && rei_store_write_audit (self, "plan", rei_plan_get_id (plan), "update",
                                                              changed->str, error),
                                    error);
}

gint64
rei_store_add_opinion (ReiStore              *self,
                       gint64                 plan_id,
                       const ReiPlanOpinion  *opinion,
                       GError               **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), 0);
  g_return_val_if_fail (opinion != NULL, 0);

  if (g_strcmp0 (opinion->role, "pracownik_socjalny") != 0
      && g_strcmp0 (opinion->role, "psycholog") != 0
      && g_strcmp0 (opinion->role, "doradca_zawodowy") != 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("An opinion is written by the social worker, the psychologist or the vocational counsellor."));
      return 0;
    }
  if (rei_store_plans_is_blank (opinion->author) || rei_store_plans_is_blank (opinion->body))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("An opinion needs its author and its text."));
      return 0;
    }
  if (!rei_store_plans_check_date (opinion->written_on, _("The date of the opinion"), TRUE, error))
    return 0;

  if (!rei_store_begin (self, error))
    return 0;
  if (!require_editing (self, plan_id, error)
      || !rei_store_statement_write (&st, self,
           "INSERT INTO plan_opinion (plan_id, role, author, written_on, body, preferences) "
           "VALUES (?, ?, ?, ?, ?, ?)", error))
    goto fail;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  rei_store_statement_bind_text (&st, 2, opinion->role);
  rei_store_statement_bind_text (&st, 3, opinion->author);
  rei_store_statement_bind_text (&st, 4, opinion->written_on);
  rei_store_statement_bind_text (&st, 5, opinion->body);
  rei_store_statement_bind_text (&st, 6, opinion->preferences);
  return insert_and_end (self, &st, N_("saving an opinion"), plan_id, "update", "opinion", error);

fail:
  rei_store_end_write (self, &st, FALSE, error);
  return 0;
}

static gboolean
check_goal (const ReiPlanGoal  *goal,
            GError            **error)
{
  static const char * const statuses[] = { "planowany", "w_realizacji", "osiagniety", "nieosiagniety", "zaniechany", NULL };

  if (rei_store_plans_is_blank (goal->title) || rei_store_plans_is_blank (goal->criterion))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("A goal needs its wording and a measurable criterion of achievement."));
      return FALSE;
    }
  if (!g_strv_contains (statuses, goal->status ? goal->status : ""))
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("Unknown status of a goal “%s”."), goal->status ? goal->status : "");
      return FALSE;
    }
  if (g_strcmp0 (goal->term, "krotkoterminowy") != 0 && g_strcmp0 (goal->term, "dlugoterminowy") != 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("A goal is short-term or long-term."));
      return FALSE;
    }
  if (g_strcmp0 (goal->responsible_kind, "koordynator") != 0
      && g_strcmp0 (goal->responsible_kind, "uczestnik") != 0
      && g_strcmp0 (goal->responsible_kind, "partner") != 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("The one responsible for a goal is the coordinator, the resident or a partner."));
      return FALSE;
    }
  return rei_store_plans_check_date (goal->deadline, _("The deadline of the goal"), FALSE, error);
}

/* Only the status differs from what is stored: monitoring, allowed on a signed plan. */
static gboolean
goal_only_status_changed (ReiStore          *self,
                          gint64             plan_id,
                          const ReiPlanGoal *goal)
{
  g_autoptr(ReiPlan) stored = rei_store_get_plan (self, plan_id, NULL);
  GPtrArray *goals;

  if (stored == NULL)
    return FALSE;
  goals = rei_plan_get_goals (stored);
  for (guint i = 0; i < goals->len; i++)
    {
      ReiPlanGoal *g = g_ptr_array_index (goals, i);

      if (g->id != goal->id)
        continue;
      return g_strcmp0 (g->title, goal->title) == 0 && g_strcmp0 (g->term, goal->term) == 0
             && g_strcmp0 (g->criterion, goal->criterion) == 0
             && g_strcmp0 (g->responsible_kind, goal->responsible_kind) == 0
             && g_strcmp0 (g->responsible, goal->responsible) == 0
             && g->partner_id == goal->partner_id
             && g_strcmp0 (g->deadline, goal->deadline) == 0
             && g_strv_equal ((const char * const *) g->dimensions,
                              (const char * const *) goal->dimensions);
    }
  return FALSE;
}

/* The goal's row and its dimensions, in the caller's transaction; its id in *id. */
static gboolean
write_goal (ReiStore     *self,
            gint64        plan_id,
            ReiPlanGoal  *goal,
            gint64       *id,
            GError      **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_write (&st, self, *id == 0
        ? "INSERT INTO plan_goal (title, term, criterion, responsible_kind, responsible, partner_id, "
          "deadline, status, plan_id, position) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE (MAX (position), 0) + 1 FROM plan_goal WHERE plan_id = ?9))"
        : "UPDATE plan_goal SET title = ?, term = ?, criterion = ?, responsible_kind = ?, "
          "responsible = ?, partner_id = ?, deadline = ?, status = ? WHERE plan_id = ? AND id = ?",
        error))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, goal->title);
  rei_store_statement_bind_text (&st, 2, goal->term);
  rei_store_statement_bind_text (&st, 3, goal->criterion);
  rei_store_statement_bind_text (&st, 4, goal->responsible_kind);
  rei_store_statement_bind_text (&st, 5, goal->responsible);
  if (goal->partner_id > 0)
    rei_store_statement_bind_int64 (&st, 6, goal->partner_id);
  rei_store_statement_bind_text (&st, 7, goal->deadline);
  rei_store_statement_bind_text (&st, 8, goal->status);
  rei_store_statement_bind_int64 (&st, 9, plan_id);
  if (*id != 0)
    rei_store_statement_bind_int64 (&st, 10, *id);
  if (!rei_store_statement_exec (&st, N_("saving a goal"), error))
    return FALSE;
  if (*id == 0)
    *id = rei_store_statement_last_insert_id (&st);
  else if (rei_store_statement_changes (&st) == 0)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND, _("There is no such goal in the plan."));
      return FALSE;
    }
  rei_store_statement_clear (&st);

  if (!rei_store_statement_write (&st, self, "DELETE FROM plan_goal_dimension WHERE goal_id = ?", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, *id);
  if (!rei_store_statement_run (&st, N_("saving a goal"), error))
    return FALSE;
  for (guint i = 0; goal->dimensions[i] != NULL; i++)
    {
      if (!rei_store_statement_write (&st, self,
            "INSERT OR IGNORE INTO plan_goal_dimension (goal_id, dimension_code) VALUES (?, ?)", error))
        return FALSE;
      rei_store_statement_bind_int64 (&st, 1, *id);
      rei_store_statement_bind_text (&st, 2, goal->dimensions[i]);
      if (!rei_store_statement_run (&st, N_("saving a goal"), error))
        {
          g_clear_error (error);
          g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                       _("Unknown dimension of reintegration potential “%s”."), goal->dimensions[i]);
          return FALSE;
        }
    }
  return rei_store_write_audit (self, "plan", plan_id, "update", "goal", error);
}

gboolean
rei_store_save_goal (ReiStore     *self,
                     gint64        plan_id,
                     ReiPlanGoal  *goal,
                     GError      **error)
{
  gboolean editing = FALSE, ok;
  gint64 id = goal->id;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (goal != NULL, FALSE);

  if (goal->dimensions == NULL)
    goal->dimensions = g_new0 (char *, 1);
  if (!check_goal (goal, error))
    return FALSE;

  if (!rei_store_begin (self, error))
    return FALSE;
  ok = rei_store_plans_get_state (self, plan_id, &editing, error);
  if (ok && !editing && (id == 0 || !goal_only_status_changed (self, plan_id, goal)))
    ok = rei_store_plans_set_signed_error (error);
  if (!rei_store_end_write (self, NULL, ok && write_goal (self, plan_id, goal, &id, error), error))
    return FALSE;
  goal->id = id;
  return TRUE;
}

gboolean
rei_store_delete_goal (ReiStore  *self,
                       gint64     plan_id,
                       gint64     goal_id,
                       GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean ok;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  ok = require_editing (self, plan_id, error)
       && rei_store_statement_write (&st, self, "DELETE FROM plan_goal WHERE plan_id = ? AND id = ?", error);
  if (ok)
    {
      rei_store_statement_bind_int64 (&st, 1, plan_id);
      rei_store_statement_bind_int64 (&st, 2, goal_id);
      ok = rei_store_statement_run (&st, N_("deleting a goal"), error)
           && rei_store_write_audit (self, "plan", plan_id, "update", "goal", error);
    }
  return rei_store_end_write (self, &st, ok, error);
}

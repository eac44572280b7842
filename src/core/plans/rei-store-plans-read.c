/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-plans-private.h"

/* The reads of plans: one plan whole, its revisions, the vocabularies, and the rows of the
 * plans workbook streamed over the whole register. */

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup (text) : NULL;
}

void
rei_plan_label_free (ReiPlanLabel *label)
{
  if (label == NULL)
    return;
  g_free (label->code);
  g_free (label->label);
  g_free (label->group);
  g_free (label);
}

void
rei_plan_unmet_need_free (ReiPlanUnmetNeed *need)
{
  if (need == NULL)
    return;
  g_free (need->dimension);
  g_free (need->area);
  g_free (need->description);
  g_free (need->recorded_on);
  g_free (need->met_on);
  g_free (need);
}

/* A read of several statements sees one state of the file: BEGIN on a reader (the writer's
 * own transaction is one already). */
static gboolean
begin_read (ReiStoreConnection *c)
{
  sqlite3 *db = rei_store_connection_get_db (c);

  return sqlite3_get_autocommit (db) && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

static void
end_read (ReiStoreConnection *c,
          gboolean            began)
{
  sqlite3 *db = rei_store_connection_get_db (c);

  /* A read transaction left open would keep the reader on this snapshot for good. */
  if (began && sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static GPtrArray *
list_labels (ReiStore    *self,
             const char  *sql,
             GError     **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_label_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, self, sql, error))
    return NULL;
  while (rei_store_statement_next (&st))
    {
      ReiPlanLabel *l = g_new0 (ReiPlanLabel, 1);

      l->code = column_text (st.stmt, 0);
      l->label = column_text (st.stmt, 1);
      l->group = column_text (st.stmt, 2);
      g_ptr_array_add (labels, l);
    }
  if (!rei_store_statement_finish (&st, N_("reading a list"), error))
    return NULL;
  return g_steal_pointer (&labels);
}

GPtrArray *
rei_store_list_potential_dimensions (ReiStore  *self,
                                     GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_labels (self,
    "SELECT code, label, NULL FROM potential_dimension WHERE active ORDER BY position, code", error);
}

GPtrArray *
rei_store_list_potential_scale (ReiStore  *self,
                                GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_labels (self, "SELECT score, label, NULL FROM potential_scale ORDER BY score", error);
}

GPtrArray *
rei_store_list_plan_catalogue (ReiStore  *self,
                               GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_labels (self,
    "SELECT id, name, grp FROM service ORDER BY grp, name COLLATE pl", error);
}

ReiPlan *
rei_store_plans_read_locked (ReiStoreConnection  *c,
                             gint64               plan_id,
                             GError             **error)
{
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(GHashTable) assessments = NULL;
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean found = FALSE;

  if (!rei_store_statement_on (&st, c,
        "SELECT kind, phase, start_date, end_date, application_date, approved_by, approved_on, "
        "diagnosis_summary, contingency, work_started_on, closed_on, achievements, further_support, "
        "aneks_reason, resident_id, revision, editing FROM plan WHERE id = ?", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  if (rei_store_statement_next (&st))
    {
      found = TRUE;
      plan = rei_plan_new ();
      rei_plan_set_id (plan, plan_id);
      for (guint f = 0; f < REI_PLAN_N_FIELDS; f++)
        rei_plan_set (plan, f, (const char *) sqlite3_column_text (st.stmt, (int) f));
      rei_plan_set_resident_id (plan, sqlite3_column_int64 (st.stmt, REI_PLAN_N_FIELDS));
      rei_plan_set_revision (plan, sqlite3_column_int (st.stmt, REI_PLAN_N_FIELDS + 1));
      rei_plan_set_editing (plan, sqlite3_column_int (st.stmt, REI_PLAN_N_FIELDS + 2) != 0);
    }
  rei_store_statement_clear (&st);
  if (!found)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND, _("There is no such plan."));
      return NULL;
    }

  if (!rei_store_statement_on (&st, c,
        "SELECT id, role, author, written_on, body, preferences FROM plan_opinion "
        "WHERE plan_id = ? ORDER BY written_on, id", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      ReiPlanOpinion *o = rei_plan_opinion_new ();

      o->id = sqlite3_column_int64 (st.stmt, 0);
      o->role = column_text (st.stmt, 1);
      o->author = column_text (st.stmt, 2);
      o->written_on = column_text (st.stmt, 3);
      o->body = column_text (st.stmt, 4);
      o->preferences = column_text (st.stmt, 5);
      g_ptr_array_add (rei_plan_get_opinions (plan), o);
    }
  rei_store_statement_clear (&st);

  /* The dimensions of every goal come with it, joined in SQL, in one pass. */
  if (!rei_store_statement_on (&st, c,
        "SELECT g.id, title, term, criterion, responsible_kind, responsible, partner_id, deadline, "
        "status, (SELECT group_concat (code, '|') FROM (SELECT p.code FROM plan_goal_dimension d "
        "         JOIN potential_dimension p ON p.code = d.dimension_code "
        "         WHERE d.goal_id = g.id ORDER BY p.position)) "
        "FROM plan_goal g WHERE plan_id = ? ORDER BY position, id", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      ReiPlanGoal *g = g_new0 (ReiPlanGoal, 1);
      const char *dims = (const char *) sqlite3_column_text (st.stmt, 9);

      g->id = sqlite3_column_int64 (st.stmt, 0);
      g->title = column_text (st.stmt, 1);
      g->term = column_text (st.stmt, 2);
      g->criterion = column_text (st.stmt, 3);
      g->responsible_kind = column_text (st.stmt, 4);
      g->responsible = column_text (st.stmt, 5);
      g->partner_id = sqlite3_column_int64 (st.stmt, 6);
      g->deadline = column_text (st.stmt, 7);
      g->status = column_text (st.stmt, 8);
      g->dimensions = dims != NULL ? g_strsplit (dims, "|", -1) : g_new0 (char *, 1);
      g_ptr_array_add (rei_plan_get_goals (plan), g);
    }
  rei_store_statement_clear (&st);

  if (!rei_store_statement_on (&st, c,
        "SELECT ps.id, ps.service_id, s.name, s.grp, COALESCE (ps.provider, pa.name), "
        "ps.hours_planned, ps.hours_given "
        "FROM plan_service ps JOIN service s ON s.id = ps.service_id "
        "LEFT JOIN partner pa ON pa.id = s.partner_id "
        "WHERE ps.plan_id = ? ORDER BY s.grp, ps.id", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      ReiPlanService *s = rei_plan_service_new ();

      s->id = sqlite3_column_int64 (st.stmt, 0);
      s->service_id = sqlite3_column_int64 (st.stmt, 1);
      s->name = column_text (st.stmt, 2);
      s->group = column_text (st.stmt, 3);
      s->provider = column_text (st.stmt, 4);
      s->hours_planned = sqlite3_column_double (st.stmt, 5);
      s->hours_given = sqlite3_column_double (st.stmt, 6);
      g_ptr_array_add (rei_plan_get_services (plan), s);
    }
  rei_store_statement_clear (&st);

  assessments = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (!rei_store_statement_on (&st, c,
        "SELECT id, assessed_on, kind, author FROM plan_assessment WHERE plan_id = ? "
        "ORDER BY assessed_on, id", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      ReiPlanAssessment *a = rei_plan_assessment_new ();

      a->id = sqlite3_column_int64 (st.stmt, 0);
      a->assessed_on = column_text (st.stmt, 1);
      a->kind = column_text (st.stmt, 2);
      a->author = column_text (st.stmt, 3);
      g_ptr_array_add (rei_plan_get_assessments (plan), a);
      g_hash_table_insert (assessments, &a->id, a);
    }
  rei_store_statement_clear (&st);

  if (!rei_store_statement_on (&st, c,
        "SELECT s.assessment_id, s.dimension_code, s.score, s.resources, s.deficits "
        "FROM plan_score s JOIN plan_assessment a ON a.id = s.assessment_id "
        "JOIN potential_dimension d ON d.code = s.dimension_code "
        "WHERE a.plan_id = ? ORDER BY d.position", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      gint64 id = sqlite3_column_int64 (st.stmt, 0);
      ReiPlanAssessment *a = g_hash_table_lookup (assessments, &id);

      if (a != NULL)
        g_ptr_array_add (a->scores,
                         rei_plan_score_new ((const char *) sqlite3_column_text (st.stmt, 1),
                                             sqlite3_column_int (st.stmt, 2),
                                             (const char *) sqlite3_column_text (st.stmt, 3),
                                             (const char *) sqlite3_column_text (st.stmt, 4)));
    }
  rei_store_statement_clear (&st);

  if (!rei_store_statement_on (&st, c,
        "SELECT id, held_on, notes, contingency, assessment_id FROM plan_review WHERE plan_id = ? "
        "ORDER BY held_on, id", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      ReiPlanReview *r = rei_plan_review_new ();

      r->id = sqlite3_column_int64 (st.stmt, 0);
      r->held_on = column_text (st.stmt, 1);
      r->notes = column_text (st.stmt, 2);
      r->contingency = column_text (st.stmt, 3);
      r->assessment_id = sqlite3_column_int64 (st.stmt, 4);
      g_ptr_array_add (rei_plan_get_reviews (plan), r);
    }
  rei_store_statement_clear (&st);

  if (!rei_store_statement_on (&st, c,
        "SELECT pr.review_id, pr.goal_id, pr.status, pr.progress FROM plan_review_goal pr "
        "JOIN plan_review r ON r.id = pr.review_id WHERE r.plan_id = ? ORDER BY pr.goal_id", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      gint64 review_id = sqlite3_column_int64 (st.stmt, 0);
      GPtrArray *reviews = rei_plan_get_reviews (plan);

      for (guint i = 0; i < reviews->len; i++)
        {
          ReiPlanReview *r = g_ptr_array_index (reviews, i);

          if (r->id == review_id)
            g_ptr_array_add (r->progress,
                             rei_plan_goal_progress_new (sqlite3_column_int64 (st.stmt, 1),
                                                         (const char *) sqlite3_column_text (st.stmt, 2),
                                                         (const char *) sqlite3_column_text (st.stmt, 3)));
        }
    }
  rei_store_statement_clear (&st);

  if (!rei_store_statement_on (&st, c,
        "SELECT number, signed_on, reason FROM plan_revision WHERE plan_id = ? ORDER BY number", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      ReiPlanRevision *r = g_new0 (ReiPlanRevision, 1);

      r->number = sqlite3_column_int (st.stmt, 0);
      r->signed_on = column_text (st.stmt, 1);
      r->reason = column_text (st.stmt, 2);
      g_ptr_array_add (rei_plan_get_revisions (plan), r);
    }
  rei_store_statement_clear (&st);

  return g_steal_pointer (&plan);
}

ReiPlan *
rei_store_get_plan (ReiStore  *self,
                    gint64     plan_id,
                    GError   **error)
{
  ReiStoreConnection *c;
  ReiPlan *plan;
  gboolean began;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  c = rei_store_lock_read (self);
  began = begin_read (c);
  plan = rei_store_plans_read_locked (c, plan_id, error);
  end_read (c, began);
  rei_store_unlock (c);
  return plan;
}

ReiPlan *
rei_store_get_plan_revision (ReiStore  *self,
                             gint64     plan_id,
                             int        number,
                             GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *text = NULL;
  ReiPlan *plan = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (!rei_store_statement_read (&st, self,
        "SELECT snapshot FROM plan_revision WHERE plan_id = ? AND number = ?", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  rei_store_statement_bind_int64 (&st, 2, number);
  if (rei_store_statement_next (&st))
    text = column_text (st.stmt, 0);
  rei_store_statement_clear (&st);

  if (text != NULL)
    variant = g_variant_parse (NULL, text, NULL, NULL, NULL);
  if (variant != NULL)
    plan = rei_plan_new_from_variant (variant);
  if (plan == NULL)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_NOT_FOUND,
                   _("The plan has no revision %d."), number);
      return NULL;
    }
  return plan;
}

gint64
rei_store_find_current_plan (ReiStore  *self,
                             gint64     resident_id,
                             GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), 0);

  /* The open plan if any, else the one that started last. */
  if (!rei_store_statement_read (&st, self,
        "SELECT id FROM plan WHERE resident_id = ? "
        "ORDER BY closed_on IS NULL DESC, start_date DESC, id DESC LIMIT 1", error))
    return 0;
  rei_store_statement_bind_int64 (&st, 1, resident_id);
  return rei_store_statement_next (&st) ? sqlite3_column_int64 (st.stmt, 0) : 0;
}

GPtrArray *
rei_store_list_plan_unmet_needs (ReiStore  *self,
                                 gint64     plan_id,
                                 GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  GPtrArray *needs;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (!rei_store_statement_read (&st, self,
        "SELECT id, dimension_code, area_code, description, recorded_on, met_on FROM plan_unmet_need "
        "WHERE plan_id = ? ORDER BY recorded_on, id", error))
    return NULL;
  needs = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_plan_unmet_need_free);
  rei_store_statement_bind_int64 (&st, 1, plan_id);
  while (rei_store_statement_next (&st))
    {
      ReiPlanUnmetNeed *n = g_new0 (ReiPlanUnmetNeed, 1);

      n->id = sqlite3_column_int64 (st.stmt, 0);
      n->dimension = column_text (st.stmt, 1);
      n->area = column_text (st.stmt, 2);
      n->description = column_text (st.stmt, 3);
      n->recorded_on = column_text (st.stmt, 4);
      n->met_on = column_text (st.stmt, 5);
      g_ptr_array_add (needs, n);
    }
  return needs;
}

GArray *
rei_store_list_overdue_reviews (ReiStore    *self,
                                const char  *today_iso,
                                GError     **error)
{
  g_autofree char *today = today_iso ? g_strdup (today_iso) : rei_store_get_today (self);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  GArray *ids;
  int months;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  /* The schedule in force today: one date computed for all, rather than one per plan. */
  months = rei_store_get_setting_int (self, "plan_review_months", today, 1);
  if (!rei_store_statement_read (&st, self,
        "SELECT p.resident_id FROM plan p "
        "WHERE p.closed_on IS NULL AND p.start_date IS NOT NULL "
        "AND date (COALESCE ((SELECT MAX (held_on) FROM plan_review r WHERE r.plan_id = p.id), "
        "                    p.start_date), '+' || ? || ' months') < ? "
        "ORDER BY p.resident_id", error))
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rei_store_statement_bind_int64 (&st, 1, months);
  rei_store_statement_bind_text (&st, 2, today);
  while (rei_store_statement_next (&st))
    {
      gint64 id = sqlite3_column_int64 (st.stmt, 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

/* Streams a query's rows as text cells; the statement is bound to nothing. */
static gboolean
foreach_row (ReiStore        *self,
             const char      *sql,
             guint            n_columns,
             ReiPlanRowFunc   func,
             gpointer         user_data,
             GCancellable    *cancellable,
             GError         **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  ReiStoreConnection *c = rei_store_lock_read (self);
  const char *cells[16] = { NULL };
  gboolean began, ok = TRUE;
  guint n = 0;

  g_assert (n_columns <= G_N_ELEMENTS (cells));
  if (!rei_store_statement_on (&st, c, sql, error))
    {
      rei_store_unlock (c);
      return FALSE;
    }
  began = begin_read (c);
  while (rei_store_statement_next (&st))
    {
      if ((++n % 1000) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      for (guint i = 0; i < n_columns; i++)
        cells[i] = (const char *) sqlite3_column_text (st.stmt, (int) i);
      if (!func (cells, user_data))
        break;
    }
  /* Reset before the read transaction ends. */
  if (ok)
    ok = rei_store_statement_finish (&st, N_("reading plans"), error);
  else
    rei_store_statement_clear (&st);
  end_read (c, began);
  rei_store_unlock (c);
  return ok;
}

/* The three sheets' queries walk the people in Polish order through the index resident_name and
 * reach each one's plans, goals and assessments through their indexes: the CROSS JOINs keep
 * SQLite to that order, so that only one person's rows at a time are sorted (its "temp b-tree
 * for right part of ORDER BY") instead of the whole table — a sort of 5 million assessment rows
 * at 100 000 people, whose memory and temporary files grew with the register. */

gboolean
rei_store_foreach_plan_row (ReiStore        *self,
                            ReiPlanRowFunc   func,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return foreach_row (self,
    "SELECT r.pesel, r.surname, r.first_name, p.kind, p.start_date, "
    "COALESCE (p.closed_on, p.end_date), p.phase "
    "FROM resident r CROSS JOIN plan p "
    "WHERE p.resident_id = r.id "
    "ORDER BY r.surname COLLATE pl, r.first_name COLLATE pl, r.id, p.start_date, p.id",
    7, func, user_data, cancellable, error);
}

gboolean
rei_store_foreach_goal_row (ReiStore        *self,
                            ReiPlanRowFunc   func,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return foreach_row (self,
    "SELECT r.pesel, g.title, "
    "(SELECT group_concat (label, ', ') FROM (SELECT d.label FROM plan_goal_dimension gd "
    "   JOIN potential_dimension d ON d.code = gd.dimension_code "
    "   WHERE gd.goal_id = g.id ORDER BY d.position)), "
    "g.criterion, CASE WHEN g.responsible IS NULL THEN g.responsible_kind "
    "  ELSE g.responsible_kind || ': ' || g.responsible END, g.deadline, g.status "
    "FROM resident r CROSS JOIN plan p CROSS JOIN plan_goal g "
    "WHERE p.resident_id = r.id AND g.plan_id = p.id "
    "ORDER BY r.surname COLLATE pl, r.first_name COLLATE pl, r.id, p.start_date, p.id, "
    "g.position, g.id",
    7, func, user_data, cancellable, error);
}

gboolean
rei_store_foreach_score_row (ReiStore        *self,
                             ReiPlanRowFunc   func,
                             gpointer         user_data,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return foreach_row (self,
    "SELECT r.pesel, a.assessed_on, d.label, s.score "
    "FROM resident r CROSS JOIN plan p CROSS JOIN plan_assessment a CROSS JOIN plan_score s "
    "CROSS JOIN potential_dimension d "
    "WHERE p.resident_id = r.id AND a.plan_id = p.id AND s.assessment_id = a.id "
    "AND d.code = s.dimension_code "
    "ORDER BY r.surname COLLATE pl, r.first_name COLLATE pl, r.id, a.assessed_on, a.id, d.position",
    4, func, user_data, cancellable, error);
}

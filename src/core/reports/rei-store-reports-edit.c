/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-reports-private.h"
#include "rei-store-reports.h"

/* What the reports page edits beyond what the imports write: a project with its tasks in one
 * go, deletes, the enrolments of one project, the years and sources of funding. */

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

/* A delete of one record in its own transaction: the statement sql with its values bound by
 * bind, then the audit row; the error not_found_message (marked N_, translated here) when it
 * deleted nothing. */
typedef void (*BindFunc) (ReiStoreStatement *st,
                          gconstpointer      data);

static gboolean
delete_one (ReiStore       *store,
            const char     *sql,
            BindFunc        bind,
            gconstpointer   data,
            const char     *what,
            const char     *not_found_message,
            const char     *entity,
            gint64          entity_id,
            const char     *detail,
            GError        **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean ok;

  if (!rei_store_begin (store, error))
    return FALSE;
  ok = rei_store_statement_write (&st, store, sql, error);
  if (ok)
    {
      bind (&st, data);
      ok = rei_store_statement_exec (&st, what, error);
      if (ok && rei_store_statement_changes (&st) == 0)
        ok = not_found (error, _(not_found_message));
      rei_store_statement_clear (&st);
      ok = ok && rei_store_write_audit (store, entity, entity_id, "delete", detail, error);
    }
  return rei_store_end_write (store, &st, ok, error);
}

/* ---------------------------------------------------------------------------------------------
 * Projects
 * ------------------------------------------------------------------------------------------- */

/* Deletes what belongs to the project in table (a literal DELETE … WHERE project_id = ?). */
static gboolean
delete_by_project (ReiStore    *store,
                   const char  *sql,
                   gint64       project_id,
                   const char  *what,
                   GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_write (&st, store, sql, error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, project_id);
  return rei_store_statement_exec (&st, what, error);
}

static gboolean
write_tasks_and_thresholds (ReiStore    *store,
                            ReiProject  *project,
                            GPtrArray   *tasks,
                            GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!_rei_store_write_project (store, project, NULL, error))
    return FALSE;

  if (!delete_by_project (store, "DELETE FROM project_task WHERE project_id = ?", project->id,
                          N_("saving a task"), error))
    return FALSE;
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      ReiProjectTask *t = g_ptr_array_index (tasks, i);
      gint64 partner_id = -1;

      if (t->partner != NULL
          && (partner_id = _rei_store_reports_ensure_partner (store, t->partner, NULL, error)) < 0)
        return FALSE;
      if (!rei_store_statement_write (&st, store,
                                      "INSERT INTO project_task (project_id, number, title, partner_id) "
                                      "VALUES (?, ?, ?, ?)", error))
        return FALSE;
      /* Zadanie 1..n in the order the form lists them: a removed task leaves no hole. */
      rei_store_statement_bind_int64 (&st, 1, project->id);
      rei_store_statement_bind_int64 (&st, 2, (int) i + 1);
      rei_store_statement_bind_text (&st, 3, t->title != NULL ? t->title : "");
      bind_int_or_null (st.stmt, 4, partner_id);
      if (!rei_store_statement_run (&st, N_("saving a task"), error))
        return FALSE;
    }
  if (project->thresholds != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      if (!delete_by_project (store, "DELETE FROM project_threshold WHERE project_id = ?", project->id,
                              N_("saving an indicator threshold"), error))
        return FALSE;
      g_hash_table_iter_init (&iter, project->thresholds);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (!rei_store_statement_write (&st, store,
                                          "INSERT INTO project_threshold (project_id, indicator_code, threshold) "
                                          "VALUES (?, ?, ?)", error))
            return FALSE;
          rei_store_statement_bind_int64 (&st, 1, project->id);
          rei_store_statement_bind_text (&st, 2, key);
          sqlite3_bind_double (st.stmt, 3, *(double *) value);
          if (!rei_store_statement_run (&st, N_("saving an indicator threshold"), error))
            return FALSE;
        }
    }
  return rei_store_write_audit (store, "project", project->id, "update",
                                project->thresholds != NULL ? "tasks,thresholds" : "tasks", error);
}

gboolean
rei_store_save_project_with_tasks (ReiStore    *store,
                                   ReiProject  *project,
                                   GPtrArray   *tasks,
                                   GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (project != NULL && project->code != NULL && project->title != NULL, FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  return rei_store_end_write (store, NULL, write_tasks_and_thresholds (store, project, tasks, error), error);
}

GHashTable *
rei_store_get_project_thresholds (ReiStore  *store,
                                  gint64     project_id,
                                  GError   **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  if (!rei_store_statement_read (&st, store, "SELECT indicator_code, threshold FROM project_threshold "
                                             "WHERE project_id = ?", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, project_id);
  while (rei_store_statement_next (&st))
    {
      double t = sqlite3_column_double (st.stmt, 1);
      g_hash_table_insert (table, rei_store_statement_dup_text (&st, 0), g_memdup2 (&t, sizeof t));
    }
  if (!rei_store_statement_finish (&st, N_("reading indicator thresholds"), error))
    return NULL;
  return g_steal_pointer (&table);
}

static void
bind_id (ReiStoreStatement *st,
         gconstpointer      data)
{
  rei_store_statement_bind_int64 (st, 1, *(const gint64 *) data);
}

gboolean
rei_store_delete_project (ReiStore  *store,
                          gint64     project_id,
                          GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  /* Enrolments, tasks, partners' places and the residents' lists go by ON DELETE CASCADE. */
  return delete_one (store, "DELETE FROM project WHERE id = ?", bind_id, &project_id,
                     N_("deleting a project"), N_("The project is no longer in the register."),
                     "project", project_id, "project", error);
}

/* ---------------------------------------------------------------------------------------------
 * Enrolments
 * ------------------------------------------------------------------------------------------- */

GPtrArray *
rei_store_list_enrolments (ReiStore      *store,
                           gint64         project_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_enrolment_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, "SELECT e.id, e.resident_id, e.joined_on, e.left_on, "
                                             "e.path_completed, e.status_after, e.social_progress, "
                                             "r.surname, r.first_name, r.pesel, r.sex "
                                             "FROM enrolment e JOIN resident r ON r.id = e.resident_id "
                                             "WHERE e.project_id = ? "
                                             "ORDER BY r.surname COLLATE pl, r.first_name COLLATE pl, r.id",
                                 error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, project_id);
  while (rei_store_statement_next (&st))
    {
      ReiEnrolment *e = rei_enrolment_new ();

      e->id = sqlite3_column_int64 (st.stmt, 0);
      e->resident_id = sqlite3_column_int64 (st.stmt, 1);
      e->project_id = project_id;
      e->joined_on = rei_store_statement_dup_text (&st, 2);
      e->left_on = rei_store_statement_dup_text (&st, 3);
      e->path_completed = (int) column_int_or (st.stmt, 4, -1);
      e->status_after = rei_store_statement_dup_text (&st, 5);
      e->social_progress = (int) column_int_or (st.stmt, 6, -1);
      e->surname = rei_store_statement_dup_text (&st, 7);
      e->first_name = rei_store_statement_dup_text (&st, 8);
      e->pesel = rei_store_statement_dup_text (&st, 9);
      e->sex = rei_store_statement_dup_text (&st, 10);
      g_ptr_array_add (list, e);
      if (list->len % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  if (!rei_store_statement_finish (&st, N_("reading enrolments"), error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
delete_enrolment_rows (ReiStore  *store,
                       gint64     resident_id,
                       gint64     project_id,
                       GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 id = 0;

  if (!rei_store_statement_write (&st, store,
                                  "SELECT id FROM enrolment WHERE resident_id = ? AND project_id = ?", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, resident_id);
  rei_store_statement_bind_int64 (&st, 2, project_id);
  if (rei_store_statement_next (&st))
    id = sqlite3_column_int64 (st.stmt, 0);
  rei_store_statement_clear (&st);
  if (id == 0)
    return not_found (error, _("The enrolment is no longer in the register."));

  if (!rei_store_statement_write (&st, store, "DELETE FROM enrolment WHERE id = ?", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, id);
  if (!rei_store_statement_run (&st, N_("deleting an enrolment"), error))
    return FALSE;
  if (!rei_store_statement_write (&st, store,
                                  "DELETE FROM resident_project WHERE resident_id = ? AND project_id = ?", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, resident_id);
  rei_store_statement_bind_int64 (&st, 2, project_id);
  return rei_store_statement_run (&st, N_("deleting an enrolment"), error)
         && rei_store_write_audit (store, "enrolment", id, "delete", "resident_id,project_id", error);
}

gboolean
rei_store_delete_enrolment (ReiStore  *store,
                            gint64     resident_id,
                            gint64     project_id,
                            GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  return rei_store_end_write (store, NULL, delete_enrolment_rows (store, resident_id, project_id, error), error);
}

/* ---------------------------------------------------------------------------------------------
 * Funding and the lists a form chooses from
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  int         year;
  const char *source;
  const char *kind;
} FundingKey;

static void
bind_funding_key (ReiStoreStatement *st,
                  gconstpointer      data)
{
  const FundingKey *key = data;

  rei_store_statement_bind_int64 (st, 1, key->year);
  rei_store_statement_bind_text (st, 2, key->source);
  rei_store_statement_bind_text (st, 3, key->kind);
}

gboolean
rei_store_delete_funding (ReiStore    *store,
                          int          year,
                          const char  *source,
                          const char  *kind,
                          GError     **error)
{
  FundingKey key = { year, source, kind };

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  return delete_one (store, "DELETE FROM funding WHERE year = ? AND source_code = ? AND kind = ?",
                     bind_funding_key, &key, N_("deleting funding"),
                     N_("The amount is no longer in the register."),
                     "funding", year, "year,source,kind,amount", error);
}

GArray *
rei_store_list_funding_years (ReiStore  *store,
                              GError   **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, "SELECT DISTINCT year FROM funding ORDER BY year DESC", error))
    return NULL;
  while (rei_store_statement_next (&st))
    {
      int year = sqlite3_column_int (st.stmt, 0);
      g_array_append_val (years, year);
    }
  if (!rei_store_statement_finish (&st, N_("reading funding"), error))
    return NULL;
  return g_steal_pointer (&years);
}

static GStrv
list_pairs (ReiStore    *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, sql, error))
    return NULL;
  while (rei_store_statement_next (&st))
    {
      g_strv_builder_add (b, (const char *) sqlite3_column_text (st.stmt, 0));
      g_strv_builder_add (b, (const char *) sqlite3_column_text (st.stmt, 1));
    }
  if (!rei_store_statement_finish (&st, N_("reading a list of codes"), error))
    return NULL;
  return g_strv_builder_end (b);
}

GStrv
rei_store_list_funding_sources (ReiStore  *store,
                                GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  return list_pairs (store, "SELECT code, label FROM funding_source ORDER BY position, code", error);
}

GStrv
rei_store_list_statuses_after (ReiStore  *store,
                               GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  return list_pairs (store, "SELECT code, label FROM status_after ORDER BY position, code", error);
}

/* ---------------------------------------------------------------------------------------------
 * Indicator definitions
 * ------------------------------------------------------------------------------------------- */

static void
bind_code (ReiStoreStatement *st,
           gconstpointer      data)
{
  rei_store_statement_bind_text (st, 1, data);
}

gboolean
rei_store_delete_indicator_def (ReiStore    *store,
                                const char  *code,
                                GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  /* Its lists of outcomes and statuses go by ON DELETE CASCADE. */
  return delete_one (store, "DELETE FROM indicator WHERE code = ?", bind_code, code,
                     N_("deleting an indicator definition"), N_("The indicator is no longer defined."),
                     "indicator", 0, "code", error);
}

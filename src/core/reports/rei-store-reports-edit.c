/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-reports-private.h"
#include "rei-store-reports.h"

/* What the reports page edits beyond what the imports write: a project with its tasks in one
 * go, deletes, the enrolments of one project, the years and sources of funding. */

/* Ends a write begun with rei_store_begin() and the write lock: commit when ok, else roll back. */
static gboolean
finish_write (ReiStore            *store,
              ReiStoreConnection  *c,
              gboolean             ok,
              GError             **error)
{
  rei_store_unlock (c);
  if (!ok)
    {
      rei_store_rollback (store);
      return FALSE;
    }
  return rei_store_commit (store, error);
}

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

/* ---------------------------------------------------------------------------------------------
 * Projects
 * ------------------------------------------------------------------------------------------- */

gboolean
rei_store_save_project_with_tasks (ReiStore    *store,
                                   ReiProject  *project,
                                   GPtrArray   *tasks,
                                   GError     **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (project != NULL && project->code != NULL && project->title != NULL, FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  c = rei_store_lock_write (store);
  if (!_rei_store_save_project_locked (store, c, project, NULL, error))
    goto out;

  stmt = rei_store_prepare (c, "DELETE FROM project_task WHERE project_id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, project->id);
  if (!step_done (c, stmt, error, _("saving a task")))
    goto out;
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      ReiProjectTask *t = g_ptr_array_index (tasks, i);
      gint64 partner_id = -1;

      if (t->partner != NULL
          && (partner_id = _rei_store_reports_ensure_partner (store, c, t->partner, NULL, error)) < 0)
        goto out;
      stmt = rei_store_prepare (c, "INSERT INTO project_task (project_id, number, title, partner_id) "
                                   "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto out;
      /* Zadanie 1..n in the order the form lists them: a removed task leaves no hole. */
      sqlite3_bind_int64 (stmt, 1, project->id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      rei_store_bind_text (stmt, 3, t->title != NULL ? t->title : "");
      bind_int_or_null (stmt, 4, partner_id);
      if (!step_done (c, stmt, error, _("saving a task")))
        goto out;
    }
  if (project->thresholds != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      stmt = rei_store_prepare (c, "DELETE FROM project_threshold WHERE project_id = ?", error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, project->id);
      if (!step_done (c, stmt, error, _("saving an indicator threshold")))
        goto out;
      g_hash_table_iter_init (&iter, project->thresholds);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          stmt = rei_store_prepare (c, "INSERT INTO project_threshold (project_id, indicator_code, threshold) "
                                       "VALUES (?, ?, ?)", error);
          if (stmt == NULL)
            goto out;
          sqlite3_bind_int64 (stmt, 1, project->id);
          rei_store_bind_text (stmt, 2, key);
          sqlite3_bind_double (stmt, 3, *(double *) value);
          if (!step_done (c, stmt, error, _("saving an indicator threshold")))
            goto out;
        }
    }
  ok = rei_store_write_audit (store, "project", project->id, "update",
                              project->thresholds != NULL ? "tasks,thresholds" : "tasks", error);
out:
  return finish_write (store, c, ok, error);
}

GHashTable *
rei_store_get_project_thresholds (ReiStore  *store,
                                  gint64     project_id,
                                  GError   **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  c = rei_store_lock_read (store);
  stmt = rei_store_prepare (c, "SELECT indicator_code, threshold FROM project_threshold "
                               "WHERE project_id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          double t = sqlite3_column_double (stmt, 1);
          g_hash_table_insert (table, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                               g_memdup2 (&t, sizeof t));
        }
      if (rc != SQLITE_DONE)
        fail (c, NULL, error, _("reading indicator thresholds"));
      sqlite3_reset (stmt);
    }
  rei_store_unlock (c);
  return stmt != NULL && rc == SQLITE_DONE ? g_steal_pointer (&table) : NULL;
}

gboolean
rei_store_delete_project (ReiStore  *store,
                          gint64     project_id,
                          GError   **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  c = rei_store_lock_write (store);
  /* Enrolments, tasks, partners' places and the residents' lists go by ON DELETE CASCADE. */
  stmt = rei_store_prepare (c, "DELETE FROM project WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      ok = step_done (c, stmt, error, _("deleting a project"));
      if (ok && sqlite3_changes (rei_store_connection_get_db (c)) == 0)
        ok = not_found (error, _("The project is no longer in the register."));
      ok = ok && rei_store_write_audit (store, "project", project_id, "delete", "project", error);
    }
  return finish_write (store, c, ok, error);
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
  ReiStoreConnection *c = rei_store_lock_read (store);
  sqlite3_stmt *stmt = rei_store_prepare (c, "SELECT e.id, e.resident_id, e.joined_on, e.left_on, "
                                             "e.path_completed, e.status_after, e.social_progress, "
                                             "r.surname, r.first_name, r.pesel, r.sex "
                                             "FROM enrolment e JOIN resident r ON r.id = e.resident_id "
                                             "WHERE e.project_id = ? "
                                             "ORDER BY r.surname COLLATE pl, r.first_name COLLATE pl, r.id",
                                          error);
  int rc = SQLITE_DONE;
  gboolean cancelled = FALSE;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, project_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ReiEnrolment *e = rei_enrolment_new ();

          e->id = sqlite3_column_int64 (stmt, 0);
          e->resident_id = sqlite3_column_int64 (stmt, 1);
          e->project_id = project_id;
          e->joined_on = column_text (stmt, 2);
          e->left_on = column_text (stmt, 3);
          e->path_completed = (int) column_int_or (stmt, 4, -1);
          e->status_after = column_text (stmt, 5);
          e->social_progress = (int) column_int_or (stmt, 6, -1);
          e->surname = column_text (stmt, 7);
          e->first_name = column_text (stmt, 8);
          e->pesel = column_text (stmt, 9);
          e->sex = column_text (stmt, 10);
          g_ptr_array_add (list, e);
          if (list->len % 256 == 0 && g_cancellable_is_cancelled (cancellable))
            {
              cancelled = TRUE;
              break;
            }
        }
      if (!cancelled && rc != SQLITE_DONE)
        fail (c, NULL, error, _("reading enrolments"));
      sqlite3_reset (stmt);
    }
  rei_store_unlock (c);
  if (cancelled)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  return stmt != NULL && rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

gboolean
rei_store_delete_enrolment (ReiStore  *store,
                            gint64     resident_id,
                            gint64     project_id,
                            GError   **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  c = rei_store_lock_write (store);
  stmt = rei_store_prepare (c, "SELECT id FROM enrolment WHERE resident_id = ? AND project_id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_int64 (stmt, 2, project_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      not_found (error, _("The enrolment is no longer in the register."));
      goto out;
    }

  stmt = rei_store_prepare (c, "DELETE FROM enrolment WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (c, stmt, error, _("deleting an enrolment")))
    goto out;
  stmt = rei_store_prepare (c, "DELETE FROM resident_project WHERE resident_id = ? AND project_id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_int64 (stmt, 2, project_id);
  ok = step_done (c, stmt, error, _("deleting an enrolment"))
       && rei_store_write_audit (store, "enrolment", id, "delete", "resident_id,project_id", error);
out:
  return finish_write (store, c, ok, error);
}

/* ---------------------------------------------------------------------------------------------
 * Funding and the lists a form chooses from
 * ------------------------------------------------------------------------------------------- */

gboolean
rei_store_delete_funding (ReiStore    *store,
                          int          year,
                          const char  *source,
                          const char  *kind,
                          GError     **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  c = rei_store_lock_write (store);
  stmt = rei_store_prepare (c, "DELETE FROM funding WHERE year = ? AND source_code = ? AND kind = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, year);
      rei_store_bind_text (stmt, 2, source);
      rei_store_bind_text (stmt, 3, kind);
      ok = step_done (c, stmt, error, _("deleting funding"));
      if (ok && sqlite3_changes (rei_store_connection_get_db (c)) == 0)
        ok = not_found (error, _("The amount is no longer in the register."));
      ok = ok && rei_store_write_audit (store, "funding", year, "delete", "year,source,kind,amount", error);
    }
  return finish_write (store, c, ok, error);
}

GArray *
rei_store_list_funding_years (ReiStore  *store,
                              GError   **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  ReiStoreConnection *c = rei_store_lock_read (store);
  sqlite3_stmt *stmt = rei_store_prepare (c, "SELECT DISTINCT year FROM funding ORDER BY year DESC", error);
  int rc = SQLITE_DONE;

  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int year = sqlite3_column_int (stmt, 0);
          g_array_append_val (years, year);
        }
      if (rc != SQLITE_DONE)
        fail (c, NULL, error, _("reading funding"));
      sqlite3_reset (stmt);
    }
  rei_store_unlock (c);
  return stmt != NULL && rc == SQLITE_DONE ? g_steal_pointer (&years) : NULL;
}

static GStrv
list_pairs (ReiStore    *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  ReiStoreConnection *c = rei_store_lock_read (store);
  sqlite3_stmt *stmt = rei_store_prepare (c, sql, error);
  int rc = SQLITE_DONE;

  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
          g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 1));
        }
      if (rc != SQLITE_DONE)
        fail (c, NULL, error, _("reading a list of codes"));
      sqlite3_reset (stmt);
    }
  rei_store_unlock (c);
  return stmt != NULL && rc == SQLITE_DONE ? g_strv_builder_end (b) : NULL;
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

gboolean
rei_store_delete_indicator_def (ReiStore    *store,
                                const char  *code,
                                GError     **error)
{
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  c = rei_store_lock_write (store);
  /* Its lists of outcomes and statuses go by ON DELETE CASCADE. */
  stmt = rei_store_prepare (c, "DELETE FROM indicator WHERE code = ?", error);
  if (stmt != NULL)
    {
      rei_store_bind_text (stmt, 1, code);
      ok = step_done (c, stmt, error, _("deleting an indicator definition"));
      if (ok && sqlite3_changes (rei_store_connection_get_db (c)) == 0)
        ok = not_found (error, _("The indicator is no longer defined."));
      ok = ok && rei_store_write_audit (store, "indicator", 0, "delete", "code", error);
    }
  return finish_write (store, c, ok, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-reports-private.h"
#include "rei-store-reports.h"

/* ---------------------------------------------------------------------------------------------
 * Enrolments
 * ------------------------------------------------------------------------------------------- */

/* The enrolment's id, 0 when there is none, -1 with error set when it cannot be read. */
static gint64
find_enrolment (ReiStore  *store,
                gint64     resident_id,
                gint64     project_id,
                GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 id = 0;

  if (!rei_store_statement_read (&st, store,
                                 "SELECT id FROM enrolment WHERE resident_id = ? AND project_id = ?", error))
    return -1;
  rei_store_statement_bind_int64 (&st, 1, resident_id);
  rei_store_statement_bind_int64 (&st, 2, project_id);
  if (rei_store_statement_next (&st))
    id = sqlite3_column_int64 (st.stmt, 0);
  return rei_store_statement_finish (&st, N_("reading an enrolment"), error) ? id : -1;
}

/* "resident_id:project_id" in decimal, without printf (it runs for every row of an import). */
static void
pair_key (char    buf[48],
          gint64  a,
          gint64  b)
{
  gint64 parts[2] = { a, b };
  char *p = buf;

  for (guint i = 0; i < 2; i++)
    {
      char digits[24];
      guint n = 0;
      guint64 v = (guint64) MAX (parts[i], 0);

      do
        digits[n++] = (char) ('0' + v % 10);
      while ((v /= 10) > 0);
      while (n > 0)
        *p++ = digits[--n];
      *p++ = i == 0 ? ':' : '\0';
    }
}

#define ENROLMENT_FIELDS \
  "resident_id,project_id,joined_on,left_on,path_completed,status_after,social_progress"

/* Inside a store import (rei-store-import.h): the rows rei_store_save_enrolment() writes, with
 * the same values in the same order, queued and written 64 to a statement.  One statement a row
 * made SQLite copy every page a row touched to its statement journal, twice a row (the
 * enrolment, then the resident's project), and set up each statement's cursors and foreign keys:
 * most of an enrolments import.  The id SQLite would give a new enrolment (the largest one and
 * one: the table has no AUTOINCREMENT, and nothing else adds enrolments during the import) is
 * bound, so that the audit item names it before the row is written; an enrolment already there,
 * or written earlier by the same import, is updated in place by the upsert (its id bound NULL),
 * as the statement of one save does. */
static gboolean
queue_enrolment (ReiStore        *store,
                 ReiStoreImport  *import,
                 ReiEnrolment    *e,
                 gboolean        *existed,
                 GError         **error)
{
  static const char enrolment_head[] =
    "INSERT INTO enrolment (id, resident_id, project_id, joined_on, left_on, path_completed, "
    "status_after, social_progress) VALUES ";
  static const char enrolment_tail[] =
    " ON CONFLICT (resident_id, project_id) DO UPDATE SET joined_on = excluded.joined_on, "
    "left_on = excluded.left_on, path_completed = excluded.path_completed, "
    "status_after = excluded.status_after, social_progress = excluded.social_progress";
  static const char project_head[] =
    "INSERT OR IGNORE INTO resident_project (resident_id, project_id) VALUES ";
  char key[48];
  gint64 id, next_id;
  gboolean suppressed;

  pair_key (key, e->resident_id, e->project_id);
  *existed = rei_store_import_cache_get (import, enrolment_head, key, &id);
  if (!*existed)
    {
      if ((id = find_enrolment (store, e->resident_id, e->project_id, error)) < 0)
        return FALSE;
      *existed = id > 0;
    }
  if (!*existed)
    {
      /* The next id, remembered under the tail's address. */
      if (!rei_store_import_cache_get (import, enrolment_tail, "", &next_id))
        {
          g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

          if (!rei_store_statement_read (&st, store, "SELECT coalesce(max(id), 0) + 1 FROM enrolment",
                                         error))
            return FALSE;
          next_id = rei_store_statement_next (&st) ? sqlite3_column_int64 (st.stmt, 0) : -1;
          if (!rei_store_statement_finish (&st, N_("saving an enrolment"), error))
            return FALSE;
        }
      id = next_id;
      rei_store_import_cache_put (import, enrolment_tail, "", next_id + 1);
      rei_store_import_cache_put (import, enrolment_head, key, id);
    }
  e->id = id;

  /* The trigger adds an enrolment for a project row only when there is none, and the enrolment
   * is always written first: it would add nothing, at a subprogram a row. */
  if (!rei_store_import_suppress_trigger (store, "resident_project_enrolment", &suppressed, error))
    return FALSE;

  {
    ReiStoreImportValue enrolment[8] = {
      { .number = *existed ? -1 : id }, { .number = e->resident_id }, { .number = e->project_id },
      { .text = e->joined_on }, { .text = e->left_on }, { .number = e->path_completed },
      { .text = e->status_after }, { .number = e->social_progress },
    };
    ReiStoreImportValue project[2] = { { .number = e->resident_id }, { .number = e->project_id } };

    return rei_store_import_queue_with_tail (store, enrolment_head, enrolment_tail, "niittntn",
                                             enrolment, error)
           && rei_store_import_queue (store, project_head, "ii", project, error)
           && rei_store_write_audit (store, "enrolment", id, *existed ? "update" : "insert",
                                     ENROLMENT_FIELDS, error);
  }
}

gboolean
rei_store_save_enrolment (ReiStore      *store,
                          ReiEnrolment  *e,
                          GError       **error)
{
  gboolean existed;

  return rei_store_save_enrolment_full (store, e, &existed, error);
}

gboolean
rei_store_save_enrolment_full (ReiStore      *store,
                               ReiEnrolment  *e,
                               gboolean      *existed,
                               GError       **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  ReiStoreImport *import;
  gint64 id;

  g_return_val_if_fail (e != NULL && e->resident_id > 0 && e->project_id > 0, FALSE);
  g_return_val_if_fail (existed != NULL, FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;

  import = rei_store_get_import (store);
  if (import != NULL)
    return rei_store_end_write (store, NULL, queue_enrolment (store, import, e, existed, error),
                                error);

  id = find_enrolment (store, e->resident_id, e->project_id, error);
  if (id < 0)
    goto fail;
  *existed = id > 0;

  if (!rei_store_statement_write (&st, store,
                                  "INSERT INTO enrolment (resident_id, project_id, joined_on, left_on, "
                                  "path_completed, status_after, social_progress) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                  "ON CONFLICT (resident_id, project_id) DO UPDATE SET joined_on = ?3, "
                                  "left_on = ?4, path_completed = ?5, status_after = ?6, social_progress = ?7",
                                  error))
    goto fail;
  rei_store_statement_bind_int64 (&st, 1, e->resident_id);
  rei_store_statement_bind_int64 (&st, 2, e->project_id);
  rei_store_statement_bind_text (&st, 3, e->joined_on);
  rei_store_statement_bind_text (&st, 4, e->left_on);
  bind_int_or_null (st.stmt, 5, e->path_completed);
  rei_store_statement_bind_text (&st, 6, e->status_after);
  bind_int_or_null (st.stmt, 7, e->social_progress);
  if (!rei_store_statement_run (&st, N_("saving an enrolment"), error))
    goto fail;

  /* The resident's list of projects shows it too.  After the enrolment, so that the trigger's
   * own (resident_project_enrolment, from the admission date) finds it and adds nothing: written
   * first, it was written twice, and each write copies the pages it touches to the statement
   * journal (the same rows, a third fewer instructions for an enrolments import). */
  if (!rei_store_statement_write (&st, store,
                                  "INSERT OR IGNORE INTO resident_project (resident_id, project_id) VALUES (?, ?)",
                                  error))
    goto fail;
  rei_store_statement_bind_int64 (&st, 1, e->resident_id);
  rei_store_statement_bind_int64 (&st, 2, e->project_id);
  if (!rei_store_statement_run (&st, N_("saving an enrolment"), error))
    goto fail;

  id = find_enrolment (store, e->resident_id, e->project_id, error);
  if (id < 0)
    goto fail;
  if (id > 0)
    e->id = id;

  return rei_store_end_write (store, NULL,
                    rei_store_write_audit (store, "enrolment", e->id, *existed ? "update" : "insert",
                                           ENROLMENT_FIELDS, error),
                    error);
fail:
  return rei_store_end_write (store, &st, FALSE, error);
}

ReiEnrolment *
rei_store_get_enrolment (ReiStore  *store,
                         gint64     resident_id,
                         gint64     project_id,
                         GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  ReiEnrolment *e;

  if (!rei_store_statement_read (&st, store,
                                 "SELECT id, joined_on, left_on, path_completed, status_after, "
                                 "social_progress FROM enrolment WHERE resident_id = ? AND project_id = ?",
                                 error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, resident_id);
  rei_store_statement_bind_int64 (&st, 2, project_id);
  if (!rei_store_statement_next (&st))
    return NULL;
  e = rei_enrolment_new ();
  e->id = sqlite3_column_int64 (st.stmt, 0);
  e->resident_id = resident_id;
  e->project_id = project_id;
  e->joined_on = rei_store_statement_dup_text (&st, 1);
  e->left_on = rei_store_statement_dup_text (&st, 2);
  e->path_completed = (int) column_int_or (st.stmt, 3, -1);
  e->status_after = rei_store_statement_dup_text (&st, 4);
  e->social_progress = (int) column_int_or (st.stmt, 5, -1);
  return e;
}

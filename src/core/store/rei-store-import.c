/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-import.h"
#include "rei-store-private.h"

/* An import smaller than this keeps its indexes: rebuilding them would cost more than the few
 * inserts it saves. */
#define DEFER_MIN_ROWS 1000

struct _ReiStoreImport
{
  gint64     audit_id;   /* the import's one audit row */
  GPtrArray *rebuild;    /* the CREATE INDEX statements of the indexes dropped for the load */
  GHashTable *cache;     /* space → (key → gint64), see rei_store_import_cache_get() */
};

static void
import_free (ReiStoreImport *import)
{
  g_clear_pointer (&import->rebuild, g_ptr_array_unref);
  g_clear_pointer (&import->cache, g_hash_table_unref);
  g_free (import);
}

/* DROP INDEX fails with SQLITE_LOCKED while a statement of the connection is still running;
 * the store's cached statements may have been left after their first row.  Nothing of ours is
 * in the middle of a loop when an import begins or ends. */
static void
reset_statements (sqlite3 *db)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (db, stmt))
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);
}

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  /* A table name from the schema itself (sqlite_schema.tbl_name), quoted as an identifier:
   * names cannot be bound. */
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_free (sql);
  return n;
}

/* Drops those of @names that are plain indexes of a table no more than twice @n_rows long,
 * keeping the SQL that creates each again exactly as the migrations wrote it. */
static gboolean
defer_indexes (ReiStoreImport      *import,
               ReiStoreConnection  *c,
               const char * const  *names,
               guint                n_rows,
               GError             **error)
{
  sqlite3 *db = rei_store_connection_get_db (c);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (n_rows < DEFER_MIN_ROWS)
    return TRUE;

  reset_statements (db);
  for (guint i = 0; names[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = rei_store_prepare (c,
        "SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND name = ? "
        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", error);
      g_autofree char *table = NULL;
      g_autofree char *create = NULL;
      gpointer count;
      char *drop;
      int rc;

      if (stmt == NULL)
        return FALSE;
      rei_store_bind_text (stmt, 1, names[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          create = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
      /* Unknown here (an older schema) or a constraint: left as it is. */
      if (create == NULL)
        continue;

      if (!g_hash_table_lookup_extended (counts, table, NULL, &count))
        {
          count = GSIZE_TO_POINTER ((gsize) MAX (count_rows (db, table), 0));
          g_hash_table_insert (counts, g_strdup (table), count);
        }
      if ((gsize) n_rows * 2 < GPOINTER_TO_SIZE (count))
        continue;

      drop = sqlite3_mprintf ("DROP INDEX \"%w\"", names[i]);
      rc = sqlite3_exec (db, drop, NULL, NULL, NULL);
      sqlite3_free (drop);
      if (rc != SQLITE_OK)
        return rei_store_set_sqlite_error (error, db, _("preparing the import"));
      g_ptr_array_add (import->rebuild, g_steal_pointer (&create));
    }
  return TRUE;
}

static gboolean
rebuild_indexes (ReiStoreImport      *import,
                 ReiStoreConnection  *c,
                 GError             **error)
{
  sqlite3 *db = rei_store_connection_get_db (c);

  if (import->rebuild->len == 0)
    return TRUE;
  reset_statements (db);
  for (guint i = 0; i < import->rebuild->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (import->rebuild, i), NULL, NULL, NULL) != SQLITE_OK)
      return rei_store_set_sqlite_error (error, db, _("finishing the import"));
  return TRUE;
}

gboolean
rei_store_import_add_item (ReiStoreImport      *import,
                           ReiStoreConnection  *c,
                           const char          *entity,
                           gint64               entity_id,
                           const char          *detail,
                           GError             **error)
{
  /* OR REPLACE: a record written twice by one import is listed once, with its last change. */
  sqlite3_stmt *stmt = rei_store_prepare (c,
    "INSERT OR REPLACE INTO audit_item (entity, entity_id, audit_id, detail) VALUES (?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  rei_store_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_int64 (stmt, 3, import->audit_id);
  rei_store_bind_text (stmt, 4, detail);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rei_store_set_sqlite_error (error, rei_store_connection_get_db (c),
                                       _("writing the audit trail"));
  return TRUE;
}

gboolean
rei_store_import_cache_get (ReiStoreImport *import,
                            gconstpointer   space,
                            const char     *key,
                            gint64         *value)
{
  GHashTable *values = g_hash_table_lookup (import->cache, space);
  gint64 *found = values != NULL ? g_hash_table_lookup (values, key) : NULL;

  if (found == NULL)
    return FALSE;
  *value = *found;
  return TRUE;
}

void
rei_store_import_cache_put (ReiStoreImport *import,
                            gconstpointer   space,
                            const char     *key,
                            gint64          value)
{
  GHashTable *values = g_hash_table_lookup (import->cache, space);

  if (values == NULL)
    {
      values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (import->cache, (gpointer) space, values);
    }
  g_hash_table_insert (values, g_strdup (key), g_memdup2 (&value, sizeof value));
}

gboolean
rei_store_begin_import (ReiStore           *self,
                        const char         *entity,
                        const char * const *deferred_indexes,
                        guint               n_rows,
                        GError            **error)
{
  ReiStoreImport *import;
  ReiStoreConnection *c;
  gboolean ok;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  if (rei_store_get_import (self) != NULL)
    {
      rei_store_rollback (self);
      g_return_val_if_reached (FALSE);
    }

  c = rei_store_lock_write (self);
  import = g_new0 (ReiStoreImport, 1);
  import->rebuild = g_ptr_array_new_with_free_func (g_free);
  import->cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_hash_table_unref);
  ok = rei_store_write_audit (self, entity, 0, "import", NULL, error);
  if (ok)
    {
      import->audit_id = sqlite3_last_insert_rowid (rei_store_connection_get_db (c));
      ok = deferred_indexes == NULL || defer_indexes (import, c, deferred_indexes, n_rows, error);
    }
  rei_store_unlock (c);

  if (!ok)
    {
      import_free (import);
      rei_store_rollback (self);
      return FALSE;
    }
  rei_store_set_import (self, import);
  return TRUE;
}

gboolean
rei_store_commit_import (ReiStore  *self,
                         guint      n_added,
                         guint      n_updated,
                         GError   **error)
{
  ReiStoreImport *import;
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  import = rei_store_get_import (self);
  g_return_val_if_fail (import != NULL, FALSE);

  c = rei_store_lock_write (self);
  ok = rebuild_indexes (import, c, error);
  if (ok)
    {
      /* Counts, not values: the trail must not become a copy of what it guards. */
      g_autofree char *detail = g_strdup_printf ("rows=%u,added=%u,updated=%u",
                                                 n_added + n_updated, n_added, n_updated);

      stmt = rei_store_prepare (c, "UPDATE audit SET detail = ? WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          rei_store_bind_text (stmt, 1, detail);
          sqlite3_bind_int64 (stmt, 2, import->audit_id);
          ok = sqlite3_step (stmt) == SQLITE_DONE
               || rei_store_set_sqlite_error (error, rei_store_connection_get_db (c),
                                              _("writing the audit trail"));
        }
    }
  rei_store_unlock (c);

  rei_store_set_import (self, NULL);
  import_free (import);
  if (!ok)
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

void
rei_store_rollback_import (ReiStore *self)
{
  ReiStoreImport *import;

  g_return_if_fail (REI_IS_STORE (self));
  import = rei_store_get_import (self);
  g_return_if_fail (import != NULL);

  rei_store_set_import (self, NULL);
  import_free (import);
  rei_store_rollback (self);
}

gboolean
rei_store_import_deferred (ReiStore *self)
{
  ReiStoreImport *import;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  import = rei_store_get_import (self);
  return import != NULL && import->rebuild->len > 0;
}

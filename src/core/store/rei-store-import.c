/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-store-import.h"
#include "rei-store-struct.h"

/* An import smaller than this keeps its indexes: rebuilding them would cost more than the few
 * inserts it saves. */
#define DEFER_MIN_ROWS 1000

/* Rows of one multi-row INSERT (rei_store_import_queue()).  SQLite's work per statement (its
 * cursors, the statement journal, the foreign keys' setup) was most of the cost of the small
 * rows an import writes for each person: 15 000 instructions a row one by one. */
#define BATCH_ROWS 64

typedef struct
{
  const char          *head;     /* "INSERT … VALUES " (its address names the batch) */
  const char          *tail;     /* after the rows ("ON CONFLICT …"), or NULL */
  const char          *types;    /* a letter a column: 'i' an integer, 'n' one or NULL, 't' a text */
  guint                n_columns;
  guint                n_rows;
  ReiStoreImportValue *values;   /* BATCH_ROWS × n_columns */
  sqlite3_stmt        *full;     /* prepared for BATCH_ROWS rows */
} Batch;

struct _ReiStoreImport
{
  gint64     audit_id;   /* the import's one audit row */
  GPtrArray *rebuild;    /* the CREATE INDEX statements of the indexes dropped for the load */
  GHashTable *cache;     /* space → (key → gint64), see rei_store_import_cache_get() */
  GPtrArray *batches;    /* Batch, in the order first queued to */
  GStringChunk *texts;   /* the queued texts, one copy of each */
  GHashTable *triggers;  /* name → its CREATE TRIGGER ("" when there was none to drop) */
};

static void
batch_free (gpointer data)
{
  Batch *b = data;

  sqlite3_finalize (b->full);
  g_free (b->values);
  g_free (b);
}

static void
import_free (ReiStoreImport *import)
{
  g_clear_pointer (&import->rebuild, g_ptr_array_unref);
  g_clear_pointer (&import->cache, g_hash_table_unref);
  g_clear_pointer (&import->batches, g_ptr_array_unref);
  g_clear_pointer (&import->texts, g_string_chunk_free);
  g_clear_pointer (&import->triggers, g_hash_table_unref);
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

/* "HEAD(?,?),(?,?)… TAIL" for n_rows rows: only placeholders are built, every value is bound. */
static sqlite3_stmt *
prepare_batch (sqlite3     *db,
               const Batch *b,
               guint        n_rows,
               GError     **error)
{
  g_autoptr(GString) sql = g_string_new (b->head);
  sqlite3_stmt *stmt = NULL;

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ",(" : "(");
      for (guint i = 0; i < b->n_columns; i++)
        g_string_append (sql, i > 0 ? ",?" : "?");
      g_string_append_c (sql, ')');
    }
  if (b->tail != NULL)
    g_string_append (sql, b->tail);
  if (sqlite3_prepare_v3 (db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, db, _("preparing a query"));
      return NULL;
    }
  return stmt;
}

static gboolean
flush_batch (Batch    *b,
             sqlite3  *db,
             GError  **error)
{
  sqlite3_stmt *stmt = b->n_rows == BATCH_ROWS ? b->full : NULL;
  gboolean ok;

  if (b->n_rows == 0)
    return TRUE;
  if (stmt == NULL)
    {
      stmt = prepare_batch (db, b, b->n_rows, error);
      if (stmt == NULL)
        return FALSE;
      if (b->n_rows == BATCH_ROWS)
        b->full = stmt;
    }
  for (guint i = 0; i < b->n_rows * b->n_columns; i++)
    {
      const ReiStoreImportValue *v = &b->values[i];

      char type = b->types[i % b->n_columns];

      if (type == 'i' || (type == 'n' && v->number >= 0))
        sqlite3_bind_int64 (stmt, i + 1, v->number);
      else if (type == 'n' || v->text == NULL)
        sqlite3_bind_null (stmt, i + 1);
      else
        /* The import's string chunk holds it until the import ends. */
        sqlite3_bind_text (stmt, i + 1, v->text, -1, SQLITE_STATIC);
    }
  ok = sqlite3_step (stmt) == SQLITE_DONE
       || rei_store_set_sqlite_error (error, db, _("saving the imported rows"));
  sqlite3_reset (stmt);
  if (stmt != b->full)
    sqlite3_finalize (stmt);
  b->n_rows = 0;
  return ok;
}

static gboolean
flush_all (ReiStoreImport      *import,
           ReiStoreConnection  *c,
           GError             **error)
{
  for (guint i = 0; i < import->batches->len; i++)
    if (!flush_batch (g_ptr_array_index (import->batches, i), rei_store_connection_get_db (c),
                      error))
      return FALSE;
  return TRUE;
}

static gboolean
queue_on (ReiStoreImport             *import,
          ReiStoreConnection         *c,
          const char                 *head,
          const char                 *tail,
          const char                 *types,
          const ReiStoreImportValue  *row,
          GError                    **error)
{
  Batch *b = NULL;

  /* A handful of kinds, the same few on every row: a walk beats hashing the address. */
  for (guint i = 0; i < import->batches->len && b == NULL; i++)
    if (((Batch *) g_ptr_array_index (import->batches, i))->head == head)
      b = g_ptr_array_index (import->batches, i);
  if (b == NULL)
    {
      b = g_new0 (Batch, 1);
      b->head = head;
      b->tail = tail;
      b->types = types;
      b->n_columns = strlen (types);
      b->values = g_new0 (ReiStoreImportValue, BATCH_ROWS * b->n_columns);
      g_ptr_array_add (import->batches, b);
    }
  g_return_val_if_fail (b->types == types || strcmp (b->types, types) == 0, FALSE);
  g_return_val_if_fail (b->tail == tail, FALSE);

  for (guint i = 0; i < b->n_columns; i++)
    {
      ReiStoreImportValue *v = &b->values[b->n_rows * b->n_columns + i];

      v->number = row[i].number;
      v->text = types[i] == 't' && row[i].text != NULL
                ? g_string_chunk_insert_const (import->texts, row[i].text) : NULL;
    }
  if (++b->n_rows == BATCH_ROWS)
    return flush_batch (b, rei_store_connection_get_db (c), error);
  return TRUE;
}

gboolean
rei_store_import_queue_with_tail (ReiStore                   *self,
                                  const char                 *head,
                                  const char                 *tail,
                                  const char                 *types,
                                  const ReiStoreImportValue  *row,
                                  GError                    **error)
{
  ReiStoreImport *import = rei_store_get_import (self);
  ReiStoreConnection *c;
  gboolean ok;

  g_return_val_if_fail (import != NULL, FALSE);
  c = rei_store_lock_write (self);
  ok = queue_on (import, c, head, tail, types, row, error);
  rei_store_unlock (c);
  return ok;
}

gboolean
rei_store_import_queue (ReiStore                   *self,
                        const char                 *head,
                        const char                 *types,
                        const ReiStoreImportValue  *row,
                        GError                    **error)
{
  return rei_store_import_queue_with_tail (self, head, NULL, types, row, error);
}

gboolean
rei_store_import_flush (ReiStore  *self,
                        GError   **error)
{
  ReiStoreImport *import;
  ReiStoreConnection *c;
  gboolean ok;

  /* Any thread may read; only the import's own sees its rows. */
  if (!rei_store_in_own_transaction (self))
    return TRUE;
  import = rei_store_get_import (self);
  if (import == NULL)
    return TRUE;
  c = rei_store_lock_write (self);
  ok = flush_all (import, c, error);
  rei_store_unlock (c);
  return ok;
}

gboolean
rei_store_import_suppress_trigger (ReiStore     *self,
                                   const char   *name,
                                   gboolean     *suppressed,
                                   GError      **error)
{
  ReiStoreImport *import = rei_store_get_import (self);
  const char *create;
  ReiStoreConnection *c;
  sqlite3_stmt *stmt;
  char *sql = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (import != NULL, FALSE);

  create = g_hash_table_lookup (import->triggers, name);
  if (create != NULL)
    {
      *suppressed = *create != '\0';
      return TRUE;
    }

  c = rei_store_lock_write (self);
  /* Rows queued before now were meant to fire it. */
  ok = flush_all (import, c, error);
  stmt = ok ? rei_store_prepare (c, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' "
                                    "AND name = ? AND sql IS NOT NULL", error) : NULL;
  if (stmt != NULL)
    {
      rei_store_bind_text (stmt, 1, name);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  ok = stmt != NULL;
  if (ok && sql != NULL)
    {
      char *drop = sqlite3_mprintf ("DROP TRIGGER \"%w\"", name);

      reset_statements (rei_store_connection_get_db (c));
      if (sqlite3_exec (rei_store_connection_get_db (c), drop, NULL, NULL, NULL) != SQLITE_OK)
        ok = rei_store_set_sqlite_error (error, rei_store_connection_get_db (c),
                                         _("preparing the import"));
      sqlite3_free (drop);
    }
  rei_store_unlock (c);
  if (!ok)
    {
      g_free (sql);
      return FALSE;
    }
  *suppressed = sql != NULL;
  g_hash_table_insert (import->triggers, g_strdup (name), sql != NULL ? sql : g_strdup (""));
  return TRUE;
}

/* The triggers dropped by rei_store_import_suppress_trigger(), created again as they were. */
static gboolean
restore_triggers (ReiStoreImport      *import,
                  ReiStoreConnection  *c,
                  GError             **error)
{
  sqlite3 *db = rei_store_connection_get_db (c);
  GHashTableIter iter;
  gpointer create;

  reset_statements (db);
  g_hash_table_iter_init (&iter, import->triggers);
  while (g_hash_table_iter_next (&iter, NULL, &create))
    if (*(const char *) create != '\0' && sqlite3_exec (db, create, NULL, NULL, NULL) != SQLITE_OK)
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
  /* OR REPLACE: a record written twice by one import is listed once, with its last change (a
   * batch's rows are written in order). */
  static const char head[] =
    "INSERT OR REPLACE INTO audit_item (entity, entity_id, audit_id, detail) VALUES ";
  ReiStoreImportValue row[4] = {
    { .text = entity }, { .number = entity_id }, { .number = import->audit_id }, { .text = detail },
  };

  return queue_on (import, c, head, NULL, "tiit", row, error);
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
  import->batches = g_ptr_array_new_with_free_func (batch_free);
  import->texts = g_string_chunk_new (4096);
  import->triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  /* The queued rows, then the triggers (they would fire for those), then the indexes. */
  ok = flush_all (import, c, error) && restore_triggers (import, c, error)
       && rebuild_indexes (import, c, error);
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

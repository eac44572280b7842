/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "rei-store.h"

G_BEGIN_DECLS

/* For the tests of the migrations: creates or upgrades a database only up to the given
 * version, as an older Reintegra would have left it. */
ReiStore *rei_store_open_at_version (const char *path,
                                     guint       version,
                                     GError    **error);

/* For the tests of the status filter: the day it takes as today (NULL: the real today), so that
 * month ends and leap days can be tested whatever the date of the run. */
void      rei_store_set_today       (ReiStore   *self,
                                     const char *today_iso);

/* Registers the collation and functions that the schema and the store's SQL use; for any other
 * connection to a Reintegra file (a backup, a test's raw connection). */
void      rei_store_register_sql    (sqlite3    *db);

/* The SQL helpers that each domain's store file (rei-store-<domain>.c) builds on.
 *
 * Reads: c = rei_store_lock_read (store); stmt = rei_store_prepare (c, "SELECT …", error);
 * bind, step, sqlite3_reset (stmt); rei_store_unlock (c).  A thread inside its own transaction
 * reads on the writer and sees its uncommitted rows; other reads go to a reader connection.
 *
 * Writes: rei_store_begin (); c = rei_store_lock_write (store); … rei_store_unlock (c);
 * rei_store_commit () or rei_store_rollback ().  Audit rows go in the same transaction.
 *
 * Statements are cached per connection keyed by the SQL's address: pass string literals only,
 * and bind every value (never build SQL from data). */
typedef struct _ReiStoreConnection ReiStoreConnection;

ReiStoreConnection *rei_store_lock_read        (ReiStore            *self);
/* Only between rei_store_begin() and the commit or rollback, in the same thread. */
ReiStoreConnection *rei_store_lock_write       (ReiStore            *self);
void                rei_store_unlock           (ReiStoreConnection  *c);
/* Cached, reset and with its bindings cleared; NULL with error set on failure. */
sqlite3_stmt       *rei_store_prepare          (ReiStoreConnection  *c,
                                                const char          *sql,
                                                GError             **error);
sqlite3            *rei_store_connection_get_db (ReiStoreConnection *c);
/* Sets a REI_STORE_ERROR from the connection's last error ("Database error while WHAT: …");
 * returns FALSE. */
gboolean            rei_store_set_sqlite_error (GError             **error,
                                                sqlite3             *db,
                                                const char          *what);
/* NULL binds SQL NULL. */
void                rei_store_bind_text        (sqlite3_stmt        *stmt,
                                                int                  index,
                                                const char          *text);
/* Inside the caller's transaction: who did what to which record (field names, never values). */
gboolean            rei_store_write_audit      (ReiStore            *self,
                                                const char          *entity,
                                                gint64               entity_id,
                                                const char          *action,
                                                const char          *detail,
                                                GError             **error);
/* The bulk import in progress (rei-store-import.h), or NULL.  Read and set only by the thread
 * that owns the transaction. */
typedef struct _ReiStoreImport ReiStoreImport;

ReiStoreImport     *rei_store_get_import       (ReiStore            *self);
void                rei_store_set_import       (ReiStore            *self,
                                                ReiStoreImport      *import);
/* What write_audit does with an insert or update during an import: a row of audit_item. */
gboolean            rei_store_import_add_item  (ReiStoreImport      *import,
                                                ReiStoreConnection  *c,
                                                const char          *entity,
                                                gint64               entity_id,
                                                const char          *detail,
                                                GError             **error);
/* A lookup that cannot change during the import unless the import itself changes it (a code
 * exists, the id of a workshop by name), remembered for the import's length: a sheet names the
 * same few on every row.  @space tells lookups apart (the SQL literal's address will do). */
gboolean            rei_store_import_cache_get (ReiStoreImport      *import,
                                                gconstpointer        space,
                                                const char          *key,
                                                gint64              *value);
void                rei_store_import_cache_put (ReiStoreImport      *import,
                                                gconstpointer        space,
                                                const char          *key,
                                                gint64               value);
/* Today as an ISO date, or the tests' override (rei_store_set_today()). */
char               *rei_store_get_today        (ReiStore            *self);

G_END_DECLS

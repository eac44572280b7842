/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "rei-progress.h"
#include "rei-store.h"
#include "rei-temp-file.h"

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

/* How long a connection waits for another program's lock: 10 s, or REINTEGRA_BUSY_TIMEOUT_MS. */
int       rei_store_busy_timeout_ms  (void);
/* How a long copy (a backup, a restore) reports and stops: its share of the whole work runs
 * from `from` to `from + span`; a cancelled copy stops between two chunks of pages and fails
 * with G_IO_ERROR_CANCELLED.  NULL: neither. */
typedef struct
{
  GCancellable    *cancellable;
  ReiProgressFunc  progress;
  gpointer         progress_data;
  double           from;
  double           span;
} ReiStoreSteps;

/* A consistent copy of the database at source_path (which may be in use) written to a private
 * (0600) temporary file beside destination and renamed into place when complete; cancelled or
 * failed, the temporary file is gone and destination as it was.  held (NULL: not wanted) gets
 * the committed temporary file, whose lock then stays on destination until it is freed: so
 * that nobody takes a file the caller is about to rename for a killed writer's leftover. */
gboolean  rei_store_copy_database    (const char          *source_path,
                                      const char          *destination,
                                      const ReiStoreSteps *steps,
                                      ReiTempFile        **held,
                                      GError             **error);
/* Copies with sqlite3_backup_step() a chunk at a time, reporting after each: SQLITE_DONE when
 * complete, SQLITE_INTERRUPT when steps' cancellable was cancelled, else SQLite's error.
 * wait_busy: retry a while when the source is busy (the destination's own busy handler waits
 * otherwise). */
int       rei_store_run_backup       (sqlite3_backup      *backup,
                                      const ReiStoreSteps *steps,
                                      gboolean             wait_busy);
void      rei_store_steps_report     (const ReiStoreSteps *steps,
                                      double               fraction);
/* Removes the DB.restoring a restore killed between its copy and its rename left beside the
 * database at db_path (a live restore's, locked, stays).  TRUE when there was one. */
gboolean  rei_store_remove_restore_leftover (const char *db_path);
/* Whether path is the database at db_path or one of its -wal, -shm, -journal. */
gboolean  rei_store_is_database_file (const char  *db_path,
                                      const char  *path);

/* The SQL helpers that each domain's store file (rei-store-<domain>.c) builds on.  Use
 * ReiStoreStatement (below), which does the whole dance in one place; the primitives here are
 * what it is made of, for the rare case it does not cover (several reads on one snapshot).
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
/* Now as the schema's DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'), UTC) writes it, without
 * SQLite's printf: "2026-12-02T11:20:05". */
void                rei_store_format_now       (char                 buf[32]);
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
/* Rows an import writes in batches: queued rows go to the database as one multi-row INSERT of
 * @head ("INSERT … INTO t (a, b) VALUES ", a literal: its address names the batch) every 64
 * rows, and the rest at the import's commit.  @types has a letter for each column: 'i' binds
 * row[i].number, 'n' the same or NULL when it is negative (the stores' "not known"), 't'
 * row[i].text (NULL binds NULL; the text is copied).  A failure of the
 * batch (nothing but a full disk or the like: the values were checked) is reported by whichever
 * call writes it, and undoes the import as any failure does.  A reader of the tables queued to
 * calls rei_store_import_flush() first (it does nothing outside an import, or in another
 * thread than the import's). */
typedef struct
{
  gint64      number;
  const char *text;
} ReiStoreImportValue;

gboolean            rei_store_import_queue     (ReiStore                   *self,
                                                const char                 *head,
                                                const char                 *types,
                                                const ReiStoreImportValue  *row,
                                                GError                    **error);
/* As rei_store_import_queue(), with @tail (a literal too) after the rows: "ON CONFLICT (…) DO
 * UPDATE SET a = excluded.a", an upsert of many rows, which SQLite does row by row in their order
 * as it would one statement a row. */
gboolean            rei_store_import_queue_with_tail (ReiStore                   *self,
                                                      const char                 *head,
                                                      const char                 *tail,
                                                      const char                 *types,
                                                      const ReiStoreImportValue  *row,
                                                      GError                    **error);
gboolean            rei_store_import_flush     (ReiStore            *self,
                                                GError             **error);
/* Drops the trigger @name for the rest of the import in progress, after writing the rows queued
 * before; it is created again from the SQL the schema holds for it before the commit, in the
 * same transaction (a rollback or a crash leaves it as it was).  *suppressed: whether it was
 * there, so that the caller now does its work itself (set-wise, in batches); FALSE on an older
 * schema without it.  Cheap to ask again for every row. */
gboolean            rei_store_import_suppress_trigger (ReiStore     *self,
                                                       const char   *name,
                                                       gboolean     *suppressed,
                                                       GError      **error);
/* Today as an ISO date, or the tests' override (rei_store_set_today()). */
char               *rei_store_get_today        (ReiStore            *self);

/* After an irreversible erasure (GDPR): folds the write-ahead log back into the database and
 * empties it, so that the pages which held the old values do not survive there.  Inside the
 * caller's own transaction nothing is written yet, so it does nothing: the caller's commit leaves
 * the log to the next checkpoint. */
void                rei_store_truncate_wal     (ReiStore            *self);

/* ReiStoreStatement: the lock-prepare-bind-step-reset-unlock dance in one place.  Declared with
 * g_auto(), it resets the statement and unlocks the connection on every way out of the scope,
 * so that no early return can leave a reader's snapshot open or a lock held.
 *
 *   g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
 *
 *   if (!rei_store_statement_read (&st, store, "SELECT label FROM outcome WHERE code = ?", error))
 *     return NULL;
 *   rei_store_statement_bind_text (&st, 1, code);
 *   while (rei_store_statement_next (&st))
 *     … sqlite3_column_text (st.stmt, 0) …
 *   if (!rei_store_statement_finish (&st, WHAT, error))
 *     return NULL;
 *
 * A write, inside rei_store_begin() … rei_store_commit():
 *
 *   if (!rei_store_statement_write (&st, store, "DELETE FROM plan WHERE id = ?", error))
 *     goto fail;
 *   rei_store_statement_bind_int64 (&st, 1, id);
 *   if (!rei_store_statement_exec (&st, WHAT, error))
 *     goto fail;
 *   if (rei_store_statement_changes (&st) == 0) …
 *
 * WHAT is the phrase of the error message, "Database error while WHAT: …", marked with the N_
 * macro but not translated: it is translated only when a step fails (a statement of an import
 * runs for every row, and a translation lookup costs more than a cached statement).  The SQL of
 * read() and write() is cached per connection by its address: string literals only, and the
 * same SQL not open twice at once.  Every value is bound, never pasted into the SQL.  st.stmt is
 * SQLite's statement, for binds and columns the helpers below do not cover; st.rc is the
 * (extended) code of the last step.  After finish() or clear(), st may open the next statement. */
typedef struct
{
  ReiStoreConnection *connection;
  sqlite3_stmt       *stmt;
  int                 rc;
  /*< private >*/
  gboolean            owned;      /* prepared for this use only: finalized, not reset */
  char               *failure;    /* SQLite's message when a step failed */
} ReiStoreStatement;

#define REI_STORE_STATEMENT_INIT { NULL, NULL, SQLITE_OK, FALSE, NULL }

/* Locks a reader (or the writer, inside the calling thread's own transaction) and prepares. */
gboolean     rei_store_statement_read          (ReiStoreStatement   *st,
                                                ReiStore            *self,
                                                const char          *sql,
                                                GError             **error);
/* Locks the writer and prepares; only inside the calling thread's own transaction. */
gboolean     rei_store_statement_write         (ReiStoreStatement   *st,
                                                ReiStore            *self,
                                                const char          *sql,
                                                GError             **error);
/* On a connection the caller has locked already (several reads on one snapshot). */
gboolean     rei_store_statement_on            (ReiStoreStatement   *st,
                                                ReiStoreConnection  *c,
                                                const char          *sql,
                                                GError             **error);
/* For SQL assembled from fixed fragments whose shape varies with the call (a list's filters):
 * prepared for this use only and finalized at the end, never cached.  A read, as
 * rei_store_statement_read(). */
gboolean     rei_store_statement_read_built    (ReiStoreStatement   *st,
                                                ReiStore            *self,
                                                const char          *sql,
                                                GError             **error);
/* NULL binds SQL NULL. */
void         rei_store_statement_bind_text     (ReiStoreStatement   *st,
                                                int                  index,
                                                const char          *text);
/* Without SQLite's copy of text, for a statement run with rei_store_statement_exec(): text
 * must stay as it is until that returns. */
void         rei_store_statement_bind_text_static (ReiStoreStatement *st,
                                                   int                index,
                                                   const char        *text);
void         rei_store_statement_bind_int64    (ReiStoreStatement   *st,
                                                int                  index,
                                                gint64               value);
/* Steps; TRUE while there is a row to read.  FALSE at the end or on failure: then
 * rei_store_statement_finish() tells which. */
gboolean     rei_store_statement_next          (ReiStoreStatement   *st);
/* Resets and unlocks; FALSE with error set ("Database error while WHAT: …", WHAT as
 * above) when a step failed.  Stopping before the last row is no failure. */
gboolean     rei_store_statement_finish        (ReiStoreStatement   *st,
                                                const char          *what,
                                                GError             **error);
/* Runs a statement that returns no row (INSERT, UPDATE, DELETE) to its end; keeps the lock, so
 * that rei_store_statement_changes() and _last_insert_id() can still be asked.  FALSE with error
 * set as above. */
gboolean     rei_store_statement_exec          (ReiStoreStatement   *st,
                                                const char          *what,
                                                GError             **error);
/* rei_store_statement_exec(), then clear(): for a write whose changes and row id nobody asks,
 * so that st may open the next statement at once. */
gboolean     rei_store_statement_run           (ReiStoreStatement   *st,
                                                const char          *what,
                                                GError             **error);
/* Column as a new string (NULL for SQL NULL). */
char        *rei_store_statement_dup_text      (ReiStoreStatement   *st,
                                                int                  column);
int          rei_store_statement_changes       (ReiStoreStatement   *st);
gint64       rei_store_statement_last_insert_id (ReiStoreStatement  *st);
/* Ends the write the calling thread began with rei_store_begin(): clears st (NULL: none) so that
 * no statement or lock outlives it, then commits when ok, else rolls back and returns FALSE. */
gboolean     rei_store_end_write               (ReiStore            *self,
                                                ReiStoreStatement   *st,
                                                gboolean             ok,
                                                GError             **error);
/* Resets (or finalizes) and unlocks; safe to call twice.  g_auto() calls it. */
void         rei_store_statement_clear         (ReiStoreStatement   *st);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReiStoreStatement, rei_store_statement_clear)

G_END_DECLS

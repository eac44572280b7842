/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* The store's SQLite connections: opening one, its statement cache, which connection a read or
 * a write takes and its lock, errors, and ReiStoreStatement, the one helper that every store
 * file (the store's own and each domain's rei-store-<domain>.c) runs its SQL through. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include "rei-collation.h"
#include "rei-date.h"
#include "rei-store-struct.h"

/* SQLite reports a write refused for lack of room only when the kernel said ENOSPC; a quota
 * (EDQUOT) or a file-size limit (EFBIG) comes out as a plain write error, and the errno is
 * gone by the time the statement returns.  Ask the file system and the process instead. */
static gboolean
write_hit_a_limit (sqlite3 *db,
                   int      code)
{
  const char *file = sqlite3_db_filename (db, "main");
  struct rlimit limit;
  struct statvfs fs;

  if (code != SQLITE_IOERR_WRITE && code != SQLITE_IOERR_TRUNCATE && code != SQLITE_IOERR_FSYNC)
    return FALSE;
  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    return TRUE;
  return file != NULL && file[0] != '\0' && statvfs (file, &fs) == 0 &&
         (guint64) fs.f_bavail * fs.f_frsize < 1024 * 1024;
}

/* SQLite's result codes in words a clerk can act on.  The disk being full, the file being
 * read-only, another program holding the lock and a damaged file each have a remedy the clerk
 * (or whoever looks after the computer) can apply, so each gets its own sentence and code. */
static gboolean
set_sqlite_error_message (GError     **error,
                          sqlite3     *db,
                          int          code,
                          const char  *message,
                          const char  *what)
{
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  ReiStoreError our_code = REI_STORE_ERROR_FAILED;

  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      our_code = REI_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_FULL:
      our_code = REI_STORE_ERROR_DISK_FULL;
      break;
    case SQLITE_IOERR:
      /* A write past a quota or a file-size limit is a full disk to the clerk, too. */
      our_code = (sys_errno == ENOSPC || sys_errno == EFBIG || sys_errno == EDQUOT ||
                  (db != NULL && write_hit_a_limit (db, code)))
        ? REI_STORE_ERROR_DISK_FULL : REI_STORE_ERROR_IO;
      break;
    case SQLITE_READONLY:
      our_code = REI_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      our_code = REI_STORE_ERROR_BUSY;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      our_code = REI_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_CANTOPEN:
      /* Typically the -wal or -shm that cannot be created in a write-protected folder. */
      our_code = (sys_errno == EACCES || sys_errno == EPERM || sys_errno == EROFS)
        ? REI_STORE_ERROR_READ_ONLY : REI_STORE_ERROR_OPEN;
      break;
    default:
      break;
    }

  /* SQLite's own text names the table and column, never a value, so it is safe to show. */
  switch (our_code)
    {
    case REI_STORE_ERROR_DISK_FULL:
      g_set_error (error, REI_STORE_ERROR, our_code,
                   _("The disk is full: the database could not be written while %s. Nothing "
                     "was changed. Free some space on the disk and try again."), what);
      break;
    case REI_STORE_ERROR_READ_ONLY:
      g_set_error (error, REI_STORE_ERROR, our_code,
                   _("The database is read-only: it could not be written while %s. Nothing was "
                     "changed. Check that you may write to the file and to its folder."), what);
      break;
    case REI_STORE_ERROR_BUSY:
      g_set_error (error, REI_STORE_ERROR, our_code,
                   _("Another program is using the database: it stayed locked while %s. Nothing "
                     "was changed. Wait for the other program to finish (or close it) and try "
                     "again."), what);
      break;
    case REI_STORE_ERROR_CORRUPT:
      g_set_error (error, REI_STORE_ERROR, our_code,
                   _("The database is damaged (found while %s): %s. Restore it from a backup."),
                   what, message);
      break;
    case REI_STORE_ERROR_IO:
      g_set_error (error, REI_STORE_ERROR, our_code,
                   _("The disk could not be read or written while %s: %s. Check the disk and "
                     "try again."), what, sys_errno != 0 ? g_strerror (sys_errno)
                                                         : message);
      break;
    case REI_STORE_ERROR_OPEN:
      g_set_error (error, REI_STORE_ERROR, our_code,
                   _("The database file could not be opened while %s: %s. Check that it exists "
                     "and that you may read and write it."), what,
                   sys_errno != 0 ? g_strerror (sys_errno) : message);
      break;
    default:
      g_set_error (error, REI_STORE_ERROR, our_code, _("Database error while %s: %s"),
                   what, message);
      break;
    }
  return FALSE;
}

/* How long a write waits for another program's transaction before it gives up; the tests of
 * a locked database shorten it (REINTEGRA_BUSY_TIMEOUT_MS) so as not to wait ten seconds. */
int
rei_store_busy_timeout_ms (void)
{
  const char *text = g_getenv ("REINTEGRA_BUSY_TIMEOUT_MS");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 600000, &value, NULL))
    return (int) value;
  return 10000;
}

gboolean
rei_store_set_sqlite_error (GError     **error,
                            sqlite3     *db,
                            const char  *what)
{
  return set_sqlite_error_message (error, db, sqlite3_extended_errcode (db), sqlite3_errmsg (db),
                                   what);
}

void
rei_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static int
collate_pl (void       *data,
            int         a_len,
            const void *a,
            int         b_len,
            const void *b)
{
  return rei_collation_compare_n (a, a_len, b, b_len);
}

/* rei_add_months(iso, n): the date n months after an ISO date, as GDate counts it.  SQLite's
 * own date(x, '+1 months') rolls 31 January over into March, while a period in months ends in
 * the last day of a shorter month (and rei-lifecycle.c counts it so); the status filter of the
 * residents list must agree with the status the window shows, so both use GDate. */
static void
sql_add_months (sqlite3_context  *ctx,
                int               argc,
                sqlite3_value   **argv)
{
  const char *iso = (const char *) sqlite3_value_text (argv[0]);
  int months = sqlite3_value_int (argv[1]);
  g_autofree char *result = NULL;
  GDate date;

  if (iso == NULL || !rei_date_iso_to_gdate (iso, &date))
    {
      sqlite3_result_null (ctx);
      return;
    }
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  result = rei_date_to_iso (&date);
  sqlite3_result_text (ctx, result, -1, SQLITE_TRANSIENT);
}

/* The collation "pl" (the resident_name index sorts by it) and rei_add_months(), on any
 * connection to one of our files: every connection that writes to an index must compare exactly
 * as the one that built it. */
void
rei_store_register_sql (sqlite3 *db)
{
  sqlite3_create_collation_v2 (db, "pl", SQLITE_UTF8, NULL, collate_pl, NULL);
  sqlite3_create_function_v2 (db, "rei_add_months", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                              NULL, sql_add_months, NULL, NULL, NULL);
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

gboolean
rei_store_connection_open (ReiStoreConnection  *c,
                           const char          *path,
                           GError             **error)
{
  static const char *pragmas =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA secure_delete = ON;"
    "PRAGMA synchronous = FULL;"
    /* A 100 000-person list is read from the page cache (32 MiB), not a pread per page. */
    "PRAGMA cache_size = -32768;";
  static gsize configured;
  int rc;

  /* Set for the whole process, before SQLite starts (when something started it already, a
   * test's raw connection, it keeps its defaults):
   * - no count of the memory SQLite holds: it takes a global mutex on every allocation, a few
   *   per row of an import, and nothing of ours reads it;
   * - no bulk page-cache allocation per b-tree: every CHECK (x IN (three or more values)) builds
   *   a temporary b-tree for each row written, and glibc gave its 80 KiB back to the kernel and
   *   took it again (brk) each time: 10 000 partners took 2.3 s, 1.5 s of it in the kernel;
   * - statement journals always in memory: past 64 KiB SQLite moved one to a file in /var/tmp,
   *   copies of database pages written outside the database's folder, a page at a time (the
   *   enrolments import wrote 24 pages a row there, 95 % of its system time). */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      sqlite3_config (SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
      sqlite3_config (SQLITE_CONFIG_STMTJRNL_SPILL, -1);
      g_once_init_leave (&configured, 1);
    }

  rc = sqlite3_open_v2 (path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), path,
                   c->db ? sqlite3_errmsg (c->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  /* SQLite opens a write-protected file read-only without a word; every later write would then
   * fail half-way through the clerk's work, so say it now. */
  if (sqlite3_db_readonly (c->db, "main") == 1)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_READ_ONLY,
                   _("The database is read-only: “%s” cannot be written. Nothing was changed. "
                     "Check that you may write to the file and to its folder."), path);
      return FALSE;
    }

  sqlite3_extended_result_codes (c->db, TRUE);
  sqlite3_busy_timeout (c->db, rei_store_busy_timeout_ms ());
  rei_store_register_sql (c->db);
  /* Keyed by the address of the SQL literal, not its text: hashing a 600-character statement
   * on every use was 2 % of an import. */
  c->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         statement_free);

  if (sqlite3_exec (c->db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
    return rei_store_set_sqlite_error (error, c->db, _("setting up the connection"));
  return TRUE;
}

void
rei_store_connection_clear (ReiStoreConnection *c)
{
  g_clear_pointer (&c->statements, g_hash_table_unref);
  if (c->db != NULL)
    {
      sqlite3_close_v2 (c->db);
      c->db = NULL;
    }
  g_rec_mutex_clear (&c->lock);
}

guint
rei_store_db_query_uint (sqlite3    *db,
                         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  guint value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Statements are cached per connection with their SQL as key; the SQL strings are literals, so
 * the key needs no copy. */
sqlite3_stmt *
rei_store_prepare (ReiStoreConnection  *c,
                   const char          *sql,
                   GError             **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (c->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, c->db, _("preparing a query"));
      return NULL;
    }
  g_hash_table_insert (c->statements, (gpointer) sql, stmt);
  return stmt;
}

sqlite3 *
rei_store_connection_get_db (ReiStoreConnection *c)
{
  return c->db;
}

/* tx_owner is set by the owning thread itself, so that thread always reads its own value; any
 * other thread reads some other value or NULL, never its own, without taking the writer lock. */
gboolean
rei_store_in_own_transaction (ReiStore *self)
{
  return g_atomic_pointer_get (&self->tx_owner) == (gpointer) g_thread_self ();
}

/* Picks the connection for a read and locks it.  A thread inside its own transaction reads on
 * the writer, to see its own uncommitted rows; every other read goes to a reader, which in WAL
 * mode sees the last committed state at once, even while another thread holds a long import. */
ReiStoreConnection *
rei_store_lock_read (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (rei_store_in_own_transaction (self))
    {
      g_rec_mutex_lock (&self->writer.lock);
      return &self->writer;
    }
  /* A free reader, or one this thread holds already (the locks are recursive).  A thread never
   * waits while it holds a reader, so two threads cannot wait for each other. */
  for (guint i = 0; i < G_N_ELEMENTS (self->readers); i++)
    if (g_rec_mutex_trylock (&self->readers[i].lock))
      return &self->readers[i];
  g_rec_mutex_lock (&self->readers[0].lock);
  return &self->readers[0];
}

ReiStoreConnection *
rei_store_lock_write (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (rei_store_in_own_transaction (self), NULL);
  g_rec_mutex_lock (&self->writer.lock);
  return &self->writer;
}

void
rei_store_unlock (ReiStoreConnection *c)
{
  g_rec_mutex_unlock (&c->lock);
}

/* ReiStoreStatement. */

/* Prepares on c, which the caller has just locked for the statement (NULL: the lock was refused
 * for a programming error, already reported). */
static gboolean
statement_open (ReiStoreStatement   *st,
                ReiStoreConnection  *c,
                gboolean             owned,
                const char          *sql,
                GError             **error)
{
  if (c == NULL)
    return FALSE;

  st->connection = c;
  st->owned = owned;
  st->rc = SQLITE_OK;
  if (owned)
    {
      if (sqlite3_prepare_v2 (c->db, sql, -1, &st->stmt, NULL) != SQLITE_OK)
        {
          rei_store_set_sqlite_error (error, c->db, _("preparing a query"));
          g_clear_pointer (&st->stmt, sqlite3_finalize);
        }
    }
  else
    st->stmt = rei_store_prepare (c, sql, error);

  if (st->stmt == NULL)
    {
      rei_store_statement_clear (st);
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_store_statement_read (ReiStoreStatement  *st,
                          ReiStore           *self,
                          const char         *sql,
                          GError            **error)
{
  g_return_val_if_fail (st != NULL && st->connection == NULL, FALSE);
  return statement_open (st, rei_store_lock_read (self), FALSE, sql, error);
}

gboolean
rei_store_statement_write (ReiStoreStatement  *st,
                           ReiStore           *self,
                           const char         *sql,
                           GError            **error)
{
  g_return_val_if_fail (st != NULL && st->connection == NULL, FALSE);
  return statement_open (st, rei_store_lock_write (self), FALSE, sql, error);
}

gboolean
rei_store_statement_on (ReiStoreStatement   *st,
                        ReiStoreConnection  *c,
                        const char          *sql,
                        GError             **error)
{
  g_return_val_if_fail (st != NULL && st->connection == NULL, FALSE);
  g_return_val_if_fail (c != NULL, FALSE);

  g_rec_mutex_lock (&c->lock);
  return statement_open (st, c, FALSE, sql, error);
}

gboolean
rei_store_statement_read_built (ReiStoreStatement  *st,
                                ReiStore           *self,
                                const char         *sql,
                                GError            **error)
{
  g_return_val_if_fail (st != NULL && st->connection == NULL, FALSE);
  return statement_open (st, rei_store_lock_read (self), TRUE, sql, error);
}

void
rei_store_statement_bind_text (ReiStoreStatement *st,
                               int                index,
                               const char        *text)
{
  rei_store_bind_text (st->stmt, index, text);
}

void
rei_store_statement_bind_text_static (ReiStoreStatement *st,
                                      int                index,
                                      const char        *text)
{
  if (text == NULL)
    sqlite3_bind_null (st->stmt, index);
  else
    sqlite3_bind_text (st->stmt, index, text, -1, SQLITE_STATIC);
}

void
rei_store_statement_bind_int64 (ReiStoreStatement *st,
                                int                index,
                                gint64             value)
{
  sqlite3_bind_int64 (st->stmt, index, value);
}

/* One step; on failure, SQLite's message now, before the caller asks anything else of the
 * connection. */
static void
statement_step (ReiStoreStatement *st)
{
  st->rc = sqlite3_step (st->stmt);
  if (st->rc != SQLITE_ROW && st->rc != SQLITE_DONE && st->failure == NULL)
    st->failure = g_strdup (sqlite3_errmsg (st->connection->db));
}

gboolean
rei_store_statement_next (ReiStoreStatement *st)
{
  g_return_val_if_fail (st->stmt != NULL, FALSE);

  /* After the end or a failure, stepping again would run the statement anew. */
  if (st->rc != SQLITE_OK && st->rc != SQLITE_ROW)
    return FALSE;
  statement_step (st);
  return st->rc == SQLITE_ROW;
}

static gboolean
statement_check (ReiStoreStatement  *st,
                 const char         *what,
                 GError            **error)
{
  if (st->rc == SQLITE_OK || st->rc == SQLITE_ROW || st->rc == SQLITE_DONE)
    return TRUE;
  return set_sqlite_error_message (error, st->connection != NULL ? st->connection->db : NULL,
                                   st->rc, st->failure, _(what));
}

gboolean
rei_store_statement_finish (ReiStoreStatement  *st,
                            const char         *what,
                            GError            **error)
{
  gboolean ok = statement_check (st, what, error);

  rei_store_statement_clear (st);
  return ok;
}

gboolean
rei_store_statement_exec (ReiStoreStatement  *st,
                          const char         *what,
                          GError            **error)
{
  g_return_val_if_fail (st->stmt != NULL, FALSE);

  statement_step (st);
  if (st->rc == SQLITE_ROW)
    {
      /* A row that nobody reads: the statement still ran, but would stay active. */
      sqlite3_reset (st->stmt);
      st->rc = SQLITE_DONE;
    }
  return statement_check (st, what, error);
}

gboolean
rei_store_statement_run (ReiStoreStatement  *st,
                         const char         *what,
                         GError            **error)
{
  gboolean ok = rei_store_statement_exec (st, what, error);

  rei_store_statement_clear (st);
  return ok;
}

char *
rei_store_statement_dup_text (ReiStoreStatement *st,
                              int                column)
{
  return g_strdup ((const char *) sqlite3_column_text (st->stmt, column));
}

int
rei_store_statement_changes (ReiStoreStatement *st)
{
  return sqlite3_changes (st->connection->db);
}

gint64
rei_store_statement_last_insert_id (ReiStoreStatement *st)
{
  return sqlite3_last_insert_rowid (st->connection->db);
}

gboolean
rei_store_end_write (ReiStore           *self,
                     ReiStoreStatement  *st,
                     gboolean            ok,
                     GError            **error)
{
  if (st != NULL)
    rei_store_statement_clear (st);
  if (!ok)
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

void
rei_store_statement_clear (ReiStoreStatement *st)
{
  if (st->stmt != NULL)
    {
      if (st->owned)
        sqlite3_finalize (st->stmt);
      /* Only a statement stopped before its end still holds a read snapshot; one that ran to
       * its end or failed does not, and the next use of a cached one resets it anyway. */
      else if (sqlite3_stmt_busy (st->stmt))
        sqlite3_reset (st->stmt);
      st->stmt = NULL;
    }
  if (st->connection != NULL)
    {
      rei_store_unlock (st->connection);
      st->connection = NULL;
    }
  g_clear_pointer (&st->failure, g_free);
  st->owned = FALSE;
}

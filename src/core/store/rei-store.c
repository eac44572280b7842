/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* The ReiStore object: opening a file (after checking its header, creating it private), the
 * schema and its migrations, and transactions.  Its connections are in rei-store-connection.c;
 * the audit trail, settings, lookups and maintenance in rei-store-<concern>.c beside it; each
 * domain's SQL in src/core/<domain>/rei-store-<domain>.c. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rei-core-resources.h"
#include "rei-date.h"
#include "rei-store-struct.h"

#define MIGRATIONS_PATH "/io/github/reintegra/Reintegra/core/sql"
#define SQLITE_HEADER "SQLite format 3"

G_DEFINE_FINAL_TYPE (ReiStore, rei_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rei-store-error-quark, rei_store_error)

static gsize latest_version;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Two ways a file reaches us incomplete, both refused before SQLite may write to it: the main
 * file cut short (a copy that stopped half-way, a full disk on another machine), which SQLite
 * would only notice at the first page it misses; and a write-ahead log lost after a crash (a
 * copy or a sync tool that took the -shm but not the -wal).  In the second case the -shm,
 * which the crash left behind, still counts the committed frames that never reached the main
 * file: opening without them would silently drop the last saved changes, and SQLite would then
 * rebuild the -shm and destroy the evidence. */
static gboolean
check_complete (const char    *path,
                const guint8  *header,
                GError       **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf st;
  guint32 page_size = ((guint32) header[16] << 8) | header[17];
  guint32 n_pages = read_be32 (header + 28);
  gboolean wal_mode = header[18] == 2 || header[19] == 2;

  if (page_size == 1)
    page_size = 65536;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    /* The log may hold pages the main file has not got yet; SQLite reads them from there. */
    return TRUE;

  /* The size in the header counts only when the change counter agrees with the
   * version-valid-for number (SQLite's own rule); then a shorter file has lost pages. */
  if (n_pages > 0 && memcmp (header + 24, header + 92, 4) == 0 && g_stat (path, &st) == 0 &&
      (guint64) st.st_size < (guint64) n_pages * page_size)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: the file is cut short (%lld of %llu bytes). "
                     "Nothing was changed. Restore it from a backup."),
                   path, (long long) st.st_size, (unsigned long long) n_pages * page_size);
      return FALSE;
    }

  if (wal_mode && !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      guint32 index[25];
      ssize_t n = 0;
      int fd = g_open (shm, O_RDONLY | O_CLOEXEC, 0);

      if (fd >= 0)
        {
          n = read (fd, index, sizeof index);
          close (fd);
        }
      /* The -shm is in the machine's byte order: mxFrame at byte 16 of the index header, the
       * frames already copied into the main file (nBackfill) at byte 96. */
      if (n == (ssize_t) sizeof index && index[4] > index[24])
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CORRUPT,
                       _("The journal of the database “%s” (the file ending in “-wal”) is "
                         "missing: the last changes saved before Reintegra stopped are in it. "
                         "Nothing was changed. Put the -wal file back beside the database, or "
                         "restore a backup."), path);
          return FALSE;
        }
    }
  return TRUE;
}

/* While another connection (the window) has the file open, the newest first page may still be
 * in the -wal: a database created, migrated or restored since the last checkpoint has its
 * application id and schema version there, and the main file's header lags behind.  SQLite
 * reads through the log without writing (read-only, the -shm exists while it is open). */
static void
read_ids_through_wal (const char *path,
                      guint32    *app_id,
                      guint32    *user_version)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (g_stat (wal, &st) != 0 || st.st_size == 0)
    return;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      rei_store_register_sql (db);
      if (sqlite3_prepare_v2 (db, "SELECT * FROM pragma_application_id, pragma_user_version",
                              -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        {
          *app_id = (guint32) sqlite3_column_int64 (stmt, 0);
          *user_version = (guint32) sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close_v2 (db);
}

/* Reads the fixed 100-byte SQLite header without SQLite, so that a file which is not ours is
 * refused before anything could write to it (even opening in WAL mode writes). */
static gboolean
check_header (const char  *path,
              gboolean    *exists,
              GError     **error)
{
  guint8 header[100];
  guint32 app_id, user_version;
  ssize_t n;
  int fd;

  *exists = FALSE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }

  *exists = TRUE;
  n = read (fd, header, sizeof header);
  close (fd);

  /* An empty file is an empty database: a file manager's "New document" gives one.  It was
   * made with the desktop's umask, and personal data is about to go into it. */
  if (n == 0)
    {
      if (g_chmod (path, 0600) != 0)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                       _("Cannot make “%s” private: %s"), path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  if (n > 0 && n < (ssize_t) sizeof header &&
      memcmp (header, SQLITE_HEADER, MIN ((gsize) n, sizeof SQLITE_HEADER)) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: the file is cut short. Restore it from a "
                     "backup."), path);
      return FALSE;
    }

  if (n < (ssize_t) sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Reintegra database (it is not an SQLite file)."), path);
      return FALSE;
    }

  user_version = ((guint32) header[60] << 24) | (header[61] << 16) | (header[62] << 8) | header[63];
  app_id = ((guint32) header[68] << 24) | (header[69] << 16) | (header[70] << 8) | header[71];
  read_ids_through_wal (path, &app_id, &user_version);

  if (app_id != REI_STORE_APPLICATION_ID)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not of Reintegra."), path);
      return FALSE;
    }

  if (user_version > rei_store_get_latest_version ())
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Reintegra (schema %u; this version "
                     "knows %u). Update the program to open it."),
                   path, user_version, rei_store_get_latest_version ());
      return FALSE;
    }

  return check_complete (path, header, error);
}

/* The database and its -wal and -shm files hold special categories of personal data; SQLite
 * gives the side files the mode of the main file, so creating that one 0600 is enough. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot create the database “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are resources named NNNN-description.sql; their number is the schema version they
 * bring the database to. */
static GPtrArray *
list_migrations (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      rei_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

guint
rei_store_get_latest_version (void)
{
  if (g_once_init_enter (&latest_version))
    {
      g_autoptr(GPtrArray) list = list_migrations ();
      guint v = 0;

      for (guint i = 0; i < list->len; i++)
        v = MAX (v, (guint) g_ascii_strtoull (g_ptr_array_index (list, i), NULL, 10));
      g_once_init_leave (&latest_version, v);
    }
  return (guint) latest_version;
}

static gboolean
migrate (ReiStore  *self,
         guint      target,
         GError   **error)
{
  sqlite3 *db = self->writer.db;
  g_autoptr(GPtrArray) list = list_migrations ();
  guint current = rei_store_db_query_uint (db, "PRAGMA user_version");

  if (current >= target)
    {
      self->version = current;
      return TRUE;
    }

  /* All pending migrations in one transaction: a failure half-way leaves the file at the
   * version it had, never at one that no release of Reintegra ever wrote. */
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return rei_store_set_sqlite_error (error, db, _("starting the schema upgrade"));

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      guint v = (guint) g_ascii_strtoull (name, NULL, 10);
      g_autofree char *res_path = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (v <= current || v > target)
        continue;

      res_path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
      bytes = g_resources_lookup_data (res_path, 0, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_MIGRATION,
                       _("Upgrading the database to schema %u failed: %s"), v, sqlite3_errmsg (db));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                                               (int) REI_STORE_APPLICATION_ID, target);
    if (sqlite3_exec (db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
      {
        rei_store_set_sqlite_error (error, db, _("finishing the schema upgrade"));
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }

  self->version = target;
  return TRUE;
}

static void
rei_store_finalize (GObject *object)
{
  ReiStore *self = (ReiStore *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->readers); i++)
    rei_store_connection_clear (&self->readers[i]);
  rei_store_connection_clear (&self->writer);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->today_override);

  G_OBJECT_CLASS (rei_store_parent_class)->finalize (object);
}

enum {
  REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rei_store_class_init (ReiStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_store_finalize;

  /* Everything in the database was replaced under the open store (a backup was restored into
   * it): whatever was read from it before is stale.  Emitted by rei_store_notify_replaced(), in
   * the thread that calls it. */
  signals[REPLACED] = g_signal_new ("replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rei_store_init (ReiStore *self)
{
  g_rec_mutex_init (&self->writer.lock);
  for (guint i = 0; i < G_N_ELEMENTS (self->readers); i++)
    g_rec_mutex_init (&self->readers[i].lock);
  self->actor = g_strdup (g_get_user_name ());
}

ReiStore *
rei_store_open_at_version (const char  *path,
                           guint        version,
                           GError     **error)
{
  g_autoptr(ReiStore) self = NULL;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &exists, error))
    return NULL;
  /* The copy of a restore killed on the way, beside the database, goes now rather than never. */
  rei_store_remove_restore_leftover (path);
  if (!exists && !create_private_file (path, error))
    return NULL;

  self = g_object_new (REI_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!rei_store_connection_open (&self->writer, path, error))
    return NULL;

  /* WAL lets the window read while an import writes; FULL keeps a committed row through a
   * power cut.  Only now, after the header check, may SQLite write to the file. */
  if (sqlite3_exec (self->writer.db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, self->writer.db, _("switching the journal to WAL"));
      return NULL;
    }

  if (!migrate (self, version, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (self->readers); i++)
    if (!rei_store_connection_open (&self->readers[i], path, error))
      return NULL;

  return g_steal_pointer (&self);
}

ReiStore *
rei_store_open (const char  *path,
                GError     **error)
{
  return rei_store_open_at_version (path, rei_store_get_latest_version (), error);
}

const char *
rei_store_get_path (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return self->path;
}

void
rei_store_notify_replaced (ReiStore *self)
{
  ReiStoreConnection *c;

  g_return_if_fail (REI_IS_STORE (self));

  /* A restored backup of an older schema was upgraded when the restore opened it. */
  c = rei_store_lock_read (self);
  self->version = rei_store_db_query_uint (rei_store_connection_get_db (c), "PRAGMA user_version");
  rei_store_unlock (c);
  g_signal_emit (self, signals[REPLACED], 0);
}

guint
rei_store_get_version (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), 0);
  return self->version;
}

void
rei_store_set_today (ReiStore   *self,
                     const char *today_iso)
{
  g_return_if_fail (REI_IS_STORE (self));
  g_free (self->today_override);
  self->today_override = g_strdup (today_iso);
}

char *
rei_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reintegra", "reintegra.db", NULL);
}

void
rei_store_set_actor (ReiStore   *self,
                     const char *actor)
{
  g_return_if_fail (REI_IS_STORE (self));
  g_free (self->actor);
  self->actor = g_strdup (actor ? actor : g_get_user_name ());
}

gboolean
rei_store_begin (ReiStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  /* The writer stays locked until the outermost commit or rollback, so that no other thread
   * slips its statements into this transaction. */
  g_rec_mutex_lock (&self->writer.lock);
  if (self->tx_depth == 0)
    {
      if (sqlite3_exec (self->writer.db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        {
          rei_store_set_sqlite_error (error, self->writer.db, _("starting a transaction"));
          g_rec_mutex_unlock (&self->writer.lock);
          return FALSE;
        }
      g_atomic_pointer_set (&self->tx_owner, g_thread_self ());
      self->tx_rollback_only = FALSE;
    }
  self->tx_depth++;
  return TRUE;
}

static void
end_transaction (ReiStore *self)
{
  self->tx_depth--;
  if (self->tx_depth == 0)
    g_atomic_pointer_set (&self->tx_owner, NULL);
  g_rec_mutex_unlock (&self->writer.lock);
}

gboolean
rei_store_commit (ReiStore  *self,
                  GError   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (rei_store_in_own_transaction (self), FALSE);

  if (self->tx_depth == 1)
    {
      if (self->tx_rollback_only)
        {
          sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_FAILED,
                       _("The changes were not saved because part of them failed."));
          ok = FALSE;
        }
      else if (sqlite3_exec (self->writer.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          ok = rei_store_set_sqlite_error (error, self->writer.db, _("saving the changes"));
          sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);
        }
    }
  end_transaction (self);
  return ok;
}

void
rei_store_rollback (ReiStore *self)
{
  g_return_if_fail (REI_IS_STORE (self));
  g_return_if_fail (rei_store_in_own_transaction (self));

  if (self->tx_depth == 1)
    sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);
  else
    self->tx_rollback_only = TRUE;
  end_transaction (self);
}

char *
rei_store_get_today (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (self->today_override != NULL)
    return g_strdup (self->today_override);
  return rei_date_today_iso ();
}

void
rei_store_truncate_wal (ReiStore *self)
{
  sqlite3_stmt *stmt = NULL;

  g_return_if_fail (REI_IS_STORE (self));

  if (rei_store_in_own_transaction (self))
    return;

  g_rec_mutex_lock (&self->writer.lock);
  if (sqlite3_prepare_v2 (self->writer.db, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &stmt,
                          NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_int (stmt, 0) != 0)
    g_warning ("The write-ahead log could not be emptied after an anonymisation because the "
               "database is busy; it will be at the next checkpoint.");
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->writer.lock);
}

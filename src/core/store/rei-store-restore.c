/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rei-store-maintenance.h"
#include "rei-store-private.h"

/* Putting a backup back.  The backup is checked whole before anything is touched; the database
 * it replaces is kept beside it; and the replacement is one SQLite transaction on the database
 * itself (the backup API writing into it), so that the window, which may have the same file
 * open, sees either the old register or the restored one, and a crash half-way leaves the old
 * one.  Renaming a new file over an open database would leave the other connections writing
 * their -wal into a file that no longer belongs to it. */

#define SQLITE_HEADER "SQLite format 3"

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The first 100 bytes of path; 0 when it is missing or empty, -1 with error on failure. */
static gssize
read_header (const char  *path,
             guint8       header[100],
             GError     **error)
{
  ssize_t n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      if (errno == ENOENT)
        return 0;
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN, _("Cannot read “%s”: %s"),
                   path, g_strerror (errno));
      return -1;
    }
  n = read (fd, header, 100);
  close (fd);
  return n < 0 ? 0 : n;
}

static gboolean
is_sqlite_header (const guint8 *header,
                  gssize        n)
{
  return n >= (gssize) sizeof SQLITE_HEADER &&
         memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) == 0;
}

static int
interrupt_cb (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

static gboolean verify_backup (const char    *path,
                               guint         *version,
                               GCancellable  *cancellable,
                               GError       **error);

gboolean
rei_store_verify_backup (const char  *path,
                         guint       *version,
                         GError     **error)
{
  return verify_backup (path, version, NULL, error);
}

/* The integrity check reads every page of the backup: Cancel stops it between two of SQLite's
 * virtual machine steps. */
static gboolean
verify_backup (const char    *path,
               guint         *version,
               GCancellable  *cancellable,
               GError       **error)
{
  guint8 header[100];
  gssize n;
  guint32 app_id, user_version, page_size, n_pages;
  GStatBuf st;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  n = read_header (path, header, error);
  if (n < 0)
    return FALSE;
  if (n == 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                   _("The backup “%s” does not exist."), path);
      return FALSE;
    }
  if (n > 0 && n < 100 && memcmp (header, SQLITE_HEADER, MIN ((gsize) n, sizeof SQLITE_HEADER)) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged: the file is cut short. Nothing was changed."),
                   path);
      return FALSE;
    }
  if (n < 100 || !is_sqlite_header (header, n))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Reintegra backup (it is not an SQLite file). Nothing was "
                     "changed."), path);
      return FALSE;
    }

  app_id = read_be32 (header + 68);
  user_version = read_be32 (header + 60);
  if (app_id != REI_STORE_APPLICATION_ID)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not a Reintegra backup. "
                     "Nothing was changed."), path);
      return FALSE;
    }
  if (user_version > rei_store_get_latest_version ())
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_TOO_NEW,
                   _("The backup “%s” was written by a newer version of Reintegra (schema %u; "
                     "this version knows %u). Nothing was changed. Update the program to "
                     "restore it."), path, user_version, rei_store_get_latest_version ());
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  if (n_pages > 0 && memcmp (header + 24, header + 92, 4) == 0 && g_stat (path, &st) == 0 &&
      (guint64) st.st_size < (guint64) n_pages * page_size)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged: the file is cut short (%lld of %llu bytes). "
                     "Nothing was changed."),
                   path, (long long) st.st_size, (unsigned long long) n_pages * page_size);
      return FALSE;
    }

  /* Read-only: checking a backup must not change it, not even its journal. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, TRUE);
      rei_store_register_sql (db);
      if (cancellable != NULL)
        sqlite3_progress_handler (db, 10000, interrupt_cb, cancellable);
      rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
    }
  if (rc != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, db, _("checking the backup"));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *msg = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (msg, "ok") != 0 && problems->len < 400)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", msg);
    }
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }
  if (rc != SQLITE_DONE && problems->len == 0)
    {
      rei_store_set_sqlite_error (error, db, _("checking the backup"));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_close_v2 (db);

  if (problems->len > 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged (%s). Nothing was changed."), path,
                   problems->str);
      return FALSE;
    }

  if (version != NULL)
    *version = user_version;
  return TRUE;
}

/* A database that SQLite cannot read page by page is kept as the bytes it has, -wal and all:
 * whoever rescues it later needs exactly those. */
static gboolean
keep_raw_copy (const char  *source,
               const char  *destination,
               GError     **error)
{
  static const char * const suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (source, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (destination, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) local = NULL;
      gsize length;

      if (i > 0 && !g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_get_contents (from, &contents, &length, &local) ||
          !g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                     0600, &local))
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                       _("Cannot keep a copy of the database before restoring: %s. Nothing was "
                         "changed."), local->message);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
kept_path_for (const char *db_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *path = NULL;

  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = n == 1 ? g_strdup_printf ("%s.before-restore-%s", db_path, stamp)
                    : g_strdup_printf ("%s.before-restore-%s-%u", db_path, stamp, n);
    }
  return path;
}

/* The header on disk lags behind while the first pages of a new database are still in its
 * -wal (the window has it open); SQLite reads through the log. */
static guint32
application_id (const char   *path,
                const guint8 *header)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint32 id = read_be32 (header + 68);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (id == REI_STORE_APPLICATION_ID || !g_file_test (wal, G_FILE_TEST_EXISTS))
    return id;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    id = (guint32) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return id;
}

/* Waits for another program's write as the store's busy timeout does, but stops at once for
 * Cancel: the clerk sees the restore wait and may give up. */
typedef struct
{
  GCancellable *cancellable;
  int           timeout_ms;
} Busy;

#define BUSY_SLEEP_MS 10

static int
busy_cb (void *data,
         int   n_tries)
{
  Busy *busy = data;

  if (g_cancellable_is_cancelled (busy->cancellable) ||
      (gint64) n_tries * BUSY_SLEEP_MS >= busy->timeout_ms)
    return 0;
  g_usleep (BUSY_SLEEP_MS * 1000);
  return 1;
}

/* Copies the backup into the database in one write transaction on it.  *corrupt tells the
 * caller that the database itself could not be written page by page (its first page is
 * damaged), the one case where the file is replaced instead. */
static gboolean
copy_into (const char          *db_path,
           const char          *backup_path,
           const ReiStoreSteps *steps,
           gboolean            *corrupt,
           GError             **error)
{
  sqlite3 *dest = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *backup;
  Busy busy = { NULL, 0 };
  gboolean ok = FALSE;
  int rc;

  *corrupt = FALSE;
  if (sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, source, _("opening the backup"));
      goto out;
    }
  if (sqlite3_open_v2 (db_path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, dest, _("restoring the backup"));
      goto out;
    }
  sqlite3_extended_result_codes (dest, TRUE);
  busy.cancellable = steps != NULL ? steps->cancellable : NULL;
  busy.timeout_ms = rei_store_busy_timeout_ms ();
  sqlite3_busy_handler (dest, busy_cb, &busy);
  rei_store_register_sql (source);
  rei_store_register_sql (dest);
  if (sqlite3_db_readonly (dest, "main") == 1)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_READ_ONLY,
                   _("The database is read-only: “%s” cannot be written. Nothing was changed. "
                     "Check that you may write to the file and to its folder."), db_path);
      goto out;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest) & 0xff;
      *corrupt = rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
      rei_store_set_sqlite_error (error, dest, _("restoring the backup"));
      goto out;
    }
  /* The busy handler waits for another program's write as the store does; past that the
   * database is left as it is.  The write transaction the first step opens lasts until the
   * last: finished early (Cancel), it is rolled back and the database is as it was. */
  rc = rei_store_run_backup (backup, steps, FALSE);
  sqlite3_backup_finish (backup);

  if (rc == SQLITE_INTERRUPT ||
      (rc != SQLITE_DONE && g_cancellable_is_cancelled (busy.cancellable)))
    {
      g_cancellable_set_error_if_cancelled (busy.cancellable, error);
      goto out;
    }
  if (rc != SQLITE_DONE)
    {
      int code = sqlite3_errcode (dest) & 0xff;

      *corrupt = code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
      rei_store_set_sqlite_error (error, dest, _("restoring the backup"));
      goto out;
    }
  ok = TRUE;

out:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  if (source != NULL)
    sqlite3_close_v2 (source);
  return ok;
}

/* The complete copy replace_file() renames over the database.  Under this name only between
 * the end of the copy and the rename, and locked all along (rei_temp_file_new()); a restore
 * killed in between leaves it, a whole register of personal data, and the next open or restore
 * removes it.  The age is for a writer that does not lock: an older Reintegra's, whose file
 * stands under the name for milliseconds. */
#define RESTORING_SUFFIX    ".restoring"
#define RESTORING_STALE_AGE (G_TIME_SPAN_MINUTE)

gboolean
rei_store_remove_restore_leftover (const char *db_path)
{
  g_autofree char *leftover = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);

  leftover = g_strconcat (db_path, RESTORING_SUFFIX, NULL);
  return rei_temp_file_remove_leftover (leftover, RESTORING_STALE_AGE);
}

/* For a new place, or a database whose first page is damaged (nobody can have it open): a
 * complete copy is written beside it and renamed over it.  The old -wal goes first: renamed
 * over, the new file would otherwise be read through the old file's log. */
static gboolean
replace_file (const char          *db_path,
              const char          *backup_path,
              const ReiStoreSteps *steps,
              GError             **error)
{
  g_autofree char *tmp = g_strconcat (db_path, RESTORING_SUFFIX, NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autoptr(ReiTempFile) held = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  /* Held locked until the rename is done or the copy removed. */
  if (!rei_store_copy_database (backup_path, tmp, steps, &held, error))
    return FALSE;
  if ((g_unlink (wal) != 0 && errno != ENOENT) || (g_unlink (shm) != 0 && errno != ENOENT) ||
      g_rename (tmp, db_path) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot replace the database “%s”: %s"), db_path, g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_store_restore (const char  *db_path,
                   const char  *backup_path,
                   char       **kept_path,
                   GError     **error)
{
  return rei_store_restore_full (db_path, backup_path, kept_path, NULL, NULL, NULL, error);
}

/* The shares of the whole a restore's steps take, for the progress bar. */
#define VERIFIED 0.15
#define KEPT     0.50
#define COPIED   0.95

gboolean
rei_store_restore_full (const char       *db_path,
                        const char       *backup_path,
                        char            **kept_path,
                        GCancellable     *cancellable,
                        ReiProgressFunc   progress,
                        gpointer          progress_data,
                        GError          **error)
{
  g_autofree char *kept = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(ReiStore) reopened = NULL;
  ReiStoreSteps keep_steps = { cancellable, progress, progress_data, VERIFIED, KEPT - VERIFIED };
  ReiStoreSteps copy_steps = { cancellable, progress, progress_data, KEPT, COPIED - KEPT };
  ReiStoreSteps whole_steps = { cancellable, progress, progress_data, VERIFIED, COPIED - VERIFIED };
  guint8 header[100];
  gssize n;
  gboolean corrupt = FALSE;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (kept_path != NULL)
    *kept_path = NULL;

  rei_store_remove_restore_leftover (db_path);
  if (!verify_backup (backup_path, NULL, cancellable, error))
    return FALSE;
  if (rei_store_is_database_file (db_path, backup_path))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup of it."), backup_path);
      return FALSE;
    }
  rei_store_steps_report (&keep_steps, 0.0);

  /* Never over another program's file, nor over one that is no database at all: the --db was
   * mistyped, and what is there is somebody's. */
  n = read_header (db_path, header, error);
  if (n < 0)
    return FALSE;
  if (n > 0 && (!is_sqlite_header (header, n) || n < 100 ||
                application_id (db_path, header) != REI_STORE_APPLICATION_ID))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Reintegra database; nothing was restored over it."), db_path);
      return FALSE;
    }

  if (n > 0)
    {
      kept = kept_path_for (db_path);
      if (!rei_store_copy_database (db_path, kept, &keep_steps, NULL, &local))
        {
          if (!g_error_matches (local, REI_STORE_ERROR, REI_STORE_ERROR_CORRUPT))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          g_clear_error (&local);
          if (!keep_raw_copy (db_path, kept, error))
            return FALSE;
        }

      if (!copy_into (db_path, backup_path, &copy_steps, &corrupt, &local))
        {
          if (!corrupt)
            {
              /* The kept copy is the same as the database, which is unchanged: not needed. */
              g_unlink (kept);
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          g_clear_error (&local);
          if (!replace_file (db_path, backup_path, &copy_steps, error))
            return FALSE;
        }
    }
  else if (!replace_file (db_path, backup_path, &whole_steps, error))
    return FALSE;

  /* A backup of an older schema is brought up to this version's, as opening it would. */
  reopened = rei_store_open (db_path, error);
  if (reopened == NULL)
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}

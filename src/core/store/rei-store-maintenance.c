/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rei-store-maintenance.h"
#include "rei-store-private.h"
#include "rei-temp-file.h"

/* What keeps a centre's register safe beyond one transaction: the integrity check, backups
 * (by hand and the daily ones, with the oldest removed), and restoring one. */

#define BACKUP_PREFIX "reintegra-"
#define BACKUP_SUFFIX ".db"

static guint
query_uint (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  guint value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gboolean
rei_store_check (ReiStore   *self,
                 GPtrArray **problems,
                 GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  ReiStoreConnection *c;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  c = rei_store_lock_read (self);
  db = rei_store_connection_get_db (c);

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, db, _("checking the database"));
      rei_store_unlock (c);
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *msg = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (msg, "ok") != 0)
        g_ptr_array_add (found, g_strdup_printf (_("Integrity: %s"), msg));
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (found, g_strdup_printf (_("Row %lld of table %s refers to a missing row of %s."),
                                                 (long long) sqlite3_column_int64 (stmt, 1),
                                                 sqlite3_column_text (stmt, 0),
                                                 sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
    }

  if (query_uint (db, "PRAGMA application_id") != REI_STORE_APPLICATION_ID)
    g_ptr_array_add (found, g_strdup (_("The file is not marked as a Reintegra database.")));
  if (query_uint (db, "PRAGMA user_version") != rei_store_get_latest_version ())
    g_ptr_array_add (found, g_strdup_printf (_("The schema is at version %u, expected %u."),
                                             query_uint (db, "PRAGMA user_version"),
                                             rei_store_get_latest_version ()));
  rei_store_unlock (c);

  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  return found->len == 0;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A backup renamed over a database, or over its -wal or -shm, would destroy it. */
gboolean
rei_store_is_database_file (const char *db_path,
                  const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (db_path, suffixes[i], NULL);

      if (g_strcmp0 (side, path) == 0 || same_file (side, path))
        return TRUE;
    }
  return FALSE;
}

/* Pages copied between two looks at Cancel: 1 MiB with 4 KiB pages, a few milliseconds. */
#define PAGES_PER_STEP 256

void
rei_store_steps_report (const ReiStoreSteps *steps,
                        double               fraction)
{
  if (steps != NULL && steps->progress != NULL)
    steps->progress (steps->from + steps->span * CLAMP (fraction, 0.0, 1.0),
                     steps->progress_data);
}

int
rei_store_run_backup (sqlite3_backup      *backup,
                      const ReiStoreSteps *steps,
                      gboolean             wait_busy)
{
  guint waited = 0;
  int rc;

  do
    {
      if (steps != NULL && g_cancellable_is_cancelled (steps->cancellable))
        return SQLITE_INTERRUPT;
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          /* Another connection's write (the window saving a form) holds the lock for
           * milliseconds; wait for it a while, as the store's busy timeout does, rather than
           * fail. */
          if (!wait_busy || ++waited > 1000)
            break;
          g_usleep (10000);
          continue;
        }
      if (rc == SQLITE_OK || rc == SQLITE_DONE)
        {
          int total = sqlite3_backup_pagecount (backup);

          rei_store_steps_report (steps, total > 0
                                           ? (double) (total - sqlite3_backup_remaining (backup)) / total
                                           : 1.0);
        }
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  return rc;
}

/* A consistent copy of the database at source_path, written to a private temporary file beside
 * destination and renamed into place only when complete, so that a failure (a full disk, a
 * kill, Cancel) never leaves half a database under the real name. */
gboolean
rei_store_copy_database (const char          *source_path,
                         const char          *destination,
                         const ReiStoreSteps *steps,
                         ReiTempFile        **held,
                         GError             **error)
{
  g_autoptr(ReiTempFile) tmp = NULL;
  const char *tmp_path;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  tmp = rei_temp_file_new (destination, "backup", NULL);
  if (tmp == NULL)
    {
      int saved = errno;

      g_set_error (error, REI_STORE_ERROR,
                   saved == EACCES || saved == EROFS || saved == EPERM
                     ? REI_STORE_ERROR_READ_ONLY
                     : saved == ENOSPC || saved == EDQUOT ? REI_STORE_ERROR_DISK_FULL
                                                          : REI_STORE_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), destination, g_strerror (saved));
      return FALSE;
    }
  tmp_path = rei_temp_file_get_path (tmp);

  /* A connection of its own: the copy reads a consistent snapshot (WAL) while the window
   * keeps working on the store's connections. */
  if (sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, source, _("opening the database to copy it"));
      goto out;
    }
  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, dest, _("opening the backup"));
      goto out;
    }
  sqlite3_extended_result_codes (dest, TRUE);
  rei_store_register_sql (source);
  rei_store_register_sql (dest);

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      rei_store_set_sqlite_error (error, dest, _("starting the backup"));
      goto out;
    }
  rc = rei_store_run_backup (backup, steps, TRUE);
  sqlite3_backup_finish (backup);

  if (rc == SQLITE_INTERRUPT)
    {
      g_cancellable_set_error_if_cancelled (steps->cancellable, error);
      goto out;
    }
  if (rc != SQLITE_DONE)
    {
      rei_store_set_sqlite_error (error, sqlite3_errcode (dest) != SQLITE_OK ? dest : source,
                                  _("copying the database"));
      goto out;
    }

  /* The backup is a single self-contained file: fold it out of WAL mode. */
  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, dest, _("finishing the backup"));
      goto out;
    }
  sqlite3_close_v2 (dest);
  dest = NULL;

  if (!rei_temp_file_commit (tmp))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), destination, g_strerror (errno));
      goto out;
    }
  ok = TRUE;
  if (held != NULL)
    *held = g_steal_pointer (&tmp);

out:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  if (source != NULL)
    sqlite3_close_v2 (source);
  return ok;
}

gboolean
rei_store_backup (ReiStore    *self,
                  const char  *destination,
                  GError     **error)
{
  return rei_store_backup_full (self, destination, NULL, NULL, NULL, error);
}

gboolean
rei_store_backup_full (ReiStore         *self,
                       const char       *destination,
                       GCancellable     *cancellable,
                       ReiProgressFunc   progress,
                       gpointer          progress_data,
                       GError          **error)
{
  ReiStoreSteps steps = { cancellable, progress, progress_data, 0.0, 1.0 };

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (rei_store_is_database_file (rei_store_get_path (self), destination))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("“%s” is the database itself; choose another file for the backup."),
                   destination);
      return FALSE;
    }
  return rei_store_copy_database (rei_store_get_path (self), destination, &steps, NULL, error);
}

char *
rei_store_default_backup_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "reintegra", "backups", NULL);
}

/* The same file by whatever name it is given (relative, with "..", through a link); a file
 * that is not there yet, by its name made absolute. */
static char *
full_path (const char *path)
{
  char *real = realpath (path, NULL);
  char *result;

  if (real == NULL)
    return g_canonicalize_filename (path, NULL);
  result = g_strdup (real);
  free (real);
  return result;
}

char *
rei_store_backup_folder_for (const char *db_path)
{
  g_autofree char *path = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *folder = rei_store_default_backup_folder ();
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  char *dot;

  g_return_val_if_fail (db_path != NULL, NULL);

  path = full_path (db_path);
  default_path = rei_store_default_path ();
  {
    g_autofree char *default_full = full_path (default_path);

    if (g_strcmp0 (path, default_full) == 0)
      return g_steal_pointer (&folder);
  }

  /* The name for the clerk who opens the folder, the hash for two "reintegra.db" in
   * different places; only letters, digits, '-' and '_' (a name may come from anywhere). */
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  g_strcanon (base, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  if (strlen (base) > 40)
    base[40] = '\0';
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  hash[12] = '\0';
  name = g_strdup_printf ("%s-%s", base, hash);
  return g_build_filename (folder, name, NULL);
}

/* Names sort as they were made: reintegra-YYYYMMDD-HHMMSS.db, a -NN before the suffix when two
 * fall in the same second. */
static gboolean
is_rotated_backup (const char *name)
{
  return g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX) &&
         strlen (name) >= strlen (BACKUP_PREFIX "YYYYMMDD-HHMMSS" BACKUP_SUFFIX) &&
         g_ascii_isdigit (name[strlen (BACKUP_PREFIX)]);
}

/* Without the suffix, so that "…-120000" comes before "…-120000-2", made in the same second. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  g_autofree char *x_stem = g_strndup (x, strlen (x) - strlen (BACKUP_SUFFIX));
  g_autofree char *y_stem = g_strndup (y, strlen (y) - strlen (BACKUP_SUFFIX));

  return strcmp (x_stem, y_stem);
}

GPtrArray *
rei_store_list_backups (const char  *folder,
                        GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_rotated_backup (name))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

/* The folder holds copies of everybody's records: nobody else on the machine may list it,
 * whatever umask made it or an older version left it with. */
static gboolean
make_private_folder (const char  *folder,
                     GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0 || g_chmod (folder, 0700) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

char *
rei_store_backup_rotate (ReiStore    *self,
                         const char  *folder,
                         guint        copies,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) existing = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!make_private_folder (folder, error))
    return NULL;

  /* The new copy must sort after every copy there, or the rotation below would take it for
   * the oldest: a second copy in the same second (or after the clock went back) counts on. */
  existing = rei_store_list_backups (folder, NULL);
  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS) ||
                    (existing != NULL && existing->len > 0 &&
                     compare_names (&path, &existing->pdata[existing->len - 1]) <= 0); n++)
    {
      g_autofree char *name = n == 1
        ? g_strconcat (BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL)
        : g_strdup_printf (BACKUP_PREFIX "%s-%02u" BACKUP_SUFFIX, stamp, n);

      g_free (path);
      path = g_build_filename (folder, name, NULL);
      if (n > 99)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_FAILED,
                       _("Too many backups in “%s” are newer than the computer’s clock."),
                       folder);
          return NULL;
        }
    }
  g_clear_pointer (&existing, g_ptr_array_unref);

  if (!rei_store_backup (self, path, error))
    return NULL;

  /* Only once the new copy is complete may the oldest go. */
  existing = rei_store_list_backups (folder, NULL);
  if (existing != NULL && copies > 0)
    for (guint i = 0; i + copies < existing->len; i++)
      g_unlink (g_ptr_array_index (existing, i));

  return g_steal_pointer (&path);
}

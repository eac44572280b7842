/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* Maintenance of the file itself: the check and the backup. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rei-store-maintenance.h"
#include "rei-store-struct.h"

gboolean
rei_store_check (ReiStore   *self,
                 GPtrArray **problems,
                 GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  ReiStoreConnection *c;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  c = rei_store_lock_read (self);

  if (sqlite3_prepare_v2 (c->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, c->db, _("checking the database"));
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

  if (sqlite3_prepare_v2 (c->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (found, g_strdup_printf (_("Row %lld of table %s refers to a missing row of %s."),
                                                 (long long) sqlite3_column_int64 (stmt, 1),
                                                 sqlite3_column_text (stmt, 0),
                                                 sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
    }

  if (rei_store_db_query_uint (c->db, "PRAGMA application_id") != REI_STORE_APPLICATION_ID)
    g_ptr_array_add (found, g_strdup (_("The file is not marked as a Reintegra database.")));
  if (rei_store_db_query_uint (c->db, "PRAGMA user_version") != rei_store_get_latest_version ())
    g_ptr_array_add (found, g_strdup_printf (_("The schema is at version %u, expected %u."),
                                             rei_store_db_query_uint (c->db, "PRAGMA user_version"),
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

/* A backup renamed over the open database, or over its -wal or -shm, would destroy it. */
static gboolean
is_database_file (ReiStore   *self,
                  const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (self->path, suffixes[i], NULL);

      if (g_strcmp0 (side, path) == 0 || same_file (side, path))
        return TRUE;
    }
  return FALSE;
}

gboolean
rei_store_backup (ReiStore    *self,
                  const char  *destination,
                  GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int fd, rc;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (is_database_file (self, destination))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("“%s” is the database itself; choose another file for the backup."),
                   destination);
      return FALSE;
    }

  /* The copy goes to a private temporary file beside the destination and is renamed into place
   * only when complete, so a failed backup never leaves half a database under the real name. */
  dir = g_path_get_dirname (destination);
  tmp_path = g_build_filename (dir, ".reintegra-backup-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), destination, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  /* A separate source connection: the backup reads a consistent snapshot (WAL) while the window
   * keeps working on its own connections. */
  if (sqlite3_open_v2 (self->path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      rei_store_set_sqlite_error (error, source && sqlite3_errcode (source) != SQLITE_OK ? source : dest,
                        _("opening the backup"));
      goto out;
    }
  rei_store_register_sql (source);
  rei_store_register_sql (dest);

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      rei_store_set_sqlite_error (error, dest, _("starting the backup"));
      goto out;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (10000);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      rei_store_set_sqlite_error (error, dest, _("copying the database"));
      goto out;
    }

  /* The backup is a single self-contained file: fold it out of WAL mode. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);
  dest = NULL;

  if (g_rename (tmp_path, destination) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), destination, g_strerror (errno));
      goto out;
    }
  ok = TRUE;

out:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  if (source != NULL)
    sqlite3_close_v2 (source);
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

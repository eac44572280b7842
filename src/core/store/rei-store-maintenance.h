/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-progress.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* Integrity, foreign keys, the file's mark and schema version; problems as sentences. */
gboolean     rei_store_check                 (ReiStore            *self,
                                              GPtrArray          **problems,
                                              GError             **error);
/* A consistent, self-contained private copy of the open database, written beside the
 * destination and renamed into place. */
gboolean     rei_store_backup                (ReiStore            *self,
                                              const char          *destination,
                                              GError             **error);
/* The same, reporting progress (from the calling thread) and stopping for cancellable: a
 * cancelled backup leaves no file, not even its temporary one (G_IO_ERROR_CANCELLED). */
gboolean     rei_store_backup_full           (ReiStore            *self,
                                              const char          *destination,
                                              GCancellable        *cancellable,
                                              ReiProgressFunc      progress,
                                              gpointer             progress_data,
                                              GError             **error);

/* Checks a backup without changing it: an SQLite file of Reintegra's (application id), of a
 * schema this version knows, that passes PRAGMA integrity_check.  version: its schema. */
gboolean     rei_store_verify_backup         (const char          *path,
                                              guint               *version,
                                              GError             **error);
/* Puts the backup in the place of the database at db_path (which the window may have open):
 * checks it first and changes nothing when it is foreign, damaged or newer; keeps the
 * database it replaces as "DB.before-restore-YYYYMMDD-HHMMSS" (0600; returned in kept_path,
 * NULL when there was none); replaces in one transaction; upgrades an older schema. */
gboolean     rei_store_restore               (const char          *db_path,
                                              const char          *backup_path,
                                              char               **kept_path,
                                              GError             **error);
/* The same, reporting progress (from the calling thread) and stopping for cancellable: until
 * the backup is written in whole, a cancelled restore changes nothing (the database's write
 * transaction is rolled back; the copy of it kept is removed) and fails with
 * G_IO_ERROR_CANCELLED.  Once it is written, Cancel comes too late and the restore is done. */
gboolean     rei_store_restore_full          (const char          *db_path,
                                              const char          *backup_path,
                                              char               **kept_path,
                                              GCancellable        *cancellable,
                                              ReiProgressFunc      progress,
                                              gpointer             progress_data,
                                              GError             **error);
/* $XDG_DATA_HOME/reintegra/backups. */
char        *rei_store_default_backup_folder (void);
/* Where the daily backups of the database at db_path go: the default folder for the default
 * database (rei_store_default_path()); for any other (--db) a folder of its own inside it,
 * "NAME-HASH" (NAME: the file's name without its extension, HASH: of its full path), so that
 * one database's copies never count towards, nor rotate away, another's. */
char        *rei_store_backup_folder_for     (const char          *db_path);
/* The backups rei_store_backup_rotate() made in folder (full paths), oldest first. */
GPtrArray   *rei_store_list_backups          (const char          *folder,
                                              GError             **error);
/* A backup "reintegra-YYYYMMDD-HHMMSS.db" (0600) into folder (made 0700), then the oldest of
 * them removed beyond copies (0: keep all).  Returns the new file's path. */
char        *rei_store_backup_rotate         (ReiStore            *self,
                                              const char          *folder,
                                              guint                copies,
                                              GError             **error);

G_END_DECLS

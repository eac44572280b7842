/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-store.h"

G_BEGIN_DECLS

/* The daily backup: when the settings ask for one ("auto-backup") and the last is more than a
 * day old, a copy into folder (NULL: the database's, rei_store_backup_folder_for(), made 0700)
 * in a worker thread, keeping "backup-copies" of them.  The last is "last-backup" for the
 * default register (set when its copy is done) and the newest copy in the folder for any other
 * database.  A failure is told in a toast on the application's active window.  Returns FALSE
 * when none is due or one is still being made. */
gboolean rei_auto_backup_start (ReiStore   *store,
                                GSettings  *settings,
                                const char *folder);

/* When store was last backed up (NULL: never): "last-backup" for the default register, the
 * newest copy in folder (NULL: the database's own) for any other.  The caller frees it. */
GDateTime *rei_auto_backup_get_last   (ReiStore   *store,
                                       GSettings  *settings,
                                       const char *folder);
/* TRUE while a copy started by rei_auto_backup_start() is being made. */
gboolean rei_auto_backup_is_running (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-store.h"

G_BEGIN_DECLS

/* The daily backup: when the settings ask for one ("auto-backup") and the last ("last-backup")
 * is more than a day old, a copy into folder (NULL: the database's, rei_store_backup_folder_for(),
 * made 0700) in a worker thread, keeping "backup-copies" of them; "last-backup" is set when it is done, and a
 * failure is told in a toast on the application's active window.  Returns FALSE when none is
 * due or one is still being made. */
gboolean rei_auto_backup_start (ReiStore   *store,
                                GSettings  *settings,
                                const char *folder);

G_END_DECLS

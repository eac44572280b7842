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

G_END_DECLS

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

/* For the tests of the status filter: the day it takes as today (NULL: the real today), so that
 * month ends and leap days can be tested whatever the date of the run. */
void      rei_store_set_today       (ReiStore   *self,
                                     const char *today_iso);

/* Registers the collation and functions that the schema and the store's SQL use; for any other
 * connection to a Reintegra file (a backup, a test's raw connection). */
void      rei_store_register_sql    (sqlite3    *db);

G_END_DECLS

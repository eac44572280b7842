/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store-private.h"

G_BEGIN_DECLS

/* Shared by the two halves of the network's SQL (rei-store-network.c, rei-store-referrals.c).
 * A column's id, 0 for NULL. */
gint64    rei_network_column_id   (sqlite3_stmt        *stmt,
                                   int                  column);
/* NULL for an id <= 0. */
void      rei_network_bind_id     (sqlite3_stmt        *stmt,
                                   int                  index,
                                   gint64               id);
/* One DELETE by id (the only parameter) in its own transaction with an audit row; NOT_FOUND
 * when nothing was deleted.  what as rei_store_statement_exec() takes it (N_, untranslated). */
gboolean  rei_network_delete_row  (ReiStore            *self,
                                   const char          *sql,
                                   const char          *entity,
                                   gint64               id,
                                   const char          *what,
                                   GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

/* A bulk import: one transaction, one audit row, and the indexes the load does not read from
 * maintained in one step at the end.
 *
 * Between rei_store_begin_import() and its commit or rollback, the "insert" and "update" audit
 * rows that the store's saves write (rei_store_write_audit(), a resident's save) go instead to
 * audit_item: the record's entity and id, the import's audit row, and the changed fields.  The
 * import's own audit row (action "import", entity @entity, entity id 0, detail
 * "rows=N,added=A,updated=U") is what the trail shows once; rei_store_list_audit() shows each
 * record's part of it as an "import" entry of its own history.  Any other action (a delete, an
 * export) is written to the audit table as always.
 *
 * @deferred_indexes names indexes that nothing the import does reads from (not a UNIQUE index:
 * those are constraints).  When the import brings at least half as many rows as their table
 * holds (and 1 000 or more), they are dropped at the start and created again, from the SQL the
 * schema holds for them, before the commit, inside the same transaction: sorting all the keys
 * once is cheaper than inserting each into its place, and a rollback or a crash leaves the
 * file as it was, indexes included.  Smaller imports keep the indexes, which is then cheaper.
 *
 * Not nested: one import at a time per store, in the thread that began it. */
gboolean rei_store_begin_import    (ReiStore           *self,
                                    const char         *entity,
                                    const char * const *deferred_indexes,
                                    guint               n_rows,
                                    GError            **error);
gboolean rei_store_commit_import   (ReiStore           *self,
                                    guint               n_added,
                                    guint               n_updated,
                                    GError            **error);
void     rei_store_rollback_import (ReiStore           *self);
/* Whether the indexes were deferred by the import in progress (for the tests). */
gboolean rei_store_import_deferred (ReiStore           *self);

G_END_DECLS

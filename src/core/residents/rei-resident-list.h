/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-lazy-list.h"
#include "rei-resident-query.h"
#include "rei-resident-row.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_LIST (rei_resident_list_get_type ())

G_DECLARE_FINAL_TYPE (ReiResidentList, rei_resident_list, REI, RESIDENT_LIST, GObject)

/* A GListModel of ReiResidentRow over the result of a query.  The query itself (ids, and the people
 * of the rows a view shows first) runs in a worker thread; row objects are made only when a view
 * asks for them, and only a bounded number of them is kept, so that a list of 100 000 rows stays
 * cheap.
 *
 * Rows belong to positions, not to people: a new query result puts the new people into the rows
 * that are held (by a list widget, a selection model, a caller) and announces only the change of
 * length at the end, as items-changed (new_n, old_n - new_n, 0) or (old_n, 0, new_n - old_n).  A
 * list widget thus keeps its row widgets and rewrites their text on ReiResidentRow's
 * notify::resident, instead of destroying and making every row of the screen again.  Whoever
 * keeps track of a person across results (a selection) does it by id, between the signals
 * "replacing" (before the rows change) and "replaced" (after). */
ReiResidentList        *rei_resident_list_new            (ReiStore               *store);
ReiStore               *rei_resident_list_get_store      (ReiResidentList        *self);
const ReiResidentQuery *rei_resident_list_get_query      (ReiResidentList        *self);
gboolean                rei_resident_list_get_loading    (ReiResidentList        *self);
/* Starts the query in a thread; a query still running is cancelled.  The list changes when the
 * new result arrives on the main context. */
void                    rei_resident_list_set_query      (ReiResidentList        *self,
                                                          const ReiResidentQuery *query);
/* The same, in the calling thread (for tests and small command-line uses). */
gboolean                rei_resident_list_set_query_sync (ReiResidentList        *self,
                                                          const ReiResidentQuery *query,
                                                          GError                **error);
/* Runs the current query again, e.g. after an import or an edit. */
void                    rei_resident_list_refresh        (ReiResidentList        *self);
/* The database id of the row at position, or 0 when out of range: no object is made. */
gint64                  rei_resident_list_get_id         (ReiResidentList        *self,
                                                          guint                   position);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-resident-query.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_LIST (rei_resident_list_get_type ())

G_DECLARE_FINAL_TYPE (ReiResidentList, rei_resident_list, REI, RESIDENT_LIST, GObject)

/* A GListModel of ReiResident over the result of a query.  The query itself (ids only) runs in a
 * worker thread; row objects are made from the store only when a view asks for them, and only a
 * bounded number of them is kept, so that a list of 100 000 rows stays cheap. */
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rei-resident.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_ROW (rei_resident_row_get_type ())

G_DECLARE_FINAL_TYPE (ReiResidentRow, rei_resident_row, REI, RESIDENT_ROW, GObject)

/* One position of a ReiResidentList: the same object for as long as the position exists, showing
 * whoever a query puts there.  A new query result changes the "resident" of the rows (notified)
 * instead of replacing the rows, so that a list widget keeps its row widgets and only rewrites
 * their text.  Whoever keeps a row across a change and needs one person keeps the resident, or
 * its id, instead. */
ReiResidentRow *rei_resident_row_new          (ReiResident    *resident);
/* Never NULL: a person deleted since the query ran is an empty resident with the old id. */
ReiResident    *rei_resident_row_get_resident (ReiResidentRow *self);
void            rei_resident_row_set_resident (ReiResidentRow *self,
                                               ReiResident    *resident);
gint64          rei_resident_row_get_id       (ReiResidentRow *self);

G_END_DECLS

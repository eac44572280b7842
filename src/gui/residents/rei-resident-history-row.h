/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_HISTORY_ROW (rei_resident_history_row_get_type ())

/* A person's audit trail as an expander row, newest first: what was done, when, by whom, to
 * which fields.  Hidden while there is nothing to show. */
G_DECLARE_FINAL_TYPE (ReiResidentHistoryRow, rei_resident_history_row, REI, RESIDENT_HISTORY_ROW,
                      AdwExpanderRow)

/* Shows the trail of a resident (none for id <= 0 or no store). */
void rei_resident_history_row_show    (ReiResidentHistoryRow *self,
                                       ReiStore              *store,
                                       gint64                 id);
/* Reads the trail of the same resident again (after an export added to it). */
void rei_resident_history_row_refresh (ReiResidentHistoryRow *self);

G_END_DECLS

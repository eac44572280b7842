/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-export-error.h"
#include "rei-progress.h"
#include "rei-resident-query.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* Sheet "Uczestnicy": the residents matching the query (all when NULL), Polish order, one row
 * each with codes as their labels and dates as real dates.  Streams the rows: 100 000 residents
 * do not sit in memory.  Progress and Cancel as every slow job; a cancelled or failed export
 * leaves the destination as it was. */
gboolean rei_export_residents (ReiStore               *store,
                               const ReiResidentQuery *query,
                               const char             *path,
                               ReiProgressFunc         progress,
                               gpointer                progress_data,
                               GCancellable           *cancellable,
                               GError                **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-progress.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* Every person's plans in one workbook, so that a director follows their reintegration
 * potential over time in a spreadsheet: sheet "Plany" (PESEL | Nazwisko | Imię | Rodzaj | Od |
 * Do | Etap), "Cele" (PESEL | Cel | Wymiar | Kryterium | Odpowiedzialny | Termin | Status) and
 * "Oceny" (PESEL | Data | Wymiar | Ocena, one row per dimension per assessment), in Polish order
 * of the people.  A table longer than a sheet's 1 048 576 rows goes on in "Oceny 2", "Oceny 3",
 * … with the same header (the assessments of some 20 000 people fill one).  Streams: memory
 * stays flat however many people.  Written on ReiXlsx: mode 0600, beside the target and renamed
 * over it, an "export" row in the audit trail. */
gboolean rei_export_plans (ReiStore         *store,
                           const char       *path,
                           ReiProgressFunc   progress,
                           gpointer          progress_data,
                           GCancellable     *cancellable,
                           GError          **error);

G_END_DECLS

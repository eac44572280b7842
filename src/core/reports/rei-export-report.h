/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-progress.h"
#include "rei-report.h"

G_BEGIN_DECLS

/* The funder's workbook of a computed report (rei_report_compute_*, with people): sheet
 * `Podsumowanie` (Kod | Wskaźnik | Licznik | Mianownik | Wartość | Cel | Osiągnięty, formulas
 * with their results stored, a chart of the values against the thresholds, a project's value,
 * grant and grant share), one sheet of people per indicator, and for a year `Finansowanie`
 * (Źródło | Kwota | Udział, executed funding).  Document properties: title, centre, date. */
gboolean rei_export_report (ReiStore         *store,
                            const ReiReport  *report,
                            const char       *path,
                            GCancellable     *cancellable,
                            ReiProgressFunc   progress,
                            gpointer          progress_data,
                            GError          **error);

/* The annual report to the voivode (art. 5 ust. 4–6, Dz.U. 2017 poz. 97): sheet `Sprawozdanie`,
 * code in column A, label in B, number (or text for the general data) in C. */
gboolean rei_export_annual (ReiStore         *store,
                            int               year,
                            const char       *path,
                            GCancellable     *cancellable,
                            GError          **error);

G_END_DECLS

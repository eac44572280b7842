/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-report.h"

G_BEGIN_DECLS

/* The rows of the reports page's lists, apart from the page that fills them. */

/* An indicator: its label, "code · numerator / denominator = value" and whether its target is
 * met; activatable, with the code as the row's "code" data. */
GtkWidget *rei_report_indicator_row_new (const ReiReportIndicator *ind);
/* A person behind an indicator: name, PESEL, project, period, detail, counted or not. */
GtkWidget *rei_report_person_row_new    (const ReiIndicatorPerson *p);

G_END_DECLS

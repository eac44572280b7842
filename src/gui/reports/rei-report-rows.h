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
/* An activatable action row of a pane's list (a project, a definition) whose title and subtitle
 * keep to one line each, ellipsized, the whole title in its tooltip.  AdwActionRow's labels wrap
 * (title-lines only ellipsizes after wrapping), and measuring a list of wrapping labels at the
 * widths the page's layout asks for was 10-13 ms of a pane's first frame. */
GtkWidget *rei_report_list_row_new      (const char *title,
                                         const char *subtitle);
/* The same for a row made elsewhere (an action row whose title is set): one line, ellipsized,
 * the title in the tooltip. */
void       rei_report_row_keep_to_a_line (GtkWidget *row);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-import-dialog-private.h"
#include "rei-reports-view.h"
#include "rei-plan-page.h"
#include "rei-network-view-private.h"
#include "rei-resident-detail.h"
#include "rei-resident-view-private.h"
#include "rei-window.h"

G_BEGIN_DECLS

/* For the window tests and the list benchmark. */
ReiResidentView   *rei_window_get_resident_view   (ReiWindow *self);
ReiResidentDetail *rei_window_get_resident_detail (ReiWindow *self);
ReiPlanPage       *rei_window_get_plan_page       (ReiWindow *self);
ReiNetworkView    *rei_window_get_network_view    (ReiWindow *self);
/* Opens the import dialog for a residents CSV, as the Import action does once the file chooser
 * (which cannot be driven under Xvfb) has answered: the dialog checks the file in a worker
 * thread and writes only when confirmed. */
/* The reports page, and showing it as a click on its tab does. */
ReiReportsView    *rei_window_get_reports_view    (ReiWindow *self);
void               rei_window_show_reports        (ReiWindow *self);
void               rei_window_import_file         (ReiWindow *self,
                                                   GFile     *file);
ReiImportDialog   *rei_window_get_import_dialog   (ReiWindow *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-background-job-bar.h"
#include "rei-background-job.h"
#include "rei-import-dialog-private.h"
#include "rei-reports-view.h"
#include "rei-plan-page.h"
#include "rei-network-view-private.h"
#include "rei-resident-detail.h"
#include "rei-resident-view-private.h"
#include "rei-window.h"

G_BEGIN_DECLS

/* For the window tests and the list benchmark.  The plan, network and reports pages are made
 * when first shown; their accessors make them (and give them the store) if they are not yet. */
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
/* Back Up and Restore once the file chooser (and, for a restore, the question) has answered:
 * the copy runs in the returned job (a new reference), which shows a toast when done and the
 * error dialog when it failed (rei-window-backup.c). */
ReiBackgroundJob  *rei_window_backup_to_file      (ReiWindow *self,
                                                   GFile     *file);
ReiBackgroundJob  *rei_window_restore_file        (ReiWindow *self,
                                                   GFile     *file);
void               rei_window_install_backup_actions (GtkWidgetClass *widget_class);
/* The bar under the pages that shows a backup or restore with its progress and Cancel. */
ReiBackgroundJobBar *rei_window_get_job_bar       (ReiWindow *self);
AdwViewStack       *rei_window_get_view_stack     (ReiWindow *self);

G_END_DECLS

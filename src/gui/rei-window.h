/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-import-dialog.h"
#include "rei-resident-detail.h"
#include "rei-reports-view.h"
#include "rei-resident-view.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_WINDOW (rei_window_get_type ())

G_DECLARE_FINAL_TYPE (ReiWindow, rei_window, REI, WINDOW, AdwApplicationWindow)

ReiWindow       *rei_window_new               (GtkApplication *application,
                                               ReiStore       *store);
ReiStore        *rei_window_get_store         (ReiWindow      *self);
ReiResidentView *rei_window_get_resident_view (ReiWindow      *self);
ReiReportsView  *rei_window_get_reports_view  (ReiWindow      *self);
void             rei_window_show_reports      (ReiWindow      *self);
ReiResidentDetail *rei_window_get_resident_detail (ReiWindow    *self);
void             rei_window_add_toast         (ReiWindow      *self,
                                               const char     *title);
/* Opens the import dialog for a residents CSV, as the Import action does after the file
 * chooser: the dialog checks the file in a worker thread and writes only when confirmed. */
void             rei_window_import_file       (ReiWindow      *self,
                                               GFile          *file);
/* TRUE while the import dialog is open or its worker has not stopped yet. */
gboolean         rei_window_get_importing     (ReiWindow      *self);
ReiImportDialog *rei_window_get_import_dialog (ReiWindow      *self);

G_END_DECLS

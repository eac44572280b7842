/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-import-dialog.h"

G_BEGIN_DECLS

/* For the window tests. */
ReiCsvEncoding  rei_import_dialog_get_encoding      (ReiImportDialog *self);
/* Checks the file again in the new encoding, as a choice in the encoding list does. */
void            rei_import_dialog_set_encoding      (ReiImportDialog *self,
                                                     ReiCsvEncoding   encoding);
/* What the last check found (0 until it is done). */
guint           rei_import_dialog_get_n_rows        (ReiImportDialog *self);
guint           rei_import_dialog_get_n_new         (ReiImportDialog *self);
guint           rei_import_dialog_get_n_updated     (ReiImportDialog *self);
guint           rei_import_dialog_get_problem_count (ReiImportDialog *self);
/* The line of the @index-th problem (0 for a problem of the whole file). */
guint           rei_import_dialog_get_problem_line  (ReiImportDialog *self,
                                                     guint            index);
GListModel     *rei_import_dialog_get_preview       (ReiImportDialog *self);
GtkWidget      *rei_import_dialog_get_import_button (ReiImportDialog *self);
GtkWidget      *rei_import_dialog_get_cancel_button (ReiImportDialog *self);

G_END_DECLS

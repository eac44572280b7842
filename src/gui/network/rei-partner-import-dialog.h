/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_PARTNER_IMPORT_DIALOG (rei_partner_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReiPartnerImportDialog, rei_partner_import_dialog, REI,
                      PARTNER_IMPORT_DIALOG, AdwWindow)

/* The import of the centre's address book from the window, with the CLI's guarantees (the same
 * importer): the file is first checked in a worker thread and nothing is written; the dialog
 * lists every problem by line, or the partners the file would add or update; Import then writes
 * them all in one transaction, or nothing.  "imported" (guint added, guint updated). */
ReiPartnerImportDialog *rei_partner_import_dialog_new               (GtkWindow              *parent,
                                                                     ReiStore               *store,
                                                                     GFile                  *file);
/* For the tests: TRUE once the check (or the import) has finished. */
gboolean                rei_partner_import_dialog_get_checked       (ReiPartnerImportDialog *self);
guint                   rei_partner_import_dialog_get_problem_count (ReiPartnerImportDialog *self);
/* "LINE: message" of the index-th problem. */
const char             *rei_partner_import_dialog_get_problem       (ReiPartnerImportDialog *self,
                                                                     guint                   index);
guint                   rei_partner_import_dialog_get_n_new         (ReiPartnerImportDialog *self);
guint                   rei_partner_import_dialog_get_n_updated     (ReiPartnerImportDialog *self);
GtkWidget              *rei_partner_import_dialog_get_import_button (ReiPartnerImportDialog *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-csv-reader.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_IMPORT_DIALOG (rei_import_dialog_get_type ())

typedef enum
{
  REI_IMPORT_DIALOG_VALIDATING,   /* the whole file is being checked; nothing is written */
  REI_IMPORT_DIALOG_READY,        /* clean: the preview is shown and Import is enabled */
  REI_IMPORT_DIALOG_INVALID,      /* every problem is listed; Import stays disabled */
  REI_IMPORT_DIALOG_FAILED,       /* the file cannot be read at all */
  REI_IMPORT_DIALOG_IMPORTING,    /* writing, in one transaction */
  REI_IMPORT_DIALOG_CANCELLING,   /* waiting the moment the worker takes to stop and roll back */
} ReiImportDialogState;

G_DECLARE_FINAL_TYPE (ReiImportDialog, rei_import_dialog, REI, IMPORT_DIALOG, AdwWindow)

/* Checks @file in a worker thread as soon as it is created; writes only when Import is
 * pressed, then emits "imported" (guint n_inserted, guint n_updated) and destroys itself. */
ReiImportDialog      *rei_import_dialog_new               (GtkWindow       *parent,
                                                           ReiStore        *store,
                                                           GFile           *file);
GFile                *rei_import_dialog_get_file          (ReiImportDialog *self);
ReiImportDialogState  rei_import_dialog_get_state         (ReiImportDialog *self);

G_END_DECLS

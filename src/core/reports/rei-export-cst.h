/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-csv-reader.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The exact header of the CST2021 participants file (semicolons). */
extern const char * const rei_cst_header[];

/* Writes the CST2021 participants file of a project: one row per enrolment, ';' separated,
 * dates dd.mm.rrrr, several values joined by '|', in UTF-8 or CP1250 (REI_CSV_ENCODING_AUTO
 * means UTF-8).  The file is written beside the target with mode 0600 and renamed over it. */
gboolean rei_export_cst (ReiStore        *store,
                         const char      *project_code,
                         ReiCsvEncoding   encoding,
                         const char      *path,
                         GCancellable    *cancellable,
                         GError         **error);

G_END_DECLS

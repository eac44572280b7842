/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-csv-reader.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The coordinator's spreadsheets: projects, enrolments and funding.  Each import is all or
 * nothing (one transaction), reads UTF-8 or CP1250 with ';' or ',', folds the header (case,
 * Polish letters), and re-importing a row updates what it names (a project by its code, an
 * enrolment by PESEL and project, funding by year, source and kind). */

typedef enum
{
  REI_REPORT_IMPORT_PROJECTS,
  REI_REPORT_IMPORT_ENROLMENTS,
  REI_REPORT_IMPORT_FUNDING,
} ReiReportImportKind;

typedef struct
{
  guint      n_rows;      /* rows saved */
  GPtrArray *problems;    /* "LINE: message" (line 0: the whole file), all of them */
  GPtrArray *notices;     /* what a coordinator should know, e.g. partners added to the network */
} ReiReportImportResult;

void     rei_report_import_result_free (ReiReportImportResult *result);

/* Returns FALSE when anything is wrong; then nothing is written and result->problems lists
 * every line's problem (error says how many, or why the file could not be read at all). */
gboolean rei_report_import (ReiStore               *store,
                            ReiReportImportKind     kind,
                            GBytes                 *bytes,
                            ReiCsvEncoding          encoding,
                            ReiReportImportResult **result,
                            GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiReportImportResult, rei_report_import_result_free)

G_END_DECLS

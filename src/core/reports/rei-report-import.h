/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-progress.h"
#include "rei-sheet-importer.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The coordinator's spreadsheets: projects, enrolments and funding, on the sheet importer of
 * base/ (rei-sheet-importer.h), so they keep the residents import's guarantees: all or
 * nothing in one transaction, UTF-8 or CP1250 with ';' or ',', a header folded as offices
 * write it, every problem with its line.  Re-importing a row updates what it names: a project
 * by its code, an enrolment by PESEL and project, funding by year, source and kind. */

typedef enum
{
  REI_REPORT_IMPORT_PROJECTS,
  REI_REPORT_IMPORT_ENROLMENTS,
  REI_REPORT_IMPORT_FUNDING,
} ReiReportImportKind;

#define REI_TYPE_REPORT_IMPORTER (rei_report_importer_get_type ())

G_DECLARE_FINAL_TYPE (ReiReportImporter, rei_report_importer, REI, REPORT_IMPORTER, GObject)

ReiReportImporter *rei_report_importer_new             (ReiStore             *store,
                                                        ReiReportImportKind   kind);
void               rei_report_importer_set_encoding    (ReiReportImporter    *self,
                                                        ReiCsvEncoding        encoding);
/* Reads and checks the whole file, writes nothing; as rei_sheet_importer_validate(). */
gboolean           rei_report_importer_validate        (ReiReportImporter    *self,
                                                        GBytes               *bytes,
                                                        ReiProgressFunc       progress,
                                                        gpointer              progress_data,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
/* Checks, then writes every row and an audit row in one transaction, or nothing; as
 * rei_sheet_importer_run(). */
gboolean           rei_report_importer_run             (ReiReportImporter    *self,
                                                        GBytes               *bytes,
                                                        ReiProgressFunc       progress,
                                                        gpointer              progress_data,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
/* ReiImportProblem*, every one of the last run, in line order. */
GPtrArray         *rei_report_importer_get_problems    (ReiReportImporter    *self);
/* What a coordinator should be told after a run that was written (strings): the partners a
 * projects sheet added to the network, as type B. */
GPtrArray         *rei_report_importer_get_notices     (ReiReportImporter    *self);
guint              rei_report_importer_get_n_inserted  (ReiReportImporter    *self);
guint              rei_report_importer_get_n_updated   (ReiReportImporter    *self);
/* The projects and PESELs the last validate or run looked up one at a time in the store (each
 * key once per run; none once a table was read whole): for tests and benchmarks of that rule. */
guint              rei_report_importer_get_n_lookups   (ReiReportImporter    *self);

G_END_DECLS

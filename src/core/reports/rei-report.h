/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-progress.h"
#include "rei-store-reports.h"

G_BEGIN_DECLS

#define REI_REPORT_ERROR (rei_report_error_quark ())

typedef enum
{
  REI_REPORT_ERROR_NO_PROJECT,
  REI_REPORT_ERROR_NO_PERIOD,
} ReiReportError;

/* One indicator computed over a year or a project: numerator, denominator and the people. */
typedef struct
{
  ReiIndicatorDef *def;
  guint            numerator;
  guint            denominator;
  gboolean         has_denominator;  /* FALSE when a target is not set */
  GPtrArray       *people;           /* ReiIndicatorPerson*, NULL unless asked for */
} ReiReportIndicator;

typedef struct
{
  int         year;      /* 0 for a project */
  ReiProject *project;   /* NULL for a year */
  char       *from;      /* the period, ISO, both days included */
  char       *to;
  GPtrArray  *indicators;  /* ReiReportIndicator*, in the definitions' order */
} ReiReport;

GQuark     rei_report_error_quark       (void);

/* Every indicator whose scope fits (scope 'rok' or none for a year, 'projekt' or none for a
 * project), computed in SQL.  A year runs 1 January – 31 December; a project's period includes
 * its first and last day.  with_people keeps the list behind each number. */
ReiReport *rei_report_compute_year      (ReiStore         *store,
                                         int               year,
                                         gboolean          with_people,
                                         GCancellable     *cancellable,
                                         ReiProgressFunc   progress,
                                         gpointer          progress_data,
                                         GError          **error);
ReiReport *rei_report_compute_project   (ReiStore         *store,
                                         const char       *code,
                                         gboolean          with_people,
                                         GCancellable     *cancellable,
                                         ReiProgressFunc   progress,
                                         gpointer          progress_data,
                                         GError          **error);
const ReiReportIndicator *rei_report_lookup (const ReiReport *report,
                                             const char      *code);
/* numerator / denominator, 0 when the denominator is 0 or unknown. */
double     rei_report_indicator_value   (const ReiReportIndicator *indicator);
/* FALSE when there is no threshold or it is not reached. */
gboolean   rei_report_indicator_met     (const ReiReportIndicator *indicator);
gboolean   rei_report_indicator_has_threshold (const ReiReportIndicator *indicator);
void       rei_report_free              (ReiReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiReport, rei_report_free)

G_END_DECLS

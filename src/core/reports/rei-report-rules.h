/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store-reports.h"

G_BEGIN_DECLS

/* The rules a project, an enrolment and an indicator definition must keep, once: the reports
 * page's forms and the spreadsheet imports refuse the same input with the same message (the
 * import puts the column's name before it). */

#define REI_REPORT_RULE_ERROR (rei_report_rule_error_quark ())

/* The code says which field is wrong, so that a form can mark it and an import name its
 * column. */
typedef enum
{
  REI_REPORT_RULE_ERROR_CODE_REQUIRED,
  REI_REPORT_RULE_ERROR_CODE_INVALID,
  REI_REPORT_RULE_ERROR_TITLE_REQUIRED,
  REI_REPORT_RULE_ERROR_ENDS_BEFORE_START,
  REI_REPORT_RULE_ERROR_GRANT_TOO_LARGE,
  REI_REPORT_RULE_ERROR_JOINED_REQUIRED,
  REI_REPORT_RULE_ERROR_LEFT_BEFORE_JOINED,
  REI_REPORT_RULE_ERROR_JOINED_OUTSIDE,
  REI_REPORT_RULE_ERROR_LEFT_OUTSIDE,
  REI_REPORT_RULE_ERROR_THRESHOLD_INVALID,
  REI_REPORT_RULE_ERROR_NUMERATOR_EMPTY,
} ReiReportRuleError;

GQuark    rei_report_rule_error_quark  (void);

/* Code and title given, the end not before the start, the grant not above the value. */
gboolean  rei_project_check            (const ReiProject       *project,
                                        GError                **error);
/* A date of joining; leaving not before joining; both within the project's period (its first
 * and last day included). */
gboolean  rei_enrolment_check          (const ReiEnrolment     *enrolment,
                                        const ReiProject       *project,
                                        GError                **error);
/* A code of small letters, digits and underscores; a label; a threshold of 0–1000 % or none; a
 * numerator that counts somebody (a flag, or a list of outcomes or statuses). */
gboolean  rei_indicator_def_check      (const ReiIndicatorDef  *def,
                                        GError                **error);

G_END_DECLS

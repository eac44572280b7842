/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

typedef struct
{
  char  *code;          /* "usamodzielnienie", "spoleczno_zatrudnieniowy" */
  char  *label;
  guint  numerator;
  guint  denominator;
} ReiIndicator;

/* One graduate of the year, with which indicators count them: a funder must be able to check
 * every number against the list of people behind it. */
typedef struct
{
  gint64  resident_id;
  char   *surname;
  char   *first_name;
  char   *pesel;
  char   *end_date;       /* ISO */
  char   *outcome;        /* code, NULL when unknown */
  char   *outcome_label;  /* NULL when unknown */
  GStrv   counted_in;     /* indicator codes whose numerator counts this person */
} ReiGraduate;

typedef struct
{
  int        year;
  GPtrArray *indicators;  /* ReiIndicator*, in the order of the indicator table */
  GPtrArray *graduates;   /* ReiGraduate*, Polish alphabetical order */
} ReiIndicatorReport;

ReiIndicatorReport *rei_indicators_compute        (ReiStore            *store,
                                                   int                  year,
                                                   GError             **error);
const ReiIndicator *rei_indicator_report_lookup   (ReiIndicatorReport  *report,
                                                   const char          *code);
double              rei_indicator_get_value       (const ReiIndicator  *indicator);
void                rei_indicator_report_free     (ReiIndicatorReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiIndicatorReport, rei_indicator_report_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  REI_RESIDENT_SORT_NAME,        /* surname, then first name, Polish order */
  REI_RESIDENT_SORT_FIRST_NAME,
  REI_RESIDENT_SORT_PESEL,
  REI_RESIDENT_SORT_ADMISSION,
  REI_RESIDENT_SORT_END,
  REI_RESIDENT_SORT_WORKSHOP,
  REI_RESIDENT_SORT_STATUS,      /* candidate, trial month, participant, ended */
  REI_RESIDENT_SORT_DAYS,        /* days in the programme */
  REI_RESIDENT_SORT_CATEGORY,
  REI_RESIDENT_SORT_PROJECT,
} ReiResidentSort;

/* The statuses of the lifecycle; derived from the dates, never stored, so they cannot drift. */
typedef enum
{
  REI_RESIDENT_STATUS_ANY,
  REI_RESIDENT_STATUS_CANDIDATE,
  REI_RESIDENT_STATUS_TRIAL,
  REI_RESIDENT_STATUS_PARTICIPANT,
  REI_RESIDENT_STATUS_ENDED,
} ReiResidentStatus;

#define REI_TYPE_RESIDENT_QUERY (rei_resident_query_get_type ())

/* What the list shows: the search text and filters of the residents view, or of an export. */
typedef struct
{
  char             *search;          /* over names and PESEL, case and diacritics folded */
  ReiResidentStatus status;
  char             *category;        /* a category code */
  char             *workshop;        /* a workshop name */
  char             *project;         /* a project title */
  int               admission_year;  /* 0: any */
  int               end_year;        /* 0: any */
  gboolean          review_overdue;  /* only those whose open plan's review is overdue */
  ReiResidentSort   sort;
  gboolean          descending;
} ReiResidentQuery;

GType             rei_resident_query_get_type (void) G_GNUC_CONST;
ReiResidentQuery *rei_resident_query_new      (void);
ReiResidentQuery *rei_resident_query_copy     (const ReiResidentQuery *query);
void              rei_resident_query_free     (ReiResidentQuery       *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiResidentQuery, rei_resident_query_free)

G_END_DECLS

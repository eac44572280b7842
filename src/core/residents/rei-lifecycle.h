/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident.h"
#include "rei-resident-query.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_LIFECYCLE_ERROR (rei_lifecycle_error_quark ())

typedef enum
{
  REI_LIFECYCLE_ERROR_EXTENSION,   /* an extension the rules do not allow */
} ReiLifecycleError;

/* The durations of art. 15 of the act and the centre's warning period, read from the setting
 * table: the law's numbers are dated data, never constants. */
typedef struct
{
  int trial_months;           /* okres próbny */
  int participation_months;   /* after the trial */
  int extension_max_months;   /* the longest extension allowed */
  int warning_days;           /* warn this many days before the planned end */
} ReiLifecycleRules;

typedef enum
{
  REI_LIFECYCLE_OK,
  REI_LIFECYCLE_NEAR_LIMIT,   /* the planned end is within warning_days */
  REI_LIFECYCLE_PAST_LIMIT,   /* the planned end has passed and the participation has not ended */
} ReiLifecycleWarning;

/* Where a resident stands on a given day.  Dates are ISO strings; NULL when there is no
 * admission date (a candidate not yet admitted). */
typedef struct
{
  ReiResidentStatus   status;
  char               *end_reason;         /* the code, for an ended participation, else NULL */
  char               *trial_end;          /* the last day of the trial month */
  char               *planned_end;        /* the last day with the extension granted */
  char               *latest_end;         /* the last day with the longest extension */
  int                 days_in_programme;  /* admission to end (or today), both counted; 0 for a candidate */
  ReiLifecycleWarning warning;
  int                 days_left;          /* to the planned end; negative past it; 0 unless in the programme */
} ReiLifecycle;

GQuark        rei_lifecycle_error_quark        (void);

/* The durations in force on on_date (the admission date; NULL: today); a rule not yet in force
 * then is taken as it stands today. */
void          rei_lifecycle_rules_load         (ReiStore                *store,
                                                const char              *on_date,
                                                ReiLifecycleRules       *rules);
ReiLifecycle *rei_lifecycle_compute            (const ReiLifecycleRules *rules,
                                                ReiResident             *resident,
                                                const char              *today_iso);
/* The two above for one resident: durations in force on their admission date, the warning
 * period in force today (today_iso; NULL: today). */
ReiLifecycle *rei_lifecycle_compute_for        (ReiStore                *store,
                                                ReiResident             *resident,
                                                const char              *today_iso);
void          rei_lifecycle_free               (ReiLifecycle            *lifecycle);

/* "Candidate", "Trial month", "Participant", "Ended" (and "All" for REI_RESIDENT_STATUS_ANY),
 * translated. */
const char   *rei_resident_status_to_string    (ReiResidentStatus        status);
/* The status with how it ended: "Ended (Rezygnacja)", with the end reason's label. */
char         *rei_lifecycle_dup_status_label   (const ReiLifecycle      *lifecycle,
                                                ReiStore                *store);
/* TRUE when months is from 0 to rules->extension_max_months. */
gboolean      rei_lifecycle_validate_extension (const ReiLifecycleRules *rules,
                                                int                      months,
                                                GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiLifecycle, rei_lifecycle_free)

G_END_DECLS

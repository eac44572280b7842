/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

/* The keys of the setting table (resources/sql/0002-…), each named here once.  The law's
 * durations (ustawa o zatrudnieniu socjalnym, art. 15) are dated data, never constants in code:
 * what happened on a day is judged by the value in force that day. */
#define REI_SETTING_TRIAL_MONTHS          "trial_months"
#define REI_SETTING_PARTICIPATION_MONTHS  "participation_months"
#define REI_SETTING_EXTENSION_MAX_MONTHS  "extension_max_months"
/* The centre's own choices. */
#define REI_SETTING_LIMIT_WARNING_DAYS    "limit_warning_days"
#define REI_SETTING_RETENTION_YEARS       "retention_years"

/* Only for a setting table that has lost a rule altogether (a hand-edited file): the values the
 * first migration writes, so that the lifecycle, the list's status filter and the validation of
 * a save fall back alike. */
#define REI_SETTING_TRIAL_MONTHS_FALLBACK          1
#define REI_SETTING_PARTICIPATION_MONTHS_FALLBACK  12
#define REI_SETTING_EXTENSION_MAX_MONTHS_FALLBACK  12
#define REI_SETTING_LIMIT_WARNING_DAYS_FALLBACK    30

/* The source written beside a value the centre set itself (data, like the law's sources). */
#define REI_SETTING_SOURCE_CENTRE         "ustawienie ośrodka"

/* A legal or centre setting in force on the given ISO date (NULL: today). */
char        *rei_store_get_setting           (ReiStore            *self,
                                              const char          *key,
                                              const char          *on_date);
int          rei_store_get_setting_int       (ReiStore            *self,
                                              const char          *key,
                                              const char          *on_date,
                                              int                  fallback);
/* Writes a centre setting in force from effective_from (an ISO date; NULL: today) on; the values
 * in force before stay, so that what happened then is still judged by them.  A second value on
 * the same day replaces the first. */
gboolean     rei_store_set_setting           (ReiStore            *self,
                                              const char          *key,
                                              const char          *effective_from,
                                              const char          *value,
                                              const char          *source,
                                              GError             **error);

G_END_DECLS

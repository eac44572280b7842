/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_PREFERENCES_REPORT_PAGE (rei_preferences_report_page_get_type ())

G_DECLARE_FINAL_TYPE (ReiPreferencesReportPage, rei_preferences_report_page, REI,
                      PREFERENCES_REPORT_PAGE, AdwPreferencesPage)

/* What the annual report to the voivode takes from the centre rather than from the register
 * (rei_export_annual()): the general data of part I (REGON, founding body, the date the CIS
 * status was granted), the staff employed, and the integration benefits and motivation bonuses
 * paid in a year, entered as amounts until attendance computes them.  Each is written as a
 * centre setting when its row is applied. */
ReiPreferencesReportPage *rei_preferences_report_page_new          (ReiStore                 *store);

/* Adds a person (name and position) at the end of the staff list, as the entry under the list
 * does; FALSE (and a toast) for text the list cannot hold. */
gboolean                  rei_preferences_report_page_add_staff    (ReiPreferencesReportPage *self,
                                                                    const char               *text);
/* Removes the person at @index, as their row's button does. */
void                      rei_preferences_report_page_remove_staff (ReiPreferencesReportPage *self,
                                                                    guint                     index);
/* For the window tests: the row of a person, or NULL past the end of the list. */
AdwEntryRow              *rei_preferences_report_page_get_staff_row (ReiPreferencesReportPage *self,
                                                                    guint                     index);
/* For the window tests: an AdwEntryRow written on apply, by its setting
 * (REI_SETTING_CENTRE_REGON, _FOUNDING_BODY, _STATUS_DATE, REI_SETTING_BENEFITS_PAID,
 * REI_SETTING_BONUSES_PAID, the last two for the year of the year spin button), or NULL. */
AdwEntryRow              *rei_preferences_report_page_get_row      (ReiPreferencesReportPage *self,
                                                                    const char               *key);
GtkSpinButton            *rei_preferences_report_page_get_year_spin (ReiPreferencesReportPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-preferences-report-page.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_PREFERENCES_WINDOW (rei_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ReiPreferencesWindow, rei_preferences_window, REI, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The centre's settings: its name, address and kind (CIS or CUS), the durations of the programme and the retention period (dated: a
 * change holds from today on) and the list of eligibility categories. */
ReiPreferencesWindow *rei_preferences_window_new            (GtkWindow            *parent,
                                                             ReiStore             *store);
/* Writes the durations changed in the last moment now, rather than after the typing pause. */
void                  rei_preferences_window_flush          (ReiPreferencesWindow *self);
/* For the window tests: the spin button of a setting ("trial_months", "retention_years", …). */
GtkSpinButton        *rei_preferences_window_get_spin       (ReiPreferencesWindow *self,
                                                             const char           *key);
/* For the window tests: the row of a centre setting ("centre_name", "centre_address": an
 * AdwEntryRow written on apply; "centre_mode": an AdwComboRow, CIS then CUS). */
GtkWidget            *rei_preferences_window_get_centre_row (ReiPreferencesWindow *self,
                                                             const char           *key);
/* The page of the centre's data for the annual report. */
ReiPreferencesReportPage *rei_preferences_window_get_report_page (ReiPreferencesWindow *self);
/* Adds a category as the entry at the end of the list does. */
char                 *rei_preferences_window_add_category   (ReiPreferencesWindow *self,
                                                             const char           *label);

/* For the window tests: the daily backup's switch and number of copies (GSettings). */
GtkSwitch            *rei_preferences_window_get_auto_backup_switch (ReiPreferencesWindow *self);
GtkSpinButton        *rei_preferences_window_get_backup_copies_spin (ReiPreferencesWindow *self);
AdwActionRow         *rei_preferences_window_get_last_backup_row    (ReiPreferencesWindow *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident-history-row.h"
#include "rei-resident-section.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_CONSENT_SECTION (rei_resident_consent_section_get_type ())

/* Personal data under the GDPR: the legal basis of processing and its date, the export for a
 * request of access, the anonymisation once the retention period has passed, and the history
 * of changes.  The export and the anonymisation are the pane's actions ("resident.export",
 * "resident.anonymise"); this only offers them. */
G_DECLARE_FINAL_TYPE (ReiResidentConsentSection, rei_resident_consent_section, REI,
                      RESIDENT_CONSENT_SECTION, ReiResidentSection)

/* shown: whether a saved, not yet anonymised person is in the form; possible: whether the
 * retention period has passed, which the row explains. */
void                   rei_resident_consent_section_show_anonymise
                                                   (ReiResidentConsentSection *self,
                                                    gboolean                   shown,
                                                    gboolean                   possible);
ReiResidentHistoryRow *rei_resident_consent_section_get_history_row
                                                   (ReiResidentConsentSection *self);
GtkWidget             *rei_resident_consent_section_get_anonymise_row
                                                   (ReiResidentConsentSection *self);

G_END_DECLS

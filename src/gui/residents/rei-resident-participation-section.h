/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident-section.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_PARTICIPATION_SECTION (rei_resident_participation_section_get_type ())

/* The workshop, projects and admission, the lifecycle that follows from them under the centre's
 * rules (status, trial end, planned and latest end, days in the programme, a warning near or
 * past the limit), and the extension, which the rules bound. */
G_DECLARE_FINAL_TYPE (ReiResidentParticipationSection, rei_resident_participation_section, REI,
                      RESIDENT_PARTICIPATION_SECTION, ReiResidentSection)

GtkWidget     *rei_resident_participation_section_get_warning_row
                                                   (ReiResidentParticipationSection *self);
GtkSpinButton *rei_resident_participation_section_get_extension_spin
                                                   (ReiResidentParticipationSection *self);

G_END_DECLS

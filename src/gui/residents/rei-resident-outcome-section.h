/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident-section.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_OUTCOME_SECTION (rei_resident_outcome_section_get_type ())

/* The end of the participation, its reason, and the situation after leaving that the
 * indicators count. */
G_DECLARE_FINAL_TYPE (ReiResidentOutcomeSection, rei_resident_outcome_section, REI,
                      RESIDENT_OUTCOME_SECTION, ReiResidentSection)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident-section.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_ELIGIBILITY_SECTION (rei_resident_eligibility_section_get_type ())

/* Why the person may enter: the categories of art. 1 sec. 2 of the act (a box each, from the
 * store), who referred them, and their situation at entry. */
G_DECLARE_FINAL_TYPE (ReiResidentEligibilitySection, rei_resident_eligibility_section, REI,
                      RESIDENT_ELIGIBILITY_SECTION, ReiResidentSection)

/* Checks or unchecks the box of a category, as a click does. */
void rei_resident_eligibility_section_set_category (ReiResidentEligibilitySection *self,
                                                    const char                    *code,
                                                    gboolean                       active);

G_END_DECLS

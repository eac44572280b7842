/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident-section.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_IDENTITY_SECTION (rei_resident_identity_section_get_type ())

/* Name, PESEL, birth date and sex.  A valid PESEL fills in the birth date and the sex, which
 * cannot then be edited apart from it. */
G_DECLARE_FINAL_TYPE (ReiResidentIdentitySection, rei_resident_identity_section, REI,
                      RESIDENT_IDENTITY_SECTION, ReiResidentSection)


G_END_DECLS

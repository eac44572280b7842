/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident-section.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_CONTACT_SECTION (rei_resident_contact_section_get_type ())

/* Phone, e-mail and address. */
G_DECLARE_FINAL_TYPE (ReiResidentContactSection, rei_resident_contact_section, REI,
                      RESIDENT_CONTACT_SECTION, ReiResidentSection)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident-section.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_NOTES_SECTION (rei_resident_notes_section_get_type ())

/* The notes about a person, last in the form. */
G_DECLARE_FINAL_TYPE (ReiResidentNotesSection, rei_resident_notes_section, REI,
                      RESIDENT_NOTES_SECTION, ReiResidentSection)

G_END_DECLS

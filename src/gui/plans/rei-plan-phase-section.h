/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-plan-section.h"

G_BEGIN_DECLS

#define REI_TYPE_PLAN_PHASE_SECTION (rei_plan_phase_section_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlanPhaseSection, rei_plan_phase_section, REI, PLAN_PHASE_SECTION,
                      ReiPlanSection)

/* The plan's phase (seed 000's case manager's phases), its dates, the approval an IPUS needs
 * from the director or an authorised services organiser, the day an IPZS participant took up
 * work, and the legal checks with their Polish reasons. */
GtkWidget *rei_plan_phase_section_new (void);

G_END_DECLS

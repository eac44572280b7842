/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-plan-section.h"

G_BEGIN_DECLS

#define REI_TYPE_PLAN_SERVICES_SECTION (rei_plan_services_section_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlanServicesSection, rei_plan_services_section, REI,
                      PLAN_SERVICES_SECTION, ReiPlanSection)

/* The services of the plan from the catalogue (group A or B, provider, hours planned and
 * given): adding one while the plan is open, recording the hours given at any time. */
GtkWidget *rei_plan_services_section_new (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-plan-section.h"

G_BEGIN_DECLS

#define REI_TYPE_PLAN_CLOSING_SECTION (rei_plan_closing_section_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlanClosingSection, rei_plan_closing_section, REI,
                      PLAN_CLOSING_SECTION, ReiPlanSection)

/* The closing: achievements against the goals, the situation after leaving (the resident's
 * outcome, the one field the indicators count), the options for further support. */
GtkWidget *rei_plan_closing_section_new (void);

G_END_DECLS

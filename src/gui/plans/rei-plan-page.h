/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-plan-view.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_PLAN_PAGE (rei_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlanPage, rei_plan_page, REI, PLAN_PAGE, GtkWidget)

/* The window's "Plan" page: the current plan of the person chosen in the residents list, an
 * offer to draw one up when they have none, or a word that nobody is chosen.  Which plan is
 * the person's is read in a thread. */
void         rei_plan_page_set_store     (ReiPlanPage *self,
                                          ReiStore    *store);
/* The person whose plan to show; -1 or 0: nobody (a new person not saved yet has no plan). */
void         rei_plan_page_set_resident  (ReiPlanPage *self,
                                          gint64       resident_id);
gint64       rei_plan_page_get_resident  (ReiPlanPage *self);
ReiPlanView *rei_plan_page_get_view      (ReiPlanPage *self);
/* "empty", "none" or "plan": what the page shows. */
const char  *rei_plan_page_get_state     (ReiPlanPage *self);
/* Whether the person's plan is being looked up. */
gboolean     rei_plan_page_get_finding   (ReiPlanPage *self);
/* Draws up a plan for the person shown (the "Create Plan" button). */
gboolean     rei_plan_page_create_plan   (ReiPlanPage *self,
                                          GError     **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-plan-section.h"

G_BEGIN_DECLS

#define REI_TYPE_PLAN_REVIEWS_SECTION (rei_plan_reviews_section_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlanReviewsSection, rei_plan_reviews_section, REI,
                      PLAN_REVIEWS_SECTION, ReiPlanSection)

/* The scores the view's potential form holds, as a new assessment (kind and date left to the
 * caller). */
typedef ReiPlanAssessment *(*ReiPlanAssessmentFunc) (gpointer user_data);

/* The reviews: the schedule and the next date, each review held (progress per goal, the
 * assessment recorded with it, the contingency plan), the unmet needs, and a new review. */
GtkWidget *rei_plan_reviews_section_new                 (void);
void       rei_plan_reviews_section_set_assessment_func (ReiPlanReviewsSection *self,
                                                         ReiPlanAssessmentFunc  func,
                                                         gpointer               user_data);

G_END_DECLS

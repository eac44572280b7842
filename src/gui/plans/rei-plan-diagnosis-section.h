/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-plan-section.h"

G_BEGIN_DECLS

#define REI_TYPE_PLAN_DIAGNOSIS_SECTION (rei_plan_diagnosis_section_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlanDiagnosisSection, rei_plan_diagnosis_section, REI,
                      PLAN_DIAGNOSIS_SECTION, ReiPlanSection)

/* The diagnosis: the opinions of the social worker, the psychologist and the vocational
 * counsellor (author, date, text; the counsellor's vocational preferences), adding one, and the
 * summary the plan starts from. */
GtkWidget *rei_plan_diagnosis_section_new (void);

G_END_DECLS

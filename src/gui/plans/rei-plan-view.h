/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_PLAN_VIEW (rei_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlanView, rei_plan_view, REI, PLAN_VIEW, GtkBox)

/* One person's current plan: its state and the legal warnings, the potential profile (entry
 * against the latest assessment), the goals, recording an assessment, signing and annexes,
 * printing through the core's drawing.  The plan is read in a thread and shown in steps, a part
 * of the page per frame from the top; "loaded" is emitted when a read is wholly shown. */
GtkWidget *rei_plan_view_new           (ReiStore    *store);
void       rei_plan_view_set_plan      (ReiPlanView *self,
                                        gint64       plan_id);
gint64     rei_plan_view_get_plan_id   (ReiPlanView *self);
/* The plan as last read (NULL before the first read). */
gpointer   rei_plan_view_get_plan      (ReiPlanView *self);
/* TRUE while a read is under way or its showing not finished (the forms of the page may still
 * be filled in). */
gboolean   rei_plan_view_get_busy      (ReiPlanView *self);
/* For tests and scripted printing: print to this PDF file without a dialog. */
void       rei_plan_view_set_export_filename (ReiPlanView *self,
                                              const char  *path);

G_END_DECLS

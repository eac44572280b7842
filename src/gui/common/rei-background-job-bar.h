/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rei-background-job.h"

G_BEGIN_DECLS

#define REI_TYPE_BACKGROUND_JOB_BAR (rei_background_job_bar_get_type ())

G_DECLARE_FINAL_TYPE (ReiBackgroundJobBar, rei_background_job_bar, REI, BACKGROUND_JOB_BAR,
                      GtkWidget)

/* A bar that slides up under a view while a ReiBackgroundJob runs: the job's title, its
 * progress (with its text, when it gives one) and Cancel.  It slides away when the job ends. */
GtkWidget        *rei_background_job_bar_new     (void);
ReiBackgroundJob *rei_background_job_bar_get_job (ReiBackgroundJobBar *self);
/* Shows job until it finishes; NULL hides the bar. */
void              rei_background_job_bar_set_job (ReiBackgroundJobBar *self,
                                                  ReiBackgroundJob    *job);

G_END_DECLS

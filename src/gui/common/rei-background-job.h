/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REI_TYPE_BACKGROUND_JOB (rei_background_job_get_type ())

G_DECLARE_FINAL_TYPE (ReiBackgroundJob, rei_background_job, REI, BACKGROUND_JOB, GObject)

/* Slow work (an import, an export, a big query) in a worker thread, never on the main thread.
 *
 * The function runs in the thread with the job's data; it tells how far it is with
 * rei_background_job_set_fraction() (or passes rei_background_job_progress() as a
 * ReiProgressFunc) and rei_background_job_set_text(), stops when the cancellable is cancelled,
 * and returns FALSE with an error when it failed (G_IO_ERROR_CANCELLED when it stopped for
 * Cancel).  What it returns is the answer: work that was done before it saw Cancel is reported
 * as done.
 *
 * On the main thread the job has "fraction" and "text" (read from the worker ten times a
 * second), "running", and a "title" for whatever shows it (a ReiBackgroundJobBar, or the
 * caller's own progress bar).  When the function returns, the job says so on its owner widget:
 * the done message as a toast, the cancelled message as a toast, a failure in the error dialog
 * headed by the error title (each only when set).  Then it emits "finished" (GError *error,
 * NULL on success).  The owner is held weakly: a job whose owner is destroyed is cancelled, and
 * shows nothing. */
typedef gboolean (*ReiBackgroundJobFunc) (ReiBackgroundJob  *job,
                                          gpointer           data,
                                          GCancellable      *cancellable,
                                          GError           **error);

ReiBackgroundJob *rei_background_job_new                   (GtkWidget            *owner,
                                                            const char           *title);
GtkWidget        *rei_background_job_dup_owner             (ReiBackgroundJob     *self);
const char       *rei_background_job_get_title             (ReiBackgroundJob     *self);
/* A toast when the work is done, e.g. "Exported 120 residents to list.xlsx". */
void              rei_background_job_set_done_message      (ReiBackgroundJob     *self,
                                                            const char           *message);
/* A toast when the work stopped for Cancel. */
void              rei_background_job_set_cancelled_message (ReiBackgroundJob     *self,
                                                            const char           *message);
/* The heading of the error dialog when the work failed; the error's message is its body. */
void              rei_background_job_set_error_title       (ReiBackgroundJob     *self,
                                                            const char           *title);

/* Starts func in a worker thread, once per job.  The job owns data (freed with data_free when
 * the job goes); the caller reads what the function left in it after "finished". */
void              rei_background_job_run                   (ReiBackgroundJob     *self,
                                                            ReiBackgroundJobFunc  func,
                                                            gpointer              data,
                                                            GDestroyNotify        data_free);
gpointer          rei_background_job_get_data              (ReiBackgroundJob     *self);
void              rei_background_job_cancel                (ReiBackgroundJob     *self);
gboolean          rei_background_job_get_cancelled         (ReiBackgroundJob     *self);
gboolean          rei_background_job_get_running           (ReiBackgroundJob     *self);
double            rei_background_job_get_fraction          (ReiBackgroundJob     *self);
const char       *rei_background_job_get_text              (ReiBackgroundJob     *self);

/* From the worker thread. */
void              rei_background_job_set_fraction          (ReiBackgroundJob     *self,
                                                            double                fraction);
void              rei_background_job_set_text              (ReiBackgroundJob     *self,
                                                            const char           *text);
/* A ReiProgressFunc: pass the job as its user data. */
void              rei_background_job_progress              (double                fraction,
                                                            gpointer              job);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rei-background-job-bar.h"
#include "rei-background-job.h"
#include "window-test-util.h"

/* A window with a toast overlay around a box: the owner of the jobs, and a bar for them. */
typedef struct
{
  GtkWindow       *window;
  AdwToastOverlay *overlay;
  GtkWidget       *owner;
  GtkWidget       *bar;

  gboolean         finished;
  GError          *error;
  double           largest_fraction;
  char            *last_text;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  f->owner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  f->bar = rei_background_job_bar_new ();
  gtk_box_append (GTK_BOX (f->owner), gtk_label_new ("Table"));
  gtk_box_append (GTK_BOX (f->owner), f->bar);
  adw_toast_overlay_set_child (f->overlay, f->owner);
  gtk_window_set_child (f->window, GTK_WIDGET (f->overlay));
  gtk_window_set_default_size (f->window, 600, 200);
  gtk_window_present (f->window);
  rei_window_test_wait_for_frame (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_error (&f->error);
  g_free (f->last_text);
}

static void
on_finished_cb (ReiBackgroundJob *job,
                const GError     *error,
                Fixture          *f)
{
  g_assert_false (rei_background_job_get_running (job));
  f->finished = TRUE;
  f->error = error != NULL ? g_error_copy (error) : NULL;
}

static void
on_progress_cb (ReiBackgroundJob *job,
                GParamSpec       *pspec,
                Fixture          *f)
{
  f->largest_fraction = MAX (f->largest_fraction, rei_background_job_get_fraction (job));
  if (rei_background_job_get_text (job) != NULL)
    {
      g_free (f->last_text);
      f->last_text = g_strdup (rei_background_job_get_text (job));
    }
}

static ReiBackgroundJob *
new_job (Fixture *f)
{
  ReiBackgroundJob *job = rei_background_job_new (f->owner, "Working…");

  rei_background_job_set_done_message (job, "All done");
  rei_background_job_set_cancelled_message (job, "Stopped");
  rei_background_job_set_error_title (job, "It Failed");
  g_signal_connect (job, "finished", G_CALLBACK (on_finished_cb), f);
  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_progress_cb), f);
  g_signal_connect (job, "notify::text", G_CALLBACK (on_progress_cb), f);
  return job;
}

/* Halfway, with a text, long enough for the main thread to read it; then done. */
static gboolean
work_halfway_then_done (ReiBackgroundJob  *job,
                        gpointer           data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  int *runs = data;

  g_assert_false (g_main_context_is_owner (g_main_context_default ()));
  (*runs)++;
  rei_background_job_progress (0.5, job);
  rei_background_job_set_text (job, "half of it");
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  return TRUE;
}

/* Until cancelled, then what a cancelled export answers. */
static gboolean
work_until_cancelled (ReiBackgroundJob  *job,
                      gpointer           data,
                      GCancellable      *cancellable,
                      GError           **error)
{
  while (!g_cancellable_is_cancelled (cancellable))
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Sees Cancel only once its work is done, as an import that has just committed. */
static gboolean
work_ignoring_cancel (ReiBackgroundJob  *job,
                      gpointer           data,
                      GCancellable      *cancellable,
                      GError           **error)
{
  while (!g_cancellable_is_cancelled (cancellable))
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);
  return TRUE;
}

static gboolean
work_failing (ReiBackgroundJob  *job,
              gpointer           data,
              GCancellable      *cancellable,
              GError           **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The disk is full.");
  return FALSE;
}

static GtkLabel *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* The titles of the toasts the overlay shows (the first label of each). */
static void
collect_toasts (GtkWidget *widget,
                GString   *titles)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "toast") == 0)
    {
      GtkLabel *title = find_label (widget);

      g_string_append_printf (titles, "%s;", title != NULL ? gtk_label_get_label (title) : "");
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_toasts (child, titles);
}

static char *
dup_toasts (Fixture *f)
{
  GString *titles = g_string_new (NULL);

  collect_toasts (GTK_WIDGET (f->overlay), titles);
  return g_string_free (titles, FALSE);
}

static void
test_done (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ReiBackgroundJob) job = new_job (f);
  g_autofree char *toasts = NULL;
  int runs = 0;

  rei_background_job_bar_set_job (REI_BACKGROUND_JOB_BAR (f->bar), job);
  g_assert_false (rei_background_job_get_running (job));
  rei_background_job_run (job, work_halfway_then_done, &runs, NULL);
  g_assert_true (rei_background_job_get_running (job));
  g_assert_cmpstr (rei_background_job_get_title (job), ==, "Working…");
  rei_window_test_wait_until (rei_window_test_is_true, &f->finished, "the job");

  g_assert_no_error (f->error);
  g_assert_cmpint (runs, ==, 1);
  /* The main thread saw the worker's progress and text. */
  g_assert_cmpfloat (f->largest_fraction, ==, 0.5);
  g_assert_cmpstr (f->last_text, ==, "half of it");
  g_assert_false (rei_background_job_get_running (job));
  /* The bar lets the job go when it ends. */
  g_assert_null (rei_background_job_bar_get_job (REI_BACKGROUND_JOB_BAR (f->bar)));
  toasts = dup_toasts (f);
  g_assert_cmpstr (toasts, ==, "All done;");
  g_assert_null (rei_window_test_find_message_dialog (f->window));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ReiBackgroundJob) job = new_job (f);
  g_autofree char *toasts = NULL;

  rei_background_job_bar_set_job (REI_BACKGROUND_JOB_BAR (f->bar), job);
  rei_background_job_run (job, work_until_cancelled, NULL, NULL);
  rei_window_test_wait_for_frame (f->bar);
  /* The bar slides up while the job runs. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (f->bar))));

  /* The bar's Cancel button. */
  g_assert_true (gtk_widget_activate_action (f->bar, "job.cancel", NULL));
  g_assert_true (rei_background_job_get_cancelled (job));
  rei_window_test_wait_until (rei_window_test_is_true, &f->finished, "the job");

  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (f->bar))));
  toasts = dup_toasts (f);
  g_assert_cmpstr (toasts, ==, "Stopped;");
  g_assert_null (rei_window_test_find_message_dialog (f->window));
}

/* Work done before Cancel was seen is reported as done. */
static void
test_done_despite_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ReiBackgroundJob) job = new_job (f);

  rei_background_job_run (job, work_ignoring_cancel, NULL, NULL);
  rei_background_job_cancel (job);
  rei_window_test_wait_until (rei_window_test_is_true, &f->finished, "the job");
  g_assert_no_error (f->error);
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ReiBackgroundJob) job = new_job (f);
  g_autofree char *toasts = NULL;
  AdwMessageDialog *dialog;

  rei_background_job_run (job, work_failing, NULL, NULL);
  rei_window_test_wait_until (rei_window_test_is_true, &f->finished, "the job");

  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  dialog = rei_window_test_find_message_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "It Failed");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "The disk is full.");
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));
  toasts = dup_toasts (f);
  g_assert_cmpstr (toasts, ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
free_counter (gpointer data)
{
  g_atomic_int_inc ((int *) data);
}

/* A window closed while its job runs: the job is cancelled, shows nothing and frees its data. */
static void
test_owner_destroyed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ReiBackgroundJob) job = new_job (f);
  int freed = 0;

  rei_background_job_run (job, work_until_cancelled, &freed, free_counter);
  gtk_window_destroy (f->window);
  f->window = NULL;
  g_assert_true (rei_background_job_get_cancelled (job));
  rei_window_test_wait_until (rei_window_test_is_true, &f->finished, "the job");

  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (rei_background_job_dup_owner (job));
  g_assert_cmpint (freed, ==, 0);
  /* The worker's task lets the job go a moment after its end, maybe from its thread. */
  g_clear_object (&job);
  for (int i = 0; i < 1000 && g_atomic_int_get (&freed) == 0; i++)
    {
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpint (g_atomic_int_get (&freed), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status = rei_window_test_init (&argc, &argv);

  if (status != 0)
    return status;

  g_test_add ("/background-job/done", Fixture, NULL, fixture_set_up, test_done,
              fixture_tear_down);
  g_test_add ("/background-job/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/background-job/done-despite-cancel", Fixture, NULL, fixture_set_up,
              test_done_despite_cancel, fixture_tear_down);
  g_test_add ("/background-job/error", Fixture, NULL, fixture_set_up, test_error,
              fixture_tear_down);
  g_test_add ("/background-job/owner-destroyed", Fixture, NULL, fixture_set_up,
              test_owner_destroyed, fixture_tear_down);
  return g_test_run ();
}

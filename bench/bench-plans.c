/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#include <X11/extensions/Xdamage.h>
#endif

#include "rei-plan-print.h"
#include "rei-plan-view.h"
#include "rei-store-plans.h"
#include "rei-store-residents.h"

/* A big plan in the window and on paper, run by hand under Xvfb:
 *
 *   xvfb-run -a -s '-screen 0 1280x1024x24' env GSK_RENDERER=cairo bench-plans
 *
 * Two plans of 40 goals, 30 services and 24 assessments (a review with each), of two people
 * with different texts, are made in a private temporary database; then, in BENCH_PLANS_ROUNDS
 * rounds (5): (a) the plan view is told to show one, then the other (as when the worker picks
 * another person in the list: every row is rewritten), and the longest main-loop dispatch (less
 * its wait in poll()) until the view has made every row ("loaded") and painted a frame is the
 * main thread's work, which must fit in one frame (16 ms); the read itself runs in a thread.
 * The longest dispatch is split into the frame clock's phases (BENCH_PLANS_TRACE=1 prints every
 * dispatch so), and the largest rectangle the X server saw drawn in the window is printed (a
 * frame that repaints most of the window while little changes shows there);
 * (b) the PDF of the plan is written through the core's drawing. */

#define N_GOALS 40
#define N_SERVICES 30
#define N_ASSESSMENTS 24

/* The main thread's processor time: on a shared machine the wall time of a dispatch also counts
 * the time other processes had the processor. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static GPollFunc default_poll;
static gint64    poll_us;

static gint
timed_poll (GPollFD *fds,
            guint    nfds,
            gint     timeout)
{
  gint64 start = g_get_monotonic_time ();
  gint result = default_poll (fds, nfds, timeout);

  poll_us += g_get_monotonic_time () - start;
  return result;
}

/* Where a frame's processor time goes: the frame clock's phases, each stamped after the handlers
 * GTK connected to it (the tick callbacks in "update", the surface's layout and paint), so the
 * gap between two stamps is the phase in between.  A dispatch that is no frame (the read's
 * answer landing) shows as "other". */
enum { PH_BEFORE, PH_UPDATE, PH_LAYOUT, PH_PAINT, PH_AFTER, N_PHASES };
static const char *phase_names[N_PHASES] = { "start", "update", "layout", "paint", "after-paint" };
static gint64 phase_stamp[N_PHASES];

static gint64 thread_cpu_us (void);

static void
on_phase_cb (GdkFrameClock *clock,
             gpointer       phase)
{
  phase_stamp[GPOINTER_TO_INT (phase)] = thread_cpu_us ();
}

static void
on_loaded_cb (GtkWidget *view,
              gboolean  *loaded)
{
  *loaded = TRUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* The largest rectangle drawn in the window since the round began, from the X server's DAMAGE
 * reports (through GTK's own copy of libXdamage, so that the bench links nothing more). */
static int    damage_event_base = -1;
static double damage_largest;

#ifdef GDK_WINDOWING_X11
static void
on_xevent_cb (GdkX11Display *display,
              XEvent        *xevent,
              gpointer       user_data)
{
  if (damage_event_base >= 0 && xevent->type == damage_event_base + XDamageNotify)
    {
      XDamageNotifyEvent *e = (XDamageNotifyEvent *) xevent;

      damage_largest = MAX (damage_largest, (double) e->area.width * e->area.height);
    }
}
#endif

static void
watch_damage (GtkWidget *window)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gtk_widget_get_display (window);
  Bool (*query) (Display *, int *, int *) = dlsym (RTLD_DEFAULT, "XDamageQueryExtension");
  Damage (*create) (Display *, Drawable, int) = dlsym (RTLD_DEFAULT, "XDamageCreate");
  int event_base, error_base;

  if (!GDK_IS_X11_DISPLAY (display) || query == NULL || create == NULL
      || !query (gdk_x11_display_get_xdisplay (display), &event_base, &error_base))
    return;
  create (gdk_x11_display_get_xdisplay (display),
          gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))), XDamageReportRawRectangles);
  damage_event_base = event_base;
  g_signal_connect (display, "xevent", G_CALLBACK (on_xevent_cb), NULL);
  /* A new damage object reports the whole window once. */
  gdk_display_sync (display);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
#endif
}

static gint64
make_plan (ReiStore   *store,
           const char *first_name,
           const char *surname,
           const char *pesel,
           const char *goal)
{
  g_autoptr(ReiResident) r = rei_resident_new ();
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(GPtrArray) dims = rei_store_list_potential_dimensions (store, NULL);
  gint64 id;

  rei_resident_set (r, REI_RESIDENT_FIRST_NAME, first_name);
  rei_resident_set (r, REI_RESIDENT_SURNAME, surname);
  rei_resident_set (r, REI_RESIDENT_PESEL, pesel);
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2022-01-03");
  g_assert (rei_store_save_resident (store, r, NULL));
  id = rei_store_create_plan (store, rei_resident_get_id (r), NULL, "2022-01-10", NULL);
  plan = rei_store_get_plan (store, id, NULL);
  rei_plan_set (plan, REI_PLAN_DIAGNOSIS_SUMMARY, "Długotrwale bezrobotna, gotowa do zmiany.");
  g_assert (rei_store_save_plan (store, plan, NULL));
  for (int i = 0; i < N_GOALS; i++)
    {
      g_autoptr(ReiPlanGoal) g = rei_plan_goal_new ();
      g->title = g_strdup_printf ("Cel %d: %s", i + 1, goal);
      g->criterion = g_strdup ("Zaświadczenie o ukończeniu");
      g->deadline = g_strdup ("2022-12-31");
      g_assert (rei_store_save_goal (store, id, g, NULL));
    }
  for (int i = 0; i < N_SERVICES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Usługa %02d %s", i + 1, surname);
      g_autoptr(ReiPlanService) s = rei_plan_service_new ();
      s->service_id = rei_store_plan_ensure_service (store, name, i % 2 ? "B" : "A", NULL);
      s->provider = g_strdup ("MOPS");
      s->hours_planned = 20;
      g_assert (rei_store_save_plan_service (store, id, s, NULL));
    }
  g_assert (rei_store_sign_plan (store, id, "2022-01-12", NULL));
  plan = (g_object_unref (plan), rei_store_get_plan (store, id, NULL));
  for (int i = 0; i < N_ASSESSMENTS; i++)
    {
      g_autoptr(ReiPlanAssessment) a = rei_plan_assessment_new ();
      g_autoptr(ReiPlanReview) review = rei_plan_review_new ();
      GDate d;

      g_date_set_dmy (&d, 15, 1, 2022);
      g_date_add_months (&d, i);
      a->assessed_on = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                                        g_date_get_day (&d));
      a->kind = g_strdup (i == 0 ? "wejscie" : "przeglad");
      for (guint k = 0; k < dims->len; k++)
        g_ptr_array_add (a->scores, rei_plan_score_new (((ReiPlanLabel *) g_ptr_array_index (dims, k))->code,
                                                        1 + (int) ((i + k) % 5), NULL, NULL));
      review->held_on = g_strdup (a->assessed_on);
      review->notes = g_strdup ("Przegląd miesięczny");
      for (guint k = 0; k < rei_plan_get_goals (plan)->len; k++)
        g_ptr_array_add (review->progress,
                         rei_plan_goal_progress_new (((ReiPlanGoal *) g_ptr_array_index (rei_plan_get_goals (plan), k))->id,
                                                     "w_realizacji", "postęp"));
      g_assert (rei_store_add_review (store, id, review, a, NULL, NULL) > 0);
    }
  return id;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("reintegra-bench-plans-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "plans.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  const char *rounds_env = g_getenv ("BENCH_PLANS_ROUNDS");
  int rounds = rounds_env ? atoi (rounds_env) : 5;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  GtkWidget *window, *view;
  gint64 ids[2];

  adw_init ();
  store = rei_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  ids[0] = make_plan (store, "Jadwiga", "Łuczyńska", "85071512348", "ukończyć etap ścieżki reintegracji");
  ids[1] = make_plan (store, "Zdzisław", "Żółkiewski", "90010112349", "znaleźć zatrudnienie wspierane");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  view = rei_plan_view_new (store);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  /* The window's own first frame is not the plan's. */
  {
    gboolean painted = FALSE;
    gulong h = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                 G_CALLBACK (on_after_paint_cb), &painted);

    while (!painted)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), h);
  }

  {
    static const char *signals[N_PHASES] = { "before-paint", "update", "layout", "paint", "after-paint" };

    for (int i = 0; i < N_PHASES; i++)
      g_signal_connect_after (gtk_widget_get_frame_clock (window), signals[i], G_CALLBACK (on_phase_cb),
                              GINT_TO_POINTER (i));
  }
  watch_damage (window);
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  g_print ("plan: %d goals, %d services, %d assessments and reviews\n", N_GOALS, N_SERVICES, N_ASSESSMENTS);
  for (int round = 0; round < rounds; round++)
    {
      gboolean loaded = FALSE, painted = FALSE;
      gint64 max_phases[N_PHASES] = { 0 };
      int n_dispatches = 0, n_frames = 0;
      gint64 max_other = 0;
      gint64 max_work = 0, max_cpu = 0, start = g_get_monotonic_time (), cpu_start = thread_cpu_us (), total;
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
      gulong h1 = g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_cb), &loaded);
      gulong h2 = 0;

      damage_largest = 0;
      rei_plan_view_set_plan (REI_PLAN_VIEW (view), ids[round % 2]);
      max_work = g_get_monotonic_time () - start;
      max_cpu = thread_cpu_us () - cpu_start;
      while (!painted)
        {
          gint64 t0 = g_get_monotonic_time (), c0 = thread_cpu_us (), p0 = poll_us, work, cpu;
          gboolean was_loaded = loaded;

          for (int i = 0; i < N_PHASES; i++)
            phase_stamp[i] = 0;
          g_main_context_iteration (NULL, TRUE);
          /* A frame that skipped a phase (nothing to lay out) spent nothing in it. */
          for (int i = PH_UPDATE; i < N_PHASES && phase_stamp[PH_AFTER] != 0; i++)
            if (phase_stamp[i] == 0)
              phase_stamp[i] = phase_stamp[i - 1];
          work = g_get_monotonic_time () - t0 - (poll_us - p0);
          cpu = thread_cpu_us () - c0;
          max_work = MAX (max_work, work);
          n_dispatches++;
          n_frames += phase_stamp[PH_AFTER] != 0;
          if (phase_stamp[PH_AFTER] == 0)
            max_other = MAX (max_other, cpu);
          if (g_getenv ("BENCH_PLANS_TRACE") != NULL)
            {
              g_print ("      dispatch %d at %.6f: %.1f ms", n_dispatches, t0 / 1e6, cpu / 1000.0);
              if (phase_stamp[PH_AFTER] != 0)
                for (int i = PH_UPDATE; i < N_PHASES; i++)
                  g_print (" %s %.1f", phase_names[i], (phase_stamp[i] - phase_stamp[i - 1]) / 1000.0);
              g_print ("\n");
            }
          if (cpu > max_cpu)
            {
              max_cpu = cpu;
              memset (max_phases, 0, sizeof max_phases);
              if (phase_stamp[PH_AFTER] != 0)
                {
                  max_phases[PH_BEFORE] = phase_stamp[PH_BEFORE] - c0;
                  for (int i = PH_UPDATE; i < N_PHASES; i++)
                    max_phases[i] = phase_stamp[i] - phase_stamp[i - 1];
                }
            }
          /* The last rows are made in a frame's update phase, and that frame lays them out and
           * paints them; "loaded" outside a frame (nothing left to make) waits for the next. */
          if (loaded && !was_loaded && phase_stamp[PH_AFTER] != 0)
            painted = TRUE;
          else if (loaded && h2 == 0)
            {
              h2 = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
              gtk_widget_queue_draw (view);
            }
        }
      total = g_get_monotonic_time () - start;
      g_signal_handler_disconnect (view, h1);
      if (h2 != 0)
        g_signal_handler_disconnect (clock, h2);
      g_print ("open plan %c, round %d: longest main-thread dispatch %.1f ms of processor time "
               "(%.1f ms wall; budget 16), until painted %.1f ms\n",
               'A' + round % 2, round + 1, max_cpu / 1000.0, max_work / 1000.0, total / 1000.0);
      if (max_phases[PH_BEFORE] + max_phases[PH_UPDATE] + max_phases[PH_LAYOUT] + max_phases[PH_PAINT] == 0)
        g_print ("    longest dispatch: not a frame (the read's answer); %d dispatches, %d frames\n",
                 n_dispatches, n_frames);
      else
        {
          g_print ("    longest dispatch, a frame:");
          for (int i = 0; i < N_PHASES; i++)
            g_print (" %s %.1f", phase_names[i], max_phases[i] / 1000.0);
          g_print (" ms; %d dispatches, %d frames\n", n_dispatches, n_frames);
        }
      g_print ("    longest dispatch that is no frame (the read's answer landing): %.1f ms\n", max_other / 1000.0);
      if (damage_event_base >= 0)
        {
          /* The last frame's drawing reaches the server before the next round begins. */
          gdk_display_sync (gtk_widget_get_display (window));
          while (g_main_context_pending (NULL))
            g_main_context_iteration (NULL, FALSE);
          g_print ("    largest rectangle drawn: %.0f%% of the window\n",
                   damage_largest * 100 / (gtk_widget_get_width (window) * (double) gtk_widget_get_height (window)));
        }
    }
  for (int round = 0; round < rounds; round++)
    {
      g_autoptr(ReiPlan) plan = rei_store_get_plan (store, ids[0], NULL);
      gint64 start = g_get_monotonic_time (), cpu_start = thread_cpu_us ();
      g_autoptr(ReiPlanPrint) print = rei_plan_print_new_for_store (store, plan, &error);

      if (print == NULL || !rei_plan_print_write_pdf (print, pdf, &error))
        g_error ("%s", error->message);
      g_print ("PDF of the plan, round %d: %.1f ms of processor time (%.1f ms wall; budget 300), %u pages\n",
               round + 1, (thread_cpu_us () - cpu_start) / 1000.0, (g_get_monotonic_time () - start) / 1000.0,
               rei_plan_print_get_n_pages (print));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_remove (pdf);
  g_remove (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  return 0;
}

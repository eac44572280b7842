/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <stdlib.h>
#include <time.h>
#include <adwaita.h>

#include "rei-demo.h"
#include "rei-store-residents.h"
#include "rei-window-private.h"

/* The Reports tab's sub-pages opened for the first time, measured on the main thread:
 *
 *   xvfb-run -a -s '-screen 0 1280x1024x24' env GSK_RENDERER=cairo \
 *     bench-reports-panes DB [N]
 *
 * DB is the list benchmark's database (filled here with N demo residents, default 100 000, when
 * empty).  In BENCH_ROUNDS rounds (3), each in a new window: the Reports tab is opened and its
 * report let come in, then Projects, Funding, Definitions and Indicators are shown in turn as a
 * click on their switcher does.  For each, the main thread's processor time (the figure on a
 * loaded machine, CLOCK_THREAD_CPUTIME_ID) in the call that shows it, where a pane is made, and
 * in the longest main-loop dispatch after it, until its first frame is painted and 300 ms more
 * (the frames that lay the new page out and what its threads read coming in).  Last, back on
 * Projects, its editor's Partners expander opened for the first time (its rows made then).
 * BENCH_VERBOSE=1 prints every dispatch over 2 ms of processor time. */

#define FRAME_BUDGET_US 16000

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the loop until a frame is painted and then for settle_ms more; the longest dispatch's
 * processor time. */
static gint64
run_step (GtkWidget *window,
          guint      settle_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE, settled = FALSE, timer = FALSE;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  gint64 longest = 0;
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  while (!settled)
    {
      gint64 start = thread_cpu_us ();
      gint64 work;

      g_main_context_iteration (NULL, TRUE);
      work = thread_cpu_us () - start;
      if (g_getenv ("BENCH_VERBOSE") != NULL && work > 2000)
        g_printerr ("    dispatch %.1f ms processor\n", work / 1000.0);
      longest = MAX (longest, work);
      if (painted && !timer)
        {
          timer = TRUE;
          g_timeout_add (settle_ms, on_flag_cb, &settled);
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out");
    }
  g_signal_handler_disconnect (clock, handler);
  return longest;
}

static GtkWidget *
find_expander (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_expander (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  const char *name;
  GArray     *shown;   /* gint64 µs each round */
  GArray     *longest;
} Step;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
print_range (const char *label,
             GArray     *values)
{
  g_array_sort (values, compare_gint64);
  g_print ("  %s %5.1f–%5.1f ms (median %5.1f)", label,
           g_array_index (values, gint64, 0) / 1000.0,
           g_array_index (values, gint64, values->len - 1) / 1000.0,
           g_array_index (values, gint64, values->len / 2) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  Step steps[] = {
    { "projects" }, { "funding" }, { "definitions" }, { "indicators" },
    { "partners" },
  };
  guint n = 100000, rounds = 3;
  gboolean over = FALSE;

  if (argc < 2)
    {
      g_printerr ("usage: bench-reports-panes DB [N]   (under xvfb-run, GSK_RENDERER=cairo)\n");
      return EXIT_FAILURE;
    }
  if (argc > 2)
    n = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (g_getenv ("BENCH_ROUNDS") != NULL)
    rounds = MAX (1, (guint) g_ascii_strtoull (g_getenv ("BENCH_ROUNDS"), NULL, 10));

  gtk_init ();
  adw_init ();
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/reintegra/Reintegra/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  store = rei_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("bench-reports-panes: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (rei_store_count_residents (store, NULL) == 0)
    {
      g_print ("Filling %s with %u demo residents…\n", argv[1], n);
      if (!rei_demo_fill (store, n, 2019, NULL, NULL, NULL, &error))
        {
          g_printerr ("bench-reports-panes: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      steps[i].shown = g_array_new (FALSE, FALSE, sizeof (gint64));
      steps[i].longest = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  /* One round more than counted: the first window of a process loads themes and fonts. */
  for (guint round = 0; round <= rounds; round++)
    {
      GtkWidget *window = GTK_WIDGET (rei_window_new (NULL, store));
      ReiReportsView *view;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      run_step (window, 300);
      rei_window_show_reports (REI_WINDOW (window));
      view = rei_window_get_reports_view (REI_WINDOW (window));
      run_step (window, 300);
      /* The report is computed in a thread: let it come in before the sub-pages. */
      while (rei_reports_view_get_busy (view))
        g_main_context_iteration (NULL, TRUE);
      run_step (window, 100);

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          gint64 start, shown, longest;

          if (g_getenv ("BENCH_VERBOSE") != NULL)
            g_printerr ("round %u: %s\n", round, steps[i].name);
          if (g_str_equal (steps[i].name, "partners"))
            {
              /* The project editor's Partners expander opened for the first time, where its
               * check rows are made. */
              GtkWidget *editor = GTK_WIDGET (rei_projects_pane_get_editor (
                rei_reports_view_get_projects_pane (view)));
              GtkWidget *expander = find_expander (editor);

              rei_reports_view_show_page (view, "projects");
              run_step (window, 100);
              start = thread_cpu_us ();
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
            }
          else
            {
              start = thread_cpu_us ();
              rei_reports_view_show_page (view, steps[i].name);
            }
          shown = thread_cpu_us () - start;
          longest = run_step (window, 300);
          if (g_getenv ("BENCH_VERBOSE") != NULL)
            g_printerr ("  shown %.1f ms, longest dispatch after %.1f ms\n", shown / 1000.0,
                        longest / 1000.0);
          if (round > 0)
            {
              g_array_append_val (steps[i].shown, shown);
              g_array_append_val (steps[i].longest, longest);
            }
        }
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  g_print ("Reports sub-pages opened for the first time, main-thread processor time, "
           "%u rounds:\n", rounds);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_print ("%-12s", steps[i].name);
      print_range ("shown", steps[i].shown);
      print_range ("longest dispatch after", steps[i].longest);
      g_print ("\n");
      over |= g_array_index (steps[i].shown, gint64, steps[i].shown->len - 1) > FRAME_BUDGET_US
              || g_array_index (steps[i].longest, gint64, steps[i].longest->len - 1) > FRAME_BUDGET_US;
      g_array_unref (steps[i].shown);
      g_array_unref (steps[i].longest);
    }
  g_print (over ? "Some step took more than one frame (16 ms) of main-thread work.\n"
                : "Every step within one frame (16 ms) of main-thread work.\n");
  return EXIT_SUCCESS;
}

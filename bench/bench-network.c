/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The network map at 300 partners and 20 000 referrals, in the real view under Xvfb:
 *
 *   - hover and click on nodes: the main thread's work per step, that is the handler and the
 *     longest main-loop dispatch until the next frame is painted (painting included), less the
 *     time spent waiting in poll(); for a click, until the partner's services and referrals,
 *     read in their thread, are in the form and painted too, and then until 50 ms pass with no
 *     frame (the entry rows of libadwaita 1.2 animate their title for 150 ms after every change
 *     of text, a frame every 16 ms).  Also the sum of all the step's dispatches, in processor
 *     time: up to its last own frame, and with the animation's frames.  Apart: the frame
 *     clock's layout and paint phases of the step (their longest, in processor time);
 *   - a change of period: the main thread's longest dispatch while the counts are made in their
 *     thread, and the time until the links are re-weighted;
 *   - 20 clicks from a partner with most fields filled to one with few, the costliest change of
 *     the form, measured as the clicks above;
 *   - the map's SVG and PNG export (reading the partners and counting included), as the window's
 *     job and the CLI do it.
 *
 * bench-network DB: fills DB once (mode 0600; delete it when done). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>

#include "rei-demo.h"
#include "rei-network-map-export.h"
#include "rei-network-view-private.h"
#include "rei-store-network.h"

#define N_PARTNERS 300
#define N_REFERRALS 20000
#define N_STEPS 60
#define N_FULL_TO_EMPTY 20

/* The main thread's own processor time in µs: on a shared machine the wall time of a dispatch
 * also counts the time other processes held the processor; this does not. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Of the last run_until: the longest iteration's processor time, and all iterations' together. */
static gint64 longest_cpu;
static gint64 total_cpu;

/* What is being waited for, for the message if it never comes. */
static const char *step = "the window";

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

static gboolean painted;

/* BENCH_TRACE: every phase over 0.3 ms and dispatch over 0.5 ms of processor time, with the
 * dispatch's monotonic start and end (to match with `perf record -k CLOCK_MONOTONIC`). */
static gboolean trace;

/* The frame clock's phases, in the main thread's processor time: our handlers run after GTK's
 * own, so each stamp ends its phase.  The longest layout and paint (snapshot and rendering, with
 * after-paint) of the step being measured. */
static gint64 phase_end;
static gint64 layout_us;
static gint64 paint_us;
static gint64 frame_sum_us;  /* every phase of every frame */
static guint  n_frames;

static void
on_phase_cb (GdkFrameClock *clock,
             gpointer       name)
{
  gint64 now = cpu_now ();

  if (!g_str_equal (name, "before-paint"))
    frame_sum_us += now - phase_end;
  if (trace && now - phase_end > 300)
    g_print ("     phase %s %.2f ms\n", (char *) name, (now - phase_end) / 1000.0);
  if (g_str_equal (name, "after-paint"))
    n_frames++;
  if (g_str_equal (name, "layout"))
    layout_us = MAX (layout_us, now - phase_end);
  else if (g_str_equal (name, "paint") || g_str_equal (name, "after-paint"))
    paint_us = MAX (paint_us, now - phase_end);
  phase_end = now;
}

static void
watch_phases (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  const char *phases[] = { "before-paint", "update", "layout", "paint", "after-paint" };

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_signal_connect (clock, phases[i], G_CALLBACK (on_phase_cb), (gpointer) phases[i]);
}

static gboolean
on_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  painted = TRUE;
}

/* Iterates until cond holds (NULL: until the next frame is painted); the longest iteration's
 * own work in µs. */
static gint64
run_until (gboolean (*cond) (gpointer), gpointer data)
{
  gint64 longest = 0;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  /* Wakes the loop now and then, so that the deadline is seen even if nothing else would. */
  guint wake = g_timeout_add_seconds (1, on_wake_cb, NULL);

  longest_cpu = total_cpu = 0;
  if (cond == NULL)
    painted = FALSE;
  while (cond != NULL ? !cond (data) : !painted)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 cpu_start = cpu_now ();

      poll_us = 0;
      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, g_get_monotonic_time () - start - poll_us);
      longest_cpu = MAX (longest_cpu, cpu_now () - cpu_start);
      total_cpu += cpu_now () - cpu_start;
      if (trace && cpu_now () - cpu_start > 500)
        g_print ("   dispatch %.2f ms, frames so far %u, at %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                 (cpu_now () - cpu_start) / 1000.0, n_frames, start, g_get_monotonic_time ());
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", step);
    }
  g_source_remove (wake);
  return longest;
}

static gboolean
on_quiet_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* After a step's frame: whatever else the step makes the main thread do (another frame, an idle)
 * until 50 ms pass with nothing painted, added to its total and, dispatch by dispatch, to its
 * longest. */
static void
settle (gint64 *longest,
        gint64 *cpu_longest,
        gint64 *cpu_total)
{
  for (;;)
    {
      gboolean quiet = FALSE;
      guint timeout = g_timeout_add (50, on_quiet_cb, &quiet);

      painted = FALSE;
      while (!quiet && !painted)
        {
          gint64 start = g_get_monotonic_time ();
          gint64 cpu_start = cpu_now ();

          poll_us = 0;
          g_main_context_iteration (NULL, TRUE);
          *longest = MAX (*longest, g_get_monotonic_time () - start - poll_us);
          *cpu_longest = MAX (*cpu_longest, cpu_now () - cpu_start);
          *cpu_total += cpu_now () - cpu_start;
        }
      if (!quiet)
        g_source_remove (timeout);
      else
        return;
    }
}

static gboolean
view_idle (gpointer view)
{
  return !rei_network_view_get_loading (view);
}

/* The new counts are in and a frame has been painted since they came. */
static gboolean
reweighted (gpointer view)
{
  return !rei_network_view_get_loading (view) && painted;
}

static gboolean
editor_idle (gpointer editor)
{
  return !rei_partner_editor_get_loading (editor);
}

static void
on_counts_loaded_cb (gpointer data)
{
  painted = FALSE;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *us)
{
  g_array_sort (us, compare_gint64);
  g_print ("%-44s median %6.2f ms  worst %6.2f ms  (%u steps)\n", what,
           g_array_index (us, gint64, us->len / 2) / 1000.0,
           g_array_index (us, gint64, us->len - 1) / 1000.0, us->len);
}

static void
fill (ReiStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GArray) residents = g_array_new (FALSE, FALSE, sizeof (gint64));
  static const char * const sectors[] = { "publiczny", "pozarzadowy", "prywatny", "koscielny" };
  GRand *rand = g_rand_new_with_seed (42);
  guint have;

  if (!rei_demo_fill (store, 2000, 1, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  have = (guint) rei_store_count_partners (store, NULL);
  if (!rei_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = have; i < N_PARTNERS; i++)
    {
      g_autoptr(ReiPartner) p = rei_partner_new ();
      g_autofree char *name = g_strdup_printf ("Partner testowy %03u", i);
      const char *type = i % 6 == 0 ? "A" : i % 3 == 0 ? "B" : "C";

      rei_partner_set_text (p, REI_PARTNER_NAME, name);
      rei_partner_set_text (p, REI_PARTNER_TYPE, type);
      rei_partner_set_text (p, REI_PARTNER_SECTOR, sectors[i % 4]);
      if (!rei_store_save_partner (store, p, &error))
        g_error ("%s", error->message);
    }
  partners = rei_store_list_partners (store, &error);
  {
    g_autoptr(GPtrArray) people = rei_store_list_referrals (store, 0, 0, &error);
    guint n = people->len;

    for (guint i = 0; i < n; i++)
      {
        gint64 id = rei_referral_get_resident_id (g_ptr_array_index (people, i));

        g_array_append_val (residents, id);
      }
    for (guint i = n; i < N_REFERRALS; i++)
      {
        ReiPartner *p = g_ptr_array_index (partners, g_rand_int_range (rand, 0, partners->len));
        gint64 resident = g_array_index (residents, gint64, g_rand_int_range (rand, 0, residents->len));
        g_autoptr(ReiReferral) r = rei_referral_new (resident, rei_partner_get_id (p));
        g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 2019, 2026),
                                                 g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

        rei_referral_set_text (r, REI_REFERRAL_REFERRED_ON, date);
        rei_referral_set_text (r, REI_REFERRAL_STATUS, "zakonczone");
        if (!rei_store_save_referral (store, r, &error))
          g_error ("%s", error->message);
      }
  }
  if (!rei_store_commit (store, &error))
    g_error ("%s", error->message);
  g_rand_free (rand);
}

static double
time_export (ReiStore   *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) partners = rei_store_list_partners (store, &error);
  g_autoptr(GHashTable) counts = rei_store_count_referrals (store, NULL, NULL, NULL, &error);
  g_autoptr(ReiNetworkMap) map = rei_network_map_new (partners, counts, NULL, 1200, 900);

  if (!rei_network_map_export (map, path, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* One click's figures, processor time in µs but for wall. */
typedef struct
{
  gint64 handler;  /* the click's handler itself */
  gint64 first;    /* all dispatches up to the first frame */
  gint64 own;      /* all up to the frame that shows the services and referrals */
  gint64 all;      /* and the frames that follow (the entry rows' animation) */
  gint64 longest;  /* the longest dispatch, the handler added to the first: the measure */
  gint64 wall;     /* the longest dispatch in wall time, less the waits in poll() */
  gint64 layout;   /* the longest layout phase */
  gint64 paint;    /* the longest paint phase */
  guint  frames;
  gint64 frame_sum;
} ClickFigures;

/* Clicks the node and waits for the partner's form, its thread's answer and the frames that
 * follow. */
static void
measure_click (ReiNetworkMapWidget *map_widget,
               ReiPartnerEditor    *editor,
               const ReiMapNode    *node,
               ClickFigures        *f)
{
  gint64 start = g_get_monotonic_time ();
  gint64 cpu_start = cpu_now ();

  layout_us = paint_us = frame_sum_us = n_frames = 0;
  step = "the frame of a click";
  rei_network_map_widget_click_at (map_widget, node->x, node->y);
  f->wall = g_get_monotonic_time () - start;
  f->handler = cpu_now () - cpu_start;
  f->wall += run_until (NULL, NULL);
  f->longest = f->handler + longest_cpu;
  f->all = f->first = f->handler + total_cpu;
  /* The rest of the form, when its thread answers, and its frame. */
  if (!editor_idle (editor))
    {
      f->wall = MAX (f->wall, run_until (editor_idle, editor));
      f->longest = MAX (f->longest, longest_cpu);
      f->all += total_cpu;
      f->wall = MAX (f->wall, run_until (NULL, NULL));
      f->longest = MAX (f->longest, longest_cpu);
      f->all += total_cpu;
    }
  f->own = f->all;
  settle (&f->wall, &f->longest, &f->all);
  f->layout = layout_us;
  f->paint = paint_us;
  f->frames = n_frames;
  f->frame_sum = frame_sum_us;
}

static void
print_click (const ReiMapNode   *node,
             guint               i,
             const ClickFigures *f)
{
  g_print ("%s %-28.28s click %2u: handler %5.2f, first frame %5.2f, own %5.2f, all %5.2f, "
           "longest %5.2f, layout %5.2f, paint %5.2f, %u frames %5.2f ms (processor)\n",
           node->ring == 0 ? "A" : node->ring == 1 ? "B" : "C", node->name, i, f->handler / 1000.0,
           f->first / 1000.0, f->own / 1000.0, f->all / 1000.0, f->longest / 1000.0,
           f->layout / 1000.0, f->paint / 1000.0, f->frames, f->frame_sum / 1000.0);
}

/* The pointer onto the node, and its frames. */
static void
hover (ReiNetworkMapWidget *map_widget,
       const ReiMapNode    *node)
{
  gint64 wall = 0, longest = 0, all = 0;

  /* Already there: no frame would come. */
  if (rei_network_map_widget_get_hovered (map_widget) == node->partner_id)
    return;
  step = "the frame of a hover";
  rei_network_map_widget_pointer_at (map_widget, node->x, node->y);
  run_until (NULL, NULL);
  settle (&wall, &longest, &all);
}

/* How many of the partner's fields the form shows filled. */
static guint
n_filled (ReiPartner *partner)
{
  guint n = 0;

  for (ReiPartnerField f = 0; f < REI_PARTNER_N_FIELDS; f++)
    n += rei_partner_get_text (partner, f) != NULL;
  return n;
}

/* The costliest change of the form: from a partner with most fields filled (the demo's) to one
 * with only a name, type, level and sector (every entry row's text goes and its title moves
 * back), each hovered then clicked, alternately; of each kind only nodes that their own centre
 * hits. */
static void
bench_full_to_empty (ReiStore            *store,
                     ReiNetworkMapWidget *map_widget,
                     ReiPartnerEditor    *editor,
                     gboolean             verbose)
{
  ReiNetworkMap *map = rei_network_map_widget_get_map (map_widget);
  g_autoptr(GPtrArray) partners = rei_store_list_partners (store, NULL);
  g_autoptr(GHashTable) filled = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new (gint64, partners->len);
  g_autoptr(GPtrArray) full = g_ptr_array_new ();
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) paint = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < partners->len; i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, i);

      ids[i] = rei_partner_get_id (p);
      g_hash_table_insert (filled, &ids[i], GUINT_TO_POINTER (n_filled (p)));
    }
  for (guint i = 0; i < rei_network_map_get_n_nodes (map); i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (filled, &node->partner_id));

      if (rei_network_map_hit_test (map, node->x, node->y) != (int) i)
        continue;
      if (n >= 8)
        g_ptr_array_add (full, (gpointer) node);
      else if (n <= 4)
        g_ptr_array_add (empty, (gpointer) node);
    }
  g_print ("nodes of partners with most fields filled %u, with few %u\n", full->len, empty->len);
  if (full->len == 0 || empty->len == 0)
    g_error ("No partner with most fields filled, or none with few");

  for (guint i = 0; i < N_FULL_TO_EMPTY; i++)
    {
      const ReiMapNode *to = g_ptr_array_index (empty, (i * 7) % empty->len);
      const ReiMapNode *from = g_ptr_array_index (full, i % full->len);
      ClickFigures f;

      /* Each hovered first, as the pointer does and as in the main loop of clicks. */
      hover (map_widget, from);
      measure_click (map_widget, editor, from, &f);
      hover (map_widget, to);
      measure_click (map_widget, editor, to, &f);
      g_array_append_val (longest, f.longest);
      g_array_append_val (all, f.all);
      g_array_append_val (paint, f.paint);
      if (verbose)
        print_click (to, i, &f);
    }
  report ("click from a full partner to an empty one", longest);
  report ("  with the entry rows' animation", all);
  report ("  of which paint", paint);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GArray) hover = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) click = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) hover_cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) hover_total = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) click_own = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) click_total = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) click_cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) period_cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) hover_layout = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) hover_paint = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) click_layout = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) click_paint = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) period = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) period_total = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  ReiNetworkMapWidget *map_widget;
  ReiPartnerEditor *editor;
  ReiNetworkMap *map;
  GtkWidget *window;
  ReiNetworkView *view;
  gboolean fresh;
  /* BENCH_VERBOSE: each click's figures. */
  gboolean verbose = g_getenv ("BENCH_VERBOSE") != NULL;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-network DB\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  /* The application's stylesheet, as AdwApplication loads it (its boxed-list rule is part of
   * what a click's paint costs). */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/reintegra/Reintegra/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  trace = g_getenv ("BENCH_TRACE") != NULL;

  fresh = !g_file_test (argv[1], G_FILE_TEST_EXISTS);
  store = rei_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (fresh)
    fill (store);
  g_print ("partners %" G_GINT64_FORMAT ", referrals %u\n", rei_store_count_partners (store, NULL),
           rei_store_list_referrals (store, 0, 0, NULL)->len);

  svg = g_strconcat (argv[1], "-map.svg", NULL);
  png = g_strconcat (argv[1], "-map.png", NULL);
  for (int round = 0; round < 3; round++)
    g_print ("export SVG %.3f s, PNG %.3f s\n", time_export (store, svg), time_export (store, png));
  g_unlink (svg);
  g_unlink (png);

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = REI_NETWORK_VIEW (rei_network_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  watch_phases (window);
  rei_network_view_set_store (view, store);
  run_until (view_idle, view);
  gtk_widget_queue_draw (window);
  run_until (NULL, NULL);

  map_widget = rei_network_view_get_map (view);
  editor = rei_network_view_get_partner_editor (view);
  map = rei_network_map_widget_get_map (map_widget);
  g_print ("nodes on the map %u, referrals %u\n", rei_network_map_get_n_nodes (map),
           rei_network_map_get_total_referrals (map));

  for (guint i = 0; i < N_STEPS; i++)
    {
      guint n = rei_network_map_get_n_nodes (map);
      guint index = (i * 37) % n;
      const ReiMapNode *node;
      gint64 start;

      /* A node that its own centre hits (not one under a neighbour) and that is neither hovered
       * nor open: every step must change what is on screen, or no frame would come. */
      for (node = rei_network_map_get_node (map, index);
           rei_network_map_hit_test (map, node->x, node->y) != (int) index
           || node->partner_id == rei_network_map_widget_get_hovered (map_widget)
           || node->partner_id == rei_partner_editor_get_partner_id (editor);
           node = rei_network_map_get_node (map, index))
        index = (index + 1) % n;
      start = g_get_monotonic_time ();
      gint64 handler, longest, cpu_start, cpu_handler, cpu_longest, cpu_total;
      ClickFigures figures;

      layout_us = paint_us = 0;
      step = "the frame of a hover";
      cpu_start = cpu_now ();
      rei_network_map_widget_pointer_at (map_widget, node->x, node->y);
      handler = g_get_monotonic_time () - start;
      cpu_handler = cpu_now () - cpu_start;
      longest = run_until (NULL, NULL);
      cpu_longest = cpu_handler + longest_cpu;
      cpu_total = cpu_handler + total_cpu;
      longest = handler + longest;
      settle (&longest, &cpu_longest, &cpu_total);
      g_array_append_val (hover, longest);
      g_array_append_val (hover_cpu, cpu_longest);
      g_array_append_val (hover_total, cpu_total);
      g_array_append_val (hover_layout, layout_us);
      g_array_append_val (hover_paint, paint_us);

      measure_click (map_widget, editor, node, &figures);
      g_array_append_val (click_own, figures.own);
      g_array_append_val (click, figures.wall);
      g_array_append_val (click_cpu, figures.longest);
      g_array_append_val (click_total, figures.all);
      g_array_append_val (click_layout, figures.layout);
      g_array_append_val (click_paint, figures.paint);
      if (verbose)
        print_click (node, i, &figures);
    }
  report ("hover a node (handler + frame)", hover);
  report ("  main thread's processor time", hover_cpu);
  report ("  all its dispatches' processor time", hover_total);
  report ("  of which layout", hover_layout);
  report ("  of which paint", hover_paint);
  report ("click a node, opens the editor", click);
  report ("  main thread's processor time", click_cpu);
  report ("  own dispatches' processor time, all", click_own);
  report ("  and with the entry rows' animation", click_total);
  report ("  of which layout", click_layout);
  report ("  of which paint", click_paint);

  g_signal_connect_swapped (map_widget, "counts-loaded", G_CALLBACK (on_counts_loaded_cb), NULL);
  for (guint i = 0; i < 8; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 handler, longest;

      /* This year, all time, last year, all time, …: each a new count in the thread. */
      step = "the links re-weighted";
      painted = FALSE;
      rei_network_view_set_period (view, i % 2 == 0 ? 2 + i / 2 : 0);
      handler = g_get_monotonic_time () - start;
      longest = run_until (reweighted, view);
      g_array_append_val (period_total, (gint64) { g_get_monotonic_time () - start });
      g_array_append_val (period, (gint64) { MAX (handler, longest) });
      g_array_append_val (period_cpu, longest_cpu);
    }
  report ("period change: longest main-thread dispatch", period);
  report ("  main thread's processor time", period_cpu);
  report ("period change: until re-weighted on screen", period_total);

  bench_full_to_empty (store, map_widget, editor, verbose);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

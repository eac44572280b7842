/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The network map at 300 partners and 20 000 referrals, in the real view under Xvfb:
 *
 *   - hover and click on nodes: the main thread's work per step, that is the handler and the
 *     longest main-loop dispatch until the next frame is painted (painting included), less the
 *     time spent waiting in poll();
 *   - a change of period: the main thread's longest dispatch while the counts are made in their
 *     thread, and the time until the links are re-weighted;
 *   - the map's SVG and PNG export (reading the partners and counting included), as the window's
 *     job and the CLI do it.
 *
 * bench-network DB: fills DB once (mode 0600; delete it when done). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rei-demo.h"
#include "rei-network-map-export.h"
#include "rei-network-view-private.h"
#include "rei-store-network.h"

#define N_PARTNERS 300
#define N_REFERRALS 20000
#define N_STEPS 60

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

  if (cond == NULL)
    painted = FALSE;
  while (cond != NULL ? !cond (data) : !painted)
    {
      gint64 start = g_get_monotonic_time ();

      poll_us = 0;
      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, g_get_monotonic_time () - start - poll_us);
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out");
    }
  g_source_remove (wake);
  return longest;
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

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GArray) hover = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) click = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) period = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) period_total = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  ReiNetworkMapWidget *map_widget;
  ReiNetworkMap *map;
  GtkWidget *window;
  ReiNetworkView *view;
  gboolean fresh;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-network DB\n");
      return 2;
    }
  gtk_init ();
  adw_init ();

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
  rei_network_view_set_store (view, store);
  run_until (view_idle, view);
  gtk_widget_queue_draw (window);
  run_until (NULL, NULL);

  map_widget = rei_network_view_get_map (view);
  map = rei_network_map_widget_get_map (map_widget);
  g_print ("nodes on the map %u, referrals %u\n", rei_network_map_get_n_nodes (map),
           rei_network_map_get_total_referrals (map));

  for (guint i = 0; i < N_STEPS; i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, (i * 37) % rei_network_map_get_n_nodes (map));
      gint64 start = g_get_monotonic_time ();
      gint64 handler, longest;

      rei_network_map_widget_pointer_at (map_widget, node->x, node->y);
      handler = g_get_monotonic_time () - start;
      longest = run_until (NULL, NULL);
      g_array_append_val (hover, (gint64) { handler + longest });

      start = g_get_monotonic_time ();
      rei_network_map_widget_click_at (map_widget, node->x, node->y);
      handler = g_get_monotonic_time () - start;
      longest = run_until (NULL, NULL);
      g_array_append_val (click, (gint64) { handler + longest });
    }
  report ("hover a node (handler + frame)", hover);
  report ("click a node, opens the editor", click);

  g_signal_connect_swapped (map_widget, "counts-loaded", G_CALLBACK (on_counts_loaded_cb), NULL);
  for (guint i = 0; i < 8; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 handler, longest;

      /* This year, all time, last year, all time, …: each a new count in the thread. */
      painted = FALSE;
      rei_network_view_set_period (view, i % 2 == 0 ? 2 + i / 2 : 0);
      handler = g_get_monotonic_time () - start;
      longest = run_until (reweighted, view);
      g_array_append_val (period_total, (gint64) { g_get_monotonic_time () - start });
      g_array_append_val (period, (gint64) { MAX (handler, longest) });
    }
  report ("period change: longest main-thread dispatch", period);
  report ("period change: until re-weighted on screen", period_total);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>

#include "rei-demo.h"
#include "rei-export.h"
#include "rei-plans-export.h"
#include "rei-store.h"

/* The export benchmark through the core API, for when the command-line tool is not at hand:
 *
 *   bench-export DB fill N [SEED]
 *   bench-export DB residents OUT.xlsx
 *   bench-export DB indicators OUT.xlsx YEAR
 *   bench-export DB fill-plans SEED     (a demo plan for everyone without one, as `demo` does)
 *   bench-export DB plans OUT.xlsx
 *
 * Each run does one thing, so that run.sh can measure its wall time and peak memory alone. */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  gint64 start;
  gboolean ok;

  if (argc < 4 ||
      (!g_str_equal (argv[2], "fill") && !g_str_equal (argv[2], "residents") &&
       !g_str_equal (argv[2], "indicators") && !g_str_equal (argv[2], "fill-plans") &&
       !g_str_equal (argv[2], "plans")) ||
      (g_str_equal (argv[2], "indicators") && argc < 5))
    {
      g_printerr ("usage: bench-export DB fill N [SEED]\n"
                  "       bench-export DB residents OUT.xlsx\n"
                  "       bench-export DB indicators OUT.xlsx YEAR\n"
                  "       bench-export DB fill-plans SEED\n"
                  "       bench-export DB plans OUT.xlsx\n");
      return EXIT_FAILURE;
    }

  store = rei_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("bench-export: %s\n", error->message);
      return EXIT_FAILURE;
    }

  start = g_get_monotonic_time ();
  if (g_str_equal (argv[2], "fill"))
    ok = rei_demo_fill (store, (guint) g_ascii_strtoull (argv[3], NULL, 10),
                        argc > 4 ? (guint32) g_ascii_strtoull (argv[4], NULL, 10) : 2019,
                        NULL, NULL, NULL, &error);
  else if (g_str_equal (argv[2], "fill-plans"))
    ok = rei_demo_fill_plans (store, (guint32) g_ascii_strtoull (argv[3], NULL, 10), NULL, NULL, NULL, &error);
  else if (g_str_equal (argv[2], "plans"))
    ok = rei_export_plans (store, argv[3], NULL, NULL, NULL, &error);
  else if (g_str_equal (argv[2], "residents"))
    ok = rei_export_residents (store, NULL, argv[3], NULL, NULL, NULL, &error);
  else
    ok = rei_export_indicators (store, atoi (argv[4]), argv[3], &error);

  if (!ok)
    {
      g_printerr ("bench-export: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s done in %.3f s\n", argv[2], (g_get_monotonic_time () - start) / 1e6);
  return EXIT_SUCCESS;
}

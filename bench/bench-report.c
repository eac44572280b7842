/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reports over an existing database (e.g. `reintegra-cli demo --residents 100000`): the
 * indicators of a year and of a project computed in SQL, with and without the people behind
 * them, in three rounds.  Usage: bench-report DB YEAR PROJECT_CODE */
#include "config.h"

#include "rei-report.h"

static double
run (ReiStore   *store,
     int         year,
     const char *code,
     gboolean    people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiReport) report = NULL;
  gint64 start = g_get_monotonic_time ();
  guint total = 0;

  if (code != NULL)
    report = rei_report_compute_project (store, code, people, NULL, NULL, NULL, &error);
  else
    report = rei_report_compute_year (store, year, people, NULL, NULL, NULL, &error);
  if (report == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < report->indicators->len; i++)
    total += ((ReiReportIndicator *) g_ptr_array_index (report->indicators, i))->denominator;
  g_print ("  %-8s %-6s %u indicators, %u in the bases\n", code ? "project" : "year",
           people ? "people" : "counts", report->indicators->len, total);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;

  if (argc != 4)
    {
      g_printerr ("usage: bench-report DB YEAR PROJECT_CODE\n");
      return 2;
    }
  store = rei_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  for (int round = 1; round <= 3; round++)
    {
      g_print ("round %d\n", round);
      g_print ("    %.3f s\n", run (store, atoi (argv[2]), NULL, FALSE));
      g_print ("    %.3f s\n", run (store, atoi (argv[2]), NULL, TRUE));
      g_print ("    %.3f s\n", run (store, 0, argv[3], FALSE));
      g_print ("    %.3f s\n", run (store, 0, argv[3], TRUE));
    }
  return 0;
}

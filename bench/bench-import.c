/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>

#include "rei-demo.h"
#include "rei-importer.h"
#include "rei-store.h"

/* The import benchmark through the core API, for when the command-line tool is not at hand, and
 * the writer of the demo CSV that every import benchmark reads:
 *
 *   bench-import --write-csv FILE.csv N [SEED]
 *   bench-import DB FILE.csv
 *
 * Times are printed in seconds; run.sh measures wall time and peak memory from outside. */

static int
write_csv (const char *path,
           const char *n_text,
           const char *seed_text)
{
  g_autoptr(GError) error = NULL;
  guint n = (guint) g_ascii_strtoull (n_text, NULL, 10);
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : 2019;
  gint64 start = g_get_monotonic_time ();

  if (!rei_demo_write_csv (path, n, seed, &error))
    {
      g_printerr ("bench-import: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("wrote %u residents in %.3f s\n", n, (g_get_monotonic_time () - start) / 1e6);
  return EXIT_SUCCESS;
}

static int
import_csv (const char *db_path,
            const char *csv_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();

  store = rei_store_open (db_path, &error);
  if (store == NULL)
    goto fail;
  file = g_mapped_file_new (csv_path, FALSE, &error);
  if (file == NULL)
    goto fail;
  bytes = g_mapped_file_get_bytes (file);
  importer = rei_importer_new (store);
  if (!rei_importer_run (importer, bytes, NULL, NULL, NULL, &error))
    goto fail;

  g_print ("imported %u new and %u updated residents in %.3f s\n",
           rei_importer_get_n_inserted (importer), rei_importer_get_n_updated (importer),
           (g_get_monotonic_time () - start) / 1e6);
  return EXIT_SUCCESS;

fail:
  g_printerr ("bench-import: %s\n", error->message);
  if (importer != NULL)
    {
      GPtrArray *problems = rei_importer_get_problems (importer);

      for (guint i = 0; problems != NULL && i < MIN (problems->len, 5u); i++)
        {
          ReiImportProblem *p = g_ptr_array_index (problems, i);

          g_printerr ("  line %u: %s\n", p->line, p->message);
        }
    }
  return EXIT_FAILURE;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 4 && g_str_equal (argv[1], "--write-csv"))
    return write_csv (argv[2], argv[3], argc > 4 ? argv[4] : NULL);
  if (argc == 3)
    return import_csv (argv[1], argv[2]);

  g_printerr ("usage: bench-import --write-csv FILE.csv N [SEED]\n"
              "       bench-import DB FILE.csv\n");
  return EXIT_FAILURE;
}

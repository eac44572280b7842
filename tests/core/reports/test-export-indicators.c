/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>

#include "rei-export-indicators.h"
#include "rei-indicators.h"
#include "rei-store.h"
#include "test-util.h"
#include "workbook-test-util.h"

/* The indicators workbook (`reintegra-cli export indicators`).  Its layout, a contract with
 * the funders, is checked by check-workbook.py (openpyxl and LibreOffice); this test checks the
 * figures it is made of and what only C can see: the file's mode, that nothing is left behind,
 * errors.  With --write-to DIR FIXTURE.csv it only writes DIR/indicators-2019.xlsx and
 * DIR/indicators-2030.xlsx (a year with no graduates) for check-workbook.py. */

static char *tmp_root;

typedef struct
{
  char     *dir;
  ReiStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv = rei_test_krasnystaw_path ();

  fixture->dir = rei_test_workbook_dir_new ();
  db = g_build_filename (fixture->dir, "reintegra.db", NULL);
  fixture->store = rei_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  rei_test_load_krasnystaw (fixture->store, csv);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  rei_test_tmpdir_free (fixture->dir);
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiIndicatorReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "wskaźniki 2019.xlsx", NULL);
  const ReiIndicator *indicator;

  /* The fixture is CIS Krasnystaw's 2019: 13/26 and 17/26. */
  report = rei_indicators_compute (fixture->store, 2019, &error);
  g_assert_no_error (error);
  indicator = rei_indicator_report_lookup (report, "usamodzielnienie");
  g_assert_nonnull (indicator);
  g_assert_cmpuint (indicator->numerator, ==, 13);
  g_assert_cmpuint (indicator->denominator, ==, 26);
  indicator = rei_indicator_report_lookup (report, "spoleczno_zatrudnieniowy");
  g_assert_nonnull (indicator);
  g_assert_cmpuint (indicator->numerator, ==, 17);
  g_assert_cmpuint (indicator->denominator, ==, 26);
  g_assert_cmpuint (report->graduates->len, ==, 26);

  g_assert_true (rei_export_indicators (fixture->store, 2019, path, &error));
  g_assert_no_error (error);
  rei_test_assert_private_workbook (path);
  rei_test_assert_nothing_left_behind (tmp_root, fixture->dir);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "wyniki.xlsx", NULL);

  g_assert_false (rei_export_indicators (fixture->store, 2019, path, &error));
  g_assert_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE);
  /* The clerk must learn which file could not be written. */
  g_assert_nonnull (strstr (error->message, "wyniki.xlsx"));
  rei_test_assert_nothing_left_behind (tmp_root, fixture->dir);
}

/* For check-workbook.py (test-export-indicators --write-to DIR FIXTURE.csv). */
static int
write_workbooks (const char *dir,
                 const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *db = g_build_filename (dir, "indicators.db", NULL);
  g_autofree char *indicators = g_build_filename (dir, "indicators-2019.xlsx", NULL);
  g_autofree char *empty_year = g_build_filename (dir, "indicators-2030.xlsx", NULL);

  store = rei_store_open (db, &error);
  g_assert_no_error (error);
  rei_test_load_krasnystaw (store, csv);

  if (!rei_export_indicators (store, 2019, indicators, &error)
      || !rei_export_indicators (store, 2030, empty_year, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (argc == 4 && g_str_equal (argv[1], "--write-to"))
    return write_workbooks (argv[2], argv[3]);

  tmp_root = rei_test_workbook_tmp_root_new ();
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmp_root);

  g_test_add ("/export/indicators", Fixture, NULL,
              fixture_set_up, test_indicators, fixture_tear_down);
  g_test_add ("/export/indicators/unwritable", Fixture, NULL,
              fixture_set_up, test_unwritable, fixture_tear_down);

  ret = g_test_run ();
  rei_test_workbook_tmp_root_free (tmp_root);
  return ret;
}

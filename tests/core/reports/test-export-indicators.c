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

typedef ReiTestWorkbookFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = rei_test_krasnystaw_path ();

  fixture->dir = rei_test_workbook_dir_new ();
  fixture->store = rei_test_workbook_store_new (fixture->dir, "reintegra.db", csv);
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
  rei_test_assert_nothing_left_behind (fixture->dir);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rei_test_unwritable_path (fixture->dir);

  g_assert_false (rei_export_indicators (fixture->store, 2019, path, &error));
  rei_test_assert_unwritable (error, fixture->dir);
}

/* For check-workbook.py (test-export-indicators --write-to DIR FIXTURE.csv). */
static gboolean
write_workbooks (ReiStore    *store,
                 const char  *dir,
                 GError     **error)
{
  g_autofree char *indicators = g_build_filename (dir, "indicators-2019.xlsx", NULL);
  g_autofree char *empty_year = g_build_filename (dir, "indicators-2030.xlsx", NULL);

  return rei_export_indicators (store, 2019, indicators, error)
         && rei_export_indicators (store, 2030, empty_year, error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (rei_test_workbook_init (&argc, &argv, "indicators", write_workbooks, &status))
    return status;

  g_test_add ("/export/indicators", Fixture, NULL,
              fixture_set_up, test_indicators, rei_test_workbook_fixture_tear_down);
  g_test_add ("/export/indicators/unwritable", Fixture, NULL,
              fixture_set_up, test_unwritable, rei_test_workbook_fixture_tear_down);

  return rei_test_workbook_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>

#include "rei-xlsx.h"
#include "test-util.h"
#include "workbook-test-util.h"

/* The workbook writer every export is built on: where it writes, what it leaves behind, and
 * how a failure or an unfinished workbook ends.  What the cells hold is read back by
 * check-workbook.py and check-person-export.py through the exports. */

static ReiXlsx *
new_workbook (const char    *path,
              lxw_worksheet **sheet,
              ReiXlsxWidths  *widths)
{
  static const char * const headers[] = { "Nazwa", "Liczba", "Data", "Udział" };
  g_autoptr(GError) error = NULL;
  ReiXlsx *xlsx = rei_xlsx_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xlsx);
  rei_xlsx_set_properties (xlsx, "Próba", "Test");
  *sheet = rei_xlsx_add_sheet (xlsx, "Arkusz", &error);
  g_assert_no_error (error);
  g_assert_nonnull (*sheet);

  rei_xlsx_widths_init (widths, G_N_ELEMENTS (headers));
  rei_xlsx_write_header (xlsx, *sheet, widths, headers, G_N_ELEMENTS (headers));
  rei_xlsx_write_text (xlsx, *sheet, widths, 1, 0, "Zażółć gęślą jaźń", NULL);
  rei_xlsx_write_number (xlsx, *sheet, widths, 1, 1, 13);
  rei_xlsx_write_date (xlsx, *sheet, widths, 1, 2, "2019-12-20");
  rei_xlsx_write_formula (xlsx, *sheet, 1, 3, "=B2/26", xlsx->percent, 0.5);
  return xlsx;
}

static void
test_finished_workbook (void)
{
  g_autofree char *dir = rei_test_workbook_dir_new ();
  g_autofree char *path = g_build_filename (dir, "próba.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  lxw_worksheet *sheet;
  ReiXlsxWidths widths;
  ReiXlsx *xlsx = new_workbook (path, &sheet, &widths);

  /* While it is written, only the scratch directory and the hidden temporary file exist. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  rei_xlsx_finish_table (xlsx, sheet, &widths, 1, TRUE);
  rei_xlsx_widths_clear (&widths);
  g_assert_true (rei_xlsx_check_status (xlsx, &error));
  g_assert_true (rei_xlsx_finish (xlsx, &error));
  g_assert_no_error (error);

  rei_test_assert_private_workbook (path);
  rei_test_assert_nothing_left_behind (dir);
  g_free (g_steal_pointer (&path));
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* What a cancelled or failed export does: the workbook is dropped, the older file stays. */
static void
test_dropped_workbook (void)
{
  g_autofree char *dir = rei_test_workbook_dir_new ();
  g_autofree char *path = g_build_filename (dir, "próba.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  lxw_worksheet *sheet;
  ReiXlsxWidths widths;
  ReiXlsx *xlsx;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_no_error (error);

  xlsx = new_workbook (path, &sheet, &widths);
  rei_xlsx_widths_clear (&widths);
  rei_xlsx_free (xlsx);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  rei_test_assert_nothing_left_behind (dir);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A cell past Excel's limits spoils the file: reported once, naming the file, and the
 * destination is never created. */
static void
test_failed_write (void)
{
  g_autofree char *dir = rei_test_workbook_dir_new ();
  g_autofree char *path = g_build_filename (dir, "za-długi.xlsx", NULL);
  g_autofree char *long_text = g_strnfill (40000, 'x');
  g_autoptr(GError) error = NULL;
  lxw_worksheet *sheet;
  ReiXlsxWidths widths;
  ReiXlsx *xlsx = new_workbook (path, &sheet, &widths);

  rei_xlsx_write_text (xlsx, sheet, &widths, 2, 0, long_text, NULL);
  rei_xlsx_write_text (xlsx, sheet, &widths, 3, 0, "dalej", NULL);
  g_assert_cmpint (xlsx->status, !=, LXW_NO_ERROR);
  /* The widths stop at a readable size, whatever the text. */
  g_assert_cmpuint (widths.chars[0], ==, 50);
  rei_xlsx_widths_clear (&widths);

  g_assert_false (rei_xlsx_check_status (xlsx, &error));
  g_assert_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "za-długi.xlsx"));
  g_clear_error (&error);

  g_assert_false (rei_xlsx_finish (xlsx, &error));
  g_assert_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  rei_test_assert_nothing_left_behind (dir);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_unwritable (void)
{
  g_autofree char *dir = rei_test_workbook_dir_new ();
  g_autofree char *path = rei_test_unwritable_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_null (rei_xlsx_new (path, &error));
  rei_test_assert_unwritable (error, dir);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (rei_test_workbook_init (&argc, &argv, "xlsx", NULL, &status))
    return status;

  g_test_add_func ("/xlsx/finished", test_finished_workbook);
  g_test_add_func ("/xlsx/dropped", test_dropped_workbook);
  g_test_add_func ("/xlsx/failed-write", test_failed_write);
  g_test_add_func ("/xlsx/unwritable", test_unwritable);

  return rei_test_workbook_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rei-export-residents.h"
#include "rei-store-residents.h"
#include "rei-store.h"
#include "test-util.h"
#include "workbook-test-util.h"

/* The residents workbook.  Its contents are checked by check-workbook.py (openpyxl and
 * LibreOffice); this test checks what only C can see: the file's mode, that nothing is left
 * behind in the temporary directory or beside the destination, atomic replacement, progress,
 * cancellation and errors.  With --write-to DIR FIXTURE.csv it only writes DIR/residents.xlsx
 * for check-workbook.py. */

typedef ReiTestWorkbookFixture Fixture;

/* Enough residents for the progress to be reported more than once. */
static void
load_many (ReiStore *store,
           guint     n)
{
  static const char * const surnames[] = { "Żak", "Łukasik", "Nowak", "Ścibor", "Adamczyk" };
  g_autoptr(GError) error = NULL;

  g_assert_true (rei_store_begin (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReiResident) r = rei_resident_new ();
      g_autofree char *first_name = g_strdup_printf ("Osoba %05u", i);

      rei_resident_set (r, REI_RESIDENT_SURNAME, surnames[i % G_N_ELEMENTS (surnames)]);
      rei_resident_set (r, REI_RESIDENT_FIRST_NAME, first_name);
      rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2019-03-01");
      g_assert_true (rei_store_save_resident (store, r, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rei_store_commit (store, &error));
  g_assert_no_error (error);
}

/* With 0 the Krasnystaw fixture, else that many residents. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = GPOINTER_TO_UINT (data) == 0 ? rei_test_krasnystaw_path () : NULL;

  fixture->dir = rei_test_workbook_dir_new ();
  fixture->store = rei_test_workbook_store_new (fixture->dir, "reintegra.db", csv);
  if (csv == NULL)
    load_many (fixture->store, GPOINTER_TO_UINT (data));
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

/* Progress is reported every 1000 rows and always at the end: for 32 rows only the end, for
 * 2500 rows 0.4, 0.8 and 1.0. */
static void
test_residents (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_rows = GPOINTER_TO_UINT (data) == 0 ? 32 : GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (fixture->dir, "uczestnicy.xlsx", NULL);

  g_assert_true (rei_export_residents (fixture->store, NULL, path, on_progress, fractions, NULL,
                                       &error));
  g_assert_no_error (error);
  rei_test_assert_private_workbook (path);
  rei_test_assert_nothing_left_behind (fixture->dir);

  g_assert_cmpuint (fractions->len, ==, n_rows / 1000 + 1);
  for (guint i = 0; i + 1 < fractions->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, i),
                                    1000.0 * (i + 1) / n_rows, 1e-9);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

static void
test_replaces_atomically (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "uczestnicy.xlsx", NULL);

  /* An older export, readable by others: the new one must take its place with mode 0600. */
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_true (rei_export_residents (fixture->store, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rei_test_assert_private_workbook (path);
  rei_test_assert_nothing_left_behind (fixture->dir);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
} CancelData;

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  CancelData *data = user_data;

  data->calls++;
  g_cancellable_cancel (data->cancellable);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "uczestnicy.xlsx", NULL);
  g_autofree char *contents = NULL;
  CancelData cancel = { cancellable, 0 };

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_no_error (error);

  /* Cancelled after the first 1000 rows, in the middle of the stream. */
  g_assert_false (rei_export_residents (fixture->store, NULL, path, cancel_on_progress, &cancel,
                                        cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cancel.calls, ==, 1);

  /* The previous file is untouched and the partial one is gone. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  rei_test_assert_nothing_left_behind (fixture->dir);

  /* Cancelled before it starts: nothing is created at all. */
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (rei_export_residents (fixture->store, NULL, path, NULL, NULL, cancellable,
                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  rei_test_assert_nothing_left_behind (fixture->dir);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rei_test_unwritable_path (fixture->dir);

  g_assert_false (rei_export_residents (fixture->store, NULL, path, NULL, NULL, NULL, &error));
  rei_test_assert_unwritable (error, fixture->dir);
}

/* For check-workbook.py (test-export-residents --write-to DIR FIXTURE.csv). */
static gboolean
write_workbooks (ReiStore    *store,
                 const char  *dir,
                 GError     **error)
{
  g_autofree char *residents = g_build_filename (dir, "residents.xlsx", NULL);

  return rei_export_residents (store, NULL, residents, NULL, NULL, NULL, error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (rei_test_workbook_init (&argc, &argv, "residents", write_workbooks, &status))
    return status;

  g_test_add ("/export/residents", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_residents, rei_test_workbook_fixture_tear_down);
  g_test_add ("/export/residents/replaces-atomically", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_replaces_atomically, rei_test_workbook_fixture_tear_down);
  g_test_add ("/export/residents/progress", Fixture, GUINT_TO_POINTER (2500),
              fixture_set_up, test_residents, rei_test_workbook_fixture_tear_down);
  g_test_add ("/export/residents/cancel", Fixture, GUINT_TO_POINTER (2500),
              fixture_set_up, test_cancel, rei_test_workbook_fixture_tear_down);
  g_test_add ("/export/residents/unwritable", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_unwritable, rei_test_workbook_fixture_tear_down);

  return rei_test_workbook_run ();
}

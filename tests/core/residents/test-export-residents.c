/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rei-export-residents.h"
#include "rei-store.h"
#include "test-util.h"
#include "workbook-test-util.h"

/* The residents workbook.  Its contents are checked by check-workbook.py (openpyxl and
 * LibreOffice); this test checks what only C can see: the file's mode, that nothing is left
 * behind in the temporary directory or beside the destination, atomic replacement, progress,
 * cancellation and errors.  With --write-to DIR FIXTURE.csv it only writes DIR/residents.xlsx
 * for check-workbook.py. */

static char *tmp_root;

typedef struct
{
  char     *dir;
  ReiStore *store;
} Fixture;

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  fixture->dir = rei_test_workbook_dir_new ();
  db = g_build_filename (fixture->dir, "reintegra.db", NULL);
  fixture->store = rei_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  if (GPOINTER_TO_UINT (data) == 0)
    {
      g_autofree char *csv = rei_test_krasnystaw_path ();

      rei_test_load_krasnystaw (fixture->store, csv);
    }
  else
    load_many (fixture->store, GPOINTER_TO_UINT (data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  rei_test_tmpdir_free (fixture->dir);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_residents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (fixture->dir, "uczestnicy.xlsx", NULL);

  g_assert_true (rei_export_residents (fixture->store, NULL, path, on_progress, fractions, NULL,
                                       &error));
  g_assert_no_error (error);
  rei_test_assert_private_workbook (path);
  rei_test_assert_nothing_left_behind (tmp_root, fixture->dir);

  /* 32 rows: no intermediate report, but the end is always reported. */
  g_assert_cmpuint (fractions->len, ==, 1);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 1.0);
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
  rei_test_assert_nothing_left_behind (tmp_root, fixture->dir);
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (fixture->dir, "uczestnicy.xlsx", NULL);

  g_assert_true (rei_export_residents (fixture->store, NULL, path, on_progress, fractions, NULL,
                                       &error));
  g_assert_no_error (error);
  rei_test_assert_private_workbook (path);

  /* 2500 rows: after 1000, after 2000, and the end. */
  g_assert_cmpuint (fractions->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, 0), 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, 1), 0.8, 1e-9);
  g_assert_cmpfloat (g_array_index (fractions, double, 2), ==, 1.0);
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
  rei_test_assert_nothing_left_behind (tmp_root, fixture->dir);

  /* Cancelled before it starts: nothing is created at all. */
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (rei_export_residents (fixture->store, NULL, path, NULL, NULL, cancellable,
                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  rei_test_assert_nothing_left_behind (tmp_root, fixture->dir);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "wyniki.xlsx", NULL);

  g_assert_false (rei_export_residents (fixture->store, NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE);
  /* The clerk must learn which file could not be written. */
  g_assert_nonnull (strstr (error->message, "wyniki.xlsx"));
  rei_test_assert_nothing_left_behind (tmp_root, fixture->dir);
}

/* For check-workbook.py (test-export-residents --write-to DIR FIXTURE.csv). */
static int
write_workbooks (const char *dir,
                 const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *db = g_build_filename (dir, "residents.db", NULL);
  g_autofree char *residents = g_build_filename (dir, "residents.xlsx", NULL);

  store = rei_store_open (db, &error);
  g_assert_no_error (error);
  rei_test_load_krasnystaw (store, csv);

  if (!rei_export_residents (store, NULL, residents, NULL, NULL, NULL, &error))
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

  g_test_add ("/export/residents", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_residents, fixture_tear_down);
  g_test_add ("/export/residents/replaces-atomically", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_replaces_atomically, fixture_tear_down);
  g_test_add ("/export/residents/progress", Fixture, GUINT_TO_POINTER (2500),
              fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/export/residents/cancel", Fixture, GUINT_TO_POINTER (2500),
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/export/residents/unwritable", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_unwritable, fixture_tear_down);

  ret = g_test_run ();
  rei_test_workbook_tmp_root_free (tmp_root);
  return ret;
}

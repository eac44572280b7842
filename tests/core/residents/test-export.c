/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rei-date.h"
#include "rei-export.h"
#include "rei-identifiers.h"
#include "rei-indicators.h"
#include "rei-store-residents.h"
#include "rei-store.h"

/* The workbooks' contents are checked by check-workbook.py (openpyxl and LibreOffice); this
 * test checks what only C can see: the files' mode, that nothing is left behind in the
 * temporary directory or beside the destination, atomic replacement, progress, cancellation
 * and errors.  With --write-to DIR it only writes the workbooks for check-workbook.py. */

/* A private TMPDIR, so that "no reintegra-* directory is left" cannot be confused by another
 * program's files, and so that a leak would not put personal data in the real /tmp. */
static char *tmp_root;

typedef struct
{
  char     *dir;
  ReiStore *store;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_remove (path);
}

static guint
count_entries_with_prefix (const char *path,
                           const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

static void
assert_nothing_left_behind (Fixture *fixture)
{
  /* libxlsxwriter's private work directories, and our temporary workbooks. */
  g_assert_cmpuint (count_entries_with_prefix (tmp_root, "reintegra-"), ==, 0);
  g_assert_cmpuint (count_entries_with_prefix (fixture->dir, ".reintegra-export-"), ==, 0);
}

static void
assert_private_workbook (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* An xlsx file is a zip archive. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK\003\004", 4) == 0);
}

static char *
iso_from_display (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return rei_date_normalize (text);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Reads the fixture with a parser of its own rather than the importer, so that this test
 * depends only on the store and the export.  The fixture has no quoted fields. */
static void
load_krasnystaw (ReiStore   *store,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint loaded = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "imie;nazwisko;pesel;plec;data_urodzenia;kategorie;data_przyjecia;"
                   "data_zakonczenia;powod_zakonczenia;sytuacja_po;warsztat;projekt");

  g_assert_true (rei_store_begin (store, &error));
  g_assert_no_error (error);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_auto(GStrv) categories = NULL;
      g_auto(GStrv) projects = NULL;
      g_autoptr(ReiResident) r = NULL;
      g_autofree char *birth = NULL;
      g_autofree char *admission = NULL;
      g_autofree char *end = NULL;

      if (*lines[i] == '\0')
        continue;
      f = g_strsplit (lines[i], ";", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 12);
      /* A fixture with a wrong PESEL would test the wrong thing everywhere else. */
      g_assert_true (rei_pesel_is_valid (f[2]));

      r = rei_resident_new ();
      birth = iso_from_display (f[4]);
      admission = iso_from_display (f[6]);
      end = iso_from_display (f[7]);
      rei_resident_set (r, REI_RESIDENT_FIRST_NAME, f[0]);
      rei_resident_set (r, REI_RESIDENT_SURNAME, f[1]);
      rei_resident_set (r, REI_RESIDENT_PESEL, f[2]);
      rei_resident_set (r, REI_RESIDENT_SEX, f[3]);
      rei_resident_set (r, REI_RESIDENT_BIRTH_DATE, birth);
      rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, admission);
      rei_resident_set (r, REI_RESIDENT_END_DATE, end);
      rei_resident_set (r, REI_RESIDENT_END_REASON, nonempty (f[8]));
      rei_resident_set (r, REI_RESIDENT_OUTCOME, nonempty (f[9]));
      rei_resident_set (r, REI_RESIDENT_WORKSHOP, nonempty (f[10]));
      categories = g_strsplit (f[5], "|", -1);
      rei_resident_set_categories (r, (const char * const *) categories);
      projects = g_strsplit (f[11], "|", -1);
      rei_resident_set_projects (r, (const char * const *) projects);

      g_assert_true (rei_store_save_resident (store, r, &error));
      g_assert_no_error (error);
      loaded++;
    }
  g_assert_true (rei_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (loaded, ==, 32);
}

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

  fixture->dir = g_dir_make_tmp ("export-test-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "reintegra.db", NULL);
  fixture->store = rei_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  if (GPOINTER_TO_UINT (data) == 0)
    {
      g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "krasnystaw-2019.csv",
                                                    NULL);
      load_krasnystaw (fixture->store, csv);
    }
  else
    load_many (fixture->store, GPOINTER_TO_UINT (data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
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
  assert_private_workbook (path);
  assert_nothing_left_behind (fixture);
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
  assert_private_workbook (path);
  assert_nothing_left_behind (fixture);

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
  assert_private_workbook (path);
  assert_nothing_left_behind (fixture);
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
  assert_private_workbook (path);

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
  assert_nothing_left_behind (fixture);

  /* Cancelled before it starts: nothing is created at all. */
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (rei_export_residents (fixture->store, NULL, path, NULL, NULL, cancellable,
                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_nothing_left_behind (fixture);
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
  assert_nothing_left_behind (fixture);

  g_clear_error (&error);
  g_assert_false (rei_export_residents (fixture->store, NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "wyniki.xlsx"));
  assert_nothing_left_behind (fixture);
}

/* For check-workbook.py (test-export --write-to DIR FIXTURE.csv): the Krasnystaw workbooks,
 * and a year with no graduates. */
static int
write_workbooks (const char *dir,
                 const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *db = g_build_filename (dir, "reintegra.db", NULL);
  g_autofree char *indicators = g_build_filename (dir, "indicators-2019.xlsx", NULL);
  g_autofree char *empty_year = g_build_filename (dir, "indicators-2030.xlsx", NULL);
  g_autofree char *residents = g_build_filename (dir, "residents.xlsx", NULL);

  store = rei_store_open (db, &error);
  g_assert_no_error (error);
  load_krasnystaw (store, csv);

  if (!rei_export_indicators (store, 2019, indicators, &error)
      || !rei_export_indicators (store, 2030, empty_year, &error)
      || !rei_export_residents (store, NULL, residents, NULL, NULL, NULL, &error))
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
  g_autofree char *template = NULL;
  int ret;

  if (argc == 4 && g_str_equal (argv[1], "--write-to"))
    return write_workbooks (argv[2], argv[3]);

  /* Before anything asks GLib for the temporary directory: it is read once. */
  template = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp",
                               "test-export-XXXXXX", NULL);
  tmp_root = g_mkdtemp (g_strdup (template));
  g_assert_nonnull (tmp_root);
  g_setenv ("TMPDIR", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmp_root);

  g_test_add ("/export/indicators", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_indicators, fixture_tear_down);
  g_test_add ("/export/residents", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_residents, fixture_tear_down);
  g_test_add ("/export/replaces-atomically", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_replaces_atomically, fixture_tear_down);
  g_test_add ("/export/progress", Fixture, GUINT_TO_POINTER (2500),
              fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/export/cancel", Fixture, GUINT_TO_POINTER (2500),
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/export/unwritable", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_unwritable, fixture_tear_down);

  ret = g_test_run ();
  remove_tree (tmp_root);
  g_free (tmp_root);
  return ret;
}

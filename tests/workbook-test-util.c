/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "rei-date.h"
#include "rei-export-error.h"
#include "rei-identifiers.h"
#include "rei-store-residents.h"
#include "test-util.h"
#include "workbook-test-util.h"

static char *tmp_root;

void
rei_test_workbook_fixture_tear_down (ReiTestWorkbookFixture *fixture,
                                     gconstpointer           data)
{
  g_clear_object (&fixture->store);
  rei_test_tmpdir_free (g_steal_pointer (&fixture->dir));
}

ReiStore *
rei_test_workbook_store_new (const char *dir,
                             const char *db_name,
                             const char *csv_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (dir, db_name, NULL);
  ReiStore *store = rei_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (csv_path != NULL)
    rei_test_load_krasnystaw (store, csv_path);
  return store;
}

gboolean
rei_test_workbook_init (int                    *argc,
                        char                 ***argv,
                        const char             *name,
                        ReiTestWorkbookWriter   writer,
                        int                    *status)
{
  const char *outer = g_getenv ("TMPDIR");
  g_autofree char *template = NULL;

  if (writer != NULL && *argc == 4 && g_str_equal ((*argv)[1], "--write-to"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *db_name = g_strconcat (name, ".db", NULL);
      g_autoptr(ReiStore) store = rei_test_workbook_store_new ((*argv)[2], db_name, (*argv)[3]);

      *status = 0;
      if (!writer (store, (*argv)[2], &error))
        {
          g_printerr ("%s\n", error->message);
          *status = 1;
        }
      return TRUE;
    }

  /* Before anything asks GLib for the temporary directory: it is read once. */
  template = g_build_filename (outer != NULL ? outer : "/tmp", "test-workbook-XXXXXX", NULL);
  tmp_root = g_mkdtemp (g_strdup (template));
  g_assert_nonnull (tmp_root);
  g_setenv ("TMPDIR", tmp_root, TRUE);

  g_test_init (argc, argv, NULL);
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmp_root);
  return FALSE;
}

int
rei_test_workbook_run (void)
{
  int ret = g_test_run ();

  rei_test_tmpdir_free (g_steal_pointer (&tmp_root));
  return ret;
}

char *
rei_test_workbook_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("export-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
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

void
rei_test_assert_nothing_left_behind (const char *dir)
{
  /* libxlsxwriter's private work directories, and our temporary workbooks. */
  g_assert_cmpuint (count_entries_with_prefix (tmp_root, "reintegra-"), ==, 0);
  g_assert_cmpuint (count_entries_with_prefix (dir, ".reintegra-export-"), ==, 0);
}

char *
rei_test_unwritable_path (const char *dir)
{
  return g_build_filename (dir, "no-such-folder", "wyniki.xlsx", NULL);
}

void
rei_test_assert_unwritable (const GError *error,
                            const char   *dir)
{
  g_assert_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "wyniki.xlsx"));
  rei_test_assert_nothing_left_behind (dir);
}

void
rei_test_assert_private_workbook (const char *path)
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

void
rei_test_load_krasnystaw (ReiStore   *store,
                          const char *csv_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint loaded = 0;

  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, &error));
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

char *
rei_test_krasnystaw_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "krasnystaw-2019.csv", NULL);
}

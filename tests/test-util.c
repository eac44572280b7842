/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "rei-store-private.h"
#include "test-util.h"

char *
rei_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("reintegra-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

void
rei_test_tmpdir_free (char *dir)
{
  if (dir == NULL)
    return;
  remove_tree (dir);
  g_free (dir);
}

ReiStore *
rei_test_store_new (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  ReiStore *store = rei_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A valid PESEL for a date and serial: the checksum is computed here, independently of the
 * code under test, from the published weights. */
char *
rei_test_pesel (int   year,
                int   month,
                int   day,
                guint serial,
                char  sex)
{
  static const int weights[] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
  int coded_month = month + (year >= 2000 ? 20 : year < 1900 ? 80 : 0);
  guint sex_digit = (serial % 5) * 2 + (sex == 'M' ? 1 : 0);
  char digits[12];
  int sum = 0;

  g_snprintf (digits, sizeof digits, "%02d%02d%02d%03u%u", year % 100, coded_month, day,
              serial % 1000, sex_digit);
  for (int i = 0; i < 10; i++)
    sum += (digits[i] - '0') * weights[i];
  digits[10] = (char) ('0' + (10 - sum % 10) % 10);
  digits[11] = '\0';
  return g_strdup (digits);
}

ReiResident *
rei_test_resident_new (const char *first_name,
                       const char *surname,
                       const char *pesel)
{
  ReiResident *r = rei_resident_new ();

  rei_resident_set (r, REI_RESIDENT_FIRST_NAME, first_name);
  rei_resident_set (r, REI_RESIDENT_SURNAME, surname);
  rei_resident_set (r, REI_RESIDENT_PESEL, pesel);
  return r;
}

GBytes *
rei_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    return NULL;
  return g_bytes_new_take (data, len);
}

void
rei_test_exec_raw (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rei_store_register_sql (db);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

char *
rei_test_dump_raw (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *s = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      g_string_append_printf (s, "%s%c", (const char *) sqlite3_column_text (stmt, i) ?: "NULL",
                              i + 1 < sqlite3_column_count (stmt) ? ';' : '\n');
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (s, FALSE);
}

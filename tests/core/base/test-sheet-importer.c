/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rei-sheet-importer.h"
#include "rei-store-residents.h"
#include "test-util.h"

/* The frame on a format of its own, shaped like the partner and project sheets to come:
 * "nazwa" (required), "miejscowosc", "nip" and "zmiana" (tak: the row counts as an update).
 * Each good row is written to the store as a resident, so that what a rollback undoes can be
 * counted. */

enum
{
  COL_NAZWA,
  COL_MIEJSCOWOSC,
  COL_NIP,
  COL_ZMIANA,
  N_COLS
};

static const ReiSheetColumn toy_columns[N_COLS] = {
  [COL_NAZWA] = { "nazwa", TRUE },
  [COL_MIEJSCOWOSC] = { "miejscowosc", FALSE },
  [COL_NIP] = { "nip", FALSE },
  [COL_ZMIANA] = { "zmiana", FALSE },
};

typedef struct
{
  char             *dir;
  ReiStore         *store;
  ReiSheetImporter *importer;
  guint             n_checked;
  const char       *fail_on;  /* write_row fails for the row of this name */
  GPtrArray        *towns;    /* what check_row saw in "miejscowosc", "" when NULL */
} Fixture;

static gpointer
toy_check_row (ReiSheetRow *row,
               gpointer     user_data)
{
  Fixture *f = user_data;
  const char *name = rei_sheet_row_get (row, COL_NAZWA);
  const char *nip = rei_sheet_row_get (row, COL_NIP);
  const char *change = rei_sheet_row_get (row, COL_ZMIANA);
  ReiResident *item;

  f->n_checked++;
  g_ptr_array_add (f->towns, g_strdup (rei_sheet_row_get (row, COL_MIEJSCOWOSC) ?: ""));

  if (name == NULL)
    rei_sheet_row_add_problem (row, "nazwa is empty");
  if (nip != NULL && strlen (nip) != 10)
    rei_sheet_row_add_problem (row, "nip is not ten digits");
  if (rei_sheet_row_has_problems (row))
    return NULL;

  item = rei_test_resident_new (name, name, NULL);
  g_object_set_data (G_OBJECT (item), "update", GINT_TO_POINTER (g_strcmp0 (change, "tak") == 0));
  return item;
}

static gboolean
toy_write_row (gpointer   item,
               gboolean  *updated,
               gpointer   user_data,
               GError   **error)
{
  Fixture *f = user_data;
  ReiResident *r = item;

  if (g_strcmp0 (rei_resident_get_first_name (r), f->fail_on) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the store said no");
      return FALSE;
    }
  *updated = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (r), "update"));
  return rei_store_save_resident (f->store, r, error);
}

static const ReiSheetFormat toy_format = {
  toy_columns, N_COLS, toy_check_row, toy_write_row, g_object_unref,
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rei_test_tmpdir_new ();
  f->store = rei_test_store_new (f->dir);
  f->towns = g_ptr_array_new_with_free_func (g_free);
  f->importer = rei_sheet_importer_new (f->store, &toy_format, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->importer);
  g_clear_object (&f->store);
  g_clear_pointer (&f->towns, g_ptr_array_unref);
  rei_test_tmpdir_free (f->dir);
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
problem_lines (ReiSheetImporter *importer)
{
  GPtrArray *problems = rei_sheet_importer_get_problems (importer);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (s, "%s%u", i ? "," : "",
                            ((ReiImportProblem *) g_ptr_array_index (problems, i))->line);
  return g_string_free (s, FALSE);
}

/* Runs @text, which must be refused with @code and leave the store as it was; returns the
 * lines of its problems ("3,3,6"). */
static char *
run_refused (Fixture        *f,
             const char     *text,
             int             code)
{
  g_autoptr(GBytes) bytes = bytes_of (text);
  g_autoptr(GError) error = NULL;

  g_assert_false (rei_sheet_importer_run (f->importer, bytes, NULL, NULL, NULL, &error));
  g_assert_error (error, REI_IMPORT_ERROR, code);
  g_assert_cmpuint (rei_sheet_importer_get_n_inserted (f->importer), ==, 0);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 0);
  return problem_lines (f->importer);
}

static const char *
problem_message (Fixture *f,
                 guint    i)
{
  GPtrArray *problems = rei_sheet_importer_get_problems (f->importer);

  g_assert_cmpuint (i, <, problems->len);
  return ((ReiImportProblem *) g_ptr_array_index (problems, i))->message;
}

static void
assert_same_column (const char *a,
                    const char *b)
{
  g_autofree char *fa = rei_sheet_fold_name (a);
  g_autofree char *fb = rei_sheet_fold_name (b);

  g_assert_cmpstr (fa, ==, fb);
}

static void
test_fold (void)
{
  g_autofree char *alphabet = rei_sheet_fold_name ("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż");

  /* Every Polish letter, both cases, to the letter an office script would have typed. */
  g_assert_cmpstr (alphabet, ==, "acelnoszzacelnoszz");

  assert_same_column ("Imię", "imie");
  assert_same_column ("IMIE", "imie");
  assert_same_column (" imie ", "imie");
  assert_same_column ("IMIĘ", "Imię");
  assert_same_column ("Data przyjęcia", "data_przyjecia");
  assert_same_column ("data-przyjecia", "data_przyjecia");
  assert_same_column ("DATA  PRZYJĘCIA", "data_przyjecia");
  assert_same_column ("Data\xC2\xA0przyjęcia", "data_przyjecia");   /* a no-break space */
  assert_same_column ("Płeć", "plec");
  assert_same_column ("Powód zakończenia", "powod_zakonczenia");
  assert_same_column ("Miejscowość", "miejscowosc");

  /* Folding is not a licence to guess: other words stay other columns. */
  {
    g_autofree char *a = rei_sheet_fold_name ("imiona");
    g_autofree char *b = rei_sheet_fold_name ("imie");

    g_assert_cmpstr (a, !=, b);
  }
}

/* What Excel writes for an office that typed its headers in Polish: CP1250, CRLF, capitals,
 * letters with diacritics and spaces.  Without folding "Miejscowość" is an unknown column. */
static void
test_headers_as_offices_write_them (Fixture       *f,
                                    gconstpointer  data)
{
  static const char csv[] =
    " NAZWA ;Miejscowo\x9C\xE6;NIP\r\n"
    "\xA3\xB9ka;Krasnystaw;5631000000\r\n"                  /* Łąka */
    "\xAF\xF3\xB3tko;\xA3\xF3\x64\x9F;\r\n";                /* Żółtko;Łódź */
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  ReiSheetImporter *importer = f->importer;
  g_autoptr(GError) error = NULL;

  g_assert_true (rei_sheet_importer_run (importer, bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_sheet_importer_get_n_inserted (importer), ==, 2);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 2);
  g_assert_true (rei_sheet_importer_has_column (importer, COL_MIEJSCOWOSC));
  g_assert_false (rei_sheet_importer_has_column (importer, COL_ZMIANA));
  g_assert_cmpuint (f->towns->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->towns, 1), ==, "Łódź");
}

static void
test_unknown_column (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *lines = run_refused (f, "nazwa;ulubiony kolor\nZakład;zielony\n",
                                        REI_IMPORT_ERROR_INVALID);
  const char *message = problem_message (f, 0);

  g_assert_cmpstr (lines, ==, "1");
  /* The column as the sheet wrote it, and every column that would have been accepted. */
  g_assert_nonnull (strstr (message, "“ulubiony kolor”"));
  for (guint c = 0; c < N_COLS; c++)
    g_assert_nonnull (strstr (message, toy_columns[c].name));
  /* A broken header is reported alone: no row is looked at. */
  g_assert_cmpuint (f->n_checked, ==, 0);
}

static void
test_repeated_and_missing (Fixture       *f,
                           gconstpointer  data)
{
  /* "Miejscowość" and "miejscowosc" are one column named twice; "nazwa" is required. */
  g_autofree char *lines = run_refused (f, "Miejscowość,miejscowosc\nKrasnystaw,Krasnystaw\n",
                                        REI_IMPORT_ERROR_INVALID);

  g_assert_cmpstr (lines, ==, "1,1");
  /* Named twice, as the header wrote it the second time; not an unknown column. */
  g_assert_nonnull (strstr (problem_message (f, 0), "“miejscowosc” appears twice"));
  g_assert_nonnull (strstr (problem_message (f, 1), "nazwa"));
  g_assert_cmpuint (f->n_checked, ==, 0);
}

static void
test_every_problem_with_its_line (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *lines = run_refused (f,
    "nazwa;nip;miejscowosc\n"
    "Zakład Pracy Chronionej;5631000000;Krasnystaw\n"   /* 2: fine */
    ";123;Łódź\n"                                        /* 3: no name, short NIP: two */
    "\"Spółdzielnia\n"
    "Socjalna\";;\n"                                     /* 4-5: fine, a quoted line break */
    "Fundacja;;;\n"                                      /* 6: four fields */
    "\n"
    "  ;;\n",                                            /* 8: no name */
    REI_IMPORT_ERROR_INVALID);

  g_assert_cmpstr (lines, ==, "3,3,6,8");
  /* The ragged row never reaches the format's check; the good rows are there for a preview. */
  g_assert_cmpuint (f->n_checked, ==, 4);
  g_assert_cmpuint (rei_sheet_importer_get_items (f->importer)->len, ==, 2);
}

static void
test_validate_then_run (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) bytes = bytes_of ("nazwa,zmiana\r\nA,nie\r\nB,tak\r\nC,\r\n");
  ReiSheetImporter *importer = f->importer;
  g_autoptr(GError) error = NULL;

  g_assert_true (rei_sheet_importer_validate (importer, bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_sheet_importer_get_items (importer)->len, ==, 3);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 0);

  g_assert_true (rei_sheet_importer_run (importer, bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_sheet_importer_get_n_inserted (importer), ==, 2);
  g_assert_cmpuint (rei_sheet_importer_get_n_updated (importer), ==, 1);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 3);
}

static void
test_failed_write_undoes_all (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GBytes) bytes = bytes_of ("nazwa\nA\nB\nC\nD\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;

  /* A and B are written before C fails: both are undone, and the message says where. */
  f->fail_on = "C";
  lines = run_refused (f, "nazwa\nA\nB\nC\nD\n", REI_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (lines, ==, "4");
  g_assert_cmpstr (problem_message (f, 0), ==, "the store said no");

  /* The store is usable again: the transaction was closed. */
  f->fail_on = NULL;
  g_assert_true (rei_sheet_importer_run (f->importer, bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 4);
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
} Cancel;

static void
cancel_while_writing_cb (double   fraction,
                         gpointer user_data)
{
  Cancel *c = user_data;

  g_assert_cmpfloat (fraction, >=, c->last);
  c->last = fraction;
  if (fraction > 0.5)
    g_cancellable_cancel (c->cancellable);
}

static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new ("nazwa\n");
  g_autoptr(GBytes) bytes = NULL;
  ReiSheetImporter *importer = f->importer;
  g_autoptr(GError) error = NULL;
  Cancel c = { g_cancellable_new (), 0.0 };

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (s, "Firma %u\n", i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));

  g_assert_false (rei_sheet_importer_run (importer, bytes, cancel_while_writing_cb, &c,
                                          c.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (c.last, >, 0.5);
  g_assert_cmpfloat (c.last, <, 1.0);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 0);
  g_clear_error (&error);

  c.last = 0.0;
  g_clear_object (&c.cancellable);
  c.cancellable = g_cancellable_new ();
  g_assert_true (rei_sheet_importer_run (importer, bytes, cancel_while_writing_cb, &c, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (c.last, ==, 1.0);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 4000);
  g_object_unref (c.cancellable);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *empty = run_refused (f, "\n\n", REI_IMPORT_ERROR_EMPTY);
  /* A syntax error is a problem with its line like any other. */
  g_autofree char *bad_quote = run_refused (f, "nazwa\n\"Zakład\n", REI_IMPORT_ERROR_INVALID);

  g_assert_cmpstr (empty, ==, "1");
  g_assert_cmpstr (bad_quote, ==, "2");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-importer/fold", test_fold);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheet-importer/headers-as-offices-write-them", test_headers_as_offices_write_them);
  ADD ("/sheet-importer/unknown-column", test_unknown_column);
  ADD ("/sheet-importer/repeated-and-missing", test_repeated_and_missing);
  ADD ("/sheet-importer/every-problem-with-its-line", test_every_problem_with_its_line);
  ADD ("/sheet-importer/validate-then-run", test_validate_then_run);
  ADD ("/sheet-importer/failed-write-undoes-all", test_failed_write_undoes_all);
  ADD ("/sheet-importer/progress-and-cancel", test_progress_and_cancel);
  ADD ("/sheet-importer/empty", test_empty);
#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "rei-importer.h"
#include "rei-store-import.h"
#include "rei-store-private.h"
#include "rei-store-residents.h"
#include "test-util.h"

typedef struct
{
  char     *dir;
  ReiStore *store;
  char     *pesel_a;   /* a woman born 08.07.1982 */
  char     *pesel_b;   /* a man born 14.05.2001 */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rei_test_tmpdir_new ();
  f->store = rei_test_store_new (f->dir);
  f->pesel_a = rei_test_pesel (1982, 7, 8, 123, 'K');
  f->pesel_b = rei_test_pesel (2001, 5, 14, 456, 'M');
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->pesel_a);
  g_free (f->pesel_b);
  rei_test_tmpdir_free (f->dir);
}

static GBytes *
bytes_printf (const char *format,
              ...) G_GNUC_PRINTF (1, 2);

static GBytes *
bytes_printf (const char *format,
              ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return g_bytes_new_take (text, strlen (text));
}

static gboolean
import (Fixture      *f,
        GBytes       *bytes,
        ReiImporter **out)
{
  g_autoptr(ReiImporter) importer = rei_importer_new (f->store);
  g_autoptr(GError) error = NULL;
  gboolean ok = rei_importer_run (importer, bytes, NULL, NULL, NULL, &error);

  if (ok)
    g_assert_no_error (error);
  else
    g_assert_nonnull (error);
  if (out)
    *out = g_steal_pointer (&importer);
  return ok;
}

static char *
problem_lines (ReiImporter *importer)
{
  GPtrArray *problems = rei_importer_get_problems (importer);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      ReiImportProblem *p = g_ptr_array_index (problems, i);
      g_string_append_printf (s, "%s%u", i ? "," : "", p->line);
    }
  return g_string_free (s, FALSE);
}

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  /* A BOM, columns in an unusual order, a quoted field with the separator and a line break. */
  g_autoptr(GBytes) csv = bytes_printf (
    "\xEF\xBB\xBFnazwisko;imie;pesel;plec;kategorie;data_przyjecia;data_zakonczenia;powod_zakonczenia;sytuacja_po;warsztat;projekt\n"
    "Żółkiewska;Małgorzata;%s;;bezdomnosc|uzaleznienie_alkohol;01.02.2019;2019-12-20;ukonczenie;zatrudnienie;\"Porządkowo;\ngospodarczy\";Aktywni na rynku pracy\n"
    "Łęcki;Jędrzej;%s;M;;15.03.2020;;;;Stolarski;\n"
    "Nowak;Anna;;K;uchodzca;;;;;;\n",
    f->pesel_a, f->pesel_b);
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(ReiResident) a = NULL;
  gint64 id;

  g_assert_true (import (f, csv, &importer));
  g_assert_cmpuint (rei_importer_get_n_inserted (importer), ==, 3);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 3);

  id = rei_store_find_resident_by_pesel (f->store, f->pesel_a, NULL);
  a = rei_store_get_resident (f->store, id, NULL);
  g_assert_cmpstr (rei_resident_get_surname (a), ==, "Żółkiewska");
  /* Sex and birth date derived from the PESEL. */
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_SEX), ==, "K");
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_BIRTH_DATE), ==, "1982-07-08");
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_ADMISSION_DATE), ==, "2019-02-01");
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_END_DATE), ==, "2019-12-20");
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_WORKSHOP), ==, "Porządkowo;\ngospodarczy");
  g_assert_cmpstrv (rei_resident_get_categories (a),
                    ((const char *[]) { "bezdomnosc", "uzaleznienie_alkohol", NULL }));
  g_assert_cmpstrv (rei_resident_get_projects (a), ((const char *[]) { "Aktywni na rynku pracy", NULL }));
}

static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) first = bytes_printf (
    "imie;nazwisko;pesel;data_przyjecia\r\n"
    "Małgorzata;Żółkiewska;%s;01.02.2019\r\n"
    "Jędrzej;Łęcki;%s;15.03.2020\r\n", f->pesel_a, f->pesel_b);
  g_autoptr(GBytes) second = bytes_printf (
    "imie;nazwisko;pesel;data_zakonczenia;powod_zakonczenia;sytuacja_po\n"
    "Małgorzata;Żółkiewska-Nowak;%s;31.12.2019;ukonczenie;staz\n", f->pesel_a);
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(ReiResident) a = NULL;

  g_assert_true (import (f, first, NULL));
  g_assert_true (import (f, first, &importer));
  g_assert_cmpuint (rei_importer_get_n_inserted (importer), ==, 0);
  g_assert_cmpuint (rei_importer_get_n_updated (importer), ==, 2);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 2);


  /* The second sheet speaks of other columns: those change, the admission date stays. */
  g_assert_true (import (f, second, NULL));
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 2);
  a = rei_store_get_resident (f->store, rei_store_find_resident_by_pesel (f->store, f->pesel_a, NULL), NULL);
  g_assert_cmpstr (rei_resident_get_surname (a), ==, "Żółkiewska-Nowak");
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_ADMISSION_DATE), ==, "2019-02-01");
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_OUTCOME), ==, "staz");

  /* Without a PESEL the name and the dates identify the person; a namesake admitted on
   * another day is somebody else. */
  {
    g_autoptr(GBytes) no_pesel = bytes_printf (
      "imie;nazwisko;plec;data_urodzenia;data_przyjecia\n"
      "Olena;Kowalenko;K;03.04.1990;01.06.2022\n"
      "Olena;Kowalenko;K;03.04.1990;01.09.2023\n");
    g_autoptr(ReiImporter) again = NULL;

    g_assert_true (import (f, no_pesel, NULL));
    g_assert_true (import (f, no_pesel, &again));
    g_assert_cmpuint (rei_importer_get_n_inserted (again), ==, 0);
    g_assert_cmpuint (rei_importer_get_n_updated (again), ==, 2);
    g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 4);
  }
}

static void
test_errors_write_nothing (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *bad_checksum = g_strdup (f->pesel_b);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(ReiImporter) importer = NULL;
  g_autofree char *lines = NULL;

  bad_checksum[10] = bad_checksum[10] == '9' ? '0' : bad_checksum[10] + 1;
  csv = bytes_printf (
    "imie;nazwisko;pesel;plec;kategorie;data_przyjecia;data_zakonczenia;powod_zakonczenia;sytuacja_po\n"
    "Małgorzata;Żółkiewska;%s;;;01.02.2019;;;\n"          /* 2: fine */
    "Jan;Kowalski;%s;;;;;;\n"                              /* 3: checksum */
    "Jan;;;M;;31.02.2019;;;\n"                             /* 4: no surname, no such date */
    "Ewa;Lis;;K;astronautka;;;;\n"                         /* 5: unknown category */
    "Ewa;Lis;;K\n"                                         /* 6: ragged */
    "Ola;Sowa;%s;;;;;;\n"                                  /* 7: PESEL already on line 2 */
    "Ola;Sowa;;M;;01.02.2020;01.01.2020;ukonczenie;\n"     /* 8: ends before it starts */
    "\"Adam\n\";Nowak;;;;;;;\n"                            /* 9-10: no sex, no PESEL */
    "Ola;Zięba;;K;;;;;zatrudnienie\n"                      /* 11: outcome but not ended */
    "Ewa;Lis;;K;;;;;\n"                                    /* 12: fine */
    "Ewa;Lis;;K;;;;;\n",                                   /* 13: the same person again */
    f->pesel_a, bad_checksum, f->pesel_a);

  g_assert_false (import (f, csv, &importer));
  lines = problem_lines (importer);
  g_assert_cmpstr (lines, ==, "3,4,4,5,6,7,8,9,11,13");
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 0);
}

/* Imports @text, which must be refused for its header alone (one problem, on line 1) with
 * nothing written; returns that problem's message. */
static char *
header_problem (Fixture    *f,
                const char *text)
{
  g_autoptr(GBytes) csv = g_bytes_new (text, strlen (text));
  g_autoptr(ReiImporter) importer = NULL;
  GPtrArray *problems;
  ReiImportProblem *problem;

  g_assert_false (import (f, csv, &importer));
  problems = rei_importer_get_problems (importer);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 0);
  return g_strdup (problem->message);
}

static void
test_unknown_column (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const accepted[] = {
    "imie", "nazwisko", "pesel", "plec", "data_urodzenia", "kategorie", "data_przyjecia",
    "data_zakonczenia", "powod_zakonczenia", "sytuacja_po", "warsztat", "projekt",
  };
  g_autofree char *message = header_problem (f, "imie;nazwisko;plec;ulubiony_kolor\n"
                                                "Jan;Kos;M;zielony\n");

  g_assert_nonnull (strstr (message, "ulubiony_kolor"));
  /* The message names the columns the file may have, so that the office can rename its own. */
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    g_assert_nonnull (strstr (message, accepted[i]));
}

/* Tried as a new user would: a sheet from Polish Excel (CP1250, CRLF) headed as the office
 * writes it.  Without folding, "Imię" is an unknown column and nothing imports. */
static void
test_polish_headers_cp1250 (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(ReiResident) a = NULL;
  g_autoptr(ReiResident) b = NULL;

  /* Imię;Nazwisko;PESEL;Płeć;Data przyjęcia */
  g_string_append (s, "Imi\xEA;Nazwisko;PESEL;P\xB3" "e\xE6;Data przyj\xEA" "cia\r\n");
  /* Małgorzata;Żółkiewska */
  g_string_append_printf (s, "Ma\xB3gorzata;\xAF\xF3\xB3kiewska;%s;K;01.02.2019\r\n", f->pesel_a);
  /* Jędrzej;Łęcki */
  g_string_append_printf (s, "J\xEA" "drzej;\xA3\xEA" "cki;%s;M;15.03.2020\r\n", f->pesel_b);
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));

  g_assert_true (import (f, bytes, &importer));
  g_assert_cmpuint (rei_importer_get_n_inserted (importer), ==, 2);

  a = rei_store_get_resident (f->store, rei_store_find_resident_by_pesel (f->store, f->pesel_a, NULL), NULL);
  g_assert_cmpstr (rei_resident_get_first_name (a), ==, "Małgorzata");
  g_assert_cmpstr (rei_resident_get_surname (a), ==, "Żółkiewska");
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_SEX), ==, "K");
  g_assert_cmpstr (rei_resident_get (a, REI_RESIDENT_ADMISSION_DATE), ==, "2019-02-01");
  b = rei_store_get_resident (f->store, rei_store_find_resident_by_pesel (f->store, f->pesel_b, NULL), NULL);
  g_assert_cmpstr (rei_resident_get_surname (b), ==, "Łęcki");
  g_assert_cmpstr (rei_resident_get (b, REI_RESIDENT_ADMISSION_DATE), ==, "2020-03-15");
}

/* Each spelling of the header is the same column as its documented name. */
static void
test_header_spellings (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const headers[] = {
    "IMIE;NAZWISKO;PLEC;DATA_PRZYJECIA",
    " imie ; nazwisko ;plec;data-przyjecia",
    "Imię;Nazwisko;Płeć;Data przyjęcia",
    "imie;nazwisko;plec;Data-Przyjęcia",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(GBytes) bytes = bytes_printf ("%s\nAnna;Kos%u;K;01.09.2021\n", headers[i], i);
      g_autoptr(ReiImporter) importer = NULL;
      g_autoptr(ReiResident) r = NULL;

      g_test_message ("header: %s", headers[i]);
      g_assert_true (import (f, bytes, &importer));
      g_assert_cmpuint (rei_importer_get_n_inserted (importer), ==, 1);
      r = g_object_ref (g_ptr_array_index (rei_importer_get_residents (importer), 0));
      g_assert_cmpstr (rei_resident_get (r, REI_RESIDENT_ADMISSION_DATE), ==, "2021-09-01");
    }
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, G_N_ELEMENTS (headers));
}

/* "Imię" and "imie" are one column: naming it twice is a problem, not two columns. */
static void
test_header_named_twice (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *message = header_problem (f, "Imię;nazwisko;plec;imie\nJan;Kos;M;Janek\n");

  g_assert_nonnull (strstr (message, "“imie” appears twice"));
}

/* A sheet headed in Polish is still all or nothing: one bad row, and no row is written. */
static void
test_polish_headers_all_or_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GBytes) csv = bytes_printf (
    "Imię;Nazwisko;PESEL;Płeć;Data przyjęcia;Data zakończenia;Powód zakończenia\n"
    "Małgorzata;Żółkiewska;%s;K;01.02.2019;;\n"
    "Jędrzej;Łęcki;%s;M;15.03.2020;31.12.2020;\n",     /* 3: an end without its reason */
    f->pesel_a, f->pesel_b);
  g_autoptr(ReiImporter) importer = NULL;
  g_autofree char *lines = NULL;

  g_assert_false (import (f, csv, &importer));
  lines = problem_lines (importer);
  g_assert_cmpstr (lines, ==, "3");
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 0);
}

static void
test_empty_and_header_only (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) header = bytes_printf ("imie,nazwisko,plec\r\n");
  g_autoptr(ReiImporter) importer = rei_importer_new (f->store);
  g_autoptr(GError) error = NULL;

  g_assert_false (rei_importer_run (importer, empty, NULL, NULL, NULL, &error));
  g_assert_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_true (rei_importer_run (importer, header, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_importer_get_n_inserted (importer), ==, 0);
}

static void
test_cp1250_comma (Fixture       *f,
                   gconstpointer  data)
{
  /* What Polish Excel writes: CP1250, CRLF; here with a comma separator and quotes. */
  static const char csv[] =
    "imie,nazwisko,plec,warsztat\r\n"
    "\xA3\xB9\x6B\x61,\xAF\xF3\xB3\x74\x6B\x6F,K,\"Stolarski, II zmiana\"\r\n";   /* Łąka, Żółtko */
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(ReiResident) r = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_true (import (f, bytes, NULL));
  ids = rei_store_query_resident_ids (f->store, NULL, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  r = rei_store_get_resident (f->store, g_array_index (ids, gint64, 0), NULL);
  g_assert_cmpstr (rei_resident_get_first_name (r), ==, "Łąka");
  g_assert_cmpstr (rei_resident_get_surname (r), ==, "Żółtko");
  g_assert_cmpstr (rei_resident_get (r, REI_RESIDENT_WORKSHOP), ==, "Stolarski, II zmiana");
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
} CancelWhileWriting;

/* The importer reports 0.3 when every row is read and checked; past it the rows are written. */
static void
cancel_while_writing_cb (double   fraction,
                         gpointer user_data)
{
  CancelWhileWriting *c = user_data;

  c->last = fraction;
  if (fraction > 0.5)
    g_cancellable_cancel (c->cancellable);
}

static void
test_cancel_while_writing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new ("imie;nazwisko;plec\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ReiImporter) importer = rei_importer_new (f->store);
  g_autoptr(GError) error = NULL;
  CancelWhileWriting c = { g_cancellable_new (), 0.0 };

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (s, "Jan;Kowalski%u;M\n", i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));

  g_assert_false (rei_importer_run (importer, bytes, cancel_while_writing_cb, &c, c.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* It was cancelled half-way through writing, and nothing of it stays. */
  g_assert_cmpfloat (c.last, >, 0.5);
  g_assert_cmpfloat (c.last, <, 1.0);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 0);
  g_object_unref (c.cancellable);
}

static void
test_cancel_and_progress (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new ("imie;nazwisko;plec\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ReiImporter) importer = rei_importer_new (f->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  double last = 0.0;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (s, "Jan;Kowalski%u;M\n", i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));

  g_cancellable_cancel (cancellable);
  g_assert_false (rei_importer_run (importer, bytes, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 0);
  g_clear_error (&error);

  g_assert_true (rei_importer_run (importer, bytes, progress_cb, &last, NULL, &error));
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpint (rei_store_count_residents (f->store, NULL), ==, 5000);
}

static ReiAuditEntry *
audit_at (GPtrArray *entries,
          guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

/* An import writes one audit row, with the counts; each person's history still shows the import
 * that added or changed them (with the changed fields), and a save from the window afterwards
 * writes its own row as ever. */
static void
test_one_audit_row (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) first = bytes_printf (
    "imie;nazwisko;pesel;data_przyjecia\n"
    "Małgorzata;Żółkiewska;%s;01.02.2019\n"
    "Jędrzej;Łęcki;%s;15.03.2020\n", f->pesel_a, f->pesel_b);
  g_autoptr(GBytes) second = bytes_printf (
    "imie;nazwisko;pesel;data_zakonczenia;powod_zakonczenia;sytuacja_po\n"
    "Małgorzata;Żółkiewska-Nowak;%s;31.12.2019;ukonczenie;staz\n", f->pesel_a);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) history_a = NULL;
  g_autoptr(GPtrArray) history_b = NULL;
  g_autoptr(ReiResident) a = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_a, id_b;

  g_assert_true (import (f, first, NULL));
  g_assert_true (import (f, second, NULL));
  id_a = rei_store_find_resident_by_pesel (f->store, f->pesel_a, NULL);
  id_b = rei_store_find_resident_by_pesel (f->store, f->pesel_b, NULL);

  /* The trail's own rows: one per import, naming the counts and nobody. */
  imports = rei_store_list_audit (f->store, "resident", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpstr (audit_at (imports, 0)->action, ==, "import");
  g_assert_cmpstr (audit_at (imports, 0)->detail, ==, "rows=2,added=2,updated=0");
  g_assert_cmpstr (audit_at (imports, 1)->action, ==, "import");
  g_assert_cmpstr (audit_at (imports, 1)->detail, ==, "rows=1,added=0,updated=1");

  /* Anna: added by the first, changed by the second (which fields, not their values). */
  history_a = rei_store_list_audit (f->store, "resident", id_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history_a->len, ==, 2);
  g_assert_cmpint (audit_at (history_a, 0)->id, ==, audit_at (imports, 0)->id);
  g_assert_cmpstr (audit_at (history_a, 0)->action, ==, "import");
  g_assert_cmpint (audit_at (history_a, 0)->entity_id, ==, id_a);
  g_assert_null (audit_at (history_a, 0)->detail);
  g_assert_cmpstr (audit_at (history_a, 0)->actor, ==, audit_at (imports, 0)->actor);
  g_assert_cmpstr (audit_at (history_a, 0)->at, ==, audit_at (imports, 0)->at);
  g_assert_cmpint (audit_at (history_a, 1)->id, ==, audit_at (imports, 1)->id);
  g_assert_cmpstr (audit_at (history_a, 1)->detail, ==, "surname,end-date,end-reason,outcome");
  g_assert_null (strstr (audit_at (history_a, 1)->detail, "Nowak"));

  /* Jędrzej was only added. */
  history_b = rei_store_list_audit (f->store, "resident", id_b, &error);
  g_assert_cmpuint (history_b->len, ==, 1);
  g_assert_null (audit_at (history_b, 0)->detail);

  /* A save from the window: its own audit row, after the imports. */
  a = rei_store_get_resident (f->store, id_a, &error);
  rei_resident_set (a, REI_RESIDENT_PHONE, "600100200");
  g_assert_true (rei_store_save_resident (f->store, a, &error));
  g_clear_pointer (&history_a, g_ptr_array_unref);
  history_a = rei_store_list_audit (f->store, "resident", id_a, &error);
  g_assert_cmpuint (history_a->len, ==, 3);
  g_assert_cmpstr (audit_at (history_a, 2)->action, ==, "update");
  g_assert_cmpstr (audit_at (history_a, 2)->detail, ==, "phone");
  g_clear_pointer (&imports, g_ptr_array_unref);
  imports = rei_store_list_audit (f->store, "resident", 0, &error);
  g_assert_cmpuint (imports->len, ==, 2);
}

static guint
count_raw (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  /* A connection of its own, with the collation: it sees only what was committed. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rei_store_register_sql (db);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

#define COUNT_RESIDENT_INDEXES \
  "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('resident_name', " \
  "'resident_end_date', 'resident_admission_date', 'resident_workshop', " \
  "'resident_category_code', 'resident_project_project')"

/* Dropped by a residents import while it writes (rei-store-residents.c, write_lists). */
#define COUNT_ENROLMENT_TRIGGER \
  "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'resident_project_enrolment'"

typedef struct
{
  ReiStore     *store;
  GCancellable *cancellable;   /* cancelled half-way through writing when set */
  gboolean      deferred;      /* seen while writing */
} WatchImport;

static void
watch_import_cb (double   fraction,
                 gpointer user_data)
{
  WatchImport *w = user_data;

  /* Past 0.3 the rows are being written, inside the import's transaction. */
  if (fraction > 0.3 && fraction < 1.0)
    w->deferred |= rei_store_import_deferred (w->store);
  if (fraction > 0.5 && w->cancellable != NULL)
    g_cancellable_cancel (w->cancellable);
}

static GBytes *
many_rows (guint n,
           guint first)
{
  g_autoptr(GString) s = g_string_new ("imie;nazwisko;plec;kategorie;data_przyjecia;data_zakonczenia;"
                                       "powod_zakonczenia;warsztat;projekt\n");

  for (guint i = first; i < first + n; i++)
    g_string_append_printf (s, "Jan;Kowalski%u;M;bezdomnosc;01.02.2019;%s;%s;Stolarski;Razem\n", i,
                            i % 2 ? "30.06.2019" : "", i % 2 ? "ukonczenie" : "");
  return g_string_free_to_bytes (g_steal_pointer (&s));
}

/* A large import builds the name, date, workshop, category and project indexes once, after the
 * load, in its own transaction: afterwards they are all there and sound, and a cancelled import
 * leaves them and the data as they were.  A small one keeps them up row by row. */
static void
test_large_import_indexes (Fixture       *f,
                           gconstpointer  data)
{
  const char *path = rei_store_get_path (f->store);
  g_autoptr(GBytes) large = many_rows (1500, 0);
  g_autoptr(GBytes) small = many_rows (10, 5000);
  g_autoptr(ReiImporter) importer = rei_importer_new (f->store);
  g_autoptr(GError) error = NULL;
  WatchImport w = { f->store, NULL, FALSE };

  g_assert_cmpuint (count_raw (path, COUNT_RESIDENT_INDEXES), ==, 6);

  /* Cancelled half-way: nothing written, the indexes back. */
  w.cancellable = g_cancellable_new ();
  g_assert_false (rei_importer_run (importer, large, watch_import_cb, &w, w.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&w.cancellable);
  g_assert_true (w.deferred);
  g_assert_false (rei_store_import_deferred (f->store));
  g_assert_cmpuint (count_raw (path, COUNT_RESIDENT_INDEXES), ==, 6);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM resident"), ==, 0);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM audit"), ==, 0);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM audit_item"), ==, 0);
  g_assert_cmpuint (count_raw (path, COUNT_ENROLMENT_TRIGGER), ==, 1);

  /* Whole: the indexes rebuilt and in use, the data sound. */
  w.deferred = FALSE;
  g_assert_true (rei_importer_run (importer, large, watch_import_cb, &w, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (w.deferred);
  g_assert_cmpuint (count_raw (path, COUNT_RESIDENT_INDEXES), ==, 6);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM resident"), ==, 1500);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM audit"), ==, 1);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM audit_item"), ==, 1500);
  g_assert_cmpuint (count_raw (path, COUNT_ENROLMENT_TRIGGER), ==, 1);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM enrolment"), ==, 1500);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM pragma_integrity_check "
                                     "WHERE integrity_check <> 'ok'"), ==, 0);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM resident INDEXED BY resident_end_date "
                                     "WHERE end_date = '2019-06-30'"), ==, 750);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM resident_category INDEXED BY "
                                     "resident_category_code WHERE category_code = 'bezdomnosc'"), ==, 1500);

  /* Small against what is there: row by row. */
  w.deferred = FALSE;
  g_assert_true (rei_importer_run (importer, small, watch_import_cb, &w, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (w.deferred);
  g_assert_cmpuint (count_raw (path, COUNT_RESIDENT_INDEXES), ==, 6);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM resident"), ==, 1510);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM audit"), ==, 2);
}

/* A person without a PESEL is matched by name and dates through the partial index
 * resident_match: a re-import of PESEL-less rows updates them (never adds them again), and the
 * matching query (rei_store_find_matching_resident's, written out here) searches that index rather
 * than walking every PESEL-less person, which made such an import quadratic. */
static void
test_match_without_pesel (Fixture       *f,
                          gconstpointer  data)
{
  const char *path = rei_store_get_path (f->store);
  g_autoptr(GBytes) rows = many_rows (1200, 0);
  g_autoptr(ReiImporter) importer = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);

  g_assert_true (import (f, rows, NULL));
  g_assert_true (import (f, rows, &importer));
  g_assert_cmpuint (rei_importer_get_n_inserted (importer), ==, 0);
  g_assert_cmpuint (rei_importer_get_n_updated (importer), ==, 1200);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM resident"), ==, 1200);
  g_assert_cmpuint (count_raw (path, "SELECT count(*) FROM resident INDEXED BY resident_match "
                                     "WHERE coalesce(pesel, '') = '' AND surname = 'Kowalski7' "
                                     "AND first_name = 'Jan'"), ==, 1);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rei_store_register_sql (db);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "EXPLAIN QUERY PLAN SELECT id FROM resident WHERE coalesce(pesel, '') = '' AND NOT anonymised "
    "AND first_name = ? AND surname = ? AND birth_date IS ? AND admission_date IS ? "
    "ORDER BY id LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (strstr (plan->str, "USING INDEX resident_match"));
}

/* An import writes the categories and projects in batches and the enrolments the trigger
 * resident_project_enrolment would add itself, with the trigger dropped until its commit: the
 * rows (ids, dates, an enrolment kept as it was) are those of the same people saved one by one
 * as the window saves them, and the trigger is back, at work, after the import. */
static void
test_enrolments_as_trigger (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) by_row = rei_test_store_new (dir);
  ReiStore *stores[2] = { f->store, by_row };
  g_autoptr(GString) csv = g_string_new ("imie;nazwisko;pesel;plec;kategorie;data_przyjecia;projekt\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ReiImporter) checker = rei_importer_new (by_row);
  const char *tables[] = {
    "SELECT * FROM enrolment ORDER BY id",
    "SELECT * FROM resident_project ORDER BY resident_id, project_id",
    "SELECT * FROM resident_category ORDER BY resident_id, category_code",
    "SELECT id, title FROM project ORDER BY id",
  };
  GPtrArray *people;
  /* Someone enrolled in Alfa from 2018, with dates of the enrolment's own. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ReiResident) r = rei_resident_new ();
      const char *projects[] = { "Alfa", NULL };

      rei_resident_set (r, REI_RESIDENT_FIRST_NAME, "Anna");
      rei_resident_set (r, REI_RESIDENT_SURNAME, "Nowak");
      rei_resident_set (r, REI_RESIDENT_PESEL, f->pesel_a);
      rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2018-01-01");
      rei_resident_set_projects (r, projects);
      g_assert_true (rei_store_save_resident (stores[i], r, NULL));
    }

  /* She again, admitted anew into Beta and Alfa; 1 200 more, some in a project twice. */
  g_string_append_printf (csv, "Anna;Nowak;%s;K;bezdomnosc;01.03.2020;Beta|Alfa\n", f->pesel_a);
  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (csv, "Jan;Lis%u;;M;%s;%02u.%02u.2019;%s\n", i,
                            i % 3 ? "bezdomnosc|uzaleznienie_alkohol" : "", 1 + i % 28,
                            1 + i % 12, (const char *[]) { "Gamma|Alfa|Gamma", "", "Beta",
                                                            "Alfa|Beta" }[i % 4]);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  g_assert_true (import (f, bytes, NULL));
  g_assert_true (rei_importer_validate (checker, bytes, NULL, NULL, NULL, NULL));
  people = rei_importer_get_residents (checker);
  for (guint i = 0; i < people->len; i++)
    {
      ReiResident *r = g_ptr_array_index (people, i);

      rei_resident_set_id (r, rei_store_find_matching_resident (by_row, r, NULL));
      g_assert_true (rei_store_save_resident (by_row, r, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *imported = rei_test_dump_raw (rei_store_get_path (f->store), tables[i]);
      g_autofree char *saved = rei_test_dump_raw (rei_store_get_path (by_row), tables[i]);

      g_assert_cmpstr (imported, ==, saved);
    }
  g_assert_cmpuint (count_raw (rei_store_get_path (f->store), "SELECT count(*) FROM enrolment "
                               "WHERE resident_id = 1 AND joined_on = '2018-01-01'"), ==, 1);

  {
    /* The trigger is back: a save adds Gamma's enrolment. */
    g_autoptr(ReiResident) r = rei_store_get_resident (f->store, 1, NULL);
    const char *projects[] = { "Beta", "Alfa", "Gamma", NULL };

    rei_resident_set_projects (r, projects);
    g_assert_true (rei_store_save_resident (f->store, r, NULL));
    g_assert_cmpuint (count_raw (rei_store_get_path (f->store), "SELECT count(*) FROM enrolment e "
                                 "JOIN project p ON p.id = e.project_id WHERE resident_id = 1 "
                                 "AND title = 'Gamma' AND joined_on = '2020-03-01'"), ==, 1);
  }
  g_clear_object (&by_row);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/importer/valid", test_valid);
  ADD ("/importer/reimport-updates", test_reimport);
  ADD ("/importer/errors-write-nothing", test_errors_write_nothing);
  ADD ("/importer/unknown-column", test_unknown_column);
  ADD ("/importer/polish-headers-cp1250", test_polish_headers_cp1250);
  ADD ("/importer/header-spellings", test_header_spellings);
  ADD ("/importer/header-named-twice", test_header_named_twice);
  ADD ("/importer/polish-headers-all-or-nothing", test_polish_headers_all_or_nothing);
  ADD ("/importer/empty-and-header-only", test_empty_and_header_only);
  ADD ("/importer/cp1250-comma", test_cp1250_comma);
  ADD ("/importer/cancel-and-progress", test_cancel_and_progress);
  ADD ("/importer/cancel-while-writing", test_cancel_while_writing);
  ADD ("/importer/one-audit-row", test_one_audit_row);
  ADD ("/importer/large-import-indexes", test_large_import_indexes);
  ADD ("/importer/match-without-pesel", test_match_without_pesel);
  ADD ("/importer/enrolments-as-trigger", test_enrolments_as_trigger);
#undef ADD

  return g_test_run ();
}

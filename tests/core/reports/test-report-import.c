/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rei-report-import.h"
#include "rei-store-private.h"
#include "rei-store-reports.h"
#include "rei-store-residents.h"
#include "report-fixture.h"
#include "test-util.h"

/* The enrolments import writes its rows in batches (rei-store-import.h), with the enrolment
 * trigger suppressed and the ids of new enrolments bound: what it leaves must be what the same
 * enrolments saved one by one with rei_store_save_enrolment() leave. */

#define N_PEOPLE 150

/* The same people and projects in a fresh store: three projects, everyone in the register,
 * a few enrolled already (one by the resident's project list, i.e. the trigger, one with
 * dates of its own). */
static ReiStore *
fill (const char  *dir,
      GPtrArray   *pesels)
{
  ReiStore *store = rei_test_store_new (dir);
  g_autoptr(ReiProject) alfa = add_project (store, "ALFA", "Alfa", "2018-01-01", "2022-12-31", 10, 10);
  g_autoptr(ReiProject) beta = add_project (store, "BETA", "Beta", "2019-01-01", "2021-12-31", 5, 5);
  g_autoptr(ReiProject) gamma = add_project (store, "GAMMA", "Gamma", "2020-01-01", "2023-12-31", 5, 5);

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *surname = g_strdup_printf ("Osoba%03u", i);
      g_autofree char *pesel = rei_test_pesel (1960 + i % 30, 1 + i % 12, 1 + i % 28, i, i % 2 ? 'K' : 'M');
      g_autoptr(ReiResident) r = rei_test_resident_new (i % 2 ? "Anna" : "Jan", surname, pesel);
      const char *projects[] = { "Alfa", NULL };

      rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2019-02-01");
      if (i % 37 == 0)
        rei_resident_set_projects (r, projects);
      g_assert_true (rei_store_save_resident (store, r, NULL));
      if (pesels->len < N_PEOPLE)
        g_ptr_array_add (pesels, g_steal_pointer (&pesel));
      if (i % 41 == 5)
        enrol (store, rei_resident_get_id (r), beta, "2019-05-05", NULL, -1, NULL, -1);
    }
  return store;
}

static void
test_enrolments_batched (void)
{
  g_autoptr (ReiTestTmpdir) dir_a = rei_test_tmpdir_new ();
  g_autoptr (ReiTestTmpdir) dir_b = rei_test_tmpdir_new ();
  g_autoptr(GPtrArray) pesels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ReiStore) imported = fill (dir_a, pesels);
  g_autoptr(ReiStore) by_row = fill (dir_b, pesels);
  g_autoptr(ReiReportImporter) importer = rei_report_importer_new (imported, REI_REPORT_IMPORT_ENROLMENTS);
  g_autoptr(GString) csv = g_string_new ("pesel;projekt;data_przystapienia;data_zakonczenia;"
                                         "sciezka_ukonczona;status_po;postep_spoleczny\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *codes[] = { "ALFA", "BETA", "GAMMA" };
  const char *statuses[] = { "pracujacy", "bierny", NULL };
  const char *tables[] = {
    "SELECT * FROM enrolment ORDER BY id",
    "SELECT * FROM resident_project ORDER BY resident_id, project_id",
  };
  guint n_updated = 0, n_rows = 0;
  g_autofree char *mark = NULL;

  mark = rei_test_dump_raw (rei_store_get_path (by_row), "SELECT max(id) FROM audit");
  *strchr (mark, '\n') = '\0';

  /* Every person in one or two projects, some rows naming a pair twice (the second wins), some
   * a pair enrolled before (an update), more than a batch of each kind. */
  g_assert_true (rei_store_begin (by_row, NULL));
  for (guint i = 0; i < 2 * N_PEOPLE; i++)
    {
      guint who = i % N_PEOPLE;
      const char *code = codes[(i / N_PEOPLE + who) % 3];
      int day = 1 + i % 28;
      gboolean left = i % 3 != 0;
      int path = i % 4 == 0 ? -1 : (int) (i % 2);
      const char *status = left ? statuses[i % 3] : NULL;
      int progress = i % 5 == 0 ? -1 : (int) (i % 3 == 1);
      g_autoptr(ReiEnrolment) e = rei_enrolment_new ();
      g_autoptr(ReiProject) project = NULL;
      gboolean existed = FALSE;

      if (i >= N_PEOPLE && who % 5 != 0)
        continue;
      if (i >= N_PEOPLE && who % 10 == 0)
        code = codes[who % 3];   /* the pair of the first pass again */
      project = rei_store_get_project (by_row, code, NULL);
      g_string_append_printf (csv, "%s;%s;%02d.06.2020;%s%s;%s;%s;%s\n",
                              (const char *) pesels->pdata[who], code, day,
                              left ? "30.11.2020" : "", "",
                              path < 0 ? "" : path ? "tak" : "nie", status ? status : "",
                              progress < 0 ? "" : progress ? "tak" : "nie");
      e->resident_id = rei_store_find_resident_by_pesel (by_row, pesels->pdata[who], NULL);
      e->project_id = project->id;
      e->joined_on = g_strdup_printf ("2020-06-%02d", day);
      e->left_on = left ? g_strdup ("2020-11-30") : NULL;
      e->path_completed = path;
      e->status_after = g_strdup (status);
      e->social_progress = progress;
      g_assert_true (rei_store_save_enrolment_full (by_row, e, &existed, &error));
      g_assert_no_error (error);
      n_updated += existed;
      n_rows++;
    }
  g_assert_true (rei_store_commit (by_row, NULL));
  g_assert_cmpuint (n_rows, >, 2 * 64);
  g_assert_cmpuint (n_updated, >, 0);

  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  g_assert_true (rei_report_importer_run (importer, bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_report_importer_get_n_updated (importer), ==, n_updated);
  g_assert_cmpuint (rei_report_importer_get_n_inserted (importer), ==, n_rows - n_updated);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *a = rei_test_dump_raw (rei_store_get_path (imported), tables[i]);
      g_autofree char *b = rei_test_dump_raw (rei_store_get_path (by_row), tables[i]);

      g_assert_cmpstr (a, ==, b);
    }

  /* The audit: one import row, and an item per enrolment written, as the saves' own rows. */
  {
    g_autofree char *items = rei_test_dump_raw (rei_store_get_path (imported),
      "SELECT i.entity_id, i.detail FROM audit_item i JOIN audit a ON a.id = i.audit_id "
      "WHERE a.action = 'import' AND a.entity = 'enrolment' ORDER BY 1");
    g_autofree char *saves = g_strdup_printf ("SELECT DISTINCT entity_id, detail FROM audit "
                                              "WHERE entity = 'enrolment' AND action IN "
                                              "('insert', 'update') AND id > %s ORDER BY 1", mark);
    g_autofree char *rows = rei_test_dump_raw (rei_store_get_path (by_row), saves);
    g_autofree char *detail = g_strdup_printf ("rows=%u,added=%u,updated=%u\n", n_rows,
                                               n_rows - n_updated, n_updated);
    g_autofree char *import_row = rei_test_dump_raw (rei_store_get_path (imported),
      "SELECT detail FROM audit WHERE action = 'import' AND entity = 'enrolment'");

    g_assert_cmpstr (items, ==, rows);
    g_assert_cmpstr (import_row, ==, detail);
  }

  /* The trigger is back: a resident's new project is an enrolment from the admission date. */
  {
    g_autoptr(ReiProject) gamma = rei_store_get_project (imported, "GAMMA", NULL);
    gint64 id = rei_store_find_resident_by_pesel (imported, pesels->pdata[1], NULL);
    g_autofree char *sql = g_strdup_printf ("DELETE FROM enrolment WHERE resident_id = %"
                                            G_GINT64_FORMAT "; DELETE FROM resident_project "
                                            "WHERE resident_id = %" G_GINT64_FORMAT,
                                            id, id);
    g_autoptr(ReiResident) r = NULL;
    const char *projects[] = { "Gamma", NULL };
    g_autofree char *after = NULL;

    rei_test_exec_raw (rei_store_get_path (imported), sql);
    r = rei_store_get_resident (imported, id, NULL);
    rei_resident_set_projects (r, projects);
    g_assert_true (rei_store_save_resident (imported, r, NULL));
    g_free (sql);
    sql = g_strdup_printf ("SELECT joined_on FROM enrolment WHERE resident_id = %" G_GINT64_FORMAT
                           " AND project_id = %" G_GINT64_FORMAT, id, gamma->id);
    after = rei_test_dump_raw (rei_store_get_path (imported), sql);
    g_assert_cmpstr (after, ==, "2019-02-01\n");
  }
}

/* fill()'s store with @n_extra more projects, P0000 … (2015-01-01 – 2025-12-31, P0007 ending
 * 2016-12-31), written directly: their number is what the importer's rule weighs. */
static ReiStore *
fill_many_projects (const char *dir,
                    GPtrArray  *pesels,
                    guint       n_extra)
{
  ReiStore *store = fill (dir, pesels);
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x + 1 < %u) "
    "INSERT INTO project (code, title, start_date, end_date) SELECT printf('P%%04d', x), "
    "printf('Projekt %%d', x), '2015-01-01', CASE x WHEN 7 THEN '2016-12-31' ELSE '2025-12-31' END "
    "FROM n", n_extra);

  rei_test_exec_raw (rei_store_get_path (store), sql);
  return store;
}

/* @n_rows rows, row i naming person i % N_PEOPLE and project P(i * @stride % @n_extra), imported
 * into one store and saved one by one with rei_store_save_enrolment() into another filled
 * alike: the enrolments, residents' projects and audit items must be the same, the import's
 * lookups one at a time @n_lookups.  Then the same file with three bad rows must be refused
 * with @n_lookups_bad. */
static void
import_like_saves (guint n_extra,
                   guint n_rows,
                   guint stride,
                   guint n_lookups,
                   guint n_lookups_bad)
{
  g_autoptr (ReiTestTmpdir) dir_a = rei_test_tmpdir_new ();
  g_autoptr (ReiTestTmpdir) dir_b = rei_test_tmpdir_new ();
  g_autoptr(GPtrArray) pesels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ReiStore) imported = fill_many_projects (dir_a, pesels, n_extra);
  g_autoptr(ReiStore) by_row = fill_many_projects (dir_b, pesels, n_extra);
  g_autoptr(ReiReportImporter) importer = rei_report_importer_new (imported, REI_REPORT_IMPORT_ENROLMENTS);
  g_autoptr(GString) csv = g_string_new ("pesel;projekt;data_przystapienia;data_zakonczenia\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *tables[] = {
    "SELECT * FROM enrolment ORDER BY id",
    "SELECT * FROM resident_project ORDER BY resident_id, project_id",
  };
  g_autofree char *mark = rei_test_dump_raw (rei_store_get_path (by_row), "SELECT max(id) FROM audit");

  *strchr (mark, '\n') = '\0';
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *code = g_strdup_printf ("P%04u", i * stride % n_extra);
      g_autoptr(ReiProject) project = rei_store_get_project (by_row, code, NULL);
      g_autoptr(ReiEnrolment) e = rei_enrolment_new ();
      const char *pesel = pesels->pdata[i % N_PEOPLE];

      g_string_append_printf (csv, "%s;%s;%02u.03.2016;%s\n", pesel, code, 1 + i % 28,
                              i % 2 ? "30.06.2016" : "");
      e->resident_id = rei_store_find_resident_by_pesel (by_row, pesel, NULL);
      e->project_id = project->id;
      e->joined_on = g_strdup_printf ("2016-03-%02u", 1 + i % 28);
      e->left_on = i % 2 ? g_strdup ("2016-06-30") : NULL;
      g_assert_true (rei_store_save_enrolment (by_row, e, &error));
      g_assert_no_error (error);
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  g_assert_true (rei_report_importer_run (importer, bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_report_importer_get_n_lookups (importer), ==, n_lookups);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *a = rei_test_dump_raw (rei_store_get_path (imported), tables[i]);
      g_autofree char *b = rei_test_dump_raw (rei_store_get_path (by_row), tables[i]);

      g_assert_cmpstr (a, ==, b);
    }
  {
    g_autofree char *items = rei_test_dump_raw (rei_store_get_path (imported),
      "SELECT i.entity_id, i.detail FROM audit_item i JOIN audit a ON a.id = i.audit_id "
      "WHERE a.action = 'import' AND a.entity = 'enrolment' ORDER BY 1");
    g_autofree char *saves = g_strdup_printf ("SELECT entity_id, detail FROM audit WHERE entity = "
                                              "'enrolment' AND id > %s ORDER BY 1", mark);
    g_autofree char *rows = rei_test_dump_raw (rei_store_get_path (by_row), saves);

    g_assert_cmpstr (items, ==, rows);
  }

  /* What is not in a table read whole is still refused: a PESEL and a code nobody has, and a
   * project's period (P0007's ended), each with the message of a lookup. */
  {
    g_autoptr(ReiReportImporter) again = rei_report_importer_new (imported, REI_REPORT_IMPORT_ENROLMENTS);
    g_autoptr(GString) bad = g_string_new (NULL);
    g_autoptr(GBytes) bad_bytes = NULL;
    GPtrArray *problems;

    g_string_append_len (bad, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
    g_string_append_printf (bad, "00000000000;P0001;01.03.2016;\n%s;NOPE;01.03.2016;\n"
                                 "%s;P0007;01.03.2017;\n",
                            (const char *) pesels->pdata[0], (const char *) pesels->pdata[1]);
    bad_bytes = g_string_free_to_bytes (g_steal_pointer (&bad));
    g_assert_false (rei_report_importer_validate (again, bad_bytes, NULL, NULL, NULL, &error));
    g_assert_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID);
    problems = rei_report_importer_get_problems (again);
    g_assert_cmpuint (problems->len, ==, 3);
    g_assert_cmpuint (((ReiImportProblem *) problems->pdata[0])->line, ==, n_rows + 2);
    g_assert_nonnull (strstr (((ReiImportProblem *) problems->pdata[0])->message, "00000000000"));
    g_assert_nonnull (strstr (((ReiImportProblem *) problems->pdata[1])->message, "“NOPE”"));
    g_assert_nonnull (strstr (((ReiImportProblem *) problems->pdata[2])->message, "P0007"));
    g_assert_cmpuint (rei_report_importer_get_n_lookups (again), ==, n_lookups_bad);
  }
}

/* The lookups of an enrolments import read a whole table (the projects, the PESELs) once the
 * distinct keys asked reach 64 and an eighth of its rows; before, and for a small file into a
 * big register, one at a time.  Either way the same rows as one-by-one saves. */
static void
test_enrolments_whole_tables (void)
{
  /* Every row another project and person (150 each, over 303 projects): both tables read
   * after 63 lookups each, the bad rows' keys answered by them. */
  import_like_saves (300, N_PEOPLE, 1, 2 * 63, 2 * 63);
  /* More rows than projects (450 over 80): the same. */
  import_like_saves (80, 3 * N_PEOPLE, 1, 2 * 63, 2 * 63);
  /* A few rows into many projects: one lookup a key (the bad rows' three new ones too), nothing
   * read whole. */
  import_like_saves (300, 20, 7, 20 + 20, 20 + 20 + 3);
  /* 100 projects out of 1 003 (under an eighth) for 100 people (two thirds of 150): projects one
   * at a time (the bad rows' three new ones too), the PESELs read after 63. */
  import_like_saves (1000, 100, 10, 100 + 63, 100 + 63 + 3);
}

static void
cancel_when_writing (double   fraction,
                     gpointer user_data)
{
  /* Past the reading (the first 30 %) and the first batches: rows are in the database. */
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

/* A cancel after rows were written in batches, and the trigger dropped, leaves nothing: the
 * enrolments, projects and trigger as they were, no audit. */
static void
test_enrolments_cancelled (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(GPtrArray) pesels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ReiStore) store = fill (dir, pesels);
  g_autoptr(ReiReportImporter) importer = rei_report_importer_new (store, REI_REPORT_IMPORT_ENROLMENTS);
  g_autoptr(GString) csv = g_string_new ("pesel;projekt;data_przystapienia\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *sql = "SELECT * FROM enrolment ORDER BY id; SELECT * FROM resident_project";
  const char *schema = "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                       "AND name = 'resident_project_enrolment'";
  g_autofree char *before = rei_test_dump_raw (rei_store_get_path (store), sql);
  g_autofree char *after = NULL;
  g_autofree char *trigger = NULL;
  g_autofree char *audit = NULL;

  /* 1 350 rows: the frame looks at the cancellable every 1 024. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < N_PEOPLE; i++)
      for (guint p = 0; p < 3; p++)
        g_string_append_printf (csv, "%s;%s;01.02.2021\n", (const char *) pesels->pdata[i],
                                (const char *[]) { "ALFA", "BETA", "GAMMA" }[p]);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  g_assert_false (rei_report_importer_run (importer, bytes, cancel_when_writing, cancellable,
                                           cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = rei_test_dump_raw (rei_store_get_path (store), sql);
  g_assert_cmpstr (after, ==, before);
  trigger = rei_test_dump_raw (rei_store_get_path (store), schema);
  g_assert_cmpstr (trigger, ==, "resident_project_enrolment\n");
  audit = rei_test_dump_raw (rei_store_get_path (store), "SELECT count(*) FROM audit WHERE action = 'import'");
  g_assert_cmpstr (audit, ==, "0\n");
}

typedef struct
{
  const char *path;
  guint       n_reading;   /* progress reports while the rows were read and checked */
  guint       n_busy;      /* of those, with the database locked for writing */
} LockWatch;

static void
watch_lock (double   fraction,
            gpointer user_data)
{
  LockWatch *w = user_data;
  sqlite3 *db = NULL;

  if (fraction <= 0.0 || fraction >= 0.3)
    return;
  w->n_reading++;
  g_assert_cmpint (sqlite3_open_v2 (w->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_BUSY)
    w->n_busy++;
  else
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* The rows are checked (a PESEL in the register, a project by its code) in the transaction that
 * writes them: while the sheet is read, nobody else can write, so what was checked is still so
 * when it is written. */
static void
test_checked_in_write_transaction (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(GPtrArray) pesels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ReiStore) store = fill (dir, pesels);
  g_autoptr(ReiReportImporter) importer = rei_report_importer_new (store, REI_REPORT_IMPORT_ENROLMENTS);
  g_autoptr(GString) csv = g_string_new ("pesel;projekt;data_przystapienia\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LockWatch w = { rei_store_get_path (store), 0, 0 };

  /* More than 1 024 rows: the frame reports progress every 1 024 while it reads. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < N_PEOPLE; i++)
      for (guint p = 0; p < 3; p++)
        g_string_append_printf (csv, "%s;%s;01.02.2021\n", (const char *) pesels->pdata[i],
                                (const char *[]) { "ALFA", "BETA", "GAMMA" }[p]);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  g_assert_true (rei_report_importer_run (importer, bytes, watch_lock, &w, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w.n_reading, >, 0);
  g_assert_cmpuint (w.n_busy, ==, w.n_reading);
}

/* A funding row replaces the amount of its year, source and kind: counted as updated when that
 * key was stored before or named earlier in the same sheet, as added otherwise (another kind or
 * source of the same year is a row of its own). */
static void
test_funding_counts (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiReportImporter) importer = rei_report_importer_new (store, REI_REPORT_IMPORT_FUNDING);
  static const char first_csv[] = "rok;zrodlo;kwota;rodzaj\n2019;efs;100,00;\n2019;efs;50,00;plan\n"
                                  "2019;pfron;10,00;\n2019;efs;200,00;wykonanie\n";
  static const char second_csv[] = "rok;zrodlo;kwota\n2019;pfron;20,00\n2020;pfron;30,00\n";
  g_autoptr(GBytes) first = g_bytes_new_static (first_csv, strlen (first_csv));
  g_autoptr(GBytes) second = g_bytes_new_static (second_csv, strlen (second_csv));
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rei_report_importer_run (importer, first, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_report_importer_get_n_inserted (importer), ==, 3);
  g_assert_cmpuint (rei_report_importer_get_n_updated (importer), ==, 1);
  g_assert_true (rei_report_importer_run (importer, second, NULL, NULL, NULL, &error));
  g_assert_cmpuint (rei_report_importer_get_n_inserted (importer), ==, 1);
  g_assert_cmpuint (rei_report_importer_get_n_updated (importer), ==, 1);

  list = rei_store_list_funding (store, 2019, "wykonanie", &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((ReiFunding *) list->pdata[0])->source, ==, "efs");
  g_assert_cmpint (((ReiFunding *) list->pdata[0])->amount, ==, 20000);
  g_assert_cmpint (((ReiFunding *) list->pdata[1])->amount, ==, 2000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-import/enrolments-batched", test_enrolments_batched);
  g_test_add_func ("/report-import/enrolments-cancelled", test_enrolments_cancelled);
  g_test_add_func ("/report-import/enrolments-whole-tables", test_enrolments_whole_tables);
  g_test_add_func ("/report-import/checked-in-write-transaction",
                   test_checked_in_write_transaction);
  g_test_add_func ("/report-import/funding-counts", test_funding_counts);
  return g_test_run ();
}

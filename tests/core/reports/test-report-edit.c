/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "rei-report-import.h"
#include "rei-report-rules.h"
#include "rei-report.h"
#include "rei-store-reports.h"
#include "rei-store-residents.h"
#include "report-fixture.h"
#include "test-util.h"

/* What the reports page edits, through the core: a project with its tasks, renamed and deleted;
 * enrolments checked by the rules the import uses, listed and removed; funding removed; indicator
 * definitions changed, added and deleted, and the numbers following each change. */

static guint
count_raw (ReiStore   *store,
           const char *sql,
           const char *param)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  /* A connection of its own: it sees only what was committed. */
  g_assert_cmpint (sqlite3_open_v2 (rei_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static ReiProjectTask *
task (const char *title,
      const char *partner)
{
  ReiProjectTask *t = g_new0 (ReiProjectTask, 1);

  t->title = g_strdup (title);
  t->partner = g_strdup (partner);
  return t;
}

static void
test_project_with_tasks (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = rei_project_new ();
  g_autoptr(ReiProject) clash = NULL;
  g_autoptr(ReiProject) read = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_project_task_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *partners[] = { "MOPS Krasnystaw", "PUP Krasnystaw", NULL };
  gint64 id;

  p->code = g_strdup ("P-1");
  p->title = g_strdup ("Nowa szansa");
  p->start_date = g_strdup ("2017-09-01");
  p->end_date = g_strdup ("2020-08-31");
  p->total_value = 102543617;
  p->grant_value = 97385217;
  p->target_women = 23;
  p->target_men = 22;
  p->partners = g_strdupv ((char **) partners);
  g_ptr_array_add (tasks, task ("Reintegracja społeczna", "MOPS Krasnystaw"));
  g_ptr_array_add (tasks, task ("Reintegracja zawodowa", "PUP Krasnystaw"));
  g_ptr_array_add (tasks, task ("Zarządzanie", NULL));
  g_assert_true (rei_store_save_project_with_tasks (store, p, tasks, &error));
  g_assert_no_error (error);
  id = p->id;
  g_assert_cmpint (id, >, 0);

  stored = rei_store_list_project_tasks (store, id, &error);
  g_assert_cmpuint (stored->len, ==, 3);
  g_assert_cmpstr (((ReiProjectTask *) stored->pdata[1])->partner, ==, "PUP Krasnystaw");
  g_assert_null (((ReiProjectTask *) stored->pdata[2])->partner);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* The form renames the code (by id, not a new project) and drops the middle task: the rest
   * are numbered again, 1..n without a hole. */
  g_free (p->code);
  p->code = g_strdup ("P-1/2017");
  g_ptr_array_remove_index (tasks, 1);
  g_assert_true (rei_store_save_project_with_tasks (store, p, tasks, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->id, ==, id);
  g_assert_null (rei_store_get_project (store, "P-1", NULL));
  read = rei_store_get_project (store, "P-1/2017", &error);
  g_assert_nonnull (read);
  g_assert_cmpint (read->total_value, ==, 102543617);
  g_assert_cmpstr (read->partners[1], ==, "PUP Krasnystaw");
  stored = rei_store_list_project_tasks (store, id, &error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpint (((ReiProjectTask *) stored->pdata[1])->number, ==, 2);
  g_assert_cmpstr (((ReiProjectTask *) stored->pdata[1])->title, ==, "Zarządzanie");
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM project", NULL), ==, 1);

  /* Another project may not take the code: a sentence, nothing written. */
  clash = add_project (store, "P-2", "Drugi", "2019-01-01", "2019-12-31", 1, 1);
  g_free (clash->code);
  clash->code = g_strdup ("P-1/2017");
  g_assert_false (rei_store_save_project_with_tasks (store, clash, NULL, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (g_strstr_len (error->message, -1, "Nowa szansa"));
  g_clear_error (&error);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM project WHERE code = 'P-2'", NULL), ==, 1);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM audit WHERE entity = 'project' AND detail = 'tasks'",
                               NULL), ==, 2);
}

static void
test_delete_project (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = add_project (store, "DEL", "Do usunięcia", "2019-01-01", "2019-12-31", 2, 2);
  g_autoptr(ReiProject) keep = add_project (store, "KEEP", "Zostaje", "2019-01-01", "2019-12-31", 2, 2);
  g_autoptr(GError) error = NULL;
  gint64 r = add_resident (store, 'K', "2019-01-01", NULL, NULL, NULL);

  enrol (store, r, p, "2019-01-01", NULL, -1, NULL, -1);
  enrol (store, r, keep, "2019-01-01", NULL, -1, NULL, -1);
  g_assert_true (rei_store_save_project_task (store, p->id, 1, "Zadanie", "MOPS", &error));

  g_assert_true (rei_store_delete_project (store, p->id, &error));
  g_assert_no_error (error);
  g_assert_null (rei_store_get_project (store, "DEL", NULL));
  /* The resident stays, in the other project only; the network keeps its partner. */
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM enrolment", NULL), ==, 1);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM resident_project", NULL), ==, 1);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM project_task", NULL), ==, 0);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM resident", NULL), ==, 1);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM partner WHERE name = 'MOPS'", NULL), ==, 1);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM audit WHERE entity = 'project' AND action = 'delete'",
                               NULL), ==, 1);

  g_assert_false (rei_store_delete_project (store, p->id, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND);
}

static void
test_enrolment_rules (void)
{
  g_autoptr(ReiProject) p = rei_project_new ();
  g_autoptr(ReiEnrolment) e = rei_enrolment_new ();
  g_autoptr(GError) error = NULL;

  p->code = g_strdup ("P1");
  p->title = g_strdup ("Projekt");
  p->start_date = g_strdup ("2017-09-01");
  p->end_date = g_strdup ("2020-08-31");

  g_assert_false (rei_enrolment_check (e, p, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_JOINED_REQUIRED);
  g_clear_error (&error);

  /* The first and the last day of the period are in it. */
  e->joined_on = g_strdup ("2017-09-01");
  e->left_on = g_strdup ("2020-08-31");
  g_assert_true (rei_enrolment_check (e, p, &error));
  g_assert_no_error (error);

  g_free (e->joined_on);
  e->joined_on = g_strdup ("2017-08-31");
  g_assert_false (rei_enrolment_check (e, p, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_JOINED_OUTSIDE);
  g_assert_nonnull (g_strstr_len (error->message, -1, "01.09.2017 – 31.08.2020"));
  g_clear_error (&error);

  g_free (e->joined_on);
  e->joined_on = g_strdup ("2018-01-01");
  g_free (e->left_on);
  e->left_on = g_strdup ("2020-09-01");
  g_assert_false (rei_enrolment_check (e, p, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_LEFT_OUTSIDE);
  g_clear_error (&error);

  g_free (e->left_on);
  e->left_on = g_strdup ("2017-12-31");
  g_assert_false (rei_enrolment_check (e, p, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_LEFT_BEFORE_JOINED);
  g_clear_error (&error);

  /* A project without an end takes any later date. */
  g_clear_pointer (&p->end_date, g_free);
  g_free (e->left_on);
  e->left_on = g_strdup ("2030-01-01");
  g_assert_true (rei_enrolment_check (e, p, NULL));
}

/* The import refuses what the form refuses, with the same sentence after the column. */
static void
test_import_uses_rules (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = add_project (store, "P1", "Projekt", "2017-09-01", "2020-08-31", 2, 2);
  g_autoptr(ReiReportImporter) importer = rei_report_importer_new (store, REI_REPORT_IMPORT_ENROLMENTS);
  ReiImportProblem *problem;
  g_autoptr(ReiEnrolment) e = rei_enrolment_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) rule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  gint64 r = add_resident (store, 'K', "2017-01-01", NULL, NULL, NULL);
  g_autoptr(ReiResident) resident = rei_store_get_resident (store, r, &error);

  e->joined_on = g_strdup ("2017-08-31");
  g_assert_false (rei_enrolment_check (e, p, &rule));
  expected = g_strdup_printf ("data_przystapienia: %s", rule->message);

  csv = g_strdup_printf ("pesel;projekt;data_przystapienia\n%s;P1;31.08.2017\n", rei_resident_get_pesel (resident));
  bytes = g_bytes_new (csv, strlen (csv));
  g_assert_false (rei_report_importer_run (importer, bytes, NULL, NULL, NULL, &error));
  g_assert_cmpuint (rei_report_importer_get_problems (importer)->len, ==, 1);
  problem = g_ptr_array_index (rei_report_importer_get_problems (importer), 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->message, ==, expected);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM enrolment", NULL), ==, 0);
}

static void
test_enrolments_list_and_delete (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = add_project (store, "P1", "Projekt", "2019-01-01", "2020-12-31", 3, 3);
  g_autoptr(ReiReport) before = NULL;
  g_autoptr(ReiReport) after = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = add_resident (store, 'K', "2019-01-01", NULL, NULL, NULL);
  gint64 b = add_resident (store, 'K', "2019-01-01", NULL, NULL, NULL);
  gint64 c = add_resident (store, 'M', "2019-01-01", NULL, NULL, NULL);

  enrol (store, c, p, "2019-02-01", "2019-12-31", 1, "pracujacy", 1);
  enrol (store, b, p, "2019-01-01", NULL, -1, NULL, -1);
  enrol (store, a, p, "2019-01-01", NULL, -1, NULL, -1);

  list = rei_store_list_enrolments (store, p->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* Polish order of surnames (the fixture numbers them in order of creation). */
  g_assert_cmpint (((ReiEnrolment *) list->pdata[0])->resident_id, ==, a);
  g_assert_cmpint (((ReiEnrolment *) list->pdata[2])->resident_id, ==, c);
  g_assert_cmpstr (((ReiEnrolment *) list->pdata[2])->status_after, ==, "pracujacy");
  g_assert_cmpstr (((ReiEnrolment *) list->pdata[2])->sex, ==, "M");
  g_assert_nonnull (((ReiEnrolment *) list->pdata[0])->pesel);

  before = rei_report_compute_project (store, "P1", FALSE, NULL, NULL, NULL, &error);
  g_assert_cmpuint (rei_report_lookup (before, "uczestnicy_k")->numerator, ==, 2);
  g_assert_true (rei_store_delete_enrolment (store, b, p->id, &error));
  g_assert_no_error (error);
  after = rei_report_compute_project (store, "P1", FALSE, NULL, NULL, NULL, &error);
  g_assert_cmpuint (rei_report_lookup (after, "uczestnicy_k")->numerator, ==, 1);
  /* Gone from the resident's list of projects too, so that no save of the resident brings it
   * back. */
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM resident_project", NULL), ==, 2);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM audit WHERE entity = 'enrolment' AND action = 'delete'",
                               NULL), ==, 1);
  g_assert_false (rei_store_delete_enrolment (store, b, p->id, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND);
}

static void
test_funding_edit (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) sources = NULL;
  g_auto(GStrv) statuses = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rei_store_save_funding (store, 2019, "budzet_miasta", "wykonanie", 52000000, &error));
  g_assert_true (rei_store_save_funding (store, 2019, "efs", "wykonanie", 48000000, &error));
  g_assert_true (rei_store_save_funding (store, 2021, "efs", "plan", 100, &error));
  /* A new amount is audited as an insert, a changed one as an update. */
  g_assert_true (rei_store_save_funding (store, 2021, "efs", "plan", 200, &error));
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM audit WHERE entity = 'funding' AND action = 'insert'",
                               NULL), ==, 3);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM audit WHERE entity = 'funding' AND action = 'update'",
                               NULL), ==, 1);
  years = rei_store_list_funding_years (store, &error);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2021);

  g_assert_true (rei_store_delete_funding (store, 2019, "efs", "wykonanie", &error));
  g_assert_no_error (error);
  list = rei_store_list_funding (store, 2019, "wykonanie", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_false (rei_store_delete_funding (store, 2019, "efs", "wykonanie", &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM audit WHERE entity = 'funding' AND action = 'delete'",
                               NULL), ==, 1);

  sources = rei_store_list_funding_sources (store, &error);
  g_assert_cmpuint (g_strv_length (sources), ==, 8);
  g_assert_cmpstr (sources[0], ==, "budzet_miasta");
  g_assert_cmpstr (sources[1], ==, "Budżet miasta");
  statuses = rei_store_list_statuses_after (store, &error);
  g_assert_cmpstr (statuses[0], ==, "pracujacy");
}

static void
test_definitions_edit (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = NULL;
  g_autoptr(GPtrArray) defs = NULL;
  g_autoptr(ReiReport) report = NULL;
  g_autoptr(ReiIndicatorDef) def = rei_indicator_def_new ();
  g_autoptr(GError) error = NULL;
  const char *statuses[] = { "poszukujacy_pracy", "pracujacy", NULL };
  const ReiReportIndicator *ind;

  p = fill_nowa_szansa (store);

  /* A rule refuses what the schema would refuse with a database error. */
  def->code = g_strdup ("Nowy Wskaźnik");
  def->label = g_strdup ("Aktywni po wyjściu");
  g_assert_false (rei_indicator_def_check (def, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_INVALID);
  g_clear_error (&error);
  g_free (def->code);
  def->code = g_strdup ("aktywni_po");
  def->base = g_strdup ("zakonczone");
  def->denominator = g_strdup ("baza");
  g_assert_false (rei_indicator_def_check (def, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_NUMERATOR_EMPTY);
  g_clear_error (&error);

  /* A new funder's definition, no code: working or seeking work after leaving, threshold 40. */
  def->statuses = g_strdupv ((char **) statuses);
  def->threshold = 40;
  def->position = 50;
  g_assert_true (rei_indicator_def_check (def, &error));
  g_assert_true (rei_store_save_indicator_def (store, def, &error));
  g_assert_no_error (error);
  report = rei_report_compute_project (store, p->code, FALSE, NULL, NULL, NULL, &error);
  ind = rei_report_lookup (report, "aktywni_po");
  g_assert_nonnull (ind);
  /* 47 + 8 ended; 14 + 10 + 3 working or seeking. */
  g_assert_cmpuint (ind->numerator, ==, 27);
  g_assert_cmpuint (ind->denominator, ==, 55);
  g_assert_true (rei_report_indicator_met (ind));
  g_clear_pointer (&report, rei_report_free);

  /* A threshold changed: met becomes not met. */
  def->threshold = 60;
  g_assert_true (rei_store_save_indicator_def (store, def, &error));
  report = rei_report_compute_project (store, p->code, FALSE, NULL, NULL, NULL, &error);
  g_assert_false (rei_report_indicator_met (rei_report_lookup (report, "aktywni_po")));
  g_clear_pointer (&report, rei_report_free);

  g_assert_true (rei_store_delete_indicator_def (store, "aktywni_po", &error));
  g_assert_no_error (error);
  defs = rei_store_list_indicator_defs (store, &error);
  for (guint i = 0; i < defs->len; i++)
    g_assert_cmpstr (((ReiIndicatorDef *) defs->pdata[i])->code, !=, "aktywni_po");
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM indicator_status WHERE indicator_code = 'aktywni_po'",
                               NULL), ==, 0);
}

static void
test_project_rules (void)
{
  g_autoptr(ReiProject) p = rei_project_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rei_project_check (p, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_REQUIRED);
  g_clear_error (&error);
  p->code = g_strdup ("P");
  p->title = g_strdup ("  ");
  g_assert_false (rei_project_check (p, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_TITLE_REQUIRED);
  g_clear_error (&error);
  g_free (p->title);
  p->title = g_strdup ("Tytuł");
  p->start_date = g_strdup ("2020-01-01");
  p->end_date = g_strdup ("2019-12-31");
  g_assert_false (rei_project_check (p, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_ENDS_BEFORE_START);
  g_clear_error (&error);
  g_free (p->end_date);
  p->end_date = g_strdup ("2020-01-01");
  p->total_value = 100;
  p->grant_value = 101;
  g_assert_false (rei_project_check (p, &error));
  g_assert_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_GRANT_TOO_LARGE);
  g_clear_error (&error);
  p->grant_value = 100;
  g_assert_true (rei_project_check (p, NULL));
}

/* A project's own threshold: met turns into not met in that project's report only; another
 * project and the year keep the definition's; it survives a reload and goes with the project. */
static void
test_project_thresholds (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = fill_nowa_szansa (store);
  g_autoptr(ReiProject) reread = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *other_code = "RPLU.11.01.00-06-0099/19";
  const ReiReportIndicator *ind;
  ReiReport *report;

  /* Before: 17/55 = 31 % meets the definition's 22 %. */
  report = rei_report_compute_project (store, p->code, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rei_report_indicator_met (rei_report_lookup (report, "efektywnosc_zatrudnieniowa")));
  rei_report_free (report);

  rei_project_set_threshold (p, "efektywnosc_zatrudnieniowa", 40);
  rei_project_set_threshold (p, "efektywnosc_spoleczna", 30);
  g_assert_true (rei_store_save_project_with_tasks (store, p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM project_threshold", NULL), ==, 2);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM audit WHERE entity = 'project' "
                                      "AND detail = 'tasks,thresholds'", NULL), ==, 1);

  report = rei_report_compute_project (store, p->code, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ind = rei_report_lookup (report, "efektywnosc_zatrudnieniowa");
  g_assert_cmpfloat (ind->def->threshold, ==, 40);
  g_assert_false (rei_report_indicator_met (ind));                /* 31 % < 40 % */
  ind = rei_report_lookup (report, "efektywnosc_spoleczna");
  g_assert_true (rei_report_indicator_met (ind));                 /* 18/55 = 33 % ≥ 30 % */
  g_assert_cmpfloat (rei_report_lookup (report, "uczestnicy_k")->def->threshold, ==, 100);
  rei_report_free (report);

  /* The other project (5 of 5 working) and the year keep the definitions' thresholds. */
  report = rei_report_compute_project (store, other_code, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ind = rei_report_lookup (report, "efektywnosc_zatrudnieniowa");
  g_assert_cmpfloat (ind->def->threshold, ==, 22);
  g_assert_true (rei_report_indicator_met (ind));
  g_assert_cmpfloat (rei_report_lookup (report, "efektywnosc_spoleczna")->def->threshold, ==, 34);
  rei_report_free (report);
  report = rei_report_compute_year (store, 2018, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (rei_report_lookup (report, "efektywnosc_zatrudnieniowa")->def->threshold, ==, 22);
  g_assert_cmpfloat (rei_report_lookup (report, "efektywnosc_spoleczna")->def->threshold, ==, 34);
  rei_report_free (report);

  /* A save that did not load the thresholds (an import, another form) leaves them; an empty
   * set clears them. */
  reread = rei_store_get_project (store, p->code, &error);
  g_assert_null (reread->thresholds);
  g_assert_true (rei_store_save_project_with_tasks (store, reread, NULL, &error));
  stored = rei_store_get_project_thresholds (store, p->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (stored), ==, 2);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (stored, "efektywnosc_zatrudnieniowa"), ==, 40);
  g_clear_pointer (&stored, g_hash_table_unref);

  rei_project_set_threshold (reread, "efektywnosc_spoleczna", -1);
  g_assert_nonnull (reread->thresholds);
  g_assert_true (rei_store_save_project_with_tasks (store, reread, NULL, &error));
  stored = rei_store_get_project_thresholds (store, p->id, &error);
  g_assert_cmpuint (g_hash_table_size (stored), ==, 0);
  g_clear_pointer (&stored, g_hash_table_unref);

  /* An unknown indicator is refused and nothing of the save is kept. */
  reread->target_women = 99;
  rei_project_set_threshold (reread, "efektywnosc_spoleczna", 50);
  rei_project_set_threshold (reread, "nie_ma_takiego", 50);
  g_assert_false (rei_store_save_project_with_tasks (store, reread, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM project_threshold", NULL), ==, 0);
  g_assert_cmpuint (count_raw (store, "SELECT target_women FROM project WHERE code = ?", p->code), ==, 23);

  /* Deleting the project deletes its thresholds. */
  rei_project_set_threshold (p, "efektywnosc_spoleczna", 50);
  g_assert_true (rei_store_save_project_with_tasks (store, p, NULL, &error));
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM project_threshold", NULL), ==, 2);
  g_assert_true (rei_store_delete_project (store, p->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_raw (store, "SELECT count(*) FROM project_threshold", NULL), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reports/edit/project-with-tasks", test_project_with_tasks);
  g_test_add_func ("/reports/edit/delete-project", test_delete_project);
  g_test_add_func ("/reports/edit/project-rules", test_project_rules);
  g_test_add_func ("/reports/edit/enrolment-rules", test_enrolment_rules);
  g_test_add_func ("/reports/edit/import-uses-rules", test_import_uses_rules);
  g_test_add_func ("/reports/edit/enrolments", test_enrolments_list_and_delete);
  g_test_add_func ("/reports/edit/funding", test_funding_edit);
  g_test_add_func ("/reports/edit/definitions", test_definitions_edit);
  g_test_add_func ("/reports/edit/project-thresholds", test_project_thresholds);
  return g_test_run ();
}

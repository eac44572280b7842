/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rei-demo.h"
#include "rei-indicators.h"
#include "rei-money.h"
#include "rei-report-import.h"
#include "rei-report.h"
#include "rei-store-reports.h"
#include "rei-store-residents.h"
#include "report-fixture.h"
#include "rei-store-private.h"
#include "test-util.h"

/* Hand-built cases from seed 003 (CIS Krasnystaw): the foundation's 2019 indicators (13/26 and
 * 17/26), the 2017–2020 project "Nowa szansa, nowe życie" (47 completed the planned path, 14 of
 * them took a job), and the 2019 funding (52 % city, 48 % EFS). */

static void
assert_indicator (const ReiReport *report,
                  const char      *code,
                  guint            numerator,
                  guint            denominator)
{
  const ReiReportIndicator *ind = rei_report_lookup (report, code);

  if (ind == NULL)
    g_error ("indicator %s missing", code);
  if (ind->numerator != numerator || ind->denominator != denominator)
    g_error ("%s: %u/%u, expected %u/%u", code, ind->numerator, ind->denominator, numerator, denominator);
}

static void
test_year_2019 (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiReport) report = NULL;
  g_autoptr(ReiIndicatorReport) old = NULL;
  g_autoptr(GError) error = NULL;
  const ReiReportIndicator *ind;

  fill_graduates_2019 (store);
  report = rei_report_compute_year (store, 2019, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  assert_indicator (report, "usamodzielnienie", 13, 26);
  assert_indicator (report, "spoleczno_zatrudnieniowy", 17, 26);
  ind = rei_report_lookup (report, "usamodzielnienie");
  g_assert_cmpfloat_with_epsilon (rei_report_indicator_value (ind), 0.5, 1e-9);
  g_assert_cmpuint (ind->people->len, ==, 26);
  /* Project indicators against a target have no place in a year's report. */
  g_assert_null (rei_report_lookup (report, "uczestnicy_k"));

  /* The SQL agrees with the foundation's computation, which keeps only its two indicators. */
  old = rei_indicators_compute (store, 2019, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->indicators->len, ==, 2);
  g_assert_cmpuint (rei_indicator_report_lookup (old, "usamodzielnienie")->numerator, ==, 13);
  g_assert_cmpuint (rei_indicator_report_lookup (old, "spoleczno_zatrudnieniowy")->numerator, ==, 17);
}

static void
test_project (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = NULL;
  g_autoptr(ReiReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const ReiReportIndicator *ind;

  p = fill_nowa_szansa (store);
  report = rei_report_compute_project (store, p->code, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  assert_indicator (report, "ukonczona_sciezka", 47, 55);
  assert_indicator (report, "zatrudnienie_po", 14, 47);
  assert_indicator (report, "efektywnosc_spoleczna", 18, 55);
  assert_indicator (report, "efektywnosc_zatrudnieniowa", 17, 55);
  /* 24 + 2 women enrolled against a target of 23; 23 + 8 men against 22. */
  assert_indicator (report, "uczestnicy_k", 26, 23);
  assert_indicator (report, "uczestnicy_m", 31, 22);
  g_assert_null (rei_report_lookup (report, "usamodzielnienie"));

  ind = rei_report_lookup (report, "efektywnosc_spoleczna");
  g_assert_false (rei_report_indicator_met (ind));          /* 18/55 = 33 % < 34 % */
  ind = rei_report_lookup (report, "efektywnosc_zatrudnieniowa");
  g_assert_true (rei_report_indicator_met (ind));           /* 17/55 = 31 % ≥ 22 % */
  ind = rei_report_lookup (report, "zatrudnienie_po");
  g_assert_cmpuint (ind->people->len, ==, 47);
  {
    guint counted = 0;
    for (guint i = 0; i < ind->people->len; i++)
      {
        ReiIndicatorPerson *person = g_ptr_array_index (ind->people, i);
        counted += person->counted;
        g_assert_cmpstr (person->project, ==, p->code);
      }
    g_assert_cmpuint (counted, ==, 14);
  }
}

/* The year's enrolment indicators take every project; a period includes its first and last day. */
static void
test_year_enrolments (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = NULL;
  g_autoptr(ReiReport) report = NULL;
  g_autoptr(ReiReport) report2018 = NULL;
  g_autoptr(GError) error = NULL;

  p = fill_nowa_szansa (store);
  report = rei_report_compute_year (store, 2019, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* 46 of the project left on 30.06.2019 (one left on its last day, in 2020), 5 of the other
   * project on 31.12.2019. */
  assert_indicator (report, "ukonczona_sciezka", 51, 51);
  assert_indicator (report, "zatrudnienie_po", 18, 51);
  g_assert_null (rei_report_lookup (report, "uczestnicy_m"));
  g_assert_null (rei_report_lookup (report, "uczestnicy_m"));

  report2018 = rei_report_compute_year (store, 2018, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_indicator (report2018, "ukonczona_sciezka", 0, 8);
  assert_indicator (report2018, "efektywnosc_zatrudnieniowa", 3, 8);
}

static ReiIndicatorDef *
find_def (GPtrArray  *defs,
          const char *code)
{
  for (guint i = 0; i < defs->len; i++)
    if (g_strcmp0 (((ReiIndicatorDef *) g_ptr_array_index (defs, i))->code, code) == 0)
      return g_ptr_array_index (defs, i);
  g_error ("no definition %s", code);
  return NULL;
}

/* A funder's new or changed definition is data: no code changes, the numbers follow. */
static void
test_changed_definitions (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) p = NULL;
  g_autoptr(GPtrArray) defs = NULL;
  g_autoptr(ReiReport) report = NULL;
  g_autoptr(ReiReport) year = NULL;
  g_autoptr(ReiIndicatorDef) added = rei_indicator_def_new ();
  g_autoptr(GError) error = NULL;
  ReiIndicatorDef *def;
  static const char * const active[] = { "pracujacy", "poszukujacy_pracy", NULL };
  static const char * const self_reliant[] = { "dzialalnosc_gospodarcza", "zatrudnienie", NULL };
  static const char * const education[] = { "ksztalcenie", NULL };

  fill_graduates_2019 (store);
  p = fill_nowa_szansa (store);
  defs = rei_store_list_indicator_defs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (defs->len, ==, 8);

  def = find_def (defs, "efektywnosc_zatrudnieniowa");
  g_strfreev (def->statuses);
  def->statuses = g_strdupv ((char **) active);
  g_assert_true (rei_store_save_indicator_def (store, def, &error));
  def = find_def (defs, "efektywnosc_spoleczna");
  def->threshold = 32;
  g_assert_true (rei_store_save_indicator_def (store, def, &error));
  def = find_def (defs, "usamodzielnienie");
  g_strfreev (def->outcomes);
  def->outcomes = g_strdupv ((char **) self_reliant);
  g_assert_true (rei_store_save_indicator_def (store, def, &error));

  added->code = g_strdup ("ksztalcenie_po");
  added->label = g_strdup ("Kształcenie po zakończeniu udziału");
  added->position = 20;
  added->base = g_strdup ("zakonczone");
  added->denominator = g_strdup ("baza");
  added->statuses = g_strdupv ((char **) education);
  added->threshold = 5;
  g_assert_true (rei_store_save_indicator_def (store, added, &error));
  g_assert_no_error (error);

  report = rei_report_compute_project (store, p->code, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_indicator (report, "efektywnosc_zatrudnieniowa", 27, 55);
  assert_indicator (report, "ksztalcenie_po", 0, 55);
  g_assert_true (rei_report_indicator_met (rei_report_lookup (report, "efektywnosc_spoleczna")));
  g_assert_false (rei_report_indicator_met (rei_report_lookup (report, "ksztalcenie_po")));
  /* The new definition comes last, as its position says. */
  g_assert_cmpstr (((ReiReportIndicator *) g_ptr_array_index (report->indicators,
                     report->indicators->len - 1))->def->code, ==, "ksztalcenie_po");

  year = rei_report_compute_year (store, 2019, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_indicator (year, "usamodzielnienie", 10, 26);
  assert_indicator (year, "spoleczno_zatrudnieniowy", 17, 26);
}

/* The residents CSV's `projekt` column: a project named on a resident is an enrolment from the
 * admission date; a project imported later by code adopts the one made by title. */
static void
test_enrolment_from_resident (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autofree char *pesel = rei_test_pesel (1980, 5, 5, 7, 'K');
  g_autoptr(ReiResident) r = rei_test_resident_new ("Ewa", "Nowak", pesel);
  g_autoptr(ReiProject) p = rei_project_new ();
  g_autoptr(ReiProject) read = NULL;
  g_autoptr(ReiEnrolment) e = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  static const char * const projects[] = { "Akcja - Reintegracja!", NULL };
  static const char * const partners[] = { "Miejski Ośrodek Pomocy Społecznej", "Stowarzyszenie „Stella”", NULL };

  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2019-03-04");
  rei_resident_set_projects (r, projects);
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);

  p->code = g_strdup ("RPLU.11.01.00-06-0123/19");
  p->title = g_strdup ("Akcja - Reintegracja!");
  p->start_date = g_strdup ("2019-01-01");
  p->end_date = g_strdup ("2021-12-31");
  g_assert_true (rei_money_parse ("1.025.436,17", &p->total_value, NULL));
  g_assert_true (rei_money_parse ("973 852,17", &p->grant_value, NULL));
  p->target_women = 23;
  p->target_men = 22;
  p->partners = g_strdupv ((char **) partners);
  g_assert_true (rei_store_save_project (store, p, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 2);
  /* Saved again: the partners are in the network now, nothing is added twice. */
  g_ptr_array_set_size (added, 0);
  g_assert_true (rei_store_save_project (store, p, added, &error));
  g_assert_cmpuint (added->len, ==, 0);

  read = rei_store_get_project (store, p->code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpint (read->id, ==, p->id);
  g_assert_cmpint (read->total_value, ==, G_GINT64_CONSTANT (102543617));
  g_assert_cmpint (read->grant_value, ==, G_GINT64_CONSTANT (97385217));
  g_assert_cmpstrv (read->partners, partners);

  e = rei_store_get_enrolment (store, rei_resident_get_id (r), p->id, &error);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->joined_on, ==, "2019-03-04");
  g_assert_null (e->left_on);
  g_assert_cmpint (e->path_completed, ==, -1);

  /* A resident saved again (the form, a re-import) keeps the enrolment's own data. */
  e->left_on = g_strdup ("2019-12-31");
  e->path_completed = 1;
  g_assert_true (rei_store_save_enrolment (store, e, &error));
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_clear_pointer (&e, rei_enrolment_free);
  e = rei_store_get_enrolment (store, rei_resident_get_id (r), p->id, &error);
  g_assert_cmpstr (e->left_on, ==, "2019-12-31");
  g_assert_cmpint (e->path_completed, ==, 1);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* The coordinator's sheets on the importer frame: every problem with its line and nothing
 * written, a cancel that writes nothing, partners said only when they were really added,
 * re-imports counted as updates. */
static void
test_import (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiReportImporter) importer = rei_report_importer_new (store, REI_REPORT_IMPORT_PROJECTS);
  g_autoptr(ReiReportImporter) enrolments = rei_report_importer_new (store, REI_REPORT_IMPORT_ENROLMENTS);
  g_autoptr(GBytes) bad = text_bytes ("kod;tytul;partnerzy;wartosc\n"
                                      "P1;Pierwszy;Nowy Partner;100,00\n"
                                      "P2;;;12.345\n");
  g_autoptr(GBytes) good = text_bytes ("Kod;Tytuł;Partnerzy\r\nP1;Pierwszy;Nowy Partner\r\n");
  g_autoptr(GBytes) people = text_bytes ("pesel;projekt;data_przystapienia;sciezka_ukonczona\n"
                                         "00000000000;P1;01.01.2020;\n"
                                         "00000000000;P9;01.01.2020;może\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ReiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  g_assert_false (rei_report_importer_run (importer, bad, NULL, NULL, NULL, &error));
  g_assert_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID);
  g_clear_error (&error);
  problems = rei_report_importer_get_problems (importer);
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpuint (((ReiImportProblem *) problems->pdata[i])->line, ==, 3);
  g_assert_true (g_str_has_prefix (((ReiImportProblem *) problems->pdata[0])->message, "tytul: "));
  g_assert_true (g_str_has_prefix (((ReiImportProblem *) problems->pdata[1])->message, "wartosc: "));
  g_assert_cmpuint (rei_report_importer_get_notices (importer)->len, ==, 0);
  g_assert_null (rei_store_get_project (store, "P1", NULL));

  g_cancellable_cancel (cancellable);
  g_assert_false (rei_report_importer_run (importer, good, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (rei_store_get_project (store, "P1", NULL));
  g_assert_cmpuint (rei_report_importer_get_notices (importer)->len, ==, 0);

  /* Written: the partner is new only now. */
  g_assert_true (rei_report_importer_run (importer, good, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_report_importer_get_n_inserted (importer), ==, 1);
  g_assert_cmpuint (rei_report_importer_get_n_updated (importer), ==, 0);
  g_assert_cmpuint (rei_report_importer_get_notices (importer)->len, ==, 1);
  g_assert_nonnull (strstr (rei_report_importer_get_notices (importer)->pdata[0], "Nowy Partner"));
  project = rei_store_get_project (store, "P1", &error);
  g_assert_nonnull (project);
  g_assert_cmpstr (project->partners[0], ==, "Nowy Partner");
  g_assert_true (rei_report_importer_run (importer, good, NULL, NULL, NULL, &error));
  g_assert_cmpuint (rei_report_importer_get_n_inserted (importer), ==, 0);
  g_assert_cmpuint (rei_report_importer_get_n_updated (importer), ==, 1);
  g_assert_cmpuint (rei_report_importer_get_notices (importer)->len, ==, 0);

  /* Enrolments, only checked: each row's problems on its line. */
  g_assert_false (rei_report_importer_validate (enrolments, people, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  problems = rei_report_importer_get_problems (enrolments);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpuint (((ReiImportProblem *) problems->pdata[0])->line, ==, 2);
  g_assert_cmpuint (((ReiImportProblem *) problems->pdata[1])->line, ==, 3);
  g_assert_true (g_str_has_prefix (((ReiImportProblem *) problems->pdata[2])->message, "projekt: "));
  g_assert_true (g_str_has_prefix (((ReiImportProblem *) problems->pdata[3])->message,
                                   "sciezka_ukonczona: "));
}

static void
test_funding (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rei_store_save_funding (store, 2019, "budzet_miasta", "wykonanie", 52000000, &error));
  g_assert_true (rei_store_save_funding (store, 2019, "efs", "wykonanie", 1, &error));
  /* A second value for the same year, source and kind replaces the first (re-import). */
  g_assert_true (rei_store_save_funding (store, 2019, "efs", "wykonanie", 48000000, &error));
  g_assert_true (rei_store_save_funding (store, 2019, "pfron", "plan", 100, &error));
  g_assert_true (rei_store_save_funding (store, 2018, "efs", "wykonanie", 100, &error));
  g_assert_false (rei_store_save_funding (store, 2019, "nieznane", "wykonanie", 100, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  list = rei_store_list_funding (store, 2019, "wykonanie", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((ReiFunding *) list->pdata[0])->source, ==, "budzet_miasta");
  g_assert_cmpint (((ReiFunding *) list->pdata[0])->amount, ==, 52000000);
  g_assert_cmpint (((ReiFunding *) list->pdata[1])->amount, ==, 48000000);
}

static GArray *
demo_figures (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(ReiStore) store = rei_store_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  GArray *figures = g_array_new (FALSE, FALSE, sizeof (guint));

  rei_store_set_today (store, "2024-06-30");
  g_assert_true (rei_demo_fill (store, 600, 3, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  projects = rei_store_list_projects (store, &error);
  g_assert_cmpuint (projects->len, ==, 6);
  for (guint i = 0; i < projects->len; i++)
    {
      ReiProject *p = g_ptr_array_index (projects, i);
      g_autoptr(ReiReport) report = NULL;
      g_autoptr(GPtrArray) tasks = NULL;

      g_assert_nonnull (p->code);
      g_assert_nonnull (p->start_date);
      g_assert_cmpint (p->grant_value, >, 0);
      g_assert_cmpint (p->grant_value, <=, p->total_value);
      g_assert_cmpuint (g_strv_length (p->partners), >=, 1);
      tasks = rei_store_list_project_tasks (store, p->id, &error);
      g_assert_cmpuint (tasks->len, >=, 2);

      report = rei_report_compute_project (store, p->code, FALSE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < report->indicators->len; j++)
        {
          ReiReportIndicator *ind = g_ptr_array_index (report->indicators, j);
          g_array_append_val (figures, ind->numerator);
          g_array_append_val (figures, ind->denominator);
        }
      /* Seed 003's project with its own money. */
      if (g_str_equal (p->code, "RPLU.11.01.00-06-0001/17"))
        {
          g_assert_cmpint (p->total_value, ==, G_GINT64_CONSTANT (102543617));
          g_assert_cmpuint (rei_report_lookup (report, "ukonczona_sciezka")->denominator, >, 0);
        }
    }

  funding = rei_store_list_funding (store, 2019, "wykonanie", &error);
  g_assert_cmpuint (funding->len, ==, 2);
  g_assert_cmpint (((ReiFunding *) funding->pdata[0])->amount * 48, ==, ((ReiFunding *) funding->pdata[1])->amount * 52);
  g_clear_pointer (&funding, g_ptr_array_unref);
  funding = rei_store_list_funding (store, 2025, "plan", &error);
  g_assert_cmpuint (funding->len, >=, 2);
  return figures;
}

/* The demo's projects are complete and their indicators computable; the same seed gives the
 * same figures. */
static void
test_demo (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(GArray) a = demo_figures (dir, "a.db");
  g_autoptr(GArray) b = demo_figures (dir, "b.db");
  guint sum = 0;

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpuint (g_array_index (a, guint, i), ==, g_array_index (b, guint, i));
      sum += g_array_index (a, guint, i);
    }
  g_assert_cmpuint (sum, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/year-2019", test_year_2019);
  g_test_add_func ("/report/project", test_project);
  g_test_add_func ("/report/year-enrolments", test_year_enrolments);
  g_test_add_func ("/report/changed-definitions", test_changed_definitions);
  g_test_add_func ("/report/enrolment-from-resident", test_enrolment_from_resident);
  g_test_add_func ("/report/funding", test_funding);
  g_test_add_func ("/report/import", test_import);
  g_test_add_func ("/report/demo", test_demo);
  return g_test_run ();
}

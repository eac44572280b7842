/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "rei-export-cst.h"
#include "rei-export-report.h"
#include "rei-store-residents.h"
#include "report-fixture.h"

/* The report workbooks and the CST2021 file from seed 003's cases.  The CSV is parsed back here;
 * the workbooks are written by `--write-to DIR` for check-report.py (openpyxl, LibreOffice). */

#define NOWA_SZANSA "RPLU.11.01.00-06-0001/17"

static void
fill (ReiStore *store,
      const char *path)
{
  g_autoptr(ReiProject) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pesel = rei_test_pesel (1985, 7, 15, 901, 'K');
  g_autoptr(ReiResident) z = rei_test_resident_new ("Żaneta", "Źdźbło", pesel);
  static const char * const both[] = { "bezdomnosc", "uzaleznienie_alkohol", NULL };
  static const char * const alcohol[] = { "uzaleznienie_alkohol", NULL };
  static const char * const homeless[] = { "bezdomnosc", NULL };
  static const char * const long_term[] = { "bezrobocie_dlugotrwale", "bezdomnosc", NULL };
  g_autofree char *sql = NULL;

  fill_graduates_2019 (store);
  p = fill_nowa_szansa (store);
  p->total_value = G_GINT64_CONSTANT (102543617);
  p->grant_value = G_GINT64_CONSTANT (97385217);
  g_assert_true (rei_store_save_project (store, p, NULL, &error));
  g_assert_no_error (error);

  /* Everything CST2021 asks, on one person; the age is 32 on the day before her birthday. */
  rei_resident_set (z, REI_RESIDENT_SEX, "K");
  rei_resident_set (z, REI_RESIDENT_ADMISSION_DATE, "2018-07-14");
  rei_resident_set (z, REI_RESIDENT_EDUCATION, "isced2");
  rei_resident_set (z, REI_RESIDENT_CITIZENSHIP, "pl");
  rei_resident_set (z, REI_RESIDENT_LABOUR_STATUS, "bezrobotny_zarejestrowany");
  rei_resident_set (z, REI_RESIDENT_COMMUNE, "Krasnystaw");
  rei_resident_set (z, REI_RESIDENT_TOWN, "Krasnystaw");
  rei_resident_set (z, REI_RESIDENT_POSTCODE, "22-300");
  rei_resident_set (z, REI_RESIDENT_PHONE, "600100200");
  rei_resident_set (z, REI_RESIDENT_EMAIL, "zaneta@example.org");
  rei_resident_set_categories (z, long_term);
  g_assert_true (rei_store_save_resident (store, z, &error));
  g_assert_no_error (error);
  enrol (store, rei_resident_get_id (z), p, "2018-07-14", "2020-08-31", 1, "pracujacy", 1);
  g_clear_object (&z);

  /* Two people of 2019 with categories (one in two), one of 2020 who must not count. */
  {
    const char * const *cats[] = { both, alcohol, homeless };
    const char *admitted[] = { "2019-05-01", "2019-05-01", "2020-02-01" };

    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *pp = rei_test_pesel (1970, 1, 1 + i, 950 + i, 'M');
        g_autoptr(ReiResident) r = rei_test_resident_new ("Adam", "Kategoria", pp);

        rei_resident_set (r, REI_RESIDENT_SEX, "M");
        rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, admitted[i]);
        rei_resident_set_categories (r, cats[i]);
        g_assert_true (rei_store_save_resident (store, r, &error));
        g_assert_no_error (error);
      }
  }

  g_assert_true (rei_store_save_funding (store, 2019, "budzet_miasta", "wykonanie", G_GINT64_CONSTANT (52000000), &error));
  g_assert_true (rei_store_save_funding (store, 2019, "efs", "wykonanie", G_GINT64_CONSTANT (48000000), &error));
  g_assert_true (rei_store_save_funding (store, 2020, "budzet_miasta", "plan", G_GINT64_CONSTANT (55000012), &error));
  g_assert_true (rei_store_save_funding (store, 2018, "efs", "wykonanie", 99, &error));
  g_assert_true (rei_store_set_setting (store, "centre_name", NULL, "Centrum Integracji Społecznej w Krasnymstawie", NULL, &error));
  g_assert_true (rei_store_set_setting (store, "centre_regon", NULL, "060000000", NULL, &error));
  g_assert_true (rei_store_set_setting (store, "centre_staff", NULL, "Kierownik|Pracownik socjalny|Psycholog|Instruktor", NULL, &error));
  g_assert_true (rei_store_set_setting (store, "swiadczenia_integracyjne_2019", NULL, "310 000,50", NULL, &error));
  g_assert_no_error (error);

  /* The fields the detail pane does not edit yet, as another program would write them. */
  sql = g_strdup_printf ("UPDATE resident SET voivodeship = 'lubelskie', county = 'krasnostawski', "
                         "degurba = '2', minority = 'odmowa' WHERE pesel = '%s'", pesel);
  rei_test_exec_raw (path, sql);

  /* Services: two referrals that ran in 2019 for one person, one only planned, one of 2018. */
  rei_test_exec_raw (path,
    "INSERT INTO partner (name, type) VALUES ('Poradnia Leczenia Uzależnień', 'B');"
    "INSERT INTO referral (resident_id, partner_id, referred_on, started_on, ended_on, status) "
    "SELECT r.id, p.id, '2019-02-01', '2019-02-10', '2019-05-31', 'zakonczone' FROM resident r, partner p "
    "WHERE r.surname = 'Kategoria' AND r.admission_date = '2019-05-01' AND r.first_name = 'Adam' "
    "AND p.name = 'Poradnia Leczenia Uzależnień' LIMIT 1;"
    "INSERT INTO referral (resident_id, partner_id, referred_on, status) "
    "SELECT resident_id, partner_id, '2019-11-02', 'w_trakcie' FROM referral LIMIT 1;"
    "INSERT INTO referral (resident_id, partner_id, referred_on, status) "
    "SELECT resident_id, partner_id, '2019-12-02', 'planowane' FROM referral LIMIT 1;"
    "INSERT INTO referral (resident_id, partner_id, referred_on, ended_on, status) "
    "SELECT resident_id, partner_id, '2018-01-02', '2018-03-01', 'zakonczone' FROM referral LIMIT 1;");
}

static void
write_all (ReiStore   *store,
           const char *dir)
{
  g_autoptr(ReiReport) year = NULL;
  g_autoptr(ReiReport) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_path = g_build_filename (dir, "report-2019.xlsx", NULL);
  g_autofree char *project_path = g_build_filename (dir, "report-project.xlsx", NULL);
  g_autofree char *annual_path = g_build_filename (dir, "annual-2019.xlsx", NULL);
  g_autofree char *cst_path = g_build_filename (dir, "cst.csv", NULL);
  g_autofree char *cst1250_path = g_build_filename (dir, "cst-cp1250.csv", NULL);

  year = rei_report_compute_year (store, 2019, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rei_export_report (store, year, year_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  project = rei_report_compute_project (store, NOWA_SZANSA, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rei_export_report (store, project, project_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rei_export_annual (store, 2019, annual_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rei_export_cst (store, NOWA_SZANSA, REI_CSV_ENCODING_UTF8, cst_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rei_export_cst (store, NOWA_SZANSA, REI_CSV_ENCODING_CP1250, cst1250_path, NULL, &error));
  g_assert_no_error (error);
}

static GPtrArray *
read_csv (const char     *path,
          ReiCsvEncoding  encoding)
{
  g_autoptr(GBytes) bytes = rei_test_read_bytes (path);
  g_autoptr(ReiCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *fields;

  reader = rei_csv_reader_new (bytes, encoding, &error);
  g_assert_no_error (error);
  while (rei_csv_reader_next (reader, &fields, NULL, &error))
    g_ptr_array_add (rows, fields);
  g_assert_no_error (error);
  g_assert_cmpint (rei_csv_reader_get_separator (reader), ==, ';');
  return rows;
}

static void
test_cst (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autofree char *db = g_build_filename (dir, "test.db", NULL);
  g_autofree char *cst_path = g_build_filename (dir, "cst.csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rows1250 = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GError) error = NULL;
  static const char *header =
    "Imię;Nazwisko;PESEL;Brak PESEL;Płeć;Wiek w chwili przystąpienia do projektu;Wykształcenie;"
    "Obywatelstwo;Kraj;Województwo;Powiat;Gmina;Miejscowość;Kod pocztowy;Obszar wg stopnia "
    "urbanizacji (DEGURBA);Telefon kontaktowy;Adres e-mail;Status osoby na rynku pracy w chwili "
    "przystąpienia do projektu;Data rozpoczęcia udziału w projekcie;Data zakończenia udziału w "
    "projekcie;Sytuacja osoby w momencie zakończenia udziału w projekcie;Zakończenie udziału "
    "zgodnie z zaplanowaną ścieżką;Osoba z niepełnosprawnościami;Osoba obcego pochodzenia;Osoba "
    "z państwa trzeciego;Osoba należąca do mniejszości narodowej lub etnicznej;Osoba bezdomna "
    "lub dotknięta wykluczeniem z dostępu do mieszkań";
  GPtrArray *last;
  GStatBuf st;

  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  fill (store, db);
  write_all (store, dir);

  /* The header exactly as the issue spells it, byte for byte. */
  raw = rei_test_read_bytes (cst_path);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (raw, NULL), header));
  g_assert_cmpint (g_stat (cst_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  rows = read_csv (cst_path, REI_CSV_ENCODING_UTF8);
  g_assert_cmpuint (rows->len, ==, 1 + 58);   /* 47 + 8 + 2 of the fixture, and Żaneta */
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) rows->pdata[i])->len, ==, 27);

  /* Polish order puts Źdźbło after every Osoba. */
  last = rows->pdata[rows->len - 1];
#define F(i) ((const char *) last->pdata[i])
  g_assert_cmpstr (F (0), ==, "Żaneta");
  g_assert_cmpstr (F (1), ==, "Źdźbło");
  g_assert_cmpstr (F (3), ==, "Nie");
  g_assert_cmpstr (F (4), ==, "Kobieta");
  g_assert_cmpstr (F (5), ==, "32");
  g_assert_cmpstr (F (6), ==, "Gimnazjalne (ISCED 2)");
  g_assert_cmpstr (F (7), ==, "Obywatelstwo polskie");
  g_assert_cmpstr (F (8), ==, "Polska");
  g_assert_cmpstr (F (9), ==, "lubelskie");
  g_assert_cmpstr (F (10), ==, "krasnostawski");
  g_assert_cmpstr (F (13), ==, "22-300");
  g_assert_cmpstr (F (14), ==, "2 – Małe miasta i przedmieścia (obszary o pośredniej gęstości zaludnienia)");
  g_assert_cmpstr (F (17), ==, "Osoba bezrobotna zarejestrowana w ewidencji urzędów pracy|Osoba długotrwale bezrobotna");
  g_assert_cmpstr (F (18), ==, "14.07.2018");
  g_assert_cmpstr (F (19), ==, "31.08.2020");
  g_assert_cmpstr (F (20), ==, "Osoba pracująca (w tym prowadząca działalność na własny rachunek)");
  g_assert_cmpstr (F (21), ==, "Tak");
  g_assert_cmpstr (F (22), ==, "Nie");
  g_assert_cmpstr (F (23), ==, "Nie");
  g_assert_cmpstr (F (24), ==, "Nie");
  g_assert_cmpstr (F (25), ==, "Odmowa podania informacji");
  g_assert_cmpstr (F (26), ==, "Tak");
#undef F
  /* One who is still in the project: no leaving date, no situation, path not known. */
  {
    guint still = 0;
    for (guint i = 1; i < rows->len; i++)
      {
        GPtrArray *r = rows->pdata[i];
        if (*(const char *) r->pdata[19] == '\0')
          {
            still++;
            g_assert_cmpstr (r->pdata[20], ==, "");
            g_assert_cmpstr (r->pdata[21], ==, "");
            g_assert_cmpstr (r->pdata[18], ==, "15.01.2020");
          }
      }
    g_assert_cmpuint (still, ==, 2);
  }

  /* The CP1250 file says the same. */
  {
    g_autofree char *p1250 = g_build_filename (dir, "cst-cp1250.csv", NULL);
    rows1250 = read_csv (p1250, REI_CSV_ENCODING_CP1250);
    g_assert_cmpuint (rows1250->len, ==, rows->len);
    for (guint i = 0; i < rows->len; i++)
      for (guint j = 0; j < 27; j++)
        g_assert_cmpstr (((GPtrArray *) rows1250->pdata[i])->pdata[j], ==, ((GPtrArray *) rows->pdata[i])->pdata[j]);
  }

  /* An unknown project is an error, and writes nothing. */
  {
    g_autofree char *none = g_build_filename (dir, "none.csv", NULL);
    g_assert_false (rei_export_cst (store, "XYZ", REI_CSV_ENCODING_UTF8, none, NULL, &error));
    g_assert_error (error, REI_REPORT_ERROR, REI_REPORT_ERROR_NO_PROJECT);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }
}

/* A cancelled export writes nothing, not even its temporary file. */
static void
test_cancel (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autofree char *db = g_build_filename (dir, "test.db", NULL);
  g_autofree char *path = g_build_filename (dir, "report.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ReiReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  fill (store, db);
  report = rei_report_compute_project (store, NOWA_SZANSA, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (rei_export_report (store, report, path, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (rei_report_compute_year (store, 2019, TRUE, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".xlsx"));
}

static int
write_to (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "reintegra.db", NULL);
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  store = rei_store_open (db, &error);
  g_assert_no_error (error);
  fill (store, db);
  write_all (store, dir);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--write-to"))
    return write_to (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-export/cst", test_cst);
  g_test_add_func ("/report-export/cancel", test_cancel);
  return g_test_run ();
}

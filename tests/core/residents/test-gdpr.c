/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "rei-collation.h"
#include "rei-export.h"
#include "rei-indicators.h"
#include "rei-store-private.h"
#include "rei-store-residents.h"
#include "test-util.h"

/* Restoring a deleted resident, anonymisation and retention, the legal bases, the audit trail's
 * transactions and the export for the right of access.  With --write-person DIR it only writes
 * a person's workbook for check-person-export.py. */

#define PESEL_ANNA "85071512348"   /* 15.07.1985, K: checked below, not trusted */

static guint
count_audit_raw (const char *path,
                 const char *action)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  /* A connection of its own: it sees only what was committed, as another program would. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit WHERE ?1 IS NULL OR action = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (action != NULL)
    sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A resident with every field filled in. */
static ReiResident *
full_resident (const char *first_name,
               const char *surname,
               const char *pesel)
{
  ReiResident *r = rei_test_resident_new (first_name, surname, pesel);
  const char *cats[] = { "bezdomnosc", "uzaleznienie_alkohol", NULL };
  const char *projects[] = { "Aktywni na rynku pracy", "Nowy start", NULL };

  rei_resident_set (r, REI_RESIDENT_SEX, "K");
  rei_resident_set (r, REI_RESIDENT_BIRTH_DATE, "1985-07-15");
  rei_resident_set (r, REI_RESIDENT_PHONE, "600700800");
  rei_resident_set (r, REI_RESIDENT_EMAIL, "anna.wroblewska@example.org");
  rei_resident_set (r, REI_RESIDENT_ADDRESS, "ul. Zamojska 12/4");
  rei_resident_set (r, REI_RESIDENT_POSTCODE, "22-300");
  rei_resident_set (r, REI_RESIDENT_TOWN, "Krasnystaw");
  rei_resident_set (r, REI_RESIDENT_COMMUNE, "Łopiennik Górny");
  rei_resident_set (r, REI_RESIDENT_CITIZENSHIP, "polskie");
  rei_resident_set (r, REI_RESIDENT_REFERRAL, "ops");
  rei_resident_set (r, REI_RESIDENT_REFERRAL_DATE, "2018-02-20");
  rei_resident_set (r, REI_RESIDENT_CONTRACT_NUMBER, "MOPS.KS.117.2018");
  rei_resident_set (r, REI_RESIDENT_EDUCATION, "zasadnicze zawodowe");
  rei_resident_set (r, REI_RESIDENT_LABOUR_STATUS, "bezrobotny");
  rei_resident_set (r, REI_RESIDENT_DISABILITY, "lekki");
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2018-03-01");
  rei_resident_set (r, REI_RESIDENT_END_DATE, "2019-06-28");
  rei_resident_set (r, REI_RESIDENT_END_REASON, "ukonczenie");
  rei_resident_set (r, REI_RESIDENT_OUTCOME, "zatrudnienie");
  rei_resident_set (r, REI_RESIDENT_OUTCOME_DATE, "2019-07-15");
  rei_resident_set (r, REI_RESIDENT_WORKSHOP, "Gastronomiczny");
  rei_resident_set (r, REI_RESIDENT_CONSENT_BASIS, "obowiazek_prawny");
  rei_resident_set (r, REI_RESIDENT_CONSENT_DATE, "2018-03-01");
  rei_resident_set (r, REI_RESIDENT_NOTES, "terapia uzależnień, kurator");
  rei_resident_set_categories (r, cats);
  rei_resident_set_projects (r, projects);
  rei_resident_set_extension_months (r, 3);
  return r;
}

static void
assert_same_resident (ReiResident *a,
                      ReiResident *b)
{
  g_assert_cmpint (rei_resident_get_id (a), ==, rei_resident_get_id (b));
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    g_assert_cmpstr (rei_resident_get (a, i), ==, rei_resident_get (b, i));
  g_assert_cmpstrv (rei_resident_get_categories (a), rei_resident_get_categories (b));
  g_assert_cmpstrv (rei_resident_get_projects (a), rei_resident_get_projects (b));
  g_assert_cmpint (rei_resident_get_extension_months (a), ==, rei_resident_get_extension_months (b));
  g_assert_cmpint (rei_resident_get_anonymised (a), ==, rei_resident_get_anonymised (b));
}

static void
test_restore (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) r = full_resident ("Anna", "Wróblewska", PESEL_ANNA);
  g_autoptr(ReiResident) other = rei_test_resident_new ("Jan", "Nowak", NULL);
  g_autoptr(ReiResident) kept = NULL;
  g_autoptr(ReiResident) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (rei_store_save_resident (store, other, &error));
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  id = rei_resident_get_id (r);

  /* What the window keeps for the Undo button. */
  kept = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (rei_store_delete_resident (store, id, &error));
  g_assert_null (rei_store_get_resident (store, id, NULL));

  g_assert_true (rei_store_restore_resident (store, kept, &error));
  g_assert_no_error (error);
  back = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  assert_same_resident (back, r);
  g_assert_cmpint (rei_store_find_resident_by_pesel (store, PESEL_ANNA, NULL), ==, id);
  g_assert_cmpuint (count_audit_raw (path, "restore"), ==, 1);

  /* A second undo of the same delete finds the id taken and changes nothing. */
  g_assert_false (rei_store_restore_resident (store, kept, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (count_audit_raw (path, "restore"), ==, 1);

  /* Deleted again, and meanwhile somebody else was registered with the PESEL. */
  g_assert_true (rei_store_delete_resident (store, id, &error));
  rei_resident_set (other, REI_RESIDENT_PESEL, PESEL_ANNA);
  g_assert_true (rei_store_save_resident (store, other, &error));
  g_assert_no_error (error);
  g_assert_false (rei_store_restore_resident (store, kept, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT);
  g_assert_null (rei_store_get_resident (store, id, NULL));
  g_assert_cmpuint (count_audit_raw (path, "restore"), ==, 1);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 1);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size = 0, len = strlen (needle);
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  for (gsize i = 0; data != NULL && i + len <= size; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, len) == 0)
      return TRUE;
  return FALSE;
}

/* Whether any of the database's files holds the text, byte for byte. */
static gboolean
files_contain (const char *path,
               const char *needle)
{
  const char *suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GBytes) bytes = rei_test_read_bytes (file);

      if (bytes_contain (bytes, needle))
        return TRUE;
    }
  return FALSE;
}

static void
add_graduate (ReiStore   *store,
              const char *surname,
              const char *sex,
              const char *outcome)
{
  g_autoptr(ReiResident) r = rei_test_resident_new ("Piotr", surname, NULL);

  rei_resident_set (r, REI_RESIDENT_SEX, sex);
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2018-01-02");
  rei_resident_set (r, REI_RESIDENT_END_DATE, "2019-01-31");
  rei_resident_set (r, REI_RESIDENT_END_REASON, "ukonczenie");
  rei_resident_set (r, REI_RESIDENT_OUTCOME, outcome);
  g_assert_true (rei_store_save_resident (store, r, NULL));
}

static char *
describe_indicators (ReiStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiIndicatorReport) report = rei_indicators_compute (store, 2019, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < report->indicators->len; i++)
    {
      const ReiIndicator *ind = g_ptr_array_index (report->indicators, i);
      g_string_append_printf (s, "%s=%u/%u;", ind->code, ind->numerator, ind->denominator);
    }
  g_string_append_printf (s, "graduates=%u", report->graduates->len);
  return g_string_free (s, FALSE);
}

static void
test_anonymise (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) r = full_resident ("Bożydara", "Wróblewska-Zgrzebna", PESEL_ANNA);
  g_autoptr(ReiResident) after = NULL;
  g_autoptr(ReiResidentQuery) q = rei_resident_query_new ();
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_indicators = NULL;
  g_autofree char *after_indicators = NULL;
  g_autofree char *placeholder = NULL;
  const char *wiped[] = { "Bożydara", "Wróblewska-Zgrzebna", PESEL_ANNA, "600700800",
                          "anna.wroblewska@example.org", "ul. Zamojska 12/4", "MOPS.KS.117.2018",
                          "terapia uzależnień" };
  gint64 id;

  add_graduate (store, "Adamczyk", "M", "zatrudnienie");
  add_graduate (store, "Bąk", "M", "prace_spolecznie_uzyteczne");
  add_graduate (store, "Cebula", "K", "brak");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  id = rei_resident_get_id (r);
  /* Several versions of the row, as a record edited over the months has. */
  rei_resident_set (r, REI_RESIDENT_PHONE, "600700801");
  g_assert_true (rei_store_save_resident (store, r, &error));
  rei_resident_set (r, REI_RESIDENT_PHONE, "600700800");
  g_assert_true (rei_store_save_resident (store, r, &error));

  before_indicators = describe_indicators (store);
  g_assert_cmpstr (before_indicators, ==,
                   "usamodzielnienie=2/4;spoleczno_zatrudnieniowy=3/4;graduates=4");
  /* Otherwise the search of the files below could not fail. */
  for (guint i = 0; i < G_N_ELEMENTS (wiped); i++)
    g_assert_true (files_contain (path, wiped[i]));

  g_assert_true (rei_store_anonymise_resident (store, id, &error));
  g_assert_no_error (error);

  after = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  placeholder = g_strdup_printf ("Uczestnik #%" G_GINT64_FORMAT, id);
  g_assert_true (rei_resident_get_anonymised (after));
  g_assert_cmpstr (rei_resident_get_first_name (after), ==, "Anonimizowany");
  g_assert_cmpstr (rei_resident_get_surname (after), ==, placeholder);
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    switch (i)
      {
      case REI_RESIDENT_FIRST_NAME:
      case REI_RESIDENT_SURNAME:
        break;
      case REI_RESIDENT_PESEL:
      case REI_RESIDENT_BIRTH_DATE:
      case REI_RESIDENT_PHONE:
      case REI_RESIDENT_EMAIL:
      case REI_RESIDENT_ADDRESS:
      case REI_RESIDENT_POSTCODE:
      case REI_RESIDENT_TOWN:
      case REI_RESIDENT_CONTRACT_NUMBER:
      case REI_RESIDENT_NOTES:
      case REI_RESIDENT_CONSENT_BASIS:
      case REI_RESIDENT_CONSENT_DATE:
        g_assert_null (rei_resident_get (after, i));
        break;
      default:
        /* Sex, commune, dates, end reason, outcome, workshop...: what the reports count. */
        g_assert_cmpstr (rei_resident_get (after, i), ==, rei_resident_get (r, i));
        g_assert_nonnull (rei_resident_get (after, i));
      }
  g_assert_cmpstrv (rei_resident_get_categories (after), rei_resident_get_categories (r));
  g_assert_cmpstrv (rei_resident_get_projects (after), rei_resident_get_projects (r));
  g_assert_cmpint (rei_resident_get_extension_months (after), ==, 3);

  after_indicators = describe_indicators (store);
  g_assert_cmpstr (after_indicators, ==, before_indicators);

  /* The search key is rebuilt: the old name no longer finds the person, the new one does. */
  q->search = g_strdup ("zgrzebna");
  found = rei_store_query_resident_ids (store, q, NULL, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  g_free (q->search), q->search = g_strdup (PESEL_ANNA);
  found = rei_store_query_resident_ids (store, q, NULL, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  g_free (q->search), q->search = g_strdup ("uczestnik");
  found = rei_store_query_resident_ids (store, q, NULL, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, id);

  audit = rei_store_list_audit (store, "resident", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);
  {
    ReiAuditEntry *last = g_ptr_array_index (audit, 3);

    g_assert_cmpstr (last->action, ==, "anonymise");
    g_assert_nonnull (strstr (last->detail, "pesel"));
    g_assert_nonnull (strstr (last->detail, "surname"));
  }

  /* Not in the database file, nor in its write-ahead log, with the store still open... */
  for (guint i = 0; i < G_N_ELEMENTS (wiped); i++)
    if (files_contain (path, wiped[i]))
      g_error ("“%s” is still in the database files after the anonymisation", wiped[i]);
  /* ...nor after it is closed. */
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (wiped); i++)
    g_assert_false (files_contain (path, wiped[i]));
  /* The other residents are untouched. */
  g_assert_true (files_contain (path, "Adamczyk"));

  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
add_ended (ReiStore   *store,
           const char *surname,
           const char *end,
           gboolean    anonymised,
           gint64     *id)
{
  g_autoptr(ReiResident) r = rei_test_resident_new ("Ewa", surname, NULL);

  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2000-01-01");
  rei_resident_set (r, REI_RESIDENT_END_DATE, end);
  rei_resident_set_anonymised (r, anonymised);
  g_assert_true (rei_store_save_resident (store, r, NULL));
  *id = rei_resident_get_id (r);
}

static void
test_retention (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 old, boundary, last_day, recent, open, done;

  /* The seeded policy: 10 years after the end. */
  add_ended (store, "Stara", "2010-05-01", FALSE, &old);
  add_ended (store, "Graniczna", "2013-12-31", FALSE, &boundary);
  add_ended (store, "Ostatnia", "2014-01-01", FALSE, &last_day);
  add_ended (store, "Nowa", "2015-06-30", FALSE, &recent);
  add_ended (store, "Trwająca", NULL, FALSE, &open);
  add_ended (store, "Zrobiona", "2009-01-01", TRUE, &done);

  ids = rei_store_list_retention_expired (store, "2024-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, old);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, boundary);
  g_clear_pointer (&ids, g_array_unref);

  /* The centre shortens its policy to 5 years from 2024-01-02. */
  rei_test_exec_raw (path, "INSERT INTO setting (key, effective_from, value) VALUES "
                  "('retention_years', '2024-01-02', '5')");
  ids = rei_store_list_retention_expired (store, "2024-01-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, recent);
  g_clear_pointer (&ids, g_array_unref);

  /* Anonymising empties the list one by one. */
  g_assert_true (rei_store_anonymise_resident (store, old, &error));
  ids = rei_store_list_retention_expired (store, "2024-01-02", &error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, boundary);
  (void) last_day;
  (void) open;
  (void) done;

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_legal_basis (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  codes = rei_store_list_codes (store, "legal_basis", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (codes, 0), ==, "zgoda");
  g_assert_cmpstr (g_ptr_array_index (codes, 1), ==, "obowiazek_prawny");
  g_assert_cmpstr (g_ptr_array_index (codes, 2), ==, "zadanie_publiczne");
  label = rei_store_get_label (store, "legal_basis", "zgoda");
  g_assert_nonnull (strstr (label, "art. 6 ust. 1 lit. a"));

  {
    g_autoptr(ReiResident) r = rei_test_resident_new ("Jan", "Kowalski", NULL);

    rei_resident_set (r, REI_RESIDENT_CONSENT_BASIS, "widzimisie");
    g_assert_false (rei_store_save_resident (store, r, &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
    g_clear_error (&error);
    rei_resident_set (r, REI_RESIDENT_CONSENT_BASIS, "zadanie_publiczne");
    g_assert_true (rei_store_save_resident (store, r, &error));
    g_assert_no_error (error);
  }

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A basis typed in as free text before version 3 stays valid after the upgrade. */
static void
test_legal_basis_migration (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResident) r = NULL;
  g_autoptr(GError) error = NULL;

  store = rei_store_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  rei_test_exec_raw (path, "INSERT INTO resident (id, first_name, surname, consent_basis) "
                  "VALUES (5, 'Jan', 'Kowalski', 'art. 9 ust. 2 lit. b RODO')");

  store = rei_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rei_store_has_code (store, "legal_basis", "art. 9 ust. 2 lit. b RODO"));
  r = rei_store_get_resident (store, 5, &error);
  g_assert_no_error (error);
  rei_resident_set (r, REI_RESIDENT_PHONE, "600100200");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The audit row is written in the same transaction as the change it records: whatever undoes
 * the change undoes the row, and no row outlives a change that did not happen. */
static void
test_audit_same_transaction (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) kept = NULL;
  g_autoptr(GPtrArray) inside = NULL;
  gint64 id;

  /* A save inside a transaction writes its row there: visible inside, gone with a rollback. */
  g_assert_true (rei_store_begin (store, &error));
  {
    g_autoptr(ReiResident) r = rei_test_resident_new ("Ewa", "Sowa", NULL);

    g_assert_true (rei_store_save_resident (store, r, &error));
    inside = rei_store_list_audit (store, "resident", rei_resident_get_id (r), &error);
    g_assert_cmpuint (inside->len, ==, 1);
    g_assert_cmpuint (count_audit_raw (path, NULL), ==, 0);
  }
  rei_store_rollback (store);
  g_assert_cmpuint (count_audit_raw (path, NULL), ==, 0);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);

  /* A save whose audit row was already written, undone by a later failure in the same
   * transaction: neither the row nor the resident survives the failed commit. */
  g_assert_true (rei_store_begin (store, &error));
  {
    g_autoptr(ReiResident) good = rei_test_resident_new ("Ewa", "Sowa", PESEL_ANNA);
    g_autoptr(ReiResident) clash = rei_test_resident_new ("Anna", "Lis", PESEL_ANNA);
    g_autoptr(GError) local = NULL;

    g_assert_true (rei_store_save_resident (store, good, &error));
    g_assert_false (rei_store_save_resident (store, clash, &local));
    g_assert_error (local, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT);
  }
  g_assert_false (rei_store_commit (store, &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_audit_raw (path, NULL), ==, 0);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);

  /* A failing save on its own leaves no row; a good one leaves exactly one. */
  {
    g_autoptr(ReiResident) good = rei_test_resident_new ("Ewa", "Sowa", PESEL_ANNA);
    g_autoptr(ReiResident) clash = rei_test_resident_new ("Anna", "Lis", PESEL_ANNA);

    g_assert_true (rei_store_save_resident (store, good, &error));
    id = rei_resident_get_id (good);
    g_assert_false (rei_store_save_resident (store, clash, &error));
    g_clear_error (&error);
    g_assert_false (rei_store_delete_resident (store, id + 100, &error));
    g_clear_error (&error);
    g_assert_cmpuint (count_audit_raw (path, NULL), ==, 1);
  }

  /* Anonymisation, delete and restore rolled back with their transaction. */
  g_assert_true (rei_store_begin (store, &error));
  g_assert_true (rei_store_anonymise_resident (store, id, &error));
  rei_store_rollback (store);
  {
    g_autoptr(ReiResident) r = rei_store_get_resident (store, id, &error);

    g_assert_cmpstr (rei_resident_get_pesel (r), ==, PESEL_ANNA);
    g_assert_false (rei_resident_get_anonymised (r));
  }
  kept = rei_store_get_resident (store, id, &error);
  g_assert_true (rei_store_delete_resident (store, id, &error));
  g_assert_true (rei_store_begin (store, &error));
  g_assert_true (rei_store_restore_resident (store, kept, &error));
  rei_store_rollback (store);
  g_assert_cmpuint (count_audit_raw (path, "anonymise"), ==, 0);
  g_assert_cmpuint (count_audit_raw (path, "restore"), ==, 0);
  g_assert_cmpuint (count_audit_raw (path, NULL), ==, 2);   /* insert, delete */
  g_assert_null (rei_store_get_resident (store, id, NULL));

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static gint64
write_person (ReiStore   *store,
              const char *xlsx)
{
  g_autoptr(ReiResident) r = full_resident ("Anna", "Wróblewska", PESEL_ANNA);
  g_autoptr(GError) error = NULL;

  rei_store_set_actor (store, "pracownik_socjalny");
  g_assert_true (rei_store_save_resident (store, r, &error));
  rei_resident_set (r, REI_RESIDENT_PHONE, "600700801");
  rei_resident_set (r, REI_RESIDENT_NOTES, "bez uwag");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  rei_store_set_actor (store, "koordynator");
  g_assert_true (rei_export_person (store, rei_resident_get_id (r), xlsx, &error));
  g_assert_no_error (error);
  return rei_resident_get_id (r);
}

static void
test_export_person (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "osoba.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "osoba.xlsx", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GStatBuf st;
  gint64 id;

  id = write_person (store, xlsx);
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  audit = rei_store_list_audit (store, "resident", id, &error);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpstr (((ReiAuditEntry *) g_ptr_array_index (audit, 2))->action, ==, "export");
  g_assert_cmpstr (((ReiAuditEntry *) g_ptr_array_index (audit, 2))->actor, ==, "koordynator");

  /* A workbook that could not be written is not recorded as given out, and leaves nothing. */
  g_assert_false (rei_export_person (store, id, bad, &error));
  g_assert_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_cmpuint (count_audit_raw (path, "export"), ==, 1);
  g_assert_false (rei_export_person (store, id + 100, xlsx, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_audit_raw (path, "export"), ==, 1);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".reintegra-export-"));
  }

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  /* For check-person-export.py: test-gdpr --write-person DIR writes DIR/osoba.xlsx. */
  if (argc == 3 && g_str_equal (argv[1], "--write-person"))
    {
      g_autoptr(ReiStore) store = rei_test_store_new (argv[2]);
      g_autofree char *xlsx = g_build_filename (argv[2], "osoba.xlsx", NULL);

      write_person (store, xlsx);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gdpr/restore", test_restore);
  g_test_add_func ("/gdpr/anonymise", test_anonymise);
  g_test_add_func ("/gdpr/retention", test_retention);
  g_test_add_func ("/gdpr/legal-basis", test_legal_basis);
  g_test_add_func ("/gdpr/legal-basis-migration", test_legal_basis_migration);
  g_test_add_func ("/gdpr/audit-same-transaction", test_audit_same_transaction);
  g_test_add_func ("/gdpr/export-person", test_export_person);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The residents' store: rows with their lists, the rules a save enforces, the batch read and the
 * list query (rei-store-residents.c, rei-store-resident-query.c). */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "rei-resident-match.h"
#include "rei-store-residents.h"
#include "test-util.h"

static void
test_resident_roundtrip (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) r = rei_test_resident_new ("Żaneta", "Łuczak", "02270803624");
  g_autoptr(ReiResident) back = NULL;
  g_autoptr(GError) error = NULL;
  const char *cats[] = { "bezdomnosc", "uzaleznienie_alkohol", NULL };
  const char *projects[] = { "Aktywni na rynku pracy", NULL };

  rei_resident_set (r, REI_RESIDENT_SEX, "K");
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2021-04-01");
  rei_resident_set (r, REI_RESIDENT_WORKSHOP, "Gastronomiczny");
  rei_resident_set (r, REI_RESIDENT_COMMUNE, "Łopiennik Górny");
  rei_resident_set_categories (r, cats);
  rei_resident_set_projects (r, projects);
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_resident_get_id (r), >, 0);

  back = rei_store_get_resident (store, rei_resident_get_id (r), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    g_assert_cmpstr (rei_resident_get (back, i), ==, rei_resident_get (r, i));
  g_assert_cmpstrv (rei_resident_get_categories (back), cats);
  g_assert_cmpstrv (rei_resident_get_projects (back), projects);
  g_assert_cmpint (rei_store_find_resident_by_pesel (store, "02270803624", NULL), ==, rei_resident_get_id (r));

  /* The times an insert and its audit row bind are what the schema's defaults would write: UTC,
   * to the second. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (rei_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db,
      "SELECT created_at = updated_at AND abs(strftime('%s', created_at) - strftime('%s', 'now')) <= 5 "
      "AND created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]' "
      "AND (SELECT count(*) FROM audit WHERE at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*' "
      "AND abs(strftime('%s', at) - strftime('%s', 'now')) <= 5 AND length(at) = 19) = 1 "
      "FROM resident", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* An update replaces the lists rather than adding to them. */
  rei_resident_set_categories (r, (const char *[]) { "uchodzca", NULL });
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_clear_object (&back);
  back = rei_store_get_resident (store, rei_resident_get_id (r), &error);
  g_assert_cmpstrv (rei_resident_get_categories (back), ((const char *[]) { "uchodzca", NULL }));
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 1);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_resident_invalid (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  struct { const char *pesel; const char *sex; const char *category; const char *end_reason;
           int code; } cases[] = {
    { "44051401358", NULL, NULL, NULL, -1 },             /* checksum */
    { "44051401359", "K", NULL, NULL, REI_STORE_ERROR_INVALID },   /* sex disagrees */
    { NULL, "X", NULL, NULL, REI_STORE_ERROR_INVALID },
    { NULL, "M", "astronauta", NULL, REI_STORE_ERROR_INVALID },
    { NULL, "M", NULL, "ucieczka", REI_STORE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ReiResident) r = rei_test_resident_new ("Jan", "Kowalski", cases[i].pesel);
      g_autoptr(GError) error = NULL;

      rei_resident_set (r, REI_RESIDENT_SEX, cases[i].sex);
      if (cases[i].category)
        rei_resident_set_categories (r, (const char *[]) { cases[i].category, NULL });
      rei_resident_set (r, REI_RESIDENT_END_REASON, cases[i].end_reason);
      g_assert_false (rei_store_save_resident (store, r, &error));
      g_assert_nonnull (error);
      if (cases[i].code >= 0)
        g_assert_error (error, REI_STORE_ERROR, cases[i].code);
      g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);
    }

  {
    g_autoptr(ReiResident) a = rei_test_resident_new ("Jan", "Kowalski", "44051401359");
    g_autoptr(ReiResident) b = rei_test_resident_new ("Adam", "Nowak", "44051401359");
    g_autoptr(GError) error = NULL;

    g_assert_true (rei_store_save_resident (store, a, &error));
    g_assert_false (rei_store_save_resident (store, b, &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT);
    /* The clerk's message, not SQLite's. */
    g_assert_nonnull (strstr (error->message, "Another resident already has this PESEL"));
    g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 1);
  }

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* CST2021's coded fields take a code of their table; text typed before they were coded stays
 * through saves that do not touch it, and a restore puts it back as it was. */
static void
test_resident_cst_codes (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) r = rei_test_resident_new ("Jan", "Kowalski", NULL);
  g_autoptr(ReiResident) back = NULL;
  g_autoptr(GError) error = NULL;
  const ReiResidentField fields[] = {
    REI_RESIDENT_EDUCATION, REI_RESIDENT_LABOUR_STATUS, REI_RESIDENT_CITIZENSHIP,
    REI_RESIDENT_DEGURBA,
  };
  const char *codes[] = { "isced5_8", "bierny", "ue", "1" };
  const char *messages[] = { "education level", "labour market situation", "citizenship",
                             "degree of urbanisation (DEGURBA)" };
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      rei_resident_set (r, fields[i], "średnie");
      g_assert_false (rei_store_save_resident (store, r, &error));
      g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, messages[i]));
      g_assert_nonnull (strstr (error->message, "średnie"));
      g_clear_error (&error);
      rei_resident_set (r, fields[i], codes[i]);
    }
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  id = rei_resident_get_id (r);
  back = rei_store_get_resident (store, id, &error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (rei_resident_get (back, fields[i]), ==, codes[i]);
  g_clear_object (&back);

  /* Free text from before the codes, as the migration left it. */
  rei_test_exec_raw (path, "UPDATE resident SET education = 'zasadnicze zawodowe', "
                           "citizenship = 'polskie'");
  back = rei_store_get_resident (store, id, &error);
  g_assert_cmpstr (rei_resident_get (back, REI_RESIDENT_EDUCATION), ==, "zasadnicze zawodowe");
  rei_resident_set (back, REI_RESIDENT_PHONE, "600 700 800");
  g_assert_true (rei_store_save_resident (store, back, &error));
  g_assert_no_error (error);
  /* Edited into other text, it is refused; into a code, taken. */
  rei_resident_set (back, REI_RESIDENT_EDUCATION, "zawodowe");
  g_assert_false (rei_store_save_resident (store, back, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rei_resident_set (back, REI_RESIDENT_EDUCATION, "isced3");
  g_assert_true (rei_store_save_resident (store, back, &error));
  g_assert_no_error (error);

  /* Deleted and restored with its legacy citizenship. */
  g_assert_true (rei_store_delete_resident (store, id, &error));
  g_assert_true (rei_store_restore_resident (store, back, &error));
  g_assert_no_error (error);
  g_clear_object (&back);
  back = rei_store_get_resident (store, id, &error);
  g_assert_cmpstr (rei_resident_get (back, REI_RESIDENT_CITIZENSHIP), ==, "polskie");

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
add_person (ReiStore   *store,
            const char *first,
            const char *surname,
            const char *sex,
            const char *admission,
            const char *end,
            const char *category)
{
  g_autoptr(ReiResident) r = rei_test_resident_new (first, surname, NULL);
  g_autoptr(GError) error = NULL;

  rei_resident_set (r, REI_RESIDENT_SEX, sex);
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, admission);
  rei_resident_set (r, REI_RESIDENT_END_DATE, end);
  if (end != NULL)
    rei_resident_set (r, REI_RESIDENT_END_REASON, "rezygnacja");
  if (category != NULL)
    rei_resident_set_categories (r, (const char *[]) { category, NULL });
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
}

static char *
query_surnames (ReiStore               *store,
                const ReiResidentQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rei_store_query_resident_ids (store, query, NULL, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ReiResident) r = rei_store_get_resident (store, g_array_index (ids, gint64, i), NULL);
      g_ptr_array_add (names, g_strdup (rei_resident_get_surname (r)));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
test_query (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResidentQuery) q = rei_resident_query_new ();
  g_autofree char *today = NULL;
  g_autofree char *s = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autofree char *recent = g_date_time_format (week_ago, "%Y-%m-%d");

  add_person (store, "Zofia", "Żak", "K", "2019-01-10", "2019-06-30", "bezdomnosc");
  add_person (store, "Adam", "Zając", "M", "2020-02-01", NULL, "uchodzca");
  add_person (store, "Łukasz", "Łuczak", "M", recent, NULL, "bezdomnosc");
  add_person (store, "Ewa", "Lis", "K", NULL, NULL, NULL);
  add_person (store, "Jan", "Śliwa", "M", "2019-05-05", "2020-01-31", NULL);
  add_person (store, "Piotr", "Sowa", "M", "2018-05-05", NULL, NULL);
  add_person (store, "Anna", "Ąbel", "K", "2018-05-05", NULL, NULL);
  add_person (store, "Irena", "Abel", "K", "2018-05-05", NULL, NULL);

  /* Polish order, whatever the locale of the test (it runs under C.UTF-8). */
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Abel,Ąbel,Lis,Łuczak,Sowa,Śliwa,Zając,Żak");

  q->descending = TRUE;
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Żak,Zając,Śliwa,Sowa,Łuczak,Lis,Ąbel,Abel");
  q->descending = FALSE;

  /* Search folds case and diacritics, and every word must match. */
  q->search = g_strdup ("LUCZ");
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Łuczak");
  g_free (q->search), q->search = g_strdup ("zofia zak");
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Żak");
  g_free (q->search), q->search = g_strdup ("100%_");
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "");
  g_clear_pointer (&q->search, g_free);

  q->status = REI_RESIDENT_STATUS_ENDED;
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Śliwa,Żak");
  q->status = REI_RESIDENT_STATUS_CANDIDATE;
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Lis");
  q->status = REI_RESIDENT_STATUS_TRIAL;
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Łuczak");
  q->status = REI_RESIDENT_STATUS_PARTICIPANT;
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Abel,Ąbel,Sowa,Zając");
  q->status = REI_RESIDENT_STATUS_ANY;

  q->category = g_strdup ("bezdomnosc");
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Łuczak,Żak");
  g_clear_pointer (&q->category, g_free);

  q->end_year = 2019;
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Żak");
  q->end_year = 0;
  q->admission_year = 2018;
  q->sort = REI_RESIDENT_SORT_FIRST_NAME;
  g_free (s), s = query_surnames (store, q);
  g_assert_cmpstr (s, ==, "Ąbel,Abel,Sowa");

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A batch read gives each id its person, in the order asked, NULL for one that is gone, and sees
 * the caller's own transaction. */
static void
test_get_residents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GPtrArray) residents = NULL;
  char *dir = rei_test_tmpdir_new ();
  const char *surnames[] = { "Ąkowska", "Łysy", "Żak" };
  gint64 ids[4];

  store = rei_test_store_new (dir);
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      g_autoptr(ReiResident) r = rei_test_resident_new ("Anna", surnames[i], NULL);

      g_assert_true (rei_store_save_resident (store, r, &error));
      g_assert_no_error (error);
      ids[i] = rei_resident_get_id (r);
    }
  ids[3] = ids[0];
  g_assert_true (rei_store_delete_resident (store, ids[1], &error));
  g_assert_no_error (error);

  residents = rei_store_get_residents (store, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (residents->len, ==, 4);
  g_assert_cmpstr (rei_resident_get_surname (g_ptr_array_index (residents, 0)), ==, "Ąkowska");
  g_assert_null (g_ptr_array_index (residents, 1));
  g_assert_cmpstr (rei_resident_get_surname (g_ptr_array_index (residents, 2)), ==, "Żak");
  g_assert_cmpstr (rei_resident_get_surname (g_ptr_array_index (residents, 3)), ==, "Ąkowska");
  g_clear_pointer (&residents, g_ptr_array_unref);

  /* Inside a transaction of ours: what it wrote, before it commits. */
  g_assert_true (rei_store_begin (store, &error));
  {
    g_autoptr(ReiResident) r = rei_test_resident_new ("Jan", "Nowy", NULL);

    g_assert_true (rei_store_save_resident (store, r, &error));
    g_assert_no_error (error);
    ids[1] = rei_resident_get_id (r);
  }
  residents = rei_store_get_residents (store, ids, 2);
  g_assert_cmpstr (rei_resident_get_surname (g_ptr_array_index (residents, 1)), ==, "Nowy");
  rei_store_rollback (store);
  g_clear_pointer (&residents, g_ptr_array_unref);
  residents = rei_store_get_residents (store, ids, 2);
  g_assert_null (g_ptr_array_index (residents, 1));

  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

static void
on_async_result_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* What a form offers to pick: every word of the text in the name or PESEL, Polish order, at
 * most max; a resident without a PESEL told apart by birth date and number. */
static void
test_resident_match (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) maria = rei_test_resident_new ("Maria", "Nowak", NULL);
  g_autoptr(ReiResident) other = rei_test_resident_new ("Maria", "Nowakowska", "85071512348");
  g_autoptr(ReiResident) jan = rei_test_resident_new ("Jan", "Łoś", NULL);
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_jan = NULL;

  rei_resident_set (maria, REI_RESIDENT_BIRTH_DATE, "1990-05-05");
  g_assert_true (rei_store_save_resident (store, maria, &error));
  g_assert_true (rei_store_save_resident (store, other, &error));
  g_assert_true (rei_store_save_resident (store, jan, &error));

  matches = rei_resident_match_find (store, "maria nowak", 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 2);
  expected = g_strdup_printf ("Nowak Maria · born 05.05.1990 · no PESEL, no. %" G_GINT64_FORMAT,
                              rei_resident_get_id (maria));
  g_assert_cmpint (((ReiResidentMatch *) g_ptr_array_index (matches, 0))->id, ==, rei_resident_get_id (maria));
  g_assert_cmpstr (((ReiResidentMatch *) g_ptr_array_index (matches, 0))->label, ==, expected);
  g_assert_cmpstr (((ReiResidentMatch *) g_ptr_array_index (matches, 1))->label, ==,
                   "Nowakowska Maria · PESEL 85071512348");
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = rei_resident_match_find (store, "nowak", 1, NULL, &error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = rei_resident_match_find (store, "85071512348", 20, NULL, &error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpint (((ReiResidentMatch *) g_ptr_array_index (matches, 0))->id, ==, rei_resident_get_id (other));
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = rei_resident_match_find (store, "LOS", 20, NULL, &error);
  g_assert_cmpuint (matches->len, ==, 1);
  expected_jan = g_strdup_printf ("Łoś Jan · no PESEL, no. %" G_GINT64_FORMAT, rei_resident_get_id (jan));
  g_assert_cmpstr (((ReiResidentMatch *) g_ptr_array_index (matches, 0))->label, ==, expected_jan);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = rei_resident_match_find (store, "kowalski", 20, NULL, &error);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* In a thread, as the partner editor searches while a clerk types: the same answer; cancelled
   * (typed on), G_IO_ERROR_CANCELLED. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    rei_resident_match_find_async (store, "maria nowak", 20, NULL, on_async_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    matches = rei_resident_match_find_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (matches->len, ==, 2);
    g_assert_cmpstr (((ReiResidentMatch *) g_ptr_array_index (matches, 0))->label, ==, expected);
    g_clear_pointer (&matches, g_ptr_array_unref);
    g_clear_object (&result);

    rei_resident_match_find_async (store, "nowak", 20, cancellable, on_async_result_cb, &result);
    g_cancellable_cancel (cancellable);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (rei_resident_match_find_finish (store, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/resident/roundtrip", test_resident_roundtrip);
  g_test_add_func ("/store/resident/invalid", test_resident_invalid);
  g_test_add_func ("/store/resident/cst-codes", test_resident_cst_codes);
  g_test_add_func ("/store/query", test_query);
  g_test_add_func ("/store/resident/get-many", test_get_residents);
  g_test_add_func ("/store/resident/match", test_resident_match);

  return g_test_run ();
}

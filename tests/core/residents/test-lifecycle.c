/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "rei-date.h"
#include "rei-lifecycle.h"
#include "rei-store-private.h"
#include "rei-store-residents.h"
#include "test-util.h"

/* The statutory rules as the migrations seed them: 1 trial month, 12 months, up to 12 more. */
static const ReiLifecycleRules law = { 1, 12, 12, 30 };

static ReiResident *
make_resident (const char *admission,
               const char *end,
               const char *end_reason,
               int         extension)
{
  ReiResident *r = rei_test_resident_new ("Jan", "Kowalski", NULL);

  rei_resident_set (r, REI_RESIDENT_SEX, "M");
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, admission);
  rei_resident_set (r, REI_RESIDENT_END_DATE, end);
  rei_resident_set (r, REI_RESIDENT_END_REASON, end_reason);
  rei_resident_set_extension_months (r, extension);
  return r;
}

static void
test_rules_from_settings (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  ReiLifecycleRules rules;

  rei_lifecycle_rules_load (store, "2019-05-01", &rules);
  g_assert_cmpint (rules.trial_months, ==, 1);
  g_assert_cmpint (rules.participation_months, ==, 12);
  g_assert_cmpint (rules.extension_max_months, ==, 12);
  g_assert_cmpint (rules.warning_days, ==, 30);

  /* An amendment in force from 2030 governs admissions from then on, not earlier ones. */
  rei_test_exec_raw (path, "INSERT INTO setting (key, effective_from, value) VALUES "
                  "('participation_months', '2030-01-01', '18'),"
                  "('extension_max_months', '2030-01-01', '6'),"
                  "('limit_warning_days', '2030-01-01', '45');");
  rei_lifecycle_rules_load (store, "2029-12-31", &rules);
  g_assert_cmpint (rules.participation_months, ==, 12);
  g_assert_cmpint (rules.extension_max_months, ==, 12);
  rei_lifecycle_rules_load (store, "2030-01-01", &rules);
  g_assert_cmpint (rules.participation_months, ==, 18);
  g_assert_cmpint (rules.extension_max_months, ==, 6);
  g_assert_cmpint (rules.warning_days, ==, 45);

  /* Before the act (an admission typed in from old files) the rule of today applies. */
  rei_lifecycle_rules_load (store, "2001-01-01", &rules);
  g_assert_cmpint (rules.trial_months, ==, 1);
  g_assert_cmpint (rules.participation_months, ==, 12);

  {
    g_autoptr(ReiResident) r = make_resident ("2030-02-01", NULL, NULL, 0);
    g_autoptr(ReiLifecycle) lc = rei_lifecycle_compute_for (store, r, "2030-03-15");

    /* 1 + 18 months from 1 February 2030. */
    g_assert_cmpint (lc->status, ==, REI_RESIDENT_STATUS_PARTICIPANT);
    g_assert_cmpstr (lc->planned_end, ==, "2031-08-31");
    g_assert_cmpstr (lc->latest_end, ==, "2032-02-29");
  }

  /* The store refuses an extension longer than the rule in force on the admission date. */
  {
    g_autoptr(ReiResident) r = make_resident ("2030-02-01", NULL, NULL, 7);
    g_autoptr(ReiResident) old = make_resident ("2020-02-01", NULL, NULL, 7);
    g_autoptr(GError) error = NULL;

    g_assert_false (rei_store_save_resident (store, r, &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
    g_assert_true (rei_store_save_resident (store, old, NULL));
  }

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  const char          *admission;
  const char          *end;
  int                  extension;
  const char          *today;
  ReiResidentStatus    status;
  const char          *trial_end;
  const char          *planned_end;
  const char          *latest_end;
  int                  days_in_programme;
  ReiLifecycleWarning  warning;
  int                  days_left;
} ComputeCase;

static void
test_compute (void)
{
  /* Worked out by hand from the calendar. */
  static const ComputeCase cases[] = {
    /* Not admitted yet: nothing to count. */
    { NULL, NULL, 0, "2024-01-15", REI_RESIDENT_STATUS_CANDIDATE, NULL, NULL, NULL, 0,
      REI_LIFECYCLE_OK, 0 },
    { "2024-03-10", NULL, 0, "2024-03-01", REI_RESIDENT_STATUS_CANDIDATE, "2024-04-09",
      "2025-04-09", "2026-04-09", 0, REI_LIFECYCLE_OK, 0 },
    /* Admitted today: the first day of the trial month counts. */
    { "2024-01-01", NULL, 0, "2024-01-01", REI_RESIDENT_STATUS_TRIAL, "2024-01-31",
      "2025-01-31", "2026-01-31", 1, REI_LIFECYCLE_OK, 396 },
    { "2024-01-01", NULL, 0, "2024-01-31", REI_RESIDENT_STATUS_TRIAL, "2024-01-31",
      "2025-01-31", "2026-01-31", 31, REI_LIFECYCLE_OK, 366 },
    { "2024-01-01", NULL, 0, "2024-02-01", REI_RESIDENT_STATUS_PARTICIPANT, "2024-01-31",
      "2025-01-31", "2026-01-31", 32, REI_LIFECYCLE_OK, 365 },
    /* A month from 31 January ends with February, in a leap year and in another. */
    { "2024-01-31", NULL, 0, "2024-02-28", REI_RESIDENT_STATUS_TRIAL, "2024-02-28",
      "2025-02-27", "2026-02-27", 29, REI_LIFECYCLE_OK, 365 },
    { "2024-01-31", NULL, 0, "2024-02-29", REI_RESIDENT_STATUS_PARTICIPANT, "2024-02-28",
      "2025-02-27", "2026-02-27", 30, REI_LIFECYCLE_OK, 364 },
    { "2023-01-31", NULL, 0, "2023-02-28", REI_RESIDENT_STATUS_PARTICIPANT, "2023-02-27",
      "2024-02-28", "2025-02-27", 29, REI_LIFECYCLE_OK, 365 },
    /* The warning: 31 days before the planned end, then 30, then the last day, then past. */
    { "2023-01-01", NULL, 0, "2023-12-31", REI_RESIDENT_STATUS_PARTICIPANT, "2023-01-31",
      "2024-01-31", "2025-01-31", 365, REI_LIFECYCLE_OK, 31 },
    { "2023-01-01", NULL, 0, "2024-01-01", REI_RESIDENT_STATUS_PARTICIPANT, "2023-01-31",
      "2024-01-31", "2025-01-31", 366, REI_LIFECYCLE_NEAR_LIMIT, 30 },
    { "2023-01-01", NULL, 0, "2024-01-31", REI_RESIDENT_STATUS_PARTICIPANT, "2023-01-31",
      "2024-01-31", "2025-01-31", 396, REI_LIFECYCLE_NEAR_LIMIT, 0 },
    { "2023-01-01", NULL, 0, "2024-02-01", REI_RESIDENT_STATUS_PARTICIPANT, "2023-01-31",
      "2024-01-31", "2025-01-31", 397, REI_LIFECYCLE_PAST_LIMIT, -1 },
    /* An extension of 6 months moves the planned end, not the latest possible one. */
    { "2023-01-01", NULL, 6, "2024-02-01", REI_RESIDENT_STATUS_PARTICIPANT, "2023-01-31",
      "2024-07-31", "2025-01-31", 397, REI_LIFECYCLE_OK, 181 },
    /* Ended: no warning, the days run to the end date. */
    { "2023-01-01", "2023-06-30", 0, "2024-06-01", REI_RESIDENT_STATUS_ENDED, "2023-01-31",
      "2024-01-31", "2025-01-31", 181, REI_LIFECYCLE_OK, 0 },
    { "2023-01-01", "2024-03-15", 0, "2024-06-01", REI_RESIDENT_STATUS_ENDED, "2023-01-31",
      "2024-01-31", "2025-01-31", 440, REI_LIFECYCLE_OK, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ComputeCase *c = &cases[i];
      g_autoptr(ReiResident) r = make_resident (c->admission, c->end,
                                                c->end ? "rezygnacja" : NULL, c->extension);
      g_autoptr(ReiLifecycle) lc = rei_lifecycle_compute (&law, r, c->today);

      g_test_message ("case %u: admission %s, today %s", i, c->admission, c->today);
      g_assert_cmpint (lc->status, ==, c->status);
      g_assert_cmpstr (lc->trial_end, ==, c->trial_end);
      g_assert_cmpstr (lc->planned_end, ==, c->planned_end);
      g_assert_cmpstr (lc->latest_end, ==, c->latest_end);
      g_assert_cmpint (lc->days_in_programme, ==, c->days_in_programme);
      g_assert_cmpint (lc->warning, ==, c->warning);
      g_assert_cmpint (lc->days_left, ==, c->days_left);
      g_assert_cmpstr (lc->end_reason, ==, c->end ? "rezygnacja" : NULL);
    }
}

static void
test_labels (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) ended = make_resident ("2023-01-01", "2023-06-30", "rezygnacja", 0);
  g_autoptr(ReiResident) trial = make_resident ("2024-01-01", NULL, NULL, 0);
  g_autoptr(ReiLifecycle) lc_ended = rei_lifecycle_compute (&law, ended, "2024-01-01");
  g_autoptr(ReiLifecycle) lc_trial = rei_lifecycle_compute (&law, trial, "2024-01-10");
  g_autofree char *label_ended = rei_lifecycle_dup_status_label (lc_ended, store);
  g_autofree char *label_trial = rei_lifecycle_dup_status_label (lc_trial, store);

  /* The tests run under C.UTF-8 with no catalogue: the English msgids. */
  g_assert_cmpstr (rei_resident_status_to_string (REI_RESIDENT_STATUS_CANDIDATE), ==, "Candidate");
  g_assert_cmpstr (rei_resident_status_to_string (REI_RESIDENT_STATUS_TRIAL), ==, "Trial month");
  g_assert_cmpstr (rei_resident_status_to_string (REI_RESIDENT_STATUS_PARTICIPANT), ==, "Participant");
  g_assert_cmpstr (rei_resident_status_to_string (REI_RESIDENT_STATUS_ENDED), ==, "Ended");
  g_assert_cmpstr (label_ended, ==, "Ended (Rezygnacja)");
  g_assert_cmpstr (label_trial, ==, "Trial month");

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_validate_extension (void)
{
  ReiLifecycleRules six = law;

  six.extension_max_months = 6;
  g_assert_true (rei_lifecycle_validate_extension (&law, 0, NULL));
  g_assert_true (rei_lifecycle_validate_extension (&law, 12, NULL));
  g_assert_true (rei_lifecycle_validate_extension (&six, 6, NULL));

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rei_lifecycle_validate_extension (&law, 13, &error));
    g_assert_error (error, REI_LIFECYCLE_ERROR, REI_LIFECYCLE_ERROR_EXTENSION);
    g_assert_nonnull (strstr (error->message, "12"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rei_lifecycle_validate_extension (&six, 7, &error));
    g_assert_error (error, REI_LIFECYCLE_ERROR, REI_LIFECYCLE_ERROR_EXTENSION);
  }
  g_assert_false (rei_lifecycle_validate_extension (&law, -1, NULL));
}

static GHashTable *
ids_with_status_sql (ReiStore          *store,
                     ReiResidentStatus  status)
{
  g_autoptr(ReiResidentQuery) q = rei_resident_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  q->status = status;
  ids = rei_store_query_resident_ids (store, q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return set;
}

typedef struct
{
  ReiStore   *store;
  const char *today;
  GHashTable *by_status[REI_RESIDENT_STATUS_ENDED + 1];
} AgreeData;

static gboolean
classify_cb (ReiResident *resident,
             gpointer     user_data)
{
  AgreeData *data = user_data;
  g_autoptr(ReiLifecycle) lc = rei_lifecycle_compute_for (data->store, resident, data->today);
  gint64 id = rei_resident_get_id (resident);

  g_hash_table_add (data->by_status[lc->status], g_memdup2 (&id, sizeof id));
  return TRUE;
}

/* The window shows rei_lifecycle_compute()'s status beside each person and filters the list
 * with the SQL of rei-store-resident-query.c: a person must never show as "Trial month" in the
 * list of participants.  Over month ends, a leap day and a trial period amended twice. */
static void
test_agrees_with_sql_filter (void)
{
  static const char * const todays[] = {
    "2023-02-27", "2023-02-28", "2023-03-01", "2023-03-02", "2023-03-03", "2023-07-01",
    "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02", "2024-03-20", "2024-04-30",
    "2024-05-01", "2024-06-30", "2024-12-31",
  };
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GError) error = NULL;
  GDate day;
  guint n = 0;

  /* Admissions from 2023-06-01 had a two-month trial, from 2024-03-01 one month again. */
  rei_test_exec_raw (path, "INSERT INTO setting (key, effective_from, value) VALUES "
                  "('trial_months', '2023-06-01', '2'), ('trial_months', '2024-03-01', '1');");

  g_assert_true (rei_store_begin (store, &error));
  /* Every day from December 2022 to June 2024, some ended. */
  g_date_set_dmy (&day, 1, G_DATE_DECEMBER, 2022);
  for (; g_date_get_year (&day) < 2024 || g_date_get_month (&day) <= G_DATE_JUNE;
       g_date_add_days (&day, 1), n++)
    {
      g_autofree char *admission = rei_date_to_iso (&day);
      g_autofree char *end = NULL;
      g_autoptr(ReiResident) r = NULL;

      if (n % 7 == 3)
        {
          GDate e = day;

          g_date_add_days (&e, 40);
          end = rei_date_to_iso (&e);
        }
      r = make_resident (admission, end, end ? "ukonczenie" : NULL, 0);
      g_assert_true (rei_store_save_resident (store, r, &error));
      g_assert_no_error (error);
    }
  /* No admission, and an admission before the act existed (no rule in force then). */
  {
    g_autoptr(ReiResident) a = make_resident (NULL, NULL, NULL, 0);
    g_autoptr(ReiResident) b = make_resident ("2002-05-31", NULL, NULL, 0);

    g_assert_true (rei_store_save_resident (store, a, &error));
    g_assert_true (rei_store_save_resident (store, b, &error));
  }
  g_assert_true (rei_store_commit (store, &error));
  g_assert_no_error (error);

  for (guint t = 0; t < G_N_ELEMENTS (todays); t++)
    {
      AgreeData data = { store, todays[t], { NULL } };
      guint total = 0;

      for (guint s = REI_RESIDENT_STATUS_CANDIDATE; s <= REI_RESIDENT_STATUS_ENDED; s++)
        data.by_status[s] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_assert_true (rei_store_foreach_resident (store, NULL, classify_cb, &data, NULL, &error));
      g_assert_no_error (error);

      rei_store_set_today (store, todays[t]);
      for (guint s = REI_RESIDENT_STATUS_CANDIDATE; s <= REI_RESIDENT_STATUS_ENDED; s++)
        {
          g_autoptr(GHashTable) sql = ids_with_status_sql (store, s);
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, sql);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            if (!g_hash_table_contains (data.by_status[s], key))
              g_error ("today %s: resident %" G_GINT64_FORMAT " is %s in SQL, not in C",
                       todays[t], *(gint64 *) key, rei_resident_status_to_string (s));
          g_assert_cmpuint (g_hash_table_size (sql), ==, g_hash_table_size (data.by_status[s]));
          total += g_hash_table_size (sql);
        }
      g_assert_cmpuint (total, ==, n + 2);

      for (guint s = REI_RESIDENT_STATUS_CANDIDATE; s <= REI_RESIDENT_STATUS_ENDED; s++)
        g_hash_table_unref (data.by_status[s]);
    }
  rei_store_set_today (store, NULL);

  /* The cases SQLite's own date arithmetic gets wrong are in the set, and come out right. */
  {
    g_autoptr(ReiResidentQuery) q = rei_resident_query_new ();
    g_autoptr(GArray) ids = NULL;
    gboolean found = FALSE;

    rei_store_set_today (store, "2023-02-28");
    q->status = REI_RESIDENT_STATUS_PARTICIPANT;
    ids = rei_store_query_resident_ids (store, q, NULL, &error);
    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(ReiResident) r = rei_store_get_resident (store, g_array_index (ids, gint64, i), NULL);

        found |= g_strcmp0 (rei_resident_get (r, REI_RESIDENT_ADMISSION_DATE), "2023-01-31") == 0;
      }
    g_assert_true (found);
    rei_store_set_today (store, NULL);
  }

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lifecycle/rules-from-settings", test_rules_from_settings);
  g_test_add_func ("/lifecycle/compute", test_compute);
  g_test_add_func ("/lifecycle/labels", test_labels);
  g_test_add_func ("/lifecycle/validate-extension", test_validate_extension);
  g_test_add_func ("/lifecycle/agrees-with-sql-filter", test_agrees_with_sql_filter);

  return g_test_run ();
}

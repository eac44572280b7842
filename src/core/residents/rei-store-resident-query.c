/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* The residents list's query: its filters and sort as SQL (values always bound), the ids of a
 * whole list for a lazy model, and a stream of rows for exports. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-collation.h"
#include "rei-store-residents-private.h"

/* The trial months in force on the resident's admission date; the one parameter is the value
 * to use when no rule was in force then. */
#define TRIAL_MONTHS_SQL \
  "coalesce((SELECT CAST(value AS INTEGER) FROM setting " \
  "WHERE key = '" REI_SETTING_TRIAL_MONTHS "' AND effective_from <= r.admission_date " \
  "ORDER BY effective_from DESC LIMIT 1), ?)"

/* Builds the WHERE and ORDER BY of a resident query.  Every value goes in as a bound parameter
 * (collected in params); only fixed SQL fragments are pasted into the text. */
static char *
build_query_sql (ReiStore               *self,
                 const char             *select,
                 const ReiResidentQuery *q,
                 GPtrArray              *params)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autofree char *today = rei_store_get_today (self);
  /* The trial month is the one in force on the admission date (as rei_lifecycle_rules_load()
   * reads it), or today's when no rule was in force then. */
  int trial_months = rei_store_get_setting_int (self, REI_SETTING_TRIAL_MONTHS, NULL,
                                                REI_SETTING_TRIAL_MONTHS_FALLBACK);
  const char *and = " WHERE ";
  /* The first key of each sort; ties fall back to the name, then to the id, so the order is
   * total and a list does not reshuffle between two identical queries. */
  static const char *order_by[] = {
    [REI_RESIDENT_SORT_NAME] = "r.surname COLLATE pl",
    [REI_RESIDENT_SORT_FIRST_NAME] = "r.first_name COLLATE pl",
    [REI_RESIDENT_SORT_PESEL] = "r.pesel",
    [REI_RESIDENT_SORT_ADMISSION] = "r.admission_date",
    [REI_RESIDENT_SORT_END] = "r.end_date",
    [REI_RESIDENT_SORT_WORKSHOP] = "(SELECT name FROM workshop WHERE id = r.workshop_id) COLLATE pl",
    /* The order of the lifecycle, with the tests of the status filter above and of
     * rei_lifecycle_compute(); parameters: today, trial months, today. */
    [REI_RESIDENT_SORT_STATUS] = "CASE WHEN r.end_date IS NOT NULL THEN 4 "
      "WHEN r.admission_date IS NULL OR r.admission_date > ? THEN 1 "
      "WHEN rei_add_months(r.admission_date, " TRIAL_MONTHS_SQL ") > ? THEN 2 ELSE 3 END",
    /* As ReiLifecycle.days_in_programme counts them; parameters: today, today. */
    [REI_RESIDENT_SORT_DAYS] = "CASE WHEN r.admission_date IS NULL "
      "OR (r.end_date IS NULL AND r.admission_date > ?) THEN 0 "
      "ELSE max(0, julianday(coalesce(r.end_date, ?)) - julianday(r.admission_date) + 1) END",
    /* The lists in the order REI_RESIDENT_SELECT reads them, by the labels a list shows. */
    [REI_RESIDENT_SORT_CATEGORY] = "(SELECT group_concat(c.label, '|') FROM resident_category rc "
      "JOIN category c ON c.code = rc.category_code WHERE rc.resident_id = r.id) COLLATE pl",
    [REI_RESIDENT_SORT_PROJECT] = "(SELECT group_concat(p.title, '|') FROM resident_project rp "
      "JOIN project p ON p.id = rp.project_id WHERE rp.resident_id = r.id) COLLATE pl",
  };
  ReiResidentQuery empty = { 0 };

  if (q == NULL)
    q = &empty;

#define ADD_COND(...) G_STMT_START { g_string_append (sql, and); \
                                     g_string_append_printf (sql, __VA_ARGS__); and = " AND "; } G_STMT_END

  if (q->search != NULL && *q->search != '\0')
    {
      g_autofree char *key = rei_collation_search_key (q->search);
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (key), " \t", -1);

      /* Each word must appear somewhere, so "kowal jan" and "jan kowal" both find Jan Kowalski. */
      for (guint i = 0; words[i]; i++)
        {
          if (*words[i] == '\0')
            continue;
          ADD_COND ("r.search_key LIKE ? ESCAPE '\\'");
          {
            g_autoptr(GString) pattern = g_string_new ("%");
            for (const char *p = words[i]; *p; p++)
              {
                if (*p == '%' || *p == '_' || *p == '\\')
                  g_string_append_c (pattern, '\\');
                g_string_append_c (pattern, *p);
              }
            g_string_append_c (pattern, '%');
            g_ptr_array_add (params, g_string_free (g_steal_pointer (&pattern), FALSE));
          }
        }
    }

  switch (q->status)
    {
    case REI_RESIDENT_STATUS_ANY:
      break;
    case REI_RESIDENT_STATUS_CANDIDATE:
      ADD_COND ("r.end_date IS NULL AND (r.admission_date IS NULL OR r.admission_date > ?)");
      g_ptr_array_add (params, g_strdup (today));
      break;
    case REI_RESIDENT_STATUS_TRIAL:
      ADD_COND ("r.end_date IS NULL AND r.admission_date <= ? AND "
                "rei_add_months(r.admission_date, " TRIAL_MONTHS_SQL ") > ?");
      g_ptr_array_add (params, g_strdup (today));
      g_ptr_array_add (params, g_strdup_printf ("%d", trial_months));
      g_ptr_array_add (params, g_strdup (today));
      break;
    case REI_RESIDENT_STATUS_PARTICIPANT:
      ADD_COND ("r.end_date IS NULL AND "
                "rei_add_months(r.admission_date, " TRIAL_MONTHS_SQL ") <= ?");
      g_ptr_array_add (params, g_strdup_printf ("%d", trial_months));
      g_ptr_array_add (params, g_strdup (today));
      break;
    case REI_RESIDENT_STATUS_ENDED:
      ADD_COND ("r.end_date IS NOT NULL");
      break;
    default:
      g_assert_not_reached ();
    }

  if (q->category != NULL)
    {
      ADD_COND ("r.id IN (SELECT resident_id FROM resident_category WHERE category_code = ?)");
      g_ptr_array_add (params, g_strdup (q->category));
    }
  if (q->workshop != NULL)
    {
      ADD_COND ("r.workshop_id = (SELECT id FROM workshop WHERE name = ?)");
      g_ptr_array_add (params, g_strdup (q->workshop));
    }
  if (q->project != NULL)
    {
      ADD_COND ("r.id IN (SELECT rp.resident_id FROM resident_project rp "
                "JOIN project p ON p.id = rp.project_id WHERE p.title = ?)");
      g_ptr_array_add (params, g_strdup (q->project));
    }
  if (q->admission_year > 0)
    {
      ADD_COND ("r.admission_date BETWEEN ? AND ?");
      g_ptr_array_add (params, g_strdup_printf ("%04d-01-01", q->admission_year));
      g_ptr_array_add (params, g_strdup_printf ("%04d-12-31", q->admission_year));
    }
  if (q->end_year > 0)
    {
      ADD_COND ("r.end_date BETWEEN ? AND ?");
      g_ptr_array_add (params, g_strdup_printf ("%04d-01-01", q->end_year));
      g_ptr_array_add (params, g_strdup_printf ("%04d-12-31", q->end_year));
    }

  if (q->review_overdue)
    {
      /* As rei_store_list_overdue_reviews() sees it: the schedule in force today, from the last
       * review or the start of an open plan.  One uncorrelated subquery over the open plans (the
       * last review found by the index plan_review_plan), evaluated once, not once per person. */
      ADD_COND ("r.id IN (SELECT p.resident_id FROM plan p "
                "WHERE p.closed_on IS NULL AND p.start_date IS NOT NULL "
                "AND date (COALESCE ((SELECT MAX (held_on) FROM plan_review v WHERE v.plan_id = p.id), "
                "p.start_date), '+' || ? || ' months') < ?)");
      g_ptr_array_add (params, g_strdup_printf ("%d", rei_store_get_setting_int (self, "plan_review_months",
                                                                                 today, 1)));
      g_ptr_array_add (params, g_strdup (today));
    }

#undef ADD_COND

  {
    const char *dir = q->descending ? " DESC" : " ASC";
    guint sort = q->sort < G_N_ELEMENTS (order_by) ? q->sort : REI_RESIDENT_SORT_NAME;

    g_string_append_printf (sql, " ORDER BY %s%s", order_by[sort], dir);
    if (sort == REI_RESIDENT_SORT_STATUS)
      {
        g_ptr_array_add (params, g_strdup (today));
        g_ptr_array_add (params, g_strdup_printf ("%d", trial_months));
        g_ptr_array_add (params, g_strdup (today));
      }
    else if (sort == REI_RESIDENT_SORT_DAYS)
      {
        g_ptr_array_add (params, g_strdup (today));
        g_ptr_array_add (params, g_strdup (today));
      }
    if (sort != REI_RESIDENT_SORT_NAME)
      g_string_append_printf (sql, ", r.surname COLLATE pl%s", dir);
    g_string_append_printf (sql, ", r.first_name COLLATE pl%s, r.id", dir);
  }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Prepares the query on a read connection, for this use only: its SQL varies with the filters,
 * so it is not cached. */
static gboolean
prepare_query (ReiStore               *self,
               ReiStoreStatement      *st,
               const char             *select,
               const ReiResidentQuery *query,
               GError                **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = build_query_sql (self, select, query, params);

  if (!rei_store_statement_read_built (st, self, sql, error))
    return FALSE;
  for (guint i = 0; i < params->len; i++)
    rei_store_statement_bind_text (st, (int) i + 1, g_ptr_array_index (params, i));
  return TRUE;
}

static int
progress_handler (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

GArray *
rei_store_query_resident_ids (ReiStore               *self,
                              const ReiResidentQuery *query,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (!prepare_query (self, &st, "SELECT r.id FROM resident r", query, error))
    return NULL;

  /* A search keystroke makes the previous query useless; SQLite polls this and stops. */
  db = rei_store_connection_get_db (st.connection);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, progress_handler, cancellable);

  while (rei_store_statement_next (&st))
    {
      gint64 id = sqlite3_column_int64 (st.stmt, 0);
      g_array_append_val (ids, id);
    }

  sqlite3_progress_handler (db, 0, NULL, NULL);
  if (st.rc != SQLITE_DONE && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!rei_store_statement_finish (&st, N_("listing residents"), error))
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
rei_store_foreach_resident (ReiStore               *self,
                            const ReiResidentQuery *query,
                            ReiResidentFunc         func,
                            gpointer                user_data,
                            GCancellable           *cancellable,
                            GError                **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!prepare_query (self, &st, REI_RESIDENT_SELECT "", query, error))
    return FALSE;

  while (rei_store_statement_next (&st))
    {
      g_autoptr(ReiResident) resident = rei_store_resident_from_row (st.stmt);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!func (resident, user_data))
        break;
    }
  return rei_store_statement_finish (&st, N_("listing residents"), error);
}

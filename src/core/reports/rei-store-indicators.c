/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-reports-private.h"
#include "rei-store-reports.h"

/* ---------------------------------------------------------------------------------------------
 * Indicator definitions
 * ------------------------------------------------------------------------------------------- */

static GStrv
split_or_empty (sqlite3_stmt *stmt,
                int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return g_new0 (char *, 1);
  return g_strsplit ((const char *) sqlite3_column_text (stmt, col), "\x1f", -1);
}

GPtrArray *
rei_store_list_indicator_defs (ReiStore  *store,
                               GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_indicator_def_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store,
    "SELECT i.code, i.label, i.position, i.base, i.scope, i.sex, i.base_requires, i.counts, "
    "i.denominator, i.threshold, "
    "(SELECT group_concat(outcome_code, char(31)) FROM (SELECT outcome_code FROM indicator_outcome "
    "  WHERE indicator_code = i.code ORDER BY outcome_code)), "
    "(SELECT group_concat(status_code, char(31)) FROM (SELECT status_code FROM indicator_status "
    "  WHERE indicator_code = i.code ORDER BY status_code)) "
    "FROM indicator i ORDER BY i.position, i.code", error))
    return NULL;
  while (rei_store_statement_next (&st))
    {
      sqlite3_stmt *stmt = st.stmt;
      ReiIndicatorDef *d = rei_indicator_def_new ();
      d->code = column_text (stmt, 0);
      d->label = column_text (stmt, 1);
      d->position = sqlite3_column_int (stmt, 2);
      d->base = column_text (stmt, 3);
      d->scope = column_text (stmt, 4);
      d->sex = column_text (stmt, 5);
      d->base_requires = column_text (stmt, 6);
      d->counts = column_text (stmt, 7);
      d->denominator = column_text (stmt, 8);
      d->threshold = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 9);
      d->outcomes = split_or_empty (stmt, 10);
      d->statuses = split_or_empty (stmt, 11);
      g_ptr_array_add (list, d);
    }
  if (!rei_store_statement_finish (&st, N_("reading indicator definitions"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/* One statement on the indicator's code and at most one more text, inside the caller's
 * transaction. */
static gboolean
write_by_code (ReiStore    *store,
               const char  *sql,
               const char  *code,
               const char  *other,
               GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_write (&st, store, sql, error))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, code);
  if (other != NULL)
    rei_store_statement_bind_text (&st, 2, other);
  return rei_store_statement_exec (&st, N_("saving an indicator definition"), error);
}

static gboolean
write_def (ReiStore               *store,
           const ReiIndicatorDef  *d,
           GError                **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_write (&st, store,
    "INSERT INTO indicator (code, label, position, base, scope, sex, base_requires, counts, denominator, threshold) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (code) DO UPDATE SET label = ?2, "
    "position = ?3, base = ?4, scope = ?5, sex = ?6, base_requires = ?7, counts = ?8, denominator = ?9, "
    "threshold = ?10", error))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, d->code);
  rei_store_statement_bind_text (&st, 2, d->label);
  rei_store_statement_bind_int64 (&st, 3, d->position);
  rei_store_statement_bind_text (&st, 4, d->base ? d->base : "zakonczone");
  rei_store_statement_bind_text (&st, 5, d->scope);
  rei_store_statement_bind_text (&st, 6, d->sex);
  rei_store_statement_bind_text (&st, 7, d->base_requires);
  rei_store_statement_bind_text (&st, 8, d->counts);
  rei_store_statement_bind_text (&st, 9, d->denominator ? d->denominator : "baza");
  if (d->threshold >= 0)
    sqlite3_bind_double (st.stmt, 10, d->threshold);
  if (!rei_store_statement_run (&st, N_("saving an indicator definition"), error))
    return FALSE;

  if (!write_by_code (store, "DELETE FROM indicator_outcome WHERE indicator_code = ?", d->code, NULL, error)
      || !write_by_code (store, "DELETE FROM indicator_status WHERE indicator_code = ?", d->code, NULL, error))
    return FALSE;
  for (guint i = 0; d->outcomes != NULL && d->outcomes[i] != NULL; i++)
    if (!write_by_code (store, "INSERT INTO indicator_outcome (indicator_code, outcome_code) VALUES (?, ?)",
                        d->code, d->outcomes[i], error))
      return FALSE;
  for (guint i = 0; d->statuses != NULL && d->statuses[i] != NULL; i++)
    if (!write_by_code (store, "INSERT INTO indicator_status (indicator_code, status_code) VALUES (?, ?)",
                        d->code, d->statuses[i], error))
      return FALSE;
  return rei_store_write_audit (store, "indicator", 0, "update",
                                "code,label,base,scope,sex,base_requires,counts,denominator,threshold,"
                                "outcomes,statuses", error);
}

gboolean
rei_store_save_indicator_def (ReiStore               *store,
                              const ReiIndicatorDef  *def,
                              GError                **error)
{
  g_return_val_if_fail (def != NULL && def->code != NULL && def->label != NULL, FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  return rei_store_end_write (store, NULL, write_def (store, def, error), error);
}

/* ---------------------------------------------------------------------------------------------
 * The people behind an indicator
 * ------------------------------------------------------------------------------------------- */

/* Parameters of every statement below: ?1 from, ?2 to, ?3 project id (NULL: any), ?4 sex, ?5
 * what the base requires, ?6 the numerator's flag, ?7 the indicator's code, ?8 the base.  Each
 * base has its own statement so that SQLite can use the date index; each comes as the list of
 * people (in Polish order) and as bare counts (no sort), all built from the same fragments. */
#define ENROLMENT_COUNTED \
  "CASE WHEN (?6 IS NOT NULL OR EXISTS (SELECT 1 FROM indicator_status x WHERE x.indicator_code = ?7)) " \
  " AND (?6 IS NULL OR ?6 = 'wszyscy' OR (?6 = 'sciezka' AND e.path_completed = 1) " \
  "      OR (?6 = 'postep' AND e.social_progress = 1)) " \
  " AND (NOT EXISTS (SELECT 1 FROM indicator_status x WHERE x.indicator_code = ?7) " \
  "      OR e.status_after IN (SELECT x.status_code FROM indicator_status x WHERE x.indicator_code = ?7)) " \
  "THEN 1 ELSE 0 END "
#define ENROLMENT_PEOPLE_COLUMNS \
  "SELECT r.id, r.surname, r.first_name, r.pesel, r.sex, p.code, e.joined_on, e.left_on, " \
  "  (SELECT s.label FROM status_after s WHERE s.code = e.status_after), " ENROLMENT_COUNTED
#define ENROLMENT_COUNT_COLUMNS "SELECT COUNT(*), COALESCE (SUM (" ENROLMENT_COUNTED "), 0) "
#define ENROLMENT_FROM \
  "FROM enrolment e JOIN resident r ON r.id = e.resident_id JOIN project p ON p.id = e.project_id "
#define ENROLMENT_ENDED "WHERE ?8 = 'zakonczone' AND e.left_on BETWEEN ?1 AND ?2 "
/* A project's rows by its index: the unary + keeps SQLite off the date index, which over a
 * project's several years would read most of the table. */
#define ENROLMENT_ENDED_IN_PROJECT \
  "WHERE ?8 = 'zakonczone' AND e.project_id = ?3 AND +e.left_on BETWEEN ?1 AND ?2 "
#define ENROLMENT_OVERLAP \
  "WHERE ?8 = 'uczestnictwa' AND COALESCE (e.joined_on, p.start_date, '0000-01-01') <= ?2 " \
  "  AND (e.left_on IS NULL OR e.left_on >= ?1) "
#define ENROLMENT_OVERLAP_IN_PROJECT ENROLMENT_OVERLAP "  AND e.project_id = ?3 "
#define ENROLMENT_FILTERS \
  "  AND (?3 IS NULL OR e.project_id = ?3) AND (?4 IS NULL OR r.sex = ?4) " \
  "  AND (?5 IS NULL OR (?5 = 'sciezka' AND e.path_completed = 1)) "
#define PEOPLE_ORDER "ORDER BY r.surname COLLATE pl, r.first_name COLLATE pl, r.id"

/* A graduate has no path or progress flags: 'wszyscy' and 'sciezka' count every graduate. */
#define GRADUATE_COUNTED \
  "CASE WHEN (?6 IS NOT NULL OR EXISTS (SELECT 1 FROM indicator_outcome x WHERE x.indicator_code = ?7)) " \
  " AND (?6 IS NULL OR ?6 IN ('wszyscy', 'sciezka')) " \
  " AND (NOT EXISTS (SELECT 1 FROM indicator_outcome x WHERE x.indicator_code = ?7) " \
  "      OR r.outcome IN (SELECT x.outcome_code FROM indicator_outcome x WHERE x.indicator_code = ?7)) " \
  "THEN 1 ELSE 0 END "
#define GRADUATE_PEOPLE_COLUMNS \
  "SELECT r.id, r.surname, r.first_name, r.pesel, r.sex, NULL, r.admission_date, r.end_date, " \
  "  (SELECT o.label FROM outcome o WHERE o.code = r.outcome), " GRADUATE_COUNTED
#define GRADUATE_COUNT_COLUMNS "SELECT COUNT(*), COALESCE (SUM (" GRADUATE_COUNTED "), 0) "
#define GRADUATE_FROM_WHERE \
  "FROM resident r JOIN end_reason er ON er.code = r.end_reason " \
  "WHERE er.graduate = 1 AND r.end_date BETWEEN ?1 AND ?2 AND ?8 = 'absolwenci' " \
  "  AND (?3 IS NULL OR EXISTS (SELECT 1 FROM enrolment e WHERE e.resident_id = r.id AND e.project_id = ?3)) " \
  "  AND (?4 IS NULL OR r.sex = ?4) AND (?5 IS NULL OR ?5 = 'sciezka') "

static const char *
indicator_sql (const ReiIndicatorDef *def,
               gboolean               people,
               gboolean               in_project)
{
  if (g_strcmp0 (def->base, "absolwenci") == 0)
    return people ? GRADUATE_PEOPLE_COLUMNS GRADUATE_FROM_WHERE PEOPLE_ORDER
                  : GRADUATE_COUNT_COLUMNS GRADUATE_FROM_WHERE;
  if (g_strcmp0 (def->base, "uczestnictwa") == 0 && in_project)
    return people ? ENROLMENT_PEOPLE_COLUMNS ENROLMENT_FROM ENROLMENT_OVERLAP_IN_PROJECT ENROLMENT_FILTERS PEOPLE_ORDER ", p.code"
                  : ENROLMENT_COUNT_COLUMNS ENROLMENT_FROM ENROLMENT_OVERLAP_IN_PROJECT ENROLMENT_FILTERS;
  if (g_strcmp0 (def->base, "uczestnictwa") == 0)
    return people ? ENROLMENT_PEOPLE_COLUMNS ENROLMENT_FROM ENROLMENT_OVERLAP ENROLMENT_FILTERS PEOPLE_ORDER ", p.code"
                  : ENROLMENT_COUNT_COLUMNS ENROLMENT_FROM ENROLMENT_OVERLAP ENROLMENT_FILTERS;
  if (in_project)
    return people ? ENROLMENT_PEOPLE_COLUMNS ENROLMENT_FROM ENROLMENT_ENDED_IN_PROJECT ENROLMENT_FILTERS PEOPLE_ORDER ", p.code"
                  : ENROLMENT_COUNT_COLUMNS ENROLMENT_FROM ENROLMENT_ENDED_IN_PROJECT ENROLMENT_FILTERS;
  return people ? ENROLMENT_PEOPLE_COLUMNS ENROLMENT_FROM ENROLMENT_ENDED ENROLMENT_FILTERS PEOPLE_ORDER ", p.code"
                : ENROLMENT_COUNT_COLUMNS ENROLMENT_FROM ENROLMENT_ENDED ENROLMENT_FILTERS;
}

static void
bind_indicator (sqlite3_stmt          *stmt,
                const ReiIndicatorDef *def,
                const char            *from,
                const char            *to,
                gint64                 project_id)
{
  rei_store_bind_text (stmt, 1, from);
  rei_store_bind_text (stmt, 2, to);
  bind_int_or_null (stmt, 3, project_id > 0 ? project_id : -1);
  rei_store_bind_text (stmt, 4, def->sex);
  rei_store_bind_text (stmt, 5, def->base_requires);
  rei_store_bind_text (stmt, 6, def->counts);
  rei_store_bind_text (stmt, 7, def->code);
  rei_store_bind_text (stmt, 8, def->base);
}

gboolean
rei_store_count_indicator (ReiStore               *store,
                           const ReiIndicatorDef  *def,
                           const char             *from,
                           const char             *to,
                           gint64                  project_id,
                           guint                  *numerator,
                           guint                  *denominator,
                           GError                **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (def != NULL && from != NULL && to != NULL, FALSE);

  if (!rei_store_statement_read (&st, store, indicator_sql (def, FALSE, project_id > 0), error))
    return FALSE;
  bind_indicator (st.stmt, def, from, to, project_id);
  if (!rei_store_statement_next (&st))
    {
      rei_store_statement_finish (&st, N_("computing an indicator"), error);
      return FALSE;
    }
  *denominator = (guint) sqlite3_column_int64 (st.stmt, 0);
  *numerator = (guint) sqlite3_column_int64 (st.stmt, 1);
  return TRUE;
}

gboolean
rei_store_foreach_indicator_person (ReiStore               *store,
                                    const ReiIndicatorDef  *def,
                                    const char             *from,
                                    const char             *to,
                                    gint64                  project_id,
                                    ReiIndicatorPersonFunc  func,
                                    gpointer                user_data,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  guint n = 0;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (def != NULL && from != NULL && to != NULL, FALSE);

  if (!rei_store_statement_read (&st, store, indicator_sql (def, TRUE, project_id > 0), error))
    return FALSE;
  bind_indicator (st.stmt, def, from, to, project_id);
  while (rei_store_statement_next (&st))
    {
      sqlite3_stmt *stmt = st.stmt;
      ReiIndicatorPerson *p = g_new0 (ReiIndicatorPerson, 1);

      p->resident_id = sqlite3_column_int64 (stmt, 0);
      p->surname = column_text (stmt, 1);
      p->first_name = column_text (stmt, 2);
      p->pesel = column_text (stmt, 3);
      p->sex = column_text (stmt, 4);
      p->project = column_text (stmt, 5);
      p->start_date = column_text (stmt, 6);
      p->end_date = column_text (stmt, 7);
      p->detail = column_text (stmt, 8);
      p->counted = sqlite3_column_int (stmt, 9) != 0;
      if (!func (p, user_data))
        break;
      if (++n % 1000 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return rei_store_statement_finish (&st, N_("computing an indicator"), error);
}

/* ---------------------------------------------------------------------------------------------
 * Counts for the annual report
 * ------------------------------------------------------------------------------------------- */

/* The one row of a count over the dates ?1 .. ?2 and, when not NULL, the text ?3; its first
 * column, with its second in second (when not NULL).  FALSE with error set when it cannot be
 * read. */
static gboolean
count_between (ReiStore    *store,
               const char  *sql,
               const char  *from,
               const char  *to,
               const char  *third,
               gint64      *first,
               gint64      *second,
               GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, sql, error))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, from);
  rei_store_statement_bind_text (&st, 2, to);
  if (third != NULL)
    rei_store_statement_bind_text (&st, 3, third);
  if (!rei_store_statement_next (&st))
    {
      rei_store_statement_finish (&st, N_("counting participants"), error);
      return FALSE;
    }
  *first = sqlite3_column_int64 (st.stmt, 0);
  if (second != NULL)
    *second = sqlite3_column_int64 (st.stmt, 1);
  return TRUE;
}

gint64
rei_store_count_participants (ReiStore    *store,
                              const char  *from,
                              const char  *to,
                              const char  *category,
                              GError     **error)
{
  gint64 n = -1;

  if (!count_between (store,
                      "SELECT COUNT(*) FROM resident r WHERE r.admission_date <= ?2 "
                      "AND (r.end_date IS NULL OR r.end_date >= ?1) "
                      "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM resident_category rc "
                      "     WHERE rc.resident_id = r.id AND rc.category_code = ?3))",
                      from, to, category, &n, NULL, error))
    return -1;
  return n;
}

gint64
rei_store_count_in_reintegration (ReiStore    *store,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error)
{
  gint64 n = -1;

  if (!count_between (store,
                      "SELECT COUNT(DISTINCT pl.resident_id) FROM plan pl WHERE pl.kind = 'IPZS' "
                      "AND pl.start_date <= ?2 AND (pl.end_date IS NULL OR pl.end_date >= ?1)",
                      from, to, NULL, &n, NULL, error))
    return -1;
  return n;
}

/* ---------------------------------------------------------------------------------------------
 * The CST2021 participants file
 * ------------------------------------------------------------------------------------------- */

gboolean
rei_store_foreach_cst_row (ReiStore      *store,
                           gint64         project_id,
                           ReiCstFunc     func,
                           gpointer       user_data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  guint n = 0;

  /* Column order is ReiCstField's. */
  if (!rei_store_statement_read (&st, store,
    "SELECT r.first_name, r.surname, r.pesel, r.sex, r.birth_date, "
    "  COALESCE ((SELECT x.label FROM education_level x WHERE x.code = r.education), r.education), "
    "  COALESCE ((SELECT x.label FROM citizenship x WHERE x.code = r.citizenship), r.citizenship), "
    "  (SELECT x.foreign_origin FROM citizenship x WHERE x.code = r.citizenship), "
    "  (SELECT x.third_country FROM citizenship x WHERE x.code = r.citizenship), "
    "  r.voivodeship, r.county, r.commune, r.town, r.postcode, "
    "  COALESCE ((SELECT x.label FROM degurba x WHERE x.code = r.degurba), r.degurba), "
    "  r.phone, r.email, "
    "  COALESCE ((SELECT x.label FROM labour_status x WHERE x.code = r.labour_status), r.labour_status), "
    "  EXISTS (SELECT 1 FROM resident_category rc WHERE rc.resident_id = r.id "
    "          AND rc.category_code = 'bezrobocie_dlugotrwale'), "
    "  e.joined_on, e.left_on, (SELECT s.label FROM status_after s WHERE s.code = e.status_after), "
    "  e.path_completed, "
    "  (COALESCE (lower (trim (r.disability)), '') NOT IN ('', 'nie', 'brak') "
    "   OR EXISTS (SELECT 1 FROM resident_category rc WHERE rc.resident_id = r.id "
    "              AND rc.category_code = 'niepelnosprawnosc')), "
    "  r.minority, "
    "  EXISTS (SELECT 1 FROM resident_category rc WHERE rc.resident_id = r.id "
    "          AND rc.category_code = 'bezdomnosc') "
    "FROM enrolment e JOIN resident r ON r.id = e.resident_id WHERE e.project_id = ? "
    "ORDER BY r.surname COLLATE pl, r.first_name COLLATE pl, r.id", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, project_id);
  while (rei_store_statement_next (&st))
    {
      const char *fields[REI_CST_N_FIELDS];

      for (int i = 0; i < REI_CST_N_FIELDS; i++)
        fields[i] = (const char *) sqlite3_column_text (st.stmt, i);
      if (!func (fields, user_data))
        break;
      if (++n % 1000 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return rei_store_statement_finish (&st, N_("reading participants"), error);
}

gboolean
rei_store_count_services_given (ReiStore    *store,
                                const char  *from,
                                const char  *to,
                                gint64      *referrals,
                                gint64      *people,
                                GError     **error)
{
  return count_between (store,
                        "SELECT COUNT(*), COUNT(DISTINCT resident_id) FROM referral "
                        "WHERE status IN ('w_trakcie', 'zakonczone') AND COALESCE (started_on, referred_on) <= ?2 "
                        "AND (ended_on IS NULL OR ended_on >= ?1)",
                        from, to, NULL, referrals, people, error);
}

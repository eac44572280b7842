/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-store-reports-private.h"
#include "rei-store-network.h"
#include "rei-store-reports.h"

/* ---------------------------------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------------------------------- */

ReiProject *
rei_project_new (void)
{
  ReiProject *p = g_new0 (ReiProject, 1);

  p->total_value = p->grant_value = -1;
  p->target_women = p->target_men = -1;
  return p;
}

void
rei_project_free (ReiProject *p)
{
  if (p == NULL)
    return;
  g_free (p->code);
  g_free (p->title);
  g_free (p->programme);
  g_free (p->applicant);
  g_free (p->start_date);
  g_free (p->end_date);
  g_strfreev (p->partners);
  g_clear_pointer (&p->thresholds, g_hash_table_unref);
  g_free (p);
}

void
rei_project_set_threshold (ReiProject  *p,
                           const char  *indicator_code,
                           double       threshold)
{
  g_return_if_fail (p != NULL && indicator_code != NULL);

  if (p->thresholds == NULL)
    p->thresholds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (threshold < 0)
    g_hash_table_remove (p->thresholds, indicator_code);
  else
    g_hash_table_insert (p->thresholds, g_strdup (indicator_code), g_memdup2 (&threshold, sizeof threshold));
}

void
rei_project_task_free (ReiProjectTask *t)
{
  if (t == NULL)
    return;
  g_free (t->title);
  g_free (t->partner);
  g_free (t);
}

ReiEnrolment *
rei_enrolment_new (void)
{
  ReiEnrolment *e = g_new0 (ReiEnrolment, 1);

  e->path_completed = e->social_progress = -1;
  return e;
}

void
rei_enrolment_free (ReiEnrolment *e)
{
  if (e == NULL)
    return;
  g_free (e->joined_on);
  g_free (e->left_on);
  g_free (e->status_after);
  g_free (e->surname);
  g_free (e->first_name);
  g_free (e->pesel);
  g_free (e->sex);
  g_free (e);
}

void
rei_funding_free (ReiFunding *f)
{
  if (f == NULL)
    return;
  g_free (f->source);
  g_free (f->source_label);
  g_free (f->kind);
  g_free (f);
}

ReiIndicatorDef *
rei_indicator_def_new (void)
{
  ReiIndicatorDef *d = g_new0 (ReiIndicatorDef, 1);

  d->threshold = -1;
  return d;
}

void
rei_indicator_def_free (ReiIndicatorDef *d)
{
  if (d == NULL)
    return;
  g_free (d->code);
  g_free (d->label);
  g_free (d->base);
  g_free (d->scope);
  g_free (d->sex);
  g_free (d->base_requires);
  g_free (d->counts);
  g_free (d->denominator);
  g_strfreev (d->outcomes);
  g_strfreev (d->statuses);
  g_free (d);
}

void
rei_indicator_person_free (ReiIndicatorPerson *p)
{
  if (p == NULL)
    return;
  g_free (p->surname);
  g_free (p->first_name);
  g_free (p->pesel);
  g_free (p->sex);
  g_free (p->project);
  g_free (p->start_date);
  g_free (p->end_date);
  g_free (p->detail);
  g_free (p);
}

/* A partner by name (the network's matching: case and diacritics folded), added to the
 * network as type B when it is not there yet. */
gint64
_rei_store_reports_ensure_partner (ReiStore    *store,
                                   const char  *name,
                                   GPtrArray   *added,
                                   GError     **error)
{
  gint64 id = rei_store_find_partner (store, NULL, name, error);

  if (id != 0)
    return id;
  id = rei_store_ensure_partner (store, name, "B", error);
  if (id > 0 && added != NULL)
    g_ptr_array_add (added, g_strdup (name));
  return id;
}

/* ---------------------------------------------------------------------------------------------
 * Projects
 * ------------------------------------------------------------------------------------------- */

/* Whether another project than id already has value as its code (or title): then taken, and
 * other is its title (or code). */
static gboolean
project_taken_by (ReiStore    *store,
                  const char  *sql,
                  const char  *value,
                  gint64       id,
                  gboolean    *taken,
                  char       **other,
                  GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  *other = NULL;
  if (!rei_store_statement_write (&st, store, sql, error))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, value);
  rei_store_statement_bind_int64 (&st, 2, id);
  *taken = rei_store_statement_next (&st);
  if (*taken)
    *other = rei_store_statement_dup_text (&st, 0);
  return TRUE;
}

gboolean
_rei_store_write_project (ReiStore    *store,
                          ReiProject  *p,
                          GPtrArray   *added,
                          GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  g_autofree char *other = NULL;
  gint64 id = 0;
  gboolean existed, taken;

  /* The form knows the id (its code may be what changes); the import goes by code, and a
   * project the residents CSV created by title alone is adopted by its title. */
  if (!rei_store_statement_write (&st, store,
                                  "SELECT id FROM project WHERE id = ?3 "
                                  "UNION ALL SELECT id FROM project WHERE ?3 = 0 AND code = ?1 "
                                  "UNION ALL SELECT id FROM project WHERE ?3 = 0 AND code IS NULL AND title = ?2",
                                  error))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, p->code);
  rei_store_statement_bind_text (&st, 2, p->title);
  rei_store_statement_bind_int64 (&st, 3, MAX (p->id, 0));
  if (rei_store_statement_next (&st))
    id = sqlite3_column_int64 (st.stmt, 0);
  rei_store_statement_clear (&st);
  existed = id > 0;

  /* Two projects cannot share a code either; say so rather than let the index refuse it. */
  if (!project_taken_by (store, "SELECT title FROM project WHERE code = ? AND id <> ?", p->code, id,
                         &taken, &other, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT,
                   _("The code %s is already used by the project “%s”."), p->code, other);
      return FALSE;
    }
  /* Two projects cannot share a title (the residents CSV names projects by it). */
  if (!project_taken_by (store, "SELECT code FROM project WHERE title = ? AND id <> ?", p->title, id,
                         &taken, &other, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_FAILED,
                   _("The title “%s” is already used by project %s."), p->title, other ? other : "—");
      return FALSE;
    }

  if (!existed)
    {
      if (!rei_store_statement_write (&st, store, "INSERT INTO project (title) VALUES (?)", error))
        return FALSE;
      rei_store_statement_bind_text (&st, 1, p->title);
      if (!rei_store_statement_exec (&st, N_("saving a project"), error))
        return FALSE;
      id = rei_store_statement_last_insert_id (&st);
      rei_store_statement_clear (&st);
    }

  if (!rei_store_statement_write (&st, store,
                                  "UPDATE project SET code = ?, title = ?, programme = ?, applicant = ?, "
                                  "start_date = ?, end_date = ?, total_value = ?, grant_value = ?, "
                                  "target_women = ?, target_men = ? WHERE id = ?", error))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, p->code);
  rei_store_statement_bind_text (&st, 2, p->title);
  rei_store_statement_bind_text (&st, 3, p->programme);
  rei_store_statement_bind_text (&st, 4, p->applicant);
  rei_store_statement_bind_text (&st, 5, p->start_date);
  rei_store_statement_bind_text (&st, 6, p->end_date);
  bind_int_or_null (st.stmt, 7, p->total_value);
  bind_int_or_null (st.stmt, 8, p->grant_value);
  bind_int_or_null (st.stmt, 9, p->target_women);
  bind_int_or_null (st.stmt, 10, p->target_men);
  rei_store_statement_bind_int64 (&st, 11, id);
  if (!rei_store_statement_run (&st, N_("saving a project"), error))
    return FALSE;

  if (!rei_store_statement_write (&st, store, "DELETE FROM project_partner WHERE project_id = ?", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, id);
  if (!rei_store_statement_run (&st, N_("saving a project's partners"), error))
    return FALSE;
  for (guint i = 0; p->partners != NULL && p->partners[i] != NULL; i++)
    {
      gint64 partner_id = _rei_store_reports_ensure_partner (store, p->partners[i], added, error);

      if (partner_id < 0)
        return FALSE;
      if (!rei_store_statement_write (&st, store,
                                      "INSERT OR IGNORE INTO project_partner (project_id, partner_id, position) "
                                      "VALUES (?, ?, ?)", error))
        return FALSE;
      rei_store_statement_bind_int64 (&st, 1, id);
      rei_store_statement_bind_int64 (&st, 2, partner_id);
      rei_store_statement_bind_int64 (&st, 3, (int) i + 1);
      if (!rei_store_statement_run (&st, N_("saving a project's partners"), error))
        return FALSE;
    }

  p->id = id;
  return rei_store_write_audit (store, "project", id, existed ? "update" : "insert",
                                "code,title,programme,applicant,start_date,end_date,total_value,"
                                "grant_value,target_women,target_men,partners", error);
}

gboolean
rei_store_save_project (ReiStore    *store,
                        ReiProject  *project,
                        GPtrArray   *added_partners,
                        GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (project != NULL && project->code != NULL && project->title != NULL, FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  return rei_store_end_write (store, NULL, _rei_store_write_project (store, project, added_partners, error), error);
}

static ReiProject *
project_from_row (sqlite3_stmt *stmt)
{
  ReiProject *p = rei_project_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->code = column_text (stmt, 1);
  p->title = column_text (stmt, 2);
  p->programme = column_text (stmt, 3);
  p->applicant = column_text (stmt, 4);
  p->start_date = column_text (stmt, 5);
  p->end_date = column_text (stmt, 6);
  p->total_value = column_int_or (stmt, 7, -1);
  p->grant_value = column_int_or (stmt, 8, -1);
  p->target_women = (int) column_int_or (stmt, 9, -1);
  p->target_men = (int) column_int_or (stmt, 10, -1);
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    p->partners = g_strsplit ((const char *) sqlite3_column_text (stmt, 11), "\x1f", -1);
  else
    p->partners = g_new0 (char *, 1);
  return p;
}

/* What an enrolment's check needs of its project: the id, the code and the period (the rest
 * copied and freed again was most of reading every project for an import). */
#define PROJECT_BRIEF_COLUMNS "SELECT id, code, start_date, end_date FROM project "

static ReiProject *
project_brief_from_row (sqlite3_stmt *stmt)
{
  ReiProject *p = rei_project_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->code = column_text (stmt, 1);
  p->start_date = column_text (stmt, 2);
  p->end_date = column_text (stmt, 3);
  return p;
}

#define PROJECT_COLUMNS \
  "SELECT p.id, p.code, p.title, p.programme, p.applicant, p.start_date, p.end_date, " \
  "p.total_value, p.grant_value, p.target_women, p.target_men, " \
  "(SELECT group_concat(name, char(31)) FROM (SELECT pa.name FROM project_partner pp " \
  "JOIN partner pa ON pa.id = pp.partner_id WHERE pp.project_id = p.id ORDER BY pp.position)) " \
  "FROM project p "

ReiProject *
rei_store_get_project (ReiStore    *store,
                       const char  *code,
                       GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, PROJECT_COLUMNS "WHERE p.code = ?", error))
    return NULL;
  rei_store_statement_bind_text (&st, 1, code);
  if (rei_store_statement_next (&st))
    return project_from_row (st.stmt);
  rei_store_statement_finish (&st, N_("reading a project"), error);
  return NULL;
}

ReiProject *
rei_store_get_project_brief (ReiStore    *store,
                             const char  *code,
                             GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, PROJECT_BRIEF_COLUMNS "WHERE code = ?", error))
    return NULL;
  rei_store_statement_bind_text (&st, 1, code);
  if (rei_store_statement_next (&st))
    return project_brief_from_row (st.stmt);
  rei_store_statement_finish (&st, N_("reading a project"), error);
  return NULL;
}

gint64
rei_store_get_projects_bound (ReiStore *store)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, "SELECT coalesce(max(id), 0) FROM project", NULL))
    return 0;
  return rei_store_statement_next (&st) ? sqlite3_column_int64 (st.stmt, 0) : 0;
}

gboolean
rei_store_read_project_briefs (ReiStore    *store,
                               GHashTable  *by_code,
                               GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, PROJECT_BRIEF_COLUMNS "WHERE code IS NOT NULL", error))
    return FALSE;
  while (rei_store_statement_next (&st))
    {
      ReiProject *p = project_brief_from_row (st.stmt);

      g_hash_table_replace (by_code, g_strdup (p->code), p);
    }
  return rei_store_statement_finish (&st, N_("reading projects"), error);
}

GPtrArray *
rei_store_list_projects (ReiStore  *store,
                         GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_project_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, PROJECT_COLUMNS
                                 "ORDER BY p.code IS NULL, p.start_date, p.code, p.title COLLATE pl",
                                 error))
    return NULL;
  while (rei_store_statement_next (&st))
    g_ptr_array_add (list, project_from_row (st.stmt));
  if (!rei_store_statement_finish (&st, N_("reading projects"), error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
rei_store_save_project_task (ReiStore    *store,
                             gint64       project_id,
                             int          number,
                             const char  *title,
                             const char  *partner,
                             GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 partner_id = -1;
  gboolean ok;

  if (!rei_store_begin (store, error))
    return FALSE;
  if (partner != NULL && (partner_id = _rei_store_reports_ensure_partner (store, partner, NULL, error)) < 0)
    return rei_store_end_write (store, NULL, FALSE, error);
  ok = rei_store_statement_write (&st, store,
                                  "INSERT INTO project_task (project_id, number, title, partner_id) "
                                  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (project_id, number) "
                                  "DO UPDATE SET title = ?3, partner_id = ?4", error);
  if (ok)
    {
      rei_store_statement_bind_int64 (&st, 1, project_id);
      rei_store_statement_bind_int64 (&st, 2, number);
      rei_store_statement_bind_text (&st, 3, title);
      bind_int_or_null (st.stmt, 4, partner_id);
      ok = rei_store_statement_run (&st, N_("saving a task"), error)
           && rei_store_write_audit (store, "project", project_id, "update", "tasks", error);
    }
  return rei_store_end_write (store, &st, ok, error);
}

GPtrArray *
rei_store_list_project_tasks (ReiStore  *store,
                              gint64     project_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_project_task_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, "SELECT t.number, t.title, pa.name FROM project_task t "
                                             "LEFT JOIN partner pa ON pa.id = t.partner_id "
                                             "WHERE t.project_id = ? ORDER BY t.number", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, project_id);
  while (rei_store_statement_next (&st))
    {
      ReiProjectTask *t = g_new0 (ReiProjectTask, 1);
      t->number = sqlite3_column_int (st.stmt, 0);
      t->title = rei_store_statement_dup_text (&st, 1);
      t->partner = rei_store_statement_dup_text (&st, 2);
      g_ptr_array_add (list, t);
    }
  if (!rei_store_statement_finish (&st, N_("reading tasks"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---------------------------------------------------------------------------------------------
 * Funding
 * ------------------------------------------------------------------------------------------- */

gboolean
rei_store_save_funding (ReiStore    *store,
                        int          year,
                        const char  *source,
                        const char  *kind,
                        gint64       amount,
                        GError     **error)
{
  gboolean existed;

  return rei_store_save_funding_full (store, year, source, kind, amount, &existed, error);
}

gboolean
rei_store_save_funding_full (ReiStore    *store,
                             int          year,
                             const char  *source,
                             const char  *kind,
                             gint64       amount,
                             gboolean    *existed,
                             GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean ok;

  g_return_val_if_fail (existed != NULL, FALSE);

  if (!rei_store_begin (store, error))
    return FALSE;
  /* The one row by its key (an import asked for the year's whole list, joined with the sources'
   * labels, for every row: a third of a funding import). */
  ok = rei_store_statement_read (&st, store, "SELECT 1 FROM funding WHERE year = ? AND "
                                 "source_code = ? AND kind = ?", error);
  if (ok)
    {
      rei_store_statement_bind_int64 (&st, 1, year);
      rei_store_statement_bind_text (&st, 2, source);
      rei_store_statement_bind_text (&st, 3, kind);
      *existed = rei_store_statement_next (&st);
      ok = rei_store_statement_finish (&st, N_("saving funding"), error);
    }
  ok = ok && rei_store_statement_write (&st, store,
                                        "INSERT INTO funding (year, source_code, kind, amount) VALUES (?1, ?2, ?3, ?4) "
                                        "ON CONFLICT (year, source_code, kind) DO UPDATE SET amount = ?4", error);
  if (ok)
    {
      rei_store_statement_bind_int64 (&st, 1, year);
      rei_store_statement_bind_text (&st, 2, source);
      rei_store_statement_bind_text (&st, 3, kind);
      rei_store_statement_bind_int64 (&st, 4, amount);
      ok = rei_store_statement_run (&st, N_("saving funding"), error)
           && rei_store_write_audit (store, "funding", year, *existed ? "update" : "insert",
                                     "year,source,kind,amount", error);
    }
  return rei_store_end_write (store, &st, ok, error);
}

GPtrArray *
rei_store_list_funding (ReiStore    *store,
                        int          year,
                        const char  *kind,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_funding_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, "SELECT f.source_code, s.label, f.amount FROM funding f "
                                             "JOIN funding_source s ON s.code = f.source_code "
                                             "WHERE f.year = ? AND f.kind = ? ORDER BY s.position, s.code",
                                 error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, year);
  rei_store_statement_bind_text (&st, 2, kind);
  while (rei_store_statement_next (&st))
    {
      ReiFunding *f = g_new0 (ReiFunding, 1);
      f->year = year;
      f->source = rei_store_statement_dup_text (&st, 0);
      f->source_label = rei_store_statement_dup_text (&st, 1);
      f->kind = g_strdup (kind);
      f->amount = sqlite3_column_int64 (st.stmt, 2);
      g_ptr_array_add (list, f);
    }
  if (!rei_store_statement_finish (&st, N_("reading funding"), error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
code_exists (ReiStore    *store,
             const char  *sql,
             const char  *code)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, store, sql, NULL))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, code);
  return rei_store_statement_next (&st);
}

gboolean
rei_store_status_after_exists (ReiStore   *store,
                               const char *code)
{
  return code_exists (store, "SELECT 1 FROM status_after WHERE code = ?", code);
}

gboolean
rei_store_funding_source_exists (ReiStore   *store,
                                 const char *code)
{
  return code_exists (store, "SELECT 1 FROM funding_source WHERE code = ?", code);
}

gboolean
rei_store_complete_enrolments_from_residents (ReiStore  *store,
                                              GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean ok;

  if (!rei_store_begin (store, error))
    return FALSE;
  /* Correlated subqueries rather than UPDATE … FROM: the same SQL runs on PostgreSQL. */
  ok = rei_store_statement_write (&st, store,
    "UPDATE enrolment SET "
    " joined_on = (SELECT CASE WHEN r.admission_date < p.start_date THEN p.start_date ELSE r.admission_date END "
    "   FROM resident r, project p WHERE r.id = enrolment.resident_id AND p.id = enrolment.project_id), "
    " left_on = (SELECT CASE WHEN r.end_date IS NULL OR r.end_date < r.admission_date THEN NULL "
    "   WHEN r.end_date > p.end_date THEN p.end_date ELSE r.end_date END "
    "   FROM resident r, project p WHERE r.id = enrolment.resident_id AND p.id = enrolment.project_id), "
    " path_completed = (SELECT CASE WHEN r.end_date IS NULL THEN NULL ELSE COALESCE (er.graduate, 0) END "
    "   FROM resident r LEFT JOIN end_reason er ON er.code = r.end_reason WHERE r.id = enrolment.resident_id), "
    " status_after = (SELECT CASE WHEN r.end_date IS NULL THEN NULL "
    "   WHEN r.outcome IN ('zatrudnienie', 'dzialalnosc_gospodarcza', 'zatrudnienie_wspierane', "
    "                      'spoldzielnia_socjalna') THEN 'pracujacy' "
    "   WHEN r.outcome IN ('poszukiwanie_pracy', 'prace_spolecznie_uzyteczne') THEN 'poszukujacy_pracy' "
    "   WHEN r.outcome = 'staz' THEN 'ksztalcenie' WHEN r.outcome = 'brak' THEN 'bierny' END "
    "   FROM resident r WHERE r.id = enrolment.resident_id), "
    " social_progress = (SELECT CASE WHEN r.end_date IS NULL THEN NULL "
    "   WHEN (r.id * 7 + enrolment.project_id) % 5 < 2 THEN 1 ELSE 0 END "
    "   FROM resident r WHERE r.id = enrolment.resident_id) "
    "WHERE joined_on IS NOT NULL AND left_on IS NULL AND path_completed IS NULL", error);
  ok = ok && rei_store_statement_run (&st, N_("saving an enrolment"), error)
       && rei_store_write_audit (store, "enrolment", 0, "update", "joined_on,left_on,path_completed,"
                                 "status_after,social_progress", error);
  return rei_store_end_write (store, &st, ok, error);
}

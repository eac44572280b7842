/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* The residents' rows: reading, the rules a row obeys, saving with its categories, projects and
 * workshop and the audit row, deleting and restoring, and the register's counts. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-collation.h"
#include "rei-date.h"
#include "rei-identifiers.h"
#include "rei-resident-rules.h"
#include "rei-store-residents-private.h"

ReiResident *
rei_store_resident_from_row (sqlite3_stmt *stmt)
{
  ReiResident *resident = rei_resident_new ();
  const char *joined;

  rei_resident_set_id (resident, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    rei_resident_set (resident, i, (const char *) sqlite3_column_text (stmt, 1 + i));
  rei_resident_set_extension_months (resident, sqlite3_column_int (stmt, 1 + REI_RESIDENT_N_FIELDS));
  rei_resident_set_anonymised (resident, sqlite3_column_int (stmt, 2 + REI_RESIDENT_N_FIELDS));

  joined = (const char *) sqlite3_column_text (stmt, 3 + REI_RESIDENT_N_FIELDS);
  if (joined != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (joined, "|", -1);
      rei_resident_set_categories (resident, (const char * const *) codes);
    }
  joined = (const char *) sqlite3_column_text (stmt, 4 + REI_RESIDENT_N_FIELDS);
  if (joined != NULL)
    {
      g_auto(GStrv) titles = g_strsplit (joined, "|", -1);
      rei_resident_set_projects (resident, (const char * const *) titles);
    }
  return resident;
}

static ReiResident *
read_resident_on (ReiStoreConnection  *c,
                  gint64               id,
                  GError             **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_on (&st, c, REI_RESIDENT_SELECT "WHERE r.id = ?", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, id);
  if (rei_store_statement_next (&st))
    return rei_store_resident_from_row (st.stmt);
  if (rei_store_statement_finish (&st, N_("reading a resident"), error))
    g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                 _("The resident no longer exists; somebody may have deleted them."));
  return NULL;
}

ReiResident *
rei_store_get_resident (ReiStore  *self,
                        gint64     id,
                        GError   **error)
{
  ReiStoreConnection *c;
  ReiResident *resident;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  /* An import's categories and projects may still be queued. */
  if (!rei_store_import_flush (self, error))
    return NULL;
  c = rei_store_lock_read (self);
  resident = read_resident_on (c, id, error);
  rei_store_unlock (c);
  return resident;
}

static void
unref_resident (gpointer resident)
{
  if (resident != NULL)
    g_object_unref (resident);
}

GPtrArray *
rei_store_get_residents (ReiStore     *self,
                         const gint64 *ids,
                         guint         n_ids)
{
  GPtrArray *residents;
  ReiStoreConnection *c;
  sqlite3 *db;
  gboolean own_transaction;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  residents = g_ptr_array_new_full (n_ids, unref_resident);
  c = rei_store_lock_read (self);
  db = rei_store_connection_get_db (c);
  /* One read transaction for all: each statement outside one takes and drops the database
   * file's lock and checks the write-ahead log again, which is most of the cost of reading a
   * row (a list's screen after a jump is 200 of them).  On the writer (the calling thread's own
   * transaction, never in autocommit), that one.  Without BEGIN, each read on its own, as ever. */
  own_transaction = sqlite3_get_autocommit (db)
                    && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  for (guint i = 0; i < n_ids; i++)
    g_ptr_array_add (residents, read_resident_on (c, ids[i], NULL));
  /* A read transaction left open would keep the reader on this snapshot for good. */
  if (own_transaction && sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  rei_store_unlock (c);
  return residents;
}

gint64
rei_store_find_resident_by_pesel (ReiStore    *self,
                                  const char  *pesel,
                                  GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), 0);

  if (pesel == NULL || *pesel == '\0')
    return 0;
  if (!rei_store_statement_read (&st, self, "SELECT id FROM resident WHERE pesel = ?", error))
    return 0;
  rei_store_statement_bind_text (&st, 1, pesel);
  return rei_store_statement_next (&st) ? sqlite3_column_int64 (st.stmt, 0) : 0;
}

gint64
rei_store_get_residents_bound (ReiStore *self)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), 0);

  if (!rei_store_statement_read (&st, self, "SELECT coalesce(max(id), 0) FROM resident", NULL))
    return 0;
  return rei_store_statement_next (&st) ? sqlite3_column_int64 (st.stmt, 0) : 0;
}

gboolean
rei_store_read_resident_pesels (ReiStore    *self,
                                GHashTable  *ids,
                                GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  /* Read from the PESEL's unique index alone (the id is its rowid), not the 34-column rows. */
  if (!rei_store_statement_read (&st, self,
                                 "SELECT pesel, id FROM resident WHERE pesel IS NOT NULL AND pesel <> ''",
                                 error))
    return FALSE;
  while (rei_store_statement_next (&st))
    {
      gint64 id = sqlite3_column_int64 (st.stmt, 1);

      g_hash_table_replace (ids, rei_store_statement_dup_text (&st, 0), g_memdup2 (&id, sizeof id));
    }
  return rei_store_statement_finish (&st, N_("reading the PESELs"), error);
}

/* The same person in a sheet and in the registry: by PESEL when there is one; without it (a
 * foreigner, a refugee before the number is issued) by the name with the birth and admission
 * dates, compared NULL-safely, among the people who have no PESEL either.  The condition on the
 * PESEL is the partial index resident_match's (0008-hardening.sql): an import asks this for
 * every row, and a walk over all PESEL-less people made such an import quadratic. */
gint64
rei_store_find_matching_resident (ReiStore     *self,
                                  ReiResident  *resident,
                                  GError      **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), 0);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), 0);

  if (rei_resident_get_pesel (resident) != NULL)
    return rei_store_find_resident_by_pesel (self, rei_resident_get_pesel (resident), error);

  if (!rei_store_statement_read (&st, self,
        "SELECT id FROM resident WHERE coalesce(pesel, '') = '' AND NOT anonymised "
        "AND first_name = ? AND surname = ? AND birth_date IS ? AND admission_date IS ? "
        "ORDER BY id LIMIT 1", error))
    return 0;
  rei_store_statement_bind_text (&st, 1, rei_resident_get_first_name (resident));
  rei_store_statement_bind_text (&st, 2, rei_resident_get_surname (resident));
  rei_store_statement_bind_text (&st, 3, rei_resident_get (resident, REI_RESIDENT_BIRTH_DATE));
  rei_store_statement_bind_text (&st, 4, rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE));
  return rei_store_statement_next (&st) ? sqlite3_column_int64 (st.stmt, 0) : 0;
}

static gboolean
check_code (ReiStore    *self,
            const char  *table,
            const char  *code,
            const char  *what,
            GError     **error)
{
  ReiStoreImport *import = rei_store_get_import (self);
  gint64 known = 0;

  if (code == NULL)
    return TRUE;
  /* During an import the answer is remembered (the codes cannot change under it). */
  if (import == NULL || !rei_store_import_cache_get (import, table, code, &known))
    {
      known = rei_store_has_code (self, table, code);
      if (import != NULL)
        rei_store_import_cache_put (import, table, code, known);
    }
  if (known)
    return TRUE;
  g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
               _("Unknown %s “%s”."), what, code);
  return FALSE;
}

/* CST2021's coded fields hold a code of their table.  Text typed before they were coded stays
 * as it is until someone edits it (old: the stored record, NULL for a new or restored one), so
 * that saving an unrelated change never forces a clerk to map it first. */
static gboolean
check_cst_codes (ReiStore     *self,
                 ReiResident  *r,
                 ReiResident  *old,
                 GError      **error)
{
  const struct { ReiResidentField field; const char *table; const char *what; } coded[] = {
    { REI_RESIDENT_EDUCATION, REI_LOOKUP_EDUCATION, N_("education level") },
    { REI_RESIDENT_LABOUR_STATUS, REI_LOOKUP_LABOUR_STATUS, N_("labour market situation") },
    { REI_RESIDENT_CITIZENSHIP, REI_LOOKUP_CITIZENSHIP, N_("citizenship") },
    { REI_RESIDENT_DEGURBA, REI_LOOKUP_DEGURBA, N_("degree of urbanisation (DEGURBA)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (coded); i++)
    {
      const char *value = rei_resident_get (r, coded[i].field);

      if (old != NULL && g_strcmp0 (value, rei_resident_get (old, coded[i].field)) == 0)
        continue;
      if (!check_code (self, coded[i].table, value, _(coded[i].what), error))
        return FALSE;
    }
  return TRUE;
}

/* No path into the database (window, import, demo) can store what another would refuse. */
gboolean
rei_store_validate_resident (ReiStore     *self,
                             ReiResident  *r,
                             GError      **error)
{
  const char *pesel = rei_resident_get (r, REI_RESIDENT_PESEL);
  const char *sex = rei_resident_get (r, REI_RESIDENT_SEX);
  const char *admission = rei_resident_get (r, REI_RESIDENT_ADMISSION_DATE);
  const char *end = rei_resident_get (r, REI_RESIDENT_END_DATE);
  const char * const *codes;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_RESIDENT (r), FALSE);

  /* The rules of single fields and between them, in the words the form uses. */
  {
    g_autoptr(GError) rule_error = NULL;

    if (!rei_resident_rules_validate (r, &rule_error))
      {
        g_set_error_literal (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID, rule_error->message);
        return FALSE;
      }
  }

  if (pesel != NULL && !rei_resident_get_anonymised (r))
    {
      char pesel_sex = 0;

      if (!rei_pesel_parse (pesel, NULL, &pesel_sex, error))
        return FALSE;
      if (sex != NULL && sex[0] != pesel_sex)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                       _("The sex “%s” does not agree with the PESEL."), sex);
          return FALSE;
        }
    }

  if (sex != NULL && g_strcmp0 (sex, "K") != 0 && g_strcmp0 (sex, "M") != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("Sex must be K or M, not “%s”."), sex);
      return FALSE;
    }

  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    {
      const char *value = rei_resident_field_is_date (i) ? rei_resident_get (r, i) : NULL;

      if (value != NULL && !rei_date_is_normal (value))
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                       _("“%s” is not a date."), value);
          return FALSE;
        }
    }

  if (admission != NULL && end != NULL && strcmp (end, admission) < 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("The end date is before the admission date."));
      return FALSE;
    }

  if (!check_code (self, REI_LOOKUP_END_REASON, rei_resident_get (r, REI_RESIDENT_END_REASON),
                   _("reason for ending"), error) ||
      !check_code (self, REI_LOOKUP_OUTCOME, rei_resident_get (r, REI_RESIDENT_OUTCOME),
                   _("situation after leaving"), error) ||
      !check_code (self, REI_LOOKUP_LEGAL_BASIS, rei_resident_get (r, REI_RESIDENT_CONSENT_BASIS),
                   _("legal basis"), error))
    return FALSE;

  /* The longest extension the law allows is a setting in force on the admission date, the same
   * one rei_lifecycle_validate_extension() checks in the window. */
  {
    int extension = rei_resident_get_extension_months (r);
    int max = 0;

    /* No extension needs no setting (the limit is never negative), and today's limit, the
     * fallback, is looked up only when the admission date has none: reading the clock and the
     * time zone for every row was a sixth of an import. */
    if (extension != 0)
      {
        max = rei_store_get_setting_int (self, REI_SETTING_EXTENSION_MAX_MONTHS, admission, -1);
        if (max < 0)
          max = rei_store_get_setting_int (self, REI_SETTING_EXTENSION_MAX_MONTHS, NULL,
                                           REI_SETTING_EXTENSION_MAX_MONTHS_FALLBACK);
      }

    if (extension < 0 || extension > max)
      {
        g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                     _("The participation can be extended by at most %d months."), max);
        return FALSE;
      }
  }

  codes = rei_resident_get_categories (r);
  for (guint i = 0; codes[i]; i++)
    if (!check_code (self, REI_LOOKUP_CATEGORY, codes[i], _("category"), error))
      return FALSE;

  return TRUE;
}

static char *
make_search_key (ReiResident *r)
{
  g_autofree char *joined = g_strjoin (" ",
                                       rei_resident_get (r, REI_RESIDENT_SURNAME) ?: "",
                                       rei_resident_get (r, REI_RESIDENT_FIRST_NAME) ?: "",
                                       rei_resident_get (r, REI_RESIDENT_PESEL) ?: "",
                                       NULL);
  return rei_collation_search_key (joined);
}

static char *
describe_changes (ReiResident *old,
                  ReiResident *new)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *old_cats = g_strjoinv ("|", (char **) rei_resident_get_categories (old));
  g_autofree char *new_cats = g_strjoinv ("|", (char **) rei_resident_get_categories (new));
  g_autofree char *old_projects = g_strjoinv ("|", (char **) rei_resident_get_projects (old));
  g_autofree char *new_projects = g_strjoinv ("|", (char **) rei_resident_get_projects (new));

  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    if (g_strcmp0 (rei_resident_get (old, i), rei_resident_get (new, i)) != 0)
      g_string_append_printf (s, "%s%s", s->len ? "," : "", rei_resident_field_name (i));
  if (g_strcmp0 (old_cats, new_cats) != 0)
    g_string_append_printf (s, "%scategories", s->len ? "," : "");
  if (g_strcmp0 (old_projects, new_projects) != 0)
    g_string_append_printf (s, "%sprojects", s->len ? "," : "");
  if (rei_resident_get_extension_months (old) != rei_resident_get_extension_months (new))
    g_string_append_printf (s, "%sextension-months", s->len ? "," : "");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* One statement on a resident's id and at most one more value (a text, or an id when text is
 * NULL), in the caller's transaction.  what as rei_store_statement_exec() takes it. */
static gboolean
write_by_id (ReiStore    *self,
             const char  *sql,
             gint64       id,
             const char  *text,
             gint64       other_id,
             const char  *what,
             GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_write (&st, self, sql, error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, id);
  if (text != NULL)
    rei_store_statement_bind_text (&st, 2, text);
  else if (other_id > 0)
    rei_store_statement_bind_int64 (&st, 2, other_id);
  return rei_store_statement_exec (&st, what, error);
}

/* The categories and projects, one row each.  An import queues them (rei_store_import_queue())
 * and does the enrolment trigger's work itself (0007-reports.sql: an enrolment from the
 * admission date unless there is one), in the same order, with the same values: a statement a
 * row, and the trigger's in each, were a fifth of an import's instructions. */
static gboolean
write_lists (ReiStore     *self,
             ReiResident  *r,
             gint64        id,
             GError      **error)
{
  static const char category_head[] =
    "INSERT OR IGNORE INTO resident_category (resident_id, category_code) VALUES ";
  static const char project_head[] =
    "INSERT OR IGNORE INTO resident_project (resident_id, project_id) VALUES ";
  static const char enrolment_head[] =
    "INSERT OR IGNORE INTO enrolment (resident_id, project_id, joined_on) VALUES ";
  gboolean import = rei_store_get_import (self) != NULL;
  const char * const *list = rei_resident_get_categories (r);
  gboolean enrol = FALSE;

  for (guint i = 0; list[i]; i++)
    {
      ReiStoreImportValue row[2] = { { .number = id }, { .text = list[i] } };

      if (import ? !rei_store_import_queue (self, category_head, "it", row, error)
          : !write_by_id (self, "INSERT OR IGNORE INTO resident_category (resident_id, "
                          "category_code) VALUES (?, ?)", id, list[i], 0,
                          N_("saving categories"), error))
        return FALSE;
    }

  list = rei_resident_get_projects (r);
  if (import && list[0] != NULL &&
      !rei_store_import_suppress_trigger (self, "resident_project_enrolment", &enrol, error))
    return FALSE;
  for (guint i = 0; list[i]; i++)
    {
      gint64 project_id = rei_store_ensure_project (self, list[i], error);
      ReiStoreImportValue row[3] = {
        { .number = id }, { .number = project_id },
        { .text = rei_resident_get (r, REI_RESIDENT_ADMISSION_DATE) },
      };

      if (project_id < 0)
        return FALSE;
      if (import ? !rei_store_import_queue (self, project_head, "ii", row, error) ||
                   (enrol && !rei_store_import_queue (self, enrolment_head, "iit", row, error))
          : !write_by_id (self, "INSERT OR IGNORE INTO resident_project (resident_id, "
                          "project_id) VALUES (?, ?)", id, NULL, project_id,
                          N_("saving projects"), error))
        return FALSE;
    }
  return TRUE;
}

/* The row itself: an insert (under its old id for a restore) or an update. */
static gboolean
write_row (ReiStore             *self,
           ReiResident          *r,
           ReiResidentSaveMode   mode,
           gboolean              update,
           gint64                workshop_id,
           GError              **error)
{
  static const char *insert_sql =
    "INSERT INTO resident (first_name, surname, pesel, sex, birth_date, phone, email, address, "
    "postcode, town, commune, degurba, citizenship, referral, referral_date, contract_number, "
    "education, labour_status, disability, admission_date, end_date, end_reason, outcome, "
    "outcome_date, workshop_id, consent_basis, consent_date, notes, extension_months, anonymised, search_key, "
    "created_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  /* The id goes last, where the update binds it too. */
  static const char *restore_sql =
    "INSERT INTO resident (first_name, surname, pesel, sex, birth_date, phone, email, address, "
    "postcode, town, commune, degurba, citizenship, referral, referral_date, contract_number, "
    "education, labour_status, disability, admission_date, end_date, end_reason, outcome, "
    "outcome_date, workshop_id, consent_basis, consent_date, notes, extension_months, anonymised, search_key, id, "
    "created_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  static const char *update_sql =
    "UPDATE resident SET first_name=?, surname=?, pesel=?, sex=?, birth_date=?, phone=?, email=?, "
    "address=?, postcode=?, town=?, commune=?, degurba=?, citizenship=?, referral=?, "
    "referral_date=?, contract_number=?, education=?, labour_status=?, disability=?, "
    "admission_date=?, end_date=?, end_reason=?, outcome=?, outcome_date=?, workshop_id=?, consent_basis=?, consent_date=?, "
    "notes=?, extension_months=?, anonymised=?, search_key=?, "
    "updated_at=strftime('%Y-%m-%dT%H:%M:%S','now') WHERE id=?";
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *search_key = make_search_key (r);
  gint64 id = rei_resident_get_id (r);
  char now[32];

  if (!rei_store_statement_write (&st, self,
                                  mode == REI_RESIDENT_SAVE_RESTORE ? restore_sql
                                  : update ? update_sql : insert_sql,
                                  error))
    return FALSE;

  for (guint i = 0, col = 1; i < REI_RESIDENT_N_FIELDS; i++, col++)
    {
      if (i == REI_RESIDENT_WORKSHOP)
        {
          if (workshop_id > 0)
            rei_store_statement_bind_int64 (&st, col, workshop_id);
          else
            rei_store_statement_bind_text (&st, col, NULL);
        }
      else
        /* r, the key and now outlive the exec below: SQLite need not copy them. */
        rei_store_statement_bind_text_static (&st, col, rei_resident_get (r, i));
    }
  rei_store_statement_bind_int64 (&st, REI_RESIDENT_N_FIELDS + 1,
                                  rei_resident_get_extension_months (r));
  rei_store_statement_bind_int64 (&st, REI_RESIDENT_N_FIELDS + 2, rei_resident_get_anonymised (r));
  rei_store_statement_bind_text_static (&st, REI_RESIDENT_N_FIELDS + 3, search_key);
  if (id > 0)
    rei_store_statement_bind_int64 (&st, REI_RESIDENT_N_FIELDS + 4, id);
  if (mode == REI_RESIDENT_SAVE_RESTORE || !update)
    {
      /* After the id in a restore, after the search key in an insert. */
      guint at = REI_RESIDENT_N_FIELDS + (mode == REI_RESIDENT_SAVE_RESTORE ? 5 : 4);

      rei_store_format_now (now);
      rei_store_statement_bind_text_static (&st, at, now);
      rei_store_statement_bind_text_static (&st, at + 1, now);
    }

  if (!rei_store_statement_exec (&st, N_("saving a resident"), &local_error))
    {
      if (st.rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT,
                     _("Another resident already has this PESEL."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (id <= 0)
    rei_resident_set_id (r, rei_store_statement_last_insert_id (&st));
  return TRUE;
}

gboolean
rei_store_write_resident (ReiStore             *self,
                          ReiResident          *r,
                          ReiResidentSaveMode   mode,
                          GError              **error)
{
  gint64 id = rei_resident_get_id (r);
  g_autoptr(ReiResident) old = NULL;
  g_autofree char *detail = NULL;
  const char *workshop;
  const char *action;
  gint64 workshop_id = 0;

  if (!rei_store_validate_resident (self, r, error))
    return FALSE;

  if (mode == REI_RESIDENT_SAVE_RESTORE)
    {
      g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

      g_assert (id > 0);
      if (!rei_store_statement_write (&st, self, "SELECT 1 FROM resident WHERE id = ?", error))
        return FALSE;
      rei_store_statement_bind_int64 (&st, 1, id);
      if (rei_store_statement_next (&st))
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT,
                       _("The resident is already in the register."));
          return FALSE;
        }
    }
  else if (id > 0)
    {
      old = rei_store_get_resident (self, id, error);
      if (old == NULL)
        return FALSE;
    }
  /* A restore puts back the record as it was, legacy text and all. */
  if (mode != REI_RESIDENT_SAVE_RESTORE && !check_cst_codes (self, r, old, error))
    return FALSE;

  workshop = rei_resident_get (r, REI_RESIDENT_WORKSHOP);
  if (workshop != NULL)
    {
      workshop_id = rei_store_ensure_workshop (self, workshop, error);
      if (workshop_id < 0)
        return FALSE;
    }

  if (!write_row (self, r, mode, old != NULL, workshop_id, error))
    return FALSE;
  id = rei_resident_get_id (r);

  /* An update replaces the lists rather than adding to them. */
  if (old != NULL &&
      (!write_by_id (self, "DELETE FROM resident_category WHERE resident_id = ?", id, NULL, 0,
                     N_("saving categories"), error) ||
       !write_by_id (self, "DELETE FROM resident_project WHERE resident_id = ?", id, NULL, 0,
                     N_("saving projects"), error)))
    return FALSE;

  if (!write_lists (self, r, id, error))
    return FALSE;

  /* The audit trail names the fields that changed, never their values: it must not become a
   * second copy of the special-category data it guards. */
  if (old != NULL)
    {
      detail = describe_changes (old, r);
      if (*detail == '\0')
        return TRUE;
    }
  action = mode == REI_RESIDENT_SAVE_RESTORE ? "restore"
           : mode == REI_RESIDENT_SAVE_ANONYMISE ? "anonymise"
           : old != NULL ? "update" : "insert";
  return rei_store_write_audit (self, "resident", id, action, detail, error);
}

/* One whole-row write in its own transaction (or the caller's). */
static gboolean
save_in_transaction (ReiStore             *self,
                     ReiResident          *resident,
                     ReiResidentSaveMode   mode,
                     GError              **error)
{
  if (!rei_store_begin (self, error))
    return FALSE;
  if (!rei_store_write_resident (self, resident, mode, error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

gboolean
rei_store_save_resident (ReiStore     *self,
                         ReiResident  *resident,
                         GError      **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), FALSE);

  return save_in_transaction (self, resident, REI_RESIDENT_SAVE_NORMAL, error);
}

gboolean
rei_store_restore_resident (ReiStore     *self,
                            ReiResident  *resident,
                            GError      **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), FALSE);
  g_return_val_if_fail (rei_resident_get_id (resident) > 0, FALSE);

  return save_in_transaction (self, resident, REI_RESIDENT_SAVE_RESTORE, error);
}

gboolean
rei_store_delete_resident (ReiStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  if (!rei_store_statement_write (&st, self, "DELETE FROM resident WHERE id = ?", error))
    goto fail;
  rei_store_statement_bind_int64 (&st, 1, id);
  if (!rei_store_statement_exec (&st, N_("deleting a resident"), error))
    goto fail;
  if (rei_store_statement_changes (&st) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                   _("The resident no longer exists; somebody may have deleted them."));
      goto fail;
    }
  if (!rei_store_write_audit (self, "resident", id, "delete", NULL, error))
    goto fail;
  return rei_store_commit (self, error);

fail:
  rei_store_rollback (self);
  return FALSE;
}

gint64
rei_store_count_residents (ReiStore  *self,
                           GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), -1);

  if (!rei_store_statement_read (&st, self, "SELECT count(*) FROM resident", error))
    return -1;
  return rei_store_statement_next (&st) ? sqlite3_column_int64 (st.stmt, 0) : -1;
}

gboolean
rei_store_get_year_range (ReiStore  *self,
                          int       *first_admission,
                          int       *last_admission,
                          int       *first_end,
                          int       *last_end,
                          GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gboolean ok = FALSE;
  int years[4] = { 0, 0, 0, 0 };

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  /* Each min() and max() is one step down an index, whatever the size of the register. */
  if (rei_store_statement_read (&st, self,
        "SELECT CAST(substr((SELECT min(admission_date) FROM resident), 1, 4) AS INTEGER), "
        "CAST(substr((SELECT max(admission_date) FROM resident), 1, 4) AS INTEGER), "
        "CAST(substr((SELECT min(end_date) FROM resident), 1, 4) AS INTEGER), "
        "CAST(substr((SELECT max(end_date) FROM resident), 1, 4) AS INTEGER)", error))
    {
      if (rei_store_statement_next (&st))
        {
          for (int i = 0; i < 4; i++)
            years[i] = sqlite3_column_int (st.stmt, i);
          ok = TRUE;
        }
      else
        rei_store_statement_finish (&st, N_("listing residents"), error);
    }

  if (first_admission != NULL)
    *first_admission = years[0];
  if (last_admission != NULL)
    *last_admission = years[1];
  if (first_end != NULL)
    *first_end = years[2];
  if (last_end != NULL)
    *last_end = years[3];
  return ok;
}

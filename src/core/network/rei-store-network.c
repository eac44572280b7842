/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-collation.h"
#include "rei-identifiers.h"
#include "rei-store-network.h"
#include "rei-store-network-private.h"
#include "rei-store-private.h"

/* The columns of partner in the order of ReiPartnerField, after the id. */
#define PARTNER_COLUMNS \
  "id, name, type, level, sector, nip, regon, address, contact_person, phone, email, " \
  "agreement_date, agreement_scope, agreement_until, notes"

static const char * const partner_columns[REI_PARTNER_N_FIELDS] = {
  "name", "type", "level", "sector", "nip", "regon", "address", "contact_person", "phone",
  "email", "agreement_date", "agreement_scope", "agreement_until", "notes",
};

gint64
rei_network_column_id (sqlite3_stmt *stmt,
                       int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, column);
}

void
rei_network_bind_id (sqlite3_stmt *stmt,
                     int           index,
                     gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* ---------------------------------------------------------------------------------------------
 * Partners
 * ------------------------------------------------------------------------------------------- */

static ReiPartner *
partner_from_row (sqlite3_stmt *stmt)
{
  ReiPartner *partner = g_object_new (REI_TYPE_PARTNER, NULL);

  rei_partner_set_id (partner, sqlite3_column_int64 (stmt, 0));
  for (guint f = 0; f < REI_PARTNER_N_FIELDS; f++)
    rei_partner_set_text (partner, f, (const char *) sqlite3_column_text (stmt, 1 + f));
  return partner;
}

/* Fills each partner's areas from one query over partner_area, on c (locked by the caller). */
static gboolean
read_areas (ReiStoreConnection  *c,
            GPtrArray           *partners,
            gint64               only_id,
            GError             **error)
{
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_on (&st, c, "SELECT partner_id, area_code FROM partner_area "
                                       "WHERE ?1 = 0 OR partner_id = ?1 ORDER BY partner_id, area_code",
                               error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, only_id);
  while (rei_store_statement_next (&st))
    {
      gint64 id = sqlite3_column_int64 (st.stmt, 0);
      GPtrArray *list = g_hash_table_lookup (areas, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (areas, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, rei_store_statement_dup_text (&st, 1));
    }
  if (!rei_store_statement_finish (&st, N_("reading partners"), error))
    return FALSE;

  for (guint i = 0; i < partners->len; i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, i);
      gint64 id = rei_partner_get_id (p);
      GPtrArray *list = g_hash_table_lookup (areas, &id);

      if (list != NULL)
        {
          g_ptr_array_add (list, NULL);
          rei_partner_set_areas (p, (const char * const *) list->pdata);
        }
    }
  return TRUE;
}

/* The partners of sql (PARTNER_COLUMNS, at most one id bound, 0: none) with their areas, read
 * on one reader; NULL with error set, or an empty array. */
static GPtrArray *
read_partners (ReiStore    *self,
               const char  *sql,
               gint64       id,
               GError     **error)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  ReiStoreConnection *c = rei_store_lock_read (self);
  gboolean ok;

  {
    g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

    ok = rei_store_statement_on (&st, c, sql, error);
    if (ok)
      {
        if (id != 0)
          rei_store_statement_bind_int64 (&st, 1, id);
        while (rei_store_statement_next (&st))
          g_ptr_array_add (partners, partner_from_row (st.stmt));
        ok = rei_store_statement_finish (&st, N_("reading partners"), error);
      }
  }
  ok = ok && (partners->len == 0 || read_areas (c, partners, id, error));
  rei_store_unlock (c);
  return ok ? g_steal_pointer (&partners) : NULL;
}

GPtrArray *
rei_store_list_partners (ReiStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  return read_partners (self, "SELECT " PARTNER_COLUMNS " FROM partner ORDER BY name COLLATE pl, id", 0,
                        error);
}

ReiPartner *
rei_store_get_partner (ReiStore  *self,
                       gint64     id,
                       GError   **error)
{
  g_autoptr(GPtrArray) one = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  one = read_partners (self, "SELECT " PARTNER_COLUMNS " FROM partner WHERE id = ?", id, error);
  if (one == NULL)
    return NULL;
  if (one->len == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                   _("The partner no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (one, 0));
}

/* The first column of the first row of sql, with text (NULL: nothing) bound as ?1 and number as
 * ?2 when sql has a second parameter; unknown when there is no row (a failed step too), -1 with
 * error set when sql cannot be prepared. */
static gint64
read_one_id (ReiStore    *self,
             const char  *sql,
             const char  *text,
             gint64       number,
             gint64       unknown,
             GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, self, sql, error))
    return -1;
  if (text != NULL)
    rei_store_statement_bind_text (&st, 1, text);
  if (sqlite3_bind_parameter_count (st.stmt) >= 2)
    rei_store_statement_bind_int64 (&st, 2, number);
  return rei_store_statement_next (&st) ? sqlite3_column_int64 (st.stmt, 0) : unknown;
}

gint64
rei_store_count_partners (ReiStore  *self,
                          GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), -1);

  return read_one_id (self, "SELECT COUNT(*) FROM partner", NULL, 0, -1, error);
}

static gboolean
code_exists (ReiStore    *self,
             const char  *sql,
             const char  *code)
{
  return read_one_id (self, sql, code, 0, 0, NULL) > 0;
}

static gboolean
check_area (ReiStore    *self,
            const char  *code,
            GError     **error)
{
  if (code == NULL || code_exists (self, "SELECT 1 FROM social_area WHERE code = ?", code))
    return TRUE;
  g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID, _("Unknown area code “%s”."), code);
  return FALSE;
}

/* The id of another partner with this NIP, 0 if none. */
static gint64
nip_owner (ReiStore    *self,
           const char  *nip,
           gint64       except_id)
{
  if (nip == NULL)
    return 0;
  return MAX (read_one_id (self, "SELECT id FROM partner WHERE nip = ? AND id <> ?", nip, except_id, 0, NULL), 0);
}

/* "name,type,…": appended, not printed (printf was a ninth of a partners import). */
static void
append_name (GString    *s,
             const char *name)
{
  if (s->len > 0)
    g_string_append_c (s, ',');
  g_string_append (s, name);
}

static char *
changed_fields (ReiPartner *before,
                ReiPartner *after)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint f = 0; f < REI_PARTNER_N_FIELDS; f++)
    if (before == NULL || g_strcmp0 (rei_partner_get_text (before, f), rei_partner_get_text (after, f)) != 0)
      append_name (s, partner_columns[f]);
  if (before == NULL
      || !g_strv_equal ((const char * const *) rei_partner_get_areas (before),
                        (const char * const *) rei_partner_get_areas (after)))
    append_name (s, "areas");
  return s->len ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

static gboolean
write_partner (ReiStore    *self,
               ReiPartner  *partner,
               GError     **error)
{
  const char * const *areas = rei_partner_get_areas (partner);
  g_autoptr(ReiPartner) before = NULL;
  g_autofree char *name_key = rei_collation_search_key (rei_partner_get_name (partner));
  g_autofree char *detail = NULL;
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 id = rei_partner_get_id (partner);

  for (guint i = 0; areas[i] != NULL; i++)
    if (!check_area (self, areas[i], error))
      return FALSE;
  if (nip_owner (self, rei_partner_get_text (partner, REI_PARTNER_NIP), id) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT,
                   _("Another partner already has the NIP %s."),
                   rei_partner_get_text (partner, REI_PARTNER_NIP));
      return FALSE;
    }

  if (id > 0)
    {
      before = rei_store_get_partner (self, id, error);
      if (before == NULL)
        return FALSE;
    }
  if (!rei_store_statement_write (&st, self, id > 0
        ? "UPDATE partner SET name = ?1, type = ?2, level = ?3, sector = ?4, nip = ?5, regon = ?6, "
          "address = ?7, contact_person = ?8, phone = ?9, email = ?10, agreement_date = ?11, "
          "agreement_scope = ?12, agreement_until = ?13, notes = ?14, name_key = ?15 WHERE id = ?16"
        : "INSERT INTO partner (name, type, level, sector, nip, regon, address, contact_person, phone, "
          "email, agreement_date, agreement_scope, agreement_until, notes, name_key) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error))
    return FALSE;
  for (guint f = 0; f < REI_PARTNER_N_FIELDS; f++)
    rei_store_statement_bind_text (&st, 1 + f, rei_partner_get_text (partner, f));
  rei_store_statement_bind_text (&st, 15, name_key);
  if (id > 0)
    rei_store_statement_bind_int64 (&st, 16, id);
  if (!rei_store_statement_exec (&st, N_("saving a partner"), error))
    return FALSE;
  if (id <= 0)
    {
      id = rei_store_statement_last_insert_id (&st);
      rei_partner_set_id (partner, id);
    }
  rei_store_statement_clear (&st);

  /* An update replaces the areas; a new partner has none yet (a partner's are deleted with
   * it), and SQLite's DELETE of a WITHOUT ROWID table's rows builds a temporary b-tree each
   * time: a sixth of a partners import. */
  if (before != NULL)
    {
      if (!rei_store_statement_write (&st, self, "DELETE FROM partner_area WHERE partner_id = ?", error))
        return FALSE;
      rei_store_statement_bind_int64 (&st, 1, id);
      if (!rei_store_statement_run (&st, N_("saving a partner"), error))
        return FALSE;
    }
  for (guint i = 0; areas[i] != NULL; i++)
    {
      if (!rei_store_statement_write (&st, self, "INSERT INTO partner_area (partner_id, area_code) VALUES (?, ?)",
                                      error))
        return FALSE;
      rei_store_statement_bind_int64 (&st, 1, id);
      rei_store_statement_bind_text (&st, 2, areas[i]);
      if (!rei_store_statement_run (&st, N_("saving a partner"), error))
        return FALSE;
    }

  detail = changed_fields (before, partner);
  if (before != NULL && detail == NULL)
    return TRUE;
  return rei_store_write_audit (self, "partner", id, before ? "update" : "insert", detail, error);
}

gboolean
rei_store_save_partner (ReiStore    *self,
                        ReiPartner  *partner,
                        GError     **error)
{
  gint64 old_id;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_PARTNER (partner), FALSE);

  if (!rei_partner_check (partner, error))
    return FALSE;
  if (!rei_store_begin (self, error))
    return FALSE;
  old_id = rei_partner_get_id (partner);
  if (!write_partner (self, partner, error))
    {
      rei_store_rollback (self);
      rei_partner_set_id (partner, old_id);
      return FALSE;
    }
  if (!rei_store_commit (self, error))
    {
      rei_partner_set_id (partner, old_id);
      return FALSE;
    }
  return TRUE;
}

/* One DELETE by id in its own transaction with an audit row. */
gboolean
rei_network_delete_row (ReiStore    *self,
                        const char  *sql,
                        const char  *entity,
                        gint64       id,
                        const char  *what,
                        GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_begin (self, error))
    return FALSE;
  if (!rei_store_statement_write (&st, self, sql, error))
    goto fail;
  rei_store_statement_bind_int64 (&st, 1, id);
  if (!rei_store_statement_exec (&st, what, error))
    goto fail;
  if (rei_store_statement_changes (&st) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND, _("It no longer exists."));
      goto fail;
    }
  rei_store_statement_clear (&st);
  if (!rei_store_write_audit (self, entity, id, "delete", NULL, error))
    goto fail;
  return rei_store_commit (self, error);

fail:
  rei_store_statement_clear (&st);
  rei_store_rollback (self);
  return FALSE;
}

gboolean
rei_store_delete_partner (ReiStore  *self,
                          gint64     id,
                          GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return rei_network_delete_row (self, "DELETE FROM partner WHERE id = ?", "partner", id,
                                 N_("deleting a partner"), error);
}

gint64
rei_store_find_partner (ReiStore    *self,
                        const char  *nip,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *digits = rei_identifier_normalize (nip);
  g_autofree char *key = name ? rei_collation_search_key (name) : NULL;
  gint64 id = 0;

  g_return_val_if_fail (REI_IS_STORE (self), -1);

  if (digits != NULL)
    id = read_one_id (self, "SELECT id FROM partner WHERE nip = ? ORDER BY id LIMIT 1", digits, 0, 0, error);
  if (id == 0 && key != NULL && *key != '\0')
    id = read_one_id (self, "SELECT id FROM partner WHERE name_key = ? ORDER BY id LIMIT 1", key, 0, 0, error);
  return id;
}

gint64
rei_store_ensure_partner (ReiStore    *self,
                          const char  *name,
                          const char  *type,
                          GError     **error)
{
  g_autoptr(ReiPartner) partner = NULL;
  gint64 id;

  g_return_val_if_fail (REI_IS_STORE (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  /* Looked up and created in one transaction, so two callers cannot both create it. */
  if (!rei_store_begin (self, error))
    return -1;
  id = rei_store_find_partner (self, NULL, name, error);
  if (id == 0)
    {
      partner = rei_partner_new ();
      rei_partner_set_text (partner, REI_PARTNER_NAME, name);
      rei_partner_set_text (partner, REI_PARTNER_TYPE, type ? type : "B");
      id = rei_store_save_partner (self, partner, error) ? rei_partner_get_id (partner) : -1;
    }
  if (id < 0)
    {
      rei_store_rollback (self);
      return -1;
    }
  return rei_store_commit (self, error) ? id : -1;
}

static GPtrArray *
list_code_labels (ReiStore    *self,
                  const char  *sql,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, self, sql, error))
    return NULL;
  while (rei_store_statement_next (&st))
    {
      char **pair = g_new0 (char *, 3);

      pair[0] = rei_store_statement_dup_text (&st, 0);
      pair[1] = rei_store_statement_dup_text (&st, 1);
      g_ptr_array_add (list, pair);
    }
  return g_steal_pointer (&list);
}

GPtrArray *
rei_store_list_social_areas (ReiStore  *self,
                             GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_code_labels (self, "SELECT code, label FROM social_area ORDER BY position, code", error);
}

GPtrArray *
rei_store_list_dimensions (ReiStore  *self,
                           GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_code_labels (self, "SELECT code, label FROM potential_dimension WHERE active "
                                 "ORDER BY position, code", error);
}

/* ---------------------------------------------------------------------------------------------
 * The service catalogue
 * ------------------------------------------------------------------------------------------- */

#define SERVICE_SELECT \
  "SELECT s.id, s.partner_id, s.name, s.grp, s.subtype, s.area, s.dimension_code, s.description, " \
  "s.source, p.name, s.capacity, s.cost_grosze, s.active FROM service s " \
  "LEFT JOIN partner p ON p.id = s.partner_id "

static ReiService *
service_from_row (sqlite3_stmt *stmt)
{
  ReiService *service = g_object_new (REI_TYPE_SERVICE, NULL);

  rei_service_set_id (service, sqlite3_column_int64 (stmt, 0));
  rei_service_set_partner_id (service, rei_network_column_id (stmt, 1));
  for (guint f = 0; f < REI_SERVICE_N_FIELDS; f++)
    rei_service_set_text (service, f, (const char *) sqlite3_column_text (stmt, 2 + f));
  rei_service_set_capacity (service, sqlite3_column_type (stmt, 10) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 10));
  rei_service_set_cost_grosze (service, sqlite3_column_type (stmt, 11) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 11));
  rei_service_set_active (service, sqlite3_column_int (stmt, 12) != 0);
  return service;
}

GPtrArray *
rei_store_list_services (ReiStore  *self,
                         gint64     partner_id,
                         GError   **error)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (!rei_store_statement_read (&st, self, SERVICE_SELECT "WHERE ?1 <= 0 OR s.partner_id = ?1 "
                                                           "ORDER BY s.name COLLATE pl, s.id", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, partner_id);
  while (rei_store_statement_next (&st))
    g_ptr_array_add (services, service_from_row (st.stmt));
  if (!rei_store_statement_finish (&st, N_("reading the catalogue"), error))
    return NULL;
  return g_steal_pointer (&services);
}

ReiService *
rei_store_get_service (ReiStore  *self,
                       gint64     id,
                       GError   **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (!rei_store_statement_read (&st, self, SERVICE_SELECT "WHERE s.id = ?", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, id);
  if (rei_store_statement_next (&st))
    return service_from_row (st.stmt);
  g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND, _("The service no longer exists."));
  return NULL;
}

static gboolean
write_service (ReiStore    *self,
               ReiService  *service,
               GError     **error)
{
  const char *dimension = rei_service_get_text (service, REI_SERVICE_DIMENSION);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 id = rei_service_get_id (service);

  if (!check_area (self, rei_service_get_text (service, REI_SERVICE_AREA), error))
    return FALSE;
  if (dimension != NULL && !code_exists (self, "SELECT 1 FROM potential_dimension WHERE code = ?", dimension))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("Unknown dimension of reintegration potential “%s”."), dimension);
      return FALSE;
    }

  if (!rei_store_statement_write (&st, self, id > 0
        ? "UPDATE service SET partner_id = ?1, name = ?2, grp = ?3, subtype = ?4, area = ?5, "
          "dimension_code = ?6, description = ?7, source = ?8, capacity = ?9, cost_grosze = ?10, "
          "active = ?11 WHERE id = ?12"
        : "INSERT INTO service (partner_id, name, grp, subtype, area, dimension_code, description, "
          "source, capacity, cost_grosze, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        error))
    return FALSE;
  rei_network_bind_id (st.stmt, 1, rei_service_get_partner_id (service));
  for (guint f = REI_SERVICE_NAME; f <= REI_SERVICE_SOURCE; f++)
    rei_store_statement_bind_text (&st, 2 + f, rei_service_get_text (service, f));
  if (rei_service_get_capacity (service) >= 0)
    rei_store_statement_bind_int64 (&st, 9, rei_service_get_capacity (service));
  if (rei_service_get_cost_grosze (service) >= 0)
    rei_store_statement_bind_int64 (&st, 10, rei_service_get_cost_grosze (service));
  rei_store_statement_bind_int64 (&st, 11, rei_service_get_active (service));
  if (id > 0)
    rei_store_statement_bind_int64 (&st, 12, id);
  if (!rei_store_statement_exec (&st, N_("saving a service"), error))
    return FALSE;
  if (id > 0 && rei_store_statement_changes (&st) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND, _("The service no longer exists."));
      return FALSE;
    }
  if (id <= 0)
    rei_service_set_id (service, rei_store_statement_last_insert_id (&st));
  rei_store_statement_clear (&st);
  return rei_store_write_audit (self, "service", rei_service_get_id (service),
                                id > 0 ? "update" : "insert",
                                "partner_id,name,grp,subtype,area,dimension_code,description,"
                                "capacity,cost_grosze,active", error);
}

gboolean
rei_store_save_service (ReiStore    *self,
                        ReiService  *service,
                        GError     **error)
{
  gint64 old_id;
  gboolean ok;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_SERVICE (service), FALSE);

  if (!rei_service_check (service, error) || !rei_store_begin (self, error))
    return FALSE;
  old_id = rei_service_get_id (service);
  ok = write_service (self, service, error);
  if (!ok || !rei_store_commit (self, error))
    {
      if (!ok)
        rei_store_rollback (self);
      rei_service_set_id (service, old_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_store_delete_service (ReiStore  *self,
                          gint64     id,
                          GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return rei_network_delete_row (self, "DELETE FROM service WHERE id = ?", "service", id,
                                 N_("deleting a service"), error);
}


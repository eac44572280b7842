/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-store-network.h"
#include "rei-store-network-private.h"
#include "rei-store-private.h"

/* Referrals, their counts per period and the gaps of the network: the half of the network's
 * SQL that reads across partners, services, plans and residents. */

/* ---------------------------------------------------------------------------------------------
 * Referrals
 * ------------------------------------------------------------------------------------------- */

static ReiReferral *
referral_from_row (sqlite3_stmt *stmt)
{
  ReiReferral *r = rei_referral_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));

  rei_referral_set_id (r, sqlite3_column_int64 (stmt, 0));
  rei_referral_set_service_id (r, rei_network_column_id (stmt, 3));
  rei_referral_set_plan_id (r, rei_network_column_id (stmt, 4));
  for (guint f = 0; f < REI_REFERRAL_N_FIELDS; f++)
    rei_referral_set_text (r, f, (const char *) sqlite3_column_text (stmt, 5 + f));
  return r;
}

GPtrArray *
rei_store_list_referrals (ReiStore  *self,
                          gint64     partner_id,
                          gint64     resident_id,
                          GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (!rei_store_statement_read (&st, self,
    "SELECT r.id, r.resident_id, r.partner_id, r.service_id, r.plan_id, r.referred_on, "
    "r.started_on, r.ended_on, r.status, r.result, p.name, s.name, "
    "res.surname || ' ' || res.first_name FROM referral r "
    "JOIN partner p ON p.id = r.partner_id JOIN resident res ON res.id = r.resident_id "
    "LEFT JOIN service s ON s.id = r.service_id "
    "WHERE (?1 <= 0 OR r.partner_id = ?1) AND (?2 <= 0 OR r.resident_id = ?2) "
    "ORDER BY r.referred_on DESC, r.id DESC", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, partner_id);
  rei_store_statement_bind_int64 (&st, 2, resident_id);
  while (rei_store_statement_next (&st))
    g_ptr_array_add (list, referral_from_row (st.stmt));
  if (!rei_store_statement_finish (&st, N_("reading referrals"), error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
write_referral (ReiStore     *self,
                ReiReferral  *r,
                GError      **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  gint64 id = rei_referral_get_id (r);
  gint64 service_id = rei_referral_get_service_id (r);

  if (service_id > 0)
    {
      gint64 provider = -1;

      if (!rei_store_statement_read (&st, self, "SELECT partner_id FROM service WHERE id = ?", error))
        return FALSE;
      rei_store_statement_bind_int64 (&st, 1, service_id);
      if (rei_store_statement_next (&st))
        provider = rei_network_column_id (st.stmt, 0);
      rei_store_statement_clear (&st);
      /* A catalogue row nobody provides yet may be used with any partner. */
      if (provider > 0 && provider != rei_referral_get_partner_id (r))
        {
          g_set_error_literal (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                               _("The service belongs to another partner."));
          return FALSE;
        }
      if (provider < 0)
        {
          g_set_error_literal (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                               _("The service no longer exists."));
          return FALSE;
        }
    }

  if (!rei_store_statement_write (&st, self, id > 0
        ? "UPDATE referral SET resident_id = ?1, partner_id = ?2, service_id = ?3, plan_id = ?4, "
          "referred_on = ?5, started_on = ?6, ended_on = ?7, status = ?8, result = ?9 WHERE id = ?10"
        : "INSERT INTO referral (resident_id, partner_id, service_id, plan_id, referred_on, started_on, "
          "ended_on, status, result) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error))
    return FALSE;
  rei_store_statement_bind_int64 (&st, 1, rei_referral_get_resident_id (r));
  rei_store_statement_bind_int64 (&st, 2, rei_referral_get_partner_id (r));
  rei_network_bind_id (st.stmt, 3, service_id);
  rei_network_bind_id (st.stmt, 4, rei_referral_get_plan_id (r));
  for (guint f = REI_REFERRAL_REFERRED_ON; f <= REI_REFERRAL_RESULT; f++)
    rei_store_statement_bind_text (&st, 5 + f, rei_referral_get_text (r, f));
  if (id > 0)
    rei_store_statement_bind_int64 (&st, 10, id);
  if (!rei_store_statement_exec (&st, N_("saving a referral"), error))
    return FALSE;
  if (id > 0 && rei_store_statement_changes (&st) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND, _("The referral no longer exists."));
      return FALSE;
    }
  if (id <= 0)
    rei_referral_set_id (r, rei_store_statement_last_insert_id (&st));
  rei_store_statement_clear (&st);
  return rei_store_write_audit (self, "referral", rei_referral_get_id (r), id > 0 ? "update" : "insert",
                                "resident_id,partner_id,service_id,plan_id,referred_on,started_on,"
                                "ended_on,status,result", error);
}

gboolean
rei_store_save_referral (ReiStore     *self,
                         ReiReferral  *referral,
                         GError      **error)
{
  gint64 old_id;
  gboolean ok;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_REFERRAL (referral), FALSE);

  if (!rei_referral_check (referral, error) || !rei_store_begin (self, error))
    return FALSE;
  old_id = rei_referral_get_id (referral);
  ok = write_referral (self, referral, error);
  if (!ok || !rei_store_commit (self, error))
    {
      if (!ok)
        rei_store_rollback (self);
      rei_referral_set_id (referral, old_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_store_delete_referral (ReiStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return rei_network_delete_row (self, "DELETE FROM referral WHERE id = ?", "referral", id,
                                 N_("deleting a referral"), error);
}

GHashTable *
rei_store_count_referrals (ReiStore      *self,
                           const char    *from_iso,
                           const char    *to_iso,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!rei_store_statement_read (&st, self,
    "SELECT partner_id, COUNT(*) FROM referral WHERE referred_on >= ?1 AND referred_on <= ?2 "
    "GROUP BY partner_id", error))
    return NULL;
  rei_store_statement_bind_text (&st, 1, from_iso ? from_iso : "0000-01-01");
  rei_store_statement_bind_text (&st, 2, to_iso ? to_iso : "9999-12-31");
  while (rei_store_statement_next (&st))
    {
      gint64 id = sqlite3_column_int64 (st.stmt, 0);

      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int64 (st.stmt, 1)));
    }
  if (!rei_store_statement_finish (&st, N_("counting referrals"), error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&counts);
}

/* ---------------------------------------------------------------------------------------------
 * Gaps
 * ------------------------------------------------------------------------------------------- */

void
rei_coverage_free (ReiCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_free (coverage->code);
  g_free (coverage->label);
  g_free (coverage);
}

gboolean
rei_coverage_is_gap (const ReiCoverage *coverage)
{
  return coverage->n_services == 0 || coverage->n_open_needs > 0;
}

void
rei_unmet_need_free (ReiUnmetNeed *need)
{
  if (need == NULL)
    return;
  g_free (need->area_code);
  g_free (need->dimension_code);
  g_free (need->description);
  g_free (need->recorded_on);
  g_free (need);
}

GPtrArray *
rei_store_list_coverage (ReiStore  *self,
                         GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_coverage_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  /* One statement, so that the counts are of one moment.  A partner counts for an area when it
   * works there (partner_area) or provides a service in it. */
  if (!rei_store_statement_read (&st, self,
    "SELECT 1, a.code, a.label, a.position, "
    " (SELECT COUNT(*) FROM service s WHERE s.area = a.code AND s.active AND s.partner_id IS NOT NULL), "
    " (SELECT COUNT(*) FROM (SELECT partner_id FROM partner_area WHERE area_code = a.code "
    "   UNION SELECT partner_id FROM service WHERE area = a.code AND active AND partner_id IS NOT NULL)), "
    " (SELECT COUNT(*) FROM plan_unmet_need n WHERE n.area_code = a.code AND n.met_on IS NULL) "
    "FROM social_area a "
    "UNION ALL "
    "SELECT 0, d.code, d.label, d.position, "
    " (SELECT COUNT(*) FROM service s WHERE s.dimension_code = d.code AND s.active AND s.partner_id IS NOT NULL), "
    " (SELECT COUNT(DISTINCT partner_id) FROM service WHERE dimension_code = d.code AND active), "
    " (SELECT COUNT(*) FROM plan_unmet_need n WHERE n.dimension_code = d.code AND n.met_on IS NULL) "
    "FROM potential_dimension d WHERE d.active "
    "ORDER BY 1 DESC, 4, 2", error))
    return NULL;
  while (rei_store_statement_next (&st))
    {
      ReiCoverage *row = g_new0 (ReiCoverage, 1);

      row->is_area = sqlite3_column_int (st.stmt, 0) != 0;
      row->code = rei_store_statement_dup_text (&st, 1);
      row->label = rei_store_statement_dup_text (&st, 2);
      row->n_services = (guint) sqlite3_column_int64 (st.stmt, 4);
      row->n_partners = (guint) sqlite3_column_int64 (st.stmt, 5);
      row->n_open_needs = (guint) sqlite3_column_int64 (st.stmt, 6);
      g_ptr_array_add (rows, row);
    }
  if (!rei_store_statement_finish (&st, N_("reading the gaps"), error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
rei_store_list_unmet_needs (ReiStore  *self,
                            gboolean   only_unserved,
                            GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_unmet_need_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  /* Served now: some partner's active service matches the need's area and dimension (those it
   * names).  A need that names neither cannot be matched and stays a gap. */
  if (!rei_store_statement_read (&st, self,
    "SELECT n.id, n.plan_id, n.area_code, n.dimension_code, n.description, n.recorded_on, "
    " (n.area_code IS NOT NULL OR n.dimension_code IS NOT NULL) AND EXISTS (SELECT 1 FROM service s "
    "   WHERE s.active AND s.partner_id IS NOT NULL "
    "   AND (n.area_code IS NULL OR s.area = n.area_code) "
    "   AND (n.dimension_code IS NULL OR s.dimension_code = n.dimension_code)) "
    "FROM plan_unmet_need n WHERE n.met_on IS NULL ORDER BY n.recorded_on, n.id", error))
    return NULL;
  while (rei_store_statement_next (&st))
    {
      ReiUnmetNeed *need;

      if (only_unserved && sqlite3_column_int (st.stmt, 6))
        continue;
      need = g_new0 (ReiUnmetNeed, 1);
      need->id = sqlite3_column_int64 (st.stmt, 0);
      need->plan_id = sqlite3_column_int64 (st.stmt, 1);
      need->area_code = rei_store_statement_dup_text (&st, 2);
      need->dimension_code = rei_store_statement_dup_text (&st, 3);
      need->description = rei_store_statement_dup_text (&st, 4);
      need->recorded_on = rei_store_statement_dup_text (&st, 5);
      need->served_now = sqlite3_column_int (st.stmt, 6) != 0;
      g_ptr_array_add (rows, need);
    }
  if (!rei_store_statement_finish (&st, N_("reading the gaps"), error))
    return NULL;
  return g_steal_pointer (&rows);
}

typedef struct
{
  char *from;
  char *to;
} CountPeriod;

static void
count_period_free (gpointer data)
{
  CountPeriod *period = data;

  g_free (period->from);
  g_free (period->to);
  g_free (period);
}

static void
count_referrals_thread (GTask        *task,
                        gpointer      source,
                        gpointer      data,
                        GCancellable *cancellable)
{
  CountPeriod *period = data;
  GError *error = NULL;
  GHashTable *counts = rei_store_count_referrals (REI_STORE (source), period->from, period->to,
                                                  cancellable, &error);

  if (counts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, counts, (GDestroyNotify) g_hash_table_unref);
}

void
rei_store_count_referrals_async (ReiStore            *self,
                                 const char          *from_iso,
                                 const char          *to_iso,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CountPeriod *period;

  g_return_if_fail (REI_IS_STORE (self));

  period = g_new0 (CountPeriod, 1);
  period->from = g_strdup (from_iso);
  period->to = g_strdup (to_iso);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rei_store_count_referrals_async);
  g_task_set_task_data (task, period, count_period_free);
  g_task_run_in_thread (task, count_referrals_thread);
}

GHashTable *
rei_store_count_referrals_finish (ReiStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

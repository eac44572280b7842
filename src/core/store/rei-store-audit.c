/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* The audit trail: one row per change, written in the transaction of the change itself. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "rei-store-audit.h"
#include "rei-store-struct.h"

/* The time as the schema's DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'), UTC) would write it.
 * The writers bind it instead: SQLite's strftime formats through its printf machinery (the two
 * defaults of a resident were 4 % of a residents import), and so did g_snprintf, at 2 900
 * instructions a call. */
void
rei_store_format_now (char buf[32])
{
  time_t now = time (NULL);
  struct tm tm;
  int parts[6], widths[6] = { 4, 2, 2, 2, 2, 2 };
  const char seps[6] = { '-', '-', 'T', ':', ':', '\0' };
  char *p = buf;

  gmtime_r (&now, &tm);
  parts[0] = CLAMP (tm.tm_year + 1900, 0, 9999);
  parts[1] = tm.tm_mon + 1;
  parts[2] = tm.tm_mday;
  parts[3] = tm.tm_hour;
  parts[4] = tm.tm_min;
  parts[5] = tm.tm_sec;
  for (guint i = 0; i < 6; i++)
    {
      for (int w = widths[i] - 1, v = parts[i]; w >= 0; w--, v /= 10)
        p[w] = (char) ('0' + v % 10);
      p += widths[i];
      *p++ = seps[i];
    }
}

gboolean
rei_store_write_audit (ReiStore    *self,
                       const char  *entity,
                       gint64       entity_id,
                       const char  *action,
                       const char  *detail,
                       GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  char now[32];

  g_return_val_if_fail (rei_store_in_own_transaction (self), FALSE);

  /* Inside a bulk import a record's insert or update is an item of the import's one audit row
   * (rei-store-import.h): a third of the cost, and the person's history still shows it. */
  if (self->import != NULL && (strcmp (action, "insert") == 0 || strcmp (action, "update") == 0))
    return rei_store_import_add_item (self->import, &self->writer, entity, entity_id, detail,
                                      error);

  if (!rei_store_statement_write (&st, self,
        "INSERT INTO audit (actor, entity, entity_id, action, detail, at) VALUES (?, ?, ?, ?, ?, ?)",
        error))
    return FALSE;
  rei_store_format_now (now);
  rei_store_statement_bind_text (&st, 1, self->actor);
  rei_store_statement_bind_text (&st, 2, entity);
  rei_store_statement_bind_int64 (&st, 3, entity_id);
  rei_store_statement_bind_text (&st, 4, action);
  rei_store_statement_bind_text (&st, 5, detail);
  rei_store_statement_bind_text_static (&st, 6, now);
  return rei_store_statement_exec (&st, N_("writing the audit trail"), error);
}

ReiStoreImport *
rei_store_get_import (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return self->import;
}

void
rei_store_set_import (ReiStore       *self,
                      ReiStoreImport *import)
{
  g_return_if_fail (REI_IS_STORE (self));
  g_return_if_fail (rei_store_in_own_transaction (self));
  self->import = import;
}

void
rei_audit_entry_free (ReiAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->detail);
  g_free (entry);
}

gboolean
rei_store_add_audit (ReiStore    *self,
                     const char  *entity,
                     gint64       entity_id,
                     const char  *action,
                     const char  *detail,
                     GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && action != NULL, FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  if (!rei_store_write_audit (self, entity, entity_id, action, detail, error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

GPtrArray *
rei_store_list_audit (ReiStore    *self,
                      const char  *entity,
                      gint64       entity_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rei_audit_entry_free);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  if (!rei_store_statement_read (&st, self,
        "SELECT id, at, actor, entity, entity_id, action, detail FROM audit "
        "WHERE entity = ?1 AND entity_id = ?2 "
        /* A bulk import's part: its one audit row, seen from each record it added or changed. */
        "UNION ALL SELECT a.id, a.at, a.actor, i.entity, i.entity_id, a.action, i.detail "
        "FROM audit_item i JOIN audit a ON a.id = i.audit_id "
        "WHERE i.entity = ?1 AND i.entity_id = ?2 ORDER BY 1", error))
    return NULL;
  rei_store_statement_bind_text (&st, 1, entity);
  rei_store_statement_bind_int64 (&st, 2, entity_id);
  while (rei_store_statement_next (&st))
    {
      ReiAuditEntry *e = g_new0 (ReiAuditEntry, 1);

      e->id = sqlite3_column_int64 (st.stmt, 0);
      e->at = rei_store_statement_dup_text (&st, 1);
      e->actor = rei_store_statement_dup_text (&st, 2);
      e->entity = rei_store_statement_dup_text (&st, 3);
      e->entity_id = sqlite3_column_int64 (st.stmt, 4);
      e->action = rei_store_statement_dup_text (&st, 5);
      e->detail = rei_store_statement_dup_text (&st, 6);
      g_ptr_array_add (entries, e);
    }
  if (!rei_store_statement_finish (&st, N_("reading the audit trail"), error))
    return NULL;
  return g_steal_pointer (&entries);
}

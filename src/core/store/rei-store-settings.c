/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* Dated settings: each value holds from its date until the next one of the same key. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-date.h"
#include "rei-store-private.h"
#include "rei-store-settings.h"

char *
rei_store_get_setting (ReiStore   *self,
                       const char *key,
                       const char *on_date)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  g_autofree char *today = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (on_date == NULL)
    on_date = today = rei_date_today_iso ();

  if (!rei_store_statement_read (&st, self,
        "SELECT value FROM setting WHERE key = ? AND effective_from <= ? "
        "ORDER BY effective_from DESC LIMIT 1", NULL))
    return NULL;
  rei_store_statement_bind_text (&st, 1, key);
  rei_store_statement_bind_text (&st, 2, on_date);
  return rei_store_statement_next (&st) ? rei_store_statement_dup_text (&st, 0) : NULL;
}

int
rei_store_get_setting_int (ReiStore   *self,
                           const char *key,
                           const char *on_date,
                           int         fallback)
{
  g_autofree char *value = rei_store_get_setting (self, key, on_date);
  char *end = NULL;
  gint64 n;

  if (value == NULL)
    return fallback;
  n = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0' || n < G_MININT || n > G_MAXINT)
    return fallback;
  return (int) n;
}

gboolean
rei_store_set_setting (ReiStore    *self,
                       const char  *key,
                       const char  *effective_from,
                       const char  *value,
                       const char  *source,
                       GError     **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (effective_from == NULL)
    effective_from = today = rei_date_today_iso ();

  if (!rei_store_begin (self, error))
    return FALSE;
  {
    g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

    if (!rei_store_statement_write (&st, self,
          "INSERT OR REPLACE INTO setting (key, effective_from, value, source) VALUES (?, ?, ?, ?)",
          error))
      goto fail;
    rei_store_statement_bind_text (&st, 1, key);
    rei_store_statement_bind_text (&st, 2, effective_from);
    rei_store_statement_bind_text (&st, 3, value);
    rei_store_statement_bind_text (&st, 4, source);
    if (!rei_store_statement_exec (&st, N_("saving a setting"), error))
      goto fail;
  }
  if (!rei_store_write_audit (self, "setting", 0, "update", key, error))
    goto fail;
  return rei_store_commit (self, error);

fail:
  rei_store_rollback (self);
  return FALSE;
}

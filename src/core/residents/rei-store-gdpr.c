/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* GDPR in the store: anonymising a person, and finding those whose retention has passed. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-date.h"
#include "rei-store-residents-private.h"

/* The fields that identify a person, cleared by an anonymisation.  What stays (sex, commune,
 * dates, end reason, outcome, categories, workshop, projects, education, labour status,
 * disability, referral) is what the statistics and the reports by commune are made of. */
static const ReiResidentField identity_fields[] = {
  REI_RESIDENT_PESEL, REI_RESIDENT_BIRTH_DATE, REI_RESIDENT_PHONE, REI_RESIDENT_EMAIL,
  REI_RESIDENT_ADDRESS, REI_RESIDENT_POSTCODE, REI_RESIDENT_TOWN, REI_RESIDENT_CONTRACT_NUMBER,
  REI_RESIDENT_NOTES, REI_RESIDENT_CONSENT_BASIS, REI_RESIDENT_CONSENT_DATE,
};

gboolean
rei_store_anonymise_resident (ReiStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(ReiResident) r = NULL;
  g_autofree char *surname = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;

  r = rei_store_get_resident (self, id, error);
  if (r == NULL)
    goto fail;

  /* The placeholders are data, like the other Polish values in the register, not interface
   * text: they must read the same in every report whatever the language of the window. */
  surname = g_strdup_printf ("Uczestnik #%" G_GINT64_FORMAT, id);
  rei_resident_set (r, REI_RESIDENT_FIRST_NAME, "Anonimizowany");
  rei_resident_set (r, REI_RESIDENT_SURNAME, surname);
  for (guint i = 0; i < G_N_ELEMENTS (identity_fields); i++)
    rei_resident_set (r, identity_fields[i], NULL);
  rei_resident_set_anonymised (r, TRUE);

  if (!rei_store_write_resident (self, r, REI_RESIDENT_SAVE_ANONYMISE, error))
    goto fail;
  if (!rei_store_commit (self, error))
    return FALSE;

  /* The pages that held the old values, which secure_delete has zeroed in the database itself,
   * must not survive in the write-ahead log either. */
  rei_store_truncate_wal (self);
  return TRUE;

fail:
  rei_store_rollback (self);
  return FALSE;
}

GArray *
rei_store_list_retention_expired (ReiStore    *self,
                                  const char  *today_iso,
                                  GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  g_autofree char *today = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int years;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (today_iso == NULL)
    today_iso = today = rei_date_today_iso ();
  /* A setting of the centre, as its data-retention policy stands today. */
  years = rei_store_get_setting_int (self, REI_SETTING_RETENTION_YEARS, today_iso, -1);
  if (years < 0)
    return g_steal_pointer (&ids);

  if (!rei_store_statement_read (&st, self,
        "SELECT id FROM resident WHERE NOT anonymised AND end_date IS NOT NULL "
        "AND rei_add_months(end_date, ?) < ? ORDER BY end_date, id", error))
    return NULL;
  rei_store_statement_bind_int64 (&st, 1, years * 12);
  rei_store_statement_bind_text (&st, 2, today_iso);
  while (rei_store_statement_next (&st))
    {
      gint64 id = sqlite3_column_int64 (st.stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!rei_store_statement_finish (&st, N_("listing residents"), error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-export-person.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rei-audit-fields.h"
#include "rei-store-residents.h"
#include "rei-xlsx.h"

/* The sheet and column names below are Polish on purpose: the person and the office read them,
 * and the tests hold them to it.  They are data, not UI. */
static const char *
field_table (ReiResidentField field)
{
  switch (field)
    {
    case REI_RESIDENT_END_REASON:
      return REI_LOOKUP_END_REASON;
    case REI_RESIDENT_OUTCOME:
      return REI_LOOKUP_OUTCOME;
    case REI_RESIDENT_CONSENT_BASIS:
      return REI_LOOKUP_LEGAL_BASIS;
    default:
      return NULL;
    }
}

static void
write_person_sheet (ReiXlsx       *target,
                    lxw_worksheet *sheet,
                    ReiStore      *store,
                    ReiResident   *resident)
{
  static const char * const headers[] = { "Pole", "Wartość" };
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, rei_resident_get_id (resident));
  g_autofree char *extension = g_strdup_printf ("%d", rei_resident_get_extension_months (resident));
  ReiXlsxWidths widths;
  lxw_row_t row = 1;

  rei_xlsx_widths_init (&widths, G_N_ELEMENTS (headers));
  rei_xlsx_write_header (target, sheet, &widths, headers, G_N_ELEMENTS (headers));

  rei_xlsx_write_text (target, sheet, &widths, row, 0, "Numer w rejestrze", NULL);
  rei_xlsx_write_text (target, sheet, &widths, row++, 1, id_text, NULL);

  /* Every field, filled or not: the person sees what the register can hold about them, and
   * an empty value says that nothing is held. */
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++, row++)
    {
      const char *value = rei_resident_get (resident, i);
      const char *table = field_table (i);

      rei_xlsx_write_text (target, sheet, &widths, row, 0,
                           rei_audit_field_document_label (rei_resident_field_name (i)), NULL);
      if (rei_resident_field_is_date (i))
        rei_xlsx_write_date (target, sheet, &widths, row, 1, value);
      else if (table != NULL && value != NULL)
        {
          g_autofree char *label = rei_store_get_label (store, table, value);

          rei_xlsx_write_text (target, sheet, &widths, row, 1, label != NULL ? label : value,
                               NULL);
        }
      else
        rei_xlsx_write_text (target, sheet, &widths, row, 1, value, NULL);
    }

  rei_xlsx_write_text (target, sheet, &widths, row, 0, "Przedłużenie uczestnictwa (miesiące)",
                       NULL);
  rei_xlsx_write_text (target, sheet, &widths, row++, 1, extension, NULL);
  rei_xlsx_write_text (target, sheet, &widths, row, 0, "Dane zanonimizowane", NULL);
  rei_xlsx_write_text (target, sheet, &widths, row, 1,
                       rei_resident_get_anonymised (resident) ? "tak" : "nie", NULL);

  rei_xlsx_finish_table (target, sheet, &widths, row, FALSE);
  rei_xlsx_widths_clear (&widths);
}

static void
write_membership_sheet (ReiXlsx       *target,
                        lxw_worksheet *sheet,
                        ReiStore      *store,
                        ReiResident   *resident)
{
  static const char * const headers[] = { "Rodzaj", "Nazwa", "Kod" };
  const char * const *categories = rei_resident_get_categories (resident);
  const char * const *projects = rei_resident_get_projects (resident);
  ReiXlsxWidths widths;
  lxw_row_t row = 1;

  rei_xlsx_widths_init (&widths, G_N_ELEMENTS (headers));
  rei_xlsx_write_header (target, sheet, &widths, headers, G_N_ELEMENTS (headers));

  for (guint i = 0; categories[i] != NULL; i++, row++)
    {
      g_autofree char *label = rei_store_get_label (store, REI_LOOKUP_CATEGORY, categories[i]);

      rei_xlsx_write_text (target, sheet, &widths, row, 0, "Kategoria (art. 1 ust. 2)", NULL);
      rei_xlsx_write_text (target, sheet, &widths, row, 1, label != NULL ? label : categories[i],
                           NULL);
      rei_xlsx_write_text (target, sheet, &widths, row, 2, categories[i], NULL);
    }
  for (guint i = 0; projects[i] != NULL; i++, row++)
    {
      rei_xlsx_write_text (target, sheet, &widths, row, 0, "Projekt", NULL);
      rei_xlsx_write_text (target, sheet, &widths, row, 1, projects[i], NULL);
    }

  rei_xlsx_finish_table (target, sheet, &widths, MAX (row - 1, 1), FALSE);
  rei_xlsx_widths_clear (&widths);
}

static void
write_history_sheet (ReiXlsx       *target,
                     lxw_worksheet *sheet,
                     GPtrArray     *entries)
{
  static const char * const headers[] = { "Data", "Kto", "Czynność", "Pola" };
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  ReiXlsxWidths widths;
  lxw_format *datetime_format = workbook_add_format (target->workbook);
  lxw_row_t row = 1;

  format_set_num_format (datetime_format, "dd.mm.yyyy hh:mm");
  rei_xlsx_widths_init (&widths, G_N_ELEMENTS (headers));
  rei_xlsx_write_header (target, sheet, &widths, headers, G_N_ELEMENTS (headers));

  for (guint i = 0; i < entries->len; i++, row++)
    {
      const ReiAuditEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *fields = rei_audit_describe_fields_for_document (e->detail);

      /* The trail is kept in UTC; the person and the office read local time. */
      utc = e->at != NULL ? g_date_time_new_from_iso8601 (e->at, utc_zone) : NULL;
      local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      if (local != NULL)
        {
          lxw_datetime when = {
            .year = g_date_time_get_year (local),
            .month = g_date_time_get_month (local),
            .day = g_date_time_get_day_of_month (local),
            .hour = g_date_time_get_hour (local),
            .min = g_date_time_get_minute (local),
            .sec = g_date_time_get_second (local),
          };

          rei_xlsx_note_status (target, worksheet_write_datetime (sheet, row, 0, &when,
                                                                  datetime_format));
          rei_xlsx_widths_note (&widths, 0, (guint) strlen ("dd.mm.yyyy hh:mm"));
        }
      else
        rei_xlsx_write_text (target, sheet, &widths, row, 0, e->at, NULL);
      rei_xlsx_write_text (target, sheet, &widths, row, 1, e->actor, NULL);
      rei_xlsx_write_text (target, sheet, &widths, row, 2, rei_audit_action_document_label (e->action),
                           NULL);
      rei_xlsx_write_text (target, sheet, &widths, row, 3, fields, NULL);
    }

  rei_xlsx_finish_table (target, sheet, &widths, MAX (row - 1, 1), TRUE);
  rei_xlsx_widths_clear (&widths);
}

gboolean
rei_export_person (ReiStore    *store,
                   gint64       id,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(ReiResident) resident = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(ReiXlsx) target = NULL;
  lxw_worksheet *person_sheet, *membership_sheet, *history_sheet;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  resident = rei_store_get_resident (store, id, error);
  if (resident == NULL)
    return FALSE;
  history = rei_store_list_audit (store, "resident", id, error);
  if (history == NULL)
    return FALSE;

  target = rei_xlsx_new (path, error);
  if (target == NULL)
    return FALSE;
  if ((person_sheet = rei_xlsx_add_sheet (target, "Dane osobowe", error)) == NULL
      || (membership_sheet = rei_xlsx_add_sheet (target, "Kategorie i projekty", error)) == NULL
      || (history_sheet = rei_xlsx_add_sheet (target, "Historia zmian", error)) == NULL)
    return FALSE;

  write_person_sheet (target, person_sheet, store, resident);
  write_membership_sheet (target, membership_sheet, store, resident);
  write_history_sheet (target, history_sheet, history);

  /* The audit row and the file stand or fall together: the row is written in a transaction
   * that commits only once the workbook is in place, and a workbook whose issue could not be
   * recorded is removed. */
  if (!rei_store_begin (store, error))
    return FALSE;
  if (!rei_store_add_audit (store, "resident", id, "export", NULL, error))
    {
      rei_store_rollback (store);
      return FALSE;
    }
  if (!rei_xlsx_finish (g_steal_pointer (&target), error))
    {
      rei_store_rollback (store);
      return FALSE;
    }
  if (!rei_store_commit (store, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

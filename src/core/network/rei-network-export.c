/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-date.h"
#include "rei-network-export.h"
#include "rei-store-audit.h"
#include "rei-store-network.h"
#include "rei-xlsx.h"

/* Sheet names and headers are the office's vocabulary (Polish), data rather than UI: the tests
 * and the funders' spreadsheets rely on them. */

/* A sheet being written: its workbook, the widths its columns need, the money format. */
typedef struct
{
  ReiXlsx       *xlsx;
  lxw_worksheet *ws;
  ReiXlsxWidths  widths;
  lxw_format    *money;
} Sheet;

static void
put_text (Sheet      *sh,
          guint       row,
          guint       col,
          const char *text)
{
  rei_xlsx_write_text (sh->xlsx, sh->ws, &sh->widths, row, col, text, NULL);
}

static void
put_number (Sheet  *sh,
            guint   row,
            guint   col,
            double  value)
{
  rei_xlsx_write_number (sh->xlsx, sh->ws, &sh->widths, row, col, value);
}

static void
put_date (Sheet      *sh,
          guint       row,
          guint       col,
          const char *iso)
{
  if (iso != NULL)
    rei_xlsx_write_date (sh->xlsx, sh->ws, &sh->widths, row, col, iso);
}

/* A bold header row anywhere in the sheet (the referrals sheet has a second table). */
static void
put_header (Sheet              *sh,
            guint               row,
            const char * const *titles)
{
  for (guint c = 0; titles[c] != NULL; c++)
    rei_xlsx_write_text (sh->xlsx, sh->ws, &sh->widths, row, c, titles[c], sh->xlsx->header);
}

static char *
join_areas (ReiPartner *p)
{
  return g_strjoinv ("|", (char **) rei_partner_get_areas (p));
}

static void
write_partners (Sheet      *sh,
                GPtrArray  *partners,
                GHashTable *counts)
{
  static const char * const header[] = {
    "Nazwa", "Typ", "Poziom", "Sektor", "Obszary", "NIP", "REGON", "Adres", "Osoba kontaktowa",
    "Telefon", "E-mail", "Umowa od", "Umowa do", "Zakres umowy", "Uwagi", "Skierowania w okresie",
    NULL };
  static const ReiPartnerField text_fields[] = {
    REI_PARTNER_NAME, REI_PARTNER_TYPE, REI_PARTNER_LEVEL, REI_PARTNER_SECTOR };
  static const ReiPartnerField tail_fields[] = {
    REI_PARTNER_NIP, REI_PARTNER_REGON, REI_PARTNER_ADDRESS, REI_PARTNER_CONTACT_PERSON,
    REI_PARTNER_PHONE, REI_PARTNER_EMAIL };

  put_header (sh, 0, header);
  for (guint i = 0; i < partners->len; i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, i);
      g_autofree char *areas = join_areas (p);
      gint64 id = rei_partner_get_id (p);
      guint row = i + 1;

      for (guint c = 0; c < G_N_ELEMENTS (text_fields); c++)
        put_text (sh, row, c, rei_partner_get_text (p, text_fields[c]));
      put_text (sh, row, 4, areas);
      for (guint c = 0; c < G_N_ELEMENTS (tail_fields); c++)
        put_text (sh, row, 5 + c, rei_partner_get_text (p, tail_fields[c]));
      put_date (sh, row, 11, rei_partner_get_text (p, REI_PARTNER_AGREEMENT_DATE));
      put_date (sh, row, 12, rei_partner_get_text (p, REI_PARTNER_AGREEMENT_UNTIL));
      put_text (sh, row, 13, rei_partner_get_text (p, REI_PARTNER_AGREEMENT_SCOPE));
      put_text (sh, row, 14, rei_partner_get_text (p, REI_PARTNER_NOTES));
      put_number (sh, row, 15, GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id)));
    }
}

static void
write_services (Sheet     *sh,
                GPtrArray *services)
{
  static const char * const header[] = {
    "Nazwa", "Grupa", "Rodzaj", "Obszar", "Wymiar potencjału", "Realizator", "Miejsca",
    "Koszt", "Aktywna", "Źródło", NULL };

  put_header (sh, 0, header);
  for (guint i = 0; i < services->len; i++)
    {
      ReiService *s = g_ptr_array_index (services, i);
      guint row = i + 1;

      put_text (sh, row, 0, rei_service_get_name (s));
      put_text (sh, row, 1, rei_service_get_text (s, REI_SERVICE_GROUP));
      put_text (sh, row, 2, rei_service_get_text (s, REI_SERVICE_SUBTYPE));
      put_text (sh, row, 3, rei_service_get_text (s, REI_SERVICE_AREA));
      put_text (sh, row, 4, rei_service_get_text (s, REI_SERVICE_DIMENSION));
      put_text (sh, row, 5, rei_service_get_text (s, REI_SERVICE_PROVIDER_NAME));
      if (rei_service_get_capacity (s) >= 0)
        put_number (sh, row, 6, rei_service_get_capacity (s));
      /* Stored in grosze; the cell holds złoty because that is what a spreadsheet sums.  The
       * division is exact to the grosz for any amount an office has. */
      if (rei_service_get_cost_grosze (s) >= 0)
        {
          rei_xlsx_note_status (sh->xlsx, worksheet_write_number (sh->ws, row, 7,
                                                                  rei_service_get_cost_grosze (s) / 100.0,
                                                                  sh->money));
          rei_xlsx_widths_note (&sh->widths, 7, 14);
        }
      put_text (sh, row, 8, rei_service_get_active (s) ? "tak" : "nie");
      put_text (sh, row, 9, rei_service_get_text (s, REI_SERVICE_SOURCE));
    }
}

static guint
write_referrals (Sheet      *sh,
                 GPtrArray  *partners,
                 GHashTable *counts,
                 const char *from_iso,
                 const char *to_iso)
{
  static const char * const header[] = { "Partner", "Typ", "Sektor", "Skierowania", NULL };
  static const char * const type_header[] = { "Typ", "Partnerzy", "Skierowania", NULL };
  g_autofree char *from = from_iso ? rei_date_format_display (from_iso) : g_strdup ("…");
  g_autofree char *to = to_iso ? rei_date_format_display (to_iso) : g_strdup ("…");
  g_autofree char *period = g_strdup_printf ("Okres: %s – %s", from, to);
  guint per_type[3] = { 0 }, partners_of_type[3] = { 0 };
  guint row = 1, total = 0;

  put_header (sh, 0, header);
  for (guint i = 0; i < partners->len; i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, i);
      gint64 id = rei_partner_get_id (p);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));
      char type = rei_partner_get_type_letter (p);

      if (type != '\0')
        {
          per_type[type - 'A'] += n;
          partners_of_type[type - 'A']++;
        }
      total += n;
      put_text (sh, row, 0, rei_partner_get_name (p));
      put_text (sh, row, 1, rei_partner_get_text (p, REI_PARTNER_TYPE));
      put_text (sh, row, 2, rei_partner_get_text (p, REI_PARTNER_SECTOR));
      put_number (sh, row, 3, n);
      row++;
    }

  row++;
  put_header (sh, row++, type_header);
  for (guint t = 0; t < 3; t++)
    {
      char letter[2] = { (char) ('A' + t), '\0' };

      put_text (sh, row, 0, letter);
      put_number (sh, row, 1, partners_of_type[t]);
      put_number (sh, row, 2, per_type[t]);
      row++;
    }
  put_text (sh, row, 0, "Razem");
  put_number (sh, row, 1, partners->len);
  put_number (sh, row, 2, total);
  row += 2;
  put_text (sh, row, 0, period);
  return partners->len;
}

static guint
write_gaps (Sheet     *sh,
            GPtrArray *coverage,
            GPtrArray *needs)
{
  static const char * const header[] = {
    "Rodzaj", "Kod", "Nazwa", "Usługi", "Partnerzy", "Otwarte potrzeby", "Luka", NULL };
  static const char * const need_header[] = {
    "Niezaspokojona potrzeba", "Plan", "Obszar", "Wymiar", "Zapisano", "Usługa partnera jest teraz", NULL };
  guint row = 1;

  put_header (sh, 0, header);
  for (guint i = 0; i < coverage->len; i++, row++)
    {
      ReiCoverage *c = g_ptr_array_index (coverage, i);

      put_text (sh, row, 0, c->is_area ? "obszar" : "wymiar");
      put_text (sh, row, 1, c->code);
      put_text (sh, row, 2, c->label);
      put_number (sh, row, 3, c->n_services);
      put_number (sh, row, 4, c->n_partners);
      put_number (sh, row, 5, c->n_open_needs);
      put_text (sh, row, 6, rei_coverage_is_gap (c) ? "tak" : "nie");
    }

  row++;
  put_header (sh, row++, need_header);
  for (guint i = 0; i < needs->len; i++, row++)
    {
      ReiUnmetNeed *n = g_ptr_array_index (needs, i);

      put_text (sh, row, 0, n->description);
      put_number (sh, row, 1, (double) n->plan_id);
      put_text (sh, row, 2, n->area_code);
      put_text (sh, row, 3, n->dimension_code);
      put_date (sh, row, 4, n->recorded_on);
      put_text (sh, row, 5, n->served_now ? "tak" : "nie");
    }
  return coverage->len;
}

gboolean
rei_network_export_workbook (ReiStore         *store,
                             const char       *path,
                             const char       *from_iso,
                             const char       *to_iso,
                             ReiProgressFunc   progress,
                             gpointer          progress_data,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GPtrArray) partners = NULL, services = NULL, coverage = NULL, needs = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(ReiXlsx) xlsx = NULL;
  static const char * const names[] = { "Partnerzy", "Usługi", "Skierowania", "Luki" };
  /* Columns per sheet, as many as the widest of its tables. */
  static const guint n_columns[] = { 16, 10, 4, 7 };
  Sheet sheets[G_N_ELEMENTS (names)] = { { 0 } };
  lxw_format *money;
  guint last_rows[G_N_ELEMENTS (names)];
  gboolean ok = TRUE;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Everything is read before the file is touched: a failed read leaves no half workbook. */
  if (!rei_store_begin (store, error))
    return FALSE;
  partners = rei_store_list_partners (store, error);
  services = partners ? rei_store_list_services (store, 0, error) : NULL;
  counts = services ? rei_store_count_referrals (store, from_iso, to_iso, cancellable, error) : NULL;
  coverage = counts ? rei_store_list_coverage (store, error) : NULL;
  needs = coverage ? rei_store_list_unmet_needs (store, FALSE, error) : NULL;
  if (needs == NULL || !rei_store_add_audit (store, "network", 0, "export", "workbook", error))
    {
      rei_store_rollback (store);
      return FALSE;
    }
  if (progress)
    progress (0.5, progress_data);

  xlsx = rei_xlsx_new (path, error);
  if (xlsx == NULL)
    {
      rei_store_rollback (store);
      return FALSE;
    }
  rei_xlsx_set_properties (xlsx, "Sieć reintegracji", "Partnerzy, usługi, skierowania i luki");
  money = workbook_add_format (xlsx->workbook);
  format_set_num_format (money, "#,##0.00\\ \"zł\"");
  for (guint i = 0; i < G_N_ELEMENTS (names) && ok; i++)
    {
      sheets[i].xlsx = xlsx;
      sheets[i].money = money;
      rei_xlsx_widths_init (&sheets[i].widths, n_columns[i]);
      ok = (sheets[i].ws = rei_xlsx_add_sheet (xlsx, names[i], error)) != NULL;
    }
  if (ok)
    {
      write_partners (&sheets[0], partners, counts);
      last_rows[0] = partners->len;
      write_services (&sheets[1], services);
      last_rows[1] = services->len;
      last_rows[2] = write_referrals (&sheets[2], partners, counts, from_iso, to_iso);
      last_rows[3] = write_gaps (&sheets[3], coverage, needs);
      /* A filter over the first table only where it is the sheet's only one. */
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        rei_xlsx_finish_table (xlsx, sheets[i].ws, &sheets[i].widths, last_rows[i], i < 2);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    rei_xlsx_widths_clear (&sheets[i].widths);

  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !rei_xlsx_finish (g_steal_pointer (&xlsx), error))
    {
      rei_store_rollback (store);
      return FALSE;
    }
  if (progress)
    progress (1.0, progress_data);
  /* The audit row says an export happened only once the file is in place. */
  return rei_store_commit (store, error);
}

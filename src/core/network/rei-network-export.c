/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "rei-date.h"
#include "rei-export.h"
#include "rei-network-export.h"
#include "rei-store-network.h"

/* Sheet names and headers are the office's vocabulary (Polish), data rather than UI: the tests
 * and the funders' spreadsheets rely on them. */

typedef struct
{
  char          *path;
  char          *tmp_path;     /* 0600, beside the destination */
  char          *scratch_dir;  /* libxlsxwriter's private 0700 work directory */
  lxw_workbook  *workbook;
  lxw_format    *bold;
  lxw_format    *date;
  lxw_format    *money;
  lxw_error      status;
} Workbook;

static void
workbook_free (Workbook *wb)
{
  if (wb == NULL)
    return;
  if (wb->workbook != NULL)
    workbook_close (wb->workbook);
  if (wb->tmp_path != NULL)
    g_unlink (wb->tmp_path);
  if (wb->scratch_dir != NULL)
    {
      g_autoptr(GDir) d = g_dir_open (wb->scratch_dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (wb->scratch_dir, name, NULL);
          g_unlink (child);
        }
      g_rmdir (wb->scratch_dir);
    }
  g_free (wb->path);
  g_free (wb->tmp_path);
  g_free (wb->scratch_dir);
  g_free (wb);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Workbook, workbook_free)

static gboolean
write_error (GError     **error,
             const char  *path,
             const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"),
               display, reason);
  return FALSE;
}

static Workbook *
workbook_open (const char  *path,
               GError     **error)
{
  g_autoptr(Workbook) wb = g_new0 (Workbook, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  lxw_workbook_options options = { 0 };
  int fd;

  wb->path = g_strdup (path);
  wb->scratch_dir = g_dir_make_tmp ("reintegra-XXXXXX", &local_error);
  if (wb->scratch_dir == NULL)
    {
      write_error (error, path, local_error->message);
      return NULL;
    }
  wb->tmp_path = g_build_filename (dir, ".reintegra-export-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (wb->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&wb->tmp_path, g_free);
      write_error (error, path, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);

  options.tmpdir = wb->scratch_dir;
  wb->workbook = workbook_new_opt (wb->tmp_path, &options);
  if (wb->workbook == NULL)
    {
      write_error (error, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return NULL;
    }
  wb->bold = workbook_add_format (wb->workbook);
  format_set_bold (wb->bold);
  wb->date = workbook_add_format (wb->workbook);
  format_set_num_format (wb->date, "dd.mm.yyyy");
  wb->money = workbook_add_format (wb->workbook);
  format_set_num_format (wb->money, "#,##0.00\\ \"zł\"");
  return g_steal_pointer (&wb);
}

static gboolean
workbook_finish (Workbook  *wb,
                 GError   **error)
{
  lxw_error status = workbook_close (g_steal_pointer (&wb->workbook));

  if (wb->status != LXW_NO_ERROR)
    status = wb->status;
  if (status != LXW_NO_ERROR)
    return write_error (error, wb->path, lxw_strerror (status));
  if (g_rename (wb->tmp_path, wb->path) != 0)
    {
      int saved = errno;

      return write_error (error, wb->path, g_strerror (saved));
    }
  g_clear_pointer (&wb->tmp_path, g_free);
  return TRUE;
}

static void
note (Workbook  *wb,
      lxw_error  status)
{
  if (wb->status == LXW_NO_ERROR)
    wb->status = status;
}

static void
put_text (Workbook      *wb,
          lxw_worksheet *ws,
          guint          row,
          guint          col,
          const char    *text)
{
  if (text != NULL && *text != '\0')
    note (wb, worksheet_write_string (ws, row, col, text, NULL));
}

static void
put_number (Workbook      *wb,
            lxw_worksheet *ws,
            guint          row,
            guint          col,
            double         value,
            lxw_format    *format)
{
  note (wb, worksheet_write_number (ws, row, col, value, format));
}

static void
put_date (Workbook      *wb,
          lxw_worksheet *ws,
          guint          row,
          guint          col,
          const char    *iso)
{
  GDate d;
  lxw_datetime dt = { 0 };

  if (iso == NULL || !rei_date_iso_to_gdate (iso, &d))
    return;
  dt.year = g_date_get_year (&d);
  dt.month = g_date_get_month (&d);
  dt.day = g_date_get_day (&d);
  note (wb, worksheet_write_datetime (ws, row, col, &dt, wb->date));
}

static void
put_header (Workbook           *wb,
            lxw_worksheet      *ws,
            guint               row,
            const char * const *titles)
{
  for (guint c = 0; titles[c] != NULL; c++)
    {
      note (wb, worksheet_write_string (ws, row, c, titles[c], wb->bold));
      worksheet_set_column (ws, c, c, c == 0 ? 40 : 14, NULL);
    }
}

static char *
join_areas (ReiPartner *p)
{
  return g_strjoinv ("|", (char **) rei_partner_get_areas (p));
}

static void
write_partners (Workbook      *wb,
                lxw_worksheet *ws,
                GPtrArray     *partners,
                GHashTable    *counts)
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

  put_header (wb, ws, 0, header);
  for (guint i = 0; i < partners->len; i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, i);
      g_autofree char *areas = join_areas (p);
      gint64 id = rei_partner_get_id (p);
      guint row = i + 1;

      for (guint c = 0; c < G_N_ELEMENTS (text_fields); c++)
        put_text (wb, ws, row, c, rei_partner_get_text (p, text_fields[c]));
      put_text (wb, ws, row, 4, areas);
      for (guint c = 0; c < G_N_ELEMENTS (tail_fields); c++)
        put_text (wb, ws, row, 5 + c, rei_partner_get_text (p, tail_fields[c]));
      put_date (wb, ws, row, 11, rei_partner_get_text (p, REI_PARTNER_AGREEMENT_DATE));
      put_date (wb, ws, row, 12, rei_partner_get_text (p, REI_PARTNER_AGREEMENT_UNTIL));
      put_text (wb, ws, row, 13, rei_partner_get_text (p, REI_PARTNER_AGREEMENT_SCOPE));
      put_text (wb, ws, row, 14, rei_partner_get_text (p, REI_PARTNER_NOTES));
      put_number (wb, ws, row, 15, GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id)), NULL);
    }
}

static void
write_services (Workbook      *wb,
                lxw_worksheet *ws,
                GPtrArray     *services)
{
  static const char * const header[] = {
    "Nazwa", "Grupa", "Rodzaj", "Obszar", "Wymiar potencjału", "Realizator", "Miejsca",
    "Koszt", "Aktywna", "Źródło", NULL };

  put_header (wb, ws, 0, header);
  for (guint i = 0; i < services->len; i++)
    {
      ReiService *s = g_ptr_array_index (services, i);
      guint row = i + 1;

      put_text (wb, ws, row, 0, rei_service_get_name (s));
      put_text (wb, ws, row, 1, rei_service_get_text (s, REI_SERVICE_GROUP));
      put_text (wb, ws, row, 2, rei_service_get_text (s, REI_SERVICE_SUBTYPE));
      put_text (wb, ws, row, 3, rei_service_get_text (s, REI_SERVICE_AREA));
      put_text (wb, ws, row, 4, rei_service_get_text (s, REI_SERVICE_DIMENSION));
      put_text (wb, ws, row, 5, rei_service_get_text (s, REI_SERVICE_PROVIDER_NAME));
      if (rei_service_get_capacity (s) >= 0)
        put_number (wb, ws, row, 6, rei_service_get_capacity (s), NULL);
      /* Stored in grosze; the cell holds złoty because that is what a spreadsheet sums.  The
       * division is exact to the grosz for any amount an office has. */
      if (rei_service_get_cost_grosze (s) >= 0)
        put_number (wb, ws, row, 7, rei_service_get_cost_grosze (s) / 100.0, wb->money);
      put_text (wb, ws, row, 8, rei_service_get_active (s) ? "tak" : "nie");
      put_text (wb, ws, row, 9, rei_service_get_text (s, REI_SERVICE_SOURCE));
    }
}

static void
write_referrals (Workbook      *wb,
                 lxw_worksheet *ws,
                 GPtrArray     *partners,
                 GHashTable    *counts,
                 const char    *from_iso,
                 const char    *to_iso)
{
  static const char * const header[] = { "Partner", "Typ", "Sektor", "Skierowania", NULL };
  static const char * const type_header[] = { "Typ", "Partnerzy", "Skierowania", NULL };
  g_autofree char *from = from_iso ? rei_date_format_display (from_iso) : g_strdup ("…");
  g_autofree char *to = to_iso ? rei_date_format_display (to_iso) : g_strdup ("…");
  g_autofree char *period = g_strdup_printf ("Okres: %s – %s", from, to);
  guint per_type[3] = { 0 }, partners_of_type[3] = { 0 };
  guint row = 1, total = 0;

  put_header (wb, ws, 0, header);
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
      put_text (wb, ws, row, 0, rei_partner_get_name (p));
      put_text (wb, ws, row, 1, rei_partner_get_text (p, REI_PARTNER_TYPE));
      put_text (wb, ws, row, 2, rei_partner_get_text (p, REI_PARTNER_SECTOR));
      put_number (wb, ws, row, 3, n, NULL);
      row++;
    }

  row++;
  put_header (wb, ws, row++, type_header);
  for (guint t = 0; t < 3; t++)
    {
      char letter[2] = { (char) ('A' + t), '\0' };

      put_text (wb, ws, row, 0, letter);
      put_number (wb, ws, row, 1, partners_of_type[t], NULL);
      put_number (wb, ws, row, 2, per_type[t], NULL);
      row++;
    }
  put_text (wb, ws, row, 0, "Razem");
  put_number (wb, ws, row, 1, partners->len, NULL);
  put_number (wb, ws, row, 2, total, NULL);
  row += 2;
  put_text (wb, ws, row, 0, period);
}

static void
write_gaps (Workbook      *wb,
            lxw_worksheet *ws,
            GPtrArray     *coverage,
            GPtrArray     *needs)
{
  static const char * const header[] = {
    "Rodzaj", "Kod", "Nazwa", "Usługi", "Partnerzy", "Otwarte potrzeby", "Luka", NULL };
  static const char * const need_header[] = {
    "Niezaspokojona potrzeba", "Plan", "Obszar", "Wymiar", "Zapisano", "Usługa partnera jest teraz", NULL };
  guint row = 1;

  put_header (wb, ws, 0, header);
  for (guint i = 0; i < coverage->len; i++, row++)
    {
      ReiCoverage *c = g_ptr_array_index (coverage, i);

      put_text (wb, ws, row, 0, c->is_area ? "obszar" : "wymiar");
      put_text (wb, ws, row, 1, c->code);
      put_text (wb, ws, row, 2, c->label);
      put_number (wb, ws, row, 3, c->n_services, NULL);
      put_number (wb, ws, row, 4, c->n_partners, NULL);
      put_number (wb, ws, row, 5, c->n_open_needs, NULL);
      put_text (wb, ws, row, 6, rei_coverage_is_gap (c) ? "tak" : "nie");
    }

  row++;
  put_header (wb, ws, row++, need_header);
  for (guint i = 0; i < needs->len; i++, row++)
    {
      ReiUnmetNeed *n = g_ptr_array_index (needs, i);

      put_text (wb, ws, row, 0, n->description);
      put_number (wb, ws, row, 1, (double) n->plan_id, NULL);
      put_text (wb, ws, row, 2, n->area_code);
      put_text (wb, ws, row, 3, n->dimension_code);
      put_date (wb, ws, row, 4, n->recorded_on);
      put_text (wb, ws, row, 5, n->served_now ? "tak" : "nie");
    }
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
  g_autoptr(Workbook) wb = NULL;
  lxw_worksheet *sheets[4];
  static const char * const names[] = { "Partnerzy", "Usługi", "Skierowania", "Luki" };

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

  wb = workbook_open (path, error);
  if (wb == NULL)
    {
      rei_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if ((sheets[i] = workbook_add_worksheet (wb->workbook, names[i])) == NULL)
      {
        rei_store_rollback (store);
        return write_error (error, path, lxw_strerror (LXW_ERROR_CREATING_TMPFILE));
      }
  write_partners (wb, sheets[0], partners, counts);
  write_services (wb, sheets[1], services);
  write_referrals (wb, sheets[2], partners, counts, from_iso, to_iso);
  write_gaps (wb, sheets[3], coverage, needs);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !workbook_finish (wb, error))
    {
      rei_store_rollback (store);
      return FALSE;
    }
  if (progress)
    progress (1.0, progress_data);
  /* The audit row says an export happened only once the file is in place. */
  return rei_store_commit (store, error);
}

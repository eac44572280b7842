/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "rei-date.h"
#include "rei-export-report.h"
#include "rei-export-error.h"
#include "rei-money.h"
#include "rei-store-reports.h"
#include "rei-xlsx.h"

/* Sheet names, headers and codes are Polish on purpose: they are the format funders and the
 * voivode's office read, and the tests hold them to it.  They are data, not UI. */

/* ---------------------------------------------------------------------------------------------
 * The workbook: ReiXlsx (0600 beside the target, renamed at the end, rows streamed) with the
 * two formats these sheets add, a percentage with one decimal and money.
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  ReiXlsx      *xlsx;
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *date;
  lxw_format   *percent;
  lxw_format   *money;
} Book;

static void
book_free (Book *b)
{
  if (b == NULL)
    return;
  g_clear_pointer (&b->xlsx, rei_xlsx_free);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Book, book_free)

static Book *
book_new (const char  *path,
          GError     **error)
{
  g_autoptr(Book) b = g_new0 (Book, 1);

  b->xlsx = rei_xlsx_new (path, error);
  if (b->xlsx == NULL)
    return NULL;
  b->workbook = b->xlsx->workbook;
  b->header = b->xlsx->header;
  b->date = b->xlsx->date;
  b->percent = workbook_add_format (b->workbook);
  format_set_num_format (b->percent, "0.0%");
  b->money = workbook_add_format (b->workbook);
  format_set_num_format (b->money, "#,##0.00");
  return g_steal_pointer (&b);
}

static lxw_worksheet *
book_add_sheet (Book        *b,
                const char  *name,
                GError     **error)
{
  return rei_xlsx_add_sheet (b->xlsx, name, error);
}

static gboolean
book_finish (Book    *book,
             GError **error)
{
  g_autoptr(Book) b = book;

  return rei_xlsx_finish (g_steal_pointer (&b->xlsx), error);
}

static void
set_properties (Book       *b,
                ReiStore   *store,
                const char *title)
{
  g_autofree char *centre = rei_store_get_setting (store, "centre_name", NULL);
  lxw_doc_properties props = { 0 };

  props.title = (char *) title;
  props.company = centre ? centre : (char *) "";
  props.author = (char *) "Reintegra";
  props.created = time (NULL);
  workbook_set_properties (b->workbook, &props);
}

static void
write_date (Book          *b,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *iso)
{
  GDate d;
  lxw_datetime dt = { 0 };

  if (iso == NULL || !rei_date_iso_to_gdate (iso, &d))
    return;
  dt.year = g_date_get_year (&d);
  dt.month = g_date_get_month (&d);
  dt.day = g_date_get_day (&d);
  worksheet_write_datetime (sheet, row, col, &dt, b->date);
}

/* ---------------------------------------------------------------------------------------------
 * The report workbook
 * ------------------------------------------------------------------------------------------- */

static const char * const summary_header[] = {
  "Kod", "Wskaźnik", "Licznik", "Mianownik", "Wartość", "Cel", "Osiągnięty",
};

static const char * const people_header[] = {
  "Nazwisko", "Imię", "PESEL", "Płeć", "Projekt", "Data rozpoczęcia", "Data zakończenia",
  "Sytuacja", "W liczniku",
};

static void
write_summary (Book            *b,
               lxw_worksheet   *sheet,
               const ReiReport *report)
{
  guint n = report->indicators->len;
  lxw_row_t row;

  for (guint c = 0; c < G_N_ELEMENTS (summary_header); c++)
    worksheet_write_string (sheet, 0, c, summary_header[c], b->header);
  worksheet_set_column (sheet, 0, 0, 28, NULL);
  worksheet_set_column (sheet, 1, 1, 48, NULL);

  for (guint i = 0; i < n; i++)
    {
      const ReiReportIndicator *ind = g_ptr_array_index (report->indicators, i);
      g_autofree char *value_f = NULL;
      g_autofree char *met_f = NULL;
      guint r = i + 2;   /* the spreadsheet's row number */

      row = i + 1;
      worksheet_write_string (sheet, row, 0, ind->def->code, NULL);
      worksheet_write_string (sheet, row, 1, ind->def->label, NULL);
      worksheet_write_number (sheet, row, 2, ind->numerator, NULL);
      if (ind->has_denominator)
        worksheet_write_number (sheet, row, 3, ind->denominator, NULL);
      value_f = g_strdup_printf ("=IF(N(D%u)>0,C%u/D%u,0)", r, r, r);
      worksheet_write_formula_num (sheet, row, 4, value_f, b->percent, rei_report_indicator_value (ind));
      if (rei_report_indicator_has_threshold (ind))
        {
          worksheet_write_number (sheet, row, 5, ind->def->threshold / 100.0, b->percent);
          met_f = g_strdup_printf ("=IF(C%u*100>=ROUND(F%u*100,6)*D%u,\"tak\",\"nie\")", r, r, r);
          worksheet_write_formula_str (sheet, row, 6, met_f, NULL,
                                       rei_report_indicator_met (ind) ? "tak" : "nie");
        }
    }

  row = n + 2;
  if (report->project != NULL)
    {
      const ReiProject *p = report->project;
      g_autofree char *share_f = g_strdup_printf ("=IF(N(C%u)>0,C%u/C%u,0)", row + 1, row + 2, row + 1);

      worksheet_write_string (sheet, row, 0, "wartosc", NULL);
      worksheet_write_string (sheet, row, 1, "Wartość projektu (zł)", NULL);
      if (p->total_value >= 0)
        worksheet_write_number (sheet, row, 2, rei_money_to_double (p->total_value), b->money);
      worksheet_write_string (sheet, row + 1, 0, "dofinansowanie", NULL);
      worksheet_write_string (sheet, row + 1, 1, "Dofinansowanie (zł)", NULL);
      if (p->grant_value >= 0)
        worksheet_write_number (sheet, row + 1, 2, rei_money_to_double (p->grant_value), b->money);
      worksheet_write_string (sheet, row + 2, 0, "udzial_dofinansowania", NULL);
      worksheet_write_string (sheet, row + 2, 1, "Udział dofinansowania", NULL);
      worksheet_write_formula_num (sheet, row + 2, 2, share_f, b->percent,
                                   p->total_value > 0 && p->grant_value >= 0
                                     ? (double) p->grant_value / (double) p->total_value : 0.0);
    }

  /* Every indicator's value against its threshold, so a funder sees at a glance which fall short. */
  if (n > 0)
    {
      lxw_chart *chart = workbook_add_chart (b->workbook, LXW_CHART_COLUMN);
      lxw_chart_series *values = chart_add_series (chart, NULL, NULL);
      lxw_chart_series *targets = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (values, "Podsumowanie", 1, 0, n, 0);
      chart_series_set_values (values, "Podsumowanie", 1, 4, n, 4);
      chart_series_set_name (values, "Wartość");
      chart_series_set_categories (targets, "Podsumowanie", 1, 0, n, 0);
      chart_series_set_values (targets, "Podsumowanie", 1, 5, n, 5);
      chart_series_set_name (targets, "Cel");
      chart_title_set_name (chart, "Wskaźniki wobec celów");
      chart_axis_set_num_format (chart->y_axis, "0%");
      worksheet_insert_chart (sheet, row + 5, 1, chart);
    }
}

static void
write_people (Book                     *b,
              lxw_worksheet            *sheet,
              const ReiReportIndicator *ind)
{
  for (guint c = 0; c < G_N_ELEMENTS (people_header); c++)
    worksheet_write_string (sheet, 0, c, people_header[c], b->header);
  worksheet_set_column (sheet, 0, 1, 18, NULL);
  worksheet_set_column (sheet, 2, 2, 13, NULL);
  worksheet_set_column (sheet, 4, 7, 18, NULL);

  for (guint i = 0; ind->people != NULL && i < ind->people->len; i++)
    {
      const ReiIndicatorPerson *p = g_ptr_array_index (ind->people, i);
      lxw_row_t row = i + 1;

      worksheet_write_string (sheet, row, 0, p->surname, NULL);
      worksheet_write_string (sheet, row, 1, p->first_name, NULL);
      if (p->pesel != NULL)
        worksheet_write_string (sheet, row, 2, p->pesel, NULL);
      if (p->sex != NULL)
        worksheet_write_string (sheet, row, 3, p->sex, NULL);
      if (p->project != NULL)
        worksheet_write_string (sheet, row, 4, p->project, NULL);
      write_date (b, sheet, row, 5, p->start_date);
      write_date (b, sheet, row, 6, p->end_date);
      if (p->detail != NULL)
        worksheet_write_string (sheet, row, 7, p->detail, NULL);
      worksheet_write_string (sheet, row, 8, p->counted ? "tak" : "nie", NULL);
    }
}

static gboolean
write_funding (Book           *b,
               ReiStore       *store,
               lxw_worksheet  *sheet,
               int             year,
               GError        **error)
{
  g_autoptr(GPtrArray) list = rei_store_list_funding (store, year, "wykonanie", error);
  gint64 total = 0;
  guint n;

  if (list == NULL)
    return FALSE;
  n = list->len;
  worksheet_write_string (sheet, 0, 0, "Źródło", b->header);
  worksheet_write_string (sheet, 0, 1, "Kwota", b->header);
  worksheet_write_string (sheet, 0, 2, "Udział", b->header);
  worksheet_set_column (sheet, 0, 0, 32, NULL);
  worksheet_set_column (sheet, 1, 2, 16, NULL);
  for (guint i = 0; i < n; i++)
    total += ((ReiFunding *) g_ptr_array_index (list, i))->amount;
  for (guint i = 0; i < n; i++)
    {
      ReiFunding *f = g_ptr_array_index (list, i);
      g_autofree char *share_f = g_strdup_printf ("=IF(SUM(B$2:B$%u)>0,B%u/SUM(B$2:B$%u),0)", n + 1, i + 2, n + 1);

      worksheet_write_string (sheet, i + 1, 0, f->source_label, NULL);
      worksheet_write_number (sheet, i + 1, 1, rei_money_to_double (f->amount), b->money);
      worksheet_write_formula_num (sheet, i + 1, 2, share_f, b->percent,
                                   total > 0 ? (double) f->amount / (double) total : 0.0);
    }
  {
    g_autofree char *sum_f = g_strdup_printf ("=SUM(B2:B%u)", n + 1);

    worksheet_write_string (sheet, n + 1, 0, "Razem", b->header);
    worksheet_write_formula_num (sheet, n + 1, 1, sum_f, b->money, rei_money_to_double (total));
  }
  return TRUE;
}

gboolean
rei_export_report (ReiStore         *store,
                   const ReiReport  *report,
                   const char       *path,
                   GCancellable     *cancellable,
                   ReiProgressFunc   progress,
                   gpointer          progress_data,
                   GError          **error)
{
  g_autoptr(Book) b = NULL;
  g_autofree char *title = NULL;
  lxw_worksheet *summary;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  b = book_new (path, error);
  if (b == NULL)
    return FALSE;
  if (report->project != NULL)
    title = g_strdup_printf ("Wskaźniki projektu %s", report->project->code);
  else
    title = g_strdup_printf ("Wskaźniki za rok %d", report->year);
  set_properties (b, store, title);

  if ((summary = book_add_sheet (b, "Podsumowanie", error)) == NULL)
    return FALSE;
  write_summary (b, summary, report);

  for (guint i = 0; i < report->indicators->len; i++)
    {
      const ReiReportIndicator *ind = g_ptr_array_index (report->indicators, i);
      g_autofree char *name = g_utf8_substring (ind->def->code, 0, MIN (31, g_utf8_strlen (ind->def->code, -1)));
      lxw_worksheet *sheet = book_add_sheet (b, name, error);

      if (sheet == NULL)
        return FALSE;
      write_people (b, sheet, ind);
      if (progress != NULL)
        progress ((double) (i + 1) / (report->indicators->len + 1), progress_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  if (report->project == NULL)
    {
      lxw_worksheet *funding = book_add_sheet (b, "Finansowanie", error);

      if (funding == NULL || !write_funding (b, store, funding, report->year, error))
        return FALSE;
    }

  if (!book_finish (g_steal_pointer (&b), error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * The annual report to the voivode
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  Book          *b;
  lxw_worksheet *sheet;
  lxw_row_t      row;
} Annual;

static void
annual_text (Annual     *a,
             const char *code,
             const char *label,
             const char *text)
{
  worksheet_write_string (a->sheet, a->row, 0, code, NULL);
  worksheet_write_string (a->sheet, a->row, 1, label, NULL);
  if (text != NULL && *text != '\0')
    worksheet_write_string (a->sheet, a->row, 2, text, NULL);
  a->row++;
}

static void
annual_number (Annual     *a,
               const char *code,
               const char *label,
               double      value,
               lxw_format *format)
{
  worksheet_write_string (a->sheet, a->row, 0, code, NULL);
  worksheet_write_string (a->sheet, a->row, 1, label, NULL);
  worksheet_write_number (a->sheet, a->row, 2, value, format);
  a->row++;
}

static void
annual_setting (Annual     *a,
                ReiStore   *store,
                const char *code,
                const char *label)
{
  g_autofree char *value = rei_store_get_setting (store, code, NULL);

  annual_text (a, code, label, value);
}

/* Benefits and bonuses paid, entered as amounts until attendance computes them. */
static void
annual_amount_setting (Annual     *a,
                       ReiStore   *store,
                       int         year,
                       const char *code,
                       const char *label)
{
  g_autofree char *key = g_strdup_printf ("%s_%d", code, year);
  g_autofree char *value = rei_store_get_setting (store, key, NULL);
  gint64 grosze = 0;

  if (value != NULL && rei_money_parse (value, &grosze, NULL))
    annual_number (a, code, label, rei_money_to_double (grosze), a->b->money);
  else
    annual_text (a, code, label, NULL);
}

static gboolean
annual_funding (Annual      *a,
                ReiStore    *store,
                int          year,
                const char  *kind,
                const char  *prefix,
                const char  *label_prefix,
                GError     **error)
{
  g_autoptr(GPtrArray) list = rei_store_list_funding (store, year, kind, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      ReiFunding *f = g_ptr_array_index (list, i);
      g_autofree char *code = g_strconcat (prefix, f->source, NULL);
      g_autofree char *label = g_strdup_printf ("%s: %s (zł)", label_prefix, f->source_label);

      annual_number (a, code, label, rei_money_to_double (f->amount), a->b->money);
    }
  return TRUE;
}

gboolean
rei_export_annual (ReiStore      *store,
                   int            year,
                   const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(Book) b = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(ReiReport) report = NULL;
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  g_autofree char *title = g_strdup_printf ("Sprawozdanie z działalności CIS za rok %d", year);
  g_autofree char *staff = NULL;
  const ReiReportIndicator *self_reliance;
  gint64 n;
  Annual a = { 0 };

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  categories = rei_store_list_categories (store, FALSE, error);
  if (categories == NULL)
    return FALSE;
  report = rei_report_compute_year (store, year, FALSE, cancellable, NULL, NULL, error);
  if (report == NULL)
    return FALSE;

  b = book_new (path, error);
  if (b == NULL)
    return FALSE;
  set_properties (b, store, title);
  a.b = b;
  if ((a.sheet = book_add_sheet (b, "Sprawozdanie", error)) == NULL)
    return FALSE;
  worksheet_set_column (a.sheet, 0, 0, 34, NULL);
  worksheet_set_column (a.sheet, 1, 1, 70, NULL);
  worksheet_set_column (a.sheet, 2, 2, 30, NULL);
  worksheet_write_string (a.sheet, 0, 0, "Kod", b->header);
  worksheet_write_string (a.sheet, 0, 1, "Pozycja", b->header);
  worksheet_write_string (a.sheet, 0, 2, "Wartość", b->header);
  a.row = 1;

  /* Part I: general data, from the centre's preferences. */
  annual_text (&a, "rok", "Okres sprawozdawczy", NULL);
  worksheet_write_number (a.sheet, a.row - 1, 2, year, NULL);
  annual_setting (&a, store, "centre_name", "Nazwa centrum integracji społecznej");
  annual_setting (&a, store, "centre_regon", "REGON");
  annual_setting (&a, store, "centre_address", "Adres i dane kontaktowe");
  annual_setting (&a, store, "centre_founding_body", "Podmiot tworzący");
  annual_setting (&a, store, "centre_status_date", "Data nadania statusu CIS");

  /* (1) staff: the preference is a list of people joined by '|'. */
  staff = rei_store_get_setting (store, "centre_staff", NULL);
  {
    g_auto(GStrv) people = staff && *staff ? g_strsplit (staff, "|", -1) : g_new0 (char *, 1);
    annual_number (&a, "pracownicy", "Liczba pracowników zatrudnionych w okresie sprawozdawczym",
                   g_strv_length (people), NULL);
  }

  /* (2) participants, once each, and per category of art. 1 ust. 2 (a person in two
   * categories counts in each). */
  if ((n = rei_store_count_participants (store, from, to, NULL, error)) < 0)
    return FALSE;
  annual_number (&a, "uczestnicy", "Liczba uczestników w okresie sprawozdawczym", n, NULL);
  for (guint i = 0; i < categories->len; i++)
    {
      const char *code = g_ptr_array_index (categories, i);
      g_autofree char *row_code = g_strconcat ("kategoria:", code, NULL);
      g_autofree char *label = rei_store_get_label (store, "category", code);

      if ((n = rei_store_count_participants (store, from, to, code, error)) < 0)
        return FALSE;
      annual_number (&a, row_code, label, n, NULL);
    }

  /* (3) economically self-reliant: the numerator of the year's usamodzielnienie. */
  self_reliance = rei_report_lookup (report, "usamodzielnienie");
  annual_number (&a, "usamodzielnieni", "Uczestnicy, którzy uzyskali samodzielność ekonomiczną",
                 self_reliance ? self_reliance->numerator : 0, NULL);

  /* (4) in social and vocational reintegration: an IPZS that ran in the year. */
  if ((n = rei_store_count_in_reintegration (store, from, to, error)) < 0)
    return FALSE;
  annual_number (&a, "reintegracja", "Uczestnicy objęci reintegracją społeczną i zawodową (IPZS)", n, NULL);

  /* (5) services given: referrals to the network's services that ran in the year (the plans'
   * own activities are not recorded apart from them yet). */
  {
    gint64 referrals = 0, people = 0;

    if (!rei_store_count_services_given (store, from, to, &referrals, &people, error))
      return FALSE;
    annual_number (&a, "uslugi", "Usługi udzielone uczestnikom (skierowania do partnerów)", referrals, NULL);
    annual_number (&a, "uslugi_osoby", "Uczestnicy, którym udzielono usług", people, NULL);
  }

  /* (6) execution of the financial plan, (7) the plan for the next year. */
  if (!annual_funding (&a, store, year, "wykonanie", "finansowanie:", "Wykonanie planu finansowego", error))
    return FALSE;
  annual_amount_setting (&a, store, year, "swiadczenia_integracyjne", "Wypłacone świadczenia integracyjne (zł)");
  annual_amount_setting (&a, store, year, "premie_integracyjne", "Wypłacone premie motywacyjne (zł)");
  if (!annual_funding (&a, store, year + 1, "plan", "plan:", "Plan na następny rok", error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return book_finish (g_steal_pointer (&b), error);
}

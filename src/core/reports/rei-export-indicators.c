/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-export-indicators.h"

#include <string.h>

#include "rei-indicators.h"
#include "rei-xlsx.h"

/* The sheet and column names below are Polish on purpose: they are the format the funders
 * expect, and the tests hold them to it.  They are data, not UI. */

static const char * const indicator_headers[] = {
  "Kod", "Wskaźnik", "Licznik", "Mianownik", "Wartość",
};

static void
write_indicator_sheet (ReiXlsx            *xlsx,
                       lxw_worksheet      *sheet,
                       ReiIndicatorReport *report)
{
  ReiXlsxWidths widths;
  lxw_row_t row = 1;

  rei_xlsx_widths_init (&widths, G_N_ELEMENTS (indicator_headers));
  rei_xlsx_write_header (xlsx, sheet, &widths, indicator_headers,
                         G_N_ELEMENTS (indicator_headers));
  /* The year goes beside the table, not above it, so that row 1 stays the header; and before
   * the other rows, because constant_memory cannot go back to a finished row. */
  rei_xlsx_note_status (xlsx, worksheet_write_string (sheet, 0, 6, "Rok", xlsx->header));
  rei_xlsx_note_status (xlsx, worksheet_write_number (sheet, 0, 7, report->year, NULL));

  for (guint i = 0; i < report->indicators->len; i++, row++)
    {
      const ReiIndicator *indicator = g_ptr_array_index (report->indicators, i);
      g_autofree char *formula = NULL;
      double value;

      rei_xlsx_write_text (xlsx, sheet, &widths, row, 0, indicator->code, NULL);
      rei_xlsx_write_text (xlsx, sheet, &widths, row, 1, indicator->label, NULL);
      rei_xlsx_write_number (xlsx, sheet, &widths, row, 2, indicator->numerator);
      rei_xlsx_write_number (xlsx, sheet, &widths, row, 3, indicator->denominator);

      /* A formula, so that a funder can see how the rate is made and a corrected count updates
       * it. */
      value = indicator->denominator == 0
              ? 0.0 : (double) indicator->numerator / indicator->denominator;
      formula = g_strdup_printf ("=IF(D%u=0,0,C%u/D%u)", row + 1, row + 1, row + 1);
      rei_xlsx_write_formula (xlsx, sheet, row, 4, formula, xlsx->percent, value);
      rei_xlsx_widths_note (&widths, 4, strlen ("100%"));
    }

  rei_xlsx_finish_table (xlsx, sheet, &widths, row - 1, FALSE);
  rei_xlsx_widths_clear (&widths);
}

static gboolean
graduate_counted_in (const ReiGraduate *graduate,
                     const char        *code)
{
  return graduate->counted_in != NULL
         && g_strv_contains ((const char * const *) graduate->counted_in, code);
}

static void
write_graduate_sheet (ReiXlsx            *xlsx,
                      lxw_worksheet      *sheet,
                      ReiIndicatorReport *report)
{
  static const char * const fixed_headers[] = {
    "Nazwisko", "Imię", "PESEL", "Data zakończenia", "Sytuacja po zakończeniu",
  };
  const guint n_fixed = G_N_ELEMENTS (fixed_headers);
  ReiXlsxWidths widths;
  lxw_row_t row = 1;

  rei_xlsx_widths_init (&widths, n_fixed + report->indicators->len);
  rei_xlsx_write_header (xlsx, sheet, &widths, fixed_headers, n_fixed);
  for (guint i = 0; i < report->indicators->len; i++)
    {
      const ReiIndicator *indicator = g_ptr_array_index (report->indicators, i);

      rei_xlsx_write_text (xlsx, sheet, &widths, 0, (lxw_col_t) (n_fixed + i), indicator->label,
                           xlsx->header);
    }

  for (guint g = 0; g < report->graduates->len; g++, row++)
    {
      const ReiGraduate *graduate = g_ptr_array_index (report->graduates, g);

      rei_xlsx_write_text (xlsx, sheet, &widths, row, 0, graduate->surname, NULL);
      rei_xlsx_write_text (xlsx, sheet, &widths, row, 1, graduate->first_name, NULL);
      rei_xlsx_write_text (xlsx, sheet, &widths, row, 2, graduate->pesel, NULL);
      rei_xlsx_write_date (xlsx, sheet, &widths, row, 3, graduate->end_date);
      rei_xlsx_write_text (xlsx, sheet, &widths, row, 4,
                           graduate->outcome_label != NULL ? graduate->outcome_label
                           : graduate->outcome != NULL ? graduate->outcome : "nieznana",
                           NULL);

      for (guint i = 0; i < report->indicators->len; i++)
        {
          const ReiIndicator *indicator = g_ptr_array_index (report->indicators, i);

          rei_xlsx_write_text (xlsx, sheet, &widths, row, (lxw_col_t) (n_fixed + i),
                               graduate_counted_in (graduate, indicator->code) ? "tak" : "nie",
                               NULL);
        }
    }

  rei_xlsx_finish_table (xlsx, sheet, &widths, row - 1, TRUE);
  rei_xlsx_widths_clear (&widths);
}

gboolean
rei_export_indicators (ReiStore    *store,
                       int          year,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(ReiIndicatorReport) report = NULL;
  g_autoptr(ReiXlsx) xlsx = NULL;
  g_autofree char *title = NULL;
  g_autofree char *graduates_name = NULL;
  lxw_worksheet *indicators_sheet;
  lxw_worksheet *graduates_sheet;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = rei_indicators_compute (store, year, error);
  if (report == NULL)
    return FALSE;

  xlsx = rei_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;
  title = g_strdup_printf ("Wskaźniki %d", report->year);
  rei_xlsx_set_properties (xlsx, title, "Wskaźniki rezultatu i absolwenci roku");

  graduates_name = g_strdup_printf ("Absolwenci %d", report->year);
  if ((indicators_sheet = rei_xlsx_add_sheet (xlsx, "Wskaźniki", error)) == NULL
      || (graduates_sheet = rei_xlsx_add_sheet (xlsx, graduates_name, error)) == NULL)
    return FALSE;

  write_indicator_sheet (xlsx, indicators_sheet, report);
  write_graduate_sheet (xlsx, graduates_sheet, report);

  return rei_xlsx_finish (g_steal_pointer (&xlsx), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-plans-export.h"

#include "rei-plan-print.h"
#include "rei-store-plans.h"
#include "rei-xlsx.h"

/* Sheet and column names are Polish on purpose: the format the office's spreadsheets expect,
 * held to by the tests.  They are data, not UI. */

/* How a column's text is written. */
typedef enum
{
  CELL_TEXT,
  CELL_DATE,    /* ISO date: a real date cell */
  CELL_NUMBER,
  CELL_CODE,    /* a phase or status: a code in the database, written as its Polish label */
} CellKind;

typedef struct
{
  ReiXlsx         *xlsx;
  lxw_worksheet   *sheet;
  const char      *name;
  const char * const *titles;
  guint            part;      /* 1, then 2, 3, … for the sheets a long table goes on to */
  GError          *error;
  ReiXlsxWidths    widths;
  const CellKind  *kinds;
  lxw_row_t        row;
  ReiProgressFunc  progress;
  gpointer         progress_data;
  double           progress_from;
} Sheet;

static void
sheet_clear (Sheet *s)
{
  g_clear_error (&s->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

static gboolean
begin_sheet (Sheet   *s,
             GError **error)
{
  g_autofree char *name = s->part > 1 ? g_strdup_printf ("%s %u", s->name, s->part) : g_strdup (s->name);

  s->sheet = rei_xlsx_add_sheet (s->xlsx, name, error);
  if (s->sheet == NULL)
    return FALSE;
  s->row = 0;
  rei_xlsx_write_header (s->xlsx, s->sheet, &s->widths, s->titles, s->widths.n_columns);
  return TRUE;
}

static gboolean
write_row_cb (const char * const *cells,
              gpointer            user_data)
{
  Sheet *s = user_data;

  /* A sheet holds 1 048 576 rows: at 100 000 people the assessments (a row per dimension) are
   * five times that, and go on in "Oceny 2", "Oceny 3", … with the same header. */
  if (s->row + 1 >= LXW_ROW_MAX)
    {
      rei_xlsx_finish_table (s->xlsx, s->sheet, &s->widths, s->row, TRUE);
      s->part++;
      if (!begin_sheet (s, &s->error))
        return FALSE;
    }
  s->row++;
  for (guint col = 0; col < s->widths.n_columns; col++)
    {
      const char *text = cells[col];

      if (text == NULL || *text == '\0')
        continue;
      switch (s->kinds[col])
        {
        case CELL_DATE:
          rei_xlsx_write_date (s->xlsx, s->sheet, &s->widths, s->row, (lxw_col_t) col, text);
          break;
        case CELL_NUMBER:
          rei_xlsx_write_number (s->xlsx, s->sheet, &s->widths, s->row, (lxw_col_t) col,
                                 g_ascii_strtod (text, NULL));
          break;
        case CELL_CODE:
          rei_xlsx_write_text (s->xlsx, s->sheet, &s->widths, s->row, (lxw_col_t) col,
                               rei_plan_code_label_pl (text), NULL);
          break;
        case CELL_TEXT:
        default:
          rei_xlsx_write_text (s->xlsx, s->sheet, &s->widths, s->row, (lxw_col_t) col, text, NULL);
          break;
        }
    }
  if ((s->row % 5000) == 0 && s->progress != NULL)
    s->progress (MIN (s->progress_from + 0.3, s->progress_from + s->row / 1e6), s->progress_data);
  return s->xlsx->status == LXW_NO_ERROR;
}

/* One sheet, its rows streamed from @foreach in the order they are read. */
static gboolean
write_sheet (Sheet               *s,
             ReiStore            *store,
             const char          *name,
             const char * const  *titles,
             const CellKind      *kinds,
             guint                n_columns,
             gboolean           (*foreach) (ReiStore *, ReiPlanRowFunc, gpointer, GCancellable *, GError **),
             GCancellable        *cancellable,
             GError             **error)
{
  gboolean ok;

  s->name = name;
  s->titles = titles;
  s->kinds = kinds;
  s->part = 1;
  rei_xlsx_widths_init (&s->widths, n_columns);
  ok = begin_sheet (s, error) && foreach (store, write_row_cb, s, cancellable, error);
  if (ok && s->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&s->error));
      ok = FALSE;
    }
  if (ok)
    rei_xlsx_finish_table (s->xlsx, s->sheet, &s->widths, s->row, TRUE);
  rei_xlsx_widths_clear (&s->widths);
  return ok && rei_xlsx_check_status (s->xlsx, error);
}

gboolean
rei_export_plans (ReiStore         *store,
                  const char       *path,
                  ReiProgressFunc   progress,
                  gpointer          progress_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  static const char * const plan_titles[] = { "PESEL", "Nazwisko", "Imię", "Rodzaj", "Od", "Do", "Etap" };
  static const CellKind plan_kinds[] = { CELL_TEXT, CELL_TEXT, CELL_TEXT, CELL_TEXT, CELL_DATE, CELL_DATE, CELL_CODE };
  static const char * const goal_titles[] = { "PESEL", "Cel", "Wymiar", "Kryterium", "Odpowiedzialny", "Termin", "Status" };
  static const CellKind goal_kinds[] = { CELL_TEXT, CELL_TEXT, CELL_TEXT, CELL_TEXT, CELL_TEXT, CELL_DATE, CELL_CODE };
  static const char * const score_titles[] = { "PESEL", "Data", "Wymiar", "Ocena" };
  static const CellKind score_kinds[] = { CELL_TEXT, CELL_DATE, CELL_TEXT, CELL_NUMBER };
  g_autoptr(ReiXlsx) xlsx = NULL;
  g_auto(Sheet) s = { 0 };

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xlsx = rei_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;
  rei_xlsx_set_properties (xlsx, "Plany", "Indywidualne plany i potencjał reintegracyjny");
  s.xlsx = xlsx;
  s.progress = progress;
  s.progress_data = progress_data;
  /* Each sheet is one query read in order and written to its end before the next begins:
   * libxlsxwriter's constant_memory streams every finished row to disk. */
  if (!write_sheet (&s, store, "Plany", plan_titles, plan_kinds, G_N_ELEMENTS (plan_titles),
                    rei_store_foreach_plan_row, cancellable, error))
    return FALSE;
  s.progress_from = 0.33;
  if (!write_sheet (&s, store, "Cele", goal_titles, goal_kinds, G_N_ELEMENTS (goal_titles),
                    rei_store_foreach_goal_row, cancellable, error))
    return FALSE;
  s.progress_from = 0.66;
  if (!write_sheet (&s, store, "Oceny", score_titles, score_kinds, G_N_ELEMENTS (score_titles),
                    rei_store_foreach_score_row, cancellable, error))
    return FALSE;
  if (!rei_xlsx_finish (g_steal_pointer (&xlsx), error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return rei_store_add_audit (store, "plan", 0, "export", NULL, error);
}

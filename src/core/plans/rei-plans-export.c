/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-plans-export.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "rei-date.h"
#include "rei-export.h"
#include "rei-plan-print.h"
#include "rei-store-plans.h"

/* Sheet and column names are Polish on purpose: the format the office's spreadsheets expect,
 * held to by the tests.  They are data, not UI. */

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *header;
  lxw_format    *date;
  const guint8  *date_columns;  /* 1 where the column holds an ISO date */
  const guint8  *number_columns;
  const guint8  *code_columns;   /* 1 where the column holds a plan's code, shown by its label */
  guint          n_columns;
  lxw_row_t      row;
  lxw_error      status;
  GCancellable  *cancellable;
  ReiProgressFunc progress;
  gpointer       progress_data;
  double         progress_from;
} Sheet;

static void
note (Sheet     *s,
      lxw_error  status)
{
  if (status != LXW_NO_ERROR && s->status == LXW_NO_ERROR)
    s->status = status;
}

static gboolean
write_row_cb (const char * const *cells,
              gpointer            user_data)
{
  Sheet *s = user_data;

  s->row++;
  for (guint col = 0; col < s->n_columns; col++)
    {
      const char *text = cells[col];
      GDate date;

      if (text == NULL || *text == '\0')
        continue;
      if (s->code_columns != NULL && s->code_columns[col])
        text = rei_plan_code_label_pl (text);   /* a phase or status: a code in the database */
      if (s->date_columns[col] && rei_date_iso_to_gdate (text, &date))
        {
          lxw_datetime dt = { g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0 };
          note (s, worksheet_write_datetime (s->sheet, s->row, (lxw_col_t) col, &dt, s->date));
        }
      else if (s->number_columns != NULL && s->number_columns[col])
        note (s, worksheet_write_number (s->sheet, s->row, (lxw_col_t) col, g_ascii_strtod (text, NULL), NULL));
      else
        note (s, worksheet_write_string (s->sheet, s->row, (lxw_col_t) col, text, NULL));
    }
  if ((s->row % 5000) == 0 && s->progress != NULL)
    s->progress (MIN (s->progress_from + 0.3, s->progress_from + s->row / 1e6), s->progress_data);
  return s->status == LXW_NO_ERROR;
}

static gboolean
add_sheet (Sheet               *s,
           const char          *name,
           const char * const  *titles,
           const double        *widths)
{
  s->sheet = workbook_add_worksheet (s->workbook, name);
  if (s->sheet == NULL)
    return FALSE;
  s->row = 0;
  for (guint col = 0; col < s->n_columns; col++)
    {
      note (s, worksheet_write_string (s->sheet, 0, (lxw_col_t) col, titles[col], s->header));
      worksheet_set_column (s->sheet, (lxw_col_t) col, (lxw_col_t) col, widths[col], NULL);
    }
  worksheet_freeze_panes (s->sheet, 1, 0);
  return TRUE;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
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
  static const double plan_widths[] = { 13, 20, 16, 8, 12, 12, 26 };
  static const guint8 plan_dates[] = { 0, 0, 0, 0, 1, 1, 0 };
  static const guint8 last_is_code[] = { 0, 0, 0, 0, 0, 0, 1 };
  static const char * const goal_titles[] = { "PESEL", "Cel", "Wymiar", "Kryterium", "Odpowiedzialny", "Termin", "Status" };
  static const double goal_widths[] = { 13, 40, 30, 40, 24, 12, 14 };
  static const guint8 goal_dates[] = { 0, 0, 0, 0, 0, 1, 0 };
  static const char * const score_titles[] = { "PESEL", "Data", "Wymiar", "Ocena" };
  static const double score_widths[] = { 13, 12, 32, 8 };
  static const guint8 score_dates[] = { 0, 1, 0, 0 };
  static const guint8 score_numbers[] = { 0, 0, 0, 1 };
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_build_filename (dir, ".reintegra-export-XXXXXX.xlsx", NULL);
  g_autofree char *scratch = NULL;
  lxw_workbook_options options = { 0 };
  Sheet s = { 0 };
  gboolean ok = TRUE;
  lxw_error status;
  int fd;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  scratch = g_dir_make_tmp ("reintegra-XXXXXX", error);
  if (scratch == NULL)
    return FALSE;
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      remove_dir (scratch);
      g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"),
                   display, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  /* constant_memory streams each finished row to the scratch folder: 100 000 people's rows
   * are never held in memory.  Each sheet is written to its end before the next begins. */
  options.constant_memory = LXW_TRUE;
  options.tmpdir = scratch;
  s.workbook = workbook_new_opt (tmp, &options);
  s.header = workbook_add_format (s.workbook);
  format_set_bold (s.header);
  s.date = workbook_add_format (s.workbook);
  format_set_num_format (s.date, "dd.mm.yyyy");
  s.cancellable = cancellable;
  s.progress = progress;
  s.progress_data = progress_data;

  s.n_columns = 7;
  s.date_columns = plan_dates;
  s.code_columns = last_is_code;
  ok = add_sheet (&s, "Plany", plan_titles, plan_widths)
       && rei_store_foreach_plan_row (store, write_row_cb, &s, cancellable, error);
  if (ok)
    {
      s.date_columns = goal_dates;
      s.progress_from = 0.33;
      ok = add_sheet (&s, "Cele", goal_titles, goal_widths)
           && rei_store_foreach_goal_row (store, write_row_cb, &s, cancellable, error);
    }
  if (ok)
    {
      s.n_columns = 4;
      s.date_columns = score_dates;
      s.number_columns = score_numbers;
      s.code_columns = NULL;
      s.progress_from = 0.66;
      ok = add_sheet (&s, "Oceny", score_titles, score_widths)
           && rei_store_foreach_score_row (store, write_row_cb, &s, cancellable, error);
    }

  status = workbook_close (s.workbook);
  remove_dir (scratch);
  if (ok && (s.status != LXW_NO_ERROR || status != LXW_NO_ERROR))
    {
      g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"),
                   display, lxw_strerror (s.status != LXW_NO_ERROR ? s.status : status));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"),
                   display, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return rei_store_add_audit (store, "plan", 0, "export", NULL, error);
}

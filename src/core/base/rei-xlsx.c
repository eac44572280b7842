/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rei-date.h"

/* Widths are in Excel's "characters"; a column never grows past this, so that one long note
 * does not push everything else off the screen. */
#define MAX_COLUMN_CHARS 50

G_DEFINE_QUARK (rei-export-error-quark, rei_export_error)

static void
remove_scratch_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;

  /* libxlsxwriter unlinks its temporary files as soon as it opens them, but a crash in the
   * middle of packaging could leave one behind; personal data must not outlive the export. */
  d = g_dir_open (dir, 0, NULL);
  if (d != NULL)
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);
        g_unlink (child);
      }
  g_rmdir (dir);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE,
               _("Cannot write “%s”: %s"), display, reason);
}

void
rei_xlsx_free (ReiXlsx *self)
{
  if (self == NULL)
    return;

  /* Closing is the only way to release the worksheet's temporary files; the half-written
   * result is unlinked just after. */
  if (self->workbook != NULL)
    workbook_close (self->workbook);
  g_clear_pointer (&self->tmp, rei_temp_file_free);
  remove_scratch_dir (self->scratch_dir);

  g_free (self->path);
  g_free (self->scratch_dir);
  g_free (self);
}

ReiXlsx *
rei_xlsx_new (const char  *path,
              GError     **error)
{
  g_autoptr(ReiXlsx) self = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook_options options = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ReiXlsx, 1);
  self->path = g_strdup (path);

  self->scratch_dir = g_dir_make_tmp ("reintegra-XXXXXX", &local_error);
  if (self->scratch_dir == NULL)
    {
      set_write_error (error, path, local_error->message);
      return NULL;
    }

  /* Written beside the destination, so that the final rename stays on one file system and the
   * user never sees a half-written workbook under the name they chose. */
  self->tmp = rei_temp_file_new (path, "export", ".xlsx");
  if (self->tmp == NULL)
    {
      set_write_error (error, path, g_strerror (errno));
      return NULL;
    }

  /* constant_memory streams each finished row to disk: 100 000 residents would otherwise be
   * held in memory as a tree of cells.  It requires rows to be written in order. */
  options.constant_memory = LXW_TRUE;
  options.tmpdir = self->scratch_dir;
  self->workbook = workbook_new_opt (rei_temp_file_get_path (self->tmp), &options);
  if (self->workbook == NULL)
    {
      set_write_error (error, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return NULL;
    }

  self->header = workbook_add_format (self->workbook);
  format_set_bold (self->header);
  self->date = workbook_add_format (self->workbook);
  format_set_num_format (self->date, "dd.mm.yyyy");
  self->percent = workbook_add_format (self->workbook);
  format_set_num_format (self->percent, "0%");

  return g_steal_pointer (&self);
}

void
rei_xlsx_set_properties (ReiXlsx    *self,
                         const char *title,
                         const char *subject)
{
  lxw_doc_properties properties = { 0 };

  g_return_if_fail (self != NULL);

  /* libxlsxwriter copies the strings. */
  properties.title = (char *) title;
  properties.subject = (char *) subject;
  rei_xlsx_note_status (self, workbook_set_properties (self->workbook, &properties));
}

lxw_worksheet *
rei_xlsx_add_sheet (ReiXlsx     *self,
                    const char  *name,
                    GError     **error)
{
  lxw_worksheet *sheet;

  g_return_val_if_fail (self != NULL, NULL);

  sheet = workbook_add_worksheet (self->workbook, name);
  if (sheet == NULL)
    set_write_error (error, self->path, lxw_strerror (LXW_ERROR_CREATING_TMPFILE));
  return sheet;
}

void
rei_xlsx_note_status (ReiXlsx   *self,
                      lxw_error  status)
{
  if (status != LXW_NO_ERROR && self->status == LXW_NO_ERROR)
    self->status = status;
}

gboolean
rei_xlsx_check_status (ReiXlsx  *self,
                       GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->status == LXW_NO_ERROR)
    return TRUE;
  set_write_error (error, self->path, lxw_strerror (self->status));
  return FALSE;
}

gboolean
rei_xlsx_finish (ReiXlsx  *self,
                 GError  **error)
{
  g_autoptr(ReiXlsx) owned = self;
  lxw_error status;

  g_return_val_if_fail (self != NULL, FALSE);

  status = workbook_close (g_steal_pointer (&owned->workbook));
  if (owned->status != LXW_NO_ERROR)
    status = owned->status;
  if (status != LXW_NO_ERROR)
    {
      set_write_error (error, owned->path, lxw_strerror (status));
      return FALSE;
    }

  if (!rei_temp_file_commit (owned->tmp))
    {
      int saved_errno = errno;

      set_write_error (error, owned->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

void
rei_xlsx_widths_init (ReiXlsxWidths *widths,
                      guint          n_columns)
{
  widths->n_columns = n_columns;
  widths->chars = g_new0 (guint, n_columns);
}

void
rei_xlsx_widths_clear (ReiXlsxWidths *widths)
{
  g_clear_pointer (&widths->chars, g_free);
  widths->n_columns = 0;
}

void
rei_xlsx_widths_note (ReiXlsxWidths *widths,
                      guint          col,
                      guint          chars)
{
  g_assert (col < widths->n_columns);
  widths->chars[col] = MAX (widths->chars[col], MIN (chars, MAX_COLUMN_CHARS));
}

void
rei_xlsx_write_text (ReiXlsx       *self,
                     lxw_worksheet *sheet,
                     ReiXlsxWidths *widths,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *text,
                     lxw_format    *format)
{
  if (text == NULL || *text == '\0')
    return;

  rei_xlsx_note_status (self, worksheet_write_string (sheet, row, col, text, format));
  rei_xlsx_widths_note (widths, col, (guint) g_utf8_strlen (text, -1));
}

void
rei_xlsx_write_number (ReiXlsx       *self,
                       lxw_worksheet *sheet,
                       ReiXlsxWidths *widths,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       double         value)
{
  g_autofree char *text = g_strdup_printf ("%g", value);

  rei_xlsx_note_status (self, worksheet_write_number (sheet, row, col, value, NULL));
  rei_xlsx_widths_note (widths, col, (guint) strlen (text));
}

/* A real date cell, so that the office can sort and filter by it; text it cannot read as a
 * date is kept as text rather than dropped. */
void
rei_xlsx_write_date (ReiXlsx       *self,
                     lxw_worksheet *sheet,
                     ReiXlsxWidths *widths,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *iso)
{
  lxw_datetime datetime = { 0 };
  GDate date;

  if (iso == NULL || *iso == '\0')
    return;

  if (!rei_date_iso_to_gdate (iso, &date))
    {
      rei_xlsx_write_text (self, sheet, widths, row, col, iso, NULL);
      return;
    }

  datetime.year = g_date_get_year (&date);
  datetime.month = g_date_get_month (&date);
  datetime.day = g_date_get_day (&date);
  rei_xlsx_note_status (self, worksheet_write_datetime (sheet, row, col, &datetime, self->date));
  rei_xlsx_widths_note (widths, col, (guint) strlen ("dd.mm.yyyy"));
}

void
rei_xlsx_write_formula (ReiXlsx       *self,
                        lxw_worksheet *sheet,
                        lxw_row_t      row,
                        lxw_col_t      col,
                        const char    *formula,
                        lxw_format    *format,
                        double         cached_value)
{
  rei_xlsx_note_status (self, worksheet_write_formula_num (sheet, row, col, formula, format,
                                                           cached_value));
}

void
rei_xlsx_write_header (ReiXlsx            *self,
                       lxw_worksheet      *sheet,
                       ReiXlsxWidths      *widths,
                       const char * const *titles,
                       guint               n_titles)
{
  for (guint col = 0; col < n_titles; col++)
    rei_xlsx_write_text (self, sheet, widths, 0, (lxw_col_t) col, titles[col], self->header);
}

/* Header frozen, filter over the whole table, widths fitted: what a clerk would otherwise do
 * by hand before sending the file on. */
void
rei_xlsx_finish_table (ReiXlsx             *self,
                       lxw_worksheet       *sheet,
                       const ReiXlsxWidths *widths,
                       lxw_row_t            last_row,
                       gboolean             autofilter)
{
  worksheet_freeze_panes (sheet, 1, 0);
  if (autofilter)
    rei_xlsx_note_status (self, worksheet_autofilter (sheet, 0, 0, last_row,
                                                      (lxw_col_t) (widths->n_columns - 1)));

  for (guint col = 0; col < widths->n_columns; col++)
    {
      /* Two characters of slack for the autofilter button and the cell padding. */
      double width = MAX (widths->chars[col] + 2.0, LXW_DEF_COL_WIDTH);

      worksheet_set_column (sheet, (lxw_col_t) col, (lxw_col_t) col, width, NULL);
    }
}

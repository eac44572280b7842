/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "rei-export-error.h"
#include "rei-temp-file.h"

G_BEGIN_DECLS

/* What every workbook Reintegra writes has in common, so that a new export (plans, partners,
 * a funder's report) is only its sheets:
 *
 *   - libxlsxwriter works in a private 0700 directory of its own, removed afterwards with
 *     anything left in it: personal data must not outlive the export in /tmp;
 *   - the workbook is written to a 0600 file beside the destination and renamed over it only
 *     when complete, so that the user never sees a half-written file under the name they chose
 *     and an older export is replaced at once or not at all;
 *   - rows are streamed (constant_memory): write each sheet's rows in order, top to bottom;
 *   - the formats every table uses: a bold header, dates as dd.mm.yyyy, a whole percent;
 *   - the first failed write is remembered (ReiXlsx.status) and reported once at the end.
 *
 *   g_autoptr(ReiXlsx) xlsx = rei_xlsx_new (path, error);
 *   sheet = rei_xlsx_add_sheet (xlsx, "Partnerzy", error);
 *   rei_xlsx_widths_init (&widths, N_COLUMNS);
 *   rei_xlsx_write_header (xlsx, sheet, &widths, headers, N_COLUMNS);
 *   … rei_xlsx_write_text / _number / _date / _formula for each row …
 *   rei_xlsx_finish_table (xlsx, sheet, &widths, last_row, TRUE);
 *   rei_xlsx_widths_clear (&widths);
 *   return rei_xlsx_finish (g_steal_pointer (&xlsx), error);
 *
 * Dropping a ReiXlsx without finishing it removes the partial file and the scratch directory
 * and leaves the destination as it was (that is how a cancelled export undoes itself). */

typedef struct
{
  char          *path;         /* the destination the user chose */
  ReiTempFile   *tmp;          /* a 0600 file beside it, renamed over it at the end */
  char          *scratch_dir;  /* libxlsxwriter's private 0700 work directory */
  lxw_workbook  *workbook;
  lxw_error      status;       /* the first failed write, LXW_NO_ERROR while all is well */
  lxw_format    *header;       /* bold */
  lxw_format    *date;         /* dd.mm.yyyy */
  lxw_format    *percent;      /* 0% */
} ReiXlsx;

/* The longest text seen in each column, in characters, so that the widths fit the content
 * without a second pass over 100 000 rows. */
typedef struct
{
  guint  n_columns;
  guint *chars;
} ReiXlsxWidths;

ReiXlsx       *rei_xlsx_new             (const char          *path,
                                         GError             **error);
void           rei_xlsx_free            (ReiXlsx             *self);
/* Title and subject in the document's properties; never a person's name. */
void           rei_xlsx_set_properties  (ReiXlsx             *self,
                                         const char          *title,
                                         const char          *subject);
lxw_worksheet *rei_xlsx_add_sheet       (ReiXlsx             *self,
                                         const char          *name,
                                         GError             **error);
/* Remembers the first failed write of a cell. */
void           rei_xlsx_note_status     (ReiXlsx             *self,
                                         lxw_error            status);
/* FALSE with REI_EXPORT_ERROR_WRITE (naming the file) once a write has failed. */
gboolean       rei_xlsx_check_status    (ReiXlsx             *self,
                                         GError             **error);
/* Writes the workbook and renames it into place; @self is consumed either way. */
gboolean       rei_xlsx_finish          (ReiXlsx             *self,
                                         GError             **error);

void           rei_xlsx_widths_init     (ReiXlsxWidths       *widths,
                                         guint                n_columns);
void           rei_xlsx_widths_clear    (ReiXlsxWidths       *widths);
void           rei_xlsx_widths_note     (ReiXlsxWidths       *widths,
                                         guint                col,
                                         guint                chars);

/* Empty or NULL text writes nothing. */
void           rei_xlsx_write_text      (ReiXlsx             *self,
                                         lxw_worksheet       *sheet,
                                         ReiXlsxWidths       *widths,
                                         lxw_row_t            row,
                                         lxw_col_t            col,
                                         const char          *text,
                                         lxw_format          *format);
void           rei_xlsx_write_number    (ReiXlsx             *self,
                                         lxw_worksheet       *sheet,
                                         ReiXlsxWidths       *widths,
                                         lxw_row_t            row,
                                         lxw_col_t            col,
                                         double               value);
/* A real date cell (dd.mm.yyyy) from "YYYY-MM-DD"; other text is kept as text. */
void           rei_xlsx_write_date      (ReiXlsx             *self,
                                         lxw_worksheet       *sheet,
                                         ReiXlsxWidths       *widths,
                                         lxw_row_t            row,
                                         lxw_col_t            col,
                                         const char          *iso);
/* A formula with its result cached, so that a viewer that does not recalculate (a phone, a
 * preview) still shows the right value.  The width is the caller's to note: only it knows how
 * @format shows the value. */
void           rei_xlsx_write_formula   (ReiXlsx             *self,
                                         lxw_worksheet       *sheet,
                                         lxw_row_t            row,
                                         lxw_col_t            col,
                                         const char          *formula,
                                         lxw_format          *format,
                                         double               cached_value);
void           rei_xlsx_write_header    (ReiXlsx             *self,
                                         lxw_worksheet       *sheet,
                                         ReiXlsxWidths       *widths,
                                         const char * const  *titles,
                                         guint                n_titles);
/* Header row frozen, optionally a filter over rows 0…@last_row, widths fitted. */
void           rei_xlsx_finish_table    (ReiXlsx             *self,
                                         lxw_worksheet       *sheet,
                                         const ReiXlsxWidths *widths,
                                         lxw_row_t            last_row,
                                         gboolean             autofilter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiXlsx, rei_xlsx_free)

G_END_DECLS

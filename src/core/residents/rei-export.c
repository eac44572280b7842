/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-export.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "rei-date.h"
#include "rei-indicators.h"
#include "rei-store-residents.h"

/* Widths are in Excel's "characters"; a column never grows past this, so that one long note
 * does not push everything else off the screen. */
#define MAX_COLUMN_CHARS 50
#define PROGRESS_EVERY   1000

G_DEFINE_QUARK (rei-export-error-quark, rei_export_error)

/* The sheet and column names below are Polish on purpose: they are the format the funders and
 * the office's own spreadsheets expect, and the tests hold them to it.  They are data, not UI. */

/* ---------------------------------------------------------------------------------------------
 * A workbook being written: where it goes, where it is written first, and the formats.
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  char          *path;         /* the destination the user chose */
  char          *tmp_path;     /* a 0600 file beside it, renamed over it at the end */
  char          *scratch_dir;  /* libxlsxwriter's private 0700 work directory */
  lxw_workbook  *workbook;
  lxw_error      status;       /* the first failed write, LXW_NO_ERROR while all is well */
  lxw_format    *header;
  lxw_format    *date;
  lxw_format    *percent;
} ExportTarget;

/* The longest text seen in each column, in characters, so that the widths fit the content
 * without a second pass over 100 000 rows. */
typedef struct
{
  guint  n_columns;
  guint *chars;
} ColumnWidths;

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
export_target_free (ExportTarget *target)
{
  if (target == NULL)
    return;

  /* Closing is the only way to release the worksheet's temporary files; the half-written
   * result is unlinked just after. */
  if (target->workbook != NULL)
    workbook_close (target->workbook);
  if (target->tmp_path != NULL)
    g_unlink (target->tmp_path);
  remove_scratch_dir (target->scratch_dir);

  g_free (target->path);
  g_free (target->tmp_path);
  g_free (target->scratch_dir);
  g_free (target);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportTarget, export_target_free)

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE,
               _("Cannot write “%s”: %s"), display, reason);
}

static ExportTarget *
export_target_new (const char  *path,
                   GError     **error)
{
  g_autoptr(ExportTarget) target = g_new0 (ExportTarget, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  lxw_workbook_options options = { 0 };
  int fd;

  target->path = g_strdup (path);

  target->scratch_dir = g_dir_make_tmp ("reintegra-XXXXXX", &local_error);
  if (target->scratch_dir == NULL)
    {
      set_write_error (error, path, local_error->message);
      return NULL;
    }

  /* Written beside the destination, so that the final rename stays on one file system and the
   * user never sees a half-written workbook under the name they chose. */
  dir = g_path_get_dirname (path);
  target->tmp_path = g_build_filename (dir, ".reintegra-export-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (target->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&target->tmp_path, g_free);
      set_write_error (error, path, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  /* constant_memory streams each finished row to disk: 100 000 residents would otherwise be
   * held in memory as a tree of cells.  It requires rows to be written in order, as we do. */
  options.constant_memory = LXW_TRUE;
  options.tmpdir = target->scratch_dir;
  target->workbook = workbook_new_opt (target->tmp_path, &options);
  if (target->workbook == NULL)
    {
      set_write_error (error, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return NULL;
    }

  target->header = workbook_add_format (target->workbook);
  format_set_bold (target->header);
  target->date = workbook_add_format (target->workbook);
  format_set_num_format (target->date, "dd.mm.yyyy");
  target->percent = workbook_add_format (target->workbook);
  format_set_num_format (target->percent, "0%");

  return g_steal_pointer (&target);
}

static lxw_worksheet *
export_target_add_sheet (ExportTarget  *target,
                         const char    *name,
                         GError       **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (target->workbook, name);

  if (sheet == NULL)
    set_write_error (error, target->path, lxw_strerror (LXW_ERROR_CREATING_TMPFILE));
  return sheet;
}

/* Writes the workbook and puts it in place; the target is consumed either way. */
static gboolean
export_target_finish (ExportTarget  *target,
                      GError       **error)
{
  g_autoptr(ExportTarget) owned = target;
  lxw_error status;

  status = workbook_close (g_steal_pointer (&owned->workbook));
  if (owned->status != LXW_NO_ERROR)
    status = owned->status;
  if (status != LXW_NO_ERROR)
    {
      set_write_error (error, owned->path, lxw_strerror (status));
      return FALSE;
    }

  if (g_rename (owned->tmp_path, owned->path) != 0)
    {
      int saved_errno = errno;

      set_write_error (error, owned->path, g_strerror (saved_errno));
      return FALSE;
    }
  g_clear_pointer (&owned->tmp_path, g_free);

  return TRUE;
}

static void
note_status (ExportTarget *target,
             lxw_error     status)
{
  if (status != LXW_NO_ERROR && target->status == LXW_NO_ERROR)
    target->status = status;
}

static void
column_widths_init (ColumnWidths *widths,
                    guint         n_columns)
{
  widths->n_columns = n_columns;
  widths->chars = g_new0 (guint, n_columns);
}

static void
column_widths_clear (ColumnWidths *widths)
{
  g_clear_pointer (&widths->chars, g_free);
  widths->n_columns = 0;
}

static void
column_widths_note (ColumnWidths *widths,
                    guint         col,
                    guint         chars)
{
  g_assert (col < widths->n_columns);
  widths->chars[col] = MAX (widths->chars[col], MIN (chars, MAX_COLUMN_CHARS));
}

static void
column_widths_apply (const ColumnWidths *widths,
                     lxw_worksheet      *sheet)
{
  for (guint col = 0; col < widths->n_columns; col++)
    {
      /* Two characters of slack for the autofilter button and the cell padding. */
      double width = MAX (widths->chars[col] + 2.0, LXW_DEF_COL_WIDTH);

      worksheet_set_column (sheet, (lxw_col_t) col, (lxw_col_t) col, width, NULL);
    }
}

static void
write_text (ExportTarget  *target,
            lxw_worksheet *sheet,
            ColumnWidths  *widths,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  if (text == NULL || *text == '\0')
    return;

  note_status (target, worksheet_write_string (sheet, row, col, text, format));
  column_widths_note (widths, col, (guint) g_utf8_strlen (text, -1));
}

static void
write_number (ExportTarget  *target,
              lxw_worksheet *sheet,
              ColumnWidths  *widths,
              lxw_row_t      row,
              lxw_col_t      col,
              double         value)
{
  g_autofree char *text = g_strdup_printf ("%g", value);

  note_status (target, worksheet_write_number (sheet, row, col, value, NULL));
  column_widths_note (widths, col, (guint) strlen (text));
}

/* A real date cell, so that the office can sort and filter by it; text it cannot read as a
 * date is kept as text rather than dropped. */
static void
write_date (ExportTarget  *target,
            lxw_worksheet *sheet,
            ColumnWidths  *widths,
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
      write_text (target, sheet, widths, row, col, iso, NULL);
      return;
    }

  datetime.year = g_date_get_year (&date);
  datetime.month = g_date_get_month (&date);
  datetime.day = g_date_get_day (&date);
  note_status (target, worksheet_write_datetime (sheet, row, col, &datetime, target->date));
  column_widths_note (widths, col, (guint) strlen ("dd.mm.yyyy"));
}

static void
write_header (ExportTarget       *target,
              lxw_worksheet      *sheet,
              ColumnWidths       *widths,
              const char * const *titles,
              guint               n_titles)
{
  for (guint col = 0; col < n_titles; col++)
    write_text (target, sheet, widths, 0, (lxw_col_t) col, titles[col], target->header);
}

/* Header frozen, filter over the whole table, widths fitted: what a clerk would otherwise do
 * by hand before sending the file on. */
static void
finish_table (ExportTarget       *target,
              lxw_worksheet      *sheet,
              const ColumnWidths *widths,
              lxw_row_t           last_row,
              gboolean            autofilter)
{
  worksheet_freeze_panes (sheet, 1, 0);
  if (autofilter)
    note_status (target, worksheet_autofilter (sheet, 0, 0, last_row,
                                               (lxw_col_t) (widths->n_columns - 1)));
  column_widths_apply (widths, sheet);
}

/* ---------------------------------------------------------------------------------------------
 * Indicators
 * ------------------------------------------------------------------------------------------- */

static const char * const indicator_headers[] = {
  "Kod", "Wskaźnik", "Licznik", "Mianownik", "Wartość",
};

static void
write_indicator_sheet (ExportTarget       *target,
                       lxw_worksheet      *sheet,
                       ReiIndicatorReport *report)
{
  ColumnWidths widths;
  lxw_row_t row = 1;

  column_widths_init (&widths, G_N_ELEMENTS (indicator_headers));
  write_header (target, sheet, &widths, indicator_headers, G_N_ELEMENTS (indicator_headers));
  /* The year goes beside the table, not above it, so that row 1 stays the header; and before
   * the other rows, because constant_memory cannot go back to a finished row. */
  note_status (target, worksheet_write_string (sheet, 0, 6, "Rok", target->header));
  note_status (target, worksheet_write_number (sheet, 0, 7, report->year, NULL));

  for (guint i = 0; i < report->indicators->len; i++, row++)
    {
      const ReiIndicator *indicator = g_ptr_array_index (report->indicators, i);
      g_autofree char *formula = NULL;
      double value;

      write_text (target, sheet, &widths, row, 0, indicator->code, NULL);
      write_text (target, sheet, &widths, row, 1, indicator->label, NULL);
      write_number (target, sheet, &widths, row, 2, indicator->numerator);
      write_number (target, sheet, &widths, row, 3, indicator->denominator);

      /* A formula, so that a funder can see how the rate is made and a corrected count updates
       * it; with its result cached, so that a viewer that does not recalculate (a phone, a
       * preview) still shows the right rate. */
      value = indicator->denominator == 0
              ? 0.0 : (double) indicator->numerator / indicator->denominator;
      formula = g_strdup_printf ("=IF(D%u=0,0,C%u/D%u)", row + 1, row + 1, row + 1);
      note_status (target, worksheet_write_formula_num (sheet, row, 4, formula,
                                                        target->percent, value));
      column_widths_note (&widths, 4, strlen ("100%"));
    }

  finish_table (target, sheet, &widths, row - 1, FALSE);
  column_widths_clear (&widths);
}

static gboolean
graduate_counted_in (const ReiGraduate *graduate,
                     const char        *code)
{
  return graduate->counted_in != NULL
         && g_strv_contains ((const char * const *) graduate->counted_in, code);
}

static void
write_graduate_sheet (ExportTarget       *target,
                      lxw_worksheet      *sheet,
                      ReiIndicatorReport *report)
{
  static const char * const fixed_headers[] = {
    "Nazwisko", "Imię", "PESEL", "Data zakończenia", "Sytuacja po zakończeniu",
  };
  const guint n_fixed = G_N_ELEMENTS (fixed_headers);
  ColumnWidths widths;
  lxw_row_t row = 1;

  column_widths_init (&widths, n_fixed + report->indicators->len);
  write_header (target, sheet, &widths, fixed_headers, n_fixed);
  for (guint i = 0; i < report->indicators->len; i++)
    {
      const ReiIndicator *indicator = g_ptr_array_index (report->indicators, i);

      write_text (target, sheet, &widths, 0, (lxw_col_t) (n_fixed + i), indicator->label,
                  target->header);
    }

  for (guint g = 0; g < report->graduates->len; g++, row++)
    {
      const ReiGraduate *graduate = g_ptr_array_index (report->graduates, g);

      write_text (target, sheet, &widths, row, 0, graduate->surname, NULL);
      write_text (target, sheet, &widths, row, 1, graduate->first_name, NULL);
      write_text (target, sheet, &widths, row, 2, graduate->pesel, NULL);
      write_date (target, sheet, &widths, row, 3, graduate->end_date);
      write_text (target, sheet, &widths, row, 4,
                  graduate->outcome_label != NULL ? graduate->outcome_label
                  : graduate->outcome != NULL ? graduate->outcome : "nieznana",
                  NULL);

      for (guint i = 0; i < report->indicators->len; i++)
        {
          const ReiIndicator *indicator = g_ptr_array_index (report->indicators, i);

          write_text (target, sheet, &widths, row, (lxw_col_t) (n_fixed + i),
                      graduate_counted_in (graduate, indicator->code) ? "tak" : "nie", NULL);
        }
    }

  finish_table (target, sheet, &widths, row - 1, TRUE);
  column_widths_clear (&widths);
}

gboolean
rei_export_indicators (ReiStore    *store,
                       int          year,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(ReiIndicatorReport) report = NULL;
  g_autoptr(ExportTarget) target = NULL;
  g_autofree char *graduates_name = NULL;
  lxw_worksheet *indicators_sheet;
  lxw_worksheet *graduates_sheet;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = rei_indicators_compute (store, year, error);
  if (report == NULL)
    return FALSE;

  target = export_target_new (path, error);
  if (target == NULL)
    return FALSE;

  graduates_name = g_strdup_printf ("Absolwenci %d", report->year);
  if ((indicators_sheet = export_target_add_sheet (target, "Wskaźniki", error)) == NULL
      || (graduates_sheet = export_target_add_sheet (target, graduates_name, error)) == NULL)
    return FALSE;

  write_indicator_sheet (target, indicators_sheet, report);
  write_graduate_sheet (target, graduates_sheet, report);

  return export_target_finish (g_steal_pointer (&target), error);
}

/* ---------------------------------------------------------------------------------------------
 * Residents
 * ------------------------------------------------------------------------------------------- */

enum
{
  COL_SURNAME,
  COL_FIRST_NAME,
  COL_PESEL,
  COL_SEX,
  COL_BIRTH_DATE,
  COL_CATEGORIES,
  COL_ADMISSION_DATE,
  COL_END_DATE,
  COL_END_REASON,
  COL_OUTCOME,
  COL_WORKSHOP,
  COL_PROJECTS,
  N_RESIDENT_COLUMNS
};

static const char * const resident_headers[N_RESIDENT_COLUMNS] = {
  [COL_SURNAME] = "Nazwisko",
  [COL_FIRST_NAME] = "Imię",
  [COL_PESEL] = "PESEL",
  [COL_SEX] = "Płeć",
  [COL_BIRTH_DATE] = "Data urodzenia",
  [COL_CATEGORIES] = "Kategorie",
  [COL_ADMISSION_DATE] = "Data przyjęcia",
  [COL_END_DATE] = "Data zakończenia",
  [COL_END_REASON] = "Powód zakończenia",
  [COL_OUTCOME] = "Sytuacja po",
  [COL_WORKSHOP] = "Warsztat",
  [COL_PROJECTS] = "Projekt",
};

typedef struct
{
  ReiStore        *store;
  ExportTarget    *target;
  lxw_worksheet   *sheet;
  ColumnWidths     widths;
  lxw_row_t        row;
  gint64           total;
  ReiProgressFunc  progress;
  gpointer         progress_data;
  /* code → label */
  GHashTable      *categories;
  GHashTable      *end_reasons;
  GHashTable      *outcomes;
} ResidentExport;

/* Codes are few and repeat on every row: each label is asked of the store once.  The store may
 * be asked while it streams the rows (its lock is recursive), which also finds the labels of
 * categories that are no longer active. */
static const char *
lookup_label (ResidentExport *self,
              GHashTable     *labels,
              const char     *table,
              const char     *code)
{
  const char *label;

  if (code == NULL)
    return NULL;

  label = g_hash_table_lookup (labels, code);
  if (label == NULL)
    {
      char *found = rei_store_get_label (self->store, table, code);

      /* A code the lookup table does not know is still worth showing as it is. */
      label = found != NULL ? found : g_strdup (code);
      g_hash_table_insert (labels, g_strdup (code), (char *) label);
    }
  return label;
}

static gboolean
write_resident_cb (ReiResident *resident,
                   gpointer     user_data)
{
  ResidentExport *self = user_data;
  ExportTarget *target = self->target;
  const char * const *categories = rei_resident_get_categories (resident);
  const char * const *projects = rei_resident_get_projects (resident);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) category_labels = NULL;
  g_autofree char *joined_categories = NULL;
  g_autofree char *joined_projects = NULL;
  lxw_row_t row = self->row;

#define TEXT(col, field) \
  write_text (target, self->sheet, &self->widths, row, col, \
              rei_resident_get (resident, field), NULL)
#define DATE(col, field) \
  write_date (target, self->sheet, &self->widths, row, col, rei_resident_get (resident, field))

  TEXT (COL_SURNAME, REI_RESIDENT_SURNAME);
  TEXT (COL_FIRST_NAME, REI_RESIDENT_FIRST_NAME);
  TEXT (COL_PESEL, REI_RESIDENT_PESEL);
  TEXT (COL_SEX, REI_RESIDENT_SEX);
  DATE (COL_BIRTH_DATE, REI_RESIDENT_BIRTH_DATE);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    g_strv_builder_add (labels, lookup_label (self, self->categories, REI_LOOKUP_CATEGORY,
                                              categories[i]));
  category_labels = g_strv_builder_end (labels);
  joined_categories = g_strjoinv (", ", category_labels);
  write_text (target, self->sheet, &self->widths, row, COL_CATEGORIES, joined_categories, NULL);

  DATE (COL_ADMISSION_DATE, REI_RESIDENT_ADMISSION_DATE);
  DATE (COL_END_DATE, REI_RESIDENT_END_DATE);
  write_text (target, self->sheet, &self->widths, row, COL_END_REASON,
              lookup_label (self, self->end_reasons, REI_LOOKUP_END_REASON,
                            rei_resident_get (resident, REI_RESIDENT_END_REASON)),
              NULL);
  write_text (target, self->sheet, &self->widths, row, COL_OUTCOME,
              lookup_label (self, self->outcomes, REI_LOOKUP_OUTCOME,
                            rei_resident_get (resident, REI_RESIDENT_OUTCOME)),
              NULL);
  TEXT (COL_WORKSHOP, REI_RESIDENT_WORKSHOP);

  if (projects != NULL)
    joined_projects = g_strjoinv (", ", (char **) projects);
  write_text (target, self->sheet, &self->widths, row, COL_PROJECTS, joined_projects, NULL);

#undef TEXT
#undef DATE

  self->row++;
  if (self->progress != NULL && self->total > 0 && (self->row - 1) % PROGRESS_EVERY == 0)
    self->progress (MIN (1.0, (double) (self->row - 1) / self->total), self->progress_data);

  /* A failed write (a cell past Excel's limits) spoils the file: stop rather than stream on. */
  return target->status == LXW_NO_ERROR;
}

static void
resident_export_clear (ResidentExport *self)
{
  column_widths_clear (&self->widths);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  g_clear_pointer (&self->end_reasons, g_hash_table_unref);
  g_clear_pointer (&self->outcomes, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ResidentExport, resident_export_clear)

static gboolean
query_is_everything (const ReiResidentQuery *query)
{
  return query == NULL
         || ((query->search == NULL || *query->search == '\0')
             && query->status == REI_RESIDENT_STATUS_ANY
             && query->category == NULL
             && query->workshop == NULL
             && query->project == NULL
             && query->admission_year == 0
             && query->end_year == 0);
}

gboolean
rei_export_residents (ReiStore               *store,
                      const ReiResidentQuery *query,
                      const char             *path,
                      ReiProgressFunc         progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_auto(ResidentExport) self = { 0 };
  g_autoptr(ExportTarget) target = NULL;
  g_autoptr(ReiResidentQuery) default_query = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (query == NULL)
    query = default_query = rei_resident_query_new ();

  /* Only for the progress bar; a filtered export has to ask which residents match. */
  if (progress != NULL)
    {
      if (query_is_everything (query))
        self.total = rei_store_count_residents (store, error);
      else
        {
          g_autoptr(GArray) ids = rei_store_query_resident_ids (store, query, cancellable, error);

          self.total = ids != NULL ? (gint64) ids->len : -1;
        }
      if (self.total < 0)
        return FALSE;
    }

  target = export_target_new (path, error);
  if (target == NULL)
    return FALSE;
  if ((self.sheet = export_target_add_sheet (target, "Uczestnicy", error)) == NULL)
    return FALSE;

  self.store = store;
  self.target = target;
  self.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.end_reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.progress = progress;
  self.progress_data = progress_data;
  column_widths_init (&self.widths, N_RESIDENT_COLUMNS);
  write_header (target, self.sheet, &self.widths, resident_headers, N_RESIDENT_COLUMNS);
  self.row = 1;

  ok = rei_store_foreach_resident (store, query, write_resident_cb, &self, cancellable,
                                   &local_error);
  /* The partial file is removed with the target when it goes out of scope. */
  if (target->status != LXW_NO_ERROR)
    {
      set_write_error (error, path, lxw_strerror (target->status));
      return FALSE;
    }
  if (!ok || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_FAILED,
                     _("The residents could not be read."));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  finish_table (target, self.sheet, &self.widths, self.row - 1, TRUE);

  if (!export_target_finish (g_steal_pointer (&target), error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * One person (GDPR art. 15, the right of access)
 * ------------------------------------------------------------------------------------------- */

/* Labels of the fields as the person and the office call them; also used for the field names
 * in the history, so that "phone,notes" reads "Telefon, Uwagi". */
static const char * const person_field_labels[REI_RESIDENT_N_FIELDS] = {
  [REI_RESIDENT_FIRST_NAME] = "Imię",
  [REI_RESIDENT_SURNAME] = "Nazwisko",
  [REI_RESIDENT_PESEL] = "PESEL",
  [REI_RESIDENT_SEX] = "Płeć",
  [REI_RESIDENT_BIRTH_DATE] = "Data urodzenia",
  [REI_RESIDENT_PHONE] = "Telefon",
  [REI_RESIDENT_EMAIL] = "E-mail",
  [REI_RESIDENT_ADDRESS] = "Adres",
  [REI_RESIDENT_POSTCODE] = "Kod pocztowy",
  [REI_RESIDENT_TOWN] = "Miejscowość",
  [REI_RESIDENT_COMMUNE] = "Gmina",
  [REI_RESIDENT_CITIZENSHIP] = "Obywatelstwo",
  [REI_RESIDENT_REFERRAL] = "Skierowanie",
  [REI_RESIDENT_REFERRAL_DATE] = "Data skierowania",
  [REI_RESIDENT_CONTRACT_NUMBER] = "Numer kontraktu socjalnego",
  [REI_RESIDENT_EDUCATION] = "Wykształcenie",
  [REI_RESIDENT_LABOUR_STATUS] = "Status na rynku pracy",
  [REI_RESIDENT_DISABILITY] = "Niepełnosprawność",
  [REI_RESIDENT_ADMISSION_DATE] = "Data przyjęcia",
  [REI_RESIDENT_END_DATE] = "Data zakończenia",
  [REI_RESIDENT_END_REASON] = "Powód zakończenia",
  [REI_RESIDENT_OUTCOME] = "Sytuacja po zakończeniu",
  [REI_RESIDENT_OUTCOME_DATE] = "Data sytuacji po zakończeniu",
  [REI_RESIDENT_WORKSHOP] = "Warsztat",
  [REI_RESIDENT_CONSENT_BASIS] = "Podstawa prawna przetwarzania",
  [REI_RESIDENT_CONSENT_DATE] = "Data zgody",
  [REI_RESIDENT_NOTES] = "Uwagi",
};

static const struct
{
  const char *action;
  const char *label;
} audit_action_labels[] = {
  { "insert", "Dodanie" },
  { "update", "Zmiana" },
  { "delete", "Usunięcie" },
  { "restore", "Przywrócenie" },
  { "anonymise", "Anonimizacja" },
  { "import", "Import" },
  { "export", "Wydanie danych" },
};

static const char *
audit_action_label (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (audit_action_labels); i++)
    if (g_strcmp0 (audit_action_labels[i].action, action) == 0)
      return audit_action_labels[i].label;
  return action;
}

/* "phone,notes,categories" → "Telefon, Uwagi, Kategorie". */
static char *
audit_fields_label (const char *detail)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  if (detail == NULL || *detail == '\0')
    return NULL;

  names = g_strsplit (detail, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      ReiResidentField field;
      const char *label = names[i];

      if (rei_resident_field_from_name (names[i], &field))
        label = person_field_labels[field];
      else if (g_str_equal (names[i], "categories"))
        label = "Kategorie";
      else if (g_str_equal (names[i], "projects"))
        label = "Projekty";
      else if (g_str_equal (names[i], "extension-months"))
        label = "Przedłużenie (miesiące)";
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", label);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

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
write_person_sheet (ExportTarget  *target,
                    lxw_worksheet *sheet,
                    ReiStore      *store,
                    ReiResident   *resident)
{
  static const char * const headers[] = { "Pole", "Wartość" };
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, rei_resident_get_id (resident));
  g_autofree char *extension = g_strdup_printf ("%d", rei_resident_get_extension_months (resident));
  ColumnWidths widths;
  lxw_row_t row = 1;

  column_widths_init (&widths, G_N_ELEMENTS (headers));
  write_header (target, sheet, &widths, headers, G_N_ELEMENTS (headers));

  write_text (target, sheet, &widths, row, 0, "Numer w rejestrze", NULL);
  write_text (target, sheet, &widths, row++, 1, id_text, NULL);

  /* Every field, filled or not: the person sees what the register can hold about them, and
   * an empty value says that nothing is held. */
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++, row++)
    {
      const char *value = rei_resident_get (resident, i);
      const char *table = field_table (i);

      write_text (target, sheet, &widths, row, 0, person_field_labels[i], NULL);
      if (rei_resident_field_is_date (i))
        write_date (target, sheet, &widths, row, 1, value);
      else if (table != NULL && value != NULL)
        {
          g_autofree char *label = rei_store_get_label (store, table, value);

          write_text (target, sheet, &widths, row, 1, label != NULL ? label : value, NULL);
        }
      else
        write_text (target, sheet, &widths, row, 1, value, NULL);
    }

  write_text (target, sheet, &widths, row, 0, "Przedłużenie uczestnictwa (miesiące)", NULL);
  write_text (target, sheet, &widths, row++, 1, extension, NULL);
  write_text (target, sheet, &widths, row, 0, "Dane zanonimizowane", NULL);
  write_text (target, sheet, &widths, row, 1,
              rei_resident_get_anonymised (resident) ? "tak" : "nie", NULL);

  finish_table (target, sheet, &widths, row, FALSE);
  column_widths_clear (&widths);
}

static void
write_membership_sheet (ExportTarget  *target,
                        lxw_worksheet *sheet,
                        ReiStore      *store,
                        ReiResident   *resident)
{
  static const char * const headers[] = { "Rodzaj", "Nazwa", "Kod" };
  const char * const *categories = rei_resident_get_categories (resident);
  const char * const *projects = rei_resident_get_projects (resident);
  ColumnWidths widths;
  lxw_row_t row = 1;

  column_widths_init (&widths, G_N_ELEMENTS (headers));
  write_header (target, sheet, &widths, headers, G_N_ELEMENTS (headers));

  for (guint i = 0; categories[i] != NULL; i++, row++)
    {
      g_autofree char *label = rei_store_get_label (store, REI_LOOKUP_CATEGORY, categories[i]);

      write_text (target, sheet, &widths, row, 0, "Kategoria (art. 1 ust. 2)", NULL);
      write_text (target, sheet, &widths, row, 1, label != NULL ? label : categories[i], NULL);
      write_text (target, sheet, &widths, row, 2, categories[i], NULL);
    }
  for (guint i = 0; projects[i] != NULL; i++, row++)
    {
      write_text (target, sheet, &widths, row, 0, "Projekt", NULL);
      write_text (target, sheet, &widths, row, 1, projects[i], NULL);
    }

  finish_table (target, sheet, &widths, MAX (row - 1, 1), FALSE);
  column_widths_clear (&widths);
}

static void
write_history_sheet (ExportTarget  *target,
                     lxw_worksheet *sheet,
                     GPtrArray     *entries)
{
  static const char * const headers[] = { "Data", "Kto", "Czynność", "Pola" };
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  ColumnWidths widths;
  lxw_format *datetime_format = workbook_add_format (target->workbook);
  lxw_row_t row = 1;

  format_set_num_format (datetime_format, "dd.mm.yyyy hh:mm");
  column_widths_init (&widths, G_N_ELEMENTS (headers));
  write_header (target, sheet, &widths, headers, G_N_ELEMENTS (headers));

  for (guint i = 0; i < entries->len; i++, row++)
    {
      const ReiAuditEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *fields = audit_fields_label (e->detail);

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

          note_status (target, worksheet_write_datetime (sheet, row, 0, &when, datetime_format));
          column_widths_note (&widths, 0, (guint) strlen ("dd.mm.yyyy hh:mm"));
        }
      else
        write_text (target, sheet, &widths, row, 0, e->at, NULL);
      write_text (target, sheet, &widths, row, 1, e->actor, NULL);
      write_text (target, sheet, &widths, row, 2, audit_action_label (e->action), NULL);
      write_text (target, sheet, &widths, row, 3, fields, NULL);
    }

  finish_table (target, sheet, &widths, MAX (row - 1, 1), TRUE);
  column_widths_clear (&widths);
}

gboolean
rei_export_person (ReiStore    *store,
                   gint64       id,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(ReiResident) resident = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(ExportTarget) target = NULL;
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

  target = export_target_new (path, error);
  if (target == NULL)
    return FALSE;
  if ((person_sheet = export_target_add_sheet (target, "Dane osobowe", error)) == NULL
      || (membership_sheet = export_target_add_sheet (target, "Kategorie i projekty", error)) == NULL
      || (history_sheet = export_target_add_sheet (target, "Historia zmian", error)) == NULL)
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
  if (!export_target_finish (g_steal_pointer (&target), error))
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-export-residents.h"

#include <glib/gi18n-lib.h>

#include "rei-store-residents.h"
#include "rei-xlsx.h"

/* The progress bar moves every this many rows. */
#define PROGRESS_EVERY 1000

/* The sheet and column names below are Polish on purpose: they are the format the office's own
 * spreadsheets expect, and the tests hold them to it.  They are data, not UI. */
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
  ReiXlsx         *xlsx;
  lxw_worksheet   *sheet;
  ReiXlsxWidths    widths;
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
  ReiXlsx *xlsx = self->xlsx;
  const char * const *categories = rei_resident_get_categories (resident);
  const char * const *projects = rei_resident_get_projects (resident);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) category_labels = NULL;
  g_autofree char *joined_categories = NULL;
  g_autofree char *joined_projects = NULL;
  lxw_row_t row = self->row;

#define TEXT(col, field) \
  rei_xlsx_write_text (xlsx, self->sheet, &self->widths, row, col, \
                       rei_resident_get (resident, field), NULL)
#define DATE(col, field) \
  rei_xlsx_write_date (xlsx, self->sheet, &self->widths, row, col, \
                       rei_resident_get (resident, field))

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
  rei_xlsx_write_text (xlsx, self->sheet, &self->widths, row, COL_CATEGORIES, joined_categories,
                       NULL);

  DATE (COL_ADMISSION_DATE, REI_RESIDENT_ADMISSION_DATE);
  DATE (COL_END_DATE, REI_RESIDENT_END_DATE);
  rei_xlsx_write_text (xlsx, self->sheet, &self->widths, row, COL_END_REASON,
                       lookup_label (self, self->end_reasons, REI_LOOKUP_END_REASON,
                                     rei_resident_get (resident, REI_RESIDENT_END_REASON)),
                       NULL);
  rei_xlsx_write_text (xlsx, self->sheet, &self->widths, row, COL_OUTCOME,
                       lookup_label (self, self->outcomes, REI_LOOKUP_OUTCOME,
                                     rei_resident_get (resident, REI_RESIDENT_OUTCOME)),
                       NULL);
  TEXT (COL_WORKSHOP, REI_RESIDENT_WORKSHOP);

  if (projects != NULL)
    joined_projects = g_strjoinv (", ", (char **) projects);
  rei_xlsx_write_text (xlsx, self->sheet, &self->widths, row, COL_PROJECTS, joined_projects,
                       NULL);

#undef TEXT
#undef DATE

  self->row++;
  if (self->progress != NULL && self->total > 0 && (self->row - 1) % PROGRESS_EVERY == 0)
    self->progress (MIN (1.0, (double) (self->row - 1) / self->total), self->progress_data);

  /* A failed write (a cell past Excel's limits) spoils the file: stop rather than stream on. */
  return xlsx->status == LXW_NO_ERROR;
}

static void
resident_export_clear (ResidentExport *self)
{
  rei_xlsx_widths_clear (&self->widths);
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
             && query->end_year == 0
             && !query->review_overdue);
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
  g_autoptr(ReiXlsx) xlsx = NULL;
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

  xlsx = rei_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;
  rei_xlsx_set_properties (xlsx, "Uczestnicy", "Rejestr uczestników");
  if ((self.sheet = rei_xlsx_add_sheet (xlsx, "Uczestnicy", error)) == NULL)
    return FALSE;

  self.store = store;
  self.xlsx = xlsx;
  self.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.end_reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.progress = progress;
  self.progress_data = progress_data;
  rei_xlsx_widths_init (&self.widths, N_RESIDENT_COLUMNS);
  rei_xlsx_write_header (xlsx, self.sheet, &self.widths, resident_headers, N_RESIDENT_COLUMNS);
  self.row = 1;

  ok = rei_store_foreach_resident (store, query, write_resident_cb, &self, cancellable,
                                   &local_error);
  /* The partial file is removed with the workbook when it goes out of scope. */
  if (!rei_xlsx_check_status (xlsx, error))
    return FALSE;
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

  rei_xlsx_finish_table (xlsx, self.sheet, &self.widths, self.row - 1, TRUE);

  if (!rei_xlsx_finish (g_steal_pointer (&xlsx), error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

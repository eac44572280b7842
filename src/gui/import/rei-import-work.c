/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-import-work.h"

#include <glib/gi18n.h>

#include "rei-importer.h"
#include "rei-store-residents.h"

ReiImportWork *
rei_import_work_new (ReiStore       *store,
                     GFile          *file,
                     GBytes         *bytes,
                     ReiCsvEncoding  encoding,
                     gboolean        write)
{
  ReiImportWork *work = g_new0 (ReiImportWork, 1);

  work->store = g_object_ref (store);
  work->file = g_object_ref (file);
  work->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  work->encoding = encoding;
  work->write = write;
  return work;
}

void
rei_import_work_free (gpointer data)
{
  ReiImportWork *work = data;

  g_clear_object (&work->store);
  g_clear_object (&work->file);
  g_clear_pointer (&work->bytes, g_bytes_unref);
  g_clear_pointer (&work->preview, g_ptr_array_unref);
  g_clear_pointer (&work->problem_lines, g_array_unref);
  g_clear_pointer (&work->problem_texts, g_strfreev);
  g_free (work);
}

static char *
dup_category_labels (ReiStore    *store,
                     ReiResident *resident)
{
  const char * const *codes = rei_resident_get_categories (resident);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *label = rei_store_get_label (store, REI_LOOKUP_CATEGORY, codes[i]);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, label != NULL ? label : codes[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Everything the dialog shows is worked out here, so that the main thread only copies it into
 * widgets: the counts, the preview rows and the problem texts (thousands of them for a sheet
 * saved with the wrong columns). */
static void
collect_check (ReiImportWork *work,
               ReiImporter  *importer,
               GCancellable *cancellable)
{
  GPtrArray *residents = rei_importer_get_residents (importer);
  GPtrArray *problems = rei_importer_get_problems (importer);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_full (problems->len + 1, g_free);

  work->n_rows = residents->len;
  work->preview = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < residents->len && i < REI_IMPORT_WORK_N_PREVIEW_ROWS; i++)
    {
      ReiResident *copy = rei_resident_copy (g_ptr_array_index (residents, i));

      g_object_set_data_full (G_OBJECT (copy), REI_IMPORT_WORK_CATEGORIES_KEY,
                              dup_category_labels (work->store, copy), g_free);
      g_ptr_array_add (work->preview, copy);
    }

  /* The same question the importer asks (by PESEL, or without one by the name and the dates)
   * says who will be updated.  A file with problems will not be imported: no count needed. */
  for (guint i = 0; problems->len == 0 && i < residents->len; i++)
    {
      if ((i & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (rei_store_find_matching_resident (work->store, g_ptr_array_index (residents, i), NULL) > 0)
        work->n_updated++;
    }
  work->n_new = work->n_rows - work->n_updated;

  work->problem_lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      ReiImportProblem *problem = g_ptr_array_index (problems, i);

      g_array_append_val (work->problem_lines, problem->line);
      if (problem->line > 0)
        g_ptr_array_add (texts, g_strdup_printf (_("Line %u: %s"), problem->line,
                                                 problem->message));
      else
        g_ptr_array_add (texts, g_strdup (problem->message));
    }
  g_ptr_array_add (texts, NULL);
  work->problem_texts = (GStrv) g_ptr_array_steal (texts, NULL);
}

gboolean
rei_import_work_run (ReiBackgroundJob  *job,
                     gpointer           data,
                     GCancellable      *cancellable,
                     GError           **error)
{
  ReiImportWork *work = data;
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(GError) local_error = NULL;

  if (work->bytes == NULL)
    {
      work->bytes = g_file_load_bytes (work->file, cancellable, NULL, &local_error);
      if (work->bytes == NULL)
        {
          work->read_failed = !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  importer = rei_importer_new (work->store);
  rei_importer_set_encoding (importer, work->encoding);

  if (work->write)
    {
      if (!rei_importer_run (importer, work->bytes, rei_background_job_progress, job, cancellable,
                             error))
        return FALSE;
      work->n_new = rei_importer_get_n_inserted (importer);
      work->n_updated = rei_importer_get_n_updated (importer);
      return TRUE;
    }

  rei_importer_validate (importer, work->bytes, rei_background_job_progress, job, cancellable,
                         &local_error);
  /* A file with problems is an answer, not a failure: they are listed. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  collect_check (work, importer, cancellable);
  /* The counts are only whole when nobody cancelled while they were made. */
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}


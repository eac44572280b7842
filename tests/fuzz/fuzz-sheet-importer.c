/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the shared spreadsheet import frame (header matching with folded names,
 * field counts, problems per line, items) with a small format of its own, validate only, over
 * arbitrary bytes in each encoding mode.  Its store is opened once per process in a private
 * temporary folder and never written. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rei-sheet-importer.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

enum { COL_NAZWA, COL_DATA, COL_KWOTA, N_COLS };

static const ReiSheetColumn toy_columns[N_COLS] = {
  [COL_NAZWA] = { "nazwa", TRUE },
  [COL_DATA] = { "data_przyjęcia", FALSE },
  [COL_KWOTA] = { "kwota", FALSE },
};

static char *tmp_dir;
static ReiStore *store;

/* Reads every cell; a row whose name starts with "x" is a problem, the rest an item holding
 * the row's line. */
static gpointer
check_toy_row (ReiSheetRow *row,
               gpointer     user_data)
{
  const char *name = rei_sheet_row_get (row, COL_NAZWA);

  for (guint c = 0; c < N_COLS; c++)
    {
      const char *value = rei_sheet_row_get (row, c);

      if (value != NULL)
        {
          g_assert (*value != '\0');
          g_assert (g_utf8_validate (value, -1, NULL));
          g_assert (!g_ascii_isspace (value[0]) && !g_ascii_isspace (value[strlen (value) - 1]));
        }
    }
  if (name == NULL || name[0] == 'x')
    {
      rei_sheet_row_add_problem (row, "bad row %s", name ? name : "(none)");
      g_assert (rei_sheet_row_has_problems (row));
      return NULL;
    }
  g_assert (!rei_sheet_row_has_problems (row));
  return GUINT_TO_POINTER (rei_sheet_row_get_line (row));
}

static const ReiSheetFormat toy_format = {
  toy_columns, N_COLS, check_toy_row, NULL, NULL,
};

static void
remove_store (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&store);
  for (guint i = 0; tmp_dir != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (tmp_dir, "/fuzz.db", suffixes[i], NULL);
      g_unlink (file);
    }
  if (tmp_dir != NULL)
    g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

static ReiStore *
get_store (void)
{
  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      tmp_dir = g_dir_make_tmp ("reintegra-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (tmp_dir, "fuzz.db", NULL);
      store = rei_store_open (path, &error);
      g_assert_no_error (error);
      atexit (remove_store);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const ReiCsvEncoding encodings[] = {
    REI_CSV_ENCODING_AUTO, REI_CSV_ENCODING_UTF8, REI_CSV_ENCODING_CP1250,
  };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      g_autoptr(ReiSheetImporter) importer = rei_sheet_importer_new (get_store (), &toy_format, NULL);
      g_autoptr(GError) error = NULL;
      GPtrArray *problems;
      GPtrArray *items;
      gboolean ok;
      guint last = 0;

      rei_sheet_importer_set_encoding (importer, encodings[e]);
      ok = rei_sheet_importer_validate (importer, bytes, NULL, NULL, NULL, &error);
      problems = rei_sheet_importer_get_problems (importer);
      items = rei_sheet_importer_get_items (importer);

      g_assert (ok == (error == NULL));
      g_assert (ok == (problems->len == 0));
      if (!ok)
        g_assert (error->domain == REI_IMPORT_ERROR);
      else
        g_assert (rei_sheet_importer_has_column (importer, COL_NAZWA));
      for (guint i = 0; i < problems->len; i++)
        {
          ReiImportProblem *p = g_ptr_array_index (problems, i);

          g_assert (g_utf8_validate (p->message, -1, NULL));
        }
      /* Items in line order, each past the header. */
      for (guint i = 0; i < items->len; i++)
        {
          guint line = GPOINTER_TO_UINT (g_ptr_array_index (items, i));

          g_assert_cmpuint (line, >, last);
          g_assert_cmpuint (line, >=, 2);
          last = line;
        }
    }

  /* The header names' folding on its own, on the whole input as one name. */
  {
    g_autofree char *name = g_strndup ((const char *) data, size);
    g_autofree char *folded = rei_sheet_fold_name (name);

    g_assert_nonnull (folded);
    if (g_utf8_validate (name, -1, NULL))
      g_assert (g_utf8_validate (folded, -1, NULL));
  }
  return 0;
}

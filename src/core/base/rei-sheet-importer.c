/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-sheet-importer.h"
#include "rei-store-import.h"

/* How often (in rows) a long import looks at the cancellable and reports progress: often
 * enough for a responsive Cancel, rarely enough to cost nothing. */
#define CHECK_EVERY_MASK 1023u

/* Reading and checking the file is this share of a run; writing the rows is the rest. */
#define READ_SHARE 0.3

struct _ReiSheetRow
{
  ReiSheetImporter  *importer;
  guint              line;
  const char       **values;       /* one per format column; NULL when empty or absent */
  guint              n_problems;   /* problems before this row, to tell whether it added any */
};

struct _ReiSheetImporter
{
  GObject               parent_instance;

  ReiStore             *store;
  const ReiSheetFormat *format;
  gpointer              user_data;
  ReiCsvEncoding        encoding;
  char                **folded;    /* the format's column names, folded once */
  gboolean             *present;   /* per format column: named by the header */
  GPtrArray            *problems;  /* ReiImportProblem* */
  GPtrArray            *items;     /* what check_row returned */
  GArray               *lines;     /* guint, the line of each item */
  guint                 n_inserted;
  guint                 n_updated;
};

G_DEFINE_FINAL_TYPE (ReiSheetImporter, rei_sheet_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (rei-import-error-quark, rei_import_error)

static void
problem_free (ReiImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem_valist (ReiSheetImporter *self,
                    guint             line,
                    const char       *format,
                    va_list           args) G_GNUC_PRINTF (3, 0);

static void
add_problem_valist (ReiSheetImporter *self,
                    guint             line,
                    const char       *format,
                    va_list           args)
{
  ReiImportProblem *problem = g_new0 (ReiImportProblem, 1);

  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  g_ptr_array_add (self->problems, problem);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (ReiSheetImporter *self,
             guint             line,
             const char       *format,
             ...)
{
  va_list args;

  va_start (args, format);
  add_problem_valist (self, line, format, args);
  va_end (args);
}

static void
reset (ReiSheetImporter *self)
{
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->items, 0);
  g_array_set_size (self->lines, 0);
  memset (self->present, 0, self->format->n_columns * sizeof (gboolean));
  self->n_inserted = 0;
  self->n_updated = 0;
}

static int
find_column (ReiSheetImporter *self,
             const char       *header)
{
  g_autofree char *folded = rei_sheet_fold_name (header);

  for (guint c = 0; c < self->format->n_columns; c++)
    if (strcmp (folded, self->folded[c]) == 0)
      return (int) c;
  return -1;
}

static char *
accepted_columns (ReiSheetImporter *self)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint c = 0; c < self->format->n_columns; c++)
    g_string_append_printf (s, "%s%s", c > 0 ? ", " : "", self->format->columns[c].name);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Maps each field of the header to a column; unknown and repeated names are problems, because
 * silently dropping a column the office thinks it imported would lose data without a word. */
static void
read_header (ReiSheetImporter *self,
             GPtrArray        *fields,
             guint             line,
             int              *map)
{
  g_autofree char *accepted = NULL;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));
      int found = find_column (self, name);

      if (found < 0)
        {
          if (accepted == NULL)
            accepted = accepted_columns (self);
          add_problem (self, line,
                       _("Unknown column “%s”. The columns this file may have are: %s."),
                       name, accepted);
        }
      else if (self->present[found])
        add_problem (self, line, _("The column “%s” appears twice."), name);
      else
        self->present[found] = TRUE;
      map[i] = found;
    }

  for (guint c = 0; c < self->format->n_columns; c++)
    if (self->format->columns[c].required && !self->present[c])
      add_problem (self, line, _("The required column “%s” is missing."),
                   self->format->columns[c].name);
}

static void
check_row (ReiSheetImporter *self,
           GPtrArray        *fields,
           const int        *map,
           guint             line)
{
  g_autofree const char **values = g_new0 (const char *, self->format->n_columns);
  ReiSheetRow row = { self, line, values, self->problems->len };
  gpointer item;

  for (guint i = 0; i < fields->len; i++)
    {
      char *value = g_strstrip ((char *) g_ptr_array_index (fields, i));

      if (map[i] >= 0 && *value != '\0')
        values[map[i]] = value;
    }

  item = self->format->check_row (&row, self->user_data);
  if (item != NULL)
    {
      g_ptr_array_add (self->items, item);
      g_array_append_val (self->lines, line);
    }
}

static void
set_invalid_error (ReiSheetImporter  *self,
                   GError           **error)
{
  g_set_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "The file has %u problem; nothing was imported.",
                            "The file has %u problems; nothing was imported.", self->problems->len),
               self->problems->len);
}

static gboolean
read_all (ReiSheetImporter *self,
          GBytes           *bytes,
          ReiProgressFunc   progress,
          gpointer          progress_data,
          double            progress_span,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(ReiCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree int *map = NULL;
  GPtrArray *fields = NULL;
  guint line = 0;
  guint n_read = 0;
  guint n_fields;

  reset (self);

  reader = rei_csv_reader_new (bytes, self->encoding, &local_error);
  if (reader == NULL)
    {
      add_problem (self, 0, "%s", local_error->message);
      g_set_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID, "%s", local_error->message);
      return FALSE;
    }

  if (!rei_csv_reader_next (reader, &fields, &line, &local_error))
    {
      const char *message = local_error != NULL ? local_error->message
                                                : _("The file is empty: it has no header row.");

      add_problem (self, local_error != NULL ? rei_csv_reader_get_error_line (reader) : 1,
                   "%s", message);
      g_set_error (error, REI_IMPORT_ERROR,
                   local_error != NULL ? REI_IMPORT_ERROR_INVALID : REI_IMPORT_ERROR_EMPTY,
                   "%s", message);
      return FALSE;
    }

  n_fields = fields->len;
  map = g_new (int, n_fields);
  read_header (self, fields, line, map);
  g_clear_pointer (&fields, g_ptr_array_unref);

  /* A broken header makes every row meaningless; report it alone. */
  if (self->problems->len > 0)
    {
      set_invalid_error (self, error);
      return FALSE;
    }

  while (rei_csv_reader_next (reader, &fields, &line, &local_error))
    {
      g_autoptr(GPtrArray) owned = g_steal_pointer (&fields);

      if (owned->len != n_fields)
        add_problem (self, line, _("The row has %u fields but the header has %u."),
                     owned->len, n_fields);
      else
        check_row (self, owned, map, line);

      if ((++n_read & CHECK_EVERY_MASK) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (progress_span * rei_csv_reader_get_position (reader) /
                      MAX (1, rei_csv_reader_get_length (reader)), progress_data);
        }
    }

  if (local_error != NULL)
    add_problem (self, rei_csv_reader_get_error_line (reader), "%s", local_error->message);

  if (self->problems->len > 0)
    {
      set_invalid_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
abandon (ReiSheetImporter *self)
{
  if (self->format->audit_entity != NULL)
    rei_store_rollback_import (self->store);
  else
    rei_store_rollback (self->store);
  self->n_inserted = self->n_updated = 0;
}

static void
rei_sheet_importer_finalize (GObject *object)
{
  ReiSheetImporter *self = (ReiSheetImporter *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->folded, g_strfreev);
  g_clear_pointer (&self->present, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (rei_sheet_importer_parent_class)->finalize (object);
}

static void
rei_sheet_importer_class_init (ReiSheetImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_sheet_importer_finalize;
}

static void
rei_sheet_importer_init (ReiSheetImporter *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->encoding = REI_CSV_ENCODING_AUTO;
}

char *
rei_sheet_fold_name (const char *name)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *s;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup (name);

  /* In NFD "ą" is "a" and a combining ogonek, "ż" is "z" and a dot above: dropping the marks
   * leaves the letter an office script would have typed.  "ł" is a letter of its own in
   * Unicode, not an "l" with a mark, so it is mapped by hand. */
  lower = g_utf8_casefold (name, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  s = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || g_unichar_isspace (c) || c == '_'
          || g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION)
        continue;
      if (c == 0x0142)   /* ł */
        c = 'l';
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

ReiSheetImporter *
rei_sheet_importer_new (ReiStore             *store,
                        const ReiSheetFormat *format,
                        gpointer              user_data)
{
  ReiSheetImporter *self;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (format->columns != NULL && format->n_columns > 0, NULL);
  g_return_val_if_fail (format->check_row != NULL, NULL);

  self = g_object_new (REI_TYPE_SHEET_IMPORTER, NULL);
  self->store = g_object_ref (store);
  self->format = format;
  self->user_data = user_data;
  self->items = g_ptr_array_new_with_free_func (format->item_free);
  self->present = g_new0 (gboolean, format->n_columns);
  self->folded = g_new0 (char *, format->n_columns + 1);
  for (guint c = 0; c < format->n_columns; c++)
    {
      self->folded[c] = rei_sheet_fold_name (format->columns[c].name);
      /* Two columns that fold alike could never be told apart in a header. */
      for (guint d = 0; d < c; d++)
        g_warn_if_fail (strcmp (self->folded[c], self->folded[d]) != 0);
    }
  return self;
}

void
rei_sheet_importer_set_encoding (ReiSheetImporter *self,
                                 ReiCsvEncoding    encoding)
{
  g_return_if_fail (REI_IS_SHEET_IMPORTER (self));
  self->encoding = encoding;
}

gboolean
rei_sheet_importer_validate (ReiSheetImporter  *self,
                             GBytes            *bytes,
                             ReiProgressFunc    progress,
                             gpointer           progress_data,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_return_val_if_fail (REI_IS_SHEET_IMPORTER (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!read_all (self, bytes, progress, progress_data, 1.0, cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

gboolean
rei_sheet_importer_run (ReiSheetImporter  *self,
                        GBytes            *bytes,
                        ReiProgressFunc    progress,
                        gpointer           progress_data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_return_val_if_fail (REI_IS_SHEET_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->format->write_row != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!read_all (self, bytes, progress, progress_data, READ_SHARE, cancellable, error))
    return FALSE;

  /* All or nothing: one transaction for the whole file. */
  if (self->format->audit_entity != NULL
      ? !rei_store_begin_import (self->store, self->format->audit_entity,
                                 self->format->deferred_indexes, self->items->len, error)
      : !rei_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean updated = FALSE;

      if (!self->format->write_row (g_ptr_array_index (self->items, i), &updated,
                                    self->user_data, &local_error))
        {
          guint line = g_array_index (self->lines, guint, i);
          const char *message = local_error != NULL ? local_error->message : "";

          add_problem (self, line, "%s", message);
          abandon (self);
          g_set_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID,
                       _("Line %u: %s Nothing was imported."), line, message);
          return FALSE;
        }

      if (updated)
        self->n_updated++;
      else
        self->n_inserted++;

      if ((i & CHECK_EVERY_MASK) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              abandon (self);
              return FALSE;
            }
          if (progress != NULL)
            progress (READ_SHARE + (1.0 - READ_SHARE) * i / self->items->len, progress_data);
        }
    }

  /* A cancel that came after the last check inside the loop still undoes the whole file. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      abandon (self);
      return FALSE;
    }

  if (self->format->audit_entity != NULL
      ? !rei_store_commit_import (self->store, self->n_inserted, self->n_updated, error)
      : !rei_store_commit (self->store, error))
    {
      self->n_inserted = self->n_updated = 0;
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

GPtrArray *
rei_sheet_importer_get_problems (ReiSheetImporter *self)
{
  g_return_val_if_fail (REI_IS_SHEET_IMPORTER (self), NULL);
  return self->problems;
}

GPtrArray *
rei_sheet_importer_get_items (ReiSheetImporter *self)
{
  g_return_val_if_fail (REI_IS_SHEET_IMPORTER (self), NULL);
  return self->items;
}

gboolean
rei_sheet_importer_has_column (ReiSheetImporter *self,
                               guint             column)
{
  g_return_val_if_fail (REI_IS_SHEET_IMPORTER (self), FALSE);
  g_return_val_if_fail (column < self->format->n_columns, FALSE);
  return self->present[column];
}

guint
rei_sheet_importer_get_n_inserted (ReiSheetImporter *self)
{
  g_return_val_if_fail (REI_IS_SHEET_IMPORTER (self), 0);
  return self->n_inserted;
}

guint
rei_sheet_importer_get_n_updated (ReiSheetImporter *self)
{
  g_return_val_if_fail (REI_IS_SHEET_IMPORTER (self), 0);
  return self->n_updated;
}

const char *
rei_sheet_row_get (ReiSheetRow *row,
                   guint        column)
{
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (column < row->importer->format->n_columns, NULL);
  return row->values[column];
}

guint
rei_sheet_row_get_line (ReiSheetRow *row)
{
  g_return_val_if_fail (row != NULL, 0);
  return row->line;
}

void
rei_sheet_row_add_problem (ReiSheetRow *row,
                           const char  *format,
                           ...)
{
  va_list args;

  g_return_if_fail (row != NULL);

  va_start (args, format);
  add_problem_valist (row->importer, row->line, format, args);
  va_end (args);
}

gboolean
rei_sheet_row_has_problems (ReiSheetRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);
  return row->importer->problems->len > row->n_problems;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-date.h"
#include "rei-identifiers.h"
#include "rei-importer.h"
#include "rei-store-residents.h"

/* The columns of the residents CSV that a CIS office exports from its spreadsheet.  The names
 * are the file format's contract (Polish, without diacritics, as office scripts write them). */
typedef enum
{
  COL_IMIE,
  COL_NAZWISKO,
  COL_PESEL,
  COL_PLEC,
  COL_DATA_URODZENIA,
  COL_KATEGORIE,
  COL_DATA_PRZYJECIA,
  COL_DATA_ZAKONCZENIA,
  COL_POWOD_ZAKONCZENIA,
  COL_SYTUACJA_PO,
  COL_WARSZTAT,
  COL_PROJEKT,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "imie", "nazwisko", "pesel", "plec", "data_urodzenia", "kategorie", "data_przyjecia",
  "data_zakonczenia", "powod_zakonczenia", "sytuacja_po", "warsztat", "projekt",
};

/* The resident field each simple column fills (the others need more than a copy). */
static const int column_fields[N_COLUMNS] = {
  [COL_IMIE] = REI_RESIDENT_FIRST_NAME,
  [COL_NAZWISKO] = REI_RESIDENT_SURNAME,
  [COL_PESEL] = REI_RESIDENT_PESEL,
  [COL_PLEC] = REI_RESIDENT_SEX,
  [COL_DATA_URODZENIA] = REI_RESIDENT_BIRTH_DATE,
  [COL_KATEGORIE] = -1,
  [COL_DATA_PRZYJECIA] = REI_RESIDENT_ADMISSION_DATE,
  [COL_DATA_ZAKONCZENIA] = REI_RESIDENT_END_DATE,
  [COL_POWOD_ZAKONCZENIA] = REI_RESIDENT_END_REASON,
  [COL_SYTUACJA_PO] = REI_RESIDENT_OUTCOME,
  [COL_WARSZTAT] = REI_RESIDENT_WORKSHOP,
  [COL_PROJEKT] = -1,
};

typedef struct
{
  guint        line;
  ReiResident *resident;
} Row;

struct _ReiImporter
{
  GObject         parent_instance;

  ReiStore       *store;
  ReiCsvEncoding  encoding;
  GPtrArray      *problems;    /* ReiImportProblem* */
  GArray         *rows;        /* Row */
  GPtrArray      *residents;   /* the rows' residents, for a preview */
  GHashTable     *known_codes; /* "table\x1fcode" → whether the code exists */
  gboolean        present[N_COLUMNS];
  guint           n_inserted;
  guint           n_updated;
};

G_DEFINE_FINAL_TYPE (ReiImporter, rei_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (rei-import-error-quark, rei_import_error)

static void
problem_free (ReiImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
row_clear (Row *row)
{
  g_clear_object (&row->resident);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (ReiImporter *self,
             guint        line,
             const char  *format,
             ...)
{
  ReiImportProblem *problem = g_new0 (ReiImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, problem);
}

static void
reset (ReiImporter *self)
{
  g_ptr_array_set_size (self->problems, 0);
  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->residents, 0);
  memset (self->present, 0, sizeof self->present);
  self->n_inserted = 0;
  self->n_updated = 0;
  /* The lookup tables may have been edited in the preferences since the last run. */
  g_hash_table_remove_all (self->known_codes);
}

/* Maps each field of the header to a column; unknown and repeated names are problems, because
 * silently dropping a column the office thinks it imported would lose data without a word. */
static gboolean
read_header (ReiImporter *self,
             GPtrArray   *fields,
             guint        line,
             int         *map)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = g_utf8_strdown (g_strstrip (g_strdup (g_ptr_array_index (fields, i))), -1);
      int found = -1;

      for (guint c = 0; c < N_COLUMNS; c++)
        if (strcmp (name, column_names[c]) == 0)
          found = (int) c;

      if (found < 0)
        {
          add_problem (self, line, _("Unknown column “%s”."), name);
          ok = FALSE;
        }
      else if (self->present[found])
        {
          add_problem (self, line, _("The column “%s” appears twice."), name);
          ok = FALSE;
        }
      else
        self->present[found] = TRUE;
      map[i] = found;
    }

  for (guint c = COL_IMIE; c <= COL_NAZWISKO; c++)
    if (!self->present[c])
      {
        add_problem (self, line, _("The required column “%s” is missing."), column_names[c]);
        ok = FALSE;
      }
  return ok;
}

static GStrv
split_list (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value ? value : "", "|", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
parse_date_column (ReiImporter *self,
                   ReiResident *r,
                   guint        line,
                   Column       col,
                   const char  *value)
{
  g_autofree char *iso = NULL;

  if (value == NULL)
    return;
  iso = rei_date_normalize (value);
  if (iso == NULL)
    add_problem (self, line, _("%s: “%s” is not a date; write DD.MM.YYYY or YYYY-MM-DD."),
                 column_names[col], value);
  else
    rei_resident_set (r, column_fields[col], iso);
}

/* A sheet names the same few codes on every row; asking the database each time would cost a
 * read transaction per cell. */
static gboolean
code_exists (ReiImporter *self,
             const char  *table,
             const char  *code)
{
  g_autofree char *key = g_strconcat (table, "\x1f", code, NULL);
  gpointer known;

  if (g_hash_table_lookup_extended (self->known_codes, key, NULL, &known))
    return GPOINTER_TO_INT (known);
  known = GINT_TO_POINTER (rei_store_has_code (self->store, table, code));
  g_hash_table_insert (self->known_codes, g_steal_pointer (&key), known);
  return GPOINTER_TO_INT (known);
}

static void
check_code_column (ReiImporter *self,
                   guint        line,
                   Column       col,
                   const char  *table,
                   const char  *value)
{
  if (value != NULL && !code_exists (self, table, value))
    add_problem (self, line, _("%s: unknown code “%s”."), column_names[col], value);
}

/* Reads one data row into a resident and reports every problem of the row, not just the
 * first: the office fixes the sheet once, not once per error. */
static ReiResident *
parse_row (ReiImporter *self,
           GPtrArray   *fields,
           const int   *map,
           guint        line)
{
  g_autoptr(ReiResident) r = rei_resident_new ();
  const char *values[N_COLUMNS] = { NULL };
  guint before = self->problems->len;
  GDate pesel_date;
  char pesel_sex = 0;

  for (guint i = 0; i < fields->len; i++)
    {
      char *value = g_strstrip ((char *) g_ptr_array_index (fields, i));
      if (map[i] >= 0 && *value != '\0')
        values[map[i]] = value;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_fields[c] >= 0 && values[c] != NULL &&
        c != COL_DATA_URODZENIA && c != COL_DATA_PRZYJECIA && c != COL_DATA_ZAKONCZENIA)
      rei_resident_set (r, column_fields[c], values[c]);

  if (values[COL_IMIE] == NULL)
    add_problem (self, line, _("The first name (imie) is empty."));
  if (values[COL_NAZWISKO] == NULL)
    add_problem (self, line, _("The surname (nazwisko) is empty."));

  g_date_clear (&pesel_date, 1);
  if (values[COL_PESEL] != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!rei_pesel_parse (values[COL_PESEL], &pesel_date, &pesel_sex, &error))
        add_problem (self, line, _("pesel: %s"), error->message);
    }

  if (values[COL_PLEC] != NULL)
    {
      g_autofree char *sex = g_ascii_strup (values[COL_PLEC], -1);

      if (strcmp (sex, "K") != 0 && strcmp (sex, "M") != 0)
        add_problem (self, line, _("plec: “%s” is not K or M."), values[COL_PLEC]);
      else if (pesel_sex != 0 && sex[0] != pesel_sex)
        add_problem (self, line, _("plec: “%s” does not agree with the PESEL, which says %c."),
                     values[COL_PLEC], pesel_sex);
      rei_resident_set (r, REI_RESIDENT_SEX, sex);
    }
  else if (pesel_sex != 0)
    {
      char sex[2] = { pesel_sex, '\0' };
      rei_resident_set (r, REI_RESIDENT_SEX, sex);
    }
  else if (values[COL_PESEL] == NULL)
    add_problem (self, line, _("plec is required when there is no PESEL."));

  parse_date_column (self, r, line, COL_DATA_URODZENIA, values[COL_DATA_URODZENIA]);
  parse_date_column (self, r, line, COL_DATA_PRZYJECIA, values[COL_DATA_PRZYJECIA]);
  parse_date_column (self, r, line, COL_DATA_ZAKONCZENIA, values[COL_DATA_ZAKONCZENIA]);

  if (g_date_valid (&pesel_date))
    {
      g_autofree char *iso = rei_date_to_iso (&pesel_date);
      const char *given = rei_resident_get (r, REI_RESIDENT_BIRTH_DATE);

      if (given != NULL && strcmp (given, iso) != 0)
        add_problem (self, line, _("data_urodzenia does not agree with the PESEL."));
      rei_resident_set (r, REI_RESIDENT_BIRTH_DATE, iso);
    }

  {
    const char *admission = rei_resident_get (r, REI_RESIDENT_ADMISSION_DATE);
    const char *end = rei_resident_get (r, REI_RESIDENT_END_DATE);

    if (admission != NULL && end != NULL && strcmp (end, admission) < 0)
      add_problem (self, line, _("data_zakonczenia is before data_przyjecia."));
    if (end != NULL && values[COL_POWOD_ZAKONCZENIA] == NULL)
      add_problem (self, line, _("powod_zakonczenia is required when data_zakonczenia is given."));
    if (end == NULL && values[COL_POWOD_ZAKONCZENIA] != NULL)
      add_problem (self, line, _("data_zakonczenia is required when powod_zakonczenia is given."));
    if (end == NULL && values[COL_SYTUACJA_PO] != NULL)
      add_problem (self, line, _("sytuacja_po is given for a person who has not left."));
  }

  check_code_column (self, line, COL_POWOD_ZAKONCZENIA, REI_LOOKUP_END_REASON,
                     values[COL_POWOD_ZAKONCZENIA]);
  check_code_column (self, line, COL_SYTUACJA_PO, REI_LOOKUP_OUTCOME, values[COL_SYTUACJA_PO]);

  {
    g_auto(GStrv) codes = split_list (values[COL_KATEGORIE]);
    g_auto(GStrv) titles = split_list (values[COL_PROJEKT]);

    for (guint i = 0; codes[i]; i++)
      check_code_column (self, line, COL_KATEGORIE, REI_LOOKUP_CATEGORY, codes[i]);
    rei_resident_set_categories (r, (const char * const *) codes);
    rei_resident_set_projects (r, (const char * const *) titles);
  }

  if (self->problems->len > before)
    return NULL;
  return g_steal_pointer (&r);
}

static gboolean
parse_all (ReiImporter     *self,
           GBytes          *bytes,
           ReiProgressFunc  progress,
           gpointer         progress_data,
           double           progress_span,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(ReiCsvReader) reader = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree int *map = NULL;
  GPtrArray *fields = NULL;
  guint line = 0;
  guint n_read = 0;
  guint n_columns;

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
      const char *message = local_error ? local_error->message : _("The file is empty: it has no header row.");

      add_problem (self, local_error ? rei_csv_reader_get_error_line (reader) : 1, "%s", message);
      g_set_error (error, REI_IMPORT_ERROR, local_error ? REI_IMPORT_ERROR_INVALID : REI_IMPORT_ERROR_EMPTY,
                   "%s", message);
      return FALSE;
    }

  n_columns = fields->len;
  map = g_new (int, n_columns);
  read_header (self, fields, line, map);
  g_ptr_array_unref (fields);
  fields = NULL;

  /* A broken header makes every row meaningless; report it alone. */
  if (self->problems->len > 0)
    goto invalid;

  while (rei_csv_reader_next (reader, &fields, &line, &local_error))
    {
      g_autoptr(GPtrArray) owned = fields;
      ReiResident *resident;

      if (owned->len != n_columns)
        {
          add_problem (self, line, _("The row has %u fields but the header has %u."), owned->len, n_columns);
          continue;
        }

      resident = parse_row (self, owned, map, line);
      if (resident != NULL)
        {
          const char *pesel = rei_resident_get_pesel (resident);
          Row row = { line, resident };
          g_autofree char *key = NULL;
          gpointer first;

          /* Two rows for one person would silently merge into one: the second would overwrite
           * the first.  The person is the PESEL, or without one the name and the dates, as
           * rei_store_find_matching_resident() matches them. */
          if (pesel != NULL)
            key = g_strdup (pesel);
          else
            key = g_strjoin ("\x1f", rei_resident_get_first_name (resident),
                             rei_resident_get_surname (resident),
                             rei_resident_get (resident, REI_RESIDENT_BIRTH_DATE) ?: "",
                             rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE) ?: "", NULL);

          first = g_hash_table_lookup (people, key);
          if (first != NULL && pesel != NULL)
            add_problem (self, line, _("The same PESEL is already on line %u."),
                         GPOINTER_TO_UINT (first));
          else if (first != NULL)
            add_problem (self, line,
                         _("The same person (name, birth date and admission date) is already on line %u."),
                         GPOINTER_TO_UINT (first));
          else
            g_hash_table_insert (people, g_steal_pointer (&key), GUINT_TO_POINTER (line));
          g_array_append_val (self->rows, row);
          g_ptr_array_add (self->residents, g_object_ref (resident));
        }

      if ((++n_read & 1023) == 0)
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
    goto invalid;
  return TRUE;

invalid:
  g_set_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "The file has %u problem; nothing was imported.",
                            "The file has %u problems; nothing was imported.", self->problems->len),
               self->problems->len);
  return FALSE;
}

/* Updating a person already in the registry keeps what the sheet does not speak of: only the
 * columns the file has replace what is stored. */
static void
merge_into (ReiImporter *self,
            ReiResident *stored,
            ReiResident *from_file)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (!self->present[c])
        continue;
      if (column_fields[c] >= 0)
        rei_resident_set (stored, column_fields[c], rei_resident_get (from_file, column_fields[c]));
      else if (c == COL_KATEGORIE)
        rei_resident_set_categories (stored, rei_resident_get_categories (from_file));
      else if (c == COL_PROJEKT)
        rei_resident_set_projects (stored, rei_resident_get_projects (from_file));
    }
  /* Derived from the PESEL even when the sheet has no such column. */
  rei_resident_set (stored, REI_RESIDENT_SEX, rei_resident_get (from_file, REI_RESIDENT_SEX));
  if (rei_resident_get (from_file, REI_RESIDENT_BIRTH_DATE) != NULL)
    rei_resident_set (stored, REI_RESIDENT_BIRTH_DATE,
                      rei_resident_get (from_file, REI_RESIDENT_BIRTH_DATE));
}

static void
rei_importer_finalize (GObject *object)
{
  ReiImporter *self = (ReiImporter *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->residents, g_ptr_array_unref);
  g_clear_pointer (&self->known_codes, g_hash_table_unref);

  G_OBJECT_CLASS (rei_importer_parent_class)->finalize (object);
}

static void
rei_importer_class_init (ReiImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_importer_finalize;
}

static void
rei_importer_init (ReiImporter *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  self->residents = g_ptr_array_new_with_free_func (g_object_unref);
  self->known_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->encoding = REI_CSV_ENCODING_AUTO;
}

ReiImporter *
rei_importer_new (ReiStore *store)
{
  ReiImporter *self;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  self = g_object_new (REI_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
rei_importer_set_encoding (ReiImporter    *self,
                           ReiCsvEncoding  encoding)
{
  g_return_if_fail (REI_IS_IMPORTER (self));
  self->encoding = encoding;
}

gboolean
rei_importer_validate (ReiImporter      *self,
                       GBytes           *bytes,
                       ReiProgressFunc   progress,
                       gpointer          progress_data,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!parse_all (self, bytes, progress, progress_data, 1.0, cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

gboolean
rei_importer_run (ReiImporter      *self,
                  GBytes           *bytes,
                  ReiProgressFunc   progress,
                  gpointer          progress_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!parse_all (self, bytes, progress, progress_data, 0.3, cancellable, error))
    return FALSE;

  /* All or nothing: one transaction for the whole file. */
  if (!rei_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(ReiResident) stored = NULL;
      ReiResident *to_save = row->resident;
      gint64 id;

      id = rei_store_find_matching_resident (self->store, row->resident, NULL);
      if (id > 0)
        {
          stored = rei_store_get_resident (self->store, id, &local_error);
          if (stored != NULL)
            {
              merge_into (self, stored, row->resident);
              to_save = stored;
            }
        }

      if (local_error == NULL)
        rei_store_save_resident (self->store, to_save, &local_error);
      if (local_error != NULL)
        {
          add_problem (self, row->line, "%s", local_error->message);
          rei_store_rollback (self->store);
          self->n_inserted = self->n_updated = 0;
          g_set_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID,
                       _("Line %u: %s Nothing was imported."), row->line, local_error->message);
          return FALSE;
        }

      if (id > 0)
        self->n_updated++;
      else
        self->n_inserted++;

      if ((i & 1023) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              rei_store_rollback (self->store);
              self->n_inserted = self->n_updated = 0;
              return FALSE;
            }
          if (progress != NULL)
            progress (0.3 + 0.7 * i / self->rows->len, progress_data);
        }
    }

  /* A cancel that came after the last check inside the loop still undoes the whole file. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      rei_store_rollback (self->store);
      self->n_inserted = self->n_updated = 0;
      return FALSE;
    }

  if (!rei_store_commit (self->store, error))
    {
      self->n_inserted = self->n_updated = 0;
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

GPtrArray *
rei_importer_get_problems (ReiImporter *self)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), NULL);
  return self->problems;
}

GPtrArray *
rei_importer_get_residents (ReiImporter *self)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), NULL);
  return self->residents;
}

guint
rei_importer_get_n_inserted (ReiImporter *self)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), 0);
  return self->n_inserted;
}

guint
rei_importer_get_n_updated (ReiImporter *self)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), 0);
  return self->n_updated;
}

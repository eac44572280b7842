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
 * are the file format's contract as office scripts write them; a header may also spell them
 * with Polish letters, capitals and spaces ("Data przyjęcia"), see rei_sheet_fold_name(). */
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

static const ReiSheetColumn columns[N_COLUMNS] = {
  [COL_IMIE] = { "imie", TRUE },
  [COL_NAZWISKO] = { "nazwisko", TRUE },
  [COL_PESEL] = { "pesel", FALSE },
  [COL_PLEC] = { "plec", FALSE },
  [COL_DATA_URODZENIA] = { "data_urodzenia", FALSE },
  [COL_KATEGORIE] = { "kategorie", FALSE },
  [COL_DATA_PRZYJECIA] = { "data_przyjecia", FALSE },
  [COL_DATA_ZAKONCZENIA] = { "data_zakonczenia", FALSE },
  [COL_POWOD_ZAKONCZENIA] = { "powod_zakonczenia", FALSE },
  [COL_SYTUACJA_PO] = { "sytuacja_po", FALSE },
  [COL_WARSZTAT] = { "warsztat", FALSE },
  [COL_PROJEKT] = { "projekt", FALSE },
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

struct _ReiImporter
{
  GObject           parent_instance;

  ReiStore         *store;
  ReiSheetImporter *sheet;
  GHashTable       *known_codes; /* table (the REI_LOOKUP_ constant) → (code → whether it exists) */
  GHashTable       *people;      /* who each checked row is (see check_duplicate) → its line */
  int               registry_empty; /* at the start of the run's transaction; -1: not yet asked */
};

G_DEFINE_FINAL_TYPE (ReiImporter, rei_importer, G_TYPE_OBJECT)

static gpointer     check_row_cb  (ReiSheetRow  *row,
                                   gpointer      user_data);
static gboolean     write_row_cb  (gpointer      item,
                                   gboolean     *updated,
                                   gpointer      user_data,
                                   GError      **error);

/* What write_row_cb reads while it loads is the PESEL's unique index (a constraint, never
 * deferred), the primary keys and the code tables; these it only writes to, so a large file
 * builds them once after the load (rei-store-import.h).  resident_name sorts with the Polish
 * collation, the dearest of them to keep up row by row. */
static const char * const deferred_indexes[] = {
  "resident_name", "resident_end_date", "resident_admission_date", "resident_workshop",
  "resident_category_code", "resident_project_project",
  /* The enrolments the resident_project trigger adds (0007-reports.sql); its INSERT OR IGNORE
   * reads the UNIQUE (resident_id, project_id) index, which stays. */
  "enrolment_project", "enrolment_left_on", "enrolment_joined_on", NULL
};

static const ReiSheetFormat residents_format = {
  columns, N_COLUMNS, check_row_cb, write_row_cb, g_object_unref, "resident", deferred_indexes,
};

static void
reset (ReiImporter *self)
{
  g_hash_table_remove_all (self->people);
  /* The lookup tables may have been edited in the preferences since the last run. */
  g_hash_table_remove_all (self->known_codes);
  self->registry_empty = -1;
}

/* "a | b||c" -> {"a", "b", "c"}: split on '|', each part stripped as g_strstrip would, empty
 * parts left out.  One pass and one copy per part (g_strsplit and a GStrvBuilder copied every
 * part twice, two list cells a row at 100 000 rows). */
static GStrv
split_list (const char *value)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *p = value != NULL ? value : "";

  for (;;)
    {
      const char *bar = strchr (p, '|');
      const char *start = p;
      const char *end = bar != NULL ? bar : p + strlen (p);

      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end > start)
        g_ptr_array_add (parts, g_strndup (start, end - start));
      if (bar == NULL)
        break;
      p = bar + 1;
    }
  g_ptr_array_add (parts, NULL);
  return (GStrv) g_ptr_array_free (parts, FALSE);
}

static void
parse_date_column (ReiSheetRow *row,
                   ReiResident *r,
                   Column       col)
{
  const char *value = rei_sheet_row_get (row, col);
  g_autofree char *iso = NULL;

  if (value == NULL)
    return;
  iso = rei_date_normalize (value);
  if (iso == NULL)
    rei_sheet_row_add_problem (row, _("%s: “%s” is not a date; write DD.MM.YYYY or YYYY-MM-DD."),
                               columns[col].name, value);
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
  GHashTable *codes = g_hash_table_lookup (self->known_codes, table);
  gpointer known;

  if (codes == NULL)
    {
      codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->known_codes, (gpointer) table, codes);
    }
  if (g_hash_table_lookup_extended (codes, code, NULL, &known))
    return GPOINTER_TO_INT (known);
  known = GINT_TO_POINTER (rei_store_has_code (self->store, table, code));
  g_hash_table_insert (codes, g_strdup (code), known);
  return GPOINTER_TO_INT (known);
}

static void
check_code_column (ReiImporter *self,
                   ReiSheetRow *row,
                   Column       col,
                   const char  *table,
                   const char  *value)
{
  if (value != NULL && !code_exists (self, table, value))
    rei_sheet_row_add_problem (row, _("%s: unknown code “%s”."), columns[col].name, value);
}

/* Reads one data row into a resident and reports every problem of the row, not just the
 * first: the office fixes the sheet once, not once per error. */
static ReiResident *
parse_row (ReiImporter *self,
           ReiSheetRow *row)
{
  g_autoptr(ReiResident) r = rei_resident_new ();
  const char *values[N_COLUMNS] = { NULL };
  GDate pesel_date;
  char pesel_sex = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    values[c] = rei_sheet_row_get (row, c);

  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_fields[c] >= 0 && values[c] != NULL &&
        c != COL_DATA_URODZENIA && c != COL_DATA_PRZYJECIA && c != COL_DATA_ZAKONCZENIA)
      rei_resident_set (r, column_fields[c], values[c]);

  if (values[COL_IMIE] == NULL)
    rei_sheet_row_add_problem (row, _("The first name (imie) is empty."));
  if (values[COL_NAZWISKO] == NULL)
    rei_sheet_row_add_problem (row, _("The surname (nazwisko) is empty."));

  g_date_clear (&pesel_date, 1);
  if (values[COL_PESEL] != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!rei_pesel_parse (values[COL_PESEL], &pesel_date, &pesel_sex, &error))
        rei_sheet_row_add_problem (row, _("pesel: %s"), error->message);
    }

  if (values[COL_PLEC] != NULL)
    {
      g_autofree char *sex = g_ascii_strup (values[COL_PLEC], -1);

      if (strcmp (sex, "K") != 0 && strcmp (sex, "M") != 0)
        rei_sheet_row_add_problem (row, _("plec: “%s” is not K or M."), values[COL_PLEC]);
      else if (pesel_sex != 0 && sex[0] != pesel_sex)
        rei_sheet_row_add_problem (row,
                                   _("plec: “%s” does not agree with the PESEL, which says %c."),
                                   values[COL_PLEC], pesel_sex);
      rei_resident_set (r, REI_RESIDENT_SEX, sex);
    }
  else if (pesel_sex != 0)
    {
      char sex[2] = { pesel_sex, '\0' };
      rei_resident_set (r, REI_RESIDENT_SEX, sex);
    }
  else if (values[COL_PESEL] == NULL)
    rei_sheet_row_add_problem (row, _("plec is required when there is no PESEL."));

  parse_date_column (row, r, COL_DATA_URODZENIA);
  parse_date_column (row, r, COL_DATA_PRZYJECIA);
  parse_date_column (row, r, COL_DATA_ZAKONCZENIA);

  if (g_date_valid (&pesel_date))
    {
      g_autofree char *iso = rei_date_to_iso (&pesel_date);
      const char *given = rei_resident_get (r, REI_RESIDENT_BIRTH_DATE);

      if (given != NULL && strcmp (given, iso) != 0)
        rei_sheet_row_add_problem (row, _("data_urodzenia does not agree with the PESEL."));
      rei_resident_set (r, REI_RESIDENT_BIRTH_DATE, iso);
    }

  {
    const char *admission = rei_resident_get (r, REI_RESIDENT_ADMISSION_DATE);
    const char *end = rei_resident_get (r, REI_RESIDENT_END_DATE);

    if (admission != NULL && end != NULL && strcmp (end, admission) < 0)
      rei_sheet_row_add_problem (row, _("data_zakonczenia is before data_przyjecia."));
    if (end != NULL && values[COL_POWOD_ZAKONCZENIA] == NULL)
      rei_sheet_row_add_problem (row,
                                 _("powod_zakonczenia is required when data_zakonczenia is given."));
    if (end == NULL && values[COL_POWOD_ZAKONCZENIA] != NULL)
      rei_sheet_row_add_problem (row,
                                 _("data_zakonczenia is required when powod_zakonczenia is given."));
    if (end == NULL && values[COL_SYTUACJA_PO] != NULL)
      rei_sheet_row_add_problem (row, _("sytuacja_po is given for a person who has not left."));
  }

  check_code_column (self, row, COL_POWOD_ZAKONCZENIA, REI_LOOKUP_END_REASON,
                     values[COL_POWOD_ZAKONCZENIA]);
  check_code_column (self, row, COL_SYTUACJA_PO, REI_LOOKUP_OUTCOME, values[COL_SYTUACJA_PO]);

  /* An empty cell leaves the list empty, as a new resident's is. */
  if (values[COL_KATEGORIE] != NULL)
    {
      GStrv codes = split_list (values[COL_KATEGORIE]);

      for (guint i = 0; codes[i]; i++)
        check_code_column (self, row, COL_KATEGORIE, REI_LOOKUP_CATEGORY, codes[i]);
      rei_resident_take_categories (r, codes);
    }
  if (values[COL_PROJEKT] != NULL)
    rei_resident_take_projects (r, split_list (values[COL_PROJEKT]));

  if (rei_sheet_row_has_problems (row))
    return NULL;
  return g_steal_pointer (&r);
}

/* Two rows for one person would silently merge into one: the second would overwrite the
 * first.  The person is the PESEL, or without one the name and the dates, as
 * rei_store_find_matching_resident() matches them. */
static void
check_duplicate (ReiImporter *self,
                 ReiSheetRow *row,
                 ReiResident *resident)
{
  const char *pesel = rei_resident_get_pesel (resident);
  g_autofree char *key = NULL;
  gpointer first;

  if (pesel != NULL)
    key = g_strdup (pesel);
  else
    key = g_strjoin ("\x1f", rei_resident_get_first_name (resident),
                     rei_resident_get_surname (resident),
                     rei_resident_get (resident, REI_RESIDENT_BIRTH_DATE) ?: "",
                     rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE) ?: "", NULL);

  first = g_hash_table_lookup (self->people, key);
  if (first != NULL && pesel != NULL)
    rei_sheet_row_add_problem (row, _("The same PESEL is already on line %u."),
                               GPOINTER_TO_UINT (first));
  else if (first != NULL)
    rei_sheet_row_add_problem (row,
                               _("The same person (name, birth date and admission date) is "
                                 "already on line %u."),
                               GPOINTER_TO_UINT (first));
  else
    g_hash_table_insert (self->people, g_steal_pointer (&key),
                         GUINT_TO_POINTER (rei_sheet_row_get_line (row)));
}

/* A duplicate is reported but still returned: the preview counts the residents the file
 * holds, and a file with any problem is not written anyway. */
static gpointer
check_row_cb (ReiSheetRow *row,
              gpointer     user_data)
{
  ReiImporter *self = user_data;
  ReiResident *resident = parse_row (self, row);

  if (resident != NULL)
    check_duplicate (self, row, resident);
  return resident;
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
      if (!rei_sheet_importer_has_column (self->sheet, c))
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

static gboolean
write_row_cb (gpointer   item,
              gboolean  *updated,
              gpointer   user_data,
              GError   **error)
{
  ReiImporter *self = user_data;
  ReiResident *from_file = item;
  g_autoptr(ReiResident) stored = NULL;
  gint64 id;

  /* Into an empty register nobody matches: the rows were refused as duplicates of each other
   * (check_duplicate) by the same key the match takes, so the question is spared per row.  Asked
   * on the first row, inside the import's transaction. */
  if (self->registry_empty < 0)
    self->registry_empty = rei_store_count_residents (self->store, NULL) == 0;
  id = self->registry_empty ? 0 : rei_store_find_matching_resident (self->store, from_file, NULL);
  if (id > 0)
    {
      stored = rei_store_get_resident (self->store, id, error);
      if (stored == NULL)
        return FALSE;
      merge_into (self, stored, from_file);
    }

  if (!rei_store_save_resident (self->store, stored != NULL ? stored : from_file, error))
    return FALSE;
  *updated = id > 0;
  return TRUE;
}

static void
rei_importer_finalize (GObject *object)
{
  ReiImporter *self = (ReiImporter *) object;

  g_clear_object (&self->sheet);
  g_clear_object (&self->store);
  g_clear_pointer (&self->known_codes, g_hash_table_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);

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
  self->known_codes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             (GDestroyNotify) g_hash_table_unref);
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->registry_empty = -1;
}

ReiImporter *
rei_importer_new (ReiStore *store)
{
  ReiImporter *self;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  self = g_object_new (REI_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  self->sheet = rei_sheet_importer_new (store, &residents_format, self);
  return self;
}

void
rei_importer_set_encoding (ReiImporter    *self,
                           ReiCsvEncoding  encoding)
{
  g_return_if_fail (REI_IS_IMPORTER (self));
  rei_sheet_importer_set_encoding (self->sheet, encoding);
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

  reset (self);
  return rei_sheet_importer_validate (self->sheet, bytes, progress, progress_data, cancellable,
                                      error);
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

  reset (self);
  return rei_sheet_importer_run (self->sheet, bytes, progress, progress_data, cancellable, error);
}

GPtrArray *
rei_importer_get_problems (ReiImporter *self)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), NULL);
  return rei_sheet_importer_get_problems (self->sheet);
}

GPtrArray *
rei_importer_get_residents (ReiImporter *self)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), NULL);
  return rei_sheet_importer_get_items (self->sheet);
}

guint
rei_importer_get_n_inserted (ReiImporter *self)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), 0);
  return rei_sheet_importer_get_n_inserted (self->sheet);
}

guint
rei_importer_get_n_updated (ReiImporter *self)
{
  g_return_val_if_fail (REI_IS_IMPORTER (self), 0);
  return rei_sheet_importer_get_n_updated (self->sheet);
}

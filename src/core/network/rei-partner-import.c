/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-collation.h"
#include "rei-identifiers.h"
#include "rei-partner-import.h"
#include "rei-store-network.h"

/* The sheet's column names (folded) and the fields they fill; "obszary" fills the areas. */
static const struct
{
  const char      *column;
  ReiPartnerField  field;
} columns_table[] = {
  { "nazwa", REI_PARTNER_NAME },
  { "typ", REI_PARTNER_TYPE },
  { "poziom", REI_PARTNER_LEVEL },
  { "sektor", REI_PARTNER_SECTOR },
  { "obszary", REI_PARTNER_N_FIELDS },
  { "nip", REI_PARTNER_NIP },
  { "regon", REI_PARTNER_REGON },
  { "adres", REI_PARTNER_ADDRESS },
  { "osoba_kontaktowa", REI_PARTNER_CONTACT_PERSON },
  { "telefon", REI_PARTNER_PHONE },
  { "email", REI_PARTNER_EMAIL },
  { "e_mail", REI_PARTNER_EMAIL },
  { "umowa_od", REI_PARTNER_AGREEMENT_DATE },
  { "umowa_do", REI_PARTNER_AGREEMENT_UNTIL },
  { "zakres_umowy", REI_PARTNER_AGREEMENT_SCOPE },
  { "uwagi", REI_PARTNER_NOTES },
};

char *
rei_partner_import_fold_header (const char *header)
{
  g_autofree char *folded = rei_collation_search_key (header);
  GString *s = g_string_new (NULL);

  g_strstrip (folded);
  for (const char *p = folded; *p != '\0'; p++)
    {
      char c = (*p == ' ' || *p == '-' || *p == '\t') ? '_' : *p;

      /* "osoba  kontaktowa" and "osoba - kontaktowa" fold alike. */
      if (c == '_' && s->len > 0 && s->str[s->len - 1] == '_')
        continue;
      g_string_append_c (s, c);
    }
  return g_string_free (s, FALSE);
}

gboolean
rei_partner_import_column (const char      *folded,
                           ReiPartnerField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns_table); i++)
    if (g_strcmp0 (folded, columns_table[i].column) == 0)
      {
        *field = columns_table[i].field;
        return TRUE;
      }
  return FALSE;
}

/* "Pozarządowy" → "pozarzadowy", "b" → "B": the sheet's spelling of a code. */
static char *
fold_code (ReiPartnerField  field,
           const char      *value)
{
  if (value == NULL)
    return NULL;
  if (field == REI_PARTNER_TYPE)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (value));

      return g_ascii_strup (trimmed, -1);
    }
  if (field == REI_PARTNER_LEVEL || field == REI_PARTNER_SECTOR)
    return g_strstrip (rei_collation_search_key (value));
  return g_strdup (value);
}

static gboolean
check_areas (ReiStore            *store,
             const char * const  *areas,
             GError             **error)
{
  g_autoptr(GPtrArray) known = NULL;

  if (areas[0] == NULL)
    return TRUE;
  known = rei_store_list_social_areas (store, error);
  if (known == NULL)
    return FALSE;
  for (guint i = 0; areas[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < known->len && !found; k++)
        found = g_str_equal (((char **) g_ptr_array_index (known, k))[0], areas[i]);
      if (!found)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID, _("Unknown area code “%s”."), areas[i]);
          return FALSE;
        }
    }
  return TRUE;
}

ReiPartner *
rei_partner_import_row (ReiStore            *store,
                        const char * const  *columns,
                        GPtrArray           *values,
                        GError             **error)
{
  const char *cells[REI_PARTNER_N_FIELDS] = { NULL };
  gboolean present[REI_PARTNER_N_FIELDS] = { FALSE };
  const char *areas_cell = NULL;
  gboolean areas_present = FALSE;
  g_autoptr(ReiPartner) partner = NULL;
  g_autofree char *nip = NULL;
  gint64 id;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  for (guint c = 0; columns[c] != NULL; c++)
    {
      const char *value = c < values->len ? g_ptr_array_index (values, c) : NULL;
      ReiPartnerField field;

      if (!rei_partner_import_column (columns[c], &field))
        continue;
      if (field == REI_PARTNER_N_FIELDS)
        {
          areas_cell = value;
          areas_present = TRUE;
        }
      else
        {
          cells[field] = value;
          present[field] = TRUE;
        }
    }

  /* The NIP decides which partner the row is about, so it is checked before the lookup. */
  if (cells[REI_PARTNER_NIP] != NULL && cells[REI_PARTNER_NIP][strspn (cells[REI_PARTNER_NIP], " \t")] != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      if (!rei_nip_validate (cells[REI_PARTNER_NIP], &local_error))
        {
          g_set_error (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID, "NIP: %s", local_error->message);
          return NULL;
        }
      nip = rei_identifier_normalize (cells[REI_PARTNER_NIP]);
    }
  if (cells[REI_PARTNER_NAME] == NULL || *cells[REI_PARTNER_NAME] == '\0')
    {
      g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID, _("Enter the partner’s name."));
      return NULL;
    }

  id = rei_store_find_partner (store, nip, cells[REI_PARTNER_NAME], error);
  if (id < 0)
    return NULL;
  if (id > 0)
    {
      partner = rei_store_get_partner (store, id, error);
      if (partner == NULL)
        return NULL;
      /* Same name, another NIP: two organisations (two communes' culture centres), not one. */
      if (nip != NULL && rei_partner_get_text (partner, REI_PARTNER_NIP) != NULL
          && g_strcmp0 (rei_partner_get_text (partner, REI_PARTNER_NIP), nip) != 0)
        g_clear_object (&partner);
    }
  if (partner == NULL)
    partner = rei_partner_new ();

  for (guint f = 0; f < REI_PARTNER_N_FIELDS; f++)
    if (present[f])
      {
        g_autofree char *value = fold_code (f, cells[f]);

        rei_partner_set_text (partner, f, value);
      }
  if (areas_present)
    {
      g_auto(GStrv) areas = g_strsplit (areas_cell ? areas_cell : "", "|", -1);

      for (guint i = 0; areas[i] != NULL; i++)
        {
          char *folded = g_strstrip (rei_collation_search_key (areas[i]));

          g_free (areas[i]);
          areas[i] = folded;
        }
      rei_partner_set_areas (partner, (const char * const *) areas);
    }

  if (!rei_partner_check (partner, error) || !check_areas (store, rei_partner_get_areas (partner), error))
    return NULL;
  return g_steal_pointer (&partner);
}

/* ---------------------------------------------------------------------------------------------
 * The importer
 * ------------------------------------------------------------------------------------------- */

struct _ReiPartnerImporter
{
  GObject         parent_instance;

  ReiStore       *store;
  ReiCsvEncoding  encoding;
  GPtrArray      *problems;   /* ReiImportProblem* */
  GPtrArray      *partners;   /* ReiPartner* */
  guint           n_inserted;
  guint           n_updated;
};

G_DEFINE_FINAL_TYPE (ReiPartnerImporter, rei_partner_importer, G_TYPE_OBJECT)

static void
problem_free (ReiImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (ReiPartnerImporter *self,
             guint               line,
             const char         *message)
{
  ReiImportProblem *problem = g_new0 (ReiImportProblem, 1);

  problem->line = line;
  problem->message = g_strdup (message);
  g_ptr_array_add (self->problems, problem);
}

static void
rei_partner_importer_finalize (GObject *object)
{
  ReiPartnerImporter *self = REI_PARTNER_IMPORTER (object);

  g_clear_object (&self->store);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->partners);
  G_OBJECT_CLASS (rei_partner_importer_parent_class)->finalize (object);
}

static void
rei_partner_importer_class_init (ReiPartnerImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_partner_importer_finalize;
}

static void
rei_partner_importer_init (ReiPartnerImporter *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->partners = g_ptr_array_new_with_free_func (g_object_unref);
}

ReiPartnerImporter *
rei_partner_importer_new (ReiStore *store)
{
  ReiPartnerImporter *self = g_object_new (REI_TYPE_PARTNER_IMPORTER, NULL);

  self->store = g_object_ref (store);
  return self;
}

void
rei_partner_importer_set_encoding (ReiPartnerImporter *self,
                                   ReiCsvEncoding      encoding)
{
  g_return_if_fail (REI_IS_PARTNER_IMPORTER (self));
  self->encoding = encoding;
}

/* The folded header, NULL-terminated; problems for unknown, repeated or missing columns. */
static GStrv
read_header (ReiPartnerImporter *self,
             GPtrArray          *fields,
             guint               line)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) columns = NULL;

  for (guint i = 0; i < fields->len; i++)
    {
      char *folded = rei_partner_import_fold_header (g_ptr_array_index (fields, i));
      ReiPartnerField field;

      if (!rei_partner_import_column (folded, &field))
        {
          g_autofree char *message = g_strdup_printf (_("Unknown column “%s”."),
                                                      (const char *) g_ptr_array_index (fields, i));
          add_problem (self, line, message);
        }
      g_strv_builder_add (builder, folded);
      g_free (folded);
    }
  columns = g_strv_builder_end (builder);
  for (guint i = 0; columns[i] != NULL; i++)
    for (guint j = i + 1; columns[j] != NULL; j++)
      if (*columns[i] != '\0' && g_str_equal (columns[i], columns[j]))
        {
          g_autofree char *message = g_strdup_printf (_("The column “%s” appears twice."), columns[i]);
          add_problem (self, line, message);
        }
  if (!g_strv_contains ((const char * const *) columns, "nazwa"))
    add_problem (self, line, _("The sheet needs a column “nazwa”."));
  if (!g_strv_contains ((const char * const *) columns, "typ"))
    add_problem (self, line, _("The sheet needs a column “typ”."));
  return g_steal_pointer (&columns);
}

static gboolean
row_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *f = g_ptr_array_index (fields, i);

      for (; *f != '\0'; f++)
        if (!g_ascii_isspace (*f))
          return FALSE;
    }
  return TRUE;
}

static gboolean
import (ReiPartnerImporter  *self,
        GBytes              *bytes,
        gboolean             write,
        ReiProgressFunc      progress,
        gpointer             progress_data,
        GCancellable        *cancellable,
        GError             **error)
{
  g_autoptr(ReiCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) columns = NULL;
  GPtrArray *fields = NULL;
  guint line = 0;

  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->partners, 0);
  self->n_inserted = self->n_updated = 0;

  reader = rei_csv_reader_new (bytes, self->encoding, error);
  if (reader == NULL)
    return FALSE;
  if (!rei_csv_reader_next (reader, &header, &line, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error_literal (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_EMPTY, _("The file is empty."));
      return FALSE;
    }
  columns = read_header (self, header, line);
  if (self->problems->len > 0)
    {
      g_set_error_literal (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID, _("The file has errors."));
      return FALSE;
    }

  /* Every row is written as it is read, inside one transaction, so that a later row sees the
   * partners of earlier ones (a repeated row is caught) and any problem undoes them all. */
  if (!rei_store_begin (self->store, error))
    return FALSE;
  while (rei_csv_reader_next (reader, &fields, &line, &local_error))
    {
      g_autoptr(GPtrArray) row = fields;
      g_autoptr(ReiPartner) partner = NULL;
      g_autoptr(GError) row_error = NULL;
      gboolean is_new;
      gint64 id;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          rei_store_rollback (self->store);
          return FALSE;
        }
      if (row_is_empty (row))
        continue;
      partner = rei_partner_import_row (self->store, (const char * const *) columns, row, &row_error);
      is_new = partner != NULL && rei_partner_get_id (partner) == 0;
      if (partner == NULL || !rei_store_save_partner (self->store, partner, &row_error))
        {
          add_problem (self, line, row_error->message);
          continue;
        }
      id = rei_partner_get_id (partner);
      if (g_hash_table_contains (seen, &id))
        {
          g_autofree char *message = g_strdup_printf (_("This row repeats the partner of line %u."),
                                                      GPOINTER_TO_UINT (g_hash_table_lookup (seen, &id)));
          add_problem (self, line, message);
          continue;
        }
      g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (line));
      if (is_new)
        self->n_inserted++;
      else
        self->n_updated++;
      g_ptr_array_add (self->partners, g_steal_pointer (&partner));
      if (progress != NULL)
        progress ((double) rei_csv_reader_get_position (reader) / MAX (rei_csv_reader_get_length (reader), 1),
                  progress_data);
    }
  if (local_error != NULL)
    add_problem (self, rei_csv_reader_get_error_line (reader), local_error->message);

  if (self->problems->len > 0 || !write)
    {
      rei_store_rollback (self->store);
      if (self->problems->len > 0)
        {
          g_set_error_literal (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID, _("The file has errors."));
          return FALSE;
        }
      return TRUE;
    }
  if (!rei_store_add_audit (self->store, "partner", 0, "import", NULL, error))
    {
      rei_store_rollback (self->store);
      return FALSE;
    }
  return rei_store_commit (self->store, error);
}

gboolean
rei_partner_importer_run (ReiPartnerImporter  *self,
                          GBytes              *bytes,
                          ReiProgressFunc      progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), FALSE);
  return import (self, bytes, TRUE, progress, progress_data, cancellable, error);
}

gboolean
rei_partner_importer_validate (ReiPartnerImporter  *self,
                               GBytes              *bytes,
                               ReiProgressFunc      progress,
                               gpointer             progress_data,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), FALSE);
  return import (self, bytes, FALSE, progress, progress_data, cancellable, error);
}

GPtrArray *
rei_partner_importer_get_problems (ReiPartnerImporter *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), NULL);
  return self->problems;
}

GPtrArray *
rei_partner_importer_get_partners (ReiPartnerImporter *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), NULL);
  return self->partners;
}

guint
rei_partner_importer_get_n_inserted (ReiPartnerImporter *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), 0);
  return self->n_inserted;
}

guint
rei_partner_importer_get_n_updated (ReiPartnerImporter *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), 0);
  return self->n_updated;
}

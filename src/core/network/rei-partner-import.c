/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-collation.h"
#include "rei-identifiers.h"
#include "rei-partner-import.h"
#include "rei-sheet-importer.h"
#include "rei-store-audit.h"
#include "rei-store-network.h"

typedef enum
{
  COL_NAZWA,
  COL_TYP,
  COL_POZIOM,
  COL_SEKTOR,
  COL_OBSZARY,
  COL_NIP,
  COL_REGON,
  COL_ADRES,
  COL_OSOBA_KONTAKTOWA,
  COL_TELEFON,
  COL_EMAIL,
  COL_UMOWA_OD,
  COL_UMOWA_DO,
  COL_ZAKRES_UMOWY,
  COL_UWAGI,
  N_COLUMNS
} Column;

/* The frame folds header names ("Osoba kontaktowa", "E-mail"), so one spelling each. */
static const ReiSheetColumn columns[N_COLUMNS] = {
  [COL_NAZWA] = { "nazwa", TRUE },
  [COL_TYP] = { "typ", TRUE },
  [COL_POZIOM] = { "poziom", FALSE },
  [COL_SEKTOR] = { "sektor", FALSE },
  [COL_OBSZARY] = { "obszary", FALSE },
  [COL_NIP] = { "nip", FALSE },
  [COL_REGON] = { "regon", FALSE },
  [COL_ADRES] = { "adres", FALSE },
  [COL_OSOBA_KONTAKTOWA] = { "osoba_kontaktowa", FALSE },
  [COL_TELEFON] = { "telefon", FALSE },
  [COL_EMAIL] = { "email", FALSE },
  [COL_UMOWA_OD] = { "umowa_od", FALSE },
  [COL_UMOWA_DO] = { "umowa_do", FALSE },
  [COL_ZAKRES_UMOWY] = { "zakres_umowy", FALSE },
  [COL_UWAGI] = { "uwagi", FALSE },
};

/* The field each column fills; -1 for the areas. */
static const int column_fields[N_COLUMNS] = {
  [COL_NAZWA] = REI_PARTNER_NAME,
  [COL_TYP] = REI_PARTNER_TYPE,
  [COL_POZIOM] = REI_PARTNER_LEVEL,
  [COL_SEKTOR] = REI_PARTNER_SECTOR,
  [COL_OBSZARY] = -1,
  [COL_NIP] = REI_PARTNER_NIP,
  [COL_REGON] = REI_PARTNER_REGON,
  [COL_ADRES] = REI_PARTNER_ADDRESS,
  [COL_OSOBA_KONTAKTOWA] = REI_PARTNER_CONTACT_PERSON,
  [COL_TELEFON] = REI_PARTNER_PHONE,
  [COL_EMAIL] = REI_PARTNER_EMAIL,
  [COL_UMOWA_OD] = REI_PARTNER_AGREEMENT_DATE,
  [COL_UMOWA_DO] = REI_PARTNER_AGREEMENT_UNTIL,
  [COL_ZAKRES_UMOWY] = REI_PARTNER_AGREEMENT_SCOPE,
  [COL_UWAGI] = REI_PARTNER_NOTES,
};

/* A new partner an earlier row of the same file will add: a later row that names it by NIP or
 * by name is that partner again, as it would be once the earlier row were written. */
typedef struct
{
  char  *nip;       /* digits, NULL for none */
  char  *name_key;  /* the name folded as the store folds it */
  guint  line;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->nip);
  g_free (pending->name_key);
  g_free (pending);
}

struct _ReiPartnerImporter
{
  GObject           parent_instance;

  ReiStore         *store;
  ReiSheetImporter *sheet;
  GPtrArray        *known_areas;  /* GStrv { code, label }, read once per file */
  GHashTable       *seen;         /* stored partner id (gint64*) → the line that names it */
  GPtrArray        *pending;      /* Pending*, the new partners of earlier rows */
  /* The first Pending of each NIP, of each name, and of each name among those without a NIP
   * (the pending array owns them): see earlier_line(). */
  GHashTable       *by_nip;
  GHashTable       *by_name;
  GHashTable       *by_name_no_nip;
  gboolean          audited;      /* the file's "import" audit row is written */
  guint             n_new;        /* rows that add a partner, as checked */
  guint             n_updated;    /* rows that update a stored one */
};

G_DEFINE_FINAL_TYPE (ReiPartnerImporter, rei_partner_importer, G_TYPE_OBJECT)

/* "Pozarządowy" → "pozarzadowy", "b" → "B": the sheet's spelling of a code. */
static char *
fold_code (ReiPartnerField  field,
           const char      *value)
{
  if (value == NULL)
    return NULL;
  if (field == REI_PARTNER_TYPE)
    return g_ascii_strup (value, -1);
  if (field == REI_PARTNER_LEVEL || field == REI_PARTNER_SECTOR)
    return g_strstrip (rei_collation_search_key (value));
  return g_strdup (value);
}

static gboolean
check_areas (ReiPartnerImporter  *self,
             const char * const  *areas,
             GError             **error)
{
  for (guint i = 0; areas[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < self->known_areas->len && !found; k++)
        found = g_str_equal (((char **) g_ptr_array_index (self->known_areas, k))[0], areas[i]);
      if (!found)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                       _("Unknown area code “%s”."), areas[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The line of an earlier row that names the same partner, or 0.  A stored partner is the same
 * by id; a new one by NIP, or by name unless both rows give different NIPs (two communes'
 * culture centres are two organisations). */
static guint
earlier_line (ReiPartnerImporter *self,
              gint64              id,
              const char         *nip,
              const char         *name_key)
{
  Pending *by_nip, *by_name;

  if (id > 0)
    return GPOINTER_TO_UINT (g_hash_table_lookup (self->seen, &id));
  /* The first earlier row with this NIP or, among those this name may be (any with no NIP
   * here, else those without one), with this name: whichever came first.  A walk over every
   * earlier row made the check of a file quadratic (50 million comparisons for 10 000 new
   * partners, a third of the import). */
  by_nip = nip != NULL ? g_hash_table_lookup (self->by_nip, nip) : NULL;
  by_name = g_hash_table_lookup (nip != NULL ? self->by_name_no_nip : self->by_name, name_key);
  if (by_nip != NULL && (by_name == NULL || by_nip->line < by_name->line))
    return by_nip->line;
  return by_name != NULL ? by_name->line : 0;
}

static void
index_first (GHashTable *table,
             const char *key,
             Pending    *pending)
{
  if (!g_hash_table_contains (table, key))
    g_hash_table_insert (table, (gpointer) key, pending);
}

/* One row: the partner it names in the store (NIP, else name) with the cells of the columns
 * the sheet has applied (an empty cell clears the field), checked as the form checks it.  Reads
 * the store, never writes it. */
static gpointer
check_partner_row (ReiSheetRow *row,
                   gpointer     user_data)
{
  ReiPartnerImporter *self = user_data;
  const char *name = rei_sheet_row_get (row, COL_NAZWA);
  const char *nip_cell = rei_sheet_row_get (row, COL_NIP);
  g_autoptr(ReiPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nip = NULL;
  g_autofree char *name_key = NULL;
  gboolean empty = TRUE;
  guint earlier;
  gint64 id;

  /* A row of empty cells (separators only) is a blank line to an office. */
  for (guint c = 0; c < N_COLUMNS && empty; c++)
    empty = rei_sheet_row_get (row, c) == NULL;
  if (empty)
    return NULL;

  /* The NIP decides which partner the row is about, so it is checked before the lookup. */
  if (nip_cell != NULL)
    {
      if (!rei_nip_validate (nip_cell, &error))
        {
          rei_sheet_row_add_problem (row, "NIP: %s", error->message);
          return NULL;
        }
      nip = rei_identifier_normalize (nip_cell);
    }
  if (name == NULL)
    {
      rei_sheet_row_add_problem (row, "%s", _("Enter the partner’s name."));
      return NULL;
    }

  id = rei_store_find_partner (self->store, nip, name, &error);
  if (id < 0)
    {
      rei_sheet_row_add_problem (row, "%s", error->message);
      return NULL;
    }
  if (id > 0)
    {
      partner = rei_store_get_partner (self->store, id, &error);
      if (partner == NULL)
        {
          rei_sheet_row_add_problem (row, "%s", error->message);
          return NULL;
        }
      /* Same name, another NIP: two organisations, not one. */
      if (nip != NULL && rei_partner_get_text (partner, REI_PARTNER_NIP) != NULL
          && g_strcmp0 (rei_partner_get_text (partner, REI_PARTNER_NIP), nip) != 0)
        g_clear_object (&partner);
    }
  if (partner == NULL)
    partner = rei_partner_new ();

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (!rei_sheet_importer_has_column (self->sheet, c))
        continue;
      if (column_fields[c] >= 0)
        {
          g_autofree char *value = fold_code (column_fields[c], rei_sheet_row_get (row, c));

          rei_partner_set_text (partner, column_fields[c], value);
        }
      else
        {
          g_auto(GStrv) areas = g_strsplit (rei_sheet_row_get (row, c) ?: "", "|", -1);

          for (guint i = 0; areas[i] != NULL; i++)
            {
              char *folded = g_strstrip (rei_collation_search_key (areas[i]));

              g_free (areas[i]);
              areas[i] = folded;
            }
          rei_partner_set_areas (partner, (const char * const *) areas);
        }
    }
  if (!rei_partner_check (partner, &error)
      || !check_areas (self, rei_partner_get_areas (partner), &error))
    {
      rei_sheet_row_add_problem (row, "%s", error->message);
      return NULL;
    }

  id = rei_partner_get_id (partner);
  name_key = rei_collation_search_key (name);
  earlier = earlier_line (self, id, nip, name_key);
  if (earlier > 0)
    {
      rei_sheet_row_add_problem (row, _("This row repeats the partner of line %u."), earlier);
      return NULL;
    }
  if (id > 0)
    {
      g_hash_table_insert (self->seen, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (rei_sheet_row_get_line (row)));
      self->n_updated++;
    }
  else
    {
      self->n_new++;
      Pending *pending = g_new0 (Pending, 1);

      pending->nip = g_steal_pointer (&nip);
      pending->name_key = g_steal_pointer (&name_key);
      pending->line = rei_sheet_row_get_line (row);
      g_ptr_array_add (self->pending, pending);
      if (pending->nip != NULL)
        index_first (self->by_nip, pending->nip, pending);
      else
        index_first (self->by_name_no_nip, pending->name_key, pending);
      index_first (self->by_name, pending->name_key, pending);
    }
  return g_steal_pointer (&partner);
}

static gboolean
write_partner (gpointer   item,
               gboolean  *updated,
               gpointer   user_data,
               GError   **error)
{
  ReiPartnerImporter *self = user_data;
  ReiPartner *partner = item;

  /* One audit row for the file, in its transaction, besides each partner's own. */
  if (!self->audited)
    {
      if (!rei_store_add_audit (self->store, "partner", 0, "import", NULL, error))
        return FALSE;
      self->audited = TRUE;
    }
  *updated = rei_partner_get_id (partner) > 0;
  return rei_store_save_partner (self->store, partner, error);
}

static const ReiSheetFormat partner_format = {
  columns, N_COLUMNS, check_partner_row, write_partner, g_object_unref,
};

/* What the rows of one file are checked against: the area codes as stored now, and no row
 * seen yet. */
static gboolean
reset (ReiPartnerImporter  *self,
       GError             **error)
{
  g_clear_pointer (&self->known_areas, g_ptr_array_unref);
  self->known_areas = rei_store_list_social_areas (self->store, error);
  g_hash_table_remove_all (self->seen);
  g_hash_table_remove_all (self->by_nip);
  g_hash_table_remove_all (self->by_name);
  g_hash_table_remove_all (self->by_name_no_nip);
  g_ptr_array_set_size (self->pending, 0);
  self->audited = FALSE;
  self->n_new = self->n_updated = 0;
  return self->known_areas != NULL;
}

static void
rei_partner_importer_finalize (GObject *object)
{
  ReiPartnerImporter *self = REI_PARTNER_IMPORTER (object);

  g_clear_object (&self->sheet);
  g_clear_object (&self->store);
  g_clear_pointer (&self->known_areas, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->by_nip, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->by_name_no_nip, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
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
  self->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func (pending_free);
  self->by_nip = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_name_no_nip = g_hash_table_new (g_str_hash, g_str_equal);
}

ReiPartnerImporter *
rei_partner_importer_new (ReiStore *store)
{
  ReiPartnerImporter *self;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  self = g_object_new (REI_TYPE_PARTNER_IMPORTER, NULL);
  self->store = g_object_ref (store);
  self->sheet = rei_sheet_importer_new (store, &partner_format, self);
  return self;
}

void
rei_partner_importer_set_encoding (ReiPartnerImporter *self,
                                   ReiCsvEncoding      encoding)
{
  g_return_if_fail (REI_IS_PARTNER_IMPORTER (self));
  rei_sheet_importer_set_encoding (self->sheet, encoding);
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

  if (!reset (self, error))
    return FALSE;
  return rei_sheet_importer_run (self->sheet, bytes, progress, progress_data, cancellable, error);
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

  if (!reset (self, error))
    return FALSE;
  return rei_sheet_importer_validate (self->sheet, bytes, progress, progress_data, cancellable,
                                      error);
}

GPtrArray *
rei_partner_importer_get_problems (ReiPartnerImporter *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), NULL);
  return rei_sheet_importer_get_problems (self->sheet);
}

GPtrArray *
rei_partner_importer_get_partners (ReiPartnerImporter *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), NULL);
  return rei_sheet_importer_get_items (self->sheet);
}

guint
rei_partner_importer_get_n_inserted (ReiPartnerImporter *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), 0);
  return self->n_new;
}

guint
rei_partner_importer_get_n_updated (ReiPartnerImporter *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_IMPORTER (self), 0);
  return self->n_updated;
}

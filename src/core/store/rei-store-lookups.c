/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

/* The code tables (categories, end reasons, outcomes, indicators, legal bases, CST2021's), their labels,
 * the centre's editing of the categories, and the named lists of workshops and projects. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-collation.h"
#include "rei-store-lookups.h"
#include "rei-store-private.h"

/* Lookup tables may only be named from this fixed list: their names go into SQL text. */
typedef struct
{
  const char *table;
  const char *has_sql;
  const char *list_sql;
  const char *label_sql;
} CodeTable;

#define CODE_TABLE(name, list_tail)                                   \
  { name, "SELECT 1 FROM " name " WHERE code = ?",                    \
    "SELECT code FROM " name " " list_tail,                           \
    "SELECT label FROM " name " WHERE code = ?" }

static const CodeTable *
find_code_table (const char *table)
{
  static const CodeTable tables[] = {
    CODE_TABLE (REI_LOOKUP_CATEGORY, "WHERE active ORDER BY position"),
    CODE_TABLE (REI_LOOKUP_END_REASON, "ORDER BY graduate DESC, code"),
    CODE_TABLE (REI_LOOKUP_OUTCOME, "ORDER BY position"),
    CODE_TABLE (REI_LOOKUP_INDICATOR, "ORDER BY position"),
    CODE_TABLE (REI_LOOKUP_LEGAL_BASIS, "ORDER BY position, code"),
    CODE_TABLE (REI_LOOKUP_EDUCATION, "ORDER BY position"),
    CODE_TABLE (REI_LOOKUP_LABOUR_STATUS, "ORDER BY position"),
    CODE_TABLE (REI_LOOKUP_CITIZENSHIP, "ORDER BY position"),
    CODE_TABLE (REI_LOOKUP_DEGURBA, "ORDER BY position"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      return &tables[i];
  g_return_val_if_reached (NULL);
}

#undef CODE_TABLE

/* Whether a query with up to two text parameters finds a row. */
static gboolean
query_exists (ReiStore   *self,
              const char *sql,
              const char *a,
              const char *b)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_statement_read (&st, self, sql, NULL))
    return FALSE;
  rei_store_statement_bind_text (&st, 1, a);
  if (b != NULL)
    rei_store_statement_bind_text (&st, 2, b);
  return rei_store_statement_next (&st);
}

/* The first column of every row, as strings. */
static GPtrArray *
list_strings (ReiStore    *self,
              const char  *sql,
              GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  GPtrArray *list;

  if (!rei_store_statement_read (&st, self, sql, error))
    return NULL;
  list = g_ptr_array_new_with_free_func (g_free);
  while (rei_store_statement_next (&st))
    g_ptr_array_add (list, rei_store_statement_dup_text (&st, 0));
  return list;
}

gboolean
rei_store_has_code (ReiStore   *self,
                    const char *table,
                    const char *code)
{
  const CodeTable *t = find_code_table (table);

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  if (t == NULL || code == NULL)
    return FALSE;
  return query_exists (self, t->has_sql, code, NULL);
}

GPtrArray *
rei_store_list_codes (ReiStore    *self,
                      const char  *table,
                      GError     **error)
{
  const CodeTable *t = find_code_table (table);

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (t != NULL, NULL);
  return list_strings (self, t->list_sql, error);
}

char *
rei_store_get_label (ReiStore   *self,
                     const char *table,
                     const char *code)
{
  const CodeTable *t = find_code_table (table);
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  if (t == NULL || code == NULL || !rei_store_statement_read (&st, self, t->label_sql, NULL))
    return NULL;
  rei_store_statement_bind_text (&st, 1, code);
  return rei_store_statement_next (&st) ? rei_store_statement_dup_text (&st, 0) : NULL;
}

gboolean
rei_store_end_reason_is_graduate (ReiStore   *self,
                                  const char *end_reason)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return query_exists (self, "SELECT 1 FROM end_reason WHERE code = ? AND graduate", end_reason, NULL);
}

gboolean
rei_store_indicator_counts_outcome (ReiStore   *self,
                                    const char *indicator,
                                    const char *outcome)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return query_exists (self,
                       "SELECT 1 FROM indicator_outcome WHERE indicator_code = ? AND outcome_code = ?",
                       indicator, outcome);
}

/* The id of the row with this name, added when missing, in the caller's transaction. */
static gint64
ensure_named_row (ReiStore    *self,
                  const char  *select_sql,
                  const char  *insert_sql,
                  const char  *name,
                  GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  ReiStoreImport *import = rei_store_get_import (self);
  gint64 id = 0;

  /* An import names the same few workshops and projects on every row. */
  if (import != NULL && rei_store_import_cache_get (import, select_sql, name, &id))
    return id;

  if (!rei_store_statement_write (&st, self, select_sql, error))
    return -1;
  rei_store_statement_bind_text (&st, 1, name);
  if (rei_store_statement_next (&st))
    id = sqlite3_column_int64 (st.stmt, 0);
  rei_store_statement_clear (&st);
  if (id <= 0)
    {
      if (!rei_store_statement_write (&st, self, insert_sql, error))
        return -1;
      rei_store_statement_bind_text (&st, 1, name);
      if (!rei_store_statement_exec (&st, N_("adding a name to a list"), error))
        return -1;
      id = rei_store_statement_last_insert_id (&st);
    }
  if (import != NULL)
    rei_store_import_cache_put (import, select_sql, name, id);
  return id;
}

/* One transaction of its own (or the caller's) around ensure_named_row(). */
static gint64
ensure_named_row_in_transaction (ReiStore    *self,
                                 const char  *select_sql,
                                 const char  *insert_sql,
                                 const char  *name,
                                 GError     **error)
{
  gint64 id;

  if (!rei_store_begin (self, error))
    return -1;
  id = ensure_named_row (self, select_sql, insert_sql, name, error);
  if (id < 0)
    {
      rei_store_rollback (self);
      return -1;
    }
  return rei_store_commit (self, error) ? id : -1;
}

GPtrArray *
rei_store_list_workshops (ReiStore  *self,
                          GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_strings (self, "SELECT name FROM workshop ORDER BY name COLLATE pl", error);
}

gint64
rei_store_ensure_workshop (ReiStore    *self,
                           const char  *name,
                           GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  return ensure_named_row_in_transaction (self, "SELECT id FROM workshop WHERE name = ?",
                                          "INSERT INTO workshop (name) VALUES (?)", name, error);
}

GPtrArray *
rei_store_list_project_titles (ReiStore  *self,
                               GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_strings (self, "SELECT title FROM project ORDER BY title COLLATE pl", error);
}

gint64
rei_store_ensure_project (ReiStore    *self,
                          const char  *title,
                          GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), -1);
  g_return_val_if_fail (title != NULL, -1);

  return ensure_named_row_in_transaction (self, "SELECT id FROM project WHERE title = ?",
                                          "INSERT INTO project (title) VALUES (?)", title, error);
}

GPtrArray *
rei_store_list_categories (ReiStore  *self,
                           gboolean   include_inactive,
                           GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (!include_inactive)
    return rei_store_list_codes (self, REI_LOOKUP_CATEGORY, error);
  return list_strings (self, "SELECT code FROM category ORDER BY position, code", error);
}

gboolean
rei_store_category_is_active (ReiStore   *self,
                              const char *code)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return query_exists (self, "SELECT 1 FROM category WHERE code = ? AND active", code, NULL);
}

/* Runs one write statement on category with up to two text parameters and an integer, in its
 * own transaction with an audit row; fails with NOT_FOUND when it changes no row. */
static gboolean
write_category (ReiStore    *self,
                const char  *sql,
                const char  *code,
                const char  *text,
                int          number,
                const char  *action,
                GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;

  if (!rei_store_begin (self, error))
    return FALSE;
  if (!rei_store_statement_write (&st, self, sql, error))
    goto fail;
  rei_store_statement_bind_text (&st, 1, code);
  if (text != NULL)
    rei_store_statement_bind_text (&st, 2, text);
  else
    rei_store_statement_bind_int64 (&st, 2, number);
  if (!rei_store_statement_exec (&st, N_("saving a category"), error))
    goto fail;
  if (rei_store_statement_changes (&st) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                   _("Unknown %s “%s”."), _("category"), code);
      goto fail;
    }
  if (!rei_store_write_audit (self, "category", 0, action, code, error))
    goto fail;
  return rei_store_commit (self, error);

fail:
  rei_store_rollback (self);
  return FALSE;
}

/* A code is an identifier in files and reports, so it is made of plain lower-case ASCII: the
 * label folded ("Długotrwałe bezrobocie" → "dlugotrwale_bezrobocie"). */
static char *
code_from_label (const char *label)
{
  g_autofree char *folded = rei_collation_search_key (label);
  GString *code = g_string_new (NULL);

  for (const char *p = folded; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (code, g_ascii_tolower (*p));
      else if (code->len > 0 && code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }
  while (code->len > 0 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);
  if (code->len > 40)
    g_string_truncate (code, 40);
  if (code->len == 0)
    g_string_append (code, "kategoria");
  return g_string_free (code, FALSE);
}

/* The label without surrounding space, or NULL with error set when nothing is left. */
static char *
category_label (const char  *label,
                GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (label));

  if (*stripped == '\0')
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("A category needs a name."));
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

char *
rei_store_add_category (ReiStore    *self,
                        const char  *label,
                        GError     **error)
{
  g_auto(ReiStoreStatement) st = REI_STORE_STATEMENT_INIT;
  g_autofree char *stripped = NULL;
  g_autofree char *base = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  stripped = category_label (label, error);
  if (stripped == NULL)
    return NULL;

  if (!rei_store_begin (self, error))
    return NULL;

  base = code_from_label (stripped);
  code = g_strdup (base);
  for (guint n = 2; query_exists (self, "SELECT 1 FROM category WHERE code = ?", code, NULL); n++)
    {
      g_free (code);
      code = g_strdup_printf ("%s_%u", base, n);
    }

  if (!rei_store_statement_write (&st, self,
        "INSERT INTO category (code, label, position, active) "
        "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM category), 1)", error))
    goto fail;
  rei_store_statement_bind_text (&st, 1, code);
  rei_store_statement_bind_text (&st, 2, stripped);
  if (!rei_store_statement_exec (&st, N_("saving a category"), error))
    goto fail;
  if (!rei_store_write_audit (self, "category", 0, "insert", code, error))
    goto fail;
  if (!rei_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&code);

fail:
  rei_store_rollback (self);
  return NULL;
}

gboolean
rei_store_rename_category (ReiStore    *self,
                           const char  *code,
                           const char  *label,
                           GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL && label != NULL, FALSE);

  stripped = category_label (label, error);
  if (stripped == NULL)
    return FALSE;
  return write_category (self, "UPDATE category SET label = ?2 WHERE code = ?1", code, stripped,
                         0, "update", error);
}

gboolean
rei_store_set_category_active (ReiStore    *self,
                               const char  *code,
                               gboolean     active,
                               GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  return write_category (self, "UPDATE category SET active = ?2 WHERE code = ?1", code, NULL,
                         active ? 1 : 0, active ? "restore" : "delete", error);
}

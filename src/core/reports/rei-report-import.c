/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-date.h"
#include "rei-money.h"
#include "rei-report-import.h"
#include "rei-report.h"
#include "rei-store-reports.h"
#include "rei-store-residents.h"

/* The row logic of each file is a function of its own (project_row, enrolment_row,
 * funding_row) so that the shared sheet importer of base/ can drive them once it lands; until
 * then the CSV reader is used directly here, with the same guarantees. */

typedef struct
{
  ReiStore   *store;
  GPtrArray  *fields;    /* this row's */
  GHashTable *columns;   /* folded name → index + 1 */
  GPtrArray  *problems;
  GPtrArray  *notices;
  guint       line;
} Row;

void
rei_report_import_result_free (ReiReportImportResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->problems);
  g_ptr_array_unref (result->notices);
  g_free (result);
}

G_GNUC_PRINTF (2, 3) static void
problem (Row        *row,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (row->problems, g_strdup_printf ("%u: %s", row->line, message));
}

/* The value of a column, trimmed; NULL when the column is absent or the cell empty. */
static const char *
cell (Row        *row,
      const char *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (row->columns, name));
  char *value;

  if (index == 0 || index > row->fields->len)
    return NULL;
  value = g_strstrip ((char *) g_ptr_array_index (row->fields, index - 1));
  return *value != '\0' ? value : NULL;
}

static gboolean
take_date (Row         *row,
           const char  *name,
           char       **iso)
{
  const char *text = cell (row, name);

  *iso = NULL;
  if (text == NULL)
    return TRUE;
  *iso = rei_date_normalize (text);
  if (*iso == NULL)
    {
      problem (row, _("%s: “%s” is not a date (dd.mm.rrrr)."), name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_money (Row         *row,
            const char  *name,
            gint64      *grosze)
{
  const char *text = cell (row, name);
  g_autoptr(GError) error = NULL;

  *grosze = -1;
  if (text == NULL)
    return TRUE;
  if (!rei_money_parse (text, grosze, &error))
    {
      problem (row, "%s: %s", name, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_count (Row        *row,
            const char *name,
            int        *value)
{
  const char *text = cell (row, name);
  guint64 n;

  *value = -1;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &n, NULL))
    {
      problem (row, _("%s: “%s” is not a whole number."), name, text);
      return FALSE;
    }
  *value = (int) n;
  return TRUE;
}

/* tak / nie / empty → 1 / 0 / -1; FALSE on anything else. */
static gboolean
take_flag (Row        *row,
           const char *name,
           int        *value)
{
  const char *text = cell (row, name);

  *value = -1;
  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "tak") == 0)
    *value = 1;
  else if (g_ascii_strcasecmp (text, "nie") == 0)
    *value = 0;
  else
    {
      problem (row, _("%s: write tak or nie, not “%s”."), name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
project_row (Row *row)
{
  g_autoptr(ReiProject) p = rei_project_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *partners = cell (row, "partnerzy");
  gboolean ok = TRUE;

  p->code = g_strdup (cell (row, "kod"));
  p->title = g_strdup (cell (row, "tytul"));
  p->programme = g_strdup (cell (row, "program"));
  p->applicant = g_strdup (cell (row, "wnioskodawca"));
  if (p->code == NULL)
    ok = (problem (row, _("kod: the project's code is required.")), FALSE);
  if (p->title == NULL)
    ok = (problem (row, _("tytul: the project's title is required.")), FALSE);
  ok &= take_date (row, "data_od", &p->start_date);
  ok &= take_date (row, "data_do", &p->end_date);
  ok &= take_money (row, "wartosc", &p->total_value);
  ok &= take_money (row, "dofinansowanie", &p->grant_value);
  ok &= take_count (row, "cel_k", &p->target_women);
  ok &= take_count (row, "cel_m", &p->target_men);
  if (ok && p->start_date && p->end_date && strcmp (p->end_date, p->start_date) < 0)
    ok = (problem (row, _("data_do: the project ends before it starts.")), FALSE);
  if (ok && p->total_value >= 0 && p->grant_value > p->total_value)
    ok = (problem (row, _("dofinansowanie: the grant is larger than the project's value.")), FALSE);

  if (partners != NULL)
    {
      g_auto(GStrv) names = g_strsplit (partners, "|", -1);
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

      for (guint i = 0; names[i] != NULL; i++)
        if (*g_strstrip (names[i]) != '\0')
          g_strv_builder_add (b, names[i]);
      p->partners = g_strv_builder_end (b);
    }
  if (!ok)
    return FALSE;

  if (!rei_store_save_project (row->store, p, added, &error))
    {
      problem (row, "%s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (row->notices,
                     g_strdup_printf (_("“%s” added to the network as a type B partner."),
                                      (const char *) g_ptr_array_index (added, i)));
  return TRUE;
}

static gboolean
enrolment_row (Row *row)
{
  g_autoptr(ReiEnrolment) e = rei_enrolment_new ();
  g_autoptr(ReiProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *pesel = cell (row, "pesel");
  const char *code = cell (row, "projekt");
  const char *status = cell (row, "status_po");
  gboolean ok = TRUE;

  if (pesel == NULL)
    ok = (problem (row, _("pesel: the PESEL is required.")), FALSE);
  else if ((e->resident_id = rei_store_find_resident_by_pesel (row->store, pesel, NULL)) <= 0)
    ok = (problem (row, _("pesel: nobody with the PESEL %s is in the register."), pesel), FALSE);
  if (code == NULL)
    ok = (problem (row, _("projekt: the project's code is required.")), FALSE);
  else if ((project = rei_store_get_project (row->store, code, NULL)) == NULL)
    ok = (problem (row, _("projekt: there is no project with the code “%s”."), code), FALSE);
  ok &= take_date (row, "data_przystapienia", &e->joined_on);
  if (cell (row, "data_przystapienia") == NULL)
    ok = (problem (row, _("data_przystapienia: the date of joining is required.")), FALSE);
  ok &= take_date (row, "data_zakonczenia", &e->left_on);
  ok &= take_flag (row, "sciezka_ukonczona", &e->path_completed);
  ok &= take_flag (row, "postep_spoleczny", &e->social_progress);
  if (status != NULL && !rei_store_status_after_exists (row->store, status))
    ok = (problem (row, _("status_po: “%s” is not one of pracujacy, poszukujacy_pracy, ksztalcenie, bierny."),
                   status), FALSE);
  e->status_after = g_strdup (status);
  if (!ok)
    return FALSE;

  /* A project's period includes its first and last day. */
  if (e->left_on != NULL && strcmp (e->left_on, e->joined_on) < 0)
    ok = (problem (row, _("data_zakonczenia: the person left before joining.")), FALSE);
  if ((project->start_date && strcmp (e->joined_on, project->start_date) < 0)
      || (project->end_date && strcmp (e->joined_on, project->end_date) > 0))
    ok = (problem (row, _("data_przystapienia: outside the period of project %s."), code), FALSE);
  if (e->left_on != NULL && ((project->start_date && strcmp (e->left_on, project->start_date) < 0)
                             || (project->end_date && strcmp (e->left_on, project->end_date) > 0)))
    ok = (problem (row, _("data_zakonczenia: outside the period of project %s."), code), FALSE);
  if (!ok)
    return FALSE;

  e->project_id = project->id;
  if (!rei_store_save_enrolment (row->store, e, &error))
    {
      problem (row, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
funding_row (Row *row)
{
  g_autoptr(GError) error = NULL;
  const char *year_text = cell (row, "rok");
  const char *source = cell (row, "zrodlo");
  const char *kind = cell (row, "rodzaj");
  guint64 year = 0;
  gint64 amount = -1;
  gboolean ok = TRUE;

  if (year_text == NULL || !g_ascii_string_to_unsigned (year_text, 10, 1990, 2100, &year, NULL))
    ok = (problem (row, _("rok: “%s” is not a year."), year_text ? year_text : ""), FALSE);
  if (source == NULL || !rei_store_funding_source_exists (row->store, source))
    ok = (problem (row, _("zrodlo: “%s” is not one of budzet_miasta, efs, pfron, inne."),
                   source ? source : ""), FALSE);
  if (kind == NULL)
    kind = "wykonanie";
  else if (strcmp (kind, "wykonanie") != 0 && strcmp (kind, "plan") != 0)
    ok = (problem (row, _("rodzaj: write wykonanie or plan, not “%s”."), kind), FALSE);
  ok &= take_money (row, "kwota", &amount);
  if (ok && amount < 0)
    ok = (problem (row, _("kwota: the amount is required.")), FALSE);
  if (!ok)
    return FALSE;

  if (!rei_store_save_funding (row->store, (int) year, source, kind, amount, &error))
    {
      problem (row, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static const char * const projects_columns[] = {
  "kod", "tytul", "program", "wnioskodawca", "partnerzy", "data_od", "data_do", "wartosc",
  "dofinansowanie", "cel_k", "cel_m", NULL };
static const char * const enrolments_columns[] = {
  "pesel", "projekt", "data_przystapienia", "data_zakonczenia", "sciezka_ukonczona", "status_po",
  "postep_spoleczny", NULL };
static const char * const funding_columns[] = { "rok", "zrodlo", "kwota", "rodzaj", NULL };

/* "Tytuł " → "tytul": case, spaces and Polish letters do not matter in a header. */
static char *
fold (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *ascii = g_str_to_ascii (trimmed, "C");

  return g_ascii_strdown (g_strdelimit (ascii, " -", '_'), -1);
}

gboolean
rei_report_import (ReiStore               *store,
                   ReiReportImportKind     kind,
                   GBytes                 *bytes,
                   ReiCsvEncoding          encoding,
                   ReiReportImportResult **result_out,
                   GError                **error)
{
  static const char * const *known[] = { projects_columns, enrolments_columns, funding_columns };
  static gboolean (*const row_func[]) (Row *) = { project_row, enrolment_row, funding_row };
  g_autoptr(ReiReportImportResult) result = g_new0 (ReiReportImportResult, 1);
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ReiCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GError) local_error = NULL;
  Row row = { 0 };
  GPtrArray *fields = NULL;
  guint line = 0;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  result->problems = g_ptr_array_new_with_free_func (g_free);
  result->notices = g_ptr_array_new_with_free_func (g_free);
  row.store = store;
  row.columns = columns;
  row.problems = result->problems;
  row.notices = result->notices;

  reader = rei_csv_reader_new (bytes, encoding, error);
  if (reader == NULL)
    goto fail_early;
  if (!rei_csv_reader_next (reader, &header, &line, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, REI_REPORT_ERROR, REI_REPORT_ERROR_NO_PERIOD, _("The file is empty."));
      goto fail_early;
    }
  row.line = line;
  for (guint i = 0; i < header->len; i++)
    {
      char *name = fold (g_ptr_array_index (header, i));

      if (!g_strv_contains (known[kind], name))
        problem (&row, _("unknown column “%s”."), (const char *) g_ptr_array_index (header, i));
      g_hash_table_insert (columns, name, GUINT_TO_POINTER (i + 1));
    }
  if (result->problems->len > 0)
    goto fail_rows;

  if (!rei_store_begin (store, error))
    goto fail_early;
  while (rei_csv_reader_next (reader, &fields, &line, &local_error))
    {
      row.fields = fields;
      row.line = line;
      if (row_func[kind] (&row))
        result->n_rows++;
      g_ptr_array_unref (fields);
    }
  if (local_error != NULL)
    g_ptr_array_add (result->problems, g_strdup_printf ("%u: %s", rei_csv_reader_get_error_line (reader),
                                                        local_error->message));
  if (result->problems->len > 0)
    {
      rei_store_rollback (store);
      goto fail_rows;
    }
  if (!rei_store_add_audit (store, kind == REI_REPORT_IMPORT_PROJECTS ? "project"
                              : kind == REI_REPORT_IMPORT_ENROLMENTS ? "enrolment" : "funding",
                              0, "import", "rows", error)
      || !rei_store_commit (store, error))
    {
      rei_store_rollback (store);
      goto fail_early;
    }
  if (result_out != NULL)
    *result_out = g_steal_pointer (&result);
  return TRUE;

fail_rows:
  g_set_error (error, REI_REPORT_ERROR, REI_REPORT_ERROR_NO_PERIOD,
               g_dngettext (GETTEXT_PACKAGE, "%u problem; nothing was imported.",
                            "%u problems; nothing was imported.", result->problems->len),
               result->problems->len);
fail_early:
  result->n_rows = 0;
  if (result_out != NULL)
    *result_out = g_steal_pointer (&result);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-date.h"
#include "rei-money.h"
#include "rei-report-import.h"
#include "rei-report-rules.h"
#include "rei-store-audit.h"
#include "rei-store-reports.h"
#include "rei-store-residents.h"

/* The columns of each sheet, as the coordinator's spreadsheets name them (the file format's
 * contract); the frame matches a header however an office spells them. */
enum { PROJ_KOD, PROJ_TYTUL, PROJ_PROGRAM, PROJ_WNIOSKODAWCA, PROJ_PARTNERZY, PROJ_DATA_OD,
       PROJ_DATA_DO, PROJ_WARTOSC, PROJ_DOFINANSOWANIE, PROJ_CEL_K, PROJ_CEL_M, N_PROJ };
enum { ENR_PESEL, ENR_PROJEKT, ENR_DATA_PRZYSTAPIENIA, ENR_DATA_ZAKONCZENIA,
       ENR_SCIEZKA_UKONCZONA, ENR_STATUS_PO, ENR_POSTEP_SPOLECZNY, N_ENR };
enum { FUND_ROK, FUND_ZRODLO, FUND_KWOTA, FUND_RODZAJ, N_FUND };

static const ReiSheetColumn project_columns[N_PROJ] = {
  [PROJ_KOD] = { "kod", TRUE },
  [PROJ_TYTUL] = { "tytul", TRUE },
  [PROJ_PROGRAM] = { "program", FALSE },
  [PROJ_WNIOSKODAWCA] = { "wnioskodawca", FALSE },
  [PROJ_PARTNERZY] = { "partnerzy", FALSE },
  [PROJ_DATA_OD] = { "data_od", FALSE },
  [PROJ_DATA_DO] = { "data_do", FALSE },
  [PROJ_WARTOSC] = { "wartosc", FALSE },
  [PROJ_DOFINANSOWANIE] = { "dofinansowanie", FALSE },
  [PROJ_CEL_K] = { "cel_k", FALSE },
  [PROJ_CEL_M] = { "cel_m", FALSE },
};

static const ReiSheetColumn enrolment_columns[N_ENR] = {
  [ENR_PESEL] = { "pesel", TRUE },
  [ENR_PROJEKT] = { "projekt", TRUE },
  [ENR_DATA_PRZYSTAPIENIA] = { "data_przystapienia", TRUE },
  [ENR_DATA_ZAKONCZENIA] = { "data_zakonczenia", FALSE },
  [ENR_SCIEZKA_UKONCZONA] = { "sciezka_ukonczona", FALSE },
  [ENR_STATUS_PO] = { "status_po", FALSE },
  [ENR_POSTEP_SPOLECZNY] = { "postep_spoleczny", FALSE },
};

static const ReiSheetColumn funding_columns[N_FUND] = {
  [FUND_ROK] = { "rok", TRUE },
  [FUND_ZRODLO] = { "zrodlo", TRUE },
  [FUND_KWOTA] = { "kwota", TRUE },
  [FUND_RODZAJ] = { "rodzaj", FALSE },
};

/* Whether a lookup's table was read whole into its hash table this run (see read_whole()). */
typedef struct
{
  guint   n_asked;   /* distinct keys looked up one by one */
  gint64  bound;     /* the table's largest id, -1 until asked */
  int     state;     /* 0 not read, 1 read (a key not in the hash is not in the table), 2 failed */
} Whole;

/* A checked row of the funding sheet. */
typedef struct
{
  int     year;
  char   *source;
  char   *kind;
  gint64  amount;
} FundingRow;

struct _ReiReportImporter
{
  GObject              parent_instance;

  ReiStore            *store;
  ReiReportImportKind  kind;
  ReiSheetImporter    *sheet;
  GPtrArray           *notices;
  GHashTable          *projects;      /* code → ReiProject*, or NULL when there is none */
  GHashTable          *pesels;        /* PESEL → gint64* resident id, 0 when there is none */
  Whole                projects_whole;
  Whole                pesels_whole;
  guint                n_lookups;     /* one at a time, this run */
  GHashTable          *statuses;      /* status_after code → 1 known, 2 unknown */
  GHashTable          *sources;       /* funding_source code → 1 known, 2 unknown */
  gboolean             audit_written; /* in the run's transaction */
};

G_DEFINE_FINAL_TYPE (ReiReportImporter, rei_report_importer, G_TYPE_OBJECT)

static void
funding_row_free (FundingRow *f)
{
  g_free (f->source);
  g_free (f->kind);
  g_free (f);
}

/* ---------------------------------------------------------------------------------------------
 * Cells, each refused with its column's name in front, as the coordinator reads the sheet
 * ------------------------------------------------------------------------------------------- */

static gboolean
take_date (ReiSheetRow          *row,
           const ReiSheetColumn *columns,
           guint                 column,
           char                **iso)
{
  const char *text = rei_sheet_row_get (row, column);

  *iso = NULL;
  if (text == NULL)
    return TRUE;
  *iso = rei_date_normalize (text);
  if (*iso == NULL)
    {
      rei_sheet_row_add_problem (row, _("%s: “%s” is not a date (dd.mm.rrrr)."),
                                 columns[column].name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_money (ReiSheetRow          *row,
            const ReiSheetColumn *columns,
            guint                 column,
            gint64               *grosze)
{
  const char *text = rei_sheet_row_get (row, column);
  g_autoptr(GError) error = NULL;

  *grosze = -1;
  if (text == NULL)
    return TRUE;
  if (!rei_money_parse (text, grosze, &error))
    {
      rei_sheet_row_add_problem (row, "%s: %s", columns[column].name, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_count (ReiSheetRow          *row,
            const ReiSheetColumn *columns,
            guint                 column,
            int                  *value)
{
  const char *text = rei_sheet_row_get (row, column);
  guint64 n;

  *value = -1;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &n, NULL))
    {
      rei_sheet_row_add_problem (row, _("%s: “%s” is not a whole number."),
                                 columns[column].name, text);
      return FALSE;
    }
  *value = (int) n;
  return TRUE;
}

/* tak / nie / empty → 1 / 0 / -1; FALSE on anything else. */
static gboolean
take_flag (ReiSheetRow          *row,
           const ReiSheetColumn *columns,
           guint                 column,
           int                  *value)
{
  const char *text = rei_sheet_row_get (row, column);

  *value = -1;
  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "tak") == 0)
    *value = 1;
  else if (g_ascii_strcasecmp (text, "nie") == 0)
    *value = 0;
  else
    {
      rei_sheet_row_add_problem (row, _("%s: write tak or nie, not “%s”."),
                                 columns[column].name, text);
      return FALSE;
    }
  return TRUE;
}

/* The column of a sheet that a rule of rei-report-rules.h speaks of, named as its table does. */
static const char *
rule_column (const GError *error)
{
  switch (error->code)
    {
    case REI_REPORT_RULE_ERROR_CODE_REQUIRED: return project_columns[PROJ_KOD].name;
    case REI_REPORT_RULE_ERROR_TITLE_REQUIRED: return project_columns[PROJ_TYTUL].name;
    case REI_REPORT_RULE_ERROR_ENDS_BEFORE_START: return project_columns[PROJ_DATA_DO].name;
    case REI_REPORT_RULE_ERROR_GRANT_TOO_LARGE: return project_columns[PROJ_DOFINANSOWANIE].name;
    case REI_REPORT_RULE_ERROR_JOINED_REQUIRED:
    case REI_REPORT_RULE_ERROR_JOINED_OUTSIDE: return enrolment_columns[ENR_DATA_PRZYSTAPIENIA].name;
    case REI_REPORT_RULE_ERROR_LEFT_BEFORE_JOINED:
    case REI_REPORT_RULE_ERROR_LEFT_OUTSIDE: return enrolment_columns[ENR_DATA_ZAKONCZENIA].name;
    default: return "?";
    }
}

/* ---------------------------------------------------------------------------------------------
 * The three sheets: a check of each row (nothing written), a write of each checked row
 * ------------------------------------------------------------------------------------------- */

/* The run's one audit row, with its first write: in the same transaction, so a refused file
 * leaves none. */
static gboolean
write_audit_once (ReiReportImporter  *self,
                  GError            **error)
{
  static const char * const entities[] = { "project", "enrolment", "funding" };

  /* The enrolments are a store import, which writes its own (formats[] below). */
  if (self->audit_written || self->kind == REI_REPORT_IMPORT_ENROLMENTS)
    return TRUE;
  self->audit_written = TRUE;
  return rei_store_add_audit (self->store, entities[self->kind], 0, "import", "rows", error);
}

static gpointer
check_project (ReiSheetRow *row,
               gpointer     user_data)
{
  const ReiSheetColumn *c = project_columns;
  g_autoptr(ReiProject) p = rei_project_new ();
  g_autoptr(GError) error = NULL;
  const char *partners = rei_sheet_row_get (row, PROJ_PARTNERZY);
  gboolean ok = TRUE;

  p->code = g_strdup (rei_sheet_row_get (row, PROJ_KOD));
  p->title = g_strdup (rei_sheet_row_get (row, PROJ_TYTUL));
  p->programme = g_strdup (rei_sheet_row_get (row, PROJ_PROGRAM));
  p->applicant = g_strdup (rei_sheet_row_get (row, PROJ_WNIOSKODAWCA));
  if (p->code == NULL)
    ok = (rei_sheet_row_add_problem (row, _("kod: the project's code is required.")), FALSE);
  if (p->title == NULL)
    ok = (rei_sheet_row_add_problem (row, _("tytul: the project's title is required.")), FALSE);
  ok &= take_date (row, c, PROJ_DATA_OD, &p->start_date);
  ok &= take_date (row, c, PROJ_DATA_DO, &p->end_date);
  ok &= take_money (row, c, PROJ_WARTOSC, &p->total_value);
  ok &= take_money (row, c, PROJ_DOFINANSOWANIE, &p->grant_value);
  ok &= take_count (row, c, PROJ_CEL_K, &p->target_women);
  ok &= take_count (row, c, PROJ_CEL_M, &p->target_men);
  /* The rules of the reports page's form, with the column named before the message. */
  if (ok && !rei_project_check (p, &error))
    {
      rei_sheet_row_add_problem (row, "%s: %s", rule_column (error), error->message);
      ok = FALSE;
    }

  if (partners != NULL)
    {
      g_auto(GStrv) names = g_strsplit (partners, "|", -1);
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

      for (guint i = 0; names[i] != NULL; i++)
        if (*g_strstrip (names[i]) != '\0')
          g_strv_builder_add (b, names[i]);
      p->partners = g_strv_builder_end (b);
    }
  return ok ? g_steal_pointer (&p) : NULL;
}

static gboolean
write_project (gpointer   item,
               gboolean  *updated,
               gpointer   user_data,
               GError   **error)
{
  ReiReportImporter *self = user_data;
  ReiProject *p = item;
  g_autoptr(ReiProject) stored = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  if (!write_audit_once (self, error))
    return FALSE;
  stored = rei_store_get_project (self->store, p->code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *updated = stored != NULL;
  if (!rei_store_save_project (self->store, p, added, error))
    return FALSE;
  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (self->notices,
                     g_strdup_printf (_("“%s” added to the network as a type B partner."),
                                      (const char *) g_ptr_array_index (added, i)));
  return TRUE;
}

/* The rule for reading a whole table (the projects, the residents' PESELs) instead of looking
 * its keys up one at a time, for a key that is not in the run's hash table yet: once the
 * distinct keys looked up reach READ_WHOLE_MIN and an eighth of the table's rows (its largest
 * id, asked once: a bound on their number in O(log n)), the table is read in one statement and
 * the key's answer is the hash's from then on.  A point lookup costs about 12 000 instructions
 * for a project and 4 500 for a PESEL against 2 000 to 3 000 a row read whole, so a file naming
 * a different project or person on every row reads the table after an eighth of its lookups,
 * while a small file into a big register, or thousands of rows over six projects, never does.
 * TRUE when the table has been read: the caller then answers from the hash alone. */
#define READ_WHOLE_MIN 64

static gboolean
read_whole (ReiReportImporter *self,
            Whole             *whole,
            gint64           (*get_bound) (ReiStore *store),
            gboolean         (*read) (ReiStore *store, GHashTable *into, GError **error),
            GHashTable        *into)
{
  if (whole->state != 0)
    return whole->state == 1;
  if (++whole->n_asked < READ_WHOLE_MIN)
    return FALSE;
  if (whole->bound < 0)
    whole->bound = get_bound (self->store);
  if ((gint64) whole->n_asked * 8 < whole->bound)
    return FALSE;
  /* Inside the run's write transaction: nothing can change what was read before it is written.
   * On a failure the point lookups go on, as before the rule. */
  whole->state = read (self->store, into, NULL) ? 1 : 2;
  return whole->state == 1;
}

/* The project of a code, looked up once per run: an enrolments sheet names a few projects in
 * thousands of rows, or many projects, then read whole (read_whole()). */
static ReiProject *
lookup_project (ReiReportImporter *self,
                const char        *code)
{
  ReiProject *project;

  if (g_hash_table_lookup_extended (self->projects, code, NULL, (gpointer *) &project))
    return project;
  if (read_whole (self, &self->projects_whole, rei_store_get_projects_bound,
                  rei_store_read_project_briefs, self->projects))
    return g_hash_table_lookup (self->projects, code);
  self->n_lookups++;
  project = rei_store_get_project_brief (self->store, code, NULL);
  g_hash_table_insert (self->projects, g_strdup (code), project);
  return project;
}

/* The resident of a PESEL, 0 with none; each PESEL asked once per run, the PESELs read whole
 * when the file names many people (read_whole()). */
static gint64
lookup_pesel (ReiReportImporter *self,
              const char        *pesel)
{
  gint64 *found = g_hash_table_lookup (self->pesels, pesel);
  gint64 id;

  if (found != NULL)
    return *found;
  if (read_whole (self, &self->pesels_whole, rei_store_get_residents_bound,
                  rei_store_read_resident_pesels, self->pesels))
    return (found = g_hash_table_lookup (self->pesels, pesel)) != NULL ? *found : 0;
  self->n_lookups++;
  id = MAX (rei_store_find_resident_by_pesel (self->store, pesel, NULL), 0);
  g_hash_table_insert (self->pesels, g_strdup (pesel), g_memdup2 (&id, sizeof id));
  return id;
}

/* Whether a code exists, asked of the store once per run and remembered in memo (1 yes, 2 no): a
 * handful of status or source codes in thousands of rows. */
static gboolean
code_exists (ReiReportImporter *self,
             GHashTable        *memo,
             gboolean         (*exists) (ReiStore *, const char *),
             const char        *code)
{
  guint known = GPOINTER_TO_UINT (g_hash_table_lookup (memo, code));

  if (known == 0)
    {
      known = exists (self->store, code) ? 1 : 2;
      g_hash_table_insert (memo, g_strdup (code), GUINT_TO_POINTER (known));
    }
  return known == 1;
}

static gpointer
check_enrolment (ReiSheetRow *row,
                 gpointer     user_data)
{
  ReiReportImporter *self = user_data;
  const ReiSheetColumn *c = enrolment_columns;
  g_autoptr(ReiEnrolment) e = rei_enrolment_new ();
  g_autoptr(GError) error = NULL;
  ReiProject *project = NULL;
  const char *pesel = rei_sheet_row_get (row, ENR_PESEL);
  const char *code = rei_sheet_row_get (row, ENR_PROJEKT);
  const char *status = rei_sheet_row_get (row, ENR_STATUS_PO);
  gboolean ok = TRUE;

  if (pesel == NULL)
    ok = (rei_sheet_row_add_problem (row, _("pesel: the PESEL is required.")), FALSE);
  else if ((e->resident_id = lookup_pesel (self, pesel)) <= 0)
    ok = (rei_sheet_row_add_problem (row, _("pesel: nobody with the PESEL %s is in the register."),
                                     pesel), FALSE);
  if (code == NULL)
    ok = (rei_sheet_row_add_problem (row, _("projekt: the project's code is required.")), FALSE);
  else if ((project = lookup_project (self, code)) == NULL)
    ok = (rei_sheet_row_add_problem (row, _("projekt: there is no project with the code “%s”."),
                                     code), FALSE);
  ok &= take_date (row, c, ENR_DATA_PRZYSTAPIENIA, &e->joined_on);
  if (rei_sheet_row_get (row, ENR_DATA_PRZYSTAPIENIA) == NULL)
    ok = (rei_sheet_row_add_problem (row, _("data_przystapienia: the date of joining is required.")),
          FALSE);
  ok &= take_date (row, c, ENR_DATA_ZAKONCZENIA, &e->left_on);
  ok &= take_flag (row, c, ENR_SCIEZKA_UKONCZONA, &e->path_completed);
  ok &= take_flag (row, c, ENR_POSTEP_SPOLECZNY, &e->social_progress);
  if (status != NULL && !code_exists (self, self->statuses, rei_store_status_after_exists, status))
    ok = (rei_sheet_row_add_problem (row, _("status_po: “%s” is not one of pracujacy, poszukujacy_pracy, ksztalcenie, bierny."),
                                     status), FALSE);
  e->status_after = g_strdup (status);
  if (!ok)
    return NULL;

  /* The rules of the reports page's form (a project's period includes its first and last day). */
  if (!rei_enrolment_check (e, project, &error))
    {
      rei_sheet_row_add_problem (row, "%s: %s", rule_column (error), error->message);
      return NULL;
    }

  e->project_id = project->id;
  return g_steal_pointer (&e);
}

static gboolean
write_enrolment (gpointer   item,
                 gboolean  *updated,
                 gpointer   user_data,
                 GError   **error)
{
  ReiReportImporter *self = user_data;

  return rei_store_save_enrolment_full (self->store, item, updated, error);
}

static gpointer
check_funding (ReiSheetRow *row,
               gpointer     user_data)
{
  ReiReportImporter *self = user_data;
  const char *year_text = rei_sheet_row_get (row, FUND_ROK);
  const char *source = rei_sheet_row_get (row, FUND_ZRODLO);
  const char *kind = rei_sheet_row_get (row, FUND_RODZAJ);
  FundingRow *f;
  guint64 year = 0;
  gint64 amount = -1;
  gboolean ok = TRUE;

  if (year_text == NULL || !g_ascii_string_to_unsigned (year_text, 10, 1990, 2100, &year, NULL))
    ok = (rei_sheet_row_add_problem (row, _("rok: “%s” is not a year."), year_text ? year_text : ""),
          FALSE);
  if (source == NULL || !code_exists (self, self->sources, rei_store_funding_source_exists, source))
    ok = (rei_sheet_row_add_problem (row, _("zrodlo: “%s” is not one of budzet_miasta, efs, pfron, inne."),
                                     source ? source : ""), FALSE);
  if (kind == NULL)
    kind = "wykonanie";
  else if (strcmp (kind, "wykonanie") != 0 && strcmp (kind, "plan") != 0)
    ok = (rei_sheet_row_add_problem (row, _("rodzaj: write wykonanie or plan, not “%s”."), kind),
          FALSE);
  ok &= take_money (row, funding_columns, FUND_KWOTA, &amount);
  if (ok && amount < 0)
    ok = (rei_sheet_row_add_problem (row, _("kwota: the amount is required.")), FALSE);
  if (!ok)
    return NULL;

  f = g_new0 (FundingRow, 1);
  f->year = (int) year;
  f->source = g_strdup (source);
  f->kind = g_strdup (kind);
  f->amount = amount;
  return f;
}

static gboolean
write_funding (gpointer   item,
               gboolean  *updated,
               gpointer   user_data,
               GError   **error)
{
  ReiReportImporter *self = user_data;
  FundingRow *f = item;

  if (!write_audit_once (self, error))
    return FALSE;
  return rei_store_save_funding_full (self->store, f->year, f->source, f->kind, f->amount, updated,
                                      error);
}

static const ReiSheetFormat formats[] = {
  [REI_REPORT_IMPORT_PROJECTS] = {
    project_columns, N_PROJ, check_project, write_project, (GDestroyNotify) rei_project_free,
  },
  /* A store import (rei-store-import.h): one audit row with an item per enrolment, the rows
   * written in batches.  No index deferred: each of the enrolment's (a few ints or dates) costs
   * less kept up row by row than sorted again whole at the end (10 000 rows into 18 000: 0.93 G
   * instructions against 0.98 G). */
  [REI_REPORT_IMPORT_ENROLMENTS] = {
    enrolment_columns, N_ENR, check_enrolment, write_enrolment,
    (GDestroyNotify) rei_enrolment_free, "enrolment", NULL,
  },
  [REI_REPORT_IMPORT_FUNDING] = {
    funding_columns, N_FUND, check_funding, write_funding, (GDestroyNotify) funding_row_free,
  },
};

/* ---------------------------------------------------------------------------------------------
 * The importer
 * ------------------------------------------------------------------------------------------- */

/* Before every validate or run: the projects may have been edited since, and what a refused
 * run would have said must not be said. */
static void
reset (ReiReportImporter *self)
{
  g_ptr_array_set_size (self->notices, 0);
  g_hash_table_remove_all (self->projects);
  g_hash_table_remove_all (self->pesels);
  self->projects_whole = self->pesels_whole = (Whole) { 0, -1, 0 };
  self->n_lookups = 0;
  g_hash_table_remove_all (self->statuses);
  g_hash_table_remove_all (self->sources);
  self->audit_written = FALSE;
}

static void
rei_report_importer_finalize (GObject *object)
{
  ReiReportImporter *self = (ReiReportImporter *) object;

  g_clear_object (&self->sheet);
  g_clear_object (&self->store);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->projects, g_hash_table_unref);
  g_clear_pointer (&self->pesels, g_hash_table_unref);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);

  G_OBJECT_CLASS (rei_report_importer_parent_class)->finalize (object);
}

static void
rei_report_importer_class_init (ReiReportImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_report_importer_finalize;
}

static void
rei_report_importer_init (ReiReportImporter *self)
{
  self->notices = g_ptr_array_new_with_free_func (g_free);
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->projects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) rei_project_free);
  self->pesels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->projects_whole = self->pesels_whole = (Whole) { 0, -1, 0 };
}

ReiReportImporter *
rei_report_importer_new (ReiStore            *store,
                         ReiReportImportKind  kind)
{
  ReiReportImporter *self;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= REI_REPORT_IMPORT_FUNDING, NULL);

  self = g_object_new (REI_TYPE_REPORT_IMPORTER, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->sheet = rei_sheet_importer_new (store, &formats[kind], self);
  return self;
}

void
rei_report_importer_set_encoding (ReiReportImporter *self,
                                  ReiCsvEncoding     encoding)
{
  g_return_if_fail (REI_IS_REPORT_IMPORTER (self));
  rei_sheet_importer_set_encoding (self->sheet, encoding);
}

gboolean
rei_report_importer_validate (ReiReportImporter  *self,
                              GBytes             *bytes,
                              ReiProgressFunc     progress,
                              gpointer            progress_data,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_return_val_if_fail (REI_IS_REPORT_IMPORTER (self), FALSE);

  reset (self);
  return rei_sheet_importer_validate (self->sheet, bytes, progress, progress_data, cancellable,
                                     error);
}

gboolean
rei_report_importer_run (ReiReportImporter  *self,
                         GBytes             *bytes,
                         ReiProgressFunc     progress,
                         gpointer            progress_data,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_return_val_if_fail (REI_IS_REPORT_IMPORTER (self), FALSE);

  reset (self);
  /* The check's lookups (a resident by PESEL, a project by code) in the transaction of the writes:
   * what was checked cannot change before it is written, and the lookups run on the writer
   * instead of opening a read transaction each on a reader (2 300 instructions a lookup, two
   * lookups an enrolment).  The frame's own transaction nests in this one. */
  if (!rei_store_begin (self->store, error))
    return FALSE;
  if (!rei_sheet_importer_run (self->sheet, bytes, progress, progress_data, cancellable, error))
    {
      rei_store_rollback (self->store);
      /* Rolled back: no partner was added after all. */
      g_ptr_array_set_size (self->notices, 0);
      return FALSE;
    }
  if (!rei_store_commit (self->store, error))
    {
      g_ptr_array_set_size (self->notices, 0);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
rei_report_importer_get_problems (ReiReportImporter *self)
{
  g_return_val_if_fail (REI_IS_REPORT_IMPORTER (self), NULL);
  return rei_sheet_importer_get_problems (self->sheet);
}

GPtrArray *
rei_report_importer_get_notices (ReiReportImporter *self)
{
  g_return_val_if_fail (REI_IS_REPORT_IMPORTER (self), NULL);
  return self->notices;
}

guint
rei_report_importer_get_n_inserted (ReiReportImporter *self)
{
  g_return_val_if_fail (REI_IS_REPORT_IMPORTER (self), 0);
  return rei_sheet_importer_get_n_inserted (self->sheet);
}

guint
rei_report_importer_get_n_updated (ReiReportImporter *self)
{
  g_return_val_if_fail (REI_IS_REPORT_IMPORTER (self), 0);
  return rei_sheet_importer_get_n_updated (self->sheet);
}

guint
rei_report_importer_get_n_lookups (ReiReportImporter *self)
{
  g_return_val_if_fail (REI_IS_REPORT_IMPORTER (self), 0);
  return self->n_lookups;
}

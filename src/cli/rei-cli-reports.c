/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-cli.h"
#include "rei-export-cst.h"
#include "rei-export-report.h"
#include "rei-export.h"
#include "rei-report-import.h"

/* import projects|enrolments|funding FILE.csv, one runner for the three: all or nothing,
 * FILE:LINE: message for every problem, the partners a projects sheet added said on stdout. */
static int
import_sheet (const ReiCliCommand  *command,
              ReiCliContext        *context,
              int                   argc,
              char                **argv)
{
  static const char * const nouns[] = {
    [REI_REPORT_IMPORT_PROJECTS] = "projects",
    [REI_REPORT_IMPORT_ENROLMENTS] = "enrolments",
    [REI_REPORT_IMPORT_FUNDING] = "funding",
  };
  g_auto(ReiCliImport) import = { 0 };
  g_autoptr(ReiReportImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *notices;
  guint kind = 0;
  int status;

  while (g_strcmp0 (nouns[kind], command->noun) != 0)
    kind++;
  g_assert (kind < G_N_ELEMENTS (nouns));

  status = rei_cli_import_open (command, context, argc, argv, &import);
  if (status != REI_CLI_EXIT_OK)
    return status;

  importer = rei_report_importer_new (import.store, kind);
  rei_report_importer_set_encoding (importer, import.encoding);
  if (!rei_report_importer_run (importer, import.bytes, NULL, NULL, NULL, &error))
    {
      rei_cli_print_import_problems (import.file, rei_report_importer_get_problems (importer),
                                     error);
      return REI_CLI_EXIT_BAD_DATA;
    }
  notices = rei_report_importer_get_notices (importer);
  for (guint i = 0; i < notices->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (notices, i));
  g_print (_("Imported %s: %u added, %u updated.\n"), import.file,
           rei_report_importer_get_n_inserted (importer),
           rei_report_importer_get_n_updated (importer));
  return REI_CLI_EXIT_OK;
}

static int
export_report (const ReiCliCommand  *command,
               ReiCliContext        *context,
               int                   argc,
               char                **argv)
{
  g_autofree char *year_text = NULL;
  g_autofree char *project = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("A calendar year"), "YYYY" },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, N_("A project, by its code"), "KOD" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiReport) report = NULL;
  int year = 0;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("export report takes no file name but --output."));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export needs --output FILE.xlsx"));
  if ((year_text == NULL) == (project == NULL))
    return rei_cli_usage_error (command, _("export report needs either --year YYYY or --project KOD."));
  if (year_text != NULL && !rei_cli_parse_year (year_text, &year))
    return rei_cli_usage_error (command, _("export report needs --year YYYY"));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (project != NULL)
    report = rei_report_compute_project (store, project, TRUE, NULL, NULL, NULL, &error);
  else
    report = rei_report_compute_year (store, year, TRUE, NULL, NULL, NULL, &error);
  if (report == NULL || !rei_export_report (store, report, output, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

static int
export_cst (const ReiCliCommand  *command,
            ReiCliContext        *context,
            int                   argc,
            char                **argv)
{
  g_autofree char *project = NULL;
  g_autofree char *output = NULL;
  g_autofree char *encoding_name = NULL;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, N_("A project, by its code"), "KOD" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), "FILE.csv" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name, N_("The file’s encoding (utf-8 when not given)"),
      "utf-8|cp1250" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  ReiCsvEncoding encoding = REI_CSV_ENCODING_UTF8;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("export cst takes no file name but --output."));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export cst needs --output FILE.csv"));
  if (project == NULL)
    return rei_cli_usage_error (command, _("export cst needs --project KOD"));
  if (encoding_name != NULL && !rei_cli_parse_encoding (encoding_name, &encoding))
    return rei_cli_usage_error (command, _("The encoding must be utf-8 or cp1250."));
  if (encoding == REI_CSV_ENCODING_AUTO)
    encoding = REI_CSV_ENCODING_UTF8;

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_export_cst (store, project, encoding, output, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

static gboolean
write_indicators (ReiStore    *store,
                  int          year,
                  const char  *output,
                  GError     **error)
{
  return rei_export_indicators (store, year, output, error);
}

static gboolean
write_annual (ReiStore    *store,
              int          year,
              const char  *output,
              GError     **error)
{
  return rei_export_annual (store, year, output, NULL, error);
}

/* The workbooks of one calendar year: each its own sentences, one runner. */
static const struct
{
  const char  *noun;
  const char  *year_help;
  const char  *no_file;
  const char  *needs_year;
  gboolean   (*write) (ReiStore *store, int year, const char *output, GError **error);
} year_exports[] = {
  { "indicators", N_("The year of the graduates"),
    N_("export indicators takes no file name but --output."),
    N_("export indicators needs --year YYYY"), write_indicators },
  { "annual", N_("The year reported on"), N_("export annual takes no file name but --output."),
    N_("export annual needs --year YYYY"), write_annual },
};

/* export indicators|annual --year YYYY --output FILE.xlsx */
static int
export_year (const ReiCliCommand  *command,
             ReiCliContext        *context,
             int                   argc,
             char                **argv)
{
  guint kind = 0;
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  int year;

  while (g_strcmp0 (year_exports[kind].noun, command->noun) != 0)
    kind++;
  g_assert (kind < G_N_ELEMENTS (year_exports));

  {
    const GOptionEntry entries[] = {
      { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, year_exports[kind].year_help, "YYYY" },
      { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
      { NULL }
    };

    if (!rei_cli_parse (command, entries, &argc, &argv))
      return REI_CLI_EXIT_USAGE;
  }
  if (argc != 1)
    return rei_cli_usage_error (command, _(year_exports[kind].no_file));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export needs --output FILE.xlsx"));
  if (!rei_cli_parse_year (year_text, &year))
    return rei_cli_usage_error (command, _(year_exports[kind].needs_year));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!year_exports[kind].write (store, year, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

const ReiCliCommand rei_cli_reports_commands[] = {
  { "import", "projects", "FILE.csv",
    N_("Imports projects from a CSV sheet, all or nothing; a re-import updates them."),
    import_sheet },
  { "import", "enrolments", "FILE.csv",
    N_("Imports residents’ enrolments in projects from a CSV sheet, all or nothing."),
    import_sheet },
  { "import", "funding", "FILE.csv",
    N_("Imports the centre’s funding by year and source from a CSV sheet, all or nothing."),
    import_sheet },
  { "export", "indicators", NULL,
    N_("Writes the year’s indicators (usamodzielnienie, społeczno-zatrudnieniowy) to an Excel "
       "workbook."),
    export_year },
  { "export", "report", NULL,
    N_("Writes every indicator of a year or a project, with the people behind each, to an Excel "
       "workbook."),
    export_report },
  { "export", "cst", NULL,
    N_("Writes a project’s participants as the CST2021 semicolon CSV file."),
    export_cst },
  { "export", "annual", NULL,
    N_("Writes the annual report to the voivode to an Excel workbook."),
    export_year },
  { NULL }
};

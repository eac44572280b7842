/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-cli.h"
#include "rei-export-cst.h"
#include "rei-export-report.h"
#include "rei-export.h"
#include "rei-report-import.h"

static int
export_indicators (const ReiCliCommand  *command,
                   ReiCliContext        *context,
                   int                   argc,
                   char                **argv)
{
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year of the graduates"), "YYYY" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  int year;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("export indicators takes no file name but --output."));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export needs --output FILE.xlsx"));
  if (!rei_cli_parse_year (year_text, &year))
    return rei_cli_usage_error (command, _("export indicators needs --year YYYY"));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_export_indicators (store, year, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

/* import projects|enrolments|funding FILE.csv: all or nothing, FILE:LINE: message. */
static int
import_sheet (const ReiCliCommand  *command,
              ReiCliContext        *context,
              int                   argc,
              char                **argv,
              ReiReportImportKind   kind)
{
  g_autofree char *encoding_name = NULL;
  const GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name, N_("The file’s encoding (automatic when not given)"),
      "utf-8|cp1250" },
    { NULL }
  };
  g_autoptr(ReiReportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ReiCsvEncoding encoding = REI_CSV_ENCODING_AUTO;
  const char *file;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 2)
    return rei_cli_usage_error (command, _("Give one CSV file."));
  if (!rei_cli_parse_encoding (encoding_name, &encoding))
    return rei_cli_usage_error (command, _("The encoding must be utf-8 or cp1250."));
  file = argv[1];

  bytes = rei_cli_read_file (file);
  if (bytes == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  store = rei_cli_open_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;

  if (!rei_report_import (store, kind, bytes, encoding, &result, &error))
    {
      for (guint i = 0; result != NULL && i < result->problems->len; i++)
        g_printerr ("%s:%s\n", file, (const char *) g_ptr_array_index (result->problems, i));
      g_printerr ("%s: %s\n", file, error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  for (guint i = 0; i < result->notices->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (result->notices, i));
  g_print (_("Imported %s: %u rows.\n"), file, result->n_rows);
  return REI_CLI_EXIT_OK;
}

static int
import_projects (const ReiCliCommand *command, ReiCliContext *context, int argc, char **argv)
{
  return import_sheet (command, context, argc, argv, REI_REPORT_IMPORT_PROJECTS);
}

static int
import_enrolments (const ReiCliCommand *command, ReiCliContext *context, int argc, char **argv)
{
  return import_sheet (command, context, argc, argv, REI_REPORT_IMPORT_ENROLMENTS);
}

static int
import_funding (const ReiCliCommand *command, ReiCliContext *context, int argc, char **argv)
{
  return import_sheet (command, context, argc, argv, REI_REPORT_IMPORT_FUNDING);
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

static int
export_annual (const ReiCliCommand  *command,
               ReiCliContext        *context,
               int                   argc,
               char                **argv)
{
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year reported on"), "YYYY" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  int year;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("export annual takes no file name but --output."));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export needs --output FILE.xlsx"));
  if (!rei_cli_parse_year (year_text, &year))
    return rei_cli_usage_error (command, _("export annual needs --year YYYY"));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_export_annual (store, year, output, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

const ReiCliCommand rei_cli_reports_commands[] = {
  { "import", "projects", "FILE.csv",
    N_("Imports projects from a CSV sheet, all or nothing; a re-import updates them."),
    import_projects },
  { "import", "enrolments", "FILE.csv",
    N_("Imports residents’ enrolments in projects from a CSV sheet, all or nothing."),
    import_enrolments },
  { "import", "funding", "FILE.csv",
    N_("Imports the centre’s funding by year and source from a CSV sheet, all or nothing."),
    import_funding },
  { "export", "indicators", NULL,
    N_("Writes the year’s indicators (usamodzielnienie, społeczno-zatrudnieniowy) to an Excel "
       "workbook."),
    export_indicators },
  { "export", "report", NULL,
    N_("Writes every indicator of a year or a project, with the people behind each, to an Excel "
       "workbook."),
    export_report },
  { "export", "cst", NULL,
    N_("Writes a project’s participants as the CST2021 semicolon CSV file."),
    export_cst },
  { "export", "annual", NULL,
    N_("Writes the annual report to the voivode to an Excel workbook."),
    export_annual },
  { NULL }
};

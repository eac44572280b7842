/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-cli.h"
#include "rei-export.h"

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

const ReiCliCommand rei_cli_reports_commands[] = {
  { "export", "indicators", NULL,
    N_("Writes the year’s indicators (usamodzielnienie, społeczno-zatrudnieniowy) to an Excel "
       "workbook."),
    export_indicators },
  { NULL }
};

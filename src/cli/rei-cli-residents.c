/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-cli.h"
#include "rei-export.h"
#include "rei-importer.h"

static int
import_residents (const ReiCliCommand  *command,
                  ReiCliContext        *context,
                  int                   argc,
                  char                **argv)
{
  g_auto(ReiCliImport) import = { 0 };
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = rei_cli_import_open (command, context, argc, argv, &import);
  if (status != REI_CLI_EXIT_OK)
    return status;

  importer = rei_importer_new (import.store);
  rei_importer_set_encoding (importer, import.encoding);
  if (!rei_importer_run (importer, import.bytes, NULL, NULL, NULL, &error))
    {
      rei_cli_print_import_problems (import.file, rei_importer_get_problems (importer), error);
      return REI_CLI_EXIT_BAD_DATA;
    }

  g_print (_("Imported %s: %u added, %u updated.\n"), import.file,
           rei_importer_get_n_inserted (importer), rei_importer_get_n_updated (importer));
  return REI_CLI_EXIT_OK;
}

static int
export_residents (const ReiCliCommand  *command,
                  ReiCliContext        *context,
                  int                   argc,
                  char                **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("export residents takes no file name but --output."));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export needs --output FILE.xlsx"));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_export_residents (store, NULL, output, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

const ReiCliCommand rei_cli_residents_commands[] = {
  { "import", "residents", "FILE.csv", N_("Imports residents from a CSV sheet, all or nothing."),
    import_residents },
  { "export", "residents", NULL, N_("Writes the register of residents to an Excel workbook."),
    export_residents },
  { NULL }
};

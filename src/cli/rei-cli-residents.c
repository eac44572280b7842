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
  g_autofree char *encoding_name = NULL;
  const GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The file’s encoding (automatic when not given)"), "utf-8|cp1250" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ReiCsvEncoding encoding;
  const char *file;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 2)
    return rei_cli_usage_error (command, _("import residents takes one file: FILE.csv"));
  if (!rei_cli_parse_encoding (encoding_name, &encoding))
    return rei_cli_usage_error (command, _("The encoding must be utf-8 or cp1250."));
  file = argv[1];

  bytes = rei_cli_read_file (file);
  if (bytes == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  store = rei_cli_open_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;

  importer = rei_importer_new (store);
  rei_importer_set_encoding (importer, encoding);
  if (!rei_importer_run (importer, bytes, NULL, NULL, NULL, &error))
    {
      rei_cli_print_import_problems (file, rei_importer_get_problems (importer), error);
      return REI_CLI_EXIT_BAD_DATA;
    }

  g_print (_("Imported %s: %u added, %u updated.\n"), file,
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

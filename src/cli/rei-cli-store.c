/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-cli.h"

static int
check (const ReiCliCommand  *command,
       ReiCliContext        *context,
       int                   argc,
       char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!rei_cli_parse (command, NULL, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("check takes no arguments"));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_store_check (store, &problems, &error))
    {
      if (problems != NULL)
        for (guint i = 0; i < problems->len; i++)
          g_printerr ("%s: %s\n", context->db_path, (const char *) g_ptr_array_index (problems, i));
      if (error != NULL)
        g_printerr ("%s: %s\n", context->db_path, error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  g_print (_("%s: the database is in order (schema %u).\n"), context->db_path,
           rei_store_get_version (store));
  return REI_CLI_EXIT_OK;
}

static int
backup (const ReiCliCommand  *command,
        ReiCliContext        *context,
        int                   argc,
        char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;

  if (!rei_cli_parse (command, NULL, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 2)
    return rei_cli_usage_error (command, _("backup takes: FILE"));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_store_backup (store, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

const ReiCliCommand rei_cli_store_commands[] = {
  { "check", NULL, NULL, N_("Checks the database’s integrity and schema."), check },
  { "backup", NULL, "FILE", N_("Writes a consistent copy of the database to FILE (mode 0600)."),
    backup },
  { NULL }
};

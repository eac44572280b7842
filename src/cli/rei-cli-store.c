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

static int
restore (const ReiCliCommand  *command,
         ReiCliContext        *context,
         int                   argc,
         char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (!rei_cli_parse (command, NULL, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 2)
    return rei_cli_usage_error (command, _("restore takes: BACKUP"));

  /* The backup is checked whole before the database is touched; a refused one changes
   * nothing, and the database it replaces is kept beside it. */
  if (!rei_store_restore (context->db_path, argv[1], &kept, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  if (kept != NULL)
    g_print (_("Restored %s from %s; the database it replaced is kept as %s.\n"),
             context->db_path, argv[1], kept);
  else
    g_print (_("Restored %s from %s.\n"), context->db_path, argv[1]);
  return REI_CLI_EXIT_OK;
}

const ReiCliCommand rei_cli_store_commands[] = {
  { "check", NULL, NULL, N_("Checks the database’s integrity and schema."), check },
  { "backup", NULL, "FILE", N_("Writes a consistent copy of the database to FILE (mode 0600)."),
    backup },
  { "restore", NULL, "BACKUP",
    N_("Replaces the database with a checked backup, keeping the replaced one beside it."),
    restore },
  { NULL }
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-cli.h"
#include "rei-demo.h"

static int
demo (const ReiCliCommand  *command,
      ReiCliContext        *context,
      int                   argc,
      char                **argv)
{
  g_autofree char *residents_text = NULL;
  g_autofree char *seed_text = NULL;
  const GOptionEntry entries[] = {
    { "residents", 0, 0, G_OPTION_ARG_STRING, &residents_text,
      N_("How many residents to make"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The seed of the random choices (the same seed makes the same centre)"), "S" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  guint64 n = 0, seed = 1;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1 || residents_text == NULL
      || !g_ascii_string_to_unsigned (residents_text, 10, 0, 10000000, &n, NULL))
    return rei_cli_usage_error (command, _("demo needs --residents N"));
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    return rei_cli_usage_error (command, _("The seed must be a whole number."));

  store = rei_cli_open_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_demo_fill (store, (guint) n, (guint32) seed, NULL, NULL, NULL, &error)
      || !rei_demo_fill_plans (store, (guint32) seed, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

const ReiCliCommand rei_cli_demo_commands[] = {
  { "demo", NULL, NULL, N_("Fills the database with believable demo data."), demo },
  { NULL }
};

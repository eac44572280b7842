/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "rei-cli.h"

/* Every domain's commands; a new domain adds its table here (and its file to meson.build). */
static const ReiCliCommand * const command_tables[] = {
  rei_cli_residents_commands,
  rei_cli_reports_commands,
  rei_cli_network_commands,
  rei_cli_plans_commands,
  rei_cli_demo_commands,
  rei_cli_store_commands,
};

#define FOREACH_COMMAND(c) \
  for (guint t_ = 0; t_ < G_N_ELEMENTS (command_tables); t_++) \
    for (const ReiCliCommand *c = command_tables[t_]; c->verb != NULL; c++)

static char *
describe_commands (const char *verb)
{
  GString *text = g_string_new (_("Commands:"));

  FOREACH_COMMAND (c)
    {
      g_autofree char *words = NULL;

      if (verb != NULL && strcmp (c->verb, verb) != 0)
        continue;
      words = g_strjoin (" ", c->verb, c->noun ? c->noun : c->parameters,
                         c->noun ? c->parameters : NULL, NULL);
      g_string_append_printf (text, "\n  %-32s %s", words, _(c->summary));
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("“reintegra-cli COMMAND --help” shows a command’s options."));
  return g_string_free (text, FALSE);
}

/* The verb's nouns, "indicators, residents", for a message that says what may follow it. */
static char *
list_nouns (const char *verb)
{
  g_autoptr(GPtrArray) nouns = g_ptr_array_new ();

  FOREACH_COMMAND (c)
    if (strcmp (c->verb, verb) == 0 && c->noun != NULL)
      g_ptr_array_add (nouns, (gpointer) c->noun);
  g_ptr_array_add (nouns, NULL);
  return g_strjoinv (", ", (char **) nouns->pdata);
}

static gboolean
verb_exists (const char *verb)
{
  FOREACH_COMMAND (c)
    if (strcmp (c->verb, verb) == 0)
      return TRUE;
  return FALSE;
}

static const ReiCliCommand *
find_command (const char *verb,
              const char *noun)
{
  FOREACH_COMMAND (c)
    if (strcmp (c->verb, verb) == 0 && (c->noun == NULL || g_strcmp0 (c->noun, noun) == 0))
      return c;
  return NULL;
}

static gboolean
is_help (const char *arg)
{
  return arg != NULL && (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *commands = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database (default: $XDG_DATA_HOME/reintegra/reintegra.db)"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  const ReiCliCommand *command;
  ReiCliContext context;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Uninstalled runs (tests, the README's demo) point this at the build's translations. */
  localedir = g_getenv ("REINTEGRA_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Options before the command are ours (--db, --help); from the command on, the rest of the
   * line belongs to the command's own parser. */
  options = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (options, TRUE);
  g_option_context_set_summary (options,
                                _("The registry, plans, network and reports of a social "
                                  "integration centre, from the command line."));
  commands = describe_commands (NULL);
  g_option_context_set_description (options, commands);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return rei_cli_usage_error (NULL, error->message);

  if (argc < 2)
    {
      g_printerr ("%s\n", commands);
      return REI_CLI_EXIT_USAGE;
    }
  if (!verb_exists (argv[1]))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);
      return rei_cli_usage_error (NULL, message);
    }

  command = find_command (argv[1], argc > 2 ? argv[2] : NULL);
  if (command == NULL)
    {
      g_autofree char *nouns = list_nouns (argv[1]);

      if (argc > 2 && is_help (argv[2]))
        {
          g_autofree char *verb_commands = describe_commands (argv[1]);

          g_print ("%s\n", verb_commands);
          return REI_CLI_EXIT_OK;
        }
      {
        /* TRANSLATORS: "export takes one of: indicators, residents". */
        g_autofree char *message = g_strdup_printf (_("%s takes one of: %s"), argv[1], nouns);
        return rei_cli_usage_error (NULL, message);
      }
    }

  if (db == NULL)
    db = rei_store_default_path ();
  context.db_path = db;

  {
    /* The command sees its own words as its program name, so that its --help names it. */
    int skip = command->noun != NULL ? 2 : 1;
    g_autofree char *name = g_strjoin (" ", "reintegra-cli", command->verb, command->noun, NULL);
    char **command_argv = argv + skip;

    command_argv[0] = name;
    g_set_prgname (name);
    return command->run (command, &context, argc - skip, command_argv);
  }
}

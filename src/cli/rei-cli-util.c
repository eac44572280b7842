/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rei-cli.h"
#include "rei-sheet-importer.h"

static char *
command_name (const ReiCliCommand *command)
{
  return command->noun != NULL
    ? g_strdup_printf ("%s %s", command->verb, command->noun)
    : g_strdup (command->verb);
}

int
rei_cli_usage_error (const ReiCliCommand *command,
                     const char          *message)
{
  g_autofree char *name = command != NULL ? command_name (command) : NULL;

  if (message != NULL)
    g_printerr ("reintegra-cli: %s\n", message);
  if (name != NULL)
    /* TRANSLATORS: %s is a command, e.g. "import residents". */
    g_printerr (_("Try “reintegra-cli %s --help”.\n"), name);
  else
    g_printerr (_("Try “reintegra-cli --help”.\n"));
  return REI_CLI_EXIT_USAGE;
}

gboolean
rei_cli_parse (const ReiCliCommand  *command,
               const GOptionEntry   *entries,
               int                  *argc,
               char               ***argv)
{
  g_autofree char *parameters = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  parameters = command->parameters != NULL ? g_strdup (command->parameters) : NULL;
  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      rei_cli_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

ReiStore *
rei_cli_open_store (ReiCliContext *context)
{
  g_autoptr(GError) error = NULL;
  ReiStore *store = rei_store_open (context->db_path, &error);

  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

ReiStore *
rei_cli_open_existing_store (ReiCliContext *context)
{
  if (!g_file_test (context->db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s: no such database.\n"), context->db_path);
      return NULL;
    }
  return rei_cli_open_store (context);
}

gboolean
rei_cli_parse_encoding (const char     *text,
                        ReiCsvEncoding *encoding)
{
  if (text == NULL)
    *encoding = REI_CSV_ENCODING_AUTO;
  else if (g_ascii_strcasecmp (text, "utf-8") == 0 || g_ascii_strcasecmp (text, "utf8") == 0)
    *encoding = REI_CSV_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (text, "cp1250") == 0)
    *encoding = REI_CSV_ENCODING_CP1250;
  else
    return FALSE;
  return TRUE;
}

gboolean
rei_cli_parse_year (const char *text,
                    int        *year)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1990, 9999, &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

GBytes *
rei_cli_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  if (mapped == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

int
rei_cli_import_open (const ReiCliCommand  *command,
                     ReiCliContext        *context,
                     int                   argc,
                     char                **argv,
                     ReiCliImport         *import)
{
  g_autofree char *encoding_name = NULL;
  const GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The file’s encoding (automatic when not given)"), "utf-8|cp1250" },
    { NULL }
  };

  memset (import, 0, sizeof *import);
  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 2)
    return rei_cli_usage_error (command, _("Give one CSV file."));
  if (!rei_cli_parse_encoding (encoding_name, &import->encoding))
    return rei_cli_usage_error (command, _("The encoding must be utf-8 or cp1250."));
  import->file = argv[1];

  import->bytes = rei_cli_read_file (import->file);
  if (import->bytes == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  import->store = rei_cli_open_store (context);
  if (import->store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  return REI_CLI_EXIT_OK;
}

void
rei_cli_import_clear (ReiCliImport *import)
{
  g_clear_pointer (&import->bytes, g_bytes_unref);
  g_clear_object (&import->store);
}

void
rei_cli_print_import_problems (const char   *file,
                               GPtrArray    *problems,
                               const GError *error)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      ReiImportProblem *p = g_ptr_array_index (problems, i);

      if (p->line > 0)
        g_printerr ("%s:%u: %s\n", file, p->line, p->message);
      else
        g_printerr ("%s: %s\n", file, p->message);
    }
  if ((problems == NULL || problems->len == 0) && error != NULL)
    g_printerr ("%s: %s\n", file, error->message);
}

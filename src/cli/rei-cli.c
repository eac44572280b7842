/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "rei-demo.h"
#include "rei-export.h"
#include "rei-importer.h"
#include "rei-indicators.h"
#include "rei-store.h"

/* The exit statuses are a contract with the scripts that call us. */
enum {
  EXIT_OK = 0,
  EXIT_BAD_DATA = 1,
  EXIT_USAGE = 2,
};

static void
print_usage (void)
{
  g_printerr ("%s\n", _("Usage:\n"
    "  reintegra-cli [--db FILE] import residents FILE.csv [--encoding utf-8|cp1250]\n"
    "  reintegra-cli [--db FILE] export indicators --year YYYY --output FILE.xlsx\n"
    "  reintegra-cli [--db FILE] export residents --output FILE.xlsx\n"
    "  reintegra-cli [--db FILE] demo --residents N [--seed S]\n"
    "  reintegra-cli [--db FILE] check\n"
    "  reintegra-cli [--db FILE] backup FILE"));
}

static int
usage_error (const char *message)
{
  if (message != NULL)
    g_printerr ("reintegra-cli: %s\n", message);
  print_usage ();
  return EXIT_USAGE;
}

/* Options after the subcommand: "--name value" or "--name=value". */
typedef struct
{
  const char *name;
  const char *value;
} Option;

static gboolean
parse_options (int          argc,
               char       **argv,
               Option      *options,
               guint        n_options,
               GPtrArray   *positional,
               char       **error_message)
{
  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean matched = FALSE;

      if (!g_str_has_prefix (arg, "--"))
        {
          g_ptr_array_add (positional, (gpointer) arg);
          continue;
        }

      for (guint o = 0; o < n_options; o++)
        {
          gsize len = strlen (options[o].name);

          if (strncmp (arg + 2, options[o].name, len) != 0)
            continue;
          if (arg[2 + len] == '=')
            options[o].value = arg + 3 + len;
          else if (arg[2 + len] == '\0' && i + 1 < argc)
            options[o].value = argv[++i];
          else if (arg[2 + len] == '\0')
            {
              *error_message = g_strdup_printf (_("The option %s needs a value."), arg);
              return FALSE;
            }
          else
            continue;
          matched = TRUE;
          break;
        }

      if (!matched)
        {
          *error_message = g_strdup_printf (_("Unknown option %s."), arg);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *value)
{
  return text != NULL && g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

static ReiStore *open_store (const char *path);

/* Only import and demo may create the database: a mistyped --db for check, export or backup
 * must not answer "in order" or write an empty workbook over a new empty database. */
static ReiStore *
open_existing_store (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s: no such database.\n"), path);
      return NULL;
    }
  return open_store (path);
}

static ReiStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  ReiStore *store = rei_store_open (path, &error);

  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

static int
cmd_import (const char *db,
            int         argc,
            char      **argv)
{
  Option options[] = { { "encoding", NULL } };
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ReiCsvEncoding encoding = REI_CSV_ENCODING_AUTO;
  const char *file;

  if (!parse_options (argc, argv, options, G_N_ELEMENTS (options), positional, &message))
    return usage_error (message);
  if (positional->len != 2 || strcmp (g_ptr_array_index (positional, 0), "residents") != 0)
    return usage_error (_("import takes: residents FILE.csv"));
  file = g_ptr_array_index (positional, 1);

  if (options[0].value != NULL)
    {
      if (g_ascii_strcasecmp (options[0].value, "utf-8") == 0 || g_ascii_strcasecmp (options[0].value, "utf8") == 0)
        encoding = REI_CSV_ENCODING_UTF8;
      else if (g_ascii_strcasecmp (options[0].value, "cp1250") == 0)
        encoding = REI_CSV_ENCODING_CP1250;
      else
        return usage_error (_("The encoding must be utf-8 or cp1250."));
    }

  /* Read the file before touching the database: an unreadable file must change nothing. */
  mapped = g_mapped_file_new (file, FALSE, &error);
  if (mapped == NULL)
    {
      g_printerr ("%s: %s\n", file, error->message);
      return EXIT_BAD_DATA;
    }
  bytes = g_mapped_file_get_bytes (mapped);

  store = open_store (db);
  if (store == NULL)
    return EXIT_BAD_DATA;

  importer = rei_importer_new (store);
  rei_importer_set_encoding (importer, encoding);
  if (!rei_importer_run (importer, bytes, NULL, NULL, NULL, &error))
    {
      GPtrArray *problems = rei_importer_get_problems (importer);

      for (guint i = 0; i < problems->len; i++)
        {
          ReiImportProblem *p = g_ptr_array_index (problems, i);

          if (p->line > 0)
            g_printerr ("%s:%u: %s\n", file, p->line, p->message);
          else
            g_printerr ("%s: %s\n", file, p->message);
        }
      if (problems->len == 0)
        g_printerr ("%s: %s\n", file, error->message);
      return EXIT_BAD_DATA;
    }

  g_print (_("Imported %s: %u added, %u updated.\n"), file,
           rei_importer_get_n_inserted (importer), rei_importer_get_n_updated (importer));
  return EXIT_OK;
}

static int
cmd_export (const char *db,
            int         argc,
            char      **argv)
{
  Option options[] = { { "year", NULL }, { "output", NULL } };
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  const char *what;
  guint64 year = 0;
  gboolean ok;

  if (!parse_options (argc, argv, options, G_N_ELEMENTS (options), positional, &message))
    return usage_error (message);
  if (positional->len != 1)
    return usage_error (_("export takes: indicators or residents"));
  what = g_ptr_array_index (positional, 0);
  if (options[1].value == NULL)
    return usage_error (_("export needs --output FILE.xlsx"));

  if (strcmp (what, "indicators") == 0)
    {
      if (!parse_uint (options[0].value, 9999, &year) || year < 1990)
        return usage_error (_("export indicators needs --year YYYY"));
    }
  else if (strcmp (what, "residents") == 0)
    {
      if (options[0].value != NULL)
        return usage_error (_("export residents takes no --year"));
    }
  else
    return usage_error (_("export takes: indicators or residents"));

  store = open_existing_store (db);
  if (store == NULL)
    return EXIT_BAD_DATA;

  if (year > 0)
    ok = rei_export_indicators (store, (int) year, options[1].value, &error);
  else
    ok = rei_export_residents (store, NULL, options[1].value, NULL, NULL, NULL, &error);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_DATA;
    }
  return EXIT_OK;
}

static int
cmd_demo (const char *db,
          int         argc,
          char      **argv)
{
  Option options[] = { { "residents", NULL }, { "seed", NULL } };
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  guint64 n = 0, seed = 1;

  if (!parse_options (argc, argv, options, G_N_ELEMENTS (options), positional, &message))
    return usage_error (message);
  if (positional->len != 0 || !parse_uint (options[0].value, 10000000, &n))
    return usage_error (_("demo needs --residents N"));
  if (options[1].value != NULL && !parse_uint (options[1].value, G_MAXUINT32, &seed))
    return usage_error (_("The seed must be a whole number."));

  store = open_store (db);
  if (store == NULL)
    return EXIT_BAD_DATA;
  if (!rei_demo_fill (store, (guint) n, (guint32) seed, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_DATA;
    }
  return EXIT_OK;
}

static int
cmd_check (const char *db,
           int         argc,
           char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (argc != 0)
    return usage_error (_("check takes no arguments"));

  store = open_existing_store (db);
  if (store == NULL)
    return EXIT_BAD_DATA;
  if (!rei_store_check (store, &problems, &error))
    {
      if (problems != NULL)
        for (guint i = 0; i < problems->len; i++)
          g_printerr ("%s: %s\n", db, (const char *) g_ptr_array_index (problems, i));
      if (error != NULL)
        g_printerr ("%s: %s\n", db, error->message);
      return EXIT_BAD_DATA;
    }
  g_print (_("%s: the database is in order (schema %u).\n"), db, rei_store_get_version (store));
  return EXIT_OK;
}

static int
cmd_backup (const char *db,
            int         argc,
            char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;

  if (argc != 1 || g_str_has_prefix (argv[0], "--"))
    return usage_error (_("backup takes: FILE"));

  store = open_existing_store (db);
  if (store == NULL)
    return EXIT_BAD_DATA;
  if (!rei_store_backup (store, argv[0], &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_DATA;
    }
  return EXIT_OK;
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *name;
    int (*run) (const char *db, int argc, char **argv);
  } commands[] = {
    { "import", cmd_import },
    { "export", cmd_export },
    { "demo", cmd_demo },
    { "check", cmd_check },
    { "backup", cmd_backup },
  };
  g_autofree char *db = NULL;
  const char *localedir;
  int i = 1;

  setlocale (LC_ALL, "");
  /* Uninstalled runs (tests, the README's demo) point this at the build's translations. */
  localedir = g_getenv ("REINTEGRA_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (i < argc && (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0))
    {
      print_usage ();
      return EXIT_OK;
    }

  if (i < argc && g_str_has_prefix (argv[i], "--db"))
    {
      if (argv[i][4] == '=')
        db = g_strdup (argv[i] + 5);
      else if (argv[i][4] == '\0' && i + 1 < argc)
        db = g_strdup (argv[++i]);
      else
        return usage_error (_("--db needs a file name."));
      i++;
    }
  if (db == NULL)
    db = rei_store_default_path ();

  if (i >= argc)
    return usage_error (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[i], commands[c].name) == 0)
      return commands[c].run (db, argc - i - 1, argv + i + 1);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[i]);
    return usage_error (message);
  }
}

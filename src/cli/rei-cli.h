/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-csv-reader.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The exit statuses are a contract with the scripts that call us. */
enum
{
  REI_CLI_EXIT_OK = 0,
  REI_CLI_EXIT_BAD_DATA = 1,
  REI_CLI_EXIT_USAGE = 2,
};

typedef struct
{
  const char *db_path;   /* --db, or the default database */
} ReiCliContext;

typedef struct _ReiCliCommand ReiCliCommand;

/* One command of reintegra-cli, in the style of GLib's gio tool: each domain's file
 * (rei-cli-<domain>.c) has a table of them, ended by an entry whose verb is NULL, and each
 * command parses its own options with a GOptionContext made by rei_cli_parse().  A new domain
 * adds its file and its table to the list in rei-cli.c. */
struct _ReiCliCommand
{
  const char *verb;        /* "import", "export", "check", … */
  const char *noun;        /* "residents", …, or NULL for a verb that stands alone */
  const char *parameters;  /* what follows the options in --help: "FILE.csv", or NULL */
  const char *summary;     /* one sentence for --help, marked with N_ */
  /* argv[0] names the command ("reintegra-cli import residents"); returns an exit status. */
  int       (*run)        (const ReiCliCommand *command,
                           ReiCliContext       *context,
                           int                  argc,
                           char               **argv);
};

extern const ReiCliCommand rei_cli_residents_commands[];
extern const ReiCliCommand rei_cli_reports_commands[];
extern const ReiCliCommand rei_cli_plans_commands[];
extern const ReiCliCommand rei_cli_store_commands[];
extern const ReiCliCommand rei_cli_demo_commands[];
extern const ReiCliCommand rei_cli_network_commands[];

/* Parses the command's options (and --help, which prints the command's usage and exits 0).
 * Positional arguments stay in argv.  On a usage error prints it and returns FALSE: the command
 * then returns REI_CLI_EXIT_USAGE. */
gboolean  rei_cli_parse                (const ReiCliCommand *command,
                                        const GOptionEntry  *entries,
                                        int                 *argc,
                                        char              ***argv);
/* Prints "reintegra-cli: MESSAGE" and a hint to --help; returns REI_CLI_EXIT_USAGE. */
int       rei_cli_usage_error          (const ReiCliCommand *command,
                                        const char          *message);
/* Only commands that create data (import, demo) may create the database: a mistyped --db for
 * check, export or backup must not answer "in order" or write an empty workbook.  Both print
 * what went wrong and return NULL. */
ReiStore *rei_cli_open_store           (ReiCliContext       *context);
ReiStore *rei_cli_open_existing_store  (ReiCliContext       *context);
/* --encoding: NULL is automatic; FALSE for anything but utf-8 and cp1250. */
gboolean  rei_cli_parse_encoding       (const char          *text,
                                        ReiCsvEncoding      *encoding);
/* --year YYYY; FALSE when missing or not a year. */
gboolean  rei_cli_parse_year           (const char          *text,
                                        int                 *year);
/* Reads a whole file before anything touches the database, so that a file we cannot read
 * changes nothing; prints "FILE: message" and returns NULL on failure. */
GBytes   *rei_cli_read_file            (const char          *path);

/* What every import command has once its arguments are read: the --encoding option, exactly
 * one FILE.csv read whole, then the database, opened (or created: an import may be the first
 * command) only after the file could be read, so that a file we cannot read changes nothing. */
typedef struct
{
  const char     *file;
  GBytes         *bytes;
  ReiStore       *store;
  ReiCsvEncoding  encoding;
} ReiCliImport;

/* REI_CLI_EXIT_OK with import filled in, or the status to return (the reason printed). */
int       rei_cli_import_open          (const ReiCliCommand *command,
                                        ReiCliContext       *context,
                                        int                  argc,
                                        char               **argv,
                                        ReiCliImport        *import);
void      rei_cli_import_clear         (ReiCliImport        *import);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReiCliImport, rei_cli_import_clear)

/* An import's problems on stderr, one "FILE:LINE: message" each ("FILE: message" for the file as a
 * whole), or error's message when there are none. */
void      rei_cli_print_import_problems (const char         *file,
                                         GPtrArray          *problems,
                                         const GError       *error);

G_END_DECLS

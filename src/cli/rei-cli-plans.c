/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-cli.h"
#include "rei-plan-print.h"
#include "rei-plans-export.h"
#include "rei-store-plans.h"
#include "rei-store-residents.h"

static int
plan_pdf (const ReiCliCommand  *command,
          ReiCliContext        *context,
          int                   argc,
          char                **argv)
{
  g_autofree char *pesel = NULL;
  g_autofree char *output = NULL;
  int revision = 0;
  const GOptionEntry entries[] = {
    { "pesel", 0, 0, G_OPTION_ARG_STRING, &pesel, N_("The person’s PESEL"), "PESEL" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE.pdf" },
    { "revision", 0, 0, G_OPTION_ARG_INT, &revision, N_("A signed revision instead of the current plan"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(ReiPlanPrint) print = NULL;
  gint64 resident_id, plan_id;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("plan pdf takes no file name but --output."));
  if (pesel == NULL || output == NULL)
    return rei_cli_usage_error (command, _("plan pdf needs --pesel PESEL and --output FILE.pdf"));
  if (revision < 0)
    return rei_cli_usage_error (command, _("The revision is a number from 1."));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;

  resident_id = rei_store_find_resident_by_pesel (store, pesel, &error);
  if (resident_id == 0)
    {
      g_printerr (_("No person with PESEL %s in the register.\n"), pesel);
      return REI_CLI_EXIT_BAD_DATA;
    }
  plan_id = rei_store_find_current_plan (store, resident_id, &error);
  if (plan_id == 0)
    {
      g_printerr (_("The person with PESEL %s has no plan.\n"), pesel);
      return REI_CLI_EXIT_BAD_DATA;
    }
  plan = revision > 0 ? rei_store_get_plan_revision (store, plan_id, revision, &error)
                      : rei_store_get_plan (store, plan_id, &error);
  if (plan != NULL)
    print = rei_plan_print_new_for_store (store, plan, &error);
  if (print == NULL || !rei_plan_print_write_pdf (print, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

static int
export_plans (const ReiCliCommand  *command,
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
    return rei_cli_usage_error (command, _("export plans takes no file name but --output."));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export needs --output FILE.xlsx"));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_export_plans (store, output, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

const ReiCliCommand rei_cli_plans_commands[] = {
  { "plan", "pdf", NULL,
    N_("Writes a person’s individual plan (IPZS or IPUS), or one of its signed revisions, as an "
       "A4 PDF for signatures."),
    plan_pdf },
  { "export", "plans", NULL,
    N_("Writes everyone’s plans, goals and assessments of reintegration potential to an Excel "
       "workbook."),
    export_plans },
  { NULL }
};

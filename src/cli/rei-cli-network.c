/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-cli.h"
#include "rei-date.h"
#include "rei-network-export.h"
#include "rei-network-map-export.h"
#include "rei-partner-import.h"
#include "rei-store-network.h"

/* The map as exported for a report: the size of an A4 page's width at 96 dpi, a little taller
 * than wide for the legend. */
#define MAP_WIDTH 1100
#define MAP_HEIGHT 1000

static int
import_partners (const ReiCliCommand  *command,
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
  g_autoptr(ReiPartnerImporter) importer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ReiCsvEncoding encoding;
  const char *file;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 2)
    return rei_cli_usage_error (command, _("import partners takes one file: FILE.csv"));
  if (!rei_cli_parse_encoding (encoding_name, &encoding))
    return rei_cli_usage_error (command, _("The encoding must be utf-8 or cp1250."));
  file = argv[1];

  bytes = rei_cli_read_file (file);
  if (bytes == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  store = rei_cli_open_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;

  importer = rei_partner_importer_new (store);
  rei_partner_importer_set_encoding (importer, encoding);
  if (!rei_partner_importer_run (importer, bytes, NULL, NULL, NULL, &error))
    {
      rei_cli_print_import_problems (file, rei_partner_importer_get_problems (importer), error);
      return REI_CLI_EXIT_BAD_DATA;
    }

  g_print (_("Imported %s: %u added, %u updated.\n"), file,
           rei_partner_importer_get_n_inserted (importer), rei_partner_importer_get_n_updated (importer));
  return REI_CLI_EXIT_OK;
}

/* --from and --to: dd.mm.rrrr or ISO; NULL stays NULL (an open end). */
static gboolean
parse_period (const char  *from_text,
              const char  *to_text,
              char       **from_iso,
              char       **to_iso)
{
  *from_iso = from_text ? rei_date_normalize (from_text) : NULL;
  *to_iso = to_text ? rei_date_normalize (to_text) : NULL;
  if ((from_text && *from_iso == NULL) || (to_text && *to_iso == NULL))
    return FALSE;
  return *from_iso == NULL || *to_iso == NULL || g_strcmp0 (*from_iso, *to_iso) <= 0;
}

static char *
period_caption (const char *from_iso,
                const char *to_iso)
{
  g_autofree char *from = from_iso ? rei_date_format_display (from_iso) : g_strdup ("…");
  g_autofree char *to = to_iso ? rei_date_format_display (to_iso) : g_strdup ("…");

  return g_strdup_printf (_("Referrals %s – %s"), from, to);
}

static int
export_network (const ReiCliCommand  *command,
                ReiCliContext        *context,
                int                   argc,
                char                **argv)
{
  g_autofree char *output = NULL, *from_text = NULL, *to_text = NULL;
  g_autofree char *from = NULL, *to = NULL;
  const GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Count referrals from this day"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Count referrals up to this day"), "DATE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("export network takes no file name but --output."));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export needs --output FILE.xlsx"));
  if (!parse_period (from_text, to_text, &from, &to))
    return rei_cli_usage_error (command, _("--from and --to take dates (dd.mm.rrrr), --from not after --to."));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  if (!rei_network_export_workbook (store, output, from, to, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

static int
export_map (const ReiCliCommand  *command,
            ReiCliContext        *context,
            int                   argc,
            char                **argv)
{
  g_autofree char *output = NULL, *from_text = NULL, *to_text = NULL, *area = NULL;
  g_autofree char *from = NULL, *to = NULL, *caption = NULL, *lower = NULL;
  const GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The picture to write"), "FILE.svg|FILE.png" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Count referrals from this day"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Count referrals up to this day"), "DATE" },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area, N_("Only the partners working in this area"), "CODE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GPtrArray) partners = NULL, areas = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(ReiNetworkMap) map = NULL;

  if (!rei_cli_parse (command, entries, &argc, &argv))
    return REI_CLI_EXIT_USAGE;
  if (argc != 1)
    return rei_cli_usage_error (command, _("export map takes no file name but --output."));
  if (output == NULL)
    return rei_cli_usage_error (command, _("export map needs --output FILE.svg or FILE.png"));
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".png"))
    return rei_cli_usage_error (command, _("export map needs --output FILE.svg or FILE.png"));
  if (!parse_period (from_text, to_text, &from, &to))
    return rei_cli_usage_error (command, _("--from and --to take dates (dd.mm.rrrr), --from not after --to."));

  store = rei_cli_open_existing_store (context);
  if (store == NULL)
    return REI_CLI_EXIT_BAD_DATA;
  areas = rei_store_list_social_areas (store, &error);
  if (areas != NULL && area != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < areas->len && !known; i++)
        known = g_str_equal (((char **) g_ptr_array_index (areas, i))[0], area);
      if (!known)
        {
          g_autofree char *message = g_strdup_printf (_("Unknown area code “%s”."), area);
          return rei_cli_usage_error (command, message);
        }
    }
  partners = areas ? rei_store_list_partners (store, &error) : NULL;
  counts = partners ? rei_store_count_referrals (store, from, to, NULL, &error) : NULL;
  if (counts == NULL)
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  map = rei_network_map_new (partners, counts, area, MAP_WIDTH, MAP_HEIGHT);
  caption = period_caption (from, to);
  if (area != NULL)
    {
      g_autofree char *with_area = g_strdup_printf ("%s · %s", caption, area);

      g_free (caption);
      caption = g_steal_pointer (&with_area);
    }
  rei_network_map_set_caption (map, caption);
  if (!rei_network_map_export (map, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return REI_CLI_EXIT_BAD_DATA;
    }
  return REI_CLI_EXIT_OK;
}

const ReiCliCommand rei_cli_network_commands[] = {
  { "import", "partners", "FILE.csv",
    N_("Imports the centre’s partners from a CSV sheet, all or nothing; a re-import updates them."),
    import_partners },
  { "export", "network", NULL,
    N_("Writes partners, services, referrals and gaps to an Excel workbook."),
    export_network },
  { "export", "map", NULL,
    N_("Draws the map of the local reintegration network to an SVG or PNG file."),
    export_map },
  { NULL }
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rei-network-map-export.h"
#include "rei-partner.h"

G_DEFINE_QUARK (rei-map-export-error-quark, rei_map_export_error)

#define FONT_FAMILY "DejaVu Sans"

/* One label per node, outside it along its spoke, so that labels of one ring fan out instead of
 * piling up; left of the node on the left half of the map. */
typedef struct
{
  double   x, y;
  double   size;
  gboolean to_left;
  gboolean centred;   /* near the top or bottom of a ring: above or below the node */
} LabelPlace;

static LabelPlace
place_label (const ReiMapNode *node)
{
  double gap = node->radius + 3;
  LabelPlace p;

  p.x = node->x + gap * cos (node->angle);
  p.y = node->y + gap * sin (node->angle);
  p.size = CLAMP (node->radius * 1.5, 6.5, 11.0);
  p.to_left = cos (node->angle) < -1e-6;
  p.centred = fabs (cos (node->angle)) < 0.35;
  if (p.centred)
    p.y += sin (node->angle) * p.size * 0.6;
  return p;
}

static void
legend_lines (ReiNetworkMap *map,
              char         **rings,
              char         **links)
{
  *rings = g_strdup (_("Rings from the centre: type A, type B, type C"));
  *links = g_strdup_printf (_("Line width: referrals in the period (widest %u, all %u)"),
                            rei_network_map_get_max_referrals (map),
                            rei_network_map_get_total_referrals (map));
}

/* ---------------------------------------------------------------------------------------------
 * cairo (PNG)
 * ------------------------------------------------------------------------------------------- */

static void
set_colour (cairo_t            *cr,
            const ReiMapColour *c,
            double              alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

static void
show_text_at (cairo_t    *cr,
              const char *text,
              double      x,
              double      y,
              double      size,
              gboolean    to_left,
              gboolean    centred)
{
  cairo_text_extents_t ext;

  cairo_set_font_size (cr, size);
  cairo_text_extents (cr, text, &ext);
  if (centred)
    x -= ext.width / 2 + ext.x_bearing;
  else if (to_left)
    x -= ext.x_advance;
  cairo_move_to (cr, x, y + size * 0.35);
  cairo_show_text (cr, text);
}

void
rei_network_map_draw (ReiNetworkMap *map,
                      cairo_t       *cr)
{
  const ReiMapColour link = rei_network_map_link_colour ();
  const char * const *sectors = rei_partner_sectors ();
  g_autofree char *rings = NULL, *links = NULL;
  double cx, cy, cr_radius;
  guint n = rei_network_map_get_n_nodes (map);

  g_return_if_fail (REI_IS_NETWORK_MAP (map));

  rei_network_map_get_centre (map, &cx, &cy, &cr_radius);
  cairo_save (cr);
  cairo_select_font_face (cr, FONT_FAMILY, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, 0.6, 0.6, 0.6, 0.5);
  for (guint r = 0; r < 3; r++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, rei_network_map_get_ring_radius (map, r), 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, i);

      if (node->link_width <= 0)
        continue;
      set_colour (cr, &link, 0.75);
      cairo_set_line_width (cr, node->link_width);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, node->x, node->y);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, i);
      LabelPlace p = place_label (node);

      cairo_new_sub_path (cr);
      cairo_arc (cr, node->x, node->y, node->radius, 0, 2 * G_PI);
      set_colour (cr, &node->colour, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      show_text_at (cr, node->name, p.x, p.y, p.size, p.to_left, p.centred);
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, cr_radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.18, 0.20, 0.25);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  show_text_at (cr, rei_network_map_get_centre_label (map), cx, cy,
                CLAMP (cr_radius * 0.3, 8, 14), FALSE, TRUE);

  /* The legend: sectors, then what the rings and the lines mean. */
  for (guint s = 0; sectors[s] != NULL; s++)
    {
      ReiMapColour c = rei_network_map_sector_colour (sectors[s]);

      set_colour (cr, &c, 1);
      cairo_rectangle (cr, 10, 10 + 16 * s, 10, 10);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      show_text_at (cr, rei_partner_sector_label (sectors[s]), 26, 15 + 16 * s, 11, FALSE, FALSE);
    }
  legend_lines (map, &rings, &links);
  show_text_at (cr, rings, 10, 15 + 16 * 4, 11, FALSE, FALSE);
  show_text_at (cr, links, 10, 15 + 16 * 5, 11, FALSE, FALSE);
  if (rei_network_map_get_caption (map) != NULL)
    show_text_at (cr, rei_network_map_get_caption (map), 10,
                  rei_network_map_get_height (map) - 12, 11, FALSE, FALSE);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------------------------------
 * SVG
 * ------------------------------------------------------------------------------------------- */

/* Numbers with a dot whatever the locale: "12,5" would break the document under pl_PL. */
static const char *
num (char   *buf,
     double  value)
{
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", value);
}

static void
svg_colour (GString            *s,
            const ReiMapColour *c)
{
  g_string_append_printf (s, "#%02x%02x%02x", (int) lround (c->r * 255), (int) lround (c->g * 255),
                          (int) lround (c->b * 255));
}

static void
svg_text (GString    *s,
          const char *text,
          double      x,
          double      y,
          double      size,
          const char *anchor,
          const char *fill,
          const char *klass)
{
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (s, "<text class=\"%s\" x=\"%s\" y=\"%s\" font-size=\"%s\" "
                             "text-anchor=\"%s\" dominant-baseline=\"middle\" fill=\"%s\">%s</text>\n",
                          klass, num (b1, x), num (b2, y), num (b3, size), anchor, fill, escaped);
}

char *
rei_network_map_to_svg (ReiNetworkMap *map)
{
  const ReiMapColour link = rei_network_map_link_colour ();
  const char * const *sectors = rei_partner_sectors ();
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE],
       b4[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *rings = NULL, *links = NULL;
  double w, h, cx, cy, cr_radius;
  guint n;
  GString *s;

  g_return_val_if_fail (REI_IS_NETWORK_MAP (map), NULL);

  w = rei_network_map_get_width (map);
  h = rei_network_map_get_height (map);
  n = rei_network_map_get_n_nodes (map);
  rei_network_map_get_centre (map, &cx, &cy, &cr_radius);

  s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (s, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" "
                             "viewBox=\"0 0 %s %s\" font-family=\"" FONT_FAMILY ", sans-serif\">\n",
                          num (b1, w), num (b2, h), num (b3, w), num (b4, h));
  g_string_append_printf (s, "<title>%s</title>\n", _("The local reintegration network"));
  g_string_append (s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");

  for (guint r = 0; r < 3; r++)
    g_string_append_printf (s, "<circle class=\"ring\" cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"none\" "
                               "stroke=\"#999999\" stroke-opacity=\"0.5\"/>\n",
                            num (b1, cx), num (b2, cy), num (b3, rei_network_map_get_ring_radius (map, r)));

  for (guint i = 0; i < n; i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, i);

      if (node->link_width <= 0)
        continue;
      g_string_append_printf (s, "<line class=\"link\" data-partner=\"%" G_GINT64_FORMAT "\" "
                                 "data-referrals=\"%u\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"",
                              node->partner_id, node->referrals, num (b1, cx), num (b2, cy),
                              num (b3, node->x), num (b4, node->y));
      svg_colour (s, &link);
      g_string_append_printf (s, "\" stroke-opacity=\"0.75\" stroke-width=\"%s\"/>\n",
                              num (b1, node->link_width));
    }

  for (guint i = 0; i < n; i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, i);
      LabelPlace p = place_label (node);
      g_autofree char *name = g_markup_escape_text (node->name, -1);

      g_string_append_printf (s, "<g class=\"partner\" data-partner=\"%" G_GINT64_FORMAT "\" "
                                 "data-type=\"%c\" data-sector=\"%s\">\n",
                              node->partner_id, node->type, node->sector);
      g_string_append_printf (s, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" stroke=\"#ffffff\" fill=\"",
                              num (b1, node->x), num (b2, node->y), num (b3, node->radius));
      svg_colour (s, &node->colour);
      g_string_append_printf (s, "\"><title>%s</title></circle>\n", name);
      svg_text (s, node->name, p.x, p.y, p.size, p.centred ? "middle" : p.to_left ? "end" : "start",
                "#262626", "name");
      g_string_append (s, "</g>\n");
    }

  g_string_append_printf (s, "<circle class=\"centre\" cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"#2e3340\"/>\n",
                          num (b1, cx), num (b2, cy), num (b3, cr_radius));
  svg_text (s, rei_network_map_get_centre_label (map), cx, cy, CLAMP (cr_radius * 0.3, 8, 14),
            "middle", "#ffffff", "centre");

  for (guint k = 0; sectors[k] != NULL; k++)
    {
      ReiMapColour c = rei_network_map_sector_colour (sectors[k]);

      g_string_append_printf (s, "<rect x=\"10\" y=\"%u\" width=\"10\" height=\"10\" fill=\"", 10 + 16 * k);
      svg_colour (s, &c);
      g_string_append (s, "\"/>\n");
      svg_text (s, rei_partner_sector_label (sectors[k]), 26, 15 + 16 * k, 11, "start", "#262626", "legend");
    }
  legend_lines (map, &rings, &links);
  svg_text (s, rings, 10, 15 + 16 * 4, 11, "start", "#262626", "legend");
  svg_text (s, links, 10, 15 + 16 * 5, 11, "start", "#262626", "legend");
  if (rei_network_map_get_caption (map) != NULL)
    svg_text (s, rei_network_map_get_caption (map), 10, h - 12, 11, "start", "#262626", "caption");
  g_string_append (s, "</svg>\n");
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rei_network_map_export (ReiNetworkMap  *map,
                        const char     *path,
                        GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (REI_IS_NETWORK_MAP (map), FALSE);

  if (g_str_has_suffix (lower, ".svg"))
    {
      g_autofree char *svg = rei_network_map_to_svg (map);

      g_byte_array_append (bytes, (const guint8 *) svg, strlen (svg));
    }
  else if (g_str_has_suffix (lower, ".png"))
    {
      int w = (int) ceil (rei_network_map_get_width (map));
      int h = (int) ceil (rei_network_map_get_height (map));
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_t *cr = cairo_create (surface);
      cairo_status_t status;

      rei_network_map_draw (map, cr);
      cairo_destroy (cr);
      status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, REI_MAP_EXPORT_ERROR, REI_MAP_EXPORT_ERROR_WRITE,
                       _("Cannot draw the map: %s"), cairo_status_to_string (status));
          return FALSE;
        }
    }
  else
    {
      g_set_error_literal (error, REI_MAP_EXPORT_ERROR, REI_MAP_EXPORT_ERROR_FORMAT,
                           _("The map is exported as .svg or .png."));
      return FALSE;
    }

  /* Consistent: written to a temporary file beside the target and renamed over it. */
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, REI_MAP_EXPORT_ERROR, REI_MAP_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

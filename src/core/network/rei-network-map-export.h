/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rei-network-map.h"

G_BEGIN_DECLS

#define REI_MAP_EXPORT_ERROR (rei_map_export_error_quark ())

typedef enum
{
  REI_MAP_EXPORT_ERROR_FORMAT,   /* neither .svg nor .png */
  REI_MAP_EXPORT_ERROR_WRITE,
} ReiMapExportError;

GQuark    rei_map_export_error_quark   (void);

/* Draws the map as the window shows it, with every partner's name beside its node, the legend
 * of sectors and rings, the centre label and the caption. */
void      rei_network_map_draw         (ReiNetworkMap  *map,
                                        cairo_t        *cr);
/* The same as an SVG document in which every partner's name is a <text> (cairo's SVG surface
 * would turn text into glyph outlines, which neither a screen reader nor a search finds). */
char     *rei_network_map_to_svg       (ReiNetworkMap  *map);
/* Writes FILE.svg or FILE.png (by the extension, any case) mode 0600 through a temporary file
 * beside it. */
gboolean  rei_network_map_export      (ReiNetworkMap  *map,
                                        const char     *path,
                                        GError        **error);

G_END_DECLS

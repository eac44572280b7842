/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rei-network-map.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_NETWORK_MAP_WIDGET (rei_network_map_widget_get_type ())

G_DECLARE_FINAL_TYPE (ReiNetworkMapWidget, rei_network_map_widget, REI, NETWORK_MAP_WIDGET,
                      GtkWidget)

/* The map of the local network as the core lays it out (rei-network-map.h), drawn with
 * GtkSnapshot: the rings, the links as wide as the referrals of the period, the nodes in their
 * sector's colour, the names where the rings leave room for them, a legend.  Hovering a node
 * names it (beside the node and as a tooltip); clicking it emits "partner-activated".
 *
 * Everything but the hovered node is kept as one render node, rebuilt only when the layout or
 * the counts change, so that hover and click cost a hit test and a few nodes whatever the size
 * of the network. */
GtkWidget     *rei_network_map_widget_new              (void);
/* ReiPartner*; keeps the counts and the area filter. */
void           rei_network_map_widget_set_partners     (ReiNetworkMapWidget *self,
                                                        GPtrArray           *partners);
/* Only the partners working in this area (NULL: all): lays the map out again. */
void           rei_network_map_widget_set_area         (ReiNetworkMapWidget *self,
                                                        const char          *area);
const char    *rei_network_map_widget_get_area         (ReiNetworkMapWidget *self);
/* Re-weights the links and keeps every node where it is. */
void           rei_network_map_widget_set_counts       (ReiNetworkMapWidget *self,
                                                        GHashTable          *counts);
/* Counts the referrals between from_iso and to_iso (NULL: open) in a worker thread, then
 * re-weights the links; a newer call cancels an older one.  "counts-loaded" when done. */
void           rei_network_map_widget_load_counts      (ReiNetworkMapWidget *self,
                                                        ReiStore            *store,
                                                        const char          *from_iso,
                                                        const char          *to_iso);
gboolean       rei_network_map_widget_get_loading      (ReiNetworkMapWidget *self);
void           rei_network_map_widget_set_centre_label (ReiNetworkMapWidget *self,
                                                        const char          *label);
/* The layout as drawn (NULL before partners are set). */
ReiNetworkMap *rei_network_map_widget_get_map          (ReiNetworkMapWidget *self);
/* The partner under the pointer, 0 for none. */
gint64         rei_network_map_widget_get_hovered      (ReiNetworkMapWidget *self);

/* What the pointer's controllers call, public for the tests and the benchmark: the pointer at
 * (x, y) in widget coordinates; a click there.  The click returns the partner it opened (0 for
 * none). */
void           rei_network_map_widget_pointer_at       (ReiNetworkMapWidget *self,
                                                        double               x,
                                                        double               y);
gint64         rei_network_map_widget_click_at         (ReiNetworkMapWidget *self,
                                                        double               x,
                                                        double               y);

G_END_DECLS

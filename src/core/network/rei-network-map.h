/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The map of the local reintegration network, laid out in the core so that it is tested
 * without a display and drawn the same by the window (GtkSnapshot) and the exports (cairo, SVG):
 * the centre in the middle, partners on three rings by type (A inner, B middle, C outer), in
 * Polish order of name around each ring, coloured by sector, each linked to the centre by a
 * line as thick as its referrals in the chosen period. */

typedef struct
{
  double r, g, b;
} ReiMapColour;

typedef struct
{
  gint64        partner_id;
  char         *name;
  char          type;          /* 'A', 'B', 'C' */
  const char   *sector;        /* static code */
  guint         ring;          /* 0 (A), 1 (B), 2 (C) */
  double        x, y;          /* the node's centre */
  double        radius;
  double        angle;         /* radians, from the centre */
  guint         referrals;     /* in the period */
  double        link_width;    /* 0 when there was no referral */
  ReiMapColour  colour;
} ReiMapNode;

#define REI_TYPE_NETWORK_MAP (rei_network_map_get_type ())
G_DECLARE_FINAL_TYPE (ReiNetworkMap, rei_network_map, REI, NETWORK_MAP, GObject)

/* partners: ReiPartner*; counts: from rei_store_count_referrals() (NULL: none); area: only the
 * partners working in this area (NULL: all).  The layout fills width × height. */
ReiNetworkMap    *rei_network_map_new              (GPtrArray      *partners,
                                                    GHashTable     *counts,
                                                    const char     *area,
                                                    double          width,
                                                    double          height);
/* New counts (another period) re-weight the links and keep the positions. */
void              rei_network_map_set_counts       (ReiNetworkMap  *self,
                                                    GHashTable     *counts);
/* Lays the same partners out again for another size (the widget was resized). */
void              rei_network_map_set_size         (ReiNetworkMap  *self,
                                                    double          width,
                                                    double          height);
double            rei_network_map_get_width        (ReiNetworkMap  *self);
double            rei_network_map_get_height       (ReiNetworkMap  *self);
/* The label in the middle ("our centre" by default). */
void              rei_network_map_set_centre_label (ReiNetworkMap  *self,
                                                    const char     *label);
const char       *rei_network_map_get_centre_label (ReiNetworkMap  *self);
/* A line under the map (the period, the area) for the exports. */
void              rei_network_map_set_caption      (ReiNetworkMap  *self,
                                                    const char     *caption);
const char       *rei_network_map_get_caption      (ReiNetworkMap  *self);

guint             rei_network_map_get_n_nodes      (ReiNetworkMap  *self);
const ReiMapNode *rei_network_map_get_node         (ReiNetworkMap  *self,
                                                    guint           index);
/* -1 when the partner is not on the map. */
int               rei_network_map_find_partner     (ReiNetworkMap  *self,
                                                    gint64          partner_id);
void              rei_network_map_get_centre       (ReiNetworkMap  *self,
                                                    double         *x,
                                                    double         *y,
                                                    double         *radius);
double            rei_network_map_get_ring_radius  (ReiNetworkMap  *self,
                                                    guint           ring);
guint             rei_network_map_get_max_referrals (ReiNetworkMap *self);
guint             rei_network_map_get_total_referrals (ReiNetworkMap *self);
/* The width of a link with this many referrals: linear in the count, from 1 to the widest. */
double            rei_network_map_link_width       (ReiNetworkMap  *self,
                                                    guint           referrals);

/* The node under the point (with a few units of tolerance; the nearest when several), or -1:
 * what hover and click ask, in time independent of the number of referrals. */
int               rei_network_map_hit_test         (ReiNetworkMap  *self,
                                                    double          x,
                                                    double          y);

/* Sector colours, the same in the window and the exports. */
ReiMapColour      rei_network_map_sector_colour    (const char     *sector);
ReiMapColour      rei_network_map_link_colour      (void);

G_END_DECLS

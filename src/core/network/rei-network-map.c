/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rei-collation.h"
#include "rei-network-map.h"
#include "rei-partner.h"

/* Where the rings sit, as a share of the radius the map has (labels need the margin). */
static const double ring_share[3] = { 0.36, 0.64, 0.92 };
/* Each ring starts at another angle, so that nodes of neighbouring rings do not line up along
 * the same spoke and hide each other's links. */
static const double ring_offset[3] = { 0.0, 0.5, 0.25 };

struct _ReiNetworkMap
{
  GObject  parent_instance;

  GArray  *nodes;          /* ReiMapNode */
  double   width, height;
  double   cx, cy, radius, centre_radius;
  double   max_link_width;
  guint    max_referrals, total_referrals;
  guint    ring_count[3];
  char    *centre_label;
  char    *caption;
};

G_DEFINE_FINAL_TYPE (ReiNetworkMap, rei_network_map, G_TYPE_OBJECT)

static void
node_clear (gpointer data)
{
  ReiMapNode *node = data;

  g_free (node->name);
}

static void
rei_network_map_finalize (GObject *object)
{
  ReiNetworkMap *self = REI_NETWORK_MAP (object);

  g_array_unref (self->nodes);
  g_free (self->centre_label);
  g_free (self->caption);
  G_OBJECT_CLASS (rei_network_map_parent_class)->finalize (object);
}

static void
rei_network_map_class_init (ReiNetworkMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_network_map_finalize;
}

static void
rei_network_map_init (ReiNetworkMap *self)
{
  self->nodes = g_array_new (FALSE, TRUE, sizeof (ReiMapNode));
  g_array_set_clear_func (self->nodes, node_clear);
}

ReiMapColour
rei_network_map_sector_colour (const char *sector)
{
  /* Four hues a colour-blind reader still tells apart (blue, bluish green, orange, purple). */
  if (g_strcmp0 (sector, "pozarzadowy") == 0)
    return (ReiMapColour) { 0.0, 0.62, 0.45 };
  if (g_strcmp0 (sector, "prywatny") == 0)
    return (ReiMapColour) { 0.90, 0.53, 0.0 };
  if (g_strcmp0 (sector, "koscielny") == 0)
    return (ReiMapColour) { 0.60, 0.33, 0.64 };
  return (ReiMapColour) { 0.0, 0.45, 0.70 };
}

ReiMapColour
rei_network_map_link_colour (void)
{
  return (ReiMapColour) { 0.45, 0.50, 0.56 };
}

static const char *
static_sector (const char *sector)
{
  const char * const *sectors = rei_partner_sectors ();

  for (guint i = 0; sectors[i] != NULL; i++)
    if (g_strcmp0 (sectors[i], sector) == 0)
      return sectors[i];
  return sectors[0];
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  const ReiMapNode *x = a, *y = b;
  int c = (int) x->ring - (int) y->ring;

  return c != 0 ? c : rei_collation_compare (x->name, y->name);
}

/* Positions and sizes from the nodes' rings and the size of the map. */
static void
layout (ReiNetworkMap *self)
{
  guint index_in_ring[3] = { 0, 0, 0 };

  self->cx = self->width / 2;
  self->cy = self->height / 2;
  /* Room around the outer ring for the labels of the exports. */
  self->radius = MAX (10.0, MIN (self->width, self->height) * (0.5 - 0.17));
  self->centre_radius = self->radius * 0.13;
  self->max_link_width = MAX (3.0, self->radius * 0.035);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      ReiMapNode *node = &g_array_index (self->nodes, ReiMapNode, i);
      guint n = self->ring_count[node->ring];
      double ring_radius = self->radius * ring_share[node->ring];
      double slot = 2 * G_PI * ring_radius / MAX (n, 1);
      guint k = index_in_ring[node->ring]++;

      node->angle = -G_PI / 2 + 2 * G_PI * (k + ring_offset[node->ring]) / MAX (n, 1);
      node->x = self->cx + ring_radius * cos (node->angle);
      node->y = self->cy + ring_radius * sin (node->angle);
      /* As large as the slot on the ring allows, so that 300 partners still do not overlap. */
      node->radius = CLAMP (slot * 0.4, 2.5, self->radius * 0.055);
    }
}

ReiNetworkMap *
rei_network_map_new (GPtrArray  *partners,
                     GHashTable *counts,
                     const char *area,
                     double      width,
                     double      height)
{
  ReiNetworkMap *self = g_object_new (REI_TYPE_NETWORK_MAP, NULL);

  g_return_val_if_fail (partners != NULL, self);

  for (guint i = 0; i < partners->len; i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, i);
      char type = rei_partner_get_type_letter (p);
      ReiMapNode node = { 0 };

      if (type == '\0' || (area != NULL && !rei_partner_has_area (p, area)))
        continue;
      node.partner_id = rei_partner_get_id (p);
      node.name = g_strdup (rei_partner_get_name (p));
      node.type = type;
      node.ring = (guint) (type - 'A');
      node.sector = static_sector (rei_partner_get_text (p, REI_PARTNER_SECTOR));
      node.colour = rei_network_map_sector_colour (node.sector);
      self->ring_count[node.ring]++;
      g_array_append_val (self->nodes, node);
    }
  g_array_sort (self->nodes, compare_nodes);

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  layout (self);
  rei_network_map_set_counts (self, counts);
  return self;
}

void
rei_network_map_set_size (ReiNetworkMap *self,
                          double         width,
                          double         height)
{
  g_return_if_fail (REI_IS_NETWORK_MAP (self));

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  layout (self);
  /* The widths scale with the map. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      ReiMapNode *node = &g_array_index (self->nodes, ReiMapNode, i);

      node->link_width = rei_network_map_link_width (self, node->referrals);
    }
}

double
rei_network_map_link_width (ReiNetworkMap *self,
                            guint          referrals)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), 0);

  if (referrals == 0 || self->max_referrals == 0)
    return 0;
  return 1.0 + (self->max_link_width - 1.0) * referrals / self->max_referrals;
}

void
rei_network_map_set_counts (ReiNetworkMap *self,
                            GHashTable    *counts)
{
  g_return_if_fail (REI_IS_NETWORK_MAP (self));

  self->max_referrals = 0;
  self->total_referrals = 0;
  for (guint i = 0; i < self->nodes->len; i++)
    {
      ReiMapNode *node = &g_array_index (self->nodes, ReiMapNode, i);

      node->referrals = counts ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, &node->partner_id)) : 0;
      self->max_referrals = MAX (self->max_referrals, node->referrals);
      self->total_referrals += node->referrals;
    }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      ReiMapNode *node = &g_array_index (self->nodes, ReiMapNode, i);

      node->link_width = rei_network_map_link_width (self, node->referrals);
    }
}

double
rei_network_map_get_width (ReiNetworkMap *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), 0);
  return self->width;
}

double
rei_network_map_get_height (ReiNetworkMap *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), 0);
  return self->height;
}

void
rei_network_map_set_centre_label (ReiNetworkMap *self,
                                  const char    *label)
{
  g_return_if_fail (REI_IS_NETWORK_MAP (self));
  g_free (self->centre_label);
  self->centre_label = g_strdup (label);
}

const char *
rei_network_map_get_centre_label (ReiNetworkMap *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), NULL);
  return self->centre_label ? self->centre_label : _("Our centre");
}

void
rei_network_map_set_caption (ReiNetworkMap *self,
                             const char    *caption)
{
  g_return_if_fail (REI_IS_NETWORK_MAP (self));
  g_free (self->caption);
  self->caption = g_strdup (caption);
}

const char *
rei_network_map_get_caption (ReiNetworkMap *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), NULL);
  return self->caption;
}

guint
rei_network_map_get_n_nodes (ReiNetworkMap *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), 0);
  return self->nodes->len;
}

const ReiMapNode *
rei_network_map_get_node (ReiNetworkMap *self,
                          guint          index)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return &g_array_index (self->nodes, ReiMapNode, index);
}

int
rei_network_map_find_partner (ReiNetworkMap *self,
                              gint64         partner_id)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), -1);

  for (guint i = 0; i < self->nodes->len; i++)
    if (g_array_index (self->nodes, ReiMapNode, i).partner_id == partner_id)
      return (int) i;
  return -1;
}

void
rei_network_map_get_centre (ReiNetworkMap *self,
                            double        *x,
                            double        *y,
                            double        *radius)
{
  g_return_if_fail (REI_IS_NETWORK_MAP (self));
  if (x)
    *x = self->cx;
  if (y)
    *y = self->cy;
  if (radius)
    *radius = self->centre_radius;
}

double
rei_network_map_get_ring_radius (ReiNetworkMap *self,
                                 guint          ring)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), 0);
  g_return_val_if_fail (ring < 3, 0);
  return self->radius * ring_share[ring];
}

guint
rei_network_map_get_max_referrals (ReiNetworkMap *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), 0);
  return self->max_referrals;
}

guint
rei_network_map_get_total_referrals (ReiNetworkMap *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), 0);
  return self->total_referrals;
}

int
rei_network_map_hit_test (ReiNetworkMap *self,
                          double         x,
                          double         y)
{
  /* A small node is hard to point at: a few units around it count too. */
  const double tolerance = 3.0;
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (REI_IS_NETWORK_MAP (self), -1);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const ReiMapNode *node = &g_array_index (self->nodes, ReiMapNode, i);
      double dx = x - node->x, dy = y - node->y;
      double d2 = dx * dx + dy * dy;
      double reach = node->radius + tolerance;

      if (d2 <= reach * reach && d2 < best)
        {
          best = d2;
          found = (int) i;
        }
    }
  return found;
}

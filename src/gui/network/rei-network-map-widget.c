/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-network-map-widget.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rei-partner.h"
#include "rei-store-network.h"

/* A name is drawn beside its node only when its ring leaves this much room per node (about a
 * line of text), so that 300 partners give a readable map, not a black ring; the others are
 * named on hover. */
#define LABEL_MIN_SLOT 15.0
#define LABEL_MAX_CHARS 28
#define LABEL_SIZE 11.0
#define LEGEND_SIZE 11.0

struct _ReiNetworkMapWidget
{
  GtkWidget      parent_instance;

  GPtrArray     *partners;      /* ReiPartner* */
  GHashTable    *counts;        /* partner id → count, may be NULL */
  char          *area;
  char          *centre_label;
  ReiNetworkMap *map;
  GskRenderNode *picture;       /* everything but the hovered node, as one image at the
                                 * widget's scale; NULL when stale */
  int            hovered;       /* node index, -1 for none */
  GCancellable  *counting;      /* the running count, if any */
};

G_DEFINE_FINAL_TYPE (ReiNetworkMapWidget, rei_network_map_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HOVERED,
  PROP_LOADING,
  N_PROPS
};

enum {
  PARTNER_ACTIVATED,
  COUNTS_LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GdkRGBA
rgba (const ReiMapColour *c,
      double              alpha)
{
  return (GdkRGBA) { c->r, c->g, c->b, alpha };
}

static void
invalidate (ReiNetworkMapWidget *self)
{
  g_clear_pointer (&self->picture, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_hovered (ReiNetworkMapWidget *self,
             int                  index)
{
  if (self->hovered == index)
    return;
  self->hovered = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED]);
}

static void
rebuild (ReiNetworkMapWidget *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_clear_object (&self->map);
  if (self->partners != NULL)
    {
      self->map = rei_network_map_new (self->partners, self->counts, self->area,
                                       MAX (width, 100), MAX (height, 100));
      if (self->centre_label != NULL)
        rei_network_map_set_centre_label (self->map, self->centre_label);
    }
  set_hovered (self, -1);
  invalidate (self);
}

static PangoLayout *
make_layout (ReiNetworkMapWidget *self,
             const char          *text,
             double               size,
             gboolean             bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
append_circle (GtkSnapshot   *snapshot,
               double         x,
               double         y,
               double         radius,
               const GdkRGBA *fill,
               double         border,
               const GdkRGBA *border_colour)
{
  GskRoundedRect circle;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius);

  gsk_rounded_rect_init_from_rect (&circle, &bounds, radius);
  if (fill != NULL)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &circle);
      gtk_snapshot_append_color (snapshot, fill, &bounds);
      gtk_snapshot_pop (snapshot);
    }
  if (border > 0)
    {
      float widths[4] = { border, border, border, border };
      GdkRGBA colours[4] = { *border_colour, *border_colour, *border_colour, *border_colour };

      gtk_snapshot_append_border (snapshot, &circle, widths, colours);
    }
}

/* A line from the centre to (x, y) as a rotated rectangle: no path API is needed for it. */
static void
append_link (GtkSnapshot   *snapshot,
             double         cx,
             double         cy,
             double         x,
             double         y,
             double         width,
             const GdkRGBA *colour)
{
  double length = hypot (x - cx, y - cy);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
  gtk_snapshot_rotate (snapshot, atan2 (y - cy, x - cx) * 180 / G_PI);
  gtk_snapshot_append_color (snapshot, colour,
                             &GRAPHENE_RECT_INIT (0, -width / 2, length, width));
  gtk_snapshot_restore (snapshot);
}

static char *
short_name (const char *name)
{
  if (g_utf8_strlen (name, -1) <= LABEL_MAX_CHARS)
    return g_strdup (name);
  {
    g_autofree char *head = g_utf8_substring (name, 0, LABEL_MAX_CHARS - 1);

    return g_strconcat (g_strchomp (head), "…", NULL);
  }
}

static gboolean
overlaps (GArray                *taken,
          const graphene_rect_t *rect)
{
  for (guint i = 0; i < taken->len; i++)
    if (graphene_rect_intersection (&g_array_index (taken, graphene_rect_t, i), rect, NULL))
      return TRUE;
  return FALSE;
}

/* The name beside its node where it hides neither another name nor a node: first outside the
 * node along its spoke (so that the names of a ring fan out; left of the node on the left half,
 * centred near the top and bottom), then below, then above it.  A name that fits nowhere is left
 * to the hover. */
static void
append_node_label (ReiNetworkMapWidget *self,
                   GtkSnapshot         *snapshot,
                   const ReiMapNode    *node,
                   GArray              *taken)
{
  static const GdkRGBA ink = { 0.15, 0.15, 0.15, 1 };
  g_autofree char *text = short_name (node->name);
  g_autoptr(PangoLayout) layout = make_layout (self, text, LABEL_SIZE, FALSE);
  double gap = node->radius + 3;
  double c = cos (node->angle);
  double s = sin (node->angle);
  graphene_rect_t candidates[3];
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (fabs (c) < 0.35)
    candidates[0] = GRAPHENE_RECT_INIT (node->x + gap * c - w / 2.0,
                                        s > 0 ? node->y + gap * s : node->y + gap * s - h, w, h);
  else
    candidates[0] = GRAPHENE_RECT_INIT (c < 0 ? node->x + gap * c - w : node->x + gap * c,
                                        node->y + gap * s - h / 2.0, w, h);
  candidates[1] = GRAPHENE_RECT_INIT (node->x - w / 2.0, node->y + node->radius + 1, w, h);
  candidates[2] = GRAPHENE_RECT_INIT (node->x - w / 2.0, node->y - node->radius - 1 - h, w, h);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (!overlaps (taken, &candidates[i]))
      {
        static const GdkRGBA halo = { 1, 1, 1, 0.8 };

        /* A light backing keeps the name readable where a link crosses it. */
        g_array_append_val (taken, candidates[i]);
        gtk_snapshot_append_color (snapshot, &halo, &candidates[i]);
        append_text (snapshot, layout, candidates[i].origin.x, candidates[i].origin.y, &ink);
        return;
      }
}

static void
append_legend (ReiNetworkMapWidget *self,
               GtkSnapshot         *snapshot)
{
  static const GdkRGBA ink = { 0.15, 0.15, 0.15, 1 };
  static const GdkRGBA panel = { 1, 1, 1, 0.85 };
  const char * const *sectors = rei_partner_sectors ();
  g_autofree char *links = NULL;
  const char *lines[2];
  double y = 8;
  guint s;

  links = g_strdup_printf (_("Line width: referrals in the period (widest %u, all %u)"),
                           rei_network_map_get_max_referrals (self->map),
                           rei_network_map_get_total_referrals (self->map));
  lines[0] = _("Rings from the centre: type A, type B, type C");
  lines[1] = links;

  gtk_snapshot_append_color (snapshot, &panel, &GRAPHENE_RECT_INIT (4, 4, 250, 16 * 6 + 8));
  for (s = 0; sectors[s] != NULL; s++, y += 16)
    {
      ReiMapColour c = rei_network_map_sector_colour (sectors[s]);
      GdkRGBA colour = rgba (&c, 1);
      g_autoptr(PangoLayout) layout = make_layout (self, rei_partner_sector_label (sectors[s]),
                                                   LEGEND_SIZE, FALSE);

      gtk_snapshot_append_color (snapshot, &colour, &GRAPHENE_RECT_INIT (10, y + 2, 10, 10));
      append_text (snapshot, layout, 26, y, &ink);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++, y += 16)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, lines[i], LEGEND_SIZE, FALSE);

      append_text (snapshot, layout, 10, y, &ink);
    }
}

static GskRenderNode *
build_base (ReiNetworkMapWidget *self)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA ring_colour = { 0.6, 0.6, 0.6, 0.5 };
  static const GdkRGBA centre_colour = { 0.18, 0.20, 0.25, 1 };
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  ReiMapColour link = rei_network_map_link_colour ();
  GdkRGBA link_colour = rgba (&link, 0.75);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  gboolean labelled[3];
  double cx, cy, radius;
  guint n = rei_network_map_get_n_nodes (self->map);

  rei_network_map_get_centre (self->map, &cx, &cy, &radius);
  {
    graphene_rect_t legend = GRAPHENE_RECT_INIT (4, 4, 250, 16 * 6 + 8);
    graphene_rect_t centre = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);

    g_array_append_val (taken, legend);
    g_array_append_val (taken, centre);
  }
  gtk_snapshot_append_color (snapshot, &white,
                             &GRAPHENE_RECT_INIT (0, 0, rei_network_map_get_width (self->map),
                                                  rei_network_map_get_height (self->map)));
  for (guint r = 0; r < 3; r++)
    {
      double ring_radius = rei_network_map_get_ring_radius (self->map, r);
      guint in_ring = 0;

      append_circle (snapshot, cx, cy, ring_radius, NULL, 1, &ring_colour);
      for (guint i = 0; i < n; i++)
        in_ring += rei_network_map_get_node (self->map, i)->ring == r;
      labelled[r] = in_ring == 0 || 2 * G_PI * ring_radius / in_ring >= LABEL_MIN_SLOT;
    }

  for (guint i = 0; i < n; i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (self->map, i);

      if (node->link_width > 0)
        append_link (snapshot, cx, cy, node->x, node->y, node->link_width, &link_colour);
    }
  for (guint i = 0; i < n; i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (self->map, i);
      GdkRGBA fill = rgba (&node->colour, 1);
      graphene_rect_t box = GRAPHENE_RECT_INIT (node->x - node->radius, node->y - node->radius,
                                                2 * node->radius, 2 * node->radius);

      append_circle (snapshot, node->x, node->y, node->radius, &fill, 1, &white);
      g_array_append_val (taken, box);
    }
  /* Names after every node is known, the inner rings first: type A partners are the fewest and
   * the closest to the centre's work. */
  for (guint r = 0; r < 3; r++)
    for (guint i = 0; labelled[r] && i < n; i++)
      {
        const ReiMapNode *node = rei_network_map_get_node (self->map, i);

        if (node->ring == r)
          append_node_label (self, snapshot, node, taken);
      }

  append_circle (snapshot, cx, cy, radius, &centre_colour, 0, NULL);
  {
    g_autoptr(PangoLayout) layout = make_layout (self, rei_network_map_get_centre_label (self->map),
                                                 CLAMP (radius * 0.3, 8, 14), TRUE);
    int w, h;

    pango_layout_set_width (layout, (int) (radius * 1.8) * PANGO_SCALE);
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_get_pixel_size (layout, &w, &h);
    append_text (snapshot, layout, cx - w / 2.0, cy - h / 2.0, &white);
  }

  append_legend (self, snapshot);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The static map as one picture: drawn once into an image (at the widget's scale) and kept as
 * a cairo node that paints that image.  A cached tree of nodes would not do: GTK 4.8's cairo
 * renderer walks every node of a tree to repaint even the few pixels a hover changes, which at
 * 300 partners (their links, circles and names) cost 10–40 ms a hover; and a texture node is
 * copied out of its texture on every frame.  The image is painted as it is, clipped to what
 * changed; the GL renderer uploads it once. */
static GskRenderNode *
render_picture (ReiNetworkMapWidget *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double width = rei_network_map_get_width (self->map);
  double height = rei_network_map_get_height (self->map);
  g_autoptr(GskRenderNode) base = build_base (self);
  cairo_surface_t *image;
  GskRenderNode *picture;
  cairo_t *cr;

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width * scale),
                                      ceil (height * scale));
  cr = cairo_create (image);
  cairo_scale (cr, scale, scale);
  gsk_render_node_draw (base, cr);
  cairo_destroy (cr);

  picture = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gsk_cairo_node_get_draw_context (picture);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return picture;
}

/* The hovered node ringed, its whole name and its referrals in a box beside it. */
static void
append_hover (ReiNetworkMapWidget *self,
              GtkSnapshot         *snapshot)
{
  static const GdkRGBA ink = { 0.1, 0.1, 0.1, 1 };
  static const GdkRGBA box = { 1, 1, 1, 0.95 };
  const ReiMapNode *node = rei_network_map_get_node (self->map, self->hovered);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double x, y;
  int w, h;

  append_circle (snapshot, node->x, node->y, node->radius + 3, NULL, 2.5, &ink);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%u referral in the period",
                                       "%s\n%u referrals in the period", node->referrals),
                          node->name, node->referrals);
  layout = make_layout (self, text, 12, FALSE);
  pango_layout_get_pixel_size (layout, &w, &h);
  /* Over the node's own name, which it repeats in full. */
  x = node->x + node->radius + 2;
  if (x + w + 12 > width)
    x = node->x - node->radius - 2 - w - 12;
  y = MAX (4, node->y - h / 2.0 - 4);
  {
    GskRoundedRect rect;
    float widths[4] = { 1, 1, 1, 1 };
    GdkRGBA colours[4] = { ink, ink, ink, ink };

    gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w + 12, h + 8), 4);
    gtk_snapshot_push_rounded_clip (snapshot, &rect);
    gtk_snapshot_append_color (snapshot, &box, &rect.bounds);
    gtk_snapshot_pop (snapshot);
    gtk_snapshot_append_border (snapshot, &rect, widths, colours);
  }
  append_text (snapshot, layout, x + 6, y + 4, &ink);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              ReiNetworkMapWidget      *self)
{
  rei_network_map_widget_pointer_at (self, x, y);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             ReiNetworkMapWidget      *self)
{
  set_hovered (self, -1);
}

static void
on_scale_factor_changed_cb (ReiNetworkMapWidget *self)
{
  invalidate (self);
}

static void
on_released_cb (GtkGestureClick     *gesture,
                int                  n_press,
                double               x,
                double               y,
                ReiNetworkMapWidget *self)
{
  rei_network_map_widget_click_at (self, x, y);
}

static gboolean
on_query_tooltip_cb (ReiNetworkMapWidget *self,
                     int                  x,
                     int                  y,
                     gboolean             keyboard,
                     GtkTooltip          *tooltip)
{
  int index;

  if (self->map == NULL || keyboard)
    return FALSE;
  index = rei_network_map_hit_test (self->map, x, y);
  if (index < 0)
    return FALSE;
  gtk_tooltip_set_text (tooltip, rei_network_map_get_node (self->map, index)->name);
  return TRUE;
}

static void
rei_network_map_widget_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  ReiNetworkMapWidget *self = REI_NETWORK_MAP_WIDGET (widget);

  if (self->map == NULL)
    return;
  if (self->picture == NULL)
    self->picture = render_picture (self);
  gtk_snapshot_append_node (snapshot, self->picture);
  if (self->hovered >= 0 && (guint) self->hovered < rei_network_map_get_n_nodes (self->map))
    append_hover (self, snapshot);
}

static void
rei_network_map_widget_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  ReiNetworkMapWidget *self = REI_NETWORK_MAP_WIDGET (widget);

  if (self->map != NULL
      && ((int) rei_network_map_get_width (self->map) != width
          || (int) rei_network_map_get_height (self->map) != height))
    {
      rei_network_map_set_size (self->map, MAX (width, 100), MAX (height, 100));
      set_hovered (self, -1);
      invalidate (self);
    }
}

static void
rei_network_map_widget_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  *minimum = 300;
  *natural = 600;
}

static void
rei_network_map_widget_dispose (GObject *object)
{
  ReiNetworkMapWidget *self = REI_NETWORK_MAP_WIDGET (object);

  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_pointer (&self->picture, gsk_render_node_unref);
  g_clear_object (&self->map);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->centre_label, g_free);
  G_OBJECT_CLASS (rei_network_map_widget_parent_class)->dispose (object);
}

static void
rei_network_map_widget_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ReiNetworkMapWidget *self = REI_NETWORK_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_HOVERED:
      g_value_set_int64 (value, rei_network_map_widget_get_hovered (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->counting != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_network_map_widget_class_init (ReiNetworkMapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_network_map_widget_dispose;
  object_class->get_property = rei_network_map_widget_get_property;
  widget_class->snapshot = rei_network_map_widget_snapshot;
  widget_class->size_allocate = rei_network_map_widget_size_allocate;
  widget_class->measure = rei_network_map_widget_measure;

  properties[PROP_HOVERED] =
    g_param_spec_int64 ("hovered-partner", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PARTNER_ACTIVATED] =
    g_signal_new ("partner-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[COUNTS_LOADED] =
    g_signal_new ("counts-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "network-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rei_network_map_widget_init (ReiNetworkMapWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hovered = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the local reintegration network"), -1);
}

GtkWidget *
rei_network_map_widget_new (void)
{
  return g_object_new (REI_TYPE_NETWORK_MAP_WIDGET, NULL);
}

void
rei_network_map_widget_set_partners (ReiNetworkMapWidget *self,
                                     GPtrArray           *partners)
{
  g_return_if_fail (REI_IS_NETWORK_MAP_WIDGET (self));

  g_clear_pointer (&self->partners, g_ptr_array_unref);
  self->partners = partners != NULL ? g_ptr_array_ref (partners) : NULL;
  rebuild (self);
}

void
rei_network_map_widget_set_area (ReiNetworkMapWidget *self,
                                 const char          *area)
{
  g_return_if_fail (REI_IS_NETWORK_MAP_WIDGET (self));

  if (g_strcmp0 (self->area, area) == 0)
    return;
  g_free (self->area);
  self->area = g_strdup (area);
  rebuild (self);
}

const char *
rei_network_map_widget_get_area (ReiNetworkMapWidget *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP_WIDGET (self), NULL);
  return self->area;
}

void
rei_network_map_widget_set_counts (ReiNetworkMapWidget *self,
                                   GHashTable          *counts)
{
  g_return_if_fail (REI_IS_NETWORK_MAP_WIDGET (self));

  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = counts != NULL ? g_hash_table_ref (counts) : NULL;
  if (self->map != NULL)
    rei_network_map_set_counts (self->map, self->counts);
  invalidate (self);
}

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ReiNetworkMapWidget) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = rei_store_count_referrals_finish (REI_STORE (source), result,
                                                                   &error);

  /* A newer period replaced this one: its own answer will come. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->counting);
  if (counts != NULL)
    rei_network_map_widget_set_counts (self, counts);
  else
    g_warning ("Cannot count the referrals: %s", error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_signal_emit (self, signals[COUNTS_LOADED], 0);
}

void
rei_network_map_widget_load_counts (ReiNetworkMapWidget *self,
                                    ReiStore            *store,
                                    const char          *from_iso,
                                    const char          *to_iso)
{
  g_return_if_fail (REI_IS_NETWORK_MAP_WIDGET (self));
  g_return_if_fail (REI_IS_STORE (store));

  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  self->counting = g_cancellable_new ();

  rei_store_count_referrals_async (store, from_iso, to_iso, self->counting, on_counted_cb,
                                   g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
rei_network_map_widget_get_loading (ReiNetworkMapWidget *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP_WIDGET (self), FALSE);
  return self->counting != NULL;
}

void
rei_network_map_widget_set_centre_label (ReiNetworkMapWidget *self,
                                         const char          *label)
{
  g_return_if_fail (REI_IS_NETWORK_MAP_WIDGET (self));

  g_free (self->centre_label);
  self->centre_label = g_strdup (label);
  if (self->map != NULL && label != NULL)
    rei_network_map_set_centre_label (self->map, label);
  invalidate (self);
}

ReiNetworkMap *
rei_network_map_widget_get_map (ReiNetworkMapWidget *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP_WIDGET (self), NULL);
  return self->map;
}

gint64
rei_network_map_widget_get_hovered (ReiNetworkMapWidget *self)
{
  g_return_val_if_fail (REI_IS_NETWORK_MAP_WIDGET (self), 0);

  if (self->map == NULL || self->hovered < 0)
    return 0;
  return rei_network_map_get_node (self->map, self->hovered)->partner_id;
}

void
rei_network_map_widget_pointer_at (ReiNetworkMapWidget *self,
                                   double               x,
                                   double               y)
{
  g_return_if_fail (REI_IS_NETWORK_MAP_WIDGET (self));

  if (self->map != NULL)
    set_hovered (self, rei_network_map_hit_test (self->map, x, y));
}

gint64
rei_network_map_widget_click_at (ReiNetworkMapWidget *self,
                                 double               x,
                                 double               y)
{
  int index;
  gint64 id;

  g_return_val_if_fail (REI_IS_NETWORK_MAP_WIDGET (self), 0);

  if (self->map == NULL || (index = rei_network_map_hit_test (self->map, x, y)) < 0)
    return 0;
  id = rei_network_map_get_node (self->map, index)->partner_id;
  g_signal_emit (self, signals[PARTNER_ACTIVATED], 0, id);
  return id;
}

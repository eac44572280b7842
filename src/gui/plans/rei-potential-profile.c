/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-potential-profile.h"

#define ROW_HEIGHT 24
#define LABEL_WIDTH 230

struct _ReiPotentialProfile
{
  GtkWidget  parent_instance;

  GStrv      labels;
  int       *entry;
  int       *latest;
};

G_DEFINE_FINAL_TYPE (ReiPotentialProfile, rei_potential_profile, GTK_TYPE_WIDGET)

static void
rei_potential_profile_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  ReiPotentialProfile *self = REI_POTENTIAL_PROFILE (widget);
  guint n = self->labels ? g_strv_length (self->labels) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = LABEL_WIDTH + 200;
  else
    *minimum = *natural = (int) n * ROW_HEIGHT;
}

static void
rei_potential_profile_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  ReiPotentialProfile *self = REI_POTENTIAL_PROFILE (widget);
  int width = gtk_widget_get_width (widget);
  double bars = MAX (width - LABEL_WIDTH - 60, 50);
  GdkRGBA grey = { 0.6, 0.6, 0.59, 1 }, accent = { 0.11, 0.44, 0.85, 1 }, tick = { 0.5, 0.5, 0.5, 0.25 };
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint i = 0; self->labels && self->labels[i]; i++)
    {
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, self->labels[i]);
      g_autofree char *change = NULL;
      g_autoptr(PangoLayout) change_layout = NULL;
      double y = i * ROW_HEIGHT;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + 3));
      gtk_snapshot_append_layout (snapshot, label, &fg);
      gtk_snapshot_restore (snapshot);

      for (int s = 0; s <= 5; s++)
        gtk_snapshot_append_color (snapshot, &tick,
                                   &GRAPHENE_RECT_INIT (LABEL_WIDTH + bars * s / 5.0, y + 2, 1, ROW_HEIGHT - 6));
      if (self->entry[i] > 0)
        gtk_snapshot_append_color (snapshot, &grey,
                                   &GRAPHENE_RECT_INIT (LABEL_WIDTH, y + 4, bars * self->entry[i] / 5.0, 7));
      if (self->latest[i] > 0)
        gtk_snapshot_append_color (snapshot, &accent,
                                   &GRAPHENE_RECT_INIT (LABEL_WIDTH, y + 12, bars * self->latest[i] / 5.0, 7));
      if (self->entry[i] > 0 && self->latest[i] > 0)
        {
          change = g_strdup_printf ("%+d", self->latest[i] - self->entry[i]);
          change_layout = gtk_widget_create_pango_layout (widget, change);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (LABEL_WIDTH + bars + 12, y + 3));
          gtk_snapshot_append_layout (snapshot, change_layout, &fg);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
rei_potential_profile_finalize (GObject *object)
{
  ReiPotentialProfile *self = REI_POTENTIAL_PROFILE (object);

  g_strfreev (self->labels);
  g_free (self->entry);
  g_free (self->latest);
  G_OBJECT_CLASS (rei_potential_profile_parent_class)->finalize (object);
}

static void
rei_potential_profile_class_init (ReiPotentialProfileClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rei_potential_profile_finalize;
  widget_class->measure = rei_potential_profile_measure;
  widget_class->snapshot = rei_potential_profile_snapshot;
  gtk_widget_class_set_css_name (widget_class, "potentialprofile");
}

static void
rei_potential_profile_init (ReiPotentialProfile *self)
{
}

GtkWidget *
rei_potential_profile_new (void)
{
  return g_object_new (REI_TYPE_POTENTIAL_PROFILE, NULL);
}

void
rei_potential_profile_set (ReiPotentialProfile *self,
                           const char * const  *labels,
                           const int           *entry,
                           const int           *latest)
{
  guint n;

  g_return_if_fail (REI_IS_POTENTIAL_PROFILE (self));

  n = labels ? g_strv_length ((char **) labels) : 0;
  g_strfreev (self->labels);
  self->labels = g_strdupv ((char **) labels);
  g_free (self->entry);
  g_free (self->latest);
  self->entry = g_memdup2 (entry, sizeof (int) * MAX (n, 1));
  self->latest = g_memdup2 (latest, sizeof (int) * MAX (n, 1));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
rei_potential_profile_get_latest (ReiPotentialProfile *self,
                                  guint                index)
{
  g_return_val_if_fail (REI_IS_POTENTIAL_PROFILE (self), 0);
  return self->labels && index < g_strv_length (self->labels) ? self->latest[index] : 0;
}

int
rei_potential_profile_get_entry (ReiPotentialProfile *self,
                                 guint                index)
{
  g_return_val_if_fail (REI_IS_POTENTIAL_PROFILE (self), 0);
  return self->labels && index < g_strv_length (self->labels) ? self->entry[index] : 0;
}

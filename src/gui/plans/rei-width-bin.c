/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-width-bin.h"

struct _ReiWidthBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (ReiWidthBin, rei_width_bin, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CHILD, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GtkSizeRequestMode
rei_width_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rei_width_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  ReiWidthBin *self = REI_WIDTH_BIN (widget);

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;
  gtk_widget_measure (self->child, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, NULL, NULL);
}

static void
rei_width_bin_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ReiWidthBin *self = REI_WIDTH_BIN (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
rei_width_bin_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ReiWidthBin *self = REI_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_width_bin_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ReiWidthBin *self = REI_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      rei_width_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_width_bin_dispose (GObject *object)
{
  ReiWidthBin *self = REI_WIDTH_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (rei_width_bin_parent_class)->dispose (object);
}

static void
rei_width_bin_class_init (ReiWidthBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_width_bin_dispose;
  object_class->get_property = rei_width_bin_get_property;
  object_class->set_property = rei_width_bin_set_property;
  widget_class->get_request_mode = rei_width_bin_get_request_mode;
  widget_class->measure = rei_width_bin_measure;
  widget_class->size_allocate = rei_width_bin_size_allocate;

  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rei_width_bin_init (ReiWidthBin *self)
{
}

GtkWidget *
rei_width_bin_new (void)
{
  return g_object_new (REI_TYPE_WIDTH_BIN, NULL);
}

GtkWidget *
rei_width_bin_get_child (ReiWidthBin *self)
{
  g_return_val_if_fail (REI_IS_WIDTH_BIN (self), NULL);
  return self->child;
}

void
rei_width_bin_set_child (ReiWidthBin *self,
                         GtkWidget   *child)
{
  g_return_if_fail (REI_IS_WIDTH_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

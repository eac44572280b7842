/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-resident-row.h"

struct _ReiResidentRow
{
  GObject      parent_instance;

  ReiResident *resident;
};

G_DEFINE_FINAL_TYPE (ReiResidentRow, rei_resident_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESIDENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rei_resident_row_dispose (GObject *object)
{
  ReiResidentRow *self = REI_RESIDENT_ROW (object);

  g_clear_object (&self->resident);

  G_OBJECT_CLASS (rei_resident_row_parent_class)->dispose (object);
}

static void
rei_resident_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReiResidentRow *self = REI_RESIDENT_ROW (object);

  switch (prop_id)
    {
    case PROP_RESIDENT:
      g_value_set_object (value, self->resident);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReiResidentRow *self = REI_RESIDENT_ROW (object);

  switch (prop_id)
    {
    case PROP_RESIDENT:
      rei_resident_row_set_resident (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_row_class_init (ReiResidentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rei_resident_row_dispose;
  object_class->get_property = rei_resident_row_get_property;
  object_class->set_property = rei_resident_row_set_property;

  properties[PROP_RESIDENT] =
    g_param_spec_object ("resident", NULL, NULL, REI_TYPE_RESIDENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rei_resident_row_init (ReiResidentRow *self)
{
}

ReiResidentRow *
rei_resident_row_new (ReiResident *resident)
{
  g_return_val_if_fail (REI_IS_RESIDENT (resident), NULL);

  return g_object_new (REI_TYPE_RESIDENT_ROW, "resident", resident, NULL);
}

ReiResident *
rei_resident_row_get_resident (ReiResidentRow *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_ROW (self), NULL);

  return self->resident;
}

void
rei_resident_row_set_resident (ReiResidentRow *self,
                               ReiResident    *resident)
{
  g_return_if_fail (REI_IS_RESIDENT_ROW (self));
  g_return_if_fail (REI_IS_RESIDENT (resident));

  /* A resident read again is a new object even for the same person: it may have been edited. */
  if (g_set_object (&self->resident, resident))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDENT]);
}

gint64
rei_resident_row_get_id (ReiResidentRow *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_ROW (self), 0);

  return self->resident != NULL ? rei_resident_get_id (self->resident) : 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-partner.h"
#include "rei-service.h"

struct _ReiService
{
  GObject  parent_instance;

  gint64   id;
  gint64   partner_id;
  char    *fields[REI_SERVICE_N_FIELDS];
  int      capacity;
  gint64   cost_grosze;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (ReiService, rei_service, G_TYPE_OBJECT)

static void
rei_service_finalize (GObject *object)
{
  ReiService *self = REI_SERVICE (object);

  for (guint i = 0; i < REI_SERVICE_N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (rei_service_parent_class)->finalize (object);
}

static void
rei_service_class_init (ReiServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_service_finalize;
}

static void
rei_service_init (ReiService *self)
{
  self->capacity = -1;
  self->cost_grosze = -1;
  self->active = TRUE;
}

ReiService *
rei_service_new (void)
{
  ReiService *self = g_object_new (REI_TYPE_SERVICE, NULL);

  self->fields[REI_SERVICE_GROUP] = g_strdup ("B");
  self->fields[REI_SERVICE_SUBTYPE] = g_strdup ("dopasowana");
  return self;
}

gint64
rei_service_get_id (ReiService *self)
{
  g_return_val_if_fail (REI_IS_SERVICE (self), 0);
  return self->id;
}

void
rei_service_set_id (ReiService *self,
                    gint64      id)
{
  g_return_if_fail (REI_IS_SERVICE (self));
  self->id = id;
}

gint64
rei_service_get_partner_id (ReiService *self)
{
  g_return_val_if_fail (REI_IS_SERVICE (self), 0);
  return self->partner_id;
}

void
rei_service_set_partner_id (ReiService *self,
                            gint64      partner_id)
{
  g_return_if_fail (REI_IS_SERVICE (self));
  self->partner_id = MAX (partner_id, 0);
}

const char *
rei_service_get_text (ReiService      *self,
                      ReiServiceField  field)
{
  g_return_val_if_fail (REI_IS_SERVICE (self), NULL);
  g_return_val_if_fail (field < REI_SERVICE_N_FIELDS, NULL);
  return self->fields[field];
}

void
rei_service_set_text (ReiService      *self,
                      ReiServiceField  field,
                      const char      *value)
{
  char *copy = NULL;

  g_return_if_fail (REI_IS_SERVICE (self));
  g_return_if_fail (field < REI_SERVICE_N_FIELDS);

  if (value != NULL)
    {
      copy = g_strstrip (g_strdup (value));
      if (*copy == '\0')
        g_clear_pointer (&copy, g_free);
    }
  g_free (self->fields[field]);
  self->fields[field] = copy;
}

const char *
rei_service_get_name (ReiService *self)
{
  return rei_service_get_text (self, REI_SERVICE_NAME);
}

int
rei_service_get_capacity (ReiService *self)
{
  g_return_val_if_fail (REI_IS_SERVICE (self), -1);
  return self->capacity;
}

void
rei_service_set_capacity (ReiService *self,
                          int         capacity)
{
  g_return_if_fail (REI_IS_SERVICE (self));
  self->capacity = capacity < 0 ? -1 : capacity;
}

gint64
rei_service_get_cost_grosze (ReiService *self)
{
  g_return_val_if_fail (REI_IS_SERVICE (self), -1);
  return self->cost_grosze;
}

void
rei_service_set_cost_grosze (ReiService *self,
                             gint64      cost)
{
  g_return_if_fail (REI_IS_SERVICE (self));
  self->cost_grosze = cost < 0 ? -1 : cost;
}

gboolean
rei_service_get_active (ReiService *self)
{
  g_return_val_if_fail (REI_IS_SERVICE (self), FALSE);
  return self->active;
}

void
rei_service_set_active (ReiService *self,
                        gboolean    active)
{
  g_return_if_fail (REI_IS_SERVICE (self));
  self->active = !!active;
}

gboolean
rei_service_check (ReiService  *self,
                   GError     **error)
{
  const char *group, *subtype;

  g_return_val_if_fail (REI_IS_SERVICE (self), FALSE);

  group = self->fields[REI_SERVICE_GROUP];
  subtype = self->fields[REI_SERVICE_SUBTYPE];
  if (self->fields[REI_SERVICE_NAME] == NULL)
    {
      g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                           _("Enter the name of the service."));
      return FALSE;
    }
  if (g_strcmp0 (group, "A") != 0 && g_strcmp0 (group, "B") != 0)
    {
      g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                           _("A service belongs to group A or B."));
      return FALSE;
    }
  /* The brochure divides only group B into universal and tailored services. */
  if (g_str_equal (group, "A"))
    g_clear_pointer (&self->fields[REI_SERVICE_SUBTYPE], g_free);
  else if (g_strcmp0 (subtype, "powszechna") != 0 && g_strcmp0 (subtype, "dopasowana") != 0)
    {
      g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                           _("A group B service is either universal or tailored."));
      return FALSE;
    }
  return TRUE;
}


/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

/* Costs are grosze: rei_money_parse() and rei_money_format() (base/rei-money.h). */
#include "rei-money.h"

G_BEGIN_DECLS

/* A row of the service catalogue: group A (building agency: social work, CIS/KIS services,
 * therapy, life-skills trainings) or B (overcoming barriers), B either universal ("powszechna")
 * or tailored ("dopasowana"); its area (social_area), the dimension of reintegration potential
 * it works on (potential_dimension), its provider (a partner, or none yet), capacity and cost
 * where known. */
typedef enum
{
  REI_SERVICE_NAME,
  REI_SERVICE_GROUP,          /* "A" or "B" */
  REI_SERVICE_SUBTYPE,        /* "powszechna", "dopasowana", NULL for group A */
  REI_SERVICE_AREA,
  REI_SERVICE_DIMENSION,
  REI_SERVICE_DESCRIPTION,
  REI_SERVICE_SOURCE,         /* "broszura" for the seeded rows */
  REI_SERVICE_PROVIDER_NAME,  /* read from the partner; not stored with the service */
  REI_SERVICE_N_FIELDS
} ReiServiceField;

#define REI_TYPE_SERVICE (rei_service_get_type ())
G_DECLARE_FINAL_TYPE (ReiService, rei_service, REI, SERVICE, GObject)

ReiService  *rei_service_new              (void);

gint64       rei_service_get_id           (ReiService      *self);
void         rei_service_set_id           (ReiService      *self,
                                           gint64           id);
/* 0 when nobody provides it yet. */
gint64       rei_service_get_partner_id   (ReiService      *self);
void         rei_service_set_partner_id   (ReiService      *self,
                                           gint64           partner_id);
const char  *rei_service_get_text         (ReiService      *self,
                                           ReiServiceField  field);
void         rei_service_set_text         (ReiService      *self,
                                           ReiServiceField  field,
                                           const char      *value);
const char  *rei_service_get_name         (ReiService      *self);
/* Places, -1 when unknown. */
int          rei_service_get_capacity     (ReiService      *self);
void         rei_service_set_capacity     (ReiService      *self,
                                           int              capacity);
/* In grosze (1/100 zł), -1 when unknown: money is never a float. */
gint64       rei_service_get_cost_grosze  (ReiService      *self);
void         rei_service_set_cost_grosze  (ReiService      *self,
                                           gint64           cost);
gboolean     rei_service_get_active       (ReiService      *self);
void         rei_service_set_active       (ReiService      *self,
                                           gboolean         active);

/* A name, group A or B, a subtype only for B and one of the two; area and dimension codes are
 * checked by the store.  Errors in REI_PARTNER_ERROR. */
gboolean     rei_service_check            (ReiService      *self,
                                           GError         **error);


G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A resident sent to a partner (to one of its services when the catalogue has it), from a plan
 * or directly: what plans draw on and the map weighs. */
typedef enum
{
  REI_REFERRAL_REFERRED_ON,    /* ISO date, required */
  REI_REFERRAL_STARTED_ON,
  REI_REFERRAL_ENDED_ON,
  REI_REFERRAL_STATUS,         /* "planowane", "w_trakcie", "zakonczone", "przerwane" */
  REI_REFERRAL_RESULT,
  /* Read with the referral for lists; not stored with it. */
  REI_REFERRAL_PARTNER_NAME,
  REI_REFERRAL_SERVICE_NAME,
  REI_REFERRAL_RESIDENT_NAME,
  REI_REFERRAL_N_FIELDS
} ReiReferralField;

#define REI_TYPE_REFERRAL (rei_referral_get_type ())
G_DECLARE_FINAL_TYPE (ReiReferral, rei_referral, REI, REFERRAL, GObject)

/* Planned, referred today is for the caller to fill. */
ReiReferral *rei_referral_new              (gint64            resident_id,
                                            gint64            partner_id);

gint64       rei_referral_get_id           (ReiReferral      *self);
void         rei_referral_set_id           (ReiReferral      *self,
                                            gint64            id);
gint64       rei_referral_get_resident_id  (ReiReferral      *self);
void         rei_referral_set_resident_id  (ReiReferral      *self,
                                            gint64            id);
gint64       rei_referral_get_partner_id   (ReiReferral      *self);
void         rei_referral_set_partner_id   (ReiReferral      *self,
                                            gint64            id);
/* 0: none. */
gint64       rei_referral_get_service_id   (ReiReferral      *self);
void         rei_referral_set_service_id   (ReiReferral      *self,
                                            gint64            id);
gint64       rei_referral_get_plan_id      (ReiReferral      *self);
void         rei_referral_set_plan_id      (ReiReferral      *self,
                                            gint64            id);
const char  *rei_referral_get_text         (ReiReferral      *self,
                                            ReiReferralField  field);
void         rei_referral_set_text         (ReiReferral      *self,
                                            ReiReferralField  field,
                                            const char       *value);

/* A resident and a partner, a referral date, a known status, ISO dates in order (dates in
 * dd.mm.rrrr are normalised).  Errors in REI_PARTNER_ERROR. */
gboolean     rei_referral_check            (ReiReferral      *self,
                                            GError          **error);
gboolean     rei_referral_status_is_valid  (const char       *status);
const char  *rei_referral_status_label     (const char       *status);
const char * const *rei_referral_statuses  (void);

G_END_DECLS

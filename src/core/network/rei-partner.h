/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REI_PARTNER_ERROR (rei_partner_error_quark ())

typedef enum
{
  REI_PARTNER_ERROR_INVALID,   /* a field a clerk must correct; the message names it */
} ReiPartnerError;

/* A partner's text fields, in the order of the address-book sheet.  Codes are stored as the
 * sheet writes them: type "A"/"B"/"C", level "lokalny"/"regionalny"/"krajowy", sector
 * "publiczny"/"pozarzadowy"/"prywatny"/"koscielny"; dates ISO. */
typedef enum
{
  REI_PARTNER_NAME,
  REI_PARTNER_TYPE,
  REI_PARTNER_LEVEL,
  REI_PARTNER_SECTOR,
  REI_PARTNER_NIP,
  REI_PARTNER_REGON,
  REI_PARTNER_ADDRESS,
  REI_PARTNER_CONTACT_PERSON,
  REI_PARTNER_PHONE,
  REI_PARTNER_EMAIL,
  REI_PARTNER_AGREEMENT_DATE,
  REI_PARTNER_AGREEMENT_SCOPE,
  REI_PARTNER_AGREEMENT_UNTIL,
  REI_PARTNER_NOTES,
  REI_PARTNER_N_FIELDS
} ReiPartnerField;

#define REI_TYPE_PARTNER (rei_partner_get_type ())
G_DECLARE_FINAL_TYPE (ReiPartner, rei_partner, REI, PARTNER, GObject)

GQuark       rei_partner_error_quark     (void);

/* A new partner of type B, local, public sector: the most common entry in an office. */
ReiPartner  *rei_partner_new             (void);
ReiPartner  *rei_partner_copy            (ReiPartner      *self);

gint64       rei_partner_get_id          (ReiPartner      *self);
void         rei_partner_set_id          (ReiPartner      *self,
                                          gint64           id);
/* NULL for an empty field. */
const char  *rei_partner_get_text        (ReiPartner      *self,
                                          ReiPartnerField  field);
/* Trims; an empty string stores NULL. */
void         rei_partner_set_text        (ReiPartner      *self,
                                          ReiPartnerField  field,
                                          const char      *value);
const char  *rei_partner_get_name        (ReiPartner      *self);
/* 'A', 'B' or 'C' ('\0' when unset or invalid). */
char         rei_partner_get_type_letter (ReiPartner      *self);
/* Area codes (social_area), never NULL, sorted. */
const char * const *rei_partner_get_areas (ReiPartner     *self);
void         rei_partner_set_areas       (ReiPartner      *self,
                                          const char * const *areas);
gboolean     rei_partner_has_area        (ReiPartner      *self,
                                          const char      *area);

/* Field checks a form, the import and the CLI share: a name, a known type, level and sector,
 * NIP and REGON through the identifier validators (stored as digits only), an e-mail with an
 * '@', ISO dates with the agreement's end not before its start.  Area codes are checked by the
 * store, which knows the table. */
gboolean     rei_partner_check           (ReiPartner      *self,
                                          GError         **error);

/* The codes and their labels, for forms and help. */
gboolean     rei_partner_type_is_valid   (const char      *type);
gboolean     rei_partner_level_is_valid  (const char      *level);
gboolean     rei_partner_sector_is_valid (const char      *sector);
const char  *rei_partner_type_label      (const char      *type);
/* The brochure's definition of the type (seed 000), shown as help. */
const char  *rei_partner_type_help       (const char      *type);
const char  *rei_partner_level_label     (const char      *level);
const char  *rei_partner_sector_label    (const char      *sector);
/* NULL-terminated lists of codes, in the order a form offers them. */
const char * const *rei_partner_types    (void);
const char * const *rei_partner_levels   (void);
const char * const *rei_partner_sectors  (void);

G_END_DECLS

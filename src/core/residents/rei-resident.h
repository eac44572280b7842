/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT (rei_resident_get_type ())

G_DECLARE_FINAL_TYPE (ReiResident, rei_resident, REI, RESIDENT, GObject)

/* The text fields of a resident, in the order of their GObject properties.  Every one of them is
 * a nullable UTF-8 string; dates are ISO 8601 ("2019-05-31"); codes ("ukonczenie", "zatrudnienie")
 * refer to rows of the lookup tables in the database, not to an enum, because the law changes. */
typedef enum
{
  REI_RESIDENT_FIRST_NAME,
  REI_RESIDENT_SURNAME,
  REI_RESIDENT_PESEL,
  REI_RESIDENT_SEX,
  REI_RESIDENT_BIRTH_DATE,
  REI_RESIDENT_PHONE,
  REI_RESIDENT_EMAIL,
  REI_RESIDENT_ADDRESS,
  REI_RESIDENT_POSTCODE,
  REI_RESIDENT_TOWN,
  REI_RESIDENT_COMMUNE,
  REI_RESIDENT_DEGURBA,
  REI_RESIDENT_CITIZENSHIP,
  REI_RESIDENT_REFERRAL,
  REI_RESIDENT_REFERRAL_DATE,
  REI_RESIDENT_CONTRACT_NUMBER,
  REI_RESIDENT_EDUCATION,
  REI_RESIDENT_LABOUR_STATUS,
  REI_RESIDENT_DISABILITY,
  REI_RESIDENT_ADMISSION_DATE,
  REI_RESIDENT_END_DATE,
  REI_RESIDENT_END_REASON,
  REI_RESIDENT_OUTCOME,
  REI_RESIDENT_OUTCOME_DATE,
  REI_RESIDENT_WORKSHOP,
  REI_RESIDENT_CONSENT_BASIS,
  REI_RESIDENT_CONSENT_DATE,
  REI_RESIDENT_NOTES,
  REI_RESIDENT_N_FIELDS
} ReiResidentField;

ReiResident        *rei_resident_new              (void);
ReiResident        *rei_resident_copy             (ReiResident      *self);

gint64              rei_resident_get_id           (ReiResident      *self);
void                rei_resident_set_id           (ReiResident      *self,
                                                   gint64            id);
const char         *rei_resident_get              (ReiResident      *self,
                                                   ReiResidentField  field);
void                rei_resident_set              (ReiResident      *self,
                                                   ReiResidentField  field,
                                                   const char       *value);
const char         *rei_resident_field_name       (ReiResidentField  field);
gboolean            rei_resident_field_from_name  (const char       *name,
                                                   ReiResidentField *field);
/* Whether a field holds a date (stored as yyyy-mm-dd, shown and typed as dd.mm.yyyy). */
gboolean            rei_resident_field_is_date    (ReiResidentField  field);

const char         *rei_resident_get_first_name   (ReiResident      *self);
const char         *rei_resident_get_surname      (ReiResident      *self);
const char         *rei_resident_get_pesel        (ReiResident      *self);
char               *rei_resident_dup_full_name    (ReiResident      *self);

int                 rei_resident_get_extension_months (ReiResident  *self);
void                rei_resident_set_extension_months (ReiResident  *self,
                                                       int           months);
gboolean            rei_resident_get_anonymised   (ReiResident      *self);
void                rei_resident_set_anonymised   (ReiResident      *self,
                                                   gboolean          anonymised);

/* Codes of the eligibility categories (art. 1 ust. 2) and titles of the funding projects. */
const char * const *rei_resident_get_categories   (ReiResident      *self);
void                rei_resident_set_categories   (ReiResident      *self,
                                                   const char * const *codes);
const char * const *rei_resident_get_projects     (ReiResident      *self);
void                rei_resident_set_projects     (ReiResident      *self,
                                                   const char * const *titles);
/* The same, taking the list instead of copying it (an importer's freshly split cell). */
void                rei_resident_take_categories  (ReiResident      *self,
                                                   GStrv             codes);
void                rei_resident_take_projects    (ReiResident      *self,
                                                   GStrv             titles);

G_END_DECLS

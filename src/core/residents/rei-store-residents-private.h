/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the residents' store files only (rows, list query, GDPR). */

#include "rei-store-private.h"
#include "rei-store-residents.h"

G_BEGIN_DECLS

/* Resident rows are read with their categories, projects and workshop in one statement, so a
 * list of 100 000 costs one query, not three hundred thousand.  Columns as
 * rei_store_resident_from_row() reads them. */
#define REI_RESIDENT_SELECT \
  "SELECT r.id, r.first_name, r.surname, r.pesel, r.sex, r.birth_date, r.phone, r.email, " \
  "r.address, r.postcode, r.town, r.commune, r.citizenship, r.referral, r.referral_date, " \
  "r.contract_number, r.education, r.labour_status, r.disability, r.admission_date, r.end_date, " \
  "r.end_reason, r.outcome, r.outcome_date, w.name, r.consent_basis, r.consent_date, r.notes, " \
  "r.extension_months, r.anonymised, " \
  "(SELECT group_concat(category_code, '|') FROM resident_category WHERE resident_id = r.id), " \
  "(SELECT group_concat(p.title, '|') FROM resident_project rp JOIN project p ON p.id = rp.project_id " \
  "  WHERE rp.resident_id = r.id) " \
  "FROM resident r LEFT JOIN workshop w ON w.id = r.workshop_id "

/* What a write of a whole resident row is, for the audit trail and for the id. */
typedef enum
{
  REI_RESIDENT_SAVE_NORMAL,     /* insert when the id is 0, update otherwise */
  REI_RESIDENT_SAVE_RESTORE,    /* insert again under the id it had before it was deleted */
  REI_RESIDENT_SAVE_ANONYMISE,  /* an update that the audit trail names as such */
} ReiResidentSaveMode;

ReiResident *rei_store_resident_from_row     (sqlite3_stmt        *stmt);
/* Inside the caller's transaction: validates, writes the row, its lists and the audit row. */
gboolean     rei_store_write_resident        (ReiStore            *self,
                                              ReiResident         *resident,
                                              ReiResidentSaveMode  mode,
                                              GError             **error);

G_END_DECLS

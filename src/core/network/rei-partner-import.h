/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-csv-reader.h"
#include "rei-importer.h"
#include "rei-partner.h"
#include "rei-progress.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The import of the centre's address book, with the residents import's guarantees: all or
 * nothing, every bad row as FILE:LINE (ReiImportProblem, REI_IMPORT_ERROR), UTF-8 or CP1250,
 * ';' or ','; a re-import updates the partners it names (matched by NIP, else by name) and the
 * columns a sheet lacks keep what is stored.
 *
 * Columns, in any order, header names folded ("Osoba kontaktowa" = osoba_kontaktowa): nazwa
 * and typ (required), poziom, sektor, obszary (codes joined by '|'), nip, regon, adres,
 * osoba_kontaktowa, telefon, email, umowa_od, umowa_do, zakres_umowy, uwagi.
 *
 * Built on ReiCsvReader until the shared importer frame is in src/core/base; the row logic
 * (rei_partner_import_row) does not depend on how the sheet is read. */

/* "Osoba kontaktowa", "OSOBA-KONTAKTOWA", "osoba_kontaktowa" → "osoba_kontaktowa". */
char        *rei_partner_import_fold_header (const char        *header);
/* The field a folded header names; FALSE for an unknown column ("obszary" is
 * REI_PARTNER_N_FIELDS). */
gboolean     rei_partner_import_column      (const char        *folded,
                                             ReiPartnerField   *field);

/* One row: finds the partner it names in the store (NIP, else name), applies the cells of the
 * columns the sheet has (an empty cell clears the field) and checks the result, area codes
 * included.  Returns the partner to save (id 0 for a new one) or NULL with a message for the
 * clerk.  columns: the folded headers; values: the row's cells (missing trailing cells are
 * empty). */
ReiPartner  *rei_partner_import_row         (ReiStore            *store,
                                             const char * const  *columns,
                                             GPtrArray           *values,
                                             GError             **error);

#define REI_TYPE_PARTNER_IMPORTER (rei_partner_importer_get_type ())
G_DECLARE_FINAL_TYPE (ReiPartnerImporter, rei_partner_importer, REI, PARTNER_IMPORTER, GObject)

ReiPartnerImporter *rei_partner_importer_new          (ReiStore            *store);
void                rei_partner_importer_set_encoding (ReiPartnerImporter  *self,
                                                       ReiCsvEncoding       encoding);
/* Reads, checks and writes every row in one transaction; on any problem rolls everything back
 * and returns FALSE with REI_IMPORT_ERROR_INVALID (the problems say which lines). */
gboolean            rei_partner_importer_run          (ReiPartnerImporter  *self,
                                                       GBytes              *bytes,
                                                       ReiProgressFunc      progress,
                                                       gpointer             progress_data,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
/* The same, always rolled back: what a preview shows. */
gboolean            rei_partner_importer_validate     (ReiPartnerImporter  *self,
                                                       GBytes              *bytes,
                                                       ReiProgressFunc      progress,
                                                       gpointer             progress_data,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
/* ReiImportProblem*, in line order. */
GPtrArray          *rei_partner_importer_get_problems (ReiPartnerImporter  *self);
/* ReiPartner* as they would be saved, in the file's order (after run or validate). */
GPtrArray          *rei_partner_importer_get_partners (ReiPartnerImporter  *self);
guint               rei_partner_importer_get_n_inserted (ReiPartnerImporter *self);
guint               rei_partner_importer_get_n_updated  (ReiPartnerImporter *self);

G_END_DECLS

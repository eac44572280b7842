/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-csv-reader.h"
#include "rei-sheet-importer.h"
#include "rei-partner.h"
#include "rei-progress.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The import of the centre's address book, with the residents import's guarantees: all or
 * nothing, every bad row as FILE:LINE (ReiImportProblem, REI_IMPORT_ERROR), UTF-8 or CP1250,
 * ';' or ','; a re-import updates the partners it names (matched by NIP, else by name) and the
 * columns a sheet lacks keep what is stored.
 *
 * Columns, in any order, header names folded by the shared frame ("Osoba kontaktowa" =
 * osoba_kontaktowa): nazwa and typ (required), poziom, sektor, obszary (codes joined by '|'),
 * nip, regon, adres, osoba_kontaktowa, telefon, email, umowa_od, umowa_do, zakres_umowy, uwagi.
 *
 * Built on the shared importer frame (rei-sheet-importer.h), which reads, reports and writes
 * in one transaction; this file knows the columns and what a row means.  Every row is checked
 * before anything is written, so a row that repeats the partner of an earlier row (the same
 * stored partner, or the same new one by NIP or name) is found by remembering the earlier
 * rows. */

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
/* Of the good rows of the last file checked (a preview counts as much as a run). */
guint               rei_partner_importer_get_n_inserted (ReiPartnerImporter *self);
guint               rei_partner_importer_get_n_updated  (ReiPartnerImporter *self);

G_END_DECLS

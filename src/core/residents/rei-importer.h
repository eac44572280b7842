/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-sheet-importer.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The residents import on the shared frame (rei-sheet-importer.h), which also defines
 * REI_IMPORT_ERROR and ReiImportProblem.  The file format: a header row with the columns imie,
 * nazwisko (required), pesel, plec, data_urodzenia, kategorie, data_przyjecia, data_zakonczenia,
 * powod_zakonczenia, sytuacja_po, warsztat, projekt, in any order and spelled as offices write
 * them ("Data przyjęcia"); kategorie and projekt hold several values separated by "|".  A
 * person already in the register (same PESEL, or without one the same name and dates) is
 * updated with the columns the file has. */
#define REI_TYPE_IMPORTER (rei_importer_get_type ())

G_DECLARE_FINAL_TYPE (ReiImporter, rei_importer, REI, IMPORTER, GObject)

ReiImporter *rei_importer_new            (ReiStore         *store);
void         rei_importer_set_encoding   (ReiImporter      *self,
                                          ReiCsvEncoding    encoding);
/* Parses and checks the whole file; writes nothing.  Returns FALSE when any row is bad. */
gboolean     rei_importer_validate       (ReiImporter      *self,
                                          GBytes           *bytes,
                                          ReiProgressFunc   progress,
                                          gpointer          progress_data,
                                          GCancellable     *cancellable,
                                          GError          **error);
/* Checks, then writes everything in one transaction, or nothing. */
gboolean     rei_importer_run            (ReiImporter      *self,
                                          GBytes           *bytes,
                                          ReiProgressFunc   progress,
                                          gpointer          progress_data,
                                          GCancellable     *cancellable,
                                          GError          **error);
/* ReiImportProblem*, in line order. */
GPtrArray   *rei_importer_get_problems   (ReiImporter      *self);
/* The residents read from the file (valid after validate or run), for a preview. */
GPtrArray   *rei_importer_get_residents  (ReiImporter      *self);
guint        rei_importer_get_n_inserted (ReiImporter      *self);
guint        rei_importer_get_n_updated  (ReiImporter      *self);

G_END_DECLS

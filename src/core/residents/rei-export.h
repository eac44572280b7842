/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-progress.h"
#include "rei-resident.h"
#include "rei-resident-query.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_EXPORT_ERROR (rei_export_error_quark ())

typedef enum
{
  REI_EXPORT_ERROR_WRITE,   /* the workbook could not be written */
  REI_EXPORT_ERROR_FAILED,
} ReiExportError;

GQuark   rei_export_error_quark   (void);

/* Sheet "Wskaźniki" (Kod | Wskaźnik | Licznik | Mianownik | Wartość) and a sheet listing every
 * graduate of the year with their outcome and the indicators that count them. */
gboolean rei_export_indicators    (ReiStore               *store,
                                   int                     year,
                                   const char             *path,
                                   GError                **error);
/* Sheet "Uczestnicy": the residents matching the query (all when NULL), Polish order. */
gboolean rei_export_residents     (ReiStore               *store,
                                   const ReiResidentQuery *query,
                                   const char             *path,
                                   ReiProgressFunc         progress,
                                   gpointer                progress_data,
                                   GCancellable           *cancellable,
                                   GError                **error);

/* The right of access (GDPR art. 15): everything the register holds about one person — sheet
 * "Dane osobowe" (Pole | Wartość), "Kategorie i projekty" and "Historia zmian" (the audit rows
 * about them).  Writes an "export" row to the audit trail. */
gboolean rei_export_person        (ReiStore               *store,
                                   gint64                  id,
                                   const char             *path,
                                   GError                **error);

G_END_DECLS

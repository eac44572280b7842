/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-progress.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The network workbook: sheets "Partnerzy" (row 1 begins Nazwa | Typ | Poziom | Sektor |
 * Obszary | NIP | REGON), "Usługi" (the catalogue), "Skierowania" (referrals per partner and per
 * type between from_iso and to_iso, NULL for open ends) and "Luki" (areas and dimensions
 * against the services, then the open unmet needs of plans).  Written mode 0600 through a
 * temporary file beside path; an "export" row in the audit trail.  Errors in REI_EXPORT_ERROR
 * or REI_STORE_ERROR. */
gboolean rei_network_export_workbook (ReiStore         *store,
                                      const char       *path,
                                      const char       *from_iso,
                                      const char       *to_iso,
                                      ReiProgressFunc   progress,
                                      gpointer          progress_data,
                                      GCancellable     *cancellable,
                                      GError          **error);

G_END_DECLS

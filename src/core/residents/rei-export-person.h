/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-export-error.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The right of access (GDPR art. 15): everything the register holds about one person — sheet
 * "Dane osobowe" (Pole | Wartość), "Kategorie i projekty" and "Historia zmian" (the audit rows
 * about them).  Writes an "export" row to the audit trail. */
gboolean rei_export_person (ReiStore    *store,
                            gint64       id,
                            const char  *path,
                            GError     **error);

G_END_DECLS

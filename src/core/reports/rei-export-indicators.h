/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-export-error.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The funders' indicators workbook (`reintegra-cli export indicators`); its layout is a
 * contract that tests/core/residents/check-workbook.py holds it to.  Sheet "Wskaźniki":
 * Kod | Wskaźnik | Licznik | Mianownik | Wartość (a formula with its result cached), and "Rok"
 * with the year in G1:H1; sheet "Absolwenci YEAR": every graduate of the year with their
 * outcome and, per indicator, whether it counts them (tak/nie). */
gboolean rei_export_indicators (ReiStore    *store,
                                int          year,
                                const char  *path,
                                GError     **error);

G_END_DECLS

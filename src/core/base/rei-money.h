/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is an integer number of grosze everywhere (database, sums, reports): a float cannot
 * hold 1 025 436,17 zł exactly, and funders check the last grosz. */

#define REI_MONEY_ERROR (rei_money_error_quark ())

typedef enum
{
  REI_MONEY_ERROR_INVALID,
} ReiMoneyError;

GQuark    rei_money_error_quark (void);

/* Reads an amount as Polish spreadsheets write it: "1 025 436,17", "1.025.436,17",
 * "1025436.17", "1025436,17", "1025436", optionally with "zł"; spaces may be no-break spaces.
 * "1.025" (one dot, three digits after it) is refused as ambiguous.  Negative amounts and more
 * than two decimal places are errors. */
gboolean  rei_money_parse       (const char  *text,
                                 gint64      *grosze,
                                 GError     **error);
/* "1 025 436,17 zł" with no-break spaces between thousands, as Polish writes it; "" for a
 * negative amount (-1 is "not known" wherever money is stored).  rei_money_parse() reads it. */
char     *rei_money_format      (gint64       grosze);
/* For a workbook cell: złote as a double, exact to the grosz for any amount below 2^53 grosze. */
double    rei_money_to_double   (gint64       grosze);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are date-only values.  Inside the program and in the database they are ISO 8601 strings
 * ("2019-05-31"), which sort and compare as text and which SQLite's date functions read; people
 * see them as dd.mm.rrrr. */

gboolean  rei_date_parse          (const char *text,
                                   GDate      *date);
char     *rei_date_normalize      (const char *text);
/* Whether text is what rei_date_normalize() makes of it (a valid date written yyyy-mm-dd),
 * without making it: the store checks every date it writes. */
gboolean  rei_date_is_normal      (const char *text);
char     *rei_date_to_iso         (const GDate *date);
char     *rei_date_format_display (const char *iso);
gboolean  rei_date_iso_to_gdate   (const char *iso,
                                   GDate      *date);
char     *rei_date_today_iso      (void);
int       rei_date_year           (const char *iso);

G_END_DECLS

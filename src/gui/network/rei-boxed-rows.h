/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives every row of the boxed lists under root (AdwPreferencesGroup's, those with the
 * "boxed-list" class) one border colour on all four sides, the card's shade of Adwaita's line
 * under the row.  Only that line has a width, so nothing on screen changes; but GTK 4.8's cairo
 * renderer draws a border whose sides differ in colour one side at a time, each clipped to its
 * wedge, and for the first row of a list (rounded at the top) that costs 0.5-0.8 ms of software
 * rasterising each time the row is repainted, against 0.01 ms for a border of one colour.  A
 * click that changes every field of the partner's form repaints the first rows of all its lists.
 * Rows added later are left as they are. */
void rei_boxed_rows_even_borders (GtkWidget *root);

G_END_DECLS

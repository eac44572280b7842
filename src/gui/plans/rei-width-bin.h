/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REI_TYPE_WIDTH_BIN (rei_width_bin_get_type ())

G_DECLARE_FINAL_TYPE (ReiWidthBin, rei_width_bin, REI, WIDTH_BIN, GtkWidget)

/* Holds a page that scrolls vertically and answers how wide it must be without asking for a
 * height.  GtkViewport asks its child's width for the child's whole height; that height
 * changes with every row a list gains, and a page of wrapping labels then measured every one
 * of them again for the new height (tens of milliseconds a frame for a long plan).  A page's
 * width never depends on its height, so the question is passed on without it. */
GtkWidget *rei_width_bin_new       (void);
GtkWidget *rei_width_bin_get_child (ReiWidthBin *self);
void       rei_width_bin_set_child (ReiWidthBin *self,
                                    GtkWidget   *child);

G_END_DECLS

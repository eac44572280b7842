/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tells the user that something they asked for failed: a message dialog with one Close button,
 * transient for the window that holds @parent (none when @parent is NULL or not in a window). */
void rei_error_dialog_show (GtkWidget  *parent,
                            const char *title,
                            const char *message);

G_END_DECLS

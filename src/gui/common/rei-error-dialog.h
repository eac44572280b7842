/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tells why something failed, in a dialog with a Close button over the window of parent. */
void rei_error_dialog_show (GtkWidget  *parent,
                            const char *title,
                            const char *message);

G_END_DECLS

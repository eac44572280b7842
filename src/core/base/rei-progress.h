/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Long work (import, export, demo data) reports how far it is, from 0.0 to 1.0.  It is called
 * on the worker thread; a window hops to the main context before it touches a widget. */
typedef void (*ReiProgressFunc) (double   fraction,
                                 gpointer user_data);

G_END_DECLS

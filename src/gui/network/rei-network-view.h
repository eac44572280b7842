/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_NETWORK_VIEW (rei_network_view_get_type ())

G_DECLARE_FINAL_TYPE (ReiNetworkView, rei_network_view, REI, NETWORK_VIEW, GtkBox)

/* The third view of the window: the local reintegration network.  Pages for the map, the
 * partners, the service catalogue and the gaps, filtered by area and period; beside them the
 * editor of the partner or service chosen.  Reads the store in a worker thread, writes single
 * rows from the forms, imports and exports with ReiBackgroundJob. */
GtkWidget *rei_network_view_new       (void);
void       rei_network_view_set_store (ReiNetworkView *self,
                                       ReiStore       *store);
/* Reads everything again in a worker thread; "loaded" when it is shown. */
void       rei_network_view_refresh   (ReiNetworkView *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REI_TYPE_LIST_RELAY (rei_list_relay_get_type ())

G_DECLARE_FINAL_TYPE (ReiListRelay, rei_list_relay, REI, LIST_RELAY, GObject)

/* A GListModel that shows the rows of another and passes its changes on, except that a change
 * replacing every row (0, n, m) reaches the listeners as two, "all n removed" and then "all m
 * added".  GTK 4.8's list widgets and selection models answer a replacement by looking for the
 * rows they track among all the new ones, one g_list_model_get_item() per row; over a lazy model
 * of 100 000 rows read from a database that is seconds of work on the main thread, and with the
 * two changes there is nothing to look for. */
ReiListRelay *rei_list_relay_new       (GListModel   *model);
GListModel   *rei_list_relay_get_model (ReiListRelay *self);

G_END_DECLS

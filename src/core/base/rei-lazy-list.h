/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REI_TYPE_LAZY_LIST (rei_lazy_list_get_type ())

G_DECLARE_INTERFACE (ReiLazyList, rei_lazy_list, REI, LAZY_LIST, GObject)

/* A GListModel over the result of a query that runs in a worker thread, for tables of thousands
 * of rows (ReiResidentList is one; the window's ReiLazyColumnView shows any of them).
 *
 * Rows belong to positions, not to records: a new result puts the new records into the row
 * objects already held and announces only the change of length at the end, so that a list
 * widget keeps its row widgets and only writes their cells again.  Whoever follows a record
 * across results (a selection) does it by id, between the signals "replacing" (the last moment
 * the positions mean the old result) and "replaced" (the rows show the new one, and
 * items-changed has told of its length). */
struct _ReiLazyListInterface
{
  GTypeInterface parent_iface;

  /* The database id of the row at position, or 0 when out of range; no row object is made. */
  gint64   (*get_id)      (ReiLazyList *self,
                           guint        position);
  /* TRUE while a query runs whose result will replace the rows. */
  gboolean (*get_loading) (ReiLazyList *self);
};

gint64   rei_lazy_list_get_id         (ReiLazyList *self,
                                       guint        position);
gboolean rei_lazy_list_get_loading    (ReiLazyList *self);
/* The position of the row with this id, or G_MAXUINT (GTK_INVALID_LIST_POSITION): a scan of
 * ids in memory, no row object is made. */
guint    rei_lazy_list_find_id        (ReiLazyList *self,
                                       gint64       id);

/* For implementations: around the moment a new result goes into the rows. */
void     rei_lazy_list_emit_replacing (ReiLazyList *self);
void     rei_lazy_list_emit_replaced  (ReiLazyList *self);

G_END_DECLS

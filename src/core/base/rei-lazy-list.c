/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-lazy-list.h"

G_DEFINE_INTERFACE (ReiLazyList, rei_lazy_list, G_TYPE_LIST_MODEL)

enum {
  REPLACING,
  REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rei_lazy_list_default_init (ReiLazyListInterface *iface)
{
  /* A new result is about to go into the rows: the last moment the positions mean the records
   * of the old one (e.g. to remember who is selected). */
  signals[REPLACING] =
    g_signal_new ("replacing", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The rows show the new result, and items-changed has told of its length. */
  signals[REPLACED] =
    g_signal_new ("replaced", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

gint64
rei_lazy_list_get_id (ReiLazyList *self,
                      guint        position)
{
  g_return_val_if_fail (REI_IS_LAZY_LIST (self), 0);

  return REI_LAZY_LIST_GET_IFACE (self)->get_id (self, position);
}

gboolean
rei_lazy_list_get_loading (ReiLazyList *self)
{
  g_return_val_if_fail (REI_IS_LAZY_LIST (self), FALSE);

  return REI_LAZY_LIST_GET_IFACE (self)->get_loading (self);
}

guint
rei_lazy_list_find_id (ReiLazyList *self,
                       gint64       id)
{
  ReiLazyListInterface *iface;
  guint n;

  g_return_val_if_fail (REI_IS_LAZY_LIST (self), G_MAXUINT);

  iface = REI_LAZY_LIST_GET_IFACE (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; id > 0 && i < n; i++)
    if (iface->get_id (self, i) == id)
      return i;
  return G_MAXUINT;
}

void
rei_lazy_list_emit_replacing (ReiLazyList *self)
{
  g_return_if_fail (REI_IS_LAZY_LIST (self));

  g_signal_emit (self, signals[REPLACING], 0);
}

void
rei_lazy_list_emit_replaced (ReiLazyList *self)
{
  g_return_if_fail (REI_IS_LAZY_LIST (self));

  g_signal_emit (self, signals[REPLACED], 0);
}

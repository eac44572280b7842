/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-list-relay.h"

struct _ReiListRelay
{
  GObject     parent_instance;

  GListModel *model;
  /* What the listeners were last told: the model has already changed when it says so. */
  guint       n_items;
};

static void rei_list_relay_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReiListRelay, rei_list_relay, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rei_list_relay_list_model_iface_init))

static void
on_items_changed_cb (ReiListRelay *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  if (position == 0 && removed > 0 && removed == self->n_items && added > 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      self->n_items = added;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
      return;
    }

  self->n_items = self->n_items - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
rei_list_relay_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (REI_LIST_RELAY (model)->model);
}

static guint
rei_list_relay_get_n_items (GListModel *model)
{
  return REI_LIST_RELAY (model)->n_items;
}

static gpointer
rei_list_relay_get_item (GListModel *model,
                         guint       position)
{
  ReiListRelay *self = REI_LIST_RELAY (model);

  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
rei_list_relay_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rei_list_relay_get_item_type;
  iface->get_n_items = rei_list_relay_get_n_items;
  iface->get_item = rei_list_relay_get_item;
}

static void
rei_list_relay_dispose (GObject *object)
{
  ReiListRelay *self = REI_LIST_RELAY (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (rei_list_relay_parent_class)->dispose (object);
}

static void
rei_list_relay_class_init (ReiListRelayClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rei_list_relay_dispose;
}

static void
rei_list_relay_init (ReiListRelay *self)
{
}

ReiListRelay *
rei_list_relay_new (GListModel *model)
{
  ReiListRelay *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (REI_TYPE_LIST_RELAY, NULL);
  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

GListModel *
rei_list_relay_get_model (ReiListRelay *self)
{
  g_return_val_if_fail (REI_IS_LIST_RELAY (self), NULL);

  return self->model;
}

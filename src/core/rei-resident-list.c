/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-resident-list.h"

/* Enough for several screens of rows and the scrolling margin of a GtkColumnView, far fewer than
 * the rows of a big centre's history. */
#define CACHE_SIZE 512

struct _ReiResidentList
{
  GObject           parent_instance;

  ReiStore         *store;
  ReiResidentQuery *query;
  GArray           *ids;           /* gint64, in the query's order */

  /* id → ReiResident, with the ids in the order they were added so that the oldest go first. */
  GHashTable       *cache;
  GQueue            cache_order;

  /* Of the query in flight; NULL when none runs. */
  GCancellable     *cancellable;
};

static void rei_resident_list_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReiResidentList, rei_resident_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rei_resident_list_list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_cache (ReiResidentList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->cache_order, g_free);
}

static void
cache_insert (ReiResidentList *self,
              gint64           id,
              ReiResident     *resident)
{
  gint64 *key;

  while (self->cache_order.length >= CACHE_SIZE)
    {
      g_autofree gint64 *oldest = g_queue_pop_head (&self->cache_order);

      g_hash_table_remove (self->cache, oldest);
    }

  key = g_memdup2 (&id, sizeof id);
  g_queue_push_tail (&self->cache_order, key);
  /* The queue owns the key; the table only borrows it. */
  g_hash_table_insert (self->cache, key, g_object_ref (resident));
}

/* Forgets the query in flight, if any: the thread notices at its next step, and its result is
 * dropped because its cancellable is no longer ours.  A new query (with its own cancellable)
 * starts when loading is TRUE. */
static void
set_loading (ReiResidentList *self,
             gboolean         loading)
{
  gboolean was_loading = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (loading)
    self->cancellable = g_cancellable_new ();

  /* One query replacing another is no change for a spinner or an empty-state page. */
  if (loading != was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
swap_ids (ReiResidentList *self,
          GArray          *ids)
{
  guint old_n = self->ids->len;

  g_array_unref (self->ids);
  self->ids = ids;
  /* The rows may have been edited since they were read: read them again when asked. */
  clear_cache (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, ids->len);
  if (old_n != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  ReiStore         *store;
  ReiResidentQuery *query;
} QueryData;

static void
query_data_free (gpointer data)
{
  QueryData *qd = data;

  g_clear_object (&qd->store);
  rei_resident_query_free (qd->query);
  g_free (qd);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *qd = task_data;
  GError *error = NULL;
  GArray *ids;

  ids = rei_store_query_resident_ids (qd->store, qd->query, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
on_query_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ReiResidentList *self = REI_RESIDENT_LIST (source_object);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = g_task_propagate_pointer (task, &error);

  /* Superseded by a newer query (search as you type) or cancelled: not ours to show. */
  if (g_task_get_cancellable (task) != self->cancellable)
    {
      g_clear_pointer (&ids, g_array_unref);
      return;
    }

  if (ids == NULL)
    {
      set_loading (self, FALSE);
      g_warning ("Cannot list residents: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  /* The rows first, then the end of loading: whoever waits for the latter sees the new rows. */
  swap_ids (self, ids);
  set_loading (self, FALSE);
}

static GType
rei_resident_list_get_item_type (GListModel *model)
{
  return REI_TYPE_RESIDENT;
}

static guint
rei_resident_list_get_n_items (GListModel *model)
{
  return REI_RESIDENT_LIST (model)->ids->len;
}

static gpointer
rei_resident_list_get_item (GListModel *model,
                            guint       position)
{
  ReiResidentList *self = REI_RESIDENT_LIST (model);
  g_autoptr(GError) error = NULL;
  ReiResident *resident;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  resident = g_hash_table_lookup (self->cache, &id);
  if (resident != NULL)
    return g_object_ref (resident);

  resident = rei_store_get_resident (self->store, id, &error);
  if (resident == NULL)
    {
      /* Deleted since the query ran.  A view cannot take NULL inside the range, so it gets an
       * empty row until the next refresh. */
      g_debug ("Resident %" G_GINT64_FORMAT " is gone: %s", id, error->message);
      resident = rei_resident_new ();
      rei_resident_set_id (resident, id);
    }

  cache_insert (self, id, resident);
  return resident;
}

static void
rei_resident_list_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rei_resident_list_get_item_type;
  iface->get_n_items = rei_resident_list_get_n_items;
  iface->get_item = rei_resident_list_get_item;
}

static void
rei_resident_list_dispose (GObject *object)
{
  ReiResidentList *self = REI_RESIDENT_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_cache (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rei_resident_list_parent_class)->dispose (object);
}

static void
rei_resident_list_finalize (GObject *object)
{
  ReiResidentList *self = REI_RESIDENT_LIST (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->query, rei_resident_query_free);

  G_OBJECT_CLASS (rei_resident_list_parent_class)->finalize (object);
}

static void
rei_resident_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReiResidentList *self = REI_RESIDENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, rei_resident_list_get_loading (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ReiResidentList *self = REI_RESIDENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_list_class_init (ReiResidentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rei_resident_list_dispose;
  object_class->finalize = rei_resident_list_finalize;
  object_class->get_property = rei_resident_list_get_property;
  object_class->set_property = rei_resident_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A query failed (the database went away, or is damaged); the list keeps its old rows. */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rei_resident_list_init (ReiResidentList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->query = rei_resident_query_new ();
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_queue_init (&self->cache_order);
}

ReiResidentList *
rei_resident_list_new (ReiStore *store)
{
  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  return g_object_new (REI_TYPE_RESIDENT_LIST, "store", store, NULL);
}

ReiStore *
rei_resident_list_get_store (ReiResidentList *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_LIST (self), NULL);

  return self->store;
}

const ReiResidentQuery *
rei_resident_list_get_query (ReiResidentList *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_LIST (self), NULL);

  return self->query;
}

gboolean
rei_resident_list_get_loading (ReiResidentList *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_LIST (self), FALSE);

  return self->cancellable != NULL;
}

void
rei_resident_list_set_query (ReiResidentList        *self,
                             const ReiResidentQuery *query)
{
  g_autoptr(GTask) task = NULL;
  QueryData *qd;

  g_return_if_fail (REI_IS_RESIDENT_LIST (self));

  if (query != self->query)
    {
      g_clear_pointer (&self->query, rei_resident_query_free);
      self->query = rei_resident_query_copy (query);
    }

  set_loading (self, TRUE);

  qd = g_new0 (QueryData, 1);
  qd->store = g_object_ref (self->store);
  qd->query = rei_resident_query_copy (self->query);

  task = g_task_new (self, self->cancellable, on_query_done_cb, NULL);
  g_task_set_source_tag (task, rei_resident_list_set_query);
  g_task_set_task_data (task, qd, query_data_free);
  g_task_run_in_thread (task, query_thread);
}

gboolean
rei_resident_list_set_query_sync (ReiResidentList        *self,
                                  const ReiResidentQuery *query,
                                  GError                **error)
{
  GArray *ids;

  g_return_val_if_fail (REI_IS_RESIDENT_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (query != self->query)
    {
      g_clear_pointer (&self->query, rei_resident_query_free);
      self->query = rei_resident_query_copy (query);
    }

  set_loading (self, FALSE);

  ids = rei_store_query_resident_ids (self->store, self->query, NULL, error);
  if (ids == NULL)
    return FALSE;

  swap_ids (self, ids);
  return TRUE;
}

void
rei_resident_list_refresh (ReiResidentList *self)
{
  g_return_if_fail (REI_IS_RESIDENT_LIST (self));

  rei_resident_list_set_query (self, self->query);
}

gint64
rei_resident_list_get_id (ReiResidentList *self,
                          guint            position)
{
  g_return_val_if_fail (REI_IS_RESIDENT_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

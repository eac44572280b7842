/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-resident-list.h"
#include "rei-store-residents.h"

/* Enough for several screens of rows and the scrolling margin of a GtkColumnView, far fewer than
 * the rows of a big centre's history.  Rows still held elsewhere are kept beyond it. */
#define CACHE_SIZE 600

/* GTK 4.8's list widgets keep 200 rows (GTK_LIST_VIEW_MAX_LIST_ITEMS) and 2 more on each side
 * around what they show; after a new result the view shows its top, so the people of the first
 * 204 positions are read in the query's thread along with the ids (a few more for good measure:
 * one missing would be read on the main thread, with the 64 after it). */
#define PRELOAD_TOP 208

struct _ReiResidentList
{
  GObject           parent_instance;

  ReiStore         *store;
  ReiResidentQuery *query;
  GArray           *ids;           /* gint64, in the query's order */

  /* position → ReiResidentRow, with the positions in the order their rows were made so that
   * the oldest go first. */
  GHashTable       *rows;
  GQueue            row_order;
  /* position → ReiResident, read with the current result by the query's thread. */
  GHashTable       *preloaded;

  /* Of the query in flight; NULL when none runs. */
  GCancellable     *cancellable;
};

static void rei_resident_list_list_model_iface_init (GListModelInterface *iface);
static void rei_resident_list_lazy_list_iface_init (ReiLazyListInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReiResidentList, rei_resident_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rei_resident_list_list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (REI_TYPE_LAZY_LIST,
                                                      rei_resident_list_lazy_list_iface_init))

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

static GHashTable *
preloaded_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

static void
clear_rows (ReiResidentList *self)
{
  g_hash_table_remove_all (self->rows);
  g_queue_clear (&self->row_order);
}

/* Held by someone besides the list: a row widget, a selection model, a caller.  Such a row has
 * to stay the one object of its position, or its holder would show a person of an old result. */
static gboolean
row_is_held (ReiResidentRow *row)
{
  return g_atomic_int_get (&G_OBJECT (row)->ref_count) > 1;
}

static void
trim_rows (ReiResidentList *self)
{
  guint n = self->row_order.length;

  /* Each position at most once round: a held row goes to the back of the queue. */
  for (guint i = 0; i < n && g_hash_table_size (self->rows) >= CACHE_SIZE; i++)
    {
      gpointer key = g_queue_pop_head (&self->row_order);

      if (row_is_held (g_hash_table_lookup (self->rows, key)))
        g_queue_push_tail (&self->row_order, key);
      else
        g_hash_table_remove (self->rows, key);
    }
}

/* When the view asks for a row whose person nobody has read, the people of the next positions
 * are read along with it in one transaction: after a jump GTK asks for 200 rows one at a time,
 * and a read on its own costs several times its share of a batch. */
#define READ_AHEAD 64

/* The people read ahead that no row has taken yet are let go past this many. */
#define PRELOADED_MAX 1024

/* Reads the people of ids (at positions) in one transaction into table, by position.  One that
 * cannot be read is left out: it is read again, or made an empty row, when asked for. */
static void
read_people (ReiStore   *store,
             GArray     *positions,
             GArray     *ids,
             GHashTable *table)
{
  g_autoptr(GPtrArray) residents =
    rei_store_get_residents (store, (const gint64 *) ids->data, ids->len);

  for (guint i = 0; i < residents->len; i++)
    {
      ReiResident *resident = g_ptr_array_index (residents, i);

      if (resident == NULL)
        continue;
      residents->pdata[i] = NULL;
      g_hash_table_insert (table, GUINT_TO_POINTER (g_array_index (positions, guint, i)),
                           resident);
    }
}

static void
read_ahead (ReiResidentList *self,
            guint            position)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint end = MIN (position + READ_AHEAD, self->ids->len);

  if (g_hash_table_size (self->preloaded) > PRELOADED_MAX)
    g_hash_table_remove_all (self->preloaded);

  for (guint p = position; p < end; p++)
    {
      gpointer key = GUINT_TO_POINTER (p);

      if (p > position
          && (g_hash_table_contains (self->rows, key)
              || g_hash_table_contains (self->preloaded, key)))
        continue;
      g_array_append_val (positions, p);
      g_array_append_val (ids, g_array_index (self->ids, gint64, p));
    }

  read_people (self->store, positions, ids, self->preloaded);
}

/* The person at position of the current result: read by the query's thread, read ahead, or read
 * now.  A row takes them over: the rows are the cache from then on. */
static ReiResident *
dup_resident_at (ReiResidentList *self,
                 guint            position)
{
  g_autoptr(GError) error = NULL;
  gpointer key = GUINT_TO_POINTER (position);
  gint64 id = g_array_index (self->ids, gint64, position);
  ReiResident *resident;

  resident = g_hash_table_lookup (self->preloaded, key);
  if (resident == NULL || rei_resident_get_id (resident) != id)
    {
      read_ahead (self, position);
      resident = g_hash_table_lookup (self->preloaded, key);
    }
  if (resident != NULL && rei_resident_get_id (resident) == id)
    {
      g_hash_table_steal (self->preloaded, key);
      return resident;
    }

  resident = rei_store_get_resident (self->store, id, &error);
  if (resident == NULL)
    {
      /* Deleted since the query ran.  A view cannot take NULL inside the range, so it gets an
       * empty row until the next refresh. */
      g_debug ("Resident %" G_GINT64_FORMAT " is gone: %s", id, error->message);
      resident = rei_resident_new ();
      rei_resident_set_id (resident, id);
    }
  return resident;
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

/* Takes both. */
static void
swap_ids (ReiResidentList *self,
          GArray          *ids,
          GHashTable      *preloaded)
{
  guint old_n = self->ids->len;
  guint new_n = ids->len;
  guint n_rows;

  rei_lazy_list_emit_replacing (REI_LAZY_LIST (self));

  g_array_unref (self->ids);
  self->ids = ids;
  g_hash_table_unref (self->preloaded);
  self->preloaded = preloaded;

  /* The rows held show the person now at their position, read again (they may have been
   * edited).  The others go: made again when asked, which is cheaper than reading them now.
   * Rows past the new end go as well; nothing updates them any more. */
  n_rows = self->row_order.length;
  for (guint i = 0; i < n_rows; i++)
    {
      gpointer key = g_queue_pop_head (&self->row_order);
      guint position = GPOINTER_TO_UINT (key);
      ReiResidentRow *row = g_hash_table_lookup (self->rows, key);

      if (position < new_n && row_is_held (row))
        {
          g_autoptr(ReiResident) resident = dup_resident_at (self, position);

          rei_resident_row_set_resident (row, resident);
          g_queue_push_tail (&self->row_order, key);
        }
      else
        g_hash_table_remove (self->rows, key);
    }

  /* Only the length changes, at the end: a list widget then keeps the rows it has. */
  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  rei_lazy_list_emit_replaced (REI_LAZY_LIST (self));
}

typedef struct
{
  ReiStore         *store;
  ReiResidentQuery *query;
  GArray           *positions;   /* guint: whose people to read with the ids */
} QueryData;

typedef struct
{
  GArray     *ids;
  GHashTable *preloaded;
} QueryResult;

static void
query_data_free (gpointer data)
{
  QueryData *qd = data;

  g_clear_object (&qd->store);
  rei_resident_query_free (qd->query);
  g_clear_pointer (&qd->positions, g_array_unref);
  g_free (qd);
}

static void
query_result_free (gpointer data)
{
  QueryResult *result = data;

  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->preloaded, g_hash_table_unref);
  g_free (result);
}

/* The positions whose people the next result should bring along: the top, where the view goes,
 * and those of the rows held now (e.g. by a list scrolled elsewhere). */
static GArray *
positions_to_preload (ReiResidentList *self)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < PRELOAD_TOP; i++)
    g_array_append_val (positions, i);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position >= PRELOAD_TOP && row_is_held (value))
        g_array_append_val (positions, position);
    }
  return positions;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *qd = task_data;
  GError *error = NULL;
  QueryResult *result;
  GArray *ids;

  ids = rei_store_query_resident_ids (qd->store, qd->query, cancellable, &error);
  if (ids == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (QueryResult, 1);
  result->ids = ids;
  result->preloaded = preloaded_new ();
  /* In batches of READ_AHEAD: a query made stale by the next keystroke stops at the next one,
   * and lets go of the read connection between them. */
  for (guint start = 0; start < qd->positions->len; start += READ_AHEAD)
    {
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (g_cancellable_is_cancelled (cancellable))
        break;
      for (guint i = start; i < MIN (start + READ_AHEAD, qd->positions->len); i++)
        {
          guint position = g_array_index (qd->positions, guint, i);

          if (position < ids->len)
            {
              g_array_append_val (positions, position);
              g_array_append_val (wanted, g_array_index (ids, gint64, position));
            }
        }
      read_people (qd->store, positions, wanted, result->preloaded);
    }
  g_task_return_pointer (task, result, query_result_free);
}

static void
on_query_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ReiResidentList *self = REI_RESIDENT_LIST (source_object);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  QueryResult *qr;

  qr = g_task_propagate_pointer (task, &error);

  /* Superseded by a newer query (search as you type) or cancelled: not ours to show. */
  if (g_task_get_cancellable (task) != self->cancellable)
    {
      g_clear_pointer (&qr, query_result_free);
      return;
    }

  if (qr == NULL)
    {
      set_loading (self, FALSE);
      g_warning ("Cannot list residents: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  /* The rows first, then the end of loading: whoever waits for the latter sees the new rows. */
  swap_ids (self, g_steal_pointer (&qr->ids), g_steal_pointer (&qr->preloaded));
  query_result_free (qr);
  set_loading (self, FALSE);
}

static GType
rei_resident_list_get_item_type (GListModel *model)
{
  return REI_TYPE_RESIDENT_ROW;
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
  g_autoptr(ReiResident) resident = NULL;
  ReiResidentRow *row;

  if (position >= self->ids->len)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  trim_rows (self);
  resident = dup_resident_at (self, position);
  row = rei_resident_row_new (resident);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  g_queue_push_tail (&self->row_order, GUINT_TO_POINTER (position));
  return g_object_ref (row);
}

static void
rei_resident_list_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rei_resident_list_get_item_type;
  iface->get_n_items = rei_resident_list_get_n_items;
  iface->get_item = rei_resident_list_get_item;
}

static gint64
rei_resident_list_lazy_get_id (ReiLazyList *list,
                               guint        position)
{
  return rei_resident_list_get_id (REI_RESIDENT_LIST (list), position);
}

static gboolean
rei_resident_list_lazy_get_loading (ReiLazyList *list)
{
  return rei_resident_list_get_loading (REI_RESIDENT_LIST (list));
}

/* "replacing" and "replaced" are ReiLazyList's signals. */
static void
rei_resident_list_lazy_list_iface_init (ReiLazyListInterface *iface)
{
  iface->get_id = rei_resident_list_lazy_get_id;
  iface->get_loading = rei_resident_list_lazy_get_loading;
}

static void
rei_resident_list_dispose (GObject *object)
{
  ReiResidentList *self = REI_RESIDENT_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_rows (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rei_resident_list_parent_class)->dispose (object);
}

static void
rei_resident_list_finalize (GObject *object)
{
  ReiResidentList *self = REI_RESIDENT_LIST (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->preloaded, g_hash_table_unref);
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
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->row_order);
  self->preloaded = preloaded_new ();
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
  qd->positions = positions_to_preload (self);

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

  swap_ids (self, ids, preloaded_new ());
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

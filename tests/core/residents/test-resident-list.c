/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-demo.h"
#include "rei-resident-list.h"
#include "rei-store-residents.h"
#include "test-util.h"

#define N_DEMO 700

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static void
on_loading_cb (ReiResidentList *list,
               GParamSpec      *pspec,
               GMainLoop       *loop)
{
  if (!rei_resident_list_get_loading (list))
    g_main_loop_quit (loop);
}

static void
wait_loaded (ReiResidentList *list)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gulong handler;

  if (!rei_resident_list_get_loading (list))
    return;
  handler = g_signal_connect (list, "notify::loading", G_CALLBACK (on_loading_cb), loop);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (list, handler);
}

static ReiStore *
demo_store (const char *dir,
            guint       n)
{
  g_autoptr(GError) error = NULL;
  ReiStore *store = rei_test_store_new (dir);

  g_assert_true (rei_demo_fill (store, n, 5, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

typedef struct
{
  guint replacing;
  guint replaced;
  guint n_at_replacing;   /* the length the list had when told of a new result */
} Replacements;

static void
on_replacing_cb (ReiResidentList *list,
                 Replacements    *r)
{
  r->replacing++;
  r->n_at_replacing = g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
on_replaced_cb (ReiResidentList *list,
                Replacements    *r)
{
  r->replaced++;
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static ReiResident *
resident_at (ReiResidentList *list,
             guint            position)
{
  g_autoptr(ReiResidentRow) row = g_list_model_get_item (G_LIST_MODEL (list), position);

  return g_object_ref (rei_resident_row_get_resident (row));
}

static void
set_search (ReiResidentList  *list,
            ReiResidentQuery *query,
            const char       *search)
{
  g_free (query->search);
  query->search = g_strdup (search);
  rei_resident_list_set_query (list, query);
  wait_loaded (list);
}

static void
test_list_async (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentList) list = NULL;
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(ReiResidentRow) first = NULL;
  g_autofree char *surname = NULL;
  ItemsChanged changed = { 0 };
  Replacements replacements = { 0 };
  char *dir = rei_test_tmpdir_new ();
  guint n;

  store = demo_store (dir, N_DEMO);
  list = rei_resident_list_new (store);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  g_signal_connect (list, "replacing", G_CALLBACK (on_replacing_cb), &replacements);
  g_signal_connect (list, "replaced", G_CALLBACK (on_replaced_cb), &replacements);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == REI_TYPE_RESIDENT_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* The query answers on the main context, in one change from the old rows to the new. */
  rei_resident_list_set_query (list, query);
  g_assert_true (rei_resident_list_get_loading (list));
  g_assert_cmpuint (changed.count, ==, 0);
  wait_loaded (list);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, N_DEMO);
  g_assert_cmpuint (replacements.replacing, ==, 1);
  g_assert_cmpuint (replacements.replaced, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_DEMO);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_DEMO));

  /* Search as you type: the first query is superseded before it answers, and only the last
   * one's rows arrive. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (rei_resident_row_get_id (first), ==, rei_resident_list_get_id (list, 0));
  surname = g_strdup (rei_resident_get_surname (rei_resident_row_get_resident (first)));
  query->search = g_strdup ("zzzz-nobody");
  rei_resident_list_set_query (list, query);
  changed.count = 0;
  replacements.replacing = 0;
  set_search (list, query, surname);
  /* A superseded query may not even notify: let any stray result arrive before counting. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (replacements.replacing, ==, 1);
  g_assert_cmpuint (replacements.n_at_replacing, ==, N_DEMO);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, N_DEMO);
  g_assert_cmpstr (rei_resident_list_get_query (list)->search, ==, surname);

  /* The rows belong to positions: only the end of the list changed... */
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, n);
  g_assert_cmpuint (changed.removed, ==, N_DEMO - n);
  g_assert_cmpuint (changed.added, ==, 0);
  /* ...and the row held at the top is still the row of the top, showing the new first. */
  {
    g_autoptr(ReiResidentRow) top = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_true (top == first);
    g_assert_cmpint (rei_resident_row_get_id (first), ==, rei_resident_list_get_id (list, 0));
    g_assert_cmpstr (rei_resident_get_surname (rei_resident_row_get_resident (first)), ==,
                     surname);
  }

  /* Back to everybody: the rows come back at the end, the top row stays the same object. */
  changed.count = 0;
  set_search (list, query, NULL);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, n);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, N_DEMO - n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_DEMO);
  for (guint i = 0; i < N_DEMO; i++)
    {
      g_autoptr(ReiResidentRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (rei_resident_row_get_id (row), ==, rei_resident_list_get_id (list, i));
      g_assert_true (i > 0 || row == first);
    }

  rei_test_tmpdir_free (dir);
}

/* A new order of the same people is no structural change at all: the rows held take their new
 * people and say so, and nothing is added or removed. */
static void
test_list_resort (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentList) list = NULL;
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (gint64));
  ItemsChanged changed = { 0 };
  guint notified = 0;
  guint differ = 0;
  char *dir = rei_test_tmpdir_new ();

  store = demo_store (dir, N_DEMO);
  list = rei_resident_list_new (store);
  g_assert_true (rei_resident_list_set_query_sync (list, query, &error));
  g_assert_no_error (error);

  /* What a list widget holds: the rows of a screen. */
  for (guint i = 0; i < 50; i++)
    {
      ReiResidentRow *row = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = rei_resident_row_get_id (row);

      g_signal_connect (row, "notify::resident", G_CALLBACK (on_notify_cb), &notified);
      g_ptr_array_add (held, row);
      g_array_append_val (before, id);
    }

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  query->sort = REI_RESIDENT_SORT_PESEL;
  query->descending = TRUE;
  rei_resident_list_set_query (list, query);
  wait_loaded (list);
  g_assert_cmpuint (changed.count, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_DEMO);
  /* Every held row is told, read afresh even where the person stayed. */
  g_assert_cmpuint (notified, ==, held->len);
  for (guint i = 0; i < held->len; i++)
    {
      ReiResidentRow *row = g_ptr_array_index (held, i);
      g_autoptr(ReiResidentRow) again = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (again == row);
      g_assert_cmpint (rei_resident_row_get_id (row), ==, rei_resident_list_get_id (list, i));
      differ += rei_resident_row_get_id (row) != g_array_index (before, gint64, i);
    }
  g_assert_cmpuint (differ, >, 0);
  for (guint i = 1; i < held->len; i++)
    {
      ReiResident *a = rei_resident_row_get_resident (g_ptr_array_index (held, i - 1));
      ReiResident *b = rei_resident_row_get_resident (g_ptr_array_index (held, i));

      g_assert_cmpstr (rei_resident_get_pesel (a), >, rei_resident_get_pesel (b));
    }

  for (guint i = 0; i < held->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (held, i), &notified);
  rei_test_tmpdir_free (dir);
}

static void
test_list_cache (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResidentRow) a = NULL;
  g_autoptr(ReiResidentRow) b = NULL;
  g_autoptr(ReiResidentRow) c = NULL;
  ReiResidentRow *loose;
  char *dir = rei_test_tmpdir_new ();

  store = demo_store (dir, N_DEMO);
  list = rei_resident_list_new (store);
  g_assert_true (rei_resident_list_set_query_sync (list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_DEMO);

  /* A row asked for twice is made once... */
  a = g_list_model_get_item (G_LIST_MODEL (list), 0);
  b = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (a == b);
  g_assert_cmpint (rei_resident_row_get_id (a), ==, rei_resident_list_get_id (list, 0));

  /* ...but the list does not keep every row it ever made: after scrolling through all of them
   * a row nobody held is gone, while the held one is still the row of its position. */
  loose = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_object_add_weak_pointer (G_OBJECT (loose), (gpointer *) &loose);
  g_object_unref (loose);
  g_assert_nonnull (loose);
  for (guint i = 2; i < N_DEMO; i++)
    {
      g_autoptr(ReiResidentRow) r = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (rei_resident_row_get_id (r), ==, rei_resident_list_get_id (list, i));
    }
  g_assert_null (loose);
  c = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (c == a);

  rei_test_tmpdir_free (dir);
}

static void
test_list_refresh (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentList) list = NULL;
  g_autoptr(ReiResident) resident = NULL;
  g_autoptr(ReiResident) shown = NULL;
  g_autoptr(ReiResidentRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pesel = rei_test_pesel (1980, 1, 2, 17, 'K');
  char *dir = rei_test_tmpdir_new ();

  store = rei_test_store_new (dir);
  list = rei_resident_list_new (store);
  rei_resident_list_refresh (list);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* The list is a snapshot until asked again. */
  resident = rei_test_resident_new ("Zofia", "Żak", pesel);
  g_assert_true (rei_store_save_resident (store, resident, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  rei_resident_list_refresh (list);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (rei_resident_list_get_id (list, 0), ==, rei_resident_get_id (resident));

  /* An edit shows in the row held once the list is read again: the row is the same, its
   * person is read afresh. */
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  rei_resident_set (resident, REI_RESIDENT_SURNAME, "Żakowa");
  g_assert_true (rei_store_save_resident (store, resident, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rei_resident_get_surname (rei_resident_row_get_resident (row)), ==, "Żak");
  rei_resident_list_refresh (list);
  wait_loaded (list);
  shown = resident_at (list, 0);
  g_assert_true (shown == rei_resident_row_get_resident (row));
  g_assert_cmpstr (rei_resident_get_surname (shown), ==, "Żakowa");

  /* A person deleted leaves the list when it is read again. */
  g_assert_true (rei_store_delete_resident (store, rei_resident_get_id (resident), &error));
  g_assert_no_error (error);
  rei_resident_list_refresh (list);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  rei_test_tmpdir_free (dir);
}

/* A row nobody has read (a jump down the list) brings the people of the next positions with it;
 * each row still shows the person of its position, and one deleted since the query is an empty
 * row with its id rather than someone else. */
static void
test_list_read_ahead (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentList) list = NULL;
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  char *dir = rei_test_tmpdir_new ();
  gint64 gone;

  store = demo_store (dir, N_DEMO);
  list = rei_resident_list_new (store);
  rei_resident_list_set_query (list, query);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_DEMO);

  gone = rei_resident_list_get_id (list, 520);
  g_assert_true (rei_store_delete_resident (store, gone, &error));
  g_assert_no_error (error);

  /* Down from the middle, then up from further down, as scrolling asks. */
  for (guint position = 500; position < 600; position++)
    {
      g_autoptr(ReiResident) resident = resident_at (list, position);

      g_assert_cmpint (rei_resident_get_id (resident), ==, rei_resident_list_get_id (list, position));
      if (rei_resident_get_id (resident) == gone)
        g_assert_null (rei_resident_get_surname (resident));
      else
        g_assert_nonnull (rei_resident_get_surname (resident));
    }
  for (guint position = N_DEMO; position-- > 620;)
    {
      g_autoptr(ReiResident) resident = resident_at (list, position);
      g_autoptr(ReiResident) stored =
        rei_store_get_resident (store, rei_resident_list_get_id (list, position), &error);

      g_assert_no_error (error);
      g_assert_cmpint (rei_resident_get_id (resident), ==, rei_resident_get_id (stored));
      g_assert_cmpstr (rei_resident_get_surname (resident), ==, rei_resident_get_surname (stored));
    }

  g_clear_object (&list);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/resident-list/async", test_list_async);
  g_test_add_func ("/resident-list/resort", test_list_resort);
  g_test_add_func ("/resident-list/cache", test_list_cache);
  g_test_add_func ("/resident-list/refresh", test_list_refresh);
  g_test_add_func ("/resident-list/read-ahead", test_list_read_ahead);

  return g_test_run ();
}

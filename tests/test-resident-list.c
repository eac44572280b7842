/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-demo.h"
#include "rei-resident-list.h"
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

static void
test_list_async (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentList) list = NULL;
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(ReiResident) first = NULL;
  ItemsChanged changed = { 0 };
  char *dir = rei_test_tmpdir_new ();
  guint n;

  store = demo_store (dir, N_DEMO);
  list = rei_resident_list_new (store);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == REI_TYPE_RESIDENT);
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
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_DEMO);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_DEMO));

  /* Search as you type: the first query is superseded before it answers, and only the last
   * one's rows arrive. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  query->search = g_strdup ("zzzz-nobody");
  rei_resident_list_set_query (list, query);
  g_free (query->search);
  query->search = g_strdup (rei_resident_get_surname (first));
  rei_resident_list_set_query (list, query);
  changed.count = 0;
  wait_loaded (list);
  /* A superseded query may not even notify: let any stray result arrive before counting. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed.count, ==, 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, N_DEMO);
  g_assert_cmpuint (changed.removed, ==, N_DEMO);
  g_assert_cmpuint (changed.added, ==, n);
  g_assert_cmpstr (rei_resident_list_get_query (list)->search, ==,
                   rei_resident_get_surname (first));

  rei_test_tmpdir_free (dir);
}

static void
test_list_cache (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) a = NULL;
  g_autoptr(ReiResident) b = NULL;
  g_autoptr(ReiResident) c = NULL;
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
  g_assert_cmpint (rei_resident_get_id (a), ==, rei_resident_list_get_id (list, 0));

  /* ...but the list does not keep every row it ever made: after scrolling through all of them
   * the first is made afresh, with the same content. */
  for (guint i = 1; i < N_DEMO; i++)
    {
      g_autoptr(ReiResident) r = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (rei_resident_get_id (r), ==, rei_resident_list_get_id (list, i));
    }
  c = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (c != a);
  g_assert_cmpint (rei_resident_get_id (c), ==, rei_resident_get_id (a));
  g_assert_cmpstr (rei_resident_get_pesel (c), ==, rei_resident_get_pesel (a));

  rei_test_tmpdir_free (dir);
}

static void
test_list_refresh (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentList) list = NULL;
  g_autoptr(ReiResident) resident = NULL;
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

  rei_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/resident-list/async", test_list_async);
  g_test_add_func ("/resident-list/cache", test_list_cache);
  g_test_add_func ("/resident-list/refresh", test_list_refresh);

  return g_test_run ();
}

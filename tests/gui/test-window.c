/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rei-demo.h"
#include "rei-plan-view.h"
#include "rei-resident-list.h"
#include "rei-resident-query.h"
#include "rei-store-network.h"
#include "rei-store-plans.h"
#include "rei-store-residents.h"
#include "rei-window-private.h"
#include "test-util.h"
#include "window-test-util.h"

#define N_DEMO 300

static gboolean
import_is_done (gpointer data)
{
  return !rei_window_get_importing (REI_WINDOW (data));
}

static void
wait_for_import (ReiWindow *window)
{
  rei_window_test_wait_until (import_is_done, window, "the import");
}

static gboolean
import_is_checked (gpointer data)
{
  ReiImportDialog *dialog = rei_window_get_import_dialog (REI_WINDOW (data));

  return rei_import_dialog_get_state (dialog) != REI_IMPORT_DIALOG_VALIDATING;
}

static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack != NULL ? haystack : "", -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

static void
test_window_residents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentRow) first = NULL;
  g_autofree char *surname = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentView *view;
  GListModel *model;
  ReiWindow *window;
  guint total;
  guint narrowed;

  store = rei_test_store_new (dir);
  rei_demo_fill (store, N_DEMO, 2019, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, N_DEMO);

  window = rei_window_test_show (store, 1100, 700);
  view = rei_window_get_resident_view (window);
  model = G_LIST_MODEL (gtk_column_view_get_model (rei_resident_view_get_column_view (view)));

  /* The column view shows the lazy list of every resident, sorted by name. */
  total = g_list_model_get_n_items (model);
  g_assert_cmpuint (total, ==, N_DEMO);
  g_assert_cmpstr (rei_resident_view_get_page_name (view), ==, "list");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rei_resident_view_get_column_view (view))));
  g_assert_null (find_mapped (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));

  first = g_list_model_get_item (model, 0);
  g_assert_true (REI_IS_RESIDENT_ROW (first));
  g_assert_nonnull (rei_resident_get_surname (rei_resident_row_get_resident (first)));
  surname = g_strdup (rei_resident_get_surname (rei_resident_row_get_resident (first)));

  /* Search as you type narrows the list to the people who match, and only them. */
  rei_window_test_set_search (window, surname);
  narrowed = g_list_model_get_n_items (model);
  g_assert_cmpuint (narrowed, >=, 1);
  g_assert_cmpuint (narrowed, <, total);
  for (guint i = 0; i < narrowed; i++)
    {
      g_autoptr(ReiResidentRow) row = g_list_model_get_item (model, i);
      ReiResident *resident = rei_resident_row_get_resident (row);

      g_assert_true (contains_folded (rei_resident_get_surname (resident), surname)
                     || contains_folded (rei_resident_get_first_name (resident), surname));
    }

  /* Nobody is called this: the view says so instead of showing an empty table. */
  rei_window_test_set_search (window, "Xqzwv");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (rei_resident_view_get_page_name (view), ==, "no-results");

  rei_window_test_set_search (window, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_cmpstr (rei_resident_view_get_page_name (view), ==, "list");

  /* A click on a header sorts in the store, not by making every row: PESEL, descending. */
  {
    GtkColumnView *column_view = rei_resident_view_get_column_view (view);
    g_autoptr(GtkColumnViewColumn) pesel_column =
      g_list_model_get_item (gtk_column_view_get_columns (column_view), 2);
    ReiResidentList *list = rei_resident_view_get_list (view);
    g_autoptr(ReiResidentRow) r0 = NULL;
    g_autoptr(ReiResidentRow) r1 = NULL;

    gtk_column_view_sort_by_column (column_view, pesel_column, GTK_SORT_DESCENDING);
    rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the sorted list");
    g_assert_cmpint (rei_resident_list_get_query (list)->sort, ==, REI_RESIDENT_SORT_PESEL);
    g_assert_true (rei_resident_list_get_query (list)->descending);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
    r0 = g_list_model_get_item (model, 0);
    r1 = g_list_model_get_item (model, 1);
    g_assert_cmpstr (rei_resident_get_pesel (rei_resident_row_get_resident (r0)), >,
                     rei_resident_get_pesel (rei_resident_row_get_resident (r1)));

    g_autoptr(GtkColumnViewColumn) surname_column =
      g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);

    gtk_column_view_sort_by_column (column_view, surname_column, GTK_SORT_ASCENDING);
    rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list sorted by name");
    g_assert_cmpint (rei_resident_list_get_query (list)->sort, ==, REI_RESIDENT_SORT_NAME);
    g_assert_false (rei_resident_list_get_query (list)->descending);
  }

  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-residents");

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static void
test_window_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentView *view;
  GListModel *model;
  ReiWindow *window;
  GtkWidget *status;
  GtkWidget *button;

  store = rei_test_store_new (dir);
  window = rei_window_test_show (store, 1100, 700);
  view = rei_window_get_resident_view (window);
  model = G_LIST_MODEL (gtk_column_view_get_model (rei_resident_view_get_column_view (view)));

  /* An empty database offers the import instead of an empty table. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (rei_resident_view_get_page_name (view), ==, "empty");
  status = find_mapped (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  button = find_mapped (status, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import");
  rei_window_test_save_png (GTK_WIDGET (window), "window-empty");

  /* The import runs in a thread once confirmed, and the list shows its residents when it is
   * done. */
  csv = g_build_filename (dir, "residents.csv", NULL);
  g_assert_true (rei_demo_write_csv (csv, 25, 7, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (csv);
  rei_window_import_file (window, file);
  g_assert_true (rei_window_get_importing (window));
  rei_window_test_wait_until (import_is_checked, window, "the check of the file");
  g_assert_cmpint (rei_import_dialog_get_state (rei_window_get_import_dialog (window)), ==,
                   REI_IMPORT_DIALOG_READY);
  g_signal_emit_by_name (rei_import_dialog_get_import_button (rei_window_get_import_dialog (window)),
                         "clicked");
  wait_for_import (window);
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list after the import");
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 25);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 25);
  g_assert_cmpstr (rei_resident_view_get_page_name (view), ==, "list");

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static void
test_window_import_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiWindow *window;
  ReiImportDialog *dialog;

  store = rei_test_store_new (dir);
  window = rei_window_test_show (store, 1100, 700);

  /* A row without a surname and with a broken PESEL: nothing may be written, and the import
   * dialog says which line is wrong. */
  csv = g_build_filename (dir, "bad.csv", NULL);
  g_assert_true (g_file_set_contents (csv,
                                      "imie;nazwisko;pesel\n"
                                      "Jan;;12345678901\n", -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (csv);

  rei_window_import_file (window, file);
  rei_window_test_wait_until (import_is_checked, window, "the check of the file");
  dialog = rei_window_get_import_dialog (window);
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_INVALID);
  g_assert_cmpuint (rei_import_dialog_get_problem_count (dialog), >=, 2);
  g_assert_cmpuint (rei_import_dialog_get_problem_line (dialog, 0), ==, 2);
  g_signal_emit_by_name (rei_import_dialog_get_import_button (dialog), "clicked");
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_import (window);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);
  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static void
test_window_size (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ReiStore) store = NULL;
  char *dir;
  ReiWindow *window;
  int width;
  int height;

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            APP_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The GSettings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return;
    }

  dir = rei_test_tmpdir_new ();
  store = rei_test_store_new (dir);
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);

  /* The window opens at the size it was closed at, and remembers the new one. */
  window = rei_window_new (NULL, store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);

  /* As if the user had resized it (Xvfb has no window manager to do that). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 650);
  gtk_window_present (GTK_WINDOW (window));
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list");
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);

  rei_test_tmpdir_free (dir);
}

/* Widgets of the type anywhere under widget, shown or not. */
static guint
count_of_type (GtkWidget *widget,
               GType      type)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (widget), type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_of_type (child, type);
  return n;
}

static gboolean
plan_is_shown (gpointer data)
{
  ReiPlanPage *page = data;

  return !rei_plan_page_get_finding (page) &&
         g_strcmp0 (rei_plan_page_get_state (page), "plan") == 0;
}

static gboolean
network_is_loaded (gpointer data)
{
  return !rei_network_view_get_loading (data);
}

static gboolean
report_is_computed (gpointer data)
{
  return !rei_reports_view_get_busy (data) && rei_reports_view_get_report (data) != NULL;
}

/* The plan, network and reports pages are made when first shown, not with the window (their
 * templates made the first frame five times as long): until then the window holds none of
 * them, only their tabs; shown, each is made once and shows the register. */
static void
test_window_lazy_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GArray) ids = NULL;
  char *dir = rei_test_tmpdir_new ();
  AdwViewStack *stack;
  ReiWindow *window;
  ReiPlanPage *plan_page;
  ReiNetworkView *network_view;
  ReiReportsView *reports_view;
  gint64 who = -1;
  gint64 plan_id = -1;

  store = rei_test_store_new (dir);
  g_assert_true (rei_demo_fill (store, 40, 2019, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rei_demo_fill_plans (store, 2019, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ids = rei_store_query_resident_ids (store, query, NULL, NULL);
  for (guint i = 0; i < ids->len && plan_id <= 0; i++)
    {
      who = g_array_index (ids, gint64, i);
      plan_id = rei_store_find_current_plan (store, who, NULL);
    }
  g_assert_cmpint (plan_id, >, 0);
  g_assert_cmpint (rei_store_count_partners (store, NULL), >, 0);

  window = rei_window_test_show (store, 1100, 700);
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  stack = rei_window_get_view_stack (window);

  /* On screen and painted: the four tabs are there, but none of the three pages is made. */
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "plans"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "network"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "reports"));
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_PLAN_PAGE), ==, 0);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_NETWORK_VIEW), ==, 0);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_REPORTS_VIEW), ==, 0);

  /* The plan tab, as Alt+2 or the detail pane's button: the page is made and shows the plan of
   * the person chosen in the list; the other two are still not made. */
  rei_resident_view_select_id (rei_window_get_resident_view (window), who);
  while (rei_resident_detail_get_resident_id (rei_window_get_resident_detail (window)) != who)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL);
  rei_window_test_assert_tab_shown (window, "plans");
  plan_page = REI_PLAN_PAGE (find_mapped (GTK_WIDGET (window), REI_TYPE_PLAN_PAGE));
  g_assert_nonnull (plan_page);
  g_assert_true (rei_window_get_plan_page (window) == plan_page);
  rei_window_test_wait_until (plan_is_shown, plan_page, "the person's plan");
  g_assert_cmpint (rei_plan_page_get_resident (plan_page), ==, who);
  g_assert_cmpint (rei_plan_view_get_plan_id (rei_plan_page_get_view (plan_page)), ==, plan_id);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_NETWORK_VIEW), ==, 0);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_REPORTS_VIEW), ==, 0);

  /* The network tab: made, and it reads the partners. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-network", NULL);
  rei_window_test_assert_tab_shown (window, "network");
  network_view = REI_NETWORK_VIEW (find_mapped (GTK_WIDGET (window), REI_TYPE_NETWORK_VIEW));
  g_assert_nonnull (network_view);
  g_assert_true (rei_window_get_network_view (window) == network_view);
  rei_window_test_wait_until (network_is_loaded, network_view, "the network");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (network_view->partner_model)), ==,
                    (guint) rei_store_count_partners (store, NULL));
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_REPORTS_VIEW), ==, 0);

  /* The reports tab: made, and it computes the indicators of the year on show. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-reports", NULL);
  rei_window_test_assert_tab_shown (window, "reports");
  reports_view = REI_REPORTS_VIEW (find_mapped (GTK_WIDGET (window), REI_TYPE_REPORTS_VIEW));
  g_assert_nonnull (reports_view);
  g_assert_true (rei_window_get_reports_view (window) == reports_view);
  rei_window_test_wait_until (report_is_computed, reports_view, "the indicators");
  g_assert_cmpuint (rei_reports_view_get_report (reports_view)->indicators->len, >, 0);

  /* Back and forth: each page is made once, and kept. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-residents", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-network", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-reports", NULL);
  rei_window_test_assert_tab_shown (window, "reports");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-residents", NULL);
  rei_window_test_assert_tab_shown (window, "residents");
  g_assert_true (rei_window_get_plan_page (window) == plan_page);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_PLAN_PAGE), ==, 1);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_NETWORK_VIEW), ==, 1);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_REPORTS_VIEW), ==, 1);
  rei_window_test_destroy (window);

  /* A click on the header's tab makes the page the first time as well, and leaves that tab
   * pressed. */
  window = rei_window_test_show (store, 1100, 700);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_REPORTS_VIEW), ==, 0);
  g_signal_emit_by_name (rei_window_test_find_tab (window, _("Reports")), "clicked");
  rei_window_test_assert_tab_shown (window, "reports");
  rei_window_test_assert_tab_drawn (window, _("Reports"));
  g_assert_nonnull (find_mapped (GTK_WIDGET (window), REI_TYPE_REPORTS_VIEW));
  rei_window_test_save_png (GTK_WIDGET (window), "window-tab-clicked");
  rei_window_test_destroy (window);

  /* Asked for by code before it is shown (a test, or a page's action), a page is made then,
   * with the store: the network reads its partners though its tab was never opened. */
  window = rei_window_test_show (store, 1100, 700);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_NETWORK_VIEW), ==, 0);
  network_view = rei_window_get_network_view (window);
  g_assert_nonnull (network_view);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), REI_TYPE_NETWORK_VIEW), ==, 1);
  rei_window_test_wait_until (network_is_loaded, network_view, "the network, asked for");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (network_view->partner_model)), ==,
                    (guint) rei_store_count_partners (store, NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (rei_window_get_view_stack (window)), ==,
                   "residents");
  rei_window_test_destroy (window);

  rei_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  status = rei_window_test_init (&argc, &argv);
  if (status != 0)
    return status;

  g_test_add_func ("/window/residents", test_window_residents);
  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/import-problems", test_window_import_problems);
  g_test_add_func ("/window/size", test_window_size);
  g_test_add_func ("/window/lazy-pages", test_window_lazy_pages);

  return g_test_run ();
}

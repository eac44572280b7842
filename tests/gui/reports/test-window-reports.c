/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "core/reports/report-fixture.h"
#include "rei-reports-view.h"
#include "rei-store-reports.h"
#include "rei-window-private.h"
#include "test-util.h"
#include "window-test-util.h"

/* The reports page with seed 003's project: choose the project, see an indicator, open its
 * people, export the workbook (in a thread) and read it back. */

static gboolean
view_is_idle (gpointer data)
{
  return !rei_reports_view_get_busy (REI_REPORTS_VIEW (data));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static GtkListBoxRow *
row_with_title (GtkListBox *list,
                const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_PREFERENCES_ROW (c) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
      return GTK_LIST_BOX_ROW (c);
  return NULL;
}

static void
test_window_reports (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) project = NULL;
  g_autofree char *path = g_build_filename (dir, "raport.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const ReiReport *report;
  const ReiReportIndicator *ind;
  ReiReportsView *view;
  ReiWindow *window;
  GtkListBoxRow *row;
  guint counted = 0;

  fill_graduates_2019 (store);
  project = fill_nowa_szansa (store);

  window = rei_window_test_show (store, 1280, 800);
  rei_window_show_reports (window);
  view = rei_window_get_reports_view (window);
  rei_window_test_wait_until (view_is_idle, view, "the year's indicators");

  /* The project, chosen as a coordinator would, computed in a thread. */
  g_assert_true (rei_reports_view_select_scope (view, "projekt:RPLU.11.01.00-06-0001/17"));
  rei_window_test_wait_until (view_is_idle, view, "the project's indicators");
  report = rei_reports_view_get_report (view);
  g_assert_nonnull (report);
  g_assert_nonnull (report->project);
  g_assert_cmpuint (count_rows (rei_reports_view_get_indicator_list (view)), ==, report->indicators->len);
  ind = rei_report_lookup (report, "zatrudnienie_po");
  g_assert_cmpuint (ind->numerator, ==, 14);
  g_assert_cmpuint (ind->denominator, ==, 47);

  /* A click on the indicator's row lists its people, the 14 counted among them. */
  row = row_with_title (rei_reports_view_get_indicator_list (view), ind->def->label);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpuint (count_rows (rei_reports_view_get_people_list (view)), ==, 47);
  for (guint i = 0; i < ind->people->len; i++)
    counted += ((ReiIndicatorPerson *) g_ptr_array_index (ind->people, i))->counted;
  g_assert_cmpuint (counted, ==, 14);

  rei_window_test_assert_tab_shown (window, "reports");
  rei_window_test_save_png (GTK_WIDGET (window), "window-reports");

  /* Export, in a thread with its progress bar, then read back. */
  rei_reports_view_export_to_file (view, file);
  g_assert_true (rei_reports_view_get_busy (view));
  rei_window_test_wait_until (view_is_idle, view, "the export");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (g_strrstr (rei_reports_view_get_status (view), "raport.xlsx"));
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (st.st_size, >, 5000);
  }

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The definitions' rows at the first frame's layout after the pane is shown. */
static void
on_layout_count_rows_cb (GdkFrameClock        *clock,
                         ReiIndicatorDefsPane *pane)
{
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (pane), "rows-at-layout")) == G_MAXUINT)
    g_object_set_data (G_OBJECT (pane), "rows-at-layout",
                       GUINT_TO_POINTER (count_rows (rei_indicator_defs_pane_get_list (pane))));
}

/* The projects, funding and definitions panes are made when their page is first shown or asked
 * for, not with the Reports tab, and the page's stack measures only the page on show; a pane
 * made late still has the page count again after its changes. */
static void
test_window_reports_panes_when_shown (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiProject) project = NULL;
  ReiReportsView *view;
  ReiWindow *window;
  GtkWidget *stack;
  ReiFundingPane *funding;
  ReiProjectsPane *projects;
  ReiIndicatorDefsPane *definitions;
  gulong handler;

  fill_graduates_2019 (store);
  project = fill_nowa_szansa (store);
  g_assert_true (rei_store_save_funding (store, 2019, "efs", "wykonanie", 48000000, NULL));
  g_assert_true (rei_store_save_funding (store, 2019, "budzet_miasta", "wykonanie", 52000000, NULL));

  window = rei_window_test_show (store, 1280, 800);
  rei_window_show_reports (window);
  view = rei_window_get_reports_view (window);
  rei_window_test_wait_until (view_is_idle, view, "the year's indicators");
  rei_window_test_wait_for_frame (GTK_WIDGET (window));

  stack = rei_window_test_find_of_type (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  g_assert_false (adw_view_stack_get_hhomogeneous (ADW_VIEW_STACK (stack)));
  g_assert_false (adw_view_stack_get_vhomogeneous (ADW_VIEW_STACK (stack)));
  g_assert_null (rei_window_test_find_of_type (GTK_WIDGET (view), REI_TYPE_PROJECTS_PANE));
  g_assert_null (rei_window_test_find_of_type (GTK_WIDGET (view), REI_TYPE_FUNDING_PANE));
  g_assert_null (rei_window_test_find_of_type (GTK_WIDGET (view), REI_TYPE_INDICATOR_DEFS_PANE));

  /* Shown: made once, in its page, reading the store (2019's two amounts). */
  rei_reports_view_show_page (view, "funding");
  funding = REI_FUNDING_PANE (rei_window_test_find_of_type (GTK_WIDGET (view), REI_TYPE_FUNDING_PANE));
  g_assert_nonnull (funding);
  g_assert_true (rei_reports_view_get_funding_pane (view) == funding);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (funding)));
  rei_funding_pane_set_year (funding, 2019);
  g_assert_cmpuint (count_rows (rei_funding_pane_get_executed_list (funding)), ==, 2);
  g_assert_null (rei_window_test_find_of_type (GTK_WIDGET (view), REI_TYPE_PROJECTS_PANE));
  g_assert_null (rei_window_test_find_of_type (GTK_WIDGET (view), REI_TYPE_INDICATOR_DEFS_PANE));

  /* Asked for: made, with the store, though not on show. */
  projects = rei_reports_view_get_projects_pane (view);
  g_assert_nonnull (projects);
  g_assert_true (rei_window_test_find_of_type (GTK_WIDGET (view), REI_TYPE_PROJECTS_PANE) == GTK_WIDGET (projects));
  g_assert_true (rei_reports_view_get_projects_pane (view) == projects);
  g_assert_true (rei_projects_pane_select (projects, project->id));

  /* Their changes still reach the page: a project's reloads the scopes, a definition's counts
   * the report again, each in its thread. */
  g_signal_emit_by_name (projects, "changed");
  g_assert_true (rei_reports_view_get_busy (view));
  rei_window_test_wait_until (view_is_idle, view, "the report after a project's change");
  /* Shown by a click, a pane reads the store in a dispatch of its own, before its first frame
   * (making and filling Projects at once was more than a frame of work). */
  rei_reports_view_show_page (view, "definitions");
  definitions = REI_INDICATOR_DEFS_PANE (rei_window_test_find_of_type (GTK_WIDGET (view), REI_TYPE_INDICATOR_DEFS_PANE));
  g_assert_nonnull (definitions);
  g_assert_cmpuint (count_rows (rei_indicator_defs_pane_get_list (definitions)), ==, 0);
  g_object_set_data (G_OBJECT (definitions), "rows-at-layout", GUINT_TO_POINTER (G_MAXUINT));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                              G_CALLBACK (on_layout_count_rows_cb), definitions);
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (definitions), "rows-at-layout")), >, 0);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (definitions), "rows-at-layout")), !=, G_MAXUINT);
  g_assert_true (rei_reports_view_get_definitions_pane (view) == definitions);
  g_signal_emit_by_name (definitions, "changed");
  g_assert_true (rei_reports_view_get_busy (view));
  rei_window_test_wait_until (view_is_idle, view, "the report after a definition's change");

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  int status = rei_window_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add_func ("/window/reports", test_window_reports);
  g_test_add_func ("/window/reports/panes-when-shown", test_window_reports_panes_when_shown);
  return g_test_run ();
}

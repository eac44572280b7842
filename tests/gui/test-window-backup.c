/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "rei-demo.h"
#include "rei-plan.h"
#include "rei-preferences-window.h"
#include "rei-projects-pane.h"
#include "rei-resident-filter-popover.h"
#include "rei-resident-query.h"
#include "rei-store-network.h"
#include "rei-store-plans.h"
#include "rei-store-reports.h"
#include "rei-store-residents.h"
#include "rei-window.h"
#include "test-util.h"
#include "window-test-util.h"

/* Back Up and Restore in the window: the copy runs under the pages with its progress and
 * Cancel, and once a backup is restored every page shows the restored register, not what was
 * on screen before. */

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
job_done (gpointer job)
{
  return !rei_background_job_get_running (job);
}

static gint64
n_rows (ReiWindow *window)
{
  ReiResidentView *view = rei_window_get_resident_view (window);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
    rei_resident_view_get_column_view (view))));
}

static guint
n_categories_offered (ReiWindow *window)
{
  ReiResidentView *view = rei_window_get_resident_view (window);
  GtkDropDown *drop = rei_resident_filter_popover_get_filter (view->filter_popover,
                                                              REI_RESIDENT_FILTER_CATEGORY);

  return g_list_model_get_n_items (gtk_drop_down_get_model (drop));
}

static guint
n_partners_shown (ReiWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rei_window_get_network_view (window)->partner_model));
}

/* The plan the page shows, once it shows one. */
static ReiPlan *
shown_plan (ReiWindow *window)
{
  ReiPlanPage *page = rei_window_get_plan_page (window);
  ReiPlan *plan = rei_plan_view_get_plan (rei_plan_page_get_view (page));

  if (rei_plan_page_get_finding (page) || g_strcmp0 (rei_plan_page_get_state (page), "plan") != 0 ||
      plan == NULL || rei_plan_get_id (plan) != rei_plan_view_get_plan_id (rei_plan_page_get_view (page)))
    return NULL;
  return plan;
}

typedef struct
{
  ReiWindow *window;
  guint      n_rows;
  guint      n_goals;
  guint      n_partners;
  guint      n_categories;
  gboolean   has_project;
  guint      n_projects;
} Shown;

static guint
n_projects_listed (ReiWindow *window)
{
  ReiProjectsPane *pane = rei_reports_view_get_projects_pane (rei_window_get_reports_view (window));
  GtkListBox *list = rei_projects_pane_get_list (pane);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* Every page shows what expected holds: the list, the plan, the network, the reports' scopes
 * and the categories the filter offers. */
static gboolean
pages_show (gpointer data)
{
  Shown *expected = data;
  ReiWindow *window = expected->window;
  ReiReportsView *reports = rei_window_get_reports_view (window);
  ReiPlan *plan = shown_plan (window);

  return rei_window_test_list_is_loaded (window) && n_rows (window) == expected->n_rows &&
         plan != NULL && rei_plan_get_goals (plan)->len == expected->n_goals &&
         !rei_network_view_get_loading (rei_window_get_network_view (window)) &&
         n_partners_shown (window) == expected->n_partners &&
         n_categories_offered (window) == expected->n_categories &&
         !rei_reports_view_get_busy (reports) &&
         n_projects_listed (window) == expected->n_projects &&
         rei_reports_view_select_scope (reports, "projekt:PO-KOPII") == expected->has_project;
}

/* A person whose plan has goals that may still be changed. */
static gint64
person_with_goals (ReiStore *store)
{
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GArray) ids = rei_store_query_resident_ids (store, query, NULL, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gint64 plan_id = rei_store_find_current_plan (store, id, NULL);
      g_autoptr(ReiPlan) plan = plan_id > 0 ? rei_store_get_plan (store, plan_id, NULL) : NULL;

      /* The demo's plans are signed: an aneks opened on one lets its goals change. */
      if (plan != NULL && rei_plan_get_goals (plan)->len >= 2 &&
          (rei_plan_get_revision (plan) == 0 || rei_plan_get_editing (plan) ||
           rei_store_begin_aneks (store, plan_id, "Zmiana celów", NULL)))
        return id;
    }
  g_assert_not_reached ();
}

/* After the backup: one more person, a goal fewer, a project with a new partner, a new
 * category.  The pages are made to show all of it before the restore. */
static void
change_everything (ReiStore *store,
                   gint64    who)
{
  g_autoptr(ReiResident) r = rei_test_resident_new ("Jan", "Późniejszy", NULL);
  g_autoptr(ReiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *category = NULL;
  const char *partners[] = { "Fundacja Po Kopii", NULL };
  ReiProject project = { 0 };
  ReiPlanGoal *goal;

  rei_resident_set (r, REI_RESIDENT_SEX, "M");
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2024-03-04");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);

  plan = rei_store_get_plan (store, rei_store_find_current_plan (store, who, NULL), &error);
  g_assert_no_error (error);
  goal = g_ptr_array_index (rei_plan_get_goals (plan), 0);
  g_assert_true (rei_store_delete_goal (store, rei_plan_get_id (plan), goal->id, &error));
  g_assert_no_error (error);

  project.code = (char *) "PO-KOPII";
  project.title = (char *) "Projekt dopisany po kopii";
  project.start_date = (char *) "2024-01-01";
  project.end_date = (char *) "2025-12-31";
  project.total_value = project.grant_value = -1;
  project.target_women = project.target_men = -1;
  project.partners = (GStrv) partners;
  g_assert_true (rei_store_save_project (store, &project, NULL, &error));
  g_assert_no_error (error);

  category = rei_store_add_category (store, "Kategoria dopisana po kopii", &error);
  g_assert_no_error (error);
}

static void
show_changes (ReiWindow *window,
              ReiStore  *store,
              gint64     who)
{
  ReiResidentView *view = rei_window_get_resident_view (window);

  rei_resident_view_refresh (view);
  rei_resident_filter_popover_load (view->filter_popover, store);
  rei_network_view_refresh (rei_window_get_network_view (window));
  rei_reports_view_reload_scopes (rei_window_get_reports_view (window));
  rei_projects_pane_reload (rei_reports_view_get_projects_pane (rei_window_get_reports_view (window)));
  rei_plan_page_set_resident (rei_window_get_plan_page (window), who);
}

static void
test_restore_reloads_every_page (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(ReiBackgroundJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiBackgroundJobBar *bar;
  ReiWindow *window;
  Shown before, after;
  gint64 who;

  store = rei_test_store_new (dir);
  g_assert_true (rei_demo_fill (store, 40, 2019, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rei_demo_fill_plans (store, 2019, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  who = person_with_goals (store);
  categories = rei_store_list_categories (store, FALSE, &error);
  g_assert_no_error (error);

  window = rei_window_test_show (store, 1280, 900);
  bar = rei_window_get_job_bar (window);
  rei_resident_view_select_id (rei_window_get_resident_view (window), who);
  while (rei_resident_detail_get_resident_id (rei_window_get_resident_detail (window)) != who)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL);

  before.window = window;
  before.n_rows = (guint) rei_store_count_residents (store, NULL);
  {
    g_autoptr(ReiPlan) plan = rei_store_get_plan (store, rei_store_find_current_plan (store, who, NULL),
                                                  NULL);

    before.n_goals = rei_plan_get_goals (plan)->len;
  }
  before.n_partners = (guint) rei_store_count_partners (store, NULL);
  /* "All" and the active categories. */
  before.n_categories = categories->len + 1;
  before.has_project = FALSE;
  before.n_projects = n_projects_listed (window);
  rei_window_test_wait_until (pages_show, &before, "the pages before the backup");

  /* The backup, in the bar under the pages. */
  backup_path = g_build_filename (dir, "kopia.db", NULL);
  backup = g_file_new_for_path (backup_path);
  job = rei_window_backup_to_file (window, backup);
  g_assert_true (rei_background_job_bar_get_job (bar) == job);
  rei_window_test_wait_until (job_done, job, "the backup");
  g_assert_cmpfloat (rei_background_job_get_fraction (job), ==, 1.0);
  g_clear_object (&job);
  g_assert_true (rei_store_verify_backup (backup_path, NULL, &error));
  g_assert_no_error (error);

  change_everything (store, who);
  show_changes (window, store, who);
  after = before;
  after.n_rows++;
  after.n_goals--;
  after.n_partners++;
  after.n_categories++;
  after.has_project = TRUE;
  after.n_projects++;
  rei_window_test_wait_until (pages_show, &after, "the pages with the changes");

  /* The restore: the pages cannot be edited meanwhile, and show the backup's data after. */
  job = rei_window_restore_file (window, backup);
  g_assert_true (rei_background_job_bar_get_job (bar) == job);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (rei_window_get_view_stack (window))));
  rei_window_test_wait_until (job_done, job, "the restore");
  g_clear_object (&job);
  g_assert_null (rei_window_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (rei_window_get_view_stack (window))));
  rei_window_test_wait_until (pages_show, &before, "every page to show the restored register");

  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-backup-restored-plan");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-network", NULL);
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-backup-restored-network");

  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

static gboolean
waiting_for_lock (gpointer job)
{
  /* The register is kept (half the bar); then the restore waits for the other program. */
  return rei_background_job_get_fraction (job) >= 0.5;
}

/* Cancel while the restore waits for another program's lock: nothing is changed, no copy is
 * left beside the database, and the bar says so. */
static void
test_restore_cancel (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(ReiBackgroundJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDir) d = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiWindow *window;
  sqlite3 *other = NULL;
  const char *name;

  g_setenv ("REINTEGRA_BUSY_TIMEOUT_MS", "60000", TRUE);
  store = rei_test_store_new (dir);
  g_assert_true (rei_demo_fill (store, 20, 7, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  backup_path = g_build_filename (dir, "kopia.db", NULL);
  g_assert_true (rei_store_backup (store, backup_path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ReiResident) r = rei_test_resident_new ("Ewa", "Późniejsza", NULL);

    rei_resident_set (r, REI_RESIDENT_SEX, "K");
    g_assert_true (rei_store_save_resident (store, r, &error));
    g_assert_no_error (error);
  }
  rei_test_exec_raw (rei_store_get_path (store), "PRAGMA wal_checkpoint(TRUNCATE)");
  before = rei_test_read_bytes (rei_store_get_path (store));

  window = rei_window_test_show (store, 1280, 800);
  g_assert_cmpint (sqlite3_open (rei_store_get_path (store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  backup = g_file_new_for_path (backup_path);
  job = rei_window_restore_file (window, backup);
  rei_window_test_wait_until (waiting_for_lock, job, "the restore to wait for the lock");
  g_assert_true (rei_background_job_get_running (job));
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-backup-restoring");
  gtk_widget_activate_action (GTK_WIDGET (rei_window_get_job_bar (window)), "job.cancel", NULL);
  rei_window_test_wait_until (job_done, job, "the cancelled restore");
  g_clear_object (&job);
  drain ();
  g_assert_null (rei_window_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (rei_window_get_view_stack (window))));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  rei_test_exec_raw (rei_store_get_path (store), "PRAGMA wal_checkpoint(TRUNCATE)");
  after = rei_test_read_bytes (rei_store_get_path (store));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 21);
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_assert_null (strstr (name, "before-restore"));
      g_assert_false (g_str_has_prefix (name, ".reintegra-"));
    }

  g_unsetenv ("REINTEGRA_BUSY_TIMEOUT_MS");
  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* The daily backup's switch and number of copies in the preferences are the GSettings keys the
 * backup at start-up and every hour reads. */
static void
test_preferences (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  char *dir = rei_test_tmpdir_new ();
  ReiPreferencesWindow *prefs;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  window = rei_window_test_show (store, 1000, 700);
  prefs = rei_preferences_window_new (GTK_WINDOW (window), store);
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (gtk_switch_get_active (rei_preferences_window_get_auto_backup_switch (prefs)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (rei_preferences_window_get_backup_copies_spin (prefs)),
                   ==, 7);

  gtk_switch_set_active (rei_preferences_window_get_auto_backup_switch (prefs), FALSE);
  gtk_spin_button_set_value (rei_preferences_window_get_backup_copies_spin (prefs), 3);
  g_assert_false (g_settings_get_boolean (settings, "auto-backup"));
  g_assert_cmpint (g_settings_get_int (settings, "backup-copies"), ==, 3);
  g_settings_set_boolean (settings, "auto-backup", TRUE);
  g_assert_true (gtk_switch_get_active (rei_preferences_window_get_auto_backup_switch (prefs)));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "backups");
  rei_window_test_wait_for_frame (GTK_WIDGET (prefs));
  rei_window_test_save_png (GTK_WIDGET (prefs), "window-backup-preferences");

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "auto-backup");
  g_settings_reset (settings, "backup-copies");
  rei_window_test_destroy (window);
  g_clear_object (&store);
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

  g_test_add_func ("/window-backup/restore-reloads-every-page", test_restore_reloads_every_page);
  g_test_add_func ("/window-backup/restore-cancel", test_restore_cancel);
  g_test_add_func ("/window-backup/preferences", test_preferences);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "rei-auto-backup.h"
#include "rei-preferences-window.h"
#include "rei-resident-detail-private.h"
#include "rei-store-residents.h"
#include "rei-window.h"
#include "test-util.h"
#include "window-test-util.h"

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static gint64
count (ReiStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = rei_store_count_residents (store, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
add_person (ReiStore   *store,
            const char *first_name,
            const char *surname)
{
  g_autoptr(ReiResident) r = rei_test_resident_new (first_name, surname, NULL);
  g_autoptr(GError) error = NULL;

  rei_resident_set (r, REI_RESIDENT_SEX, "K");
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2020-02-03");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  return rei_resident_get_id (r);
}

static const char *
entry (ReiResidentDetail *detail,
       ReiResidentField   field)
{
  return gtk_editable_get_text (GTK_EDITABLE (rei_resident_detail_get_entry_row (detail, field)));
}

static void
select_by_search (ReiWindow  *window,
                  const char *search)
{
  ReiResidentView *view = rei_window_get_resident_view (window);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (rei_resident_view_get_column_view (view)));

  rei_window_test_set_search (window, search);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  drain ();
}

static gboolean
dialog_shown (gpointer window)
{
  return rei_window_test_find_message_dialog (window) != NULL;
}

static void
close_dialog (ReiWindow *window)
{
  AdwMessageDialog *dialog = rei_window_test_find_message_dialog (GTK_WINDOW (window));

  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

static gboolean
job_done (gpointer job)
{
  return !rei_background_job_get_running (job);
}

/* Another program holds the database while the clerk saves: the error dialog says so, and what
 * was typed stays in the form until the save succeeds. */
static void
test_save_locked (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResident) stored = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  AdwMessageDialog *dialog;
  ReiResidentDetail *detail;
  ReiWindow *window;
  sqlite3 *other = NULL;
  gint64 id;

  g_setenv ("REINTEGRA_BUSY_TIMEOUT_MS", "200", TRUE);
  store = rei_test_store_new (dir);
  id = add_person (store, "Anna", "Zamkowa");
  window = rei_window_test_show (store, 1280, 800);
  detail = rei_window_get_resident_detail (window);
  select_by_search (window, "Zamkowa");
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, id);

  gtk_editable_set_text (GTK_EDITABLE (rei_resident_detail_get_entry_row (detail, REI_RESIDENT_SURNAME)),
                         "Zamkowa-Nowa");
  g_assert_true (rei_resident_detail_get_modified (detail));

  g_assert_cmpint (sqlite3_open (rei_store_get_path (store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-resident", NULL);
  rei_window_test_wait_until (dialog_shown, window, "the error dialog");

  dialog = rei_window_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Changes Were Not Saved"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            g_strcmp0 (g_getenv ("LANGUAGE"), "pl") == 0
                              ? "Inny program używa bazy danych"
                              : "Another program is using the database"));
  rei_window_test_wait_for_frame (GTK_WIDGET (dialog));
  rei_window_test_save_png (GTK_WIDGET (dialog), "window-faults-locked");
  close_dialog (window);

  /* The edit is still in the form, unsaved, and nothing reached the database. */
  g_assert_cmpstr (entry (detail, REI_RESIDENT_SURNAME), ==, "Zamkowa-Nowa");
  g_assert_true (rei_resident_detail_get_modified (detail));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  stored = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_resident_get (stored, REI_RESIDENT_SURNAME), ==, "Zamkowa");
  g_clear_object (&stored);

  /* Once the other program lets go, the same form saves. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-resident", NULL);
  drain ();
  g_assert_null (rei_window_test_find_message_dialog (GTK_WINDOW (window)));
  stored = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_resident_get (stored, REI_RESIDENT_SURNAME), ==, "Zamkowa-Nowa");
  g_assert_false (rei_resident_detail_get_modified (detail));

  g_unsetenv ("REINTEGRA_BUSY_TIMEOUT_MS");
  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* Back Up and Restore as the menu runs them once the file chooser has answered. */
static void
test_backup_restore (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) random = NULL;
  g_autoptr(ReiBackgroundJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *random_path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentView *view;
  GListModel *model;
  AdwMessageDialog *dialog;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  add_person (store, "Anna", "Kopiowa");
  add_person (store, "Ewa", "Kopiowa");
  window = rei_window_test_show (store, 1280, 800);
  view = rei_window_get_resident_view (window);
  model = G_LIST_MODEL (gtk_column_view_get_model (rei_resident_view_get_column_view (view)));

  backup_path = g_build_filename (dir, "kopia.db", NULL);
  backup = g_file_new_for_path (backup_path);
  job = rei_window_backup_to_file (window, backup);
  rei_window_test_wait_until (job_done, job, "the backup");
  g_clear_object (&job);
  g_assert_cmpuint (file_mode (backup_path), ==, 0600);
  g_assert_true (rei_store_verify_backup (backup_path, NULL, &error));
  g_assert_no_error (error);

  /* A person added after the backup is gone once it is restored; the list shows it at once. */
  add_person (store, "Jan", "Późniejszy");
  rei_resident_view_refresh (view);
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  job = rei_window_restore_file (window, backup);
  rei_window_test_wait_until (job_done, job, "the restore");
  g_clear_object (&job);
  g_assert_null (rei_window_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_cmpint (count (store), ==, 2);
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list");
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-faults-restored");

  /* Something that is no backup: the dialog says why, and the register stays as it was. */
  random_path = g_build_filename (dir, "losowy.db", NULL);
  g_assert_true (g_file_set_contents (random_path, "not a database at all, just some text", -1,
                                      NULL));
  random = g_file_new_for_path (random_path);
  rei_test_exec_raw (rei_store_get_path (store), "PRAGMA wal_checkpoint(TRUNCATE)");
  before = rei_test_read_bytes (rei_store_get_path (store));
  job = rei_window_restore_file (window, random);
  rei_window_test_wait_until (dialog_shown, window, "the error dialog");
  dialog = rei_window_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Backup Was Not Restored"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "losowy.db"));
  close_dialog (window);
  after = rei_test_read_bytes (rei_store_get_path (store));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (count (store), ==, 2);

  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

static gboolean
last_backup_set (gpointer settings)
{
  g_autofree char *last = g_settings_get_string (settings, "last-backup");

  return last[0] != '\0';
}

static gboolean
backup_done (gpointer unused)
{
  return !rei_auto_backup_is_running ();
}

/* The newest copy in folder made as if in 2000: the next day's backup is due. */
static void
age_newest_backup (const char *folder)
{
  g_autoptr(GPtrArray) files = rei_store_list_backups (folder, NULL);
  g_autoptr(GFile) file = NULL;

  g_assert_nonnull (files);
  g_assert_cmpuint (files->len, >, 0);
  file = g_file_new_for_path (g_ptr_array_index (files, files->len - 1));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 946684800,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

/* The daily backup at start-up: into a private folder, once a day, the oldest removed. */
static void
test_auto_backup (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  char *dir = rei_test_tmpdir_new ();

  store = rei_test_store_new (dir);
  add_person (store, "Anna", "Dzienna");
  folder = g_build_filename (dir, "backups", NULL);
  g_settings_set_int (settings, "backup-copies", 2);

  /* Not the default register: its last backup is the newest copy in its folder, and
   * "last-backup" (the register's) is neither read nor written. */
  g_settings_set_string (settings, "last-backup", "2999-01-01T00:00:00Z");
  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        age_newest_backup (folder);
      g_assert_true (rei_auto_backup_start (store, settings, folder));
      rei_window_test_wait_until (backup_done, NULL, "the daily backup");
    }
  {
    g_autofree char *last = g_settings_get_string (settings, "last-backup");

    g_assert_cmpstr (last, ==, "2999-01-01T00:00:00Z");
  }
  /* Made a moment ago: none is due. */
  g_assert_false (rei_auto_backup_start (store, settings, folder));
  g_settings_set_boolean (settings, "auto-backup", FALSE);
  g_settings_set_string (settings, "last-backup", "");
  g_assert_false (rei_auto_backup_start (store, settings, folder));
  g_settings_reset (settings, "auto-backup");
  g_settings_reset (settings, "backup-copies");

  g_assert_cmpuint (file_mode (folder), ==, 0700);
  files = rei_store_list_backups (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  for (guint i = 0; i < files->len; i++)
    {
      g_assert_cmpuint (file_mode (g_ptr_array_index (files, i)), ==, 0600);
      g_assert_true (rei_store_verify_backup (g_ptr_array_index (files, i), NULL, &error));
      g_assert_no_error (error);
    }

  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* A database opened with --db: its daily backups go into a folder of their own, and the
 * register's copies in the default folder are not rotated away by them. */
static void
test_auto_backup_own_folder (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *default_path = rei_store_default_path ();
  g_autofree char *default_folder = rei_store_default_backup_folder ();
  g_autofree char *own = NULL;
  g_autofree char *first = NULL;
  g_autofree char *registry_last = NULL;
  g_autoptr(ReiStore) registry = NULL;
  g_autoptr(ReiStore) other = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();

  /* main() put $XDG_DATA_HOME in the tests' own folder: never the developer's backups. */
  g_assert_true (g_str_has_prefix (default_path, g_get_tmp_dir ()));

  registry = rei_store_open (default_path, &error);
  g_assert_no_error (error);
  add_person (registry, "Anna", "Rejestrowa");
  g_settings_set_int (settings, "backup-copies", 1);
  g_settings_set_string (settings, "last-backup", "");
  g_assert_true (rei_auto_backup_start (registry, settings, NULL));
  rei_window_test_wait_until (last_backup_set, settings, "the register's daily backup");
  files = rei_store_list_backups (default_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  first = g_strdup (g_ptr_array_index (files, 0));
  g_clear_pointer (&files, g_ptr_array_unref);

  /* The register's backup, just made, does not mark the day done for another database, nor
   * the other's for the register. */
  g_assert_false (rei_auto_backup_start (registry, settings, NULL));
  registry_last = g_settings_get_string (settings, "last-backup");
  other = rei_test_store_new (dir);
  add_person (other, "Jan", "Osobny");
  g_assert_true (rei_auto_backup_start (other, settings, NULL));
  rei_window_test_wait_until (backup_done, NULL, "the other database's daily backup");
  g_assert_false (rei_auto_backup_start (other, settings, NULL));
  {
    g_autofree char *last = g_settings_get_string (settings, "last-backup");

    g_assert_cmpstr (last, ==, registry_last);
  }

  /* The register's one copy (of one kept) is still there. */
  files = rei_store_list_backups (default_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, first);
  g_clear_pointer (&files, g_ptr_array_unref);

  own = rei_store_backup_folder_for (rei_store_get_path (other));
  g_assert_cmpstr (own, !=, default_folder);
  g_assert_cmpuint (file_mode (own), ==, 0700);
  files = rei_store_list_backups (own, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);

  /* The preferences of each database show its own last backup: the other's is its copy's time
   * (the file's), not the register's setting, here made a day in 2001. */
  g_settings_set_string (settings, "last-backup", "2001-01-01T10:00:00Z");
  {
    g_autoptr(GFile) copy = g_file_new_for_path (g_ptr_array_index (files, 0));
    g_autoptr(GFileInfo) info = g_file_query_info (copy, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_autoptr(GDateTime) made = NULL;
    g_autoptr(GDateTime) made_local = NULL;
    g_autofree char *expected = NULL;
    ReiPreferencesWindow *preferences;

    g_assert_no_error (error);
    made = g_file_info_get_modification_date_time (info);
    made_local = g_date_time_to_local (made);
    expected = g_date_time_format (made_local, "%d.%m.%Y %H:%M");
    preferences = rei_preferences_window_new (NULL, other);
    g_assert_cmpstr (adw_action_row_get_subtitle (rei_preferences_window_get_last_backup_row (preferences)),
                     ==, expected);
    gtk_window_destroy (GTK_WINDOW (preferences));
    preferences = rei_preferences_window_new (NULL, registry);
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (rei_preferences_window_get_last_backup_row (preferences)),
                                     "01.01.2001"));
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  g_settings_reset (settings, "backup-copies");
  g_settings_reset (settings, "last-backup");
  g_clear_object (&registry);
  g_clear_object (&other);
  rei_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The daily backup's default folder is under $XDG_DATA_HOME: the tests' own, never the
   * developer's (set before anything asks GLib for it, which remembers the first answer). */
  data_home = rei_test_tmpdir_new ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  status = rei_window_test_init (&argc, &argv);
  if (status != 0)
    {
      rei_test_tmpdir_free (g_steal_pointer (&data_home));
      return status;
    }

  g_test_add_func ("/window-faults/save-locked", test_save_locked);
  g_test_add_func ("/window-faults/backup-restore", test_backup_restore);
  g_test_add_func ("/window-faults/auto-backup", test_auto_backup);
  g_test_add_func ("/window-faults/auto-backup-own-folder", test_auto_backup_own_folder);

  status = g_test_run ();
  rei_test_tmpdir_free (g_steal_pointer (&data_home));
  return status;
}

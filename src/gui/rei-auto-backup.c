/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-auto-backup.h"

#include <glib/gi18n.h>

#include "rei-window.h"

/* One at a time: the hourly check must not start a second copy while a slow one runs. */
static gboolean running;

typedef struct
{
  ReiStore *store;
  char     *folder;
  guint     copies;
  /* The default register's backup sets "last-backup"; another database's is known by its folder. */
  gboolean  is_register;
} AutoBackup;

static void
auto_backup_free (gpointer data)
{
  AutoBackup *work = data;

  g_clear_object (&work->store);
  g_free (work->folder);
  g_free (work);
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  AutoBackup *work = data;
  GError *error = NULL;
  char *path = rei_store_backup_rotate (work->store, work->folder, work->copies, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

static void
on_auto_backup_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GSettings) settings = user_data;
  AutoBackup *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  running = FALSE;
  if (path == NULL)
    {
      GApplication *app = g_application_get_default ();
      GtkWindow *window = GTK_IS_APPLICATION (app)
        ? gtk_application_get_active_window (GTK_APPLICATION (app)) : NULL;

      /* The message names the folder and the cause, never a person.  The next check tries
       * again, since last-backup stays as it was; the clerk hears of it, not only the log. */
      g_warning ("The daily backup was not made: %s", error->message);
      if (REI_IS_WINDOW (window))
        {
          g_autofree char *title = g_strdup_printf (_("The daily backup was not made: %s"),
                                                    error->message);

          rei_window_add_toast (REI_WINDOW (window), title);
        }
      return;
    }
  if (work->is_register)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *iso = g_date_time_format_iso8601 (now);

      g_settings_set_string (settings, "last-backup", iso);
    }
}

/* A time in the future (a clock set back) counts as no backup at all. */
static gboolean
is_day_old (GDateTime *then)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return then == NULL || g_date_time_compare (then, now) > 0 ||
         g_date_time_difference (now, then) >= G_TIME_SPAN_DAY;
}

/* When the newest copy in folder was made, NULL if it holds none. */
static GDateTime *
newest_backup (const char *folder)
{
  g_autoptr(GPtrArray) files = rei_store_list_backups (folder, NULL);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = NULL;

  if (files == NULL || files->len == 0)
    return NULL;
  file = g_file_new_for_path (g_ptr_array_index (files, files->len - 1));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
}

static gboolean
is_register (ReiStore *store)
{
  g_autofree char *default_path = rei_store_default_path ();

  return g_strcmp0 (rei_store_get_path (store), default_path) == 0;
}

/* The default register's last backup is the setting "last-backup"; a database opened with --db
 * reads it from its own folder, so that its backup does not mark the day done for the register,
 * nor the register's for it. */
GDateTime *
rei_auto_backup_get_last (ReiStore   *store,
                          GSettings  *settings,
                          const char *folder)
{
  g_autofree char *own_folder = NULL;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  if (is_register (store))
    {
      g_autofree char *last = g_settings_get_string (settings, "last-backup");

      return last[0] != '\0' ? g_date_time_new_from_iso8601 (last, NULL) : NULL;
    }
  own_folder = folder != NULL ? g_strdup (folder)
                              : rei_store_backup_folder_for (rei_store_get_path (store));
  return newest_backup (own_folder);
}

gboolean
rei_auto_backup_is_running (void)
{
  return running;
}

gboolean
rei_auto_backup_start (ReiStore   *store,
                       GSettings  *settings,
                       const char *folder)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *own_folder = NULL;
  AutoBackup *work;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  if (running || !g_settings_get_boolean (settings, "auto-backup"))
    return FALSE;
  /* A database opened with --db has a folder of its own: in the default one, its copies would
   * count towards the register's and rotate the register's away. */
  own_folder = folder != NULL ? g_strdup (folder)
                              : rei_store_backup_folder_for (rei_store_get_path (store));
  last = rei_auto_backup_get_last (store, settings, own_folder);
  if (!is_day_old (last))
    return FALSE;
  running = TRUE;

  work = g_new0 (AutoBackup, 1);
  work->store = g_object_ref (store);
  work->folder = g_steal_pointer (&own_folder);
  work->is_register = is_register (store);
  work->copies = (guint) MAX (1, g_settings_get_int (settings, "backup-copies"));

  task = g_task_new (NULL, NULL, on_auto_backup_done_cb, g_object_ref (settings));
  g_task_set_source_tag (task, rei_auto_backup_start);
  g_task_set_task_data (task, work, auto_backup_free);
  g_task_run_in_thread (task, auto_backup_thread);
  return TRUE;
}

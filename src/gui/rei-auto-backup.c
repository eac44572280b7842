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
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *iso = g_date_time_format_iso8601 (now);

    g_settings_set_string (settings, "last-backup", iso);
  }
}

static gboolean
is_due (GSettings *settings)
{
  g_autofree char *last = g_settings_get_string (settings, "last-backup");
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (!g_settings_get_boolean (settings, "auto-backup"))
    return FALSE;
  then = last[0] != '\0' ? g_date_time_new_from_iso8601 (last, NULL) : NULL;
  /* A date in the future (a clock set back) counts as no backup at all. */
  return then == NULL || g_date_time_compare (then, now) > 0 ||
         g_date_time_difference (now, then) >= G_TIME_SPAN_DAY;
}

gboolean
rei_auto_backup_start (ReiStore   *store,
                       GSettings  *settings,
                       const char *folder)
{
  g_autoptr(GTask) task = NULL;
  AutoBackup *work;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  if (running || !is_due (settings))
    return FALSE;
  running = TRUE;

  work = g_new0 (AutoBackup, 1);
  work->store = g_object_ref (store);
  /* A database opened with --db has a folder of its own: in the default one, its copies would
   * count towards the register's and rotate the register's away. */
  work->folder = folder != NULL ? g_strdup (folder)
                                : rei_store_backup_folder_for (rei_store_get_path (store));
  work->copies = (guint) MAX (1, g_settings_get_int (settings, "backup-copies"));

  task = g_task_new (NULL, NULL, on_auto_backup_done_cb, g_object_ref (settings));
  g_task_set_source_tag (task, rei_auto_backup_start);
  g_task_set_task_data (task, work, auto_backup_free);
  g_task_run_in_thread (task, auto_backup_thread);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-application.h"

#include <glib/gi18n.h>

#include "rei-store.h"
#include "rei-window.h"

struct _ReiApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  ReiStore       *store;
};

G_DEFINE_FINAL_TYPE (ReiApplication, rei_application, ADW_TYPE_APPLICATION)

static void
on_open_failed_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            ReiApplication   *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_open_failed (ReiApplication *self,
                  const char     *path,
                  const GError   *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("The database %s could not be opened: %s"), path, error->message);
  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_open_failed_response_cb), self, 0);
  /* Holding the application keeps it alive while only the dialog is shown. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Reintegra contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Reintegra"),
                        "application-icon", APP_ID,
                        "developer-name", _("Reintegra contributors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/reintegra/reintegra",
                        "issue-url", "https://github.com/reintegra/reintegra/issues",
                        "comments", _("Records of residents, individual plans and the local "
                                      "reintegration network for social integration centres."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
}

static const GActionEntry app_entries[] = {
  { "preferences", preferences_activated, NULL, NULL, NULL },
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
  { "import", import_activated, NULL, NULL, NULL },
};

static int
rei_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  ReiApplication *self = REI_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db) && db[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);

      /* A running instance has its own database open and would just raise its window, so an
       * explicit database gets a process of its own. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  /* Go on with the default handling (activate). */
  return -1;
}

static void
rei_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *new_resident_accels[] = { "<Control>n", NULL };
  static const char *save_resident_accels[] = { "<Control>s", NULL };
  static const char *export_residents_accels[] = { "<Control>e", NULL };
  static const char *show_residents_accels[] = { "<Alt>1", NULL };
  static const char *show_plan_accels[] = { "<Alt>2", NULL };
  static const char *show_network_accels[] = { "<Alt>3", NULL };
  static const char *show_reports_accels[] = { "<Alt>4", NULL };

  G_APPLICATION_CLASS (rei_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-resident",
                                         new_resident_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-resident",
                                         save_resident_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-residents",
                                         export_residents_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-residents",
                                         show_residents_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-plan",
                                         show_plan_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-network",
                                         show_network_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-reports",
                                         show_reports_accels);
}

static void
rei_application_activate (GApplication *app)
{
  ReiApplication *self = REI_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->db_path == NULL)
    self->db_path = rei_store_default_path ();

  if (self->store == NULL)
    self->store = rei_store_open (self->db_path, &error);

  if (self->store == NULL)
    {
      show_open_failed (self, self->db_path, error);
      return;
    }

  window = GTK_WINDOW (rei_window_new (GTK_APPLICATION (app), self->store));
  gtk_window_present (window);
}

static void
rei_application_finalize (GObject *object)
{
  ReiApplication *self = REI_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (rei_application_parent_class)->finalize (object);
}

static void
rei_application_class_init (ReiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rei_application_finalize;
  app_class->handle_local_options = rei_application_handle_local_options;
  app_class->startup = rei_application_startup;
  app_class->activate = rei_application_activate;
}

static void
rei_application_init (ReiApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Open this database instead of the default one"),
                                 _("FILE"));
}

ReiApplication *
rei_application_new (void)
{
  return g_object_new (REI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/reintegra/Reintegra",
                       NULL);
}

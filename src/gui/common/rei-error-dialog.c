/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-error-dialog.h"

#include <adwaita.h>
#include <glib/gi18n.h>

void
rei_error_dialog_show (GtkWidget  *parent,
                       const char *title,
                       const char *message)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (title != NULL);

  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

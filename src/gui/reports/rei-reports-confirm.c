/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-reports-confirm.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-money.h"

typedef struct
{
  GWeakRef        owner;
  ReiConfirmFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
} Confirm;

static void
confirm_free (gpointer p)
{
  Confirm *c = p;

  g_weak_ref_clear (&c->owner);
  if (c->data_free != NULL)
    c->data_free (c->data);
  g_free (c);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  Confirm *c = g_object_get_data (G_OBJECT (dialog), "confirm");
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&c->owner);

  if (owner != NULL && g_strcmp0 (response, "delete") == 0)
    c->func (owner, c->data);
}

void
rei_reports_confirm_delete (GtkWidget      *owner,
                            const char     *heading,
                            const char     *body,
                            ReiConfirmFunc  func,
                            gpointer        data,
                            GDestroyNotify  data_free)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkWidget *dialog;
  Confirm *c = g_new0 (Confirm, 1);

  g_weak_ref_init (&c->owner, owner);
  c->func = func;
  c->data = data;
  c->data_free = data_free;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "confirm", c, confirm_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rei_reports_add_toast (GtkWidget *owner,
                       AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (owner, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

char *
rei_reports_read_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
rei_reports_set_text (AdwEntryRow *row,
                      const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  rei_reports_mark_error (GTK_WIDGET (row), FALSE);
}

void
rei_reports_mark_error (GtkWidget *row,
                        gboolean   wrong)
{
  if (wrong)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static const char *
row_title (AdwEntryRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

gboolean
rei_reports_read_date (AdwEntryRow  *row,
                       char        **iso,
                       GError      **error)
{
  g_autofree char *text = rei_reports_read_text (row);

  *iso = NULL;
  if (text == NULL)
    return TRUE;
  *iso = rei_date_normalize (text);
  if (*iso == NULL)
    {
      rei_reports_mark_error (GTK_WIDGET (row), TRUE);
      /* The import's sentence, with the row's title for the column. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: “%s” is not a date (dd.mm.rrrr)."),
                   row_title (row), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_reports_read_count (AdwEntryRow  *row,
                        int          *value,
                        GError      **error)
{
  g_autofree char *text = rei_reports_read_text (row);
  guint64 n;

  *value = -1;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &n, NULL))
    {
      rei_reports_mark_error (GTK_WIDGET (row), TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: “%s” is not a whole number."),
                   row_title (row), text);
      return FALSE;
    }
  *value = (int) n;
  return TRUE;
}

gboolean
rei_reports_read_percent (AdwEntryRow  *row,
                          double       *percent,
                          GError      **error)
{
  g_autofree char *text = rei_reports_read_text (row);
  g_autofree char *number = NULL;
  char *end = NULL;

  *percent = -1;
  if (text == NULL)
    return TRUE;
  number = g_strdup (text);
  g_strdelimit (number, ",", '.');
  if (g_str_has_suffix (number, "%"))
    number[strlen (number) - 1] = '\0';
  g_strstrip (number);
  *percent = g_ascii_strtod (number, &end);
  if (end == number || *end != '\0' || !(*percent >= 0 && *percent <= 1000))
    {
      *percent = -1;
      rei_reports_mark_error (GTK_WIDGET (row), TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: “%s” is not a percentage between 0 and 1000."), row_title (row), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_reports_read_money (AdwEntryRow  *row,
                        gint64       *grosze,
                        GError      **error)
{
  g_autofree char *text = rei_reports_read_text (row);
  g_autoptr(GError) local = NULL;

  *grosze = -1;
  if (text == NULL)
    return TRUE;
  if (!rei_money_parse (text, grosze, &local))
    {
      rei_reports_mark_error (GTK_WIDGET (row), TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", row_title (row), local->message);
      return FALSE;
    }
  return TRUE;
}

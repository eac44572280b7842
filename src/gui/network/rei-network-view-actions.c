/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-network-view-private.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-error-dialog.h"
#include "rei-network-export.h"
#include "rei-network-map-export.h"
#include "rei-store-network.h"

/* What the view does beyond showing: delete with Undo, the import, the exports. */

void
_rei_network_view_add_toast (ReiNetworkView *self,
                             AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* ---------------------------------------------------------------------------------------------
 * Delete, with Undo
 * ------------------------------------------------------------------------------------------- */

/* A partner's services and referrals go with it, so the Undo puts all three back: the partner
 * (under a new id), its services, then its referrals pointed at the new ids. */
typedef struct
{
  ReiPartner *partner;
  GPtrArray  *services;    /* ReiService* */
  GPtrArray  *referrals;   /* ReiReferral* */
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_object_unref (deleted->partner);
  g_ptr_array_unref (deleted->services);
  g_ptr_array_unref (deleted->referrals);
  g_free (deleted);
}

static gboolean
restore (ReiStore  *store,
         Deleted   *deleted,
         GError   **error)
{
  g_autoptr(ReiPartner) partner = rei_partner_copy (deleted->partner);
  g_autoptr(GHashTable) service_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gint64 partner_id;

  if (!rei_store_begin (store, error))
    return FALSE;
  rei_partner_set_id (partner, 0);
  if (!rei_store_save_partner (store, partner, error))
    goto fail;
  partner_id = rei_partner_get_id (partner);
  for (guint i = 0; i < deleted->services->len; i++)
    {
      ReiService *service = g_ptr_array_index (deleted->services, i);
      gint64 old_id = rei_service_get_id (service);
      gint64 new_id;

      rei_service_set_id (service, 0);
      rei_service_set_partner_id (service, partner_id);
      if (!rei_store_save_service (store, service, error))
        goto fail;
      new_id = rei_service_get_id (service);
      g_hash_table_insert (service_ids, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&new_id, sizeof new_id));
    }
  for (guint i = 0; i < deleted->referrals->len; i++)
    {
      ReiReferral *referral = g_ptr_array_index (deleted->referrals, i);
      gint64 service_id = rei_referral_get_service_id (referral);
      gint64 *new_service = g_hash_table_lookup (service_ids, &service_id);

      rei_referral_set_id (referral, 0);
      rei_referral_set_partner_id (referral, partner_id);
      rei_referral_set_service_id (referral, new_service != NULL ? *new_service : 0);
      if (!rei_store_save_referral (store, referral, error))
        goto fail;
    }
  if (!rei_store_commit (store, error))
    goto fail;
  rei_partner_set_id (deleted->partner, partner_id);
  return TRUE;

fail:
  rei_store_rollback (store);
  return FALSE;
}

static void
on_undo_clicked_cb (AdwToast       *toast,
                    ReiNetworkView *self)
{
  Deleted *deleted = g_object_get_data (G_OBJECT (toast), "deleted");
  g_autoptr(GError) error = NULL;

  if (!restore (self->store, deleted, &error))
    {
      rei_error_dialog_show (GTK_WIDGET (self), _("Cannot Undo the Delete"), error->message);
      return;
    }
  rei_partner_editor_set_partner (self->partner_editor, deleted->partner);
  rei_network_view_refresh (self);
}

void
_rei_network_view_delete_partner (ReiNetworkView *self,
                                  gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Deleted *deleted = g_new0 (Deleted, 1);
  AdwToast *toast;

  deleted->partner = rei_store_get_partner (self->store, id, &error);
  if (deleted->partner != NULL)
    deleted->services = rei_store_list_services (self->store, id, &error);
  if (deleted->services != NULL)
    deleted->referrals = rei_store_list_referrals (self->store, id, 0, &error);
  if (deleted->referrals == NULL || !rei_store_delete_partner (self->store, id, &error))
    {
      rei_error_dialog_show (GTK_WIDGET (self), _("Cannot Delete the Partner"), error->message);
      g_clear_object (&deleted->partner);
      g_clear_pointer (&deleted->services, g_ptr_array_unref);
      g_clear_pointer (&deleted->referrals, g_ptr_array_unref);
      g_free (deleted);
      return;
    }

  rei_partner_editor_set_partner (self->partner_editor, NULL);
  rei_network_view_refresh (self);

  /* TRANSLATORS: a toast after a delete; %s is the partner's name. */
  title = g_strdup_printf (_("“%s” deleted"), rei_partner_get_name (deleted->partner));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "deleted", deleted, deleted_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  _rei_network_view_add_toast (self, toast);
}

/* ---------------------------------------------------------------------------------------------
 * Exports
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  ReiStore             *store;
  ReiNetworkExportKind  kind;
  char                 *path;
  char                 *from;
  char                 *to;
  char                 *area;
  char                 *centre;
  char                 *caption;
} ExportWork;

static void
export_work_free (gpointer data)
{
  ExportWork *work = data;

  g_object_unref (work->store);
  g_free (work->path);
  g_free (work->from);
  g_free (work->to);
  g_free (work->area);
  g_free (work->centre);
  g_free (work->caption);
  g_free (work);
}

static gboolean
export_work (ReiBackgroundJob  *job,
             gpointer           data,
             GCancellable      *cancellable,
             GError           **error)
{
  ExportWork *work = data;
  g_autoptr(ReiStore) own_store = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(ReiNetworkMap) map = NULL;
  ReiStore *store;

  /* Its own connection to the same file, so that the view's reads do not wait for it. */
  own_store = rei_store_open (rei_store_get_path (work->store), NULL);
  store = own_store != NULL ? own_store : work->store;

  if (work->kind == REI_NETWORK_EXPORT_WORKBOOK)
    return rei_network_export_workbook (store, work->path, work->from, work->to,
                                        rei_background_job_progress, job, cancellable, error);

  /* The map as the CLI draws it (the same size), for a report. */
  partners = rei_store_list_partners (store, error);
  if (partners == NULL)
    return FALSE;
  rei_background_job_set_fraction (job, 0.3);
  counts = rei_store_count_referrals (store, work->from, work->to, cancellable, error);
  if (counts == NULL)
    return FALSE;
  rei_background_job_set_fraction (job, 0.6);
  map = rei_network_map_new (partners, counts, work->area, 1200, 900);
  rei_network_map_set_centre_label (map, work->centre);
  rei_network_map_set_caption (map, work->caption);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return rei_network_map_export (map, work->path, error);
}

static void
on_export_finished_cb (ReiNetworkView   *self,
                       const GError     *error,
                       ReiBackgroundJob *job)
{
  if (self->job == job)
    g_clear_object (&self->job);
}

/* The period and the area as a line under the exported map. */
static char *
caption (ReiNetworkView *self,
         const char     *from,
         const char     *to)
{
  const char *area = rei_network_view_get_area (self);
  g_autofree char *period = NULL;

  if (from == NULL)
    period = g_strdup (_("Referrals of all time"));
  else
    {
      g_autofree char *a = rei_date_format_display (from);
      g_autofree char *b = rei_date_format_display (to);

      period = g_strdup_printf (_("Referrals from %s to %s"), a, b);
    }
  if (area == NULL)
    return g_steal_pointer (&period);
  {
    GtkStringObject *label = gtk_drop_down_get_selected_item (self->area_dropdown);

    /* TRANSLATORS: the period of the map, then the area it is narrowed to. */
    return g_strdup_printf (_("%s; area: %s"), period, gtk_string_object_get_string (label));
  }
}

ReiBackgroundJob *
rei_network_view_export_to (ReiNetworkView       *self,
                            GFile                *file,
                            ReiNetworkExportKind  kind)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  ExportWork *work;

  g_return_val_if_fail (REI_IS_NETWORK_VIEW (self), NULL);

  if (self->job != NULL || self->store == NULL)
    return NULL;
  if (path == NULL)
    {
      _rei_network_view_add_toast (self, adw_toast_new (_("Choose a file on this computer to export to")));
      return NULL;
    }
  if (kind == REI_NETWORK_EXPORT_WORKBOOK && !g_str_has_suffix (path, ".xlsx"))
    {
      char *with_suffix = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_suffix;
    }

  work = g_new0 (ExportWork, 1);
  work->store = g_object_ref (self->store);
  work->kind = kind;
  work->path = g_steal_pointer (&path);
  rei_network_view_get_period (self, &work->from, &work->to);
  work->area = g_strdup (rei_network_view_get_area (self));
  work->centre = g_strdup (_("Our centre"));
  work->caption = caption (self, work->from, work->to);

  name = g_path_get_basename (work->path);
  done = g_strdup_printf (_("Exported to %s"), name);
  self->job = rei_background_job_new (GTK_WIDGET (self), kind == REI_NETWORK_EXPORT_WORKBOOK
                                                         ? _("Exporting the network…")
                                                         : _("Exporting the map…"));
  rei_background_job_set_done_message (self->job, done);
  rei_background_job_set_cancelled_message (self->job, _("Export cancelled"));
  rei_background_job_set_error_title (self->job, _("The Network Was Not Exported"));
  g_signal_connect_object (self->job, "finished", G_CALLBACK (on_export_finished_cb), self,
                           G_CONNECT_SWAPPED);
  rei_background_job_bar_set_job (self->job_bar, self->job);
  rei_background_job_run (self->job, export_work, work, export_work_free);
  return self->job;
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ReiNetworkView  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rei_network_view_export_to (self, file,
                                    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind")));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_export_file (ReiNetworkView       *self,
                    ReiNetworkExportKind  kind,
                    const char           *title,
                    const char           *suggested)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  /* TRANSLATORS: the suggested file name of the network workbook. */
  choose_export_file (REI_NETWORK_VIEW (widget), REI_NETWORK_EXPORT_WORKBOOK,
                      _("Export the Network"), _("network.xlsx"));
}

static void
export_map_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *format = g_variant_get_string (parameter, NULL);
  /* TRANSLATORS: the suggested file name of the exported map, without its extension. */
  g_autofree char *name = g_strdup_printf ("%s.%s", _("network-map"),
                                           g_str_equal (format, "png") ? "png" : "svg");

  choose_export_file (REI_NETWORK_VIEW (widget), REI_NETWORK_EXPORT_MAP, _("Export the Map"), name);
}

/* ---------------------------------------------------------------------------------------------
 * Import
 * ------------------------------------------------------------------------------------------- */

static void
on_imported_cb (ReiNetworkView *self,
                guint           n_new,
                guint           n_updated)
{
  g_autofree char *title = g_strdup_printf (_("Imported: %u new, %u updated"), n_new, n_updated);

  _rei_network_view_add_toast (self, adw_toast_new (title));
  rei_network_view_refresh (self);
}

static void
on_import_dialog_destroy_cb (ReiNetworkView *self)
{
  self->import_dialog = NULL;
}

ReiPartnerImportDialog *
rei_network_view_import_file (ReiNetworkView *self,
                              GFile          *file)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (REI_IS_NETWORK_VIEW (self), NULL);

  if (self->import_dialog != NULL || self->store == NULL)
    return NULL;
  self->import_dialog = rei_partner_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       self->store, file);
  g_signal_connect_object (self->import_dialog, "imported", G_CALLBACK (on_imported_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_dialog, "destroy", G_CALLBACK (on_import_dialog_destroy_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->import_dialog));
  return self->import_dialog;
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ReiNetworkView  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rei_network_view_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiNetworkView *self = REI_NETWORK_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->import_dialog != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Partners"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_partner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ReiNetworkView *self = REI_NETWORK_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "gaps") == 0)
    gtk_stack_set_visible_child_name (self->pages, "partners");
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "services") == 0)
    {
      rei_service_editor_set_service (self->service_editor, NULL);
      return;
    }
  rei_partner_editor_set_partner (self->partner_editor, NULL);
  gtk_stack_set_visible_child_name (self->editors, "partner");
}

void
_rei_network_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "network.new-partner", NULL, new_partner_action);
  gtk_widget_class_install_action (widget_class, "network.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "network.export-workbook", NULL,
                                   export_workbook_action);
  gtk_widget_class_install_action (widget_class, "network.export-map", "s", export_map_action);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-background-job.h"
#include "rei-background-job-bar.h"
#include "rei-network-map-widget.h"
#include "rei-network-view.h"
#include "rei-partner-editor.h"
#include "rei-partner-import-dialog.h"
#include "rei-service-editor.h"

G_BEGIN_DECLS

/* The view's state, shared by rei-network-view.c (pages, filters, loading) and
 * rei-network-view-actions.c (delete with Undo, import, exports). */
struct _ReiNetworkView
{
  GtkBox               parent_instance;

  ReiStore            *store;
  GPtrArray           *partners;       /* ReiPartner*, as last read */
  GHashTable          *counts;         /* of the period, as last read */
  GPtrArray           *area_codes;     /* char*, parallel to area_dropdown after "All" */
  GCancellable        *loading;
  GListStore          *partner_model;
  GListStore          *service_model;
  ReiBackgroundJob    *job;            /* the running export */
  ReiPartnerImportDialog *import_dialog;

  /* Template widgets. */
  GtkSpinner          *spinner;
  GtkDropDown         *area_dropdown;
  GtkDropDown         *period_dropdown;
  GtkStack            *pages;
  ReiNetworkMapWidget *map;
  GtkColumnView       *partner_view;
  GtkColumnView       *service_view;
  GtkListBox          *coverage_list;
  GtkListBox          *needs_list;
  GtkStack            *editors;
  ReiPartnerEditor    *partner_editor;
  ReiServiceEditor    *service_editor;
  ReiBackgroundJobBar *job_bar;
};

typedef enum
{
  REI_NETWORK_EXPORT_WORKBOOK,
  REI_NETWORK_EXPORT_MAP,       /* .svg or .png by the file's name */
} ReiNetworkExportKind;

/* For the window tests and the benchmark. */
ReiNetworkMapWidget *rei_network_view_get_map            (ReiNetworkView       *self);
ReiPartnerEditor    *rei_network_view_get_partner_editor (ReiNetworkView       *self);
ReiServiceEditor    *rei_network_view_get_service_editor (ReiNetworkView       *self);
gboolean             rei_network_view_get_loading        (ReiNetworkView       *self);
/* Shows the partner in the editor (and selects it in the list, now if the list is shown, else
 * when it is). */
void                 rei_network_view_open_partner       (ReiNetworkView       *self,
                                                          gint64                id);
/* 0 = all time, 1 = the last 12 months, 2… = this year, last year, … */
void                 rei_network_view_set_period         (ReiNetworkView       *self,
                                                          guint                 index);
void                 rei_network_view_get_period         (ReiNetworkView       *self,
                                                          char                **from_iso,
                                                          char                **to_iso);
/* The area chosen, NULL for all. */
const char          *rei_network_view_get_area           (ReiNetworkView       *self);
void                 rei_network_view_set_area           (ReiNetworkView       *self,
                                                          const char           *area);
/* What the export actions do once the file chooser has answered. */
ReiBackgroundJob    *rei_network_view_export_to          (ReiNetworkView       *self,
                                                          GFile                *file,
                                                          ReiNetworkExportKind  kind);
/* What the import action does once the file chooser has answered. */
ReiPartnerImportDialog *rei_network_view_import_file     (ReiNetworkView       *self,
                                                          GFile                *file);

/* rei-network-view-actions.c */
void                 _rei_network_view_delete_partner    (ReiNetworkView       *self,
                                                          gint64                id);
void                 _rei_network_view_install_actions   (GtkWidgetClass       *widget_class);
void                 _rei_network_view_add_toast         (ReiNetworkView       *self,
                                                          AdwToast             *toast);

G_END_DECLS

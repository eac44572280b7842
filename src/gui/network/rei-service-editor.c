/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-service-editor.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "rei-code-combo-row.h"
#include "rei-partner.h"
#include "rei-store-network.h"

struct _ReiServiceEditor
{
  AdwBin           parent_instance;

  ReiStore        *store;
  gint64           id;
  gboolean         active;
  char            *source;
  GArray          *provider_ids;   /* gint64, parallel to provider_row's model */

  /* Template widgets. */
  AdwEntryRow     *name_row;
  ReiCodeComboRow *group_row;
  ReiCodeComboRow *subtype_row;
  ReiCodeComboRow *area_row;
  ReiCodeComboRow *dimension_row;
  AdwComboRow     *provider_row;
  AdwEntryRow     *capacity_row;
  AdwEntryRow     *cost_row;
  AdwEntryRow     *description_row;
  GtkLabel        *status_label;
  GtkWidget       *delete_button;
};

G_DEFINE_FINAL_TYPE (ReiServiceEditor, rei_service_editor, ADW_TYPE_BIN)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_status (ReiServiceEditor *self,
             const char       *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* GStrv pairs from the store become the combo's code, label, … list. */
static void
set_lookup (ReiCodeComboRow *row,
            GPtrArray       *pairs)
{
  g_autoptr(GPtrArray) flat = g_ptr_array_new ();

  for (guint i = 0; pairs != NULL && i < pairs->len; i++)
    {
      char **pair = g_ptr_array_index (pairs, i);

      g_ptr_array_add (flat, pair[0]);
      g_ptr_array_add (flat, pair[1]);
    }
  g_ptr_array_add (flat, NULL);
  rei_code_combo_row_set_choices (row, (const char * const *) flat->pdata);
}

static void
on_group_changed_cb (ReiServiceEditor *self)
{
  /* Group A has no kind: universal and tailored split group B only. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->subtype_row),
                            g_strcmp0 (rei_code_combo_row_get_code (self->group_row), "B") == 0);
}

static void
on_new_clicked_cb (ReiServiceEditor *self)
{
  rei_service_editor_set_service (self, NULL);
}

static void
on_save_clicked_cb (ReiServiceEditor *self)
{
  rei_service_editor_save (self, NULL);
}

static void
on_delete_clicked_cb (ReiServiceEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->id <= 0)
    return;
  if (!rei_store_delete_service (self->store, self->id, &error))
    {
      show_status (self, error->message);
      return;
    }
  rei_service_editor_set_service (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, (gint64) 0);
}

static void
rei_service_editor_dispose (GObject *object)
{
  ReiServiceEditor *self = REI_SERVICE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_SERVICE_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->provider_ids, g_array_unref);
  G_OBJECT_CLASS (rei_service_editor_parent_class)->dispose (object);
}

static void
rei_service_editor_class_init (ReiServiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_service_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/network/rei-service-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, subtype_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, dimension_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, provider_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, cost_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, ReiServiceEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
}

static void
rei_service_editor_init (ReiServiceEditor *self)
{
  static const char * const groups[] = {
    "A", N_("A — building agency"), "B", N_("B — overcoming barriers"), NULL,
  };
  static const char * const subtypes[] = {
    "powszechna", N_("Universal"), "dopasowana", N_("Tailored"), NULL,
  };
  const char *translated[G_N_ELEMENTS (groups)];

  self->provider_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    translated[i] = groups[i] != NULL && i % 2 == 1 ? _(groups[i]) : groups[i];
  rei_code_combo_row_set_choices (self->group_row, translated);
  for (guint i = 0; i < G_N_ELEMENTS (subtypes); i++)
    translated[i] = subtypes[i] != NULL && i % 2 == 1 ? _(subtypes[i]) : subtypes[i];
  rei_code_combo_row_set_choices (self->subtype_row, translated);
  g_signal_connect_object (self->group_row, "notify::selected", G_CALLBACK (on_group_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rei_service_editor_set_partners (self, NULL);
  rei_service_editor_set_service (self, NULL);
}

GtkWidget *
rei_service_editor_new (void)
{
  return g_object_new (REI_TYPE_SERVICE_EDITOR, NULL);
}

void
rei_service_editor_set_store (ReiServiceEditor *self,
                              ReiStore         *store)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) dimensions = NULL;

  g_return_if_fail (REI_IS_SERVICE_EDITOR (self));

  g_set_object (&self->store, store);
  if (store == NULL)
    return;
  areas = rei_store_list_social_areas (store, NULL);
  dimensions = rei_store_list_dimensions (store, NULL);
  set_lookup (self->area_row, areas);
  set_lookup (self->dimension_row, dimensions);
}

void
rei_service_editor_set_partners (ReiServiceEditor *self,
                                 GPtrArray        *partners)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  gint64 selected = 0;
  guint position = 0;

  g_return_if_fail (REI_IS_SERVICE_EDITOR (self));

  if (self->provider_ids->len > 0)
    selected = g_array_index (self->provider_ids, gint64,
                              MIN (adw_combo_row_get_selected (self->provider_row),
                                   self->provider_ids->len - 1));
  g_array_set_size (self->provider_ids, 0);
  gtk_string_list_append (names, _("Nobody yet"));
  g_array_append_val (self->provider_ids, none);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      ReiPartner *partner = g_ptr_array_index (partners, i);
      gint64 id = rei_partner_get_id (partner);

      if (id == selected)
        position = self->provider_ids->len;
      gtk_string_list_append (names, rei_partner_get_name (partner));
      g_array_append_val (self->provider_ids, id);
    }
  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->provider_row, position);
}

void
rei_service_editor_set_service (ReiServiceEditor *self,
                                ReiService       *service)
{
  g_autoptr(ReiService) fresh = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *capacity = NULL;
  guint position = 0;

  g_return_if_fail (REI_IS_SERVICE_EDITOR (self));

  if (service == NULL)
    service = fresh = rei_service_new ();
  self->id = rei_service_get_id (service);
  self->active = rei_service_get_active (service);
  g_free (self->source);
  self->source = g_strdup (rei_service_get_text (service, REI_SERVICE_SOURCE));

  set_entry (self->name_row, rei_service_get_name (service));
  rei_code_combo_row_set_code (self->group_row, rei_service_get_text (service, REI_SERVICE_GROUP));
  rei_code_combo_row_set_code (self->subtype_row, rei_service_get_text (service, REI_SERVICE_SUBTYPE));
  rei_code_combo_row_set_code (self->area_row, rei_service_get_text (service, REI_SERVICE_AREA));
  rei_code_combo_row_set_code (self->dimension_row, rei_service_get_text (service, REI_SERVICE_DIMENSION));
  for (guint i = 0; i < self->provider_ids->len; i++)
    if (g_array_index (self->provider_ids, gint64, i) == rei_service_get_partner_id (service))
      position = i;
  adw_combo_row_set_selected (self->provider_row, position);
  if (rei_service_get_capacity (service) >= 0)
    capacity = g_strdup_printf ("%d", rei_service_get_capacity (service));
  set_entry (self->capacity_row, capacity);
  cost = rei_money_format (rei_service_get_cost_grosze (service));
  set_entry (self->cost_row, cost);
  set_entry (self->description_row, rei_service_get_text (service, REI_SERVICE_DESCRIPTION));
  on_group_changed_cb (self);
  gtk_widget_set_sensitive (self->delete_button, self->id > 0);
  show_status (self, NULL);
}

gboolean
rei_service_editor_save (ReiServiceEditor  *self,
                         GError           **error)
{
  g_autoptr(ReiService) service = rei_service_new ();
  g_autoptr(GError) local_error = NULL;
  const char *capacity = gtk_editable_get_text (GTK_EDITABLE (self->capacity_row));
  const char *cost = gtk_editable_get_text (GTK_EDITABLE (self->cost_row));
  guint provider = adw_combo_row_get_selected (self->provider_row);
  gint64 grosze = -1;

  g_return_val_if_fail (REI_IS_SERVICE_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  rei_service_set_id (service, self->id);
  rei_service_set_active (service, self->active);
  rei_service_set_text (service, REI_SERVICE_SOURCE, self->source);
  rei_service_set_text (service, REI_SERVICE_NAME, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rei_service_set_text (service, REI_SERVICE_GROUP, rei_code_combo_row_get_code (self->group_row));
  rei_service_set_text (service, REI_SERVICE_SUBTYPE,
                        g_strcmp0 (rei_code_combo_row_get_code (self->group_row), "B") == 0
                        ? rei_code_combo_row_get_code (self->subtype_row) : NULL);
  rei_service_set_text (service, REI_SERVICE_AREA, rei_code_combo_row_get_code (self->area_row));
  rei_service_set_text (service, REI_SERVICE_DIMENSION, rei_code_combo_row_get_code (self->dimension_row));
  rei_service_set_text (service, REI_SERVICE_DESCRIPTION,
                        gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  if (provider != GTK_INVALID_LIST_POSITION && provider < self->provider_ids->len)
    rei_service_set_partner_id (service, g_array_index (self->provider_ids, gint64, provider));
  if (*capacity != '\0')
    {
      char *end = NULL;
      long places = strtol (capacity, &end, 10);

      if (end == capacity || *end != '\0' || places < 0 || places > G_MAXINT)
        g_set_error_literal (&local_error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                             _("Places must be a whole number."));
      rei_service_set_capacity (service, (int) places);
    }
  if (local_error == NULL && *cost != '\0' && !rei_money_parse (cost, &grosze, NULL))
    g_set_error_literal (&local_error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                         _("Enter the cost in złoty, e.g. 1234,50."));
  rei_service_set_cost_grosze (service, grosze);
  if (local_error == NULL)
    rei_store_save_service (self->store, service, &local_error);
  if (local_error != NULL)
    {
      show_status (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  rei_service_editor_set_service (self, service);
  g_signal_emit (self, signals[SAVED], 0, rei_service_get_id (service));
  return TRUE;
}

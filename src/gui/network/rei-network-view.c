/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-network-view-private.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-store-network.h"

G_DEFINE_FINAL_TYPE (ReiNetworkView, rei_network_view, GTK_TYPE_BOX)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The periods offered after "All time" and "Last 12 months": this year and the five before. */
#define N_YEARS 6

/* ---------------------------------------------------------------------------------------------
 * What the worker reads
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  ReiStore   *store;
  char       *from;
  char       *to;
  GPtrArray  *partners;
  GPtrArray  *services;
  GPtrArray  *coverage;
  GPtrArray  *needs;
  GPtrArray  *areas;
  GHashTable *counts;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_object_unref (load->store);
  g_free (load->from);
  g_free (load->to);
  g_clear_pointer (&load->partners, g_ptr_array_unref);
  g_clear_pointer (&load->services, g_ptr_array_unref);
  g_clear_pointer (&load->coverage, g_ptr_array_unref);
  g_clear_pointer (&load->needs, g_ptr_array_unref);
  g_clear_pointer (&load->areas, g_ptr_array_unref);
  g_clear_pointer (&load->counts, g_hash_table_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Load *load = data;
  GError *error = NULL;

  if ((load->partners = rei_store_list_partners (load->store, &error)) == NULL
      || (load->services = rei_store_list_services (load->store, 0, &error)) == NULL
      || (load->coverage = rei_store_list_coverage (load->store, &error)) == NULL
      || (load->needs = rei_store_list_unmet_needs (load->store, TRUE, &error)) == NULL
      || (load->areas = rei_store_list_social_areas (load->store, &error)) == NULL
      || (load->counts = rei_store_count_referrals (load->store, load->from, load->to,
                                                    cancellable, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ---------------------------------------------------------------------------------------------
 * Lists
 * ------------------------------------------------------------------------------------------- */

static const char *
area_label (GPtrArray  *areas,
            const char *code)
{
  for (guint i = 0; code != NULL && areas != NULL && i < areas->len; i++)
    {
      char **area = g_ptr_array_index (areas, i);

      if (g_str_equal (area[0], code))
        return area[1];
    }
  return code;
}

static void
fill_areas (ReiNetworkView *self,
            GPtrArray      *areas)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_strdup (rei_network_view_get_area (self));
  guint position = 0;

  g_ptr_array_set_size (self->area_codes, 0);
  gtk_string_list_append (labels, _("All areas"));
  for (guint i = 0; i < areas->len; i++)
    {
      char **area = g_ptr_array_index (areas, i);

      if (g_strcmp0 (chosen, area[0]) == 0)
        position = i + 1;
      gtk_string_list_append (labels, area[1]);
      g_ptr_array_add (self->area_codes, g_strdup (area[0]));
    }
  g_signal_handlers_block_matched (self->area_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->area_dropdown, position);
  g_signal_handlers_unblock_matched (self->area_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static GtkWidget *
coverage_row (ReiCoverage *coverage)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *services = NULL;
  g_autofree char *needs = NULL;

  services = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services",
                                           coverage->n_services), coverage->n_services);
  needs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open need", "%u open needs",
                                        coverage->n_open_needs), coverage->n_open_needs);
  /* TRANSLATORS: "3 services, 2 partners, 1 open need". */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u partner, %s",
                                           "%s, %u partners, %s", coverage->n_partners),
                              services, coverage->n_partners, needs);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), coverage->label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (coverage->is_area
                                                           ? "view-grid-symbolic"
                                                           : "starred-symbolic"));
  if (rei_coverage_is_gap (coverage))
    {
      GtkWidget *tag = gtk_label_new (_("Gap"));

      gtk_widget_add_css_class (tag, "error");
      gtk_widget_add_css_class (tag, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  return row;
}

static void
fill_gaps (ReiNetworkView *self,
           Load           *load)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coverage_list))) != NULL)
    gtk_list_box_remove (self->coverage_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->needs_list))) != NULL)
    gtk_list_box_remove (self->needs_list, child);

  for (guint i = 0; i < load->coverage->len; i++)
    gtk_list_box_append (self->coverage_list, coverage_row (g_ptr_array_index (load->coverage, i)));
  for (guint i = 0; i < load->needs->len; i++)
    {
      ReiUnmetNeed *need = g_ptr_array_index (load->needs, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = rei_date_format_display (need->recorded_on);
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: an unmet need's area and the date a plan recorded it. */
      subtitle = g_strdup_printf (_("%s · recorded on %s"),
                                  need->area_code != NULL ? area_label (load->areas, need->area_code)
                                                          : _("no area"), date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), need->description);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->needs_list, row);
    }
  if (load->needs->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Every need the plans record is met by some partner."));
      gtk_list_box_append (self->needs_list, row);
    }
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReiNetworkView *self = REI_NETWORK_VIEW (source);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gint64 shown;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->loading);
      gtk_spinner_stop (self->spinner);
      _rei_network_view_add_toast (self, adw_toast_new (error->message));
      return;
    }
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);

  g_clear_pointer (&self->partners, g_ptr_array_unref);
  self->partners = g_ptr_array_ref (load->partners);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = g_hash_table_ref (load->counts);

  g_list_store_splice (self->partner_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->partner_model)),
                       load->partners->pdata, load->partners->len);
  g_list_store_splice (self->service_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->service_model)),
                       load->services->pdata, load->services->len);
  if (self->area_codes->len == 0)
    fill_areas (self, load->areas);
  fill_gaps (self, load);

  rei_network_map_widget_set_counts (self->map, load->counts);
  rei_network_map_widget_set_partners (self->map, load->partners);
  rei_service_editor_set_partners (self->service_editor, load->partners);

  /* The partner in the form is shown as stored now (a delete, an import). */
  shown = rei_partner_editor_get_partner_id (self->partner_editor);
  if (shown > 0)
    {
      ReiPartner *found = NULL;

      for (guint i = 0; i < load->partners->len && found == NULL; i++)
        if (rei_partner_get_id (g_ptr_array_index (load->partners, i)) == shown)
          found = g_ptr_array_index (load->partners, i);
      rei_partner_editor_set_partner (self->partner_editor, found);
    }
  g_signal_emit (self, signals[LOADED], 0);
}

/* ---------------------------------------------------------------------------------------------
 * Column factories
 * ------------------------------------------------------------------------------------------- */

typedef const char *(*CellText) (ReiNetworkView *self,
                                 GObject        *item,
                                 char          **owned);

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 4);
  gtk_list_item_set_child (item, inscription);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ReiNetworkView           *self)
{
  CellText text = g_object_get_data (G_OBJECT (factory), "text");
  g_autofree char *owned = NULL;
  const char *value = text (self, gtk_list_item_get_item (item), &owned);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), value);
}

static void
add_column (ReiNetworkView *self,
            GtkColumnView  *view,
            const char     *title,
            CellText        text,
            int             width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "text", text);
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_cell_bind_cb), self, 0);
  column = gtk_column_view_column_new (title, factory);
  /* 0: shares the room left; else a width that shows its values whole. */
  gtk_column_view_column_set_expand (column, width == 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static const char *
partner_name (ReiNetworkView *self, GObject *item, char **owned)
{
  return rei_partner_get_name (REI_PARTNER (item));
}

static const char *
partner_type (ReiNetworkView *self, GObject *item, char **owned)
{
  return rei_partner_get_text (REI_PARTNER (item), REI_PARTNER_TYPE);
}

static const char *
partner_sector (ReiNetworkView *self, GObject *item, char **owned)
{
  return rei_partner_sector_label (rei_partner_get_text (REI_PARTNER (item), REI_PARTNER_SECTOR));
}

static const char *
partner_referrals (ReiNetworkView *self, GObject *item, char **owned)
{
  gint64 id = rei_partner_get_id (REI_PARTNER (item));
  guint n = self->counts != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &id)) : 0;

  return *owned = g_strdup_printf ("%u", n);
}

static const char *
service_name (ReiNetworkView *self, GObject *item, char **owned)
{
  return rei_service_get_name (REI_SERVICE (item));
}

static const char *
service_group (ReiNetworkView *self, GObject *item, char **owned)
{
  const char *subtype = rei_service_get_text (REI_SERVICE (item), REI_SERVICE_SUBTYPE);

  return *owned = g_strdup_printf ("%s%s%s", rei_service_get_text (REI_SERVICE (item), REI_SERVICE_GROUP) ?: "",
                                   subtype != NULL ? " · " : "",
                                   subtype == NULL ? "" : g_str_equal (subtype, "powszechna")
                                                         ? _("Universal") : _("Tailored"));
}

static const char *
service_provider (ReiNetworkView *self, GObject *item, char **owned)
{
  const char *name = rei_service_get_text (REI_SERVICE (item), REI_SERVICE_PROVIDER_NAME);

  return name != NULL ? name : _("Nobody yet");
}

/* ---------------------------------------------------------------------------------------------
 * Signal callbacks
 * ------------------------------------------------------------------------------------------- */

static void
on_partner_selected_cb (GtkSingleSelection *selection,
                        GParamSpec         *pspec,
                        ReiNetworkView     *self)
{
  ReiPartner *partner = gtk_single_selection_get_selected_item (selection);

  if (partner == NULL || rei_partner_editor_get_partner_id (self->partner_editor) == rei_partner_get_id (partner))
    return;
  rei_partner_editor_set_partner (self->partner_editor, partner);
  gtk_stack_set_visible_child_name (self->editors, "partner");
}

static void
on_service_selected_cb (GtkSingleSelection *selection,
                        GParamSpec         *pspec,
                        ReiNetworkView     *self)
{
  ReiService *service = gtk_single_selection_get_selected_item (selection);

  if (service != NULL)
    rei_service_editor_set_service (self->service_editor, service);
}

/* The partners' list selects the partner in the form only while the list is shown: GTK 4.8
 * builds the widgets of a selected row at once, shown or not (its cells made and bound), which
 * was half of what a click on the map cost. */
static void
select_shown_partner (ReiNetworkView *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->partner_view));
  gint64 id = rei_partner_editor_get_partner_id (self->partner_editor);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->partner_model));
  guint position = GTK_INVALID_LIST_POSITION;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "partners") != 0)
    return;
  for (guint i = 0; id > 0 && i < n && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(ReiPartner) partner = g_list_model_get_item (G_LIST_MODEL (self->partner_model), i);

      if (rei_partner_get_id (partner) == id)
        position = i;
    }
  if (gtk_single_selection_get_selected (selection) != position)
    gtk_single_selection_set_selected (selection, position);
}

static void
on_page_changed_cb (ReiNetworkView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->pages);

  gtk_widget_set_visible (GTK_WIDGET (self->editors), g_strcmp0 (page, "gaps") != 0);
  gtk_stack_set_visible_child_name (self->editors,
                                    g_strcmp0 (page, "services") == 0 ? "service" : "partner");
  select_shown_partner (self);
}

static void
on_partner_activated_cb (ReiNetworkView *self,
                         gint64          id)
{
  rei_network_view_open_partner (self, id);
}

static void
on_area_changed_cb (ReiNetworkView *self)
{
  rei_network_map_widget_set_area (self->map, rei_network_view_get_area (self));
}

/* A new period only re-weights the links: the counts come from a worker thread and the nodes
 * stay where they are. */
static void
on_period_changed_cb (ReiNetworkView *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->store == NULL)
    return;
  rei_network_view_get_period (self, &from, &to);
  rei_network_map_widget_load_counts (self->map, self->store, from, to);
}

static void
on_counts_loaded_cb (ReiNetworkView *self)
{
  ReiNetworkMap *map = rei_network_map_widget_get_map (self->map);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* The partners' list shows the same period as the map. */
  for (guint i = 0; map != NULL && i < rei_network_map_get_n_nodes (map); i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, i);

      if (node->referrals > 0)
        g_hash_table_insert (counts, g_memdup2 (&node->partner_id, sizeof (gint64)),
                             GUINT_TO_POINTER (node->referrals));
    }
  if (rei_network_view_get_area (self) == NULL)
    {
      g_clear_pointer (&self->counts, g_hash_table_unref);
      self->counts = g_steal_pointer (&counts);
      g_list_model_items_changed (G_LIST_MODEL (self->partner_model), 0,
                                  g_list_model_get_n_items (G_LIST_MODEL (self->partner_model)),
                                  g_list_model_get_n_items (G_LIST_MODEL (self->partner_model)));
    }
}

static void
on_partner_saved_cb (ReiNetworkView *self,
                     gint64          id)
{
  rei_network_view_refresh (self);
}

static void
on_referred_cb (ReiNetworkView *self,
                gint64          partner_id)
{
  on_period_changed_cb (self);
}

static void
on_service_saved_cb (ReiNetworkView *self,
                     gint64          id)
{
  rei_network_view_refresh (self);
}

static void
on_delete_requested_cb (ReiNetworkView *self,
                        gint64          id)
{
  _rei_network_view_delete_partner (self, id);
}

/* ---------------------------------------------------------------------------------------------
 * Overrides
 * ------------------------------------------------------------------------------------------- */

static void
rei_network_view_dispose (GObject *object)
{
  ReiNetworkView *self = REI_NETWORK_VIEW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->job != NULL)
    rei_background_job_cancel (self->job);
  g_clear_object (&self->job);
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_NETWORK_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->partner_model);
  g_clear_object (&self->service_model);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->area_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (rei_network_view_parent_class)->dispose (object);
}

static void
rei_network_view_class_init (ReiNetworkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_network_view_dispose;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (REI_TYPE_NETWORK_MAP_WIDGET);
  g_type_ensure (REI_TYPE_PARTNER_EDITOR);
  g_type_ensure (REI_TYPE_SERVICE_EDITOR);
  g_type_ensure (REI_TYPE_BACKGROUND_JOB_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/network/rei-network-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, pages);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, map);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, partner_view);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, service_view);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, coverage_list);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, needs_list);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, editors);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, partner_editor);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, service_editor);
  gtk_widget_class_bind_template_child (widget_class, ReiNetworkView, job_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referred_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_service_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_requested_cb);
  _rei_network_view_install_actions (widget_class);
}

static void
rei_network_view_init (ReiNetworkView *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autofree char *today = rei_date_today_iso ();
  int year = rei_date_year (today);
  GtkSingleSelection *selection;

  self->area_codes = g_ptr_array_new_with_free_func (g_free);
  self->partner_model = g_list_store_new (REI_TYPE_PARTNER);
  self->service_model = g_list_store_new (REI_TYPE_SERVICE);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (periods, _("All time"));
  gtk_string_list_append (periods, _("Last 12 months"));
  for (int y = year; y > year - N_YEARS; y--)
    {
      g_autofree char *label = g_strdup_printf ("%d", y);

      gtk_string_list_append (periods, label);
    }
  g_signal_handlers_block_matched (self->period_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  g_signal_handlers_unblock_matched (self->period_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  add_column (self, self->partner_view, _("Name"), partner_name, 0);
  add_column (self, self->partner_view, _("Type"), partner_type, 60);
  add_column (self, self->partner_view, _("Sector"), partner_sector, 150);
  add_column (self, self->partner_view, _("Referrals"), partner_referrals, 100);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->partner_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (on_partner_selected_cb), self, 0);
  gtk_column_view_set_model (self->partner_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  add_column (self, self->service_view, _("Name"), service_name, 0);
  add_column (self, self->service_view, _("Group"), service_group, 130);
  add_column (self, self->service_view, _("Provider"), service_provider, 0);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->service_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (on_service_selected_cb), self, 0);
  gtk_column_view_set_model (self->service_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->map, "counts-loaded", G_CALLBACK (on_counts_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  rei_network_map_widget_set_centre_label (self->map, _("Our centre"));
}

/* ---------------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------------- */

GtkWidget *
rei_network_view_new (void)
{
  return g_object_new (REI_TYPE_NETWORK_VIEW, NULL);
}

/* A backup was restored: the partners, services and counts of the restored register. */
static void
on_store_replaced_cb (ReiNetworkView *self)
{
  rei_network_view_refresh (self);
}

void
rei_network_view_set_store (ReiNetworkView *self,
                            ReiStore       *store)
{
  g_return_if_fail (REI_IS_NETWORK_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_replaced_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "replaced", G_CALLBACK (on_store_replaced_cb), self,
                             G_CONNECT_SWAPPED);
  rei_partner_editor_set_store (self->partner_editor, store);
  rei_service_editor_set_store (self->service_editor, store);
  if (store != NULL)
    rei_network_view_refresh (self);
}

void
rei_network_view_refresh (ReiNetworkView *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (REI_IS_NETWORK_VIEW (self));
  g_return_if_fail (self->store != NULL);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  load = g_new0 (Load, 1);
  load->store = g_object_ref (self->store);
  rei_network_view_get_period (self, &load->from, &load->to);
  task = g_task_new (self, self->loading, on_loaded_cb, NULL);
  g_task_set_source_tag (task, rei_network_view_refresh);
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_thread);
  gtk_spinner_start (self->spinner);
}

ReiNetworkMapWidget *
rei_network_view_get_map (ReiNetworkView *self)
{
  return self->map;
}

ReiPartnerEditor *
rei_network_view_get_partner_editor (ReiNetworkView *self)
{
  return self->partner_editor;
}

ReiServiceEditor *
rei_network_view_get_service_editor (ReiNetworkView *self)
{
  return self->service_editor;
}

gboolean
rei_network_view_get_loading (ReiNetworkView *self)
{
  return self->loading != NULL || rei_network_map_widget_get_loading (self->map)
         || rei_partner_editor_get_loading (self->partner_editor);
}

void
rei_network_view_open_partner (ReiNetworkView *self,
                               gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->partner_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReiPartner) partner = g_list_model_get_item (G_LIST_MODEL (self->partner_model), i);

      if (rei_partner_get_id (partner) == id)
        {
          rei_partner_editor_set_partner (self->partner_editor, partner);
          select_shown_partner (self);
          gtk_stack_set_visible_child_name (self->editors, "partner");
          return;
        }
    }
}

void
rei_network_view_set_period (ReiNetworkView *self,
                             guint           index)
{
  gtk_drop_down_set_selected (self->period_dropdown, index);
}

void
rei_network_view_get_period (ReiNetworkView  *self,
                             char           **from_iso,
                             char           **to_iso)
{
  guint index = gtk_drop_down_get_selected (self->period_dropdown);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  *from_iso = *to_iso = NULL;
  if (index == 1)
    {
      g_autoptr(GDateTime) year_ago = g_date_time_add_years (now, -1);

      *from_iso = g_date_time_format (year_ago, "%Y-%m-%d");
      *to_iso = g_date_time_format (now, "%Y-%m-%d");
    }
  else if (index >= 2 && index != GTK_INVALID_LIST_POSITION)
    {
      int year = g_date_time_get_year (now) - (int) (index - 2);

      *from_iso = g_strdup_printf ("%04d-01-01", year);
      *to_iso = g_strdup_printf ("%04d-12-31", year);
    }
}

const char *
rei_network_view_get_area (ReiNetworkView *self)
{
  guint index = gtk_drop_down_get_selected (self->area_dropdown);

  if (index == 0 || index == GTK_INVALID_LIST_POSITION || index > self->area_codes->len)
    return NULL;
  return g_ptr_array_index (self->area_codes, index - 1);
}

void
rei_network_view_set_area (ReiNetworkView *self,
                           const char     *area)
{
  for (guint i = 0; i < self->area_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->area_codes, i), area) == 0)
      {
        gtk_drop_down_set_selected (self->area_dropdown, i + 1);
        return;
      }
  gtk_drop_down_set_selected (self->area_dropdown, 0);
}

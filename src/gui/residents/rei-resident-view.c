/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-view-private.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (ReiResidentView, rei_resident_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_filter_button (ReiResidentView *self)
{
  guint n = rei_resident_filter_popover_get_n_active (self->filter_popover);

  if (n > 0)
    {
      /* TRANSLATORS: the button of the list's filters when some are in use; %u is how many. */
      g_autofree char *label = g_strdup_printf (_("_Filters (%u)"), n);

      gtk_menu_button_set_label (self->filter_button, label);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
  else
    {
      gtk_menu_button_set_label (self->filter_button, _("_Filters"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
}

static void
update_page (ReiResidentView *self)
{
  const ReiResidentQuery *query;
  gboolean loading;
  guint n_filters;
  guint n;

  if (self->list == NULL)
    return;

  query = rei_resident_list_get_query (self->list);
  loading = rei_resident_list_get_loading (self->list);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);

  /* Keep what is on screen until the query that will replace it has answered. */
  if (loading)
    return;

  n_filters = rei_resident_filter_popover_get_n_active (self->filter_popover);
  if (n > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u resident",
                                                             "%u residents", n), n);

      gtk_label_set_label (self->count_label, count);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if ((query->search != NULL && query->search[0] != '\0') || n_filters > 0)
    {
      gtk_label_set_label (self->count_label, "");
      adw_status_page_set_description (self->no_results_page,
                                       n_filters > 0
                                       ? _("Try a different name or PESEL, or change the filters.")
                                       : _("Try a different name or PESEL."));
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    {
      gtk_label_set_label (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  /* Nothing to search in an empty database: the status page has the one useful action.  A
   * filter that leaves nobody is not an empty database: the page is then "no-results". */
  gtk_widget_set_visible (self->toolbar,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") != 0);
}

static gboolean
same_query (const ReiResidentQuery *a,
            const ReiResidentQuery *b)
{
  return g_strcmp0 (a->search, b->search) == 0 && a->status == b->status
         && g_strcmp0 (a->category, b->category) == 0 && g_strcmp0 (a->workshop, b->workshop) == 0
         && g_strcmp0 (a->project, b->project) == 0 && a->admission_year == b->admission_year
         && a->end_year == b->end_year && a->review_overdue == b->review_overdue
         && a->sort == b->sort && a->descending == b->descending;
}

/* The search of the entry, the filters of the popover and sort into a query for the list. */
static void
run_query (ReiResidentView *self,
           int              sort,
           gboolean         descending)
{
  g_autoptr(ReiResidentQuery) query = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->list == NULL)
    return;

  query = rei_resident_query_copy (rei_resident_list_get_query (self->list));
  g_clear_pointer (&query->search, g_free);
  query->search = search != NULL && search[0] != '\0' ? g_strdup (search) : NULL;
  query->sort = sort >= 0 ? (ReiResidentSort) sort : REI_RESIDENT_SORT_NAME;
  query->descending = descending;
  rei_resident_filter_popover_apply (self->filter_popover, query);
  if (!same_query (query, rei_resident_list_get_query (self->list)))
    rei_lazy_column_view_scroll_to_top_next (self->table);
  rei_resident_list_set_query (self->list, query);
}

/* The same sort, another search or filter. */
static void
run_query_again (ReiResidentView *self)
{
  const ReiResidentQuery *query;

  if (self->list == NULL)
    return;
  query = rei_resident_list_get_query (self->list);
  run_query (self, query->sort, query->descending);
}

static void
on_sort_changed_cb (ReiResidentView *self,
                    int              sort,
                    gboolean         descending)
{
  run_query (self, sort, descending);
}

static void
on_search_changed_cb (ReiResidentView *self)
{
  run_query_again (self);
}

static void
on_stop_search_cb (ReiResidentView *self,
                   GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_filter_changed_cb (ReiResidentView *self)
{
  update_filter_button (self);
  run_query_again (self);
}

static void
on_list_changed_cb (ReiResidentView *self)
{
  update_page (self);
}

/* The rows are computed with the rules and the day of this result; the cells are filled again
 * as the rows change, right after this. */
static void
on_list_replacing_cb (ReiResidentView *self)
{
  _rei_resident_view_load_row_context (self);
}

static void
rei_resident_view_dispose (GObject *object)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (object);
  GtkWidget *child;

  _rei_resident_view_dispose_actions (self);
  /* First the table: its growth stops, and the sorters that change while the columns go away
   * start no query. */
  g_clear_object (&self->table);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_RESIDENT_VIEW);
  /* The box that holds everything is not a bound child; it goes with us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rei_resident_view_parent_class)->dispose (object);
}

static void
rei_resident_view_finalize (GObject *object)
{
  _rei_resident_view_finalize_columns (REI_RESIDENT_VIEW (object));

  G_OBJECT_CLASS (rei_resident_view_parent_class)->finalize (object);
}

static void
rei_resident_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_EXPORTING:
      g_value_set_boolean (value, self->export_job != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rei_resident_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
rei_resident_view_grab_focus (GtkWidget *widget)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (widget);

  if (gtk_widget_get_visible (self->toolbar))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return GTK_WIDGET_CLASS (rei_resident_view_parent_class)->grab_focus (widget);
}

static void
rei_resident_view_class_init (ReiResidentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_resident_view_dispose;
  object_class->finalize = rei_resident_view_finalize;
  object_class->get_property = rei_resident_view_get_property;
  object_class->set_property = rei_resident_view_set_property;
  widget_class->grab_focus = rei_resident_view_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (REI_TYPE_BACKGROUND_JOB_BAR);
  g_type_ensure (REI_TYPE_RESIDENT_FILTER_POPOVER);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/residents/rei-resident-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reiresidentview");

  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, stack);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, no_results_page);

  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  _rei_resident_view_class_init_columns (widget_class);
  _rei_resident_view_class_init_actions (widget_class);
}

static void
rei_resident_view_init (ReiResidentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->table = rei_lazy_column_view_new (self->column_view);
  _rei_resident_view_init_columns (self);
  _rei_resident_view_init_actions (self);
  g_signal_connect_object (self->table, "sort-changed", G_CALLBACK (on_sort_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Typing anywhere over the table starts a search, as in Files. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

void
_rei_resident_view_notify_exporting (ReiResidentView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "residents.cancel-export",
                                 self->export_job != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

ReiStore *
rei_resident_view_get_store (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  return self->store;
}

void
rei_resident_view_set_store (ReiResidentView *self,
                             ReiStore        *store)
{
  gboolean descending;
  int sort;

  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));
  g_return_if_fail (store == NULL || REI_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  if (store != NULL)
    {
      self->list = rei_resident_list_new (store);
      _rei_resident_view_load_row_context (self);
      g_signal_connect_object (self->list, "replacing",
                               G_CALLBACK (on_list_replacing_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "replaced",
                               G_CALLBACK (on_list_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::loading",
                               G_CALLBACK (on_list_changed_cb), self, G_CONNECT_SWAPPED);
    }

  rei_lazy_column_view_set_model (self->table, REI_LAZY_LIST (self->list));
  rei_resident_filter_popover_load (self->filter_popover, store);
  update_filter_button (self);

  sort = rei_lazy_column_view_get_sort (self->table, &descending);
  run_query (self, sort, descending);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

ReiResidentList *
rei_resident_view_get_list (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  return self->list;
}

GtkColumnView *
rei_resident_view_get_column_view (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  return self->column_view;
}

void
rei_resident_view_refresh (ReiResidentView *self)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  if (self->list == NULL)
    return;
  /* An import or an edit may have brought new workshops, projects or years; a workshop or
   * project that is gone filters nothing any more, and its filter is back at "All". */
  rei_resident_filter_popover_load (self->filter_popover, self->store);
  on_filter_changed_cb (self);
}

void
rei_resident_view_focus_search (ReiResidentView *self)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  if (gtk_widget_get_visible (self->toolbar))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
rei_resident_view_select_id (ReiResidentView *self,
                             gint64           id)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  rei_lazy_column_view_select_id (self->table, id);
}

void
rei_resident_view_unselect (ReiResidentView *self)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  rei_lazy_column_view_unselect (self->table);
}

void
rei_resident_view_clear_filters (ReiResidentView *self)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  rei_resident_filter_popover_clear (self->filter_popover);
}

gboolean
rei_resident_view_get_growing (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), FALSE);

  return rei_lazy_column_view_get_growing (self->table);
}

GtkEditable *
rei_resident_view_get_search_entry (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

const char *
rei_resident_view_get_page_name (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkDropDown *
rei_resident_view_get_filter (ReiResidentView   *self,
                              ReiResidentFilter  filter)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  return rei_resident_filter_popover_get_filter (self->filter_popover, filter);
}

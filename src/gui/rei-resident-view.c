/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-view.h"

#include <glib/gi18n.h>

#include "rei-date.h"

struct _ReiResidentView
{
  GtkWidget             parent_instance;

  ReiStore             *store;
  ReiResidentList      *list;
  GtkSingleSelection   *selection;
  /* The sort of the list as the column headers last asked for it; -1 before any. */
  int                   probed_sort;
  gboolean              resorting;

  /* Template widgets. */
  GtkWidget            *toolbar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *surname_column;
  GtkColumnViewColumn  *first_name_column;
  GtkColumnViewColumn  *pesel_column;
  GtkColumnViewColumn  *admission_column;
  GtkColumnViewColumn  *end_column;
  GtkColumnViewColumn  *workshop_column;
};

G_DEFINE_FINAL_TYPE (ReiResidentView, rei_resident_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  ReiResidentView *view;
  ReiResidentSort  sort;
} SortProbe;

static void
set_inscription (GtkListItem      *item,
                 ReiResidentField  field,
                 gboolean          is_date)
{
  ReiResident *resident = gtk_list_item_get_item (item);
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  const char *value = rei_resident_get (resident, field);

  if (is_date && value != NULL)
    {
      g_autofree char *display = rei_date_format_display (value);

      gtk_inscription_set_text (cell, display != NULL ? display : value);
    }
  else
    {
      gtk_inscription_set_text (cell, value);
    }
}

static void
update_page (ReiResidentView *self)
{
  const ReiResidentQuery *query;
  gboolean loading;
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

  if (n > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u resident",
                                                             "%u residents", n), n);

      gtk_label_set_label (self->count_label, count);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (query->search != NULL && query->search[0] != '\0')
    {
      gtk_label_set_label (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    {
      gtk_label_set_label (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  /* Nothing to search in an empty database: the status page has the one useful action. */
  gtk_widget_set_visible (self->toolbar,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") != 0);
}

static void
run_query (ReiResidentView *self,
           const char      *search,
           int              sort,
           gboolean         descending)
{
  g_autoptr(ReiResidentQuery) query = NULL;

  if (self->list == NULL)
    return;

  query = rei_resident_query_copy (rei_resident_list_get_query (self->list));
  g_clear_pointer (&query->search, g_free);
  query->search = search != NULL && search[0] != '\0' ? g_strdup (search) : NULL;
  query->sort = sort >= 0 ? (ReiResidentSort) sort : REI_RESIDENT_SORT_NAME;
  query->descending = descending;
  rei_resident_list_set_query (self->list, query);
}

/* GTK 4.8 does not say which column the user sorts by
 * (gtk_column_view_sorter_get_primary_sort_column is 4.10), yet the store sorts in SQL so that no row object is made for sorting.  The column
 * view's sorter asks the sorter of its primary column first and turns the answer round when the
 * order is descending, so one comparison of two dummies tells both. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  if (probe->view->probed_sort < 0)
    probe->view->probed_sort = probe->sort;
  return GTK_ORDERING_SMALLER;
}

static GtkColumnViewColumn *
column_for_sort (ReiResidentView *self,
                 ReiResidentSort  sort)
{
  switch (sort)
    {
    case REI_RESIDENT_SORT_NAME:
      return self->surname_column;
    case REI_RESIDENT_SORT_FIRST_NAME:
      return self->first_name_column;
    case REI_RESIDENT_SORT_PESEL:
      return self->pesel_column;
    case REI_RESIDENT_SORT_ADMISSION:
      return self->admission_column;
    case REI_RESIDENT_SORT_END:
      return self->end_column;
    case REI_RESIDENT_SORT_WORKSHOP:
      return self->workshop_column;
    default:
      g_assert_not_reached ();
    }
}

static void
on_sorter_changed_cb (ReiResidentView  *self,
                      GtkSorterChange   change,
                      GtkSorter        *sorter)
{
  GtkOrdering order;

  if (self->list == NULL || self->resorting)
    return;

  self->probed_sort = -1;
  /* Two different objects: gtk_sorter_compare() answers "equal" for one object on its own. */
  order = gtk_sorter_compare (sorter, self, self->column_view);
  run_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
             self->probed_sort, order == GTK_ORDERING_LARGER);

  /* The column view keeps the previous columns as secondary sorts and leaves their arrows
   * shown, but the store sorts by one column.  Taking a column's sorter away and giving it back
   * drops it from the sort and redraws its arrow (GTK 4.8 has no other way). */
  if (self->probed_sort >= 0)
    {
      GtkColumnViewColumn *primary = column_for_sort (self, self->probed_sort);

      self->resorting = TRUE;
      for (int sort = REI_RESIDENT_SORT_NAME; sort <= REI_RESIDENT_SORT_WORKSHOP; sort++)
        {
          GtkColumnViewColumn *column = column_for_sort (self, (ReiResidentSort) sort);
          g_autoptr(GtkSorter) column_sorter = NULL;

          if (column == primary)
            continue;
          column_sorter = g_object_ref (gtk_column_view_column_get_sorter (column));
          gtk_column_view_column_set_sorter (column, NULL);
          gtk_column_view_column_set_sorter (column, column_sorter);
        }
      self->resorting = FALSE;
    }
}

static void
on_search_changed_cb (ReiResidentView *self,
                      GtkSearchEntry  *entry)
{
  const ReiResidentQuery *query;

  if (self->list == NULL)
    return;
  query = rei_resident_list_get_query (self->list);
  run_query (self, gtk_editable_get_text (GTK_EDITABLE (entry)), query->sort, query->descending);
}

static void
on_stop_search_cb (ReiResidentView *self,
                   GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_list_changed_cb (ReiResidentView *self)
{
  update_page (self);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, cell);
}

static void
setup_numeric_cell_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  setup_cell_cb (factory, item, user_data);
  /* Tabular figures keep the digits of PESELs and dates in columns. */
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "numeric");
}

static void
bind_surname_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  set_inscription (item, REI_RESIDENT_SURNAME, FALSE);
}

static void
bind_first_name_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  set_inscription (item, REI_RESIDENT_FIRST_NAME, FALSE);
}

static void
bind_pesel_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  set_inscription (item, REI_RESIDENT_PESEL, FALSE);
}

static void
bind_admission_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  set_inscription (item, REI_RESIDENT_ADMISSION_DATE, TRUE);
}

static void
bind_end_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  set_inscription (item, REI_RESIDENT_END_DATE, TRUE);
}

static void
bind_workshop_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  set_inscription (item, REI_RESIDENT_WORKSHOP, FALSE);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), NULL);
}

static void
set_column_sorter (ReiResidentView     *self,
                   GtkColumnViewColumn *column,
                   ReiResidentSort      sort)
{
  g_autoptr(GtkSorter) sorter = NULL;
  SortProbe *probe = g_new0 (SortProbe, 1);

  probe->view = self;
  probe->sort = sort;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
  gtk_column_view_column_set_sorter (column, sorter);
}

static void
rei_resident_view_dispose (GObject *object)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (object);
  GtkWidget *child;

  /* Without a list, the sorters that change while the columns go away start no query. */
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_RESIDENT_VIEW);
  /* The box that holds everything is not a bound child; it goes with us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rei_resident_view_parent_class)->dispose (object);
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
  object_class->get_property = rei_resident_view_get_property;
  object_class->set_property = rei_resident_view_set_property;
  widget_class->grab_focus = rei_resident_view_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/rei-resident-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reiresidentview");

  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, stack);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, surname_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, first_name_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, pesel_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, admission_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, end_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, workshop_column);

  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_numeric_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_surname_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_first_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_pesel_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_admission_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_workshop_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);
}

static void
rei_resident_view_init (ReiResidentView *self)
{
  self->probed_sort = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_column_sorter (self, self->surname_column, REI_RESIDENT_SORT_NAME);
  set_column_sorter (self, self->first_name_column, REI_RESIDENT_SORT_FIRST_NAME);
  set_column_sorter (self, self->pesel_column, REI_RESIDENT_SORT_PESEL);
  set_column_sorter (self, self->admission_column, REI_RESIDENT_SORT_ADMISSION);
  set_column_sorter (self, self->end_column, REI_RESIDENT_SORT_END);
  set_column_sorter (self, self->workshop_column, REI_RESIDENT_SORT_WORKSHOP);
  gtk_column_view_sort_by_column (self->column_view, self->surname_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  /* Typing anywhere over the table starts a search, as in Files. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
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
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));
  g_return_if_fail (store == NULL || REI_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->selection);

  if (store != NULL)
    {
      self->list = rei_resident_list_new (store);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (on_list_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::loading",
                               G_CALLBACK (on_list_changed_cb), self, G_CONNECT_SWAPPED);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
    }

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  if (self->list != NULL)
    on_sorter_changed_cb (self, GTK_SORTER_CHANGE_DIFFERENT,
                          gtk_column_view_get_sorter (self->column_view));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

ReiResidentList *
rei_resident_view_get_list (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  return self->list;
}

void
rei_resident_view_refresh (ReiResidentView *self)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  if (self->list != NULL)
    rei_resident_list_refresh (self->list);
}

void
rei_resident_view_focus_search (ReiResidentView *self)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  if (gtk_widget_get_visible (self->toolbar))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkColumnView *
rei_resident_view_get_column_view (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  return self->column_view;
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

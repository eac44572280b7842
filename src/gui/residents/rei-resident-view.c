/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-view.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "rei-date.h"
#include "rei-export.h"
#include "rei-lifecycle.h"
#include "rei-store-residents.h"

/* GTK 4.8 makes the widgets of the first 200 rows of a list view's model
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS, and 2 more on each side) as soon as the model has them, in the
 * handler of its items-changed signal: here 8 cells a row, about 90 ms of the main thread in one
 * go on the development machine, and 50 ms more to measure them.  A result that adds rows to a
 * list showing fewer than that reaches the column view through a slice that lets in at most
 * ROWS_PER_FRAME rows a frame (a screenful in three frames); once past the rows GTK makes, the
 * slice lets everything through.  Results that only change the people in rows GTK already has,
 * as a search or a sort of a long list does, pass straight through. */
#define GROW_UNTIL     (200 + 2 * 2)
#define ROWS_PER_FRAME 8
/* Fewer on a slower machine: as many as GTK makes in this long, judged by the rows before.
 * Making a row is about half of what it costs its frame; measuring and drawing it, the rest. */
#define ROWS_BUDGET_US 4000

struct _ReiResidentView
{
  GtkWidget             parent_instance;

  ReiStore             *store;
  ReiResidentList      *list;
  GtkSliceListModel    *shown;       /* the list as the column view has it, see GROW_UNTIL */
  GtkSingleSelection   *selection;   /* over shown */
  GHashTable           *bound_cells; /* GtkListItem, see bind_cell() */
  guint                 rows_per_frame;
  guint                 grow_tick;
  gint64                reselect_id;
  /* Of the person selected before a result, when the slice has not reached them yet. */
  guint                 reselect_position;
  gboolean              reselecting;
  /* To be selected once the result being read comes in, see rei_resident_view_select_id(). */
  gint64                wanted_id;
  /* The next result answers a different query: show its top. */
  gboolean              scroll_to_top;
  /* The sort of the list as the column headers last asked for it; -1 before any. */
  int                   probed_sort;
  gboolean              resorting;

  /* What the status, days and categories columns need, read once per query result rather than
   * once per row: the durations in force today, today itself, and category code → short label. */
  ReiLifecycleRules     rules;
  char                 *today;
  GHashTable           *category_labels;

  /* The values behind the choices of the filters, after "All" at position 0. */
  GPtrArray            *category_codes;
  gboolean              updating_filters;

  GTask                *export_task;
  GCancellable         *export_cancellable;
  guint                 export_progress_source;

  /* Template widgets. */
  GtkWidget            *toolbar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkSpinner           *spinner;
  GtkMenuButton        *filter_button;
  GtkDropDown          *status_filter;
  GtkDropDown          *category_filter;
  GtkDropDown          *workshop_filter;
  GtkDropDown          *project_filter;
  GtkDropDown          *admission_year_filter;
  GtkDropDown          *end_year_filter;
  GtkWidget            *clear_filters_button;
  GtkStack             *stack;
  AdwStatusPage        *no_results_page;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *surname_column;
  GtkColumnViewColumn  *first_name_column;
  GtkColumnViewColumn  *pesel_column;
  GtkColumnViewColumn  *status_column;
  GtkColumnViewColumn  *days_column;
  GtkColumnViewColumn  *workshop_column;
  GtkColumnViewColumn  *category_column;
  GtkColumnViewColumn  *project_column;
  GtkRevealer          *export_revealer;
  GtkProgressBar       *export_progress;
};

G_DEFINE_FINAL_TYPE (ReiResidentView, rei_resident_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  ReiResidentView *view;
  ReiResidentSort  sort;
} SortProbe;

typedef struct
{
  ReiStore         *store;
  ReiResidentQuery *query;
  char             *path;
  int               permille;   /* written by the worker, read by the view: atomic */
} ExportData;

static GQuark lifecycle_quark;
static GQuark cell_fill_quark;
static GQuark cell_view_quark;

/* Fills the cell of a column for a person. */
typedef void (*CellFill) (ReiResidentView *self,
                          GtkListItem     *item,
                          ReiResident     *resident);

static void
export_data_free (gpointer data)
{
  ExportData *ed = data;

  g_clear_object (&ed->store);
  g_clear_pointer (&ed->query, rei_resident_query_free);
  g_free (ed->path);
  g_free (ed);
}

static void
set_inscription (GtkListItem      *item,
                 ReiResident      *resident,
                 ReiResidentField  field)
{
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));

  gtk_inscription_set_text (cell, rei_resident_get (resident, field));
}

/* The lifecycle of a row, worked out from its dates the first time a cell of the row is bound
 * and kept on the resident object.  A new query result gives every row a resident read afresh
 * (with the rules and the day of that result, see on_list_replacing_cb()), so it is never
 * stale. */
static const ReiLifecycle *
get_lifecycle (ReiResidentView *self,
               ReiResident     *resident)
{
  ReiLifecycle *lifecycle = g_object_get_qdata (G_OBJECT (resident), lifecycle_quark);

  if (lifecycle == NULL)
    {
      lifecycle = rei_lifecycle_compute (&self->rules, resident, self->today);
      g_object_set_qdata_full (G_OBJECT (resident), lifecycle_quark, lifecycle,
                               (GDestroyNotify) rei_lifecycle_free);
    }
  return lifecycle;
}

/* A long legal label, "Bezdomność (realizacja indywidualnego programu …)", is cut before its
 * explanation: a table cell has room for the name only. */
static char *
short_label (const char *label)
{
  const char *paren = strstr (label, " (");

  return paren != NULL ? g_strndup (label, paren - label) : g_strdup (label);
}

static void
load_row_context (ReiResidentView *self)
{
  g_autoptr(GPtrArray) codes = NULL;

  g_clear_pointer (&self->today, g_free);
  self->today = rei_date_today_iso ();
  rei_lifecycle_rules_load (self->store, NULL, &self->rules);

  g_hash_table_remove_all (self->category_labels);
  codes = rei_store_list_codes (self->store, REI_LOOKUP_CATEGORY, NULL);
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = rei_store_get_label (self->store, REI_LOOKUP_CATEGORY, code);

      g_hash_table_insert (self->category_labels, g_strdup (code),
                           short_label (label != NULL ? label : code));
    }
}

static const char *
get_selected_string (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  /* Position 0 is "All". */
  if (item == NULL || gtk_drop_down_get_selected (drop_down) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

static int
get_selected_year (GtkDropDown *drop_down)
{
  const char *year = get_selected_string (drop_down);

  return year != NULL ? atoi (year) : 0;
}

static guint
count_filters (ReiResidentView *self)
{
  GtkDropDown *filters[] = {
    self->status_filter, self->category_filter, self->workshop_filter, self->project_filter,
    self->admission_year_filter, self->end_year_filter,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      guint selected = gtk_drop_down_get_selected (filters[i]);

      if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
        n++;
    }
  return n;
}

/* The filters of the popover into a query. */
static void
apply_filters (ReiResidentView  *self,
               ReiResidentQuery *query)
{
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint category = gtk_drop_down_get_selected (self->category_filter);

  /* The choices of the status filter are the statuses in the enum's order, "All" first. */
  query->status = status <= REI_RESIDENT_STATUS_ENDED ? (ReiResidentStatus) status
                                                      : REI_RESIDENT_STATUS_ANY;
  g_clear_pointer (&query->category, g_free);
  if (category > 0 && category <= self->category_codes->len)
    query->category = g_strdup (g_ptr_array_index (self->category_codes, category - 1));
  g_clear_pointer (&query->workshop, g_free);
  query->workshop = g_strdup (get_selected_string (self->workshop_filter));
  g_clear_pointer (&query->project, g_free);
  query->project = g_strdup (get_selected_string (self->project_filter));
  query->admission_year = get_selected_year (self->admission_year_filter);
  query->end_year = get_selected_year (self->end_year_filter);
}

static void
update_filter_button (ReiResidentView *self)
{
  guint n = count_filters (self);

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
  gtk_widget_set_sensitive (self->clear_filters_button, n > 0);
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
  else if ((query->search != NULL && query->search[0] != '\0') || count_filters (self) > 0)
    {
      gtk_label_set_label (self->count_label, "");
      adw_status_page_set_description (self->no_results_page,
                                       count_filters (self) > 0
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
         && a->end_year == b->end_year && a->sort == b->sort && a->descending == b->descending;
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
  apply_filters (self, query);
  self->scroll_to_top |= !same_query (query, rei_resident_list_get_query (self->list));
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
    case REI_RESIDENT_SORT_STATUS:
      return self->status_column;
    case REI_RESIDENT_SORT_DAYS:
      return self->days_column;
    case REI_RESIDENT_SORT_WORKSHOP:
      return self->workshop_column;
    case REI_RESIDENT_SORT_CATEGORY:
      return self->category_column;
    case REI_RESIDENT_SORT_PROJECT:
      return self->project_column;
    case REI_RESIDENT_SORT_ADMISSION:
    case REI_RESIDENT_SORT_END:
      /* Sorts of the store that no column of this view shows. */
      return NULL;
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
      for (int sort = REI_RESIDENT_SORT_NAME; sort <= REI_RESIDENT_SORT_PROJECT; sort++)
        {
          GtkColumnViewColumn *column = column_for_sort (self, (ReiResidentSort) sort);
          g_autoptr(GtkSorter) column_sorter = NULL;

          if (column == NULL || column == primary)
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

static void refill_cells (ReiResidentView *self);

static void
stop_growing (ReiResidentView *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->grow_tick);
  self->grow_tick = 0;
  self->reselect_position = GTK_INVALID_LIST_POSITION;
}

/* Selects the row of reselect_position (who was selected before the result, or is wanted) as
 * soon as the slice shows it. */
static void
reselect_if_shown (ReiResidentView *self)
{
  guint position = self->reselect_position;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->shown)))
    return;
  self->reselect_position = GTK_INVALID_LIST_POSITION;
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->reselecting = FALSE;
}

/* A scan of ids in memory, no row is made. */
static guint
position_of (ReiResidentView *self,
             gint64           id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  for (guint i = 0; id > 0 && i < n; i++)
    if (rei_resident_list_get_id (self->list, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Lets ROWS_PER_FRAME more rows of the list into the column view, or all of them once past the
 * rows GTK makes.  Returns whether the slice now shows the whole list. */
static gboolean
grow_shown (ReiResidentView *self)
{
  guint size = gtk_slice_list_model_get_size (self->shown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint limit = MIN (n, GROW_UNTIL);
  /* The last rows GTK makes, and the rest of the list after them, in frames of their own. */
  gboolean done = size >= limit;
  guint next = done ? G_MAXUINT : MIN (size + self->rows_per_frame, limit);
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  gtk_slice_list_model_set_size (self->shown, next);
  elapsed = g_get_monotonic_time () - start;
  if (!done && elapsed > 0)
    self->rows_per_frame = CLAMP ((next - size) * ROWS_BUDGET_US / elapsed, 2, ROWS_PER_FRAME);

  reselect_if_shown (self);
  return done;
}

/* A row chosen (by a click, by the keyboard) while the rows of a result come in: the person
 * selected before it is not selected again over it. */
static void
on_selection_changed_cb (ReiResidentView *self)
{
  if (!self->reselecting)
    {
      self->reselect_position = GTK_INVALID_LIST_POSITION;
      self->wanted_id = 0;
    }
}

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  ReiResidentView *self = user_data;

  if (!grow_shown (self))
    return G_SOURCE_CONTINUE;
  self->grow_tick = 0;
  return G_SOURCE_REMOVE;
}

/* A new result is about to go into the rows, which keep their positions: the selected position
 * would show someone else.  Who was selected is found again in on_list_replaced_cb(). */
static void
on_list_replacing_cb (ReiResidentView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  /* Still to be selected again from the result before, whose rows were still coming in. */
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = self->reselect_position;
  self->reselect_id = rei_resident_list_get_id (self->list, selected);
  /* Or the person just saved or put back. */
  if (self->wanted_id > 0)
    self->reselect_id = self->wanted_id;
  self->wanted_id = 0;

  /* Rows the column view has not made yet come in a few a frame, see GROW_UNTIL. */
  stop_growing (self);
  if (shown < GROW_UNTIL)
    gtk_slice_list_model_set_size (self->shown, shown);

  /* The rows are computed with the rules and the day of this result; the cells are filled as the
   * rows change, right after this. */
  load_row_context (self);
  /* The detail pane keeps its form on an empty selection (a list read again after a save).
   * Not gtk_selection_model_unselect_all(): GTK 4.8's GtkSingleSelection ignores it. */
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  /* A new search or sort starts at its top; the same query read again (after a save or an
   * import) stays where it was, the rows being where they were.  Scrolled before the list
   * changes its length, so that the view's anchor is a position that stays. */
  if (self->scroll_to_top)
    {
      GtkAdjustment *vadjustment =
        gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

      self->scroll_to_top = FALSE;
      if (vadjustment != NULL)
        gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
    }
}

static void
on_list_replaced_cb (ReiResidentView *self)
{
  refill_cells (self);
  self->reselect_position = position_of (self, self->reselect_id);
  self->reselect_id = 0;

  update_page (self);

  /* The first rows now, the others with the next frames; a view not on screen has no frames. */
  if (!gtk_widget_get_realized (GTK_WIDGET (self->column_view)))
    gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  if (!grow_shown (self))
    self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                    grow_tick_cb, self, NULL);
}

static void
on_filter_changed_cb (ReiResidentView *self)
{
  const ReiResidentQuery *query;

  update_filter_button (self);
  if (self->list == NULL || self->updating_filters)
    return;
  query = rei_resident_list_get_query (self->list);
  run_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query->sort,
             query->descending);
}

static void
on_clear_filters_cb (ReiResidentView *self)
{
  GtkDropDown *filters[] = {
    self->status_filter, self->category_filter, self->workshop_filter, self->project_filter,
    self->admission_year_filter, self->end_year_filter,
  };

  /* One query for all of them, not one per filter. */
  self->updating_filters = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_drop_down_set_selected (filters[i], 0);
  self->updating_filters = FALSE;
  on_filter_changed_cb (self);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  g_object_set_qdata (G_OBJECT (item), cell_view_quark, user_data);
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
setup_surname_cell_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  setup_cell_cb (factory, item, user_data);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "rei-surname");
}

static void
setup_days_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  setup_numeric_cell_cb (factory, item, user_data);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (gtk_list_item_get_child (item)), 1.0);
}

/* The tooltip of a warning sign.  Made when asked: gtk_widget_set_tooltip_text() asks the display
 * server where the pointer is, a round trip for every cell bound while scrolling. */
static char *
dup_warning_text (const ReiLifecycle *lifecycle)
{
  switch (lifecycle->warning)
    {
    case REI_LIFECYCLE_NEAR_LIMIT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The participation ends in %d day",
                                           "The participation ends in %d days",
                                           lifecycle->days_left),
                              lifecycle->days_left);
    case REI_LIFECYCLE_PAST_LIMIT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The planned end passed %d day ago",
                                           "The planned end passed %d days ago",
                                           -lifecycle->days_left),
                              -lifecycle->days_left);
    case REI_LIFECYCLE_OK:
    default:
      return NULL;
    }
}

static gboolean
on_status_query_tooltip_cb (GtkWidget   *cell,
                            int          x,
                            int          y,
                            gboolean     keyboard,
                            GtkTooltip  *tooltip,
                            GtkListItem *item)
{
  ReiResidentView *self = g_object_get_qdata (G_OBJECT (item), cell_view_quark);
  ReiResidentRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (row == NULL || self == NULL)
    return FALSE;
  text = dup_warning_text (get_lifecycle (self, rei_resident_row_get_resident (row)));
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_list_query_tooltip_cb (GtkWidget   *cell,
                          int          x,
                          int          y,
                          gboolean     keyboard,
                          GtkTooltip  *tooltip,
                          gpointer     user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));

  /* The whole list when the column is too narrow for it. */
  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The status, with a warning sign before it (style.css) when the participation nears or passes
 * its limit.  One widget, not a box with an image and a text: GTK 4.8 makes 200 rows of these. */
static void
setup_status_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *cell;

  setup_cell_cb (factory, item, user_data);
  cell = gtk_list_item_get_child (item);
  gtk_widget_add_css_class (cell, "rei-status");
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_status_query_tooltip_cb), item);
}

static void
setup_list_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  setup_cell_cb (factory, item, user_data);
  gtk_widget_set_has_tooltip (gtk_list_item_get_child (item), TRUE);
  g_signal_connect (gtk_list_item_get_child (item), "query-tooltip",
                    G_CALLBACK (on_list_query_tooltip_cb), NULL);
}

/* A cell shows the person its row holds now: the people in the rows GTK keeps change in place
 * when a new query result arrives (see ReiResidentList), and refill_cells() fills the cells bound
 * to them again.  A table of bound cells rather than a signal handler on each row: GTK 4.8 binds
 * and unbinds 1 600 cells when the list jumps to another place. */
static void
bind_cell (ReiResidentView *self,
           GtkListItem     *item,
           CellFill         fill)
{
  ReiResidentRow *row = gtk_list_item_get_item (item);

  g_object_set_qdata (G_OBJECT (item), cell_fill_quark, fill);
  g_hash_table_add (self->bound_cells, item);
  fill (self, item, rei_resident_row_get_resident (row));
}

static void
refill_cells (ReiResidentView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      CellFill fill = g_object_get_qdata (item, cell_fill_quark);
      ReiResidentRow *row = gtk_list_item_get_item (item);

      if (row != NULL)
        fill (self, item, rei_resident_row_get_resident (row));
    }
}

static void
fill_surname (ReiResidentView *self,
              GtkListItem     *item,
              ReiResident     *resident)
{
  set_inscription (item, resident, REI_RESIDENT_SURNAME);
}

static void
fill_first_name (ReiResidentView *self,
                 GtkListItem     *item,
                 ReiResident     *resident)
{
  set_inscription (item, resident, REI_RESIDENT_FIRST_NAME);
}

static void
fill_pesel (ReiResidentView *self,
            GtkListItem     *item,
            ReiResident     *resident)
{
  set_inscription (item, resident, REI_RESIDENT_PESEL);
}

static void
fill_status (ReiResidentView *self,
             GtkListItem     *item,
             ReiResident     *resident)
{
  const ReiLifecycle *lifecycle = get_lifecycle (self, resident);
  GtkWidget *cell = gtk_list_item_get_child (item);
  const char *warning = NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                            rei_resident_status_to_string (lifecycle->status));
  if (lifecycle->warning == REI_LIFECYCLE_NEAR_LIMIT)
    warning = "warning";
  else if (lifecycle->warning == REI_LIFECYCLE_PAST_LIMIT)
    warning = "error";

  /* A change of style class restyles the widget: only when it changes. */
  if (warning == NULL || !gtk_widget_has_css_class (cell, warning))
    {
      gtk_widget_remove_css_class (cell, "warning");
      gtk_widget_remove_css_class (cell, "error");
      if (warning != NULL)
        gtk_widget_add_css_class (cell, warning);
    }
  gtk_widget_set_has_tooltip (cell, warning != NULL);
}

static void
fill_days (ReiResidentView *self,
           GtkListItem     *item,
           ReiResident     *resident)
{
  const ReiLifecycle *lifecycle = get_lifecycle (self, resident);
  char days[16] = "";

  /* A candidate has not started: an empty cell, not a misleading 0. */
  if (lifecycle->status != REI_RESIDENT_STATUS_CANDIDATE)
    g_snprintf (days, sizeof days, "%d", lifecycle->days_in_programme);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), days);
}

static void
fill_workshop (ReiResidentView *self,
               GtkListItem     *item,
               ReiResident     *resident)
{
  set_inscription (item, resident, REI_RESIDENT_WORKSHOP);
}

static void
set_list_text (GtkListItem        *item,
               const char * const *values,
               GHashTable         *labels)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *label = labels != NULL ? g_hash_table_lookup (labels, values[i]) : NULL;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, label != NULL ? label : values[i]);
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text->str);
}

static void
fill_categories (ReiResidentView *self,
                 GtkListItem     *item,
                 ReiResident     *resident)
{
  set_list_text (item, rei_resident_get_categories (resident), self->category_labels);
}

static void
fill_project (ReiResidentView *self,
              GtkListItem     *item,
              ReiResident     *resident)
{
  set_list_text (item, rei_resident_get_projects (resident), NULL);
}

static void
bind_surname_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ReiResidentView          *self)
{
  bind_cell (self, item, fill_surname);
}

static void
bind_first_name_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ReiResidentView          *self)
{
  bind_cell (self, item, fill_first_name);
}

static void
bind_pesel_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ReiResidentView          *self)
{
  bind_cell (self, item, fill_pesel);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ReiResidentView          *self)
{
  bind_cell (self, item, fill_status);
}

static void
bind_days_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ReiResidentView          *self)
{
  bind_cell (self, item, fill_days);
}

static void
bind_workshop_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ReiResidentView          *self)
{
  bind_cell (self, item, fill_workshop);
}

static void
bind_categories_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ReiResidentView          *self)
{
  bind_cell (self, item, fill_categories);
}

static void
bind_project_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ReiResidentView          *self)
{
  bind_cell (self, item, fill_project);
}

/* The text stays: the cell is bound again at once, or goes. */
static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ReiResidentView          *self)
{
  g_hash_table_remove (self->bound_cells, item);
}

/* Choices of a filter: "All", then the values; the one chosen before stays chosen when it is
 * still there.  Returns whether the choice had to go back to "All". */
static gboolean
set_choices (GtkDropDown        *drop_down,
             const char         *all,
             const char * const *values,
             guint               n_values)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *selected = g_strdup (get_selected_string (drop_down));
  guint position = 0;

  gtk_string_list_append (model, all);
  for (guint i = 0; i < n_values; i++)
    {
      gtk_string_list_append (model, values[i]);
      if (selected != NULL && g_strcmp0 (selected, values[i]) == 0)
        position = i + 1;
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, position);
  return selected != NULL && position == 0;
}

static gboolean
set_year_choices (GtkDropDown *drop_down,
                  int          first,
                  int          last)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);

  /* The latest first: the years an office asks about most. */
  for (int year = last; first > 0 && year >= first; year--)
    g_ptr_array_add (years, g_strdup_printf ("%d", year));
  return set_choices (drop_down, C_("filter", "All"), (const char * const *) years->pdata,
                      years->len);
}

/* The lists behind the filters, read from the database: small tables and four index lookups,
 * cheap enough for the main thread. */
static void
load_filter_choices (ReiResidentView *self)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  const char *statuses[REI_RESIDENT_STATUS_ENDED];
  int first_admission = 0, last_admission = 0, first_end = 0, last_end = 0;
  guint category = gtk_drop_down_get_selected (self->category_filter);
  g_autofree char *category_code = NULL;
  guint category_position = 0;
  gboolean reset = FALSE;

  if (category > 0 && category != GTK_INVALID_LIST_POSITION
      && category <= self->category_codes->len)
    category_code = g_strdup (g_ptr_array_index (self->category_codes, category - 1));

  self->updating_filters = TRUE;

  if (gtk_drop_down_get_model (self->status_filter) == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        statuses[i] = rei_resident_status_to_string (REI_RESIDENT_STATUS_CANDIDATE + i);
      set_choices (self->status_filter, rei_resident_status_to_string (REI_RESIDENT_STATUS_ANY),
                   statuses, G_N_ELEMENTS (statuses));
    }

  /* Categories by their labels; the query takes the code at the same position. */
  g_ptr_array_set_size (self->category_codes, 0);
  if (self->store != NULL)
    codes = rei_store_list_codes (self->store, REI_LOOKUP_CATEGORY, NULL);
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = rei_store_get_label (self->store, REI_LOOKUP_CATEGORY, code);

      g_ptr_array_add (self->category_codes, g_strdup (code));
      g_ptr_array_add (categories, label != NULL ? g_steal_pointer (&label) : g_strdup (code));
      if (g_strcmp0 (code, category_code) == 0)
        category_position = i + 1;
    }
  /* Selected by position: two categories may share a label, never a code. */
  gtk_drop_down_set_selected (self->category_filter, GTK_INVALID_LIST_POSITION);
  set_choices (self->category_filter, C_("filter", "All"),
               (const char * const *) categories->pdata, categories->len);
  gtk_drop_down_set_selected (self->category_filter, category_position);
  reset |= category_code != NULL && category_position == 0;

  if (self->store != NULL)
    {
      workshops = rei_store_list_workshops (self->store, NULL);
      projects = rei_store_list_project_titles (self->store, NULL);
      rei_store_get_year_range (self->store, &first_admission, &last_admission,
                                &first_end, &last_end, NULL);
    }
  reset |= set_choices (self->workshop_filter, C_("filter", "All"),
                        workshops != NULL ? (const char * const *) workshops->pdata : NULL,
                        workshops != NULL ? workshops->len : 0);
  reset |= set_choices (self->project_filter, C_("filter", "All"),
                        projects != NULL ? (const char * const *) projects->pdata : NULL,
                        projects != NULL ? projects->len : 0);
  reset |= set_year_choices (self->admission_year_filter, first_admission, last_admission);
  reset |= set_year_choices (self->end_year_filter, first_end, last_end);

  self->updating_filters = FALSE;
  update_filter_button (self);

  /* A workshop or project that is gone filters nothing any more: show everybody again. */
  if (reset)
    on_filter_changed_cb (self);
}

/* The button shows the choice cut short, the open list shows it whole. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 45);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (choice));
}

static void
set_choice_factories (GtkDropDown *drop_down)
{
  for (int in_list = 0; in_list <= 1; in_list++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (in_list));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
      if (in_list)
        gtk_drop_down_set_list_factory (drop_down, factory);
      else
        gtk_drop_down_set_factory (drop_down, factory);
    }
}

/* Export of the list as it is filtered. */

static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  ExportData *ed = user_data;

  g_atomic_int_set (&ed->permille, (int) CLAMP (fraction * 1000.0, 0.0, 1000.0));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *ed = task_data;
  g_autoptr(ReiStore) own_store = NULL;
  GError *error = NULL;

  /* The store reads through one connection that a query holds to its end.  Streaming 100 000
   * rows over it would stop the list from reading the rows it shows for seconds, so the export
   * reads through its own connection to the same file (SQLite's WAL lets both read at once). */
  own_store = rei_store_open (rei_store_get_path (ed->store), NULL);

  if (rei_export_residents (own_store != NULL ? own_store : ed->store, ed->query, ed->path,
                            export_progress_cb, ed, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
update_export_progress_cb (gpointer user_data)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (user_data);
  ExportData *ed;

  if (self->export_task == NULL)
    return G_SOURCE_CONTINUE;

  ed = g_task_get_task_data (self->export_task);
  gtk_progress_bar_set_fraction (self->export_progress,
                                 g_atomic_int_get (&ed->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_exporting (ReiResidentView *self,
               GTask           *task)
{
  g_clear_handle_id (&self->export_progress_source, g_source_remove);
  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);

  if (task != NULL)
    {
      self->export_task = g_object_ref (task);
      self->export_cancellable = g_object_ref (g_task_get_cancellable (task));
      self->export_progress_source = g_timeout_add (100, update_export_progress_cb, self);
      gtk_progress_bar_set_fraction (self->export_progress, 0.0);
    }

  gtk_revealer_set_reveal_child (self->export_revealer, task != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "residents.cancel-export", task != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

static void
add_toast (ReiResidentView *self,
           const char      *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
on_export_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (source_object);
  GTask *task = G_TASK (result);
  ExportData *ed = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (ed->path);
  guint n = GPOINTER_TO_UINT (user_data);

  g_task_propagate_boolean (task, &error);
  if (self->export_task == G_TASK (result))
    set_exporting (self, NULL);

  if (error == NULL)
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u resident to %s",
                                            "Exported %u residents to %s", n), n, name);
      add_toast (self, title);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      add_toast (self, _("Export cancelled"));
    }
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("The List Was Not Exported"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ReiResidentView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rei_resident_view_export_to_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
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

  /* The workbook is removed when the export stops half way. */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->export_progress_source, g_source_remove);
  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);

  stop_growing (self);
  /* Without a list, the sorters that change while the columns go away start no query. */
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_RESIDENT_VIEW);
  /* The box that holds everything is not a bound child; it goes with us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rei_resident_view_parent_class)->dispose (object);
}

static void
rei_resident_view_finalize (GObject *object)
{
  ReiResidentView *self = REI_RESIDENT_VIEW (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->category_labels, g_hash_table_unref);
  g_clear_pointer (&self->bound_cells, g_hash_table_unref);
  g_clear_pointer (&self->category_codes, g_ptr_array_unref);

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
      g_value_set_boolean (value, self->export_task != NULL);
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

  lifecycle_quark = g_quark_from_static_string ("rei-resident-view-lifecycle");
  cell_fill_quark = g_quark_from_static_string ("rei-resident-view-cell-fill");
  cell_view_quark = g_quark_from_static_string ("rei-resident-view-cell-view");
  gtk_widget_class_install_action (widget_class, "residents.cancel-export", NULL,
                                   cancel_export_action);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/residents/rei-resident-view.ui");
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
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, status_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, days_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, workshop_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, category_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, project_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, category_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, workshop_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, project_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, admission_year_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, end_year_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, export_progress);

  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_numeric_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_surname_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_first_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_pesel_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_surname_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_list_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_days_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_workshop_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_categories_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_project_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);
}

static void
rei_resident_view_init (ReiResidentView *self)
{
  self->probed_sort = -1;
  self->reselect_position = GTK_INVALID_LIST_POSITION;
  self->bound_cells = g_hash_table_new (NULL, NULL);
  self->rows_per_frame = ROWS_PER_FRAME;
  self->category_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->category_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "residents.cancel-export", FALSE);

  set_column_sorter (self, self->surname_column, REI_RESIDENT_SORT_NAME);
  set_column_sorter (self, self->first_name_column, REI_RESIDENT_SORT_FIRST_NAME);
  set_column_sorter (self, self->pesel_column, REI_RESIDENT_SORT_PESEL);
  set_column_sorter (self, self->status_column, REI_RESIDENT_SORT_STATUS);
  set_column_sorter (self, self->days_column, REI_RESIDENT_SORT_DAYS);
  set_column_sorter (self, self->workshop_column, REI_RESIDENT_SORT_WORKSHOP);
  set_column_sorter (self, self->category_column, REI_RESIDENT_SORT_CATEGORY);
  set_column_sorter (self, self->project_column, REI_RESIDENT_SORT_PROJECT);

  {
    GtkDropDown *filters[] = {
      self->status_filter, self->category_filter, self->workshop_filter, self->project_filter,
      self->admission_year_filter, self->end_year_filter,
    };

    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      set_choice_factories (filters[i]);
  }
  load_filter_choices (self);
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

  stop_growing (self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);

  if (store != NULL)
    {
      self->list = rei_resident_list_new (store);
      load_row_context (self);
      g_signal_connect_object (self->list, "replacing",
                               G_CALLBACK (on_list_replacing_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "replaced",
                               G_CALLBACK (on_list_replaced_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::loading",
                               G_CALLBACK (on_list_changed_cb), self, G_CONNECT_SWAPPED);
      self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)),
                                              0, G_MAXUINT);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  load_filter_choices (self);

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

  if (self->list == NULL)
    return;
  /* An import or an edit may have brought new workshops, projects or years. */
  self->updating_filters = TRUE;
  load_filter_choices (self);
  self->updating_filters = FALSE;
  on_filter_changed_cb (self);
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

GtkDropDown *
rei_resident_view_get_filter (ReiResidentView       *self,
                              ReiResidentViewFilter  filter)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), NULL);

  switch (filter)
    {
    case REI_RESIDENT_VIEW_FILTER_STATUS:
      return self->status_filter;
    case REI_RESIDENT_VIEW_FILTER_CATEGORY:
      return self->category_filter;
    case REI_RESIDENT_VIEW_FILTER_WORKSHOP:
      return self->workshop_filter;
    case REI_RESIDENT_VIEW_FILTER_PROJECT:
      return self->project_filter;
    case REI_RESIDENT_VIEW_FILTER_ADMISSION_YEAR:
      return self->admission_year_filter;
    case REI_RESIDENT_VIEW_FILTER_END_YEAR:
      return self->end_year_filter;
    default:
      g_return_val_if_reached (NULL);
    }
}

void
rei_resident_view_clear_filters (ReiResidentView *self)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  on_clear_filters_cb (self);
}

void
rei_resident_view_export (ReiResidentView *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GtkRoot *root;

  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  if (self->export_task != NULL || self->store == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  chooser = gtk_file_chooser_native_new (_("Export Residents"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the file name offered for an export of the list; keep the .xlsx ending. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("residents.xlsx"));

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
rei_resident_view_export_to_file (ReiResidentView *self,
                                  GFile           *file)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportData *ed;
  guint n;

  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_task != NULL || self->list == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_toast (self, _("Choose a file on this computer to export to"));
      return;
    }
  if (!g_str_has_suffix (path, ".xlsx"))
    {
      char *with_suffix = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_suffix;
    }

  ed = g_new0 (ExportData, 1);
  ed->store = g_object_ref (self->store);
  /* The query of the rows on screen, not of a search still being typed. */
  ed->query = rei_resident_query_copy (rei_resident_list_get_query (self->list));
  ed->path = g_steal_pointer (&path);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  cancellable = g_cancellable_new ();
  task = g_task_new (self, cancellable, on_export_done_cb, GUINT_TO_POINTER (n));
  g_task_set_source_tag (task, rei_resident_view_export_to_file);
  g_task_set_task_data (task, ed, export_data_free);
  set_exporting (self, task);
  g_task_run_in_thread (task, export_thread);
}

void
rei_resident_view_select_id (ReiResidentView *self,
                             gint64           id)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  if (self->list == NULL)
    return;
  /* The result being read takes it over (on_list_replacing_cb()). */
  if (rei_resident_list_get_loading (self->list))
    {
      self->wanted_id = id;
      return;
    }
  self->wanted_id = 0;
  self->reselect_position = position_of (self, id);
  reselect_if_shown (self);
}

void
rei_resident_view_unselect (ReiResidentView *self)
{
  g_return_if_fail (REI_IS_RESIDENT_VIEW (self));

  self->reselect_position = GTK_INVALID_LIST_POSITION;
  self->wanted_id = 0;
  /* Not gtk_selection_model_unselect_all(): GTK 4.8's GtkSingleSelection ignores it. */
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

gboolean
rei_resident_view_get_growing (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), FALSE);

  return self->grow_tick != 0;
}

gboolean
rei_resident_view_get_exporting (ReiResidentView *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_VIEW (self), FALSE);

  return self->export_task != NULL;
}

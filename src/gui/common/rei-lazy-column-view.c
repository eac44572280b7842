/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-lazy-column-view.h"

/* GTK 4.8 makes the widgets of the first 200 rows of a list view's model
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS, and 2 more on each side) as soon as the model has them, in the
 * handler of its items-changed signal: for the residents' 8 cells a row, about 90 ms of the main
 * thread in one go on the development machine, and 50 ms more to measure them.  A result that
 * adds rows to a list showing fewer than that reaches the column view through a slice that lets
 * in at most ROWS_PER_FRAME rows a frame (a screenful in three frames); once past the rows GTK
 * makes, the slice lets everything through.  Results that only change the records in rows GTK
 * already has, as a search or a sort of a long list does, pass straight through. */
#define GROW_UNTIL     (200 + 2 * 2)
#define ROWS_PER_FRAME 8
/* Fewer on a slower machine: as many as GTK makes in this long, judged by the rows before.
 * Making a row is about half of what it costs its frame; measuring and drawing it, the rest. */
#define ROWS_BUDGET_US 4000

struct _ReiLazyColumnView
{
  GObject             parent_instance;

  GtkColumnView      *column_view;
  ReiLazyList        *model;
  GtkSliceListModel  *shown;       /* the list as the column view has it, see GROW_UNTIL */
  GtkSingleSelection *selection;   /* over shown */
  GHashTable         *bound_cells; /* GtkListItem, see rei_lazy_column_view_bind_cell() */

  guint               rows_per_frame;
  guint               grow_tick;
  gint64              reselect_id;
  /* Of the record selected before a result, when the slice has not reached it yet. */
  guint               reselect_position;
  gboolean            reselecting;
  /* To be selected once the result being read comes in, see rei_lazy_column_view_select_id(). */
  gint64              wanted_id;
  /* The next result answers a different query: show its top. */
  gboolean            scroll_to_top;

  GArray             *sorts;       /* SortColumn */
  gboolean            resorting;
};

G_DEFINE_FINAL_TYPE (ReiLazyColumnView, rei_lazy_column_view, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COLUMN_VIEW,
  PROP_MODEL,
  PROP_SELECTION,
  PROP_GROWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GtkColumnViewColumn *column;
  int                  sort_id;
} SortColumn;

/* What a bound cell is filled with, kept on its list item. */
typedef struct
{
  ReiLazyCellFill fill;
  gpointer        user_data;
} CellBinding;

static GQuark cell_binding_quark;

/* Where the probe sorters write the sort id of the column asked first, while
 * rei_lazy_column_view_get_sort() asks (on the main thread, within one call). */
static int *probed_sort;

static void
set_grow_tick (ReiLazyColumnView *self,
               guint              tick)
{
  gboolean was_growing = self->grow_tick != 0;

  self->grow_tick = tick;
  if (was_growing != (tick != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROWING]);
}

static void
stop_growing (ReiLazyColumnView *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->grow_tick);
  set_grow_tick (self, 0);
  self->reselect_position = GTK_INVALID_LIST_POSITION;
}

/* Selects the row of reselect_position (who was selected before the result, or is wanted) as
 * soon as the slice shows it. */
static void
reselect_if_shown (ReiLazyColumnView *self)
{
  guint position = self->reselect_position;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->shown)))
    return;
  self->reselect_position = GTK_INVALID_LIST_POSITION;
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->reselecting = FALSE;
}

/* Lets ROWS_PER_FRAME more rows of the list into the column view, or all of them once past the
 * rows GTK makes.  Returns whether the slice now shows the whole list. */
static gboolean
grow_shown (ReiLazyColumnView *self)
{
  guint size = gtk_slice_list_model_get_size (self->shown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
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

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  ReiLazyColumnView *self = user_data;

  if (!grow_shown (self))
    return G_SOURCE_CONTINUE;
  set_grow_tick (self, 0);
  return G_SOURCE_REMOVE;
}

/* A row chosen (by a click, by the keyboard) while the rows of a result come in: the record
 * selected before it is not selected again over it. */
static void
on_selection_changed_cb (ReiLazyColumnView *self)
{
  if (!self->reselecting)
    {
      self->reselect_position = GTK_INVALID_LIST_POSITION;
      self->wanted_id = 0;
    }
}

/* A new result is about to go into the rows, which keep their positions: the selected position
 * would show another record.  Which was selected is found again in on_model_replaced_cb(). */
static void
on_model_replacing_cb (ReiLazyColumnView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  /* Still to be selected again from the result before, whose rows were still coming in. */
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = self->reselect_position;
  self->reselect_id = rei_lazy_list_get_id (self->model, selected);
  /* Or the record just saved or put back. */
  if (self->wanted_id > 0)
    self->reselect_id = self->wanted_id;
  self->wanted_id = 0;

  /* Rows the column view has not made yet come in a few a frame, see GROW_UNTIL. */
  stop_growing (self);
  if (shown < GROW_UNTIL)
    gtk_slice_list_model_set_size (self->shown, shown);

  /* A pane showing the selected record keeps its form on an empty selection (a list read again
   * after a save).  Not gtk_selection_model_unselect_all(): GTK 4.8's GtkSingleSelection
   * ignores it. */
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
on_model_replaced_cb (ReiLazyColumnView *self)
{
  rei_lazy_column_view_refill_cells (self);
  self->reselect_position = rei_lazy_list_find_id (self->model, self->reselect_id);
  self->reselect_id = 0;

  /* The first rows now, the others with the next frames; a view not on screen has no frames. */
  if (!gtk_widget_get_realized (GTK_WIDGET (self->column_view)))
    gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  if (!grow_shown (self))
    set_grow_tick (self, gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                       grow_tick_cb, self, NULL));
}

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  if (probed_sort != NULL && *probed_sort < 0)
    *probed_sort = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

/* GTK 4.8 does not say which column the user sorts by
 * (gtk_column_view_sorter_get_primary_sort_column is 4.10), yet the store sorts in SQL so that
 * no row object is made for sorting.  The column view's sorter asks the sorter of its primary
 * column first and turns the answer round when the order is descending, so one comparison of
 * two dummies tells both. */
static int
probe_sort (ReiLazyColumnView *self,
            gboolean          *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  int sort = -1;
  GtkOrdering order;

  probed_sort = &sort;
  /* Two different objects: gtk_sorter_compare() answers "equal" for one object on its own. */
  order = gtk_sorter_compare (sorter, self, self->column_view);
  probed_sort = NULL;

  if (descending != NULL)
    *descending = order == GTK_ORDERING_LARGER;
  return sort;
}

static void
on_sorter_changed_cb (ReiLazyColumnView *self)
{
  gboolean descending;
  int sort;

  if (self->model == NULL || self->resorting)
    return;

  sort = probe_sort (self, &descending);
  g_signal_emit (self, signals[SORT_CHANGED], 0, sort, descending);

  /* The column view keeps the previous columns as secondary sorts and leaves their arrows
   * shown, but the store sorts by one column.  Taking a column's sorter away and giving it back
   * drops it from the sort and redraws its arrow (GTK 4.8 has no other way). */
  if (sort < 0)
    return;
  self->resorting = TRUE;
  for (guint i = 0; i < self->sorts->len; i++)
    {
      SortColumn *sc = &g_array_index (self->sorts, SortColumn, i);
      g_autoptr(GtkSorter) column_sorter = NULL;

      if (sc->sort_id == sort)
        continue;
      column_sorter = g_object_ref (gtk_column_view_column_get_sorter (sc->column));
      gtk_column_view_column_set_sorter (sc->column, NULL);
      gtk_column_view_column_set_sorter (sc->column, column_sorter);
    }
  self->resorting = FALSE;
}

static void
rei_lazy_column_view_constructed (GObject *object)
{
  ReiLazyColumnView *self = REI_LAZY_COLUMN_VIEW (object);

  G_OBJECT_CLASS (rei_lazy_column_view_parent_class)->constructed (object);

  g_assert (GTK_IS_COLUMN_VIEW (self->column_view));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
rei_lazy_column_view_dispose (GObject *object)
{
  ReiLazyColumnView *self = REI_LAZY_COLUMN_VIEW (object);

  if (self->column_view != NULL)
    stop_growing (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->column_view);

  G_OBJECT_CLASS (rei_lazy_column_view_parent_class)->dispose (object);
}

static void
rei_lazy_column_view_finalize (GObject *object)
{
  ReiLazyColumnView *self = REI_LAZY_COLUMN_VIEW (object);

  g_clear_pointer (&self->bound_cells, g_hash_table_unref);
  g_clear_pointer (&self->sorts, g_array_unref);

  G_OBJECT_CLASS (rei_lazy_column_view_parent_class)->finalize (object);
}

static void
rei_lazy_column_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReiLazyColumnView *self = REI_LAZY_COLUMN_VIEW (object);

  switch (prop_id)
    {
    case PROP_COLUMN_VIEW:
      g_value_set_object (value, self->column_view);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_GROWING:
      g_value_set_boolean (value, self->grow_tick != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_lazy_column_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ReiLazyColumnView *self = REI_LAZY_COLUMN_VIEW (object);

  switch (prop_id)
    {
    case PROP_COLUMN_VIEW:
      self->column_view = g_value_dup_object (value);
      break;

    case PROP_MODEL:
      rei_lazy_column_view_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_lazy_column_view_class_init (ReiLazyColumnViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rei_lazy_column_view_constructed;
  object_class->dispose = rei_lazy_column_view_dispose;
  object_class->finalize = rei_lazy_column_view_finalize;
  object_class->get_property = rei_lazy_column_view_get_property;
  object_class->set_property = rei_lazy_column_view_set_property;

  properties[PROP_COLUMN_VIEW] =
    g_param_spec_object ("column-view", NULL, NULL, GTK_TYPE_COLUMN_VIEW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, REI_TYPE_LAZY_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, GTK_TYPE_SINGLE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROWING] =
    g_param_spec_boolean ("growing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A header was clicked: the table is to be sorted by the column of sort_id (-1 for none). */
  signals[SORT_CHANGED] =
    g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);

  cell_binding_quark = g_quark_from_static_string ("rei-lazy-column-view-cell-binding");
}

static void
rei_lazy_column_view_init (ReiLazyColumnView *self)
{
  self->reselect_position = GTK_INVALID_LIST_POSITION;
  self->rows_per_frame = ROWS_PER_FRAME;
  self->bound_cells = g_hash_table_new (NULL, NULL);
  self->sorts = g_array_new (FALSE, FALSE, sizeof (SortColumn));
}

ReiLazyColumnView *
rei_lazy_column_view_new (GtkColumnView *column_view)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);

  return g_object_new (REI_TYPE_LAZY_COLUMN_VIEW, "column-view", column_view, NULL);
}

GtkColumnView *
rei_lazy_column_view_get_column_view (ReiLazyColumnView *self)
{
  g_return_val_if_fail (REI_IS_LAZY_COLUMN_VIEW (self), NULL);

  return self->column_view;
}

ReiLazyList *
rei_lazy_column_view_get_model (ReiLazyColumnView *self)
{
  g_return_val_if_fail (REI_IS_LAZY_COLUMN_VIEW (self), NULL);

  return self->model;
}

void
rei_lazy_column_view_set_model (ReiLazyColumnView *self,
                                ReiLazyList       *model)
{
  g_return_if_fail (REI_IS_LAZY_COLUMN_VIEW (self));
  g_return_if_fail (model == NULL || REI_IS_LAZY_LIST (model));

  if (self->model == model)
    return;

  stop_growing (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_object (model, "replacing",
                               G_CALLBACK (on_model_replacing_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "replaced",
                               G_CALLBACK (on_model_replaced_cb), self, G_CONNECT_SWAPPED);
      self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (model)), 0, G_MAXUINT);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

GtkSingleSelection *
rei_lazy_column_view_get_selection (ReiLazyColumnView *self)
{
  g_return_val_if_fail (REI_IS_LAZY_COLUMN_VIEW (self), NULL);

  return self->selection;
}

gboolean
rei_lazy_column_view_get_growing (ReiLazyColumnView *self)
{
  g_return_val_if_fail (REI_IS_LAZY_COLUMN_VIEW (self), FALSE);

  return self->grow_tick != 0;
}

/* A cell shows the record its row holds now: the records in the rows GTK keeps change in place
 * when a new result arrives (see ReiLazyList), and the cells bound to them are filled again.  A
 * table of bound cells rather than a signal handler on each row: GTK 4.8 binds and unbinds
 * 1 600 cells when the list jumps to another place. */
void
rei_lazy_column_view_bind_cell (ReiLazyColumnView *self,
                                GtkListItem       *item,
                                ReiLazyCellFill    fill,
                                gpointer           user_data)
{
  CellBinding *binding;

  g_return_if_fail (REI_IS_LAZY_COLUMN_VIEW (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (item));
  g_return_if_fail (fill != NULL);

  /* Made once per list item (of one column, so with one fill), which GTK reuses. */
  binding = g_object_get_qdata (G_OBJECT (item), cell_binding_quark);
  if (binding == NULL)
    {
      binding = g_new0 (CellBinding, 1);
      g_object_set_qdata_full (G_OBJECT (item), cell_binding_quark, binding, g_free);
    }
  binding->fill = fill;
  binding->user_data = user_data;
  g_hash_table_add (self->bound_cells, item);
  fill (item, user_data);
}

/* The text stays: the cell is bound again at once, or goes. */
void
rei_lazy_column_view_unbind_cell (ReiLazyColumnView *self,
                                  GtkListItem       *item)
{
  g_return_if_fail (REI_IS_LAZY_COLUMN_VIEW (self));

  g_hash_table_remove (self->bound_cells, item);
}

void
rei_lazy_column_view_refill_cells (ReiLazyColumnView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (REI_IS_LAZY_COLUMN_VIEW (self));

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      CellBinding *binding = g_object_get_qdata (item, cell_binding_quark);

      if (gtk_list_item_get_item (item) != NULL)
        binding->fill (item, binding->user_data);
    }
}

void
rei_lazy_column_view_add_sort (ReiLazyColumnView   *self,
                               GtkColumnViewColumn *column,
                               int                  sort_id)
{
  g_autoptr(GtkSorter) sorter = NULL;
  SortColumn sc = { column, sort_id };

  g_return_if_fail (REI_IS_LAZY_COLUMN_VIEW (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (sort_id >= 0);

  /* The column belongs to the column view, which this object holds. */
  g_array_append_val (self->sorts, sc);
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (sort_id), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
}

int
rei_lazy_column_view_get_sort (ReiLazyColumnView *self,
                               gboolean          *descending)
{
  g_return_val_if_fail (REI_IS_LAZY_COLUMN_VIEW (self), -1);

  return probe_sort (self, descending);
}

void
rei_lazy_column_view_scroll_to_top_next (ReiLazyColumnView *self)
{
  g_return_if_fail (REI_IS_LAZY_COLUMN_VIEW (self));

  self->scroll_to_top = TRUE;
}

void
rei_lazy_column_view_select_id (ReiLazyColumnView *self,
                                gint64             id)
{
  g_return_if_fail (REI_IS_LAZY_COLUMN_VIEW (self));

  if (self->model == NULL)
    return;
  /* The result being read takes it over (on_model_replacing_cb()). */
  if (rei_lazy_list_get_loading (self->model))
    {
      self->wanted_id = id;
      return;
    }
  self->wanted_id = 0;
  self->reselect_position = rei_lazy_list_find_id (self->model, id);
  reselect_if_shown (self);
}

void
rei_lazy_column_view_unselect (ReiLazyColumnView *self)
{
  g_return_if_fail (REI_IS_LAZY_COLUMN_VIEW (self));

  self->reselect_position = GTK_INVALID_LIST_POSITION;
  self->wanted_id = 0;
  /* Not gtk_selection_model_unselect_all(): GTK 4.8's GtkSingleSelection ignores it. */
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

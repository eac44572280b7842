/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rei-lazy-list.h"

G_BEGIN_DECLS

#define REI_TYPE_LAZY_COLUMN_VIEW (rei_lazy_column_view_get_type ())

G_DECLARE_FINAL_TYPE (ReiLazyColumnView, rei_lazy_column_view, REI, LAZY_COLUMN_VIEW, GObject)

/* Shows a ReiLazyList (a query result of up to 100 000 rows, read in a worker thread) in a
 * GtkColumnView without stalling the main thread, and keeps the selected record selected
 * across results.  The table's view creates one over the column view of its template.
 *
 * - Rows come in a few a frame (see GROW_UNTIL in the .c): GTK 4.8 would make the widgets of
 *   200 rows at once.  "growing" is TRUE meanwhile.
 * - The column view gets a GtkSingleSelection (no autoselect, can unselect) over the list.  The
 *   record selected before a new result is selected again once its row is in, unless the user
 *   chose another row meanwhile; rei_lazy_column_view_select_id() does the same for a record
 *   just saved.
 * - Cells: the row objects of a ReiLazyList keep their place and get another record when a
 *   result comes in, so the factories' bind handlers call rei_lazy_column_view_bind_cell() with
 *   a function that fills the cell, and unbind calls rei_lazy_column_view_unbind_cell(); the
 *   cells bound are filled again after each result.
 * - Sorting is the store's (in SQL, no row object is made for it): give each sortable column a
 *   sort id with rei_lazy_column_view_add_sort(); a click on a header emits "sort-changed"
 *   (int sort_id, gboolean descending), and the view runs its query with that order. */

/* Fills the cell of item from gtk_list_item_get_item (item). */
typedef void (*ReiLazyCellFill) (GtkListItem *item,
                                 gpointer     user_data);

ReiLazyColumnView  *rei_lazy_column_view_new                  (GtkColumnView       *column_view);
GtkColumnView      *rei_lazy_column_view_get_column_view      (ReiLazyColumnView   *self);
ReiLazyList        *rei_lazy_column_view_get_model            (ReiLazyColumnView   *self);
/* Shows model (NULL: nothing), with a new selection. */
void                rei_lazy_column_view_set_model            (ReiLazyColumnView   *self,
                                                               ReiLazyList         *model);
/* Over the rows shown so far; NULL without a model. */
GtkSingleSelection *rei_lazy_column_view_get_selection        (ReiLazyColumnView   *self);
/* TRUE while the rows of a result are still being handed to the column view a few a frame. */
gboolean            rei_lazy_column_view_get_growing          (ReiLazyColumnView   *self);

void                rei_lazy_column_view_bind_cell            (ReiLazyColumnView   *self,
                                                               GtkListItem         *item,
                                                               ReiLazyCellFill      fill,
                                                               gpointer             user_data);
void                rei_lazy_column_view_unbind_cell          (ReiLazyColumnView   *self,
                                                               GtkListItem         *item);
/* Fills every bound cell again, e.g. when what the cells show of a row changed. */
void                rei_lazy_column_view_refill_cells         (ReiLazyColumnView   *self);

void                rei_lazy_column_view_add_sort             (ReiLazyColumnView   *self,
                                                               GtkColumnViewColumn *column,
                                                               int                  sort_id);
/* The sort id of the column the headers sort by, or -1. */
int                 rei_lazy_column_view_get_sort             (ReiLazyColumnView   *self,
                                                               gboolean            *descending);
/* The next result answers another question (a new search, filter or sort): it is shown from
 * its top.  The same question asked again (after a save) stays where it was. */
void                rei_lazy_column_view_scroll_to_top_next   (ReiLazyColumnView   *self);

/* Selects the row of the record with this id: now if the list has it, else when the result
 * being read comes in. */
void                rei_lazy_column_view_select_id            (ReiLazyColumnView   *self,
                                                               gint64               id);
/* Selects no row, and forgets the record still to be selected again once its row is in. */
void                rei_lazy_column_view_unselect             (ReiLazyColumnView   *self);

G_END_DECLS

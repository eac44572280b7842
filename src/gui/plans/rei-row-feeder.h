/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REI_TYPE_ROW_FEEDER (rei_row_feeder_get_type ())

G_DECLARE_FINAL_TYPE (ReiRowFeeder, rei_row_feeder, REI, ROW_FEEDER, GObject)

/* Makes the row of @item, or brings @row (a row this function made before, for another item
 * or an older copy of this one) up to date and returns it.  @row is NULL when there is none to
 * reuse; returning a different widget replaces @row. */
/* One step of showing something, run in a frame of its own (see rei_row_feeder_add_step()). */
typedef void (*ReiRowFeederStepFunc) (gpointer user_data);

typedef GtkWidget *(*ReiRowFeederFunc) (GtkWidget *row,
                                        gpointer   item,
                                        gpointer   user_data);

/* Fills boxed lists a few rows per frame.  A plan of 40 goals, 30 services and 24 reviews is
 * some 150 rows, and laying out one row's text costs milliseconds: made at once, they froze
 * the window for most of a second.  The feeder makes the rows in the order the lists were
 * given (top of the page first), in the frame clock's update phase, rows of one list per frame,
 * as many as kept that list's last frame under half a frame (a list learns its own count: an
 * expander row costs several plain ones); rows already shown are updated in place, so showing
 * the same plan again after a change costs only what changed.  "done" is emitted when every
 * list and step is complete.  Without a frame clock (@owner not realized) the rows are made at
 * once.  A long list shows its first ten rows and a row "Show All N" that shows the rest (and
 * every row of that list from then on): a new row's first layout costs some 450 shaping calls
 * (a wrapping title and subtitle), so the rows made are what a frame costs. */
ReiRowFeeder *rei_row_feeder_new      (GtkWidget        *owner);
/* Shows @items (borrowed: they must outlive the rows' making, or rei_row_feeder_cancel() be
 * called first) in @list, one row each made by @func; with no item, one row saying
 * @empty_title (when not NULL).  Setting a list again restarts it in its place in the queue. */
void          rei_row_feeder_set_rows (ReiRowFeeder     *self,
                                       GtkListBox       *list,
                                       GPtrArray        *items,
                                       ReiRowFeederFunc  func,
                                       gpointer          user_data,
                                       const char       *empty_title);
/* Queues @func, to be run in a frame's update phase after what is queued already, in a frame
 * of its own: showing a new plan changes the texts and forms of the whole page, and laid out in
 * one frame they cost two frames' time; a step per part of the page spreads them.  The lists
 * that @func sets are queued right after it, so the page still fills from the top.  Without a
 * frame clock @func runs now.  rei_row_feeder_cancel() drops the steps not run yet. */
void          rei_row_feeder_add_step (ReiRowFeeder         *self,
                                       ReiRowFeederStepFunc  func,
                                       gpointer              user_data);
/* Forgets the rows and steps not made yet (their lists keep what they show). */
void          rei_row_feeder_cancel   (ReiRowFeeder     *self);
/* TRUE while rows or steps remain to be made. */
gboolean      rei_row_feeder_get_busy (ReiRowFeeder     *self);

G_END_DECLS

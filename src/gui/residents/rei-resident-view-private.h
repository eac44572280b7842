/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-background-job-bar.h"
#include "rei-lazy-column-view.h"
#include "rei-lifecycle.h"
#include "rei-resident-filter-popover.h"
#include "rei-resident-view.h"

G_BEGIN_DECLS

/* ReiResidentView is one class in three files: rei-resident-view.c (the search, the filters,
 * the query and what the page shows), rei-resident-view-columns.c (the cells of the table) and
 * rei-resident-view-actions.c (the export). */
struct _ReiResidentView
{
  GtkWidget                 parent_instance;

  ReiStore                 *store;
  ReiResidentList          *list;
  /* Feeds the column view a few rows a frame and keeps the selection across results. */
  ReiLazyColumnView        *table;

  /* What the status, days and categories columns need, read once per query result rather than
   * once per row: the durations in force today, today itself, and category code → short label. */
  ReiLifecycleRules         rules;
  char                     *today;
  GHashTable               *category_labels;

  ReiBackgroundJob         *export_job;

  /* Template widgets. */
  GtkWidget                *toolbar;
  GtkSearchEntry           *search_entry;
  GtkLabel                 *count_label;
  GtkSpinner               *spinner;
  GtkMenuButton            *filter_button;
  ReiResidentFilterPopover *filter_popover;
  GtkStack                 *stack;
  AdwStatusPage            *no_results_page;
  GtkColumnView            *column_view;
  GtkColumnViewColumn      *surname_column;
  GtkColumnViewColumn      *first_name_column;
  GtkColumnViewColumn      *pesel_column;
  GtkColumnViewColumn      *status_column;
  GtkColumnViewColumn      *days_column;
  GtkColumnViewColumn      *workshop_column;
  GtkColumnViewColumn      *category_column;
  GtkColumnViewColumn      *project_column;
  ReiBackgroundJobBar      *export_bar;
};

/* rei-resident-view-columns.c */
void  _rei_resident_view_class_init_columns (GtkWidgetClass  *widget_class);
void  _rei_resident_view_init_columns       (ReiResidentView *self);
void  _rei_resident_view_finalize_columns   (ReiResidentView *self);
/* Reads what the cells need for a new result: the rules and the day, the category labels. */
void  _rei_resident_view_load_row_context   (ReiResidentView *self);

/* rei-resident-view-actions.c */
void  _rei_resident_view_class_init_actions (GtkWidgetClass  *widget_class);
void  _rei_resident_view_init_actions       (ReiResidentView *self);
void  _rei_resident_view_dispose_actions    (ReiResidentView *self);
void  _rei_resident_view_notify_exporting   (ReiResidentView *self);

/* For the window tests and the list benchmark. */
/* Writes the list as it is searched and filtered to file, as the Export action does once the
 * file chooser (which cannot be driven under Xvfb) has answered. */
void             rei_resident_view_export_to_file   (ReiResidentView   *self,
                                                     GFile             *file);
void             rei_resident_view_clear_filters    (ReiResidentView   *self);
/* TRUE while the rows of a result are still being handed to the column view a few a frame. */
gboolean         rei_resident_view_get_growing      (ReiResidentView   *self);
GtkEditable     *rei_resident_view_get_search_entry (ReiResidentView   *self);
/* "list", "empty" (no resident in the database) or "no-results" (nobody matches the search). */
const char      *rei_resident_view_get_page_name    (ReiResidentView   *self);
/* Position 0 of each is "All"; the status filter lists the statuses in ReiResidentStatus order. */
GtkDropDown     *rei_resident_view_get_filter       (ReiResidentView   *self,
                                                     ReiResidentFilter  filter);

G_END_DECLS

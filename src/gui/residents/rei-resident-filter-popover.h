/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rei-resident-query.h"
#include "rei-store.h"

G_BEGIN_DECLS

typedef enum
{
  REI_RESIDENT_FILTER_STATUS,
  REI_RESIDENT_FILTER_CATEGORY,
  REI_RESIDENT_FILTER_WORKSHOP,
  REI_RESIDENT_FILTER_PROJECT,
  REI_RESIDENT_FILTER_ADMISSION_YEAR,
  REI_RESIDENT_FILTER_END_YEAR,
  REI_RESIDENT_FILTER_REVIEW,      /* "All" or "Overdue": the open plan's review is overdue */
} ReiResidentFilter;

#define REI_TYPE_RESIDENT_FILTER_POPOVER (rei_resident_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (ReiResidentFilterPopover, rei_resident_filter_popover, REI,
                      RESIDENT_FILTER_POPOVER, GtkPopover)

/* The filters of the residents list: status, category, workshop, project, year of admission and
 * of the end, each "All" or one value, and a button that clears them.  Emits "changed" when the
 * user changes them (once for Clear Filters), not when the choices are read again. */
GtkWidget   *rei_resident_filter_popover_new          (void);
/* Reads the choices from store (NULL: none) and keeps what was chosen where it is still offered.
 * Returns TRUE when a chosen workshop, project, category or year is gone, its filter back at
 * "All". */
gboolean     rei_resident_filter_popover_load         (ReiResidentFilterPopover *self,
                                                       ReiStore                 *store);
/* Writes the filters into query. */
void         rei_resident_filter_popover_apply        (ReiResidentFilterPopover *self,
                                                       ReiResidentQuery         *query);
/* How many filters are not "All". */
guint        rei_resident_filter_popover_get_n_active (ReiResidentFilterPopover *self);
/* Every filter back to "All", then one "changed". */
void         rei_resident_filter_popover_clear        (ReiResidentFilterPopover *self);
/* Position 0 of each is "All"; the status filter lists the statuses in ReiResidentStatus order. */
GtkDropDown *rei_resident_filter_popover_get_filter   (ReiResidentFilterPopover *self,
                                                       ReiResidentFilter         filter);

G_END_DECLS

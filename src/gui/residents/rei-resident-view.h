/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rei-resident-list.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_VIEW (rei_resident_view_get_type ())

G_DECLARE_FINAL_TYPE (ReiResidentView, rei_resident_view, REI, RESIDENT_VIEW, GtkWidget)

ReiStore        *rei_resident_view_get_store        (ReiResidentView *self);
void             rei_resident_view_set_store        (ReiResidentView *self,
                                                     ReiStore        *store);
ReiResidentList *rei_resident_view_get_list         (ReiResidentView *self);
/* The table; its model is a GtkSingleSelection over the list. */
GtkColumnView   *rei_resident_view_get_column_view  (ReiResidentView *self);
/* Reads the list again, e.g. after an import. */
void             rei_resident_view_refresh          (ReiResidentView *self);
void             rei_resident_view_focus_search     (ReiResidentView *self);
/* Asks where to save, then writes the list as it is searched and filtered to a workbook in a
 * thread, with a progress bar and Cancel under the list and a toast when done. */
void             rei_resident_view_export           (ReiResidentView *self);
gboolean         rei_resident_view_get_exporting    (ReiResidentView *self);

/* Selects the row of the person with this id: now if the list has them, else when the result
 * being read (after a save, say) comes in. */
void             rei_resident_view_select_id        (ReiResidentView *self,
                                                     gint64           id);
/* Selects no row, and forgets the person still to be selected again once their row is in. */
void             rei_resident_view_unselect         (ReiResidentView *self);

G_END_DECLS

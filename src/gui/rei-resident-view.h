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
/* Reads the list again, e.g. after an import. */
void             rei_resident_view_refresh          (ReiResidentView *self);
void             rei_resident_view_focus_search     (ReiResidentView *self);

/* For the window tests. */
GtkColumnView   *rei_resident_view_get_column_view  (ReiResidentView *self);
GtkEditable     *rei_resident_view_get_search_entry (ReiResidentView *self);
/* "list", "empty" (no resident in the database) or "no-results" (nobody matches the search). */
const char      *rei_resident_view_get_page_name    (ReiResidentView *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-resident-view.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_DETAIL (rei_resident_detail_get_type ())

G_DECLARE_FINAL_TYPE (ReiResidentDetail, rei_resident_detail, REI, RESIDENT_DETAIL, GtkWidget)

/* What to do once the user has answered about unsaved edits: proceed is FALSE when they chose
 * Cancel, or when the save they chose failed. */
typedef void (*ReiResidentDetailContinue) (gboolean proceed,
                                           gpointer user_data);

/* The pane follows the selection of the view's list and refreshes the list after a change. */
void         rei_resident_detail_set_view          (ReiResidentDetail         *self,
                                                    ReiResidentView           *view);
ReiStore    *rei_resident_detail_get_store         (ReiResidentDetail         *self);
/* The id of the person in the form; 0 for a new one not yet saved, -1 when the form is empty. */
gint64       rei_resident_detail_get_resident_id   (ReiResidentDetail         *self);
gboolean     rei_resident_detail_get_modified      (ReiResidentDetail         *self);
gboolean     rei_resident_detail_get_can_save      (ReiResidentDetail         *self);
/* Asks Save / Discard / Cancel when there are unsaved edits; calls func at once otherwise. */
void         rei_resident_detail_ask_unsaved       (ReiResidentDetail         *self,
                                                    ReiResidentDetailContinue  func,
                                                    gpointer                   user_data);
/* Reads the categories and the centre's durations again (after the preferences changed them),
 * keeping what is typed in the form. */
void         rei_resident_detail_reload_lookups    (ReiResidentDetail         *self);
/* Writes the right-of-access workbook of the person in the form, in a worker thread. */
void         rei_resident_detail_export_to_file    (ReiResidentDetail         *self,
                                                    GFile                     *file);

G_END_DECLS

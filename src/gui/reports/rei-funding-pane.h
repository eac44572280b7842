/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_FUNDING_PANE (rei_funding_pane_get_type ())

G_DECLARE_FINAL_TYPE (ReiFundingPane, rei_funding_pane, REI, FUNDING_PANE, AdwBin)

/* The reports page's Funding: one year's amounts by source (the sources are data), executed
 * with each source's share of the year, and planned; a form to add or change one (money typed
 * as Polish spreadsheets write it), and a delete with Undo.  "changed" after each write.
 * Actions: funding.save, funding.delete (a string: "source:kind"). */
void        rei_funding_pane_set_store  (ReiFundingPane *self,
                                         ReiStore       *store);
void        rei_funding_pane_set_year   (ReiFundingPane *self,
                                         int             year);
int         rei_funding_pane_get_year   (ReiFundingPane *self);
/* Fills the form with an amount of the year, as a click on its row does. */
gboolean    rei_funding_pane_edit       (ReiFundingPane *self,
                                         const char     *source,
                                         const char     *kind);
gboolean    rei_funding_pane_save       (ReiFundingPane *self,
                                         GError        **error);
GtkListBox *rei_funding_pane_get_executed_list (ReiFundingPane *self);
GtkListBox *rei_funding_pane_get_planned_list  (ReiFundingPane *self);
const char *rei_funding_pane_get_message (ReiFundingPane *self);

G_END_DECLS

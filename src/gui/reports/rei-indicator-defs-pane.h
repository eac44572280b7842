/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store-reports.h"

G_BEGIN_DECLS

#define REI_TYPE_INDICATOR_DEFS_PANE (rei_indicator_defs_pane_get_type ())

G_DECLARE_FINAL_TYPE (ReiIndicatorDefsPane, rei_indicator_defs_pane, REI, INDICATOR_DEFS_PANE, AdwBin)

/* The reports page's Definitions: every stored indicator definition, and the form of one —
 * name, base, who the base keeps, what the numerator counts (a flag, the situations after
 * leaving, the graduates' outcomes), the denominator, the threshold — so that a new funder's
 * indicator is data, not code.  Checked with rei_indicator_def_check; "changed" after a save
 * or delete, so that the indicators shown are computed again.  Actions: definitions.new,
 * definitions.save, definitions.delete. */
void        rei_indicator_defs_pane_set_store (ReiIndicatorDefsPane *self,
                                               ReiStore             *store);
/* Opens a definition in the form, as a click on its row does. */
gboolean    rei_indicator_defs_pane_edit      (ReiIndicatorDefsPane *self,
                                               const char           *code);
gboolean    rei_indicator_defs_pane_save      (ReiIndicatorDefsPane *self,
                                               GError              **error);
GtkListBox *rei_indicator_defs_pane_get_list  (ReiIndicatorDefsPane *self);
const char *rei_indicator_defs_pane_get_message (ReiIndicatorDefsPane *self);

G_END_DECLS

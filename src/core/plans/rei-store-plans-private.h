/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store-plans.h"
#include "rei-store-private.h"

G_BEGIN_DECLS

/* Shared by the three files of the plans' store (writes, monitoring, reads). */

/* Whether the plan exists (NOT_FOUND otherwise) and whether its content is open; inside the
 * caller's transaction. */
gboolean  rei_store_plans_get_state    (ReiStore            *self,
                                        gint64               plan_id,
                                        gboolean            *editing,
                                        GError             **error);
gboolean  rei_store_plans_set_signed_error (GError         **error);
gboolean  rei_store_plans_check_date   (const char          *iso,
                                        const char          *what,
                                        gboolean             required,
                                        GError             **error);
gboolean  rei_store_plans_is_blank     (const char          *text);
/* Reads the plan on an already locked connection, without its revisions' snapshots. */
ReiPlan  *rei_store_plans_read_locked  (ReiStoreConnection  *c,
                                        gint64               plan_id,
                                        GError             **error);

G_END_DECLS

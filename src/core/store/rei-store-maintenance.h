/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

/* Integrity, foreign keys, the file's mark and schema version; problems as sentences. */
gboolean     rei_store_check                 (ReiStore            *self,
                                              GPtrArray          **problems,
                                              GError             **error);
/* A consistent, self-contained private copy of the open database, written beside the
 * destination and renamed into place. */
gboolean     rei_store_backup                (ReiStore            *self,
                                              const char          *destination,
                                              GError             **error);

G_END_DECLS

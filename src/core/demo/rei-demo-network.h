/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

/* The demo centre's local network: partners of types A, B and C from all four sectors (MOPS,
 * PUP, a library, a culture centre, a sports club, local employers, NGOs, a parish), the
 * seeded catalogue given providers plus the partners' own services, and referrals of the
 * residents already in the store spread over the years 2019 to 2024.  Deterministic for a
 * seed; joins the caller's transaction. */
gboolean rei_demo_fill_network (ReiStore      *store,
                                guint32        seed,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-store.h"

G_BEGIN_DECLS

/* The reports' demo data, on top of the residents' (rei_demo_fill): the projects get codes,
 * programmes, applicants, partners, tasks, targets, value and grant (seed 003's where it gives
 * them); the enrolments their dates and outcomes; the centre its funding for every year from
 * 2015 to next year's plan (2019: 52 % city, 48 % EFS) and its general data.  Deterministic;
 * one transaction (joins the caller's). */
gboolean rei_demo_fill_reports (ReiStore      *store,
                                guint32        seed,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-progress.h"
#include "rei-resident.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* Fills a database with believable, deterministic data, every domain's in turn (rei-demo.c):
 * residents with Polish names with diacritics, valid PESELs, categories, ten years of
 * admissions up to the store's today, lifecycles within the centre's settings (a few files near
 * or past the limit), outcomes, workshops and projects.  The same seed and the same day give
 * the same data.  One transaction. */
gboolean rei_demo_fill      (ReiStore        *store,
                             guint            n_residents,
                             guint32          seed,
                             ReiProgressFunc  progress,
                             gpointer         progress_data,
                             GCancellable    *cancellable,
                             GError         **error);
/* Demo plans (rei-demo-plans.c): one person's diagnosis, plan, goals, services, reviews and
 * assessments, a revision for some, the closing for those who left; deterministic for the seed.
 * Joins the caller's transaction. */
gboolean rei_demo_add_plan  (ReiStore        *store,
                             ReiResident     *resident,
                             guint32          seed,
                             GError         **error);
/* rei_demo_add_plan() for every resident who has no plan yet, in one transaction.  Called by
 * `reintegra-cli demo` after rei_demo_fill(); kept apart so that the tests that only need people
 * do not pay for plans. */
gboolean rei_demo_fill_plans (ReiStore       *store,
                              guint32         seed,
                              ReiProgressFunc progress,
                              gpointer        progress_data,
                              GCancellable   *cancellable,
                              GError        **error);
/* The same people as a residents CSV in the import format (for the benchmark and tests), as a
 * fill into a new database (the law's durations) would make them today. */
gboolean rei_demo_write_csv (const char      *path,
                             guint            n_residents,
                             guint32          seed,
                             GError         **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-demo.h"

#include "rei-date.h"
#include "rei-demo-private.h"
#include "rei-store-private.h"

/* The demo data of every domain, in the order they depend on each other: plans need residents,
 * reports need plans and the network.  A new domain adds its rei-demo-<domain>.c and one line
 * here; share is its part of the progress bar (the residents are most of the work). */
static const struct
{
  ReiDemoFiller fill;
  double        share;
} fillers[] = {
  { rei_demo_fill_residents, 1.0 },
  /* A few hundred rows, over in a blink next to the residents: no share of the bar. */
  { rei_demo_fill_network, 0.0 },
  /* A handful of projects and one UPDATE: no part of the bar. */
  { rei_demo_fill_reports, 0.0 },
};

void
rei_demo_report_progress (ReiDemo *demo,
                          double   fraction)
{
  if (demo->progress != NULL)
    demo->progress (demo->progress_done + CLAMP (fraction, 0.0, 1.0) * demo->progress_share,
                    demo->progress_data);
}

gboolean
rei_demo_fill (ReiStore         *store,
               guint             n_residents,
               guint32           seed,
               ReiProgressFunc   progress,
               gpointer          progress_data,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autofree char *today = NULL;
  double total_share = 0.0;
  ReiDemo demo = {
    .store = store,
    .n_residents = n_residents,
    .seed = seed,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = progress_data,
  };

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The store's today rather than the clock's, so that the tests can fix the day. */
  today = rei_store_get_today (store);
  if (!rei_date_iso_to_gdate (today, &demo.today))
    g_return_val_if_reached (FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    total_share += fillers[i].share;

  if (!rei_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    {
      demo.progress_share = fillers[i].share / total_share;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) || !fillers[i].fill (&demo, error))
        {
          rei_store_rollback (store);
          return FALSE;
        }
      demo.progress_done += demo.progress_share;
    }

  if (!rei_store_commit (store, error))
    {
      rei_store_rollback (store);
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

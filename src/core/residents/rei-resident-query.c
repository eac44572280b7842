/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-resident-query.h"

G_DEFINE_BOXED_TYPE (ReiResidentQuery, rei_resident_query,
                     rei_resident_query_copy, rei_resident_query_free)

ReiResidentQuery *
rei_resident_query_new (void)
{
  return g_new0 (ReiResidentQuery, 1);
}

ReiResidentQuery *
rei_resident_query_copy (const ReiResidentQuery *query)
{
  ReiResidentQuery *copy;

  if (query == NULL)
    return rei_resident_query_new ();

  copy = g_memdup2 (query, sizeof *query);
  copy->search = g_strdup (query->search);
  copy->category = g_strdup (query->category);
  copy->workshop = g_strdup (query->workshop);
  copy->project = g_strdup (query->project);
  return copy;
}

void
rei_resident_query_free (ReiResidentQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->search);
  g_free (query->category);
  g_free (query->workshop);
  g_free (query->project);
  g_free (query);
}

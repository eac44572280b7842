/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-indicators.h"
#include "rei-store-residents.h"
#include "rei-store-reports.h"

static void
indicator_free (ReiIndicator *indicator)
{
  g_free (indicator->code);
  g_free (indicator->label);
  g_free (indicator);
}

static void
graduate_free (ReiGraduate *graduate)
{
  g_free (graduate->surname);
  g_free (graduate->first_name);
  g_free (graduate->pesel);
  g_free (graduate->end_date);
  g_free (graduate->outcome);
  g_free (graduate->outcome_label);
  g_strfreev (graduate->counted_in);
  g_free (graduate);
}

void
rei_indicator_report_free (ReiIndicatorReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->indicators, g_ptr_array_unref);
  g_clear_pointer (&report->graduates, g_ptr_array_unref);
  g_free (report);
}

typedef struct
{
  ReiStore           *store;
  ReiIndicatorReport *report;
  GHashTable         *members;   /* "indicator\x1foutcome" → the outcome counts in its numerator */
} Collect;

static gboolean
collect_graduate (ReiResident *resident,
                  gpointer     user_data)
{
  Collect *c = user_data;
  const char *reason = rei_resident_get (resident, REI_RESIDENT_END_REASON);
  const char *outcome = rei_resident_get (resident, REI_RESIDENT_OUTCOME);
  g_autoptr(GStrvBuilder) counted = g_strv_builder_new ();
  ReiGraduate *g;

  /* "Graduate" is a property of the end reason (a row of end_reason), not of one code. */
  if (reason == NULL || !GPOINTER_TO_INT (g_hash_table_lookup (c->members, reason)))
    return TRUE;

  g = g_new0 (ReiGraduate, 1);
  g->resident_id = rei_resident_get_id (resident);
  g->surname = g_strdup (rei_resident_get_surname (resident));
  g->first_name = g_strdup (rei_resident_get_first_name (resident));
  g->pesel = g_strdup (rei_resident_get_pesel (resident));
  g->end_date = g_strdup (rei_resident_get (resident, REI_RESIDENT_END_DATE));
  g->outcome = g_strdup (outcome);
  g->outcome_label = outcome ? rei_store_get_label (c->store, REI_LOOKUP_OUTCOME, outcome) : NULL;

  /* Every graduate is in every denominator; an unknown outcome counts in no numerator. */
  for (guint i = 0; i < c->report->indicators->len; i++)
    {
      ReiIndicator *ind = g_ptr_array_index (c->report->indicators, i);
      g_autofree char *key = g_strconcat (ind->code, "\x1f", outcome ? outcome : "", NULL);

      ind->denominator++;
      if (outcome != NULL && g_hash_table_contains (c->members, key))
        {
          ind->numerator++;
          g_strv_builder_add (counted, ind->code);
        }
    }
  g->counted_in = g_strv_builder_end (counted);
  g_ptr_array_add (c->report->graduates, g);
  return TRUE;
}

/* Which outcomes count for which indicator, and which end reasons make a graduate, are rows of
 * the database; they are read once per report into one lookup table. */
static GHashTable *
load_definitions (ReiStore  *store,
                  GError   **error)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) reasons = NULL;

  indicators = rei_store_list_codes (store, REI_LOOKUP_INDICATOR, error);
  outcomes = indicators ? rei_store_list_codes (store, REI_LOOKUP_OUTCOME, error) : NULL;
  reasons = outcomes ? rei_store_list_codes (store, REI_LOOKUP_END_REASON, error) : NULL;
  if (reasons == NULL)
    return NULL;

  for (guint i = 0; i < reasons->len; i++)
    {
      const char *code = g_ptr_array_index (reasons, i);
      g_hash_table_insert (members, g_strdup (code),
                           GINT_TO_POINTER (rei_store_end_reason_is_graduate (store, code)));
    }

  for (guint i = 0; i < indicators->len; i++)
    for (guint j = 0; j < outcomes->len; j++)
      if (rei_store_indicator_counts_outcome (store, g_ptr_array_index (indicators, i),
                                              g_ptr_array_index (outcomes, j)))
        g_hash_table_add (members, g_strconcat (g_ptr_array_index (indicators, i), "\x1f",
                                                g_ptr_array_index (outcomes, j), NULL));
  return g_steal_pointer (&members);
}

static gboolean
is_graduate_indicator (GPtrArray  *defs,
                       const char *code)
{
  for (guint i = 0; i < defs->len; i++)
    {
      ReiIndicatorDef *def = g_ptr_array_index (defs, i);
      if (g_strcmp0 (def->code, code) == 0)
        return g_strcmp0 (def->base, "absolwenci") == 0;
    }
  return FALSE;
}

ReiIndicatorReport *
rei_indicators_compute (ReiStore  *store,
                        int        year,
                        GError   **error)
{
  g_autoptr(ReiIndicatorReport) report = g_new0 (ReiIndicatorReport, 1);
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) defs = NULL;
  Collect collect;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  members = load_definitions (store, error);
  if (members == NULL)
    return NULL;
  codes = rei_store_list_codes (store, REI_LOOKUP_INDICATOR, error);
  if (codes == NULL)
    return NULL;

  report->year = year;
  report->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  report->graduates = g_ptr_array_new_with_free_func ((GDestroyNotify) graduate_free);
  defs = rei_store_list_indicator_defs (store, error);
  if (defs == NULL)
    return NULL;
  for (guint i = 0; i < codes->len; i++)
    {
      ReiIndicator *ind;

      /* The foundation's workbook is a contract: only the definitions over a year's graduates
       * belong in it, not the project indicators stored beside them (rei-report.c). */
      if (!is_graduate_indicator (defs, g_ptr_array_index (codes, i)))
        continue;
      ind = g_new0 (ReiIndicator, 1);
      ind->code = g_strdup (g_ptr_array_index (codes, i));
      ind->label = rei_store_get_label (store, REI_LOOKUP_INDICATOR, ind->code);
      g_ptr_array_add (report->indicators, ind);
    }

  /* The store returns them in Polish order, which is the order of the list a funder checks. */
  query->end_year = year;
  query->sort = REI_RESIDENT_SORT_NAME;
  collect.store = store;
  collect.report = report;
  collect.members = members;
  if (!rei_store_foreach_resident (store, query, collect_graduate, &collect, NULL, error))
    return NULL;

  return g_steal_pointer (&report);
}

const ReiIndicator *
rei_indicator_report_lookup (ReiIndicatorReport *report,
                             const char         *code)
{
  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->indicators->len; i++)
    {
      const ReiIndicator *ind = g_ptr_array_index (report->indicators, i);
      if (g_strcmp0 (ind->code, code) == 0)
        return ind;
    }
  return NULL;
}

double
rei_indicator_get_value (const ReiIndicator *indicator)
{
  g_return_val_if_fail (indicator != NULL, 0.0);

  if (indicator->denominator == 0)
    return 0.0;
  return (double) indicator->numerator / (double) indicator->denominator;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-report.h"

G_DEFINE_QUARK (rei-report-error-quark, rei_report_error)

static void
report_indicator_free (ReiReportIndicator *ind)
{
  rei_indicator_def_free (ind->def);
  g_clear_pointer (&ind->people, g_ptr_array_unref);
  g_free (ind);
}

void
rei_report_free (ReiReport *report)
{
  if (report == NULL)
    return;
  rei_project_free (report->project);
  g_free (report->from);
  g_free (report->to);
  g_clear_pointer (&report->indicators, g_ptr_array_unref);
  g_free (report);
}

static gboolean
count_person (ReiIndicatorPerson *person,
              gpointer            user_data)
{
  ReiReportIndicator *ind = user_data;

  ind->denominator++;
  if (person->counted)
    ind->numerator++;
  if (ind->people != NULL)
    g_ptr_array_add (ind->people, person);
  else
    rei_indicator_person_free (person);
  return TRUE;
}

static ReiReport *
compute (ReiStore         *store,
         ReiReport        *report_in,
         gboolean          with_people,
         GCancellable     *cancellable,
         ReiProgressFunc   progress,
         gpointer          progress_data,
         GError          **error)
{
  g_autoptr(ReiReport) report = report_in;
  g_autoptr(GPtrArray) defs = rei_store_list_indicator_defs (store, error);
  const char *skip_scope = report->project != NULL ? "rok" : "projekt";

  if (defs == NULL)
    return NULL;

  report->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) report_indicator_free);
  for (guint i = 0; i < defs->len; i++)
    {
      ReiIndicatorDef *def = g_ptr_array_index (defs, i);
      ReiReportIndicator *ind;

      if (g_strcmp0 (def->scope, skip_scope) == 0)
        continue;

      ind = g_new0 (ReiReportIndicator, 1);
      ind->def = g_steal_pointer (&defs->pdata[i]);
      /* A project's own threshold (its contract) replaces the definition's in its report. */
      if (report->project != NULL && report->project->thresholds != NULL)
        {
          const double *own = g_hash_table_lookup (report->project->thresholds, ind->def->code);

          if (own != NULL)
            ind->def->threshold = *own;
        }
      if (with_people)
        ind->people = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_indicator_person_free);
      g_ptr_array_add (report->indicators, ind);

      if (with_people
          ? !rei_store_foreach_indicator_person (store, ind->def, report->from, report->to,
                                                 report->project ? report->project->id : 0,
                                                 count_person, ind, cancellable, error)
          : !rei_store_count_indicator (store, ind->def, report->from, report->to,
                                        report->project ? report->project->id : 0,
                                        &ind->numerator, &ind->denominator, error))
        return NULL;

      /* The base is who is counted; against a target the base is only the numerator's pool. */
      ind->has_denominator = TRUE;
      if (g_strcmp0 (ind->def->denominator, "cel") == 0)
        {
          int target = -1;

          if (report->project != NULL)
            {
              int w = report->project->target_women, m = report->project->target_men;

              if (g_strcmp0 (ind->def->sex, "K") == 0)
                target = w;
              else if (g_strcmp0 (ind->def->sex, "M") == 0)
                target = m;
              else if (w >= 0 && m >= 0)
                target = w + m;
            }
          ind->has_denominator = target >= 0;
          ind->denominator = target >= 0 ? (guint) target : 0;
        }

      if (progress != NULL)
        progress ((double) (i + 1) / defs->len, progress_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  return g_steal_pointer (&report);
}

ReiReport *
rei_report_compute_year (ReiStore         *store,
                         int               year,
                         gboolean          with_people,
                         GCancellable     *cancellable,
                         ReiProgressFunc   progress,
                         gpointer          progress_data,
                         GError          **error)
{
  ReiReport *report = g_new0 (ReiReport, 1);

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  report->year = year;
  report->from = g_strdup_printf ("%04d-01-01", year);
  report->to = g_strdup_printf ("%04d-12-31", year);
  return compute (store, report, with_people, cancellable, progress, progress_data, error);
}

ReiReport *
rei_report_compute_project (ReiStore         *store,
                            const char       *code,
                            gboolean          with_people,
                            GCancellable     *cancellable,
                            ReiProgressFunc   progress,
                            gpointer          progress_data,
                            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  ReiProject *project;
  ReiReport *report;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  project = rei_store_get_project (store, code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (project == NULL)
    {
      g_set_error (error, REI_REPORT_ERROR, REI_REPORT_ERROR_NO_PROJECT,
                   _("There is no project with the code “%s”."), code);
      return NULL;
    }
  if (project->start_date == NULL || project->end_date == NULL)
    {
      g_set_error (error, REI_REPORT_ERROR, REI_REPORT_ERROR_NO_PERIOD,
                   _("Project %s has no start or end date; enter its period first."), code);
      rei_project_free (project);
      return NULL;
    }

  project->thresholds = rei_store_get_project_thresholds (store, project->id, error);
  if (project->thresholds == NULL)
    {
      rei_project_free (project);
      return NULL;
    }

  report = g_new0 (ReiReport, 1);
  report->project = project;
  report->from = g_strdup (project->start_date);
  report->to = g_strdup (project->end_date);
  return compute (store, report, with_people, cancellable, progress, progress_data, error);
}

const ReiReportIndicator *
rei_report_lookup (const ReiReport *report,
                   const char      *code)
{
  for (guint i = 0; i < report->indicators->len; i++)
    {
      const ReiReportIndicator *ind = g_ptr_array_index (report->indicators, i);
      if (g_strcmp0 (ind->def->code, code) == 0)
        return ind;
    }
  return NULL;
}

double
rei_report_indicator_value (const ReiReportIndicator *ind)
{
  if (!ind->has_denominator || ind->denominator == 0)
    return 0.0;
  return (double) ind->numerator / (double) ind->denominator;
}

gboolean
rei_report_indicator_has_threshold (const ReiReportIndicator *ind)
{
  return ind->def->threshold >= 0 && ind->has_denominator;
}

gboolean
rei_report_indicator_met (const ReiReportIndicator *ind)
{
  /* Compared in whole numbers: 34 % of 50 people is 17, and 17/50 must meet it exactly. */
  if (!rei_report_indicator_has_threshold (ind) || ind->denominator == 0)
    return FALSE;
  return (double) ind->numerator * 100.0 >= ind->def->threshold * (double) ind->denominator - 1e-9;
}

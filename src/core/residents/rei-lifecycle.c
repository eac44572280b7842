/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-lifecycle.h"

#include <glib/gi18n-lib.h>

#include "rei-date.h"

G_DEFINE_QUARK (rei-lifecycle-error-quark, rei_lifecycle_error)

static int
load_rule (ReiStore   *store,
           const char *key,
           const char *on_date,
           int         last_resort)
{
  /* An admission before a rule came into force (data typed in from old files) takes the rule
   * as it stands today rather than none at all: rei-store-resident-query.c does the same. */
  int today_value = rei_store_get_setting_int (store, key, NULL, last_resort);

  return rei_store_get_setting_int (store, key, on_date, today_value);
}

void
rei_lifecycle_rules_load (ReiStore          *store,
                          const char        *on_date,
                          ReiLifecycleRules *rules)
{
  g_return_if_fail (REI_IS_STORE (store));
  g_return_if_fail (rules != NULL);

  rules->trial_months = load_rule (store, REI_SETTING_TRIAL_MONTHS, on_date,
                                   REI_SETTING_TRIAL_MONTHS_FALLBACK);
  rules->participation_months = load_rule (store, REI_SETTING_PARTICIPATION_MONTHS, on_date,
                                           REI_SETTING_PARTICIPATION_MONTHS_FALLBACK);
  rules->extension_max_months = load_rule (store, REI_SETTING_EXTENSION_MAX_MONTHS, on_date,
                                           REI_SETTING_EXTENSION_MAX_MONTHS_FALLBACK);
  rules->warning_days = load_rule (store, REI_SETTING_LIMIT_WARNING_DAYS, on_date,
                                   REI_SETTING_LIMIT_WARNING_DAYS_FALLBACK);
}

/* The last day of a period of some months that starts on (and counts) the given day: with
 * GDate's month arithmetic, which ends a month begun on the 31st in the last day of a shorter
 * month instead of spilling into the next one. */
static char *
period_end (const GDate *start,
            int          months)
{
  GDate end = *start;

  g_date_add_months (&end, (guint) MAX (months, 0));
  g_date_subtract_days (&end, 1);
  return rei_date_to_iso (&end);
}

ReiLifecycle *
rei_lifecycle_compute (const ReiLifecycleRules *rules,
                       ReiResident             *resident,
                       const char              *today_iso)
{
  g_autofree char *today_owned = NULL;
  ReiLifecycle *lc;
  const char *end_iso;
  gboolean admitted;
  GDate admission, end, today, trial_over;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), NULL);

  if (today_iso == NULL)
    today_iso = today_owned = rei_date_today_iso ();
  if (!rei_date_iso_to_gdate (today_iso, &today))
    g_return_val_if_reached (NULL);

  lc = g_new0 (ReiLifecycle, 1);
  admitted = rei_date_iso_to_gdate (rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE),
                                    &admission);
  end_iso = rei_resident_get (resident, REI_RESIDENT_END_DATE);

  /* The same order of tests as build_query_sql() in rei-store-resident-query.c: a recorded end
   * date ends the participation whatever else is known; then admission decides between
   * candidate and the trial month, which is over on the day its months have passed. */
  if (end_iso != NULL)
    {
      lc->status = REI_RESIDENT_STATUS_ENDED;
      lc->end_reason = g_strdup (rei_resident_get (resident, REI_RESIDENT_END_REASON));
    }
  else if (!admitted || g_date_compare (&admission, &today) > 0)
    lc->status = REI_RESIDENT_STATUS_CANDIDATE;
  else
    {
      trial_over = admission;
      g_date_add_months (&trial_over, (guint) MAX (rules->trial_months, 0));
      lc->status = g_date_compare (&trial_over, &today) > 0
                   ? REI_RESIDENT_STATUS_TRIAL : REI_RESIDENT_STATUS_PARTICIPANT;
    }

  if (!admitted)
    return lc;

  lc->trial_end = period_end (&admission, rules->trial_months);
  lc->planned_end = period_end (&admission, rules->trial_months + rules->participation_months
                                            + rei_resident_get_extension_months (resident));
  lc->latest_end = period_end (&admission, rules->trial_months + rules->participation_months
                                           + rules->extension_max_months);

  if (lc->status != REI_RESIDENT_STATUS_CANDIDATE)
    {
      const GDate *last = &today;

      if (end_iso != NULL && rei_date_iso_to_gdate (end_iso, &end))
        last = &end;
      lc->days_in_programme = MAX (0, g_date_days_between (&admission, last) + 1);
    }

  if (lc->status == REI_RESIDENT_STATUS_TRIAL || lc->status == REI_RESIDENT_STATUS_PARTICIPANT)
    {
      GDate planned;

      rei_date_iso_to_gdate (lc->planned_end, &planned);
      lc->days_left = g_date_days_between (&today, &planned);
      if (lc->days_left < 0)
        lc->warning = REI_LIFECYCLE_PAST_LIMIT;
      else if (lc->days_left <= rules->warning_days)
        lc->warning = REI_LIFECYCLE_NEAR_LIMIT;
    }

  return lc;
}

ReiLifecycle *
rei_lifecycle_compute_for (ReiStore    *store,
                           ReiResident *resident,
                           const char  *today_iso)
{
  ReiLifecycleRules rules;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), NULL);

  rei_lifecycle_rules_load (store, rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE),
                            &rules);
  rules.warning_days = load_rule (store, REI_SETTING_LIMIT_WARNING_DAYS, today_iso,
                                  REI_SETTING_LIMIT_WARNING_DAYS_FALLBACK);
  return rei_lifecycle_compute (&rules, resident, today_iso);
}

void
rei_lifecycle_free (ReiLifecycle *lifecycle)
{
  if (lifecycle == NULL)
    return;
  g_free (lifecycle->end_reason);
  g_free (lifecycle->trial_end);
  g_free (lifecycle->planned_end);
  g_free (lifecycle->latest_end);
  g_free (lifecycle);
}

const char *
rei_resident_status_to_string (ReiResidentStatus status)
{
  switch (status)
    {
    case REI_RESIDENT_STATUS_ANY:
      return _("All");
    case REI_RESIDENT_STATUS_CANDIDATE:
      return _("Candidate");
    case REI_RESIDENT_STATUS_TRIAL:
      return _("Trial month");
    case REI_RESIDENT_STATUS_PARTICIPANT:
      return _("Participant");
    case REI_RESIDENT_STATUS_ENDED:
      return _("Ended");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
rei_lifecycle_dup_status_label (const ReiLifecycle *lifecycle,
                                ReiStore           *store)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (lifecycle != NULL, NULL);
  g_return_val_if_fail (REI_IS_STORE (store), NULL);

  if (lifecycle->status != REI_RESIDENT_STATUS_ENDED || lifecycle->end_reason == NULL)
    return g_strdup (rei_resident_status_to_string (lifecycle->status));

  reason = rei_store_get_label (store, REI_LOOKUP_END_REASON, lifecycle->end_reason);
  /* TRANSLATORS: the status of a resident whose participation ended; %s is the reason, e.g.
   * "Rezygnacja". */
  return g_strdup_printf (_("Ended (%s)"), reason != NULL ? reason : lifecycle->end_reason);
}

gboolean
rei_lifecycle_validate_extension (const ReiLifecycleRules  *rules,
                                  int                       months,
                                  GError                  **error)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  if (months >= 0 && months <= rules->extension_max_months)
    return TRUE;
  g_set_error (error, REI_LIFECYCLE_ERROR, REI_LIFECYCLE_ERROR_EXTENSION,
               _("The participation can be extended by at most %d months."),
               rules->extension_max_months);
  return FALSE;
}

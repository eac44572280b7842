/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-report-rules.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-date.h"

G_DEFINE_QUARK (rei-report-rule-error-quark, rei_report_rule_error)

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

gboolean
rei_project_check (const ReiProject  *p,
                   GError           **error)
{
  g_return_val_if_fail (p != NULL, FALSE);

  if (is_blank (p->code))
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_REQUIRED,
                   _("The project's code is required."));
      return FALSE;
    }
  if (is_blank (p->title))
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_TITLE_REQUIRED,
                   _("The project's title is required."));
      return FALSE;
    }
  /* ISO dates compare as text. */
  if (p->start_date != NULL && p->end_date != NULL && strcmp (p->end_date, p->start_date) < 0)
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_ENDS_BEFORE_START,
                   _("The project ends before it starts."));
      return FALSE;
    }
  if (p->total_value >= 0 && p->grant_value > p->total_value)
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_GRANT_TOO_LARGE,
                   _("The grant is larger than the project's value."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
outside (const char       *date,
         const ReiProject *p)
{
  return (p->start_date != NULL && strcmp (date, p->start_date) < 0)
         || (p->end_date != NULL && strcmp (date, p->end_date) > 0);
}

static char *
period_text (const ReiProject *p)
{
  g_autofree char *from = rei_date_format_display (p->start_date);
  g_autofree char *to = rei_date_format_display (p->end_date);

  return g_strdup_printf ("%s – %s", from != NULL && *from ? from : "…", to != NULL && *to ? to : "…");
}

gboolean
rei_enrolment_check (const ReiEnrolment  *e,
                     const ReiProject    *p,
                     GError             **error)
{
  g_autofree char *period = NULL;
  const char *code;

  g_return_val_if_fail (e != NULL && p != NULL, FALSE);

  code = p->code != NULL ? p->code : p->title;
  if (e->joined_on == NULL)
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_JOINED_REQUIRED,
                   _("The date of joining is required."));
      return FALSE;
    }
  if (e->left_on != NULL && strcmp (e->left_on, e->joined_on) < 0)
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_LEFT_BEFORE_JOINED,
                   _("The person left before joining."));
      return FALSE;
    }
  /* A project's period includes its first and last day.  Its text only for a message: made
   * for every row, it was a thirtieth of an enrolments import. */
  if (outside (e->joined_on, p))
    {
      period = period_text (p);
      /* TRANSLATORS: %s are the project's code and its period, "01.09.2017 – 31.08.2020". */
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_JOINED_OUTSIDE,
                   _("The date of joining is outside the period of project %s (%s)."), code, period);
      return FALSE;
    }
  if (e->left_on != NULL && outside (e->left_on, p))
    {
      period = period_text (p);
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_LEFT_OUTSIDE,
                   _("The date of leaving is outside the period of project %s (%s)."), code, period);
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_indicator_def_check (const ReiIndicatorDef  *d,
                         GError                **error)
{
  gboolean lists;

  g_return_val_if_fail (d != NULL, FALSE);

  if (is_blank (d->code))
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_REQUIRED,
                   _("The indicator's code is required."));
      return FALSE;
    }
  /* The code names the indicator in the workbook and the CLI: keep it plain. */
  for (const char *s = d->code; *s != '\0'; s++)
    if (!(g_ascii_islower (*s) || g_ascii_isdigit (*s) || *s == '_'))
      {
        g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_INVALID,
                     _("The code “%s” may hold only small letters without Polish characters, digits and “_”."),
                     d->code);
        return FALSE;
      }
  if (is_blank (d->label))
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_TITLE_REQUIRED,
                   _("The indicator's name is required."));
      return FALSE;
    }
  if (d->threshold > 1000)
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_THRESHOLD_INVALID,
                   _("The threshold is a percentage between 0 and 1000."));
      return FALSE;
    }
  lists = (d->outcomes != NULL && d->outcomes[0] != NULL) || (d->statuses != NULL && d->statuses[0] != NULL);
  if (d->counts == NULL && !lists)
    {
      g_set_error (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_NUMERATOR_EMPTY,
                   _("The numerator counts nobody: choose a flag or the situations that count."));
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-date.h"
#include "rei-resident-rules.h"

static char *
check_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strchr (text, ' ') != NULL
      || strchr (at + 1, '.') == NULL || g_str_has_suffix (text, "."))
    return g_strdup (_("This is not an e-mail address."));
  return NULL;
}

static char *
check_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()/", *p) == NULL)
        return g_strdup (_("A phone number may contain only digits, spaces, +, - and brackets."));
    }
  if (digits < 9 || digits > 15)
    return g_strdup (_("A phone number has 9 to 15 digits."));
  return NULL;
}

static char *
check_postcode (const char *text)
{
  if (strlen (text) == 6 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
      && text[2] == '-' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
      && g_ascii_isdigit (text[5]))
    return NULL;
  return g_strdup (_("A postcode has the form 00-000."));
}

char *
rei_resident_rules_check_field (ReiResidentField  field,
                                const char       *value)
{
  gboolean empty = value == NULL || *value == '\0';
  GDate date;

  g_return_val_if_fail (field < REI_RESIDENT_N_FIELDS, NULL);

  if (field == REI_RESIDENT_FIRST_NAME)
    return empty ? g_strdup (_("Enter the first name.")) : NULL;
  if (field == REI_RESIDENT_SURNAME)
    return empty ? g_strdup (_("Enter the surname.")) : NULL;
  if (empty)
    return NULL;

  switch (field)
    {
    case REI_RESIDENT_EMAIL:
      return check_email (value);
    case REI_RESIDENT_PHONE:
      return check_phone (value);
    case REI_RESIDENT_POSTCODE:
      return check_postcode (value);
    default:
      if (rei_resident_field_is_date (field) && !rei_date_parse (value, &date))
        return g_strdup (_("Enter the date as dd.mm.yyyy, e.g. 31.05.2019."));
      return NULL;
    }
}

ReiResidentField
rei_resident_rules_check_record (const char  *admission_date,
                                 const char  *end_date,
                                 const char  *end_reason,
                                 char       **message)
{
  gboolean has_end = end_date != NULL && *end_date != '\0';
  GDate admission, end;

  g_return_val_if_fail (message != NULL, REI_RESIDENT_N_FIELDS);
  *message = NULL;

  if (has_end && admission_date != NULL && rei_date_parse (admission_date, &admission)
      && rei_date_parse (end_date, &end) && g_date_compare (&end, &admission) < 0)
    {
      *message = g_strdup (_("The end date is before the admission date."));
      return REI_RESIDENT_END_DATE;
    }
  if (!has_end && end_reason != NULL && *end_reason != '\0')
    {
      *message = g_strdup (_("Enter the date the participation ended."));
      return REI_RESIDENT_END_DATE;
    }
  return REI_RESIDENT_N_FIELDS;
}

gboolean
rei_resident_rules_validate (ReiResident  *resident,
                             GError      **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (REI_IS_RESIDENT (resident), FALSE);

  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    {
      message = rei_resident_rules_check_field (i, rei_resident_get (resident, i));
      if (message != NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
          return FALSE;
        }
    }

  if (rei_resident_rules_check_record (rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE),
                                       rei_resident_get (resident, REI_RESIDENT_END_DATE),
                                       rei_resident_get (resident, REI_RESIDENT_END_REASON),
                                       &message) != REI_RESIDENT_N_FIELDS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_resident_rules_retention_passed (ReiResident *resident,
                                     int          retention_years,
                                     const char  *today_iso)
{
  g_autofree char *today_owned = NULL;
  const char *end_iso;
  GDate end, today;

  g_return_val_if_fail (REI_IS_RESIDENT (resident), FALSE);

  if (rei_resident_get_anonymised (resident) || retention_years < 0)
    return FALSE;
  end_iso = rei_resident_get (resident, REI_RESIDENT_END_DATE);
  if (end_iso == NULL || !rei_date_iso_to_gdate (end_iso, &end))
    return FALSE;
  if (today_iso == NULL)
    today_iso = today_owned = rei_date_today_iso ();
  if (!rei_date_iso_to_gdate (today_iso, &today))
    return FALSE;
  g_date_add_months (&end, (guint) retention_years * 12);
  return g_date_compare (&end, &today) < 0;
}

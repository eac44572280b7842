/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <string.h>

#include "rei-date.h"

static gboolean
parse_digits (const char *p,
              guint       n,
              guint      *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      *value = *value * 10 + (guint) (p[i] - '0');
    }
  return TRUE;
}

/* Accepts exactly the two forms an office spreadsheet produces: DD.MM.YYYY (Polish Excel) and
 * YYYY-MM-DD (ISO, what LibreOffice and databases write).  Anything else is refused rather than
 * guessed, because a guessed day/month swap would silently corrupt a participation period. */
gboolean
rei_date_parse (const char *text,
                GDate      *date)
{
  guint d, m, y;
  const char *s;
  const char *end;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  /* Surrounding spaces ignored, as g_strstrip() would, without a copy: an import parses three
   * dates a row. */
  s = text;
  while (g_ascii_isspace (*s))
    s++;
  end = s + strlen (s);
  while (end > s && g_ascii_isspace (end[-1]))
    end--;
  if (end - s != 10)
    return FALSE;

  if (s[2] == '.' && s[5] == '.')
    {
      if (!parse_digits (s, 2, &d) || !parse_digits (s + 3, 2, &m) || !parse_digits (s + 6, 4, &y))
        return FALSE;
    }
  else if (s[4] == '-' && s[7] == '-')
    {
      if (!parse_digits (s, 4, &y) || !parse_digits (s + 5, 2, &m) || !parse_digits (s + 8, 2, &d))
        return FALSE;
    }
  else
    return FALSE;

  if (y < 1800 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* By hand rather than with g_strdup_printf(): an import formats three dates a row, and the
 * printf machinery was 8 % of it. */
static char *
format_iso (guint y,
            guint m,
            guint d)
{
  char *iso;

  if (y > 9999)
    return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  iso = g_malloc (11);
  iso[0] = (char) ('0' + y / 1000);
  iso[1] = (char) ('0' + y / 100 % 10);
  iso[2] = (char) ('0' + y / 10 % 10);
  iso[3] = (char) ('0' + y % 10);
  iso[4] = '-';
  iso[5] = (char) ('0' + m / 10);
  iso[6] = (char) ('0' + m % 10);
  iso[7] = '-';
  iso[8] = (char) ('0' + d / 10);
  iso[9] = (char) ('0' + d % 10);
  iso[10] = '\0';
  return iso;
}

char *
rei_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;
  return format_iso (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

char *
rei_date_normalize (const char *text)
{
  GDate date;

  if (!rei_date_parse (text, &date))
    return NULL;
  return rei_date_to_iso (&date);
}

gboolean
rei_date_is_normal (const char *text)
{
  GDate date;

  /* Ten characters with the dashes (no spaces, not the dotted form), that parse: the ISO
   * formatting of what they parse to gives them back, since the year has four digits. */
  return text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-'
         && rei_date_parse (text, &date);
}

gboolean
rei_date_iso_to_gdate (const char *iso,
                       GDate      *date)
{
  return rei_date_parse (iso, date);
}

char *
rei_date_format_display (const char *iso)
{
  GDate date;

  if (!rei_date_parse (iso, &date))
    return g_strdup ("");
  return g_strdup_printf ("%02u.%02u.%04u",
                          g_date_get_day (&date),
                          g_date_get_month (&date),
                          g_date_get_year (&date));
}

char *
rei_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

int
rei_date_year (const char *iso)
{
  GDate date;

  if (!rei_date_parse (iso, &date))
    return 0;
  return g_date_get_year (&date);
}

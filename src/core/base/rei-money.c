/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-money.h"

G_DEFINE_QUARK (rei-money-error-quark, rei_money_error)

static gboolean
invalid (GError     **error,
         const char  *text)
{
  g_set_error (error, REI_MONEY_ERROR, REI_MONEY_ERROR_INVALID,
               _("“%s” is not an amount of money (write it as 1 025 436,17 or 1025436.17)."), text);
  return FALSE;
}

/* Checks that the integer part, with group separators at the given places, is 1–3 digits and
 * then groups of exactly three; copies the digits to @out. */
static gboolean
take_integer_part (const char *s,
                   gsize       len,
                   char        group,
                   GString    *out)
{
  gsize run = 0;
  gboolean grouped = FALSE;

  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]))
        {
          g_string_append_c (out, s[i]);
          run++;
          continue;
        }
      if (s[i] != group || run == 0 || (grouped && run != 3) || (!grouped && run > 3))
        return FALSE;
      grouped = TRUE;
      run = 0;
    }
  return !grouped || run == 3;
}

gboolean
rei_money_parse (const char  *text,
                 gint64      *grosze,
                 GError     **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *comma, *dot, *decimal = NULL;
  char group = ' ';
  gsize int_len, n_dots = 0;
  guint64 value = 0;
  guint cents = 0;

  g_return_val_if_fail (text != NULL && grosze != NULL, FALSE);

  /* The loop below walks characters: a sequence cut short at the end would take it past the
   * terminating NUL (fuzz-money found it). */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);
      return invalid (error, shown);
    }

  /* Spaces of every kind become ' ' (a group separator); the currency goes. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\t')
        c = ' ';
      g_string_append_unichar (s, c);
    }
  g_strstrip (s->str);
  g_string_set_size (s, strlen (s->str));
  if (g_str_has_suffix (s->str, "zł") || g_str_has_suffix (s->str, "PLN"))
    {
      g_string_truncate (s, s->len - (g_str_has_suffix (s->str, "zł") ? strlen ("zł") : 3));
      g_strchomp (s->str);
      g_string_set_size (s, strlen (s->str));
    }
  if (s->len == 0)
    return invalid (error, text);

  for (gsize i = 0; i < s->len; i++)
    n_dots += s->str[i] == '.';
  comma = strchr (s->str, ',');
  dot = strrchr (s->str, '.');

  if (comma != NULL)
    {
      /* Polish: the comma is the decimal mark; dots or spaces group thousands. */
      if (strchr (comma + 1, ',') != NULL || strchr (comma, '.') != NULL)
        return invalid (error, text);
      decimal = comma;
      group = n_dots > 0 ? '.' : ' ';
      if (n_dots > 0 && strchr (s->str, ' ') != NULL)
        return invalid (error, text);
    }
  else if (n_dots == 1 && strchr (s->str, ' ') == NULL)
    {
      gsize after = strlen (dot + 1);
      if (after == 3)
        return invalid (error, text);   /* 1.025: a thousand and twenty-five, or one? */
      decimal = dot;
    }
  else if (n_dots > 1)
    {
      if (strchr (s->str, ' ') != NULL)
        return invalid (error, text);
      group = '.';
    }
  else if (n_dots == 1)
    {
      /* "1 025.50": spaces group, the dot is the decimal mark. */
      decimal = dot;
    }

  int_len = decimal ? (gsize) (decimal - s->str) : s->len;
  if (!take_integer_part (s->str, int_len, group, digits))
    return invalid (error, text);

  if (decimal != NULL)
    {
      const char *d = decimal + 1;
      gsize n = strlen (d);

      if (n == 0 || n > 2 || !g_ascii_isdigit (d[0]) || (n == 2 && !g_ascii_isdigit (d[1])))
        return invalid (error, text);
      cents = (guint) (d[0] - '0') * 10 + (n == 2 ? (guint) (d[1] - '0') : 0);
    }

  /* 15 digits of złote keep any amount a centre handles far from overflow. */
  if (digits->len > 15 || !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64 / 100, &value, NULL))
    return invalid (error, text);

  *grosze = (gint64) value * 100 + cents;
  return TRUE;
}

char *
rei_money_format (gint64 grosze)
{
  g_autofree char *digits = NULL;
  GString *out;
  gsize len;

  if (grosze < 0)
    return g_strdup ("");

  digits = g_strdup_printf ("%" G_GINT64_FORMAT, grosze / 100);
  len = strlen (digits);
  out = g_string_new (NULL);
  for (gsize i = 0; i < len; i++)
    {
      /* A no-break space between thousands, as Polish writes them. */
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, "\u00a0");
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ",%02d zł", (int) (grosze % 100));
  return g_string_free (out, FALSE);
}

double
rei_money_to_double (gint64 grosze)
{
  return (double) grosze / 100.0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rei-identifiers.h"

G_DEFINE_QUARK (rei-identifier-error-quark, rei_identifier_error)

#define PESEL_LENGTH 11
#define NIP_LENGTH 10
#define REGON_SHORT_LENGTH 9
#define REGON_LONG_LENGTH 14

static inline gboolean
is_separator (char c)
{
  return c == ' ' || c == '-' || c == '\t';
}

static gboolean
all_digits (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* Sum of digit[i] * weights[i]; the caller has checked that there are enough digits. */
static guint
weighted_sum (const char  *digits,
              const guint *weights,
              guint        n_weights)
{
  guint sum = 0;

  for (guint i = 0; i < n_weights; i++)
    sum += (guint) (digits[i] - '0') * weights[i];
  return sum;
}

char *
rei_identifier_normalize (const char *text)
{
  GString *digits;

  if (text == NULL)
    return NULL;

  digits = g_string_sized_new (16);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (!is_separator (*p))
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }

  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

/* Decodes the birth date.  The century is hidden in the month: 80 is added for the 1800s, nothing
 * for the 1900s, 20 for the 2000s, 40 for the 2100s and 60 for the 2200s. */
static gboolean
pesel_birth_date (const char *digits,
                  GDate      *date)
{
  guint yy = (guint) (digits[0] - '0') * 10 + (guint) (digits[1] - '0');
  guint mm = (guint) (digits[2] - '0') * 10 + (guint) (digits[3] - '0');
  guint dd = (guint) (digits[4] - '0') * 10 + (guint) (digits[5] - '0');
  guint year, month;

  if (mm > 80)
    {
      month = mm - 80;
      year = 1800 + yy;
    }
  else
    {
      month = mm % 20;
      year = 1900 + 100 * (mm / 20) + yy;
    }
  if (month < 1 || month > 12)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) dd, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, (GDateDay) dd, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
rei_pesel_parse (const char  *pesel,
                 GDate       *birth_date,
                 char        *sex,
                 GError     **error)
{
  static const guint weights[] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
  g_autofree char *s = NULL;
  guint control;
  GDate date;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = g_strstrip (g_strdup (pesel != NULL ? pesel : ""));

  /* Characters are checked before the length so that "1234567890O" (a letter O typed for a zero)
   * is reported as what it is rather than as a number of the right length. */
  if (!all_digits (s))
    {
      g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_CHARACTERS,
                   _("PESEL may contain only digits"));
      return FALSE;
    }

  if (strlen (s) != PESEL_LENGTH)
    {
      g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_LENGTH,
                   _("PESEL must have 11 digits, it has %u"), (guint) strlen (s));
      return FALSE;
    }

  control = (10 - weighted_sum (s, weights, G_N_ELEMENTS (weights)) % 10) % 10;
  if (control != (guint) (s[10] - '0'))
    {
      g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_CHECKSUM,
                   _("PESEL checksum does not match"));
      return FALSE;
    }

  if (!pesel_birth_date (s, &date))
    {
      g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_DATE,
                   _("PESEL encodes no real birth date"));
      return FALSE;
    }

  if (birth_date != NULL)
    *birth_date = date;
  if (sex != NULL)
    *sex = ((s[9] - '0') % 2 == 1) ? 'M' : 'K';
  return TRUE;
}

gboolean
rei_pesel_is_valid (const char *pesel)
{
  return rei_pesel_parse (pesel, NULL, NULL, NULL);
}

/* Strips separators into @out; FALSE with an error when anything else but digits is present. */
static gboolean
digits_with_separators (const char  *text,
                        const char  *what,
                        char       **out,
                        GError     **error)
{
  *out = rei_identifier_normalize (text);
  if (*out != NULL)
    return TRUE;

  /* normalize() also refuses text without any digit; that is a length problem, not a
   * character problem, when the text is empty or consists only of separators. */
  if (text != NULL)
    {
      for (const char *p = text; *p != '\0'; p++)
        if (!is_separator (*p))
          {
            g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_CHARACTERS,
                         /* TRANSLATORS: %s is "NIP" or "REGON" */
                         _("%s may contain only digits, dashes and spaces"), what);
            return FALSE;
          }
    }

  *out = g_strdup ("");
  return TRUE;
}

gboolean
rei_nip_validate (const char  *nip,
                  GError     **error)
{
  static const guint weights[] = { 6, 5, 7, 2, 3, 4, 5, 6, 7 };
  g_autofree char *s = NULL;
  guint control;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!digits_with_separators (nip, "NIP", &s, error))
    return FALSE;

  if (strlen (s) != NIP_LENGTH)
    {
      g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_LENGTH,
                   _("NIP must have 10 digits, it has %u"), (guint) strlen (s));
      return FALSE;
    }

  /* A remainder of 10 cannot be written as one digit, so such numbers are never issued. */
  control = weighted_sum (s, weights, G_N_ELEMENTS (weights)) % 11;
  if (control == 10 || control != (guint) (s[9] - '0'))
    {
      g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_CHECKSUM,
                   _("NIP checksum does not match"));
      return FALSE;
    }

  return TRUE;
}

gboolean
rei_regon_validate (const char  *regon,
                    GError     **error)
{
  static const guint weights9[] = { 8, 9, 2, 3, 4, 5, 6, 7 };
  static const guint weights14[] = { 2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8 };
  g_autofree char *s = NULL;
  const guint *weights;
  guint n_weights;
  gsize len;
  guint control;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!digits_with_separators (regon, "REGON", &s, error))
    return FALSE;

  len = strlen (s);
  if (len == REGON_SHORT_LENGTH)
    {
      weights = weights9;
      n_weights = G_N_ELEMENTS (weights9);
    }
  else if (len == REGON_LONG_LENGTH)
    {
      weights = weights14;
      n_weights = G_N_ELEMENTS (weights14);
    }
  else
    {
      g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_LENGTH,
                   _("REGON must have 9 or 14 digits, it has %u"), (guint) len);
      return FALSE;
    }

  /* Unlike NIP, REGON writes a remainder of 10 as 0. */
  control = weighted_sum (s, weights, n_weights) % 11 % 10;
  if (control != (guint) (s[n_weights] - '0'))
    {
      g_set_error (error, REI_IDENTIFIER_ERROR, REI_IDENTIFIER_ERROR_CHECKSUM,
                   _("REGON checksum does not match"));
      return FALSE;
    }

  return TRUE;
}

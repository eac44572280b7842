/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: PESEL, NIP and REGON validators and the identifier normaliser on arbitrary
 * text.  A PESEL accepted must give a real date and a sex; the validators must agree with the
 * normalised digits. */
#include "config.h"

#include <string.h>

#include "rei-identifiers.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *digits = rei_identifier_normalize (text);
  g_autoptr(GError) error = NULL;
  GDate birth;
  char sex = 0;

  g_date_clear (&birth, 1);
  if (rei_pesel_parse (text, &birth, &sex, &error))
    {
      g_assert (g_date_valid (&birth));
      g_assert (sex == 'K' || sex == 'M');
      g_assert (rei_pesel_is_valid (text));
    }
  else
    {
      g_assert (error != NULL);
      g_assert (!rei_pesel_is_valid (text));
    }
  g_clear_error (&error);

  if (rei_nip_validate (text, &error))
    g_assert (digits != NULL && strlen (digits) == 10);
  else
    g_assert (error != NULL);
  g_clear_error (&error);

  if (rei_regon_validate (text, &error))
    g_assert (digits != NULL && (strlen (digits) == 9 || strlen (digits) == 14));
  else
    g_assert (error != NULL);

  if (digits != NULL)
    for (const char *p = digits; *p; p++)
      g_assert (g_ascii_isdigit (*p));
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the money parser on arbitrary text.  What it accepts is a non-negative
 * amount in grosze that survives the round trip through the Polish display form. */
#include "config.h"

#include "rei-money.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *shown = NULL;
  gint64 grosze = -1;
  gint64 again = -1;
  g_autoptr(GError) error = NULL;

  if (!rei_money_parse (text, &grosze, &error))
    {
      g_assert_error (error, REI_MONEY_ERROR, REI_MONEY_ERROR_INVALID);
      g_assert_cmpint (grosze, ==, -1);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpint (grosze, >=, 0);
  shown = rei_money_format (grosze);
  g_assert (rei_money_parse (shown, &again, NULL));
  g_assert_cmpint (again, ==, grosze);
  return 0;
}

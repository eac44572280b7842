/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the date parser on arbitrary text.  Whatever it accepts must be a real
 * date that survives the round trip through ISO and the Polish display form. */
#include "config.h"

#include "rei-date.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *iso = NULL;
  g_autofree char *display = NULL;
  g_autofree char *again = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (!rei_date_parse (text, &date))
    {
      g_autofree char *none = rei_date_normalize (text);

      g_assert_null (none);
      return 0;
    }
  g_assert (g_date_valid (&date));
  iso = rei_date_to_iso (&date);
  display = rei_date_format_display (iso);
  again = rei_date_normalize (display);
  g_assert_cmpstr (again, ==, iso);
  return 0;
}

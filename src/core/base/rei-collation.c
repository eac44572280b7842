/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "rei-collation.h"

/* ICU collators are not safe to use from several threads at once, and the store sorts in
 * worker threads while the window sorts on the main one; each thread gets its own clone. */
static GPrivate collator_key = G_PRIVATE_INIT ((GDestroyNotify) ucol_close);

static UCollator *
get_collator (void)
{
  UCollator *coll = g_private_get (&collator_key);

  if (coll == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      coll = ucol_open ("pl", &status);
      if (U_FAILURE (status))
        g_error ("ICU has no Polish collation: %s", u_errorName (status));
      g_private_set (&collator_key, coll);
    }
  return coll;
}

int
rei_collation_compare_n (const char *a,
                         int         a_len,
                         const char *b,
                         int         b_len)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r;

  r = ucol_strcollUTF8 (get_collator (), a ? a : "", a ? a_len : 0, b ? b : "", b ? b_len : 0,
                        &status);
  if (U_FAILURE (status))
    return g_strcmp0 (a, b);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

int
rei_collation_compare (const char *a,
                       const char *b)
{
  return rei_collation_compare_n (a, -1, b, -1);
}

char *
rei_collation_search_key (const char *text)
{
  g_autofree char *down = NULL;
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return g_strdup ("");

  down = g_utf8_casefold (text, -1);
  /* ł has no decomposition, so g_str_to_ascii would turn it into '?'; map it by hand first. */
  {
    g_autoptr(GString) s = g_string_new (down);
    g_string_replace (s, "ł", "l", 0);
    stripped = g_string_free (g_steal_pointer (&s), FALSE);
  }
  return g_str_to_ascii (stripped, "C");
}

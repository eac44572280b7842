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

/* The key of the Polish letters, lower and upper case, as the general path below makes it. */
static const struct { guchar utf8[2]; char key; } polish_letters[] = {
  { { 0xc4, 0x85 }, 'a' }, { { 0xc4, 0x84 }, 'a' }, { { 0xc4, 0x87 }, 'c' }, { { 0xc4, 0x86 }, 'c' },
  { { 0xc4, 0x99 }, 'e' }, { { 0xc4, 0x98 }, 'e' }, { { 0xc5, 0x82 }, 'l' }, { { 0xc5, 0x81 }, 'l' },
  { { 0xc5, 0x84 }, 'n' }, { { 0xc5, 0x83 }, 'n' }, { { 0xc3, 0xb3 }, 'o' }, { { 0xc3, 0x93 }, 'o' },
  { { 0xc5, 0x9b }, 's' }, { { 0xc5, 0x9a }, 's' }, { { 0xc5, 0xba }, 'z' }, { { 0xc5, 0xb9 }, 'z' },
  { { 0xc5, 0xbc }, 'z' }, { { 0xc5, 0xbb }, 'z' },
};

/* A name of ASCII and Polish letters (nearly every one) in one pass, without the case folding
 * and transliteration tables: an import makes a key for every person.  NULL for anything else. */
static char *
search_key_polish (const char *text)
{
  char *key = g_malloc (strlen (text) + 1);
  char *out = key;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      gboolean found = FALSE;

      if (*p < 0x80)
        {
          *out++ = g_ascii_tolower (*p);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (polish_letters) && !found; i++)
        if (p[0] == polish_letters[i].utf8[0] && p[1] == polish_letters[i].utf8[1])
          {
            *out++ = polish_letters[i].key;
            found = TRUE;
          }
      if (!found)
        {
          g_free (key);
          return NULL;
        }
      p++;
    }
  *out = '\0';
  return key;
}

char *
rei_collation_search_key (const char *text)
{
  g_autofree char *down = NULL;
  g_autofree char *stripped = NULL;
  char *key;

  if (text == NULL)
    return g_strdup ("");
  key = search_key_polish (text);
  if (key != NULL)
    return key;

  down = g_utf8_casefold (text, -1);
  /* ł has no decomposition, so g_str_to_ascii would turn it into '?'; map it by hand first. */
  {
    g_autoptr(GString) s = g_string_new (down);
    g_string_replace (s, "ł", "l", 0);
    stripped = g_string_free (g_steal_pointer (&s), FALSE);
  }
  return g_str_to_ascii (stripped, "C");
}

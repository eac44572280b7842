/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-collation.h"
#include "rei-date.h"

static void
test_parse (void)
{
  static const struct { const char *in; const char *iso; } cases[] = {
    { "31.12.2019", "2019-12-31" },
    { "2019-12-31", "2019-12-31" },
    { " 01.02.2020 ", "2020-02-01" },
    { "29.02.2020", "2020-02-29" },
    { "29.02.2019", NULL },
    { "31.04.2019", NULL },
    { "12/31/2019", NULL },
    { "1.2.2019", NULL },
    { "2019-13-01", NULL },
    { "", NULL },
    { " 2019-12-31", "2019-12-31" },
    { "2019-02-29", NULL },
    { "1799-12-31", NULL },
    { "2019-1-310", NULL },
    { "+019-12-31", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = rei_date_normalize (cases[i].in);
      g_assert_cmpstr (iso, ==, cases[i].iso);
      /* Normal: exactly what normalizing gives back. */
      g_assert_cmpint (rei_date_is_normal (cases[i].in), ==, g_strcmp0 (iso, cases[i].in) == 0);
    }
  g_assert_false (rei_date_is_normal (NULL));
}

static void
test_display (void)
{
  g_autofree char *shown = rei_date_format_display ("2019-05-07");
  g_autofree char *none = rei_date_format_display (NULL);

  g_assert_cmpstr (shown, ==, "07.05.2019");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpint (rei_date_year ("2019-05-07"), ==, 2019);
}

static void
test_collation (void)
{
  /* ą after a, ł after l, ś after s, ź and ż after z — under C.UTF-8 as under pl_PL. */
  g_assert_cmpint (rei_collation_compare ("Abel", "Ąbel"), <, 0);
  g_assert_cmpint (rei_collation_compare ("Ąbel", "Bąk"), <, 0);
  g_assert_cmpint (rei_collation_compare ("Lis", "Łoś"), <, 0);
  g_assert_cmpint (rei_collation_compare ("Łoś", "Malec"), <, 0);
  g_assert_cmpint (rei_collation_compare ("Szulc", "Śliwa"), <, 0);
  g_assert_cmpint (rei_collation_compare ("Zięba", "Źrebiec"), <, 0);
  g_assert_cmpint (rei_collation_compare ("Źrebiec", "Żak"), <, 0);
  g_assert_cmpint (rei_collation_compare ("żak", "Żak"), !=, 0);
}

static void
test_search_key (void)
{
  g_autofree char *key = rei_collation_search_key ("Łódź Żółkiewska");

  g_assert_cmpstr (key, ==, "lodz zolkiewska");
}

/* The key of every Polish letter, ASCII of every case, and what is neither (which takes ICU's
 * and GLib's general path): the same as that path makes of each. */
static void
test_search_key_letters (void)
{
  const struct { const char *text; const char *key; } cases[] = {
    { "ąćęłńóśźż", "acelnoszz" },
    { "ĄĆĘŁŃÓŚŹŻ", "acelnoszz" },
    { "Kowalska-Nowak O'Brien 12 3/4", "kowalska-nowak o'brien 12 3/4" },
    { "ABCXYZ abcxyz @[`{~", "abcxyz abcxyz @[`{~" },
    { "Müller Straße", "muller strasse" },
    { "Łukasz Müller", "lukasz muller" },
    { "Ñuñez Ǆ", "nunez ?" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = rei_collation_search_key (cases[i].text);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/display", test_display);
  g_test_add_func ("/collation/polish-order", test_collation);
  g_test_add_func ("/collation/search-key", test_search_key);
  g_test_add_func ("/collation/search-key-letters", test_search_key_letters);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib.h>

#include "rei-identifiers.h"

static void
assert_pesel (const char *pesel,
              guint       day,
              guint       month,
              guint       year,
              char        expected_sex)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  char sex = '?';

  g_date_clear (&date, 1);
  g_assert_true (rei_pesel_parse (pesel, &date, &sex, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
  g_assert_cmpint (sex, ==, expected_sex);
  g_assert_true (rei_pesel_is_valid (pesel));
}

static void
assert_pesel_error (const char *pesel,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  char sex = '?';

  g_date_clear (&date, 1);
  g_assert_false (rei_pesel_parse (pesel, &date, &sex, &error));
  g_assert_error (error, REI_IDENTIFIER_ERROR, code);
  /* A failed parse must not hand back half-filled results. */
  g_assert_false (g_date_valid (&date));
  g_assert_cmpint (sex, ==, '?');
  g_assert_false (rei_pesel_is_valid (pesel));
}

static void
test_pesel_valid (void)
{
  assert_pesel ("44051401359", 14, 5, 1944, 'M');
  assert_pesel ("02070803628", 8, 7, 1902, 'K');
  assert_pesel ("80123100117", 31, 12, 1980, 'M');
  /* Month 31 = November of the 2000s. */
  assert_pesel ("18310101225", 1, 11, 2018, 'K');
  /* Month 92 = December of the 1800s, month 82 = February. */
  assert_pesel ("00923100119", 31, 12, 1800, 'M');
  assert_pesel ("00822800277", 28, 2, 1800, 'M');
  assert_pesel ("99923100113", 31, 12, 1899, 'M');
}

static void
test_pesel_optional_outputs (void)
{
  g_assert_true (rei_pesel_parse ("44051401359", NULL, NULL, NULL));
  g_assert_false (rei_pesel_parse ("44051401358", NULL, NULL, NULL));
}

static void
test_pesel_whitespace (void)
{
  assert_pesel ("  44051401359\t", 14, 5, 1944, 'M');
  assert_pesel ("44051401359\n", 14, 5, 1944, 'M');
  /* Only surrounding whitespace is forgiven, not spaces inside the number. */
  assert_pesel_error ("440514 01359", REI_IDENTIFIER_ERROR_CHARACTERS);
}

static void
test_pesel_leap_years (void)
{
  /* 2004 and 2000 are leap years. */
  assert_pesel ("04222901237", 29, 2, 2004, 'M');
  assert_pesel ("00222901239", 29, 2, 2000, 'M');
  /* 1905 is not, and neither is 1900 (a century not divisible by 400)... */
  assert_pesel_error ("05022901238", REI_IDENTIFIER_ERROR_DATE);
  assert_pesel_error ("00022901233", REI_IDENTIFIER_ERROR_DATE);
  /* ...nor 2100 and 2200. */
  assert_pesel_error ("00422901235", REI_IDENTIFIER_ERROR_DATE);
  assert_pesel_error ("00622901231", REI_IDENTIFIER_ERROR_DATE);
}

static void
test_pesel_bad_date (void)
{
  /* 30 February 1903 and 1990, with correct checksums. */
  assert_pesel_error ("03023000451", REI_IDENTIFIER_ERROR_DATE);
  assert_pesel_error ("90023000451", REI_IDENTIFIER_ERROR_DATE);
  /* Month 13 is in no century's range. */
  assert_pesel_error ("00132901237", REI_IDENTIFIER_ERROR_DATE);
  /* Months 93 and 73 fall between the century ranges. */
  assert_pesel_error ("00930100113", REI_IDENTIFIER_ERROR_DATE);
  assert_pesel_error ("00730100117", REI_IDENTIFIER_ERROR_DATE);
  /* 31 February 1800. */
  assert_pesel_error ("00823100116", REI_IDENTIFIER_ERROR_DATE);
}

static void
test_pesel_checksum (void)
{
  assert_pesel_error ("44051401358", REI_IDENTIFIER_ERROR_CHECKSUM);
  assert_pesel_error ("44051401350", REI_IDENTIFIER_ERROR_CHECKSUM);
  /* Two swapped digits. */
  assert_pesel_error ("44051410359", REI_IDENTIFIER_ERROR_CHECKSUM);

}

static void
test_pesel_length (void)
{
  g_autoptr(GError) error = NULL;

  assert_pesel_error ("4405140135", REI_IDENTIFIER_ERROR_LENGTH);
  assert_pesel_error ("440514013590", REI_IDENTIFIER_ERROR_LENGTH);
  assert_pesel_error ("", REI_IDENTIFIER_ERROR_LENGTH);
  assert_pesel_error ("   ", REI_IDENTIFIER_ERROR_LENGTH);
  assert_pesel_error (NULL, REI_IDENTIFIER_ERROR_LENGTH);

  rei_pesel_parse ("4405140135", NULL, NULL, &error);
  /* The message is translated, but whatever the language it must say how many digits it got. */
  g_assert_nonnull (strstr (error->message, "10"));
}

static void
test_pesel_characters (void)
{
  assert_pesel_error ("4405140135O", REI_IDENTIFIER_ERROR_CHARACTERS);
  assert_pesel_error ("abcdefghijk", REI_IDENTIFIER_ERROR_CHARACTERS);
  assert_pesel_error ("440-514-013-59", REI_IDENTIFIER_ERROR_CHARACTERS);
  assert_pesel_error ("４4051401359", REI_IDENTIFIER_ERROR_CHARACTERS);
}

static void
assert_nip (const char *nip,
            int         code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = rei_nip_validate (nip, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, REI_IDENTIFIER_ERROR, code);
    }
}

static void
test_nip (void)
{
  assert_nip ("5261040828", -1);
  assert_nip ("526-104-08-28", -1);
  assert_nip ("526 104 08 28", -1);
  assert_nip ("123-456-32-18", -1);
  assert_nip ("1234563218", -1);

  assert_nip ("5261040829", REI_IDENTIFIER_ERROR_CHECKSUM);
  /* Weighted sum mod 11 is 10 here, which no NIP may have whatever its last digit. */
  assert_nip ("1234567890", REI_IDENTIFIER_ERROR_CHECKSUM);
  assert_nip ("1234567891", REI_IDENTIFIER_ERROR_CHECKSUM);

  assert_nip ("526104082", REI_IDENTIFIER_ERROR_LENGTH);
  assert_nip ("52610408281", REI_IDENTIFIER_ERROR_LENGTH);
  assert_nip ("", REI_IDENTIFIER_ERROR_LENGTH);
  assert_nip (" - ", REI_IDENTIFIER_ERROR_LENGTH);
  assert_nip (NULL, REI_IDENTIFIER_ERROR_LENGTH);

  assert_nip ("PL5261040828", REI_IDENTIFIER_ERROR_CHARACTERS);
  assert_nip ("526.104.08.28", REI_IDENTIFIER_ERROR_CHARACTERS);
}

static void
assert_regon (const char *regon,
              int         code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = rei_regon_validate (regon, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, REI_IDENTIFIER_ERROR, code);
    }
}

static void
test_regon (void)
{
  assert_regon ("123456785", -1);
  assert_regon ("192598184", -1);
  assert_regon ("12345678512347", -1);
  assert_regon ("123-456-785", -1);

  assert_regon ("123456786", REI_IDENTIFIER_ERROR_CHECKSUM);
  assert_regon ("12345678512348", REI_IDENTIFIER_ERROR_CHECKSUM);

  assert_regon ("12345678", REI_IDENTIFIER_ERROR_LENGTH);
  assert_regon ("1234567851", REI_IDENTIFIER_ERROR_LENGTH);
  assert_regon ("1234567851234", REI_IDENTIFIER_ERROR_LENGTH);
  assert_regon ("", REI_IDENTIFIER_ERROR_LENGTH);

  assert_regon ("12345678X", REI_IDENTIFIER_ERROR_CHARACTERS);
}

/* Both 9-digit and 14-digit REGONs write a remainder of 10 as 0. */
static void
test_regon_remainder_ten (void)
{
  static const guint w9[] = { 8, 9, 2, 3, 4, 5, 6, 7 };
  char regon[10] = { 0 };
  gboolean found = FALSE;

  /* Search for a prefix whose weighted sum leaves 10, rather than trusting a hand-made vector. */
  for (guint n = 10000000; n < 10001000 && !found; n++)
    {
      guint sum = 0;

      g_snprintf (regon, sizeof regon, "%08u", n);
      for (guint i = 0; i < 8; i++)
        sum += (guint) (regon[i] - '0') * w9[i];
      if (sum % 11 == 10)
        found = TRUE;
    }
  g_assert_true (found);

  regon[8] = '0';
  assert_regon (regon, -1);
  regon[8] = '1';
  assert_regon (regon, REI_IDENTIFIER_ERROR_CHECKSUM);
}

static void
test_normalize (void)
{
  g_autofree char *a = rei_identifier_normalize ("526-104-08-28");
  g_autofree char *b = rei_identifier_normalize (" 44051401359 ");
  g_autofree char *c = rei_identifier_normalize ("12\t34");
  g_autofree char *d = rei_identifier_normalize ("PL5261040828");
  g_autofree char *e = rei_identifier_normalize ("");
  g_autofree char *f = rei_identifier_normalize (" - ");
  g_autofree char *g = rei_identifier_normalize (NULL);

  g_assert_cmpstr (a, ==, "5261040828");
  g_assert_cmpstr (b, ==, "44051401359");
  g_assert_cmpstr (c, ==, "1234");
  g_assert_null (d);
  g_assert_null (e);
  g_assert_null (f);
  g_assert_null (g);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identifiers/pesel/valid", test_pesel_valid);
  g_test_add_func ("/identifiers/pesel/optional-outputs", test_pesel_optional_outputs);
  g_test_add_func ("/identifiers/pesel/whitespace", test_pesel_whitespace);
  g_test_add_func ("/identifiers/pesel/leap-years", test_pesel_leap_years);
  g_test_add_func ("/identifiers/pesel/bad-date", test_pesel_bad_date);
  g_test_add_func ("/identifiers/pesel/checksum", test_pesel_checksum);
  g_test_add_func ("/identifiers/pesel/length", test_pesel_length);
  g_test_add_func ("/identifiers/pesel/characters", test_pesel_characters);
  g_test_add_func ("/identifiers/nip", test_nip);
  g_test_add_func ("/identifiers/regon", test_regon);
  g_test_add_func ("/identifiers/regon/remainder-ten", test_regon_remainder_ten);
  g_test_add_func ("/identifiers/normalize", test_normalize);

  return g_test_run ();
}

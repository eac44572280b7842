/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-resident-rules.h"
#include "rei-store-residents.h"
#include "test-util.h"

static void
assert_refused (ReiResidentField field,
                const char      *value,
                const char      *message)
{
  g_autofree char *got = rei_resident_rules_check_field (field, value);

  g_assert_cmpstr (got, ==, message);
}

static void
test_fields (void)
{
  /* Empty is fine for every field but the names. */
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    if (i != REI_RESIDENT_FIRST_NAME && i != REI_RESIDENT_SURNAME)
      {
        g_autofree char *a = rei_resident_rules_check_field (i, NULL);
        g_autofree char *b = rei_resident_rules_check_field (i, "");

        g_assert_null (a);
        g_assert_null (b);
      }
  assert_refused (REI_RESIDENT_FIRST_NAME, NULL, "Enter the first name.");
  assert_refused (REI_RESIDENT_SURNAME, "", "Enter the surname.");
  assert_refused (REI_RESIDENT_SURNAME, "Żółkiewska", NULL);

  assert_refused (REI_RESIDENT_EMAIL, "anna.nowak@example.pl", NULL);
  assert_refused (REI_RESIDENT_EMAIL, "anna.nowak.example.pl", "This is not an e-mail address.");
  assert_refused (REI_RESIDENT_EMAIL, "anna@nowak@example.pl", "This is not an e-mail address.");
  assert_refused (REI_RESIDENT_EMAIL, "anna@example", "This is not an e-mail address.");
  assert_refused (REI_RESIDENT_EMAIL, "anna nowak@example.pl", "This is not an e-mail address.");

  assert_refused (REI_RESIDENT_PHONE, "+48 601 234 567", NULL);
  assert_refused (REI_RESIDENT_PHONE, "(81) 825-12-34", NULL);
  assert_refused (REI_RESIDENT_PHONE, "601 234", "A phone number has 9 to 15 digits.");
  assert_refused (REI_RESIDENT_PHONE, "601-234-567 w. 12",
                  "A phone number may contain only digits, spaces, +, - and brackets.");

  assert_refused (REI_RESIDENT_POSTCODE, "22-300", NULL);
  assert_refused (REI_RESIDENT_POSTCODE, "22300", "A postcode has the form 00-000.");
  assert_refused (REI_RESIDENT_POSTCODE, "22-3000", "A postcode has the form 00-000.");

  assert_refused (REI_RESIDENT_ADMISSION_DATE, "31.05.2019", NULL);
  assert_refused (REI_RESIDENT_ADMISSION_DATE, "2019-05-31", NULL);
  assert_refused (REI_RESIDENT_END_DATE, "31.02.2019", "Enter the date as dd.mm.yyyy, e.g. 31.05.2019.");
  assert_refused (REI_RESIDENT_NOTES, "31.02.2019", NULL);
}

static void
test_record (void)
{
  g_autofree char *message = NULL;

  g_assert_cmpint (rei_resident_rules_check_record ("2019-01-10", "2019-12-31", "ukonczenie", &message),
                   ==, REI_RESIDENT_N_FIELDS);
  g_assert_null (message);
  /* Same day is not before. */
  g_assert_cmpint (rei_resident_rules_check_record ("10.01.2019", "10.01.2019", NULL, &message),
                   ==, REI_RESIDENT_N_FIELDS);
  g_assert_cmpint (rei_resident_rules_check_record ("10.01.2019", "09.01.2019", NULL, &message),
                   ==, REI_RESIDENT_END_DATE);
  g_assert_cmpstr (message, ==, "The end date is before the admission date.");
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (rei_resident_rules_check_record ("2019-01-10", NULL, "rezygnacja", &message),
                   ==, REI_RESIDENT_END_DATE);
  g_assert_cmpstr (message, ==, "Enter the date the participation ended.");
}

/* The store refuses what the form refuses, with the same sentence, whatever path the record
 * comes by (the importer and the command line save through it). */
static void
test_store_refuses_the_same (void)
{
  static const struct { ReiResidentField field; const char *value; } bad[] = {
    { REI_RESIDENT_EMAIL, "nowak.example.pl" },
    { REI_RESIDENT_PHONE, "12 34" },
    { REI_RESIDENT_POSTCODE, "2-300" },
    { REI_RESIDENT_REFERRAL_DATE, "32.01.2019" },
  };
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(ReiResident) r = rei_test_resident_new ("Anna", "Nowak", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = rei_resident_rules_check_field (bad[i].field, bad[i].value);

      rei_resident_set (r, bad[i].field, bad[i].value);
      g_assert_nonnull (expected);
      g_assert_false (rei_store_save_resident (store, r, &error));
      g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }

  {
    g_autoptr(ReiResident) r = rei_test_resident_new ("Anna", "Nowak", NULL);
    g_autoptr(GError) error = NULL;

    rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2019-01-10");
    rei_resident_set (r, REI_RESIDENT_END_REASON, "rezygnacja");
    g_assert_false (rei_store_save_resident (store, r, &error));
    g_assert_cmpstr (error->message, ==, "Enter the date the participation ended.");
  }
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);
  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_retention (void)
{
  g_autoptr(ReiResident) r = rei_test_resident_new ("Anna", "Nowak", NULL);

  g_assert_false (rei_resident_rules_retention_passed (r, 10, "2030-01-01"));
  rei_resident_set (r, REI_RESIDENT_END_DATE, "2019-06-30");
  g_assert_false (rei_resident_rules_retention_passed (r, 10, "2029-06-30"));
  g_assert_true (rei_resident_rules_retention_passed (r, 10, "2029-07-01"));
  g_assert_false (rei_resident_rules_retention_passed (r, -1, "2099-07-01"));
  rei_resident_set_anonymised (r, TRUE);
  g_assert_false (rei_resident_rules_retention_passed (r, 10, "2099-07-01"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/resident-rules/fields", test_fields);
  g_test_add_func ("/resident-rules/record", test_record);
  g_test_add_func ("/resident-rules/store-refuses-the-same", test_store_refuses_the_same);
  g_test_add_func ("/resident-rules/retention", test_retention);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-lifecycle.h"
#include "rei-store-residents.h"
#include "rei-store.h"
#include "test-util.h"

static gboolean
contains (GPtrArray  *list,
          const char *s)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (g_ptr_array_index (list, i), s) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_audit_actions (ReiStore   *store,
                     const char *entity,
                     const char *action,
                     const char *detail)
{
  g_autoptr(GPtrArray) entries = rei_store_list_audit (store, entity, 0, NULL);
  guint n = 0;

  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      ReiAuditEntry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->action, action) == 0 && g_strcmp0 (e->detail, detail) == 0)
        n++;
    }
  return n;
}

/* A new value holds from its date on; what was in force before stays for earlier dates. */
static void
test_setting_dated (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  ReiLifecycleRules rules;

  g_assert_cmpint (rei_store_get_setting_int (store, "participation_months", "2024-01-01", 0), ==, 12);

  g_assert_true (rei_store_set_setting (store, "participation_months", "2024-03-01", "10",
                                        "ustawienie ośrodka", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_get_setting_int (store, "participation_months", "2024-02-29", 0), ==, 12);
  g_assert_cmpint (rei_store_get_setting_int (store, "participation_months", "2024-03-01", 0), ==, 10);

  /* The same day again replaces the value rather than failing on the key. */
  g_assert_true (rei_store_set_setting (store, "participation_months", "2024-03-01", "9", NULL,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_get_setting_int (store, "participation_months", "2030-01-01", 0), ==, 9);

  rei_lifecycle_rules_load (store, "2024-05-01", &rules);
  g_assert_cmpint (rules.participation_months, ==, 9);
  rei_lifecycle_rules_load (store, "2023-05-01", &rules);
  g_assert_cmpint (rules.participation_months, ==, 12);

  /* NULL is today, and the change is in the audit trail by key. */
  g_assert_true (rei_store_set_setting (store, "retention_years", NULL, "5", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_get_setting_int (store, "retention_years", NULL, 0), ==, 5);
  g_assert_cmpuint (count_audit_actions (store, "setting", "update", "participation_months"), ==, 2);
  g_assert_cmpuint (count_audit_actions (store, "setting", "update", "retention_years"), ==, 1);

  rei_test_tmpdir_free (dir);
}

static void
test_categories_edit (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ReiResident) r = NULL;
  g_autoptr(ReiResident) back = NULL;
  g_autofree char *code = NULL;
  g_autofree char *code2 = NULL;
  g_autofree char *label = NULL;
  const char *cats[] = { NULL, NULL };
  guint n_before;

  active = rei_store_list_categories (store, FALSE, &error);
  g_assert_no_error (error);
  n_before = active->len;
  g_clear_pointer (&active, g_ptr_array_unref);

  /* A new category gets a plain ASCII code from its label and goes to the end of the list. */
  code = rei_store_add_category (store, "  Osoba opuszczająca młodzieżowy ośrodek  ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "osoba_opuszczajaca_mlodziezowy_osrodek");
  label = rei_store_get_label (store, "category", code);
  g_assert_cmpstr (label, ==, "Osoba opuszczająca młodzieżowy ośrodek");
  active = rei_store_list_categories (store, FALSE, &error);
  g_assert_cmpuint (active->len, ==, n_before + 1);
  g_assert_cmpstr (g_ptr_array_index (active, active->len - 1), ==, code);
  g_clear_pointer (&active, g_ptr_array_unref);

  /* The same label twice makes a second, distinct code. */
  code2 = rei_store_add_category (store, "Osoba opuszczająca młodzieżowy ośrodek", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code2, ==, "osoba_opuszczajaca_mlodziezowy_osrodek_2");

  g_assert_null (rei_store_add_category (store, "   ", &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A resident can have the new category. */
  r = rei_test_resident_new ("Anna", "Nowak", NULL);
  cats[0] = code;
  rei_resident_set_categories (r, cats);
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);

  g_assert_true (rei_store_rename_category (store, code, "Wychowanek ośrodka", &error));
  g_assert_no_error (error);
  g_clear_pointer (&label, g_free);
  label = rei_store_get_label (store, "category", code);
  g_assert_cmpstr (label, ==, "Wychowanek ośrodka");
  g_assert_false (rei_store_rename_category (store, "no_such_code", "X", &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Retired: gone from the choices, kept on the person and still valid when they are saved. */
  g_assert_true (rei_store_set_category_active (store, code, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (rei_store_category_is_active (store, code));
  active = rei_store_list_categories (store, FALSE, &error);
  all = rei_store_list_categories (store, TRUE, &error);
  g_assert_false (contains (active, code));
  g_assert_true (contains (all, code));
  g_assert_cmpuint (all->len, ==, active->len + 1);
  back = rei_store_get_resident (store, rei_resident_get_id (r), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_resident_get_categories (back)[0], ==, code);
  rei_resident_set (back, REI_RESIDENT_PHONE, "600 100 200");
  g_assert_true (rei_store_save_resident (store, back, &error));
  g_assert_no_error (error);

  g_assert_true (rei_store_set_category_active (store, code, TRUE, &error));
  g_assert_true (rei_store_category_is_active (store, code));
  g_assert_cmpuint (count_audit_actions (store, "category", "insert", code), ==, 1);
  g_assert_cmpuint (count_audit_actions (store, "category", "update", code), ==, 1);
  g_assert_cmpuint (count_audit_actions (store, "category", "delete", code), ==, 1);

  rei_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/centre-settings/setting-dated", test_setting_dated);
  g_test_add_func ("/centre-settings/categories", test_categories_edit);

  return g_test_run ();
}

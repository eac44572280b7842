/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences window under Xvfb: dated settings, categories, and what the annual report
 * reads from it (REGON, founding body, staff, benefits), checked through the report itself. */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rei-export-report.h"
#include "rei-preferences-window.h"
#include "rei-store-reports.h"
#include "rei-store-settings.h"
#include "rei-store-residents.h"
#include "rei-window.h"
#include "test-util.h"
#include "window-test-util.h"

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_preferences (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *code = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiPreferencesWindow *preferences;
  g_autoptr(GPtrArray) active = NULL;

  store = rei_test_store_new (dir);
  preferences = rei_preferences_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 620);
  gtk_window_present (GTK_WINDOW (preferences));
  rei_window_test_wait_for_frame (GTK_WIDGET (preferences));
  rei_window_test_save_png (GTK_WIDGET (preferences), "window-preferences");

  /* A duration changed in the window is a dated setting from today on. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     rei_preferences_window_get_spin (preferences, "participation_months")), ==, 12);
  gtk_spin_button_set_value (rei_preferences_window_get_spin (preferences, "participation_months"), 10);
  rei_preferences_window_flush (preferences);
  g_assert_cmpint (rei_store_get_setting_int (store, "participation_months", NULL, 0), ==, 10);
  g_assert_cmpint (rei_store_get_setting_int (store, "participation_months", "2020-01-01", 0), ==, 12);

  code = rei_preferences_window_add_category (preferences, "Osoba w kryzysie");
  g_assert_nonnull (code);
  active = rei_store_list_categories (store, FALSE, &error);
  g_assert_cmpstr (g_ptr_array_index (active, active->len - 1), ==, code);

  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();
  rei_test_tmpdir_free (dir);
}

static void
apply_text (AdwEntryRow *row,
            const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* The annual report's preferences: part I, the staff and the amounts paid, entered in the
 * window and found by `export annual` (read back with openpyxl). */
static void
test_preferences_annual (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *value = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiPreferencesWindow *preferences;
  ReiPreferencesReportPage *page;
  AdwEntryRow *benefits;
  int status;
  const char *check =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1])['Sprawozdanie']\n"
    "got = {r[0]: r[2] for r in ws.iter_rows(min_row=2, values_only=True)}\n"
    "want = {'centre_regon': '950123456', 'centre_founding_body': 'Gmina Miasto Krasnystaw',\n"
    "        'centre_status_date': '15.03.2005', 'pracownicy': 3,\n"
    "        'swiadczenia_integracyjne': 310000.5, 'premie_integracyjne': 12345.67}\n"
    "bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}\n"
    "sys.exit(repr(bad) if bad else 0)\n";

  store = rei_test_store_new (dir);
  preferences = rei_preferences_window_new (NULL, store);
  page = rei_preferences_window_get_report_page (preferences);
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 820);
  gtk_window_present (GTK_WINDOW (preferences));
  rei_window_test_wait_for_frame (GTK_WIDGET (preferences));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (page));

  /* Part I. A date is kept as dd.mm.yyyy however it is typed; a wrong one is not written. */
  apply_text (rei_preferences_report_page_get_row (page, REI_SETTING_CENTRE_REGON), "950123456");
  apply_text (rei_preferences_report_page_get_row (page, REI_SETTING_CENTRE_FOUNDING_BODY),
              "Gmina Miasto Krasnystaw");
  apply_text (rei_preferences_report_page_get_row (page, REI_SETTING_CENTRE_STATUS_DATE),
              "31.02.2005");
  g_assert_null (rei_store_get_setting (store, REI_SETTING_CENTRE_STATUS_DATE, NULL));
  apply_text (rei_preferences_report_page_get_row (page, REI_SETTING_CENTRE_STATUS_DATE),
              "2005-03-15");
  value = rei_store_get_setting (store, REI_SETTING_CENTRE_STATUS_DATE, NULL);
  g_assert_cmpstr (value, ==, "15.03.2005");
  g_clear_pointer (&value, g_free);

  /* The staff: four added, one of them refused ('|' separates the list), one removed, one
   * renamed in its row. */
  g_assert_true (rei_preferences_report_page_add_staff (page, "Anna Kowalska – kierownik"));
  g_assert_true (rei_preferences_report_page_add_staff (page, "Jan Nowak – instruktor"));
  g_assert_false (rei_preferences_report_page_add_staff (page, "Ewa | Zielińska"));
  g_assert_true (rei_preferences_report_page_add_staff (page, "Ewa Zielińska – psycholog"));
  g_assert_true (rei_preferences_report_page_add_staff (page, "Piotr Wiśniewski – pracownik socjalny"));
  rei_preferences_report_page_remove_staff (page, 1);
  apply_text (rei_preferences_report_page_get_staff_row (page, 2),
              "Piotr Wiśniewski – pracownik socjalny (1/2 etatu)");
  value = rei_store_get_setting (store, REI_SETTING_CENTRE_STAFF, NULL);
  g_assert_cmpstr (value, ==, "Anna Kowalska – kierownik|Ewa Zielińska – psycholog|"
                              "Piotr Wiśniewski – pracownik socjalny (1/2 etatu)");
  g_clear_pointer (&value, g_free);
  g_assert_null (rei_preferences_report_page_get_staff_row (page, 3));

  /* Amounts of 2019, written as Polish writes them; a bad one is refused and not written. */
  gtk_spin_button_set_value (rei_preferences_report_page_get_year_spin (page), 2019);
  benefits = rei_preferences_report_page_get_row (page, REI_SETTING_BENEFITS_PAID);
  apply_text (benefits, "310 tys.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (benefits), "error"));
  g_assert_null (rei_store_get_setting (store, "swiadczenia_integracyjne_2019", NULL));
  apply_text (benefits, "310000.50");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (benefits), "error"));
  apply_text (rei_preferences_report_page_get_row (page, REI_SETTING_BONUSES_PAID), "12 345,67");
  value = rei_store_get_setting (store, "premie_integracyjne_2019", NULL);
  g_assert_cmpstr (value, ==, "12\u00a0345,67 zł");
  g_clear_pointer (&value, g_free);
  /* Another year shows its own (none), and 2019 its own again. */
  gtk_spin_button_set_value (rei_preferences_report_page_get_year_spin (page), 2020);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (benefits)), ==, "");
  gtk_spin_button_set_value (rei_preferences_report_page_get_year_spin (page), 2019);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (benefits)), ==, "310\u00a0000,50 zł");

  /* Shown once the rows have settled (their titles move as their text changes). */
  g_usleep (300 * G_USEC_PER_SEC / 1000);
  rei_window_test_wait_for_frame (GTK_WIDGET (preferences));
  rei_window_test_wait_for_frame (GTK_WIDGET (preferences));
  rei_window_test_save_png (GTK_WIDGET (preferences), "window-preferences-annual");
  gtk_window_destroy (GTK_WINDOW (preferences));
  drain ();

  /* What `export annual` writes for 2019. */
  xlsx = g_build_filename (dir, "roczne.xlsx", NULL);
  g_assert_true (rei_export_annual (store, 2019, xlsx, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "/usr/bin/python3", "-c", (char *) check, xlsx, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the annual report: %s%s", out, err);

  rei_test_tmpdir_free (dir);
}


int
main (int   argc,
      char *argv[])
{
  int status;

  status = rei_window_test_init (&argc, &argv);
  if (status != 0)
    return status;

  g_test_add_func ("/window-preferences/settings", test_preferences);
  g_test_add_func ("/window-preferences/annual", test_preferences_annual);

  return g_test_run ();
}

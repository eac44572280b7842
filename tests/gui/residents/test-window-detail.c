/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rei-demo.h"
#include "rei-export-cst.h"
#include "rei-resident-detail-private.h"
#include "rei-resident-list.h"
#include "rei-resident-rules.h"
#include "rei-store-reports.h"
#include "rei-store-residents.h"
#include "rei-window.h"
#include "test-util.h"
#include "window-test-util.h"

#define N_DEMO 120

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GListModel *
get_model (ReiWindow *window)
{
  ReiResidentView *view = rei_window_get_resident_view (window);

  return G_LIST_MODEL (gtk_column_view_get_model (rei_resident_view_get_column_view (view)));
}

/* Whose row is selected in the list, 0 for none. */
static gint64
selected_id (ReiWindow *window)
{
  ReiResidentRow *row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (get_model (window)));

  return row != NULL ? rei_resident_row_get_id (row) : 0;
}

/* Finds a person by name in the list and selects them, as a click on the row does. */
static void
select_by_search (ReiWindow  *window,
                  const char *search)
{
  GListModel *model = get_model (window);

  rei_window_test_set_search (window, search);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  drain ();
}

/* The newest message dialog on screen. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static const char *
entry (ReiResidentDetail *detail,
       ReiResidentField   field)
{
  return gtk_editable_get_text (GTK_EDITABLE (rei_resident_detail_get_entry_row (detail, field)));
}

static void
set_entry (ReiResidentDetail *detail,
           ReiResidentField   field,
           const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (rei_resident_detail_get_entry_row (detail, field)), text);
}

static guint
count_audit (ReiStore *store,
             gint64    id)
{
  g_autoptr(GPtrArray) entries = rei_store_list_audit (store, "resident", id, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

/* A person whose participation began in 2019 and never ended: long past the planned end. */
static gint64
add_anna (ReiStore *store,
          char    **pesel_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pesel = rei_test_pesel (1985, 3, 14, 123, 'K');
  g_autoptr(ReiResident) r = rei_test_resident_new ("Anna", "Testowa-Żak", pesel);
  const char *cats[] = { "bezrobocie_dlugotrwale", NULL };

  rei_resident_set (r, REI_RESIDENT_SEX, "K");
  rei_resident_set (r, REI_RESIDENT_BIRTH_DATE, "1985-03-14");
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2019-01-07");
  rei_resident_set (r, REI_RESIDENT_TOWN, "Krasnystaw");
  rei_resident_set (r, REI_RESIDENT_REFERRAL, "pup");
  rei_resident_set (r, REI_RESIDENT_CONSENT_BASIS, "obowiazek_prawny");
  rei_resident_set_categories (r, cats);
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  *pesel_out = g_steal_pointer (&pesel);
  return rei_resident_get_id (r);
}

static void
test_detail_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *pesel = NULL;
  g_autofree char *bad_pesel = NULL;
  g_autoptr(ReiResident) stored = NULL;
  g_autoptr(ReiResident) restored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentDetail *detail;
  ReiWindow *window;
  ReiAuditEntry *last;
  AdwToast *toast;
  guint n_audit;
  gint64 id;
  gint64 new_id;

  store = rei_test_store_new (dir);
  rei_demo_fill (store, N_DEMO, 2019, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  id = add_anna (store, &pesel);

  window = rei_window_test_show (store, 1280, 800);
  detail = rei_window_get_resident_detail (window);
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, -1);

  /* Selecting the person fills the form, with the birth date and sex read from the PESEL. */
  select_by_search (window, "Testowa");
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, id);
  g_assert_cmpstr (entry (detail, REI_RESIDENT_FIRST_NAME), ==, "Anna");
  g_assert_cmpstr (entry (detail, REI_RESIDENT_SURNAME), ==, "Testowa-Żak");
  g_assert_cmpstr (entry (detail, REI_RESIDENT_PESEL), ==, pesel);
  g_assert_cmpstr (entry (detail, REI_RESIDENT_BIRTH_DATE), ==, "14.03.1985");
  g_assert_cmpstr (entry (detail, REI_RESIDENT_ADMISSION_DATE), ==, "07.01.2019");
  g_assert_cmpuint (adw_combo_row_get_selected (rei_resident_detail_get_code_row (detail, REI_RESIDENT_SEX)), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (rei_resident_detail_get_code_row (detail, REI_RESIDENT_SEX))));
  g_assert_false (rei_resident_detail_get_modified (detail));
  /* Admitted in 2019 and never ended: the pane warns that the planned end has passed. */
  g_assert_true (gtk_widget_get_visible (rei_resident_detail_get_lifecycle_warning (detail)));
  g_assert_true (gtk_widget_has_css_class (rei_resident_detail_get_lifecycle_warning (detail),
                                           "error"));

  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-detail");
  /* And the lifecycle part of the form, further down. */
  {
    GtkWidget *warning = rei_resident_detail_get_lifecycle_warning (detail);
    GtkWidget *scroller = gtk_widget_get_ancestor (warning, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment;
    graphene_point_t top;

    g_assert_nonnull (scroller);
    g_assert_true (gtk_widget_compute_point (warning, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    gtk_adjustment_set_value (adjustment, top.y - 120);
    rei_window_test_wait_for_frame (GTK_WIDGET (window));
    rei_window_test_save_png (GTK_WIDGET (window), "window-detail-lifecycle");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* A PESEL with a wrong control digit: the reason under the field, in Polish for a Polish
   * clerk, and no saving. */
  bad_pesel = g_strdup (pesel);
  bad_pesel[10] = bad_pesel[10] == '9' ? '0' : bad_pesel[10] + 1;
  n_audit = count_audit (store, id);
  set_entry (detail, REI_RESIDENT_PESEL, bad_pesel);
  g_assert_true (rei_resident_detail_get_modified (detail));
  g_assert_cmpstr (rei_resident_detail_get_field_error (detail, REI_RESIDENT_PESEL), ==,
                   _("PESEL checksum does not match"));
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "pl") == 0)
    g_assert_cmpstr (rei_resident_detail_get_field_error (detail, REI_RESIDENT_PESEL), ==,
                     "Cyfra kontrolna numeru PESEL się nie zgadza");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rei_resident_detail_get_entry_row (detail, REI_RESIDENT_PESEL)), "error"));
  g_assert_false (rei_resident_detail_get_can_save (detail));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (detail), REI_TYPE_RESIDENT_DETAIL, "save_button"))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-resident", NULL);
  drain ();
  stored = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_resident_get_pesel (stored), ==, pesel);
  g_assert_cmpuint (count_audit (store, id), ==, n_audit);
  /* What was typed stays. */
  g_assert_cmpstr (entry (detail, REI_RESIDENT_PESEL), ==, bad_pesel);
  g_clear_object (&stored);

  /* A bad date and a bad postcode are refused the same way. */
  set_entry (detail, REI_RESIDENT_END_DATE, "31.02.2020");
  g_assert_cmpstr (rei_resident_detail_get_field_error (detail, REI_RESIDENT_END_DATE), ==,
                   _("Enter the date as dd.mm.yyyy, e.g. 31.05.2019."));
  set_entry (detail, REI_RESIDENT_END_DATE, "");
  g_assert_null (rei_resident_detail_get_field_error (detail, REI_RESIDENT_END_DATE));
  set_entry (detail, REI_RESIDENT_POSTCODE, "22300");
  g_assert_nonnull (rei_resident_detail_get_field_error (detail, REI_RESIDENT_POSTCODE));
  set_entry (detail, REI_RESIDENT_POSTCODE, "22-300");
  g_assert_null (rei_resident_detail_get_field_error (detail, REI_RESIDENT_POSTCODE));

  /* An extension beyond the centre's longest is refused by the lifecycle rules. */
  gtk_spin_button_set_value (rei_resident_detail_get_extension_spin (detail), 13);
  g_assert_false (rei_resident_detail_get_can_save (detail));
  gtk_spin_button_set_value (rei_resident_detail_get_extension_spin (detail), 6);

  /* Corrected, it saves: one change in the store and one row in the audit trail. */
  set_entry (detail, REI_RESIDENT_PESEL, pesel);
  g_assert_null (rei_resident_detail_get_field_error (detail, REI_RESIDENT_PESEL));
  set_entry (detail, REI_RESIDENT_PHONE, "600 700 800");
  g_assert_true (rei_resident_detail_get_can_save (detail));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-resident", NULL);
  drain ();
  g_assert_false (rei_resident_detail_get_modified (detail));
  stored = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_resident_get (stored, REI_RESIDENT_PHONE), ==, "600 700 800");
  g_assert_cmpstr (rei_resident_get (stored, REI_RESIDENT_POSTCODE), ==, "22-300");
  g_assert_cmpint (rei_resident_get_extension_months (stored), ==, 6);
  g_assert_cmpstr (rei_resident_get (stored, REI_RESIDENT_BIRTH_DATE), ==, "1985-03-14");
  g_assert_cmpstr (rei_resident_get_categories (stored)[0], ==, "bezrobocie_dlugotrwale");
  g_assert_cmpuint (count_audit (store, id), ==, n_audit + 1);
  audit = rei_store_list_audit (store, "resident", id, NULL);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_cmpstr (last->detail, ==, "phone,postcode,extension-months");
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list after the save");
  g_assert_cmpint (selected_id (window), ==, id);

  /* Delete, then Undo: the same person under the same id. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-resident", NULL);
  drain ();
  g_assert_null (rei_store_get_resident (store, id, NULL));
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, -1);
  toast = rei_resident_detail_get_undo_toast (detail);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  drain ();
  restored = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_resident_get_surname (restored), ==, "Testowa-Żak");
  g_assert_cmpstr (rei_resident_get_pesel (restored), ==, pesel);
  g_assert_cmpstr (rei_resident_get (restored, REI_RESIDENT_PHONE), ==, "600 700 800");
  g_assert_cmpint (rei_resident_get_extension_months (restored), ==, 6);
  g_assert_cmpstr (rei_resident_get_categories (restored)[0], ==, "bezrobocie_dlugotrwale");
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, id);
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list after the undo");
  /* Their row is selected again. */
  g_assert_cmpint (selected_id (window), ==, id);

  /* A new resident: an empty form, saved, and found in the list.  The row selected before is
   * selected no more. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (get_model (window)), 0);
  drain ();
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-resident", NULL);
  drain ();
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (get_model (window))),
                    ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (entry (detail, REI_RESIDENT_FIRST_NAME), ==, "");
  g_assert_false (rei_resident_detail_get_can_save (detail));
  g_assert_nonnull (rei_resident_detail_get_field_error (detail, REI_RESIDENT_FIRST_NAME));
  set_entry (detail, REI_RESIDENT_FIRST_NAME, "Bożena");
  set_entry (detail, REI_RESIDENT_SURNAME, "Nowoprzyjęta");
  set_entry (detail, REI_RESIDENT_ADMISSION_DATE, "02.01.2024");
  rei_resident_detail_set_category (detail, "bezdomnosc", TRUE);
  g_assert_true (rei_resident_detail_get_can_save (detail));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-resident", NULL);
  drain ();
  new_id = rei_resident_detail_get_resident_id (detail);
  g_assert_cmpint (new_id, >, 0);
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list after the new resident");
  rei_window_test_set_search (window, "Nowoprzyjęta");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (window)), ==, 1);
  {
    g_autoptr(ReiResidentRow) row = g_list_model_get_item (get_model (window), 0);

    g_assert_cmpint (rei_resident_row_get_id (row), ==, new_id);
    g_assert_cmpstr (rei_resident_get_categories (rei_resident_row_get_resident (row))[0], ==,
                     "bezdomnosc");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  rei_test_tmpdir_free (dir);
}

static void
test_detail_unsaved (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *pesel = NULL;
  g_autoptr(ReiResident) stored = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentDetail *detail;
  ReiWindow *window;
  AdwMessageDialog *dialog;
  GListModel *model;
  gint64 id;

  store = rei_test_store_new (dir);
  rei_demo_fill (store, 20, 2019, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  id = add_anna (store, &pesel);

  window = rei_window_test_show (store, 1280, 800);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  detail = rei_window_get_resident_detail (window);
  select_by_search (window, "Testowa");
  set_entry (detail, REI_RESIDENT_NOTES, "Rozmowa z doradcą w piątek");

  /* Another person selected with unsaved edits: asked; Cancel keeps the edits and the person. */
  rei_window_test_set_search (window, "");
  model = get_model (window);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Save Changes?"));
  adw_message_dialog_response (dialog, "cancel");
  drain ();
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, id);
  g_assert_true (rei_resident_detail_get_modified (detail));
  g_assert_cmpstr (entry (detail, REI_RESIDENT_NOTES), ==, "Rozmowa z doradcą w piątek");

  /* Closing the window asks too; Save writes, then the window closes. */
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  g_assert_nonnull (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  drain ();
  g_assert_null (window);
  stored = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_resident_get (stored, REI_RESIDENT_NOTES), ==, "Rozmowa z doradcą w piątek");

  /* Discard: closes and writes nothing. */
  window = rei_window_test_show (store, 1280, 800);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  detail = rei_window_get_resident_detail (window);
  select_by_search (window, "Testowa");
  set_entry (detail, REI_RESIDENT_NOTES, "Nie do zapisania");
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  g_assert_nonnull (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  drain ();
  g_assert_null (window);
  g_clear_object (&stored);
  stored = rei_store_get_resident (store, id, &error);
  g_assert_cmpstr (rei_resident_get (stored, REI_RESIDENT_NOTES), ==, "Rozmowa z doradcą w piątek");

  rei_test_tmpdir_free (dir);
}

static void
test_detail_anonymise (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResident) r = rei_test_resident_new ("Zenon", "Dawnoskończony", NULL);
  g_autoptr(ReiResident) after = NULL;
  g_autofree char *pesel = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentDetail *detail;
  AdwMessageDialog *dialog;
  ReiWindow *window;
  gint64 anna;

  store = rei_test_store_new (dir);
  anna = add_anna (store, &pesel);
  /* Ended in 2010: with the default ten years of retention, eligible. */
  rei_resident_set (r, REI_RESIDENT_SEX, "M");
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2009-01-05");
  rei_resident_set (r, REI_RESIDENT_END_DATE, "2010-01-04");
  rei_resident_set (r, REI_RESIDENT_END_REASON, "ukonczenie");
  rei_resident_set (r, REI_RESIDENT_PHONE, "600 100 200");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);

  window = rei_window_test_show (store, 1280, 800);
  detail = rei_window_get_resident_detail (window);

  /* Not for a person still in the programme. */
  select_by_search (window, "Testowa");
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, anna);
  g_assert_false (gtk_widget_is_sensitive (rei_resident_detail_get_anonymise_row (detail)));

  select_by_search (window, "Zenon");
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, rei_resident_get_id (r));
  g_assert_true (gtk_widget_is_sensitive (rei_resident_detail_get_anonymise_row (detail)));
  /* The history lists the insert. */
  g_assert_true (gtk_widget_get_visible (rei_resident_detail_get_history_row (detail)));

  gtk_widget_activate_action (GTK_WIDGET (detail), "resident.anonymise", NULL);
  drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Anonymise This Person?"));
  adw_message_dialog_response (dialog, "anonymise");
  drain ();
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list after the anonymisation");

  after = rei_store_get_resident (store, rei_resident_get_id (r), &error);
  g_assert_no_error (error);
  g_assert_true (rei_resident_get_anonymised (after));
  g_assert_null (rei_resident_get (after, REI_RESIDENT_PHONE));
  g_assert_cmpstr (entry (detail, REI_RESIDENT_FIRST_NAME), ==, "Anonimizowany");

  /* The list shows the placeholder, and nobody is called Zenon any more. */
  rei_window_test_set_search (window, "Zenon");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (window)), ==, 0);
  rei_window_test_set_search (window, "Anonimizowany");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (window)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  rei_test_tmpdir_free (dir);
}

/* What the store says when it refuses to save the person as changed. */
static char *
dup_store_refusal (ReiStore         *store,
                   gint64            id,
                   ReiResidentField  field,
                   const char       *value,
                   const char       *end_reason)
{
  g_autoptr(ReiResident) r = rei_store_get_resident (store, id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (r);
  rei_resident_set (r, field, value);
  if (end_reason != NULL)
    rei_resident_set (r, REI_RESIDENT_END_REASON, end_reason);
  g_assert_false (rei_store_save_resident (store, r, &error));
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

/* The form refuses what the core's rules refuse, in their words, and so does the store through
 * which the import and the command line write: one sentence for one mistake everywhere. */
static void
test_detail_rules (void)
{
  static const struct
  {
    ReiResidentField  field;
    const char       *bad;
  } cases[] = {
    { REI_RESIDENT_EMAIL, "anna.testowa@" },
    { REI_RESIDENT_PHONE, "600 70" },
    { REI_RESIDENT_PHONE, "600-700-800 wew. 12" },
    { REI_RESIDENT_POSTCODE, "22300" },
    { REI_RESIDENT_CONSENT_DATE, "31.02.2020" },
  };
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *pesel = NULL;
  g_autofree char *message = NULL;
  g_autofree char *refusal = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentDetail *detail;
  ReiWindow *window;
  AdwComboRow *end_reason;
  gint64 id;

  store = rei_test_store_new (dir);
  id = add_anna (store, &pesel);
  window = rei_window_test_show (store, 1280, 800);
  detail = rei_window_get_resident_detail (window);
  select_by_search (window, "Testowa");
  g_assert_cmpint (rei_resident_detail_get_resident_id (detail), ==, id);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = rei_resident_rules_check_field (cases[i].field, cases[i].bad);
      g_autofree char *stored = NULL;

      g_assert_nonnull (expected);
      set_entry (detail, cases[i].field, cases[i].bad);
      g_assert_cmpstr (rei_resident_detail_get_field_error (detail, cases[i].field), ==, expected);
      g_assert_false (rei_resident_detail_get_can_save (detail));
      stored = dup_store_refusal (store, id, cases[i].field, cases[i].bad, NULL);
      g_assert_cmpstr (stored, ==, expected);
      set_entry (detail, cases[i].field, "");
      g_assert_null (rei_resident_detail_get_field_error (detail, cases[i].field));
    }

  /* A reason for the end without its date: said at the end date, which is in another section
   * than the reason. */
  end_reason = rei_resident_detail_get_code_row (detail, REI_RESIDENT_END_REASON);
  rei_code_combo_row_set_code (REI_CODE_COMBO_ROW (end_reason), "ukonczenie");
  g_assert_cmpuint (rei_resident_rules_check_record ("07.01.2019", NULL, "ukonczenie", &message),
                    ==, REI_RESIDENT_END_DATE);
  g_assert_cmpstr (rei_resident_detail_get_field_error (detail, REI_RESIDENT_END_DATE), ==, message);
  g_assert_false (rei_resident_detail_get_can_save (detail));
  refusal = dup_store_refusal (store, id, REI_RESIDENT_END_DATE, NULL, "ukonczenie");
  g_assert_cmpstr (refusal, ==, message);

  /* An end before the admission (7 January 2019). */
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&refusal, g_free);
  set_entry (detail, REI_RESIDENT_END_DATE, "06.01.2019");
  g_assert_cmpuint (rei_resident_rules_check_record ("07.01.2019", "06.01.2019", "ukonczenie", &message),
                    ==, REI_RESIDENT_END_DATE);
  g_assert_cmpstr (rei_resident_detail_get_field_error (detail, REI_RESIDENT_END_DATE), ==, message);
  refusal = dup_store_refusal (store, id, REI_RESIDENT_END_DATE, "2019-01-06", "ukonczenie");
  g_assert_cmpstr (refusal, ==, message);

  /* Corrected, the form may be saved. */
  set_entry (detail, REI_RESIDENT_END_DATE, "28.06.2019");
  g_assert_null (rei_resident_detail_get_field_error (detail, REI_RESIDENT_END_DATE));
  g_assert_true (rei_resident_detail_get_can_save (detail));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  rei_test_tmpdir_free (dir);
}

/* The combo row of codes: labels shown, codes given back, nothing recorded lost. */
static void
test_code_combo_row (void)
{
  const char *sexes[] = { "K", "Kobieta", "M", "Mężczyzna", NULL };
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GtkWidget) widget = g_object_ref_sink (rei_code_combo_row_new ());
  ReiCodeComboRow *row = REI_CODE_COMBO_ROW (widget);
  GListModel *model;
  char *dir = rei_test_tmpdir_new ();

  rei_code_combo_row_set_choices (row, sexes);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==,
                   C_("value", "Not recorded"));
  g_assert_null (rei_code_combo_row_get_code (row));

  rei_code_combo_row_set_code (row, "M");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
  g_assert_cmpstr (rei_code_combo_row_get_code (row), ==, "M");

  /* A code the choices lack (from an old spreadsheet) is shown as it is and kept. */
  rei_code_combo_row_set_code (row, "X");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 3), ==, "X");
  g_assert_cmpstr (rei_code_combo_row_get_code (row), ==, "X");

  /* Without "Not recorded" the same code stays selected. */
  rei_code_combo_row_set_show_not_recorded (row, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (rei_code_combo_row_get_code (row), ==, "X");
  rei_code_combo_row_set_code (row, "K");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  /* A lookup table of the store: its codes, with its labels. */
  store = rei_test_store_new (dir);
  rei_code_combo_row_set_show_not_recorded (row, TRUE);
  rei_code_combo_row_set_table (row, store, "end_reason");
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  rei_code_combo_row_set_code (row, "ukonczenie");
  g_assert_cmpstr (rei_code_combo_row_get_code (row), ==, "ukonczenie");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (row))),
                   ==, "Ukończenie programu");

  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* Chooses a code in a combo row as a click on its item does. */
static void
choose_code (ReiResidentDetail *detail,
             ReiResidentField   field,
             const char        *code)
{
  AdwComboRow *row = rei_resident_detail_get_code_row (detail, field);
  GListModel *model = adw_combo_row_get_model (row);

  g_assert_nonnull (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      adw_combo_row_set_selected (row, i);
      if (g_strcmp0 (rei_code_combo_row_get_code (REI_CODE_COMBO_ROW (row)), code) == 0)
        return;
    }
  g_error ("no choice %s", code);
}

/* CST2021's lookups on the person: chosen in the pane, saved, shown again, and in the
 * participants file by their labels. */
static void
test_detail_cst (void)
{
  const ReiResidentField fields[] = {
    REI_RESIDENT_EDUCATION, REI_RESIDENT_LABOUR_STATUS, REI_RESIDENT_CITIZENSHIP,
    REI_RESIDENT_DEGURBA,
  };
  const char *codes[] = { "isced5_8", "bezrobotny_niezarejestrowany", "ue", "3" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiProject) project = rei_project_new ();
  g_autoptr(ReiEnrolment) enrolment = rei_enrolment_new ();
  g_autoptr(ReiResident) stored = NULL;
  g_autofree char *pesel = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) cells = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentDetail *detail;
  ReiWindow *window;
  gint64 id;

  store = rei_test_store_new (dir);
  id = add_anna (store, &pesel);
  project->code = g_strdup ("P1");
  project->title = g_strdup ("Nowa szansa");
  project->start_date = g_strdup ("2019-01-01");
  project->end_date = g_strdup ("2020-12-31");
  g_assert_true (rei_store_save_project (store, project, NULL, &error));
  g_assert_no_error (error);
  enrolment->resident_id = id;
  enrolment->project_id = project->id;
  enrolment->joined_on = g_strdup ("2019-01-07");
  g_assert_true (rei_store_save_enrolment (store, enrolment, &error));
  g_assert_no_error (error);

  window = rei_window_test_show (store, 1280, 800);
  detail = rei_window_get_resident_detail (window);
  select_by_search (window, "Testowa");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      /* Nothing recorded yet; the choices are the rows of CST2021's table. */
      g_assert_null (rei_code_combo_row_get_code (
        REI_CODE_COMBO_ROW (rei_resident_detail_get_code_row (detail, fields[i]))));
      choose_code (detail, fields[i], codes[i]);
    }
  g_assert_true (rei_resident_detail_get_modified (detail));
  g_assert_true (rei_resident_detail_get_can_save (detail));
  {
    GtkWidget *row = GTK_WIDGET (rei_resident_detail_get_code_row (detail, REI_RESIDENT_DEGURBA));
    GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (row, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                              top.y - 300);
    rei_window_test_wait_for_frame (GTK_WIDGET (window));
    rei_window_test_save_png (GTK_WIDGET (window), "window-detail-cst");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-resident", NULL);
  drain ();
  g_assert_false (rei_resident_detail_get_modified (detail));
  stored = rei_store_get_resident (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (rei_resident_get (stored, fields[i]), ==, codes[i]);
  rei_window_test_destroy (window);
  drain ();

  /* Shown again in a new window. */
  window = rei_window_test_show (store, 1280, 800);
  detail = rei_window_get_resident_detail (window);
  select_by_search (window, "Testowa");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (rei_code_combo_row_get_code (
      REI_CODE_COMBO_ROW (rei_resident_detail_get_code_row (detail, fields[i]))), ==, codes[i]);
  g_assert_false (rei_resident_detail_get_modified (detail));
  rei_window_test_destroy (window);
  drain ();

  /* The participants file: education (column 7), citizenship (8), DEGURBA (15), the labour
   * market status (18) by their labels; the EU citizen is of foreign origin, not of a third
   * country (24, 25). */
  csv_path = g_build_filename (dir, "cst.csv", NULL);
  g_assert_true (rei_export_cst (store, "P1", REI_CSV_ENCODING_UTF8, csv_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  lines = g_strsplit (csv, "\n", -1);
  cells = g_strsplit (g_strchomp (lines[1]), ";", -1);
  g_assert_cmpuint (g_strv_length (cells), ==, 27);
  g_assert_cmpstr (cells[2], ==, pesel);
  g_assert_cmpstr (cells[6], ==, "Wyższe (ISCED 5-8)");
  g_assert_cmpstr (cells[7], ==, "Brak polskiego obywatelstwa – obywatel kraju UE");
  g_assert_cmpstr (cells[14], ==, "3 – Obszary wiejskie (obszary słabo zaludnione)");
  /* Anna is long-term unemployed too: a second value. */
  g_assert_cmpstr (cells[17], ==, "Osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy"
                                  "|Osoba długotrwale bezrobotna");
  g_assert_cmpstr (cells[23], ==, "Tak");
  g_assert_cmpstr (cells[24], ==, "Nie");

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

  g_test_add_func ("/window-detail/edit", test_detail_edit);
  g_test_add_func ("/window-detail/unsaved", test_detail_unsaved);
  g_test_add_func ("/window-detail/anonymise", test_detail_anonymise);
  g_test_add_func ("/window-detail/rules", test_detail_rules);
  g_test_add_func ("/window-detail/code-combo-row", test_code_combo_row);
  g_test_add_func ("/window-detail/cst", test_detail_cst);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rei-date.h"
#include "rei-demo.h"
#include "rei-store-network.h"
#include "rei-store-residents.h"
#include "test-util.h"
#include "window-test-util.h"

static gboolean
view_is_idle (gpointer data)
{
  return !rei_network_view_get_loading (data);
}

static void
wait_idle (ReiNetworkView *view,
           const char     *what)
{
  /* A refresh or a count may only be starting on the next iteration. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  rei_window_test_wait_until (view_is_idle, view, what);
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (c) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
        return c;
      if ((found = find_entry_row (c, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_button (c, label)) != NULL)
        return found;
    }
  return NULL;
}

/* The visible error label under a form's fields, or NULL. */
static const char *
visible_error (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *found;

      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "error") && gtk_widget_get_visible (c))
        return gtk_label_get_text (GTK_LABEL (c));
      if ((found = visible_error (c)) != NULL)
        return found;
    }
  return NULL;
}

static void
type_into (GtkWidget  *editor,
           const char *row,
           const char *text)
{
  GtkWidget *entry = find_entry_row (editor, row);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static const ReiMapNode *
node_of (ReiNetworkView *view,
         gint64          id)
{
  ReiNetworkMap *map = rei_network_map_widget_get_map (rei_network_view_get_map (view));
  int index = rei_network_map_find_partner (map, id);

  g_assert_cmpint (index, >=, 0);
  return rei_network_map_get_node (map, index);
}

static gboolean
dialog_checked (gpointer data)
{
  return rei_partner_import_dialog_get_checked (data);
}

static gboolean
job_done (gpointer data)
{
  return !rei_background_job_get_running (data);
}

static gboolean
weak_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gint64
save_new_partner (ReiNetworkView *view,
                  const char     *name,
                  const char     *nip)
{
  GtkWidget *editor = GTK_WIDGET (rei_network_view_get_partner_editor (view));

  gtk_widget_activate_action (GTK_WIDGET (view), "network.new-partner", NULL);
  type_into (editor, "Name", name);
  type_into (editor, "NIP", nip);
  g_assert_true (rei_partner_editor_save (REI_PARTNER_EDITOR (editor), NULL));
  wait_idle (view, "the network after the save");
  return rei_partner_editor_get_partner_id (REI_PARTNER_EDITOR (editor));
}

/* Types the name or PESEL, waits for the registry's matches (searched in a thread) and refers
 * the first; FALSE when the registry has nobody of that text or the referral is refused. */
static gboolean
refer (ReiNetworkView *view,
       const char     *who,
       const char     *date)
{
  GtkWidget *editor = GTK_WIDGET (rei_network_view_get_partner_editor (view));
  GtkWidget *button = find_button (editor, "_Refer");

  type_into (editor, "Resident’s Name or PESEL", who);
  type_into (editor, "Referred on (dd.mm.yyyy)", date);
  wait_idle (view, "the residents matching the text");
  if (!gtk_widget_get_sensitive (button))
    return FALSE;
  g_signal_emit_by_name (button, "clicked");
  wait_idle (view, "the counts after the referral");
  return TRUE;
}

/* A clerk's round: add a partner (a bad NIP is refused under the field), refer residents, see
 * the links thicken, change the period (the links re-weight, the nodes stay), hover and click a
 * node, import an address book (a bad one first), export the workbook and the map. */
static void
test_network_round (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autofree char *pesel_jan = rei_test_pesel (1980, 1, 1, 123, 'M');
  g_autoptr(ReiResident) anna = rei_test_resident_new ("Anna", "Żak", "85071512348");
  g_autoptr(ReiResident) jan = rei_test_resident_new ("Jan", "Łoś", pesel_jan);
  g_autofree char *today_iso = rei_date_today_iso ();
  g_autofree char *today = rei_date_format_display (today_iso);
  g_autofree char *bad_csv = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *good_csv = g_build_filename (dir, "good.csv", NULL);
  g_autofree char *svg = g_build_filename (dir, "mapa.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "mapa.png", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "siec.xlsx", NULL);
  g_autofree char *svg_text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  ReiPartnerImportDialog *dialog;
  ReiBackgroundJob *job;
  ReiWindow *window;
  ReiNetworkView *view;
  GtkWidget *editor;
  ReiMapNode before;
  gint64 library, club;
  const char *message;

  g_assert_true (rei_store_save_resident (store, anna, &error));
  g_assert_true (rei_store_save_resident (store, jan, &error));

  window = rei_window_test_show (store, 1400, 900);
  view = rei_window_get_network_view (window);
  g_assert_nonnull (view);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK)),
                                         "network");
  wait_idle (view, "the network to load");
  editor = GTK_WIDGET (rei_network_view_get_partner_editor (view));

  /* A NIP with a wrong check digit: the core's message under the field, and no save. */
  gtk_widget_activate_action (GTK_WIDGET (view), "network.new-partner", NULL);
  type_into (editor, "Name", "Miejska Biblioteka Publiczna");
  type_into (editor, "NIP", "526-104-08-27");
  message = visible_error (editor);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "NIP: "));
  g_assert_false (rei_partner_editor_save (REI_PARTNER_EDITOR (editor), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 0);

  /* Corrected, it saves; the map has its node without a link yet. */
  library = save_new_partner (view, "Miejska Biblioteka Publiczna", "526-104-08-28");
  g_assert_cmpint (library, >, 0);
  g_assert_null (visible_error (editor));
  g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 1);
  g_assert_cmpfloat (node_of (view, library)->link_width, ==, 0);
  club = save_new_partner (view, "Klub Sportowy Orzeł", "1234563218");

  /* Refer: an unknown PESEL matches nobody and cannot be referred, then two people to the club
   * (one found by PESEL, one by name), one to the library (long ago). */
  rei_network_view_open_partner (view, club);
  g_assert_false (refer (view, "44051401458", "01.03.2024"));
  g_assert_true (gtk_widget_has_css_class (find_entry_row (editor, "Resident’s Name or PESEL"), "error"));
  g_assert_false (rei_partner_editor_refer (REI_PARTNER_EDITOR (editor), &error));
  g_assert_error (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (node_of (view, club)->referrals, ==, 0);
  g_assert_true (refer (view, "85071512348", "01.03.2024"));
  g_assert_cmpuint (node_of (view, club)->referrals, ==, 1);
  g_assert_cmpfloat (node_of (view, club)->link_width, >, 0);
  g_assert_true (refer (view, "łoś jan", today));
  rei_network_view_open_partner (view, library);
  g_assert_true (refer (view, "85071512348", "15.01.2019"));
  g_assert_cmpuint (node_of (view, club)->referrals, ==, 2);
  g_assert_cmpuint (node_of (view, library)->referrals, ==, 1);
  /* Twice the referrals, a wider link. */
  g_assert_cmpfloat (node_of (view, club)->link_width, >, node_of (view, library)->link_width);
  g_assert_cmpfloat (node_of (view, library)->link_width, >, 0);

  /* The last 12 months: the library's old referral drops out, the club keeps one; nobody moves. */
  before = *node_of (view, library);
  rei_network_view_set_period (view, 1);
  g_assert_true (rei_network_view_get_loading (view));   /* counted in a thread */
  wait_idle (view, "the counts of the period");
  g_assert_cmpuint (node_of (view, library)->referrals, ==, 0);
  g_assert_cmpfloat (node_of (view, library)->link_width, ==, 0);
  g_assert_cmpuint (node_of (view, club)->referrals, ==, 1);
  g_assert_cmpfloat (node_of (view, library)->x, ==, before.x);
  g_assert_cmpfloat (node_of (view, library)->y, ==, before.y);
  rei_network_view_set_period (view, 0);
  wait_idle (view, "the counts of all time");

  /* Hover names the node, a click opens it in the editor. */
  rei_network_view_open_partner (view, library);
  {
    ReiNetworkMapWidget *map = rei_network_view_get_map (view);
    const ReiMapNode *node = node_of (view, club);

    rei_network_map_widget_pointer_at (map, node->x + 1, node->y);
    g_assert_cmpint (rei_network_map_widget_get_hovered (map), ==, club);
    rei_network_map_widget_pointer_at (map, 2, 2000);
    g_assert_cmpint (rei_network_map_widget_get_hovered (map), ==, 0);
    rei_network_map_widget_pointer_at (map, node->x, node->y);
    g_assert_cmpint (rei_network_map_widget_click_at (map, node->x, node->y - 1), ==, club);
    g_assert_cmpint (rei_partner_editor_get_partner_id (REI_PARTNER_EDITOR (editor)), ==, club);
    rei_window_test_wait_for_frame (GTK_WIDGET (map));
    rei_window_test_save_png (GTK_WIDGET (map), "network-map-hover");
  }

  /* A bad address book: every problem by line, nothing written. */
  g_assert_true (g_file_set_contents (bad_csv,
                                      "nazwa;typ;nip;obszary\n"
                                      "Dom Kultury;C;;kultura\n"
                                      "Spółdzielnia Socjalna Razem;X;;\n"
                                      "Firma Budowlana;C;1234567890;\n"
                                      "Poradnia;C;;nieznany_obszar\n", -1, NULL));
  file = g_file_new_for_path (bad_csv);
  dialog = rei_network_view_import_file (view, file);
  g_assert_nonnull (dialog);
  rei_window_test_wait_until (dialog_checked, dialog, "the check of the bad file");
  g_assert_cmpuint (rei_partner_import_dialog_get_problem_count (dialog), ==, 3);
  g_assert_true (g_str_has_prefix (rei_partner_import_dialog_get_problem (dialog, 0), "3: "));
  g_assert_true (g_str_has_prefix (rei_partner_import_dialog_get_problem (dialog, 1), "4: "));
  g_assert_true (g_str_has_prefix (rei_partner_import_dialog_get_problem (dialog, 2), "5: "));
  g_assert_false (gtk_widget_get_sensitive (rei_partner_import_dialog_get_import_button (dialog)));
  rei_window_test_wait_for_frame (GTK_WIDGET (dialog));
  rei_window_test_save_png (GTK_WIDGET (dialog), "network-import-problems");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 2);
  g_clear_object (&file);

  /* A good one: previewed (nothing written yet), then imported; the library is updated, not
   * duplicated. */
  g_assert_true (g_file_set_contents (good_csv,
                                      "Nazwa,Typ,Sektor,NIP,Obszary\n"
                                      "Dom Kultury Pod Lipami,C,publiczny,,kultura\n"
                                      "Miejska Biblioteka Publiczna,C,publiczny,5261040828,kultura|edukacja\n", -1, NULL));
  file = g_file_new_for_path (good_csv);
  dialog = rei_network_view_import_file (view, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  rei_window_test_wait_until (dialog_checked, dialog, "the check of the good file");
  g_assert_cmpuint (rei_partner_import_dialog_get_problem_count (dialog), ==, 0);
  g_assert_cmpuint (rei_partner_import_dialog_get_n_new (dialog), ==, 1);
  g_assert_cmpuint (rei_partner_import_dialog_get_n_updated (dialog), ==, 1);
  g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (rei_partner_import_dialog_get_import_button (dialog)));
  g_signal_emit_by_name (rei_partner_import_dialog_get_import_button (dialog), "clicked");
  rei_window_test_wait_until (weak_is_null, &dialog, "the import");
  wait_idle (view, "the network after the import");
  g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 3);
  partners = rei_store_list_partners (store, &error);
  g_assert_cmpuint (rei_network_map_get_n_nodes (rei_network_map_widget_get_map (rei_network_view_get_map (view))), ==, 3);
  g_assert_cmpuint (node_of (view, library)->type, ==, 'C');

  /* Exports, with the job's bar. */
  g_clear_object (&file);
  file = g_file_new_for_path (svg);
  job = rei_network_view_export_to (view, file, REI_NETWORK_EXPORT_MAP);
  g_assert_nonnull (job);
  g_object_ref (job);
  rei_window_test_wait_until (job_done, job, "the SVG");
  g_object_unref (job);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "Klub Sportowy Orzeł"));
  g_clear_object (&file);
  file = g_file_new_for_path (png);
  job = g_object_ref (rei_network_view_export_to (view, file, REI_NETWORK_EXPORT_MAP));
  rei_window_test_wait_until (job_done, job, "the PNG");
  g_object_unref (job);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&file);
  file = g_file_new_for_path (xlsx);
  job = g_object_ref (rei_network_view_export_to (view, file, REI_NETWORK_EXPORT_WORKBOOK));
  rei_window_test_wait_until (job_done, job, "the workbook");
  g_object_unref (job);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  /* Delete: gone with its referrals (the Undo is the toast's). */
  rei_network_view_open_partner (view, club);
  g_signal_emit_by_name (find_button (editor, "_Delete"), "clicked");
  wait_idle (view, "the network after the delete");
  g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 2);
  g_assert_cmpint (rei_network_map_find_partner (rei_network_map_widget_get_map (rei_network_view_get_map (view)), club), ==, -1);

  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

static GtkWidget *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_COMBO_ROW (c) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
        return c;
      if ((found = find_combo_row (c, title)) != NULL)
        return found;
    }
  return NULL;
}

/* A resident without a PESEL (a foreigner, a homeless man without papers) is found by name
 * among namesakes, told apart by birth date and registry number, and referred by id. */
static void
test_refer_without_pesel (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) maria = rei_test_resident_new ("Maria", "Nowak", NULL);
  g_autoptr(ReiResident) other = rei_test_resident_new ("Maria", "Nowakowska", "85071512348");
  g_autoptr(ReiPartner) partner = rei_partner_new ();
  g_autoptr(GPtrArray) referrals = NULL;
  g_autofree char *expected = NULL;
  ReiWindow *window;
  ReiNetworkView *view;
  GtkWidget *editor, *matches;
  GListModel *labels;
  guint chosen = GTK_INVALID_LIST_POSITION;

  rei_resident_set (maria, REI_RESIDENT_BIRTH_DATE, "1990-05-05");
  g_assert_true (rei_store_save_resident (store, maria, &error));
  g_assert_no_error (error);
  g_assert_true (rei_store_save_resident (store, other, &error));
  rei_partner_set_text (partner, REI_PARTNER_NAME, "Centrum Kultury");
  rei_partner_set_text (partner, REI_PARTNER_TYPE, "C");
  g_assert_true (rei_store_save_partner (store, partner, &error));

  window = rei_window_test_show (store, 1400, 900);
  view = rei_window_get_network_view (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK)),
                                         "network");
  wait_idle (view, "the network to load");
  editor = GTK_WIDGET (rei_network_view_get_partner_editor (view));
  rei_network_view_open_partner (view, rei_partner_get_id (partner));
  wait_idle (view, "the partner's referrals");
  g_assert_false (gtk_widget_get_sensitive (find_button (editor, "_Refer")));

  /* Both namesakes are offered; the one without a PESEL by birth date and number. */
  type_into (editor, "Resident’s Name or PESEL", "nowak maria");
  wait_idle (view, "the residents matching the name");
  matches = find_combo_row (editor, "Resident");
  g_assert_nonnull (matches);
  labels = adw_combo_row_get_model (ADW_COMBO_ROW (matches));
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 2);
  expected = g_strdup_printf ("Nowak Maria · born 05.05.1990 · no PESEL, no. %" G_GINT64_FORMAT,
                              rei_resident_get_id (maria));
  for (guint i = 0; i < 2; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), expected) == 0)
      chosen = i;
  g_assert_cmpuint (chosen, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (matches), chosen);
  g_assert_true (gtk_widget_get_sensitive (find_button (editor, "_Refer")));
  rei_window_test_wait_for_frame (editor);
  rei_window_test_save_png (gtk_widget_get_ancestor (matches, ADW_TYPE_PREFERENCES_GROUP),
                            "network-refer-without-pesel");

  g_signal_emit_by_name (find_button (editor, "_Refer"), "clicked");
  wait_idle (view, "the counts after the referral");
  referrals = rei_store_list_referrals (store, rei_partner_get_id (partner), 0, &error);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_cmpint (rei_referral_get_resident_id (g_ptr_array_index (referrals, 0)), ==,
                   rei_resident_get_id (maria));
  g_assert_cmpuint (node_of (view, rei_partner_get_id (partner))->referrals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (matches))), ==, 0);

  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* A demo centre's network: the view and the map as a clerk sees them, to look at. */
static void
test_network_demo (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  ReiWindow *window;
  ReiNetworkView *view;
  ReiNetworkMap *map;

  g_assert_true (rei_demo_fill (store, 200, 7, NULL, NULL, NULL, &error));
  window = rei_window_test_show (store, 1400, 900);
  view = rei_window_get_network_view (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK)),
                                         "network");
  wait_idle (view, "the demo network");
  map = rei_network_map_widget_get_map (rei_network_view_get_map (view));
  g_assert_cmpuint (rei_network_map_get_n_nodes (map), >, 10);
  g_assert_cmpuint (rei_network_map_get_total_referrals (map), >, 0);
  rei_network_view_open_partner (view, rei_network_map_get_node (map, 0)->partner_id);
  rei_window_test_settle (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "network-view");
  rei_window_test_save_png (GTK_WIDGET (rei_network_view_get_map (view)), "network-map");

  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (rei_network_view_get_map (view)), GTK_TYPE_STACK)),
                                    "gaps");
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "network-gaps");
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (rei_network_view_get_map (view)), GTK_TYPE_STACK)),
                                    "services");
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "network-services");

  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* Whether a label reading text is on screen among the widget's descendants (a stack's hidden
 * pages are not mapped). */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        return TRUE;
      if (shows_label (c, text))
        return TRUE;
    }
  return FALSE;
}

static gint64
save_typed_partner (ReiStore   *store,
                    const char *name,
                    const char *type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiPartner) partner = rei_partner_new ();

  rei_partner_set_text (partner, REI_PARTNER_NAME, name);
  rei_partner_set_text (partner, REI_PARTNER_TYPE, type);
  rei_partner_set_text (partner, REI_PARTNER_SECTOR, "publiczny");
  g_assert_true (rei_store_save_partner (store, partner, &error));
  return rei_partner_get_id (partner);
}

/* The height the form's first group (name, type and its definition, level, sector, areas) asks
 * for at its width. */
static int
first_group_height (GtkWidget *editor)
{
  GtkWidget *list = rei_window_test_find_of_type (editor, GTK_TYPE_LIST_BOX);
  int natural;

  gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (list), NULL, &natural,
                      NULL, NULL);
  return natural;
}

/* Of the border nodes under node: how many have a rounded corner and a side drawn, and whether
 * any has sides of different colours (which GTK 4.8's cairo renderer draws one wedge at a time,
 * a hundred times slower than a border of one colour). */
static void
check_borders (GskRenderNode *node,
               guint         *n_rounded,
               gboolean      *mixed)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        check_borders (gsk_container_node_get_child (node, i), n_rounded, mixed);
      break;
    case GSK_TRANSFORM_NODE:
      check_borders (gsk_transform_node_get_child (node), n_rounded, mixed);
      break;
    case GSK_CLIP_NODE:
      check_borders (gsk_clip_node_get_child (node), n_rounded, mixed);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      check_borders (gsk_rounded_clip_node_get_child (node), n_rounded, mixed);
      break;
    case GSK_OPACITY_NODE:
      check_borders (gsk_opacity_node_get_child (node), n_rounded, mixed);
      break;
    case GSK_COLOR_MATRIX_NODE:
      check_borders (gsk_color_matrix_node_get_child (node), n_rounded, mixed);
      break;
    case GSK_SHADOW_NODE:
      check_borders (gsk_shadow_node_get_child (node), n_rounded, mixed);
      break;
    case GSK_DEBUG_NODE:
      check_borders (gsk_debug_node_get_child (node), n_rounded, mixed);
      break;
    case GSK_BORDER_NODE:
      {
        const GdkRGBA *colours = gsk_border_node_get_colors (node);
        const float *widths = gsk_border_node_get_widths (node);
        const GskRoundedRect *outline = gsk_border_node_get_outline (node);

        for (guint i = 1; i < 4; i++)
          *mixed |= !gdk_rgba_equal (&colours[0], &colours[i]);
        if (outline->corner[GSK_CORNER_TOP_LEFT].width > 0
            && widths[0] + widths[1] + widths[2] + widths[3] > 0)
          (*n_rounded)++;
      }
      break;
    default:
      break;
    }
}

/* What makes a click on the map cheap, kept: the type's definition is one of three labels made
 * once in a stack as tall as the longest, so a partner of another type changes no size; and the
 * partners' list, hidden behind the map, selects the partner only when it is shown; and the
 * form's rows draw their borders in one colour, so that repainting the first row of each of its
 * lists is not 0.5-0.8 ms of the cairo renderer's slow path each. */
static void
test_map_click (void)
{
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  gint64 centre = save_typed_partner (store, "Centrum Integracji Społecznej", "A");
  gint64 library = save_typed_partner (store, "Biblioteka", "C");
  ReiNetworkMapWidget *map;
  GtkSingleSelection *selection;
  g_autoptr(ReiPartner) selected = NULL;
  GtkWidget *editor;
  GtkStack *pages;
  ReiWindow *window;
  ReiNetworkView *view;
  int height;

  window = rei_window_test_show (store, 1400, 900);
  view = rei_window_get_network_view (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK)),
                                         "network");
  wait_idle (view, "the network to load");
  map = rei_network_view_get_map (view);
  editor = GTK_WIDGET (rei_network_view_get_partner_editor (view));
  pages = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (map), GTK_TYPE_STACK));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (rei_window_test_find_of_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "map");

  g_assert_cmpint (rei_network_map_widget_click_at (map, node_of (view, centre)->x, node_of (view, centre)->y), ==, centre);
  wait_idle (view, "the centre's details");
  rei_window_test_wait_for_frame (editor);
  g_assert_true (shows_label (editor, rei_partner_type_help ("A")));
  g_assert_false (shows_label (editor, rei_partner_type_help ("C")));
  height = first_group_height (editor);

  g_assert_cmpint (rei_network_map_widget_click_at (map, node_of (view, library)->x, node_of (view, library)->y), ==, library);
  wait_idle (view, "the library's details");
  rei_window_test_wait_for_frame (editor);
  g_assert_true (shows_label (editor, rei_partner_type_help ("C")));
  g_assert_false (shows_label (editor, rei_partner_type_help ("A")));
  g_assert_cmpint (first_group_height (editor), ==, height);

  {
    g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (editor);
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    guint n_rounded = 0;
    gboolean mixed = FALSE;

    gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (editor),
                            gtk_widget_get_height (editor));
    node = gtk_snapshot_to_node (snapshot);
    check_borders (node, &n_rounded, &mixed);
    /* The first rows of the lists on screen, rounded at the top with a line under them. */
    g_assert_cmpuint (n_rounded, >=, 2);
    g_assert_false (mixed);
  }

  /* The list behind the map has selected nobody; shown, it selects the partner in the form. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (pages, "partners");
  selected = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_cmpint (rei_partner_get_id (selected), ==, library);
  g_assert_cmpint (rei_partner_editor_get_partner_id (REI_PARTNER_EDITOR (editor)), ==, library);

  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

int
main (int    argc,
      char **argv)
{
  int skip = rei_window_test_init (&argc, &argv);

  if (skip != 0)
    return skip;
  g_test_add_func ("/window/network/round", test_network_round);
  g_test_add_func ("/window/network/demo", test_network_demo);
  g_test_add_func ("/window/network/refer-without-pesel", test_refer_without_pesel);
  g_test_add_func ("/window/network/map-click", test_map_click);
  return g_test_run ();
}

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

static void
refer (ReiNetworkView *view,
       const char     *pesel,
       const char     *date)
{
  GtkWidget *editor = GTK_WIDGET (rei_network_view_get_partner_editor (view));

  type_into (editor, "Resident’s PESEL", pesel);
  type_into (editor, "Referred on (dd.mm.yyyy)", date);
  g_signal_emit_by_name (find_button (editor, "_Refer"), "clicked");
  wait_idle (view, "the counts after the referral");
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

  /* Refer: an unknown PESEL is refused, then two people to the club, one to the library (long
   * ago). */
  rei_network_view_open_partner (view, club);
  refer (view, "44051401458", "01.03.2024");
  g_assert_true (gtk_widget_has_css_class (find_entry_row (editor, "Resident’s PESEL"), "error"));
  g_assert_cmpuint (node_of (view, club)->referrals, ==, 0);
  refer (view, "85071512348", "01.03.2024");
  g_assert_cmpuint (node_of (view, club)->referrals, ==, 1);
  g_assert_cmpfloat (node_of (view, club)->link_width, >, 0);
  refer (view, pesel_jan, today);
  rei_network_view_open_partner (view, library);
  refer (view, "85071512348", "15.01.2019");
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
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
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

int
main (int    argc,
      char **argv)
{
  int skip = rei_window_test_init (&argc, &argv);

  if (skip != 0)
    return skip;
  g_test_add_func ("/window/network/round", test_network_round);
  g_test_add_func ("/window/network/demo", test_network_demo);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rei-resident-list.h"
#include "window-test-util.h"

int
rei_window_test_init (int    *argc,
                      char ***argv)
{
  const char *localedir = g_getenv ("REINTEGRA_LOCALEDIR");
  g_autoptr(GtkCssProvider) provider = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without Xvfb (see tests/meson.build) the test needs the developer's own display. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display and no xvfb-run: skipping the window tests\n");
      return 77;
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* What AdwApplication loads by itself; the tests make windows without an application. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/reintegra/Reintegra/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return 0;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
rei_window_test_wait_until (ReiWaitCondition  condition,
                            gpointer          data,
                            const char       *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (REI_WINDOW_TEST_TIMEOUT_SECONDS, on_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (source);
}

gboolean
rei_window_test_is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

void
rei_window_test_wait_for_frame (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  rei_window_test_wait_until (rei_window_test_is_true, &painted, "a frame");
  g_signal_handler_disconnect (clock, handler);
}

gboolean
rei_window_test_list_is_loaded (gpointer data)
{
  ReiWindow *window = data;
  ReiResidentView *view = rei_window_get_resident_view (window);
  ReiResidentList *list = rei_resident_view_get_list (view);

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && !rei_resident_list_get_loading (list)
         && !rei_resident_view_get_growing (view);
}

ReiWindow *
rei_window_test_show (ReiStore *store,
                      int       width,
                      int       height)
{
  ReiWindow *window = rei_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list");
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

void
rei_window_test_destroy (ReiWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  ReiWindow  *window;
  const char *search;
} SearchWait;

/* The entry reports a change only after its typing delay, then the query runs in a thread. */
static gboolean
search_is_done (gpointer data)
{
  SearchWait *wait = data;
  ReiResidentView *view = rei_window_get_resident_view (wait->window);
  ReiResidentList *list = rei_resident_view_get_list (view);
  const ReiResidentQuery *query = rei_resident_list_get_query (list);
  const char *search = query->search != NULL ? query->search : "";

  return g_strcmp0 (search, wait->search) == 0 && !rei_resident_list_get_loading (list)
         && !rei_resident_view_get_growing (view);
}

void
rei_window_test_set_search (ReiWindow  *window,
                            const char *text)
{
  ReiResidentView *view = rei_window_get_resident_view (window);
  SearchWait wait = { window, text };

  gtk_editable_set_text (rei_resident_view_get_search_entry (view), text);
  rei_window_test_wait_until (search_is_done, &wait, "the search");
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
}

void
rei_window_test_save_png (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Each language's run has its own pictures, as the runs may go in parallel. */
  file_name = g_strdup_printf ("%s%s.png", name, g_getenv ("REI_TEST_PNG_SUFFIX") ?: "");
  path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

AdwMessageDialog *
rei_window_test_find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* The tab on show is the one the stack's pages select, and the one the header's switcher shows
 * pressed: a page made while the stack changes its page must not leave the old tab pressed. */
/* The tabs of the window's own switcher (the header's or the bottom bar's, whichever is on screen)
 * by their labels; a page's inner switcher is not looked at. */
static void
collect_tab_buttons (GtkWidget  *widget,
                     gboolean    in_switcher,
                     GHashTable *by_label)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  in_switcher = in_switcher || ADW_IS_VIEW_SWITCHER_TITLE (widget) || ADW_IS_VIEW_SWITCHER_BAR (widget);
  if (in_switcher && GTK_IS_TOGGLE_BUTTON (widget))
    {
      char *label = NULL;

      g_object_get (widget, "label", &label, NULL);
      g_hash_table_insert (by_label, label, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_tab_buttons (child, in_switcher, by_label);
}

static GHashTable *
tab_buttons (ReiWindow *window)
{
  GHashTable *buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_tab_buttons (GTK_WIDGET (window), FALSE, buttons);
  return buttons;
}

GtkWidget *
rei_window_test_find_tab (ReiWindow  *window,
                          const char *title)
{
  g_autoptr(GHashTable) buttons = tab_buttons (window);

  return g_hash_table_lookup (buttons, title);
}

void
rei_window_test_assert_tab_shown (ReiWindow  *window,
                                  const char *name)
{
  AdwViewStack *stack = rei_window_get_view_stack (window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  g_autoptr(GHashTable) buttons = NULL;
  const char *title = NULL;
  GHashTableIter iter;
  gpointer label, button;

  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, name);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      gboolean is_it = g_strcmp0 (adw_view_stack_page_get_name (page), name) == 0;

      g_assert_cmpint (gtk_selection_model_is_selected (pages, i), ==, is_it);
      if (is_it)
        title = adw_view_stack_page_get_title (page);
    }
  buttons = tab_buttons (window);
  g_assert_cmpuint (g_hash_table_size (buttons), ==, g_list_model_get_n_items (G_LIST_MODEL (pages)));
  g_hash_table_iter_init (&iter, buttons);
  while (g_hash_table_iter_next (&iter, &label, &button))
    g_assert_cmpint (gtk_toggle_button_get_active (button), ==, g_strcmp0 (label, title) == 0);
}

/* The colour drawn at a point of a tab's button in the header's switcher: a point of its
 * background, left of its icon, where a pressed tab is darker than the others. */
static guint32
tab_pixel (GtkWidget       *window,
           GtkWidget       *button,
           const guchar    *pixels,
           gsize            stride)
{
  graphene_rect_t bounds;
  int x, y;

  g_assert_true (gtk_widget_compute_bounds (button, window, &bounds));
  x = (int) (bounds.origin.x + 4);
  y = (int) (bounds.origin.y + bounds.size.height / 2);
  return *(const guint32 *) (pixels + (gsize) y * stride + (gsize) x * 4);
}

void
rei_window_test_assert_tab_drawn (ReiWindow  *window,
                                  const char *title)
{
  g_autoptr(GHashTable) buttons = NULL;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  GHashTableIter iter;
  gpointer label, button;
  guint32 pressed;

  /* Adwaita fades a button's background over 200 ms: a picture taken sooner shows the tab pressed
   * before as still pressed (which once looked like a wrong tab in window-reports.png). */
  rei_window_test_settle (GTK_WIDGET (window));
  buttons = tab_buttons (window);
  g_assert_cmpuint (g_hash_table_size (buttons), ==, 4);
  g_assert_nonnull (g_hash_table_lookup (buttons, title));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);

  pressed = tab_pixel (GTK_WIDGET (window), g_hash_table_lookup (buttons, title), pixels, (gsize) width * 4);
  g_hash_table_iter_init (&iter, buttons);
  while (g_hash_table_iter_next (&iter, &label, &button))
    if (g_strcmp0 (label, title) != 0)
      {
        g_assert_cmpuint (tab_pixel (GTK_WIDGET (window), button, pixels, (gsize) width * 4), !=, pressed);
      }
}

GtkWidget *
rei_window_test_find_with_class (GtkWidget  *widget,
                                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rei_window_test_find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
rei_window_test_settle (GtkWidget *widget)
{
  gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  rei_window_test_wait_for_frame (widget);
}

GtkWidget *
rei_window_test_find_of_type (GtkWidget *widget,
                              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rei_window_test_find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

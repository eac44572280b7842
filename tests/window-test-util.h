/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-window-private.h"

G_BEGIN_DECLS

/* What every window test does: the translations and style the application would load, waiting
 * for the main loop without hanging, a first frame, pictures of what the user sees. */

/* Long enough for a loaded two-core machine under Xvfb, short enough that a hang fails. */
#define REI_WINDOW_TEST_TIMEOUT_SECONDS 30

typedef gboolean (*ReiWaitCondition) (gpointer data);

/* Returns 77 (meson's "skipped") when there is no display, else 0. */
int        rei_window_test_init           (int              *argc,
                                           char           ***argv);
void       rei_window_test_wait_until     (ReiWaitCondition  condition,
                                           gpointer          data,
                                           const char       *what);
gboolean   rei_window_test_is_true        (gpointer          data);
void       rei_window_test_wait_for_frame (GtkWidget        *widget);
gboolean   rei_window_test_list_is_loaded (gpointer          window);
ReiWindow *rei_window_test_show           (ReiStore         *store,
                                           int               width,
                                           int               height);
void       rei_window_test_destroy        (ReiWindow        *window);
/* Types into the search entry and waits until the list shows the result. */
void       rei_window_test_set_search     (ReiWindow        *window,
                                           const char       *text);
void       rei_window_test_save_png       (GtkWidget        *widget,
                                           const char       *name);
/* The message dialog (an error, a question) shown over parent, or NULL. */
AdwMessageDialog *rei_window_test_find_message_dialog (GtkWindow *parent);

/* Asserts that the page called name is on show, selected in the stack's pages, and the only tab
 * pressed in the window's switcher. */
void        rei_window_test_assert_tab_shown (ReiWindow  *window,
                                              const char *name);
/* Asserts, from the pixels of the window drawn afresh, that the tab with this title is drawn
 * pressed and no other is drawn as it is. */
void        rei_window_test_assert_tab_drawn (ReiWindow  *window,
                                              const char *title);
/* The first widget under widget (itself included) with this CSS class, shown or not. */
GtkWidget  *rei_window_test_find_with_class (GtkWidget  *widget,
                                             const char *css_class);
/* Runs the main loop until the theme's transitions and libadwaita's animations started now have
 * ended (Adwaita's 200 ms fades, the entry rows' 150 ms title), then waits for a frame: for a
 * picture that shows what the user sees once the window is still. */
void        rei_window_test_settle          (GtkWidget  *widget);
/* The button of the tab with this title in the window's own switcher, NULL if none is on screen. */
GtkWidget  *rei_window_test_find_tab        (ReiWindow  *window,
                                             const char *title);
/* The first widget of the type under widget (itself included), depth first, shown or not. */
GtkWidget  *rei_window_test_find_of_type    (GtkWidget  *widget,
                                             GType       type);

G_END_DECLS

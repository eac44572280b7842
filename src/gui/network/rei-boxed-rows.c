/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-boxed-rows.h"

/* Applied to the row's own style only (a widget's provider does not reach its children), above
 * the theme: the sides of width 0 take the colour of the line under the row. */
static const char even_borders_css[] = "row { border-color: @card_shade_color; }";

static GtkStyleProvider *
even_borders_provider (void)
{
  static GtkCssProvider *provider;

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_data (provider, even_borders_css, -1);
    }
  return GTK_STYLE_PROVIDER (provider);
}

void
rei_boxed_rows_even_borders (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_has_css_class (root, "boxed-list"))
        gtk_style_context_add_provider (gtk_widget_get_style_context (child),
                                        even_borders_provider (),
                                        GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      rei_boxed_rows_even_borders (child);
    }
}

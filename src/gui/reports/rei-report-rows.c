/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-report-rows.h"

#include <glib/gi18n.h>

#include "rei-date.h"

static char *
percent (const ReiReportIndicator *ind)
{
  if (!ind->has_denominator)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %%", 100.0 * rei_report_indicator_value (ind));
}

GtkWidget *
rei_report_indicator_row_new (const ReiReportIndicator *ind)
{
  g_autofree char *value = percent (ind);
  g_autofree char *denominator = ind->has_denominator ? g_strdup_printf ("%u", ind->denominator)
                                                      : g_strdup (_("no target"));
  /* TRANSLATORS: code · numerator / denominator = value */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %u / %s = %s"), ind->def->code, ind->numerator,
                                               denominator, value);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ind->def->label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (rei_report_indicator_has_threshold (ind))
    {
      g_autofree char *text = NULL;
      gboolean met = rei_report_indicator_met (ind);

      text = g_strdup_printf (met ? _("Target %.0f %% met") : _("Target %.0f %% not met"), ind->def->threshold);
      badge = gtk_label_new (text);
      gtk_widget_add_css_class (badge, met ? "success" : "error");
    }
  else
    {
      badge = gtk_label_new (_("No threshold"));
      gtk_widget_add_css_class (badge, "dim-label");
    }
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (ind->def->code), g_free);
  return row;
}

GtkWidget *
rei_report_person_row_new (const ReiIndicatorPerson *p)
{
  g_autofree char *title = g_strdup_printf ("%s %s", p->surname, p->first_name);
  g_autofree char *from = rei_date_format_display (p->start_date);
  g_autofree char *to = rei_date_format_display (p->end_date);
  g_autoptr(GString) subtitle = g_string_new (p->pesel ? p->pesel : _("no PESEL"));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;

  if (p->project != NULL)
    g_string_append_printf (subtitle, " · %s", p->project);
  g_string_append_printf (subtitle, " · %s – %s", from, to);
  if (p->detail != NULL)
    g_string_append_printf (subtitle, " · %s", p->detail);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  badge = gtk_label_new (p->counted ? _("Counted") : _("Not counted"));
  gtk_widget_add_css_class (badge, p->counted ? "success" : "dim-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

/* The labels are AdwActionRow's own, below the row: the only way to a label that does not wrap
 * in libadwaita 1.2. */
static void
unwrap_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_wrap (GTK_LABEL (widget), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    unwrap_labels (c);
}

GtkWidget *
rei_report_list_row_new (const char *title,
                         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  rei_report_row_keep_to_a_line (row);
  return row;
}

void
rei_report_row_keep_to_a_line (GtkWidget *row)
{
  gtk_widget_set_tooltip_text (row, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  unwrap_labels (row);
}

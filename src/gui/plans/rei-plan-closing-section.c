/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-closing-section.h"

#include <glib/gi18n.h>

#include "rei-code-combo-row.h"
#include "rei-date.h"
#include "rei-store-plans.h"
#include "rei-store-residents.h"

struct _ReiPlanClosingSection
{
  ReiPlanSection       parent_instance;

  /* Template widgets. */
  AdwPreferencesGroup *achievements_group;
  GtkListBox          *goals_list;
  AdwPreferencesGroup *closed_group;
  GtkListBox          *closed_list;
  AdwPreferencesGroup *close_group;
  AdwEntryRow         *closed_on_row;
  AdwEntryRow         *achievements_row;
  ReiCodeComboRow     *outcome_row;
  AdwEntryRow         *further_support_row;
  GtkWidget           *close_button;
};

G_DEFINE_FINAL_TYPE (ReiPlanClosingSection, rei_plan_closing_section, REI_TYPE_PLAN_SECTION)

/* A goal against what came of it: the status at the end of the row. */
static GtkWidget *
goal_row (GtkWidget *row,
          gpointer   item,
          gpointer   user_data)
{
  ReiPlanGoal *g = item;
  gboolean achieved = g_strcmp0 (g->status, "osiagniety") == 0;
  GtkLabel *status = row != NULL ? g_object_get_data (G_OBJECT (row), "rei-plan-suffix") : NULL;

  if (status == NULL)
    {
      row = rei_plan_section_row_new (g->title, g->criterion);
      status = GTK_LABEL (gtk_label_new (NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (status));
      g_object_set_data (G_OBJECT (row), "rei-plan-suffix", status);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g->criterion != NULL ? g->criterion : "");
    }
  gtk_label_set_text (status, rei_plan_section_code_label (g->status));
  gtk_widget_remove_css_class (GTK_WIDGET (status), achieved ? "dim-label" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (status), achieved ? "success" : "dim-label");
  return row;
}

static void
show_goals (ReiPlanClosingSection *self,
            ReiPlan               *plan)
{
  GPtrArray *goals = rei_plan_get_goals (plan);
  g_autofree char *summary = NULL;
  guint achieved = 0;

  rei_row_feeder_set_rows (rei_plan_section_get_feeder (REI_PLAN_SECTION (self)), self->goals_list,
                           goals, goal_row, self, NULL);
  for (guint i = 0; i < goals->len; i++)
    if (g_strcmp0 (((ReiPlanGoal *) g_ptr_array_index (goals, i))->status, "osiagniety") == 0)
      achieved++;
  summary = g_strdup_printf (g_dngettext (NULL, "%u of %u goal achieved.",
                                          "%u of %u goals achieved.", goals->len),
                             achieved, goals->len);
  adw_preferences_group_set_description (self->achievements_group, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->goals_list), goals->len > 0);
}

static void
add_closed_row (ReiPlanClosingSection *self,
                const char            *title,
                const char            *value)
{
  gtk_list_box_append (self->closed_list,
                       rei_plan_section_row_new (title, value != NULL ? value : _("Not recorded")));
}

static void
rei_plan_closing_section_show (ReiPlanSection    *section,
                               const ReiPlanData *data)
{
  ReiPlanClosingSection *self = REI_PLAN_CLOSING_SECTION (section);
  const char *closed_on = rei_plan_get (data->plan, REI_PLAN_CLOSED_ON);
  const char *outcome = data->resident ? rei_resident_get (data->resident, REI_RESIDENT_OUTCOME) : NULL;

  show_goals (self, data->plan);
  rei_plan_section_clear_list (self->closed_list);
  if (closed_on != NULL)
    {
      g_autofree char *date = rei_date_format_display (closed_on);
      const char *label = NULL;

      for (guint i = 0; data->outcomes != NULL && data->outcomes[i] != NULL && data->outcomes[i + 1] != NULL; i += 2)
        if (g_strcmp0 (data->outcomes[i], outcome) == 0)
          label = data->outcomes[i + 1];

      add_closed_row (self, _("Closed on"), date);
      add_closed_row (self, _("Achievements against goals"),
                      rei_plan_get (data->plan, REI_PLAN_ACHIEVEMENTS));
      add_closed_row (self, _("Situation after leaving"), label != NULL ? label : outcome);
      add_closed_row (self, _("Options for further support"),
                      rei_plan_get (data->plan, REI_PLAN_FURTHER_SUPPORT));
    }
  else
    {
      rei_code_combo_row_set_choices (self->outcome_row, (const char * const *) data->outcomes);
      rei_code_combo_row_set_code (self->outcome_row, outcome);
      if (gtk_editable_get_text (GTK_EDITABLE (self->closed_on_row))[0] == '\0')
        rei_plan_section_set_date (GTK_EDITABLE (self->closed_on_row), data->today);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->closed_group), closed_on != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->close_group), closed_on == NULL);
  gtk_widget_set_visible (self->close_button, closed_on == NULL);
}

static void
on_close_clicked_cb (ReiPlanClosingSection *self)
{
  ReiPlanSection *section = REI_PLAN_SECTION (self);
  g_autofree char *closed_on = NULL;
  g_autofree char *achievements = rei_plan_section_dup_text (GTK_EDITABLE (self->achievements_row));
  g_autofree char *further = rei_plan_section_dup_text (GTK_EDITABLE (self->further_support_row));
  g_autoptr(GError) error = NULL;

  if (rei_plan_section_get_plan_id (section) == 0)
    return;
  if (!rei_plan_section_dup_date (GTK_EDITABLE (self->closed_on_row), _("Closed on"), &closed_on, &error)
      || !rei_store_close_plan (rei_plan_section_get_store (section), rei_plan_section_get_plan_id (section),
                                closed_on, achievements, further,
                                rei_code_combo_row_get_code (self->outcome_row), &error))
    {
      rei_plan_section_failed (section, error);
      return;
    }
  rei_plan_section_saved (section);
}

static void
rei_plan_closing_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_PLAN_CLOSING_SECTION);
  G_OBJECT_CLASS (rei_plan_closing_section_parent_class)->dispose (object);
}

static void
rei_plan_closing_section_class_init (ReiPlanClosingSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rei_plan_closing_section_dispose;
  REI_PLAN_SECTION_CLASS (klass)->show = rei_plan_closing_section_show;

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/plans/rei-plan-closing-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, achievements_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, goals_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, closed_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, closed_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, close_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, closed_on_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, achievements_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, further_support_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanClosingSection, close_button);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);
}

static void
rei_plan_closing_section_init (ReiPlanClosingSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rei_plan_closing_section_new (void)
{
  return g_object_new (REI_TYPE_PLAN_CLOSING_SECTION, NULL);
}

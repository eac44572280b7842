/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-phase-section.h"

#include <glib/gi18n.h>

#include "rei-plan-rules.h"
#include "rei-store-plans.h"

struct _ReiPlanPhaseSection
{
  ReiPlanSection  parent_instance;

  /* Template widgets. */
  GtkListBox     *checks_list;
  AdwComboRow    *phase_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *application_row;
  AdwEntryRow    *approved_by_row;
  AdwEntryRow    *approved_on_row;
  AdwEntryRow    *work_row;
};

G_DEFINE_FINAL_TYPE (ReiPlanPhaseSection, rei_plan_phase_section, REI_TYPE_PLAN_SECTION)

static void
show_checks (ReiPlanPhaseSection *self,
             GPtrArray           *problems)
{
  rei_plan_section_clear_list (self->checks_list);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      ReiPlanProblem *p = g_ptr_array_index (problems, i);
      GtkWidget *row = rei_plan_section_row_new (p->message, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name (p->level == REI_PLAN_PROBLEM_REFUSAL
                                                      ? "dialog-error-symbolic"
                                                      : "dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, p->level == REI_PLAN_PROBLEM_REFUSAL ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      p->level == REI_PLAN_PROBLEM_REFUSAL ? _("Refused")
                                                                           : _("Warning"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->checks_list, row);
    }
  if (problems == NULL || problems->len == 0)
    gtk_list_box_append (self->checks_list,
                         rei_plan_section_row_new (_("The plan meets the legal rules."), NULL));
}

static void
rei_plan_phase_section_show (ReiPlanSection    *section,
                             const ReiPlanData *data)
{
  ReiPlanPhaseSection *self = REI_PLAN_PHASE_SECTION (section);
  ReiPlan *plan = data->plan;
  gboolean ipus = g_strcmp0 (rei_plan_get (plan, REI_PLAN_KIND), "IPUS") == 0;
  guint n_phases;
  const ReiPlanPhase *phases = rei_plan_phases (&n_phases);

  show_checks (self, data->problems);
  for (guint i = 0; i < n_phases; i++)
    if (g_strcmp0 (phases[i].code, rei_plan_get (plan, REI_PLAN_PHASE)) == 0)
      adw_combo_row_set_selected (self->phase_row, i);
  rei_plan_section_set_date (GTK_EDITABLE (self->start_row), rei_plan_get (plan, REI_PLAN_START_DATE));
  rei_plan_section_set_date (GTK_EDITABLE (self->end_row), rei_plan_get (plan, REI_PLAN_END_DATE));
  rei_plan_section_set_date (GTK_EDITABLE (self->application_row),
                             rei_plan_get (plan, REI_PLAN_APPLICATION_DATE));
  gtk_editable_set_text (GTK_EDITABLE (self->approved_by_row),
                         rei_plan_get (plan, REI_PLAN_APPROVED_BY) ?: "");
  rei_plan_section_set_date (GTK_EDITABLE (self->approved_on_row),
                             rei_plan_get (plan, REI_PLAN_APPROVED_ON));
  rei_plan_section_set_date (GTK_EDITABLE (self->work_row),
                             rei_plan_get (plan, REI_PLAN_WORK_STARTED_ON));
  /* The approval is the CUS act's, taking up work ends an IPZS: each shows for its kind. */
  gtk_widget_set_visible (GTK_WIDGET (self->application_row), ipus);
  gtk_widget_set_visible (GTK_WIDGET (self->approved_by_row), ipus);
  gtk_widget_set_visible (GTK_WIDGET (self->approved_on_row), ipus);
  gtk_widget_set_visible (GTK_WIDGET (self->work_row), !ipus);
  /* Dates of a signed plan are its content: they change only in an aneks. */
  gtk_editable_set_editable (GTK_EDITABLE (self->start_row), rei_plan_get_editing (plan));
  gtk_editable_set_editable (GTK_EDITABLE (self->end_row), rei_plan_get_editing (plan));
}

static void
on_save_clicked_cb (ReiPlanPhaseSection *self)
{
  ReiPlanSection *section = REI_PLAN_SECTION (self);
  const ReiPlanData *data = rei_plan_section_get_data (section);
  static const struct { gsize offset; ReiPlanField field; const char *what; } dates[] = {
    { G_STRUCT_OFFSET (ReiPlanPhaseSection, start_row), REI_PLAN_START_DATE, N_("Drawn up on") },
    { G_STRUCT_OFFSET (ReiPlanPhaseSection, end_row), REI_PLAN_END_DATE, N_("Planned end") },
    { G_STRUCT_OFFSET (ReiPlanPhaseSection, application_row), REI_PLAN_APPLICATION_DATE,
      N_("Date of the application") },
    { G_STRUCT_OFFSET (ReiPlanPhaseSection, approved_on_row), REI_PLAN_APPROVED_ON, N_("Approved on") },
    { G_STRUCT_OFFSET (ReiPlanPhaseSection, work_row), REI_PLAN_WORK_STARTED_ON,
      N_("Took up work on") },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *approved_by = NULL;
  guint n_phases, phase = adw_combo_row_get_selected (self->phase_row);
  const ReiPlanPhase *phases = rei_plan_phases (&n_phases);

  if (data == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      GtkEditable *row = G_STRUCT_MEMBER (GtkEditable *, self, dates[i].offset);
      g_autofree char *iso = NULL;

      if (!rei_plan_section_dup_date (row, _(dates[i].what), &iso, &error))
        {
          rei_plan_section_failed (section, error);
          return;
        }
      rei_plan_set (data->plan, dates[i].field, iso);
    }
  approved_by = rei_plan_section_dup_text (GTK_EDITABLE (self->approved_by_row));
  rei_plan_set (data->plan, REI_PLAN_APPROVED_BY, approved_by);
  if (phase < n_phases)
    rei_plan_set (data->plan, REI_PLAN_PHASE, phases[phase].code);
  if (!rei_store_save_plan (rei_plan_section_get_store (section), data->plan, &error))
    rei_plan_section_failed (section, error);
  else
    rei_plan_section_saved (section);
}

static void
rei_plan_phase_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_PLAN_PHASE_SECTION);
  G_OBJECT_CLASS (rei_plan_phase_section_parent_class)->dispose (object);
}

static void
rei_plan_phase_section_class_init (ReiPlanPhaseSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rei_plan_phase_section_dispose;
  REI_PLAN_SECTION_CLASS (klass)->show = rei_plan_phase_section_show;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/plans/rei-plan-phase-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPhaseSection, checks_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPhaseSection, phase_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPhaseSection, start_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPhaseSection, end_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPhaseSection, application_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPhaseSection, approved_by_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPhaseSection, approved_on_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPhaseSection, work_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
}

static void
rei_plan_phase_section_init (ReiPlanPhaseSection *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_phases;
  const ReiPlanPhase *phases = rei_plan_phases (&n_phases);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < n_phases; i++)
    gtk_string_list_append (labels, rei_plan_phase_label (phases[i].code));
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (labels));
}

GtkWidget *
rei_plan_phase_section_new (void)
{
  return g_object_new (REI_TYPE_PLAN_PHASE_SECTION, NULL);
}

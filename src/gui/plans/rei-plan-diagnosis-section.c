/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-diagnosis-section.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-store-plans.h"

/* The three consultations of the diagnosis, in the order of the CIS's practice. */
static const char * const roles[] = { "pracownik_socjalny", "psycholog", "doradca_zawodowy" };
#define COUNSELLOR 2

struct _ReiPlanDiagnosisSection
{
  ReiPlanSection  parent_instance;

  /* Template widgets. */
  GtkListBox     *opinions_list;
  AdwComboRow    *role_row;
  AdwEntryRow    *author_row;
  AdwEntryRow    *written_on_row;
  AdwEntryRow    *body_row;
  AdwEntryRow    *preferences_row;
  GtkTextView    *summary_view;
};

G_DEFINE_FINAL_TYPE (ReiPlanDiagnosisSection, rei_plan_diagnosis_section, REI_TYPE_PLAN_SECTION)

static void
rei_plan_diagnosis_section_show (ReiPlanSection    *section,
                                 const ReiPlanData *data)
{
  ReiPlanDiagnosisSection *self = REI_PLAN_DIAGNOSIS_SECTION (section);
  GPtrArray *opinions = rei_plan_get_opinions (data->plan);
  const char *summary = rei_plan_get (data->plan, REI_PLAN_DIAGNOSIS_SUMMARY);

  rei_plan_section_clear_list (self->opinions_list);
  for (guint i = 0; i < opinions->len; i++)
    {
      ReiPlanOpinion *o = g_ptr_array_index (opinions, i);
      g_autofree char *date = rei_date_format_display (o->written_on);
      g_autofree char *title = g_strdup_printf ("%s — %s, %s", rei_plan_section_code_label (o->role),
                                                o->author, date ? date : o->written_on);
      g_autofree char *subtitle = o->preferences != NULL
        ? g_strdup_printf (_("%s\nVocational preferences: %s"), o->body, o->preferences)
        : g_strdup (o->body);

      gtk_list_box_append (self->opinions_list, rei_plan_section_row_new (title, subtitle));
    }
  if (opinions->len == 0)
    gtk_list_box_append (self->opinions_list,
                         rei_plan_section_row_new (_("No opinion written yet."), NULL));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), summary ? summary : "", -1);
  /* The summary is the signed plan's content. */
  gtk_text_view_set_editable (self->summary_view, rei_plan_get_editing (data->plan));
  if (gtk_editable_get_text (GTK_EDITABLE (self->written_on_row))[0] == '\0')
    rei_plan_section_set_date (GTK_EDITABLE (self->written_on_row), data->today);
}

static void
on_role_changed_cb (ReiPlanDiagnosisSection *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->preferences_row),
                          adw_combo_row_get_selected (self->role_row) == COUNSELLOR);
}

static void
on_add_opinion_clicked_cb (ReiPlanDiagnosisSection *self)
{
  ReiPlanSection *section = REI_PLAN_SECTION (self);
  g_autoptr(ReiPlanOpinion) o = rei_plan_opinion_new ();
  g_autoptr(GError) error = NULL;
  guint role = adw_combo_row_get_selected (self->role_row);

  if (rei_plan_section_get_plan_id (section) == 0 || role >= G_N_ELEMENTS (roles))
    return;
  o->role = g_strdup (roles[role]);
  o->author = rei_plan_section_dup_text (GTK_EDITABLE (self->author_row));
  o->body = rei_plan_section_dup_text (GTK_EDITABLE (self->body_row));
  if (role == COUNSELLOR)
    o->preferences = rei_plan_section_dup_text (GTK_EDITABLE (self->preferences_row));
  if (!rei_plan_section_dup_date (GTK_EDITABLE (self->written_on_row), _("Written on"),
                                  &o->written_on, &error)
      || rei_store_add_opinion (rei_plan_section_get_store (section),
                                rei_plan_section_get_plan_id (section), o, &error) == 0)
    {
      rei_plan_section_failed (section, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->body_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->preferences_row), "");
  rei_plan_section_saved (section);
}

static void
on_save_summary_clicked_cb (ReiPlanDiagnosisSection *self)
{
  ReiPlanSection *section = REI_PLAN_SECTION (self);
  const ReiPlanData *data = rei_plan_section_get_data (section);
  g_autofree char *summary = rei_plan_section_dup_buffer (self->summary_view);
  g_autoptr(GError) error = NULL;

  if (data == NULL)
    return;
  rei_plan_set (data->plan, REI_PLAN_DIAGNOSIS_SUMMARY, summary);
  if (!rei_store_save_plan (rei_plan_section_get_store (section), data->plan, &error))
    rei_plan_section_failed (section, error);
  else
    rei_plan_section_saved (section);
}

static void
rei_plan_diagnosis_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_PLAN_DIAGNOSIS_SECTION);
  G_OBJECT_CLASS (rei_plan_diagnosis_section_parent_class)->dispose (object);
}

static void
rei_plan_diagnosis_section_class_init (ReiPlanDiagnosisSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rei_plan_diagnosis_section_dispose;
  REI_PLAN_SECTION_CLASS (klass)->show = rei_plan_diagnosis_section_show;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/plans/rei-plan-diagnosis-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPlanDiagnosisSection, opinions_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanDiagnosisSection, role_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanDiagnosisSection, author_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanDiagnosisSection, written_on_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanDiagnosisSection, body_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanDiagnosisSection, preferences_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanDiagnosisSection, summary_view);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_opinion_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_summary_clicked_cb);
}

static void
rei_plan_diagnosis_section_init (ReiPlanDiagnosisSection *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (labels, rei_plan_section_code_label (roles[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (labels));
  on_role_changed_cb (self);
}

GtkWidget *
rei_plan_diagnosis_section_new (void)
{
  return g_object_new (REI_TYPE_PLAN_DIAGNOSIS_SECTION, NULL);
}

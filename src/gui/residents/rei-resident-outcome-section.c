/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-outcome-section.h"

#include "rei-code-combo-row.h"

struct _ReiResidentOutcomeSection
{
  ReiResidentSection  parent_instance;

  AdwEntryRow        *end_date_row;
  ReiCodeComboRow    *end_reason_row;
  ReiCodeComboRow    *outcome_row;
  AdwEntryRow        *outcome_date_row;
};

G_DEFINE_FINAL_TYPE (ReiResidentOutcomeSection, rei_resident_outcome_section,
                     REI_TYPE_RESIDENT_SECTION)

/* For chaining up to the base. */
#define PARENT_CLASS REI_RESIDENT_SECTION_CLASS (rei_resident_outcome_section_parent_class)

/* The reasons and outcomes are rows of the store, not code: the law changes. */
static void
fill_lookups (ReiResidentOutcomeSection *self)
{
  ReiStore *store = rei_resident_section_get_store (REI_RESIDENT_SECTION (self));

  rei_code_combo_row_set_table (self->end_reason_row, store, REI_LOOKUP_END_REASON);
  rei_code_combo_row_set_table (self->outcome_row, store, REI_LOOKUP_OUTCOME);
}

static void
rei_resident_outcome_section_load (ReiResidentSection *section,
                                   ReiResident        *resident)
{
  fill_lookups (REI_RESIDENT_OUTCOME_SECTION (section));
  PARENT_CLASS->load (section, resident);
}

static void
rei_resident_outcome_section_reload_lookups (ReiResidentSection *section)
{
  ReiResidentOutcomeSection *self = REI_RESIDENT_OUTCOME_SECTION (section);
  g_autofree char *end_reason = g_strdup (rei_code_combo_row_get_code (self->end_reason_row));
  g_autofree char *outcome = g_strdup (rei_code_combo_row_get_code (self->outcome_row));

  fill_lookups (self);
  rei_code_combo_row_set_code (self->end_reason_row, end_reason);
  rei_code_combo_row_set_code (self->outcome_row, outcome);
}

static void
rei_resident_outcome_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_RESIDENT_OUTCOME_SECTION);

  G_OBJECT_CLASS (rei_resident_outcome_section_parent_class)->dispose (object);
}

static void
rei_resident_outcome_section_class_init (ReiResidentOutcomeSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReiResidentSectionClass *section_class = REI_RESIDENT_SECTION_CLASS (klass);

  object_class->dispose = rei_resident_outcome_section_dispose;
  section_class->load = rei_resident_outcome_section_load;
  section_class->reload_lookups = rei_resident_outcome_section_reload_lookups;

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class,
    "/io/github/reintegra/Reintegra/ui/residents/rei-resident-outcome-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiResidentOutcomeSection, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentOutcomeSection, end_reason_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentOutcomeSection, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentOutcomeSection, outcome_date_row);
}

static void
rei_resident_outcome_section_init (ReiResidentOutcomeSection *self)
{
  ReiResidentSection *section = REI_RESIDENT_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rei_resident_section_add_field (section, REI_RESIDENT_END_DATE, self->end_date_row);
  rei_resident_section_add_field (section, REI_RESIDENT_OUTCOME_DATE, self->outcome_date_row);
  rei_resident_section_add_code_field (section, REI_RESIDENT_END_REASON, self->end_reason_row);
  rei_resident_section_add_code_field (section, REI_RESIDENT_OUTCOME, self->outcome_row);
}

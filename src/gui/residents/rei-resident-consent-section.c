/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-consent-section.h"

#include <glib/gi18n.h>

#include "rei-code-combo-row.h"

struct _ReiResidentConsentSection
{
  ReiResidentSection     parent_instance;

  ReiCodeComboRow       *consent_basis_row;
  AdwEntryRow           *consent_date_row;
  AdwActionRow          *anonymise_row;
  ReiResidentHistoryRow *history_row;
};

G_DEFINE_FINAL_TYPE (ReiResidentConsentSection, rei_resident_consent_section,
                     REI_TYPE_RESIDENT_SECTION)

/* For chaining up to the base. */
#define PARENT_CLASS REI_RESIDENT_SECTION_CLASS (rei_resident_consent_section_parent_class)

static void
rei_resident_consent_section_load (ReiResidentSection *section,
                                   ReiResident        *resident)
{
  ReiResidentConsentSection *self = REI_RESIDENT_CONSENT_SECTION (section);
  ReiStore *store = rei_resident_section_get_store (section);

  rei_code_combo_row_set_table (self->consent_basis_row, store, REI_LOOKUP_LEGAL_BASIS);
  PARENT_CLASS->load (section, resident);
  rei_resident_history_row_show (self->history_row, store,
                                 resident != NULL ? rei_resident_get_id (resident) : 0);
}

static void
rei_resident_consent_section_reload_lookups (ReiResidentSection *section)
{
  ReiResidentConsentSection *self = REI_RESIDENT_CONSENT_SECTION (section);
  g_autofree char *basis = g_strdup (rei_code_combo_row_get_code (self->consent_basis_row));

  rei_code_combo_row_set_table (self->consent_basis_row, rei_resident_section_get_store (section),
                                REI_LOOKUP_LEGAL_BASIS);
  rei_code_combo_row_set_code (self->consent_basis_row, basis);
}

static void
rei_resident_consent_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_RESIDENT_CONSENT_SECTION);

  G_OBJECT_CLASS (rei_resident_consent_section_parent_class)->dispose (object);
}

static void
rei_resident_consent_section_class_init (ReiResidentConsentSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReiResidentSectionClass *section_class = REI_RESIDENT_SECTION_CLASS (klass);

  object_class->dispose = rei_resident_consent_section_dispose;
  section_class->load = rei_resident_consent_section_load;
  section_class->reload_lookups = rei_resident_consent_section_reload_lookups;

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  g_type_ensure (REI_TYPE_RESIDENT_HISTORY_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class,
    "/io/github/reintegra/Reintegra/ui/residents/rei-resident-consent-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiResidentConsentSection, consent_basis_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentConsentSection, consent_date_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentConsentSection, anonymise_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentConsentSection, history_row);
}

static void
rei_resident_consent_section_init (ReiResidentConsentSection *self)
{
  ReiResidentSection *section = REI_RESIDENT_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rei_resident_section_add_field (section, REI_RESIDENT_CONSENT_DATE, self->consent_date_row);
  rei_resident_section_add_code_field (section, REI_RESIDENT_CONSENT_BASIS,
                                       self->consent_basis_row);
}

void
rei_resident_consent_section_show_anonymise (ReiResidentConsentSection *self,
                                             gboolean                   shown,
                                             gboolean                   possible)
{
  g_return_if_fail (REI_IS_RESIDENT_CONSENT_SECTION (self));

  gtk_widget_set_visible (GTK_WIDGET (self->anonymise_row), shown);
  if (shown && !possible)
    adw_action_row_set_subtitle (self->anonymise_row,
                                 _("Possible once the person has ended and the centre’s "
                                   "retention period has passed."));
  else
    adw_action_row_set_subtitle (self->anonymise_row,
                                 _("The retention period has passed: the identity can be "
                                   "removed for good."));
}

ReiResidentHistoryRow *
rei_resident_consent_section_get_history_row (ReiResidentConsentSection *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_CONSENT_SECTION (self), NULL);

  return self->history_row;
}

GtkWidget *
rei_resident_consent_section_get_anonymise_row (ReiResidentConsentSection *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_CONSENT_SECTION (self), NULL);

  return GTK_WIDGET (self->anonymise_row);
}

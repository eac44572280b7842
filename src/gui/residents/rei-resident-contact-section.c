/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-contact-section.h"

/* Only rows of fields: the base loads, writes and checks them. */
struct _ReiResidentContactSection
{
  ReiResidentSection  parent_instance;

  AdwEntryRow        *phone_row;
  AdwEntryRow        *email_row;
  AdwEntryRow        *address_row;
  AdwEntryRow        *postcode_row;
  AdwEntryRow        *town_row;
  AdwEntryRow        *commune_row;
};

G_DEFINE_FINAL_TYPE (ReiResidentContactSection, rei_resident_contact_section,
                     REI_TYPE_RESIDENT_SECTION)

static void
rei_resident_contact_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_RESIDENT_CONTACT_SECTION);

  G_OBJECT_CLASS (rei_resident_contact_section_parent_class)->dispose (object);
}

static void
rei_resident_contact_section_class_init (ReiResidentContactSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_resident_contact_section_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/residents/rei-resident-contact-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiResidentContactSection, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentContactSection, email_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentContactSection, address_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentContactSection, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentContactSection, town_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentContactSection, commune_row);
}

static void
rei_resident_contact_section_init (ReiResidentContactSection *self)
{
  ReiResidentSection *section = REI_RESIDENT_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rei_resident_section_add_field (section, REI_RESIDENT_PHONE, self->phone_row);
  rei_resident_section_add_field (section, REI_RESIDENT_EMAIL, self->email_row);
  rei_resident_section_add_field (section, REI_RESIDENT_ADDRESS, self->address_row);
  rei_resident_section_add_field (section, REI_RESIDENT_POSTCODE, self->postcode_row);
  rei_resident_section_add_field (section, REI_RESIDENT_TOWN, self->town_row);
  rei_resident_section_add_field (section, REI_RESIDENT_COMMUNE, self->commune_row);
}

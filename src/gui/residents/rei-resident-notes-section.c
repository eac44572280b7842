/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-notes-section.h"

/* Only rows of fields: the base loads, writes and checks them. */
struct _ReiResidentNotesSection
{
  ReiResidentSection  parent_instance;

  AdwEntryRow        *notes_row;
};

G_DEFINE_FINAL_TYPE (ReiResidentNotesSection, rei_resident_notes_section,
                     REI_TYPE_RESIDENT_SECTION)

static void
rei_resident_notes_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_RESIDENT_NOTES_SECTION);

  G_OBJECT_CLASS (rei_resident_notes_section_parent_class)->dispose (object);
}

static void
rei_resident_notes_section_class_init (ReiResidentNotesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_resident_notes_section_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/residents/rei-resident-notes-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiResidentNotesSection, notes_row);
}

static void
rei_resident_notes_section_init (ReiResidentNotesSection *self)
{
  ReiResidentSection *section = REI_RESIDENT_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rei_resident_section_add_field (section, REI_RESIDENT_NOTES, self->notes_row);
}

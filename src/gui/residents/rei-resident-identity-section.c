/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-identity-section.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-identifiers.h"

struct _ReiResidentIdentitySection
{
  ReiResidentSection  parent_instance;

  AdwEntryRow        *first_name_row;
  AdwEntryRow        *surname_row;
  AdwEntryRow        *pesel_row;
  AdwEntryRow        *birth_date_row;
  ReiCodeComboRow    *sex_row;
};

G_DEFINE_FINAL_TYPE (ReiResidentIdentitySection, rei_resident_identity_section,
                     REI_TYPE_RESIDENT_SECTION)

/* For chaining up to the base. */
#define PARENT_CLASS REI_RESIDENT_SECTION_CLASS (rei_resident_identity_section_parent_class)

static void
fill_sexes (ReiResidentIdentitySection *self)
{
  /* The codes of the register (and of the PESEL); labels for the clerk. */
  const char *sexes[] = { "K", _("Woman (K)"), "M", _("Man (M)"), NULL };

  rei_code_combo_row_set_choices (self->sex_row, sexes);
}

/* The birth date and sex from a valid PESEL; the reason the PESEL is refused otherwise. */
static char *
apply_pesel (ReiResidentIdentitySection *self)
{
  ReiResidentSection *section = REI_RESIDENT_SECTION (self);
  g_autofree char *pesel = rei_resident_section_dup_text (section, REI_RESIDENT_PESEL);
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *display = NULL;
  GDate birth;
  char sex = 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sex_row), pesel == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->birth_date_row), pesel == NULL);

  if (pesel == NULL)
    return NULL;
  if (!rei_pesel_parse (pesel, &birth, &sex, &error))
    return g_strdup (error->message);

  /* Filling in what the PESEL says is not an edit of its own. */
  iso = rei_date_to_iso (&birth);
  display = rei_date_format_display (iso);
  rei_resident_section_begin_loading (section);
  gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), display != NULL ? display : iso);
  rei_code_combo_row_set_code (self->sex_row, sex == 'K' ? "K" : "M");
  rei_resident_section_end_loading (section);
  return NULL;
}

static void
rei_resident_identity_section_load (ReiResidentSection *section,
                                    ReiResident        *resident)
{
  /* Afresh, without a code an earlier person had that the choices lacked. */
  fill_sexes (REI_RESIDENT_IDENTITY_SECTION (section));
  PARENT_CLASS->load (section, resident);
}

static guint
rei_resident_identity_section_validate (ReiResidentSection *section)
{
  ReiResidentIdentitySection *self = REI_RESIDENT_IDENTITY_SECTION (section);
  /* First, so that the birth date it fills in is checked with the rest. */
  g_autofree char *pesel_error = apply_pesel (self);
  guint n_errors;

  n_errors = PARENT_CLASS->validate (section);
  /* The core's field rules have nothing to say on a PESEL: its own check does. */
  rei_resident_section_set_field_error (section, REI_RESIDENT_PESEL, pesel_error);
  return n_errors + (pesel_error != NULL);
}

static void
rei_resident_identity_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_RESIDENT_IDENTITY_SECTION);

  G_OBJECT_CLASS (rei_resident_identity_section_parent_class)->dispose (object);
}

static void
rei_resident_identity_section_class_init (ReiResidentIdentitySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReiResidentSectionClass *section_class = REI_RESIDENT_SECTION_CLASS (klass);

  object_class->dispose = rei_resident_identity_section_dispose;
  section_class->load = rei_resident_identity_section_load;
  section_class->validate = rei_resident_identity_section_validate;

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class,
    "/io/github/reintegra/Reintegra/ui/residents/rei-resident-identity-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiResidentIdentitySection, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentIdentitySection, surname_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentIdentitySection, pesel_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentIdentitySection, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentIdentitySection, sex_row);
}

static void
rei_resident_identity_section_init (ReiResidentIdentitySection *self)
{
  ReiResidentSection *section = REI_RESIDENT_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rei_resident_section_add_field (section, REI_RESIDENT_FIRST_NAME, self->first_name_row);
  rei_resident_section_add_field (section, REI_RESIDENT_SURNAME, self->surname_row);
  rei_resident_section_add_field (section, REI_RESIDENT_PESEL, self->pesel_row);
  rei_resident_section_add_field (section, REI_RESIDENT_BIRTH_DATE, self->birth_date_row);
  rei_resident_section_add_code_field (section, REI_RESIDENT_SEX, self->sex_row);
  fill_sexes (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-participation-section.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-lifecycle.h"

struct _ReiResidentParticipationSection
{
  ReiResidentSection  parent_instance;

  GtkWidget          *extension_error_row;

  /* Template widgets. */
  AdwEntryRow        *workshop_row;
  AdwEntryRow        *projects_row;
  AdwEntryRow        *admission_date_row;
  AdwActionRow       *warning_row;
  AdwActionRow       *status_row;
  AdwActionRow       *trial_end_row;
  AdwActionRow       *planned_end_row;
  AdwActionRow       *latest_end_row;
  AdwActionRow       *days_row;
  AdwActionRow       *extension_row;
  GtkSpinButton      *extension_spin;
};

G_DEFINE_FINAL_TYPE (ReiResidentParticipationSection, rei_resident_participation_section,
                     REI_TYPE_RESIDENT_SECTION)

/* For chaining up to the base. */
#define PARENT_CLASS REI_RESIDENT_SECTION_CLASS (rei_resident_participation_section_parent_class)

static void
set_info (AdwActionRow *row,
          const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL ? text : "—");
}

static void
set_info_date (AdwActionRow *row,
               const char   *iso)
{
  g_autofree char *display = iso != NULL ? rei_date_format_display (iso) : NULL;

  set_info (row, display != NULL ? display : iso);
}

static void
show_warning (ReiResidentParticipationSection *self,
              const ReiLifecycle              *lc)
{
  GtkWidget *row = GTK_WIDGET (self->warning_row);
  g_autofree char *title = NULL;

  gtk_widget_set_visible (row, lc->warning != REI_LIFECYCLE_OK);
  gtk_widget_remove_css_class (row, "warning");
  gtk_widget_remove_css_class (row, "error");
  if (lc->warning == REI_LIFECYCLE_NEAR_LIMIT)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The participation ends in %d day",
                                            "The participation ends in %d days", lc->days_left),
                               lc->days_left);
      gtk_widget_add_css_class (row, "warning");
    }
  else if (lc->warning == REI_LIFECYCLE_PAST_LIMIT)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The planned end passed %d day ago",
                                            "The planned end passed %d days ago", -lc->days_left),
                               -lc->days_left);
      gtk_widget_add_css_class (row, "error");
    }
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
}

static void
on_changed_cb (ReiResidentParticipationSection *self)
{
  rei_resident_section_changed (REI_RESIDENT_SECTION (self));
}

static void
rei_resident_participation_section_load (ReiResidentSection *section,
                                         ReiResident        *resident)
{
  ReiResidentParticipationSection *self = REI_RESIDENT_PARTICIPATION_SECTION (section);
  g_autofree char *projects = NULL;

  PARENT_CLASS->load (section, resident);
  if (resident != NULL)
    projects = g_strjoinv ("; ", (char **) rei_resident_get_projects (resident));
  gtk_editable_set_text (GTK_EDITABLE (self->projects_row), projects != NULL ? projects : "");
  gtk_spin_button_set_value (self->extension_spin,
                             resident != NULL ? rei_resident_get_extension_months (resident) : 0);
}

static void
rei_resident_participation_section_apply (ReiResidentSection *section,
                                          ReiResident        *resident)
{
  ReiResidentParticipationSection *self = REI_RESIDENT_PARTICIPATION_SECTION (section);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  PARENT_CLASS->apply (section, resident);

  /* Projects are typed as titles separated by semicolons. */
  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->projects_row)), ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (titles, g_strdup (parts[i]));
    }
  g_ptr_array_add (titles, NULL);
  rei_resident_set_projects (resident, (const char * const *) titles->pdata);
  rei_resident_set_extension_months (resident,
                                     gtk_spin_button_get_value_as_int (self->extension_spin));
}

static guint
rei_resident_participation_section_validate (ReiResidentSection *section)
{
  ReiResidentParticipationSection *self = REI_RESIDENT_PARTICIPATION_SECTION (section);
  ReiStore *store = rei_resident_section_get_store (section);
  g_autofree char *admission = rei_resident_section_dup_text (section, REI_RESIDENT_ADMISSION_DATE);
  g_autofree char *iso = admission != NULL ? rei_date_normalize (admission) : NULL;
  g_autoptr(GError) error = NULL;
  ReiLifecycleRules rules;
  guint n_errors;

  n_errors = PARENT_CLASS->validate (section);

  /* The longest extension is the one in force on the admission date. */
  if (store != NULL)
    {
      rei_lifecycle_rules_load (store, iso, &rules);
      rei_lifecycle_validate_extension (&rules,
                                        gtk_spin_button_get_value_as_int (self->extension_spin),
                                        &error);
    }
  rei_resident_section_show_error (self->extension_error_row, GTK_WIDGET (self->extension_row),
                                   error != NULL ? error->message : NULL);
  return n_errors + (error != NULL);
}

static void
rei_resident_participation_section_update (ReiResidentSection *section,
                                           ReiResident        *form)
{
  ReiResidentParticipationSection *self = REI_RESIDENT_PARTICIPATION_SECTION (section);
  ReiStore *store = rei_resident_section_get_store (section);
  g_autoptr(ReiLifecycle) lc = NULL;
  g_autofree char *status = NULL;
  g_autofree char *days = NULL;

  if (store == NULL)
    return;

  lc = rei_lifecycle_compute_for (store, form, NULL);
  status = rei_lifecycle_dup_status_label (lc, store);
  set_info (self->status_row, status);
  set_info_date (self->trial_end_row, lc->trial_end);
  set_info_date (self->planned_end_row, lc->planned_end);
  set_info_date (self->latest_end_row, lc->latest_end);
  days = g_strdup_printf ("%d", lc->days_in_programme);
  set_info (self->days_row, lc->status == REI_RESIDENT_STATUS_CANDIDATE ? NULL : days);
  show_warning (self, lc);
}

static void
rei_resident_participation_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_RESIDENT_PARTICIPATION_SECTION);

  G_OBJECT_CLASS (rei_resident_participation_section_parent_class)->dispose (object);
}

static void
rei_resident_participation_section_class_init (ReiResidentParticipationSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReiResidentSectionClass *section_class = REI_RESIDENT_SECTION_CLASS (klass);

  object_class->dispose = rei_resident_participation_section_dispose;
  section_class->load = rei_resident_participation_section_load;
  section_class->apply = rei_resident_participation_section_apply;
  section_class->validate = rei_resident_participation_section_validate;
  section_class->update = rei_resident_participation_section_update;

  gtk_widget_class_set_template_from_resource (
    widget_class,
    "/io/github/reintegra/Reintegra/ui/residents/rei-resident-participation-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection,
                                        workshop_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection,
                                        projects_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection,
                                        admission_date_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection, warning_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection, status_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection,
                                        trial_end_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection,
                                        planned_end_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection,
                                        latest_end_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection, days_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection,
                                        extension_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentParticipationSection,
                                        extension_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
rei_resident_participation_section_init (ReiResidentParticipationSection *self)
{
  ReiResidentSection *section = REI_RESIDENT_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rei_resident_section_add_field (section, REI_RESIDENT_WORKSHOP, self->workshop_row);
  rei_resident_section_add_field (section, REI_RESIDENT_ADMISSION_DATE, self->admission_date_row);
  self->extension_error_row = rei_resident_section_add_error_row (section,
                                                                  GTK_WIDGET (self->extension_row));
}

GtkWidget *
rei_resident_participation_section_get_warning_row (ReiResidentParticipationSection *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_PARTICIPATION_SECTION (self), NULL);

  return GTK_WIDGET (self->warning_row);
}

GtkSpinButton *
rei_resident_participation_section_get_extension_spin (ReiResidentParticipationSection *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_PARTICIPATION_SECTION (self), NULL);

  return self->extension_spin;
}

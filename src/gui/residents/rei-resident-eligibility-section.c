/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-eligibility-section.h"

#include <glib/gi18n.h>

#include "rei-code-combo-row.h"

struct _ReiResidentEligibilitySection
{
  ReiResidentSection   parent_instance;

  GPtrArray           *category_checks;   /* GtkCheckButton, with "code" data */

  /* Template widgets. */
  AdwPreferencesGroup *categories_group;
  ReiCodeComboRow     *referral_row;
  AdwEntryRow         *referral_date_row;
  AdwEntryRow         *contract_number_row;
  AdwEntryRow         *education_row;
  AdwEntryRow         *labour_status_row;
  AdwEntryRow         *disability_row;
};

G_DEFINE_FINAL_TYPE (ReiResidentEligibilitySection, rei_resident_eligibility_section,
                     REI_TYPE_RESIDENT_SECTION)

/* For chaining up to the base. */
#define PARENT_CLASS REI_RESIDENT_SECTION_CLASS (rei_resident_eligibility_section_parent_class)

static void
on_changed_cb (ReiResidentEligibilitySection *self)
{
  rei_resident_section_changed (REI_RESIDENT_SECTION (self));
}

static void
fill_referrals (ReiResidentEligibilitySection *self)
{
  /* The codes the importer and the demo write; labels for the clerk. */
  const char *referrals[] = {
    "ops", _("OPS / MOPS (social contract)"),
    "pup", _("PUP (labour office)"),
    "wlasny", _("Own application"),
    NULL
  };

  rei_code_combo_row_set_choices (self->referral_row, referrals);
}

/* A box for every category in use, checked as in checked. */
static void
fill_categories (ReiResidentEligibilitySection *self,
                 const char * const            *checked)
{
  ReiStore *store = rei_resident_section_get_store (REI_RESIDENT_SECTION (self));
  g_autoptr(GPtrArray) codes = NULL;

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->category_checks, i);

      adw_preferences_group_remove (self->categories_group,
                                    gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW));
    }
  g_ptr_array_set_size (self->category_checks, 0);

  if (store == NULL)
    return;

  codes = rei_store_list_categories (store, FALSE, NULL);
  if (codes == NULL)
    codes = g_ptr_array_new_with_free_func (g_free);
  /* A retired category that a person still has stays visible on them, or saving would drop it. */
  for (guint i = 0; checked != NULL && checked[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < codes->len && !found; j++)
        found = g_strcmp0 (g_ptr_array_index (codes, j), checked[i]) == 0;
      if (!found)
        g_ptr_array_add (codes, g_strdup (checked[i]));
    }

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = rei_store_get_label (store, REI_LOOKUP_CATEGORY, code);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean active = FALSE;

      for (guint j = 0; checked != NULL && checked[j] != NULL; j++)
        active |= g_strcmp0 (checked[j], code) == 0;

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (code), g_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label != NULL ? label : code);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->category_checks, check);
    }
}

/* The codes of the checked boxes, NULL-terminated; the strings belong to the boxes. */
static GPtrArray *
dup_checked (ReiResidentEligibilitySection *self)
{
  GPtrArray *codes = g_ptr_array_new ();

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->category_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (codes, g_object_get_data (G_OBJECT (check), "code"));
    }
  g_ptr_array_add (codes, NULL);
  return codes;
}

static void
rei_resident_eligibility_section_load (ReiResidentSection *section,
                                       ReiResident        *resident)
{
  ReiResidentEligibilitySection *self = REI_RESIDENT_ELIGIBILITY_SECTION (section);

  fill_referrals (self);
  PARENT_CLASS->load (section, resident);
  fill_categories (self, resident != NULL ? rei_resident_get_categories (resident) : NULL);
}

static void
rei_resident_eligibility_section_apply (ReiResidentSection *section,
                                        ReiResident        *resident)
{
  ReiResidentEligibilitySection *self = REI_RESIDENT_ELIGIBILITY_SECTION (section);
  g_autoptr(GPtrArray) codes = dup_checked (self);

  PARENT_CLASS->apply (section, resident);
  rei_resident_set_categories (resident, (const char * const *) codes->pdata);
}

static void
rei_resident_eligibility_section_reload_lookups (ReiResidentSection *section)
{
  ReiResidentEligibilitySection *self = REI_RESIDENT_ELIGIBILITY_SECTION (section);
  g_autoptr(GPtrArray) codes = dup_checked (self);
  /* Copied: the codes belong to the boxes that are about to go. */
  g_auto(GStrv) checked = g_strdupv ((char **) codes->pdata);

  fill_categories (self, (const char * const *) checked);
}

static void
rei_resident_eligibility_section_dispose (GObject *object)
{
  ReiResidentEligibilitySection *self = REI_RESIDENT_ELIGIBILITY_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_RESIDENT_ELIGIBILITY_SECTION);
  g_clear_pointer (&self->category_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rei_resident_eligibility_section_parent_class)->dispose (object);
}

static void
rei_resident_eligibility_section_class_init (ReiResidentEligibilitySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ReiResidentSectionClass *section_class = REI_RESIDENT_SECTION_CLASS (klass);

  object_class->dispose = rei_resident_eligibility_section_dispose;
  section_class->load = rei_resident_eligibility_section_load;
  section_class->apply = rei_resident_eligibility_section_apply;
  section_class->reload_lookups = rei_resident_eligibility_section_reload_lookups;

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class,
    "/io/github/reintegra/Reintegra/ui/residents/rei-resident-eligibility-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiResidentEligibilitySection,
                                        categories_group);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentEligibilitySection, referral_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentEligibilitySection,
                                        referral_date_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentEligibilitySection,
                                        contract_number_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentEligibilitySection, education_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentEligibilitySection,
                                        labour_status_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentEligibilitySection,
                                        disability_row);
}

static void
rei_resident_eligibility_section_init (ReiResidentEligibilitySection *self)
{
  ReiResidentSection *section = REI_RESIDENT_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->category_checks = g_ptr_array_new ();
  rei_resident_section_add_code_field (section, REI_RESIDENT_REFERRAL, self->referral_row);
  rei_resident_section_add_field (section, REI_RESIDENT_REFERRAL_DATE, self->referral_date_row);
  rei_resident_section_add_field (section, REI_RESIDENT_CONTRACT_NUMBER, self->contract_number_row);
  rei_resident_section_add_field (section, REI_RESIDENT_EDUCATION, self->education_row);
  rei_resident_section_add_field (section, REI_RESIDENT_LABOUR_STATUS, self->labour_status_row);
  rei_resident_section_add_field (section, REI_RESIDENT_DISABILITY, self->disability_row);
  fill_referrals (self);
}

void
rei_resident_eligibility_section_set_category (ReiResidentEligibilitySection *self,
                                               const char                    *code,
                                               gboolean                       active)
{
  g_return_if_fail (REI_IS_RESIDENT_ELIGIBILITY_SECTION (self));

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->category_checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "code"), code) == 0)
        gtk_check_button_set_active (check, active);
    }
}

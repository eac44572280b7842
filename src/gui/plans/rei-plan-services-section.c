/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-services-section.h"

#include <glib/gi18n.h>

#include "rei-store-plans.h"

struct _ReiPlanServicesSection
{
  ReiPlanSection  parent_instance;

  /* Template widgets. */
  AdwPreferencesGroup *services_group;
  GtkListBox     *services_list;
  AdwComboRow    *given_service_row;
  GtkSpinButton  *given_spin;
  GtkWidget      *save_given_button;
  AdwPreferencesGroup *new_service_group;
  AdwComboRow    *catalogue_row;
  AdwEntryRow    *provider_row;
  GtkSpinButton  *planned_spin;
  GtkWidget      *add_service_button;
};

G_DEFINE_FINAL_TYPE (ReiPlanServicesSection, rei_plan_services_section, REI_TYPE_PLAN_SECTION)

/* "12,5 h": hours as the office writes them. */
static char *
format_hours (double hours)
{
  return g_strdup_printf (_("%.1f h"), hours);
}

static ReiPlanService *
get_service (ReiPlanServicesSection *self,
             guint                   position)
{
  const ReiPlanData *data = rei_plan_section_get_data (REI_PLAN_SECTION (self));
  GPtrArray *services = data != NULL ? rei_plan_get_services (data->plan) : NULL;

  return services != NULL && position < services->len ? g_ptr_array_index (services, position) : NULL;
}

static void
on_given_service_changed_cb (ReiPlanServicesSection *self)
{
  ReiPlanService *s = get_service (self, adw_combo_row_get_selected (self->given_service_row));

  gtk_spin_button_set_value (self->given_spin, s != NULL ? s->hours_given : 0);
}

static GtkWidget *
service_row (GtkWidget *row,
             gpointer   item,
             gpointer   user_data)
{
  ReiPlanService *s = item;
  g_autofree char *p = format_hours (s->hours_planned);
  g_autofree char *g = format_hours (s->hours_given);
  g_autofree char *subtitle =
    g_strdup_printf (_("Group %s · %s · given %s of %s planned"), s->group,
                     s->provider != NULL ? s->provider : _("provider not named"), g, p);

  return rei_plan_section_row_update (row, s->name, subtitle);
}

/* A combo row's choices, given only when they differ from those it has: a new model makes a
 * widget per choice in the row's list at once (some 0.06 ms each: 4 ms for a catalogue of 60),
 * and showing the same plan again after a save, or another plan, mostly has the same ones. */
static void
set_choices (AdwComboRow   *row,
             GtkStringList *choices)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (choices));
  guint same = 0;

  if (GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) == n)
    while (same < n && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), same),
                                  gtk_string_list_get_string (choices, same)) == 0)
      same++;
  if (model == NULL || same < n || g_list_model_get_n_items (model) != n)
    adw_combo_row_set_model (row, G_LIST_MODEL (choices));
}

static void
rei_plan_services_section_show (ReiPlanSection    *section,
                                const ReiPlanData *data)
{
  ReiPlanServicesSection *self = REI_PLAN_SERVICES_SECTION (section);
  GPtrArray *services = rei_plan_get_services (data->plan);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) catalogue = gtk_string_list_new (NULL);
  gboolean editing = rei_plan_get_editing (data->plan);
  double planned = 0, given = 0;

  rei_row_feeder_set_rows (rei_plan_section_get_feeder (section), self->services_list, services,
                           service_row, self, _("No service in the plan yet."));
  for (guint i = 0; i < services->len; i++)
    {
      ReiPlanService *s = g_ptr_array_index (services, i);

      gtk_string_list_append (names, s->name);
      planned += s->hours_planned;
      given += s->hours_given;
    }
  if (services->len > 0)
    {
      g_autofree char *p = format_hours (planned);
      g_autofree char *g = format_hours (given);
      g_autofree char *total = g_strdup_printf (_("In all: given %s of %s planned"), g, p);

      adw_preferences_group_set_description (self->services_group, total);
    }
  set_choices (self->given_service_row, names);
  on_given_service_changed_cb (self);
  gtk_widget_set_sensitive (self->save_given_button, services->len > 0);

  /* The catalogue is chosen from only while an annex is drafted (the group is hidden otherwise). */
  for (guint i = 0; editing && data->catalogue != NULL && i < data->catalogue->len; i++)
    {
      ReiPlanLabel *l = g_ptr_array_index (data->catalogue, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", l->label, l->group ? l->group : "?");

      gtk_string_list_append (catalogue, label);
    }
  if (editing)
    set_choices (self->catalogue_row, catalogue);
  /* What the plan offers is its signed content; only an aneks adds to it. */
  gtk_widget_set_visible (GTK_WIDGET (self->new_service_group), editing);
  gtk_widget_set_visible (self->add_service_button, editing);
}

static void
on_save_given_clicked_cb (ReiPlanServicesSection *self)
{
  ReiPlanSection *section = REI_PLAN_SECTION (self);
  ReiPlanService *s = get_service (self, adw_combo_row_get_selected (self->given_service_row));
  g_autoptr(GError) error = NULL;

  if (s == NULL)
    return;
  s->hours_given = gtk_spin_button_get_value (self->given_spin);
  if (!rei_store_save_plan_service (rei_plan_section_get_store (section),
                                    rei_plan_section_get_plan_id (section), s, &error))
    rei_plan_section_failed (section, error);
  else
    rei_plan_section_saved (section);
}

static void
on_add_service_clicked_cb (ReiPlanServicesSection *self)
{
  ReiPlanSection *section = REI_PLAN_SECTION (self);
  const ReiPlanData *data = rei_plan_section_get_data (section);
  guint position = adw_combo_row_get_selected (self->catalogue_row);
  g_autoptr(ReiPlanService) s = rei_plan_service_new ();
  g_autoptr(GError) error = NULL;
  ReiPlanLabel *l;

  if (data == NULL || data->catalogue == NULL || position >= data->catalogue->len)
    return;
  l = g_ptr_array_index (data->catalogue, position);
  s->service_id = g_ascii_strtoll (l->code, NULL, 10);
  s->provider = rei_plan_section_dup_text (GTK_EDITABLE (self->provider_row));
  s->hours_planned = gtk_spin_button_get_value (self->planned_spin);
  if (!rei_store_save_plan_service (rei_plan_section_get_store (section),
                                    rei_plan_section_get_plan_id (section), s, &error))
    {
      rei_plan_section_failed (section, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->provider_row), "");
  gtk_spin_button_set_value (self->planned_spin, 0);
  rei_plan_section_saved (section);
}

static void
rei_plan_services_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_PLAN_SERVICES_SECTION);
  G_OBJECT_CLASS (rei_plan_services_section_parent_class)->dispose (object);
}

static void
rei_plan_services_section_class_init (ReiPlanServicesSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rei_plan_services_section_dispose;
  REI_PLAN_SECTION_CLASS (klass)->show = rei_plan_services_section_show;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/plans/rei-plan-services-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, services_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, services_list);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, given_service_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, given_spin);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, save_given_button);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, new_service_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, catalogue_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, provider_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, planned_spin);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanServicesSection, add_service_button);
  gtk_widget_class_bind_template_callback (widget_class, on_given_service_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_given_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_service_clicked_cb);
}

static void
rei_plan_services_section_init (ReiPlanServicesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rei_plan_services_section_new (void)
{
  return g_object_new (REI_TYPE_PLAN_SERVICES_SECTION, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-section.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-plan-rules.h"
#include "rei-store-plans.h"

typedef struct
{
  ReiStore          *store;
  ReiRowFeeder      *feeder;
  const ReiPlanData *data;
} ReiPlanSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ReiPlanSection, rei_plan_section, GTK_TYPE_WIDGET)

enum
{
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The window's words for the codes of 0005-plans.sql; the printed plan has its own Polish ones
 * (rei_plan_code_label_pl), which do not depend on the locale. */
static const struct
{
  const char *code;
  const char *label;
} code_labels[] = {
  { "planowany", N_("Planned") },
  { "w_realizacji", N_("In progress") },
  { "osiagniety", N_("Achieved") },
  { "nieosiagniety", N_("Not achieved") },
  { "zaniechany", N_("Abandoned") },
  { "krotkoterminowy", N_("Short-term") },
  { "dlugoterminowy", N_("Long-term") },
  { "koordynator", N_("Coordinator") },
  { "uczestnik", N_("Resident") },
  { "partner", N_("Partner") },
  { "pracownik_socjalny", N_("Social worker") },
  { "psycholog", N_("Psychologist") },
  { "doradca_zawodowy", N_("Vocational counsellor") },
  { "wejscie", N_("At entry") },
  { "przeglad", N_("At a review") },
  { "wyjscie", N_("At exit") },
};

void
rei_plan_data_free (ReiPlanData *data)
{
  if (data == NULL)
    return;
  g_clear_object (&data->plan);
  g_clear_object (&data->resident);
  g_clear_pointer (&data->dimensions, g_ptr_array_unref);
  g_clear_pointer (&data->catalogue, g_ptr_array_unref);
  g_clear_pointer (&data->unmet_needs, g_ptr_array_unref);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_clear_pointer (&data->outcomes, g_strfreev);
  g_free (data->next_review);
  g_free (data->today);
  g_free (data);
}

static void
rei_plan_section_real_show (ReiPlanSection    *self,
                            const ReiPlanData *data)
{
}

static void
rei_plan_section_dispose (GObject *object)
{
  ReiPlanSection *self = REI_PLAN_SECTION (object);
  ReiPlanSectionPrivate *priv = rei_plan_section_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->store);
  g_clear_object (&priv->feeder);
  priv->data = NULL;

  G_OBJECT_CLASS (rei_plan_section_parent_class)->dispose (object);
}

static void
rei_plan_section_class_init (ReiPlanSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_plan_section_dispose;
  klass->show = rei_plan_section_real_show;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
rei_plan_section_init (ReiPlanSection *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
}

ReiStore *
rei_plan_section_get_store (ReiPlanSection *self)
{
  ReiPlanSectionPrivate *priv = rei_plan_section_get_instance_private (self);

  g_return_val_if_fail (REI_IS_PLAN_SECTION (self), NULL);
  return priv->store;
}

void
rei_plan_section_set_store (ReiPlanSection *self,
                            ReiStore       *store)
{
  ReiPlanSectionPrivate *priv = rei_plan_section_get_instance_private (self);

  g_return_if_fail (REI_IS_PLAN_SECTION (self));
  g_set_object (&priv->store, store);
}

ReiRowFeeder *
rei_plan_section_get_feeder (ReiPlanSection *self)
{
  ReiPlanSectionPrivate *priv = rei_plan_section_get_instance_private (self);

  g_return_val_if_fail (REI_IS_PLAN_SECTION (self), NULL);
  return priv->feeder;
}

void
rei_plan_section_set_feeder (ReiPlanSection *self,
                             ReiRowFeeder   *feeder)
{
  ReiPlanSectionPrivate *priv = rei_plan_section_get_instance_private (self);

  g_return_if_fail (REI_IS_PLAN_SECTION (self));
  g_set_object (&priv->feeder, feeder);
}

void
rei_plan_section_show (ReiPlanSection    *self,
                       const ReiPlanData *data)
{
  ReiPlanSectionPrivate *priv = rei_plan_section_get_instance_private (self);

  g_return_if_fail (REI_IS_PLAN_SECTION (self));
  g_return_if_fail (data != NULL && REI_IS_PLAN (data->plan));

  priv->data = data;
  REI_PLAN_SECTION_GET_CLASS (self)->show (self, data);
}

const ReiPlanData *
rei_plan_section_get_data (ReiPlanSection *self)
{
  ReiPlanSectionPrivate *priv = rei_plan_section_get_instance_private (self);

  g_return_val_if_fail (REI_IS_PLAN_SECTION (self), NULL);
  return priv->data;
}

gint64
rei_plan_section_get_plan_id (ReiPlanSection *self)
{
  ReiPlanSectionPrivate *priv = rei_plan_section_get_instance_private (self);

  g_return_val_if_fail (REI_IS_PLAN_SECTION (self), 0);
  return priv->data != NULL ? rei_plan_get_id (priv->data->plan) : 0;
}

void
rei_plan_section_saved (ReiPlanSection *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

void
rei_plan_section_failed (ReiPlanSection *self,
                         const GError   *error)
{
  g_signal_emit (self, signals[FAILED], 0, error);
}

char *
rei_plan_section_dup_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

char *
rei_plan_section_dup_buffer (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

gboolean
rei_plan_section_dup_date (GtkEditable  *editable,
                           const char   *what,
                           char        **iso,
                           GError      **error)
{
  g_autofree char *text = rei_plan_section_dup_text (editable);

  *iso = NULL;
  if (text == NULL)
    return TRUE;
  *iso = rei_date_normalize (text);
  if (*iso == NULL)
    {
      g_set_error (error, REI_PLAN_ERROR, REI_PLAN_ERROR_INVALID,
                   _("%s: “%s” is not a date; write it as dd.mm.yyyy."), what, text);
      return FALSE;
    }
  return TRUE;
}

void
rei_plan_section_set_date (GtkEditable *editable,
                           const char  *iso)
{
  g_autofree char *display = iso != NULL ? rei_date_format_display (iso) : NULL;

  gtk_editable_set_text (editable, display != NULL ? display : iso != NULL ? iso : "");
}

void
rei_plan_section_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
rei_plan_section_row_new (const char *title,
                          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

GtkWidget *
rei_plan_section_row_update (GtkWidget  *row,
                             const char *title,
                             const char *subtitle)
{
  if (row == NULL || G_OBJECT_TYPE (row) != ADW_TYPE_ACTION_ROW
      || adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != NULL
      || g_object_get_data (G_OBJECT (row), "rei-plan-suffix") != NULL)
    return rei_plan_section_row_new (title, subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  return row;
}

const char *
rei_plan_section_code_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (code_labels); i++)
    if (g_strcmp0 (code_labels[i].code, code) == 0)
      return _(code_labels[i].label);
  return code;
}

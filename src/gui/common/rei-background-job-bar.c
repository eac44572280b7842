/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-background-job-bar.h"

struct _ReiBackgroundJobBar
{
  GtkWidget         parent_instance;

  ReiBackgroundJob *job;

  /* Template widgets. */
  GtkRevealer      *revealer;
  GtkLabel         *title_label;
  GtkProgressBar   *progress_bar;
};

G_DEFINE_FINAL_TYPE (ReiBackgroundJobBar, rei_background_job_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (ReiBackgroundJobBar *self)
{
  const char *text = self->job != NULL ? rei_background_job_get_text (self->job) : NULL;
  gboolean running = self->job != NULL && rei_background_job_get_running (self->job);

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->job != NULL ? rei_background_job_get_fraction (self->job)
                                                   : 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_show_text (self->progress_bar, text != NULL);
  gtk_revealer_set_reveal_child (self->revealer, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job.cancel", running);
}

static void
on_job_finished_cb (ReiBackgroundJobBar *self,
                    const GError        *error,
                    ReiBackgroundJob    *job)
{
  if (job == self->job)
    rei_background_job_bar_set_job (self, NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiBackgroundJobBar *self = REI_BACKGROUND_JOB_BAR (widget);

  if (self->job != NULL)
    rei_background_job_cancel (self->job);
}

static void
rei_background_job_bar_dispose (GObject *object)
{
  ReiBackgroundJobBar *self = REI_BACKGROUND_JOB_BAR (object);

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_BACKGROUND_JOB_BAR);

  G_OBJECT_CLASS (rei_background_job_bar_parent_class)->dispose (object);
}

static void
rei_background_job_bar_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ReiBackgroundJobBar *self = REI_BACKGROUND_JOB_BAR (object);

  switch (prop_id)
    {
    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_background_job_bar_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ReiBackgroundJobBar *self = REI_BACKGROUND_JOB_BAR (object);

  switch (prop_id)
    {
    case PROP_JOB:
      rei_background_job_bar_set_job (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_background_job_bar_class_init (ReiBackgroundJobBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_background_job_bar_dispose;
  object_class->get_property = rei_background_job_bar_get_property;
  object_class->set_property = rei_background_job_bar_set_property;

  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL, REI_TYPE_BACKGROUND_JOB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "job.cancel", NULL, cancel_action);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/common/rei-background-job-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ReiBackgroundJobBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, ReiBackgroundJobBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReiBackgroundJobBar, progress_bar);
}

static void
rei_background_job_bar_init (ReiBackgroundJobBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
rei_background_job_bar_new (void)
{
  return g_object_new (REI_TYPE_BACKGROUND_JOB_BAR, NULL);
}

ReiBackgroundJob *
rei_background_job_bar_get_job (ReiBackgroundJobBar *self)
{
  g_return_val_if_fail (REI_IS_BACKGROUND_JOB_BAR (self), NULL);

  return self->job;
}

void
rei_background_job_bar_set_job (ReiBackgroundJobBar *self,
                                ReiBackgroundJob    *job)
{
  g_return_if_fail (REI_IS_BACKGROUND_JOB_BAR (self));
  g_return_if_fail (job == NULL || REI_IS_BACKGROUND_JOB (job));

  if (self->job == job)
    return;

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);

  if (job != NULL)
    {
      gtk_label_set_label (self->title_label, rei_background_job_get_title (job));
      g_signal_connect_object (job, "notify::fraction", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (job, "notify::text", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (job, "notify::running", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (job, "finished", G_CALLBACK (on_job_finished_cb), self,
                               G_CONNECT_SWAPPED);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
}

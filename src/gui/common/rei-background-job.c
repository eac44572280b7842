/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-background-job.h"

#include <adwaita.h>

#include "rei-error-dialog.h"

/* How often the main thread looks at the worker's progress: smooth enough for a progress bar,
 * rare enough to cost nothing. */
#define POLL_INTERVAL_MS 100

struct _ReiBackgroundJob
{
  GObject               parent_instance;

  GWeakRef              owner;
  char                 *title;
  char                 *done_message;
  char                 *cancelled_message;
  char                 *error_title;

  ReiBackgroundJobFunc  func;
  gpointer              data;
  GDestroyNotify        data_free;
  GCancellable         *cancellable;
  gboolean              started;
  gboolean              running;
  guint                 poll_source;

  /* Written by the worker: the fraction in thousandths (atomic), the text under the mutex. */
  int                   permille;
  GMutex                mutex;
  char                 *worker_text;
  gboolean              worker_text_changed;

  /* What the main thread shows, copied from the above by copy_progress(). */
  double                fraction;
  char                 *text;
};

G_DEFINE_FINAL_TYPE (ReiBackgroundJob, rei_background_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OWNER,
  PROP_TITLE,
  PROP_RUNNING,
  PROP_FRACTION,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
copy_progress (ReiBackgroundJob *self)
{
  double fraction = g_atomic_int_get (&self->permille) / 1000.0;
  g_autofree char *text = NULL;
  gboolean text_changed;

  g_mutex_lock (&self->mutex);
  text_changed = self->worker_text_changed;
  if (text_changed)
    text = g_strdup (self->worker_text);
  self->worker_text_changed = FALSE;
  g_mutex_unlock (&self->mutex);

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (text_changed && g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  copy_progress (REI_BACKGROUND_JOB (user_data));
  return G_SOURCE_CONTINUE;
}

static void
add_toast (GtkWidget  *owner,
           const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (owner, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* On the owner, if it is still on screen: a job outlives a window that closed meanwhile. */
static void
report (ReiBackgroundJob *self,
        const GError     *error)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&self->owner);

  if (owner == NULL || gtk_widget_get_root (owner) == NULL)
    return;

  if (error == NULL)
    {
      if (self->done_message != NULL)
        add_toast (owner, self->done_message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->cancelled_message != NULL)
        add_toast (owner, self->cancelled_message);
    }
  else if (self->error_title != NULL)
    {
      rei_error_dialog_show (owner, self->error_title, error->message);
    }
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ReiBackgroundJob *self = source_object;
  GError *error = NULL;

  if (self->func (self, self->data, cancellable, &error))
    {
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      g_assert (error != NULL);
      g_task_return_error (task, error);
    }
}

static void
on_task_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReiBackgroundJob *self = REI_BACKGROUND_JOB (source_object);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  copy_progress (self);
  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  report (self, error);
  g_signal_emit (self, signals[FINISHED], 0, error);
}

static void
rei_background_job_dispose (GObject *object)
{
  ReiBackgroundJob *self = REI_BACKGROUND_JOB (object);

  /* The task holds the job while the worker runs: nothing runs any more. */
  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (self->data_free != NULL)
    g_clear_pointer (&self->data, self->data_free);

  G_OBJECT_CLASS (rei_background_job_parent_class)->dispose (object);
}

static void
rei_background_job_finalize (GObject *object)
{
  ReiBackgroundJob *self = REI_BACKGROUND_JOB (object);

  g_weak_ref_clear (&self->owner);
  g_clear_object (&self->cancellable);
  g_free (self->title);
  g_free (self->done_message);
  g_free (self->cancelled_message);
  g_free (self->error_title);
  g_free (self->worker_text);
  g_free (self->text);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (rei_background_job_parent_class)->finalize (object);
}

static void
rei_background_job_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReiBackgroundJob *self = REI_BACKGROUND_JOB (object);

  switch (prop_id)
    {
    case PROP_OWNER:
      g_value_take_object (value, g_weak_ref_get (&self->owner));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_background_job_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReiBackgroundJob *self = REI_BACKGROUND_JOB (object);
  GtkWidget *owner;

  switch (prop_id)
    {
    case PROP_OWNER:
      owner = g_value_get_object (value);
      g_weak_ref_set (&self->owner, owner);
      /* A window closed, a view gone: the work it asked for stops (an export removes its
       * half-written workbook, an import rolls back). */
      if (owner != NULL)
        g_signal_connect_object (owner, "destroy", G_CALLBACK (rei_background_job_cancel), self,
                                 G_CONNECT_SWAPPED);
      break;

    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_background_job_class_init (ReiBackgroundJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rei_background_job_dispose;
  object_class->finalize = rei_background_job_finalize;
  object_class->get_property = rei_background_job_get_property;
  object_class->set_property = rei_background_job_set_property;

  properties[PROP_OWNER] =
    g_param_spec_object ("owner", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The work has ended: error is NULL when it was done, G_IO_ERROR_CANCELLED when it stopped
   * for Cancel.  Emitted after the toast or the error dialog. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
rei_background_job_init (ReiBackgroundJob *self)
{
  g_weak_ref_init (&self->owner, NULL);
  g_mutex_init (&self->mutex);
  self->cancellable = g_cancellable_new ();
}

ReiBackgroundJob *
rei_background_job_new (GtkWidget  *owner,
                        const char *title)
{
  g_return_val_if_fail (owner == NULL || GTK_IS_WIDGET (owner), NULL);

  return g_object_new (REI_TYPE_BACKGROUND_JOB, "owner", owner, "title", title, NULL);
}

GtkWidget *
rei_background_job_dup_owner (ReiBackgroundJob *self)
{
  g_return_val_if_fail (REI_IS_BACKGROUND_JOB (self), NULL);

  return g_weak_ref_get (&self->owner);
}

const char *
rei_background_job_get_title (ReiBackgroundJob *self)
{
  g_return_val_if_fail (REI_IS_BACKGROUND_JOB (self), NULL);

  return self->title;
}

void
rei_background_job_set_done_message (ReiBackgroundJob *self,
                                     const char       *message)
{
  g_return_if_fail (REI_IS_BACKGROUND_JOB (self));

  g_free (self->done_message);
  self->done_message = g_strdup (message);
}

void
rei_background_job_set_cancelled_message (ReiBackgroundJob *self,
                                          const char       *message)
{
  g_return_if_fail (REI_IS_BACKGROUND_JOB (self));

  g_free (self->cancelled_message);
  self->cancelled_message = g_strdup (message);
}

void
rei_background_job_set_error_title (ReiBackgroundJob *self,
                                    const char       *title)
{
  g_return_if_fail (REI_IS_BACKGROUND_JOB (self));

  g_free (self->error_title);
  self->error_title = g_strdup (title);
}

void
rei_background_job_run (ReiBackgroundJob     *self,
                        ReiBackgroundJobFunc  func,
                        gpointer              data,
                        GDestroyNotify        data_free)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (REI_IS_BACKGROUND_JOB (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!self->started);

  self->started = TRUE;
  self->func = func;
  self->data = data;
  self->data_free = data_free;

  task = g_task_new (self, self->cancellable, on_task_done_cb, NULL);
  g_task_set_source_tag (task, rei_background_job_run);
  /* Work finished just before Cancel was pressed (an import committed) is still reported. */
  g_task_set_check_cancellable (task, FALSE);

  self->running = TRUE;
  self->poll_source = g_timeout_add (POLL_INTERVAL_MS, poll_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_task_run_in_thread (task, job_thread);
}

gpointer
rei_background_job_get_data (ReiBackgroundJob *self)
{
  g_return_val_if_fail (REI_IS_BACKGROUND_JOB (self), NULL);

  return self->data;
}

void
rei_background_job_cancel (ReiBackgroundJob *self)
{
  g_return_if_fail (REI_IS_BACKGROUND_JOB (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
rei_background_job_get_cancelled (ReiBackgroundJob *self)
{
  g_return_val_if_fail (REI_IS_BACKGROUND_JOB (self), FALSE);

  return g_cancellable_is_cancelled (self->cancellable);
}

gboolean
rei_background_job_get_running (ReiBackgroundJob *self)
{
  g_return_val_if_fail (REI_IS_BACKGROUND_JOB (self), FALSE);

  return self->running;
}

double
rei_background_job_get_fraction (ReiBackgroundJob *self)
{
  g_return_val_if_fail (REI_IS_BACKGROUND_JOB (self), 0.0);

  return self->fraction;
}

const char *
rei_background_job_get_text (ReiBackgroundJob *self)
{
  g_return_val_if_fail (REI_IS_BACKGROUND_JOB (self), NULL);

  return self->text;
}

void
rei_background_job_set_fraction (ReiBackgroundJob *self,
                                 double            fraction)
{
  g_return_if_fail (REI_IS_BACKGROUND_JOB (self));

  g_atomic_int_set (&self->permille, (int) CLAMP (fraction * 1000.0, 0.0, 1000.0));
}

void
rei_background_job_set_text (ReiBackgroundJob *self,
                             const char       *text)
{
  g_return_if_fail (REI_IS_BACKGROUND_JOB (self));

  g_mutex_lock (&self->mutex);
  g_free (self->worker_text);
  self->worker_text = g_strdup (text);
  self->worker_text_changed = TRUE;
  g_mutex_unlock (&self->mutex);
}

void
rei_background_job_progress (double   fraction,
                             gpointer job)
{
  rei_background_job_set_fraction (job, fraction);
}

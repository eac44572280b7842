/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-row-feeder.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* Half a frame at 60 Hz for the whole frame (making rows, laying them out, painting): the
 * other half is the margin for a slower machine or a busier frame. */
#define TARGET_FRAME_US 8000
/* Making the rows alone stops here even if the last frame was cheap. */
#define MAKE_BUDGET_US  4000
/* A list shows this many rows and then a row that shows the rest when asked: every frame lays
 * out the whole page again, so its cost follows the number of rows on it. */
#define SHOWN_AT_FIRST  10

typedef struct
{
  GtkListBox       *list;
  GPtrArray        *items;
  ReiRowFeederFunc  func;
  gpointer          user_data;
  char             *empty_title;
  guint             next;
  guint             limit;     /* rows made before the "show all" row */
} Job;

struct _ReiRowFeeder
{
  GObject        parent_instance;

  GtkWidget     *owner;        /* weak: the owner owns the feeder */
  GQueue         jobs;
  guint          tick_id;
  GdkFrameClock *clock;
  gulong         after_paint_id;
  /* Rows made per frame, adapted to what the last frame cost. */
  guint          batch;
  gint64         frame_start;
};

G_DEFINE_FINAL_TYPE (ReiRowFeeder, rei_row_feeder, G_TYPE_OBJECT)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  g_object_unref (job->list);
  g_free (job->empty_title);
  g_free (job);
}

/* Rows this feeder made to say a list is empty are never reused for an item. */
static GtkWidget *
empty_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "rei-row-feeder-empty", GINT_TO_POINTER (TRUE));
  return row;
}

static void rei_row_feeder_restart (ReiRowFeeder *self, GtkListBox *list);

static void
on_show_all_activated_cb (GtkWidget    *row,
                          ReiRowFeeder *self)
{
  GtkWidget *list = gtk_widget_get_parent (row);

  if (!GTK_IS_LIST_BOX (list))
    return;
  g_object_set_data (G_OBJECT (list), "rei-row-feeder-all", GINT_TO_POINTER (TRUE));
  rei_row_feeder_restart (self, GTK_LIST_BOX (list));
}

static GtkWidget *
show_all_row_new (ReiRowFeeder *self,
                  guint         n)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (NULL, "Show All %u", "Show All %u", n), n);
  GtkWidget *row = empty_row_new (title);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_show_all_activated_cb), self, 0);
  return row;
}

/* Makes or updates one row; FALSE when the job is complete. */
static gboolean
job_step (ReiRowFeeder *self,
          Job          *job)
{
  GtkWidget *old, *row;
  guint shown = MIN (job->items->len, job->limit);

  if (job->next < shown)
    {
      old = GTK_WIDGET (gtk_list_box_get_row_at_index (job->list, (int) job->next));
      if (old != NULL && g_object_get_data (G_OBJECT (old), "rei-row-feeder-empty") != NULL)
        {
          gtk_list_box_remove (job->list, old);
          old = NULL;
        }
      row = job->func (old, g_ptr_array_index (job->items, job->next), job->user_data);
      if (row != old)
        {
          if (old != NULL)
            gtk_list_box_remove (job->list, old);
          gtk_list_box_insert (job->list, row, (int) job->next);
        }
      job->next++;
      return TRUE;
    }

  /* The rows past the items are of a longer list shown before. */
  while ((old = GTK_WIDGET (gtk_list_box_get_row_at_index (job->list, (int) shown))) != NULL)
    gtk_list_box_remove (job->list, old);
  if (job->items->len == 0 && job->empty_title != NULL)
    gtk_list_box_append (job->list, empty_row_new (job->empty_title));
  else if (shown < job->items->len)
    gtk_list_box_append (job->list, show_all_row_new (self, job->items->len));
  return FALSE;
}

static void
stop_ticking (ReiRowFeeder *self)
{
  if (self->tick_id != 0 && self->owner != NULL)
    gtk_widget_remove_tick_callback (self->owner, self->tick_id);
  self->tick_id = 0;
  /* A window that went away disposes its frame clock, and with it every handler on it: the
   * handler is only ours to disconnect while it is still there. */
  if (self->clock != NULL && self->after_paint_id != 0
      && g_signal_handler_is_connected (self->clock, self->after_paint_id))
    g_signal_handler_disconnect (self->clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->clock);
  self->frame_start = 0;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   ReiRowFeeder  *self)
{
  gint64 work;

  if (self->frame_start == 0)
    return;
  work = g_get_monotonic_time () - self->frame_start;
  self->frame_start = 0;
  if (work > TARGET_FRAME_US)
    self->batch = MAX (1, (guint) (self->batch * TARGET_FRAME_US / work));
  else if (work < TARGET_FRAME_US / 2)
    self->batch++;
}

static gboolean
tick_cb (GtkWidget     *owner,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  ReiRowFeeder *self = user_data;
  gint64 start = g_get_monotonic_time ();
  guint made = 0;

  while (!g_queue_is_empty (&self->jobs) && made < self->batch
         && g_get_monotonic_time () - start < MAKE_BUDGET_US)
    {
      Job *job = g_queue_peek_head (&self->jobs);

      if (job_step (self, job))
        made++;
      else
        job_free (g_queue_pop_head (&self->jobs));
    }
  /* Lists that end with no new row (emptied, or all rows reused) finish in the same frame. */
  while (!g_queue_is_empty (&self->jobs)
         && ((Job *) g_queue_peek_head (&self->jobs))->next
            >= MIN (((Job *) g_queue_peek_head (&self->jobs))->items->len, ((Job *) g_queue_peek_head (&self->jobs))->limit))
    {
      job_step (self, g_queue_peek_head (&self->jobs));
      job_free (g_queue_pop_head (&self->jobs));
    }
  self->frame_start = start;
  if (!g_queue_is_empty (&self->jobs))
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  stop_ticking (self);
  g_signal_emit (self, signals[DONE], 0);
  return G_SOURCE_REMOVE;
}

static void
start_ticking (ReiRowFeeder *self)
{
  if (self->tick_id != 0)
    return;
  self->clock = g_object_ref (gtk_widget_get_frame_clock (self->owner));
  self->after_paint_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
  self->tick_id = gtk_widget_add_tick_callback (self->owner, tick_cb, self, NULL);
}

static void
rei_row_feeder_dispose (GObject *object)
{
  ReiRowFeeder *self = REI_ROW_FEEDER (object);

  stop_ticking (self);
  g_queue_clear_full (&self->jobs, (GDestroyNotify) job_free);
  if (self->owner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->owner), (gpointer *) &self->owner);
  self->owner = NULL;
  G_OBJECT_CLASS (rei_row_feeder_parent_class)->dispose (object);
}

static void
rei_row_feeder_class_init (ReiRowFeederClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rei_row_feeder_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rei_row_feeder_init (ReiRowFeeder *self)
{
  g_queue_init (&self->jobs);
  self->batch = 2;
}

ReiRowFeeder *
rei_row_feeder_new (GtkWidget *owner)
{
  ReiRowFeeder *self = g_object_new (REI_TYPE_ROW_FEEDER, NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (owner), self);
  self->owner = owner;
  g_object_add_weak_pointer (G_OBJECT (owner), (gpointer *) &self->owner);
  return self;
}

void
rei_row_feeder_set_rows (ReiRowFeeder     *self,
                         GtkListBox       *list,
                         GPtrArray        *items,
                         ReiRowFeederFunc  func,
                         gpointer          user_data,
                         const char       *empty_title)
{
  Job *job = NULL;

  g_return_if_fail (REI_IS_ROW_FEEDER (self));
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (items != NULL && func != NULL);

  for (GList *l = self->jobs.head; l != NULL && job == NULL; l = l->next)
    if (((Job *) l->data)->list == list)
      job = l->data;
  if (job == NULL)
    {
      job = g_new0 (Job, 1);
      job->list = g_object_ref (list);
      g_queue_push_tail (&self->jobs, job);
    }
  job->items = items;
  job->func = func;
  job->user_data = user_data;
  g_free (job->empty_title);
  job->empty_title = g_strdup (empty_title);
  job->next = 0;
  job->limit = g_object_get_data (G_OBJECT (list), "rei-row-feeder-all") != NULL ? G_MAXUINT : SHOWN_AT_FIRST;
  /* What "show all" shows again; valid as long as the items. */
  g_object_set_data (G_OBJECT (list), "rei-row-feeder-items", items);
  g_object_set_data (G_OBJECT (list), "rei-row-feeder-func", func);
  g_object_set_data (G_OBJECT (list), "rei-row-feeder-user-data", user_data);

  if (self->owner != NULL && gtk_widget_get_frame_clock (self->owner) != NULL)
    {
      start_ticking (self);
      return;
    }
  /* Nothing is drawn yet: no frame to keep short. */
  while (job_step (self, job))
    ;
  g_queue_remove (&self->jobs, job);
  job_free (job);
}

static void
rei_row_feeder_restart (ReiRowFeeder *self,
                        GtkListBox   *list)
{
  GPtrArray *items = g_object_get_data (G_OBJECT (list), "rei-row-feeder-items");
  ReiRowFeederFunc func = g_object_get_data (G_OBJECT (list), "rei-row-feeder-func");

  if (items != NULL && func != NULL)
    rei_row_feeder_set_rows (self, list, items, func,
                             g_object_get_data (G_OBJECT (list), "rei-row-feeder-user-data"), NULL);
}

void
rei_row_feeder_cancel (ReiRowFeeder *self)
{
  g_return_if_fail (REI_IS_ROW_FEEDER (self));

  g_queue_clear_full (&self->jobs, (GDestroyNotify) job_free);
  stop_ticking (self);
}

gboolean
rei_row_feeder_get_busy (ReiRowFeeder *self)
{
  g_return_val_if_fail (REI_IS_ROW_FEEDER (self), FALSE);
  return !g_queue_is_empty (&self->jobs);
}

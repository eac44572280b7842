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
/* Rows a frame makes of a list not seen yet. */
#define FIRST_BATCH     2

/* A job makes the rows of a list, or (list NULL) runs one step of a showing in a frame. */
typedef struct
{
  GtkListBox       *list;
  ReiRowFeederStepFunc step;
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
  /* While a step runs, the lists it sets are queued right after it (in the order set), so the
   * page still fills from the top. */
  gboolean       in_step;
  GList         *step_link;
  /* The list whose rows the last frame made, and when that frame began: the rows a frame makes
   * are adapted per list (kept on the list, "rei-row-feeder-batch") to what its last frame
   * cost, as a review's expander row costs several goal rows. */
  GtkListBox    *frame_list;
  gint64         frame_start;
};

G_DEFINE_FINAL_TYPE (ReiRowFeeder, rei_row_feeder, G_TYPE_OBJECT)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  g_clear_object (&job->list);
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
queue_job (ReiRowFeeder *self,
           Job          *job)
{
  if (!self->in_step)
    g_queue_push_tail (&self->jobs, job);
  else if (self->step_link == NULL)
    {
      g_queue_push_head (&self->jobs, job);
      self->step_link = self->jobs.head;
    }
  else
    {
      g_queue_insert_after (&self->jobs, self->step_link, job);
      self->step_link = self->step_link->next;
    }
}

static void
run_step (ReiRowFeeder *self,
          Job          *job)
{
  self->in_step = TRUE;
  self->step_link = NULL;
  job->step (job->user_data);
  self->in_step = FALSE;
  self->step_link = NULL;
  job_free (job);
}

/* TRUE for a list job with every row made: it ends (emptied, or all rows reused) with no new
 * row, so it takes nothing from the frame. */
static gboolean
job_complete (Job *job)
{
  return job->step == NULL && job->next >= MIN (job->items->len, job->limit);
}

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
  g_clear_object (&self->frame_list);
}

static guint
get_batch (GtkListBox *list)
{
  guint batch = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), "rei-row-feeder-batch"));

  return batch > 0 ? batch : FIRST_BATCH;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   ReiRowFeeder  *self)
{
  gint64 work;
  guint batch;

  if (self->frame_start == 0 || self->frame_list == NULL)
    return;
  work = g_get_monotonic_time () - self->frame_start;
  self->frame_start = 0;
  batch = get_batch (self->frame_list);
  if (work > TARGET_FRAME_US)
    batch = MAX (1, (guint) (batch * TARGET_FRAME_US / work));
  else if (work < TARGET_FRAME_US / 2)
    batch++;
  g_object_set_data (G_OBJECT (self->frame_list), "rei-row-feeder-batch", GUINT_TO_POINTER (batch));
  g_clear_object (&self->frame_list);
}

static gboolean
tick_cb (GtkWidget     *owner,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  ReiRowFeeder *self = user_data;
  gint64 start = g_get_monotonic_time ();
  guint made = 0;
  GtkListBox *list = NULL;

  g_clear_object (&self->frame_list);
  while (!g_queue_is_empty (&self->jobs) && g_get_monotonic_time () - start < MAKE_BUDGET_US)
    {
      Job *job = g_queue_peek_head (&self->jobs);

      if (job->step != NULL)
        {
          /* A step changes a part of the page (its texts, its forms): its layout is the
           * frame's work, so it has a frame of its own, which teaches no list's batch. */
          if (made == 0)
            run_step (self, g_queue_pop_head (&self->jobs));
          list = NULL;
          break;
        }
      /* One list per frame: the next one's rows may cost more. */
      if (list != NULL && (job->list != list || made >= get_batch (list)))
        break;
      list = job->list;
      if (job_step (self, job))
        made++;
      else
        {
          job_free (g_queue_pop_head (&self->jobs));
          if (made > 0)
            break;
          list = NULL;
        }
    }
  if (list != NULL && made > 0)
    self->frame_list = g_object_ref (list);
  while (!g_queue_is_empty (&self->jobs) && job_complete (g_queue_peek_head (&self->jobs)))
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
  GList *link = NULL;
  gboolean ticking;

  g_return_if_fail (REI_IS_ROW_FEEDER (self));
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (items != NULL && func != NULL);

  ticking = self->owner != NULL && gtk_widget_get_frame_clock (self->owner) != NULL;
  for (link = self->jobs.head; link != NULL; link = link->next)
    if (((Job *) link->data)->list == list)
      {
        job = link->data;
        break;
      }
  if (job != NULL && !ticking)
    {
      /* Made at once below: out of the queue first (and out of a step's place in it). */
      if (self->step_link == link)
        self->step_link = link->prev;
      g_queue_delete_link (&self->jobs, link);
    }
  if (job == NULL)
    {
      job = g_new0 (Job, 1);
      job->list = g_object_ref (list);
      if (ticking)
        queue_job (self, job);
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

  if (ticking)
    {
      start_ticking (self);
      return;
    }
  /* Nothing is drawn yet: no frame to keep short. */
  while (job_step (self, job))
    ;
  job_free (job);
}

void
rei_row_feeder_add_step (ReiRowFeeder         *self,
                         ReiRowFeederStepFunc  func,
                         gpointer              user_data)
{
  Job *job;

  g_return_if_fail (REI_IS_ROW_FEEDER (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->step = func;
  job->user_data = user_data;
  if (self->owner != NULL && gtk_widget_get_frame_clock (self->owner) != NULL)
    {
      queue_job (self, job);
      start_ticking (self);
      return;
    }
  /* Nothing is drawn yet: the step runs now, and the lists it sets are filled at once. */
  run_step (self, job);
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-plan-page.h"

#include <glib/gi18n.h>

#include "rei-error-dialog.h"
#include "rei-store-plans.h"
#include "rei-store-residents.h"

struct _ReiPlanPage
{
  GtkWidget      parent_instance;

  ReiStore      *store;
  gint64         resident_id;
  /* Which plan is the person's is being read. */
  gboolean       finding;
  GCancellable  *cancellable;
  ReiPlanView   *view;

  /* Template widgets. */
  GtkStack      *stack;
  AdwStatusPage *none_page;
  GtkBox        *plan_box;
};

G_DEFINE_FINAL_TYPE (ReiPlanPage, rei_plan_page, GTK_TYPE_WIDGET)

typedef struct
{
  gint64  plan_id;
  char   *name;
} Found;

static void
found_free (Found *f)
{
  g_free (f->name);
  g_free (f);
}

static void
find_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReiStore *store = task_data;
  gint64 resident_id = *(gint64 *) g_object_get_data (G_OBJECT (task), "resident-id");
  g_autoptr(ReiResident) r = rei_store_get_resident (store, resident_id, NULL);
  GError *error = NULL;
  Found *f = g_new0 (Found, 1);

  f->plan_id = rei_store_find_current_plan (store, resident_id, &error);
  if (error != NULL)
    {
      found_free (f);
      g_task_return_error (task, error);
      return;
    }
  if (r != NULL)
    f->name = g_strdup_printf ("%s %s", rei_resident_get (r, REI_RESIDENT_FIRST_NAME),
                               rei_resident_get (r, REI_RESIDENT_SURNAME));
  g_task_return_pointer (task, f, (GDestroyNotify) found_free);
}

static void
find_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ReiPlanPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Found *f = g_task_propagate_pointer (G_TASK (result), &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->finding = FALSE;
  if (f == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rei_error_dialog_show (GTK_WIDGET (self), _("Cannot Read the Plan"), error->message);
      return;
    }
  if (f->plan_id != 0)
    {
      rei_plan_view_set_plan (self->view, f->plan_id);
      gtk_stack_set_visible_child_name (self->stack, "plan");
    }
  else
    {
      g_autofree char *description =
        g_strdup_printf (_("%s has no individual plan yet. Draw one up with them: the diagnosis, the goals, the services and the reviews."),
                         f->name != NULL ? f->name : "");

      adw_status_page_set_description (self->none_page, description);
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
  found_free (f);
}

static void
on_create_clicked_cb (ReiPlanPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!rei_plan_page_create_plan (self, &error))
    rei_error_dialog_show (GTK_WIDGET (self), _("Cannot Create the Plan"), error->message);
}

static void
rei_plan_page_dispose (GObject *object)
{
  ReiPlanPage *self = REI_PLAN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_PLAN_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (rei_plan_page_parent_class)->dispose (object);
}

static void
rei_plan_page_class_init (ReiPlanPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rei_plan_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/plans/rei-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, ReiPlanPage, plan_box);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
}

static void
rei_plan_page_init (ReiPlanPage *self)
{
  self->resident_id = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rei_plan_page_set_store (ReiPlanPage *self,
                         ReiStore    *store)
{
  g_return_if_fail (REI_IS_PLAN_PAGE (self));
  g_return_if_fail (REI_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  /* The view keeps its store for life, so it is made once the page has one. */
  self->view = REI_PLAN_VIEW (rei_plan_view_new (store));
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_box_append (self->plan_box, GTK_WIDGET (self->view));
}

void
rei_plan_page_set_resident (ReiPlanPage *self,
                            gint64       resident_id)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (REI_IS_PLAN_PAGE (self));

  self->resident_id = resident_id;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->finding = FALSE;
  if (resident_id <= 0 || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->finding = TRUE;
  task = g_task_new (NULL, self->cancellable, find_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, rei_plan_page_set_resident);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "resident-id", g_memdup2 (&resident_id, sizeof resident_id),
                          g_free);
  g_task_run_in_thread (task, find_thread);
}

gint64
rei_plan_page_get_resident (ReiPlanPage *self)
{
  g_return_val_if_fail (REI_IS_PLAN_PAGE (self), -1);
  return self->resident_id;
}

ReiPlanView *
rei_plan_page_get_view (ReiPlanPage *self)
{
  g_return_val_if_fail (REI_IS_PLAN_PAGE (self), NULL);
  return self->view;
}

const char *
rei_plan_page_get_state (ReiPlanPage *self)
{
  g_return_val_if_fail (REI_IS_PLAN_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
rei_plan_page_create_plan (ReiPlanPage *self,
                           GError     **error)
{
  g_return_val_if_fail (REI_IS_PLAN_PAGE (self), FALSE);

  if (self->store == NULL || self->resident_id <= 0)
    return TRUE;
  if (rei_store_create_plan (self->store, self->resident_id, NULL, NULL, error) == 0)
    return FALSE;
  rei_plan_page_set_resident (self, self->resident_id);
  return TRUE;
}

gboolean
rei_plan_page_get_finding (ReiPlanPage *self)
{
  g_return_val_if_fail (REI_IS_PLAN_PAGE (self), FALSE);
  return self->finding;
}

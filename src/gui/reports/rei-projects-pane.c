/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-projects-pane.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-report-rows.h"
#include "rei-store-reports.h"

struct _ReiProjectsPane
{
  AdwBin               parent_instance;

  ReiStore            *store;
  GPtrArray           *projects;     /* ReiProject*, parallel to the list's rows */
  gint64               selected_id;

  /* Template widgets. */
  GtkListBox          *project_list;
  ReiProjectEditor    *editor;
  ReiEnrolmentSection *enrolments;
};

G_DEFINE_FINAL_TYPE (ReiProjectsPane, rei_projects_pane, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
project_row (const ReiProject *p)
{
  g_autofree char *from = rei_date_format_display (p->start_date);
  g_autofree char *to = rei_date_format_display (p->end_date);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s – %s", p->code != NULL ? p->code : _("no code"),
                                               *from ? from : "…", *to ? to : "…");

  return rei_report_list_row_new (p->title, subtitle);
}

static void
show_project (ReiProjectsPane  *self,
              const ReiProject *p)
{
  self->selected_id = p != NULL ? p->id : 0;
  rei_project_editor_set_project (self->editor, p);
  rei_enrolment_section_set_project (self->enrolments, p);
}

static void
on_project_activated_cb (ReiProjectsPane *self,
                         GtkListBoxRow   *row)
{
  int i = gtk_list_box_row_get_index (row);

  if (self->projects != NULL && i >= 0 && (guint) i < self->projects->len)
    show_project (self, g_ptr_array_index (self->projects, i));
}

static void
on_editor_saved_cb (ReiProjectsPane *self,
                    gint64           id)
{
  self->selected_id = id;
  rei_projects_pane_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_editor_deleted_cb (ReiProjectsPane *self,
                      gint64           id)
{
  self->selected_id = 0;
  rei_projects_pane_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_enrolments_changed_cb (ReiProjectsPane *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ReiProjectsPane *self = REI_PROJECTS_PANE (widget);

  gtk_list_box_unselect_all (self->project_list);
  show_project (self, NULL);
}

static void
rei_projects_pane_dispose (GObject *object)
{
  ReiProjectsPane *self = REI_PROJECTS_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_PROJECTS_PANE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->projects, g_ptr_array_unref);
  G_OBJECT_CLASS (rei_projects_pane_parent_class)->dispose (object);
}

static void
rei_projects_pane_class_init (ReiProjectsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_projects_pane_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  g_type_ensure (REI_TYPE_PROJECT_EDITOR);
  g_type_ensure (REI_TYPE_ENROLMENT_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/reports/rei-projects-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiProjectsPane, project_list);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectsPane, editor);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectsPane, enrolments);
  gtk_widget_class_bind_template_callback (widget_class, on_project_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enrolments_changed_cb);

  gtk_widget_class_install_action (widget_class, "projects.new", NULL, new_action);
}

static void
rei_projects_pane_init (ReiProjectsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Reads the projects into the list, selecting the one of selected_id; returns it (NULL when it
 * is not there). */
static const ReiProject *
fill_list (ReiProjectsPane *self)
{
  GtkWidget *child;
  const ReiProject *selected = NULL;
  GtkListBoxRow *selected_row = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->project_list))) != NULL)
    gtk_list_box_remove (self->project_list, child);
  g_clear_pointer (&self->projects, g_ptr_array_unref);
  if (self->store != NULL)
    self->projects = rei_store_list_projects (self->store, NULL);
  for (guint i = 0; self->projects != NULL && i < self->projects->len; i++)
    {
      ReiProject *p = g_ptr_array_index (self->projects, i);
      GtkWidget *row = project_row (p);

      gtk_list_box_append (self->project_list, row);
      if (p->id == self->selected_id)
        {
          selected = p;
          selected_row = GTK_LIST_BOX_ROW (row);
        }
    }
  if (selected_row != NULL)
    gtk_list_box_select_row (self->project_list, selected_row);
  return selected;
}

void
rei_projects_pane_set_store (ReiProjectsPane *self,
                             ReiStore        *store)
{
  g_return_if_fail (REI_IS_PROJECTS_PANE (self));

  g_set_object (&self->store, store);
  /* Both empty their forms when given the store, so the list is read without emptying them a
   * second time: the editor's partners' and thresholds' rows, made twice, were a third of
   * making the pane (on the Projects tab's first opening). */
  rei_project_editor_set_store (self->editor, store);
  rei_enrolment_section_set_store (self->enrolments, store);
  self->selected_id = 0;
  fill_list (self);
}

void
rei_projects_pane_reload (ReiProjectsPane *self)
{
  const ReiProject *selected;

  g_return_if_fail (REI_IS_PROJECTS_PANE (self));

  selected = fill_list (self);
  /* A project just saved keeps its form (the editor shows it already); its participants'
   * section needs the period as stored. */
  if (selected != NULL)
    rei_enrolment_section_set_project (self->enrolments, selected);
  else
    show_project (self, NULL);
}

gboolean
rei_projects_pane_select (ReiProjectsPane *self,
                          gint64           project_id)
{
  g_return_val_if_fail (REI_IS_PROJECTS_PANE (self), FALSE);

  for (guint i = 0; self->projects != NULL && i < self->projects->len; i++)
    if (((ReiProject *) g_ptr_array_index (self->projects, i))->id == project_id)
      {
        gtk_list_box_select_row (self->project_list, gtk_list_box_get_row_at_index (self->project_list, (int) i));
        show_project (self, g_ptr_array_index (self->projects, i));
        return TRUE;
      }
  return FALSE;
}

GtkListBox *
rei_projects_pane_get_list (ReiProjectsPane *self)
{
  return self->project_list;
}

ReiProjectEditor *
rei_projects_pane_get_editor (ReiProjectsPane *self)
{
  return self->editor;
}

ReiEnrolmentSection *
rei_projects_pane_get_enrolments (ReiProjectsPane *self)
{
  return self->enrolments;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-project-editor.h"

#include <glib/gi18n.h>

#include "rei-check-expander.h"
#include "rei-date.h"
#include "rei-money.h"
#include "rei-partner.h"
#include "rei-report-rules.h"
#include "rei-reports-confirm.h"
#include "rei-store-network.h"

struct _ReiProjectEditor
{
  AdwBin            parent_instance;

  ReiStore         *store;
  ReiProject       *project;         /* as loaded: the id to update */
  ReiCheckExpander *partners;        /* the network's partners, by name, under partners_row */
  GPtrArray        *task_rows;       /* AdwEntryRow*, with a GtkDropDown as data "partner" */
  GtkStringList    *partner_names;   /* for the tasks: "The centre itself", then the network */
  GPtrArray        *threshold_rows;  /* AdwEntryRow*, the indicator's code as data "code" */

  /* Template widgets. */
  AdwPreferencesGroup *project_group;
  AdwEntryRow      *code_row;
  AdwEntryRow      *title_row;
  AdwEntryRow      *programme_row;
  AdwEntryRow      *applicant_row;
  AdwEntryRow      *start_row;
  AdwEntryRow      *end_row;
  AdwEntryRow      *women_row;
  AdwEntryRow      *men_row;
  AdwEntryRow      *value_row;
  AdwEntryRow      *grant_row;
  GtkLabel         *message_label;
  AdwExpanderRow   *partners_row;
  GtkListBox       *tasks_list;
  GtkListBox       *thresholds_list;
};

G_DEFINE_FINAL_TYPE (ReiProjectEditor, rei_project_editor, ADW_TYPE_BIN)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (ReiProjectEditor *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_money (AdwEntryRow *row,
           gint64       grosze)
{
  g_autofree char *text = grosze >= 0 ? rei_money_format (grosze) : NULL;

  rei_reports_set_text (row, text);
}

static void
set_count (AdwEntryRow *row,
           int          value)
{
  g_autofree char *text = value >= 0 ? g_strdup_printf ("%d", value) : NULL;

  rei_reports_set_text (row, text);
}

static void
set_date (AdwEntryRow *row,
          const char  *iso)
{
  g_autofree char *text = iso != NULL ? rei_date_format_display (iso) : NULL;

  rei_reports_set_text (row, text);
}

/* ---------------------------------------------------------------------------------------------
 * Partners and tasks
 * ------------------------------------------------------------------------------------------- */

/* The network's partners, read again for every project shown (the Network page may have added
 * one since): a check each under the expander (made when it is opened), and the choices of every
 * task's drop-down.  The drop-downs of tasks already shown keep the list they were made with. */
static void
fill_partners (ReiProjectEditor *self)
{
  g_autoptr(GPtrArray) partners = NULL;

  if (self->store == NULL)
    return;
  rei_check_expander_clear (self->partners);
  g_clear_object (&self->partner_names);
  self->partner_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->partner_names, _("The centre itself"));
  partners = rei_store_list_partners (self->store, NULL);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      const char *name = rei_partner_get_name (g_ptr_array_index (partners, i));

      rei_check_expander_add (self->partners, name, name);
      gtk_string_list_append (self->partner_names, name);
    }
}

static void
renumber_tasks (ReiProjectEditor *self)
{
  for (guint i = 0; i < self->task_rows->len; i++)
    {
      /* TRANSLATORS: the tasks of a project are numbered as in the funding application. */
      g_autofree char *title = g_strdup_printf (_("Task %u"), i + 1);
      adw_preferences_row_set_title (g_ptr_array_index (self->task_rows, i), title);
    }
}

static void
on_remove_task_clicked_cb (GtkButton        *button,
                           ReiProjectEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  g_ptr_array_remove (self->task_rows, row);
  gtk_list_box_remove (self->tasks_list, row);
  renumber_tasks (self);
}

void
rei_project_editor_add_task (ReiProjectEditor *self,
                             const char       *title,
                             const char       *partner)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *dropdown;
  GtkWidget *remove;
  guint selected = 0;

  g_return_if_fail (REI_IS_PROJECT_EDITOR (self));

  if (self->partner_names == NULL)
    {
      self->partner_names = gtk_string_list_new (NULL);
      gtk_string_list_append (self->partner_names, _("The centre itself"));
    }
  for (guint i = 1; partner != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->partner_names)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->partner_names, i), partner) == 0)
      selected = i;
  if (partner != NULL && selected == 0)
    {
      /* A partner that left the network since: keep it rather than change the task. */
      gtk_string_list_append (self->partner_names, partner);
      selected = g_list_model_get_n_items (G_LIST_MODEL (self->partner_names)) - 1;
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->partner_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Who carries out the task"));
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove the task"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_task_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), dropdown);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "partner", dropdown);
  gtk_editable_set_text (GTK_EDITABLE (row), title != NULL ? title : "");
  gtk_list_box_append (self->tasks_list, row);
  g_ptr_array_add (self->task_rows, row);
  renumber_tasks (self);
}

static void
clear_tasks (ReiProjectEditor *self)
{
  for (guint i = 0; i < self->task_rows->len; i++)
    gtk_list_box_remove (self->tasks_list, g_ptr_array_index (self->task_rows, i));
  g_ptr_array_set_size (self->task_rows, 0);
}

/* ---------------------------------------------------------------------------------------------
 * Indicator thresholds
 * ------------------------------------------------------------------------------------------- */

/* A row per definition a project's report shows (scope 'projekt' or none), read again for every
 * project shown (the Definitions pane may have changed them); each row holds the project's own
 * threshold, empty when the definition's applies. */
static void
fill_thresholds (ReiProjectEditor *self,
                 gint64            project_id)
{
  g_autoptr(GPtrArray) defs = NULL;
  g_autoptr(GHashTable) own = NULL;

  for (guint i = 0; i < self->threshold_rows->len; i++)
    gtk_list_box_remove (self->thresholds_list, g_ptr_array_index (self->threshold_rows, i));
  g_ptr_array_set_size (self->threshold_rows, 0);
  if (self->store == NULL)
    return;

  defs = rei_store_list_indicator_defs (self->store, NULL);
  if (project_id > 0)
    own = rei_store_get_project_thresholds (self->store, project_id, NULL);
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      ReiIndicatorDef *d = g_ptr_array_index (defs, i);
      const double *value = own != NULL ? g_hash_table_lookup (own, d->code) : NULL;
      g_autofree char *title = NULL;
      g_autofree char *text = value != NULL ? g_strdup_printf ("%g", *value) : NULL;
      GtkWidget *row;

      if (g_strcmp0 (d->scope, "rok") == 0)
        continue;
      if (d->threshold >= 0)
        /* TRANSLATORS: an indicator's label and the threshold its definition sets. */
        title = g_strdup_printf (_("%s (definition: %g %%)"), d->label, d->threshold);
      else
        /* TRANSLATORS: an indicator's label; its definition sets no threshold. */
        title = g_strdup_printf (_("%s (definition: none)"), d->label);
      row = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (d->code), g_free);
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      gtk_list_box_append (self->thresholds_list, row);
      g_ptr_array_add (self->threshold_rows, row);
    }
}

void
rei_project_editor_set_threshold_text (ReiProjectEditor *self,
                                       const char       *indicator_code,
                                       const char       *text)
{
  g_return_if_fail (REI_IS_PROJECT_EDITOR (self));

  for (guint i = 0; i < self->threshold_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->threshold_rows, i);

      if (g_strcmp0 (g_object_get_data (row, "code"), indicator_code) == 0)
        gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
    }
}

/* ---------------------------------------------------------------------------------------------
 * Reading the form
 * ------------------------------------------------------------------------------------------- */

static ReiProject *
read_form (ReiProjectEditor  *self,
           GPtrArray         *tasks,
           GError           **error)
{
  g_autoptr(ReiProject) p = rei_project_new ();

  p->id = self->project != NULL ? self->project->id : 0;
  p->code = rei_reports_read_text (self->code_row);
  p->title = rei_reports_read_text (self->title_row);
  p->programme = rei_reports_read_text (self->programme_row);
  p->applicant = rei_reports_read_text (self->applicant_row);
  if (!rei_reports_read_date (self->start_row, &p->start_date, error)
      || !rei_reports_read_date (self->end_row, &p->end_date, error)
      || !rei_reports_read_count (self->women_row, &p->target_women, error)
      || !rei_reports_read_count (self->men_row, &p->target_men, error)
      || !rei_reports_read_money (self->value_row, &p->total_value, error)
      || !rei_reports_read_money (self->grant_row, &p->grant_value, error))
    return NULL;

  p->partners = rei_check_expander_get_ticked (self->partners);

  for (guint i = 0; i < self->task_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->task_rows, i);
      GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), "partner");
      guint chosen = gtk_drop_down_get_selected (dropdown);
      ReiProjectTask *t = g_new0 (ReiProjectTask, 1);

      t->number = (int) i + 1;
      t->title = rei_reports_read_text (row);
      t->partner = chosen > 0 && chosen != GTK_INVALID_LIST_POSITION
                   ? g_strdup (gtk_string_list_get_string (self->partner_names, chosen)) : NULL;
      g_ptr_array_add (tasks, t);
    }

  /* Every shown row is written, so an emptied row removes the project's own threshold. */
  p->thresholds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->threshold_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->threshold_rows, i);
      double value;

      if (!rei_reports_read_percent (row, &value, error))
        return NULL;
      rei_project_set_threshold (p, g_object_get_data (G_OBJECT (row), "code"), value);
    }
  return g_steal_pointer (&p);
}

/* ---------------------------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rei_project_editor_save (REI_PROJECT_EDITOR (widget), NULL);
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rei_project_editor_add_task (REI_PROJECT_EDITOR (widget), NULL, NULL);
}

static void
delete_confirmed (GtkWidget *widget,
                  gpointer   data)
{
  ReiProjectEditor *self = REI_PROJECT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = rei_project_editor_get_project_id (self);

  if (id <= 0 || !rei_store_delete_project (self->store, id, &error))
    {
      show_message (self, error != NULL ? error->message : NULL);
      return;
    }
  rei_project_editor_set_project (self, NULL);
  g_signal_emit (self, signals[DELETED], 0, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiProjectEditor *self = REI_PROJECT_EDITOR (widget);
  g_autofree char *heading = NULL;

  if (rei_project_editor_get_project_id (self) <= 0)
    return;
  /* TRANSLATORS: %s is the project's code or title. */
  heading = g_strdup_printf (_("Delete Project %s?"),
                             self->project->code != NULL ? self->project->code : self->project->title);
  rei_reports_confirm_delete (widget, heading,
                              _("Its tasks and the enrolments of its participants are deleted with it. "
                                "The residents stay in the register."),
                              delete_confirmed, NULL, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------------- */

static void
rei_project_editor_dispose (GObject *object)
{
  ReiProjectEditor *self = REI_PROJECT_EDITOR (object);

  g_clear_object (&self->partners);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_PROJECT_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->partner_names);
  g_clear_pointer (&self->project, rei_project_free);
  g_clear_pointer (&self->task_rows, g_ptr_array_unref);
  g_clear_pointer (&self->threshold_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (rei_project_editor_parent_class)->dispose (object);
}

static void
rei_project_editor_class_init (ReiProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_project_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/reports/rei-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, project_group);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, programme_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, applicant_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, women_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, men_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, grant_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, partners_row);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, tasks_list);
  gtk_widget_class_bind_template_child (widget_class, ReiProjectEditor, thresholds_list);

  gtk_widget_class_install_action (widget_class, "project.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "project.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "project.add-task", NULL, add_task_action);
}

static void
rei_project_editor_init (ReiProjectEditor *self)
{
  self->task_rows = g_ptr_array_new ();
  self->threshold_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->partners = rei_check_expander_new (self->partners_row, ", ", _("None chosen"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.delete", FALSE);
}

/* ---------------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------------- */

GtkWidget *
rei_project_editor_new (void)
{
  return g_object_new (REI_TYPE_PROJECT_EDITOR, NULL);
}

void
rei_project_editor_set_store (ReiProjectEditor *self,
                              ReiStore         *store)
{
  g_return_if_fail (REI_IS_PROJECT_EDITOR (self));

  g_set_object (&self->store, store);
  rei_project_editor_set_project (self, NULL);
}

void
rei_project_editor_set_project (ReiProjectEditor *self,
                                const ReiProject *project)
{
  g_autoptr(GPtrArray) tasks = NULL;

  g_return_if_fail (REI_IS_PROJECT_EDITOR (self));

  g_clear_pointer (&self->project, rei_project_free);
  if (project != NULL)
    {
      self->project = rei_project_new ();
      self->project->id = project->id;
      self->project->code = g_strdup (project->code);
      self->project->title = g_strdup (project->title);
    }
  fill_partners (self);
  show_message (self, NULL);
  adw_preferences_group_set_title (self->project_group, project != NULL ? _("Project") : _("New Project"));
  rei_reports_set_text (self->code_row, project != NULL ? project->code : NULL);
  rei_reports_set_text (self->title_row, project != NULL ? project->title : NULL);
  rei_reports_set_text (self->programme_row, project != NULL ? project->programme : NULL);
  rei_reports_set_text (self->applicant_row, project != NULL ? project->applicant : NULL);
  set_date (self->start_row, project != NULL ? project->start_date : NULL);
  set_date (self->end_row, project != NULL ? project->end_date : NULL);
  set_count (self->women_row, project != NULL ? project->target_women : -1);
  set_count (self->men_row, project != NULL ? project->target_men : -1);
  set_money (self->value_row, project != NULL ? project->total_value : -1);
  set_money (self->grant_row, project != NULL ? project->grant_value : -1);
  rei_check_expander_set_ticked (self->partners, project != NULL ? (const char * const *) project->partners : NULL);

  clear_tasks (self);
  if (project != NULL && project->id > 0 && self->store != NULL)
    tasks = rei_store_list_project_tasks (self->store, project->id, NULL);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      ReiProjectTask *t = g_ptr_array_index (tasks, i);
      rei_project_editor_add_task (self, t->title, t->partner);
    }
  fill_thresholds (self, project != NULL ? project->id : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.delete", project != NULL && project->id > 0);
}

gint64
rei_project_editor_get_project_id (ReiProjectEditor *self)
{
  g_return_val_if_fail (REI_IS_PROJECT_EDITOR (self), 0);
  return self->project != NULL ? self->project->id : 0;
}

gboolean
rei_project_editor_save (ReiProjectEditor  *self,
                         GError           **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_project_task_free);
  g_autoptr(ReiProject) p = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (REI_IS_PROJECT_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  p = read_form (self, tasks, &local);
  if (p != NULL && !rei_project_check (p, &local))
    {
      if (g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_REQUIRED))
        rei_reports_mark_error (GTK_WIDGET (self->code_row), TRUE);
      else if (g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_TITLE_REQUIRED))
        rei_reports_mark_error (GTK_WIDGET (self->title_row), TRUE);
      else if (g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_ENDS_BEFORE_START))
        rei_reports_mark_error (GTK_WIDGET (self->end_row), TRUE);
      else if (g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_GRANT_TOO_LARGE))
        rei_reports_mark_error (GTK_WIDGET (self->grant_row), TRUE);
      g_clear_pointer (&p, rei_project_free);
    }
  if (p == NULL || !rei_store_save_project_with_tasks (self->store, p, tasks, &local))
    {
      show_message (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* Shown again as stored: the money formatted, the tasks numbered. */
  rei_project_editor_set_project (self, p);
  g_signal_emit (self, signals[SAVED], 0, p->id);
  return TRUE;
}

const char *
rei_project_editor_get_message (ReiProjectEditor *self)
{
  g_return_val_if_fail (REI_IS_PROJECT_EDITOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : NULL;
}

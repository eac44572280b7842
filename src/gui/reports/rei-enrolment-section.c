/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-enrolment-section.h"

#include <glib/gi18n.h>

#include "rei-code-combo-row.h"
#include "rei-date.h"
#include "rei-report-rules.h"
#include "rei-reports-confirm.h"
#include "rei-resident-query.h"
#include "rei-store-residents.h"

/* A search shows the first few; typing more narrows it. */
#define MAX_FOUND 20

struct _ReiEnrolmentSection
{
  AdwBin            parent_instance;

  ReiStore         *store;
  ReiProject       *project;
  GPtrArray        *enrolments;     /* ReiEnrolment*, as listed */
  GStrv             statuses;       /* code, label, …: the situations after leaving */
  ReiEnrolment     *editing;        /* the enrolment in the form; resident_id 0 until chosen */
  GCancellable     *list_cancellable;
  GCancellable     *search_cancellable;
  guint             search_timeout;

  /* Template widgets. */
  AdwPreferencesGroup *list_group;
  GtkListBox       *enrolment_list;
  AdwPreferencesGroup *form_group;
  AdwEntryRow      *search_row;
  GtkListBox       *results_list;
  AdwActionRow     *person_row;
  AdwEntryRow      *joined_row;
  AdwEntryRow      *left_row;
  ReiCodeComboRow  *path_row;
  ReiCodeComboRow  *status_row;
  ReiCodeComboRow  *progress_row;
  GtkLabel         *message_label;
};

G_DEFINE_FINAL_TYPE (ReiEnrolmentSection, rei_enrolment_section, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_list (ReiEnrolmentSection *self);

static void
show_message (ReiEnrolmentSection *self,
              const char          *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
flag_code (int value)
{
  return value == 1 ? "tak" : value == 0 ? "nie" : NULL;
}

static int
flag_value (ReiCodeComboRow *row)
{
  const char *code = rei_code_combo_row_get_code (row);

  return code == NULL ? -1 : g_str_equal (code, "tak") ? 1 : 0;
}

static void
update_actions (ReiEnrolmentSection *self)
{
  gboolean open = self->editing != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enrolment.new", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enrolment.save", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enrolment.remove", open && self->editing->id > 0);
}

/* The form for an enrolment (a copy), or closed for NULL. */
static void
open_form (ReiEnrolmentSection *self,
           const ReiEnrolment  *e)
{
  g_clear_pointer (&self->editing, rei_enrolment_free);
  show_message (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), e != NULL);
  if (e != NULL)
    {
      g_autofree char *joined = rei_date_format_display (e->joined_on);
      g_autofree char *left = rei_date_format_display (e->left_on);
      g_autofree char *who = NULL;

      self->editing = rei_enrolment_new ();
      self->editing->id = e->id;
      self->editing->resident_id = e->resident_id;
      self->editing->project_id = self->project->id;
      /* The person of a saved enrolment is fixed: another person is another enrolment. */
      gtk_widget_set_visible (GTK_WIDGET (self->search_row), e->id == 0);
      gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
      rei_reports_set_text (self->search_row, NULL);
      if (e->resident_id > 0)
        who = g_strdup_printf ("%s %s · %s", e->surname, e->first_name, e->pesel ? e->pesel : _("no PESEL"));
      adw_action_row_set_subtitle (self->person_row, who != NULL ? who : _("Find the person above"));
      adw_preferences_group_set_title (self->form_group, e->id > 0 ? _("Participant") : _("New Participant"));
      rei_reports_set_text (self->joined_row, joined);
      rei_reports_set_text (self->left_row, left);
      rei_code_combo_row_set_code (self->path_row, flag_code (e->path_completed));
      rei_code_combo_row_set_code (self->status_row, e->status_after);
      rei_code_combo_row_set_code (self->progress_row, flag_code (e->social_progress));
    }
  update_actions (self);
}

/* ---------------------------------------------------------------------------------------------
 * The list, read in a thread
 * ------------------------------------------------------------------------------------------- */

static const char *
status_label (ReiEnrolmentSection *self,
              const char          *code)
{
  for (guint i = 0; self->statuses != NULL && self->statuses[i] != NULL && self->statuses[i + 1] != NULL; i += 2)
    if (g_str_equal (self->statuses[i], code))
      return self->statuses[i + 1];
  return code;
}

static GtkWidget *
enrolment_row (ReiEnrolmentSection *self,
               const ReiEnrolment  *e)
{
  g_autofree char *title = g_strdup_printf ("%s %s", e->surname, e->first_name);
  g_autofree char *joined = rei_date_format_display (e->joined_on);
  g_autofree char *left = rei_date_format_display (e->left_on);
  g_autoptr(GString) subtitle = g_string_new (e->pesel != NULL ? e->pesel : _("no PESEL"));
  GtkWidget *row = adw_action_row_new ();

  g_string_append_printf (subtitle, " · %s – %s", joined, *left ? left : "…");
  if (e->path_completed == 1)
    g_string_append_printf (subtitle, " · %s", _("path completed"));
  if (e->status_after != NULL)
    g_string_append_printf (subtitle, " · %s", status_label (self, e->status_after));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "resident", g_memdup2 (&e->resident_id, sizeof e->resident_id), g_free);
  return row;
}

static void
show_list (ReiEnrolmentSection *self)
{
  g_autofree char *title = NULL;
  guint n = self->enrolments != NULL ? self->enrolments->len : 0;

  clear_list (self->enrolment_list);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->enrolment_list, enrolment_row (self, g_ptr_array_index (self->enrolments, i)));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
  adw_preferences_group_set_description (self->list_group, self->project != NULL ? title : NULL);
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReiStore *store = task_data;
  GError *error = NULL;
  GPtrArray *list = rei_store_list_enrolments (store, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "project")),
                                               cancellable, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReiEnrolmentSection *self = REI_ENROLMENT_SECTION (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *list = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->list_cancellable)
    {
      g_clear_pointer (&list, g_ptr_array_unref);
      return;
    }
  g_clear_object (&self->list_cancellable);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  self->enrolments = list;
  show_list (self);
  if (error != NULL)
    show_message (self, error->message);
}

static void
load_list (ReiEnrolmentSection *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->list_cancellable != NULL)
    g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  if (self->store == NULL || self->project == NULL)
    {
      g_clear_pointer (&self->enrolments, g_ptr_array_unref);
      show_list (self);
      return;
    }
  self->list_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->list_cancellable, list_done, NULL);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_object_set_data (G_OBJECT (task), "project", GSIZE_TO_POINTER ((gsize) self->project->id));
  g_task_run_in_thread (task, list_thread);
}

static void
on_enrolment_activated_cb (ReiEnrolmentSection *self,
                           GtkListBoxRow       *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "resident");

  if (id != NULL)
    rei_enrolment_section_edit (self, *id);
}

/* ---------------------------------------------------------------------------------------------
 * The search, in a thread
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *surname;
  char   *first_name;
  char   *pesel;
} Found;

static void
found_free (gpointer p)
{
  Found *f = p;

  if (f == NULL)
    return;
  g_free (f->surname);
  g_free (f->first_name);
  g_free (f->pesel);
  g_free (f);
}

static gboolean
collect_found (ReiResident *resident,
               gpointer     user_data)
{
  GPtrArray *found = user_data;
  Found *f = g_new0 (Found, 1);
  const char *pesel = rei_resident_get_pesel (resident);

  f->id = rei_resident_get_id (resident);
  f->surname = g_strdup (rei_resident_get_surname (resident));
  f->first_name = g_strdup (rei_resident_get_first_name (resident));
  f->pesel = pesel != NULL && *pesel ? g_strdup (pesel) : NULL;
  g_ptr_array_add (found, f);
  return found->len < MAX_FOUND;
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReiStore *store = g_object_get_data (G_OBJECT (task), "store");
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (found_free);
  GError *error = NULL;

  query->search = g_strdup (task_data);
  query->sort = REI_RESIDENT_SORT_NAME;
  if (!rei_store_foreach_resident (store, query, collect_found, found, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
}

static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReiEnrolmentSection *self = REI_ENROLMENT_SECTION (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->search_cancellable)
    return;
  g_clear_object (&self->search_cancellable);
  clear_list (self->results_list);
  if (error != NULL)
    {
      show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = g_ptr_array_index (found, i);
      g_autofree char *title = g_strdup_printf ("%s %s", f->surname, f->first_name);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), f->pesel != NULL ? f->pesel : _("no PESEL"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* The row owns it now. */
      g_object_set_data_full (G_OBJECT (row), "found", f, found_free);
      found->pdata[i] = NULL;
      gtk_list_box_append (self->results_list, row);
    }
  if (found->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody in the register matches"));
      gtk_list_box_append (self->results_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), TRUE);
}

void
rei_enrolment_section_search (ReiEnrolmentSection *self,
                              const char          *text)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_if_fail (REI_IS_ENROLMENT_SECTION (self));

  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->store == NULL || g_utf8_strlen (trimmed, -1) < 2)
    {
      clear_list (self->results_list);
      gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
      return;
    }
  self->search_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->search_cancellable, search_done, NULL);
  g_task_set_task_data (task, g_steal_pointer (&trimmed), g_free);
  g_object_set_data_full (G_OBJECT (task), "store", g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, search_thread);
}

static gboolean
search_after_typing (gpointer data)
{
  ReiEnrolmentSection *self = data;

  self->search_timeout = 0;
  rei_enrolment_section_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_row)));
  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (ReiEnrolmentSection *self)
{
  /* A query per key stroke over 100 000 people would queue up: wait for a pause. */
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  self->search_timeout = g_timeout_add (250, search_after_typing, self);
}

static void
on_result_activated_cb (ReiEnrolmentSection *self,
                        GtkListBoxRow       *row)
{
  Found *f = g_object_get_data (G_OBJECT (row), "found");

  if (f != NULL)
    rei_enrolment_section_choose (self, f->id);
}

/* ---------------------------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ReiEnrolmentSection *self = REI_ENROLMENT_SECTION (widget);
  g_autoptr(ReiEnrolment) e = rei_enrolment_new ();

  if (self->project == NULL)
    return;
  /* Most join on the first day of the project. */
  e->joined_on = g_strdup (self->project->start_date);
  open_form (self, e);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rei_enrolment_section_save (REI_ENROLMENT_SECTION (widget), NULL);
}

static void
on_undo_remove_cb (AdwToast            *toast,
                   ReiEnrolmentSection *self)
{
  ReiEnrolment *e = g_object_get_data (G_OBJECT (toast), "enrolment");
  g_autoptr(GError) error = NULL;

  e->id = 0;
  if (!rei_store_save_enrolment (self->store, e, &error))
    show_message (self, error->message);
  load_list (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_confirmed (GtkWidget *widget,
                  gpointer   data)
{
  ReiEnrolmentSection *self = REI_ENROLMENT_SECTION (widget);
  ReiEnrolment *e = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  ReiEnrolment *copy;
  AdwToast *toast;

  if (!rei_store_delete_enrolment (self->store, e->resident_id, e->project_id, &error))
    {
      show_message (self, error->message);
      return;
    }
  copy = rei_enrolment_new ();
  copy->resident_id = e->resident_id;
  copy->project_id = e->project_id;
  copy->joined_on = g_strdup (e->joined_on);
  copy->left_on = g_strdup (e->left_on);
  copy->path_completed = e->path_completed;
  copy->status_after = g_strdup (e->status_after);
  copy->social_progress = e->social_progress;
  /* TRANSLATORS: a toast after removing somebody from a project; %s is the name. */
  title = g_strdup_printf (_("%s removed from the project"), e->surname != NULL ? e->surname : "");
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "enrolment", copy, (GDestroyNotify) rei_enrolment_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  rei_reports_add_toast (widget, toast);

  open_form (self, NULL);
  load_list (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiEnrolmentSection *self = REI_ENROLMENT_SECTION (widget);
  ReiEnrolment *e = NULL;
  g_autofree char *heading = NULL;
  ReiEnrolment *data;

  if (self->editing == NULL || self->editing->id <= 0)
    return;
  for (guint i = 0; self->enrolments != NULL && i < self->enrolments->len; i++)
    if (((ReiEnrolment *) g_ptr_array_index (self->enrolments, i))->id == self->editing->id)
      e = g_ptr_array_index (self->enrolments, i);
  if (e == NULL)
    return;
  data = rei_enrolment_new ();
  data->resident_id = e->resident_id;
  data->project_id = self->project->id;
  data->joined_on = g_strdup (e->joined_on);
  data->left_on = g_strdup (e->left_on);
  data->path_completed = e->path_completed;
  data->status_after = g_strdup (e->status_after);
  data->social_progress = e->social_progress;
  data->surname = g_strdup_printf ("%s %s", e->surname, e->first_name);
  /* TRANSLATORS: %s is the person's name. */
  heading = g_strdup_printf (_("Remove %s from the Project?"), data->surname);
  rei_reports_confirm_delete (widget, heading,
                              _("The enrolment with its dates and results is deleted; the person stays in the register."),
                              remove_confirmed, data, (GDestroyNotify) rei_enrolment_free);
}

/* ---------------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------------- */

static void
rei_enrolment_section_dispose (GObject *object)
{
  ReiEnrolmentSection *self = REI_ENROLMENT_SECTION (object);

  if (self->list_cancellable != NULL)
    g_cancellable_cancel (self->list_cancellable);
  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_ENROLMENT_SECTION);
  g_clear_object (&self->store);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->project, rei_project_free);
  g_clear_pointer (&self->enrolments, g_ptr_array_unref);
  g_clear_pointer (&self->editing, rei_enrolment_free);
  g_clear_pointer (&self->statuses, g_strfreev);
  G_OBJECT_CLASS (rei_enrolment_section_parent_class)->dispose (object);
}

static void
rei_enrolment_section_class_init (ReiEnrolmentSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_enrolment_section_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/reports/rei-enrolment-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, list_group);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, enrolment_list);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, form_group);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, search_row);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, results_list);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, person_row);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, joined_row);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, left_row);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, path_row);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, status_row);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, progress_row);
  gtk_widget_class_bind_template_child (widget_class, ReiEnrolmentSection, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_enrolment_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "enrolment.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "enrolment.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "enrolment.remove", NULL, remove_action);
}

static void
rei_enrolment_section_init (ReiEnrolmentSection *self)
{
  const char *flags[] = { "tak", _("Yes"), "nie", _("No"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  rei_code_combo_row_set_choices (self->path_row, flags);
  rei_code_combo_row_set_choices (self->progress_row, flags);
  update_actions (self);
}

/* ---------------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------------- */

void
rei_enrolment_section_set_store (ReiEnrolmentSection *self,
                                 ReiStore            *store)
{
  g_return_if_fail (REI_IS_ENROLMENT_SECTION (self));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->statuses, g_strfreev);
  if (store != NULL)
    self->statuses = rei_store_list_statuses_after (store, NULL);
  if (self->statuses != NULL)
    rei_code_combo_row_set_choices (self->status_row, (const char * const *) self->statuses);
  rei_enrolment_section_set_project (self, NULL);
}

void
rei_enrolment_section_set_project (ReiEnrolmentSection *self,
                                   const ReiProject    *project)
{
  g_return_if_fail (REI_IS_ENROLMENT_SECTION (self));

  g_clear_pointer (&self->project, rei_project_free);
  if (project != NULL && project->id > 0)
    {
      self->project = rei_project_new ();
      self->project->id = project->id;
      self->project->code = g_strdup (project->code);
      self->project->title = g_strdup (project->title);
      self->project->start_date = g_strdup (project->start_date);
      self->project->end_date = g_strdup (project->end_date);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->project != NULL);
  open_form (self, NULL);
  load_list (self);
}

gboolean
rei_enrolment_section_get_busy (ReiEnrolmentSection *self)
{
  g_return_val_if_fail (REI_IS_ENROLMENT_SECTION (self), FALSE);
  return self->list_cancellable != NULL || self->search_cancellable != NULL || self->search_timeout != 0;
}

GPtrArray *
rei_enrolment_section_get_enrolments (ReiEnrolmentSection *self)
{
  g_return_val_if_fail (REI_IS_ENROLMENT_SECTION (self), NULL);
  return self->enrolments;
}

gboolean
rei_enrolment_section_edit (ReiEnrolmentSection *self,
                            gint64               resident_id)
{
  g_return_val_if_fail (REI_IS_ENROLMENT_SECTION (self), FALSE);

  for (guint i = 0; self->enrolments != NULL && i < self->enrolments->len; i++)
    {
      ReiEnrolment *e = g_ptr_array_index (self->enrolments, i);

      if (e->resident_id == resident_id)
        {
          open_form (self, e);
          return TRUE;
        }
    }
  return FALSE;
}

GtkListBox *
rei_enrolment_section_get_results (ReiEnrolmentSection *self)
{
  g_return_val_if_fail (REI_IS_ENROLMENT_SECTION (self), NULL);
  return self->results_list;
}

gboolean
rei_enrolment_section_choose (ReiEnrolmentSection *self,
                              gint64               resident_id)
{
  g_return_val_if_fail (REI_IS_ENROLMENT_SECTION (self), FALSE);

  if (self->editing == NULL || self->editing->id > 0)
    return FALSE;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->results_list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      Found *f = g_object_get_data (G_OBJECT (c), "found");
      g_autofree char *who = NULL;

      if (f == NULL || f->id != resident_id)
        continue;
      self->editing->resident_id = f->id;
      who = g_strdup_printf ("%s %s · %s", f->surname, f->first_name, f->pesel ? f->pesel : _("no PESEL"));
      adw_action_row_set_subtitle (self->person_row, who);
      gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_listed (ReiEnrolmentSection *self,
           gint64               resident_id)
{
  for (guint i = 0; self->enrolments != NULL && i < self->enrolments->len; i++)
    if (((ReiEnrolment *) g_ptr_array_index (self->enrolments, i))->resident_id == resident_id)
      return TRUE;
  return FALSE;
}

gboolean
rei_enrolment_section_save (ReiEnrolmentSection  *self,
                            GError              **error)
{
  g_autoptr(ReiEnrolment) e = rei_enrolment_new ();
  g_autoptr(GError) local = NULL;
  gint64 resident_id;

  g_return_val_if_fail (REI_IS_ENROLMENT_SECTION (self), FALSE);
  g_return_val_if_fail (self->editing != NULL && self->project != NULL, FALSE);

  resident_id = self->editing->resident_id;
  e->resident_id = resident_id;
  e->project_id = self->project->id;
  e->path_completed = flag_value (self->path_row);
  e->social_progress = flag_value (self->progress_row);
  e->status_after = g_strdup (rei_code_combo_row_get_code (self->status_row));
  if (resident_id <= 0)
    g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Find the participant in the register first."));
  else if (self->editing->id == 0 && is_listed (self, resident_id))
    /* The store would quietly replace the enrolment recorded: say so instead. */
    g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("The person is a participant of the project already: choose their row to change it."));
  else if (rei_reports_read_date (self->joined_row, &e->joined_on, &local)
           && rei_reports_read_date (self->left_row, &e->left_on, &local)
           && !rei_enrolment_check (e, self->project, &local))
    {
      /* The import's rule and sentence; the form marks the field it is about. */
      if (g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_JOINED_REQUIRED)
          || g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_JOINED_OUTSIDE))
        rei_reports_mark_error (GTK_WIDGET (self->joined_row), TRUE);
      else
        rei_reports_mark_error (GTK_WIDGET (self->left_row), TRUE);
    }
  if (local == NULL)
    rei_store_save_enrolment (self->store, e, &local);
  if (local != NULL)
    {
      show_message (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  open_form (self, NULL);
  load_list (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

const char *
rei_enrolment_section_get_message (ReiEnrolmentSection *self)
{
  g_return_val_if_fail (REI_IS_ENROLMENT_SECTION (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-indicator-defs-pane.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rei-check-expander.h"
#include "rei-code-combo-row.h"
#include "rei-report-rows.h"
#include "rei-report-rules.h"
#include "rei-reports-confirm.h"
#include "rei-store-lookups.h"

/* "*" stands for the NULL of a column in the choices (a combo's code cannot be NULL when
 * "Not recorded" is not offered). */
#define ANY "*"

struct _ReiIndicatorDefsPane
{
  AdwBin            parent_instance;

  ReiStore         *store;
  GPtrArray        *defs;           /* ReiIndicatorDef*, parallel to the list's rows */
  char             *editing;        /* the code in the form; NULL for a new definition */
  /* The choices under statuses_row and outcomes_row, read from the store once. */
  ReiCheckExpander *statuses;
  ReiCheckExpander *outcomes;
  gboolean          lists_filled;

  /* Template widgets. */
  GtkListBox       *def_list;
  AdwPreferencesGroup *form_group;
  AdwEntryRow      *code_row;
  AdwEntryRow      *label_row;
  ReiCodeComboRow  *base_row;
  ReiCodeComboRow  *scope_row;
  ReiCodeComboRow  *sex_row;
  ReiCodeComboRow  *requires_row;
  ReiCodeComboRow  *counts_row;
  AdwExpanderRow   *statuses_row;
  AdwExpanderRow   *outcomes_row;
  ReiCodeComboRow  *denominator_row;
  AdwEntryRow      *threshold_row;
  GtkLabel         *message_label;
};

G_DEFINE_FINAL_TYPE (ReiIndicatorDefsPane, rei_indicator_defs_pane, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (ReiIndicatorDefsPane *self,
              const char           *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_any (ReiCodeComboRow *row,
         const char      *code)
{
  rei_code_combo_row_set_code (row, code != NULL ? code : ANY);
}

static char *
get_any (ReiCodeComboRow *row)
{
  const char *code = rei_code_combo_row_get_code (row);

  return code != NULL && !g_str_equal (code, ANY) ? g_strdup (code) : NULL;
}

/* The choices that say what a base is and who it counts; graduates have outcomes, enrolments
 * statuses after leaving, so only the list that fits the base is offered. */
static void
on_base_changed_cb (ReiIndicatorDefsPane *self)
{
  const char *base = rei_code_combo_row_get_code (self->base_row);
  gboolean graduates = g_strcmp0 (base, "absolwenci") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->outcomes_row), graduates);
  gtk_widget_set_visible (GTK_WIDGET (self->statuses_row), !graduates);
}

static void
fill_lists (ReiIndicatorDefsPane *self)
{
  g_auto(GStrv) statuses = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;

  if (self->store == NULL || self->lists_filled)
    return;
  self->lists_filled = TRUE;
  statuses = rei_store_list_statuses_after (self->store, NULL);
  for (guint i = 0; statuses != NULL && statuses[i] != NULL && statuses[i + 1] != NULL; i += 2)
    rei_check_expander_add (self->statuses, statuses[i], statuses[i + 1]);
  outcomes = rei_store_list_codes (self->store, REI_LOOKUP_OUTCOME, NULL);
  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      const char *code = g_ptr_array_index (outcomes, i);
      g_autofree char *label = rei_store_get_label (self->store, REI_LOOKUP_OUTCOME, code);

      rei_check_expander_add (self->outcomes, code, label);
    }
}

static GtkWidget *
def_row (const ReiIndicatorDef *d)
{
  g_autofree char *threshold = d->threshold >= 0 ? g_strdup_printf (_("threshold %g %%"), d->threshold)
                                                 : g_strdup (_("no threshold"));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", d->code, threshold);

  return rei_report_list_row_new (d->label, subtitle);
}

static void
reload (ReiIndicatorDefsPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->def_list))) != NULL)
    gtk_list_box_remove (self->def_list, child);
  g_clear_pointer (&self->defs, g_ptr_array_unref);
  if (self->store != NULL)
    self->defs = rei_store_list_indicator_defs (self->store, NULL);
  for (guint i = 0; self->defs != NULL && i < self->defs->len; i++)
    {
      ReiIndicatorDef *d = g_ptr_array_index (self->defs, i);
      GtkWidget *row = def_row (d);

      gtk_list_box_append (self->def_list, row);
      if (g_strcmp0 (d->code, self->editing) == 0)
        gtk_list_box_select_row (self->def_list, GTK_LIST_BOX_ROW (row));
    }
}

/* The form for a definition, or for a new one (NULL): the commonest shape, enrolments that
 * ended in the period against the base. */
static void
open_form (ReiIndicatorDefsPane  *self,
           const ReiIndicatorDef *d)
{
  g_autofree char *threshold = d != NULL && d->threshold >= 0 ? g_strdup_printf ("%g", d->threshold) : NULL;

  g_clear_pointer (&self->editing, g_free);
  self->editing = d != NULL ? g_strdup (d->code) : NULL;
  show_message (self, NULL);
  adw_preferences_group_set_title (self->form_group, d != NULL ? _("Definition") : _("New Definition"));
  rei_reports_set_text (self->code_row, d != NULL ? d->code : NULL);
  /* The code names the indicator in workbooks already sent: it stays once saved. */
  gtk_editable_set_editable (GTK_EDITABLE (self->code_row), d == NULL);
  if (d == NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "dim-label");
  rei_reports_set_text (self->label_row, d != NULL ? d->label : NULL);
  rei_code_combo_row_set_code (self->base_row, d != NULL ? d->base : "zakonczone");
  set_any (self->scope_row, d != NULL ? d->scope : NULL);
  set_any (self->sex_row, d != NULL ? d->sex : NULL);
  set_any (self->requires_row, d != NULL ? d->base_requires : NULL);
  set_any (self->counts_row, d != NULL ? d->counts : NULL);
  rei_code_combo_row_set_code (self->denominator_row, d != NULL ? d->denominator : "baza");
  rei_reports_set_text (self->threshold_row, threshold);
  rei_check_expander_set_ticked (self->statuses, d != NULL ? (const char * const *) d->statuses : NULL);
  rei_check_expander_set_ticked (self->outcomes, d != NULL ? (const char * const *) d->outcomes : NULL);
  on_base_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "definitions.delete", d != NULL);
}

static void
on_def_activated_cb (ReiIndicatorDefsPane *self,
                     GtkListBoxRow        *row)
{
  int i = gtk_list_box_row_get_index (row);

  if (self->defs != NULL && i >= 0 && (guint) i < self->defs->len)
    open_form (self, g_ptr_array_index (self->defs, i));
}

/* The threshold as typed: "34", "34,5" or "34.5"; empty for none. */
static gboolean
read_threshold (ReiIndicatorDefsPane  *self,
                double                *threshold,
                GError               **error)
{
  g_autofree char *text = rei_reports_read_text (self->threshold_row);
  char *end = NULL;

  *threshold = -1;
  if (text == NULL)
    return TRUE;
  g_strdelimit (text, ",", '.');
  if (g_str_has_suffix (text, "%"))
    text[strlen (text) - 1] = '\0';
  g_strstrip (text);
  *threshold = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || *threshold < 0)
    {
      rei_reports_mark_error (GTK_WIDGET (self->threshold_row), TRUE);
      g_set_error_literal (error, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_THRESHOLD_INVALID,
                           _("The threshold is a percentage between 0 and 1000."));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ReiIndicatorDefsPane *self = REI_INDICATOR_DEFS_PANE (widget);

  gtk_list_box_unselect_all (self->def_list);
  open_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rei_indicator_defs_pane_save (REI_INDICATOR_DEFS_PANE (widget), NULL);
}

static void
delete_confirmed (GtkWidget *widget,
                  gpointer   data)
{
  ReiIndicatorDefsPane *self = REI_INDICATOR_DEFS_PANE (widget);
  g_autoptr(GError) error = NULL;

  if (!rei_store_delete_indicator_def (self->store, data, &error))
    {
      show_message (self, error->message);
      return;
    }
  open_form (self, NULL);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiIndicatorDefsPane *self = REI_INDICATOR_DEFS_PANE (widget);
  g_autofree char *heading = NULL;

  if (self->editing == NULL)
    return;
  /* TRANSLATORS: %s is the indicator's code. */
  heading = g_strdup_printf (_("Delete the Indicator %s?"), self->editing);
  rei_reports_confirm_delete (widget, heading,
                              _("Reports made from now on leave it out; workbooks already sent keep it."),
                              delete_confirmed, g_strdup (self->editing), g_free);
}

/* ---------------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------------- */

static void
rei_indicator_defs_pane_dispose (GObject *object)
{
  ReiIndicatorDefsPane *self = REI_INDICATOR_DEFS_PANE (object);

  g_clear_object (&self->statuses);
  g_clear_object (&self->outcomes);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_INDICATOR_DEFS_PANE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->defs, g_ptr_array_unref);
  g_clear_pointer (&self->editing, g_free);
  G_OBJECT_CLASS (rei_indicator_defs_pane_parent_class)->dispose (object);
}

static void
rei_indicator_defs_pane_class_init (ReiIndicatorDefsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_indicator_defs_pane_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/reports/rei-indicator-defs-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, def_list);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, form_group);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, code_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, label_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, base_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, scope_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, sex_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, requires_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, counts_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, statuses_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, outcomes_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, denominator_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, ReiIndicatorDefsPane, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_def_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_base_changed_cb);

  gtk_widget_class_install_action (widget_class, "definitions.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "definitions.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "definitions.delete", NULL, delete_action);
}

static void
rei_indicator_defs_pane_init (ReiIndicatorDefsPane *self)
{
  const char *bases[] = {
    "zakonczone", _("Enrolments that ended in the period"),
    "uczestnictwa", _("Enrolments in the period"),
    "absolwenci", _("Graduates of the period (residents who completed)"),
    NULL };
  const char *scopes[] = { ANY, _("A year and a project"), "rok", _("A calendar year only"),
                           "projekt", _("A project only"), NULL };
  const char *sexes[] = { ANY, _("Women and men"), "K", _("Women"), "M", _("Men"), NULL };
  const char *requires[] = { ANY, _("Everyone in it"), "sciezka", _("Only those who completed the planned path"), NULL };
  const char *counts[] = {
    ANY, _("Those whose situation after leaving is ticked below"),
    "wszyscy", _("Everyone in the base"),
    "sciezka", _("Those who completed the planned path"),
    "postep", _("Those who made social progress"),
    NULL };
  const char *denominators[] = { "baza", _("The base"), "cel", _("The project's target of participants"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->statuses = rei_check_expander_new (self->statuses_row, "; ", _("None ticked"));
  self->outcomes = rei_check_expander_new (self->outcomes_row, "; ", _("None ticked"));
  rei_code_combo_row_set_choices (self->base_row, bases);
  rei_code_combo_row_set_choices (self->scope_row, scopes);
  rei_code_combo_row_set_choices (self->sex_row, sexes);
  rei_code_combo_row_set_choices (self->requires_row, requires);
  rei_code_combo_row_set_choices (self->counts_row, counts);
  rei_code_combo_row_set_choices (self->denominator_row, denominators);
  open_form (self, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------------- */

void
rei_indicator_defs_pane_set_store (ReiIndicatorDefsPane *self,
                                   ReiStore             *store)
{
  g_return_if_fail (REI_IS_INDICATOR_DEFS_PANE (self));

  /* Given again after a restore: the choices are the restored register's. */
  if (g_set_object (&self->store, store))
    {
      rei_check_expander_clear (self->statuses);
      rei_check_expander_clear (self->outcomes);
      self->lists_filled = FALSE;
    }
  fill_lists (self);
  open_form (self, NULL);
  reload (self);
}

gboolean
rei_indicator_defs_pane_edit (ReiIndicatorDefsPane *self,
                              const char           *code)
{
  g_return_val_if_fail (REI_IS_INDICATOR_DEFS_PANE (self), FALSE);

  for (guint i = 0; self->defs != NULL && i < self->defs->len; i++)
    if (g_strcmp0 (((ReiIndicatorDef *) g_ptr_array_index (self->defs, i))->code, code) == 0)
      {
        gtk_list_box_select_row (self->def_list, gtk_list_box_get_row_at_index (self->def_list, (int) i));
        open_form (self, g_ptr_array_index (self->defs, i));
        return TRUE;
      }
  return FALSE;
}

gboolean
rei_indicator_defs_pane_save (ReiIndicatorDefsPane  *self,
                              GError               **error)
{
  g_autoptr(ReiIndicatorDef) d = rei_indicator_def_new ();
  g_autoptr(GError) local = NULL;
  const ReiIndicatorDef *old = NULL;
  int last = 0;

  g_return_val_if_fail (REI_IS_INDICATOR_DEFS_PANE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  d->code = self->editing != NULL ? g_strdup (self->editing) : rei_reports_read_text (self->code_row);
  d->label = rei_reports_read_text (self->label_row);
  d->base = g_strdup (rei_code_combo_row_get_code (self->base_row));
  d->scope = get_any (self->scope_row);
  d->sex = get_any (self->sex_row);
  d->base_requires = get_any (self->requires_row);
  d->counts = get_any (self->counts_row);
  d->denominator = g_strdup (rei_code_combo_row_get_code (self->denominator_row));
  /* Only the list that fits the base counts; the other stays empty. */
  if (g_strcmp0 (d->base, "absolwenci") == 0)
    d->outcomes = rei_check_expander_get_ticked (self->outcomes);
  else
    d->statuses = rei_check_expander_get_ticked (self->statuses);

  for (guint i = 0; self->defs != NULL && i < self->defs->len; i++)
    {
      ReiIndicatorDef *other = g_ptr_array_index (self->defs, i);

      last = MAX (last, other->position);
      if (g_strcmp0 (other->code, d->code) == 0)
        old = other;
    }
  /* A new definition goes last; one edited keeps its place. */
  d->position = old != NULL ? old->position : last + 1;

  if (read_threshold (self, &d->threshold, &local) && rei_indicator_def_check (d, &local))
    {
      if (self->editing == NULL && old != NULL)
        {
          rei_reports_mark_error (GTK_WIDGET (self->code_row), TRUE);
          g_set_error (&local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_INVALID,
                       _("An indicator with the code “%s” exists already."), d->code);
        }
      else
        rei_store_save_indicator_def (self->store, d, &local);
    }
  else if (g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_REQUIRED)
           || g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_CODE_INVALID))
    rei_reports_mark_error (GTK_WIDGET (self->code_row), TRUE);
  else if (g_error_matches (local, REI_REPORT_RULE_ERROR, REI_REPORT_RULE_ERROR_TITLE_REQUIRED))
    rei_reports_mark_error (GTK_WIDGET (self->label_row), TRUE);
  if (local != NULL)
    {
      show_message (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  g_free (self->editing);
  self->editing = g_strdup (d->code);
  reload (self);
  rei_indicator_defs_pane_edit (self, d->code);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

GtkListBox *
rei_indicator_defs_pane_get_list (ReiIndicatorDefsPane *self)
{
  return self->def_list;
}

const char *
rei_indicator_defs_pane_get_message (ReiIndicatorDefsPane *self)
{
  g_return_val_if_fail (REI_IS_INDICATOR_DEFS_PANE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-funding-pane.h"

#include <glib/gi18n.h>

#include "rei-code-combo-row.h"
#include "rei-date.h"
#include "rei-money.h"
#include "rei-reports-confirm.h"
#include "rei-store-reports.h"

struct _ReiFundingPane
{
  AdwBin            parent_instance;

  ReiStore         *store;
  int               year;

  /* Template widgets. */
  GtkSpinButton    *year_spin;
  AdwPreferencesGroup *executed_group;
  GtkListBox       *executed_list;
  AdwPreferencesGroup *planned_group;
  GtkListBox       *planned_list;
  ReiCodeComboRow  *source_row;
  ReiCodeComboRow  *kind_row;
  AdwEntryRow      *amount_row;
  GtkLabel         *message_label;
};

G_DEFINE_FINAL_TYPE (ReiFundingPane, rei_funding_pane, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (ReiFundingPane *self);

static void
show_message (ReiFundingPane *self,
              const char     *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static GtkWidget *
funding_row (const ReiFunding *f,
             gint64            total)
{
  g_autofree char *amount = rei_money_format (f->amount);
  g_autofree char *subtitle = NULL;
  g_autofree char *target = g_strdup_printf ("%s:%s", f->source, f->kind);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* The share of the year's executed funding, as the annual report shows it. */
  if (total > 0)
    /* TRANSLATORS: an amount and its share of the year, "520 000,00 zł · 52.0 % of the year". */
    subtitle = g_strdup_printf (_("%s · %.1f %% of the year"), amount, 100.0 * (double) f->amount / (double) total);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->source_label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : amount);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "source", g_strdup (f->source), g_free);
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (f->kind), g_free);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete the amount"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "funding.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_list (ReiFundingPane      *self,
           GtkListBox          *list,
           AdwPreferencesGroup *group,
           const char          *kind)
{
  g_autoptr(GPtrArray) funding = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  gint64 total = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (self->store != NULL)
    funding = rei_store_list_funding (self->store, self->year, kind, NULL);
  for (guint i = 0; funding != NULL && i < funding->len; i++)
    total += ((ReiFunding *) g_ptr_array_index (funding, i))->amount;
  for (guint i = 0; funding != NULL && i < funding->len; i++)
    gtk_list_box_append (list, funding_row (g_ptr_array_index (funding, i), g_str_equal (kind, "wykonanie") ? total : 0));
  if (funding == NULL || funding->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing recorded for this year"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
      adw_preferences_group_set_description (group, NULL);
      return;
    }
  total_text = rei_money_format (total);
  description = g_strdup_printf (_("In all %s"), total_text);
  adw_preferences_group_set_description (group, description);
}

static void
reload (ReiFundingPane *self)
{
  fill_list (self, self->executed_list, self->executed_group, "wykonanie");
  fill_list (self, self->planned_list, self->planned_group, "plan");
}

static void
on_year_changed_cb (ReiFundingPane *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (year != self->year)
    {
      self->year = year;
      show_message (self, NULL);
      reload (self);
    }
}

static void
on_row_activated_cb (ReiFundingPane *self,
                     GtkListBoxRow  *row)
{
  const char *source = g_object_get_data (G_OBJECT (row), "source");
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");

  if (source != NULL)
    rei_funding_pane_edit (self, source, kind);
}

/* ---------------------------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rei_funding_pane_save (REI_FUNDING_PANE (widget), NULL);
}

typedef struct
{
  int     year;
  char   *source;
  char   *kind;
  gint64  amount;
} Deleted;

static void
deleted_free (gpointer p)
{
  Deleted *d = p;

  g_free (d->source);
  g_free (d->kind);
  g_free (d);
}

static void
on_undo_delete_cb (AdwToast       *toast,
                   ReiFundingPane *self)
{
  Deleted *d = g_object_get_data (G_OBJECT (toast), "deleted");
  g_autoptr(GError) error = NULL;

  if (!rei_store_save_funding (self->store, d->year, d->source, d->kind, d->amount, &error))
    show_message (self, error->message);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_confirmed (GtkWidget *widget,
                  gpointer   data)
{
  ReiFundingPane *self = REI_FUNDING_PANE (widget);
  Deleted *d = data;
  Deleted *copy;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!rei_store_delete_funding (self->store, d->year, d->source, d->kind, &error))
    {
      show_message (self, error->message);
      return;
    }
  copy = g_new0 (Deleted, 1);
  *copy = *d;
  copy->source = g_strdup (d->source);
  copy->kind = g_strdup (d->kind);
  toast = adw_toast_new (_("Amount deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "deleted", copy, deleted_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  rei_reports_add_toast (widget, toast);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiFundingPane *self = REI_FUNDING_PANE (widget);
  g_auto(GStrv) parts = g_strsplit (g_variant_get_string (parameter, NULL), ":", 2);
  g_autoptr(GPtrArray) funding = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *amount = NULL;
  Deleted *d;

  if (g_strv_length (parts) != 2 || self->store == NULL)
    return;
  funding = rei_store_list_funding (self->store, self->year, parts[1], NULL);
  for (guint i = 0; funding != NULL && i < funding->len; i++)
    {
      ReiFunding *f = g_ptr_array_index (funding, i);

      if (!g_str_equal (f->source, parts[0]))
        continue;
      d = g_new0 (Deleted, 1);
      d->year = self->year;
      d->source = g_strdup (f->source);
      d->kind = g_strdup (f->kind);
      d->amount = f->amount;
      amount = rei_money_format (f->amount);
      /* TRANSLATORS: %s are the source and the amount, %d the year. */
      heading = g_strdup_printf (_("Delete %s %s of %d?"), f->source_label, amount, self->year);
      rei_reports_confirm_delete (widget, heading, _("The year's shares and the annual report change with it."),
                                  delete_confirmed, d, deleted_free);
      return;
    }
}

/* ---------------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------------- */

static void
rei_funding_pane_dispose (GObject *object)
{
  ReiFundingPane *self = REI_FUNDING_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_FUNDING_PANE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (rei_funding_pane_parent_class)->dispose (object);
}

static void
rei_funding_pane_class_init (ReiFundingPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_funding_pane_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/reports/rei-funding-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, executed_group);
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, executed_list);
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, planned_group);
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, planned_list);
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, source_row);
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ReiFundingPane, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "funding.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "funding.delete", "s", delete_action);
}

static void
rei_funding_pane_init (ReiFundingPane *self)
{
  const char *kinds[] = { "wykonanie", _("Executed"), "plan", _("Planned"), NULL };
  g_autofree char *today = rei_date_today_iso ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rei_code_combo_row_set_choices (self->kind_row, kinds);
  /* This year until the store says which years have funding. */
  self->year = rei_date_year (today);
  gtk_spin_button_set_value (self->year_spin, self->year);
}

/* ---------------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------------- */

void
rei_funding_pane_set_store (ReiFundingPane *self,
                            ReiStore       *store)
{
  g_auto(GStrv) sources = NULL;
  g_autoptr(GArray) years = NULL;

  g_return_if_fail (REI_IS_FUNDING_PANE (self));

  g_set_object (&self->store, store);
  if (store != NULL && (sources = rei_store_list_funding_sources (store, NULL)) != NULL)
    rei_code_combo_row_set_choices (self->source_row, (const char * const *) sources);
  /* The latest year that has funding, when there is one. */
  if (store != NULL && (years = rei_store_list_funding_years (store, NULL)) != NULL && years->len > 0)
    rei_funding_pane_set_year (self, g_array_index (years, int, 0));
  else
    reload (self);
}

void
rei_funding_pane_set_year (ReiFundingPane *self,
                           int             year)
{
  g_return_if_fail (REI_IS_FUNDING_PANE (self));

  gtk_spin_button_set_value (self->year_spin, year);
  if (self->year != year)
    on_year_changed_cb (self);
  else
    reload (self);
}

int
rei_funding_pane_get_year (ReiFundingPane *self)
{
  g_return_val_if_fail (REI_IS_FUNDING_PANE (self), 0);
  return self->year;
}

gboolean
rei_funding_pane_edit (ReiFundingPane *self,
                       const char     *source,
                       const char     *kind)
{
  g_autoptr(GPtrArray) funding = NULL;

  g_return_val_if_fail (REI_IS_FUNDING_PANE (self), FALSE);

  if (self->store != NULL)
    funding = rei_store_list_funding (self->store, self->year, kind, NULL);
  for (guint i = 0; funding != NULL && i < funding->len; i++)
    {
      ReiFunding *f = g_ptr_array_index (funding, i);
      g_autofree char *amount = NULL;

      if (!g_str_equal (f->source, source))
        continue;
      amount = rei_money_format (f->amount);
      rei_code_combo_row_set_code (self->source_row, f->source);
      rei_code_combo_row_set_code (self->kind_row, f->kind);
      rei_reports_set_text (self->amount_row, amount);
      show_message (self, NULL);
      return TRUE;
    }
  return FALSE;
}

gboolean
rei_funding_pane_save (ReiFundingPane  *self,
                       GError         **error)
{
  g_autoptr(GError) local = NULL;
  const char *source;
  const char *kind;
  gint64 amount = -1;

  g_return_val_if_fail (REI_IS_FUNDING_PANE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  source = rei_code_combo_row_get_code (self->source_row);
  kind = rei_code_combo_row_get_code (self->kind_row);
  if (rei_reports_read_money (self->amount_row, &amount, &local) && amount < 0)
    {
      rei_reports_mark_error (GTK_WIDGET (self->amount_row), TRUE);
      g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Type the amount."));
    }
  if (local == NULL && (source == NULL || kind == NULL))
    g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose the source and the kind."));
  if (local == NULL)
    rei_store_save_funding (self->store, self->year, source, kind, amount, &local);
  if (local != NULL)
    {
      show_message (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_message (self, NULL);
  rei_reports_set_text (self->amount_row, NULL);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

GtkListBox *
rei_funding_pane_get_executed_list (ReiFundingPane *self)
{
  return self->executed_list;
}

GtkListBox *
rei_funding_pane_get_planned_list (ReiFundingPane *self)
{
  return self->planned_list;
}

const char *
rei_funding_pane_get_message (ReiFundingPane *self)
{
  g_return_val_if_fail (REI_IS_FUNDING_PANE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : NULL;
}

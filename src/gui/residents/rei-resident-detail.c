/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-detail-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rei-error-dialog.h"
#include "rei-resident-rules.h"
#include "rei-store-residents.h"

/* The pane beside the list: a header with the person's name and the actions, then the form,
 * made of one section per part of the record.  The pane hands the person to every section,
 * gathers what they typed, applies the rules between sections and tracks the unsaved edits. */

G_DEFINE_FINAL_TYPE (ReiResidentDetail, rei_resident_detail, GTK_TYPE_WIDGET)

/* Helpers. */

static ReiResidentSection *
find_section (ReiResidentDetail *self,
              ReiResidentField   field)
{
  for (guint i = 0; i < REI_RESIDENT_DETAIL_N_SECTIONS; i++)
    if (rei_resident_section_get_entry_row (self->sections[i], field) != NULL)
      return self->sections[i];
  return NULL;
}

static char *
dup_entry_text (ReiResidentDetail *self,
                ReiResidentField   field)
{
  return rei_resident_section_dup_text (find_section (self, field), field);
}

/* The core's rules between fields, which may lie in different sections (the end date against
 * the admission and the reason): shown at the later field, unless that field is refused already
 * on its own. */
static void
validate_record (ReiResidentDetail *self,
                 ReiResident       *form)
{
  g_autofree char *message = NULL;
  ReiResidentField field;

  field = rei_resident_rules_check_record (rei_resident_get (form, REI_RESIDENT_ADMISSION_DATE),
                                           rei_resident_get (form, REI_RESIDENT_END_DATE),
                                           rei_resident_get (form, REI_RESIDENT_END_REASON),
                                           &message);
  if (field != REI_RESIDENT_N_FIELDS
      && rei_resident_detail_get_field_error (self, field) == NULL)
    {
      rei_resident_section_set_field_error (find_section (self, field), field, message);
      self->n_errors++;
    }
}

static void
update_actions (ReiResidentDetail *self)
{
  gboolean saved = self->has_form && self->resident != NULL;
  gboolean passed = saved && self->store != NULL && _rei_resident_detail_retention_passed (self);
  gboolean anonymised = saved && rei_resident_get_anonymised (self->resident);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.save",
                                 rei_resident_detail_get_can_save (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.delete", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.export", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.anonymise", passed);
  rei_resident_consent_section_show_anonymise (self->consent_section, saved && !anonymised, passed);
}

static void
update_state (ReiResidentDetail *self)
{
  g_autoptr(ReiResident) form = NULL;

  self->n_errors = 0;
  for (guint i = 0; i < REI_RESIDENT_DETAIL_N_SECTIONS; i++)
    self->n_errors += rei_resident_section_validate (self->sections[i]);

  /* After the sections: the identity fills in what a PESEL says while it checks. */
  form = _rei_resident_detail_build (self);
  validate_record (self, form);

  if (self->store != NULL && self->has_form)
    {
      /* A date still being typed is not a date yet: what follows from it waits for it. */
      for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
        if (rei_resident_detail_get_field_error (self, i) != NULL)
          rei_resident_set (form, i, NULL);
      for (guint i = 0; i < REI_RESIDENT_DETAIL_N_SECTIONS; i++)
        rei_resident_section_update (self->sections[i], form);
    }

  _rei_resident_detail_update_title (self);
  update_actions (self);
}

/* Signal callbacks. */

static void
on_section_changed_cb (ReiResidentDetail *self)
{
  if (!self->has_form)
    return;
  self->modified = TRUE;
  update_state (self);
}

/* Selection of the list. */

static void
show_position (ReiResidentDetail *self,
               guint              position)
{
  g_autoptr(ReiResidentRow) row = NULL;
  g_autoptr(ReiResident) resident = NULL;
  g_autoptr(GError) error = NULL;

  row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (row == NULL)
    return;
  /* The list's row may be older than the database; the form shows what is there now. */
  resident = rei_store_get_resident (self->store, rei_resident_row_get_id (row), &error);
  if (resident == NULL)
    {
      rei_error_dialog_show (GTK_WIDGET (self), _("Cannot Show the Resident"), error->message);
      return;
    }
  self->position = position;
  _rei_resident_detail_load (self, resident);
}

typedef struct
{
  ReiResidentDetail *self;
  guint              position;
} SelectData;

static void
on_select_answered_cb (gboolean proceed,
                       gpointer user_data)
{
  SelectData *data = user_data;
  ReiResidentDetail *self = data->self;

  if (proceed)
    show_position (self, data->position);
  else if (self->selection != NULL)
    {
      /* Back to the person whose edits are kept, if they are still where they were. */
      ReiResidentList *list = self->view != NULL ? rei_resident_view_get_list (self->view) : NULL;
      gint64 id = self->resident != NULL ? rei_resident_get_id (self->resident) : 0;

      self->ignore_selection = TRUE;
      if (list != NULL && id > 0 && self->position != GTK_INVALID_LIST_POSITION
          && rei_resident_list_get_id (list, self->position) == id)
        gtk_selection_model_select_item (self->selection, self->position, TRUE);
      else if (self->view != NULL)
        rei_resident_view_unselect (self->view);
      self->ignore_selection = FALSE;
    }
  g_object_unref (self);
  g_free (data);
}

static void
on_selection_changed_cb (ReiResidentDetail *self)
{
  GtkBitset *selected;
  SelectData *data;
  guint position;

  if (self->ignore_selection || self->selection == NULL)
    return;

  selected = gtk_selection_model_get_selection (self->selection);
  if (gtk_bitset_is_empty (selected))
    {
      /* A list read again after a save drops its selection: the form stays as it is. */
      gtk_bitset_unref (selected);
      return;
    }
  position = gtk_bitset_get_nth (selected, 0);
  gtk_bitset_unref (selected);

  if (self->resident != NULL && self->view != NULL
      && rei_resident_list_get_id (rei_resident_view_get_list (self->view), position)
         == rei_resident_get_id (self->resident))
    {
      self->position = position;
      return;
    }

  data = g_new0 (SelectData, 1);
  data->self = g_object_ref (self);
  data->position = position;
  rei_resident_detail_ask_unsaved (self, on_select_answered_cb, data);
}

static void
on_model_changed_cb (ReiResidentDetail *self)
{
  GtkSelectionModel *model = NULL;
  ReiStore *store;

  if (self->view != NULL)
    model = gtk_column_view_get_model (rei_resident_view_get_column_view (self->view));
  if (model == self->selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, model);
  if (model != NULL)
    g_signal_connect_object (model, "selection-changed",
                             G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  store = self->view != NULL ? rei_resident_view_get_store (self->view) : NULL;
  g_set_object (&self->store, store);
  for (guint i = 0; i < REI_RESIDENT_DETAIL_N_SECTIONS; i++)
    rei_resident_section_set_store (self->sections[i], store);
  _rei_resident_detail_clear (self);
}

/* Overrides. */

static void
rei_resident_detail_dispose (GObject *object)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (rei_resident_view_get_column_view (self->view), self);
  g_clear_weak_pointer (&self->view);

  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_RESIDENT_DETAIL);
  memset (self->sections, 0, sizeof self->sections);
  g_clear_object (&self->resident);
  g_clear_object (&self->store);
  g_clear_object (&self->undo_toast);

  G_OBJECT_CLASS (rei_resident_detail_parent_class)->dispose (object);
}

static void
rei_resident_detail_class_init (ReiResidentDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_resident_detail_dispose;

  g_type_ensure (REI_TYPE_RESIDENT_IDENTITY_SECTION);
  g_type_ensure (REI_TYPE_RESIDENT_CONTACT_SECTION);
  g_type_ensure (REI_TYPE_RESIDENT_ELIGIBILITY_SECTION);
  g_type_ensure (REI_TYPE_RESIDENT_PARTICIPATION_SECTION);
  g_type_ensure (REI_TYPE_RESIDENT_OUTCOME_SECTION);
  g_type_ensure (REI_TYPE_RESIDENT_CONSENT_SECTION);
  g_type_ensure (REI_TYPE_RESIDENT_NOTES_SECTION);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/residents/rei-resident-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reiresidentdetail");

  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, identity_section);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, contact_section);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, eligibility_section);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, participation_section);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, outcome_section);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, consent_section);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, notes_section);
  /* Bound so that dispose_template unparents it; the tests look the button up by name. */
  gtk_widget_class_bind_template_child_full (widget_class, "content", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed_cb);

  _rei_resident_detail_class_init_actions (widget_class);
}

static void
rei_resident_detail_init (ReiResidentDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->position = GTK_INVALID_LIST_POSITION;
  self->sections[0] = REI_RESIDENT_SECTION (self->identity_section);
  self->sections[1] = REI_RESIDENT_SECTION (self->contact_section);
  self->sections[2] = REI_RESIDENT_SECTION (self->eligibility_section);
  self->sections[3] = REI_RESIDENT_SECTION (self->participation_section);
  self->sections[4] = REI_RESIDENT_SECTION (self->outcome_section);
  self->sections[5] = REI_RESIDENT_SECTION (self->consent_section);
  self->sections[6] = REI_RESIDENT_SECTION (self->notes_section);

  _rei_resident_detail_clear (self);
}

/* Within the pane (rei-resident-detail-private.h). */

/* The form as a resident: the person read from the store with what is typed laid over it, so
 * that the fields the form does not show (citizenship) are kept. */
ReiResident *
_rei_resident_detail_build (ReiResidentDetail *self)
{
  ReiResident *r = self->resident != NULL ? rei_resident_copy (self->resident)
                                          : rei_resident_new ();

  for (guint i = 0; i < REI_RESIDENT_DETAIL_N_SECTIONS; i++)
    rei_resident_section_apply (self->sections[i], r);
  return r;
}

/* Shows a person (or an empty form for a new one, when resident is NULL) with nothing edited. */
void
_rei_resident_detail_load (ReiResidentDetail *self,
                           ReiResident       *resident)
{
  g_set_object (&self->resident, resident);
  self->has_form = TRUE;
  for (guint i = 0; i < REI_RESIDENT_DETAIL_N_SECTIONS; i++)
    rei_resident_section_load (self->sections[i], resident);

  self->modified = FALSE;
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  update_state (self);
}

void
_rei_resident_detail_clear (ReiResidentDetail *self)
{
  g_clear_object (&self->resident);
  self->has_form = FALSE;
  self->modified = FALSE;
  /* The pane opens beside the list for a person, and gives the list its room back without one. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  update_actions (self);
}

void
_rei_resident_detail_update_title (ReiResidentDetail *self)
{
  g_autofree char *first = dup_entry_text (self, REI_RESIDENT_FIRST_NAME);
  g_autofree char *surname = dup_entry_text (self, REI_RESIDENT_SURNAME);
  g_autofree char *name = NULL;

  if (first == NULL && surname == NULL)
    name = g_strdup (self->resident == NULL ? _("New Resident") : "");
  else
    name = g_strjoin (" ", first != NULL ? first : "", surname != NULL ? surname : "", NULL);
  if (self->modified)
    {
      /* TRANSLATORS: the title of a person's form with unsaved edits. */
      g_autofree char *title = g_strdup_printf (_("%s (not saved)"), g_strstrip (name));

      gtk_label_set_label (self->title_label, title);
    }
  else
    gtk_label_set_label (self->title_label, g_strstrip (name));
}

/* Reads the list again (a save may move a person, a delete remove one), with the row of the
 * person in the form selected when it comes back. */
void
_rei_resident_detail_refresh_list (ReiResidentDetail *self)
{
  if (self->view == NULL)
    return;
  rei_resident_view_refresh (self->view);
  if (self->resident != NULL && rei_resident_get_id (self->resident) > 0)
    rei_resident_view_select_id (self->view, rei_resident_get_id (self->resident));
}

void
_rei_resident_detail_unselect (ReiResidentDetail *self)
{
  /* The selection is the view's: both or neither. */
  if (self->view == NULL)
    return;
  self->ignore_selection = TRUE;
  rei_resident_view_unselect (self->view);
  self->ignore_selection = FALSE;
  self->position = GTK_INVALID_LIST_POSITION;
}

void
_rei_resident_detail_add_toast (ReiResidentDetail *self,
                                AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Public API. */

void
rei_resident_detail_set_view (ReiResidentDetail *self,
                              ReiResidentView   *view)
{
  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));
  g_return_if_fail (view == NULL || REI_IS_RESIDENT_VIEW (view));

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (rei_resident_view_get_column_view (self->view), self);
  g_set_weak_pointer (&self->view, view);
  if (view != NULL)
    g_signal_connect_object (rei_resident_view_get_column_view (view), "notify::model",
                             G_CALLBACK (on_model_changed_cb), self, G_CONNECT_SWAPPED);
  on_model_changed_cb (self);
}

ReiStore *
rei_resident_detail_get_store (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return self->store;
}

gint64
rei_resident_detail_get_resident_id (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), -1);

  if (!self->has_form)
    return -1;
  return self->resident != NULL ? rei_resident_get_id (self->resident) : 0;
}

gboolean
rei_resident_detail_get_modified (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), FALSE);

  return self->has_form && self->modified;
}

gboolean
rei_resident_detail_get_can_save (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), FALSE);

  return self->store != NULL && self->has_form && self->n_errors == 0
         && (self->modified || self->resident == NULL);
}

void
rei_resident_detail_reload_lookups (ReiResidentDetail *self)
{
  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));

  if (!self->has_form)
    return;

  /* Everything typed survives the new lists, and stays as modified as it was. */
  for (guint i = 0; i < REI_RESIDENT_DETAIL_N_SECTIONS; i++)
    rei_resident_section_reload_lookups (self->sections[i]);
  update_state (self);
}

/* For the window tests (rei-resident-detail-private.h). */

AdwEntryRow *
rei_resident_detail_get_entry_row (ReiResidentDetail *self,
                                   ReiResidentField   field)
{
  ReiResidentSection *section;

  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);
  g_return_val_if_fail (field < REI_RESIDENT_N_FIELDS, NULL);

  section = find_section (self, field);
  return section != NULL ? rei_resident_section_get_entry_row (section, field) : NULL;
}

const char *
rei_resident_detail_get_field_error (ReiResidentDetail *self,
                                     ReiResidentField   field)
{
  ReiResidentSection *section;

  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);
  g_return_val_if_fail (field < REI_RESIDENT_N_FIELDS, NULL);

  section = find_section (self, field);
  return section != NULL ? rei_resident_section_get_field_error (section, field) : NULL;
}

AdwComboRow *
rei_resident_detail_get_code_row (ReiResidentDetail *self,
                                  ReiResidentField   field)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  for (guint i = 0; i < REI_RESIDENT_DETAIL_N_SECTIONS; i++)
    {
      ReiCodeComboRow *row = rei_resident_section_get_code_row (self->sections[i], field);

      if (row != NULL)
        return ADW_COMBO_ROW (row);
    }
  return NULL;
}

GtkSpinButton *
rei_resident_detail_get_extension_spin (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return rei_resident_participation_section_get_extension_spin (self->participation_section);
}

AdwToast *
rei_resident_detail_get_undo_toast (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return self->undo_toast;
}

GtkWidget *
rei_resident_detail_get_lifecycle_warning (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return rei_resident_participation_section_get_warning_row (self->participation_section);
}

GtkWidget *
rei_resident_detail_get_history_row (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return GTK_WIDGET (rei_resident_consent_section_get_history_row (self->consent_section));
}

GtkWidget *
rei_resident_detail_get_anonymise_row (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return rei_resident_consent_section_get_anonymise_row (self->consent_section);
}

void
rei_resident_detail_set_category (ReiResidentDetail *self,
                                  const char        *code,
                                  gboolean           active)
{
  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));

  rei_resident_eligibility_section_set_category (self->eligibility_section, code, active);
}

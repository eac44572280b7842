/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-detail.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rei-date.h"
#include "rei-export.h"
#include "rei-identifiers.h"
#include "rei-lifecycle.h"
#include "rei-store-residents.h"

/* A code of a lookup table shown in a combo row: position 0 is "not recorded" (NULL). */
typedef struct
{
  AdwComboRow   *row;
  GtkStringList *labels;
  GPtrArray     *codes;
} Combo;

struct _ReiResidentDetail
{
  GtkWidget            parent_instance;

  ReiStore            *store;
  ReiResidentView     *view;
  GtkSelectionModel   *selection;

  /* The person as last read from (or written to) the store; NULL for a new one or none. */
  ReiResident         *resident;
  gboolean             has_form;       /* the form is shown (a person, or a new one) */
  gboolean             loading;        /* filling the form: no change is the user's */
  gboolean             modified;
  gboolean             ignore_selection;
  guint                position;       /* of the person in the list, as selected */
  guint                n_errors;

  AdwEntryRow         *entry_rows[REI_RESIDENT_N_FIELDS];
  GtkWidget           *error_rows[REI_RESIDENT_N_FIELDS];
  char                *errors[REI_RESIDENT_N_FIELDS];
  GtkWidget           *extension_error_row;
  char                *extension_error;

  Combo                sex;
  Combo                referral;
  Combo                end_reason;
  Combo                outcome;
  Combo                consent;
  GPtrArray           *category_checks;   /* GtkCheckButton, with "code" data */
  GPtrArray           *history_rows;
  AdwToast            *undo_toast;

  /* Template widgets. */
  GtkLabel            *title_label;
  GtkWidget           *content;
  GtkRevealer         *save_error_revealer;
  GtkLabel            *save_error_label;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *categories_group;
  AdwEntryRow         *projects_row;
  AdwComboRow         *sex_row;
  AdwComboRow         *referral_row;
  AdwComboRow         *end_reason_row;
  AdwComboRow         *outcome_row;
  AdwComboRow         *consent_basis_row;
  AdwActionRow        *warning_row;
  GtkImage            *warning_icon;
  AdwActionRow        *status_row;
  AdwActionRow        *trial_end_row;
  AdwActionRow        *planned_end_row;
  AdwActionRow        *latest_end_row;
  AdwActionRow        *days_row;
  AdwActionRow        *extension_row;
  GtkSpinButton       *extension_spin;
  AdwActionRow        *anonymise_row;
  AdwExpanderRow      *history_row;
};

G_DEFINE_FINAL_TYPE (ReiResidentDetail, rei_resident_detail, GTK_TYPE_WIDGET)

typedef struct
{
  ReiResidentField  field;
  const char       *row;
} FieldRow;

static const FieldRow field_rows[] = {
  { REI_RESIDENT_FIRST_NAME, "first_name_row" },
  { REI_RESIDENT_SURNAME, "surname_row" },
  { REI_RESIDENT_PESEL, "pesel_row" },
  { REI_RESIDENT_BIRTH_DATE, "birth_date_row" },
  { REI_RESIDENT_PHONE, "phone_row" },
  { REI_RESIDENT_EMAIL, "email_row" },
  { REI_RESIDENT_ADDRESS, "address_row" },
  { REI_RESIDENT_POSTCODE, "postcode_row" },
  { REI_RESIDENT_TOWN, "town_row" },
  { REI_RESIDENT_COMMUNE, "commune_row" },
  { REI_RESIDENT_REFERRAL_DATE, "referral_date_row" },
  { REI_RESIDENT_CONTRACT_NUMBER, "contract_number_row" },
  { REI_RESIDENT_EDUCATION, "education_row" },
  { REI_RESIDENT_LABOUR_STATUS, "labour_status_row" },
  { REI_RESIDENT_DISABILITY, "disability_row" },
  { REI_RESIDENT_WORKSHOP, "workshop_row" },
  { REI_RESIDENT_ADMISSION_DATE, "admission_date_row" },
  { REI_RESIDENT_END_DATE, "end_date_row" },
  { REI_RESIDENT_OUTCOME_DATE, "outcome_date_row" },
  { REI_RESIDENT_CONSENT_DATE, "consent_date_row" },
  { REI_RESIDENT_NOTES, "notes_row" },
};

static void update_state (ReiResidentDetail *self);
static void load_resident (ReiResidentDetail *self,
                           ReiResident       *resident);

/* Helpers. */

static void
combo_clear (Combo *combo)
{
  g_clear_pointer (&combo->codes, g_ptr_array_unref);
}

/* Fills a combo from a lookup table of the store (or from fixed pairs when table is NULL). */
static void
combo_fill (ReiResidentDetail  *self,
            Combo              *combo,
            const char         *table,
            const char * const *fixed)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  combo_clear (combo);
  combo->codes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (combo->codes, NULL);
  gtk_string_list_append (labels, C_("value", "Not recorded"));

  if (table != NULL && self->store != NULL)
    {
      g_autoptr(GPtrArray) codes = rei_store_list_codes (self->store, table, NULL);

      for (guint i = 0; codes != NULL && i < codes->len; i++)
        {
          const char *code = g_ptr_array_index (codes, i);
          g_autofree char *label = rei_store_get_label (self->store, table, code);

          g_ptr_array_add (combo->codes, g_strdup (code));
          gtk_string_list_append (labels, label != NULL ? label : code);
        }
    }
  for (guint i = 0; fixed != NULL && fixed[i] != NULL; i += 2)
    {
      g_ptr_array_add (combo->codes, g_strdup (fixed[i]));
      gtk_string_list_append (labels, fixed[i + 1]);
    }

  combo->labels = labels;
  adw_combo_row_set_model (combo->row, G_LIST_MODEL (labels));
}

/* Selects a code; one the list does not know (typed into an old spreadsheet) is added, so that
 * showing a person never changes what is recorded about them. */
static void
combo_select (Combo      *combo,
              const char *code)
{
  for (guint i = 0; i < combo->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (combo->codes, i), code) == 0)
      {
        adw_combo_row_set_selected (combo->row, i);
        return;
      }
  g_ptr_array_add (combo->codes, g_strdup (code));
  gtk_string_list_append (combo->labels, code);
  adw_combo_row_set_selected (combo->row, combo->codes->len - 1);
}

static const char *
combo_get (Combo *combo)
{
  guint i = adw_combo_row_get_selected (combo->row);

  if (combo->codes == NULL || i >= combo->codes->len)
    return NULL;
  return g_ptr_array_index (combo->codes, i);
}

static char *
entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
format_date (const char *iso)
{
  char *display = iso != NULL ? rei_date_format_display (iso) : NULL;

  return display != NULL ? display : g_strdup (iso);
}

static GtkWindow *
get_window (ReiResidentDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (ReiResidentDetail *self,
           AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error_dialog (ReiResidentDetail *self,
                   const char        *heading,
                   const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reads the list again (a save may move a person, a delete remove one), with the row of the
 * person in the form selected when it comes back. */
static void
refresh_list (ReiResidentDetail *self)
{
  if (self->view == NULL)
    return;
  rei_resident_view_refresh (self->view);
  if (self->resident != NULL && rei_resident_get_id (self->resident) > 0)
    rei_resident_view_select_id (self->view, rei_resident_get_id (self->resident));
}

static void
unselect (ReiResidentDetail *self)
{
  /* The selection is the view's: both or neither. */
  if (self->view == NULL)
    return;
  self->ignore_selection = TRUE;
  rei_resident_view_unselect (self->view);
  self->ignore_selection = FALSE;
  self->position = GTK_INVALID_LIST_POSITION;
}

/* The form as a resident: the person read from the store with what is typed laid over it, so
 * that the fields the form does not show (citizenship) are kept. */
static ReiResident *
build_resident (ReiResidentDetail *self)
{
  ReiResident *r = self->resident != NULL ? rei_resident_copy (self->resident) : rei_resident_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *projects = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      ReiResidentField field = field_rows[i].field;
      g_autofree char *text = entry_text (self->entry_rows[field]);

      if (text != NULL && field == REI_RESIDENT_PESEL)
        {
          g_autofree char *digits = rei_identifier_normalize (text);

          if (digits != NULL)
            {
              g_free (text);
              text = g_steal_pointer (&digits);
            }
        }
      if (text != NULL && rei_resident_field_is_date (field))
        {
          g_autofree char *iso = rei_date_normalize (text);

          if (iso != NULL)
            {
              g_free (text);
              text = g_steal_pointer (&iso);
            }
        }
      rei_resident_set (r, field, text);
    }

  rei_resident_set (r, REI_RESIDENT_SEX, combo_get (&self->sex));
  rei_resident_set (r, REI_RESIDENT_REFERRAL, combo_get (&self->referral));
  rei_resident_set (r, REI_RESIDENT_END_REASON, combo_get (&self->end_reason));
  rei_resident_set (r, REI_RESIDENT_OUTCOME, combo_get (&self->outcome));
  rei_resident_set (r, REI_RESIDENT_CONSENT_BASIS, combo_get (&self->consent));

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->category_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (codes, g_object_get_data (G_OBJECT (check), "code"));
    }
  g_ptr_array_add (codes, NULL);
  rei_resident_set_categories (r, (const char * const *) codes->pdata);

  projects = entry_text (self->projects_row);
  if (projects != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (projects, ";", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_ptr_array_add (titles, g_strdup (parts[i]));
        }
    }
  g_ptr_array_add (titles, NULL);
  rei_resident_set_projects (r, (const char * const *) titles->pdata);

  rei_resident_set_extension_months (r, gtk_spin_button_get_value_as_int (self->extension_spin));
  return r;
}

/* Validation as you type: each check answers with the sentence shown under the field. */

static char *
check_date (const char *text)
{
  GDate date;

  if (text == NULL || rei_date_parse (text, &date))
    return NULL;
  return g_strdup (_("Enter the date as dd.mm.yyyy, e.g. 31.05.2019."));
}

static char *
check_email (const char *text)
{
  const char *at;

  if (text == NULL)
    return NULL;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strchr (text, ' ') != NULL
      || strchr (at + 1, '.') == NULL || g_str_has_suffix (text, "."))
    return g_strdup (_("This is not an e-mail address."));
  return NULL;
}

static char *
check_phone (const char *text)
{
  guint digits = 0;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()/", *p) == NULL)
        return g_strdup (_("A phone number may contain only digits, spaces, +, - and brackets."));
    }
  if (digits < 9 || digits > 15)
    return g_strdup (_("A phone number has 9 to 15 digits."));
  return NULL;
}

static char *
check_postcode (const char *text)
{
  if (text == NULL)
    return NULL;
  if (strlen (text) == 6 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
      && text[2] == '-' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
      && g_ascii_isdigit (text[5]))
    return NULL;
  return g_strdup (_("A postcode has the form 00-000."));
}

static void
set_error_row (GtkWidget  *row,
               GtkWidget  *field_row,
               const char *message)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  gtk_label_set_label (GTK_LABEL (label), message != NULL ? message : "");
  gtk_widget_set_visible (row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field_row, "error");
  else
    gtk_widget_remove_css_class (field_row, "error");
}

static void
set_field_error (ReiResidentDetail *self,
                 ReiResidentField   field,
                 char              *message)
{
  g_free (self->errors[field]);
  self->errors[field] = message;
  if (message != NULL)
    self->n_errors++;
  set_error_row (self->error_rows[field], GTK_WIDGET (self->entry_rows[field]), message);
}

/* The birth date and sex come from a valid PESEL and cannot then be edited apart from it. */
static void
apply_pesel (ReiResidentDetail *self)
{
  g_autofree char *pesel = entry_text (self->entry_rows[REI_RESIDENT_PESEL]);
  g_autoptr(GError) error = NULL;
  gboolean loading = self->loading;
  GDate birth;
  char sex = 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sex_row), pesel == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry_rows[REI_RESIDENT_BIRTH_DATE]), pesel == NULL);

  if (pesel == NULL)
    {
      set_field_error (self, REI_RESIDENT_PESEL, NULL);
      return;
    }

  if (!rei_pesel_parse (pesel, &birth, &sex, &error))
    {
      set_field_error (self, REI_RESIDENT_PESEL, g_strdup (error->message));
      return;
    }
  set_field_error (self, REI_RESIDENT_PESEL, NULL);

  /* Filling in what the PESEL says is not an edit of its own. */
  self->loading = TRUE;
  {
    g_autofree char *iso = rei_date_to_iso (&birth);
    g_autofree char *display = format_date (iso);

    set_entry (self->entry_rows[REI_RESIDENT_BIRTH_DATE], display);
  }
  combo_select (&self->sex, sex == 'K' ? "K" : "M");
  self->loading = loading;
}

static void
validate (ReiResidentDetail *self)
{
  g_autofree char *admission = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;
  ReiLifecycleRules rules;
  GDate admission_date, end_date;

  self->n_errors = 0;
  apply_pesel (self);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      ReiResidentField field = field_rows[i].field;
      g_autofree char *text = NULL;
      char *message = NULL;

      if (field == REI_RESIDENT_PESEL)
        continue;
      text = entry_text (self->entry_rows[field]);
      switch (field)
        {
        case REI_RESIDENT_FIRST_NAME:
          if (text == NULL)
            message = g_strdup (_("Enter the first name."));
          break;
        case REI_RESIDENT_SURNAME:
          if (text == NULL)
            message = g_strdup (_("Enter the surname."));
          break;
        case REI_RESIDENT_EMAIL:
          message = check_email (text);
          break;
        case REI_RESIDENT_PHONE:
          message = check_phone (text);
          break;
        case REI_RESIDENT_POSTCODE:
          message = check_postcode (text);
          break;
        default:
          if (rei_resident_field_is_date (field))
            message = check_date (text);
          break;
        }
      set_field_error (self, field, message);
    }

  /* Rules between fields, shown at the later one. */
  admission = entry_text (self->entry_rows[REI_RESIDENT_ADMISSION_DATE]);
  end = entry_text (self->entry_rows[REI_RESIDENT_END_DATE]);
  if (self->errors[REI_RESIDENT_END_DATE] == NULL)
    {
      if (end != NULL && admission != NULL && rei_date_parse (admission, &admission_date)
          && rei_date_parse (end, &end_date) && g_date_compare (&end_date, &admission_date) < 0)
        set_field_error (self, REI_RESIDENT_END_DATE,
                         g_strdup (_("The end date is before the admission date.")));
      else if (end == NULL && combo_get (&self->end_reason) != NULL)
        set_field_error (self, REI_RESIDENT_END_DATE,
                         g_strdup (_("Enter the date the participation ended.")));
    }

  /* The longest extension is the one in force on the admission date. */
  {
    g_autofree char *iso = admission != NULL ? rei_date_normalize (admission) : NULL;

    g_clear_pointer (&self->extension_error, g_free);
    if (self->store != NULL)
      {
        rei_lifecycle_rules_load (self->store, iso, &rules);
        if (!rei_lifecycle_validate_extension (&rules,
                                               gtk_spin_button_get_value_as_int (self->extension_spin),
                                               &error))
          {
            self->extension_error = g_strdup (error->message);
            self->n_errors++;
          }
      }
    set_error_row (self->extension_error_row, GTK_WIDGET (self->extension_row),
                   self->extension_error);
  }
}

static void
set_info (AdwActionRow *row,
          const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL ? text : "—");
}

static void
set_info_date (AdwActionRow *row,
               const char   *iso)
{
  g_autofree char *display = format_date (iso);

  set_info (row, display);
}

/* Whether the person ended long enough ago that the centre's retention period has passed: the
 * same test as rei_store_list_retention_expired(), for one person. */
static gboolean
retention_passed (ReiResidentDetail *self)
{
  const char *end_iso;
  g_autofree char *today_iso = NULL;
  GDate end, today;
  int years;

  if (self->resident == NULL || rei_resident_get_anonymised (self->resident))
    return FALSE;
  end_iso = rei_resident_get (self->resident, REI_RESIDENT_END_DATE);
  if (end_iso == NULL || !rei_date_iso_to_gdate (end_iso, &end))
    return FALSE;
  years = rei_store_get_setting_int (self->store, REI_SETTING_RETENTION_YEARS, NULL, -1);
  if (years < 0)
    return FALSE;
  today_iso = rei_date_today_iso ();
  rei_date_iso_to_gdate (today_iso, &today);
  g_date_add_months (&end, (guint) years * 12);
  return g_date_compare (&end, &today) < 0;
}

static void
update_lifecycle (ReiResidentDetail *self)
{
  g_autoptr(ReiResident) r = NULL;
  g_autoptr(ReiLifecycle) lc = NULL;
  g_autofree char *status = NULL;
  g_autofree char *days = NULL;

  if (self->store == NULL || !self->has_form)
    return;

  r = build_resident (self);
  /* A date still being typed is not a date yet: the lifecycle waits for it. */
  if (self->errors[REI_RESIDENT_ADMISSION_DATE] != NULL)
    rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, NULL);
  if (self->errors[REI_RESIDENT_END_DATE] != NULL)
    rei_resident_set (r, REI_RESIDENT_END_DATE, NULL);
  lc = rei_lifecycle_compute_for (self->store, r, NULL);

  status = rei_lifecycle_dup_status_label (lc, self->store);
  set_info (self->status_row, status);
  set_info_date (self->trial_end_row, lc->trial_end);
  set_info_date (self->planned_end_row, lc->planned_end);
  set_info_date (self->latest_end_row, lc->latest_end);
  days = g_strdup_printf ("%d", lc->days_in_programme);
  set_info (self->days_row, lc->status == REI_RESIDENT_STATUS_CANDIDATE ? NULL : days);

  gtk_widget_set_visible (GTK_WIDGET (self->warning_row), lc->warning != REI_LIFECYCLE_OK);
  gtk_widget_remove_css_class (GTK_WIDGET (self->warning_row), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->warning_row), "error");
  if (lc->warning == REI_LIFECYCLE_NEAR_LIMIT)
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The participation ends in %d day",
                                      "The participation ends in %d days", lc->days_left),
                         lc->days_left);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warning_row), title);
      gtk_widget_add_css_class (GTK_WIDGET (self->warning_row), "warning");
    }
  else if (lc->warning == REI_LIFECYCLE_PAST_LIMIT)
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The planned end passed %d day ago",
                                      "The planned end passed %d days ago", -lc->days_left),
                         -lc->days_left);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warning_row), title);
      gtk_widget_add_css_class (GTK_WIDGET (self->warning_row), "error");
    }
}

static const char *
describe_action (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return C_("audit", "Added");
  if (g_strcmp0 (action, "update") == 0)
    return C_("audit", "Changed");
  if (g_strcmp0 (action, "delete") == 0)
    return C_("audit", "Deleted");
  if (g_strcmp0 (action, "restore") == 0)
    return C_("audit", "Restored");
  if (g_strcmp0 (action, "anonymise") == 0)
    return C_("audit", "Anonymised");
  if (g_strcmp0 (action, "import") == 0)
    return C_("audit", "Imported");
  if (g_strcmp0 (action, "export") == 0)
    return C_("audit", "Exported");
  return action;
}

/* The audit trail names fields by their internal names; people read the titles of the rows. */
static char *
describe_fields (ReiResidentDetail *self,
                 const char        *detail)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  if (detail == NULL || *detail == '\0')
    return NULL;
  names = g_strsplit (detail, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      ReiResidentField field;
      const char *title = names[i];

      if (rei_resident_field_from_name (names[i], &field) && self->entry_rows[field] != NULL)
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->entry_rows[field]));
      else if (rei_resident_field_from_name (names[i], &field))
        {
          if (field == REI_RESIDENT_SEX)
            title = _("Sex");
          else if (field == REI_RESIDENT_REFERRAL)
            title = _("Referred by");
          else if (field == REI_RESIDENT_END_REASON)
            title = _("Reason");
          else if (field == REI_RESIDENT_OUTCOME)
            title = _("Situation after leaving");
          else if (field == REI_RESIDENT_CONSENT_BASIS)
            title = _("Legal basis of processing");
        }
      else if (g_str_equal (names[i], "categories"))
        title = _("Eligibility");
      else if (g_str_equal (names[i], "projects"))
        title = _("Projects");
      else if (g_str_equal (names[i], "extension-months"))
        title = _("Extension (months)");
      g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", title);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
update_history (ReiResidentDetail *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  gint64 id = self->resident != NULL ? rei_resident_get_id (self->resident) : 0;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  if (id > 0)
    entries = rei_store_list_audit (self->store, "resident", id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), entries != NULL && entries->len > 0);
  if (entries == NULL)
    return;

  /* The newest first: that is what one looks for. */
  for (guint i = entries->len; i-- > 0;)
    {
      ReiAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *at = g_strconcat (e->at, "Z", NULL);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%d.%m.%Y %H:%M")
                                            : g_strdup (e->at);
      g_autofree char *fields = describe_fields (self, e->detail);
      g_autofree char *title = g_strdup_printf ("%s — %s", describe_action (e->action), when);
      g_autofree char *subtitle = fields != NULL ? g_strdup_printf ("%s · %s", e->actor, fields)
                                                 : g_strdup (e->actor);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
update_title (ReiResidentDetail *self)
{
  g_autofree char *first = entry_text (self->entry_rows[REI_RESIDENT_FIRST_NAME]);
  g_autofree char *surname = entry_text (self->entry_rows[REI_RESIDENT_SURNAME]);
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

static void
update_actions (ReiResidentDetail *self)
{
  gboolean saved = self->has_form && self->resident != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.save",
                                 rei_resident_detail_get_can_save (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.delete", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.export", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.anonymise",
                                 saved && self->store != NULL && retention_passed (self));
  gtk_widget_set_visible (GTK_WIDGET (self->anonymise_row), saved && !rei_resident_get_anonymised (self->resident));
  if (saved && !retention_passed (self) && !rei_resident_get_anonymised (self->resident))
    adw_action_row_set_subtitle (self->anonymise_row,
                                 _("Possible once the person has ended and the centre’s "
                                   "retention period has passed."));
  else
    adw_action_row_set_subtitle (self->anonymise_row,
                                 _("The retention period has passed: the identity can be "
                                   "removed for good."));
}

static void
update_state (ReiResidentDetail *self)
{
  validate (self);
  update_lifecycle (self);
  update_title (self);
  update_actions (self);
}

static void
on_form_changed_cb (ReiResidentDetail *self)
{
  if (self->loading || !self->has_form)
    return;
  self->modified = TRUE;
  update_state (self);
}

static void
fill_categories (ReiResidentDetail  *self,
                 const char * const *checked)
{
  g_autoptr(GPtrArray) codes = NULL;

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->category_checks, i);

      adw_preferences_group_remove (self->categories_group,
                                    gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW));
    }
  g_ptr_array_set_size (self->category_checks, 0);

  if (self->store == NULL)
    return;

  codes = rei_store_list_categories (self->store, FALSE, NULL);
  if (codes == NULL)
    codes = g_ptr_array_new_with_free_func (g_free);
  /* A retired category that a person still has stays visible on them, or saving would drop it. */
  for (guint i = 0; checked != NULL && checked[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < codes->len && !found; j++)
        found = g_strcmp0 (g_ptr_array_index (codes, j), checked[i]) == 0;
      if (!found)
        g_ptr_array_add (codes, g_strdup (checked[i]));
    }

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = rei_store_get_label (self->store, REI_LOOKUP_CATEGORY, code);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean active = FALSE;

      for (guint j = 0; checked != NULL && checked[j] != NULL; j++)
        active |= g_strcmp0 (checked[j], code) == 0;

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (code), g_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label != NULL ? label : code);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_form_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->category_checks, check);
    }
}

static void
fill_lookups (ReiResidentDetail *self)
{
  static const char *sexes[] = { "K", N_("Woman (K)"), "M", N_("Man (M)"), NULL };
  const char *sex_labels[G_N_ELEMENTS (sexes)];
  /* The codes the importer and the demo write; labels for the clerk. */
  const char *referrals[] = {
    "ops", _("OPS / MOPS (social contract)"),
    "pup", _("PUP (labour office)"),
    "wlasny", _("Own application"),
    NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (sexes); i++)
    sex_labels[i] = sexes[i] != NULL && i % 2 == 1 ? _(sexes[i]) : sexes[i];

  combo_fill (self, &self->sex, NULL, sex_labels);
  combo_fill (self, &self->referral, NULL, referrals);
  combo_fill (self, &self->end_reason, REI_LOOKUP_END_REASON, NULL);
  combo_fill (self, &self->outcome, REI_LOOKUP_OUTCOME, NULL);
  combo_fill (self, &self->consent, REI_LOOKUP_LEGAL_BASIS, NULL);
}

/* Shows a person (or an empty form for a new one, when resident is NULL) with nothing edited. */
static void
load_resident (ReiResidentDetail *self,
               ReiResident       *resident)
{
  g_autofree char *projects = NULL;

  g_set_object (&self->resident, resident);
  self->loading = TRUE;
  self->has_form = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      ReiResidentField field = field_rows[i].field;
      const char *value = resident != NULL ? rei_resident_get (resident, field) : NULL;

      if (rei_resident_field_is_date (field))
        {
          g_autofree char *display = format_date (value);

          set_entry (self->entry_rows[field], display);
        }
      else
        set_entry (self->entry_rows[field], value);
    }

  fill_lookups (self);
  combo_select (&self->sex, resident != NULL ? rei_resident_get (resident, REI_RESIDENT_SEX) : NULL);
  combo_select (&self->referral,
                resident != NULL ? rei_resident_get (resident, REI_RESIDENT_REFERRAL) : NULL);
  combo_select (&self->end_reason,
                resident != NULL ? rei_resident_get (resident, REI_RESIDENT_END_REASON) : NULL);
  combo_select (&self->outcome,
                resident != NULL ? rei_resident_get (resident, REI_RESIDENT_OUTCOME) : NULL);
  combo_select (&self->consent,
                resident != NULL ? rei_resident_get (resident, REI_RESIDENT_CONSENT_BASIS) : NULL);
  fill_categories (self, resident != NULL ? rei_resident_get_categories (resident) : NULL);

  if (resident != NULL)
    projects = g_strjoinv ("; ", (char **) rei_resident_get_projects (resident));
  set_entry (self->projects_row, projects);
  gtk_spin_button_set_value (self->extension_spin,
                             resident != NULL ? rei_resident_get_extension_months (resident) : 0);

  self->loading = FALSE;
  self->modified = FALSE;
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  update_history (self);
  update_state (self);
}

static void
clear_form (ReiResidentDetail *self)
{
  g_clear_object (&self->resident);
  self->has_form = FALSE;
  self->modified = FALSE;
  /* The pane opens beside the list for a person, and gives the list its room back without one. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  update_actions (self);
}

static gboolean
save (ReiResidentDetail *self)
{
  g_autoptr(ReiResident) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) saved = NULL;

  if (!rei_resident_detail_get_can_save (self))
    return FALSE;

  r = build_resident (self);
  if (!rei_store_save_resident (self->store, r, &error))
    {
      /* What was typed stays in the form, to be corrected and saved again. */
      gtk_label_set_label (self->save_error_label, error->message);
      gtk_revealer_set_reveal_child (self->save_error_revealer, TRUE);
      return FALSE;
    }

  saved = rei_store_get_resident (self->store, rei_resident_get_id (r), NULL);
  load_resident (self, saved != NULL ? saved : r);
  refresh_list (self);
  return TRUE;
}

/* Unsaved edits. */

typedef struct
{
  ReiResidentDetail         *self;
  ReiResidentDetailContinue  func;
  gpointer                   user_data;
} AskData;

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AskData          *data)
{
  ReiResidentDetail *self = data->self;
  gboolean proceed = FALSE;

  /* One answer per dialog: the data goes with it. */
  g_signal_handlers_disconnect_by_data (dialog, data);
  if (g_strcmp0 (response, "save") == 0)
    proceed = save (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      proceed = TRUE;
      self->modified = FALSE;
      update_title (self);
    }

  data->func (proceed, data->user_data);
  g_object_unref (self);
  g_free (data);
}

void
rei_resident_detail_ask_unsaved (ReiResidentDetail         *self,
                                 ReiResidentDetailContinue  func,
                                 gpointer                   user_data)
{
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  AskData *data;

  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));
  g_return_if_fail (func != NULL);

  if (!self->modified)
    {
      func (TRUE, user_data);
      return;
    }

  name = g_strjoin (" ", gtk_editable_get_text (GTK_EDITABLE (self->entry_rows[REI_RESIDENT_FIRST_NAME])),
                    gtk_editable_get_text (GTK_EDITABLE (self->entry_rows[REI_RESIDENT_SURNAME])),
                    NULL);
  g_strstrip (name);
  if (*name != '\0')
    body = g_strdup_printf (_("The changes to “%s” are not saved yet. Changes which are not "
                              "saved will be lost."), name);
  else
    body = g_strdup (_("The new resident is not saved yet. Changes which are not saved will be "
                       "lost."));

  dialog = adw_message_dialog_new (get_window (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  /* A form with errors cannot be saved: the clerk fixes it (Cancel) or lets it go. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           rei_resident_detail_get_can_save (self));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           rei_resident_detail_get_can_save (self) ? "save" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (AskData, 1);
  data->self = g_object_ref (self);
  data->func = func;
  data->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
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
      show_error_dialog (self, _("Cannot Show the Resident"), error->message);
      return;
    }
  self->position = position;
  load_resident (self, resident);
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
  {
    ReiStore *store = self->view != NULL ? rei_resident_view_get_store (self->view) : NULL;

    g_set_object (&self->store, store);
  }
  clear_form (self);
}

/* Actions. */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (REI_RESIDENT_DETAIL (widget));
}

static void
on_new_answered_cb (gboolean proceed,
                    gpointer user_data)
{
  ReiResidentDetail *self = user_data;

  if (proceed)
    {
      unselect (self);
      load_resident (self, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->entry_rows[REI_RESIDENT_FIRST_NAME]));
    }
  g_object_unref (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (widget);

  if (self->store == NULL)
    return;
  rei_resident_detail_ask_unsaved (self, on_new_answered_cb, g_object_ref (self));
}

static void
on_undo_clicked_cb (AdwToast          *toast,
                    ReiResidentDetail *self)
{
  ReiResident *deleted = g_object_get_data (G_OBJECT (toast), "resident");
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) restored = NULL;

  if (!rei_store_restore_resident (self->store, deleted, &error))
    {
      show_error_dialog (self, _("Cannot Undo the Delete"), error->message);
      return;
    }
  restored = rei_store_get_resident (self->store, rei_resident_get_id (deleted), NULL);
  /* The form shows the person back unless the clerk has moved on to unsaved work. */
  if (restored != NULL && !self->modified)
    load_resident (self, restored);
  refresh_list (self);
}

static void
on_undo_toast_dismissed_cb (AdwToast          *toast,
                            ReiResidentDetail *self)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (widget);
  g_autoptr(ReiResident) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (self->resident == NULL)
    return;
  id = rei_resident_get_id (self->resident);

  /* What the undo puts back: the row as stored, not as edited. */
  before = rei_store_get_resident (self->store, id, &error);
  if (before == NULL || !rei_store_delete_resident (self->store, id, &error))
    {
      show_error_dialog (self, _("Cannot Delete the Resident"), error->message);
      return;
    }

  unselect (self);
  clear_form (self);
  refresh_list (self);

  name = rei_resident_dup_full_name (before);
  /* TRANSLATORS: a toast after a delete; %s is the name of the person. */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "resident", g_steal_pointer (&before), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self, 0);
  g_set_object (&self->undo_toast, toast);
  add_toast (self, toast);
}

/* What the worker needs, owned by the task: the pane may be given another store while it runs. */
typedef struct
{
  ReiStore *store;
  GFile    *file;
  gint64    id;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("The workbook can only be written to a local file."));
  else
    rei_export_person (job->store, job->id, path, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error_dialog (self, _("The Data Was Not Exported"), error->message);
      return;
    }
  add_toast (self, adw_toast_new (_("Personal data exported")));
  update_history (self);
}

void
rei_resident_detail_export_to_file (ReiResidentDetail *self,
                                    GFile             *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->resident != NULL);

  job = g_new0 (ExportJob, 1);
  job->store = g_object_ref (self->store);
  job->file = g_object_ref (file);
  job->id = rei_resident_get_id (self->resident);

  task = g_task_new (self, NULL, on_export_done_cb, NULL);
  g_task_set_source_tag (task, rei_resident_detail_export_to_file);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_chooser_response_cb (GtkNativeDialog   *chooser,
                               int                response,
                               ReiResidentDetail *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->resident != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rei_resident_detail_export_to_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->resident == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Everything About This Person"),
                                         get_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* The file name holds no personal data: it may end up in a list of recent files. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           rei_resident_get_id (self->resident));

    /* TRANSLATORS: the suggested file name; %s is the number of the person in the register. */
    name = g_strdup_printf (_("personal-data-%s.xlsx"), id);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_anonymise_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          ReiResidentDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) after = NULL;
  gint64 id;

  if (g_strcmp0 (response, "anonymise") != 0 || self->resident == NULL)
    return;

  id = rei_resident_get_id (self->resident);
  if (!rei_store_anonymise_resident (self->store, id, &error))
    {
      show_error_dialog (self, _("The Person Was Not Anonymised"), error->message);
      return;
    }
  after = rei_store_get_resident (self->store, id, NULL);
  if (after != NULL)
    load_resident (self, after);
  refresh_list (self);
  add_toast (self, adw_toast_new (_("The person was anonymised")));
}

static void
anonymise_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (widget);
  GtkWidget *dialog;

  if (self->resident == NULL || !retention_passed (self))
    return;

  dialog = adw_message_dialog_new (get_window (self), _("Anonymise This Person?"),
                                   _("The name, PESEL, birth date, contact details, contract "
                                     "number, notes and consent will be removed for good. Only "
                                     "what the statistics need is kept. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "anonymise", _("_Anonymise"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anonymise",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_anonymise_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  g_clear_object (&self->resident);
  g_clear_object (&self->store);
  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->category_checks, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  combo_clear (&self->sex);
  combo_clear (&self->referral);
  combo_clear (&self->end_reason);
  combo_clear (&self->outcome);
  combo_clear (&self->consent);

  G_OBJECT_CLASS (rei_resident_detail_parent_class)->dispose (object);
}

static void
rei_resident_detail_finalize (GObject *object)
{
  ReiResidentDetail *self = REI_RESIDENT_DETAIL (object);

  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    g_free (self->errors[i]);
  g_free (self->extension_error);

  G_OBJECT_CLASS (rei_resident_detail_parent_class)->finalize (object);
}

static void
rei_resident_detail_class_init (ReiResidentDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_resident_detail_dispose;
  object_class->finalize = rei_resident_detail_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/residents/rei-resident-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reiresidentdetail");

  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, content);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, page);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, categories_group);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, projects_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, sex_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, referral_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, end_reason_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, consent_basis_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, warning_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, trial_end_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, planned_end_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, latest_end_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, days_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, extension_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, extension_spin);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, anonymise_row);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentDetail, history_row);
  /* The entry rows are found by name in init, through the table of fields. */
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    gtk_widget_class_bind_template_child_full (widget_class, field_rows[i].row, FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "resident.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "resident.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "resident.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "resident.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "resident.anonymise", NULL, anonymise_action);
  /* Inside the pane; the window gives Ctrl+S and Ctrl+N to the whole window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "resident.save", NULL);
}

/* A row under a field for the reason it is refused; shown only while it is. */
static GtkWidget *
add_error_row (GtkWidget *field_row)
{
  GtkWidget *list = gtk_widget_get_parent (field_row);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "rei-field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field_row)) + 1);
  /* The message is read out with its field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  return row;
}

static void
rei_resident_detail_init (ReiResidentDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->position = GTK_INVALID_LIST_POSITION;
  self->category_checks = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->sex.row = self->sex_row;
  self->referral.row = self->referral_row;
  self->end_reason.row = self->end_reason_row;
  self->outcome.row = self->outcome_row;
  self->consent.row = self->consent_basis_row;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      ReiResidentField field = field_rows[i].field;
      GObject *row = gtk_widget_get_template_child (GTK_WIDGET (self), REI_TYPE_RESIDENT_DETAIL,
                                                    field_rows[i].row);

      g_assert (ADW_IS_ENTRY_ROW (row));
      self->entry_rows[field] = ADW_ENTRY_ROW (row);
      self->error_rows[field] = add_error_row (GTK_WIDGET (row));
      g_signal_connect_object (row, "changed", G_CALLBACK (on_form_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  self->extension_error_row = add_error_row (GTK_WIDGET (self->extension_row));

  g_signal_connect_object (self->projects_row, "changed", G_CALLBACK (on_form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->extension_spin, "value-changed",
                           G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
  {
    AdwComboRow *combos[] = { self->sex_row, self->referral_row, self->end_reason_row,
                              self->outcome_row, self->consent_basis_row };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (on_form_changed_cb),
                               self, G_CONNECT_SWAPPED);
  }

  clear_form (self);
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
  g_autoptr(ReiResident) typed = NULL;
  gboolean modified;

  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));

  if (!self->has_form)
    return;

  /* Everything typed survives the new lists: it is put back as if loaded, still modified. */
  typed = build_resident (self);
  modified = self->modified;
  {
    g_autoptr(ReiResident) stored = self->resident != NULL ? g_object_ref (self->resident) : NULL;
    g_autofree char *projects = g_strjoinv ("; ", (char **) rei_resident_get_projects (typed));

    self->loading = TRUE;
    fill_lookups (self);
    combo_select (&self->sex, rei_resident_get (typed, REI_RESIDENT_SEX));
    combo_select (&self->referral, rei_resident_get (typed, REI_RESIDENT_REFERRAL));
    combo_select (&self->end_reason, rei_resident_get (typed, REI_RESIDENT_END_REASON));
    combo_select (&self->outcome, rei_resident_get (typed, REI_RESIDENT_OUTCOME));
    combo_select (&self->consent, rei_resident_get (typed, REI_RESIDENT_CONSENT_BASIS));
    fill_categories (self, rei_resident_get_categories (typed));
    self->loading = FALSE;
  }
  self->modified = modified;
  update_state (self);
}

AdwEntryRow *
rei_resident_detail_get_entry_row (ReiResidentDetail *self,
                                   ReiResidentField   field)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);
  g_return_val_if_fail (field < REI_RESIDENT_N_FIELDS, NULL);

  return self->entry_rows[field];
}

const char *
rei_resident_detail_get_field_error (ReiResidentDetail *self,
                                     ReiResidentField   field)
{
  GtkWidget *label;

  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);
  g_return_val_if_fail (field < REI_RESIDENT_N_FIELDS, NULL);

  if (self->error_rows[field] == NULL || !gtk_widget_get_visible (self->error_rows[field]))
    return NULL;
  /* What is on screen, not what was computed. */
  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->error_rows[field]));
  return gtk_label_get_label (GTK_LABEL (label));
}

AdwComboRow *
rei_resident_detail_get_sex_row (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return self->sex_row;
}

GtkSpinButton *
rei_resident_detail_get_extension_spin (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return self->extension_spin;
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

  return GTK_WIDGET (self->warning_row);
}

GtkWidget *
rei_resident_detail_get_history_row (ReiResidentDetail *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_DETAIL (self), NULL);

  return GTK_WIDGET (self->history_row);
}

void
rei_resident_detail_set_category (ReiResidentDetail *self,
                                  const char        *code,
                                  gboolean           active)
{
  g_return_if_fail (REI_IS_RESIDENT_DETAIL (self));

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->category_checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "code"), code) == 0)
        gtk_check_button_set_active (check, active);
    }
}

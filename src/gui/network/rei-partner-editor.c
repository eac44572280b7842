/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-partner-editor.h"

#include <glib/gi18n.h>

#include "rei-code-combo-row.h"
#include "rei-date.h"
#include "rei-identifiers.h"
#include "rei-resident-match.h"
#include "rei-store-network.h"
#include "rei-store-residents.h"

/* How many residents a search offers to choose from, and how long typing may pause before the
 * registry is searched. */
#define MAX_MATCHES 20
#define SEARCH_DELAY_MS 150

struct _ReiPartnerEditor
{
  AdwBin           parent_instance;

  ReiStore        *store;
  ReiPartner      *partner;        /* as loaded: what the form does not show is kept */
  GPtrArray       *area_checks;    /* GtkCheckButton*, with the code as data "code" */
  GArray          *service_ids;    /* gint64, parallel to service_row's model */
  GArray          *match_ids;      /* gint64 resident ids, parallel to match_row's model */
  GCancellable    *details;        /* reading the partner's services and referrals */
  GCancellable    *searching;      /* searching the registry for the resident to refer */
  guint            search_source;  /* the pause after a keystroke */

  /* Template widgets. */
  AdwEntryRow     *name_row;
  ReiCodeComboRow *type_row;
  GtkStack        *type_help;
  ReiCodeComboRow *level_row;
  ReiCodeComboRow *sector_row;
  AdwExpanderRow  *areas_row;
  GtkLabel        *status_label;
  AdwEntryRow     *nip_row;
  AdwEntryRow     *regon_row;
  GtkLabel        *identifier_label;
  AdwEntryRow     *address_row;
  AdwEntryRow     *contact_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *agreement_date_row;
  AdwEntryRow     *agreement_scope_row;
  AdwEntryRow     *agreement_until_row;
  AdwEntryRow     *notes_row;
  AdwPreferencesGroup *refer_group;
  AdwEntryRow     *resident_row;
  AdwComboRow     *match_row;
  GtkWidget       *refer_button;
  AdwComboRow     *service_row;
  AdwEntryRow     *referred_on_row;
  GtkLabel        *referral_label;
  GtkWidget       *delete_button;
  GtkWidget       *save_button;
};

G_DEFINE_FINAL_TYPE (ReiPartnerEditor, rei_partner_editor, ADW_TYPE_BIN)

enum {
  SAVED,
  REFERRED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text fields shown as entry rows, and which field each fills. */
static AdwEntryRow **
text_row (ReiPartnerEditor *self,
          ReiPartnerField   field)
{
  switch (field)
    {
    case REI_PARTNER_NAME: return &self->name_row;
    case REI_PARTNER_NIP: return &self->nip_row;
    case REI_PARTNER_REGON: return &self->regon_row;
    case REI_PARTNER_ADDRESS: return &self->address_row;
    case REI_PARTNER_CONTACT_PERSON: return &self->contact_row;
    case REI_PARTNER_PHONE: return &self->phone_row;
    case REI_PARTNER_EMAIL: return &self->email_row;
    case REI_PARTNER_AGREEMENT_DATE: return &self->agreement_date_row;
    case REI_PARTNER_AGREEMENT_SCOPE: return &self->agreement_scope_row;
    case REI_PARTNER_AGREEMENT_UNTIL: return &self->agreement_until_row;
    case REI_PARTNER_NOTES: return &self->notes_row;
    case REI_PARTNER_TYPE:
    case REI_PARTNER_LEVEL:
    case REI_PARTNER_SECTOR:
    case REI_PARTNER_N_FIELDS:
    default:
      return NULL;
    }
}

static gboolean
is_date_field (ReiPartnerField field)
{
  return field == REI_PARTNER_AGREEMENT_DATE || field == REI_PARTNER_AGREEMENT_UNTIL;
}

/* Only a text that differs is set: opening a partner from the map should re-measure the rows
 * that change, not the whole form. */
static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
show_status (ReiPartnerEditor *self,
             const char       *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static void
set_choices (ReiCodeComboRow     *row,
             const char * const  *codes,
             const char         *(*label) (const char *))
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_ptr_array_add (pairs, (gpointer) codes[i]);
      g_ptr_array_add (pairs, (gpointer) label (codes[i]));
    }
  g_ptr_array_add (pairs, NULL);
  rei_code_combo_row_set_choices (row, (const char * const *) pairs->pdata);
}

/* The definition of each type, and an empty page for none, made once (see the template). */
static void
fill_type_help (ReiPartnerEditor *self)
{
  const char * const *types = rei_partner_types ();

  for (guint i = 0;; i++)
    {
      GtkWidget *label = gtk_label_new (types[i] != NULL ? rei_partner_type_help (types[i]) : "");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_stack_add_named (self->type_help, label, types[i] != NULL ? types[i] : "none");
      if (types[i] == NULL)
        break;
    }
}

static void
fill_areas (ReiPartnerEditor *self)
{
  g_autoptr(GPtrArray) areas = NULL;

  if (self->store == NULL || self->area_checks->len > 0)
    return;
  areas = rei_store_list_social_areas (self->store, NULL);
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      char **area = g_ptr_array_index (areas, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), area[1]);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (area[0]), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->areas_row, row);
      g_ptr_array_add (self->area_checks, check);
    }
}

static void
update_areas_subtitle (ReiPartnerEditor *self)
{
  guint n = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->area_checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->area_checks, i));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u area", "%u areas", n), n);
  adw_expander_row_set_subtitle (self->areas_row, subtitle);
}

/* ---------------------------------------------------------------------------------------------
 * The partner's services and referrals, read in a thread: opening a partner from the map or the
 * list fills the form from the partner in hand and leaves the queries to a worker.
 * ------------------------------------------------------------------------------------------- */

typedef struct
{
  ReiStore  *store;
  gint64     partner_id;
  GPtrArray *services;       /* ReiService* */
  guint      n_referrals;
  char      *last_referred;  /* ISO date of the newest, NULL for none */
} Details;

static void
details_free (gpointer data)
{
  Details *details = data;

  g_object_unref (details->store);
  g_clear_pointer (&details->services, g_ptr_array_unref);
  g_free (details->last_referred);
  g_free (details);
}

static void
details_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Details *details = data;
  g_autoptr(GPtrArray) referrals = NULL;
  GError *error = NULL;

  details->services = rei_store_list_services (details->store, details->partner_id, &error);
  if (details->services != NULL)
    referrals = rei_store_list_referrals (details->store, details->partner_id, 0, &error);
  if (referrals == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  details->n_referrals = referrals->len;
  if (referrals->len > 0)
    details->last_referred = g_strdup (rei_referral_get_text (g_ptr_array_index (referrals, 0),
                                                              REI_REFERRAL_REFERRED_ON));
  g_task_return_boolean (task, TRUE);
}

static void
set_services (ReiPartnerEditor *self,
              GPtrArray        *services)
{
  g_autoptr(GtkStringList) names = NULL;
  gint64 none = 0;

  /* The list holds "No particular service" alone already. */
  if ((services == NULL || services->len == 0) && self->service_ids->len == 1)
    return;
  names = gtk_string_list_new (NULL);
  g_array_set_size (self->service_ids, 0);
  gtk_string_list_append (names, _("No particular service"));
  g_array_append_val (self->service_ids, none);
  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      ReiService *service = g_ptr_array_index (services, i);
      gint64 service_id = rei_service_get_id (service);

      gtk_string_list_append (names, rei_service_get_name (service));
      g_array_append_val (self->service_ids, service_id);
    }
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
}

static void
on_details_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ReiPartnerEditor *self = REI_PARTNER_EDITOR (source);
  Details *details = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Another partner was opened meanwhile: its own answer comes. */
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->details);
  if (error != NULL)
    {
      gtk_label_set_text (self->referral_label, error->message);
      return;
    }
  set_services (self, details->services);
  if (details->n_referrals == 0)
    {
      gtk_label_set_text (self->referral_label, _("Nobody has been referred here yet."));
      return;
    }
  {
    g_autofree char *date = rei_date_format_display (details->last_referred);

    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral, the last on %s",
                                         "%u referrals, the last on %s", details->n_referrals),
                            details->n_referrals, date);
  }
  gtk_label_set_text (self->referral_label, text);
}

static void
load_details (ReiPartnerEditor *self)
{
  gint64 id = self->partner != NULL ? rei_partner_get_id (self->partner) : 0;
  g_autoptr(GTask) task = NULL;
  Details *details;

  if (self->details != NULL)
    g_cancellable_cancel (self->details);
  g_clear_object (&self->details);
  set_services (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refer_group), id > 0);
  if (id <= 0 || self->store == NULL)
    {
      gtk_label_set_text (self->referral_label, _("Save the partner before referring anyone."));
      return;
    }
  gtk_label_set_text (self->referral_label, "");
  self->details = g_cancellable_new ();
  details = g_new0 (Details, 1);
  details->store = g_object_ref (self->store);
  details->partner_id = id;
  task = g_task_new (self, self->details, on_details_cb, NULL);
  g_task_set_source_tag (task, load_details);
  g_task_set_task_data (task, details, details_free);
  g_task_run_in_thread (task, details_thread);
}

/* ---------------------------------------------------------------------------------------------
 * The resident to refer: searched in the registry by name or PESEL (in a thread, as the residents
 * list searches), chosen from the matches and referred by id, so that a resident without a PESEL
 * can be referred as well as anyone.
 * ------------------------------------------------------------------------------------------- */

static void
set_matches (ReiPartnerEditor *self,
             GPtrArray        *matches)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_array_set_size (self->match_ids, 0);
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      ReiResidentMatch *match = g_ptr_array_index (matches, i);

      g_array_append_val (self->match_ids, match->id);
      gtk_string_list_append (model, match->label);
    }
  adw_combo_row_set_model (self->match_row, G_LIST_MODEL (model));
  gtk_widget_set_sensitive (GTK_WIDGET (self->match_row), self->match_ids->len > 0);
  gtk_widget_set_sensitive (self->refer_button, self->match_ids->len > 0);
}

static void
on_searched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ReiPartnerEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = rei_resident_match_find_finish (REI_STORE (source), result, &error);

  /* Typed on meanwhile: the newer text's answer comes. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->searching);
  if (matches == NULL)
    {
      gtk_label_set_text (self->referral_label, error->message);
      return;
    }
  set_matches (self, matches);
  if (matches->len == 0)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->resident_row))));
      g_autofree char *message = g_strdup_printf (_("Nobody in the registry matches “%s”."), text);

      gtk_widget_add_css_class (GTK_WIDGET (self->resident_row), "error");
      gtk_label_set_text (self->referral_label, message);
    }
}

static gboolean
on_search_timeout_cb (gpointer data)
{
  ReiPartnerEditor *self = data;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->resident_row))));

  self->search_source = 0;
  rei_resident_match_find_async (self->store, text, MAX_MATCHES, self->searching, on_searched_cb,
                                 g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
on_resident_changed_cb (ReiPartnerEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->resident_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_widget_remove_css_class (GTK_WIDGET (self->resident_row), "error");
  g_clear_handle_id (&self->search_source, g_source_remove);
  if (self->searching != NULL)
    g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  set_matches (self, NULL);
  if (*stripped == '\0' || self->store == NULL)
    return;
  /* Loading from here on, so that a caller waiting for the editor waits for the matches. */
  self->searching = g_cancellable_new ();
  self->search_source = g_timeout_add (SEARCH_DELAY_MS, on_search_timeout_cb, self);
}

static void
on_type_changed_cb (ReiPartnerEditor *self)
{
  const char *type = rei_code_combo_row_get_code (self->type_row);

  gtk_stack_set_visible_child_name (self->type_help,
                                    type != NULL && gtk_stack_get_child_by_name (self->type_help, type) != NULL
                                    ? type : "none");
}

/* The core's validators judge NIP and REGON as they are typed, with the very message the import
 * and the CLI give, under the fields. */
static void
on_identifier_changed_cb (ReiPartnerEditor *self)
{
  const char *nip = gtk_editable_get_text (GTK_EDITABLE (self->nip_row));
  const char *regon = gtk_editable_get_text (GTK_EDITABLE (self->regon_row));
  g_autoptr(GError) nip_error = NULL;
  g_autoptr(GError) regon_error = NULL;
  g_autoptr(GString) message = g_string_new (NULL);

  if (*nip != '\0' && !rei_nip_validate (nip, &nip_error))
    g_string_append_printf (message, "NIP: %s", nip_error->message);
  if (*regon != '\0' && !rei_regon_validate (regon, &regon_error))
    g_string_append_printf (message, "%sREGON: %s", message->len > 0 ? "\n" : "",
                            regon_error->message);
  if (nip_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->nip_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->nip_row), "error");
  if (regon_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->regon_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->regon_row), "error");
  gtk_label_set_text (self->identifier_label, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->identifier_label), message->len > 0);
}

static void
on_save_clicked_cb (ReiPartnerEditor *self)
{
  rei_partner_editor_save (self, NULL);
}

static void
on_delete_clicked_cb (ReiPartnerEditor *self)
{
  if (self->partner != NULL && rei_partner_get_id (self->partner) > 0)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, rei_partner_get_id (self->partner));
}

static void
on_refer_clicked_cb (ReiPartnerEditor *self)
{
  rei_partner_editor_refer (self, NULL);
}

static void
rei_partner_editor_dispose (GObject *object)
{
  ReiPartnerEditor *self = REI_PARTNER_EDITOR (object);

  if (self->details != NULL)
    g_cancellable_cancel (self->details);
  g_clear_object (&self->details);
  if (self->searching != NULL)
    g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  g_clear_handle_id (&self->search_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REI_TYPE_PARTNER_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->area_checks, g_ptr_array_unref);
  g_clear_pointer (&self->service_ids, g_array_unref);
  g_clear_pointer (&self->match_ids, g_array_unref);
  G_OBJECT_CLASS (rei_partner_editor_parent_class)->dispose (object);
}

static void
rei_partner_editor_class_init (ReiPartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_partner_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[REFERRED] = g_signal_new ("referred", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            1, G_TYPE_INT64);

  g_type_ensure (REI_TYPE_CODE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reintegra/Reintegra/ui/network/rei-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, type_help);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, sector_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, areas_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, nip_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, regon_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, identifier_label);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, agreement_date_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, agreement_scope_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, agreement_until_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, refer_group);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, resident_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, match_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, refer_button);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, service_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, referred_on_row);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, referral_label);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ReiPartnerEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_type_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_identifier_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_resident_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refer_clicked_cb);
}

static void
rei_partner_editor_init (ReiPartnerEditor *self)
{
  self->area_checks = g_ptr_array_new ();
  self->service_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->match_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_type_help (self);
  set_choices (self->type_row, rei_partner_types (), rei_partner_type_label);
  set_choices (self->level_row, rei_partner_levels (), rei_partner_level_label);
  set_choices (self->sector_row, rei_partner_sectors (), rei_partner_sector_label);
  set_matches (self, NULL);
  rei_partner_editor_set_partner (self, NULL);
}

GtkWidget *
rei_partner_editor_new (void)
{
  return g_object_new (REI_TYPE_PARTNER_EDITOR, NULL);
}

void
rei_partner_editor_set_store (ReiPartnerEditor *self,
                              ReiStore         *store)
{
  g_return_if_fail (REI_IS_PARTNER_EDITOR (self));

  g_set_object (&self->store, store);
  fill_areas (self);
  rei_partner_editor_set_partner (self, self->partner);
}

void
rei_partner_editor_set_partner (ReiPartnerEditor *self,
                                ReiPartner       *partner)
{
  g_autoptr(ReiPartner) copy = NULL;
  g_autofree char *today = rei_date_today_iso ();
  g_autofree char *today_display = rei_date_format_display (today);

  g_return_if_fail (REI_IS_PARTNER_EDITOR (self));

  copy = partner != NULL ? rei_partner_copy (partner) : rei_partner_new ();
  g_set_object (&self->partner, copy);

  for (ReiPartnerField f = 0; f < REI_PARTNER_N_FIELDS; f++)
    {
      AdwEntryRow **row = text_row (self, f);
      const char *value = rei_partner_get_text (copy, f);

      if (row == NULL)
        continue;
      if (is_date_field (f) && value != NULL)
        {
          g_autofree char *display = rei_date_format_display (value);

          set_entry (*row, display);
        }
      else
        set_entry (*row, value);
    }
  rei_code_combo_row_set_code (self->type_row, rei_partner_get_text (copy, REI_PARTNER_TYPE));
  rei_code_combo_row_set_code (self->level_row, rei_partner_get_text (copy, REI_PARTNER_LEVEL));
  rei_code_combo_row_set_code (self->sector_row, rei_partner_get_text (copy, REI_PARTNER_SECTOR));
  on_type_changed_cb (self);
  for (guint i = 0; i < self->area_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->area_checks, i);

      gboolean active = rei_partner_has_area (copy, g_object_get_data (G_OBJECT (check), "code"));

      if (gtk_check_button_get_active (check) != active)
        gtk_check_button_set_active (check, active);
    }
  update_areas_subtitle (self);
  show_status (self, NULL);
  on_identifier_changed_cb (self);
  gtk_widget_set_sensitive (self->delete_button, rei_partner_get_id (copy) > 0);

  set_entry (self->resident_row, NULL);
  set_entry (self->referred_on_row, today_display);
  load_details (self);
}

gint64
rei_partner_editor_get_partner_id (ReiPartnerEditor *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_EDITOR (self), 0);
  return rei_partner_get_id (self->partner);
}

ReiPartner *
rei_partner_editor_dup_partner (ReiPartnerEditor *self)
{
  ReiPartner *partner;
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();

  g_return_val_if_fail (REI_IS_PARTNER_EDITOR (self), NULL);

  partner = rei_partner_copy (self->partner);
  for (ReiPartnerField f = 0; f < REI_PARTNER_N_FIELDS; f++)
    {
      AdwEntryRow **row = text_row (self, f);
      const char *text;

      if (row == NULL)
        continue;
      text = gtk_editable_get_text (GTK_EDITABLE (*row));
      /* A date the core cannot read stays as typed, so that its check names the field. */
      if (is_date_field (f) && *text != '\0')
        {
          g_autofree char *iso = rei_date_normalize (text);

          rei_partner_set_text (partner, f, iso != NULL ? iso : text);
        }
      else
        rei_partner_set_text (partner, f, text);
    }
  rei_partner_set_text (partner, REI_PARTNER_TYPE, rei_code_combo_row_get_code (self->type_row));
  rei_partner_set_text (partner, REI_PARTNER_LEVEL, rei_code_combo_row_get_code (self->level_row));
  rei_partner_set_text (partner, REI_PARTNER_SECTOR, rei_code_combo_row_get_code (self->sector_row));
  for (guint i = 0; i < self->area_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->area_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (areas, g_object_get_data (G_OBJECT (check), "code"));
    }
  g_ptr_array_add (areas, NULL);
  rei_partner_set_areas (partner, (const char * const *) areas->pdata);
  return partner;
}

gboolean
rei_partner_editor_save (ReiPartnerEditor  *self,
                         GError           **error)
{
  g_autoptr(ReiPartner) partner = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (REI_IS_PARTNER_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  partner = rei_partner_editor_dup_partner (self);
  /* One row and its areas: quick enough for the main thread, like a resident's save. */
  if (!rei_store_save_partner (self->store, partner, &local_error))
    {
      show_status (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  rei_partner_editor_set_partner (self, partner);
  g_signal_emit (self, signals[SAVED], 0, rei_partner_get_id (partner));
  return TRUE;
}

gboolean
rei_partner_editor_refer (ReiPartnerEditor  *self,
                          GError           **error)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->referred_on_row));
  guint selected = adw_combo_row_get_selected (self->service_row);
  guint match = adw_combo_row_get_selected (self->match_row);
  g_autoptr(ReiReferral) referral = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = NULL;
  gint64 partner_id = rei_partner_get_id (self->partner);

  g_return_val_if_fail (REI_IS_PARTNER_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (match == GTK_INVALID_LIST_POSITION || match >= self->match_ids->len)
    g_set_error (&local_error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                 _("Type the resident’s name or PESEL and choose them from the registry."));
  else
    {
      referral = rei_referral_new (g_array_index (self->match_ids, gint64, match), partner_id);
      if (selected != GTK_INVALID_LIST_POSITION && selected < self->service_ids->len)
        rei_referral_set_service_id (referral, g_array_index (self->service_ids, gint64, selected));
      iso = rei_date_normalize (date);
      rei_referral_set_text (referral, REI_REFERRAL_REFERRED_ON, iso != NULL ? iso : date);
      rei_referral_set_text (referral, REI_REFERRAL_STATUS, "planowane");
      /* One row: quick enough for the main thread, like a partner's save. */
      rei_store_save_referral (self->store, referral, &local_error);
    }
  if (local_error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->resident_row), "error");
      gtk_label_set_text (self->referral_label, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  set_entry (self->resident_row, NULL);
  load_details (self);
  g_signal_emit (self, signals[REFERRED], 0, partner_id);
  return TRUE;
}

gboolean
rei_partner_editor_get_loading (ReiPartnerEditor *self)
{
  g_return_val_if_fail (REI_IS_PARTNER_EDITOR (self), FALSE);
  return self->details != NULL || self->searching != NULL;
}

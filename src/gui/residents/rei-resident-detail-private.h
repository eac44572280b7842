/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident-consent-section.h"
#include "rei-resident-contact-section.h"
#include "rei-resident-detail.h"
#include "rei-resident-eligibility-section.h"
#include "rei-resident-identity-section.h"
#include "rei-resident-notes-section.h"
#include "rei-resident-outcome-section.h"
#include "rei-resident-participation-section.h"

G_BEGIN_DECLS

/* The pane spans two files: rei-resident-detail.c (the form made of its sections, and the
 * list's selection) and rei-resident-detail-actions.c (save, new, delete with Undo, export,
 * anonymise, and the question about unsaved edits).  Nothing here is for other classes but the
 * window tests' part at the end. */

#define REI_RESIDENT_DETAIL_N_SECTIONS 7

struct _ReiResidentDetail
{
  GtkWidget                        parent_instance;

  ReiStore                        *store;
  ReiResidentView                 *view;
  GtkSelectionModel               *selection;

  /* The person as last read from (or written to) the store; NULL for a new one or none. */
  ReiResident                     *resident;
  gboolean                         has_form;       /* the form is shown (a person, or a new one) */
  gboolean                         modified;
  gboolean                         ignore_selection;
  guint                            position;       /* of the person in the list, as selected */
  guint                            n_errors;
  AdwToast                        *undo_toast;

  /* Template widgets. */
  GtkLabel                        *title_label;
  GtkRevealer                     *save_error_revealer;
  GtkLabel                        *save_error_label;
  ReiResidentIdentitySection      *identity_section;
  ReiResidentContactSection       *contact_section;
  ReiResidentEligibilitySection   *eligibility_section;
  ReiResidentParticipationSection *participation_section;
  ReiResidentOutcomeSection       *outcome_section;
  ReiResidentConsentSection       *consent_section;
  ReiResidentNotesSection         *notes_section;

  /* The same sections, in the order of the form. */
  ReiResidentSection              *sections[REI_RESIDENT_DETAIL_N_SECTIONS];
};

/* rei-resident-detail.c */
void         _rei_resident_detail_load               (ReiResidentDetail *self,
                                                      ReiResident       *resident);
void         _rei_resident_detail_clear              (ReiResidentDetail *self);
ReiResident *_rei_resident_detail_build              (ReiResidentDetail *self);
void         _rei_resident_detail_update_title       (ReiResidentDetail *self);
void         _rei_resident_detail_refresh_list       (ReiResidentDetail *self);
void         _rei_resident_detail_unselect           (ReiResidentDetail *self);
void         _rei_resident_detail_add_toast          (ReiResidentDetail *self,
                                                      AdwToast          *toast);

/* rei-resident-detail-actions.c */
void         _rei_resident_detail_class_init_actions (GtkWidgetClass    *widget_class);
gboolean     _rei_resident_detail_save               (ReiResidentDetail *self);
gboolean     _rei_resident_detail_retention_passed   (ReiResidentDetail *self);

/* For the window tests. */
AdwEntryRow   *rei_resident_detail_get_entry_row         (ReiResidentDetail *self,
                                                          ReiResidentField   field);
/* The message shown under the row of a field, or NULL when it is valid. */
const char    *rei_resident_detail_get_field_error       (ReiResidentDetail *self,
                                                          ReiResidentField   field);
/* The combo row of a coded field (sex, referral, end reason, outcome, legal basis). */
AdwComboRow   *rei_resident_detail_get_code_row          (ReiResidentDetail *self,
                                                          ReiResidentField   field);
GtkSpinButton *rei_resident_detail_get_extension_spin    (ReiResidentDetail *self);
/* The toast with Undo after the last delete, or NULL. */
AdwToast      *rei_resident_detail_get_undo_toast        (ReiResidentDetail *self);
GtkWidget     *rei_resident_detail_get_lifecycle_warning (ReiResidentDetail *self);
GtkWidget     *rei_resident_detail_get_history_row       (ReiResidentDetail *self);
GtkWidget     *rei_resident_detail_get_anonymise_row     (ReiResidentDetail *self);
/* Checks or unchecks the box of a category in the form. */
void           rei_resident_detail_set_category          (ReiResidentDetail *self,
                                                          const char        *code,
                                                          gboolean           active);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-code-combo-row.h"
#include "rei-resident.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_RESIDENT_SECTION (rei_resident_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (ReiResidentSection, rei_resident_section, REI, RESIDENT_SECTION,
                          GtkWidget)

/* One part of a person's form (identity, contact, …): its groups of rows in a composite
 * template, what it shows of a resident and what it writes back.  The detail pane holds one of
 * each and asks them all in turn; a section emits "changed" when the user edits it.
 *
 * The base does the work that every row of a field needs: registered with
 * rei_resident_section_add_field(), an entry row is filled by load (dates as dd.mm.yyyy), written
 * by apply (PESEL and dates normalised), checked by validate with the core's resident rules, and
 * has a row under it for the reason it is refused; registered with
 * rei_resident_section_add_code_field(), a combo row of codes is selected by load and read by
 * apply (its choices are the subclass's, filled before it chains up to load).  Subclasses chain
 * up and add their own widgets. */
struct _ReiResidentSectionClass
{
  GtkWidgetClass parent_class;

  /* Shows a person (NULL: a new one) with nothing edited. */
  void   (*load)           (ReiResidentSection *self,
                            ReiResident        *resident);
  /* Writes what is typed into resident. */
  void   (*apply)          (ReiResidentSection *self,
                            ReiResident        *resident);
  /* Checks what is typed, shows every reason under its field and returns how many there are. */
  guint  (*validate)       (ReiResidentSection *self);
  /* Shows what follows from the whole form: form is what is typed, with the dates that are not
   * dates yet left out. */
  void   (*update)         (ReiResidentSection *self,
                            ReiResident        *form);
  /* Reads the store's lists again, keeping what is chosen. */
  void   (*reload_lookups) (ReiResidentSection *self);
};

ReiStore    *rei_resident_section_get_store       (ReiResidentSection *self);
void         rei_resident_section_set_store       (ReiResidentSection *self,
                                                   ReiStore           *store);
void         rei_resident_section_load            (ReiResidentSection *self,
                                                   ReiResident        *resident);
void         rei_resident_section_apply           (ReiResidentSection *self,
                                                   ReiResident        *resident);
guint        rei_resident_section_validate        (ReiResidentSection *self);
void         rei_resident_section_update          (ReiResidentSection *self,
                                                   ReiResident        *form);
void         rei_resident_section_reload_lookups  (ReiResidentSection *self);
/* The row of a field, or NULL when the field is not in this section. */
AdwEntryRow *rei_resident_section_get_entry_row   (ReiResidentSection *self,
                                                   ReiResidentField    field);
/* The combo row of a coded field, or NULL when the field is not in this section. */
ReiCodeComboRow *rei_resident_section_get_code_row (ReiResidentSection *self,
                                                    ReiResidentField    field);
/* The reason shown under a field of this section, or NULL when there is none. */
const char  *rei_resident_section_get_field_error (ReiResidentSection *self,
                                                   ReiResidentField    field);
/* Shows (or with NULL hides) the reason a field of this section is refused. */
void         rei_resident_section_set_field_error (ReiResidentSection *self,
                                                   ReiResidentField    field,
                                                   const char         *message);

/* For subclasses. */
void         rei_resident_section_add_field       (ReiResidentSection *self,
                                                   ReiResidentField    field,
                                                   AdwEntryRow        *row);
void         rei_resident_section_add_code_field  (ReiResidentSection *self,
                                                   ReiResidentField    field,
                                                   ReiCodeComboRow    *row);
/* A hidden row under row, in its list, for the reason it is refused. */
GtkWidget   *rei_resident_section_add_error_row   (ReiResidentSection *self,
                                                   GtkWidget          *row);
void         rei_resident_section_show_error      (GtkWidget          *error_row,
                                                   GtkWidget          *row,
                                                   const char         *message);
/* The text of a field's row without surrounding spaces; NULL when empty. */
char        *rei_resident_section_dup_text        (ReiResidentSection *self,
                                                   ReiResidentField    field);
/* Between these, changes to the widgets are the program's, not the user's: no "changed". */
void         rei_resident_section_begin_loading   (ReiResidentSection *self);
void         rei_resident_section_end_loading     (ReiResidentSection *self);
/* Emits "changed", unless the section is being filled. */
void         rei_resident_section_changed         (ReiResidentSection *self);

G_END_DECLS

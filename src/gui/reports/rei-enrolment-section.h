/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store-reports.h"

G_BEGIN_DECLS

#define REI_TYPE_ENROLMENT_SECTION (rei_enrolment_section_get_type ())

G_DECLARE_FINAL_TYPE (ReiEnrolmentSection, rei_enrolment_section, REI, ENROLMENT_SECTION, AdwBin)

/* The participants of one project and the form of one enrolment: a resident found in the
 * register by name or PESEL (people without a PESEL too), the dates of joining and leaving, the
 * planned path, the situation after leaving, social progress.  The list and the search are read
 * in a thread; the form is checked with the import's rules (rei_enrolment_check).  "changed"
 * after every save or removal.  Actions: enrolment.new, enrolment.save, enrolment.remove. */
void        rei_enrolment_section_set_store     (ReiEnrolmentSection *self,
                                                 ReiStore            *store);
/* A copy of the project (NULL: none, the section is empty). */
void        rei_enrolment_section_set_project   (ReiEnrolmentSection *self,
                                                 const ReiProject    *project);
/* Reading the list or searching. */
gboolean    rei_enrolment_section_get_busy      (ReiEnrolmentSection *self);
/* The enrolments shown, ReiEnrolment* (with names). */
GPtrArray  *rei_enrolment_section_get_enrolments (ReiEnrolmentSection *self);
/* Opens the form on an enrolment of the list, as a click on its row does. */
gboolean    rei_enrolment_section_edit          (ReiEnrolmentSection *self,
                                                 gint64               resident_id);
/* Searches the register in a thread, as typing in the search row does. */
void        rei_enrolment_section_search        (ReiEnrolmentSection *self,
                                                 const char          *text);
/* The residents found, as (id, "Surname First · PESEL") rows: choose one as a click does. */
GtkListBox *rei_enrolment_section_get_results   (ReiEnrolmentSection *self);
gboolean    rei_enrolment_section_choose        (ReiEnrolmentSection *self,
                                                 gint64               resident_id);
gboolean    rei_enrolment_section_save          (ReiEnrolmentSection *self,
                                                 GError             **error);
const char *rei_enrolment_section_get_message   (ReiEnrolmentSection *self);

G_END_DECLS

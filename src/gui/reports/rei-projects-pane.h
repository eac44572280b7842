/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-enrolment-section.h"
#include "rei-project-editor.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_PROJECTS_PANE (rei_projects_pane_get_type ())

G_DECLARE_FINAL_TYPE (ReiProjectsPane, rei_projects_pane, REI, PROJECTS_PANE, AdwBin)

/* The reports page's Projects: the list of projects, the form of the one chosen and its
 * participants.  "changed" after any save or delete, so that the indicators follow.  Action:
 * projects.new. */
void                 rei_projects_pane_set_store       (ReiProjectsPane *self,
                                                        ReiStore        *store);
/* Reads the list again, keeping the project chosen when it is still there. */
void                 rei_projects_pane_reload          (ReiProjectsPane *self);
/* Chooses a project by its id, as a click on its row does; FALSE when it is not listed. */
gboolean             rei_projects_pane_select          (ReiProjectsPane *self,
                                                        gint64           project_id);
GtkListBox          *rei_projects_pane_get_list        (ReiProjectsPane *self);
ReiProjectEditor    *rei_projects_pane_get_editor      (ReiProjectsPane *self);
ReiEnrolmentSection *rei_projects_pane_get_enrolments  (ReiProjectsPane *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store-reports.h"

G_BEGIN_DECLS

#define REI_TYPE_PROJECT_EDITOR (rei_project_editor_get_type ())

G_DECLARE_FINAL_TYPE (ReiProjectEditor, rei_project_editor, REI, PROJECT_EDITOR, AdwBin)

/* The form of one project: code, title, programme, applicant, period, targets by sex, value
 * and grant (typed as Polish spreadsheets write money, shown formatted), the partners chosen
 * from the network, the tasks (Zadanie 1..n, each with the partner that does it) and the
 * project's own indicator thresholds (empty: the definition's).  It
 * checks with the core's rules and writes through the store ("saved", gint64 id); Delete asks
 * first ("deleted", gint64 id).  Actions: project.save, project.delete, project.add-task. */
GtkWidget   *rei_project_editor_new            (void);
void         rei_project_editor_set_store      (ReiProjectEditor *self,
                                                ReiStore         *store);
/* Shows a copy of the project and its tasks (NULL: a new, empty one). */
void         rei_project_editor_set_project    (ReiProjectEditor *self,
                                                const ReiProject *project);
/* 0 for a project not saved yet. */
gint64       rei_project_editor_get_project_id (ReiProjectEditor *self);
/* Saves the form; FALSE with the message shown under it (and in error). */
gboolean     rei_project_editor_save           (ReiProjectEditor *self,
                                                GError          **error);
/* A task row more, for the partner named (NULL: the centre itself). */
void         rei_project_editor_add_task       (ReiProjectEditor *self,
                                                const char       *title,
                                                const char       *partner);
/* Types text into the threshold row of an indicator (as a clerk would; nothing is saved). */
void         rei_project_editor_set_threshold_text (ReiProjectEditor *self,
                                                const char       *indicator_code,
                                                const char       *text);
/* What the form says under its fields: the last problem, or NULL. */
const char  *rei_project_editor_get_message    (ReiProjectEditor *self);

G_END_DECLS

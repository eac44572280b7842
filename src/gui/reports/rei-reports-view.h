/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-report.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_REPORTS_VIEW (rei_reports_view_get_type ())

G_DECLARE_FINAL_TYPE (ReiReportsView, rei_reports_view, REI, REPORTS_VIEW, AdwBin)

/* The reports page: pick a year or a project, see every indicator with its numerator,
 * denominator, value and threshold, open the people behind one, export the workbook.  The
 * indicators are computed and the workbook written in a thread (progress and Cancel). */
void             rei_reports_view_set_store          (ReiReportsView *self,
                                                      ReiStore       *store);
/* Reads the years and projects again (after an import). */
void             rei_reports_view_reload_scopes      (ReiReportsView *self);
/* "rok:2019" or "projekt:KOD"; FALSE when there is no such choice. */
gboolean         rei_reports_view_select_scope       (ReiReportsView *self,
                                                      const char     *key);
/* The report on screen, NULL while none is computed. */
const ReiReport *rei_reports_view_get_report         (ReiReportsView *self);
/* Computing or exporting. */
gboolean         rei_reports_view_get_busy           (ReiReportsView *self);
/* Shows the people behind an indicator, as a click on its row does. */
gboolean         rei_reports_view_show_people        (ReiReportsView *self,
                                                      const char     *code);
GtkListBox      *rei_reports_view_get_indicator_list (ReiReportsView *self);
GtkListBox      *rei_reports_view_get_people_list    (ReiReportsView *self);
/* Asks where, then writes the report workbook in a thread. */
void             rei_reports_view_export             (ReiReportsView *self);
void             rei_reports_view_export_to_file     (ReiReportsView *self,
                                                      GFile          *file);
/* The last export's outcome for the user ("Saved …" or the error). */
const char      *rei_reports_view_get_status         (ReiReportsView *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the reports page's forms share: a question before a delete, a toast (with Undo) in the
 * window's overlay, and reading the typed dates, counts and amounts with the core's rules. */

typedef void (*ReiConfirmFunc) (GtkWidget *owner,
                                gpointer   data);

/* Asks "heading" with body over owner's window; on Delete calls func (owner, data).  data is
 * freed with data_free either way; nothing is called once owner is gone. */
void        rei_reports_confirm_delete  (GtkWidget       *owner,
                                         const char      *heading,
                                         const char      *body,
                                         ReiConfirmFunc   func,
                                         gpointer         data,
                                         GDestroyNotify   data_free);
/* Shows the toast in the nearest AdwToastOverlay above owner (dropped when there is none). */
void        rei_reports_add_toast       (GtkWidget       *owner,
                                         AdwToast        *toast);
/* The row's text as an ISO date (NULL for an empty row); FALSE with a message naming the row's
 * title when it is not a date. */
gboolean    rei_reports_read_date       (AdwEntryRow     *row,
                                         char           **iso,
                                         GError         **error);
/* A whole number, -1 for an empty row. */
gboolean    rei_reports_read_count      (AdwEntryRow     *row,
                                         int             *value,
                                         GError         **error);
/* Money as Polish spreadsheets write it (rei_money_parse), -1 for an empty row. */
gboolean    rei_reports_read_money      (AdwEntryRow     *row,
                                         gint64          *grosze,
                                         GError         **error);
/* A percentage ("34", "34,5", "34.5 %") from 0 to 1000, -1 for an empty row. */
gboolean    rei_reports_read_percent    (AdwEntryRow     *row,
                                         double          *percent,
                                         GError         **error);
/* Trimmed text, NULL when empty. */
char       *rei_reports_read_text       (AdwEntryRow     *row);
void        rei_reports_set_text        (AdwEntryRow     *row,
                                         const char      *text);
/* Marks the row as wrong until it is edited again. */
void        rei_reports_mark_error      (GtkWidget       *row,
                                         gboolean         wrong);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The audit trail stores what happened ("update") and which fields changed ("phone,notes") by
 * their internal names; people read words.  These are the one place that turns the names into
 * words: in the user's language for the window, and in Polish for the documents the centre
 * hands out (the right-of-access workbook), whatever the language of the desktop. */

/* "phone" → "Phone" (translated); a name the table does not know is returned as it is. */
const char  *rei_audit_field_label                  (const char *field);
/* "phone" → "Telefon". */
const char  *rei_audit_field_document_label         (const char *field);
/* "insert" → "Added" (translated); an unknown action is returned as it is. */
const char  *rei_audit_action_label                 (const char *action);
/* "insert" → "Dodanie". */
const char  *rei_audit_action_document_label        (const char *action);

/* The detail of an audit row, "phone,notes", as "Phone, Notes"; NULL for none. */
char        *rei_audit_describe_fields              (const char *detail);
/* The same as "Telefon, Uwagi". */
char        *rei_audit_describe_fields_for_document (const char *detail);

G_END_DECLS

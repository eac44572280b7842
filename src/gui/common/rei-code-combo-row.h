/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_CODE_COMBO_ROW (rei_code_combo_row_get_type ())

G_DECLARE_FINAL_TYPE (ReiCodeComboRow, rei_code_combo_row, REI, CODE_COMBO_ROW, AdwComboRow)

/* A combo row that chooses a code (of a lookup table, or of fixed choices) and shows its label.
 * With "show-not-recorded" (the default) the first choice is "Not recorded", the NULL code. */
GtkWidget   *rei_code_combo_row_new                   (void);
/* The codes of a lookup table of the store, in its order, each shown by its label; with no
 * store, none. */
void         rei_code_combo_row_set_table             (ReiCodeComboRow    *self,
                                                       ReiStore           *store,
                                                       const char         *table);
/* Fixed choices: code, label, code, label, …, NULL. */
void         rei_code_combo_row_set_choices           (ReiCodeComboRow    *self,
                                                       const char * const *pairs);
/* Selects a code.  One the choices do not have (typed into an old spreadsheet, or retired) is
 * added with the code as its label, so that showing a record never changes it. */
void         rei_code_combo_row_set_code              (ReiCodeComboRow    *self,
                                                       const char         *code);
/* The selected code; NULL for "Not recorded". */
const char  *rei_code_combo_row_get_code              (ReiCodeComboRow    *self);
gboolean     rei_code_combo_row_get_show_not_recorded (ReiCodeComboRow    *self);
void         rei_code_combo_row_set_show_not_recorded (ReiCodeComboRow    *self,
                                                       gboolean            show);

G_END_DECLS

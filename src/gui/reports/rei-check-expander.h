/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REI_TYPE_CHECK_EXPANDER (rei_check_expander_get_type ())

G_DECLARE_FINAL_TYPE (ReiCheckExpander, rei_check_expander, REI, CHECK_EXPANDER, GObject)

/* The choices of an AdwExpanderRow, a check each, with the ticked ones' labels as its subtitle.
 * What is ticked is kept here, and the check rows are made only when the expander is first
 * opened: a collapsed expander's rows are still made, measured and laid out, which for the
 * project editor's two dozen partners was most of the Projects page's first frame. */
ReiCheckExpander *rei_check_expander_new         (AdwExpanderRow     *expander,
                                                  const char         *separator,
                                                  const char         *none);
/* Drops every choice (and its row). */
void              rei_check_expander_clear       (ReiCheckExpander   *self);
void              rei_check_expander_add         (ReiCheckExpander   *self,
                                                  const char         *code,
                                                  const char         *label);
/* Ticks the choices whose codes are in @codes and no other; codes that are not choices are
 * left out. */
void              rei_check_expander_set_ticked  (ReiCheckExpander   *self,
                                                  const char * const *codes);
/* The ticked codes, in the order of the choices. */
GStrv             rei_check_expander_get_ticked  (ReiCheckExpander   *self);
/* The number of check rows made so far (0 until the expander is opened). */
guint             rei_check_expander_get_n_rows  (ReiCheckExpander   *self);

G_END_DECLS

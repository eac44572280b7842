/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Polish alphabetical order (ą after a, ł after l, ś after s, ź and ż after z) from ICU's "pl"
 * rules, independent of the machine's locale: an office in a C.UTF-8 session must sort its
 * residents the same way as one in pl_PL. Thread-safe. */

int   rei_collation_compare      (const char *a,
                                  const char *b);
int   rei_collation_compare_n    (const char *a,
                                  int         a_len,
                                  const char *b,
                                  int         b_len);
/* Folds case and diacritics for search-as-you-type ("lodz" finds "Łódź"). */
char *rei_collation_search_key   (const char *text);

G_END_DECLS

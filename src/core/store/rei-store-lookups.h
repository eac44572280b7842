/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

/* The code tables (resources/sql/), each named here once: the law's and the centre's lists, kept
 * as data because the law changes.  Only these names may be passed as a table below. */
#define REI_LOOKUP_CATEGORY     "category"      /* art. 1 ust. 2: who may enter */
#define REI_LOOKUP_END_REASON   "end_reason"    /* completed, resigned, removed … */
#define REI_LOOKUP_OUTCOME      "outcome"       /* the situation after leaving */
#define REI_LOOKUP_INDICATOR    "indicator"     /* a funder's indicators */
#define REI_LOOKUP_LEGAL_BASIS  "legal_basis"   /* GDPR art. 6 / 9 grounds */

gboolean     rei_store_has_code              (ReiStore            *self,
                                              const char          *table,
                                              const char          *code);
/* The active codes in their order. */
GPtrArray   *rei_store_list_codes            (ReiStore            *self,
                                              const char          *table,
                                              GError             **error);
/* The one way from a code to the label a person reads (NULL for an unknown code). */
char        *rei_store_get_label             (ReiStore            *self,
                                              const char          *table,
                                              const char          *code);
gboolean     rei_store_end_reason_is_graduate (ReiStore           *self,
                                              const char          *end_reason);
gboolean     rei_store_indicator_counts_outcome (ReiStore         *self,
                                              const char          *indicator,
                                              const char          *outcome);

/* Workshops and projects, by name; the ensure functions add one that is missing and return its
 * id (-1 with error set on failure), joining the caller's transaction if any. */
GPtrArray   *rei_store_list_workshops        (ReiStore            *self,
                                              GError             **error);
gint64       rei_store_ensure_workshop       (ReiStore            *self,
                                              const char          *name,
                                              GError             **error);
GPtrArray   *rei_store_list_project_titles   (ReiStore            *self,
                                              GError             **error);
gint64       rei_store_ensure_project        (ReiStore            *self,
                                              const char          *title,
                                              GError             **error);

/* The eligibility categories are data that the centre edits: codes in their order, the retired
 * ones too when include_inactive.  A retired category stays on the residents who have it. */
GPtrArray   *rei_store_list_categories       (ReiStore            *self,
                                              gboolean             include_inactive,
                                              GError             **error);
gboolean     rei_store_category_is_active    (ReiStore            *self,
                                              const char          *code);
/* Adds an active category at the end of the list; returns its new code, made from the label. */
char        *rei_store_add_category          (ReiStore            *self,
                                              const char          *label,
                                              GError             **error);
gboolean     rei_store_rename_category       (ReiStore            *self,
                                              const char          *code,
                                              const char          *label,
                                              GError             **error);
gboolean     rei_store_set_category_active   (ReiStore            *self,
                                              const char          *code,
                                              gboolean             active,
                                              GError             **error);

G_END_DECLS

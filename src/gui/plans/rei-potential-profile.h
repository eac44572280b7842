/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REI_TYPE_POTENTIAL_PROFILE (rei_potential_profile_get_type ())

G_DECLARE_FINAL_TYPE (ReiPotentialProfile, rei_potential_profile, REI, POTENTIAL_PROFILE, GtkWidget)

/* The reintegration potential as bars per dimension: entry (grey) against the latest
 * assessment (accent), on the scale 1–5, so that level and structure are seen at a glance. */
GtkWidget *rei_potential_profile_new        (void);
/* labels: the dimensions' labels; entry and latest: a score (0: none) per label. */
void       rei_potential_profile_set        (ReiPotentialProfile *self,
                                             const char * const  *labels,
                                             const int           *entry,
                                             const int           *latest);
int        rei_potential_profile_get_latest (ReiPotentialProfile *self,
                                             guint                index);
int        rei_potential_profile_get_entry  (ReiPotentialProfile *self,
                                             guint                index);

G_END_DECLS

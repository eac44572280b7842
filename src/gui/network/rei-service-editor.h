/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-service.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_SERVICE_EDITOR (rei_service_editor_get_type ())

G_DECLARE_FINAL_TYPE (ReiServiceEditor, rei_service_editor, REI, SERVICE_EDITOR, AdwBin)

/* The form of one row of the service catalogue: name, group A or B (B universal or tailored),
 * area, dimension of potential, provider, places, cost, description.  "saved" (gint64 id) after
 * a save or a delete (id 0). */
GtkWidget *rei_service_editor_new           (void);
void       rei_service_editor_set_store     (ReiServiceEditor *self,
                                             ReiStore         *store);
/* The partners offered as providers (ReiPartner*). */
void       rei_service_editor_set_partners  (ReiServiceEditor *self,
                                             GPtrArray        *partners);
/* Shows a copy of the service (NULL: a new one). */
void       rei_service_editor_set_service   (ReiServiceEditor *self,
                                             ReiService       *service);
gboolean   rei_service_editor_save          (ReiServiceEditor *self,
                                             GError          **error);

G_END_DECLS

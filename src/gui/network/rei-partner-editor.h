/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-partner.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_PARTNER_EDITOR (rei_partner_editor_get_type ())

G_DECLARE_FINAL_TYPE (ReiPartnerEditor, rei_partner_editor, REI, PARTNER_EDITOR, AdwBin)

/* The form of one partner: name, type A/B/C with the brochure's definition under it, level,
 * sector, areas, NIP and REGON checked by the core as they are typed (the message under the
 * fields), contact, the partnership agreement, notes; and a resident referred to it.  It
 * writes through the store and says so with "saved" (gint64 id), "referred" (gint64 partner
 * id); Delete asks its owner with "delete-requested" (gint64 id), which can offer Undo. */
GtkWidget   *rei_partner_editor_new            (void);
void         rei_partner_editor_set_store      (ReiPartnerEditor *self,
                                                ReiStore         *store);
/* Shows a copy of the partner (NULL: a new one). */
void         rei_partner_editor_set_partner    (ReiPartnerEditor *self,
                                                ReiPartner       *partner);
/* 0 for a partner not saved yet. */
gint64       rei_partner_editor_get_partner_id (ReiPartnerEditor *self);
/* The partner as the form has it now (a new object). */
ReiPartner  *rei_partner_editor_dup_partner    (ReiPartnerEditor *self);
/* Saves the form; FALSE with the message shown in the form (and in error). */
gboolean     rei_partner_editor_save           (ReiPartnerEditor *self,
                                                GError          **error);
/* Refers the resident of the PESEL typed to the partner and the service chosen. */
gboolean     rei_partner_editor_refer          (ReiPartnerEditor *self,
                                                GError          **error);

G_END_DECLS

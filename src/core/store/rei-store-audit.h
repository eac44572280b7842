/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

/* The audit trail: who did what to which record, naming changed fields, never their values. */
typedef struct
{
  gint64  id;
  char   *at;          /* UTC, "2019-05-31T14:03:00" */
  char   *actor;
  char   *entity;      /* "resident" */
  gint64  entity_id;
  char   *action;      /* insert, update, delete, restore, anonymise, import, export */
  char   *detail;      /* comma-separated field names, or NULL */
} ReiAuditEntry;

void         rei_audit_entry_free            (ReiAuditEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiAuditEntry, rei_audit_entry_free)

/* ReiAuditEntry*, oldest first. */
GPtrArray   *rei_store_list_audit            (ReiStore            *self,
                                              const char          *entity,
                                              gint64               entity_id,
                                              GError             **error);
/* For what happens outside the store (an export): joins the caller's transaction if any. */
gboolean     rei_store_add_audit             (ReiStore            *self,
                                              const char          *entity,
                                              gint64               entity_id,
                                              const char          *action,
                                              const char          *detail,
                                              GError             **error);

G_END_DECLS

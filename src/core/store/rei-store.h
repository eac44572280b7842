/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REI_TYPE_STORE (rei_store_get_type ())
#define REI_STORE_ERROR (rei_store_error_quark ())

/* "REI1" in ASCII: written to PRAGMA application_id so that we never mistake another program's
 * SQLite file for ours, nor let it mistake ours. */
#define REI_STORE_APPLICATION_ID 0x52454931

typedef enum
{
  REI_STORE_ERROR_NOT_A_DATABASE,   /* not SQLite, or SQLite but not ours */
  REI_STORE_ERROR_TOO_NEW,          /* written by a newer Reintegra */
  REI_STORE_ERROR_OPEN,             /* cannot open or create the file */
  REI_STORE_ERROR_MIGRATION,
  REI_STORE_ERROR_CORRUPT,
  REI_STORE_ERROR_CONSTRAINT,       /* e.g. the PESEL belongs to somebody else */
  REI_STORE_ERROR_NOT_FOUND,
  REI_STORE_ERROR_INVALID,          /* an unknown category, outcome, end reason */
  REI_STORE_ERROR_FAILED,
} ReiStoreError;

G_DECLARE_FINAL_TYPE (ReiStore, rei_store, REI, STORE, GObject)

GQuark       rei_store_error_quark           (void);
guint        rei_store_get_latest_version    (void);

ReiStore    *rei_store_open                  (const char          *path,
                                              GError             **error);
const char  *rei_store_get_path              (ReiStore            *self);
guint        rei_store_get_version           (ReiStore            *self);
char        *rei_store_default_path          (void);

/* The name written into the audit trail (the desktop user by default). */
void         rei_store_set_actor             (ReiStore            *self,
                                              const char          *actor);

/* Several calls in one transaction (an import, a bulk edit).  Nested calls are counted: only
 * the outermost commit writes; a rollback anywhere rolls the whole transaction back. */
gboolean     rei_store_begin                 (ReiStore            *self,
                                              GError             **error);
gboolean     rei_store_commit                (ReiStore            *self,
                                              GError             **error);
void         rei_store_rollback              (ReiStore            *self);

G_END_DECLS

/* The store-wide services every domain uses come with the object.  A domain's store API has its
 * own header beside its model (rei-store-residents.h …): rei-store.h includes none of them. */
#include "rei-store-audit.h"
#include "rei-store-lookups.h"
#include "rei-store-maintenance.h"
#include "rei-store-settings.h"

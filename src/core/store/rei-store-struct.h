/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The insides of ReiStore, shared by the files of src/core/store/ only (the object, its
 * connections, audit, settings, lookups, maintenance).  A domain's store file never includes
 * this: it works through rei-store-private.h, so that the locking rules live in one place. */

#include "rei-store-private.h"

G_BEGIN_DECLS

/* One SQLite connection with the statements prepared on it.  SQLite connections and prepared
 * statements must not be used by two threads at once, and the window queries from worker
 * threads, so every use goes through the lock. */
struct _ReiStoreConnection
{
  sqlite3    *db;
  GRecMutex   lock;
  GHashTable *statements;   /* the SQL literal's address → sqlite3_stmt */
};

struct _ReiStore
{
  GObject             parent_instance;

  char               *path;
  char               *actor;
  guint               version;

  /* Writes, and reads made inside a transaction, use the writer; other reads use a reader,
   * which in WAL mode sees the last committed state without waiting for a long import. */
  ReiStoreConnection  writer;
  /* Two: a long query in a worker thread (the whole registry sorted) holds one, and the
   * window's reads of a row or a setting take the other instead of waiting for it. */
  ReiStoreConnection  readers[2];

  GThread            *tx_owner;
  guint               tx_depth;
  gboolean            tx_rollback_only;

  char               *today_override;   /* tests only: the day the status filter takes as today */

  ReiStoreImport     *import;           /* the bulk import in progress (rei-store-import.c) */
};

/* rei-store-connection.c */
gboolean  rei_store_connection_open      (ReiStoreConnection  *c,
                                          const char          *path,
                                          GError             **error);
void      rei_store_connection_clear     (ReiStoreConnection  *c);
/* Whether the calling thread is inside a transaction it began (rei_store_begin()). */
gboolean  rei_store_in_own_transaction   (ReiStore            *self);
/* The first column of the first row of a statement run once, uncached (PRAGMAs); 0 if none. */
guint     rei_store_db_query_uint        (sqlite3             *db,
                                          const char          *sql);

G_END_DECLS

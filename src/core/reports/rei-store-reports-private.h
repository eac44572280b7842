/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store-private.h"

G_BEGIN_DECLS

/* Shared by rei-store-reports.c (projects, enrolments, funding) and rei-store-indicators.c
 * (indicator definitions, the people behind them, the CST2021 rows, the annual counts). */

static inline char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static inline gint64
column_int_or (sqlite3_stmt *stmt,
               int           col,
               gint64        unknown)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? unknown : sqlite3_column_int64 (stmt, col);
}

static inline void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static inline gboolean
fail (ReiStoreConnection  *c,
      sqlite3_stmt        *stmt,
      GError             **error,
      const char          *what)
{
  rei_store_set_sqlite_error (error, rei_store_connection_get_db (c), what);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return FALSE;
}

/* Runs a statement that returns no rows. */
static inline gboolean
step_done (ReiStoreConnection  *c,
           sqlite3_stmt        *stmt,
           GError             **error,
           const char          *what)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (c, stmt, error, what);
  sqlite3_reset (stmt);
  return TRUE;
}

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store-private.h"
#include "rei-store-reports.h"

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

/* In rei-store-reports.c; inside the caller's transaction.  A partner by name (case and
 * diacritics folded), added to the network as type B when missing. */
gint64   _rei_store_reports_ensure_partner (ReiStore            *store,
                                            const char          *name,
                                            GPtrArray           *added,
                                            GError             **error);
/* Inserts or updates the project (by id when it has one, else by code) and its partners. */
gboolean _rei_store_write_project          (ReiStore            *store,
                                            ReiProject          *project,
                                            GPtrArray           *added,
                                            GError             **error);

G_END_DECLS

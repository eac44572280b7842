/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-csv-reader.h"
#include "rei-progress.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The frame every spreadsheet import is built on (residents, partners, projects, enrolments,
 * funding).  It owns what is the same for all of them:
 *
 *   - bytes in, decoded as UTF-8 (BOM or not), CP1250 or either (REI_CSV_ENCODING_AUTO);
 *     ';' or ',' as the separator; RFC 4180 quoting; CRLF or LF (see rei-csv-reader.h);
 *   - a header row naming the columns in any order, matched as offices write them:
 *     rei_sheet_fold_name() makes "Data przyjęcia", "DATA-PRZYJECIA" and "data_przyjecia"
 *     one column; an unknown or repeated column, or a missing required one, is a problem of
 *     line 1, and the unknown column's message names the columns that are accepted;
 *   - every bad row reported as a ReiImportProblem with its line (the CLI prints them as
 *     FILE:LINE: message, the import dialog lists them), not just the first;
 *   - all or nothing: rows are written only when no row has a problem, all in one store
 *     transaction that is rolled back on the first failed write or a cancel;
 *   - with format->audit_entity, one audit row for the file rather than one per record, and
 *     the indexes the load does not need built in one step at its end (rei-store-import.h);
 *   - progress (reading and checking is the first 30 % of a run, writing the rest) and
 *     cancellation, checked every 1 024 rows;
 *   - counts of rows added and updated.
 *
 * The caller declares a ReiSheetFormat: its columns and two callbacks.
 *
 *   enum { COL_NAME, COL_NIP, COL_TOWN, N_COLS };
 *   static const ReiSheetColumn partner_columns[N_COLS] = {
 *     [COL_NAME] = { "nazwa", TRUE },
 *     [COL_NIP] = { "nip", FALSE },
 *     [COL_TOWN] = { "miejscowosc", FALSE },
 *   };
 *   static const ReiSheetFormat partner_format = {
 *     partner_columns, N_COLS, check_partner_row, write_partner, g_object_unref,
 *   };
 *   importer = rei_sheet_importer_new (store, &partner_format, self);
 *
 * check_row is called once per data row, in file order, before anything is written (also by
 * rei_sheet_importer_validate(), for a preview).  It reads the cells with rei_sheet_row_get(),
 * reports every problem of the row with rei_sheet_row_add_problem() (all of them, so that the
 * office fixes the sheet once) and returns what write_row needs, or NULL for a bad row.  It
 * must not write to the store.  write_row is called for each item, in file order, inside the
 * transaction; it sets *updated when the row replaced something already stored and returns
 * FALSE with @error set to abort the whole import (the message is reported on the row's line).
 * Rows whose field count differs from the header's are reported by the frame and never reach
 * check_row.  Checks across rows (the same PESEL twice) live in the caller, which resets its
 * own state before each validate or run. */

#define REI_TYPE_SHEET_IMPORTER (rei_sheet_importer_get_type ())
#define REI_IMPORT_ERROR (rei_import_error_quark ())

typedef enum
{
  REI_IMPORT_ERROR_INVALID,   /* the file has problems: see rei_sheet_importer_get_problems() */
  REI_IMPORT_ERROR_EMPTY,     /* no header row */
  REI_IMPORT_ERROR_READ,
} ReiImportError;

typedef struct
{
  guint  line;                /* 1-based physical line; 0 when the problem is the whole file */
  char  *message;
} ReiImportProblem;

typedef struct
{
  const char *name;           /* as the format documents it: "data_przyjecia" */
  gboolean    required;       /* the header must name it */
} ReiSheetColumn;

/* One data row while check_row looks at it; valid only during that call. */
typedef struct _ReiSheetRow ReiSheetRow;

G_DECLARE_FINAL_TYPE (ReiSheetImporter, rei_sheet_importer, REI, SHEET_IMPORTER, GObject)

typedef gpointer (*ReiSheetCheckFunc) (ReiSheetRow  *row,
                                       gpointer      user_data);
typedef gboolean (*ReiSheetWriteFunc) (gpointer      item,
                                       gboolean     *updated,
                                       gpointer      user_data,
                                       GError      **error);

typedef struct
{
  const ReiSheetColumn *columns;
  guint                 n_columns;
  ReiSheetCheckFunc     check_row;
  ReiSheetWriteFunc     write_row;   /* NULL for a format that is only ever validated */
  GDestroyNotify        item_free;   /* for what check_row returns; may be NULL */
  /* Optional.  The kind of record the sheet holds ("resident", "partner"): the run is then a
   * store import (rei-store-import.h), with one audit row for the whole file, and the
   * indexes named in deferred_indexes (NULL-terminated: those write_row never reads from)
   * built once after the load when the file is large.  NULL: a plain transaction. */
  const char           *audit_entity;
  const char * const   *deferred_indexes;
} ReiSheetFormat;

GQuark            rei_import_error_quark            (void);

/* "Data przyjęcia" → "dataprzyjecia": case folded, Polish letters (and other accents) without
 * their marks, ł as l, spaces, hyphens and underscores left out.  Two header names are the same
 * column when their folded forms are equal. */
char             *rei_sheet_fold_name               (const char            *name);

/* @format must outlive the importer (a static const is the usual case); @user_data is passed
 * to its callbacks and is not owned. */
ReiSheetImporter *rei_sheet_importer_new            (ReiStore              *store,
                                                     const ReiSheetFormat  *format,
                                                     gpointer               user_data);
void              rei_sheet_importer_set_encoding   (ReiSheetImporter      *self,
                                                     ReiCsvEncoding         encoding);
/* Reads and checks the whole file; writes nothing.  FALSE with REI_IMPORT_ERROR when the file
 * has any problem (EMPTY when it has no header row), G_IO_ERROR_CANCELLED on a cancel. */
gboolean          rei_sheet_importer_validate       (ReiSheetImporter      *self,
                                                     GBytes                *bytes,
                                                     ReiProgressFunc        progress,
                                                     gpointer               progress_data,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
/* Checks, then writes every row in one transaction, or nothing: FALSE as validate, or when a
 * write fails (REI_IMPORT_ERROR_INVALID, the failure also a problem on its line) or the store
 * cannot begin or commit (its own error). */
gboolean          rei_sheet_importer_run            (ReiSheetImporter      *self,
                                                     GBytes                *bytes,
                                                     ReiProgressFunc        progress,
                                                     gpointer               progress_data,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
/* ReiImportProblem*, in the order found (line order, a syntax error at the end last). */
GPtrArray        *rei_sheet_importer_get_problems   (ReiSheetImporter      *self);
/* What check_row returned for the rows, in line order (valid after validate or run). */
GPtrArray        *rei_sheet_importer_get_items      (ReiSheetImporter      *self);
/* Whether the header of the last file read named @column (an index into format->columns):
 * an update should only replace what the sheet speaks of. */
gboolean          rei_sheet_importer_has_column     (ReiSheetImporter      *self,
                                                     guint                  column);
guint             rei_sheet_importer_get_n_inserted (ReiSheetImporter      *self);
guint             rei_sheet_importer_get_n_updated  (ReiSheetImporter      *self);

/* The cell of @column (an index into format->columns) with surrounding spaces removed, or NULL
 * when it is empty or the header has no such column. */
const char       *rei_sheet_row_get                 (ReiSheetRow           *row,
                                                     guint                  column);
guint             rei_sheet_row_get_line            (ReiSheetRow           *row);
/* Adds a problem on the row's line: the file will not be written.  What check_row returns is
 * still kept (a preview may count it), so a bad row usually returns NULL. */
void              rei_sheet_row_add_problem         (ReiSheetRow           *row,
                                                     const char            *format,
                                                     ...) G_GNUC_PRINTF (2, 3);
gboolean          rei_sheet_row_has_problems        (ReiSheetRow           *row);

G_END_DECLS

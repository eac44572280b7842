/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REI_CSV_ERROR (rei_csv_error_quark ())

typedef enum
{
  REI_CSV_ERROR_ENCODING,        /* bytes are not valid in the requested encoding */
  REI_CSV_ERROR_UNTERMINATED,    /* a quoted field never closes */
  REI_CSV_ERROR_AFTER_QUOTE,     /* characters between a closing quote and the separator */
} ReiCsvError;

typedef enum
{
  REI_CSV_ENCODING_AUTO,   /* UTF-8 (BOM optional) when the bytes are valid UTF-8, else CP1250 */
  REI_CSV_ENCODING_UTF8,
  REI_CSV_ENCODING_CP1250,
} ReiCsvEncoding;

#define REI_TYPE_CSV_READER (rei_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (ReiCsvReader, rei_csv_reader, REI, CSV_READER, GObject)

GQuark          rei_csv_error_quark          (void);

/* Decodes the whole of @bytes to UTF-8 up front and drops a UTF-8 BOM.  Returns NULL with
 * REI_CSV_ERROR_ENCODING when the bytes are not valid in @encoding, or contain NUL bytes. */
ReiCsvReader   *rei_csv_reader_new           (GBytes          *bytes,
                                              ReiCsvEncoding   encoding,
                                              GError         **error);

/* Reads the next record.  Returns FALSE at the end of input (error unset) or on a syntax error
 * (error set, the message names the line); after an error the reader stays at the end.
 * @fields: (out) (transfer full) (nullable): a GPtrArray of UTF-8 char * (free func g_free),
 *   set to NULL when FALSE is returned.
 * @line: (out) (optional): the physical 1-based line number where the record starts.
 * Blank lines (empty or only spaces and tabs) are skipped; fields are not trimmed; newlines
 * inside quoted fields come back as "\n" whatever the file used. */
gboolean        rei_csv_reader_next          (ReiCsvReader    *self,
                                              GPtrArray      **fields,
                                              guint           *line,
                                              GError         **error);

/* ';' or ',' detected from the first non-blank line: whichever occurs more often outside
 * quotes; ';' on a tie. */
char            rei_csv_reader_get_separator (ReiCsvReader    *self);
/* The encoding actually used: REI_CSV_ENCODING_UTF8 or REI_CSV_ENCODING_CP1250. */
ReiCsvEncoding  rei_csv_reader_get_encoding  (ReiCsvReader    *self);
/* The physical line the next record will start on or after (for progress). */
guint           rei_csv_reader_get_line      (ReiCsvReader    *self);
/* Bytes consumed of the decoded text (BOM excluded), for progress; compare with get_length(). */
guint           rei_csv_reader_get_error_line (ReiCsvReader   *self);
gsize           rei_csv_reader_get_position  (ReiCsvReader    *self);
gsize           rei_csv_reader_get_length    (ReiCsvReader    *self);

G_END_DECLS

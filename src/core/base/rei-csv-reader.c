/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rei-csv-reader.h"

/* The importer reads spreadsheets exported by office software: Excel writes CP1250 ("CSV
 * (separated by semicolons)") or UTF-8 with a BOM ("CSV UTF-8"), LibreOffice usually writes
 * UTF-8 with commas.  The whole file is decoded once, so the parser below only ever sees UTF-8
 * and can scan it with plain pointers; separators, quotes and line ends are all ASCII and never
 * occur inside a multi-byte UTF-8 sequence. */

struct _ReiCsvReader
{
  GObject         parent_instance;

  GBytes         *bytes;      /* keeps @text alive when it points into the caller's bytes */
  char           *converted;  /* owns @text when it had to be converted from CP1250 */
  const char     *text;       /* not NUL-terminated in general; use @length */
  gsize           length;
  gsize           position;
  guint           line;
  guint           error_line; /* the line a syntax error is about */
  char            separator;
  ReiCsvEncoding  encoding;
  GString        *scratch;    /* reused for quoted fields, which need unescaping */
};

G_DEFINE_FINAL_TYPE (ReiCsvReader, rei_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (rei-csv-error-quark, rei_csv_error)

#define UTF8_BOM "\xEF\xBB\xBF"

static void
rei_csv_reader_finalize (GObject *object)
{
  ReiCsvReader *self = (ReiCsvReader *) object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->converted, g_free);
  g_string_free (self->scratch, TRUE);

  G_OBJECT_CLASS (rei_csv_reader_parent_class)->finalize (object);
}

static void
rei_csv_reader_class_init (ReiCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rei_csv_reader_finalize;
}

static void
rei_csv_reader_init (ReiCsvReader *self)
{
  self->line = 1;
  self->separator = ';';
  self->encoding = REI_CSV_ENCODING_UTF8;
  self->scratch = g_string_sized_new (256);
  self->text = "";
}

/* The 1-based line on which byte @stop lies, for error messages about raw bytes.  CR LF, LF and
 * a lone CR each end one line, exactly as the parser counts them. */
static guint
line_of (const char *start,
         const char *stop)
{
  guint line = 1;

  for (const char *p = start; p < stop; p++)
    {
      if (*p == '\n')
        line++;
      else if (*p == '\r' && !(p + 1 < stop && p[1] == '\n'))
        line++;
    }
  return line;
}

/* Moves past one line end (CR LF, LF or a lone CR) at @p; @p must point at '\r' or '\n'. */
static inline const char *
skip_line_end (const char *p,
               const char *end)
{
  if (*p == '\r' && p + 1 < end && p[1] == '\n')
    return p + 2;
  return p + 1;
}

/* Skips lines that are empty or hold only spaces and tabs.  Office software leaves such lines at
 * the end of an export; they carry no record and must not become a one-field row. */
static const char *
skip_blank_lines (const char *p,
                  const char *end,
                  guint      *line)
{
  while (p < end)
    {
      const char *q = p;

      while (q < end && (*q == ' ' || *q == '\t'))
        q++;
      if (q == end)
        return end;
      if (*q != '\r' && *q != '\n')
        return p;
      p = skip_line_end (q, end);
      (*line)++;
    }
  return p;
}

static char
detect_separator (const char *text,
                  gsize       length)
{
  const char *end = text + length;
  guint line = 1;
  guint semicolons = 0, commas = 0;
  gboolean quoted = FALSE;

  /* A doubled quote inside a quoted field toggles twice, so a plain toggle is enough here. */
  for (const char *p = skip_blank_lines (text, end, &line); p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == ';')
        semicolons++;
      else if (*p == ',')
        commas++;
      else if (*p == '\r' || *p == '\n')
        break;
    }

  return commas > semicolons ? ',' : ';';
}

ReiCsvReader *
rei_csv_reader_new (GBytes          *bytes,
                    ReiCsvEncoding   encoding,
                    GError         **error)
{
  g_autoptr(ReiCsvReader) self = NULL;
  const char *data;
  const char *nul;
  gsize size = 0;
  gboolean validated = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (encoding == REI_CSV_ENCODING_AUTO ||
                        encoding == REI_CSV_ENCODING_UTF8 ||
                        encoding == REI_CSV_ENCODING_CP1250, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (REI_TYPE_CSV_READER, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    return g_steal_pointer (&self);

  /* NUL bytes mean UTF-16 ("Unicode text" in Excel) or not a text file at all.  Neither
   * encoding below would notice: NUL is valid in both. */
  nul = memchr (data, '\0', size);
  if (nul != NULL)
    {
      g_set_error (error, REI_CSV_ERROR, REI_CSV_ERROR_ENCODING,
                   _("Line %u contains a zero byte, so this is not a plain text CSV file; "
                     "if it was saved as Unicode (UTF-16), save it again as CSV UTF-8"),
                   line_of (data, nul));
      return NULL;
    }

  if (encoding == REI_CSV_ENCODING_AUTO)
    {
      /* Valid UTF-8 is practically never an accident in CP1250 text containing Polish letters,
       * so a successful validation settles the question (and is not done twice). */
      encoding = g_utf8_validate_len (data, size, NULL) ? REI_CSV_ENCODING_UTF8
                                                        : REI_CSV_ENCODING_CP1250;
      validated = encoding == REI_CSV_ENCODING_UTF8;
    }

  self->encoding = encoding;

  if (encoding == REI_CSV_ENCODING_UTF8)
    {
      const char *invalid = NULL;

      if (!validated && !g_utf8_validate_len (data, size, &invalid))
        {
          g_set_error (error, REI_CSV_ERROR, REI_CSV_ERROR_ENCODING,
                       _("Line %u is not valid UTF-8 text; the file may be in the Windows "
                         "(CP1250) encoding"),
                       line_of (data, invalid));
          return NULL;
        }

      self->bytes = g_bytes_ref (bytes);
      self->text = data;
      self->length = size;
      if (size >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
        {
          self->text += 3;
          self->length -= 3;
        }
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      gsize bytes_read = 0;
      gsize bytes_written = 0;

      self->converted = g_convert (data, size, "UTF-8", "CP1250",
                                   &bytes_read, &bytes_written, &local_error);
      if (self->converted == NULL)
        {
          /* CP1250 leaves five byte values unassigned; iconv stops on them. */
          g_debug ("CP1250 conversion failed at byte %" G_GSIZE_FORMAT ": %s",
                   bytes_read, local_error->message);
          g_set_error (error, REI_CSV_ERROR, REI_CSV_ERROR_ENCODING,
                       _("Line %u contains a character that is not valid in the Windows "
                         "(CP1250) encoding"),
                       line_of (data, data + MIN (bytes_read, size)));
          return NULL;
        }

      self->text = self->converted;
      self->length = bytes_written;
    }

  self->separator = detect_separator (self->text, self->length);

  return g_steal_pointer (&self);
}

gboolean
rei_csv_reader_next (ReiCsvReader  *self,
                     GPtrArray    **fields,
                     guint         *line,
                     GError       **error)
{
  g_autoptr(GPtrArray) record = NULL;
  const char *end;
  const char *p;
  const char sep = self->separator;
  guint record_line;

  g_return_val_if_fail (REI_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;
  end = self->text + self->length;
  p = skip_blank_lines (self->text + self->position, end, &self->line);
  if (p == end)
    {
      self->position = self->length;
      return FALSE;
    }

  record_line = self->line;
  record = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      /* p may be at the end: a separator as the input's last byte leaves an empty field. */
      if (p < end && *p == '"')
        {
          guint field_line = self->line;

          g_string_truncate (self->scratch, 0);
          p++;
          for (;;)
            {
              const char *chunk = p;

              while (p < end && *p != '"' && *p != '\r' && *p != '\n')
                p++;
              g_string_append_len (self->scratch, chunk, p - chunk);

              if (p == end)
                {
                  self->position = self->length;
                  self->error_line = field_line;
                  g_set_error (error, REI_CSV_ERROR, REI_CSV_ERROR_UNTERMINATED,
                               _("Line %u: a quoted field starts here but its closing quote "
                                 "is missing"),
                               field_line);
                  return FALSE;
                }

              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (self->scratch, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }

              /* A line break inside a cell (Alt+Enter in Excel).  It still counts as a
               * physical line, and it is stored as "\n" whatever the file used. */
              g_string_append_c (self->scratch, '\n');
              p = skip_line_end (p, end);
              self->line++;
            }

          if (p < end && *p != sep && *p != '\r' && *p != '\n')
            {
              self->position = self->length;
              self->error_line = self->line;
              g_set_error (error, REI_CSV_ERROR, REI_CSV_ERROR_AFTER_QUOTE,
                           _("Line %u: there is text after the closing quote of a field; "
                             "a quote inside a quoted field must be doubled"),
                           self->line);
              return FALSE;
            }

          g_ptr_array_add (record, g_strndup (self->scratch->str, self->scratch->len));
        }
      else
        {
          /* The hot path: most fields are unquoted, so find the end and copy once. */
          const char *start = p;

          while (p < end && *p != sep && *p != '\n' && *p != '\r')
            p++;
          g_ptr_array_add (record, g_strndup (start, p - start));
        }

      if (p < end && *p == sep)
        {
          /* A separator right before the line end or the end of input leaves an empty last
           * field, which the next iteration adds. */
          p++;
          continue;
        }

      if (p < end)
        {
          p = skip_line_end (p, end);
          self->line++;
        }
      break;
    }

  self->position = p - self->text;
  if (line != NULL)
    *line = record_line;
  *fields = g_steal_pointer (&record);
  return TRUE;
}

char
rei_csv_reader_get_separator (ReiCsvReader *self)
{
  g_return_val_if_fail (REI_IS_CSV_READER (self), ';');

  return self->separator;
}

ReiCsvEncoding
rei_csv_reader_get_encoding (ReiCsvReader *self)
{
  g_return_val_if_fail (REI_IS_CSV_READER (self), REI_CSV_ENCODING_UTF8);

  return self->encoding;
}

guint
rei_csv_reader_get_line (ReiCsvReader *self)
{
  g_return_val_if_fail (REI_IS_CSV_READER (self), 0);

  return self->line;
}

gsize
rei_csv_reader_get_position (ReiCsvReader *self)
{
  g_return_val_if_fail (REI_IS_CSV_READER (self), 0);

  return self->position;
}

gsize
rei_csv_reader_get_length (ReiCsvReader *self)
{
  g_return_val_if_fail (REI_IS_CSV_READER (self), 0);

  return self->length;
}

/* The physical line a syntax error of rei_csv_reader_next() is about: for a quote that never
 * closes, the line where it opened, not the end of the file where the reader noticed. */
guint
rei_csv_reader_get_error_line (ReiCsvReader *self)
{
  g_return_val_if_fail (REI_IS_CSV_READER (self), 0);
  return self->error_line;
}

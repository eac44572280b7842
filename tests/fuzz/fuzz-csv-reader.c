/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the CSV reader over arbitrary bytes, in every encoding mode.  Whatever the
 * input, it must end in records or a clean GError, never a crash, a leak or a read past the end. */
#include "config.h"

#include "rei-csv-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const ReiCsvEncoding encodings[] = {
    REI_CSV_ENCODING_AUTO, REI_CSV_ENCODING_UTF8, REI_CSV_ENCODING_CP1250,
  };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReiCsvReader) reader = rei_csv_reader_new (bytes, encodings[e], &error);
      GPtrArray *fields = NULL;
      guint line = 0, last_line = 0;

      if (reader == NULL)
        {
          g_assert (error != NULL);
          continue;
        }
      while (rei_csv_reader_next (reader, &fields, &line, &error))
        {
          /* Lines only go forward, and every field is valid UTF-8. */
          g_assert_cmpuint (line, >=, last_line);
          last_line = line;
          for (guint i = 0; i < fields->len; i++)
            g_assert (g_utf8_validate (g_ptr_array_index (fields, i), -1, NULL));
          g_clear_pointer (&fields, g_ptr_array_unref);
        }
      g_assert_null (fields);
      g_assert_cmpuint (rei_csv_reader_get_position (reader), <=, rei_csv_reader_get_length (reader));
    }
  return 0;
}

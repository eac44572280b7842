/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdarg.h>
#include <string.h>

#include <glib.h>

#include "rei-csv-reader.h"

/* Messages are translated, so only check that the line number appears as a number of its own. */
static gboolean
mentions_line (const char *message,
               guint       line)
{
  g_autofree char *number = g_strdup_printf ("%u", line);
  gsize len = strlen (number);

  for (const char *p = strstr (message, number); p != NULL; p = strstr (p + 1, number))
    {
      if ((p == message || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[len]))
        return TRUE;
    }
  return FALSE;
}

static ReiCsvReader *
reader_for (const char     *data,
            gssize          len,
            ReiCsvEncoding  encoding)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ReiCsvReader *reader;

  if (len < 0)
    len = (gssize) strlen (data);
  bytes = g_bytes_new (data, (gsize) len);
  reader = rei_csv_reader_new (bytes, encoding, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

/* Reads one record and checks its starting line and every field; the list ends with NULL. */
static void
expect_record (ReiCsvReader *reader,
               guint         expected_line,
               ...)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0;
  guint i = 0;
  const char *expected;
  va_list args;

  g_assert_true (rei_csv_reader_next (reader, &fields, &line, &error));
  g_assert_no_error (error);
  g_assert_nonnull (fields);
  g_assert_cmpuint (line, ==, expected_line);

  va_start (args, expected_line);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpuint (i, <, fields->len);
      g_assert_cmpstr (g_ptr_array_index (fields, i), ==, expected);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (fields->len, ==, i);
}

static void
expect_end (ReiCsvReader *reader)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 12345;

  g_assert_false (rei_csv_reader_next (reader, &fields, &line, &error));
  g_assert_no_error (error);
  g_assert_null (fields);
  /* The end stays the end. */
  g_assert_false (rei_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (fields);
  g_assert_cmpuint (rei_csv_reader_get_position (reader), ==, rei_csv_reader_get_length (reader));
}

static void
test_simple (void)
{
  g_autoptr(ReiCsvReader) reader = reader_for ("Imię;Nazwisko;PESEL\n"
                                               "Jan;Kowalski;44051401359\n"
                                               "Anna;Nowak;02070803628\n",
                                               -1, REI_CSV_ENCODING_AUTO);

  g_assert_cmpint (rei_csv_reader_get_separator (reader), ==, ';');
  g_assert_cmpint (rei_csv_reader_get_encoding (reader), ==, REI_CSV_ENCODING_UTF8);
  g_assert_cmpuint (rei_csv_reader_get_position (reader), ==, 0);

  expect_record (reader, 1, "Imię", "Nazwisko", "PESEL", NULL);
  g_assert_cmpuint (rei_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (rei_csv_reader_get_position (reader), ==, strlen ("Imię;Nazwisko;PESEL\n"));
  expect_record (reader, 2, "Jan", "Kowalski", "44051401359", NULL);
  expect_record (reader, 3, "Anna", "Nowak", "02070803628", NULL);
  /* The trailing newline does not make an empty fourth record. */
  expect_end (reader);
}

static void
test_separator (void)
{
  g_autoptr(ReiCsvReader) comma = reader_for ("a,b,c\n1,2,3\n", -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) semicolon = reader_for ("a;b;c\n1;2;3\n", -1, REI_CSV_ENCODING_AUTO);
  /* Polish decimal commas in the data must not outvote the semicolons. */
  g_autoptr(ReiCsvReader) mixed = reader_for ("kwota;data;uwagi,dalej\n1,5;2;3\n", -1,
                                              REI_CSV_ENCODING_AUTO);
  /* Separators inside quotes do not count. */
  g_autoptr(ReiCsvReader) quoted = reader_for ("\"a;b;c\",d,e\n", -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) tie = reader_for ("a;b,c\n", -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) none = reader_for ("only\n", -1, REI_CSV_ENCODING_AUTO);
  /* Only the first line decides, even when later lines say otherwise. */
  g_autoptr(ReiCsvReader) first = reader_for ("a,b\nc;d;e;f\n", -1, REI_CSV_ENCODING_AUTO);
  /* Leading blank lines are not "the first line". */
  g_autoptr(ReiCsvReader) blank = reader_for ("\n\na,b\n", -1, REI_CSV_ENCODING_AUTO);

  g_assert_cmpint (rei_csv_reader_get_separator (comma), ==, ',');
  g_assert_cmpint (rei_csv_reader_get_separator (semicolon), ==, ';');
  g_assert_cmpint (rei_csv_reader_get_separator (mixed), ==, ';');
  g_assert_cmpint (rei_csv_reader_get_separator (quoted), ==, ',');
  g_assert_cmpint (rei_csv_reader_get_separator (tie), ==, ';');
  g_assert_cmpint (rei_csv_reader_get_separator (none), ==, ';');
  g_assert_cmpint (rei_csv_reader_get_separator (first), ==, ',');
  g_assert_cmpint (rei_csv_reader_get_separator (blank), ==, ',');

  expect_record (comma, 1, "a", "b", "c", NULL);
  expect_record (comma, 2, "1", "2", "3", NULL);
  expect_end (comma);

  expect_record (quoted, 1, "a;b;c", "d", "e", NULL);
  expect_end (quoted);

  expect_record (first, 1, "a", "b", NULL);
  expect_record (first, 2, "c;d;e;f", NULL);
  expect_end (first);

  expect_record (blank, 3, "a", "b", NULL);
  expect_end (blank);
}

static void
test_quotes (void)
{
  g_autoptr(ReiCsvReader) reader =
    reader_for ("id;uwagi;miasto\n"
                "1;\"Kowalski; Jan\";Kraków\n"
                "2;\"Mówi \"\"dzień dobry\"\"\";\"\"\n"
                "3;\"pierwsza linia\ndruga linia\r\ntrzecia\";Gdańsk\n"
                "4;\"\"\"\";x\n"
                "5;\"a\"\n"
                "6;\"\r\n\r\n\";\"ends with sep;\"\n",
                -1, REI_CSV_ENCODING_AUTO);

  expect_record (reader, 1, "id", "uwagi", "miasto", NULL);
  expect_record (reader, 2, "1", "Kowalski; Jan", "Kraków", NULL);
  expect_record (reader, 3, "2", "Mówi \"dzień dobry\"", "", NULL);
  /* Newlines inside quotes come back as "\n" and count as physical lines. */
  expect_record (reader, 4, "3", "pierwsza linia\ndruga linia\ntrzecia", "Gdańsk", NULL);
  g_assert_cmpuint (rei_csv_reader_get_line (reader), ==, 7);
  expect_record (reader, 7, "4", "\"", "x", NULL);
  expect_record (reader, 8, "5", "a", NULL);
  expect_record (reader, 9, "6", "\n\n", "ends with sep;", NULL);
  g_assert_cmpuint (rei_csv_reader_get_line (reader), ==, 12);
  expect_end (reader);
}

static void
test_quote_inside_unquoted (void)
{
  /* RFC 4180 forbids it, but spreadsheets only quote when needed; a quote that does not start
   * the field is just a character (e.g. 12" or O"Brien typed by hand). */
  g_autoptr(ReiCsvReader) reader = reader_for ("a;monitor 24\";b\n", -1, REI_CSV_ENCODING_AUTO);

  expect_record (reader, 1, "a", "monitor 24\"", "b", NULL);
  expect_end (reader);
}

static void
test_line_ends (void)
{
  g_autoptr(ReiCsvReader) crlf = reader_for ("a;b\r\nc;d\r\n\r\ne;f\r\n", -1,
                                             REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) cr = reader_for ("a;b\rc;d\r\re;f", -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) no_final = reader_for ("a;b\nc;d", -1, REI_CSV_ENCODING_AUTO);

  /* No field may keep a stray "\r". */
  expect_record (crlf, 1, "a", "b", NULL);
  expect_record (crlf, 2, "c", "d", NULL);
  expect_record (crlf, 4, "e", "f", NULL);
  expect_end (crlf);

  expect_record (cr, 1, "a", "b", NULL);
  expect_record (cr, 2, "c", "d", NULL);
  expect_record (cr, 4, "e", "f", NULL);
  expect_end (cr);

  expect_record (no_final, 1, "a", "b", NULL);
  expect_record (no_final, 2, "c", "d", NULL);
  expect_end (no_final);
}

static void
test_blank_lines (void)
{
  g_autoptr(ReiCsvReader) reader = reader_for ("\n"
                                               "a;b\n"
                                               "\n"
                                               "   \t\n"
                                               "c;d\n"
                                               "\n"
                                               "\n",
                                               -1, REI_CSV_ENCODING_AUTO);

  expect_record (reader, 2, "a", "b", NULL);
  expect_record (reader, 5, "c", "d", NULL);
  expect_end (reader);
  g_assert_cmpuint (rei_csv_reader_get_line (reader), ==, 8);
}

static void
test_not_trimmed (void)
{
  g_autoptr(ReiCsvReader) reader = reader_for (" a ; b\t;;\" c \"\n", -1,
                                               REI_CSV_ENCODING_AUTO);

  expect_record (reader, 1, " a ", " b\t", "", " c ", NULL);
  expect_end (reader);
}

static void
test_empty_fields (void)
{
  g_autoptr(ReiCsvReader) reader = reader_for (";\n;;\nx;\n;x\n\"\";\"\"\n", -1,
                                               REI_CSV_ENCODING_AUTO);

  expect_record (reader, 1, "", "", NULL);
  expect_record (reader, 2, "", "", "", NULL);
  expect_record (reader, 3, "x", "", NULL);
  expect_record (reader, 4, "", "x", NULL);
  expect_record (reader, 5, "", "", NULL);
  expect_end (reader);
}

static void
test_empty (void)
{
  g_autoptr(ReiCsvReader) empty = reader_for ("", 0, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) bom_only = reader_for ("\xEF\xBB\xBF", -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) blanks = reader_for ("\r\n\n  \n", -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) forced = reader_for ("", 0, REI_CSV_ENCODING_CP1250);

  g_assert_cmpuint (rei_csv_reader_get_length (empty), ==, 0);
  g_assert_cmpint (rei_csv_reader_get_separator (empty), ==, ';');
  expect_end (empty);
  g_assert_cmpuint (rei_csv_reader_get_length (bom_only), ==, 0);
  expect_end (bom_only);
  expect_end (blanks);
  expect_end (forced);
}

static void
test_header_only (void)
{
  g_autoptr(ReiCsvReader) with_newline = reader_for ("Imię;Nazwisko\n", -1,
                                                     REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) without = reader_for ("Imię;Nazwisko", -1, REI_CSV_ENCODING_AUTO);

  expect_record (with_newline, 1, "Imię", "Nazwisko", NULL);
  expect_end (with_newline);
  expect_record (without, 1, "Imię", "Nazwisko", NULL);
  expect_end (without);
}

static void
test_ragged (void)
{
  g_autoptr(ReiCsvReader) reader = reader_for ("a;b;c\n1;2\n1;2;3;4\n1\n", -1,
                                               REI_CSV_ENCODING_AUTO);

  expect_record (reader, 1, "a", "b", "c", NULL);
  expect_record (reader, 2, "1", "2", NULL);
  expect_record (reader, 3, "1", "2", "3", "4", NULL);
  expect_record (reader, 4, "1", NULL);
  expect_end (reader);
}

static void
test_bom (void)
{
  const char data[] = "\xEF\xBB\xBFImię,Nazwisko\nŻaneta,Łęcka\n";
  g_autoptr(ReiCsvReader) reader = reader_for (data, -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) forced = reader_for (data, -1, REI_CSV_ENCODING_UTF8);

  g_assert_cmpint (rei_csv_reader_get_encoding (reader), ==, REI_CSV_ENCODING_UTF8);
  g_assert_cmpint (rei_csv_reader_get_separator (reader), ==, ',');
  g_assert_cmpuint (rei_csv_reader_get_length (reader), ==, strlen (data) - 3);
  expect_record (reader, 1, "Imię", "Nazwisko", NULL);
  expect_record (reader, 2, "Żaneta", "Łęcka", NULL);
  expect_end (reader);

  expect_record (forced, 1, "Imię", "Nazwisko", NULL);
  expect_record (forced, 2, "Żaneta", "Łęcka", NULL);
  expect_end (forced);
}

/* "Imię;Nazwisko\nŻółć;Świętość\n" in CP1250, as Excel saves "CSV (separated by semicolons)". */
static const char cp1250_data[] =
  "Imi\xEA;Nazwisko\r\n"
  "\xAF\xF3\xB3\xE6;\x8Cwi\xEAto\x9C\xE6\r\n"
  "\"\xA3\xF3" "d\x9F; \xA5\"\"\xCA\";x\r\n";

static void
check_cp1250_records (ReiCsvReader *reader)
{
  g_assert_cmpint (rei_csv_reader_get_encoding (reader), ==, REI_CSV_ENCODING_CP1250);
  g_assert_cmpint (rei_csv_reader_get_separator (reader), ==, ';');
  expect_record (reader, 1, "Imię", "Nazwisko", NULL);
  expect_record (reader, 2, "Żółć", "Świętość", NULL);
  expect_record (reader, 3, "Łódź; Ą\"Ę", "x", NULL);
  expect_end (reader);
}

static void
test_cp1250 (void)
{
  g_autoptr(ReiCsvReader) automatic = reader_for (cp1250_data, -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(ReiCsvReader) forced = reader_for (cp1250_data, -1, REI_CSV_ENCODING_CP1250);

  check_cp1250_records (automatic);
  check_cp1250_records (forced);
}

static void
test_cp1250_forced_on_utf8 (void)
{
  /* Forcing CP1250 on UTF-8 is the user's choice: it succeeds, with mojibake. */
  g_autoptr(ReiCsvReader) reader = reader_for ("\xC5\xBB\n", -1, REI_CSV_ENCODING_CP1250);

  expect_record (reader, 1, "Ĺ»", NULL);
  expect_end (reader);
}

static void
test_utf8_forced_on_cp1250 (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (cp1250_data, strlen (cp1250_data));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiCsvReader) reader = NULL;

  reader = rei_csv_reader_new (bytes, REI_CSV_ENCODING_UTF8, &error);
  g_assert_null (reader);
  g_assert_error (error, REI_CSV_ERROR, REI_CSV_ERROR_ENCODING);
  /* The first bad byte is the "ę" of the header. */
  g_assert_true (mentions_line (error->message, 1));
}

static void
test_encoding_error_line (void)
{
  const char data[] = "a;b\n\"x\ny\";z\nok;\xFF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, strlen (data));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiCsvReader) reader = NULL;

  reader = rei_csv_reader_new (bytes, REI_CSV_ENCODING_UTF8, &error);
  g_assert_null (reader);
  g_assert_error (error, REI_CSV_ERROR, REI_CSV_ERROR_ENCODING);
  g_assert_true (mentions_line (error->message, 4));
}

static void
test_cp1250_undefined_byte (void)
{
  /* 0x98 is one of the five byte values CP1250 does not assign. */
  const char data[] = "a;b\nc;\x98\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, strlen (data));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiCsvReader) reader = NULL;

  reader = rei_csv_reader_new (bytes, REI_CSV_ENCODING_AUTO, &error);
  g_assert_null (reader);
  g_assert_error (error, REI_CSV_ERROR, REI_CSV_ERROR_ENCODING);
  g_assert_true (mentions_line (error->message, 2));
}

static void
test_nul_bytes (void)
{
  /* "a;b" in UTF-16LE with a BOM, as Excel's "Unicode text" would begin. */
  const char data[] = "\xFF\xFE" "a\0;\0b\0\n\0";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiCsvReader) reader = NULL;

  reader = rei_csv_reader_new (bytes, REI_CSV_ENCODING_AUTO, &error);
  g_assert_null (reader);
  g_assert_error (error, REI_CSV_ERROR, REI_CSV_ERROR_ENCODING);
}

static void
test_unterminated (void)
{
  g_autoptr(ReiCsvReader) reader = reader_for ("a;b\n"
                                               "\n"
                                               "1;2\n"
                                               "3;\"never closed\n"
                                               "4;5\n",
                                               -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  expect_record (reader, 1, "a", "b", NULL);
  expect_record (reader, 3, "1", "2", NULL);
  g_assert_false (rei_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_error (error, REI_CSV_ERROR, REI_CSV_ERROR_UNTERMINATED);
  g_assert_null (fields);
  g_assert_true (mentions_line (error->message, 4));
  g_assert_cmpuint (rei_csv_reader_get_error_line (reader), ==, 4);
  g_clear_error (&error);

  /* After a syntax error the reader stays at the end. */
  expect_end (reader);
}

static void
test_after_quote (void)
{
  g_autoptr(ReiCsvReader) reader = reader_for ("a;b\n"
                                               "\"x\ny\";1\n"
                                               "\"Jan \"Janek\" Kowalski\";2\n",
                                               -1, REI_CSV_ENCODING_AUTO);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  expect_record (reader, 1, "a", "b", NULL);
  expect_record (reader, 2, "x\ny", "1", NULL);
  g_assert_false (rei_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_error (error, REI_CSV_ERROR, REI_CSV_ERROR_AFTER_QUOTE);
  g_assert_null (fields);
  g_assert_true (mentions_line (error->message, 4));
  g_assert_cmpuint (rei_csv_reader_get_error_line (reader), ==, 4);
}

static void
test_progress (void)
{
  const char data[] = "a;b\n1;2\n3;4\n";
  g_autoptr(ReiCsvReader) reader = reader_for (data, -1, REI_CSV_ENCODING_AUTO);
  gsize last = 0;

  g_assert_cmpuint (rei_csv_reader_get_length (reader), ==, strlen (data));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;

      g_assert_true (rei_csv_reader_next (reader, &fields, NULL, NULL));
      g_assert_cmpuint (rei_csv_reader_get_position (reader), >, last);
      g_assert_cmpuint (rei_csv_reader_get_position (reader), ==, 4 * (i + 1));
      last = rei_csv_reader_get_position (reader);
    }
  expect_end (reader);
}

/* 100 000 rows of about 150 bytes, the size of a large import, must take well under a second. */
static void
test_large (void)
{
  const guint n_rows = 100000;
  g_autoptr(GString) data = g_string_sized_new (16 * 1024 * 1024);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ReiCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint count = 0;
  guint last_line = 0;
  double elapsed;

  g_string_append (data, "Imię;Nazwisko;PESEL;Ulica;Miasto;Kod;Telefon;E-mail;Uwagi\r\n");
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (data,
                            "Katarzyna%u;Wiśniewska-Zielińska;44051401359;ul. Długa %u/%u;"
                            "Kraków;31-%03u;+48 600 %06u;k.wisniewska%u@example.pl;"
                            "\"uwaga; \"\"ważna\"\"\"\r\n",
                            i, i % 200, i % 17, i % 1000, i, i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&data));

  timer = g_timer_new ();
  reader = rei_csv_reader_new (bytes, REI_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);

  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;
      guint line = 0;

      if (!rei_csv_reader_next (reader, &fields, &line, &error))
        break;
      g_assert_cmpuint (fields->len, ==, 9);
      last_line = line;
      count++;
    }
  g_assert_no_error (error);
  elapsed = g_timer_elapsed (timer, NULL);

  g_assert_cmpuint (count, ==, n_rows + 1);
  g_assert_cmpuint (last_line, ==, n_rows + 1);
  g_test_message ("%u rows, %" G_GSIZE_FORMAT " bytes in %.3f s", count,
                  g_bytes_get_size (bytes), elapsed);
  /* Timing is only asserted when asked for, so a loaded CI machine or valgrind cannot fail it. */
  if (g_test_perf ())
    g_assert_cmpfloat (elapsed, <, 1.0);
}

/* Found by the fuzzer: a separator as the very last byte of the input (no line end after it)
 * made the reader look one byte past the end for an opening quote.  The input is copied into a
 * buffer of its exact size, so the sanitizer build catches any read past it. */
static void
test_separator_at_end_of_input (void)
{
  static const char data[] = { 'a', ';', 'b', '\n', 'c', ';' };
  g_autoptr(ReiCsvReader) reader = reader_for (data, sizeof data, REI_CSV_ENCODING_UTF8);

  expect_record (reader, 1, "a", "b", NULL);
  expect_record (reader, 2, "c", "", NULL);
  expect_end (reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/simple", test_simple);
  g_test_add_func ("/csv-reader/separator", test_separator);
  g_test_add_func ("/csv-reader/quotes", test_quotes);
  g_test_add_func ("/csv-reader/quote-inside-unquoted", test_quote_inside_unquoted);
  g_test_add_func ("/csv-reader/line-ends", test_line_ends);
  g_test_add_func ("/csv-reader/blank-lines", test_blank_lines);
  g_test_add_func ("/csv-reader/not-trimmed", test_not_trimmed);
  g_test_add_func ("/csv-reader/empty-fields", test_empty_fields);
  g_test_add_func ("/csv-reader/separator-at-end-of-input", test_separator_at_end_of_input);
  g_test_add_func ("/csv-reader/empty", test_empty);
  g_test_add_func ("/csv-reader/header-only", test_header_only);
  g_test_add_func ("/csv-reader/ragged", test_ragged);
  g_test_add_func ("/csv-reader/encoding/bom", test_bom);
  g_test_add_func ("/csv-reader/encoding/cp1250", test_cp1250);
  g_test_add_func ("/csv-reader/encoding/cp1250-forced-on-utf8", test_cp1250_forced_on_utf8);
  g_test_add_func ("/csv-reader/encoding/utf8-forced-on-cp1250", test_utf8_forced_on_cp1250);
  g_test_add_func ("/csv-reader/encoding/error-line", test_encoding_error_line);
  g_test_add_func ("/csv-reader/encoding/cp1250-undefined-byte", test_cp1250_undefined_byte);
  g_test_add_func ("/csv-reader/encoding/nul-bytes", test_nul_bytes);
  g_test_add_func ("/csv-reader/errors/unterminated", test_unterminated);
  g_test_add_func ("/csv-reader/errors/after-quote", test_after_quote);
  g_test_add_func ("/csv-reader/progress", test_progress);
  g_test_add_func ("/csv-reader/large", test_large);

  return g_test_run ();
}

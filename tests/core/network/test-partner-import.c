/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rei-partner-import.h"
#include "rei-store-audit.h"
#include "rei-store-network.h"
#include "test-util.h"

#define NIP_MOPS "5641713340"

static GBytes *
sheet (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static ReiImportProblem *
problem (ReiPartnerImporter *importer,
         guint               index)
{
  GPtrArray *problems = rei_partner_importer_get_problems (importer);

  g_assert_cmpuint (index, <, problems->len);
  return g_ptr_array_index (problems, index);
}

/* Every bad row by its line, repeated rows included (the same new partner by NIP or by name),
 * and nothing written, neither by the preview nor by the run. */
static void
test_bad_rows (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiPartnerImporter) importer = rei_partner_importer_new (store);
  g_autoptr(GBytes) bytes = sheet ("nazwa;typ;obszary;NIP\n"
                                   "MOPS Krasnystaw;B;pomoc_spoleczna;564-171-33-40\n"
                                   "Biblioteka;D;kultura;\n"
                                   "Firma;C;;1234567890\n"
                                   "Klub Sportowy;C;sport;\n"
                                   ";;;\n"
                                   "MOPS w Krasnymstawie;B;;5641713340\n"
                                   "Dom Kultury;C;kultura;\n"
                                   "DOM KULTURY;C;;\n");

  for (int run = 0; run < 2; run++)
    {
      gboolean ok = run == 0
                    ? rei_partner_importer_validate (importer, bytes, NULL, NULL, NULL, &error)
                    : rei_partner_importer_run (importer, bytes, NULL, NULL, NULL, &error);

      g_assert_false (ok);
      g_assert_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpuint (rei_partner_importer_get_problems (importer)->len, ==, 5);
      g_assert_cmpuint (problem (importer, 0)->line, ==, 3);
      g_assert_nonnull (strstr (problem (importer, 0)->message, "A, B"));
      g_assert_cmpuint (problem (importer, 1)->line, ==, 4);
      g_assert_true (g_str_has_prefix (problem (importer, 1)->message, "NIP: "));
      g_assert_cmpuint (problem (importer, 2)->line, ==, 5);
      g_assert_nonnull (strstr (problem (importer, 2)->message, "sport"));
      /* The blank row of separators is no problem; the repeats name their first line. */
      g_assert_cmpuint (problem (importer, 3)->line, ==, 7);
      g_assert_true (g_str_has_suffix (problem (importer, 3)->message, " 2."));
      g_assert_cmpuint (problem (importer, 4)->line, ==, 9);
      g_assert_true (g_str_has_suffix (problem (importer, 4)->message, " 8."));
      g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 0);
    }

  g_clear_object (&importer);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* Which rows repeat an earlier new partner: the same NIP, or the same name unless both rows
 * give a NIP (and different ones); the repeat names the first such line, whichever rule found
 * it; a refused row is nobody's first. */
static void
test_repeats (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiPartnerImporter) importer = rei_partner_importer_new (store);
  g_autoptr(GBytes) bytes = sheet ("nazwa;typ;nip\n"
                                   "Alfa;A;5260000005\n"   /* 2 */
                                   "Beta;A;\n"             /* 3 */
                                   "Alfa;A;7770000005\n"   /* 4: another NIP, another one */
                                   "Gamma;A;526-000-00-05\n" /* 5: the NIP of 2 */
                                   "alfa;A;\n"             /* 6: the name of 2 */
                                   "BETA;A;1111111111\n"   /* 7: the name of 3, which has none */
                                   "Delta;A;1111111111\n"  /* 8: 7 was refused */
                                   "Gamma;A;\n"            /* 9: the name of 5, refused: nobody's */
                                   "Beta;A;7770000005\n"); /* 10: the NIP of 4, the name of 3 */
  const guint lines[][2] = { { 5, 2 }, { 6, 2 }, { 7, 3 }, { 10, 3 } };
  GPtrArray *problems;

  g_assert_false (rei_partner_importer_validate (importer, bytes, NULL, NULL, NULL, &error));
  g_assert_error (error, REI_IMPORT_ERROR, REI_IMPORT_ERROR_INVALID);
  problems = rei_partner_importer_get_problems (importer);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *suffix = g_strdup_printf (" %u.", lines[i][1]);

      g_assert_cmpuint (problem (importer, i)->line, ==, lines[i][0]);
      g_assert_true (g_str_has_suffix (problem (importer, i)->message, suffix));
    }

  g_clear_object (&importer);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* A good sheet with headers as an office writes them, previewed (counts, nothing written),
 * imported, then re-imported: matched by NIP or by name, updated not duplicated, the columns it
 * lacks kept; one "import" audit row per file. */
static void
test_import_and_again (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiPartnerImporter) importer = rei_partner_importer_new (store);
  g_autoptr(GBytes) first = sheet ("Nazwa,Typ,Sektor,NIP,Osoba kontaktowa,E-mail,Obszary\n"
                                   "MOPS Krasnystaw,b,Publiczny,564-171-33-40,Maria Wójcik,mops@example.pl,pomoc_spoleczna|wspieranie_rodziny\n"
                                   "Miejski Dom Kultury,C,publiczny,,Jan Żak,,kultura\n");
  g_autoptr(GBytes) again = sheet ("nazwa;typ;nip;telefon\n"
                                   "MOPS w Krasnymstawie;B;5641713340;82 000 00 00\n"
                                   "MIEJSKI DOM KULTURY;C;;82 111 11 11\n"
                                   "Klub Sportowy Start;C;;\n");
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(ReiPartner) mops = NULL;
  gint64 id;

  g_assert_true (rei_partner_importer_validate (importer, first, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_partner_importer_get_n_inserted (importer), ==, 2);
  g_assert_cmpuint (rei_partner_importer_get_partners (importer)->len, ==, 2);
  g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 0);

  g_assert_true (rei_partner_importer_run (importer, first, NULL, NULL, NULL, &error));
  g_assert_cmpuint (rei_partner_importer_get_n_inserted (importer), ==, 2);
  g_assert_cmpuint (rei_partner_importer_get_n_updated (importer), ==, 0);
  id = rei_store_find_partner (store, NIP_MOPS, NULL, &error);
  g_assert_cmpint (id, >, 0);
  mops = rei_store_get_partner (store, id, &error);
  g_assert_cmpstr (rei_partner_get_text (mops, REI_PARTNER_TYPE), ==, "B");
  g_assert_cmpstr (rei_partner_get_text (mops, REI_PARTNER_SECTOR), ==, "publiczny");
  g_assert_cmpstr (rei_partner_get_text (mops, REI_PARTNER_CONTACT_PERSON), ==, "Maria Wójcik");
  g_assert_cmpstr (rei_partner_get_text (mops, REI_PARTNER_EMAIL), ==, "mops@example.pl");
  g_assert_true (rei_partner_has_area (mops, "wspieranie_rodziny"));
  g_clear_object (&mops);

  g_assert_true (rei_partner_importer_run (importer, again, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rei_partner_importer_get_n_inserted (importer), ==, 1);
  g_assert_cmpuint (rei_partner_importer_get_n_updated (importer), ==, 2);
  g_assert_cmpint (rei_store_count_partners (store, NULL), ==, 3);
  mops = rei_store_get_partner (store, id, &error);
  g_assert_cmpstr (rei_partner_get_name (mops), ==, "MOPS w Krasnymstawie");
  g_assert_cmpstr (rei_partner_get_text (mops, REI_PARTNER_PHONE), ==, "82 000 00 00");
  g_assert_cmpstr (rei_partner_get_text (mops, REI_PARTNER_CONTACT_PERSON), ==, "Maria Wójcik");
  g_assert_true (rei_partner_has_area (mops, "pomoc_spoleczna"));

  audit = rei_store_list_audit (store, "partner", 0, &error);
  g_assert_no_error (error);
  {
    guint imports = 0;

    for (guint i = 0; i < audit->len; i++)
      imports += g_strcmp0 (((ReiAuditEntry *) g_ptr_array_index (audit, i))->action, "import") == 0;
    g_assert_cmpuint (imports, ==, 2);
  }

  g_clear_object (&importer);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

/* A header problem is reported on line 1 alone; CP1250 is read. */
static void
test_header_and_encoding (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiPartnerImporter) importer = rei_partner_importer_new (store);
  g_autoptr(GBytes) column = sheet ("nazwa;typ;kolor\nA;B;C\n");
  g_autoptr(GBytes) no_type = sheet ("nazwa\nA\n");
  /* "Parafia św. Anny;C;kościelny" in CP1250. */
  g_autoptr(GBytes) cp1250 = sheet ("nazwa;typ;sektor\nParafia \x9c" "w. Anny;C;ko\x9c" "cielny\n");
  g_autoptr(GPtrArray) partners = NULL;

  g_assert_false (rei_partner_importer_run (importer, column, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (rei_partner_importer_get_problems (importer)->len, ==, 1);
  g_assert_cmpuint (problem (importer, 0)->line, ==, 1);
  g_assert_nonnull (strstr (problem (importer, 0)->message, "kolor"));
  g_assert_false (rei_partner_importer_run (importer, no_type, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_nonnull (strstr (problem (importer, 0)->message, "typ"));

  rei_partner_importer_set_encoding (importer, REI_CSV_ENCODING_CP1250);
  g_assert_true (rei_partner_importer_run (importer, cp1250, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  partners = rei_store_list_partners (store, &error);
  g_assert_cmpuint (partners->len, ==, 1);
  g_assert_cmpstr (rei_partner_get_name (g_ptr_array_index (partners, 0)), ==, "Parafia św. Anny");
  g_assert_cmpstr (rei_partner_get_text (g_ptr_array_index (partners, 0), REI_PARTNER_SECTOR), ==, "koscielny");

  g_clear_object (&importer);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/network/partner-import/bad-rows", test_bad_rows);
  g_test_add_func ("/network/partner-import/repeats", test_repeats);
  g_test_add_func ("/network/partner-import/import-and-again", test_import_and_again);
  g_test_add_func ("/network/partner-import/header-and-encoding", test_header_and_encoding);
  return g_test_run ();
}

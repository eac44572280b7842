/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-date.h"
#include "rei-indicators.h"
#include "rei-store-residents.h"
#include "test-util.h"

/* CIS Krasnystaw, 31.12.2019 (seed 003): 26 graduates, 13 in own business, work or internship,
 * 4 more in socially useful work or actively seeking work. */
static const struct { const char *outcome; guint n; } krasnystaw_2019[] = {
  { "zatrudnienie", 9 },
  { "dzialalnosc_gospodarcza", 1 },
  { "staz", 3 },
  { "prace_spolecznie_uzyteczne", 2 },
  { "poszukiwanie_pracy", 2 },
  { "brak", 6 },
  { NULL, 3 },   /* not known: in the denominator only */
};

static void
add (ReiStore   *store,
     guint       serial,
     const char *end_date,
     const char *reason,
     const char *outcome)
{
  g_autofree char *pesel = rei_test_pesel (1970 + serial % 30, 1 + serial % 12, 1 + serial % 28, serial, 'M');
  g_autofree char *surname = g_strdup_printf ("Nazwisko%03u", serial);
  g_autoptr(ReiResident) r = rei_test_resident_new ("Jan", surname, pesel);
  g_autoptr(GError) error = NULL;

  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2018-01-15");
  rei_resident_set (r, REI_RESIDENT_END_DATE, end_date);
  rei_resident_set (r, REI_RESIDENT_END_REASON, reason);
  rei_resident_set (r, REI_RESIDENT_OUTCOME, outcome);
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
}

static void
fill_krasnystaw (ReiStore *store)
{
  guint serial = 0;

  for (guint i = 0; i < G_N_ELEMENTS (krasnystaw_2019); i++)
    for (guint j = 0; j < krasnystaw_2019[i].n; j++)
      add (store, ++serial, j % 2 ? "2019-12-31" : "2019-01-01", "ukonczenie", krasnystaw_2019[i].outcome);

  /* People who must not count: they resigned, were removed, or graduated in another year. */
  add (store, ++serial, "2019-06-30", "rezygnacja", "zatrudnienie");
  add (store, ++serial, "2019-06-30", "skreslenie", NULL);
  add (store, ++serial, "2018-12-31", "ukonczenie", "zatrudnienie");
  add (store, ++serial, "2020-01-01", "ukonczenie", "staz");
  add (store, ++serial, NULL, NULL, NULL);
}

static void
test_krasnystaw_2019 (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiIndicatorReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const ReiIndicator *self_reliance, *socio;
  guint counted_in_both = 0, counted_in_none = 0;

  fill_krasnystaw (store);
  report = rei_indicators_compute (store, 2019, &error);
  g_assert_no_error (error);

  self_reliance = rei_indicator_report_lookup (report, "usamodzielnienie");
  socio = rei_indicator_report_lookup (report, "spoleczno_zatrudnieniowy");
  g_assert_nonnull (self_reliance);
  g_assert_nonnull (socio);

  g_assert_cmpuint (self_reliance->numerator, ==, 13);
  g_assert_cmpuint (self_reliance->denominator, ==, 26);
  g_assert_cmpfloat_with_epsilon (rei_indicator_get_value (self_reliance), 0.50, 1e-9);
  g_assert_cmpuint (socio->numerator, ==, 17);
  g_assert_cmpuint (socio->denominator, ==, 26);
  g_assert_cmpint ((int) (rei_indicator_get_value (socio) * 100 + 0.5), ==, 65);

  /* The list behind the numbers: every graduate once, with the indicators that count them. */
  g_assert_cmpuint (report->graduates->len, ==, 26);
  for (guint i = 0; i < report->graduates->len; i++)
    {
      ReiGraduate *g = g_ptr_array_index (report->graduates, i);
      guint n = g_strv_length (g->counted_in);

      g_assert_cmpint (rei_date_year (g->end_date), ==, 2019);
      if (n == 2)
        counted_in_both++;
      if (n == 0)
        counted_in_none++;
      if (g->outcome == NULL)
        g_assert_cmpuint (n, ==, 0);
    }
  g_assert_cmpuint (counted_in_both, ==, 13);
  g_assert_cmpuint (counted_in_none, ==, 9);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_no_graduates (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiIndicatorReport) report = NULL;
  const ReiIndicator *ind;

  fill_krasnystaw (store);
  report = rei_indicators_compute (store, 2015, NULL);
  ind = rei_indicator_report_lookup (report, "usamodzielnienie");
  g_assert_cmpuint (ind->denominator, ==, 0);
  g_assert_cmpfloat (rei_indicator_get_value (ind), ==, 0.0);
  g_assert_cmpuint (report->graduates->len, ==, 0);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/indicators/krasnystaw-2019", test_krasnystaw_2019);
  g_test_add_func ("/indicators/no-graduates", test_no_graduates);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-demo.h"
#include "rei-store-network.h"
#include "rei-store-private.h"
#include "rei-store-residents.h"
#include "test-util.h"

/* NIPs and REGONs whose control digits were computed by hand from the published weights. */
#define NIP_MOPS   "5641713340"
#define NIP_PUP    "9220001213"
#define REGON_MOPS "110003619"

typedef struct
{
  char     *dir;
  char     *path;
  ReiStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rei_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = rei_test_store_new (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->path);
  rei_test_tmpdir_free (f->dir);
}

static ReiPartner *
make_partner (const char *name,
              const char *type,
              const char *sector,
              const char *nip)
{
  ReiPartner *p = rei_partner_new ();

  rei_partner_set_text (p, REI_PARTNER_NAME, name);
  rei_partner_set_text (p, REI_PARTNER_TYPE, type);
  rei_partner_set_text (p, REI_PARTNER_SECTOR, sector);
  rei_partner_set_text (p, REI_PARTNER_NIP, nip);
  return p;
}

static gint64
add_resident (ReiStore   *store,
              const char *surname)
{
  g_autoptr(ReiResident) r = rei_test_resident_new ("Anna", surname, NULL);
  g_autoptr(GError) error = NULL;

  rei_resident_set (r, REI_RESIDENT_SEX, "K");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  return rei_resident_get_id (r);
}

static gint64
refer (ReiStore   *store,
       gint64      resident,
       gint64      partner,
       const char *date)
{
  g_autoptr(ReiReferral) r = rei_referral_new (resident, partner);
  g_autoptr(GError) error = NULL;

  rei_referral_set_text (r, REI_REFERRAL_REFERRED_ON, date);
  g_assert_true (rei_store_save_referral (store, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_referral_get_id (r), >, 0);
  return rei_referral_get_id (r);
}

static guint
count_of (GHashTable *counts,
          gint64      partner)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, &partner));
}

static void
test_partner_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ReiPartner) p = make_partner ("Miejski Ośrodek Pomocy Społecznej", "B", "publiczny", "564-171-33-40");
  g_autoptr(ReiPartner) back = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  rei_partner_set_text (p, REI_PARTNER_REGON, REGON_MOPS);
  rei_partner_set_text (p, REI_PARTNER_CONTACT_PERSON, "Maria Wójcik");
  rei_partner_set_text (p, REI_PARTNER_AGREEMENT_DATE, "15.01.2020");
  rei_partner_set_text (p, REI_PARTNER_AGREEMENT_UNTIL, "2024-12-31");
  rei_partner_set_text (p, REI_PARTNER_AGREEMENT_SCOPE, "kierowanie uczestników, praca socjalna");
  rei_partner_set_areas (p, (const char *[]) { "pomoc_spoleczna", "wspieranie_rodziny", "pomoc_spoleczna", NULL });
  g_assert_true (rei_store_save_partner (f->store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_partner_get_id (p), >, 0);

  back = rei_store_get_partner (f->store, rei_partner_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rei_partner_get_name (back), ==, "Miejski Ośrodek Pomocy Społecznej");
  /* The NIP is kept as digits, the agreement date as ISO. */
  g_assert_cmpstr (rei_partner_get_text (back, REI_PARTNER_NIP), ==, NIP_MOPS);
  g_assert_cmpstr (rei_partner_get_text (back, REI_PARTNER_AGREEMENT_DATE), ==, "2020-01-15");
  g_assert_cmpstr (rei_partner_get_text (back, REI_PARTNER_CONTACT_PERSON), ==, "Maria Wójcik");
  g_assert_cmpstrv (rei_partner_get_areas (back), ((const char *[]) { "pomoc_spoleczna", "wspieranie_rodziny", NULL }));
  g_assert_cmpint (rei_partner_get_type_letter (back), ==, 'B');

  /* Found by NIP whatever its separators, else by name in any case. */
  g_assert_cmpint (rei_store_find_partner (f->store, "564 171 33 40", NULL, NULL), ==, rei_partner_get_id (p));
  g_assert_cmpint (rei_store_find_partner (f->store, NULL, "MIEJSKI OŚRODEK POMOCY SPOŁECZNEJ", NULL), ==, rei_partner_get_id (p));
  g_assert_cmpint (rei_store_find_partner (f->store, NIP_PUP, "Nieznany", NULL), ==, 0);

  /* An update writes one audit row naming the changed fields, not their values. */
  rei_partner_set_text (back, REI_PARTNER_PHONE, "82 576 20 21");
  g_assert_true (rei_store_save_partner (f->store, back, &error));
  audit = rei_store_list_audit (f->store, "partner", rei_partner_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((ReiAuditEntry *) g_ptr_array_index (audit, 1))->action, ==, "update");
  g_assert_cmpstr (((ReiAuditEntry *) g_ptr_array_index (audit, 1))->detail, ==, "phone");
}

static void
test_partner_checks (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ReiPartner) good = make_partner ("Powiatowy Urząd Pracy", "B", "publiczny", NIP_PUP);
  g_autoptr(GError) error = NULL;
  static const struct {
    ReiPartnerField field;
    const char *value;
  } bad[] = {
    { REI_PARTNER_NIP, "5641713341" },        /* control digit */
    { REI_PARTNER_NIP, "56417133" },          /* length */
    { REI_PARTNER_REGON, "110003618" },
    { REI_PARTNER_TYPE, "D" },
    { REI_PARTNER_LEVEL, "gminny" },
    { REI_PARTNER_SECTOR, "spoleczny" },
    { REI_PARTNER_EMAIL, "pup.krasnystaw.pl" },
    { REI_PARTNER_AGREEMENT_DATE, "31.02.2020" },
    { REI_PARTNER_NAME, "  " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(ReiPartner) p = rei_partner_copy (good);

      rei_partner_set_text (p, bad[i].field, bad[i].value);
      g_assert_false (rei_store_save_partner (f->store, p, &error));
      g_assert_error (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (rei_partner_get_id (p), ==, 0);
    }

  /* An agreement that ends before it starts. */
  rei_partner_set_text (good, REI_PARTNER_AGREEMENT_DATE, "2021-05-01");
  rei_partner_set_text (good, REI_PARTNER_AGREEMENT_UNTIL, "2021-04-30");
  g_assert_false (rei_store_save_partner (f->store, good, &error));
  g_assert_error (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID);
  g_clear_error (&error);
  rei_partner_set_text (good, REI_PARTNER_AGREEMENT_UNTIL, NULL);

  /* An unknown area code is refused by the store, which knows the 14 areas. */
  rei_partner_set_areas (good, (const char *[]) { "kultura", "sport", NULL });
  g_assert_false (rei_store_save_partner (f->store, good, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rei_store_count_partners (f->store, NULL), ==, 0);

  rei_partner_set_areas (good, (const char *[]) { "przeciwdzialanie_bezrobociu", NULL });
  g_assert_true (rei_store_save_partner (f->store, good, &error));
  g_assert_no_error (error);

  /* Two partners cannot share a NIP. */
  {
    g_autoptr(ReiPartner) twin = make_partner ("PUP bis", "B", "publiczny", NIP_PUP);

    g_assert_false (rei_store_save_partner (f->store, twin, &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT);
    g_assert_cmpint (rei_store_count_partners (f->store, NULL), ==, 1);
  }
}

static void
test_ensure_and_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ReiPartner) lib = make_partner ("Łukowska Biblioteka", "C", "publiczny", NULL);
  gint64 a, b;

  g_assert_true (rei_store_save_partner (f->store, lib, &error));
  a = rei_store_ensure_partner (f->store, "Zakład Usług Komunalnych", "C", &error);
  g_assert_no_error (error);
  b = rei_store_ensure_partner (f->store, "zakład usług komunalnych", "B", &error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (a, ==, b);
  g_assert_cmpint (rei_store_ensure_partner (f->store, "Luboszyce", NULL, &error), >, a);

  /* Polish order: L before Ł before Z. */
  list = rei_store_list_partners (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (rei_partner_get_name (g_ptr_array_index (list, 0)), ==, "Luboszyce");
  g_assert_cmpstr (rei_partner_get_name (g_ptr_array_index (list, 1)), ==, "Łukowska Biblioteka");
  g_assert_cmpint (rei_partner_get_type_letter (g_ptr_array_index (list, 2)), ==, 'C');
  g_assert_cmpint (rei_partner_get_type_letter (g_ptr_array_index (list, 0)), ==, 'B');
}

static void
test_catalogue_seed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = rei_store_list_services (f->store, 0, &error);
  g_autoptr(ReiPartner) clinic = make_partner ("Poradnia Leczenia Uzależnień", "C", "publiczny", NULL);
  guint n_a = 0, n_b = 0, n_training = 0;
  ReiService *therapy = NULL;

  g_assert_no_error (error);
  /* Seed 000: 27 traditional services and 6 life-skills trainings. */
  g_assert_cmpuint (services->len, ==, 33);
  for (guint i = 0; i < services->len; i++)
    {
      ReiService *s = g_ptr_array_index (services, i);
      const char *group = rei_service_get_text (s, REI_SERVICE_GROUP);

      g_assert_cmpstr (rei_service_get_text (s, REI_SERVICE_SOURCE), ==, "broszura");
      g_assert_cmpint (rei_service_get_partner_id (s), ==, 0);
      g_assert_nonnull (rei_service_get_text (s, REI_SERVICE_AREA));
      if (g_str_equal (group, "A"))
        {
          n_a++;
          g_assert_null (rei_service_get_text (s, REI_SERVICE_SUBTYPE));
        }
      else
        {
          n_b++;
          g_assert_nonnull (rei_service_get_text (s, REI_SERVICE_SUBTYPE));
        }
      if (g_str_has_prefix (rei_service_get_name (s), "Trening"))
        {
          n_training++;
          g_assert_cmpstr (group, ==, "A");
        }
      if (g_str_equal (rei_service_get_name (s), "Terapia uzależnień"))
        therapy = s;
    }
  g_assert_cmpuint (n_training, ==, 6);
  g_assert_cmpuint (n_a + n_b, ==, 33);
  g_assert_nonnull (therapy);

  /* The centre gives the row a provider, a capacity and a cost in grosze. */
  g_assert_true (rei_store_save_partner (f->store, clinic, &error));
  rei_service_set_partner_id (therapy, rei_partner_get_id (clinic));
  rei_service_set_capacity (therapy, 12);
  rei_service_set_cost_grosze (therapy, 1234550);
  g_assert_true (rei_store_save_service (f->store, therapy, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ReiService) back = rei_store_get_service (f->store, rei_service_get_id (therapy), &error);
    g_autoptr(GPtrArray) own = rei_store_list_services (f->store, rei_partner_get_id (clinic), &error);
    g_autofree char *money = rei_money_format (rei_service_get_cost_grosze (back));

    g_assert_cmpint (rei_service_get_cost_grosze (back), ==, 1234550);
    g_assert_cmpint (rei_service_get_capacity (back), ==, 12);
    g_assert_cmpstr (rei_service_get_text (back, REI_SERVICE_PROVIDER_NAME), ==, "Poradnia Leczenia Uzależnień");
    g_assert_cmpstr (money, ==, "12\u00a0345,50 zł");
    g_assert_cmpuint (own->len, ==, 1);
  }

  /* An unknown dimension is refused. */
  {
    g_autoptr(ReiService) s = rei_service_new ();

    rei_service_set_text (s, REI_SERVICE_NAME, "Klub seniora");
    rei_service_set_text (s, REI_SERVICE_DIMENSION, "szczescie");
    g_assert_false (rei_store_save_service (f->store, s, &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
  }
}

static void
test_money (void)
{
  static const struct { const char *text; gint64 grosze; } good[] = {
    { "1234,5", 123450 }, { "1 234,50 zł", 123450 }, { "0.07", 7 }, { "15", 1500 },
    { "1\u00a0025\u00a0436,17 zł", 102543617 },
  };
  static const char *bad[] = { "", "12,345", "1,2,3", "abc", "-5", "zł" };
  gint64 g;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (rei_money_parse (good[i].text, &g, NULL));
      g_assert_cmpint (g, ==, good[i].grosze);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (rei_money_parse (bad[i], &g, NULL));
}

static void
test_referral_counts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ReiPartner) mops = make_partner ("MOPS", "B", "publiczny", NIP_MOPS);
  g_autoptr(ReiPartner) club = make_partner ("Klub Sportowy Start", "C", "pozarzadowy", NULL);
  g_autoptr(ReiService) own = rei_service_new ();
  g_autoptr(GHashTable) all = NULL, y2020 = NULL, none = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 anna, ewa;

  g_assert_true (rei_store_save_partner (f->store, mops, NULL));
  g_assert_true (rei_store_save_partner (f->store, club, NULL));
  anna = add_resident (f->store, "Nowak");
  ewa = add_resident (f->store, "Zielińska");

  refer (f->store, anna, rei_partner_get_id (mops), "2019-12-31");
  refer (f->store, anna, rei_partner_get_id (mops), "2020-01-01");
  refer (f->store, ewa, rei_partner_get_id (mops), "2020-12-31");
  refer (f->store, ewa, rei_partner_get_id (club), "2021-01-01");

  all = rei_store_count_referrals (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_of (all, rei_partner_get_id (mops)), ==, 3);
  g_assert_cmpuint (count_of (all, rei_partner_get_id (club)), ==, 1);
  /* The period's ends are inclusive. */
  y2020 = rei_store_count_referrals (f->store, "2020-01-01", "2020-12-31", NULL, &error);
  g_assert_cmpuint (count_of (y2020, rei_partner_get_id (mops)), ==, 2);
  g_assert_false (g_hash_table_contains (y2020, &(gint64) { rei_partner_get_id (club) }));
  none = rei_store_count_referrals (f->store, "2022-01-01", NULL, NULL, &error);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);

  list = rei_store_list_referrals (f->store, 0, ewa, &error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first, with the names a list shows. */
  g_assert_cmpstr (rei_referral_get_text (g_ptr_array_index (list, 0), REI_REFERRAL_PARTNER_NAME), ==, "Klub Sportowy Start");
  g_assert_cmpstr (rei_referral_get_text (g_ptr_array_index (list, 0), REI_REFERRAL_RESIDENT_NAME), ==, "Zielińska Anna");

  /* A referral to a service of another partner is refused; one of the partner's own is kept. */
  rei_service_set_text (own, REI_SERVICE_NAME, "Zajęcia na siłowni");
  rei_service_set_text (own, REI_SERVICE_SUBTYPE, "powszechna");
  rei_service_set_text (own, REI_SERVICE_AREA, "kultura_fizyczna_i_turystyka");
  rei_service_set_partner_id (own, rei_partner_get_id (club));
  g_assert_true (rei_store_save_service (f->store, own, &error));
  {
    g_autoptr(ReiReferral) r = rei_referral_new (anna, rei_partner_get_id (mops));

    rei_referral_set_service_id (r, rei_service_get_id (own));
    rei_referral_set_text (r, REI_REFERRAL_REFERRED_ON, "01.03.2021");
    g_assert_false (rei_store_save_referral (f->store, r, &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID);
    g_clear_error (&error);
    rei_referral_set_partner_id (r, rei_partner_get_id (club));
    rei_referral_set_text (r, REI_REFERRAL_STATUS, "zakonczone");
    rei_referral_set_text (r, REI_REFERRAL_STARTED_ON, "2021-03-02");
    rei_referral_set_text (r, REI_REFERRAL_ENDED_ON, "2021-03-01");
    g_assert_false (rei_store_save_referral (f->store, r, &error));
    g_assert_error (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID);
    g_clear_error (&error);
    rei_referral_set_text (r, REI_REFERRAL_ENDED_ON, "2021-06-30");
    rei_referral_set_text (r, REI_REFERRAL_RESULT, "ukończyła");
    g_assert_true (rei_store_save_referral (f->store, r, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (rei_referral_get_text (r, REI_REFERRAL_REFERRED_ON), ==, "2021-03-01");
  }
  g_clear_pointer (&all, g_hash_table_unref);
  all = rei_store_count_referrals (f->store, NULL, NULL, NULL, &error);
  g_assert_cmpuint (count_of (all, rei_partner_get_id (club)), ==, 2);

  /* A cancelled count stops. */
  {
    g_autoptr(GCancellable) cancel = g_cancellable_new ();

    g_cancellable_cancel (cancel);
    g_assert_null (rei_store_count_referrals (f->store, NULL, NULL, cancel, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  /* A referral and a service are deleted once; the second time they are not found. */
  {
    gint64 newest;

    g_clear_pointer (&list, g_ptr_array_unref);
    list = rei_store_list_referrals (f->store, rei_partner_get_id (club), 0, &error);
    g_assert_cmpuint (list->len, ==, 2);
    newest = rei_referral_get_id (g_ptr_array_index (list, 0));
    g_assert_true (rei_store_delete_referral (f->store, newest, &error));
    g_assert_no_error (error);
    g_assert_false (rei_store_delete_referral (f->store, newest, &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (rei_store_delete_service (f->store, rei_service_get_id (own), &error));
    g_assert_no_error (error);
    g_assert_false (rei_store_delete_service (f->store, rei_service_get_id (own), &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (rei_store_get_service (f->store, rei_service_get_id (own), &error));
    g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Deleting the partner takes its referrals with it. */
  g_assert_true (rei_store_delete_partner (f->store, rei_partner_get_id (club), &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = rei_store_list_referrals (f->store, 0, 0, &error);
  g_assert_cmpuint (list->len, ==, 3);
}

static const ReiCoverage *
find_coverage (GPtrArray  *rows,
               gboolean    is_area,
               const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const ReiCoverage *c = g_ptr_array_index (rows, i);

      if (c->is_area == is_area && g_str_equal (c->code, code))
        return c;
    }
  g_assert_not_reached ();
}

static void
test_gaps (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ReiPartner) pup = make_partner ("PUP", "B", "publiczny", NIP_PUP);
  g_autoptr(ReiService) course = rei_service_new ();
  g_autoptr(GPtrArray) before = NULL, after = NULL, needs = NULL, unserved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 anna = add_resident (f->store, "Nowak");

  /* A plan records three needs at a review: housing, work (met later) and a job course. */
  sql = g_strdup_printf (
    "INSERT INTO plan (id, resident_id, kind) VALUES (1, %" G_GINT64_FORMAT ", 'IPUS');"
    "INSERT INTO plan_unmet_need (plan_id, dimension_code, area_code, description, recorded_on, met_on) VALUES "
    "(1, 'mieszkanie', 'mieszkalnictwo', 'mieszkanie treningowe', '2021-02-01', NULL),"
    "(1, 'praca', 'przeciwdzialanie_bezrobociu', 'kurs operatora wózka', '2021-02-01', NULL),"
    "(1, 'praca', NULL, 'staż', '2021-01-01', '2021-03-01');", anna);
  rei_test_exec_raw (f->path, sql);

  before = rei_store_list_coverage (f->store, &error);
  g_assert_no_error (error);
  /* 14 areas, then the 9 dimensions. */
  g_assert_cmpuint (before->len, ==, 14 + 9);
  g_assert_true (((ReiCoverage *) g_ptr_array_index (before, 0))->is_area);
  g_assert_cmpstr (((ReiCoverage *) g_ptr_array_index (before, 0))->code, ==, "polityka_prorodzinna");
  g_assert_false (((ReiCoverage *) g_ptr_array_index (before, 14))->is_area);
  /* The seeded catalogue has no providers: every area is a gap. */
  for (guint i = 0; i < before->len; i++)
    {
      g_assert_cmpuint (((ReiCoverage *) g_ptr_array_index (before, i))->n_services, ==, 0);
      g_assert_true (rei_coverage_is_gap (g_ptr_array_index (before, i)));
    }
  g_assert_cmpuint (find_coverage (before, TRUE, "mieszkalnictwo")->n_open_needs, ==, 1);
  g_assert_cmpuint (find_coverage (before, FALSE, "praca")->n_open_needs, ==, 1);

  needs = rei_store_list_unmet_needs (f->store, TRUE, &error);
  g_assert_cmpuint (needs->len, ==, 2);

  /* The labour office provides a vocational course: the job need is served, housing is not. */
  rei_partner_set_areas (pup, (const char *[]) { "przeciwdzialanie_bezrobociu", NULL });
  g_assert_true (rei_store_save_partner (f->store, pup, &error));
  rei_service_set_text (course, REI_SERVICE_NAME, "Kurs kwalifikacyjny");
  rei_service_set_text (course, REI_SERVICE_AREA, "przeciwdzialanie_bezrobociu");
  rei_service_set_text (course, REI_SERVICE_DIMENSION, "praca");
  rei_service_set_partner_id (course, rei_partner_get_id (pup));
  g_assert_true (rei_store_save_service (f->store, course, &error));

  after = rei_store_list_coverage (f->store, &error);
  g_assert_cmpuint (find_coverage (after, TRUE, "przeciwdzialanie_bezrobociu")->n_services, ==, 1);
  g_assert_cmpuint (find_coverage (after, TRUE, "przeciwdzialanie_bezrobociu")->n_partners, ==, 1);
  /* Still a gap: a need recorded there is open until a review marks it met. */
  g_assert_true (rei_coverage_is_gap (find_coverage (after, TRUE, "przeciwdzialanie_bezrobociu")));
  g_assert_cmpuint (find_coverage (after, FALSE, "praca")->n_services, ==, 1);
  g_assert_true (rei_coverage_is_gap (find_coverage (after, TRUE, "kultura")));

  unserved = rei_store_list_unmet_needs (f->store, TRUE, &error);
  g_assert_cmpuint (unserved->len, ==, 1);
  g_assert_cmpstr (((ReiUnmetNeed *) g_ptr_array_index (unserved, 0))->area_code, ==, "mieszkalnictwo");
  g_clear_pointer (&needs, g_ptr_array_unref);
  needs = rei_store_list_unmet_needs (f->store, FALSE, &error);
  g_assert_cmpuint (needs->len, ==, 2);

  /* An inactive service covers nothing. */
  rei_service_set_active (course, FALSE);
  g_assert_true (rei_store_save_service (f->store, course, &error));
  g_clear_pointer (&unserved, g_ptr_array_unref);
  unserved = rei_store_list_unmet_needs (f->store, TRUE, &error);
  g_assert_cmpuint (unserved->len, ==, 2);
}

/* The demo town's network: every type and sector, referrals over several years. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = NULL, coverage = NULL;
  g_autoptr(GHashTable) y2019 = NULL, y2023 = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  rei_store_set_today (f->store, "2024-06-30");
  g_assert_true (rei_demo_fill (f->store, 60, 5, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  partners = rei_store_list_partners (f->store, &error);
  g_assert_cmpuint (partners->len, >=, 20);
  for (guint i = 0; i < partners->len; i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, i);

      g_hash_table_add (seen, (gpointer) rei_partner_get_text (p, REI_PARTNER_TYPE));
      g_hash_table_add (seen, (gpointer) rei_partner_get_text (p, REI_PARTNER_SECTOR));
    }
  for (guint i = 0; i < 7; i++)
    g_assert_true (g_hash_table_contains (seen, ((const char *[]) { "A", "B", "C", "publiczny", "pozarzadowy", "prywatny", "koscielny" })[i]));
  /* Five years back from the store's today. */
  y2019 = rei_store_count_referrals (f->store, "2019-01-01", "2019-12-31", NULL, &error);
  y2023 = rei_store_count_referrals (f->store, "2023-01-01", "2023-12-31", NULL, &error);
  g_assert_cmpuint (g_hash_table_size (y2019), >, 0);
  g_assert_cmpuint (g_hash_table_size (y2023), >, 0);
  /* Providers cover some areas and leave others as gaps. */
  coverage = rei_store_list_coverage (f->store, &error);
  g_assert_cmpuint (((ReiCoverage *) g_ptr_array_index (coverage, 7))->n_services, >, 0);
  g_assert_true (rei_coverage_is_gap (g_ptr_array_index (coverage, 0)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/network/partner/round-trip", test_partner_round_trip);
  ADD ("/network/partner/checks", test_partner_checks);
  ADD ("/network/partner/ensure-and-order", test_ensure_and_order);
  ADD ("/network/catalogue/seed", test_catalogue_seed);
  g_test_add_func ("/network/catalogue/money", test_money);
  ADD ("/network/referral/counts", test_referral_counts);
  ADD ("/network/gaps", test_gaps);
  ADD ("/network/demo", test_demo);
#undef ADD

  return g_test_run ();
}

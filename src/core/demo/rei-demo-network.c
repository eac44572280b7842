/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <string.h>

#include "rei-demo-private.h"
#include "rei-store-network.h"
#include "rei-store-residents.h"

/* A town of about 20 000 people in Lubelskie, as the seeds describe.  NIPs get their control
 * digit computed here; "weight" is how often the centre refers people there. */
static const struct
{
  const char *name;
  const char *type;
  const char *sector;
  const char *level;
  const char *areas;
  const char *nip9;     /* the first nine digits, or NULL */
  const char *contact;
  guint       weight;
} partners[] = {
  { "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie", "B", "publiczny", "lokalny", "pomoc_spoleczna|wspieranie_rodziny", "564171334", "Maria Wójcik", 30 },
  { "Powiatowy Urząd Pracy w Krasnymstawie", "B", "publiczny", "lokalny", "przeciwdzialanie_bezrobociu", "564150282", "Tomasz Lis", 28 },
  { "Powiatowe Centrum Pomocy Rodzinie", "B", "publiczny", "lokalny", "pomoc_spoleczna|piecza_zastepcza|niepelnosprawnosc", "564162095", "Ewa Kaczmarek", 8 },
  { "Regionalny Ośrodek Polityki Społecznej w Lublinie", "B", "publiczny", "regionalny", "pomoc_spoleczna|reintegracja", "712240613", NULL, 2 },
  { "Stowarzyszenie „Pomocna Dłoń”", "B", "pozarzadowy", "lokalny", "pomoc_spoleczna|mieszkalnictwo", "564182731", "Anna Zając", 9 },
  { "Klub Integracji Społecznej przy MOPS", "A", "publiczny", "lokalny", "reintegracja", NULL, "Piotr Mazur", 12 },
  { "Spółdzielnia Socjalna „Razem”", "A", "pozarzadowy", "lokalny", "reintegracja|przeciwdzialanie_bezrobociu", "564189344", "Krzysztof Nowak", 10 },
  { "Fundacja Aktywizacji Zawodowej „Krok”", "A", "pozarzadowy", "regionalny", "reintegracja|przeciwdzialanie_bezrobociu", "946263710", NULL, 6 },
  { "Miejska Biblioteka Publiczna im. Stanisława Staszica", "C", "publiczny", "lokalny", "kultura|edukacja", "564150831", "Joanna Sowa", 7 },
  { "Krasnostawski Dom Kultury", "C", "publiczny", "lokalny", "kultura|aktywnosc_obywatelska", "564150809", "Barbara Król", 6 },
  { "Klub Sportowy „Start” Krasnystaw", "C", "pozarzadowy", "lokalny", "kultura_fizyczna_i_turystyka", "564165218", "Marek Wróbel", 5 },
  { "Ośrodek Sportu i Rekreacji", "C", "publiczny", "lokalny", "kultura_fizyczna_i_turystyka", "564173020", NULL, 4 },
  { "Samodzielny Publiczny Zakład Opieki Zdrowotnej", "C", "publiczny", "lokalny", "ochrona_zdrowia", "564150400", NULL, 5 },
  { "Poradnia Leczenia Uzależnień", "C", "publiczny", "lokalny", "ochrona_zdrowia", "564179922", "dr Halina Bąk", 8 },
  { "Centrum Kształcenia Zawodowego i Ustawicznego", "C", "publiczny", "lokalny", "edukacja|przeciwdzialanie_bezrobociu", "564151652", NULL, 6 },
  { "Parafia pw. Świętego Franciszka Ksawerego", "C", "koscielny", "lokalny", "pomoc_spoleczna|aktywnosc_obywatelska", NULL, "ks. Jan Pawlak", 3 },
  { "Caritas Diecezji Zamojsko-Lubaczowskiej", "B", "koscielny", "regionalny", "pomoc_spoleczna|mieszkalnictwo", "922211820", NULL, 4 },
  { "Piekarnia „Kłos” s.c.", "C", "prywatny", "lokalny", "przeciwdzialanie_bezrobociu", "564100021", "Andrzej Kłos", 4 },
  { "Zakład Usług Komunalnych Sp. z o.o.", "C", "prywatny", "lokalny", "przeciwdzialanie_bezrobociu|ochrona_srodowiska", "564000177", NULL, 5 },
  { "Cukrownia Krasnystaw S.A.", "C", "prywatny", "lokalny", "przeciwdzialanie_bezrobociu", "564000101", NULL, 3 },
  { "Hurtownia Budowlana „Bud-Mat”", "C", "prywatny", "lokalny", "przeciwdzialanie_bezrobociu", "564197340", NULL, 2 },
  { "Towarzystwo Przyjaciół Ziemi Krasnostawskiej", "C", "pozarzadowy", "lokalny", "kultura|ochrona_srodowiska", NULL, NULL, 1 },
  { "Lubelski Bank Żywności", "B", "pozarzadowy", "regionalny", "pomoc_spoleczna", "946245391", NULL, 2 },
};

/* Catalogue rows (seed 000) and who provides them in the demo town. */
static const struct
{
  const char *service;
  guint       partner;
  int         capacity;
  gint64      cost_grosze;
} providers[] = {
  { "Terapia uzależnień", 13, 15, 0 },
  { "Sesje grup terapeutycznych", 13, 12, 0 },
  { "Kształtowanie umiejętności poruszania się na rynku pracy", 1, 20, 0 },
  { "Kształtowanie kwalifikacji zawodowych", 14, 16, 245000 },
  { "Zatrudnienie w ramach prac interwencyjnych", 1, 10, -1 },
  { "Zatrudnienie w spółdzielniach socjalnych", 6, 6, -1 },
  { "Poradnictwo wobec problemów rodzinnych", 2, -1, 0 },
  { "Kursy komputerowe (formy indywidualne i grupowe)", 8, 10, 0 },
  { "Trening umiejętności społecznych (komunikacja, współpraca, rozwiązywanie konfliktów)", 5, 12, 60000 },
  { "Nauka załatwiania spraw formalno-urzędowych", 0, -1, 0 },
  { "Promocja zdrowego trybu życia", 12, -1, 0 },
  { "Zajęcia ogólnorozwojowe", 9, 25, 0 },
};

/* The partners' own offers (group B, universal or tailored). */
static const struct
{
  const char *name;
  const char *subtype;
  const char *area;
  const char *dimension;
  guint       partner;
} own[] = {
  { "Klub czytelniczy i wypożyczalnia", "powszechna", "kultura", "edukacja", 8 },
  { "Zajęcia na siłowni i basenie", "powszechna", "kultura_fizyczna_i_turystyka", "zdrowie", 11 },
  { "Treningi drużyny piłkarskiej", "powszechna", "kultura_fizyczna_i_turystyka", "umiejetnosci_spoleczne", 10 },
  { "Staż w piekarni", "dopasowana", "przeciwdzialanie_bezrobociu", "praca", 17 },
  { "Prace porządkowe w zieleni miejskiej", "dopasowana", "przeciwdzialanie_bezrobociu", "praca", 18 },
  { "Wydawanie paczek żywnościowych", "dopasowana", "pomoc_spoleczna", NULL, 22 },
  { "Mieszkanie treningowe", "dopasowana", "mieszkalnictwo", "mieszkanie", 4 },
};

static char *
with_control_digit (const char *nip9)
{
  static const int w[9] = { 6, 5, 7, 2, 3, 4, 5, 6, 7 };
  int sum = 0;

  for (guint i = 0; i < 9; i++)
    sum += (nip9[i] - '0') * w[i];
  /* A remainder of 10 is no valid NIP: such a partner is listed without one. */
  return sum % 11 == 10 ? NULL : g_strdup_printf ("%s%d", nip9, sum % 11);
}

gboolean
rei_demo_fill_network (ReiDemo  *demo,
                       GError  **error)
{
  ReiStore *store = demo->store;
  GCancellable *cancellable = demo->cancellable;
  g_autoptr(GRand) rand = rei_demo_rand_new (demo->seed, "network");
  int this_year = g_date_get_year (&demo->today);
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GArray) residents = NULL;
  g_autoptr(GPtrArray) catalogue = NULL;
  gint64 ids[G_N_ELEMENTS (partners)];
  gboolean is_new[G_N_ELEMENTS (partners)];
  guint total_weight = 0;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      g_autoptr(ReiPartner) p = rei_partner_new ();
      g_auto(GStrv) areas = g_strsplit (partners[i].areas, "|", -1);
      g_autofree char *nip = partners[i].nip9 ? with_control_digit (partners[i].nip9) : NULL;
      g_autofree char *phone = g_strdup_printf ("82 576 %02u %02u", g_rand_int_range (rand, 10, 99),
                                                g_rand_int_range (rand, 10, 99));

      rei_partner_set_text (p, REI_PARTNER_NAME, partners[i].name);
      rei_partner_set_text (p, REI_PARTNER_TYPE, partners[i].type);
      rei_partner_set_text (p, REI_PARTNER_SECTOR, partners[i].sector);
      rei_partner_set_text (p, REI_PARTNER_LEVEL, partners[i].level);
      rei_partner_set_text (p, REI_PARTNER_NIP, nip);
      rei_partner_set_text (p, REI_PARTNER_CONTACT_PERSON, partners[i].contact);
      rei_partner_set_text (p, REI_PARTNER_PHONE, phone);
      rei_partner_set_text (p, REI_PARTNER_ADDRESS, "22-300 Krasnystaw");
      if (partners[i].weight >= 5)
        {
          rei_partner_set_text (p, REI_PARTNER_AGREEMENT_DATE, "2019-01-02");
          rei_partner_set_text (p, REI_PARTNER_AGREEMENT_UNTIL, "2025-12-31");
          rei_partner_set_text (p, REI_PARTNER_AGREEMENT_SCOPE, "porozumienie o współpracy w reintegracji");
        }
      rei_partner_set_areas (p, (const char * const *) areas);
      /* A second demo run on the same database (more residents) keeps the town's partners. */
      ids[i] = rei_store_find_partner (store, nip, partners[i].name, error);
      if (ids[i] < 0)
        goto fail;
      is_new[i] = ids[i] == 0;
      if (is_new[i])
        {
          if (!rei_store_save_partner (store, p, error))
            goto fail;
          ids[i] = rei_partner_get_id (p);
        }
      total_weight += partners[i].weight;
    }

  catalogue = rei_store_list_services (store, 0, error);
  if (catalogue == NULL)
    goto fail;
  for (guint k = 0; k < G_N_ELEMENTS (providers); k++)
    for (guint i = 0; i < catalogue->len; i++)
      {
        ReiService *s = g_ptr_array_index (catalogue, i);

        if (!g_str_equal (rei_service_get_name (s), providers[k].service))
          continue;
        rei_service_set_partner_id (s, ids[providers[k].partner]);
        rei_service_set_capacity (s, providers[k].capacity);
        rei_service_set_cost_grosze (s, providers[k].cost_grosze);
        if (!rei_store_save_service (store, s, error))
          goto fail;
      }
  for (guint k = 0; k < G_N_ELEMENTS (own); k++)
    {
      g_autoptr(ReiService) s = NULL;

      if (!is_new[own[k].partner])
        continue;
      s = rei_service_new ();
      rei_service_set_text (s, REI_SERVICE_NAME, own[k].name);
      rei_service_set_text (s, REI_SERVICE_SUBTYPE, own[k].subtype);
      rei_service_set_text (s, REI_SERVICE_AREA, own[k].area);
      rei_service_set_text (s, REI_SERVICE_DIMENSION, own[k].dimension);
      rei_service_set_partner_id (s, ids[own[k].partner]);
      if (!rei_store_save_service (store, s, error))
        goto fail;
    }

  /* Two or three referrals per resident, to partners drawn by weight, over six years. */
  residents = rei_store_query_resident_ids (store, query, cancellable, error);
  if (residents == NULL)
    goto fail;
  for (guint r = 0; r < residents->len; r++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 4);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      for (guint k = 0; k < n; k++)
        {
          guint pick = (guint) g_rand_int_range (rand, 0, (gint32) total_weight), i = 0;
          int year = this_year - 5 + g_rand_int_range (rand, 0, 6);
          g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", year, g_rand_int_range (rand, 1, 13),
                                                   g_rand_int_range (rand, 1, 29));
          g_autoptr(ReiReferral) ref = NULL;
          static const char * const statuses[] = { "zakonczone", "zakonczone", "przerwane", "w_trakcie" };
          const char *status;

          while (pick >= partners[i].weight)
            pick -= partners[i++].weight;
          ref = rei_referral_new (g_array_index (residents, gint64, r), ids[i]);
          rei_referral_set_text (ref, REI_REFERRAL_REFERRED_ON, date);
          status = year == this_year ? "planowane" : statuses[g_rand_int_range (rand, 0, 4)];
          rei_referral_set_text (ref, REI_REFERRAL_STATUS, status);
          if (!rei_store_save_referral (store, ref, error))
            goto fail;
        }
    }
  return TRUE;

fail:
  /* The caller rolls the whole demo back. */
  return FALSE;
}

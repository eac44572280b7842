/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-demo.h"

#include <string.h>

#include "rei-date.h"
#include "rei-store-residents.h"

/* Demo data must look like the register of a real CIS near Krasnystaw, so that a clerk trying the
 * program recognises names, places and projects, and so that sorting, search and the indicators
 * meet the diacritics and proportions they will meet in real use.  Every person is drawn from one
 * GRand seeded by the caller: the same seed gives the same people, in the database and in the CSV
 * alike, and person i does not depend on how many people follow. */

typedef struct
{
  const char *value;
  guint       weight;
} Weighted;

typedef struct
{
  const char *masculine;
  const char *feminine;
} Surname;

typedef struct
{
  const char *commune;
  const char *postcode;
  guint       weight;
} Commune;

typedef struct
{
  const char *title;
  const char *start;  /* ISO; residents admitted in the period may be funded by the project */
  const char *end;
} Project;

static const char * const male_names[] = {
  "Łukasz", "Jędrzej", "Paweł", "Michał", "Mikołaj", "Grzegorz", "Stanisław", "Józef", "Wojciech",
  "Bolesław", "Zdzisław", "Mirosław", "Jarosław", "Radosław", "Bogusław", "Przemysław", "Zbigniew",
  "Krzysztof", "Tomasz", "Piotr", "Marek", "Andrzej", "Jan", "Adam", "Dariusz", "Sławomir",
  "Wiesław", "Czesław", "Kazimierz", "Tadeusz", "Jacek", "Rafał", "Maciej", "Marcin", "Artur",
  "Błażej", "Jerzy", "Ryszard", "Henryk", "Kamil", "Dawid", "Sebastian",
};

static const char * const female_names[] = {
  "Małgorzata", "Żaneta", "Agnieszka", "Bożena", "Grażyna", "Jadwiga", "Halina", "Danuta",
  "Elżbieta", "Urszula", "Katarzyna", "Dorota", "Jolanta", "Barbara", "Krystyna", "Teresa",
  "Beata", "Iwona", "Renata", "Wiesława", "Mirosława", "Stanisława", "Bogumiła", "Łucja",
  "Józefa", "Marzena", "Anna", "Ewa", "Monika", "Magdalena", "Justyna", "Sylwia", "Joanna",
  "Aneta", "Emilia", "Paulina", "Weronika", "Zofia", "Marianna", "Genowefa", "Ludmiła",
};

/* Adjectival surnames change with sex (Wiśniewski, Wiśniewska); the others do not. */
static const Surname surnames[] = {
  { "Wiśniewski", "Wiśniewska" }, { "Kowalski", "Kowalska" }, { "Nowak", "Nowak" },
  { "Łuczak", "Łuczak" }, { "Śliwa", "Śliwa" }, { "Żak", "Żak" }, { "Ćwik", "Ćwik" },
  { "Kołodziej", "Kołodziej" }, { "Wójcik", "Wójcik" }, { "Kamiński", "Kamińska" },
  { "Lewandowski", "Lewandowska" }, { "Zieliński", "Zielińska" }, { "Szymański", "Szymańska" },
  { "Woźniak", "Woźniak" }, { "Dąbrowski", "Dąbrowska" }, { "Kozłowski", "Kozłowska" },
  { "Jankowski", "Jankowska" }, { "Mazur", "Mazur" }, { "Kwiatkowski", "Kwiatkowska" },
  { "Krawczyk", "Krawczyk" }, { "Piotrowski", "Piotrowska" }, { "Grabowski", "Grabowska" },
  { "Nowakowski", "Nowakowska" }, { "Pawłowski", "Pawłowska" }, { "Michalski", "Michalska" },
  { "Król", "Król" }, { "Wieczorek", "Wieczorek" }, { "Jabłoński", "Jabłońska" },
  { "Wróbel", "Wróbel" }, { "Nowicki", "Nowicka" }, { "Majewski", "Majewska" },
  { "Olszewski", "Olszewska" }, { "Stępień", "Stępień" }, { "Jaworski", "Jaworska" },
  { "Malinowski", "Malinowska" }, { "Górski", "Górska" }, { "Sikora", "Sikora" },
  { "Witkowski", "Witkowska" }, { "Rutkowski", "Rutkowska" }, { "Michalak", "Michalak" },
  { "Szewczyk", "Szewczyk" }, { "Ostrowski", "Ostrowska" }, { "Tomaszewski", "Tomaszewska" },
  { "Pietrzak", "Pietrzak" }, { "Wróblewski", "Wróblewska" }, { "Jasiński", "Jasińska" },
  { "Zając", "Zając" }, { "Zawadzki", "Zawadzka" }, { "Sadowski", "Sadowska" },
  { "Bąk", "Bąk" }, { "Chmielewski", "Chmielewska" }, { "Włodarczyk", "Włodarczyk" },
  { "Borkowski", "Borkowska" }, { "Czarnecki", "Czarnecka" }, { "Sawicki", "Sawicka" },
  { "Sokołowski", "Sokołowska" }, { "Urbański", "Urbańska" }, { "Kubiak", "Kubiak" },
  { "Maciejewski", "Maciejewska" }, { "Szczepański", "Szczepańska" }, { "Kucharski", "Kucharska" },
  { "Wilczyński", "Wilczyńska" }, { "Kaczmarczyk", "Kaczmarczyk" }, { "Gałązka", "Gałązka" },
  { "Kędzierski", "Kędzierska" }, { "Żółtowski", "Żółtowska" }, { "Dziedzic", "Dziedzic" },
};

/* Long-term unemployment and alcohol dominate the intake of a CIS; refugees are rare. */
static const Weighted categories[] = {
  { "bezrobocie_dlugotrwale", 45 },
  { "uzaleznienie_alkohol", 25 },
  { "niepelnosprawnosc", 10 },
  { "zaburzenia_psychiczne", 7 },
  { "bezdomnosc", 5 },
  { "zwolnienie_z_zakladu_karnego", 5 },
  { "uzaleznienie_narkotyki", 3 },
  { "uchodzca", 1 },
};

static const Weighted end_reasons[] = {
  { "ukonczenie", 55 },
  { "rezygnacja", 25 },
  { "skreslenie", 15 },
  { "inny", 5 },
};

/* Outcomes of those who completed the programme, weighted so that the indicators come out near
 * CIS Krasnystaw's 2019 figures (50 % self-reliance, 65 % socio-employment).  The weights leave
 * about a tenth of the ended unknown (NULL), as in a real register. */
static const Weighted outcomes_completed[] = {
  { "zatrudnienie", 30 },
  { "poszukiwanie_pracy", 10 },
  { "brak", 22 },
  { "staz", 8 },
  { "prace_spolecznie_uzyteczne", 6 },
  { "zatrudnienie_wspierane", 6 },
  { "dzialalnosc_gospodarcza", 4 },
  { "spoldzielnia_socjalna", 4 },
  { NULL, 10 },
};

/* People who resign often do so because they found work; those removed rarely have. */
static const Weighted outcomes_other[] = {
  { "brak", 38 },
  { "poszukiwanie_pracy", 20 },
  { "zatrudnienie", 20 },
  { "prace_spolecznie_uzyteczne", 6 },
  { "staz", 4 },
  { "zatrudnienie_wspierane", 1 },
  { "dzialalnosc_gospodarcza", 1 },
  { NULL, 10 },
};

static const Weighted workshops[] = {
  { "Porządkowo-gospodarczy", 25 },
  { "Remontowo-budowlany", 20 },
  { "Opiekunki osób starszych i dzieci", 15 },
  { "Gastronomiczny", 15 },
  { "Stolarski", 13 },
  { "Poligraficzno-introligatorski", 12 },
};

/* The first four are CIS Krasnystaw's own EFS projects (seed 003); the last two are invented for
 * the years the seed does not cover, so that recent admissions are funded too. */
static const Project projects[] = {
  { "Aktywność popłaca", "2014-11-01", "2020-09-30" },
  { "Nowa szansa, nowe życie z CIS Krasnystaw", "2017-09-01", "2020-08-31" },
  { "CIS Krasnystaw Akcja - Reintegracja!", "2019-01-01", "2021-12-31" },
  { "CIS Krasnystaw - horyzont zmian - horyzont perspektyw!", "2020-04-01", "2023-03-31" },
  { "Aktywni na rynku pracy", "2022-01-01", "2024-12-31" },
  { "Nowe perspektywy", "2024-01-01", "2027-12-31" },
};

static const Commune communes[] = {
  { "Krasnystaw", "22-300", 40 },
  { "Łopiennik Górny", "22-351", 8 },
  { "Fajsławice", "21-060", 7 },
  { "Izbica", "22-375", 9 },
  { "Żółkiewka", "22-335", 8 },
  { "Rudnik", "22-330", 5 },
  { "Siennica Różana", "22-304", 7 },
  { "Kraśniczyn", "22-302", 6 },
  { "Gorzków", "22-315", 6 },
};

static const char * const krasnystaw_streets[] = {
  "ul. Okrzei", "ul. Poniatowskiego", "ul. Sobieskiego", "ul. Piłsudskiego", "ul. Mickiewicza",
  "ul. Żwirki i Wigury", "ul. Łąkowa", "ul. Różana", "ul. Głęboka", "ul. Szkolna",
  "ul. Kościuszki", "ul. Zamojska", "ul. Lubelska", "ul. Ogrodowa", "ul. Słoneczna",
};

static const Weighted referrals[] = {
  { "ops", 55 },
  { "pup", 30 },
  { "wlasny", 15 },
};

static const Weighted educations[] = {
  { "podstawowe", 30 },
  { "gimnazjalne", 10 },
  { "zasadnicze zawodowe", 32 },
  { "średnie", 18 },
  { "policealne", 4 },
  { "wyższe", 6 },
};

static const Weighted disabilities[] = {
  { "lekki", 45 },
  { "umiarkowany", 45 },
  { "znaczny", 10 },
};

static const char * const csv_header[] = {
  "imie", "nazwisko", "pesel", "plec", "data_urodzenia", "kategorie", "data_przyjecia",
  "data_zakonczenia", "powod_zakonczenia", "sytuacja_po", "warsztat", "projekt",
};

/* Residents in a block between progress reports and cancellation checks of the caller. */
#define PROGRESS_STEP 1000

/* Distinct PESEL serials (three free digits times five sex digits) per birth date and sex. */
#define PESEL_SERIALS 5000

typedef struct
{
  GRand      *rand;
  /* The first ten digits of every PESEL handed out: the eleventh follows from them. */
  GHashTable *pesels;
  GDate       first_admission;
  GDate       last_admission;
  GDate       today;
} DemoGenerator;

static void
demo_generator_free (DemoGenerator *gen)
{
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->pesels, g_hash_table_unref);
  g_free (gen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoGenerator, demo_generator_free)

/* Admissions run from 2016 to the end of 2026, never after today; so the same seed gives the
 * same people on the same day, and the newest admissions follow the calendar. */
static DemoGenerator *
demo_generator_new (guint32 seed)
{
  DemoGenerator *gen = g_new0 (DemoGenerator, 1);
  g_autofree char *today = rei_date_today_iso ();

  gen->rand = g_rand_new_with_seed (seed);
  gen->pesels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!rei_date_iso_to_gdate (today, &gen->today))
    g_date_set_dmy (&gen->today, 31, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&gen->first_admission, 1, G_DATE_JANUARY, 2016);
  g_date_set_dmy (&gen->last_admission, 31, G_DATE_DECEMBER, 2026);
  if (g_date_compare (&gen->today, &gen->last_admission) < 0)
    gen->last_admission = gen->today;
  if (g_date_compare (&gen->last_admission, &gen->first_admission) < 0)
    gen->last_admission = gen->first_admission;

  return gen;
}

static const char *
pick_weighted (GRand          *rand,
               const Weighted *items,
               guint           n_items)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n_items; i++)
    total += items[i].weight;

  r = (guint) g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < n_items; i++)
    {
      if (r < items[i].weight)
        return items[i].value;
      r -= items[i].weight;
    }
  g_assert_not_reached ();
}

static guint
pick_index (GRand *rand,
            guint  n)
{
  return (guint) g_rand_int_range (rand, 0, (gint32) n);
}

static void
random_date_between (GRand       *rand,
                     const GDate *first,
                     const GDate *last,
                     GDate       *out)
{
  guint32 a = g_date_get_julian (first);
  guint32 b = g_date_get_julian (last);

  g_date_clear (out, 1);
  if (b <= a)
    g_date_set_julian (out, a);
  else
    g_date_set_julian (out, a + (guint32) g_rand_int_range (rand, 0, (gint32) (b - a + 1)));
}

static char *
iso (const GDate *date)
{
  return rei_date_to_iso (date);
}

/* The month field of a PESEL carries the century (2000s +20, 1800s +80). */
static guint
pesel_month (const GDate *birth)
{
  guint year = g_date_get_year (birth);
  guint month = g_date_get_month (birth);

  if (year >= 2200)
    return month + 60;
  if (year >= 2100)
    return month + 40;
  if (year >= 2000)
    return month + 20;
  if (year < 1900)
    return month + 80;
  return month;
}

static char
pesel_control_digit (const char *ten_digits)
{
  static const guint weights[10] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
  guint sum = 0;

  for (guint i = 0; i < 10; i++)
    sum += weights[i] * (guint) (ten_digits[i] - '0');
  return (char) ('0' + (10 - sum % 10) % 10);
}

/* The serial comes from the person's index, through a bijection of 0..4999 that keeps PESELs from
 * looking sequential, so that people rarely meet; the table catches those who do (same birth date
 * and sex, index a multiple of 5000 apart) and moves them to the next free serial. */
static char *
make_pesel (DemoGenerator *gen,
            guint          index,
            GDate         *birth,
            gboolean       male)
{
  for (;;)
    {
      guint start = (guint) (((guint64) index * 2039 + 1237) % PESEL_SERIALS);

      for (guint k = 0; k < PESEL_SERIALS; k++)
        {
          guint s = (start + k) % PESEL_SERIALS;
          char digits[12];

          g_snprintf (digits, sizeof digits, "%02u%02u%02u%03u%u",
                      g_date_get_year (birth) % 100, pesel_month (birth), g_date_get_day (birth),
                      s % 1000, 2 * (s / 1000) + (male ? 1 : 0));
          if (g_hash_table_contains (gen->pesels, digits))
            continue;

          g_hash_table_add (gen->pesels, g_strdup (digits));
          digits[10] = pesel_control_digit (digits);
          digits[11] = '\0';
          return g_strdup (digits);
        }

      /* Every serial of this day is taken: the person is born a day earlier. */
      g_date_subtract_days (birth, 1);
    }
}

static char *
make_phone (GRand *rand)
{
  static const char * const prefixes[] = { "50", "51", "53", "60", "66", "69", "72", "78", "79", "88" };

  return g_strdup_printf ("%s%u %03u %03u",
                          prefixes[pick_index (rand, G_N_ELEMENTS (prefixes))],
                          pick_index (rand, 10), pick_index (rand, 1000), pick_index (rand, 1000));
}

/* An e-mail address needs the name without diacritics. */
static char *
ascii_fold (const char *text)
{
  static const struct { const char *from; char to; } map[] = {
    { "ą", 'a' }, { "ć", 'c' }, { "ę", 'e' }, { "ł", 'l' }, { "ń", 'n' }, { "ó", 'o' },
    { "ś", 's' }, { "ź", 'z' }, { "ż", 'z' },
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean done = FALSE;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, *p);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (map) && !done; i++)
        if (strncmp (p, map[i].from, strlen (map[i].from)) == 0)
          {
            g_string_append_c (out, map[i].to);
            done = TRUE;
          }
    }
  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
pick_categories (GRand     *rand,
                 GPtrArray *out)
{
  guint r = pick_index (rand, 100);
  guint n = r < 60 ? 1 : r < 90 ? 2 : 3;

  while (out->len < n)
    {
      const char *code = pick_weighted (rand, categories, G_N_ELEMENTS (categories));
      gboolean seen = FALSE;

      for (guint i = 0; i < out->len; i++)
        seen = seen || g_str_equal (out->pdata[i], code);
      if (!seen)
        g_ptr_array_add (out, (gpointer) code);
    }
  /* In the order of the codes, as the store gives them back, so that a CSV exported from the
   * filled database and this one can be compared line by line. */
  g_ptr_array_sort (out, compare_strings);
  g_ptr_array_add (out, NULL);
}

static gboolean
has_category (GPtrArray  *codes,
              const char *code)
{
  for (guint i = 0; i < codes->len && codes->pdata[i] != NULL; i++)
    if (g_str_equal (codes->pdata[i], code))
      return TRUE;
  return FALSE;
}

/* EFS projects fund the places of people admitted during their period; some people are funded
 * by none (the city pays), a few by two. */
static void
pick_projects (GRand       *rand,
               const GDate *admission,
               GPtrArray   *out)
{
  g_autofree char *admitted = iso (admission);
  const char *running[G_N_ELEMENTS (projects)];
  guint n_running = 0;
  guint r = pick_index (rand, 100);
  guint n = r < 30 ? 0 : r < 85 ? 1 : 2;

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    if (strcmp (admitted, projects[i].start) >= 0 && strcmp (admitted, projects[i].end) <= 0)
      running[n_running++] = projects[i].title;

  n = MIN (n, n_running);
  while (out->len < n)
    {
      const char *title = running[pick_index (rand, n_running)];
      gboolean seen = FALSE;

      for (guint i = 0; i < out->len; i++)
        seen = seen || out->pdata[i] == title;
      if (!seen)
        g_ptr_array_add (out, (gpointer) title);
    }
  g_ptr_array_add (out, NULL);
}

/* The one generator behind both the database fill and the CSV, so that they hold the same
 * people.  Draws from the GRand in a fixed order: change the order and every seed changes. */
static ReiResident *
demo_generator_next (DemoGenerator *gen,
                     guint          index)
{
  GRand *rand = gen->rand;
  g_autoptr(ReiResident) resident = rei_resident_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *pesel = NULL;
  g_autofree char *birth_iso = NULL;
  g_autofree char *admission_iso = NULL;
  g_autofree char *phone = NULL;
  const Surname *surname;
  const Commune *commune;
  const char *first_name;
  const char *referral;
  gboolean male;
  GDate admission, birth, latest_birth, earliest_birth;

  /* Slightly more men than women, as in CIS intake. */
  male = pick_index (rand, 100) < 53;
  first_name = male ? male_names[pick_index (rand, G_N_ELEMENTS (male_names))]
                    : female_names[pick_index (rand, G_N_ELEMENTS (female_names))];
  surname = &surnames[pick_index (rand, G_N_ELEMENTS (surnames))];

  /* Adults only: born 1960–2004 and at least 18 on admission. */
  random_date_between (rand, &gen->first_admission, &gen->last_admission, &admission);
  g_date_set_dmy (&earliest_birth, 1, G_DATE_JANUARY, 1960);
  latest_birth = admission;
  g_date_subtract_years (&latest_birth, 18);
  if (g_date_get_year (&latest_birth) > 2004)
    g_date_set_dmy (&latest_birth, 31, G_DATE_DECEMBER, 2004);
  random_date_between (rand, &earliest_birth, &latest_birth, &birth);
  pesel = make_pesel (gen, index, &birth, male);
  birth_iso = iso (&birth);
  admission_iso = iso (&admission);

  rei_resident_set (resident, REI_RESIDENT_FIRST_NAME, first_name);
  rei_resident_set (resident, REI_RESIDENT_SURNAME, male ? surname->masculine : surname->feminine);
  rei_resident_set (resident, REI_RESIDENT_PESEL, pesel);
  rei_resident_set (resident, REI_RESIDENT_SEX, male ? "M" : "K");
  rei_resident_set (resident, REI_RESIDENT_BIRTH_DATE, birth_iso);
  rei_resident_set (resident, REI_RESIDENT_ADMISSION_DATE, admission_iso);

  phone = make_phone (rand);
  rei_resident_set (resident, REI_RESIDENT_PHONE, phone);
  if (pick_index (rand, 100) < 25)
    {
      g_autofree char *first = ascii_fold (first_name);
      g_autofree char *last = ascii_fold (male ? surname->masculine : surname->feminine);
      g_autofree char *email = g_strdup_printf ("%s.%s%02u@%s", first, last,
                                                g_date_get_year (&birth) % 100,
                                                pick_index (rand, 2) ? "wp.pl" : "o2.pl");

      rei_resident_set (resident, REI_RESIDENT_EMAIL, email);
    }

  {
    guint total = 0, r;

    for (guint i = 0; i < G_N_ELEMENTS (communes); i++)
      total += communes[i].weight;
    r = pick_index (rand, total);
    commune = &communes[0];
    for (guint i = 0; i < G_N_ELEMENTS (communes); i++)
      {
        if (r < communes[i].weight)
          {
            commune = &communes[i];
            break;
          }
        r -= communes[i].weight;
      }
  }
  {
    g_autofree char *address = NULL;

    if (commune == &communes[0])
      address = g_strdup_printf ("%s %u/%u",
                                 krasnystaw_streets[pick_index (rand, G_N_ELEMENTS (krasnystaw_streets))],
                                 1 + pick_index (rand, 80), 1 + pick_index (rand, 40));
    else
      address = g_strdup_printf ("%s %u", commune->commune, 1 + pick_index (rand, 250));
    rei_resident_set (resident, REI_RESIDENT_ADDRESS, address);
    rei_resident_set (resident, REI_RESIDENT_POSTCODE, commune->postcode);
    rei_resident_set (resident, REI_RESIDENT_TOWN, commune->commune);
    rei_resident_set (resident, REI_RESIDENT_COMMUNE, commune->commune);
  }

  pick_categories (rand, codes);
  rei_resident_set_categories (resident, (const char * const *) codes->pdata);
  rei_resident_set (resident, REI_RESIDENT_CITIZENSHIP,
                    has_category (codes, "uchodzca") ? "ukraińskie" : "polskie");
  if (has_category (codes, "niepelnosprawnosc"))
    rei_resident_set (resident, REI_RESIDENT_DISABILITY,
                      pick_weighted (rand, disabilities, G_N_ELEMENTS (disabilities)));
  rei_resident_set (resident, REI_RESIDENT_LABOUR_STATUS,
                    has_category (codes, "bezrobocie_dlugotrwale") ? "bezrobotny długotrwale"
                    : pick_index (rand, 100) < 60 ? "bezrobotny" : "bierny zawodowo");
  rei_resident_set (resident, REI_RESIDENT_EDUCATION,
                    pick_weighted (rand, educations, G_N_ELEMENTS (educations)));

  /* The long-term unemployed come mostly from the labour office (art. 12). */
  referral = has_category (codes, "bezrobocie_dlugotrwale") && pick_index (rand, 100) < 50
             ? "pup" : pick_weighted (rand, referrals, G_N_ELEMENTS (referrals));
  rei_resident_set (resident, REI_RESIDENT_REFERRAL, referral);
  {
    GDate referred = admission;
    g_autofree char *referred_iso = NULL;

    g_date_subtract_days (&referred, 3 + pick_index (rand, 40));
    referred_iso = iso (&referred);
    rei_resident_set (resident, REI_RESIDENT_REFERRAL_DATE, referred_iso);
    if (g_str_equal (referral, "ops"))
      {
        g_autofree char *contract = g_strdup_printf ("MOPS.KS.%u.%u", 1 + pick_index (rand, 400),
                                                     g_date_get_year (&referred));

        rei_resident_set (resident, REI_RESIDENT_CONTRACT_NUMBER, contract);
      }
  }
  rei_resident_set (resident, REI_RESIDENT_CONSENT_BASIS, "zabezpieczenie_spoleczne");
  rei_resident_set (resident, REI_RESIDENT_CONSENT_DATE, admission_iso);

  if (pick_index (rand, 100) < 95)
    rei_resident_set (resident, REI_RESIDENT_WORKSHOP,
                      pick_weighted (rand, workshops, G_N_ELEMENTS (workshops)));
  pick_projects (rand, &admission, titles);
  rei_resident_set_projects (resident, (const char * const *) titles->pdata);

  /* About 60 % have ended; an ending that would fall after today means the person is still
   * taking part, which keeps the recent intake realistically open. */
  if (pick_index (rand, 100) < 63)
    {
      const char *reason = pick_weighted (rand, end_reasons, G_N_ELEMENTS (end_reasons));
      gboolean completed = g_str_equal (reason, "ukonczenie");
      GDate end = admission;
      guint months;

      /* Completion takes the trial month and twelve, sometimes extended; the others leave early. */
      if (completed)
        months = pick_index (rand, 100) < 60 ? 13 : 14 + pick_index (rand, 11);
      else
        months = 1 + pick_index (rand, 12);
      g_date_add_months (&end, months);
      g_date_subtract_days (&end, pick_index (rand, 15));

      if (g_date_compare (&end, &gen->today) <= 0)
        {
          g_autofree char *end_iso = iso (&end);
          const char *outcome = completed
            ? pick_weighted (rand, outcomes_completed, G_N_ELEMENTS (outcomes_completed))
            : pick_weighted (rand, outcomes_other, G_N_ELEMENTS (outcomes_other));

          rei_resident_set (resident, REI_RESIDENT_END_DATE, end_iso);
          rei_resident_set (resident, REI_RESIDENT_END_REASON, reason);
          if (completed && months > 13)
            rei_resident_set_extension_months (resident, (int) MIN (months - 13, 12));
          if (outcome != NULL)
            {
              GDate found = end;
              g_autofree char *found_iso = NULL;

              g_date_add_days (&found, pick_index (rand, 30));
              if (g_date_compare (&found, &gen->today) > 0)
                found = gen->today;
              found_iso = iso (&found);
              rei_resident_set (resident, REI_RESIDENT_OUTCOME, outcome);
              rei_resident_set (resident, REI_RESIDENT_OUTCOME_DATE, found_iso);
            }
        }
    }

  return g_steal_pointer (&resident);
}

static void
csv_append_field (GString    *line,
                  const char *value)
{
  if (value == NULL)
    return;

  /* RFC 4180: quote when the field holds the separator, a quote or a line break; double the
   * quotes inside.  A comma is quoted too, so a reader that guesses the separator is not misled. */
  if (strpbrk (value, ";,\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
csv_append_date (GString    *line,
                 const char *iso_date)
{
  g_autofree char *display = NULL;

  if (iso_date == NULL)
    return;
  display = rei_date_format_display (iso_date);
  csv_append_field (line, display);
}

static void
csv_append_list (GString            *line,
                 const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  joined = g_strjoinv ("|", (char **) values);
  csv_append_field (line, joined);
}

static void
csv_append_resident (GString     *out,
                     ReiResident *resident)
{
  csv_append_field (out, rei_resident_get (resident, REI_RESIDENT_FIRST_NAME));
  g_string_append_c (out, ';');
  csv_append_field (out, rei_resident_get (resident, REI_RESIDENT_SURNAME));
  g_string_append_c (out, ';');
  csv_append_field (out, rei_resident_get (resident, REI_RESIDENT_PESEL));
  g_string_append_c (out, ';');
  csv_append_field (out, rei_resident_get (resident, REI_RESIDENT_SEX));
  g_string_append_c (out, ';');
  csv_append_date (out, rei_resident_get (resident, REI_RESIDENT_BIRTH_DATE));
  g_string_append_c (out, ';');
  csv_append_list (out, rei_resident_get_categories (resident));
  g_string_append_c (out, ';');
  csv_append_date (out, rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE));
  g_string_append_c (out, ';');
  csv_append_date (out, rei_resident_get (resident, REI_RESIDENT_END_DATE));
  g_string_append_c (out, ';');
  csv_append_field (out, rei_resident_get (resident, REI_RESIDENT_END_REASON));
  g_string_append_c (out, ';');
  csv_append_field (out, rei_resident_get (resident, REI_RESIDENT_OUTCOME));
  g_string_append_c (out, ';');
  csv_append_field (out, rei_resident_get (resident, REI_RESIDENT_WORKSHOP));
  g_string_append_c (out, ';');
  csv_append_list (out, rei_resident_get_projects (resident));
  g_string_append_c (out, '\n');
}

gboolean
rei_demo_fill (ReiStore         *store,
               guint             n_residents,
               guint32           seed,
               ReiProgressFunc   progress,
               gpointer          progress_data,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(DemoGenerator) gen = NULL;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  gen = demo_generator_new (seed);

  if (!rei_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      if (rei_store_ensure_project (store, projects[i].title, error) <= 0)
        goto fail;
    }

  for (guint i = 0; i < n_residents; i++)
    {
      g_autoptr(ReiResident) resident = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      resident = demo_generator_next (gen, i);
      if (!rei_store_save_resident (store, resident, error))
        goto fail;

      if (progress != NULL && (i + 1) % PROGRESS_STEP == 0)
        progress ((double) (i + 1) / n_residents, progress_data);
    }

  if (!rei_store_commit (store, error))
    goto fail;

  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

fail:
  rei_store_rollback (store);
  return FALSE;
}

gboolean
rei_demo_write_csv (const char  *path,
                    guint        n_residents,
                    guint32      seed,
                    GError     **error)
{
  g_autoptr(DemoGenerator) gen = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  gen = demo_generator_new (seed);
  /* About 150 bytes a person: one allocation up front instead of twenty doublings. */
  out = g_string_sized_new (256 + (gsize) n_residents * 160);

  for (guint i = 0; i < G_N_ELEMENTS (csv_header); i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append (out, csv_header[i]);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n_residents; i++)
    {
      g_autoptr(ReiResident) resident = demo_generator_next (gen, i);

      csv_append_resident (out, resident);
    }

  /* The file holds (made-up) special-category data in the real format: treat it as real. */
  return g_file_set_contents_full (path, out->str, (gssize) out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

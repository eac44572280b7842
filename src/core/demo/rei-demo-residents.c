/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-demo-private.h"

#include <string.h>

#include "rei-date.h"
#include "rei-lifecycle.h"
#include "rei-store-residents.h"

/* Demo data must look like the register of a real CIS near Krasnystaw, so that a clerk trying the
 * program recognises names, places and projects, and so that sorting, search and the indicators
 * meet the diacritics and proportions they will meet in real use.  Every person is drawn from one
 * GRand seeded by the caller, relative to a reference day (the store's today): the same seed and
 * day give the same people, in the database and in the CSV alike.
 *
 * The lifecycles follow the centre's rules (art. 15: the trial month, twelve months, an extension
 * of at most twelve, as dated settings in force on the admission date): ten years of admissions,
 * each person leaving when their time is up or sooner, so that on the reference day about a tenth
 * of the register is taking part, as in a centre with that intake, and only the odd file is left
 * open past the limit for the warnings to show. */

typedef struct
{
  const char *title;
  const char *start;  /* ISO; residents admitted in the period may be funded by the project */
  const char *end;
} Project;

/* Long-term unemployment and alcohol dominate the intake of a CIS; refugees are rare. */
static const ReiDemoWeighted categories[] = {
  { "bezrobocie_dlugotrwale", 45 },
  { "uzaleznienie_alkohol", 25 },
  { "niepelnosprawnosc", 10 },
  { "zaburzenia_psychiczne", 7 },
  { "bezdomnosc", 5 },
  { "zwolnienie_z_zakladu_karnego", 5 },
  { "uzaleznienie_narkotyki", 3 },
  { "uchodzca", 1 },
};

/* How participations end: most complete the programme; the others resign, are removed for
 * breaking the rules, or leave for other reasons (illness, moving away). */
static const ReiDemoWeighted end_reasons[] = {
  { "ukonczenie", 55 },
  { "rezygnacja", 25 },
  { "skreslenie", 15 },
  { "inny", 5 },
};

/* Outcomes of those who completed the programme, weighted so that the indicators come out near
 * CIS Krasnystaw's 2019 figures (50 % self-reliance, 65 % socio-employment).  The weights leave
 * about a tenth of the ended unknown (NULL), as in a real register. */
static const ReiDemoWeighted outcomes_completed[] = {
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
static const ReiDemoWeighted outcomes_other[] = {
  { "brak", 38 },
  { "poszukiwanie_pracy", 20 },
  { "zatrudnienie", 20 },
  { "prace_spolecznie_uzyteczne", 6 },
  { "staz", 4 },
  { "zatrudnienie_wspierane", 1 },
  { "dzialalnosc_gospodarcza", 1 },
  { NULL, 10 },
};

static const ReiDemoWeighted workshops[] = {
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

static const ReiDemoWeighted referrals[] = {
  { "ops", 55 },
  { "pup", 30 },
  { "wlasny", 15 },
};

static const ReiDemoWeighted educations[] = {
  { "podstawowe", 30 },
  { "gimnazjalne", 10 },
  { "zasadnicze zawodowe", 32 },
  { "średnie", 18 },
  { "policealne", 4 },
  { "wyższe", 6 },
};

static const ReiDemoWeighted disabilities[] = {
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

/* The years of admissions the register holds, up to the reference day. */
#define ADMISSION_YEARS 10

/* A file closed late: its owner finished within the limit, but on the reference day the office
 * has not yet recorded the end, for up to this many days after the planned end... */
#define LATE_CLOSING_DAYS 30
/* ...in this share (percent) of the completions that fall in that window... */
#define LATE_CLOSING_PERCENT 30
/* ...and for at most one person in this many of the register, so that even a small register
 * stays well within the 5 % the warnings should concern. */
#define LATE_CLOSING_PER_RESIDENTS 500

/* The durations of art. 15 as migration 0002 seeds them, for the CSV, which has no store to read
 * the centre's settings from: a CSV and a fill into a new database hold the same people. */
static const ReiLifecycleRules law_rules = { 1, 12, 12, 30 };

/* What an admission date decides: the rules in force then and the term they give. */
typedef struct
{
  ReiLifecycleRules rules;
  GDate             trial_end;  /* the last day of the trial month */
  GDate             term_end;   /* the last day without an extension */
} AdmissionDay;

typedef struct
{
  GRand      *rand;
  /* The first ten digits of every PESEL handed out: the eleventh follows from them. */
  GHashTable *pesels;
  /* The centre's rules (NULL: law_rules); the AdmissionDay of each admission date (julian day)
   * met so far. */
  ReiStore   *store;
  GHashTable *days;
  GDate       first_admission;
  GDate       today;
  char       *today_iso;
  guint       n_late_closings;
  guint       max_late_closings;
} DemoGenerator;

static void
demo_generator_free (DemoGenerator *gen)
{
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->pesels, g_hash_table_unref);
  g_clear_pointer (&gen->days, g_hash_table_unref);
  g_free (gen->today_iso);
  g_free (gen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoGenerator, demo_generator_free)

/* Admissions run over the ADMISSION_YEARS before the reference day, the day included. */
static DemoGenerator *
demo_generator_new (guint32      seed,
                    const GDate *today,
                    ReiStore    *store,
                    guint        n_residents)
{
  DemoGenerator *gen = g_new0 (DemoGenerator, 1);

  gen->rand = rei_demo_rand_new (seed, "residents");
  gen->pesels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen->store = store;
  gen->days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gen->today = *today;
  gen->today_iso = rei_date_to_iso (today);
  gen->first_admission = *today;
  g_date_subtract_years (&gen->first_admission, ADMISSION_YEARS);
  g_date_add_days (&gen->first_admission, 1);
  gen->max_late_closings = n_residents / LATE_CLOSING_PER_RESIDENTS;

  return gen;
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
  guint r = rei_demo_pick_index (rand, 100);
  guint n = r < 60 ? 1 : r < 90 ? 2 : 3;

  while (out->len < n)
    {
      const char *code = rei_demo_pick_weighted (rand, categories, G_N_ELEMENTS (categories));
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
  guint r = rei_demo_pick_index (rand, 100);
  guint n = r < 30 ? 0 : r < 85 ? 1 : 2;

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    if (strcmp (admitted, projects[i].start) >= 0 && strcmp (admitted, projects[i].end) <= 0)
      running[n_running++] = projects[i].title;

  n = MIN (n, n_running);
  while (out->len < n)
    {
      const char *title = running[rei_demo_pick_index (rand, n_running)];
      gboolean seen = FALSE;

      for (guint i = 0; i < out->len; i++)
        seen = seen || out->pdata[i] == title;
      if (!seen)
        g_ptr_array_add (out, (gpointer) title);
    }
  g_ptr_array_add (out, NULL);
}

/* The last day of the participation with an extension of so many months, as the core computes
 * it (and as the list and the detail pane will show it); leaves the extension on the resident. */
static void
planned_end (const ReiLifecycleRules *rules,
             ReiResident             *resident,
             int                      extension,
             const char              *today_iso,
             GDate                   *trial_end,
             GDate                   *out)
{
  g_autoptr(ReiLifecycle) lc = NULL;

  rei_resident_set_extension_months (resident, extension);
  lc = rei_lifecycle_compute (rules, resident, today_iso);
  if (!rei_date_iso_to_gdate (lc->planned_end, out))
    g_assert_not_reached ();
  if (trial_end != NULL && !rei_date_iso_to_gdate (lc->trial_end, trial_end))
    g_assert_not_reached ();
}

/* The rules in force on the resident's admission date and the term they give, worked out once
 * per date: a fill of 100 000 people meets each of the 3 650 dates many times. */
static const AdmissionDay *
admission_day (DemoGenerator *gen,
               ReiResident   *resident,
               const GDate   *admission)
{
  gpointer key = GUINT_TO_POINTER (g_date_get_julian (admission));
  AdmissionDay *day = g_hash_table_lookup (gen->days, key);

  if (day != NULL)
    return day;

  day = g_new0 (AdmissionDay, 1);
  if (gen->store != NULL)
    {
      g_autofree char *admission_iso = iso (admission);

      rei_lifecycle_rules_load (gen->store, admission_iso, &day->rules);
    }
  else
    day->rules = law_rules;
  planned_end (&day->rules, resident, 0, gen->today_iso, &day->trial_end, &day->term_end);
  g_hash_table_insert (gen->days, key, day);
  return day;
}

/* Most extensions are short: a few months to finish a course or pass the journeyman's exam. */
static int
pick_extension (GRand *rand,
                int    max_months)
{
  guint r = rei_demo_pick_index (rand, 100);
  int months = r < 50 ? 1 + (int) rei_demo_pick_index (rand, 3)
             : r < 80 ? 4 + (int) rei_demo_pick_index (rand, 3)
             : 7 + (int) rei_demo_pick_index (rand, 6);

  return MIN (months, max_months);
}

static void
set_outcome (DemoGenerator  *gen,
             ReiResident    *resident,
             const GDate    *end,
             gboolean        completed)
{
  GRand *rand = gen->rand;
  const char *outcome = completed
    ? rei_demo_pick_weighted (rand, outcomes_completed, G_N_ELEMENTS (outcomes_completed))
    : rei_demo_pick_weighted (rand, outcomes_other, G_N_ELEMENTS (outcomes_other));
  g_autofree char *found_iso = NULL;
  GDate found = *end;

  if (outcome == NULL)
    return;

  /* The situation after leaving is checked within a month, never after the reference day. */
  g_date_add_days (&found, rei_demo_pick_index (rand, 30));
  if (g_date_compare (&found, &gen->today) > 0)
    found = gen->today;
  found_iso = iso (&found);
  rei_resident_set (resident, REI_RESIDENT_OUTCOME, outcome);
  rei_resident_set (resident, REI_RESIDENT_OUTCOME_DATE, found_iso);
}

/* How the person's participation goes, under the rules in force on their admission date: those
 * who complete leave on the planned end (or in the fortnight before it), some after an
 * extension; the others leave at some point of the term, a third of those who resign in the
 * trial month.  Whoever is still taking part on the reference day has no end on file. */
static void
draw_lifecycle (DemoGenerator *gen,
                ReiResident   *resident,
                const GDate   *admission)
{
  GRand *rand = gen->rand;
  const AdmissionDay *day = admission_day (gen, resident, admission);
  const ReiLifecycleRules *rules = &day->rules;
  const char *reason = rei_demo_pick_weighted (rand, end_reasons, G_N_ELEMENTS (end_reasons));
  gboolean completed = g_str_equal (reason, "ukonczenie");
  /* Drawn for everyone, used only when the file could be closed late: so the draws that follow
   * do not depend on whether the register still has room for a late closing. */
  gboolean late = rei_demo_pick_index (rand, 100) < LATE_CLOSING_PERCENT;
  int extension = 0;
  GDate trial_end = day->trial_end;
  GDate term_end = day->term_end;
  GDate planned = term_end;
  GDate earliest = *admission;
  GDate end;

  if (completed)
    {
      if (rules->extension_max_months > 0 && rei_demo_pick_index (rand, 100) < 35)
        {
          extension = pick_extension (rand, rules->extension_max_months);
          planned_end (rules, resident, extension, gen->today_iso, NULL, &planned);
        }
      end = planned;
      g_date_subtract_days (&end, rei_demo_pick_index (rand, 15));
    }
  else if (g_str_equal (reason, "rezygnacja") && rei_demo_pick_index (rand, 100) < 35
           && g_date_days_between (admission, &trial_end) > 2)
    {
      g_date_add_days (&earliest, 2);
      rei_demo_pick_date (rand, &earliest, &trial_end, &end);
    }
  else
    {
      g_date_add_days (&earliest, 7);
      rei_demo_pick_date (rand, &earliest, &term_end, &end);
    }

  if (g_date_compare (&end, &gen->today) > 0)
    {
      GDate decided = term_end;

      /* Still taking part.  An extension is decided in the last fortnight of the term: one the
       * person is going to get is not on file before then. */
      g_date_subtract_days (&decided, 14);
      if (g_date_compare (&gen->today, &decided) < 0)
        extension = 0;
      rei_resident_set_extension_months (resident, extension);
      return;
    }

  rei_resident_set_extension_months (resident, extension);

  /* Finished within the limit, but the office has not closed the file yet: the list warns. */
  if (completed && late && gen->n_late_closings < gen->max_late_closings
      && g_date_compare (&planned, &gen->today) < 0
      && g_date_days_between (&planned, &gen->today) <= LATE_CLOSING_DAYS)
    {
      gen->n_late_closings++;
      return;
    }

  {
    g_autofree char *end_iso = iso (&end);

    rei_resident_set (resident, REI_RESIDENT_END_DATE, end_iso);
    rei_resident_set (resident, REI_RESIDENT_END_REASON, reason);
  }
  set_outcome (gen, resident, &end, completed);
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
  const ReiDemoSurname *surname;
  const ReiDemoCommune *commune;
  const char *first_name;
  const char *referral;
  gboolean male;
  GDate admission, birth, latest_birth, earliest_birth;

  /* Slightly more men than women, as in CIS intake. */
  male = rei_demo_pick_index (rand, 100) < 53;
  first_name = rei_demo_pick_first_name (rand, male);
  surname = rei_demo_pick_surname (rand);

  /* Adults only: born 1960–2004 and at least 18 on admission. */
  rei_demo_pick_date (rand, &gen->first_admission, &gen->today, &admission);
  g_date_set_dmy (&earliest_birth, 1, G_DATE_JANUARY, 1960);
  latest_birth = admission;
  g_date_subtract_years (&latest_birth, 18);
  if (g_date_get_year (&latest_birth) > 2004)
    g_date_set_dmy (&latest_birth, 31, G_DATE_DECEMBER, 2004);
  rei_demo_pick_date (rand, &earliest_birth, &latest_birth, &birth);
  pesel = make_pesel (gen, index, &birth, male);
  birth_iso = iso (&birth);
  admission_iso = iso (&admission);

  rei_resident_set (resident, REI_RESIDENT_FIRST_NAME, first_name);
  rei_resident_set (resident, REI_RESIDENT_SURNAME, male ? surname->masculine : surname->feminine);
  rei_resident_set (resident, REI_RESIDENT_PESEL, pesel);
  rei_resident_set (resident, REI_RESIDENT_SEX, male ? "M" : "K");
  rei_resident_set (resident, REI_RESIDENT_BIRTH_DATE, birth_iso);
  rei_resident_set (resident, REI_RESIDENT_ADMISSION_DATE, admission_iso);

  phone = rei_demo_make_phone (rand);
  rei_resident_set (resident, REI_RESIDENT_PHONE, phone);
  if (rei_demo_pick_index (rand, 100) < 25)
    {
      g_autofree char *first = rei_demo_ascii_fold (first_name);
      g_autofree char *last = rei_demo_ascii_fold (male ? surname->masculine : surname->feminine);
      g_autofree char *email = g_strdup_printf ("%s.%s%02u@%s", first, last,
                                                g_date_get_year (&birth) % 100,
                                                rei_demo_pick_index (rand, 2) ? "wp.pl" : "o2.pl");

      rei_resident_set (resident, REI_RESIDENT_EMAIL, email);
    }

  commune = rei_demo_pick_commune (rand);
  {
    g_autofree char *address = rei_demo_make_address (rand, commune);

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
                      rei_demo_pick_weighted (rand, disabilities, G_N_ELEMENTS (disabilities)));
  rei_resident_set (resident, REI_RESIDENT_LABOUR_STATUS,
                    has_category (codes, "bezrobocie_dlugotrwale") ? "bezrobotny długotrwale"
                    : rei_demo_pick_index (rand, 100) < 60 ? "bezrobotny" : "bierny zawodowo");
  rei_resident_set (resident, REI_RESIDENT_EDUCATION,
                    rei_demo_pick_weighted (rand, educations, G_N_ELEMENTS (educations)));

  /* The long-term unemployed come mostly from the labour office (art. 12). */
  referral = has_category (codes, "bezrobocie_dlugotrwale") && rei_demo_pick_index (rand, 100) < 50
             ? "pup" : rei_demo_pick_weighted (rand, referrals, G_N_ELEMENTS (referrals));
  rei_resident_set (resident, REI_RESIDENT_REFERRAL, referral);
  {
    GDate referred = admission;
    g_autofree char *referred_iso = NULL;

    g_date_subtract_days (&referred, 3 + rei_demo_pick_index (rand, 40));
    referred_iso = iso (&referred);
    rei_resident_set (resident, REI_RESIDENT_REFERRAL_DATE, referred_iso);
    if (g_str_equal (referral, "ops"))
      {
        g_autofree char *contract = g_strdup_printf ("MOPS.KS.%u.%u", 1 + rei_demo_pick_index (rand, 400),
                                                     g_date_get_year (&referred));

        rei_resident_set (resident, REI_RESIDENT_CONTRACT_NUMBER, contract);
      }
  }
  rei_resident_set (resident, REI_RESIDENT_CONSENT_BASIS, "zabezpieczenie_spoleczne");
  rei_resident_set (resident, REI_RESIDENT_CONSENT_DATE, admission_iso);

  if (rei_demo_pick_index (rand, 100) < 95)
    rei_resident_set (resident, REI_RESIDENT_WORKSHOP,
                      rei_demo_pick_weighted (rand, workshops, G_N_ELEMENTS (workshops)));
  pick_projects (rand, &admission, titles);
  rei_resident_set_projects (resident, (const char * const *) titles->pdata);

  draw_lifecycle (gen, resident, &admission);

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
rei_demo_fill_residents (ReiDemo  *demo,
                         GError  **error)
{
  g_autoptr(DemoGenerator) gen = demo_generator_new (demo->seed, &demo->today, demo->store,
                                                     demo->n_residents);

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      if (rei_store_ensure_project (demo->store, projects[i].title, error) <= 0)
        return FALSE;
    }

  for (guint i = 0; i < demo->n_residents; i++)
    {
      g_autoptr(ReiResident) resident = NULL;

      if (g_cancellable_set_error_if_cancelled (demo->cancellable, error))
        return FALSE;

      resident = demo_generator_next (gen, i);
      if (!rei_store_save_resident (demo->store, resident, error))
        return FALSE;

      if ((i + 1) % PROGRESS_STEP == 0)
        rei_demo_report_progress (demo, (double) (i + 1) / demo->n_residents);
    }

  return TRUE;
}

gboolean
rei_demo_write_csv (const char  *path,
                    guint        n_residents,
                    guint32      seed,
                    GError     **error)
{
  g_autoptr(DemoGenerator) gen = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *today_iso = rei_date_today_iso ();
  GDate today;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rei_date_iso_to_gdate (today_iso, &today))
    g_return_val_if_reached (FALSE);
  gen = demo_generator_new (seed, &today, NULL, n_residents);
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

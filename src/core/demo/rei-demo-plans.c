/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-demo.h"

#include "rei-date.h"
#include "rei-resident-query.h"
#include "rei-store-plans.h"
#include "rei-store-private.h"
#include "rei-store-residents.h"

/* Demo plans: for everyone admitted, the diagnosis, an IPZS or IPUS with 3–6 goals, services,
 * monthly reviews with assessments whose change is believable (most dimensions rise a little,
 * some fall), an aneks for some, and the closing for those who have left.  Each person's plan
 * comes from its own random stream, so that adding plans changes nobody's register data. */

typedef struct
{
  const char *title;
  const char *criterion;
  const char *dimensions;
  const char *term;
  const char *responsible_kind;
} DemoGoal;

static const DemoGoal goals[] = {
  { "Ukończyć kurs zawodowy w warsztacie", "Zaświadczenie o ukończeniu kursu", "praca|edukacja", "dlugoterminowy", "uczestnik" },
  { "Podjąć staż u pracodawcy", "Umowa stażowa podpisana", "praca", "dlugoterminowy", "partner" },
  { "Utrzymać abstynencję", "Zaświadczenie terapeuty co miesiąc", "zdrowie", "dlugoterminowy", "uczestnik" },
  { "Uregulować zaległości czynszowe", "Porozumienie ze spółdzielnią i trzy raty spłacone", "finanse|mieszkanie", "krotkoterminowy", "koordynator" },
  { "Odnowić kontakt z rodziną", "Co najmniej dwa spotkania z dziećmi w miesiącu", "rodzina", "krotkoterminowy", "uczestnik" },
  { "Prowadzić domowy budżet", "Zeszyt wydatków prowadzony przez 3 miesiące", "finanse", "krotkoterminowy", "uczestnik" },
  { "Uzyskać orzeczenie o niepełnosprawności", "Orzeczenie wydane", "zdrowie", "krotkoterminowy", "koordynator" },
  { "Ukończyć szkołę podstawową dla dorosłych", "Świadectwo ukończenia", "edukacja", "dlugoterminowy", "partner" },
  { "Wziąć udział w wolontariacie", "10 godzin wolontariatu w klubie seniora", "aktywnosc_obywatelska|umiejetnosci_spoleczne", "krotkoterminowy", "uczestnik" },
  { "Uczestniczyć w grupie wsparcia", "Obecność na 80 % spotkań", "radzenie_ze_stygmatyzacja|umiejetnosci_spoleczne", "krotkoterminowy", "uczestnik" },
  { "Znaleźć mieszkanie treningowe", "Umowa najmu mieszkania treningowego", "mieszkanie", "dlugoterminowy", "koordynator" },
};

static const struct { const char *name; const char *group; } services[] = {
  { "Praca socjalna", "A" },
  { "Poradnictwo psychologiczne", "A" },
  { "Terapia uzależnień", "A" },
  { "Trening umiejętności społecznych", "A" },
  { "Warsztat zawodowy", "B" },
  { "Doradztwo zawodowe", "B" },
  { "Poradnictwo prawne", "B" },
  { "Zajęcia sportowe w MOSiR", "B" },
};

static const char * const summaries[] = {
  "Osoba długotrwale bezrobotna, z niską samooceną; chce wrócić do pracy i uporządkować finanse.",
  "Po terapii odwykowej, bez stałego miejsca zamieszkania; silna motywacja do zmiany.",
  "Zadłużenie czynszowe i zerwane więzi rodzinne; dobre umiejętności praktyczne.",
  "Po opuszczeniu zakładu karnego; potrzebuje wsparcia w kontaktach z urzędami i pracodawcami.",
};

static const char * const preferences[] = {
  "prace porządkowe, ogrodnictwo", "opieka nad osobami starszymi", "stolarstwo, remonty",
  "gastronomia", "introligatorstwo",
};

#define N_DIMENSIONS 9
static const char * const dimensions[N_DIMENSIONS] = {
  "praca", "rodzina", "zdrowie", "mieszkanie", "umiejetnosci_spoleczne", "finanse", "edukacja",
  "aktywnosc_obywatelska", "radzenie_ze_stygmatyzacja",
};

static char *
shifted (const GDate *date,
         int          days,
         int          months)
{
  GDate d = *date;

  if (days > 0)
    g_date_add_days (&d, (guint) days);
  if (months > 0)
    g_date_add_months (&d, (guint) months);
  return rei_date_to_iso (&d);
}

static ReiPlanAssessment *
assessment (GRand      *rand,
            const char *date,
            const char *kind,
            int        *scores)
{
  ReiPlanAssessment *a = rei_plan_assessment_new ();

  a->assessed_on = g_strdup (date);
  a->kind = g_strdup (kind);
  a->author = g_strdup ("Koordynator planu");
  for (guint d = 0; d < N_DIMENSIONS; d++)
    g_ptr_array_add (a->scores, rei_plan_score_new (dimensions[d], scores[d],
                                                    scores[d] >= 4 ? "Zasoby: doświadczenie, wsparcie bliskich" : NULL,
                                                    scores[d] <= 2 ? "Deficyty do zmniejszenia" : NULL));
  return a;
}

/* Most dimensions rise a little between assessments, some fall, most stay. */
static void
drift (GRand *rand,
       int   *scores)
{
  for (guint d = 0; d < N_DIMENSIONS; d++)
    {
      double r = g_rand_double (rand);

      if (r < 0.30)
        scores[d] = MIN (scores[d] + 1, 5);
      else if (r < 0.38)
        scores[d] = MAX (scores[d] - 1, 1);
    }
}

gboolean
rei_demo_add_plan (ReiStore     *store,
                   ReiResident  *resident,
                   guint32       seed,
                   GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ (guint32) (rei_resident_get_id (resident) * 2654435761u));
  g_autoptr(ReiPlan) plan = NULL;
  g_autofree char *today = rei_store_get_today (store);
  const char *admission = rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE);
  const char *left = rei_resident_get (resident, REI_RESIDENT_END_DATE);
  g_autofree char *start = NULL, *end = NULL, *signed_on = NULL, *entry_on = NULL;
  g_autofree gint64 *goal_ids = NULL;
  GDate start_date;
  int scores[N_DIMENSIONS];
  guint n_goals, first_goal;
  gint64 id;

  if (admission == NULL || !rei_date_iso_to_gdate (admission, &start_date) || g_strcmp0 (admission, today) > 0)
    return TRUE;

  start = shifted (&start_date, g_rand_int_range (rand, 3, 15), 0);
  /* Nobody gets a plan drawn up after they have left (a trial month broken off early). */
  if (g_strcmp0 (start, today) > 0 || (left != NULL && g_strcmp0 (left, start) <= 0))
    return TRUE;
  rei_date_iso_to_gdate (start, &start_date);
  id = rei_store_create_plan (store, rei_resident_get_id (resident), NULL, start, error);
  if (id == 0)
    return FALSE;

  {
    ReiPlanOpinion social = { 0, "pracownik_socjalny", "Anna Kowalczyk", (char *) admission,
                              "Sytuacja mieszkaniowa i rodzinna opisana w wywiadzie; wymaga wsparcia w sprawach urzędowych.", NULL };
    ReiPlanOpinion psych = { 0, "psycholog", "Ewa Wiśniewska", (char *) admission,
                             "Obniżona samoocena, dobra motywacja do zmiany.", NULL };
    ReiPlanOpinion voc = { 0, "doradca_zawodowy", "Tomasz Zieliński", (char *) admission,
                           "Kompetencje praktyczne na dobrym poziomie; brak aktualnych kwalifikacji.",
                           (char *) preferences[g_rand_int_range (rand, 0, G_N_ELEMENTS (preferences))] };

    if (!rei_store_add_opinion (store, id, &social, error) || !rei_store_add_opinion (store, id, &psych, error)
        || !rei_store_add_opinion (store, id, &voc, error))
      return FALSE;
  }

  plan = rei_store_get_plan (store, id, error);
  if (plan == NULL)
    return FALSE;
  end = shifted (&start_date, 0, 12);
  rei_plan_set (plan, REI_PLAN_END_DATE, end);
  rei_plan_set (plan, REI_PLAN_DIAGNOSIS_SUMMARY, summaries[g_rand_int_range (rand, 0, G_N_ELEMENTS (summaries))]);
  rei_plan_set (plan, REI_PLAN_CONTINGENCY, "W razie kryzysu: kontakt z koordynatorem tego samego dnia, interwencja kryzysowa MOPS.");
  if (g_strcmp0 (rei_plan_get (plan, REI_PLAN_KIND), "IPUS") == 0)
    {
      /* An IPUS one day shorter than a year, approved by the director: within the law. */
      g_autofree char *last = shifted (&start_date, 0, 12);
      GDate d;
      rei_date_iso_to_gdate (last, &d);
      g_date_subtract_days (&d, 1);
      g_free (end);
      end = rei_date_to_iso (&d);
      rei_plan_set (plan, REI_PLAN_END_DATE, end);
      rei_plan_set (plan, REI_PLAN_APPLICATION_DATE, admission);
      rei_plan_set (plan, REI_PLAN_APPROVED_BY, "Dyrektor CUS");
      rei_plan_set (plan, REI_PLAN_APPROVED_ON, start);
    }
  if (!rei_store_save_plan (store, plan, error))
    return FALSE;

  n_goals = (guint) g_rand_int_range (rand, 3, 7);
  first_goal = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (goals));
  goal_ids = g_new0 (gint64, n_goals);
  for (guint i = 0; i < n_goals; i++)
    {
      const DemoGoal *dg = &goals[(first_goal + i * 3) % G_N_ELEMENTS (goals)];
      g_autoptr(ReiPlanGoal) g = rei_plan_goal_new ();

      g->title = g_strdup (dg->title);
      g->criterion = g_strdup (dg->criterion);
      g_strfreev (g->dimensions);
      g->dimensions = g_strsplit (dg->dimensions, "|", -1);
      g_free (g->term);
      g->term = g_strdup (dg->term);
      g_free (g->responsible_kind);
      g->responsible_kind = g_strdup (dg->responsible_kind);
      if (g_strcmp0 (dg->responsible_kind, "partner") == 0)
        g->responsible = g_strdup ("Powiatowy Urząd Pracy");
      g->deadline = shifted (&start_date, 0, g_strcmp0 (dg->term, "dlugoterminowy") == 0 ? 10 : 4);
      if (!rei_store_save_goal (store, id, g, error))
        return FALSE;
      goal_ids[i] = g->id;
    }

  for (guint i = 0, n = (guint) g_rand_int_range (rand, 2, 5); i < n; i++)
    {
      guint k = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (services));
      ReiPlanService s = { 0 };

      s.service_id = rei_store_plan_ensure_service (store, services[k].name, services[k].group, error);
      if (s.service_id == 0)
        return FALSE;
      s.hours_planned = 10 * g_rand_int_range (rand, 1, 13);
      if (!rei_store_save_plan_service (store, id, &s, error))
        return FALSE;
    }

  signed_on = shifted (&start_date, 5, 0);
  entry_on = shifted (&start_date, 2, 0);
  if (!rei_store_sign_plan (store, id, signed_on, error))
    return FALSE;
  for (guint d = 0; d < N_DIMENSIONS; d++)
    scores[d] = g_rand_int_range (rand, 1, 5);
  {
    g_autoptr(ReiPlanAssessment) a = assessment (rand, entry_on, "wejscie", scores);
    if (!rei_store_add_assessment (store, id, a, error))
      return FALSE;
  }

  /* Monthly reviews up to today or the person's leaving, at most a year of them. */
  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *held = shifted (&start_date, 0, month);
      g_autoptr(ReiPlanReview) review = NULL;
      g_autoptr(ReiPlanAssessment) a = NULL;

      if (g_strcmp0 (held, today) > 0 || (left != NULL && g_strcmp0 (held, left) > 0))
        break;
      review = rei_plan_review_new ();
      review->held_on = g_strdup (held);
      review->notes = g_strdup ("Uczestnik realizuje plan; frekwencja dobra.");
      for (guint i = 0; i < n_goals; i++)
        g_ptr_array_add (review->progress,
                         rei_plan_goal_progress_new (goal_ids[i],
                                                     month >= 6 && g_rand_double (rand) < 0.5 ? "osiagniety" : "w_realizacji",
                                                     NULL));
      /* Every second review scores the potential again. */
      if (month % 2 == 0)
        {
          drift (rand, scores);
          a = assessment (rand, held, "przeglad", scores);
        }
      if (!rei_store_add_review (store, id, review, a, NULL, error))
        return FALSE;

      if (month == 3 && g_rand_double (rand) < 0.2)
        {
          g_autoptr(ReiPlanGoal) g = rei_plan_goal_new ();

          if (!rei_store_begin_aneks (store, id, "Zmiana sytuacji uczestnika: nowy cel", error))
            return FALSE;
          g->title = g_strdup ("Przygotować się do rozmowy kwalifikacyjnej");
          g->criterion = g_strdup ("Dwie rozmowy próbne z doradcą zawodowym");
          g_strfreev (g->dimensions);
          g->dimensions = g_strsplit ("praca|umiejetnosci_spoleczne", "|", -1);
          g->deadline = shifted (&start_date, 0, 6);
          if (!rei_store_save_goal (store, id, g, error)
              || !rei_store_sign_plan (store, id, held, error))
            return FALSE;
        }
    }

  if (left != NULL && g_strcmp0 (left, today) <= 0 && g_strcmp0 (left, start) > 0)
    {
      g_autoptr(ReiPlanAssessment) a = NULL;

      /* The exit assessment only when there was time after the entry one. */
      drift (rand, scores);
      a = assessment (rand, left, "wyjscie", scores);
      if ((g_strcmp0 (left, entry_on) > 0 && !rei_store_add_assessment (store, id, a, error))
          || !rei_store_close_plan (store, id, left, "Cele omówione w rozmowie podsumowującej; większość osiągnięta.",
                                    "Kontakt z koordynatorem raz na kwartał przez pół roku.", NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rei_demo_fill_plans (ReiStore         *store,
                     guint32           seed,
                     ReiProgressFunc   progress,
                     gpointer          progress_data,
                     GCancellable     *cancellable,
                     GError          **error)
{
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GArray) ids = NULL;
  const guint batch = 200;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  ids = rei_store_query_resident_ids (store, query, cancellable, error);
  if (ids == NULL)
    return FALSE;
  if (!rei_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i += batch)
    {
      guint n = MIN (batch, ids->len - i);
      g_autoptr(GPtrArray) residents = rei_store_get_residents (store, &g_array_index (ids, gint64, i), n);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      for (guint j = 0; j < residents->len; j++)
        {
          ReiResident *r = g_ptr_array_index (residents, j);

          /* A person who has a plan already keeps it: the demo adds, never doubles. */
          if (r == NULL || rei_store_find_current_plan (store, rei_resident_get_id (r), NULL) != 0)
            continue;
          if (!rei_demo_add_plan (store, r, seed, error))
            goto fail;
        }
      if (progress != NULL)
        progress ((double) (i + n) / ids->len, progress_data);
    }
  return rei_store_commit (store, error);

fail:
  rei_store_rollback (store);
  return FALSE;
}

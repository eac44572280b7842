/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-date.h"
#include "rei-demo-private.h"
#include "rei-store-reports.h"

typedef struct
{
  const char *title;      /* as the residents' demo names it */
  const char *code;
  const char *start;
  const char *end;
  const char *programme;
  const char *applicant;
  const char *partners;   /* joined by '|' */
  gint64      value;      /* grosze */
  gint64      grant;
  int         women;
  int         men;
  const char *tasks[5];   /* "partner|title", partner empty for the centre itself */
} DemoProject;

/* Seed 003's projects with its figures; the rest of the details are invented but believable. */
static const DemoProject demo_projects[] = {
  { "Aktywność popłaca", "RPLU.11.01.00-06-0021/14", "2014-11-01", "2020-09-30",
    "RPO WL 2014-2020, Działanie 11.1",
    "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie", "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie",
    G_GINT64_CONSTANT (144028580), G_GINT64_CONSTANT (122424293), 20, 20,
    { "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie|Kontrakty socjalne",
      "|Indywidualny Program Zatrudnienia Socjalnego" } },
  { "Nowa szansa, nowe życie z CIS Krasnystaw", "RPLU.11.01.00-06-0001/17", "2017-09-01", "2020-08-31",
    "RPO WL 2014-2020, Działanie 11.1",
    "Centrum Integracji Społecznej w Krasnymstawie",
    "Powiatowy Urząd Pracy w Krasnymstawie|Stowarzyszenie Wspierania Aktywności Społecznej „Stella”",
    G_GINT64_CONSTANT (102543617), G_GINT64_CONSTANT (97385217), 25, 25,
    { "Powiatowy Urząd Pracy w Krasnymstawie|IPZS w zakresie doradztwa zawodowego",
      "Stowarzyszenie Wspierania Aktywności Społecznej „Stella”|Reintegracja społeczna",
      "|Reintegracja zawodowa w CIS" } },
  { "CIS Krasnystaw Akcja - Reintegracja!", "RPLU.11.01.00-06-0045/19", "2019-01-01", "2021-12-31",
    "RPO WL 2014-2020, Działanie 11.1",
    "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie", "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie",
    G_GINT64_CONSTANT (118000000), G_GINT64_CONSTANT (100300000), 23, 22,
    { "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie|Realizacja kontraktów socjalnych",
      "|Diagnoza oraz Indywidualny Program Zatrudnienia Socjalnego",
      "|Reintegracja społeczna w CIS", "|Reintegracja zawodowa w CIS" } },
  { "CIS Krasnystaw - horyzont zmian - horyzont perspektyw!", "RPLU.13.04.00-06-0011/20", "2020-04-01", "2023-03-31",
    "RPO WL 2014-2020, Działanie 13.4",
    "Centrum Integracji Społecznej w Krasnymstawie", "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie",
    G_GINT64_CONSTANT (99000000), G_GINT64_CONSTANT (84150000), 18, 18,
    { "Miejski Ośrodek Pomocy Społecznej w Krasnymstawie|Umowy na wzór kontraktów socjalnych, diagnoza, IPZS",
      "|Reintegracja społeczna w ramach PAL", "|Nowe miejsca reintegracji zawodowej w CIS" } },
  { "Aktywni na rynku pracy", "FELU.09.03-IZ.00-0012/22", "2022-01-01", "2024-12-31",
    "FEL 2021-2027, Działanie 9.3",
    "Centrum Integracji Społecznej w Krasnymstawie", "Powiatowy Urząd Pracy w Krasnymstawie",
    G_GINT64_CONSTANT (135000000), G_GINT64_CONSTANT (121500000), 24, 24,
    { "|Reintegracja społeczna i zawodowa", "Powiatowy Urząd Pracy w Krasnymstawie|Pośrednictwo pracy" } },
  { "Nowe perspektywy", "FELU.09.03-IZ.00-0040/24", "2024-01-01", "2027-12-31",
    "FEL 2021-2027, Działanie 9.3",
    "Centrum Integracji Społecznej w Krasnymstawie", "Stowarzyszenie Wspierania Aktywności Społecznej „Stella”",
    G_GINT64_CONSTANT (160000000), G_GINT64_CONSTANT (144000000), 30, 30,
    { "|Reintegracja społeczna i zawodowa", "Stowarzyszenie Wspierania Aktywności Społecznej „Stella”|Wsparcie rodzin" } },
};

static gboolean
fill_project (ReiStore           *store,
              const DemoProject  *d,
              GError            **error)
{
  g_autoptr(GPtrArray) list = rei_store_list_projects (store, error);
  g_autoptr(ReiProject) p = NULL;

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len && p == NULL; i++)
    {
      ReiProject *candidate = g_ptr_array_index (list, i);
      if (g_strcmp0 (candidate->title, d->title) == 0)
        p = g_ptr_array_steal_index (list, i);
    }
  if (p == NULL)
    return TRUE;   /* the residents' demo did not make it: nothing to complete */

  g_free (p->code);
  p->code = g_strdup (d->code);
  g_free (p->start_date);
  p->start_date = g_strdup (d->start);
  g_free (p->end_date);
  p->end_date = g_strdup (d->end);
  g_free (p->programme);
  p->programme = g_strdup (d->programme);
  g_free (p->applicant);
  p->applicant = g_strdup (d->applicant);
  g_strfreev (p->partners);
  p->partners = g_strsplit (d->partners, "|", -1);
  p->total_value = d->value;
  p->grant_value = d->grant;
  p->target_women = d->women;
  p->target_men = d->men;
  if (!rei_store_save_project (store, p, NULL, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (d->tasks) && d->tasks[t] != NULL; t++)
    {
      g_auto(GStrv) parts = g_strsplit (d->tasks[t], "|", 2);

      if (!rei_store_save_project_task (store, p->id, (int) t + 1, parts[1],
                                        *parts[0] != '\0' ? parts[0] : NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The reports' demo data, on top of the residents' (the projects they were put in): codes,
 * programmes, applicants, partners, tasks, targets, value and grant (seed 003's where it gives
 * them); the enrolments' dates and outcomes; the centre's funding from 2015 to next year's plan
 * (2019: 52 % city, 48 % EFS) and its general data.  Inside rei_demo_fill()'s transaction. */
gboolean
rei_demo_fill_reports (ReiDemo  *demo,
                       GError  **error)
{
  g_autoptr(GRand) rand = rei_demo_rand_new (demo->seed, "reports");
  ReiStore *store = demo->store;
  GCancellable *cancellable = demo->cancellable;
  int this_year = g_date_get_year (&demo->today);
  static const struct { const char *key, *value; } centre[] = {
    { "centre_name", "Centrum Integracji Społecznej w Krasnymstawie" },
    { "centre_regon", "060000000" },
    { "centre_address", "ul. Sikorskiego 10, 22-300 Krasnystaw" },
    { "centre_founding_body", "Miasto Krasnystaw (jednostka samorządu terytorialnego)" },
    { "centre_status_date", "2014-10-15" },
    { "centre_staff", "Kierownik|Pracownik socjalny|Psycholog|Doradca zawodowy|Instruktor porządkowy|"
                      "Instruktor poligraficzny|Instruktor stolarski" },
  };

  if (!rei_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_projects); i++)
    {
      if (!fill_project (store, &demo_projects[i], error))
        goto fail;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !rei_store_complete_enrolments_from_residents (store, error))
    goto fail;

  /* 2019 as seed 003 gives it; other years around 1 million złoty, the EFS share following the
   * projects that ran. */
  for (int year = 2015; year <= this_year + 1; year++)
    {
      const char *kind = year <= this_year ? "wykonanie" : "plan";
      gint64 city, efs, pfron;

      if (year == 2019)
        city = G_GINT64_CONSTANT (52000000), efs = G_GINT64_CONSTANT (48000000), pfron = 0;
      else
        {
          city = (gint64) g_rand_int_range (rand, 40000, 60000) * 1000 + g_rand_int_range (rand, 0, 100);
          efs = (gint64) g_rand_int_range (rand, 25000, 50000) * 1000 + g_rand_int_range (rand, 0, 100);
          pfron = year % 3 == 0 ? (gint64) g_rand_int_range (rand, 2000, 6000) * 1000 : 0;
        }
      if (!rei_store_save_funding (store, year, "budzet_miasta", kind, city, error)
          || !rei_store_save_funding (store, year, "efs", kind, efs, error)
          || (pfron > 0 && !rei_store_save_funding (store, year, "pfron", kind, pfron, error)))
        goto fail;
    }

  for (guint i = 0; i < G_N_ELEMENTS (centre); i++)
    {
      g_autofree char *current = rei_store_get_setting (store, centre[i].key, NULL);

      if (current == NULL
          && !rei_store_set_setting (store, centre[i].key, "1900-01-01", centre[i].value, NULL, error))
        goto fail;
    }

  if (!rei_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rei_store_rollback (store);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-store-residents.h"
#include "report-fixture.h"

static guint serial;


gint64
add_resident (ReiStore   *store,
              char        sex,
              const char *admission,
              const char *end_date,
              const char *reason,
              const char *outcome)
{
  g_autofree char *pesel = NULL;
  g_autofree char *surname = NULL;
  g_autoptr(ReiResident) r = NULL;
  g_autoptr(GError) error = NULL;

  serial++;
  pesel = rei_test_pesel (1960 + serial % 35, 1 + serial % 12, 1 + serial % 28, serial, sex);
  surname = g_strdup_printf ("Osoba%04u", serial);
  r = rei_test_resident_new (sex == 'K' ? "Anna" : "Jan", surname, pesel);
  rei_resident_set (r, REI_RESIDENT_SEX, sex == 'K' ? "K" : "M");
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, admission);
  rei_resident_set (r, REI_RESIDENT_END_DATE, end_date);
  rei_resident_set (r, REI_RESIDENT_END_REASON, reason);
  rei_resident_set (r, REI_RESIDENT_OUTCOME, outcome);
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  return rei_resident_get_id (r);
}

ReiProject *
add_project (ReiStore   *store,
             const char *code,
             const char *title,
             const char *from,
             const char *to,
             int         women,
             int         men)
{
  g_autoptr(GError) error = NULL;
  ReiProject *p = rei_project_new ();

  p->code = g_strdup (code);
  p->title = g_strdup (title);
  p->start_date = g_strdup (from);
  p->end_date = g_strdup (to);
  p->target_women = women;
  p->target_men = men;
  g_assert_true (rei_store_save_project (store, p, NULL, &error));
  g_assert_no_error (error);
  return p;
}

void
enrol (ReiStore   *store,
       gint64      resident,
       ReiProject *project,
       const char *joined,
       const char *left,
       int         path,
       const char *status,
       int         progress)
{
  g_autoptr(ReiEnrolment) e = rei_enrolment_new ();
  g_autoptr(GError) error = NULL;

  e->resident_id = resident;
  e->project_id = project->id;
  e->joined_on = g_strdup (joined);
  e->left_on = g_strdup (left);
  e->path_completed = path;
  e->status_after = g_strdup (status);
  e->social_progress = progress;
  g_assert_true (rei_store_save_enrolment (store, e, &error));
  g_assert_no_error (error);
}

/* Krasnystaw 2019: 26 graduates, on the first and the last day of the year, with distractors. */
void
fill_graduates_2019 (ReiStore *store)
{
  static const struct { const char *outcome; guint n; } outcomes[] = {
    { "zatrudnienie", 9 }, { "dzialalnosc_gospodarcza", 1 }, { "staz", 3 },
    { "prace_spolecznie_uzyteczne", 2 }, { "poszukiwanie_pracy", 2 }, { "brak", 6 }, { NULL, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    for (guint j = 0; j < outcomes[i].n; j++)
      add_resident (store, j % 2 ? 'K' : 'M', "2018-03-01", j % 2 ? "2019-12-31" : "2019-01-01",
                    "ukonczenie", outcomes[i].outcome);
  add_resident (store, 'M', "2018-03-01", "2019-06-30", "rezygnacja", "zatrudnienie");
  add_resident (store, 'M', "2018-03-01", "2018-12-31", "ukonczenie", "zatrudnienie");
  add_resident (store, 'K', "2018-03-01", "2020-01-01", "ukonczenie", "staz");
}

/* "Nowa szansa, nowe życie z CIS Krasnystaw", September 2017 – August 2020. */
ReiProject *
fill_nowa_szansa (ReiStore *store)
{
  ReiProject *p = add_project (store, "RPLU.11.01.00-06-0001/17", "Nowa szansa, nowe życie z CIS Krasnystaw",
                               "2017-09-01", "2020-08-31", 23, 22);
  g_autoptr(ReiProject) other = add_project (store, "RPLU.11.01.00-06-0099/19", "Inny projekt",
                                             "2019-01-01", "2021-12-31", 10, 10);

  /* 47 completed the path: 14 working (one joined on the first day, one left on the last), 10
   * seeking work, 23 inactive; 18 of them made social progress. */
  for (guint i = 0; i < 47; i++)
    {
      gint64 r = add_resident (store, i < 24 ? 'K' : 'M', "2017-09-01", NULL, NULL, NULL);
      const char *status = i < 14 ? "pracujacy" : i < 24 ? "poszukujacy_pracy" : "bierny";

      enrol (store, r, p, i == 0 ? "2017-09-01" : "2018-02-01", i == 1 ? "2020-08-31" : "2019-06-30",
             1, status, i < 18 ? 1 : 0);
    }
  /* 8 left without completing it, 3 of them working all the same (they count in the
   * employment efficiency, not in "working after the path"). */
  for (guint i = 0; i < 8; i++)
    {
      gint64 r = add_resident (store, 'M', "2017-09-01", NULL, NULL, NULL);
      enrol (store, r, p, "2018-02-01", "2018-10-31", 0, i < 3 ? "pracujacy" : "bierny", 0);
    }
  /* Still in the project: counted among participants, not among those who ended. */
  for (guint i = 0; i < 2; i++)
    {
      gint64 r = add_resident (store, 'K', "2020-01-01", NULL, NULL, NULL);
      enrol (store, r, p, "2020-01-15", NULL, -1, NULL, -1);
    }
  /* Distractors in another project, ending in 2019. */
  for (guint i = 0; i < 5; i++)
    {
      gint64 r = add_resident (store, 'K', "2019-01-01", NULL, NULL, NULL);
      enrol (store, r, other, "2019-01-02", "2019-12-31", 1, "pracujacy", 1);
    }
  return p;
}


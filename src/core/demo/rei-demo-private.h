/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-demo.h"

G_BEGIN_DECLS

/* What every domain's demo filler (rei-demo-<domain>.c) shares: the fill in progress, the
 * random numbers, the progress bar and the Polish names.  rei-demo.c calls the fillers in
 * order inside one transaction; a filler reads what the earlier ones wrote through the store. */

typedef struct
{
  ReiStore       *store;
  guint           n_residents;
  guint32         seed;
  /* The day the demo is made for (the store's today, which tests can set): every date is
   * drawn relative to it, so that the same seed and day give the same data. */
  GDate           today;
  GCancellable   *cancellable;

  /*< private >*/
  ReiProgressFunc progress;
  gpointer        progress_data;
  double          progress_done;   /* the share of the bar the earlier fillers took */
  double          progress_share;  /* this filler's share */
} ReiDemo;

/* One domain's filler: writes its demo rows, inside the caller's transaction. */
typedef gboolean (*ReiDemoFiller) (ReiDemo  *demo,
                                   GError  **error);

gboolean    rei_demo_fill_residents  (ReiDemo  *demo,
                                      GError  **error);
/* The town's network: partners of every type and sector, providers for the catalogue, their
 * own services, and referrals of the residents over the five years before today. */
gboolean    rei_demo_fill_network    (ReiDemo  *demo,
                                      GError  **error);
/* Projects completed with codes, partners, tasks and money, enrolments with their outcomes,
 * funding by year (rei-demo-reports.c). */
gboolean    rei_demo_fill_reports    (ReiDemo  *demo,
                                      GError  **error);

/* How far this filler is (0.0–1.0 of its own work); the bar moves over its share. */
void        rei_demo_report_progress (ReiDemo  *demo,
                                      double    fraction);

/* Random numbers: one GRand per domain, seeded from the seed and the domain's name, so that a
 * new filler does not change what the others draw. */
typedef struct
{
  const char *value;
  guint       weight;
} ReiDemoWeighted;

GRand      *rei_demo_rand_new        (guint32                seed,
                                      const char            *domain);
/* 0 .. n-1. */
guint       rei_demo_pick_index      (GRand                 *rand,
                                      guint                  n);
/* With the given weights; a NULL value may stand for "unknown". */
const char *rei_demo_pick_weighted   (GRand                 *rand,
                                      const ReiDemoWeighted *items,
                                      guint                  n_items);
/* A day from first to last, both included. */
void        rei_demo_pick_date       (GRand                 *rand,
                                      const GDate           *first,
                                      const GDate           *last,
                                      GDate                 *out);

/* Polish names, with the diacritics that sorting and search must handle.  Adjectival surnames
 * change with sex (Wiśniewski, Wiśniewska); the others do not. */
typedef struct
{
  const char *masculine;
  const char *feminine;
} ReiDemoSurname;

const char           *rei_demo_pick_first_name (GRand      *rand,
                                                gboolean    male);
const ReiDemoSurname *rei_demo_pick_surname    (GRand      *rand);
/* The communes around Krasnystaw, the town itself most often. */
typedef struct
{
  const char *commune;
  const char *postcode;
  guint       weight;
} ReiDemoCommune;

const ReiDemoCommune *rei_demo_pick_commune    (GRand                *rand);
/* A street address in Krasnystaw ("ul. Okrzei 12/3"), a house number in a village commune. */
char                 *rei_demo_make_address    (GRand                *rand,
                                                const ReiDemoCommune *commune);
/* A Polish mobile number, "601 234 567". */
char                 *rei_demo_make_phone      (GRand      *rand);
/* Lower case without diacritics, for e-mail addresses: "Łucja" -> "lucja". */
char                 *rei_demo_ascii_fold      (const char *text);

G_END_DECLS

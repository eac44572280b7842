/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store-reports.h"
#include "test-util.h"

/* Hand-built cases from seed 003 (CIS Krasnystaw), shared by the report tests. */
gint64      add_resident         (ReiStore   *store,
                                  char        sex,
                                  const char *admission,
                                  const char *end_date,
                                  const char *reason,
                                  const char *outcome);
ReiProject *add_project          (ReiStore   *store,
                                  const char *code,
                                  const char *title,
                                  const char *from,
                                  const char *to,
                                  int         women,
                                  int         men);
void        enrol                (ReiStore   *store,
                                  gint64      resident,
                                  ReiProject *project,
                                  const char *joined,
                                  const char *left,
                                  int         path,
                                  const char *status,
                                  int         progress);
/* 26 graduates of 2019 (13 self-reliant, 17 active), on the first and the last day of the year,
 * and three distractors (resigned, 2018, 2020). */
void        fill_graduates_2019  (ReiStore   *store);
/* "Nowa szansa, nowe życie" 2017-09-01 – 2020-08-31 (targets 23 K, 22 M): 47 who completed the
 * path (14 working, 18 with social progress), 8 who did not (3 working), 2 still in it; and 5
 * enrolments in another project ending 31.12.2019. */
ReiProject *fill_nowa_szansa     (ReiStore   *store);

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-store.h"

G_BEGIN_DECLS

/* Projects, enrolments, funding and indicator definitions in the database (schema 0007).
 * Dates are ISO strings, money is in grosze (rei-money.h); -1 means "not known" for the
 * numbers and the yes/no flags. */

typedef struct
{
  gint64  id;             /* 0 until saved */
  char   *code;
  char   *title;
  char   *programme;
  char   *applicant;
  char   *start_date;
  char   *end_date;
  gint64  total_value;    /* grosze, -1 unknown */
  gint64  grant_value;    /* grosze, -1 unknown */
  int     target_women;   /* -1 unknown */
  int     target_men;
  GStrv   partners;       /* names, in the order given */
  /* The project's own indicator thresholds (indicator code → double* percent), which override
   * the definitions' in this project's report.  NULL: not loaded, and a save leaves the stored
   * ones as they are; rei_store_get_project() does not fill it (rei_store_get_project_thresholds
   * does). */
  GHashTable *thresholds;
} ReiProject;

typedef struct
{
  int    number;          /* Zadanie 1..n */
  char  *title;
  char  *partner;         /* NULL: the centre itself */
} ReiProjectTask;

typedef struct
{
  gint64  id;
  gint64  resident_id;
  gint64  project_id;
  char   *joined_on;
  char   *left_on;
  int     path_completed;   /* 1, 0, -1 unknown */
  char   *status_after;     /* status_after code or NULL */
  int     social_progress;  /* 1, 0, -1 unknown */
  /* Filled by rei_store_list_enrolments() only: who it is, for a list. */
  char   *surname;
  char   *first_name;
  char   *pesel;
  char   *sex;
} ReiEnrolment;

typedef struct
{
  int     year;
  char   *source;         /* funding_source code */
  char   *source_label;
  char   *kind;           /* "wykonanie" or "plan" */
  gint64  amount;         /* grosze */
} ReiFunding;

/* A stored indicator definition (see resources/sql/0007-reports.sql for the meaning of each
 * field).  threshold < 0: none. */
typedef struct
{
  char   *code;
  char   *label;
  int     position;
  char   *base;           /* absolwenci, zakonczone, uczestnictwa */
  char   *scope;          /* rok, projekt, NULL both */
  char   *sex;            /* K, M, NULL */
  char   *base_requires;  /* sciezka, NULL */
  char   *counts;         /* wszyscy, sciezka, postep, NULL */
  char   *denominator;    /* baza, cel */
  double  threshold;      /* percent */
  GStrv   outcomes;       /* resident outcomes that count (base absolwenci) */
  GStrv   statuses;       /* statuses after leaving that count (enrolment bases) */
} ReiIndicatorDef;

/* One person (a graduate or an enrolment) in an indicator's base. */
typedef struct
{
  gint64    resident_id;
  char     *surname;
  char     *first_name;
  char     *pesel;
  char     *sex;
  char     *project;      /* project code, NULL for graduates */
  char     *start_date;   /* joined (enrolments) or admission (graduates) */
  char     *end_date;     /* left or ended */
  char     *detail;       /* the outcome or status after leaving, as a label */
  gboolean  counted;      /* in the numerator */
} ReiIndicatorPerson;

ReiProject      *rei_project_new                   (void);
void             rei_project_free                  (ReiProject        *project);
/* Sets the project's own threshold for an indicator (making project->thresholds if need be);
 * threshold < 0 removes it (the definition's applies). */
void             rei_project_set_threshold         (ReiProject        *project,
                                                    const char        *indicator_code,
                                                    double             threshold);
void             rei_project_task_free             (ReiProjectTask    *task);
ReiEnrolment    *rei_enrolment_new                 (void);
void             rei_enrolment_free                (ReiEnrolment      *enrolment);
void             rei_funding_free                  (ReiFunding        *funding);
ReiIndicatorDef *rei_indicator_def_new             (void);
void             rei_indicator_def_free            (ReiIndicatorDef   *def);
void             rei_indicator_person_free         (ReiIndicatorPerson *person);

/* Inserts or, by code, updates the project, its partners (a name not in the network yet is
 * added to it as a type B partner; its name is appended to @added_partners when given). */
gboolean         rei_store_save_project            (ReiStore          *store,
                                                    ReiProject        *project,
                                                    GPtrArray         *added_partners,
                                                    GError           **error);
/* NULL with no error when there is no such project. */
ReiProject      *rei_store_get_project             (ReiStore          *store,
                                                    const char        *code,
                                                    GError           **error);
/* The project's id, code, start and end dates only (the rest unset, partners NULL): for a check
 * of an enrolment against the project's period, a sixth of rei_store_get_project()'s cost (no
 * sort of the partners, no copies of the other columns). */
ReiProject      *rei_store_get_project_brief       (ReiStore          *store,
                                                    const char        *code,
                                                    GError           **error);
/* The largest project id, 0 with none: at least their number, asked in O(log n) (a count walks
 * the whole table), for an importer to tell whether reading them all pays. */
gint64           rei_store_get_projects_bound      (ReiStore          *store);
/* Every project that has a code, as rei_store_get_project_brief() reads it, into @by_code
 * (code → ReiProject*; the table must free its keys with g_free and its values with
 * rei_project_free): one statement for an import naming many of them. */
gboolean         rei_store_read_project_briefs     (ReiStore          *store,
                                                    GHashTable        *by_code,
                                                    GError           **error);
/* ReiProject*, by start date then code; projects without a code last. */
GPtrArray       *rei_store_list_projects           (ReiStore          *store,
                                                    GError           **error);
gboolean         rei_store_save_project_task       (ReiStore          *store,
                                                    gint64             project_id,
                                                    int                number,
                                                    const char        *title,
                                                    const char        *partner,
                                                    GError           **error);
GPtrArray       *rei_store_list_project_tasks      (ReiStore          *store,
                                                    gint64             project_id,
                                                    GError           **error);

/* Inserts or, by resident and project, updates; the project is added to the resident's list. */
gboolean         rei_store_save_enrolment          (ReiStore          *store,
                                                    ReiEnrolment      *enrolment,
                                                    GError           **error);
/* As rei_store_save_enrolment(), telling whether it updated one already there (*existed).  Inside
 * a store import (rei-store-import.h) the rows are queued and written in batches, with the same
 * values and ids; the resident's project trigger is then suppressed for the import's length. */
gboolean         rei_store_save_enrolment_full     (ReiStore          *store,
                                                    ReiEnrolment      *enrolment,
                                                    gboolean          *existed,
                                                    GError           **error);
ReiEnrolment    *rei_store_get_enrolment           (ReiStore          *store,
                                                    gint64             resident_id,
                                                    gint64             project_id,
                                                    GError           **error);

gboolean         rei_store_save_funding            (ReiStore          *store,
                                                    int                year,
                                                    const char        *source,
                                                    const char        *kind,
                                                    gint64             amount,
                                                    GError           **error);
/* As rei_store_save_funding(), telling whether it replaced an amount already there (*existed). */
gboolean         rei_store_save_funding_full       (ReiStore          *store,
                                                    int                year,
                                                    const char        *source,
                                                    const char        *kind,
                                                    gint64             amount,
                                                    gboolean          *existed,
                                                    GError           **error);
/* ReiFunding* of one year and kind, in the order of the sources. */
GPtrArray       *rei_store_list_funding            (ReiStore          *store,
                                                    int                year,
                                                    const char        *kind,
                                                    GError           **error);

/* For the demo data: every enrolment made from a resident's project list gets its dates from
 * the resident (within the project's period), the path from the end reason, the status after
 * leaving from the outcome, and social progress for about two in five of those who left. */
gboolean         rei_store_complete_enrolments_from_residents (ReiStore *store,
                                                    GError           **error);

/* Whether a code is in the status_after or funding_source table (both are data). */
gboolean         rei_store_status_after_exists     (ReiStore          *store,
                                                    const char        *code);
gboolean         rei_store_funding_source_exists   (ReiStore          *store,
                                                    const char        *code);

/* ReiIndicatorDef*, in their order. */
GPtrArray       *rei_store_list_indicator_defs     (ReiStore          *store,
                                                    GError           **error);
/* Inserts or updates by code, with its lists of outcomes and statuses. */
gboolean         rei_store_save_indicator_def      (ReiStore          *store,
                                                    const ReiIndicatorDef *def,
                                                    GError           **error);

/* Editing in the reports page (rei-store-reports-edit.c); each write is one transaction with
 * its audit row. */

/* The project and its tasks (replacing those stored; ReiProjectTask*, numbered in order),
 * together: the form saves both or neither.  When project->thresholds is not NULL they replace
 * the project's stored thresholds in the same transaction. */
gboolean         rei_store_save_project_with_tasks (ReiStore          *store,
                                                    ReiProject        *project,
                                                    GPtrArray         *tasks,
                                                    GError           **error);
/* A project's own indicator thresholds: indicator code → double* percent (empty for none). */
GHashTable      *rei_store_get_project_thresholds  (ReiStore          *store,
                                                    gint64             project_id,
                                                    GError           **error);
/* The project with its partners' places, tasks and enrolments (the residents stay, without
 * it in their list of projects). */
gboolean         rei_store_delete_project          (ReiStore          *store,
                                                    gint64             project_id,
                                                    GError           **error);
/* ReiEnrolment* of a project with who it is, in Polish order of names. */
GPtrArray       *rei_store_list_enrolments         (ReiStore          *store,
                                                    gint64             project_id,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
/* The enrolment, and the project from the resident's list (else a later save of the resident
 * would make it again). */
gboolean         rei_store_delete_enrolment        (ReiStore          *store,
                                                    gint64             resident_id,
                                                    gint64             project_id,
                                                    GError           **error);
/* FALSE with REI_STORE_ERROR_NOT_FOUND when there is no such amount. */
gboolean         rei_store_delete_funding          (ReiStore          *store,
                                                    int                year,
                                                    const char        *source,
                                                    const char        *kind,
                                                    GError           **error);
/* The years that have funding of either kind, the latest first (an empty array for none). */
GArray          *rei_store_list_funding_years      (ReiStore          *store,
                                                    GError           **error);
/* Code, label, code, label, …, NULL: the funding sources and the statuses after leaving, in
 * their order, ready for a choice in a form. */
GStrv            rei_store_list_funding_sources    (ReiStore          *store,
                                                    GError           **error);
GStrv            rei_store_list_statuses_after     (ReiStore          *store,
                                                    GError           **error);
/* FALSE with REI_STORE_ERROR_NOT_FOUND when there is no such definition. */
gboolean         rei_store_delete_indicator_def    (ReiStore          *store,
                                                    const char        *code,
                                                    GError           **error);

typedef gboolean (*ReiIndicatorPersonFunc)          (ReiIndicatorPerson *person,
                                                    gpointer           user_data);

/* Everyone in the base of @def within [from, to] (ISO, both days included), narrowed to a
 * project when project_id > 0, in Polish order of names, each with whether the numerator
 * counts them; the person is the callee's (free with rei_indicator_person_free). */
gboolean         rei_store_foreach_indicator_person (ReiStore         *store,
                                                    const ReiIndicatorDef *def,
                                                    const char        *from,
                                                    const char        *to,
                                                    gint64             project_id,
                                                    ReiIndicatorPersonFunc func,
                                                    gpointer           user_data,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

/* The same as counts only (no list, no sort): numerator and size of the base. */
gboolean         rei_store_count_indicator         (ReiStore          *store,
                                                    const ReiIndicatorDef *def,
                                                    const char        *from,
                                                    const char        *to,
                                                    gint64             project_id,
                                                    guint             *numerator,
                                                    guint             *denominator,
                                                    GError           **error);

/* For the annual report: people whose participation overlapped [from, to], in all and per
 * category (code → count, every category listed, zero included). */
gint64           rei_store_count_participants      (ReiStore          *store,
                                                    const char        *from,
                                                    const char        *to,
                                                    const char        *category,
                                                    GError           **error);
/* Referrals to the network's services that ran in [from, to] (begun, not merely planned): how
 * many, and for how many people. */
gboolean         rei_store_count_services_given    (ReiStore          *store,
                                                    const char        *from,
                                                    const char        *to,
                                                    gint64            *referrals,
                                                    gint64            *people,
                                                    GError           **error);
/* Participants whose IPZS overlapped [from, to]. */
gint64           rei_store_count_in_reintegration  (ReiStore          *store,
                                                    const char        *from,
                                                    const char        *to,
                                                    GError           **error);

/* The fields of one enrolment that the CST2021 participants file needs, lookups resolved to
 * their labels (a free text typed before the lookups existed comes as typed). */
typedef enum
{
  REI_CST_FIRST_NAME,
  REI_CST_SURNAME,
  REI_CST_PESEL,
  REI_CST_SEX,
  REI_CST_BIRTH_DATE,
  REI_CST_EDUCATION,
  REI_CST_CITIZENSHIP,
  REI_CST_FOREIGN_ORIGIN,     /* "1", "0" or NULL when the citizenship is not a known code */
  REI_CST_THIRD_COUNTRY,
  REI_CST_VOIVODESHIP,
  REI_CST_COUNTY,
  REI_CST_COMMUNE,
  REI_CST_TOWN,
  REI_CST_POSTCODE,
  REI_CST_DEGURBA,
  REI_CST_PHONE,
  REI_CST_EMAIL,
  REI_CST_LABOUR_STATUS,
  REI_CST_LONG_TERM_UNEMPLOYED,  /* "1" or "0" (the category) */
  REI_CST_JOINED_ON,
  REI_CST_LEFT_ON,
  REI_CST_STATUS_AFTER,
  REI_CST_PATH_COMPLETED,     /* "1", "0" or NULL */
  REI_CST_DISABILITY,         /* "1" or "0" */
  REI_CST_MINORITY,           /* tak, nie, odmowa or NULL */
  REI_CST_HOMELESS,           /* "1" or "0" */
  REI_CST_N_FIELDS
} ReiCstField;

typedef gboolean (*ReiCstFunc) (const char * const *fields,
                                gpointer            user_data);

/* One call per enrolment in the project, in Polish order of names. */
gboolean         rei_store_foreach_cst_row         (ReiStore          *store,
                                                    gint64             project_id,
                                                    ReiCstFunc         func,
                                                    gpointer           user_data,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiProject, rei_project_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiEnrolment, rei_enrolment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiIndicatorDef, rei_indicator_def_free)

G_END_DECLS

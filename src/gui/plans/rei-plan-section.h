/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-plan.h"
#include "rei-resident.h"
#include "rei-row-feeder.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* Everything the plan view reads about one plan in its thread and hands to its sections: the
 * plan itself and what goes with it.  Owned by the view; a section may keep pointers into it
 * until the next rei_plan_section_show(). */
typedef struct
{
  ReiPlan    *plan;
  ReiResident *resident;     /* the person of the plan */
  GPtrArray  *dimensions;    /* ReiPlanLabel*, the active potential dimensions in order */
  GPtrArray  *catalogue;     /* ReiPlanLabel*, the service catalogue (code: id as text) */
  GPtrArray  *unmet_needs;   /* ReiPlanUnmetNeed* of the plan, never NULL */
  GPtrArray  *problems;      /* ReiPlanProblem*, the legal checks on today, refusals first */
  GStrv       outcomes;      /* code, label, code, label, …: the situations after leaving */
  char       *next_review;   /* ISO; NULL for a closed plan */
  char       *today;         /* ISO: the store's today */
  int         review_months;
} ReiPlanData;

void  rei_plan_data_free  (ReiPlanData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiPlanData, rei_plan_data_free)

#define REI_TYPE_PLAN_SECTION (rei_plan_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (ReiPlanSection, rei_plan_section, REI, PLAN_SECTION, GtkWidget)

/* One part of the plan view (phase and approval, diagnosis, services, reviews, closing): a
 * composite template that shows the plan and writes its part through the store.  After a write
 * it emits "saved", and the view reads the plan again in its thread and shows it in every
 * section; a refusal is emitted as "failed" with the store's reason, which the view shows. */
struct _ReiPlanSectionClass
{
  GtkWidgetClass parent_class;

  /* Shows the plan; data->plan is never NULL. */
  void (*show) (ReiPlanSection    *self,
                const ReiPlanData *data);
};

ReiStore          *rei_plan_section_get_store   (ReiPlanSection    *self);
void               rei_plan_section_set_store   (ReiPlanSection    *self,
                                                 ReiStore          *store);
/* The view's feeder, which makes the rows of the sections' lists a few per frame. */
ReiRowFeeder      *rei_plan_section_get_feeder  (ReiPlanSection    *self);
void               rei_plan_section_set_feeder  (ReiPlanSection    *self,
                                                 ReiRowFeeder      *feeder);
void               rei_plan_section_show        (ReiPlanSection    *self,
                                                 const ReiPlanData *data);
/* The data last shown, NULL before; its plan's id is the plan the section writes to. */
const ReiPlanData *rei_plan_section_get_data    (ReiPlanSection    *self);
gint64             rei_plan_section_get_plan_id (ReiPlanSection    *self);

/* For subclasses. */
void               rei_plan_section_saved       (ReiPlanSection    *self);
void               rei_plan_section_failed      (ReiPlanSection    *self,
                                                 const GError      *error);
/* What is typed, without surrounding spaces; NULL when empty. */
char              *rei_plan_section_dup_text    (GtkEditable       *editable);
char              *rei_plan_section_dup_buffer  (GtkTextView       *view);
/* A typed date (dd.mm.yyyy or ISO) as ISO; NULL when empty.  FALSE with a Polish reason
 * (REI_PLAN_ERROR_INVALID) when it is not a date. */
gboolean           rei_plan_section_dup_date    (GtkEditable       *editable,
                                                 const char        *what,
                                                 char             **iso,
                                                 GError           **error);
/* Sets the text of a row to a stored date as dd.mm.yyyy ("" for NULL). */
void               rei_plan_section_set_date    (GtkEditable       *editable,
                                                 const char        *iso);
/* Removes every row of a list box. */
void               rei_plan_section_clear_list  (GtkListBox        *list);
/* A row of a boxed list: title and subtitle as plain text (never markup: names and notes are
 * typed by people). */
GtkWidget         *rei_plan_section_row_new     (const char        *title,
                                                 const char        *subtitle);
/* The same, reusing @row when it is a plain action row (for a ReiRowFeederFunc). */
GtkWidget         *rei_plan_section_row_update  (GtkWidget         *row,
                                                 const char        *title,
                                                 const char        *subtitle);
/* The window's label of a plan code (goal statuses, terms, roles, assessment kinds, responsible
 * parties), translated; the code itself when unknown. */
const char        *rei_plan_section_code_label  (const char        *code);

G_END_DECLS

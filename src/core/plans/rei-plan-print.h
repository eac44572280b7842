/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rei-plan.h"
#include "rei-resident.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_PLAN_PRINT (rei_plan_print_get_type ())

G_DECLARE_FINAL_TYPE (ReiPlanPrint, rei_plan_print, REI, PLAN_PRINT, GObject)

/* A4 in PostScript points, the unit of the PDF and of a GtkPrintOperation set to points. */
#define REI_PLAN_PRINT_A4_WIDTH  595.276
#define REI_PLAN_PRINT_A4_HEIGHT 841.890

/* The plan as an A4 office document in Polish, for signatures: one cairo drawing for the PDF
 * of the command-line tool and for the window's GtkPrintOperation.  Everything it prints is
 * read when it is made (rei_plan_print_new_for_store()), so paginating and drawing touch no
 * database: they can run on the main thread. */
ReiPlanPrint *rei_plan_print_new            (ReiPlan      *plan,
                                             ReiResident  *resident,
                                             GPtrArray    *dimensions,   /* ReiPlanLabel* */
                                             int           review_months,
                                             const char   *centre_name,
                                             const char   *centre_address);
/* Reads the person, the dimensions and the centre's name and address ("centre_name",
 * "centre_address" settings).  Refuses a plan with an empty diagnosis or without goals: a
 * document with nothing to sign. */
ReiPlanPrint *rei_plan_print_new_for_store  (ReiStore     *store,
                                             ReiPlan      *plan,
                                             GError      **error);
/* Lays the document out on pages of width × height points (the whole sheet, margins are the
 * document's own) measuring text with cr; returns the number of pages. */
guint         rei_plan_print_paginate       (ReiPlanPrint *self,
                                             cairo_t      *cr,
                                             double        width,
                                             double        height);
guint         rei_plan_print_get_n_pages    (ReiPlanPrint *self);
/* Draws page page_nr (from 0) of the last pagination. */
void          rei_plan_print_draw_page      (ReiPlanPrint *self,
                                             cairo_t      *cr,
                                             guint         page_nr);
/* The whole document as an A4 PDF, fonts embedded, mode 0600, written beside the target and
 * renamed over it so that a failure leaves nothing. */
gboolean      rei_plan_print_write_pdf      (ReiPlanPrint *self,
                                             const char   *path,
                                             GError      **error);

/* Polish labels of the plans' codes (goal statuses, terms, roles, phases) for documents and
 * workbooks; the code itself when unknown. */
const char   *rei_plan_code_label_pl        (const char   *code);

G_END_DECLS

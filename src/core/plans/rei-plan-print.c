/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-plan-print.h"
#include "rei-temp-file.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "rei-date.h"
#include "rei-plan-rules.h"
#include "rei-store-plans.h"
#include "rei-store-residents.h"

/* The document is Polish whatever the language of the desktop: it is signed by the participant
 * and filed by the centre, like the workbooks' Polish sheet names.  Its text is data. */

#define MARGIN       56.7    /* 2 cm */
#define FOOTER       24.0
#define FONT         "DejaVu Sans"
#define BODY_SIZE    9.5
#define CHART_ROW    15.0

typedef enum
{
  BLOCK_TEXT,
  BLOCK_PROFILE,
  BLOCK_SIGNATURES,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *markup;
  double     size;            /* font size in points */
  double     indent;
  double     space_before;
  gboolean   keep_with_next;  /* a heading stays on the page of what it heads */
  double     height;          /* measured by the pagination */
  guint      page;
  double     y;
} Block;

struct _ReiPlanPrint
{
  GObject      parent_instance;

  ReiPlan     *plan;
  char        *person;        /* "Nazwisko Imię, PESEL …" for the footers */
  GPtrArray   *blocks;        /* Block* */
  GPtrArray   *dimensions;    /* ReiPlanLabel* */
  double       width;
  double       height;
  guint        n_pages;
};

G_DEFINE_FINAL_TYPE (ReiPlanPrint, rei_plan_print, G_TYPE_OBJECT)

static const struct { const char *code; const char *label; } code_labels[] = {
  { "planowany", "planowany" },
  { "w_realizacji", "w realizacji" },
  { "osiagniety", "osiągnięty" },
  { "nieosiagniety", "nieosiągnięty" },
  { "zaniechany", "zaniechany" },
  { "krotkoterminowy", "krótkoterminowy" },
  { "dlugoterminowy", "długoterminowy" },
  { "koordynator", "koordynator" },
  { "uczestnik", "uczestnik" },
  { "partner", "partner" },
  { "pracownik_socjalny", "pracownik socjalny" },
  { "psycholog", "psycholog" },
  { "doradca_zawodowy", "doradca zawodowy" },
  { "wejscie", "wejście" },
  { "przeglad", "przegląd" },
  { "wyjscie", "wyjście" },
  { "diagnoza", "ocena potrzeb" },
  { "planowanie", "planowanie" },
  { "realizacja", "realizacja" },
  { "monitorowanie", "koordynacja i monitorowanie" },
  { "rzecznictwo", "rzecznictwo" },
  { "zamkniecie", "zamknięcie" },
};

const char *
rei_plan_code_label_pl (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (code_labels); i++)
    if (g_strcmp0 (code_labels[i].code, code) == 0)
      return code_labels[i].label;
  return code;
}

static void
block_free (Block *block)
{
  g_free (block->markup);
  g_free (block);
}

static Block *
add_block (ReiPlanPrint *self,
           BlockKind     kind,
           double        size,
           double        space_before,
           char         *markup)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->size = size;
  b->space_before = space_before;
  b->markup = markup;
  g_ptr_array_add (self->blocks, b);
  return b;
}

static void
add_heading (ReiPlanPrint *self,
             const char   *text)
{
  Block *b = add_block (self, BLOCK_TEXT, 11.5, 12, g_markup_printf_escaped ("<b>%s</b>", text));

  b->keep_with_next = TRUE;
}

static void
add_paragraph (ReiPlanPrint *self,
               char         *markup)
{
  add_block (self, BLOCK_TEXT, BODY_SIZE, 3, markup);
}

/* "dd.mm.rrrr", or a dash for a date not set. */
static char *
display_date (const char *iso)
{
  return iso != NULL ? rei_date_format_display (iso) : g_strdup ("—");
}

static const char *
dimension_label (ReiPlanPrint *self,
                 const char   *code)
{
  for (guint i = 0; i < self->dimensions->len; i++)
    {
      ReiPlanLabel *l = g_ptr_array_index (self->dimensions, i);

      if (g_strcmp0 (l->code, code) == 0)
        return l->label;
    }
  return code;
}

static char *
revision_line (ReiPlan *plan)
{
  GPtrArray *revisions = rei_plan_get_revisions (plan);
  int number = rei_plan_get_revision (plan);

  for (guint i = 0; i < revisions->len; i++)
    {
      ReiPlanRevision *r = g_ptr_array_index (revisions, i);
      g_autofree char *date = NULL;

      if (r->number != number)
        continue;
      date = display_date (r->signed_on);
      if (rei_plan_get_editing (plan))
        break;
      if (number == 1)
        return g_strdup_printf ("Wersja 1, podpisana %s", date);
      return g_strdup_printf ("Wersja %d (aneks nr %d z %s): %s", number, number - 1, date,
                              r->reason ? r->reason : "");
    }
  if (rei_plan_get (plan, REI_PLAN_ANEKS_REASON) != NULL)
    return g_strdup_printf ("Projekt aneksu nr %d: %s", MAX (number, 1),
                            rei_plan_get (plan, REI_PLAN_ANEKS_REASON));
  return g_strdup ("Projekt do podpisu");
}

static void
build_blocks (ReiPlanPrint *self,
              ReiResident  *resident,
              int           review_months,
              const char   *centre_name,
              const char   *centre_address)
{
  ReiPlan *plan = self->plan;
  gboolean ipus = g_strcmp0 (rei_plan_get (plan, REI_PLAN_KIND), "IPUS") == 0;
  g_autofree char *name = rei_resident_dup_full_name (resident);
  g_autofree char *start = display_date (rei_plan_get (plan, REI_PLAN_START_DATE));
  g_autofree char *end = display_date (rei_plan_get (plan, REI_PLAN_END_DATE));
  g_autofree char *admission = display_date (rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE));
  g_autofree char *revision = revision_line (plan);
  const char *pesel = rei_resident_get_pesel (resident);
  GPtrArray *goals = rei_plan_get_goals (plan);
  GPtrArray *services = rei_plan_get_services (plan);
  GPtrArray *reviews = rei_plan_get_reviews (plan);
  GPtrArray *opinions = rei_plan_get_opinions (plan);

  self->person = g_strdup_printf ("%s, PESEL %s", name, pesel ? pesel : "—");

  add_block (self, BLOCK_TEXT, 12, 0,
             g_markup_printf_escaped ("<b>%s</b>", centre_name ? centre_name : "Centrum Integracji Społecznej"));
  if (centre_address != NULL)
    add_paragraph (self, g_markup_printf_escaped ("%s", centre_address));
  add_block (self, BLOCK_TEXT, 15, 16,
             g_markup_printf_escaped ("<b>%s (%s)</b>",
                                      ipus ? "Indywidualny Plan Usług Społecznych"
                                           : "Indywidualny Program Zatrudnienia Socjalnego",
                                      ipus ? "IPUS" : "IPZS"));
  add_paragraph (self, g_markup_printf_escaped ("<i>%s</i>", revision));

  add_heading (self, "Uczestnik");
  add_paragraph (self, g_markup_printf_escaped ("<b>Imię i nazwisko:</b> %s", name));
  add_paragraph (self, g_markup_printf_escaped ("<b>PESEL:</b> %s", pesel ? pesel : "—"));
  add_paragraph (self, g_markup_printf_escaped ("<b>Data przyjęcia:</b> %s    <b>Okres planu:</b> %s – %s    <b>Etap:</b> %s",
                                                admission, start, end,
                                                rei_plan_code_label_pl (rei_plan_get (plan, REI_PLAN_PHASE))));
  if (ipus && rei_plan_get (plan, REI_PLAN_APPROVED_BY) != NULL)
    {
      g_autofree char *approved = display_date (rei_plan_get (plan, REI_PLAN_APPROVED_ON));
      add_paragraph (self, g_markup_printf_escaped ("<b>Zatwierdził:</b> %s, %s",
                                                    rei_plan_get (plan, REI_PLAN_APPROVED_BY), approved));
    }

  add_heading (self, "Diagnoza");
  add_paragraph (self, g_markup_printf_escaped ("%s", rei_plan_get (plan, REI_PLAN_DIAGNOSIS_SUMMARY)));
  for (guint i = 0; i < opinions->len; i++)
    {
      ReiPlanOpinion *o = g_ptr_array_index (opinions, i);
      g_autofree char *date = display_date (o->written_on);
      Block *b = NULL;

      b = add_block (self, BLOCK_TEXT, BODY_SIZE, 3,
                     g_markup_printf_escaped ("<b>Opinia – %s</b> (%s, %s): %s",
                                              rei_plan_code_label_pl (o->role), o->author, date, o->body));
      b->indent = 12;
      if (o->preferences != NULL)
        {
          b = add_block (self, BLOCK_TEXT, BODY_SIZE, 1,
                         g_markup_printf_escaped ("<i>Preferencje zawodowe:</i> %s", o->preferences));
          b->indent = 12;
        }
    }

  add_heading (self, "Potencjał reintegracyjny");
  if (rei_plan_get_assessments (plan)->len == 0)
    add_paragraph (self, g_strdup ("Nie dokonano jeszcze oceny."));
  else
    add_block (self, BLOCK_PROFILE, BODY_SIZE, 4, NULL);

  add_heading (self, "Cele");
  for (guint i = 0; i < goals->len; i++)
    {
      ReiPlanGoal *g = g_ptr_array_index (goals, i);
      g_autofree char *deadline = display_date (g->deadline);
      g_autoptr(GString) dims = g_string_new (NULL);
      g_autofree char *responsible = NULL;
      Block *b;

      for (guint d = 0; g->dimensions && g->dimensions[d]; d++)
        g_string_append_printf (dims, "%s%s", d ? ", " : "", dimension_label (self, g->dimensions[d]));
      responsible = g->responsible
                    ? g_strdup_printf ("%s (%s)", rei_plan_code_label_pl (g->responsible_kind), g->responsible)
                    : g_strdup (rei_plan_code_label_pl (g->responsible_kind));
      add_block (self, BLOCK_TEXT, BODY_SIZE + 0.5, 6,
                 g_markup_printf_escaped ("<b>%u. %s</b> (%s)", i + 1, g->title,
                                          rei_plan_code_label_pl (g->term)));
      b = add_block (self, BLOCK_TEXT, BODY_SIZE, 1,
                     g_markup_printf_escaped ("Kryterium osiągnięcia: %s\nOdpowiedzialny: %s    Termin: %s    Stan: %s\nWymiary potencjału: %s",
                                              g->criterion, responsible, deadline,
                                              rei_plan_code_label_pl (g->status),
                                              dims->len ? dims->str : "—"));
      b->indent = 14;
    }

  add_heading (self, "Usługi");
  if (services->len == 0)
    add_paragraph (self, g_strdup ("Brak usług w planie."));
  for (guint i = 0; i < services->len; i++)
    {
      ReiPlanService *s = g_ptr_array_index (services, i);

      add_paragraph (self, g_markup_printf_escaped ("%u. %s — grupa %s, realizator: %s, godziny: %.0f zaplanowane, %.0f zrealizowane",
                                                    i + 1, s->name, s->group,
                                                    s->provider ? s->provider : "—",
                                                    s->hours_planned, s->hours_given));
    }

  add_heading (self, "Harmonogram przeglądów");
  {
    ReiPlanRules rules = { 0 };
    g_autofree char *next_iso = NULL;
    g_autofree char *next = NULL;
    g_autoptr(GString) held = g_string_new (NULL);

    rules.review_months = review_months;
    next_iso = rei_plan_next_review (&rules, plan);
    next = display_date (next_iso);
    for (guint i = 0; i < reviews->len; i++)
      {
        g_autofree char *d = display_date (((ReiPlanReview *) g_ptr_array_index (reviews, i))->held_on);
        g_string_append_printf (held, "%s%s", i ? ", " : "", d);
      }
    add_paragraph (self, g_markup_printf_escaped ("Przeglądy co %d mies. Odbyte: %s. Następny: %s.",
                                                  review_months, held->len ? held->str : "brak", next));
  }
  if (rei_plan_get (plan, REI_PLAN_CONTINGENCY) != NULL)
    {
      add_heading (self, "Plan awaryjny");
      add_paragraph (self, g_markup_printf_escaped ("%s", rei_plan_get (plan, REI_PLAN_CONTINGENCY)));
    }
  if (rei_plan_get (plan, REI_PLAN_CLOSED_ON) != NULL)
    {
      g_autofree char *closed = display_date (rei_plan_get (plan, REI_PLAN_CLOSED_ON));

      add_heading (self, "Zamknięcie planu");
      add_paragraph (self, g_markup_printf_escaped ("<b>Data:</b> %s. <b>Osiągnięcia:</b> %s", closed,
                                                    rei_plan_get (plan, REI_PLAN_ACHIEVEMENTS)));
      if (rei_plan_get (plan, REI_PLAN_FURTHER_SUPPORT) != NULL)
        add_paragraph (self, g_markup_printf_escaped ("<b>Dalsze wsparcie:</b> %s",
                                                      rei_plan_get (plan, REI_PLAN_FURTHER_SUPPORT)));
    }

  add_block (self, BLOCK_SIGNATURES, BODY_SIZE, 36, NULL);
}

static PangoLayout *
make_layout (cairo_t *cr,
             double   size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  /* Points are cairo's units here, on paper and in the print dialog alike. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
profile_height (ReiPlanPrint *self)
{
  return (self->dimensions->len + 2) * CHART_ROW;
}

static double
measure (ReiPlanPrint *self,
         cairo_t      *cr,
         Block        *b,
         double        width)
{
  g_autoptr(PangoLayout) layout = NULL;
  int h = 0;

  switch (b->kind)
    {
    case BLOCK_PROFILE:
      return profile_height (self);
    case BLOCK_SIGNATURES:
      return 60;
    case BLOCK_TEXT:
    default:
      layout = make_layout (cr, b->size);
      pango_layout_set_width (layout, (int) ((width - b->indent) * PANGO_SCALE));
      pango_layout_set_markup (layout, b->markup, -1);
      pango_layout_get_size (layout, NULL, &h);
      return (double) h / PANGO_SCALE;
    }
}

guint
rei_plan_print_paginate (ReiPlanPrint *self,
                         cairo_t      *cr,
                         double        width,
                         double        height)
{
  double text_width = width - 2 * MARGIN;
  double top = MARGIN, bottom = height - MARGIN - FOOTER;
  double y = top;
  guint page = 0;

  g_return_val_if_fail (REI_IS_PLAN_PRINT (self), 0);

  self->width = width;
  self->height = height;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      b->height = measure (self, cr, b, text_width);
    }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      double need = b->space_before + b->height;

      if (b->keep_with_next && i + 1 < self->blocks->len)
        need += ((Block *) g_ptr_array_index (self->blocks, i + 1))->height + 4;
      if (y + need > bottom && y > top)
        {
          page++;
          y = top;
        }
      else
        y += b->space_before;
      b->page = page;
      b->y = y;
      y += b->height;
    }
  self->n_pages = page + 1;
  return self->n_pages;
}

guint
rei_plan_print_get_n_pages (ReiPlanPrint *self)
{
  g_return_val_if_fail (REI_IS_PLAN_PRINT (self), 0);
  return self->n_pages;
}

static void
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           double      width,
           double      size,
           const char *markup,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, size);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The profile as a table with bars: each dimension's score at entry (grey) and in the latest
 * assessment (dark), on the scale 1–5, with the change; level and structure at a glance. */
static void
draw_profile (ReiPlanPrint *self,
              cairo_t      *cr,
              double        x,
              double        y,
              double        width)
{
  const ReiPlanAssessment *first = rei_plan_get_first_assessment (self->plan);
  const ReiPlanAssessment *latest = rei_plan_get_latest_assessment (self->plan);
  double label_w = width * 0.36, bars_x = x + label_w + 6, bars_w = width * 0.44;
  double change_x = bars_x + bars_w + 8;
  g_autofree char *d1 = display_date (first->assessed_on);
  g_autofree char *d2 = display_date (latest->assessed_on);
  g_autofree char *legend = g_markup_printf_escaped ("<b>Wymiar</b> (skala 1–5)");
  g_autofree char *legend2 = g_markup_printf_escaped ("<span foreground=\"#9a9996\">■</span> wejście %s   <span foreground=\"#1c71d8\">■</span> ostatnia %s", d1, d2);

  draw_text (cr, x, y, label_w, BODY_SIZE, legend, PANGO_ALIGN_LEFT);
  draw_text (cr, bars_x, y, bars_w + 4, BODY_SIZE - 1.5, legend2, PANGO_ALIGN_LEFT);
  draw_text (cr, change_x, y, width - (change_x - x), BODY_SIZE, "<b>Zmiana</b>", PANGO_ALIGN_LEFT);

  for (guint i = 0; i < self->dimensions->len; i++)
    {
      ReiPlanLabel *l = g_ptr_array_index (self->dimensions, i);
      int a = rei_plan_assessment_get_score (first, l->code);
      int b = rei_plan_assessment_get_score (latest, l->code);
      double row_y = y + (i + 1.3) * CHART_ROW;
      g_autofree char *label = g_markup_printf_escaped ("%s", l->label);
      g_autofree char *change = NULL;

      draw_text (cr, x, row_y, label_w, BODY_SIZE, label, PANGO_ALIGN_LEFT);
      /* The scale's five steps as faint ticks, so that a bar's length reads as a score. */
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_set_line_width (cr, 0.5);
      for (int s = 0; s <= 5; s++)
        {
          cairo_move_to (cr, bars_x + bars_w * s / 5.0, row_y);
          cairo_line_to (cr, bars_x + bars_w * s / 5.0, row_y + CHART_ROW - 3);
        }
      cairo_stroke (cr);
      if (a > 0)
        {
          cairo_set_source_rgb (cr, 0.60, 0.60, 0.59);
          cairo_rectangle (cr, bars_x, row_y + 1, bars_w * a / 5.0, 5);
          cairo_fill (cr);
        }
      if (b > 0)
        {
          cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
          cairo_rectangle (cr, bars_x, row_y + 6.5, bars_w * b / 5.0, 5);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      if (a > 0 && b > 0)
        change = g_strdup_printf ("%d → %d (%s%d)", a, b, b - a > 0 ? "+" : "", b - a);
      else
        change = g_strdup ("—");
      draw_text (cr, change_x, row_y, width - (change_x - x), BODY_SIZE, change, PANGO_ALIGN_LEFT);
    }
}

static void
draw_signatures (cairo_t *cr,
                 double   x,
                 double   y,
                 double   width)
{
  double w = width * 0.42;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, (double[]) { 1.5, 2 }, 2, 0);
  cairo_move_to (cr, x, y + 30);
  cairo_line_to (cr, x + w, y + 30);
  cairo_move_to (cr, x + width - w, y + 30);
  cairo_line_to (cr, x + width, y + 30);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_text (cr, x, y + 33, w, BODY_SIZE - 1, "data i podpis uczestnika", PANGO_ALIGN_CENTER);
  draw_text (cr, x + width - w, y + 33, w, BODY_SIZE - 1, "data i podpis przedstawiciela centrum",
             PANGO_ALIGN_CENTER);
}

void
rei_plan_print_draw_page (ReiPlanPrint *self,
                          cairo_t      *cr,
                          guint         page_nr)
{
  double width;
  g_autofree char *footer = NULL;
  g_autofree char *person = NULL;

  g_return_if_fail (REI_IS_PLAN_PRINT (self));
  g_return_if_fail (self->n_pages > 0);

  width = self->width - 2 * MARGIN;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      if (b->page != page_nr)
        continue;
      switch (b->kind)
        {
        case BLOCK_PROFILE:
          draw_profile (self, cr, MARGIN, b->y, width);
          break;
        case BLOCK_SIGNATURES:
          draw_signatures (cr, MARGIN, b->y, width);
          break;
        case BLOCK_TEXT:
        default:
          draw_text (cr, MARGIN + b->indent, b->y, width - b->indent, b->size, b->markup,
                     PANGO_ALIGN_LEFT);
          break;
        }
    }

  /* Every page says whose plan it is and which page of how many: loose sheets get filed. */
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  person = g_markup_printf_escaped ("%s", self->person);
  draw_text (cr, MARGIN, self->height - MARGIN - 10, width * 0.7, 8, person, PANGO_ALIGN_LEFT);
  footer = g_strdup_printf ("Strona %u z %u", page_nr + 1, self->n_pages);
  draw_text (cr, MARGIN, self->height - MARGIN - 10, width, 8, footer, PANGO_ALIGN_RIGHT);
  cairo_restore (cr);
}

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return CAIRO_STATUS_WRITE_ERROR;
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rei_plan_print_write_pdf (ReiPlanPrint  *self,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(ReiTempFile) tmp = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd, saved_errno = 0;

  g_return_val_if_fail (REI_IS_PLAN_PRINT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  /* Locked while written, so that another export into the folder leaves it alone, and a
   * killed writer's leftover is removed by the next one (rei-temp-file.h). */
  tmp = rei_temp_file_new (path, "plan", ".pdf");
  fd = tmp != NULL ? g_open (rei_temp_file_get_path (tmp), O_WRONLY | O_TRUNC | O_CLOEXEC, 0600) : -1;
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, GINT_TO_POINTER (fd),
                                                 REI_PLAN_PRINT_A4_WIDTH, REI_PLAN_PRINT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  g_strcmp0 (rei_plan_get (self->plan, REI_PLAN_KIND), "IPUS") == 0
                                  ? "Indywidualny Plan Usług Społecznych"
                                  : "Indywidualny Program Zatrudnienia Socjalnego");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Reintegra");
  cr = cairo_create (surface);
  rei_plan_print_paginate (self, cr, REI_PLAN_PRINT_A4_WIDTH, REI_PLAN_PRINT_A4_HEIGHT);
  for (guint p = 0; p < self->n_pages; p++)
    {
      rei_plan_print_draw_page (self, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (fd) != 0)
    {
      saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  g_close (fd, NULL);
  if (status == CAIRO_STATUS_SUCCESS && !rei_temp_file_commit (tmp))
    {
      saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  /* Not committed, the temporary file goes with tmp. */
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), display,
                   saved_errno ? g_strerror (saved_errno) : cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
rei_plan_print_finalize (GObject *object)
{
  ReiPlanPrint *self = REI_PLAN_PRINT (object);

  g_clear_object (&self->plan);
  g_free (self->person);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->dimensions);

  G_OBJECT_CLASS (rei_plan_print_parent_class)->finalize (object);
}

static void
rei_plan_print_class_init (ReiPlanPrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_plan_print_finalize;
}

static void
rei_plan_print_init (ReiPlanPrint *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

ReiPlanPrint *
rei_plan_print_new (ReiPlan      *plan,
                    ReiResident  *resident,
                    GPtrArray    *dimensions,
                    int           review_months,
                    const char   *centre_name,
                    const char   *centre_address)
{
  ReiPlanPrint *self;

  g_return_val_if_fail (REI_IS_PLAN (plan), NULL);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), NULL);
  g_return_val_if_fail (dimensions != NULL, NULL);

  self = g_object_new (REI_TYPE_PLAN_PRINT, NULL);
  self->plan = g_object_ref (plan);
  self->dimensions = g_ptr_array_ref (dimensions);
  build_blocks (self, resident, review_months, centre_name, centre_address);
  return self;
}

ReiPlanPrint *
rei_plan_print_new_for_store (ReiStore  *store,
                              ReiPlan   *plan,
                              GError   **error)
{
  g_autoptr(ReiResident) resident = NULL;
  g_autoptr(GPtrArray) dimensions = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  ReiPlanRules rules;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  g_return_val_if_fail (REI_IS_PLAN (plan), NULL);

  if (!rei_plan_check_printable (plan, error))
    return NULL;
  resident = rei_store_get_resident (store, rei_plan_get_resident_id (plan), error);
  if (resident == NULL)
    return NULL;
  dimensions = rei_store_list_potential_dimensions (store, error);
  if (dimensions == NULL)
    return NULL;
  rei_plan_rules_load (store, rei_plan_get (plan, REI_PLAN_START_DATE), &rules);
  name = rei_store_get_setting (store, "centre_name", NULL);
  address = rei_store_get_setting (store, "centre_address", NULL);
  return rei_plan_print_new (plan, resident, dimensions, rules.review_months, name, address);
}

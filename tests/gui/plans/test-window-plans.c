/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#include <X11/extensions/Xdamage.h>
#endif

#include "rei-code-combo-row.h"
#include "rei-date.h"
#include "rei-demo.h"
#include "rei-plan-closing-section.h"
#include "rei-plan-diagnosis-section.h"
#include "rei-plan-page.h"
#include "rei-plan-phase-section.h"
#include "rei-plan-reviews-section.h"
#include "rei-plan-services-section.h"
#include "rei-plan-view.h"
#include "rei-potential-profile.h"
#include "rei-preferences-window.h"
#include "rei-store-plans.h"
#include "rei-store-private.h"
#include "rei-store-residents.h"
#include "test-util.h"
#include "window-test-util.h"

static void
on_loaded_cb (ReiPlanView *view,
              gboolean    *loaded)
{
  *loaded = TRUE;
}

/* Clicks and waits for the plan to be read again. */
static void
click_and_wait (GtkWidget  *button,
                gboolean   *loaded,
                const char *what)
{
  *loaded = FALSE;
  g_signal_emit_by_name (button, "clicked");
  rei_window_test_wait_until (rei_window_test_is_true, loaded, what);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_button (c, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (c) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
        return c;
      if ((found = find_entry_row (c, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type_counting (GtkWidget *widget,
                    GType      type,
                    guint     *nth)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && (*nth)-- == 0)
        return c;
      if ((found = find_type_counting (c, type, nth)) != NULL)
        return found;
    }
  return NULL;
}

/* The nth widget of the type, depth first. */
static GtkWidget *
find_type (GtkWidget *widget,
           GType      type,
           guint      nth)
{
  return find_type_counting (widget, type, &nth);
}

/* The first preferences row (action, entry, combo, expander) whose title or subtitle holds
 * text, depth first. */
static GtkWidget *
find_row_with (GtkWidget  *widget,
               const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (c)
          && (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), text) != NULL
              || (ADW_IS_ACTION_ROW (c) && adw_action_row_get_subtitle (ADW_ACTION_ROW (c)) != NULL
                  && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (c)), text) != NULL)))
        return c;
      if ((found = find_row_with (c, text)) != NULL)
        return found;
    }
  return NULL;
}

/* The description of the first preferences group under @widget that holds @text. */
static const char *
find_description_with (GtkWidget  *widget,
                       const char *text)
{
  const char *found;

  if (ADW_IS_PREFERENCES_GROUP (widget)
      && (found = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget))) != NULL
      && strstr (found, text) != NULL)
    return found;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if ((found = find_description_with (c, text)) != NULL)
      return found;
  return NULL;
}

static void
on_after_paint_count_cb (GdkFrameClock *clock,
                         guint         *frames)
{
  (*frames)++;
}

static void
set_entry (GtkWidget  *view,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_entry_row (view, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* A worker's round: add a goal, record an assessment, see the profile change, sign and annex,
 * print to PDF; a picture of the view with a demo person's plan. */
static void
test_plans_view (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) r = rei_test_resident_new ("Jadwiga", "Łuczyńska", "85071512348");
  g_autoptr(ReiPlan) plan = NULL;
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *contents = NULL;
  gboolean loaded = FALSE;
  GtkWidget *window, *view, *profile;
  gint64 id;
  gsize len;

  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2024-01-08");
  g_assert_true (rei_store_save_resident (store, r, &error));
  id = rei_store_create_plan (store, rei_resident_get_id (r), NULL, "2024-01-15", &error);
  plan = rei_store_get_plan (store, id, &error);
  rei_plan_set (plan, REI_PLAN_DIAGNOSIS_SUMMARY, "Gotowa do zmiany, bez kwalifikacji.");
  g_assert_true (rei_store_save_plan (store, plan, &error));
  g_assert_cmpint (rei_store_plan_ensure_service (store, "Praca socjalna", "A", &error), >, 0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  view = rei_plan_view_new (store);
  gtk_window_set_child (GTK_WINDOW (window), view);
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_cb), &loaded);
  rei_plan_view_set_plan (REI_PLAN_VIEW (view), id);
  gtk_window_present (GTK_WINDOW (window));
  rei_window_test_wait_until (rei_window_test_is_true, &loaded, "the plan to load");
  profile = find_type (view, REI_TYPE_POTENTIAL_PROFILE, 0);
  g_assert_nonnull (profile);
  g_assert_cmpint (rei_potential_profile_get_latest (REI_POTENTIAL_PROFILE (profile), 0), ==, 0);

  /* Add a goal. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (view, "Goal")), "Ukończyć kurs opiekunki");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (view, "Measurable criterion")), "Certyfikat");
  /* The answer of the read shows the head of the page; the rest comes a part per frame (a
   * section's texts and forms laid out at once cost two frames), the closing section last. */
  {
    GtkWidget *closing = find_type (view, REI_TYPE_PLAN_CLOSING_SECTION, 0);
    guint frames = 0;
    gulong h;

    g_assert_cmpstr (find_description_with (closing, "achieved"), ==, "0 of 0 goals achieved.");
    loaded = FALSE;
    g_signal_emit_by_name (find_button (view, "_Add Goal"), "clicked");
    while (rei_plan_get_goals (rei_plan_view_get_plan (REI_PLAN_VIEW (view)))->len == 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (rei_plan_view_get_busy (REI_PLAN_VIEW (view)));
    g_assert_cmpstr (find_description_with (closing, "achieved"), ==, "0 of 0 goals achieved.");
    h = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                          G_CALLBACK (on_after_paint_count_cb), &frames);
    rei_window_test_wait_until (rei_window_test_is_true, &loaded, "the goal");
    g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), h);
    g_assert_cmpuint (frames, >=, 5);
    g_assert_false (rei_plan_view_get_busy (REI_PLAN_VIEW (view)));
    g_assert_cmpstr (find_description_with (closing, "achieved"), ==, "0 of 1 goal achieved.");
  }
  g_assert_cmpuint (rei_plan_get_goals (rei_plan_view_get_plan (REI_PLAN_VIEW (view)))->len, ==, 1);

  /* Record an entry assessment (all 3 by default), then a review with work at 5. */
  click_and_wait (find_button (view, "_Record Assessment"), &loaded, "the entry assessment");
  g_assert_cmpint (rei_potential_profile_get_entry (REI_POTENTIAL_PROFILE (profile), 0), ==, 3);
  g_assert_cmpint (rei_potential_profile_get_latest (REI_POTENTIAL_PROFILE (profile), 0), ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_type (view, GTK_TYPE_SPIN_BUTTON, 0)), 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_type (view, GTK_TYPE_SPIN_BUTTON, 1)), 2);
  click_and_wait (find_button (view, "_Record Assessment"), &loaded, "the second assessment");
  g_assert_cmpint (rei_potential_profile_get_entry (REI_POTENTIAL_PROFILE (profile), 0), ==, 3);
  g_assert_cmpint (rei_potential_profile_get_latest (REI_POTENTIAL_PROFILE (profile), 0), ==, 5);
  g_assert_cmpint (rei_potential_profile_get_latest (REI_POTENTIAL_PROFILE (profile), 1), ==, 2);

  /* The diagnosis: the vocational counsellor's opinion with the preferences. */
  {
    GtkWidget *section = find_type (view, REI_TYPE_PLAN_DIAGNOSIS_SECTION, 0);
    ReiPlanOpinion *o;

    adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_with (section, "Written by")), 2);
    set_entry (section, "Author", "Tomasz Zieliński");
    set_entry (section, "Written on (dd.mm.yyyy)", "10.01.2024");
    set_entry (section, "Opinion", "Kompetencje praktyczne dobre.");
    set_entry (section, "Vocational preferences", "opieka nad osobami starszymi");
    click_and_wait (find_button (section, "Add _Opinion"), &loaded, "the opinion");
    g_assert_cmpuint (rei_plan_get_opinions (rei_plan_view_get_plan (REI_PLAN_VIEW (view)))->len, ==, 1);
    o = g_ptr_array_index (rei_plan_get_opinions (rei_plan_view_get_plan (REI_PLAN_VIEW (view))), 0);
    g_assert_cmpstr (o->role, ==, "doradca_zawodowy");
    g_assert_cmpstr (o->written_on, ==, "2024-01-10");
    g_assert_cmpstr (o->preferences, ==, "opieka nad osobami starszymi");
    g_assert_nonnull (find_row_with (section, "Vocational counsellor — Tomasz Zieliński, 10.01.2024"));
    /* A date that is not one is refused with the reason, and nothing is written. */
    set_entry (section, "Author", "Ewa Nowak");
    set_entry (section, "Written on (dd.mm.yyyy)", "31.02.2024");
    set_entry (section, "Opinion", "Tekst");
    g_signal_emit_by_name (find_button (section, "Add _Opinion"), "clicked");
    g_assert_cmpuint (rei_plan_get_opinions (rei_plan_view_get_plan (REI_PLAN_VIEW (view)))->len, ==, 1);
  }

  /* A service from the catalogue: group, provider and hours. */
  {
    GtkWidget *section = find_type (view, REI_TYPE_PLAN_SERVICES_SECTION, 0);
    ReiPlanService *sv;

    adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_with (section, "From the catalogue")), 0);
    set_entry (section, "Provider", "MOPS Krasnystaw");
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_type (section, GTK_TYPE_SPIN_BUTTON, 1)), 20);
    click_and_wait (find_button (section, "Add _Service"), &loaded, "the service");
    g_assert_cmpuint (rei_plan_get_services (rei_plan_view_get_plan (REI_PLAN_VIEW (view)))->len, ==, 1);
    sv = g_ptr_array_index (rei_plan_get_services (rei_plan_view_get_plan (REI_PLAN_VIEW (view))), 0);
    g_assert_cmpstr (sv->group, ==, "A");
    g_assert_cmpstr (sv->provider, ==, "MOPS Krasnystaw");
    g_assert_cmpfloat (sv->hours_planned, ==, 20);
    g_assert_nonnull (find_row_with (section, "Group A · MOPS Krasnystaw · given 0.0 h of 20.0 h planned"));
  }

  /* A review: the goal in progress, an assessment with it, an unmet need, the contingency. */
  {
    GtkWidget *section = find_type (view, REI_TYPE_PLAN_REVIEWS_SECTION, 0);
    GtkWidget *progress = find_row_with (section, "Progress per goal");
    g_autofree char *iso = rei_date_today_iso ();
    g_autofree char *today = rei_date_format_display (iso);
    ReiPlan *p;
    ReiPlanGoal *goal;
    g_autoptr(GPtrArray) needs = NULL;

    g_assert_nonnull (find_row_with (section, "No review held yet."));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (progress), TRUE);
    set_entry (section, "Ukończyć kurs opiekunki", "Zapisana na kurs");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (find_type (progress, GTK_TYPE_DROP_DOWN, 0)), 1);
    /* Held today (the entry's default), after the assessments above: its scores are the latest. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (section, "Held on (dd.mm.yyyy)"))), ==, today);
    set_entry (section, "Notes", "Pierwszy przegląd");
    set_entry (section, "Unmet need", "Brak mieszkań treningowych w gminie");
    set_entry (section, "Contingency plan", "Gdy kurs odwołany: staż u partnera");
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_type (view, GTK_TYPE_SPIN_BUTTON, 2)), 4);
    gtk_switch_set_active (GTK_SWITCH (find_type (find_row_with (section, "Record the assessment"),
                                                  GTK_TYPE_SWITCH, 0)), TRUE);
    click_and_wait (find_button (section, "Record _Review"), &loaded, "the review");
    p = rei_plan_view_get_plan (REI_PLAN_VIEW (view));
    g_assert_cmpuint (rei_plan_get_reviews (p)->len, ==, 1);
    g_assert_cmpuint (rei_plan_get_assessments (p)->len, ==, 3);
    g_assert_cmpint (rei_potential_profile_get_latest (REI_POTENTIAL_PROFILE (profile), 2), ==, 4);
    goal = g_ptr_array_index (rei_plan_get_goals (p), 0);
    g_assert_cmpstr (goal->status, ==, "w_realizacji");
    needs = rei_store_list_plan_unmet_needs (store, id, &error);
    g_assert_cmpuint (needs->len, ==, 1);
    g_assert_nonnull (find_row_with (section, "Brak mieszkań treningowych w gminie"));
    g_assert_nonnull (find_row_with (section, today));
    /* Opening a held review shows the progress per goal. */
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_row_with (section, today)), TRUE);
    g_assert_nonnull (find_row_with (section, "In progress · Zapisana na kurs"));
  }

  /* Sign (revision 1), open an annex with its reason, add a goal, sign (revision 2). */
  click_and_wait (find_button (view, "_Sign / Annex"), &loaded, "the signature");
  g_assert_cmpint (rei_plan_get_revision (rei_plan_view_get_plan (REI_PLAN_VIEW (view))), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (view, "Reason of the annex")), "Nowa sytuacja");
  click_and_wait (find_button (view, "_Sign / Annex"), &loaded, "the annex");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (view, "Goal")), "Znaleźć mieszkanie");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (view, "Measurable criterion")), "Umowa najmu");
  click_and_wait (find_button (view, "_Add Goal"), &loaded, "the goal of the annex");
  click_and_wait (find_button (view, "_Sign / Annex"), &loaded, "the annex signed");
  g_assert_cmpint (rei_plan_get_revision (rei_plan_view_get_plan (REI_PLAN_VIEW (view))), ==, 2);
  {
    g_autoptr(ReiPlan) first = rei_store_get_plan_revision (store, id, 1, &error);
    g_assert_cmpuint (rei_plan_get_goals (first)->len, ==, 1);
  }

  /* A signed plan: the hours given are monitoring and still written. */
  {
    GtkWidget *section = find_type (view, REI_TYPE_PLAN_SERVICES_SECTION, 0);
    ReiPlanService *sv;

    GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (find_type (section, ADW_TYPE_COMBO_ROW, 0)));

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_type (section, GTK_TYPE_SPIN_BUTTON, 0)), 7.5);
    click_and_wait (find_button (section, "Save Hours _Given"), &loaded, "the hours given");
    sv = g_ptr_array_index (rei_plan_get_services (rei_plan_view_get_plan (REI_PLAN_VIEW (view))), 0);
    g_assert_cmpfloat (sv->hours_given, ==, 7.5);
    /* The same services: the row keeps its choices (a new model makes a widget per choice). */
    g_assert_true (adw_combo_row_get_model (ADW_COMBO_ROW (find_type (section, ADW_TYPE_COMBO_ROW, 0))) == choices);
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_type (section, GTK_TYPE_SPIN_BUTTON, 0))), ==, 7.5);
  }

  /* The phase: implementation. */
  {
    GtkWidget *section = find_type (view, REI_TYPE_PLAN_PHASE_SECTION, 0);

    adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_with (section, "Phase")), 2);
    click_and_wait (find_button (section, "Save _Phase and Approval"), &loaded, "the phase");
    g_assert_cmpstr (rei_plan_get (rei_plan_view_get_plan (REI_PLAN_VIEW (view)), REI_PLAN_PHASE), ==,
                     "realizacja");
  }

  /* Print to PDF through GtkPrintOperation and the core's drawing. */
  rei_plan_view_set_export_filename (REI_PLAN_VIEW (view), pdf);
  g_signal_emit_by_name (find_button (view, "_Print…"), "clicked");
  g_assert_true (g_file_get_contents (pdf, &contents, &len, &error));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  rei_window_test_wait_for_frame (window);
  rei_window_test_save_png (window, "window-plans");

  /* Closing: the achievements, the options, and the situation after leaving written to the
   * person's record, where the indicators count it. */
  {
    GtkWidget *section = find_type (view, REI_TYPE_PLAN_CLOSING_SECTION, 0);
    g_autoptr(ReiResident) after = NULL;

    g_assert_nonnull (find_row_with (section, "Ukończyć kurs opiekunki"));
    set_entry (section, "Closed on (dd.mm.yyyy)", "30.06.2024");
    set_entry (section, "Achievements against goals", "Kurs ukończony");
    set_entry (section, "Options for further support", "Klub integracji społecznej");
    rei_code_combo_row_set_code (REI_CODE_COMBO_ROW (find_row_with (section, "Situation after leaving")),
                                 "zatrudnienie");
    click_and_wait (find_button (section, "_Close Plan"), &loaded, "the closing");
    g_assert_cmpstr (rei_plan_get (rei_plan_view_get_plan (REI_PLAN_VIEW (view)), REI_PLAN_CLOSED_ON), ==,
                     "2024-06-30");
    after = rei_store_get_resident (store, rei_resident_get_id (r), &error);
    g_assert_cmpstr (rei_resident_get (after, REI_RESIDENT_OUTCOME), ==, "zatrudnienie");
    g_assert_nonnull (find_row_with (section, "Klub integracji społecznej"));
    /* A closed plan has no more reviews to record. */
    g_assert_false (gtk_widget_get_visible (find_button (find_type (view, REI_TYPE_PLAN_REVIEWS_SECTION, 0),
                                                         "Record _Review")));
  }

  /* A demo person's plan, as a worker sees it. */
  g_assert_true (rei_demo_fill (store, 30, 2019, NULL, NULL, NULL, &error));
  g_assert_true (rei_demo_fill_plans (store, 2019, NULL, NULL, NULL, &error));
  {
    g_autofree char *pesel = NULL;
    g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
    g_autoptr(GArray) ids = rei_store_query_resident_ids (store, query, NULL, &error);
    gint64 demo_plan = 0;

    for (guint i = 0; i < ids->len && demo_plan == 0; i++)
      if (g_array_index (ids, gint64, i) != rei_resident_get_id (r))
        demo_plan = rei_store_find_current_plan (store, g_array_index (ids, gint64, i), NULL);
    g_assert_cmpint (demo_plan, >, 0);
    loaded = FALSE;
    rei_plan_view_set_plan (REI_PLAN_VIEW (view), demo_plan);
    rei_window_test_wait_until (rei_window_test_is_true, &loaded, "the demo plan");
  }
  rei_window_test_wait_for_frame (window);
  rei_window_test_save_png (window, "window-plans-demo");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

static gboolean
page_is_settled (gpointer data)
{
  ReiPlanPage *page = data;

  return !rei_plan_page_get_finding (page);
}

static gboolean
view_has_plan (gpointer data)
{
  ReiPlanPage *page = data;
  ReiPlan *plan = rei_plan_view_get_plan (rei_plan_page_get_view (page));

  /* Shown whole: the page is filled in a part per frame, its forms too. */
  return g_strcmp0 (rei_plan_page_get_state (page), "plan") == 0 && plan != NULL
         && rei_plan_get_id (plan) == rei_plan_view_get_plan_id (rei_plan_page_get_view (page))
         && !rei_plan_view_get_busy (rei_plan_page_get_view (page));
}

/* The plan is reached from the window: the Plan page follows the person chosen in the list,
 * offers to draw a plan up for someone without one (of the centre's kind, set in the
 * preferences), shows an IPUS's legal checks with their reasons; the list filters the people
 * whose review is overdue. */
static void
test_plans_window (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) r = rei_test_resident_new ("Żaneta", "Ćwik", "90010112349");
  g_autoptr(GArray) overdue = NULL;
  ReiPreferencesWindow *prefs;
  ReiWindow *window;
  ReiPlanPage *page;
  GtkWidget *view;
  GtkDropDown *review_filter;
  GListModel *model;
  g_autofree char *name = NULL, *mode = NULL;
  gint64 demo_plan = 0;

  g_assert_true (rei_demo_fill (store, 40, 2019, NULL, NULL, NULL, &error));
  g_assert_true (rei_demo_fill_plans (store, 2019, NULL, NULL, NULL, &error));
  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2024-01-08");
  g_assert_true (rei_store_save_resident (store, r, &error));

  window = rei_window_test_show (store, 1280, 900);
  page = rei_window_get_plan_page (window);
  view = GTK_WIDGET (rei_plan_page_get_view (page));

  /* Nobody chosen: the page says so. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL);
  g_assert_cmpstr (rei_plan_page_get_state (page), ==, "empty");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-residents", NULL);

  /* A demo person with a plan: the page shows it. */
  {
    g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
    g_autoptr(GArray) ids = rei_store_query_resident_ids (store, query, NULL, &error);
    gint64 who = 0;

    for (guint i = 0; i < ids->len && demo_plan == 0; i++)
      if ((demo_plan = rei_store_find_current_plan (store, g_array_index (ids, gint64, i), NULL)) != 0)
        who = g_array_index (ids, gint64, i);
    g_assert_cmpint (demo_plan, >, 0);
    rei_resident_view_select_id (rei_window_get_resident_view (window), who);
    while (rei_resident_detail_get_resident_id (rei_window_get_resident_detail (window)) != who)
      g_main_context_iteration (NULL, TRUE);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL);
  rei_window_test_wait_until (view_has_plan, page, "the demo person's plan");
  g_assert_cmpint (rei_plan_view_get_plan_id (REI_PLAN_VIEW (view)), ==, demo_plan);
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-plans-page");

  /* The preferences: the centre's name for the printed header, and a CUS, which draws up IPUS. */
  prefs = rei_preferences_window_new (GTK_WINDOW (window), store);
  gtk_editable_set_text (GTK_EDITABLE (rei_preferences_window_get_centre_row (prefs, "centre_name")),
                         "Centrum Usług Społecznych w Gdyni");
  g_signal_emit_by_name (rei_preferences_window_get_centre_row (prefs, "centre_name"), "apply");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rei_preferences_window_get_centre_row (prefs, "centre_mode")), 1);
  gtk_window_destroy (GTK_WINDOW (prefs));
  name = rei_store_get_setting (store, "centre_name", NULL);
  mode = rei_store_get_setting (store, "centre_mode", NULL);
  g_assert_cmpstr (name, ==, "Centrum Usług Społecznych w Gdyni");
  g_assert_cmpstr (mode, ==, "CUS");

  /* A person without a plan: the page offers one, of the centre's kind. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-residents", NULL);
  rei_resident_view_select_id (rei_window_get_resident_view (window), rei_resident_get_id (r));
  while (rei_resident_detail_get_resident_id (rei_window_get_resident_detail (window)) != rei_resident_get_id (r))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL);
  g_assert_cmpint (rei_plan_page_get_resident (page), ==, rei_resident_get_id (r));
  rei_window_test_wait_until (page_is_settled, page, "the page of a person without a plan");
  g_assert_cmpstr (rei_plan_page_get_state (page), ==, "none");
  g_signal_emit_by_name (find_button (GTK_WIDGET (page), "_Create Plan"), "clicked");
  rei_window_test_wait_until (view_has_plan, page, "the new plan");
  {
    ReiPlan *plan = rei_plan_view_get_plan (REI_PLAN_VIEW (view));
    gboolean loaded = FALSE;
    GtkWidget *checks;
    g_autofree char *before = NULL;
    GDate start;

    g_assert_cmpstr (rei_plan_get (plan, REI_PLAN_KIND), ==, "IPUS");
    /* Drawn up 45 days after the application: the CUS act allows 30. */
    rei_date_iso_to_gdate (rei_plan_get (plan, REI_PLAN_START_DATE), &start);
    g_date_subtract_days (&start, 45);
    before = rei_date_to_iso (&start);
    g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_cb), &loaded);
    set_entry (view, "Date of the application (dd.mm.yyyy)", before);
    click_and_wait (find_button (view, "Save _Phase and Approval"), &loaded, "the application date");
    checks = find_type (view, REI_TYPE_PLAN_PHASE_SECTION, 0);
    g_assert_nonnull (find_row_with (checks, "45 days after the application"));
    /* Carried out without approval: refused, with the reason shown. */
    adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_with (checks, "Phase")), 2);
    g_signal_emit_by_name (find_button (view, "Save _Phase and Approval"), "clicked");
    g_assert_true (gtk_widget_get_visible (find_type (view, GTK_TYPE_LABEL, 2)));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_type (view, GTK_TYPE_LABEL, 2))),
                              "approved"));
    g_signal_handlers_disconnect_by_data (view, &loaded);
  }

  /* The overdue reviews: a filter of the list, the same people as the core's list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-residents", NULL);
  {
    /* Seventy days on, the new plan (no review yet) is overdue, whatever the demo's are. */
    g_autofree char *now = rei_date_today_iso ();
    g_autofree char *later = NULL;
    GDate d;

    rei_date_iso_to_gdate (now, &d);
    g_date_add_days (&d, 70);
    later = rei_date_to_iso (&d);
    rei_store_set_today (store, later);
  }
  overdue = rei_store_list_overdue_reviews (store, NULL, &error);
  g_assert_cmpuint (overdue->len, >, 0);
  review_filter = rei_resident_view_get_filter (rei_window_get_resident_view (window), REI_RESIDENT_FILTER_REVIEW);
  gtk_drop_down_set_selected (review_filter, 1);
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the overdue list");
  model = G_LIST_MODEL (gtk_column_view_get_model (rei_resident_view_get_column_view (rei_window_get_resident_view (window))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, overdue->len);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ReiResidentRow) row = g_list_model_get_item (model, i);
      gboolean found = FALSE;

      for (guint j = 0; j < overdue->len; j++)
        found |= g_array_index (overdue, gint64, j) == rei_resident_row_get_id (row);
      g_assert_true (found);
    }
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-plans-overdue");

  rei_window_test_destroy (window);
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

static gboolean
row_is_shown (gpointer data)
{
  gpointer *args = data;

  return find_row_with (args[0], args[1]) != NULL;
}

/* A long plan: each list shows its first ten rows and a row that shows the rest, the rows made a
 * few per frame; "loaded" comes when every row is made, and showing the plan again after a
 * change keeps the rows it can. */
static void
test_plans_long (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) r = rei_test_resident_new ("Jadwiga", "Łuczyńska", "85071512348");
  gboolean loaded = FALSE;
  GtkWidget *window, *view, *goals, *closing, *more, *first;
  gpointer args[2];
  gint64 id;

  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2024-01-08");
  g_assert_true (rei_store_save_resident (store, r, &error));
  id = rei_store_create_plan (store, rei_resident_get_id (r), NULL, "2024-01-15", &error);
  for (int i = 1; i <= 12; i++)
    {
      g_autoptr(ReiPlanGoal) g = rei_plan_goal_new ();

      g->title = g_strdup_printf ("Cel numer %02d", i);
      g->criterion = g_strdup ("Zaświadczenie");
      g_assert_true (rei_store_save_goal (store, id, g, &error));
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  view = rei_plan_view_new (store);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  rei_window_test_wait_for_frame (window);
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_cb), &loaded);
  rei_plan_view_set_plan (REI_PLAN_VIEW (view), id);
  rei_window_test_wait_until (rei_window_test_is_true, &loaded, "the long plan");

  /* The view's goals (the first list box of the page's goals) and the closing's. */
  goals = gtk_widget_get_parent (find_row_with (view, "Cel numer 01"));
  closing = find_type (view, REI_TYPE_PLAN_CLOSING_SECTION, 0);
  g_assert_nonnull (find_row_with (goals, "Cel numer 10"));
  g_assert_null (find_row_with (goals, "Cel numer 11"));
  more = find_row_with (goals, "Show All 12");
  g_assert_nonnull (more);
  g_assert_nonnull (find_row_with (closing, "Show All 12"));
  first = find_row_with (goals, "Cel numer 01");

  g_signal_emit_by_name (more, "activated");
  args[0] = goals;
  args[1] = "Cel numer 12";
  rei_window_test_wait_until (row_is_shown, args, "every goal");
  g_assert_nonnull (find_row_with (goals, "Cel numer 11"));
  g_assert_null (find_row_with (goals, "Show All"));
  /* The other lists keep their first rows only. */
  g_assert_null (find_row_with (closing, "Cel numer 12"));

  /* A goal added: the rows shown are kept and brought up to date, the new one made. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (view, "Goal")), "Cel numer 13");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (view, "Measurable criterion")), "Umowa");
  click_and_wait (find_button (view, "_Add Goal"), &loaded, "the thirteenth goal");
  g_assert_true (find_row_with (goals, "Cel numer 01") == first);
  g_assert_nonnull (find_row_with (goals, "Cel numer 13"));
  g_assert_nonnull (find_row_with (closing, "Show All 13"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
}

#ifdef GDK_WINDOWING_X11
/* The largest rectangle the X server saw drawn in the window (XDamage, reached through GTK's own
 * copy of libXdamage, so that the test links nothing more). */
typedef struct
{
  int    event_base;
  double largest;
} Drawn;

static void
on_xevent_cb (GdkX11Display *display,
              XEvent        *xevent,
              Drawn         *damage)
{
  if (xevent->type == damage->event_base + XDamageNotify)
    {
      XDamageNotifyEvent *e = (XDamageNotifyEvent *) xevent;

      damage->largest = MAX (damage->largest, (double) e->area.width * e->area.height);
    }
}

static gint64
make_long_plan (ReiStore   *store,
                const char *first_name,
                const char *pesel,
                const char *goal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) r = rei_test_resident_new (first_name, "Łuczyńska", pesel);
  gint64 id;

  rei_resident_set (r, REI_RESIDENT_ADMISSION_DATE, "2024-01-08");
  g_assert_true (rei_store_save_resident (store, r, &error));
  id = rei_store_create_plan (store, rei_resident_get_id (r), NULL, "2024-01-15", &error);
  for (int i = 1; i <= 40; i++)
    {
      g_autoptr(ReiPlanGoal) g = rei_plan_goal_new ();

      g->title = g_strdup_printf ("Cel %d: %s", i, goal);
      g->criterion = g_strdup_printf ("%s, zaświadczenie %d", goal, i);
      g_assert_true (rei_store_save_goal (store, id, g, &error));
    }
  return id;
}
#endif

/* Showing another plan of the same shape changes nothing big on screen, and nothing big is drawn
 * again: GTK 4.8 used to add up the frames' changes below the fold and, past 30 rectangles,
 * repaint the whole page in one frame. */
static void
test_plans_no_repaint (void)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(GError) error = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  Bool (*query) (Display *, int *, int *) = dlsym (RTLD_DEFAULT, "XDamageQueryExtension");
  Damage (*create) (Display *, Drawable, int) = dlsym (RTLD_DEFAULT, "XDamageCreate");
  gint64 ids[2];
  gboolean loaded = FALSE;
  GtkWidget *window, *view;
  Drawn damage = { 0 };
  int error_base;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || query == NULL || create == NULL
      || !query (gdk_x11_display_get_xdisplay (gdk_display_get_default ()), &damage.event_base, &error_base))
    {
      g_test_skip ("no X server with the DAMAGE extension");
      rei_test_tmpdir_free (dir);
      return;
    }
  ids[0] = make_long_plan (store, "Jadwiga", "85071512348", "ukończyć etap ścieżki reintegracji");
  ids[1] = make_long_plan (store, "Zdzisława", "90010112349", "znaleźć zatrudnienie wspierane");
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  view = rei_plan_view_new (store);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  rei_window_test_wait_for_frame (window);
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_cb), &loaded);
  rei_plan_view_set_plan (REI_PLAN_VIEW (view), ids[0]);
  rei_window_test_wait_until (rei_window_test_is_true, &loaded, "the first plan");
  rei_window_test_wait_for_frame (window);

  create (gdk_x11_display_get_xdisplay (gdk_display_get_default ()),
          gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))), XDamageReportRawRectangles);
  /* A new damage object reports the whole window once. */
  gdk_display_sync (gdk_display_get_default ());
  rei_window_test_wait_for_frame (window);
  g_signal_connect (gdk_display_get_default (), "xevent", G_CALLBACK (on_xevent_cb), &damage);
  for (int round = 1; round <= 2; round++)
    {
      loaded = FALSE;
      rei_plan_view_set_plan (REI_PLAN_VIEW (view), ids[round % 2]);
      rei_window_test_wait_until (rei_window_test_is_true, &loaded, "the other plan");
      rei_window_test_wait_for_frame (window);
      gdk_display_sync (gdk_display_get_default ());
      rei_window_test_wait_for_frame (window);
    }
  g_signal_handlers_disconnect_by_func (gdk_display_get_default (), on_xevent_cb, &damage);
  g_test_message ("largest rectangle drawn: %.0f%% of the window", damage.largest * 100 / (1280.0 * 900));
  g_assert_cmpfloat (damage.largest, <, 0.2 * 1280 * 900);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  rei_test_tmpdir_free (dir);
#else
  g_test_skip ("no X11 backend");
#endif
}

int
main (int   argc,
      char *argv[])
{
  int status = rei_window_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add_func ("/window-plans/round", test_plans_view);
  g_test_add_func ("/window-plans/window", test_plans_window);
  g_test_add_func ("/window-plans/long", test_plans_long);
  g_test_add_func ("/window-plans/no-repaint", test_plans_no_repaint);
  return g_test_run ();
}

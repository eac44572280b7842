/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rei-demo.h"
#include "rei-plan-view.h"
#include "rei-potential-profile.h"
#include "rei-store-plans.h"
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
  click_and_wait (find_button (view, "_Add Goal"), &loaded, "the goal");
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

  /* Print to PDF through GtkPrintOperation and the core's drawing. */
  rei_plan_view_set_export_filename (REI_PLAN_VIEW (view), pdf);
  g_signal_emit_by_name (find_button (view, "_Print…"), "clicked");
  g_assert_true (g_file_get_contents (pdf, &contents, &len, &error));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  rei_window_test_wait_for_frame (window);
  rei_window_test_save_png (window, "window-plans");

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

int
main (int   argc,
      char *argv[])
{
  int status = rei_window_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add_func ("/window-plans/round", test_plans_view);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/reports/report-fixture.h"
#include "rei-code-combo-row.h"
#include "rei-indicator-defs-pane.h"
#include "rei-money.h"
#include "rei-report-rules.h"
#include "rei-reports-view.h"
#include "rei-store-network.h"
#include "rei-store-residents.h"
#include "rei-window-private.h"
#include "test-util.h"
#include "window-test-util.h"

/* Editing on the reports page, driven through its actions and widgets as a coordinator would:
 * a project made with a partner and a task, a resident found by name and enrolled (the form
 * refusing a date outside the period with the import's sentence) and `uczestnicy_k` following;
 * a threshold changed (the project's own, then the definition's) and "met" turning to "not met";
 * a new funder's definition added; funding added with the year's shares; deletes asked first. */

static gboolean
view_is_idle (gpointer data)
{
  return !rei_reports_view_get_busy (REI_REPORTS_VIEW (data));
}

static gboolean
section_is_idle (gpointer data)
{
  return !rei_enrolment_section_get_busy (REI_ENROLMENT_SECTION (data));
}

/* A template child by its id in the .ui, below root. */
static GtkWidget *
find_id (GtkWidget  *root,
         const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_id (c, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_into (GtkWidget  *root,
           const char *id,
           const char *text)
{
  GtkWidget *row = find_id (root, id);

  if (row == NULL)
    g_error ("no %s", id);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkListBoxRow *
row_with_title (GtkListBox *list,
                const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_PREFERENCES_ROW (c) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
      return GTK_LIST_BOX_ROW (c);
  return NULL;
}

/* Whether a label under @widget wraps: the panes' list rows keep to a line (measuring wrapping
 * labels was most of a pane's first frame). */
static gboolean
any_label_wraps (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (any_label_wraps (c))
      return TRUE;
  return FALSE;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
answer_dialog (ReiWindow  *window,
               const char *response)
{
  AdwMessageDialog *dialog = rei_window_test_find_message_dialog (GTK_WINDOW (window));

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
on_settled_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A picture after the switcher's and the rows' transitions have ended. */
static void
save_settled (GtkWidget  *widget,
              const char *name)
{
  gboolean settled = FALSE;

  g_timeout_add (400, on_settled_cb, &settled);
  rei_window_test_wait_until (rei_window_test_is_true, &settled, "the transitions");
  rei_window_test_wait_for_frame (widget);
  rei_window_test_save_png (widget, name);
}

static const ReiReportIndicator *
shown (ReiReportsView *view,
       const char     *code)
{
  const ReiReport *report = rei_reports_view_get_report (view);

  g_assert_nonnull (report);
  return rei_report_lookup (report, code);
}

static void
test_window_reports_edit (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) zofia = rei_test_resident_new ("Zofia", "Testowa", NULL);
  g_autoptr(ReiProject) nowa = NULL;
  g_autoptr(ReiProject) stored = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiEnrolment) outside = rei_enrolment_new ();
  g_autoptr(GError) rule = NULL;
  g_autofree char *value_text = NULL;
  ReiReportsView *view;
  ReiProjectsPane *projects;
  ReiProjectEditor *editor;
  ReiEnrolmentSection *section;
  ReiIndicatorDefsPane *defs;
  ReiFundingPane *funding;
  ReiWindow *window;
  GtkWidget *check;
  GtkWidget *dropdown;
  GtkListBoxRow *row;
  gint64 project_id;
  const char *subtitle;

  nowa = fill_nowa_szansa (store);
  g_assert_cmpint (rei_store_ensure_partner (store, "MOPS Krasnystaw", "B", &error), >, 0);
  /* A woman without a PESEL (a foreigner): found by her name. */
  rei_resident_set (zofia, REI_RESIDENT_SEX, "K");
  rei_resident_set (zofia, REI_RESIDENT_BIRTH_DATE, "1990-05-05");
  rei_resident_set (zofia, REI_RESIDENT_ADMISSION_DATE, "2025-01-10");
  g_assert_true (rei_store_save_resident (store, zofia, &error));
  g_assert_no_error (error);

  window = rei_window_test_show (store, 1280, 900);
  rei_window_show_reports (window);
  view = rei_window_get_reports_view (window);
  rei_window_test_wait_until (view_is_idle, view, "the year's indicators");

  /* -------- A project, made in the form. -------- */
  rei_reports_view_show_page (view, "projects");
  projects = rei_reports_view_get_projects_pane (view);
  editor = rei_projects_pane_get_editor (projects);
  section = rei_projects_pane_get_enrolments (projects);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects), "projects.new", NULL));
  type_into (GTK_WIDGET (editor), "code_row", "FEPL.06.12-IP.01-0001/25");
  type_into (GTK_WIDGET (editor), "title_row", "Aktywni razem");
  type_into (GTK_WIDGET (editor), "programme_row", "FEnL 2021–2027");
  type_into (GTK_WIDGET (editor), "applicant_row", "Gmina Krasnystaw");
  type_into (GTK_WIDGET (editor), "start_row", "01.01.2025");
  type_into (GTK_WIDGET (editor), "end_row", "31.12.2026");
  type_into (GTK_WIDGET (editor), "women_row", "1");
  type_into (GTK_WIDGET (editor), "men_row", "1");
  type_into (GTK_WIDGET (editor), "value_row", "1 025 436,17");
  type_into (GTK_WIDGET (editor), "grant_row", "1.025.436,18");

  /* The partner from the network, and a task it does. */
  /* Its check is made when the expander is opened, not with the form (a collapsed expander's
   * rows are measured and laid out all the same). */
  g_assert_null (rei_window_test_find_of_type (find_id (GTK_WIDGET (editor), "partners_row"), GTK_TYPE_CHECK_BUTTON));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_id (GTK_WIDGET (editor), "partners_row"))),
                   ==, _("None chosen"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_id (GTK_WIDGET (editor), "partners_row")), TRUE);
  check = rei_window_test_find_of_type (find_id (GTK_WIDGET (editor), "partners_row"), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_false (any_label_wraps (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "project.add-task", NULL));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_id (GTK_WIDGET (editor), "tasks_list")), 0);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Reintegracja społeczna");
  dropdown = rei_window_test_find_of_type (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);

  /* The grant above the value: the core's rule, nothing saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "project.save", NULL));
  g_assert_cmpint (rei_project_editor_get_project_id (editor), ==, 0);
  g_assert_nonnull (rei_project_editor_get_message (editor));
  g_assert_null (rei_store_get_project (store, "FEPL.06.12-IP.01-0001/25", NULL));
  type_into (GTK_WIDGET (editor), "grant_row", "973.852,17");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "project.save", NULL));
  g_assert_null (rei_project_editor_get_message (editor));
  project_id = rei_project_editor_get_project_id (editor);
  g_assert_cmpint (project_id, >, 0);

  stored = rei_store_get_project (store, "FEPL.06.12-IP.01-0001/25", &error);
  g_assert_nonnull (stored);
  g_assert_cmpint (stored->total_value, ==, 102543617);
  g_assert_cmpint (stored->grant_value, ==, 97385217);
  g_assert_cmpstr (stored->start_date, ==, "2025-01-01");
  g_assert_cmpstr (stored->partners[0], ==, "MOPS Krasnystaw");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_id (GTK_WIDGET (editor), "partners_row"))),
                   ==, "MOPS Krasnystaw");
  tasks = rei_store_list_project_tasks (store, project_id, &error);
  g_assert_cmpuint (tasks->len, ==, 1);
  g_assert_cmpstr (((ReiProjectTask *) tasks->pdata[0])->partner, ==, "MOPS Krasnystaw");
  /* Shown again as money is written. */
  value_text = rei_money_format (102543617);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_id (GTK_WIDGET (editor), "value_row"))), ==, value_text);
  row = row_with_title (rei_projects_pane_get_list (projects), "Aktywni razem");
  g_assert_nonnull (row);
  g_assert_false (any_label_wraps (GTK_WIDGET (row)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, "Aktywni razem");

  /* The page's choice of scopes knows it at once. */
  rei_window_test_wait_until (view_is_idle, view, "the scopes");
  g_assert_true (rei_reports_view_select_scope (view, "projekt:FEPL.06.12-IP.01-0001/25"));
  rei_window_test_wait_until (view_is_idle, view, "the new project's indicators");
  g_assert_cmpuint (shown (view, "uczestnicy_k")->numerator, ==, 0);
  g_assert_false (rei_report_indicator_met (shown (view, "uczestnicy_k")));

  /* -------- A participant, found by name and enrolled. -------- */
  rei_window_test_wait_until (section_is_idle, section, "the participants");
  g_assert_cmpuint (rei_enrolment_section_get_enrolments (section)->len, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "enrolment.new", NULL));
  type_into (GTK_WIDGET (section), "search_row", "testowa");
  rei_window_test_wait_until (section_is_idle, section, "the search");
  row = row_with_title (rei_enrolment_section_get_results (section), "Testowa Zofia");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));

  /* A day before the project: the import's rule and sentence. */
  outside->joined_on = g_strdup ("2024-12-31");
  g_assert_false (rei_enrolment_check (outside, stored, &rule));
  type_into (GTK_WIDGET (section), "joined_row", "31.12.2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "enrolment.save", NULL));
  g_assert_cmpstr (rei_enrolment_section_get_message (section), ==, rule->message);

  type_into (GTK_WIDGET (section), "joined_row", "01.01.2025");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "enrolment.save", NULL));
  g_assert_null (rei_enrolment_section_get_message (section));
  rei_window_test_wait_until (section_is_idle, section, "the participants again");
  g_assert_cmpuint (rei_enrolment_section_get_enrolments (section)->len, ==, 1);
  rei_window_test_wait_until (view_is_idle, view, "the indicators after the enrolment");
  g_assert_cmpuint (shown (view, "uczestnicy_k")->numerator, ==, 1);
  g_assert_cmpuint (shown (view, "uczestnicy_k")->denominator, ==, 1);
  g_assert_true (rei_report_indicator_met (shown (view, "uczestnicy_k")));

  /* Enrolled once: a second enrolment of hers is refused, not a quiet replacement. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "enrolment.new", NULL));
  type_into (GTK_WIDGET (section), "search_row", "Zofia");
  rei_window_test_wait_until (section_is_idle, section, "the second search");
  g_assert_true (rei_enrolment_section_choose (section, rei_resident_get_id (zofia)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "enrolment.save", NULL));
  g_assert_nonnull (rei_enrolment_section_get_message (section));
  g_assert_cmpuint (rei_enrolment_section_get_enrolments (section)->len, ==, 1);

  save_settled (GTK_WIDGET (window), "window-reports-projects");
  g_assert_true (rei_enrolment_section_edit (section, rei_resident_get_id (zofia)));
  save_settled (GTK_WIDGET (section), "window-reports-participants");

  /* -------- The project's own threshold: met becomes not met for it only. -------- */
  rei_project_editor_set_threshold_text (editor, "uczestnicy_k", "abc");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "project.save", NULL));
  g_assert_nonnull (rei_project_editor_get_message (editor));  /* not a percentage, nothing saved */
  rei_project_editor_set_threshold_text (editor, "uczestnicy_k", "150");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "project.save", NULL));
  g_assert_null (rei_project_editor_get_message (editor));
  {
    g_autoptr(GHashTable) own = rei_store_get_project_thresholds (store, project_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (own), ==, 1);
    g_assert_cmpfloat (*(double *) g_hash_table_lookup (own, "uczestnicy_k"), ==, 150);
  }
  rei_window_test_wait_until (view_is_idle, view, "the indicators after the project's threshold");
  g_assert_cmpuint (shown (view, "uczestnicy_k")->numerator, ==, 1);
  g_assert_cmpfloat (shown (view, "uczestnicy_k")->def->threshold, ==, 150);
  g_assert_false (rei_report_indicator_met (shown (view, "uczestnicy_k")));
  /* Shown again as stored, in its row. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (
                     GTK_LIST_BOX (find_id (GTK_WIDGET (editor), "thresholds_list")), 0))), ==, "150");
  save_settled (GTK_WIDGET (editor), "window-reports-project-thresholds");
  /* Emptied: the definition's 100 % again. */
  rei_project_editor_set_threshold_text (editor, "uczestnicy_k", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "project.save", NULL));
  rei_window_test_wait_until (view_is_idle, view, "the indicators without the project's threshold");
  g_assert_cmpfloat (shown (view, "uczestnicy_k")->def->threshold, ==, 100);
  g_assert_true (rei_report_indicator_met (shown (view, "uczestnicy_k")));

  /* -------- A threshold changed: met becomes not met. -------- */
  rei_reports_view_show_page (view, "definitions");
  defs = rei_reports_view_get_definitions_pane (view);
  g_assert_false (any_label_wraps (GTK_WIDGET (rei_indicator_defs_pane_get_list (defs))));
  g_assert_true (rei_indicator_defs_pane_edit (defs, "uczestnicy_k"));
  type_into (GTK_WIDGET (defs), "threshold_row", "150");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (defs), "definitions.save", NULL));
  g_assert_null (rei_indicator_defs_pane_get_message (defs));
  rei_window_test_wait_until (view_is_idle, view, "the indicators after the threshold");
  g_assert_cmpuint (shown (view, "uczestnicy_k")->numerator, ==, 1);
  g_assert_false (rei_report_indicator_met (shown (view, "uczestnicy_k")));

  /* A new funder's definition, no code written: those working after leaving, at least 40 %. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (defs), "definitions.new", NULL));
  type_into (GTK_WIDGET (defs), "code_row", "Pracujący");
  type_into (GTK_WIDGET (defs), "label_row", "Pracujący po wyjściu");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (defs), "definitions.save", NULL));
  g_assert_nonnull (rei_indicator_defs_pane_get_message (defs));  /* not a plain code */
  type_into (GTK_WIDGET (defs), "code_row", "pracujacy_po");
  g_assert_null (rei_window_test_find_of_type (find_id (GTK_WIDGET (defs), "statuses_row"), GTK_TYPE_CHECK_BUTTON));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_id (GTK_WIDGET (defs), "statuses_row")), TRUE);
  check = rei_window_test_find_of_type (find_id (GTK_WIDGET (defs), "statuses_row"), GTK_TYPE_CHECK_BUTTON);  /* pracujacy, first */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  type_into (GTK_WIDGET (defs), "threshold_row", "40");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (defs), "definitions.save", NULL));
  g_assert_null (rei_indicator_defs_pane_get_message (defs));
  g_assert_true (rei_reports_view_select_scope (view, "projekt:RPLU.11.01.00-06-0001/17"));
  rei_window_test_wait_until (view_is_idle, view, "the new definition");
  /* Of 55 who ended, 14 + 3 working. */
  g_assert_cmpuint (shown (view, "pracujacy_po")->numerator, ==, 17);
  g_assert_cmpuint (shown (view, "pracujacy_po")->denominator, ==, 55);
  g_assert_false (rei_report_indicator_met (shown (view, "pracujacy_po")));
  save_settled (GTK_WIDGET (window), "window-reports-definitions");

  /* -------- Funding of 2019 and its shares. -------- */
  rei_reports_view_show_page (view, "funding");
  funding = rei_reports_view_get_funding_pane (view);
  rei_funding_pane_set_year (funding, 2019);
  rei_code_combo_row_set_code (REI_CODE_COMBO_ROW (find_id (GTK_WIDGET (funding), "source_row")), "budzet_miasta");
  rei_code_combo_row_set_code (REI_CODE_COMBO_ROW (find_id (GTK_WIDGET (funding), "kind_row")), "wykonanie");
  type_into (GTK_WIDGET (funding), "amount_row", "520 000,00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (funding), "funding.save", NULL));
  rei_code_combo_row_set_code (REI_CODE_COMBO_ROW (find_id (GTK_WIDGET (funding), "source_row")), "efs");
  type_into (GTK_WIDGET (funding), "amount_row", "480.000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (funding), "funding.save", NULL));
  g_assert_nonnull (rei_funding_pane_get_message (funding));  /* "480.000" is ambiguous */
  type_into (GTK_WIDGET (funding), "amount_row", "480.000,00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (funding), "funding.save", NULL));
  g_assert_null (rei_funding_pane_get_message (funding));
  row = row_with_title (rei_funding_pane_get_executed_list (funding), "Budżet miasta");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (g_str_has_prefix (subtitle, "520"));
  g_assert_true (strstr (subtitle, "52.0 %") != NULL || strstr (subtitle, "52,0 %") != NULL);
  save_settled (GTK_WIDGET (window), "window-reports-funding");

  /* Deleted after a question: the city is then the whole year. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (funding), "funding.delete", "s", "efs:wykonanie"));
  answer_dialog (window, "delete");
  g_assert_cmpuint (count_rows (rei_funding_pane_get_executed_list (funding)), ==, 1);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row_with_title (rei_funding_pane_get_executed_list (funding),
                                                                          "Budżet miasta")));
  g_assert_true (strstr (subtitle, "100.0 %") != NULL || strstr (subtitle, "100,0 %") != NULL);

  /* -------- The project deleted, after a question; Cancel first. -------- */
  rei_reports_view_show_page (view, "projects");
  g_assert_true (rei_projects_pane_select (projects, project_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "project.delete", NULL));
  answer_dialog (window, "cancel");
  g_assert_nonnull (rei_store_get_project (store, "FEPL.06.12-IP.01-0001/25", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "project.delete", NULL));
  answer_dialog (window, "delete");
  g_assert_null (rei_store_get_project (store, "FEPL.06.12-IP.01-0001/25", NULL));
  g_assert_null (row_with_title (rei_projects_pane_get_list (projects), "Aktywni razem"));
  rei_window_test_wait_until (view_is_idle, view, "the scopes after the delete");
  g_assert_false (rei_reports_view_select_scope (view, "projekt:FEPL.06.12-IP.01-0001/25"));
  /* Zofia stays in the register. */
  g_assert_cmpint (rei_store_count_residents (store, NULL), >, 60);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The check buttons made under widget. */
static guint
count_checks (GtkWidget *widget)
{
  guint n = GTK_IS_CHECK_BUTTON (widget) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_checks (c);
  return n;
}

/* Given another store (a restore gives the restored register), the definitions' status choices
 * are that store's, not the first one's. */
static void
test_definitions_new_store (void)
{
  g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();
  g_autoptr (ReiTestTmpdir) dir2 = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) first = rei_test_store_new (dir);
  g_autoptr(ReiStore) second = rei_test_store_new (dir2);
  g_auto(GStrv) statuses = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ReiIndicatorDefsPane *defs = g_object_new (REI_TYPE_INDICATOR_DEFS_PANE, NULL);
  GtkWidget *row;

  rei_test_exec_raw (rei_store_get_path (second),
                     "INSERT INTO status_after (code, label, position) VALUES ('wolontariat', 'Wolontariat', 99)");
  statuses = rei_store_list_statuses_after (second, NULL);
  gtk_window_set_child (window, GTK_WIDGET (defs));
  gtk_window_present (window);
  rei_indicator_defs_pane_set_store (defs, first);
  rei_indicator_defs_pane_set_store (defs, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (defs), "definitions.new", NULL));
  row = find_id (GTK_WIDGET (defs), "statuses_row");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_cmpuint (count_checks (row), ==, g_strv_length (statuses) / 2);
  gtk_window_destroy (window);
}

int
main (int argc, char **argv)
{
  int status = rei_window_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add_func ("/window/reports-edit", test_window_reports_edit);
  g_test_add_func ("/window/reports-edit/definitions-new-store", test_definitions_new_store);
  return g_test_run ();
}

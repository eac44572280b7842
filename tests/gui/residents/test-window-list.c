/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The residents list of the window: search, Polish sort, every filter, the status column and the
 * export of the filtered list, driven through the real widgets under Xvfb.  Run in Polish
 * (LANGUAGE=pl): the status column is checked against the words a clerk reads. */
#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "rei-date.h"
#include "rei-demo.h"
#include "rei-resident-list.h"
#include "rei-store-residents.h"
#include "rei-window-private.h"
#include "test-util.h"
#include "window-test-util.h"


/* The fixture, in the order ICU's Polish rules give.  C's byte order would put Mak before
 * Łukasik and Tomczak before Śliwa; folding the diacritics away would put Bąk before Bal. */
typedef struct
{
  const char *surname;
  const char *first_name;
  /* ISO dates; "-Nd" is N days before today, "-Nm+Dd" N months and D days after that; NULL. */
  const char *admission;
  const char *end;
  const char *end_reason;
  const char *workshop;
  const char *categories;   /* codes, '|'-separated */
  const char *project;
  const char *status;       /* as the Polish list shows it */
  const char *warning;      /* the style class of the status cell, or NULL */
} Person;

static const Person people[] = {
  { "Bak", "Jan", "2019-02-01", "2020-01-31", "ukonczenie", "Stolarski", "bezdomnosc",
    "Projekt A", "Zakończony", NULL },
  { "Bal", "Piotr", "2021-05-10", "2022-03-15", "rezygnacja", "Gastronomiczny",
    "uzaleznienie_alkohol", "Projekt B", "Zakończony", NULL },
  { "Bąk", "Anna", "-10d", NULL, NULL, "Stolarski", "bezrobocie_dlugotrwale", "Projekt A",
    "Okres próbny", NULL },
  { "Cichy", "Marek", NULL, NULL, NULL, NULL, "niepelnosprawnosc", NULL, "Kandydat", NULL },
  { "Ćwik", "Aleksandra", "2020-03-01", NULL, NULL, "Gastronomiczny",
    "bezdomnosc|uzaleznienie_alkohol", "Projekt B", "Uczestnik", "error" },
  { "Lis", "Adam", "-13m+10d", NULL, NULL, "Stolarski", "bezrobocie_dlugotrwale", NULL,
    "Uczestnik", "warning" },
  { "Łukasik", "Ewa", "2019-06-03", "2020-06-30", "ukonczenie", "Gastronomiczny", "bezdomnosc",
    "Projekt A", "Zakończony", NULL },
  { "Mak", "Zofia", "-60d", NULL, NULL, "Stolarski", "niepelnosprawnosc", "Projekt B",
    "Uczestnik", NULL },
  { "Sowa", "Maria", "2022-01-10", "2022-12-20", "skreslenie", "Stolarski",
    "uzaleznienie_alkohol", NULL, "Zakończony", NULL },
  { "Śliwa", "Tomasz", NULL, NULL, NULL, "Gastronomiczny", "bezdomnosc", NULL, "Kandydat", NULL },
  { "Tomczak", "Józef", "2021-09-01", "2022-09-30", "ukonczenie", NULL, "bezrobocie_dlugotrwale",
    "Projekt A", "Zakończony", NULL },
  { "Zając", "Ignacy", "-5d", NULL, NULL, "Gastronomiczny", "niepelnosprawnosc", NULL,
    "Okres próbny", NULL },
  { "Źrebiec", "Kamil", "2019-11-04", "2021-01-15", "inny", "Stolarski",
    "uzaleznienie_alkohol|niepelnosprawnosc", "Projekt B", "Zakończony", NULL },
  { "Żak", "Łucja", "2020-07-01", "2021-07-31", "ukonczenie", "Gastronomiczny", "bezdomnosc",
    "Projekt A", "Zakończony", NULL },
};

static ReiResidentView *
view_of (ReiWindow *window)
{
  return rei_window_get_resident_view (window);
}

static void
wait_for_list (ReiWindow *window)
{
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list");
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
}

/* "-10d", "-13m+10d" or an ISO date, as of today. */
static char *
fixture_date (const char *spec)
{
  g_autofree char *today = rei_date_today_iso ();
  GDate date;
  int months = 0;
  int days = 0;

  if (spec == NULL)
    return NULL;
  if (spec[0] != '-')
    return g_strdup (spec);

  g_assert_true (rei_date_iso_to_gdate (today, &date));
  if (strchr (spec, 'm') != NULL)
    {
      g_assert_cmpint (sscanf (spec, "-%dm+%dd", &months, &days), ==, 2);
    }
  else
    {
      g_assert_cmpint (sscanf (spec, "-%dd", &days), ==, 1);
      days = -days;
    }
  g_date_subtract_months (&date, months);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return rei_date_to_iso (&date);
}

/* Born later the further down the fixture, so that the order by PESEL is the reverse of the
 * order by name. */
static char *
person_pesel (guint i)
{
  return rei_test_pesel (1990 - (int) i, 1 + i % 12, 1 + i, i, i % 2 ? 'M' : 'K');
}

static ReiStore *
fixture_store (const char *dir)
{
  ReiStore *store = rei_test_store_new (dir);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const Person *p = &people[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *pesel = person_pesel (i);
      g_autoptr(ReiResident) resident = rei_test_resident_new (p->first_name, p->surname, pesel);
      g_autofree char *admission = fixture_date (p->admission);
      g_auto(GStrv) categories = g_strsplit (p->categories, "|", -1);

      rei_resident_set (resident, REI_RESIDENT_ADMISSION_DATE, admission);
      rei_resident_set (resident, REI_RESIDENT_END_DATE, p->end);
      rei_resident_set (resident, REI_RESIDENT_END_REASON, p->end_reason);
      rei_resident_set (resident, REI_RESIDENT_WORKSHOP, p->workshop);
      rei_resident_set_categories (resident, (const char * const *) categories);
      if (p->project != NULL)
        {
          const char *projects[] = { p->project, NULL };

          g_assert_cmpint (rei_store_ensure_project (store, p->project, &error), >, 0);
          g_assert_no_error (error);
          rei_resident_set_projects (resident, projects);
        }
      g_assert_true (rei_store_save_resident (store, resident, &error));
      g_assert_no_error (error);
    }
  return store;
}

static const Person *
find_person (const char *surname)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (g_strcmp0 (people[i].surname, surname) == 0)
      return &people[i];
  g_assert_not_reached ();
}

/* The surnames of the list model, in order, comma-separated. */
static char *
list_surnames (ReiWindow *window)
{
  GListModel *model = G_LIST_MODEL (rei_resident_view_get_list (view_of (window)));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ReiResidentRow) row = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (names, ',');
      g_string_append (names, rei_resident_get_surname (rei_resident_row_get_resident (row)));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The fixture's surnames for which keep() holds, in fixture (Polish) order. */
static char *
expected_surnames (gboolean (*keep) (const Person *p))
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      if (!keep (&people[i]))
        continue;
      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, people[i].surname);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean keep_all (const Person *p) { return TRUE; }
static gboolean keep_trial (const Person *p) { return g_str_equal (p->status, "Okres próbny"); }
static gboolean keep_ended (const Person *p) { return g_str_equal (p->status, "Zakończony"); }
static gboolean keep_candidate (const Person *p) { return g_str_equal (p->status, "Kandydat"); }
static gboolean keep_participant (const Person *p) { return g_str_equal (p->status, "Uczestnik"); }

static gboolean
keep_homeless (const Person *p)
{
  g_auto(GStrv) codes = g_strsplit (p->categories, "|", -1);

  return g_strv_contains ((const char * const *) codes, "bezdomnosc");
}

static gboolean keep_stolarski (const Person *p) { return g_strcmp0 (p->workshop, "Stolarski") == 0; }
static gboolean keep_project_b (const Person *p) { return g_strcmp0 (p->project, "Projekt B") == 0; }
static gboolean keep_admitted_2019 (const Person *p) { return p->admission != NULL && g_str_has_prefix (p->admission, "2019-"); }
static gboolean keep_ended_2022 (const Person *p) { return p->end != NULL && g_str_has_prefix (p->end, "2022-"); }
static gboolean keep_ended_stolarski (const Person *p) { return keep_ended (p) && keep_stolarski (p); }

/* Chooses the entry of a filter that reads label, and waits for the list. */
static void
choose (ReiWindow             *window,
        ReiResidentFilter      filter,
        const char            *label)
{
  GtkDropDown *drop_down = rei_resident_view_get_filter (view_of (window), filter);
  GListModel *choices = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (gtk_string_object_get_string (choice), label) == 0)
        {
          gtk_drop_down_set_selected (drop_down, i);
          wait_for_list (window);
          return;
        }
    }
  g_error ("No choice \"%s\" in filter %d", label, filter);
}

static void
assert_filter (ReiWindow             *window,
               ReiResidentFilter      filter,
               const char            *label,
               gboolean             (*keep) (const Person *p))
{
  g_autofree char *expected = expected_surnames (keep);
  g_autofree char *shown = NULL;

  choose (window, filter, label);
  shown = list_surnames (window);
  g_assert_cmpstr (shown, ==, expected);
  rei_resident_view_clear_filters (view_of (window));
  wait_for_list (window);
}

/* What the rows on screen show: for each mapped row, its surname and status cells. */
static guint
check_status_cells (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
    {
      GtkWidget *surname = rei_window_test_find_with_class (widget, "rei-surname");
      GtkWidget *status = rei_window_test_find_with_class (widget, "rei-status");
      const Person *p;

      if (surname == NULL || status == NULL)
        return 0;
      p = find_person (gtk_inscription_get_text (GTK_INSCRIPTION (surname)));
      g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (status)), ==, p->status);

      /* The warning sign of a participation near or past its limit (drawn by the style of
       * these classes), with a tooltip saying how many days, and only there. */
      g_assert_cmpint (gtk_widget_has_css_class (status, "warning"), ==,
                       g_strcmp0 (p->warning, "warning") == 0);
      g_assert_cmpint (gtk_widget_has_css_class (status, "error"), ==,
                       g_strcmp0 (p->warning, "error") == 0);
      g_assert_cmpint (gtk_widget_get_has_tooltip (status), ==, p->warning != NULL);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_status_cells (child);
  return n;
}

static gboolean
export_bar_is_hidden (gpointer data)
{
  GtkWidget *bar = rei_window_test_find_with_class (GTK_WIDGET (data), "rei-job-bar");

  return bar != NULL && !gtk_widget_get_mapped (bar);
}

static gboolean
export_is_done (gpointer data)
{
  return !rei_resident_view_get_exporting (REI_RESIDENT_VIEW (data));
}

/* The PESELs of sheet "Uczestnicy", read back with openpyxl (Debian's python3), sorted. */
static char *
read_exported_pesels (const char *path)
{
  static const char script[] =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1], read_only=True)['Uczestnicy']\n"
    "rows = list(ws.iter_rows(values_only=True))\n"
    "i = list(rows[0]).index('PESEL')\n"
    "print(','.join(sorted(str(r[i]) for r in rows[1:] if any(v is not None for v in r))))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  return g_strdup (g_strstrip (out));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
expected_pesels (gboolean (*keep) (const Person *p))
{
  g_autoptr(GPtrArray) pesels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (keep (&people[i]))
      g_ptr_array_add (pesels, person_pesel (i));
  g_ptr_array_sort (pesels, compare_strings);
  g_ptr_array_add (pesels, NULL);
  return g_strjoinv (",", (char **) pesels->pdata);
}

static void
test_list_fixture (void)
{
  g_autoptr(ReiStore) store = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autofree char *all = expected_surnames (keep_all);
  ReiResidentView *view;
  GtkColumnView *column_view;
  ReiWindow *window;

  store = fixture_store (dir);
  window = rei_window_test_show (store, 1280, 760);
  view = view_of (window);
  column_view = rei_resident_view_get_column_view (view);

  /* The columns a clerk asked for, in this order (through the catalogue: the titles new with
   * the list reach pl.po only when the translations are merged). */
  {
    const char *titles[] = {
      C_("column", "Surname"), C_("column", "First Name"), C_("column", "PESEL"),
      C_("column", "Status"), C_("column", "Days in Programme"), C_("column", "Workshop"),
      C_("column", "Categories"), C_("column", "Project"),
    };
    GListModel *columns = gtk_column_view_get_columns (column_view);

    g_assert_cmpstr (titles[0], ==, "Nazwisko");
    g_assert_cmpstr (titles[5], ==, "Warsztat");
    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (titles));
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
      }
  }

  /* Polish alphabetical order by surname, and its reverse. */
  {
    g_autofree char *shown = list_surnames (window);
    g_autoptr(GtkColumnViewColumn) surname_column =
      g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
    g_autoptr(GtkColumnViewColumn) pesel_column =
      g_list_model_get_item (gtk_column_view_get_columns (column_view), 2);
    g_autofree char *descending = NULL;
    g_auto(GStrv) names = g_strsplit (all, ",", -1);
    g_autoptr(GString) reversed = g_string_new (NULL);

    g_assert_cmpstr (shown, ==,
                     "Bak,Bal,Bąk,Cichy,Ćwik,Lis,Łukasik,Mak,Sowa,Śliwa,Tomczak,Zając,Źrebiec,Żak");
    g_assert_cmpstr (shown, ==, all);

    gtk_column_view_sort_by_column (column_view, pesel_column, GTK_SORT_ASCENDING);
    wait_for_list (window);
    g_clear_pointer (&shown, g_free);
    shown = list_surnames (window);
    g_assert_cmpstr (shown, !=, all);

    gtk_column_view_sort_by_column (column_view, surname_column, GTK_SORT_DESCENDING);
    wait_for_list (window);
    for (int i = (int) g_strv_length (names) - 1; i >= 0; i--)
      g_string_append_printf (reversed, "%s%s", names[i], i > 0 ? "," : "");
    descending = list_surnames (window);
    g_assert_cmpstr (descending, ==, reversed->str);

    gtk_column_view_sort_by_column (column_view, surname_column, GTK_SORT_ASCENDING);
    wait_for_list (window);
  }

  /* Every other column sorts in the store too, each to an order of its own. */
  {
    GListModel *columns = gtk_column_view_get_columns (column_view);
    ReiResidentList *list = rei_resident_view_get_list (view);
    static const ReiResidentSort sorts[] = {
      REI_RESIDENT_SORT_NAME, REI_RESIDENT_SORT_FIRST_NAME, REI_RESIDENT_SORT_PESEL,
      REI_RESIDENT_SORT_STATUS, REI_RESIDENT_SORT_DAYS, REI_RESIDENT_SORT_WORKSHOP,
      REI_RESIDENT_SORT_CATEGORY, REI_RESIDENT_SORT_PROJECT,
    };

    for (guint i = 1; i < G_N_ELEMENTS (sorts); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        g_autofree char *shown = NULL;

        gtk_column_view_sort_by_column (column_view, column, GTK_SORT_ASCENDING);
        wait_for_list (window);
        g_assert_cmpint (rei_resident_list_get_query (list)->sort, ==, sorts[i]);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                          G_N_ELEMENTS (people));
        shown = list_surnames (window);
        g_assert_cmpstr (shown, !=, all);
      }

    /* Status in the order of the lifecycle: candidates first, the ended last. */
    {
      g_autoptr(GtkColumnViewColumn) status_column = g_list_model_get_item (columns, 3);
      g_autofree char *shown = NULL;

      gtk_column_view_sort_by_column (column_view, status_column, GTK_SORT_ASCENDING);
      wait_for_list (window);
      shown = list_surnames (window);
      g_assert_cmpstr (shown, ==,
                       "Cichy,Śliwa,Bąk,Zając,Ćwik,Lis,Mak,"
                       "Bak,Bal,Łukasik,Sowa,Tomczak,Źrebiec,Żak");
    }

    g_autoptr(GtkColumnViewColumn) surname_column = g_list_model_get_item (columns, 0);
    gtk_column_view_sort_by_column (column_view, surname_column, GTK_SORT_ASCENDING);
    wait_for_list (window);
  }

  /* The status column, in Polish, with the warning sign where the limit is near or past. */
  g_assert_cmpuint (check_status_cells (GTK_WIDGET (column_view)), ==, G_N_ELEMENTS (people));

  /* Search as you type: by surname with its diacritics folded, by PESEL. */
  {
    g_autofree char *pesel = person_pesel (6);
    g_autofree char *shown = NULL;

    rei_window_test_set_search (window, "lukasik");
    shown = list_surnames (window);
    g_assert_cmpstr (shown, ==, "Łukasik");
    g_clear_pointer (&shown, g_free);

    rei_window_test_set_search (window, "ba");
    shown = list_surnames (window);
    g_assert_cmpstr (shown, ==, "Bak,Bal,Bąk");
    g_clear_pointer (&shown, g_free);

    rei_window_test_set_search (window, pesel);
    shown = list_surnames (window);
    g_assert_cmpstr (shown, ==, "Łukasik");
    g_assert_cmpuint (check_status_cells (GTK_WIDGET (column_view)), ==, 1);

    rei_window_test_set_search (window, "");
  }

  /* Each filter narrows the list to the right people, in Polish order. */
  assert_filter (window, REI_RESIDENT_FILTER_STATUS, "Kandydat", keep_candidate);
  assert_filter (window, REI_RESIDENT_FILTER_STATUS, "Okres próbny", keep_trial);
  assert_filter (window, REI_RESIDENT_FILTER_STATUS, "Uczestnik", keep_participant);
  assert_filter (window, REI_RESIDENT_FILTER_STATUS, "Zakończony", keep_ended);
  {
    g_autofree char *label = rei_store_get_label (store, "category", "bezdomnosc");

    assert_filter (window, REI_RESIDENT_FILTER_CATEGORY, label, keep_homeless);
  }
  assert_filter (window, REI_RESIDENT_FILTER_WORKSHOP, "Stolarski", keep_stolarski);
  assert_filter (window, REI_RESIDENT_FILTER_PROJECT, "Projekt B", keep_project_b);
  assert_filter (window, REI_RESIDENT_FILTER_ADMISSION_YEAR, "2019", keep_admitted_2019);
  assert_filter (window, REI_RESIDENT_FILTER_END_YEAR, "2022", keep_ended_2022);
  {
    g_autofree char *shown = list_surnames (window);

    g_assert_cmpstr (shown, ==, all);
  }

  /* A filter that leaves nobody says so. */
  choose (window, REI_RESIDENT_FILTER_ADMISSION_YEAR, "2019");
  choose (window, REI_RESIDENT_FILTER_END_YEAR, "2022");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rei_resident_view_get_list (view))),
                    ==, 0);
  g_assert_cmpstr (rei_resident_view_get_page_name (view), ==, "no-results");
  rei_resident_view_clear_filters (view);
  wait_for_list (window);
  g_assert_cmpstr (rei_resident_view_get_page_name (view), ==, "list");

  /* Export of the list as filtered (two filters at once): exactly those people. */
  {
    g_autofree char *path = g_build_filename (dir, "uczestnicy.xlsx", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *exported = NULL;
    g_autofree char *expected = expected_pesels (keep_ended_stolarski);
    g_autofree char *shown = NULL;
    g_autofree char *expected_names = expected_surnames (keep_ended_stolarski);
    GStatBuf st;

    choose (window, REI_RESIDENT_FILTER_STATUS, "Zakończony");
    choose (window, REI_RESIDENT_FILTER_WORKSHOP, "Stolarski");
    shown = list_surnames (window);
    g_assert_cmpstr (shown, ==, expected_names);
    g_assert_cmpstr (shown, ==, "Bak,Sowa,Źrebiec");

    /* win.export-residents asks for the file with a chooser that cannot be driven under Xvfb;
     * the file it would give goes in here. */
    rei_resident_view_export_to_file (view, file);
    g_assert_true (rei_resident_view_get_exporting (view));
    rei_window_test_wait_until (export_is_done, view, "the export");

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    exported = read_exported_pesels (path);
    g_assert_cmpstr (exported, ==, expected);
  }

  /* The picture once the export's progress bar has slid away. */
  rei_window_test_wait_until (export_bar_is_hidden, window, "the export bar to slide away");
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-list-filtered");

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static void
test_list_export_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "uczestnicy.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ReiResidentView *view;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  g_assert_true (rei_demo_fill (store, 3000, 11, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  window = rei_window_test_show (store, 1280, 760);
  view = view_of (window);

  /* Cancel at once: no workbook is left behind. */
  rei_resident_view_export_to_file (view, file);
  g_assert_true (rei_resident_view_get_exporting (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "residents.cancel-export", NULL));
  rei_window_test_wait_until (export_is_done, view, "the cancelled export");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static void
test_list_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentView *view;
  ReiWindow *window;
  GtkWidget *filter_button;
  GtkPopover *popover;

  store = rei_test_store_new (dir);
  g_assert_true (rei_demo_fill (store, 300, 2019, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  window = rei_window_test_show (store, 1280, 760);
  view = view_of (window);

  /* Every year with an admission is offered, the latest first after "All". */
  {
    GListModel *years = gtk_drop_down_get_model (
      rei_resident_view_get_filter (view, REI_RESIDENT_FILTER_ADMISSION_YEAR));
    g_autoptr(GtkStringObject) first = g_list_model_get_item (years, 1);
    g_autoptr(GtkStringObject) last =
      g_list_model_get_item (years, g_list_model_get_n_items (years) - 1);

    g_assert_cmpuint (g_list_model_get_n_items (years), >, 2);
    g_assert_cmpint (atoi (gtk_string_object_get_string (first)), >,
                     atoi (gtk_string_object_get_string (last)));
  }

  rei_window_test_save_png (GTK_WIDGET (window), "window-list");

  choose (window, REI_RESIDENT_FILTER_STATUS, "Uczestnik");
  filter_button = gtk_widget_get_parent (
    GTK_WIDGET (rei_resident_view_get_filter (view, REI_RESIDENT_FILTER_STATUS)));
  while (filter_button != NULL && !GTK_IS_MENU_BUTTON (filter_button))
    filter_button = gtk_widget_get_parent (filter_button);
  g_assert_nonnull (filter_button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button));
  gtk_popover_popup (popover);
  rei_window_test_wait_for_frame (GTK_WIDGET (popover));
  rei_window_test_save_png (GTK_WIDGET (window), "window-list-participants");
  rei_window_test_save_png (GTK_WIDGET (popover), "window-list-filters");
  gtk_popover_popdown (popover);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

/* What the column view was handed while a result grew the list. */
typedef struct
{
  GtkSingleSelection *selection;
  GdkFrameClock      *clock;
  guint               additions;
  guint               largest_early;  /* the largest addition before the list shows 200 rows */
  gboolean            same_frame;     /* two additions within one frame */
  gint64              last_frame;
  gboolean            selected_early; /* someone was selected before their row was in */
} Growth;

static void
on_growth_items_changed_cb (GListModel *model,
                            guint       position,
                            guint       removed,
                            guint       added,
                            Growth     *growth)
{
  guint n = g_list_model_get_n_items (model);
  gint64 frame = gdk_frame_clock_get_frame_counter (growth->clock);

  if (added == 0)
    return;
  if (growth->additions > 0 && frame == growth->last_frame)
    growth->same_frame = TRUE;
  growth->last_frame = frame;
  growth->additions++;
  if (n < 200)
    growth->largest_early = MAX (growth->largest_early, added);
  if (n < 250 && gtk_single_selection_get_selected (growth->selection) != GTK_INVALID_LIST_POSITION)
    growth->selected_early = TRUE;
}

/* The query of the search entry's text has answered (its rows may still be coming in). */
static gboolean
result_is_in (gpointer data)
{
  ReiResidentList *list = rei_resident_view_get_list (data);
  const char *search = rei_resident_list_get_query (list)->search;

  return (search == NULL || search[0] == '\0') && !rei_resident_list_get_loading (list);
}

static gboolean
rows_are_in (gpointer data)
{
  return !rei_resident_view_get_growing (data);
}

/* GTK 4.8 makes the widgets of a list view's first 200 rows as soon as its model has them; a
 * result that grows the list reaches the column view a few rows a frame, and whoever was selected
 * is selected again once their row is in. */
static void
test_list_growth (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiResidentView *view;
  ReiResidentList *list;
  GtkSingleSelection *selection;
  ReiWindow *window;
  Growth growth = { 0 };
  gint64 far_id = 0;
  guint far_position = 0;
  g_autofree char *far_pesel = NULL;
  gulong handler;

  store = rei_test_store_new (dir);
  g_assert_true (rei_demo_fill (store, 300, 2019, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  window = rei_window_test_show (store, 1280, 760);
  view = view_of (window);
  list = rei_resident_view_get_list (view);
  selection = GTK_SINGLE_SELECTION (
    gtk_column_view_get_model (rei_resident_view_get_column_view (view)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 300);

  /* Someone far down the list, found alone by their PESEL. */
  for (guint i = 280; i > 250 && far_id == 0; i--)
    {
      g_autoptr(ReiResident) resident =
        rei_store_get_resident (store, rei_resident_list_get_id (list, i), &error);

      g_assert_no_error (error);
      if (rei_resident_get_pesel (resident) != NULL)
        {
          far_id = rei_resident_get_id (resident);
          far_position = i;
          far_pesel = g_strdup (rei_resident_get_pesel (resident));
          rei_window_test_set_search (window, rei_resident_get_pesel (resident));
        }
    }
  g_assert_cmpint (far_id, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  gtk_single_selection_set_selected (selection, 0);

  growth.selection = selection;
  growth.clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (selection, "items-changed",
                              G_CALLBACK (on_growth_items_changed_cb), &growth);
  rei_window_test_set_search (window, "");
  g_signal_handler_disconnect (selection, handler);

  /* 1 → 300 rows: a few a frame up to the 200 rows GTK makes, then the rest at once. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 300);
  g_assert_cmpuint (growth.largest_early, >, 0);
  g_assert_cmpuint (growth.largest_early, <=, 8);
  g_assert_cmpuint (growth.additions, >=, 200 / 8);
  g_assert_false (growth.same_frame);
  /* Selected again where they are in the whole list, not before their row was there. */
  g_assert_false (growth.selected_early);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, far_position);
  g_assert_cmpint (rei_resident_list_get_id (list, far_position), ==, far_id);

  /* A row chosen while the rows come in stays chosen: the person selected before is not
   * selected again over it. */
  rei_window_test_set_search (window, far_pesel);
  gtk_single_selection_set_selected (selection, 0);
  gtk_editable_set_text (rei_resident_view_get_search_entry (view), "");
  rei_window_test_wait_until (result_is_in, view, "the whole list");
  g_assert_true (rei_resident_view_get_growing (view));
  /* What the clerk sees a frame after: the first rows, more coming. */
  rei_window_test_wait_for_frame (GTK_WIDGET (window));
  rei_window_test_save_png (GTK_WIDGET (window), "window-list-growing");
  gtk_single_selection_set_selected (selection, 2);
  rei_window_test_wait_until (rows_are_in, view, "its rows");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);

  /* Nor over "no row", as for a new resident. */
  rei_window_test_set_search (window, far_pesel);
  gtk_single_selection_set_selected (selection, 0);
  gtk_editable_set_text (rei_resident_view_get_search_entry (view), "");
  rei_window_test_wait_until (result_is_in, view, "the whole list");
  g_assert_true (rei_resident_view_get_growing (view));
  rei_resident_view_unselect (view);
  rei_window_test_wait_until (rows_are_in, view, "its rows");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  status = rei_window_test_init (&argc, &argv);
  if (status != 0)
    return status;

  g_test_add_func ("/window-list/fixture", test_list_fixture);
  g_test_add_func ("/window-list/export-cancel", test_list_export_cancel);
  g_test_add_func ("/window-list/demo", test_list_demo);
  g_test_add_func ("/window-list/growth", test_list_growth);

  return g_test_run ();
}

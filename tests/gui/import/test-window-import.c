/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "rei-demo.h"
#include "rei-importer.h"
#include "rei-resident-list.h"
#include "rei-store-residents.h"
#include "rei-window-private.h"
#include "test-util.h"
#include "window-test-util.h"

/* Long enough for a loaded two-core machine under Xvfb checking 50 000 rows, short enough that
 * a hang fails. */
/* Big enough that the worker is surely still busy when Cancel is pressed right after start. */
#define N_BIG 50000

static gboolean
import_is_done (gpointer data)
{
  return !rei_window_get_importing (REI_WINDOW (data));
}

typedef struct
{
  ReiImportDialog      *dialog;
  ReiImportDialogState  state;
} StateWait;

static gboolean
dialog_is_in_state (gpointer data)
{
  StateWait *wait = data;

  return rei_import_dialog_get_state (wait->dialog) == wait->state;
}

static void
wait_for_state (ReiImportDialog      *dialog,
                ReiImportDialogState  state)
{
  StateWait wait = { dialog, state };

  rei_window_test_wait_until (dialog_is_in_state, &wait, "the import dialog");
}

static GListModel *
window_model (ReiWindow *window)
{
  ReiResidentView *view = rei_window_get_resident_view (window);

  return G_LIST_MODEL (gtk_column_view_get_model (rei_resident_view_get_column_view (view)));
}

/* Opens the dialog as the Import action does after the file chooser. */
static ReiImportDialog *
open_dialog (ReiWindow  *window,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ReiImportDialog *dialog;

  rei_window_import_file (window, file);
  g_assert_true (rei_window_get_importing (window));
  dialog = rei_window_get_import_dialog (window);
  g_assert_true (REI_IS_IMPORT_DIALOG (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  return dialog;
}

/* As a click would: through the button and its action, so a disabled button does nothing.
 * (gtk_widget_activate() would click only after a visual delay.) */
static void
press (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static void
save_resident (ReiStore   *store,
               const char *first_name,
               const char *surname,
               const char *pesel)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiResident) resident = rei_test_resident_new (first_name, surname, pesel);

  g_assert_true (rei_store_save_resident (store, resident, &error));
  g_assert_no_error (error);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static void
test_import_clean (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiImporter) importer = NULL;
  g_autoptr(GBytes) first_rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *head = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiImportDialog *dialog;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  csv = g_build_filename (dir, "residents.csv", NULL);
  g_assert_true (rei_demo_write_csv (csv, 30, 11, &error));
  g_assert_no_error (error);

  /* Three of the thirty are in the register already: they are updated, not added twice. */
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  lines = g_strsplit (contents, "\n", 5);
  head = g_strjoin ("\n", lines[0], lines[1], lines[2], lines[3], "", NULL);
  first_rows = g_bytes_new (head, strlen (head));
  importer = rei_importer_new (store);
  g_assert_true (rei_importer_run (importer, first_rows, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 3);

  window = rei_window_test_show (store, 1100, 700);
  dialog = open_dialog (window, csv);
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_VALIDATING);
  g_assert_false (gtk_widget_is_sensitive (rei_import_dialog_get_import_button (dialog)));
  wait_for_state (dialog, REI_IMPORT_DIALOG_READY);

  /* The preview: the first twenty rows, the counts, and nothing written yet. */
  g_assert_cmpuint (rei_import_dialog_get_n_rows (dialog), ==, 30);
  g_assert_cmpuint (rei_import_dialog_get_n_new (dialog), ==, 27);
  g_assert_cmpuint (rei_import_dialog_get_n_updated (dialog), ==, 3);
  g_assert_cmpuint (rei_import_dialog_get_problem_count (dialog), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rei_import_dialog_get_preview (dialog)), ==, 20);
  g_assert_true (gtk_widget_is_sensitive (rei_import_dialog_get_import_button (dialog)));
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (window_model (window)), ==, 3);

  rei_window_test_wait_for_frame (GTK_WIDGET (dialog));
  rei_window_test_save_png (GTK_WIDGET (dialog), "import-preview");

  /* Confirmed: everything is written, the dialog goes and the list shows the newcomers. */
  press (rei_import_dialog_get_import_button (dialog));
  rei_window_test_wait_until (import_is_done, window, "the import");
  g_assert_null (rei_window_get_import_dialog (window));
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 30);
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list after the import");
  g_assert_cmpuint (g_list_model_get_n_items (window_model (window)), ==, 30);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static void
test_import_problems (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pesel_jan = rei_test_pesel (1980, 3, 14, 123, 'M');
  g_autofree char *pesel_anna = rei_test_pesel (1975, 11, 2, 45, 'K');
  g_autofree char *pesel_ewa = rei_test_pesel (1990, 1, 30, 7, 'K');
  g_autofree char *pesel_maria = rei_test_pesel (1969, 6, 1, 300, 'K');
  g_autofree char *pesel_old = rei_test_pesel (1970, 5, 5, 5, 'M');
  char *dir = rei_test_tmpdir_new ();
  /* Lines 3, 4, 6 and 7 are wrong, each for a different reason; 2 and 5 are fine. */
  const guint bad_lines[] = { 3, 4, 6, 7 };
  ReiImportDialog *dialog;
  ReiWindow *window;
  guint n_problems;

  store = rei_test_store_new (dir);
  save_resident (store, "Stefan", "Dąbrowski", pesel_old);
  save_resident (store, "Halina", "Kowalczyk", NULL);

  csv = g_build_filename (dir, "bad.csv", NULL);
  contents = g_strdup_printf ("imie;nazwisko;pesel;plec\n"
                              "Jan;Kowalski;%s;M\n"
                              "Anna;;%s;K\n"
                              "Piotr;Nowak;12345678901;M\n"
                              "Ewa;Zielińska;%s;K\n"
                              "Adam;Wiśniewski;;X\n"
                              "Maria;Lis;%s;K;za dużo\n",
                              pesel_jan, pesel_anna, pesel_ewa, pesel_maria);
  write_file (csv, contents, -1);

  window = rei_window_test_show (store, 1100, 700);
  dialog = open_dialog (window, csv);
  wait_for_state (dialog, REI_IMPORT_DIALOG_INVALID);

  /* Every problem is listed with its line, in line order, and only the bad lines. */
  n_problems = rei_import_dialog_get_problem_count (dialog);
  g_assert_cmpuint (n_problems, >=, G_N_ELEMENTS (bad_lines));
  for (guint i = 0, b = 0; i < n_problems; i++)
    {
      guint line = rei_import_dialog_get_problem_line (dialog, i);

      while (b < G_N_ELEMENTS (bad_lines) && bad_lines[b] < line)
        b++;
      g_assert_cmpuint (b, <, G_N_ELEMENTS (bad_lines));
      g_assert_cmpuint (line, ==, bad_lines[b]);
    }
  for (guint b = 0; b < G_N_ELEMENTS (bad_lines); b++)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < n_problems; i++)
        listed |= rei_import_dialog_get_problem_line (dialog, i) == bad_lines[b];
      g_assert_true (listed);
    }

  /* Import cannot be pressed, and pressing it anyway writes nothing. */
  g_assert_false (gtk_widget_is_sensitive (rei_import_dialog_get_import_button (dialog)));
  press (rei_import_dialog_get_import_button (dialog));
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_INVALID);

  rei_window_test_wait_for_frame (GTK_WIDGET (dialog));
  rei_window_test_save_png (GTK_WIDGET (dialog), "import-problems");

  press (rei_import_dialog_get_cancel_button (dialog));
  rei_window_test_wait_until (import_is_done, window, "the dialog to close");
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 2);
  g_assert_cmpint (rei_store_find_resident_by_pesel (store, pesel_jan, NULL), ==, 0);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

/* A sheet saved with a column missing in every row: thousands of problems, every one listed. */
static void
test_import_many_problems (void)
{
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(GString) contents = g_string_new ("imie;nazwisko;plec\n");
  g_autofree char *csv = NULL;
  char *dir = rei_test_tmpdir_new ();
  const guint n_bad = 3000;
  ReiImportDialog *dialog;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  for (guint i = 0; i < n_bad; i++)
    g_string_append_printf (contents, "Osoba%u;;K\n", i);
  csv = g_build_filename (dir, "no-surnames.csv", NULL);
  write_file (csv, contents->str, contents->len);

  window = rei_window_test_show (store, 1100, 700);
  dialog = open_dialog (window, csv);
  wait_for_state (dialog, REI_IMPORT_DIALOG_INVALID);
  g_assert_cmpuint (rei_import_dialog_get_problem_count (dialog), ==, n_bad);
  for (guint i = 0; i < n_bad; i++)
    g_assert_cmpuint (rei_import_dialog_get_problem_line (dialog, i), ==, i + 2);
  g_assert_false (gtk_widget_is_sensitive (rei_import_dialog_get_import_button (dialog)));

  press (rei_import_dialog_get_cancel_button (dialog));
  rei_window_test_wait_until (import_is_done, window, "the dialog to close");
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

/* An office spreadsheet saved as Windows-1250: read right automatically, refused as UTF-8. */
static void
test_import_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResident) first = NULL;
  g_autofree char *pesel = rei_test_pesel (1984, 7, 21, 12, 'M');
  g_autofree char *utf8 = NULL;
  g_autofree char *cp1250 = NULL;
  g_autofree char *csv = NULL;
  char *dir = rei_test_tmpdir_new ();
  gsize length;
  ReiImportDialog *dialog;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  utf8 = g_strdup_printf ("imie;nazwisko;pesel\nŁukasz;Żółćkiewicz;%s\n", pesel);
  cp1250 = g_convert (utf8, -1, "CP1250", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  csv = g_build_filename (dir, "cp1250.csv", NULL);
  write_file (csv, cp1250, length);

  window = rei_window_test_show (store, 1100, 700);
  dialog = open_dialog (window, csv);
  wait_for_state (dialog, REI_IMPORT_DIALOG_READY);
  first = g_list_model_get_item (rei_import_dialog_get_preview (dialog), 0);
  g_assert_cmpstr (rei_resident_get_surname (first), ==, "Żółćkiewicz");
  g_clear_object (&first);

  rei_import_dialog_set_encoding (dialog, REI_CSV_ENCODING_UTF8);
  wait_for_state (dialog, REI_IMPORT_DIALOG_INVALID);
  g_assert_cmpuint (rei_import_dialog_get_problem_count (dialog), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (rei_import_dialog_get_import_button (dialog)));

  rei_import_dialog_set_encoding (dialog, REI_CSV_ENCODING_CP1250);
  wait_for_state (dialog, REI_IMPORT_DIALOG_READY);
  first = g_list_model_get_item (rei_import_dialog_get_preview (dialog), 0);
  g_assert_cmpstr (rei_resident_get_first_name (first), ==, "Łukasz");

  press (rei_import_dialog_get_import_button (dialog));
  rei_window_test_wait_until (import_is_done, window, "the import");
  g_assert_cmpint (rei_store_find_resident_by_pesel (store, pesel, NULL), >, 0);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static char *big_dir;
static char *big_csv;

static const char *
get_big_csv (void)
{
  g_autoptr(GError) error = NULL;

  if (big_csv == NULL)
    {
      big_dir = rei_test_tmpdir_new ();
      big_csv = g_build_filename (big_dir, "big.csv", NULL);
      g_assert_true (rei_demo_write_csv (big_csv, N_BIG, 3, &error));
      g_assert_no_error (error);
    }
  return big_csv;
}

static void
on_state_notify_cb (ReiImportDialog *dialog,
                    GParamSpec      *pspec,
                    gboolean        *saw_ready)
{
  if (rei_import_dialog_get_state (dialog) == REI_IMPORT_DIALOG_READY)
    *saw_ready = TRUE;
}

static void
test_import_cancel_validation (void)
{
  gboolean saw_ready = FALSE;
  g_autoptr(ReiStore) store = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiImportDialog *dialog;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  window = rei_window_test_show (store, 1100, 700);
  dialog = open_dialog (window, get_big_csv ());
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_VALIDATING);
  g_signal_connect (dialog, "notify::state", G_CALLBACK (on_state_notify_cb), &saw_ready);

  /* The dialog closes as soon as the worker has stopped; until then the window counts as
   * importing. */
  press (rei_import_dialog_get_cancel_button (dialog));
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_CANCELLING);
  g_assert_false (gtk_widget_is_sensitive (rei_import_dialog_get_cancel_button (dialog)));
  g_assert_true (rei_window_get_importing (window));
  rei_window_test_wait_until (import_is_done, window, "the cancelled check");
  /* Stopped, not merely ignored: the check never got to the preview. */
  g_assert_false (saw_ready);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static void
test_import_cancel_import (void)
{
  g_autoptr(ReiStore) store = NULL;
  char *dir = rei_test_tmpdir_new ();
  ReiImportDialog *dialog;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  window = rei_window_test_show (store, 1100, 700);
  dialog = open_dialog (window, get_big_csv ());
  wait_for_state (dialog, REI_IMPORT_DIALOG_READY);
  g_assert_cmpuint (rei_import_dialog_get_n_rows (dialog), ==, N_BIG);
  g_assert_cmpuint (rei_import_dialog_get_n_new (dialog), ==, N_BIG);

  press (rei_import_dialog_get_import_button (dialog));
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_IMPORTING);
  g_assert_false (gtk_widget_is_sensitive (rei_import_dialog_get_import_button (dialog)));
  press (rei_import_dialog_get_cancel_button (dialog));
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_CANCELLING);
  rei_window_test_wait_until (import_is_done, window, "the cancelled import");

  /* Rolled back: the transaction never committed. */
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);
  rei_window_test_wait_until (rei_window_test_list_is_loaded, window, "the list");
  g_assert_cmpuint (g_list_model_get_n_items (window_model (window)), ==, 0);

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
error_dialog_is_shown (gpointer data)
{
  AdwMessageDialog *message = rei_window_test_find_message_dialog (data);

  return message != NULL && gtk_widget_get_mapped (GTK_WIDGET (message));
}

/* A write that fails after a clean check (here a trigger that refuses every new resident, as a
 * full disk would refuse the pages) is rolled back; the error dialog says why, over the import
 * dialog, which offers the import again. */
static void
test_import_write_fails (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *db = NULL;
  char *dir = rei_test_tmpdir_new ();
  AdwMessageDialog *message;
  ReiImportDialog *dialog;
  ReiWindow *window;
  sqlite3 *sql;

  store = rei_test_store_new (dir);
  csv = g_build_filename (dir, "residents.csv", NULL);
  g_assert_true (rei_demo_write_csv (csv, 30, 11, &error));
  g_assert_no_error (error);

  window = rei_window_test_show (store, 1100, 700);
  dialog = open_dialog (window, csv);
  wait_for_state (dialog, REI_IMPORT_DIALOG_READY);

  db = g_build_filename (dir, "test.db", NULL);
  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (sql, "CREATE TRIGGER refuse BEFORE INSERT ON resident "
                                      "BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (sql);

  g_assert_null (rei_window_test_find_message_dialog (GTK_WINDOW (dialog)));
  press (rei_import_dialog_get_import_button (dialog));
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_IMPORTING);
  rei_window_test_wait_until (error_dialog_is_shown, dialog, "the error dialog");
  message = rei_window_test_find_message_dialog (GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==,
                   _("The Residents Were Not Imported"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "refused"));
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_READY);
  g_assert_true (rei_window_get_importing (window));
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);
  {
    gboolean shown = FALSE;

    /* The dialog fades in: a picture once it has. */
    g_timeout_add_once (1000, set_true, &shown);
    rei_window_test_wait_until (rei_window_test_is_true, &shown, "the dialog to fade in");
    rei_window_test_wait_for_frame (GTK_WIDGET (message));
    rei_window_test_save_png (GTK_WIDGET (message), "import-write-fails");
  }

  gtk_window_destroy (GTK_WINDOW (message));
  press (rei_import_dialog_get_cancel_button (dialog));
  rei_window_test_wait_until (import_is_done, window, "the dialog to close");

  rei_window_test_destroy (window);
  rei_test_tmpdir_free (dir);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closing the window while the dialog writes disposes the dialog at once, which stops the
 * worker: the transaction is rolled back and nothing is written. */
static void
test_import_close_window (void)
{
  g_autoptr(ReiStore) store = NULL;
  char *dir = rei_test_tmpdir_new ();
  gpointer dialog;
  ReiWindow *window;

  store = rei_test_store_new (dir);
  window = rei_window_test_show (store, 1100, 700);
  dialog = open_dialog (window, get_big_csv ());
  wait_for_state (dialog, REI_IMPORT_DIALOG_READY);
  press (rei_import_dialog_get_import_button (dialog));
  g_assert_cmpint (rei_import_dialog_get_state (dialog), ==, REI_IMPORT_DIALOG_IMPORTING);

  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog);
  gtk_window_close (GTK_WINDOW (window));
  rei_window_test_wait_until (is_null, &dialog, "the dialog to be finalized");

  /* Taking the write lock waits for the worker's transaction to end. */
  g_assert_true (rei_store_begin (store, NULL));
  rei_store_rollback (store);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);

  while (g_main_context_iteration (NULL, FALSE))
    ;
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

  g_test_add_func ("/window-import/clean", test_import_clean);
  g_test_add_func ("/window-import/problems", test_import_problems);
  g_test_add_func ("/window-import/many-problems", test_import_many_problems);
  g_test_add_func ("/window-import/encoding", test_import_encoding);
  g_test_add_func ("/window-import/cancel-validation", test_import_cancel_validation);
  g_test_add_func ("/window-import/cancel-import", test_import_cancel_import);
  g_test_add_func ("/window-import/close-window", test_import_close_window);
  g_test_add_func ("/window-import/write-fails", test_import_write_fails);

  status = g_test_run ();
  rei_test_tmpdir_free (big_dir);
  g_free (big_csv);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "rei-temp-file.h"
#include "rei-xlsx.h"
#include "test-util.h"

/* The hidden files exports and backups write before the rename: what a killed writer leaves is
 * removed by the next writer in the folder, and what a live one is writing never is. */

static void
age (const char *path,
     gint64      seconds)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - seconds;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static char *
make_file (const char *dir,
           const char *name,
           gint64      age_seconds)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents_full (path, "Kowalska, 80010112345, uzależnienie", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  if (age_seconds > 0)
    age (path, age_seconds);
  return path;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* What is removed and what is left: only our own names, only files, only old and unlocked. */
static void
test_remove_stale (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *target = g_build_filename (dir, "lista.xlsx", NULL);
  g_autofree char *link = g_build_filename (dir, ".reintegra-export-Lnk000.xlsx", NULL);
  g_autofree char *folder = g_build_filename (dir, ".reintegra-export-Dir000", NULL);
  g_autofree char *stale_backup = NULL;
  g_autofree char *stale_export = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *other = NULL;
  g_autoptr(ReiTempFile) live = NULL;
  g_autofree char *live_path = NULL;

  /* Another writer, busy for hours on a slow disk: locked, so left alone however old. */
  live = rei_temp_file_new (target, "export", ".xlsx");
  g_assert_nonnull (live);
  live_path = g_strdup (rei_temp_file_get_path (live));
  g_assert_cmpuint (file_mode (live_path), ==, 0600);
  age (live_path, 5 * 3600);

  stale_backup = make_file (dir, ".reintegra-backup-AbC123", 2 * 3600);
  stale_export = make_file (dir, ".reintegra-export-XyZ789.xlsx", 2 * 3600);
  fresh = make_file (dir, ".reintegra-plan-Qwe456.pdf", 0);
  rotated = make_file (dir, "reintegra-20260101-120000.db", 2 * 3600);
  other = make_file (dir, ".reintegra-notatki.txt", 2 * 3600);
  g_assert_cmpint (symlink (rotated, link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  g_assert_cmpuint (rei_temp_file_remove_stale (dir, REI_TEMP_FILE_STALE_AGE), ==, 2);
  g_assert_false (g_file_test (stale_backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_export, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_path, G_FILE_TEST_EXISTS));
  /* Young, unlocked: a writer that does not lock may be at work. */
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (rotated, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* Not committed, the writer's file goes with it; committed, it is the target. */
  g_clear_pointer (&live, rei_temp_file_free);
  g_assert_false (g_file_test (live_path, G_FILE_TEST_EXISTS));
  live = rei_temp_file_new (target, "export", ".xlsx");
  g_clear_pointer (&live_path, g_free);
  live_path = g_strdup (rei_temp_file_get_path (live));
  g_assert_true (rei_temp_file_commit (live));
  g_clear_pointer (&live, rei_temp_file_free);
  g_assert_false (g_file_test (live_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (target), ==, 0600);

  g_unlink (link);
  g_rmdir (folder);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Two processes writing into one folder: a live writer in another process keeps its file
 * through the other's clean-up; killed, it leaves the file, which the next writer removes. */
static void
test_other_process (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *target = g_build_filename (dir, "kopia.db", NULL);
  char path[4096] = { 0 };
  int fds[2];
  pid_t child;
  int status;
  ssize_t n;

  g_assert_cmpint (pipe (fds), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      ReiTempFile *tmp = rei_temp_file_new (target, "backup", NULL);
      const char *p = tmp != NULL ? rei_temp_file_get_path (tmp) : "";

      close (fds[0]);
      if (write (fds[1], p, strlen (p) + 1) < 0)
        _exit (1);
      for (;;)
        pause ();
    }
  close (fds[1]);
  n = read (fds[0], path, sizeof path - 1);
  close (fds[0]);
  g_assert_cmpint (n, >, 1);
  age (path, 3 * 3600);

  g_assert_cmpuint (rei_temp_file_remove_stale (dir, REI_TEMP_FILE_STALE_AGE), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Killed: nothing of its own removes the file; the next writer to the folder does. */
  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(ReiTempFile) next = rei_temp_file_new (target, "backup", NULL);

    g_assert_nonnull (next);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Through a real export: the workbook writer cleans the folder it writes to. */
static void
test_export_cleans (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *stale = make_file (dir, ".reintegra-export-Old111.xlsx", 2 * 3600);
  g_autofree char *path = g_build_filename (dir, "lista.xlsx", NULL);
  g_autoptr(ReiTempFile) live = rei_temp_file_new (path, "export", ".xlsx");
  g_autoptr(GError) error = NULL;
  lxw_worksheet *sheet;
  ReiXlsx *xlsx;

  age (rei_temp_file_get_path (live), 2 * 3600);
  xlsx = rei_xlsx_new (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (rei_temp_file_get_path (live), G_FILE_TEST_EXISTS));
  sheet = rei_xlsx_add_sheet (xlsx, "Arkusz", &error);
  g_assert_no_error (error);
  worksheet_write_string (sheet, 0, 0, "Próba", NULL);
  g_assert_true (rei_xlsx_finish (xlsx, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (g_file_test (rei_temp_file_get_path (live), G_FILE_TEST_EXISTS));

  g_clear_pointer (&live, rei_temp_file_free);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/temp-file/remove-stale", test_remove_stale);
  g_test_add_func ("/temp-file/other-process", test_other_process);
  g_test_add_func ("/temp-file/export-cleans", test_export_cleans);

  return g_test_run ();
}

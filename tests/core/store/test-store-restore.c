/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "rei-store-private.h"
#include "rei-store-residents.h"
#include "rei-temp-file.h"
#include "test-util.h"

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
add_person (ReiStore   *store,
            const char *first_name,
            const char *surname)
{
  g_autoptr(ReiResident) r = rei_test_resident_new (first_name, surname, NULL);
  g_autoptr(GError) error = NULL;

  rei_resident_set (r, REI_RESIDENT_SEX, "K");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
}

static gint64
count (ReiStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = rei_store_count_residents (store, &error);

  g_assert_no_error (error);
  return n;
}

/* The files beside the database whose names start with its own and "before-restore". */
static guint
count_kept (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".before-restore-") != NULL)
      n++;
  return n;
}

/* The window's situation: the store stays open while the backup is put back under it. */
static void
test_restore_open_store (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiStore) kept_store = NULL;
  g_autoptr(GError) error = NULL;

  add_person (store, "Anna", "Nowak");
  g_assert_true (rei_store_backup (store, backup, &error));
  g_assert_no_error (error);
  add_person (store, "Jan", "Kowalski");
  add_person (store, "Ewa", "Lis");
  g_assert_cmpint (count (store), ==, 3);

  rei_store_restore (rei_store_get_path (store), backup, &kept, &error);
  g_assert_no_error (error);

  /* The open store reads the restored register at once. */
  g_assert_cmpint (count (store), ==, 1);
  add_person (store, "Piotr", "Wiśniewski");
  g_assert_cmpint (count (store), ==, 2);
  g_assert_true (rei_store_check (store, NULL, &error));

  /* The register it replaced is kept beside it, whole and private. */
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, rei_store_get_path (store)));
  g_assert_cmpuint (file_mode (kept), ==, 0600);
  kept_store = rei_store_open (kept, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (kept_store), ==, 3);

  g_clear_object (&kept_store);
  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A backup of an older schema is upgraded as it is restored. */
static void
test_restore_older_schema (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *old_path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "old-backup.db", NULL);
  g_autofree char *target = g_build_filename (dir, "new", "reintegra.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(ReiStore) old = NULL;
  g_autoptr(ReiStore) restored = NULL;
  g_autoptr(GError) error = NULL;
  guint version = 0;

  old = rei_store_open_at_version (old_path, 2, &error);
  g_assert_no_error (error);
  g_assert_true (rei_store_backup (old, backup, &error));
  g_clear_object (&old);
  g_assert_true (rei_store_verify_backup (backup, &version, &error));
  g_assert_cmpuint (version, ==, 2);

  /* Into a place where there is no database yet: nothing to keep. */
  g_assert_true (rei_store_restore (target, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_null (kept);
  g_assert_cmpuint (file_mode (target), ==, 0600);
  restored = rei_store_open (target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rei_store_get_version (restored), ==, rei_store_get_latest_version ());
  g_assert_true (rei_store_check (restored, NULL, &error));

  g_clear_object (&restored);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
assert_refused (const char    *dir,
                ReiStore      *store,
                const char    *backup,
                ReiStoreError  code)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) backup_before = rei_test_read_bytes (backup);
  g_autoptr(GBytes) backup_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  gint64 n = count (store);

  /* The database folded into its main file, so that its bytes can be compared. */
  rei_test_exec_raw (rei_store_get_path (store), "PRAGMA wal_checkpoint(TRUNCATE)");
  before = rei_test_read_bytes (rei_store_get_path (store));

  g_assert_false (rei_store_restore (rei_store_get_path (store), backup, &kept, &error));
  g_assert_error (error, REI_STORE_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_null (kept);

  after = rei_test_read_bytes (rei_store_get_path (store));
  g_assert_true (g_bytes_equal (before, after));
  backup_after = rei_test_read_bytes (backup);
  g_assert_true (g_bytes_equal (backup_before, backup_after));
  g_assert_cmpint (count (store), ==, n);
  g_assert_cmpuint (count_kept (dir), ==, 0);
}

static void
test_restore_refused (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *random = g_build_filename (dir, "random.bin", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.sqlite", NULL);
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *newer_sql = NULL;
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint8 noise[4096];

  for (guint i = 0; i < 20; i++)
    add_person (store, "Anna", "Nowak");
  g_assert_true (rei_store_backup (store, good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int ();
  g_assert_true (g_file_set_contents (random, (const char *) noise, sizeof noise, NULL));
  assert_refused (dir, store, random, REI_STORE_ERROR_NOT_A_DATABASE);

  rei_test_exec_raw (foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused (dir, store, foreign, REI_STORE_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  assert_refused (dir, store, cut, REI_STORE_ERROR_CORRUPT);

  /* Cut so short that not even the header is whole. */
  g_assert_true (g_file_set_contents (cut, contents, 50, NULL));
  assert_refused (dir, store, cut, REI_STORE_ERROR_CORRUPT);

  g_assert_true (g_file_set_contents (newer, contents, length, NULL));
  newer_sql = g_strdup_printf ("PRAGMA user_version = %u", rei_store_get_latest_version () + 1);
  rei_test_exec_raw (newer, newer_sql);
  assert_refused (dir, store, newer, REI_STORE_ERROR_TOO_NEW);

  /* Whole in length and header, damaged inside: noise over the last pages, where the rows
   * and indexes are; only PRAGMA integrity_check sees it. */
  memcpy (contents + length - sizeof noise, noise, sizeof noise);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  assert_refused (dir, store, damaged, REI_STORE_ERROR_CORRUPT);

  /* The database itself is no backup of itself. */
  g_assert_false (rei_store_restore (rei_store_get_path (store), rei_store_get_path (store),
                                     NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nor is another program's file a place to restore to. */
  g_assert_false (rei_store_restore (foreign, good, NULL, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_A_DATABASE);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_backup_rotate (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *folder = g_build_filename (dir, "data", "backups", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;

  add_person (store, "Anna", "Nowak");
  for (guint i = 0; i < 5; i++)
    {
      char *path = rei_store_backup_rotate (store, folder, 3, &error);

      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_assert_cmpuint (file_mode (path), ==, 0600);
      g_assert_true (rei_store_verify_backup (path, NULL, &error));
      g_ptr_array_add (made, path);
    }
  g_assert_cmpuint (file_mode (folder), ==, 0700);

  /* The three newest stay, in the order they were made, whatever second they fell in. */
  left = rei_store_list_backups (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (g_ptr_array_index (left, i), ==, g_ptr_array_index (made, i + 2));
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));

  /* A folder left readable by others is made private again. */
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_free (rei_store_backup_rotate (store, folder, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (folder), ==, 0700);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Another program holds a write transaction for longer than the store waits: the save fails
 * with a message that says so, and nothing of it is written. */
static void
test_busy_message (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResident) r = rei_test_resident_new ("Jan", "Kowalski", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_setenv ("REINTEGRA_BUSY_TIMEOUT_MS", "100", TRUE);
  store = rei_test_store_new (dir);
  rei_resident_set (r, REI_RESIDENT_SEX, "M");

  g_assert_cmpint (sqlite3_open (rei_store_get_path (store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (rei_store_save_resident (store, r, &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another program is using the database"));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_error (&error);

  g_assert_cmpint (count (store), ==, 0);
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);
  g_unsetenv ("REINTEGRA_BUSY_TIMEOUT_MS");

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* What the progress callback saw, and when it pressed Cancel. */
typedef struct
{
  GArray       *fractions;
  GCancellable *cancellable;
  double        cancel_above;   /* Cancel at the first report past this; > 1: never */
} Progress;

static void
progress_cb (double   fraction,
             gpointer data)
{
  Progress *p = data;

  g_array_append_val (p->fractions, fraction);
  if (fraction > p->cancel_above && fraction < 0.95)
    g_cancellable_cancel (p->cancellable);
}

static Progress *
progress_new (double cancel_above)
{
  Progress *p = g_new0 (Progress, 1);

  p->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  p->cancellable = g_cancellable_new ();
  p->cancel_above = cancel_above;
  return p;
}

static void
progress_free (Progress *p)
{
  g_array_unref (p->fractions);
  g_object_unref (p->cancellable);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Progress, progress_free)

/* 8 MB of rows, so that a copy takes many chunks of pages. */
static void
add_filler (ReiStore *store)
{
  rei_test_exec_raw (rei_store_get_path (store),
                     "CREATE TABLE filler (x BLOB);"
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                     " INSERT INTO filler SELECT randomblob (4000) FROM n;");
}

static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".reintegra-"))
      n++;
  return n;
}

/* A backup reports how far it is, chunk by chunk; cancelled, it leaves no file at all. */
static void
test_backup_progress_cancel (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *backup = g_build_filename (dir, "kopia.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(Progress) whole = progress_new (2.0);
  g_autoptr(Progress) cancelled = progress_new (0.3);
  g_autoptr(GError) error = NULL;

  add_person (store, "Anna", "Nowak");
  add_filler (store);

  g_assert_true (rei_store_backup_full (store, backup, whole->cancellable, progress_cb, whole,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (whole->fractions->len, >, 4);
  for (guint i = 1; i < whole->fractions->len; i++)
    g_assert_cmpfloat (g_array_index (whole->fractions, double, i), >=,
                       g_array_index (whole->fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (whole->fractions, double, whole->fractions->len - 1), ==, 1.0);
  g_assert_true (rei_store_verify_backup (backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (backup), ==, 0);

  g_assert_false (rei_store_backup_full (store, backup, cancelled->cancellable, progress_cb,
                                         cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (g_array_index (cancelled->fractions, double, cancelled->fractions->len - 1),
                     <, 1.0);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (dir), ==, 0);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Cancelled while the backup is being written into the database, a restore leaves the database
 * as it was, byte for byte, and no copy of it beside it. */
static void
test_restore_cancel (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *backup = g_build_filename (dir, "kopia.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(Progress) early = progress_new (-1.0);
  g_autoptr(Progress) late = progress_new (0.55);
  g_autoptr(Progress) whole = progress_new (2.0);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  add_person (store, "Anna", "Nowak");
  add_filler (store);
  g_assert_true (rei_store_backup (store, backup, &error));
  g_assert_no_error (error);
  add_person (store, "Jan", "Kowalski");
  rei_test_exec_raw (rei_store_get_path (store), "PRAGMA wal_checkpoint(TRUNCATE)");
  before = rei_test_read_bytes (rei_store_get_path (store));

  /* Cancelled before it began (while the backup is checked). */
  g_cancellable_cancel (early->cancellable);
  g_assert_false (rei_store_restore_full (rei_store_get_path (store), backup, &kept,
                                          early->cancellable, progress_cb, early, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled half-way through writing the backup into the database. */
  g_assert_false (rei_store_restore_full (rei_store_get_path (store), backup, &kept,
                                          late->cancellable, progress_cb, late, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (kept);
  g_assert_cmpfloat (g_array_index (late->fractions, double, late->fractions->len - 1), >, 0.55);
  g_assert_cmpfloat (g_array_index (late->fractions, double, late->fractions->len - 1), <, 0.95);

  g_assert_cmpint (count (store), ==, 2);
  rei_test_exec_raw (rei_store_get_path (store), "PRAGMA wal_checkpoint(TRUNCATE)");
  after = rei_test_read_bytes (rei_store_get_path (store));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_kept (dir), ==, 0);
  g_assert_cmpuint (count_hidden (dir), ==, 0);
  g_assert_true (rei_store_check (store, NULL, &error));
  g_assert_no_error (error);

  /* Not cancelled, it goes to the end. */
  g_assert_true (rei_store_restore_full (rei_store_get_path (store), backup, &kept,
                                         whole->cancellable, progress_cb, whole, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store), ==, 1);
  g_assert_cmpuint (count_kept (dir), ==, 1);
  g_assert_cmpfloat (g_array_index (whole->fractions, double, whole->fractions->len - 1), ==, 1.0);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A killed backup's hidden file goes at the next backup into the folder; a live writer's
 * file there stays. */
static void
test_backup_removes_stale (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *backup = g_build_filename (dir, "kopia.db", NULL);
  g_autofree char *stale = g_build_filename (dir, ".reintegra-backup-Kil123", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiTempFile) live = rei_temp_file_new (backup, "export", ".xlsx");
  g_autoptr(GError) error = NULL;
  struct utimbuf old;

  add_person (store, "Anna", "Nowak");
  g_assert_true (g_file_set_contents (stale, "SQLite format 3", -1, NULL));
  old.actime = old.modtime = time (NULL) - 2 * 3600;
  g_assert_cmpint (utime (stale, &old), ==, 0);
  g_assert_cmpint (utime (rei_temp_file_get_path (live), &old), ==, 0);

  g_assert_true (rei_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (rei_temp_file_get_path (live), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (dir), ==, 1);

  g_clear_pointer (&live, rei_temp_file_free);
  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A restore killed between its copy and its rename leaves DB.restoring, a whole register:
 * the next open removes it, and so does the next restore; one a live restore holds locked
 * stays, as does a young one nobody locks (an older version's, in the middle of its rename). */
static void
test_restore_leftover (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *leftover = g_strconcat (path, ".restoring", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GError) error = NULL;
  struct utimbuf old;
  int fd;

  add_person (store, "Anna", "Nowak");
  g_assert_true (rei_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  old.actime = old.modtime = time (NULL) - 3600;

  /* Killed: the next open removes it. */
  g_assert_true (g_file_set_contents (leftover, "SQLite format 3", -1, NULL));
  g_assert_cmpint (utime (leftover, &old), ==, 0);
  store = rei_test_store_new (dir);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));

  /* Held by a live restore (its lock): neither an open nor a restore touches it. */
  g_assert_true (g_file_set_contents (leftover, "SQLite format 3", -1, NULL));
  g_assert_cmpint (utime (leftover, &old), ==, 0);
  fd = g_open (leftover, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  g_clear_object (&store);
  store = rei_test_store_new (dir);
  g_assert_true (g_file_test (leftover, G_FILE_TEST_EXISTS));
  g_assert_false (rei_store_remove_restore_leftover (path));
  g_assert_true (g_file_test (leftover, G_FILE_TEST_EXISTS));

  /* Let go (the restore was killed): the next restore removes it, and restores. */
  close (fd);
  g_assert_true (rei_store_restore (path, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));

  /* Young and unlocked: a writer that does not lock may be about to rename it. */
  g_assert_true (g_file_set_contents (leftover, "SQLite format 3", -1, NULL));
  g_assert_false (rei_store_remove_restore_leftover (path));
  g_assert_true (g_file_test (leftover, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The copy a restore renames over the database stays locked from its first byte to the rename,
 * so that no other program's open takes it for a leftover in between. */
static void
test_copy_held_locked (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *copy = g_build_filename (dir, "test.db.restoring", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiTempFile) held = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  add_person (store, "Anna", "Nowak");
  g_assert_true (rei_store_copy_database (rei_store_get_path (store), copy, NULL, &held, &error));
  g_assert_no_error (error);
  g_assert_nonnull (held);
  fd = g_open (copy, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), !=, 0);
  g_clear_pointer (&held, rei_temp_file_free);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  close (fd);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The daily backups' folder: the default one for the default database, one of its own for
 * any other, the same whatever the path's spelling, another for the same name elsewhere; its
 * name made of safe characters only.  Only names: nothing is written to the data folder. */
static void
test_backup_folder_for (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *sub = g_build_filename (dir, "inny", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *spelled = g_build_filename (dir, "inny", "..", ".", "test.db", NULL);
  g_autofree char *elsewhere = g_build_filename (sub, "test.db", NULL);
  g_autofree char *odd = g_build_filename (dir, "zły plik;v2.db", NULL);
  g_autofree char *default_path = rei_store_default_path ();
  g_autofree char *default_folder = rei_store_default_backup_folder ();
  g_autofree char *for_default = rei_store_backup_folder_for (default_path);
  g_autofree char *for_path = rei_store_backup_folder_for (path);
  g_autofree char *for_spelled = NULL;
  g_autofree char *for_elsewhere = rei_store_backup_folder_for (elsewhere);
  g_autofree char *for_odd = rei_store_backup_folder_for (odd);
  g_autofree char *parent = g_path_get_dirname (for_path);
  g_autofree char *name = g_path_get_basename (for_path);
  g_autofree char *odd_name = g_path_get_basename (for_odd);

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  for_spelled = rei_store_backup_folder_for (spelled);

  g_assert_cmpstr (for_default, ==, default_folder);
  g_assert_cmpstr (for_path, !=, default_folder);
  g_assert_cmpstr (parent, ==, default_folder);
  g_assert_true (g_str_has_prefix (name, "test-"));
  g_assert_cmpuint (strlen (name), ==, strlen ("test-") + 12);
  g_assert_cmpstr (for_spelled, ==, for_path);
  g_assert_cmpstr (for_elsewhere, !=, for_path);
  g_assert_cmpuint (strspn (odd_name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
                    ==, strlen (odd_name));

  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/restore/open-store", test_restore_open_store);
  g_test_add_func ("/store/restore/older-schema", test_restore_older_schema);
  g_test_add_func ("/store/restore/refused", test_restore_refused);
  g_test_add_func ("/store/backup/rotate", test_backup_rotate);
  g_test_add_func ("/store/faults/busy", test_busy_message);
  g_test_add_func ("/store/backup/progress-cancel", test_backup_progress_cancel);
  g_test_add_func ("/store/restore/cancel", test_restore_cancel);
  g_test_add_func ("/store/backup/removes-stale", test_backup_removes_stale);
  g_test_add_func ("/store/restore/leftover", test_restore_leftover);
  g_test_add_func ("/store/backup/folder-for", test_backup_folder_for);
  g_test_add_func ("/store/restore/copy-held-locked", test_copy_held_locked);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "rei-store-private.h"
#include "rei-store-residents.h"
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

  return g_test_run ();
}

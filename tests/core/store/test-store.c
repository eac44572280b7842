/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store object: creating a private file, refusing files that are not ours, migrations,
 * transactions and concurrent reads, the audit trail, backup and settings.  The residents' rows
 * and list query are tested in tests/core/residents/test-store-residents.c. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "rei-collation.h"
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
test_create_modes (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "sub", "new.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autoptr(ReiResident) r = rei_test_resident_new ("Anna", "Nowak", NULL);

  store = rei_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rei_store_get_version (store), ==, rei_store_get_latest_version ());
  g_assert_cmpuint (rei_store_get_latest_version (), >=, 2);

  rei_resident_set (r, REI_RESIDENT_SEX, "K");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_no_error (error);

  /* Special categories of personal data: nobody else on the machine may read any of them. */
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
assert_refused_unchanged (const char    *path,
                          ReiStoreError  code)
{
  g_autoptr(GBytes) before = rei_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = rei_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, REI_STORE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, path));

  after = rei_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_random (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "random.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, (char *) bytes, sizeof bytes, NULL));
  assert_refused_unchanged (path, REI_STORE_ERROR_NOT_A_DATABASE);

  /* A short text file, such as a CSV picked by mistake. */
  g_assert_true (g_file_set_contents (path, "imie;nazwisko\nJan;Kowalski\n", -1, NULL));
  assert_refused_unchanged (path, REI_STORE_ERROR_NOT_A_DATABASE);

  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_refuse_foreign_sqlite (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);

  rei_test_exec_raw (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_refused_unchanged (path, REI_STORE_ERROR_NOT_A_DATABASE);

  /* Another program's application id, even with a schema version we know. */
  rei_test_exec_raw (path, "PRAGMA application_id = 1234; PRAGMA user_version = 1;");
  assert_refused_unchanged (path, REI_STORE_ERROR_NOT_A_DATABASE);

  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(ReiStore) store = rei_test_store_new (dir);

  g_clear_object (&store);
  {
    g_autofree char *old_path = g_build_filename (dir, "test.db", NULL);

    g_rename (old_path, path);
  }
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %u;",
                         rei_store_get_latest_version () + 1);
  rei_test_exec_raw (path, sql);
  assert_refused_unchanged (path, REI_STORE_ERROR_TOO_NEW);

  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_empty_file (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReiStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = rei_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rei_store_get_version (store), ==, rei_store_get_latest_version ());
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);
  g_assert_true (rei_store_check (store, NULL, NULL));

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Every earlier schema, with data in it, upgrades to the latest and keeps the data. */
static void
test_migrate_from_every_version (void)
{
  for (guint v = 1; v < rei_store_get_latest_version (); v++)
    {
      g_autofree char *dir = rei_test_tmpdir_new ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ReiStore) store = NULL;
      g_autoptr(ReiResident) r = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      sqlite3 *db;

      store = rei_store_open_at_version (path, v, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rei_store_get_version (store), ==, v);
      g_clear_object (&store);

      /* Rows written the way that version's program wrote them: plain SQL on its columns. */
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      rei_store_register_sql (db);
      g_assert_cmpint (sqlite3_exec (db,
        "INSERT INTO workshop (id, name) VALUES (1, 'Stolarski');"
        "INSERT INTO resident (id, first_name, surname, pesel, sex, admission_date, end_date, "
        "  end_reason, outcome, workshop_id) VALUES (7, 'Łucja', 'Żak', '44051401359', 'M', "
        "  '2018-03-01', '2019-02-28', 'ukonczenie', 'zatrudnienie', 1);"
        "INSERT INTO resident_category VALUES (7, 'bezdomnosc');",
        NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      store = rei_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rei_store_get_version (store), ==, rei_store_get_latest_version ());
      g_assert_true (rei_store_check (store, &problems, &error));
      g_assert_no_error (error);

      r = rei_store_get_resident (store, 7, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rei_resident_get_surname (r), ==, "Żak");
      g_assert_cmpstr (rei_resident_get (r, REI_RESIDENT_WORKSHOP), ==, "Stolarski");
      g_assert_cmpstr (rei_resident_get_categories (r)[0], ==, "bezdomnosc");
      g_assert_cmpint (rei_store_get_setting_int (store, "participation_months", NULL, -1), ==, 12);

      g_clear_object (&store);
      rei_test_tmpdir_free (g_steal_pointer (&dir));
    }
}

static void
test_transaction_rollback (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (rei_store_begin (store, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ReiResident) r = rei_test_resident_new ("Ewa", "Sowa", NULL);
      rei_resident_set (r, REI_RESIDENT_SEX, "K");
      g_assert_true (rei_store_save_resident (store, r, &error));
    }
  /* Inside the transaction its own rows are visible... */
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 3);
  rei_store_rollback (store);
  /* ...and after the rollback none of them is. */
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);

  /* A failure in a nested part dooms the outer transaction. */
  g_assert_true (rei_store_begin (store, &error));
  {
    g_autoptr(ReiResident) ok = rei_test_resident_new ("Ewa", "Sowa", NULL);
    g_autoptr(ReiResident) bad = rei_test_resident_new ("Ewa", NULL, NULL);
    g_autoptr(GError) local = NULL;

    rei_resident_set (ok, REI_RESIDENT_SEX, "K");
    g_assert_true (rei_store_save_resident (store, ok, &error));
    g_assert_true (rei_store_begin (store, &error));
    rei_store_rollback (store);
    g_assert_false (rei_store_save_resident (store, bad, &local));
  }
  g_assert_false (rei_store_commit (store, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (rei_store_count_residents (store, NULL), ==, 0);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  ReiStore *store;
  GMutex    mutex;
  GCond     cond;
  gboolean  written;
  gboolean  read;
} Concurrent;

static gpointer
write_in_thread (gpointer data)
{
  Concurrent *c = data;
  g_autoptr(ReiResident) r = rei_test_resident_new ("Ewa", "Sowa", NULL);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  rei_resident_set (r, REI_RESIDENT_SEX, "K");
  g_assert_true (rei_store_begin (c->store, NULL));
  g_assert_true (rei_store_save_resident (c->store, r, NULL));

  g_mutex_lock (&c->mutex);
  c->written = TRUE;
  g_cond_signal (&c->cond);
  /* Holds the transaction open until the main thread has read, or gives up after 5 s (a main
   * thread blocked behind this transaction would never read). */
  while (!c->read)
    if (!g_cond_wait_until (&c->cond, &c->mutex, deadline))
      break;
  g_mutex_unlock (&c->mutex);

  g_assert_true (rei_store_commit (c->store, NULL));
  return NULL;
}

/* The window reads on the main thread while an import writes in a worker: the read must answer
 * at once from the last committed state, not wait for the import's transaction. */
static void
test_read_during_write (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  Concurrent c = { 0 };
  GThread *thread;
  gint64 n;

  c.store = rei_test_store_new (dir);
  g_mutex_init (&c.mutex);
  g_cond_init (&c.cond);

  thread = g_thread_new ("writer", write_in_thread, &c);
  g_mutex_lock (&c.mutex);
  while (!c.written)
    g_cond_wait (&c.cond, &c.mutex);
  g_mutex_unlock (&c.mutex);

  n = rei_store_count_residents (c.store, NULL);

  g_mutex_lock (&c.mutex);
  c.read = TRUE;
  g_cond_signal (&c.cond);
  g_mutex_unlock (&c.mutex);
  g_thread_join (thread);

  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (rei_store_count_residents (c.store, NULL), ==, 1);

  g_mutex_clear (&c.mutex);
  g_cond_clear (&c.cond);
  g_clear_object (&c.store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A long read in a worker thread (here a scan held open in its callback) does not make a read
 * on the window's thread wait: the store has a second read connection. */
static gboolean
scan_until_read_cb (ReiResident *resident,
                    gpointer     data)
{
  Concurrent *c = data;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_mutex_lock (&c->mutex);
  c->written = TRUE;
  g_cond_signal (&c->cond);
  while (!c->read)
    if (!g_cond_wait_until (&c->cond, &c->mutex, deadline))
      break;
  g_mutex_unlock (&c->mutex);
  return FALSE;
}

static gpointer
scan_in_thread (gpointer data)
{
  Concurrent *c = data;
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();

  rei_store_foreach_resident (c->store, query, scan_until_read_cb, c, NULL, NULL);
  return NULL;
}

static void
test_read_during_read (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiResident) r = rei_test_resident_new ("Ewa", "Sowa", NULL);
  g_autoptr(GPtrArray) read = NULL;
  Concurrent c = { 0 };
  GThread *thread;
  gint64 start, waited;

  c.store = rei_test_store_new (dir);
  g_assert_true (rei_store_save_resident (c.store, r, NULL));
  g_mutex_init (&c.mutex);
  g_cond_init (&c.cond);

  thread = g_thread_new ("scanner", scan_in_thread, &c);
  g_mutex_lock (&c.mutex);
  while (!c.written)
    g_cond_wait (&c.cond, &c.mutex);
  g_mutex_unlock (&c.mutex);

  /* The scanner holds its connection until we have read (or 5 s). */
  start = g_get_monotonic_time ();
  read = rei_store_get_residents (c.store, (gint64[]) { rei_resident_get_id (r) }, 1);
  waited = g_get_monotonic_time () - start;

  g_mutex_lock (&c.mutex);
  c.read = TRUE;
  g_cond_signal (&c.cond);
  g_mutex_unlock (&c.mutex);
  g_thread_join (thread);

  g_assert_cmpint (waited, <, 2 * G_USEC_PER_SEC);
  g_assert_nonnull (g_ptr_array_index (read, 0));
  g_assert_cmpstr (rei_resident_get_surname (g_ptr_array_index (read, 0)), ==, "Sowa");

  g_mutex_clear (&c.mutex);
  g_cond_clear (&c.cond);
  g_clear_object (&c.store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_audit (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiResident) r = rei_test_resident_new ("Jan", "Kowalski", "44051401359");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  GString *log = g_string_new (NULL);

  rei_store_set_actor (store, "pracownik");
  g_assert_true (rei_store_save_resident (store, r, &error));
  rei_resident_set (r, REI_RESIDENT_PHONE, "600100200");
  rei_resident_set (r, REI_RESIDENT_NOTES, "terapia uzależnień");
  g_assert_true (rei_store_save_resident (store, r, &error));
  g_assert_true (rei_store_delete_resident (store, rei_resident_get_id (r), &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT actor, action, coalesce(detail, '') FROM audit "
                                           "ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (log, "%s:%s:%s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Field names, never values: the audit must not copy the notes about addiction. */
  g_assert_cmpstr (log->str, ==,
                   "pracownik:insert:\n"
                   "pracownik:update:phone,notes\n"
                   "pracownik:delete:\n");
  g_string_free (log, TRUE);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_backup (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(ReiStore) restored = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ReiResident) r = rei_test_resident_new (i ? "Adam" : "Zofia", i ? "Zając" : "Żak",
                                                        NULL);

      g_assert_true (rei_store_save_resident (store, r, &error));
      g_assert_no_error (error);
    }

  /* The store stays open, as the window would keep it. */
  g_assert_true (rei_store_backup (store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (copy), ==, 0600);

  restored = rei_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_count_residents (restored, NULL), ==, 2);
  g_assert_true (rei_store_check (restored, NULL, NULL));

  g_clear_object (&restored);
  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_settings (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autoptr(ReiStore) store = rei_test_store_new (dir);

  g_assert_cmpint (rei_store_get_setting_int (store, "trial_months", NULL, -1), ==, 1);
  g_assert_cmpint (rei_store_get_setting_int (store, "extension_max_months", NULL, -1), ==, 12);
  /* Before the act came into force there was no such rule. */
  g_assert_cmpint (rei_store_get_setting_int (store, "trial_months", "2001-01-01", -1), ==, -1);
  g_assert_cmpint (rei_store_get_setting_int (store, "no_such_key", NULL, 5), ==, 5);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A statement that fails inside a write (here the audit row, refused by a trigger) reports what
 * the store was doing with SQLite's reason, rolls the whole change back and leaves the
 * connections unlocked for the next read and write. */
static void
test_statement_failure (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GError) error = NULL;

  rei_test_exec_raw (path, "CREATE TRIGGER no_audit BEFORE INSERT ON audit "
                           "BEGIN SELECT RAISE(ABORT, 'audit blocked'); END;");
  g_assert_false (rei_store_set_setting (store, "retention_years", "2030-01-01", "3", NULL,
                                         &error));
  g_assert_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "writing the audit trail"));
  g_assert_nonnull (strstr (error->message, "audit blocked"));
  g_clear_error (&error);
  g_assert_cmpint (rei_store_get_setting_int (store, "retention_years", "2030-01-01", -1), ==, 10);

  rei_test_exec_raw (path, "DROP TRIGGER no_audit;");
  g_assert_true (rei_store_set_setting (store, "retention_years", "2030-01-01", "3", NULL,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (rei_store_get_setting_int (store, "retention_years", "2030-01-01", -1), ==, 3);

  g_clear_object (&store);
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create/modes", test_create_modes);
  g_test_add_func ("/store/refuse/random-bytes", test_refuse_random);
  g_test_add_func ("/store/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  g_test_add_func ("/store/refuse/newer-schema", test_refuse_newer);
  g_test_add_func ("/store/migrate/empty-file", test_empty_file);
  g_test_add_func ("/store/migrate/every-version", test_migrate_from_every_version);
  g_test_add_func ("/store/transaction/rollback", test_transaction_rollback);
  g_test_add_func ("/store/transaction/read-during-write", test_read_during_write);
  g_test_add_func ("/store/transaction/read-during-read", test_read_during_read);
  g_test_add_func ("/store/audit", test_audit);
  g_test_add_func ("/store/backup", test_backup);
  g_test_add_func ("/store/settings", test_settings);
  g_test_add_func ("/store/statement/failure", test_statement_failure);

  return g_test_run ();
}

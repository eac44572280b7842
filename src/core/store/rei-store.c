/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rei-collation.h"
#include "rei-date.h"
#include "rei-identifiers.h"
#include "rei-resident-rules.h"
#include "rei-store-private.h"
#include "rei-core-resources.h"

#define MIGRATIONS_PATH "/io/github/reintegra/Reintegra/core/sql"
#define SQLITE_HEADER "SQLite format 3"

/* One SQLite connection with the statements prepared on it.  SQLite connections and prepared
 * statements must not be used by two threads at once, and the window queries from worker
 * threads, so every use goes through the lock. */
struct _ReiStoreConnection
{
  sqlite3    *db;
  GRecMutex   lock;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
};
typedef ReiStoreConnection Connection;

struct _ReiStore
{
  GObject     parent_instance;

  char       *path;
  char       *actor;
  guint       version;

  /* Writes, and reads made inside a transaction, use the writer; other reads use the reader,
   * which in WAL mode sees the last committed state without waiting for a long import. */
  Connection  writer;
  /* Two: a long query in a worker thread (the whole registry sorted) holds one, and the
   * window's reads of a row or a setting take the other instead of waiting for it. */
  Connection  readers[2];

  GThread    *tx_owner;
  guint       tx_depth;
  gboolean    tx_rollback_only;

  char       *today_override;   /* tests only: the day the status filter takes as today */

  ReiStoreImport *import;       /* the bulk import in progress (rei-store-import.c) */
};

G_DEFINE_FINAL_TYPE (ReiStore, rei_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rei-store-error-quark, rei_store_error)

static gsize latest_version;

static const ReiResidentField date_fields[] = {
  REI_RESIDENT_BIRTH_DATE, REI_RESIDENT_REFERRAL_DATE, REI_RESIDENT_ADMISSION_DATE,
  REI_RESIDENT_END_DATE, REI_RESIDENT_OUTCOME_DATE, REI_RESIDENT_CONSENT_DATE,
};

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *what)
{
  int code = sqlite3_extended_errcode (db);
  ReiStoreError our_code = REI_STORE_ERROR_FAILED;

  if ((code & 0xff) == SQLITE_CONSTRAINT)
    our_code = REI_STORE_ERROR_CONSTRAINT;
  else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    our_code = REI_STORE_ERROR_CORRUPT;

  /* SQLite's own text names the table and column, never a value, so it is safe to show. */
  g_set_error (error, REI_STORE_ERROR, our_code, _("Database error while %s: %s"),
               what, sqlite3_errmsg (db));
  return FALSE;
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
connection_clear (Connection *c)
{
  g_clear_pointer (&c->statements, g_hash_table_unref);
  if (c->db != NULL)
    {
      sqlite3_close_v2 (c->db);
      c->db = NULL;
    }
  g_rec_mutex_clear (&c->lock);
}

static int
collate_pl (void       *data,
            int         a_len,
            const void *a,
            int         b_len,
            const void *b)
{
  return rei_collation_compare_n (a, a_len, b, b_len);
}

/* rei_add_months(iso, n): the date n months after an ISO date, as GDate counts it.  SQLite's
 * own date(x, '+1 months') rolls 31 January over into March, while a period in months ends in
 * the last day of a shorter month (and rei-lifecycle.c counts it so); the status filter of the
 * residents list must agree with the status the window shows, so both use GDate. */
static void
sql_add_months (sqlite3_context  *ctx,
                int               argc,
                sqlite3_value   **argv)
{
  const char *iso = (const char *) sqlite3_value_text (argv[0]);
  int months = sqlite3_value_int (argv[1]);
  g_autofree char *result = NULL;
  GDate date;

  if (iso == NULL || !rei_date_iso_to_gdate (iso, &date))
    {
      sqlite3_result_null (ctx);
      return;
    }
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  result = rei_date_to_iso (&date);
  sqlite3_result_text (ctx, result, -1, SQLITE_TRANSIENT);
}

/* The collation "pl" (the resident_name index sorts by it) and rei_add_months(), on any
 * connection to one of our files: every connection that writes to an index must compare exactly
 * as the one that built it. */
void
rei_store_register_sql (sqlite3 *db)
{
  sqlite3_create_collation_v2 (db, "pl", SQLITE_UTF8, NULL, collate_pl, NULL);
  sqlite3_create_function_v2 (db, "rei_add_months", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                              NULL, sql_add_months, NULL, NULL, NULL);
}

static gboolean
connection_open (Connection  *c,
                 const char  *path,
                 GError     **error)
{
  static const char *pragmas =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA secure_delete = ON;"
    "PRAGMA synchronous = FULL;"
    /* A 100 000-person list is read from the page cache (32 MiB), not a pread per page. */
    "PRAGMA cache_size = -32768;";
  int rc;

  rc = sqlite3_open_v2 (path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), path,
                   c->db ? sqlite3_errmsg (c->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (c->db, TRUE);
  sqlite3_busy_timeout (c->db, 10000);
  rei_store_register_sql (c->db);
  /* Keyed by the address of the SQL literal, not its text: hashing a 600-character statement
   * on every use was 2 % of an import. */
  c->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         statement_free);

  if (sqlite3_exec (c->db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, c->db, _("setting up the connection"));
  return TRUE;
}

/* Statements are cached per connection, keyed by the address of their SQL: the SQL strings are
 * literals, so the key needs no copy and no hashing of its text. */
static sqlite3_stmt *
connection_prepare (Connection  *c,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (c->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, c->db, _("preparing a query"));
      return NULL;
    }
  g_hash_table_insert (c->statements, (gpointer) sql, stmt);
  return stmt;
}

/* tx_owner is set by the owning thread itself, so that thread always reads its own value; any
 * other thread reads some other value or NULL, never its own, without taking the writer lock. */
static gboolean
in_own_transaction (ReiStore *self)
{
  return g_atomic_pointer_get (&self->tx_owner) == (gpointer) g_thread_self ();
}

/* Picks the connection for a read and locks it.  A thread inside its own transaction reads on
 * the writer, to see its own uncommitted rows; every other read goes to a reader, which in WAL
 * mode sees the last committed state at once, even while another thread holds a long import. */
static Connection *
lock_reader (ReiStore *self)
{
  if (in_own_transaction (self))
    {
      g_rec_mutex_lock (&self->writer.lock);
      return &self->writer;
    }
  /* A free reader, or one this thread holds already (the locks are recursive).  A thread never
   * waits while it holds a reader, so two threads cannot wait for each other. */
  for (guint i = 0; i < G_N_ELEMENTS (self->readers); i++)
    if (g_rec_mutex_trylock (&self->readers[i].lock))
      return &self->readers[i];
  g_rec_mutex_lock (&self->readers[0].lock);
  return &self->readers[0];
}

static void
unlock_connection (Connection *c)
{
  g_rec_mutex_unlock (&c->lock);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Reads the fixed 100-byte SQLite header without SQLite, so that a file which is not ours is
 * refused before anything could write to it (even opening in WAL mode writes). */
static gboolean
check_header (const char  *path,
              gboolean    *exists,
              GError     **error)
{
  guint8 header[100];
  guint32 app_id, user_version;
  ssize_t n;
  int fd;

  *exists = FALSE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }

  *exists = TRUE;
  n = read (fd, header, sizeof header);
  close (fd);

  /* An empty file is an empty database: a file manager's "New document" gives one.  It was
   * made with the desktop's umask, and personal data is about to go into it. */
  if (n == 0)
    {
      if (g_chmod (path, 0600) != 0)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                       _("Cannot make “%s” private: %s"), path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  if (n < (ssize_t) sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Reintegra database (it is not an SQLite file)."), path);
      return FALSE;
    }

  user_version = ((guint32) header[60] << 24) | (header[61] << 16) | (header[62] << 8) | header[63];
  app_id = ((guint32) header[68] << 24) | (header[69] << 16) | (header[70] << 8) | header[71];

  if (app_id != REI_STORE_APPLICATION_ID)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not of Reintegra."), path);
      return FALSE;
    }

  if (user_version > rei_store_get_latest_version ())
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Reintegra (schema %u; this version "
                     "knows %u). Update the program to open it."),
                   path, user_version, rei_store_get_latest_version ());
      return FALSE;
    }

  return TRUE;
}

/* The database and its -wal and -shm files hold special categories of personal data; SQLite
 * gives the side files the mode of the main file, so creating that one 0600 is enough. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot create the database “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are resources named NNNN-description.sql; their number is the schema version they
 * bring the database to. */
static GPtrArray *
list_migrations (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      rei_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

guint
rei_store_get_latest_version (void)
{
  if (g_once_init_enter (&latest_version))
    {
      g_autoptr(GPtrArray) list = list_migrations ();
      guint v = 0;

      for (guint i = 0; i < list->len; i++)
        v = MAX (v, (guint) g_ascii_strtoull (g_ptr_array_index (list, i), NULL, 10));
      g_once_init_leave (&latest_version, v);
    }
  return (guint) latest_version;
}

static guint
query_uint (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  guint value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
migrate (ReiStore  *self,
         guint      target,
         GError   **error)
{
  sqlite3 *db = self->writer.db;
  g_autoptr(GPtrArray) list = list_migrations ();
  guint current = query_uint (db, "PRAGMA user_version");

  if (current >= target)
    {
      self->version = current;
      return TRUE;
    }

  /* All pending migrations in one transaction: a failure half-way leaves the file at the
   * version it had, never at one that no release of Reintegra ever wrote. */
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db, _("starting the schema upgrade"));

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      guint v = (guint) g_ascii_strtoull (name, NULL, 10);
      g_autofree char *res_path = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (v <= current || v > target)
        continue;

      res_path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
      bytes = g_resources_lookup_data (res_path, 0, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_MIGRATION,
                       _("Upgrading the database to schema %u failed: %s"), v, sqlite3_errmsg (db));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                                               (int) REI_STORE_APPLICATION_ID, target);
    if (sqlite3_exec (db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
      {
        set_sqlite_error (error, db, _("finishing the schema upgrade"));
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }

  self->version = target;
  return TRUE;
}

static void
rei_store_finalize (GObject *object)
{
  ReiStore *self = (ReiStore *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->readers); i++)
    connection_clear (&self->readers[i]);
  connection_clear (&self->writer);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->today_override);

  G_OBJECT_CLASS (rei_store_parent_class)->finalize (object);
}

static void
rei_store_class_init (ReiStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_store_finalize;
}

static void
rei_store_init (ReiStore *self)
{
  g_rec_mutex_init (&self->writer.lock);
  for (guint i = 0; i < G_N_ELEMENTS (self->readers); i++)
    g_rec_mutex_init (&self->readers[i].lock);
  self->actor = g_strdup (g_get_user_name ());
}

ReiStore *
rei_store_open_at_version (const char  *path,
                           guint        version,
                           GError     **error)
{
  g_autoptr(ReiStore) self = NULL;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &exists, error))
    return NULL;
  if (!exists && !create_private_file (path, error))
    return NULL;

  self = g_object_new (REI_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!connection_open (&self->writer, path, error))
    return NULL;

  /* WAL lets the window read while an import writes; FULL keeps a committed row through a
   * power cut.  Only now, after the header check, may SQLite write to the file. */
  if (sqlite3_exec (self->writer.db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, self->writer.db, _("switching the journal to WAL"));
      return NULL;
    }

  if (!migrate (self, version, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (self->readers); i++)
    if (!connection_open (&self->readers[i], path, error))
      return NULL;

  return g_steal_pointer (&self);
}

ReiStore *
rei_store_open (const char  *path,
                GError     **error)
{
  return rei_store_open_at_version (path, rei_store_get_latest_version (), error);
}

const char *
rei_store_get_path (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return self->path;
}

guint
rei_store_get_version (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), 0);
  return self->version;
}

void
rei_store_set_today (ReiStore   *self,
                     const char *today_iso)
{
  g_return_if_fail (REI_IS_STORE (self));
  g_free (self->today_override);
  self->today_override = g_strdup (today_iso);
}

char *
rei_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reintegra", "reintegra.db", NULL);
}

void
rei_store_set_actor (ReiStore   *self,
                     const char *actor)
{
  g_return_if_fail (REI_IS_STORE (self));
  g_free (self->actor);
  self->actor = g_strdup (actor ? actor : g_get_user_name ());
}

gboolean
rei_store_begin (ReiStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  /* The writer stays locked until the outermost commit or rollback, so that no other thread
   * slips its statements into this transaction. */
  g_rec_mutex_lock (&self->writer.lock);
  if (self->tx_depth == 0)
    {
      if (sqlite3_exec (self->writer.db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        {
          set_sqlite_error (error, self->writer.db, _("starting a transaction"));
          g_rec_mutex_unlock (&self->writer.lock);
          return FALSE;
        }
      g_atomic_pointer_set (&self->tx_owner, g_thread_self ());
      self->tx_rollback_only = FALSE;
    }
  self->tx_depth++;
  return TRUE;
}

static void
end_transaction (ReiStore *self)
{
  self->tx_depth--;
  if (self->tx_depth == 0)
    g_atomic_pointer_set (&self->tx_owner, NULL);
  g_rec_mutex_unlock (&self->writer.lock);
}

gboolean
rei_store_commit (ReiStore  *self,
                  GError   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (in_own_transaction (self), FALSE);

  if (self->tx_depth == 1)
    {
      if (self->tx_rollback_only)
        {
          sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_FAILED,
                       _("The changes were not saved because part of them failed."));
          ok = FALSE;
        }
      else if (sqlite3_exec (self->writer.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          ok = set_sqlite_error (error, self->writer.db, _("saving the changes"));
          sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);
        }
    }
  end_transaction (self);
  return ok;
}

void
rei_store_rollback (ReiStore *self)
{
  g_return_if_fail (REI_IS_STORE (self));
  g_return_if_fail (in_own_transaction (self));

  if (self->tx_depth == 1)
    sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);
  else
    self->tx_rollback_only = TRUE;
  end_transaction (self);
}

static gboolean
write_audit (ReiStore    *self,
             const char  *entity,
             gint64       entity_id,
             const char  *action,
             const char  *detail,
             GError     **error)
{
  sqlite3_stmt *stmt;

  /* Inside a bulk import a record's insert or update is an item of the import's one audit row
   * (rei-store-import.h): a third of the cost, and the person's history still shows it. */
  if (self->import != NULL && (strcmp (action, "insert") == 0 || strcmp (action, "update") == 0))
    return rei_store_import_add_item (self->import, &self->writer, entity, entity_id, detail,
                                      error);

  stmt = connection_prepare (&self->writer,
    "INSERT INTO audit (actor, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, self->actor);
  bind_text (stmt, 2, entity);
  sqlite3_bind_int64 (stmt, 3, entity_id);
  bind_text (stmt, 4, action);
  bind_text (stmt, 5, detail);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->writer.db, _("writing the audit trail"));
  return TRUE;
}

/* Resident rows are read with their categories, projects and workshop in one statement, so a
 * list of 100 000 costs one query, not three hundred thousand. */
#define RESIDENT_SELECT \
  "SELECT r.id, r.first_name, r.surname, r.pesel, r.sex, r.birth_date, r.phone, r.email, " \
  "r.address, r.postcode, r.town, r.commune, r.citizenship, r.referral, r.referral_date, " \
  "r.contract_number, r.education, r.labour_status, r.disability, r.admission_date, r.end_date, " \
  "r.end_reason, r.outcome, r.outcome_date, w.name, r.consent_basis, r.consent_date, r.notes, " \
  "r.extension_months, r.anonymised, " \
  "(SELECT group_concat(category_code, '|') FROM resident_category WHERE resident_id = r.id), " \
  "(SELECT group_concat(p.title, '|') FROM resident_project rp JOIN project p ON p.id = rp.project_id " \
  "  WHERE rp.resident_id = r.id) " \
  "FROM resident r LEFT JOIN workshop w ON w.id = r.workshop_id "

static ReiResident *
resident_from_row (sqlite3_stmt *stmt)
{
  ReiResident *resident = rei_resident_new ();
  const char *joined;

  rei_resident_set_id (resident, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    rei_resident_set (resident, i, (const char *) sqlite3_column_text (stmt, 1 + i));
  rei_resident_set_extension_months (resident, sqlite3_column_int (stmt, 1 + REI_RESIDENT_N_FIELDS));
  rei_resident_set_anonymised (resident, sqlite3_column_int (stmt, 2 + REI_RESIDENT_N_FIELDS));

  joined = (const char *) sqlite3_column_text (stmt, 3 + REI_RESIDENT_N_FIELDS);
  if (joined != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (joined, "|", -1);
      rei_resident_set_categories (resident, (const char * const *) codes);
    }
  joined = (const char *) sqlite3_column_text (stmt, 4 + REI_RESIDENT_N_FIELDS);
  if (joined != NULL)
    {
      g_auto(GStrv) titles = g_strsplit (joined, "|", -1);
      rei_resident_set_projects (resident, (const char * const *) titles);
    }
  return resident;
}

static ReiResident *
get_resident_locked (ReiStore    *self,
                     Connection  *c,
                     gint64       id,
                     GError     **error)
{
  sqlite3_stmt *stmt = connection_prepare (c, RESIDENT_SELECT "WHERE r.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ReiResident *resident = resident_from_row (stmt);
      sqlite3_reset (stmt);
      return resident;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                 _("The resident no longer exists; somebody may have deleted them."));
  else
    set_sqlite_error (error, c->db, _("reading a resident"));
  sqlite3_reset (stmt);
  return NULL;
}

ReiResident *
rei_store_get_resident (ReiStore  *self,
                        gint64     id,
                        GError   **error)
{
  Connection *c;
  ReiResident *resident;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  c = lock_reader (self);
  resident = get_resident_locked (self, c, id, error);
  unlock_connection (c);
  return resident;
}

static void
unref_resident (gpointer resident)
{
  if (resident != NULL)
    g_object_unref (resident);
}

GPtrArray *
rei_store_get_residents (ReiStore     *self,
                         const gint64 *ids,
                         guint         n_ids)
{
  GPtrArray *residents;
  Connection *c;
  gboolean own_transaction;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  residents = g_ptr_array_new_full (n_ids, unref_resident);
  c = lock_reader (self);
  /* One read transaction for all: each statement outside one takes and drops the database
   * file's lock and checks the write-ahead log again, which is most of the cost of reading a
   * row (a list's screen after a jump is 200 of them).  On the writer (the calling thread's own
   * transaction), that one.  Without BEGIN, each read on its own, as ever. */
  own_transaction = c != &self->writer && sqlite3_get_autocommit (c->db)
                    && sqlite3_exec (c->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  for (guint i = 0; i < n_ids; i++)
    g_ptr_array_add (residents, get_resident_locked (self, c, ids[i], NULL));
  /* A read transaction left open would keep the reader on this snapshot for good. */
  if (own_transaction && sqlite3_exec (c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (c->db, "ROLLBACK", NULL, NULL, NULL);
  unlock_connection (c);
  return residents;
}

gint64
rei_store_find_resident_by_pesel (ReiStore    *self,
                                  const char  *pesel,
                                  GError     **error)
{
  Connection *c;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (REI_IS_STORE (self), 0);

  if (pesel == NULL || *pesel == '\0')
    return 0;

  c = lock_reader (self);
  stmt = connection_prepare (c, "SELECT id FROM resident WHERE pesel = ?", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, pesel);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  unlock_connection (c);
  return id;
}

/* The same person in a sheet and in the registry: by PESEL when there is one; without it (a
 * foreigner, a refugee before the number is issued) by the name with the birth and admission
 * dates, compared NULL-safely, among the people who have no PESEL either. */
gint64
rei_store_find_matching_resident (ReiStore     *self,
                                  ReiResident  *resident,
                                  GError      **error)
{
  Connection *c;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (REI_IS_STORE (self), 0);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), 0);

  if (rei_resident_get_pesel (resident) != NULL)
    return rei_store_find_resident_by_pesel (self, rei_resident_get_pesel (resident), error);

  c = lock_reader (self);
  stmt = connection_prepare (c,
    "SELECT id FROM resident WHERE pesel IS NULL AND NOT anonymised AND first_name = ? "
    "AND surname = ? AND birth_date IS ? AND admission_date IS ? ORDER BY id LIMIT 1", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, rei_resident_get_first_name (resident));
      bind_text (stmt, 2, rei_resident_get_surname (resident));
      bind_text (stmt, 3, rei_resident_get (resident, REI_RESIDENT_BIRTH_DATE));
      bind_text (stmt, 4, rei_resident_get (resident, REI_RESIDENT_ADMISSION_DATE));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  unlock_connection (c);
  return id;
}

static gboolean
check_code (ReiStore    *self,
            const char  *table,
            const char  *code,
            const char  *what,
            GError     **error)
{
  gint64 known = 0;

  if (code == NULL)
    return TRUE;
  /* During an import the answer is remembered (the codes cannot change under it). */
  if (self->import == NULL || !rei_store_import_cache_get (self->import, table, code, &known))
    {
      known = rei_store_has_code (self, table, code);
      if (self->import != NULL)
        rei_store_import_cache_put (self->import, table, code, known);
    }
  if (known)
    return TRUE;
  g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
               _("Unknown %s “%s”."), what, code);
  return FALSE;
}

/* The rules every resident row obeys whichever way it arrives (window, import, demo), so that
 * no path into the database can store what another would refuse. */
static gboolean
validate_resident (ReiStore     *self,
                   ReiResident  *r,
                   GError      **error)
{
  const char *pesel = rei_resident_get (r, REI_RESIDENT_PESEL);
  const char *sex = rei_resident_get (r, REI_RESIDENT_SEX);
  const char *admission = rei_resident_get (r, REI_RESIDENT_ADMISSION_DATE);
  const char *end = rei_resident_get (r, REI_RESIDENT_END_DATE);
  const char * const *codes;

  /* The rules of single fields and between them, in the words the form uses. */
  {
    g_autoptr(GError) rule_error = NULL;

    if (!rei_resident_rules_validate (r, &rule_error))
      {
        g_set_error_literal (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID, rule_error->message);
        return FALSE;
      }
  }

  if (pesel != NULL && !rei_resident_get_anonymised (r))
    {
      char pesel_sex = 0;

      if (!rei_pesel_parse (pesel, NULL, &pesel_sex, error))
        return FALSE;
      if (sex != NULL && sex[0] != pesel_sex)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                       _("The sex “%s” does not agree with the PESEL."), sex);
          return FALSE;
        }
    }

  if (sex != NULL && g_strcmp0 (sex, "K") != 0 && g_strcmp0 (sex, "M") != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("Sex must be K or M, not “%s”."), sex);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      const char *value = rei_resident_get (r, date_fields[i]);
      g_autofree char *iso = rei_date_normalize (value);

      if (value != NULL && g_strcmp0 (iso, value) != 0)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                       _("“%s” is not a date."), value);
          return FALSE;
        }
    }

  if (admission != NULL && end != NULL && strcmp (end, admission) < 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("The end date is before the admission date."));
      return FALSE;
    }

  if (!check_code (self, "end_reason", rei_resident_get (r, REI_RESIDENT_END_REASON),
                   _("reason for ending"), error) ||
      !check_code (self, "outcome", rei_resident_get (r, REI_RESIDENT_OUTCOME),
                   _("situation after leaving"), error) ||
      !check_code (self, "legal_basis", rei_resident_get (r, REI_RESIDENT_CONSENT_BASIS),
                   _("legal basis"), error))
    return FALSE;

  /* The longest extension the law allows is a setting in force on the admission date, the same
   * one rei_lifecycle_validate_extension() checks in the window. */
  {
    int extension = rei_resident_get_extension_months (r);
    int max = 0;

    /* No extension needs no setting (the limit is never negative), and today's limit, the
     * fallback, is looked up only when the admission date has none: reading the clock and the
     * time zone for every row was a sixth of an import. */
    if (extension != 0)
      {
        max = rei_store_get_setting_int (self, "extension_max_months", admission, -1);
        if (max < 0)
          max = rei_store_get_setting_int (self, "extension_max_months", NULL, 12);
      }

    if (extension < 0 || extension > max)
      {
        g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                     _("The participation can be extended by at most %d months."), max);
        return FALSE;
      }
  }

  codes = rei_resident_get_categories (r);
  for (guint i = 0; codes[i]; i++)
    if (!check_code (self, "category", codes[i], _("category"), error))
      return FALSE;

  return TRUE;
}

static gint64
insert_named_row (ReiStore    *self,
                  const char  *insert_sql,
                  const char  *name,
                  GError     **error)
{
  sqlite3_stmt *stmt = connection_prepare (&self->writer, insert_sql, error);

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, self->writer.db, _("adding a name to a list"));
      return -1;
    }
  return sqlite3_last_insert_rowid (self->writer.db);
}

static gint64
ensure_named_row (ReiStore    *self,
                  const char  *select_sql,
                  const char  *insert_sql,
                  const char  *name,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  /* An import names the same few workshops and projects on every row. */
  if (self->import != NULL && rei_store_import_cache_get (self->import, select_sql, name, &id))
    return id;

  stmt = connection_prepare (&self->writer, select_sql, error);
  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id <= 0)
    id = insert_named_row (self, insert_sql, name, error);
  if (id > 0 && self->import != NULL)
    rei_store_import_cache_put (self->import, select_sql, name, id);
  return id;
}


static char *
make_search_key (ReiResident *r)
{
  g_autofree char *joined = g_strjoin (" ",
                                       rei_resident_get (r, REI_RESIDENT_SURNAME) ?: "",
                                       rei_resident_get (r, REI_RESIDENT_FIRST_NAME) ?: "",
                                       rei_resident_get (r, REI_RESIDENT_PESEL) ?: "",
                                       NULL);
  return rei_collation_search_key (joined);
}

static char *
describe_changes (ReiResident *old,
                  ReiResident *new)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *old_cats = g_strjoinv ("|", (char **) rei_resident_get_categories (old));
  g_autofree char *new_cats = g_strjoinv ("|", (char **) rei_resident_get_categories (new));
  g_autofree char *old_projects = g_strjoinv ("|", (char **) rei_resident_get_projects (old));
  g_autofree char *new_projects = g_strjoinv ("|", (char **) rei_resident_get_projects (new));

  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    if (g_strcmp0 (rei_resident_get (old, i), rei_resident_get (new, i)) != 0)
      g_string_append_printf (s, "%s%s", s->len ? "," : "", rei_resident_field_name (i));
  if (g_strcmp0 (old_cats, new_cats) != 0)
    g_string_append_printf (s, "%scategories", s->len ? "," : "");
  if (g_strcmp0 (old_projects, new_projects) != 0)
    g_string_append_printf (s, "%sprojects", s->len ? "," : "");
  if (rei_resident_get_extension_months (old) != rei_resident_get_extension_months (new))
    g_string_append_printf (s, "%sextension-months", s->len ? "," : "");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* What a write of a whole resident row is, for the audit trail and for the id. */
typedef enum
{
  SAVE_NORMAL,     /* insert when the id is 0, update otherwise */
  SAVE_RESTORE,    /* insert again under the id the row had before it was deleted */
  SAVE_ANONYMISE,  /* an update that the audit trail names as such */
} SaveMode;

static gboolean
save_resident_locked (ReiStore     *self,
                      ReiResident  *r,
                      SaveMode      mode,
                      GError      **error)
{
  static const char *insert_sql =
    "INSERT INTO resident (first_name, surname, pesel, sex, birth_date, phone, email, address, "
    "postcode, town, commune, citizenship, referral, referral_date, contract_number, education, "
    "labour_status, disability, admission_date, end_date, end_reason, outcome, outcome_date, "
    "workshop_id, consent_basis, consent_date, notes, extension_months, anonymised, search_key) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  /* The id goes last, where the update binds it too. */
  static const char *restore_sql =
    "INSERT INTO resident (first_name, surname, pesel, sex, birth_date, phone, email, address, "
    "postcode, town, commune, citizenship, referral, referral_date, contract_number, education, "
    "labour_status, disability, admission_date, end_date, end_reason, outcome, outcome_date, "
    "workshop_id, consent_basis, consent_date, notes, extension_months, anonymised, search_key, id) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  static const char *update_sql =
    "UPDATE resident SET first_name=?, surname=?, pesel=?, sex=?, birth_date=?, phone=?, email=?, "
    "address=?, postcode=?, town=?, commune=?, citizenship=?, referral=?, referral_date=?, "
    "contract_number=?, education=?, labour_status=?, disability=?, admission_date=?, end_date=?, "
    "end_reason=?, outcome=?, outcome_date=?, workshop_id=?, consent_basis=?, consent_date=?, "
    "notes=?, extension_months=?, anonymised=?, search_key=?, "
    "updated_at=strftime('%Y-%m-%dT%H:%M:%S','now') WHERE id=?";
  gint64 id = rei_resident_get_id (r);
  g_autoptr(ReiResident) old = NULL;
  g_autofree char *search_key = NULL;
  g_autofree char *detail = NULL;
  const char *workshop;
  const char * const *list;
  const char *action;
  sqlite3_stmt *stmt;
  gint64 workshop_id = 0;

  if (!validate_resident (self, r, error))
    return FALSE;

  if (mode == SAVE_RESTORE)
    {
      g_assert (id > 0);
      stmt = connection_prepare (&self->writer, "SELECT 1 FROM resident WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT,
                       _("The resident is already in the register."));
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  else if (id > 0)
    {
      old = get_resident_locked (self, &self->writer, id, error);
      if (old == NULL)
        return FALSE;
    }

  workshop = rei_resident_get (r, REI_RESIDENT_WORKSHOP);
  if (workshop != NULL)
    {
      workshop_id = ensure_named_row (self, "SELECT id FROM workshop WHERE name = ?",
                                      "INSERT INTO workshop (name) VALUES (?)", workshop, error);
      if (workshop_id < 0)
        return FALSE;
    }

  stmt = connection_prepare (&self->writer,
                             mode == SAVE_RESTORE ? restore_sql : id > 0 ? update_sql : insert_sql,
                             error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0, col = 1; i < REI_RESIDENT_N_FIELDS; i++, col++)
    {
      if (i == REI_RESIDENT_WORKSHOP)
        {
          if (workshop_id > 0)
            sqlite3_bind_int64 (stmt, col, workshop_id);
          else
            sqlite3_bind_null (stmt, col);
        }
      else
        bind_text (stmt, col, rei_resident_get (r, i));
    }
  search_key = make_search_key (r);
  sqlite3_bind_int (stmt, REI_RESIDENT_N_FIELDS + 1, rei_resident_get_extension_months (r));
  sqlite3_bind_int (stmt, REI_RESIDENT_N_FIELDS + 2, rei_resident_get_anonymised (r));
  bind_text (stmt, REI_RESIDENT_N_FIELDS + 3, search_key);
  if (id > 0)
    sqlite3_bind_int64 (stmt, REI_RESIDENT_N_FIELDS + 4, id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->writer.db) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_CONSTRAINT,
                       _("Another resident already has this PESEL."));
          sqlite3_reset (stmt);
          return FALSE;
        }
      set_sqlite_error (error, self->writer.db, _("saving a resident"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (id <= 0)
    {
      id = sqlite3_last_insert_rowid (self->writer.db);
      rei_resident_set_id (r, id);
    }
  else if (old != NULL)
    {
      stmt = connection_prepare (&self->writer,
                                 "DELETE FROM resident_category WHERE resident_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_step (stmt);
      stmt = connection_prepare (&self->writer,
                                 "DELETE FROM resident_project WHERE resident_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_step (stmt);
    }

  list = rei_resident_get_categories (r);
  for (guint i = 0; list[i]; i++)
    {
      stmt = connection_prepare (&self->writer,
        "INSERT OR IGNORE INTO resident_category (resident_id, category_code) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, list[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return set_sqlite_error (error, self->writer.db, _("saving categories"));
    }

  list = rei_resident_get_projects (r);
  for (guint i = 0; list[i]; i++)
    {
      gint64 project_id = ensure_named_row (self, "SELECT id FROM project WHERE title = ?",
                                            "INSERT INTO project (title) VALUES (?)", list[i], error);
      if (project_id < 0)
        return FALSE;
      stmt = connection_prepare (&self->writer,
        "INSERT OR IGNORE INTO resident_project (resident_id, project_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, project_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return set_sqlite_error (error, self->writer.db, _("saving projects"));
    }

  /* The audit trail names the fields that changed, never their values: it must not become a
   * second copy of the special-category data it guards. */
  if (old != NULL)
    {
      detail = describe_changes (old, r);
      if (*detail == '\0')
        return TRUE;
    }
  action = mode == SAVE_RESTORE ? "restore"
           : mode == SAVE_ANONYMISE ? "anonymise"
           : old != NULL ? "update" : "insert";
  return write_audit (self, "resident", id, action, detail, error);
}

gboolean
rei_store_save_resident (ReiStore     *self,
                         ReiResident  *resident,
                         GError      **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  if (!save_resident_locked (self, resident, SAVE_NORMAL, error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

gboolean
rei_store_delete_resident (ReiStore  *self,
                           gint64     id,
                           GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;

  stmt = connection_prepare (&self->writer, "DELETE FROM resident WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, self->writer.db, _("deleting a resident"));
      goto fail;
    }
  if (sqlite3_changes (self->writer.db) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                   _("The resident no longer exists; somebody may have deleted them."));
      goto fail;
    }
  if (!write_audit (self, "resident", id, "delete", NULL, error))
    goto fail;
  return rei_store_commit (self, error);

fail:
  rei_store_rollback (self);
  return FALSE;
}

gboolean
rei_store_restore_resident (ReiStore     *self,
                            ReiResident  *resident,
                            GError      **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (REI_IS_RESIDENT (resident), FALSE);
  g_return_val_if_fail (rei_resident_get_id (resident) > 0, FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  if (!save_resident_locked (self, resident, SAVE_RESTORE, error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

/* The fields that identify a person, cleared by an anonymisation.  What stays (sex, commune,
 * dates, end reason, outcome, categories, workshop, projects, education, labour status,
 * disability, referral) is what the statistics and the reports by commune are made of. */
static const ReiResidentField identity_fields[] = {
  REI_RESIDENT_PESEL, REI_RESIDENT_BIRTH_DATE, REI_RESIDENT_PHONE, REI_RESIDENT_EMAIL,
  REI_RESIDENT_ADDRESS, REI_RESIDENT_POSTCODE, REI_RESIDENT_TOWN, REI_RESIDENT_CONTRACT_NUMBER,
  REI_RESIDENT_NOTES, REI_RESIDENT_CONSENT_BASIS, REI_RESIDENT_CONSENT_DATE,
};

/* Folds the write-ahead log back into the database and empties it, so that the pages that held
 * the old values (which secure_delete has zeroed in the database itself) do not survive in it. */
static void
truncate_wal (ReiStore *self)
{
  sqlite3_stmt *stmt = NULL;

  g_rec_mutex_lock (&self->writer.lock);
  if (sqlite3_prepare_v2 (self->writer.db, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &stmt,
                          NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_int (stmt, 0) != 0)
    g_warning ("The write-ahead log could not be emptied after an anonymisation because the "
               "database is busy; it will be at the next checkpoint.");
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->writer.lock);
}

gboolean
rei_store_anonymise_resident (ReiStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(ReiResident) r = NULL;
  g_autofree char *surname = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;

  r = get_resident_locked (self, &self->writer, id, error);
  if (r == NULL)
    goto fail;

  /* The placeholders are data, like the other Polish values in the register, not interface
   * text: they must read the same in every report whatever the language of the window. */
  surname = g_strdup_printf ("Uczestnik #%" G_GINT64_FORMAT, id);
  rei_resident_set (r, REI_RESIDENT_FIRST_NAME, "Anonimizowany");
  rei_resident_set (r, REI_RESIDENT_SURNAME, surname);
  for (guint i = 0; i < G_N_ELEMENTS (identity_fields); i++)
    rei_resident_set (r, identity_fields[i], NULL);
  rei_resident_set_anonymised (r, TRUE);

  if (!save_resident_locked (self, r, SAVE_ANONYMISE, error))
    goto fail;
  if (!rei_store_commit (self, error))
    return FALSE;

  /* Inside a caller's transaction nothing is written yet; the caller's commit leaves the log
   * for the next checkpoint. */
  if (!in_own_transaction (self))
    truncate_wal (self);
  return TRUE;

fail:
  rei_store_rollback (self);
  return FALSE;
}

GArray *
rei_store_list_retention_expired (ReiStore    *self,
                                  const char  *today_iso,
                                  GError     **error)
{
  g_autofree char *today = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Connection *c;
  sqlite3_stmt *stmt;
  int years, rc;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (today_iso == NULL)
    today_iso = today = rei_date_today_iso ();
  /* A setting of the centre, as its data-retention policy stands today. */
  years = rei_store_get_setting_int (self, "retention_years", today_iso, -1);
  if (years < 0)
    return g_steal_pointer (&ids);

  c = lock_reader (self);
  stmt = connection_prepare (c,
    "SELECT id FROM resident WHERE NOT anonymised AND end_date IS NOT NULL "
    "AND rei_add_months(end_date, ?) < ? ORDER BY end_date, id", error);
  if (stmt == NULL)
    {
      unlock_connection (c);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, years * 12);
  bind_text (stmt, 2, today_iso);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    set_sqlite_error (error, c->db, _("listing residents"));
  sqlite3_reset (stmt);
  unlock_connection (c);
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

void
rei_audit_entry_free (ReiAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->detail);
  g_free (entry);
}

gboolean
rei_store_add_audit (ReiStore    *self,
                     const char  *entity,
                     gint64       entity_id,
                     const char  *action,
                     const char  *detail,
                     GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && action != NULL, FALSE);

  if (!rei_store_begin (self, error))
    return FALSE;
  if (!write_audit (self, entity, entity_id, action, detail, error))
    {
      rei_store_rollback (self);
      return FALSE;
    }
  return rei_store_commit (self, error);
}

GPtrArray *
rei_store_list_audit (ReiStore    *self,
                      const char  *entity,
                      gint64       entity_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rei_audit_entry_free);
  Connection *c;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  c = lock_reader (self);
  stmt = connection_prepare (c,
    "SELECT id, at, actor, entity, entity_id, action, detail FROM audit "
    "WHERE entity = ?1 AND entity_id = ?2 "
    /* A bulk import's part: its one audit row, seen from each record it added or changed. */
    "UNION ALL SELECT a.id, a.at, a.actor, i.entity, i.entity_id, a.action, i.detail "
    "FROM audit_item i JOIN audit a ON a.id = i.audit_id "
    "WHERE i.entity = ?1 AND i.entity_id = ?2 ORDER BY 1", error);
  if (stmt == NULL)
    {
      unlock_connection (c);
      return NULL;
    }
  bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReiAuditEntry *e = g_new0 (ReiAuditEntry, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      e->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      e->entity_id = sqlite3_column_int64 (stmt, 4);
      e->action = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      e->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, e);
    }
  if (rc != SQLITE_DONE)
    set_sqlite_error (error, c->db, _("reading the audit trail"));
  sqlite3_reset (stmt);
  unlock_connection (c);
  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}

gint64
rei_store_count_residents (ReiStore  *self,
                           GError   **error)
{
  Connection *c;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (REI_IS_STORE (self), -1);

  c = lock_reader (self);
  stmt = connection_prepare (c, "SELECT count(*) FROM resident", error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  unlock_connection (c);
  return n;
}

gboolean
rei_store_get_year_range (ReiStore  *self,
                          int       *first_admission,
                          int       *last_admission,
                          int       *first_end,
                          int       *last_end,
                          GError   **error)
{
  Connection *c;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int years[4] = { 0, 0, 0, 0 };

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  /* Each min() and max() is one step down an index, whatever the size of the register. */
  c = lock_reader (self);
  stmt = connection_prepare (c,
    "SELECT CAST(substr((SELECT min(admission_date) FROM resident), 1, 4) AS INTEGER), "
    "CAST(substr((SELECT max(admission_date) FROM resident), 1, 4) AS INTEGER), "
    "CAST(substr((SELECT min(end_date) FROM resident), 1, 4) AS INTEGER), "
    "CAST(substr((SELECT max(end_date) FROM resident), 1, 4) AS INTEGER)", error);
  if (stmt != NULL)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < 4; i++)
            years[i] = sqlite3_column_int (stmt, i);
          ok = TRUE;
        }
      else
        set_sqlite_error (error, c->db, _("listing residents"));
      sqlite3_reset (stmt);
    }
  unlock_connection (c);

  if (first_admission != NULL)
    *first_admission = years[0];
  if (last_admission != NULL)
    *last_admission = years[1];
  if (first_end != NULL)
    *first_end = years[2];
  if (last_end != NULL)
    *last_end = years[3];
  return ok;
}

/* The trial months in force on the resident's admission date; the one parameter is the value
 * to use when no rule was in force then. */
#define TRIAL_MONTHS_SQL \
  "coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'trial_months' " \
  "AND effective_from <= r.admission_date ORDER BY effective_from DESC LIMIT 1), ?)"

/* Builds the WHERE and ORDER BY of a resident query.  Every value goes in as a bound parameter
 * (collected in params); only fixed SQL fragments are pasted into the text. */
static char *
build_query_sql (ReiStore               *self,
                 const char             *select,
                 const ReiResidentQuery *q,
                 GPtrArray              *params)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autofree char *today = self->today_override != NULL ? g_strdup (self->today_override)
                                                       : rei_date_today_iso ();
  /* The trial month is the one in force on the admission date (as rei_lifecycle_rules_load()
   * reads it), or today's when no rule was in force then. */
  int trial_months = rei_store_get_setting_int (self, "trial_months", NULL, 1);
  const char *and = " WHERE ";
  /* The first key of each sort; ties fall back to the name, then to the id, so the order is
   * total and a list does not reshuffle between two identical queries. */
  static const char *order_by[] = {
    [REI_RESIDENT_SORT_NAME] = "r.surname COLLATE pl",
    [REI_RESIDENT_SORT_FIRST_NAME] = "r.first_name COLLATE pl",
    [REI_RESIDENT_SORT_PESEL] = "r.pesel",
    [REI_RESIDENT_SORT_ADMISSION] = "r.admission_date",
    [REI_RESIDENT_SORT_END] = "r.end_date",
    [REI_RESIDENT_SORT_WORKSHOP] = "(SELECT name FROM workshop WHERE id = r.workshop_id) COLLATE pl",
    /* The order of the lifecycle, with the tests of the status filter above and of
     * rei_lifecycle_compute(); parameters: today, trial months, today. */
    [REI_RESIDENT_SORT_STATUS] = "CASE WHEN r.end_date IS NOT NULL THEN 4 "
      "WHEN r.admission_date IS NULL OR r.admission_date > ? THEN 1 "
      "WHEN rei_add_months(r.admission_date, " TRIAL_MONTHS_SQL ") > ? THEN 2 ELSE 3 END",
    /* As ReiLifecycle.days_in_programme counts them; parameters: today, today. */
    [REI_RESIDENT_SORT_DAYS] = "CASE WHEN r.admission_date IS NULL "
      "OR (r.end_date IS NULL AND r.admission_date > ?) THEN 0 "
      "ELSE max(0, julianday(coalesce(r.end_date, ?)) - julianday(r.admission_date) + 1) END",
    /* The lists in the order RESIDENT_SELECT reads them, by the labels a list shows. */
    [REI_RESIDENT_SORT_CATEGORY] = "(SELECT group_concat(c.label, '|') FROM resident_category rc "
      "JOIN category c ON c.code = rc.category_code WHERE rc.resident_id = r.id) COLLATE pl",
    [REI_RESIDENT_SORT_PROJECT] = "(SELECT group_concat(p.title, '|') FROM resident_project rp "
      "JOIN project p ON p.id = rp.project_id WHERE rp.resident_id = r.id) COLLATE pl",
  };
  ReiResidentQuery empty = { 0 };

  if (q == NULL)
    q = &empty;

#define ADD_COND(...) G_STMT_START { g_string_append (sql, and); \
                                     g_string_append_printf (sql, __VA_ARGS__); and = " AND "; } G_STMT_END

  if (q->search != NULL && *q->search != '\0')
    {
      g_autofree char *key = rei_collation_search_key (q->search);
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (key), " \t", -1);

      /* Each word must appear somewhere, so "kowal jan" and "jan kowal" both find Jan Kowalski. */
      for (guint i = 0; words[i]; i++)
        {
          if (*words[i] == '\0')
            continue;
          ADD_COND ("r.search_key LIKE ? ESCAPE '\\'");
          {
            g_autoptr(GString) pattern = g_string_new ("%");
            for (const char *p = words[i]; *p; p++)
              {
                if (*p == '%' || *p == '_' || *p == '\\')
                  g_string_append_c (pattern, '\\');
                g_string_append_c (pattern, *p);
              }
            g_string_append_c (pattern, '%');
            g_ptr_array_add (params, g_string_free (g_steal_pointer (&pattern), FALSE));
          }
        }
    }

  switch (q->status)
    {
    case REI_RESIDENT_STATUS_ANY:
      break;
    case REI_RESIDENT_STATUS_CANDIDATE:
      ADD_COND ("r.end_date IS NULL AND (r.admission_date IS NULL OR r.admission_date > ?)");
      g_ptr_array_add (params, g_strdup (today));
      break;
    case REI_RESIDENT_STATUS_TRIAL:
      ADD_COND ("r.end_date IS NULL AND r.admission_date <= ? AND "
                "rei_add_months(r.admission_date, " TRIAL_MONTHS_SQL ") > ?");
      g_ptr_array_add (params, g_strdup (today));
      g_ptr_array_add (params, g_strdup_printf ("%d", trial_months));
      g_ptr_array_add (params, g_strdup (today));
      break;
    case REI_RESIDENT_STATUS_PARTICIPANT:
      ADD_COND ("r.end_date IS NULL AND "
                "rei_add_months(r.admission_date, " TRIAL_MONTHS_SQL ") <= ?");
      g_ptr_array_add (params, g_strdup_printf ("%d", trial_months));
      g_ptr_array_add (params, g_strdup (today));
      break;
    case REI_RESIDENT_STATUS_ENDED:
      ADD_COND ("r.end_date IS NOT NULL");
      break;
    default:
      g_assert_not_reached ();
    }

  if (q->category != NULL)
    {
      ADD_COND ("r.id IN (SELECT resident_id FROM resident_category WHERE category_code = ?)");
      g_ptr_array_add (params, g_strdup (q->category));
    }
  if (q->workshop != NULL)
    {
      ADD_COND ("r.workshop_id = (SELECT id FROM workshop WHERE name = ?)");
      g_ptr_array_add (params, g_strdup (q->workshop));
    }
  if (q->project != NULL)
    {
      ADD_COND ("r.id IN (SELECT rp.resident_id FROM resident_project rp "
                "JOIN project p ON p.id = rp.project_id WHERE p.title = ?)");
      g_ptr_array_add (params, g_strdup (q->project));
    }
  if (q->admission_year > 0)
    {
      ADD_COND ("r.admission_date BETWEEN ? AND ?");
      g_ptr_array_add (params, g_strdup_printf ("%04d-01-01", q->admission_year));
      g_ptr_array_add (params, g_strdup_printf ("%04d-12-31", q->admission_year));
    }
  if (q->end_year > 0)
    {
      ADD_COND ("r.end_date BETWEEN ? AND ?");
      g_ptr_array_add (params, g_strdup_printf ("%04d-01-01", q->end_year));
      g_ptr_array_add (params, g_strdup_printf ("%04d-12-31", q->end_year));
    }

#undef ADD_COND

  {
    const char *dir = q->descending ? " DESC" : " ASC";
    guint sort = q->sort < G_N_ELEMENTS (order_by) ? q->sort : REI_RESIDENT_SORT_NAME;

    g_string_append_printf (sql, " ORDER BY %s%s", order_by[sort], dir);
    if (sort == REI_RESIDENT_SORT_STATUS)
      {
        g_ptr_array_add (params, g_strdup (today));
        g_ptr_array_add (params, g_strdup_printf ("%d", trial_months));
        g_ptr_array_add (params, g_strdup (today));
      }
    else if (sort == REI_RESIDENT_SORT_DAYS)
      {
        g_ptr_array_add (params, g_strdup (today));
        g_ptr_array_add (params, g_strdup (today));
      }
    if (sort != REI_RESIDENT_SORT_NAME)
      g_string_append_printf (sql, ", r.surname COLLATE pl%s", dir);
    g_string_append_printf (sql, ", r.first_name COLLATE pl%s, r.id", dir);
  }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static sqlite3_stmt *
prepare_query (ReiStore               *self,
               Connection             *c,
               const char             *select,
               const ReiResidentQuery *query,
               GError                **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = build_query_sql (self, select, query, params);
  sqlite3_stmt *stmt = NULL;

  /* Queries vary with the filters, so they are prepared once per use rather than cached. */
  if (sqlite3_prepare_v2 (c->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, c->db, _("preparing a query"));
      return NULL;
    }
  for (guint i = 0; i < params->len; i++)
    bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i));
  return stmt;
}

static int
progress_handler (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

GArray *
rei_store_query_resident_ids (ReiStore               *self,
                              const ReiResidentQuery *query,
                              GCancellable           *cancellable,
                              GError                **error)
{
  Connection *c;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  c = lock_reader (self);
  stmt = prepare_query (self, c, "SELECT r.id FROM resident r", query, error);
  if (stmt == NULL)
    {
      unlock_connection (c);
      return NULL;
    }

  /* A search keystroke makes the previous query useless; SQLite polls this and stops. */
  if (cancellable != NULL)
    sqlite3_progress_handler (c->db, 1000, progress_handler, cancellable);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  sqlite3_progress_handler (c->db, 0, NULL, NULL);
  sqlite3_finalize (stmt);
  unlock_connection (c);

  if (rc != SQLITE_DONE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      set_sqlite_error (error, c->db, _("listing residents"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
rei_store_foreach_resident (ReiStore               *self,
                            const ReiResidentQuery *query,
                            ReiResidentFunc         func,
                            gpointer                user_data,
                            GCancellable           *cancellable,
                            GError                **error)
{
  Connection *c;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  c = lock_reader (self);
  stmt = prepare_query (self, c, RESIDENT_SELECT "", query, error);
  if (stmt == NULL)
    {
      unlock_connection (c);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ReiResident) resident = resident_from_row (stmt);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (!func (resident, user_data))
        break;
    }

  if (ok && rc != SQLITE_DONE && rc != SQLITE_ROW)
    ok = set_sqlite_error (error, c->db, _("listing residents"));

  sqlite3_finalize (stmt);
  unlock_connection (c);
  return ok;
}

/* Lookup tables may only be named from this fixed list: their names go into SQL text. */
typedef struct
{
  const char *table;
  const char *has_sql;
  const char *list_sql;
  const char *label_sql;
} CodeTable;

static const CodeTable *
find_code_table (const char *table)
{
  static const CodeTable tables[] = {
    { "category", "SELECT 1 FROM category WHERE code = ?",
      "SELECT code FROM category WHERE active ORDER BY position",
      "SELECT label FROM category WHERE code = ?" },
    { "end_reason", "SELECT 1 FROM end_reason WHERE code = ?",
      "SELECT code FROM end_reason ORDER BY graduate DESC, code",
      "SELECT label FROM end_reason WHERE code = ?" },
    { "outcome", "SELECT 1 FROM outcome WHERE code = ?",
      "SELECT code FROM outcome ORDER BY position",
      "SELECT label FROM outcome WHERE code = ?" },
    { "indicator", "SELECT 1 FROM indicator WHERE code = ?",
      "SELECT code FROM indicator ORDER BY position",
      "SELECT label FROM indicator WHERE code = ?" },
    { "legal_basis", "SELECT 1 FROM legal_basis WHERE code = ?",
      "SELECT code FROM legal_basis ORDER BY position, code",
      "SELECT label FROM legal_basis WHERE code = ?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      return &tables[i];
  g_return_val_if_reached (NULL);
}

gboolean
rei_store_has_code (ReiStore   *self,
                    const char *table,
                    const char *code)
{
  const CodeTable *t = find_code_table (table);
  Connection *c;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  if (t == NULL || code == NULL)
    return FALSE;

  c = lock_reader (self);
  stmt = connection_prepare (c, t->has_sql, NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, code);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  unlock_connection (c);
  return found;
}

static GPtrArray *
list_strings (ReiStore    *self,
              const char  *sql,
              GError     **error)
{
  Connection *c;
  sqlite3_stmt *stmt;
  GPtrArray *list;

  c = lock_reader (self);
  stmt = connection_prepare (c, sql, error);
  if (stmt == NULL)
    {
      unlock_connection (c);
      return NULL;
    }
  list = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  unlock_connection (c);
  return list;
}

GPtrArray *
rei_store_list_codes (ReiStore    *self,
                      const char  *table,
                      GError     **error)
{
  const CodeTable *t = find_code_table (table);

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (t != NULL, NULL);
  return list_strings (self, t->list_sql, error);
}

char *
rei_store_get_label (ReiStore   *self,
                     const char *table,
                     const char *code)
{
  const CodeTable *t = find_code_table (table);
  Connection *c;
  sqlite3_stmt *stmt;
  char *label = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  if (t == NULL || code == NULL)
    return NULL;

  c = lock_reader (self);
  stmt = connection_prepare (c, t->label_sql, NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, code);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  unlock_connection (c);
  return label;
}

static gboolean
query_exists (ReiStore   *self,
              const char *sql,
              const char *a,
              const char *b)
{
  Connection *c = lock_reader (self);
  sqlite3_stmt *stmt = connection_prepare (c, sql, NULL);
  gboolean found = FALSE;

  if (stmt != NULL)
    {
      bind_text (stmt, 1, a);
      if (b != NULL)
        bind_text (stmt, 2, b);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  unlock_connection (c);
  return found;
}

gboolean
rei_store_end_reason_is_graduate (ReiStore   *self,
                                  const char *end_reason)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return query_exists (self, "SELECT 1 FROM end_reason WHERE code = ? AND graduate", end_reason, NULL);
}

gboolean
rei_store_indicator_counts_outcome (ReiStore   *self,
                                    const char *indicator,
                                    const char *outcome)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return query_exists (self,
                       "SELECT 1 FROM indicator_outcome WHERE indicator_code = ? AND outcome_code = ?",
                       indicator, outcome);
}

GPtrArray *
rei_store_list_workshops (ReiStore  *self,
                          GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_strings (self, "SELECT name FROM workshop ORDER BY name COLLATE pl", error);
}

GPtrArray *
rei_store_list_project_titles (ReiStore  *self,
                               GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return list_strings (self, "SELECT title FROM project ORDER BY title COLLATE pl", error);
}

gint64
rei_store_ensure_project (ReiStore    *self,
                          const char  *title,
                          GError     **error)
{
  gint64 id;

  g_return_val_if_fail (REI_IS_STORE (self), -1);
  g_return_val_if_fail (title != NULL, -1);

  if (!rei_store_begin (self, error))
    return -1;
  id = ensure_named_row (self, "SELECT id FROM project WHERE title = ?",
                         "INSERT INTO project (title) VALUES (?)", title, error);
  if (id < 0)
    {
      rei_store_rollback (self);
      return -1;
    }
  return rei_store_commit (self, error) ? id : -1;
}

char *
rei_store_get_setting (ReiStore   *self,
                       const char *key,
                       const char *on_date)
{
  g_autofree char *today = NULL;
  Connection *c;
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (on_date == NULL)
    on_date = today = rei_date_today_iso ();

  c = lock_reader (self);
  stmt = connection_prepare (c,
    "SELECT value FROM setting WHERE key = ? AND effective_from <= ? "
    "ORDER BY effective_from DESC LIMIT 1", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, key);
      bind_text (stmt, 2, on_date);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  unlock_connection (c);
  return value;
}

int
rei_store_get_setting_int (ReiStore   *self,
                           const char *key,
                           const char *on_date,
                           int         fallback)
{
  g_autofree char *value = rei_store_get_setting (self, key, on_date);
  char *end = NULL;
  gint64 n;

  if (value == NULL)
    return fallback;
  n = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0' || n < G_MININT || n > G_MAXINT)
    return fallback;
  return (int) n;
}

gboolean
rei_store_set_setting (ReiStore    *self,
                       const char  *key,
                       const char  *effective_from,
                       const char  *value,
                       const char  *source,
                       GError     **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (effective_from == NULL)
    effective_from = today = rei_date_today_iso ();

  if (!rei_store_begin (self, error))
    return FALSE;
  stmt = connection_prepare (&self->writer,
    "INSERT OR REPLACE INTO setting (key, effective_from, value, source) VALUES (?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, effective_from);
  bind_text (stmt, 3, value);
  bind_text (stmt, 4, source);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, self->writer.db, _("saving a setting"));
      goto fail;
    }
  if (!write_audit (self, "setting", 0, "update", key, error))
    goto fail;
  return rei_store_commit (self, error);

fail:
  rei_store_rollback (self);
  return FALSE;
}

GPtrArray *
rei_store_list_categories (ReiStore  *self,
                           gboolean   include_inactive,
                           GError   **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);

  if (!include_inactive)
    return rei_store_list_codes (self, "category", error);
  return list_strings (self, "SELECT code FROM category ORDER BY position, code", error);
}

gboolean
rei_store_category_is_active (ReiStore   *self,
                              const char *code)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  return query_exists (self, "SELECT 1 FROM category WHERE code = ? AND active", code, NULL);
}

/* Runs one write statement on category with up to two text parameters and an integer, in its
 * own transaction with an audit row; fails with NOT_FOUND when it changes no row. */
static gboolean
write_category (ReiStore    *self,
                const char  *sql,
                const char  *code,
                const char  *text,
                int          number,
                const char  *action,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!rei_store_begin (self, error))
    return FALSE;
  stmt = connection_prepare (&self->writer, sql, error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, code);
  if (text != NULL)
    bind_text (stmt, 2, text);
  else
    sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, self->writer.db, _("saving a category"));
      goto fail;
    }
  if (sqlite3_changes (self->writer.db) == 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_NOT_FOUND,
                   _("Unknown %s “%s”."), _("category"), code);
      goto fail;
    }
  if (!write_audit (self, "category", 0, action, code, error))
    goto fail;
  return rei_store_commit (self, error);

fail:
  rei_store_rollback (self);
  return FALSE;
}

/* A code is an identifier in files and reports, so it is made of plain lower-case ASCII: the
 * label folded ("Długotrwałe bezrobocie" → "dlugotrwale_bezrobocie"). */
static char *
code_from_label (const char *label)
{
  g_autofree char *folded = rei_collation_search_key (label);
  GString *code = g_string_new (NULL);

  for (const char *p = folded; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (code, g_ascii_tolower (*p));
      else if (code->len > 0 && code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }
  while (code->len > 0 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);
  if (code->len > 40)
    g_string_truncate (code, 40);
  if (code->len == 0)
    g_string_append (code, "kategoria");
  return g_string_free (code, FALSE);
}

char *
rei_store_add_category (ReiStore    *self,
                        const char  *label,
                        GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *base = NULL;
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  stripped = g_strstrip (g_strdup (label));
  if (*stripped == '\0')
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("A category needs a name."));
      return NULL;
    }

  if (!rei_store_begin (self, error))
    return NULL;

  base = code_from_label (stripped);
  code = g_strdup (base);
  for (guint n = 2; query_exists (self, "SELECT 1 FROM category WHERE code = ?", code, NULL); n++)
    {
      g_free (code);
      code = g_strdup_printf ("%s_%u", base, n);
    }

  stmt = connection_prepare (&self->writer,
    "INSERT INTO category (code, label, position, active) "
    "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM category), 1)", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, code);
  bind_text (stmt, 2, stripped);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, self->writer.db, _("saving a category"));
      goto fail;
    }
  if (!write_audit (self, "category", 0, "insert", code, error))
    goto fail;
  if (!rei_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&code);

fail:
  rei_store_rollback (self);
  return NULL;
}

gboolean
rei_store_rename_category (ReiStore    *self,
                           const char  *code,
                           const char  *label,
                           GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL && label != NULL, FALSE);

  stripped = g_strstrip (g_strdup (label));
  if (*stripped == '\0')
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_INVALID,
                   _("A category needs a name."));
      return FALSE;
    }
  return write_category (self, "UPDATE category SET label = ?2 WHERE code = ?1", code, stripped,
                         0, "update", error);
}

gboolean
rei_store_set_category_active (ReiStore    *self,
                               const char  *code,
                               gboolean     active,
                               GError     **error)
{
  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  return write_category (self, "UPDATE category SET active = ?2 WHERE code = ?1", code, NULL,
                         active ? 1 : 0, active ? "restore" : "delete", error);
}

gboolean
rei_store_check (ReiStore   *self,
                 GPtrArray **problems,
                 GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  Connection *c;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);

  c = lock_reader (self);

  if (sqlite3_prepare_v2 (c->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      unlock_connection (c);
      return set_sqlite_error (error, c->db, _("checking the database"));
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *msg = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (msg, "ok") != 0)
        g_ptr_array_add (found, g_strdup_printf (_("Integrity: %s"), msg));
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (c->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (found, g_strdup_printf (_("Row %lld of table %s refers to a missing row of %s."),
                                                 (long long) sqlite3_column_int64 (stmt, 1),
                                                 sqlite3_column_text (stmt, 0),
                                                 sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
    }

  if (query_uint (c->db, "PRAGMA application_id") != REI_STORE_APPLICATION_ID)
    g_ptr_array_add (found, g_strdup (_("The file is not marked as a Reintegra database.")));
  if (query_uint (c->db, "PRAGMA user_version") != rei_store_get_latest_version ())
    g_ptr_array_add (found, g_strdup_printf (_("The schema is at version %u, expected %u."),
                                             query_uint (c->db, "PRAGMA user_version"),
                                             rei_store_get_latest_version ()));
  unlock_connection (c);

  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  return found->len == 0;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A backup renamed over the open database, or over its -wal or -shm, would destroy it. */
static gboolean
is_database_file (ReiStore   *self,
                  const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (self->path, suffixes[i], NULL);

      if (g_strcmp0 (side, path) == 0 || same_file (side, path))
        return TRUE;
    }
  return FALSE;
}

gboolean
rei_store_backup (ReiStore    *self,
                  const char  *destination,
                  GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int fd, rc;

  g_return_val_if_fail (REI_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (is_database_file (self, destination))
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("“%s” is the database itself; choose another file for the backup."),
                   destination);
      return FALSE;
    }

  /* The copy goes to a private temporary file beside the destination and is renamed into place
   * only when complete, so a failed backup never leaves half a database under the real name. */
  dir = g_path_get_dirname (destination);
  tmp_path = g_build_filename (dir, ".reintegra-backup-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), destination, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  /* A separate source connection: the backup reads a consistent snapshot (WAL) while the window
   * keeps working on its own connections. */
  if (sqlite3_open_v2 (self->path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, source && sqlite3_errcode (source) != SQLITE_OK ? source : dest,
                        _("opening the backup"));
      goto out;
    }
  rei_store_register_sql (source);
  rei_store_register_sql (dest);

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest, _("starting the backup"));
      goto out;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (10000);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, dest, _("copying the database"));
      goto out;
    }

  /* The backup is a single self-contained file: fold it out of WAL mode. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);
  dest = NULL;

  if (g_rename (tmp_path, destination) != 0)
    {
      g_set_error (error, REI_STORE_ERROR, REI_STORE_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), destination, g_strerror (errno));
      goto out;
    }
  ok = TRUE;

out:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  if (source != NULL)
    sqlite3_close_v2 (source);
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

/* The store's SQL helpers for the domains' store files (rei-store-private.h). */

ReiStoreConnection *
rei_store_lock_read (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return lock_reader (self);
}

ReiStoreConnection *
rei_store_lock_write (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  g_return_val_if_fail (in_own_transaction (self), NULL);
  g_rec_mutex_lock (&self->writer.lock);
  return &self->writer;
}

void
rei_store_unlock (ReiStoreConnection *c)
{
  unlock_connection (c);
}

sqlite3_stmt *
rei_store_prepare (ReiStoreConnection  *c,
                   const char          *sql,
                   GError             **error)
{
  return connection_prepare (c, sql, error);
}

sqlite3 *
rei_store_connection_get_db (ReiStoreConnection *c)
{
  return c->db;
}

gboolean
rei_store_set_sqlite_error (GError     **error,
                            sqlite3     *db,
                            const char  *what)
{
  return set_sqlite_error (error, db, what);
}

void
rei_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  bind_text (stmt, index, text);
}

gboolean
rei_store_write_audit (ReiStore    *self,
                       const char  *entity,
                       gint64       entity_id,
                       const char  *action,
                       const char  *detail,
                       GError     **error)
{
  g_return_val_if_fail (in_own_transaction (self), FALSE);
  return write_audit (self, entity, entity_id, action, detail, error);
}

char *
rei_store_get_today (ReiStore *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today_override != NULL)
    return g_strdup (self->today_override);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

ReiStoreImport *
rei_store_get_import (ReiStore *self)
{
  g_return_val_if_fail (REI_IS_STORE (self), NULL);
  return self->import;
}

void
rei_store_set_import (ReiStore       *self,
                      ReiStoreImport *import)
{
  g_return_if_fail (REI_IS_STORE (self));
  g_return_if_fail (in_own_transaction (self));
  self->import = import;
}

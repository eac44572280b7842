/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-resident.h"
#include "rei-resident-query.h"

G_BEGIN_DECLS

#define REI_TYPE_STORE (rei_store_get_type ())
#define REI_STORE_ERROR (rei_store_error_quark ())

/* "REI1" in ASCII: written to PRAGMA application_id so that we never mistake another program's
 * SQLite file for ours, nor let it mistake ours. */
#define REI_STORE_APPLICATION_ID 0x52454931

typedef enum
{
  REI_STORE_ERROR_NOT_A_DATABASE,   /* not SQLite, or SQLite but not ours */
  REI_STORE_ERROR_TOO_NEW,          /* written by a newer Reintegra */
  REI_STORE_ERROR_OPEN,             /* cannot open or create the file */
  REI_STORE_ERROR_MIGRATION,
  REI_STORE_ERROR_CORRUPT,
  REI_STORE_ERROR_CONSTRAINT,       /* e.g. the PESEL belongs to somebody else */
  REI_STORE_ERROR_NOT_FOUND,
  REI_STORE_ERROR_INVALID,          /* an unknown category, outcome, end reason */
  REI_STORE_ERROR_FAILED,
  REI_STORE_ERROR_DISK_FULL,        /* SQLITE_FULL, or a write past a quota or size limit */
  REI_STORE_ERROR_READ_ONLY,        /* the file or its folder is write-protected */
  REI_STORE_ERROR_BUSY,             /* another program holds the database locked */
  REI_STORE_ERROR_IO,               /* the disk could not be read or written */
} ReiStoreError;

G_DECLARE_FINAL_TYPE (ReiStore, rei_store, REI, STORE, GObject)

GQuark       rei_store_error_quark           (void);
guint        rei_store_get_latest_version    (void);

ReiStore    *rei_store_open                  (const char          *path,
                                              GError             **error);
const char  *rei_store_get_path              (ReiStore            *self);
guint        rei_store_get_version           (ReiStore            *self);
char        *rei_store_default_path          (void);

/* The name written into the audit trail (the desktop user by default). */
void         rei_store_set_actor             (ReiStore            *self,
                                              const char          *actor);

/* Several calls in one transaction (an import, a bulk edit).  Nested calls are counted: only
 * the outermost commit writes; a rollback anywhere rolls the whole transaction back. */
gboolean     rei_store_begin                 (ReiStore            *self,
                                              GError             **error);
gboolean     rei_store_commit                (ReiStore            *self,
                                              GError             **error);
void         rei_store_rollback              (ReiStore            *self);

/* Residents. */
gboolean     rei_store_save_resident         (ReiStore            *self,
                                              ReiResident         *resident,
                                              GError             **error);
ReiResident *rei_store_get_resident          (ReiStore            *self,
                                              gint64               id,
                                              GError             **error);
/* The people with these ids, read in one transaction: an entry per id, NULL for one that cannot
 * be read (deleted since the ids were). */
GPtrArray   *rei_store_get_residents         (ReiStore            *self,
                                              const gint64        *ids,
                                              guint                n_ids);
gint64       rei_store_find_resident_by_pesel (ReiStore           *self,
                                              const char          *pesel,
                                              GError             **error);
gint64       rei_store_find_matching_resident (ReiStore           *self,
                                              ReiResident         *resident,
                                              GError             **error);
gboolean     rei_store_delete_resident       (ReiStore            *self,
                                              gint64               id,
                                              GError             **error);
gint64       rei_store_count_residents       (ReiStore            *self,
                                              GError             **error);
/* The first and last year with an admission, and with an ending, in the register (0 when there
 * is none): the choices of a list's year filters. */
gboolean     rei_store_get_year_range        (ReiStore            *self,
                                              int                 *first_admission,
                                              int                 *last_admission,
                                              int                 *first_end,
                                              int                 *last_end,
                                              GError             **error);
/* The undo of a delete: puts a resident back under the id it had, with its categories,
 * projects and workshop (keep the object from rei_store_get_resident() before deleting).  Fails
 * with REI_STORE_ERROR_CONSTRAINT when the id or the PESEL has been taken in the meantime. */
gboolean     rei_store_restore_resident      (ReiStore            *self,
                                              ReiResident         *resident,
                                              GError             **error);
/* GDPR: irreversibly replaces the identity fields (name, PESEL, birth date, contact, address,
 * contract number, notes, consent) with placeholders or nothing, keeping what the statistics
 * and indicators need, and empties the write-ahead log so that no old value lingers there. */
gboolean     rei_store_anonymise_resident    (ReiStore            *self,
                                              gint64               id,
                                              GError             **error);
/* Ids (gint64) of the residents not yet anonymised whose end date plus the centre's
 * "retention_years" is before today_iso (NULL: today), the longest-ended first. */
GArray      *rei_store_list_retention_expired (ReiStore           *self,
                                              const char          *today_iso,
                                              GError             **error);

/* The audit trail: who did what to which record, naming changed fields, never their values. */
typedef struct
{
  gint64  id;
  char   *at;          /* UTC, "2019-05-31T14:03:00" */
  char   *actor;
  char   *entity;      /* "resident" */
  gint64  entity_id;
  char   *action;      /* insert, update, delete, restore, anonymise, import, export */
  char   *detail;      /* comma-separated field names, or NULL */
} ReiAuditEntry;

void         rei_audit_entry_free            (ReiAuditEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiAuditEntry, rei_audit_entry_free)

/* ReiAuditEntry*, oldest first. */
GPtrArray   *rei_store_list_audit            (ReiStore            *self,
                                              const char          *entity,
                                              gint64               entity_id,
                                              GError             **error);
/* For what happens outside the store (an export): joins the caller's transaction if any. */
gboolean     rei_store_add_audit             (ReiStore            *self,
                                              const char          *entity,
                                              gint64               entity_id,
                                              const char          *action,
                                              const char          *detail,
                                              GError             **error);
/* Ids of the residents that match, in the query's order: the cheap part of a list of 100 000
 * that a lazy model turns into objects only for the rows on screen. */
GArray      *rei_store_query_resident_ids    (ReiStore            *self,
                                              const ReiResidentQuery *query,
                                              GCancellable        *cancellable,
                                              GError             **error);
typedef gboolean (*ReiResidentFunc)          (ReiResident         *resident,
                                              gpointer             user_data);
/* Streams matching residents without holding them all in memory; stops early when func returns
 * FALSE or the cancellable fires (then returns FALSE with G_IO_ERROR_CANCELLED). */
gboolean     rei_store_foreach_resident      (ReiStore            *self,
                                              const ReiResidentQuery *query,
                                              ReiResidentFunc      func,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* Lookup data. */
gboolean     rei_store_has_code              (ReiStore            *self,
                                              const char          *table,
                                              const char          *code);
/* Tables: "category", "end_reason", "outcome", "indicator", "legal_basis". */
GPtrArray   *rei_store_list_codes            (ReiStore            *self,
                                              const char          *table,
                                              GError             **error);
char        *rei_store_get_label             (ReiStore            *self,
                                              const char          *table,
                                              const char          *code);
gboolean     rei_store_end_reason_is_graduate (ReiStore           *self,
                                              const char          *end_reason);
gboolean     rei_store_indicator_counts_outcome (ReiStore         *self,
                                              const char          *indicator,
                                              const char          *outcome);
GPtrArray   *rei_store_list_workshops        (ReiStore            *self,
                                              GError             **error);
GPtrArray   *rei_store_list_project_titles   (ReiStore            *self,
                                              GError             **error);
gint64       rei_store_ensure_project        (ReiStore            *self,
                                              const char          *title,
                                              GError             **error);
/* A legal or centre setting in force on the given ISO date (NULL: today). */
char        *rei_store_get_setting           (ReiStore            *self,
                                              const char          *key,
                                              const char          *on_date);
int          rei_store_get_setting_int       (ReiStore            *self,
                                              const char          *key,
                                              const char          *on_date,
                                              int                  fallback);
/* Writes a centre setting in force from effective_from (an ISO date; NULL: today) on; the values
 * in force before stay, so that what happened then is still judged by them.  A second value on
 * the same day replaces the first. */
gboolean     rei_store_set_setting           (ReiStore            *self,
                                              const char          *key,
                                              const char          *effective_from,
                                              const char          *value,
                                              const char          *source,
                                              GError             **error);

/* The eligibility categories are data that the centre edits: codes in their order, the retired
 * ones too when include_inactive.  A retired category stays on the residents who have it. */
GPtrArray   *rei_store_list_categories       (ReiStore            *self,
                                              gboolean             include_inactive,
                                              GError             **error);
gboolean     rei_store_category_is_active    (ReiStore            *self,
                                              const char          *code);
/* Adds an active category at the end of the list; returns its new code, made from the label. */
char        *rei_store_add_category          (ReiStore            *self,
                                              const char          *label,
                                              GError             **error);
gboolean     rei_store_rename_category       (ReiStore            *self,
                                              const char          *code,
                                              const char          *label,
                                              GError             **error);
gboolean     rei_store_set_category_active   (ReiStore            *self,
                                              const char          *code,
                                              gboolean             active,
                                              GError             **error);

/* Maintenance. */
gboolean     rei_store_check                 (ReiStore            *self,
                                              GPtrArray          **problems,
                                              GError             **error);
gboolean     rei_store_backup                (ReiStore            *self,
                                              const char          *destination,
                                              GError             **error);
/* Checks a backup without changing it: an SQLite file of Reintegra's (application id), of a
 * schema this version knows, that passes PRAGMA integrity_check.  version: its schema. */
gboolean     rei_store_verify_backup         (const char          *path,
                                              guint               *version,
                                              GError             **error);
/* Puts the backup in the place of the database at db_path (which the window may have open):
 * checks it first and changes nothing when it is foreign, damaged or newer; keeps the
 * database it replaces as "DB.before-restore-YYYYMMDD-HHMMSS" (0600; returned in kept_path,
 * NULL when there was none); replaces in one transaction; upgrades an older schema. */
gboolean     rei_store_restore               (const char          *db_path,
                                              const char          *backup_path,
                                              char               **kept_path,
                                              GError             **error);
/* $XDG_DATA_HOME/reintegra/backups. */
char        *rei_store_default_backup_folder (void);
/* The backups rei_store_backup_rotate() made in folder (full paths), oldest first. */
GPtrArray   *rei_store_list_backups          (const char          *folder,
                                              GError             **error);
/* A backup "reintegra-YYYYMMDD-HHMMSS.db" (0600) into folder (made 0700), then the oldest of
 * them removed beyond copies (0: keep all).  Returns the new file's path. */
char        *rei_store_backup_rotate         (ReiStore            *self,
                                              const char          *folder,
                                              guint                copies,
                                              GError             **error);

G_END_DECLS

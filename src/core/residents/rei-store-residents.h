/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident.h"
#include "rei-resident-query.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* The residents' store API: rows (rei-store-residents.c), the list query
 * (rei-store-resident-query.c) and GDPR (rei-store-gdpr.c). */

/* The rules every resident row obeys whichever way it arrives (window, import, demo): a save
 * checks them, and the form or an import may ask before saving, to refuse with the same
 * message. */
gboolean     rei_store_validate_resident     (ReiStore            *self,
                                              ReiResident         *resident,
                                              GError             **error);
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
/* The largest resident id, 0 with none: at least their number, asked in O(log n) (a count
 * walks the whole table), for an importer to tell whether reading every PESEL pays. */
gint64       rei_store_get_residents_bound   (ReiStore            *self);
/* Every stored PESEL with its person's id into @ids (PESEL → gint64*; the table must free its
 * keys and values with g_free): one statement for an import naming many people. */
gboolean     rei_store_read_resident_pesels  (ReiStore            *self,
                                              GHashTable          *ids,
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

/* The list query. */

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

/* GDPR. */

/* Irreversibly replaces the identity fields (name, PESEL, birth date, contact, address,
 * contract number, notes, consent) with placeholders or nothing, keeping what the statistics
 * and indicators need, and empties the write-ahead log so that no old value lingers there. */
gboolean     rei_store_anonymise_resident    (ReiStore            *self,
                                              gint64               id,
                                              GError             **error);
/* Ids (gint64) of the residents not yet anonymised whose end date plus the centre's
 * REI_SETTING_RETENTION_YEARS is before today_iso (NULL: today), the longest-ended first. */
GArray      *rei_store_list_retention_expired (ReiStore           *self,
                                              const char          *today_iso,
                                              GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The hidden file an export or a backup is written to before it is renamed over the name the
 * user chose: ".reintegra-KIND-XXXXXX[SUFFIX]" beside the target, mode 0600, so that nobody
 * ever sees half a file under the real name.
 *
 * A writer that is killed leaves its temporary file behind, and it holds the same personal
 * data as the export would.  So each one is locked (flock) for as long as its writer lives,
 * and making a new one first removes those in the same folder that no live writer holds and
 * that are older than REI_TEMP_FILE_STALE_AGE.  The age keeps the files of writers that do
 * not lock (an older version, a moment between creating and locking) safe as well. */

#define REI_TEMP_FILE_STALE_AGE (G_TIME_SPAN_HOUR)

typedef struct _ReiTempFile ReiTempFile;

/* Removes the stale files of the folder, then makes and locks a new one.  NULL with errno set
 * (as mkstemp() sets it) when it cannot. */
ReiTempFile *rei_temp_file_new          (const char  *target,
                                         const char  *kind,
                                         const char  *suffix);
const char  *rei_temp_file_get_path     (ReiTempFile *self);
/* Renames the file over target (the name given to rei_temp_file_new()).  FALSE with errno set;
 * the file is then still there, and rei_temp_file_free() removes it. */
gboolean     rei_temp_file_commit       (ReiTempFile *self);
/* Removes the file unless it was committed, and lets go of the lock. */
void         rei_temp_file_free         (ReiTempFile *self);

/* Removes from folder the temporary files of killed writers: named as above, regular files of
 * this user, not locked, last written more than min_age ago.  Returns how many went. */
guint        rei_temp_file_remove_stale (const char  *folder,
                                         GTimeSpan    min_age);

/* Removes path, a file of a fixed name that a writer holds locked as rei_temp_file_new() does
 * (a restore's DB.restoring), when it is a killed writer's: a regular file of this user, not
 * locked, last written more than min_age ago.  TRUE when it went. */
gboolean     rei_temp_file_remove_leftover (const char *path,
                                            GTimeSpan   min_age);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiTempFile, rei_temp_file_free)

G_END_DECLS

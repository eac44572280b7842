/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-resident.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* A private directory for one test, removed with everything in it by rei_test_tmpdir_free. */
char        *rei_test_tmpdir_new       (void);
void         rei_test_tmpdir_free      (char        *dir);
/* For `g_autoptr (ReiTestTmpdir) dir = rei_test_tmpdir_new ();`: the folder goes with the scope,
 * also when an assertion ends the test early, so no test database stays behind. */
typedef char ReiTestTmpdir;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiTestTmpdir, rei_test_tmpdir_free)
ReiStore    *rei_test_store_new        (const char  *dir);
ReiResident *rei_test_resident_new     (const char  *first_name,
                                        const char  *surname,
                                        const char  *pesel);
char        *rei_test_pesel            (int          year,
                                        int          month,
                                        int          day,
                                        guint        serial,
                                        char         sex);
GBytes      *rei_test_read_bytes       (const char  *path);
/* Runs SQL on its own connection, as another program would, with the store's collation and
 * functions so that it may write to the tables our indexes sort. */
void         rei_test_exec_raw         (const char  *path,
                                        const char  *sql);

/* Every row sql reads from the database at path, on a read-only connection of its own: columns
 * joined by ';', rows by '\n', NULL as "NULL".  For comparing what two ways of writing left. */
char        *rei_test_dump_raw         (const char  *path,
                                        const char  *sql);

G_END_DECLS

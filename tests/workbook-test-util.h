/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

/* For the tests of the workbook exports.  They check what only C can see (the files' mode,
 * that nothing is left in the temporary directory or beside the destination); the contents
 * are read back by check-workbook.py and check-person-export.py with openpyxl. */

/* Writes a test program's workbooks into @dir from @store, for check-workbook.py. */
typedef gboolean (*ReiTestWorkbookWriter) (ReiStore    *store,
                                           const char  *dir,
                                           GError     **error);

/* The start of an export test's main().  With the arguments --write-to DIR FIXTURE.csv (and
 * a @writer; NULL for a program that writes nothing for check-workbook.py) it loads the fixture
 * into DIR/NAME.db, calls @writer and returns TRUE with *status the program's exit status.
 * Otherwise it gives the program a private TMPDIR (so that "no reintegra-* directory is left"
 * cannot be confused by another program's files, and so that a leak would not put personal
 * data in the real /tmp), calls g_test_init() and returns FALSE. */
gboolean  rei_test_workbook_init               (int                    *argc,
                                                char                 ***argv,
                                                const char             *name,
                                                ReiTestWorkbookWriter   writer,
                                                int                    *status);
/* g_test_run(), then the private TMPDIR is removed. */
int       rei_test_workbook_run                (void);

/* A test's own folder and store, for g_test_add(); the set-up is each test's own, the
 * tear-down removes the folder with everything in it. */
typedef struct
{
  char     *dir;
  ReiStore *store;
} ReiTestWorkbookFixture;

void      rei_test_workbook_fixture_tear_down  (ReiTestWorkbookFixture *fixture,
                                                gconstpointer           data);

/* A store in @dir; with @csv_path the Krasnystaw fixture loaded into it. */
ReiStore *rei_test_workbook_store_new          (const char  *dir,
                                                const char  *db_name,
                                                const char  *csv_path);

/* A directory for one test; its name does not start with "reintegra-". */
char     *rei_test_workbook_dir_new            (void);

/* A regular 0600 file that is a zip archive (an xlsx file). */
void      rei_test_assert_private_workbook     (const char  *path);
/* No libxlsxwriter scratch directory in the private TMPDIR, no temporary workbook in @dir. */
void      rei_test_assert_nothing_left_behind  (const char  *dir);
/* DIR/no-such-folder/wyniki.xlsx, which cannot be written. */
char     *rei_test_unwritable_path             (const char  *dir);
/* The export to rei_test_unwritable_path (@dir) failed as it should: REI_EXPORT_ERROR_WRITE,
 * naming the file (the clerk must learn which file could not be written), nothing left. */
void      rei_test_assert_unwritable           (const GError *error,
                                                const char   *dir);

/* Loads tests/data/krasnystaw-2019.csv (CIS Krasnystaw's 32 residents) with a parser of its
 * own rather than the importer, so that an export test depends only on the store and the
 * export.  The fixture has no quoted fields. */
void      rei_test_load_krasnystaw             (ReiStore    *store,
                                                const char  *csv_path);
char     *rei_test_krasnystaw_path             (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-store.h"

G_BEGIN_DECLS

/* For the tests of the workbook exports.  They check what only C can see (the files' mode,
 * that nothing is left in the temporary directory or beside the destination); the contents
 * are read back by check-workbook.py and check-person-export.py with openpyxl. */

/* A private TMPDIR for the whole test program, so that "no reintegra-* directory is left"
 * cannot be confused by another program's files, and so that a leak would not put personal
 * data in the real /tmp.  Call before g_test_init(): GLib reads TMPDIR once. */
char *rei_test_workbook_tmp_root_new         (void);
void  rei_test_workbook_tmp_root_free        (char        *tmp_root);

/* A directory for one test; its name does not start with "reintegra-". */
char *rei_test_workbook_dir_new              (void);

/* A regular 0600 file that is a zip archive (an xlsx file). */
void  rei_test_assert_private_workbook       (const char  *path);
/* No libxlsxwriter scratch directory in @tmp_root, no temporary workbook in @dir. */
void  rei_test_assert_nothing_left_behind    (const char  *tmp_root,
                                              const char  *dir);

/* Loads tests/data/krasnystaw-2019.csv (CIS Krasnystaw's 32 residents) with a parser of its
 * own rather than the importer, so that an export test depends only on the store and the
 * export.  The fixture has no quoted fields. */
void  rei_test_load_krasnystaw               (ReiStore    *store,
                                              const char  *csv_path);
char *rei_test_krasnystaw_path               (void);

G_END_DECLS

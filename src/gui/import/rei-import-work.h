/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-background-job.h"
#include "rei-csv-reader.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* What the import dialog's worker does, off the main thread: read the file, check it (or import
 * it), and work out everything the dialog shows, so that the main thread only copies it into
 * widgets. */

/* Enough rows to recognise the file, few enough to read at a glance. */
#define REI_IMPORT_WORK_N_PREVIEW_ROWS 20

/* The data key under which a preview row keeps its category labels, looked up in the worker
 * so that the main thread never waits for the database while drawing. */
#define REI_IMPORT_WORK_CATEGORIES_KEY "rei-import-categories"

/* What the worker is given, and what it leaves for the dialog. */
typedef struct
{
  ReiStore       *store;
  GFile          *file;
  GBytes         *bytes;          /* NULL for the first check: the worker loads the file */
  ReiCsvEncoding  encoding;
  gboolean        write;

  gboolean        read_failed;
  guint           n_rows;
  guint           n_new;
  guint           n_updated;
  GPtrArray      *preview;        /* ReiResident, with REI_IMPORT_WORK_CATEGORIES_KEY set */
  GArray         *problem_lines;  /* guint */
  GStrv           problem_texts;
} ReiImportWork;

ReiImportWork *rei_import_work_new  (ReiStore          *store,
                                     GFile             *file,
                                     GBytes            *bytes,
                                     ReiCsvEncoding     encoding,
                                     gboolean           write);
void           rei_import_work_free (gpointer           work);
/* A ReiBackgroundJobFunc over a ReiImportWork.  Fails with the error of a file that cannot be
 * read (read_failed set), of a write that was rolled back, or G_IO_ERROR_CANCELLED; a file
 * with problems is a success, its problems listed. */
gboolean       rei_import_work_run  (ReiBackgroundJob  *job,
                                     gpointer           work,
                                     GCancellable      *cancellable,
                                     GError           **error);

G_END_DECLS

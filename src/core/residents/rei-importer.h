/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rei-csv-reader.h"
#include "rei-progress.h"
#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_IMPORTER (rei_importer_get_type ())
#define REI_IMPORT_ERROR (rei_import_error_quark ())

typedef enum
{
  REI_IMPORT_ERROR_INVALID,   /* the file has problems: see rei_importer_get_problems() */
  REI_IMPORT_ERROR_EMPTY,     /* no header row */
  REI_IMPORT_ERROR_READ,
} ReiImportError;

typedef struct
{
  guint  line;
  char  *message;
} ReiImportProblem;

G_DECLARE_FINAL_TYPE (ReiImporter, rei_importer, REI, IMPORTER, GObject)

GQuark       rei_import_error_quark      (void);
ReiImporter *rei_importer_new            (ReiStore         *store);
void         rei_importer_set_encoding   (ReiImporter      *self,
                                          ReiCsvEncoding    encoding);
/* Parses and checks the whole file; writes nothing.  Returns FALSE when any row is bad. */
gboolean     rei_importer_validate       (ReiImporter      *self,
                                          GBytes           *bytes,
                                          ReiProgressFunc   progress,
                                          gpointer          progress_data,
                                          GCancellable     *cancellable,
                                          GError          **error);
/* Checks, then writes everything in one transaction, or nothing. */
gboolean     rei_importer_run            (ReiImporter      *self,
                                          GBytes           *bytes,
                                          ReiProgressFunc   progress,
                                          gpointer          progress_data,
                                          GCancellable     *cancellable,
                                          GError          **error);
/* ReiImportProblem*, in line order. */
GPtrArray   *rei_importer_get_problems   (ReiImporter      *self);
/* The residents read from the file (valid after validate or run), for a preview. */
GPtrArray   *rei_importer_get_residents  (ReiImporter      *self);
guint        rei_importer_get_n_inserted (ReiImporter      *self);
guint        rei_importer_get_n_updated  (ReiImporter      *self);

G_END_DECLS

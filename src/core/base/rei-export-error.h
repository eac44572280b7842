/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The error domain of every workbook export (residents, person, indicators, and those to come);
 * apart from rei-xlsx.h so that a caller need not see libxlsxwriter. */
#define REI_EXPORT_ERROR (rei_export_error_quark ())

typedef enum
{
  REI_EXPORT_ERROR_WRITE,   /* the workbook could not be written */
  REI_EXPORT_ERROR_FAILED,
} ReiExportError;

GQuark rei_export_error_quark (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rei-resident.h"

G_BEGIN_DECLS

/* The rules a resident's record obeys, once, for every path into the register: the form shows
 * these messages under its fields as the user types, and the store refuses the same values with
 * the same sentence when they come from an import, the command line or the demo. */

/* One field on its own.  NULL when the value is acceptable, else a translated sentence that says
 * what is wrong.  NULL and "" are acceptable except for the first name and the surname.  Dates
 * are accepted as dd.mm.yyyy or ISO (yyyy-mm-dd). */
char             *rei_resident_rules_check_field    (ReiResidentField   field,
                                                     const char        *value);

/* The rules between fields: the end date is not before the admission date, and a reason for
 * ending needs the date of the end.  Returns the field the problem is shown at (the later one)
 * with the sentence in *message, or REI_RESIDENT_N_FIELDS when all is well.  Dates as above. */
ReiResidentField  rei_resident_rules_check_record   (const char        *admission_date,
                                                     const char        *end_date,
                                                     const char        *end_reason,
                                                     char             **message);

/* Every rule above on a whole resident; the first problem as a G_IO_ERROR_INVALID_DATA error
 * carrying the same sentence. */
gboolean          rei_resident_rules_validate       (ReiResident       *resident,
                                                     GError           **error);

/* Whether the person ended long enough ago that the centre's retention period (years; negative:
 * never) has passed by today_iso (NULL: today), so that their identity may be removed. */
gboolean          rei_resident_rules_retention_passed (ReiResident     *resident,
                                                       int              retention_years,
                                                       const char      *today_iso);

G_END_DECLS

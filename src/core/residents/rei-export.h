/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every workbook export, for callers that offer several; a new caller may include just the one
 * it uses.  Each is written on the shared helper in base/rei-xlsx.h. */
#include "rei-export-error.h"
#include "rei-export-indicators.h"
#include "rei-export-person.h"
#include "rei-export-residents.h"

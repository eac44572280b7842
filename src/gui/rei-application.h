/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REI_TYPE_APPLICATION (rei_application_get_type ())

G_DECLARE_FINAL_TYPE (ReiApplication, rei_application, REI, APPLICATION, AdwApplication)

ReiApplication *rei_application_new (void);

G_END_DECLS

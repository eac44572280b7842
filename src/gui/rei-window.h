/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rei-store.h"

G_BEGIN_DECLS

#define REI_TYPE_WINDOW (rei_window_get_type ())

G_DECLARE_FINAL_TYPE (ReiWindow, rei_window, REI, WINDOW, AdwApplicationWindow)

ReiWindow       *rei_window_new               (GtkApplication *application,
                                               ReiStore       *store);
ReiStore        *rei_window_get_store         (ReiWindow      *self);
void             rei_window_add_toast         (ReiWindow      *self,
                                               const char     *title);
/* TRUE while the import dialog is open or its worker has not stopped yet. */
gboolean         rei_window_get_importing     (ReiWindow      *self);

G_END_DECLS

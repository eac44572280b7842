/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rei-resident.h"
#include "rei-store.h"

G_BEGIN_DECLS

/* A resident as a form offers them to pick (a referral from the partner editor): the id the
 * choice is stored by and a line a clerk tells namesakes apart by. */
typedef struct
{
  gint64  id;
  char   *label;   /* "Żak Anna · PESEL 85071512348"; without a PESEL the birth date and number */
} ReiResidentMatch;

void       rei_resident_match_free   (ReiResidentMatch  *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReiResidentMatch, rei_resident_match_free)

char      *rei_resident_match_label  (ReiResident       *resident);
/* The residents (at most max) whose names or PESEL hold every word of text, as the residents
 * list searches, in Polish order of name: ReiResidentMatch*.  For a worker thread. */
GPtrArray *rei_resident_match_find   (ReiStore          *store,
                                      const char        *text,
                                      guint              max,
                                      GCancellable      *cancellable,
                                      GError           **error);
/* The same in a thread, for a form that searches as a clerk types; cancelled, it answers
 * G_IO_ERROR_CANCELLED. */
void       rei_resident_match_find_async  (ReiStore            *store,
                                           const char          *text,
                                           guint                max,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray *rei_resident_match_find_finish (ReiStore            *store,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS

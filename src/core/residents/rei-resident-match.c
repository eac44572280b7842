/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rei-date.h"
#include "rei-resident-match.h"
#include "rei-resident-query.h"
#include "rei-store-residents.h"

void
rei_resident_match_free (ReiResidentMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->label);
  g_free (match);
}

char *
rei_resident_match_label (ReiResident *resident)
{
  g_autofree char *name = NULL;
  const char *pesel, *born;
  g_autofree char *born_display = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (REI_IS_RESIDENT (resident), NULL);

  name = g_strdup_printf ("%s %s", rei_resident_get_surname (resident) ?: "",
                          rei_resident_get_first_name (resident) ?: "");
  pesel = rei_resident_get_pesel (resident);
  born = rei_resident_get (resident, REI_RESIDENT_BIRTH_DATE);
  born_display = born != NULL ? rei_date_format_display (born) : NULL;
  g_strstrip (name);
  if (pesel != NULL && *pesel != '\0')
    return g_strdup_printf ("%s · PESEL %s", name, pesel);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, rei_resident_get_id (resident));
  if (born_display != NULL)
    /* TRANSLATORS: a resident without a PESEL: name, birth date, registry number. */
    return g_strdup_printf (_("%s · born %s · no PESEL, no. %s"), name, born_display, number);
  /* TRANSLATORS: a resident without a PESEL or birth date: name, registry number. */
  return g_strdup_printf (_("%s · no PESEL, no. %s"), name, number);
}

GPtrArray *
rei_resident_match_find (ReiStore      *store,
                         const char    *text,
                         guint          max,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(ReiResidentQuery) query = rei_resident_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) residents = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (REI_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  query->search = g_strdup (text);
  query->sort = REI_RESIDENT_SORT_NAME;
  ids = rei_store_query_resident_ids (store, query, cancellable, error);
  if (ids == NULL)
    return NULL;
  residents = rei_store_get_residents (store, (const gint64 *) ids->data, MIN (ids->len, max));
  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) rei_resident_match_free);
  for (guint i = 0; i < residents->len; i++)
    {
      ReiResident *resident = g_ptr_array_index (residents, i);
      ReiResidentMatch *match;

      /* Deleted since the ids were read. */
      if (resident == NULL)
        continue;
      match = g_new0 (ReiResidentMatch, 1);
      match->id = rei_resident_get_id (resident);
      match->label = rei_resident_match_label (resident);
      g_ptr_array_add (matches, match);
    }
  return matches;
}

typedef struct
{
  ReiStore *store;
  char     *text;
  guint     max;
} Find;

static void
find_free (gpointer data)
{
  Find *find = data;

  g_object_unref (find->store);
  g_free (find->text);
  g_free (find);
}

static void
find_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Find *find = data;
  GError *error = NULL;
  GPtrArray *matches = rei_resident_match_find (find->store, find->text, find->max, cancellable,
                                                &error);

  if (matches == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, matches, (GDestroyNotify) g_ptr_array_unref);
}

void
rei_resident_match_find_async (ReiStore            *store,
                               const char          *text,
                               guint                max,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Find *find;

  g_return_if_fail (REI_IS_STORE (store));
  g_return_if_fail (text != NULL);

  find = g_new0 (Find, 1);
  find->store = g_object_ref (store);
  find->text = g_strdup (text);
  find->max = max;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rei_resident_match_find_async);
  g_task_set_task_data (task, find, find_free);
  g_task_run_in_thread (task, find_thread);
}

GPtrArray *
rei_resident_match_find_finish (ReiStore      *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

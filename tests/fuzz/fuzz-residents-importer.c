/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the residents import over arbitrary bytes.  Every input is validated
 * against one store, opened once per process in a private temporary folder (removed at exit);
 * about one input in 64 that passes is also imported, so that the writing path and the matching
 * of people already stored are exercised too without writing the database for every input.
 * Whatever the input: a clean verdict with its problems, never a crash, a leak or undefined
 * behaviour; a file the importer accepts, the store accepts as well. */
#include "config.h"

#include <glib/gstdio.h>

#include "rei-importer.h"
#include "rei-resident.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *tmp_dir;
static ReiStore *store;

static void
remove_store (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (tmp_dir == NULL)
    return;
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (tmp_dir, "/fuzz.db", suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

static ReiStore *
get_store (void)
{
  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      tmp_dir = g_dir_make_tmp ("reintegra-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (tmp_dir, "fuzz.db", NULL);
      store = rei_store_open (path, &error);
      g_assert_no_error (error);
      atexit (remove_store);
    }
  return store;
}

static void
check_problems (ReiImporter *importer,
                gboolean     ok,
                GError      *error)
{
  GPtrArray *problems = rei_importer_get_problems (importer);

  g_assert (ok == (error == NULL));
  if (ok)
    g_assert_cmpuint (problems->len, ==, 0);
  else
    {
      g_assert (error->domain == REI_IMPORT_ERROR);
      g_assert_cmpuint (problems->len, >, 0);
    }
  for (guint i = 0; i < problems->len; i++)
    {
      ReiImportProblem *p = g_ptr_array_index (problems, i);

      g_assert_nonnull (p->message);
      g_assert (g_utf8_validate (p->message, -1, NULL));
    }
}

/* FNV-1a: which inputs are also imported depends on the input alone, so a crash reproduces. */
static guint32
hash_bytes (const guint8 *data,
            size_t        size)
{
  guint32 h = 2166136261u;

  for (size_t i = 0; i < size; i++)
    h = (h ^ data[i]) * 16777619u;
  return h;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ReiImporter) importer = rei_importer_new (get_store ());
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = rei_importer_validate (importer, bytes, NULL, NULL, NULL, &error);
  check_problems (importer, ok, error);
  if (!ok)
    return 0;
  for (guint i = 0; i < rei_importer_get_residents (importer)->len; i++)
    g_assert (REI_IS_RESIDENT (g_ptr_array_index (rei_importer_get_residents (importer), i)));

  if (hash_bytes (data, size) % 64 == 0)
    {
      guint n = rei_importer_get_residents (importer)->len;

      ok = rei_importer_run (importer, bytes, NULL, NULL, NULL, &error);
      if (!ok)
        g_error ("validated but not imported: %s", error->message);
      g_assert_cmpuint (rei_importer_get_n_inserted (importer) + rei_importer_get_n_updated (importer),
                        ==, n);
    }
  return 0;
}

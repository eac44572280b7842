/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-temp-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define PREFIX ".reintegra-"

struct _ReiTempFile
{
  char *path;
  char *target;
  /* Open for the writer's life: the flock on it tells other processes the file is in use.  A
   * flock belongs to this open file, so it outlives the writer's own opens and closes of the
   * path (SQLite's, libxlsxwriter's) and goes with the process when it is killed. */
  int   lock_fd;
};

/* ".reintegra-KIND-XXXXXX" with an optional ".ext", as rei_temp_file_new() names them: nothing
 * else in the user's folder is ever touched. */
static gboolean
is_temp_name (const char *name)
{
  const char *p;

  if (!g_str_has_prefix (name, PREFIX))
    return FALSE;
  p = name + strlen (PREFIX);
  if (!g_ascii_islower (*p))
    return FALSE;
  while (g_ascii_islower (*p))
    p++;
  if (*p++ != '-')
    return FALSE;
  for (guint i = 0; i < 6; i++, p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p++ != '.' || *p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static gboolean
remove_if_stale (const char *path,
                 gint64      now,
                 GTimeSpan   min_age)
{
  struct stat before, opened;
  gboolean removed = FALSE;
  int fd;

  /* Not a link (it could point anywhere), our own, and untouched for a while: a writer that
   * does not lock is still writing to a young file. */
  if (lstat (path, &before) != 0 || !S_ISREG (before.st_mode) || before.st_uid != getuid () ||
      now - (gint64) before.st_mtime * G_USEC_PER_SEC < min_age)
    return FALSE;

  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  /* A live writer holds its lock; the lock taken here keeps a second cleaner from racing. */
  if (fstat (fd, &opened) == 0 && opened.st_dev == before.st_dev &&
      opened.st_ino == before.st_ino && flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      struct stat now_there;

      /* Still the same file under the name: then it is a killed writer's. */
      if (lstat (path, &now_there) == 0 && now_there.st_dev == opened.st_dev &&
          now_there.st_ino == opened.st_ino)
        removed = g_unlink (path) == 0;
    }
  close (fd);
  return removed;
}

guint
rei_temp_file_remove_stale (const char *folder,
                            GTimeSpan   min_age)
{
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time ();
  const char *name;
  guint n = 0;

  g_return_val_if_fail (folder != NULL, 0);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (name))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        if (remove_if_stale (path, now, min_age))
          n++;
      }
  return n;
}

gboolean
rei_temp_file_remove_leftover (const char *path,
                               GTimeSpan   min_age)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return remove_if_stale (path, g_get_real_time (), min_age);
}

ReiTempFile *
rei_temp_file_new (const char *target,
                   const char *kind,
                   const char *suffix)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  ReiTempFile *self;
  int fd;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  dir = g_path_get_dirname (target);
  rei_temp_file_remove_stale (dir, REI_TEMP_FILE_STALE_AGE);

  name = g_strconcat (PREFIX, kind, "-XXXXXX", suffix, NULL);
  self = g_new0 (ReiTempFile, 1);
  self->lock_fd = -1;
  self->path = g_build_filename (dir, name, NULL);
  self->target = g_strdup (target);
  fd = g_mkstemp_full (self->path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->path, g_free);
      rei_temp_file_free (self);
      errno = saved;
      return NULL;
    }
  /* Nobody else holds a file just made; a failure (a file system without flock) leaves the
   * age alone to protect it. */
  (void) flock (fd, LOCK_EX | LOCK_NB);
  self->lock_fd = fd;
  return self;
}

const char *
rei_temp_file_get_path (ReiTempFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
rei_temp_file_commit (ReiTempFile *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  if (g_rename (self->path, self->target) != 0)
    return FALSE;
  g_clear_pointer (&self->path, g_free);
  return TRUE;
}

void
rei_temp_file_free (ReiTempFile *self)
{
  if (self == NULL)
    return;

  /* Removed before the lock goes, so that no cleaner ever sees it unlocked. */
  if (self->path != NULL)
    g_unlink (self->path);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->path);
  g_free (self->target);
  g_free (self);
}

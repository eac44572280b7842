/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes N demo residents as a residents CSV, for the crash tests: write-demo-csv PATH N SEED. */
#include "config.h"

#include <stdlib.h>

#include "rei-demo.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 4)
    {
      g_printerr ("usage: write-demo-csv PATH N SEED\n");
      return 2;
    }
  if (!rei_demo_write_csv (argv[1], (guint) atoi (argv[2]), (guint32) atoi (argv[3]), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

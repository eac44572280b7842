/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "rei-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ReiApplication) app = NULL;
  const char *localedir;

  /* Tests and runs from the build tree point this at the catalogues built there. */
  localedir = g_getenv ("REINTEGRA_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rei_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

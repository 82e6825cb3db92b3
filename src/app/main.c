/* main.c — the entry point of lots, the desk application.
 *
 *   lots [--data-dir DIR]
 *
 * Everything else happens in LotsApplication.
 */
#define G_LOG_DOMAIN "lots-main"

#include "config.h"


#include "lots-application.h"
#include "lots-renderer.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(LotsApplication) app = NULL;

  /* Before GTK starts, and before any thread does (it sets the
   * environment). */
  lots_renderer_choose_early (NULL);
  /* Before the options are parsed, so that --help is translated too. */
  lots_application_init_i18n ();

  app = lots_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

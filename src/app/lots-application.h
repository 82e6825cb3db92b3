/* lots-application.h — the desk application: one process, one index.
 *
 * LotsApplication owns what every window shares: the search index of the
 * data directory with the built-in knowledge base in it, opened off the main
 * loop at startup; the settings; the command-line options; and the actions
 * with their keyboard shortcuts.
 */
#pragma once

#include <adwaita.h>

#include "lots-index.h"

G_BEGIN_DECLS

#define LOTS_TYPE_APPLICATION (lots_application_get_type ())

G_DECLARE_FINAL_TYPE (LotsApplication, lots_application, LOTS, APPLICATION, AdwApplication)

gboolean          lots_application_get_loading             (LotsApplication *self);
LotsIndex        *lots_application_get_index               (LotsApplication *self);
const GError     *lots_application_get_index_error         (LotsApplication *self);
guint             lots_application_get_n_builtin_articles  (LotsApplication *self);
GSettings        *lots_application_get_settings            (LotsApplication *self);
LotsApplication  *lots_application_new                     (void);

G_END_DECLS

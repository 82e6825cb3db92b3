/* lots-application.h — the desk application: one process, one index.
 *
 * LotsApplication owns what every window shares: the search index of the
 * data directory with the built-in knowledge base in it, opened off the main
 * loop at startup; the settings; the command-line options; and the actions
 * with their keyboard shortcuts.
 */
#pragma once

#include <adwaita.h>

#include "lots-background.h"
#include "lots-case.h"
#include "lots-guide.h"
#include "lots-index.h"
#include "lots-search-controller.h"
#include "lots-workstation.h"

G_BEGIN_DECLS

#define LOTS_TYPE_APPLICATION (lots_application_get_type ())

G_DECLARE_FINAL_TYPE (LotsApplication, lots_application, LOTS, APPLICATION, AdwApplication)

gboolean          lots_application_get_loading             (LotsApplication *self);
LotsIndex        *lots_application_get_index               (LotsApplication *self);
const GError     *lots_application_get_index_error         (LotsApplication *self);
guint             lots_application_get_n_builtin_articles  (LotsApplication *self);
GSettings        *lots_application_get_settings            (LotsApplication *self);
LotsSearchController *lots_application_get_search         (LotsApplication *self);
LotsBackground   *lots_application_get_background          (LotsApplication *self);
GPtrArray        *lots_application_get_guides              (LotsApplication *self);
GPtrArray        *lots_application_get_libraries           (LotsApplication *self);
GPtrArray        *lots_application_get_coach_libraries     (LotsApplication *self);
const char       *lots_application_get_guide_revision      (LotsApplication *self,
                                                            LotsGuide       *guide);
GPtrArray        *lots_application_get_areas               (LotsApplication *self);
const LotsCaseReferences *lots_application_get_references  (LotsApplication *self);
const char       *lots_application_get_caselog_filename    (LotsApplication *self);
const LotsWorkstation *lots_application_get_workstation    (LotsApplication *self);
const char       *lots_application_get_data_dir            (LotsApplication *self);
LotsApplication  *lots_application_new                     (void);
void              lots_application_init_i18n               (void);

G_END_DECLS

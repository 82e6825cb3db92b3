/* lots-guide-library.h — the guides of one source, ready to run.
 *
 * A library takes a loaded source and builds what its guides need: a host
 * with the source's data tables and articles, its modules for require(),
 * every guide loaded and its scenario test files (*_test.lua) listed.
 * Problems found while loading become diagnostics; a guide with errors is
 * left out, the rest still run.
 *
 * Modules are required by their path from the source's root without .lua
 * ("lib/avgifter"); in the built-in source the root of guides is scripts/.
 */
#pragma once

#include <glib.h>

#include "lots-guide.h"
#include "lots-source.h"

G_BEGIN_DECLS

typedef struct _LotsGuideLibrary LotsGuideLibrary;

LotsGuideLibrary *lots_guide_library_new        (LotsSource       *source,
                                                 GPtrArray        *diagnostics);
void              lots_guide_library_free       (LotsGuideLibrary *library);
LotsGuideHost    *lots_guide_library_get_host   (LotsGuideLibrary *library);
GPtrArray        *lots_guide_library_get_guides (LotsGuideLibrary *library);
GPtrArray        *lots_guide_library_get_tests  (LotsGuideLibrary *library);
const char       *lots_guide_library_get_source_id (LotsGuideLibrary *library);
const char       *lots_guide_library_get_revision  (LotsGuideLibrary *library);
const LotsSource *lots_guide_library_get_source    (LotsGuideLibrary *library);
LotsGuide        *lots_guide_library_find       (LotsGuideLibrary *library,
                                                 const char       *id_or_path);
void              lots_guide_library_check      (LotsGuideLibrary *library,
                                                 GPtrArray        *diagnostics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsGuideLibrary, lots_guide_library_free)

G_END_DECLS

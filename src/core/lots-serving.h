/* lots-serving.h — every source a workstation serves, as sources.
 *
 * The built-in source (knowledge/ + scripts/) and, for each configured git
 * source, the tree of its accepted commit read from the bare repository:
 * what `lotsctl guide list` lists and `guide run ID` finds guides in. A
 * quarantined commit is never read here; a source not synced yet has
 * nothing to serve.
 */
#pragma once

#include <glib.h>

#include "lots-source.h"

G_BEGIN_DECLS

GPtrArray *lots_serving_load_sources (const char  *data_dir,
                                      GPtrArray   *diagnostics,
                                      GError     **error);

G_END_DECLS

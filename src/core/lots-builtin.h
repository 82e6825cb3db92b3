/* lots-builtin.h — the built-in source: knowledge/ plus scripts/.
 *
 * Lots works offline out of the box because the built-in sample base ships
 * with it. It is indexed on first use and re-indexed whenever its files
 * change (a fingerprint of their contents is its revision).
 */
#pragma once

#include <glib.h>

#include "lots-index.h"
#include "lots-source.h"

G_BEGIN_DECLS

#define LOTS_BUILTIN_KIND "builtin"

GPtrArray  *lots_builtin_areas           (GError     **error);
LotsSource *lots_builtin_load            (GPtrArray   *diagnostics,
                                          GError     **error);
gboolean    lots_builtin_ensure_indexed  (LotsIndex   *index,
                                          GError     **error);
LotsIndex  *lots_builtin_open_index      (GError     **error);

G_END_DECLS

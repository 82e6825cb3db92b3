/* lots-guide-check.h — static checks of a guide, before anyone runs it.
 *
 * What a publisher gets from `lotsctl guide check` and `lotsctl lint`, and
 * what the sync gate refuses a commit for: a start or target that names no
 * step, a step no call can reach, a step from which no call can finish,
 * an article, data table or unit that the source does not have, an area
 * outside the manifest's. Every problem is a diagnostic `path:line: …`.
 */
#pragma once

#include <glib.h>

#include "lots-guide.h"

G_BEGIN_DECLS

void lots_guide_check (const LotsGuide   *guide,
                       const char *const *areas,
                       GPtrArray         *diagnostics);

G_END_DECLS

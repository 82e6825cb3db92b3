/* lots-guide-private.h — what a session needs of the loader: the same
 * declaration functions, and the Lua table each step was declared with. */
#pragma once

#include "lots-guide.h"
#include "lots-guide-sandbox.h"

G_BEGIN_DECLS

/* Adds guide{} and step "id" {} to the sandbox's environment. */
void     _lots_guide_add_declarations (LotsGuideSandbox *sandbox);
/* Pushes the table step ID was declared with (nil if none). */
void     _lots_guide_push_step_table  (LotsGuideSandbox *sandbox,
                                       const char       *id);
/* Creates a sandbox for GUIDE with the host API and runs its file. */
LotsGuideSandbox *_lots_guide_new_sandbox (const LotsGuide *guide,
                                           GError         **error);
/* The line a Lua error message ("path:12: …") points at, or 0. */
guint    _lots_guide_error_line       (const char *message,
                                       const char *path);

G_END_DECLS

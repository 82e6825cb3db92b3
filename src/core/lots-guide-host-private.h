/* lots-guide-host-private.h — how the host API and a guide session share
 * what a step learned: registry tables in the session's sandbox. */
#pragma once

#include <lua.h>

#include <glib.h>

G_BEGIN_DECLS

/* Registry keys (their addresses): the proposed outcome fields (a table of
 * field → value) and the articles linked with article() (a list of ids). */
extern const char _lots_guide_proposed_key;
extern const char _lots_guide_links_key;

void _lots_guide_propose (lua_State  *state,
                          int         index,
                          const char *where);

G_END_DECLS

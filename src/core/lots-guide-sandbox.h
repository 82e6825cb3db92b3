/* lots-guide-sandbox.h — the strict Lua 5.4 state a guide runs in.
 *
 * Guides come from many authors in many districts, so the state they run in
 * trusts nothing they write:
 *
 *  - the environment holds only string (without dump), table, math, utf8, a
 *    few safe base functions and the host API that the guide engine adds; no
 *    io, os, debug, coroutine, load, dofile, collectgarbage or print, and no
 *    way to reach the real string library through a string's metatable;
 *  - require() reaches only modules of the guide's own source, through a
 *    reader the host provides;
 *  - every call into Lua runs under an instruction cap, a wall-clock cap and
 *    (for the whole state) a memory cap. Once a cap is hit the state is
 *    "stopped": pcall cannot swallow the error, every further instruction
 *    raises it again, and the host refuses all later calls;
 *  - the count hook never fires inside one long C call, so the pattern
 *    functions (find, match, gmatch, gsub) first bound the work their
 *    backtracking can do for the text and pattern given, and refuse
 *    patterns that could run away;
 *  - metatables with __gc are refused (a finaliser runs whenever the
 *    collector likes, outside any step's limits), and the host only ever
 *    reads guide values raw, so no __index or __tostring runs outside a
 *    limited call.
 *
 * One sandbox belongs to one guide session (or one check, or one scenario):
 * guides never share a state, so one cannot see or change another's.
 */
#pragma once

#include <glib.h>
#include <lua.h>

G_BEGIN_DECLS

typedef struct _LotsGuideSandbox LotsGuideSandbox;

typedef struct {
  gsize   memory_bytes;   /* the whole state, including what the guide declared */
  guint64 instructions;   /* per call from the host */
  gint64  time_us;        /* per call from the host, wall clock */
} LotsGuideLimits;

/* Generous for any real guide (a step runs some hundreds of instructions
 * and the largest default guide's state is ~100 KB), tight enough that a
 * runaway guide is stopped within a few milliseconds. */
#define LOTS_GUIDE_MEMORY_LIMIT (8 * 1024 * 1024)
#define LOTS_GUIDE_INSTRUCTION_LIMIT 1000000
#define LOTS_GUIDE_TIME_LIMIT_US (50 * 1000)
/* Work the pattern functions may do in one call (see lots-guide-sandbox.c). */
#define LOTS_GUIDE_PATTERN_BUDGET 10000000.0

/* Reads the text of a module: NAME as given to require ("lib/avgift"); fills
 * PATH with the file's path in the source (for error messages). NULL with
 * ERROR set when there is no such module. */
typedef GBytes *(*LotsGuideModuleReader) (const char  *name,
                                          char       **path,
                                          gpointer     user_data,
                                          GError     **error);

LotsGuideSandbox *lots_guide_sandbox_new            (const LotsGuideLimits *limits);
void              lots_guide_sandbox_free           (LotsGuideSandbox      *sandbox);
lua_State        *lots_guide_sandbox_get_state      (LotsGuideSandbox      *sandbox);
void              lots_guide_sandbox_set_module_reader (LotsGuideSandbox  *sandbox,
                                                     LotsGuideModuleReader reader,
                                                     gpointer           user_data);
void              lots_guide_sandbox_add_function   (LotsGuideSandbox      *sandbox,
                                                     const char            *name,
                                                     lua_CFunction          function,
                                                     gpointer               upvalue);
void              lots_guide_sandbox_push_env       (LotsGuideSandbox      *sandbox);
gboolean          lots_guide_sandbox_run            (LotsGuideSandbox      *sandbox,
                                                     const char            *path,
                                                     const char            *text,
                                                     gsize                  length,
                                                     GError               **error);
gboolean          lots_guide_sandbox_call           (LotsGuideSandbox      *sandbox,
                                                     int                    n_args,
                                                     int                    n_results,
                                                     GError               **error);
gboolean          lots_guide_sandbox_is_stopped     (LotsGuideSandbox      *sandbox);
gsize             lots_guide_sandbox_get_memory     (LotsGuideSandbox      *sandbox);
LotsGuideSandbox *lots_guide_sandbox_from_state     (lua_State             *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsGuideSandbox, lots_guide_sandbox_free)

G_END_DECLS

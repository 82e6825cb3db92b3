/* lots-guide-sandbox.c — the strict Lua state guides run in (see the header).
 *
 * The limits and why each one looks the way it does:
 *
 *  - Memory: a lua_Alloc that counts every byte of the state and refuses to
 *    grow past the cap while guide code runs (a limiting allocator costs
 *    about 3 % of run time). Outside guide calls the host may allocate freely:
 *    a refused allocation in unprotected host code would make Lua panic.
 *  - Instructions and time: a count hook every HOOK_INTERVAL instructions
 *    (a small interval costs 10–100 % of a tight loop; 1,000 is cheap and
 *    still stops a loop within microseconds of its cap) that also reads the
 *    monotonic clock, for C functions that are slow without being pattern
 *    functions.
 *  - Once stopped, the hook fires on every instruction and raises again, and
 *    pcall and xpcall re-raise: a guide that catches the limit error gets
 *    back control for one instruction at most.
 *  - Patterns: Lua's matcher backtracks inside one C call, where no hook
 *    runs, so `("x"):rep(1e5):find(".-.-.-y")` would run for hours. Before
 *    calling the real function we bound the work from the pattern's shape:
 *    each item with * + or - can be tried with up to n+1 lengths, ? two
 *    ways, %b and back-references scan up to n characters, and an
 *    unanchored search tries n+1 start positions. The product is an upper
 *    bound on the matcher's steps; above LOTS_GUIDE_PATTERN_BUDGET (tens of
 *    milliseconds at most) the call is refused with a message. Real guide
 *    patterns (a postcode, a date) are thousands of times below it.
 */
#define G_LOG_DOMAIN "lots-guide-sandbox"

#include "config.h"

#include "lots-guide-sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#include "lots-error.h"

#define HOOK_INTERVAL 1000
/* Longest module name require() accepts; module names are paths. */
#define MAX_MODULE_NAME 200

typedef enum {
  STOP_NONE,
  STOP_MEMORY,
  STOP_INSTRUCTIONS,
  STOP_TIME,
} StopReason;

struct _LotsGuideSandbox {
  lua_State *state;
  LotsGuideLimits limits;
  gsize used;
  int guarded;             /* depth of host calls into Lua */
  guint64 instructions;    /* in the current call */
  gint64 deadline;         /* monotonic µs */
  StopReason stopped;
  char *stop_message;
  int env_ref;
  LotsGuideModuleReader reader;
  gpointer reader_data;
};

/* Registry keys: their addresses are unique. */
static const char loaded_key = 'l';
static const char loading_mark = 'm';

/* ---- memory ---------------------------------------------------------- */

static void *
sandbox_alloc (void   *user_data,
               void   *block,
               size_t  old_size,
               size_t  new_size)
{
  LotsGuideSandbox *self = user_data;
  void *grown;

  if (block == NULL)
    old_size = 0;   /* then it is a type tag, not a size */
  if (new_size == 0)
    {
      free (block);
      self->used -= old_size;
      return NULL;
    }
  if (self->guarded > 0 && new_size > old_size &&
      (self->stopped == STOP_MEMORY || self->used - old_size + new_size > self->limits.memory_bytes))
    {
      if (self->stopped == STOP_NONE)
        {
          self->stopped = STOP_MEMORY;
          /* Any further instruction raises again; lua_sethook is safe at any point. */
          if (self->state != NULL)
            lua_sethook (self->state, lua_gethook (self->state), LUA_MASKCOUNT, 1);
        }
      return NULL;
    }
  grown = realloc (block, new_size);
  if (grown != NULL)
    self->used = self->used - old_size + new_size;
  return grown;
}

/* ---- instructions and time ----------------------------------------- */

static const char *
stop_text (const LotsGuideSandbox *self)
{
  switch (self->stopped)
    {
    case STOP_MEMORY:
      return "the guide used more memory than it may (a table or a string that grows without end?)";
    case STOP_INSTRUCTIONS:
      return "the guide ran too many instructions in one step (a loop that never ends?)";
    case STOP_TIME:
      return "the guide ran for too long in one step";
    case STOP_NONE:
    default:
      return "the guide was stopped";
    }
}

static void
sandbox_hook (lua_State *state,
              lua_Debug *debug)
{
  LotsGuideSandbox *self = lots_guide_sandbox_from_state (state);

  if (self->stopped == STOP_NONE)
    {
      self->instructions += HOOK_INTERVAL;
      if (self->instructions > self->limits.instructions)
        self->stopped = STOP_INSTRUCTIONS;
      else if (g_get_monotonic_time () > self->deadline)
        self->stopped = STOP_TIME;
      else
        return;
      lua_sethook (state, sandbox_hook, LUA_MASKCOUNT, 1);
    }
  if (self->stop_message == NULL)
    {
      if (lua_getinfo (state, "Sl", debug) && debug->currentline > 0)
        self->stop_message = g_strdup_printf ("%s:%d: %s", debug->short_src, debug->currentline, stop_text (self));
      else
        self->stop_message = g_strdup (stop_text (self));
    }
  lua_pushstring (state, self->stop_message);
  lua_error (state);
}

static void
guard_begin (LotsGuideSandbox *self)
{
  if (self->guarded++ > 0)
    return;
  self->instructions = 0;
  self->deadline = g_get_monotonic_time () + self->limits.time_us;
  lua_sethook (self->state, sandbox_hook, LUA_MASKCOUNT, HOOK_INTERVAL);
}

static void
guard_end (LotsGuideSandbox *self)
{
  if (--self->guarded > 0)
    return;
  if (self->stopped == STOP_NONE)
    lua_sethook (self->state, NULL, 0, 0);
}

/* ---- base functions that must not swallow a stop -------------------- */

static int
l_pcall (lua_State *state)
{
  int status;

  luaL_checkany (state, 1);
  status = lua_pcall (state, lua_gettop (state) - 1, LUA_MULTRET, 0);
  if (status != LUA_OK && lots_guide_sandbox_is_stopped (lots_guide_sandbox_from_state (state)))
    return lua_error (state);
  lua_pushboolean (state, status == LUA_OK);
  lua_insert (state, 1);
  return lua_gettop (state);
}

/* A guide's message handler, called through this: when the error is a
 * stop raised from the count hook, Lua calls the handler while hooks are
 * still off, so the guide's handler could loop forever unchecked. Then
 * the message passes through untouched. */
static int
l_message_handler (lua_State *state)
{
  if (lots_guide_sandbox_is_stopped (lots_guide_sandbox_from_state (state)))
    return 1;
  lua_pushvalue (state, lua_upvalueindex (1));
  lua_insert (state, 1);
  lua_call (state, lua_gettop (state) - 1, 1);
  return 1;
}

static int
l_xpcall (lua_State *state)
{
  int n_args = lua_gettop (state) - 2;
  int status;

  luaL_checktype (state, 2, LUA_TFUNCTION);
  lua_pushvalue (state, 2);
  lua_pushcclosure (state, l_message_handler, 1);
  lua_replace (state, 2);
  lua_pushvalue (state, 1);    /* f, handler, args…, f */
  lua_rotate (state, 3, 1);    /* f, handler, f, args… */
  status = lua_pcall (state, n_args, LUA_MULTRET, 2);
  if (status != LUA_OK && lots_guide_sandbox_is_stopped (lots_guide_sandbox_from_state (state)))
    return lua_error (state);
  lua_pushboolean (state, status == LUA_OK);
  lua_replace (state, 1);      /* ok, handler, results… */
  lua_remove (state, 2);
  return lua_gettop (state);
}

/* A finaliser would run whenever the collector gets to it: in another
 * step, or while the host closes the state, outside every limit. */
static int
l_setmetatable (lua_State *state)
{
  if (lua_type (state, 2) == LUA_TTABLE)
    {
      lua_pushliteral (state, "__gc");
      if (lua_rawget (state, 2) != LUA_TNIL)
        return luaL_error (state, "guides may not give a table a __gc metamethod");
      lua_pop (state, 1);
    }
  lua_pushvalue (state, lua_upvalueindex (1));
  lua_insert (state, 1);
  lua_call (state, lua_gettop (state) - 1, 1);
  return 1;
}

/* ---- patterns --------------------------------------------------------- */

/* Where the single-character class starting at P ends (as Lua's matcher
 * reads it); END when the pattern is malformed (the real function will say
 * so). */
static const char *
class_end (const char *p,
           const char *end)
{
  if (p >= end)
    return end;
  if (*p == '%')
    return MIN (p + 2, end);
  if (*p == '[')
    {
      p++;
      if (p < end && *p == '^')
        p++;
      do
        {
          if (p >= end)
            return end;
          if (*p++ == '%' && p < end)
            p++;
        }
      while (p < end && *p != ']');
      return MIN (p + 1, end);
    }
  return p + 1;
}

/* An upper bound on the steps Lua's matcher can take for PATTERN against
 * N characters. See the top of the file. */
static double
pattern_cost (const char *pattern,
              size_t      pattern_length,
              size_t      n,
              gboolean    plain)
{
  const char *p = pattern;
  const char *end = pattern + pattern_length;
  double branches = 1.0;
  double per_leaf = (double) pattern_length + 1.0;
  gboolean anchored = FALSE;

  if (plain || strpbrk (pattern, "^$*+?.([%-") == NULL)
    return ((double) n + 1.0) * ((double) pattern_length + 1.0);
  if (p < end && *p == '^')
    {
      anchored = TRUE;
      p++;
    }
  while (p < end)
    {
      const char *next;

      if (*p == '(' || *p == ')')
        {
          p++;
          continue;
        }
      if (*p == '%' && p + 1 < end && (p[1] == 'b' || p[1] == 'f' || g_ascii_isdigit (p[1])))
        {
          if (p[1] == 'f')
            {
              p = class_end (p + 2, end);
              continue;
            }
          per_leaf += (double) n;
          p += p[1] == 'b' ? 4 : 2;
          continue;
        }
      next = class_end (p, end);
      if (next < end && (*next == '*' || *next == '+' || *next == '-'))
        {
          branches *= (double) n + 1.0;
          next++;
        }
      else if (next < end && *next == '?')
        {
          branches *= 2.0;
          next++;
        }
      p = next;
    }
  return (anchored ? 1.0 : (double) n + 1.0) * branches * per_leaf;
}

/* The guarded find, match, gmatch and gsub: upvalue 1 is the real one. */
static int
l_guarded_pattern (lua_State *state)
{
  size_t length, pattern_length;
  luaL_checklstring (state, 1, &length);
  const char *pattern = luaL_checklstring (state, 2, &pattern_length);
  gboolean plain = lua_toboolean (state, lua_upvalueindex (2)) && lua_toboolean (state, 4);
  size_t n = length;
  double cost;

  /* find, match and gmatch take an init position; gsub's third argument is
   * the replacement, and the whole text counts. */
  if (lua_toboolean (state, lua_upvalueindex (3)))
    {
      lua_Integer init = luaL_optinteger (state, 3, 1);

      if (init < 0)
        init = (lua_Integer) length + init + 1;
      if (init > 1)
        n = init > (lua_Integer) length ? 0 : length - (size_t) (init - 1);
    }
  cost = pattern_cost (pattern, pattern_length, n, plain);
  if (cost > LOTS_GUIDE_PATTERN_BUDGET)
    {
      char message[256];

      /* lua_pushfstring knows no %g; the message is formatted first. */
      g_snprintf (message, sizeof message,
                  "the pattern \"%.40s%s\" could take too long on a text of %zu characters "
                  "(up to %.2g matching steps; at most %.2g are allowed): use a simpler pattern or a shorter text",
                  pattern, pattern_length > 40 ? "…" : "", length, cost, LOTS_GUIDE_PATTERN_BUDGET);
      return luaL_error (state, "%s", message);
    }
  lua_pushvalue (state, lua_upvalueindex (1));
  lua_insert (state, 1);
  lua_call (state, lua_gettop (state) - 1, LUA_MULTRET);
  return lua_gettop (state);
}

static void
guard_pattern_function (lua_State  *state,
                        int         string_table,
                        const char *name,
                        gboolean    takes_plain,
                        gboolean    takes_init)
{
  lua_getfield (state, string_table, name);
  lua_pushboolean (state, takes_plain);
  lua_pushboolean (state, takes_init);
  lua_pushcclosure (state, l_guarded_pattern, 3);
  lua_setfield (state, string_table, name);
}

/* ---- require ---------------------------------------------------------- */

static gboolean
module_name_is_valid (const char *name)
{
  if (name[0] == '\0' || name[0] == '/' || strlen (name) > MAX_MODULE_NAME || strstr (name, "..") != NULL)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '/' || *p == '.'))
      return FALSE;
  return TRUE;
}

/* Loads NAME's text into a function (on the stack) or pushes an error
 * message; returns whether it loaded. GLib memory is freed before Lua can
 * raise. */
static gboolean
load_module (LotsGuideSandbox *self,
             const char       *name)
{
  GError *error = NULL;
  char *path = NULL;
  GBytes *bytes = NULL;
  char *chunk_name;
  int status;
  gsize length;
  const char *text;

  if (self->reader != NULL)
    bytes = self->reader (name, &path, self->reader_data, &error);
  else
    g_set_error (&error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "guides here cannot require modules");
  if (bytes == NULL)
    {
      lua_pushstring (self->state, error ? error->message : "no such module");
      g_clear_error (&error);
      g_free (path);
      return FALSE;
    }
  text = g_bytes_get_data (bytes, &length);
  chunk_name = g_strconcat ("@", path ? path : name, NULL);
  status = luaL_loadbufferx (self->state, text ? text : "", length, chunk_name, "t");
  g_free (chunk_name);
  g_free (path);
  g_bytes_unref (bytes);
  if (status != LUA_OK)
    return FALSE;
  lua_rawgeti (self->state, LUA_REGISTRYINDEX, self->env_ref);
  lua_setupvalue (self->state, -2, 1);
  return TRUE;
}

static int
l_require (lua_State *state)
{
  LotsGuideSandbox *self = lots_guide_sandbox_from_state (state);
  const char *name = luaL_checkstring (state, 1);

  if (!module_name_is_valid (name))
    return luaL_error (state, "require \"%s\": a module is named by its path in the source, "
                       "without .lua, e.g. require \"lib/avgifter\"", name);
  lua_rawgetp (state, LUA_REGISTRYINDEX, &loaded_key);
  if (lua_getfield (state, -1, name) != LUA_TNIL)
    {
      if (lua_touserdata (state, -1) == &loading_mark)
        return luaL_error (state, "require \"%s\": the module requires itself, directly or through others", name);
      return 1;
    }
  lua_pop (state, 1);
  lua_pushlightuserdata (state, (void *) &loading_mark);
  lua_setfield (state, -2, name);
  if (!load_module (self, name))
    return luaL_error (state, "require \"%s\": %s", name, lua_tostring (state, -1));
  lua_call (state, 0, 1);
  if (lua_isnil (state, -1))
    {
      lua_pop (state, 1);
      lua_pushboolean (state, TRUE);
    }
  lua_pushvalue (state, -1);
  lua_setfield (state, -3, name);
  return 1;
}

/* ---- the environment ------------------------------------------------ */

/* Reading a name nobody defined is an error, not nil: `resolved = flase`
 * would otherwise quietly drop the field. */
static int
l_unknown_name (lua_State *state)
{
  return luaL_error (state, "unknown name '%s' (misspelt, or a library guides do not have?)",
                     lua_type (state, 2) == LUA_TSTRING ? lua_tostring (state, 2) : "?");
}

static const char *const base_names[] = {
  "assert", "error", "getmetatable", "ipairs", "next", "pairs", "rawequal", "rawget", "rawlen",
  "rawset", "select", "tonumber", "tostring", "type", "_VERSION", NULL
};

/* A copy of a library table in the environment: a guide that changes
 * string.find changes its own copy, never what strings' methods use. */
static void
copy_library (lua_State  *state,
              int         env,
              const char *name,
              const char *const *removed)
{
  lua_getglobal (state, name);
  lua_newtable (state);
  lua_pushnil (state);
  while (lua_next (state, -3) != 0)
    {
      lua_pushvalue (state, -2);
      lua_insert (state, -2);
      lua_rawset (state, -4);
    }
  for (guint i = 0; removed != NULL && removed[i] != NULL; i++)
    {
      lua_pushnil (state);
      lua_setfield (state, -2, removed[i]);
    }
  lua_setfield (state, env, name);
  lua_pop (state, 1);
}

static void
harden_string_library (lua_State *state)
{
  int string_table;

  lua_getglobal (state, LUA_STRLIBNAME);
  string_table = lua_gettop (state);
  lua_pushnil (state);
  lua_setfield (state, string_table, "dump");
  guard_pattern_function (state, string_table, "find", TRUE, TRUE);
  guard_pattern_function (state, string_table, "match", FALSE, TRUE);
  guard_pattern_function (state, string_table, "gmatch", FALSE, TRUE);
  guard_pattern_function (state, string_table, "gsub", FALSE, FALSE);
  lua_pop (state, 1);

  /* getmetatable ("") gives false, so the metatable strings share (and the
   * real string table behind its __index) cannot be reached. */
  lua_pushliteral (state, "");
  if (lua_getmetatable (state, -1))
    {
      lua_pushboolean (state, FALSE);
      lua_setfield (state, -2, "__metatable");
      lua_pop (state, 1);
    }
  lua_pop (state, 1);
}

static void
build_environment (LotsGuideSandbox *self)
{
  static const char *const no_random[] = { "random", "randomseed", NULL };
  lua_State *state = self->state;
  int env;

  luaL_requiref (state, LUA_GNAME, luaopen_base, 1);
  luaL_requiref (state, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref (state, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref (state, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref (state, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  lua_pop (state, 5);
  harden_string_library (state);

  lua_newtable (state);
  env = lua_gettop (state);
  for (guint i = 0; base_names[i] != NULL; i++)
    {
      lua_getglobal (state, base_names[i]);
      lua_setfield (state, env, base_names[i]);
    }
  lua_pushcfunction (state, l_pcall);
  lua_setfield (state, env, "pcall");
  lua_pushcfunction (state, l_xpcall);
  lua_setfield (state, env, "xpcall");
  lua_getglobal (state, "setmetatable");
  lua_pushcclosure (state, l_setmetatable, 1);
  lua_setfield (state, env, "setmetatable");
  lua_pushcfunction (state, l_require);
  lua_setfield (state, env, "require");
  copy_library (state, env, LUA_STRLIBNAME, NULL);
  copy_library (state, env, LUA_TABLIBNAME, NULL);
  /* Randomness would make scenario tests fail at random. */
  copy_library (state, env, LUA_MATHLIBNAME, no_random);
  copy_library (state, env, LUA_UTF8LIBNAME, NULL);
  lua_pushvalue (state, env);
  lua_setfield (state, env, "_G");
  lua_createtable (state, 0, 2);
  lua_pushcfunction (state, l_unknown_name);
  lua_setfield (state, -2, "__index");
  lua_pushboolean (state, FALSE);
  lua_setfield (state, -2, "__metatable");
  lua_setmetatable (state, env);
  self->env_ref = luaL_ref (state, LUA_REGISTRYINDEX);

  lua_newtable (state);
  lua_rawsetp (state, LUA_REGISTRYINDEX, &loaded_key);
}

/* ---- public API ------------------------------------------------------ */

LotsGuideSandbox *
lots_guide_sandbox_new (const LotsGuideLimits *limits)
{
  static const LotsGuideLimits defaults = {
    LOTS_GUIDE_MEMORY_LIMIT, LOTS_GUIDE_INSTRUCTION_LIMIT, LOTS_GUIDE_TIME_LIMIT_US,
  };
  LotsGuideSandbox *self = g_new0 (LotsGuideSandbox, 1);

  self->limits = limits ? *limits : defaults;
  self->state = lua_newstate (sandbox_alloc, self);
  if (self->state == NULL)
    g_error ("could not create a Lua state");
  /* A step makes a few short-lived tables (the answers' snapshot, rows
   * looked up): the generational collector frees them young, in small
   * pauses, where the incremental one would sweep the whole state. */
  lua_gc (self->state, LUA_GCGEN, 0, 0);
  build_environment (self);
  return self;
}

void
lots_guide_sandbox_free (LotsGuideSandbox *self)
{
  if (self == NULL)
    return;
  lua_close (self->state);
  g_free (self->stop_message);
  g_free (self);
}

lua_State *
lots_guide_sandbox_get_state (LotsGuideSandbox *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->state;
}

LotsGuideSandbox *
lots_guide_sandbox_from_state (lua_State *state)
{
  void *self = NULL;

  lua_getallocf (state, &self);
  return self;
}

void
lots_guide_sandbox_set_module_reader (LotsGuideSandbox     *self,
                                      LotsGuideModuleReader reader,
                                      gpointer              user_data)
{
  g_return_if_fail (self != NULL);
  self->reader = reader;
  self->reader_data = user_data;
}

/* Adds a host function to the environment; UPVALUE (may be NULL) is its
 * first upvalue as a light userdata. */
void
lots_guide_sandbox_add_function (LotsGuideSandbox *self,
                                 const char       *name,
                                 lua_CFunction     function,
                                 gpointer          upvalue)
{
  g_return_if_fail (self != NULL && name != NULL && function != NULL);
  lua_rawgeti (self->state, LUA_REGISTRYINDEX, self->env_ref);
  lua_pushlightuserdata (self->state, upvalue);
  lua_pushcclosure (self->state, function, 1);
  lua_setfield (self->state, -2, name);
  lua_pop (self->state, 1);
}

void
lots_guide_sandbox_push_env (LotsGuideSandbox *self)
{
  g_return_if_fail (self != NULL);
  lua_rawgeti (self->state, LUA_REGISTRYINDEX, self->env_ref);
}

gboolean
lots_guide_sandbox_is_stopped (LotsGuideSandbox *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->stopped != STOP_NONE;
}

gsize
lots_guide_sandbox_get_memory (LotsGuideSandbox *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->used;
}

/* Calls the function below N_ARGS arguments on the stack under the limits,
 * like lua_pcall; on failure sets ERROR to the guide's own message
 * ("path:line: …") or to the limit that stopped it, and leaves nothing on
 * the stack. The error value is never converted with tostring: that could
 * run a guide's __tostring outside the limits. */
gboolean
lots_guide_sandbox_call (LotsGuideSandbox *self,
                         int               n_args,
                         int               n_results,
                         GError          **error)
{
  int status;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->stopped != STOP_NONE)
    {
      lua_pop (self->state, n_args + 1);
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s",
                   self->stop_message ? self->stop_message : stop_text (self));
      return FALSE;
    }
  guard_begin (self);
  status = lua_pcall (self->state, n_args, n_results, 0);
  guard_end (self);
  if (status == LUA_OK && self->stopped == STOP_NONE)
    return TRUE;

  if (self->stopped != STOP_NONE)
    g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s",
                 self->stop_message ? self->stop_message : stop_text (self));
  else if (lua_type (self->state, -1) == LUA_TSTRING)
    g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s", lua_tostring (self->state, -1));
  else
    g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                 "the guide raised an error that is not a message (a %s)", luaL_typename (self->state, -1));
  lua_pop (self->state, status == LUA_OK ? n_results : 1);
  return FALSE;
}

/* Compiles TEXT (never bytecode) as a chunk named after PATH, with the
 * sandbox's environment, and runs it under the limits. */
gboolean
lots_guide_sandbox_run (LotsGuideSandbox *self,
                        const char       *path,
                        const char       *text,
                        gsize             length,
                        GError          **error)
{
  g_autofree char *chunk_name = NULL;
  int status;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if (self->stopped != STOP_NONE)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s", stop_text (self));
      return FALSE;
    }
  chunk_name = g_strconcat ("@", path, NULL);
  self->guarded++;   /* compiling allocates: the memory cap applies */
  status = luaL_loadbufferx (self->state, text ? text : "", length, chunk_name, "t");
  self->guarded--;
  if (status != LUA_OK)
    {
      if (status == LUA_ERRMEM || self->stopped != STOP_NONE)
        g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s: %s", path, stop_text (self));
      else
        g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s", lua_tostring (self->state, -1));
      lua_pop (self->state, 1);
      return FALSE;
    }
  lots_guide_sandbox_push_env (self);
  lua_setupvalue (self->state, -2, 1);
  return lots_guide_sandbox_call (self, 0, 0, error);
}

/* test-guide-sandbox.c — hostile guides against the sandbox
 * (lots-guide-sandbox.c): each one must be stopped with a clear error,
 * without crashing the process, within bounded time and memory.
 *
 * The bounds are what the sandbox enforces (instructions, memory, the
 * pattern budget), so the assertions are on the errors it gives, never on
 * a timing. That every test finishes at all is the proof that nothing hangs.
 */
#include "config.h"

#include <glib.h>
#include <lua.h>
#include <string.h>

#include "lots-error.h"
#include "lots-guide-sandbox.h"

/* Runs CODE in a fresh sandbox; returns the error message or NULL. */
static char *
run_code (LotsGuideSandbox *sandbox,
          const char       *code)
{
  g_autoptr(GError) error = NULL;

  if (lots_guide_sandbox_run (sandbox, "hostile.lua", code, strlen (code), &error))
    return NULL;
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

static void
assert_refused (const char *code,
                const char *needle)
{
  g_autoptr(LotsGuideSandbox) sandbox = lots_guide_sandbox_new (NULL);
  g_autofree char *message = run_code (sandbox, code);

  g_assert_nonnull (message);
  if (strstr (message, needle) == NULL)
    g_error ("expected \"%s\" in: %s", needle, message);
  /* The state stays usable for the host: closing it must not crash. */
  g_assert_cmpuint (lots_guide_sandbox_get_memory (sandbox), <=, LOTS_GUIDE_MEMORY_LIMIT + 64 * 1024);
}

static void
assert_runs (const char *code)
{
  g_autoptr(LotsGuideSandbox) sandbox = lots_guide_sandbox_new (NULL);
  g_autofree char *message = run_code (sandbox, code);

  g_assert_null (message);
}

static void
test_endless_loop (void)
{
  assert_refused ("while true do end", "hostile.lua:1: the guide ran too many instructions");
  assert_refused ("local function f () return f () end\nf ()", "too many instructions");
  assert_refused ("local n = 0\nrepeat n = n + 1 until false", "hostile.lua:2:");
}

static void
test_pcall_cannot_catch_the_limit (void)
{
  assert_refused ("while true do pcall (function () while true do end end) end", "too many instructions");
  assert_refused ("for i = 1, 10 do\n  local ok = pcall (function () while true do end end)\n  assert (not ok)\nend",
                  "too many instructions");
  assert_refused ("xpcall (function () while true do end end, function (m) while true do end end)\n"
                  "while true do end", "too many instructions");
  assert_refused ("local t = {}\nwhile true do pcall (function () t[#t + 1] = ('x'):rep (1024) end) end", "the guide");
}

static void
test_memory_bombs (void)
{
  /* Under a sanitizer the time cap may come first; either stops it. */
  assert_refused ("local t = {}\nfor i = 1, 1e9 do t[i] = i end", "the guide");
  assert_refused ("local s = string.rep ('x', 1e10)", "string too large");
  assert_refused ("local s = ('x'):rep (2^30)", "memory");
  assert_refused ("local s = 'x'\nwhile true do s = s .. s end", "memory");
  assert_refused ("local t = {}\nwhile true do t = { t, t, t } end", "");
  assert_refused ("local t = {}\nfor i = 1, 1e7 do t[#t + 1] = tostring (i) .. ('y'):rep (10) end", "the guide");
}

static void
test_pattern_bombs (void)
{
  assert_refused ("local s = ('a'):rep (100000)\nreturn s:find ('.-.-.-.-b')", "could take too long");
  assert_refused ("return string.match (('a'):rep (30000), '(.-)(.-)(.-)x')", "could take too long");
  assert_refused ("for w in string.gmatch (('ab'):rep (50000), '(a*)*(b*)*c') do end", "could take too long");
  assert_refused ("return (('x'):rep (20000)):gsub ('.-.-y', '')", "could take too long");
  assert_refused ("return (('('):rep (5000)):find ('%b()%b()%b()x')", "could take too long");
  /* A plain find is linear in each of its texts, but not in both at once. */
  assert_refused ("return (('a'):rep (4000000)):find (('a'):rep (2000000) .. 'b', 1, true)", "could take too long");
  /* What guides really do still works. */
  assert_runs ("assert (('111 22'):match ('^(%d%d%d) ?(%d%d)$') == '111')\n"
               "assert (string.find ('Hej på dig', 'på', 1, true) == 5)\n"
               "assert (('a,b,c'):gsub (',', ';') == 'a;b;c')\n"
               "local n = 0 for w in ('en två tre'):gmatch ('%S+') do n = n + 1 end assert (n == 3)\n"
               "assert (('x'):rep (1000):find ('x-y') == nil)");
}

static void
test_no_escape (void)
{
  static const struct {
    const char *code;
    const char *needle;
  } attempts[] = {
    { "os.execute ('touch /tmp/lots-pwned')", "unknown name 'os'" },
    { "io.open ('/etc/passwd')", "unknown name 'io'" },
    { "debug.getregistry ()", "unknown name 'debug'" },
    { "load ('return 1') ()", "unknown name 'load'" },
    { "loadstring ('return 1')", "unknown name 'loadstring'" },
    { "dofile ('/etc/passwd')", "unknown name 'dofile'" },
    { "loadfile ('/etc/passwd')", "unknown name 'loadfile'" },
    { "collectgarbage ('stop')", "unknown name 'collectgarbage'" },
    { "coroutine.wrap (function () end) ()", "unknown name 'coroutine'" },
    { "print ('hello')", "unknown name 'print'" },
    { "package.loadlib ('libc.so.6', 'system')", "unknown name 'package'" },
    { "string.dump (function () end)", "field 'dump'" },
    { "math.randomseed (1)", "field 'randomseed'" },
    { "require ('os')", "require \"os\"" },
    { "require ('../../etc/passwd')", "a module is named by its path" },
    { "require ('/etc/passwd')", "a module is named by its path" },
    { "getmetatable ('').__index.upper = nil", "index a boolean value" },
    { "setmetatable ('', {})", "table expected" },
    { "setmetatable ({}, { __gc = function () end })", "__gc" },
    { "rawget (_G, 'os').execute ('id')", "index a nil value" },
    { "error (setmetatable ({}, { __tostring = function () while true do end end }))", "not a message (a table)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    assert_refused (attempts[i].code, attempts[i].needle);
}

static void
test_string_methods_stay_intact (void)
{
  /* A guide may change its own copy of string; strings' methods keep
   * using the real, guarded functions. */
  assert_runs ("string.upper = function () return 'pwned' end\n"
               "assert (('abc'):upper () == 'ABC')\n"
               "string.find = nil\n"
               "assert (('abc'):find ('b') == 2)");
  assert_refused ("string.find = nil\nreturn (('a'):rep (100000)):find ('.-.-.-b')", "could take too long");
}

static void
test_states_are_separate (void)
{
  g_autoptr(LotsGuideSandbox) first = lots_guide_sandbox_new (NULL);
  g_autoptr(LotsGuideSandbox) second = lots_guide_sandbox_new (NULL);
  g_autofree char *one = run_code (first, "secret = 'one'\nstring.lower = function () return 'x' end");
  g_autofree char *two = run_code (second, "assert (rawget (_G, 'secret') == nil)\nassert (('A'):lower () == 'a')");

  g_assert_null (one);
  g_assert_null (two);
}

static void
test_stopped_stays_stopped (void)
{
  g_autoptr(LotsGuideSandbox) sandbox = lots_guide_sandbox_new (NULL);
  g_autofree char *first = run_code (sandbox, "while true do end");
  g_autofree char *second = run_code (sandbox, "return 1");

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (lots_guide_sandbox_is_stopped (sandbox));
}

static void
test_bytecode_refused (void)
{
  static const char bytecode[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n";
  g_autoptr(LotsGuideSandbox) sandbox = lots_guide_sandbox_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lots_guide_sandbox_run (sandbox, "binary.lua", bytecode, sizeof bytecode - 1, &error));
  g_assert_nonnull (strstr (error->message, "binary chunk"));
}

static void
test_syntax_error_has_line (void)
{
  g_autoptr(LotsGuideSandbox) sandbox = lots_guide_sandbox_new (NULL);
  g_autofree char *message = run_code (sandbox, "local a = 1\nlocal b = = 2\n");

  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "hostile.lua:2:"));
}

static void
test_unknown_name (void)
{
  assert_refused ("local ok = true\nlocal outcome = { resolved = flase }", "hostile.lua:2: unknown name 'flase'");
  assert_runs ("x = 1\nassert (x == 1)\nassert (rawget (_G, 'y') == nil)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/guide-sandbox/endless-loop", test_endless_loop);
  g_test_add_func ("/guide-sandbox/pcall-cannot-catch-the-limit", test_pcall_cannot_catch_the_limit);
  g_test_add_func ("/guide-sandbox/memory-bombs", test_memory_bombs);
  g_test_add_func ("/guide-sandbox/pattern-bombs", test_pattern_bombs);
  g_test_add_func ("/guide-sandbox/no-escape", test_no_escape);
  g_test_add_func ("/guide-sandbox/string-methods-stay-intact", test_string_methods_stay_intact);
  g_test_add_func ("/guide-sandbox/states-are-separate", test_states_are_separate);
  g_test_add_func ("/guide-sandbox/stopped-stays-stopped", test_stopped_stays_stopped);
  g_test_add_func ("/guide-sandbox/bytecode-refused", test_bytecode_refused);
  g_test_add_func ("/guide-sandbox/syntax-error-has-line", test_syntax_error_has_line);
  g_test_add_func ("/guide-sandbox/unknown-name", test_unknown_name);
  return g_test_run ();
}

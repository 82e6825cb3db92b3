/* test-lotsctl.c — the command line front (src/cli/) as scripts use it.
 *
 * lotsctl's options, output formats and exit statuses are a contract (see
 * "Contracts" in DESIGN.md): district staff and scripts call it. So every
 * test here runs the built program and asserts on what it printed and how
 * it exited, never on the core behind it:
 *   - global options: help, usage errors (exit 2), where the data goes
 *     (--data-dir, LOTS_DATA_DIR, XDG), a damaged index;
 *   - search: the JSON lines contract, filters, languages, spelling,
 *     usage errors, --batch (files, stdin, blank and non-UTF-8 lines);
 *   - show: text and JSON, translations, unknown ids;
 *   - lint: path:line: message lines at the right lines, exit statuses;
 *   - index: a draft folder is all or nothing, and never takes an id or a
 *     source id that is not its own;
 *   - hostile queries: 5,000 characters, FTS5 syntax, only stop words.
 *
 * Each test has its own sandbox: the data directory given with --data-dir,
 * a HOME (with the XDG directories inside it), a TMPDIR and a working
 * directory, so a test can check that nothing is written anywhere else.
 * The runner here is not lots_test_run_lotsctl() because it must set the
 * child's environment and report a crash as a failed test rather than
 * abort the whole binary. Assertions are non-fatal for the same reason: a
 * failing test is reported and the others still run.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lots-test-util.h"

#define BUILTIN_ARTICLE "aldre/ansoka-hemtjanst"
#define BUILTIN_TITLE "Ansöka om hemtjänst"
/* A word no article has, that no spelling suggestion turns into one. */
#define NONSENSE "zzxqvjk"

typedef struct {
  char *sandbox;
  char *data_dir;   /* sandbox/data, given with --data-dir; made by lotsctl */
  char *home;       /* sandbox/home: HOME and XDG_*_HOME of lotsctl */
  char *tmp;        /* sandbox/tmp: its TMPDIR */
  char *cwd;        /* sandbox/cwd: its working directory */
  char *out;        /* of the last run */
  char *err;
  int status;       /* exit status, or 128 + signal */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->sandbox = lots_test_sandbox_new ();
  f->data_dir = g_build_filename (f->sandbox, "data", NULL);
  f->home = g_build_filename (f->sandbox, "home", NULL);
  f->tmp = g_build_filename (f->sandbox, "tmp", NULL);
  f->cwd = g_build_filename (f->sandbox, "cwd", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (f->tmp, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (f->cwd, 0700), ==, 0);
  f->out = g_strdup ("");
  f->err = g_strdup ("");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->out);
  g_free (f->err);
  g_free (f->cwd);
  g_free (f->tmp);
  g_free (f->home);
  g_free (f->data_dir);
  lots_test_sandbox_free (f->sandbox);
}

/* ---- running lotsctl ------------------------------------------------------- */

static const char *
lotsctl_path (void)
{
  const char *path = g_getenv ("LOTSCTL");

  if (path == NULL)
    g_error ("LOTSCTL is not set: run the tests with meson test");
  return path;
}

/* The command as a person would type it, long arguments shortened. */
static char *
describe_command (const char * const *args)
{
  g_autoptr(GString) text = g_string_new ("lotsctl");

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autofree char *quoted = NULL;

      if (g_utf8_validate (args[i], -1, NULL) && g_utf8_strlen (args[i], -1) > 40)
        {
          g_autofree char *head = g_utf8_substring (args[i], 0, 30);
          g_autofree char *shown = g_strdup_printf ("%s… (%ld characters)", head, g_utf8_strlen (args[i], -1));
          quoted = g_shell_quote (shown);
        }
      else
        quoted = g_shell_quote (args[i]);
      g_string_append_printf (text, " %s", quoted);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_env_pair (GSubprocessLauncher *launcher,
              const char          *pair)
{
  const char *equals = strchr (pair, '=');
  g_autofree char *name = NULL;

  g_assert_nonnull (equals);
  name = g_strndup (pair, (gsize) (equals - pair));
  g_subprocess_launcher_setenv (launcher, name, equals + 1, TRUE);
}

/* Never NULL: g_strndup() of empty GBytes (no data pointer) would be. */
static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

/* Runs lotsctl with args in the sandbox: HOME and the XDG directories are
 * the sandbox's, LOTS_DATA_DIR is unset unless env ("NAME=VALUE" pairs)
 * sets it. Keeps stdout, stderr and the exit status in f. */
static int
run_argv (Fixture            *f,
          const char * const *env,
          const char         *stdin_text,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = NULL, output = NULL, errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = describe_command (args);
  g_autofree char *data_home = g_build_filename (f->home, ".local", "share", NULL);
  g_autofree char *state_home = g_build_filename (f->home, ".local", "state", NULL);
  g_autofree char *cache_home = g_build_filename (f->home, ".cache", NULL);
  g_autofree char *config_home = g_build_filename (f->home, ".config", NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  f->out = g_strdup ("");
  f->err = g_strdup ("");
  f->status = -1;

  g_subprocess_launcher_set_cwd (launcher, f->cwd);
  g_subprocess_launcher_unsetenv (launcher, "LOTS_DATA_DIR");
  g_subprocess_launcher_setenv (launcher, "HOME", f->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "TMPDIR", f->tmp, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    set_env_pair (launcher, env[i]);

  g_ptr_array_add (argv, (char *) lotsctl_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (process == NULL)
    {
      g_test_fail_printf ("%s: cannot start: %s", command, error->message);
      return f->status;
    }
  /* Always a pipe, empty if no text: lotsctl never reads the test's stdin. */
  input = g_bytes_new (stdin_text ? stdin_text : "", stdin_text ? strlen (stdin_text) : 0);
  if (!g_subprocess_communicate (process, input, NULL, &output, &errors, &error))
    {
      g_test_fail_printf ("%s: %s", command, error->message);
      return f->status;
    }
  g_free (f->out);
  g_free (f->err);
  f->out = bytes_to_string (output);
  f->err = bytes_to_string (errors);
  if (g_subprocess_get_if_signaled (process))
    {
      f->status = 128 + g_subprocess_get_term_sig (process);
      g_test_fail_printf ("%s: killed by signal %d; stderr: %s", command,
                          g_subprocess_get_term_sig (process), f->err);
    }
  else
    f->status = g_subprocess_get_exit_status (process);
  g_test_message ("$ %s  → exit %d%s%.2000s", command, f->status, *f->err ? "; stderr: " : "", f->err);
  return f->status;
}

static GPtrArray *
collect_args (const char *first,
              va_list     rest)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (rest, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);
  return args;
}

/* lotsctl --data-dir DATA_DIR ARGS…, then stdin_text (may be NULL). */
static int G_GNUC_NULL_TERMINATED
lotsctl_stdin (Fixture    *f,
               const char *stdin_text,
               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest = NULL;
  va_list ap;

  va_start (ap, stdin_text);
  rest = collect_args (va_arg (ap, const char *), ap);
  va_end (ap);
  g_ptr_array_add (args, (char *) "--data-dir");
  g_ptr_array_add (args, f->data_dir);
  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (rest, i));
  return run_argv (f, NULL, stdin_text, (const char * const *) args->pdata);
}

#define lotsctl(f, ...) lotsctl_stdin ((f), NULL, __VA_ARGS__)

/* lotsctl ARGS… without --data-dir, with env ("NAME=VALUE" pairs or NULL). */
static int G_GNUC_NULL_TERMINATED
lotsctl_env (Fixture            *f,
             const char * const *env,
             ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, env);
  args = collect_args (va_arg (ap, const char *), ap);
  va_end (ap);
  return run_argv (f, env, NULL, (const char * const *) args->pdata);
}

/* ---- reading JSON lines ---------------------------------------------------- */

/* Every line of text as a JSON object; a line that is not one fails the
 * test and is left out. */
static GPtrArray *
json_lines (const char *text)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  if (*text != '\0' && !g_str_has_suffix (text, "\n"))
    g_test_fail_printf ("the output does not end with a newline");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonNode *root;

      if (lines[i][0] == '\0')
        {
          if (i + 1 != n)
            g_test_fail_printf ("line %u of the JSON output is empty", i + 1);
          continue;
        }
      if (!json_parser_load_from_data (parser, lines[i], -1, &error))
        {
          g_test_fail_printf ("line %u is not JSON (%s): %.300s", i + 1, error->message, lines[i]);
          continue;
        }
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_test_fail_printf ("line %u is not a JSON object: %.300s", i + 1, lines[i]);
          continue;
        }
      g_ptr_array_add (objects, json_object_ref (json_node_get_object (root)));
    }
  return objects;
}

static const char *
name_of (JsonObject *o)
{
  return json_object_get_string_member_with_default (o, "id",
           json_object_get_string_member_with_default (o, "query", "a JSON line"));
}

static JsonNode *
value_member (JsonObject *o,
              const char *member,
              GType      *type)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NULL;
  *type = json_node_get_value_type (node);
  return node;
}

/* A string member; fails the test (and returns "") if there is none. */
static const char *
member_string (JsonObject *o,
               const char *member)
{
  GType type = G_TYPE_INVALID;
  JsonNode *node = value_member (o, member, &type);

  if (node == NULL || type != G_TYPE_STRING)
    {
      g_test_fail_printf ("%s: \"%s\" is missing or not a string", name_of (o), member);
      return "";
    }
  return json_node_get_string (node);
}

/* A number member (integer or not); fails the test (NAN) if there is none. */
static double
member_number (JsonObject *o,
               const char *member)
{
  GType type = G_TYPE_INVALID;
  JsonNode *node = value_member (o, member, &type);

  if (node == NULL || (type != G_TYPE_DOUBLE && type != G_TYPE_INT64))
    {
      g_test_fail_printf ("%s: \"%s\" is missing or not a number", name_of (o), member);
      return NAN;
    }
  return json_node_get_double (node);
}

/* An integer member, written without a fraction; -1 and a failure if not. */
static gint64
member_int (JsonObject *o,
            const char *member)
{
  GType type = G_TYPE_INVALID;
  JsonNode *node = value_member (o, member, &type);

  if (node == NULL || type != G_TYPE_INT64)
    {
      g_test_fail_printf ("%s: \"%s\" is missing or not an integer", name_of (o), member);
      return -1;
    }
  return json_node_get_int (node);
}

/* Whether the string array member holds value; fails if it is no array. */
static gboolean
member_list_contains (JsonObject *o,
                      const char *member,
                      const char *value)
{
  JsonNode *node = json_object_get_member (o, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_test_fail_printf ("%s: \"%s\" is missing or not an array", name_of (o), member);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (element), value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The contract's members of a search result line: id, title, area, score,
 * snippet, source. */
static void
assert_hit_contract (JsonObject *hit)
{
  const char *strings[] = { "id", "title", "area", "source" };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (*member_string (hit, strings[i]) == '\0')
      g_test_fail_printf ("%s: \"%s\" is empty", name_of (hit), strings[i]);
  member_string (hit, "snippet");
  if (isnan (member_number (hit, "score")))
    g_test_fail_printf ("%s: the score is not a number", name_of (hit));
}

/* Scores never increase from one line to the next. */
static void
assert_best_first (GPtrArray *hits)
{
  for (guint i = 1; i < hits->len; i++)
    {
      double before = member_number (g_ptr_array_index (hits, i - 1), "score");
      double score = member_number (g_ptr_array_index (hits, i), "score");

      if (score > before)
        g_test_fail_printf ("result %u (%s, score %g) ranks below a worse one (score %g)",
                            i + 1, name_of (g_ptr_array_index (hits, i)), score, before);
    }
}

static JsonObject *
find_hit (GPtrArray  *hits,
          const char *id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      JsonObject *hit = g_ptr_array_index (hits, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (hit, "id", NULL), id) == 0)
        return hit;
    }
  return NULL;
}

static guint
count_from_source (GPtrArray  *hits,
                   const char *source)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (g_ptr_array_index (hits, i), "source", NULL),
                   source) == 0)
      n++;
  return n;
}

/* lotsctl search --json ARGS…: must exit 0; its result lines. */
static GPtrArray * G_GNUC_NULL_TERMINATED
search (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  rest = collect_args (first, ap);
  va_end (ap);
  g_ptr_array_add (args, (char *) "--data-dir");
  g_ptr_array_add (args, f->data_dir);
  g_ptr_array_add (args, (char *) "search");
  g_ptr_array_add (args, (char *) "--json");
  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (rest, i));
  run_argv (f, NULL, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (f->status, ==, 0);
  return json_lines (f->out);
}

/* lotsctl show --json ARGS…: must exit 0; the article's object (an empty
 * one if the output had none). */
static JsonObject * G_GNUC_NULL_TERMINATED
show (Fixture    *f,
      const char *first,
      ...)
{
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) lines = NULL;
  va_list ap;

  va_start (ap, first);
  rest = collect_args (first, ap);
  va_end (ap);
  g_ptr_array_add (args, (char *) "--data-dir");
  g_ptr_array_add (args, f->data_dir);
  g_ptr_array_add (args, (char *) "show");
  g_ptr_array_add (args, (char *) "--json");
  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (rest, i));
  run_argv (f, NULL, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (f->status, ==, 0);
  lines = json_lines (f->out);
  g_assert_cmpuint (lines->len, ==, 1);
  return lines->len > 0 ? json_object_ref (g_ptr_array_index (lines, 0)) : json_object_new ();
}

/* ---- files of the sandbox -------------------------------------------------- */

static void
collect_tree (const char *root,
              const char *relative,
              GPtrArray  *into)
{
  g_autofree char *dir = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = *relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);

      g_ptr_array_add (into, g_strdup (child));
      if (g_file_test (full, G_FILE_TEST_IS_DIR) && !g_file_test (full, G_FILE_TEST_IS_SYMLINK))
        collect_tree (root, child, into);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Everything below dir, sorted and joined with ", " ("" if nothing). */
static char *
tree_of (const char *dir)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);

  collect_tree (dir, "", entries);
  g_ptr_array_sort (entries, compare_strings);
  g_ptr_array_add (entries, NULL);
  return g_strjoinv (", ", (char **) entries->pdata);
}

static void
assert_file_exists (const char *dir,
                    const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_test_fail_printf ("%s was not written", path);
}

/* A draft source folder sandbox/name with a manifest (areas aldre and
 * forskola) and no articles yet. */
static char *
draft_folder (Fixture    *f,
              const char *name,
              const char *source_id)
{
  char *dir = g_build_filename (f->sandbox, name, NULL);

  lots_test_write_manifest (dir, source_id, "aldre, forskola");
  return dir;
}

/* The id in knowledge/lots.yaml, the built-in source's. */
static char *
builtin_source_id (void)
{
  g_autofree char *path = lots_test_source_path ("knowledge/lots.yaml");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "id:"))
      {
        char *value = lines[i] + strlen ("id:");
        char *comment = strchr (value, '#');

        if (comment != NULL)
          *comment = '\0';
        return g_strdup (g_strstrip (value));
      }
  g_error ("%s has no id", path);
  return NULL;
}

static gboolean
contains_line_matching (const char *text,
                        const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

/* ---- global options -------------------------------------------------------- */

static void
assert_lists_commands (const char *text)
{
  const char *commands[] = { "index", "search", "show", "lint" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("^\\s+%s\\s", commands[i]);
      if (!contains_line_matching (text, pattern))
        g_test_fail_printf ("the help does not list '%s':\n%s", commands[i], text);
    }
}

static void
test_global_help (Fixture       *f,
                  gconstpointer  data)
{
  const char *options[] = { "--help", "-h" };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      lotsctl_env (f, NULL, options[i], NULL);
      g_assert_cmpint (f->status, ==, 0);
      assert_lists_commands (f->out);
      g_assert_nonnull (strstr (f->out, "--data-dir"));
    }
}

/* Every command answers --help (and -h), without touching the index. */
static void
test_global_command_help (Fixture       *f,
                          gconstpointer  data)
{
  const char *commands[] = { "index", "search", "show", "lint" };
  const char *options[] = { "--help", "-h" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    for (guint j = 0; j < G_N_ELEMENTS (options); j++)
      {
        lotsctl (f, commands[i], options[j], NULL);
        g_assert_cmpint (f->status, ==, 0);
        g_assert_nonnull (strstr (f->out, "Usage"));
        g_assert_nonnull (strstr (f->out, commands[i]));
      }
  g_assert_false (g_file_test (f->data_dir, G_FILE_TEST_EXISTS));
}

static void
test_global_unknown_command (Fixture       *f,
                             gconstpointer  data)
{
  lotsctl (f, "frobnicate", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "frobnicate"));
  g_assert_cmpstr (f->out, ==, "");
}

static void
test_global_unknown_option (Fixture       *f,
                            gconstpointer  data)
{
  lotsctl (f, "--frobnicate", "search", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "--frobnicate"));
  g_assert_cmpstr (f->out, ==, "");
}

static void
test_global_no_command (Fixture       *f,
                        gconstpointer  data)
{
  lotsctl_env (f, NULL, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->err, !=, "");
  g_assert_cmpstr (f->out, ==, "");

  lotsctl (f, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->err, !=, "");
  g_assert_cmpstr (f->out, ==, "");
}

static void
test_global_data_dir_without_value (Fixture       *f,
                                    gconstpointer  data)
{
  lotsctl_env (f, NULL, "--data-dir", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "--data-dir"));
  g_assert_cmpstr (f->out, ==, "");

  lotsctl_env (f, NULL, "--data-dir", "", "search", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->err, !=, "");

  lotsctl_env (f, NULL, "--data-dir=", "search", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->err, !=, "");
  g_assert_cmpstr (f->out, ==, "");
}

/* HOME (with the XDG folders in it), TMPDIR and the working directory stay
 * empty: lotsctl wrote nothing but into its data directory. */
static void
assert_wrote_nothing_elsewhere (Fixture *f)
{
  g_autofree char *home = tree_of (f->home);
  g_autofree char *tmp = tree_of (f->tmp);
  g_autofree char *cwd = tree_of (f->cwd);

  g_assert_cmpstr (home, ==, "");
  g_assert_cmpstr (tmp, ==, "");
  g_assert_cmpstr (cwd, ==, "");
}

/* --data-dir DIR: the index is DIR/index.sqlite (DIR is made if needed),
 * and nothing is written anywhere else. */
static void
test_global_data_dir (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (f->data_dir, "nested", "deeper", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  lotsctl_env (f, NULL, "--data-dir", nested, "search", "--json", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 0);
  hits = json_lines (f->out);
  g_assert_cmpuint (hits->len, >, 0);
  assert_file_exists (nested, "index.sqlite");
  contents = tree_of (f->data_dir);
  g_test_message ("data dir: %s", contents);
  assert_wrote_nothing_elsewhere (f);
}

static void
test_global_data_dir_env (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *setting = g_strconcat ("LOTS_DATA_DIR=", f->data_dir, NULL);
  const char *env[] = { setting, NULL };
  g_autoptr(GPtrArray) hits = NULL;

  lotsctl_env (f, env, "search", "--json", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 0);
  hits = json_lines (f->out);
  g_assert_cmpuint (hits->len, >, 0);
  assert_file_exists (f->data_dir, "index.sqlite");
  assert_wrote_nothing_elsewhere (f);
}

/* --data-dir wins over LOTS_DATA_DIR. */
static void
test_global_data_dir_option_wins (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *env_dir = g_build_filename (f->sandbox, "from-env", NULL);
  g_autofree char *setting = g_strconcat ("LOTS_DATA_DIR=", env_dir, NULL);
  const char *env[] = { setting, NULL };

  lotsctl_env (f, env, "--data-dir", f->data_dir, "search", "--json", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 0);
  assert_file_exists (f->data_dir, "index.sqlite");
  g_assert_false (g_file_test (env_dir, G_FILE_TEST_EXISTS));
  assert_wrote_nothing_elsewhere (f);
}

/* Neither: the XDG folders (here, the sandbox's HOME), not the working
 * directory. */
static void
test_global_data_dir_default (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *home = NULL;
  g_autofree char *cwd = NULL;

  lotsctl_env (f, NULL, "search", "--json", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 0);
  home = tree_of (f->home);
  cwd = tree_of (f->cwd);
  g_test_message ("HOME: %s", home);
  g_assert_nonnull (strstr (home, "index.sqlite"));
  g_assert_cmpstr (cwd, ==, "");
  g_assert_false (g_file_test (f->data_dir, G_FILE_TEST_EXISTS));
}

/* The index is a cache of the sources: a damaged one is rebuilt, and the
 * search still answers. */
static void
test_global_damaged_index (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) hits = NULL;

  for (guint i = 0; i < 8192; i++)
    g_string_append_c (garbage, (char) g_rand_int_range (rand, 0, 256));
  lots_test_write (f->data_dir, "index.sqlite", garbage->str, (gssize) garbage->len);

  hits = search (f, "hemtjänst", NULL);
  g_assert_nonnull (find_hit (hits, BUILTIN_ARTICLE));
}

/* ---- search ------------------------------------------------------------------ */

static void
test_search_json_contract (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "hemtjänst", NULL);

  g_assert_cmpuint (hits->len, >, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      JsonObject *hit = g_ptr_array_index (hits, i);
      const char *snippet = member_string (hit, "snippet");

      assert_hit_contract (hit);
      /* An article found by its keywords alone has no word to mark in its
       * text: its snippet is its summary. */
      if (strstr (snippet, "«") == NULL || strstr (snippet, "»") == NULL)
        {
          g_autoptr(JsonObject) article = show (f, member_string (hit, "id"), NULL);

          if (g_strcmp0 (snippet, json_object_get_string_member_with_default (article, "summary", "")) != 0)
            g_test_fail_printf ("%s: the snippet marks no word and is not the summary: %s", name_of (hit), snippet);
        }
    }
  assert_best_first (hits);
  g_assert_nonnull (find_hit (hits, BUILTIN_ARTICLE));
  /* The best hit's snippet marks the word searched for, in some form. */
  if (hits->len > 0)
    {
      g_autofree char *snippet = g_utf8_strdown (member_string (g_ptr_array_index (hits, 0), "snippet"), -1);
      g_assert_nonnull (strstr (snippet, "«hemtjänst"));
    }
}

static void
test_search_limit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) three = search (f, "--limit", "3", "hemtjänst", NULL);
  g_autoptr(GPtrArray) one = search (f, "--limit", "1", "hemtjänst", NULL);
  g_autoptr(GPtrArray) all = search (f, "hemtjänst", NULL);

  g_assert_cmpuint (three->len, >=, 1);
  g_assert_cmpuint (three->len, <=, 3);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (all->len, >, 3);
}

static void
test_search_area (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) everywhere = search (f, "ansöka", NULL);
  g_autoptr(GPtrArray) parking = search (f, "--area", "parkering", "ansöka", NULL);
  guint outside = 0;

  for (guint i = 0; i < everywhere->len; i++)
    if (g_strcmp0 (member_string (g_ptr_array_index (everywhere, i), "area"), "parkering") != 0)
      outside++;
  /* Without the filter the query finds articles of other areas too … */
  g_assert_cmpuint (outside, >, 0);
  /* … with it, only parkering's. */
  g_assert_cmpuint (parking->len, >, 0);
  for (guint i = 0; i < parking->len; i++)
    {
      assert_hit_contract (g_ptr_array_index (parking, i));
      g_assert_cmpstr (member_string (g_ptr_array_index (parking, i), "area"), ==, "parkering");
    }
}

/* --lang en searches the English articles; each is a translation of a
 * Swedish one. */
static void
test_search_lang_en (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "--lang", "en", "home care", NULL);

  g_assert_cmpuint (hits->len, >, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      JsonObject *hit = g_ptr_array_index (hits, i);

      assert_hit_contract (hit);
      g_assert_cmpstr (member_string (hit, "lang"), ==, "en");
      g_assert_true (member_list_contains (hit, "translations", "sv"));
    }
  assert_best_first (hits);
}

/* The English article about applying for home care has "home care" in its
 * title, tags and synonyms: it must be found. */
static void
test_search_lang_en_home_care (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "--lang", "en", "home care", NULL);
  JsonObject *hit = find_hit (hits, BUILTIN_ARTICLE);

  g_assert_nonnull (hit);
  if (hit == NULL)
    return;
  g_assert_cmpstr (member_string (hit, "lang"), ==, "en");
  g_assert_true (member_list_contains (hit, "translations", "sv"));
}

static void
test_search_suggestion (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "öppetider", NULL);

  g_assert_cmpuint (hits->len, >, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      JsonObject *hit = g_ptr_array_index (hits, i);

      assert_hit_contract (hit);
      g_assert_cmpstr (member_string (hit, "suggestion"), ==, "öppettider");
    }
}

static void
test_search_nothing_found (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, NONSENSE, NULL);

  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpstr (f->out, ==, "");
}

static void
test_search_text (Fixture       *f,
                  gconstpointer  data)
{
  lotsctl (f, "search", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, BUILTIN_TITLE));
  g_assert_false (g_str_has_prefix (f->out, "{"));

  lotsctl (f, "search", NONSENSE, NULL);
  g_assert_cmpint (f->status, ==, 0);
}

/* `lotsctl report --json` of the sandbox's case log. */
static JsonObject *
report_json (Fixture    *f,
             JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  lotsctl (f, "report", "--json", NULL);
  g_assert_cmpint (f->status, ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The content gap of the report with area (NULL: every area) and query:
 * its count, or 0. */
static gint64
gap_count (JsonObject *report,
           const char *area,
           const char *query)
{
  JsonArray *gaps = json_object_get_array_member (report, "empty_searches");

  for (guint i = 0; i < json_array_get_length (gaps); i++)
    {
      JsonObject *gap = json_array_get_object_element (gaps, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (gap, "area", NULL), area) == 0 &&
          g_strcmp0 (json_object_get_string_member (gap, "query"), query) == 0)
        return json_object_get_int_member (gap, "count");
    }
  return 0;
}

/* search records nothing unless asked: it is a scripting tool. With
 * --record-empty each query that found nothing goes to the case log, with
 * its area (none: every area) and scrubbed, one query or a batch, and
 * `report` shows it as a content gap; a query that found something is
 * not recorded, and what cannot be recorded is an error. */
static void
test_search_record_empty (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *journal = g_build_filename (f->data_dir, "cases.sqlite", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) lines = NULL;
  JsonObject *report;

  lotsctl (f, "search", NONSENSE, NULL);
  g_assert_cmpint (f->status, ==, 0);
  lotsctl_stdin (f, NONSENSE "\n", "search", "--batch", "-", "--json", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  lotsctl (f, "search", "--help", NULL);
  g_assert_nonnull (strstr (f->out, "--record-empty"));

  /* One query, in an area, with a personnummer the caller said. */
  lotsctl (f, "search", "--record-empty", "--area", "aldre", NONSENSE, "811228-9874", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "No articles found.\n");
  g_assert_cmpstr (f->err, ==, "");
  /* Found something: nothing recorded. */
  lotsctl (f, "search", "--record-empty", "hemtjänst", NULL);
  g_assert_cmpint (f->status, ==, 0);
  /* A batch: its output as without the option, each empty query recorded. */
  lotsctl_stdin (f, NONSENSE "\nhemtjänst\n  " NONSENSE "  \n", "search", "--record-empty", "--batch", "-", "--json",
                 NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = json_lines (f->out);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (lines, 0), "results"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (lines, lines->len - 1), "results"), ==, 0);

  report = report_json (f, parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "empty_searches")), ==, 2);
  g_assert_cmpint (gap_count (report, NULL, NONSENSE), ==, 2);
  g_assert_cmpint (gap_count (report, "aldre", NONSENSE " [personnummer]"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "contacts"), ==, 0);
  lotsctl (f, "report", NULL);
  g_assert_nonnull (strstr (f->out, "Content gaps: searches that found nothing, per area and query\n"));
  g_assert_nonnull (strstr (f->out, "\n  (all areas)            " NONSENSE));
  g_assert_null (strstr (f->out, "811228-9874"));

  /* An area that is an id but no service area: nothing found, and it
   * cannot be recorded — exit 2, the reason named. */
  lotsctl (f, "search", "--record-empty", "--area", "hemtjanst", NONSENSE, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "not a service area"));
  g_clear_pointer (&parser, g_object_unref);
  parser = json_parser_new ();
  report = report_json (f, parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "empty_searches")), ==, 2);
}

/* Bad search options: exit 2, a message on stderr, nothing on stdout. "@"
 * stands for an existing batch file. */
typedef struct {
  const char *name;
  const char *args[6];
} UsageCase;

static const UsageCase search_usage_cases[] = {
  { "limit-zero", { "--limit", "0", "hemtjänst" } },
  { "limit-negative", { "--limit", "-1", "hemtjänst" } },
  { "limit-not-a-number", { "--limit", "abc", "hemtjänst" } },
  { "lang-not-a-code", { "--lang", "svenska", "hemtjänst" } },
  { "area-not-an-id", { "--area", "Äldre!", "hemtjänst" } },
  { "no-query", { "--json" } },
  { "query-and-batch", { "--batch", "@", "hemtjänst" } },
  { "unknown-option", { "--frobnicate", "hemtjänst" } },
};

static void
test_search_usage (Fixture       *f,
                   gconstpointer  data)
{
  const UsageCase *c = data;
  g_autofree char *batch = g_build_filename (f->sandbox, "queries.txt", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  lots_test_write (f->sandbox, "queries.txt", "hemtjänst\n", -1);
  g_ptr_array_add (args, (char *) "--data-dir");
  g_ptr_array_add (args, f->data_dir);
  g_ptr_array_add (args, (char *) "search");
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (args, g_str_equal (c->args[i], "@") ? batch : (char *) c->args[i]);
  g_ptr_array_add (args, NULL);
  run_argv (f, NULL, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->err, !=, "");
  g_assert_cmpstr (f->out, ==, "");
}

/* ---- search --batch -------------------------------------------------------- */

/* The queries of batch result lines in order, each once per run of lines. */
static GPtrArray *
batch_queries (GPtrArray *lines)
{
  GPtrArray *queries = g_ptr_array_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      const char *query = member_string (g_ptr_array_index (lines, i), "query");
      if (queries->len == 0 || g_strcmp0 (g_ptr_array_index (queries, queries->len - 1), query) != 0)
        g_ptr_array_add (queries, (char *) query);
    }
  return queries;
}

static void
assert_queries (GPtrArray          *queries,
                const char * const *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < queries->len; i++)
    g_string_append_printf (got, "%s%s", i ? " | " : "", (char *) g_ptr_array_index (queries, i));
  g_test_message ("queries answered: %s", got->str);
  g_assert_cmpuint (queries->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < queries->len && expected[i] != NULL; i++)
    g_assert_cmpstr (g_ptr_array_index (queries, i), ==, expected[i]);
}

/* Every batch line has query and its latency us; a line that has results
 * obeys the search contract, one that has none says "results": 0. */
static void
assert_batch_lines (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *line = g_ptr_array_index (lines, i);

      member_string (line, "query");
      g_assert_cmpint (member_int (line, "us"), >=, 0);
      if (json_object_has_member (line, "results") && !json_object_has_member (line, "id"))
        g_assert_cmpint (member_int (line, "results"), ==, 0);
      else
        assert_hit_contract (line);
    }
}

static void
test_batch_file (Fixture       *f,
                 gconstpointer  data)
{
  const char *expected[] = { "hemtjänst", NONSENSE, "förskoleplats", "bygglov", "parkeringstillstånd", NULL };
  g_autofree char *file = g_build_filename (f->sandbox, "queries.txt", NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) queries = NULL;

  lots_test_write (f->sandbox, "queries.txt",
                   "hemtjänst\n" NONSENSE "\nförskoleplats\nbygglov\nparkeringstillstånd\n", -1);
  lotsctl (f, "search", "--batch", file, "--json", "--limit", "3", NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = json_lines (f->out);
  assert_batch_lines (lines);
  queries = batch_queries (lines);
  assert_queries (queries, expected);

  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *line = g_ptr_array_index (lines, i);
      gboolean nonsense = g_strcmp0 (member_string (line, "query"), NONSENSE) == 0;

      /* The query that finds nothing still has its line, without an id. */
      g_assert_cmpint (nonsense, ==, !json_object_has_member (line, "id"));
      if (nonsense)
        g_assert_cmpint (member_int (line, "results"), ==, 0);
    }
  /* --limit applies to each query. */
  for (guint q = 0; q < queries->len; q++)
    {
      guint n = 0;
      for (guint i = 0; i < lines->len; i++)
        if (g_strcmp0 (member_string (g_ptr_array_index (lines, i), "query"), g_ptr_array_index (queries, q)) == 0)
          n++;
      g_assert_cmpuint (n, <=, 3);
    }
}

static void
test_batch_stdin (Fixture       *f,
                  gconstpointer  data)
{
  const char *expected[] = { "bygglov", "hemtjänst", NULL };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) queries = NULL;

  lotsctl_stdin (f, "bygglov\nhemtjänst\n", "search", "--batch", "-", "--json", NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = json_lines (f->out);
  assert_batch_lines (lines);
  queries = batch_queries (lines);
  assert_queries (queries, expected);
  g_assert_nonnull (find_hit (lines, BUILTIN_ARTICLE));
}

static void
test_batch_missing_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->sandbox, "no-such-queries.txt", NULL);

  lotsctl (f, "search", "--batch", file, "--json", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "no-such-queries.txt"));
  g_assert_cmpstr (f->out, ==, "");
}

/* Empty and blank lines are no queries; the last line needs no newline. */
static void
test_batch_blank_lines (Fixture       *f,
                        gconstpointer  data)
{
  const char *expected[] = { "hemtjänst", "bygglov", "färdtjänst", NULL };
  g_autofree char *file = g_build_filename (f->sandbox, "queries.txt", NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) queries = NULL;

  lots_test_write (f->sandbox, "queries.txt", "\n\nhemtjänst\n   \n\t\nbygglov\n\n\nfärdtjänst", -1);
  lotsctl (f, "search", "--batch", file, "--json", NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = json_lines (f->out);
  assert_batch_lines (lines);
  queries = batch_queries (lines);
  assert_queries (queries, expected);
}

/* A line that is not UTF-8 is reported and skipped; the others are
 * answered; the run exits 1. */
static void
test_batch_not_utf8 (Fixture       *f,
                     gconstpointer  data)
{
  static const char text[] = "hemtjänst\nbyggl\xf6v \xff\xfe\nbygglov\n";
  const char *expected[] = { "hemtjänst", "bygglov", NULL };
  g_autofree char *file = g_build_filename (f->sandbox, "queries.txt", NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) queries = NULL;

  lots_test_write (f->sandbox, "queries.txt", text, sizeof text - 1);
  lotsctl (f, "search", "--batch", file, "--json", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "UTF-8"));
  lines = json_lines (f->out);
  assert_batch_lines (lines);
  queries = batch_queries (lines);
  assert_queries (queries, expected);
}

/* ---- show -------------------------------------------------------------------- */

static void
test_show_text (Fixture       *f,
                gconstpointer  data)
{
  lotsctl (f, "show", BUILTIN_ARTICLE, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, BUILTIN_TITLE));
  g_assert_nonnull (strstr (f->out, BUILTIN_ARTICLE));
}

static void
test_show_json (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *builtin = builtin_source_id ();
  g_autoptr(JsonObject) article = show (f, BUILTIN_ARTICLE, NULL);

  g_assert_cmpstr (member_string (article, "id"), ==, BUILTIN_ARTICLE);
  g_assert_cmpstr (member_string (article, "title"), ==, BUILTIN_TITLE);
  g_assert_cmpstr (member_string (article, "area"), ==, "aldre");
  g_assert_cmpstr (member_string (article, "lang"), ==, "sv");
  g_assert_cmpstr (member_string (article, "source"), ==, builtin);
  g_assert_nonnull (strstr (member_string (article, "markdown"), "emtjänst"));
  g_assert_true (member_list_contains (article, "translations", "en"));
}

static void
test_show_lang_en (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) article = show (f, "--lang", "en", BUILTIN_ARTICLE, NULL);

  g_assert_cmpstr (member_string (article, "id"), ==, BUILTIN_ARTICLE);
  g_assert_cmpstr (member_string (article, "lang"), ==, "en");
  g_assert_true (g_str_has_prefix (member_string (article, "title"), "Applying for home care"));
  g_assert_nonnull (strstr (member_string (article, "markdown"), "home care"));
  g_assert_true (member_list_contains (article, "translations", "sv"));
}

static void
test_show_unknown_id (Fixture       *f,
                      gconstpointer  data)
{
  lotsctl (f, "show", "aldre/finns-inte", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "aldre/finns-inte"));
  g_assert_cmpstr (f->out, ==, "");

  lotsctl (f, "show", "--json", "aldre/finns-inte", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "aldre/finns-inte"));
  g_assert_cmpstr (f->out, ==, "");
}

static void
test_show_usage (Fixture       *f,
                 gconstpointer  data)
{
  lotsctl (f, "show", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->err, !=, "");
  g_assert_cmpstr (f->out, ==, "");

  lotsctl (f, "show", "--json", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->out, ==, "");

  lotsctl (f, "show", BUILTIN_ARTICLE, "aldre/fardtjanst", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->out, ==, "");
}

/* ---- lint -------------------------------------------------------------------- */

#define LINT_LINE "^[^:]+:[0-9]+: |^[^:]+: "

/* Every line of out is path:line: message or path: message, the path
 * under dir as given on the command line. */
static void
assert_lint_lines (const char *out,
                   const char *dir)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (dir, "/", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;
      if (!g_regex_match_simple (LINT_LINE, lines[i], 0, 0))
        g_test_fail_printf ("not path:line: message: %s", lines[i]);
      if (!g_str_has_prefix (lines[i], prefix))
        g_test_fail_printf ("the path does not start with %s: %s", prefix, lines[i]);
    }
}

/* Whether out has a line dir/relative:line: … that mentions word. */
static gboolean
has_problem (const char *out,
             const char *dir,
             const char *relative,
             guint       line,
             const char *word)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s/%s:%u: ", dir, relative, line);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix) && strstr (lines[i], word) != NULL)
      return TRUE;
  return FALSE;
}

static void
expect_problem (const char *out,
                const char *dir,
                const char *relative,
                guint       line,
                const char *word)
{
  if (!has_problem (out, dir, relative, line, word))
    g_test_fail_printf ("expected %s/%s:%u: … %s …", dir, relative, line, word);
}

static void
test_lint_builtin (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *knowledge = lots_test_source_path ("knowledge");

  lotsctl (f, "lint", knowledge, NULL);
  g_assert_cmpint (f->status, ==, 0);
  assert_lint_lines (f->out, knowledge);
}

/* A folder with one mistake per file, each at a known line. */
static void
test_lint_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = draft_folder (f, "trasig", "trasig-kalla");
  g_auto(GStrv) lines = NULL;

  /* 1 ---, 2 id, 3 title, 4 area, 5 ---, 6 body */
  lots_test_write (dir, "articles/bad-yaml.md",
                   "---\nid: aldre/bad-yaml\ntitle: Trasig: rubrik\narea: aldre\n---\nText.\n", -1);
  lots_test_write_article (dir, "articles/wrong-area.md", "parkering/fel-omrade", "Fel område", "parkering",
                           NULL, "Text om parkering.");
  lots_test_write_article (dir, "articles/bad-date.md", "aldre/fel-datum", "Fel datum", "aldre",
                           "valid_until: 2025-02-30\n", "Text.");
  lots_test_write_article (dir, "articles/dup-a.md", "aldre/dubblett", "Först", "aldre", NULL, "Text.");
  lots_test_write_article (dir, "articles/dup-b.md", "aldre/dubblett", "Sedan", "aldre", NULL, "Text.");
  lots_test_write (dir, "articles/no-front-matter.md", "# Bara en rubrik\n\nText.\n", -1);
  lots_test_write (dir, "data/enheter.csv", "enhet,telefon\nBeställarenheten,08-123 45\nVäxeln\n", -1);
  lots_test_write_article (dir, "articles/ok.md", "aldre/helt-ratt", "Helt rätt", "aldre", NULL, "Text.");

  lotsctl (f, "lint", dir, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_test_message ("%s", f->out);
  assert_lint_lines (f->out, dir);
  expect_problem (f->out, dir, "articles/bad-yaml.md", 3, "YAML");
  expect_problem (f->out, dir, "articles/wrong-area.md", 4, "parkering");
  expect_problem (f->out, dir, "articles/bad-date.md", 5, "valid_until");
  expect_problem (f->out, dir, "articles/dup-b.md", 2, "aldre/dubblett");
  expect_problem (f->out, dir, "articles/no-front-matter.md", 1, "front matter");
  expect_problem (f->out, dir, "data/enheter.csv", 3, "");
  g_assert_null (strstr (f->out, "ok.md"));
  g_assert_null (strstr (f->out, "dup-a.md:"));
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 7);
}

static void
test_lint_manifest_errors (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->sandbox, "trasig", NULL);
  g_autofree char *empty = g_build_filename (f->sandbox, "tom", NULL);

  lots_test_write (dir, "lots.yaml",
                   "id: trasig-kalla\ntitle: T\nowner: O\nareas: [aldre, hundar]\nlang: sv\n", -1);
  lots_test_write_article (dir, "a.md", "aldre/a", "A", "aldre", NULL, "Text.");
  lotsctl (f, "lint", dir, NULL);
  g_assert_cmpint (f->status, ==, 1);
  assert_lint_lines (f->out, dir);
  expect_problem (f->out, dir, "lots.yaml", 4, "hundar");

  /* No manifest at all. */
  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  lotsctl (f, "lint", empty, NULL);
  g_assert_cmpint (f->status, ==, 1);
  assert_lint_lines (f->out, empty);
  g_assert_nonnull (strstr (f->out, "lots.yaml"));
}

/* Warnings are printed the same way but do not fail the lint. */
static void
test_lint_warnings_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = draft_folder (f, "varning", "varning-kalla");

  lots_test_write_article (dir, "a.md", "aldre/lankar", "Länkar", "aldre", NULL,
                           "Se [en artikel som saknas](lots:aldre/saknas).");
  lotsctl (f, "lint", dir, NULL);
  g_assert_cmpint (f->status, ==, 0);
  assert_lint_lines (f->out, dir);
  g_assert_nonnull (strstr (f->out, "aldre/saknas"));
}

static void
test_lint_missing_folder (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->sandbox, "finns-inte", NULL);

  lotsctl (f, "lint", dir, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, dir));
}

static void
test_lint_usage (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *knowledge = lots_test_source_path ("knowledge");

  lotsctl (f, "lint", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->err, !=, "");
  g_assert_cmpstr (f->out, ==, "");

  lotsctl (f, "lint", knowledge, knowledge, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->out, ==, "");
}

/* ---- index ------------------------------------------------------------------- */

#define DRAFT_ID "utkast-test"

/* The draft of most index tests: two articles in two allowed areas. */
static char *
write_good_draft (Fixture *f)
{
  char *dir = draft_folder (f, "utkast", DRAFT_ID);

  lots_test_write_article (dir, "aldre/zebrafinkar.md", "aldre/zebrafinkar", "Zebrafinkar på äldreboendet",
                           "aldre", NULL, "Om zebrafinkar och kvasarer i dagrummet.");
  lots_test_write_article (dir, "forskola/papegojor.md", "forskola/papegojor", "Papegojor i förskolan",
                           "forskola", "tags: [papegojor]\n", "Om papegojor på gården.");
  return dir;
}

static void
test_index_draft (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = write_good_draft (f);
  g_autoptr(GPtrArray) birds = NULL;
  g_autoptr(GPtrArray) parrots = NULL;
  g_autoptr(GPtrArray) builtin = NULL;
  g_autoptr(JsonObject) article = NULL;
  JsonObject *hit;

  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 0);

  birds = search (f, "zebrafinkar", NULL);
  hit = find_hit (birds, "aldre/zebrafinkar");
  g_assert_nonnull (hit);
  if (hit != NULL)
    {
      assert_hit_contract (hit);
      g_assert_cmpstr (member_string (hit, "source"), ==, DRAFT_ID);
      g_assert_cmpstr (member_string (hit, "area"), ==, "aldre");
    }
  parrots = search (f, "papegojor", NULL);
  hit = find_hit (parrots, "forskola/papegojor");
  g_assert_nonnull (hit);
  if (hit != NULL)
    g_assert_cmpstr (member_string (hit, "source"), ==, DRAFT_ID);

  article = show (f, "aldre/zebrafinkar", NULL);
  g_assert_cmpstr (member_string (article, "source"), ==, DRAFT_ID);
  g_assert_cmpstr (member_string (article, "title"), ==, "Zebrafinkar på äldreboendet");

  /* The built-in source still serves next to it. */
  builtin = search (f, "hemtjänst", NULL);
  g_assert_nonnull (find_hit (builtin, BUILTIN_ARTICLE));
}

/* Indexing the same folder again replaces it (its own source id is no
 * clash), and what it no longer has is gone. */
static void
test_index_again (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = write_good_draft (f);
  g_autofree char *removed = g_build_filename (dir, "forskola", "papegojor.md", NULL);
  g_autoptr(GPtrArray) birds = NULL;
  g_autoptr(GPtrArray) parrots = NULL;

  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpint (g_remove (removed), ==, 0);
  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 0);

  birds = search (f, "zebrafinkar", NULL);
  g_assert_nonnull (find_hit (birds, "aldre/zebrafinkar"));
  parrots = search (f, "papegojor", NULL);
  g_assert_null (find_hit (parrots, "forskola/papegojor"));
  g_assert_cmpuint (count_from_source (parrots, DRAFT_ID), ==, 0);
}

/* A draft with an error is not indexed at all, not even its good files. */
static void
test_index_broken_draft (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = write_good_draft (f);
  g_autoptr(GPtrArray) birds = NULL;

  lots_test_write (dir, "aldre/trasig.md", "---\nid: aldre/trasig\ntitle: Trasig: rubrik\narea: aldre\n---\nx\n", -1);
  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "trasig.md"));

  birds = search (f, "zebrafinkar", NULL);
  g_assert_null (find_hit (birds, "aldre/zebrafinkar"));
  g_assert_cmpuint (count_from_source (birds, DRAFT_ID), ==, 0);
  lotsctl (f, "show", "aldre/zebrafinkar", NULL);
  g_assert_cmpint (f->status, ==, 1);
}

/* A broken edit of an indexed draft changes nothing: the version indexed
 * before keeps serving. */
static void
test_index_broken_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *dir = write_good_draft (f);
  g_autoptr(GPtrArray) old_text = NULL;
  g_autoptr(GPtrArray) new_text = NULL;
  g_autoptr(GPtrArray) new_article = NULL;
  g_autoptr(JsonObject) article = NULL;
  JsonObject *hit;

  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 0);

  lots_test_write_article (dir, "aldre/zebrafinkar.md", "aldre/zebrafinkar", "Zebrafinkar på äldreboendet",
                           "aldre", NULL, "Om marsvinen i dagrummet.");
  lots_test_write_article (dir, "aldre/ny.md", "aldre/ny-artikel", "Kameleonter", "aldre", NULL,
                           "Om kameleonter.");
  lots_test_write (dir, "forskola/trasig.md",
                   "---\nid: forskola/trasig\ntitle: [oj\narea: forskola\n---\nx\n", -1);
  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 1);

  old_text = search (f, "kvasarer", NULL);
  hit = find_hit (old_text, "aldre/zebrafinkar");
  g_assert_nonnull (hit);
  if (hit != NULL)
    g_assert_cmpstr (member_string (hit, "source"), ==, DRAFT_ID);
  new_text = search (f, "marsvinen", NULL);
  g_assert_cmpuint (count_from_source (new_text, DRAFT_ID), ==, 0);
  new_article = search (f, "kameleonter", NULL);
  g_assert_null (find_hit (new_article, "aldre/ny-artikel"));
  g_assert_cmpuint (count_from_source (new_article, DRAFT_ID), ==, 0);

  article = show (f, "aldre/zebrafinkar", NULL);
  g_assert_nonnull (strstr (member_string (article, "markdown"), "kvasarer"));
  g_assert_null (strstr (member_string (article, "markdown"), "marsvinen"));
}

/* An article id that a built-in article has (in the same language) is
 * refused, the whole draft with it, and the built-in article still serves. */
static void
test_index_id_clash (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *builtin = builtin_source_id ();
  g_autofree char *dir = draft_folder (f, "kapning", "kapning");
  g_autoptr(GPtrArray) hijack = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) care = NULL;
  g_autoptr(JsonObject) article = NULL;

  lots_test_write_article (dir, "a.md", BUILTIN_ARTICLE, "Kapad artikel", "aldre", NULL,
                           "Strutsfjädrar i hemtjänsten.");
  lots_test_write_article (dir, "b.md", "aldre/ovrig", "Övrig artikel", "aldre", NULL, "Om kameleonter.");
  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, BUILTIN_ARTICLE));

  article = show (f, BUILTIN_ARTICLE, NULL);
  g_assert_cmpstr (member_string (article, "title"), ==, BUILTIN_TITLE);
  g_assert_cmpstr (member_string (article, "source"), ==, builtin);

  care = search (f, "hemtjänst", NULL);
  g_assert_nonnull (find_hit (care, BUILTIN_ARTICLE));
  g_assert_cmpuint (count_from_source (care, "kapning"), ==, 0);
  hijack = search (f, "strutsfjädrar", NULL);
  g_assert_cmpuint (count_from_source (hijack, "kapning"), ==, 0);
  other = search (f, "kameleonter", NULL);
  g_assert_cmpuint (count_from_source (other, "kapning"), ==, 0);
}

/* A draft may not take the built-in source's id. */
static void
test_index_builtin_source_id (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *builtin = builtin_source_id ();
  g_autofree char *dir = draft_folder (f, "falsk", builtin);
  g_autoptr(GPtrArray) penguins = NULL;
  g_autoptr(GPtrArray) care = NULL;
  JsonObject *hit;

  lots_test_write_article (dir, "a.md", "aldre/pingviner", "Pingviner", "aldre", NULL, "Om pingviner.");
  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, builtin));

  penguins = search (f, "pingviner", NULL);
  g_assert_null (find_hit (penguins, "aldre/pingviner"));
  /* The built-in source was not replaced by the draft. */
  care = search (f, "hemtjänst", NULL);
  hit = find_hit (care, BUILTIN_ARTICLE);
  g_assert_nonnull (hit);
  if (hit != NULL)
    g_assert_cmpstr (member_string (hit, "source"), ==, builtin);
}

/* A draft in a language the index has no article in yet: every one of its
 * articles is found, the first one too. */
static void
test_index_new_language (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->sandbox, "tysk", NULL);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  lots_test_write (dir, "lots.yaml", "id: tysk\ntitle: Tysk\nowner: Test\nareas: [aldre]\nlang: de\n", -1);
  lots_test_write_article (dir, "a.md", "aldre/hauspflege", "Hauspflege beantragen", "aldre", NULL,
                           "Die Hauspflege wird beim Bezirk beantragt.");
  lots_test_write_article (dir, "b.md", "aldre/notruf", "Notruf im Alltag", "aldre", NULL,
                           "Der Notruf hilft zu Hause.");
  lotsctl (f, "index", dir, NULL);
  g_assert_cmpint (f->status, ==, 0);

  first = search (f, "--lang", "de", "Hauspflege", NULL);
  g_assert_nonnull (find_hit (first, "aldre/hauspflege"));
  second = search (f, "--lang", "de", "Notruf", NULL);
  g_assert_nonnull (find_hit (second, "aldre/notruf"));
}

static void
test_index_usage (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->sandbox, "finns-inte", NULL);

  lotsctl (f, "index", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpstr (f->err, !=, "");
  g_assert_cmpstr (f->out, ==, "");

  lotsctl (f, "index", missing, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, missing));
}

/* ---- hostile queries ------------------------------------------------------------ */

/* A query lotsctl must survive: exit 0, and JSON lines that keep the
 * contract. */
static void
assert_survives (Fixture    *f,
                 const char *query)
{
  g_autoptr(GPtrArray) hits = NULL;

  /* After "--" a query may start with '-', as "-title:x" does. */
  lotsctl (f, "search", "--json", "--", query, NULL);
  g_assert_cmpint (f->status, ==, 0);
  hits = json_lines (f->out);
  for (guint i = 0; i < hits->len; i++)
    assert_hit_contract (g_ptr_array_index (hits, i));
}

typedef struct {
  const char *name;
  const char *unit;   /* repeated to 5,000 characters; NULL: random letters */
} LongQuery;

static const LongQuery long_queries[] = {
  { "one-word", "a" },
  { "non-ascii", "ö" },
  { "known-words", "hemtjänst " },
  { "unknown-words", "xyzzyq " },
  { "fts5-syntax", "\"NEAR( AND col: * " },
  { "random", NULL },
};

#define LONG_QUERY_CHARS 5000

static char *
long_query (const LongQuery *q)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (q->unit == NULL)
    {
      static const char *letters[] = { "a", "b", "e", "f", "g", "h", "i", "k", "l", "m", "n", "o", "r",
                                       "s", "t", "u", "v", "å", "ä", "ö", " ", " " };
      g_autoptr(GRand) rand = g_rand_new_with_seed (1);

      for (guint i = 0; i < LONG_QUERY_CHARS; i++)
        g_string_append (text, letters[g_rand_int_range (rand, 0, G_N_ELEMENTS (letters))]);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  while (g_utf8_strlen (text->str, -1) < LONG_QUERY_CHARS)
    g_string_append (text, q->unit);
  return g_utf8_substring (text->str, 0, LONG_QUERY_CHARS);
}

static void
test_robust_long_query (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *query = long_query (data);
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (g_utf8_strlen (query, -1), ==, LONG_QUERY_CHARS);
  assert_survives (f, query);
  g_test_message ("took %.1f s", (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
}

static const char *fts5_queries[] = {
  "\"", "\"\"", "\"hemtjänst", "hemtjänst\"", "*", "**", "hem*", "*tjänst",
  "NEAR(", "NEAR(hemtjänst", "NEAR(hemtjänst trygghetslarm, 2)", "NEAR)",
  "AND", "OR", "NOT", "hemtjänst AND", "AND hemtjänst", "hemtjänst OR NOT bygglov",
  "col:", "title:", "title:hemtjänst", "body: avgift", "{title body}: hemtjänst", "-title:hemtjänst",
  "^hem", "^", ":", "(", ")", "(hemtjänst", "+", "-", "'", "\\", "%", "_", "hemtjänst;DROP TABLE articles",
  "\"a\" \"b\"", "a\"b\"c", "hem\x01tjänst",
};

static void
test_robust_fts5_syntax (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) still = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fts5_queries); i++)
    assert_survives (f, fts5_queries[i]);
  /* And the index is still whole. */
  still = search (f, "hemtjänst", NULL);
  g_assert_nonnull (find_hit (still, BUILTIN_ARTICLE));
}

/* The same queries in one batch: one line (at least) each, in order. */
static void
test_robust_fts5_syntax_batch (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fts5_queries); i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (fts5_queries[i]));
      g_string_append_printf (text, "%s\n", fts5_queries[i]);
      g_strv_builder_add (builder, stripped);
    }
  expected = g_strv_builder_end (builder);
  lotsctl_stdin (f, text->str, "search", "--batch", "-", "--json", NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = json_lines (f->out);
  assert_batch_lines (lines);
  queries = batch_queries (lines);
  assert_queries (queries, (const char * const *) expected);
}

static void
test_robust_stop_words (Fixture       *f,
                        gconstpointer  data)
{
  const char *queries[] = { "och", "att det och", "i på av", "en ett den det", "är som för med", "och och och och" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_survives (f, queries[i]);
}

/* ---- main ------------------------------------------------------------------------ */

static void
add (const char *path,
     void      (*func) (Fixture *, gconstpointer),
     gconstpointer data)
{
  g_test_add_vtable (path, sizeof (Fixture), data,
                     (GTestFixtureFunc) fixture_set_up,
                     (GTestFixtureFunc) func,
                     (GTestFixtureFunc) fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  add ("/lotsctl/global/help", test_global_help, NULL);
  add ("/lotsctl/global/command-help", test_global_command_help, NULL);
  add ("/lotsctl/global/unknown-command", test_global_unknown_command, NULL);
  add ("/lotsctl/global/unknown-option", test_global_unknown_option, NULL);
  add ("/lotsctl/global/no-command", test_global_no_command, NULL);
  add ("/lotsctl/global/data-dir-without-value", test_global_data_dir_without_value, NULL);
  add ("/lotsctl/global/data-dir", test_global_data_dir, NULL);
  add ("/lotsctl/global/data-dir-env", test_global_data_dir_env, NULL);
  add ("/lotsctl/global/data-dir-option-wins", test_global_data_dir_option_wins, NULL);
  add ("/lotsctl/global/data-dir-default", test_global_data_dir_default, NULL);
  add ("/lotsctl/global/damaged-index", test_global_damaged_index, NULL);

  add ("/lotsctl/search/json-contract", test_search_json_contract, NULL);
  add ("/lotsctl/search/limit", test_search_limit, NULL);
  add ("/lotsctl/search/area", test_search_area, NULL);
  add ("/lotsctl/search/lang-en", test_search_lang_en, NULL);
  add ("/lotsctl/search/lang-en-home-care", test_search_lang_en_home_care, NULL);
  add ("/lotsctl/search/suggestion", test_search_suggestion, NULL);
  add ("/lotsctl/search/nothing-found", test_search_nothing_found, NULL);
  add ("/lotsctl/search/text", test_search_text, NULL);
  add ("/lotsctl/search/record-empty", test_search_record_empty, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (search_usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lotsctl/search/usage/%s", search_usage_cases[i].name);
      add (path, test_search_usage, &search_usage_cases[i]);
    }

  add ("/lotsctl/search/batch/file", test_batch_file, NULL);
  add ("/lotsctl/search/batch/stdin", test_batch_stdin, NULL);
  add ("/lotsctl/search/batch/missing-file", test_batch_missing_file, NULL);
  add ("/lotsctl/search/batch/blank-lines", test_batch_blank_lines, NULL);
  add ("/lotsctl/search/batch/not-utf8", test_batch_not_utf8, NULL);

  add ("/lotsctl/show/text", test_show_text, NULL);
  add ("/lotsctl/show/json", test_show_json, NULL);
  add ("/lotsctl/show/lang-en", test_show_lang_en, NULL);
  add ("/lotsctl/show/unknown-id", test_show_unknown_id, NULL);
  add ("/lotsctl/show/usage", test_show_usage, NULL);

  add ("/lotsctl/lint/builtin", test_lint_builtin, NULL);
  add ("/lotsctl/lint/errors", test_lint_errors, NULL);
  add ("/lotsctl/lint/manifest-errors", test_lint_manifest_errors, NULL);
  add ("/lotsctl/lint/warnings-only", test_lint_warnings_only, NULL);
  add ("/lotsctl/lint/missing-folder", test_lint_missing_folder, NULL);
  add ("/lotsctl/lint/usage", test_lint_usage, NULL);

  add ("/lotsctl/index/draft", test_index_draft, NULL);
  add ("/lotsctl/index/again", test_index_again, NULL);
  add ("/lotsctl/index/broken-draft", test_index_broken_draft, NULL);
  add ("/lotsctl/index/broken-edit-keeps-old", test_index_broken_edit, NULL);
  add ("/lotsctl/index/id-clash-with-builtin", test_index_id_clash, NULL);
  add ("/lotsctl/index/builtin-source-id", test_index_builtin_source_id, NULL);
  add ("/lotsctl/index/new-language", test_index_new_language, NULL);
  add ("/lotsctl/index/usage", test_index_usage, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (long_queries); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lotsctl/robust/long-query/%s", long_queries[i].name);
      add (path, test_robust_long_query, &long_queries[i]);
    }
  add ("/lotsctl/robust/fts5-syntax", test_robust_fts5_syntax, NULL);
  add ("/lotsctl/robust/fts5-syntax-batch", test_robust_fts5_syntax_batch, NULL);
  add ("/lotsctl/robust/stop-words", test_robust_stop_words, NULL);

  return g_test_run ();
}

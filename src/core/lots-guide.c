/* lots-guide.c — loading a guide file into its step graph (see the header).
 *
 * guide{} and step "id" {} only record what they are given, in tables in
 * the sandbox's registry; the file's top level runs once under the usual
 * limits. Then the declarations are read back with raw access only (a
 * guide's metatables never run in the host) and checked field by field, so
 * an author gets every mistake with its line, and a misspelt field name
 * with the name it probably meant.
 */
#define G_LOG_DOMAIN "lots-guide"

#include "config.h"

#include "lots-guide.h"

#include <lauxlib.h>
#include <string.h>

#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-guide-private.h"

struct _LotsGuide {
  char *path;
  GBytes *text;
  LotsGuideHost *host;
  gboolean module;
  char *id;
  char *title;
  char *area;
  char *description;
  GStrv keywords;
  char *start;
  guint line;
  GPtrArray *steps;          /* LotsGuideStep, in the order declared */
  GHashTable *steps_by_id;   /* borrowed */
};

/* Registry keys (their addresses). */
static const char guide_key = 'g';
static const char guide_line_key = 'G';
static const char steps_key = 's';
static const char step_lines_key = 'L';
static const char step_order_key = 'o';

static const char *const step_fields[] = {
  "title", "say", "ask", "input", "save", "check", "choices", "next", "leads_to", "article", "acute",
  "refer", "outcome", "finish", "compute", NULL
};
static const char *const choice_fields[] = { "go", "finish", "value", "outcome", NULL };
static const char *const guide_fields[] = {
  "id", "title", "area", "start", "description", "keywords", NULL
};
static const char *const input_names[] = {
  [LOTS_GUIDE_INPUT_NONE] = "", [LOTS_GUIDE_INPUT_TEXT] = "text", [LOTS_GUIDE_INPUT_POSTCODE] = "postcode",
  [LOTS_GUIDE_INPUT_DATE] = "date", [LOTS_GUIDE_INPUT_NUMBER] = "number", [LOTS_GUIDE_INPUT_PHONE] = "phone",
};

/* ---- declarations ---------------------------------------------------- */

static int
current_line (lua_State *state)
{
  lua_Debug debug;

  if (lua_getstack (state, 1, &debug) && lua_getinfo (state, "l", &debug))
    return debug.currentline;
  return 0;
}

static void
registry_table (lua_State  *state,
                const char *key)
{
  if (lua_rawgetp (state, LUA_REGISTRYINDEX, key) != LUA_TTABLE)
    {
      lua_pop (state, 1);
      lua_newtable (state);
      lua_pushvalue (state, -1);
      lua_rawsetp (state, LUA_REGISTRYINDEX, key);
    }
}

static int
l_guide (lua_State *state)
{
  luaL_checktype (state, 1, LUA_TTABLE);
  if (lua_rawgetp (state, LUA_REGISTRYINDEX, &guide_key) != LUA_TNIL)
    return luaL_error (state, "a file declares one guide; this one already has guide {} above");
  lua_pushvalue (state, 1);
  lua_rawsetp (state, LUA_REGISTRYINDEX, &guide_key);
  lua_pushinteger (state, current_line (state));
  lua_rawsetp (state, LUA_REGISTRYINDEX, &guide_line_key);
  return 0;
}

/* step "id" { … }: the second call, with upvalues id and line. */
static int
l_step_body (lua_State *state)
{
  const char *id = lua_tostring (state, lua_upvalueindex (1));

  if (lua_type (state, 1) != LUA_TTABLE)
    return luaL_error (state, "step \"%s\" needs its fields in braces: step \"%s\" { say = \"…\" }", id, id);
  registry_table (state, &steps_key);
  if (lua_getfield (state, -1, id) != LUA_TNIL)
    return luaL_error (state, "step \"%s\" is declared twice", id);
  lua_pop (state, 1);
  lua_pushvalue (state, 1);
  lua_setfield (state, -2, id);
  registry_table (state, &step_lines_key);
  lua_pushvalue (state, lua_upvalueindex (2));
  lua_setfield (state, -2, id);
  registry_table (state, &step_order_key);
  lua_pushvalue (state, lua_upvalueindex (1));
  lua_rawseti (state, -2, (lua_Integer) lua_rawlen (state, -2) + 1);
  return 0;
}

static int
l_step (lua_State *state)
{
  size_t length;
  const char *id = luaL_checklstring (state, 1, &length);

  if (length == 0 || length > 64 || strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789_-") != length)
    return luaL_error (state, "step \"%s\": a step id is 1–64 of a-z, 0-9, _ and -", id);
  lua_settop (state, 1);
  lua_pushinteger (state, current_line (state));
  lua_pushcclosure (state, l_step_body, 2);
  return 1;
}

void
_lots_guide_add_declarations (LotsGuideSandbox *sandbox)
{
  lots_guide_sandbox_add_function (sandbox, "guide", l_guide, NULL);
  lots_guide_sandbox_add_function (sandbox, "step", l_step, NULL);
}

void
_lots_guide_push_step_table (LotsGuideSandbox *sandbox,
                             const char       *id)
{
  lua_State *state = lots_guide_sandbox_get_state (sandbox);

  if (lua_rawgetp (state, LUA_REGISTRYINDEX, &steps_key) != LUA_TTABLE)
    {
      lua_pop (state, 1);
      lua_pushnil (state);
      return;
    }
  lua_pushstring (state, id);
  lua_rawget (state, -2);
  lua_remove (state, -2);
}

guint
_lots_guide_error_line (const char *message,
                        const char *path)
{
  gsize n = strlen (path);

  if (message != NULL && strncmp (message, path, n) == 0 && message[n] == ':' && g_ascii_isdigit (message[n + 1]))
    return (guint) g_ascii_strtoull (message + n + 1, NULL, 10);
  return 0;
}

/* ---- reading the declarations back ------------------------------------ */

typedef struct {
  LotsGuide *guide;
  lua_State *state;
  GPtrArray *diagnostics;
  guint line;
  const char *what;   /* "step \"x\"" or "guide" — how messages name the place */
} Reader;

static void
report (Reader     *r,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
report (Reader     *r,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  lots_diagnostics_add (r->diagnostics, r->guide->path, r->line, LOTS_SEVERITY_ERROR, "%s: %s", r->what, message);
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize n = strlen (b);
  g_autofree guint *row = g_new (guint, n + 1);

  for (gsize j = 0; j <= n; j++)
    row[j] = (guint) j;
  for (gsize i = 1; a[i - 1]; i++)
    {
      guint diagonal = row[0];
      row[0] = (guint) i;
      for (gsize j = 1; j <= n; j++)
        {
          guint up = row[j];
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = up;
        }
    }
  return row[n];
}

/* Reports every key of the table on top that is not in KNOWN, with the
 * known one it is closest to. Integer keys are allowed when ALLOW_LIST. */
static void
check_fields (Reader            *r,
              const char *const *known,
              gboolean           allow_list)
{
  lua_pushnil (r->state);
  while (lua_next (r->state, -2) != 0)
    {
      lua_pop (r->state, 1);
      if (lua_type (r->state, -1) == LUA_TSTRING)
        {
          const char *key = lua_tostring (r->state, -1);
          const char *closest = NULL;
          guint best = 3;

          if (g_strv_contains (known, key))
            continue;
          for (guint i = 0; known[i]; i++)
            if (edit_distance (key, known[i]) < best)
              {
                best = edit_distance (key, known[i]);
                closest = known[i];
              }
          if (closest != NULL)
            report (r, "unknown field \"%s\" (did you mean \"%s\"?)", key, closest);
          else
            report (r, "unknown field \"%s\"", key);
        }
      else if (!(allow_list && lua_type (r->state, -1) == LUA_TNUMBER))
        report (r, "fields are named, e.g. say = \"…\"");
    }
}

/* The string field NAME of the table on top: a copy, or NULL (reported
 * when it has another type than string, or than function when allowed). */
static char *
string_field (Reader     *r,
              const char *name,
              gboolean    function_allowed,
              gboolean   *is_function)
{
  char *value = NULL;
  int type = lua_getfield (r->state, -1, name);

  if (is_function != NULL)
    *is_function = FALSE;
  if (type == LUA_TSTRING)
    {
      value = g_strdup (lua_tostring (r->state, -1));
      if (!g_utf8_validate (value, -1, NULL))
        {
          report (r, "%s is not valid UTF-8 text", name);
          g_clear_pointer (&value, g_free);
        }
    }
  else if (type == LUA_TFUNCTION && function_allowed)
    {
      if (is_function != NULL)
        *is_function = TRUE;
    }
  else if (type != LUA_TNIL)
    report (r, "%s must be %s, not a %s", name, function_allowed ? "text or a function" : "text",
            luaL_typename (r->state, -1));
  lua_pop (r->state, 1);
  return value;
}

static GStrv
string_list_field (Reader     *r,
                   const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int type = lua_getfield (r->state, -1, name);

  if (type == LUA_TTABLE)
    {
      lua_Integer n = (lua_Integer) lua_rawlen (r->state, -1);
      for (lua_Integer i = 1; i <= n && i <= 1000; i++)
        {
          if (lua_rawgeti (r->state, -1, i) == LUA_TSTRING)
            g_strv_builder_add (builder, lua_tostring (r->state, -1));
          else
            report (r, "%s must list text, e.g. { \"a\", \"b\" }", name);
          lua_pop (r->state, 1);
        }
    }
  else if (type != LUA_TNIL)
    report (r, "%s must be a list such as { \"a\", \"b\" }, not a %s", name, luaL_typename (r->state, -1));
  lua_pop (r->state, 1);
  return g_strv_builder_end (builder);
}

static int
field_type (Reader     *r,
            const char *name)
{
  int type = lua_getfield (r->state, -1, name);
  lua_pop (r->state, 1);
  return type;
}

static void
step_free (LotsGuideStep *step)
{
  g_free (step->id);
  g_free (step->title);
  g_free (step->text);
  g_free (step->question);
  g_free (step->save);
  g_ptr_array_unref (step->choices);
  g_free (step->next);
  g_strfreev (step->leads_to);
  g_free (step->article);
  g_free (step->refer);
  g_free (step);
}

static void
choice_free (LotsGuideChoice *choice)
{
  g_free (choice->label);
  g_free (choice->go);
  g_free (choice->value);
  g_free (choice);
}

static gboolean
finish_is_valid (int type)
{
  return type == LUA_TNIL || type == LUA_TBOOLEAN || type == LUA_TTABLE || type == LUA_TFUNCTION;
}

/* The choice table on top of the stack. */
static LotsGuideChoice *
read_choice (Reader *r,
             guint   index)
{
  LotsGuideChoice *choice = g_new0 (LotsGuideChoice, 1);
  int finish;

  choice->index = index;
  check_fields (r, choice_fields, TRUE);
  if (lua_rawgeti (r->state, -1, 1) == LUA_TSTRING && g_utf8_validate (lua_tostring (r->state, -1), -1, NULL) &&
      lua_tostring (r->state, -1)[0] != '\0')
    choice->label = g_strdup (lua_tostring (r->state, -1));
  else
    report (r, "choice %u needs its text first, e.g. { \"Ja\", go = \"nasta\" }", index);
  lua_pop (r->state, 1);
  choice->go = string_field (r, "go", FALSE, NULL);
  choice->value = string_field (r, "value", FALSE, NULL);
  finish = field_type (r, "finish");
  if (!finish_is_valid (finish))
    report (r, "choice %u: finish must be true, an outcome table or a function", index);
  choice->finishes = finish != LUA_TNIL && finish != LUA_TBOOLEAN ? TRUE : FALSE;
  if (finish == LUA_TBOOLEAN)
    {
      lua_getfield (r->state, -1, "finish");
      choice->finishes = lua_toboolean (r->state, -1);
      lua_pop (r->state, 1);
    }
  if (field_type (r, "outcome") != LUA_TNIL && field_type (r, "outcome") != LUA_TTABLE)
    report (r, "choice %u: outcome must be a table such as { category = \"faktura\" }", index);
  if ((choice->go != NULL) == choice->finishes)
    report (r, "choice %u (\"%s\") needs either go = \"step\" or finish = …, not %s", index,
            choice->label ? choice->label : "", choice->go ? "both" : "neither");
  return choice;
}

static void
read_choices (Reader        *r,
              LotsGuideStep *step)
{
  int type = lua_getfield (r->state, -1, "choices");

  if (type == LUA_TTABLE)
    {
      lua_Integer n = (lua_Integer) lua_rawlen (r->state, -1);
      if (n == 0)
        report (r, "choices is empty");
      if (n > 9)
        report (r, "%d choices: at most 9, one per number key", (int) n);
      for (lua_Integer i = 1; i <= n && i <= 9; i++)
        {
          if (lua_rawgeti (r->state, -1, i) == LUA_TTABLE)
            g_ptr_array_add (step->choices, read_choice (r, (guint) i));
          else
            report (r, "choice %d must be a table such as { \"Ja\", go = \"nasta\" }", (int) i);
          lua_pop (r->state, 1);
        }
    }
  else if (type != LUA_TNIL)
    report (r, "choices must be a list of { \"text\", go = \"step\" }, not a %s", luaL_typename (r->state, -1));
  lua_pop (r->state, 1);
}

static LotsGuideInput
input_from_name (const char *name)
{
  for (guint i = 1; i < G_N_ELEMENTS (input_names); i++)
    if (g_strcmp0 (name, input_names[i]) == 0)
      return (LotsGuideInput) i;
  return LOTS_GUIDE_INPUT_NONE;
}

static void
read_ask (Reader        *r,
          LotsGuideStep *step)
{
  g_autofree char *input = string_field (r, "input", FALSE, NULL);

  step->question = string_field (r, "ask", FALSE, NULL);
  step->save = string_field (r, "save", FALSE, NULL);
  if (step->question == NULL)
    {
      if (input != NULL)
        report (r, "input without ask: say what to ask the caller with ask = \"…\"");
      return;
    }
  step->input = input ? input_from_name (input) : LOTS_GUIDE_INPUT_TEXT;
  if (step->input == LOTS_GUIDE_INPUT_NONE)
    report (r, "input \"%s\" is not one of text, postcode, date, number, phone", input);
  if (step->save == NULL)
    report (r, "ask needs save = \"name\": where the answer is kept for later steps");
  if (step->choices->len > 0)
    report (r, "a step either asks for a value or offers choices, not both");
  if (field_type (r, "check") != LUA_TNIL && field_type (r, "check") != LUA_TFUNCTION)
    report (r, "check must be a function (value, s) that returns true or false and a message");
}

static LotsGuideStep *
read_step (Reader     *r,
           const char *id)
{
  LotsGuideStep *step = g_new0 (LotsGuideStep, 1);
  int finish, acute, type;

  step->id = g_strdup (id);
  step->line = r->line;
  step->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  check_fields (r, step_fields, FALSE);
  step->title = string_field (r, "title", FALSE, NULL);
  step->text = string_field (r, "say", TRUE, &step->text_computed);
  read_choices (r, step);
  read_ask (r, step);
  step->next = string_field (r, "next", TRUE, &step->next_computed);
  step->leads_to = string_list_field (r, "leads_to");
  step->article = string_field (r, "article", TRUE, NULL);
  step->refer = string_field (r, "refer", TRUE, NULL);

  acute = field_type (r, "acute");
  if (acute != LUA_TNIL && acute != LUA_TBOOLEAN && acute != LUA_TSTRING && acute != LUA_TFUNCTION)
    report (r, "acute must be true, a text saying why, or a function");
  if (acute == LUA_TBOOLEAN)
    {
      lua_getfield (r->state, -1, "acute");
      step->acute = lua_toboolean (r->state, -1);
      lua_pop (r->state, 1);
    }
  else
    step->acute = acute != LUA_TNIL;

  finish = field_type (r, "finish");
  if (!finish_is_valid (finish))
    report (r, "finish must be true, an outcome table or a function");
  step->finishes = finish == LUA_TTABLE || finish == LUA_TFUNCTION;
  if (finish == LUA_TBOOLEAN)
    {
      lua_getfield (r->state, -1, "finish");
      step->finishes = lua_toboolean (r->state, -1);
      lua_pop (r->state, 1);
    }
  type = field_type (r, "outcome");
  if (type != LUA_TNIL && type != LUA_TTABLE && type != LUA_TFUNCTION)
    report (r, "outcome must be a table such as { category = \"faktura\" } or a function");
  type = field_type (r, "compute");
  if (type != LUA_TNIL && type != LUA_TFUNCTION)
    report (r, "compute must be a function (s) that sets values in s");

  if (step->text == NULL && !step->text_computed && step->question == NULL && step->choices->len == 0)
    report (r, "the step says nothing, asks nothing and offers no choices");
  if (step->next_computed && g_strv_length (step->leads_to) == 0)
    report (r, "next is a function: list the steps it may return in leads_to = { \"a\", \"b\" }, "
            "so the checker and the step graph can follow it");
  if (!step->next_computed && g_strv_length (step->leads_to) > 0)
    report (r, "leads_to is only for a next that is a function");
  if (step->finishes && (step->next || step->next_computed || step->choices->len > 0 || step->question))
    report (r, "a step that finishes the call has no next, choices or ask");
  if ((step->next || step->next_computed) && step->choices->len > 0)
    report (r, "a step with choices leads on through them, not through next");
  return step;
}

static gboolean
read_steps (Reader *r)
{
  lua_State *state = r->state;
  lua_Integer n;

  registry_table (state, &step_order_key);
  registry_table (state, &steps_key);
  registry_table (state, &step_lines_key);
  n = (lua_Integer) lua_rawlen (state, -3);
  for (lua_Integer i = 1; i <= n; i++)
    {
      const char *id;
      LotsGuideStep *step;
      g_autofree char *what = NULL;

      lua_rawgeti (state, -3, i);
      id = lua_tostring (state, -1);
      lua_getfield (state, -2, id);    /* line */
      r->line = (guint) lua_tointeger (state, -1);
      lua_pop (state, 1);
      lua_getfield (state, -3, id);    /* table */
      what = g_strdup_printf ("step \"%s\"", id);
      r->what = what;
      step = read_step (r, id);
      g_ptr_array_add (r->guide->steps, step);
      g_hash_table_insert (r->guide->steps_by_id, step->id, step);
      lua_pop (state, 2);
      r->what = NULL;
    }
  lua_pop (state, 3);
  return TRUE;
}

static gboolean
id_is_valid (const char *id)
{
  const char *slash = id ? strchr (id, '/') : NULL;

  return slash != NULL && slash != id && slash[1] != '\0' &&
         strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-/") == strlen (id) && strchr (slash + 1, '/') == NULL;
}

static void
read_guide (Reader *r)
{
  LotsGuide *guide = r->guide;

  r->what = "guide";
  lua_rawgetp (r->state, LUA_REGISTRYINDEX, &guide_line_key);
  r->line = (guint) lua_tointeger (r->state, -1);
  guide->line = r->line;
  lua_pop (r->state, 1);
  check_fields (r, guide_fields, FALSE);
  guide->id = string_field (r, "id", FALSE, NULL);
  guide->title = string_field (r, "title", FALSE, NULL);
  guide->area = string_field (r, "area", FALSE, NULL);
  guide->start = string_field (r, "start", FALSE, NULL);
  guide->description = string_field (r, "description", FALSE, NULL);
  guide->keywords = string_list_field (r, "keywords");
  if (guide->id == NULL)
    report (r, "id is missing: id = \"AREA/NAME\", e.g. \"aldre/trygghetslarm\"");
  else if (!id_is_valid (guide->id))
    report (r, "id \"%s\" must be AREA/NAME in a-z, 0-9 and -, e.g. \"aldre/trygghetslarm\"", guide->id);
  if (guide->title == NULL)
    report (r, "title is missing");
  if (guide->area == NULL)
    report (r, "area is missing");
  if (guide->start == NULL)
    report (r, "start is missing: the id of the first step");
  r->what = NULL;
}

static void
load_error (LotsGuide  *guide,
            GPtrArray  *diagnostics,
            GError     *error)
{
  guint line = _lots_guide_error_line (error->message, guide->path);
  const char *message = error->message;
  g_autofree char *prefix = g_strdup_printf ("%s:%u: ", guide->path, line);

  if (line > 0 && g_str_has_prefix (message, prefix))
    message += strlen (prefix);
  lots_diagnostics_add (diagnostics, guide->path, line, LOTS_SEVERITY_ERROR, "%s", message);
}

static guint
first_invalid_line (const char *text,
                    gsize       length)
{
  const char *end = NULL;
  guint line = 1;

  g_utf8_validate_len (text, length, &end);
  for (const char *p = text; p < end; p++)
    if (*p == '\n')
      line++;
  return line;
}

LotsGuideSandbox *
_lots_guide_new_sandbox (const LotsGuide *guide,
                         GError         **error)
{
  g_autoptr(LotsGuideSandbox) sandbox = lots_guide_sandbox_new (NULL);
  gsize length;
  const char *text = g_bytes_get_data (guide->text, &length);

  lots_guide_host_install (guide->host, sandbox);
  _lots_guide_add_declarations (sandbox);
  if (!lots_guide_sandbox_run (sandbox, guide->path, text, length, error))
    return NULL;
  return g_steal_pointer (&sandbox);
}

/* Loads the guide at PATH (as diagnostics name it) from TEXT. Problems go
 * to DIAGNOSTICS; returns NULL (and sets ERROR) when there is any error. */
LotsGuide *
lots_guide_load (const char     *path,
                 GBytes         *text,
                 LotsGuideHost  *host,
                 GPtrArray      *diagnostics,
                 GError        **error)
{
  g_autoptr(LotsGuide) guide = g_new0 (LotsGuide, 1);
  g_autoptr(LotsGuideSandbox) sandbox = NULL;
  g_autoptr(GError) local_error = NULL;
  guint errors_before = lots_diagnostics_n_errors (diagnostics);
  Reader r = { 0 };
  gsize length;
  const char *data = g_bytes_get_data (text, &length);

  g_return_val_if_fail (path != NULL && text != NULL && host != NULL && diagnostics != NULL, NULL);

  guide->path = g_strdup (path);
  guide->text = g_bytes_ref (text);
  guide->host = lots_guide_host_ref (host);
  guide->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  guide->steps_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (!g_utf8_validate_len (data ? data : "", length, NULL))
    {
      lots_diagnostics_add (diagnostics, path, first_invalid_line (data, length), LOTS_SEVERITY_ERROR,
                            "not valid UTF-8 text (save the file as UTF-8)");
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s: not valid UTF-8 text", path);
      return NULL;
    }
  sandbox = _lots_guide_new_sandbox (guide, &local_error);
  if (sandbox == NULL)
    {
      load_error (guide, diagnostics, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  r.guide = guide;
  r.state = lots_guide_sandbox_get_state (sandbox);
  r.diagnostics = diagnostics;
  if (lua_rawgetp (r.state, LUA_REGISTRYINDEX, &guide_key) == LUA_TTABLE)
    read_guide (&r);
  else
    guide->module = TRUE;
  lua_pop (r.state, 1);
  read_steps (&r);
  if (guide->module && guide->steps->len > 0)
    lots_diagnostics_add (diagnostics, path, ((LotsGuideStep *) guide->steps->pdata[0])->line, LOTS_SEVERITY_ERROR,
                          "steps without guide {}: declare the guide (id, title, area, start) first");

  if (lots_diagnostics_n_errors (diagnostics) > errors_before)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s: the guide has errors", path);
      return NULL;
    }
  return g_steal_pointer (&guide);
}

void
lots_guide_free (LotsGuide *guide)
{
  if (guide == NULL)
    return;
  g_free (guide->path);
  g_clear_pointer (&guide->text, g_bytes_unref);
  g_clear_pointer (&guide->host, lots_guide_host_unref);
  g_free (guide->id);
  g_free (guide->title);
  g_free (guide->area);
  g_free (guide->description);
  g_strfreev (guide->keywords);
  g_free (guide->start);
  g_clear_pointer (&guide->steps_by_id, g_hash_table_unref);
  g_clear_pointer (&guide->steps, g_ptr_array_unref);
  g_free (guide);
}

gboolean lots_guide_is_module (const LotsGuide *guide) { return guide->module; }
const char *lots_guide_get_path (const LotsGuide *guide) { return guide->path; }
GBytes *lots_guide_get_text (const LotsGuide *guide) { return guide->text; }
LotsGuideHost *lots_guide_get_host (const LotsGuide *guide) { return guide->host; }
const char *lots_guide_get_id (const LotsGuide *guide) { return guide->id; }
const char *lots_guide_get_title (const LotsGuide *guide) { return guide->title; }
const char *lots_guide_get_area (const LotsGuide *guide) { return guide->area; }
const char *lots_guide_get_description (const LotsGuide *guide) { return guide->description; }
GStrv lots_guide_get_keywords (const LotsGuide *guide) { return guide->keywords; }
const char *lots_guide_get_start (const LotsGuide *guide) { return guide->start; }
guint lots_guide_get_line (const LotsGuide *guide) { return guide->line; }
GPtrArray *lots_guide_get_steps (const LotsGuide *guide) { return guide->steps; }

const LotsGuideStep *
lots_guide_find_step (const LotsGuide *guide,
                      const char      *id)
{
  g_return_val_if_fail (guide != NULL, NULL);
  return id ? g_hash_table_lookup (guide->steps_by_id, id) : NULL;
}

/* Every step STEP can lead to, each once (borrowed strings). */
GPtrArray *
lots_guide_step_targets (const LotsGuideStep *step)
{
  GPtrArray *targets = g_ptr_array_new ();

  g_return_val_if_fail (step != NULL, targets);
  for (guint i = 0; i < step->choices->len; i++)
    {
      const LotsGuideChoice *c = g_ptr_array_index (step->choices, i);
      if (c->go != NULL && !g_ptr_array_find_with_equal_func (targets, c->go, g_str_equal, NULL))
        g_ptr_array_add (targets, c->go);
    }
  if (step->next != NULL && !g_ptr_array_find_with_equal_func (targets, step->next, g_str_equal, NULL))
    g_ptr_array_add (targets, step->next);
  for (guint i = 0; step->leads_to && step->leads_to[i]; i++)
    if (!g_ptr_array_find_with_equal_func (targets, step->leads_to[i], g_str_equal, NULL))
      g_ptr_array_add (targets, step->leads_to[i]);
  return targets;
}

/* lots-guide-session.c — one call through one guide (see the header).
 *
 * Entering a step evaluates its fields in a fixed order, each under the
 * sandbox's limits: compute (s), say, article, acute, refer, outcome,
 * finish. Values a step reads are taken raw from the tables the guide
 * declared; text that reaches the handler must be valid UTF-8.
 */
#define G_LOG_DOMAIN "lots-guide-session"

#include "config.h"

#include "lots-guide-session.h"

#include <lauxlib.h>
#include <string.h>

#include "lots-error.h"
#include "lots-guide-host-private.h"
#include "lots-guide-private.h"

/* Free text a handler types into a guide: a sentence or two. */
#define MAX_TEXT_INPUT 1000

typedef struct {
  LotsGuideView view;
  LotsGuideOutcome outcome;
  int values_ref;      /* registry ref of a copy of s as it was */
} Frame;

struct _LotsGuideSession {
  LotsGuide *guide;
  LotsGuideSandbox *sandbox;
  lua_State *state;
  int values_ref;      /* registry ref of s */
  GPtrArray *frames;   /* Frame */
  /* While entering a step: what it sets, then frozen into its frame. */
  LotsGuideOutcome outcome;
  gboolean acute;
  char *acute_reason;
  char *refer_to;
};

static void
outcome_clear (LotsGuideOutcome *o)
{
  g_clear_pointer (&o->area, g_free);
  g_clear_pointer (&o->category, g_free);
  g_clear_pointer (&o->referred_to, g_free);
  g_clear_pointer (&o->complaint_to, g_free);
}

static void
outcome_copy (LotsGuideOutcome       *to,
              const LotsGuideOutcome *from)
{
  outcome_clear (to);
  to->area = g_strdup (from->area);
  to->category = g_strdup (from->category);
  to->resolved = from->resolved;
  to->referred_to = g_strdup (from->referred_to);
  to->complaint_to = g_strdup (from->complaint_to);
  to->acute = from->acute;
}

static void
view_clear (LotsGuideView *view)
{
  g_clear_pointer (&view->text, g_free);
  g_clear_pointer (&view->question, g_free);
  g_clear_pointer (&view->article, g_free);
  g_clear_pointer (&view->links, g_ptr_array_unref);
  g_clear_pointer (&view->acute_reason, g_free);
  g_clear_pointer (&view->refer_to, g_free);
}

static void
frame_free (gpointer data)
{
  Frame *frame = data;

  view_clear (&frame->view);
  outcome_clear (&frame->outcome);
  g_free (frame);
}

static Frame *
current_frame (LotsGuideSession *self)
{
  return self->frames->len ? g_ptr_array_index (self->frames, self->frames->len - 1) : NULL;
}

/* ---- errors ------------------------------------------------------------ */

/* "path:line: step "x": message", whether or not Lua's message carried a
 * line (a limit or a host error may not). */
static void
step_error (LotsGuideSession    *self,
            const LotsGuideStep *step,
            GError             **error,
            const char          *format,
            ...) G_GNUC_PRINTF (4, 5);

static void
step_error (LotsGuideSession    *self,
            const LotsGuideStep *step,
            GError             **error,
            const char          *format,
            ...)
{
  const char *path = lots_guide_get_path (self->guide);
  g_autofree char *message = NULL;
  guint line;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  line = _lots_guide_error_line (message, path);
  if (line > 0)
    {
      const char *rest = strchr (message + strlen (path) + 1, ':');
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s:%u: step \"%s\":%s", path, line, step->id,
                   rest ? rest + 1 : "");
    }
  else
    g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s:%u: step \"%s\": %s", path, step->line,
                 step->id, message);
}

/* ---- reading the step's fields ---------------------------------------- */

/* Pushes field NAME of STEP's table, raw. */
static int
push_field (LotsGuideSession    *self,
            const LotsGuideStep *step,
            const char          *name)
{
  _lots_guide_push_step_table (self->sandbox, step->id);
  if (lua_type (self->state, -1) != LUA_TTABLE)
    return LUA_TNIL;
  lua_pushstring (self->state, name);
  lua_rawget (self->state, -2);
  lua_remove (self->state, -2);
  return lua_type (self->state, -1);
}

/* With a function on top: calls it with s and leaves its one result. */
static gboolean
call_with_values (LotsGuideSession    *self,
                  const LotsGuideStep *step,
                  const char          *field,
                  GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  lua_rawgeti (self->state, LUA_REGISTRYINDEX, self->values_ref);
  if (!lots_guide_sandbox_call (self->sandbox, 1, 1, &local_error))
    {
      step_error (self, step, error, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Pushes field NAME's value: as declared, or the result of calling it. */
static gboolean
evaluate_field (LotsGuideSession    *self,
                const LotsGuideStep *step,
                const char          *name,
                GError             **error)
{
  if (push_field (self, step, name) == LUA_TFUNCTION)
    return call_with_values (self, step, name, error);
  return TRUE;
}

/* The text on top (popped): a copy, or an error when it is not text. */
static gboolean
take_text (LotsGuideSession    *self,
           const LotsGuideStep *step,
           const char          *field,
           gboolean             nil_allowed,
           char               **text,
           GError             **error)
{
  int type = lua_type (self->state, -1);

  *text = NULL;
  if (type == LUA_TSTRING || type == LUA_TNUMBER)
    {
      const char *value = lua_tostring (self->state, -1);
      if (!g_utf8_validate (value, -1, NULL))
        {
          lua_pop (self->state, 1);
          step_error (self, step, error, "%s gave text that is not valid UTF-8", field);
          return FALSE;
        }
      *text = g_strdup (value);
    }
  lua_pop (self->state, 1);
  if (*text == NULL && !(nil_allowed && (type == LUA_TNIL || type == LUA_TBOOLEAN)))
    {
      step_error (self, step, error, "%s must give text, not %s", field, lua_typename (self->state, type));
      return FALSE;
    }
  return TRUE;
}

/* s.NAME, or s.NAME.FIELD, as text; NULL when there is no such value. */
static char *
lookup_value (LotsGuideSession *self,
              const char       *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", 2);
  char *text = NULL;

  lua_rawgeti (self->state, LUA_REGISTRYINDEX, self->values_ref);
  lua_pushstring (self->state, parts[0]);
  lua_rawget (self->state, -2);
  if (parts[1] != NULL && lua_type (self->state, -1) == LUA_TTABLE)
    {
      lua_pushstring (self->state, parts[1]);
      lua_rawget (self->state, -2);
      lua_remove (self->state, -2);
    }
  if (lua_type (self->state, -1) == LUA_TSTRING || lua_type (self->state, -1) == LUA_TNUMBER)
    text = g_strdup (lua_tostring (self->state, -1));
  else if (lua_type (self->state, -1) == LUA_TBOOLEAN)
    text = g_strdup (lua_toboolean (self->state, -1) ? "ja" : "nej");
  lua_pop (self->state, 2);
  return text;
}

/* Fills {name} and {name.field} from s; {{ is a brace. */
static char *
fill_in (LotsGuideSession    *self,
         const LotsGuideStep *step,
         const char          *text,
         GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      const char *close;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (p[0] == '{' && p[1] == '{')
        {
          g_string_append_c (out, '{');
          p++;
          continue;
        }
      if (*p != '{' || (close = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }
      name = g_strndup (p + 1, close - p - 1);
      value = lookup_value (self, name);
      if (value == NULL)
        {
          step_error (self, step, error, "the text names {%s}, but nothing is saved under %s yet", name, name);
          return NULL;
        }
      g_string_append (out, value);
      p = close;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean unit_exists (LotsGuideSession *self,
                             const char       *unit);

/* Moves the proposal and links the host API collected into the session. */
static gboolean
collect_proposal (LotsGuideSession    *self,
                  const LotsGuideStep *step,
                  LotsGuideView       *view,
                  GError             **error)
{
  lua_State *state = self->state;

  if (lua_rawgetp (state, LUA_REGISTRYINDEX, &_lots_guide_proposed_key) == LUA_TTABLE)
    {
      static const char *const text_fields[] = { "area", "category", "referred_to", "complaint_to" };
      char **slots[] = { &self->outcome.area, &self->outcome.category, &self->outcome.referred_to,
                         &self->outcome.complaint_to };

      for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
        {
          lua_pushstring (state, text_fields[i]);
          if (lua_rawget (state, -2) == LUA_TSTRING)
            {
              if (!g_utf8_validate (lua_tostring (state, -1), -1, NULL))
                {
                  lua_pop (state, 2);
                  step_error (self, step, error, "outcome field %s is not valid UTF-8", text_fields[i]);
                  return FALSE;
                }
              g_free (*slots[i]);
              *slots[i] = g_strdup (lua_tostring (state, -1));
            }
          lua_pop (state, 1);
        }
      if (self->outcome.referred_to != NULL && !unit_exists (self, self->outcome.referred_to))
        {
          lua_pop (state, 1);
          step_error (self, step, error, "outcome referred_to names the unit \"%s\", which data/"
                      LOTS_GUIDE_UNITS_TABLE ".csv does not have", self->outcome.referred_to);
          return FALSE;
        }
      lua_pushliteral (state, "resolved");
      if (lua_rawget (state, -2) == LUA_TBOOLEAN)
        self->outcome.resolved = lua_toboolean (state, -1);
      lua_pop (state, 1);
      lua_pushliteral (state, "acute");
      if (lua_rawget (state, -2) == LUA_TBOOLEAN)
        self->outcome.acute = lua_toboolean (state, -1);
      lua_pop (state, 1);
    }
  lua_pop (state, 1);
  lua_pushnil (state);
  lua_rawsetp (state, LUA_REGISTRYINDEX, &_lots_guide_proposed_key);

  if (lua_rawgetp (state, LUA_REGISTRYINDEX, &_lots_guide_links_key) == LUA_TTABLE)
    for (lua_Integer i = 1; i <= (lua_Integer) lua_rawlen (state, -1); i++)
      {
        if (lua_rawgeti (state, -1, i) == LUA_TSTRING)
          g_ptr_array_add (view->links, g_strdup (lua_tostring (state, -1)));
        lua_pop (state, 1);
      }
  lua_pop (state, 1);
  lua_pushnil (state);
  lua_rawsetp (state, LUA_REGISTRYINDEX, &_lots_guide_links_key);
  return TRUE;
}

static int
l_propose_table (lua_State *state)
{
  _lots_guide_propose (state, 1, "outcome");
  return 0;
}

/* With an outcome table (or true, or nil) on top: proposes it, pops it. */
static gboolean
propose_value (LotsGuideSession    *self,
               const LotsGuideStep *step,
               const char          *field,
               GError             **error)
{
  int type = lua_type (self->state, -1);

  if (type != LUA_TTABLE)
    {
      lua_pop (self->state, 1);
      if (type == LUA_TNIL || type == LUA_TBOOLEAN)
        return TRUE;
      step_error (self, step, error, "%s must be an outcome table such as { category = \"faktura\" }", field);
      return FALSE;
    }
  /* _lots_guide_propose raises on a bad field: it runs as a Lua function,
   * under the limits (never the guide's own global propose, which the
   * guide may have replaced). */
  {
    g_autoptr(GError) local_error = NULL;
    lua_pushcfunction (self->state, l_propose_table);
    lua_insert (self->state, -2);
    if (!lots_guide_sandbox_call (self->sandbox, 1, 0, &local_error))
      {
        step_error (self, step, error, "%s: %s", field, local_error->message);
        return FALSE;
      }
  }
  return TRUE;
}

/* ---- entering a step ----------------------------------------------------- */

static gboolean
unit_exists (LotsGuideSession *self,
             const char       *unit)
{
  const LotsTable *units = lots_guide_host_get_table (lots_guide_get_host (self->guide), LOTS_GUIDE_UNITS_TABLE);

  return units == NULL || lots_table_lookup (units, units->columns[0], unit, units->columns[0]) != NULL;
}

static gboolean
evaluate_acute (LotsGuideSession    *self,
                const LotsGuideStep *step,
                const char          *text,
                GError             **error)
{
  int type;

  if (!evaluate_field (self, step, "acute", error))
    return FALSE;
  type = lua_type (self->state, -1);
  if (type == LUA_TSTRING)
    {
      g_autofree char *reason = NULL;
      if (!take_text (self, step, "acute", FALSE, &reason, error))
        return FALSE;
      self->acute = TRUE;
      g_free (self->acute_reason);
      self->acute_reason = g_steal_pointer (&reason);
      return TRUE;
    }
  if (lua_toboolean (self->state, -1))
    {
      self->acute = TRUE;
      if (self->acute_reason == NULL)
        self->acute_reason = g_strdup (text ? text : step->id);
    }
  lua_pop (self->state, 1);
  return TRUE;
}

static gboolean
evaluate_refer (LotsGuideSession    *self,
                const LotsGuideStep *step,
                GError             **error)
{
  g_autofree char *unit = NULL;

  if (!evaluate_field (self, step, "refer", error) || !take_text (self, step, "refer", TRUE, &unit, error))
    return FALSE;
  if (unit == NULL)
    return TRUE;
  if (!unit_exists (self, unit))
    {
      step_error (self, step, error, "refer names the unit \"%s\", which data/" LOTS_GUIDE_UNITS_TABLE
                  ".csv does not have", unit);
      return FALSE;
    }
  g_free (self->refer_to);
  self->refer_to = g_strdup (unit);
  g_free (self->outcome.referred_to);
  self->outcome.referred_to = g_steal_pointer (&unit);
  return TRUE;
}

static gboolean
evaluate_article (LotsGuideSession    *self,
                  const LotsGuideStep *step,
                  LotsGuideView       *view,
                  GError             **error)
{
  if (!evaluate_field (self, step, "article", error) || !take_text (self, step, "article", TRUE, &view->article, error))
    return FALSE;
  if (view->article != NULL && !lots_guide_host_has_article (lots_guide_get_host (self->guide), view->article, NULL))
    {
      step_error (self, step, error, "article \"%s\" does not exist", view->article);
      return FALSE;
    }
  return TRUE;
}

/* FIELD ("say" or "ask"), computed and filled in, into *OUT. */
static gboolean
evaluate_text_field (LotsGuideSession    *self,
                     const LotsGuideStep *step,
                     const char          *field,
                     char               **out,
                     GError             **error)
{
  g_autofree char *raw = NULL;

  if (!evaluate_field (self, step, field, error) || !take_text (self, step, field, TRUE, &raw, error))
    return FALSE;
  if (raw == NULL)
    return TRUE;
  *out = fill_in (self, step, raw, error);
  return *out != NULL;
}

static gboolean
evaluate_text (LotsGuideSession    *self,
               const LotsGuideStep *step,
               LotsGuideView       *view,
               GError             **error)
{
  if (!evaluate_text_field (self, step, "say", &view->text, error) ||
      (step->question != NULL && !evaluate_text_field (self, step, "ask", &view->question, error)))
    return FALSE;
  /* A step that only asks shows its question as its text. */
  if (view->text == NULL && view->question != NULL)
    view->text = g_strdup (view->question);
  return TRUE;
}

static int
copy_values (lua_State *state,
             int        from_ref)
{
  lua_newtable (state);
  lua_rawgeti (state, LUA_REGISTRYINDEX, from_ref);
  lua_pushnil (state);
  while (lua_next (state, -2) != 0)
    {
      lua_pushvalue (state, -2);
      lua_insert (state, -2);
      lua_rawset (state, -5);
    }
  lua_pop (state, 1);
  return luaL_ref (state, LUA_REGISTRYINDEX);
}

static void
push_frame (LotsGuideSession *self,
            LotsGuideView    *view)
{
  Frame *frame = g_new0 (Frame, 1);

  frame->view = *view;
  frame->view.acute = self->acute;
  frame->view.acute_reason = g_strdup (self->acute_reason);
  frame->view.refer_to = g_strdup (self->refer_to);
  self->outcome.acute = self->outcome.acute || self->acute;
  outcome_copy (&frame->outcome, &self->outcome);
  frame->values_ref = copy_values (self->state, self->values_ref);
  g_ptr_array_add (self->frames, frame);
}

/* Brings the session's working state back to FRAME's. */
static void
restore_frame (LotsGuideSession *self,
               Frame            *frame)
{
  outcome_copy (&self->outcome, &frame->outcome);
  self->acute = frame->view.acute;
  g_free (self->acute_reason);
  self->acute_reason = g_strdup (frame->view.acute_reason);
  g_free (self->refer_to);
  self->refer_to = g_strdup (frame->view.refer_to);
  luaL_unref (self->state, LUA_REGISTRYINDEX, self->values_ref);
  self->values_ref = copy_values (self->state, frame->values_ref);
}

static gboolean
enter (LotsGuideSession *self,
       const char       *id,
       GError          **error)
{
  const LotsGuideStep *step = lots_guide_find_step (self->guide, id);
  LotsGuideView view = { 0 };
  int type;
  gboolean ok;

  if (step == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s: there is no step \"%s\"",
                   lots_guide_get_path (self->guide), id);
      return FALSE;
    }
  view.step = step;
  view.links = g_ptr_array_new_with_free_func (g_free);

  ok = TRUE;
  if (push_field (self, step, "compute") == LUA_TFUNCTION)
    {
      ok = call_with_values (self, step, "compute", error);
      if (ok)
        lua_pop (self->state, 1);
    }
  else
    lua_pop (self->state, 1);
  ok = ok && evaluate_text (self, step, &view, error);
  ok = ok && evaluate_article (self, step, &view, error);
  ok = ok && evaluate_acute (self, step, view.text, error);
  ok = ok && evaluate_refer (self, step, error);
  ok = ok && evaluate_field (self, step, "outcome", error) && propose_value (self, step, "outcome", error);
  if (ok && (ok = evaluate_field (self, step, "finish", error)))
    {
      type = lua_type (self->state, -1);
      view.finished = type == LUA_TTABLE || lua_toboolean (self->state, -1);
      ok = propose_value (self, step, "finish", error);
      /* A step declared as an end must end: a finish function that gives
       * nothing would leave the handler on a step with no way on. */
      if (ok && step->finishes && !view.finished)
        {
          step_error (self, step, error, "finish gave nothing: return true or an outcome table");
          ok = FALSE;
        }
    }
  ok = ok && collect_proposal (self, step, &view, error);
  if (!ok)
    {
      view_clear (&view);
      /* What the failed step set is undone: back to the last frame. */
      if (current_frame (self) != NULL)
        restore_frame (self, current_frame (self));
      return FALSE;
    }
  push_frame (self, &view);
  return TRUE;
}

/* ---- leaving a step ------------------------------------------------------ */

static gboolean
check_not_finished (LotsGuideSession *self,
                    GError          **error)
{
  if (current_frame (self) == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "the guide could not start: restart it");
      return FALSE;
    }
  if (current_frame (self)->view.finished)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "the guide has finished: go back or restart");
      return FALSE;
    }
  return TRUE;
}

static gboolean
go_next (LotsGuideSession    *self,
         const LotsGuideStep *step,
         GError             **error)
{
  g_autofree char *target = NULL;

  if (step->next != NULL)
    return enter (self, step->next, error);
  if (!step->next_computed)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "step \"%s\" has no next step", step->id);
      return FALSE;
    }
  if (!evaluate_field (self, step, "next", error) || !take_text (self, step, "next", TRUE, &target, error))
    return FALSE;
  if (target == NULL)
    {
      step_error (self, step, error, "next gave no step");
      return FALSE;
    }
  if (!g_strv_contains ((const char *const *) step->leads_to, target))
    {
      step_error (self, step, error, "next gave \"%s\", which leads_to does not list", target);
      return FALSE;
    }
  return enter (self, target, error);
}

/* Keeps VALUE (on top, popped) in s[NAME]. */
static void
save_value (LotsGuideSession *self,
            const char       *name)
{
  lua_rawgeti (self->state, LUA_REGISTRYINDEX, self->values_ref);
  lua_pushstring (self->state, name);
  lua_pushvalue (self->state, -3);
  lua_rawset (self->state, -3);
  lua_pop (self->state, 2);
}

gboolean
lots_guide_session_choose (LotsGuideSession *self,
                           guint             index,
                           GError          **error)
{
  Frame *frame;
  const LotsGuideStep *step;
  const LotsGuideChoice *choice;

  g_return_val_if_fail (self != NULL, FALSE);
  if (!check_not_finished (self, error))
    return FALSE;
  frame = current_frame (self);
  step = frame->view.step;
  if (index < 1 || index > step->choices->len)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "choose 1–%u", step->choices->len);
      if (step->choices->len == 0)
        g_prefix_error (error, "this step offers no choices; ");
      return FALSE;
    }
  choice = g_ptr_array_index (step->choices, index - 1);
  if (step->save != NULL)
    {
      lua_pushstring (self->state, choice->value ? choice->value : choice->label);
      save_value (self, step->save);
    }

  /* A choice's own outcome and finish, read from the declared table. */
  if (push_field (self, step, "choices") != LUA_TTABLE)
    lua_pushnil (self->state);
  else
    lua_rawgeti (self->state, -1, index);
  if (lua_type (self->state, -1) == LUA_TTABLE)
    {
      int choice_table = lua_gettop (self->state);
      gboolean ok = TRUE;

      lua_pushliteral (self->state, "outcome");
      if (lua_rawget (self->state, choice_table) == LUA_TFUNCTION)
        ok = call_with_values (self, step, "outcome", error);
      ok = ok && propose_value (self, step, "outcome", error);
      if (ok && choice->finishes)
        {
          lua_pushliteral (self->state, "finish");
          if (lua_rawget (self->state, choice_table) == LUA_TFUNCTION)
            ok = call_with_values (self, step, "finish", error);
          ok = ok && propose_value (self, step, "finish", error);
        }
      lua_settop (self->state, choice_table - 2);
      if (ok)
        {
          LotsGuideView view = { 0 };
          view.links = g_ptr_array_new_with_free_func (g_free);
          ok = collect_proposal (self, step, &view, error);
          if (ok && choice->finishes)
            {
              view.step = step;
              view.text = g_strdup (frame->view.text);
              view.article = g_strdup (frame->view.article);
              view.finished = TRUE;
              push_frame (self, &view);
              return TRUE;
            }
          view_clear (&view);
        }
      if (!ok)
        {
          restore_frame (self, frame);
          return FALSE;
        }
    }
  else
    lua_pop (self->state, 2);
  if (!enter (self, choice->go, error))
    {
      restore_frame (self, frame);
      return FALSE;
    }
  return TRUE;
}

gboolean
lots_guide_session_choose_label (LotsGuideSession *self,
                                 const char       *label,
                                 GError          **error)
{
  const LotsGuideStep *step;

  g_return_val_if_fail (self != NULL && label != NULL, FALSE);
  if (!check_not_finished (self, error))
    return FALSE;
  step = current_frame (self)->view.step;
  for (guint i = 0; i < step->choices->len; i++)
    {
      const LotsGuideChoice *c = g_ptr_array_index (step->choices, i);
      if (g_utf8_collate (c->label, label) == 0)
        return lots_guide_session_choose (self, i + 1, error);
    }
  g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "step \"%s\" offers no choice \"%s\"", step->id, label);
  return FALSE;
}

static gboolean
run_check (LotsGuideSession    *self,
           const LotsGuideStep *step,
           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  int base;

  /* The normalized value is on top; check (value, s) may refuse it. */
  if (push_field (self, step, "check") != LUA_TFUNCTION)
    {
      lua_pop (self->state, 1);
      return TRUE;
    }
  base = lua_gettop (self->state) - 1;
  lua_pushvalue (self->state, base);
  lua_rawgeti (self->state, LUA_REGISTRYINDEX, self->values_ref);
  if (!lots_guide_sandbox_call (self->sandbox, 2, 2, &local_error))
    {
      step_error (self, step, error, "%s", local_error->message);
      return FALSE;
    }
  if (!lua_toboolean (self->state, -2))
    {
      const char *why = lua_type (self->state, -1) == LUA_TSTRING ? lua_tostring (self->state, -1) : NULL;
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "%s",
                   why && g_utf8_validate (why, -1, NULL) ? why : "the answer was not accepted");
      lua_pop (self->state, 2);
      return FALSE;
    }
  lua_pop (self->state, 2);
  return TRUE;
}

gboolean
lots_guide_session_answer (LotsGuideSession *self,
                           const char       *value,
                           GError          **error)
{
  Frame *frame;
  const LotsGuideStep *step;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (self != NULL && value != NULL, FALSE);
  if (!check_not_finished (self, error))
    return FALSE;
  frame = current_frame (self);
  step = frame->view.step;
  if (step->question == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "step \"%s\" asks nothing", step->id);
      return FALSE;
    }
  normalized = lots_guide_input_normalize (step->input, value, error);
  if (normalized == NULL)
    return FALSE;
  if (step->input == LOTS_GUIDE_INPUT_NUMBER)
    {
      /* 12 stays 12 in the text, not 12.0. */
      double number = g_ascii_strtod (normalized, NULL);
      if (number == (double) (lua_Integer) number && strchr (normalized, '.') == NULL)
        lua_pushinteger (self->state, (lua_Integer) number);
      else
        lua_pushnumber (self->state, number);
    }
  else
    lua_pushstring (self->state, normalized);
  if (!run_check (self, step, error))
    {
      lua_pop (self->state, 1);
      return FALSE;
    }
  save_value (self, step->save);
  if (!go_next (self, step, error))
    {
      restore_frame (self, frame);
      return FALSE;
    }
  return TRUE;
}

gboolean
lots_guide_session_can_proceed (LotsGuideSession *self)
{
  const Frame *frame;

  g_return_val_if_fail (self != NULL, FALSE);
  frame = current_frame (self);
  return frame != NULL && !frame->view.finished && frame->view.step->question == NULL && frame->view.step->choices->len == 0 &&
         (frame->view.step->next != NULL || frame->view.step->next_computed);
}

/* Goes on from a step that only says something. */
gboolean
lots_guide_session_proceed (LotsGuideSession *self,
                            GError          **error)
{
  Frame *frame;

  g_return_val_if_fail (self != NULL, FALSE);
  if (!check_not_finished (self, error))
    return FALSE;
  if (!lots_guide_session_can_proceed (self))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "%s",
                   current_frame (self)->view.finished ? "the guide has finished: go back or restart"
                                                       : "this step needs a choice or an answer");
      return FALSE;
    }
  frame = current_frame (self);
  if (!go_next (self, frame->view.step, error))
    {
      restore_frame (self, frame);
      return FALSE;
    }
  return TRUE;
}

gboolean
lots_guide_session_back (LotsGuideSession *self)
{
  Frame *frame;

  g_return_val_if_fail (self != NULL, FALSE);
  if (self->frames->len < 2)
    return FALSE;
  frame = current_frame (self);
  luaL_unref (self->state, LUA_REGISTRYINDEX, frame->values_ref);
  g_ptr_array_set_size (self->frames, self->frames->len - 1);
  restore_frame (self, current_frame (self));
  return TRUE;
}

static gboolean
start (LotsGuideSession *self,
       GError          **error)
{
  g_autoptr(LotsGuideSandbox) sandbox = _lots_guide_new_sandbox (self->guide, error);

  if (sandbox == NULL)
    return FALSE;
  g_ptr_array_set_size (self->frames, 0);
  g_clear_pointer (&self->sandbox, lots_guide_sandbox_free);
  self->sandbox = g_steal_pointer (&sandbox);
  self->state = lots_guide_sandbox_get_state (self->sandbox);
  lua_newtable (self->state);
  self->values_ref = luaL_ref (self->state, LUA_REGISTRYINDEX);
  outcome_clear (&self->outcome);
  self->outcome.area = g_strdup (lots_guide_get_area (self->guide));
  self->outcome.resolved = -1;
  self->outcome.acute = FALSE;
  self->acute = FALSE;
  g_clear_pointer (&self->acute_reason, g_free);
  g_clear_pointer (&self->refer_to, g_free);
  return enter (self, lots_guide_get_start (self->guide), error);
}

/* Starts again from the first step, in a fresh sandbox. */
gboolean
lots_guide_session_restart (LotsGuideSession *self,
                            GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return start (self, error);
}

LotsGuideSession *
lots_guide_session_new (LotsGuide *guide,
                        GError   **error)
{
  g_autoptr(LotsGuideSession) self = g_new0 (LotsGuideSession, 1);

  g_return_val_if_fail (guide != NULL && !lots_guide_is_module (guide), NULL);
  self->guide = guide;
  self->frames = g_ptr_array_new_with_free_func (frame_free);
  if (!start (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
lots_guide_session_free (LotsGuideSession *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->frames, g_ptr_array_unref);
  g_clear_pointer (&self->sandbox, lots_guide_sandbox_free);
  outcome_clear (&self->outcome);
  g_free (self->acute_reason);
  g_free (self->refer_to);
  g_free (self);
}

LotsGuide *
lots_guide_session_get_guide (LotsGuideSession *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->guide;
}

const LotsGuideView *
lots_guide_session_get_view (LotsGuideSession *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return current_frame (self) ? &current_frame (self)->view : NULL;
}

const LotsGuideOutcome *
lots_guide_session_get_outcome (LotsGuideSession *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return current_frame (self) ? &current_frame (self)->outcome : NULL;
}

gboolean
lots_guide_session_is_finished (LotsGuideSession *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return current_frame (self) != NULL && current_frame (self)->view.finished;
}

/* The ids of the steps taken, first to current (borrowed strings). */
GPtrArray *
lots_guide_session_dup_path (LotsGuideSession *self)
{
  GPtrArray *path = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, path);
  for (guint i = 0; i < self->frames->len; i++)
    {
      const Frame *frame = g_ptr_array_index (self->frames, i);
      /* A choice that finishes leaves a second frame on the same step. */
      if (i > 0 && frame->view.step == ((const Frame *) g_ptr_array_index (self->frames, i - 1))->view.step)
        continue;
      g_ptr_array_add (path, frame->view.step->id);
    }
  return path;
}

char *
lots_guide_session_dup_value (LotsGuideSession *self,
                              const char       *name)
{
  g_return_val_if_fail (self != NULL && name != NULL, NULL);
  return lookup_value (self, name);
}

gsize
lots_guide_session_get_memory (LotsGuideSession *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return lots_guide_sandbox_get_memory (self->sandbox) + sizeof *self +
         self->frames->len * (sizeof (Frame) + 256);
}

/* ---- inputs ------------------------------------------------------------- */

static char *
digits_only (const char *value,
             const char *allowed_separators)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr (allowed_separators, *p) == NULL)
        return (g_string_free (digits, TRUE), NULL);
    }
  return g_string_free (digits, FALSE);
}

/* What the handler typed, checked and in one form: "123 45" → "12345". */
char *
lots_guide_input_normalize (LotsGuideInput input,
                            const char    *value,
                            GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  g_autofree char *digits = NULL;

  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "the answer is not valid text");
      return NULL;
    }
  if (trimmed[0] == '\0')
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "Skriv ett svar först.");
      return NULL;
    }
  switch (input)
    {
    case LOTS_GUIDE_INPUT_POSTCODE:
      digits = digits_only (trimmed, " ");
      if (digits == NULL || strlen (digits) != 5 || digits[0] == '0')
        {
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                       "Ett postnummer har fem siffror, till exempel 123 45.");
          return NULL;
        }
      return g_steal_pointer (&digits);
    case LOTS_GUIDE_INPUT_DATE:
      {
        int year = 0, month = 0, day = 0;
        char end = 0;
        if (sscanf (trimmed, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
            !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || year < 1900)
          {
            g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                         "Skriv datumet som år-månad-dag, till exempel 2026-03-15.");
            return NULL;
          }
        return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      }
    case LOTS_GUIDE_INPUT_NUMBER:
      {
        char *end = NULL;
        g_strdelimit (trimmed, ",", '.');
        g_ascii_strtod (trimmed, &end);
        if (end == NULL || *end != '\0' || strlen (trimmed) > 20)
          {
            g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "Skriv ett tal, till exempel 12 eller 3,5.");
            return NULL;
          }
        return g_steal_pointer (&trimmed);
      }
    case LOTS_GUIDE_INPUT_PHONE:
      digits = digits_only (trimmed[0] == '+' ? trimmed + 1 : trimmed, " -()");
      if (digits == NULL || strlen (digits) < 7 || strlen (digits) > 15)
        {
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                       "Ett telefonnummer har 7–15 siffror, till exempel 08-123 456 78.");
          return NULL;
        }
      return trimmed[0] == '+' ? g_strconcat ("+", digits, NULL) : g_steal_pointer (&digits);
    case LOTS_GUIDE_INPUT_TEXT:
    case LOTS_GUIDE_INPUT_NONE:
    default:
      if (g_utf8_strlen (trimmed, -1) > MAX_TEXT_INPUT)
        {
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "Svaret är för långt: högst %d tecken.",
                       MAX_TEXT_INPUT);
          return NULL;
        }
      return g_steal_pointer (&trimmed);
    }
}

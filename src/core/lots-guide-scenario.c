/* lots-guide-scenario.c — running scenario tests (see the header).
 *
 * A test file is untrusted like a guide: it runs in a sandbox, its
 * scenario {} tables are read back raw, and each scenario drives a fresh
 * session of its guide with the host's clock fixed to the scenario's time.
 */
#define G_LOG_DOMAIN "lots-guide-scenario"

#include "config.h"

#include "lots-guide-scenario.h"

#include <lauxlib.h>
#include <string.h>

#include "lots-calendar.h"
#include "lots-error.h"
#include "lots-guide-private.h"
#include "lots-guide-session.h"

/* More answers than any call has; a scenario is a list a person writes. */
#define MAX_ANSWERS 200
/* Steps passed with Next in a row before the runner suspects a loop. */
#define MAX_PROCEEDS 100

static const char scenarios_key = 'S';

static const char *const scenario_fields[] = { "guide", "at", "answers", "expect", NULL };
static const char *const expect_fields[] = {
  "path", "visits", "ends", "finished", "acute", "refer", "outcome", "says", "refused", NULL
};

typedef struct {
  LotsGuideTestReport *report;
  const char *path;        /* the test file */
  char *name;
  guint line;
  lua_State *state;        /* the test file's; the scenario table on top */
  GHashTable *covered;     /* "guide-id\tstep\tchoice" */
  gboolean failed;
} Run;

LotsGuideTestReport *
lots_guide_test_report_new (void)
{
  LotsGuideTestReport *report = g_new0 (LotsGuideTestReport, 1);

  report->failures = g_ptr_array_new_with_free_func (g_free);
  report->uncovered = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
lots_guide_test_report_free (LotsGuideTestReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->failures);
  g_ptr_array_unref (report->uncovered);
  g_free (report);
}

static void
fail (Run        *run,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
fail (Run        *run,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (run->report->failures,
                   g_strdup_printf ("%s:%u: scenario \"%s\": %s", run->path, run->line, run->name, message));
  run->failed = TRUE;
}

/* "YYYY-MM-DD HH:MM" (or with T, or with :SS) in Stockholm time. */
GDateTime *
lots_guide_parse_time (const char *text)
{
  g_autoptr(GTimeZone) zone = lots_calendar_time_zone ();
  int year, month, day, hour, minute, second = 0;
  char separator = 0, end = 0;
  int n;

  if (text == NULL)
    return NULL;
  n = sscanf (text, "%4d-%2d-%2d%c%2d:%2d:%2d%c", &year, &month, &day, &separator, &hour, &minute, &second, &end);
  if ((n != 6 && n != 7) || (separator != ' ' && separator != 'T') ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || hour > 23 || minute > 59 ||
      second > 59)
    return NULL;
  return g_date_time_new (zone, year, month, day, hour, minute, second);
}

/* ---- declaring ---------------------------------------------------------- */

static int
l_scenario_body (lua_State *state)
{
  luaL_checktype (state, 1, LUA_TTABLE);
  if (lua_rawgetp (state, LUA_REGISTRYINDEX, &scenarios_key) != LUA_TTABLE)
    {
      lua_pop (state, 1);
      lua_newtable (state);
      lua_pushvalue (state, -1);
      lua_rawsetp (state, LUA_REGISTRYINDEX, &scenarios_key);
    }
  lua_createtable (state, 3, 0);
  lua_pushvalue (state, lua_upvalueindex (1));
  lua_rawseti (state, -2, 1);
  lua_pushvalue (state, lua_upvalueindex (2));
  lua_rawseti (state, -2, 2);
  lua_pushvalue (state, 1);
  lua_rawseti (state, -2, 3);
  lua_rawseti (state, -2, (lua_Integer) lua_rawlen (state, -2) + 1);
  return 0;
}

static int
l_scenario (lua_State *state)
{
  lua_Debug debug;
  int line = 0;

  luaL_checkstring (state, 1);
  if (lua_getstack (state, 1, &debug) && lua_getinfo (state, "l", &debug))
    line = debug.currentline;
  lua_settop (state, 1);
  lua_pushinteger (state, line);
  lua_pushcclosure (state, l_scenario_body, 2);
  return 1;
}

/* ---- reading what a scenario says --------------------------------------- */

static char *
text_field (lua_State  *state,
            int         table,
            const char *name)
{
  char *text = NULL;

  lua_pushstring (state, name);
  if (lua_rawget (state, table) == LUA_TSTRING && g_utf8_validate (lua_tostring (state, -1), -1, NULL))
    text = g_strdup (lua_tostring (state, -1));
  lua_pop (state, 1);
  return text;
}

static GPtrArray *
text_list (lua_State  *state,
           int         table,
           const char *name)
{
  GPtrArray *list = NULL;

  lua_pushstring (state, name);
  if (lua_rawget (state, table) == LUA_TTABLE)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      for (lua_Integer i = 1; i <= (lua_Integer) lua_rawlen (state, -1) && i <= MAX_ANSWERS; i++)
        {
          int type = lua_rawgeti (state, -1, i);
          if (type == LUA_TSTRING || type == LUA_TNUMBER)
            g_ptr_array_add (list, g_strdup (lua_tostring (state, -1)));
          else
            g_ptr_array_add (list, g_strdup (""));
          lua_pop (state, 1);
        }
    }
  lua_pop (state, 1);
  return list;
}

/* -1 absent, 0 false, 1 true */
static int
flag_field (lua_State  *state,
            int         table,
            const char *name)
{
  int flag = -1;

  lua_pushstring (state, name);
  if (lua_rawget (state, table) == LUA_TBOOLEAN)
    flag = lua_toboolean (state, -1);
  lua_pop (state, 1);
  return flag;
}

static void
check_unknown_fields (Run               *run,
                      int                table,
                      const char        *what,
                      const char *const *known)
{
  lua_pushnil (run->state);
  while (lua_next (run->state, table) != 0)
    {
      lua_pop (run->state, 1);
      if (lua_type (run->state, -1) != LUA_TSTRING || !g_strv_contains (known, lua_tostring (run->state, -1)))
        fail (run, "unknown %s field \"%s\"", what,
              lua_type (run->state, -1) == LUA_TSTRING ? lua_tostring (run->state, -1) : "?");
    }
}

/* ---- driving a session ---------------------------------------------------- */

static void
mark_covered (Run              *run,
              LotsGuideSession *session,
              int               choice)
{
  const LotsGuideView *view = lots_guide_session_get_view (session);

  g_hash_table_add (run->covered, g_strdup_printf ("%s\t%s\t%d", lots_guide_get_id (lots_guide_session_get_guide (session)),
                                                   view->step->id, choice));
}

static gboolean
proceed_while_possible (Run              *run,
                        LotsGuideSession *session,
                        GError          **error)
{
  for (guint i = 0; lots_guide_session_can_proceed (session); i++)
    {
      if (i >= MAX_PROCEEDS)
        {
          fail (run, "more than %d steps in a row only say something: a loop?", MAX_PROCEEDS);
          return FALSE;
        }
      if (!lots_guide_session_proceed (session, error))
        return FALSE;
    }
  return TRUE;
}

/* Gives ANSWER to the current step. */
static gboolean
give_answer (LotsGuideSession *session,
             const char       *answer,
             int              *choice,
             GError          **error)
{
  const LotsGuideStep *step = lots_guide_session_get_view (session)->step;
  char *end = NULL;
  guint64 number;

  *choice = 0;
  if (step->choices->len > 0)
    {
      number = g_ascii_strtoull (answer, &end, 10);
      if (end != NULL && *end == '\0' && end != answer && number >= 1 && number <= step->choices->len)
        *choice = (int) number;
      else
        for (guint i = 0; i < step->choices->len && *choice == 0; i++)
          if (g_strcmp0 (((LotsGuideChoice *) step->choices->pdata[i])->label, answer) == 0)
            *choice = (int) i + 1;
      if (*choice == 0)
        {
          GString *labels = g_string_new (NULL);
          for (guint i = 0; i < step->choices->len; i++)
            g_string_append_printf (labels, "%s\"%s\"", i ? ", " : "",
                                    ((LotsGuideChoice *) step->choices->pdata[i])->label);
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "step \"%s\" has no choice \"%s\" (it offers %s)",
                       step->id, answer, labels->str);
          g_string_free (labels, TRUE);
          return FALSE;
        }
      return lots_guide_session_choose (session, (guint) *choice, error);
    }
  if (step->question != NULL)
    return lots_guide_session_answer (session, answer, error);
  g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "step \"%s\" takes no answer, but the scenario gives \"%s\"",
               step->id, answer);
  return FALSE;
}

static char *
join_path (GPtrArray *path)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < path->len; i++)
    g_string_append_printf (text, "%s%s", i ? " → " : "", (const char *) path->pdata[i]);
  return g_string_free (text, FALSE);
}

static void
expect_outcome (Run                    *run,
                int                     expect,
                const LotsGuideOutcome *outcome)
{
  lua_State *state = run->state;
  int table;

  lua_pushliteral (state, "outcome");
  if (lua_rawget (state, expect) != LUA_TTABLE)
    {
      lua_pop (state, 1);
      return;
    }
  table = lua_gettop (state);
  lua_pushnil (state);
  while (lua_next (state, table) != 0)
    {
      const char *field = lua_type (state, -2) == LUA_TSTRING ? lua_tostring (state, -2) : "?";
      const char *got = NULL;
      g_autofree char *wanted = NULL;

      if (g_str_equal (field, "resolved") || g_str_equal (field, "acute"))
        {
          gboolean value = g_str_equal (field, "resolved") ? outcome->resolved == 1 : outcome->acute;
          if (lua_type (state, -1) != LUA_TBOOLEAN || lua_toboolean (state, -1) != value ||
              (g_str_equal (field, "resolved") && outcome->resolved < 0))
            fail (run, "expected outcome %s = %s, got %s", field, lua_toboolean (state, -1) ? "true" : "false",
                  g_str_equal (field, "resolved") && outcome->resolved < 0 ? "nothing" : value ? "true" : "false");
          lua_pop (state, 1);
          continue;
        }
      if (g_str_equal (field, "area"))
        got = outcome->area;
      else if (g_str_equal (field, "category"))
        got = outcome->category;
      else if (g_str_equal (field, "referred_to"))
        got = outcome->referred_to;
      else if (g_str_equal (field, "complaint_to"))
        got = outcome->complaint_to;
      else
        fail (run, "unknown outcome field \"%s\"", field);
      wanted = lua_type (state, -1) == LUA_TSTRING ? g_strdup (lua_tostring (state, -1)) : NULL;
      if (wanted == NULL && lua_type (state, -1) != LUA_TBOOLEAN)
        fail (run, "expected outcome %s must be text", field);
      else if (wanted == NULL && lua_toboolean (state, -1) == FALSE && got != NULL)
        fail (run, "expected no outcome %s, got \"%s\"", field, got);
      else if (wanted != NULL && g_strcmp0 (wanted, got) != 0)
        fail (run, "expected outcome %s = \"%s\", got %s%s%s", field, wanted, got ? "\"" : "",
              got ? got : "nothing", got ? "\"" : "");
      lua_pop (state, 1);
    }
  lua_pop (state, 1);
}

static void
check_expectations (Run              *run,
                    int               expect,
                    LotsGuideSession *session,
                    const char       *refusal)
{
  static const char *const text_only[] = { "refer", "ends", "says", "refused" };
  const LotsGuideView *view = lots_guide_session_get_view (session);
  g_autoptr(GPtrArray) path = lots_guide_session_dup_path (session);
  g_autoptr(GPtrArray) wanted_path = text_list (run->state, expect, "path");
  g_autoptr(GPtrArray) visits = text_list (run->state, expect, "visits");
  g_autofree char *ends = text_field (run->state, expect, "ends");
  g_autofree char *refer = text_field (run->state, expect, "refer");
  g_autofree char *says = text_field (run->state, expect, "says");
  g_autofree char *refused = text_field (run->state, expect, "refused");
  g_autofree char *taken = join_path (path);
  int finished = flag_field (run->state, expect, "finished");
  int acute = flag_field (run->state, expect, "acute");

  check_unknown_fields (run, expect, "expect", expect_fields);
  if (refused != NULL && (refusal == NULL || strstr (refusal, refused) == NULL))
    fail (run, "expected an answer to be refused with \"%s\", %s%s", refused,
          refusal ? "but the refusal said: " : "but every answer was accepted", refusal ? refusal : "");
  if (wanted_path != NULL)
    {
      g_autofree char *wanted = join_path (wanted_path);
      if (g_strcmp0 (wanted, taken) != 0)
        fail (run, "expected the path %s, took %s", wanted, taken);
    }
  for (guint i = 0; visits && i < visits->len; i++)
    if (!g_ptr_array_find_with_equal_func (path, visits->pdata[i], g_str_equal, NULL))
      fail (run, "expected to visit \"%s\", took %s", (char *) visits->pdata[i], taken);
  if (ends != NULL && g_strcmp0 (ends, view->step->id) != 0)
    fail (run, "expected to end at \"%s\", ended at \"%s\" (took %s)", ends, view->step->id, taken);
  if (finished >= 0 && finished != view->finished)
    fail (run, "expected the call %s, but it %s at \"%s\"", finished ? "to finish" : "not to finish",
          view->finished ? "finished" : "did not finish", view->step->id);
  if (acute >= 0 && acute != view->acute)
    fail (run, "expected the case %s, but it was %s", acute ? "to be acute" : "not to be acute",
          view->acute ? "acute" : "not acute");
  if (refer != NULL && g_strcmp0 (refer, view->refer_to) != 0)
    fail (run, "expected a referral to \"%s\", got %s", refer, view->refer_to ? view->refer_to : "none");
  if (flag_field (run->state, expect, "refer") == 0 && view->refer_to != NULL)
    fail (run, "expected no referral, got \"%s\"", view->refer_to);
  for (guint i = 0; i < G_N_ELEMENTS (text_only); i++)
    {
      lua_pushstring (run->state, text_only[i]);
      if (lua_rawget (run->state, expect) != LUA_TNIL && lua_type (run->state, -1) != LUA_TSTRING &&
          !(g_str_equal (text_only[i], "refer") && lua_type (run->state, -1) == LUA_TBOOLEAN &&
            !lua_toboolean (run->state, -1)))
        fail (run, "expect.%s must be text%s", text_only[i],
              g_str_equal (text_only[i], "refer") ? " (or false: no referral)" : "");
      lua_pop (run->state, 1);
    }
  if (says != NULL && (view->text == NULL || strstr (view->text, says) == NULL))
    fail (run, "expected the last step to say \"%s\", it says: %s", says, view->text ? view->text : "nothing");
  expect_outcome (run, expect, lots_guide_session_get_outcome (session));
}

static void
run_scenario (Run              *run,
              LotsGuideLibrary *library)
{
  lua_State *state = run->state;
  int table = lua_gettop (state);
  g_autofree char *guide_id = text_field (state, table, "guide");
  g_autofree char *at = text_field (state, table, "at");
  g_autoptr(GPtrArray) answers = text_list (state, table, "answers");
  g_autoptr(GDateTime) when = lots_guide_parse_time (at ? at : LOTS_GUIDE_SCENARIO_DEFAULT_TIME);
  g_autoptr(LotsGuideSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *expected_refusal = NULL;
  LotsGuide *guide;
  int expect;

  check_unknown_fields (run, table, "scenario", scenario_fields);
  if (guide_id == NULL || (guide = lots_guide_library_find (library, guide_id)) == NULL)
    {
      fail (run, guide_id ? "there is no guide \"%s\" in this source" : "guide = \"AREA/NAME\" is missing%s",
            guide_id ? guide_id : "");
      return;
    }
  if (when == NULL)
    {
      fail (run, "at = \"%s\" is not a time such as \"2026-11-23 14:30\"", at);
      return;
    }
  lots_guide_host_set_now (lots_guide_library_get_host (library), when);
  session = lots_guide_session_new (guide, &error);
  for (guint i = 0; session != NULL && error == NULL && answers && i <= answers->len; i++)
    {
      int choice = 0;

      if (!proceed_while_possible (run, session, &error) || i == answers->len)
        break;
      if (!give_answer (session, answers->pdata[i], &choice, &error))
        {
          if (g_error_matches (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT))
            refusal = g_strdup_printf ("answer %u (\"%s\"): %s", i + 1, (char *) answers->pdata[i], error->message);
          break;
        }
      if (lots_guide_session_is_finished (session))
        mark_covered (run, session, choice);
    }
  if (session != NULL && error == NULL && lots_guide_session_is_finished (session))
    mark_covered (run, session, 0);
  lots_guide_host_set_now (lots_guide_library_get_host (library), NULL);

  if (error != NULL && refusal == NULL)
    {
      fail (run, "%s", error->message);
      return;
    }
  lua_pushliteral (state, "expect");
  if (lua_rawget (state, table) != LUA_TTABLE)
    {
      fail (run, "expect = { … } is missing: say what must follow");
      lua_pop (state, 1);
      return;
    }
  expect = lua_gettop (state);
  expected_refusal = text_field (state, expect, "refused");
  if (refusal != NULL && expected_refusal == NULL)
    fail (run, "%s", refusal);
  else
    check_expectations (run, expect, session, refusal);
  lua_pop (state, 1);
}

/* Records the ends (finishing steps and choices) no scenario reached. */
static void
report_uncovered (LotsGuideLibrary    *library,
                  GHashTable          *covered,
                  GHashTable          *tested_guides,
                  LotsGuideTestReport *report)
{
  GPtrArray *guides = lots_guide_library_get_guides (library);

  for (guint g = 0; g < guides->len; g++)
    {
      LotsGuide *guide = g_ptr_array_index (guides, g);
      GPtrArray *steps = lots_guide_get_steps (guide);

      if (!g_hash_table_contains (tested_guides, lots_guide_get_id (guide)))
        {
          g_ptr_array_add (report->uncovered, g_strdup_printf ("%s:%u: guide \"%s\" has no scenario tests",
                                                               lots_guide_get_path (guide), lots_guide_get_line (guide),
                                                               lots_guide_get_id (guide)));
          continue;
        }
      for (guint s = 0; s < steps->len; s++)
        {
          const LotsGuideStep *step = g_ptr_array_index (steps, s);
          g_autofree char *key = g_strdup_printf ("%s\t%s\t0", lots_guide_get_id (guide), step->id);

          if (step->finishes && !g_hash_table_contains (covered, key))
            g_ptr_array_add (report->uncovered, g_strdup_printf ("%s:%u: step \"%s\": no scenario ends the call here",
                                                                 lots_guide_get_path (guide), step->line, step->id));
          for (guint c = 0; c < step->choices->len; c++)
            {
              const LotsGuideChoice *choice = g_ptr_array_index (step->choices, c);
              g_autofree char *choice_key = g_strdup_printf ("%s\t%s\t%u", lots_guide_get_id (guide), step->id,
                                                             choice->index);
              if (choice->finishes && !g_hash_table_contains (covered, choice_key))
                g_ptr_array_add (report->uncovered,
                                 g_strdup_printf ("%s:%u: step \"%s\", choice %u (\"%s\"): no scenario ends the call here",
                                                  lots_guide_get_path (guide), step->line, step->id, choice->index,
                                                  choice->label));
            }
        }
    }
}

static void
run_file (LotsGuideLibrary    *library,
          const LotsSourceFile *file,
          GHashTable          *covered,
          GHashTable          *tested_guides,
          LotsGuideTestReport *report)
{
  g_autoptr(LotsGuideSandbox) sandbox = lots_guide_sandbox_new (NULL);
  g_autoptr(GError) error = NULL;
  lua_State *state = lots_guide_sandbox_get_state (sandbox);
  gsize length = 0;
  const char *text = file->bytes ? g_bytes_get_data (file->bytes, &length) : NULL;

  lots_guide_sandbox_add_function (sandbox, "scenario", l_scenario, NULL);
  if (text == NULL || !g_utf8_validate_len (text, length, NULL))
    {
      g_ptr_array_add (report->failures, g_strdup_printf ("%s:1: %s", file->display,
                                                          text ? "not valid UTF-8 text" : "the file is too large"));
      report->failed++;
      return;
    }
  if (!lots_guide_sandbox_run (sandbox, file->display, text, length, &error))
    {
      g_ptr_array_add (report->failures, g_strdup (error->message));
      report->failed++;
      return;
    }
  if (lua_rawgetp (state, LUA_REGISTRYINDEX, &scenarios_key) != LUA_TTABLE)
    {
      g_ptr_array_add (report->failures, g_strdup_printf ("%s:1: the file declares no scenario", file->display));
      report->failed++;
      lua_pop (state, 1);
      return;
    }
  for (lua_Integer i = 1; i <= (lua_Integer) lua_rawlen (state, -1); i++)
    {
      Run run = { report, file->display, NULL, 0, state, covered, FALSE };
      g_autofree char *guide_id = NULL;

      lua_rawgeti (state, -1, i);
      lua_rawgeti (state, -1, 1);
      run.name = g_strdup (lua_tostring (state, -1));
      lua_rawgeti (state, -2, 2);
      run.line = (guint) lua_tointeger (state, -1);
      lua_rawgeti (state, -3, 3);
      guide_id = text_field (state, lua_gettop (state), "guide");
      if (guide_id != NULL)
        g_hash_table_add (tested_guides, g_steal_pointer (&guide_id));
      run_scenario (&run, library);
      lua_pop (state, 4);
      if (run.failed)
        report->failed++;
      else
        report->passed++;
      g_free (run.name);
    }
  lua_pop (state, 1);
}

/* Runs the scenarios of every test file of LIBRARY, or only of the file
 * whose path is ONLY_PATH. Coverage is reported when all of them ran. */
void
lots_guide_run_scenarios (LotsGuideLibrary    *library,
                          const char          *only_path,
                          LotsGuideTestReport *report)
{
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tested_guides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *tests = lots_guide_library_get_tests (library);

  g_return_if_fail (library != NULL && report != NULL);
  for (guint i = 0; i < tests->len; i++)
    {
      const LotsSourceFile *file = g_ptr_array_index (tests, i);
      if (only_path == NULL || g_strcmp0 (only_path, file->display) == 0 || g_strcmp0 (only_path, file->path) == 0)
        run_file (library, file, covered, tested_guides, report);
    }
  if (only_path == NULL)
    report_uncovered (library, covered, tested_guides, report);
}

/* test-guide.c — guides from file to finished call: loading and its
 * messages (lots-guide.c), static checks (lots-guide-check.c), sessions
 * with back and restart (lots-guide-session.c), the host API
 * (lots-guide-host.c) and the scenario runner (lots-guide-scenario.c).
 *
 * Each test writes a small source (manifest, a units table, postcodes, one
 * article) into its own folder and loads it as lotsctl does.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-guide-check.h"
#include "lots-guide-library.h"
#include "lots-guide-scenario.h"
#include "lots-guide-session.h"
#include "lots-source.h"
#include "lots-test-util.h"

static const char units_csv[] =
  "id,namn,typ,forvaltning,telefon,epost,oppettider,sommartider,lunch,anteckning\n"
  "mottagning,Mottagningen,socialtjanst,norrmalm,08-111 111,m@exempel.se,"
  "\"mån-tor 08:00-16:30; fre 08:00-16:00\",\"mån-tor 08:00-16:00; fre 08:00-15:00\",12:00-13:00,\n"
  "jouren,Jouren,jour,,08-222 222,j@exempel.se,dygnet runt,,,\n";
static const char postcodes_csv[] =
  "postnummer,postort,stadsdelsomrade,forvaltning\n"
  "11122,STOCKHOLM,Norrmalm,norrmalm\n";

/* A guide that uses most of what a guide can say. */
static const char walk_lua[] =
  "guide { id = \"social/prov\", title = \"Prov\", area = \"social\", start = \"borja\" }\n"       /* 1 */
  "\n"
  "step \"borja\" {\n"                                                                         /* 3 */
  "  say = \"Vad gäller det?\",\n"
  "  save = \"galler\",\n"
  "  choices = {\n"
  "    { \"Fråga\", go = \"svar\", outcome = { category = \"fråga\" } },\n"
  "    { \"Akut\", go = \"postnummer\", value = \"akut\" },\n"
  "    { \"Inget\", finish = { category = \"inget\", resolved = true } },\n"
  "  },\n"
  "}\n"
  "step \"svar\" { say = \"Svara.\", article = \"social/prov\", finish = { resolved = true } }\n" /* 12 */
  "step \"postnummer\" {\n"                                                                    /* 13 */
  "  ask = \"Postnummer?\", input = \"postcode\", save = \"postnummer\",\n"
  "  acute = \"Akut ärende\",\n"
  "  next = function (s)\n"
  "    if lookup (\"postnummer\", s.postnummer) then return \"hanvisa\" end\n"
  "    return \"okant\"\n"
  "  end,\n"
  "  leads_to = { \"hanvisa\", \"okant\" },\n"
  "}\n"
  "step \"hanvisa\" {\n"                                                                       /* 22 */
  "  compute = function (s) s.enhet = open_now (\"mottagning\") and unit (\"mottagning\") or unit (\"jouren\") end,\n"
  "  say = \"Hänvisa till {enhet.namn}, {enhet.telefon} ({postnummer}).\",\n"
  "  refer = function (s) return s.enhet.id end,\n"
  "  finish = { resolved = false, category = \"akut\" },\n"
  "}\n"
  "step \"okant\" { say = \"Okänt postnummer {postnummer}.\", refer = \"jouren\", finish = true }\n";

typedef struct {
  char *dir;
  GPtrArray *diagnostics;
  LotsGuideLibrary *library;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->library, lots_guide_library_free);
  g_clear_pointer (&f->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&f->dir, lots_test_sandbox_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

/* A source with GUIDES (pairs of path, text, NULL-terminated). */
static void
fixture_load (Fixture            *f,
              const char *const  *guides)
{
  LotsSource *source;
  g_autoptr(GError) error = NULL;

  f->dir = lots_test_sandbox_new ();
  f->diagnostics = lots_diagnostics_new ();
  lots_test_write_manifest (f->dir, "prov", "social, allmant");
  lots_test_write (f->dir, "data/enheter.csv", units_csv, -1);
  lots_test_write (f->dir, "data/postnummer.csv", postcodes_csv, -1);
  lots_test_write_article (f->dir, "social/prov.md", "social/prov", "Provartikel", "social", NULL, "Text.\n");
  for (guint i = 0; guides[i] != NULL; i += 2)
    lots_test_write (f->dir, guides[i], guides[i + 1], -1);
  source = lots_source_load_dir (f->dir, NULL, f->diagnostics, &error);
  g_assert_no_error (error);
  f->library = lots_guide_library_new (source, f->diagnostics);
  for (guint i = 0; i < f->diagnostics->len; i++)
    {
      g_autofree char *line = lots_diagnostic_format (g_ptr_array_index (f->diagnostics, i), f->dir);
      g_test_message ("%s", line);
    }
}

/* Whether some diagnostic of FILE at LINE has NEEDLE in its message. */
static gboolean
has_diagnostic (GPtrArray  *diagnostics,
                const char *file,
                guint       line,
                const char *needle)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (diagnostics, i);
      if (g_str_has_suffix (d->path, file) && d->line == line && strstr (d->message, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
assert_diagnostic (GPtrArray  *diagnostics,
                   const char *file,
                   guint       line,
                   const char *needle)
{
  if (!has_diagnostic (diagnostics, file, line, needle))
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          g_autofree char *text = lots_diagnostic_format (g_ptr_array_index (diagnostics, i), NULL);
          g_printerr ("  %s\n", text);
        }
      g_error ("no diagnostic %s:%u: …%s…", file, line, needle);
    }
}

/* ---- loading ---------------------------------------------------------- */

static void
test_load_errors (void)
{
  static const struct {
    const char *text;
    guint line;
    const char *needle;
  } cases[] = {
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\nstep \"x\" { say = = 1 }\n", 2,
      "unexpected symbol" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\n\nstep \"x\" { sya = \"hej\" }\n", 3,
      "unknown field \"sya\" (did you mean \"say\"?)" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\nstep \"x\" { say = \"a\",\n"
      "  choices = { { \"Ja\" } } }\n", 2, "needs either go = \"step\" or finish" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\nstep \"x\" { ask = \"Vad?\", next = \"x\" }\n",
      2, "ask needs save" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\n"
      "step \"x\" { say = \"a\", next = function () return \"x\" end }\n", 2, "list the steps it may return in leads_to" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\nstep \"x\" { say = \"a\", finish = true }\n"
      "step \"x\" { say = \"b\", finish = true }\n", 3, "declared twice" },
    { "guide { title = \"A\", area = \"social\", start = \"x\" }\nstep \"x\" { say = \"a\", finish = true }\n", 1,
      "id is missing" },
    { "guide { id = \"Social A\", title = \"A\", area = \"social\", start = \"x\" }\n", 1, "must be AREA/NAME" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\nstep \"x\" { input = \"postcode\" }\n", 2,
      "input without ask" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\n\nerror (\"trasig\")\n", 3, "trasig" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\nstep \"x\" { ask = \"?\", save = \"v\", "
      "input = \"postkod\", next = \"x\" }\n", 2, "is not one of text, postcode" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\nwhile true do end\n", 2,
      "too many instructions" },
    { "guide { id = \"social/a\", title = \"A\", area = \"social\", start = \"x\" }\nlocal s = \"\xff\xfe\"\n", 2,
      "not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *guides[] = { "social/a.lua", cases[i].text, NULL };
      g_auto(Fixture) f = { 0 };

      fixture_load (&f, guides);
      assert_diagnostic (f.diagnostics, "social/a.lua", cases[i].line, cases[i].needle);
      g_assert_cmpuint (lots_guide_library_get_guides (f.library)->len, ==, 0);
    }
}

static void
test_load_model (void)
{
  const char *guides[] = { "social/prov.lua", walk_lua, NULL };
  g_auto(Fixture) f = { 0 };
  LotsGuide *guide;
  const LotsGuideStep *step;
  g_autoptr(GPtrArray) targets = NULL;

  fixture_load (&f, guides);
  g_assert_cmpuint (lots_diagnostics_n_errors (f.diagnostics), ==, 0);
  guide = lots_guide_library_find (f.library, "social/prov");
  g_assert_nonnull (guide);
  g_assert_cmpstr (lots_guide_get_title (guide), ==, "Prov");
  g_assert_cmpuint (lots_guide_get_steps (guide)->len, ==, 5);
  step = lots_guide_find_step (guide, "borja");
  g_assert_cmpuint (step->line, ==, 3);
  g_assert_cmpuint (step->choices->len, ==, 3);
  g_assert_true (((LotsGuideChoice *) step->choices->pdata[2])->finishes);
  step = lots_guide_find_step (guide, "postnummer");
  g_assert_cmpuint (step->line, ==, 13);
  g_assert_true (step->next_computed);
  g_assert_cmpint (step->input, ==, LOTS_GUIDE_INPUT_POSTCODE);
  targets = lots_guide_step_targets (step);
  g_assert_cmpuint (targets->len, ==, 2);
  lots_guide_library_check (f.library, f.diagnostics);
  g_assert_cmpuint (lots_diagnostics_n_errors (f.diagnostics), ==, 0);
}

/* ---- checks -------------------------------------------------------------- */

static void
test_check (void)
{
  static const char text[] =
    "guide { id = \"social/fel\", title = \"Fel\", area = \"aldre\", start = \"a\" }\n"   /* 1 */
    "step \"a\" { say = \"a\", choices = { { \"1\", go = \"finns-inte\" }, { \"2\", go = \"b\" },\n" /* 2 */
    "  { \"3\", go = \"c\" }, { \"4\", go = \"loop1\" } } }\n"
    "step \"b\" { say = \"b\" }\n"                                                      /* 4 */
    "step \"c\" { say = \"c\", article = \"social/saknas\", finish = true }\n"        /* 5 */
    "step \"loop1\" { say = \"l\", next = \"loop2\" }\n"                               /* 6 */
    "step \"loop2\" { say = \"l\", next = \"loop1\" }\n"                               /* 7 */
    "step \"ensam\" { say = \"x\", finish = true }\n"                                   /* 8 */
    "step \"d\" { say = \"d\", refer = \"okand-enhet\", finish = true }\n"            /* 9 */
    "local x = lookup (\"saknad_tabell\", \"1\")\n"                                     /* 10 */
    "-- lookup (\"i_kommentar\", \"1\")\n"                                              /* 11 */
    "local y = article \"social/inte-heller\"\n";                                       /* 12 */
  const char *guides[] = { "social/fel.lua", text, NULL };
  g_auto(Fixture) f = { 0 };

  fixture_load (&f, guides);
  /* lookup() at the top level fails at load: the checker needs a loaded guide. */
  if (lots_guide_library_get_guides (f.library)->len == 0)
    {
      assert_diagnostic (f.diagnostics, "social/fel.lua", 10, "no table data/saknad_tabell.csv");
      return;
    }
  g_assert_not_reached ();
}

static void
test_check_graph (void)
{
  static const char text[] =
    "guide { id = \"social/fel\", title = \"Fel\", area = \"aldre\", start = \"a\" }\n"   /* 1 */
    "step \"a\" { say = \"a\", choices = { { \"1\", go = \"finns-inte\" }, { \"2\", go = \"b\" },\n" /* 2 */
    "  { \"3\", go = \"c\" }, { \"4\", go = \"loop1\" } } }\n"
    "step \"b\" { say = \"b\" }\n"                                                      /* 4 */
    "step \"c\" { say = \"c\", article = \"social/saknas\", finish = true }\n"        /* 5 */
    "step \"loop1\" { say = \"l\", next = \"loop2\" }\n"                               /* 6 */
    "step \"loop2\" { say = \"l\", next = \"loop1\" }\n"                               /* 7 */
    "step \"ensam\" { say = \"x\", finish = true }\n"                                   /* 8 */
    "step \"d\" { say = \"d\", refer = \"okand-enhet\", finish = true }\n"            /* 9 */
    "local f = function () return lookup (\"saknad_tabell\", \"1\") end\n"             /* 10 */
    "-- lookup (\"i_kommentar\", \"1\")\n"                                              /* 11 */
    "local g = function () return article \"social/inte-heller\" end\n";               /* 12 */
  const char *guides[] = { "social/fel.lua", text, NULL };
  g_auto(Fixture) f = { 0 };

  fixture_load (&f, guides);
  g_assert_cmpuint (lots_diagnostics_n_errors (f.diagnostics), ==, 0);
  lots_guide_library_check (f.library, f.diagnostics);
  assert_diagnostic (f.diagnostics, "social/fel.lua", 1, "area \"aldre\" is not one of the source's areas");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 1, "must start with its area");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 2, "goes to \"finns-inte\", which names no step");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 4, "step \"b\" has no way out: give it next");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 5, "article \"social/saknas\" does not exist");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 6, "no call that reaches it can ever finish");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 8, "step \"ensam\" cannot be reached");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 9, "unit \"okand-enhet\"");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 10, "no data table data/saknad_tabell.csv");
  assert_diagnostic (f.diagnostics, "social/fel.lua", 12, "article \"social/inte-heller\" does not exist");
  g_assert_false (has_diagnostic (f.diagnostics, "social/fel.lua", 11, "i_kommentar"));
}

/* ---- sessions -------------------------------------------------------- */

static LotsGuideSession *
start_session (Fixture    *f,
               const char *at)
{
  LotsGuide *guide = lots_guide_library_find (f->library, "social/prov");
  g_autoptr(GDateTime) when = lots_guide_parse_time (at);
  g_autoptr(GError) error = NULL;
  LotsGuideSession *session;

  g_assert_nonnull (guide);
  g_assert_nonnull (when);
  lots_guide_host_set_now (lots_guide_library_get_host (f->library), when);
  session = lots_guide_session_new (guide, &error);
  g_assert_no_error (error);
  return session;
}

static const char *
current_step (LotsGuideSession *session)
{
  return lots_guide_session_get_view (session)->step->id;
}

static void
test_session_walk (void)
{
  const char *guides[] = { "social/prov.lua", walk_lua, NULL };
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsGuideSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) path = NULL;
  const LotsGuideView *view;
  const LotsGuideOutcome *outcome;
  g_autofree char *postcode = NULL;

  fixture_load (&f, guides);
  session = start_session (&f, "2026-11-24 10:15");
  g_assert_cmpstr (current_step (session), ==, "borja");
  g_assert_false (lots_guide_session_get_view (session)->acute);
  g_assert_true (lots_guide_session_choose (session, 2, &error));
  g_assert_cmpstr (current_step (session), ==, "postnummer");
  g_assert_true (lots_guide_session_get_view (session)->acute);
  g_assert_cmpstr (lots_guide_session_get_view (session)->acute_reason, ==, "Akut ärende");

  /* A bad postcode is refused and changes nothing. */
  g_assert_false (lots_guide_session_answer (session, "1234", &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpstr (current_step (session), ==, "postnummer");

  g_assert_true (lots_guide_session_answer (session, " 111 22 ", &error));
  g_assert_no_error (error);
  view = lots_guide_session_get_view (session);
  g_assert_cmpstr (view->step->id, ==, "hanvisa");
  g_assert_cmpstr (view->text, ==, "Hänvisa till Mottagningen, 08-111 111 (11122).");
  g_assert_cmpstr (view->refer_to, ==, "mottagning");
  g_assert_true (view->acute);
  g_assert_true (view->finished);
  outcome = lots_guide_session_get_outcome (session);
  g_assert_cmpstr (outcome->area, ==, "social");
  g_assert_cmpstr (outcome->category, ==, "akut");
  g_assert_cmpint (outcome->resolved, ==, 0);
  g_assert_cmpstr (outcome->referred_to, ==, "mottagning");
  g_assert_true (outcome->acute);
  postcode = lots_guide_session_dup_value (session, "postnummer");
  g_assert_cmpstr (postcode, ==, "11122");
  path = lots_guide_session_dup_path (session);
  g_assert_cmpuint (path->len, ==, 3);
  g_assert_cmpstr (path->pdata[2], ==, "hanvisa");

  /* Finished: nothing more to choose. */
  g_assert_false (lots_guide_session_choose (session, 1, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
}

static void
test_session_time (void)
{
  const char *guides[] = { "social/prov.lua", walk_lua, NULL };
  g_auto(Fixture) f = { 0 };
  static const struct {
    const char *at;
    const char *unit;
  } cases[] = {
    { "2026-11-24 10:15", "mottagning" },  /* a Tuesday morning */
    { "2026-11-24 12:30", "jouren" },      /* lunch */
    { "2026-11-27 16:15", "jouren" },      /* Friday after 16:00 */
    { "2026-11-26 16:15", "mottagning" },  /* Thursday before 16:30 */
    { "2026-07-02 16:15", "jouren" },      /* summer Thursday: 16:00 */
    { "2026-12-24 10:00", "jouren" },      /* julafton */
    { "2026-06-19 10:00", "jouren" },      /* midsommarafton */
    { "2026-03-29 10:00", "jouren" },      /* a Sunday */
  };

  fixture_load (&f, guides);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LotsGuideSession) session = start_session (&f, cases[i].at);
      g_autoptr(GError) error = NULL;

      g_assert_true (lots_guide_session_choose (session, 2, &error));
      g_assert_true (lots_guide_session_answer (session, "11122", &error));
      g_assert_no_error (error);
      if (g_strcmp0 (lots_guide_session_get_view (session)->refer_to, cases[i].unit) != 0)
        g_error ("at %s: referred to %s, expected %s", cases[i].at, lots_guide_session_get_view (session)->refer_to,
                 cases[i].unit);
    }
}

static void
test_session_back_and_restart (void)
{
  const char *guides[] = { "social/prov.lua", walk_lua, NULL };
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsGuideSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  fixture_load (&f, guides);
  session = start_session (&f, "2026-11-24 10:15");
  g_assert_false (lots_guide_session_back (session));
  g_assert_true (lots_guide_session_choose (session, 2, &error));
  g_assert_true (lots_guide_session_answer (session, "99999", &error));
  g_assert_cmpstr (current_step (session), ==, "okant");
  g_assert_true (lots_guide_session_is_finished (session));

  /* Back two steps: the answers, the acute flag and the proposal of the
   * way taken are undone with them. */
  g_assert_true (lots_guide_session_back (session));
  g_assert_cmpstr (current_step (session), ==, "postnummer");
  g_assert_false (lots_guide_session_is_finished (session));
  value = lots_guide_session_dup_value (session, "postnummer");
  g_assert_null (value);
  g_assert_true (lots_guide_session_back (session));
  g_assert_cmpstr (current_step (session), ==, "borja");
  g_assert_false (lots_guide_session_get_view (session)->acute);
  g_assert_null (lots_guide_session_get_outcome (session)->referred_to);
  value = lots_guide_session_dup_value (session, "galler");
  g_assert_null (value);

  /* Another way, then back from a choice that finishes. */
  g_assert_true (lots_guide_session_choose (session, 3, &error));
  g_assert_true (lots_guide_session_is_finished (session));
  g_assert_cmpstr (lots_guide_session_get_outcome (session)->category, ==, "inget");
  g_assert_cmpint (lots_guide_session_get_outcome (session)->resolved, ==, 1);
  g_assert_true (lots_guide_session_back (session));
  g_assert_false (lots_guide_session_is_finished (session));
  g_assert_null (lots_guide_session_get_outcome (session)->category);
  g_assert_true (lots_guide_session_choose_label (session, "Fråga", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (current_step (session), ==, "svar");
  g_assert_cmpstr (lots_guide_session_get_view (session)->article, ==, "social/prov");
  g_assert_cmpstr (lots_guide_session_get_outcome (session)->category, ==, "fråga");

  g_assert_true (lots_guide_session_restart (session, &error));
  g_assert_cmpstr (current_step (session), ==, "borja");
  g_assert_null (lots_guide_session_get_outcome (session)->category);
}

static void
test_session_guide_errors (void)
{
  static const char text[] =
    "guide { id = \"social/trasig\", title = \"T\", area = \"social\", start = \"a\" }\n"
    "step \"a\" { say = \"a\", choices = { { \"fel\", go = \"fel\" }, { \"loop\", go = \"loop\" },\n"
    "  { \"fel nasta\", go = \"fel_nasta\" }, { \"fel enhet\", go = \"fel_enhet\" } } }\n"
    "step \"fel\" {\n"                                                     /* 4 */
    "  say = function (s) return s.finns.inte end,\n"                      /* 5 */
    "  finish = true }\n"
    "step \"loop\" { say = function () while true do end end, finish = true }\n"   /* 7 */
    "step \"fel_nasta\" { say = \"x\", next = function () return \"a\" end, leads_to = { \"fel\" } }\n" /* 8 */
    "step \"fel_enhet\" { say = \"x\", refer = function () return \"ingen\" end, finish = true }\n";     /* 9 */
  const char *guides[] = { "social/trasig.lua", text, NULL };
  g_auto(Fixture) f = { 0 };
  LotsGuide *guide;
  g_autoptr(LotsGuideSession) session = NULL;
  g_autoptr(GError) error = NULL;

  fixture_load (&f, guides);
  guide = lots_guide_library_find (f.library, "social/trasig");
  session = lots_guide_session_new (guide, &error);
  g_assert_no_error (error);

  g_assert_false (lots_guide_session_choose (session, 1, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
  g_assert_true (g_str_has_suffix (strstr (error->message, "trasig.lua:5: step \"fel\":"), "(field 'finns')"));
  g_clear_error (&error);
  g_assert_cmpstr (current_step (session), ==, "a");

  g_assert_true (lots_guide_session_choose (session, 3, &error));
  g_assert_false (lots_guide_session_proceed (session, &error));
  g_assert_nonnull (strstr (error->message, "trasig.lua:8: step \"fel_nasta\": next gave \"a\", which leads_to does not list"));
  g_clear_error (&error);
  g_assert_cmpstr (current_step (session), ==, "fel_nasta");
  g_assert_true (lots_guide_session_back (session));

  g_assert_false (lots_guide_session_choose (session, 4, &error));
  g_assert_nonnull (strstr (error->message, "trasig.lua:9: step \"fel_enhet\": refer names the unit \"ingen\""));
  g_clear_error (&error);

  /* A runaway step stops this session's sandbox; a restart gets a new one. */
  g_assert_false (lots_guide_session_choose (session, 2, &error));
  g_assert_nonnull (strstr (error->message, "trasig.lua:7: step \"loop\": the guide ran too many instructions"));
  g_clear_error (&error);
  g_assert_false (lots_guide_session_choose (session, 1, &error));
  g_clear_error (&error);
  g_assert_true (lots_guide_session_restart (session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (current_step (session), ==, "a");
}

static void
test_session_details (void)
{
  static const char text[] =
    "guide { id = \"social/detaljer\", title = \"D\", area = \"social\", start = \"antal\" }\n"
    "step \"antal\" { title = \"Antal\", ask = \"Hur många, {namn}?\", input = \"number\", save = \"n\",\n"
    "  compute = function (s) s.namn = \"Eva\" end, next = \"svar\" }\n"
    "step \"svar\" { say = \"Det blir {n}.\", choices = { { \"Tom\", go = \"tom\" }, { \"Fel enhet\", go = \"fel_enhet\" } } }\n"
    "step \"tom\" { say = \"x\", finish = function () return nil end }\n"       /* 5 */
    "step \"fel_enhet\" { say = \"x\", finish = { referred_to = \"ingen\" } }\n"; /* 6 */
  const char *guides[] = { "social/detaljer.lua", text, NULL };
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsGuideSession) session = NULL;
  g_autoptr(GError) error = NULL;
  const LotsGuideView *view;

  fixture_load (&f, guides);
  session = lots_guide_session_new (lots_guide_library_find (f.library, "social/detaljer"), &error);
  g_assert_no_error (error);
  view = lots_guide_session_get_view (session);
  g_assert_cmpstr (view->step->title, ==, "Antal");
  g_assert_cmpstr (view->question, ==, "Hur många, Eva?");
  g_assert_true (lots_guide_session_answer (session, "12", &error));
  g_assert_cmpstr (lots_guide_session_get_view (session)->text, ==, "Det blir 12.");
  g_assert_false (lots_guide_session_choose (session, 1, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "detaljer.lua:5: step \"tom\": finish gave nothing"));
  g_clear_error (&error);
  g_assert_false (lots_guide_session_choose (session, 2, &error));
  g_assert_nonnull (strstr (error->message, "detaljer.lua:6: step \"fel_enhet\": outcome referred_to names the unit \"ingen\""));
  g_assert_null (lots_guide_session_get_outcome (session)->referred_to);
}

static void
test_inputs (void)
{
  static const struct {
    LotsGuideInput input;
    const char *value;
    const char *normalized;   /* NULL: refused */
  } cases[] = {
    { LOTS_GUIDE_INPUT_POSTCODE, "111 22", "11122" },
    { LOTS_GUIDE_INPUT_POSTCODE, "11122", "11122" },
    { LOTS_GUIDE_INPUT_POSTCODE, "1112", NULL },
    { LOTS_GUIDE_INPUT_POSTCODE, "01122", NULL },
    { LOTS_GUIDE_INPUT_POSTCODE, "111-22", NULL },
    { LOTS_GUIDE_INPUT_DATE, "2026-02-28", "2026-02-28" },
    { LOTS_GUIDE_INPUT_DATE, "2026-02-30", NULL },
    { LOTS_GUIDE_INPUT_DATE, "28/2", NULL },
    { LOTS_GUIDE_INPUT_NUMBER, "3,5", "3.5" },
    { LOTS_GUIDE_INPUT_NUMBER, "tre", NULL },
    { LOTS_GUIDE_INPUT_PHONE, "08-123 456 78", "0812345678" },
    { LOTS_GUIDE_INPUT_PHONE, "+46 8 123 456 78", "+46812345678" },
    { LOTS_GUIDE_INPUT_PHONE, "123", NULL },
    { LOTS_GUIDE_INPUT_TEXT, "  Hej  ", "Hej" },
    { LOTS_GUIDE_INPUT_TEXT, "   ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = lots_guide_input_normalize (cases[i].input, cases[i].value, &error);

      g_assert_cmpstr (out, ==, cases[i].normalized);
      if (cases[i].normalized == NULL)
        g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
    }
}

/* ---- scenarios ------------------------------------------------------------- */

static void
test_scenarios (void)
{
  static const char tests[] =
    "scenario \"akut dagtid\" {\n"                                                  /* 1 */
    "  guide = \"social/prov\", at = \"2026-11-24 10:15\",\n"
    "  answers = { \"Akut\", \"111 22\" },\n"
    "  expect = { path = { \"borja\", \"postnummer\", \"hanvisa\" }, acute = true, refer = \"mottagning\",\n"
    "             outcome = { category = \"akut\", resolved = false } },\n"
    "}\n"
    "scenario \"fel förväntan\" {\n"                                                /* 7 */
    "  guide = \"social/prov\", answers = { 1 },\n"
    "  expect = { ends = \"borja\", acute = true, says = \"Något annat\" },\n"
    "}\n"
    "scenario \"vägrat svar\" {\n"                                                  /* 11 */
    "  guide = \"social/prov\", answers = { 2, \"12\" }, expect = { refused = \"fem siffror\" },\n"
    "}\n"
    "scenario \"okänt val\" { guide = \"social/prov\", answers = { \"Finns inte\" }, expect = { } }\n" /* 14 */
    "scenario \"okänd guide\" { guide = \"social/saknas\", expect = { } }\n";     /* 15 */
  const char *guides[] = { "social/prov.lua", walk_lua, "social/prov_test.lua", tests, NULL };
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsGuideTestReport) report = lots_guide_test_report_new ();
  g_autofree char *all = NULL;

  fixture_load (&f, guides);
  lots_guide_run_scenarios (f.library, NULL, report);
  g_ptr_array_add (report->failures, NULL);
  all = g_strjoinv ("\n", (char **) report->failures->pdata);
  g_test_message ("%s", all);
  g_assert_cmpuint (report->passed, ==, 2);
  g_assert_cmpuint (report->failed, ==, 3);
  g_assert_nonnull (strstr (all, "prov_test.lua:7: scenario \"fel förväntan\": expected to end at \"borja\", "
                                 "ended at \"svar\""));
  g_assert_nonnull (strstr (all, "prov_test.lua:7: scenario \"fel förväntan\": expected the case to be acute"));
  g_assert_nonnull (strstr (all, "expected the last step to say \"Något annat\""));
  g_assert_nonnull (strstr (all, "prov_test.lua:14: scenario \"okänt val\": step \"borja\" has no choice \"Finns inte\""));
  g_assert_nonnull (strstr (all, "prov_test.lua:15: scenario \"okänd guide\": there is no guide \"social/saknas\""));
  /* The choice "Inget" ends the call and no scenario took it. */
  g_assert_cmpuint (report->uncovered->len, ==, 2);
  g_assert_nonnull (strstr (report->uncovered->pdata[0], "choice 3 (\"Inget\")"));
  g_assert_nonnull (strstr (report->uncovered->pdata[1], "step \"okant\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/guide/load/errors", test_load_errors);
  g_test_add_func ("/guide/load/model", test_load_model);
  g_test_add_func ("/guide/check/top-level-lookup", test_check);
  g_test_add_func ("/guide/check/graph", test_check_graph);
  g_test_add_func ("/guide/session/walk", test_session_walk);
  g_test_add_func ("/guide/session/time", test_session_time);
  g_test_add_func ("/guide/session/back-and-restart", test_session_back_and_restart);
  g_test_add_func ("/guide/session/guide-errors", test_session_guide_errors);
  g_test_add_func ("/guide/session/details", test_session_details);
  g_test_add_func ("/guide/inputs", test_inputs);
  g_test_add_func ("/guide/scenarios", test_scenarios);
  return g_test_run ();
}

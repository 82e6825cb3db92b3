/* test-lotsctl-guide.c — `lotsctl guide …` and guides in `lotsctl lint`, as
 * publishers and scripts use them: the built program, a draft source in a
 * sandbox folder, exit statuses as the contract says.
 */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lots-test-util.h"

typedef struct {
  char *dir;
  char *data;
  char *out;
  char *err;
  int status;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_clear_pointer (&f->data, g_free);
  g_clear_pointer (&f->dir, lots_test_sandbox_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static void
fixture_init (Fixture *f)
{
  f->dir = lots_test_sandbox_new ();
  f->data = g_build_filename (f->dir, "data-dir", NULL);
}

static int
run (Fixture            *f,
     const char         *stdin_text,
     const char * const *args)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_assert_true (lots_test_run_lotsctl (f->data, args, stdin_text ? stdin_text : "", &f->out, &f->err, &f->status));
  g_test_message ("exit %d\n--- stdout\n%s--- stderr\n%s", f->status, f->out, f->err);
  return f->status;
}

/* A draft source with a guide that has mistakes of every kind. */
static char *
write_broken_source (Fixture *f)
{
  char *source = g_build_filename (f->dir, "utkast", NULL);

  lots_test_write_manifest (source, "utkast", "social");
  lots_test_write (source, "data/enheter.csv",
                   "id,namn,telefon,oppettider,sommartider,lunch\njouren,Jouren,08-1,dygnet runt,,\n", -1);
  lots_test_write (source, "guider/trasig.lua",
                   "guide { id = \"social/trasig\", title = \"T\", area = \"social\", start = \"a\" }\n"
                   "step \"a\" { say = \"a\", choices = { { \"1\", go = \"saknas\" }, { \"2\", go = \"b\" } } }\n"
                   "step \"b\" { say = \"b\", refer = \"ingen\", finish = true }\n"
                   "step \"c\" { say = \"c\", finish = true }\n", -1);
  lots_test_write (source, "guider/syntax.lua", "guide {\n  id = \"social/x\",\n  title = = \"X\"\n}\n", -1);
  return source;
}

static void
test_list (void)
{
  g_auto(Fixture) f = { 0 };
  const char *args[] = { "guide", "list", "--json", NULL };
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  fixture_init (&f);
  g_assert_cmpint (run (&f, NULL, args), ==, 0);
  lines = g_strsplit (f.out, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_true (json_object_has_member (object, "title"));
      g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "lots-inbyggd");
      found = found || g_strcmp0 (json_object_get_string_member (object, "id"), "social/akut") == 0;
    }
  g_assert_true (found);
}

static void
test_run_scripted_json (void)
{
  g_auto(Fixture) f = { 0 };
  const char *args[] = { "guide", "run", "--json", "--at", "2026-11-24 19:30", "--answers", "Oro för ett barn;111 22",
                         "social/akut", NULL };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *last, *outcome;
  guint n;

  fixture_init (&f);
  g_assert_cmpint (run (&f, NULL, args), ==, 0);
  lines = g_strsplit (g_strstrip (f.out), "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (json_parser_load_from_data (parser, lines[n - 1], -1, NULL));
  last = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (last, "finished"));
  outcome = json_object_get_object_member (last, "outcome");
  g_assert_cmpstr (json_object_get_string_member (outcome, "area"), ==, "social");
  g_assert_cmpstr (json_object_get_string_member (outcome, "referred_to"), ==, "socialjouren");
  g_assert_true (json_object_get_boolean_member (outcome, "acute"));
  g_assert_false (json_object_get_boolean_member (outcome, "resolved"));
  g_assert_nonnull (strstr (lines[n - 2], "\"refer_to\":\"socialjouren\""));
}

static void
test_run_interactive (void)
{
  g_auto(Fixture) f = { 0 };
  const char *args[] = { "guide", "run", "--at", "2026-11-24 10:00", "social/akut", NULL };

  fixture_init (&f);
  /* A refused postcode is said and asked again; b goes back. */
  g_assert_cmpint (run (&f, "2\nb\n1\n123\n111 22\n", args), ==, 0);
  g_assert_nonnull (strstr (f.err, "fem siffror"));
  g_assert_nonnull (strstr (f.out, "Hänvisa till: socialtjanst-barn-unga-norrmalm (öppet nu)"));
  g_assert_nonnull (strstr (f.out, "Samtalet är klart"));
}

static void
test_run_errors (void)
{
  g_auto(Fixture) f = { 0 };
  const char *unknown[] = { "guide", "run", "--answers", "1", "social/finns-inte", NULL };
  const char *refused[] = { "guide", "run", "--answers", "1;12", "social/akut", NULL };
  const char *no_choice[] = { "guide", "run", "--answers", "Något helt annat", "social/akut", NULL };
  const char *bad_time[] = { "guide", "run", "--at", "i morgon", "social/akut", NULL };
  const char *no_args[] = { "guide", "run", NULL };
  const char *no_command[] = { "guide", "flyga", NULL };

  fixture_init (&f);
  g_assert_cmpint (run (&f, NULL, unknown), ==, 1);
  g_assert_nonnull (strstr (f.err, "there is no guide \"social/finns-inte\""));
  /* An answer the guide refuses is a mistake in the command line. */
  g_assert_cmpint (run (&f, NULL, refused), ==, 2);
  g_assert_nonnull (strstr (f.err, "answer 2 (\"12\"): Ett postnummer har fem siffror"));
  g_assert_cmpint (run (&f, NULL, no_choice), ==, 2);
  g_assert_nonnull (strstr (f.err, "offers no choice \"Något helt annat\""));
  g_assert_cmpint (run (&f, NULL, bad_time), ==, 2);
  g_assert_cmpint (run (&f, NULL, no_args), ==, 2);
  g_assert_cmpint (run (&f, NULL, no_command), ==, 2);
}

static void
test_check_and_lint (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *source = NULL;
  g_autofree char *file = NULL;

  fixture_init (&f);
  source = write_broken_source (&f);
  file = g_build_filename (source, "guider", "trasig.lua", NULL);
  {
    const char *args[] = { "guide", "check", source, NULL };
    g_assert_cmpint (run (&f, NULL, args), ==, 1);
    g_assert_nonnull (strstr (f.out, "guider/trasig.lua:2: step \"a\": choice 1 goes to \"saknas\", which names no step"));
    g_assert_nonnull (strstr (f.out, "guider/trasig.lua:3: step \"b\": refer names the unit \"ingen\""));
    g_assert_nonnull (strstr (f.out, "guider/trasig.lua:4: step \"c\" cannot be reached"));
    g_assert_nonnull (strstr (f.out, "guider/syntax.lua:3:"));
  }
  {
    const char *args[] = { "guide", "check", file, NULL };
    g_assert_cmpint (run (&f, NULL, args), ==, 1);
    g_assert_null (strstr (f.out, "syntax.lua"));
  }
  {
    const char *args[] = { "lint", source, NULL };
    g_assert_cmpint (run (&f, NULL, args), ==, 1);
    g_assert_nonnull (strstr (f.out, "guider/trasig.lua:2:"));
    g_assert_nonnull (strstr (f.out, "guider/syntax.lua:3:"));
  }
  {
    const char *args[] = { "guide", "check", "/finns/inte", NULL };
    g_assert_cmpint (run (&f, NULL, args), ==, 1);
    g_assert_nonnull (strstr (f.err, "no such file or folder"));
  }
}

static void
test_test (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *source = NULL;
  g_autofree char *test_file = NULL;

  fixture_init (&f);
  source = g_build_filename (f.dir, "utkast", NULL);
  lots_test_write_manifest (source, "utkast", "allmant");
  lots_test_write (source, "guider/fraga.lua",
                   "guide { id = \"allmant/fraga\", title = \"F\", area = \"allmant\", start = \"a\" }\n"
                   "step \"a\" { say = \"a\", choices = { { \"Ja\", finish = { resolved = true } },\n"
                   "  { \"Nej\", finish = { resolved = false } } } }\n", -1);
  lots_test_write (source, "guider/fraga_test.lua",
                   "scenario \"ja\" { guide = \"allmant/fraga\", answers = { \"Ja\" },\n"
                   "  expect = { finished = true, outcome = { resolved = true } } }\n"
                   "scenario \"fel\" { guide = \"allmant/fraga\", answers = { \"Nej\" },\n"
                   "  expect = { outcome = { resolved = true } } }\n", -1);
  test_file = g_build_filename (source, "guider", "fraga_test.lua", NULL);
  {
    const char *args[] = { "guide", "test", source, NULL };
    g_assert_cmpint (run (&f, NULL, args), ==, 1);
    g_assert_nonnull (strstr (f.out, "guider/fraga_test.lua:3: scenario \"fel\": expected outcome resolved = true, got false"));
    g_assert_true (g_str_has_suffix (f.out, "1 passed, 1 failed\n"));
  }
  lots_test_write (source, "guider/fraga_test.lua",
                   "scenario \"ja\" { guide = \"allmant/fraga\", answers = { \"Ja\" },\n"
                   "  expect = { finished = true, outcome = { resolved = true } } }\n", -1);
  {
    const char *args[] = { "guide", "test", test_file, NULL };
    g_assert_cmpint (run (&f, NULL, args), ==, 0);
    g_assert_true (g_str_has_suffix (f.out, "1 passed, 0 failed\n"));
  }
  {
    /* The whole source: the choice "Nej" is an end no scenario reaches. */
    const char *args[] = { "guide", "test", source, NULL };
    g_assert_cmpint (run (&f, NULL, args), ==, 0);
    g_assert_nonnull (strstr (f.out, "note: "));
    g_assert_nonnull (strstr (f.out, "choice 2 (\"Nej\"): no scenario ends the call here"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lotsctl/guide/list", test_list);
  g_test_add_func ("/lotsctl/guide/run/scripted-json", test_run_scripted_json);
  g_test_add_func ("/lotsctl/guide/run/interactive", test_run_interactive);
  g_test_add_func ("/lotsctl/guide/run/errors", test_run_errors);
  g_test_add_func ("/lotsctl/guide/check-and-lint", test_check_and_lint);
  g_test_add_func ("/lotsctl/guide/test", test_test);
  return g_test_run ();
}

/* lotsctl-guide.c — `lotsctl guide list|run|check|test`: call guides in the
 * terminal, for publishers who write them and scripts that test them.
 *
 * A PATH names a source folder (with lots.yaml), a guide or test file in
 * one, or the built-in scripts/ folder; the source around it gives the
 * guides their data tables, articles and modules. An ID names a guide of
 * the built-in source.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-guide-check.h"
#include "lots-guide-library.h"
#include "lots-guide-scenario.h"
#include "lots-guide-session.h"
#include "lots-paths.h"
#include "lots-serving.h"
#include "lots-source.h"
#include "lotsctl.h"

/* ---- finding the source around a path ----------------------------------- */

static gboolean
is_inside (const char *path,
           const char *dir)
{
  gsize n = strlen (dir);

  return strncmp (path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* The library of the source PATH belongs to; *ONLY gets PATH when it is a
 * file (so that only it is checked or tested), else NULL. */
static LotsGuideLibrary *
library_for_path (const char  *path,
                  char       **only,
                  GPtrArray   *diagnostics,
                  GError     **error)
{
  g_autofree char *full = g_canonicalize_filename (path, NULL);
  g_autofree char *builtin = lots_paths_dup_builtin_dir ();
  g_autofree char *builtin_full = g_canonicalize_filename (builtin, NULL);
  g_autofree char *scripts = g_build_filename (builtin_full, "scripts", NULL);
  g_autofree char *root = NULL;
  g_autoptr(GPtrArray) known_areas = NULL;
  LotsSource *source;

  *only = NULL;
  if (!g_file_test (full, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "%s: no such file or folder", path);
      return NULL;
    }
  if (!g_file_test (full, G_FILE_TEST_IS_DIR))
    *only = g_strdup (full);
  if (is_inside (full, scripts) || g_strcmp0 (full, builtin_full) == 0 || is_inside (full, builtin_full))
    source = lots_builtin_load (diagnostics, error);
  else
    {
      root = g_file_test (full, G_FILE_TEST_IS_DIR) ? g_strdup (full) : g_path_get_dirname (full);
      for (;;)
        {
          g_autofree char *manifest = g_build_filename (root, "lots.yaml", NULL);
          g_autofree char *parent = NULL;

          if (g_file_test (manifest, G_FILE_TEST_IS_REGULAR))
            break;
          parent = g_path_get_dirname (root);
          if (g_strcmp0 (parent, root) == 0)
            {
              g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND,
                           "%s is not inside a source: no lots.yaml in its folder or above", path);
              return NULL;
            }
          g_free (root);
          root = g_steal_pointer (&parent);
        }
      known_areas = lots_builtin_areas (error);
      if (known_areas == NULL)
        return NULL;
      source = lots_source_load_dir (root, known_areas, diagnostics, error);
    }
  if (source == NULL)
    return NULL;
  return lots_guide_library_new (source, diagnostics);
}

static gboolean
concerns (const char *only,
          const char *path)
{
  g_autofree char *full = NULL;

  if (only == NULL)
    return TRUE;
  full = g_canonicalize_filename (path, NULL);
  return g_strcmp0 (full, only) == 0;
}

static guint
print_diagnostics (GPtrArray  *diagnostics,
                   const char *only)
{
  guint n_errors = 0;

  lots_diagnostics_sort (diagnostics);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = NULL;

      if (!concerns (only, d->path))
        continue;
      line = lots_diagnostic_format (d, NULL);
      printf ("%s\n", line);
      n_errors += d->severity == LOTS_SEVERITY_ERROR;
    }
  return n_errors;
}

/* A library for each source the workstation serves: the built-in one and
 * every git source at its accepted commit. */
static GPtrArray *
serving_libraries (GPtrArray  *diagnostics,
                   GError    **error)
{
  g_autofree char *data_dir = lots_paths_dup_data_dir ();
  g_autoptr(GPtrArray) sources = lots_serving_load_sources (data_dir, diagnostics, error);
  GPtrArray *libraries;

  if (sources == NULL)
    return NULL;
  libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_guide_library_free);
  while (sources->len > 0)
    g_ptr_array_add (libraries, lots_guide_library_new (g_ptr_array_steal_index (sources, 0), diagnostics));
  return libraries;
}

/* ---- guide check --------------------------------------------------------- */

static int
guide_check (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH — check guides statically");
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsGuideLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *only = NULL;
  guint n_errors;
  int status;

  g_option_context_set_summary (context,
    "Finds syntax errors, unknown step targets, unreachable steps, steps with no\n"
    "way out, missing articles, unknown data tables and units in the guides of\n"
    "PATH (a guide file, or a source folder). Prints path:line: message; exits 1\n"
    "if any is an error.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return lotsctl_usage_error (context, "guide check takes exactly one PATH");
  library = library_for_path (argv[1], &only, diagnostics, &error);
  if (library == NULL)
    return lotsctl_fail (error);
  lots_guide_library_check (library, diagnostics);
  /* Articles and tables have their own problems; lint reports those. */
  for (guint i = diagnostics->len; i > 0; i--)
    {
      const LotsDiagnostic *d = g_ptr_array_index (diagnostics, i - 1);
      if (!g_str_has_suffix (d->path, ".lua"))
        g_ptr_array_remove_index (diagnostics, i - 1);
    }
  n_errors = print_diagnostics (diagnostics, only);
  if (only != NULL)
    fprintf (stderr, "%s: %u error(s)\n", argv[1], n_errors);
  else
    fprintf (stderr, "%s: %u guide(s) loaded; %u error(s)\n", argv[1], lots_guide_library_get_guides (library)->len,
             n_errors);
  return n_errors > 0 ? LOTSCTL_EXIT_FAILED : LOTSCTL_EXIT_OK;
}

/* ---- guide test ---------------------------------------------------------- */

static int
guide_test (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH — run scenario tests");
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsGuideLibrary) library = NULL;
  g_autoptr(LotsGuideTestReport) report = lots_guide_test_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *only = NULL;
  const char *only_test = NULL;
  guint load_errors;
  int status;

  g_option_context_set_summary (context,
    "Runs the scenarios of the *_test.lua files of PATH (one test file, or a\n"
    "source folder). Prints one line per failure, notes the ends of guides that\n"
    "no scenario reaches, and closes with \"N passed, N failed\"; exits 1 on any\n"
    "failure.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return lotsctl_usage_error (context, "guide test takes exactly one PATH");
  library = library_for_path (argv[1], &only, diagnostics, &error);
  if (library == NULL)
    return lotsctl_fail (error);
  if (only != NULL)
    {
      GPtrArray *tests = lots_guide_library_get_tests (library);
      for (guint i = 0; i < tests->len && only_test == NULL; i++)
        if (concerns (only, ((LotsSourceFile *) tests->pdata[i])->display))
          only_test = ((LotsSourceFile *) tests->pdata[i])->display;
      if (only_test == NULL)
        return lotsctl_usage_error (context, "%s is not a scenario test file (*_test.lua)", argv[1]);
    }
  /* A guide that does not load fails its tests; say why first. */
  for (guint i = diagnostics->len; i > 0; i--)
    if (!g_str_has_suffix (((LotsDiagnostic *) diagnostics->pdata[i - 1])->path, ".lua"))
      g_ptr_array_remove_index (diagnostics, i - 1);
  load_errors = print_diagnostics (diagnostics, NULL);
  lots_guide_run_scenarios (library, only_test, report);
  for (guint i = 0; i < report->failures->len; i++)
    printf ("%s\n", (char *) report->failures->pdata[i]);
  for (guint i = 0; i < report->uncovered->len; i++)
    printf ("note: %s\n", (char *) report->uncovered->pdata[i]);
  printf ("%u passed, %u failed\n", report->passed, report->failed);
  return report->failed > 0 || load_errors > 0 ? LOTSCTL_EXIT_FAILED : LOTSCTL_EXIT_OK;
}

/* ---- guide list ------------------------------------------------------------ */

static int
guide_list (int    argc,
            char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "one JSON object per line", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— list the guides of all sources");
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return lotsctl_usage_error (context, "guide list takes no arguments");
  libraries = serving_libraries (diagnostics, &error);
  if (libraries == NULL)
    return lotsctl_fail (error);
  for (guint l = 0; l < libraries->len; l++)
    {
      LotsGuideLibrary *library = g_ptr_array_index (libraries, l);
      GPtrArray *guides = lots_guide_library_get_guides (library);

      for (guint i = 0; i < guides->len; i++)
        {
          LotsGuide *guide = g_ptr_array_index (guides, i);

          if (json)
            {
              g_autoptr(JsonBuilder) builder = json_builder_new ();
              json_builder_begin_object (builder);
              lotsctl_json_add_string (builder, "id", lots_guide_get_id (guide));
              lotsctl_json_add_string (builder, "title", lots_guide_get_title (guide));
              lotsctl_json_add_string (builder, "area", lots_guide_get_area (guide));
              lotsctl_json_add_string (builder, "source", lots_guide_library_get_source_id (library));
              lotsctl_json_add_string (builder, "path", lots_guide_get_path (guide));
              json_builder_set_member_name (builder, "steps");
              json_builder_add_int_value (builder, lots_guide_get_steps (guide)->len);
              json_builder_end_object (builder);
              lotsctl_print_json (builder);
            }
          else
            printf ("%-36s %-20s %-16s %s\n", lots_guide_get_id (guide), lots_guide_get_area (guide),
                    lots_guide_library_get_source_id (library), lots_guide_get_title (guide));
        }
    }
  if (lots_diagnostics_n_errors (diagnostics) > 0)
    fprintf (stderr, "lotsctl: %u guide file(s) have errors and are left out; see lotsctl guide check\n",
             lots_diagnostics_n_errors (diagnostics));
  return LOTSCTL_EXIT_OK;
}

/* ---- guide run -------------------------------------------------------------- */

typedef struct {
  gboolean json;
  gboolean interactive;
} RunOutput;

static void
print_outcome_json (JsonBuilder            *builder,
                    const LotsGuideOutcome *outcome)
{
  json_builder_set_member_name (builder, "outcome");
  json_builder_begin_object (builder);
  lotsctl_json_add_string (builder, "area", outcome->area);
  lotsctl_json_add_string (builder, "category", outcome->category);
  json_builder_set_member_name (builder, "resolved");
  if (outcome->resolved < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, outcome->resolved == 1);
  lotsctl_json_add_string (builder, "referred_to", outcome->referred_to);
  lotsctl_json_add_string (builder, "complaint_to", outcome->complaint_to);
  json_builder_set_member_name (builder, "acute");
  json_builder_add_boolean_value (builder, outcome->acute);
  json_builder_end_object (builder);
}

static void
print_step (LotsGuideSession *session,
            const RunOutput  *output)
{
  const LotsGuideView *view = lots_guide_session_get_view (session);
  const LotsGuideStep *step = view->step;
  LotsGuideHost *host = lots_guide_get_host (lots_guide_session_get_guide (session));
  g_autoptr(GDateTime) now = lots_guide_host_dup_now (host);
  g_autofree char *opens = NULL;
  gboolean open = FALSE;

  if (view->refer_to != NULL)
    {
      open = lots_guide_host_unit_is_open (host, view->refer_to, now, NULL);
      if (!open)
        opens = lots_guide_host_describe_next_open (host, view->refer_to, now);
    }
  if (output->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      lotsctl_json_add_string (builder, "step", step->id);
      lotsctl_json_add_string (builder, "text", view->text);
      if (view->question != NULL)
        lotsctl_json_add_string (builder, "ask", view->question);
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      for (guint i = 0; i < step->choices->len; i++)
        json_builder_add_string_value (builder, ((LotsGuideChoice *) step->choices->pdata[i])->label);
      json_builder_end_array (builder);
      lotsctl_json_add_string (builder, "article", view->article);
      json_builder_set_member_name (builder, "acute");
      json_builder_add_boolean_value (builder, view->acute);
      if (view->acute)
        lotsctl_json_add_string (builder, "acute_reason", view->acute_reason);
      lotsctl_json_add_string (builder, "refer_to", view->refer_to);
      if (view->refer_to != NULL)
        {
          json_builder_set_member_name (builder, "open_now");
          json_builder_add_boolean_value (builder, open);
          lotsctl_json_add_string (builder, "opens", opens);
        }
      json_builder_set_member_name (builder, "finished");
      json_builder_add_boolean_value (builder, view->finished);
      json_builder_end_object (builder);
      lotsctl_print_json (builder);
      return;
    }
  printf ("\n[%s]\n", step->id);
  if (view->acute)
    printf ("!! AKUT: %s\n", view->acute_reason ? view->acute_reason : "");
  if (view->text != NULL)
    printf ("%s\n", view->text);
  if (view->article != NULL)
    printf ("Artikel: %s\n", view->article);
  if (view->refer_to != NULL)
    printf ("Hänvisa till: %s (%s%s%s)\n", view->refer_to, open ? "öppet nu" : "stängt nu",
            opens ? ", öppnar " : "", opens ? opens : "");
  if (view->question != NULL && !view->finished && g_strcmp0 (view->question, view->text) != 0)
    printf ("? %s\n", view->question);
  for (guint i = 0; i < step->choices->len && !view->finished; i++)
    printf ("  %u. %s\n", i + 1, ((LotsGuideChoice *) step->choices->pdata[i])->label);
}

static void
print_end (LotsGuideSession *session,
           const RunOutput  *output)
{
  const LotsGuideOutcome *outcome = lots_guide_session_get_outcome (session);
  g_autoptr(GPtrArray) path = lots_guide_session_dup_path (session);

  if (output->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "finished");
      json_builder_add_boolean_value (builder, lots_guide_session_is_finished (session));
      json_builder_set_member_name (builder, "path");
      json_builder_begin_array (builder);
      for (guint i = 0; i < path->len; i++)
        json_builder_add_string_value (builder, path->pdata[i]);
      json_builder_end_array (builder);
      print_outcome_json (builder, outcome);
      json_builder_end_object (builder);
      lotsctl_print_json (builder);
      return;
    }
  printf ("\n%s. Utfall: område %s, kategori %s, löst vid första kontakt: %s%s%s%s%s%s\n",
          lots_guide_session_is_finished (session) ? "Samtalet är klart" : "Guiden väntar på svar",
          outcome->area ? outcome->area : "–", outcome->category ? outcome->category : "–",
          outcome->resolved < 0 ? "–" : outcome->resolved ? "ja" : "nej",
          outcome->referred_to ? ", hänvisad till " : "", outcome->referred_to ? outcome->referred_to : "",
          outcome->complaint_to ? ", synpunkt till " : "", outcome->complaint_to ? outcome->complaint_to : "",
          outcome->acute ? ", AKUT" : "");
}

/* One answer as the handler would give it: a number or text for a choice,
 * a value for a question, empty for Next; b = back, r = restart. */
static gboolean
apply_answer (LotsGuideSession *session,
              const char       *answer,
              GError          **error)
{
  const LotsGuideStep *step = lots_guide_session_get_view (session)->step;
  char *end = NULL;
  guint64 number;

  if (g_str_equal (answer, "b") || g_str_equal (answer, "tillbaka"))
    {
      if (!lots_guide_session_back (session))
        g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "already at the first step");
      return lots_guide_session_get_view (session) != NULL && (error == NULL || *error == NULL);
    }
  if (g_str_equal (answer, "r") || g_str_equal (answer, "börja om"))
    return lots_guide_session_restart (session, error);
  if (step->choices->len > 0)
    {
      number = g_ascii_strtoull (answer, &end, 10);
      if (end != NULL && *end == '\0' && end != answer)
        return lots_guide_session_choose (session, (guint) MIN (number, G_MAXUINT), error);
      return lots_guide_session_choose_label (session, answer, error);
    }
  if (step->question != NULL)
    return lots_guide_session_answer (session, answer, error);
  return lots_guide_session_proceed (session, error);
}

static int
run_scripted (LotsGuideSession *session,
              GStrv             answers,
              const RunOutput  *output)
{
  g_autoptr(GError) error = NULL;

  print_step (session, output);
  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    {
      while (lots_guide_session_can_proceed (session))
        {
          if (!lots_guide_session_proceed (session, &error))
            return lotsctl_fail (error);
          print_step (session, output);
        }
      if (!apply_answer (session, answers[i], &error))
        {
          g_prefix_error (&error, "answer %u (\"%s\"): ", i + 1, answers[i]);
          return lotsctl_fail (error);
        }
      print_step (session, output);
    }
  while (lots_guide_session_can_proceed (session))
    {
      if (!lots_guide_session_proceed (session, &error))
        return lotsctl_fail (error);
      print_step (session, output);
    }
  print_end (session, output);
  return LOTSCTL_EXIT_OK;
}

static int
run_interactive (LotsGuideSession *session,
                 const RunOutput  *output)
{
  char line[1024];

  print_step (session, output);
  while (!lots_guide_session_is_finished (session))
    {
      g_autoptr(GError) error = NULL;

      if (!output->json)
        {
          fputs (lots_guide_session_can_proceed (session) ? "(Enter: nästa, b: tillbaka, r: börja om) > "
                                                          : "(b: tillbaka, r: börja om) > ", stdout);
          fflush (stdout);
        }
      if (fgets (line, sizeof line, stdin) == NULL)
        break;
      g_strchomp (line);
      if (!apply_answer (session, line, &error))
        {
          if (!g_error_matches (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT))
            return lotsctl_fail (error);
          fprintf (stderr, "%s\n", error->message);
          continue;
        }
      print_step (session, output);
    }
  print_end (session, output);
  return LOTSCTL_EXIT_OK;
}

static int
guide_run (int    argc,
           char **argv)
{
  g_auto(GStrv) answer_list = NULL;
  g_autofree char *answers_text = NULL;
  g_autofree char *at = NULL;
  RunOutput output = { FALSE, FALSE };
  const GOptionEntry entries[] = {
    { "answers", 0, 0, G_OPTION_ARG_STRING, &answers_text,
      "run scripted: the answers in order, separated by ';' (a choice's number or text, or a value); "
      "steps that only say something are passed as with Next",
      "A;B;…" },
    { "answer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &answer_list, "one answer (repeat it for each)", "A" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, "the time the call takes place, in Stockholm time", "YYYY-MM-DD HH:MM" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &output.json, "each step and the outcome as a JSON line", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ID_OR_FILE — walk through a guide");
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsGuideLibrary) library = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(LotsGuideSession) session = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *only = NULL;
  g_auto(GStrv) answers = NULL;
  LotsGuide *guide = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Asks step by step in the terminal; with --answers or --answer it runs\n"
    "scripted and prints each step and the proposed outcome (--json: as JSON\n"
    "lines). A guide error exits 1.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return lotsctl_usage_error (context, "guide run takes one guide id or file");
  if (at != NULL && (when = lots_guide_parse_time (at)) == NULL)
    return lotsctl_usage_error (context, "--at \"%s\" is not a time such as \"2026-11-23 14:30\"", at);

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      library = library_for_path (argv[1], &only, diagnostics, &error);
      if (library == NULL)
        return lotsctl_fail (error);
      guide = lots_guide_library_find (library, argv[1]);
    }
  else
    {
      libraries = serving_libraries (diagnostics, &error);
      if (libraries == NULL)
        return lotsctl_fail (error);
      for (guint l = 0; l < libraries->len && guide == NULL; l++)
        guide = lots_guide_library_find (libraries->pdata[l], argv[1]);
    }
  for (guint i = 0; guide == NULL && only != NULL && i < lots_guide_library_get_guides (library)->len; i++)
    if (concerns (only, lots_guide_get_path (lots_guide_library_get_guides (library)->pdata[i])))
      guide = lots_guide_library_get_guides (library)->pdata[i];
  if (guide == NULL)
    {
      if (print_diagnostics (diagnostics, only) > 0)
        g_set_error (&error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s has errors (see above)", argv[1]);
      else
        g_set_error (&error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND,
                     "there is no guide \"%s\" (lotsctl guide list shows them)", argv[1]);
      return lotsctl_fail (error);
    }
  if (when != NULL)
    lots_guide_host_set_now (lots_guide_get_host (guide), when);
  session = lots_guide_session_new (guide, &error);
  if (session == NULL)
    return lotsctl_fail (error);

  if (answers_text != NULL)
    answers = g_strsplit (answers_text, ";", -1);
  else if (answer_list != NULL)
    answers = g_steal_pointer (&answer_list);
  if (answers != NULL)
    return run_scripted (session, answers, &output);
  output.interactive = TRUE;
  return run_interactive (session, &output);
}

/* ---- dispatch ------------------------------------------------------------------ */

int
lotsctl_guide (int    argc,
               char **argv)
{
  static const LotsctlSubcommand subcommands[] = {
    { "list", guide_list },
    { "run", guide_run },
    { "check", guide_check },
    { "test", guide_test },
  };

  return lotsctl_dispatch ("guide", subcommands, G_N_ELEMENTS (subcommands),
                           "  list                         list the guides of all sources\n"
                           "  run [--answers A;B] [--json] ID_OR_FILE   walk through a guide\n"
                           "  check PATH                   static checks: path:line: message\n"
                           "  test PATH                    run scenario tests: N passed, N failed\n",
                           argc, argv);
}

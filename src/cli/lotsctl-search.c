/* lotsctl-search.c — `lotsctl search`: one query, or a batch in one process.
 *
 * A search here records nothing by default: lotsctl is a scripting tool,
 * and the queries of a relevance test or a benchmark are not the content
 * gaps of a desk. --record-empty asks for it (a script that fronts a
 * kiosk, the app's tests): each query that found nothing is then written
 * to the case log as the desk app writes it (lots_caselog_add_empty_search,
 * which normalises and scrubs it), and travels with the next upload.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lots-builtin.h"
#include "lots-caselog.h"
#include "lots-index.h"
#include "lots-text.h"
#include "lotsctl.h"

typedef struct {
  char *area;
  char *boost_area;
  char *lang;
  char *batch;
  int limit;
  gboolean json;
  gboolean record_empty;
} SearchArgs;

/* How one query is run: the search options, the output form, and the
 * journal that queries finding nothing go to (NULL: not recorded). */
typedef struct {
  const LotsSearchOptions *options;
  gboolean json;
  gboolean batch;
  LotsCaselog *log;
} Run;

static void
print_hit_json (const LotsSearchResult *result,
                const LotsSearchHit    *hit,
                const char             *query,
                gint64                  us)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  if (query != NULL)
    {
      lotsctl_json_add_string (b, "query", query);
      json_builder_set_member_name (b, "us");
      json_builder_add_int_value (b, us);
    }
  lotsctl_json_add_string (b, "id", hit->id);
  lotsctl_json_add_string (b, "title", hit->title);
  lotsctl_json_add_string (b, "area", hit->area);
  lotsctl_json_add_string (b, "lang", hit->lang);
  json_builder_set_member_name (b, "score");
  json_builder_add_double_value (b, hit->score);
  lotsctl_json_add_string (b, "snippet", hit->snippet);
  lotsctl_json_add_string (b, "source", hit->source);
  lotsctl_json_add_string (b, "revision", hit->revision);
  json_builder_set_member_name (b, "current");
  json_builder_add_boolean_value (b, hit->current);
  lotsctl_json_add_strv (b, "translations", hit->translations);
  if (result->suggestion != NULL)
    lotsctl_json_add_string (b, "suggestion", result->suggestion);
  if (result->relaxed)
    {
      json_builder_set_member_name (b, "relaxed");
      json_builder_add_boolean_value (b, TRUE);
    }
  json_builder_end_object (b);
  lotsctl_print_json (b);
}

/* In a batch, a query that found nothing still gets a line, so that every
 * query's latency is reported; it has no "id". */
static void
print_empty_json (const char *query,
                  gint64      us)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  lotsctl_json_add_string (b, "query", query);
  json_builder_set_member_name (b, "us");
  json_builder_add_int_value (b, us);
  json_builder_set_member_name (b, "results");
  json_builder_add_int_value (b, 0);
  json_builder_end_object (b);
  lotsctl_print_json (b);
}

static void
print_text (const LotsSearchResult *result,
            const char             *query,
            gint64                  us)
{
  if (query != NULL)
    printf ("# %s  (%" G_GINT64_FORMAT " µs)\n", query, us);
  if (result->suggestion != NULL)
    printf ("Did you mean: %s\n", result->suggestion);
  if (result->relaxed)
    printf ("No article has every word; these have some of them:\n");
  if (result->hits->len == 0)
    printf ("No articles found.\n");
  for (guint i = 0; i < result->hits->len; i++)
    {
      const LotsSearchHit *hit = g_ptr_array_index (result->hits, i);
      g_autofree char *translations = hit->translations && hit->translations[0]
        ? g_strjoinv (", ", hit->translations) : NULL;

      printf ("%2u. %s%s\n    %s · %s · %s%s%s\n    %s\n", i + 1, hit->title,
              hit->current ? "" : "  (not current)",
              hit->id, hit->area, hit->source,
              translations ? " · also in " : "", translations ? translations : "",
              hit->snippet);
    }
}

/* With --record-empty: query found nothing (no result, not even through a
 * spelling suggestion or with some of its words), so it is a content gap
 * of the area searched (none given: every area). */
static int
record_empty (const Run  *run,
              const char *query)
{
  g_autoptr(GError) error = NULL;

  if (lots_caselog_add_empty_search (run->log, query, run->options->area, run->options->lang, &error))
    return LOTSCTL_EXIT_OK;
  g_prefix_error (&error, "not recorded as a search that found nothing: ");
  return lotsctl_fail (error);
}

static int
run_one (LotsIndex  *index,
         const char *query,
         const Run  *run)
{
  g_autoptr(LotsSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean json = run->json, batch = run->batch;
  gint64 us;

  result = lots_index_search (index, query, run->options, &error);
  us = g_get_monotonic_time () - start;
  if (result == NULL)
    return lotsctl_fail (error);
  if (!json)
    print_text (result, batch ? query : NULL, us);
  else if (result->hits->len == 0 && batch)
    print_empty_json (query, us);
  for (guint i = 0; json && i < result->hits->len; i++)
    print_hit_json (result, g_ptr_array_index (result->hits, i), batch ? query : NULL, us);
  if (result->hits->len == 0 && run->log != NULL)
    return record_empty (run, query);
  return LOTSCTL_EXIT_OK;
}

static int
run_batch (LotsIndex  *index,
           const char *file,
           const Run  *run)
{
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gsize terminator = 0;
  GIOStatus status;
  int worst = LOTSCTL_EXIT_OK;

  channel = g_str_equal (file, "-") ? g_io_channel_unix_new (0) : g_io_channel_new_file (file, "r", &error);
  if (channel == NULL)
    {
      fprintf (stderr, "lotsctl: cannot read %s: %s\n", file, error->message);
      return LOTSCTL_EXIT_USAGE;
    }
  g_io_channel_set_encoding (channel, NULL, NULL);
  while ((status = g_io_channel_read_line (channel, &line, NULL, &terminator, &error)) == G_IO_STATUS_NORMAL)
    {
      line[terminator] = '\0';
      if (g_strstrip (line)[0] != '\0')
        {
          if (!g_utf8_validate (line, -1, NULL))
            {
              fprintf (stderr, "lotsctl: %s: a query line is not UTF-8; skipped\n", file);
              worst = LOTSCTL_EXIT_FAILED;
            }
          else
            {
              int rc = run_one (index, line, run);
              worst = MAX (worst, rc);
            }
        }
      g_clear_pointer (&line, g_free);
      fflush (stdout);
    }
  if (status == G_IO_STATUS_ERROR)
    {
      fprintf (stderr, "lotsctl: reading %s: %s\n", file, error->message);
      return LOTSCTL_EXIT_FAILED;
    }
  return worst;
}

int
lotsctl_search (int    argc,
                char **argv)
{
  SearchArgs args = { .limit = 10 };
  GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_STRING, &args.area, "Only articles of this area", "AREA" },
    { "boost-area", 0, 0, G_OPTION_ARG_STRING, &args.boost_area, "Rank this area's articles higher", "AREA" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &args.lang, "Search articles in this language (default sv)", "LANG" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &args.limit, "At most N results (default 10)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json, "One JSON object per result line", NULL },
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &args.batch, "Run one query per line of FILE (- for stdin)", "FILE" },
    { "record-empty", 0, 0, G_OPTION_ARG_NONE, &args.record_empty,
      "Record each query that finds nothing in the case log, as a content gap", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("QUERY… — search the knowledge base");
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  LotsSearchOptions options = { 0 };
  Run run = { &options, FALSE, FALSE, NULL };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Searches as a handler types: inflected forms, compound parts, words typed\n"
    "without å/ä/ö, and the last word as a prefix. A misspelled query gets a\n"
    "suggestion and its results. With --batch each line is one query, and each\n"
    "result line also carries \"query\" and its latency \"us\" (a query with no\n"
    "results gives one line with \"results\": 0).\n"
    "\n"
    "Searches are not recorded unless --record-empty is given (for a script\n"
    "that fronts a kiosk): then each query that finds no article at all (not\n"
    "even through a spelling suggestion) is written to the case log as the\n"
    "desk app writes it, with --area (if given) and --lang, scrubbed of\n"
    "personal identity numbers, phone numbers and e-mail addresses.\n"
    "`lotsctl report` counts these content gaps per area and query, and\n"
    "`lotsctl upload` takes them to the outcomes remote.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    goto out;
  if (args.batch == NULL && argc < 2)
    {
      status = lotsctl_usage_error (context, "search needs a query (or --batch FILE)");
      goto out;
    }
  if (args.batch != NULL && argc > 1)
    {
      status = lotsctl_usage_error (context, "give either a query or --batch, not both");
      goto out;
    }
  if (args.limit < 1 || args.limit > 1000)
    {
      status = lotsctl_usage_error (context, "--limit must be between 1 and 1000");
      goto out;
    }
  if (args.lang != NULL && !lots_text_is_lang (args.lang))
    {
      status = lotsctl_usage_error (context, "--lang takes a language code such as sv or en, not '%s'", args.lang);
      goto out;
    }
  if ((args.area && !lots_text_is_slug (args.area)) || (args.boost_area && !lots_text_is_slug (args.boost_area)))
    {
      status = lotsctl_usage_error (context, "an area is an id such as aldre or forskola");
      goto out;
    }

  index = lots_builtin_open_index (&error);
  /* The journal before the first search: a script learns at once, not
   * after its first gap, that it cannot record. */
  if (index == NULL || (args.record_empty && (log = lots_caselog_open_default (&error)) == NULL))
    {
      status = lotsctl_fail (error);
      goto out;
    }
  options.lang = args.lang;
  options.area = args.area;
  options.boost_area = args.boost_area;
  options.limit = (guint) args.limit;
  run.json = args.json;
  run.batch = args.batch != NULL;
  run.log = log;
  if (args.batch != NULL)
    status = run_batch (index, args.batch, &run);
  else
    {
      query = g_strjoinv (" ", argv + 1);
      if (!g_utf8_validate (query, -1, NULL))
        status = lotsctl_usage_error (NULL, "the query is not valid UTF-8");
      else
        status = run_one (index, query, &run);
    }

out:
  g_free (args.area);
  g_free (args.boost_area);
  g_free (args.lang);
  g_free (args.batch);
  return status;
}

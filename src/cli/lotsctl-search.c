/* lotsctl-search.c — `lotsctl search`: one query, or a batch in one process. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lots-builtin.h"
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
} SearchArgs;

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

static int
run_one (LotsIndex               *index,
         const char              *query,
         const LotsSearchOptions *options,
         gboolean                 json,
         gboolean                 batch)
{
  g_autoptr(LotsSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 us;

  result = lots_index_search (index, query, options, &error);
  us = g_get_monotonic_time () - start;
  if (result == NULL)
    return lotsctl_fail (error);
  if (!json)
    print_text (result, batch ? query : NULL, us);
  else if (result->hits->len == 0 && batch)
    print_empty_json (query, us);
  for (guint i = 0; json && i < result->hits->len; i++)
    print_hit_json (result, g_ptr_array_index (result->hits, i), batch ? query : NULL, us);
  return LOTSCTL_EXIT_OK;
}

static int
run_batch (LotsIndex               *index,
           const char              *file,
           const LotsSearchOptions *options,
           gboolean                 json)
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
              int rc = run_one (index, line, options, json, TRUE);
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
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("QUERY… — search the knowledge base");
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  LotsSearchOptions options = { 0 };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Searches as a handler types: inflected forms, compound parts, words typed\n"
    "without å/ä/ö, and the last word as a prefix. A misspelled query gets a\n"
    "suggestion and its results. With --batch each line is one query, and each\n"
    "result line also carries \"query\" and its latency \"us\" (a query with no\n"
    "results gives one line with \"results\": 0).");
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
  if (index == NULL)
    {
      status = lotsctl_fail (error);
      goto out;
    }
  options.lang = args.lang;
  options.area = args.area;
  options.boost_area = args.boost_area;
  options.limit = (guint) args.limit;
  if (args.batch != NULL)
    status = run_batch (index, args.batch, &options, args.json);
  else
    {
      query = g_strjoinv (" ", argv + 1);
      if (!g_utf8_validate (query, -1, NULL))
        status = lotsctl_usage_error (NULL, "the query is not valid UTF-8");
      else
        status = run_one (index, query, &options, args.json, FALSE);
    }

out:
  g_free (args.area);
  g_free (args.boost_area);
  g_free (args.lang);
  g_free (args.batch);
  return status;
}

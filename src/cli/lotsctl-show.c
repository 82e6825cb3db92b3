/* lotsctl-show.c — `lotsctl show [--json] ID`: one article. */
#include "config.h"

#include <stdio.h>

#include "lots-article.h"
#include "lots-builtin.h"
#include "lots-index.h"
#include "lots-text.h"
#include "lots-error.h"
#include "lots-paths.h"
#include "lots-source-config.h"
#include "lots-source-repository.h"
#include "lotsctl.h"

static void
print_json (const LotsArticle *a,
            const char        *source,
            const char        *revision,
            GStrv              translations,
            gboolean           current)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  lotsctl_json_add_string (b, "id", a->id);
  lotsctl_json_add_string (b, "title", a->title);
  lotsctl_json_add_string (b, "area", a->area);
  lotsctl_json_add_string (b, "lang", a->lang);
  lotsctl_json_add_string (b, "summary", a->summary);
  lotsctl_json_add_strv (b, "tags", a->tags);
  lotsctl_json_add_strv (b, "synonyms", a->synonyms);
  lotsctl_json_add_string (b, "owner", a->owner);
  lotsctl_json_add_string (b, "valid_from", a->valid_from);
  lotsctl_json_add_string (b, "valid_until", a->valid_until);
  json_builder_set_member_name (b, "current");
  json_builder_add_boolean_value (b, current);
  lotsctl_json_add_string (b, "source", source);
  lotsctl_json_add_string (b, "revision", revision);
  lotsctl_json_add_string (b, "path", a->path);
  lotsctl_json_add_strv (b, "translations", translations);
  lotsctl_json_add_string (b, "markdown", a->markdown);
  json_builder_end_object (b);
  lotsctl_print_json (b);
}

static void
print_text (const LotsArticle *a,
            const char        *source,
            const char        *revision,
            GStrv              translations,
            gboolean           current)
{
  g_autofree char *other = translations && translations[0] ? g_strjoinv (", ", translations) : NULL;

  printf ("%s\n", a->title);
  printf ("%s · %s · %s · source %s (%s)\n", a->id, a->area, a->lang, source, revision ? revision : "-");
  if (a->valid_from || a->valid_until)
    printf ("Valid %s – %s%s\n", a->valid_from ? a->valid_from : "", a->valid_until ? a->valid_until : "",
            current ? "" : "  (NOT CURRENT)");
  if (other)
    printf ("Also in: %s (lotsctl show --lang LANG %s)\n", other, a->id);
  if (a->summary)
    printf ("\n%s\n", a->summary);
  printf ("\n%s\n", a->markdown);
}

/* The commits of the article's git source that changed its file, newest
 * first, read from the bare repository (built-in and draft sources have
 * no history). */
static int
print_history (const LotsArticle *article,
               const char        *source,
               const char        *revision,
               gboolean           json)
{
  g_autofree char *data_dir = lots_paths_dup_data_dir ();
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(LotsSourceRepository) repository = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  LotsSourceConfig *config;

  configs = lots_source_config_load (data_dir, &error);
  if (configs == NULL)
    return lotsctl_fail (error);
  config = lots_source_config_find (configs, source);
  if (config == NULL || revision == NULL)
    {
      g_set_error (&error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND,
                   "%s comes from source %s, which is not a git source: it has no history", article->id, source);
      return lotsctl_fail (error);
    }
  repository = lots_source_repository_open (config, data_dir, &error);
  if (repository != NULL)
    entries = lots_source_repository_history (repository, revision, article->path, 100, &error);
  if (entries == NULL)
    return lotsctl_fail (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const LotsHistoryEntry *entry = g_ptr_array_index (entries, i);

      if (json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          json_builder_begin_object (b);
          lotsctl_json_add_string (b, "commit", entry->commit);
          lotsctl_json_add_string (b, "author", entry->author);
          lotsctl_json_add_string (b, "date", entry->date);
          lotsctl_json_add_string (b, "summary", entry->summary);
          json_builder_end_object (b);
          lotsctl_print_json (b);
        }
      else
        printf ("%.12s  %s  %-24s %s\n", entry->commit, entry->date, entry->author, entry->summary);
    }
  return LOTSCTL_EXIT_OK;
}

int
lotsctl_show (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  gboolean history = FALSE;
  char *lang = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the article as one JSON object", NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "The translation in this language", "LANG" },
    { "history", 0, 0, G_OPTION_ARG_NONE, &history, "The commits that changed it, with author and date", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ID — show one article");
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(LotsArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL, *revision = NULL;
  g_auto(GStrv) translations = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!lotsctl_parse (context, &argc, &argv, &status))
    goto out;
  if (argc != 2)
    {
      status = lotsctl_usage_error (context, "show takes exactly one article id, e.g. aldre/ansoka-hemtjanst");
      goto out;
    }
  if (lang != NULL && !lots_text_is_lang (lang))
    {
      status = lotsctl_usage_error (context, "--lang takes a language code such as sv or en");
      goto out;
    }
  index = lots_builtin_open_index (&error);
  if (index != NULL)
    article = lots_index_get_article (index, argv[1], lang, &source, &revision, &translations, &error);
  if (article == NULL)
    {
      status = lotsctl_fail (error);
      goto out;
    }
  if (history)
    {
      status = print_history (article, source, revision, json);
      goto out;
    }
  if (json)
    print_json (article, source, revision, translations, lots_article_is_current (article, today));
  else
    print_text (article, source, revision, translations, lots_article_is_current (article, today));
  status = LOTSCTL_EXIT_OK;

out:
  g_free (lang);
  return status;
}

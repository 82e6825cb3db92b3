/* lotsctl-show.c — `lotsctl show [--json] ID`: one article. */
#include "config.h"

#include <stdio.h>

#include "lots-article.h"
#include "lots-builtin.h"
#include "lots-index.h"
#include "lots-text.h"
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

int
lotsctl_show (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  char *lang = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the article as one JSON object", NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "The translation in this language", "LANG" },
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
  if (json)
    print_json (article, source, revision, translations, lots_article_is_current (article, today));
  else
    print_text (article, source, revision, translations, lots_article_is_current (article, today));
  status = LOTSCTL_EXIT_OK;

out:
  g_free (lang);
  return status;
}

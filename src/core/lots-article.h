/* lots-article.h — one knowledge article: YAML front matter and a CommonMark body.
 *
 * The article is the unit a handler reads during a call. Its front matter is
 * checked against the source's manifest here; checks that need every article
 * of a source at once (duplicate ids, links to missing articles) live in
 * lots-source.c.
 */
#pragma once

#include <glib.h>

#include "lots-manifest.h"

G_BEGIN_DECLS

typedef struct {
  char *path;         /* relative to the source root */
  char *id;           /* AREA/SLUG */
  guint id_line;      /* the line of `id:`, for diagnostics that name the article */
  char *title;
  char *area;
  char *lang;
  char *summary;      /* may be NULL */
  char *owner;        /* may be NULL */
  char *valid_from;   /* YYYY-MM-DD or NULL */
  char *valid_until;  /* YYYY-MM-DD or NULL */
  GStrv tags;
  GStrv synonyms;
  char *markdown;     /* the body, as written */
  char *text;         /* the body as plain text, for the index */
  guint body_line;    /* the file line the body starts on */
  GPtrArray *links;   /* article ids linked with lots:ID (char *) */
  GArray *link_lines; /* guint, the line of each link */
} LotsArticle;

/* The largest article accepted; a knowledge article is a page, not a book. */
#define LOTS_ARTICLE_MAX_SIZE (1024 * 1024)

LotsArticle *lots_article_parse             (const char         *path,
                                             const char         *text,
                                             gsize               length,
                                             const LotsManifest *manifest,
                                             GPtrArray          *diagnostics);
void         lots_article_free              (LotsArticle *article);
gboolean     lots_article_is_current        (const LotsArticle *article,
                                             const char        *today);
char        *lots_markdown_to_text          (const char *markdown,
                                             gsize       length,
                                             GPtrArray  *links);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsArticle, lots_article_free)

G_END_DECLS

/* lots-index.h — the search index: SQLite FTS5 over every source's articles.
 *
 * The index is a cache: it can always be rebuilt from the sources, so it is
 * written with WAL and synchronous=NORMAL (fast), unlike the case log. Each
 * language has its own FTS5 table, tokenized for that language, over one
 * shared `articles` table (external content), and its own vocabulary table
 * with document frequencies, which the query planner uses to expand a
 * half-typed word to its likeliest completions.
 */
#pragma once

#include <glib.h>

#include "lots-article.h"
#include "lots-source.h"

G_BEGIN_DECLS

typedef struct _LotsIndex LotsIndex;

typedef struct {
  const char *lang;        /* "sv" when NULL */
  const char *area;        /* only this area, or NULL */
  const char *boost_area;  /* rank this area's articles higher, or NULL */
  guint limit;             /* 10 when 0 */
  const char *today;       /* YYYY-MM-DD for validity; the local date when NULL */
  const char *mark_open;   /* around matched words in snippets; "«" when NULL */
  const char *mark_close;  /* "»" when NULL */
  gboolean no_suggest;     /* do not correct spelling when nothing is found */
} LotsSearchOptions;

typedef struct {
  char *id;
  char *lang;
  char *title;
  char *area;
  char *summary;
  char *snippet;
  char *source;
  char *revision;
  double score;            /* higher is better */
  gboolean current;        /* inside its valid_from/valid_until window */
  GStrv translations;      /* other languages the article exists in */
  gint64 rowid;            /* the article's row in this index */
} LotsSearchHit;

typedef struct {
  GPtrArray *hits;         /* LotsSearchHit, best first */
  char *suggestion;        /* the corrected query the hits are for, or NULL */
  gboolean relaxed;        /* no article had every word; these have some */
  char *fts_query;         /* the FTS5 expression run, for debugging */
} LotsSearchResult;

typedef struct {
  char *id;
  char *title;
  char *owner;
  char *kind;              /* "builtin", "folder", "git" */
  char *location;
  char *revision;
  char *indexed_at;
  guint n_articles;
} LotsIndexedSource;

LotsIndex        *lots_index_open              (const char  *filename,
                                                GError     **error);
void              lots_index_close             (LotsIndex   *self);
gboolean          lots_index_put_source        (LotsIndex   *self,
                                                LotsSource  *source,
                                                const char  *kind,
                                                const char  *location,
                                                GError     **error);
gboolean          lots_index_update_source     (LotsIndex          *self,
                                                LotsSource         *changed,
                                                const char *const  *removed_paths,
                                                const char         *kind,
                                                const char         *location,
                                                GError            **error);
gboolean          lots_index_has_article       (LotsIndex          *self,
                                                const char         *id,
                                                const char         *source_id,
                                                const char *const  *excluded_paths,
                                                char              **title);
gboolean          lots_index_remove_source     (LotsIndex   *self,
                                                const char  *source_id,
                                                GError     **error);
char             *lots_index_dup_revision      (LotsIndex   *self,
                                                const char  *source_id);
GPtrArray        *lots_index_list_sources      (LotsIndex   *self,
                                                GError     **error);
gboolean          lots_index_put_areas         (LotsIndex   *self,
                                                GPtrArray   *areas,
                                                GError     **error);
GPtrArray        *lots_index_list_areas        (LotsIndex   *self,
                                                GError     **error);
gboolean          lots_index_prepare           (LotsIndex   *self,
                                                const char  *lang,
                                                GError     **error);
LotsSearchResult *lots_index_search            (LotsIndex               *self,
                                                const char              *query,
                                                const LotsSearchOptions *options,
                                                GError                 **error);
LotsArticle      *lots_index_get_article       (LotsIndex   *self,
                                                const char  *id,
                                                const char  *lang,
                                                char       **source_id,
                                                char       **revision,
                                                GStrv       *translations,
                                                GError     **error);

void              lots_search_result_free      (LotsSearchResult  *result);
void              lots_indexed_source_free     (LotsIndexedSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsIndex, lots_index_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsSearchResult, lots_search_result_free)

G_END_DECLS

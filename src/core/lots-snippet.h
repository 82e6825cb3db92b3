/* lots-snippet.h — the passage of a hit's text shown under its title.
 *
 * FTS5's snippet() finds a row's hits by evaluating the whole query again
 * for that row: a seek into every phrase's doclist in every segment, which
 * for a typed prefix (ten completions, some in most articles) cost ~1 ms per
 * hit, more than ranking. A LotsSnippetQuery is made once per search from
 * the FTS5 query and marks the words of a text whose index tokens are among
 * the query's, found the way the index found them (lots_tokenize_document()
 * on the word); only words that could be such a word by their first letters
 * or a compound part they contain are analysed, so a 300-word body costs
 * tens of microseconds. The window shown is the one with the most distinct
 * query words, then the most hits, then the earliest.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LotsSnippetQuery LotsSnippetQuery;

/* match: an FTS5 query as lots_query_plan_to_fts5() writes it (quoted
 * phrases joined by AND, OR and parentheses); map: its phrase → word map
 * ("0:120,0:7,1"), which tells which phrases are the same word. */
LotsSnippetQuery *lots_snippet_query_new  (const char *lang,
                                           const char *match,
                                           const char *map);
void              lots_snippet_query_free (LotsSnippetQuery *self);

/* A window of at most n_words words of text with each matched word between
 * open and close, "…" where text was left out; NULL when no word of text
 * matches. */
char             *lots_snippet_build      (LotsSnippetQuery *self,
                                           const char       *text,
                                           guint             n_words,
                                           const char       *open,
                                           const char       *close);

/* The first n_words words of text, "…" after them if text goes on: what is
 * shown for an article found by its title or keywords alone. NULL when
 * text has no word. */
char             *lots_snippet_lead       (const char       *text,
                                           guint             n_words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsSnippetQuery, lots_snippet_query_free)

G_END_DECLS

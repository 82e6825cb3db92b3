/* lots-query.h — turning what a handler types into an FTS5 query.
 *
 * Query planning is where search gets both its relevance and its speed:
 * each word becomes the set of index tokens it may have been written as
 * (lemmas, compound parts, the form without å/ä/ö when the word as typed is
 * unknown), stop words are dropped, and the last word — still being typed —
 * is expanded to its likeliest completions only, never to every term that
 * shares its first letters — except in the small head table (titles,
 * keywords, summaries), where it is also an FTS5 prefix (LOTS_QUERY_HEAD).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the planner needs to know about the index's vocabulary. */
typedef struct {
  gboolean   (*has_term) (const char *term, gpointer user_data);
  /* In how many articles the term occurs (0: none). */
  gint64     (*document_frequency) (const char *term, gpointer user_data);
  /* Terms starting with prefix (prefix excluded), most documents first. */
  GPtrArray *(*complete) (const char *prefix, guint max, gpointer user_data);
  gpointer user_data;
} LotsVocabulary;

typedef struct {
  char *word;             /* as typed */
  GPtrArray *tokens;      /* char *: index tokens that match it (OR) */
  GPtrArray *wider_tokens;/* char *: a second tier, used only to fill a short result
                           * list: compounds the word is part of, and completions
                           * of a last word that is already a whole word */
  GPtrArray *phrases;     /* char *: FTS5 phrases for hyphenated words, e.g. "bank" + "id" */
  gboolean prefix;        /* the word is being typed: completions included */
  char *typed_prefix;     /* the word as typed, lower case, when it is long enough to
                           * be an FTS5 prefix query (LOTS_QUERY_HEAD), else NULL */
  gint64 prefix_df;       /* the document count typed_prefix is scored with: the
                           * least of the listed completions', or the word's own */
  gboolean found;         /* some token of the word is in the index */
  gboolean stop;          /* a stop word: nothing to correct */
} LotsQueryGroup;

typedef struct {
  GPtrArray *groups;      /* LotsQueryGroup: all must match (AND) */
} LotsQueryPlan;

/* How many completions the last, half-typed word expands to. */
#define LOTS_QUERY_MAX_COMPLETIONS 8
/* Words planned from one query: no handler types more, and each costs
 * lookups (and, misspelled, a Hunspell suggestion of tens of ms). */
#define LOTS_QUERY_MAX_WORDS 16
#define LOTS_QUERY_MAX_CORRECTIONS 3

LotsQueryPlan *lots_query_plan          (const char           *query,
                                         const char           *lang,
                                         const LotsVocabulary *vocabulary);
void           lots_query_plan_free     (LotsQueryPlan *plan);
typedef enum {
  LOTS_QUERY_ALL_WORDS = 0,       /* every word must match */
  LOTS_QUERY_ANY_WORD = 1 << 0,   /* some word must match */
  LOTS_QUERY_WIDER = 1 << 1,      /* include each group's wider tokens */
  LOTS_QUERY_HEAD = 1 << 2,       /* for the head table (title, keywords, summary):
                                   * a word being typed also matches as an FTS5
                                   * prefix, so a rare completion is found too */
} LotsQueryFlags;

/* Letters a typed word needs to be matched as a prefix in the head table:
 * FTS5 walks every term with the prefix, in every segment. */
#define LOTS_QUERY_MIN_HEAD_PREFIX_CHARS 3

char          *lots_query_plan_to_fts5  (const LotsQueryPlan  *plan,
                                         LotsQueryFlags        flags,
                                         const LotsVocabulary *vocabulary,
                                         GString              *phrase_groups);
gboolean       lots_query_plan_is_widenable (const LotsQueryPlan *plan);
char          *lots_query_suggest       (const char           *query,
                                         const LotsQueryPlan  *plan,
                                         const char           *lang,
                                         const LotsVocabulary *vocabulary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsQueryPlan, lots_query_plan_free)

G_END_DECLS

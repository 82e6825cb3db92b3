/* lots-tokenizer.h — the Swedish FTS5 tokenizer "lots".
 *
 * For each word of a document the tokenizer emits, at one position
 * (FTS5_TOKEN_COLOCATED), everything a handler might type to find it:
 *
 *   the word in lower case           förskolan
 *   its lemmas (Hunspell/Snowball)    förskola
 *   its compound parts, marked        ␂skola        (LOTS_TOKEN_PART)
 *   its forms without å/ä/ö, marked   ␃forskolan ␃forskola (LOTS_TOKEN_FOLDED)
 *   for "bank-id", the joined form    bankid, plus each half's tokens
 *
 * Parts and folded forms carry a marker byte so a query can ask for them
 * separately: "tillstånd" should find "parkeringstillstånd", but rank the
 * article about tillstånd itself higher, and "far" (father) must not match
 * "får" unless nothing else does. Stop words are not indexed.
 *
 * In query mode the tokenizer passes each quoted term through untouched: the
 * query planner (lots-query.c) has already analysed the words and written
 * the exact tokens to look up. For snippet() and highlight() (FTS5's aux
 * mode) it emits one token per position the document has, unanalysed: they
 * mark hits by the positions stored in the index, never by token text.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define LOTS_TOKEN_PART   "\002"
#define LOTS_TOKEN_FOLDED "\003"

/* A word of text: a run of letters and digits, or several joined by single
 * hyphens ("bank-id", "e-legitimation"). Offsets are bytes into the text. */
typedef struct {
  gsize start;
  gsize end;
  guint n_pieces;       /* 1 for a plain word; the hyphen-separated pieces otherwise */
  gsize piece_start[8];
  gsize piece_end[8];
} LotsWord;

gboolean lots_word_next (const char *text,
                         gsize       length,
                         gsize      *position,
                         LotsWord   *word);

/* Called with every token a document emits, while a collector is set. */
typedef void (*LotsTokenCollector) (const char *token,
                                    gsize       length,
                                    gpointer    user_data);

typedef struct {
  LotsTokenCollector collect;  /* NULL: not collecting */
  gpointer user_data;
} LotsTokenizerHooks;

gboolean lots_tokenizer_register (sqlite3            *db,
                                  LotsTokenizerHooks *hooks,
                                  GError            **error);

/* Calls emit() for each token of text, as the index sees it; for tests and
 * for the query planner's vocabulary checks. */
typedef void (*LotsTokenEmit) (const char *token,
                               gsize       length,
                               gboolean    colocated,
                               gsize       start,
                               gsize       end,
                               gpointer    user_data);

void     lots_tokenize_document  (const char    *lang,
                                  const char    *text,
                                  gsize          length,
                                  LotsTokenEmit  emit,
                                  gpointer       user_data);
/* The same without the compound-part tokens (the dictionary halves of
 * compounds): every other token is the same, and a new word costs a few
 * Hunspell lookups instead of dozens. For snippets of a query that looks
 * for no compound part. */
void     lots_tokenize_document_whole (const char    *lang,
                                       const char    *text,
                                       gsize          length,
                                       LotsTokenEmit  emit,
                                       gpointer       user_data);

G_END_DECLS

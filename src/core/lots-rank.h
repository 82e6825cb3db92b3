/* lots-rank.h — lots_rank(), the FTS5 ranking function of Lots.
 *
 * FTS5's built-in bm25() multiplies each column's term frequency by its
 * weight before saturating it, so one title hit counts about as much as a
 * few body hits, and it sums over every OR-ed alternative of a word, so an
 * article using five inflections or completions of a word outranks the one
 * titled with it. lots_rank() is BM25F as handlers need it:
 *
 *   score = Σ over query words  max over the word's alternatives
 *           idf(alt) · Σ over columns  w_col · sat(tf_col, len_col)
 *
 * with weights title 5, keywords 3, summary 2, body 1, area 0. Its first
 * argument is the map from FTS5 phrase number to query word that the planner
 * wrote along with the query ("0:120,0:7,1": phrases 0 and 1 are
 * alternatives of word 0, in 120 and 7 articles; phrase 2 is word 1, whose
 * document count lots_rank() finds itself). An optional second argument,
 * bound with sqlite3_bind_pointer() as LOTS_COLUMN_SIZES_POINTER_TYPE, gives
 * the rows' column lengths from memory (lots-column-sizes.h); without it
 * (or for a row it lacks) each row's lengths come from FTS5's docsize
 * table, one lookup per row — most of the cost of ranking a frequent word.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean lots_rank_register (sqlite3  *db,
                             GError  **error);

/* The most lots_rank() can give an article in an index of n_rows articles
 * for its matches outside the title, keywords and summary (the body and
 * the area), for the phrase map the planner wrote: Σ over words of the
 * body weight × (k1 + 1) × the largest idf among the word's alternatives.
 * An article that matches no word in its title, keywords or summary scores
 * at most this. A phrase without a document count counts as the rarest. */
double   lots_rank_body_bound (const char *map,
                               gint64      n_rows);

G_END_DECLS

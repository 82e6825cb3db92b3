/* lots-tokenizer.c — the "lots" FTS5 tokenizer (see the header for what it
 * emits and why). */
#define G_LOG_DOMAIN "lots-tokenizer"

#include "config.h"

#include "lots-tokenizer.h"

#include <string.h>

#include "lots-error.h"
#include "lots-morphology.h"

/* Tokens longer than this are not indexed: no one types them. */
#define MAX_TOKEN_BYTES 96

typedef struct {
  LotsMorphology *morphology;
  LotsTokenizerHooks *hooks;
} Tokenizer;

/* ---- words --------------------------------------------------------------- */

static gboolean
is_word_char (const char *p,
              const char *end)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* One character on; a byte that does not start a valid UTF-8 character is
 * skipped alone, so it can neither join a word nor hide the next one. */
static const char *
skip_char (const char *p,
           const char *end)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    return p + 1;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return p + 1;
  return MIN (g_utf8_next_char (p), end);
}

/* Finds the next word at or after *position. Text is trusted to be UTF-8
 * only as far as g_utf8_get_char_validated says: invalid bytes separate
 * words like punctuation does. */
gboolean
lots_word_next (const char *text,
                gsize       length,
                gsize      *position,
                LotsWord   *word)
{
  const char *end = text + length;
  const char *p = text + *position;

  while (p < end && !is_word_char (p, end))
    p = skip_char (p, end);
  if (p >= end)
    {
      *position = length;
      return FALSE;
    }

  memset (word, 0, sizeof *word);
  word->start = (gsize) (p - text);
  for (;;)
    {
      const char *piece = p;

      while (p < end && is_word_char (p, end))
        p = skip_char (p, end);
      if (word->n_pieces < G_N_ELEMENTS (word->piece_start))
        {
          word->piece_start[word->n_pieces] = (gsize) (piece - text);
          word->piece_end[word->n_pieces] = (gsize) (p - text);
          word->n_pieces++;
        }
      /* "bank-id": a single hyphen between two word characters joins. */
      if (p + 1 < end && *p == '-' && is_word_char (p + 1, end) && word->n_pieces < G_N_ELEMENTS (word->piece_start))
        {
          p++;
          continue;
        }
      break;
    }
  word->end = (gsize) (p - text);
  *position = word->end;
  return TRUE;
}

/* ---- emitting one word's tokens ------------------------------------------ */

typedef struct {
  LotsTokenEmit emit;
  gpointer user_data;
  gboolean colocated;    /* the next token shares the previous one's position */
  gsize start, end;
  GString *seen;         /* tokens emitted at this position, each after its length byte */
} Emitter;

/* Whether token was emitted at this position already. Each word's tokens
 * are checked against the few before them, for every word indexed, so the
 * list is one reused buffer rather than a string allocated per token. */
static gboolean
seen_before (Emitter    *e,
             const char *token,
             gsize       length)
{
  for (gsize at = 0; at < e->seen->len; at += 1 + (guchar) e->seen->str[at])
    if ((guchar) e->seen->str[at] == length && memcmp (e->seen->str + at + 1, token, length) == 0)
      return TRUE;
  return FALSE;
}

static void
emit_token (Emitter    *e,
            const char *marker,
            const char *token)
{
  char buffer[MAX_TOKEN_BYTES + 2];
  gsize n = strlen (token);
  gsize m = marker ? 1 : 0;

  if (n == 0 || n + m > MAX_TOKEN_BYTES)
    return;
  if (m)
    buffer[0] = marker[0];
  memcpy (buffer + m, token, n);
  buffer[n + m] = '\0';
  if (seen_before (e, buffer, n + m))
    return;
  g_string_append_c (e->seen, (char) (n + m));
  g_string_append_len (e->seen, buffer, (gssize) (n + m));
  e->emit (buffer, n + m, e->colocated, e->start, e->end, e->user_data);
  e->colocated = TRUE;
}

static void
emit_analysis (Emitter                *e,
               const LotsWordAnalysis *a)
{
  if (a->stop)
    return;
  emit_token (e, NULL, a->lower);
  for (guint i = 0; a->lemmas[i]; i++)
    emit_token (e, NULL, a->lemmas[i]);
  for (guint i = 0; a->parts[i]; i++)
    emit_token (e, LOTS_TOKEN_PART, a->parts[i]);
  for (guint i = 0; a->folded[i]; i++)
    emit_token (e, LOTS_TOKEN_FOLDED, a->folded[i]);
}

/* split: find the dictionary halves of compounds too. Documents need them;
 * snippets only need the same positions, and skipping the split saves dozens
 * of Hunspell lookups per word of each hit's body. */
static LotsWordAnalysis *
analyze (LotsMorphology *morphology,
         const char     *word,
         gssize          length,
         gboolean        split)
{
  return split ? lots_morphology_analyze (morphology, word, length)
               : lots_morphology_analyze_query (morphology, word, length);
}

static void
emit_word (LotsMorphology *morphology,
           const char     *text,
           const LotsWord *word,
           gboolean        split,
           Emitter        *e)
{
  e->start = word->start;
  e->end = word->end;
  e->colocated = FALSE;
  g_string_truncate (e->seen, 0);

  if (word->n_pieces > 1)
    {
      /* "bank-id" is indexed as "bankid" too, so both spellings meet. */
      g_autoptr(GString) joined = g_string_new (NULL);
      g_autoptr(LotsWordAnalysis) whole = NULL;

      for (guint i = 0; i < word->n_pieces; i++)
        g_string_append_len (joined, text + word->piece_start[i], (gssize) (word->piece_end[i] - word->piece_start[i]));
      whole = analyze (morphology, joined->str, (gssize) joined->len, split);
      emit_analysis (e, whole);
    }
  for (guint i = 0; i < word->n_pieces; i++)
    {
      g_autoptr(LotsWordAnalysis) piece =
        analyze (morphology, text + word->piece_start[i],
                 (gssize) (word->piece_end[i] - word->piece_start[i]), split);
      emit_analysis (e, piece);
    }
}

/* ---- positions only, for snippets ---------------------------------------- */

/* Whether one piece of a word emits a token in a document. A token is
 * dropped when it is longer than MAX_TOKEN_BYTES, and lower-casing can
 * triple a word's bytes, so only a word of at most a third of that is sure
 * to keep its lower-case form and needs no more than the stop word check;
 * a longer (rare) one is analysed as the document was. */
static gboolean
piece_emits (LotsMorphology *morphology,
             const char     *text,
             gsize           length)
{
  g_autoptr(LotsWordAnalysis) a = NULL;

  if (length <= MAX_TOKEN_BYTES / 3)
    return !lots_morphology_is_stop_word_as_written (morphology, text, length);
  a = lots_morphology_analyze (morphology, text, (gssize) length);
  if (a->stop)
    return FALSE;
  if (strlen (a->lower) <= MAX_TOKEN_BYTES)
    return TRUE;
  for (guint i = 0; a->lemmas[i]; i++)
    if (strlen (a->lemmas[i]) <= MAX_TOKEN_BYTES)
      return TRUE;
  for (guint i = 0; a->parts[i]; i++)
    if (strlen (a->parts[i]) + 1 <= MAX_TOKEN_BYTES)
      return TRUE;
  for (guint i = 0; a->folded[i]; i++)
    if (strlen (a->folded[i]) + 1 <= MAX_TOKEN_BYTES)
      return TRUE;
  return FALSE;
}

/* Whether emit_word() gives the word a position: whether the whole word
 * (when hyphenated) or any of its pieces emits a token. */
static gboolean
word_has_position (LotsMorphology *morphology,
                   const char     *text,
                   const LotsWord *word)
{
  for (guint i = 0; i < word->n_pieces; i++)
    if (piece_emits (morphology, text + word->piece_start[i], word->piece_end[i] - word->piece_start[i]))
      return TRUE;
  if (word->n_pieces > 1)
    {
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < word->n_pieces; i++)
        g_string_append_len (joined, text + word->piece_start[i], (gssize) (word->piece_end[i] - word->piece_start[i]));
      return piece_emits (morphology, joined->str, joined->len);
    }
  return FALSE;
}

static void
tokenize (const char    *lang,
          const char    *text,
          gsize          length,
          gboolean       split,
          LotsTokenEmit  emit,
          gpointer       user_data)
{
  LotsMorphology *morphology = lots_morphology_get (lang);
  Emitter e = { emit, user_data, FALSE, 0, 0, g_string_new (NULL) };
  gsize position = 0;
  LotsWord word;

  while (lots_word_next (text, length, &position, &word))
    emit_word (morphology, text, &word, split, &e);
  g_string_free (e.seen, TRUE);
}

void
lots_tokenize_document (const char    *lang,
                        const char    *text,
                        gsize          length,
                        LotsTokenEmit  emit,
                        gpointer       user_data)
{
  tokenize (lang, text, length, TRUE, emit, user_data);
}

void
lots_tokenize_document_whole (const char    *lang,
                              const char    *text,
                              gsize          length,
                              LotsTokenEmit  emit,
                              gpointer       user_data)
{
  tokenize (lang, text, length, FALSE, emit, user_data);
}

/* ---- the FTS5 tokenizer --------------------------------------------------- */

typedef struct {
  void *ctx;
  int (*x_token) (void *, int, const char *, int, int, int);
  LotsTokenizerHooks *hooks;
  int rc;
} Fts5Call;

static void
emit_to_fts5 (const char *token,
              gsize       length,
              gboolean    colocated,
              gsize       start,
              gsize       end,
              gpointer    user_data)
{
  Fts5Call *call = user_data;

  if (call->rc != SQLITE_OK)
    return;
  call->rc = call->x_token (call->ctx, colocated ? FTS5_TOKEN_COLOCATED : 0,
                            token, (int) length, (int) start, (int) end);
  if (call->hooks != NULL && call->hooks->collect != NULL)
    call->hooks->collect (token, length, call->hooks->user_data);
}

static int
x_create (void        *user_data,
          const char **args,
          int          n_args,
          Fts5Tokenizer **out)
{
  Tokenizer *tokenizer = g_new0 (Tokenizer, 1);
  const char *lang = n_args > 0 ? args[0] : "sv";

  tokenizer->morphology = lots_morphology_get (lang);
  tokenizer->hooks = user_data;
  *out = (Fts5Tokenizer *) tokenizer;
  return SQLITE_OK;
}

static void
x_delete (Fts5Tokenizer *tokenizer)
{
  g_free (tokenizer);
}

/* snippet() and highlight() tokenize a column only to map the positions
 * of the hits, which they read from the index, to byte offsets: they mark a
 * token by its position and never look at its text. So each word that has a
 * position in the index gets one token here, and no analysis — Hunspell on
 * every new word of ten bodies was most of a query's time. */
static int
tokenize_positions (LotsMorphology *morphology,
                    void           *ctx,
                    const char     *text,
                    int             length,
                    int (*x_token) (void *, int, const char *, int, int, int))
{
  gsize position = 0;
  LotsWord word;
  int rc = SQLITE_OK;

  while (rc == SQLITE_OK && lots_word_next (text, (gsize) length, &position, &word))
    if (word_has_position (morphology, text, &word))
      rc = x_token (ctx, 0, text + word.start, (int) (word.end - word.start), (int) word.start, (int) word.end);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
x_tokenize (Fts5Tokenizer *fts5_tokenizer,
            void          *ctx,
            int            flags,
            const char    *text,
            int            length,
            int (*x_token) (void *, int, const char *, int, int, int))
{
  Tokenizer *tokenizer = (Tokenizer *) fts5_tokenizer;
  Fts5Call call = { ctx, x_token, NULL, SQLITE_OK };
  Emitter e = { emit_to_fts5, &call, FALSE, 0, 0, NULL };
  gsize position = 0;
  LotsWord word;

  if (length <= 0)
    return SQLITE_OK;
  if (flags & FTS5_TOKENIZE_QUERY)
    return x_token (ctx, 0, text, length, 0, length);
  if (flags & FTS5_TOKENIZE_AUX)
    return tokenize_positions (tokenizer->morphology, ctx, text, length, x_token);

  if (flags & FTS5_TOKENIZE_DOCUMENT)
    call.hooks = tokenizer->hooks;
  e.seen = g_string_new (NULL);
  while (call.rc == SQLITE_OK && lots_word_next (text, (gsize) length, &position, &word))
    emit_word (tokenizer->morphology, text, &word, (flags & FTS5_TOKENIZE_DOCUMENT) != 0, &e);
  g_string_free (e.seen, TRUE);
  return call.rc == SQLITE_DONE ? SQLITE_OK : call.rc;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/* Registers "lots" on db. hooks (may be NULL) must outlive the connection. */
gboolean
lots_tokenizer_register (sqlite3            *db,
                         LotsTokenizerHooks *hooks,
                         GError            **error)
{
  fts5_tokenizer methods = { x_create, x_delete, x_tokenize };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE,
                   "this SQLite has no FTS5: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  if (api->xCreateTokenizer (api, "lots", hooks, &methods, NULL) != SQLITE_OK)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE,
                   "could not register the Swedish tokenizer: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

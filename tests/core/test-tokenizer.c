/* test-tokenizer.c — words, the tokens the index stores for them, and the
 * Swedish morphology behind them (lots-tokenizer.c, lots-morphology.c).
 *
 * /tokenizer/word/…   lots_word_next: where words start and end, hyphens,
 *                     digits, punctuation and bytes that are not UTF-8;
 * /tokenizer/lemma/…  lots_tokenize_document emits an inflected word's base
 *                     form at the word's own position (colocated);
 * /tokenizer/…        compound parts, forms without å/ä/ö, hyphenated words,
 *                     stop words, case;
 * /tokenizer/highlight snippets and highlights tokenize without analysis:
 *                     their positions must be the document's;
 * /morphology/…       the analysis itself, its cache and suggestions.
 * Search-level behaviour on the same words is in test-query.c.
 */
#include "config.h"

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "lots-morphology.h"
#include "lots-tokenizer.h"

/* ---- collecting what the tokenizer emits ----------------------------------- */

typedef struct {
  char *token;      /* markers kept: LOTS_TOKEN_PART, LOTS_TOKEN_FOLDED */
  gboolean colocated;
  gsize start, end;
} Token;

static void
token_free (Token *token)
{
  g_free (token->token);
  g_free (token);
}

static void
collect (const char *token,
         gsize       length,
         gboolean    colocated,
         gsize       start,
         gsize       end,
         gpointer    user_data)
{
  Token *t = g_new0 (Token, 1);

  t->token = g_strndup (token, length);
  t->colocated = colocated;
  t->start = start;
  t->end = end;
  g_ptr_array_add (user_data, t);
}

static GPtrArray *
tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) token_free);

  lots_tokenize_document ("sv", text, strlen (text), collect, tokens);
  return tokens;
}

static const Token *
find_token (GPtrArray  *tokens,
            const char *token)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = g_ptr_array_index (tokens, i);
      if (g_str_equal (t->token, token))
        return t;
    }
  return NULL;
}

/* The number of positions: tokens that are not colocated with the previous. */
static guint
n_positions (GPtrArray *tokens)
{
  guint n = 0;

  for (guint i = 0; i < tokens->len; i++)
    if (!((const Token *) g_ptr_array_index (tokens, i))->colocated)
      n++;
  return n;
}

/* text is one word: its first token is the word in lower case, and token is
 * emitted at the same position (colocated, same offsets). */
static void
assert_colocated (const char *text,
                  const char *lower,
                  const char *token)
{
  g_autoptr(GPtrArray) tokens = tokenize (text);
  const Token *first, *t;

  g_assert_cmpuint (tokens->len, >, 0);
  first = g_ptr_array_index (tokens, 0);
  g_assert_cmpstr (first->token, ==, lower);
  g_assert_false (first->colocated);
  g_assert_cmpuint (n_positions (tokens), ==, 1);
  t = find_token (tokens, token);
  if (t == NULL)
    {
      for (guint i = 0; i < tokens->len; i++)
        g_test_message ("%s: token %u '%s'", text, i, ((const Token *) g_ptr_array_index (tokens, i))->token);
    }
  g_assert_nonnull (t);
  g_assert_true (t == first || t->colocated);
  g_assert_cmpuint (t->start, ==, first->start);
  g_assert_cmpuint (t->end, ==, first->end);
}

/* ---- words ---------------------------------------------------------------- */

typedef struct {
  gsize start, end;
  guint n_pieces;
} Span;

static GArray *
words_of (const char *text,
          gsize       length)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  gsize position = 0;
  LotsWord word;

  while (lots_word_next (text, length, &position, &word))
    {
      Span span = { word.start, word.end, word.n_pieces };

      g_assert_cmpuint (word.start, <, word.end);
      g_assert_cmpuint (word.end, <=, length);
      g_assert_cmpuint (position, ==, word.end);
      g_assert_cmpuint (word.n_pieces, >=, 1);
      g_assert_cmpuint (word.n_pieces, <=, G_N_ELEMENTS (word.piece_start));
      for (guint i = 0; i < word.n_pieces; i++)
        {
          g_assert_cmpuint (word.piece_start[i], >=, word.start);
          g_assert_cmpuint (word.piece_end[i], <=, word.end);
          g_assert_cmpuint (word.piece_start[i], <, word.piece_end[i]);
        }
      g_array_append_val (spans, span);
    }
  g_assert_cmpuint (position, ==, length);
  return spans;
}

/* The words of text, joined by '|'. */
static char *
words_joined (const char *text)
{
  g_autoptr(GArray) spans = words_of (text, strlen (text));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + s->start, (gssize) (s->end - s->start));
    }
  return g_string_free (out, FALSE);
}

static void
test_word_punctuation (void)
{
  const struct { const char *text, *words; } cases[] = {
    { "Hej, världen!", "Hej|världen" },
    { "  (förskola)  ", "förskola" },
    { "ring 08-508 40 000.", "ring|08-508|40|000" },
    { "år 2025: öppet 8.00–16.30", "år|2025|öppet|8|00|16|30" },
    { "a/b\\c;d\"e'f", "a|b|c|d|e|f" },
    { "«Socialjouren»→112", "Socialjouren|112" },
    { "snake_case", "snake|case" },
    { "", "" },
    { ".,;:!?", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = words_joined (cases[i].text);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_word_hyphens (void)
{
  const struct { const char *text, *words; guint pieces_of_first; } cases[] = {
    { "bank-id", "bank-id", 2 },
    { "e-legitimation", "e-legitimation", 2 },
    { "2025-06-02", "2025-06-02", 3 },
    { "a--b", "a|b", 1 },
    { "-a-", "a", 1 },
    { "slut-", "slut", 1 },
    { "- fri -", "fri", 1 },
    { "a - b", "a|b", 1 },
    { "LSS-handläggare", "LSS-handläggare", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = words_joined (cases[i].text);
      g_autoptr(GArray) spans = words_of (cases[i].text, strlen (cases[i].text));

      g_assert_cmpstr (words, ==, cases[i].words);
      g_assert_cmpuint (g_array_index (spans, Span, 0).n_pieces, ==, cases[i].pieces_of_first);
    }
}

/* More hyphenated pieces than a word has room for: no overflow, and every
 * piece still ends up in some word. */
static void
test_word_many_pieces (void)
{
  const char *text = "a-b-c-d-e-f-g-h-i-j-k";
  g_autoptr(GArray) spans = words_of (text, strlen (text));
  guint pieces = 0;

  for (guint i = 0; i < spans->len; i++)
    pieces += g_array_index (spans, Span, i).n_pieces;
  g_assert_cmpuint (pieces, ==, 11);
  g_assert_cmpuint (g_array_index (spans, Span, 0).n_pieces, ==, 8);
}

static void
test_word_invalid_utf8 (void)
{
  const struct { const char *text; gsize length; const char *words; } cases[] = {
    { "abc\xff\xfe" "def", 8, "abc|def" },
    { "h\xc3", 2, "h" },                         /* truncated at the end */
    { "\xe2\x82", 2, "" },
    { "\xc0\xaf" "x", 3, "x" },                  /* overlong '/' */
    { "\xed\xa0\x80" "y", 4, "y" },              /* a UTF-16 surrogate */
    { "\x80\x80\x80" "z\x80", 5, "z" },          /* stray continuation bytes */
    { "ok\xf4\x90\x80\x80" "ok", 8, "ok|ok" },   /* beyond U+10FFFF */
    { "fö\xf6rskola", 10, "fö|rskola" },         /* Latin-1 ö inside a word */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) spans = words_of (cases[i].text, cases[i].length);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint j = 0; j < spans->len; j++)
        {
          const Span *s = &g_array_index (spans, Span, j);
          if (j > 0)
            g_string_append_c (joined, '|');
          g_string_append_len (joined, cases[i].text + s->start, (gssize) (s->end - s->start));
          g_assert_true (g_utf8_validate (cases[i].text + s->start, (gssize) (s->end - s->start), NULL));
        }
      g_assert_cmpstr (joined->str, ==, cases[i].words);
    }
}

/* Random bytes, and random bytes that are mostly Swedish letters: every
 * word is valid UTF-8 inside its bounds, and tokenizing does not crash. */
static void
test_word_random_bytes (void)
{
  static const char * const pieces[] = { "å", "ä", "ö", "a", "-", " ", "\xff", "\xc3", "e\xcc\x81", "1", "\n", "Ö" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250602);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 0, 64);
      g_autoptr(GArray) spans = NULL;
      g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) token_free);

      for (guint i = 0; i < n; i++)
        {
          if (round % 2)
            g_string_append_c (text, (char) g_rand_int_range (rand, 1, 256));
          else
            g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
        }
      spans = words_of (text->str, text->len);
      for (guint i = 0; i < spans->len; i++)
        {
          const Span *s = &g_array_index (spans, Span, i);
          g_assert_true (g_utf8_validate (text->str + s->start, (gssize) (s->end - s->start), NULL));
        }
      lots_tokenize_document ("sv", text->str, text->len, collect, tokens);
      for (guint i = 0; i < tokens->len; i++)
        {
          const Token *t = g_ptr_array_index (tokens, i);
          g_assert_true (g_utf8_validate (t->token, -1, NULL));
          g_assert_cmpuint (t->end, <=, text->len);
        }
    }
}

/* ---- tokens ---------------------------------------------------------------- */

static void
test_lemma_definite_form (void)
{
  assert_colocated ("förskolan", "förskolan", "förskola");
  assert_colocated ("hemtjänsten", "hemtjänsten", "hemtjänst");
  assert_colocated ("parkeringstillståndet", "parkeringstillståndet", "parkeringstillstånd");
}

static void
test_lemma_plural (void)
{
  assert_colocated ("förskolor", "förskolor", "förskola");
  assert_colocated ("fakturorna", "fakturorna", "faktura");
}

/* The base form itself is emitted once, not twice. */
static void
test_lemma_base_form (void)
{
  g_autoptr(GPtrArray) tokens = tokenize ("förskola");
  guint n = 0;

  for (guint i = 0; i < tokens->len; i++)
    if (g_str_equal (((const Token *) g_ptr_array_index (tokens, i))->token, "förskola"))
      n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
test_compound_parts (void)
{
  assert_colocated ("parkeringstillstånd", "parkeringstillstånd", LOTS_TOKEN_PART "tillstånd");
  assert_colocated ("parkeringstillstånd", "parkeringstillstånd", LOTS_TOKEN_PART "parkering");
  assert_colocated ("trygghetslarm", "trygghetslarm", LOTS_TOKEN_PART "larm");
  assert_colocated ("förskolan", "förskolan", LOTS_TOKEN_PART "skola");
  /* Parts are marked: the plain token "tillstånd" is not emitted. */
  {
    g_autoptr(GPtrArray) tokens = tokenize ("parkeringstillstånd");
    g_assert_null (find_token (tokens, "tillstånd"));
  }
}

static void
test_folded_forms (void)
{
  assert_colocated ("färdtjänst", "färdtjänst", LOTS_TOKEN_FOLDED "fardtjanst");
  assert_colocated ("förskolan", "förskolan", LOTS_TOKEN_FOLDED "forskola");
  {
    /* "får" is not "far": only the marked folded form is emitted. */
    g_autoptr(GPtrArray) tokens = tokenize ("får");
    g_assert_nonnull (find_token (tokens, LOTS_TOKEN_FOLDED "far"));
    g_assert_null (find_token (tokens, "far"));
  }
  {
    /* A word without å/ä/ö has no folded form. */
    g_autoptr(GPtrArray) tokens = tokenize ("far");
    g_assert_nonnull (find_token (tokens, "far"));
    g_assert_null (find_token (tokens, LOTS_TOKEN_FOLDED "far"));
  }
}

static void
test_hyphenated (void)
{
  g_autoptr(GPtrArray) tokens = tokenize ("mobilt bank-id här");
  const Token *joined, *bank, *id;

  g_assert_cmpuint (n_positions (tokens), ==, 2);   /* "här" is a stop word */
  joined = find_token (tokens, "bankid");
  bank = find_token (tokens, "bank");
  id = find_token (tokens, "id");
  g_assert_nonnull (joined);
  g_assert_nonnull (bank);
  g_assert_nonnull (id);
  g_assert_false (joined->colocated);
  g_assert_true (bank->colocated);
  g_assert_true (id->colocated);
  g_assert_cmpuint (joined->start, ==, 7);
  g_assert_cmpuint (joined->end, ==, 14);
  g_assert_cmpuint (bank->start, ==, 7);

  assert_colocated ("e-legitimation", "elegitimation", "legitimation");
  assert_colocated ("BankID", "bankid", "bankid");
}

static void
test_stop_words (void)
{
  g_autoptr(GPtrArray) only = tokenize ("och det att i på");
  g_autoptr(GPtrArray) mixed = tokenize ("hur ansöker man om hemtjänst");
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  g_assert_cmpuint (only->len, ==, 0);
  for (guint i = 0; i < mixed->len; i++)
    {
      const Token *t = g_ptr_array_index (mixed, i);
      if (!t->colocated)
        g_ptr_array_add (words, t->token);
    }
  /* "man" stays: it is half of "god man". */
  g_assert_cmpuint (words->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (words, 0), ==, "ansöker");
  g_assert_cmpstr (g_ptr_array_index (words, 1), ==, "man");
  g_assert_cmpstr (g_ptr_array_index (words, 2), ==, "hemtjänst");
  g_assert_null (find_token (mixed, "hur"));
  g_assert_null (find_token (mixed, "om"));
}

static void
test_case_folding (void)
{
  g_autoptr(GPtrArray) upper = tokenize ("FÖRSKOLAN");
  g_autoptr(GPtrArray) mixed = tokenize ("ÅÄÖ åäö");

  g_assert_cmpstr (((const Token *) g_ptr_array_index (upper, 0))->token, ==, "förskolan");
  g_assert_nonnull (find_token (upper, "förskola"));
  /* Lower-casing keeps å, ä and ö distinct from a and o. */
  g_assert_nonnull (find_token (mixed, "åäö"));
  g_assert_null (find_token (mixed, "aao"));
  g_assert_cmpuint (n_positions (mixed), ==, 2);
}

/* A decomposed "e" + combining acute is one word, not two. */
static void
test_combining_marks (void)
{
  g_autoptr(GPtrArray) tokens = tokenize ("kafe\xcc\x81 ");

  g_assert_cmpuint (n_positions (tokens), ==, 1);
  g_assert_nonnull (find_token (tokens, "kaf\xc3\xa9"));   /* NFC */
}

static void
test_long_words (void)
{
  g_autofree char *long_word = g_strnfill (200, 'a');
  g_autofree char *text = g_strconcat ("kort ", long_word, " ord", NULL);
  g_autoptr(GPtrArray) tokens = tokenize (text);

  /* A 200-letter word is no one's query: not indexed, neighbours are. */
  for (guint i = 0; i < tokens->len; i++)
    g_assert_cmpuint (strlen (((const Token *) g_ptr_array_index (tokens, i))->token), <=, 96);
  g_assert_nonnull (find_token (tokens, "kort"));
  g_assert_nonnull (find_token (tokens, "ord"));
}

static void
test_numbers (void)
{
  g_autoptr(GPtrArray) tokens = tokenize ("08-508 40 000");

  g_assert_nonnull (find_token (tokens, "08508"));
  g_assert_nonnull (find_token (tokens, "508"));
  g_assert_nonnull (find_token (tokens, "40"));
  g_assert_nonnull (find_token (tokens, "000"));
}

/* ---- positions for snippets ---------------------------------------------------- */

/* text with each word that emits token in a document in brackets: what
 * FTS5's highlight() must produce if the tokenizer gives snippets the same
 * positions as documents. */
static char *
expected_highlight (const char *text,
                    GPtrArray  *tokens,
                    const char *token)
{
  GString *out = g_string_new (NULL);
  gsize copied = 0;
  const Token *word = NULL;
  gboolean marked = FALSE;

  for (guint i = 0; i <= tokens->len; i++)
    {
      const Token *t = i < tokens->len ? g_ptr_array_index (tokens, i) : NULL;

      if (t != NULL && t->colocated)
        {
          marked |= g_str_equal (t->token, token);
          continue;
        }
      if (word != NULL && marked)
        {
          g_string_append_len (out, text + copied, (gssize) (word->start - copied));
          g_string_append_printf (out, "[%.*s]", (int) (word->end - word->start), text + word->start);
          copied = word->end;
        }
      word = t;
      marked = t != NULL && g_str_equal (t->token, token);
    }
  g_string_append (out, text + copied);
  return g_string_free (out, FALSE);
}

static char *
highlight (sqlite3    *db,
           const char *token)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", token);
  char *out = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, quoted, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return out;
}

/* For every token a text emits, highlight() marks exactly the words that
 * emit it: stop words, hyphenated words, upper case, decomposed letters and
 * words too long to index keep their positions. */
static void
test_highlight_positions (void)
{
  g_autofree char *long_word = g_strnfill (120, 'a');
  g_autofree char *long_folding = g_strnfill (30, 'x');
  g_autoptr(GString) growing = g_string_new (NULL);
  g_autofree char *start = g_strdup_printf ("Och SÅ ansöker man om BANK-ID och e-legitimation, "
                                            "åt Parkeringstillståndet; kafe\xcc\x81 %s ord "
                                            "%s\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
                                            "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
                                            "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
                                            "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4 "
                                            "hemtjänsten VILKET förskolan och-så 08-508 slut ",
                                            long_word, long_folding);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;

  /* 40 × U+023A: 80 bytes as written, 120 in lower case (U+2C65), so no
   * token of it fits the index although the word itself would. */
  for (guint i = 0; i < 40; i++)
    g_string_append (growing, "\xc8\xba");
  text = g_strconcat (start, growing->str, " sist", NULL);
  tokens = tokenize (text);

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (lots_tokenizer_register (db, NULL, NULL));
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'lots sv')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t (body) VALUES (?1)", -1, &insert, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (insert, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
  sqlite3_finalize (insert);

  g_assert_cmpuint (tokens->len, >, 20);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = g_ptr_array_index (tokens, i);
      g_autofree char *expected = expected_highlight (text, tokens, t->token);
      g_autofree char *got = highlight (db, t->token);

      g_assert_cmpstr (got, ==, expected);
    }
  sqlite3_close (db);
}

/* ---- morphology -------------------------------------------------------------- */

static void
test_morphology_dictionary (void)
{
  LotsMorphology *sv = lots_morphology_get ("sv");

  g_assert_nonnull (sv);
  g_assert_true (lots_morphology_get ("sv") == sv);
  g_assert_true (lots_morphology_has_dictionary (sv));
  g_assert_false (lots_morphology_has_dictionary (lots_morphology_get ("en")));
}

static void
test_morphology_analysis (void)
{
  LotsMorphology *sv = lots_morphology_get ("sv");
  g_autoptr(LotsWordAnalysis) a = lots_morphology_analyze (sv, "Förskolan", -1);
  g_autoptr(LotsWordAnalysis) stop = lots_morphology_analyze (sv, "och", -1);
  g_autoptr(LotsWordAnalysis) unknown = lots_morphology_analyze (sv, "qzxvb", -1);

  g_assert_cmpstr (a->lower, ==, "förskolan");
  g_assert_true (a->known);
  g_assert_false (a->stop);
  g_assert_true (g_strv_contains ((const char * const *) a->lemmas, "förskola"));
  g_assert_false (g_strv_contains ((const char * const *) a->lemmas, "förskolan"));

  g_assert_true (stop->stop);
  g_assert_true (lots_morphology_is_stop_word (sv, "och"));
  g_assert_false (lots_morphology_is_stop_word (sv, "man"));

  g_assert_false (unknown->known);
  g_assert_cmpuint (g_strv_length (unknown->parts), ==, 0);
}

/* English has no Hunspell dictionary here: Snowball stems instead. */
static void
test_morphology_snowball (void)
{
  LotsMorphology *en = lots_morphology_get ("en");
  g_autoptr(LotsWordAnalysis) a = lots_morphology_analyze (en, "applications", -1);
  g_autoptr(LotsWordAnalysis) stop = lots_morphology_analyze (en, "the", -1);

  g_assert_cmpstr (a->lower, ==, "applications");
  g_assert_cmpuint (g_strv_length (a->lemmas), ==, 1);
  g_assert_cmpstr (a->lemmas[0], ==, "applic");
  g_assert_true (stop->stop);
}

static void
test_morphology_cache (void)
{
  LotsMorphology *sv = lots_morphology_get ("sv");
  guint before = lots_morphology_cache_size (sv);
  g_autoptr(LotsWordAnalysis) first = lots_morphology_analyze (sv, "hemtjänstutförarna", -1);
  guint after_first = lots_morphology_cache_size (sv);
  g_autoptr(LotsWordAnalysis) second = lots_morphology_analyze (sv, "hemtjänstutförarna", -1);
  /* Only the given length is the word. */
  g_autoptr(LotsWordAnalysis) third = lots_morphology_analyze (sv, "hemtjänstutförarnaXYZ", strlen ("hemtjänstutförarna"));

  g_assert_cmpuint (after_first, ==, before + 1);
  g_assert_cmpuint (lots_morphology_cache_size (sv), ==, after_first);
  g_assert_true (first == second);
  g_assert_true (first == third);
  g_assert_cmpstr (first->lower, ==, second->lower);
  g_assert_true (g_strv_equal ((const char * const *) first->lemmas, (const char * const *) second->lemmas));
  g_assert_true (g_strv_equal ((const char * const *) first->parts, (const char * const *) second->parts));
  g_assert_true (g_strv_contains ((const char * const *) first->parts, "hemtjänst"));
}

static void
test_morphology_suggest (void)
{
  LotsMorphology *sv = lots_morphology_get ("sv");
  g_auto(GStrv) suggestions = lots_morphology_suggest (sv, "öppetider");
  g_auto(GStrv) none = lots_morphology_suggest (lots_morphology_get ("en"), "aplication");

  g_assert_true (g_strv_contains ((const char * const *) suggestions, "öppettider"));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_fold_diacritics (void)
{
  g_autofree char *folded = lots_fold_diacritics ("färdtjänst");
  g_autofree char *unchanged = lots_fold_diacritics ("far");
  g_autofree char *e = lots_fold_diacritics ("kafé");

  g_assert_cmpstr (folded, ==, "fardtjanst");
  g_assert_null (unchanged);
  g_assert_cmpstr (e, ==, "kafe");
  g_assert_true (lots_has_diacritics ("får"));
  g_assert_false (lots_has_diacritics ("far"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokenizer/word/punctuation", test_word_punctuation);
  g_test_add_func ("/tokenizer/word/hyphens", test_word_hyphens);
  g_test_add_func ("/tokenizer/word/many-pieces", test_word_many_pieces);
  g_test_add_func ("/tokenizer/word/invalid-utf8", test_word_invalid_utf8);
  g_test_add_func ("/tokenizer/word/random-bytes", test_word_random_bytes);
  g_test_add_func ("/tokenizer/lemma/definite-form", test_lemma_definite_form);
  g_test_add_func ("/tokenizer/lemma/plural", test_lemma_plural);
  g_test_add_func ("/tokenizer/lemma/base-form", test_lemma_base_form);
  g_test_add_func ("/tokenizer/compound-parts", test_compound_parts);
  g_test_add_func ("/tokenizer/folded", test_folded_forms);
  g_test_add_func ("/tokenizer/hyphenated", test_hyphenated);
  g_test_add_func ("/tokenizer/stop-words", test_stop_words);
  g_test_add_func ("/tokenizer/case", test_case_folding);
  g_test_add_func ("/tokenizer/combining-marks", test_combining_marks);
  g_test_add_func ("/tokenizer/long-words", test_long_words);
  g_test_add_func ("/tokenizer/numbers", test_numbers);
  g_test_add_func ("/tokenizer/highlight-positions", test_highlight_positions);
  g_test_add_func ("/morphology/dictionary", test_morphology_dictionary);
  g_test_add_func ("/morphology/analysis", test_morphology_analysis);
  g_test_add_func ("/morphology/snowball", test_morphology_snowball);
  g_test_add_func ("/morphology/cache", test_morphology_cache);
  g_test_add_func ("/morphology/suggest", test_morphology_suggest);
  g_test_add_func ("/morphology/fold-diacritics", test_fold_diacritics);

  return g_test_run ();
}

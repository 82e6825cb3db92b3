/* lots-bench-search.c — the search benchmark: Lots side by side with plain
 * SQLite FTS5 and with ripgrep, on one generated Swedish corpus.
 *
 * Why it exists: the design promises search "as the handler types" — p99 at
 * most 10 ms over a realistic query log at 50,000 articles, typed prefixes
 * included, with no loss of relevance — and an indexer that does at least
 * 1,000 articles/s. Such figures only mean something next to a baseline run
 * on the same machine with the same text, so one run measures:
 *
 *   (a) Lots, through its contract only: `lotsctl index DIR`, then one
 *       `lotsctl search --batch FILE --json` process for the whole query log
 *       (each result line carries its query's latency, measured inside);
 *   (b) plain SQLite FTS5 with the unicode61 tokenizer over the same titles
 *       and bodies, bm25 with the title weighted 10, the last word of a typed
 *       prefix as `word*`: what Lots would be without its linguistics;
 *   (c) `rg -i -l -F` over the Markdown files: the no-index baseline.
 *
 * The corpus and the query log are reproducible from --seed. Words are real
 * Swedish: the built-in knowledge base gives the head of a Zipf curve (with
 * the inflected forms handlers type), the Hunspell dictionary the long tail.
 * Most queries take their words from one article, as real queries are about
 * one subject; some combine independent words. A fifth are "planted": one
 * article is written about the query's words, so there is a known right
 * answer, and hit@1 and MRR compare relevance between Lots and FTS5.
 *
 * Each engine runs in processes of its own — the FTS5 baseline re-executes
 * this program with --fts5-worker — started by a small spawner process, so
 * that the peak RSS read from wait4() is that engine's alone. Timing
 * assertions are never made: machines are noisy, and the figures are for
 * reading as ratios. --smoke only proves that the benchmark still runs end
 * to end.
 */
#define G_LOG_DOMAIN "lots-bench-search"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The results each engine is asked for, as lotsctl's default. */
#define RESULT_LIMIT 10
/* Words longer than any Swedish word a handler types are dictionary noise. */
#define MAX_WORD_CHARS 18
/* Words taken from the Hunspell dictionary after the knowledge base's own:
 * enough for a long tail at 50,000 articles (each still occurs a few dozen
 * times), few enough that the tail is not most of the text. */
#define TAIL_WORDS 40000
/* The commonest words ("och", "att", "du" …) are not what people search for. */
#define STOP_RANKS 20
#define TAG_MIN_RANK 50
/* Planted queries use rarer words, so that the article written about them is
 * the one right answer rather than one of hundreds of equally good ones. */
#define PLANT_MIN_RANK 200
#define PLANT_SINGLE_MIN_RANK 2000
#define MAX_QUERY_WORDS 4
/* Share of the log, in per cent. */
#define PREFIX_PERCENT 40
#define INFLECTED_PERCENT 15
#define PLANTED_EVERY 5
#define RANDOM_PERCENT 25
/* How often a planted article's body uses each of its query's words. */
#define FOCUS_USES 4.0
/* Queries slower than this are listed, with the FTS5 time for the same text. */
#define SLOW_QUERY_US 10000
#define N_SLOWEST 10

static const char *const bench_areas[] = {
  "aldre", "forskola", "skola", "funktionsnedsattning", "overformyndare",
  "social", "parkering", "samhallsbyggnad", "etjanster", "allmant",
};
/* Roughly the center's call volumes: elder care dominates. */
static const guint area_weights[] = { 25, 10, 10, 8, 8, 10, 6, 10, 5, 8 };
/* Queries of 1–4 words, mostly two. */
static const guint query_length_weights[] = { 25, 35, 25, 15 };
/* Endings that turn a Swedish base form into an inflected one; a pair counts
 * only when both forms occur in the knowledge base's text. */
static const char *const inflection_endings[] = {
  "en", "et", "n", "t", "na", "er", "ar", "or", "erna", "arna", "orna", "s", "ens", "ets",
};

/* Progress and errors, on stderr as they are (g_printerr would transliterate
 * them outside a UTF-8 locale). */
static void G_GNUC_PRINTF (1, 2)
note (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
}

typedef enum
{
  ENGINE_LOTS,
  ENGINE_FTS5,
  ENGINE_RG,
  N_ENGINES
} Engine;

/* ------------------------------------------------------------------ */
/* Vocabulary                                                          */

typedef struct
{
  guint base;   /* rank of a base form */
  guint form;   /* rank of an inflected form of it */
} Inflection;

typedef struct
{
  GPtrArray  *words;        /* owned strings, index = Zipf rank */
  GArray     *cumulative;   /* double: sum of the weights up to each rank */
  GArray     *inflections;  /* Inflection */
  GHashTable *forms;        /* rank + 1 → GArray of the ranks of its other forms */
  guint       n_head;       /* words from the knowledge base */
  guint       n_knowledge_files;
} Vocabulary;

static void
vocabulary_free (Vocabulary *v)
{
  g_ptr_array_unref (v->words);
  g_array_unref (v->cumulative);
  g_array_unref (v->inflections);
  g_hash_table_unref (v->forms);
  g_free (v);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Vocabulary, vocabulary_free)

/* Adds the words of TEXT (letters only, lower-cased, two letters or more) to
 * COUNTS, a table of word → occurrences. */
static void
count_words (const char *text,
             GHashTable *counts)
{
  g_autoptr(GString) word = g_string_new (NULL);
  guint chars = 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          chars++;
          continue;
        }
      if (chars >= 2 && chars <= MAX_WORD_CHARS)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, word->str));
          g_hash_table_replace (counts, g_strdup (word->str), GUINT_TO_POINTER (n + 1));
        }
      g_string_truncate (word, 0);
      chars = 0;
      if (c == 0)
        break;
    }
}

/* The prose of a knowledge article: its title and body, without the rest of
 * the front matter (ids, owners and keys are not words people write). */
static void
count_article_words (const char *contents,
                     GHashTable *counts)
{
  const char *end = NULL;
  const char *title = NULL;

  if (g_str_has_prefix (contents, "---\n"))
    end = strstr (contents + 4, "\n---\n");
  if (end == NULL)
    {
      count_words (contents, counts);
      return;
    }
  title = strstr (contents, "\ntitle:");
  if (title != NULL && title < end)
    {
      g_autofree char *line = g_strndup (title + 7, strcspn (title + 7, "\n"));
      count_words (line, counts);
    }
  count_words (end + 5, counts);
}

/* A translation (name.en.md) is not Swedish text. */
static gboolean
is_swedish_article (const char *name)
{
  const char *dot;

  if (!g_str_has_suffix (name, ".md") || g_str_has_prefix (name, "README"))
    return FALSE;
  dot = strchr (name, '.');
  return dot != NULL && g_str_equal (dot, ".md");
}

static gboolean
count_knowledge_dir (const char  *dir,
                     GHashTable  *counts,
                     guint       *n_files,
                     GError     **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!count_knowledge_dir (path, counts, n_files, error))
            return FALSE;
          continue;
        }
      if (!is_swedish_article (name))
        continue;
      if (!g_file_get_contents (path, &contents, NULL, error))
        return FALSE;
      if (!g_utf8_validate (contents, -1, NULL))
        {
          note ("lots-bench-search: %s is not UTF-8; its words are left out\n", path);
          continue;
        }
      count_article_words (contents, counts);
      (*n_files)++;
    }
  return TRUE;
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const char *wa = *(const char *const *) a;
  const char *wb = *(const char *const *) b;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, wa));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, wb));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return strcmp (wa, wb);
}

/* The keys of a string table, in an array that borrows them. */
static GPtrArray *
hash_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

/* A dictionary entry a handler could type: lower-case letters only (no
 * proper nouns, abbreviations or compound-forming stems with a hyphen). */
static gboolean
is_plain_word (const char *word)
{
  glong chars = g_utf8_strlen (word, -1);

  if (chars < 3 || chars > MAX_WORD_CHARS)
    return FALSE;
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isalpha (c) || !g_unichar_islower (c))
        return FALSE;
    }
  return TRUE;
}

/* The words of a Hunspell .dic file (the first line is a count; each entry
 * may end in /FLAGS) that are not in SKIP. */
static GPtrArray *
read_dictionary_words (const char  *path,
                       GHashTable  *skip,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *entry = lines[i];

      entry[strcspn (entry, "/ \t\r")] = '\0';
      if (!g_utf8_validate (entry, -1, NULL) || !is_plain_word (entry) ||
          g_hash_table_contains (skip, entry) || g_hash_table_contains (seen, entry))
        continue;
      g_hash_table_add (seen, entry);
      g_ptr_array_add (words, g_strdup (entry));
    }
  return g_steal_pointer (&words);
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

/* Records that FORM is another form of the word at RANK. */
static void
add_form (Vocabulary *v,
          guint       rank,
          guint       form)
{
  GArray *forms = g_hash_table_lookup (v->forms, GUINT_TO_POINTER (rank + 1));

  if (forms == NULL)
    {
      forms = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (v->forms, GUINT_TO_POINTER (rank + 1), forms);
    }
  g_array_append_val (forms, form);
}

/* Pairs (base, inflected form) that both occur in the vocabulary's head, so
 * that queries can be typed in another form than an article's title uses. */
static void
find_inflections (Vocabulary *v)
{
  g_autoptr(GHashTable) rank_of = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < v->n_head; r++)
    g_hash_table_insert (rank_of, v->words->pdata[r], GUINT_TO_POINTER (r + 1));
  for (guint r = STOP_RANKS; r < v->n_head; r++)
    {
      const char *base = v->words->pdata[r];

      if (g_utf8_strlen (base, -1) < 4)
        continue;
      for (guint e = 0; e < G_N_ELEMENTS (inflection_endings); e++)
        {
          g_autofree char *form = g_strconcat (base, inflection_endings[e], NULL);
          guint form_rank = GPOINTER_TO_UINT (g_hash_table_lookup (rank_of, form));

          if (form_rank != 0)
            {
              Inflection pair = { r, form_rank - 1 };
              g_array_append_val (v->inflections, pair);
              add_form (v, pair.base, pair.form);
              add_form (v, pair.form, pair.base);
            }
        }
    }
}

/* Zipf weights, 1/(rank+1): the shape of word frequencies in real text. */
static void
set_zipf_weights (Vocabulary *v)
{
  double sum = 0.0;

  for (guint r = 0; r < v->words->len; r++)
    {
      sum += 1.0 / (r + 1.0);
      g_array_append_val (v->cumulative, sum);
    }
}

static Vocabulary *
vocabulary_build (const char  *knowledge_dir,
                  const char  *dictionary,
                  guint32      seed,
                  GError     **error)
{
  g_autoptr(Vocabulary) v = g_new0 (Vocabulary, 1);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GPtrArray) tail = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  v->words = g_ptr_array_new_with_free_func (g_free);
  v->cumulative = g_array_new (FALSE, FALSE, sizeof (double));
  v->inflections = g_array_new (FALSE, FALSE, sizeof (Inflection));
  v->forms = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  if (!count_knowledge_dir (knowledge_dir, counts, &v->n_knowledge_files, error))
    return NULL;
  head = hash_keys (counts);
  g_ptr_array_sort_with_data (head, compare_by_count, counts);
  for (guint i = 0; i < head->len; i++)
    g_ptr_array_add (v->words, g_strdup (head->pdata[i]));
  v->n_head = v->words->len;

  tail = read_dictionary_words (dictionary, counts, error);
  if (tail == NULL)
    return NULL;
  shuffle (tail, rand);
  for (guint i = 0; i < tail->len && i < TAIL_WORDS; i++)
    g_ptr_array_add (v->words, g_strdup (tail->pdata[i]));

  if (v->words->len < 10 * PLANT_SINGLE_MIN_RANK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "only %u words from %s and %s: too few for a corpus",
                   v->words->len, knowledge_dir, dictionary);
      return NULL;
    }
  set_zipf_weights (v);
  find_inflections (v);
  return g_steal_pointer (&v);
}

/* A rank drawn with Zipf weights, at least MIN_RANK. */
static guint
vocabulary_draw (const Vocabulary *v,
                 GRand            *rand,
                 guint             min_rank)
{
  const double *cumulative = (const double *) v->cumulative->data;
  double total = cumulative[v->cumulative->len - 1];

  for (;;)
    {
      double u = g_rand_double (rand) * total;
      guint lo = 0, hi = v->cumulative->len - 1;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (cumulative[mid] < u)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo >= min_rank)
        return lo;
    }
}

static const char *
vocabulary_word (const Vocabulary *v,
                 guint             rank)
{
  return g_ptr_array_index (v->words, rank);
}

/* An index into WEIGHTS, drawn in proportion to them. */
static guint
draw_weighted (GRand       *rand,
               const guint *weights,
               guint        n)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  g_assert_not_reached ();
}

/* ------------------------------------------------------------------ */
/* Corpus                                                              */

/* What a planted article is written about: its query's words. */
typedef struct
{
  GPtrArray *title_words;  /* base forms, borrowed from the vocabulary */
  GPtrArray *body_words;   /* the same, and any form the query types */
} Plant;

static void
plant_free (Plant *p)
{
  g_ptr_array_unref (p->title_words);
  g_ptr_array_unref (p->body_words);
  g_free (p);
}

typedef struct
{
  const Vocabulary *vocabulary;
  GRand            *rand;
  const GPtrArray  *focus;    /* a planted article's words, or NULL */
  double            focus_p;  /* chance that a word drawn is one of them */
  guint             n_words;
  GArray           *ranks;    /* if set, every vocabulary rank drawn */
} Writer;

static const char *
draw_vocabulary_word (Writer *w,
                      guint   min_rank)
{
  guint rank = vocabulary_draw (w->vocabulary, w->rand, min_rank);

  if (w->ranks != NULL)
    g_array_append_val (w->ranks, rank);
  return vocabulary_word (w->vocabulary, rank);
}

static const char *
draw_word (Writer *w,
           guint   min_rank)
{
  if (w->focus != NULL && g_rand_double (w->rand) < w->focus_p)
    return g_ptr_array_index (w->focus, g_rand_int_range (w->rand, 0, w->focus->len));
  return draw_vocabulary_word (w, min_rank);
}

static void
append_word (GString    *out,
             const char *word,
             gboolean    capital)
{
  if (capital)
    {
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (word)));
      g_string_append (out, g_utf8_next_char (word));
    }
  else
    g_string_append (out, word);
}

/* N_MIN to N_MAX words, capitalised, with a comma now and then. */
static void
write_words (Writer  *w,
             GString *out,
             guint    n_min,
             guint    n_max)
{
  guint n = g_rand_int_range (w->rand, n_min, n_max + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 < n && g_rand_int_range (w->rand, 0, 100) < 6 ? ", " : " ");
      append_word (out, draw_word (w, 0), i == 0);
    }
  w->n_words += n;
}

static void
write_paragraph (Writer  *w,
                 GString *out)
{
  guint n = g_rand_int_range (w->rand, 2, 5);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      write_words (w, out, 5, 16);
      g_string_append_c (out, '.');
    }
  g_string_append (out, "\n\n");
}

static void
write_list (Writer  *w,
            GString *out)
{
  guint n = g_rand_int_range (w->rand, 3, 6);

  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, "- ");
      write_words (w, out, 3, 9);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/* Paragraphs, with `##` headings and lists between them, until the body has
 * about N_WORDS words. */
static void
write_body (Writer  *w,
            GString *out,
            guint    n_words)
{
  write_paragraph (w, out);
  while (w->n_words < n_words)
    {
      guint kind = g_rand_int_range (w->rand, 0, 100);

      if (kind < 20)
        {
          g_string_append (out, "## ");
          write_words (w, out, 2, 4);
          g_string_append (out, "\n\n");
          write_paragraph (w, out);
        }
      else if (kind < 40)
        write_list (w, out);
      else
        write_paragraph (w, out);
    }
}

/* Titles are 3–8 words; a planted one is its query's words with up to two
 * more around them (at least three in all). */
static char *
make_title (Writer      *w,
            const Plant *planted)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  guint n_extra = planted ? g_rand_int_range (w->rand, 0, 3) : g_rand_int_range (w->rand, 3, 9);

  if (planted != NULL)
    for (guint i = 0; i < planted->title_words->len; i++)
      g_ptr_array_add (words, planted->title_words->pdata[i]);
  if (words->len + n_extra < 3)
    n_extra = 3 - words->len;
  for (guint i = 0; i < n_extra; i++)
    g_ptr_array_insert (words, g_rand_int_range (w->rand, 0, words->len + 1),
                        (gpointer) draw_vocabulary_word (w, STOP_RANKS));
  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (title, ' ');
      append_word (title, words->pdata[i], i == 0);
    }
  w->n_words += words->len;
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static void
write_tags (Writer      *w,
            GString     *out,
            const Plant *planted)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  guint n = g_rand_int_range (w->rand, 2, 6);

  if (planted != NULL)
    g_ptr_array_add (tags, planted->title_words->pdata[0]);
  while (tags->len < n)
    {
      const char *tag = draw_vocabulary_word (w, TAG_MIN_RANK);
      if (!g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
        g_ptr_array_add (tags, (gpointer) tag);
    }
  g_string_append (out, "tags: [");
  for (guint i = 0; i < tags->len; i++)
    g_string_append_printf (out, "%s\"%s\"", i ? ", " : "", (const char *) tags->pdata[i]);
  g_string_append (out, "]\n");
}

/* Article NUMBER, as Markdown with front matter. Each article draws from a
 * generator of its own, so that its text does not depend on the others;
 * RANKS, if set, gets the rank of every vocabulary word it uses. */
static char *
article_markdown (const Vocabulary *v,
                  guint32           seed,
                  guint             number,
                  const Plant      *planted,
                  GArray           *ranks,
                  const char      **area,
                  guint            *n_words)
{
  guint32 seeds[] = { seed, number, 0xa57u };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
  GString *out = g_string_sized_new (4096);
  Writer w = { v, rand, NULL, 0.0, 0, ranks };
  g_autofree char *title = NULL;

  *area = bench_areas[draw_weighted (rand, area_weights, G_N_ELEMENTS (area_weights))];
  title = make_title (&w, planted);
  g_string_append_printf (out, "---\nid: %s/bench-%06u\ntitle: \"%s\"\narea: %s\n", *area, number, title, *area);
  write_tags (&w, out, planted);
  g_string_append (out, "---\n");
  if (planted != NULL)
    {
      w.focus = planted->body_words;
      w.focus_p = MIN (0.3, FOCUS_USES * planted->body_words->len / 300.0);
    }
  write_body (&w, out, g_rand_int_range (rand, 250, 351));
  *n_words = w.n_words;
  return g_string_free (out, FALSE);
}

typedef struct
{
  guint   n_articles;
  guint64 n_words;
  goffset bytes;
  gint64  us;
} CorpusStats;

static const char manifest[] =
  "id: bench-corpus\n"
  "title: Benchmark corpus\n"
  "owner: Lots benchmark\n"
  "areas: [aldre, forskola, skola, funktionsnedsattning, overformyndare, social, parkering, "
  "samhallsbyggnad, etjanster, allmant]\n"
  "lang: sv\n";

static gboolean
write_file (const char  *path,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  return g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0644, error);
}

static gboolean
make_dir (const char  *path,
          GError     **error)
{
  if (g_mkdir_with_parents (path, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot create %s: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* The corpus folder: lots.yaml and DIR/AREA/bench-NNNNNN.md. */
static gboolean
write_corpus (const char       *dir,
              const Vocabulary *v,
              GHashTable       *plants,
              guint             n_articles,
              guint32           seed,
              CorpusStats      *stats,
              GError          **error)
{
  g_autofree char *manifest_path = g_build_filename (dir, "lots.yaml", NULL);
  gint64 start = g_get_monotonic_time ();

  for (guint a = 0; a < G_N_ELEMENTS (bench_areas); a++)
    {
      g_autofree char *area_dir = g_build_filename (dir, bench_areas[a], NULL);
      if (!make_dir (area_dir, error))
        return FALSE;
    }
  if (!write_file (manifest_path, manifest, strlen (manifest), error))
    return FALSE;
  memset (stats, 0, sizeof *stats);
  for (guint n = 0; n < n_articles; n++)
    {
      const char *area = NULL;
      guint n_words = 0;
      g_autofree char *text = article_markdown (v, seed, n, g_hash_table_lookup (plants, GUINT_TO_POINTER (n + 1)),
                                                NULL, &area, &n_words);
      g_autofree char *name = g_strdup_printf ("bench-%06u.md", n);
      g_autofree char *path = g_build_filename (dir, area, name, NULL);
      gsize length = strlen (text);

      if (!write_file (path, text, length, error))
        return FALSE;
      stats->n_words += n_words;
      stats->bytes += length;
    }
  stats->n_articles = n_articles;
  stats->us = g_get_monotonic_time () - start;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Query log                                                           */

/* What one engine answered to one query. */
typedef struct
{
  gint64 us;      /* latency; -1 when the engine did not run this query */
  guint  n_hits;
  guint  rank;    /* of the planted target, from 1; 0 when not among the hits */
} Answer;

/* Where a query's words come from. Real multi-word queries are about one
 * subject, so most take their words from one article, where they occur
 * together; some are drawn independently, as a handler's odd combinations
 * and typing slips are, and often match no article with every word. */
typedef enum
{
  ORIGIN_PLANTED,   /* about a planted article: a known right answer */
  ORIGIN_ARTICLE,   /* words of one article */
  ORIGIN_RANDOM,    /* words drawn independently from the vocabulary */
} QueryOrigin;

typedef struct
{
  char       *text;       /* as typed */
  char       *fts5;       /* the same as an FTS5 MATCH expression */
  char       *rare_word;  /* the one word ripgrep looks for */
  gboolean    prefix;     /* the last word is cut short, as while typing */
  gboolean    inflected;  /* a word is typed in another form than the text's */
  QueryOrigin origin;
  gint        target;     /* the planted article's number, or -1 */
  Answer      answers[N_ENGINES];
} Query;

static void
query_free (Query *q)
{
  g_free (q->text);
  g_free (q->fts5);
  g_free (q->rare_word);
  g_free (q);
}

/* The words a query means, before it is typed. */
typedef struct
{
  guint    ranks[MAX_QUERY_WORDS];  /* as the text has them */
  guint    n;
  gint     inflected_at;            /* position typed in another form, or -1 */
  guint    form;                    /* the rank of that form */
  gboolean prefix;
  guint    cut;                     /* characters typed of the last word */
} QueryDraft;

static gboolean
draft_has (const QueryDraft *d,
           guint             rank)
{
  for (guint i = 0; i < d->n; i++)
    if (d->ranks[i] == rank)
      return TRUE;
  return FALSE;
}

/* A word for a draft: from POOL (one article's words, each as often as the
 * article uses it) or else from the whole vocabulary, by Zipf weight. */
static guint
draft_draw (const Vocabulary *v,
            GRand            *rand,
            const GArray     *pool,
            guint             min_rank)
{
  if (pool != NULL && pool->len > 0)
    return g_array_index (pool, guint, g_rand_int_range (rand, 0, pool->len));
  return vocabulary_draw (v, rand, min_rank);
}

/* Types one full word of D in another form: the other form of a word it
 * already has if there is one, else (when REPLACE) a new word pair. */
static void
draft_inflect (QueryDraft       *d,
               const Vocabulary *v,
               GRand            *rand,
               guint             min_rank,
               gboolean          replace)
{
  guint n_full = d->prefix ? d->n - 1 : d->n;
  guint start = n_full ? g_rand_int_range (rand, 0, n_full) : 0;

  for (guint k = 0; k < n_full; k++)
    {
      guint at = (start + k) % n_full;
      GArray *forms = g_hash_table_lookup (v->forms, GUINT_TO_POINTER (d->ranks[at] + 1));
      guint form;

      if (forms == NULL)
        continue;
      form = g_array_index (forms, guint, g_rand_int_range (rand, 0, forms->len));
      if (draft_has (d, form))
        continue;
      d->inflected_at = at;
      d->form = form;
      return;
    }
  for (guint attempt = 0; replace && n_full > 0 && v->inflections->len > 0 && attempt < 50; attempt++)
    {
      const Inflection *pair = &g_array_index (v->inflections, Inflection,
                                               g_rand_int_range (rand, 0, v->inflections->len));

      if (pair->base < min_rank || draft_has (d, pair->base) || draft_has (d, pair->form))
        continue;
      d->ranks[start] = pair->base;
      d->inflected_at = start;
      d->form = pair->form;
      return;
    }
}

static void
draft_query (QueryDraft       *d,
             const Vocabulary *v,
             GRand            *rand,
             QueryOrigin       origin,
             const GArray     *pool)
{
  guint n = 1 + draw_weighted (rand, query_length_weights, G_N_ELEMENTS (query_length_weights));
  guint min_rank;

  memset (d, 0, sizeof *d);
  d->inflected_at = -1;
  d->prefix = g_rand_int_range (rand, 0, 100) < PREFIX_PERCENT;
  /* A planted query of one typed prefix ("hem") has no one right answer. */
  if (origin == ORIGIN_PLANTED && d->prefix && n == 1)
    n = 2;
  min_rank = origin != ORIGIN_PLANTED ? STOP_RANKS : n == 1 ? PLANT_SINGLE_MIN_RANK : PLANT_MIN_RANK;
  for (d->n = 0; d->n < n; d->n++)
    {
      gboolean last_prefix = d->prefix && d->n == n - 1;
      guint rank = 0;

      /* A pool too poor to give distinct words falls back on the vocabulary. */
      for (guint attempt = 0;; attempt++)
        {
          rank = draft_draw (v, rand, attempt < 1000 ? pool : NULL, min_rank);
          if (!draft_has (d, rank) &&
              (!last_prefix || g_utf8_strlen (vocabulary_word (v, rank), -1) >= 4))
            break;
        }
      d->ranks[d->n] = rank;
    }
  if (d->prefix)
    {
      glong chars = g_utf8_strlen (vocabulary_word (v, d->ranks[d->n - 1]), -1);
      d->cut = MIN ((glong) g_rand_int_range (rand, 3, 7), chars - 1);
    }
  if (g_rand_int_range (rand, 0, 100) < INFLECTED_PERCENT)
    draft_inflect (d, v, rand, min_rank, origin != ORIGIN_ARTICLE);
}

static char *
fts5_quote (const char *word,
            gboolean    prefix)
{
  g_autoptr(GString) s = g_string_new ("\"");

  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append (s, prefix ? "\"*" : "\"");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Types the draft: the text, its FTS5 expression (each word quoted, the
 * prefix with *), and the word ripgrep gets — the least frequent full word,
 * since rg cannot AND; a typed prefix only when it is the whole query. */
static Query *
query_from_draft (const QueryDraft *d,
                  const Vocabulary *v,
                  QueryOrigin       origin)
{
  Query *q = g_new0 (Query, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) fts5 = g_string_new (NULL);
  guint rarest = 0;

  q->target = -1;
  q->origin = origin;
  q->prefix = d->prefix;
  q->inflected = d->inflected_at >= 0;
  for (guint i = 0; i < d->n; i++)
    {
      gboolean is_prefix = d->prefix && i == d->n - 1;
      guint rank = (gint) i == d->inflected_at ? d->form : d->ranks[i];
      const char *word = vocabulary_word (v, rank);
      g_autofree char *typed = is_prefix ? g_utf8_substring (word, 0, d->cut) : g_strdup (word);
      g_autofree char *quoted = fts5_quote (typed, is_prefix);

      g_string_append_printf (text, "%s%s", i ? " " : "", typed);
      g_string_append_printf (fts5, "%s%s", i ? " " : "", quoted);
      if (!is_prefix && rank >= rarest)
        {
          rarest = rank;
          g_free (q->rare_word);
          q->rare_word = g_strdup (typed);
        }
      if (is_prefix && q->rare_word == NULL)
        q->rare_word = g_strdup (typed);
    }
  q->text = g_string_free (g_steal_pointer (&text), FALSE);
  q->fts5 = g_string_free (g_steal_pointer (&fts5), FALSE);
  for (guint e = 0; e < N_ENGINES; e++)
    q->answers[e].us = -1;
  return q;
}

/* A planted query's target is written about the words the query means: its
 * title has them as the text would, its body also the form the query types. */
static Plant *
plant_from_draft (const QueryDraft *d,
                  const Vocabulary *v)
{
  Plant *p = g_new0 (Plant, 1);

  p->title_words = g_ptr_array_new ();
  p->body_words = g_ptr_array_new ();
  for (guint i = 0; i < d->n; i++)
    {
      g_ptr_array_add (p->title_words, (gpointer) vocabulary_word (v, d->ranks[i]));
      g_ptr_array_add (p->body_words, (gpointer) vocabulary_word (v, d->ranks[i]));
    }
  if (d->inflected_at >= 0)
    g_ptr_array_add (p->body_words, (gpointer) vocabulary_word (v, d->form));
  return p;
}

/* The content words (not the commonest few) of article NUMBER, regenerated
 * exactly as the corpus will have it, one entry per use. */
static GArray *
article_pool (const Vocabulary *v,
              guint32           seed,
              guint             number)
{
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *pool = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *area = NULL;
  guint n_words = 0;

  g_free (article_markdown (v, seed, number, NULL, ranks, &area, &n_words));
  for (guint i = 0; i < ranks->len; i++)
    if (g_array_index (ranks, guint, i) >= STOP_RANKS)
      g_array_append_val (pool, g_array_index (ranks, guint, i));
  return pool;
}

/* An article number in neither table. */
static guint
pick_article (GRand      *rand,
              guint       n_articles,
              GHashTable *avoid,
              GHashTable *avoid_too)
{
  guint n;

  do
    n = g_rand_int_range (rand, 0, n_articles);
  while (g_hash_table_contains (avoid, GUINT_TO_POINTER (n + 1)) ||
         g_hash_table_contains (avoid_too, GUINT_TO_POINTER (n + 1)));
  return n;
}

/* The article an ORIGIN_ARTICLE query takes its words from: any that is not
 * planted, until half the corpus has been used; then one used before, so
 * that planting always finds a free article. */
static guint
pick_source (GRand      *rand,
             guint       n_articles,
             GHashTable *plants,
             GHashTable *sources,
             GArray     *in_order)
{
  guint n;

  if (g_hash_table_size (sources) < n_articles / 2)
    {
      n = pick_article (rand, n_articles, plants, sources);
      g_hash_table_add (sources, GUINT_TO_POINTER (n + 1));
      g_array_append_val (in_order, n);
      return n;
    }
  return g_array_index (in_order, guint, g_rand_int_range (rand, 0, in_order->len));
}

/* The log's mix: every PLANTED_EVERY-th query planted, the others from one
 * article's words or, RANDOM_PERCENT of them, independent words. */
static QueryOrigin
next_origin (GRand *rand,
             guint  i,
             guint  n_planted,
             guint  max_planted)
{
  if (i % PLANTED_EVERY == 0 && n_planted < max_planted)
    return ORIGIN_PLANTED;
  return g_rand_int_range (rand, 0, 100) < RANDOM_PERCENT ? ORIGIN_RANDOM : ORIGIN_ARTICLE;
}

/* N distinct queries (a repeated line could not be told apart in lotsctl's
 * output). PLANTS gets number + 1 → Plant for each planted article; a planted
 * article is never one whose words an ORIGIN_ARTICLE query took. */
static GPtrArray *
generate_queries (const Vocabulary *v,
                  guint             n_queries,
                  guint             n_articles,
                  guint32           seed,
                  GHashTable       *plants)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x51e5u);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sources = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) source_list = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *queries = g_ptr_array_new_with_free_func ((GDestroyNotify) query_free);

  while (queries->len < n_queries)
    {
      QueryOrigin origin = next_origin (rand, queries->len, g_hash_table_size (plants), n_articles / 4);
      g_autoptr(GArray) pool = NULL;
      QueryDraft d;
      Query *q;

      if (origin == ORIGIN_ARTICLE)
        pool = article_pool (v, seed, pick_source (rand, n_articles, plants, sources, source_list));
      draft_query (&d, v, rand, origin, pool);
      q = query_from_draft (&d, v, origin);
      if (g_hash_table_contains (seen, q->text))
        {
          query_free (q);
          continue;
        }
      if (origin == ORIGIN_PLANTED)
        {
          guint target = pick_article (rand, n_articles, sources, plants);

          q->target = target;
          g_hash_table_insert (plants, GUINT_TO_POINTER (target + 1), plant_from_draft (&d, v));
        }
      g_hash_table_add (seen, q->text);
      g_ptr_array_add (queries, q);
    }
  return queries;
}

/* ------------------------------------------------------------------ */
/* Child processes                                                     */

typedef struct
{
  int    status;       /* exit status, or -1 when killed by a signal */
  gint64 wall_us;
  glong  max_rss_kb;
} ChildRun;

static int
open_output (const char *path)
{
  return open (path != NULL ? path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
}

/* Runs ARGV to its end, its output in the files named (NULL: /dev/null),
 * and measures its wall time and peak RSS. */
static gboolean
spawn_and_wait (const char *const *argv,
                const char        *stdout_path,
                const char        *stderr_path,
                ChildRun          *run,
                GError           **error)
{
  int out_fd = open_output (stdout_path);
  int err_fd = open_output (stderr_path);
  struct rusage usage;
  GPid pid = 0;
  int wstatus = 0;
  gint64 start;
  gboolean spawned;

  if (out_fd < 0 || err_fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot open an output file for %s: %s", argv[0], g_strerror (saved));
      if (out_fd >= 0)
        close (out_fd);
      if (err_fd >= 0)
        close (err_fd);
      return FALSE;
    }
  start = g_get_monotonic_time ();
  spawned = g_spawn_async_with_fds (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                    &pid, -1, out_fd, err_fd, error);
  close (out_fd);
  close (err_fd);
  if (!spawned)
    return FALSE;
  while (wait4 (pid, &wstatus, 0, &usage) < 0)
    if (errno != EINTR)
      {
        int saved = errno;
        g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "waiting for %s: %s", argv[0], g_strerror (saved));
        return FALSE;
      }
  run->wall_us = g_get_monotonic_time () - start;
  run->max_rss_kb = usage.ru_maxrss;
  run->status = WIFEXITED (wstatus) ? WEXITSTATUS (wstatus) : -1;
  return TRUE;
}

/* Children are not spawned by the benchmark itself but by the spawner, a
 * small process started before the benchmark grows. Linux keeps in a child's
 * peak RSS the peak of the address space it exec'ed from — the spawning
 * process's — so children of the benchmark would all show at least its own
 * peak; children of the spawner show theirs. The protocol, over two pipes:
 * a request is NUL-terminated fields (stdout path, stderr path — empty for
 * /dev/null — then argv) ended by an empty field; the reply is one line,
 * "STATUS WALL_US MAX_RSS_KB" or "E MESSAGE". */
typedef struct
{
  GPid  pid;
  FILE *to;
  FILE *from;
} Spawner;

static GPtrArray *
spawner_read_request (FILE *in)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  int c;

  while ((c = getc (in)) != EOF)
    {
      if (c != '\0')
        {
          g_string_append_c (field, (char) c);
          continue;
        }
      if (field->len == 0 && fields->len >= 3)
        {
          g_ptr_array_add (fields, NULL);
          return g_steal_pointer (&fields);
        }
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
    }
  return NULL;
}

/* `--spawner`: runs requests from stdin until it closes. */
static int
spawner_main (void)
{
  GPtrArray *request;

  while ((request = spawner_read_request (stdin)) != NULL)
    {
      const char *out = request->pdata[0], *err = request->pdata[1];
      g_autoptr(GError) error = NULL;
      ChildRun run = { 0 };

      if (spawn_and_wait ((const char *const *) request->pdata + 2, out[0] ? out : NULL, err[0] ? err : NULL,
                          &run, &error))
        printf ("%d %" G_GINT64_FORMAT " %ld\n", run.status, run.wall_us, run.max_rss_kb);
      else
        printf ("E %s\n", error->message);
      fflush (stdout);
      g_ptr_array_unref (request);
    }
  return 0;
}

static gboolean
spawner_start (Spawner     *s,
               const char  *self,
               GError     **error)
{
  const char *argv[] = { self, "--spawner", NULL };
  int to_fd = -1, from_fd = -1;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &s->pid, &to_fd, &from_fd, NULL, error))
    return FALSE;
  s->to = fdopen (to_fd, "w");
  s->from = fdopen (from_fd, "r");
  if (s->to == NULL || s->from == NULL)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "cannot talk to the spawner: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static void
spawner_stop (Spawner *s)
{
  if (s->to != NULL)
    fclose (s->to);
  if (s->from != NULL)
    fclose (s->from);
  if (s->pid > 0)
    waitpid (s->pid, NULL, 0);
  memset (s, 0, sizeof *s);
}

static gboolean
spawner_parse_reply (const char  *line,
                     ChildRun    *run,
                     GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", 3);
  gint64 status, wall_us, rss;

  if (g_str_has_prefix (line, "E "))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s", g_strchomp ((char *) line + 2));
      return FALSE;
    }
  if (g_strv_length (fields) != 3 ||
      !g_ascii_string_to_signed (fields[0], 10, -1, 255, &status, NULL) ||
      !g_ascii_string_to_signed (fields[1], 10, 0, G_MAXINT64, &wall_us, NULL) ||
      !g_ascii_string_to_signed (g_strchomp (fields[2]), 10, 0, G_MAXLONG, &rss, NULL))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "the spawner replied: %s", line);
      return FALSE;
    }
  run->status = (int) status;
  run->wall_us = wall_us;
  run->max_rss_kb = (glong) rss;
  return TRUE;
}

/* Runs ARGV to its end through the spawner, its output in the files named
 * (NULL: /dev/null); measures its wall time and peak RSS. */
static gboolean
run_child (Spawner           *s,
           const char *const *argv,
           const char        *stdout_path,
           const char        *stderr_path,
           ChildRun          *run,
           GError           **error)
{
  char line[4096];

  fputs (stdout_path ? stdout_path : "", s->to);
  fputc ('\0', s->to);
  fputs (stderr_path ? stderr_path : "", s->to);
  fputc ('\0', s->to);
  for (guint i = 0; argv[i] != NULL; i++)
    {
      fputs (argv[i], s->to);
      fputc ('\0', s->to);
    }
  fputc ('\0', s->to);
  if (fflush (s->to) != 0 || fgets (line, sizeof line, s->from) == NULL)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "the spawner is gone (running %s)", argv[0]);
      return FALSE;
    }
  return spawner_parse_reply (line, run, error);
}

/* A child that did not exit 0 fails the run, with what it printed. */
static gboolean
check_child (const ChildRun  *run,
             const char      *what,
             const char      *stderr_path,
             GError         **error)
{
  g_autofree char *output = NULL;

  if (run->status == 0)
    return TRUE;
  if (stderr_path != NULL)
    g_file_get_contents (stderr_path, &output, NULL, NULL);
  g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s %s (status %d)%s%s", what,
               run->status < 0 ? "was killed" : "failed", run->status,
               output && output[0] ? ":\n" : "", output ? output : "");
  return FALSE;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : 0;
}

/* A database's size on disk, with its write-ahead log. */
static goffset
database_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return file_size (path) + file_size (wal);
}

/* ------------------------------------------------------------------ */
/* Engine figures                                                      */

typedef struct
{
  guint  n;
  gint64 p50, p95, p99, max;
} Latency;

typedef struct
{
  guint  n;       /* planted queries */
  guint  hit1;    /* target ranked first */
  guint  found;   /* queries with any result */
  double rr_sum;  /* sum of reciprocal ranks */
} Relevance;

typedef gboolean (*QueryFilter) (const Query *q);

static gboolean
keep_all (const Query *q G_GNUC_UNUSED)
{
  return TRUE;
}

static gboolean
keep_full (const Query *q)
{
  return !q->prefix;
}

static gboolean
keep_prefix (const Query *q)
{
  return q->prefix;
}

static gboolean
keep_inflected (const Query *q)
{
  return q->inflected;
}

static gboolean
keep_planted (const Query *q)
{
  return q->origin == ORIGIN_PLANTED;
}

static gboolean
keep_article (const Query *q)
{
  return q->origin == ORIGIN_ARTICLE;
}

static gboolean
keep_random (const Query *q)
{
  return q->origin == ORIGIN_RANDOM;
}

/* Queries that plain FTS5 found nothing for: no article has every word as
 * typed. Lots may still answer them (lemmas, compounds, a relaxed search, a
 * spelling suggestion), and that path has its own cost. */
static gboolean
keep_no_exact_match (const Query *q)
{
  return q->answers[ENGINE_FTS5].us >= 0 && q->answers[ENGINE_FTS5].n_hits == 0;
}

static gboolean
keep_planted_full (const Query *q)
{
  return q->origin == ORIGIN_PLANTED && !q->prefix;
}

static gboolean
keep_planted_prefix (const Query *q)
{
  return q->origin == ORIGIN_PLANTED && q->prefix;
}

static gboolean
keep_planted_inflected (const Query *q)
{
  return q->origin == ORIGIN_PLANTED && q->inflected;
}

typedef enum
{
  KIND_ALL,
  KIND_FULL,
  KIND_PREFIX,
  KIND_INFLECTED,
  KIND_PLANTED,
  KIND_ARTICLE,
  KIND_RANDOM,
  KIND_NO_EXACT_MATCH,
  N_KINDS
} QueryKind;

/* The slices of the log whose latency is reported. */
static const struct
{
  const char  *name;  /* in the tables */
  const char  *key;   /* in the JSON */
  QueryFilter  keep;
} kinds[N_KINDS] = {
  [KIND_ALL] = { "all", "all", keep_all },
  [KIND_FULL] = { "full words", "full", keep_full },
  [KIND_PREFIX] = { "typed prefix", "prefix", keep_prefix },
  [KIND_INFLECTED] = { "a word in another form", "inflected", keep_inflected },
  [KIND_PLANTED] = { "planted", "planted", keep_planted },
  [KIND_ARTICLE] = { "words of one article", "article", keep_article },
  [KIND_RANDOM] = { "independent words", "independent", keep_random },
  [KIND_NO_EXACT_MATCH] = { "FTS5 found nothing", "no_exact_match", keep_no_exact_match },
};

typedef struct
{
  const char *name;
  gboolean    ran;
  gint64      index_us;     /* -1: no index */
  goffset     index_bytes;
  goffset     base_bytes;   /* Lots: the built-in knowledge base alone */
  glong       peak_rss_kb;  /* of the largest of the engine's processes */
  glong       index_rss_kb;
  glong       search_rss_kb;
  guint       n_failed;     /* queries without an answer */
  guint       n_empty;      /* queries answered with no article */
  Latency     latency[N_KINDS];
  Relevance   rel, rel_full, rel_prefix, rel_inflected;
} EngineReport;

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile, PERMILLE/1000, of sorted VALUES. */
static gint64
percentile (const GArray *values,
            guint         permille)
{
  guint64 rank = ((guint64) values->len * permille + 999) / 1000;

  return g_array_index (values, gint64, rank > 0 ? rank - 1 : 0);
}

static Latency
latency_of (const GPtrArray *queries,
            Engine           engine,
            QueryFilter      keep)
{
  g_autoptr(GArray) us = g_array_new (FALSE, FALSE, sizeof (gint64));
  Latency l = { 0 };

  for (guint i = 0; i < queries->len; i++)
    {
      const Query *q = g_ptr_array_index (queries, i);
      if (keep (q) && q->answers[engine].us >= 0)
        g_array_append_val (us, q->answers[engine].us);
    }
  if (us->len == 0)
    return l;
  g_array_sort (us, compare_gint64);
  l.n = us->len;
  l.p50 = percentile (us, 500);
  l.p95 = percentile (us, 950);
  l.p99 = percentile (us, 990);
  l.max = g_array_index (us, gint64, us->len - 1);
  return l;
}

static Relevance
relevance_of (const GPtrArray *queries,
              Engine           engine,
              QueryFilter      keep)
{
  Relevance r = { 0 };

  for (guint i = 0; i < queries->len; i++)
    {
      const Query *q = g_ptr_array_index (queries, i);
      const Answer *a = &q->answers[engine];

      if (!keep (q))
        continue;
      r.n++;
      if (a->n_hits > 0)
        r.found++;
      if (a->rank == 1)
        r.hit1++;
      if (a->rank > 0)
        r.rr_sum += 1.0 / a->rank;
    }
  return r;
}

/* Called once every engine has run: some slices depend on FTS5's answers. */
static void
engine_summarise (EngineReport    *report,
                  const GPtrArray *queries,
                  Engine           engine)
{
  report->n_failed = report->n_empty = 0;
  for (guint i = 0; i < queries->len; i++)
    {
      const Answer *a = &((const Query *) g_ptr_array_index (queries, i))->answers[engine];
      if (a->us < 0)
        report->n_failed++;
      else if (a->n_hits == 0)
        report->n_empty++;
    }
  for (guint k = 0; k < N_KINDS; k++)
    report->latency[k] = latency_of (queries, engine, kinds[k].keep);
  report->peak_rss_kb = MAX (report->peak_rss_kb, MAX (report->index_rss_kb, report->search_rss_kb));
  if (engine == ENGINE_RG)
    return;
  report->rel = relevance_of (queries, engine, keep_planted);
  report->rel_full = relevance_of (queries, engine, keep_planted_full);
  report->rel_prefix = relevance_of (queries, engine, keep_planted_prefix);
  report->rel_inflected = relevance_of (queries, engine, keep_planted_inflected);
}

static void
answer_add_hit (Answer      *a,
                const Query *q,
                gint         number)
{
  a->n_hits++;
  if (a->rank == 0 && q->target >= 0 && number == q->target)
    a->rank = a->n_hits;
}

/* ------------------------------------------------------------------ */
/* The benchmark                                                       */

typedef struct
{
  /* options */
  int       n_articles;
  int       n_queries;
  int       n_rg_queries;
  gint64    seed;
  char     *lotsctl;
  char     *knowledge;
  char     *dictionary;
  char     *rg;
  char     *keep;
  char     *json;
  gboolean  smoke;
  /* files */
  char     *self;
  char     *work_dir;
  char     *corpus_dir;
  /* data */
  Vocabulary  *vocabulary;
  GPtrArray   *queries;
  GHashTable  *plants;      /* article number + 1 → Plant */
  CorpusStats  corpus;
  EngineReport reports[N_ENGINES];
  Spawner      spawner;
  gint64       start_us;
} Bench;

static char *
work_path (const Bench *b,
           const char  *name)
{
  return g_build_filename (b->work_dir, name, NULL);
}

static gboolean
write_query_files (Bench   *b,
                   GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) fts5 = g_string_new (NULL);
  g_autoptr(GString) tsv = g_string_new ("query\tprefix\tinflected\ttarget\n");
  g_autofree char *text_path = work_path (b, "queries.txt");
  g_autofree char *fts5_path = work_path (b, "queries.fts5");
  g_autofree char *tsv_path = work_path (b, "queries.tsv");

  for (guint i = 0; i < b->queries->len; i++)
    {
      const Query *q = g_ptr_array_index (b->queries, i);

      g_string_append_printf (text, "%s\n", q->text);
      g_string_append_printf (fts5, "%s\n", q->fts5);
      g_string_append_printf (tsv, "%s\t%d\t%d\t%d\n", q->text, q->prefix, q->inflected, q->target);
    }
  return write_file (text_path, text->str, text->len, error) &&
         write_file (fts5_path, fts5->str, fts5->len, error) &&
         write_file (tsv_path, tsv->str, tsv->len, error);
}

/* The article number in a benchmark id ("aldre/bench-000123"), or -1 for an
 * article of the built-in knowledge base. */
static gint
bench_number (const char *id)
{
  const char *p = id ? strstr (id, "/bench-") : NULL;
  guint64 n;

  if (p == NULL || !g_ascii_string_to_unsigned (p + 7, 10, 0, G_MAXINT, &n, NULL))
    return -1;
  return (gint) n;
}

/* Reads one `lotsctl search --batch --json` line into the answers. Queries
 * come back in order, one line or more each; a query lotsctl failed on has
 * no line, so the cursor skips ahead to the query a line names. */
static gboolean
read_lots_line (Bench       *b,
                JsonParser  *parser,
                const char  *line,
                guint       *cursor,
                gboolean    *started,
                GError     **error)
{
  JsonObject *o;
  const char *text;

  if (!json_parser_load_from_data (parser, line, -1, error))
    return FALSE;
  o = json_node_get_object (json_parser_get_root (parser));
  text = o ? json_object_get_string_member_with_default (o, "query", NULL) : NULL;
  if (text == NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA, "a line without \"query\": %s", line);
      return FALSE;
    }
  if (*started && g_str_equal (text, ((Query *) b->queries->pdata[*cursor])->text))
    {
      Query *q = b->queries->pdata[*cursor];
      if (json_object_has_member (o, "id"))
        answer_add_hit (&q->answers[ENGINE_LOTS], q,
                        bench_number (json_object_get_string_member_with_default (o, "id", NULL)));
      return TRUE;
    }
  for (guint i = *started ? *cursor + 1 : 0; i < b->queries->len; i++)
    {
      Query *q = b->queries->pdata[i];

      if (!g_str_equal (text, q->text))
        continue;
      *cursor = i;
      *started = TRUE;
      q->answers[ENGINE_LOTS].us = json_object_get_int_member_with_default (o, "us", 0);
      if (json_object_has_member (o, "id"))
        answer_add_hit (&q->answers[ENGINE_LOTS], q,
                        bench_number (json_object_get_string_member_with_default (o, "id", NULL)));
      return TRUE;
    }
  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
               "lotsctl answered a query that is not next in the log: %s", text);
  return FALSE;
}

static gboolean
read_lots_answers (Bench       *b,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint cursor = 0;
  gboolean started = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !read_lots_line (b, parser, lines[i], &cursor, &started, error))
      {
        g_prefix_error (error, "%s:%u: ", path, i + 1);
        return FALSE;
      }
  return TRUE;
}

static gboolean
run_lots_index (Bench         *b,
                const char    *data_dir,
                EngineReport  *report,
                GError       **error)
{
  g_autofree char *err = work_path (b, "lots-index.err");
  g_autofree char *out = work_path (b, "lots-index.out");
  const char *warm[] = { b->lotsctl, "--data-dir", data_dir, "search", "--json", "hemtjänst", NULL };
  const char *index[] = { b->lotsctl, "--data-dir", data_dir, "index", b->corpus_dir, NULL };
  g_autofree char *db = g_build_filename (data_dir, "index.sqlite", NULL);
  ChildRun run = { 0 };

  /* The built-in knowledge base is indexed on first use: do that first, so
   * that the time measured is the corpus's alone. */
  if (!run_child (&b->spawner, warm, NULL, err, &run, error) ||
      !check_child (&run, "lotsctl search (warm-up)", err, error))
    return FALSE;
  report->base_bytes = database_size (db);
  note ("lots: indexing %u articles…\n", b->corpus.n_articles);
  if (!run_child (&b->spawner, index, out, err, &run, error) ||
      !check_child (&run, "lotsctl index", err, error))
    return FALSE;
  report->index_us = run.wall_us;
  report->index_bytes = database_size (db);
  report->index_rss_kb = run.max_rss_kb;
  return TRUE;
}

static gboolean
run_lots_queries (Bench         *b,
                  const char    *data_dir,
                  EngineReport  *report,
                  GError       **error)
{
  g_autofree char *queries = work_path (b, "queries.txt");
  g_autofree char *out = work_path (b, "lots-search.jsonl");
  g_autofree char *err = work_path (b, "lots-search.err");
  g_autofree char *limit = g_strdup_printf ("%d", RESULT_LIMIT);
  const char *argv[] = { b->lotsctl, "--data-dir", data_dir, "search", "--batch", queries, "--json",
                         "--limit", limit, NULL };
  ChildRun run = { 0 };

  note ("lots: running %u queries…\n", b->queries->len);
  if (!run_child (&b->spawner, argv, out, err, &run, error) ||
      !check_child (&run, "lotsctl search --batch", err, error))
    return FALSE;
  report->search_rss_kb = run.max_rss_kb;
  return read_lots_answers (b, out, error);
}

static gboolean
run_lots (Bench   *b,
          GError **error)
{
  EngineReport *report = &b->reports[ENGINE_LOTS];
  g_autofree char *data_dir = work_path (b, "lots-data");

  report->name = "Lots";
  if (!make_dir (data_dir, error) ||
      !run_lots_index (b, data_dir, report, error) ||
      !run_lots_queries (b, data_dir, report, error))
    return FALSE;
  report->ran = TRUE;
  return TRUE;
}

/* Reads the FTS5 worker's output: one line per query, "us<TAB>n1 n2 …"
 * with the article numbers best first. */
static gboolean
read_fts5_answers (Bench       *b,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; i < b->queries->len && lines[i] != NULL; i++)
    {
      Query *q = b->queries->pdata[i];
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_auto(GStrv) hits = NULL;
      gint64 us;

      if (fields[0] == NULL || fields[1] == NULL ||
          !g_ascii_string_to_signed (fields[0], 10, -1, G_MAXINT64, &us, NULL))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%u: not a result line", path, i + 1);
          return FALSE;
        }
      q->answers[ENGINE_FTS5].us = us;
      hits = g_strsplit (fields[1], " ", -1);
      for (guint h = 0; hits[h] != NULL; h++)
        {
          guint64 number;
          if (hits[h][0] != '\0' && g_ascii_string_to_unsigned (hits[h], 10, 0, G_MAXINT, &number, NULL))
            answer_add_hit (&q->answers[ENGINE_FTS5], q, (gint) number);
        }
    }
  return TRUE;
}

static gboolean
run_fts5 (Bench   *b,
          GError **error)
{
  EngineReport *report = &b->reports[ENGINE_FTS5];
  g_autofree char *db = work_path (b, "fts5.sqlite");
  g_autofree char *exprs = work_path (b, "queries.fts5");
  g_autofree char *out = work_path (b, "fts5-search.tsv");
  g_autofree char *err = work_path (b, "fts5.err");
  const char *index[] = { b->self, "--fts5-worker", "index", b->corpus_dir, db, NULL };
  const char *search[] = { b->self, "--fts5-worker", "search", db, exprs, out, NULL };
  ChildRun run = { 0 };

  report->name = "FTS5 unicode61";
  note ("fts5: indexing %u articles…\n", b->corpus.n_articles);
  if (!run_child (&b->spawner, index, NULL, err, &run, error) ||
      !check_child (&run, "the FTS5 indexer", err, error))
    return FALSE;
  report->index_us = run.wall_us;
  report->index_bytes = database_size (db);
  report->index_rss_kb = run.max_rss_kb;
  note ("fts5: running %u queries…\n", b->queries->len);
  if (!run_child (&b->spawner, search, NULL, err, &run, error) ||
      !check_child (&run, "the FTS5 search", err, error))
    return FALSE;
  report->search_rss_kb = run.max_rss_kb;
  if (!read_fts5_answers (b, out, error))
    return FALSE;
  report->ran = TRUE;
  return TRUE;
}

/* N query positions, a seeded random sample in log order: a fixed stride
 * would fall in step with the planted queries. */
static GArray *
sample_positions (guint   n_queries,
                  guint   n,
                  guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x7a9u);
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_queries);

  for (guint i = 0; i < n_queries; i++)
    g_array_append_val (positions, i);
  for (guint i = 0; i < n && i + 1 < n_queries; i++)
    {
      guint j = g_rand_int_range (rand, i, n_queries);
      guint tmp = g_array_index (positions, guint, i);

      g_array_index (positions, guint, i) = g_array_index (positions, guint, j);
      g_array_index (positions, guint, j) = tmp;
    }
  g_array_set_size (positions, MIN (n, n_queries));
  g_array_sort (positions, compare_guint);
  return positions;
}

/* ripgrep has no index and cannot AND words: each sampled query is one
 * `rg -i -l -F WORD` over the corpus for its least frequent word, and its
 * latency is the whole process's, as a person running it would see. */
static gboolean
run_ripgrep (Bench   *b,
             GError **error)
{
  EngineReport *report = &b->reports[ENGINE_RG];
  g_autofree char *err = work_path (b, "rg.err");
  g_autofree char *out = work_path (b, "rg.out");
  guint n = MIN ((guint) b->n_rg_queries, b->queries->len);
  g_autoptr(GArray) sample = NULL;

  report->name = "ripgrep -i";
  report->index_us = -1;
  if (b->rg == NULL || n == 0)
    return TRUE;
  note ("ripgrep: running %u queries…\n", n);
  sample = sample_positions (b->queries->len, n, (guint32) b->seed);
  for (guint k = 0; k < n; k++)
    {
      Query *q = b->queries->pdata[g_array_index (sample, guint, k)];
      const char *argv[] = { b->rg, "-i", "-l", "-F", "--", q->rare_word, b->corpus_dir, NULL };
      ChildRun run = { 0 };
      g_autofree char *found = NULL;

      if (!run_child (&b->spawner, argv, out, err, &run, error))
        return FALSE;
      if (run.status != 0 && run.status != 1) /* 1: nothing found */
        return check_child (&run, "rg", err, error);
      q->answers[ENGINE_RG].us = run.wall_us;
      if (g_file_get_contents (out, &found, NULL, NULL))
        for (const char *p = found; (p = strchr (p, '\n')) != NULL; p++)
          q->answers[ENGINE_RG].n_hits++;
      report->peak_rss_kb = MAX (report->peak_rss_kb, run.max_rss_kb);
    }
  report->ran = TRUE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

static char *
format_ms (gint64 us)
{
  return us < 0 ? g_strdup ("—") : g_strdup_printf ("%.2f ms", us / 1000.0);
}

static char *
format_seconds (gint64 us)
{
  return g_strdup_printf ("%.1f s", us / 1e6);
}

static char *
format_ratio (double a,
              double b)
{
  return b > 0 ? g_strdup_printf ("%.2f×", a / b) : g_strdup ("—");
}

static double
hit1_of (const Relevance *r)
{
  return r->n ? (double) r->hit1 / r->n : 0.0;
}

static double
mrr_of (const Relevance *r)
{
  return r->n ? r->rr_sum / r->n : 0.0;
}

static double
articles_per_second (const Bench        *b,
                     const EngineReport *r)
{
  return r->index_us > 0 ? b->corpus.n_articles / (r->index_us / 1e6) : 0.0;
}

static void
print_engine_row (const Bench        *b,
                  const EngineReport *r)
{
  gboolean indexed = r->index_us >= 0;
  g_autofree char *index_time = indexed ? format_seconds (r->index_us) : g_strdup ("—");
  g_autofree char *rate = indexed ? g_strdup_printf ("%.0f", articles_per_second (b, r)) : g_strdup ("—");
  g_autofree char *size = indexed ? g_format_size (r->index_bytes) : g_strdup ("— (no index)");
  g_autofree char *p50 = format_ms (r->latency[KIND_ALL].p50);
  g_autofree char *p99 = format_ms (r->latency[KIND_ALL].p99);
  g_autofree char *p99_prefix = format_ms (r->latency[KIND_PREFIX].p99);
  g_autofree char *hit1 = r->rel.n ? g_strdup_printf ("%.3f", hit1_of (&r->rel)) : g_strdup ("—");
  g_autofree char *mrr = r->rel.n ? g_strdup_printf ("%.3f", mrr_of (&r->rel)) : g_strdup ("—");
  g_autofree char *rss = g_format_size ((guint64) r->peak_rss_kb * 1024);

  if (!r->ran)
    printf ("| %s | not run | | | | | | | | |\n", r->name);
  else
    printf ("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r->name, index_time, rate, size,
            p50, p99, p99_prefix, hit1, mrr, rss);
}

static void
print_ratio_row (const Bench        *b,
                 const EngineReport *l,
                 const EngineReport *f)
{
  g_autofree char *index_time = format_ratio (l->index_us, f->index_us);
  g_autofree char *rate = format_ratio (articles_per_second (b, l), articles_per_second (b, f));
  g_autofree char *size = format_ratio (l->index_bytes, f->index_bytes);
  g_autofree char *p50 = format_ratio (l->latency[KIND_ALL].p50, f->latency[KIND_ALL].p50);
  g_autofree char *p99 = format_ratio (l->latency[KIND_ALL].p99, f->latency[KIND_ALL].p99);
  g_autofree char *p99_prefix = format_ratio (l->latency[KIND_PREFIX].p99, f->latency[KIND_PREFIX].p99);
  g_autofree char *hit1 = format_ratio (hit1_of (&l->rel), hit1_of (&f->rel));
  g_autofree char *mrr = format_ratio (mrr_of (&l->rel), mrr_of (&f->rel));
  g_autofree char *rss = format_ratio (l->peak_rss_kb, f->peak_rss_kb);

  printf ("| **Lots / FTS5** | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
          index_time, rate, size, p50, p99, p99_prefix, hit1, mrr, rss);
}

static void
print_latency_row (const char    *engine,
                   const char    *kind,
                   const Latency *l)
{
  g_autofree char *p50 = format_ms (l->p50);
  g_autofree char *p95 = format_ms (l->p95);
  g_autofree char *p99 = format_ms (l->p99);
  g_autofree char *max = format_ms (l->max);

  if (l->n > 0)
    printf ("| %s | %s | %u | %s | %s | %s | %s |\n", engine, kind, l->n, p50, p95, p99, max);
}

static void
print_latencies (const Bench *b)
{
  printf ("\n### Latency by kind of query\n\n"
          "| engine | queries | n | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
  for (guint e = 0; e < N_ENGINES; e++)
    for (guint k = 0; k < N_KINDS && b->reports[e].ran; k++)
      print_latency_row (b->reports[e].name, kinds[k].name, &b->reports[e].latency[k]);
  printf ("\nQueries answered with no article: Lots %u, FTS5 %u (of %u).\n",
          b->reports[ENGINE_LOTS].n_empty, b->reports[ENGINE_FTS5].n_empty, b->queries->len);
}

static void
print_relevance_row (const char      *what,
                     const Relevance *lots,
                     const Relevance *fts5)
{
  if (lots->n > 0)
    printf ("| %s | %u | %.3f | %.3f | %u | %.3f | %.3f | %u |\n", what, lots->n,
            hit1_of (lots), mrr_of (lots), lots->found, hit1_of (fts5), mrr_of (fts5), fts5->found);
}

static void
print_relevance (const Bench *b)
{
  const EngineReport *l = &b->reports[ENGINE_LOTS], *f = &b->reports[ENGINE_FTS5];

  printf ("\n### Relevance on planted queries (the planted article is the right answer)\n\n"
          "| planted queries | n | Lots hit@1 | Lots MRR | Lots any result | FTS5 hit@1 | FTS5 MRR | FTS5 any result |\n"
          "|---|---|---|---|---|---|---|---|\n");
  print_relevance_row ("all", &l->rel, &f->rel);
  print_relevance_row ("full words", &l->rel_full, &f->rel_full);
  print_relevance_row ("last word a typed prefix", &l->rel_prefix, &f->rel_prefix);
  print_relevance_row ("a word in another form than the title's", &l->rel_inflected, &f->rel_inflected);
}

static int
compare_lots_us (gconstpointer a,
                 gconstpointer b)
{
  const Query *qa = *(const Query *const *) a, *qb = *(const Query *const *) b;
  gint64 x = qa->answers[ENGINE_LOTS].us, y = qb->answers[ENGINE_LOTS].us;

  return x > y ? -1 : x < y;
}

static char *
describe_query (const Query *q)
{
  static const char *const origins[] = { "planted", "one article", "independent" };

  return g_strdup_printf ("%s, %s%s", origins[q->origin], q->prefix ? "prefix" : "full",
                          q->inflected ? ", other form" : "");
}

/* The queries, slowest for Lots first; borrowed from B. */
static GPtrArray *
queries_by_lots_time (const Bench *b)
{
  GPtrArray *sorted = g_ptr_array_sized_new (b->queries->len);

  for (guint i = 0; i < b->queries->len; i++)
    g_ptr_array_add (sorted, b->queries->pdata[i]);
  g_ptr_array_sort (sorted, compare_lots_us);
  return sorted;
}

static guint
query_position (const Bench *b,
                const Query *q)
{
  guint position = 0;

  g_ptr_array_find (b->queries, q, &position);
  return position + 1;
}

/* The slowest queries for Lots, with FTS5's time for the same text: what to
 * look at first when p99 misses its target. */
static void
print_slowest (const Bench *b)
{
  g_autoptr(GPtrArray) sorted = queries_by_lots_time (b);
  guint n_slow = 0, n_far = 0;

  for (guint i = 0; i < sorted->len; i++)
    {
      const Query *q = sorted->pdata[i];
      gint64 l = q->answers[ENGINE_LOTS].us, f = q->answers[ENGINE_FTS5].us;

      n_slow += l > SLOW_QUERY_US;
      n_far += l > SLOW_QUERY_US && f >= 0 && l > 10 * f;
    }
  printf ("\n### Slowest queries for Lots\n\n"
          "%u of %u queries took Lots over %d ms, %u of them over 10× the FTS5 time. "
          "Position 1 is the first query of the lotsctl process, which loads the dictionary.\n\n"
          "| query | kind | position | Lots | FTS5 | Lots hits | FTS5 hits |\n|---|---|---|---|---|---|---|\n",
          n_slow, sorted->len, SLOW_QUERY_US / 1000, n_far);
  for (guint i = 0; i < sorted->len && i < N_SLOWEST; i++)
    {
      const Query *q = sorted->pdata[i];
      g_autofree char *kind = describe_query (q);
      g_autofree char *l = format_ms (q->answers[ENGINE_LOTS].us);
      g_autofree char *f = format_ms (q->answers[ENGINE_FTS5].us);

      printf ("| `%s` | %s | %u | %s | %s | %u | %u |\n", q->text, kind, query_position (b, q), l, f,
              q->answers[ENGINE_LOTS].n_hits, q->answers[ENGINE_FTS5].n_hits);
    }
}

static void
print_targets (const Bench *b)
{
  const EngineReport *l = &b->reports[ENGINE_LOTS], *f = &b->reports[ENGINE_FTS5];
  gint64 p99 = l->latency[KIND_ALL].p99, p99_prefix = l->latency[KIND_PREFIX].p99;
  double rate = articles_per_second (b, l);
  gboolean relevant = hit1_of (&l->rel) >= hit1_of (&f->rel) && mrr_of (&l->rel) >= mrr_of (&f->rel);

  printf ("\n### Targets (read, never asserted)\n\n");
  printf ("- p99 ≤ 10 ms over the whole log, typed prefixes included: %s (%.2f ms; typed prefixes %.2f ms)\n",
          p99 <= 10000 && p99_prefix <= 10000 ? "met" : "**missed**", p99 / 1000.0, p99_prefix / 1000.0);
  printf ("- at least 1,000 articles/s indexed: %s (%.0f/s)\n", rate >= 1000 ? "met" : "**missed**", rate);
  printf ("- no loss of relevance against plain FTS5: %s (hit@1 %.3f vs %.3f, MRR %.3f vs %.3f)\n",
          relevant ? "met" : "**missed**", hit1_of (&l->rel), hit1_of (&f->rel), mrr_of (&l->rel), mrr_of (&f->rel));
  if (l->n_failed > 0)
    printf ("- **%u queries got no answer line from lotsctl** (see lots-search.err)\n", l->n_failed);
}

static void
print_corpus (const Bench *b)
{
  g_autofree char *corpus_size = g_format_size (b->corpus.bytes);
  g_autofree char *gen = format_seconds (b->corpus.us);
  guint n_prefix = 0, n_inflected = 0, n_origin[3] = { 0 };

  for (guint i = 0; i < b->queries->len; i++)
    {
      const Query *q = g_ptr_array_index (b->queries, i);

      n_prefix += q->prefix;
      n_inflected += q->inflected;
      n_origin[q->origin]++;
    }
  printf ("## Search benchmark: %u articles, %u queries, seed %" G_GINT64_FORMAT "\n\n",
          b->corpus.n_articles, b->queries->len, b->seed);
  printf ("Corpus: %" G_GUINT64_FORMAT " words (%.0f per article), %s of Markdown, generated in %s; "
          "vocabulary of %u words, %u from %u knowledge articles and the rest from %s.\n\n"
          "Queries: %u planted, %u with the words of one article, %u of independent words; "
          "%u end in a typed prefix, %u have a word in another form than the text's. "
          "ripgrep: %u of them, a seeded random sample, each as `rg -i -l -F` for its least frequent word only "
          "(rg cannot AND words).\n\n",
          b->corpus.n_words, (double) b->corpus.n_words / MAX (1u, b->corpus.n_articles), corpus_size, gen,
          b->vocabulary->words->len, b->vocabulary->n_head, b->vocabulary->n_knowledge_files, b->dictionary,
          n_origin[ORIGIN_PLANTED], n_origin[ORIGIN_ARTICLE], n_origin[ORIGIN_RANDOM], n_prefix, n_inflected,
          b->reports[ENGINE_RG].latency[KIND_ALL].n);
}

static void
print_notes (const Bench *b)
{
  g_autofree char *base = g_format_size (b->reports[ENGINE_LOTS].base_bytes);
  const EngineReport *l = &b->reports[ENGINE_LOTS], *f = &b->reports[ENGINE_FTS5];
  g_autofree char *l_index = g_format_size ((guint64) l->index_rss_kb * 1024);
  g_autofree char *l_search = g_format_size ((guint64) l->search_rss_kb * 1024);
  g_autofree char *f_index = g_format_size ((guint64) f->index_rss_kb * 1024);
  g_autofree char *f_search = g_format_size ((guint64) f->search_rss_kb * 1024);

  printf ("\nLots' index size includes the built-in knowledge base (%s before the corpus was indexed); "
          "its index time is `lotsctl index` alone, the built-in source indexed before. "
          "Each latency is as the engine measures it: inside lotsctl's batch for Lots, around each "
          "statement for FTS5 (with title and snippet, as Lots returns them), the whole process for rg. "
          "Peak RSS by process: Lots index %s, search %s; FTS5 index %s, search %s.\n",
          base, l_index, l_search, f_index, f_search);
}

static void
print_report (const Bench *b)
{
  g_autofree char *total = format_seconds (g_get_monotonic_time () - b->start_us);

  print_corpus (b);
  printf ("| engine | index time | articles/s | index size | p50 | p99 (all) | p99 (prefix) | hit@1 | MRR | peak RSS |\n"
          "|---|---|---|---|---|---|---|---|---|---|\n");
  for (guint e = 0; e < N_ENGINES; e++)
    print_engine_row (b, &b->reports[e]);
  print_ratio_row (b, &b->reports[ENGINE_LOTS], &b->reports[ENGINE_FTS5]);
  print_notes (b);
  if (b->rg == NULL)
    printf ("\nripgrep (rg) is not installed: (c) was skipped.\n");
  print_latencies (b);
  print_relevance (b);
  print_slowest (b);
  print_targets (b);
  printf ("\nWall time of the whole benchmark: %s.\n", total);
  fflush (stdout);
}

static void
json_add_int (JsonBuilder *j,
              const char  *name,
              gint64       value)
{
  json_builder_set_member_name (j, name);
  json_builder_add_int_value (j, value);
}

static void
json_add_double (JsonBuilder *j,
                 const char  *name,
                 double       value)
{
  json_builder_set_member_name (j, name);
  json_builder_add_double_value (j, value);
}

static void
json_add_latency (JsonBuilder   *j,
                  const char    *name,
                  const Latency *l)
{
  json_builder_set_member_name (j, name);
  json_builder_begin_object (j);
  json_add_int (j, "n", l->n);
  json_add_int (j, "p50_us", l->p50);
  json_add_int (j, "p95_us", l->p95);
  json_add_int (j, "p99_us", l->p99);
  json_add_int (j, "max_us", l->max);
  json_builder_end_object (j);
}

static void
json_add_relevance (JsonBuilder     *j,
                    const char      *name,
                    const Relevance *r)
{
  json_builder_set_member_name (j, name);
  json_builder_begin_object (j);
  json_add_int (j, "n", r->n);
  json_add_double (j, "hit_at_1", hit1_of (r));
  json_add_double (j, "mrr", mrr_of (r));
  json_add_int (j, "any_result", r->found);
  json_builder_end_object (j);
}

static void
json_add_engine (JsonBuilder        *j,
                 const Bench        *b,
                 const EngineReport *r)
{
  json_builder_begin_object (j);
  json_builder_set_member_name (j, "engine");
  json_builder_add_string_value (j, r->name);
  json_builder_set_member_name (j, "ran");
  json_builder_add_boolean_value (j, r->ran);
  json_add_int (j, "index_us", r->index_us);
  json_add_double (j, "articles_per_s", articles_per_second (b, r));
  json_add_int (j, "index_bytes", r->index_bytes);
  json_add_int (j, "peak_rss_kb", r->peak_rss_kb);
  json_add_int (j, "index_rss_kb", r->index_rss_kb);
  json_add_int (j, "search_rss_kb", r->search_rss_kb);
  json_add_int (j, "failed_queries", r->n_failed);
  json_add_int (j, "empty_queries", r->n_empty);
  json_builder_set_member_name (j, "latency");
  json_builder_begin_object (j);
  for (guint k = 0; k < N_KINDS; k++)
    json_add_latency (j, kinds[k].key, &r->latency[k]);
  json_builder_end_object (j);
  json_builder_set_member_name (j, "planted");
  json_builder_begin_object (j);
  json_add_relevance (j, "all", &r->rel);
  json_add_relevance (j, "full", &r->rel_full);
  json_add_relevance (j, "prefix", &r->rel_prefix);
  json_add_relevance (j, "inflected", &r->rel_inflected);
  json_builder_end_object (j);
  json_builder_end_object (j);
}

static void
json_add_slowest (JsonBuilder *j,
                  const Bench *b)
{
  g_autoptr(GPtrArray) sorted = queries_by_lots_time (b);

  json_builder_set_member_name (j, "slowest_for_lots");
  json_builder_begin_array (j);
  for (guint i = 0; i < sorted->len && i < N_SLOWEST; i++)
    {
      const Query *q = sorted->pdata[i];

      json_builder_begin_object (j);
      json_builder_set_member_name (j, "query");
      json_builder_add_string_value (j, q->text);
      json_add_int (j, "position", query_position (b, q));
      json_add_int (j, "lots_us", q->answers[ENGINE_LOTS].us);
      json_add_int (j, "fts5_us", q->answers[ENGINE_FTS5].us);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
}

static gboolean
write_json (const Bench  *b,
            GError      **error)
{
  g_autoptr(JsonBuilder) j = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (j);
  json_add_int (j, "articles", b->corpus.n_articles);
  json_add_int (j, "corpus_words", b->corpus.n_words);
  json_add_int (j, "corpus_bytes", b->corpus.bytes);
  json_add_int (j, "queries", b->queries->len);
  json_add_int (j, "seed", b->seed);
  json_builder_set_member_name (j, "engines");
  json_builder_begin_array (j);
  for (guint e = 0; e < N_ENGINES; e++)
    json_add_engine (j, b, &b->reports[e]);
  json_builder_end_array (j);
  json_add_slowest (j, b);
  json_builder_end_object (j);
  root = json_builder_get_root (j);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_file (gen, b->json, error);
}

/* ------------------------------------------------------------------ */
/* The FTS5 worker: the baseline, in a process of its own                */

static gboolean
sqlite_check (int          rc,
              sqlite3     *db,
              const char  *what,
              GError     **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", what,
               db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* Splits a benchmark article into its title and body, as written by
 * article_markdown(). */
static gboolean
split_article (const char  *contents,
               char       **title,
               const char **body)
{
  const char *end = g_str_has_prefix (contents, "---\n") ? strstr (contents + 3, "\n---\n") : NULL;
  const char *line = strstr (contents, "\ntitle: \"");

  if (end == NULL || line == NULL || line > end)
    return FALSE;
  line += strlen ("\ntitle: \"");
  *title = g_strndup (line, strcspn (line, "\"\n"));
  *body = end + 5;
  return TRUE;
}

static gboolean
fts5_index_file (sqlite3       *db,
                 sqlite3_stmt  *insert,
                 const char    *path,
                 guint64        number,
                 GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *title = NULL;
  const char *body = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  if (!split_article (contents, &title, &body))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: no front matter with a title", path);
      return FALSE;
    }
  sqlite3_reset (insert);
  sqlite3_bind_int64 (insert, 1, (sqlite3_int64) number + 1);
  sqlite3_bind_text (insert, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, body, -1, SQLITE_STATIC);
  return sqlite_check (sqlite3_step (insert), db, path, error);
}

static gboolean
fts5_index_dir (sqlite3       *db,
                sqlite3_stmt  *insert,
                const char    *dir,
                GError       **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *stem = NULL;
      guint64 number;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!fts5_index_dir (db, insert, path, error))
            return FALSE;
          continue;
        }
      if (!g_str_has_prefix (name, "bench-") || !g_str_has_suffix (name, ".md"))
        continue;
      stem = g_strndup (name + 6, strlen (name) - 6 - 3);
      if (!g_ascii_string_to_unsigned (stem, 10, 0, G_MAXINT, &number, error) ||
          !fts5_index_file (db, insert, path, number, error))
        return FALSE;
    }
  return TRUE;
}

/* The same text as Lots gets, into a plain FTS5 table in one transaction,
 * with the journal settings Lots uses. The rowid is the article number + 1. */
static gboolean
fts5_index (const char  *corpus,
            const char  *path,
            GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  static const char schema[] =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
    "CREATE VIRTUAL TABLE t USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 0');"
    "BEGIN;";

  if (!sqlite_check (sqlite3_open (path, &db), db, path, error) ||
      !sqlite_check (sqlite3_exec (db, schema, NULL, NULL, NULL), db, "creating the FTS5 table", error) ||
      !sqlite_check (sqlite3_prepare_v2 (db, "INSERT INTO t (rowid, title, body) VALUES (?1, ?2, ?3)", -1,
                                         &insert, NULL), db, "preparing the insert", error) ||
      !fts5_index_dir (db, insert, corpus, error))
    return FALSE;
  return sqlite_check (sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL), db, "committing", error);
}

/* Runs one MATCH expression: the best RESULT_LIMIT rows with title and
 * snippet, as Lots returns them, so that both do comparable work. */
static gboolean
fts5_search_one (sqlite3       *db,
                 sqlite3_stmt  *select,
                 const char    *expr,
                 GString       *out,
                 GError       **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GString) hits = g_string_new (NULL);
  int rc;

  sqlite3_reset (select);
  sqlite3_bind_text (select, 1, expr, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_string_append_printf (hits, "%s%" G_GINT64_FORMAT, hits->len ? " " : "",
                              (gint64) sqlite3_column_int64 (select, 0) - 1);
      sqlite3_column_text (select, 1);
      sqlite3_column_text (select, 2);
    }
  if (!sqlite_check (rc, db, expr, error))
    return FALSE;
  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\n", g_get_monotonic_time () - start, hits->str);
  return TRUE;
}

static gboolean
fts5_search (const char  *path,
             const char  *exprs_path,
             const char  *out_path,
             GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *exprs = NULL;
  g_auto(GStrv) lines = NULL;
  static const char sql[] =
    "SELECT rowid, title, snippet (t, 1, '«', '»', '…', 24) FROM t WHERE t MATCH ?1"
    " ORDER BY bm25 (t, 10.0, 1.0) LIMIT " G_STRINGIFY (RESULT_LIMIT);

  if (!g_file_get_contents (exprs_path, &exprs, NULL, error) ||
      !sqlite_check (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), db, path, error) ||
      !sqlite_check (sqlite3_prepare_v2 (db, sql, -1, &select, NULL), db, "preparing the search", error))
    return FALSE;
  lines = g_strsplit (exprs, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !fts5_search_one (db, select, lines[i], out, error))
      return FALSE;
  return write_file (out_path, out->str, out->len, error);
}

/* `--fts5-worker index CORPUS DB` or `--fts5-worker search DB EXPRS OUT`. */
static int
fts5_worker (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (argc == 5 && g_str_equal (argv[2], "index"))
    ok = fts5_index (argv[3], argv[4], &error);
  else if (argc == 6 && g_str_equal (argv[2], "search"))
    ok = fts5_search (argv[3], argv[4], argv[5], &error);
  else
    {
      note ("lots-bench-search: --fts5-worker index CORPUS DB | search DB EXPRS OUT\n");
      return 2;
    }
  if (!ok)
    {
      note ("lots-bench-search: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Setup                                                               */

/* Removes the tree at PATH; the benchmark's own files only, so symbolic
 * links are removed and never followed. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      d = g_dir_open (path, 0, NULL);
      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/* The checkout's knowledge/ folder: from LOTS_BUILTIN_DIR as lotsctl reads
 * it, else the first parent of lotsctl's folder that holds one. */
static char *
find_knowledge_dir (const char *lotsctl)
{
  const char *builtin = g_getenv ("LOTS_BUILTIN_DIR");
  g_autofree char *dir = NULL;

  if (builtin != NULL)
    {
      g_autofree char *k = g_build_filename (builtin, "knowledge", NULL);
      if (g_file_test (k, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&k);
    }
  dir = g_path_get_dirname (lotsctl);
  for (;;)
    {
      g_autofree char *k = g_build_filename (dir, "knowledge", "lots.yaml", NULL);
      g_autofree char *parent = NULL;

      if (g_file_test (k, G_FILE_TEST_IS_REGULAR))
        return g_build_filename (dir, "knowledge", NULL);
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        return NULL;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}

/* lotsctl next to this program in the build tree: tests/bench/ → src/cli/. */
static char *
find_lotsctl (const char *self)
{
  g_autofree char *dir = g_path_get_dirname (self);
  g_autofree char *path = g_build_filename (dir, "..", "..", "src", "cli", "lotsctl", NULL);
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  return g_file_test (canonical, G_FILE_TEST_IS_EXECUTABLE) ? g_steal_pointer (&canonical) : NULL;
}

static gboolean
check_options (Bench   *b,
               GError **error)
{
  if (b->smoke)
    {
      b->n_articles = 500;
      b->n_queries = 100;
      b->n_rg_queries = MIN (b->n_rg_queries, 20);
    }
  if (b->n_articles < 100 || b->n_articles > 10000000 || b->n_queries < 10 || b->n_rg_queries < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--articles takes 100 or more, --queries 10 or more, --rg-queries 0 or more");
      return FALSE;
    }
  if (b->seed < 0 || b->seed > G_MAXUINT32)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--seed takes 0 to %u", G_MAXUINT32);
      return FALSE;
    }
  if (b->lotsctl == NULL)
    b->lotsctl = find_lotsctl (b->self);
  if (b->lotsctl == NULL || !g_file_test (b->lotsctl, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "lotsctl not found: give it with --lotsctl build/src/cli/lotsctl");
      return FALSE;
    }
  if (b->knowledge == NULL)
    b->knowledge = find_knowledge_dir (b->lotsctl);
  if (b->knowledge == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "the knowledge base was not found: give it with --knowledge DIR");
      return FALSE;
    }
  if (b->rg == NULL)
    b->rg = g_find_program_in_path ("rg");
  if (b->dictionary == NULL)
    b->dictionary = g_strdup ("/usr/share/hunspell/sv_SE.dic");
  return TRUE;
}

static gboolean
parse_options (Bench    *b,
               int      *argc,
               char   ***argv,
               GError  **error)
{
  GOptionEntry entries[] = {
    { "lotsctl", 0, 0, G_OPTION_ARG_FILENAME, &b->lotsctl, "The lotsctl to measure (default: the build tree's)", "PATH" },
    { "articles", 0, 0, G_OPTION_ARG_INT, &b->n_articles, "Articles in the corpus (default 50000)", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &b->n_queries, "Queries in the log (default 1000)", "N" },
    { "rg-queries", 0, 0, G_OPTION_ARG_INT, &b->n_rg_queries, "Queries sampled for ripgrep (default 100)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &b->seed, "Seed of the corpus and the log (default 1)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &b->keep, "Work in DIR and keep the corpus, indexes and outputs", "DIR" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &b->json, "Also write the figures to FILE as JSON", "FILE" },
    { "knowledge", 0, 0, G_OPTION_ARG_FILENAME, &b->knowledge, "Knowledge base to take words from", "DIR" },
    { "dictionary", 0, 0, G_OPTION_ARG_FILENAME, &b->dictionary, "Hunspell .dic for the long tail", "FILE" },
    { "rg", 0, 0, G_OPTION_ARG_FILENAME, &b->rg, "ripgrep to measure (default: rg in PATH)", "PATH" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &b->smoke, "500 articles, 100 queries: prove the benchmark runs", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure Lots search against FTS5 and ripgrep");

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Generates a reproducible Swedish corpus and query log, then measures, in one\n"
    "run, Lots (through lotsctl), plain SQLite FTS5 (unicode61) and ripgrep:\n"
    "index time and size, query latency p50/p99, relevance on planted queries\n"
    "and peak memory. Prints a Markdown table. See tests/bench/README.md.");
  return g_option_context_parse (context, argc, argv, error) && check_options (b, error);
}

static gboolean
prepare_work_dir (Bench   *b,
                  GError **error)
{
  if (b->keep != NULL)
    {
      g_autoptr(GDir) d = NULL;

      if (!make_dir (b->keep, error) || (d = g_dir_open (b->keep, 0, error)) == NULL)
        return FALSE;
      if (g_dir_read_name (d) != NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, "%s is not empty: --keep needs a new folder", b->keep);
          return FALSE;
        }
      b->work_dir = g_canonicalize_filename (b->keep, NULL);
    }
  else if ((b->work_dir = g_dir_make_tmp ("lots-bench-XXXXXX", error)) == NULL)
    return FALSE;
  b->corpus_dir = work_path (b, "corpus");
  return make_dir (b->corpus_dir, error);
}

static gboolean
generate (Bench   *b,
          GError **error)
{
  note ("generating the vocabulary…\n");
  b->vocabulary = vocabulary_build (b->knowledge, b->dictionary, (guint32) b->seed, error);
  if (b->vocabulary == NULL)
    return FALSE;
  b->plants = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) plant_free);
  b->queries = generate_queries (b->vocabulary, b->n_queries, b->n_articles, (guint32) b->seed, b->plants);
  note ("generating %d articles in %s…\n", b->n_articles, b->corpus_dir);
  return write_corpus (b->corpus_dir, b->vocabulary, b->plants, b->n_articles, (guint32) b->seed,
                       &b->corpus, error) &&
         write_query_files (b, error);
}

/* A smoke run fails only when the benchmark itself no longer works. */
static gboolean
check_smoke (const Bench  *b,
             GError      **error)
{
  const EngineReport *l = &b->reports[ENGINE_LOTS];

  if (l->rel.n > 0 && l->rel.found == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "lotsctl found nothing for any of the %u planted queries", l->rel.n);
      return FALSE;
    }
  if (l->n_failed == b->queries->len)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "lotsctl answered none of the queries");
      return FALSE;
    }
  return TRUE;
}

static gboolean
run (Bench   *b,
     GError **error)
{
  if (!spawner_start (&b->spawner, b->self, error) || !prepare_work_dir (b, error) || !generate (b, error) ||
      !run_lots (b, error) || !run_fts5 (b, error) || !run_ripgrep (b, error))
    return FALSE;
  for (guint e = 0; e < N_ENGINES; e++)
    if (b->reports[e].ran)
      engine_summarise (&b->reports[e], b->queries, e);
  print_report (b);
  if (b->json != NULL && !write_json (b, error))
    return FALSE;
  return !b->smoke || check_smoke (b, error);
}

static void
bench_clear (Bench *b)
{
  spawner_stop (&b->spawner);
  if (b->work_dir != NULL && b->keep == NULL)
    remove_tree (b->work_dir);
  g_free (b->lotsctl);
  g_free (b->knowledge);
  g_free (b->dictionary);
  g_free (b->rg);
  g_free (b->keep);
  g_free (b->json);
  g_free (b->self);
  g_free (b->work_dir);
  g_free (b->corpus_dir);
  g_clear_pointer (&b->vocabulary, vocabulary_free);
  g_clear_pointer (&b->queries, g_ptr_array_unref);
  g_clear_pointer (&b->plants, g_hash_table_unref);
}

int
main (int    argc,
      char **argv)
{
  Bench b = { .n_articles = 50000, .n_queries = 1000, .n_rg_queries = 100, .seed = 1 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (argc > 1 && g_str_equal (argv[1], "--fts5-worker"))
    return fts5_worker (argc, argv);
  if (argc == 2 && g_str_equal (argv[1], "--spawner"))
    return spawner_main ();
  b.start_us = g_get_monotonic_time ();
  b.self = g_file_read_link ("/proc/self/exe", NULL);
  if (b.self == NULL)
    b.self = g_canonicalize_filename (argv[0], NULL);
  if (!parse_options (&b, &argc, &argv, &error))
    {
      note ("lots-bench-search: %s\n", error->message);
      bench_clear (&b);
      return 2;
    }
  ok = run (&b, &error);
  if (!ok)
    note ("lots-bench-search: %s\n", error->message);
  if (b.keep != NULL)
    note ("kept the corpus, indexes and outputs in %s\n", b.work_dir);
  bench_clear (&b);
  return ok ? 0 : 1;
}

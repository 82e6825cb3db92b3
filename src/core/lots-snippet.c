/* lots-snippet.c — snippets without re-running the query (see the header). */
#define G_LOG_DOMAIN "lots-snippet"

#include "config.h"

#include "lots-snippet.h"

#include <string.h>

#include "lots-morphology.h"
#include "lots-tokenizer.h"

/* Words the query has at most this many of count as distinct in a window. */
#define MAX_GROUPS 64
/* Words a text has at most this many of are looked at: a snippet is drawn
 * from the first ones of a very long text. */
#define MAX_WORDS 20000
/* Words of context shown before the first hit of a window. */
#define LEAD_WORDS 2

struct _LotsSnippetQuery {
  char *lang;
  GHashTable *tokens;      /* index token → its word's number + 1 */
  GHashTable *prefixes;    /* first three letters, folded, of each token → guint64 *: their words' bits */
  GPtrArray *parts;        /* compound parts, folded: a word containing one is analysed */
  GPtrArray *prefixes_typed; /* FTS5 prefix queries ("sta" *): words they begin, lower case */
  GArray *prefix_groups;   /* int: the word each of those stands for */
};

typedef struct {
  gsize start, end;
  guint64 groups;          /* the query words this word matches, one bit each */
} Word;

/* text without å/ä/ö and other marks, newly allocated. */
static char *
fold (const char *text)
{
  char *folded = lots_fold_diacritics (text);

  return folded ? folded : g_strdup (text);
}

/* The first n characters of text (all of it if shorter), newly allocated. */
static char *
first_chars (const char *text,
             guint       n)
{
  const char *p = text;

  for (guint i = 0; i < n && *p; i++)
    p = g_utf8_next_char (p);
  return g_strndup (text, (gsize) (p - text));
}

static void
add_token (LotsSnippetQuery *self,
           const char       *token,
           gint64            group)
{
  const char *plain = token;
  g_autofree char *folded = NULL;

  if (token[0] == '\0')
    return;
  if (!g_hash_table_contains (self->tokens, token))
    g_hash_table_insert (self->tokens, g_strdup (token), GINT_TO_POINTER ((int) CLAMP (group, 0, MAX_GROUPS - 1) + 1));
  if (token[0] == LOTS_TOKEN_PART[0] || token[0] == LOTS_TOKEN_FOLDED[0])
    plain = token + 1;
  if (!g_utf8_validate (plain, -1, NULL) || plain[0] == '\0')
    return;
  folded = fold (plain);
  if (token[0] == LOTS_TOKEN_PART[0])
    {
      /* No text has a shorter part ("a" typed asks for the part "a" too):
       * looking for it would analyse every word that begins or ends
       * with it. */
      if (g_utf8_strlen (folded, -1) >= LOTS_MORPHOLOGY_MIN_PART_CHARS)
        g_ptr_array_add (self->parts, g_steal_pointer (&folded));
    }
  else
    {
      g_autofree char *prefix = first_chars (folded, 3);
      guint64 *words = g_hash_table_lookup (self->prefixes, prefix);

      if (words == NULL)
        {
          words = g_new0 (guint64, 1);
          g_hash_table_insert (self->prefixes, g_steal_pointer (&prefix), words);
        }
      *words |= G_GUINT64_CONSTANT (1) << CLAMP (group, 0, MAX_GROUPS - 1);
    }
}

LotsSnippetQuery *
lots_snippet_query_new (const char *lang,
                        const char *match,
                        const char *map)
{
  LotsSnippetQuery *self = g_new0 (LotsSnippetQuery, 1);
  g_auto(GStrv) items = g_strsplit (map ? map : "", ",", -1);
  guint n_items = g_strv_length (items);
  int phrase = -1;
  gboolean joined = FALSE;

  self->lang = g_strdup (lang);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parts = g_ptr_array_new_with_free_func (g_free);
  self->prefixes_typed = g_ptr_array_new_with_free_func (g_free);
  self->prefix_groups = g_array_new (FALSE, FALSE, sizeof (int));

  /* Quoted strings, "" standing for a quote; strings joined by + are one
   * phrase, and each phrase is a word's alternative in the map. */
  for (const char *p = match ? match : ""; *p; p++)
    {
      g_autoptr(GString) token = NULL;
      gint64 group;

      if (*p == '+')
        joined = TRUE;
      if (*p != '"')
        continue;
      token = g_string_new (NULL);
      for (p++; *p; p++)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (token, *p++);
          else if (*p == '"')
            break;
          else
            g_string_append_c (token, *p);
        }
      if (!joined || phrase < 0)
        phrase++;
      joined = FALSE;
      group = phrase < (int) n_items ? g_ascii_strtoll (items[phrase], NULL, 10) : phrase;
      if (*p == '\0')
        {
          add_token (self, token->str, group);
          break;
        }
      {
        const char *after = p + 1;

        while (*after == ' ')
          after++;
        if (*after == '*')
          {
            int g = (int) CLAMP (group, 0, MAX_GROUPS - 1);
            g_ptr_array_add (self->prefixes_typed, g_strdup (token->str));
            g_array_append_val (self->prefix_groups, g);
            p = after;
          }
        else
          add_token (self, token->str, group);
      }
    }
  return self;
}

void
lots_snippet_query_free (LotsSnippetQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->lang);
  g_hash_table_unref (self->tokens);
  g_hash_table_unref (self->prefixes);
  g_ptr_array_unref (self->parts);
  g_ptr_array_unref (self->prefixes_typed);
  g_array_unref (self->prefix_groups);
  g_free (self);
}

typedef struct {
  LotsSnippetQuery *query;
  guint64 groups;
} WordMatch;

static void
match_token (const char *token,
             gsize       length,
             gboolean    colocated,
             gsize       start,
             gsize       end,
             gpointer    user_data)
{
  WordMatch *m = user_data;
  gpointer group = g_hash_table_lookup (m->query->tokens, token);

  if (group != NULL)
    m->groups |= G_GUINT64_CONSTANT (1) << (GPOINTER_TO_INT (group) - 1);
}

/* Latin letters (up to U+024F) but the dotted capital I, whose lower case
 * is two characters: for these, g_unichar_tolower() and the first
 * character of the canonical decomposition give what g_utf8_strdown() and
 * lots_fold_diacritics() give for the whole word, without allocating. */
static gboolean
simple_latin (gunichar c)
{
  return c <= 0x24F && c != 0x130;
}

/* The first n characters of word, lower case and without marks, into out
 * (4 × n + 1 bytes); FALSE if a character is not simple_latin(). */
static gboolean
folded_prefix (const char *word,
               gsize       length,
               guint       n,
               char       *out)
{
  const char *p = word, *end = word + length;
  guint i = 0;

  while (i < n && p < end)
    {
      gunichar c = g_utf8_get_char (p), base[4];

      p = g_utf8_next_char (p);
      if (g_unichar_ismark (c))
        continue;
      if (!simple_latin (c))
        return FALSE;
      c = g_unichar_tolower (c);
      if (g_unichar_fully_decompose (c, FALSE, base, G_N_ELEMENTS (base)) > 0)
        c = base[0];
      out += g_unichar_to_utf8 (c, out);
      i++;
    }
  *out = '\0';
  return TRUE;
}

/* Whether word, in lower case, begins with prefix (lower case already). */
static gboolean
has_lower_prefix (const char *word,
                  gsize       length,
                  const char *prefix)
{
  const char *p = word, *end = word + length;

  for (const char *q = prefix; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c;

      if (p >= end)
        return FALSE;
      c = g_utf8_get_char (p);
      if (!simple_latin (c))
        {
          g_autofree char *lower = g_utf8_strdown (word, (gssize) length);

          return g_str_has_prefix (lower, prefix);
        }
      if (g_unichar_tolower (c) != g_utf8_get_char (q))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

/* The query words (one bit each) the word could emit a token of: those of
 * the tokens it shares its first letters with (inflections and lemmas
 * share them, å/ä/ö aside), or all of them when it contains a compound
 * part the query looks for. A cheap test, so that only such words are
 * analysed: it runs on every word of every snippet's text, and allocates
 * only for a word of other than Latin letters, or when the query has
 * compound parts. */
static guint64
may_match (LotsSnippetQuery *self,
           const char       *word,
           gsize             length)
{
  g_autofree char *lower = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *prefix = NULL;
  char quick[4 * 3 + 1];
  const guint64 *words;

  if (folded_prefix (word, length, 3, quick))
    {
      words = g_hash_table_lookup (self->prefixes, quick);
      if (self->parts->len == 0)
        return words != NULL ? *words : 0;
      if (words != NULL)
        return G_MAXUINT64;
    }
  lower = g_utf8_strdown (word, (gssize) length);
  folded = fold (lower);
  prefix = first_chars (folded, 3);
  words = g_hash_table_lookup (self->prefixes, prefix);
  if (words != NULL)
    return self->parts->len == 0 ? *words : G_MAXUINT64;
  for (guint i = 0; i < self->parts->len; i++)
    {
      const char *part = g_ptr_array_index (self->parts, i);
      gsize n = strlen (part), m = strlen (folded);

      /* A short part ("se", "tid") is a substring of too many words to
       * analyse them all: it begins or ends the compounds it is part of. */
      if (n < 4 ? (m >= n && (strncmp (folded, part, n) == 0 || strcmp (folded + m - n, part) == 0))
                : strstr (folded, part) != NULL)
        return G_MAXUINT64;
    }
  return 0;
}

static guint
window_score (const Word *words,
              guint       from,
              guint       to)
{
  guint64 groups = 0;
  guint hits = 0;

  for (guint i = from; i < to; i++)
    if (words[i].groups != 0)
      {
        groups |= words[i].groups;
        hits++;
      }
  return 1000 * (guint) __builtin_popcountll (groups) + hits;
}

char *
lots_snippet_build (LotsSnippetQuery *self,
                    const char       *text,
                    guint             n_words,
                    const char       *open,
                    const char       *close)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  gsize length = text ? strlen (text) : 0;
  gsize position = 0;
  LotsWord word;
  guint best = 0, best_score = 0, end;
  GString *out;

  g_return_val_if_fail (self != NULL && n_words > 0, NULL);

  while (words->len < MAX_WORDS && lots_word_next (text, length, &position, &word))
    {
      Word w = { word.start, word.end, 0 };

      for (guint i = 0; i < self->prefixes_typed->len; i++)
        if (has_lower_prefix (text + word.start, word.end - word.start, g_ptr_array_index (self->prefixes_typed, i)))
          w.groups |= G_GUINT64_CONSTANT (1) << g_array_index (self->prefix_groups, int, i);
      /* A word is analysed only for query words it has not matched yet
       * (the word being typed begins it, say): most words, while the last
       * word is typed, need no Hunspell lookup. */
      if ((may_match (self, text + word.start, word.end - word.start) & ~w.groups) != 0)
        {
          WordMatch m = { self, 0 };

          /* Compound parts cost dozens of Hunspell lookups per new word:
           * only a query that looks for one needs them. */
          if (self->parts->len > 0)
            lots_tokenize_document (self->lang, text + word.start, word.end - word.start, match_token, &m);
          else
            lots_tokenize_document_whole (self->lang, text + word.start, word.end - word.start, match_token, &m);
          w.groups |= m.groups;
        }
      g_array_append_val (words, w);
    }

  /* Windows start a little before a hit, so the hit has some context. */
  for (guint i = 0; i < words->len; i++)
    {
      guint from, score;

      if (g_array_index (words, Word, i).groups == 0)
        continue;
      from = i > LEAD_WORDS ? i - LEAD_WORDS : 0;
      score = window_score ((const Word *) words->data, from, MIN (from + n_words, words->len));
      if (score > best_score)
        {
          best_score = score;
          best = from;
        }
    }
  if (best_score == 0)
    return NULL;

  end = MIN (best + n_words, words->len);
  out = g_string_new (best > 0 ? "…" : "");
  for (guint i = best; i < end; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (i > best)
        g_string_append_len (out, text + g_array_index (words, Word, i - 1).end,
                             (gssize) (w->start - g_array_index (words, Word, i - 1).end));
      if (w->groups != 0)
        g_string_append (out, open);
      g_string_append_len (out, text + w->start, (gssize) (w->end - w->start));
      if (w->groups != 0)
        g_string_append (out, close);
    }
  if (end < words->len)
    g_string_append (out, "…");
  else
    g_string_append (out, text + g_array_index (words, Word, end - 1).end);

  return g_string_free (out, FALSE);
}

char *
lots_snippet_lead (const char *text,
                   guint       n_words)
{
  gsize length = text ? strlen (text) : 0;
  gsize position = 0, end = 0;
  guint n = 0;
  LotsWord word;

  while (n < n_words && lots_word_next (text, length, &position, &word))
    {
      end = word.end;
      n++;
    }
  if (n == 0)
    return NULL;
  if (!lots_word_next (text, length, &position, &word))
    return g_strdup (text);
  return g_string_free (g_string_append (g_string_new_len (text, (gssize) end), "…"), FALSE);
}

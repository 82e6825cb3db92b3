/* lots-query.c — query planning and spelling suggestions (see the header). */
#define G_LOG_DOMAIN "lots-query"

#include "config.h"

#include "lots-query.h"

#include <string.h>

#include "lots-morphology.h"
#include "lots-tokenizer.h"

/* A one-letter last word matches too much to help while other words are
 * there; it is left out until the handler types a second letter. */
#define MIN_PREFIX_CHARS 2
/* Spelling suggestions from the index's own vocabulary: at most this many
 * edits away from the word typed. */
#define MAX_EDIT_DISTANCE 2

static void
group_free (LotsQueryGroup *group)
{
  g_free (group->word);
  g_free (group->typed_prefix);
  g_ptr_array_unref (group->tokens);
  g_ptr_array_unref (group->wider_tokens);
  g_ptr_array_unref (group->phrases);
  g_free (group);
}

void
lots_query_plan_free (LotsQueryPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->groups);
  g_free (plan);
}

static void
add_to (GPtrArray  *tokens,
        const char *marker,
        const char *token)
{
  g_autofree char *full = g_strconcat (marker ? marker : "", token, NULL);

  for (guint i = 0; i < tokens->len; i++)
    if (g_str_equal (g_ptr_array_index (tokens, i), full))
      return;
  g_ptr_array_add (tokens, g_steal_pointer (&full));
}

static void
add_token (LotsQueryGroup *group,
           const char     *marker,
           const char     *token)
{
  add_to (group->tokens, marker, token);
}

static gboolean
any_known (const LotsWordAnalysis *a,
           const LotsVocabulary   *vocabulary)
{
  if (vocabulary->has_term (a->lower, vocabulary->user_data))
    return TRUE;
  for (guint i = 0; a->lemmas[i]; i++)
    if (vocabulary->has_term (a->lemmas[i], vocabulary->user_data))
      return TRUE;
  return FALSE;
}

/* The tokens a whole word can match: itself, its lemmas, the compounds it is
 * a part of, and — only when the word as typed is not in the index — the
 * same without å/ä/ö, so "far" keeps meaning far while "fardtjanst" still
 * finds färdtjänst. */
static void
add_word_tokens (LotsQueryGroup         *group,
                 const LotsWordAnalysis *a,
                 const LotsVocabulary   *vocabulary)
{
  /* Every indexed word carries its lemmas, so a known inflected word is
   * looked up by its lemmas alone: "hemtjänsten" then ranks articles about
   * hemtjänst as "hemtjänst" does, not those that happen to use the same
   * inflection. */
  if (!a->known || a->lemmas[0] == NULL)
    add_token (group, NULL, a->lower);
  for (guint i = 0; a->lemmas[i]; i++)
    add_token (group, NULL, a->lemmas[i]);
  /* A compound part is rarer than the word itself, so bm25 would rank it
   * above an article titled with the word: parts are a second tier. */
  add_to (group->wider_tokens, LOTS_TOKEN_PART, a->lemmas[0] ? a->lemmas[0] : a->lower);
  if (!lots_has_diacritics (a->lower) && !any_known (a, vocabulary))
    {
      add_token (group, LOTS_TOKEN_FOLDED, a->lower);
      for (guint i = 0; a->lemmas[i]; i++)
        add_token (group, LOTS_TOKEN_FOLDED, a->lemmas[i]);
    }
  if (any_known (a, vocabulary))
    group->found = TRUE;
}

/* The last word's likeliest completions. If the word is already one the
 * index knows ("hemtjänst"), they are only a second tier: bm25 sums over
 * every alternative, so eight completions would otherwise rank the articles
 * that use many hemtjänst- compounds above the one about hemtjänst. */
static void
add_completions (LotsQueryGroup       *group,
                 const char           *lower,
                 const LotsVocabulary *vocabulary)
{
  g_autoptr(GPtrArray) plain = vocabulary->complete (lower, LOTS_QUERY_MAX_COMPLETIONS, vocabulary->user_data);
  GPtrArray *tier = group->found ? group->wider_tokens : group->tokens;

  for (guint i = 0; i < plain->len; i++)
    add_to (tier, NULL, g_ptr_array_index (plain, i));
  /* The completions come most frequent first: one that is not listed is
   * in no more articles than the last. A whole word typed is scored as
   * itself, never higher. */
  group->prefix_df = plain->len == LOTS_QUERY_MAX_COMPLETIONS
    ? MAX (vocabulary->document_frequency (g_ptr_array_index (plain, plain->len - 1), vocabulary->user_data), 1)
    : 1;
  if (group->found)
    group->prefix_df = MAX (group->prefix_df, vocabulary->document_frequency (lower, vocabulary->user_data));
  if (g_utf8_strlen (lower, -1) >= LOTS_QUERY_MIN_HEAD_PREFIX_CHARS)
    group->typed_prefix = g_strdup (lower);
  if (plain->len > 0)
    group->found = TRUE;
  /* Completions typed without å/ä/ö fill what the exact ones leave. */
  if (plain->len < LOTS_QUERY_MAX_COMPLETIONS && !lots_has_diacritics (lower))
    {
      g_autofree char *folded_prefix = g_strconcat (LOTS_TOKEN_FOLDED, lower, NULL);
      g_autoptr(GPtrArray) folded = vocabulary->complete (folded_prefix, LOTS_QUERY_MAX_COMPLETIONS - plain->len,
                                                          vocabulary->user_data);
      for (guint i = 0; i < folded->len; i++)
        add_to (tier, NULL, g_ptr_array_index (folded, i));
      if (folded->len > 0)
        group->found = TRUE;
    }
}

static char *
quote_phrase_piece (const char *token)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = token; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

static LotsQueryGroup *
plan_word (LotsMorphology       *morphology,
           const char           *query,
           const LotsWord       *word,
           gboolean              prefix,
           const LotsVocabulary *vocabulary)
{
  LotsQueryGroup *group = g_new0 (LotsQueryGroup, 1);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(LotsWordAnalysis) whole = NULL;

  group->word = g_strndup (query + word->start, word->end - word->start);
  group->tokens = g_ptr_array_new_with_free_func (g_free);
  group->wider_tokens = g_ptr_array_new_with_free_func (g_free);
  group->phrases = g_ptr_array_new_with_free_func (g_free);
  group->prefix = prefix;

  for (guint i = 0; i < word->n_pieces; i++)
    g_string_append_len (joined, query + word->piece_start[i], (gssize) (word->piece_end[i] - word->piece_start[i]));
  whole = lots_morphology_analyze_query (morphology, joined->str, (gssize) joined->len);
  group->stop = whole->stop;
  add_word_tokens (group, whole, vocabulary);

  if (word->n_pieces > 1)
    {
      /* "bank-id" also matches "bank id" written apart. */
      g_autoptr(GString) phrase = g_string_new (NULL);
      for (guint i = 0; i < word->n_pieces; i++)
        {
          g_autofree char *piece = g_utf8_strdown (query + word->piece_start[i],
                                                   (gssize) (word->piece_end[i] - word->piece_start[i]));
          g_autofree char *quoted = quote_phrase_piece (piece);
          if (i > 0)
            g_string_append (phrase, " + ");
          g_string_append (phrase, quoted);
        }
      g_ptr_array_add (group->phrases, g_string_free (g_steal_pointer (&phrase), FALSE));
    }
  if (prefix)
    add_completions (group, whole->lower, vocabulary);
  return group;
}

/* A last word being typed that the index knows nothing for and that begins
 * a stop word ("sommarland vilke"): the handler is typing "vilken", which
 * is dropped once typed out. Kept, it would find nothing and send the query
 * down the spelling suggestion path, tens of milliseconds per keystroke. */
static gboolean
is_unfinished_stop_word (LotsMorphology         *morphology,
                         const LotsQueryGroup   *group,
                         const LotsWordAnalysis *a)
{
  return group->prefix && !group->found && group->phrases->len == 0 &&
         lots_morphology_is_stop_word_prefix (morphology, a->lower);
}

/* Plans a query as typed. The last word counts as still being typed unless
 * the query ends with a space. */
LotsQueryPlan *
lots_query_plan (const char           *query,
                 const char           *lang,
                 const LotsVocabulary *vocabulary)
{
  LotsMorphology *morphology = lots_morphology_get (lang);
  LotsQueryPlan *plan = g_new0 (LotsQueryPlan, 1);
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (LotsWord));
  gsize length = strlen (query);
  gsize position = 0;
  gboolean typing = length > 0 && !g_ascii_isspace (query[length - 1]);
  LotsWord word;
  guint n_content = 0;

  plan->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  while (words->len < LOTS_QUERY_MAX_WORDS && lots_word_next (query, length, &position, &word))
    g_array_append_val (words, word);

  /* Stop words count only when the query is nothing else ("vad är"). */
  for (guint i = 0; i < words->len; i++)
    {
      LotsWord *w = &g_array_index (words, LotsWord, i);
      g_autoptr(LotsWordAnalysis) a = lots_morphology_analyze_query (morphology, query + w->start, (gssize) (w->end - w->start));
      if (!a->stop)
        n_content++;
    }

  for (guint i = 0; i < words->len; i++)
    {
      LotsWord *w = &g_array_index (words, LotsWord, i);
      gboolean last = i + 1 == words->len;
      gboolean prefix = last && typing && w->end == length;
      g_autoptr(LotsWordAnalysis) a = lots_morphology_analyze_query (morphology, query + w->start, (gssize) (w->end - w->start));
      glong n_chars = g_utf8_strlen (query + w->start, (gssize) (w->end - w->start));
      LotsQueryGroup *group;

      /* A stop word is dropped even while it is being typed: as the last
       * word it would otherwise be a required word that only its
       * completions ("om" → "omsorg") could satisfy. */
      if (a->stop && n_content > 0)
        continue;
      if (prefix && n_chars < MIN_PREFIX_CHARS && words->len > 1)
        continue;
      group = plan_word (morphology, query, w, prefix, vocabulary);
      if (is_unfinished_stop_word (morphology, group, a) && plan->groups->len > 0)
        {
          group_free (group);
          continue;
        }
      g_ptr_array_add (plan->groups, group);
    }
  return plan;
}

/* "group:df" for a token whose document frequency the vocabulary knows,
 * so lots_rank() need not count it by walking its whole doclist; "group"
 * alone for a phrase, which it counts itself. */
static void
note_phrase (GString              *phrase_groups,
             guint                 group,
             const LotsVocabulary *vocabulary,
             const char           *token)
{
  if (phrase_groups == NULL)
    return;
  if (phrase_groups->len > 0)
    g_string_append_c (phrase_groups, ',');
  g_string_append_printf (phrase_groups, "%u", group);
  if (vocabulary != NULL && token != NULL)
    g_string_append_printf (phrase_groups, ":%" G_GINT64_FORMAT,
                            vocabulary->document_frequency (token, vocabulary->user_data));
}

/* The typed word as an FTS5 prefix query, for the head table. */
static void
append_prefix (GString              *fts,
               const LotsQueryGroup *group,
               gboolean             *first,
               GString              *phrase_groups,
               guint                 index)
{
  g_autofree char *quoted = quote_phrase_piece (group->typed_prefix);

  if (!*first)
    g_string_append (fts, " OR ");
  g_string_append (fts, quoted);
  g_string_append (fts, " *");
  if (phrase_groups != NULL)
    g_string_append_printf (phrase_groups, "%s%u:%" G_GINT64_FORMAT, phrase_groups->len > 0 ? "," : "",
                            index, group->prefix_df);
  *first = FALSE;
}

static void
append_alternatives (GString              *fts,
                     GPtrArray            *tokens,
                     gboolean             *first,
                     const LotsVocabulary *vocabulary,
                     GString              *phrase_groups,
                     guint                 group)
{
  for (guint j = 0; j < tokens->len; j++)
    {
      g_autofree char *quoted = quote_phrase_piece (g_ptr_array_index (tokens, j));
      if (!*first)
        g_string_append (fts, " OR ");
      g_string_append (fts, quoted);
      note_phrase (phrase_groups, group, vocabulary, g_ptr_array_index (tokens, j));
      *first = FALSE;
    }
}

/* The FTS5 expression: groups joined by AND (or OR), each a parenthesised
 * OR of quoted tokens and phrases. If phrase_groups is given, the word each
 * FTS5 phrase stands for is appended to it, comma-separated, in phrase
 * order: what lots_rank() needs to score a word by its best alternative. */
char *
lots_query_plan_to_fts5 (const LotsQueryPlan  *plan,
                         LotsQueryFlags        flags,
                         const LotsVocabulary *vocabulary,
                         GString              *phrase_groups)
{
  GString *fts = g_string_new (NULL);

  for (guint i = 0; i < plan->groups->len; i++)
    {
      const LotsQueryGroup *group = g_ptr_array_index (plan->groups, i);
      gboolean first = TRUE;

      if (fts->len > 0)
        g_string_append (fts, (flags & LOTS_QUERY_ANY_WORD) ? " OR " : " AND ");
      g_string_append_c (fts, '(');
      append_alternatives (fts, group->tokens, &first, vocabulary, phrase_groups, i);
      if (flags & LOTS_QUERY_WIDER)
        append_alternatives (fts, group->wider_tokens, &first, vocabulary, phrase_groups, i);
      if ((flags & LOTS_QUERY_HEAD) && group->typed_prefix != NULL)
        append_prefix (fts, group, &first, phrase_groups, i);
      for (guint j = 0; j < group->phrases->len; j++)
        {
          if (!first)
            g_string_append (fts, " OR ");
          g_string_append (fts, g_ptr_array_index (group->phrases, j));
          note_phrase (phrase_groups, i, NULL, NULL);
          first = FALSE;
        }
      g_string_append_c (fts, ')');
    }
  return g_string_free (fts, FALSE);
}

gboolean
lots_query_plan_is_widenable (const LotsQueryPlan *plan)
{
  for (guint i = 0; i < plan->groups->len; i++)
    {
      const LotsQueryGroup *group = g_ptr_array_index (plan->groups, i);
      if (group->wider_tokens->len > 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- spelling suggestions ------------------------------------------------- */

static guint
edit_distance (const char *a,
               const char *b)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong n = 0, m = 0;
  g_autofree guint *row = NULL;

  while (x[n]) n++;
  while (y[m]) m++;
  row = g_new (guint, (gsize) m + 1);
  for (glong j = 0; j <= m; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= n; i++)
    {
      guint diagonal = row[0];
      row[0] = (guint) i;
      for (glong j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = x[i - 1] == y[j - 1] ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[m];
}

static gboolean
suggestion_is_known (LotsMorphology       *morphology,
                     const char           *candidate,
                     const LotsVocabulary *vocabulary)
{
  g_autoptr(LotsWordAnalysis) a = lots_morphology_analyze_query (morphology, candidate, -1);
  return !a->stop && any_known (a, vocabulary);
}

/* A word of the index that is close to the one typed: the first Hunspell
 * suggestion the index contains, else the most common indexed word sharing
 * the first letter within two edits. */
static char *
suggest_word (LotsMorphology       *morphology,
              const char           *word,
              const LotsVocabulary *vocabulary)
{
  g_auto(GStrv) suggestions = lots_morphology_suggest (morphology, word);
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree char *first = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  char *best = NULL;
  guint best_distance = MAX_EDIT_DISTANCE + 1;

  for (guint i = 0; suggestions[i]; i++)
    if (!strchr (suggestions[i], ' ') && suggestion_is_known (morphology, suggestions[i], vocabulary))
      return g_strdup (suggestions[i]);

  first = g_strndup (lower, (gsize) (g_utf8_next_char (lower) - lower));
  candidates = vocabulary->complete (first, 5000, vocabulary->user_data);
  for (guint i = 0; i < candidates->len; i++)
    {
      const char *candidate = g_ptr_array_index (candidates, i);
      glong difference = g_utf8_strlen (candidate, -1) - g_utf8_strlen (lower, -1);
      guint distance;

      if (ABS (difference) > MAX_EDIT_DISTANCE)
        continue;
      distance = edit_distance (lower, candidate);
      if (distance < best_distance)   /* candidates come most common first */
        {
          best_distance = distance;
          best = g_ptr_array_index (candidates, i);
        }
    }
  return best ? g_strdup (best) : NULL;
}

/* The query with each word the index does not know replaced by the closest
 * one it does; NULL when there is nothing to suggest. */
char *
lots_query_suggest (const char           *query,
                    const LotsQueryPlan  *plan,
                    const char           *lang,
                    const LotsVocabulary *vocabulary)
{
  LotsMorphology *morphology = lots_morphology_get (lang);
  g_autoptr(GString) corrected = g_string_new (NULL);
  gboolean changed = FALSE;
  guint n_tried = 0;

  for (guint i = 0; i < plan->groups->len; i++)
    {
      const LotsQueryGroup *group = g_ptr_array_index (plan->groups, i);
      g_autofree char *replacement = NULL;

      if (!group->found && !group->stop && n_tried++ < LOTS_QUERY_MAX_CORRECTIONS)
        replacement = suggest_word (morphology, group->word, vocabulary);
      if (corrected->len > 0)
        g_string_append_c (corrected, ' ');
      g_string_append (corrected, replacement ? replacement : group->word);
      changed |= replacement != NULL;
    }
  if (!changed)
    return NULL;
  return g_string_free (g_steal_pointer (&corrected), FALSE);
}

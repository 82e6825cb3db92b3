/* lots-morphology.c — lemmas, compound parts and stems, cached.
 *
 * One LotsMorphology per language lives for the whole process. Hunspell and
 * Snowball handles are not thread-safe, so every call into them happens under
 * the instance's mutex; the cache in front of them makes that cheap, since a
 * corpus repeats a few tens of thousands of distinct words millions of times.
 * Analyses are reference counted so the cache can be emptied (when it grows
 * past its cap) while a tokenizer on another thread still holds one.
 */
#define G_LOG_DOMAIN "lots-morphology"

#include "config.h"

#include "lots-morphology.h"

#include <hunspell/hunspell.h>
#include <libstemmer.h>
#include <string.h>

#include "lots-stop-words.h"

/* Distinct words seen before the cache is emptied and refilled: ~100 bytes
 * each, so the cap bounds the cache near 100 MB even on a hostile corpus. */
#define CACHE_MAX_ENTRIES 1000000
/* Words longer than this are not analysed (they are ids, URLs, noise). */
#define MAX_WORD_BYTES 64
#define MIN_PART_CHARS LOTS_MORPHOLOGY_MIN_PART_CHARS
/* What the spelled cache holds (a NULL lookup means "not asked yet"). */
#define SPELLED_KNOWN 1
#define SPELLED_UNKNOWN 2

struct _LotsMorphology {
  char *lang;
  GMutex mutex;
  Hunhandle *hunspell;            /* NULL when no dictionary for lang */
  struct sb_stemmer *stemmer;     /* NULL when Snowball lacks lang */
  GHashTable *stop_words;         /* lower-case word → itself */
  gsize longest_stop_word;        /* in bytes */
  GHashTable *cache;              /* word as written → LotsWordAnalysis */
  GHashTable *spelled;            /* lower-case word → SPELLED_KNOWN or _UNKNOWN */
};

static GMutex instances_mutex;
static GHashTable *instances;     /* lang → LotsMorphology, never freed */

static const struct { const char *code, *snowball; } snowball_names[] = {
  { "sv", "swedish" }, { "en", "english" }, { "da", "danish" }, { "no", "norwegian" },
  { "nb", "norwegian" }, { "fi", "finnish" }, { "de", "german" }, { "fr", "french" },
  { "es", "spanish" }, { "it", "italian" }, { "pt", "portuguese" }, { "nl", "dutch" },
  { "ru", "russian" }, { "hu", "hungarian" }, { "ro", "romanian" }, { "tr", "turkish" },
};

/* ---- analyses ------------------------------------------------------------ */

static void
analysis_clear (gpointer data)
{
  LotsWordAnalysis *analysis = data;

  g_free (analysis->lower);
  g_strfreev (analysis->lemmas);
  g_strfreev (analysis->parts);
  g_strfreev (analysis->folded);
}

LotsWordAnalysis *
lots_word_analysis_ref (LotsWordAnalysis *analysis)
{
  return g_atomic_rc_box_acquire (analysis);
}

void
lots_word_analysis_unref (LotsWordAnalysis *analysis)
{
  g_atomic_rc_box_release_full (analysis, analysis_clear);
}

/* ---- text helpers -------------------------------------------------------- */

gboolean
lots_has_diacritics (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0x80)
      return TRUE;
  return FALSE;
}

/* "färdtjänst" → "fardtjanst": what a handler types on a keyboard without
 * å, ä, ö. NULL when folding changes nothing. */
char *
lots_fold_diacritics (const char *lower)
{
  g_autofree char *decomposed = NULL;
  GString *folded;

  if (!lots_has_diacritics (lower))
    return NULL;
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return NULL;
  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (folded, c);
    }
  if (g_str_equal (folded->str, lower))
    {
      g_string_free (folded, TRUE);
      return NULL;
    }
  return g_string_free (folded, FALSE);
}

/* ---- instances ----------------------------------------------------------- */

static void
load_hunspell (LotsMorphology *self)
{
  g_autofree char *aff = NULL, *dic = NULL;
  const char *dir = g_getenv ("LOTS_HUNSPELL_DIR");

  if (!g_str_equal (self->lang, "sv"))
    return;
  if (dir == NULL)
    dir = LOTS_HUNSPELL_DIR;
  aff = g_build_filename (dir, "sv_SE.aff", NULL);
  dic = g_build_filename (dir, "sv_SE.dic", NULL);
  if (!g_file_test (aff, G_FILE_TEST_EXISTS) || !g_file_test (dic, G_FILE_TEST_EXISTS))
    {
      g_warning ("No Swedish Hunspell dictionary in %s (install hunspell-sv); "
                 "searching with Snowball stems only", dir);
      return;
    }
  self->hunspell = Hunspell_create (aff, dic);
}

static LotsMorphology *
morphology_new (const char *lang)
{
  LotsMorphology *self = g_new0 (LotsMorphology, 1);
  const char * const *stop = lots_stop_words_for_lang (lang);

  self->lang = g_strdup (lang);
  g_mutex_init (&self->mutex);
  load_hunspell (self);
  for (guint i = 0; i < G_N_ELEMENTS (snowball_names); i++)
    if (g_str_equal (snowball_names[i].code, lang))
      self->stemmer = sb_stemmer_new (snowball_names[i].snowball, "UTF_8");
  self->stop_words = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; stop[i] != NULL; i++)
    {
      g_hash_table_add (self->stop_words, (gpointer) stop[i]);
      self->longest_stop_word = MAX (self->longest_stop_word, strlen (stop[i]));
    }
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) lots_word_analysis_unref);
  self->spelled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

/* The shared instance for a language (ISO 639 code). The first call for "sv"
 * loads the dictionary (~90 ms), so the app makes it from a worker thread. */
LotsMorphology *
lots_morphology_get (const char *lang)
{
  LotsMorphology *self;

  g_return_val_if_fail (lang != NULL, NULL);

  g_mutex_lock (&instances_mutex);
  if (instances == NULL)
    instances = g_hash_table_new (g_str_hash, g_str_equal);
  self = g_hash_table_lookup (instances, lang);
  if (self == NULL)
    {
      self = morphology_new (lang);
      g_hash_table_insert (instances, self->lang, self);
    }
  g_mutex_unlock (&instances_mutex);
  return self;
}

gboolean
lots_morphology_has_dictionary (LotsMorphology *self)
{
  return self->hunspell != NULL;
}

gboolean
lots_morphology_is_stop_word (LotsMorphology *self,
                              const char     *lower)
{
  return g_hash_table_contains (self->stop_words, lower);
}

/* Lower-cases a word written in Latin-1 letters (all of Swedish) into out,
 * which has room for length + 1 bytes. Such text is already NFC and keeps
 * its length in lower case; FALSE for any other character. */
static gboolean
latin1_lower (const char *word,
              gsize       length,
              char       *out)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) word[i];
      guchar next = i + 1 < length ? (guchar) word[i + 1] : 0;

      if (c < 0x80)
        out[i] = g_ascii_tolower (word[i]);
      else if ((c == 0xc2 || c == 0xc3) && next >= 0x80 && next <= 0xbf)
        {
          /* U+00C0..U+00DE, except ×, lower-case 0x20 higher. */
          gboolean upper = c == 0xc3 && next <= 0x9e && next != 0x97;
          out[i] = (char) c;
          out[i + 1] = (char) (upper ? next + 0x20 : next);
          i++;
        }
      else
        return FALSE;
    }
  out[length] = '\0';
  return TRUE;
}

/* Whether a word as written ("Och", "SÅ") is a stop word, without the
 * dictionary: what a snippet needs to count the tokenizer's positions, for
 * every word of a body, so the common case allocates nothing. Outside
 * Latin-1, lower-casing and NFC map at most three bytes as written to one
 * byte of the result (the Kelvin sign to "k"), so a longer word than three
 * times the longest stop word cannot be one. */
gboolean
lots_morphology_is_stop_word_as_written (LotsMorphology *self,
                                         const char     *word,
                                         gsize           length)
{
  char buffer[64];
  g_autofree char *normal = NULL;
  g_autofree char *lower = NULL;

  if (length > 3 * self->longest_stop_word)
    return FALSE;
  if (length < sizeof buffer && latin1_lower (word, length, buffer))
    return length <= self->longest_stop_word && g_hash_table_contains (self->stop_words, buffer);
  normal = g_utf8_normalize (word, (gssize) length, G_NORMALIZE_NFC);
  lower = g_utf8_strdown (normal ? normal : word, normal ? -1 : (gssize) length);
  return g_hash_table_contains (self->stop_words, lower);
}

/* Whether lower is the beginning of a stop word ("vilke", "någr"): a last
 * word being typed that may be nothing but a stop word on its way. */
gboolean
lots_morphology_is_stop_word_prefix (LotsMorphology *self,
                                     const char     *lower)
{
  GHashTableIter iter;
  gpointer word;

  g_hash_table_iter_init (&iter, self->stop_words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_str_has_prefix (word, lower))
      return TRUE;
  return FALSE;
}

guint
lots_morphology_cache_size (LotsMorphology *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = g_hash_table_size (self->cache);
  g_mutex_unlock (&self->mutex);
  return n;
}

/* ---- analysis (called with the mutex held) -------------------------------- */

/* Whether a candidate half of a compound is a dictionary word. Splitting
 * one new word asks this of every suffix and prefix of it, and the same
 * halves ("het", "ning", "skola") come back word after word, so answers
 * are remembered: asking Hunspell was most of the time of indexing. */
static gboolean
is_word (LotsMorphology *self,
         const char     *lower)
{
  gpointer known;
  gboolean answer;

  if (g_utf8_strlen (lower, -1) < MIN_PART_CHARS)
    return FALSE;
  known = g_hash_table_lookup (self->spelled, lower);
  if (known != NULL)
    return GPOINTER_TO_INT (known) == SPELLED_KNOWN;
  answer = Hunspell_spell (self->hunspell, lower) != 0;
  if (g_hash_table_size (self->spelled) >= CACHE_MAX_ENTRIES)
    g_hash_table_remove_all (self->spelled);
  g_hash_table_insert (self->spelled, g_strdup (lower), GINT_TO_POINTER (answer ? SPELLED_KNOWN : SPELLED_UNKNOWN));
  return answer;
}

static void
add_unique (GPtrArray  *list,
            const char *word,
            const char *except)
{
  if (word == NULL || *word == '\0' || g_strcmp0 (word, except) == 0)
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), word))
      return;
  g_ptr_array_add (list, g_strdup (word));
}

/* The base form a compound's first half stands for: "parkerings" →
 * "parkering" (the linking s), "skol" → "skola", "pojk" → "pojke". */
static char *
first_half_base (LotsMorphology *self,
                 const char     *left)
{
  gsize n = strlen (left);
  g_autofree char *with_a = g_strconcat (left, "a", NULL);
  g_autofree char *with_e = g_strconcat (left, "e", NULL);

  /* Hunspell accepts "parkerings" as a compound-forming word, so the
   * linking s is tried first. */
  if (n > 1 && left[n - 1] == 's')
    {
      g_autofree char *without_s = g_strndup (left, n - 1);
      if (is_word (self, without_s))
        return g_steal_pointer (&without_s);
    }
  if (is_word (self, left))
    return g_strdup (left);
  if (is_word (self, with_a))
    return g_steal_pointer (&with_a);
  if (is_word (self, with_e))
    return g_steal_pointer (&with_e);
  return NULL;
}

/* Swedish writes compounds as one word. Every split point where both halves
 * are dictionary words (the first possibly in its linking form) yields the
 * halves as parts; two readings of one compound ("parkering|stillstånd",
 * "parkerings|tillstånd") both stay, which costs a little precision and
 * never loses a match. */
static void
split_compound (LotsMorphology *self,
                const char     *base,
                GPtrArray      *parts)
{
  glong n_chars = g_utf8_strlen (base, -1);
  const char *p = g_utf8_offset_to_pointer (base, MIN_PART_CHARS);

  if (n_chars < 2 * MIN_PART_CHARS)
    return;
  for (glong i = MIN_PART_CHARS; i <= n_chars - MIN_PART_CHARS && parts->len < 6; i++, p = g_utf8_next_char (p))
    {
      g_autofree char *left = g_strndup (base, (gsize) (p - base));
      g_autofree char *left_base = NULL;

      if (!is_word (self, p))
        continue;
      left_base = first_half_base (self, left);
      if (left_base == NULL)
        continue;
      if (!g_hash_table_contains (self->stop_words, left_base))
        add_unique (parts, left_base, base);
      if (!g_hash_table_contains (self->stop_words, p))
        add_unique (parts, p, base);
    }
}

static char *
snowball_stem (LotsMorphology *self,
               const char     *lower)
{
  const sb_symbol *stem;

  if (self->stemmer == NULL)
    return NULL;
  stem = sb_stemmer_stem (self->stemmer, (const sb_symbol *) lower, (int) strlen (lower));
  if (stem == NULL)
    return NULL;
  return g_strndup ((const char *) stem, (gsize) sb_stemmer_length (self->stemmer));
}

static gboolean
is_number (const char *lower)
{
  for (const char *p = lower; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Hunspell's morphological analysis of a compound it built from its parts
 * (not one listed whole in the dictionary) reads " pa:hemtjänst
 * st:hemtjänst pa:utförare". Returns the parts of the reading with the
 * fewest parts, each in the form its st: gives, or NULL for a non-compound. */
static GPtrArray *
compound_parts (LotsMorphology *self,
                const char     *word)
{
  char **analyses = NULL;
  int n = Hunspell_analyze (self->hunspell, &analyses, word);
  GPtrArray *best = NULL;

  for (int i = 0; i < n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (analyses[i], " ", -1);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      for (guint f = 0; fields[f]; f++)
        {
          if (g_str_has_prefix (fields[f], "pa:"))
            g_ptr_array_add (parts, g_utf8_strdown (fields[f] + 3, -1));
          else if (g_str_has_prefix (fields[f], "st:") && parts->len > 0 && f > 0 &&
                   g_str_has_prefix (fields[f - 1], "pa:") && parts->len > 1)
            {
              /* The stem of a part: "pa:kostnader st:kostnad". */
              g_free (g_ptr_array_index (parts, parts->len - 1));
              g_ptr_array_index (parts, parts->len - 1) = g_utf8_strdown (fields[f] + 3, -1);
            }
        }
      if (parts->len > 1 && (best == NULL || parts->len < best->len))
        {
          g_clear_pointer (&best, g_ptr_array_unref);
          best = g_steal_pointer (&parts);
        }
    }
  Hunspell_free_list (self->hunspell, &analyses, n);
  return best;
}

/* The lemma of a compound: its parts with the last one in base form
 * ("hemtjänstutföraren" → "hemtjänstutförare"). Hunspell_stem would answer
 * with the first part alone, which is not the word. */
static void
analyze_compound (LotsMorphology   *self,
                  LotsWordAnalysis *analysis,
                  GPtrArray        *parts,
                  GPtrArray        *lemmas,
                  GPtrArray        *out_parts)
{
  g_autoptr(GString) lemma = g_string_new (NULL);
  const char *last = g_ptr_array_index (parts, parts->len - 1);
  char **stems = NULL;
  int n;
  const char *head;
  gsize head_length = 0;

  /* The written form of every part but the last is a prefix of the word. */
  for (guint i = 0; i + 1 < parts->len; i++)
    head_length += strlen (g_ptr_array_index (parts, i));
  head = analysis->lower;
  n = Hunspell_stem (self->hunspell, &stems, last);
  if (head_length < strlen (head))
    {
      g_string_append_len (lemma, head, (gssize) (strlen (head) - strlen (last)));
      if (n > 0)
        {
          g_autofree char *stem = g_utf8_strdown (stems[0], -1);
          g_string_append (lemma, stem);
        }
      else
        g_string_append (lemma, last);
      if (g_str_has_prefix (analysis->lower, lemma->str) || g_utf8_strlen (lemma->str, -1) > 3)
        add_unique (lemmas, lemma->str, analysis->lower);
    }
  Hunspell_free_list (self->hunspell, &stems, n);
  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      g_autofree char *base = i + 1 < parts->len ? first_half_base (self, part) : g_strdup (part);
      const char *use = base ? base : part;

      if (g_utf8_strlen (use, -1) >= MIN_PART_CHARS && !g_hash_table_contains (self->stop_words, use))
        add_unique (out_parts, use, analysis->lower);
    }
}

static void
analyze_with_hunspell (LotsMorphology   *self,
                       const char       *word,
                       gboolean          split,
                       LotsWordAnalysis *analysis,
                       GPtrArray        *lemmas,
                       GPtrArray        *parts)
{
  const char *spelled = word;
  g_autoptr(GPtrArray) compound = NULL;
  char **stems = NULL;
  int n;

  if (!Hunspell_spell (self->hunspell, word))
    {
      if (g_str_equal (word, analysis->lower) || !Hunspell_spell (self->hunspell, analysis->lower))
        return;
      spelled = analysis->lower;
    }
  analysis->known = TRUE;
  compound = compound_parts (self, spelled);
  if (compound != NULL)
    {
      analyze_compound (self, analysis, compound, lemmas, parts);
      return;
    }
  n = Hunspell_stem (self->hunspell, &stems, spelled);
  for (int i = 0; i < n && lemmas->len < 3; i++)
    {
      g_autofree char *lower = g_utf8_strdown (stems[i], -1);
      add_unique (lemmas, lower, analysis->lower);
    }
  Hunspell_free_list (self->hunspell, &stems, n);
  if (split)
    split_compound (self, lemmas->len > 0 ? g_ptr_array_index (lemmas, 0) : analysis->lower, parts);
}

/* The word and its lemmas without å/ä/ö, where that changes them: every
 * occurrence of a word in a document emits these, so they are computed
 * once, with the analysis, rather than normalised again each time. */
static GStrv
fold_all (const LotsWordAnalysis *analysis)
{
  GPtrArray *all = g_ptr_array_new ();
  char *folded = lots_fold_diacritics (analysis->lower);

  if (folded != NULL)
    g_ptr_array_add (all, folded);
  for (guint i = 0; analysis->lemmas[i]; i++)
    if ((folded = lots_fold_diacritics (analysis->lemmas[i])) != NULL)
      g_ptr_array_add (all, folded);
  g_ptr_array_add (all, NULL);
  return (GStrv) g_ptr_array_free (all, FALSE);
}

static LotsWordAnalysis *
analyze_uncached (LotsMorphology *self,
                  const char     *word,
                  gboolean        split)
{
  LotsWordAnalysis *analysis = g_atomic_rc_box_new0 (LotsWordAnalysis);
  g_autoptr(GPtrArray) lemmas = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normal = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);

  analysis->lower = g_utf8_strdown (normal ? normal : word, -1);
  analysis->stop = g_hash_table_contains (self->stop_words, analysis->lower);
  analysis->split = split;

  if (!analysis->stop && !is_number (analysis->lower) && strlen (word) <= MAX_WORD_BYTES)
    {
      if (self->hunspell != NULL)
        analyze_with_hunspell (self, normal ? normal : word, split, analysis, lemmas, parts);
      if (!analysis->known)
        {
          g_autofree char *stem = snowball_stem (self, analysis->lower);
          if (stem != NULL && g_utf8_strlen (stem, -1) >= MIN_PART_CHARS)
            add_unique (lemmas, stem, analysis->lower);
        }
    }

  g_ptr_array_add (lemmas, NULL);
  analysis->lemmas = (GStrv) g_ptr_array_free (g_steal_pointer (&lemmas), FALSE);
  g_ptr_array_add (parts, NULL);
  analysis->parts = (GStrv) g_ptr_array_free (g_steal_pointer (&parts), FALSE);
  analysis->folded = fold_all (analysis);
  return analysis;
}

static LotsWordAnalysis *
analyze (LotsMorphology *self,
         const char     *word,
         gssize          length,
         gboolean        split)
{
  char stack_key[MAX_WORD_BYTES * 2 + 1];
  g_autofree char *heap_key = NULL;
  const char *key;
  LotsWordAnalysis *analysis;

  g_return_val_if_fail (self != NULL && word != NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (word);
  if ((gsize) length < sizeof stack_key)
    {
      memcpy (stack_key, word, (gsize) length);
      stack_key[length] = '\0';
      key = stack_key;
    }
  else
    key = heap_key = g_strndup (word, (gsize) length);

  g_mutex_lock (&self->mutex);
  analysis = g_hash_table_lookup (self->cache, key);
  if (analysis == NULL || (split && !analysis->split))
    {
      analysis = analyze_uncached (self, key, split);
      if (g_hash_table_size (self->cache) >= CACHE_MAX_ENTRIES)
        g_hash_table_remove_all (self->cache);
      g_hash_table_replace (self->cache, g_strdup (key), analysis);
    }
  lots_word_analysis_ref (analysis);
  g_mutex_unlock (&self->mutex);
  return analysis;
}

/* Analyses one word of a document as written (case kept: Hunspell knows
 * "BankID" but not "bankid"), compound parts included. Returns a reference
 * the caller releases. */
LotsWordAnalysis *
lots_morphology_analyze (LotsMorphology *self,
                         const char     *word,
                         gssize          length)
{
  return analyze (self, word, length, TRUE);
}

/* The same for a word of a query, which needs lemmas but not the
 * dictionary halves of compounds: finding those costs dozens of Hunspell
 * lookups per new word, most of a cold query's time. */
LotsWordAnalysis *
lots_morphology_analyze_query (LotsMorphology *self,
                               const char     *word,
                               gssize          length)
{
  return analyze (self, word, length, FALSE);
}

/* Spelling suggestions for a word the index does not know, best first, in
 * lower case. Tens of milliseconds: call only when a search found nothing. */
GStrv
lots_morphology_suggest (LotsMorphology *self,
                         const char     *word)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **list = NULL;
  int n;

  if (self->hunspell == NULL)
    return g_strv_builder_end (builder);
  g_mutex_lock (&self->mutex);
  n = Hunspell_suggest (self->hunspell, &list, word);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *lower = g_utf8_strdown (list[i], -1);
      g_strv_builder_add (builder, lower);
    }
  Hunspell_free_list (self->hunspell, &list, n);
  g_mutex_unlock (&self->mutex);
  return g_strv_builder_end (builder);
}

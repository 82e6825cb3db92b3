/* test-query.c — Swedish search as handlers type it (lots-query.c, with the
 * tokenizer and the index under it).
 *
 * /query/plan/…   the planner on its own, against a vocabulary given by the
 *                 test: stop words dropped, the last word as a prefix,
 *                 å/ä/ö folding only for words the index does not know.
 * /query/search/… a small source whose articles each use one form of a word,
 *                 indexed into the test's sandbox; a search with another
 *                 form (inflected, compound part, half typed, misspelled,
 *                 typed without å/ä/ö, hyphenated or joined) must find it.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-diagnostic.h"
#include "lots-index.h"
#include "lots-query.h"
#include "lots-source.h"
#include "lots-test-util.h"
#include "lots-tokenizer.h"

/* ---- the planner, against a vocabulary of the test's choosing ------------- */

typedef struct {
  const char * const *terms;
  guint max_asked;         /* the largest `max` complete() was called with */
} TestVocabulary;

static gboolean
test_has_term (const char *term,
               gpointer    user_data)
{
  TestVocabulary *v = user_data;
  return g_strv_contains (v->terms, term);
}

static gint64
test_document_frequency (const char *term,
                         gpointer    user_data)
{
  return test_has_term (term, user_data) ? 3 : 0;
}

static GPtrArray *
test_complete (const char *prefix,
               guint       max,
               gpointer    user_data)
{
  TestVocabulary *v = user_data;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  v->max_asked = MAX (v->max_asked, max);
  for (guint i = 0; v->terms[i] && out->len < max; i++)
    if (g_str_has_prefix (v->terms[i], prefix) && !g_str_equal (v->terms[i], prefix))
      g_ptr_array_add (out, g_strdup (v->terms[i]));
  return out;
}

static LotsQueryPlan *
plan (const char     *query,
      TestVocabulary *v)
{
  LotsVocabulary vocabulary = { test_has_term, test_document_frequency, test_complete, v };
  return lots_query_plan (query, "sv", &vocabulary);
}

static const LotsQueryGroup *
group_at (const LotsQueryPlan *p,
          guint                i)
{
  g_assert_cmpuint (i, <, p->groups->len);
  return g_ptr_array_index (p->groups, i);
}

static gboolean
has_token (GPtrArray  *tokens,
           const char *token)
{
  for (guint i = 0; i < tokens->len; i++)
    if (g_str_equal (g_ptr_array_index (tokens, i), token))
      return TRUE;
  return FALSE;
}

static void
test_plan_drops_stop_words (void)
{
  const char *terms[] = { "ansöka", "man", "hemtjänst", NULL };
  TestVocabulary v = { terms, 0 };
  g_autoptr(LotsQueryPlan) p = plan ("hur ansöker man om hemtjänst", &v);

  g_assert_cmpuint (p->groups->len, ==, 3);
  g_assert_cmpstr (group_at (p, 0)->word, ==, "ansöker");
  g_assert_cmpstr (group_at (p, 1)->word, ==, "man");
  g_assert_cmpstr (group_at (p, 2)->word, ==, "hemtjänst");
  g_assert_true (has_token (group_at (p, 0)->tokens, "ansöka"));
}

/* A query of nothing but stop words keeps them (there is nothing else). */
static void
test_plan_only_stop_words (void)
{
  const char *terms[] = { NULL };
  TestVocabulary v = { terms, 0 };
  g_autoptr(LotsQueryPlan) p = plan ("vad är ", &v);

  g_assert_cmpuint (p->groups->len, ==, 2);
  g_assert_false (group_at (p, 0)->found);
}

static void
test_plan_last_word_is_prefix (void)
{
  const char *terms[] = { "trygghetslarm", "trygghetsboende", "trygghet", NULL };
  TestVocabulary v = { terms, 0 };
  g_autoptr(LotsQueryPlan) typing = plan ("larm tryggh", &v);
  g_autoptr(LotsQueryPlan) done = plan ("larm tryggh ", &v);

  g_assert_cmpuint (typing->groups->len, ==, 2);
  g_assert_false (group_at (typing, 0)->prefix);
  g_assert_true (group_at (typing, 1)->prefix);
  g_assert_true (group_at (typing, 1)->found);
  g_assert_true (has_token (group_at (typing, 1)->tokens, "trygghetslarm"));
  g_assert_true (has_token (group_at (typing, 1)->tokens, "trygghetsboende"));
  g_assert_cmpuint (v.max_asked, <=, LOTS_QUERY_MAX_COMPLETIONS);

  g_assert_false (group_at (done, 1)->prefix);
  g_assert_false (has_token (group_at (done, 1)->tokens, "trygghetslarm"));
}

/* One letter typed after other words is left out until a second comes. */
static void
test_plan_one_letter_prefix (void)
{
  const char *terms[] = { "hemtjänst", "avgift", NULL };
  TestVocabulary v = { terms, 0 };
  g_autoptr(LotsQueryPlan) p = plan ("hemtjänst a", &v);

  g_assert_cmpuint (p->groups->len, ==, 1);
  g_assert_cmpstr (group_at (p, 0)->word, ==, "hemtjänst");
}

/* A last word that the index knows nothing for and that begins a stop
 * word is that stop word being typed: left out like the stop word, unless
 * it is the whole query or something in the index starts with it. */
static void
test_plan_unfinished_stop_word (void)
{
  const char *terms[] = { "sommarland", "melodi", NULL };
  TestVocabulary v = { terms, 0 };
  g_autoptr(LotsQueryPlan) typing = plan ("sommarland vilke", &v);
  g_autoptr(LotsQueryPlan) alone = plan ("vilke", &v);
  g_autoptr(LotsQueryPlan) word = plan ("sommarland mel", &v);
  g_autoptr(LotsQueryPlan) typo = plan ("sommarland xyzq", &v);

  g_assert_cmpuint (typing->groups->len, ==, 1);
  g_assert_cmpstr (group_at (typing, 0)->word, ==, "sommarland");
  g_assert_cmpuint (alone->groups->len, ==, 1);
  /* "mel" begins "mellan" but completes to "melodi". */
  g_assert_cmpuint (word->groups->len, ==, 2);
  g_assert_true (has_token (group_at (word, 1)->tokens, "melodi"));
  /* An unknown word that begins no stop word stays, to be corrected. */
  g_assert_cmpuint (typo->groups->len, ==, 2);
  g_assert_false (group_at (typo, 1)->found);
}

static void
test_plan_folds_unknown_words_only (void)
{
  const char *with_far[] = { "far", "får", NULL };
  const char *without_far[] = { "får", NULL };
  TestVocabulary known = { with_far, 0 };
  TestVocabulary unknown = { without_far, 0 };
  g_autoptr(LotsQueryPlan) p1 = plan ("far ", &known);
  g_autoptr(LotsQueryPlan) p2 = plan ("far ", &unknown);
  g_autoptr(LotsQueryPlan) p3 = plan ("får ", &known);

  g_assert_true (has_token (group_at (p1, 0)->tokens, "far"));
  g_assert_false (has_token (group_at (p1, 0)->tokens, LOTS_TOKEN_FOLDED "far"));
  g_assert_true (has_token (group_at (p2, 0)->tokens, LOTS_TOKEN_FOLDED "far"));
  /* A word typed with å/ä/ö means exactly that. */
  g_assert_false (has_token (group_at (p3, 0)->tokens, LOTS_TOKEN_FOLDED "far"));
  g_assert_false (has_token (group_at (p3, 0)->tokens, "far"));
}

static void
test_plan_hyphen_phrase (void)
{
  const char *terms[] = { "bankid", NULL };
  TestVocabulary v = { terms, 0 };
  g_autoptr(LotsQueryPlan) p = plan ("bank-id ", &v);
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autofree char *fts = NULL;

  g_assert_cmpuint (p->groups->len, ==, 1);
  g_assert_true (has_token (group_at (p, 0)->tokens, "bankid"));
  g_assert_cmpuint (group_at (p, 0)->phrases->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (group_at (p, 0)->phrases, 0), ==, "\"bank\" + \"id\"");

  fts = lots_query_plan_to_fts5 (p, LOTS_QUERY_ALL_WORDS, NULL, groups);
  g_assert_nonnull (strstr (fts, "\"bankid\""));
  g_assert_nonnull (strstr (fts, "\"bank\" + \"id\""));
  /* One entry per FTS5 phrase, all standing for word 0. */
  g_assert_true (g_str_has_prefix (groups->str, "0"));
  g_assert_null (strchr (groups->str, '1'));
}

static void
test_plan_to_fts5_joins_words (void)
{
  const char *terms[] = { "blankett", "avgift", NULL };
  TestVocabulary v = { terms, 0 };
  g_autoptr(LotsQueryPlan) p = plan ("blankett avgift ", &v);
  g_autofree char *all = lots_query_plan_to_fts5 (p, LOTS_QUERY_ALL_WORDS, NULL, NULL);
  g_autofree char *any = lots_query_plan_to_fts5 (p, LOTS_QUERY_ANY_WORD, NULL, NULL);

  g_assert_nonnull (strstr (all, ") AND ("));
  g_assert_null (strstr (all, ") OR ("));
  g_assert_nonnull (strstr (any, ") OR ("));
}

/* ---- search over a small indexed source ------------------------------------- */

typedef struct {
  char *sandbox;
  LotsIndex *index;
} Fixture;

/* Each article uses one form of its word only; the comment says which. */
static void
write_linguistic_source (const char *dir)
{
  lots_test_write_manifest (dir, "sprak", "aldre, forskola, parkering, etjanster, allmant, samhallsbyggnad");
  /* förskolan (definite) */
  lots_test_write_article (dir, "forskola.md", "forskola/plats", "Plats", "forskola", NULL,
                           "Ansök om plats i förskolan senast fyra månader innan.");
  /* hemtjänst (base), with "man" and "ansöker" for the stop-word query */
  lots_test_write_article (dir, "hemtjanst.md", "aldre/hemtjanst", "Hjälp hemma", "aldre", NULL,
                           "Man ansöker om hemtjänst hos biståndshandläggaren i stadsdelen.");
  /* fakturorna (definite plural) */
  lots_test_write_article (dir, "faktura.md", "allmant/betala", "Betala", "allmant", NULL,
                           "Alla fakturorna skickas med posten en gång i månaden.");
  /* parkeringstillståndet (definite) */
  lots_test_write_article (dir, "pt-bestamd.md", "parkering/forlanga", "Förlänga", "parkering", NULL,
                           "Förläng parkeringstillståndet i god tid.");
  /* parkeringstillstånd (base), never "tillstånd" alone */
  lots_test_write_article (dir, "pt.md", "parkering/ansoka", "Ansöka", "parkering", NULL,
                           "Den som har svårt att gå kan söka parkeringstillstånd.");
  /* tillstånd itself */
  lots_test_write_article (dir, "bygglov.md", "samhallsbyggnad/bygglov", "Tillstånd att bygga", "samhallsbyggnad",
                           NULL, "Bygglov är ett tillstånd från staden.");
  /* trygghetslarm */
  lots_test_write_article (dir, "larm.md", "aldre/larm", "Larm", "aldre", NULL,
                           "Ett trygghetslarm ger kontakt med larmcentralen.");
  /* öppettider */
  lots_test_write_article (dir, "oppet.md", "allmant/oppet", "Kontoret", "allmant", NULL,
                           "Kontorets öppettider står på webben.");
  /* får (gets) and far (father) in different articles */
  lots_test_write_article (dir, "far.md", "allmant/beslut", "Beslut", "allmant", NULL,
                           "Du får ett beslut med posten.");
  lots_test_write_article (dir, "pappa.md", "forskola/vardnad", "Vårdnadshavare", "forskola", NULL,
                           "Barnets far eller mor skriver under.");
  /* färdtjänst */
  lots_test_write_article (dir, "fardtjanst.md", "aldre/fardtjanst", "Resor", "aldre", NULL,
                           "Färdtjänst är resor med taxi.");
  /* BankID joined, bank-id hyphenated, e-legitimation */
  lots_test_write_article (dir, "bankid.md", "etjanster/bankid", "Logga in", "etjanster", NULL,
                           "Logga in med BankID på mobilen.");
  lots_test_write_article (dir, "bank-id.md", "etjanster/mobilt", "Mobil", "etjanster", NULL,
                           "Mobilt bank-id kräver en app.");
  lots_test_write_article (dir, "eleg.md", "etjanster/eleg", "Legitimera sig", "etjanster", NULL,
                           "Du behöver en e-legitimation för att logga in.");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *index_file = NULL;
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsSource) source = NULL;
  g_autoptr(GError) error = NULL;

  f->sandbox = lots_test_sandbox_new ();
  dir = g_build_filename (f->sandbox, "src", NULL);
  write_linguistic_source (dir);
  source = lots_source_load_dir (dir, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lots_diagnostics_n_errors (diagnostics), ==, 0);
  g_assert_cmpuint (source->articles->len, ==, 14);

  index_file = g_build_filename (f->sandbox, "index.sqlite", NULL);
  f->index = lots_index_open (index_file, &error);
  g_assert_no_error (error);
  g_assert_true (lots_index_put_source (f->index, source, "folder", dir, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->index, lots_index_close);
  lots_test_sandbox_free (f->sandbox);
}

static LotsSearchResult *
search (Fixture    *f,
        const char *query)
{
  LotsSearchOptions options = { .today = "2025-06-02" };
  g_autoptr(GError) error = NULL;
  LotsSearchResult *result = lots_index_search (f->index, query, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static int
rank_of (const LotsSearchResult *result,
         const char             *id)
{
  for (guint i = 0; i < result->hits->len; i++)
    if (g_str_equal (((LotsSearchHit *) g_ptr_array_index (result->hits, i))->id, id))
      return (int) i;
  return -1;
}

/* query finds id as its first hit, with every word matched. */
static void
assert_first (Fixture    *f,
              const char *query,
              const char *id)
{
  g_autoptr(LotsSearchResult) result = search (f, query);

  if (rank_of (result, id) != 0)
    g_test_message ("'%s': %s at rank %d of %u (fts %s)", query, id, rank_of (result, id),
                    result->hits->len, result->fts_query);
  g_assert_cmpint (rank_of (result, id), ==, 0);
  g_assert_false (result->relaxed);
}

/* query finds id among its hits, with every word matched. */
static void
assert_found (Fixture    *f,
              const char *query,
              const char *id)
{
  g_autoptr(LotsSearchResult) result = search (f, query);

  g_assert_cmpint (rank_of (result, id), >=, 0);
  g_assert_false (result->relaxed);
}

static void
assert_absent (Fixture    *f,
               const char *query,
               const char *id)
{
  g_autoptr(LotsSearchResult) result = search (f, query);

  if (rank_of (result, id) >= 0)
    g_test_message ("'%s': %s at rank %d (fts %s)", query, id, rank_of (result, id), result->fts_query);
  g_assert_cmpint (rank_of (result, id), ==, -1);
}

static void
test_inflected_forms (Fixture       *f,
                      gconstpointer  data)
{
  /* Article says "förskolan". */
  assert_first (f, "förskola ", "forskola/plats");
  assert_first (f, "förskolor ", "forskola/plats");
  assert_first (f, "förskolan ", "forskola/plats");
  assert_first (f, "FÖRSKOLOR ", "forskola/plats");
  /* Article says "hemtjänst". */
  assert_first (f, "hemtjänsten ", "aldre/hemtjanst");
  /* Article says "fakturorna". */
  assert_first (f, "faktura ", "allmant/betala");
  assert_first (f, "fakturan ", "allmant/betala");
  /* "parkeringstillståndet" and "parkeringstillstånd" meet both ways. */
  assert_found (f, "parkeringstillstånd ", "parkering/ansoka");
  assert_found (f, "parkeringstillstånd ", "parkering/forlanga");
  assert_found (f, "parkeringstillståndet ", "parkering/ansoka");
  assert_found (f, "parkeringstillståndet ", "parkering/forlanga");
}

static void
test_compound_part (Fixture       *f,
                    gconstpointer  data)
{
  const char *queries[] = { "tillstånd ", "tillstånd" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(LotsSearchResult) result = search (f, queries[i]);

      /* The article about tillstånd first, then the compounds. */
      g_assert_cmpint (rank_of (result, "samhallsbyggnad/bygglov"), ==, 0);
      g_assert_cmpint (rank_of (result, "parkering/ansoka"), >, 0);
      g_assert_cmpint (rank_of (result, "parkering/forlanga"), >, 0);
    }
  /* The first half of a compound, in its linking form's base. */
  {
    g_autoptr(LotsSearchResult) result = search (f, "parkering ");
    g_assert_cmpint (rank_of (result, "parkering/ansoka"), >=, 0);
  }
}

static void
test_prefix (Fixture       *f,
             gconstpointer  data)
{
  assert_first (f, "tryggh", "aldre/larm");
  assert_first (f, "trygghetsl", "aldre/larm");
  assert_first (f, "larmcen", "aldre/larm");
  /* Finished with a space, a half word is not a prefix any more. */
  assert_absent (f, "tryggh ", "aldre/larm");
}

static void
test_misspelling (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LotsSearchResult) result = search (f, "öppetider");

  g_assert_cmpstr (result->suggestion, ==, "öppettider");
  g_assert_cmpint (rank_of (result, "allmant/oppet"), ==, 0);

  /* A word spelled right gets no suggestion. */
  {
    g_autoptr(LotsSearchResult) right = search (f, "öppettider");
    g_assert_null (right->suggestion);
    g_assert_cmpint (rank_of (right, "allmant/oppet"), ==, 0);
  }
}

static void
test_diacritics (Fixture       *f,
                 gconstpointer  data)
{
  /* "far" is indexed (pappa.md), so it means far, not får. */
  assert_first (f, "far ", "forskola/vardnad");
  assert_absent (f, "far ", "allmant/beslut");
  assert_absent (f, "far", "allmant/beslut");
  assert_first (f, "får ", "allmant/beslut");
  assert_absent (f, "får ", "forskola/vardnad");
  /* Typed without å/ä/ö, a word the index does not have still finds it. */
  assert_first (f, "fardtjanst ", "aldre/fardtjanst");
  assert_first (f, "fardtjanst", "aldre/fardtjanst");
  assert_first (f, "fardtj", "aldre/fardtjanst");
  assert_first (f, "forskolan ", "forskola/plats");
  assert_first (f, "oppettider ", "allmant/oppet");
}

static void
test_hyphen_and_joined (Fixture       *f,
                        gconstpointer  data)
{
  const char *both[] = { "bank-id ", "bankid ", "BankID ", "bank-id", "bankid" };

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autoptr(LotsSearchResult) result = search (f, both[i]);
      if (rank_of (result, "etjanster/bankid") < 0 || rank_of (result, "etjanster/mobilt") < 0)
        g_test_message ("'%s' (fts %s)", both[i], result->fts_query);
      g_assert_cmpint (rank_of (result, "etjanster/bankid"), >=, 0);
      g_assert_cmpint (rank_of (result, "etjanster/mobilt"), >=, 0);
      g_assert_false (result->relaxed);
    }
  assert_first (f, "e-legitimation ", "etjanster/eleg");
  assert_first (f, "elegitimation ", "etjanster/eleg");
  assert_first (f, "E-legitimation", "etjanster/eleg");
}

static void
test_stop_words_in_query (Fixture       *f,
                          gconstpointer  data)
{
  assert_first (f, "hur ansöker man om hemtjänst", "aldre/hemtjanst");
  assert_first (f, "hur ansöker man om hemtjänst ", "aldre/hemtjanst");
  assert_first (f, "vad är hemtjänst", "aldre/hemtjanst");
}

/* Stop words are not indexed: many articles have "med", "i", "en" and
 * "om", none is found by them. (Spelling correction is off here: what it
 * makes of a query of stop words is /index/query/only-stop-words.) */
static void
test_stop_words_not_indexed (Fixture       *f,
                             gconstpointer  data)
{
  const char *queries[] = { "med ", "i ", "en ", "om ", "med", "och i " };
  LotsSearchOptions options = { .today = "2025-06-02", .no_suggest = TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsSearchResult) result = lots_index_search (f->index, queries[i], &options, &error);

      g_assert_no_error (error);
      if (result->hits->len > 0)
        g_test_message ("'%s' → fts %s", queries[i], result->fts_query);
      g_assert_cmpuint (result->hits->len, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/plan/drops-stop-words", test_plan_drops_stop_words);
  g_test_add_func ("/query/plan/only-stop-words", test_plan_only_stop_words);
  g_test_add_func ("/query/plan/last-word-is-prefix", test_plan_last_word_is_prefix);
  g_test_add_func ("/query/plan/one-letter-prefix", test_plan_one_letter_prefix);
  g_test_add_func ("/query/plan/unfinished-stop-word", test_plan_unfinished_stop_word);
  g_test_add_func ("/query/plan/folds-unknown-words-only", test_plan_folds_unknown_words_only);
  g_test_add_func ("/query/plan/hyphen-phrase", test_plan_hyphen_phrase);
  g_test_add_func ("/query/plan/and-or", test_plan_to_fts5_joins_words);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/query/search/inflected-forms", test_inflected_forms);
  ADD ("/query/search/compound-part", test_compound_part);
  ADD ("/query/search/prefix", test_prefix);
  ADD ("/query/search/misspelling", test_misspelling);
  ADD ("/query/search/diacritics", test_diacritics);
  ADD ("/query/search/hyphen-and-joined", test_hyphen_and_joined);
  ADD ("/query/search/stop-words-in-query", test_stop_words_in_query);
  ADD ("/query/search/stop-words-not-indexed", test_stop_words_not_indexed);
#undef ADD

  return g_test_run ();
}

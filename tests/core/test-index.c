/* test-index.c — the search index (lots-index.c): what a search returns and
 * how the index behaves when sources change or its file is damaged.
 *
 * Each test writes a small folder source into its own sandbox, loads it with
 * lots_source_load_dir and puts it into a fresh index file there:
 *   - filters and ordering: area filter, area boost, expired articles last;
 *   - translations (same id, lang en) and their `translations` field;
 *   - put_source is all-or-nothing (an id clash changes nothing), and
 *     re-putting a source removes what it no longer has;
 *   - a damaged index file is rebuilt, not fatal;
 *   - hostile queries (empty, only stop words, 200 words, FTS5 syntax);
 *   - the head table: title matches settle a search, rare completions of
 *     a typed word are found, and it follows every change of a source.
 * Linguistic search (inflections, compounds, spelling) is in test-query.c.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "lots-builtin.h"
#include "lots-column-sizes.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-index.h"
#include "lots-paths.h"
#include "lots-rank.h"
#include "lots-source.h"
#include "lots-test-util.h"
#include "lots-tokenizer.h"

#define TODAY "2025-06-02"

typedef struct {
  char *sandbox;
  char *index_file;
  LotsIndex *index;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = lots_test_sandbox_new ();
  f->index_file = g_build_filename (f->sandbox, "index.sqlite", NULL);
  f->index = lots_index_open (f->index_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->index);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->index, lots_index_close);
  g_free (f->index_file);
  lots_test_sandbox_free (f->sandbox);
}

/* A folder of the sandbox for one source (made when first written to). */
static char *
source_dir (Fixture    *f,
            const char *name)
{
  return g_build_filename (f->sandbox, name, NULL);
}

/* Loads a folder source that must be free of errors. */
static LotsSource *
load_source (const char *dir)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  LotsSource *source = lots_source_load_dir (dir, NULL, diagnostics, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = lots_diagnostic_format (g_ptr_array_index (diagnostics, i), NULL);
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (lots_diagnostics_n_errors (diagnostics), ==, 0);
  g_assert_nonnull (source->manifest);
  return source;
}

static void
put_dir (Fixture    *f,
         const char *dir)
{
  g_autoptr(LotsSource) source = load_source (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (lots_index_put_source (f->index, source, "folder", dir, &error));
  g_assert_no_error (error);
}

static LotsSearchResult *
search_with (LotsIndex               *index,
             const char              *query,
             const LotsSearchOptions *options)
{
  g_autoptr(GError) error = NULL;
  LotsSearchResult *result = lots_index_search (index, query, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_nonnull (result->hits);
  return result;
}

static LotsSearchResult *
search (Fixture    *f,
        const char *query)
{
  LotsSearchOptions options = { .today = TODAY };

  return search_with (f->index, query, &options);
}

/* The 0-based rank of id (in lang, or any when NULL) among the hits, or -1. */
static int
rank_of (const LotsSearchResult *result,
         const char             *id,
         const char             *lang)
{
  for (guint i = 0; i < result->hits->len; i++)
    {
      const LotsSearchHit *hit = g_ptr_array_index (result->hits, i);
      if (g_str_equal (hit->id, id) && (lang == NULL || g_str_equal (hit->lang, lang)))
        return (int) i;
    }
  return -1;
}

static const LotsSearchHit *
hit_at (const LotsSearchResult *result,
        guint                   i)
{
  g_assert_cmpuint (i, <, result->hits->len);
  return g_ptr_array_index (result->hits, i);
}

/* ---- filters and ordering --------------------------------------------------- */

static void
write_two_areas (const char *dir)
{
  lots_test_write_manifest (dir, "tva-omraden", "aldre, allmant, parkering");
  lots_test_write_article (dir, "a.md", "allmant/blankett-kort", "Blanketter", "allmant", NULL,
                           "Ladda ner en blankett på webben.");
  lots_test_write_article (dir, "b.md", "aldre/blankett-lang", "Ansökan om stöd", "aldre", NULL,
                           "Den som vill söka stöd fyller i en blankett och skickar den med post "
                           "till stadsdelsförvaltningen, som handlägger ärendet och hör av sig.");
  lots_test_write_article (dir, "c.md", "parkering/tillstand", "Parkeringstillstånd", "parkering", NULL,
                           "Parkeringstillstånd för rörelsehindrade söks med en blankett.");
}

static void
test_area_filter (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) all = NULL;
  g_autoptr(LotsSearchResult) aldre = NULL;
  LotsSearchOptions options = { .today = TODAY, .area = "aldre" };

  write_two_areas (dir);
  put_dir (f, dir);

  all = search (f, "blankett");
  g_assert_cmpuint (all->hits->len, ==, 3);

  aldre = search_with (f->index, "blankett", &options);
  g_assert_cmpuint (aldre->hits->len, ==, 1);
  g_assert_cmpstr (hit_at (aldre, 0)->id, ==, "aldre/blankett-lang");
  g_assert_cmpstr (hit_at (aldre, 0)->area, ==, "aldre");
}

/* An area filter must not leak articles of an area that merely contains the
 * filter's id as a word: "aldre" is not "aldre-stod". Areas come from a
 * source's own areas.yaml, so ids with hyphens are possible. */
static void
test_area_filter_hyphenated (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) plain = NULL;
  g_autoptr(LotsSearchResult) hyphenated = NULL;
  LotsSearchOptions plain_options = { .today = TODAY, .area = "aldre" };
  LotsSearchOptions hyphen_options = { .today = TODAY, .area = "aldre-stod" };

  lots_test_write (dir, "areas.yaml",
                   "- id: aldre\n  title: Äldre\n"
                   "- id: aldre-stod\n  title: Stöd till äldre\n", -1);
  lots_test_write_manifest (dir, "bindestreck", "aldre, aldre-stod");
  lots_test_write_article (dir, "a.md", "aldre/blankett", "Blankett", "aldre", NULL, "En blankett.");
  lots_test_write_article (dir, "b.md", "aldre-stod/blankett", "Blankett för stöd", "aldre-stod", NULL,
                           "En annan blankett.");
  put_dir (f, dir);

  plain = search_with (f->index, "blankett", &plain_options);
  g_assert_cmpint (rank_of (plain, "aldre/blankett", NULL), ==, 0);
  g_assert_cmpint (rank_of (plain, "aldre-stod/blankett", NULL), ==, -1);

  hyphenated = search_with (f->index, "blankett", &hyphen_options);
  g_assert_cmpuint (hyphenated->hits->len, ==, 1);
  g_assert_cmpstr (hit_at (hyphenated, 0)->id, ==, "aldre-stod/blankett");
}

static void
test_boost_area (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) plain = NULL;
  g_autoptr(LotsSearchResult) boosted = NULL;
  LotsSearchOptions options = { .today = TODAY, .boost_area = "aldre" };

  lots_test_write_manifest (dir, "boost", "aldre, allmant");
  /* The same word once in each body, one word more in the second: close
   * scores, the shorter body first unboosted. */
  lots_test_write_article (dir, "a.md", "allmant/kort", "Om stöd", "allmant", NULL,
                           "Lämna en blankett.");
  lots_test_write_article (dir, "b.md", "aldre/lang", "Om stöd", "aldre", NULL,
                           "Lämna en blankett i dag.");
  lots_test_write_article (dir, "c.md", "aldre/annat", "Hemtjänst", "aldre", NULL, "Hjälp i hemmet.");
  lots_test_write_article (dir, "d.md", "allmant/annat", "Synpunkter", "allmant", NULL, "Lämna synpunkter.");
  lots_test_write_article (dir, "e.md", "allmant/tredje", "Öppettider", "allmant", NULL, "Kontoret är öppet.");
  put_dir (f, dir);

  plain = search (f, "blankett");
  g_assert_cmpuint (plain->hits->len, ==, 2);
  g_assert_cmpstr (hit_at (plain, 0)->id, ==, "allmant/kort");
  g_assert_cmpfloat (hit_at (plain, 0)->score, >, hit_at (plain, 1)->score);

  boosted = search_with (f->index, "blankett", &options);
  g_assert_cmpuint (boosted->hits->len, ==, 2);
  g_assert_cmpstr (hit_at (boosted, 0)->id, ==, "aldre/lang");
  g_assert_cmpstr (hit_at (boosted, 1)->id, ==, "allmant/kort");
  g_assert_cmpfloat (hit_at (boosted, 0)->score, >, hit_at (boosted, 1)->score);
  /* The boost changes the order, not the set. */
  g_assert_cmpfloat (hit_at (boosted, 1)->score, ==, hit_at (plain, 0)->score);
}

static void
test_expired_ranked_last (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) result = NULL;
  g_autoptr(LotsSearchResult) before = NULL;
  LotsSearchOptions earlier = { .today = "2019-06-01" };

  lots_test_write_manifest (dir, "giltighet", "allmant");
  /* The expired article is the better match (title), yet must come last. */
  lots_test_write_article (dir, "old.md", "allmant/gammal", "Färdtjänstkort", "allmant",
                           "valid_until: 2020-12-31\n", "Färdtjänstkort beställs här.");
  lots_test_write_article (dir, "future.md", "allmant/kommande", "Nya regler", "allmant",
                           "valid_from: 2030-01-01\n", "Från 2030 gäller nya regler för färdtjänstkort.");
  lots_test_write_article (dir, "now.md", "allmant/nu", "Resor", "allmant",
                           "valid_from: 2021-01-01\nvalid_until: 2099-12-31\n",
                           "Den som reser med färdtjänst behöver ett färdtjänstkort och mycket tålamod "
                           "när bilen är sen, vilket den ibland är.");
  put_dir (f, dir);

  result = search (f, "färdtjänstkort");
  g_assert_cmpuint (result->hits->len, ==, 3);
  g_assert_cmpstr (hit_at (result, 0)->id, ==, "allmant/nu");
  g_assert_true (hit_at (result, 0)->current);
  g_assert_false (hit_at (result, 1)->current);
  g_assert_false (hit_at (result, 2)->current);
  g_assert_cmpint (rank_of (result, "allmant/gammal", NULL), >, 0);
  g_assert_cmpint (rank_of (result, "allmant/kommande", NULL), >, 0);

  /* In 2019 the old one was current and the "current" one not yet valid. */
  before = search_with (f->index, "färdtjänstkort", &earlier);
  g_assert_cmpuint (before->hits->len, ==, 3);
  g_assert_cmpstr (hit_at (before, 0)->id, ==, "allmant/gammal");
  g_assert_true (hit_at (before, 0)->current);
  g_assert_false (hit_at (before, 1)->current);
}

/* ---- translations ------------------------------------------------------------- */

static void
test_translations (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) en = NULL;
  g_autoptr(LotsSearchResult) sv = NULL;
  g_autoptr(LotsSearchResult) en_only = NULL;
  LotsSearchOptions english = { .today = TODAY, .lang = "en" };
  const LotsSearchHit *hit;

  lots_test_write_manifest (dir, "oversatt", "aldre");
  /* Not the first English article of the index: that case has its own
   * test (/index/lang/first-article-of-language). */
  lots_test_write_article (dir, "avgift.en.md", "aldre/avgift", "Fees", "aldre", "lang: en\n",
                           "The fee for elder care.");
  lots_test_write_article (dir, "avgift.md", "aldre/avgift", "Avgifter", "aldre", NULL,
                           "Avgiften för äldreomsorg.");
  lots_test_write_article (dir, "fardtjanst.md", "aldre/fardtjanst", "Färdtjänst", "aldre", NULL,
                           "Färdtjänst är resor med taxi för den som har svårt att åka kollektivt.");
  lots_test_write_article (dir, "fardtjanst.en.md", "aldre/fardtjanst", "Transport service", "aldre",
                           "lang: en\n", "Transport service is travel by taxi for people who cannot use buses.");
  lots_test_write_article (dir, "larm.md", "aldre/larm", "Trygghetslarm", "aldre", NULL,
                           "Ett larm för äldre som bor hemma.");
  put_dir (f, dir);

  en = search_with (f->index, "taxi", &english);
  g_assert_cmpuint (en->hits->len, ==, 1);
  hit = hit_at (en, 0);
  g_assert_cmpstr (hit->id, ==, "aldre/fardtjanst");
  g_assert_cmpstr (hit->lang, ==, "en");
  g_assert_cmpstr (hit->title, ==, "Transport service");
  g_assert_nonnull (hit->translations);
  g_assert_cmpuint (g_strv_length (hit->translations), ==, 1);
  g_assert_cmpstr (hit->translations[0], ==, "sv");

  sv = search (f, "taxi");
  g_assert_cmpuint (sv->hits->len, ==, 1);
  hit = hit_at (sv, 0);
  g_assert_cmpstr (hit->lang, ==, "sv");
  g_assert_cmpstr (hit->title, ==, "Färdtjänst");
  g_assert_nonnull (hit->translations);
  g_assert_cmpuint (g_strv_length (hit->translations), ==, 1);
  g_assert_cmpstr (hit->translations[0], ==, "en");

  /* English words are not in the Swedish table, and vice versa. */
  en_only = search_with (f->index, "buses", &english);
  g_assert_cmpuint (en_only->hits->len, ==, 1);
  g_clear_pointer (&en_only, lots_search_result_free);
  en_only = search (f, "buses");
  g_assert_cmpuint (en_only->hits->len, ==, 0);

  /* An article without a translation lists none. */
  g_clear_pointer (&sv, lots_search_result_free);
  sv = search (f, "trygghetslarm");
  g_assert_cmpint (rank_of (sv, "aldre/larm", "sv"), ==, 0);
  g_assert_nonnull (hit_at (sv, 0)->translations);
  g_assert_cmpuint (g_strv_length (hit_at (sv, 0)->translations), ==, 0);
}

/* The first article indexed in a language that has no table yet (every
 * language but Swedish) must be as findable as the ones after it. */
static void
test_first_article_of_language (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) first = NULL;
  g_autoptr(LotsSearchResult) second = NULL;
  LotsSearchOptions english = { .today = TODAY, .lang = "en" };

  lots_test_write_manifest (dir, "forsta-engelska", "aldre");
  lots_test_write_article (dir, "a.en.md", "aldre/a", "Home care", "aldre", "lang: en\n",
                           "Home care is help at home.");
  lots_test_write_article (dir, "b.en.md", "aldre/b", "Safety alarm", "aldre", "lang: en\n",
                           "A safety alarm for people living at home.");
  put_dir (f, dir);

  second = search_with (f->index, "alarm", &english);
  g_assert_cmpuint (second->hits->len, ==, 1);
  g_assert_cmpstr (hit_at (second, 0)->id, ==, "aldre/b");

  first = search_with (f->index, "help", &english);
  g_assert_cmpuint (first->hits->len, ==, 1);
  g_assert_cmpstr (hit_at (first, 0)->id, ==, "aldre/a");
  g_assert_cmpstr (hit_at (first, 0)->title, ==, "Home care");
}

static void
test_unknown_language (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsSearchResult) result = NULL;
  LotsSearchOptions finnish = { .lang = "fi" };
  LotsSearchOptions bad = { .lang = "sv; DROP TABLE articles" };

  /* No Finnish article was ever indexed: no hits, no error. */
  result = search_with (f->index, "taksi", &finnish);
  g_assert_cmpuint (result->hits->len, ==, 0);

  g_assert_null (lots_index_search (f->index, "taksi", &bad, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
}

/* Preparing a language loads what its first search would; an index
 * without that language yet, or an empty one, is fine; a bad code is an
 * error, never SQL. */
static void
test_prepare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsSearchResult) result = NULL;
  g_autofree char *dir = source_dir (f, "src");

  g_assert_true (lots_index_prepare (f->index, "sv", &error));
  g_assert_no_error (error);
  write_two_areas (dir);
  put_dir (f, dir);
  g_assert_true (lots_index_prepare (f->index, "sv", &error));
  g_assert_true (lots_index_prepare (f->index, "fi", &error));
  g_assert_no_error (error);
  g_assert_false (lots_index_prepare (f->index, "sv; DROP TABLE articles", &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  /* Search works the same after it. */
  result = search (f, "blankett");
  g_assert_cmpuint (result->hits->len, ==, 3);
}

/* ---- changing sources ----------------------------------------------------------- */

static void
test_clash_changes_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *first = source_dir (f, "first");
  g_autofree char *second = source_dir (f, "second");
  g_autoptr(LotsSource) clashing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsSearchResult) result = NULL;
  g_autofree char *revision_before = NULL;
  g_autofree char *revision_after = NULL;
  g_autofree char *clash_file = NULL;

  lots_test_write_manifest (first, "forsta", "aldre");
  lots_test_write_article (first, "a.md", "aldre/matlada", "Matlåda", "aldre", NULL, "Matlådor levereras hem.");
  put_dir (f, first);

  lots_test_write_manifest (second, "andra", "aldre");
  lots_test_write_article (second, "b.md", "aldre/snoskottning", "Snöskottning", "aldre", NULL,
                           "Snöskottning ingår inte i hemtjänsten.");
  put_dir (f, second);
  revision_before = lots_index_dup_revision (f->index, "andra");
  g_assert_nonnull (revision_before);

  /* The second source's next version changes its article and takes the
   * first source's id: it must be refused as a whole. */
  lots_test_write_article (second, "b.md", "aldre/snoskottning", "Snöröjning", "aldre", NULL,
                           "Lövkrattning och snöröjning ingår inte.");
  lots_test_write_article (second, "c.md", "aldre/matlada", "Matlåda från andra", "aldre", NULL,
                           "Kylda matlådor.");
  clashing = load_source (second);
  g_assert_false (lots_index_put_source (f->index, clashing, "folder", second, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, "aldre/matlada"));
  g_assert_nonnull (strstr (error->message, "forsta"));

  result = search (f, "snöskottning");
  g_assert_cmpuint (result->hits->len, ==, 1);
  g_assert_cmpstr (hit_at (result, 0)->title, ==, "Snöskottning");
  g_assert_cmpstr (hit_at (result, 0)->source, ==, "andra");
  g_clear_pointer (&result, lots_search_result_free);

  result = search (f, "lövkrattning");
  g_assert_cmpuint (result->hits->len, ==, 0);
  g_clear_pointer (&result, lots_search_result_free);
  /* Nor did the refused version's words reach the vocabulary. */
  result = search (f, "snöröj");
  g_assert_cmpuint (result->hits->len, ==, 0);
  g_clear_pointer (&result, lots_search_result_free);

  result = search (f, "matlåda");
  g_assert_cmpuint (result->hits->len, ==, 1);
  g_assert_cmpstr (hit_at (result, 0)->source, ==, "forsta");

  revision_after = lots_index_dup_revision (f->index, "andra");
  g_assert_cmpstr (revision_after, ==, revision_before);

  /* The index is still writable after the refused transaction. */
  clash_file = g_build_filename (second, "c.md", NULL);
  g_assert_cmpint (g_remove (clash_file), ==, 0);
  put_dir (f, second);
  g_clear_pointer (&result, lots_search_result_free);
  result = search (f, "lövkrattning");
  g_assert_cmpuint (result->hits->len, ==, 1);
}

static void
test_reput_removes_article (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autofree char *removed = NULL;
  g_autoptr(LotsSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsArticle) article = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  lots_test_write_manifest (dir, "andras", "aldre");
  lots_test_write_article (dir, "kvar.md", "aldre/kvar", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  lots_test_write_article (dir, "bort.md", "aldre/bort", "Xylofonlektioner", "aldre", NULL,
                           "Xylofonlektioner för pensionärer.");
  put_dir (f, dir);

  result = search (f, "xylofonlektioner");
  g_assert_cmpint (rank_of (result, "aldre/bort", NULL), ==, 0);
  g_clear_pointer (&result, lots_search_result_free);

  removed = g_build_filename (dir, "bort.md", NULL);
  g_assert_cmpint (g_remove (removed), ==, 0);
  put_dir (f, dir);

  result = search (f, "xylofonlektioner");
  g_assert_cmpuint (result->hits->len, ==, 0);
  g_clear_pointer (&result, lots_search_result_free);
  /* Nor is its word still offered as a completion or a correction. */
  result = search (f, "xylof");
  g_assert_cmpuint (result->hits->len, ==, 0);
  g_assert_null (result->suggestion);
  g_clear_pointer (&result, lots_search_result_free);

  result = search (f, "hemtjänst");
  g_assert_cmpint (rank_of (result, "aldre/kvar", NULL), ==, 0);

  article = lots_index_get_article (f->index, "aldre/bort", NULL, NULL, NULL, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND);

  g_clear_error (&error);
  sources = lots_index_list_sources (f->index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpuint (((LotsIndexedSource *) g_ptr_array_index (sources, 0))->n_articles, ==, 1);
}

/* ---- updating a source with one change ---------------------------------------- */

/* The rows of FILE's articles and vocabulary, as text to compare. */
static char *
dump_index (const char *file)
{
  static const char *const queries[] = {
    "SELECT source, path, id, lang, title, body FROM articles ORDER BY id, lang",
    "SELECT lang, term, df FROM terms ORDER BY lang, term",
    "SELECT id, revision FROM sources ORDER BY id",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (file, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s|", sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static LotsSource *
load_part (const char *dir,
           const char *revision)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  LotsSource *source = lots_source_load_dir (dir, NULL, diagnostics, NULL);

  g_assert_nonnull (source->manifest);
  g_free (source->revision);
  source->revision = g_strdup (revision);
  return source;
}

/* An update leaves the index as putting the whole new version would:
 * the same rows, the same vocabulary with the same document frequencies. */
static void
test_update_matches_put (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *before = source_dir (f, "fore");
  g_autofree char *part = source_dir (f, "del");
  g_autofree char *after = source_dir (f, "efter");
  g_autofree char *other_file = g_build_filename (f->sandbox, "other.sqlite", NULL);
  g_autoptr(LotsIndex) other = NULL;
  g_autoptr(LotsSource) changed = NULL;
  g_autoptr(LotsSource) whole = NULL;
  g_autoptr(LotsSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated = NULL, *put = NULL, *title = NULL;
  const char *removed[] = { "c.md", NULL };
  const char *replaced[] = { "a.md", NULL };

  lots_test_write_manifest (before, "andras", "aldre");
  lots_test_write_article (before, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  lots_test_write_article (before, "b.md", "aldre/b", "Xylofonlektioner", "aldre", NULL, "Xylofon för pensionärer.");
  lots_test_write_article (before, "c.md", "aldre/c", "Trygghetslarm", "aldre", NULL, "Larm i hemmet.");
  put_dir (f, before);

  /* b changes, c goes, d comes. */
  lots_test_write_manifest (part, "andras", "aldre");
  lots_test_write_article (part, "b.md", "aldre/b", "Matlådor", "aldre", NULL, "Matlådor till hemmet.");
  lots_test_write_article (part, "d.md", "aldre/d", "Färdtjänst", "aldre", NULL, "Färdtjänst och hemtjänst.");
  changed = load_part (part, "r2");
  g_assert_true (lots_index_update_source (f->index, changed, removed, "folder", part, &error));
  g_assert_no_error (error);

  lots_test_write_manifest (after, "andras", "aldre");
  lots_test_write_article (after, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  lots_test_write_article (after, "b.md", "aldre/b", "Matlådor", "aldre", NULL, "Matlådor till hemmet.");
  lots_test_write_article (after, "d.md", "aldre/d", "Färdtjänst", "aldre", NULL, "Färdtjänst och hemtjänst.");
  whole = load_part (after, "r2");
  other = lots_index_open (other_file, &error);
  g_assert_no_error (error);
  g_assert_true (lots_index_put_source (other, whole, "folder", after, &error));
  g_assert_no_error (error);

  updated = dump_index (f->index_file);
  put = dump_index (other_file);
  g_assert_cmpstr (updated, ==, put);
  result = search (f, "xylofon");
  g_assert_cmpuint (result->hits->len, ==, 0);
  g_clear_pointer (&result, lots_search_result_free);
  result = search (f, "hemtjänst");
  g_assert_cmpuint (result->hits->len, ==, 2);
  g_assert_cmpstr (hit_at (result, 0)->revision, ==, "r2");
  g_assert_cmpstr (hit_at (result, 1)->revision, ==, "r2");

  /* What the gate asks of the rest: an id, outside the paths it replaces. */
  g_assert_true (lots_index_has_article (f->index, "aldre/a", "andras", NULL, &title));
  g_assert_cmpstr (title, ==, "Hemtjänst");
  g_assert_false (lots_index_has_article (f->index, "aldre/a", "andras", replaced, NULL));
  g_assert_true (lots_index_has_article (f->index, "aldre/a", "annan", replaced, NULL));
  g_assert_false (lots_index_has_article (f->index, "aldre/c", NULL, NULL, NULL));
}

/* An update that would give a changed article an id the source still has
 * in an unchanged file, or one another source has, changes nothing. */
static void
test_update_clash_changes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *before = source_dir (f, "fore");
  g_autofree char *foreign = source_dir (f, "annan");
  g_autofree char *part = source_dir (f, "del");
  g_autofree char *part2 = source_dir (f, "del2");
  g_autofree char *dumped = NULL, *again = NULL;
  g_autoptr(LotsSource) changed = NULL;
  g_autoptr(GError) error = NULL;
  const char *moved[] = { "a.md", NULL };

  lots_test_write_manifest (before, "andras", "aldre");
  lots_test_write_article (before, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  lots_test_write_article (before, "b.md", "aldre/b", "Xylofon", "aldre", NULL, "Xylofon för pensionärer.");
  put_dir (f, before);
  lots_test_write_manifest (foreign, "annan", "aldre");
  lots_test_write_article (foreign, "x.md", "aldre/x", "Färdtjänst", "aldre", NULL, "Färdtjänst.");
  put_dir (f, foreign);
  dumped = dump_index (f->index_file);

  /* b takes a's id while a stays. */
  lots_test_write_manifest (part, "andras", "aldre");
  lots_test_write_article (part, "b.md", "aldre/a", "Dubblett", "aldre", NULL, "Dubblett.");
  changed = load_part (part, "r2");
  g_assert_false (lots_index_update_source (f->index, changed, NULL, "folder", part, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, "b.md:2: duplicate id 'aldre/a' (lang sv): a.md already uses it"));
  g_clear_error (&error);
  again = dump_index (f->index_file);
  g_assert_cmpstr (again, ==, dumped);

  /* ...which is fine when a goes in the same change. */
  g_assert_true (lots_index_update_source (f->index, changed, moved, "folder", part, &error));
  g_assert_no_error (error);

  /* An id of another source. */
  g_clear_pointer (&changed, lots_source_free);
  g_clear_pointer (&dumped, g_free);
  dumped = dump_index (f->index_file);
  lots_test_write_manifest (part2, "andras", "aldre");
  lots_test_write_article (part2, "c.md", "aldre/x", "Stulen", "aldre", NULL, "Stulen.");
  changed = load_part (part2, "r3");
  g_assert_false (lots_index_update_source (f->index, changed, NULL, "folder", part2, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, "id 'aldre/x' is already published by source 'annan'"));
  g_clear_pointer (&again, g_free);
  again = dump_index (f->index_file);
  g_assert_cmpstr (again, ==, dumped);
}

static void
test_remove_source (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revision = NULL;

  lots_test_write_manifest (dir, "tillfallig", "aldre");
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  put_dir (f, dir);

  g_assert_true (lots_index_remove_source (f->index, "tillfallig", &error));
  g_assert_no_error (error);
  result = search (f, "hemtjänst");
  g_assert_cmpuint (result->hits->len, ==, 0);
  revision = lots_index_dup_revision (f->index, "tillfallig");
  g_assert_null (revision);
}

/* A connection that searched before another one wrote (the app while
 * `lotsctl index` runs) must see the new content on its next search. */
static void
test_other_connection_sees_new_content (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsIndex) writer = NULL;
  g_autoptr(LotsSource) source = NULL;
  g_autoptr(LotsSearchResult) before = NULL;
  g_autoptr(LotsSearchResult) after = NULL;
  g_autoptr(GError) error = NULL;

  lots_test_write_manifest (dir, "tva-anslutningar", "aldre");
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  put_dir (f, dir);
  before = search (f, "hemtjänst");
  g_assert_cmpuint (before->hits->len, ==, 1);

  writer = lots_index_open (f->index_file, &error);
  g_assert_no_error (error);
  lots_test_write_article (dir, "b.md", "aldre/b", "Hemtjänst på helger", "aldre", NULL, "Hemtjänst på helgen.");
  source = load_source (dir);
  g_assert_true (lots_index_put_source (writer, source, "folder", dir, &error));
  g_assert_no_error (error);

  after = search (f, "hemtjänst");
  g_assert_cmpuint (after->hits->len, ==, 2);

  /* And it can write after having searched. */
  g_assert_true (lots_index_put_source (f->index, source, "folder", dir, &error));
  g_assert_no_error (error);
}

/* Ranking reads column lengths from a copy kept in memory: when another
 * connection rewrites an article (same row, a much longer body), the score
 * must be the one a fresh connection computes, not one from the old
 * lengths. */
static void
test_column_sizes_follow_other_writers (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autofree char *long_body = NULL;
  g_autoptr(GString) words = g_string_new ("Hemtjänst i hemmet.");
  g_autoptr(LotsIndex) writer = NULL;
  g_autoptr(LotsIndex) fresh = NULL;
  g_autoptr(LotsSource) source = NULL;
  g_autoptr(LotsSearchResult) before = NULL;
  g_autoptr(LotsSearchResult) after = NULL;
  g_autoptr(LotsSearchResult) expected = NULL;
  g_autoptr(LotsSearchResult) again = NULL;
  g_autoptr(GError) error = NULL;

  lots_test_write_manifest (dir, "langd", "aldre");
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  lots_test_write_article (dir, "b.md", "aldre/b", "Trygghetslarm", "aldre", NULL, "Hemtjänst och larm.");
  put_dir (f, dir);
  before = search (f, "hemtjänst");
  g_assert_cmpuint (before->hits->len, ==, 2);

  for (guint i = 0; i < 200; i++)
    g_string_append (words, " Besök, matlådor och städning.");
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, words->str);
  writer = lots_index_open (f->index_file, &error);
  g_assert_no_error (error);
  source = load_source (dir);
  g_assert_true (lots_index_put_source (writer, source, "folder", dir, &error));
  g_assert_no_error (error);

  after = search (f, "hemtjänst");
  fresh = lots_index_open (f->index_file, &error);
  g_assert_no_error (error);
  expected = search_with (fresh, "hemtjänst", NULL);
  g_assert_cmpuint (after->hits->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const LotsSearchHit *got = g_ptr_array_index (after->hits, i);
      const LotsSearchHit *want = g_ptr_array_index (expected->hits, i);

      g_assert_cmpstr (got->id, ==, want->id);
      g_assert_cmpfloat_with_epsilon (got->score, want->score, 1e-9);
    }
  /* The same when this connection writes: the article short again. */
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  g_clear_pointer (&source, lots_source_free);
  source = load_source (dir);
  g_assert_true (lots_index_put_source (f->index, source, "folder", dir, &error));
  g_assert_no_error (error);
  again = search (f, "hemtjänst");
  g_assert_cmpfloat_with_epsilon (((LotsSearchHit *) g_ptr_array_index (again->hits, rank_of (again, "aldre/a", "sv")))->score,
                                  ((LotsSearchHit *) g_ptr_array_index (before->hits, rank_of (before, "aldre/a", "sv")))->score,
                                  1e-9);

  /* The longer body lowered the article's score. */
  g_assert_cmpfloat (((LotsSearchHit *) g_ptr_array_index (after->hits, rank_of (after, "aldre/a", "sv")))->score, <,
                     ((LotsSearchHit *) g_ptr_array_index (before->hits, rank_of (before, "aldre/a", "sv")))->score);
}

/* lots_rank() with the column sizes read into memory scores each row as it
 * does with FTS5's own docsize lookups, bodies of more than 127 tokens
 * (a varint of two bytes) included. */
static GHashTable *
rank_rows (sqlite3               *db,
           const LotsColumnSizes *sizes)
{
  GHashTable *scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid, lots_rank(fts_sv, '0', ?1) FROM fts_sv"
                                           " WHERE fts_sv MATCH '\"hemtjänst\"'", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_pointer (stmt, 1, (void *) sizes, LOTS_COLUMN_SIZES_POINTER_TYPE, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (scores, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_memdup2 (&(double) { sqlite3_column_double (stmt, 1) }, sizeof (double)));
  sqlite3_finalize (stmt);
  return scores;
}

static void
test_column_sizes_match_fts5 (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(GString) words = g_string_new ("Hemtjänst.");
  g_autoptr(LotsColumnSizes) sizes = NULL;
  g_autoptr(GHashTable) with_sizes = NULL;
  g_autoptr(GHashTable) with_fts5 = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer rowid, score;
  sqlite3 *db = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (words, i % 50 == 0 ? " hemtjänst" : " besök");
  lots_test_write_manifest (dir, "storlek", "aldre");
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  lots_test_write_article (dir, "b.md", "aldre/b", "Larm och hemtjänst i hemmet", "aldre", NULL, words->str);
  lots_test_write_article (dir, "c.md", "aldre/c", "Trygghetslarm", "aldre", NULL, "Larm, inte hemtjänst.");
  put_dir (f, dir);

  g_assert_cmpint (sqlite3_open_v2 (f->index_file, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (lots_tokenizer_register (db, NULL, &error));
  g_assert_true (lots_rank_register (db, &error));
  sizes = lots_column_sizes_load (db, "fts_sv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lots_column_sizes_count (sizes), ==, 3);
  with_sizes = rank_rows (db, sizes);
  with_fts5 = rank_rows (db, NULL);
  sqlite3_close (db);

  g_assert_cmpuint (g_hash_table_size (with_sizes), ==, 3);
  g_assert_cmpuint (g_hash_table_size (with_fts5), ==, 3);
  g_hash_table_iter_init (&iter, with_fts5);
  while (g_hash_table_iter_next (&iter, &rowid, &score))
    g_assert_cmpfloat (*(double *) g_hash_table_lookup (with_sizes, rowid), ==, *(double *) score);
}

/* ---- a damaged index file ------------------------------------------------------- */

static void
test_corrupt_file_rebuilt (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsSearchResult) result = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);

  g_clear_pointer (&f->index, lots_index_close);
  for (guint i = 0; i < 8192; i++)
    g_string_append_c (garbage, (char) ((i * 7919 + 13) % 251));
  lots_test_write (f->sandbox, "index.sqlite", garbage->str, (gssize) garbage->len);

  f->index = lots_index_open (f->index_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->index);

  lots_test_write_manifest (dir, "efter-skada", "aldre");
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  put_dir (f, dir);
  result = search (f, "hemtjänst");
  g_assert_cmpuint (result->hits->len, ==, 1);
}

/* A real SQLite database, but not an index of this version (the schema
 * version is what marks it). */
static void
test_foreign_database_rebuilt (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsSearchResult) result = NULL;
  sqlite3 *db = NULL;

  g_clear_pointer (&f->index, lots_index_close);
  g_assert_cmpint (g_remove (f->index_file), ==, 0);
  g_assert_cmpint (sqlite3_open (f->index_file, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE articles (x); INSERT INTO articles VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->index = lots_index_open (f->index_file, &error);
  g_assert_no_error (error);
  lots_test_write_manifest (dir, "efter-byte", "aldre");
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  put_dir (f, dir);
  result = search (f, "hemtjänst");
  g_assert_cmpuint (result->hits->len, ==, 1);
}

/* Reopening a good index keeps its content (it is not needlessly rebuilt). */
static void
test_reopen_keeps_content (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsSearchResult) result = NULL;

  lots_test_write_manifest (dir, "bestaende", "aldre");
  lots_test_write_article (dir, "a.md", "aldre/a", "Hemtjänst", "aldre", NULL, "Hemtjänst i hemmet.");
  put_dir (f, dir);
  g_clear_pointer (&f->index, lots_index_close);

  f->index = lots_index_open (f->index_file, &error);
  g_assert_no_error (error);
  result = search (f, "hemtjänst");
  g_assert_cmpuint (result->hits->len, ==, 1);
}

/* ---- hostile queries ---------------------------------------------------------------- */

static void
write_small_base (Fixture *f)
{
  g_autofree char *dir = source_dir (f, "src");

  lots_test_write_manifest (dir, "liten", "aldre, etjanster, social");
  lots_test_write_article (dir, "a.md", "aldre/hemtjanst", "Hemtjänst", "aldre", NULL,
                           "Hemtjänst är hjälp i hemmet. Ansök hos biståndshandläggaren.");
  lots_test_write_article (dir, "b.md", "etjanster/bankid", "Logga in med BankID", "etjanster", NULL,
                           "Logga in med BankID eller annan e-legitimation, till exempel Freja eID. "
                           "Appen Near finns inte.");
  lots_test_write_article (dir, "c.md", "social/oro-barn", "Oro för ett barn", "social", NULL,
                           "Den som känner oro för ett barn gör en orosanmälan till socialtjänsten. "
                           "Ring 112 om barnet är i fara.");
  put_dir (f, dir);
}

static void
test_empty_query (Fixture       *f,
                  gconstpointer  data)
{
  const char *queries[] = { "", " ", "\t\n", "...", "?!", "—", "\"\"" };

  write_small_base (f);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(LotsSearchResult) result = search (f, queries[i]);
      g_assert_cmpuint (result->hits->len, ==, 0);
      g_assert_null (result->suggestion);
    }
}

static void
test_only_stop_words (Fixture       *f,
                      gconstpointer  data)
{
  const char *queries[] = { "och", "och det att", "vad är", "hur ", "om i på " };

  write_small_base (f);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(LotsSearchResult) result = search (f, queries[i]);
      if (result->hits->len > 0 || result->suggestion != NULL)
        g_test_message ("'%s' → %u hits, suggestion '%s', fts %s", queries[i], result->hits->len,
                        result->suggestion, result->fts_query);
      g_assert_cmpuint (result->hits->len, ==, 0);
    }
}

static void
test_long_query (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) repeated = g_string_new (NULL);
  g_autoptr(LotsSearchResult) result = NULL;
  g_autoptr(LotsSearchResult) same = NULL;

  write_small_base (f);
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (query, "%sord%u", i ? " " : "", i);
  result = search (f, query->str);
  g_assert_cmpuint (result->hits->len, ==, 0);

  /* 200 words that all match: the one article that has them all. */
  for (guint i = 0; i < 200; i++)
    g_string_append (repeated, i % 2 ? "hemtjänst " : "hemmet ");
  same = search (f, repeated->str);
  g_assert_cmpuint (same->hits->len, ==, 1);
  g_assert_cmpstr (hit_at (same, 0)->id, ==, "aldre/hemtjanst");
}

static void
test_fts5_syntax_in_query (Fixture       *f,
                           gconstpointer  data)
{
  const char *queries[] = {
    "\"", "\"hemtjänst", "hemtjänst\"", "*", "hemtj*", "(", ")", "(hemtjänst", "hemtjänst)",
    "NEAR", "NEAR(hemtjänst bankid)", "hemtjänst AND", "AND", "OR", "NOT", "hemtjänst NOT bankid",
    "-", "-hemtjänst", "hemtjänst -", ":", "title:hemtjänst", "title : hemtjänst", "^hemtjänst",
    "{title}: x", "hemtjänst + bankid", "\"\"\"", "'; DROP TABLE articles; --", "\\", "%", "_",
  };

  write_small_base (f);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(LotsSearchResult) result = search (f, queries[i]);
      (void) result;
    }
  /* The words inside the syntax are still searched as words. */
  {
    g_autoptr(LotsSearchResult) result = search (f, "(hemtjänst*");
    g_assert_cmpint (rank_of (result, "aldre/hemtjanst", NULL), ==, 0);
  }
  {
    g_autoptr(LotsSearchResult) result = search (f, "\"bankid\" AND");
    g_assert_cmpint (rank_of (result, "etjanster/bankid", NULL), ==, 0);
  }
  {
    /* NEAR in lower case is the word "near", not the operator. */
    g_autoptr(LotsSearchResult) result = search (f, "near ");
    g_assert_cmpint (rank_of (result, "etjanster/bankid", NULL), ==, 0);
    g_assert_cmpuint (result->hits->len, ==, 1);
  }
  {
    /* The index survived every query above. */
    g_autoptr(LotsSearchResult) result = search (f, "hemtjänst");
    g_assert_cmpint (rank_of (result, "aldre/hemtjanst", NULL), ==, 0);
  }
}

static void
test_invalid_utf8_query (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LotsSearchOptions options = { .today = TODAY };

  write_small_base (f);
  g_assert_null (lots_index_search (f->index, "hemtj\xe4nst", &options, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
}

/* ---- hits ------------------------------------------------------------------------------ */

static void
test_hit_fields (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) result = NULL;
  const LotsSearchHit *hit;
  LotsSearchOptions options = { .today = TODAY, .mark_open = "[", .mark_close = "]" };

  lots_test_write_manifest (dir, "falt", "aldre");
  lots_test_write_article (dir, "a.md", "aldre/larm", "Trygghetslarm", "aldre",
                           "summary: Larm för den som bor hemma.\n",
                           "Ett trygghetslarm ger kontakt med larmcentralen dygnet runt.");
  put_dir (f, dir);

  result = search_with (f->index, "larmcentralen", &options);
  g_assert_cmpuint (result->hits->len, ==, 1);
  hit = hit_at (result, 0);
  g_assert_cmpstr (hit->id, ==, "aldre/larm");
  g_assert_cmpstr (hit->title, ==, "Trygghetslarm");
  g_assert_cmpstr (hit->area, ==, "aldre");
  g_assert_cmpstr (hit->summary, ==, "Larm för den som bor hemma.");
  g_assert_cmpstr (hit->source, ==, "falt");
  g_assert_nonnull (hit->revision);
  g_assert_true (hit->current);
  g_assert_cmpfloat (hit->score, >, 0);
  g_assert_nonnull (strstr (hit->snippet, "[larmcentralen]"));
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) three = NULL;
  g_autoptr(LotsSearchResult) all = NULL;
  LotsSearchOptions options = { .today = TODAY, .limit = 3 };

  lots_test_write_manifest (dir, "manga", "aldre");
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%02u.md", i);
      g_autofree char *id = g_strdup_printf ("aldre/artikel-%u", i);
      lots_test_write_article (dir, name, id, "Blankett", "aldre", NULL, "En blankett för stöd.");
    }
  put_dir (f, dir);

  three = search_with (f->index, "blankett", &options);
  g_assert_cmpuint (three->hits->len, ==, 3);
  all = search (f, "blankett");
  g_assert_cmpuint (all->hits->len, ==, 10);
}

/* ---- the head table (title, keywords, summary) ------------------------------------ */

/* n articles titled "Trygghetslarm NUMBER", each saying little in its body,
 * and n_body whose body says "trygghetslarm" many times but whose title
 * does not. */
static void
write_larm_articles (const char *dir,
                     guint       n,
                     guint       n_body)
{
  g_autoptr(GString) often = g_string_new ("Om larmet.");

  for (guint i = 0; i < 40; i++)
    g_string_append (often, " Trygghetslarm hemma.");
  lots_test_write_manifest (dir, "huvud", "aldre");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("t%02u.md", i);
      g_autofree char *id = g_strdup_printf ("aldre/titel-%u", i);
      g_autofree char *title = g_strdup_printf ("Trygghetslarm %u", i);
      lots_test_write_article (dir, name, id, title, "aldre", NULL, "Kort om stöd i hemmet.");
    }
  for (guint i = 0; i < n_body; i++)
    {
      g_autofree char *name = g_strdup_printf ("b%02u.md", i);
      g_autofree char *id = g_strdup_printf ("aldre/brodtext-%u", i);
      lots_test_write_article (dir, name, id, "Stöd i hemmet", "aldre", NULL, often->str);
    }
}

/* With more title matches than results, the head table answers: an article
 * that has the word only in its body, however often, never outranks one
 * titled with it (lots_rank_body_bound() is why that holds for the whole
 * table's ranking too). */
static void
test_head_title_matches_first (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) result = NULL;
  LotsSearchOptions options = { .today = TODAY, .limit = 30 };

  write_larm_articles (dir, 12, 5);
  put_dir (f, dir);

  result = search (f, "trygghetslarm");
  g_assert_cmpuint (result->hits->len, ==, 10);
  for (guint i = 0; i < result->hits->len; i++)
    g_assert_true (g_str_has_prefix (hit_at (result, i)->id, "aldre/titel-"));

  /* Asked for more than the titles can fill, the whole table answers and
   * the body matches come after every title match. */
  g_clear_pointer (&result, lots_search_result_free);
  result = search_with (f->index, "trygghetslarm", &options);
  g_assert_cmpuint (result->hits->len, ==, 17);
  for (guint i = 0; i < result->hits->len; i++)
    g_assert_true (g_str_has_prefix (hit_at (result, i)->id, i < 12 ? "aldre/titel-" : "aldre/brodtext-"));
}

/* Fewer title matches than results: the body matches fill the list. */
static void
test_head_too_few_fall_back (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) result = NULL;

  write_larm_articles (dir, 3, 5);
  put_dir (f, dir);

  result = search (f, "trygghetslarm");
  g_assert_cmpuint (result->hits->len, ==, 8);
}

/* A word being typed matches every completion in titles, also one too rare
 * to be among the likeliest completions the whole table is asked for. */
static void
test_head_rare_completion (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const common[] = { "solen", "solig", "solsken", "solros", "solstol",
                                         "solkraft", "solceller", "solvarv", "solsemester" };
  g_autofree char *dir = source_dir (f, "src");
  g_autoptr(LotsSearchResult) result = NULL;

  lots_test_write_manifest (dir, "sol", "aldre");
  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    for (guint j = 0; j < 3; j++)
      {
        g_autofree char *name = g_strdup_printf ("c%u-%u.md", i, j);
        g_autofree char *id = g_strdup_printf ("aldre/vanlig-%u-%u", i, j);
        g_autofree char *body = g_strdup_printf ("Ett ord: %s.", common[i]);
        lots_test_write_article (dir, name, id, "Vanligt", "aldre", NULL, body);
      }
  lots_test_write_article (dir, "r.md", "aldre/glasogon", "Solglasögon på recept", "aldre", NULL,
                           "Hjälpmedel för synen.");
  put_dir (f, dir);

  result = search (f, "sol");
  g_assert_cmpint (rank_of (result, "aldre/glasogon", NULL), ==, 0);
  /* Typed on, the same article is found as a whole word. */
  g_clear_pointer (&result, lots_search_result_free);
  result = search (f, "solgl");
  g_assert_cmpint (rank_of (result, "aldre/glasogon", NULL), ==, 0);
}

/* FTS5's own check of the head table against the articles it indexes. */
static void
assert_head_consistent (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (f->index_file, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_true (lots_tokenizer_register (db, NULL, &error));
  rc = sqlite3_exec (db, "INSERT INTO head_sv (head_sv, rank) VALUES ('integrity-check', 1);"
                         "INSERT INTO fts_sv (fts_sv, rank) VALUES ('integrity-check', 1);", NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("integrity-check: %s", message);
  sqlite3_close (db);
}

/* The head table follows every change: a retitled article is no longer
 * found by its old title, a removed one not at all, an updated file is
 * found by its new title. */
static void
test_head_follows_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = source_dir (f, "src");
  g_autofree char *removed = g_build_filename (dir, "t03.md", NULL);
  g_autoptr(LotsSearchResult) result = NULL;
  LotsSearchOptions options = { .today = TODAY, .limit = 30 };

  write_larm_articles (dir, 12, 0);
  put_dir (f, dir);
  assert_head_consistent (f);

  lots_test_write_article (dir, "t00.md", "aldre/titel-0", "Matlåda", "aldre", NULL, "Mat hem.");
  g_assert_cmpint (g_remove (removed), ==, 0);
  put_dir (f, dir);
  assert_head_consistent (f);

  result = search_with (f->index, "trygghetslarm", &options);
  g_assert_cmpuint (result->hits->len, ==, 10);
  g_assert_cmpint (rank_of (result, "aldre/titel-0", NULL), ==, -1);
  g_assert_cmpint (rank_of (result, "aldre/titel-3", NULL), ==, -1);
  g_clear_pointer (&result, lots_search_result_free);
  result = search (f, "matlåda");
  g_assert_cmpint (rank_of (result, "aldre/titel-0", NULL), ==, 0);

  g_assert_true (lots_index_remove_source (f->index, "huvud", NULL));
  assert_head_consistent (f);
  g_clear_pointer (&result, lots_search_result_free);
  result = search (f, "trygghetslarm");
  g_assert_cmpuint (result->hits->len, ==, 0);
}

/* ---- the built-in base ------------------------------------------------------------- */

static void
test_builtin_base (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(LotsIndex) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsSearchResult) sv = NULL;
  g_autoptr(LotsSearchResult) en = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *data_dir = g_build_filename (f->sandbox, "data", NULL);
  g_autofree char *index_file = g_build_filename (data_dir, "index.sqlite", NULL);
  LotsSearchOptions english = { .today = TODAY, .lang = "en" };

  lots_paths_set_data_dir (data_dir);
  index = lots_builtin_open_index (&error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (index_file, G_FILE_TEST_IS_REGULAR));

  sources = lots_index_list_sources (index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (((LotsIndexedSource *) g_ptr_array_index (sources, 0))->kind, ==, LOTS_BUILTIN_KIND);
  g_assert_cmpuint (((LotsIndexedSource *) g_ptr_array_index (sources, 0))->n_articles, >=, 40);
  areas = lots_index_list_areas (index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, ==, 10);

  sv = search_with (index, "ansöka om hemtjänsten", NULL);
  g_assert_cmpint (rank_of (sv, "aldre/ansoka-hemtjanst", "sv"), ==, 0);

  /* Opening it again does not index it again: the revision is unchanged.
   * (A re-index would write the areas back, so they are emptied first.) */
  g_ptr_array_set_size (areas, 0);
  g_assert_true (lots_index_put_areas (index, areas, &error));
  g_assert_no_error (error);
  lots_index_close (g_steal_pointer (&index));
  again = lots_builtin_open_index (&error);
  lots_paths_set_data_dir (NULL);
  g_assert_no_error (error);
  g_clear_pointer (&areas, g_ptr_array_unref);
  areas = lots_index_list_areas (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, ==, 0);

  /* The English article about applying for home care, by its own title. */
  en = search_with (again, "applying for home care", &english);
  g_assert_cmpint (rank_of (en, "aldre/ansoka-hemtjanst", "en"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/index/filter/area", test_area_filter);
  ADD ("/index/filter/area-with-hyphen", test_area_filter_hyphenated);
  ADD ("/index/rank/boost-area", test_boost_area);
  ADD ("/index/rank/expired-last", test_expired_ranked_last);
  ADD ("/index/lang/translations", test_translations);
  ADD ("/index/lang/first-article-of-language", test_first_article_of_language);
  ADD ("/index/lang/unknown", test_unknown_language);
  ADD ("/index/prepare", test_prepare);
  ADD ("/index/put-source/clash-changes-nothing", test_clash_changes_nothing);
  ADD ("/index/put-source/removed-article", test_reput_removes_article);
  ADD ("/index/update-source/matches-put", test_update_matches_put);
  ADD ("/index/update-source/clash-changes-nothing", test_update_clash_changes_nothing);
  ADD ("/index/put-source/other-connection", test_other_connection_sees_new_content);
  ADD ("/index/rank/column-sizes-follow-other-writers", test_column_sizes_follow_other_writers);
  ADD ("/index/rank/column-sizes-match-fts5", test_column_sizes_match_fts5);
  ADD ("/index/remove-source", test_remove_source);
  ADD ("/index/open/corrupt-file", test_corrupt_file_rebuilt);
  ADD ("/index/open/foreign-database", test_foreign_database_rebuilt);
  ADD ("/index/open/reopen", test_reopen_keeps_content);
  ADD ("/index/query/empty", test_empty_query);
  ADD ("/index/query/only-stop-words", test_only_stop_words);
  ADD ("/index/query/200-words", test_long_query);
  ADD ("/index/query/fts5-syntax", test_fts5_syntax_in_query);
  ADD ("/index/query/invalid-utf8", test_invalid_utf8_query);
  ADD ("/index/hit/fields", test_hit_fields);
  ADD ("/index/hit/limit", test_limit);
  ADD ("/index/head/title-matches-first", test_head_title_matches_first);
  ADD ("/index/head/too-few-fall-back", test_head_too_few_fall_back);
  ADD ("/index/head/rare-completion", test_head_rare_completion);
  ADD ("/index/head/follows-changes", test_head_follows_changes);
  ADD ("/index/builtin/base", test_builtin_base);
#undef ADD

  return g_test_run ();
}

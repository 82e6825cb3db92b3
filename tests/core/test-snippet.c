/* test-snippet.c — snippets (lots-snippet.c): which words are marked, which
 * window is shown, and what happens when nothing matches.
 *
 * The queries are written as the planner writes them (quoted tokens, OR,
 * AND, a typed word's `"pre" *`), with their phrase → word maps; the words
 * are found through the real tokenizer and Hunspell, as the index finds
 * them.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-snippet.h"
#include "lots-tokenizer.h"

static char *
build (const char *match,
       const char *map,
       const char *text,
       guint       n_words)
{
  g_autoptr(LotsSnippetQuery) query = lots_snippet_query_new ("sv", match, map);

  return lots_snippet_build (query, text, n_words, "[", "]");
}

/* An inflected form in the text is marked when the query has its lemma. */
static void
test_inflected_form (void)
{
  g_autofree char *s = build ("(\"faktura\")", "0:3", "Fakturan kom i går. Ring om en faktura.", 20);

  g_assert_cmpstr (s, ==, "[Fakturan] kom i går. Ring om en [faktura].");
}

/* A compound is marked for its part; å/ä/ö-less forms for the folded token. */
static void
test_part_and_folded (void)
{
  g_autofree char *part = build ("(\"" LOTS_TOKEN_PART "tillstånd\")", "0:1",
                                 "Parkeringstillståndet gäller i hela staden.", 20);
  g_autofree char *folded = build ("(\"" LOTS_TOKEN_FOLDED "fardtjanst\")", "0:1",
                                   "Färdtjänst beviljas av stadsdelen.", 20);

  g_assert_cmpstr (part, ==, "[Parkeringstillståndet] gäller i hela staden.");
  g_assert_cmpstr (folded, ==, "[Färdtjänst] beviljas av stadsdelen.");
}

/* A typed word's prefix query marks every word it begins. */
static void
test_prefix (void)
{
  g_autofree char *s = build ("(\"sol\" OR \"sol\" *)", "0:1,0:1", "Solglasögon skyddar mot solen, inte mot regn.", 20);

  g_assert_cmpstr (s, ==, "[Solglasögon] skyddar mot [solen], inte mot regn.");
}

/* Words are looked at without allocating when their first letters are
 * Latin; capitals, accents, decomposed marks and other scripts must match
 * as the slow path (g_utf8_strdown(), then folding) matches them. */
static void
test_letter_cases (void)
{
  /* Capitals and å/ä/ö: ÄLDREBOENDE begins as "ald" does once folded. */
  g_autofree char *upper = build ("(\"äldreboende\")", "0:1", "Om ÄLDREBOENDE och Äldreboendet.", 20);
  /* A decomposed ä (a + U+0308) is the same letter. */
  g_autofree char *decomposed = build ("(\"" LOTS_TOKEN_FOLDED "aldreboende\")", "0:1",
                                       "Om a\xcc\x88ldreboende.", 20);
  /* Greek capitals go the slow way and still match. */
  g_autofree char *greek = build ("(\"αθήνα\" OR \"αθ\" *)", "0:1,0:1", "Resa till ΑΘΗΝΑ och Αθήνα.", 20);
  /* A dotted capital I lowers to two characters: no crash, no false mark. */
  g_autofree char *dotted = build ("(\"ist\" *)", "0:1", "\xc4\xb0stanbul och istället.", 20);
  /* A typed prefix matches whatever the word's case. */
  g_autofree char *prefix = build ("(\"park\" *)", "0:1", "PARKERING, Parkeringen och parken.", 20);

  g_assert_cmpstr (upper, ==, "Om [ÄLDREBOENDE] och [Äldreboendet].");
  g_assert_cmpstr (decomposed, ==, "Om [a\xcc\x88ldreboende].");
  g_assert_cmpstr (greek, ==, "Resa till [ΑΘΗΝΑ] och [Αθήνα].");
  g_assert_cmpstr (dotted, ==, "\xc4\xb0stanbul och [istället].");
  g_assert_cmpstr (prefix, ==, "[PARKERING], [Parkeringen] och [parken].");
}

/* The window shown has the most distinct query words, then the most hits,
 * with a little context before the first; "…" where text is left out. */
static void
test_window (void)
{
  g_autoptr(GString) text = g_string_new ("Larm ");
  g_autofree char *s = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "ord ");
  g_string_append (text, "mer om avgift för larm och sedan");
  for (guint i = 0; i < 40; i++)
    g_string_append (text, " slut");
  s = build ("(\"larm\") AND (\"avgift\")", "0:5,1:5", text->str, 8);
  g_assert_cmpstr (s, ==, "…mer om [avgift] för [larm] och sedan slut…");
}

static void
test_no_match (void)
{
  g_autofree char *s = build ("(\"bygglov\")", "0:1", "Inget här handlar om det.", 20);
  g_autofree char *empty = build ("(\"bygglov\")", "0:1", "", 20);

  g_assert_null (s);
  g_assert_null (empty);
}

/* Hostile input: quotes inside tokens, an unterminated quote, no map, a
 * map shorter than the phrases, bytes that are not UTF-8. */
static void
test_hostile (void)
{
  g_autofree char *quoted = build ("(\"a\"\"b\" OR \"larm\")", "0:1", "Ett larm.", 20);
  g_autofree char *open = build ("(\"larm", NULL, "Ett larm.", 20);
  g_autofree char *bad = build ("(\"larm\")", "", "Ett \xff\xfe larm \xc3.", 20);
  g_autofree char *nothing = build ("", NULL, "Ett larm.", 20);

  g_assert_cmpstr (quoted, ==, "Ett [larm].");
  g_assert_cmpstr (open, ==, "Ett [larm].");
  g_assert_nonnull (bad);
  g_assert_nonnull (strstr (bad, "[larm]"));
  g_assert_null (nothing);
}

static void
test_lead (void)
{
  g_autofree char *cut = lots_snippet_lead ("Ett två tre fyra.", 2);
  g_autofree char *whole = lots_snippet_lead ("Ett två.", 5);

  g_assert_cmpstr (cut, ==, "Ett två…");
  g_assert_cmpstr (whole, ==, "Ett två.");
  g_assert_null (lots_snippet_lead ("  ... ", 5));
  g_assert_null (lots_snippet_lead (NULL, 5));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/snippet/inflected-form", test_inflected_form);
  g_test_add_func ("/snippet/part-and-folded", test_part_and_folded);
  g_test_add_func ("/snippet/prefix", test_prefix);
  g_test_add_func ("/snippet/letter-cases", test_letter_cases);
  g_test_add_func ("/snippet/window", test_window);
  g_test_add_func ("/snippet/no-match", test_no_match);
  g_test_add_func ("/snippet/hostile", test_hostile);
  g_test_add_func ("/snippet/lead", test_lead);
  return g_test_run ();
}

/* test-article.c — parsing and checking one article (lots-article.c).
 *
 * Every mistake a publisher can make in one file must come back as a
 * diagnostic at the line an editor shows it on, and no file — empty,
 * binary, huge, nested 100,000 levels deep, a YAML bomb — may crash the
 * parser. Checks that need the whole source (duplicate ids, links to
 * missing articles) are in test-source.c.
 *
 * Most tests start from the same valid article and change one line:
 *
 *   1  ---
 *   2  id: aldre/hemtjanst
 *   3  title: Hemtjänst
 *   4  area: aldre
 *   5  ---
 *   6  Hemtjänst är hjälp i hemmet.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-article.h"
#include "lots-diagnostic.h"
#include "lots-manifest.h"

#define VALID "---\nid: aldre/hemtjanst\ntitle: Hemtjänst\narea: aldre\n---\nHemtjänst är hjälp i hemmet.\n"

typedef struct {
  LotsManifest *manifest;
  GPtrArray *diagnostics;
  LotsArticle *article;
} Parsed;

static LotsManifest *
test_manifest (void)
{
  LotsManifest *manifest = g_new0 (LotsManifest, 1);
  const char *areas[] = { "aldre", "forskola", NULL };

  manifest->id = g_strdup ("test");
  manifest->title = g_strdup ("Test");
  manifest->owner = g_strdup ("Test");
  manifest->lang = g_strdup ("sv");
  manifest->areas = g_strdupv ((char **) areas);
  return manifest;
}

static void
parsed_clear (Parsed *p)
{
  g_clear_pointer (&p->article, lots_article_free);
  g_clear_pointer (&p->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&p->manifest, lots_manifest_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static void
parse_len (Parsed     *p,
           const char *text,
           gsize       length)
{
  p->manifest = test_manifest ();
  p->diagnostics = lots_diagnostics_new ();
  p->article = lots_article_parse ("a.md", text, length, p->manifest, p->diagnostics);
  for (guint i = 0; i < p->diagnostics->len; i++)
    {
      g_autofree char *line = lots_diagnostic_format (g_ptr_array_index (p->diagnostics, i), NULL);
      g_test_message ("%s", line);
    }
}

static void
parse (Parsed     *p,
       const char *text)
{
  parse_len (p, text, strlen (text));
}

/* VALID with line `line` (1-based) replaced by replacement (which may hold
 * several lines, or be "" to drop the line). */
static char *
valid_with_line (guint       line,
                 const char *replacement)
{
  g_auto(GStrv) lines = g_strsplit (VALID, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i + 1] == NULL && lines[i][0] == '\0')
        break;
      if (i + 1 == line)
        {
          if (*replacement)
            g_string_append_printf (out, "%s\n", replacement);
        }
      else
        g_string_append_printf (out, "%s\n", lines[i]);
    }
  return g_string_free (out, FALSE);
}

/* Exactly one error, at line, whose message contains needle; no article. */
static void
assert_error_at (Parsed     *p,
                 guint       line,
                 const char *needle)
{
  const LotsDiagnostic *d;

  g_assert_null (p->article);
  g_assert_cmpuint (lots_diagnostics_n_errors (p->diagnostics), ==, 1);
  for (guint i = 0; i < p->diagnostics->len; i++)
    {
      d = g_ptr_array_index (p->diagnostics, i);
      if (d->severity != LOTS_SEVERITY_ERROR)
        continue;
      g_assert_cmpstr (d->path, ==, "a.md");
      g_assert_cmpuint (d->line, ==, line);
      if (strstr (d->message, needle) == NULL)
        g_test_message ("expected '%s' in: %s", needle, d->message);
      g_assert_nonnull (strstr (d->message, needle));
    }
}

static void
assert_error_line_for (guint       line,
                       const char *replacement,
                       guint       expected_line,
                       const char *needle)
{
  g_auto(Parsed) p = { 0 };
  g_autofree char *text = valid_with_line (line, replacement);

  parse (&p, text);
  assert_error_at (&p, expected_line, needle);
}

/* ---- a valid article ---------------------------------------------------------- */

static void
test_parse_valid (void)
{
  g_auto(Parsed) p = { 0 };

  parse (&p, "---\n"
             "id: aldre/trygghetslarm\n"
             "title: Trygghetslarm\n"
             "area: aldre\n"
             "tags: [larm, trygghet]\n"
             "synonyms:\n"
             "  - larmknapp\n"
             "summary: Ett larm för den som bor hemma.\n"
             "owner: Äldreförvaltningen\n"
             "valid_from: 2024-01-01\n"
             "valid_until: 2026-12-31\n"
             "---\n"
             "## Kort svar\n"
             "\n"
             "Ett **trygghetslarm** ger kontakt med larmcentralen.\n"
             "Se [hemtjänst](lots:aldre/hemtjanst).\n");
  g_assert_nonnull (p.article);
  g_assert_cmpuint (p.diagnostics->len, ==, 0);
  g_assert_cmpstr (p.article->path, ==, "a.md");
  g_assert_cmpstr (p.article->id, ==, "aldre/trygghetslarm");
  g_assert_cmpuint (p.article->id_line, ==, 2);
  g_assert_cmpstr (p.article->title, ==, "Trygghetslarm");
  g_assert_cmpstr (p.article->area, ==, "aldre");
  g_assert_cmpstr (p.article->lang, ==, "sv");
  g_assert_cmpstr (p.article->summary, ==, "Ett larm för den som bor hemma.");
  g_assert_cmpstr (p.article->owner, ==, "Äldreförvaltningen");
  g_assert_cmpstr (p.article->valid_from, ==, "2024-01-01");
  g_assert_cmpstr (p.article->valid_until, ==, "2026-12-31");
  g_assert_cmpuint (g_strv_length (p.article->tags), ==, 2);
  g_assert_cmpstr (p.article->tags[1], ==, "trygghet");
  g_assert_cmpuint (g_strv_length (p.article->synonyms), ==, 1);
  g_assert_cmpstr (p.article->synonyms[0], ==, "larmknapp");
  g_assert_cmpuint (p.article->body_line, ==, 13);
  g_assert_true (g_str_has_prefix (p.article->markdown, "## Kort svar\n"));
  g_assert_cmpstr (p.article->text, ==, "Kort svar\nEtt trygghetslarm ger kontakt med larmcentralen. Se hemtjänst.");
  g_assert_cmpuint (p.article->links->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (p.article->links, 0), ==, "aldre/hemtjanst");
  g_assert_cmpuint (g_array_index (p.article->link_lines, guint, 0), ==, 16);
}

static void
test_parse_lang (void)
{
  g_auto(Parsed) en = { 0 };
  g_autofree char *text = valid_with_line (4, "area: aldre\nlang: en");

  parse (&en, text);
  g_assert_nonnull (en.article);
  g_assert_cmpstr (en.article->lang, ==, "en");

  assert_error_line_for (4, "area: aldre\nlang: svenska", 5, "lang");
}

static void
test_is_current (void)
{
  LotsArticle article = { 0 };

  g_assert_true (lots_article_is_current (&article, "2025-06-02"));
  article.valid_from = (char *) "2025-01-01";
  article.valid_until = (char *) "2025-12-31";
  g_assert_false (lots_article_is_current (&article, "2024-12-31"));
  g_assert_true (lots_article_is_current (&article, "2025-01-01"));
  g_assert_true (lots_article_is_current (&article, "2025-12-31"));
  g_assert_false (lots_article_is_current (&article, "2026-01-01"));
}

static void
test_markdown_to_text (void)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  const char *markdown = "# Rubrik\n\n"
                         "Text med *kursiv* och `kod`, [en länk](https://stockholm.se) och "
                         "[en artikel](lots:forskola/ko).\n\n"
                         "| Enhet | Telefon |\n|---|---|\n| Socialjouren | 08-508 40 000 |\n\n"
                         "- ett\n- två\n\n"
                         "![bild](x.png) &amp; slut";
  g_autofree char *text = lots_markdown_to_text (markdown, strlen (markdown), links);

  g_assert_true (g_str_has_prefix (text, "Rubrik\nText med kursiv och kod, en länk och en artikel."));
  g_assert_nonnull (strstr (text, "Socialjouren 08-508 40 000"));
  g_assert_nonnull (strstr (text, "ett\ntvå"));
  g_assert_true (g_str_has_suffix (text, "& slut"));
  g_assert_null (strchr (text, '|'));
  g_assert_null (strchr (text, '#'));
  g_assert_null (strstr (text, "https"));
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (links, 0), ==, "forskola/ko");
}

/* ---- lint, with lines ---------------------------------------------------------- */

/* `title: [unclosed` on line 3 is reported on line 3, where the bracket is. */
static void
test_lint_bad_yaml (void)
{
  assert_error_line_for (4, "area: aldre\n\tx: 1", 5, "YAML");
  assert_error_line_for (4, "area: aldre\nid: aldre/igen", 5, "duplicate key 'id'");
  assert_error_line_for (3, "title: [unclosed", 3, "YAML");
  assert_error_line_for (3, "title: \"unclosed", 3, "YAML");
}

static void
test_lint_missing_keys (void)
{
  /* Missing entirely: the front matter's first line. */
  assert_error_line_for (2, "", 2, "missing 'id'");
  assert_error_line_for (3, "", 2, "missing 'title'");
  assert_error_line_for (4, "", 2, "missing 'area'");
  /* Present but empty: the key's own line. */
  assert_error_line_for (3, "title:", 3, "missing 'title'");
  assert_error_line_for (3, "title: \"  \"", 3, "'title' is empty");
  assert_error_line_for (4, "area: ~", 4, "missing 'area'");
  assert_error_line_for (3, "title: [a, b]", 3, "single value");
}

static void
test_lint_area_not_in_manifest (void)
{
  /* id and area agree; only the manifest does not allow the area. */
  assert_error_line_for (2, "id: skola/hemtjanst", 2, "must start with its area");
  {
    g_auto(Parsed) p = { 0 };
    parse (&p, "---\nid: skola/hemtjanst\ntitle: Hemtjänst\n\narea: skola\n---\nText.\n");
    assert_error_at (&p, 5, "area 'skola' is not one of this source's areas");
  }
}

static void
test_lint_bad_slug (void)
{
  assert_error_line_for (2, "id: aldre/Hemtjänst", 2, "bad slug");
  assert_error_line_for (2, "id: aldre/hem_tjanst", 2, "bad slug");
  assert_error_line_for (2, "id: aldre/hem--tjanst", 2, "bad slug");
  assert_error_line_for (2, "id: aldre/-hemtjanst", 2, "bad slug");
  assert_error_line_for (2, "id: aldre/", 2, "bad slug");
  assert_error_line_for (2, "id: hemtjanst", 2, "AREA/SLUG");
  assert_error_line_for (2, "id: aldre/hem/tjanst", 2, "AREA/SLUG");
}

static void
test_lint_id_area_mismatch (void)
{
  assert_error_line_for (2, "id: forskola/hemtjanst", 2, "must start with its area 'aldre/'");
  assert_error_line_for (2, "id: ald/hemtjanst", 2, "must start with its area");
  assert_error_line_for (2, "id: aldreomsorg/hemtjanst", 2, "must start with its area");
}

static void
test_lint_dates (void)
{
  const char *bad[] = { "2025-02-30", "2025-13-01", "igår", "2025-1-01", "2023-02-29", "01-06-2025", "2025-06-01T10:00" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *from = g_strdup_printf ("area: aldre\nvalid_from: %s", bad[i]);
      g_autofree char *until = g_strdup_printf ("area: aldre\nsummary: x\nvalid_until: %s", bad[i]);

      assert_error_line_for (4, from, 5, "'valid_from' must be a date");
      assert_error_line_for (4, until, 6, "'valid_until' must be a date");
    }
  /* A leap day that exists. */
  {
    g_auto(Parsed) p = { 0 };
    g_autofree char *text = valid_with_line (4, "area: aldre\nvalid_from: 2024-02-29");
    parse (&p, text);
    g_assert_nonnull (p.article);
    g_assert_cmpstr (p.article->valid_from, ==, "2024-02-29");
  }
  assert_error_line_for (4, "area: aldre\nvalid_from: 2025-06-01\nowner: x\nvalid_until: 2025-05-31", 7,
                         "'valid_until' (2025-05-31) is before 'valid_from' (2025-06-01)");
}

/* The line of the first byte that is not UTF-8. */
static void
test_lint_not_utf8 (void)
{
  g_auto(Parsed) title = { 0 };
  g_auto(Parsed) body = { 0 };

  parse (&title, "---\nid: aldre/x\ntitle: H\xe4lsa\narea: aldre\n---\nText.\n");
  assert_error_at (&title, 3, "UTF-8");
  parse (&body, "---\nid: aldre/x\ntitle: X\narea: aldre\n---\nRad sex.\nRad sju.\nRad \xf6tta.\n");
  assert_error_at (&body, 8, "UTF-8");
}

static void
test_lint_front_matter_not_closed (void)
{
  g_auto(Parsed) p = { 0 };

  parse (&p, "---\nid: aldre/x\ntitle: X\narea: aldre\n\nText utan slut.\n");
  assert_error_at (&p, 1, "never closed");
}

static void
test_lint_no_front_matter (void)
{
  const char *texts[] = { "# Hemtjänst\n\nText.\n", "--\nid: x\n", "----\nid: x\n----\n", "x", "\n---\nid: aldre/x\n---\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto(Parsed) p = { 0 };
      parse (&p, texts[i]);
      assert_error_at (&p, 1, "missing front matter");
    }
}

static void
test_lint_front_matter_not_mapping (void)
{
  g_auto(Parsed) list = { 0 };
  g_auto(Parsed) scalar = { 0 };
  g_auto(Parsed) empty = { 0 };

  parse (&list, "---\n- id\n- title\n---\nText.\n");
  assert_error_at (&list, 2, "must be keys");
  parse (&scalar, "---\n\nbara text\n---\nText.\n");
  assert_error_at (&scalar, 3, "must be keys");
  parse (&empty, "---\n---\nText.\n");
  g_assert_null (empty.article);
  g_assert_cmpuint (lots_diagnostics_n_errors (empty.diagnostics), ==, 1);
}

static void
test_lint_unknown_key (void)
{
  g_auto(Parsed) p = { 0 };
  g_autofree char *text = valid_with_line (4, "area: aldre\ntitel: Stavfel");
  const LotsDiagnostic *d;

  parse (&p, text);
  g_assert_nonnull (p.article);
  g_assert_cmpuint (p.diagnostics->len, ==, 1);
  d = g_ptr_array_index (p.diagnostics, 0);
  g_assert_cmpint (d->severity, ==, LOTS_SEVERITY_WARNING);
  g_assert_cmpuint (d->line, ==, 5);
  g_assert_nonnull (strstr (d->message, "unknown key 'titel'"));
}

static void
test_lint_tags_not_list (void)
{
  assert_error_line_for (4, "area: aldre\ntags: larm", 5, "'tags' must be a list");
  assert_error_line_for (4, "area: aldre\nsynonyms: {a: b}", 5, "'synonyms' must be a list");
  assert_error_line_for (4, "area: aldre\ntags:\n  - larm\n  - {a: b}", 7, "each item of 'tags'");
  /* An empty list and no list at all are both fine. */
  {
    g_auto(Parsed) p = { 0 };
    g_autofree char *text = valid_with_line (4, "area: aldre\ntags: []\nsynonyms:");
    parse (&p, text);
    g_assert_nonnull (p.article);
    g_assert_cmpuint (g_strv_length (p.article->tags), ==, 0);
    g_assert_cmpuint (g_strv_length (p.article->synonyms), ==, 0);
  }
}

static void
test_lint_empty_body (void)
{
  g_auto(Parsed) p = { 0 };
  const LotsDiagnostic *d;

  parse (&p, "---\nid: aldre/x\ntitle: X\narea: aldre\n---\n\n   \n");
  g_assert_nonnull (p.article);
  g_assert_cmpuint (p.diagnostics->len, ==, 1);
  d = g_ptr_array_index (p.diagnostics, 0);
  g_assert_cmpint (d->severity, ==, LOTS_SEVERITY_WARNING);
  g_assert_cmpuint (d->line, ==, 6);
}

/* Every problem of a file is reported, not just the first. */
static void
test_lint_all_problems (void)
{
  g_auto(Parsed) p = { 0 };

  parse (&p, "---\nid: aldre/Fel\ntitle: X\narea: skola\nvalid_from: igår\nfarg: blå\n---\nText.\n");
  g_assert_null (p.article);
  g_assert_cmpuint (lots_diagnostics_n_errors (p.diagnostics), ==, 4);
  g_assert_cmpuint (p.diagnostics->len, ==, 5);
}

/* ---- bad input ----------------------------------------------------------------- */

static void
test_input_empty (void)
{
  g_auto(Parsed) p = { 0 };

  parse_len (&p, "", 0);
  assert_error_at (&p, 0, "empty file");
}

static void
test_input_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) after = { 0 };
  g_autofree char *nul_in_body = g_strdup (VALID);

  parse_len (&p, png, sizeof png - 1);
  assert_error_at (&p, 0, "binary");
  nul_in_body[strlen (nul_in_body) - 3] = '\0';
  parse_len (&after, nul_in_body, strlen (VALID));
  assert_error_at (&after, 0, "binary");
}

/* Between LOTS_ARTICLE_MAX_SIZE and the source's file limit: read, then
 * refused with a message that says what to do. */
static void
test_input_too_large (void)
{
  g_auto(Parsed) p = { 0 };
  g_autoptr(GString) text = g_string_new (VALID);

  while (text->len <= 2 * LOTS_ARTICLE_MAX_SIZE)
    g_string_append (text, "Hemtjänst är hjälp i hemmet, och den söks hos stadsdelen.\n");
  parse_len (&p, text->str, text->len);
  assert_error_at (&p, 0, "at most");
  g_assert_nonnull (strstr (((LotsDiagnostic *) g_ptr_array_index (p.diagnostics, 0))->message, "split"));
}

/* Just under the limit is accepted. */
static void
test_input_largest (void)
{
  g_auto(Parsed) p = { 0 };
  g_autoptr(GString) text = g_string_new (VALID);
  const char *line = "Hemtjänst är hjälp i hemmet.\n";

  while (text->len + strlen (line) <= LOTS_ARTICLE_MAX_SIZE)
    g_string_append (text, line);
  parse_len (&p, text->str, text->len);
  g_assert_nonnull (p.article);
}

static void
assert_nested_body_parses (const char *unit,
                           guint       depth)
{
  g_auto(Parsed) p = { 0 };
  g_autoptr(GString) text = g_string_new ("---\nid: aldre/x\ntitle: X\narea: aldre\n---\n");

  for (guint i = 0; i < depth; i++)
    g_string_append (text, unit);
  g_string_append (text, "djupt\n\nEfteråt.\n");
  parse_len (&p, text->str, text->len);
  g_assert_nonnull (p.article);
  g_assert_nonnull (strstr (p.article->text, "Efteråt."));
}

static void
test_input_nested_blockquotes (void)
{
  assert_nested_body_parses (">", 100000);
  assert_nested_body_parses ("> ", 100000);
}

static void
test_input_nested_lists (void)
{
  assert_nested_body_parses ("- ", 100000);
  assert_nested_body_parses ("1. ", 100000);
  assert_nested_body_parses ("* [", 50000);
}

static void
test_input_nested_inline (void)
{
  g_auto(Parsed) p = { 0 };
  g_autoptr(GString) text = g_string_new ("---\nid: aldre/x\ntitle: X\narea: aldre\n---\n");

  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "*[");
  g_string_append (text, "mitten");
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "](lots:aldre/x)*");
  parse_len (&p, text->str, text->len);
  g_assert_nonnull (p.article);
}

static void
test_input_yaml_bombs (void)
{
  g_autoptr(GString) laughs = g_string_new ("---\nid: aldre/x\ntitle: X\narea: aldre\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
  g_autoptr(GString) nested = g_string_new ("---\nid: aldre/x\ntitle: X\narea: aldre\ntags: ");
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) q = { 0 };

  for (char c = 'b'; c <= 'j'; c++)
    {
      g_string_append_printf (laughs, "%c: &%c [", c, c);
      for (int i = 0; i < 9; i++)
        g_string_append_printf (laughs, "%s*%c", i ? "," : "", c - 1);
      g_string_append (laughs, "]\n");
    }
  g_string_append (laughs, "---\nText.\n");
  parse_len (&p, laughs->str, laughs->len);
  g_assert_null (p.article);
  g_assert_cmpuint (lots_diagnostics_n_errors (p.diagnostics), ==, 1);
  g_assert_nonnull (strstr (((LotsDiagnostic *) g_ptr_array_index (p.diagnostics, 0))->message, "aliases"));
  g_assert_cmpuint (((LotsDiagnostic *) g_ptr_array_index (p.diagnostics, 0))->line, ==, 5);

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (nested, ']');
  g_string_append (nested, "\n---\nText.\n");
  parse_len (&q, nested->str, nested->len);
  assert_error_at (&q, 5, "nested too deeply");
}

static void
test_input_crlf (void)
{
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) bad = { 0 };

  parse (&p, "---\r\nid: aldre/x\r\ntitle: Hemtjänst\r\narea: aldre\r\ntags: [a, b]\r\n---\r\nRad ett.\r\nSe [x](lots:aldre/y).\r\n");
  g_assert_nonnull (p.article);
  g_assert_cmpuint (p.diagnostics->len, ==, 0);
  g_assert_cmpstr (p.article->title, ==, "Hemtjänst");
  g_assert_cmpstr (p.article->tags[1], ==, "b");
  g_assert_cmpuint (p.article->body_line, ==, 7);
  g_assert_null (strchr (p.article->text, '\r'));
  g_assert_cmpuint (g_array_index (p.article->link_lines, guint, 0), ==, 8);

  parse (&bad, "---\r\nid: skola/x\r\ntitle: X\r\n\r\narea: skola\r\n---\r\nText.\r\n");
  assert_error_at (&bad, 5, "area 'skola'");
}

static void
test_input_bom (void)
{
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) bad = { 0 };
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", VALID, NULL);

  parse (&p, text);
  g_assert_nonnull (p.article);
  g_assert_cmpuint (p.diagnostics->len, ==, 0);
  g_assert_cmpstr (p.article->id, ==, "aldre/hemtjanst");
  g_assert_cmpuint (p.article->body_line, ==, 6);

  parse (&bad, "\xEF\xBB\xBF---\nid: skola/x\ntitle: X\narea: skola\n---\nText.\n");
  assert_error_at (&bad, 4, "area 'skola'");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article/parse/valid", test_parse_valid);
  g_test_add_func ("/article/parse/lang", test_parse_lang);
  g_test_add_func ("/article/parse/is-current", test_is_current);
  g_test_add_func ("/article/parse/markdown-to-text", test_markdown_to_text);
  g_test_add_func ("/article/lint/bad-yaml", test_lint_bad_yaml);
  g_test_add_func ("/article/lint/missing-keys", test_lint_missing_keys);
  g_test_add_func ("/article/lint/area-not-in-manifest", test_lint_area_not_in_manifest);
  g_test_add_func ("/article/lint/bad-slug", test_lint_bad_slug);
  g_test_add_func ("/article/lint/id-area-mismatch", test_lint_id_area_mismatch);
  g_test_add_func ("/article/lint/dates", test_lint_dates);
  g_test_add_func ("/article/lint/not-utf8", test_lint_not_utf8);
  g_test_add_func ("/article/lint/front-matter-not-closed", test_lint_front_matter_not_closed);
  g_test_add_func ("/article/lint/no-front-matter", test_lint_no_front_matter);
  g_test_add_func ("/article/lint/front-matter-not-keys", test_lint_front_matter_not_mapping);
  g_test_add_func ("/article/lint/unknown-key", test_lint_unknown_key);
  g_test_add_func ("/article/lint/tags-not-list", test_lint_tags_not_list);
  g_test_add_func ("/article/lint/empty-body", test_lint_empty_body);
  g_test_add_func ("/article/lint/all-problems", test_lint_all_problems);
  g_test_add_func ("/article/input/empty", test_input_empty);
  g_test_add_func ("/article/input/binary", test_input_binary);
  g_test_add_func ("/article/input/too-large", test_input_too_large);
  g_test_add_func ("/article/input/largest", test_input_largest);
  g_test_add_func ("/article/input/nested-blockquotes", test_input_nested_blockquotes);
  g_test_add_func ("/article/input/nested-lists", test_input_nested_lists);
  g_test_add_func ("/article/input/nested-inline", test_input_nested_inline);
  g_test_add_func ("/article/input/yaml-bombs", test_input_yaml_bombs);
  g_test_add_func ("/article/input/crlf", test_input_crlf);
  g_test_add_func ("/article/input/bom", test_input_bom);

  return g_test_run ();
}

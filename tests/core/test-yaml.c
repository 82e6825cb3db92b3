/* test-yaml.c — the bounded YAML tree of lots-yaml.c.
 *
 * Manifests and front matter come from district repositories, so the YAML
 * reader must report a publisher's mistake at the right file line and must
 * refuse hostile input (alias bombs, deep nesting, huge documents) with a
 * clear error instead of crashing or exhausting memory.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-error.h"
#include "lots-yaml.h"

/* Parses text that must be valid YAML; first_line as lots_yaml_parse's. */
static LotsYamlNode *
parse_ok (const char *text,
          guint       first_line)
{
  g_autoptr(GError) error = NULL;
  guint error_line = 0;
  LotsYamlNode *root = lots_yaml_parse (text, strlen (text), first_line, &error_line, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

/* Parses text that must be refused; returns the error line, and checks the
 * message contains needle (when given). */
static guint
parse_error (const char *text,
             gsize       length,
             guint       first_line,
             const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsYamlNode) root = NULL;
  guint error_line = 0;

  root = lots_yaml_parse (text, length, first_line, &error_line, &error);
  g_assert_null (root);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_test_message ("message: %s", error->message);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
  return error_line;
}

static const LotsYamlNode *
child (const LotsYamlNode *node,
       guint               i)
{
  g_assert_nonnull (node->children);
  g_assert_cmpuint (i, <, node->children->len);
  return g_ptr_array_index (node->children, i);
}

/* ---- trees and lines --------------------------------------------------------- */

static void
test_parse_lines (void)
{
  g_autoptr(LotsYamlNode) root = parse_ok ("id: aldre/x\n"
                                           "title: Hemtjänst\n"
                                           "\n"
                                           "tags:\n"
                                           "  - larm\n"
                                           "  - trygghet\n"
                                           "synonyms: [a, b]\n", 10);
  const LotsYamlNode *tags, *synonyms;

  g_assert_cmpint (root->kind, ==, LOTS_YAML_MAPPING);
  g_assert_cmpuint (root->children->len, ==, 8);
  g_assert_cmpstr (child (root, 0)->scalar, ==, "id");
  g_assert_cmpuint (child (root, 0)->line, ==, 10);
  g_assert_cmpstr (lots_yaml_node_lookup (root, "title")->scalar, ==, "Hemtjänst");
  g_assert_cmpuint (lots_yaml_node_lookup (root, "title")->line, ==, 11);

  tags = lots_yaml_node_lookup (root, "tags");
  g_assert_cmpint (tags->kind, ==, LOTS_YAML_SEQUENCE);
  g_assert_cmpuint (tags->children->len, ==, 2);
  g_assert_cmpstr (child (tags, 1)->scalar, ==, "trygghet");
  g_assert_cmpuint (child (tags, 0)->line, ==, 14);
  g_assert_cmpuint (child (tags, 1)->line, ==, 15);

  synonyms = lots_yaml_node_lookup (root, "synonyms");
  g_assert_cmpint (synonyms->kind, ==, LOTS_YAML_SEQUENCE);
  g_assert_cmpuint (synonyms->line, ==, 16);
  g_assert_null (lots_yaml_node_lookup (root, "area"));
  /* Looking up in something that is not a mapping finds nothing. */
  g_assert_null (lots_yaml_node_lookup (tags, "larm"));
}

static void
test_parse_null_and_quoted (void)
{
  g_autoptr(LotsYamlNode) root = parse_ok ("a:\nb: ~\nc: null\nd: NULL\ne: \"null\"\nf: ''\ng: x\nh: []\n", 1);

  g_assert_true (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "a")));
  g_assert_true (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "b")));
  g_assert_true (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "c")));
  g_assert_true (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "d")));
  g_assert_false (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "e")));
  g_assert_true (lots_yaml_node_lookup (root, "e")->quoted);
  g_assert_false (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "f")));
  g_assert_false (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "g")));
  g_assert_false (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "h")));
  g_assert_true (lots_yaml_node_is_null (lots_yaml_node_lookup (root, "missing")));
}

static void
test_parse_crlf (void)
{
  g_autoptr(LotsYamlNode) root = parse_ok ("id: x\r\ntitle: Hej\r\n\r\narea: aldre\r\n", 2);

  g_assert_cmpstr (lots_yaml_node_lookup (root, "title")->scalar, ==, "Hej");
  g_assert_cmpuint (lots_yaml_node_lookup (root, "area")->line, ==, 5);
}

static void
test_parse_empty (void)
{
  g_assert_cmpuint (parse_error ("", 0, 1, "empty"), ==, 1);
  g_assert_cmpuint (parse_error ("# bara en kommentar\n", 20, 1, "empty"), ==, 1);
  g_assert_cmpuint (parse_error (NULL, 0, 7, "empty"), ==, 7);
}

/* ---- mistakes, at their line ---------------------------------------------------- */

static void
test_error_tab (void)
{
  const char *text = "a: 1\n\tb: 2\n";

  g_assert_cmpuint (parse_error (text, strlen (text), 1, "tab"), ==, 2);
  g_assert_cmpuint (parse_error (text, strlen (text), 5, "tab"), ==, 6);
}

static void
test_error_bad_indent (void)
{
  const char *text = "id: x\ntitle: X\n  bad: indent\narea: aldre\n";

  g_assert_cmpuint (parse_error (text, strlen (text), 2, NULL), ==, 4);
}

/* An unclosed bracket or quote is reported where it was opened, which is
 * where the publisher has to look, not where the parser gave up. */
static void
test_error_unclosed (void)
{
  const char *bracket = "id: aldre/x\ntitle: [unclosed\narea: aldre\n";
  const char *brace = "id: aldre/x\ntitle: {a: b\narea: aldre\n";
  const char *quote = "id: aldre/x\ntitle: \"unclosed\narea: aldre\n";

  g_assert_cmpuint (parse_error (bracket, strlen (bracket), 2, NULL), ==, 3);
  g_assert_cmpuint (parse_error (brace, strlen (brace), 2, NULL), ==, 3);
  g_assert_cmpuint (parse_error (quote, strlen (quote), 2, NULL), ==, 3);
}

static void
test_error_duplicate_key (void)
{
  const char *text = "a: 1\nb: 2\na: 3\n";
  const char *nested = "a:\n  x: 1\n  y: 2\n  x: 3\n";

  g_assert_cmpuint (parse_error (text, strlen (text), 1, "duplicate key 'a'"), ==, 3);
  g_assert_cmpuint (parse_error (nested, strlen (nested), 1, "duplicate key 'x'"), ==, 4);
}

static void
test_error_key_not_scalar (void)
{
  const char *text = "a: 1\n? [x, y]\n: b\n";

  g_assert_cmpuint (parse_error (text, strlen (text), 1, "key"), ==, 2);
}

/* ---- hostile input ------------------------------------------------------------------ */

/* "Billion laughs": ten levels of nine aliases each would expand to 10^9
 * strings; aliases are refused before anything is expanded. */
static void
test_bomb_billion_laughs (void)
{
  g_autoptr(GString) text = g_string_new ("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");

  for (char c = 'b'; c <= 'j'; c++)
    {
      g_string_append_printf (text, "%c: &%c [", c, c);
      for (int i = 0; i < 9; i++)
        g_string_append_printf (text, "%s*%c", i ? "," : "", c - 1);
      g_string_append (text, "]\n");
    }
  g_assert_cmpuint (parse_error (text->str, text->len, 1, "aliases"), >=, 1);
}

/* Even one alias is refused; the error names the anchored node's line. */
static void
test_bomb_single_alias (void)
{
  const char *text = "a: 1\nb: &x hej\nc: *x\n";

  g_assert_cmpuint (parse_error (text, strlen (text), 1, "aliases"), ==, 2);
}

static void
test_bomb_nested_brackets (void)
{
  const guint depth = 100000;
  g_autoptr(GString) closed = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (closed, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (closed, ']');
  parse_error (closed->str, closed->len, 1, "nested too deeply");
}

static void
test_bomb_unclosed_brackets (void)
{
  g_autofree char *text = g_strnfill (20000, '[');

  parse_error (text, strlen (text), 1, NULL);
}

static void
test_bomb_nested_mappings (void)
{
  g_autoptr(GString) flow = g_string_new (NULL);
  g_autoptr(GString) block = g_string_new (NULL);

  for (guint i = 0; i < 1000; i++)
    g_string_append (flow, "{a: ");
  g_string_append (flow, "x");
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (flow, '}');
  parse_error (flow->str, flow->len, 1, "nested too deeply");

  for (guint i = 0; i < 200; i++)
    {
      for (guint j = 0; j < i; j++)
        g_string_append_c (block, ' ');
      g_string_append (block, "a:\n");
    }
  /* The node past the cap is named, not the end of the file. */
  g_assert_cmpuint (parse_error (block->str, block->len, 1, "nested too deeply"), <=, 40);
}

static void
test_bomb_nested_block_sequences (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "- ");
  g_string_append (text, "x\n");
  parse_error (text->str, text->len, 1, "nested too deeply");
}

static void
test_bomb_too_many_nodes (void)
{
  g_autoptr(GString) text = g_string_new ("k: [");

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, i ? ",x" : "x");
  g_string_append (text, "]\n");
  parse_error (text->str, text->len, 1, "too large");
}

/* A 5 MB value is kept whole; nothing is truncated silently. */
static void
test_huge_scalar_value (void)
{
  const gsize n = 5 * 1024 * 1024;
  g_autofree char *value = g_strnfill (n, 'v');
  g_autofree char *text = g_strconcat ("k: ", value, "\nnext: 1\n", NULL);
  g_autoptr(LotsYamlNode) root = parse_ok (text, 1);

  g_assert_cmpuint (strlen (lots_yaml_node_lookup (root, "k")->scalar), ==, n);
  g_assert_cmpuint (lots_yaml_node_lookup (root, "next")->line, ==, 2);
}

/* A key of 5 MB is no key anyone wrote: an error at its line, no crash. */
static void
test_huge_scalar_key (void)
{
  g_autofree char *key = g_strnfill (5 * 1024 * 1024, 'k');
  g_autofree char *plain = g_strconcat ("a: 1\n", key, ": v\n", NULL);
  g_autofree char *quoted = g_strconcat ("a: 1\n\"", key, "\": v\n", NULL);

  g_assert_cmpuint (parse_error (plain, strlen (plain), 1, NULL), ==, 2);
  g_assert_cmpuint (parse_error (quoted, strlen (quoted), 1, NULL), ==, 2);
}

/* Bytes that are not YAML at all. */
static void
test_binary (void)
{
  const char text[] = "a: \x01\x02\x03\x00\xff\xfe";

  parse_error (text, sizeof text - 1, 1, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yaml/parse/lines", test_parse_lines);
  g_test_add_func ("/yaml/parse/null-and-quoted", test_parse_null_and_quoted);
  g_test_add_func ("/yaml/parse/crlf", test_parse_crlf);
  g_test_add_func ("/yaml/parse/empty", test_parse_empty);
  g_test_add_func ("/yaml/error/tab", test_error_tab);
  g_test_add_func ("/yaml/error/bad-indent", test_error_bad_indent);
  g_test_add_func ("/yaml/error/unclosed", test_error_unclosed);
  g_test_add_func ("/yaml/error/duplicate-key", test_error_duplicate_key);
  g_test_add_func ("/yaml/error/key-not-scalar", test_error_key_not_scalar);
  g_test_add_func ("/yaml/bomb/billion-laughs", test_bomb_billion_laughs);
  g_test_add_func ("/yaml/bomb/single-alias", test_bomb_single_alias);
  g_test_add_func ("/yaml/bomb/nested-brackets", test_bomb_nested_brackets);
  g_test_add_func ("/yaml/bomb/unclosed-brackets", test_bomb_unclosed_brackets);
  g_test_add_func ("/yaml/bomb/nested-mappings", test_bomb_nested_mappings);
  g_test_add_func ("/yaml/bomb/nested-block-sequences", test_bomb_nested_block_sequences);
  g_test_add_func ("/yaml/bomb/too-many-nodes", test_bomb_too_many_nodes);
  g_test_add_func ("/yaml/huge-scalar/value", test_huge_scalar_value);
  g_test_add_func ("/yaml/huge-scalar/key", test_huge_scalar_key);
  g_test_add_func ("/yaml/binary", test_binary);

  return g_test_run ();
}

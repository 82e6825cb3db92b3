/* test-table.c — the CSV lookup tables of a source's data/ folder
 * (lots-table.c): RFC 4180 reading, lookups, and every mistake reported at
 * the line a spreadsheet or editor shows it on.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-diagnostic.h"
#include "lots-table.h"

typedef struct {
  GPtrArray *diagnostics;
  LotsTable *table;
} Parsed;

static void
parsed_clear (Parsed *p)
{
  g_clear_pointer (&p->table, lots_table_free);
  g_clear_pointer (&p->diagnostics, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static void
parse_len (Parsed     *p,
           const char *text,
           gsize       length)
{
  p->diagnostics = lots_diagnostics_new ();
  p->table = lots_table_parse ("data/enheter.csv", text, length, p->diagnostics);
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

/* No table; the diagnostics are errors at lines[0], lines[1]…, each with
 * needle in its message. */
static void
assert_errors (Parsed      *p,
               const char  *needle,
               const guint *lines,
               guint        n_lines)
{
  g_assert_null (p->table);
  g_assert_cmpuint (p->diagnostics->len, ==, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (p->diagnostics, i);
      g_assert_cmpint (d->severity, ==, LOTS_SEVERITY_ERROR);
      g_assert_cmpstr (d->path, ==, "data/enheter.csv");
      g_assert_cmpuint (d->line, ==, lines[i]);
      g_assert_nonnull (strstr (d->message, needle));
    }
}

static void
assert_error (Parsed     *p,
              const char *needle,
              guint       line)
{
  assert_errors (p, needle, &line, 1);
}

/* ---- reading ------------------------------------------------------------------ */

static void
test_parse_valid (void)
{
  g_auto(Parsed) p = { 0 };

  parse (&p, "enhet,telefon,oppettider\n"
             "Socialjouren,08-508 40 000,dygnet runt\n"
             "\"Äldre direkt, Stockholm\",08-508 36 000,\"vardagar 8–16.30\"\n"
             "\n"
             "Överförmyndarförvaltningen,08-508 29 000,\"kl \"\"8\"\"\"\n");
  g_assert_nonnull (p.table);
  g_assert_cmpuint (p.diagnostics->len, ==, 0);
  g_assert_cmpstr (p.table->path, ==, "data/enheter.csv");
  g_assert_cmpstr (p.table->name, ==, "enheter");
  g_assert_cmpuint (g_strv_length (p.table->columns), ==, 3);
  g_assert_cmpstr (p.table->columns[2], ==, "oppettider");
  g_assert_cmpuint (p.table->rows->len, ==, 3);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (p.table->rows, 1))[0], ==, "Äldre direkt, Stockholm");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (p.table->rows, 2))[2], ==, "kl \"8\"");
  g_assert_cmpuint (g_array_index (p.table->lines, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (p.table->lines, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (p.table->lines, guint, 2), ==, 5);
}

static void
test_lookup (void)
{
  g_auto(Parsed) p = { 0 };

  parse (&p, "postnummer,stadsdel\n16 833,Hässelby-Vällingby\n11 122,Norrmalm\n11 122,Dubblett\n");
  g_assert_nonnull (p.table);
  g_assert_cmpint (lots_table_column (p.table, "stadsdel"), ==, 1);
  g_assert_cmpint (lots_table_column (p.table, "saknas"), ==, -1);
  g_assert_cmpstr (lots_table_lookup (p.table, "postnummer", "16 833", "stadsdel"), ==, "Hässelby-Vällingby");
  /* The first matching row. */
  g_assert_cmpstr (lots_table_lookup (p.table, "postnummer", "11 122", "stadsdel"), ==, "Norrmalm");
  g_assert_null (lots_table_lookup (p.table, "postnummer", "99 999", "stadsdel"));
  g_assert_null (lots_table_lookup (p.table, "saknas", "16 833", "stadsdel"));
  g_assert_null (lots_table_lookup (p.table, "postnummer", "16 833", "saknas"));
  g_assert_null (lots_table_lookup (p.table, "postnummer", NULL, "stadsdel"));
}

/* A quoted field may hold line breaks; rows after it keep their real lines. */
static void
test_multiline_field (void)
{
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) bad = { 0 };

  parse (&p, "enhet,adress\n\"Kontoret\",\"Gatan 1\nPostbox 2\n123 45\"\nNästa,Väg 3\n");
  g_assert_nonnull (p.table);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (p.table->rows, 0))[1], ==, "Gatan 1\nPostbox 2\n123 45");
  g_assert_cmpuint (g_array_index (p.table->lines, guint, 1), ==, 5);

  parse (&bad, "enhet,adress\n\"Kontoret\",\"Gatan 1\nPostbox 2\"\nEnsam\n");
  assert_error (&bad, "row has 1 fields", 4);
}

static void
test_crlf_and_bom (void)
{
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) bad = { 0 };

  parse (&p, "\xEF\xBB\xBF" "enhet,telefon\r\nSocialjouren,08-508 40 000\r\nAnnan,08-1\r\n");
  g_assert_nonnull (p.table);
  g_assert_cmpstr (p.table->columns[0], ==, "enhet");
  g_assert_cmpstr (p.table->columns[1], ==, "telefon");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (p.table->rows, 0))[1], ==, "08-508 40 000");
  g_assert_cmpuint (g_array_index (p.table->lines, guint, 1), ==, 3);

  parse (&bad, "\xEF\xBB\xBF" "a,b\r\n1,2\r\n3\r\n");
  assert_error (&bad, "row has 1 fields", 3);
}

/* ---- mistakes ------------------------------------------------------------------ */

/* The line where the quote was opened, not the end of the file. */
static void
test_unterminated_quote (void)
{
  g_auto(Parsed) row = { 0 };
  g_auto(Parsed) header = { 0 };

  parse (&row, "enhet,telefon\nSocialjouren,08-508 40 000\n\"Äldre direkt,08-508 36 000\nNästa,1\nSista,2\n");
  assert_error (&row, "never closed", 3);
  parse (&header, "enhet,\"telefon\nSocialjouren,1\n");
  assert_error (&header, "never closed", 1);
}

/* Every short or long row is reported, at its own line. */
static void
test_wrong_field_count (void)
{
  g_auto(Parsed) p = { 0 };
  const guint lines[] = { 3, 5, 6 };

  parse (&p, "a,b,c\n1,2,3\n1,2\n1,2,3\n1,2,3,4\n,\n");
  assert_errors (&p, "the header has 3 columns", lines, G_N_ELEMENTS (lines));
}

static void
test_duplicate_column (void)
{
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) unnamed = { 0 };

  parse (&p, "enhet,telefon,enhet\n1,2,3\n");
  assert_error (&p, "column 'enhet' appears twice", 1);
  parse (&unnamed, "enhet,,telefon\n1,2,3\n");
  assert_error (&unnamed, "column 2 of the header row has no name", 1);
}

static void
test_empty_table (void)
{
  const char *texts[] = { "", "\n", "\n\n\n", "\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto(Parsed) p = { 0 };
      parse (&p, texts[i]);
      assert_error (&p, "empty table", 1);
    }
}

static void
test_not_utf8 (void)
{
  g_auto(Parsed) p = { 0 };
  g_auto(Parsed) binary = { 0 };
  static const char nul[] = "a,b\n1,\0\n";

  parse (&p, "enhet,telefon\nSocialjouren,1\n\xc4ldre direkt,2\n");
  assert_error (&p, "UTF-8", 3);
  parse_len (&binary, nul, sizeof nul - 1);
  assert_error (&binary, "binary", 0);
}

static void
test_too_large (void)
{
  g_auto(Parsed) p = { 0 };
  g_autoptr(GString) text = g_string_new ("a,b\n");

  while (text->len <= LOTS_TABLE_MAX_SIZE)
    g_string_append (text, "16 833,Hässelby-Vällingby\n");
  parse_len (&p, text->str, text->len);
  assert_error (&p, "at most", 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/parse/valid", test_parse_valid);
  g_test_add_func ("/table/parse/lookup", test_lookup);
  g_test_add_func ("/table/parse/multiline-field", test_multiline_field);
  g_test_add_func ("/table/parse/crlf-and-bom", test_crlf_and_bom);
  g_test_add_func ("/table/lint/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/table/lint/wrong-field-count", test_wrong_field_count);
  g_test_add_func ("/table/lint/duplicate-column", test_duplicate_column);
  g_test_add_func ("/table/lint/empty-table", test_empty_table);
  g_test_add_func ("/table/lint/not-utf8", test_not_utf8);
  g_test_add_func ("/table/input/too-large", test_too_large);

  return g_test_run ();
}

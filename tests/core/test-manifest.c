/* test-manifest.c — a source's lots.yaml (lots-manifest.c): who publishes
 * to which areas, and each mistake in it reported at its line. The areas
 * that exist are the built-in knowledge/areas.yaml, as lint uses them.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-area.h"
#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-manifest.h"

typedef struct {
  GPtrArray *areas;
  GPtrArray *diagnostics;
  LotsManifest *manifest;
} Parsed;

static void
parsed_clear (Parsed *p)
{
  g_clear_pointer (&p->manifest, lots_manifest_free);
  g_clear_pointer (&p->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&p->areas, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static void
parse_len (Parsed     *p,
           const char *text,
           gsize       length)
{
  g_autoptr(GError) error = NULL;

  p->areas = lots_builtin_areas (&error);
  g_assert_no_error (error);
  p->diagnostics = lots_diagnostics_new ();
  p->manifest = lots_manifest_parse ("lots.yaml", text, length, p->areas, p->diagnostics);
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

/* No manifest, and exactly one error: at line, containing needle. */
static void
assert_error (const char *text,
              guint       line,
              const char *needle)
{
  g_auto(Parsed) p = { 0 };
  const LotsDiagnostic *d;

  parse (&p, text);
  g_assert_null (p.manifest);
  g_assert_cmpuint (lots_diagnostics_n_errors (p.diagnostics), ==, 1);
  d = g_ptr_array_index (p.diagnostics, 0);
  g_assert_cmpint (d->severity, ==, LOTS_SEVERITY_ERROR);
  g_assert_cmpstr (d->path, ==, "lots.yaml");
  g_assert_cmpuint (d->line, ==, line);
  if (strstr (d->message, needle) == NULL)
    g_test_message ("expected '%s' in: %s", needle, d->message);
  g_assert_nonnull (strstr (d->message, needle));
}

static void
test_valid (void)
{
  g_auto(Parsed) p = { 0 };

  parse (&p, "id: hasselby-vallingby\n"
             "title: Hässelby-Vällingby stadsdelsförvaltning\n"
             "owner: Hässelby-Vällingby stadsdelsförvaltning\n"
             "areas: [aldre, forskola]\n"
             "lang: sv\n");
  g_assert_nonnull (p.manifest);
  g_assert_cmpuint (p.diagnostics->len, ==, 0);
  g_assert_cmpstr (p.manifest->id, ==, "hasselby-vallingby");
  g_assert_cmpstr (p.manifest->title, ==, "Hässelby-Vällingby stadsdelsförvaltning");
  g_assert_cmpstr (p.manifest->lang, ==, "sv");
  g_assert_cmpuint (g_strv_length (p.manifest->areas), ==, 2);
  g_assert_true (lots_manifest_has_area (p.manifest, "forskola"));
  g_assert_false (lots_manifest_has_area (p.manifest, "skola"));
  g_assert_false (lots_manifest_has_area (p.manifest, NULL));
  g_assert_false (lots_manifest_has_area (NULL, "aldre"));
}

static void
test_default_lang (void)
{
  g_auto(Parsed) p = { 0 };

  parse (&p, "id: x\ntitle: X\nowner: Y\nareas:\n  - aldre\n");
  g_assert_nonnull (p.manifest);
  g_assert_cmpstr (p.manifest->lang, ==, "sv");
  g_assert_cmpstr (p.manifest->areas[0], ==, "aldre");
}

static void
test_missing_id (void)
{
  assert_error ("title: X\nowner: Y\nareas: [aldre]\n", 1, "missing 'id'");
  assert_error ("\n# källa\ntitle: X\nid:\nowner: Y\nareas: [aldre]\n", 4, "missing 'id'");
}

static void
test_missing_areas (void)
{
  assert_error ("id: x\ntitle: X\nowner: Y\n", 1, "missing 'areas'");
  assert_error ("id: x\ntitle: X\nowner: Y\nareas:\n", 4, "missing 'areas'");
  assert_error ("id: x\ntitle: X\nowner: Y\nareas: aldre\n", 4, "'areas' must be a list");
}

static void
test_missing_title_owner (void)
{
  assert_error ("id: x\nowner: Y\nareas: [aldre]\n", 1, "missing 'title'");
  assert_error ("id: x\ntitle: X\nareas: [aldre]\n", 1, "missing 'owner'");
}

static void
test_unknown_area (void)
{
  assert_error ("id: x\ntitle: X\nowner: Y\nareas:\n  - aldre\n  - skolan\n  - forskola\n", 6,
                "unknown area 'skolan'");
  assert_error ("id: x\ntitle: X\nowner: Y\nareas: [aldre, {a: b}]\n", 4, "each area");
}

static void
test_bad_source_id (void)
{
  assert_error ("title: X\nid: Hässelby_Vällingby\nowner: Y\nareas: [aldre]\n", 2, "source id 'Hässelby_Vällingby'");
  assert_error ("id: a--b\ntitle: X\nowner: Y\nareas: [aldre]\n", 1, "source id");
  assert_error ("id: [a, b]\ntitle: X\nowner: Y\nareas: [aldre]\n", 1, "single value");
}

static void
test_bad_lang (void)
{
  assert_error ("id: x\ntitle: X\nowner: Y\nareas: [aldre]\nlang: svenska\n", 5, "'lang'");
}

static void
test_unknown_key (void)
{
  g_auto(Parsed) p = { 0 };
  const LotsDiagnostic *d;

  parse (&p, "id: x\ntitle: X\nowner: Y\nareas: [aldre]\nomraden: [skola]\n");
  g_assert_nonnull (p.manifest);
  g_assert_cmpuint (p.diagnostics->len, ==, 1);
  d = g_ptr_array_index (p.diagnostics, 0);
  g_assert_cmpint (d->severity, ==, LOTS_SEVERITY_WARNING);
  g_assert_cmpuint (d->line, ==, 5);
}

static void
test_not_keys (void)
{
  assert_error ("- id: x\n", 1, "must be a set of keys");
  assert_error ("id: x\ntitle: X\n  owner: Y\nareas: [aldre]\n", 3, "invalid YAML");
  assert_error ("", 1, "empty");
}

static void
test_not_utf8 (void)
{
  assert_error ("id: x\ntitle: X\nowner: H\xe4sselby\nareas: [aldre]\n", 3, "UTF-8");
}

/* Without known areas (the built-in source checks itself) any area goes. */
static void
test_no_known_areas (void)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  const char *text = "id: x\ntitle: X\nowner: Y\nareas: [vad-som-helst]\n";
  g_autoptr(LotsManifest) manifest = lots_manifest_parse ("lots.yaml", text, strlen (text), NULL, diagnostics);

  g_assert_nonnull (manifest);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_true (lots_manifest_has_area (manifest, "vad-som-helst"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/manifest/valid", test_valid);
  g_test_add_func ("/manifest/default-lang", test_default_lang);
  g_test_add_func ("/manifest/lint/missing-id", test_missing_id);
  g_test_add_func ("/manifest/lint/missing-areas", test_missing_areas);
  g_test_add_func ("/manifest/lint/missing-title-owner", test_missing_title_owner);
  g_test_add_func ("/manifest/lint/unknown-area", test_unknown_area);
  g_test_add_func ("/manifest/lint/bad-source-id", test_bad_source_id);
  g_test_add_func ("/manifest/lint/bad-lang", test_bad_lang);
  g_test_add_func ("/manifest/lint/unknown-key", test_unknown_key);
  g_test_add_func ("/manifest/lint/not-keys", test_not_keys);
  g_test_add_func ("/manifest/lint/not-utf8", test_not_utf8);
  g_test_add_func ("/manifest/no-known-areas", test_no_known_areas);

  return g_test_run ();
}

/* test-source.c — lint of a whole source (lots-source.c, with the
 * diagnostics of lots-diagnostic.c).
 *
 * Each test writes a folder source into its own sandbox and loads it with
 * lots_source_load_dir, as `lotsctl lint DIR` does. Checked here: what only
 * the whole source can tell (duplicate ids across files, links to missing
 * articles, a missing manifest), that every diagnostic names the file as the
 * publisher knows it and the right line, and that files no one should have
 * committed (10 MB, empty, binary, symbolic links) are reported, not read
 * blindly. Single-file checks are in test-article.c, test-manifest.c and
 * test-table.c.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lots-article.h"
#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-source.h"
#include "lots-table.h"
#include "lots-test-util.h"

typedef struct {
  char *sandbox;
  char *dir;             /* the source folder */
  GPtrArray *areas;      /* the built-in areas, as lint uses them */
  GPtrArray *diagnostics;
  LotsSource *source;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = lots_test_sandbox_new ();
  f->dir = g_build_filename (f->sandbox, "kalla", NULL);
  f->areas = lots_builtin_areas (&error);
  g_assert_no_error (error);
  g_assert_nonnull (f->areas);
  f->diagnostics = lots_diagnostics_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->source, lots_source_free);
  g_clear_pointer (&f->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&f->areas, g_ptr_array_unref);
  g_free (f->dir);
  lots_test_sandbox_free (f->sandbox);
}

static void
write_file (Fixture    *f,
            const char *relative,
            const char *text)
{
  lots_test_write (f->dir, relative, text, -1);
}

static void
write_manifest (Fixture *f)
{
  lots_test_write_manifest (f->dir, "hasselby-vallingby", "aldre, forskola");
}

static void
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->source, lots_source_free);
  g_ptr_array_set_size (f->diagnostics, 0);
  f->source = lots_source_load_dir (f->dir, f->areas, f->diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->source);
  for (guint i = 0; i < f->diagnostics->len; i++)
    {
      g_autofree char *line = lots_diagnostic_format (g_ptr_array_index (f->diagnostics, i), NULL);
      g_test_message ("%s", line);
    }
}

/* The path diagnostics use for relative (the folder, then the file). */
static char *
display (Fixture    *f,
         const char *relative)
{
  return g_strconcat (f->dir, "/", relative, NULL);
}

/* The one diagnostic about relative with the given severity. */
static const LotsDiagnostic *
only_diagnostic (Fixture      *f,
                 const char   *relative,
                 LotsSeverity  severity)
{
  g_autofree char *path = display (f, relative);
  const LotsDiagnostic *found = NULL;

  for (guint i = 0; i < f->diagnostics->len; i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (f->diagnostics, i);
      if (g_str_equal (d->path, path) && d->severity == severity)
        {
          g_assert_null (found);
          found = d;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
assert_diagnostic (Fixture      *f,
                   const char   *relative,
                   LotsSeverity  severity,
                   guint         line,
                   const char   *needle)
{
  const LotsDiagnostic *d = only_diagnostic (f, relative, severity);

  g_assert_cmpuint (d->line, ==, line);
  if (strstr (d->message, needle) == NULL)
    g_test_message ("expected '%s' in: %s", needle, d->message);
  g_assert_nonnull (strstr (d->message, needle));
}

static const LotsArticle *
find_article (LotsSource *source,
              const char *id,
              const char *lang)
{
  for (guint i = 0; i < source->articles->len; i++)
    {
      const LotsArticle *a = g_ptr_array_index (source->articles, i);
      if (g_str_equal (a->id, id) && g_str_equal (a->lang, lang))
        return a;
    }
  return NULL;
}

/* ---- a valid source ------------------------------------------------------------ */

static void
test_valid_source (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *first_revision = NULL;

  write_manifest (f);
  lots_test_write_article (f->dir, "artiklar/aldre/hemtjanst.md", "aldre/hemtjanst", "Hemtjänst", "aldre", NULL,
                           "Se [avgifter](lots:aldre/avgifter).");
  lots_test_write_article (f->dir, "artiklar/aldre/avgifter.md", "aldre/avgifter", "Avgifter", "aldre", NULL,
                           "Maxtaxa.");
  lots_test_write_article (f->dir, "artiklar/aldre/avgifter.en.md", "aldre/avgifter", "Fees", "aldre",
                           "lang: en\n", "Fees.");
  write_file (f, "data/enheter.csv", "enhet,telefon\nSocialjouren,08-508 40 000\n");
  write_file (f, "guider/hemtjanst.lua", "return {}\n");
  write_file (f, "guider/hemtjanst_test.lua", "return {}\n");
  write_file (f, "README.md", "Inte en artikel.\n");
  write_file (f, ".git/HEAD", "ref: refs/heads/main\n");
  write_file (f, ".utkast.md", "inte heller\n");
  write_file (f, "anteckningar.txt", "ignoreras\n");
  write_file (f, "tabell.csv", "inte,i,data\n");
  load (f);

  g_assert_cmpuint (f->diagnostics->len, ==, 0);
  g_assert_nonnull (f->source->manifest);
  g_assert_cmpstr (f->source->manifest->id, ==, "hasselby-vallingby");
  g_assert_null (f->source->areas);
  g_assert_cmpuint (f->source->articles->len, ==, 3);
  g_assert_nonnull (find_article (f->source, "aldre/avgifter", "en"));
  g_assert_cmpstr (find_article (f->source, "aldre/hemtjanst", "sv")->path, ==, "artiklar/aldre/hemtjanst.md");
  g_assert_cmpuint (f->source->tables->len, ==, 1);
  g_assert_cmpstr (((LotsTable *) g_ptr_array_index (f->source->tables, 0))->name, ==, "enheter");
  g_assert_cmpuint (f->source->guides->len, ==, 2);
  g_assert_nonnull (f->source->revision);

  /* The revision is a fingerprint of the content: it changes with it. */
  first_revision = g_strdup (f->source->revision);
  load (f);
  g_assert_cmpstr (f->source->revision, ==, first_revision);
  lots_test_write_article (f->dir, "artiklar/aldre/avgifter.md", "aldre/avgifter", "Avgifter", "aldre", NULL,
                           "Maxtaxa ändrad.");
  load (f);
  g_assert_cmpstr (f->source->revision, !=, first_revision);
}

static void
test_builtin_lints_clean (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->source = lots_builtin_load (f->diagnostics, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < f->diagnostics->len; i++)
    {
      g_autofree char *line = lots_diagnostic_format (g_ptr_array_index (f->diagnostics, i), NULL);
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (f->diagnostics->len, ==, 0);
  g_assert_nonnull (f->source->manifest);
  g_assert_nonnull (f->source->areas);
  g_assert_cmpuint (f->source->areas->len, ==, 10);
  g_assert_cmpuint (f->source->articles->len, >=, 40);
}

/* ---- checks across files ------------------------------------------------------- */

static void
test_duplicate_id (Fixture       *f,
                   gconstpointer  data)
{
  const LotsDiagnostic *d;
  g_autofree char *first = NULL;

  write_manifest (f);
  lots_test_write_article (f->dir, "a.md", "aldre/hemtjanst", "Hemtjänst", "aldre", NULL, "Första.");
  /* The second file has its id on line 4. */
  write_file (f, "b/hemtjanst-igen.md", "---\ntitle: Hemtjänst igen\narea: aldre\nid: aldre/hemtjanst\n---\nAndra.\n");
  load (f);

  assert_diagnostic (f, "b/hemtjanst-igen.md", LOTS_SEVERITY_ERROR, 4, "duplicate id 'aldre/hemtjanst'");
  d = only_diagnostic (f, "b/hemtjanst-igen.md", LOTS_SEVERITY_ERROR);
  first = display (f, "a.md");
  g_assert_nonnull (strstr (d->message, first));
  g_assert_cmpuint (lots_diagnostics_n_errors (f->diagnostics), ==, 1);
  /* The first one is kept. */
  g_assert_cmpuint (f->source->articles->len, ==, 1);
  g_assert_cmpstr (((LotsArticle *) g_ptr_array_index (f->source->articles, 0))->path, ==, "a.md");
}

/* The same id in another language is a translation, not a duplicate. */
static void
test_translation_not_duplicate (Fixture       *f,
                                gconstpointer  data)
{
  write_manifest (f);
  lots_test_write_article (f->dir, "a.md", "aldre/hemtjanst", "Hemtjänst", "aldre", NULL, "Text.");
  lots_test_write_article (f->dir, "a.en.md", "aldre/hemtjanst", "Home care", "aldre", "lang: en\n", "Text.");
  lots_test_write_article (f->dir, "a.fi.md", "aldre/hemtjanst", "Kotihoito", "aldre", "lang: fi\n", "Teksti.");
  load (f);

  g_assert_cmpuint (f->diagnostics->len, ==, 0);
  g_assert_cmpuint (f->source->articles->len, ==, 3);
}

static void
test_bad_opening_hours (Fixture       *f,
                        gconstpointer  data)
{
  write_manifest (f);
  write_file (f, "data/enheter.csv",
              "id,namn,oppettider,sommartider,lunch\n"
              "a,A,mån-fre 08:00-16:00,,\n"
              "b,B,mån-fr 08:00-16:00,,\n"
              "c,C,dygnet runt,,\n");
  load (f);
  assert_diagnostic (f, "data/enheter.csv", LOTS_SEVERITY_ERROR, 3, "unit \"b\": \"mån-fr 08:00-16:00\": unknown day \"fr\"");
}

static void
test_unknown_link (Fixture       *f,
                   gconstpointer  data)
{
  write_manifest (f);
  lots_test_write_article (f->dir, "a.md", "aldre/hemtjanst", "Hemtjänst", "aldre", NULL,
                           "Rad sex.\n\nSe [avgifter](lots:aldre/avgifter) och [larm](lots:aldre/larm).");
  lots_test_write_article (f->dir, "larm.md", "aldre/larm", "Larm", "aldre", NULL, "Larm.");
  load (f);

  assert_diagnostic (f, "a.md", LOTS_SEVERITY_WARNING, 8, "link to 'aldre/avgifter'");
  g_assert_cmpuint (lots_diagnostics_n_errors (f->diagnostics), ==, 0);
  /* A warning does not stop the article. */
  g_assert_cmpuint (f->source->articles->len, ==, 2);
}

static void
test_area_not_in_manifest (Fixture       *f,
                           gconstpointer  data)
{
  write_manifest (f);
  write_file (f, "skola.md", "---\nid: skola/skolval\ntitle: Skolval\n# en kommentar\narea: skola\n---\nText.\n");
  load (f);

  assert_diagnostic (f, "skola.md", LOTS_SEVERITY_ERROR, 5, "area 'skola' is not one of this source's areas");
  g_assert_cmpuint (f->source->articles->len, ==, 0);
}

static void
test_missing_manifest (Fixture       *f,
                       gconstpointer  data)
{
  lots_test_write_article (f->dir, "a.md", "aldre/hemtjanst", "Hemtjänst", "aldre", NULL, "Text.");
  load (f);

  assert_diagnostic (f, "lots.yaml", LOTS_SEVERITY_ERROR, 0, "missing manifest");
  g_assert_null (f->source->manifest);
}

/* A manifest somewhere else than the root is not the manifest. */
static void
test_manifest_not_at_root (Fixture       *f,
                           gconstpointer  data)
{
  lots_test_write_manifest (f->dir, "x", "aldre");
  {
    g_autofree char *from = g_build_filename (f->dir, "lots.yaml", NULL);
    g_autofree char *to = g_build_filename (f->dir, "undermapp", NULL);
    g_autofree char *moved = g_build_filename (to, "lots.yaml", NULL);
    g_assert_cmpint (g_mkdir (to, 0700), ==, 0);
    g_assert_cmpint (g_rename (from, moved), ==, 0);
  }
  load (f);
  assert_diagnostic (f, "lots.yaml", LOTS_SEVERITY_ERROR, 0, "missing manifest");
}

static void
test_broken_manifest (Fixture       *f,
                      gconstpointer  data)
{
  write_file (f, "lots.yaml", "id: Hässelby\ntitle: X\nowner: Y\nareas: [aldre, skolan]\n");
  load (f);

  g_assert_null (f->source->manifest);
  g_assert_cmpuint (lots_diagnostics_n_errors (f->diagnostics), ==, 2);
  /* Sorted by line within the file. */
  g_assert_cmpuint (((LotsDiagnostic *) g_ptr_array_index (f->diagnostics, 0))->line, ==, 1);
  g_assert_cmpuint (((LotsDiagnostic *) g_ptr_array_index (f->diagnostics, 1))->line, ==, 4);
}

/* A source that ships its own areas.yaml (the built-in one does) is checked
 * against it. */
static void
test_own_areas (Fixture       *f,
                gconstpointer  data)
{
  write_file (f, "areas.yaml", "- id: provomrade\n  title: Provområde\n");
  lots_test_write_manifest (f->dir, "egen", "provomrade");
  lots_test_write_article (f->dir, "a.md", "provomrade/a", "A", "provomrade", NULL, "Text.");
  load (f);

  g_assert_cmpuint (f->diagnostics->len, ==, 0);
  g_assert_nonnull (f->source->areas);
  g_assert_cmpuint (f->source->areas->len, ==, 1);
  g_assert_cmpuint (f->source->articles->len, ==, 1);
}

/* Problems in several files come sorted by path, then line. */
static void
test_sorted (Fixture       *f,
             gconstpointer  data)
{
  write_manifest (f);
  write_file (f, "b.md", "---\nid: aldre/b\ntitle: B\narea: aldre\nvalid_from: igår\nfarg: blå\n---\nText.\n");
  write_file (f, "a.md", "ingen front matter\n");
  write_file (f, "data/c.csv", "a,b\n1\n");
  load (f);

  g_assert_cmpuint (f->diagnostics->len, ==, 4);
  for (guint i = 1; i < f->diagnostics->len; i++)
    {
      const LotsDiagnostic *x = g_ptr_array_index (f->diagnostics, i - 1);
      const LotsDiagnostic *y = g_ptr_array_index (f->diagnostics, i);
      int c = strcmp (x->path, y->path);
      g_assert_true (c < 0 || (c == 0 && x->line <= y->line));
    }
}

/* ---- files that should not be there ----------------------------------------------- */

/* A 10 MB file is listed without being read, and reported with its size. */
static void
test_oversized_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "jatte.md", NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("---\nid: aldre/jatte\ntitle: Jätte\narea: aldre\n---\n");
  const LotsSourceFile *big = NULL;

  write_manifest (f);
  while (text->len < 10 * 1024 * 1024)
    g_string_append (text, "Hemtjänst är hjälp i hemmet, och den söks hos stadsdelen.\n");
  lots_test_write (f->dir, "jatte.md", text->str, (gssize) text->len);

  files = lots_source_read_dir (f->dir, "", NULL, NULL, f->diagnostics, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    if (g_str_equal (((LotsSourceFile *) g_ptr_array_index (files, i))->path, "jatte.md"))
      big = g_ptr_array_index (files, i);
  g_assert_nonnull (big);
  g_assert_null (big->bytes);
  g_assert_cmpint (big->size, ==, (goffset) text->len);

  load (f);
  assert_diagnostic (f, "jatte.md", LOTS_SEVERITY_ERROR, 0, "more than the 8388608");
  g_assert_cmpuint (f->source->articles->len, ==, 0);
}

static void
test_empty_files (Fixture       *f,
                  gconstpointer  data)
{
  write_manifest (f);
  write_file (f, "tom.md", "");
  write_file (f, "data/tom.csv", "");
  load (f);

  assert_diagnostic (f, "tom.md", LOTS_SEVERITY_ERROR, 0, "empty file");
  assert_diagnostic (f, "data/tom.csv", LOTS_SEVERITY_ERROR, 1, "empty table");
  g_assert_cmpuint (f->source->articles->len, ==, 0);
  g_assert_cmpuint (f->source->tables->len, ==, 0);
}

static void
test_empty_manifest (Fixture       *f,
                     gconstpointer  data)
{
  write_file (f, "lots.yaml", "");
  load (f);

  assert_diagnostic (f, "lots.yaml", LOTS_SEVERITY_ERROR, 1, "empty");
  g_assert_null (f->source->manifest);
}

static void
test_binary_files (Fixture       *f,
                   gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  write_manifest (f);
  lots_test_write (f->dir, "bild.md", png, sizeof png - 1);
  lots_test_write (f->dir, "data/bild.csv", png, sizeof png - 1);
  lots_test_write (f->dir, "bild.png", png, sizeof png - 1);
  load (f);

  assert_diagnostic (f, "bild.md", LOTS_SEVERITY_ERROR, 0, "binary");
  assert_diagnostic (f, "data/bild.csv", LOTS_SEVERITY_ERROR, 0, "binary");
  g_assert_cmpuint (lots_diagnostics_n_errors (f->diagnostics), ==, 2);
}

static void
test_binary_manifest (Fixture       *f,
                      gconstpointer  data)
{
  lots_test_write (f->dir, "lots.yaml", "id: x\0\0\0", 8);
  load (f);

  assert_diagnostic (f, "lots.yaml", LOTS_SEVERITY_ERROR, 0, "binary");
  g_assert_null (f->source->manifest);
}

static void
test_symlink_ignored (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "lank.md", NULL);

  write_manifest (f);
  lots_test_write_article (f->sandbox, "utanfor.md", "aldre/utanfor", "Utanför", "aldre", NULL, "Hemligt.");
  g_assert_cmpint (symlink ("../utanfor.md", link), ==, 0);
  load (f);

  assert_diagnostic (f, "lank.md", LOTS_SEVERITY_WARNING, 0, "symbolic links");
  g_assert_cmpuint (f->source->articles->len, ==, 0);
}

static void
test_deep_folders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) relative = g_string_new (NULL);

  write_manifest (f);
  for (guint i = 0; i < 40; i++)
    g_string_append (relative, "d/");
  g_string_append (relative, "a.md");
  lots_test_write_article (f->dir, relative->str, "aldre/djup", "Djup", "aldre", NULL, "Text.");
  load (f);

  g_assert_cmpuint (lots_diagnostics_n_errors (f->diagnostics), ==, 1);
  g_assert_nonnull (strstr (((LotsDiagnostic *) g_ptr_array_index (f->diagnostics, 0))->message, "nested"));
  g_assert_cmpuint (f->source->articles->len, ==, 0);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->sandbox, "finns-inte", NULL);

  g_assert_null (lots_source_load_dir (missing, f->areas, f->diagnostics, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "finns-inte"));
}

/* ---- how a diagnostic reads -------------------------------------------------------- */

static void
test_diagnostic_format (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LotsDiagnostic) error = lots_diagnostic_new ("a/b.md", 7, LOTS_SEVERITY_ERROR, "fel");
  g_autoptr(LotsDiagnostic) warning = lots_diagnostic_new ("a/b.md", 3, LOTS_SEVERITY_WARNING, "varning");
  g_autoptr(LotsDiagnostic) whole = lots_diagnostic_new ("a/b.md", 0, LOTS_SEVERITY_ERROR, "hela filen");
  g_autofree char *e = lots_diagnostic_format (error, NULL);
  g_autofree char *w = lots_diagnostic_format (warning, "kalla");
  g_autofree char *h = lots_diagnostic_format (whole, NULL);

  g_assert_cmpstr (e, ==, "a/b.md:7: fel");
  g_assert_cmpstr (w, ==, "kalla/a/b.md:3: warning: varning");
  g_assert_cmpstr (h, ==, "a/b.md: hela filen");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/source/bad-opening-hours", test_bad_opening_hours);
  ADD ("/source/valid", test_valid_source);
  ADD ("/source/builtin-lints-clean", test_builtin_lints_clean);
  ADD ("/source/lint/duplicate-id", test_duplicate_id);
  ADD ("/source/lint/translation-not-duplicate", test_translation_not_duplicate);
  ADD ("/source/lint/unknown-link", test_unknown_link);
  ADD ("/source/lint/area-not-in-manifest", test_area_not_in_manifest);
  ADD ("/source/lint/missing-manifest", test_missing_manifest);
  ADD ("/source/lint/manifest-not-at-root", test_manifest_not_at_root);
  ADD ("/source/lint/broken-manifest", test_broken_manifest);
  ADD ("/source/lint/own-areas", test_own_areas);
  ADD ("/source/lint/sorted", test_sorted);
  ADD ("/source/input/oversized-file", test_oversized_file);
  ADD ("/source/input/empty-files", test_empty_files);
  ADD ("/source/input/empty-manifest", test_empty_manifest);
  ADD ("/source/input/binary-files", test_binary_files);
  ADD ("/source/input/binary-manifest", test_binary_manifest);
  ADD ("/source/input/symlink", test_symlink_ignored);
  ADD ("/source/input/deep-folders", test_deep_folders);
  ADD ("/source/input/missing-folder", test_missing_folder);
  ADD ("/source/diagnostic/format", test_diagnostic_format);
#undef ADD

  return g_test_run ();
}

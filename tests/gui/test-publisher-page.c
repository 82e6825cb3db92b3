/* test-publisher-page.c — LotsPublisherPage on a real draft folder.
 *
 * A sandbox gets a manifest, real articles of knowledge/ (one with its
 * English translation), the real färdtjänst guide from scripts/ with the
 * module and data tables it needs. The page opens it, loads it off the main
 * loop, and lists it; a broken article written into a subfolder while the
 * page watches appears with its problems as `path:line: message`, and
 * fixing it makes them go, both through the file monitor alone. A second
 * folder opened while the first loads wins. Screenshots:
 * publisher-page-empty.png, publisher-page.png, publisher-page-guide.png,
 * publisher-page-errors.png.
 */
#define G_LOG_DOMAIN "test-publisher-page"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lots-article-view.h"
#include "lots-gui-test-util.h"
#include "lots-publisher-page.h"
#include "lots-test-util.h"

#define TIMEOUT 30

static const char manifest[] =
  "id: hasselby-vallingby\n"
  "title: Hässelby-Vällingby stadsdelsförvaltning (utkast)\n"
  "owner: Hässelby-Vällingby stadsdelsförvaltning\n"
  "areas: [aldre, parkering, funktionsnedsattning]\n"
  "lang: sv\n";

static const char broken[] =
  "---\n"
  "id: aldre/trasig\n"
  "area: skola\n"
  "summary: Ett utkast.\n"
  "---\n"
  "## Rubrik\n\nText.\n";

static const char fixed[] =
  "---\n"
  "id: aldre/trasig\n"
  "title: Inte längre trasig\n"
  "area: aldre\n"
  "summary: Ett utkast.\n"
  "---\n"
  "## Rubrik\n\nText.\n";

static void
copy_builtin (const char *sandbox,
              const char *from,
              const char *to)
{
  g_autofree char *path = g_build_filename (g_getenv ("LOTS_BUILTIN_DIR"), from, NULL);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  lots_test_write (sandbox, to, text, (gssize) length);
}

static void
make_draft_folder (const char *sandbox)
{
  lots_test_write (sandbox, "lots.yaml", manifest, -1);
  copy_builtin (sandbox, "knowledge/articles/aldre/fardtjanst.md", "articles/fardtjanst.md");
  copy_builtin (sandbox, "knowledge/articles/aldre/fardtjanst.en.md", "articles/fardtjanst.en.md");
  copy_builtin (sandbox, "knowledge/articles/aldre/riksfardtjanst.md", "articles/riksfardtjanst.md");
  copy_builtin (sandbox, "knowledge/articles/funktionsnedsattning/overklaga-beslut.md", "articles/overklaga-beslut.md");
  copy_builtin (sandbox, "knowledge/articles/parkering/parkeringstillstand-ansoka.md", "articles/parkeringstillstand-ansoka.md");
  copy_builtin (sandbox, "scripts/aldre/fardtjanst.lua", "guides/fardtjanst.lua");
  copy_builtin (sandbox, "scripts/lib/oppet.lua", "lib/oppet.lua");
  copy_builtin (sandbox, "knowledge/data/enheter.csv", "data/enheter.csv");
  copy_builtin (sandbox, "knowledge/data/postnummer.csv", "data/postnummer.csv");
  copy_builtin (sandbox, "knowledge/data/stadsdelsforvaltningar.csv", "data/stadsdelsforvaltningar.csv");
}

typedef struct {
  LotsPublisherPage *page;
  guint n_problems;
  guint n_loads;
} Watch;

static void
on_n_problems (LotsPublisherPage *page,
               GParamSpec        *pspec,
               Watch             *watch)
{
  watch->n_loads++;
}

static gboolean
loaded_since (gpointer user_data)
{
  Watch *watch = user_data;

  return watch->n_loads > watch->n_problems && !lots_publisher_page_get_loading (watch->page);
}

/* Waits for the next finished load (n-problems is notified after each). */
static void
wait_for_load (Watch      *watch,
               const char *what)
{
  watch->n_problems = watch->n_loads;
  lots_gui_test_wait_for (loaded_since, watch, TIMEOUT, what);
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  return lots_gui_test_find_by_text (root, type, name);
}

/* The `path:line: message` rows under ROOT, joined by newlines. */
static char *
problem_texts (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = lots_gui_test_find_all (root, GTK_TYPE_LABEL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_widget_get_name (label), "problem-text") == 0)
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (text, FALSE);
}

static const char *
visible_detail (LotsPublisherPage *page)
{
  GtkWidget *article_view = find_named (GTK_WIDGET (page), LOTS_TYPE_ARTICLE_VIEW, "article-view");
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (article_view));

  /* GtkStackPage children sit in the stack directly. */
  g_assert_true (GTK_IS_STACK (stack));
  return gtk_stack_get_visible_child_name (stack);
}

static void
test_publisher_page_preview (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *broken_path = g_build_filename (sandbox, "articles", "trasig.md", NULL);
  g_autoptr(GFile) folder = NULL;
  LotsPublisherPage *page = g_object_ref_sink (lots_publisher_page_new ());
  GtkWindow *window;
  Watch watch = { page, 0, 0 };
  GtkWidget *all_problems, *row, *file_problems;
  g_autofree char *texts = NULL;
  LotsArticleView *article_view;

  make_draft_folder (sandbox);
  folder = g_file_new_for_path (sandbox);
  g_signal_connect (page, "notify::n-problems", G_CALLBACK (on_n_problems), &watch);
  window = lots_gui_test_window_new (GTK_WIDGET (page), 1100, 760);

  /* Before a folder: the empty state says what this is. */
  g_assert_null (lots_publisher_page_get_folder (page));
  g_assert_true (gtk_widget_get_mapped (find_named (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "empty-state")));
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "publisher-page-empty.png");

  lots_publisher_page_open_folder (page, folder);
  g_assert_true (lots_publisher_page_get_loading (page));
  g_assert_true (g_file_equal (lots_publisher_page_get_folder (page), folder));
  wait_for_load (&watch, "the draft folder to load");

  /* Five articles, one guide, three warnings (links out of the folder). */
  g_assert_nonnull (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "articles/fardtjanst.md"));
  g_assert_nonnull (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "articles/fardtjanst.en.md"));
  g_assert_nonnull (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "articles/riksfardtjanst.md"));
  g_assert_nonnull (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "guides/fardtjanst.lua"));
  g_assert_null (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "lib/oppet.lua"));
  g_assert_cmpuint (lots_publisher_page_get_n_problems (page), ==, 3);
  row = find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "articles/parkeringstillstand-ansoka.md");
  g_assert_nonnull (find_named (row, GTK_TYPE_BOX, "problem-badge"));
  g_assert_null (find_named (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "articles/fardtjanst.md"),
                             GTK_TYPE_BOX, "problem-badge"));
  all_problems = find_named (GTK_WIDGET (page), GTK_TYPE_BOX, "all-problems");
  texts = problem_texts (all_problems);
  g_assert_nonnull (strstr (texts, "articles/parkeringstillstand-ansoka.md:29: warning: link to 'parkering/lakarintyg-handlaggning'"));
  g_assert_cmpstr (visible_detail (page), ==, "problems");
  g_clear_pointer (&texts, g_free);

  /* An article, as handlers will see it, with its translation offered. */
  g_assert_true (lots_publisher_page_select (page, "articles/fardtjanst.md"));
  g_assert_cmpstr (visible_detail (page), ==, "article");
  article_view = LOTS_ARTICLE_VIEW (find_named (GTK_WIDGET (page), LOTS_TYPE_ARTICLE_VIEW, "article-view"));
  g_assert_cmpstr (lots_article_view_get_article_id (article_view), ==, "aldre/fardtjanst");
  g_assert_nonnull (find_named (GTK_WIDGET (article_view), GTK_TYPE_TOGGLE_BUTTON, "lang-en"));
  lots_gui_test_wait_frames (GTK_WIDGET (window), 4);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "publisher-page.png");

  /* A lots: link to an article of the folder opens it in place. */
  g_signal_emit_by_name (article_view, "open-article", "aldre/riksfardtjanst");
  g_assert_cmpstr (lots_article_view_get_article_id (article_view), ==, "aldre/riksfardtjanst");

  /* The guide: its steps. */
  g_assert_true (lots_publisher_page_select (page, "guides/fardtjanst.lua"));
  g_assert_cmpstr (visible_detail (page), ==, "guide");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (page), GTK_TYPE_LABEL, "guide-title"))),
                   !=, "");
  g_assert_nonnull (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "avslag"));
  lots_gui_test_wait_frames (GTK_WIDGET (window), 4);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "publisher-page-guide.png");

  /* A broken article saved in a subfolder: the monitor alone brings its
   * problems, as `path:line: message`. */
  lots_test_write (sandbox, "articles/trasig.md", broken, -1);
  wait_for_load (&watch, "the monitor to reload after a broken article was written");
  g_assert_cmpuint (lots_publisher_page_get_n_problems (page), ==, 6);
  row = find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "articles/trasig.md");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (find_named (row, GTK_TYPE_BOX, "problem-badge"), "error"));
  texts = problem_texts (all_problems);
  g_assert_nonnull (strstr (texts, "articles/trasig.md:2: missing 'title' in the front matter\n"));
  g_assert_nonnull (strstr (texts, "articles/trasig.md:3: area 'skola' is not one of this source's areas in lots.yaml\n"));
  /* Errors before warnings: the broken file's group comes first. */
  g_assert_true (strstr (texts, "articles/trasig.md:") < strstr (texts, "articles/parkeringstillstand-ansoka.md:"));
  g_clear_pointer (&texts, g_free);

  /* The guide stayed selected across the reload. */
  g_assert_cmpstr (visible_detail (page), ==, "guide");
  g_assert_true (lots_publisher_page_select (page, "articles/trasig.md"));
  g_assert_cmpstr (visible_detail (page), ==, "unloaded");
  file_problems = find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "file-problems");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (file_problems, ADW_TYPE_CLAMP)));
  texts = problem_texts (file_problems);
  g_assert_true (g_str_has_prefix (texts, "articles/trasig.md:2: missing 'title'"));
  g_clear_pointer (&texts, g_free);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 4);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "publisher-page-errors.png");

  /* Fixed: the problems go, the article appears as handlers will see it. */
  lots_test_write (sandbox, "articles/trasig.md", fixed, -1);
  wait_for_load (&watch, "the monitor to reload after the article was fixed");
  g_assert_cmpuint (lots_publisher_page_get_n_problems (page), ==, 3);
  texts = problem_texts (all_problems);
  g_assert_null (strstr (texts, "trasig"));
  g_assert_cmpstr (visible_detail (page), ==, "article");
  g_assert_cmpstr (lots_article_view_get_article_id (article_view), ==, "aldre/trasig");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (file_problems, ADW_TYPE_CLAMP)));

  /* Deleted: gone from the list. */
  g_assert_cmpint (g_remove (broken_path), ==, 0);
  wait_for_load (&watch, "the monitor to reload after the article was deleted");
  g_assert_null (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "articles/trasig.md"));
  g_assert_cmpstr (visible_detail (page), ==, "problems");

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (page);
}

/* A second folder opened while the first still loads: only the second is
 * shown, and the first load's result is dropped. */
static void
test_publisher_page_stale_load (void)
{
  g_autoptr(char) first = lots_test_sandbox_new ();
  g_autoptr(char) second = lots_test_sandbox_new ();
  g_autoptr(GFile) first_folder = g_file_new_for_path (first);
  g_autoptr(GFile) second_folder = g_file_new_for_path (second);
  LotsPublisherPage *page = g_object_ref_sink (lots_publisher_page_new ());
  GtkWindow *window = lots_gui_test_window_new (GTK_WIDGET (page), 900, 600);
  Watch watch = { page, 0, 0 };

  make_draft_folder (first);
  lots_test_write (second, "lots.yaml", manifest, -1);
  lots_test_write_article (second, "ett.md", "aldre/ett", "Ett", "aldre", NULL, "Text.");
  g_signal_connect (page, "notify::n-problems", G_CALLBACK (on_n_problems), &watch);

  lots_publisher_page_open_folder (page, first_folder);
  lots_publisher_page_open_folder (page, second_folder);
  wait_for_load (&watch, "the second folder to load");
  /* Let the first load finish too, if it had not. */
  g_usleep (G_USEC_PER_SEC / 2);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpuint (watch.n_loads, ==, 1);
  g_assert_true (g_file_equal (lots_publisher_page_get_folder (page), second_folder));
  g_assert_nonnull (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "ett.md"));
  g_assert_null (find_named (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, "articles/fardtjanst.md"));
  g_assert_cmpuint (lots_publisher_page_get_n_problems (page), ==, 0);
  g_assert_nonnull (find_named (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "no-problems"));

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (page);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  g_test_add_func ("/publisher-page/preview", test_publisher_page_preview);
  g_test_add_func ("/publisher-page/stale-load", test_publisher_page_stale_load);

  return g_test_run ();
}

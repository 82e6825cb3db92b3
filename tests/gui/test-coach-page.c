/* test-coach-page.c — the coach page (lots-coach-page.c) and its step
 * graph (lots-step-graph.c), under Xvfb.
 *
 * The page gets the real built-in guides (scripts/ of the checkout, loaded
 * as the app loads them) and a real case log written in a sandbox with a
 * few calls through social/akut. Checked: the source view holds the
 * guide's file as it is on disk, with Lua highlighting; the graph has one
 * node per step and one arrow per distinct way between steps, starts at
 * the start step, has no two nodes overlapping, and shows on each node the
 * calls that passed it and ended there, as counted by hand; activating a
 * node shows its line in the source; the scenario tests of the guide run
 * and all pass, as the same runner finds on a library of its own; the
 * history lists the commits git lists for the file, and the newest one's
 * diff is shown (when the checkout is a git repository; else the page
 * says there is no history). A draft source with a broken guide shows the
 * checker's problem, and activating it selects the line. Screenshots of
 * each view: coach-source.png, coach-graph.png, coach-tests.png,
 * coach-history.png, coach-diagnostics.png.
 */
#define G_LOG_DOMAIN "test-coach-page"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "lots-builtin.h"
#include "lots-case.h"
#include "lots-caselog.h"
#include "lots-coach-page.h"
#include "lots-diagnostic.h"
#include "lots-guide-library.h"
#include "lots-guide-scenario.h"
#include "lots-gui-test-util.h"
#include "lots-history.h"
#include "lots-paths.h"
#include "lots-source.h"
#include "lots-step-graph.h"
#include "lots-test-util.h"

#define TIMEOUT_SECONDS 60
#define GUIDE_ID "social/akut"
#define GUIDE_PATH "scripts/social/akut.lua"
#define GUIDE_TEST_PATH "scripts/social/akut_test.lua"

typedef struct {
  char *sandbox;
  char *caselog;
  GPtrArray *libraries;     /* LotsGuideLibrary */
  LotsCoachPage *page;
  GtkWindow *window;
  const char *counts_step;  /* the node counts_shown() looks at */
} Fixture;

/* Calls through social/akut, with the counts they must give. */
static const char *calls[] = {
  "vad_har_hant,postnummer,hanvisa",
  "vad_har_hant,postnummer,hanvisa",
  "vad_har_hant,ring_112",
  "vad_har_hant,anknytning,hemlosa",
};

static void
write_caselog (const char *filename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_case_free);
  LotsCaselog *log = lots_caselog_open (filename, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      LotsCase *c = lots_case_new ();
      g_auto(GStrv) steps = g_strsplit (calls[i], ",", -1);

      c->area = g_strdup ("social");
      c->channel = g_strdup ("telefon");
      c->resolved = i == 2;
      c->acute = TRUE;
      c->guide = g_strdup (GUIDE_ID);
      for (guint s = 0; steps[s] != NULL; s++)
        lots_case_add_step (c, steps[s]);
      c->handler = g_strdup ("h-1");
      c->workstation = g_strdup ("ws-1");
      g_ptr_array_add (cases, c);
    }
  /* A call through another guide counts for that one only. */
  {
    LotsCase *c = lots_case_new ();
    c->area = g_strdup ("aldre");
    c->channel = g_strdup ("telefon");
    c->guide = g_strdup ("aldre/hemtjanst");
    lots_case_add_step (c, "vad_galler");
    c->handler = g_strdup ("h-1");
    c->workstation = g_strdup ("ws-1");
    g_ptr_array_add (cases, c);
  }
  g_assert_true (lots_caselog_add_many (log, cases, &error));
  g_assert_no_error (error);
  lots_caselog_close (log);
}

static LotsGuideLibrary *
builtin_library (void)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  LotsSource *source = lots_builtin_load (diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return lots_guide_library_new (source, diagnostics);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->sandbox = lots_test_sandbox_new ();
  lots_paths_set_data_dir (f->sandbox);
  f->caselog = g_build_filename (f->sandbox, LOTS_CASELOG_FILE, NULL);
  write_caselog (f->caselog);
  f->libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_guide_library_free);
  g_ptr_array_add (f->libraries, builtin_library ());

  f->page = g_object_ref_sink (lots_coach_page_new ());
  f->window = lots_gui_test_window_new (GTK_WIDGET (f->page), 1280, 800);
}

static gboolean
page_released (gpointer user_data)
{
  Fixture *f = user_data;

  return G_OBJECT (f->page)->ref_count == 1;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  /* A cancelled task still holds the page until its thread returns. */
  lots_gui_test_wait_for (page_released, f, TIMEOUT_SECONDS, "the page's tasks to end");
  g_assert_finalize_object (f->page);
  g_ptr_array_unref (f->libraries);
  g_free (f->caselog);
  lots_test_sandbox_free (f->sandbox);
}

/* ---- finding things ------------------------------------------------------- */

static GtkWidget *
named (Fixture    *f,
       GType       type,
       const char *name)
{
  GtkWidget *widget = lots_gui_test_find_by_text (GTK_WIDGET (f->page), type, name);

  g_assert_nonnull (widget);
  return widget;
}

static AdwViewStack *
view_stack (Fixture *f)
{
  GtkWidget *stack = lots_gui_test_find_descendant (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return ADW_VIEW_STACK (stack);
}

static LotsStepGraph *
graph (Fixture *f)
{
  return LOTS_STEP_GRAPH (named (f, LOTS_TYPE_STEP_GRAPH, "step-graph"));
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
count_named (GtkWidget  *root,
             GType       type,
             const char *name)
{
  g_autoptr(GPtrArray) all = lots_gui_test_find_all (root, type);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += g_strcmp0 (gtk_widget_get_name (all->pdata[i]), name) == 0;
  return n;
}

/* ---- waiting -------------------------------------------------------------- */

static gboolean
tests_done (gpointer user_data)
{
  Fixture *f = user_data;
  GtkWidget *spinner = lots_gui_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_SPINNER);
  GtkWidget *summary = named (f, GTK_TYPE_LABEL, "tests-summary");

  return spinner != NULL && !gtk_widget_get_visible (spinner) &&
         (gtk_widget_has_css_class (summary, "success") || gtk_widget_has_css_class (summary, "error") ||
          gtk_widget_has_css_class (summary, "warning"));
}

static gboolean
counts_shown (gpointer user_data)
{
  Fixture *f = user_data;
  GtkWidget *node = lots_step_graph_get_node (graph (f), f->counts_step);
  GtkWidget *label = node ? lots_gui_test_find_by_text (node, GTK_TYPE_LABEL, "step-counts") : NULL;

  return label != NULL && gtk_widget_get_visible (label);
}

static gboolean
history_done (gpointer user_data)
{
  Fixture *f = user_data;
  GtkStack *stack = GTK_STACK (named (f, GTK_TYPE_STACK, "history-stack"));
  const char *visible = gtk_stack_get_visible_child_name (stack);

  if (g_strcmp0 (visible, "empty") == 0)
    return TRUE;
  if (g_strcmp0 (visible, "commits") == 0)
    {
      g_autofree char *diff = buffer_text (named (f, GTK_SOURCE_TYPE_VIEW, "diff-view"));
      return diff[0] != '\0';
    }
  return FALSE;
}

static gboolean
source_shown (gpointer user_data)
{
  Fixture *f = user_data;

  return g_strcmp0 (adw_view_stack_get_visible_child_name (view_stack (f)), "source") == 0;
}

/* ---- checks ---------------------------------------------------------------- */

static void
check_source (Fixture *f)
{
  g_autofree char *builtin = lots_paths_dup_builtin_dir ();
  g_autofree char *filename = g_build_filename (builtin, GUIDE_PATH, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view = named (f, GTK_SOURCE_TYPE_VIEW, "source-view");
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  g_file_get_contents (filename, &expected, NULL, &error);
  g_assert_no_error (error);
  shown = buffer_text (view);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (buffer)), ==, "lua");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  /* The built-in guides pass their checks. */
  g_assert_false (gtk_widget_get_visible (named (f, GTK_TYPE_LIST_BOX, "diagnostic-list")));
  g_assert_true (gtk_widget_has_css_class (named (f, GTK_TYPE_LABEL, "check-summary"), "success"));
}

static guint
expected_edges (const LotsGuide *guide)
{
  GPtrArray *steps = lots_guide_get_steps (guide);
  guint n = 0;

  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(GPtrArray) targets = lots_guide_step_targets (g_ptr_array_index (steps, i));
      for (guint t = 0; t < targets->len; t++)
        n += lots_guide_find_step (guide, targets->pdata[t]) != NULL;
    }
  return n;
}

static void
check_graph_shape (Fixture *f)
{
  LotsGuide *guide = lots_guide_library_find (g_ptr_array_index (f->libraries, 0), GUIDE_ID);
  GPtrArray *steps = lots_guide_get_steps (guide);
  LotsStepGraph *g = graph (f);
  graphene_rect_t start;

  g_assert_cmpuint (lots_step_graph_get_n_nodes (g), ==, steps->len);
  g_assert_cmpuint (steps->len, ==, 7);
  /* vad_har_hant → postnummer, ring_112, anknytning; anknytning →
   * postnummer, hemlosa; postnummer → hanvisa, okant_postnummer. */
  g_assert_cmpuint (lots_step_graph_get_n_edges (g), ==, 7);
  g_assert_cmpuint (lots_step_graph_get_n_edges (g), ==, expected_edges (guide));

  g_assert_true (lots_step_graph_get_node_bounds (g, lots_guide_get_start (guide), &start));
  for (guint i = 0; i < steps->len; i++)
    {
      const LotsGuideStep *a = g_ptr_array_index (steps, i);
      graphene_rect_t ra;

      g_assert_true (lots_step_graph_get_node_bounds (g, a->id, &ra));
      g_assert_cmpfloat (ra.size.width, >, 40);
      g_assert_cmpfloat (ra.size.height, >, 20);
      /* The start step is the first column. */
      if (g_strcmp0 (a->id, lots_guide_get_start (guide)) != 0)
        g_assert_cmpfloat (ra.origin.x, >=, start.origin.x + start.size.width);
      /* Every node is on the graph, and no two overlap. */
      g_assert_cmpfloat (ra.origin.x, >=, 0);
      g_assert_cmpfloat (ra.origin.y, >=, 0);
      g_assert_cmpfloat (ra.origin.x + ra.size.width, <=, gtk_widget_get_width (GTK_WIDGET (g)));
      g_assert_cmpfloat (ra.origin.y + ra.size.height, <=, gtk_widget_get_height (GTK_WIDGET (g)));
      for (guint j = i + 1; j < steps->len; j++)
        {
          const LotsGuideStep *b = g_ptr_array_index (steps, j);
          graphene_rect_t rb, overlap;

          g_assert_true (lots_step_graph_get_node_bounds (g, b->id, &rb));
          if (graphene_rect_intersection (&ra, &rb, &overlap))
            g_assert_true (overlap.size.width <= 0 || overlap.size.height <= 0);
        }
    }
}

/* The numbers a label shows, in order, as "4 2": what the counts say,
 * in whatever language the label is in. */
static char *
numbers_of (const char *text)
{
  GString *numbers = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (numbers->len > 0)
        g_string_append_c (numbers, ' ');
      while (g_ascii_isdigit (*p))
        g_string_append_c (numbers, *p++);
      p--;
    }
  return g_string_free (numbers, FALSE);
}

/* NUMBERS: the calls that passed STEP, then (when any) those that ended
 * there. */
static void
assert_counts (Fixture    *f,
               const char *step,
               const char *numbers)
{
  GtkWidget *node = lots_step_graph_get_node (graph (f), step);
  GtkWidget *label = lots_gui_test_find_by_text (node, GTK_TYPE_LABEL, "step-counts");
  g_autofree char *shown = NULL;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  shown = numbers_of (gtk_label_get_text (GTK_LABEL (label)));
  g_assert_cmpstr (shown, ==, numbers);
}

static void
check_counts (Fixture *f)
{
  g_autofree char *summary = numbers_of (gtk_label_get_text (GTK_LABEL (named (f, GTK_TYPE_LABEL, "counts-summary"))));

  assert_counts (f, "vad_har_hant", "4");
  assert_counts (f, "postnummer", "2");
  assert_counts (f, "hanvisa", "2 2");
  assert_counts (f, "ring_112", "1 1");
  assert_counts (f, "anknytning", "1");
  assert_counts (f, "hemlosa", "1 1");
  assert_counts (f, "okant_postnummer", "0");
  /* 4 calls, 1 resolved at the first contact. */
  g_assert_cmpstr (summary, ==, "4 1");
}

/* The same runner on a library of the test's own. */
static guint
scenarios_passing (void)
{
  g_autoptr(LotsGuideLibrary) library = builtin_library ();
  g_autoptr(LotsGuideTestReport) report = lots_guide_test_report_new ();

  lots_guide_run_scenarios (library, GUIDE_TEST_PATH, report);
  g_assert_cmpuint (report->failed, ==, 0);
  return report->passed;
}

static void
check_tests (Fixture *f)
{
  GtkWidget *list = named (f, GTK_TYPE_LIST_BOX, "tests-list");
  guint passing = scenarios_passing ();

  g_assert_cmpuint (passing, >=, 10);
  g_assert_cmpuint (count_named (list, ADW_TYPE_ACTION_ROW, "test-passed"), ==, passing);
  g_assert_cmpuint (count_named (list, ADW_TYPE_ACTION_ROW, "test-failed"), ==, 0);
  g_assert_true (gtk_widget_has_css_class (named (f, GTK_TYPE_LABEL, "tests-summary"), "success"));
}

static void
check_history (Fixture *f)
{
  g_autofree char *builtin = lots_paths_dup_builtin_dir ();
  g_autofree char *filename = g_build_filename (builtin, GUIDE_PATH, NULL);
  g_autofree char *repository = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = named (f, GTK_TYPE_LIST_BOX, "history-list");
  GtkStack *stack = GTK_STACK (named (f, GTK_TYPE_STACK, "history-stack"));

  if (!lots_history_find_repository (filename, &repository, &path, NULL))
    {
      g_test_message ("the checkout is not a git repository: no history expected");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
      return;
    }
  entries = lots_history_list_file (repository, NULL, path, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >=, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "commits");
  g_assert_cmpuint (count_named (list, GTK_TYPE_LIST_BOX_ROW, "history-row"), ==, entries->len);
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) == gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  {
    g_autofree char *diff = buffer_text (named (f, GTK_SOURCE_TYPE_VIEW, "diff-view"));
    g_autofree char *expected = lots_history_dup_diff (repository, ((LotsHistoryEntry *) entries->pdata[0])->commit,
                                                       path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (diff, ==, expected);
    g_assert_true (g_str_has_prefix (diff, "diff --git a/" GUIDE_PATH));
  }
}

static void
show_view (Fixture    *f,
           const char *name,
           const char *screenshot)
{
  adw_view_stack_set_visible_child_name (view_stack (f), name);
  lots_gui_test_wait_frames (GTK_WIDGET (f->window), 3);
  lots_gui_test_save_screenshot (GTK_WIDGET (f->window), screenshot);
}

static void
test_builtin_guide (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *node;
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  const LotsGuideStep *step;

  lots_coach_page_set_caselog_filename (f->page, f->caselog);
  lots_coach_page_set_guides (f->page, f->libraries, NULL);
  g_assert_null (lots_coach_page_get_selected_guide (f->page));
  g_assert_cmpuint (count_named (named (f, GTK_TYPE_LIST_BOX, "guide-list"), GTK_TYPE_LIST_BOX_ROW, "guide-row"), ==,
                    lots_guide_library_get_guides (g_ptr_array_index (f->libraries, 0))->len);

  lots_coach_page_select_guide (f->page, GUIDE_ID);
  g_assert_cmpstr (lots_coach_page_get_selected_guide (f->page), ==, GUIDE_ID);
  check_source (f);

  f->counts_step = "vad_har_hant";
  lots_gui_test_wait_for (counts_shown, f, TIMEOUT_SECONDS, "the case-log counts on the graph");
  lots_gui_test_wait_for (tests_done, f, TIMEOUT_SECONDS, "the scenario tests to run");
  lots_gui_test_wait_for (history_done, f, TIMEOUT_SECONDS, "the history and the newest diff");

  show_view (f, "source", "coach-source.png");
  show_view (f, "steps", "coach-graph.png");
  check_graph_shape (f);
  check_counts (f);
  show_view (f, "tests", "coach-tests.png");
  check_tests (f);
  show_view (f, "history", "coach-history.png");
  check_history (f);

  /* A node leads to its step in the source. */
  adw_view_stack_set_visible_child_name (view_stack (f), "steps");
  node = lots_step_graph_get_node (graph (f), "hemlosa");
  step = lots_guide_find_step (lots_guide_library_find (g_ptr_array_index (f->libraries, 0), GUIDE_ID), "hemlosa");
  g_assert_nonnull (node);
  lots_gui_test_wait_frames (GTK_WIDGET (f->window), 2);
  gtk_widget_grab_focus (node);
  g_assert_true (gtk_widget_has_focus (node));
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  lots_gui_test_wait_for (source_shown, f, TIMEOUT_SECONDS, "Enter on a step to show its source");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (f, GTK_SOURCE_TYPE_VIEW, "source-view")));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor) + 1, ==, step->line);

  /* Another guide: the counts of that guide, not of the last one. */
  lots_coach_page_select_guide (f->page, "aldre/hemtjanst");
  f->counts_step = "vad_galler";
  lots_gui_test_wait_for (counts_shown, f, TIMEOUT_SECONDS, "the counts of aldre/hemtjanst");
  assert_counts (f, "vad_galler", "1 1");
  lots_gui_test_wait_for (tests_done, f, TIMEOUT_SECONDS, "the scenario tests of aldre/hemtjanst");
  lots_gui_test_wait_for (history_done, f, TIMEOUT_SECONDS, "the history of aldre/hemtjanst");
  show_view (f, "steps", "coach-graph-hemtjanst.png");

  /* At twice the text size the nodes grow and still do not overlap. */
  {
    GtkSettings *settings = gtk_settings_get_default ();
    int dpi = 0;

    g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
    g_object_set (settings, "gtk-xft-dpi", 2 * 96 * 1024, NULL);
    lots_coach_page_select_guide (f->page, GUIDE_ID);
    f->counts_step = "vad_har_hant";
    lots_gui_test_wait_for (counts_shown, f, TIMEOUT_SECONDS, "the counts at twice the text size");
    lots_gui_test_wait_for (tests_done, f, TIMEOUT_SECONDS, "the tests at twice the text size");
    lots_gui_test_wait_for (history_done, f, TIMEOUT_SECONDS, "the history at twice the text size");
    show_view (f, "steps", "coach-graph-large-text.png");
    check_graph_shape (f);
    g_object_set (settings, "gtk-xft-dpi", dpi > 0 ? dpi : 96 * 1024, NULL);
  }

  /* An unknown guide shows none. */
  lots_coach_page_select_guide (f->page, "finns/inte");
  g_assert_null (lots_coach_page_get_selected_guide (f->page));
}

/* A draft folder with a guide the checker finds fault with and a scenario
 * that fails; not in git. */
static void
test_draft_with_problem (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *draft = g_build_filename (f->sandbox, "utkast", NULL);
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_guide_library_free);
  GtkWidget *list;
  GtkWidget *tests;
  AdwActionRow *failed;
  GtkWidget *row;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  LotsSource *source;

  lots_test_write_manifest (draft, "utkast", "aldre");
  lots_test_write (draft, "guider/test.lua",
                   "guide { id = \"aldre/test\", title = \"Testguide\", area = \"aldre\", start = \"a\" }\n"
                   "\n"
                   "step \"a\" { say = \"Hej\", choices = { { \"Klart\", finish = { resolved = true } } } }\n"
                   "\n"
                   "step \"ensam\" { say = \"Hit kommer ingen\", finish = { resolved = true } }\n",
                   -1);
  lots_test_write (draft, "guider/test_test.lua",
                   "scenario \"Klart direkt\" {\n"
                   "  guide = \"aldre/test\",\n"
                   "  answers = { \"Klart\" },\n"
                   "  expect = { ends = \"a\", finished = true },\n"
                   "}\n"
                   "\n"
                   "scenario \"Hamnar i ensam\" {\n"
                   "  guide = \"aldre/test\",\n"
                   "  answers = { \"Klart\" },\n"
                   "  expect = { ends = \"ensam\" },\n"
                   "}\n",
                   -1);
  areas = lots_builtin_areas (&error);
  g_assert_no_error (error);
  source = lots_source_load_dir (draft, areas, diagnostics, &error);
  g_assert_no_error (error);
  g_ptr_array_add (libraries, lots_guide_library_new (source, diagnostics));

  lots_coach_page_set_guides (f->page, libraries, NULL);
  lots_coach_page_select_guide (f->page, "aldre/test");
  list = named (f, GTK_TYPE_LIST_BOX, "diagnostic-list");
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_true (gtk_widget_has_css_class (named (f, GTK_TYPE_LABEL, "check-summary"), "error") ||
                 gtk_widget_has_css_class (named (f, GTK_TYPE_LABEL, "check-summary"), "warning"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "diagnostic-row");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lots-line")), ==, 5);

  lots_gui_test_wait_for (history_done, f, TIMEOUT_SECONDS, "the history of a draft");
  lots_gui_test_wait_for (tests_done, f, TIMEOUT_SECONDS, "the tests of a draft");
  /* One scenario passes, one fails with the runner's reason. */
  g_assert_true (gtk_widget_has_css_class (named (f, GTK_TYPE_LABEL, "tests-summary"), "error"));
  tests = named (f, GTK_TYPE_LIST_BOX, "tests-list");
  g_assert_cmpuint (count_named (tests, ADW_TYPE_ACTION_ROW, "test-passed"), ==, 1);
  g_assert_cmpuint (count_named (tests, ADW_TYPE_ACTION_ROW, "test-failed"), ==, 1);
  failed = ADW_ACTION_ROW (named (f, ADW_TYPE_ACTION_ROW, "test-failed"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (failed)), ==, "Hamnar i ensam");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (failed), "ensam"));
  show_view (f, "tests", "coach-tests-failing.png");
  /* Run again (the action the button holds): the same result. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "coach.run-tests", NULL));
  g_assert_false (tests_done (f));
  lots_gui_test_wait_for (tests_done, f, TIMEOUT_SECONDS, "the tests of a draft, run again");
  g_assert_cmpuint (count_named (tests, ADW_TYPE_ACTION_ROW, "test-failed"), ==, 1);

  /* Activating the problem selects its line in the source. */
  adw_view_stack_set_visible_child_name (view_stack (f), "steps");
  gtk_widget_activate (row);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (f)), ==, "source");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (f, GTK_SOURCE_TYPE_VIEW, "source-view")));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (selected, "step \"ensam\""));
  lots_gui_test_wait_frames (GTK_WIDGET (f->window), 3);
  lots_gui_test_save_screenshot (GTK_WIDGET (f->window), "coach-diagnostics.png");

  /* The draft is in no git repository. */
  adw_view_stack_set_visible_child_name (view_stack (f), "history");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (named (f, ADW_TYPE_STATUS_PAGE, "history-status"))),
                   ==, g_dgettext (GETTEXT_PACKAGE, "No history: this source is not a git repository"));

  /* The page lets go of the libraries before they are freed. */
  lots_coach_page_set_guides (f->page, NULL, NULL);
  g_assert_null (lots_coach_page_get_selected_guide (f->page));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/coach-page/builtin-guide", test_builtin_guide);
  ADD ("/coach-page/draft-with-problem", test_draft_with_problem);
#undef ADD

  return g_test_run ();
}

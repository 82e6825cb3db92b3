/* test-search.c — a whole call in the real application, from the keyboard.
 *
 * The app runs in this process on a sandbox data directory, under Xvfb;
 * every key goes through the X server (xdotool) and GTK's own key handling:
 * type a question and see the expected results, move with the arrows, open
 * one with Enter, start the suggested guide with Alt+G and answer with
 * Alt+digits, end the case with Ctrl+Enter and save the outcome sheet with
 * Ctrl+Enter, then find the outcome in the case log file. A search that
 * finds nothing ends up in the log as a content gap. Screenshots of each
 * view go to $LOTS_TEST_SCREENSHOT_DIR.
 */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lots-caselog.h"
#include "lots-guide-panel.h"
#include "lots-gui-test-util.h"
#include "lots-outcome-dialog.h"
#include "lots-result-row.h"
#include "lots-test-util.h"

#define WAIT_S 60

typedef struct {
  LotsWindow *window;
  guint n_searches;
  const char *want_first;
} Waiting;

static GtkListBox *
results_list (LotsWindow *window)
{
  GtkWidget *list = lots_gui_test_find_by_text (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "results-list");

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static const char *
row_id (LotsWindow *window,
        int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (results_list (window), index);

  return row != NULL ? lots_result_row_get_id (LOTS_RESULT_ROW (row)) : NULL;
}

static gboolean
first_result_is (gpointer user_data)
{
  Waiting *w = user_data;

  return lots_window_get_n_searches (w->window) > w->n_searches &&
         g_strcmp0 (row_id (w->window, 0), w->want_first) == 0;
}

static gboolean
article_shown (gpointer user_data)
{
  Waiting *w = user_data;

  return g_strcmp0 (lots_window_get_shown_article (w->window), w->want_first) == 0;
}

static GtkWidget *
search_entry (LotsWindow *window)
{
  GtkWidget *entry = lots_gui_test_find_by_text (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, "search-entry");

  g_assert_nonnull (entry);
  return entry;
}

/* Clears the entry through the keyboard and types TEXT; waits until the
 * first result is WANT_FIRST. */
static void
search_for (LotsWindow *window,
            const char *text,
            const char *want_first)
{
  Waiting w = { window, lots_window_get_n_searches (window), want_first };

  lots_gui_test_press_key (GDK_KEY_k, GDK_CONTROL_MASK);
  lots_gui_test_type_text (text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry (window))), ==, text);
  lots_gui_test_wait_for (first_result_is, &w, WAIT_S, want_first);
}

static LotsOutcomeDialog *
find_outcome_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LOTS_IS_OUTCOME_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
outcome_dialog_open (gpointer user_data)
{
  return find_outcome_dialog () != NULL;
}

static gboolean
case_ended (gpointer user_data)
{
  return lots_window_get_case (user_data) == NULL && find_outcome_dialog () == NULL;
}

static LotsGuidePanel *
guide_panel (LotsWindow *window)
{
  GtkWidget *panel = lots_gui_test_find_descendant (GTK_WIDGET (window), LOTS_TYPE_GUIDE_PANEL);

  g_assert_nonnull (panel);
  return LOTS_GUIDE_PANEL (panel);
}

static gboolean
guide_running (gpointer user_data)
{
  return lots_guide_panel_get_session (guide_panel (user_data)) != NULL;
}

typedef struct {
  LotsWindow *window;
  const char *type;
} PageWait;

/* The page was built and is on screen (its type is registered only once
 * the first one is made). */
static gboolean
page_mapped (gpointer user_data)
{
  PageWait *pw = user_data;
  GType type = g_type_from_name (pw->type);
  GtkWidget *page;

  if (type == 0)
    return FALSE;
  page = lots_gui_test_find_descendant (GTK_WIDGET (pw->window), type);
  return page != NULL && gtk_widget_get_mapped (page);
}

static void
script_call (LotsApplication *app,
             LotsWindow      *window,
             gpointer         user_data)
{
  GtkWindow *win = GTK_WINDOW (window);
  const LotsCase *draft;
  Waiting w = { window, 0, "aldre/ansoka-hemtjanst" };
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  LotsCase *logged;
  LotsGuideSession *session;

  /* The search has the focus from the start; no case runs yet. */
  g_assert_true (gtk_widget_has_focus (gtk_window_get_focus (win)) &&
                 gtk_widget_is_ancestor (gtk_window_get_focus (win), search_entry (window)));
  g_assert_null (lots_window_get_case (window));
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "call-start.png");

  /* Typing searches as it goes, and starts a case. */
  search_for (window, "hemtjänst", "aldre/ansoka-hemtjanst");
  g_assert_nonnull (row_id (window, 1));
  g_assert_nonnull (lots_window_get_case (window));
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "call-results.png");

  /* Down selects the second result without leaving the entry; Up goes
   * back; Enter opens the selected one. */
  lots_gui_test_press_key (GDK_KEY_Down, 0);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (results_list (window))), ==, 1);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (win), search_entry (window)));
  lots_gui_test_press_key (GDK_KEY_Up, 0);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (results_list (window))), ==, 0);
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  lots_gui_test_wait_for (article_shown, &w, WAIT_S, "the article to open");
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "call-article.png");

  draft = lots_window_get_case (window);
  g_assert_cmpuint (draft->articles->len, ==, 1);
  g_assert_cmpstr (((LotsCaseArticle *) g_ptr_array_index (draft->articles, 0))->id, ==, "aldre/ansoka-hemtjanst");

  /* A prefix as typed finds the guide's article, and the guide is
   * suggested: Alt+G starts it, Alt+3 answers its first question. */
  search_for (window, "trygghetsl", "aldre/trygghetslarm");
  lots_gui_test_press_key (GDK_KEY_g, GDK_ALT_MASK);
  lots_gui_test_wait_for (guide_running, window, WAIT_S, "the guide to start");
  session = lots_guide_panel_get_session (guide_panel (window));
  g_assert_cmpstr (lots_guide_get_id (lots_guide_session_get_guide (session)), ==, "aldre/trygghetslarm");
  lots_gui_test_press_key (GDK_KEY_3, GDK_ALT_MASK);
  {
    g_autoptr(GPtrArray) path = lots_guide_session_dup_path (lots_guide_panel_get_session (guide_panel (window)));

    g_assert_cmpuint (path->len, >=, 2);
    g_assert_cmpstr (g_ptr_array_index (path, 0), ==, "vad_galler");
    g_assert_cmpstr (g_ptr_array_index (path, 1), ==, "avgift");
  }
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "call-guide.png");

  /* Ctrl+Enter: the outcome sheet, prefilled from the guide; Ctrl+Enter
   * again saves it. */
  lots_gui_test_press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
  lots_gui_test_wait_for (outcome_dialog_open, NULL, WAIT_S, "the outcome sheet");
  lots_gui_test_wait_frames (GTK_WIDGET (find_outcome_dialog ()), 3);
  lots_gui_test_focus_window (GTK_WINDOW (find_outcome_dialog ()));
  lots_gui_test_save_screenshot (GTK_WIDGET (find_outcome_dialog ()), "call-outcome.png");
  lots_gui_test_press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
  lots_gui_test_wait_for (case_ended, window, WAIT_S, "the case to be saved");

  log = lots_caselog_open (lots_application_get_caselog_filename (app), &error);
  g_assert_no_error (error);
  cases = lots_caselog_list (log, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  logged = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (logged->channel, ==, "telefon");
  g_assert_cmpstr (logged->area, ==, "aldre");
  g_assert_cmpstr (logged->guide, ==, "aldre/trygghetslarm");
  g_assert_cmpuint (logged->path->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (logged->path, 1), ==, "avgift");
  g_assert_cmpuint (logged->articles->len, >=, 1);
  g_assert_cmpstr (((LotsCaseArticle *) g_ptr_array_index (logged->articles, 0))->id, ==, "aldre/ansoka-hemtjanst");
  g_assert_nonnull (((LotsCaseArticle *) g_ptr_array_index (logged->articles, 0))->commit);

  /* After the case, the search is empty and focused for the next call. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry (window))), ==, "");
  g_assert_null (lots_guide_panel_get_session (guide_panel (window)));

  /* The other pages, built when first shown: Ctrl+2, 3, 4, then back. */
  {
    const struct { guint key; const char *type; const char *shot; } pages[] = {
      { GDK_KEY_2, "LotsStatsPage", "window-stats.png" },
      { GDK_KEY_3, "LotsCoachPage", "window-coach.png" },
      { GDK_KEY_4, "LotsPublisherPage", "window-publisher.png" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        PageWait pw = { window, pages[i].type };

        lots_gui_test_press_key (pages[i].key, GDK_CONTROL_MASK);
        lots_gui_test_wait_for (page_mapped, &pw, WAIT_S, pages[i].type);
        g_usleep (300000);
        lots_gui_test_wait_frames (GTK_WIDGET (window), 5);
        lots_gui_test_save_screenshot (GTK_WIDGET (window), pages[i].shot);
      }
    lots_gui_test_press_key (GDK_KEY_1, GDK_CONTROL_MASK);
    g_assert_true (gtk_widget_get_mapped (search_entry (window)));
  }
}

static void
test_call_from_the_keyboard (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();

  lots_gui_test_run_app (sandbox, NULL, script_call, NULL);
}

typedef struct {
  const char *filename;
  const char *query;
} Gap;

static void
on_empty_search (const LotsEmptySearchRow *row,
                 gpointer                  user_data)
{
  guint *n = user_data;

  if (g_str_has_prefix (row->query, "xylofonfodral"))
    (*n)++;
}

static gboolean
gap_recorded (gpointer user_data)
{
  Gap *gap = user_data;
  g_autoptr(LotsCaselog) log = lots_caselog_open (gap->filename, NULL);
  guint n = 0;

  if (log == NULL)
    return FALSE;
  lots_caselog_scan_empty_searches (log, 0, on_empty_search, &n, NULL);
  return n == 1;
}

static gboolean
nothing_found_shown (gpointer user_data)
{
  LotsWindow *window = user_data;
  GtkWidget *page = lots_gui_test_find_by_text (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "nothing-found");

  return page != NULL && gtk_widget_get_mapped (page);
}

static void
script_gap (LotsApplication *app,
            LotsWindow      *window,
            gpointer         user_data)
{
  Gap gap = { lots_application_get_caselog_filename (app), "xylofonfodral" };

  lots_gui_test_type_text ("xylofonfodral");
  lots_gui_test_wait_for (nothing_found_shown, window, WAIT_S, "“nothing found”");
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "call-nothing-found.png");
  /* Enter on a search that found nothing records it at once (otherwise it
   * is recorded when it has stood for a moment); once per case. */
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  lots_gui_test_wait_for (gap_recorded, &gap, WAIT_S, "the content gap to be recorded");
}

static void
test_content_gap (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();

  lots_gui_test_run_app (sandbox, NULL, script_gap, NULL);
}

/* lots_search_controller_wait(): the worker's answer is waited for, and
 * its callback then runs before anything of a lower priority, as GTK's
 * painting is: a keystroke's results are drawn in the frame that shows the
 * letter typed. */
typedef struct {
  GString *order;
  LotsSearchResult *result;
} Answer;

static void
on_answer (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Answer *answer = user_data;

  answer->result = lots_search_controller_search_finish (LOTS_SEARCH_CONTROLLER (object), result, NULL);
  g_string_append (answer->order, "answer ");
}

static gboolean
on_low_priority (gpointer user_data)
{
  g_string_append (user_data, "paint ");
  return G_SOURCE_REMOVE;
}

static void
script_wait (LotsApplication *app,
             LotsWindow      *window,
             gpointer         user_data)
{
  LotsSearchController *search = lots_application_get_search (app);
  g_autoptr(GString) order = g_string_new (NULL);
  Answer answer = { order, NULL };

  /* Nothing asked: nothing to wait for. */
  g_assert_true (lots_search_controller_wait (search, 0));

  lots_search_controller_search_async (search, "hemtjänst", NULL, NULL, "sv", on_answer, &answer);
  g_assert_true (lots_search_controller_wait (search, 10 * G_USEC_PER_SEC));
  g_idle_add_full (GDK_PRIORITY_REDRAW, on_low_priority, order, NULL);
  while (answer.result == NULL || order->len < strlen ("answer paint "))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (order->str, ==, "answer paint ");
  g_assert_cmpuint (answer.result->hits->len, >, 0);
  g_clear_pointer (&answer.result, lots_search_result_free);
}

static void
test_wait_for_answer (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();

  lots_gui_test_run_app (sandbox, NULL, script_wait, NULL);
}

/* Matched words in bold; the article's own text never read as markup. */
static void
test_snippet_markup (void)
{
  g_autofree char *markup = lots_result_row_markup_snippet ("Om \x02hemtjänst\x03 & <avgift> \x02larm");

  g_assert_cmpstr (markup, ==, "Om <b>hemtjänst</b> &amp; &lt;avgift&gt; <b>larm</b>");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  g_test_add_func ("/search/snippet-markup", test_snippet_markup);
  g_test_add_func ("/search/call-from-the-keyboard", test_call_from_the_keyboard);
  g_test_add_func ("/search/content-gap", test_content_gap);
  g_test_add_func ("/search/wait-for-answer", test_wait_for_answer);

  return g_test_run ();
}

/* lots-coach-page.c — the coach's view of the call guides (see the header).
 *
 * The page keeps no model of its own: the guides come from the libraries
 * it is given, the counts from the case log (through the report the
 * analysts read, lots-report.h, so the coach and the statistics agree),
 * the history from git (lots-history.h). Each of the three slow sources of
 * data has its own task and cancellable; a result is shown only when its
 * request is still the latest one.
 *
 * Where history comes from: a library given with a repository path reads
 * it there (the bare repository of a synced source, whose guide paths are
 * tree paths); otherwise the guide's file is looked for under the built-in
 * folder and the git working tree around it is used — the built-in source
 * ships in the project's checkout, which is its history. A file in no
 * repository has no history, and the page says so.
 *
 * Scenario tests are per guide: the test files named after the guide
 * (GUIDE_test.lua) or naming its id. The runner reports counts and one line
 * per failure; the page lists each scenario declared in those files with
 * its result, matching failures to scenarios by name. Runs are serialised
 * (one at a time) because a run sets the host's time of the library.
 */
#define G_LOG_DOMAIN "lots-coach-page"

#include "config.h"

#include "lots-coach-page.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lots-caselog.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-guide-check.h"
#include "lots-guide-scenario.h"
#include "lots-history.h"
#include "lots-paths.h"
#include "lots-report.h"
#include "lots-step-graph.h"

/* The newest commits shown; older ones are rarely what a coach looks for,
 * and the walk stays short on a long-lived checkout. */
#define HISTORY_MAX 200

typedef struct
{
  LotsGuide *guide;            /* borrowed from library */
  LotsGuideLibrary *library;   /* borrowed */
  char *repository_path;       /* NULL: the working tree around the file */
} GuideEntry;

struct _LotsCoachPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkListBox *guide_list;
  GtkStack *content_stack;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  AdwViewStack *view_stack;
  GtkSourceView *source_view;
  GtkLabel *check_label;
  GtkListBox *diagnostic_list;
  GtkLabel *counts_label;
  LotsStepGraph *step_graph;
  GtkSpinner *tests_spinner;
  GtkLabel *tests_label;
  GtkListBox *tests_list;
  GtkStack *history_stack;
  AdwStatusPage *history_status;
  GtkListBox *history_list;
  GtkSourceView *diff_view;

  GPtrArray *entries;          /* GuideEntry, sorted by area and title */
  GuideEntry *current;
  char *caselog_filename;

  GCancellable *counts_cancellable;
  GCancellable *history_cancellable;
  GCancellable *diff_cancellable;
  GCancellable *tests_cancellable;
  gboolean tests_running;
  gboolean tests_pending;      /* run again for the current guide when done */
  gboolean disposed;

  /* Where the shown history was read: what a diff is asked of. */
  char *history_repository;
  char *history_path;
};

G_DEFINE_FINAL_TYPE (LotsCoachPage, lots_coach_page, ADW_TYPE_BIN)

static void start_tests (LotsCoachPage *self);

static void
guide_entry_free (GuideEntry *entry)
{
  g_free (entry->repository_path);
  g_free (entry);
}

static void
renew_cancellable (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

static void
cancel (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

/* Whether TASK's result is for the latest request: older ones were
 * cancelled when a newer one started. */
static gboolean
task_is_current (GAsyncResult *result)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  return cancellable == NULL || !g_cancellable_is_cancelled (cancellable);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
status_icon_new (const char *icon_name,
                 const char *style_class,
                 const char *label)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (image, style_class);
  gtk_widget_set_tooltip_text (image, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return image;
}

static void
set_label_style (GtkLabel   *label,
                 const char *style_class)
{
  const char *classes[] = { "success", "error", "warning", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  if (style_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), style_class);
}

/* ---- source view ---------------------------------------------------------- */

static void
apply_style_scheme (LotsCoachPage *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");
  GtkSourceView *views[] = { self->source_view, self->diff_view };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (views[i]));
      gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), scheme);
    }
}

static void
on_style_manager_notify_dark (LotsCoachPage  *self,
                              GParamSpec     *pspec,
                              AdwStyleManager *manager)
{
  apply_style_scheme (self);
}

/* Shows LINE (1-based) of the source, selected, and moves the focus there. */
static void
show_source_line (LotsCoachPage *self,
                  guint          line)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  GtkTextIter start, end;

  adw_view_stack_set_visible_child_name (self->view_stack, "source");
  if (line == 0)
    return;
  gtk_text_buffer_get_iter_at_line (buffer, &start, (int) line - 1);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.0);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
on_diagnostic_list_row_activated (GtkListBox    *list,
                                  GtkListBoxRow *row,
                                  LotsCoachPage *self)
{
  show_source_line (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lots-line")));
}

static void
on_step_graph_step_activated (LotsStepGraph *graph,
                              const char    *step_id,
                              guint          line,
                              LotsCoachPage *self)
{
  show_source_line (self, line);
}

static GtkWidget *
diagnostic_row_new (const LotsDiagnostic *diagnostic)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean error = diagnostic->severity == LOTS_SEVERITY_ERROR;
  g_autofree char *where = diagnostic->line > 0 ? g_strdup_printf (_("Line %u"), diagnostic->line)
                                                : g_strdup (_("The whole file"));

  gtk_widget_set_name (row, "diagnostic-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), diagnostic->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             status_icon_new (error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                                              error ? "error" : "warning", error ? _("Error") : _("Warning")));
  if (diagnostic->line > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show this line in the source"));
    }
  g_object_set_data (G_OBJECT (row), "lots-line", GUINT_TO_POINTER (diagnostic->line));
  return row;
}

/* The static checks of one guide are quick (no Lua runs): done here. */
static void
show_source (LotsCoachPage *self,
             GuideEntry    *entry)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  GBytes *text = lots_guide_get_text (entry->guide);
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  gsize length = 0;
  const char *data = text ? g_bytes_get_data (text, &length) : NULL;
  GtkTextIter start;
  guint n_errors;

  if (data != NULL && g_utf8_validate_len (data, length, NULL))
    gtk_text_buffer_set_text (buffer, data, (int) length);
  else
    gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  /* Without the manifest's areas (a library does not expose them): the
   * area check is lint's and the sync gate's; the rest is the guide's. */
  lots_guide_check (entry->guide, NULL, diagnostics);
  lots_diagnostics_sort (diagnostics);
  remove_all_rows (self->diagnostic_list);
  for (guint i = 0; i < diagnostics->len; i++)
    gtk_list_box_append (self->diagnostic_list, diagnostic_row_new (g_ptr_array_index (diagnostics, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->diagnostic_list), diagnostics->len > 0);
  n_errors = lots_diagnostics_n_errors (diagnostics);
  if (diagnostics->len == 0)
    {
      gtk_label_set_text (self->check_label, _("The checks found no problems in this guide."));
      set_label_style (self->check_label, "success");
    }
  else
    {
      g_autofree char *summary = g_strdup_printf (ngettext ("The checks found %u problem in this guide.",
                                                            "The checks found %u problems in this guide.",
                                                            diagnostics->len),
                                                  diagnostics->len);
      gtk_label_set_text (self->check_label, summary);
      set_label_style (self->check_label, n_errors > 0 ? "error" : "warning");
    }
}

/* ---- counts from the case log --------------------------------------------- */

typedef struct
{
  gboolean no_log;
  guint calls;
  guint resolved;
  GHashTable *passed;   /* step → GUINT_TO_POINTER (calls) */
  GHashTable *ended;
} Counts;

static void
counts_free (Counts *counts)
{
  g_clear_pointer (&counts->passed, g_hash_table_unref);
  g_clear_pointer (&counts->ended, g_hash_table_unref);
  g_free (counts);
}

static GHashTable *
step_counts (JsonObject *guide,
             const char *member)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array = json_object_has_member (guide, member) ? json_object_get_array_member (guide, member) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      if (o != NULL && json_object_has_member (o, "step"))
        g_hash_table_insert (table, g_strdup (json_object_get_string_member (o, "step")),
                             GUINT_TO_POINTER ((guint) json_object_get_int_member_with_default (o, "calls", 0)));
    }
  return table;
}

/* In the worker: the report over the whole journal, as the statistics page
 * reads it, and this guide's part of it. */
static void
counts_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  char **data = task_data;   /* { filename, guide id } */
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(LotsReport) report = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  Counts *counts = g_new0 (Counts, 1);
  JsonArray *guides;

  /* Opening would create the journal: a coach looking must not. */
  if (!g_file_test (data[0], G_FILE_TEST_IS_REGULAR))
    {
      counts->no_log = TRUE;
      g_task_return_pointer (task, counts, (GDestroyNotify) counts_free);
      return;
    }
  log = lots_caselog_open (data[0], &error);
  report = log ? lots_report_build (log, 0, &error) : NULL;
  if (report == NULL)
    {
      counts_free (counts);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  root = lots_report_to_json (report);
  guides = JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "guides")
             ? json_object_get_array_member (json_node_get_object (root), "guides")
             : NULL;
  for (guint i = 0; guides != NULL && i < json_array_get_length (guides); i++)
    {
      JsonObject *guide = json_array_get_object_element (guides, i);
      if (g_strcmp0 (json_object_get_string_member (guide, "guide"), data[1]) != 0)
        continue;
      counts->calls = (guint) json_object_get_int_member_with_default (guide, "calls", 0);
      counts->resolved = (guint) json_object_get_int_member_with_default (guide, "resolved", 0);
      counts->passed = step_counts (guide, "steps");
      counts->ended = step_counts (guide, "ended");
    }
  if (counts->passed == NULL)
    {
      counts->passed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      counts->ended = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  g_task_return_pointer (task, counts, (GDestroyNotify) counts_free);
}

static void
on_counts_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LotsCoachPage *self = LOTS_COACH_PAGE (object);
  g_autoptr(GError) error = NULL;
  Counts *counts;
  g_autofree char *text = NULL;

  if (!task_is_current (result))
    return;
  counts = g_task_propagate_pointer (G_TASK (result), &error);
  if (counts == NULL)
    {
      text = g_strdup_printf (_("The case log could not be read: %s"), error->message);
      gtk_label_set_text (self->counts_label, text);
      set_label_style (self->counts_label, "error");
      lots_step_graph_set_counts (self->step_graph, NULL, NULL);
      return;
    }
  set_label_style (self->counts_label, "dim-label");
  if (counts->no_log)
    {
      gtk_label_set_text (self->counts_label, _("No call has been logged on this workstation yet."));
      lots_step_graph_set_counts (self->step_graph, NULL, NULL);
    }
  else
    {
      if (counts->calls == 0)
        text = g_strdup (_("No logged call has used this guide yet."));
      else
        text = g_strdup_printf (ngettext ("%u logged call used this guide, %u resolved at the first contact.",
                                          "%u logged calls used this guide, %u resolved at the first contact.",
                                          counts->calls),
                                counts->calls, counts->resolved);
      gtk_label_set_text (self->counts_label, text);
      lots_step_graph_set_counts (self->step_graph, counts->passed, counts->ended);
    }
  counts_free (counts);
}

static void
start_counts (LotsCoachPage *self)
{
  g_autoptr(GTask) task = NULL;
  char **data;

  renew_cancellable (&self->counts_cancellable);
  lots_step_graph_set_counts (self->step_graph, NULL, NULL);
  set_label_style (self->counts_label, "dim-label");
  if (self->current == NULL)
    return;
  if (self->caselog_filename == NULL)
    {
      gtk_label_set_text (self->counts_label, _("No case log is open: the calls through each step are not counted."));
      return;
    }
  gtk_label_set_text (self->counts_label, _("Counting the calls in the case log …"));
  data = g_new0 (char *, 3);
  data[0] = g_strdup (self->caselog_filename);
  data[1] = g_strdup (lots_guide_get_id (self->current->guide));
  task = g_task_new (self, self->counts_cancellable, on_counts_done, NULL);
  g_task_set_source_tag (task, start_counts);
  g_task_set_task_data (task, data, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, counts_thread);
}

/* ---- scenario tests ------------------------------------------------------- */

typedef struct
{
  char *display;    /* the test file, as the runner names it */
  GBytes *text;
} TestFile;

typedef struct
{
  LotsGuideLibrary *library;
  GPtrArray *files;    /* TestFile */
} TestsRequest;

typedef struct
{
  char *name;
  gboolean passed;
  char *message;       /* failures, one a line; NULL when it passed */
} TestRow;

typedef struct
{
  guint passed;
  guint failed;
  GPtrArray *rows;     /* TestRow */
} TestsResult;

static void
test_file_free (TestFile *file)
{
  g_free (file->display);
  g_clear_pointer (&file->text, g_bytes_unref);
  g_free (file);
}

static void
tests_request_free (TestsRequest *request)
{
  g_ptr_array_unref (request->files);
  g_free (request);
}

static void
test_row_free (TestRow *row)
{
  g_free (row->name);
  g_free (row->message);
  g_free (row);
}

static void
tests_result_free (TestsResult *result)
{
  g_ptr_array_unref (result->rows);
  g_free (result);
}

/* The names of the scenarios FILE declares (scenario "NAME" { … }), in
 * order: what the runner ran, for the rows. */
static GPtrArray *
scenario_names (GBytes *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*scenario\\s*\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
                                         G_REGEX_MULTILINE, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GMatchInfo) match = NULL;
  gsize length = 0;
  const char *data = text ? g_bytes_get_data (text, &length) : NULL;

  if (data == NULL || !g_utf8_validate_len (data, length, NULL))
    return names;
  g_regex_match_full (regex, data, (gssize) length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (names, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  return names;
}

/* Rows for one test file: each declared scenario, failed when a failure
 * line names it; failures that name no scenario (the file does not load)
 * as rows of their own. */
static void
add_file_rows (TestsResult         *result,
               const TestFile      *file,
               LotsGuideTestReport *report)
{
  g_autoptr(GPtrArray) names = scenario_names (file->text);
  g_autofree gboolean *used = g_new0 (gboolean, report->failures->len + 1);

  for (guint n = 0; n < names->len; n++)
    {
      g_autofree char *key = g_strdup_printf (": scenario \"%s\": ", (char *) names->pdata[n]);
      TestRow *row = g_new0 (TestRow, 1);
      GString *message = NULL;

      row->name = g_strdup (names->pdata[n]);
      for (guint f = 0; f < report->failures->len; f++)
        {
          const char *failure = report->failures->pdata[f];
          const char *at = strstr (failure, key);
          if (at == NULL)
            continue;
          used[f] = TRUE;
          if (message == NULL)
            message = g_string_new (NULL);
          else
            g_string_append_c (message, '\n');
          g_string_append (message, at + strlen (key));
        }
      row->passed = message == NULL;
      row->message = message ? g_string_free (message, FALSE) : NULL;
      g_ptr_array_add (result->rows, row);
    }
  for (guint f = 0; f < report->failures->len; f++)
    {
      TestRow *row;

      if (used[f])
        continue;
      row = g_new0 (TestRow, 1);
      row->name = g_strdup (file->display);
      row->message = g_strdup (report->failures->pdata[f]);
      g_ptr_array_add (result->rows, row);
    }
}

static void
tests_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TestsRequest *request = task_data;
  TestsResult *result = g_new0 (TestsResult, 1);

  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) test_row_free);
  for (guint i = 0; i < request->files->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const TestFile *file = g_ptr_array_index (request->files, i);
      g_autoptr(LotsGuideTestReport) report = lots_guide_test_report_new ();

      lots_guide_run_scenarios (request->library, file->display, report);
      result->passed += report->passed;
      result->failed += report->failed;
      add_file_rows (result, file, report);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) tests_result_free);
}

static GtkWidget *
test_row_new (const TestRow *test)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, test->passed ? "test-passed" : "test-failed");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), test->name);
  if (test->message != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), test->message);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             test->passed ? status_icon_new ("emblem-ok-symbolic", "success", _("Passed"))
                                          : status_icon_new ("dialog-error-symbolic", "error", _("Failed")));
  return row;
}

static void
on_tests_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LotsCoachPage *self = LOTS_COACH_PAGE (object);
  TestsResult *tests;
  g_autofree char *text = NULL;

  self->tests_running = FALSE;
  if (self->disposed)
    return;
  gtk_spinner_set_spinning (self->tests_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->tests_spinner), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coach.run-tests", self->current != NULL);
  if (self->tests_pending)
    {
      self->tests_pending = FALSE;
      start_tests (self);
      return;
    }
  if (!task_is_current (result))
    return;
  tests = g_task_propagate_pointer (G_TASK (result), NULL);
  if (tests == NULL)
    return;
  remove_all_rows (self->tests_list);
  for (guint i = 0; i < tests->rows->len; i++)
    gtk_list_box_append (self->tests_list, test_row_new (g_ptr_array_index (tests->rows, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->tests_list), tests->rows->len > 0);
  if (tests->failed > 0)
    {
      text = g_strdup_printf (ngettext ("%u of %u scenario fails", "%u of %u scenarios fail",
                                        tests->passed + tests->failed),
                              tests->failed, tests->passed + tests->failed);
      set_label_style (self->tests_label, "error");
    }
  else if (tests->passed > 0)
    {
      text = g_strdup_printf (ngettext ("%u scenario passes", "All %u scenarios pass", tests->passed),
                              tests->passed);
      set_label_style (self->tests_label, "success");
    }
  else
    {
      text = g_strdup (_("This guide has no scenario tests"));
      set_label_style (self->tests_label, "warning");
    }
  gtk_label_set_text (self->tests_label, text);
  tests_result_free (tests);
}

/* The test files of the current guide: GUIDE_test.lua beside it, and any
 * other test file with a scenario of it (guide = "ID"). */
static GPtrArray *
tests_of_guide (GuideEntry *entry)
{
  GPtrArray *tests = lots_guide_library_get_tests (entry->library);
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) test_file_free);
  const char *path = lots_guide_get_path (entry->guide);
  g_autofree char *stem = g_str_has_suffix (path, ".lua") ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  g_autofree char *sibling = g_strconcat (stem, "_test.lua", NULL);
  g_autofree char *escaped = g_regex_escape_string (lots_guide_get_id (entry->guide), -1);
  g_autofree char *pattern = g_strdup_printf ("\\bguide\\s*=\\s*\"%s\"", escaped);
  g_autoptr(GRegex) names_guide = g_regex_new (pattern, 0, 0, NULL);

  for (guint i = 0; i < tests->len; i++)
    {
      const LotsSourceFile *file = g_ptr_array_index (tests, i);
      gsize length = 0;
      const char *text = file->bytes ? g_bytes_get_data (file->bytes, &length) : NULL;
      TestFile *test;

      if (g_strcmp0 (file->display, sibling) != 0 && g_strcmp0 (file->path, sibling) != 0 &&
          (text == NULL || names_guide == NULL ||
           !g_regex_match_full (names_guide, text, (gssize) length, 0, 0, NULL, NULL)))
        continue;
      test = g_new0 (TestFile, 1);
      test->display = g_strdup (file->display);
      test->text = file->bytes ? g_bytes_ref (file->bytes) : NULL;
      g_ptr_array_add (files, test);
    }
  return files;
}

static void
start_tests (LotsCoachPage *self)
{
  g_autoptr(GTask) task = NULL;
  TestsRequest *request;

  renew_cancellable (&self->tests_cancellable);
  remove_all_rows (self->tests_list);
  gtk_widget_set_visible (GTK_WIDGET (self->tests_list), FALSE);
  set_label_style (self->tests_label, NULL);
  if (self->current == NULL)
    return;
  gtk_label_set_text (self->tests_label, _("Running the scenario tests …"));
  gtk_widget_set_visible (GTK_WIDGET (self->tests_spinner), TRUE);
  gtk_spinner_set_spinning (self->tests_spinner, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coach.run-tests", FALSE);
  /* One run at a time: the next starts when this one is done. */
  if (self->tests_running)
    {
      self->tests_pending = TRUE;
      return;
    }
  request = g_new0 (TestsRequest, 1);
  request->library = self->current->library;
  request->files = tests_of_guide (self->current);
  self->tests_running = TRUE;
  task = g_task_new (self, self->tests_cancellable, on_tests_done, NULL);
  g_task_set_source_tag (task, start_tests);
  g_task_set_task_data (task, request, (GDestroyNotify) tests_request_free);
  g_task_run_in_thread (task, tests_thread);
}

static void
lots_coach_page_run_tests (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  start_tests (LOTS_COACH_PAGE (widget));
}

/* ---- history -------------------------------------------------------------- */

typedef struct
{
  char *repository_path;   /* NULL: look around the file on disk */
  char *path;              /* the guide's path in its source */
  char *builtin_dir;
} HistoryRequest;

typedef struct
{
  char *repository_path;
  char *path;              /* in the repository */
  GPtrArray *entries;      /* LotsHistoryEntry */
} HistoryResult;

static void
history_request_free (HistoryRequest *request)
{
  g_free (request->repository_path);
  g_free (request->path);
  g_free (request->builtin_dir);
  g_free (request);
}

static void
history_result_free (HistoryResult *result)
{
  g_free (result->repository_path);
  g_free (result->path);
  g_clear_pointer (&result->entries, g_ptr_array_unref);
  g_free (result);
}

static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  HistoryRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  HistoryResult *result = g_new0 (HistoryResult, 1);

  if (request->repository_path != NULL)
    {
      result->repository_path = g_strdup (request->repository_path);
      result->path = g_strdup (request->path);
    }
  else
    {
      /* The built-in source names its files by their full path. */
      g_autofree char *filename = g_path_is_absolute (request->path)
                                    ? g_strdup (request->path)
                                    : g_build_filename (request->builtin_dir, request->path, NULL);
      if (!lots_history_find_repository (filename, &result->repository_path, &result->path, &error))
        {
          history_result_free (result);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  result->entries = lots_history_list_file (result->repository_path, NULL, result->path, HISTORY_MAX, &error);
  if (result->entries == NULL)
    {
      history_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) history_result_free);
}

static char *
format_date (const char *iso8601)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr(GDateTime) local = when ? g_date_time_to_local (when) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso8601);
}

static GtkWidget *
history_row_new (const LotsHistoryEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *summary = gtk_label_new (entry->summary);
  GtkWidget *details;
  g_autofree char *date = format_date (entry->date);
  g_autofree char *abbreviated = g_strndup (entry->commit, 8);
  /* TRANSLATORS: author · date · commit, under a commit's summary */
  g_autofree char *text = g_strdup_printf (_("%s · %s · %s"), entry->author, date, abbreviated);

  gtk_widget_set_name (row, "history-row");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (summary), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (summary), 0.0);
  details = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (details), 0.0);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "lots-commit", g_strdup (entry->commit), g_free);
  return row;
}

static void
show_history_status (LotsCoachPage *self,
                     const char    *title,
                     const char    *description)
{
  adw_status_page_set_title (self->history_status, title);
  adw_status_page_set_description (self->history_status, description);
  gtk_stack_set_visible_child_name (self->history_stack, "empty");
}

static void
on_history_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LotsCoachPage *self = LOTS_COACH_PAGE (object);
  g_autoptr(GError) error = NULL;
  HistoryResult *history;

  if (!task_is_current (result))
    return;
  history = g_task_propagate_pointer (G_TASK (result), &error);
  if (history == NULL)
    {
      if (g_error_matches (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND))
        show_history_status (self, _("No History"), _("No history: this source is not a git repository"));
      else
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);
          show_history_status (self, _("The History Could Not Be Read"), escaped);
        }
      return;
    }
  g_free (self->history_repository);
  self->history_repository = g_strdup (history->repository_path);
  g_free (self->history_path);
  self->history_path = g_strdup (history->path);
  if (history->entries->len == 0)
    show_history_status (self, _("No Commits"), _("No commit has changed this guide's file yet."));
  else
    {
      for (guint i = 0; i < history->entries->len; i++)
        gtk_list_box_append (self->history_list, history_row_new (g_ptr_array_index (history->entries, i)));
      gtk_stack_set_visible_child_name (self->history_stack, "commits");
      gtk_list_box_select_row (self->history_list, gtk_list_box_get_row_at_index (self->history_list, 0));
    }
  history_result_free (history);
}

static void
start_history (LotsCoachPage *self)
{
  g_autoptr(GTask) task = NULL;
  HistoryRequest *request;

  renew_cancellable (&self->history_cancellable);
  cancel (&self->diff_cancellable);
  g_clear_pointer (&self->history_repository, g_free);
  g_clear_pointer (&self->history_path, g_free);
  remove_all_rows (self->history_list);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->diff_view)), "", 0);
  if (self->current == NULL)
    return;
  gtk_stack_set_visible_child_name (self->history_stack, "loading");
  request = g_new0 (HistoryRequest, 1);
  request->repository_path = g_strdup (self->current->repository_path);
  request->path = g_strdup (lots_guide_get_path (self->current->guide));
  request->builtin_dir = lots_paths_dup_builtin_dir ();
  task = g_task_new (self, self->history_cancellable, on_history_done, NULL);
  g_task_set_source_tag (task, start_history);
  g_task_set_task_data (task, request, (GDestroyNotify) history_request_free);
  g_task_run_in_thread (task, history_thread);
}

/* ---- diff of one commit --------------------------------------------------- */

static void
diff_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  char **data = task_data;   /* { repository, commit, path } */
  GError *error = NULL;
  char *diff = lots_history_dup_diff (data[0], data[1], data[2], &error);

  if (diff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, diff, g_free);
}

/* Colours a unified diff: added lines on green, removed lines on red,
 * hunk headers in the accent colour, file headers dimmed. Done here rather
 * than with the "diff" language, which takes a removed Lua comment
 * ("--- …" once prefixed) for a file header, and only tints the text. */
static void
tag_diff_lines (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  int n = gtk_text_buffer_get_line_count (buffer);
  gboolean in_hunk = FALSE;

  if (gtk_text_tag_table_lookup (table, "lots-added") == NULL)
    {
      GdkRGBA green = { 0.18f, 0.76f, 0.49f, 0.22f };
      GdkRGBA red = { 0.88f, 0.11f, 0.14f, 0.20f };
      GdkRGBA blue = { 0.21f, 0.52f, 0.89f, 1.0f };

      gtk_text_buffer_create_tag (buffer, "lots-added", "paragraph-background-rgba", &green, NULL);
      gtk_text_buffer_create_tag (buffer, "lots-removed", "paragraph-background-rgba", &red, NULL);
      gtk_text_buffer_create_tag (buffer, "lots-hunk", "foreground-rgba", &blue, NULL);
      gtk_text_buffer_create_tag (buffer, "lots-file", "weight", PANGO_WEIGHT_BOLD, NULL);
    }
  for (int i = 0; i < n; i++)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      const char *tag = NULL;

      gtk_text_buffer_get_iter_at_line (buffer, &start, i);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_str_has_prefix (text, "diff --git "))
        in_hunk = FALSE;
      if (g_str_has_prefix (text, "@@"))
        {
          in_hunk = TRUE;
          tag = "lots-hunk";
        }
      else if (!in_hunk)
        tag = "lots-file";
      else if (text[0] == '+')
        tag = "lots-added";
      else if (text[0] == '-')
        tag = "lots-removed";
      if (tag != NULL)
        gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);
    }
}

static void
on_diff_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LotsCoachPage *self = LOTS_COACH_PAGE (object);
  GtkTextBuffer *buffer;
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;

  if (!task_is_current (result))
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->diff_view));
  diff = g_task_propagate_pointer (G_TASK (result), &error);
  if (diff == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The changes could not be read: %s"), error->message);
      gtk_text_buffer_set_text (buffer, text, -1);
      return;
    }
  if (!g_utf8_validate (diff, -1, NULL))
    {
      gtk_text_buffer_set_text (buffer, _("The changes are not text."), -1);
      return;
    }
  gtk_text_buffer_set_text (buffer, diff, -1);
  tag_diff_lines (buffer);
}

static void
on_history_list_row_selected (GtkListBox    *list,
                              GtkListBoxRow *row,
                              LotsCoachPage *self)
{
  g_autoptr(GTask) task = NULL;
  char **data;

  if (row == NULL || self->history_repository == NULL)
    return;
  renew_cancellable (&self->diff_cancellable);
  data = g_new0 (char *, 4);
  data[0] = g_strdup (self->history_repository);
  data[1] = g_strdup (g_object_get_data (G_OBJECT (row), "lots-commit"));
  data[2] = g_strdup (self->history_path);
  task = g_task_new (self, self->diff_cancellable, on_diff_done, NULL);
  g_task_set_source_tag (task, on_history_list_row_selected);
  g_task_set_task_data (task, data, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, diff_thread);
}

/* ---- the guide list ------------------------------------------------------- */

/* The guide's file as a publisher names it: built-in guides are read by
 * their full path, shown from the built-in folder. */
static const char *
shown_path (const LotsGuide *guide)
{
  const char *path = lots_guide_get_path (guide);
  g_autofree char *builtin = lots_paths_dup_builtin_dir ();
  gsize n = builtin ? strlen (builtin) : 0;

  if (n > 0 && strncmp (path, builtin, n) == 0 && path[n] == '/')
    return path + n + 1;
  return path;
}

static void
show_guide (LotsCoachPage *self,
            GuideEntry    *entry)
{
  g_autofree char *subtitle = NULL;
  const char *title;

  self->current = entry;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coach.run-tests", entry != NULL && !self->tests_running);
  if (entry == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      lots_step_graph_set_guide (self->step_graph, NULL);
      start_counts (self);
      start_tests (self);
      start_history (self);
      return;
    }
  title = lots_guide_get_title (entry->guide);
  gtk_label_set_text (self->title_label, title ? title : lots_guide_get_id (entry->guide));
  /* TRANSLATORS: guide id · source id · file, under the guide's title */
  subtitle = g_strdup_printf (_("%s · source %s · %s"), lots_guide_get_id (entry->guide),
                              lots_guide_library_get_source_id (entry->library), shown_path (entry->guide));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_stack_set_visible_child_name (self->content_stack, "guide");

  show_source (self, entry);
  lots_step_graph_set_guide (self->step_graph, entry->guide);
  start_counts (self);
  start_tests (self);
  start_history (self);
}

static void
on_guide_list_row_selected (GtkListBox    *list,
                            GtkListBoxRow *row,
                            LotsCoachPage *self)
{
  GuideEntry *entry = row ? g_object_get_data (G_OBJECT (row), "lots-guide-entry") : NULL;

  if (entry != self->current)
    show_guide (self, entry);
}

static GtkWidget *
guide_row_new (GuideEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *title = lots_guide_get_title (entry->guide);
  GtkWidget *title_label = gtk_label_new (title ? title : lots_guide_get_id (entry->guide));
  const char *area = lots_guide_get_area (entry->guide);
  /* TRANSLATORS: a guide's area · its source, in the list of guides */
  g_autofree char *details_text = g_strdup_printf (_("%s · %s"), area ? area : "—",
                                                   lots_guide_library_get_source_id (entry->library));
  GtkWidget *details = gtk_label_new (details_text);

  gtk_widget_set_name (row, "guide-row");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (details), 0.0);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "lots-guide-entry", entry);
  return row;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const GuideEntry *x = *(GuideEntry * const *) a;
  const GuideEntry *y = *(GuideEntry * const *) b;
  int by_area = g_strcmp0 (lots_guide_get_area (x->guide), lots_guide_get_area (y->guide));
  const char *tx = lots_guide_get_title (x->guide) ? lots_guide_get_title (x->guide) : lots_guide_get_id (x->guide);
  const char *ty = lots_guide_get_title (y->guide) ? lots_guide_get_title (y->guide) : lots_guide_get_id (y->guide);

  return by_area != 0 ? by_area : g_utf8_collate (tx, ty);
}

/* ---- GObject -------------------------------------------------------------- */

static void
lots_coach_page_dispose (GObject *object)
{
  LotsCoachPage *self = LOTS_COACH_PAGE (object);

  self->disposed = TRUE;
  self->tests_pending = FALSE;
  cancel (&self->counts_cancellable);
  cancel (&self->history_cancellable);
  cancel (&self->diff_cancellable);
  cancel (&self->tests_cancellable);
  self->current = NULL;
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_COACH_PAGE);

  G_OBJECT_CLASS (lots_coach_page_parent_class)->dispose (object);
}

static void
lots_coach_page_finalize (GObject *object)
{
  LotsCoachPage *self = LOTS_COACH_PAGE (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self->caselog_filename);
  g_free (self->history_repository);
  g_free (self->history_path);

  G_OBJECT_CLASS (lots_coach_page_parent_class)->finalize (object);
}

static void
lots_coach_page_class_init (LotsCoachPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_coach_page_dispose;
  object_class->finalize = lots_coach_page_finalize;

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (LOTS_TYPE_STEP_GRAPH);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-coach-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, guide_list);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, source_view);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, check_label);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, diagnostic_list);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, step_graph);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, tests_spinner);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, tests_label);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, tests_list);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, history_status);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, LotsCoachPage, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, on_guide_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_diagnostic_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_step_graph_step_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_history_list_row_selected);

  gtk_widget_class_install_action (widget_class, "coach.run-tests", NULL, lots_coach_page_run_tests);
}

static void
lots_coach_page_init (LotsCoachPage *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkTextBuffer *source_buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) guide_entry_free);

  source_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (source_buffer),
                                  gtk_source_language_manager_get_language (languages, "lua"));
  apply_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_notify_dark), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coach.run-tests", FALSE);
}

/* ---- public API ----------------------------------------------------------- */

/* Lists the guides of LIBRARIES (LotsGuideLibrary, borrowed: they must
 * outlive the page). REPOSITORY_PATHS (may be NULL) has one entry per
 * library: the git repository its files are read from, with the guides'
 * paths relative to its root (a synced source's bare repository), or NULL
 * to look for the working tree around the file under the built-in folder.
 * The guide shown before stays shown when it is still there. */
void
lots_coach_page_set_guides (LotsCoachPage *self,
                            GPtrArray     *libraries,
                            GPtrArray     *repository_paths)
{
  g_autofree char *selected = NULL;

  g_return_if_fail (LOTS_IS_COACH_PAGE (self));
  g_return_if_fail (repository_paths == NULL || libraries == NULL || repository_paths->len == libraries->len);

  if (self->current != NULL)
    selected = g_strdup (lots_guide_get_id (self->current->guide));
  /* Rows point at the entries: no row may outlive them. */
  self->current = NULL;
  remove_all_rows (self->guide_list);
  g_ptr_array_set_size (self->entries, 0);
  for (guint l = 0; libraries != NULL && l < libraries->len; l++)
    {
      LotsGuideLibrary *library = g_ptr_array_index (libraries, l);
      GPtrArray *guides = lots_guide_library_get_guides (library);
      const char *repository = repository_paths ? g_ptr_array_index (repository_paths, l) : NULL;

      for (guint g = 0; g < guides->len; g++)
        {
          GuideEntry *entry = g_new0 (GuideEntry, 1);
          entry->guide = g_ptr_array_index (guides, g);
          entry->library = library;
          entry->repository_path = g_strdup (repository);
          g_ptr_array_add (self->entries, entry);
        }
    }
  g_ptr_array_sort (self->entries, compare_entries);
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->guide_list, guide_row_new (g_ptr_array_index (self->entries, i)));
  if (selected != NULL)
    lots_coach_page_select_guide (self, selected);
  if (self->current == NULL)
    show_guide (self, NULL);
}

/* The journal the counts are read from (NULL: none). */
void
lots_coach_page_set_caselog_filename (LotsCoachPage *self,
                                      const char    *filename)
{
  g_return_if_fail (LOTS_IS_COACH_PAGE (self));

  if (g_strcmp0 (self->caselog_filename, filename) == 0)
    return;
  g_free (self->caselog_filename);
  self->caselog_filename = g_strdup (filename);
  if (self->current != NULL)
    start_counts (self);
}

/* Shows the guide GUIDE_ID (of the first library that has it); NULL or an
 * unknown id shows none. */
void
lots_coach_page_select_guide (LotsCoachPage *self,
                              const char    *guide_id)
{
  g_return_if_fail (LOTS_IS_COACH_PAGE (self));

  for (int i = 0; guide_id != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->guide_list, i);
      GuideEntry *entry;

      if (row == NULL)
        break;
      entry = g_object_get_data (G_OBJECT (row), "lots-guide-entry");
      if (g_strcmp0 (lots_guide_get_id (entry->guide), guide_id) == 0)
        {
          gtk_list_box_select_row (self->guide_list, row);
          return;
        }
    }
  gtk_list_box_unselect_all (self->guide_list);
}

/* The id of the guide shown, or NULL. */
const char *
lots_coach_page_get_selected_guide (LotsCoachPage *self)
{
  g_return_val_if_fail (LOTS_IS_COACH_PAGE (self), NULL);
  return self->current ? lots_guide_get_id (self->current->guide) : NULL;
}

LotsCoachPage *
lots_coach_page_new (void)
{
  return g_object_new (LOTS_TYPE_COACH_PAGE, NULL);
}

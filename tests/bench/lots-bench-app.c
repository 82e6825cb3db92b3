/* lots-bench-app.c — the desk app: cold start to the first frame, and a
 * keystroke to the result list redrawn, on the search benchmark's index.
 *
 *   lots-bench-app --work DIR [--runs N] [--queries N] [--lots PATH]
 *   lots-bench-app --smoke --work DIR
 *
 * DIR is a folder kept by the search benchmark (`lots-bench-search --keep
 * DIR`): DIR/lots-data holds its index (50,000 articles by default) and
 * DIR/queries.txt its query log. Run under a display (tools/run-bench runs
 * it under Xvfb).
 *
 * Cold start: the real `lots` program is started N times with
 * LOTS_BENCH_FIRST_FRAME=1, which makes it print the monotonic clock when
 * its first frame is painted and exit; the clock is the system's, so the
 * difference with the time this process spawned it is the cold start as a
 * handler sees it: process start, GTK and libadwaita set-up, the window
 * built and painted. The index opens in a thread and is not waited for:
 * the window never is.
 *
 * Keystroke: the app runs in this process on the same data dir; each query
 * of the log is typed into the search entry one character at a time (the
 * entry's text set as a keystroke would), and the time is taken from the
 * change to the end of the first frame painted after the answer for that
 * text arrived — the result list redrawn. Every prefix counts, as the
 * handler sees every one of them. Prints median, p90, p99 and max, and the
 * same for the search alone (the controller's thread) to show the GTK part.
 */
#define G_LOG_DOMAIN "lots-bench-app"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lots-application.h"
#include "lots-window.h"

typedef struct {
  char *self;
  char *work;
  char *lots;
  int runs;
  int n_queries;
  gboolean smoke;

  GArray *keystroke_us;   /* gint64 */
  GPtrArray *queries;
} Bench;

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *values,
               double  p)
{
  gsize i;

  if (values->len == 0)
    return 0.0;
  g_array_sort (values, compare_int64);
  i = (gsize) (p * (values->len - 1) + 0.5);
  return g_array_index (values, gint64, MIN (i, values->len - 1)) / 1000.0;
}

static void
print_figures (const char *what,
               GArray     *values)
{
  g_print ("%-34s n=%-6u median %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n",
           what, values->len, percentile_ms (values, 0.5), percentile_ms (values, 0.9),
           percentile_ms (values, 0.99), percentile_ms (values, 1.0));
}

/* --- cold start ---------------------------------------------------------- */

/* --baseline-window: an empty libadwaita window, timed the same way: what
 * GTK itself costs on this machine and display, next to Lots. */
static void
on_baseline_after_paint (GdkFrameClock *clock,
                         gpointer       user_data)
{
  g_print ("first-frame-monotonic-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
on_baseline_map (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_baseline_after_paint), NULL);
}

static void
on_baseline_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), adw_status_page_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (on_baseline_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_baseline_window (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("se.stockholm.Lots.BenchBaseline", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_baseline_activate), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

static gint64
one_cold_start (Bench      *b,
                const char *data_dir)
{
  const char *lots_argv[] = { b->lots, "--data-dir", data_dir, NULL };
  const char *baseline_argv[] = { b->self, "--baseline-window", NULL };
  const char **argv = data_dir != NULL ? lots_argv : baseline_argv;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  gint64 start, painted;
  int status;

  env = g_environ_setenv (env, "LOTS_BENCH_FIRST_FRAME", "1", TRUE);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s: %s", b->lots, error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", b->lots, error->message, err);
  line = strstr (out, "first-frame-monotonic-us ");
  if (line == NULL)
    g_error ("%s printed no first frame:\n%s\n%s", b->lots, out, err);
  painted = g_ascii_strtoll (line + strlen ("first-frame-monotonic-us "), NULL, 10);
  return painted - start;
}

static void
bench_cold_start (Bench *b)
{
  g_autofree char *data_dir = g_build_filename (b->work, "lots-data", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* One start first, not counted: it may index the built-in source into a
   * fresh data dir; the handler's machine has done that long ago. */
  one_cold_start (b, data_dir);
  /* Alternated with the baseline, so that both see the same load. */
  for (int i = 0; i < b->runs; i++)
    {
      gint64 us = one_cold_start (b, data_dir);
      gint64 base = one_cold_start (b, NULL);

      g_array_append_val (times, us);
      g_array_append_val (baseline, base);
    }
  print_figures ("cold start to first frame", times);
  print_figures ("  an empty libadwaita window", baseline);
  g_print ("  ratio of the medians: %.2f\n", percentile_ms (times, 0.5) / MAX (percentile_ms (baseline, 0.5), 0.001));
}

/* --- keystroke to results ------------------------------------------------ */

typedef struct {
  Bench *b;
  LotsWindow *window;
  GtkEditable *entry;
  guint query;
  guint length;           /* characters of the query typed so far */
  guint answers;          /* lots_window_get_n_searches() when typed */
  gint64 typed_at;
  gboolean waiting;
  gboolean done;
} Typist;

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static void type_next (Typist *t);

static gboolean
type_next_idle (gpointer user_data)
{
  type_next (user_data);
  return G_SOURCE_REMOVE;
}

/* After every frame: if the answer to the last keystroke has arrived (and
 * so was drawn in this frame), that keystroke is done. */
static void
on_after_paint (GdkFrameClock *clock,
                Typist        *t)
{
  if (!t->waiting || lots_window_get_n_searches (t->window) <= t->answers)
    return;
  {
    gint64 us = g_get_monotonic_time () - t->typed_at;

    g_array_append_val (t->b->keystroke_us, us);
  }
  t->waiting = FALSE;
  g_idle_add (type_next_idle, t);
}

static void
type_next (Typist *t)
{
  const char *query;
  g_autofree char *prefix = NULL;
  glong n_chars;

  for (;;)
    {
      if (t->query >= t->b->queries->len || (int) t->query >= t->b->n_queries)
        {
          t->done = TRUE;
          return;
        }
      query = g_ptr_array_index (t->b->queries, t->query);
      n_chars = g_utf8_strlen (query, -1);
      if (t->length < (guint) n_chars)
        break;
      t->query++;
      t->length = 0;
    }
  t->length++;
  prefix = g_utf8_substring (query, 0, t->length);
  /* A blank at the end searches as before: it is not a keystroke the list
   * changes for; skip it. */
  if (g_str_has_suffix (prefix, " "))
    {
      type_next (t);
      return;
    }
  t->answers = lots_window_get_n_searches (t->window);
  t->waiting = TRUE;
  t->typed_at = g_get_monotonic_time ();
  gtk_editable_set_text (t->entry, prefix);
  gtk_widget_queue_draw (GTK_WIDGET (t->window));
}

static gboolean
on_loaded_idle (gpointer user_data)
{
  Typist *t = user_data;

  t->entry = GTK_EDITABLE (find_named (GTK_WIDGET (t->window), "search-entry"));
  g_assert (t->entry != NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (t->window)), "after-paint",
                    G_CALLBACK (on_after_paint), t);
  type_next (t);
  return G_SOURCE_REMOVE;
}

static void
on_loading (LotsApplication *app,
            GParamSpec      *pspec,
            Typist          *t)
{
  if (!lots_application_get_loading (app) && t->window != NULL)
    g_idle_add (on_loaded_idle, t);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Typist         *t)
{
  t->window = LOTS_WINDOW (window);
  if (!lots_application_get_loading (LOTS_APPLICATION (app)))
    g_idle_add (on_loaded_idle, t);
}

static gboolean
check_done (gpointer user_data)
{
  Typist *t = user_data;
  GApplication *app = g_application_get_default ();

  if (!t->done)
    return G_SOURCE_CONTINUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
bench_keystrokes (Bench *b)
{
  g_autofree char *data_dir = g_build_filename (b->work, "lots-data", NULL);
  const char *argv[] = { "lots", "--data-dir", data_dir, NULL };
  g_autoptr(LotsApplication) app = lots_application_new ();
  Typist t = { .b = b };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &t);
  g_signal_connect (app, "notify::loading", G_CALLBACK (on_loading), &t);
  g_timeout_add (100, check_done, &t);
  g_application_run (G_APPLICATION (app), 3, (char **) argv);
  print_figures ("keystroke to result list redrawn", b->keystroke_us);
}

static void
load_queries (Bench *b)
{
  g_autofree char *path = g_build_filename (b->work, "queries.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s (make it with lots-bench-search --keep %s)", error->message, b->work);
  lines = g_strsplit (text, "\n", -1);
  b->queries = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_ptr_array_add (b->queries, g_strdup (lines[i]));
}

int
main (int    argc,
      char **argv)
{
  Bench b = { .runs = 10, .n_queries = 200 };
  GOptionEntry entries[] = {
    { "work", 0, 0, G_OPTION_ARG_FILENAME, &b.work, "A folder kept by lots-bench-search --keep", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &b.runs, "Cold starts to time (default 10)", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &b.n_queries, "Queries of the log to type (default 200)", "N" },
    { "lots", 0, 0, G_OPTION_ARG_FILENAME, &b.lots, "The lots program (default: the build tree's)", "PATH" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &b.smoke, "2 starts, 5 queries: prove the benchmark runs", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the desk app's start and keystroke latency");
  g_autoptr(GError) error = NULL;

  if (argc == 2 && g_str_equal (argv[1], "--baseline-window"))
    return run_baseline_window ();
  b.self = g_canonicalize_filename (argv[0], NULL);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (b.work == NULL)
    {
      g_printerr ("lots-bench-app: --work DIR is required (a folder kept by lots-bench-search --keep DIR)\n");
      return 2;
    }
  if (b.lots == NULL)
    b.lots = g_strdup (LOTS_APP_PROGRAM);
  if (b.smoke)
    {
      b.runs = 2;
      b.n_queries = 5;
    }
  lots_application_init_i18n ();
  load_queries (&b);
  b.keystroke_us = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_print ("lots-bench-app: %s, %d cold starts, %d queries typed, renderer %s\n", b.work, b.runs, b.n_queries,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  bench_cold_start (&b);
  bench_keystrokes (&b);
  g_print ("targets: first frame < 400 ms; keystroke to results < 16 ms p99\n");
  return 0;
}

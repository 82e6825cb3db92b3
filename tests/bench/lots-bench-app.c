/* lots-bench-app.c — the desk app: cold start to the first frame, and a
 * keystroke to the result list redrawn, on the search benchmark's index.
 *
 *   lots-bench-app --work DIR [--runs N] [--queries N] [--pause MS] [--blink]
 *                  [--slowest N] [--lots PATH]
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
 * of the log is typed into the search entry one character at a time, as a
 * keyboard does (inserted at the end; a new query on a cleared entry), with
 * a pause of --pause ms on average (half to one and a half of it) after
 * each result list is drawn, so that keystrokes land anywhere between two
 * frames, as a typist's do. The time is taken from the keystroke to the end
 * of the first frame painted after the answer for that text arrived — the
 * result list redrawn. Every prefix counts, as the handler sees every one
 * of them. Prints median, p90, p99 and max, and the same for its parts:
 * the search's answer arriving on the main loop, the wait for GTK's frame
 * clock to begin the next frame, and the frame itself (update, layout,
 * paint).
 *
 * The text cursor does not blink unless --blink: while it blinks, GTK
 * draws at every tick of its 60 Hz frame clock, and a result list waits
 * for the next tick, 0 to 16.7 ms, whatever the app does; without it a
 * frame begins as soon as there is something to draw, and the figures are
 * the app's own. run-bench-app runs both.
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
  int n_slowest;
  int pause_ms;
  gboolean blink;
  gboolean smoke;

  GArray *keystroke_us;   /* gint64 */
  GArray *answer_us;      /* gint64: the keystroke to the answer's arrival */
  GArray *waited_us;      /* gint64: the answer to the frame's start */
  GArray *frame_us;       /* gint64: the frame: update, layout, paint */
  GPtrArray *queries;
  GPtrArray *typed;       /* char *: the text of each keystroke timed */
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
  gint64 answered_at;     /* 0 until the answer arrives */
  gint64 frame_began_at;  /* the last frame's before-paint */
  gboolean waiting;
  gboolean done;
  GRand *rand;            /* the pauses, the same in every run */
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

/* The next keystroke comes after --pause ms on average, between half and
 * one and a half of it: a typist's keystrokes do not keep time with the
 * display's frames, so they land anywhere between two of them. */
static void
pause_then_type (Typist *t)
{
  guint ms = (guint) g_rand_int_range (t->rand, t->b->pause_ms / 2, t->b->pause_ms * 3 / 2 + 1);

  g_timeout_add (ms, type_next_idle, t);
}

static void
on_before_paint (GdkFrameClock *clock,
                 Typist        *t)
{
  t->frame_began_at = g_get_monotonic_time ();
}

/* After every frame: if the answer to the last keystroke has arrived (and
 * so was drawn in this frame), that keystroke is done. */
static void
on_after_paint (GdkFrameClock *clock,
                Typist        *t)
{
  gint64 now, us, answer, waited, frame;

  if (!t->waiting || lots_window_get_n_searches (t->window) <= t->answers)
    return;
  now = g_get_monotonic_time ();
  us = now - t->typed_at;
  answer = t->answered_at - t->typed_at;
  /* The frame may have begun before the answer came, when the answer came
   * while GTK was in it (it then shows the answer all the same). */
  waited = MAX (t->frame_began_at - t->answered_at, 0);
  frame = now - MAX (t->frame_began_at, t->answered_at);
  g_array_append_val (t->b->keystroke_us, us);
  g_ptr_array_add (t->b->typed, g_strdup (gtk_editable_get_text (t->entry)));
  g_array_append_val (t->b->answer_us, answer);
  g_array_append_val (t->b->waited_us, waited);
  g_array_append_val (t->b->frame_us, frame);
  t->waiting = FALSE;
  pause_then_type (t);
}

/* Types the next character as a keyboard does, at the end of what is
 * there; a new query starts on a cleared entry, as a new call does. */
static void
type_next (Typist *t)
{
  const char *query;
  const char *next;
  int position;

  for (;;)
    {
      if (t->query >= t->b->queries->len || (int) t->query >= t->b->n_queries)
        {
          t->done = TRUE;
          return;
        }
      query = g_ptr_array_index (t->b->queries, t->query);
      if (t->length < (guint) g_utf8_strlen (query, -1))
        break;
      t->query++;
      t->length = 0;
    }
  if (t->length == 0)
    gtk_editable_delete_text (t->entry, 0, -1);
  next = g_utf8_offset_to_pointer (query, t->length);
  t->length++;
  /* A blank searches as the words before it did: the list does not change
   * for it. It is typed, not timed. */
  if (*next == ' ')
    {
      position = -1;
      gtk_editable_insert_text (t->entry, " ", 1, &position);
      pause_then_type (t);
      return;
    }
  t->answers = lots_window_get_n_searches (t->window);
  t->answered_at = 0;
  t->waiting = TRUE;
  t->typed_at = g_get_monotonic_time ();
  position = -1;
  gtk_editable_insert_text (t->entry, next, (int) (g_utf8_next_char (next) - next), &position);
}

static void
on_n_searches (LotsWindow *window,
               GParamSpec *pspec,
               Typist     *t)
{
  if (t->waiting && t->answered_at == 0)
    t->answered_at = g_get_monotonic_time ();
}

static gboolean
on_loaded_idle (gpointer user_data)
{
  Typist *t = user_data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (t->window));

  t->entry = GTK_EDITABLE (find_named (GTK_WIDGET (t->window), "search-entry"));
  g_assert (t->entry != NULL);
  g_signal_connect (t->window, "notify::n-searches", G_CALLBACK (on_n_searches), t);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), t);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), t);
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
  /* Before the entry takes the focus, or its cursor blinks already. */
  if (!t->b->blink)
    g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
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

typedef struct {
  gint64 us, answer_us;
  const char *text;
  guint n;
} Keystroke;

static int
compare_keystrokes (gconstpointer a,
                    gconstpointer b)
{
  const Keystroke *x = a, *y = b;

  return x->us > y->us ? -1 : x->us < y->us;
}

/* --slowest N: the N slowest keystrokes, with what was typed, to find what
 * makes the tail (taken before the arrays are sorted). */
static void
print_slowest (Bench *b)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Keystroke));

  for (guint i = 0; i < b->keystroke_us->len; i++)
    {
      Keystroke k = { g_array_index (b->keystroke_us, gint64, i), g_array_index (b->answer_us, gint64, i),
                      g_ptr_array_index (b->typed, i), i + 1 };

      g_array_append_val (all, k);
    }
  g_array_sort (all, compare_keystrokes);
  for (guint i = 0; i < all->len && (int) i < b->n_slowest; i++)
    {
      const Keystroke *k = &g_array_index (all, Keystroke, i);

      g_print ("  slow: %7.2f ms (answer %7.2f ms) keystroke %u, “%s”\n",
               k->us / 1000.0, k->answer_us / 1000.0, k->n, k->text);
    }
}

static void
bench_keystrokes (Bench *b)
{
  g_autofree char *data_dir = g_build_filename (b->work, "lots-data", NULL);
  const char *argv[] = { "lots", "--data-dir", data_dir, NULL };
  g_autoptr(LotsApplication) app = lots_application_new ();
  Typist t = { .b = b, .rand = g_rand_new_with_seed (1) };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &t);
  g_signal_connect (app, "notify::loading", G_CALLBACK (on_loading), &t);
  g_timeout_add (100, check_done, &t);
  g_application_run (G_APPLICATION (app), 3, (char **) argv);
  g_rand_free (t.rand);
  print_slowest (b);
  g_print ("drawn with GSK_RENDERER=%s\n", g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "GTK's default");
  g_print ("cursor %s, %d ms on average between a result list drawn and the next keystroke\n",
           b->blink ? "blinking (GTK then draws a frame at every tick of its 60 Hz clock)" : "not blinking",
           b->pause_ms);
  print_figures ("keystroke to result list redrawn", b->keystroke_us);
  print_figures ("  of which: the search's answer", b->answer_us);
  print_figures ("  of which: waiting for the frame", b->waited_us);
  print_figures ("  of which: GTK's frame", b->frame_us);
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
  Bench b = { .runs = 10, .n_queries = 200, .pause_ms = 100 };
  GOptionEntry entries[] = {
    { "work", 0, 0, G_OPTION_ARG_FILENAME, &b.work, "A folder kept by lots-bench-search --keep", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &b.runs, "Cold starts to time (default 10; 0: none)", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &b.n_queries, "Queries of the log to type (default 200; 0: none)", "N" },
    { "lots", 0, 0, G_OPTION_ARG_FILENAME, &b.lots, "The lots program (default: the build tree's)", "PATH" },
    { "pause", 0, 0, G_OPTION_ARG_INT, &b.pause_ms, "Milliseconds between a result list drawn and the next keystroke, on average (default 100)", "MS" },
    { "blink", 0, 0, G_OPTION_ARG_NONE, &b.blink, "Leave the text cursor blinking, as GTK's default is", NULL },
    { "slowest", 0, 0, G_OPTION_ARG_INT, &b.n_slowest, "Print the N slowest keystrokes and their text", "N" },
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
      b.runs = MIN (b.runs, 2);
      b.n_queries = MIN (b.n_queries, 5);
      b.pause_ms = MIN (b.pause_ms, 20);
    }
  lots_application_init_i18n ();
  load_queries (&b);
  b.keystroke_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.answer_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.waited_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.frame_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.typed = g_ptr_array_new_with_free_func (g_free);

  g_print ("lots-bench-app: %s, %d cold starts, %d queries typed, renderer %s\n", b.work, b.runs, b.n_queries,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "as Lots chooses");
  if (b.runs > 0)
    bench_cold_start (&b);
  if (b.n_queries > 0)
    bench_keystrokes (&b);
  g_print ("targets: first frame < 400 ms; keystroke to results < 16 ms p99\n");
  return 0;
}

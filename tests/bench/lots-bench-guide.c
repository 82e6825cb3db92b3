/* lots-bench-guide.c — the guide engine benchmark.
 *
 * Why it exists: a handler presses a choice during a call and the next step
 * must be there at once, and a workstation keeps a session per open call,
 * so the design sets targets: one step under 50 µs at p99, a live session
 * under 256 KB. This measures, on the built-in guides (scripts/):
 *
 *   - loading and checking all guides, as `lotsctl guide check` does;
 *   - the time of one step (a choice, an answer or Next), over seeded random
 *     walks through every guide, at fixed times of day across the week;
 *   - full scripted calls per second (a session from start to its end);
 *   - memory per live session: many sessions held open at once, by the
 *     sandbox's own count and by the process's resident size.
 *
 * Timing assertions are never made; --smoke only proves it still runs.
 */
#define G_LOG_DOMAIN "lots-bench-guide"

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-guide-library.h"
#include "lots-guide-scenario.h"
#include "lots-guide-session.h"

/* Calls that end in a guide error or take a way with no end stop here. */
#define MAX_STEPS_PER_CALL 60

static const char *const call_times[] = {
  "2026-11-24 10:15", "2026-11-24 19:30", "2026-11-27 15:45", "2026-07-03 14:30", "2026-12-24 10:00",
  "2026-11-28 11:00",
};

/* A value each kind of question accepts. */
static const char *
answer_for (LotsGuideInput input,
            GRand         *rand)
{
  static const char *const postcodes[] = { "111 22", "16440", "12030", "99999", "11122" };

  switch (input)
    {
    case LOTS_GUIDE_INPUT_POSTCODE:
      return postcodes[g_rand_int_range (rand, 0, G_N_ELEMENTS (postcodes))];
    case LOTS_GUIDE_INPUT_DATE:
      return "2026-12-01";
    case LOTS_GUIDE_INPUT_NUMBER:
      return "3";
    case LOTS_GUIDE_INPUT_PHONE:
      return "08-123 456 78";
    case LOTS_GUIDE_INPUT_TEXT:
    case LOTS_GUIDE_INPUT_NONE:
    default:
      return "Ringer om sin mammas hemtjänst";
    }
}

/* One step from where the session is; returns its time in µs, or -1 when
 * the guide refused or failed (the walk ends there). */
static double
take_step (LotsGuideSession *session,
           GRand            *rand)
{
  const LotsGuideStep *step = lots_guide_session_get_view (session)->step;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (lots_guide_session_can_proceed (session))
    ok = lots_guide_session_proceed (session, &error);
  else if (step->choices->len > 0)
    ok = lots_guide_session_choose (session, (guint) g_rand_int_range (rand, 1, (gint32) step->choices->len + 1),
                                    &error);
  else if (step->question != NULL)
    ok = lots_guide_session_answer (session, answer_for (step->input, rand), &error);
  else
    return -1;
  if (!ok)
    {
      if (error->domain != LOTS_ERROR || error->code != LOTS_ERROR_INVALID_ARGUMENT)
        g_printerr ("guide error (the walk stops): %s\n", error->message);
      return -1;
    }
  return (double) (g_get_monotonic_time () - start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return 0;
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

/* The steps (leaving which) that take longest at their median: where a
 * guide author or the engine should look first. */
static void
print_slowest (GHashTable *by_step)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GArray) medians = g_array_new (FALSE, FALSE, sizeof (double));

  g_hash_table_iter_init (&iter, by_step);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  for (guint i = 0; i < keys->len; i++)
    {
      GArray *times = g_hash_table_lookup (by_step, keys->pdata[i]);
      double median;
      g_array_sort (times, compare_doubles);
      median = percentile (times, 0.5);
      g_array_append_val (medians, median);
    }
  printf ("\nSlowest steps by median (leaving the step):\n\n| step | calls | median | p99 |\n|---|---|---|---|\n");
  for (guint n = 0; n < 5 && n < keys->len; n++)
    {
      guint worst = 0;
      for (guint i = 1; i < keys->len; i++)
        if (g_array_index (medians, double, i) > g_array_index (medians, double, worst))
          worst = i;
      {
        GArray *times = g_hash_table_lookup (by_step, keys->pdata[worst]);
        printf ("| %s | %u | %.1f µs | %.1f µs |\n", (char *) keys->pdata[worst], times->len,
                percentile (times, 0.5), percentile (times, 0.99));
      }
      g_array_index (medians, double, worst) = -1;
    }
}

static gsize
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return (gsize) g_ascii_strtoull (line + 6, NULL, 10);
}

int
main (int    argc,
      char **argv)
{
  gboolean smoke = FALSE;
  gint calls = 20000;
  gint live = 1000;
  gint seed = 1;
  GOptionEntry entries[] = {
    { "calls", 0, 0, G_OPTION_ARG_INT, &calls, "scripted calls to run (default 20000)", "N" },
    { "live", 0, 0, G_OPTION_ARG_INT, &live, "sessions held open at once (default 1000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "seed of the random walks (default 1)", "N" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &smoke, "a small run that only proves it works", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the guide engine benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsGuideLibrary) library = NULL;
  g_autoptr(GArray) step_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_guide_session_free);
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) by_step = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
  GPtrArray *guides;
  LotsSource *source;
  gint64 start, elapsed;
  guint finished = 0, steps_total = 0;
  gsize rss_before, rss_after, sandbox_bytes = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (smoke)
    {
      calls = 300;
      live = 50;
    }
  rand = g_rand_new_with_seed ((guint32) seed);

  /* Loading and checking every guide, as `lotsctl guide check` does. */
  for (int round = 0; round < (smoke ? 2 : 20); round++)
    {
      g_autoptr(GPtrArray) round_diagnostics = lots_diagnostics_new ();
      g_autoptr(LotsGuideLibrary) round_library = NULL;
      double us;

      start = g_get_monotonic_time ();
      source = lots_builtin_load (round_diagnostics, &error);
      if (source == NULL)
        {
          g_printerr ("cannot load the built-in source: %s\n", error->message);
          return 1;
        }
      round_library = lots_guide_library_new (source, round_diagnostics);
      lots_guide_library_check (round_library, round_diagnostics);
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (load_us, us);
    }
  source = lots_builtin_load (diagnostics, &error);
  library = lots_guide_library_new (source, diagnostics);
  lots_guide_library_check (library, diagnostics);
  guides = lots_guide_library_get_guides (library);
  if (guides->len == 0 || lots_diagnostics_n_errors (diagnostics) > 0)
    {
      g_printerr ("the built-in guides do not load cleanly (%u errors); run lotsctl guide check scripts\n",
                  lots_diagnostics_n_errors (diagnostics));
      return 1;
    }

  /* Scripted calls: random walks to an end. */
  start = g_get_monotonic_time ();
  for (gint call = 0; call < calls; call++)
    {
      LotsGuide *guide = g_ptr_array_index (guides, (guint) call % guides->len);
      g_autoptr(GDateTime) when = lots_guide_parse_time (call_times[call % G_N_ELEMENTS (call_times)]);
      g_autoptr(LotsGuideSession) session = NULL;

      lots_guide_host_set_now (lots_guide_get_host (guide), when);
      session = lots_guide_session_new (guide, &error);
      if (session == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      for (guint s = 0; s < MAX_STEPS_PER_CALL && !lots_guide_session_is_finished (session); s++)
        {
          const LotsGuideStep *from = lots_guide_session_get_view (session)->step;
          double us = take_step (session, rand);
          g_autofree char *key = NULL;
          GArray *times;

          if (us < 0)
            break;
          g_array_append_val (step_us, us);
          steps_total++;
          key = g_strdup_printf ("%s:%s", lots_guide_get_id (guide), from->id);
          times = g_hash_table_lookup (by_step, key);
          if (times == NULL)
            {
              times = g_array_new (FALSE, FALSE, sizeof (double));
              g_hash_table_insert (by_step, g_steal_pointer (&key), times);
            }
          g_array_append_val (times, us);
        }
      finished += lots_guide_session_is_finished (session);
    }
  elapsed = g_get_monotonic_time () - start;
  g_array_sort (step_us, compare_doubles);
  g_array_sort (load_us, compare_doubles);

  /* Live sessions: each a few steps into its call. */
  rss_before = resident_kb ();
  for (gint i = 0; i < live; i++)
    {
      LotsGuide *guide = g_ptr_array_index (guides, (guint) i % guides->len);
      LotsGuideSession *session = lots_guide_session_new (guide, NULL);

      if (session == NULL)
        continue;
      for (int s = 0; s < 2 && !lots_guide_session_is_finished (session); s++)
        if (take_step (session, rand) < 0)
          break;
      sandbox_bytes += lots_guide_session_get_memory (session);
      g_ptr_array_add (sessions, session);
    }
  rss_after = resident_kb ();

  printf ("# Guide engine benchmark\n\n");
  printf ("%u guides (built-in), %d scripted calls (%u finished, %u steps), %d live sessions%s\n\n",
          guides->len, calls, finished, steps_total, live, smoke ? " — smoke run, figures mean nothing" : "");
  printf ("| measure | median | p99 | max |\n|---|---|---|---|\n");
  printf ("| one step (choice, answer or Next) | %.1f µs | %.1f µs | %.1f µs |\n", percentile (step_us, 0.5),
          percentile (step_us, 0.99), percentile (step_us, 1.0));
  printf ("| load and check all guides | %.1f ms | %.1f ms | %.1f ms |\n\n", percentile (load_us, 0.5) / 1000,
          percentile (load_us, 0.99) / 1000, percentile (load_us, 1.0) / 1000);
  printf ("- scripted calls per second (new session to its end): %.0f\n",
          calls / ((double) elapsed / G_USEC_PER_SEC));
  printf ("- memory per live session: %.0f KB by the sandbox's count, %.0f KB by resident size\n",
          sessions->len ? (double) sandbox_bytes / sessions->len / 1024 : 0,
          sessions->len ? (double) (rss_after - rss_before) / sessions->len : 0);
  print_slowest (by_step);
  printf ("\nTargets (read, never asserted): a step under 50 µs at p99: %s; a live session under 256 KB: %s\n",
          percentile (step_us, 0.99) < 50 ? "met" : "missed",
          sessions->len && (double) sandbox_bytes / sessions->len < 256 * 1024 ? "met" : "missed");
  return finished > 0 ? 0 : 1;
}

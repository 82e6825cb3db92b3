/* lots-bench-caselog.c — how fast the case log is, measured side by side
 * with the disk it runs on.
 *
 *   1. one durable `case log`: lots_caselog_add() one outcome at a time,
 *      each its own fsync'd transaction; median and p99, next to a bare
 *      write + fdatasync of 4 KiB on the same file system (the floor any
 *      durable write pays here), so the ratio shows what SQLite and Lots
 *      add on top of the disk;
 *   2. outcomes per second in a batch (lots_caselog_add_many, one
 *      transaction, validation and scrubbing included);
 *   3. the report over N outcomes (default 1,000,000, generated from a
 *      seeded generator in batches), next to one plain SQL GROUP BY over
 *      the same file as a yardstick.
 *
 * Targets read (never asserted): one durable write under 5 ms p99; the
 * report over a million outcomes under 1 s. `--smoke` runs it small, to
 * prove it still works (the bench-smoke suite).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lots-caselog.h"
#include "lots-report.h"

typedef struct {
  guint singles;
  guint batch;
  guint outcomes;
  guint seed;
  char *dir;
  char *report_only;
  gboolean smoke;
} Options;

static const char * const areas[] = {
  "aldre", "forskola", "skola", "funktionsnedsattning", "overformyndare",
  "social", "parkering", "samhallsbyggnad", "etjanster", "allmant",
};
static const char * const units[] = { "socialjouren", "aldre-direkt", "fardtjanst", "kontaktcenter", "tolkformedling" };
static const char * const administrations[] = { "bromma", "farsta", "sodermalm", "norrmalm", "skarholmen" };
static const char * const steps[] = { "start", "fraga", "adress", "stadsdel", "oppet", "jour", "hanvisa", "klart" };

/* ---- a seeded outcome ------------------------------------------------------- */

static LotsCase *
generated_case (GRand  *rand,
                gint64  now)
{
  LotsCase *c = lots_case_new ();
  /* Spread over the last year, weighted towards phone as the city's mix. */
  gint64 ended = now - g_rand_int_range (rand, 0, 365 * 24 * 3600);
  guint channel = g_rand_int_range (rand, 0, 100);

  c->ended_at = ended;
  c->started_at = ended - g_rand_int_range (rand, 60, 1200);
  c->channel = g_strdup (channel < 73 ? "telefon" : channel < 90 ? "e-post" : channel < 95 ? "brev"
                         : channel < 98 ? "chatt" : "besök");
  c->area = g_strdup (areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))]);
  c->resolved = g_rand_int_range (rand, 0, 100) < 72;
  c->acute = g_rand_int_range (rand, 0, 100) < 2;
  if (g_rand_int_range (rand, 0, 100) < 20)
    c->referred_to = g_strdup (units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))]);
  if (g_rand_int_range (rand, 0, 100) < 3)
    c->complaint_to = g_strdup (administrations[g_rand_int_range (rand, 0, G_N_ELEMENTS (administrations))]);
  if (g_rand_int_range (rand, 0, 100) < 30)
    {
      guint n = g_rand_int_range (rand, 2, 6);
      c->guide = g_strdup (g_rand_boolean (rand) ? "social/akut" : "aldre/trygghetslarm");
      c->guide_commit = g_strdup ("0123456789abcdef0123456789abcdef01234567");
      for (guint i = 0; i < n; i++)
        lots_case_add_step (c, steps[g_rand_int_range (rand, 0, G_N_ELEMENTS (steps))]);
    }
  if (g_rand_int_range (rand, 0, 100) < 5)
    c->note = g_strdup ("Ringer tillbaka efter lunch, tel 070-123 45 67");
  c->handler = g_strdup_printf ("h-%02d", g_rand_int_range (rand, 0, 40));
  c->workstation = g_strdup ("ws-bench");
  return c;
}

/* ---- measuring -------------------------------------------------------------- */

/* CPU seconds of this process: steadier than wall time on a busy machine,
 * so both are printed. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *us,
               double  p)
{
  guint index;

  g_array_sort (us, compare_gint64);
  index = (guint) (p * (us->len - 1) + 0.5);
  return g_array_index (us, gint64, index) / 1000.0;
}

/* The floor: 4 KiB written and fdatasync'd, n times, in dir. */
static GArray *
measure_fsync (const char *dir,
               guint       n)
{
  g_autofree char *path = g_build_filename (dir, "fsync-probe", NULL);
  GArray *us = g_array_new (FALSE, FALSE, sizeof (gint64));
  char block[4096];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  memset (block, 'x', sizeof block);
  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      g_assert_cmpint (write (fd, block, sizeof block), ==, (gssize) sizeof block);
      g_assert_cmpint (fdatasync (fd), ==, 0);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (us, elapsed);
    }
  close (fd);
  g_unlink (path);
  return us;
}

static GArray *
measure_singles (LotsCaselog *log,
                 GRand       *rand,
                 guint        n)
{
  GArray *us = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LotsCase) c = generated_case (rand, now);
      g_autoptr(GError) error = NULL;
      gint64 start, elapsed;

      c->ended_at = 0;
      c->started_at = 0;
      start = g_get_monotonic_time ();
      if (!lots_caselog_add (log, c, &error))
        g_error ("case log: %s", error->message);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (us, elapsed);
    }
  return us;
}

/* Writes n generated outcomes in transactions of batch; returns seconds. */
static double
fill (LotsCaselog *log,
      GRand       *rand,
      guint        n,
      guint        batch)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start = g_get_monotonic_time ();

  for (guint done = 0; done < n;)
    {
      g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_case_free);
      g_autoptr(GError) error = NULL;
      guint size = MIN (batch, n - done);

      for (guint i = 0; i < size; i++)
        g_ptr_array_add (cases, generated_case (rand, now));
      if (!lots_caselog_add_many (log, cases, &error))
        g_error ("case log: %s", error->message);
      done += size;
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The yardstick: one GROUP BY over the same file with plain SQLite. */
static double
plain_group_by (const char *filename)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  guint rows = 0;

  g_assert_cmpint (sqlite3_open_v2 (filename, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT area, week, channel, count(*), sum(resolved) FROM cases"
                                           " GROUP BY area, week, channel", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    rows++;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (rows, >, 0);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Times the report over an existing journal, three times. */
static int
report_only (const char *filename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaselog) log = lots_caselog_open (filename, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LotsReport) report = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_seconds ();

      report = lots_report_build (log, 0, &error);
      g_assert_no_error (error);
      printf ("report over %" G_GUINT64_FORMAT " outcomes: %.3f s (%.3f s CPU)\n", lots_report_get_contacts (report),
              (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu);
    }
  printf ("one plain SQL GROUP BY area, week, channel: %.3f s\n", plain_group_by (filename));
  return 0;
}

static void
remove_dir (const char *dir)
{
  const char *names[] = { LOTS_CASELOG_FILE, LOTS_CASELOG_FILE "-wal", LOTS_CASELOG_FILE "-shm",
                          "report.sqlite", "report.sqlite-wal", "report.sqlite-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  Options o = { .singles = 500, .batch = 10000, .outcomes = 1000000, .seed = 1 };
  int singles = -1, batch = -1, outcomes = -1, seed = 1;
  GOptionEntry entries[] = {
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &o.smoke, "Small sizes, to prove the benchmark works", NULL },
    { "singles", 0, 0, G_OPTION_ARG_INT, &singles, "Single durable writes to time (default 500)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, "Outcomes in the timed batch (default 10000)", "N" },
    { "outcomes", 0, 0, G_OPTION_ARG_INT, &outcomes, "Outcomes the report runs over (default 1000000)", "N" },
    { "report-only", 0, 0, G_OPTION_ARG_FILENAME, &o.report_only, "Only time the report over the journal FILE (as kept by --dir)", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator (default 1)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &o.dir, "Work in DIR and keep the journals (default: a temporary folder, removed)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— case log benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) fsync_us = NULL;
  g_autoptr(GArray) single_us = NULL;
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(LotsCaselog) big = NULL;
  g_autoptr(LotsReport) report = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *big_filename = NULL;
  double batch_s, fill_s, report_s, report_cpu, plain_s, fsync_median, single_median, single_p99;
  gint64 start;
  gboolean keep;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "lots-bench-caselog: %s\n", error->message);
      return 2;
    }
  if (o.report_only != NULL)
    return report_only (o.report_only);
  if (o.smoke)
    {
      o.singles = 20;
      o.batch = 500;
      o.outcomes = 5000;
    }
  if (singles > 0)
    o.singles = (guint) singles;
  if (batch > 0)
    o.batch = (guint) batch;
  if (outcomes > 0)
    o.outcomes = (guint) outcomes;
  o.seed = (guint) seed;
  keep = o.dir != NULL;
  if (o.dir == NULL)
    o.dir = g_dir_make_tmp ("lots-bench-caselog-XXXXXX", &error);
  g_assert_no_error (error);
  rand = g_rand_new_with_seed (o.seed);

  filename = g_build_filename (o.dir, LOTS_CASELOG_FILE, NULL);
  log = lots_caselog_open (filename, &error);
  g_assert_no_error (error);

  /* 1. one durable write, next to the disk's own floor */
  fsync_us = measure_fsync (o.dir, o.singles);
  single_us = measure_singles (log, rand, o.singles);
  fsync_median = percentile_ms (fsync_us, 0.5);
  single_median = percentile_ms (single_us, 0.5);
  single_p99 = percentile_ms (single_us, 0.99);
  printf ("durable case log, %u single writes: median %.2f ms, p99 %.2f ms (target p99 < 5 ms)\n",
          o.singles, single_median, single_p99);
  printf ("  bare 4 KiB write + fdatasync here:  median %.2f ms, p99 %.2f ms; case log / fdatasync = %.2f×\n",
          fsync_median, percentile_ms (fsync_us, 0.99), fsync_median > 0 ? single_median / fsync_median : 0.0);

  /* 2. a batch in one transaction */
  batch_s = fill (log, rand, o.batch, o.batch);
  printf ("batch of %u outcomes in one transaction: %.3f s, %.0f outcomes/s\n", o.batch, batch_s, o.batch / batch_s);

  /* 3. the report over many outcomes, in a journal of their own */
  big_filename = g_build_filename (o.dir, "report.sqlite", NULL);
  big = lots_caselog_open (big_filename, &error);
  g_assert_no_error (error);
  fill_s = fill (big, rand, o.outcomes, 50000);
  printf ("generated %u outcomes in %.1f s (%.0f outcomes/s, transactions of 50,000)\n",
          o.outcomes, fill_s, o.outcomes / fill_s);
  start = g_get_monotonic_time ();
  report_cpu = cpu_seconds ();
  report = lots_report_build (big, 0, &error);
  g_assert_no_error (error);
  report_s = (g_get_monotonic_time () - start) / 1e6;
  report_cpu = cpu_seconds () - report_cpu;
  g_assert_cmpuint (lots_report_get_contacts (report), ==, o.outcomes);
  plain_s = plain_group_by (big_filename);
  printf ("report over %u outcomes: %.3f s, %.3f s CPU (target < 1 s for 1,000,000); "
          "one plain SQL GROUP BY area, week, channel: %.3f s; report / GROUP BY = %.2f×\n",
          o.outcomes, report_s, report_cpu, plain_s, plain_s > 0 ? report_s / plain_s : 0.0);

  g_clear_pointer (&log, lots_caselog_close);
  g_clear_pointer (&big, lots_caselog_close);
  if (!keep)
    remove_dir (o.dir);
  g_free (o.dir);
  return 0;
}

/* test-caselog-crash.c — the case log's promise under SIGKILL: an outcome
 * whose write was acknowledged is there afterwards, and the file stays
 * sound.
 *
 * Two kinds of writer are killed at random moments, hundreds of times, on
 * one journal:
 *   - this program re-run as a writer (--writer FILE), which logs outcomes
 *     in a loop (one at a time and in batches of three) and prints each id
 *     only after lots_caselog_add() returned: most kills land in the
 *     middle of a transaction or its fsync;
 *   - the real `lotsctl case log`, killed anywhere from start-up to exit,
 *     which prints the id the contract calls acknowledged.
 * Afterwards every printed id must be in the journal, and PRAGMA
 * integrity_check must say ok. The random moments come from the test seed
 * (--seed reproduces a run).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "lots-caselog.h"
#include "lots-test-util.h"

/* Every ninth round kills a lotsctl, the others a writer: 200 writers and
 * 25 lotsctl runs (a lotsctl start-up costs what a dozen writes do, so
 * the writers are where most kills land mid-write). */
#define ROUNDS 225

/* ---- the writer ------------------------------------------------------------ */

/* Writer n's note: "skrivning wTAG nN, …", TAG a random per-process tag,
 * so the test can find each batch's outcomes again. The letters keep the
 * numbers from looking like phone numbers to the scrubber. */
static LotsCase *
writer_case (guint32 tag,
             guint64 n)
{
  static const char * const areas[] = { "aldre", "social", "forskola", "parkering", "allmant" };
  static const char * const channels[] = { "telefon", "e-post", "brev", "besök", "chatt" };
  LotsCase *c = lots_case_new ();

  c->area = g_strdup (areas[n % G_N_ELEMENTS (areas)]);
  c->channel = g_strdup (channels[(n / 5) % G_N_ELEMENTS (channels)]);
  c->resolved = n % 3 != 0;
  c->acute = n % 17 == 0;
  c->handler = g_strdup ("h-crash");
  c->workstation = g_strdup ("ws-crash");
  c->note = g_strdup_printf ("skrivning w%08x n%" G_GUINT64_FORMAT ", ring 070-123 45 67", tag, n);
  return c;
}

/* Logs outcomes until killed; prints each id once its write returned. */
static int
run_writer (const char *filename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaselog) log = lots_caselog_open (filename, &error);
  guint32 tag = g_random_int ();

  if (log == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }
  for (guint64 n = 0;; n++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_case_free);
      guint size = n % 4 == 0 ? 3 : 1;

      for (guint i = 0; i < size; i++)
        g_ptr_array_add (batch, writer_case (tag, n * 3 + i));
      if (!lots_caselog_add_many (log, batch, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      for (guint i = 0; i < batch->len; i++)
        printf ("%s\n", ((LotsCase *) g_ptr_array_index (batch, i))->id);
      fflush (stdout);
    }
  return 0;
}

/* ---- the test -------------------------------------------------------------- */

typedef struct {
  char *dir;
  char *filename;
  GHashTable *acknowledged;    /* ids printed by a writer */
  guint killed;
  guint finished;
} Crash;

/* The writer's batches of three (every fourth write) are whole: for each
 * writer tag and batch, all three outcomes or none are in the journal. */
static void
assert_batches_whole (GPtrArray *stored)
{
  g_autoptr(GHashTable) batches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint whole = 0;

  for (guint i = 0; i < stored->len; i++)
    {
      const LotsCase *c = g_ptr_array_index (stored, i);
      guint32 tag = 0;
      guint64 k = 0;
      char *end = NULL;

      if (!g_str_has_prefix (c->note, "skrivning "))
        continue;
      g_assert_true (g_str_has_prefix (c->note, "skrivning w"));
      tag = (guint32) g_ascii_strtoull (c->note + strlen ("skrivning w"), &end, 16);
      g_assert_true (g_str_has_prefix (end, " n"));
      k = g_ascii_strtoull (end + 2, NULL, 10);
      if ((k / 3) % 4 == 0)
        {
          g_autofree char *batch = g_strdup_printf ("%08x-%" G_GUINT64_FORMAT, tag, k / 3);
          guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (batches, batch));
          g_hash_table_replace (batches, g_steal_pointer (&batch), GUINT_TO_POINTER (seen + 1));
        }
    }
  g_hash_table_iter_init (&iter, batches);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (GPOINTER_TO_UINT (value) != 3)
        g_test_message ("batch %s has %u of its 3 outcomes", (const char *) key, GPOINTER_TO_UINT (value));
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 3);
      whole++;
    }
  g_test_message ("%u batches of three, each whole", whole);
  g_assert_cmpuint (whole, >, 0);
}

/* Every complete line of out that is a UUID was acknowledged. */
static void
collect_ids (Crash      *crash,
             const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* The last element follows the last newline: an unfinished line. */
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_true (g_uuid_string_is_valid (lines[i]));
      g_hash_table_add (crash->acknowledged, g_strdup (lines[i]));
    }
}

/* Reads stdout up to and including its first newline, byte by byte so
 * that nothing after it is taken from the pipe. FALSE at end of file. */
static gboolean
read_first_line (GSubprocess *process,
                 GString     *line)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (process);
  char c = 0;

  while (c != '\n')
    {
      gssize n = g_input_stream_read (out, &c, 1, NULL, NULL);
      if (n != 1)
        return FALSE;
      g_string_append_c (line, c);
    }
  return TRUE;
}

/* Starts argv, kills it with SIGKILL after a random delay in [min_us,
 * max_us) (unless it has exited by then) and collects what it
 * acknowledged. With after_first_line, the delay starts once the process
 * has acknowledged its first write, so that slow start-ups (a sanitizer
 * build) do not eat the window. */
static void
kill_at_random (Crash              *crash,
                const char * const *argv,
                gboolean            after_first_line,
                int                 min_us,
                int                 max_us)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) rest = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  if (after_first_line)
    g_assert_true (read_first_line (process, out));
  g_usleep ((gulong) g_test_rand_int_range (min_us, max_us));
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_communicate (process, NULL, NULL, &rest, NULL, &error);
  g_assert_no_error (error);
  g_string_append_len (out, g_bytes_get_data (rest, NULL), (gssize) g_bytes_get_size (rest));
  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      crash->killed++;
    }
  else
    {
      /* It finished first: then it must have succeeded. */
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
      crash->finished++;
    }
  collect_ids (crash, out->str);
}

/* How long one `lotsctl case log` takes here, start to exit: the window
 * its kills are spread over. */
static gint64
time_lotsctl (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  return g_get_monotonic_time () - start;
}

static void
assert_integrity (const char *filename)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (filename, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_sigkill (void)
{
  Crash crash = { 0 };
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) stored_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id;
  const char *lotsctl = g_getenv ("LOTSCTL");
  guint missing = 0;
  gint64 lotsctl_us = 0;

  g_assert_nonnull (self);
  g_assert_nonnull (lotsctl);
  crash.dir = lots_test_sandbox_new ();
  data = g_build_filename (crash.dir, "data", NULL);
  crash.filename = g_build_filename (data, LOTS_CASELOG_FILE, NULL);
  crash.acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *lotsctl_argv[] = { lotsctl, "--data-dir", data, "case", "log", "--area", "social",
                                     "--channel", "telefon", "--resolved", "no", "--acute",
                                     "--referred-to", "socialjouren", "--note", "pnr 811228-9874", NULL };
      const char *writer_argv[] = { self, "--writer", crash.filename, NULL };

      /* The shortest of three runs: the first also creates the journal. */
      for (guint i = 0; round == 0 && i < 3; i++)
        {
          gint64 us = time_lotsctl (lotsctl_argv);
          lotsctl_us = i == 0 ? us : MIN (lotsctl_us, us);
        }
      if (round % 9 == 8)
        kill_at_random (&crash, lotsctl_argv, FALSE, 0, (int) (lotsctl_us * 5 / 4));
      else
        kill_at_random (&crash, writer_argv, TRUE, 0, 25000);
      if (round % 50 == 49)
        assert_integrity (crash.filename);
    }
  g_test_message ("%u killed, %u finished first, %u outcomes acknowledged", crash.killed, crash.finished,
                  g_hash_table_size (crash.acknowledged));
  g_assert_cmpuint (crash.killed, >=, 200);
  g_assert_cmpuint (g_hash_table_size (crash.acknowledged), >=, 200);

  assert_integrity (crash.filename);
  log = lots_caselog_open (crash.filename, &error);
  g_assert_no_error (error);
  stored = lots_caselog_list (log, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stored->len; i++)
    g_hash_table_add (stored_ids, ((LotsCase *) g_ptr_array_index (stored, i))->id);
  g_hash_table_iter_init (&iter, crash.acknowledged);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (stored_ids, id))
      {
        g_test_message ("acknowledged but lost: %s", (const char *) id);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);
  assert_batches_whole (stored);
  /* Nothing was half-written either: every stored outcome is whole. */
  for (guint i = 0; i < stored->len; i++)
    {
      const LotsCase *c = g_ptr_array_index (stored, i);
      g_assert_nonnull (c->area);
      g_assert_nonnull (c->note);
      g_assert_null (strstr (c->note, "070-123"));
      g_assert_null (strstr (c->note, "811228"));
    }

  g_hash_table_unref (crash.acknowledged);
  g_free (crash.filename);
  lots_test_sandbox_free (crash.dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/caselog/crash/sigkill", test_sigkill);
  return g_test_run ();
}

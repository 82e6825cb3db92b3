/* lots-bench-upload.c — how long the upload of outcomes takes, against a
 * real git server on loopback.
 *
 *   1. N outcomes (default 10,000, seeded) logged in a fresh journal, then
 *      uploaded to an empty bare repository served by git-daemon (started
 *      here, --enable=receive-pack) on a free port: staging, fetch, the
 *      NDJSON batches as commits, the push, the marking — all of
 *      lots_upload_run;
 *   2. the yardstick: `git push` of the same commit from the local bare
 *      repository to a second empty repository on the same server, i.e.
 *      what git alone pays to move those objects;
 *   3. an incremental upload of one more batch (1,000) on top;
 *   4. `report --remote` over everything: fetch every branch, parse every
 *      line, count.
 *
 * Nothing is asserted about the times. `--smoke` runs it with 300
 * outcomes to prove it still works (the bench-smoke suite).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lots-caselog.h"
#include "lots-paths.h"
#include "lots-report.h"
#include "lots-upload.h"

static const char * const areas[] = { "aldre", "forskola", "skola", "social", "parkering", "allmant" };
static const char * const channels[] = { "telefon", "telefon", "telefon", "e-post", "brev", "chatt" };

static char *
run (const char *dir,
     const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], error ? error->message : err);
  return g_strstrip (out);
}

static guint16
free_port (void)
{
  struct sockaddr_in address = { 0 };
  socklen_t length = sizeof address;
  int fd = socket (AF_INET, SOCK_STREAM, 0);

  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (bind (fd, (struct sockaddr *) &address, sizeof address) != 0 ||
      getsockname (fd, (struct sockaddr *) &address, &length) != 0)
    g_error ("no free port");
  close (fd);
  return ntohs (address.sin_port);
}

static gboolean
port_answers (guint16 port)
{
  struct sockaddr_in address = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM, 0);
  gboolean ok;

  address.sin_family = AF_INET;
  address.sin_port = htons (port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  ok = connect (fd, (struct sockaddr *) &address, sizeof address) == 0;
  close (fd);
  return ok;
}

/* git-daemon itself (not `git daemon`, whose child outlives a kill). */
static GSubprocess *
start_daemon (const char *dir,
              guint16     port)
{
  const char *exec_argv[] = { "git", "--exec-path", NULL };
  g_autofree char *exec_path = run (dir, exec_argv);
  g_autofree char *daemon = g_build_filename (exec_path, "git-daemon", NULL);
  g_autofree char *port_option = g_strdup_printf ("--port=%u", port);
  g_autofree char *base = g_strconcat ("--base-path=", dir, NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, daemon, "--reuseaddr",
                                           "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
                                           port_option, base, dir, NULL);

  if (process == NULL)
    g_error ("git-daemon: %s", error->message);
  for (int i = 0; i < 200 && !port_answers (port); i++)
    g_usleep (25 * 1000);
  return process;
}

static void
log_outcomes (LotsCaselog *log,
              GRand       *rand,
              guint        n)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_case_free);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    {
      LotsCase *c = lots_case_new ();

      c->ended_at = now - g_rand_int_range (rand, 0, 60 * 24 * 3600);
      c->started_at = c->ended_at - g_rand_int_range (rand, 60, 900);
      c->area = g_strdup (areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))]);
      c->channel = g_strdup (channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))]);
      c->resolved = g_rand_int_range (rand, 0, 100) < 72;
      c->acute = g_rand_int_range (rand, 0, 100) < 3;
      c->note = g_strdup ("Ringde om ansökan, återkommer nästa vecka.");
      c->handler = g_strdup ("h-bench");
      c->workstation = g_strdup ("ws-bench");
      g_ptr_array_add (batch, c);
    }
  if (!lots_caselog_add_many (log, batch, &error))
    g_error ("logging: %s", error->message);
}

static double
upload (const char *label,
        guint       n)
{
  g_auto(LotsUploadResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (!lots_upload_run (NULL, NULL, &result, &error))
    g_error ("upload: %s", error->message);
  ms = (double) (g_get_monotonic_time () - start) / 1000.0;
  if (result.outcomes_uploaded != n)
    g_error ("upload: %u outcomes uploaded, %u expected", result.outcomes_uploaded, n);
  printf ("%-58s %9.1f ms  (%u batches, %.0f outcomes/s)\n", label, ms, result.batches_pushed, n / (ms / 1000.0));
  return ms;
}

int
main (int    argc,
      char **argv)
{
  guint outcomes = 10000;
  gboolean smoke = FALSE;
  GOptionEntry entries[] = {
    { "outcomes", 0, 0, G_OPTION_ARG_INT, &outcomes, "Outcomes in the first upload (default 10000)", "N" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &smoke, "Run small, to prove the benchmark works", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the upload of outcomes to a loopback git server");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(LotsReport) report = NULL;
  g_autofree char *dir = NULL, *data = NULL, *url = NULL, *copy_url = NULL, *local = NULL, *conf = NULL;
  LotsUploadScan scan = { 0 };
  guint16 port;
  gint64 start;
  guint more;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (smoke)
    outcomes = 300;
  more = smoke ? 100 : LOTS_UPLOAD_BATCH_SIZE;
  dir = g_dir_make_tmp ("lots-bench-upload-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (dir, "data", NULL);
  lots_paths_set_data_dir (data);
  {
    const char *init_argv[] = { "git", "init", "-q", "--bare", "outcomes.git", NULL };
    const char *copy_argv[] = { "git", "init", "-q", "--bare", "copy.git", NULL };
    g_free (run (dir, init_argv));
    g_free (run (dir, copy_argv));
  }
  port = free_port ();
  daemon = start_daemon (dir, port);
  url = g_strdup_printf ("git://127.0.0.1:%u/outcomes.git", port);
  copy_url = g_strdup_printf ("git://127.0.0.1:%u/copy.git", port);
  conf = g_build_filename (data, "lots.conf", NULL);
  if (g_mkdir_with_parents (data, 0700) != 0 ||
      !g_file_set_contents (conf, "[workstation]\nworkstation-id=ws-bench\n", -1, &error) ||
      !lots_upload_set_remote (url, &error))
    g_error ("setting up: %s", error->message);

  {
    g_autoptr(LotsCaselog) log = lots_caselog_open_default (&error);
    g_assert_no_error (error);
    log_outcomes (log, rand, outcomes);
  }
  printf ("upload to git-daemon on loopback (%s)\n", url);
  {
    g_autofree char *label = g_strdup_printf ("lots upload: %u outcomes to an empty branch", outcomes);
    upload (label, outcomes);
  }
  local = g_build_filename (data, "outcomes.git", NULL);
  {
    const char *push_argv[] = { "git", "push", "-q", copy_url, "refs/heads/cases/ws-bench:refs/heads/copy", NULL };
    g_autofree char *out = NULL;

    start = g_get_monotonic_time ();
    out = run (local, push_argv);
    printf ("%-58s %9.1f ms\n", "git push of the same commit (yardstick)",
            (double) (g_get_monotonic_time () - start) / 1000.0);
  }
  {
    g_autoptr(LotsCaselog) log = lots_caselog_open_default (&error);
    g_autofree char *label = g_strdup_printf ("lots upload: %u more on top", more);

    g_assert_no_error (error);
    log_outcomes (log, rand, more);
    upload (label, more);
  }
  start = g_get_monotonic_time ();
  report = lots_report_new (0);
  if (!lots_upload_scan_remote (0, lots_report_add_row, report, &scan, &error))
    g_error ("report --remote: %s", error->message);
  printf ("%-58s %9.1f ms  (%u outcomes in %u batches)\n", "report --remote over every branch",
          (double) (g_get_monotonic_time () - start) / 1000.0, scan.outcomes, scan.batches);
  if (scan.outcomes != outcomes + more || lots_report_get_contacts (report) != outcomes + more)
    g_error ("report --remote counted %u outcomes, %u expected", scan.outcomes, outcomes + more);

  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  {
    const char *rm_argv[] = { "rm", "-rf", dir, NULL };
    g_free (run ("/", rm_argv));
  }
  return 0;
}

/* test-lotsctl-case.c — `lotsctl case log` and `lotsctl case list` as
 * scripts use them: the built program in a sandbox data directory, exit
 * statuses as the contract says, and nothing written when a call is
 * refused.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "lots-test-util.h"

typedef struct {
  char *dir;
  char *data;
  char *out;
  char *err;
  int status;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_clear_pointer (&f->data, g_free);
  g_clear_pointer (&f->dir, lots_test_sandbox_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static void
fixture_init (Fixture *f)
{
  f->dir = lots_test_sandbox_new ();
  f->data = g_build_filename (f->dir, "data-dir", NULL);
}

static int
run (Fixture            *f,
     const char * const *args)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_assert_true (lots_test_run_lotsctl (f->data, args, "", &f->out, &f->err, &f->status));
  g_test_message ("exit %d\n--- stdout\n%s--- stderr\n%s", f->status, f->out, f->err);
  return f->status;
}

/* `case list --json` as parsed objects. */
static GPtrArray *
list_cases (Fixture *f)
{
  const char *args[] = { "case", "list", "--json", NULL };
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (f, args), ==, 0);
  /* No output at all comes back as NULL. */
  lines = g_strsplit (f->out ? f->out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      g_ptr_array_add (objects, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
    }
  return objects;
}

static void
test_log_and_list (void)
{
  g_auto(Fixture) f = { 0 };
  const char *log_args[] = { "case", "log", "--area", "social", "--channel", "telefon", "--resolved", "no",
                             "--acute", "--referred-to", "socialjouren", "--category", "orosanmalan",
                             "--guide", "social/akut", "--guide-commit", "abc123", "--path", "start,oro_barn,jour",
                             "--article", "social/orosanmalan@def456", "--lang", "so",
                             "--started", "2026-11-23T09:41",
                             "--note", "Mamma ringde, pnr 811228-9874, tel 08-123 456 78", NULL };
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *id = NULL;
  JsonObject *c;
  JsonArray *path;

  fixture_init (&f);
  g_assert_cmpint (run (&f, log_args), ==, 0);
  id = g_strdup (g_strstrip (f.out));
  g_assert_true (g_uuid_string_is_valid (id));

  cases = list_cases (&f);
  g_assert_cmpuint (cases->len, ==, 1);
  c = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (c, "area"), ==, "social");
  g_assert_cmpstr (json_object_get_string_member (c, "channel"), ==, "telefon");
  g_assert_false (json_object_get_boolean_member (c, "resolved"));
  g_assert_true (json_object_get_boolean_member (c, "acute"));
  g_assert_cmpstr (json_object_get_string_member (c, "referred_to"), ==, "socialjouren");
  g_assert_cmpstr (json_object_get_string_member (c, "lang"), ==, "so");
  g_assert_cmpstr (json_object_get_string_member (c, "note"), ==, "Mamma ringde, pnr [personnummer], tel [telefon]");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (c, "started"), "2026-11-23T09:41:00"));
  path = json_object_get_array_member (c, "path");
  g_assert_cmpuint (json_array_get_length (path), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (path, 2), ==, "jour");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (c, "articles"), 0), "commit"), ==, "def456");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (c, "workstation"), "ws-"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (c, "handler"), "h-"));
}

static void
test_log_json_and_stable_workstation (void)
{
  g_auto(Fixture) f = { 0 };
  const char *args[] = { "case", "log", "--json", "--area", "aldre", "--channel", "e-post", "--resolved", "yes", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_text = NULL;

  fixture_init (&f);
  g_assert_cmpint (run (&f, args), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f.out, -1, NULL));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (
                   json_node_get_object (json_parser_get_root (parser)), "id")));
  g_assert_cmpint (run (&f, args), ==, 0);
  cases = list_cases (&f);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (cases, 0), "workstation"), ==,
                   json_object_get_string_member (g_ptr_array_index (cases, 1), "workstation"));
  conf = g_build_filename (f.data, "lots.conf", NULL);
  g_assert_true (g_file_get_contents (conf, &conf_text, NULL, NULL));
  g_assert_nonnull (strstr (conf_text, json_object_get_string_member (g_ptr_array_index (cases, 0), "workstation")));
}

/* Refused calls: exit 2, a message naming the option, nothing written. */
static void
test_refused (void)
{
  static const struct {
    const char *args[16];
    const char *needle;
  } refused[] = {
    { { "case", "log", "--channel", "telefon", "--resolved", "no" }, "needs --area" },
    { { "case", "log", "--area", "aldre", "--resolved", "no" }, "needs --channel CHANNEL (one of: telefon, e-post, brev, besök, chatt)" },
    { { "case", "log", "--area", "aldre", "--channel", "telefon" }, "needs --resolved yes|no" },
    { { "case", "log", "--area", "aldre", "--channel", "fax", "--resolved", "no" }, "channel: 'fax' is not a channel" },
    { { "case", "log", "--area", "hemtjanst", "--channel", "brev", "--resolved", "no" }, "area: 'hemtjanst' is not a service area" },
    { { "case", "log", "--area", "aldre", "--channel", "brev", "--resolved", "kanske" }, "--resolved takes yes or no" },
    { { "case", "log", "--area", "aldre", "--channel", "brev", "--resolved", "no", "--referred-to", "ingen" }, "referred-to: 'ingen'" },
    { { "case", "log", "--area", "aldre", "--channel", "brev", "--resolved", "no", "--complaint-to", "solna" }, "complaint-to: 'solna'" },
    { { "case", "log", "--area", "aldre", "--channel", "brev", "--resolved", "no", "--started", "igår" }, "--started takes an ISO 8601 time" },
    { { "case", "log", "--area", "aldre", "--channel", "brev", "--resolved", "no", "--started", "2031-01-01T10:00" }, "in the future" },
    { { "case", "log", "--area", "aldre", "--channel", "brev", "--resolved", "no", "--path", "a,b" }, "without a guide" },
    { { "case", "log", "--area", "aldre", "--channel", "brev", "--resolved", "no", "--note", "\xff\xfe" }, "UTF-8" },
    { { "case", "log", "--area", "aldre", "--channel", "brev", "--resolved", "no", "extra" }, "unexpected argument 'extra'" },
    { { "case", "list", "--since", "förra veckan" }, "--since takes a date" },
    { { "case", "radera" }, "unknown command" },
  };
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) cases = NULL;

  fixture_init (&f);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_cmpint (run (&f, refused[i].args), ==, 2);
      g_assert_nonnull (strstr (f.err, refused[i].needle));
    }
  cases = list_cases (&f);
  g_assert_cmpuint (cases->len, ==, 0);
}

static void
test_long_note_refused (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *note = g_strnfill (501, 'x');
  const char *args[] = { "case", "log", "--area", "aldre", "--channel", "chatt", "--resolved", "yes", "--note", note, NULL };
  g_autoptr(GPtrArray) cases = NULL;

  fixture_init (&f);
  g_assert_cmpint (run (&f, args), ==, 2);
  g_assert_nonnull (strstr (f.err, "note: 501 characters; at most 500"));
  cases = list_cases (&f);
  g_assert_cmpuint (cases->len, ==, 0);
}

static void
test_list_since (void)
{
  g_auto(Fixture) f = { 0 };
  const char *old_args[] = { "case", "log", "--area", "skola", "--channel", "telefon", "--resolved", "yes",
                             "--started", "2020-01-01T10:00", NULL };
  const char *new_args[] = { "case", "log", "--area", "skola", "--channel", "telefon", "--resolved", "no", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *since_yesterday = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *since_tomorrow = g_date_time_format (tomorrow, "%Y-%m-%d");
  const char *yesterday_args[] = { "case", "list", "--json", "--since", since_yesterday, NULL };
  const char *tomorrow_args[] = { "case", "list", "--json", "--since", since_tomorrow, NULL };
  const char *text_args[] = { "case", "list", NULL };

  fixture_init (&f);
  /* A start six years ago with an end now is no contact: refused. */
  g_assert_cmpint (run (&f, old_args), ==, 2);
  g_assert_nonnull (strstr (f.err, "at most 24 hours"));
  g_assert_cmpint (run (&f, new_args), ==, 0);
  g_assert_cmpint (run (&f, yesterday_args), ==, 0);
  g_assert_nonnull (strstr (f.out, "\"area\":\"skola\""));
  g_assert_cmpint (run (&f, tomorrow_args), ==, 0);
  g_assert_true (f.out == NULL || f.out[0] == '\0');
  g_assert_cmpint (run (&f, text_args), ==, 0);
  g_assert_nonnull (strstr (f.out, "not resolved"));
}

/* A damaged journal is an operation that failed (exit 1), and it is left
 * alone. */
static void
test_damaged_journal (void)
{
  g_auto(Fixture) f = { 0 };
  const char *args[] = { "case", "log", "--area", "aldre", "--channel", "telefon", "--resolved", "yes", NULL };
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  const char *garbage = "not a database but long enough to look like one to a careless reader";

  fixture_init (&f);
  lots_test_write (f.data, "cases.sqlite", garbage, -1);
  g_assert_cmpint (run (&f, args), ==, 1);
  g_assert_nonnull (strstr (f.err, "cases.sqlite"));
  path = g_build_filename (f.data, "cases.sqlite", NULL);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
}

/* `lotsctl report` over what `case log` wrote: figures by hand, the three
 * forms, and its usage errors. */
static void
test_report (void)
{
  g_auto(Fixture) f = { 0 };
  const char *a[] = { "case", "log", "--area", "aldre", "--channel", "telefon", "--resolved", "yes", NULL };
  const char *b[] = { "case", "log", "--area", "aldre", "--channel", "telefon", "--resolved", "no",
                      "--referred-to", "fardtjanst", NULL };
  const char *c[] = { "case", "log", "--area", "allmant", "--channel", "e-post", "--resolved", "yes",
                      "--complaint-to", "bromma", NULL };
  const char *json_args[] = { "report", "--json", NULL };
  const char *csv_args[] = { "report", "--csv", NULL };
  const char *text_args[] = { "report", NULL };
  const char *both[] = { "report", "--json", "--csv", NULL };
  const char *bad_since[] = { "report", "--since", "igår", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *fcr;

  fixture_init (&f);
  g_assert_cmpint (run (&f, a), ==, 0);
  g_assert_cmpint (run (&f, b), ==, 0);
  g_assert_cmpint (run (&f, c), ==, 0);
  g_assert_cmpint (run (&f, json_args), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "contacts"), ==, 3);
  fcr = json_object_get_object_member (root, "first_contact_resolution");
  g_assert_cmpint (json_object_get_int_member (fcr, "resolved"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (fcr, "rate"), 2.0 / 3.0, 1e-9);
  g_assert_false (json_object_get_boolean_member (fcr, "meets_goal"));

  g_assert_cmpint (run (&f, csv_args), ==, 0);
  g_assert_nonnull (strstr (f.out, "\narea,aldre,2,1,0.5000,no,0\n"));
  g_assert_nonnull (strstr (f.out, "\nreferral,fardtjanst,1\n"));
  g_assert_nonnull (strstr (f.out, "\ncomplaint,bromma,1\n"));
  g_assert_cmpint (run (&f, text_args), ==, 0);
  g_assert_nonnull (strstr (f.out, "Answered at the first contact: 2 of 3 (66.7 %)"));
  g_assert_cmpint (run (&f, both), ==, 2);
  g_assert_cmpint (run (&f, bad_since), ==, 2);
  g_assert_nonnull (strstr (f.err, "--since takes a date"));
}

/* In the child: a file size limit of one byte, so every write that grows
 * a file fails with EFBIG as on a full disk. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 1, 1 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A disk that takes no more bytes (the journal cannot even grow its WAL):
 * `case log` fails with exit 1 and SQLite's message, prints no id, and the
 * outcomes logged before are intact. */
static void
test_disk_full (void)
{
  g_auto(Fixture) f = { 0 };
  const char *args[] = { "case", "log", "--area", "aldre", "--channel", "telefon", "--resolved", "yes", NULL };
  const char *lotsctl = g_getenv ("LOTSCTL");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  fixture_init (&f);
  g_assert_cmpint (run (&f, args), ==, 0);
  g_assert_cmpint (run (&f, args), ==, 0);

  g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, lotsctl, "--data-dir", f.data, "case", "log",
                                         "--area", "social", "--channel", "brev", "--resolved", "no", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_test_message ("full disk: exit %d, stdout '%s', stderr '%s'", g_subprocess_get_exit_status (process), out, err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_true (out == NULL || out[0] == '\0');
  g_assert_nonnull (strstr (err, "cases.sqlite"));

  cases = list_cases (&f);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (cases, 1), "area"), ==, "aldre");
}

static void
test_help (void)
{
  g_auto(Fixture) f = { 0 };
  const char *group[] = { "case", "--help", NULL };
  const char *log[] = { "case", "log", "--help", NULL };

  fixture_init (&f);
  g_assert_cmpint (run (&f, group), ==, 0);
  g_assert_nonnull (strstr (f.out, "log --area A --channel C --resolved yes|no"));
  g_assert_cmpint (run (&f, log), ==, 0);
  g_assert_nonnull (strstr (f.out, "--complaint-to"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lotsctl/case/log-and-list", test_log_and_list);
  g_test_add_func ("/lotsctl/case/log-json-stable-workstation", test_log_json_and_stable_workstation);
  g_test_add_func ("/lotsctl/case/refused", test_refused);
  g_test_add_func ("/lotsctl/case/long-note-refused", test_long_note_refused);
  g_test_add_func ("/lotsctl/case/list-since", test_list_since);
  g_test_add_func ("/lotsctl/case/damaged-journal", test_damaged_journal);
  g_test_add_func ("/lotsctl/case/disk-full", test_disk_full);
  g_test_add_func ("/lotsctl/case/help", test_help);
  g_test_add_func ("/lotsctl/report/forms", test_report);
  return g_test_run ();
}

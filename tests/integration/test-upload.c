/* test-upload.c — `lotsctl upload` and `report --remote` against real git
 * remotes on loopback (lots-upload.c, the staging of batches in
 * lots-caselog.c).
 *
 * The outcomes remote is a bare repository served over file:// or by a
 * git-daemon this test starts on a free port (with or without
 * receive-pack, with a hook that declines, or killed). Outcomes are logged
 * with the built lotsctl; what reached the remote is read back with the
 * plain `git` command line, not with Lots, and must hold every
 * acknowledged outcome exactly once — also after uploads killed with
 * SIGKILL at random moments while more outcomes keep being logged. The
 * searches that found nothing (recorded with `search --record-empty`)
 * travel in the same uploads and must reach the remote exactly once too,
 * and `report --remote` must show them as content gaps.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lots-test-util.h"

#define KILL_ROUNDS 36

typedef struct {
  char *dir;
  char *remote;    /* the bare outcomes repository */
  char *data;      /* Lots' data directory (workstation ws-a) */
  char *out;
  char *err;
  int status;
  GSubprocess *daemon;
  guint16 port;
  GPtrArray *logged;   /* char *: every id `case log` acknowledged */
  guint searched;      /* searches `search --record-empty` acknowledged */
  GHashTable *search_ids;  /* the journal's ids of those searches */
} Fixture;

static void
stop_daemon (Fixture *f)
{
  if (f->daemon == NULL)
    return;
  g_subprocess_force_exit (f->daemon);
  g_subprocess_wait (f->daemon, NULL, NULL);
  g_clear_object (&f->daemon);
}

static void
fixture_clear (Fixture *f)
{
  stop_daemon (f);
  g_clear_pointer (&f->logged, g_ptr_array_unref);
  g_clear_pointer (&f->search_ids, g_hash_table_unref);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_clear_pointer (&f->data, g_free);
  g_clear_pointer (&f->remote, g_free);
  g_clear_pointer (&f->dir, lots_test_sandbox_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)


static int
lots_in_args (Fixture            *f,
              const char         *data,
              const char         *stdin_text,
              const char * const *args)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  lots_test_run_lotsctl (data, args, stdin_text, &f->out, &f->err, &f->status);
  g_test_message ("lotsctl %s → %d\n%s%s", args[0], f->status, f->out, f->err);
  return f->status;
}

static int
lots_in (Fixture    *f,
         const char *data,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list list;

  va_start (list, first);
  for (const char *a = first; a != NULL; a = va_arg (list, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (list);
  g_ptr_array_add (args, NULL);
  return lots_in_args (f, data, "", (const char * const *) args->pdata);
}

static char *
new_data_dir (Fixture    *f,
              const char *name,
              const char *workstation)
{
  g_autofree char *conf = g_strdup_printf ("[workstation]\nworkstation-id=%s\n", workstation);
  char *data = g_build_filename (f->dir, name, NULL);

  lots_test_write (data, "lots.conf", conf, -1);
  return data;
}

static void
fixture_init (Fixture *f)
{
  f->dir = lots_test_sandbox_new ();
  f->remote = g_build_filename (f->dir, "remote.git", NULL);
  f->data = new_data_dir (f, "data", "ws-a");
  f->logged = g_ptr_array_new_with_free_func (g_free);
  f->search_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_free (lots_test_git (f->dir, "init", "-q", "--bare", f->remote, NULL));
}

/* Logs n outcomes in data, varied so that reports have something to
 * count; keeps the acknowledged ids in f->logged when data is f->data. */
static void
log_cases (Fixture    *f,
           const char *data,
           guint       n)
{
  static const char *const areas[] = { "aldre", "forskola", "social", "parkering" };

  for (guint i = 0; i < n; i++)
    {
      const char *area = areas[(f->logged->len + i) % G_N_ELEMENTS (areas)];
      const char *resolved = i % 3 == 0 ? "no" : "yes";

      g_assert_cmpint (lots_in (f, data, "case", "log", "--area", area, "--channel", "telefon", "--resolved", resolved,
                                "--note", "ringde om 19121212-1212", NULL), ==, 0);
      if (g_strcmp0 (data, f->data) == 0)
        g_ptr_array_add (f->logged, g_strdup (g_strstrip (f->out)));
    }
}

static GPtrArray *journal_column (const char *data,
                                  const char *query);

/* Records n searches that find nothing in data with `lotsctl search
 * --record-empty --batch -`, each query new (tag and a number) and holding
 * a personnummer that must not reach the journal nor the remote. When data
 * is f->data, keeps their ids, as the journal has them right after, in
 * f->search_ids. */
static void
record_searches (Fixture    *f,
                 const char *data,
                 const char *tag,
                 guint       n)
{
  const char *args[] = { "search", "--record-empty", "--batch", "-", NULL };
  g_autoptr(GString) queries = g_string_new (NULL);

  /* Letters only: no article has such a word, nor one within two edits. */
  for (guint i = 0; i < n; i++)
    {
      guint k = f->searched + i;
      g_string_append_printf (queries, "zzxqvjk%s%c%c%c 19121212-1212\n", tag, 'a' + k / 676 % 26, 'a' + k / 26 % 26,
                              'a' + k % 26);
    }
  g_assert_cmpint (lots_in_args (f, data, queries->str, args), ==, 0);
  if (g_strcmp0 (data, f->data) == 0)
    {
      g_autoptr(GPtrArray) ids = journal_column (data, "SELECT id FROM empty_searches");

      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (f->search_ids, g_strdup (g_ptr_array_index (ids, i)));
      f->searched += n;
      g_assert_cmpuint (g_hash_table_size (f->search_ids), ==, f->searched);
    }
}

static void
add_count (GHashTable *counts,
           const char *id)
{
  g_hash_table_insert (counts, g_strdup (id), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1));
}

static void
assert_outcome_members (JsonObject *object)
{
  static const char *const members[] = {
    "id", "started_at", "ended_at", "week", "channel", "lang", "area", "category", "guide", "guide_commit", "path",
    "articles", "resolved", "referred_to", "acute", "complaint_to", "note", "handler", "workstation",
  };
  g_autoptr(GList) names = json_object_get_members (object);
  guint i = 0;

  for (GList *l = names; l != NULL; l = l->next, i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (members));
      g_assert_cmpstr (l->data, ==, members[i]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (members));
}

/* Every outcome on the remote's branch cases/WS, read with the git command
 * line: id → how many times it occurs; and the same for the searches that
 * found nothing in *searches (may be NULL). Checks the layout and what the
 * lines hold on the way. */
static GHashTable *
remote_records (Fixture     *f,
                const char  *workstation,
                GHashTable **searches)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) search_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *ref = g_strconcat ("refs/heads/cases/", workstation, NULL);
  g_autofree char *prefix = g_strconcat ("cases/", workstation, "/", NULL);
  g_autofree char *refs = lots_test_git (f->remote, "for-each-ref", "--format=%(refname)", ref, NULL);
  g_autofree char *listing = NULL;
  g_auto(GStrv) files = NULL;

  if (searches != NULL)
    *searches = g_hash_table_ref (search_counts);
  if (g_strstrip (refs)[0] == '\0')
    return counts;
  listing = lots_test_git (f->remote, "ls-tree", "-r", "--name-only", ref, NULL);
  files = g_strsplit (g_strstrip (listing), "\n", -1);
  for (guint i = 0; files[i] != NULL && files[i][0] != '\0'; i++)
    {
      g_autofree char *spec = g_strconcat (ref, ":", files[i], NULL);
      g_autofree char *text = lots_test_git (f->remote, "show", spec, NULL);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *batch = g_path_get_basename (files[i]);

      g_assert_true (g_str_has_prefix (files[i], prefix));
      g_assert_true (g_str_has_suffix (batch, ".ndjson"));
      batch[strlen (batch) - strlen (".ndjson")] = '\0';
      g_assert_true (g_uuid_string_is_valid (batch));
      g_assert_true (g_str_has_suffix (text, "\n"));
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;
          JsonObject *object;
          const char *id, *note;

          if (lines[l][0] == '\0')
            continue;
          json_parser_load_from_data (parser, lines[l], -1, &error);
          g_assert_no_error (error);
          object = json_node_get_object (json_parser_get_root (parser));
          id = json_object_get_string_member (object, "id");
          g_assert_true (g_uuid_string_is_valid (id));
          g_assert_cmpstr (json_object_get_string_member (object, "workstation"), ==, workstation);
          g_assert_false (json_object_has_member (object, "batch"));
          g_assert_false (json_object_has_member (object, "uploaded_at"));
          if (json_object_has_member (object, "type"))
            {
              /* A search that found nothing: scrubbed like a note, no
               * handler, and nothing of an outcome. */
              g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "empty_search");
              g_assert_cmpint (json_object_get_int_member (object, "at"), >, 0);
              g_assert_nonnull (json_object_get_string_member (object, "lang"));
              g_assert_null (strstr (json_object_get_string_member (object, "query"), "19121212-1212"));
              g_assert_false (json_object_has_member (object, "handler"));
              g_assert_false (json_object_has_member (object, "resolved"));
              add_count (search_counts, id);
              continue;
            }
          /* An outcome line is as it was before searches were uploaded:
           * these members in this order, and no "type". */
          assert_outcome_members (object);
          /* Notes are scrubbed before they reach the journal. */
          note = json_object_get_string_member (object, "note");
          g_assert_true (note == NULL || strstr (note, "19121212-1212") == NULL);
          add_count (counts, id);
        }
    }
  return counts;
}

/* Runs sql on the journal of data (no lotsctl may run meanwhile). */
static void
journal_exec (const char *data,
              const char *sql)
{
  g_autofree char *path = g_build_filename (data, "cases.sqlite", NULL);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The first column of every row of query on the journal of data. */
static GPtrArray *
journal_column (const char *data,
                const char *query)
{
  g_autofree char *path = g_build_filename (data, "cases.sqlite", NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return values;
}

static void
assert_each_once (GHashTable *counts,
                  const char *what)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (GPOINTER_TO_UINT (value) != 1)
        g_error ("%s %s is on the remote %u times", what, (char *) key, GPOINTER_TO_UINT (value));
    }
}

/* The remote holds exactly the outcomes logged in f->data, each once, and
 * exactly the searches recorded there, each once. */
static void
assert_remote_exactly (Fixture *f)
{
  g_autoptr(GHashTable) searches = NULL;
  g_autoptr(GHashTable) counts = remote_records (f, "ws-a", &searches);
  GHashTableIter iter;
  gpointer id;

  assert_each_once (counts, "outcome");
  for (guint i = 0; i < f->logged->len; i++)
    if (!g_hash_table_contains (counts, g_ptr_array_index (f->logged, i)))
      g_error ("acknowledged outcome %s is not on the remote", (char *) g_ptr_array_index (f->logged, i));
  g_assert_cmpuint (g_hash_table_size (counts), ==, f->logged->len);

  assert_each_once (searches, "search");
  g_hash_table_iter_init (&iter, f->search_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (searches, id))
      g_error ("recorded search %s is not on the remote", (char *) id);
  g_assert_cmpuint (g_hash_table_size (searches), ==, g_hash_table_size (f->search_ids));
}

/* How many searches of f->data are not marked uploaded. */
static guint
count_pending_searches (Fixture *f)
{
  g_autoptr(GPtrArray) n = journal_column (f->data, "SELECT count(*) FROM empty_searches WHERE uploaded_at IS NULL");

  return (guint) g_ascii_strtoull (g_ptr_array_index (n, 0), NULL, 10);
}

/* How many outcomes of f->data are not marked uploaded (case list). */
static guint
count_pending (Fixture *f)
{
  g_auto(GStrv) lines = NULL;
  guint pending = 0;

  g_assert_cmpint (lots_in (f, f->data, "case", "list", "--json", NULL), ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (lines[i][0] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      if (json_object_get_null_member (json_node_get_object (json_parser_get_root (parser)), "batch"))
        pending++;
    }
  return pending;
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gint64
member_int (const char *json,
            const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  return json_object_get_int_member (parse_object (json, parser), member);
}

static char *
file_url (Fixture *f)
{
  return g_strconcat ("file://", f->remote, NULL);
}

/* ---- git-daemon ----------------------------------------------------------- */

/* Serves f->dir on f->port (a free one the first time): git-daemon
 * itself, not `git daemon`, whose child would survive the kill. */
static char *
start_daemon (Fixture  *f,
              gboolean  receive_pack)
{
  f->daemon = lots_test_start_git_daemon (f->dir, &f->port, receive_pack);
  return g_strdup_printf ("git://127.0.0.1:%u/remote.git", f->port);
}

/* ---- tests ------------------------------------------------------------------- */

/* Upload, more outcomes, upload again: a new batch on top, each outcome
 * once; a third upload has nothing to do. */
static void
test_file_remote (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *url = NULL, *count = NULL, *first_tip = NULL, *parent = NULL;

  fixture_init (&f);
  url = file_url (&f);
  log_cases (&f, f.data, 5);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", "--remote", url, NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "batches_pushed"), ==, 1);
  g_assert_cmpint (member_int (f.out, "outcomes_uploaded"), ==, 5);
  g_assert_nonnull (strstr (f.err, "pushing"));
  assert_remote_exactly (&f);
  g_assert_cmpuint (count_pending (&f), ==, 0);
  first_tip = g_strstrip (lots_test_git (f.remote, "rev-parse", "cases/ws-a", NULL));

  log_cases (&f, f.data, 3);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "outcomes_uploaded"), ==, 3);
  assert_remote_exactly (&f);
  count = g_strstrip (lots_test_git (f.remote, "rev-list", "--count", "cases/ws-a", NULL));
  g_assert_cmpstr (count, ==, "2");
  parent = g_strstrip (lots_test_git (f.remote, "rev-parse", "cases/ws-a^", NULL));
  g_assert_cmpstr (parent, ==, first_tip);

  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "nothing to upload"));
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "batches_pushed"), ==, 0);

  /* Searches that found nothing: a batch of their own, on top. */
  record_searches (&f, f.data, "f", 3);
  g_assert_cmpuint (count_pending_searches (&f), ==, 3);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "batches_pushed"), ==, 1);
  g_assert_cmpint (member_int (f.out, "outcomes_uploaded"), ==, 0);
  g_assert_cmpint (member_int (f.out, "searches_uploaded"), ==, 3);
  g_assert_cmpuint (count_pending_searches (&f), ==, 0);
  assert_remote_exactly (&f);
  g_free (count);
  count = g_strstrip (lots_test_git (f.remote, "rev-list", "--count", "cases/ws-a", NULL));
  g_assert_cmpstr (count, ==, "3");
  /* Outcomes and searches together: one batch each. */
  log_cases (&f, f.data, 2);
  record_searches (&f, f.data, "f", 1);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "2 batch(es) pushed with 2 outcome(s) and 1 search(es) that found nothing"));
  assert_remote_exactly (&f);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "nothing to upload"));
}

/* More than one batch (1,000 outcomes each) in one upload. */
static void
test_many_batches (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *url = NULL, *path = NULL, *listing = NULL;
  sqlite3 *db = NULL;
  guint64 n;

  fixture_init (&f);
  url = file_url (&f);
  log_cases (&f, f.data, 1);
  /* Copy the logged outcome 2,300 times in the journal, with new ids:
   * logging them one process at a time would take minutes. */
  path = g_build_filename (f.data, "cases.sqlite", NULL);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2300)"
                                 " INSERT INTO cases (id, started_at, ended_at, week, channel, lang, area, path, articles,"
                                 " resolved, acute, handler, workstation)"
                                 " SELECT printf('00000000-0000-4000-8000-%012d', i), started_at, ended_at, week, channel,"
                                 " lang, area, path, articles, resolved, acute, handler, workstation FROM cases, n",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  for (guint i = 1; i <= 2300; i++)
    g_ptr_array_add (f.logged, g_strdup_printf ("00000000-0000-4000-8000-%012u", i));
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", "--remote", url, NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "batches_pushed"), ==, 3);
  g_assert_cmpint (member_int (f.out, "outcomes_uploaded"), ==, 2301);
  assert_remote_exactly (&f);
  listing = lots_test_git (f.remote, "ls-tree", "-r", "--name-only", "cases/ws-a", NULL);
  n = 0;
  for (const char *p = listing; (p = strchr (p, '\n')) != NULL; p++)
    n++;
  g_assert_cmpuint (n, ==, 3);
}

/* The server vanishes: exit 3, nothing marked; back: the upload completes.
 * A report over the remote is offline too. */
static void
test_git_daemon_vanishes (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *url = NULL, *url_again = NULL;

  fixture_init (&f);
  url = start_daemon (&f, TRUE);
  log_cases (&f, f.data, 4);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", url, NULL), ==, 0);
  assert_remote_exactly (&f);

  stop_daemon (&f);
  log_cases (&f, f.data, 3);
  record_searches (&f, f.data, "v", 2);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 3);
  g_assert_cmpuint (count_pending (&f), ==, 3);
  g_assert_cmpuint (count_pending_searches (&f), ==, 2);
  g_assert_cmpint (lots_in (&f, f.data, "report", "--remote", NULL), ==, 3);
  log_cases (&f, f.data, 2);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 3);
  g_assert_cmpuint (count_pending (&f), ==, 5);

  url_again = start_daemon (&f, TRUE);
  g_assert_cmpstr (url_again, ==, url);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "outcomes_uploaded"), ==, 5);
  g_assert_cmpint (member_int (f.out, "searches_uploaded"), ==, 2);
  g_assert_cmpuint (count_pending (&f), ==, 0);
  g_assert_cmpuint (count_pending_searches (&f), ==, 0);
  assert_remote_exactly (&f);

  /* A remote that never was: offline as well. */
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", "git://127.0.0.1:1/none.git", NULL), ==, 0);
  log_cases (&f, f.data, 1);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 3);
  g_assert_cmpuint (count_pending (&f), ==, 1);
}

/* A server that refuses: no receive-pack, then a hook that declines. Exit
 * 1 with the server's words, everything stays queued; once it accepts,
 * the upload completes. */
static void
test_refused (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *url = NULL, *hook = NULL, *refs = NULL;

  fixture_init (&f);
  url = start_daemon (&f, FALSE);
  log_cases (&f, f.data, 3);
  record_searches (&f, f.data, "r", 1);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", url, NULL), ==, 1);
  g_assert_nonnull (strstr (f.err, "remote.git"));
  g_assert_cmpuint (count_pending (&f), ==, 3);
  g_assert_cmpuint (count_pending_searches (&f), ==, 1);
  stop_daemon (&f);

  hook = g_build_filename (f.remote, "hooks", "pre-receive", NULL);
  lots_test_write (f.remote, "hooks/pre-receive", "#!/bin/sh\necho 'uploads are paused for maintenance' >&2\nexit 1\n",
                   -1);
  g_assert_cmpint (g_chmod (hook, 0755), ==, 0);
  g_free (start_daemon (&f, TRUE));
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 1);
  g_assert_nonnull (strstr (f.err, "refused"));
  g_assert_cmpuint (count_pending (&f), ==, 3);
  refs = lots_test_git (f.remote, "for-each-ref", NULL);
  g_assert_cmpstr (g_strstrip (refs), ==, "");

  g_assert_cmpint (g_unlink (hook), ==, 0);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 0);
  g_assert_cmpuint (count_pending (&f), ==, 0);
  g_assert_cmpuint (count_pending_searches (&f), ==, 0);
  assert_remote_exactly (&f);
}

/* Uploads killed with SIGKILL at random moments, with outcomes logged and
 * searches recorded between the rounds; then one upload to the end: every
 * acknowledged outcome and every recorded search on the remote, once. */
static void
test_killed (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree char *url = NULL, *refs = NULL;
  const char *lotsctl = g_getenv ("LOTSCTL");
  guint killed = 0;

  fixture_init (&f);
  url = start_daemon (&f, TRUE);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", url, NULL), ==, 0);
  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(GSubprocess) upload = NULL;
      g_autoptr(GError) error = NULL;

      log_cases (&f, f.data, 1 + round % 3);
      if (round % 3 == 0)
        record_searches (&f, f.data, "k", 1 + round % 2);
      upload = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                 lotsctl, "--data-dir", f.data, "upload", NULL);
      g_assert_no_error (error);
      g_usleep ((gulong) g_rand_int_range (rand, 0, 400000));
      g_subprocess_send_signal (upload, SIGKILL);   /* nothing if it is done */
      g_subprocess_wait (upload, NULL, NULL);
      killed += g_subprocess_get_if_signaled (upload);
      /* Whatever reached the remote is there once. */
      {
        g_autoptr(GHashTable) searches = NULL;
        g_autoptr(GHashTable) outcomes = remote_records (&f, "ws-a", &searches);

        assert_each_once (outcomes, "outcome");
        assert_each_once (searches, "search");
      }
    }
  g_test_message ("%u of %d uploads killed before they finished", killed, KILL_ROUNDS);
  g_assert_cmpuint (killed, >, 0);
  /* What a push killed while writing a ref leaves must not stop the next. */
  lots_test_write (f.data, "outcomes.git/refs/heads/cases/ws-a.lock", "", -1);
  lots_test_write (f.data, "outcomes.git/packed-refs.lock", "", -1);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 0);
  g_assert_cmpuint (count_pending (&f), ==, 0);
  g_assert_cmpuint (count_pending_searches (&f), ==, 0);
  g_assert_cmpuint (f.searched, >, 0);
  assert_remote_exactly (&f);
  refs = g_strstrip (lots_test_git (f.remote, "for-each-ref", "--format=%(refname)", NULL));
  g_assert_cmpstr (refs, ==, "refs/heads/cases/ws-a");
}

/* Killed after the push, before the marking (simulated by unmarking in
 * the journal): the batch is found on the remote and only marked. */
static void
test_already_on_remote (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *url = NULL, *path = NULL;
  sqlite3 *db = NULL;

  fixture_init (&f);
  url = file_url (&f);
  log_cases (&f, f.data, 4);
  record_searches (&f, f.data, "a", 2);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", url, NULL), ==, 0);
  path = g_build_filename (f.data, "cases.sqlite", NULL);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO upload_staging (seq, batch) SELECT seq, batch FROM cases;"
                                 "UPDATE cases SET batch = NULL, uploaded_at = NULL;"
                                 "INSERT INTO search_staging (seq, batch) SELECT seq, batch FROM empty_searches;"
                                 "UPDATE empty_searches SET batch = NULL, uploaded_at = NULL;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpuint (count_pending (&f), ==, 4);
  g_assert_cmpuint (count_pending_searches (&f), ==, 2);
  log_cases (&f, f.data, 2);
  record_searches (&f, f.data, "a", 1);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "batches_already"), ==, 2);
  g_assert_cmpint (member_int (f.out, "outcomes_already"), ==, 4);
  g_assert_cmpint (member_int (f.out, "searches_already"), ==, 2);
  g_assert_cmpint (member_int (f.out, "outcomes_uploaded"), ==, 2);
  g_assert_cmpint (member_int (f.out, "searches_uploaded"), ==, 1);
  g_assert_cmpuint (count_pending (&f), ==, 0);
  g_assert_cmpuint (count_pending_searches (&f), ==, 0);
  assert_remote_exactly (&f);
}

/* Retention: after an upload, uploaded outcomes older than
 * retention-months go from the journal (they stay on the remote). */
static void
test_retention (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *url = NULL, *path = NULL;
  sqlite3 *db = NULL;

  fixture_init (&f);
  url = file_url (&f);
  log_cases (&f, f.data, 3);
  record_searches (&f, f.data, "t", 2);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", url, NULL), ==, 0);
  path = g_build_filename (f.data, "cases.sqlite", NULL);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* Two of the outcomes and one search are three years old; so is a
   * search not uploaded yet, which goes to the remote first and only then
   * from the journal. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE cases SET ended_at = ended_at - 3 * 366 * 86400 WHERE seq <= 2;"
                                 "UPDATE empty_searches SET at = at - 3 * 366 * 86400 WHERE seq = 1", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  record_searches (&f, f.data, "t", 1);
  journal_exec (f.data, "UPDATE empty_searches SET at = at - 3 * 366 * 86400 WHERE seq = 3");
  log_cases (&f, f.data, 1);
  {
    g_autoptr(GHashTable) searches = NULL;
    g_autoptr(GHashTable) outcomes = NULL;
    g_autoptr(GPtrArray) left = NULL;

    /* The remote's copy of the search about to go from the journal. */
    outcomes = remote_records (&f, "ws-a", &searches);
    g_assert_cmpuint (g_hash_table_size (searches), ==, 2);
    g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", NULL), ==, 0);
    g_assert_cmpint (member_int (f.out, "removed"), ==, 4);
    g_assert_cmpint (member_int (f.out, "searches_uploaded"), ==, 1);
    left = journal_column (f.data, "SELECT seq FROM empty_searches ORDER BY seq");
    g_assert_cmpuint (left->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (left, 0), ==, "2");
    g_clear_pointer (&searches, g_hash_table_unref);
    g_hash_table_unref (remote_records (&f, "ws-a", &searches));
    g_assert_cmpuint (g_hash_table_size (searches), ==, 3);
    assert_each_once (searches, "search");
  }
  g_assert_cmpint (lots_in (&f, f.data, "case", "list", NULL), ==, 0);
  g_assert_cmpuint (count_pending (&f), ==, 0);
  g_assert_cmpuint (count_pending_searches (&f), ==, 0);
  assert_remote_exactly (&f);

  lots_test_write (f.data, "lots.conf", "[workstation]\nworkstation-id=ws-a\n[upload]\nremote=file:///x\nretention-months=0\n",
                   -1);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 2);
  g_assert_nonnull (strstr (f.err, "retention-months"));
}

static void
test_config_errors (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  log_cases (&f, f.data, 1);
  g_assert_cmpint (lots_in (&f, f.data, "upload", NULL), ==, 2);
  g_assert_nonnull (strstr (f.err, "--remote"));
  g_assert_cmpint (lots_in (&f, f.data, "report", "--remote", NULL), ==, 2);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", "https://analys:hemligt@git.example.se/utfall.git",
                            NULL), ==, 2);
  g_assert_nonnull (strstr (f.err, "password or token"));
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", "ftp://example.se/x", NULL), ==, 2);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "extra", NULL), ==, 2);
  g_assert_cmpuint (count_pending (&f), ==, 1);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--help", NULL), ==, 0);
}

/* Two workstations' branches: the remote report counts both, each outcome
 * once, and equals the sum of the two local reports. */
static void
test_report_remote (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(JsonParser) pa = json_parser_new (), pb = json_parser_new (), pr = json_parser_new ();
  g_autofree char *url = NULL, *data_b = NULL, *report_a = NULL, *report_b = NULL;
  JsonObject *a, *b, *r;

  fixture_init (&f);
  url = file_url (&f);
  data_b = new_data_dir (&f, "data-b", "ws-b");
  log_cases (&f, f.data, 7);
  log_cases (&f, data_b, 5);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", url, NULL), ==, 0);
  g_assert_cmpint (lots_in (&f, data_b, "upload", "--remote", url, NULL), ==, 0);
  g_assert_cmpint (lots_in (&f, f.data, "report", "--json", NULL), ==, 0);
  report_a = g_steal_pointer (&f.out);
  g_assert_cmpint (lots_in (&f, data_b, "report", "--json", NULL), ==, 0);
  report_b = g_steal_pointer (&f.out);
  g_assert_cmpint (lots_in (&f, f.data, "report", "--remote", "--json", NULL), ==, 0);
  a = parse_object (report_a, pa);
  b = parse_object (report_b, pb);
  r = parse_object (f.out, pr);
  g_assert_cmpint (json_object_get_int_member (r, "contacts"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (r, "contacts"), ==,
                   json_object_get_int_member (a, "contacts") + json_object_get_int_member (b, "contacts"));
  g_assert_cmpint (lots_in (&f, data_b, "report", "--remote", "--csv", NULL), ==, 0);
  g_assert_cmpint (lots_in (&f, data_b, "report", "--remote", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "12"));
}

/* The object of the remote report's content gaps with area and query. */
static gint64
gap_count (JsonObject *report,
           const char *area,
           const char *query)
{
  JsonArray *gaps = json_object_get_array_member (report, "empty_searches");

  for (guint i = 0; i < json_array_get_length (gaps); i++)
    {
      JsonObject *gap = json_array_get_object_element (gaps, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (gap, "area", NULL), area) == 0 &&
          g_strcmp0 (json_object_get_string_member (gap, "query"), query) == 0)
        return json_object_get_int_member (gap, "count");
    }
  return 0;
}

/* Content gaps over the remote, against figures worked out by hand. Two
 * workstations' journals hold these searches that found nothing (ids
 * 0b9a4cde-…-00N; "now" is the time of the test, a day is d):
 *
 *   ws  id  when     area      lang  query
 *   a   1   now-2d   aldre     sv    trygghetslarm batteri
 *   a   2   now-2d   aldre     sv    trygghetslarm batteri
 *   a   3   now-2d   —         sv    parkering natt
 *   a   4   now-60d  forskola  sv    nattis
 *   b   5   now-2d   aldre     sv    trygghetslarm batteri
 *   b   1   now-2d   aldre     sv    trygghetslarm batteri   (a copy of a's 1)
 *   b   6   now-2d   —         en    parkering natt
 *   b   —   now      skola     sv    zzxqvjk                 (search --record-empty)
 *
 * By hand, each id once: aldre "trygghetslarm batteri" 3, every area
 * "parkering natt" 2, forskola "nattis" 1, skola "zzxqvjk" 1 — in this
 * order (most first, then by area and query). Since now-30d: the same
 * without "nattis". */
static void
test_report_remote_gaps (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new (), since_parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -30);
  g_autofree char *url = NULL, *data_b = NULL, *rows_a = NULL, *rows_b = NULL;
  g_autofree char *since = g_date_time_format (month_ago, "%Y-%m-%d");
  gint64 t = g_date_time_to_unix (now) - 2 * 86400, old = g_date_time_to_unix (now) - 60 * 86400;
  const char *record[] = { "search", "--record-empty", "--area", "skola", "zzxqvjk", NULL };
  JsonObject *report, *first;
  JsonArray *gaps;

  fixture_init (&f);
  url = file_url (&f);
  data_b = new_data_dir (&f, "data-b", "ws-b");
  rows_a = g_strdup_printf ("INSERT INTO empty_searches (id, at, area, lang, query) VALUES"
                            " ('0b9a4cde-0000-4000-8000-000000000001', %" G_GINT64_FORMAT ", 'aldre', 'sv', 'trygghetslarm batteri'),"
                            " ('0b9a4cde-0000-4000-8000-000000000002', %" G_GINT64_FORMAT ", 'aldre', 'sv', 'trygghetslarm batteri'),"
                            " ('0b9a4cde-0000-4000-8000-000000000003', %" G_GINT64_FORMAT ", NULL, 'sv', 'parkering natt'),"
                            " ('0b9a4cde-0000-4000-8000-000000000004', %" G_GINT64_FORMAT ", 'forskola', 'sv', 'nattis')",
                            t, t, t, old);
  rows_b = g_strdup_printf ("INSERT INTO empty_searches (id, at, area, lang, query) VALUES"
                            " ('0b9a4cde-0000-4000-8000-000000000005', %" G_GINT64_FORMAT ", 'aldre', 'sv', 'trygghetslarm batteri'),"
                            " ('0b9a4cde-0000-4000-8000-000000000001', %" G_GINT64_FORMAT ", 'aldre', 'sv', 'trygghetslarm batteri'),"
                            " ('0b9a4cde-0000-4000-8000-000000000006', %" G_GINT64_FORMAT ", NULL, 'en', 'parkering natt')",
                            t, t, t);
  g_assert_cmpint (lots_in (&f, f.data, "case", "list", NULL), ==, 0);
  journal_exec (f.data, rows_a);
  g_assert_cmpint (lots_in_args (&f, data_b, "", record), ==, 0);
  journal_exec (data_b, rows_b);
  log_cases (&f, f.data, 2);
  g_assert_cmpint (lots_in (&f, f.data, "upload", "--json", "--remote", url, NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "searches_uploaded"), ==, 4);
  g_assert_cmpint (lots_in (&f, data_b, "upload", "--json", "--remote", url, NULL), ==, 0);
  g_assert_cmpint (member_int (f.out, "searches_uploaded"), ==, 4);

  g_assert_cmpint (lots_in (&f, data_b, "report", "--remote", "--json", NULL), ==, 0);
  report = parse_object (f.out, parser);
  g_assert_cmpint (json_object_get_int_member (report, "contacts"), ==, 2);
  gaps = json_object_get_array_member (report, "empty_searches");
  g_assert_cmpuint (json_array_get_length (gaps), ==, 4);
  first = json_array_get_object_element (gaps, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "area"), ==, "aldre");
  g_assert_cmpstr (json_object_get_string_member (first, "query"), ==, "trygghetslarm batteri");
  g_assert_cmpint (json_object_get_int_member (first, "count"), ==, 3);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (gaps, 1), "area"));
  g_assert_cmpint (gap_count (report, NULL, "parkering natt"), ==, 2);
  g_assert_cmpint (gap_count (report, "forskola", "nattis"), ==, 1);
  g_assert_cmpint (gap_count (report, "skola", "zzxqvjk"), ==, 1);

  g_assert_cmpint (lots_in (&f, f.data, "report", "--remote", "--csv", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (f.out,
    "\nsection,area,query,count\n"
    "empty-search,aldre,trygghetslarm batteri,3\n"
    "empty-search,,parkering natt,2\n"
    "empty-search,forskola,nattis,1\n"
    "empty-search,skola,zzxqvjk,1\n"));
  g_assert_cmpint (lots_in (&f, f.data, "report", "--remote", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (f.out,
    "\nContent gaps: searches that found nothing, per area and query\n"
    "  area                   query                                    searches\n"
    "  aldre                  trygghetslarm batteri                           3\n"
    "  (all areas)            parkering natt                                  2\n"
    "  forskola               nattis                                          1\n"
    "  skola                  zzxqvjk                                         1\n"));

  g_assert_cmpint (lots_in (&f, f.data, "report", "--remote", "--json", "--since", since, NULL), ==, 0);
  report = parse_object (f.out, since_parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "empty_searches")), ==, 3);
  g_assert_cmpint (gap_count (report, "aldre", "trygghetslarm batteri"), ==, 3);
  g_assert_cmpint (gap_count (report, "forskola", "nattis"), ==, 0);

  /* The local report of ws-a: its own searches, the copy not merged in. */
  g_assert_cmpint (lots_in (&f, f.data, "report", "--csv", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (f.out,
    "\nsection,area,query,count\n"
    "empty-search,aldre,trygghetslarm batteri,2\n"
    "empty-search,,parkering natt,1\n"
    "empty-search,forskola,nattis,1\n"));
}

/* Lines the remote may hold that are not this version's: a type it does
 * not know, a search with a query no journal writes, an old outcome line
 * without "type". report --remote counts what it knows and skips the
 * rest. */
static void
test_report_remote_foreign_lines (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *work = NULL, *url = NULL, *long_query = g_strnfill (201, 'q');
  g_autofree char *batch = NULL;
  JsonObject *report;

  fixture_init (&f);
  url = file_url (&f);
  work = g_build_filename (f.dir, "work", NULL);
  batch = g_strdup_printf (
    "{\"id\":\"0b9a4cde-0000-4000-8000-0000000000a1\",\"started_at\":1795600000,\"ended_at\":1795600300,"
    "\"week\":\"2026-W48\",\"channel\":\"telefon\",\"lang\":\"sv\",\"area\":\"aldre\",\"path\":[],"
    "\"resolved\":true,\"acute\":false,\"handler\":\"h-1\",\"workstation\":\"ws-old\"}\n"
    "{\"type\":\"empty_search\",\"id\":\"0b9a4cde-0000-4000-8000-0000000000a2\",\"at\":1795600000,"
    "\"area\":\"aldre\",\"lang\":\"sv\",\"query\":\"hörapparat batteri\",\"workstation\":\"ws-old\"}\n"
    "{\"type\":\"empty_search\",\"id\":\"0b9a4cde-0000-4000-8000-0000000000a2\",\"at\":1795600000,"
    "\"area\":\"aldre\",\"lang\":\"sv\",\"query\":\"hörapparat batteri\",\"workstation\":\"ws-old\"}\n"
    "{\"type\":\"empty_search\",\"id\":\"0b9a4cde-0000-4000-8000-0000000000a3\",\"at\":1795600000,"
    "\"area\":null,\"lang\":\"sv\",\"query\":\"%s\",\"workstation\":\"ws-old\"}\n"
    "{\"type\":\"empty_search\",\"id\":\"0b9a4cde-0000-4000-8000-0000000000a4\",\"at\":1795600000,"
    "\"area\":\"aldre\",\"lang\":\"sv\",\"query\":\"a\\u001fb\",\"workstation\":\"ws-old\"}\n"
    "{\"type\":\"empty_search\",\"at\":1795600000,\"query\":\"utan id\"}\n"
    "{\"type\":\"handover\",\"id\":\"0b9a4cde-0000-4000-8000-0000000000a5\",\"week\":\"2026-W48\","
    "\"channel\":\"telefon\",\"area\":\"aldre\"}\n",
    long_query);
  g_free (lots_test_git (f.dir, "init", "-q", "-b", "cases/ws-old", work, NULL));
  lots_test_write (work, "cases/ws-old/0b9a4cde-0000-4000-8000-0000000000ff.ndjson", batch, -1);
  g_free (lots_test_git (work, "add", ".", NULL));
  g_free (lots_test_git (work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "old", NULL));
  g_free (lots_test_git (work, "push", "-q", f.remote, "cases/ws-old", NULL));

  g_assert_cmpint (lots_in (&f, f.data, "upload", "--remote", url, NULL), ==, 0);
  g_assert_cmpint (lots_in (&f, f.data, "report", "--remote", "--json", NULL), ==, 0);
  report = parse_object (f.out, parser);
  g_assert_cmpint (json_object_get_int_member (report, "contacts"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "empty_searches")), ==, 1);
  g_assert_cmpint (gap_count (report, "aldre", "hörapparat batteri"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/upload/file-remote", test_file_remote);
  g_test_add_func ("/upload/many-batches", test_many_batches);
  g_test_add_func ("/upload/already-on-remote", test_already_on_remote);
  g_test_add_func ("/upload/retention", test_retention);
  g_test_add_func ("/upload/config-errors", test_config_errors);
  g_test_add_func ("/upload/git-daemon-vanishes", test_git_daemon_vanishes);
  g_test_add_func ("/upload/refused", test_refused);
  g_test_add_func ("/upload/report-remote", test_report_remote);
  g_test_add_func ("/upload/report-remote-gaps", test_report_remote_gaps);
  g_test_add_func ("/upload/report-remote-foreign-lines", test_report_remote_foreign_lines);
  g_test_add_func ("/upload/killed", test_killed);
  return g_test_run ();
}

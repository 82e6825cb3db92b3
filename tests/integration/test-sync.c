/* test-sync.c — sync against real git remotes on loopback (lots-sync.c,
 * lots-source-repository.c, `lotsctl source` and `lotsctl sync`).
 *
 * A publisher works in an ordinary repository with the plain `git` command
 * line and pushes to a bare repository, served over file:// or by a
 * `git daemon` this test starts on a free port. Lots syncs with the built
 * lotsctl. Every refusal of the validation gate has a crafted commit, and
 * after each one the previous version must still serve. A sync killed at
 * random moments must leave the index at the old or the new commit.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lots-test-util.h"

/* A word every test article has, so one search lists a source's articles. */
#define MARKER "kontrollordet"
#define KILL_ROUNDS 50

typedef struct {
  char *dir;
  char *work;      /* the publisher's clone */
  char *remote;    /* the bare repository */
  char *data;      /* Lots' data directory */
  char *url;
  char *out;
  char *err;
  int status;
  GSubprocess *daemon;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  if (f->daemon != NULL)
    {
      g_subprocess_force_exit (f->daemon);
      g_subprocess_wait (f->daemon, NULL, NULL);
      g_clear_object (&f->daemon);
    }
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_clear_pointer (&f->url, g_free);
  g_clear_pointer (&f->data, g_free);
  g_clear_pointer (&f->remote, g_free);
  g_clear_pointer (&f->work, g_free);
  g_clear_pointer (&f->dir, lots_test_sandbox_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)


static int
lots (Fixture    *f,
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
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  lots_test_run_lotsctl (f->data, (const char * const *) args->pdata, "", &f->out, &f->err, &f->status);
  if (f->out == NULL)
    f->out = g_strdup ("");
  if (f->err == NULL)
    f->err = g_strdup ("");
  g_test_message ("lotsctl %s → %d\n%s%s", first, f->status, f->out, f->err);
  return f->status;
}

static void
write_article (Fixture    *f,
               const char *path,
               const char *id,
               const char *title,
               const char *area)
{
  g_autofree char *text = g_strdup_printf ("---\nid: %s\ntitle: %s\narea: %s\n---\n"
                                           "Handläggaren svarar om %s. Det här är " MARKER ".\n", id, title, area, title);
  lots_test_write (f->work, path, text, -1);
}

static void
remove_file (Fixture    *f,
             const char *relative)
{
  g_autofree char *path = g_build_filename (f->work, relative, NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

static char *
commit_and_push (Fixture    *f,
                 const char *message)
{
  g_free (lots_test_git (f->work, "add", "-A", NULL));
  g_free (lots_test_git (f->work, "commit", "-q", "--allow-empty", "-m", message, NULL));
  g_free (lots_test_git (f->work, "push", "-q", "-f", "origin", "HEAD:main", NULL));
  return g_strstrip (lots_test_git (f->work, "rev-parse", "HEAD", NULL));
}

/* A publisher with a first version pushed, served over file://. */
static void
fixture_init (Fixture *f)
{
  f->dir = lots_test_sandbox_new ();
  f->work = g_build_filename (f->dir, "publicist", NULL);
  f->remote = g_build_filename (f->dir, "remote.git", NULL);
  f->data = g_build_filename (f->dir, "lots", NULL);
  f->url = g_strconcat ("file://", f->remote, NULL);
  g_free (lots_test_git (f->dir, "init", "-q", "--bare", "-b", "main", f->remote, NULL));
  g_free (lots_test_git (f->dir, "init", "-q", "-b", "main", f->work, NULL));
  g_free (lots_test_git (f->work, "remote", "add", "origin", f->remote, NULL));
  lots_test_write (f->work, "lots.yaml",
                   "id: norrmalm\ntitle: Norrmalms stadsdelsförvaltning\nowner: Norrmalm\nareas: [aldre, social]\nlang: sv\n",
                   -1);
  write_article (f, "artiklar/seniorcafe.md", "aldre/seniorcafe-norrmalm", "Seniorcaféer", "aldre");
  write_article (f, "artiklar/frivilliga.md", "aldre/frivilliga-norrmalm", "Frivilliga besöksvänner", "aldre");
  write_article (f, "artiklar/radgivning.md", "social/radgivning-norrmalm", "Rådgivning", "social");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The ids and the one revision the index serves for source norrmalm. */
static GPtrArray *
serving (Fixture  *f,
         char    **revision)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;

  *revision = NULL;
  g_assert_cmpint (lots (f, "search", "--json", "--limit", "100", MARKER, NULL), ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *hit;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      hit = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member (hit, "source"), "norrmalm") != 0)
        continue;
      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (hit, "id")));
      if (*revision == NULL)
        *revision = g_strdup (json_object_get_string_member (hit, "revision"));
      else
        g_assert_cmpstr (*revision, ==, json_object_get_string_member (hit, "revision"));
    }
  g_ptr_array_sort (ids, compare_strings);
  return ids;
}

static char *
joined (GPtrArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", (char *) ids->pdata[i]);
  return g_string_free (text, FALSE);
}

static void
assert_serving (Fixture    *f,
                const char *commit,
                const char *ids)
{
  g_autofree char *revision = NULL;
  g_autoptr(GPtrArray) got = serving (f, &revision);
  g_autofree char *text = joined (got);

  g_assert_cmpstr (text, ==, ids);
  g_assert_cmpstr (revision, ==, commit);
}

static void
add_source (Fixture    *f,
            const char *url,
            const char *areas)
{
  g_assert_cmpint (lots (f, "source", "add", "norrmalm", url, "--areas", areas, NULL), ==, 0);
}

/* ---- publish, edit, rename, delete ---------------------------------------- */

static void
run_publish_cycle (Fixture    *f,
                   const char *url)
{
  g_autofree char *first = NULL, *second = NULL;

  first = commit_and_push (f, "Första versionen");
  add_source (f, url, "aldre,social");
  g_assert_cmpint (lots (f, "sync", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "norrmalm: accepted"));
  assert_serving (f, first, "aldre/frivilliga-norrmalm aldre/seniorcafe-norrmalm social/radgivning-norrmalm");
  g_assert_cmpint (lots (f, "sync", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"status\":\"up-to-date\""));

  /* Edit one, rename one, delete one, add one. */
  write_article (f, "artiklar/seniorcafe.md", "aldre/seniorcafe-norrmalm", "Seniorcaféer och träffpunkter", "aldre");
  g_free (lots_test_git (f->work, "mv", "artiklar/frivilliga.md", "artiklar/besoksvanner.md", NULL));
  g_free (lots_test_git (f->work, "rm", "-q", "artiklar/radgivning.md", NULL));
  write_article (f, "artiklar/matlada.md", "aldre/matlada-norrmalm", "Matlådor", "aldre");
  second = commit_and_push (f, "Ändra, byt namn, ta bort");
  g_assert_cmpint (lots (f, "sync", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "4 file(s) changed"));
  assert_serving (f, second, "aldre/frivilliga-norrmalm aldre/matlada-norrmalm aldre/seniorcafe-norrmalm");
  g_assert_cmpint (lots (f, "show", "aldre/seniorcafe-norrmalm", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Seniorcaféer och träffpunkter"));
  g_assert_cmpint (lots (f, "show", "social/radgivning-norrmalm", NULL), ==, 1);

  /* Its history, from the bare repository: both commits that changed it. */
  g_assert_cmpint (lots (f, "show", "--history", "aldre/seniorcafe-norrmalm", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Publicist Exempelsson"));
  g_assert_nonnull (strstr (f->out, "Ändra, byt namn, ta bort"));
  g_assert_nonnull (strstr (f->out, "Första versionen"));
  g_assert_cmpint (lots (f, "show", "--history", "aldre/ansoka-hemtjanst", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "not a git source"));
}

static void
test_file_remote (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  run_publish_cycle (&f, f.url);

  /* A guide published with the source is listed and runs from its commit. */
  lots_test_write (f.work, "guider/cafe.lua",
                   "guide { id = \"aldre/seniorcafe\", title = \"Seniorcafé\", area = \"aldre\", start = \"a\" }\n"
                   "step \"a\" { say = \"Berätta om caféet.\", article = \"aldre/seniorcafe-norrmalm\",\n"
                   "  finish = { resolved = true } }\n", -1);
  lots_test_write (f.work, "guider/cafe_test.lua",
                   "scenario \"svar\" { guide = \"aldre/seniorcafe\", expect = { finished = true } }\n", -1);
  g_free (commit_and_push (&f, "En guide"));
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 0);
  g_assert_cmpint (lots (&f, "guide", "list", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "\"id\":\"aldre/seniorcafe\",\"title\":\"Seniorcafé\",\"area\":\"aldre\",\"source\":\"norrmalm\""));
  g_assert_cmpint (lots (&f, "guide", "run", "--json", "aldre/seniorcafe", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "Berätta om caféet."));
}

static void
test_git_daemon (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *url = NULL;
  guint16 port = 0;

  fixture_init (&f);
  f.daemon = lots_test_start_git_daemon (f.dir, &port, FALSE);
  url = g_strdup_printf ("git://127.0.0.1:%u/remote.git", port);
  run_publish_cycle (&f, url);

  /* The server goes away: offline, nothing changes, search still works. */
  g_subprocess_force_exit (f.daemon);
  g_subprocess_wait (f.daemon, NULL, NULL);
  g_clear_object (&f.daemon);
  write_article (&f, "artiklar/ny.md", "aldre/ny-norrmalm", "Ny", "aldre");
  g_free (commit_and_push (&f, "Medan servern är nere"));
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 3);
  g_assert_nonnull (strstr (f.out, "offline"));
  g_assert_cmpint (lots (&f, "show", "aldre/matlada-norrmalm", NULL), ==, 0);
  g_assert_cmpint (lots (&f, "guide", "run", "--answers", "4", "social/akut", NULL), ==, 0);
  g_assert_cmpint (lots (&f, "case", "log", "--area", "aldre", "--channel", "telefon", "--resolved", "yes", NULL), ==, 0);
  g_assert_cmpint (lots (&f, "case", "list", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "\"area\":\"aldre\""));
}

/* ---- refusals ---------------------------------------------------------------- */

typedef void (*Breakage) (Fixture *f);

static void
break_yaml (Fixture *f)
{
  lots_test_write (f->work, "artiklar/trasig.md", "---\nid: aldre/trasig\ntitle: [trasig\n---\nText.\n", -1);
}

static void
break_lua (Fixture *f)
{
  lots_test_write (f->work, "guider/trasig.lua", "guide {\n  id = \"aldre/trasig\",\n  title = = \"x\"\n}\n", -1);
}

static void
break_scenario (Fixture *f)
{
  lots_test_write (f->work, "guider/fraga.lua",
                   "guide { id = \"aldre/fraga\", title = \"F\", area = \"aldre\", start = \"a\" }\n"
                   "step \"a\" { say = \"a\", choices = { { \"Ja\", finish = { resolved = true } } } }\n", -1);
  lots_test_write (f->work, "guider/fraga_test.lua",
                   "scenario \"fel\" { guide = \"aldre/fraga\", answers = { \"Ja\" },\n"
                   "  expect = { outcome = { resolved = false } } }\n", -1);
}

static void
break_area (Fixture *f)
{
  /* social is in the manifest, but this source was granted aldre only. */
  write_article (f, "artiklar/utanfor.md", "social/utanfor-norrmalm", "Utanför", "social");
}

static void
break_duplicate (Fixture *f)
{
  write_article (f, "artiklar/dubblett.md", "aldre/trygghetslarm", "Trygghetslarm igen", "aldre");
}

static void
break_symlink (Fixture *f)
{
  g_autofree char *link = g_build_filename (f->work, "artiklar", "lank.md", NULL);
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
}

static void
break_oversized (Fixture *f)
{
  g_autofree char *big = g_strnfill (9 * 1024 * 1024, 'a');
  lots_test_write (f->work, "artiklar/stor.md", big, -1);
}

static void
break_encoding (Fixture *f)
{
  lots_test_write (f->work, "artiklar/latin1.md", "---\nid: aldre/latin1\ntitle: R\xe5" "dgivning\narea: aldre\n---\n"
                   "\xc5" "ldre.\n", -1);
}

/* A tree git itself would never write: an entry named NAME, made with
 * hash-object --literally, committed on top of HEAD. */
static void
craft_entry (Fixture    *f,
             const char *name,
             gboolean    as_tree)
{
  g_autofree char *blob = NULL, *head_tree = NULL, *inner = NULL, *outer = NULL, *commit = NULL, *head = NULL;
  g_autofree char *raw_path = g_build_filename (f->dir, "raw-tree", NULL);
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  g_autofree char *listing = NULL;
  g_autofree char *refspec = NULL;
  guint8 sha[20];

  blob = g_strstrip (lots_test_git (f->work, "hash-object", "-w", "/dev/null", NULL));
  for (guint i = 0; i < 20; i++)
    sha[i] = (guint8) g_ascii_strtoull ((char[]) { blob[2 * i], blob[2 * i + 1], 0 }, NULL, 16);
  /* The crafted tree: "100644 NAME\0SHA" (or a tree holding such a file). */
  g_byte_array_append (raw, (const guint8 *) (as_tree ? "40000 " : "100644 "), as_tree ? 6 : 7);
  g_byte_array_append (raw, (const guint8 *) name, (guint) strlen (name) + 1);
  if (as_tree)
    {
      g_autoptr(GByteArray) leaf = g_byte_array_new ();
      g_autofree char *leaf_path = g_build_filename (f->dir, "raw-leaf", NULL);
      g_autofree char *leaf_sha = NULL;

      g_byte_array_append (leaf, (const guint8 *) "100644 passwd.md", 17);
      g_byte_array_append (leaf, sha, 20);
      g_file_set_contents (leaf_path, (const char *) leaf->data, leaf->len, NULL);
      leaf_sha = g_strstrip (lots_test_git (f->work, "hash-object", "-t", "tree", "--literally", "-w", leaf_path, NULL));
      for (guint i = 0; i < 20; i++)
        sha[i] = (guint8) g_ascii_strtoull ((char[]) { leaf_sha[2 * i], leaf_sha[2 * i + 1], 0 }, NULL, 16);
    }
  g_byte_array_append (raw, sha, 20);
  g_file_set_contents (raw_path, (const char *) raw->data, raw->len, NULL);
  inner = g_strstrip (lots_test_git (f->work, "hash-object", "-t", "tree", "--literally", "-w", raw_path, NULL));
  /* HEAD's tree plus the crafted one under "extra/". */
  listing = g_strstrip (lots_test_git (f->work, "ls-tree", "HEAD", NULL));
  {
    g_autofree char *with = g_strdup_printf ("%s\n040000 tree %s\textra\n", listing, inner);
    g_autofree char *list_path = g_build_filename (f->dir, "listing", NULL);
    g_autofree char *command = NULL;
    g_autofree char *out = NULL;
    int status;

    g_file_set_contents (list_path, with, -1, NULL);
    command = g_strdup_printf ("git mktree --missing < '%s'", list_path);
    g_assert_true (g_spawn_sync (f->work, (char *[]) { "sh", "-c", command, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                 NULL, &out, NULL, &status, NULL));
    outer = g_strstrip (g_steal_pointer (&out));
  }
  head = g_strstrip (lots_test_git (f->work, "rev-parse", "HEAD", NULL));
  commit = g_strstrip (lots_test_git (f->work, "commit-tree", outer, "-p", head, "-m", "Konstruerat träd", NULL));
  refspec = g_strdup_printf ("%s:refs/heads/main", commit);
  g_free (lots_test_git (f->work, "push", "-q", "-f", "origin", refspec, NULL));
}

static void
test_refusals (void)
{
  static const struct {
    const char *name;
    Breakage breakage;
    const char *reason;
  } cases[] = {
    { "broken YAML", break_yaml, "artiklar/trasig.md:3:" },
    { "bad Lua", break_lua, "guider/trasig.lua:3:" },
    { "failing scenario", break_scenario, "guider/fraga_test.lua:1: scenario \"fel\": expected outcome resolved = false" },
    { "area outside the grant", break_area, "area \"social\" is not granted to source norrmalm" },
    { "duplicate id across sources", break_duplicate, "aldre/trygghetslarm" },
    { "symbolic link", break_symlink, "artiklar/lank.md: symbolic links are refused" },
    { "oversized file", break_oversized, "artiklar/stor.md: the file is" },
    { "non-UTF-8 text", break_encoding, "artiklar/latin1.md" },
  };
  g_auto(Fixture) f = { 0 };
  g_autofree char *first = NULL;
  const char *serving_ids = "aldre/frivilliga-norrmalm aldre/seniorcafe-norrmalm social/radgivning-norrmalm";

  fixture_init (&f);
  first = commit_and_push (&f, "Första versionen");
  add_source (&f, f.url, "aldre");
  /* social/radgivning is outside the grant too: start with what is allowed. */
  g_free (lots_test_git (f.work, "rm", "-q", "artiklar/radgivning.md", NULL));
  g_free (first);
  first = commit_and_push (&f, "Bara äldre");
  serving_ids = "aldre/frivilliga-norrmalm aldre/seniorcafe-norrmalm";
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 0);
  assert_serving (&f, first, serving_ids);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("refusal: %s", cases[i].name);
      cases[i].breakage (&f);
      g_free (commit_and_push (&f, cases[i].name));
      g_assert_cmpint (lots (&f, "sync", NULL), ==, 1);
      g_assert_nonnull (strstr (f.out, "quarantined"));
      if (strstr (f.out, cases[i].reason) == NULL)
        g_error ("%s: expected \"%s\" in:\n%s", cases[i].name, cases[i].reason, f.out);
      assert_serving (&f, first, serving_ids);
      /* The publisher undoes it. */
      g_free (lots_test_git (f.work, "reset", "-q", "--hard", first, NULL));
      g_free (lots_test_git (f.work, "clean", "-q", "-fdx", NULL));
    }

  /* Paths git would never write. */
  craft_entry (&f, "..", TRUE);
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 1);
  g_assert_nonnull (strstr (f.out, "a path with a \"..\" component is refused"));
  craft_entry (&f, ".git", TRUE);
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 1);
  g_assert_nonnull (strstr (f.out, "a path with a \".git\" component is refused"));
  assert_serving (&f, first, serving_ids);

  /* A force-push that rewrites the accepted history. */
  g_free (lots_test_git (f.work, "reset", "-q", "--hard", first, NULL));
  write_article (&f, "artiklar/ny.md", "aldre/ny-norrmalm", "Ny", "aldre");
  {
    g_autofree char *accepted = commit_and_push (&f, "Ny artikel");
    g_assert_cmpint (lots (&f, "sync", NULL), ==, 0);
    g_free (lots_test_git (f.work, "commit", "-q", "--amend", "-m", "Omskriven historia", NULL));
    g_free (lots_test_git (f.work, "push", "-q", "-f", "origin", "HEAD:main", NULL));
    g_assert_cmpint (lots (&f, "sync", NULL), ==, 1);
    g_assert_nonnull (strstr (f.out, "the branch was rewritten"));
    assert_serving (&f, accepted, "aldre/frivilliga-norrmalm aldre/ny-norrmalm aldre/seniorcafe-norrmalm");
  }
}

static void
test_config_errors (void)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f);
  g_assert_cmpint (lots (&f, "source", "add", "Norrmalm!", f.url, NULL), ==, 2);
  g_assert_cmpint (lots (&f, "source", "add", "norrmalm", "https://user:hemligt@git.exempel.se/x.git", NULL), ==, 2);
  g_assert_nonnull (strstr (f.err, "would be stored in clear"));
  g_assert_cmpint (lots (&f, "source", "add", "norrmalm", "ftp://x", NULL), ==, 2);
  g_assert_cmpint (lots (&f, "source", "add", "norrmalm", f.url, "--areas", "aldre,flyg", NULL), ==, 2);
  g_assert_nonnull (strstr (f.err, "unknown area \"flyg\""));
  g_assert_cmpint (lots (&f, "source", "add", "norrmalm", f.url, "--branch", "a..b", NULL), ==, 2);
  g_assert_cmpint (lots (&f, "source", "add", "norrmalm", f.url, NULL), ==, 0);
  g_assert_cmpint (lots (&f, "source", "add", "norrmalm", f.url, NULL), ==, 2);
  g_assert_cmpint (lots (&f, "sync", "finns-inte", NULL), ==, 2);
  g_assert_cmpint (lots (&f, "source", "list", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "\"name\":\"norrmalm\""));
  g_assert_cmpint (lots (&f, "source", "remove", "norrmalm", NULL), ==, 0);
  g_assert_cmpint (lots (&f, "source", "list", NULL), ==, 0);
  g_assert_cmpstr (f.out, ==, "");
}

/* ---- a commit checked and indexed as a change -------------------------------- */

/* Pushes the work tree, syncs, and expects a refusal naming REASON while
 * FIRST still serves IDS; then the publisher undoes it. */
static void
assert_refused (Fixture    *f,
                const char *what,
                const char *reason,
                const char *first,
                const char *ids)
{
  g_free (commit_and_push (f, what));
  g_assert_cmpint (lots (f, "sync", NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "quarantined"));
  if (strstr (f->out, reason) == NULL)
    g_error ("%s: expected \"%s\" in:\n%s", what, reason, f->out);
  assert_serving (f, first, ids);
  g_free (lots_test_git (f->work, "reset", "-q", "--hard", first, NULL));
  g_free (lots_test_git (f->work, "clean", "-q", "-fdx", NULL));
}

/* After the first sync, a commit is checked against what the index holds
 * for the files it did not change: these are the checks that need the
 * rest of the source. */
static void
test_incremental (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *first = NULL, *linked = NULL, *renamed = NULL, *guide_changed = NULL;
  const char *ids = "aldre/frivilliga-norrmalm aldre/seniorcafe-norrmalm social/radgivning-norrmalm";

  fixture_init (&f);
  lots_test_write (f.work, "guider/besok.lua",
                   "guide { id = \"aldre/besok\", title = \"Besök\", area = \"aldre\", start = \"a\" }\n"
                   "step \"a\" { say = \"Om besöksvänner.\", article = \"aldre/frivilliga-norrmalm\",\n"
                   "  finish = { resolved = true } }\n", -1);
  first = commit_and_push (&f, "Första versionen");
  add_source (&f, f.url, "aldre,social");
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 0);
  assert_serving (&f, first, ids);

  /* An edit that gives an article the id of an unchanged one. */
  write_article (&f, "artiklar/seniorcafe.md", "aldre/frivilliga-norrmalm", "Seniorcaféer", "aldre");
  assert_refused (&f, "Dubblett i samma källa",
                  "artiklar/seniorcafe.md:2: duplicate id 'aldre/frivilliga-norrmalm' (lang sv): artiklar/frivilliga.md",
                  first, ids);
  /* A new file with the id of an unchanged one. */
  write_article (&f, "artiklar/kopia.md", "social/radgivning-norrmalm", "Kopia", "social");
  assert_refused (&f, "Ny dubblett", "duplicate id 'social/radgivning-norrmalm'", first, ids);
  /* An article an unchanged guide names, deleted; then given another id. */
  remove_file (&f, "artiklar/frivilliga.md");
  assert_refused (&f, "Borttagen artikel", "article \"aldre/frivilliga-norrmalm\" does not exist", first, ids);
  write_article (&f, "artiklar/frivilliga.md", "aldre/besoksvanner-norrmalm", "Besöksvänner", "aldre");
  assert_refused (&f, "Nytt id", "article \"aldre/frivilliga-norrmalm\" does not exist", first, ids);

  /* A new article that links to an unchanged one (and to one in a file
   * that moves in the same commit) is accepted. */
  lots_test_write (f.work, "artiklar/lank.md",
                   "---\nid: aldre/lank-norrmalm\ntitle: Länkar\narea: aldre\n---\n"
                   "Se [rådgivning](lots:social/radgivning-norrmalm) och [caféer](lots:aldre/seniorcafe-norrmalm). "
                   MARKER ".\n", -1);
  linked = commit_and_push (&f, "Länk till en oförändrad artikel");
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "norrmalm: accepted"));
  assert_serving (&f, linked, "aldre/frivilliga-norrmalm aldre/lank-norrmalm aldre/seniorcafe-norrmalm "
                              "social/radgivning-norrmalm");

  /* A rename: the old path is gone, the new one serves, at the new commit. */
  {
    g_autofree char *folder = g_build_filename (f.work, "artiklar", "socialt", NULL);
    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  }
  g_free (lots_test_git (f.work, "mv", "artiklar/radgivning.md", "artiklar/socialt/radgivning.md", NULL));
  renamed = commit_and_push (&f, "Flytta rådgivningen");
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "1 file(s) changed"));
  assert_serving (&f, renamed, "aldre/frivilliga-norrmalm aldre/lank-norrmalm aldre/seniorcafe-norrmalm "
                               "social/radgivning-norrmalm");
  g_assert_cmpint (lots (&f, "show", "--json", "social/radgivning-norrmalm", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "\"path\":\"artiklar/socialt/radgivning.md\""));
  g_assert_nonnull (strstr (f.out, renamed));

  /* A guide edited to name an unchanged article is checked against the
   * index, and its scenario runs. */
  lots_test_write (f.work, "guider/besok.lua",
                   "guide { id = \"aldre/besok\", title = \"Besök\", area = \"aldre\", start = \"a\" }\n"
                   "step \"a\" { say = \"Om rådgivning.\", article = \"social/radgivning-norrmalm\",\n"
                   "  finish = { resolved = true } }\n", -1);
  lots_test_write (f.work, "guider/besok_test.lua",
                   "scenario \"svar\" { guide = \"aldre/besok\", expect = { finished = true } }\n", -1);
  guide_changed = commit_and_push (&f, "Guiden pekar på rådgivningen");
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 0);
  g_assert_cmpint (lots (&f, "guide", "run", "--json", "aldre/besok", NULL), ==, 0);
  g_assert_nonnull (strstr (f.out, "Om rådgivning."));
  /* The article it names moves away and back again: only its deletion is refused. */
  remove_file (&f, "artiklar/socialt/radgivning.md");
  assert_refused (&f, "Guiden tappar sin artikel", "article \"social/radgivning-norrmalm\" does not exist",
                  guide_changed, "aldre/frivilliga-norrmalm aldre/lank-norrmalm aldre/seniorcafe-norrmalm "
                                 "social/radgivning-norrmalm");
}

/* ---- killed at random moments ------------------------------------------------ */

static void
test_killed (void)
{
  g_auto(Fixture) f = { 0 };
  char *commits[2] = { NULL, NULL };
  const char *sets[2] = {
    "aldre/frivilliga-norrmalm aldre/seniorcafe-norrmalm",
    "aldre/matlada-norrmalm aldre/seniorcafe-norrmalm",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char *lotsctl = g_getenv ("LOTSCTL");
  guint killed = 0;

  fixture_init (&f);
  remove_file (&f, "artiklar/radgivning.md");
  commits[0] = commit_and_push (&f, "A");
  remove_file (&f, "artiklar/frivilliga.md");
  write_article (&f, "artiklar/matlada.md", "aldre/matlada-norrmalm", "Matlådor", "aldre");
  commits[1] = commit_and_push (&f, "B");
  g_assert_cmpint (lots (&f, "source", "add", "norrmalm", f.url, "--areas", "aldre", "--allow-rewrite", NULL), ==, 0);
  /* The built-in index is built once, outside the killed runs. */
  g_assert_cmpint (lots (&f, "search", "hemtjänst", NULL), ==, 0);

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      /* Alternate between A and B (as fast-forwards would not allow, so
       * rewrites are allowed here) and kill the sync somewhere. */
      const char *target = commits[(round + 1) % 2];
      g_autoptr(GSubprocess) sync = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *revision = NULL;
      g_autoptr(GPtrArray) ids = NULL;
      g_autofree char *got = NULL;
      g_autofree char *refspec = g_strdup_printf ("%s:refs/heads/main", target);

      g_free (lots_test_git (f.work, "push", "-q", "-f", "origin", refspec, NULL));
      sync = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, lotsctl,
                               "--data-dir", f.data, "sync", NULL);
      g_assert_no_error (error);
      g_usleep ((gulong) g_rand_int_range (rand, 0, 250) * 1000);
      g_subprocess_send_signal (sync, SIGKILL);   /* nothing if it is done */
      g_subprocess_wait (sync, NULL, NULL);
      killed += g_subprocess_get_if_signaled (sync);

      ids = serving (&f, &revision);
      got = joined (ids);
      if (ids->len == 0)
        g_assert_null (revision);   /* killed before the first sync committed */
      else if (g_strcmp0 (revision, commits[0]) == 0)
        g_assert_cmpstr (got, ==, sets[0]);
      else
        {
          g_assert_cmpstr (revision, ==, commits[1]);
          g_assert_cmpstr (got, ==, sets[1]);
        }
    }
  g_test_message ("%u of %d syncs killed before they finished", killed, KILL_ROUNDS);
  /* What a sync killed while writing a ref leaves behind must not stop the
   * next one. */
  lots_test_write (f.data, "git/norrmalm/refs/remotes/origin/main.lock", "", -1);
  lots_test_write (f.data, "git/norrmalm/refs/lots/accepted.lock", "", -1);
  lots_test_write (f.data, "git/norrmalm/packed-refs.lock", "", -1);
  /* After it all, a sync finishes at the branch's commit. */
  g_assert_cmpint (lots (&f, "sync", NULL), ==, 0);
  assert_serving (&f, commits[KILL_ROUNDS % 2], sets[KILL_ROUNDS % 2]);
  g_free (commits[0]);
  g_free (commits[1]);
}

static void
test_two_syncs (void)
{
  g_auto(Fixture) f = { 0 };
  g_autofree char *first = NULL;
  const char *lotsctl = g_getenv ("LOTSCTL");
  GSubprocess *syncs[2];

  fixture_init (&f);
  first = commit_and_push (&f, "Första");
  add_source (&f, f.url, "aldre,social");
  g_assert_cmpint (lots (&f, "search", "hemtjänst", NULL), ==, 0);
  for (int i = 0; i < 2; i++)
    syncs[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL, lotsctl,
                                 "--data-dir", f.data, "sync", NULL);
  for (int i = 0; i < 2; i++)
    {
      g_assert_true (g_subprocess_wait (syncs[i], NULL, NULL));
      g_assert_cmpint (g_subprocess_get_exit_status (syncs[i]), ==, 0);
      g_object_unref (syncs[i]);
    }
  assert_serving (&f, first, "aldre/frivilliga-norrmalm aldre/seniorcafe-norrmalm social/radgivning-norrmalm");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/file-remote", test_file_remote);
  g_test_add_func ("/sync/git-daemon", test_git_daemon);
  g_test_add_func ("/sync/refusals", test_refusals);
  g_test_add_func ("/sync/incremental", test_incremental);
  g_test_add_func ("/sync/config-errors", test_config_errors);
  g_test_add_func ("/sync/two-syncs", test_two_syncs);
  g_test_add_func ("/sync/killed", test_killed);
  return g_test_run ();
}

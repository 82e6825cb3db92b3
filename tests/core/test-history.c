/* test-history.c — the history of one file of a git repository
 * (lots-history.c).
 *
 * Each test builds a real repository in its own sandbox with the git
 * command, as a publisher would: four commits with fixed authors and dates,
 * three of them touching scripts/aldre/guide.lua (added, changed, changed
 * again) and one touching only an article. Checked: the list holds exactly
 * the three commits that changed the file, newest first, with author, date
 * and summary as git recorded them; the diff of each is the unified diff of
 * that file only, against the first parent (a root commit: everything
 * added); a commit that did not touch the file has an empty diff; a bare
 * clone with refs/lots/accepted (a synced source) lists history up to the
 * accepted commit; the working tree around a file is found, and a folder
 * outside any repository is reported as such.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "lots-error.h"
#include "lots-history.h"
#include "lots-test-util.h"

#define GUIDE_PATH "scripts/aldre/guide.lua"

typedef struct {
  char *sandbox;
  char *work;          /* the working tree */
  char *commits[4];    /* oldest first */
} Fixture;

/* Runs git in DIR with a fixed author and date; aborts the test when it
 * fails. Returns stdout, stripped. */
static char *
git_at (const char *dir,
        const char *author,
        const char *date,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *name = g_strdup_printf ("user.name=%s", author);
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  env = g_environ_setenv (env, "GIT_AUTHOR_DATE", date, TRUE);
  env = g_environ_setenv (env, "GIT_COMMITTER_DATE", date, TRUE);
  env = g_environ_setenv (env, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  env = g_environ_setenv (env, "HOME", dir, TRUE);
  g_ptr_array_add (argv, (char *) "git");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, name);
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.email=publicist@exempel.se");
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git %s failed in %s: %s", first, dir, err);
  return g_strstrip (g_steal_pointer (&out));
}

static char *
commit_all (Fixture    *f,
            const char *author,
            const char *date,
            const char *message)
{
  g_free (git_at (f->work, author, date, "add", "-A", NULL));
  g_free (git_at (f->work, author, date, "commit", "-q", "-m", message, NULL));
  return git_at (f->work, author, date, "rev-parse", "HEAD", NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->sandbox = lots_test_sandbox_new ();
  f->work = g_build_filename (f->sandbox, "kalla", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->work, 0700), ==, 0);
  g_free (git_at (f->work, "Anna", "2026-01-05T09:00:00Z", "init", "-q", NULL));

  lots_test_write (f->work, GUIDE_PATH, "guide { id = \"aldre/guide\" }\n"
                                        "step \"start\" { say = \"Hej\" }\n", -1);
  lots_test_write (f->work, "aldre/artikel.md", "första\n", -1);
  f->commits[0] = commit_all (f, "Anna Andersson", "2026-01-05T09:00:00Z", "Ny guide för äldre");

  lots_test_write (f->work, GUIDE_PATH, "guide { id = \"aldre/guide\" }\n"
                                        "step \"start\" { say = \"Hej och välkommen\" }\n", -1);
  f->commits[1] = commit_all (f, "Bo Berg", "2026-02-10T10:30:00Z", "Vänligare hälsning\n\nKunder bad om det.");

  lots_test_write (f->work, "aldre/artikel.md", "andra\n", -1);
  f->commits[2] = commit_all (f, "Cecilia Ek", "2026-03-01T08:00:00Z", "Artikeln uppdaterad");

  lots_test_write (f->work, GUIDE_PATH, "guide { id = \"aldre/guide\" }\n"
                                        "step \"start\" { say = \"Hej och välkommen\" }\n"
                                        "step \"slut\" { say = \"Tack\" }\n", -1);
  f->commits[3] = commit_all (f, "Anna Andersson", "2026-04-20T14:15:00Z", "Nytt slutsteg");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->commits); i++)
    g_free (f->commits[i]);
  g_free (f->work);
  lots_test_sandbox_free (f->sandbox);
}

static void
assert_entry (GPtrArray  *entries,
              guint       i,
              const char *commit,
              const char *author,
              const char *date,
              const char *summary)
{
  const LotsHistoryEntry *entry = g_ptr_array_index (entries, i);
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (entry->date, NULL);
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (date, NULL);

  g_assert_cmpstr (entry->commit, ==, commit);
  g_assert_cmpstr (entry->author, ==, author);
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_to_unix (when), ==, g_date_time_to_unix (expected));
  g_assert_cmpstr (entry->summary, ==, summary);
}

static void
test_list_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = lots_history_list_file (f->work, NULL, GUIDE_PATH, 100, &error);
  g_autoptr(GPtrArray) article = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) older = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  assert_entry (entries, 0, f->commits[3], "Anna Andersson", "2026-04-20T14:15:00Z", "Nytt slutsteg");
  assert_entry (entries, 1, f->commits[1], "Bo Berg", "2026-02-10T10:30:00Z", "Vänligare hälsning");
  assert_entry (entries, 2, f->commits[0], "Anna Andersson", "2026-01-05T09:00:00Z", "Ny guide för äldre");

  article = lots_history_list_file (f->work, NULL, "aldre/artikel.md", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (article->len, ==, 2);
  assert_entry (article, 0, f->commits[2], "Cecilia Ek", "2026-03-01T08:00:00Z", "Artikeln uppdaterad");

  two = lots_history_list_file (f->work, "HEAD", GUIDE_PATH, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
  assert_entry (two, 1, f->commits[1], "Bo Berg", "2026-02-10T10:30:00Z", "Vänligare hälsning");

  /* From an older commit (abbreviated id): only what came before it. */
  {
    g_autofree char *abbreviated = g_strndup (f->commits[2], 10);
    older = lots_history_list_file (f->work, abbreviated, GUIDE_PATH, 100, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (older->len, ==, 2);
  assert_entry (older, 0, f->commits[1], "Bo Berg", "2026-02-10T10:30:00Z", "Vänligare hälsning");

  missing = lots_history_list_file (f->work, NULL, "scripts/finns-inte.lua", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 0);
}

static void
test_diff (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last = lots_history_dup_diff (f->work, f->commits[3], GUIDE_PATH, &error);
  g_autofree char *second = NULL;
  g_autofree char *first = NULL;
  g_autofree char *untouched = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (last, "diff --git a/" GUIDE_PATH " b/" GUIDE_PATH "\n"));
  g_assert_nonnull (strstr (last, "\n+step \"slut\" { say = \"Tack\" }\n"));
  g_assert_null (strstr (last, "\n-step"));
  g_assert_null (strstr (last, "\n-guide"));
  g_assert_null (strstr (last, "artikel.md"));

  second = lots_history_dup_diff (f->work, f->commits[1], GUIDE_PATH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (second, "\n-step \"start\" { say = \"Hej\" }\n"));
  g_assert_nonnull (strstr (second, "\n+step \"start\" { say = \"Hej och välkommen\" }\n"));
  g_assert_nonnull (strstr (second, "\n guide { id = \"aldre/guide\" }\n"));

  /* The root commit: the whole file added. */
  first = lots_history_dup_diff (f->work, f->commits[0], GUIDE_PATH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first, "new file mode"));
  g_assert_nonnull (strstr (first, "\n+guide { id = \"aldre/guide\" }\n"));
  g_assert_null (strstr (first, "artikel"));

  /* A commit that changed only the article changed nothing here. */
  untouched = lots_history_dup_diff (f->work, f->commits[2], GUIDE_PATH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (untouched, ==, "");
}

/* A synced source: a bare repository whose accepted ref trails the fetched
 * branch; history is what handlers are served. */
static void
test_bare_accepted (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *bare = g_build_filename (f->sandbox, "kalla.git", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *diff = NULL;

  g_free (git_at (f->sandbox, "Anna", "2026-05-01T00:00:00Z", "clone", "-q", "--bare", f->work, bare, NULL));
  g_free (git_at (bare, "Anna", "2026-05-01T00:00:00Z", "update-ref", "refs/lots/accepted", f->commits[2], NULL));

  entries = lots_history_list_file (bare, NULL, GUIDE_PATH, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries, 0, f->commits[1], "Bo Berg", "2026-02-10T10:30:00Z", "Vänligare hälsning");

  diff = lots_history_dup_diff (bare, f->commits[3], GUIDE_PATH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (diff, "+step \"slut\""));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (f->sandbox, "tom", NULL);
  g_autofree char *plain = g_build_filename (f->sandbox, "mapp", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  GPtrArray *entries;
  char *diff;

  entries = lots_history_list_file (plain, NULL, GUIDE_PATH, 100, &error);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND);
  g_assert_null (entries);
  g_clear_error (&error);

  diff = lots_history_dup_diff (f->work, "0123456789abcdef0123456789abcdef01234567", GUIDE_PATH, &error);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND);
  g_assert_null (diff);
  g_clear_error (&error);

  entries = lots_history_list_file (f->work, "refs/heads/finns-inte", GUIDE_PATH, 100, &error);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND);
  g_assert_null (entries);
  g_clear_error (&error);

  /* A repository without a commit has an empty history. */
  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  g_free (git_at (empty, "Anna", "2026-01-01T00:00:00Z", "init", "-q", NULL));
  none = lots_history_list_file (empty, NULL, GUIDE_PATH, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_find_repository (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->work, GUIDE_PATH, NULL);
  g_autofree char *outside = g_build_filename (f->sandbox, "mapp", "guide.lua", NULL);
  g_autofree char *repository = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *real_work = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lots_history_find_repository (file, &repository, &relative, &error));
  g_assert_no_error (error);
  real_work = realpath (f->work, NULL);
  g_assert_cmpstr (repository, ==, real_work);
  g_assert_cmpstr (relative, ==, GUIDE_PATH);

  lots_test_write (f->sandbox, "mapp/guide.lua", "guide {}\n", -1);
  g_assert_false (lots_history_find_repository (outside, NULL, NULL, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/history/list-file", test_list_file);
  ADD ("/history/diff", test_diff);
  ADD ("/history/bare-accepted", test_bare_accepted);
  ADD ("/history/errors", test_errors);
  ADD ("/history/find-repository", test_find_repository);
#undef ADD

  return g_test_run ();
}

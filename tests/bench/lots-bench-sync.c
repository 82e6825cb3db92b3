/* lots-bench-sync.c — the sync benchmark.
 *
 * Why it exists: a district pushes a one-line fix to a base of tens of
 * thousands of articles and handlers should have it within a second; the
 * cost of a sync must grow with the change, not with the repository. This
 * generates a source repository of N articles (default 50,000), syncs it
 * once, then pushes commits that change 1, 10, 100 and 1,000 files and
 * times, side by side on the same repositories:
 *
 *   (a) `lotsctl sync` (fetch, validate, re-index), the whole process;
 *   (b) `git fetch` + `git diff --stat` by the git command line in a clone.
 *
 * Timing assertions are never made; --smoke only proves it still runs.
 */
#define G_LOG_DOMAIN "lots-bench-sync"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const words[] = {
  "hemtjänst", "ansökan", "biståndshandläggare", "stadsdelsförvaltning", "avgift", "trygghetslarm", "färdtjänst",
  "förskola", "skolval", "beslut", "överklagande", "handläggningstid", "kontaktcenter", "invånare", "anhörig",
  "boende", "insats", "vårdnadshavare", "blankett", "e-tjänst", "telefontid", "besök", "mottagning", "rådgivning",
  "information", "ersättning", "kostnad", "faktura", "ledsagning", "matlåda", "dagverksamhet", "korttidsboende",
  "parkeringstillstånd", "bygglov", "boendeparkering", "synpunkt", "klagomål", "god man", "förvaltare",
  "årsräkning", "och", "att", "det", "som", "en", "på", "är", "för", "med", "till", "av", "om", "kan", "du",
};

static double
run_timed (const char          *cwd,
           const char * const  *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     &err, &status, &error) || !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("%s failed: %s\n", argv[0], error ? error->message : err);
      exit (1);
    }
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* git with the bench's identity; ARGS end with NULL. */
static void
git (const char *cwd,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *) "git");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.name=Bench");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.email=bench@exempel.se");
  va_start (args, cwd);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  run_timed (cwd, (const char * const *) argv->pdata);
}

static void
write_article (const char *work,
               guint       n,
               guint       version,
               GRand      *rand)
{
  g_autofree char *dir = g_strdup_printf ("%s/artiklar/%03u", work, n / 1000);
  g_autofree char *path = g_strdup_printf ("%s/a%05u.md", dir, n);
  g_autoptr(GString) text = g_string_new (NULL);

  g_mkdir_with_parents (dir, 0755);
  g_string_append_printf (text, "---\nid: aldre/artikel-%05u\ntitle: Artikel %u om %s\narea: aldre\n---\n", n, n,
                          words[n % 40]);
  for (int w = 0; w < 120; w++)
    g_string_append_printf (text, "%s%s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                            w % 12 == 11 ? ".\n" : " ");
  g_string_append_printf (text, "\nVersion %u.\n", version);
  g_file_set_contents (path, text->str, (gssize) text->len, NULL);
}

int
main (int    argc,
      char **argv)
{
  gint articles = 50000;
  gboolean smoke = FALSE;
  g_autofree char *lotsctl = NULL;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &articles, "articles in the source (default 50000)", "N" },
    { "lotsctl", 0, 0, G_OPTION_ARG_FILENAME, &lotsctl, "the lotsctl to measure", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "work in DIR and keep it", "DIR" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &smoke, "500 articles, changes of 1 and 10 files", NULL },
    { NULL }
  };
  static const guint full_changes[] = { 1, 10, 100, 1000 };
  static const guint smoke_changes[] = { 1, 10 };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the sync benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autofree char *dir = NULL, *work = NULL, *remote = NULL, *mirror = NULL, *data = NULL, *url = NULL;
  const guint *changes;
  guint n_changes;
  double first;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || lotsctl == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--lotsctl PATH is required");
      return 2;
    }
  if (smoke)
    articles = 500;
  /* The commands run in the work folders: an absolute path. */
  {
    char *absolute = g_canonicalize_filename (lotsctl, NULL);
    g_free (lotsctl);
    lotsctl = absolute;
  }
  changes = smoke ? smoke_changes : full_changes;
  n_changes = smoke ? G_N_ELEMENTS (smoke_changes) : G_N_ELEMENTS (full_changes);
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("lots-bench-sync-XXXXXX", &error);
  work = g_build_filename (dir, "publicist", NULL);
  remote = g_build_filename (dir, "remote.git", NULL);
  mirror = g_build_filename (dir, "mirror", NULL);
  data = g_build_filename (dir, "lots-data", NULL);
  url = g_strconcat ("file://", remote, NULL);

  g_printerr ("generating %d articles…\n", articles);
  git (dir, "init", "-q", "-b", "main", work, NULL);
  {
    g_autofree char *manifest = g_build_filename (work, "lots.yaml", NULL);
    g_file_set_contents (manifest, "id: bench\ntitle: Benchmark\nowner: Bench\nareas: [aldre]\nlang: sv\n", -1, NULL);
  }
  for (gint n = 0; n < articles; n++)
    write_article (work, (guint) n, 0, rand);
  git (work, "add", "-A", NULL);
  git (work, "commit", "-q", "-m", "Alla artiklar", NULL);
  git (dir, "clone", "-q", "--bare", work, remote, NULL);
  git (work, "remote", "add", "origin", remote, NULL);
  git (dir, "clone", "-q", remote, mirror, NULL);
  {
    const char *add[] = { lotsctl, "--data-dir", data, "source", "add", "bench", url, NULL };
    const char *warm[] = { lotsctl, "--data-dir", data, "search", "hemtjänst", NULL };
    const char *sync[] = { lotsctl, "--data-dir", data, "sync", NULL };
    run_timed (dir, add);
    run_timed (dir, warm);   /* the built-in index, outside the figures */
    g_printerr ("first sync…\n");
    first = run_timed (dir, sync);
  }

  printf ("# Sync benchmark\n\n%d articles in the source%s; the first sync (everything) took %.1f s.\n\n", articles,
          smoke ? " — smoke run, figures mean nothing" : "", first / 1000);
  printf ("| files changed | lotsctl sync | git fetch + diff --stat | ratio |\n|---|---|---|---|\n");
  for (guint c = 0; c < n_changes; c++)
    {
      const char *sync[] = { lotsctl, "--data-dir", data, "sync", NULL };
      const char *fetch[] = { "git", "fetch", "-q", "origin", NULL };
      const char *diff[] = { "git", "diff", "--stat", "HEAD", "origin/main", NULL };
      const char *update[] = { "git", "reset", "-q", "--hard", "origin/main", NULL };
      g_autofree char *message = g_strdup_printf ("%u ändrade", changes[c]);
      double lots_ms, git_ms;

      for (guint i = 0; i < changes[c]; i++)
        write_article (work, (guint) g_rand_int_range (rand, 0, articles), c + 1, rand);
      git (work, "commit", "-q", "-a", "-m", message, NULL);
      git (work, "push", "-q", "origin", "HEAD:main", NULL);
      lots_ms = run_timed (dir, sync);
      git_ms = run_timed (mirror, fetch) + run_timed (mirror, diff);
      run_timed (mirror, update);
      printf ("| %u | %.0f ms | %.0f ms | %.1f× |\n", changes[c], lots_ms, git_ms, lots_ms / MAX (git_ms, 1));
    }
  printf ("\nTarget (read, never asserted): a 1-file change synced in under 1 s at 50,000 articles.\n");
  if (keep == NULL)
    {
      const char *rm[] = { "rm", "-rf", dir, NULL };
      run_timed ("/", rm);
    }
  return 0;
}

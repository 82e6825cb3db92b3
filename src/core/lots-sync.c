/* lots-sync.c — the sync of one git source (see the header). */
#define G_LOG_DOMAIN "lots-sync"

#include "config.h"

#include "lots-sync.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "lots-article.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-guide-library.h"
#include "lots-guide-scenario.h"
#include "lots-source-repository.h"
#include "lots-source-repository-private.h"

#define LOCK_FILE "sync.lock"
#define QUARANTINE_PREFIX "refs/lots/quarantine/"

const char *
lots_sync_status_name (LotsSyncStatus status)
{
  switch (status)
    {
    case LOTS_SYNC_UP_TO_DATE:
      return "up-to-date";
    case LOTS_SYNC_ACCEPTED:
      return "accepted";
    case LOTS_SYNC_QUARANTINED:
      return "quarantined";
    case LOTS_SYNC_OFFLINE:
      return "offline";
    case LOTS_SYNC_FAILED:
    default:
      return "failed";
    }
}

void
lots_sync_result_free (LotsSyncResult *result)
{
  if (result == NULL)
    return;
  g_free (result->name);
  g_free (result->old_commit);
  g_free (result->new_commit);
  g_ptr_array_unref (result->reasons);
  g_free (result->message);
  g_free (result);
}

/* ---- the lock ---------------------------------------------------------- */

/* Waits up to TIMEOUT_S for the data directory's sync lock; returns the
 * descriptor to give to lots_sync_unlock, or -1 with LOTS_ERROR_BUSY. The
 * lock is released by the kernel if the process dies. */
int
lots_sync_lock (const char  *data_dir,
                guint        timeout_s,
                GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, LOCK_FILE, NULL);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  int fd;

  if (g_mkdir_with_parents (data_dir, 0700) != 0 || (fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_IO, "%s: %s", path, g_strerror (errno));
      return -1;
    }
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno != EWOULDBLOCK || g_get_monotonic_time () > deadline)
        {
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_BUSY,
                       "another sync is running (the app or lotsctl holds %s); try again when it is done", path);
          close (fd);
          return -1;
        }
      g_usleep (100 * 1000);
    }
  return fd;
}

void
lots_sync_unlock (int lock)
{
  if (lock >= 0)
    {
      flock (lock, LOCK_UN);
      close (lock);
    }
}

/* ---- the gate ------------------------------------------------------------ */

typedef struct {
  const LotsSourceConfig *config;
  LotsSyncResult *result;
  LotsSyncProgress progress;
  gpointer user_data;
} Sync;

static void
report_progress (Sync       *sync,
                 const char *stage,
                 guint       done,
                 guint       total,
                 gsize       bytes)
{
  if (sync->progress != NULL)
    sync->progress (sync->config->name, stage, done, total, bytes, sync->user_data);
}

static void
on_fetch_progress (guint    received,
                   guint    total,
                   gsize    bytes,
                   gpointer user_data)
{
  report_progress (user_data, "fetch", received, total, bytes);
}

static void
add_diagnostics (GPtrArray *reasons,
                 GPtrArray *diagnostics)
{
  lots_diagnostics_sort (diagnostics);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (diagnostics, i);
      if (d->severity == LOTS_SEVERITY_ERROR)
        g_ptr_array_add (reasons, lots_diagnostic_format (d, NULL));
    }
}

/* The areas the source may publish to: its manifest's, cut to the grant. */
static void
check_areas (const LotsSourceConfig *config,
             LotsSource             *source,
             GPtrArray              *diagnostics)
{
  const char *const *manifest = (const char *const *) source->manifest->areas;

  for (guint i = 0; i < source->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (source->articles, i);
      if (config->areas != NULL && !g_strv_contains ((const char *const *) config->areas, article->area))
        {
          g_autofree char *granted = g_strjoinv (", ", config->areas);
          lots_diagnostics_add (diagnostics, article->path, article->id_line, LOTS_SEVERITY_ERROR,
                                "area \"%s\" is not granted to source %s (granted: %s)", article->area, config->name,
                                granted);
        }
    }
  for (guint i = 0; manifest && manifest[i]; i++)
    if (config->areas != NULL && !g_strv_contains ((const char *const *) config->areas, manifest[i]))
      g_debug ("source %s: manifest area %s is outside the grant and ignored", config->name, manifest[i]);
}

/* Checks a loaded library's guides, their areas against the grant, and
 * runs their scenario tests; every failure becomes a reason. */
static void
check_guide_library (Sync                *sync,
                     LotsGuideLibrary    *library,
                     GPtrArray           *diagnostics,
                     GPtrArray           *reasons,
                     LotsGuideTestReport *report)
{
  lots_guide_library_check (library, diagnostics);
  for (guint i = 0; i < lots_guide_library_get_guides (library)->len; i++)
    {
      LotsGuide *guide = g_ptr_array_index (lots_guide_library_get_guides (library), i);
      if (sync->config->areas != NULL && lots_guide_get_area (guide) != NULL &&
          !g_strv_contains ((const char *const *) sync->config->areas, lots_guide_get_area (guide)))
        lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), lots_guide_get_line (guide),
                              LOTS_SEVERITY_ERROR, "guide: area \"%s\" is not granted to source %s",
                              lots_guide_get_area (guide), sync->config->name);
    }
  add_diagnostics (reasons, diagnostics);
  lots_guide_run_scenarios (library, NULL, report);
  for (guint i = 0; i < report->failures->len; i++)
    g_ptr_array_add (reasons, g_strdup (report->failures->pdata[i]));
}

/* Guides: load, check, and run the scenario tests, on a second parse of
 * the same files (the library takes the source it is given). */
static void
check_guides (Sync       *sync,
              GPtrArray  *files,
              GPtrArray  *known_areas,
              GPtrArray  *reasons)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsGuideLibrary) library = NULL;
  g_autoptr(LotsGuideTestReport) report = lots_guide_test_report_new ();
  LotsSource *source = lots_source_load (files, NULL, known_areas, diagnostics);

  g_ptr_array_set_size (diagnostics, 0);   /* reported by the first parse */
  library = lots_guide_library_new (source, diagnostics);
  check_guide_library (sync, library, diagnostics, reasons, report);
}

/* The manifest names this source, and the articles keep to the grant. */
static void
check_manifest (Sync       *sync,
                LotsSource *source,
                GPtrArray  *diagnostics)
{
  if (source->manifest != NULL && g_strcmp0 (source->manifest->id, sync->config->name) != 0)
    lots_diagnostics_add (diagnostics, "lots.yaml", 1, LOTS_SEVERITY_ERROR,
                          "id \"%s\" is not the name this source is configured under (\"%s\")",
                          source->manifest->id, sync->config->name);
  if (source->manifest != NULL)
    check_areas (sync->config, source, diagnostics);
}

/* Records COMMIT as quarantined: a ref that keeps it, and its reasons in
 * a file beside the repository for the app and `lotsctl sync` to show. */
static void
quarantine (Sync                 *sync,
            LotsSourceRepository *repository,
            const char           *data_dir)
{
  LotsSyncResult *result = sync->result;
  g_autofree char *ref = g_strconcat (QUARANTINE_PREFIX, result->new_commit, NULL);
  g_autofree char *path = g_build_filename (data_dir, "git", "quarantine", NULL);
  g_autofree char *file = g_build_filename (path, sync->config->name, NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);

  result->status = LOTS_SYNC_QUARANTINED;
  lots_source_repository_set_ref (repository, ref, result->new_commit, "lots: quarantined", NULL);
  g_key_file_set_string (keys, "quarantine", "commit", result->new_commit);
  g_key_file_set_string (keys, "quarantine", "at", when);
  g_ptr_array_add (result->reasons, NULL);
  g_key_file_set_string_list (keys, "quarantine", "reasons", (const char *const *) result->reasons->pdata,
                              result->reasons->len - 1);
  g_ptr_array_remove_index (result->reasons, result->reasons->len - 1);
  if (g_mkdir_with_parents (path, 0700) == 0)
    g_key_file_save_to_file (keys, file, NULL);
}

static void
clear_quarantine (const char *data_dir,
                  const char *name)
{
  g_autofree char *file = g_build_filename (data_dir, "git", "quarantine", name, NULL);

  g_unlink (file);
}

/* The accepted ref follows the index (see the header). */
static char *
reconcile_accepted (LotsSourceRepository *repository,
                    LotsIndex            *index,
                    const char           *name)
{
  g_autofree char *accepted = lots_source_repository_dup_ref (repository, LOTS_ACCEPTED_REF);
  g_autofree char *indexed = lots_index_dup_revision (index, name);

  if (indexed != NULL && g_strcmp0 (indexed, accepted) != 0 &&
      lots_source_repository_set_ref (repository, LOTS_ACCEPTED_REF, indexed, "lots: follow the index", NULL))
    return g_steal_pointer (&indexed);
  if (indexed == NULL)
    return NULL;
  return g_steal_pointer (&accepted);
}

static void
validate (Sync                 *sync,
          LotsSourceRepository *repository,
          GPtrArray            *known_areas,
          GPtrArray            *files,
          LotsSource          **source_out)
{
  LotsSyncResult *result = sync->result;
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsSource) source = NULL;

  source = lots_source_load (files, NULL, known_areas, diagnostics);
  check_manifest (sync, source, diagnostics);
  add_diagnostics (result->reasons, diagnostics);
  check_guides (sync, files, known_areas, result->reasons);
  g_free (source->revision);
  source->revision = g_strdup (result->new_commit);
  *source_out = g_steal_pointer (&source);
}

/* ---- the gate, for one commit's change ------------------------------------ */

/* What a commit changed from the accepted one, as the gate needs it. */
typedef struct {
  GHashTable *read;           /* new paths of added, modified and renamed files: read and parsed */
  GPtrArray *removed;         /* every path the change touches, old and new, NULL-terminated: their rows go */
  gboolean guides_changed;    /* a guide, module, scenario or data table */
  gboolean articles_changed;  /* an article deleted, renamed or modified */
  gboolean manifest_changed;  /* lots.yaml or areas.yaml */
} Change;

static void
change_clear (Change *change)
{
  g_clear_pointer (&change->read, g_hash_table_unref);
  g_clear_pointer (&change->removed, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Change, change_clear)

static void
change_note_path (Change     *change,
                  const char *path)
{
  if (path == NULL)
    return;
  if (g_str_equal (path, "lots.yaml") || g_str_equal (path, "areas.yaml"))
    change->manifest_changed = TRUE;
  if (g_str_has_suffix (path, ".lua") || g_str_has_suffix (path, ".csv"))
    change->guides_changed = TRUE;
  g_ptr_array_add (change->removed, g_strdup (path));
}

static void
change_init (Change    *change,
             GPtrArray *changes)
{
  change->read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  change->removed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < changes->len; i++)
    {
      const LotsChange *c = g_ptr_array_index (changes, i);

      change_note_path (change, c->old_path);
      if (g_strcmp0 (c->new_path, c->old_path) != 0)
        change_note_path (change, c->new_path);
      if (c->new_path != NULL)
        g_hash_table_add (change->read, g_strdup (c->new_path));
      /* A modified article may have lost the id a guide links to, as a
       * deleted or renamed one has. */
      if (c->kind != LOTS_CHANGE_ADDED && c->old_path != NULL && g_str_has_suffix (c->old_path, ".md"))
        change->articles_changed = TRUE;
    }
  g_ptr_array_add (change->removed, NULL);
}

static const char *const *
change_removed (const Change *change)
{
  return (const char *const *) change->removed->pdata;
}

/* Whether the commit can be checked and indexed as a change to what the
 * index holds: there is an accepted commit, the index is at it (a killed
 * sync leaves the ref to follow the index, never ahead of it), and the
 * manifests did not change (they decide how every article is read). */
static gboolean
can_validate_change (Sync         *sync,
                     LotsIndex    *index,
                     const Change *change)
{
  g_autofree char *indexed = NULL;

  if (sync->result->old_commit == NULL || change->manifest_changed)
    return FALSE;
  indexed = lots_index_dup_revision (index, sync->config->name);
  return g_strcmp0 (indexed, sync->result->old_commit) == 0;
}

/* An id an article or a guide of a changed commit may name: one of the
 * changed articles, or one the index holds outside the paths the change
 * replaces (of this source or another). */
typedef struct {
  GHashTable *titles;          /* id → title of the changed articles */
  LotsIndex *index;
  const char *source_id;
  const char *const *removed;
} ChangeArticles;

static void
change_articles_free (ChangeArticles *articles)
{
  g_hash_table_unref (articles->titles);
  g_free (articles);
}

static ChangeArticles *
change_articles_new (LotsSource   *source,
                     LotsIndex    *index,
                     const char   *source_id,
                     const Change *change)
{
  ChangeArticles *articles = g_new0 (ChangeArticles, 1);

  articles->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < source->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (source->articles, i);
      if (g_strcmp0 (article->lang, "sv") == 0 || !g_hash_table_contains (articles->titles, article->id))
        g_hash_table_replace (articles->titles, g_strdup (article->id), g_strdup (article->title));
    }
  articles->index = index;
  articles->source_id = source_id;
  articles->removed = change_removed (change);
  return articles;
}

static gboolean
change_article_lookup (const char  *id,
                       char       **title,
                       gpointer     user_data)
{
  ChangeArticles *articles = user_data;
  const char *found = g_hash_table_lookup (articles->titles, id);

  if (found != NULL)
    {
      if (title != NULL)
        *title = g_strdup (found);
      return TRUE;
    }
  return lots_index_has_article (articles->index, id, articles->source_id, articles->removed, title);
}

/* lots_source_load warns about a link to an id outside the files it was
 * given, which for a change is most of the source: those warnings are
 * dropped, and each link is checked again against the index. */
static void
recheck_links (LotsSource     *source,
               ChangeArticles *articles,
               GPtrArray      *diagnostics)
{
  for (guint i = diagnostics->len; i > 0; i--)
    {
      const LotsDiagnostic *d = g_ptr_array_index (diagnostics, i - 1);
      if (d->severity == LOTS_SEVERITY_WARNING && g_str_has_prefix (d->message, "link to '"))
        g_ptr_array_remove_index (diagnostics, i - 1);
    }
  for (guint i = 0; i < source->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (source->articles, i);
      for (guint j = 0; j < article->links->len; j++)
        {
          const char *target = g_ptr_array_index (article->links, j);
          if (!change_article_lookup (target, NULL, articles))
            lots_diagnostics_add (diagnostics, article->path, g_array_index (article->link_lines, guint, j),
                                  LOTS_SEVERITY_WARNING, "link to '%s', which is not an article", target);
        }
    }
}

/* The guide checks and scenarios of a change, on every guide and table of
 * the commit (they were all read) with articles looked up in the changed
 * files and then in the index. */
static void
check_guides_of_change (Sync           *sync,
                        GPtrArray      *files,
                        GPtrArray      *known_areas,
                        ChangeArticles *articles,
                        GPtrArray      *reasons)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsGuideLibrary) library = NULL;
  g_autoptr(LotsGuideTestReport) report = lots_guide_test_report_new ();
  LotsSource *source = lots_source_load (files, NULL, known_areas, diagnostics);

  g_ptr_array_set_size (diagnostics, 0);   /* reported by the first parse */
  library = lots_guide_library_new (source, diagnostics);
  lots_guide_host_set_articles (lots_guide_library_get_host (library), change_article_lookup, articles, NULL);
  check_guide_library (sync, library, diagnostics, reasons, report);
}

/* The gate for a commit that changes an accepted one: the changed files
 * parsed and checked as lint checks them, their ids and links against the
 * index, and the guides checked and their scenarios run when a guide or a
 * table changed or an article they may name went away. */
static void
validate_change (Sync        *sync,
                 LotsIndex   *index,
                 GPtrArray   *known_areas,
                 GPtrArray   *files,
                 Change      *change,
                 LotsSource **source_out)
{
  LotsSyncResult *result = sync->result;
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsSource) source = lots_source_load (files, NULL, known_areas, diagnostics);
  ChangeArticles *articles = change_articles_new (source, index, sync->config->name, change);

  check_manifest (sync, source, diagnostics);
  recheck_links (source, articles, diagnostics);
  add_diagnostics (result->reasons, diagnostics);
  if (change->guides_changed || change->articles_changed)
    check_guides_of_change (sync, files, known_areas, articles, result->reasons);
  change_articles_free (articles);
  g_free (source->revision);
  source->revision = g_strdup (result->new_commit);
  *source_out = g_steal_pointer (&source);
}

/* The articles the index serves for SOURCE_ID. */
static guint
count_serving (LotsIndex  *index,
               const char *source_id)
{
  g_autoptr(GPtrArray) sources = lots_index_list_sources (index, NULL);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const LotsIndexedSource *indexed = g_ptr_array_index (sources, i);
      if (g_strcmp0 (indexed->id, source_id) == 0)
        return indexed->n_articles;
    }
  return 0;
}

/* Reads, checks and indexes the commit as a change to the accepted one.
 * Returns FALSE with ERROR when git or the index failed; a refusal is a
 * reason in the result. */
static gboolean
sync_change (Sync                 *sync,
             LotsSourceRepository *repository,
             LotsIndex            *index,
             GPtrArray            *known_areas,
             Change               *change,
             LotsSource          **source_out,
             GError              **error)
{
  LotsSyncResult *result = sync->result;
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(LotsSource) source = NULL;

  g_debug ("source %s: checking %u changed file(s) against the index", sync->config->name,
           g_hash_table_size (change->read));
  files = lots_source_repository_read_tree_part (repository, result->new_commit, change->read, diagnostics, error);
  if (files == NULL)
    return FALSE;
  add_diagnostics (result->reasons, diagnostics);
  validate_change (sync, index, known_areas, files, change, &source);
  if (result->reasons->len > 0 || source->manifest == NULL)
    return TRUE;
  report_progress (sync, "index", 0, source->articles->len, 0);
  if (!lots_index_update_source (index, source, change_removed (change), "git", sync->config->url, error))
    {
      if (!g_error_matches (*error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT))
        return FALSE;
      /* An id in use by another source, or by an unchanged file. */
      g_ptr_array_add (result->reasons, g_strdup ((*error)->message));
      g_clear_error (error);
      return TRUE;
    }
  report_progress (sync, "index", source->articles->len, source->articles->len, 0);
  *source_out = g_steal_pointer (&source);
  return TRUE;
}

LotsSyncResult *
lots_sync_source (const LotsSourceConfig *config,
                  const char             *data_dir,
                  LotsIndex              *index,
                  GPtrArray              *known_areas,
                  LotsSyncProgress        progress,
                  gpointer                user_data)
{
  LotsSyncResult *result = g_new0 (LotsSyncResult, 1);
  Sync sync = { config, result, progress, user_data };
  g_autoptr(LotsSourceRepository) repository = NULL;
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(LotsSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Change) change = { 0 };

  g_return_val_if_fail (config != NULL && data_dir != NULL && index != NULL, NULL);
  result->name = g_strdup (config->name);
  result->reasons = g_ptr_array_new_with_free_func (g_free);
  result->status = LOTS_SYNC_FAILED;

  /* The caller holds the sync lock: any lock file in the repository is
   * from a sync that was killed, and would stop every later one — even
   * one killed while it created the repository, which the open would
   * trip over, so they go before it. */
  {
    g_autofree char *path = g_build_filename (data_dir, "git", config->name, NULL);
    _lots_git_clear_stale_locks (path);
  }
  repository = lots_source_repository_open (config, data_dir, &error);
  if (repository == NULL)
    goto failed;
  result->old_commit = reconcile_accepted (repository, index, config->name);
  report_progress (&sync, "fetch", 0, 0, 0);
  if (!lots_source_repository_fetch (repository, on_fetch_progress, &sync, &error))
    {
      result->status = g_error_matches (error, LOTS_ERROR, LOTS_ERROR_OFFLINE) ? LOTS_SYNC_OFFLINE : LOTS_SYNC_FAILED;
      result->message = g_strdup (error->message);
      return result;
    }
  result->new_commit = lots_source_repository_dup_fetched (repository);
  if (result->new_commit == NULL)
    {
      result->message = g_strdup_printf ("the remote has no branch \"%s\"", config->branch);
      return result;
    }
  if (g_strcmp0 (result->new_commit, result->old_commit) == 0)
    {
      result->status = LOTS_SYNC_UP_TO_DATE;
      return result;
    }

  report_progress (&sync, "validate", 0, 0, 0);
  if (result->old_commit != NULL && !config->allow_rewrite &&
      !lots_source_repository_is_descendant (repository, result->new_commit, result->old_commit))
    g_ptr_array_add (result->reasons,
                     g_strdup_printf ("%s: the branch was rewritten: %.12s does not descend from the accepted %.12s "
                                      "(a force-push); only fast-forwards are accepted for this source",
                                      config->branch, result->new_commit, result->old_commit));
  changes = lots_source_repository_diff (repository, result->old_commit, result->new_commit, &error);
  if (changes == NULL)
    goto failed;
  result->files_changed = changes->len;
  change_init (&change, changes);
  if (can_validate_change (&sync, index, &change))
    {
      if (!sync_change (&sync, repository, index, known_areas, &change, &source, &error))
        goto failed;
      if (source == NULL)
        {
          quarantine (&sync, repository, data_dir);
          return result;
        }
      result->n_articles = count_serving (index, config->name);
      goto accept;
    }
  files = lots_source_repository_read_tree (repository, result->new_commit, diagnostics, &error);
  if (files == NULL)
    goto failed;
  add_diagnostics (result->reasons, diagnostics);
  validate (&sync, repository, known_areas, files, &source);
  if (result->reasons->len > 0 || source->manifest == NULL)
    {
      quarantine (&sync, repository, data_dir);
      return result;
    }

  report_progress (&sync, "index", 0, source->articles->len, 0);
  if (!lots_index_put_source (index, source, "git", config->url, &error))
    {
      if (!g_error_matches (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT))
        goto failed;
      /* An id another source publishes: the newer source is refused. */
      g_ptr_array_add (result->reasons, g_strdup (error->message));
      quarantine (&sync, repository, data_dir);
      return result;
    }
  report_progress (&sync, "index", source->articles->len, source->articles->len, 0);
  result->n_articles = source->articles->len;

accept:
  /* The index holds the new commit now; the ref follows it (a sync killed
   * here is reconciled by the next one). */
  if (!lots_source_repository_set_ref (repository, LOTS_ACCEPTED_REF, result->new_commit, "lots: accepted", &error))
    goto failed;
  clear_quarantine (data_dir, config->name);
  result->status = LOTS_SYNC_ACCEPTED;
  return result;

failed:
  result->status = LOTS_SYNC_FAILED;
  result->message = g_strdup (error ? error->message : "the sync failed");
  return result;
}

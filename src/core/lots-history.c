/* lots-history.c — the history of one file of a git repository (see the
 * header).
 *
 * libgit2's idiom is kept inside: every libgit2 error becomes a GError
 * once, here, with git_error_last()'s message. A commit "changed" a path
 * when the blob at that path differs from the one in its first parent (or
 * the path appears or disappears): the first-parent rule git log uses by
 * default for a merge that brings nothing new to the file, and cheap — two
 * tree lookups per commit, no diff.
 */
#define G_LOG_DOMAIN "lots-history"

#include "config.h"

#include "lots-history.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "lots-error.h"

/* Where a synced source's handlers are served from; history up to there is
 * what they saw (lots-source-repository.h). */
#define ACCEPTED_REF LOTS_ACCEPTED_REF

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree_entry, git_tree_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_revwalk, git_revwalk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_diff, git_diff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_object, git_object_free)

static void
ensure_libgit2 (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      git_libgit2_init ();
      g_once_init_leave (&initialized, 1);
    }
}

static void
git_fail (GError    **error,
          LotsError   code,
          const char *what)
{
  const git_error *last = git_error_last ();

  g_set_error (error, LOTS_ERROR, code, "%s: %s", what,
               last != NULL && last->message != NULL ? last->message : "unknown git error");
}

static git_repository *
open_repository (const char  *repository_path,
                 GError     **error)
{
  git_repository *repo = NULL;

  ensure_libgit2 ();
  if (git_repository_open_ext (&repo, repository_path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0)
    {
      git_fail (error, LOTS_ERROR_NOT_FOUND, repository_path);
      return NULL;
    }
  return repo;
}

/* The commit REVISION names (a full or abbreviated id, a ref), or NULL. */
static git_commit *
lookup_commit (git_repository *repo,
               const char     *revision,
               GError        **error)
{
  g_autoptr(git_object) object = NULL;
  git_object *peeled = NULL;

  if (git_revparse_single (&object, repo, revision) != 0 ||
      git_object_peel (&peeled, object, GIT_OBJECT_COMMIT) != 0)
    {
      git_fail (error, LOTS_ERROR_NOT_FOUND, revision);
      return NULL;
    }
  return (git_commit *) peeled;
}

static char *
oid_string (const git_oid *oid)
{
  char text[GIT_OID_HEXSZ + 1];

  git_oid_tostr (text, sizeof text, oid);
  return g_strdup (text);
}

/* The entry of PATH in COMMIT's tree (NULL when absent). */
static git_tree_entry *
entry_of (git_commit *commit,
          const char *path)
{
  g_autoptr(git_tree) tree = NULL;
  git_tree_entry *entry = NULL;

  if (git_commit_tree (&tree, commit) != 0 || git_tree_entry_bypath (&entry, tree, path) != 0)
    return NULL;
  return entry;
}

/* Whether PATH differs between COMMIT and its first parent. */
static gboolean
commit_changes (git_commit *commit,
                const char *path)
{
  g_autoptr(git_tree_entry) entry = entry_of (commit, path);
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_tree_entry) parent_entry = NULL;

  if (git_commit_parentcount (commit) == 0 || git_commit_parent (&parent, commit, 0) != 0)
    return entry != NULL;
  parent_entry = entry_of (parent, path);
  if ((entry == NULL) != (parent_entry == NULL))
    return TRUE;
  return entry != NULL && !git_oid_equal (git_tree_entry_id (entry), git_tree_entry_id (parent_entry));
}

static LotsHistoryEntry *
history_entry_new (git_commit *commit)
{
  const git_signature *author = git_commit_author (commit);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (author->when.time);
  LotsHistoryEntry *entry = g_new0 (LotsHistoryEntry, 1);

  entry->commit = oid_string (git_commit_id (commit));
  entry->author = g_strdup (author->name != NULL ? author->name : "");
  entry->date = when != NULL ? g_date_time_format_iso8601 (when) : g_strdup ("");
  entry->summary = g_strdup (git_commit_summary (commit) != NULL ? git_commit_summary (commit) : "");
  return entry;
}

/* Finds the git working tree FILENAME (a file on disk) is in: the
 * repository's working directory and FILENAME relative to it,
 * '/'-separated, as the repository's trees name it. The built-in source is
 * read from the checkout, whose history is that of the checkout. Fails
 * with LOTS_ERROR_NOT_FOUND when no repository holds the file. */
gboolean
lots_history_find_repository (const char  *filename,
                              char       **repository_path,
                              char       **path_in_repository,
                              GError     **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *real_file = NULL;
  g_autofree char *real_workdir = NULL;
  const char *workdir;
  gsize n;

  g_return_val_if_fail (filename != NULL, FALSE);
  ensure_libgit2 ();
  dir = g_path_get_dirname (filename);
  if (git_repository_open_ext (&repo, dir, 0, NULL) != 0)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "%s is not in a git repository", filename);
      return FALSE;
    }
  workdir = git_repository_workdir (repo);
  /* realpath: the checkout may be reached through a symbolic link. */
  if (workdir == NULL || (real_workdir = realpath (workdir, NULL)) == NULL ||
      (real_file = realpath (filename, NULL)) == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "%s is not in the working tree of a git repository",
                   filename);
      return FALSE;
    }
  n = strlen (real_workdir);
  if (strncmp (real_file, real_workdir, n) != 0 || real_file[n] != '/')
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "%s is outside the working tree %s", filename,
                   real_workdir);
      return FALSE;
    }
  if (repository_path != NULL)
    *repository_path = g_strdup (real_workdir);
  if (path_in_repository != NULL)
    *path_in_repository = g_strdup (real_file + n + 1);
  return TRUE;
}

/* The commits reachable from REF that changed PATH (relative to the
 * repository's root), newest first, at most MAX. REF NULL means the
 * accepted commit of a synced source's repository when it has one (what
 * handlers are served), else HEAD; a repository without any commit has an
 * empty history. */
GPtrArray *
lots_history_list_file (const char  *repository_path,
                        const char  *ref,
                        const char  *path,
                        guint        max,
                        GError     **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  git_oid oid;

  g_return_val_if_fail (repository_path != NULL && path != NULL, NULL);
  repo = open_repository (repository_path, error);
  if (repo == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_history_entry_free);
  if (ref == NULL)
    {
      if (git_reference_name_to_id (&oid, repo, ACCEPTED_REF) == 0)
        ref = ACCEPTED_REF;
      else if (git_repository_head_unborn (repo) == 1)
        return g_steal_pointer (&entries);
      else
        ref = "HEAD";
    }
  tip = lookup_commit (repo, ref, error);
  if (tip == NULL)
    return NULL;
  if (git_revwalk_new (&walk, repo) != 0 || git_revwalk_push (walk, git_commit_id (tip)) != 0 ||
      git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) != 0)
    {
      git_fail (error, LOTS_ERROR_IO, repository_path);
      return NULL;
    }
  while (entries->len < max && git_revwalk_next (&oid, walk) == 0)
    {
      g_autoptr(git_commit) commit = NULL;

      if (git_commit_lookup (&commit, repo, &oid) != 0)
        {
          git_fail (error, LOTS_ERROR_IO, repository_path);
          return NULL;
        }
      if (commit_changes (commit, path))
        g_ptr_array_add (entries, history_entry_new (commit));
    }
  return g_steal_pointer (&entries);
}

/* The unified diff of PATH between COMMIT's first parent (nothing for a
 * root commit) and COMMIT, as `git show COMMIT -- PATH` prints it from
 * "diff --git" on; "" when the commit did not change PATH. */
char *
lots_history_dup_diff (const char  *repository_path,
                       const char  *commit,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_commit) object = NULL;
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree) parent_tree = NULL;
  g_autoptr(git_diff) diff = NULL;
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  git_buf buf = { NULL, 0, 0 };
  char *pathspec[] = { (char *) path };
  char *text;

  g_return_val_if_fail (repository_path != NULL && commit != NULL && path != NULL, NULL);
  repo = open_repository (repository_path, error);
  if (repo == NULL)
    return NULL;
  object = lookup_commit (repo, commit, error);
  if (object == NULL)
    return NULL;
  if (git_commit_tree (&tree, object) != 0 ||
      (git_commit_parentcount (object) > 0 &&
       (git_commit_parent (&parent, object, 0) != 0 || git_commit_tree (&parent_tree, parent) != 0)))
    {
      git_fail (error, LOTS_ERROR_IO, commit);
      return NULL;
    }
  /* The path is a file name, not a pattern: "[" or "*" in it mean
   * themselves. */
  options.pathspec.strings = pathspec;
  options.pathspec.count = 1;
  options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  if (git_diff_tree_to_tree (&diff, repo, parent_tree, tree, &options) != 0 ||
      git_diff_to_buf (&buf, diff, GIT_DIFF_FORMAT_PATCH) != 0)
    {
      git_fail (error, LOTS_ERROR_IO, commit);
      git_buf_dispose (&buf);
      return NULL;
    }
  text = g_strndup (buf.ptr != NULL ? buf.ptr : "", buf.size);
  git_buf_dispose (&buf);
  return text;
}

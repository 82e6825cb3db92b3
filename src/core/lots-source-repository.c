/* lots-source-repository.c — a source's bare repository (see the header).
 *
 * Inside this file libgit2's idiom is kept: `int error; … goto cleanup;`,
 * and every libgit2 error is turned into a GError once, at the boundary,
 * with git_error_last()'s message.
 */
#define G_LOG_DOMAIN "lots-source-repository"

#include "config.h"

#include "lots-source-repository.h"

#include <gio/gio.h>
#include <git2.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-source.h"
#include "lots-source-repository-private.h"

/* A fetch that keeps asking for credentials has been refused. */
#define MAX_CREDENTIAL_ATTEMPTS 3

struct _LotsSourceRepository {
  git_repository *repo;
  LotsSourceConfig *config;
  char *path;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_remote, git_remote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_diff, git_diff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_revwalk, git_revwalk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree_entry, git_tree_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_reference, git_reference_free)

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

/* The libgit2 error, once, as a GError. */
static gboolean
git_fail (GError    **error,
          LotsError   code,
          const char *what)
{
  const git_error *last = git_error_last ();

  g_set_error (error, LOTS_ERROR, code, "%s: %s", what, last && last->message ? last->message : "unknown git error");
  return FALSE;
}

void
lots_change_free (LotsChange *change)
{
  if (change == NULL)
    return;
  g_free (change->old_path);
  g_free (change->new_path);
  g_free (change);
}

void
lots_history_entry_free (LotsHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->commit);
  g_free (entry->author);
  g_free (entry->date);
  g_free (entry->summary);
  g_free (entry);
}

static LotsSourceConfig *
config_copy (const LotsSourceConfig *config)
{
  LotsSourceConfig *copy = g_new0 (LotsSourceConfig, 1);

  copy->name = g_strdup (config->name);
  copy->url = g_strdup (config->url);
  copy->branch = g_strdup (config->branch);
  copy->areas = g_strdupv (config->areas);
  copy->allow_rewrite = config->allow_rewrite;
  return copy;
}

/* Opens (or creates) DATA_DIR/git/NAME.git. */
LotsSourceRepository *
lots_source_repository_open (const LotsSourceConfig *config,
                             const char             *data_dir,
                             GError                **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autofree char *path = NULL;
  LotsSourceRepository *self;

  g_return_val_if_fail (config != NULL && data_dir != NULL, NULL);
  ensure_libgit2 ();
  path = g_build_filename (data_dir, "git", config->name, NULL);
  if (git_repository_open_bare (&repo, path) != 0)
    {
      g_autofree char *parent = g_path_get_dirname (path);
      if (g_mkdir_with_parents (parent, 0700) != 0 || git_repository_init (&repo, path, 1) != 0)
        {
          git_fail (error, LOTS_ERROR_IO, path);
          return NULL;
        }
    }
  self = g_new0 (LotsSourceRepository, 1);
  self->repo = g_steal_pointer (&repo);
  self->config = config_copy (config);
  self->path = g_steal_pointer (&path);
  return self;
}

void
lots_source_repository_free (LotsSourceRepository *self)
{
  if (self == NULL)
    return;
  git_repository_free (self->repo);
  lots_source_config_free (self->config);
  g_free (self->path);
  g_free (self);
}

/* ---- stale locks ------------------------------------------------------- */

static void
remove_locks_in (const char *dir,
                 gboolean    recursive)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_suffix (name, ".lock") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_debug ("removing the stale lock %s", path);
          g_unlink (path);
        }
      else if (recursive && g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_locks_in (path, TRUE);
    }
}

/* Removes the lock files a process killed mid-write leaves in the bare
 * repository at path (a ref, packed-refs, FETCH_HEAD): libgit2 refuses to
 * write past them. Only the holder of the lock that guards the repository
 * may call this. */
void
_lots_git_clear_stale_locks (const char *path)
{
  g_autofree char *refs = g_build_filename (path, "refs", NULL);

  remove_locks_in (path, FALSE);
  remove_locks_in (refs, TRUE);
}

/* The stale locks of a sync killed mid-write. Only the holder of the data
 * directory's sync lock may call this — no one else writes here. */
void
lots_source_repository_clear_stale_locks (LotsSourceRepository *self)
{
  g_return_if_fail (self != NULL);
  _lots_git_clear_stale_locks (self->path);
}

/* ---- fetching ----------------------------------------------------------- */

typedef struct {
  LotsFetchProgress progress;
  gpointer user_data;
  guint credential_attempts;
} Fetch;

static int
on_transfer (const git_indexer_progress *stats,
             void                       *payload)
{
  Fetch *fetch = payload;

  if (fetch->progress != NULL)
    fetch->progress (stats->received_objects, stats->total_objects, stats->received_bytes, fetch->user_data);
  return 0;
}

/* Asks the user's git credential helper, as `git fetch` would. */
static gboolean
credential_from_helper (const char  *url,
                        char       **username,
                        char       **password)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *input = g_strdup_printf ("url=%s\n\n", url);
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;

  /* Never a prompt: a sync runs in the background. */
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  process = g_subprocess_launcher_spawn (launcher, NULL, "git", "credential", "fill", NULL);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, input, NULL, &output, NULL, NULL) ||
      !g_subprocess_get_successful (process))
    return FALSE;
  lines = g_strsplit (output ? output : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "username="))
        *username = g_strdup (lines[i] + 9);
      else if (g_str_has_prefix (lines[i], "password="))
        *password = g_strdup (lines[i] + 9);
    }
  return *password != NULL;
}

/* The credentials for any remote Lots talks to (a source, the outcomes
 * remote): the ssh agent or LOTS_SSH_KEY, LOTS_GIT_TOKEN or the git
 * credential helper; refused after MAX_CREDENTIAL_ATTEMPTS (counted in
 * *attempts). Never a prompt. */
int
_lots_git_credentials (git_credential **out,
                       const char      *url,
                       const char      *username_from_url,
                       unsigned int     allowed_types,
                       guint           *attempts)
{
  const char *user = username_from_url ? username_from_url : "git";

  if (++*attempts > MAX_CREDENTIAL_ATTEMPTS)
    {
      git_error_set_str (GIT_ERROR_NET, "the remote refused the credentials");
      return GIT_EAUTH;
    }
  if (allowed_types & GIT_CREDENTIAL_SSH_KEY)
    {
      const char *key = g_getenv ("LOTS_SSH_KEY");
      if (key != NULL)
        return git_credential_ssh_key_new (out, user, NULL, key, g_getenv ("LOTS_SSH_KEY_PASSPHRASE"));
      return git_credential_ssh_key_from_agent (out, user);
    }
  if (allowed_types & GIT_CREDENTIAL_USERPASS_PLAINTEXT)
    {
      const char *token = g_getenv ("LOTS_GIT_TOKEN");
      g_autofree char *helper_user = NULL;
      g_autofree char *helper_password = NULL;

      if (token != NULL)
        return git_credential_userpass_plaintext_new (out, username_from_url ? username_from_url : "lots", token);
      if (credential_from_helper (url, &helper_user, &helper_password))
        return git_credential_userpass_plaintext_new (out, helper_user ? helper_user : user, helper_password);
    }
  return GIT_PASSTHROUGH;
}

static int
on_credentials (git_credential **out,
                const char      *url,
                const char      *username_from_url,
                unsigned int     allowed_types,
                void            *payload)
{
  Fetch *fetch = payload;

  return _lots_git_credentials (out, url, username_from_url, allowed_types, &fetch->credential_attempts);
}

static char *
fetched_ref (LotsSourceRepository *self)
{
  return g_strconcat ("refs/remotes/origin/", self->config->branch, NULL);
}

/* Fetches the configured branch. A remote that cannot be reached is
 * LOTS_ERROR_OFFLINE and changes nothing; refused credentials are not
 * "offline" and say so. */
gboolean
lots_source_repository_fetch (LotsSourceRepository *self,
                              LotsFetchProgress     progress,
                              gpointer              user_data,
                              GError              **error)
{
  g_autoptr(git_remote) remote = NULL;
  g_autofree char *refspec = g_strdup_printf ("+refs/heads/%s:refs/remotes/origin/%s", self->config->branch,
                                              self->config->branch);
  char *refspecs[] = { refspec };
  git_strarray specs = { refspecs, 1 };
  git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
  git_remote_create_options create = GIT_REMOTE_CREATE_OPTIONS_INIT;
  Fetch fetch = { progress, user_data, 0 };
  int status;

  g_return_val_if_fail (self != NULL, FALSE);
  /* No url.*.insteadOf rewriting: the URL is the one configured (and
   * libgit2 1.5 leaks the regex match data of that lookup). */
  create.repository = self->repo;
  create.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC;
  if (git_remote_create_with_opts (&remote, self->config->url, &create) != 0)
    return git_fail (error, LOTS_ERROR_INVALID_ARGUMENT, self->config->url);
  options.callbacks.transfer_progress = on_transfer;
  options.callbacks.credentials = on_credentials;
  options.callbacks.payload = &fetch;
  options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
  status = git_remote_fetch (remote, &specs, &options, NULL);
  if (status == GIT_EAUTH || status == GIT_ECERTIFICATE)
    return git_fail (error, LOTS_ERROR_INVALID_CONTENT, self->config->url);
  if (status == GIT_ELOCKED)
    return git_fail (error, LOTS_ERROR_IO, self->path);
  if (status != 0)
    return git_fail (error, LOTS_ERROR_OFFLINE, self->config->url);
  return TRUE;
}

/* ---- refs ------------------------------------------------------------- */

static char *
oid_string (const git_oid *oid)
{
  char text[GIT_OID_HEXSZ + 1];

  git_oid_tostr (text, sizeof text, oid);
  return g_strdup (text);
}

char *
lots_source_repository_dup_ref (LotsSourceRepository *self,
                                const char           *ref)
{
  git_oid oid;

  g_return_val_if_fail (self != NULL && ref != NULL, NULL);
  if (git_reference_name_to_id (&oid, self->repo, ref) != 0)
    return NULL;
  return oid_string (&oid);
}

/* The commit the last fetch brought, or NULL. */
char *
lots_source_repository_dup_fetched (LotsSourceRepository *self)
{
  g_autofree char *ref = fetched_ref (self);

  return lots_source_repository_dup_ref (self, ref);
}

gboolean
lots_source_repository_set_ref (LotsSourceRepository *self,
                                const char           *ref,
                                const char           *commit,
                                const char           *message,
                                GError              **error)
{
  g_autoptr(git_reference) reference = NULL;
  git_oid oid;

  g_return_val_if_fail (self != NULL && ref != NULL && commit != NULL, FALSE);
  if (git_oid_fromstr (&oid, commit) != 0 ||
      git_reference_create (&reference, self->repo, ref, &oid, 1, message) != 0)
    return git_fail (error, LOTS_ERROR_IO, ref);
  return TRUE;
}

/* Whether COMMIT is ANCESTOR or comes after it: a fast-forward. */
gboolean
lots_source_repository_is_descendant (LotsSourceRepository *self,
                                      const char           *commit,
                                      const char           *ancestor)
{
  git_oid a, b;

  if (git_oid_fromstr (&a, commit) != 0 || git_oid_fromstr (&b, ancestor) != 0)
    return FALSE;
  return git_oid_equal (&a, &b) || git_graph_descendant_of (self->repo, &a, &b) == 1;
}

/* ---- reading a tree -------------------------------------------------- */

static gboolean
is_content_file (const char *name)
{
  return g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".lua") || g_str_has_suffix (name, ".csv") ||
         g_str_has_suffix (name, ".yaml");
}

static gboolean
is_forbidden_name (const char *name)
{
  return g_str_equal (name, "..") || g_str_equal (name, ".") || g_ascii_strcasecmp (name, ".git") == 0 ||
         strchr (name, '\\') != NULL;
}

/* Whether a file's blob is read although it did not change: what the
 * guide checks need whole (every guide and module, every data table) and
 * the manifests. */
static gboolean
is_always_read (const char *path,
                const char *name)
{
  g_autofree char *parent = NULL;

  if (g_str_equal (path, "lots.yaml") || g_str_equal (path, "areas.yaml") || g_str_has_suffix (name, ".lua"))
    return TRUE;
  if (!g_str_has_suffix (name, ".csv"))
    return FALSE;
  parent = g_path_get_dirname (path);
  return g_str_equal (parent, "data") || g_str_has_suffix (parent, "/data");
}

typedef struct {
  LotsSourceRepository *self;
  GHashTable *paths;     /* read only these blobs (and is_always_read ones); NULL: all */
  GPtrArray *files;
  GPtrArray *diagnostics;
  guint n_entries;
  gboolean too_many;
  const char *commit;
} TreeRead;

static int
on_tree_entry (const char          *root,
               const git_tree_entry *entry,
               void                 *payload)
{
  TreeRead *read = payload;
  const char *name = git_tree_entry_name (entry);
  git_filemode_t mode = git_tree_entry_filemode (entry);
  g_autofree char *path = g_strconcat (root, name, NULL);
  git_blob *blob = NULL;
  git_object_size_t size;

  if (is_forbidden_name (name))
    {
      lots_diagnostics_add (read->diagnostics, path, 0, LOTS_SEVERITY_ERROR,
                            "a path with a \"%s\" component is refused", name);
      return mode == GIT_FILEMODE_TREE ? 1 : 0;
    }
  if (mode == GIT_FILEMODE_TREE)
    return 0;
  if (++read->n_entries > LOTS_SOURCE_MAX_FILES)
    {
      if (!read->too_many)
        lots_diagnostics_add (read->diagnostics, path, 0, LOTS_SEVERITY_ERROR,
                              "the tree has more than %d files", LOTS_SOURCE_MAX_FILES);
      read->too_many = TRUE;
      return -1;
    }
  if (mode == GIT_FILEMODE_LINK)
    {
      lots_diagnostics_add (read->diagnostics, path, 0, LOTS_SEVERITY_ERROR, "symbolic links are refused");
      return 0;
    }
  if (mode == GIT_FILEMODE_COMMIT)
    {
      lots_diagnostics_add (read->diagnostics, path, 0, LOTS_SEVERITY_ERROR, "submodules are refused");
      return 0;
    }
  if (read->paths != NULL && !g_hash_table_contains (read->paths, path) && !is_always_read (path, name))
    return 0;
  if (git_blob_lookup (&blob, read->self->repo, git_tree_entry_id (entry)) != 0)
    {
      lots_diagnostics_add (read->diagnostics, path, 0, LOTS_SEVERITY_ERROR, "the blob is missing from the fetch");
      return 0;
    }
  size = git_blob_rawsize (blob);
  if (size > LOTS_SOURCE_MAX_FILE_SIZE)
    {
      lots_diagnostics_add (read->diagnostics, path, 0, LOTS_SEVERITY_ERROR,
                            "the file is %" G_GUINT64_FORMAT " bytes; at most %d are allowed", (guint64) size,
                            LOTS_SOURCE_MAX_FILE_SIZE);
      g_ptr_array_add (read->files, lots_source_file_new (path, path, NULL, (goffset) size));
    }
  else if (is_content_file (name))
    g_ptr_array_add (read->files,
                     lots_source_file_new (path, path, g_bytes_new (git_blob_rawcontent (blob), (gsize) size),
                                           (goffset) size));
  git_blob_free (blob);
  return 0;
}

static GPtrArray *
walk_tree (LotsSourceRepository *self,
           const char           *commit,
           GHashTable           *paths,
           GPtrArray            *diagnostics,
           GError              **error)
{
  g_autoptr(git_commit) object = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_source_file_free);
  TreeRead read = { self, paths, files, diagnostics, 0, FALSE, commit };
  git_oid oid;

  if (git_oid_fromstr (&oid, commit) != 0 || git_commit_lookup (&object, self->repo, &oid) != 0 ||
      git_commit_tree (&tree, object) != 0)
    {
      git_fail (error, LOTS_ERROR_NOT_FOUND, commit);
      return NULL;
    }
  git_tree_walk (tree, GIT_TREEWALK_PRE, on_tree_entry, &read);
  return g_steal_pointer (&files);
}

/* The content files of COMMIT's tree as a source reads them (path + bytes),
 * every refused entry a diagnostic. NULL only when the commit is missing. */
GPtrArray *
lots_source_repository_read_tree (LotsSourceRepository *self,
                                  const char           *commit,
                                  GPtrArray            *diagnostics,
                                  GError              **error)
{
  g_return_val_if_fail (self != NULL && commit != NULL, NULL);
  return walk_tree (self, commit, NULL, diagnostics, error);
}

/* As lots_source_repository_read_tree, for a commit whose changes from an
 * accepted one are PATHS (a set of paths): every entry's name and mode and
 * the number of files are still checked, which costs no blob read, but
 * only the blobs at PATHS are read and measured, plus the guides, the data
 * tables and the manifests. An unchanged blob passed the gate when its
 * commit was accepted; reading 50,000 of them again was most of a sync. */
GPtrArray *
lots_source_repository_read_tree_part (LotsSourceRepository *self,
                                       const char           *commit,
                                       GHashTable           *paths,
                                       GPtrArray            *diagnostics,
                                       GError              **error)
{
  g_return_val_if_fail (self != NULL && commit != NULL && paths != NULL, NULL);
  return walk_tree (self, commit, paths, diagnostics, error);
}

static git_tree *
tree_of (LotsSourceRepository *self,
         const char           *commit)
{
  g_autoptr(git_commit) object = NULL;
  git_tree *tree = NULL;
  git_oid oid;

  if (commit == NULL || git_oid_fromstr (&oid, commit) != 0 || git_commit_lookup (&object, self->repo, &oid) != 0 ||
      git_commit_tree (&tree, object) != 0)
    return NULL;
  return tree;
}

/* What changed from OLD_COMMIT (NULL: nothing) to NEW_COMMIT, renames
 * found as git finds them. */
GPtrArray *
lots_source_repository_diff (LotsSourceRepository *self,
                             const char           *old_commit,
                             const char           *new_commit,
                             GError              **error)
{
  g_autoptr(git_tree) old_tree = tree_of (self, old_commit);
  g_autoptr(git_tree) new_tree = tree_of (self, new_commit);
  g_autoptr(git_diff) diff = NULL;
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  GPtrArray *changes;

  if (new_tree == NULL)
    {
      git_fail (error, LOTS_ERROR_NOT_FOUND, new_commit);
      return NULL;
    }
  find.flags = GIT_DIFF_FIND_RENAMES;
  if (git_diff_tree_to_tree (&diff, self->repo, old_tree, new_tree, NULL) != 0 ||
      git_diff_find_similar (diff, &find) != 0)
    {
      git_fail (error, LOTS_ERROR_IO, "comparing trees");
      return NULL;
    }
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_change_free);
  for (size_t i = 0; i < git_diff_num_deltas (diff); i++)
    {
      const git_diff_delta *delta = git_diff_get_delta (diff, i);
      LotsChange *change = g_new0 (LotsChange, 1);

      switch (delta->status)
        {
        case GIT_DELTA_ADDED:
          change->kind = LOTS_CHANGE_ADDED;
          change->new_path = g_strdup (delta->new_file.path);
          break;
        case GIT_DELTA_DELETED:
          change->kind = LOTS_CHANGE_DELETED;
          change->old_path = g_strdup (delta->old_file.path);
          break;
        case GIT_DELTA_RENAMED:
          change->kind = LOTS_CHANGE_RENAMED;
          change->old_path = g_strdup (delta->old_file.path);
          change->new_path = g_strdup (delta->new_file.path);
          break;
        default:
          change->kind = LOTS_CHANGE_MODIFIED;
          change->old_path = g_strdup (delta->old_file.path);
          change->new_path = g_strdup (delta->new_file.path);
          break;
        }
      g_ptr_array_add (changes, change);
    }
  return changes;
}

/* Whether PATH differs between COMMIT and its first parent. */
static gboolean
commit_touches (git_commit *commit,
                const char *path)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_tree) parent_tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_tree_entry) parent_entry = NULL;

  if (git_commit_tree (&tree, commit) != 0)
    return FALSE;
  git_tree_entry_bypath (&entry, tree, path);
  if (git_commit_parentcount (commit) == 0)
    return entry != NULL;
  if (git_commit_parent (&parent, commit, 0) != 0 || git_commit_tree (&parent_tree, parent) != 0)
    return entry != NULL;
  git_tree_entry_bypath (&parent_entry, parent_tree, path);
  if ((entry == NULL) != (parent_entry == NULL))
    return TRUE;
  return entry != NULL && !git_oid_equal (git_tree_entry_id (entry), git_tree_entry_id (parent_entry));
}

/* The commits up to COMMIT that changed PATH, newest first, at most MAX. */
GPtrArray *
lots_source_repository_history (LotsSourceRepository *self,
                                const char           *commit,
                                const char           *path,
                                guint                 max,
                                GError              **error)
{
  g_autoptr(git_revwalk) walk = NULL;
  GPtrArray *entries;
  git_oid oid;

  if (git_oid_fromstr (&oid, commit) != 0 || git_revwalk_new (&walk, self->repo) != 0 ||
      git_revwalk_push (walk, &oid) != 0)
    {
      git_fail (error, LOTS_ERROR_NOT_FOUND, commit);
      return NULL;
    }
  git_revwalk_sorting (walk, GIT_SORT_TIME);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_history_entry_free);
  while (entries->len < max && git_revwalk_next (&oid, walk) == 0)
    {
      g_autoptr(git_commit) object = NULL;
      const git_signature *author;
      LotsHistoryEntry *entry;
      g_autoptr(GDateTime) when = NULL;

      if (git_commit_lookup (&object, self->repo, &oid) != 0 || !commit_touches (object, path))
        continue;
      author = git_commit_author (object);
      when = g_date_time_new_from_unix_utc (author->when.time);
      entry = g_new0 (LotsHistoryEntry, 1);
      entry->commit = oid_string (&oid);
      entry->author = g_strdup (author->name);
      entry->date = when ? g_date_time_format_iso8601 (when) : g_strdup ("");
      entry->summary = g_strdup (git_commit_summary (object));
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

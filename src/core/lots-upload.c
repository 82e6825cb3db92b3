/* lots-upload.c — the upload of outcomes as git pushes (see the header).
 *
 * The local side is a bare repository, DATA_DIR/outcomes.git (beside the
 * sources' DATA_DIR/git/NAME, whose names a source could take). An upload:
 *
 *   1. stages every pending outcome into batches in the journal, durably;
 *   2. fetches the remote's cases/WS and builds on its commit;
 *   3. for each staged batch, adds cases/WS/BATCH.ndjson in a new commit —
 *      or, if the remote's tree holds that file already (an earlier upload
 *      was killed after the push, before the marking), marks it at once;
 *   4. pushes the branch without force (a remote that moved meanwhile
 *      rejects it: run again) and waits for the remote to confirm the ref;
 *   5. only then marks the batch's outcomes uploaded; then retention.
 *
 * Whatever step a kill or a failure interrupts, the next run finds the
 * same batches staged and either the remote without them (push again) or
 * with them (mark them): no outcome is lost or sent twice.
 *
 * One upload at a time per data directory (upload.lock, an flock the
 * kernel drops when the process dies); the holder clears the lock files a
 * killed libgit2 leaves in the bare repository. Inside this file libgit2's
 * idiom is kept, and its errors become a GError once, here.
 */
#define G_LOG_DOMAIN "lots-upload"

#include "config.h"

#include "lots-upload.h"

#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "lots-error.h"
#include "lots-paths.h"
#include "lots-source-config.h"
#include "lots-source-repository-private.h"
#include "lots-text.h"
#include "lots-workstation.h"

#define REPOSITORY_DIR "outcomes.git"
#define LOCK_FILE "upload.lock"
#define REMOTE_KEY "remote"
#define RETENTION_KEY "retention-months"
#define BRANCH_PREFIX "cases/"
#define TRACKING_PREFIX "refs/remotes/outcomes/"
/* Batches per push: a long-offline desk uploads in several pushes, so a
 * kill or a dropped connection costs at most one push's worth. */
#define BATCHES_PER_PUSH 10

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_remote, git_remote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree_entry, git_tree_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_blob, git_blob_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_reference, git_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_signature, git_signature_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_treebuilder, git_treebuilder_free)

typedef struct {
  git_repository *repo;
  git_remote *remote;
  char *url;
  char *workstation;
  char *branch;               /* cases/WS */
  char *local_ref;            /* refs/heads/cases/WS */
  guint credential_attempts;
  char *rejection;            /* the remote's word on a refused ref */
  gboolean confirmed;         /* the remote accepted local_ref */
  LotsUploadProgress progress;
  gpointer user_data;
} Upload;

typedef struct {
  char *url;
  guint retention_months;
} Settings;

/* ---- errors, settings and the lock ---------------------------------------- */

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

/* What a failed push means for the person: refused credentials and a
 * remote that answered "no" are failures (exit 1), a locked ref is a local
 * problem, anything else is a remote out of reach (exit 3). */
static LotsError
classify_push (int status)
{
  const git_error *last = git_error_last ();
  const char *message = last && last->message ? last->message : "";

  if (status == GIT_EAUTH || status == GIT_ECERTIFICATE)
    return LOTS_ERROR_REFUSED;
  if (status == GIT_ELOCKED)
    return LOTS_ERROR_IO;
  if (g_str_has_prefix (message, "remote error") || strstr (message, "unpack") != NULL ||
      (last != NULL && last->klass == GIT_ERROR_HTTP && strstr (message, "40") != NULL))
    return LOTS_ERROR_REFUSED;
  return LOTS_ERROR_OFFLINE;
}

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

static char *
config_filename (void)
{
  g_autofree char *dir = lots_paths_dup_data_dir ();

  return g_build_filename (dir, LOTS_WORKSTATION_CONFIG_FILE, NULL);
}

static gboolean
load_config (GKeyFile    *config,
             const char  *filename,
             GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (g_key_file_load_from_file (config, filename, G_KEY_FILE_KEEP_COMMENTS, &local) ||
      g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;
  g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "%s: %s (fix or remove the file)", filename,
               local->message);
  return FALSE;
}

/* Stores url as the outcomes remote in lots.conf, after the checks that
 * `source add` makes (a scheme libgit2 speaks, no secret in it). */
gboolean
lots_upload_set_remote (const char  *url,
                        GError     **error)
{
  g_autofree char *filename = config_filename ();
  g_autoptr(GKeyFile) config = g_key_file_new ();
  g_autoptr(LotsWorkstation) workstation = NULL;

  g_return_val_if_fail (url != NULL, FALSE);
  if (!lots_source_config_check_url (url, "the outcomes remote", error))
    return FALSE;
  /* The workstation id first: it creates lots.conf if need be, and the
   * branch name depends on it. */
  workstation = lots_workstation_load (error);
  if (workstation == NULL || !load_config (config, filename, error))
    return FALSE;
  g_key_file_set_string (config, LOTS_UPLOAD_GROUP, REMOTE_KEY, url);
  return g_key_file_save_to_file (config, filename, error);
}

static void
settings_clear (Settings *settings)
{
  g_clear_pointer (&settings->url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Settings, settings_clear)

static gboolean
load_settings (Settings  *settings,
               GError   **error)
{
  g_autofree char *filename = config_filename ();
  g_autoptr(GKeyFile) config = g_key_file_new ();
  g_autofree char *months = NULL;
  guint64 value = LOTS_UPLOAD_RETENTION_MONTHS;

  if (!load_config (config, filename, error))
    return FALSE;
  settings->url = g_key_file_get_string (config, LOTS_UPLOAD_GROUP, REMOTE_KEY, NULL);
  if (settings->url == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                   "no outcomes remote is configured: give it once with 'lotsctl upload --remote URL' "
                   "(or set %s in the [%s] group of %s)", REMOTE_KEY, LOTS_UPLOAD_GROUP, filename);
      return FALSE;
    }
  if (!lots_source_config_check_url (settings->url, filename, error))
    return FALSE;
  months = g_key_file_get_string (config, LOTS_UPLOAD_GROUP, RETENTION_KEY, NULL);
  if (months != NULL && (!g_ascii_string_to_unsigned (g_strstrip (months), 10, 1, 1200, &value, NULL)))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "%s: [%s] %s '%s': give a number of months, 1–1200",
                   filename, LOTS_UPLOAD_GROUP, RETENTION_KEY, months);
      return FALSE;
    }
  settings->retention_months = (guint) value;
  return TRUE;
}

/* The configured outcomes remote, or NULL with an error saying how to set it. */
char *
lots_upload_dup_remote (GError **error)
{
  g_auto(Settings) settings = { 0 };

  if (!load_settings (&settings, error))
    return NULL;
  return g_steal_pointer (&settings.url);
}

/* Waits up to LOTS_UPLOAD_LOCK_TIMEOUT_S for the data directory's upload
 * lock: two uploads at once (the app and lotsctl) would stage and push the
 * same batches. Separate from the sync lock: the two write different
 * repositories and an upload must not wait for a long sync. */
static int
take_lock (const char  *data_dir,
           GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, LOCK_FILE, NULL);
  gint64 deadline = g_get_monotonic_time () + (gint64) LOTS_UPLOAD_LOCK_TIMEOUT_S * G_USEC_PER_SEC;
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
                       "another upload is running (the app or lotsctl holds %s); try again when it is done", path);
          close (fd);
          return -1;
        }
      g_usleep (100 * 1000);
    }
  return fd;
}

static void
release_lock (int fd)
{
  if (fd >= 0)
    {
      flock (fd, LOCK_UN);
      close (fd);
    }
}

/* ---- the repository and the remote ----------------------------------------- */

static void
upload_clear (Upload *u)
{
  g_clear_pointer (&u->remote, git_remote_free);
  g_clear_pointer (&u->repo, git_repository_free);
  g_clear_pointer (&u->url, g_free);
  g_clear_pointer (&u->workstation, g_free);
  g_clear_pointer (&u->branch, g_free);
  g_clear_pointer (&u->local_ref, g_free);
  g_clear_pointer (&u->rejection, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Upload, upload_clear)

/* Opens (creating it) DATA_DIR/outcomes.git, clears the lock files of a
 * killed run (the caller holds the upload lock), and makes an anonymous
 * remote for url — without url.*.insteadOf rewriting, as sync does: the
 * URL is the one configured, and libgit2 1.5 leaks in that lookup. */
static gboolean
upload_open (Upload      *u,
             const char  *data_dir,
             const char  *url,
             GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, REPOSITORY_DIR, NULL);
  git_remote_create_options create = GIT_REMOTE_CREATE_OPTIONS_INIT;

  ensure_libgit2 ();
  if (git_repository_open_bare (&u->repo, path) != 0 && git_repository_init (&u->repo, path, 1) != 0)
    return git_fail (error, LOTS_ERROR_IO, path);
  _lots_git_clear_stale_locks (path);
  u->url = g_strdup (url);
  create.repository = u->repo;
  create.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC;
  if (git_remote_create_with_opts (&u->remote, url, &create) != 0)
    return git_fail (error, LOTS_ERROR_INVALID_ARGUMENT, url);
  return TRUE;
}

static int
on_credentials (git_credential **out,
                const char      *url,
                const char      *username_from_url,
                unsigned int     allowed_types,
                void            *payload)
{
  Upload *u = payload;

  return _lots_git_credentials (out, url, username_from_url, allowed_types, &u->credential_attempts);
}

static int
on_fetch_progress (const git_indexer_progress *stats,
                   void                       *payload)
{
  Upload *u = payload;

  if (u->progress != NULL)
    u->progress ("fetch", stats->received_objects, stats->total_objects, u->user_data);
  return 0;
}

/* Fetches the refs of refspec; then *heads lists what the remote has. */
static gboolean
fetch (Upload                 *u,
       const char             *refspec,
       const git_remote_head ***heads,
       size_t                 *n_heads,
       GError                **error)
{
  char *refspecs[] = { (char *) refspec };
  git_strarray specs = { refspecs, 1 };
  git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
  int status;

  options.callbacks.credentials = on_credentials;
  options.callbacks.transfer_progress = on_fetch_progress;
  options.callbacks.payload = u;
  options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
  if (u->progress != NULL)
    u->progress ("fetch", 0, 0, u->user_data);
  status = git_remote_fetch (u->remote, &specs, &options, NULL);
  /* As sync has it: refused credentials fail, anything else that stops a
   * fetch (a remote out of reach, or one that answers "no") is offline. */
  if (status == GIT_EAUTH || status == GIT_ECERTIFICATE)
    return git_fail (error, LOTS_ERROR_REFUSED, u->url);
  if (status == GIT_ELOCKED)
    return git_fail (error, LOTS_ERROR_IO, u->url);
  if (status != 0)
    return git_fail (error, LOTS_ERROR_OFFLINE, u->url);
  /* The list stays available after the fetch disconnected. */
  if (git_remote_ls (heads, n_heads, u->remote) != 0)
    return git_fail (error, LOTS_ERROR_OFFLINE, u->url);
  return TRUE;
}

/* Fetches the workstation's branch; *has_tip tells whether the remote has
 * it, and *tip is its commit. */
static gboolean
fetch_branch (Upload   *u,
              git_oid  *tip,
              gboolean *has_tip,
              GError  **error)
{
  g_autofree char *refspec = g_strdup_printf ("+%s:" TRACKING_PREFIX "%s", u->local_ref, u->branch);
  const git_remote_head **heads = NULL;
  size_t n_heads = 0;

  *has_tip = FALSE;
  if (!fetch (u, refspec, &heads, &n_heads, error))
    return FALSE;
  for (size_t i = 0; i < n_heads; i++)
    if (g_str_equal (heads[i]->name, u->local_ref))
      {
        git_oid_cpy (tip, &heads[i]->oid);
        *has_tip = TRUE;
      }
  return TRUE;
}

static int
on_push_update (const char *refname,
                const char *status,
                void       *data)
{
  Upload *u = data;

  if (!g_str_equal (refname, u->local_ref))
    return 0;
  if (status == NULL)
    u->confirmed = TRUE;
  else
    {
      g_free (u->rejection);
      u->rejection = g_strdup (status);
    }
  return 0;
}

static int
on_push_progress (unsigned int current,
                  unsigned int total,
                  size_t       bytes,
                  void        *payload)
{
  Upload *u = payload;

  (void) bytes;
  if (u->progress != NULL)
    u->progress ("push", current, total, u->user_data);
  return 0;
}

/* Points the local branch at tip and pushes it, without force; TRUE only
 * when the remote confirmed that its branch is now tip. */
static gboolean
push (Upload        *u,
      const git_oid *tip,
      GError       **error)
{
  g_autoptr(git_reference) local = NULL;
  g_autoptr(git_reference) tracking = NULL;
  g_autofree char *refspec = g_strdup_printf ("%s:%s", u->local_ref, u->local_ref);
  g_autofree char *tracking_ref = g_strconcat (TRACKING_PREFIX, u->branch, NULL);
  char *refspecs[] = { refspec };
  git_strarray specs = { refspecs, 1 };
  git_push_options options = GIT_PUSH_OPTIONS_INIT;
  int status;

  if (git_reference_create (&local, u->repo, u->local_ref, tip, 1, "upload: batches to push") != 0)
    return git_fail (error, LOTS_ERROR_IO, u->local_ref);
  u->confirmed = FALSE;
  g_clear_pointer (&u->rejection, g_free);
  options.callbacks.credentials = on_credentials;
  options.callbacks.push_update_reference = on_push_update;
  options.callbacks.push_transfer_progress = on_push_progress;
  options.callbacks.payload = u;
  status = git_remote_push (u->remote, &specs, &options);
  if (status != 0)
    return git_fail (error, classify_push (status), u->url);
  if (u->rejection != NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_REFUSED,
                   "%s: the remote refused %s: %s; the outcomes stay queued — if another upload changed the branch, "
                   "run the upload again", u->url, u->branch, u->rejection);
      return FALSE;
    }
  if (!u->confirmed)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_REFUSED,
                   "%s: the remote did not confirm %s; the outcomes stay queued", u->url, u->branch);
      return FALSE;
    }
  /* Only a record of what the remote has; the next fetch sets it anyway. */
  if (git_reference_create (&tracking, u->repo, tracking_ref, tip, 1, "upload: pushed") != 0)
    g_debug ("%s: %s", tracking_ref, git_error_last () ? git_error_last ()->message : "");
  return TRUE;
}

/* ---- batches as commits ------------------------------------------------------ */

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}

/* Appends the object built in b to out as one NDJSON line. */
static void
append_line (GString       *out,
             JsonGenerator *generator,
             JsonBuilder   *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *line = NULL;

  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);
  g_string_append (out, line);
  g_string_append_c (out, '\n');
}

/* One outcome as one NDJSON line: the fields of the case (times as Unix
 * seconds, the week as the journal computed it), nothing else — no
 * upload bookkeeping, and no caller identity, for the case holds none.
 * No "type" member: outcome lines are as they were before searches were
 * uploaded, and a line without one is an outcome. */
static void
append_case (GString        *out,
             JsonGenerator  *generator,
             const LotsCase *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "id", c->id);
  add_int (b, "started_at", c->started_at);
  add_int (b, "ended_at", c->ended_at);
  add_string (b, "week", c->week);
  add_string (b, "channel", c->channel);
  add_string (b, "lang", c->lang);
  add_string (b, "area", c->area);
  add_string (b, "category", c->category);
  add_string (b, "guide", c->guide);
  add_string (b, "guide_commit", c->guide_commit);
  json_builder_set_member_name (b, "path");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->path->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (c->path, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->articles->len; i++)
    {
      const LotsCaseArticle *article = g_ptr_array_index (c->articles, i);

      json_builder_begin_object (b);
      add_string (b, "id", article->id);
      add_string (b, "commit", article->commit);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_bool (b, "resolved", c->resolved);
  add_string (b, "referred_to", c->referred_to);
  add_bool (b, "acute", c->acute);
  add_string (b, "complaint_to", c->complaint_to);
  add_string (b, "note", c->note);
  add_string (b, "handler", c->handler);
  add_string (b, "workstation", c->workstation);
  json_builder_end_object (b);
  append_line (out, generator, b);
}

/* The lines of one batch: its outcomes', or its searches'. */
typedef struct {
  const char *id;
  const char *workstation;
  GPtrArray *cases;          /* LotsCase, in the order they were logged */
  guint n_searches;          /* searches that found nothing */
  GString *searches;         /* their NDJSON lines */
  JsonGenerator *generator;
} Batch;

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->cases, g_ptr_array_unref);
  if (batch->searches != NULL)
    g_string_free (g_steal_pointer (&batch->searches), TRUE);
  g_clear_object (&batch->generator);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

/* One search that found nothing as one NDJSON line, told from an outcome
 * by "type": its id (a UUID, so that the remote's copies count once), when
 * (Unix seconds), area (null: every area), language, the query as the
 * journal holds it (normalised and scrubbed), and the workstation. */
static void
append_search (const LotsEmptySearchRow *row,
               gpointer                  user_data)
{
  Batch *batch = user_data;
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "type", LOTS_UPLOAD_TYPE_EMPTY_SEARCH);
  add_string (b, "id", row->id);
  add_int (b, "at", row->at);
  add_string (b, "area", row->area);
  add_string (b, "lang", row->lang);
  add_string (b, "query", row->query);
  add_string (b, "workstation", batch->workstation);
  json_builder_end_object (b);
  append_line (batch->searches, batch->generator, b);
  batch->n_searches++;
}

/* Reads what the journal staged in batch id. */
static gboolean
batch_load (Batch        *batch,
            Upload       *u,
            LotsCaselog  *log,
            const char   *id,
            GError      **error)
{
  batch->id = id;
  batch->workstation = u->workstation;
  batch->searches = g_string_new (NULL);
  batch->generator = json_generator_new ();
  batch->cases = lots_caselog_list_batch (log, id, error);
  return batch->cases != NULL && lots_caselog_scan_batch_searches (log, id, append_search, batch, error);
}

/* The whole file of the batch: the outcomes' lines, then the searches'. */
static GString *
batch_text (Batch *batch)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < batch->cases->len; i++)
    append_case (text, batch->generator, g_ptr_array_index (batch->cases, i));
  g_string_append_len (text, batch->searches->str, (gssize) batch->searches->len);
  return text;
}

static char *
batch_message (Upload *u,
               Batch  *batch)
{
  if (batch->n_searches == 0)
    return g_strdup_printf ("Outcomes batch %s: %u from %s\n", batch->id, batch->cases->len, u->workstation);
  if (batch->cases->len == 0)
    return g_strdup_printf ("Searches that found nothing, batch %s: %u from %s\n", batch->id, batch->n_searches,
                            u->workstation);
  return g_strdup_printf ("Outcomes batch %s: %u and %u searches that found nothing from %s\n", batch->id,
                          batch->cases->len, batch->n_searches, u->workstation);
}

static char *
batch_path (Upload     *u,
            const char *batch)
{
  return g_strdup_printf ("%s%s/%s.ndjson", BRANCH_PREFIX, u->workstation, batch);
}

/* The tree of commit tip, or (without one) an empty tree. */
static git_tree *
base_tree (Upload        *u,
           const git_oid *tip,
           gboolean       has_tip)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_treebuilder) builder = NULL;
  git_tree *tree = NULL;
  git_oid empty;

  if (has_tip)
    {
      if (git_commit_lookup (&commit, u->repo, tip) != 0 || git_commit_tree (&tree, commit) != 0)
        return NULL;
      return tree;
    }
  if (git_treebuilder_new (&builder, u->repo, NULL) != 0 || git_treebuilder_write (&empty, builder) != 0 ||
      git_tree_lookup (&tree, u->repo, &empty) != 0)
    return NULL;
  return tree;
}

/* Adds batch's file on top of *tip in a new commit, which becomes *tip;
 * sets *already instead when *tip's tree holds the file. */
static gboolean
commit_batch (Upload     *u,
              Batch      *batch,
              git_oid    *tip,
              gboolean   *has_tip,
              gboolean   *already,
              GError    **error)
{
  g_autofree char *path = batch_path (u, batch->id);
  g_autoptr(git_tree) tree = base_tree (u, tip, *has_tip);
  g_autoptr(git_tree) new_tree = NULL;
  g_autoptr(git_tree_entry) existing = NULL;
  g_autoptr(git_signature) signature = NULL;
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *name = NULL, *email = NULL, *message = NULL;
  const git_commit *parents[1];
  git_tree_update update = { 0 };
  git_oid blob, tree_id, commit;

  if (tree == NULL)
    return git_fail (error, LOTS_ERROR_IO, "reading the outcomes branch");
  *already = git_tree_entry_bypath (&existing, tree, path) == 0;
  if (*already)
    return TRUE;
  text = batch_text (batch);
  update.action = GIT_TREE_UPDATE_UPSERT;
  update.filemode = GIT_FILEMODE_BLOB;
  update.path = path;
  /* The signature names the workstation, never the handler. */
  name = g_strconcat ("Lots ", u->workstation, NULL);
  email = g_strconcat (u->workstation, "@lots.invalid", NULL);
  message = batch_message (u, batch);
  if (git_blob_create_from_buffer (&blob, u->repo, text->str, text->len) != 0)
    return git_fail (error, LOTS_ERROR_IO, path);
  git_oid_cpy (&update.id, &blob);
  if (git_tree_create_updated (&tree_id, u->repo, tree, 1, &update) != 0 ||
      git_tree_lookup (&new_tree, u->repo, &tree_id) != 0 || git_signature_now (&signature, name, email) != 0)
    return git_fail (error, LOTS_ERROR_IO, path);
  if (*has_tip && git_commit_lookup (&parent, u->repo, tip) != 0)
    return git_fail (error, LOTS_ERROR_IO, "reading the outcomes branch");
  parents[0] = parent;
  if (git_commit_create (&commit, u->repo, NULL, signature, signature, NULL, message, new_tree, *has_tip ? 1 : 0,
                         parents) != 0)
    return git_fail (error, LOTS_ERROR_IO, path);
  git_oid_cpy (tip, &commit);
  *has_tip = TRUE;
  return TRUE;
}

static GPtrArray *
case_ids (GPtrArray *cases)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (ids, g_strdup (((LotsCase *) g_ptr_array_index (cases, i))->id));
  return ids;
}

/* Pushes one round of batches (from *next, at most BATCHES_PER_PUSH) and
 * marks them; marks at once those the remote holds already. Marking a
 * batch marks its searches too (lots_caselog_mark_uploaded). */
static gboolean
upload_round (Upload           *u,
              LotsCaselog      *log,
              GPtrArray        *batches,
              guint            *next,
              git_oid          *tip,
              gboolean         *has_tip,
              LotsUploadResult *result,
              GError          **error)
{
  g_autoptr(GPtrArray) to_mark = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) to_mark_batch = g_ptr_array_new ();
  guint outcomes = 0, searches = 0;

  for (guint n = 0; n < BATCHES_PER_PUSH && *next < batches->len; (*next)++)
    {
      const char *id = g_ptr_array_index (batches, *next);
      g_auto(Batch) batch = { 0 };
      gboolean already = FALSE;

      if (!batch_load (&batch, u, log, id, error) || !commit_batch (u, &batch, tip, has_tip, &already, error))
        return FALSE;
      if (already)
        {
          g_autoptr(GPtrArray) ids = case_ids (batch.cases);

          if (!lots_caselog_mark_uploaded (log, id, ids, error))
            return FALSE;
          result->batches_already++;
          result->outcomes_already += batch.cases->len;
          result->searches_already += batch.n_searches;
          continue;
        }
      g_ptr_array_add (to_mark, case_ids (batch.cases));
      g_ptr_array_add (to_mark_batch, (gpointer) id);
      outcomes += batch.cases->len;
      searches += batch.n_searches;
      n++;
    }
  if (to_mark->len == 0)
    return TRUE;
  if (!push (u, tip, error))
    return FALSE;
  for (guint i = 0; i < to_mark->len; i++)
    {
      if (u->progress != NULL)
        u->progress ("mark", i, to_mark->len, u->user_data);
      if (!lots_caselog_mark_uploaded (log, g_ptr_array_index (to_mark_batch, i), g_ptr_array_index (to_mark, i),
                                       error))
        return FALSE;
    }
  result->batches_pushed += to_mark->len;
  result->outcomes_uploaded += outcomes;
  result->searches_uploaded += searches;
  return TRUE;
}

static char *
oid_string (const git_oid *oid)
{
  char text[GIT_OID_HEXSZ + 1];

  git_oid_tostr (text, sizeof text, oid);
  return g_strdup (text);
}

static gboolean
upload_locked (const char         *data_dir,
               const Settings     *settings,
               const char         *workstation,
               LotsUploadProgress  progress,
               gpointer            user_data,
               LotsUploadResult   *result,
               GError            **error)
{
  g_auto(Upload) u = { 0 };
  g_autoptr(LotsCaselog) log = lots_caselog_open_default (error);
  g_autoptr(GPtrArray) batches = NULL;
  gboolean has_tip = FALSE;
  guint next = 0;
  git_oid tip;

  if (log == NULL)
    return FALSE;
  if (progress != NULL)
    progress ("stage", 0, 0, user_data);
  batches = lots_caselog_stage_pending (log, LOTS_UPLOAD_BATCH_SIZE, error);
  if (batches == NULL)
    return FALSE;
  /* Nothing queued: nothing to say to the remote either (and no reason to
   * fail when it is out of reach). */
  if (batches->len > 0)
    {
      u.workstation = g_strdup (workstation);
      u.branch = g_strconcat (BRANCH_PREFIX, workstation, NULL);
      u.local_ref = g_strconcat ("refs/heads/", u.branch, NULL);
      u.progress = progress;
      u.user_data = user_data;
      if (!upload_open (&u, data_dir, settings->url, error) || !fetch_branch (&u, &tip, &has_tip, error))
        return FALSE;
      while (next < batches->len)
        if (!upload_round (&u, log, batches, &next, &tip, &has_tip, result, error))
          return FALSE;
      if (has_tip)
        result->commit = oid_string (&tip);
    }
  return lots_caselog_remove_uploaded_before (log, settings->retention_months, &result->removed, error);
}

/* Uploads every outcome and every search that found nothing not uploaded
 * yet to the configured remote's cases/WORKSTATION branch, then removes
 * uploaded ones older than the retention period. result (cleared first)
 * says what happened. */
gboolean
lots_upload_run (LotsUploadProgress  progress,
                 gpointer            user_data,
                 LotsUploadResult   *result,
                 GError            **error)
{
  g_autofree char *data_dir = lots_paths_dup_data_dir ();
  g_auto(Settings) settings = { 0 };
  g_autoptr(LotsWorkstation) workstation = NULL;
  gboolean ok;
  int lock;

  g_return_val_if_fail (result != NULL, FALSE);
  lots_upload_result_clear (result);
  if (!load_settings (&settings, error) || (workstation = lots_workstation_load (error)) == NULL)
    return FALSE;
  result->branch = g_strconcat (BRANCH_PREFIX, workstation->workstation_id, NULL);
  lock = take_lock (data_dir, error);
  if (lock < 0)
    return FALSE;
  ok = upload_locked (data_dir, &settings, workstation->workstation_id, progress, user_data, result, error);
  release_lock (lock);
  return ok;
}

void
lots_upload_result_clear (LotsUploadResult *result)
{
  if (result == NULL)
    return;
  g_free (result->branch);
  g_free (result->commit);
  memset (result, 0, sizeof *result);
}

/* ---- reading every branch back -------------------------------------------- */

typedef struct {
  Upload *u;
  gint64 since;
  LotsCaseRowFunc func;
  LotsEmptySearchRowFunc search_func;
  gpointer user_data;
  LotsUploadScan *scan;
  GHashTable *seen;          /* outcome ids passed on */
  GHashTable *seen_searches; /* search ids passed on */
  JsonParser *parser;
  GString *path;             /* the row's path, reused */
} Scan;

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : NULL;
}

/* Whether an id was seen before; remembers it if not. */
static gboolean
seen_before (Scan       *s,
             GHashTable *seen,
             const char *id)
{
  if (g_hash_table_contains (seen, id))
    {
      s->scan->duplicates++;
      return TRUE;
    }
  g_hash_table_add (seen, g_strdup (id));
  return FALSE;
}

/* Whether query is one the journal could have written: not empty, within
 * the journal's length, no control characters (the journal turns them into
 * spaces). Anything else would only come from a hand-edited file. */
static gboolean
is_journal_query (const char *query)
{
  if (query == NULL || query[0] == '\0' || !g_utf8_validate (query, -1, NULL) ||
      g_utf8_strlen (query, -1) > LOTS_CASELOG_QUERY_MAX_CHARS)
    return FALSE;
  for (const char *p = query; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* A line of type empty_search to search_func, once per search id. */
static void
scan_search (Scan       *s,
             JsonObject *object)
{
  LotsEmptySearchRow row = { 0 };
  JsonNode *area = json_object_get_member (object, "area");
  gboolean area_ok;

  row.id = member_string (object, "id");
  row.query = member_string (object, "query");
  row.lang = member_string (object, "lang");
  row.area = member_string (object, "area");
  /* No area, or null: searched in every area. */
  area_ok = row.area != NULL ? lots_text_is_slug (row.area) : area == NULL || JSON_NODE_HOLDS_NULL (area);
  if (row.id == NULL || !json_object_has_member (object, "at") || !is_journal_query (row.query) || !area_ok ||
      (row.lang != NULL && !lots_text_is_lang (row.lang)))
    {
      s->scan->skipped++;
      return;
    }
  if (seen_before (s, s->seen_searches, row.id))
    return;
  row.at = json_object_get_int_member_with_default (object, "at", 0);
  if (row.lang == NULL)
    row.lang = "sv";
  if (row.at < s->since)
    return;
  s->scan->searches++;
  if (s->search_func != NULL)
    s->search_func (&row, s->user_data);
}

/* One NDJSON line to the report, once per outcome or search id. A line
 * without "type" is an outcome (as every line was before searches were
 * uploaded); one of a type this version does not know is skipped. */
static void
scan_line (Scan       *s,
           const char *line,
           gsize       length)
{
  JsonObject *object;
  JsonArray *steps;
  LotsCaseRow row = { 0 };
  const char *id, *type;

  if (!json_parser_load_from_data (s->parser, line, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (s->parser)))
    {
      s->scan->skipped++;
      return;
    }
  object = json_node_get_object (json_parser_get_root (s->parser));
  type = member_string (object, "type");
  if (g_strcmp0 (type, LOTS_UPLOAD_TYPE_EMPTY_SEARCH) == 0)
    {
      scan_search (s, object);
      return;
    }
  if (type != NULL || json_object_has_member (object, "type"))
    {
      s->scan->skipped++;
      return;
    }
  id = member_string (object, "id");
  row.week = member_string (object, "week");
  row.channel = member_string (object, "channel");
  row.area = member_string (object, "area");
  if (id == NULL || row.week == NULL || row.channel == NULL || row.area == NULL)
    {
      s->scan->skipped++;
      return;
    }
  if (seen_before (s, s->seen, id))
    return;
  row.started_at = json_object_get_int_member_with_default (object, "started_at", 0);
  if (row.started_at < s->since)
    return;
  row.guide = member_string (object, "guide");
  row.referred_to = member_string (object, "referred_to");
  row.complaint_to = member_string (object, "complaint_to");
  row.resolved = json_object_get_boolean_member_with_default (object, "resolved", FALSE);
  row.acute = json_object_get_boolean_member_with_default (object, "acute", FALSE);
  g_string_truncate (s->path, 0);
  steps = json_object_has_member (object, "path") ? json_object_get_array_member (object, "path") : NULL;
  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    {
      const char *step = json_array_get_string_element (steps, i);

      if (step == NULL)
        continue;
      if (s->path->len > 0)
        g_string_append_c (s->path, ',');
      g_string_append (s->path, step);
    }
  row.path = s->path->str;
  s->scan->outcomes++;
  s->func (&row, s->user_data);
}

static int
on_scan_entry (const char           *root,
               const git_tree_entry *entry,
               void                 *payload)
{
  Scan *s = payload;
  g_autoptr(git_blob) blob = NULL;
  const char *text, *end;

  if (git_tree_entry_type (entry) != GIT_OBJECT_BLOB || !g_str_has_suffix (git_tree_entry_name (entry), ".ndjson") ||
      !g_str_has_prefix (root, BRANCH_PREFIX))
    return 0;
  if (git_blob_lookup (&blob, s->u->repo, git_tree_entry_id (entry)) != 0)
    return -1;
  s->scan->batches++;
  text = git_blob_rawcontent (blob);
  end = text + git_blob_rawsize (blob);
  while (text < end)
    {
      const char *newline = memchr (text, '\n', (gsize) (end - text));
      const char *line_end = newline != NULL ? newline : end;

      if (line_end > text)
        scan_line (s, text, (gsize) (line_end - text));
      text = line_end + 1;
    }
  return 0;
}

static gboolean
scan_branches (Upload                  *u,
               const git_remote_head  **heads,
               size_t                   n_heads,
               Scan                    *s,
               GError                 **error)
{
  for (size_t i = 0; i < n_heads; i++)
    {
      g_autoptr(git_commit) commit = NULL;
      g_autoptr(git_tree) tree = NULL;

      if (!g_str_has_prefix (heads[i]->name, "refs/heads/" BRANCH_PREFIX))
        continue;
      if (git_commit_lookup (&commit, u->repo, &heads[i]->oid) != 0 || git_commit_tree (&tree, commit) != 0 ||
          git_tree_walk (tree, GIT_TREEWALK_PRE, on_scan_entry, s) != 0)
        return git_fail (error, LOTS_ERROR_IO, heads[i]->name);
      s->scan->branches++;
    }
  return TRUE;
}

static gboolean
scan_locked (const char      *data_dir,
             const char      *url,
             Scan            *s,
             GError         **error)
{
  const git_remote_head **heads = NULL;
  size_t n_heads = 0;

  if (!upload_open (s->u, data_dir, url, error) ||
      !fetch (s->u, "+refs/heads/" BRANCH_PREFIX "*:" TRACKING_PREFIX BRANCH_PREFIX "*", &heads, &n_heads, error))
    return FALSE;
  return scan_branches (s->u, heads, n_heads, s, error);
}

/* Fetches every branch cases/WS of the outcomes remote and calls func for
 * each outcome in their batch files that started at or after since, and
 * search_func (may be NULL) for each search that found nothing recorded
 * at or after since: once per id however many copies the branches hold.
 * scan (may be NULL) gets the counts. */
gboolean
lots_upload_scan_remote_full (gint64                  since,
                              LotsCaseRowFunc         func,
                              LotsEmptySearchRowFunc  search_func,
                              gpointer                user_data,
                              LotsUploadScan         *scan,
                              GError                **error)
{
  g_autofree char *data_dir = lots_paths_dup_data_dir ();
  g_auto(Settings) settings = { 0 };
  g_auto(Upload) u = { 0 };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_searches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) path = g_string_new (NULL);
  LotsUploadScan counts = { 0 };
  Scan s = { &u, since, func, search_func, user_data, &counts, seen, seen_searches, parser, path };
  gboolean ok;
  int lock;

  g_return_val_if_fail (func != NULL, FALSE);
  if (!load_settings (&settings, error))
    return FALSE;
  lock = take_lock (data_dir, error);
  if (lock < 0)
    return FALSE;
  ok = scan_locked (data_dir, settings.url, &s, error);
  release_lock (lock);
  if (ok && scan != NULL)
    *scan = counts;
  return ok;
}

/* lots_upload_scan_remote_full without the searches: the outcomes only. */
gboolean
lots_upload_scan_remote (gint64            since,
                         LotsCaseRowFunc   func,
                         gpointer          user_data,
                         LotsUploadScan   *scan,
                         GError          **error)
{
  return lots_upload_scan_remote_full (since, func, NULL, user_data, scan, error);
}

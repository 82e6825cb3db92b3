/* lots-background.c — sync and upload, in the background, with backoff.
 *
 * The network only brings updates and takes the log away (DESIGN.md): the
 * handler never waits for it. Sync and upload each run in a GTask thread
 * with the same core calls `lotsctl sync` and `lotsctl upload` make, so the
 * app and the command line share their locks and their guarantees (a
 * quarantined commit never reaches a handler; an outcome is marked uploaded
 * only after the push is confirmed). This object only schedules them and
 * tells the window how they went, through properties and two signals:
 *
 *  - "sync-finished" (guint n_accepted): after every sync; n_accepted is the
 *    number of sources whose new commit was accepted, i.e. new guidance;
 *  - "upload-finished" (guint n_uploaded).
 *
 * A sync runs now and then every sync interval. An upload runs when asked
 * (after a case is logged) and when outcomes wait; a failed upload (offline,
 * refused) is retried after 30 s, doubling up to 30 min, and an offline
 * sync sets :offline until a sync or upload reaches its remote again.
 * Without an outcomes remote configured, the outcomes simply wait: that is
 * a state of the workstation, not an error to retry.
 */
#define G_LOG_DOMAIN "lots-background"

#include "config.h"

#include "lots-background.h"

#include "lots-builtin.h"
#include "lots-caselog.h"
#include "lots-error.h"
#include "lots-paths.h"
#include "lots-source-config.h"
#include "lots-upload.h"

#define DEFAULT_BACKOFF_FIRST_S 30
#define DEFAULT_BACKOFF_CAP_S   (30 * 60)

struct _LotsBackground
{
  GObject parent_instance;

  char *data_dir;
  GCancellable *cancellable;

  guint sync_interval;
  guint sync_timeout;
  guint upload_timeout;
  gboolean syncing;
  gboolean sync_again;          /* "Sync now" while a sync ran */
  gboolean uploading;
  gboolean upload_again;
  gboolean offline;
  gint64 last_sync;
  guint pending;
  GPtrArray *sync_results;
  char *upload_error;
  guint backoff_first;
  guint backoff_cap;
  guint retry_delay;            /* 0: no retry scheduled */

  /* Sync progress, written by the worker under the lock. */
  GMutex progress_mutex;
  char *progress_text;
  double progress;
  guint progress_idle;
};

enum {
  PROP_0,
  PROP_SYNCING,
  PROP_UPLOADING,
  PROP_OFFLINE,
  PROP_LAST_SYNC,
  PROP_PENDING,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  SIGNAL_SYNC_FINISHED,
  SIGNAL_UPLOAD_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LotsBackground, lots_background, G_TYPE_OBJECT)

static void start_sync (LotsBackground *self);
static void start_upload (LotsBackground *self);

/* --- sync ---------------------------------------------------------------- */

static gboolean
notify_progress_idle (gpointer user_data)
{
  LotsBackground *self = user_data;

  g_mutex_lock (&self->progress_mutex);
  self->progress_idle = 0;
  g_mutex_unlock (&self->progress_mutex);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread: keeps the newest stage and wakes the main
 * thread at most once per main-loop turn. */
static void
on_sync_progress (const char *source,
                  const char *stage,
                  guint       done,
                  guint       total,
                  gsize       bytes,
                  gpointer    user_data)
{
  LotsBackground *self = user_data;

  g_mutex_lock (&self->progress_mutex);
  g_free (self->progress_text);
  self->progress_text = g_strdup_printf ("%s: %s", source, stage);
  self->progress = total > 0 ? (double) done / total : 0.0;
  if (self->progress_idle == 0)
    self->progress_idle = g_idle_add_full (G_PRIORITY_DEFAULT, notify_progress_idle,
                                           g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->progress_mutex);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LotsBackground *self = source_object;
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(GPtrArray) known_areas = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_sync_result_free);
  g_autoptr(LotsIndex) index = NULL;
  GError *error = NULL;
  int lock;

  configs = lots_source_config_load (self->data_dir, &error);
  if (configs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (configs->len == 0)
    {
      g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  known_areas = lots_builtin_areas (&error);
  if (known_areas == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  lock = lots_sync_lock (self->data_dir, LOTS_SYNC_LOCK_TIMEOUT_S, &error);
  if (lock < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  index = lots_builtin_open_index (&error);
  if (index == NULL)
    {
      lots_sync_unlock (lock);
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < configs->len && !g_cancellable_is_cancelled (cancellable); i++)
    g_ptr_array_add (results, lots_sync_source (g_ptr_array_index (configs, i), self->data_dir,
                                                index, known_areas, on_sync_progress, self));
  lots_sync_unlock (lock);
  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
on_sync_timeout (gpointer user_data)
{
  start_sync (user_data);
  return G_SOURCE_CONTINUE;
}

static void
sync_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LotsBackground *self = LOTS_BACKGROUND (object);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint n_accepted = 0;
  gboolean offline = FALSE, any_reached = FALSE;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->syncing = FALSE;
  g_mutex_lock (&self->progress_mutex);
  g_clear_pointer (&self->progress_text, g_free);
  self->progress = 0.0;
  g_mutex_unlock (&self->progress_mutex);

  if (results == NULL)
    {
      /* Another process syncing holds the lock, or the configuration is
       * unreadable: shown as a failed source-less result. */
      LotsSyncResult *failed = g_new0 (LotsSyncResult, 1);

      g_warning ("sync: %s", error->message);
      failed->status = LOTS_SYNC_FAILED;
      failed->name = g_strdup ("");
      failed->message = g_strdup (error->message);
      failed->reasons = g_ptr_array_new_with_free_func (g_free);
      results = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_sync_result_free);
      g_ptr_array_add (results, failed);
    }
  for (guint i = 0; i < results->len; i++)
    {
      const LotsSyncResult *r = g_ptr_array_index (results, i);

      if (r->status == LOTS_SYNC_ACCEPTED)
        n_accepted++;
      if (r->status == LOTS_SYNC_OFFLINE)
        offline = TRUE;
      else if (r->status != LOTS_SYNC_FAILED)
        any_reached = TRUE;
    }
  g_clear_pointer (&self->sync_results, g_ptr_array_unref);
  self->sync_results = g_steal_pointer (&results);
  self->last_sync = g_get_real_time () / G_USEC_PER_SEC;
  if (offline != self->offline && (offline ? !any_reached : TRUE))
    {
      self->offline = offline && !any_reached;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
    }

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[SIGNAL_SYNC_FINISHED], 0, n_accepted);

  if (self->sync_again)
    {
      self->sync_again = FALSE;
      start_sync (self);
    }
}

static void
start_sync (LotsBackground *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->syncing)
    {
      self->sync_again = TRUE;
      return;
    }
  self->syncing = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);

  task = g_task_new (self, self->cancellable, sync_done, NULL);
  g_task_set_source_tag (task, start_sync);
  g_task_set_name (task, "[lots] sync");
  g_task_run_in_thread (task, sync_thread);
}

/* --- upload -------------------------------------------------------------- */

typedef struct {
  gboolean configured;
  LotsUploadResult result;
  guint pending;
} UploadOutcome;

static void
upload_outcome_free (UploadOutcome *outcome)
{
  lots_upload_result_clear (&outcome->result);
  g_free (outcome);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UploadOutcome, upload_outcome_free)

/* The outcomes not uploaded yet. The journal is opened for this count
 * only: the log is written by the outcome sheet and by lotsctl too. */
static gboolean
count_pending (guint   *pending,
               GError **error)
{
  g_autoptr(LotsCaselog) log = lots_caselog_open_default (error);
  g_autoptr(GPtrArray) cases = NULL;

  if (log == NULL)
    return FALSE;
  cases = lots_caselog_list_pending (log, G_MAXINT, error);
  if (cases == NULL)
    return FALSE;
  *pending = cases->len;
  return TRUE;
}

static void
upload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(UploadOutcome) outcome = g_new0 (UploadOutcome, 1);
  g_autofree char *remote = NULL;
  GError *error = NULL;

  if (GPOINTER_TO_INT (task_data))   /* only count */
    {
      if (!count_pending (&outcome->pending, &error))
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, g_steal_pointer (&outcome), (GDestroyNotify) upload_outcome_free);
      return;
    }
  remote = lots_upload_dup_remote (NULL);
  outcome->configured = remote != NULL;
  if (outcome->configured && !lots_upload_run (NULL, NULL, &outcome->result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!count_pending (&outcome->pending, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&outcome), (GDestroyNotify) upload_outcome_free);
}

static gboolean
on_upload_timeout (gpointer user_data)
{
  LotsBackground *self = user_data;

  self->upload_timeout = 0;
  start_upload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_upload (LotsBackground *self,
                 guint           seconds)
{
  g_clear_handle_id (&self->upload_timeout, g_source_remove);
  self->upload_timeout = g_timeout_add_seconds (seconds, on_upload_timeout, self);
}

static void
set_pending (LotsBackground *self,
             guint           pending)
{
  if (self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
upload_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LotsBackground *self = LOTS_BACKGROUND (object);
  g_autoptr(UploadOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  gboolean count_only = GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result)));

  outcome = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!count_only)
    {
      self->uploading = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPLOADING]);
    }

  if (outcome == NULL)
    {
      /* Nothing is lost: the outcomes stay queued. Offline and refused
       * pushes are retried with backoff; so is a busy lock. */
      g_clear_pointer (&self->upload_error, g_free);
      self->upload_error = g_strdup (error->message);
      if (!count_only)
        {
          self->retry_delay = self->retry_delay == 0 ? self->backoff_first
                                                     : MIN (self->retry_delay * 2, self->backoff_cap);
          g_debug ("upload failed (%s); retrying in %u s", error->message, self->retry_delay);
          schedule_upload (self, self->retry_delay);
          if (g_error_matches (error, LOTS_ERROR, LOTS_ERROR_OFFLINE) && !self->offline)
            {
              self->offline = TRUE;
              g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
            }
        }
      return;
    }

  set_pending (self, outcome->pending);
  if (count_only)
    return;
  g_clear_pointer (&self->upload_error, g_free);
  self->retry_delay = 0;
  if (outcome->configured && self->offline)
    {
      self->offline = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
    }
  g_signal_emit (self, signals[SIGNAL_UPLOAD_FINISHED], 0, outcome->result.outcomes_uploaded);
  if (self->upload_again)
    {
      self->upload_again = FALSE;
      start_upload (self);
    }
}

static void
run_upload_task (LotsBackground *self,
                 gboolean        count_only)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, upload_done, NULL);

  g_task_set_source_tag (task, start_upload);
  g_task_set_name (task, count_only ? "[lots] count pending outcomes" : "[lots] upload");
  g_task_set_task_data (task, GINT_TO_POINTER (count_only), NULL);
  g_task_run_in_thread (task, upload_thread);
}

static void
start_upload (LotsBackground *self)
{
  if (self->uploading)
    {
      self->upload_again = TRUE;
      return;
    }
  g_clear_handle_id (&self->upload_timeout, g_source_remove);
  self->uploading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPLOADING]);
  run_upload_task (self, FALSE);
}

/* --- GObject ------------------------------------------------------------- */

static void
lots_background_dispose (GObject *object)
{
  LotsBackground *self = LOTS_BACKGROUND (object);

  lots_background_stop (self);

  G_OBJECT_CLASS (lots_background_parent_class)->dispose (object);
}

static void
lots_background_finalize (GObject *object)
{
  LotsBackground *self = LOTS_BACKGROUND (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sync_results, g_ptr_array_unref);
  g_free (self->upload_error);
  g_free (self->progress_text);
  g_free (self->data_dir);
  g_mutex_clear (&self->progress_mutex);

  G_OBJECT_CLASS (lots_background_parent_class)->finalize (object);
}

static void
lots_background_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LotsBackground *self = LOTS_BACKGROUND (object);

  switch (prop_id)
    {
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    case PROP_UPLOADING:
      g_value_set_boolean (value, self->uploading);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, lots_background_get_progress (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_background_class_init (LotsBackgroundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lots_background_dispose;
  object_class->finalize = lots_background_finalize;
  object_class->get_property = lots_background_get_property;

  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPLOADING] =
    g_param_spec_boolean ("uploading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SYNC_FINISHED] =
    g_signal_new ("sync-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_UPLOAD_FINISHED] =
    g_signal_new ("upload-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
lots_background_init (LotsBackground *self)
{
  g_mutex_init (&self->progress_mutex);
  self->cancellable = g_cancellable_new ();
  self->backoff_first = DEFAULT_BACKOFF_FIRST_S;
  self->backoff_cap = DEFAULT_BACKOFF_CAP_S;
}

/* --- public API ---------------------------------------------------------- */

void
lots_background_start (LotsBackground *self,
                       guint           sync_interval)
{
  g_return_if_fail (LOTS_IS_BACKGROUND (self));

  self->sync_interval = sync_interval;
  g_clear_handle_id (&self->sync_timeout, g_source_remove);
  if (sync_interval > 0)
    self->sync_timeout = g_timeout_add_seconds (sync_interval, on_sync_timeout, self);
  start_sync (self);
  start_upload (self);
}

void
lots_background_stop (LotsBackground *self)
{
  g_return_if_fail (LOTS_IS_BACKGROUND (self));

  /* A sync or upload under way finishes in its thread (the core keeps its
   * own guarantees when interrupted); its answer is dropped. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->sync_timeout, g_source_remove);
  g_clear_handle_id (&self->upload_timeout, g_source_remove);
}

void
lots_background_sync_now (LotsBackground *self)
{
  g_return_if_fail (LOTS_IS_BACKGROUND (self));

  start_sync (self);
}

void
lots_background_upload_soon (LotsBackground *self)
{
  g_return_if_fail (LOTS_IS_BACKGROUND (self));

  /* A retry already scheduled keeps its backoff: a remote that refuses
   * is not asked again at every case. */
  if (self->retry_delay > 0 && self->upload_timeout != 0)
    {
      run_upload_task (self, TRUE);
      return;
    }
  start_upload (self);
}

void
lots_background_refresh_pending (LotsBackground *self)
{
  g_return_if_fail (LOTS_IS_BACKGROUND (self));

  run_upload_task (self, TRUE);
}

gboolean
lots_background_get_syncing (LotsBackground *self)
{
  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), FALSE);
  return self->syncing;
}

gboolean
lots_background_get_uploading (LotsBackground *self)
{
  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), FALSE);
  return self->uploading;
}

gboolean
lots_background_get_offline (LotsBackground *self)
{
  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), FALSE);
  return self->offline;
}

gint64
lots_background_get_last_sync (LotsBackground *self)
{
  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), 0);
  return self->last_sync;
}

guint
lots_background_get_pending (LotsBackground *self)
{
  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), 0);
  return self->pending;
}

GPtrArray *
lots_background_get_sync_results (LotsBackground *self)
{
  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), NULL);
  return self->sync_results;
}

const char *
lots_background_get_upload_error (LotsBackground *self)
{
  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), NULL);
  return self->upload_error;
}

char *
lots_background_dup_progress_text (LotsBackground *self)
{
  char *text;

  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), NULL);
  g_mutex_lock (&self->progress_mutex);
  text = g_strdup (self->progress_text);
  g_mutex_unlock (&self->progress_mutex);
  return text;
}

double
lots_background_get_progress (LotsBackground *self)
{
  double progress;

  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), 0.0);
  g_mutex_lock (&self->progress_mutex);
  progress = self->progress;
  g_mutex_unlock (&self->progress_mutex);
  return progress;
}

void
lots_background_set_backoff (LotsBackground *self,
                             guint           first,
                             guint           cap)
{
  g_return_if_fail (LOTS_IS_BACKGROUND (self));
  g_return_if_fail (first > 0 && cap >= first);

  self->backoff_first = first;
  self->backoff_cap = cap;
}

guint
lots_background_get_retry_delay (LotsBackground *self)
{
  g_return_val_if_fail (LOTS_IS_BACKGROUND (self), 0);
  return self->retry_delay;
}

LotsBackground *
lots_background_new (const char *data_dir)
{
  LotsBackground *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (LOTS_TYPE_BACKGROUND, NULL);
  self->data_dir = g_strdup (data_dir);
  return self;
}

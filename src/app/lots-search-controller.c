/* lots-search-controller.c — searches and article reads off the main loop.
 *
 * A handler types while talking; each keystroke asks for a search, and the
 * window must never wait for one (DESIGN.md: "The UI never blocks"). One
 * worker thread owns its own connection to the index (a SQLite connection
 * is used by one thread at a time, and the tokenizer's Hunspell is loaded
 * once per connection, so it is opened once, not per query). Requests go
 * through two slots under one mutex:
 *
 *  - the search slot holds at most one search: a new keystroke replaces the
 *    waiting one, which ends cancelled without being run, and cancels the
 *    one being run, whose answer is then dropped by GTask's cancellable
 *    check. Only the answer to the newest keystroke reaches the window;
 *  - article reads queue and go first, since the handler is waiting on the
 *    one they opened.
 *
 * The window may give the newest search a few milliseconds, less than a
 * frame, before it paints the keystroke (lots_search_controller_wait()):
 * an answer that comes in time is then drawn in the same frame as the
 * letter typed, instead of one frame after it. A slower one is drawn when
 * it comes, and the window never waits longer than it said.
 *
 * The index is written by other connections (the start-up indexing, sync):
 * SQLite's WAL lets this one read meanwhile, and the index reloads what it
 * caches when PRAGMA data_version says another connection wrote.
 */
#define G_LOG_DOMAIN "lots-search-controller"

#include "config.h"

#include "lots-search-controller.h"

struct _LotsSearchController
{
  GObject parent_instance;

  char *index_filename;
  GThread *thread;              /* started with the first request */

  GMutex mutex;
  GCond cond;
  GTask *search;                /* the waiting search, or NULL */
  GQueue fetches;               /* GTask: waiting article reads */
  gboolean stopping;
  guint64 submitted;            /* the newest search's number */
  guint64 answered;             /* the number of the last search answered */
  GCond answered_cond;
  GCancellable *current;        /* the newest search's, main thread only */
};

G_DEFINE_FINAL_TYPE (LotsSearchController, lots_search_controller, G_TYPE_OBJECT)

typedef struct {
  char *query;
  char *area;
  char *boost_area;
  char *lang;
  guint64 number;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->query);
  g_free (data->area);
  g_free (data->boost_area);
  g_free (data->lang);
  g_free (data);
}

typedef struct {
  char *id;
  char *lang;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->id);
  g_free (data->lang);
  g_free (data);
}

void
lots_fetched_article_free (LotsFetchedArticle *fetched)
{
  if (fetched == NULL)
    return;
  lots_article_free (fetched->article);
  g_free (fetched->source_id);
  g_free (fetched->revision);
  g_strfreev (fetched->other_langs);
  g_free (fetched);
}

static void
run_search (LotsIndex *index,
            GTask     *task)
{
  SearchData *data = g_task_get_task_data (task);
  LotsSearchOptions options = {
    .lang = data->lang,
    .area = data->area,
    .boost_area = data->boost_area,
    .limit = 20,
    /* Characters a snippet never holds: the result row turns them into
     * markup after escaping the text. */
    .mark_open = "\x02",
    .mark_close = "\x03",
  };
  GError *error = NULL;
  LotsSearchResult *result;

  result = lots_index_search (index, data->query, &options, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) lots_search_result_free);
}

static void
run_fetch (LotsIndex *index,
           GTask     *task)
{
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(LotsFetchedArticle) fetched = g_new0 (LotsFetchedArticle, 1);
  GError *error = NULL;

  fetched->article = lots_index_get_article (index, data->id, data->lang,
                                             &fetched->source_id, &fetched->revision,
                                             &fetched->other_langs, &error);
  if (fetched->article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&fetched), (GDestroyNotify) lots_fetched_article_free);
}

/* The worker: opens the index at its first request, then serves requests
 * until the controller is disposed. A failed open is answered to each
 * request (the file may appear later: the next request tries again). */
static gpointer
worker (gpointer user_data)
{
  LotsSearchController *self = user_data;
  g_autoptr(LotsIndex) index = NULL;

  for (;;)
    {
      g_autoptr(GTask) task = NULL;
      g_autoptr(GError) error = NULL;

      g_mutex_lock (&self->mutex);
      while (!self->stopping && self->search == NULL && g_queue_is_empty (&self->fetches))
        g_cond_wait (&self->cond, &self->mutex);
      if (self->stopping)
        {
          g_mutex_unlock (&self->mutex);
          break;
        }
      task = g_queue_pop_head (&self->fetches);
      if (task == NULL)
        task = g_steal_pointer (&self->search);
      g_mutex_unlock (&self->mutex);

      if (g_task_return_error_if_cancelled (task))
        continue;
      if (index == NULL && (index = lots_index_open (self->index_filename, &error)) == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          if (g_task_get_source_tag (task) == lots_search_controller_search_async)
            {
              g_mutex_lock (&self->mutex);
              self->answered = MAX (self->answered, ((SearchData *) g_task_get_task_data (task))->number);
              g_cond_broadcast (&self->answered_cond);
              g_mutex_unlock (&self->mutex);
            }
          continue;
        }
      if (g_task_get_source_tag (task) == lots_search_controller_prepare)
        {
          if (!lots_index_prepare (index, g_task_get_task_data (task), &error))
            g_task_return_error (task, g_steal_pointer (&error));
          else
            g_task_return_boolean (task, TRUE);
        }
      else if (g_task_get_source_tag (task) == lots_search_controller_search_async)
        {
          SearchData *data = g_task_get_task_data (task);

          /* Answered first (the answer's callback is queued on the main
           * loop), then said: a waiting window finds it queued. */
          run_search (index, task);
          g_mutex_lock (&self->mutex);
          self->answered = MAX (self->answered, data->number);
          g_cond_broadcast (&self->answered_cond);
          g_mutex_unlock (&self->mutex);
        }
      else
        run_fetch (index, task);
    }
  return NULL;
}

static void
submit (LotsSearchController *self,
        GTask                *task,
        gboolean              is_search)
{
  g_autoptr(GTask) replaced = NULL;

  g_mutex_lock (&self->mutex);
  if (self->thread == NULL)
    self->thread = g_thread_new ("lots-search", worker, self);
  if (is_search)
    {
      replaced = g_steal_pointer (&self->search);
      self->search = g_object_ref (task);
      ((SearchData *) g_task_get_task_data (task))->number = ++self->submitted;
    }
  else
    g_queue_push_tail (&self->fetches, g_object_ref (task));
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  /* Its cancellable is cancelled already: it ends as cancelled. */
  if (replaced != NULL)
    g_task_return_error_if_cancelled (replaced);
}

static void
lots_search_controller_dispose (GObject *object)
{
  LotsSearchController *self = LOTS_SEARCH_CONTROLLER (object);

  if (self->current != NULL)
    g_cancellable_cancel (self->current);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (lots_search_controller_parent_class)->dispose (object);
}

static void
lots_search_controller_finalize (GObject *object)
{
  LotsSearchController *self = LOTS_SEARCH_CONTROLLER (object);

  /* Tasks hold no reference to the controller (their source object is
   * NULL), so the last reference is always dropped here on the main
   * thread, never by the worker finishing a task: joining it is safe. A
   * request it is running ends first; the waiting ones end cancelled. */
  GTask *task;

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  if (self->thread != NULL)
    g_thread_join (self->thread);

  if (self->search != NULL)
    g_queue_push_tail (&self->fetches, g_steal_pointer (&self->search));
  while ((task = g_queue_pop_head (&self->fetches)) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the search was stopped");
      g_object_unref (task);
    }
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_cond_clear (&self->answered_cond);
  g_free (self->index_filename);

  G_OBJECT_CLASS (lots_search_controller_parent_class)->finalize (object);
}

static void
lots_search_controller_class_init (LotsSearchControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lots_search_controller_dispose;
  object_class->finalize = lots_search_controller_finalize;
}

static void
lots_search_controller_init (LotsSearchController *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_cond_init (&self->answered_cond);
  g_queue_init (&self->fetches);
}

const char *
lots_search_controller_get_index_filename (LotsSearchController *self)
{
  g_return_val_if_fail (LOTS_IS_SEARCH_CONTROLLER (self), NULL);

  return self->index_filename;
}

void
lots_search_controller_search_async (LotsSearchController *self,
                                     const char           *query,
                                     const char           *area,
                                     const char           *boost_area,
                                     const char           *lang,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (LOTS_IS_SEARCH_CONTROLLER (self));
  g_return_if_fail (query != NULL);

  if (self->current != NULL)
    g_cancellable_cancel (self->current);
  g_clear_object (&self->current);
  self->current = g_cancellable_new ();

  data = g_new0 (SearchData, 1);
  data->query = g_strdup (query);
  data->area = g_strdup (area);
  data->boost_area = g_strdup (boost_area);
  data->lang = g_strdup (lang);

  task = g_task_new (NULL, self->current, callback, user_data);
  g_task_set_source_tag (task, lots_search_controller_search_async);
  g_task_set_name (task, "[lots] search");
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  submit (self, task, TRUE);
}

/* Opens the index in the worker and loads what the first search in LANG
 * would otherwise wait for (lots_index_prepare()): for start-up, before
 * the handler types. Queued like an article read, ahead of searches. */
void
lots_search_controller_prepare (LotsSearchController *self,
                                const char           *lang)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LOTS_IS_SEARCH_CONTROLLER (self));
  g_return_if_fail (lang != NULL);

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, lots_search_controller_prepare);
  g_task_set_name (task, "[lots] prepare the search");
  g_task_set_task_data (task, g_strdup (lang), g_free);
  submit (self, task, FALSE);
}

/* Waits at most TIMEOUT_US for the worker to answer the newest search;
 * TRUE if it has (its callback then runs at the next turn of the main loop,
 * before GTK paints: a source of the default priority goes before the
 * frame clock's). For the main thread, right after a search: keep
 * TIMEOUT_US well under a frame. */
gboolean
lots_search_controller_wait (LotsSearchController *self,
                             gint64                timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  gboolean answered;

  g_return_val_if_fail (LOTS_IS_SEARCH_CONTROLLER (self), FALSE);

  g_mutex_lock (&self->mutex);
  while (self->answered < self->submitted && !self->stopping)
    if (!g_cond_wait_until (&self->answered_cond, &self->mutex, deadline))
      break;
  answered = self->answered >= self->submitted;
  g_mutex_unlock (&self->mutex);
  return answered;
}

LotsSearchResult *
lots_search_controller_search_finish (LotsSearchController *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
lots_search_controller_fetch_async (LotsSearchController *self,
                                    const char           *id,
                                    const char           *lang,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchData *data;

  g_return_if_fail (LOTS_IS_SEARCH_CONTROLLER (self));
  g_return_if_fail (id != NULL);

  data = g_new0 (FetchData, 1);
  data->id = g_strdup (id);
  data->lang = g_strdup (lang);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lots_search_controller_fetch_async);
  g_task_set_name (task, "[lots] read article");
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  submit (self, task, FALSE);
}

LotsFetchedArticle *
lots_search_controller_fetch_finish (LotsSearchController *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

LotsSearchController *
lots_search_controller_new (const char *index_filename)
{
  LotsSearchController *self;

  g_return_val_if_fail (index_filename != NULL, NULL);

  self = g_object_new (LOTS_TYPE_SEARCH_CONTROLLER, NULL);
  self->index_filename = g_strdup (index_filename);
  return self;
}

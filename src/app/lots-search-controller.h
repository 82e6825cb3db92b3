/* lots-search-controller.h — searches and article reads off the main loop. */
#pragma once

#include <gio/gio.h>

#include "lots-article.h"
#include "lots-index.h"

G_BEGIN_DECLS

#define LOTS_TYPE_SEARCH_CONTROLLER (lots_search_controller_get_type ())

G_DECLARE_FINAL_TYPE (LotsSearchController, lots_search_controller, LOTS, SEARCH_CONTROLLER, GObject)

/* An article as read from the index, with where it came from. */
typedef struct {
  LotsArticle *article;
  char *source_id;
  char *revision;
  GStrv other_langs;       /* the languages it also exists in */
} LotsFetchedArticle;

void                  lots_fetched_article_free           (LotsFetchedArticle *fetched);

LotsSearchController *lots_search_controller_new          (const char           *index_filename);
const char           *lots_search_controller_get_index_filename (LotsSearchController *self);

/* Searches QUERY; a newer search cancels this one (it then ends with
 * G_IO_ERROR_CANCELLED), so only the answer to the last keystroke is
 * ever delivered. AREA restricts, BOOST_AREA ranks higher; both nullable. */
void                  lots_search_controller_search_async (LotsSearchController *self,
                                                           const char           *query,
                                                           const char           *area,
                                                           const char           *boost_area,
                                                           const char           *lang,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void                  lots_search_controller_prepare      (LotsSearchController *self,
                                                           const char           *lang);
gboolean              lots_search_controller_wait         (LotsSearchController *self,
                                                           gint64                timeout_us);
LotsSearchResult     *lots_search_controller_search_finish (LotsSearchController *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void                  lots_search_controller_fetch_async  (LotsSearchController *self,
                                                           const char           *id,
                                                           const char           *lang,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
LotsFetchedArticle   *lots_search_controller_fetch_finish (LotsSearchController *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsFetchedArticle, lots_fetched_article_free)

G_END_DECLS

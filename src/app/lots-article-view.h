/* lots-article-view.h — one knowledge article as a handler reads it.
 *
 * The Markdown body is rendered natively into a GtkTextBuffer (headings,
 * lists, tables, links, emphasis, code, quotes, rules), under a header with
 * the title, area, summary and where the text comes from (source, commit,
 * last change). An article outside its validity window carries a warning
 * row at the top. Links to other articles (`lots:AREA/SLUG`) are not
 * followed here: the view emits "open-article" and its owner decides.
 *
 * Signals:
 *   "open-article"     (const char *id)                    a lots: link was activated
 *   "open-translation" (const char *id, const char *lang)  another language was chosen
 */
#pragma once

#include <adwaita.h>

#include "lots-area.h"
#include "lots-article.h"

G_BEGIN_DECLS

#define LOTS_TYPE_ARTICLE_VIEW (lots_article_view_get_type ())

G_DECLARE_FINAL_TYPE (LotsArticleView, lots_article_view, LOTS, ARTICLE_VIEW, AdwBin)

LotsArticleView *lots_article_view_new            (void);
void             lots_article_view_show           (LotsArticleView    *self,
                                                   const LotsArticle  *article,
                                                   const char         *source_title,
                                                   const char         *commit,
                                                   const char         *changed,
                                                   const char         *today,
                                                   const char * const *other_langs);
void             lots_article_view_clear          (LotsArticleView    *self);
const char      *lots_article_view_get_article_id (LotsArticleView    *self);

/* Optional: the service areas (a GPtrArray of LotsArea; the view keeps a
 * reference), so the header names an area by its title, not its id. */
void             lots_article_view_set_areas      (LotsArticleView    *self,
                                                   GPtrArray          *areas);
/* Activates the link at the cursor of the body, as Enter does; TRUE if
 * there was one. */
gboolean         lots_article_view_activate_link_at_cursor (LotsArticleView *self);
GtkTextView     *lots_article_view_get_text_view  (LotsArticleView    *self);

G_END_DECLS

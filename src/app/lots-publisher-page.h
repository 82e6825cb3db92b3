/* lots-publisher-page.h — the publisher's preview of a local draft folder.
 *
 * District staff write articles (Markdown) and guides (Lua) in a folder
 * before they push them. Opened here, the folder is checked as `lotsctl
 * lint` checks it (manifest, front matter, links, guide checks), off the
 * main loop; its articles appear as handlers will see them, its guides as
 * their steps, and every problem as `path:line: message` beside them. The
 * folder is watched: saving a file refreshes the preview.
 *
 * Property "n-problems" (guint): errors and warnings of the last load.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOTS_TYPE_PUBLISHER_PAGE (lots_publisher_page_get_type ())

G_DECLARE_FINAL_TYPE (LotsPublisherPage, lots_publisher_page, LOTS, PUBLISHER_PAGE, AdwBin)

LotsPublisherPage *lots_publisher_page_new            (void);
void               lots_publisher_page_open_folder    (LotsPublisherPage *self,
                                                       GFile             *folder);
GFile             *lots_publisher_page_get_folder     (LotsPublisherPage *self);
guint              lots_publisher_page_get_n_problems (LotsPublisherPage *self);
/* TRUE while a load of the folder runs. */
gboolean           lots_publisher_page_get_loading    (LotsPublisherPage *self);
/* Shows the item of the file at PATH (relative to the folder), or every
 * problem when PATH is NULL; FALSE if the folder has no such file. */
gboolean           lots_publisher_page_select         (LotsPublisherPage *self,
                                                       const char        *path);

G_END_DECLS

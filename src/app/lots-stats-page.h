/* lots-stats-page.h — the statistics page of the desk app: today and this
 * week from the case log, as summary cards and charts.
 *
 * Contacts per area, first-contact resolution against the city's 70 %
 * goal, acute cases, referrals per destination and contacts per channel.
 * The page reads the case log through its own connection, off the main
 * loop; lots_stats_page_refresh() counts it again (the page does so itself
 * when it is shown and when it is given a file).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOTS_TYPE_STATS_PAGE (lots_stats_page_get_type ())

G_DECLARE_FINAL_TYPE (LotsStatsPage, lots_stats_page, LOTS, STATS_PAGE, AdwBin)

LotsStatsPage *lots_stats_page_new                   (void);
void           lots_stats_page_set_caselog_filename  (LotsStatsPage *self,
                                                      const char    *filename);
const char    *lots_stats_page_get_caselog_filename  (LotsStatsPage *self);
void           lots_stats_page_refresh               (LotsStatsPage *self);
/* For tests: the clock the periods are counted from; NULL: the real one. */
void           lots_stats_page_set_now               (LotsStatsPage *self,
                                                      GDateTime     *now);
/* "today" or "week" (also the stateful action stats.period). */
const char    *lots_stats_page_get_period            (LotsStatsPage *self);
void           lots_stats_page_set_period            (LotsStatsPage *self,
                                                      const char    *period);
/* Whether a count of the case log is under way. */
gboolean       lots_stats_page_get_loading           (LotsStatsPage *self);

G_END_DECLS

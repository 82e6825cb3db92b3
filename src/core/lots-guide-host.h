/* lots-guide-host.h — what the outside world offers a guide.
 *
 * A guide never touches a file, a socket, the clock or the environment
 * itself. Everything it may know comes through the host:
 *
 *   lookup (table, key)            the first row of data/TABLE.csv whose first
 *   lookup (table, column, value)  column (or COLUMN) equals the value, as a
 *                                  table of column → text; nil when none
 *   unit (id)                      a row of data/enheter.csv, plus `open_now`,
 *                                  `opens` (when it next opens, in words) and
 *                                  `hours_today`
 *   open_now (unit_id)             whether the unit is open at the host's time
 *   next_open (unit_id)            when it next opens, in words, or nil
 *   now ()                         the host's time in Europe/Stockholm:
 *                                  year, month, day, hour, minute, weekday
 *                                  (1 = Monday), date, time, workday, holiday
 *   article (id)                   the article's title, and a link in the step
 *   propose { field = value, … }   fields of the case outcome (area, category,
 *                                  resolved, referred_to, complaint_to)
 *
 * The host's time is fixed by the caller (a scenario's `at`, a test), or is
 * the real clock when not given. Tables and articles are those of the
 * guide's own source; modules for require() are read from it too.
 */
#pragma once

#include <glib.h>

#include "lots-guide-sandbox.h"
#include "lots-table.h"

G_BEGIN_DECLS

/* The table of units (enheter) and the columns opening hours are read from. */
#define LOTS_GUIDE_UNITS_TABLE "enheter"

typedef struct _LotsGuideHost LotsGuideHost;

/* Whether the guide's source (or the index) has an article: fills TITLE. */
typedef gboolean (*LotsGuideArticleLookup) (const char  *id,
                                            char       **title,
                                            gpointer     user_data);

LotsGuideHost *lots_guide_host_new              (void);
LotsGuideHost *lots_guide_host_ref              (LotsGuideHost *host);
void           lots_guide_host_unref            (LotsGuideHost *host);
void           lots_guide_host_add_table        (LotsGuideHost *host,
                                                 LotsTable     *table);
const LotsTable *lots_guide_host_get_table      (LotsGuideHost *host,
                                                 const char    *name);
void           lots_guide_host_set_articles     (LotsGuideHost *host,
                                                 LotsGuideArticleLookup lookup,
                                                 gpointer       user_data,
                                                 GDestroyNotify destroy);
gboolean       lots_guide_host_has_article      (LotsGuideHost *host,
                                                 const char    *id,
                                                 char         **title);
void           lots_guide_host_add_module       (LotsGuideHost *host,
                                                 const char    *path,
                                                 GBytes        *text);
void           lots_guide_host_set_now          (LotsGuideHost *host,
                                                 GDateTime     *now);
GDateTime     *lots_guide_host_dup_now          (LotsGuideHost *host);
gboolean       lots_guide_host_unit_is_open     (LotsGuideHost *host,
                                                 const char    *unit,
                                                 GDateTime     *when,
                                                 GError       **error);
char          *lots_guide_host_describe_next_open (LotsGuideHost *host,
                                                 const char    *unit,
                                                 GDateTime     *when);
void           lots_guide_host_install          (LotsGuideHost    *host,
                                                 LotsGuideSandbox *sandbox);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsGuideHost, lots_guide_host_unref)

G_END_DECLS

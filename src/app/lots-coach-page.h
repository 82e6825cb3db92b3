/* lots-coach-page.h — the quality coach's view of the call guides.
 *
 * A sidebar lists the guides of every source; the chosen guide is shown in
 * four views: its Lua source with the static checks' findings (activating
 * one shows its line), its step graph with how many calls of the case log
 * passed each step and ended there, its scenario tests run on the spot, and
 * the commits that changed its file with the diff of each.
 *
 * Everything slow runs in a worker thread (GTask) and a newer request
 * cancels an older one: reading the case log, running the scenarios,
 * walking the git history and diffing.
 *
 * The libraries are borrowed and must outlive the page. The scenario
 * runner sets the library's host time while it runs
 * (lots_guide_run_scenarios), and it runs in a worker thread: give the
 * page libraries that no other thread runs sessions of at the same time
 * (the page itself runs one scenario run at a time).
 */
#pragma once

#include <adwaita.h>

#include "lots-guide-library.h"

G_BEGIN_DECLS

#define LOTS_TYPE_COACH_PAGE (lots_coach_page_get_type ())

G_DECLARE_FINAL_TYPE (LotsCoachPage, lots_coach_page, LOTS, COACH_PAGE, AdwBin)

LotsCoachPage *lots_coach_page_new                  (void);
void           lots_coach_page_set_guides           (LotsCoachPage *self,
                                                     GPtrArray     *libraries,
                                                     GPtrArray     *repository_paths);
void           lots_coach_page_set_caselog_filename (LotsCoachPage *self,
                                                     const char    *filename);
void           lots_coach_page_select_guide         (LotsCoachPage *self,
                                                     const char    *guide_id);
const char    *lots_coach_page_get_selected_guide   (LotsCoachPage *self);

G_END_DECLS

/* lots-guide-panel.h — the call guide beside the search: a chooser of
 * guides, then one step at a time of the guide the handler runs.
 *
 * The panel drives a LotsGuideSession (src/core/lots-guide-session.h): it
 * shows the step's text, question and choices (keys 1–9 inside the panel,
 * Alt+1…Alt+9 anywhere in the window), an entry for answers, Back
 * (Alt+Left) and Restart (Ctrl+Shift+R), the path so far, the acute banner,
 * the unit to refer to with whether it is open, and at the end the outcome
 * the guide proposes. Guides are borrowed: whoever loaded them (a
 * LotsGuideLibrary) keeps them alive while the panel shows them.
 */
#pragma once

#include <adwaita.h>

#include "lots-guide-session.h"
#include "lots-guide.h"

G_BEGIN_DECLS

#define LOTS_TYPE_GUIDE_PANEL (lots_guide_panel_get_type ())

G_DECLARE_FINAL_TYPE (LotsGuidePanel, lots_guide_panel, LOTS, GUIDE_PANEL, AdwBin)

void              lots_guide_panel_set_guides    (LotsGuidePanel *self,
                                                  GPtrArray      *guides);
void              lots_guide_panel_set_areas     (LotsGuidePanel *self,
                                                  GPtrArray      *areas);
void              lots_guide_panel_set_suggested (LotsGuidePanel *self,
                                                  const char     *guide_id);
gboolean          lots_guide_panel_start         (LotsGuidePanel *self,
                                                  LotsGuide      *guide,
                                                  const char     *commit,
                                                  GError        **error);
void              lots_guide_panel_stop          (LotsGuidePanel *self);
LotsGuideSession *lots_guide_panel_get_session   (LotsGuidePanel *self);
const char       *lots_guide_panel_get_commit    (LotsGuidePanel *self);
LotsGuidePanel   *lots_guide_panel_new           (void);

G_END_DECLS

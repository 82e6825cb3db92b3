/* lots-case-bar.h — the slim bar at the bottom of the main window that
 * tells whether a case (a contact: a call, an e-mail, a visit) is running.
 *
 * While a case runs it shows the call timer, the channel and the service
 * area of the case, and "End case" (win.end-case, Ctrl+Enter); otherwise
 * "New case" (win.new-case). Both states show how many outcomes wait on
 * this workstation for upload. The window installs both actions and owns
 * the case itself: the bar only shows it.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOTS_TYPE_CASE_BAR (lots_case_bar_get_type ())

G_DECLARE_FINAL_TYPE (LotsCaseBar, lots_case_bar, LOTS, CASE_BAR, GtkWidget)

LotsCaseBar *lots_case_bar_new          (void);
void         lots_case_bar_start        (LotsCaseBar *self,
                                         GDateTime   *started,
                                         const char  *channel,
                                         const char  *area_title);
void         lots_case_bar_stop         (LotsCaseBar *self);
gboolean     lots_case_bar_is_running   (LotsCaseBar *self);
GDateTime   *lots_case_bar_get_started  (LotsCaseBar *self);
void         lots_case_bar_set_pending  (LotsCaseBar *self,
                                         guint        n_waiting);
guint        lots_case_bar_get_pending  (LotsCaseBar *self);

G_END_DECLS

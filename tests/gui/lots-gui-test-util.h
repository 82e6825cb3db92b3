/* lots-gui-test-util.h — what every GUI test needs: finding widgets,
 * waiting on the main loop, screenshots, and a window to show a widget in.
 */
#pragma once

#include <adwaita.h>

#include "lots-application.h"
#include "lots-window.h"

G_BEGIN_DECLS

typedef gboolean (*LotsGuiTestCondition) (gpointer user_data);

/* adw_init(), the test's default display, and G_DEBUG-style fatal
 * criticals already set by the suite's environment. Call after
 * g_test_init(). */
void        lots_gui_test_init             (void);

/* The first descendant of WIDGET (depth first) of TYPE, or NULL. */
GtkWidget  *lots_gui_test_find_descendant  (GtkWidget            *widget,
                                            GType                 type);
/* The first descendant of TYPE whose GtkWidget:name or, for labels and
 * buttons, whose text is TEXT, or NULL. */
GtkWidget  *lots_gui_test_find_by_text     (GtkWidget            *widget,
                                            GType                 type,
                                            const char           *text);
/* Every descendant of TYPE, in depth-first order (GtkWidget *, unowned). */
GPtrArray  *lots_gui_test_find_all         (GtkWidget            *widget,
                                            GType                 type);

/* Iterates the default main context until CONDITION is true; fails the
 * test after TIMEOUT_SECONDS, saying WHAT was awaited. */
void        lots_gui_test_wait_for         (LotsGuiTestCondition  condition,
                                            gpointer              user_data,
                                            guint                 timeout_seconds,
                                            const char           *what);
/* Lets WIDGET's toplevel lay out and paint N_FRAMES frames. */
void        lots_gui_test_wait_frames      (GtkWidget            *widget,
                                            guint                 n_frames);

/* Saves WIDGET (usually a window) as NAME (a .png) in
 * $LOTS_TEST_SCREENSHOT_DIR; a message and nothing else when unset. */
void        lots_gui_test_save_screenshot  (GtkWidget            *widget,
                                            const char           *name);
void        lots_gui_test_save_paintable   (GdkPaintable         *paintable,
                                            GskRenderer          *renderer,
                                            int                   width,
                                            int                   height,
                                            const char           *name);

/* A new, presented window of WIDTH x HEIGHT holding CHILD, with the app's
 * stylesheet loaded; destroy it with gtk_window_destroy(). */
GtkWindow  *lots_gui_test_window_new       (GtkWidget            *child,
                                            int                   width,
                                            int                   height);

/* Real key presses through the X server (XTEST, with xdotool) to the
 * window that has the keyboard focus, i.e. the last one presented: they go
 * through GTK's shortcut and key controllers as typing would. Each call
 * returns once GTK has received and handled the events. */
void        lots_gui_test_press_key        (guint                 keyval,
                                            GdkModifierType       modifiers);
void        lots_gui_test_type_text        (const char           *text);
/* Gives WINDOW the X keyboard focus, as a window manager would when it is
 * presented (Xvfb runs none): the keys typed next go to it. */
void        lots_gui_test_focus_window     (GtkWindow            *window);

/* Runs the real application as `lots --data-dir DATA_DIR [EXTRA_ARGS…]`
 * in this process, waits until its window has shown how opening the
 * knowledge base went and has painted, then calls SCRIPT (which may wait
 * on the main loop itself), quits through app.quit and checks that the
 * window and the application are finalized. */
typedef void (*LotsGuiTestScript) (LotsApplication *app,
                                   LotsWindow      *window,
                                   gpointer         user_data);

void        lots_gui_test_run_app          (const char           *data_dir,
                                            const char * const   *extra_args,
                                            LotsGuiTestScript     script,
                                            gpointer              user_data);

G_END_DECLS

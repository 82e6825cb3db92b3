/* lots-window.h — the main window of the desk app. */
#pragma once

#include <adwaita.h>

#include "lots-application.h"

G_BEGIN_DECLS

#define LOTS_TYPE_WINDOW (lots_window_get_type ())

G_DECLARE_FINAL_TYPE (LotsWindow, lots_window, LOTS, WINDOW, AdwApplicationWindow)

LotsWindow     *lots_window_new              (LotsApplication *application);
void            lots_window_new_case         (LotsWindow      *self,
                                              const char      *queue,
                                              const char      *channel);
void            lots_window_show_preferences (LotsWindow      *self);
const LotsCase *lots_window_get_case         (LotsWindow      *self);
guint           lots_window_get_n_searches   (LotsWindow      *self);
const char     *lots_window_get_shown_article (LotsWindow     *self);

G_END_DECLS

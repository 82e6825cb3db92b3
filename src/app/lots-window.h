/* lots-window.h — the main window of the desk application.
 *
 * A header bar whose subtitle says how opening the knowledge base went, the
 * search entry (Ctrl+K), and a status page below it.
 */
#pragma once

#include <adwaita.h>

#include "lots-application.h"

G_BEGIN_DECLS

#define LOTS_TYPE_WINDOW (lots_window_get_type ())

G_DECLARE_FINAL_TYPE (LotsWindow, lots_window, LOTS, WINDOW, AdwApplicationWindow)

LotsWindow *lots_window_new (LotsApplication *application);

G_END_DECLS

/* lots-renderer.h — which of GTK's renderers draws the windows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean lots_renderer_choose_early (const char *dev_dir);
gboolean lots_renderer_choose       (GdkDisplay *display);

G_END_DECLS

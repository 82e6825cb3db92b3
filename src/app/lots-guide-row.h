/* lots-guide-row.h — one guide in the guide panel's chooser. */
#pragma once

#include <gtk/gtk.h>

#include "lots-guide.h"

G_BEGIN_DECLS

#define LOTS_TYPE_GUIDE_ROW (lots_guide_row_get_type ())

G_DECLARE_FINAL_TYPE (LotsGuideRow, lots_guide_row, LOTS, GUIDE_ROW, GtkListBoxRow)

GtkWidget *lots_guide_row_new           (LotsGuide    *guide,
                                         const char   *area_title,
                                         guint         order);
LotsGuide *lots_guide_row_get_guide     (LotsGuideRow *self);
guint      lots_guide_row_get_order     (LotsGuideRow *self);
void       lots_guide_row_set_suggested (LotsGuideRow *self,
                                         gboolean      suggested);
gboolean   lots_guide_row_get_suggested (LotsGuideRow *self);

G_END_DECLS

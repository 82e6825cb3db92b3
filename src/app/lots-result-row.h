/* lots-result-row.h — one search result in the result list. */
#pragma once

#include <gtk/gtk.h>

#include "lots-index.h"

G_BEGIN_DECLS

#define LOTS_TYPE_RESULT_ROW (lots_result_row_get_type ())

G_DECLARE_FINAL_TYPE (LotsResultRow, lots_result_row, LOTS, RESULT_ROW, GtkListBoxRow)

GtkWidget  *lots_result_row_new         (const LotsSearchHit *hit,
                                         const char          *area_title,
                                         const char          *source_title);
void        lots_result_row_set_hit     (LotsResultRow       *self,
                                         const LotsSearchHit *hit,
                                         const char          *area_title,
                                         const char          *source_title);
const char *lots_result_row_get_id      (LotsResultRow *self);
const char *lots_result_row_get_lang    (LotsResultRow *self);
const char *lots_result_row_get_title   (LotsResultRow *self);
char       *lots_result_row_markup_snippet (const char *snippet);

G_END_DECLS

/* lots-chart.h — a horizontal bar chart, drawn with GtkSnapshot.
 *
 * Each bar has a label, a value and the text that shows the value; above
 * its track the label stands at the start and the value at the end, so
 * long labels (area names) never crowd the bars and the chart survives a
 * narrow window and 200 % text. A chart may carry a goal (a fraction of
 * its maximum, as the 70 % first-contact goal): a marker on every track,
 * and bars below it drawn in the warning color. A compact chart draws the
 * tracks only, as a gauge on a summary card.
 *
 * The numbers are in the accessible description (a screen reader reads the
 * chart as an image with that description) and in a tooltip per bar.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTS_TYPE_CHART (lots_chart_get_type ())

G_DECLARE_FINAL_TYPE (LotsChart, lots_chart, LOTS, CHART, GtkWidget)

LotsChart  *lots_chart_new                 (void);

void        lots_chart_remove_all          (LotsChart  *self);
void        lots_chart_add_bar             (LotsChart  *self,
                                            const char *label,
                                            double      value,
                                            const char *value_text,
                                            const char *tooltip);

const char *lots_chart_get_title           (LotsChart  *self);
void        lots_chart_set_title           (LotsChart  *self,
                                            const char *title);
double      lots_chart_get_maximum         (LotsChart  *self);
void        lots_chart_set_maximum         (LotsChart  *self,
                                            double      maximum);
double      lots_chart_get_goal            (LotsChart  *self);
void        lots_chart_set_goal            (LotsChart  *self,
                                            double      goal,
                                            const char *goal_text);
gboolean    lots_chart_get_compact         (LotsChart  *self);
void        lots_chart_set_compact         (LotsChart  *self,
                                            gboolean    compact);
const char *lots_chart_get_empty_text      (LotsChart  *self);
void        lots_chart_set_empty_text      (LotsChart  *self,
                                            const char *empty_text);

/* The model, as drawn: what tests check against hand-computed figures. */
guint       lots_chart_get_n_bars          (LotsChart  *self);
const char *lots_chart_get_bar_label       (LotsChart  *self,
                                            guint       index);
double      lots_chart_get_bar_value       (LotsChart  *self,
                                            guint       index);
const char *lots_chart_get_bar_text        (LotsChart  *self,
                                            guint       index);
gboolean    lots_chart_get_bar_below_goal  (LotsChart  *self,
                                            guint       index);
char       *lots_chart_dup_description     (LotsChart  *self);

G_END_DECLS

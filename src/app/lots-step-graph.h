/* lots-step-graph.h — a call guide's steps drawn as a graph.
 *
 * What a quality coach reads to see the whole flow of a guide at once:
 * one node per step (its title and id; the start step, the steps that flag
 * a case as acute and the steps that can end the call are marked), one
 * arrow per way from a step to another (its choices, its `next`, the steps
 * its function may lead to). Nodes are laid out in layers by their
 * distance from the start step, left to right. With counts from the case
 * log each node also says how many calls passed it and how many ended
 * there.
 *
 * Nodes are buttons: Tab reaches each, and activating one emits
 * ::step-activated with the step's id and line, so the coach can jump to
 * the step's source.
 */
#pragma once

#include <gtk/gtk.h>

#include "lots-guide.h"

G_BEGIN_DECLS

#define LOTS_TYPE_STEP_GRAPH (lots_step_graph_get_type ())

G_DECLARE_FINAL_TYPE (LotsStepGraph, lots_step_graph, LOTS, STEP_GRAPH, GtkWidget)

GtkWidget *lots_step_graph_new             (void);
void       lots_step_graph_set_guide       (LotsStepGraph   *self,
                                            const LotsGuide *guide);
void       lots_step_graph_set_counts      (LotsStepGraph   *self,
                                            GHashTable      *passed,
                                            GHashTable      *ended);
guint      lots_step_graph_get_n_nodes     (LotsStepGraph   *self);
guint      lots_step_graph_get_n_edges     (LotsStepGraph   *self);
GtkWidget *lots_step_graph_get_node        (LotsStepGraph   *self,
                                            const char      *step_id);
gboolean   lots_step_graph_get_node_bounds (LotsStepGraph   *self,
                                            const char      *step_id,
                                            graphene_rect_t *bounds);

G_END_DECLS

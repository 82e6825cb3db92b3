/* lots-step-graph.c — a call guide's step graph (see the header).
 *
 * Layout: a layered drawing (Sugiyama's scheme, kept small), the usual
 * one for flows that mostly go one way. A depth-first walk from the start
 * step finds the arrows that go back (a "try again"); without them the
 * graph has no cycle, and each step's layer is its depth from the start:
 * the longest way there, not the shortest, so that every other arrow
 * points forward. (With breadth-first depth, a step reached both directly
 * and through a sibling — a postcode question, typically — sits beside
 * that sibling and draws arrows along its column.) Steps no call reaches
 * (the checker reports them) get a last column of their own. An arrow
 * that skips columns gets a placeholder in each column it crosses, so it
 * runs between nodes, never behind one. Within a column nodes are ordered
 * by the mean position of what leads to them (one barycentre pass, left
 * to right), which removes most crossings in guides of this size (5–30
 * steps) without full crossing minimisation. Columns are as wide as their
 * widest node and nodes never share space, so labels never overlap.
 *
 * Nodes are real child widgets (buttons holding labels): the text is laid
 * out by Pango at the user's text size, each node is reachable with Tab and
 * has an accessible label. Only the arrows are drawn, with cairo, under the
 * nodes: forward arrows as horizontal S-curves from the right side of one
 * node to the left side of the next; arrows that go back to an earlier
 * column (a "try again") dashed, below the nodes; arrows within a column
 * straight across the gap to the next node, or around the right side.
 */
#define G_LOG_DOMAIN "lots-step-graph"

#include "config.h"

#include "lots-step-graph.h"

#include <glib/gi18n.h>
#include <math.h>

/* Space around the drawing, between columns (room for the arrows to turn)
 * and between the nodes of a column, in pixels. */
#define MARGIN 24
#define LAYER_GAP 64
#define NODE_GAP 32
/* Below the nodes, for the arrows that go back to an earlier column. */
#define LOOP_SPACE 48
/* The room an arrow takes where it crosses a column. */
#define PLACEHOLDER_HEIGHT 8
#define ARROW_SIZE 9.0
/* A node's text wraps at about this many characters. */
#define NODE_MAX_CHARS 20

typedef struct
{
  char *id;
  char *title;
  char *excerpt;    /* what the step asks or says, when it is plain text */
  guint line;
  gboolean start;
  gboolean acute;
  gboolean ends;
  GtkWidget *button;        /* NULL for a placeholder */
  GtkWidget *counts_label;
  GPtrArray *before;        /* nodes of the previous layer leading here */
  guint visit;              /* depth-first walk: 0 new, 1 on the way, 2 done */
  guint layer;
  guint order;      /* position within its layer */
  double key;       /* barycentre while ordering */
  double x, y, width, height;
} Node;

typedef struct
{
  Node *from;
  Node *to;
  gboolean back;            /* to a step on the way to FROM, or to itself */
  GPtrArray *via;           /* placeholders in the columns it crosses */
} Edge;

struct _LotsStepGraph
{
  GtkWidget parent_instance;

  GPtrArray *nodes;        /* Node, in the guide's order */
  GPtrArray *placeholders; /* Node without a widget */
  GArray *edges;           /* Edge */
  GHashTable *by_id;       /* step id → Node (borrowed) */
  GPtrArray *layers;       /* GPtrArray of Node (borrowed), per layer */
  gboolean has_back_edges;

  /* From the last layout: the drawing's size, and where it is placed in
   * the allocation (centred when there is room to spare). */
  int natural_width;
  int natural_height;
  double offset_x;
  double offset_y;
};

enum {
  SIGNAL_STEP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LotsStepGraph, lots_step_graph, GTK_TYPE_WIDGET)

static void
edge_clear (Edge *edge)
{
  g_clear_pointer (&edge->via, g_ptr_array_unref);
}

static void
node_free (Node *node)
{
  g_clear_pointer (&node->button, gtk_widget_unparent);
  g_free (node->id);
  g_free (node->title);
  g_free (node->excerpt);
  g_clear_pointer (&node->before, g_ptr_array_unref);
  g_free (node);
}

/* ---- building the nodes -------------------------------------------------- */

static gboolean
step_can_end (const LotsGuideStep *step)
{
  if (step->finishes)
    return TRUE;
  for (guint i = 0; i < step->choices->len; i++)
    if (((const LotsGuideChoice *) g_ptr_array_index (step->choices, i))->finishes)
      return TRUE;
  return FALSE;
}

static GtkWidget *
badge_new (const char *text,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "lots-step-badge");
  gtk_widget_add_css_class (label, style_class);
  return label;
}

static GtkWidget *
wrapping_label_new (const char *text,
                    const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), NODE_MAX_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

/* What a screen reader says for a node: all that the node shows. */
static void
update_accessible_label (Node       *node,
                         const char *counts)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Step %s (%s)"), node->title ? node->title : node->id, node->id);
  if (node->start)
    g_string_append_printf (text, ", %s", _("Start"));
  if (node->acute)
    g_string_append_printf (text, ", %s", _("Acute"));
  if (node->ends)
    g_string_append_printf (text, ", %s", _("Ends the call"));
  if (counts != NULL)
    g_string_append_printf (text, ", %s", counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (node->button), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
  g_string_free (text, TRUE);
}

static void
on_node_clicked (GtkButton     *button,
                 LotsStepGraph *self)
{
  Node *node = g_object_get_data (G_OBJECT (button), "lots-step-node");

  g_signal_emit (self, signals[SIGNAL_STEP_ACTIVATED], 0, node->id, node->line);
}

static void
build_node_widget (LotsStepGraph *self,
                   Node          *node)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  node->button = gtk_button_new ();
  gtk_widget_set_name (node->button, "step-node");
  gtk_widget_add_css_class (node->button, "card");
  gtk_widget_add_css_class (node->button, "lots-step-node");
  if (node->start)
    gtk_widget_add_css_class (node->button, "lots-step-start");
  if (node->acute)
    gtk_widget_add_css_class (node->button, "lots-step-acute");
  gtk_widget_set_tooltip_text (node->button, _("Show this step in the source"));
  g_object_set_data (G_OBJECT (node->button), "lots-step-node", node);
  g_signal_connect (node->button, "clicked", G_CALLBACK (on_node_clicked), self);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_box_append (GTK_BOX (box), wrapping_label_new (node->title ? node->title : node->id, "heading"));
  if (node->title != NULL)
    {
      GtkWidget *id = wrapping_label_new (node->id, "caption");
      gtk_widget_add_css_class (id, "dim-label");
      gtk_widget_add_css_class (id, "monospace");
      gtk_box_append (GTK_BOX (box), id);
    }
  if (node->excerpt != NULL)
    {
      GtkWidget *excerpt = wrapping_label_new (node->excerpt, "caption");
      gtk_widget_add_css_class (excerpt, "dim-label");
      gtk_label_set_lines (GTK_LABEL (excerpt), 2);
      gtk_label_set_ellipsize (GTK_LABEL (excerpt), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), excerpt);
    }
  if (node->start || node->acute || node->ends)
    {
      GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      if (node->start)
        gtk_box_append (GTK_BOX (badges), badge_new (_("Start"), "accent"));
      if (node->acute)
        gtk_box_append (GTK_BOX (badges), badge_new (_("Acute"), "error"));
      if (node->ends)
        gtk_box_append (GTK_BOX (badges), badge_new (_("Ends the call"), "success"));
      gtk_box_append (GTK_BOX (box), badges);
    }
  node->counts_label = wrapping_label_new (NULL, "caption");
  /* "2 calls passed · 2 ended here" reads best on one line. */
  gtk_label_set_max_width_chars (GTK_LABEL (node->counts_label), 32);
  gtk_widget_set_name (node->counts_label, "step-counts");
  gtk_widget_add_css_class (node->counts_label, "numeric");
  gtk_widget_set_visible (node->counts_label, FALSE);
  gtk_box_append (GTK_BOX (box), node->counts_label);

  gtk_button_set_child (GTK_BUTTON (node->button), box);
  update_accessible_label (node, NULL);
}

/* ---- layers -------------------------------------------------------------- */

/* Marks the arrows that go back to a step on the way from the start. */
static void
find_back_edges (LotsStepGraph *self,
                 Node          *node,
                 GPtrArray     *finished)
{
  node->visit = 1;
  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = &g_array_index (self->edges, Edge, e);

      if (edge->from != node)
        continue;
      if (edge->to->visit == 1)
        edge->back = TRUE;
      else if (edge->to->visit == 0)
        find_back_edges (self, edge->to, finished);
    }
  node->visit = 2;
  g_ptr_array_add (finished, node);
}

static Node *
placeholder_new (LotsStepGraph *self,
                 guint          layer)
{
  Node *node = g_new0 (Node, 1);

  node->layer = layer;
  g_ptr_array_add (self->placeholders, node);
  return node;
}

/* Each step's layer: its longest depth from the start over the arrows
 * that go forward; placeholders where arrows skip layers. */
static void
assign_layers (LotsStepGraph *self,
               const char    *start)
{
  g_autoptr(GPtrArray) finished = g_ptr_array_new ();
  Node *first = start ? g_hash_table_lookup (self->by_id, start) : NULL;
  guint deepest = 0;
  gboolean unreached = FALSE;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (self->nodes, i);
      node->visit = 0;
      node->layer = 0;
    }
  if (first != NULL)
    find_back_edges (self, first, finished);
  /* Reverse finishing order is a topological order of the forward arrows. */
  for (guint i = finished->len; i > 0; i--)
    {
      Node *node = g_ptr_array_index (finished, i - 1);

      deepest = MAX (deepest, node->layer);
      for (guint e = 0; e < self->edges->len; e++)
        {
          const Edge *edge = &g_array_index (self->edges, Edge, e);
          if (edge->from == node && !edge->back)
            edge->to->layer = MAX (edge->to->layer, node->layer + 1);
        }
    }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (self->nodes, i);
      if (node->visit != 2)
        {
          node->layer = first != NULL ? deepest + 1 : 0;
          unreached = TRUE;
        }
    }
  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = &g_array_index (self->edges, Edge, e);

      if (edge->from->visit == 2 && edge->to->layer < edge->from->layer)
        edge->back = TRUE;
      if (edge->back || edge->to->layer <= edge->from->layer + 1)
        continue;
      edge->via = g_ptr_array_new ();
      for (guint l = edge->from->layer + 1; l < edge->to->layer; l++)
        g_ptr_array_add (edge->via, placeholder_new (self, l));
    }
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint l = 0; l <= deepest + (unreached ? 1 : 0); l++)
    g_ptr_array_add (self->layers, g_ptr_array_new ());
}

static int
compare_key (gconstpointer a,
             gconstpointer b)
{
  const Node *x = *(Node * const *) a;
  const Node *y = *(Node * const *) b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
add_to_layer (LotsStepGraph *self,
              Node          *node)
{
  GPtrArray *layer = g_ptr_array_index (self->layers, node->layer);

  node->order = layer->len;
  g_ptr_array_add (layer, node);
}

/* Records that P, one layer before Q, leads to Q. */
static void
link_layers (Node *p,
             Node *q)
{
  if (q->before == NULL)
    q->before = g_ptr_array_new ();
  g_ptr_array_add (q->before, p);
}

/* Orders each layer by the mean relative position of the nodes of the
 * layer before that lead to it. */
static void
order_layers (LotsStepGraph *self)
{
  /* First the guide's own order, which follows its choices. */
  for (guint i = 0; i < self->nodes->len; i++)
    add_to_layer (self, g_ptr_array_index (self->nodes, i));
  for (guint i = 0; i < self->placeholders->len; i++)
    add_to_layer (self, g_ptr_array_index (self->placeholders, i));
  for (guint e = 0; e < self->edges->len; e++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, e);
      Node *p = edge->from;

      if (edge->back || edge->to->layer != edge->from->layer + (edge->via ? edge->via->len : 0) + 1)
        continue;
      for (guint v = 0; edge->via != NULL && v < edge->via->len; v++)
        {
          link_layers (p, edge->via->pdata[v]);
          p = edge->via->pdata[v];
        }
      link_layers (p, edge->to);
    }
  for (guint l = 1; l < self->layers->len; l++)
    {
      GPtrArray *layer = g_ptr_array_index (self->layers, l);
      GPtrArray *previous = g_ptr_array_index (self->layers, l - 1);

      for (guint i = 0; i < layer->len; i++)
        {
          Node *node = g_ptr_array_index (layer, i);
          double sum = 0;

          for (guint b = 0; node->before != NULL && b < node->before->len; b++)
            sum += (((Node *) node->before->pdata[b])->order + 0.5) / previous->len;
          node->key = node->before != NULL && node->before->len > 0 ? sum / node->before->len
                                                                     : (node->order + 0.5) / layer->len;
        }
      g_ptr_array_sort (layer, compare_key);
      for (guint i = 0; i < layer->len; i++)
        ((Node *) g_ptr_array_index (layer, i))->order = i;
    }
}

/* ---- layout -------------------------------------------------------------- */

/* Measures every node at its natural size and places it; sets the
 * drawing's natural size. Cheap for the sizes of guides (tens of nodes). */
static void
compute_layout (LotsStepGraph *self)
{
  double x = MARGIN;
  double tallest = 0;
  g_autofree double *heights = NULL;

  if (self->layers == NULL || self->nodes->len == 0)
    {
      self->natural_width = 0;
      self->natural_height = 0;
      return;
    }
  heights = g_new0 (double, self->layers->len);
  for (guint l = 0; l < self->layers->len; l++)
    {
      GPtrArray *layer = g_ptr_array_index (self->layers, l);
      for (guint i = 0; i < layer->len; i++)
        {
          Node *node = g_ptr_array_index (layer, i);
          int width = 0, height = PLACEHOLDER_HEIGHT;

          if (node->button != NULL)
            {
              gtk_widget_measure (node->button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
              gtk_widget_measure (node->button, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
            }
          node->width = width;
          node->height = height;
          heights[l] += height + (i > 0 ? NODE_GAP : 0);
        }
      tallest = MAX (tallest, heights[l]);
    }
  for (guint l = 0; l < self->layers->len; l++)
    {
      GPtrArray *layer = g_ptr_array_index (self->layers, l);
      double column = 0;
      double y = MARGIN + (tallest - heights[l]) / 2;

      for (guint i = 0; i < layer->len; i++)
        column = MAX (column, ((Node *) g_ptr_array_index (layer, i))->width);
      for (guint i = 0; i < layer->len; i++)
        {
          Node *node = g_ptr_array_index (layer, i);

          /* A placeholder spans its column: the arrow crosses it level. */
          if (node->button == NULL)
            node->width = column;
          node->x = x + (column - node->width) / 2;
          node->y = y;
          y += node->height + NODE_GAP;
        }
      x += column + (l + 1 < self->layers->len ? LAYER_GAP : 0);
    }
  self->natural_width = (int) ceil (x + MARGIN);
  self->natural_height = (int) ceil (tallest + 2 * MARGIN + (self->has_back_edges ? LOOP_SPACE : 0));
}

static void
lots_step_graph_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LotsStepGraph *self = LOTS_STEP_GRAPH (widget);

  compute_layout (self);
  /* The drawing does not shrink: the page scrolls it. */
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->natural_width : self->natural_height;
}

static void
lots_step_graph_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LotsStepGraph *self = LOTS_STEP_GRAPH (widget);

  compute_layout (self);
  self->offset_x = MAX (0, (width - self->natural_width) / 2);
  self->offset_y = MAX (0, (height - self->natural_height) / 2);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (self->nodes, i);
      GtkAllocation allocation = {
        (int) (self->offset_x + node->x), (int) (self->offset_y + node->y),
        (int) node->width, (int) node->height,
      };
      gtk_widget_size_allocate (node->button, &allocation, -1);
    }
}

/* ---- drawing ------------------------------------------------------------- */

/* An arrow head at (x, y) pointing along (dx, dy). */
static void
draw_arrow_head (cairo_t *cr,
                 double   x,
                 double   y,
                 double   dx,
                 double   dy)
{
  double length = hypot (dx, dy);
  double ux, uy;

  if (length < 1e-6)
    return;
  ux = dx / length;
  uy = dy / length;
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - ARROW_SIZE * ux + ARROW_SIZE * 0.5 * uy, y - ARROW_SIZE * uy - ARROW_SIZE * 0.5 * ux);
  cairo_line_to (cr, x - ARROW_SIZE * ux - ARROW_SIZE * 0.5 * uy, y - ARROW_SIZE * uy + ARROW_SIZE * 0.5 * ux);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A level S-curve from (X1, Y1) to (X2, Y2), the path already at X1, Y1. */
static void
s_curve_to (cairo_t *cr,
            double   x1,
            double   y1,
            double   x2,
            double   y2)
{
  double middle = x1 + (x2 - x1) / 2;

  cairo_curve_to (cr, middle, y1, middle, y2, x2, y2);
}

/* Forward: from the right side of one node, level through the columns it
 * crosses, to the left side of the other. */
static void
draw_forward_edge (cairo_t    *cr,
                   const Edge *edge)
{
  const Node *a = edge->from;
  const Node *b = edge->to;
  double x = a->x + a->width;
  double y = a->y + a->height / 2;

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, x, y);
  for (guint v = 0; edge->via != NULL && v < edge->via->len; v++)
    {
      const Node *p = edge->via->pdata[v];
      double py = p->y + p->height / 2;

      s_curve_to (cr, x, y, p->x, py);
      x = p->x + p->width;
      y = py;
      cairo_line_to (cr, x, y);
    }
  s_curve_to (cr, x, y, b->x - ARROW_SIZE * 0.8, b->y + b->height / 2);
  cairo_stroke (cr);
  draw_arrow_head (cr, b->x - 1, b->y + b->height / 2, 1, 0);
}

static void
draw_edge (LotsStepGraph *self,
           cairo_t       *cr,
           const Edge    *edge,
           double         bottom)
{
  const Node *a = edge->from;
  const Node *b = edge->to;
  double x1, y1, x2, y2, c1x, c1y, c2x, c2y;
  double dashes[] = { 5.0, 4.0 };

  if (!edge->back && b->layer > a->layer)
    {
      draw_forward_edge (cr, edge);
      return;
    }
  else if (a == b)
    {
      /* A step that leads to itself: a loop over its top right corner. */
      x1 = a->x + a->width - 24;
      y1 = a->y;
      x2 = a->x + a->width;
      y2 = a->y + 16;
      c1x = x1 + 8;
      c1y = y1 - 36;
      c2x = x2 + 36;
      c2y = y2 - 8;
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else if (b->layer == a->layer && (b->order == a->order + 1 || a->order == b->order + 1))
    {
      /* To the next node of the column: a short arrow across the gap. */
      gboolean down = b->order > a->order;

      x1 = a->x + a->width / 2;
      y1 = down ? a->y + a->height : a->y;
      x2 = b->x + b->width / 2;
      y2 = down ? b->y - 1 : b->y + b->height + 1;
      c1x = x1;
      c1y = y1 + (y2 - y1) / 3;
      c2x = x2;
      c2y = y2 - (y2 - y1) / 3;
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else if (b->layer == a->layer)
    {
      /* Within a column: out of the right side and back into it. */
      x1 = a->x + a->width;
      y1 = a->y + a->height / 2;
      x2 = b->x + b->width + 1;
      y2 = b->y + b->height / 2;
      c1x = x1 + LAYER_GAP / 2.0;
      c1y = y1;
      c2x = x2 + LAYER_GAP / 2.0;
      c2y = y2;
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      /* Back to an earlier column: below every node, dashed. */
      x1 = a->x + a->width / 2;
      y1 = a->y + a->height;
      x2 = b->x + b->width / 2;
      y2 = b->y + b->height + 1;
      c1x = x1;
      c1y = bottom + LOOP_SPACE;
      c2x = x2;
      c2y = bottom + LOOP_SPACE;
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_move_to (cr, x1, y1);
  /* Stop the line short of the tip so it does not poke through. */
  {
    double dx = x2 - c2x, dy = y2 - c2y;
    double length = hypot (dx, dy);
    double sx = length > 1e-6 ? x2 - dx / length * ARROW_SIZE * 0.8 : x2;
    double sy = length > 1e-6 ? y2 - dy / length * ARROW_SIZE * 0.8 : y2;

    cairo_curve_to (cr, c1x, c1y, c2x, c2y, sx, sy);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    draw_arrow_head (cr, x2, y2, dx, dy);
  }
}

static void
lots_step_graph_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LotsStepGraph *self = LOTS_STEP_GRAPH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double bottom = 0;
  GdkRGBA color;
  cairo_t *cr;

  if (self->edges->len > 0 && width > 0 && height > 0)
    {
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      color.alpha *= 0.55f;
      for (guint i = 0; i < self->nodes->len; i++)
        {
          const Node *node = g_ptr_array_index (self->nodes, i);
          bottom = MAX (bottom, node->y + node->height);
        }
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_translate (cr, self->offset_x, self->offset_y);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 1.5);
      for (guint e = 0; e < self->edges->len; e++)
        draw_edge (self, cr, &g_array_index (self->edges, Edge, e), bottom);
      cairo_destroy (cr);
    }
  for (guint i = 0; i < self->nodes->len; i++)
    gtk_widget_snapshot_child (widget, ((Node *) g_ptr_array_index (self->nodes, i))->button, snapshot);
}

/* ---- GObject ------------------------------------------------------------- */

static void
clear_graph (LotsStepGraph *self)
{
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_hash_table_remove_all (self->by_id);
  g_array_set_size (self->edges, 0);
  g_ptr_array_set_size (self->placeholders, 0);
  g_ptr_array_set_size (self->nodes, 0);
  self->has_back_edges = FALSE;
}

static void
lots_step_graph_dispose (GObject *object)
{
  LotsStepGraph *self = LOTS_STEP_GRAPH (object);

  clear_graph (self);

  G_OBJECT_CLASS (lots_step_graph_parent_class)->dispose (object);
}

static void
lots_step_graph_finalize (GObject *object)
{
  LotsStepGraph *self = LOTS_STEP_GRAPH (object);

  g_ptr_array_unref (self->nodes);
  g_ptr_array_unref (self->placeholders);
  g_array_unref (self->edges);
  g_hash_table_unref (self->by_id);

  G_OBJECT_CLASS (lots_step_graph_parent_class)->finalize (object);
}

static void
lots_step_graph_class_init (LotsStepGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_step_graph_dispose;
  object_class->finalize = lots_step_graph_finalize;
  widget_class->measure = lots_step_graph_measure;
  widget_class->size_allocate = lots_step_graph_size_allocate;
  widget_class->snapshot = lots_step_graph_snapshot;

  /**
   * LotsStepGraph::step-activated:
   * @step_id: the step's id
   * @line: the line of the step in the guide's file
   *
   * A node was activated (clicked, or Enter/Space on it).
   */
  signals[SIGNAL_STEP_ACTIVATED] =
    g_signal_new ("step-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "lots-step-graph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lots_step_graph_init (LotsStepGraph *self)
{
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  self->placeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_array_set_clear_func (self->edges, (GDestroyNotify) edge_clear);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* ---- public API ---------------------------------------------------------- */

/* Shows the steps of GUIDE (NULL: nothing). The graph copies what it
 * needs; GUIDE may be freed afterwards. Counts are cleared. */
void
lots_step_graph_set_guide (LotsStepGraph   *self,
                           const LotsGuide *guide)
{
  GPtrArray *steps;

  g_return_if_fail (LOTS_IS_STEP_GRAPH (self));

  clear_graph (self);
  if (guide == NULL)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }
  steps = lots_guide_get_steps (guide);
  for (guint i = 0; i < steps->len; i++)
    {
      const LotsGuideStep *step = g_ptr_array_index (steps, i);
      Node *node;

      if (g_hash_table_contains (self->by_id, step->id))
        continue;
      node = g_new0 (Node, 1);
      node->id = g_strdup (step->id);
      node->title = g_strdup (step->title);
      node->excerpt = g_strdup (step->question ? step->question : step->text);
      node->line = step->line;
      node->start = g_strcmp0 (step->id, lots_guide_get_start (guide)) == 0;
      node->acute = step->acute;
      node->ends = step_can_end (step);
      g_ptr_array_add (self->nodes, node);
      g_hash_table_insert (self->by_id, node->id, node);
    }
  /* Targets that name no step are the checker's to report, not arrows. */
  for (guint i = 0; i < steps->len; i++)
    {
      const LotsGuideStep *step = g_ptr_array_index (steps, i);
      g_autoptr(GPtrArray) targets = lots_guide_step_targets (step);
      Node *from = g_hash_table_lookup (self->by_id, step->id);

      for (guint t = 0; t < targets->len; t++)
        {
          Node *to = g_hash_table_lookup (self->by_id, targets->pdata[t]);
          Edge edge = { from, to, FALSE, NULL };
          gboolean seen = FALSE;

          for (guint e = 0; e < self->edges->len && !seen; e++)
            seen = g_array_index (self->edges, Edge, e).from == from && g_array_index (self->edges, Edge, e).to == to;
          if (to != NULL && !seen)
            g_array_append_val (self->edges, edge);
        }
    }
  assign_layers (self, lots_guide_get_start (guide));
  order_layers (self);
  for (guint e = 0; e < self->edges->len; e++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, e);
      if (edge->back && edge->from != edge->to && edge->to->layer < edge->from->layer)
        self->has_back_edges = TRUE;
    }
  /* Children in reading order (column by column), which is also the order
   * Tab visits them. */
  for (guint l = 0; l < self->layers->len; l++)
    {
      GPtrArray *layer = g_ptr_array_index (self->layers, l);
      for (guint i = 0; i < layer->len; i++)
        {
          Node *node = g_ptr_array_index (layer, i);

          if (node->id == NULL)
            continue;
          build_node_widget (self, node);
          gtk_widget_set_parent (node->button, GTK_WIDGET (self));
        }
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Annotates the nodes with case-log counts: PASSED and ENDED map step ids
 * to the number of calls (GUINT_TO_POINTER) that passed the step and that
 * ended at it. NULL for both: no counts shown. */
void
lots_step_graph_set_counts (LotsStepGraph *self,
                            GHashTable    *passed,
                            GHashTable    *ended)
{
  g_return_if_fail (LOTS_IS_STEP_GRAPH (self));

  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (self->nodes, i);
      guint n_passed, n_ended;
      g_autofree char *text = NULL;

      if (passed == NULL && ended == NULL)
        {
          gtk_widget_set_visible (node->counts_label, FALSE);
          update_accessible_label (node, NULL);
          continue;
        }
      n_passed = passed ? GPOINTER_TO_UINT (g_hash_table_lookup (passed, node->id)) : 0;
      n_ended = ended ? GPOINTER_TO_UINT (g_hash_table_lookup (ended, node->id)) : 0;
      if (n_ended > 0)
        {
          g_autofree char *passed_text = g_strdup_printf (ngettext ("%u call passed", "%u calls passed", n_passed),
                                                          n_passed);
          g_autofree char *ended_text = g_strdup_printf (ngettext ("%u ended here", "%u ended here", n_ended),
                                                         n_ended);
          /* TRANSLATORS: "5 calls passed · 2 ended here" on a step of the graph */
          text = g_strdup_printf (_("%s · %s"), passed_text, ended_text);
        }
      else
        text = g_strdup_printf (ngettext ("%u call passed", "%u calls passed", n_passed), n_passed);
      gtk_label_set_text (GTK_LABEL (node->counts_label), text);
      gtk_widget_set_visible (node->counts_label, TRUE);
      update_accessible_label (node, text);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
lots_step_graph_get_n_nodes (LotsStepGraph *self)
{
  g_return_val_if_fail (LOTS_IS_STEP_GRAPH (self), 0);
  return self->nodes->len;
}

guint
lots_step_graph_get_n_edges (LotsStepGraph *self)
{
  g_return_val_if_fail (LOTS_IS_STEP_GRAPH (self), 0);
  return self->edges->len;
}

/* The button that shows STEP_ID, or NULL. */
GtkWidget *
lots_step_graph_get_node (LotsStepGraph *self,
                          const char    *step_id)
{
  Node *node;

  g_return_val_if_fail (LOTS_IS_STEP_GRAPH (self), NULL);
  node = g_hash_table_lookup (self->by_id, step_id);
  return node ? node->button : NULL;
}

/* Where the node of STEP_ID is drawn, in the graph's coordinates, after
 * the last allocation. */
gboolean
lots_step_graph_get_node_bounds (LotsStepGraph   *self,
                                 const char      *step_id,
                                 graphene_rect_t *bounds)
{
  Node *node;

  g_return_val_if_fail (LOTS_IS_STEP_GRAPH (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);
  node = g_hash_table_lookup (self->by_id, step_id);
  if (node == NULL)
    return FALSE;
  graphene_rect_init (bounds, self->offset_x + node->x, self->offset_y + node->y, node->width, node->height);
  return TRUE;
}

GtkWidget *
lots_step_graph_new (void)
{
  return g_object_new (LOTS_TYPE_STEP_GRAPH, NULL);
}

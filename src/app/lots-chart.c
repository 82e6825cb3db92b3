/* lots-chart.c — a horizontal bar chart, drawn with GtkSnapshot.
 *
 * The chart draws its own text with Pango layouts of the widget's font, and
 * measures its height from them: at 200 % text size the rows grow with the
 * text instead of clipping it. Labels are ellipsized at the width left
 * beside the value; the full label is in the bar's tooltip and in the
 * accessible description.
 *
 * Colors come from the libadwaita palette by name (accent_bg_color,
 * warning_bg_color, warning_color) and the text from the widget's own
 * color, so the chart follows the light and dark styles and the accent.
 * GTK 4.8 has no gtk_widget_get_color(): the style context is the way to
 * read them here (deprecated only from 4.10). Fixed fallbacks with good
 * contrast in both styles cover a theme that lacks the names.
 */
#define G_LOG_DOMAIN "lots-chart"

#include "config.h"

#include "lots-chart.h"

#include <glib/gi18n.h>
#include <math.h>

/* Spacing, in pixels: between a label and its track, between rows, and
 * between the goal legend and the first row. */
#define LABEL_GAP 6
#define ROW_GAP 14
#define LEGEND_GAP 8
#define VALUE_GAP 12
/* Track thickness; thin lines read as rules, not bars. */
#define BAR_THICKNESS 8
#define COMPACT_THICKNESS 10
/* How far the goal marker reaches beyond a track, above and below. */
#define MARKER_OVERHANG 3
#define MARKER_WIDTH 2

typedef struct {
  char *label;
  double value;
  char *value_text;
  char *tooltip;
} Bar;

struct _LotsChart
{
  GtkWidget parent_instance;

  GArray *bars;         /* Bar */
  char *title;
  char *empty_text;
  char *goal_text;
  double maximum;       /* <= 0: the largest value */
  double goal;          /* a fraction of the maximum; < 0: none */
  gboolean compact;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MAXIMUM,
  PROP_GOAL,
  PROP_GOAL_TEXT,
  PROP_COMPACT,
  PROP_EMPTY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LotsChart, lots_chart, GTK_TYPE_WIDGET)

typedef struct {
  GdkRGBA text;
  GdkRGBA track;
  GdkRGBA bar;
  GdkRGBA below;
  GdkRGBA below_text;
  GdkRGBA marker;
} Palette;

/* ---- model ----------------------------------------------------------------- */

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
  g_free (bar->tooltip);
}

static const Bar *
bar_at (LotsChart *self,
        guint      index)
{
  return &g_array_index (self->bars, Bar, index);
}

static double
scale_maximum (LotsChart *self)
{
  double maximum = self->maximum;

  if (maximum > 0)
    return maximum;
  for (guint i = 0; i < self->bars->len; i++)
    maximum = MAX (maximum, bar_at (self, i)->value);
  return maximum;
}

/* The share of the track a value fills, in [0, 1]. */
static double
fraction (LotsChart *self,
          double     value)
{
  double maximum = scale_maximum (self);

  if (maximum <= 0 || value <= 0)
    return 0;
  return CLAMP (value / maximum, 0, 1);
}

static gboolean
below_goal (LotsChart *self,
            const Bar *bar)
{
  return self->goal >= 0 && fraction (self, bar->value) < self->goal;
}

static void
update_accessible (LotsChart *self)
{
  g_autofree char *description = lots_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
changed (LotsChart *self,
         gboolean   resize)
{
  update_accessible (self);
  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* g_set_str() is GLib 2.76: the same, for 2.74. */
static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* ---- text ------------------------------------------------------------------ */

static PangoLayout *
create_layout (LotsChart  *self,
               const char *text,
               gboolean    bold,
               gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Tabular figures keep the values aligned from row to row. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static int
text_height (LotsChart *self,
             gboolean   small)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "Ag", FALSE, small);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
legend_height (LotsChart *self)
{
  if (self->goal < 0 || self->goal_text == NULL || self->compact)
    return 0;
  return text_height (self, TRUE) + LEGEND_GAP;
}

static int
row_height (LotsChart *self)
{
  return text_height (self, FALSE) + LABEL_GAP + BAR_THICKNESS;
}

/* ---- drawing --------------------------------------------------------------- */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
palette_init (LotsChart *self,
              Palette   *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &palette->text);
  palette->track = palette->text;
  palette->track.alpha *= 0.12f;
  palette->marker = palette->text;
  palette->marker.alpha *= 0.8f;
  lookup_color (context, "accent_bg_color", "#3584e4", &palette->bar);
  lookup_color (context, "warning_bg_color", "#e5a50a", &palette->below);
  lookup_color (context, "warning_color", "#9c6e03", &palette->below_text);
}

static void
append_rounded (GtkSnapshot     *snapshot,
                const GdkRGBA   *color,
                float            x,
                float            y,
                float            width,
                float            height)
{
  GskRoundedRect rect;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);

  gsk_rounded_rect_init_from_rect (&rect, &bounds, height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               const GdkRGBA *color,
               float          x,
               float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The x of a position measured from the start edge: mirrored in
 * right-to-left locales. */
static float
start_x (LotsChart *self,
         float      x,
         float      width)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    return (float) gtk_widget_get_width (GTK_WIDGET (self)) - x - width;
  return x;
}

/* A track of the full width at y, filled to value, with the goal marker. */
static void
append_track (LotsChart     *self,
              GtkSnapshot   *snapshot,
              const Palette *palette,
              const Bar     *bar,
              float          y,
              float          thickness)
{
  float width = (float) gtk_widget_get_width (GTK_WIDGET (self));
  float filled = (float) (fraction (self, bar->value) * width);

  append_rounded (snapshot, &palette->track, 0, y, width, thickness);
  if (filled > 0)
    {
      /* A tiny value still shows as a dot, not as nothing. */
      filled = MAX (filled, thickness);
      append_rounded (snapshot, below_goal (self, bar) ? &palette->below : &palette->bar,
                      start_x (self, 0, filled), y, filled, thickness);
    }
  if (self->goal >= 0)
    {
      float x = (float) (self->goal * width) - MARKER_WIDTH / 2.0f;

      gtk_snapshot_append_color (snapshot, &palette->marker,
                                 &GRAPHENE_RECT_INIT (start_x (self, x, MARKER_WIDTH),
                                                      y - MARKER_OVERHANG,
                                                      MARKER_WIDTH,
                                                      thickness + 2 * MARKER_OVERHANG));
    }
}

/* The goal's text above the first row, beside the marker's line: after it
 * when it fits, before it otherwise. */
static void
append_legend (LotsChart     *self,
               GtkSnapshot   *snapshot,
               const Palette *palette)
{
  g_autoptr(PangoLayout) layout = create_layout (self, self->goal_text, FALSE, TRUE);
  float width = (float) gtk_widget_get_width (GTK_WIDGET (self));
  float goal_x = (float) (self->goal * width);
  int text_width, text_height;
  float x;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  x = goal_x + 6;
  if (x + text_width > width)
    x = MAX (0, goal_x - 6 - text_width);
  gtk_snapshot_append_color (snapshot, &palette->marker,
                             &GRAPHENE_RECT_INIT (start_x (self, goal_x - MARKER_WIDTH / 2.0f, MARKER_WIDTH),
                                                  0, MARKER_WIDTH, text_height));
  append_layout (snapshot, layout, &palette->text, start_x (self, x, text_width), 0);
}

static void
append_empty (LotsChart     *self,
              GtkSnapshot   *snapshot,
              const Palette *palette)
{
  g_autoptr(PangoLayout) layout = create_layout (self, self->empty_text ? self->empty_text : "", FALSE, FALSE);
  GdkRGBA dim = palette->text;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int text_width, text_height;

  dim.alpha *= 0.55f;
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  append_layout (snapshot, layout, &dim, 0,
                 MAX (0, (gtk_widget_get_height (GTK_WIDGET (self)) - text_height) / 2));
}

static void
append_row (LotsChart     *self,
            GtkSnapshot   *snapshot,
            const Palette *palette,
            const Bar     *bar,
            float          y)
{
  g_autoptr(PangoLayout) label = create_layout (self, bar->label, FALSE, FALSE);
  g_autoptr(PangoLayout) value = create_layout (self, bar->value_text, TRUE, FALSE);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int value_width, label_width;

  pango_layout_get_pixel_size (value, &value_width, NULL);
  pango_layout_set_width (label, MAX (0, width - value_width - VALUE_GAP) * PANGO_SCALE);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (label, &label_width, NULL);

  append_layout (snapshot, label, &palette->text, start_x (self, 0, label_width), y);
  append_layout (snapshot, value, below_goal (self, bar) ? &palette->below_text : &palette->text,
                 start_x (self, width - value_width, value_width), y);
  append_track (self, snapshot, palette, bar, y + text_height (self, FALSE) + LABEL_GAP, BAR_THICKNESS);
}

static void
lots_chart_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  LotsChart *self = LOTS_CHART (widget);
  Palette palette;
  float y;

  palette_init (self, &palette);
  if (self->bars->len == 0)
    {
      if (!self->compact)
        append_empty (self, snapshot, &palette);
      return;
    }
  if (self->compact)
    {
      append_track (self, snapshot, &palette, bar_at (self, 0), MARKER_OVERHANG, COMPACT_THICKNESS);
      return;
    }
  if (legend_height (self) > 0)
    append_legend (self, snapshot, &palette);
  y = (float) legend_height (self);
  for (guint i = 0; i < self->bars->len; i++)
    {
      append_row (self, snapshot, &palette, bar_at (self, i), y);
      y += (float) (row_height (self) + ROW_GAP);
    }
}

/* ---- size and tooltips ----------------------------------------------------- */

static void
lots_chart_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  LotsChart *self = LOTS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->compact ? 48 : 160;
      *natural = self->compact ? 160 : 360;
      return;
    }
  if (self->compact)
    *minimum = COMPACT_THICKNESS + 2 * MARKER_OVERHANG;
  else if (self->bars->len == 0)
    *minimum = 3 * text_height (self, FALSE);
  else
    *minimum = legend_height (self) +
               (int) self->bars->len * row_height (self) +
               (int) (self->bars->len - 1) * ROW_GAP +
               MARKER_OVERHANG;
  *natural = *minimum;
}

/* The bar under y, or -1. */
static int
bar_at_y (LotsChart *self,
          int        y)
{
  int row;

  if (self->bars->len == 0)
    return -1;
  if (self->compact)
    return 0;
  y -= legend_height (self);
  if (y < 0)
    return -1;
  row = y / (row_height (self) + ROW_GAP);
  if (row >= (int) self->bars->len || y - row * (row_height (self) + ROW_GAP) > row_height (self))
    return -1;
  return row;
}

static gboolean
lots_chart_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard_tooltip,
                          GtkTooltip *tooltip)
{
  LotsChart *self = LOTS_CHART (widget);
  int index = keyboard_tooltip ? -1 : bar_at_y (self, y);
  const Bar *bar;
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  bar = bar_at (self, (guint) index);
  if (bar->tooltip != NULL)
    text = g_strdup (bar->tooltip);
  else
    /* TRANSLATORS: a bar of a chart: its label and its value */
    text = g_strdup_printf (_("%s: %s"), bar->label, bar->value_text);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
lots_chart_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (lots_chart_parent_class)->css_changed (widget, change);
  /* The font may have grown (large text): the rows grow with it. */
  gtk_widget_queue_resize (widget);
}

/* ---- GObject --------------------------------------------------------------- */

static void
lots_chart_finalize (GObject *object)
{
  LotsChart *self = LOTS_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->empty_text, g_free);
  g_clear_pointer (&self->goal_text, g_free);

  G_OBJECT_CLASS (lots_chart_parent_class)->finalize (object);
}

static void
lots_chart_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LotsChart *self = LOTS_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MAXIMUM:
      g_value_set_double (value, self->maximum);
      break;
    case PROP_GOAL:
      g_value_set_double (value, self->goal);
      break;
    case PROP_GOAL_TEXT:
      g_value_set_string (value, self->goal_text);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_chart_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LotsChart *self = LOTS_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lots_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_MAXIMUM:
      lots_chart_set_maximum (self, g_value_get_double (value));
      break;
    case PROP_GOAL:
      lots_chart_set_goal (self, g_value_get_double (value), self->goal_text);
      break;
    case PROP_GOAL_TEXT:
      lots_chart_set_goal (self, self->goal, g_value_get_string (value));
      break;
    case PROP_COMPACT:
      lots_chart_set_compact (self, g_value_get_boolean (value));
      break;
    case PROP_EMPTY_TEXT:
      lots_chart_set_empty_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_chart_class_init (LotsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lots_chart_finalize;
  object_class->get_property = lots_chart_get_property;
  object_class->set_property = lots_chart_set_property;

  widget_class->snapshot = lots_chart_snapshot;
  widget_class->measure = lots_chart_measure;
  widget_class->query_tooltip = lots_chart_query_tooltip;
  widget_class->css_changed = lots_chart_css_changed;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAXIMUM] =
    g_param_spec_double ("maximum", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOAL] =
    g_param_spec_double ("goal", NULL, NULL, -1, 1, -1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOAL_TEXT] =
    g_param_spec_string ("goal-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lots_chart_init (LotsChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->goal = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

/* ---- public API ------------------------------------------------------------ */

void
lots_chart_remove_all (LotsChart *self)
{
  g_return_if_fail (LOTS_IS_CHART (self));

  if (self->bars->len == 0)
    return;
  g_array_set_size (self->bars, 0);
  changed (self, TRUE);
}

/* Appends a bar: LABEL is shown above its track, VALUE_TEXT at the end of
 * the row; TOOLTIP (may be NULL: "label: value") tells it in words. */
void
lots_chart_add_bar (LotsChart  *self,
                    const char *label,
                    double      value,
                    const char *value_text,
                    const char *tooltip)
{
  Bar bar;

  g_return_if_fail (LOTS_IS_CHART (self));
  g_return_if_fail (label != NULL && value_text != NULL);

  bar.label = g_strdup (label);
  bar.value = value;
  bar.value_text = g_strdup (value_text);
  bar.tooltip = g_strdup (tooltip);
  g_array_append_val (self->bars, bar);
  changed (self, TRUE);
}

const char *
lots_chart_get_title (LotsChart *self)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), NULL);
  return self->title;
}

/* What the chart shows, for screen readers (its accessible label). */
void
lots_chart_set_title (LotsChart  *self,
                      const char *title)
{
  g_return_if_fail (LOTS_IS_CHART (self));

  if (set_str (&self->title, title))
    {
      changed (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

double
lots_chart_get_maximum (LotsChart *self)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), 0);
  return self->maximum;
}

/* The value of a full track; 0: the largest bar fills its track. */
void
lots_chart_set_maximum (LotsChart *self,
                        double     maximum)
{
  g_return_if_fail (LOTS_IS_CHART (self));

  maximum = MAX (maximum, 0);
  if (self->maximum == maximum)
    return;
  self->maximum = maximum;
  changed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM]);
}

double
lots_chart_get_goal (LotsChart *self)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), -1);
  return self->goal;
}

/* The goal as a fraction of the maximum (negative: none) and the legend
 * that names it, e.g. "Goal 70 %". */
void
lots_chart_set_goal (LotsChart  *self,
                     double      goal,
                     const char *goal_text)
{
  g_return_if_fail (LOTS_IS_CHART (self));

  goal = goal < 0 ? -1 : MIN (goal, 1);
  g_object_freeze_notify (G_OBJECT (self));
  if (self->goal != goal)
    {
      self->goal = goal;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
    }
  if (set_str (&self->goal_text, goal_text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL_TEXT]);
  changed (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
lots_chart_get_compact (LotsChart *self)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), FALSE);
  return self->compact;
}

/* A compact chart draws the track of its first bar only: a gauge. */
void
lots_chart_set_compact (LotsChart *self,
                        gboolean   compact)
{
  g_return_if_fail (LOTS_IS_CHART (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  changed (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

const char *
lots_chart_get_empty_text (LotsChart *self)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), NULL);
  return self->empty_text;
}

/* What a chart without bars says instead, e.g. "No referrals". */
void
lots_chart_set_empty_text (LotsChart  *self,
                           const char *empty_text)
{
  g_return_if_fail (LOTS_IS_CHART (self));

  if (set_str (&self->empty_text, empty_text))
    {
      changed (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
    }
}

guint
lots_chart_get_n_bars (LotsChart *self)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), 0);
  return self->bars->len;
}

const char *
lots_chart_get_bar_label (LotsChart *self,
                          guint      index)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);
  return bar_at (self, index)->label;
}

double
lots_chart_get_bar_value (LotsChart *self,
                          guint      index)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), 0);
  g_return_val_if_fail (index < self->bars->len, 0);
  return bar_at (self, index)->value;
}

const char *
lots_chart_get_bar_text (LotsChart *self,
                         guint      index)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);
  return bar_at (self, index)->value_text;
}

/* Whether the bar is drawn as below the goal (the warning color). */
gboolean
lots_chart_get_bar_below_goal (LotsChart *self,
                               guint      index)
{
  g_return_val_if_fail (LOTS_IS_CHART (self), FALSE);
  g_return_val_if_fail (index < self->bars->len, FALSE);
  return below_goal (self, bar_at (self, index));
}

/* The numbers in words, as the accessible description says them:
 * "Elder care: 4; Social services: 2. Goal 70 %". */
char *
lots_chart_dup_description (LotsChart *self)
{
  GString *text;

  g_return_val_if_fail (LOTS_IS_CHART (self), NULL);

  text = g_string_new (NULL);

  if (self->bars->len == 0 && self->empty_text != NULL)
    g_string_append (text, self->empty_text);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = bar_at (self, i);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, _("%s: %s"), bar->label, bar->value_text);
    }
  if (self->goal >= 0 && self->goal_text != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ". " : "", self->goal_text);
  return g_string_free (text, FALSE);
}

LotsChart *
lots_chart_new (void)
{
  return g_object_new (LOTS_TYPE_CHART, NULL);
}

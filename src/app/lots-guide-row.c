/* lots-guide-row.c — one guide in the guide panel's chooser: its title,
 * its area and description below, an arrow at the end, and a "Suggested"
 * tag above the title when the search suggests it.
 *
 * It looks like an AdwActionRow (the same style classes and measures) but
 * is built for speed, because the chooser is in the window's first frame:
 *
 *  - An action row keeps its wrapping labels in a horizontal box, which
 *    measures them for the row's height when it is allocated, and a
 *    GtkLabel finds its width for a height by trying widths one after
 *    another. Here the texts fill the row and the arrow lies over their
 *    end margin, so nothing asks a text for its width at a height.
 *  - A wrapping label measures its narrowest layout at width 0: a line
 *    break, and a new shaping of the rest, after every character. Here the
 *    narrowest layout is a few words wide (the panel is wider still).
 *  - Sixteen guides made the window's first frame wait 230 ms for their
 *    texts as action rows, and 30 ms as these rows (README, "Performance:
 *    the desk app").
 *
 * The row's accessible label is the title and its description the area
 * and description, so a screen reader reads it as an action row.
 */
#define G_LOG_DOMAIN "lots-guide-row"

#include "config.h"

#include "lots-guide-row.h"

#include <glib/gi18n.h>

struct _LotsGuideRow
{
  GtkListBoxRow parent_instance;

  LotsGuide *guide;     /* not owned: the library outlives its rows */
  guint order;
  GtkWidget *texts;
  GtkWidget *tag;       /* "Suggested", or NULL */
};

G_DEFINE_FINAL_TYPE (LotsGuideRow, lots_guide_row, GTK_TYPE_LIST_BOX_ROW)

static void
lots_guide_row_class_init (LotsGuideRowClass *klass)
{
}

static void
lots_guide_row_init (LotsGuideRow *self)
{
}

/* A text of the row: it wraps, and its narrowest layout is WIDTH_CHARS
 * wide. Left to itself a wrapping label measures its narrowest layout at
 * width 0, with a line break (and a new shaping of the rest) after every
 * character. */
static GtkWidget *
text_label_new (const char *markup,
                const char *css_class,
                int         width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* GUIDE stays the caller's and must outlive the row; AREA_TITLE is shown in
 * bold before the description. ORDER is the row's place in the list when it
 * is not the suggested one. */
GtkWidget *
lots_guide_row_new (LotsGuide  *guide,
                    const char *area_title,
                    guint       order)
{
  LotsGuideRow *self;
  GtkWidget *overlay, *arrow, *title_label, *subtitle_label;
  const char *description;
  g_autofree char *title = NULL;
  g_autofree char *area = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (guide != NULL, NULL);

  self = g_object_new (LOTS_TYPE_GUIDE_ROW, NULL);
  self->guide = guide;
  self->order = order;

  description = lots_guide_get_description (guide);
  title = g_markup_escape_text (lots_guide_get_title (guide), -1);
  area = g_markup_escape_text (area_title != NULL ? area_title : "", -1);
  escaped = g_markup_escape_text (description != NULL ? description : "", -1);
  if (*escaped != '\0')
    subtitle = g_strdup_printf ("<b>%s</b> · %s", area, escaped);
  else
    subtitle = g_strdup_printf ("<b>%s</b>", area);

  self->texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_add_css_class (self->texts, "lots-guide-texts");
  gtk_widget_set_valign (self->texts, GTK_ALIGN_CENTER);
  title_label = text_label_new (title, "title", 16);
  subtitle_label = text_label_new (subtitle, "subtitle", 24);
  gtk_box_append (GTK_BOX (self->texts), title_label);
  gtk_box_append (GTK_BOX (self->texts), subtitle_label);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_halign (arrow, GTK_ALIGN_END);
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (arrow, "lots-guide-arrow");

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->texts);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), arrow);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), overlay);

  gtk_widget_add_css_class (GTK_WIDGET (self), "lots-guide-row");
  gtk_widget_set_name (GTK_WIDGET (self), lots_guide_get_id (guide));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle_label, NULL,
                                  -1);
  return GTK_WIDGET (self);
}

LotsGuide *
lots_guide_row_get_guide (LotsGuideRow *self)
{
  g_return_val_if_fail (LOTS_IS_GUIDE_ROW (self), NULL);
  return self->guide;
}

guint
lots_guide_row_get_order (LotsGuideRow *self)
{
  g_return_val_if_fail (LOTS_IS_GUIDE_ROW (self), 0);
  return self->order;
}

/* The "Suggested" tag above the title, added or taken away. */
void
lots_guide_row_set_suggested (LotsGuideRow *self,
                              gboolean      suggested)
{
  g_return_if_fail (LOTS_IS_GUIDE_ROW (self));

  if (suggested && self->tag == NULL)
    {
      self->tag = gtk_label_new (_("Suggested"));
      gtk_widget_set_name (self->tag, "guide-suggested");
      gtk_widget_set_halign (self->tag, GTK_ALIGN_START);
      gtk_widget_add_css_class (self->tag, "lots-guide-suggested");
      gtk_widget_add_css_class (self->tag, "caption-heading");
      gtk_box_prepend (GTK_BOX (self->texts), self->tag);
    }
  else if (!suggested && self->tag != NULL)
    {
      gtk_box_remove (GTK_BOX (self->texts), self->tag);
      self->tag = NULL;
    }
}

gboolean
lots_guide_row_get_suggested (LotsGuideRow *self)
{
  g_return_val_if_fail (LOTS_IS_GUIDE_ROW (self), FALSE);
  return self->tag != NULL;
}

/* lots-result-row.c — one search result in the result list.
 *
 * The snippet comes from the index with the matched words between \x02 and
 * \x03 (characters no article holds): the text between marks is escaped
 * and the marks become <b>…</b>, so an article's "<" or "&" can never be
 * read as markup. The row's accessible label is its title, and its description the
 * snippet without marks, so a screen reader reads a result as one phrase.
 */
#define G_LOG_DOMAIN "lots-result-row"

#include "config.h"

#include "lots-result-row.h"

#include <glib/gi18n.h>
#include <string.h>

struct _LotsResultRow
{
  GtkListBoxRow parent_instance;

  char *id;
  char *lang;
  char *title;
  char *markup;         /* the snippet shown */
  char *meta;

  /* Template widgets */
  GtkInscription *title_label;
  GtkLabel *expired_label;
  GtkInscription *snippet_label;
  GtkInscription *meta_label;
};

G_DEFINE_FINAL_TYPE (LotsResultRow, lots_result_row, GTK_TYPE_LIST_BOX_ROW)

char *
lots_result_row_markup_snippet (const char *snippet)
{
  GString *markup = g_string_new (NULL);
  gboolean open = FALSE;
  const char *p = snippet != NULL ? snippet : "";

  /* Escape the text between marks piece by piece: g_markup_escape_text()
   * would turn the marks themselves into character references. */
  while (*p != '\0')
    {
      gsize n = strcspn (p, "\x02\x03");

      if (n > 0)
        {
          g_autofree char *escaped = g_markup_escape_text (p, (gssize) n);

          g_string_append (markup, escaped);
          p += n;
        }
      if (*p == '\x02' && !open)
        {
          g_string_append (markup, "<b>");
          open = TRUE;
        }
      else if (*p == '\x03' && open)
        {
          g_string_append (markup, "</b>");
          open = FALSE;
        }
      if (*p != '\0')
        p++;
    }
  if (open)
    g_string_append (markup, "</b>");
  return g_string_free (markup, FALSE);
}

static char *
plain_snippet (const char *snippet)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = snippet != NULL ? snippet : ""; *p != '\0'; p++)
    if (*p != '\x02' && *p != '\x03')
      g_string_append_c (plain, *p);
  return g_string_free (plain, FALSE);
}

static void
lots_result_row_finalize (GObject *object)
{
  LotsResultRow *self = LOTS_RESULT_ROW (object);

  g_free (self->id);
  g_free (self->lang);
  g_free (self->title);
  g_free (self->markup);
  g_free (self->meta);

  G_OBJECT_CLASS (lots_result_row_parent_class)->finalize (object);
}

static void
lots_result_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTS_TYPE_RESULT_ROW);

  G_OBJECT_CLASS (lots_result_row_parent_class)->dispose (object);
}

/* One line of title: the whole of a long one on hover. Asked for only when
 * the pointer rests on it: setting a tooltip's text at every keystroke asks
 * the display server where the pointer is, a round trip each time. */
static gboolean
on_title_query_tooltip (GtkWidget     *widget,
                        int            x,
                        int            y,
                        gboolean       keyboard_mode,
                        GtkTooltip    *tooltip,
                        LotsResultRow *self)
{
  if (self->title == NULL || *self->title == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->title);
  return TRUE;
}

static void
lots_result_row_class_init (LotsResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_result_row_dispose;
  object_class->finalize = lots_result_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsResultRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LotsResultRow, expired_label);
  gtk_widget_class_bind_template_child (widget_class, LotsResultRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, LotsResultRow, meta_label);
  gtk_widget_class_bind_template_callback (widget_class, on_title_query_tooltip);
}

static void
lots_result_row_init (LotsResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
lots_result_row_get_id (LotsResultRow *self)
{
  g_return_val_if_fail (LOTS_IS_RESULT_ROW (self), NULL);

  return self->id;
}

const char *
lots_result_row_get_lang (LotsResultRow *self)
{
  g_return_val_if_fail (LOTS_IS_RESULT_ROW (self), NULL);

  return self->lang;
}

const char *
lots_result_row_get_title (LotsResultRow *self)
{
  g_return_val_if_fail (LOTS_IS_RESULT_ROW (self), NULL);

  return self->title;
}

/* Shows HIT in this row. Rows are reused from one keystroke to the next:
 * changing a few texts costs far less than building rows again, and a text
 * that stays the same is not set again, so it is not laid out again. */
void
lots_result_row_set_hit (LotsResultRow       *self,
                         const LotsSearchHit *hit,
                         const char          *area_title,
                         const char          *source_title)
{
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GString) meta = NULL;
  const char *snippet;
  gboolean same_title;

  g_return_if_fail (LOTS_IS_RESULT_ROW (self));
  g_return_if_fail (hit != NULL);

  g_free (self->id);
  self->id = g_strdup (hit->id);
  g_free (self->lang);
  self->lang = g_strdup (hit->lang);
  same_title = g_strcmp0 (self->title, hit->title) == 0;
  if (!same_title)
    {
      g_free (self->title);
      self->title = g_strdup (hit->title);
    }

  /* The summary says more than a snippet of the title alone would. */
  snippet = hit->snippet != NULL && *hit->snippet != '\0' ? hit->snippet : hit->summary;
  markup = lots_result_row_markup_snippet (snippet);
  plain = plain_snippet (snippet);

  meta = g_string_new (area_title != NULL ? area_title : hit->area);
  if (source_title != NULL && *source_title != '\0')
    g_string_append_printf (meta, " · %s", source_title);
  if (hit->translations != NULL && g_strv_contains ((const char * const *) hit->translations, "en"))
    g_string_append_printf (meta, " · %s", _("Also in English"));
  else if (g_strcmp0 (hit->lang, "en") == 0)
    g_string_append_printf (meta, " · %s", _("In English"));

  if (!same_title)
    {
      gtk_inscription_set_text (self->title_label, hit->title);
    }
  if (g_strcmp0 (self->markup, markup) != 0)
    {
      gtk_inscription_set_markup (self->snippet_label, markup);
      g_free (self->markup);
      self->markup = g_steal_pointer (&markup);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), *plain != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->expired_label), !hit->current);
  if (g_strcmp0 (self->meta, meta->str) != 0)
    {
      gtk_inscription_set_text (self->meta_label, meta->str);
      g_free (self->meta);
      self->meta = g_strdup (meta->str);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, hit->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, plain,
                                  -1);
}

GtkWidget *
lots_result_row_new (const LotsSearchHit *hit,
                     const char          *area_title,
                     const char          *source_title)
{
  LotsResultRow *self;

  g_return_val_if_fail (hit != NULL, NULL);

  self = g_object_new (LOTS_TYPE_RESULT_ROW, NULL);
  lots_result_row_set_hit (self, hit, area_title, source_title);
  return GTK_WIDGET (self);
}

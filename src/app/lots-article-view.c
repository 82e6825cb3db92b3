/* lots-article-view.c — an article rendered natively for reading.
 *
 * The body is parsed with md4c (the parser the core indexes with, so the
 * view and the index agree on what the text is) into a Render: the plain
 * text, the tag ranges over it (by character offset), the links, and the
 * tables and rules that become widgets anchored in the text. Only then is
 * a fresh GtkTextBuffer filled, in one pass: building the text first and
 * the buffer second keeps the md4c callbacks free of GTK and makes a 2 MB
 * body one insertion rather than a hundred thousand.
 *
 * Nothing here trusts the body. md4c keeps its own heap stack, and so does
 * the renderer: a body nested ten thousand levels deep costs memory in
 * proportion, never C stack, and indentation stops growing after
 * MAX_LEVEL so that the text stays on the screen.
 *
 * Layout. Every paragraph of the buffer carries one layout tag: "indent-N"
 * (left margin N steps) or "item-N" (a list item whose marker hangs one
 * step left of its text: negative indent, and a tab stop where the text
 * starts). A step is measured from the view's font when the buffer is
 * built, so the indentation follows the text size.
 *
 * Tables are a GtkGrid of wrapping, selectable labels (Pango markup, links
 * included) anchored in the text: GtkTextView has no table layout, and tab
 * stops cannot wrap a long cell. A text view gives an anchored child its
 * minimum width, so tables and rules (a GtkSeparator) are given the text's
 * width and follow it: a drawing area under the body reports its width.
 *
 * Links. `lots:AREA/SLUG` is another article: the view emits
 * "open-article" and the window decides what to do. http(s), mailto and
 * tel open with gtk_show_uri(); anything else (file:, javascript:) is shown
 * but never opened. A link is activated by a click (not when the click
 * ended a selection) or by Enter with the cursor in it: the text view keeps
 * a visible cursor so that a handler can reach every link from the
 * keyboard.
 */
#define G_LOG_DOMAIN "lots-article-view"

#include "config.h"

#include "lots-article-view.h"

#include <glib/gi18n.h>
#include <md4c.h>
#include <string.h>

/* Deeper nesting is rendered, but no further indented. */
#define MAX_LEVEL 8
/* One indentation step, in widths of "M" of the body's font. */
#define STEP_EMS 2.0
/* Tables beyond this many are set as lines of text: a widget per cell is
 * right for a page, not for a 2 MB file of nothing but tables. */
#define MAX_TABLES 64
/* The commit is shown as git shows it short. */
#define SHORT_COMMIT_LENGTH 7

#define LOTS_SCHEME "lots:"

struct _LotsArticleView
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkWidget *expired_row;
  GtkLabel *expired_label;
  GtkScrolledWindow *scroller;
  GtkLabel *area_label;
  GtkLabel *title_label;
  GtkLabel *summary_label;
  GtkLabel *meta_label;
  GtkWidget *lang_box;
  GtkTextView *body_view;
  GtkWidget *width_probe;

  char *article_id;
  char *lang;
  GPtrArray *areas;       /* LotsArea, or NULL */
  GPtrArray *separators;  /* GtkWidget, anchored rules and tables to keep text-wide */
  GArray *links;          /* Range: the links of the body, by offset, in order */
  guint resize_idle_id;
};

enum {
  SIGNAL_OPEN_ARTICLE,
  SIGNAL_OPEN_TRANSLATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LotsArticleView, lots_article_view, ADW_TYPE_BIN)

/* ---- The render: text, ranges and widgets, built from md4c callbacks --- */

typedef enum {
  CONTAINER_QUOTE,
  CONTAINER_UL,
  CONTAINER_OL,
} ContainerKind;

typedef struct {
  ContainerKind kind;
  guint number;      /* the next item's number in an ordered list */
  char delimiter;    /* '.' or ')' */
} Container;

typedef struct {
  guint start;
  guint end;
  char *tag;         /* a tag name; for links, the href */
  gboolean is_link;
} Range;

typedef struct {
  MD_SPANTYPE type;
  guint start;
  char *href;
} OpenSpan;

typedef enum {
  ANCHOR_TABLE,
  ANCHOR_RULE,
} AnchorKind;

typedef struct {
  AnchorKind kind;
  gsize byte;         /* where in the text the anchor goes */
  GPtrArray *rows;    /* tables: GPtrArray of cells (char *, Pango markup) */
  guint n_head_rows;
  GArray *aligns;     /* tables: MD_ALIGN per column */
} Anchor;

typedef struct {
  GString *text;
  guint n_chars;          /* characters in text, plus one per anchor */
  GArray *ranges;         /* Range */
  GPtrArray *anchors;     /* Anchor */
  GArray *containers;     /* Container: the quotes and lists we are in */
  GArray *spans;          /* OpenSpan: inline spans open now */
  guint n_quotes;
  guint quote_start;      /* where the outermost quote began */
  guint n_tables;

  /* The paragraph being written, if any. */
  gboolean in_paragraph;
  guint paragraph_start;
  gsize paragraph_start_byte;
  guint last_line_start;      /* the last line of the last paragraph closed */
  const char *paragraph_tag;  /* "p", "h2", "code-block", "item" … */
  char *pending_marker;       /* a list item's marker, until its first paragraph */
  gboolean paragraph_is_item;

  /* A table being read: its cells go to markup, not to the text. */
  Anchor *table;
  GPtrArray *row;
  GString *cell;
} Render;

static void
range_clear (gpointer data)
{
  g_free (((Range *) data)->tag);
}

static void
open_span_clear (gpointer data)
{
  g_free (((OpenSpan *) data)->href);
}

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  g_clear_pointer (&anchor->rows, g_ptr_array_unref);
  g_clear_pointer (&anchor->aligns, g_array_unref);
  g_free (anchor);
}

static void
render_init (Render *r)
{
  memset (r, 0, sizeof *r);
  r->text = g_string_new (NULL);
  r->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  g_array_set_clear_func (r->ranges, range_clear);
  r->anchors = g_ptr_array_new_with_free_func (anchor_free);
  r->containers = g_array_new (FALSE, FALSE, sizeof (Container));
  r->spans = g_array_new (FALSE, FALSE, sizeof (OpenSpan));
  g_array_set_clear_func (r->spans, open_span_clear);
}

static void
render_clear (Render *r)
{
  g_string_free (r->text, TRUE);
  g_array_unref (r->ranges);
  g_ptr_array_unref (r->anchors);
  g_array_unref (r->containers);
  g_array_unref (r->spans);
  g_free (r->pending_marker);
  if (r->table != NULL)
    anchor_free (r->table);
  g_clear_pointer (&r->row, g_ptr_array_unref);
  if (r->cell != NULL)
    g_string_free (r->cell, TRUE);
}

static void
add_range (Render     *r,
           guint       start,
           guint       end,
           const char *tag,
           gboolean    is_link)
{
  Range range = { start, end, g_strdup (tag), is_link };

  if (end > start)
    g_array_append_val (r->ranges, range);
  else
    g_free (range.tag);
}

static void
append_text (Render     *r,
             const char *text,
             gsize       size)
{
  g_string_append_len (r->text, text, size);
  r->n_chars += g_utf8_strlen (text, size);
}

/* Indentation of content at the current depth, in steps: one per list and
 * per quote around it. */
static guint
content_level (Render *r)
{
  return MIN (r->containers->len, MAX_LEVEL);
}

static void
close_paragraph (Render *r)
{
  g_autofree char *layout = NULL;
  guint level;

  if (!r->in_paragraph)
    return;
  append_text (r, "\n", 1);
  level = content_level (r);
  /* Level 0 is the buffer's default: no tag, and a large body applies a
   * quarter fewer. */
  if (r->paragraph_is_item && level > 0)
    layout = g_strdup_printf ("item-%u", level);
  else if (level > 0)
    layout = g_strdup_printf ("indent-%u", level);
  if (layout != NULL)
    add_range (r, r->paragraph_start, r->n_chars, layout, FALSE);
  add_range (r, r->paragraph_start, r->n_chars, r->paragraph_tag, FALSE);
  r->in_paragraph = FALSE;

  /* A code block is one paragraph of many lines; spacing after a block
   * goes on its last line only. */
  r->last_line_start = r->paragraph_start;
  for (gsize i = r->text->len - 1; i > r->paragraph_start_byte; i--)
    if (r->text->str[i - 1] == '\n')
      {
        r->last_line_start = r->n_chars - (guint) g_utf8_strlen (r->text->str + i, (gssize) (r->text->len - i));
        break;
      }
}

/* Space after the last paragraph of a list or code block, which have none
 * between their lines. */
static void
end_block_spacing (Render *r)
{
  if (r->n_chars > r->last_line_start)
    add_range (r, r->last_line_start, r->n_chars, "block-end", FALSE);
}

/* Starts a paragraph styled TAG; a list item's marker, if one waits,
 * comes first and makes it a hanging "item" paragraph. */
static void
open_paragraph (Render     *r,
                const char *tag)
{
  close_paragraph (r);
  r->in_paragraph = TRUE;
  r->paragraph_start = r->n_chars;
  r->paragraph_start_byte = r->text->len;
  r->paragraph_tag = tag;
  r->paragraph_is_item = r->pending_marker != NULL;
  if (r->pending_marker != NULL)
    {
      guint start = r->n_chars;

      append_text (r, r->pending_marker, strlen (r->pending_marker));
      add_range (r, start, r->n_chars, "list-marker", FALSE);
      append_text (r, "\t", 1);
      g_clear_pointer (&r->pending_marker, g_free);
    }
}

static void
ensure_paragraph (Render *r)
{
  if (!r->in_paragraph)
    open_paragraph (r, r->pending_marker != NULL ? "item" : "p");
}

static Container *
top_container (Render *r)
{
  if (r->containers->len == 0)
    return NULL;
  return &g_array_index (r->containers, Container, r->containers->len - 1);
}

static void
push_container (Render        *r,
                ContainerKind  kind,
                guint          number,
                char           delimiter)
{
  Container c = { kind, number, delimiter };

  close_paragraph (r);
  g_clear_pointer (&r->pending_marker, g_free);
  g_array_append_val (r->containers, c);
}

static void
pop_container (Render *r)
{
  close_paragraph (r);
  g_clear_pointer (&r->pending_marker, g_free);
  if (r->containers->len > 0)
    g_array_set_size (r->containers, r->containers->len - 1);
}

static void
begin_item (Render *r)
{
  Container *list = top_container (r);

  close_paragraph (r);
  g_free (r->pending_marker);
  if (list != NULL && list->kind == CONTAINER_OL)
    r->pending_marker = g_strdup_printf ("%u%c", list->number++, list->delimiter);
  else
    r->pending_marker = g_strdup ("•");
}

static void
place_anchor (Render *r,
              Anchor *anchor)
{
  close_paragraph (r);
  anchor->byte = r->text->len;
  g_ptr_array_add (r->anchors, anchor);
  /* The anchor is one character of the buffer; a newline ends its line. */
  r->n_chars++;
  append_text (r, "\n", 1);
}

/* ---- Tables: cells as Pango markup --------------------------------------- */

static void
begin_table (Render                      *r,
             const MD_BLOCK_TABLE_DETAIL *detail)
{
  close_paragraph (r);
  if (r->table != NULL)
    anchor_free (r->table);
  r->table = g_new0 (Anchor, 1);
  r->table->kind = ANCHOR_TABLE;
  r->table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  r->table->aligns = g_array_new (FALSE, TRUE, sizeof (MD_ALIGN));
  r->table->n_head_rows = detail->head_row_count;
}

/* A table past MAX_TABLES: one line per row, cells apart by tabs. */
static void
append_table_as_text (Render       *r,
                      const Anchor *table)
{
  g_autoptr(GRegex) link_tags = g_regex_new ("</?a[^>]*>", G_REGEX_OPTIMIZE, 0, NULL);

  for (guint row = 0; row < table->rows->len; row++)
    {
      GPtrArray *cells = g_ptr_array_index (table->rows, row);

      open_paragraph (r, row < table->n_head_rows ? "strong" : "item");
      for (guint column = 0; column < cells->len; column++)
        {
          g_autofree char *plain = NULL;
          /* Pango knows every tag of a cell but GtkLabel's <a>. */
          g_autofree char *markup = g_regex_replace (link_tags, g_ptr_array_index (cells, column), -1, 0, "", 0, NULL);

          if (markup == NULL || !pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL))
            plain = g_strdup ("");
          if (column > 0)
            append_text (r, "\t", 1);
          append_text (r, plain, strlen (plain));
        }
      close_paragraph (r);
    }
}

static void
end_table (Render *r)
{
  if (r->table == NULL)
    return;
  if (r->n_tables++ < MAX_TABLES)
    place_anchor (r, r->table);
  else
    {
      append_table_as_text (r, r->table);
      anchor_free (r->table);
    }
  r->table = NULL;
}

static void
begin_row (Render *r)
{
  g_clear_pointer (&r->row, g_ptr_array_unref);
  r->row = g_ptr_array_new_with_free_func (g_free);
}

static void
end_row (Render *r)
{
  if (r->table != NULL && r->row != NULL)
    g_ptr_array_add (r->table->rows, g_steal_pointer (&r->row));
}

static void
begin_cell (Render                   *r,
            const MD_BLOCK_TD_DETAIL *detail)
{
  if (r->table != NULL && r->row != NULL && r->row->len >= r->table->aligns->len)
    g_array_append_val (r->table->aligns, detail->align);
  if (r->cell != NULL)
    g_string_free (r->cell, TRUE);
  r->cell = g_string_new (NULL);
}

static void
end_cell (Render *r)
{
  if (r->cell == NULL)
    return;
  if (r->row != NULL)
    g_ptr_array_add (r->row, g_string_free (r->cell, FALSE));
  else
    g_string_free (r->cell, TRUE);
  r->cell = NULL;
}

static void
append_cell_text (Render     *r,
                  const char *text,
                  gsize       size)
{
  g_autofree char *escaped = g_markup_escape_text (text, (gssize) size);

  g_string_append (r->cell, escaped);
}

static const char *
cell_markup_tag (MD_SPANTYPE type)
{
  switch (type)
    {
    case MD_SPAN_EM: return "i";
    case MD_SPAN_STRONG: return "b";
    case MD_SPAN_CODE: return "tt";
    case MD_SPAN_DEL: return "s";
    case MD_SPAN_U: return "u";
    default: return NULL;
    }
}

/* ---- md4c callbacks ------------------------------------------------------- */

static char *
attribute_to_string (const MD_ATTRIBUTE *attribute)
{
  return g_strndup (attribute->text, attribute->size);
}

static const char *
heading_tag (unsigned level)
{
  switch (level)
    {
    case 1: return "h1";
    case 2: return "h2";
    default: return "h3";
    }
}

static int
on_enter_block (MD_BLOCKTYPE type,
                void        *detail,
                void        *user_data)
{
  Render *r = user_data;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      push_container (r, CONTAINER_QUOTE, 0, 0);
      if (r->n_quotes++ == 0)
        r->quote_start = r->n_chars;
      break;
    case MD_BLOCK_UL:
      push_container (r, CONTAINER_UL, 0, 0);
      break;
    case MD_BLOCK_OL:
      {
        const MD_BLOCK_OL_DETAIL *ol = detail;
        push_container (r, CONTAINER_OL, ol->start, ol->mark_delimiter ? ol->mark_delimiter : '.');
      }
      break;
    case MD_BLOCK_LI:
      begin_item (r);
      break;
    case MD_BLOCK_HR:
      {
        Anchor *rule = g_new0 (Anchor, 1);
        rule->kind = ANCHOR_RULE;
        place_anchor (r, rule);
      }
      break;
    case MD_BLOCK_H:
      open_paragraph (r, heading_tag (((const MD_BLOCK_H_DETAIL *) detail)->level));
      break;
    case MD_BLOCK_CODE:
      open_paragraph (r, "code-block");
      break;
    case MD_BLOCK_P:
      /* A paragraph right after a list item's start is the item's text. */
      open_paragraph (r, r->pending_marker != NULL ? "item" : "p");
      break;
    case MD_BLOCK_TABLE:
      begin_table (r, detail);
      break;
    case MD_BLOCK_TR:
      begin_row (r);
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      begin_cell (r, detail);
      break;
    case MD_BLOCK_DOC:
    case MD_BLOCK_HTML:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    default:
      break;
    }
  return 0;
}

static int
on_leave_block (MD_BLOCKTYPE type,
                void        *detail,
                void        *user_data)
{
  Render *r = user_data;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      {
        pop_container (r);
        if (r->n_quotes > 0 && --r->n_quotes == 0)
          add_range (r, r->quote_start, r->n_chars, "quote", FALSE);
      }
      break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      pop_container (r);
      /* A nested list ends inside an item: no gap there. */
      if (top_container (r) == NULL || top_container (r)->kind == CONTAINER_QUOTE)
        end_block_spacing (r);
      break;
    case MD_BLOCK_LI:
      close_paragraph (r);
      g_clear_pointer (&r->pending_marker, g_free);
      break;
    case MD_BLOCK_H:
    case MD_BLOCK_P:
      close_paragraph (r);
      break;
    case MD_BLOCK_CODE:
      /* The code's own last newline ends the paragraph. */
      if (r->text->len > 0 && r->text->str[r->text->len - 1] == '\n')
        {
          g_string_truncate (r->text, r->text->len - 1);
          r->n_chars--;
        }
      close_paragraph (r);
      end_block_spacing (r);
      break;
    case MD_BLOCK_TABLE:
      end_table (r);
      break;
    case MD_BLOCK_TR:
      end_row (r);
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      end_cell (r);
      break;
    default:
      break;
    }
  return 0;
}

static int
on_enter_span (MD_SPANTYPE type,
               void       *detail,
               void       *user_data)
{
  Render *r = user_data;
  OpenSpan span = { type, 0, NULL };

  if (type == MD_SPAN_A)
    span.href = attribute_to_string (&((const MD_SPAN_A_DETAIL *) detail)->href);

  if (r->cell != NULL)
    {
      const char *tag = cell_markup_tag (type);

      if (tag != NULL)
        g_string_append_printf (r->cell, "<%s>", tag);
      else if (type == MD_SPAN_A)
        {
          g_autofree char *href = g_markup_escape_text (span.href, -1);
          g_string_append_printf (r->cell, "<a href=\"%s\">", href);
        }
    }
  else
    {
      ensure_paragraph (r);
      span.start = r->n_chars;
    }
  g_array_append_val (r->spans, span);
  return 0;
}

static const char *
span_tag (MD_SPANTYPE type)
{
  switch (type)
    {
    case MD_SPAN_EM: return "em";
    case MD_SPAN_STRONG: return "strong";
    case MD_SPAN_CODE: return "code";
    case MD_SPAN_DEL: return "del";
    case MD_SPAN_U: return "underline";
    default: return NULL;
    }
}

static int
on_leave_span (MD_SPANTYPE type,
               void       *detail,
               void       *user_data)
{
  Render *r = user_data;
  OpenSpan *span;

  if (r->spans->len == 0)
    return 0;
  span = &g_array_index (r->spans, OpenSpan, r->spans->len - 1);

  if (r->cell != NULL)
    {
      const char *tag = cell_markup_tag (type);

      if (tag != NULL)
        g_string_append_printf (r->cell, "</%s>", tag);
      else if (type == MD_SPAN_A)
        g_string_append (r->cell, "</a>");
    }
  else if (type == MD_SPAN_A && span->href != NULL)
    add_range (r, span->start, r->n_chars, span->href, TRUE);
  else if (span_tag (type) != NULL)
    add_range (r, span->start, r->n_chars, span_tag (type), FALSE);

  g_array_set_size (r->spans, r->spans->len - 1);
  return 0;
}

static int
on_text (MD_TEXTTYPE  type,
         const MD_CHAR *text,
         MD_SIZE       size,
         void         *user_data)
{
  Render *r = user_data;
  g_autofree char *decoded = NULL;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      text = "\xEF\xBF\xBD";
      size = 3;
      break;
    case MD_TEXT_BR:
      text = r->cell != NULL ? "\n" : "\xE2\x80\xA8";  /* a line break, not a new paragraph */
      size = strlen (text);
      break;
    case MD_TEXT_SOFTBR:
      text = " ";
      size = 1;
      break;
    case MD_TEXT_ENTITY:
      {
        gunichar c = 0;

        /* &amp; &lt; … and numeric ones; an unknown entity stays as written. */
        if (size > 2 && text[1] == '#')
          c = (text[2] == 'x' || text[2] == 'X') ? (gunichar) g_ascii_strtoull (text + 3, NULL, 16)
                                                 : (gunichar) g_ascii_strtoull (text + 2, NULL, 10);
        else if (size == 5 && strncmp (text, "&amp;", 5) == 0)
          c = '&';
        else if (size == 4 && strncmp (text, "&lt;", 4) == 0)
          c = '<';
        else if (size == 4 && strncmp (text, "&gt;", 4) == 0)
          c = '>';
        else if (size == 6 && strncmp (text, "&quot;", 6) == 0)
          c = '"';
        else if (size == 6 && strncmp (text, "&nbsp;", 6) == 0)
          c = 0xA0;
        if (c != 0 && g_unichar_validate (c))
          {
            char buf[8];
            size = (MD_SIZE) g_unichar_to_utf8 (c, buf);
            decoded = g_strndup (buf, size);
            text = decoded;
          }
      }
      break;
    default:
      break;
    }

  if (r->cell != NULL)
    append_cell_text (r, text, size);
  else if (r->table == NULL)
    {
      ensure_paragraph (r);
      append_text (r, text, size);
    }
  return 0;
}

static void
render_markdown (Render     *r,
                 const char *markdown,
                 gsize       length)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOHTML,
    .enter_block = on_enter_block,
    .leave_block = on_leave_block,
    .enter_span = on_enter_span,
    .leave_span = on_leave_span,
    .text = on_text,
  };

  if (md_parse (markdown, (MD_SIZE) MIN (length, G_MAXUINT32), &parser, r) != 0)
    g_debug ("md4c gave up on the body; showing what it read");
  close_paragraph (r);
}

/* ---- Links ------------------------------------------------------------- */

static gboolean
activate_href (LotsArticleView *self,
               const char      *href)
{
  if (g_str_has_prefix (href, LOTS_SCHEME))
    {
      g_autofree char *id = g_strdup (href + strlen (LOTS_SCHEME));
      char *fragment = strchr (id, '#');

      if (fragment != NULL)
        *fragment = '\0';
      if (*id != '\0')
        g_signal_emit (self, signals[SIGNAL_OPEN_ARTICLE], 0, id);
      return TRUE;
    }
  if (g_str_has_prefix (href, "https://") || g_str_has_prefix (href, "http://") ||
      g_str_has_prefix (href, "mailto:") || g_str_has_prefix (href, "tel:"))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, href, GDK_CURRENT_TIME);
      return TRUE;
    }
  g_debug ("not opening a link of an unknown kind: %s", href);
  return TRUE;
}

/* The target of the link at ITER. Links share one "link" tag and are
 * looked up by offset: a tag per link makes every buffer operation walk
 * thousands of tags. */
static const char *
href_at_iter (LotsArticleView   *self,
              const GtkTextIter *iter)
{
  guint offset = (guint) gtk_text_iter_get_offset (iter);
  guint low = 0, high = self->links->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const Range *link = &g_array_index (self->links, Range, mid);

      if (offset < link->start)
        high = mid;
      else if (offset >= link->end)
        low = mid + 1;
      else
        return link->tag;
    }
  return NULL;
}

static const char *
href_at_position (LotsArticleView *self,
                  double           x,
                  double           y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->body_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->body_view, &iter, bx, by))
    return NULL;
  return href_at_iter (self, &iter);
}

static void
on_body_click_released (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        LotsArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  const char *href;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;
  /* A drag that selected text is not a click on a link. */
  if (gtk_text_buffer_get_has_selection (buffer))
    return;
  href = href_at_position (self, x, y);
  if (href != NULL)
    activate_href (self, href);
}

static void
on_body_motion (GtkEventControllerMotion *motion,
                double                    x,
                double                    y,
                LotsArticleView          *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->body_view),
                                   href_at_position (self, x, y) != NULL ? "pointer" : "text");
}

static gboolean
on_body_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     LotsArticleView       *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  return lots_article_view_activate_link_at_cursor (self);
}

static gboolean
on_cell_activate_link (GtkLabel        *label,
                       const char      *uri,
                       LotsArticleView *self)
{
  return activate_href (self, uri);
}

/* ---- Filling the buffer ------------------------------------------------- */

static int
step_pixels (LotsArticleView *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->body_view), "M");
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return MAX (8, (int) (width * STEP_EMS));
}

static void
create_tags (LotsArticleView *self,
             GtkTextBuffer   *buffer)
{
  int step = step_pixels (self);
  GdkRGBA code_bg = { 0.5, 0.5, 0.5, 0.15 };
  GdkRGBA link = { 0.11, 0.44, 0.85, 1.0 };   /* Adwaita's blue 3 */

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    link = (GdkRGBA) { 0.47, 0.68, 0.93, 1.0 };

  gtk_text_buffer_create_tag (buffer, "p", "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "item", "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "h1", "weight", PANGO_WEIGHT_BOLD, "scale", 1.6,
                              "pixels-above-lines", 18, "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "h2", "weight", PANGO_WEIGHT_BOLD, "scale", 1.3,
                              "pixels-above-lines", 16, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "h3", "weight", PANGO_WEIGHT_BOLD, "scale", 1.1,
                              "pixels-above-lines", 12, "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "em", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "del", "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "underline", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", "background-rgba", &code_bg, NULL);
  gtk_text_buffer_create_tag (buffer, "code-block", "family", "monospace",
                              "paragraph-background-rgba", &code_bg,
                              "wrap-mode", GTK_WRAP_CHAR,
                              "pixels-below-lines", 0, NULL);
  /* After the other paragraph tags, so that it wins over them. */
  gtk_text_buffer_create_tag (buffer, "block-end", "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "quote", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "list-marker", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "link", "foreground-rgba", &link,
                              "underline", PANGO_UNDERLINE_SINGLE, NULL);

  for (guint level = 0; level <= MAX_LEVEL; level++)
    {
      g_autofree char *indent = g_strdup_printf ("indent-%u", level);
      g_autofree char *item = g_strdup_printf ("item-%u", level);
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, step);

      gtk_text_buffer_create_tag (buffer, indent, "left-margin", (int) level * step, NULL);
      gtk_text_buffer_create_tag (buffer, item,
                                  "left-margin", (int) (level > 0 ? level - 1 : 0) * step,
                                  "indent", -step, "tabs", tabs, NULL);
      pango_tab_array_free (tabs);
    }
}

static GtkWidget *
table_widget (LotsArticleView *self,
              const Anchor    *table)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n_columns = MAX (1, table->aligns->len);

  gtk_widget_add_css_class (grid, "lots-article-table");
  /* A text view gives an anchored child its minimum width: the table is
   * made as wide as the text (update_separator_widths), its cells wrap. */
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), FALSE);
  gtk_widget_set_name (grid, "article-table");
  gtk_widget_set_margin_bottom (grid, 12);
  for (guint row = 0; row < table->rows->len; row++)
    {
      GPtrArray *cells = g_ptr_array_index (table->rows, row);

      for (guint column = 0; column < cells->len; column++)
        {
          const char *markup = g_ptr_array_index (cells, column);
          MD_ALIGN align = column < table->aligns->len ? g_array_index (table->aligns, MD_ALIGN, column)
                                                      : MD_ALIGN_DEFAULT;
          GtkWidget *label = gtk_label_new (NULL);

          /* The markup is ours: escaped text in spans md4c nests properly. */
          gtk_label_set_markup (GTK_LABEL (label), markup);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          /* Columns share a line of about 80 characters; cells wrap within. */
          gtk_label_set_max_width_chars (GTK_LABEL (label), MAX (10, 80 / (int) n_columns));
          gtk_label_set_xalign (GTK_LABEL (label),
                                align == MD_ALIGN_RIGHT ? 1.0f : align == MD_ALIGN_CENTER ? 0.5f : 0.0f);
          gtk_widget_set_valign (label, GTK_ALIGN_FILL);
          gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
          gtk_widget_set_hexpand (label, TRUE);
          gtk_widget_add_css_class (label, "lots-article-table-cell");
          if (row < table->n_head_rows)
            gtk_widget_add_css_class (label, "lots-article-table-head");
          else if ((row - table->n_head_rows) % 2 == 1)
            gtk_widget_add_css_class (label, "lots-article-table-odd");
          g_signal_connect_object (label, "activate-link", G_CALLBACK (on_cell_activate_link), self, 0);
          gtk_grid_attach (GTK_GRID (grid), label, (int) column, (int) row, 1, 1);
        }
    }
  return grid;
}

/* The text view's width, for the rules to span (the view keeps its own
 * references to them; ours only keep the pointers valid). */
static void
update_separator_widths (LotsArticleView *self)
{
  int width = gtk_widget_get_width (self->width_probe);

  if (width <= 0)
    return;
  for (guint i = 0; i < self->separators->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->separators, i);

      gtk_widget_set_size_request (widget, MAX (1, width - 2), -1);
    }
}

static gboolean
on_resize_idle (gpointer user_data)
{
  LotsArticleView *self = user_data;

  self->resize_idle_id = 0;
  update_separator_widths (self);
  return G_SOURCE_REMOVE;
}

/* The probe below the body is as wide as the body; its size changes come
 * during allocation, so the widths follow from an idle, one that runs
 * before the next frame is laid out (GDK_PRIORITY_REDRAW is lower). */
static void
on_width_probe_resize (GtkDrawingArea  *probe,
                       int              width,
                       int              height,
                       LotsArticleView *self)
{
  if (self->resize_idle_id == 0 && self->separators->len > 0)
    self->resize_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_resize_idle, self, NULL);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a;
  const Range *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* The widget for ANCHOR, added once the buffer is the view's: a text view
 * only shows children of anchors in its own buffer. */
static void
add_anchored_widget (LotsArticleView    *self,
                     GtkTextChildAnchor *child_anchor,
                     const Anchor       *anchor)
{
  GtkWidget *widget;

  if (anchor->kind == ANCHOR_TABLE)
    {
      widget = table_widget (self, anchor);
      g_ptr_array_add (self->separators, g_object_ref (widget));
    }
  else
    {
      widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_set_name (widget, "article-rule");
      gtk_widget_set_margin_top (widget, 6);
      gtk_widget_set_margin_bottom (widget, 12);
      g_ptr_array_add (self->separators, g_object_ref (widget));
    }
  gtk_text_view_add_child_at_anchor (self->body_view, widget, child_anchor);
}

/* Fills BUFFER (not yet the view's) with the text and tags of R; the
 * child anchors, in the order of R's anchors, go to ANCHORS. */
static void
fill_buffer (GtkTextBuffer *buffer,
             Render        *r,
             GPtrArray     *anchors,
             GArray        *links)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter iter;
  gsize done = 0;

  gtk_text_buffer_get_end_iter (buffer, &iter);
  for (guint i = 0; i < r->anchors->len; i++)
    {
      const Anchor *anchor = g_ptr_array_index (r->anchors, i);

      gtk_text_buffer_insert (buffer, &iter, r->text->str + done, (int) (anchor->byte - done));
      g_ptr_array_add (anchors, g_object_ref (gtk_text_buffer_create_child_anchor (buffer, &iter)));
      done = anchor->byte;
    }
  gtk_text_buffer_insert (buffer, &iter, r->text->str + done, (int) (r->text->len - done));

  for (guint i = 0; i < r->ranges->len; i++)
    {
      const Range *range = &g_array_index (r->ranges, Range, i);
      GtkTextIter start, end;
      GtkTextTag *tag;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) range->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) range->end);
      if (range->is_link)
        {
          Range link = { range->start, range->end, g_strdup (range->tag), TRUE };

          g_array_append_val (links, link);
          gtk_text_buffer_apply_tag_by_name (buffer, "link", &start, &end);
          continue;
        }
      tag = gtk_text_tag_table_lookup (table, range->tag);
      if (tag != NULL)
        gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

/* ---- The header --------------------------------------------------------- */

static char *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
show_validity (LotsArticleView   *self,
               const LotsArticle *article,
               const char        *today)
{
  g_autofree char *local = today == NULL ? local_today () : NULL;
  g_autofree char *message = NULL;

  if (today == NULL)
    today = local;
  if (article->valid_until != NULL && strcmp (today, article->valid_until) > 0)
    message = g_strdup_printf (_("No longer valid: this article expired on %s. Check with its owner before you rely on it."),
                               article->valid_until);
  else if (article->valid_from != NULL && strcmp (today, article->valid_from) < 0)
    message = g_strdup_printf (_("Not valid yet: this article applies from %s. Until then the current rules apply."),
                               article->valid_from);

  gtk_label_set_text (self->expired_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->expired_row, message != NULL);
}

static void
show_meta (LotsArticleView *self,
           const char      *source_title,
           const char      *commit,
           const char      *changed)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (source_title != NULL && *source_title != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Source: %s"), source_title));
  if (commit != NULL && *commit != '\0')
    {
      g_autofree char *short_commit = g_strndup (commit, SHORT_COMMIT_LENGTH);
      g_ptr_array_add (parts, g_strdup_printf (_("commit %s"), short_commit));
    }
  if (changed != NULL && *changed != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("last changed %s"), changed));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->meta_label, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), *joined != '\0');
}

/* Each language named in itself, as language switches do. */
static const char *
language_name (const char *lang)
{
  if (g_strcmp0 (lang, "sv") == 0)
    return "Svenska";
  if (g_strcmp0 (lang, "en") == 0)
    return "English";
  return lang;
}

static void
on_lang_toggled (GtkToggleButton *button,
                 LotsArticleView *self)
{
  const char *lang = g_object_get_data (G_OBJECT (button), "lots-lang");
  g_autofree char *id = NULL;

  if (!gtk_toggle_button_get_active (button) || g_strcmp0 (lang, self->lang) == 0)
    return;
  id = g_strdup (self->article_id);
  g_signal_emit (self, signals[SIGNAL_OPEN_TRANSLATION], 0, id, lang);

  /* Still this article: whoever listens did not switch, so the switch
   * shows the language on screen again. */
  if (g_strcmp0 (id, self->article_id) == 0 && gtk_widget_get_parent (GTK_WIDGET (button)) == self->lang_box)
    for (GtkWidget *child = gtk_widget_get_first_child (self->lang_box); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "lots-lang"), self->lang) == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
}

static void
clear_lang_box (LotsArticleView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->lang_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->lang_box), child);
  gtk_widget_set_visible (self->lang_box, FALSE);
}

static int
compare_langs (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;

  /* Swedish first: it is the base every translation follows. */
  if (strcmp (x, "sv") == 0 || strcmp (y, "sv") == 0)
    return strcmp (x, "sv") == 0 ? (strcmp (y, "sv") == 0 ? 0 : -1) : 1;
  return strcmp (x, y);
}

static void
show_languages (LotsArticleView    *self,
                const char * const *other_langs)
{
  g_autoptr(GPtrArray) langs = g_ptr_array_new ();
  GtkToggleButton *group = NULL;

  clear_lang_box (self);
  if (other_langs == NULL || other_langs[0] == NULL || self->lang == NULL)
    return;
  g_ptr_array_add (langs, self->lang);
  for (guint i = 0; other_langs[i] != NULL; i++)
    if (strcmp (other_langs[i], self->lang) != 0)
      g_ptr_array_add (langs, (gpointer) other_langs[i]);
  g_ptr_array_sort (langs, compare_langs);

  for (guint i = 0; i < langs->len; i++)
    {
      const char *lang = g_ptr_array_index (langs, i);
      GtkWidget *button = gtk_toggle_button_new_with_label (language_name (lang));
      g_autofree char *name = g_strdup_printf ("lang-%s", lang);

      gtk_widget_set_name (button, name);
      g_object_set_data_full (G_OBJECT (button), "lots-lang", g_strdup (lang), g_free);
      gtk_widget_set_tooltip_text (button, _("Show the article in this language"));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), strcmp (lang, self->lang) == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (on_lang_toggled), self);
      gtk_box_append (GTK_BOX (self->lang_box), button);
    }
  gtk_widget_set_visible (self->lang_box, TRUE);
}

static void
show_area (LotsArticleView *self,
           const char      *area_id)
{
  const LotsArea *area = self->areas != NULL && area_id != NULL ? lots_areas_find (self->areas, area_id) : NULL;

  gtk_label_set_text (self->area_label, area != NULL && area->title != NULL ? area->title
                                        : area_id != NULL ? area_id : "");
}

/* ---- GObject ------------------------------------------------------------ */

static void
lots_article_view_dispose (GObject *object)
{
  LotsArticleView *self = LOTS_ARTICLE_VIEW (object);

  g_clear_handle_id (&self->resize_idle_id, g_source_remove);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_ARTICLE_VIEW);

  G_OBJECT_CLASS (lots_article_view_parent_class)->dispose (object);
}

static void
lots_article_view_finalize (GObject *object)
{
  LotsArticleView *self = LOTS_ARTICLE_VIEW (object);

  g_free (self->article_id);
  g_free (self->lang);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_ptr_array_unref (self->separators);
  g_array_unref (self->links);

  G_OBJECT_CLASS (lots_article_view_parent_class)->finalize (object);
}

static void
lots_article_view_class_init (LotsArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_article_view_dispose;
  object_class->finalize = lots_article_view_finalize;

  /**
   * LotsArticleView::open-article:
   * @id: the id (AREA/SLUG) of the article a `lots:` link names
   */
  signals[SIGNAL_OPEN_ARTICLE] =
    g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * LotsArticleView::open-translation:
   * @id: the article's id
   * @lang: the language asked for
   */
  signals[SIGNAL_OPEN_TRANSLATION] =
    g_signal_new ("open-translation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, expired_row);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, expired_label);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, area_label);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, lang_box);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, body_view);
  gtk_widget_class_bind_template_child (widget_class, LotsArticleView, width_probe);
  gtk_widget_class_bind_template_callback (widget_class, on_width_probe_resize);
}

static void
lots_article_view_init (LotsArticleView *self)
{
  GtkGesture *click;
  GtkEventController *motion, *key;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->separators = g_ptr_array_new_with_free_func (g_object_unref);
  self->links = g_array_new (FALSE, FALSE, sizeof (Range));
  g_array_set_clear_func (self->links, range_clear);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_body_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_body_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), motion);

  /* Before the text view's own key handling, which has no use for Enter
   * in read-only text. */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_body_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), key);


  lots_article_view_clear (self);
}

/* The old buffer is emptied while it is still the view's: GTK 4.8's line
 * display cache can otherwise keep lines of a large buffer that is still
 * being laid out and abort ("gtk_text_btree_line_number couldn't find
 * line") when the view draws the next one. */
static void
replace_buffer (LotsArticleView *self,
                GtkTextBuffer   *buffer)
{
  GtkTextBuffer *old = gtk_text_view_get_buffer (self->body_view);

  if (old != NULL)
    gtk_text_buffer_set_text (old, "", 0);
  gtk_text_view_set_buffer (self->body_view, buffer);
}

/* ---- Public API --------------------------------------------------------- */

void
lots_article_view_show (LotsArticleView    *self,
                        const LotsArticle  *article,
                        const char         *source_title,
                        const char         *commit,
                        const char         *changed,
                        const char         *today,
                        const char * const *other_langs)
{
  g_autoptr(GtkTextBuffer) buffer = NULL;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *body = NULL;
  Render render;

  g_return_if_fail (LOTS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article != NULL);

  g_free (self->article_id);
  self->article_id = g_strdup (article->id);
  g_free (self->lang);
  self->lang = g_strdup (article->lang);

  gtk_label_set_text (self->title_label, article->title != NULL ? article->title : "");
  show_area (self, article->area);
  gtk_label_set_text (self->summary_label, article->summary != NULL ? article->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), article->summary != NULL && *article->summary != '\0');
  show_meta (self, source_title, commit, changed);
  show_validity (self, article, today);
  show_languages (self, other_langs);

  /* The buffer holds only valid UTF-8; the core checks, a caller may not. */
  body = g_utf8_make_valid (article->markdown != NULL ? article->markdown : "", -1);
  render_init (&render);
  render_markdown (&render, body, strlen (body));

  /* A new buffer each time: its tags are measured for the font of now,
   * and the old one's anchored widgets go with it. */
  g_ptr_array_set_size (self->separators, 0);
  buffer = gtk_text_buffer_new (NULL);
  create_tags (self, buffer);
  g_array_set_size (self->links, 0);
  fill_buffer (buffer, &render, anchors, self->links);
  g_array_sort (self->links, compare_ranges);
  replace_buffer (self, buffer);
  for (guint i = 0; i < anchors->len; i++)
    add_anchored_widget (self, g_ptr_array_index (anchors, i), g_ptr_array_index (render.anchors, i));
  render_clear (&render);
  update_separator_widths (self);
  /* And once more when the body has its allocation, if it had none. */
  if (self->resize_idle_id == 0 && self->separators->len > 0)
    self->resize_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_resize_idle, self, NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), TRUE);
}

void
lots_article_view_clear (LotsArticleView *self)
{
  g_autoptr(GtkTextBuffer) buffer = NULL;

  g_return_if_fail (LOTS_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->article_id, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_ptr_array_set_size (self->separators, 0);
  g_array_set_size (self->links, 0);
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->area_label, "");
  gtk_label_set_text (self->summary_label, "");
  gtk_label_set_text (self->meta_label, "");
  gtk_widget_set_visible (self->expired_row, FALSE);
  clear_lang_box (self);
  buffer = gtk_text_buffer_new (NULL);
  replace_buffer (self, buffer);
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), FALSE);
}

const char *
lots_article_view_get_article_id (LotsArticleView *self)
{
  g_return_val_if_fail (LOTS_IS_ARTICLE_VIEW (self), NULL);

  return self->article_id;
}

void
lots_article_view_set_areas (LotsArticleView *self,
                             GPtrArray       *areas)
{
  g_return_if_fail (LOTS_IS_ARTICLE_VIEW (self));

  if (areas != NULL)
    g_ptr_array_ref (areas);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  self->areas = areas;
}

gboolean
lots_article_view_activate_link_at_cursor (LotsArticleView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  const char *href;

  g_return_val_if_fail (LOTS_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  href = href_at_iter (self, &iter);
  /* The cursor just after a link's last character is still "in" it. */
  if (href == NULL && gtk_text_iter_backward_char (&iter))
    href = href_at_iter (self, &iter);
  if (href == NULL)
    return FALSE;
  return activate_href (self, href);
}

GtkTextView *
lots_article_view_get_text_view (LotsArticleView *self)
{
  g_return_val_if_fail (LOTS_IS_ARTICLE_VIEW (self), NULL);

  return self->body_view;
}

LotsArticleView *
lots_article_view_new (void)
{
  return g_object_new (LOTS_TYPE_ARTICLE_VIEW, NULL);
}

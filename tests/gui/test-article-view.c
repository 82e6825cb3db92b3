/* test-article-view.c — LotsArticleView with real articles, under Xvfb.
 *
 * Articles of the built-in knowledge base (headings, lists, tables, lots:
 * links) and one hand-written article with every construct are rendered;
 * the tests read back the GtkTextBuffer (no Markdown syntax left, tags
 * where the constructs were), the anchored tables, the header, and
 * activate links through the API and through a real Enter key press.
 * Pathological bodies (10,000 nesting levels, 2 MB) must render, not crash
 * or hang. Screenshots: article-view.png, article-view-table.png,
 * article-view-expired.png.
 */
#define G_LOG_DOMAIN "test-article-view"

#include "config.h"

#include <string.h>

#include "lots-article-view.h"
#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-gui-test-util.h"

#define TODAY "2025-06-02"

static LotsSource *builtin;

static const LotsArticle *
builtin_article (const char *id,
                 const char *lang)
{
  for (guint i = 0; i < builtin->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (builtin->articles, i);

      if (strcmp (article->id, id) == 0 && g_strcmp0 (article->lang, lang) == 0)
        return article;
    }
  g_error ("no article %s (%s) in the built-in base", id, lang);
  return NULL;
}

static LotsArticle *
article_new (const char *id,
             const char *title,
             const char *markdown)
{
  LotsArticle *article = g_new0 (LotsArticle, 1);

  article->id = g_strdup (id);
  article->title = g_strdup (title);
  article->area = g_strdup ("aldre");
  article->lang = g_strdup ("sv");
  article->markdown = g_strdup (markdown);
  return article;
}

static char *
buffer_text (LotsArticleView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lots_article_view_get_text_view (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The iter at the first occurrence of TEXT in the body. */
static void
find_text (LotsArticleView *view,
           const char      *text,
           GtkTextIter     *match)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lots_article_view_get_text_view (view));
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, text, 0, match, NULL, NULL))
    g_error ("“%s” is not in the rendered body", text);
}

static gboolean
has_tag_at (LotsArticleView *view,
            const char      *text,
            const char      *tag_name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lots_article_view_get_text_view (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  find_text (view, text, &iter);
  gtk_text_iter_forward_char (&iter);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* Scrolls the article so that TEXT is at the top. */
static void
scroll_to_text (LotsArticleView *view,
                const char      *text)
{
  GtkTextView *text_view = lots_article_view_get_text_view (view);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (text_view),
                                                                             GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkTextIter iter;
  GdkRectangle rect;
  double x, y;

  find_text (view, text, &iter);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (scroller),
                                                   rect.x, rect.y, &x, &y));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
}

static void
assert_no_markdown (LotsArticleView *view)
{
  g_autofree char *text = buffer_text (view);

  g_assert_null (strstr (text, "#"));
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "|---"));
  g_assert_null (strstr (text, "| "));
  g_assert_null (strstr (text, "]("));
  g_assert_null (strstr (text, "lots:"));
  g_assert_null (strstr (text, "\n- "));
  g_assert_null (strstr (text, "\n> "));
}

typedef struct {
  char *id;
  char *lang;
  guint n;
} Opened;

static void
on_open_article (LotsArticleView *view,
                 const char      *id,
                 Opened          *opened)
{
  g_free (opened->id);
  opened->id = g_strdup (id);
  opened->n++;
}

static void
on_open_translation (LotsArticleView *view,
                     const char      *id,
                     const char      *lang,
                     Opened          *opened)
{
  g_free (opened->id);
  g_free (opened->lang);
  opened->id = g_strdup (id);
  opened->lang = g_strdup (lang);
  opened->n++;
}

static gboolean
opened_once (gpointer user_data)
{
  return ((Opened *) user_data)->n > 0;
}

static void
opened_clear (Opened *opened)
{
  g_clear_pointer (&opened->id, g_free);
  g_clear_pointer (&opened->lang, g_free);
  opened->n = 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  GtkWidget *widget = lots_gui_test_find_by_text (root, type, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
close_window (GtkWindow       *window,
              LotsArticleView *view)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (view);
}

/* A real article with headings, lists, a table and lots: links; its
 * English translation is offered by the language switch. */
static void
test_article_view_builtin (void)
{
  const LotsArticle *article = builtin_article ("aldre/fardtjanst", "sv");
  const char *other_langs[] = { "en", NULL };
  LotsArticleView *view = g_object_ref_sink (lots_article_view_new ());
  GtkWindow *window = lots_gui_test_window_new (GTK_WIDGET (view), 900, 760);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  GtkWidget *english, *table, *meta;
  Opened opened = { 0 };

  g_signal_connect (view, "open-article", G_CALLBACK (on_open_article), &opened);
  g_signal_connect (view, "open-translation", G_CALLBACK (on_open_translation), &opened);
  lots_article_view_show (view, article, "Lots inbyggda exempelbas",
                          "536eb7f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6", "2025-05-20", TODAY, other_langs);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 5);

  g_assert_cmpstr (lots_article_view_get_article_id (view), ==, "aldre/fardtjanst");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (view), GTK_TYPE_LABEL, "title-label"))),
                   ==, article->title);
  meta = find_named (GTK_WIDGET (view), GTK_TYPE_LABEL, "meta-label");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (meta)), "Lots inbyggda exempelbas"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (meta)), "536eb7f"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (meta)), "536eb7f0"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (meta)), "2025-05-20"));
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (view), GTK_TYPE_BOX, "expired-row")));

  assert_no_markdown (view);
  text = buffer_text (view);
  g_assert_nonnull (strstr (text, "Kort svar\n"));
  g_assert_true (has_tag_at (view, "Kort svar", "h2"));
  g_assert_true (has_tag_at (view, "Hänvisa till", "h2"));
  g_assert_false (has_tag_at (view, "Färdtjänst är ett komplement", "h2"));
  g_assert_true (has_tag_at (view, "Färdtjänst är ett komplement", "p"));
  /* Bullet items: a marker, hanging one step left of the text. */
  g_assert_nonnull (strstr (text, "•\tGäller det en ny ansökan"));
  g_assert_true (has_tag_at (view, "Gäller det en ny ansökan", "item-1"));
  g_assert_true (has_tag_at (view, "Riksfärdtjänst", "link"));

  /* The table is a grid: 2 columns, a header row and 4 rows, its link live. */
  tables = lots_gui_test_find_all (GTK_WIDGET (view), GTK_TYPE_GRID);
  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 0, 0))), ==, "Ärende");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 1, 0))), ==, "Vart");
  g_assert_true (gtk_widget_has_css_class (gtk_grid_get_child_at (GTK_GRID (table), 0, 0), "lots-article-table-head"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 0, 4))), ==, "Resa utanför länet");
  g_assert_null (gtk_grid_get_child_at (GTK_GRID (table), 0, 5));
  {
    GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (table), 1, 4);
    gboolean handled = FALSE;

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "Riksfärdtjänst");
    g_signal_emit_by_name (cell, "activate-link", "lots:aldre/riksfardtjanst", &handled);
    g_assert_true (handled);
    g_assert_cmpstr (opened.id, ==, "aldre/riksfardtjanst");
    opened_clear (&opened);
  }

  /* The language switch: Svenska (current) and English. */
  english = find_named (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "lang-en");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "lang-sv"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (english)));
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "article-view.png");
  /* As Space or Enter on the focused button does (GtkButton clicks after
   * showing itself pressed). */
  gtk_widget_activate (english);
  lots_gui_test_wait_for (opened_once, &opened, 10, "open-translation after activating English");
  g_assert_cmpuint (opened.n, ==, 1);
  g_assert_cmpstr (opened.id, ==, "aldre/fardtjanst");
  g_assert_cmpstr (opened.lang, ==, "en");
  opened_clear (&opened);

  /* The switch shows Swedish again: the test did not switch. */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (english)));

  /* The table spans the text and wraps its cells. */
  g_assert_cmpint (gtk_widget_get_width (table), >=,
                   gtk_widget_get_width (GTK_WIDGET (lots_article_view_get_text_view (view))) - 16);
  g_assert_cmpint (gtk_widget_get_width (gtk_grid_get_child_at (GTK_GRID (table), 1, 2)), >, 200);
  scroll_to_text (view, "Hänvisa till");
  lots_gui_test_wait_frames (GTK_WIDGET (window), 5);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "article-view-table.png");

  close_window (window, view);
}

/* Enter on a lots: link, as a handler would press it, opens that article;
 * Enter elsewhere does nothing. */
static void
test_article_view_link_keyboard (void)
{
  const LotsArticle *article = builtin_article ("aldre/fardtjanst", "sv");
  LotsArticleView *view = g_object_ref_sink (lots_article_view_new ());
  GtkWindow *window = lots_gui_test_window_new (GTK_WIDGET (view), 800, 600);
  GtkTextView *text_view = lots_article_view_get_text_view (view);
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  Opened opened = { 0 };

  g_signal_connect (view, "open-article", G_CALLBACK (on_open_article), &opened);
  lots_article_view_show (view, article, NULL, NULL, NULL, TODAY, NULL);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  buffer = gtk_text_view_get_buffer (text_view);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text_view)));

  find_text (view, "Kort svar", &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  g_assert_cmpuint (opened.n, ==, 0);

  find_text (view, "Riksfärdtjänst", &iter);
  gtk_text_iter_forward_chars (&iter, 3);
  gtk_text_buffer_place_cursor (buffer, &iter);
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  g_assert_cmpuint (opened.n, ==, 1);
  g_assert_cmpstr (opened.id, ==, "aldre/riksfardtjanst");

  find_text (view, "Parkeringstillstånd för rörelsehindrade", &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (lots_article_view_activate_link_at_cursor (view));
  g_assert_cmpstr (opened.id, ==, "parkering/parkeringstillstand-ansoka");
  opened_clear (&opened);

  close_window (window, view);
}

static const char every_construct[] =
  "# Rubrik ett\n\n"
  "Ett stycke med **fet text**, *kursiv text*, `kod` och ~~struken~~ text.\n"
  "En mjuk radbrytning fortsätter stycket.\n\n"
  "## Rubrik två\n\n"
  "### Rubrik tre\n\n"
  "- Första punkten\n"
  "- Andra punkten\n"
  "  - Inre punkt\n"
  "    - Innersta punkt med en ganska lång text som får brytas över flera rader när fönstret är smalt nog\n"
  "- Tredje punkten\n\n"
  "1. Steg ett\n"
  "2. Steg två\n"
  "   1. Delsteg\n\n"
  "> Ett citat som handläggaren kan läsa upp.\n"
  ">\n"
  "> > Ett citat i citatet.\n\n"
  "---\n\n"
  "| Vad | Telefon | Öppet |\n"
  "|:---|:---:|---:|\n"
  "| **Socialjouren** | 08-123 456 | dygnet runt |\n"
  "| [Hemtjänst](lots:aldre/ansoka-hemtjanst) | 08-654 321 | 08–16 |\n\n"
  "Se [stadens webbplats](https://start.stockholm/) eller [hemtjänst](lots:aldre/ansoka-hemtjanst).\n\n"
  "```\nkodblock rad 1\nkodblock rad 2\n```\n\n"
  "Sista stycket &amp; en entitet.\n";

static void
test_article_view_every_construct (void)
{
  g_autoptr(LotsArticle) article = article_new ("aldre/alla", "Alla konstruktioner", every_construct);
  LotsArticleView *view = g_object_ref_sink (lots_article_view_new ());
  GtkWindow *window = lots_gui_test_window_new (GTK_WIDGET (view), 800, 760);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  GtkWidget *table;
  Opened opened = { 0 };

  article->summary = g_strdup ("En sammanfattning av artikeln.");
  g_signal_connect (view, "open-article", G_CALLBACK (on_open_article), &opened);
  lots_article_view_show (view, article, "Testkälla", "abcdef0123456789", NULL, TODAY, NULL);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 5);

  assert_no_markdown (view);
  text = buffer_text (view);
  g_assert_null (strstr (text, "~~"));
  g_assert_null (strstr (text, "```"));
  g_assert_null (strstr (text, "---"));
  g_assert_null (strstr (text, "&amp;"));
  g_assert_nonnull (strstr (text, "Sista stycket & en entitet."));
  g_assert_nonnull (strstr (text, "text. En mjuk radbrytning"));

  g_assert_true (has_tag_at (view, "Rubrik ett", "h1"));
  g_assert_true (has_tag_at (view, "Rubrik två", "h2"));
  g_assert_true (has_tag_at (view, "Rubrik tre", "h3"));
  g_assert_true (has_tag_at (view, "fet text", "strong"));
  g_assert_false (has_tag_at (view, "kursiv text", "strong"));
  g_assert_true (has_tag_at (view, "kursiv text", "em"));
  g_assert_true (has_tag_at (view, "kod", "code"));
  g_assert_true (has_tag_at (view, "struken", "del"));
  g_assert_true (has_tag_at (view, "kodblock rad 2", "code-block"));
  g_assert_true (has_tag_at (view, "Ett citat som", "quote"));
  g_assert_true (has_tag_at (view, "Ett citat i citatet", "quote"));
  g_assert_true (has_tag_at (view, "Ett citat i citatet", "indent-2"));
  g_assert_true (has_tag_at (view, "stadens webbplats", "link"));

  /* Lists: bullets and numbers, nested one step per level. */
  g_assert_nonnull (strstr (text, "•\tFörsta punkten\n•\tAndra punkten\n•\tInre punkt\n•\tInnersta punkt"));
  g_assert_nonnull (strstr (text, "1.\tSteg ett\n2.\tSteg två\n1.\tDelsteg\n"));
  g_assert_true (has_tag_at (view, "Första punkten", "item-1"));
  g_assert_true (has_tag_at (view, "Inre punkt", "item-2"));
  g_assert_true (has_tag_at (view, "Innersta punkt", "item-3"));
  g_assert_true (has_tag_at (view, "Delsteg", "item-2"));

  /* The rule and the table are widgets in the text. */
  g_assert_nonnull (find_named (GTK_WIDGET (view), GTK_TYPE_SEPARATOR, "article-rule"));
  tables = lots_gui_test_find_all (GTK_WIDGET (view), GTK_TYPE_GRID);
  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 2, 0))), ==, "Öppet");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 0, 1))), ==, "Socialjouren");
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 1, 1))), ==, 0.5);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 2, 1))), ==, 1.0);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 0, 1))), "<b>"));

  /* A click on a lots: link in the text emits open-article. */
  {
    GtkTextView *text_view = lots_article_view_get_text_view (view);
    GtkTextIter iter;
    GdkRectangle rect;

    find_text (view, "hemtjänst.", &iter);
    gtk_text_iter_forward_chars (&iter, 2);
    gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (text_view), &iter);
    g_assert_true (lots_article_view_activate_link_at_cursor (view));
    g_assert_cmpstr (opened.id, ==, "aldre/ansoka-hemtjanst");
    gtk_text_view_get_iter_location (text_view, &iter, &rect);
    g_assert_cmpint (rect.height, >, 0);
  }

  lots_gui_test_wait_frames (GTK_WIDGET (window), 5);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "article-view-constructs.png");
  opened_clear (&opened);
  close_window (window, view);
}

static void
test_article_view_expired (void)
{
  g_autoptr(LotsArticle) article = article_new ("skola/sommarkollo-2024", "Sommarkollo 2024",
                                                "## Anmälan\n\nAnmälan till sommarkollo 2024 är öppen till den 15 april.\n");
  g_autoptr(LotsArticle) future = article_new ("skola/sommarkollo-2026", "Sommarkollo 2026",
                                               "Anmälan öppnar i mars 2026.\n");
  LotsArticleView *view = g_object_ref_sink (lots_article_view_new ());
  GtkWindow *window = lots_gui_test_window_new (GTK_WIDGET (view), 800, 480);
  GtkWidget *row = find_named (GTK_WIDGET (view), GTK_TYPE_BOX, "expired-row");
  GtkWidget *label = find_named (GTK_WIDGET (view), GTK_TYPE_LABEL, "expired-label");

  article->valid_from = g_strdup ("2024-03-01");
  article->valid_until = g_strdup ("2024-08-31");
  article->summary = g_strdup ("Stadens sommarkollo för barn i årskurs 1–6.");
  lots_article_view_show (view, article, "Lots inbyggda exempelbas", NULL, "2024-02-28", TODAY, NULL);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 4);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "2024-08-31"));
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "article-view-expired.png");

  /* Not valid yet. */
  future->valid_from = g_strdup ("2026-01-01");
  lots_article_view_show (view, future, NULL, NULL, NULL, TODAY, NULL);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "2026-01-01"));

  /* Within its window (the last day counts): no warning. */
  lots_article_view_show (view, article, NULL, NULL, NULL, "2024-08-31", NULL);
  g_assert_false (gtk_widget_get_visible (row));

  lots_article_view_clear (view);
  g_assert_null (lots_article_view_get_article_id (view));
  g_assert_false (gtk_widget_get_visible (row));

  close_window (window, view);
}

/* Bodies no district writes but a broken file can hold. */
static void
test_article_view_pathological (void)
{
  LotsArticleView *view = g_object_ref_sink (lots_article_view_new ());
  GtkWindow *window = lots_gui_test_window_new (GTK_WIDGET (view), 800, 600);
  g_autoptr(GString) lists = g_string_new (NULL);
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autoptr(GString) mixed = g_string_new (NULL);
  g_autoptr(GString) big = g_string_new (NULL);
  const char *bodies[4];
  gint64 start;

  for (guint i = 0; i < 10000; i++)
    {
      for (guint j = 0; j < MIN (i, 200u); j++)
        g_string_append (lists, "  ");
      g_string_append_printf (lists, "- nivå %u\n", i);
      g_string_append (quotes, ">");
      g_string_append (mixed, i % 2 ? "> " : "- ");
    }
  g_string_append (quotes, " djupt citat\n");
  g_string_append (mixed, "text\n");
  while (big->len < 2 * 1024 * 1024)
    g_string_append (big, "## Rubrik\n\nEtt stycke med **fet** text och en [länk](lots:aldre/x).\n\n"
                          "- punkt\n- punkt\n\n| a | b |\n|---|---|\n| c | d |\n\n");
  bodies[0] = lists->str;
  bodies[1] = quotes->str;
  bodies[2] = mixed->str;
  bodies[3] = big->str;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(LotsArticle) article = article_new ("aldre/djup", "Djup", bodies[i]);
      g_autofree char *text = NULL;

      start = g_get_monotonic_time ();
      lots_article_view_show (view, article, NULL, NULL, NULL, TODAY, NULL);
      lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
      g_test_message ("body %u (%zu bytes) rendered in %.2f s", i, strlen (bodies[i]),
                      (g_get_monotonic_time () - start) / 1e6);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
      text = buffer_text (view);
      g_assert_cmpuint (strlen (text), >, 0);
    }

  close_window (window, view);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  diagnostics = lots_diagnostics_new ();
  builtin = lots_builtin_load (diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (builtin);

  g_test_add_func ("/article-view/builtin", test_article_view_builtin);
  g_test_add_func ("/article-view/link-keyboard", test_article_view_link_keyboard);
  g_test_add_func ("/article-view/every-construct", test_article_view_every_construct);
  g_test_add_func ("/article-view/expired", test_article_view_expired);
  g_test_add_func ("/article-view/pathological", test_article_view_pathological);

  status = g_test_run ();
  lots_source_free (builtin);
  return status;
}

/* lots-article.c — parsing and checking one article.
 *
 * Front matter goes through libyaml (lots-yaml.c) and the body through md4c,
 * which gives the plain text the index tokenizes and the links the source
 * checks. Nothing here trusts the file: it may be binary, not UTF-8, huge, or
 * nested thousands of levels deep.
 */
#define G_LOG_DOMAIN "lots-article"

#include "config.h"

#include "lots-article.h"

#include <md4c.h>
#include <string.h>

#include "lots-diagnostic.h"
#include "lots-text.h"
#include "lots-yaml.h"

#define LOTS_LINK_SCHEME "lots:"

static const char * const known_keys[] = {
  "id", "title", "area", "tags", "synonyms", "lang", "summary", "owner",
  "valid_from", "valid_until", NULL
};

void
lots_article_free (LotsArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->path);
  g_free (article->id);
  g_free (article->title);
  g_free (article->area);
  g_free (article->lang);
  g_free (article->summary);
  g_free (article->owner);
  g_free (article->valid_from);
  g_free (article->valid_until);
  g_strfreev (article->tags);
  g_strfreev (article->synonyms);
  g_free (article->markdown);
  g_free (article->text);
  g_clear_pointer (&article->links, g_ptr_array_unref);
  g_clear_pointer (&article->link_lines, g_array_unref);
  g_free (article);
}

/* ---- Markdown to plain text (md4c) ------------------------------------- */

typedef struct {
  GString *text;
  GPtrArray *links;
  guint image_depth;
} PlainText;

static void
separate (PlainText *plain,
          char       separator)
{
  if (plain->text->len > 0 && !g_ascii_isspace (plain->text->str[plain->text->len - 1]))
    g_string_append_c (plain->text, separator);
}

static int
on_enter_block (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  separate (user_data, '\n');
  return 0;
}

static int
on_leave_block (MD_BLOCKTYPE type, void *detail, void *user_data)
{
  separate (user_data, type == MD_BLOCK_TD || type == MD_BLOCK_TH ? ' ' : '\n');
  return 0;
}

static int
on_enter_span (MD_SPANTYPE type, void *detail, void *user_data)
{
  PlainText *plain = user_data;

  if (type == MD_SPAN_A && plain->links != NULL)
    {
      const MD_SPAN_A_DETAIL *a = detail;
      gsize n = a->href.size;
      const char *href = a->href.text;

      if (n > strlen (LOTS_LINK_SCHEME) && strncmp (href, LOTS_LINK_SCHEME, strlen (LOTS_LINK_SCHEME)) == 0)
        g_ptr_array_add (plain->links, g_strndup (href + strlen (LOTS_LINK_SCHEME), n - strlen (LOTS_LINK_SCHEME)));
    }
  if (type == MD_SPAN_IMG)
    plain->image_depth++;
  return 0;
}

static int
on_leave_span (MD_SPANTYPE type, void *detail, void *user_data)
{
  PlainText *plain = user_data;

  if (type == MD_SPAN_IMG && plain->image_depth > 0)
    plain->image_depth--;
  return 0;
}

static int
on_text (MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user_data)
{
  PlainText *plain = user_data;

  switch (type)
    {
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
      g_string_append_len (plain->text, text, size);
      break;
    case MD_TEXT_ENTITY:
      /* The few entities handlers' text uses; others are dropped, not indexed raw. */
      if (size == 5 && memcmp (text, "&amp;", 5) == 0)
        g_string_append_c (plain->text, '&');
      else if (size == 6 && memcmp (text, "&nbsp;", 6) == 0)
        g_string_append_c (plain->text, ' ');
      break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      separate (plain, ' ');
      break;
    case MD_TEXT_NULLCHAR:
    case MD_TEXT_HTML:
    default:
      break;
    }
  return 0;
}

/* Renders CommonMark with GitHub tables to plain text: block boundaries
 * become newlines, markup disappears. Link targets of the form lots:ID are
 * appended to links (if given). */
char *
lots_markdown_to_text (const char *markdown,
                       gsize       length,
                       GPtrArray  *links)
{
  PlainText plain = { g_string_sized_new (length), links, 0 };
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML,
    .enter_block = on_enter_block,
    .leave_block = on_leave_block,
    .enter_span = on_enter_span,
    .leave_span = on_leave_span,
    .text = on_text,
  };

  if (md_parse (markdown, (MD_SIZE) length, &parser, &plain) != 0)
    g_debug ("md4c could not parse a body of %" G_GSIZE_FORMAT " bytes", length);
  while (plain.text->len > 0 && g_ascii_isspace (plain.text->str[plain.text->len - 1]))
    g_string_truncate (plain.text, plain.text->len - 1);
  return g_string_free (plain.text, FALSE);
}

/* ---- Front matter ------------------------------------------------------- */

/* Finds the front matter between a first line `---` and the next `---` (or
 * `...`) line. Returns FALSE (with a diagnostic) when there is none. */
static gboolean
split_front_matter (const char  *path,
                    const char  *text,
                    gsize        length,
                    const char **yaml,
                    gsize       *yaml_length,
                    const char **body,
                    guint       *body_line,
                    GPtrArray   *diagnostics)
{
  const char *end = text + length;
  const char *line = text;
  guint line_number = 1;

  if (length < 3 || strncmp (text, "---", 3) != 0 || (length > 3 && text[3] != '\n' && text[3] != '\r'))
    {
      lots_diagnostics_add (diagnostics, path, 1, LOTS_SEVERITY_ERROR,
                            "missing front matter: an article starts with a line '---', then id, title and area, then '---'");
      return FALSE;
    }

  line = memchr (text, '\n', length);
  line = line ? line + 1 : end;
  *yaml = line;
  while (line < end)
    {
      const char *next = memchr (line, '\n', (gsize) (end - line));
      gsize n = (gsize) ((next ? next : end) - line);

      line_number++;
      while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
      if (n == 3 && (strncmp (line, "---", 3) == 0 || strncmp (line, "...", 3) == 0))
        {
          *yaml_length = (gsize) (line - *yaml);
          *body = next ? next + 1 : end;
          *body_line = line_number + 1;
          return TRUE;
        }
      line = next ? next + 1 : end;
    }
  lots_diagnostics_add (diagnostics, path, 1, LOTS_SEVERITY_ERROR,
                        "the front matter is never closed: add a line '---' after the last key");
  return FALSE;
}

static char *
get_scalar (const char         *path,
            const LotsYamlNode *root,
            const char         *key,
            gboolean            required,
            GPtrArray          *diagnostics)
{
  const LotsYamlNode *node = lots_yaml_node_lookup (root, key);

  if (lots_yaml_node_is_null (node))
    {
      if (required)
        lots_diagnostics_add (diagnostics, path, node ? node->line : root->line, LOTS_SEVERITY_ERROR,
                              "missing '%s' in the front matter", key);
      return NULL;
    }
  if (node->kind != LOTS_YAML_SCALAR)
    {
      lots_diagnostics_add (diagnostics, path, node->line, LOTS_SEVERITY_ERROR,
                            "'%s' must be a single value, not %s", key, lots_yaml_kind_to_string (node->kind));
      return NULL;
    }
  if (g_strstrip (node->scalar)[0] == '\0')
    {
      if (required)
        lots_diagnostics_add (diagnostics, path, node->line, LOTS_SEVERITY_ERROR, "'%s' is empty", key);
      return NULL;
    }
  return g_strdup (node->scalar);
}

static GStrv
get_list (const char         *path,
          const LotsYamlNode *root,
          const char         *key,
          GPtrArray          *diagnostics)
{
  const LotsYamlNode *node = lots_yaml_node_lookup (root, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (lots_yaml_node_is_null (node))
    return g_strv_builder_end (builder);
  if (node->kind != LOTS_YAML_SEQUENCE)
    {
      lots_diagnostics_add (diagnostics, path, node->line, LOTS_SEVERITY_ERROR,
                            "'%s' must be a list, e.g. %s: [hemtjänst, larm]", key, key);
      return g_strv_builder_end (builder);
    }
  for (guint i = 0; i < node->children->len; i++)
    {
      const LotsYamlNode *item = g_ptr_array_index (node->children, i);
      if (item->kind != LOTS_YAML_SCALAR)
        lots_diagnostics_add (diagnostics, path, item->line, LOTS_SEVERITY_ERROR,
                              "each item of '%s' must be a word or phrase, not %s", key,
                              lots_yaml_kind_to_string (item->kind));
      else if (item->scalar[0] != '\0')
        g_strv_builder_add (builder, item->scalar);
    }
  return g_strv_builder_end (builder);
}

static guint
key_line (const LotsYamlNode *root,
          const char         *key)
{
  const LotsYamlNode *node = lots_yaml_node_lookup (root, key);
  return node ? node->line : root->line;
}

static void
check_id (LotsArticle        *article,
          const LotsYamlNode *root,
          GPtrArray          *diagnostics)
{
  const char *slash = strchr (article->id, '/');
  guint line = key_line (root, "id");

  if (slash == NULL || strchr (slash + 1, '/') != NULL)
    {
      lots_diagnostics_add (diagnostics, article->path, line, LOTS_SEVERITY_ERROR,
                            "id '%s' must be AREA/SLUG, e.g. aldre/ansoka-hemtjanst", article->id);
      return;
    }
  if (!lots_text_is_slug (slash + 1))
    lots_diagnostics_add (diagnostics, article->path, line, LOTS_SEVERITY_ERROR,
                          "bad slug '%s' in id: use lower-case a-z, digits and '-' (å, ä, ö written a, a, o)",
                          slash + 1);
  if (article->area != NULL &&
      (strlen (article->area) != (gsize) (slash - article->id) ||
       strncmp (article->id, article->area, (gsize) (slash - article->id)) != 0))
    lots_diagnostics_add (diagnostics, article->path, line, LOTS_SEVERITY_ERROR,
                          "id '%s' must start with its area '%s/'", article->id, article->area);
}

static void
check_dates (LotsArticle        *article,
             const LotsYamlNode *root,
             GPtrArray          *diagnostics)
{
  const char *keys[] = { "valid_from", "valid_until" };
  char **values[] = { &article->valid_from, &article->valid_until };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (*values[i] != NULL && !lots_text_is_iso_date (*values[i]))
      {
        lots_diagnostics_add (diagnostics, article->path, key_line (root, keys[i]), LOTS_SEVERITY_ERROR,
                              "'%s' must be a date written YYYY-MM-DD, not '%s'", keys[i], *values[i]);
        g_clear_pointer (values[i], g_free);
      }
  if (article->valid_from != NULL && article->valid_until != NULL &&
      strcmp (article->valid_from, article->valid_until) > 0)
    lots_diagnostics_add (diagnostics, article->path, key_line (root, "valid_until"), LOTS_SEVERITY_ERROR,
                          "'valid_until' (%s) is before 'valid_from' (%s)", article->valid_until, article->valid_from);
}

static void
check_keys (LotsArticle        *article,
            const LotsYamlNode *root,
            const LotsManifest *manifest,
            GPtrArray          *diagnostics)
{
  for (guint i = 0; i + 1 < root->children->len; i += 2)
    {
      const LotsYamlNode *key = g_ptr_array_index (root->children, i);
      if (!g_strv_contains (known_keys, key->scalar))
        lots_diagnostics_add (diagnostics, article->path, key->line, LOTS_SEVERITY_WARNING,
                              "unknown key '%s' is ignored", key->scalar);
    }
  if (article->area != NULL && manifest != NULL && !lots_manifest_has_area (manifest, article->area))
    lots_diagnostics_add (diagnostics, article->path, key_line (root, "area"), LOTS_SEVERITY_ERROR,
                          "area '%s' is not one of this source's areas in lots.yaml", article->area);
  if (article->lang != NULL && !lots_text_is_lang (article->lang))
    {
      lots_diagnostics_add (diagnostics, article->path, key_line (root, "lang"), LOTS_SEVERITY_ERROR,
                            "'lang' must be a language code such as 'sv' or 'en', not '%s'", article->lang);
      g_clear_pointer (&article->lang, g_free);
    }
}

static void
record_link_lines (LotsArticle *article)
{
  article->link_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < article->links->len; i++)
    {
      g_autofree char *needle = g_strconcat (LOTS_LINK_SCHEME, (char *) g_ptr_array_index (article->links, i), NULL);
      const char *at = strstr (article->markdown, needle);
      guint line = at ? article->body_line - 1 + lots_text_line_at (article->markdown, at) : article->body_line;
      g_array_append_val (article->link_lines, line);
    }
}

/* Parses one article file. Returns NULL if it cannot be published; every
 * problem found is in diagnostics either way (warnings do not stop it). */
LotsArticle *
lots_article_parse (const char         *path,
                    const char         *text,
                    gsize               length,
                    const LotsManifest *manifest,
                    GPtrArray          *diagnostics)
{
  g_autoptr(LotsArticle) article = NULL;
  g_autoptr(LotsYamlNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *yaml = NULL, *body = NULL;
  gsize yaml_length = 0;
  guint body_line = 0, error_line = 0;
  guint n_errors = lots_diagnostics_n_errors (diagnostics);

  if (length > LOTS_ARTICLE_MAX_SIZE)
    {
      lots_diagnostics_add (diagnostics, path, 0, LOTS_SEVERITY_ERROR,
                            "file is %" G_GSIZE_FORMAT " bytes; an article may be at most %d bytes — split it",
                            length, LOTS_ARTICLE_MAX_SIZE);
      return NULL;
    }
  if (length == 0)
    {
      lots_diagnostics_add (diagnostics, path, 0, LOTS_SEVERITY_ERROR, "empty file: an article needs front matter and text");
      return NULL;
    }
  if (!lots_text_check_utf8 (path, text, length, diagnostics))
    return NULL;
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  if (!split_front_matter (path, text, length, &yaml, &yaml_length, &body, &body_line, diagnostics))
    return NULL;

  root = lots_yaml_parse (yaml, yaml_length, 2, &error_line, &error);
  if (root == NULL)
    {
      lots_diagnostics_add (diagnostics, path, error_line, LOTS_SEVERITY_ERROR, "%s", error->message);
      return NULL;
    }
  if (root->kind != LOTS_YAML_MAPPING)
    {
      lots_diagnostics_add (diagnostics, path, root->line, LOTS_SEVERITY_ERROR,
                            "the front matter must be keys (id: …, title: …, area: …), not %s",
                            lots_yaml_kind_to_string (root->kind));
      return NULL;
    }

  article = g_new0 (LotsArticle, 1);
  article->path = g_strdup (path);
  article->id = get_scalar (path, root, "id", TRUE, diagnostics);
  article->id_line = key_line (root, "id");
  article->title = get_scalar (path, root, "title", TRUE, diagnostics);
  article->area = get_scalar (path, root, "area", TRUE, diagnostics);
  article->lang = get_scalar (path, root, "lang", FALSE, diagnostics);
  article->summary = get_scalar (path, root, "summary", FALSE, diagnostics);
  article->owner = get_scalar (path, root, "owner", FALSE, diagnostics);
  article->valid_from = get_scalar (path, root, "valid_from", FALSE, diagnostics);
  article->valid_until = get_scalar (path, root, "valid_until", FALSE, diagnostics);
  article->tags = get_list (path, root, "tags", diagnostics);
  article->synonyms = get_list (path, root, "synonyms", diagnostics);
  article->body_line = body_line;

  if (article->id != NULL)
    check_id (article, root, diagnostics);
  check_dates (article, root, diagnostics);
  check_keys (article, root, manifest, diagnostics);
  if (article->lang == NULL)
    article->lang = g_strdup (manifest && manifest->lang ? manifest->lang : "sv");

  article->markdown = g_strndup (body, (gsize) (text + length - body));
  article->links = g_ptr_array_new_with_free_func (g_free);
  article->text = lots_markdown_to_text (article->markdown, strlen (article->markdown), article->links);
  record_link_lines (article);
  if (article->text[0] == '\0')
    lots_diagnostics_add (diagnostics, path, body_line, LOTS_SEVERITY_WARNING,
                          "the article has no text after the front matter");

  if (lots_diagnostics_n_errors (diagnostics) > n_errors ||
      article->id == NULL || article->title == NULL || article->area == NULL)
    return NULL;
  return g_steal_pointer (&article);
}

/* Outside [valid_from, valid_until] an article is not shown as current.
 * today is YYYY-MM-DD; ISO dates compare as strings. */
gboolean
lots_article_is_current (const LotsArticle *article,
                         const char        *today)
{
  if (article->valid_from != NULL && strcmp (today, article->valid_from) < 0)
    return FALSE;
  if (article->valid_until != NULL && strcmp (today, article->valid_until) > 0)
    return FALSE;
  return TRUE;
}

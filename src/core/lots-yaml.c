/* lots-yaml.c — a small, bounded YAML tree over libyaml's document loader.
 *
 * libyaml's loader resolves an alias to the index of the anchored node, so an
 * alias shows up as a node reached twice. Walking such a document naively is
 * exponential (the "billion laughs" bomb), so the walk marks each node it has
 * built and refuses a second visit.
 */
#define G_LOG_DOMAIN "lots-yaml"

#include "config.h"

#include "lots-yaml.h"

#include <yaml.h>

#include "lots-error.h"

/* Manifests and front matter are two or three levels deep; 32 leaves room for
 * any honest use while a hostile `[[[[…` cannot exhaust the stack. */
#define MAX_DEPTH 32
#define MAX_NODES 100000

typedef struct {
  yaml_document_t *document;
  guint8 *visited;
  guint n_nodes;
  guint first_line;
  guint error_line;
  GError *error;
} Walk;

void
lots_yaml_node_free (LotsYamlNode *node)
{
  if (node == NULL)
    return;
  g_free (node->scalar);
  if (node->children != NULL)
    g_ptr_array_unref (node->children);
  g_free (node);
}

static LotsYamlNode *
node_new (LotsYamlKind kind,
          guint        line)
{
  LotsYamlNode *node = g_new0 (LotsYamlNode, 1);

  node->kind = kind;
  node->line = line;
  if (kind != LOTS_YAML_SCALAR)
    node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_yaml_node_free);
  return node;
}

static void
walk_fail (Walk       *walk,
           guint       line,
           const char *message)
{
  if (walk->error != NULL)
    return;
  walk->error_line = line;
  walk->error = g_error_new (LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s", message);
}

static LotsYamlNode *build (Walk *walk, int index, guint depth);

static gboolean
build_children (Walk          *walk,
                LotsYamlNode  *parent,
                yaml_node_t   *node,
                guint          depth)
{
  if (node->type == YAML_SEQUENCE_NODE)
    {
      for (yaml_node_item_t *item = node->data.sequence.items.start;
           item < node->data.sequence.items.top; item++)
        {
          LotsYamlNode *child = build (walk, *item, depth + 1);
          if (child == NULL)
            return FALSE;
          g_ptr_array_add (parent->children, child);
        }
      return TRUE;
    }

  for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
       pair < node->data.mapping.pairs.top; pair++)
    {
      LotsYamlNode *key = build (walk, pair->key, depth + 1);
      LotsYamlNode *value;

      if (key == NULL)
        return FALSE;
      g_ptr_array_add (parent->children, key);
      if (key->kind != LOTS_YAML_SCALAR)
        {
          walk_fail (walk, key->line, "a key must be a plain word");
          return FALSE;
        }
      if (lots_yaml_node_lookup (parent, key->scalar) != NULL)
        {
          g_autofree char *message = g_strdup_printf ("duplicate key '%s'", key->scalar);
          walk_fail (walk, key->line, message);
          return FALSE;
        }
      value = build (walk, pair->value, depth + 1);
      if (value == NULL)
        return FALSE;
      g_ptr_array_add (parent->children, value);
    }
  return TRUE;
}

static LotsYamlNode *
build (Walk *walk,
       int   index,
       guint depth)
{
  yaml_node_t *node = yaml_document_get_node (walk->document, index);
  guint line;
  g_autoptr(LotsYamlNode) result = NULL;

  if (node == NULL)
    {
      walk_fail (walk, walk->first_line, "broken YAML document");
      return NULL;
    }
  line = walk->first_line + (guint) node->start_mark.line;
  if (walk->visited[index])
    {
      walk_fail (walk, line, "YAML anchors and aliases (&name, *name) are not allowed");
      return NULL;
    }
  walk->visited[index] = 1;
  if (depth > MAX_DEPTH || ++walk->n_nodes > MAX_NODES)
    {
      walk_fail (walk, line, "the YAML is nested too deeply or is too large");
      return NULL;
    }

  switch (node->type)
    {
    case YAML_SCALAR_NODE:
      result = node_new (LOTS_YAML_SCALAR, line);
      result->scalar = g_strndup ((const char *) node->data.scalar.value, node->data.scalar.length);
      result->quoted = node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
      return g_steal_pointer (&result);
    case YAML_SEQUENCE_NODE:
      result = node_new (LOTS_YAML_SEQUENCE, line);
      break;
    case YAML_MAPPING_NODE:
      result = node_new (LOTS_YAML_MAPPING, line);
      break;
    case YAML_NO_NODE:
    default:
      walk_fail (walk, line, "unexpected YAML node");
      return NULL;
    }
  if (!build_children (walk, result, node, depth))
    return NULL;
  return g_steal_pointer (&result);
}

/* Where to point a publisher: for an unclosed quote or bracket libyaml's
 * problem mark is where it ran out of text, so the place it was opened (the
 * context mark) is the useful line; for everything else the problem mark is. */
static const yaml_mark_t *
error_mark (const yaml_parser_t *parser)
{
  if (parser->context != NULL &&
      (g_str_has_prefix (parser->context, "while scanning a quoted scalar") ||
       g_str_has_prefix (parser->context, "while parsing a flow")))
    return &parser->context_mark;
  return &parser->problem_mark;
}

/* libyaml's parser is quadratic in nesting depth ("[[[[…" of 50,000 takes
 * seconds), so flow nesting deeper than MAX_DEPTH is refused before it
 * parses. Quoted text is skipped; returns the line of the offending bracket
 * or 0. */
static guint
too_deep_line (const char *text,
               gsize       length)
{
  guint depth = 0, line = 1;
  char quote = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\n')
        {
          line++;
          quote = 0;   /* a quote is not continued here for this purpose */
        }
      else if (quote)
        {
          if (c == quote)
            quote = 0;
        }
      else if (c == '"' || c == '\'')
        quote = c;
      else if (c == '#')
        while (i + 1 < length && text[i + 1] != '\n')
          i++;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return line;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return 0;
}

/* Parses one YAML document. first_line is the file line the text starts on,
 * so that nodes and errors carry file lines. On error, *error_line (if given)
 * says where. An empty document is an error: every Lots YAML file has keys. */
LotsYamlNode *
lots_yaml_parse (const char  *text,
                 gsize        length,
                 guint        first_line,
                 guint       *error_line,
                 GError     **error)
{
  yaml_parser_t parser;
  yaml_document_t document;
  LotsYamlNode *root = NULL;
  Walk walk = { 0 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (error_line != NULL)
    *error_line = first_line;

  {
    guint deep = too_deep_line (text, length);
    if (deep > 0)
      {
        if (error_line != NULL)
          *error_line = first_line + deep - 1;
        g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                     "the YAML is nested too deeply (more than %d levels)", MAX_DEPTH);
        return NULL;
      }
  }
  if (!yaml_parser_initialize (&parser))
    {
      g_set_error_literal (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "out of memory");
      return NULL;
    }
  yaml_parser_set_input_string (&parser, (const unsigned char *) (text ? text : ""), length);
  if (!yaml_parser_load (&parser, &document))
    {
      if (error_line != NULL)
        *error_line = first_line + (guint) error_mark (&parser)->line;
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "invalid YAML: %s%s%s",
                   parser.problem ? parser.problem : "syntax error",
                   parser.context ? " " : "", parser.context ? parser.context : "");
      yaml_parser_delete (&parser);
      return NULL;
    }
  yaml_parser_delete (&parser);

  if (yaml_document_get_root_node (&document) == NULL)
    {
      yaml_document_delete (&document);
      g_set_error_literal (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "the YAML is empty");
      return NULL;
    }

  walk.document = &document;
  walk.first_line = first_line;
  walk.visited = g_malloc0 ((gsize) (document.nodes.top - document.nodes.start) + 2);
  root = build (&walk, 1, 0);
  g_free (walk.visited);
  yaml_document_delete (&document);

  if (root == NULL)
    {
      if (error_line != NULL)
        *error_line = walk.error_line;
      g_propagate_error (error, walk.error);
      return NULL;
    }
  return root;
}

const LotsYamlNode *
lots_yaml_node_lookup (const LotsYamlNode *mapping,
                       const char         *key)
{
  g_return_val_if_fail (mapping != NULL, NULL);

  if (mapping->kind != LOTS_YAML_MAPPING)
    return NULL;
  for (guint i = 0; i + 1 < mapping->children->len; i += 2)
    {
      const LotsYamlNode *k = g_ptr_array_index (mapping->children, i);
      if (g_strcmp0 (k->scalar, key) == 0)
        return g_ptr_array_index (mapping->children, i + 1);
    }
  return NULL;
}

/* `key:` with nothing after it, or `~`/`null`, unless quoted. */
gboolean
lots_yaml_node_is_null (const LotsYamlNode *node)
{
  if (node == NULL)
    return TRUE;
  if (node->kind != LOTS_YAML_SCALAR || node->quoted)
    return FALSE;
  return node->scalar[0] == '\0' || g_str_equal (node->scalar, "~") ||
         g_ascii_strcasecmp (node->scalar, "null") == 0;
}

const char *
lots_yaml_kind_to_string (LotsYamlKind kind)
{
  switch (kind)
    {
    case LOTS_YAML_SCALAR:   return "a single value";
    case LOTS_YAML_SEQUENCE: return "a list";
    case LOTS_YAML_MAPPING:  return "a set of keys";
    default:                 return "unknown";
    }
}

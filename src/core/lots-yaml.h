/* lots-yaml.h — a small, bounded YAML tree for manifests and front matter.
 *
 * libyaml parses; this file turns its document into a tree that remembers the
 * line of every node, so a publisher's mistake can be reported as
 * `path:line: message`. The tree is bounded because YAML comes from district
 * repositories, which are untrusted: anchors and aliases are refused (no
 * "billion laughs"), nesting is capped, duplicate keys are an error.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LOTS_YAML_SCALAR,
  LOTS_YAML_SEQUENCE,
  LOTS_YAML_MAPPING,
} LotsYamlKind;

typedef struct _LotsYamlNode LotsYamlNode;

struct _LotsYamlNode {
  LotsYamlKind kind;
  guint line;          /* 1-based line in the file the YAML came from */
  char *scalar;        /* LOTS_YAML_SCALAR: the value */
  gboolean quoted;     /* LOTS_YAML_SCALAR: written in quotes (so never null) */
  GPtrArray *children; /* SEQUENCE: items; MAPPING: key, value, key, value … */
};

LotsYamlNode       *lots_yaml_parse           (const char   *text,
                                               gsize         length,
                                               guint         first_line,
                                               guint        *error_line,
                                               GError      **error);
void                lots_yaml_node_free       (LotsYamlNode *node);
const LotsYamlNode *lots_yaml_node_lookup     (const LotsYamlNode *mapping,
                                               const char         *key);
gboolean            lots_yaml_node_is_null    (const LotsYamlNode *node);
const char         *lots_yaml_kind_to_string  (LotsYamlKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsYamlNode, lots_yaml_node_free)

G_END_DECLS

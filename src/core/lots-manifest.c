/* lots-manifest.c — reading and checking a source's lots.yaml. */
#define G_LOG_DOMAIN "lots-manifest"

#include "config.h"

#include "lots-manifest.h"

#include "lots-area.h"
#include "lots-diagnostic.h"
#include "lots-text.h"
#include "lots-yaml.h"

static const char * const known_keys[] = { "id", "title", "owner", "areas", "lang", NULL };

void
lots_manifest_free (LotsManifest *manifest)
{
  if (manifest == NULL)
    return;
  g_free (manifest->id);
  g_free (manifest->title);
  g_free (manifest->owner);
  g_free (manifest->lang);
  g_strfreev (manifest->areas);
  g_free (manifest);
}

static char *
required_scalar (const char         *path,
                 const LotsYamlNode *root,
                 const char         *key,
                 GPtrArray          *diagnostics)
{
  const LotsYamlNode *node = lots_yaml_node_lookup (root, key);

  if (lots_yaml_node_is_null (node))
    {
      lots_diagnostics_add (diagnostics, path, node ? node->line : root->line, LOTS_SEVERITY_ERROR,
                            "missing '%s'", key);
      return NULL;
    }
  if (node->kind != LOTS_YAML_SCALAR)
    {
      lots_diagnostics_add (diagnostics, path, node->line, LOTS_SEVERITY_ERROR,
                            "'%s' must be a single value, not %s", key, lots_yaml_kind_to_string (node->kind));
      return NULL;
    }
  return g_strdup (node->scalar);
}

static GStrv
parse_areas (const char         *path,
             const LotsYamlNode *root,
             GPtrArray          *known_areas,
             GPtrArray          *diagnostics)
{
  const LotsYamlNode *node = lots_yaml_node_lookup (root, "areas");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (lots_yaml_node_is_null (node))
    {
      lots_diagnostics_add (diagnostics, path, node ? node->line : root->line, LOTS_SEVERITY_ERROR,
                            "missing 'areas': list the areas this source publishes to, e.g. [aldre, forskola]");
      return NULL;
    }
  if (node->kind != LOTS_YAML_SEQUENCE)
    {
      lots_diagnostics_add (diagnostics, path, node->line, LOTS_SEVERITY_ERROR,
                            "'areas' must be a list, e.g. [aldre, forskola]");
      return NULL;
    }
  for (guint i = 0; i < node->children->len; i++)
    {
      const LotsYamlNode *item = g_ptr_array_index (node->children, i);

      if (item->kind != LOTS_YAML_SCALAR)
        lots_diagnostics_add (diagnostics, path, item->line, LOTS_SEVERITY_ERROR,
                              "each area must be an area id such as 'aldre'");
      else if (known_areas != NULL && lots_areas_find (known_areas, item->scalar) == NULL)
        lots_diagnostics_add (diagnostics, path, item->line, LOTS_SEVERITY_ERROR,
                              "unknown area '%s' (known areas are listed in knowledge/areas.yaml)", item->scalar);
      else
        g_strv_builder_add (builder, item->scalar);
    }
  return g_strv_builder_end (builder);
}

/* Parses lots.yaml. Returns NULL when the manifest is unusable (no id or no
 * areas); every problem found is in diagnostics either way. */
LotsManifest *
lots_manifest_parse (const char *path,
                     const char *text,
                     gsize       length,
                     GPtrArray  *known_areas,
                     GPtrArray  *diagnostics)
{
  g_autoptr(LotsYamlNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsManifest) manifest = NULL;
  const LotsYamlNode *lang;
  guint error_line = 0;
  guint n_errors = lots_diagnostics_n_errors (diagnostics);

  if (!lots_text_check_utf8 (path, text, length, diagnostics))
    return NULL;
  root = lots_yaml_parse (text, length, 1, &error_line, &error);
  if (root == NULL)
    {
      lots_diagnostics_add (diagnostics, path, error_line, LOTS_SEVERITY_ERROR, "%s", error->message);
      return NULL;
    }
  if (root->kind != LOTS_YAML_MAPPING)
    {
      lots_diagnostics_add (diagnostics, path, root->line, LOTS_SEVERITY_ERROR,
                            "lots.yaml must be a set of keys: id, title, owner, areas, lang");
      return NULL;
    }

  manifest = g_new0 (LotsManifest, 1);
  manifest->id = required_scalar (path, root, "id", diagnostics);
  manifest->title = required_scalar (path, root, "title", diagnostics);
  manifest->owner = required_scalar (path, root, "owner", diagnostics);
  manifest->areas = parse_areas (path, root, known_areas, diagnostics);

  lang = lots_yaml_node_lookup (root, "lang");
  if (lots_yaml_node_is_null (lang))
    manifest->lang = g_strdup ("sv");
  else if (lang->kind != LOTS_YAML_SCALAR || !lots_text_is_lang (lang->scalar))
    lots_diagnostics_add (diagnostics, path, lang->line, LOTS_SEVERITY_ERROR,
                          "'lang' must be a language code such as 'sv' or 'en'");
  else
    manifest->lang = g_strdup (lang->scalar);

  if (manifest->id != NULL && !lots_text_is_slug (manifest->id))
    {
      lots_diagnostics_add (diagnostics, path, lots_yaml_node_lookup (root, "id")->line, LOTS_SEVERITY_ERROR,
                            "source id '%s' may only hold lower-case letters a-z, digits and '-'", manifest->id);
      g_clear_pointer (&manifest->id, g_free);
    }

  for (guint i = 0; i + 1 < root->children->len; i += 2)
    {
      const LotsYamlNode *key = g_ptr_array_index (root->children, i);
      if (!g_strv_contains (known_keys, key->scalar))
        lots_diagnostics_add (diagnostics, path, key->line, LOTS_SEVERITY_WARNING,
                              "unknown key '%s' is ignored", key->scalar);
    }

  if (lots_diagnostics_n_errors (diagnostics) > n_errors || manifest->id == NULL || manifest->areas == NULL)
    return NULL;
  return g_steal_pointer (&manifest);
}

gboolean
lots_manifest_has_area (const LotsManifest *manifest,
                        const char         *area)
{
  return manifest != NULL && manifest->areas != NULL && area != NULL &&
         g_strv_contains ((const char * const *) manifest->areas, area);
}

/* lots-area.c — reading knowledge/areas.yaml. */
#define G_LOG_DOMAIN "lots-area"

#include "config.h"

#include "lots-area.h"

#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-text.h"
#include "lots-yaml.h"

void
lots_area_free (LotsArea *area)
{
  if (area == NULL)
    return;
  g_free (area->id);
  g_free (area->title);
  g_free (area->title_en);
  g_free (area->description);
  g_free (area);
}

static char *
dup_scalar (const LotsYamlNode *item,
            const char         *key)
{
  const LotsYamlNode *node = lots_yaml_node_lookup (item, key);

  if (node == NULL || node->kind != LOTS_YAML_SCALAR || lots_yaml_node_is_null (node))
    return NULL;
  return g_strdup (node->scalar);
}

/* Parses areas.yaml: a list of maps with id, title, title_en, description.
 * Problems go to diagnostics; the valid areas are returned. */
GPtrArray *
lots_areas_parse (const char *path,
                  const char *text,
                  gsize       length,
                  GPtrArray  *diagnostics)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_area_free);
  g_autoptr(LotsYamlNode) root = NULL;
  g_autoptr(GError) error = NULL;
  guint error_line = 0;

  if (!lots_text_check_utf8 (path, text, length, diagnostics))
    return g_steal_pointer (&areas);
  root = lots_yaml_parse (text, length, 1, &error_line, &error);
  if (root == NULL)
    {
      lots_diagnostics_add (diagnostics, path, error_line, LOTS_SEVERITY_ERROR, "%s", error->message);
      return g_steal_pointer (&areas);
    }
  if (root->kind != LOTS_YAML_SEQUENCE)
    {
      lots_diagnostics_add (diagnostics, path, root->line, LOTS_SEVERITY_ERROR,
                            "areas.yaml must be a list of areas, each with id and title");
      return g_steal_pointer (&areas);
    }

  for (guint i = 0; i < root->children->len; i++)
    {
      const LotsYamlNode *item = g_ptr_array_index (root->children, i);
      LotsArea *area;

      if (item->kind != LOTS_YAML_MAPPING)
        {
          lots_diagnostics_add (diagnostics, path, item->line, LOTS_SEVERITY_ERROR,
                                "each area must be a set of keys (id, title, description)");
          continue;
        }
      area = g_new0 (LotsArea, 1);
      area->id = dup_scalar (item, "id");
      area->title = dup_scalar (item, "title");
      area->title_en = dup_scalar (item, "title_en");
      area->description = dup_scalar (item, "description");
      if (area->id == NULL || !lots_text_is_slug (area->id))
        lots_diagnostics_add (diagnostics, path, item->line, LOTS_SEVERITY_ERROR,
                              "an area needs an id of lower-case letters, digits and '-'");
      else if (area->title == NULL)
        lots_diagnostics_add (diagnostics, path, item->line, LOTS_SEVERITY_ERROR,
                              "area '%s' has no title", area->id);
      else if (lots_areas_find (areas, area->id) != NULL)
        lots_diagnostics_add (diagnostics, path, item->line, LOTS_SEVERITY_ERROR,
                              "area '%s' is defined twice", area->id);
      else
        {
          g_ptr_array_add (areas, area);
          continue;
        }
      lots_area_free (area);
    }
  return g_steal_pointer (&areas);
}

GPtrArray *
lots_areas_load_file (const char  *filename,
                      GError     **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) areas = NULL;

  if (!g_file_get_contents (filename, &text, &length, error))
    return NULL;
  areas = lots_areas_parse (filename, text, length, diagnostics);
  if (lots_diagnostics_n_errors (diagnostics) > 0)
    {
      g_autofree char *first = lots_diagnostic_format (g_ptr_array_index (diagnostics, 0), NULL);
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s", first);
      return NULL;
    }
  return g_steal_pointer (&areas);
}

const LotsArea *
lots_areas_find (GPtrArray  *areas,
                 const char *id)
{
  if (areas == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < areas->len; i++)
    {
      const LotsArea *area = g_ptr_array_index (areas, i);
      if (g_str_equal (area->id, id))
        return area;
    }
  return NULL;
}

/* lots-builtin.c — loading and indexing the built-in source. */
#define G_LOG_DOMAIN "lots-builtin"

#include "config.h"

#include "lots-builtin.h"

#include "lots-area.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-paths.h"

/* The areas every source publishes to, from the built-in areas.yaml. */
GPtrArray *
lots_builtin_areas (GError **error)
{
  g_autofree char *dir = lots_paths_dup_builtin_dir ();
  g_autofree char *file = g_build_filename (dir, "knowledge", "areas.yaml", NULL);

  return lots_areas_load_file (file, error);
}

static GPtrArray *
read_builtin_files (GPtrArray  *diagnostics,
                    GError    **error)
{
  g_autofree char *dir = lots_paths_dup_builtin_dir ();
  g_autofree char *knowledge = g_build_filename (dir, "knowledge", NULL);
  g_autofree char *scripts = g_build_filename (dir, "scripts", NULL);
  g_autoptr(GPtrArray) files = lots_source_read_dir (knowledge, "", knowledge, NULL, diagnostics, error);

  if (files == NULL)
    return NULL;
  if (g_file_test (scripts, G_FILE_TEST_IS_DIR) &&
      lots_source_read_dir (scripts, "scripts", dir, files, diagnostics, error) == NULL)
    return NULL;
  return g_steal_pointer (&files);
}

LotsSource *
lots_builtin_load (GPtrArray  *diagnostics,
                   GError    **error)
{
  g_autoptr(GPtrArray) files = read_builtin_files (diagnostics, error);

  if (files == NULL)
    return NULL;
  return lots_source_load (files, NULL, NULL, diagnostics);
}

/* Indexes the built-in source unless the index already holds this version
 * of it. The built-in base is ours: a problem in it is a bug, reported as an
 * error rather than indexed around. */
gboolean
lots_builtin_ensure_indexed (LotsIndex  *index,
                             GError    **error)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) files = read_builtin_files (diagnostics, error);
  g_autoptr(LotsSource) source = NULL;
  g_autofree char *indexed = NULL;
  g_autofree char *dir = lots_paths_dup_builtin_dir ();

  if (files == NULL)
    return FALSE;
  source = lots_source_load (files, NULL, NULL, diagnostics);
  if (source->manifest == NULL || lots_diagnostics_n_errors (diagnostics) > 0)
    {
      g_autofree char *first = diagnostics->len ? lots_diagnostic_format (g_ptr_array_index (diagnostics, 0), NULL)
                                                : g_strdup ("no manifest");
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                   "the built-in knowledge base in %s is broken: %s", dir, first);
      return FALSE;
    }
  indexed = lots_index_dup_revision (index, source->manifest->id);
  if (g_strcmp0 (indexed, source->revision) == 0)
    return TRUE;
  g_debug ("indexing the built-in source (%u articles)", source->articles->len);
  if (source->areas != NULL && !lots_index_put_areas (index, source->areas, error))
    return FALSE;
  return lots_index_put_source (index, source, LOTS_BUILTIN_KIND, dir, error);
}

/* Opens the index of this data directory with the built-in source in it. */
LotsIndex *
lots_builtin_open_index (GError **error)
{
  g_autofree char *filename = lots_paths_dup_index_file ();
  g_autoptr(LotsIndex) index = NULL;

  if (!lots_paths_ensure_parent (filename, error))
    return NULL;
  index = lots_index_open (filename, error);
  if (index == NULL || !lots_builtin_ensure_indexed (index, error))
    return NULL;
  return g_steal_pointer (&index);
}

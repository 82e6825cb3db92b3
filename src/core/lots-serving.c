/* lots-serving.c — the sources a workstation serves (see the header). */
#define G_LOG_DOMAIN "lots-serving"

#include "config.h"

#include "lots-serving.h"

#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-source-config.h"
#include "lots-source-repository.h"

/* A GPtrArray of LotsSource: the built-in first, then each git source at
 * its accepted commit, in the order they were added. */
GPtrArray *
lots_serving_load_sources (const char  *data_dir,
                           GPtrArray   *diagnostics,
                           GError     **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_source_free);
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(GPtrArray) known_areas = NULL;
  LotsSource *builtin;

  g_return_val_if_fail (data_dir != NULL && diagnostics != NULL, NULL);
  builtin = lots_builtin_load (diagnostics, error);
  if (builtin == NULL)
    return NULL;
  g_ptr_array_add (sources, builtin);
  configs = lots_source_config_load (data_dir, error);
  known_areas = configs ? lots_builtin_areas (error) : NULL;
  if (known_areas == NULL)
    return NULL;
  for (guint i = 0; i < configs->len; i++)
    {
      const LotsSourceConfig *config = g_ptr_array_index (configs, i);
      g_autoptr(LotsSourceRepository) repository = lots_source_repository_open (config, data_dir, NULL);
      g_autofree char *accepted = repository ? lots_source_repository_dup_ref (repository, LOTS_ACCEPTED_REF) : NULL;
      g_autoptr(GPtrArray) files = NULL;
      g_autoptr(GPtrArray) ignored = lots_diagnostics_new ();
      LotsSource *source;

      if (accepted == NULL)
        continue;
      /* An accepted tree passed the gate; its diagnostics were seen then. */
      files = lots_source_repository_read_tree (repository, accepted, ignored, NULL);
      if (files == NULL)
        continue;
      source = lots_source_load (files, config->name, known_areas, ignored);
      g_free (source->revision);
      source->revision = g_strdup (accepted);
      g_ptr_array_add (sources, source);
    }
  return g_steal_pointer (&sources);
}

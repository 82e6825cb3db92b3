/* lots-paths.c — data, cache and built-in directories. */
#define G_LOG_DOMAIN "lots-paths"

#include "config.h"

#include "lots-paths.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "lots-error.h"

static char *explicit_data_dir;

/* Overrides LOTS_DATA_DIR and XDG for the rest of the process. */
void
lots_paths_set_data_dir (const char *dir)
{
  g_free (explicit_data_dir);
  explicit_data_dir = g_strdup (dir);
}

static const char *
given_data_dir (void)
{
  if (explicit_data_dir != NULL)
    return explicit_data_dir;
  return g_getenv ("LOTS_DATA_DIR");
}

char *
lots_paths_dup_data_dir (void)
{
  const char *given = given_data_dir ();

  if (given != NULL && *given != '\0')
    return g_strdup (given);
  return g_build_filename (g_get_user_data_dir (), "lots", NULL);
}

char *
lots_paths_dup_index_file (void)
{
  const char *given = given_data_dir ();

  if (given != NULL && *given != '\0')
    return g_build_filename (given, "index.sqlite", NULL);
  return g_build_filename (g_get_user_cache_dir (), "lots", "index.sqlite", NULL);
}

/* The folder holding knowledge/ and scripts/: LOTS_BUILTIN_DIR if set, else
 * the checkout the program was built from (uninstalled runs), else the
 * installed copy. */
char *
lots_paths_dup_builtin_dir (void)
{
  const char *given = g_getenv ("LOTS_BUILTIN_DIR");
  g_autofree char *source_knowledge = g_build_filename (LOTS_SOURCE_ROOT, "knowledge", "lots.yaml", NULL);

  if (given != NULL && *given != '\0')
    return g_strdup (given);
  if (g_file_test (source_knowledge, G_FILE_TEST_EXISTS))
    return g_strdup (LOTS_SOURCE_ROOT);
  return g_strdup (LOTS_INSTALLED_BUILTIN_DIR);
}

gboolean
lots_paths_ensure_parent (const char  *filename,
                          GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (filename);

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_IO, "cannot create %s: %s", parent, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

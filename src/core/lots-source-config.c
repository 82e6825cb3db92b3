/* lots-source-config.c — configured git sources (see the header). */
#define G_LOG_DOMAIN "lots-source-config"

#include "config.h"

#include "lots-source-config.h"

#include <errno.h>
#include <string.h>

#include "lots-error.h"

#define CONFIG_FILE "sources.conf"
#define GROUP_PREFIX "source "
#define MAX_NAME 64

void
lots_source_config_free (LotsSourceConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->name);
  g_free (config->url);
  g_free (config->branch);
  g_strfreev (config->areas);
  g_free (config);
}

static gboolean
name_is_valid (const char *name)
{
  gsize n = name ? strlen (name) : 0;

  return n > 0 && n <= MAX_NAME && strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789-") == n && name[0] != '-';
}

/* The part of URL before the host: a password or token there would be
 * written into the config in clear. */
static gboolean
url_has_credentials (const char *url)
{
  const char *scheme_end = strstr (url, "://");
  const char *at, *slash;

  if (scheme_end == NULL)
    return FALSE;
  at = strchr (scheme_end + 3, '@');
  slash = strchr (scheme_end + 3, '/');
  if (at == NULL || (slash != NULL && slash < at))
    return FALSE;
  /* ssh://user@host is a user name, not a secret; user:secret@ is. */
  return memchr (scheme_end + 3, ':', (gsize) (at - scheme_end - 3)) != NULL ||
         g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://");
}

static gboolean
url_is_supported (const char *url)
{
  static const char *const schemes[] = { "file://", "git://", "https://", "http://", "ssh://", NULL };
  const char *colon;

  for (guint i = 0; schemes[i]; i++)
    if (g_str_has_prefix (url, schemes[i]) && url[strlen (schemes[i])] != '\0')
      return TRUE;
  /* scp-like ssh: user@host:path */
  colon = strchr (url, ':');
  return colon != NULL && strchr (url, '@') != NULL && strchr (url, '@') < colon && colon[1] != '\0' &&
         strstr (url, "://") == NULL;
}

static gboolean
branch_is_valid (const char *branch)
{
  if (branch == NULL || branch[0] == '\0' || branch[0] == '-' || branch[0] == '/' || strstr (branch, "..") ||
      strstr (branch, "//") || strstr (branch, "@{") || g_str_has_suffix (branch, "/") ||
      g_str_has_suffix (branch, ".lock") || g_str_has_suffix (branch, "."))
    return FALSE;
  for (const char *p = branch; *p; p++)
    if ((guchar) *p < 0x20 || strchr (" ~^:?*[\\\x7f", *p))
      return FALSE;
  return TRUE;
}

/* Checks a remote's URL (any git remote Lots talks to: a source, the
 * outcomes remote) as `source add` does: a scheme libgit2 speaks, and no
 * secret in it. what names the remote in the message. */
gboolean
lots_source_config_check_url (const char  *url,
                              const char  *what,
                              GError     **error)
{
  g_return_val_if_fail (what != NULL, FALSE);

  if (url == NULL || !url_is_supported (url))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                   "%s: \"%s\" is not a file://, git://, https:// or ssh:// URL", what, url ? url : "");
      return FALSE;
    }
  if (url_has_credentials (url))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                   "%s: the URL holds a password or token, which would be stored in clear; "
                   "give the token in LOTS_GIT_TOKEN or through your git credential helper instead", what);
      return FALSE;
    }
  return TRUE;
}

gboolean
lots_source_config_validate (const LotsSourceConfig *config,
                             const char *const      *known_areas,
                             GError                **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (config != NULL, FALSE);

  if (!name_is_valid (config->name))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                   "source name \"%s\": use 1–%d of a-z, 0-9 and -", config->name ? config->name : "", MAX_NAME);
      return FALSE;
    }
  what = g_strconcat ("source ", config->name, NULL);
  if (!lots_source_config_check_url (config->url, what, error))
    return FALSE;
  if (!branch_is_valid (config->branch))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "source %s: \"%s\" is not a branch name",
                   config->name, config->branch ? config->branch : "");
      return FALSE;
    }
  for (guint i = 0; config->areas && config->areas[i]; i++)
    if (known_areas != NULL && !g_strv_contains (known_areas, config->areas[i]))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) known_areas);
        g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "source %s: unknown area \"%s\" (known: %s)",
                     config->name, config->areas[i], list);
        return FALSE;
      }
  return TRUE;
}

static char *
config_path (const char *data_dir)
{
  return g_build_filename (data_dir, CONFIG_FILE, NULL);
}

/* The configured sources, in the order they were added. A broken file is
 * an error naming it, never silently an empty list. */
GPtrArray *
lots_source_config_load (const char  *data_dir,
                         GError     **error)
{
  g_autofree char *path = config_path (data_dir);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GPtrArray) configs = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_source_config_free);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&configs);
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s: %s", path, local_error->message);
      return NULL;
    }
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i]; i++)
    {
      g_autoptr(LotsSourceConfig) config = NULL;

      if (!g_str_has_prefix (groups[i], GROUP_PREFIX))
        continue;
      config = g_new0 (LotsSourceConfig, 1);
      config->name = g_strdup (groups[i] + strlen (GROUP_PREFIX));
      config->url = g_key_file_get_string (file, groups[i], "url", NULL);
      config->branch = g_key_file_get_string (file, groups[i], "branch", NULL);
      if (config->branch == NULL)
        config->branch = g_strdup ("main");
      config->areas = g_key_file_get_string_list (file, groups[i], "areas", NULL, NULL);
      config->allow_rewrite = g_key_file_get_boolean (file, groups[i], "allow-rewrite", NULL);
      if (!lots_source_config_validate (config, NULL, &local_error))
        {
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT, "%s: %s", path, local_error->message);
          return NULL;
        }
      g_ptr_array_add (configs, g_steal_pointer (&config));
    }
  return g_steal_pointer (&configs);
}

gboolean
lots_source_config_save (const char  *data_dir,
                         GPtrArray   *configs,
                         GError     **error)
{
  g_autofree char *path = config_path (data_dir);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_key_file_set_comment (file, NULL, NULL,
                          " The git sources this workstation syncs; edit with `lotsctl source`.", NULL);
  for (guint i = 0; i < configs->len; i++)
    {
      const LotsSourceConfig *config = g_ptr_array_index (configs, i);
      g_autofree char *group = g_strconcat (GROUP_PREFIX, config->name, NULL);

      g_key_file_set_string (file, group, "url", config->url);
      g_key_file_set_string (file, group, "branch", config->branch);
      if (config->areas != NULL)
        g_key_file_set_string_list (file, group, "areas", (const char *const *) config->areas,
                                    g_strv_length (config->areas));
      if (config->allow_rewrite)
        g_key_file_set_boolean (file, group, "allow-rewrite", TRUE);
    }
  if (g_mkdir_with_parents (data_dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &local_error))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_IO, "%s: %s", path,
                   local_error ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

LotsSourceConfig *
lots_source_config_find (GPtrArray  *configs,
                         const char *name)
{
  for (guint i = 0; i < configs->len; i++)
    if (g_strcmp0 (((LotsSourceConfig *) configs->pdata[i])->name, name) == 0)
      return configs->pdata[i];
  return NULL;
}

/* lots-workstation.c — the workstation and handler ids of lots.conf. */
#define G_LOG_DOMAIN "lots-workstation"

#include "config.h"

#include "lots-workstation.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lots-error.h"
#include "lots-paths.h"

#define WORKSTATION_KEY "workstation-id"
#define HANDLER_KEY "handler-id"

static gboolean
is_id (const char *text,
       gboolean    allow_underscore)
{
  gsize n = text ? strlen (text) : 0;

  if (n == 0 || n > 64)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (text[i]) && !g_ascii_isdigit (text[i]) && text[i] != '-' &&
        !(allow_underscore && text[i] == '_'))
      return FALSE;
  return TRUE;
}

static char *
new_workstation_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  /* "ws-" and the first 12 hex digits: unique enough for a city's desks,
   * short enough to read in a branch name. */
  return g_strdup_printf ("ws-%.8s%.4s", uuid, uuid + 9);
}

static char *
derived_handler_id (const char *workstation_id)
{
  g_autofree char *material = g_strconcat (workstation_id, "\n", g_get_user_name (), NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, material, -1);

  return g_strdup_printf ("h-%.12s", digest);
}

/* Stores a new workstation id in filename. When the file does not exist
 * yet it is written aside and linked into place, which fails if another
 * process got there first: then that process's id is the one kept. */
static gboolean
store_workstation_id (const char  *filename,
                      GKeyFile    *config,
                      gboolean     existed,
                      GError     **error)
{
  g_autofree char *id = new_workstation_id ();
  g_autofree char *temp = NULL;

  g_key_file_set_string (config, LOTS_WORKSTATION_GROUP, WORKSTATION_KEY, id);
  if (existed)
    return g_key_file_save_to_file (config, filename, error);

  temp = g_strdup_printf ("%s.%s.new", filename, id);
  if (!g_key_file_save_to_file (config, temp, error))
    return FALSE;
  if (link (temp, filename) != 0 && errno != EEXIST)
    {
      int saved = errno;
      g_unlink (temp);
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_IO, "cannot create %s: %s", filename, g_strerror (saved));
      return FALSE;
    }
  g_unlink (temp);
  return TRUE;
}

static gboolean
load_config (GKeyFile    *config,
             const char  *filename,
             gboolean    *existed,
             GError     **error)
{
  g_autoptr(GError) local = NULL;

  *existed = g_key_file_load_from_file (config, filename, G_KEY_FILE_KEEP_COMMENTS, &local);
  if (*existed || g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;
  g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "%s: %s (fix or remove the file)",
               filename, local->message);
  return FALSE;
}

/* Reads the ids from lots.conf in the data directory, creating the
 * workstation id on first use. */
LotsWorkstation *
lots_workstation_load (GError **error)
{
  g_autofree char *dir = lots_paths_dup_data_dir ();
  g_autofree char *filename = g_build_filename (dir, LOTS_WORKSTATION_CONFIG_FILE, NULL);
  g_autoptr(GKeyFile) config = g_key_file_new ();
  g_autoptr(LotsWorkstation) self = g_new0 (LotsWorkstation, 1);
  gboolean existed = FALSE;

  if (!lots_paths_ensure_parent (filename, error) || !load_config (config, filename, &existed, error))
    return NULL;
  self->workstation_id = g_key_file_get_string (config, LOTS_WORKSTATION_GROUP, WORKSTATION_KEY, NULL);
  if (self->workstation_id == NULL)
    {
      if (!store_workstation_id (filename, config, existed, error))
        return NULL;
      /* Read back: a process that raced us may have written the file. */
      g_key_file_free (g_steal_pointer (&config));
      config = g_key_file_new ();
      if (!load_config (config, filename, &existed, error))
        return NULL;
      self->workstation_id = g_key_file_get_string (config, LOTS_WORKSTATION_GROUP, WORKSTATION_KEY, NULL);
    }
  if (!is_id (self->workstation_id, FALSE))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                   "%s: %s '%s' is not an id (1–64 of a-z, 0-9 and -)", filename, WORKSTATION_KEY,
                   self->workstation_id ? self->workstation_id : "");
      return NULL;
    }
  self->handler_id = g_key_file_get_string (config, LOTS_WORKSTATION_GROUP, HANDLER_KEY, NULL);
  if (self->handler_id == NULL)
    self->handler_id = derived_handler_id (self->workstation_id);
  else if (!is_id (self->handler_id, TRUE))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                   "%s: %s '%s' is not a pseudonymous id (1–64 of a-z, 0-9, _ and -)", filename, HANDLER_KEY,
                   self->handler_id);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
lots_workstation_free (LotsWorkstation *self)
{
  if (self == NULL)
    return;
  g_free (self->workstation_id);
  g_free (self->handler_id);
  g_free (self);
}

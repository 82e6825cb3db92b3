/* lotsctl-sync.c — `lotsctl sync [NAME] [--json]`: fetch, validate, accept
 * or quarantine, re-index every configured git source (lots-sync.h).
 *
 * Progress goes to stderr, a summary per source to stdout. Exit status: 1
 * when any source was quarantined or failed, else 3 when any remote could
 * not be reached, else 0.
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "lots-area.h"
#include "lots-builtin.h"
#include "lots-paths.h"
#include "lots-sync.h"
#include "lotsctl.h"

static void
on_progress (const char *source,
             const char *stage,
             guint       done,
             guint       total,
             gsize       bytes,
             gpointer    user_data)
{
  if (g_str_equal (stage, "fetch") && total > 0)
    fprintf (stderr, "\r%s: receiving objects %u/%u, %" G_GSIZE_FORMAT " KB", source, done, total, bytes / 1024);
  else if (g_str_equal (stage, "fetch"))
    fprintf (stderr, "%s: fetching…\n", source);
  else if (g_str_equal (stage, "validate"))
    fprintf (stderr, "\n%s: validating…\n", source);
  else if (g_str_equal (stage, "index"))
    fprintf (stderr, "%s: indexing %u article(s)…\n", source, total);
}

static void
print_result (const LotsSyncResult *result,
              gboolean              json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      lotsctl_json_add_string (builder, "source", result->name);
      lotsctl_json_add_string (builder, "status", lots_sync_status_name (result->status));
      lotsctl_json_add_string (builder, "old", result->old_commit);
      lotsctl_json_add_string (builder, "new", result->new_commit);
      json_builder_set_member_name (builder, "files_changed");
      json_builder_add_int_value (builder, result->files_changed);
      json_builder_set_member_name (builder, "reasons");
      json_builder_begin_array (builder);
      for (guint i = 0; i < result->reasons->len; i++)
        json_builder_add_string_value (builder, result->reasons->pdata[i]);
      json_builder_end_array (builder);
      lotsctl_json_add_string (builder, "message", result->message);
      json_builder_end_object (builder);
      lotsctl_print_json (builder);
      return;
    }
  printf ("%s: %s", result->name, lots_sync_status_name (result->status));
  if (result->status == LOTS_SYNC_ACCEPTED)
    printf (" %.12s → %.12s, %u file(s) changed, %u article(s) serving", result->old_commit ? result->old_commit : "(none)",
            result->new_commit, result->files_changed, result->n_articles);
  else if (result->status == LOTS_SYNC_QUARANTINED)
    printf (" %.12s (still serving %.12s): %u reason(s)", result->new_commit,
            result->old_commit ? result->old_commit : "nothing", result->reasons->len);
  else if (result->status == LOTS_SYNC_UP_TO_DATE)
    printf (" at %.12s", result->new_commit);
  else if (result->message != NULL)
    printf (": %s", result->message);
  printf ("\n");
  for (guint i = 0; i < result->reasons->len; i++)
    printf ("  %s\n", (char *) result->reasons->pdata[i]);
}

int
lotsctl_sync (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "a JSON object per source", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[NAME] — fetch, validate and index git sources");
  g_autofree char *data_dir = lots_paths_dup_data_dir ();
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(GPtrArray) known_areas = NULL;
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_failed = FALSE, any_offline = FALSE, found = FALSE;
  int status, lock;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return lotsctl_usage_error (context, "sync takes at most one source NAME");
  configs = lots_source_config_load (data_dir, &error);
  if (configs == NULL)
    return lotsctl_fail (error);
  if (argc == 2 && lots_source_config_find (configs, argv[1]) == NULL)
    return lotsctl_usage_error (context, "there is no source named %s (lotsctl source list)", argv[1]);
  known_areas = lots_builtin_areas (&error);
  if (known_areas == NULL)
    return lotsctl_fail (error);
  lock = lots_sync_lock (data_dir, LOTS_SYNC_LOCK_TIMEOUT_S, &error);
  if (lock < 0)
    return lotsctl_fail (error);
  index = lots_builtin_open_index (&error);
  if (index == NULL)
    {
      lots_sync_unlock (lock);
      return lotsctl_fail (error);
    }
  for (guint i = 0; i < configs->len; i++)
    {
      const LotsSourceConfig *config = g_ptr_array_index (configs, i);
      g_autoptr(LotsSyncResult) result = NULL;

      if (argc == 2 && !g_str_equal (argv[1], config->name))
        continue;
      found = TRUE;
      result = lots_sync_source (config, data_dir, index, known_areas, json ? NULL : on_progress, NULL);
      print_result (result, json);
      any_failed = any_failed || result->status == LOTS_SYNC_QUARANTINED || result->status == LOTS_SYNC_FAILED;
      any_offline = any_offline || result->status == LOTS_SYNC_OFFLINE;
    }
  lots_sync_unlock (lock);
  if (!found)
    fprintf (stderr, "no git sources are configured (lotsctl source add NAME URL)\n");
  return any_failed ? LOTSCTL_EXIT_FAILED : any_offline ? LOTSCTL_EXIT_OFFLINE : LOTSCTL_EXIT_OK;
}

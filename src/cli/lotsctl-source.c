/* lotsctl-source.c — `lotsctl source add|list|remove`: the git sources this
 * workstation syncs (lots-source-config.h). Removing a source also takes
 * its articles out of the index. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lots-area.h"
#include "lots-builtin.h"
#include "lots-error.h"
#include "lots-paths.h"
#include "lots-source-config.h"
#include "lots-sync.h"
#include "lotsctl.h"

static GStrv
known_area_ids (GError **error)
{
  g_autoptr(GPtrArray) areas = lots_builtin_areas (error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (areas == NULL)
    return NULL;
  for (guint i = 0; i < areas->len; i++)
    g_strv_builder_add (builder, ((LotsArea *) areas->pdata[i])->id);
  return g_strv_builder_end (builder);
}

static int
source_add (int    argc,
            char **argv)
{
  g_autofree char *branch = NULL;
  g_autofree char *areas = NULL;
  gboolean allow_rewrite = FALSE;
  const GOptionEntry entries[] = {
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch, "the branch to follow (default main)", "B" },
    { "areas", 0, 0, G_OPTION_ARG_STRING, &areas, "the only areas it may publish to", "A,B" },
    { "allow-rewrite", 0, 0, G_OPTION_ARG_NONE, &allow_rewrite, "accept commits that are not fast-forwards", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("NAME URL — add a git source");
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(LotsSourceConfig) config = g_new0 (LotsSourceConfig, 1);
  g_autofree char *data_dir = lots_paths_dup_data_dir ();
  g_auto(GStrv) known = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "NAME is the source's id (its lots.yaml says the same); URL is file://, git://,\n"
    "https:// or ssh://. Credentials are never stored: ssh uses the agent or\n"
    "LOTS_SSH_KEY, https LOTS_GIT_TOKEN or your git credential helper.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return lotsctl_usage_error (context, "source add takes a NAME and a URL");
  known = known_area_ids (&error);
  if (known == NULL)
    return lotsctl_fail (error);
  config->name = g_strdup (argv[1]);
  config->url = g_strdup (argv[2]);
  config->branch = g_strdup (branch ? branch : "main");
  config->allow_rewrite = allow_rewrite;
  if (areas != NULL)
    {
      config->areas = g_strsplit (areas, ",", -1);
      for (guint i = 0; config->areas[i]; i++)
        g_strstrip (config->areas[i]);
    }
  if (!lots_source_config_validate (config, (const char *const *) known, &error))
    return lotsctl_usage_error (context, "%s", error->message);
  configs = lots_source_config_load (data_dir, &error);
  if (configs == NULL)
    return lotsctl_fail (error);
  if (lots_source_config_find (configs, config->name) != NULL || g_str_equal (config->name, "lots-inbyggd"))
    return lotsctl_usage_error (context, "there is already a source named %s", config->name);
  g_ptr_array_add (configs, g_steal_pointer (&config));
  if (!lots_source_config_save (data_dir, configs, &error))
    return lotsctl_fail (error);
  printf ("added %s; run `lotsctl sync %s` to fetch it\n", argv[1], argv[1]);
  return LOTSCTL_EXIT_OK;
}

static int
source_list (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "one JSON object per line", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— list the git sources");
  g_autofree char *data_dir = lots_paths_dup_data_dir ();
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return lotsctl_usage_error (context, "source list takes no arguments");
  configs = lots_source_config_load (data_dir, &error);
  if (configs == NULL)
    return lotsctl_fail (error);
  for (guint i = 0; i < configs->len; i++)
    {
      const LotsSourceConfig *config = g_ptr_array_index (configs, i);
      g_autofree char *areas = config->areas ? g_strjoinv (",", config->areas) : g_strdup ("(its manifest's)");

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          json_builder_begin_object (builder);
          lotsctl_json_add_string (builder, "name", config->name);
          lotsctl_json_add_string (builder, "url", config->url);
          lotsctl_json_add_string (builder, "branch", config->branch);
          lotsctl_json_add_strv (builder, "areas", config->areas);
          json_builder_set_member_name (builder, "allow_rewrite");
          json_builder_add_boolean_value (builder, config->allow_rewrite);
          json_builder_end_object (builder);
          lotsctl_print_json (builder);
        }
      else
        printf ("%-24s %-10s %-30s %s\n", config->name, config->branch, areas, config->url);
    }
  return LOTSCTL_EXIT_OK;
}

static int
source_remove (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("NAME — remove a git source and its articles");
  g_autofree char *data_dir = lots_paths_dup_data_dir ();
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  LotsSourceConfig *config;
  int status, lock;

  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return lotsctl_usage_error (context, "source remove takes a NAME");
  configs = lots_source_config_load (data_dir, &error);
  if (configs == NULL)
    return lotsctl_fail (error);
  config = lots_source_config_find (configs, argv[1]);
  if (config == NULL)
    return lotsctl_usage_error (context, "there is no source named %s", argv[1]);
  lock = lots_sync_lock (data_dir, LOTS_SYNC_LOCK_TIMEOUT_S, &error);
  if (lock < 0)
    return lotsctl_fail (error);
  index = lots_builtin_open_index (&error);
  if (index == NULL || !lots_index_remove_source (index, argv[1], &error))
    {
      lots_sync_unlock (lock);
      return lotsctl_fail (error);
    }
  g_ptr_array_remove (configs, config);
  status = lots_source_config_save (data_dir, configs, &error) ? LOTSCTL_EXIT_OK : lotsctl_fail (error);
  lots_sync_unlock (lock);
  if (status == LOTSCTL_EXIT_OK)
    printf ("removed %s\n", argv[1]);
  return status;
}

int
lotsctl_source (int    argc,
                char **argv)
{
  static const LotsctlSubcommand subcommands[] = {
    { "add", source_add },
    { "list", source_list },
    { "remove", source_remove },
  };

  return lotsctl_dispatch ("source", subcommands, G_N_ELEMENTS (subcommands),
                           "  add NAME URL [--branch B] [--areas A,B] [--allow-rewrite]\n"
                           "  list [--json]\n"
                           "  remove NAME\n",
                           argc, argv);
}

/* lots-application.c — options, actions, shortcuts, settings, and what
 * every window shares: the index, the search thread, the guides, the case
 * references and the background sync and upload.
 *
 * At startup the index of the data directory is opened and the built-in
 * knowledge base indexed into it, in a GTask worker thread, together with
 * the guides of every served source and the case references: loading the
 * Hunspell dictionary alone takes ~100 ms, indexing a changed base much
 * longer, and the UI never blocks (DESIGN.md). Until the task is done
 * :loading is TRUE; windows watch it to show how the opening went. When a
 * sync accepts new guidance the guides are loaded again the same way and
 * "guides-changed" tells the windows.
 *
 * Calls arrive from the telephony system as `lots --new-case --queue NAME
 * [--channel CHANNEL]`, or as the action app.new-case("(ss)") over D-Bus on
 * the running instance: the command line registers, activates the action
 * (remotely when Lots already runs, so the running window gets the call)
 * and exits. An instance on a data directory of its own (--data-dir,
 * LOTS_DATA_DIR) has an application id of its own, derived from the
 * folder, so that calls reach the Lots that works on that folder.
 */
#define G_LOG_DOMAIN "lots-application"

#include "config.h"

#include "lots-application.h"
#include "lots-renderer.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lots-builtin.h"
#include "lots-case.h"
#include "lots-diagnostic.h"
#include "lots-guide-library.h"
#include "lots-paths.h"
#include "lots-serving.h"
#include "lots-window.h"
#include "lots-workstation.h"

struct _LotsApplication
{
  AdwApplication parent_instance;

  GSettings *settings;          /* NULL when the schema is not installed */
  GCancellable *cancellable;    /* cancelled at shutdown */
  LotsIndex *index;             /* NULL while loading, or when opening failed */
  GError *index_error;          /* why opening failed, or NULL */
  guint n_builtin_articles;
  gboolean loading;

  char *data_dir;
  LotsSearchController *search;
  LotsBackground *background;
  GPtrArray *libraries;         /* LotsGuideLibrary */
  GPtrArray *coach_libraries;   /* the same, loaded again for the coach view */
  GPtrArray *retired;           /* GPtrArray of libraries replaced by a sync */
  GPtrArray *guides;            /* LotsGuide, borrowed from the libraries */
  GPtrArray *areas;             /* LotsArea */
  LotsCaseReferences *references;
  LotsWorkstation *workstation;
  char *caselog_filename;
  gboolean reloading_guides;
};

enum {
  SIGNAL_GUIDES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How often the sources are synced while Lots runs (and "Sync now"). */
#define SYNC_INTERVAL_S (15 * 60)

G_DEFINE_FINAL_TYPE (LotsApplication, lots_application, ADW_TYPE_APPLICATION)

/* Every keyboard shortcut of the app, in this one place. */
static const struct {
  const char *action;
  const char *accels[3];   /* NULL-terminated */
} shortcuts[] = {
  { "app.quit",         { "<Control>q", NULL } },
  { "win.focus-search", { "<Control>k", NULL } },
  { "win.new-case",     { "<Control>n", NULL } },
  { "win.end-case",     { "<Control>Return", "<Control>KP_Enter" } },
  { "win.sync-now",     { "F5", NULL } },
  { "win.show-page('call')",    { "<Control>1", NULL } },
  { "win.show-page('stats')",   { "<Control>2", NULL } },
  { "win.show-page('coach')",   { "<Control>3", NULL } },
  { "win.show-page('publish')", { "<Control>4", NULL } },
  { "app.preferences",  { "<Control>comma", NULL } },
};

static const GOptionEntry options[] = {
  { "data-dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep every file Lots writes in DIR (also LOTS_DATA_DIR)"), N_("DIR") },
  { "new-case", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start a case in the running Lots (for the telephony system)"), NULL },
  { "queue", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The phone queue the caller chose, e.g. \"Sociala frågor\" (with --new-case)"), N_("NAME") },
  { "channel", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("telefon, e-post, brev, besök or chatt (with --new-case; default telefon)"), N_("CHANNEL") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/* What the worker thread hands back to the main thread. */
typedef struct {
  LotsIndex *index;
  guint n_builtin_articles;
  GPtrArray *libraries;
  GPtrArray *coach_libraries;
  GPtrArray *areas;
  LotsCaseReferences *references;
  LotsWorkstation *workstation;
} OpenedIndex;

static void
opened_index_free (OpenedIndex *opened)
{
  g_clear_pointer (&opened->index, lots_index_close);
  g_clear_pointer (&opened->libraries, g_ptr_array_unref);
  g_clear_pointer (&opened->coach_libraries, g_ptr_array_unref);
  g_clear_pointer (&opened->areas, g_ptr_array_unref);
  g_clear_pointer (&opened->references, lots_case_references_free);
  g_clear_pointer (&opened->workstation, lots_workstation_free);
  g_free (opened);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenedIndex, opened_index_free)

static guint
count_builtin_articles (GPtrArray *sources)
{
  guint n = 0;

  for (guint i = 0; i < sources->len; i++)
    {
      LotsIndexedSource *source = g_ptr_array_index (sources, i);

      if (g_strcmp0 (source->kind, LOTS_BUILTIN_KIND) == 0)
        n += source->n_articles;
    }
  return n;
}

/* The guides of every source this workstation serves (the built-in one and
 * each accepted git commit). A source whose guides do not load is left out
 * with a warning: the others still serve. */
static GPtrArray *
load_libraries (const char *data_dir)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = lots_serving_load_sources (data_dir, diagnostics, &error);
  GPtrArray *libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_guide_library_free);

  if (sources == NULL)
    {
      g_warning ("the guides could not be loaded: %s", error->message);
      return libraries;
    }
  while (sources->len > 0)
    g_ptr_array_add (libraries, lots_guide_library_new (g_ptr_array_steal_index (sources, 0), diagnostics));
  return libraries;
}

/* Runs in a worker thread. No other thread touches the index until the task
 * hands it to the main thread, so the SQLite connection is never shared. */
static void
open_index_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(OpenedIndex) opened = g_new0 (OpenedIndex, 1);
  g_autoptr(GPtrArray) sources = NULL;
  GError *error = NULL;

  opened->index = lots_builtin_open_index (&error);
  if (opened->index == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  sources = lots_index_list_sources (opened->index, &error);
  if (sources == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  opened->n_builtin_articles = count_builtin_articles (sources);
  opened->areas = lots_index_list_areas (opened->index, &error);
  if (opened->areas == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  opened->references = lots_case_references_load_builtin (&error);
  if (opened->references == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Who logs the cases: lots.conf, made with new ids on first use. */
  opened->workstation = lots_workstation_load (&error);
  if (opened->workstation == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  opened->libraries = load_libraries (task_data);
  opened->coach_libraries = load_libraries (task_data);
  g_task_return_pointer (task, g_steal_pointer (&opened), (GDestroyNotify) opened_index_free);
}

/* The coach view runs scenario tests in its own thread, which sets the
 * guide host's clock: it gets libraries of its own, never the ones the
 * handler's sessions run on.
 *
 * Libraries replaced after a sync are kept until the application ends: a
 * call may still be running a guide of the old version (the case log
 * records that commit), and the coach view's thread may still be running
 * its scenarios. A few syncs a day keep a few hundred kilobytes. */
static void
set_libraries (LotsApplication *self,
               GPtrArray       *libraries,
               GPtrArray       *coach_libraries)
{
  g_clear_pointer (&self->guides, g_ptr_array_unref);
  if (self->libraries != NULL)
    g_ptr_array_add (self->retired, g_steal_pointer (&self->libraries));
  if (self->coach_libraries != NULL)
    g_ptr_array_add (self->retired, g_steal_pointer (&self->coach_libraries));
  self->libraries = libraries;
  self->coach_libraries = coach_libraries;
  self->guides = g_ptr_array_new ();
  for (guint i = 0; i < libraries->len; i++)
    {
      GPtrArray *guides = lots_guide_library_get_guides (g_ptr_array_index (libraries, i));

      for (guint j = 0; j < guides->len; j++)
        if (!lots_guide_is_module (g_ptr_array_index (guides, j)))
          g_ptr_array_add (self->guides, g_ptr_array_index (guides, j));
    }
}

static void
reload_guides_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GPtrArray *both = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_ptr_array_add (both, load_libraries (task_data));
  g_ptr_array_add (both, load_libraries (task_data));
  g_task_return_pointer (task, both, (GDestroyNotify) g_ptr_array_unref);
}

static void
reload_guides_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LotsApplication *self = LOTS_APPLICATION (object);
  g_autoptr(GPtrArray) both = g_task_propagate_pointer (G_TASK (result), NULL);

  if (both == NULL)
    return;   /* cancelled at shutdown */
  self->reloading_guides = FALSE;
  set_libraries (self, g_ptr_array_steal_index (both, 0), g_ptr_array_steal_index (both, 0));
  g_signal_emit (self, signals[SIGNAL_GUIDES_CHANGED], 0);
}

/* New guidance was accepted: the guides are loaded again, off the main
 * thread. A guide running in a window keeps the old one until it ends. */
static void
reload_guides (LotsApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->reloading_guides || self->loading)
    return;
  self->reloading_guides = TRUE;
  task = g_task_new (self, self->cancellable, reload_guides_done, NULL);
  g_task_set_source_tag (task, reload_guides);
  g_task_set_task_data (task, g_strdup (self->data_dir), g_free);
  g_task_run_in_thread (task, reload_guides_thread);
}

static void
on_background_sync_finished (LotsApplication *self,
                             guint            n_accepted,
                             LotsBackground  *background)
{
  if (n_accepted > 0)
    reload_guides (self);
}

static void
open_index_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LotsApplication *self = LOTS_APPLICATION (object);
  g_autoptr(OpenedIndex) opened = NULL;
  g_autoptr(GError) error = NULL;

  opened = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (opened == NULL)
    {
      g_debug ("the index could not be opened: %s", error->message);
      self->index_error = g_steal_pointer (&error);
    }
  else
    {
      g_debug ("the index is open: %u built-in articles", opened->n_builtin_articles);
      self->index = g_steal_pointer (&opened->index);
      self->n_builtin_articles = opened->n_builtin_articles;
      self->areas = g_steal_pointer (&opened->areas);
      self->references = g_steal_pointer (&opened->references);
      self->workstation = g_steal_pointer (&opened->workstation);
      set_libraries (self, g_steal_pointer (&opened->libraries), g_steal_pointer (&opened->coach_libraries));
      /* The dictionary and the index's caches load in the search thread
       * now, not at the handler's first keystroke. */
      lots_search_controller_prepare (self->search, "sv");
      /* Sync needs the index in place; the first one runs now. */
      lots_background_start (self->background, SYNC_INTERVAL_S);
    }
  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
open_index_async (LotsApplication *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, open_index_done, NULL);

  g_task_set_source_tag (task, open_index_async);
  g_task_set_name (task, "[lots] open index");
  g_task_set_task_data (task, g_strdup (self->data_dir), g_free);
  g_task_run_in_thread (task, open_index_thread);
}

/* The settings, if their schema is installed (or compiled in the build
 * folder and named by GSETTINGS_SCHEMA_DIR): an uninstalled app still runs,
 * it only does not remember its window size. */
static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("the GSettings schema %s is not installed: settings are not kept", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* Closes every window rather than stopping the main loop, so that each
 * window goes through its normal close path. */
static void
action_quit (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LotsApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static LotsWindow *
ensure_window (LotsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (lots_window_new (self));
  gtk_window_present (window);
  return LOTS_WINDOW (window);
}

/* app.new-case("(ss)"): (queue, channel), either may be "". The telephony
 * system's entry point, also reached over D-Bus. */
static void
action_new_case (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LotsApplication *self = user_data;
  const char *queue, *channel;

  g_variant_get (parameter, "(&s&s)", &queue, &channel);
  lots_window_new_case (ensure_window (self), queue, channel);
}

static void
action_preferences (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  lots_window_show_preferences (ensure_window (user_data));
}

static void
action_about (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LotsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "Lots contributors", NULL };

  adw_show_about_window (parent,
                         "application-name", "Lots",
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Knowledge base and call guides for the city's contact center"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = action_quit },
  { .name = "new-case", .activate = action_new_case, .parameter_type = "(ss)" },
  { .name = "preferences", .activate = action_preferences },
  { .name = "about", .activate = action_about },
};

/* An application id of its own for a data directory of its own: the
 * default id with a suffix made of a hash of the folder's path. */
static char *
application_id_for (const char *data_dir)
{
  g_autofree char *absolute = g_canonicalize_filename (data_dir, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, absolute, -1);

  hash[12] = '\0';
  return g_strconcat (APPLICATION_ID, ".DataDir_", hash, NULL);
}

static int
lots_application_handle_local_options (GApplication *app,
                                       GVariantDict *options_dict)
{
  const char *data_dir = NULL;
  const char *env_data_dir = g_getenv ("LOTS_DATA_DIR");

  if (g_variant_dict_contains (options_dict, "version"))
    {
      g_print ("lots %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options_dict, "data-dir", "^&ay", &data_dir))
    {
      if (*data_dir == '\0')
        {
          g_printerr ("%s\n", _("lots: --data-dir needs a folder"));
          return 2;
        }
      lots_paths_set_data_dir (data_dir);
    }
  /* A Lots on a data directory of its own is another Lots: it must not hand
   * its window over to an instance that runs on other data. */
  if (data_dir != NULL || (env_data_dir != NULL && *env_data_dir != '\0'))
    {
      g_autofree char *id = application_id_for (data_dir != NULL ? data_dir : env_data_dir);

      g_application_set_application_id (app, id);
    }

  if (g_variant_dict_contains (options_dict, "new-case"))
    {
      const char *queue = "", *channel = "";
      g_autoptr(GError) error = NULL;

      g_variant_dict_lookup (options_dict, "queue", "&s", &queue);
      g_variant_dict_lookup (options_dict, "channel", "&s", &channel);
      if (*channel != '\0' && !lots_case_is_channel (channel))
        {
          g_printerr (_("lots: unknown channel “%s”: use telefon, e-post, brev, besök or chatt\n"), channel);
          return 2;
        }
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("lots: %s\n", error->message);
          return 1;
        }
      g_action_group_activate_action (G_ACTION_GROUP (app), "new-case",
                                      g_variant_new ("(ss)", queue, channel));
      /* The running Lots has the call now; this process is done. */
      if (g_application_get_is_remote (app))
        return 0;
    }
  else if (g_variant_dict_contains (options_dict, "queue") || g_variant_dict_contains (options_dict, "channel"))
    {
      g_printerr ("%s\n", _("lots: --queue and --channel go with --new-case"));
      return 2;
    }
  return -1;
}

static void
lots_application_startup (GApplication *app)
{
  LotsApplication *self = LOTS_APPLICATION (app);

  G_APPLICATION_CLASS (lots_application_parent_class)->startup (app);
  /* Before the first window, and before the threads below start. */
  if (gdk_display_get_default () != NULL)
    lots_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), shortcuts[i].action, shortcuts[i].accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = lookup_settings ();
  self->data_dir = lots_paths_dup_data_dir ();
  {
    g_autofree char *index_file = lots_paths_dup_index_file ();

    self->search = lots_search_controller_new (index_file);
  }
  self->caselog_filename = g_build_filename (self->data_dir, "cases.sqlite", NULL);
  self->background = lots_background_new (self->data_dir);
  g_signal_connect_object (self->background, "sync-finished",
                           G_CALLBACK (on_background_sync_finished), self, G_CONNECT_SWAPPED);
  open_index_async (self);
}

static void
lots_application_activate (GApplication *app)
{
  ensure_window (LOTS_APPLICATION (app));
}

static void
lots_application_shutdown (GApplication *app)
{
  LotsApplication *self = LOTS_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  if (self->background != NULL)
    lots_background_stop (self->background);
  G_APPLICATION_CLASS (lots_application_parent_class)->shutdown (app);
}

static void
lots_application_dispose (GObject *object)
{
  LotsApplication *self = LOTS_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->search);
  g_clear_object (&self->background);

  G_OBJECT_CLASS (lots_application_parent_class)->dispose (object);
}

static void
lots_application_finalize (GObject *object)
{
  LotsApplication *self = LOTS_APPLICATION (object);

  g_clear_pointer (&self->index, lots_index_close);
  g_clear_error (&self->index_error);
  g_clear_pointer (&self->guides, g_ptr_array_unref);
  g_clear_pointer (&self->libraries, g_ptr_array_unref);
  g_clear_pointer (&self->coach_libraries, g_ptr_array_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->references, lots_case_references_free);
  g_clear_pointer (&self->workstation, lots_workstation_free);
  g_free (self->caselog_filename);
  g_free (self->data_dir);

  G_OBJECT_CLASS (lots_application_parent_class)->finalize (object);
}

static void
lots_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LotsApplication *self = LOTS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_application_class_init (LotsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lots_application_dispose;
  object_class->finalize = lots_application_finalize;
  object_class->get_property = lots_application_get_property;

  app_class->handle_local_options = lots_application_handle_local_options;
  app_class->startup = lots_application_startup;
  app_class->activate = lots_application_activate;
  app_class->shutdown = lots_application_shutdown;

  /**
   * LotsApplication:loading:
   *
   * Whether the index is still being opened. When it turns FALSE, either
   * lots_application_get_index() or lots_application_get_index_error()
   * returns non-NULL.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LotsApplication::guides-changed:
   *
   * A sync brought new guidance and the guides were loaded again.
   */
  signals[SIGNAL_GUIDES_CHANGED] =
    g_signal_new ("guides-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lots_application_init (LotsApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Lots — the knowledge base and call guides of the contact center."));
}

gboolean
lots_application_get_loading (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), FALSE);

  return self->loading;
}

/* The open index, borrowed; NULL while loading or if opening failed. */
LotsIndex *
lots_application_get_index (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);

  return self->index;
}

/* Why the index could not be opened, or NULL. */
const GError *
lots_application_get_index_error (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);

  return self->index_error;
}

/* The articles of the built-in source in the index, translations included. */
guint
lots_application_get_n_builtin_articles (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), 0);

  return self->n_builtin_articles;
}

/* The application's settings, borrowed; NULL when the schema is not installed. */
GSettings *
lots_application_get_settings (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);

  return self->settings;
}

LotsSearchController *
lots_application_get_search (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->search;
}

LotsBackground *
lots_application_get_background (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->background;
}

/* The guides that can be run (modules left out), borrowed; NULL while
 * loading. They stay valid until "guides-changed" has been emitted. */
GPtrArray *
lots_application_get_guides (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->guides;
}

/* LotsGuideLibrary, one per served source; NULL while loading. */
GPtrArray *
lots_application_get_libraries (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->libraries;
}

/* LotsGuideLibrary for the coach view only (see set_libraries()). */
GPtrArray *
lots_application_get_coach_libraries (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->coach_libraries;
}

/* The revision GUIDE was read at, or NULL. */
const char *
lots_application_get_guide_revision (LotsApplication *self,
                                     LotsGuide       *guide)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);

  for (guint i = 0; self->libraries != NULL && i < self->libraries->len; i++)
    {
      LotsGuideLibrary *library = g_ptr_array_index (self->libraries, i);

      if (g_ptr_array_find (lots_guide_library_get_guides (library), guide, NULL))
        return lots_guide_library_get_revision (library);
    }
  return NULL;
}

/* LotsArea of the index, borrowed; NULL while loading. */
GPtrArray *
lots_application_get_areas (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->areas;
}

const LotsCaseReferences *
lots_application_get_references (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->references;
}

/* The workstation and handler ids cases are logged with; NULL while
 * loading. */
const LotsWorkstation *
lots_application_get_workstation (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->workstation;
}

const char *
lots_application_get_caselog_filename (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->caselog_filename;
}

const char *
lots_application_get_data_dir (LotsApplication *self)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (self), NULL);
  return self->data_dir;
}

/* The folder holding lots.mo: LOTS_LOCALEDIR, else the installed one when
 * Lots is installed, else the build folder's (an uninstalled build, which
 * is what the README's run command runs). */
static const char *
locale_dir (void)
{
  const char *env = g_getenv ("LOTS_LOCALEDIR");
  g_autofree char *installed = g_build_filename (LOCALEDIR, "sv", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (env != NULL && *env != '\0')
    return env;
  if (g_file_test (installed, G_FILE_TEST_EXISTS) || !g_file_test (LOTS_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return LOCALEDIR;
  return LOTS_BUILD_LOCALEDIR;
}

/* Sets up gettext for the process, in the language the settings ask for:
 * "sv" by default, because the contact center works in Swedish whatever
 * the machine's locale; "en"; or "system" for the system's. Gettext ignores
 * LANGUAGE under the plain C locale, so that is widened to C.UTF-8. Call
 * before anything is translated (main() does, and the GUI tests). */
void
lots_application_init_i18n (void)
{
  g_autoptr(GSettings) settings = lookup_settings ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *language = NULL;

  if (settings != NULL)
    g_object_get (settings, "settings-schema", &schema, NULL);
  /* A schema compiled before the key existed: Swedish, the default. */
  if (schema != NULL && g_settings_schema_has_key (schema, "language"))
    language = g_settings_get_string (settings, "language");
  else
    language = g_strdup ("sv");
  const char *messages;

  messages = setlocale (LC_ALL, "");
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
  if (language != NULL && *language != '\0' && !g_str_equal (language, "system"))
    g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

LotsApplication *
lots_application_new (void)
{
  return g_object_new (LOTS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/se/stockholm/Lots",
                       NULL);
}

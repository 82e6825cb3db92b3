/* lots-application.c — options, actions, shortcuts, settings and the index.
 *
 * At startup the index of the data directory is opened and the built-in
 * knowledge base indexed into it, in a GTask worker thread: loading the
 * Hunspell dictionary alone takes ~100 ms, indexing a changed base much
 * longer, and the UI never blocks (DESIGN.md). Until the task is done
 * :loading is TRUE; windows watch it to show how the opening went.
 */
#define G_LOG_DOMAIN "lots-application"

#include "config.h"

#include "lots-application.h"

#include <glib/gi18n.h>

#include "lots-builtin.h"
#include "lots-paths.h"
#include "lots-window.h"

struct _LotsApplication
{
  AdwApplication parent_instance;

  GSettings *settings;          /* NULL when the schema is not installed */
  GCancellable *cancellable;    /* cancelled at shutdown */
  LotsIndex *index;             /* NULL while loading, or when opening failed */
  GError *index_error;          /* why opening failed, or NULL */
  guint n_builtin_articles;
  gboolean loading;
};

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LotsApplication, lots_application, ADW_TYPE_APPLICATION)

/* Every keyboard shortcut of the app, in this one place. */
static const struct {
  const char *action;
  const char *accels[2];
} shortcuts[] = {
  { "app.quit",         { "<Control>q", NULL } },
  { "win.focus-search", { "<Control>k", NULL } },
};

static const GOptionEntry options[] = {
  { "data-dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Lägg alla filer som Lots skriver i KATALOG (även LOTS_DATA_DIR)"), N_("KATALOG") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Visa versionen och avsluta"), NULL },
  { NULL }
};

/* What the worker thread hands back to the main thread. */
typedef struct {
  LotsIndex *index;
  guint n_builtin_articles;
} OpenedIndex;

static void
opened_index_free (OpenedIndex *opened)
{
  g_clear_pointer (&opened->index, lots_index_close);
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
  g_task_return_pointer (task, g_steal_pointer (&opened), (GDestroyNotify) opened_index_free);
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

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = action_quit },
};

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
          g_printerr ("%s\n", _("lots: --data-dir behöver en katalog"));
          return 2;
        }
      lots_paths_set_data_dir (data_dir);
    }
  /* A Lots on a data directory of its own is another Lots: it must not hand
   * its window over to an instance that already runs on other data. */
  if (data_dir != NULL || (env_data_dir != NULL && *env_data_dir != '\0'))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
lots_application_startup (GApplication *app)
{
  LotsApplication *self = LOTS_APPLICATION (app);

  G_APPLICATION_CLASS (lots_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), shortcuts[i].action, shortcuts[i].accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = lookup_settings ();
  open_index_async (self);
}

static void
lots_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (lots_window_new (LOTS_APPLICATION (app)));
  gtk_window_present (window);
}

static void
lots_application_shutdown (GApplication *app)
{
  LotsApplication *self = LOTS_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  G_APPLICATION_CLASS (lots_application_parent_class)->shutdown (app);
}

static void
lots_application_dispose (GObject *object)
{
  LotsApplication *self = LOTS_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lots_application_parent_class)->dispose (object);
}

static void
lots_application_finalize (GObject *object)
{
  LotsApplication *self = LOTS_APPLICATION (object);

  g_clear_pointer (&self->index, lots_index_close);
  g_clear_error (&self->index_error);

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
}

static void
lots_application_init (LotsApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Lots — kunskapsbas och samtalsstöd för kontaktcentret."));
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

LotsApplication *
lots_application_new (void)
{
  return g_object_new (LOTS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/se/stockholm/Lots",
                       NULL);
}

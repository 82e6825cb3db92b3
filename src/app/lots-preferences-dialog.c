/* lots-preferences-dialog.c — the preferences window.
 *
 * Three pages. "Sources": the git sources of sources.conf as rows, with
 * the state of their last sync as the index records it (its commit and
 * article count), a form to add one and a button on each row to remove it
 * (after a confirmation). "Case log": the outcomes remote, how long
 * uploaded outcomes are kept, and the workstation and handler ids of
 * lots.conf. "General": the interface language, a GSettings key that
 * main() applies at the next start.
 *
 * The window never touches a file itself. Everything goes through the
 * same core functions `lotsctl source` and `lotsctl upload --remote` use,
 * with the same checks and messages, and each of them runs in a GTask
 * worker thread: loading reads sources.conf, lots.conf and the index
 * (SQLite); removing a source takes the sync lock (which a running sync
 * may hold for seconds) and deletes the source's rows from the index. A
 * newer load cancels an older one; a write disables the controls until it
 * is done, so two writes never race. A write that fails leaves every file
 * as it was, and says why under the form.
 *
 * The workstation and handler ids are shown, not edited: the core has no
 * function to store them, and the workstation id must not change once
 * outcomes were uploaded under it (it names the branch).
 *
 * DATA_DIR is the folder of sources.conf and the index; lots.conf is read
 * and written by the core in the data directory of lots-paths.h, which the
 * application sets from --data-dir. Pass the same folder, or NULL for it.
 */
#define G_LOG_DOMAIN "lots-preferences-dialog"

#include "config.h"

#include "lots-preferences-dialog.h"

#include <glib/gi18n.h>

#include "lots-area.h"
#include "lots-builtin.h"
#include "lots-error.h"
#include "lots-index.h"
#include "lots-paths.h"
#include "lots-source-config.h"
#include "lots-sync.h"
#include "lots-upload.h"
#include "lots-workstation.h"

/* The key of lots.conf's [upload] group that lots-upload.c reads; the core
 * has no getter for it (yet), so it is read here, never written. */
#define RETENTION_KEY "retention-months"
#define SETTINGS_LANGUAGE_KEY "language"

struct _LotsPreferencesDialog
{
  AdwPreferencesWindow parent_instance;

  char *data_dir;
  GSettings *settings;           /* NULL when the schema is not installed */
  GCancellable *cancellable;     /* cancelled at dispose */
  GCancellable *load_cancellable; /* the load under way, or NULL */
  guint n_writes;                /* writes under way (0 or 1) */

  /* Template widgets */
  GtkListBox *sources_list;
  GtkLabel *sources_error;
  AdwEntryRow *name_row;
  AdwEntryRow *url_row;
  AdwEntryRow *branch_row;
  AdwEntryRow *areas_row;
  GtkLabel *add_error;
  AdwEntryRow *remote_row;
  AdwActionRow *retention_row;
  GtkLabel *remote_error;
  GtkLabel *workstation_label;
  GtkLabel *handler_label;
  GtkLabel *workstation_error;
  AdwComboRow *language_row;

  AdwToast *toast;               /* the last one shown, weak */
};

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_SOURCES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LotsPreferencesDialog, lots_preferences_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* The values of the 'language' key, in the order of the combo row's items. */
static const char *const languages[] = { "system", "sv", "en" };

/* What a load hands to the main thread. */
typedef struct {
  GPtrArray *configs;           /* LotsSourceConfig */
  GError *sources_error;
  GHashTable *indexed;          /* source id → LotsIndexedSource */
  LotsWorkstation *workstation;
  GError *workstation_error;
  char *remote;                 /* NULL when none is configured */
  guint retention_months;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->configs, g_ptr_array_unref);
  g_clear_error (&loaded->sources_error);
  g_clear_pointer (&loaded->indexed, g_hash_table_unref);
  g_clear_pointer (&loaded->workstation, lots_workstation_free);
  g_clear_error (&loaded->workstation_error);
  g_clear_pointer (&loaded->remote, g_free);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

/* ---- threads ----------------------------------------------------------- */

static char *
index_filename (const char *data_dir)
{
  g_autofree char *paths_dir = lots_paths_dup_data_dir ();

  /* The index lives beside sources.conf when a data dir is given
   * (lots-paths.h); otherwise in the XDG cache. */
  if (g_strcmp0 (paths_dir, data_dir) == 0)
    return lots_paths_dup_index_file ();
  return g_build_filename (data_dir, "index.sqlite", NULL);
}

/* The sources the index holds, by id; empty when there is no index yet (a
 * missing index is not created here: that is the application's work). */
static GHashTable *
load_indexed_sources (const char *data_dir)
{
  g_autofree char *filename = index_filename (data_dir);
  GHashTable *indexed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) lots_indexed_source_free);
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (filename, G_FILE_TEST_IS_REGULAR))
    return indexed;
  index = lots_index_open (filename, &error);
  if (index != NULL)
    sources = lots_index_list_sources (index, &error);
  if (sources == NULL)
    {
      g_debug ("the sync state is not shown: %s", error->message);
      return indexed;
    }
  g_ptr_array_set_free_func (sources, NULL);
  for (guint i = 0; i < sources->len; i++)
    {
      LotsIndexedSource *source = g_ptr_array_index (sources, i);

      if (!g_hash_table_replace (indexed, source->id, source))
        g_debug ("source %s is indexed twice", source->id);
    }
  return indexed;
}

static guint
load_retention_months (void)
{
  g_autofree char *dir = lots_paths_dup_data_dir ();
  g_autofree char *filename = g_build_filename (dir, LOTS_WORKSTATION_CONFIG_FILE, NULL);
  g_autoptr(GKeyFile) config = g_key_file_new ();
  g_autofree char *months = NULL;
  guint64 value = LOTS_UPLOAD_RETENTION_MONTHS;

  if (g_key_file_load_from_file (config, filename, G_KEY_FILE_NONE, NULL) &&
      (months = g_key_file_get_string (config, LOTS_UPLOAD_GROUP, RETENTION_KEY, NULL)) != NULL &&
      !g_ascii_string_to_unsigned (g_strstrip (months), 10, 1, 1200, &value, NULL))
    value = LOTS_UPLOAD_RETENTION_MONTHS;
  return (guint) value;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *data_dir = task_data;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);

  loaded->configs = lots_source_config_load (data_dir, &loaded->sources_error);
  loaded->indexed = load_indexed_sources (data_dir);
  /* Creates the workstation id on first use, as the first case logged would. */
  loaded->workstation = lots_workstation_load (&loaded->workstation_error);
  /* No remote yet is the normal state of a new desk, not an error. */
  loaded->remote = lots_upload_dup_remote (NULL);
  loaded->retention_months = load_retention_months ();
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) loaded_free);
}

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

static LotsSourceConfig *
source_config_copy (const LotsSourceConfig *config)
{
  LotsSourceConfig *copy = g_new0 (LotsSourceConfig, 1);

  copy->name = g_strdup (config->name);
  copy->url = g_strdup (config->url);
  copy->branch = g_strdup (config->branch);
  copy->areas = g_strdupv (config->areas);
  copy->allow_rewrite = config->allow_rewrite;
  return copy;
}

/* Adds the source of task_data to sources.conf, with the checks of
 * `lotsctl source add`: nothing is written unless every one passes. */
static void
add_source_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LotsPreferencesDialog *self = source_object;
  const LotsSourceConfig *config = task_data;
  g_auto(GStrv) known = NULL;
  g_autoptr(GPtrArray) configs = NULL;
  GError *error = NULL;

  if ((known = known_area_ids (&error)) == NULL ||
      !lots_source_config_validate (config, (const char *const *) known, &error) ||
      (configs = lots_source_config_load (self->data_dir, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* "lots-inbyggd" is the built-in source's id in the index. */
  if (lots_source_config_find (configs, config->name) != NULL || g_str_equal (config->name, "lots-inbyggd"))
    {
      g_task_return_new_error (task, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                               _("There is already a source named “%s”."), config->name);
      return;
    }
  g_ptr_array_add (configs, source_config_copy (config));
  if (lots_source_config_save (self->data_dir, configs, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Removes the source named task_data, as `lotsctl source remove` does:
 * under the sync lock, its articles out of the index, then out of
 * sources.conf. */
static void
remove_source_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LotsPreferencesDialog *self = source_object;
  const char *name = task_data;
  g_autofree char *index_file = index_filename (self->data_dir);
  g_autoptr(GPtrArray) configs = NULL;
  g_autoptr(LotsIndex) index = NULL;
  LotsSourceConfig *config;
  GError *error = NULL;
  gboolean ok;
  int lock;

  if ((configs = lots_source_config_load (self->data_dir, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if ((config = lots_source_config_find (configs, name)) == NULL)
    {
      g_task_return_new_error (task, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT,
                               _("There is no source named “%s”."), name);
      return;
    }
  if ((lock = lots_sync_lock (self->data_dir, LOTS_SYNC_LOCK_TIMEOUT_S, &error)) < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  ok = TRUE;
  if (g_file_test (index_file, G_FILE_TEST_IS_REGULAR))
    ok = (index = lots_index_open (index_file, &error)) != NULL &&
         lots_index_remove_source (index, name, &error);
  if (ok)
    {
      g_ptr_array_remove (configs, config);
      ok = lots_source_config_save (self->data_dir, configs, &error);
    }
  lots_sync_unlock (lock);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_remote_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (lots_upload_set_remote (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ---- showing ----------------------------------------------------------- */

/* An error under the part of the window it is about; it replaces the
 * toast of an earlier success, which would contradict it. */
static void
show_error (GtkLabel     *label,
            const GError *error)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (gtk_widget_get_root (GTK_WIDGET (label)));

  gtk_label_set_text (label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
  if (error != NULL && self->toast != NULL)
    adw_toast_dismiss (self->toast);
}

static void
show_toast (LotsPreferencesDialog *self,
            const char            *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_set_weak_pointer (&self->toast, toast);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* The time of an ISO 8601 stamp of the index, in local time; the stamp as
 * it is when it does not parse. */
static char *
format_local_time (const char *stamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = stamp ? g_date_time_new_from_iso8601 (stamp, utc) : NULL;
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  if (local == NULL)
    return g_strdup (stamp ? stamp : "");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
describe_sync_state (const LotsIndexedSource *indexed)
{
  g_autofree char *when = NULL;

  if (indexed == NULL)
    return g_strdup (_("Not synced yet"));
  when = format_local_time (indexed->indexed_at);
  /* Translators: the state of a source: its article count, the first
   * characters of the git commit it serves, and when it was indexed. */
  return g_strdup_printf (ngettext ("%u article at commit %.8s, synced %s",
                                    "%u articles at commit %.8s, synced %s", indexed->n_articles),
                          indexed->n_articles, indexed->revision ? indexed->revision : "", when);
}

static GtkWidget *
source_row_new (const LotsSourceConfig  *config,
                const LotsIndexedSource *indexed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *name = g_strconcat ("source:", config->name, NULL);
  g_autofree char *areas = config->areas ? g_strjoinv (", ", config->areas) : g_strdup (_("those of its manifest"));
  g_autofree char *state = describe_sync_state (indexed);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *button_label = NULL;

  /* Translators: a source's details: its URL, then its branch, the areas it
   * may publish to and its sync state, e.g. "Branch main · Areas: aldre · Not synced yet". */
  subtitle = g_strdup_printf (_("%s\nBranch %s · Areas: %s · %s"), config->url, config->branch, areas, state);
  escaped = g_markup_escape_text (subtitle, -1);
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), config->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "folder-remote-symbolic");

  button_label = g_strdup_printf (_("Remove source %s"), config->name);
  gtk_widget_set_name (button, "remove-source-button");
  gtk_widget_set_tooltip_text (button, _("Remove Source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.remove-source");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", config->name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_sources (LotsPreferencesDialog *self,
              Loaded                *loaded)
{
  GtkListBoxRow *row;

  /* Row by row: the placeholder is a child of the list too, and stays. */
  while ((row = gtk_list_box_get_row_at_index (self->sources_list, 0)) != NULL)
    gtk_list_box_remove (self->sources_list, GTK_WIDGET (row));
  show_error (self->sources_error, loaded->sources_error);
  if (loaded->configs == NULL)
    return;
  for (guint i = 0; i < loaded->configs->len; i++)
    {
      const LotsSourceConfig *config = g_ptr_array_index (loaded->configs, i);

      gtk_list_box_append (self->sources_list,
                           source_row_new (config, g_hash_table_lookup (loaded->indexed, config->name)));
    }
}

static void
show_case_log (LotsPreferencesDialog *self,
               Loaded                *loaded)
{
  g_autofree char *retention = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->remote_row), loaded->remote ? loaded->remote : "");
  set_row_error (self->remote_row, FALSE);
  show_error (self->remote_error, NULL);

  retention = g_strdup_printf (ngettext ("%u month, then removed from this workstation",
                                         "%u months, then removed from this workstation",
                                         loaded->retention_months),
                               loaded->retention_months);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->retention_row), retention);

  gtk_label_set_text (self->workstation_label, loaded->workstation ? loaded->workstation->workstation_id : "—");
  gtk_label_set_text (self->handler_label, loaded->workstation ? loaded->workstation->handler_id : "—");
  show_error (self->workstation_error, loaded->workstation_error);
}

static void
update_sensitivity (LotsPreferencesDialog *self)
{
  gboolean idle = self->n_writes == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-source", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.remove-source", idle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remote_row), idle);
}

static void
notify_busy (LotsPreferencesDialog *self)
{
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- loading ----------------------------------------------------------- */

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    return; /* cancelled: disposed, or a newer load is under way */
  if (cancellable != self->load_cancellable)
    return;
  g_clear_object (&self->load_cancellable);
  show_sources (self, loaded);
  show_case_log (self, loaded);
  notify_busy (self);
}

/* Reads everything the window shows, again; a load under way is dropped. */
static void
reload (LotsPreferencesDialog *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_name (task, "[lots] load preferences");
  g_task_set_task_data (task, g_strdup (self->data_dir), g_free);
  g_task_run_in_thread (task, load_thread);
  notify_busy (self);
}

/* ---- writing ----------------------------------------------------------- */

typedef void (*WriteDone) (LotsPreferencesDialog *self,
                           const GError          *error);

static void
write_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (object);
  WriteDone done = user_data;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* disposed */
  self->n_writes--;
  done (self, error);
  notify_busy (self);
}

static void
start_write (LotsPreferencesDialog *self,
             GTaskThreadFunc        thread,
             gpointer               data,
             GDestroyNotify         data_free,
             WriteDone              done)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, write_done, done);

  g_task_set_source_tag (task, start_write);
  g_task_set_name (task, "[lots] save preferences");
  g_task_set_task_data (task, data, data_free);
  self->n_writes++;
  g_task_run_in_thread (task, thread);
  notify_busy (self);
}

static void
add_source_done (LotsPreferencesDialog *self,
                 const GError          *error)
{
  show_error (self->add_error, error);
  if (error != NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->branch_row), "main");
  gtk_editable_set_text (GTK_EDITABLE (self->areas_row), "");
  show_toast (self, _("Source added: it is fetched at the next sync"));
  g_signal_emit (self, signals[SIGNAL_SOURCES_CHANGED], 0);
  reload (self);
}

static void
remove_source_done (LotsPreferencesDialog *self,
                    const GError          *error)
{
  show_error (self->sources_error, error);
  if (error != NULL)
    return;
  show_toast (self, _("Source removed"));
  g_signal_emit (self, signals[SIGNAL_SOURCES_CHANGED], 0);
  reload (self);
}

static void
set_remote_done (LotsPreferencesDialog *self,
                 const GError          *error)
{
  set_row_error (self->remote_row, error != NULL);
  show_error (self->remote_error, error);
  if (error == NULL)
    show_toast (self, _("Outcomes remote saved"));
}

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The form as a source; NULL areas when the field is empty. */
static LotsSourceConfig *
source_from_form (LotsPreferencesDialog *self)
{
  LotsSourceConfig *config = g_new0 (LotsSourceConfig, 1);
  g_autofree char *areas = dup_row_text (self->areas_row);

  config->name = dup_row_text (self->name_row);
  config->url = dup_row_text (self->url_row);
  config->branch = dup_row_text (self->branch_row);
  if (*config->branch == '\0')
    {
      g_free (config->branch);
      config->branch = g_strdup ("main");
    }
  if (*areas != '\0')
    {
      config->areas = g_strsplit (areas, ",", -1);
      for (guint i = 0; config->areas[i]; i++)
        g_strstrip (config->areas[i]);
    }
  return config;
}

static void
action_add_source (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (widget);
  g_autoptr(LotsSourceConfig) config = source_from_form (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;

  /* The checks that need no file run here, so that the field at fault can
   * be marked; the thread repeats them with the rest. */
  set_row_error (self->name_row, *config->name == '\0');
  if (*config->name == '\0')
    {
      g_set_error (&error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, _("Give the source a name: its id in lots.yaml."));
      show_error (self->add_error, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  what = g_strconcat ("source ", config->name, NULL);
  set_row_error (self->url_row, !lots_source_config_check_url (config->url, what, &error));
  if (error != NULL)
    {
      show_error (self->add_error, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }
  show_error (self->add_error, NULL);
  start_write (self, add_source_thread, g_steal_pointer (&config), (GDestroyNotify) lots_source_config_free,
               add_source_done);
}

static void
on_remove_dialog_response (AdwMessageDialog      *dialog,
                           const char            *response,
                           LotsPreferencesDialog *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "source-name");

  if (g_strcmp0 (response, "remove") == 0 && self->n_writes == 0)
    start_write (self, remove_source_thread, g_strdup (name), g_free, remove_source_done);
}

static void
action_remove_source (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: the heading of the confirmation; %s is a source's name. */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove %s?"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Its articles and guides disappear from the search at once. "
                                 "The repository itself is not changed: add it again to get them back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "remove-source-dialog");
  g_object_set_data_full (G_OBJECT (dialog), "source-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_source_row_changed (LotsPreferencesDialog *self,
                       GtkEditable           *row)
{
  set_row_error (ADW_ENTRY_ROW (row), FALSE);
}

/* Enter in a field of the form adds the source, as the button does. */
static void
on_source_row_entry_activated (LotsPreferencesDialog *self,
                               AdwEntryRow           *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "prefs.add-source", NULL);
}

static void
on_remote_row_changed (LotsPreferencesDialog *self,
                       GtkEditable           *row)
{
  set_row_error (self->remote_row, FALSE);
}

static void
on_remote_row_apply (LotsPreferencesDialog *self,
                     AdwEntryRow           *row)
{
  g_autofree char *url = dup_row_text (row);
  g_autoptr(GError) error = NULL;

  if (!lots_source_config_check_url (url, "the outcomes remote", &error))
    {
      set_remote_done (self, error);
      return;
    }
  start_write (self, set_remote_thread, g_steal_pointer (&url), g_free, set_remote_done);
}

/* ---- language ---------------------------------------------------------- */

static gboolean
language_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (languages))
    return NULL;
  return g_variant_new_string (languages[selected]);
}

/* The settings, if their schema is installed; without it the language
 * cannot be kept, and the row says so. */
static void
bind_language (LotsPreferencesDialog *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, SETTINGS_LANGUAGE_KEY))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row),
                                   _("Cannot be kept: the settings schema of Lots is not installed"));
      return;
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, SETTINGS_LANGUAGE_KEY, self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_selected, selected_to_language, NULL, NULL);
}

/* ---- the class --------------------------------------------------------- */

static void
lots_preferences_dialog_constructed (GObject *object)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (object);

  G_OBJECT_CLASS (lots_preferences_dialog_parent_class)->constructed (object);

  if (self->data_dir == NULL)
    self->data_dir = lots_paths_dup_data_dir ();
  bind_language (self);
  reload (self);
}

static void
lots_preferences_dialog_dispose (GObject *object)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (lots_preferences_dialog_parent_class)->dispose (object);
}

static void
lots_preferences_dialog_finalize (GObject *object)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->data_dir);

  G_OBJECT_CLASS (lots_preferences_dialog_parent_class)->finalize (object);
}

static void
lots_preferences_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lots_preferences_dialog_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_preferences_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LotsPreferencesDialog *self = LOTS_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_free (self->data_dir);
      self->data_dir = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_preferences_dialog_class_init (LotsPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lots_preferences_dialog_constructed;
  object_class->dispose = lots_preferences_dialog_dispose;
  object_class->finalize = lots_preferences_dialog_finalize;
  object_class->get_property = lots_preferences_dialog_get_property;
  object_class->set_property = lots_preferences_dialog_set_property;

  /**
   * LotsPreferencesDialog:data-dir:
   *
   * The folder of sources.conf and the index; NULL for the data directory
   * of lots-paths.h.
   */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LotsPreferencesDialog:busy:
   *
   * Whether files are being read or written; the window shows what is on
   * disk once it turns FALSE.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LotsPreferencesDialog::sources-changed:
   *
   * A source was added to or removed from sources.conf.
   */
  signals[SIGNAL_SOURCES_CHANGED] =
    g_signal_new ("sources-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, sources_list);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, sources_error);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, branch_row);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, areas_row);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, add_error);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, remote_row);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, retention_row);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, remote_error);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, workstation_label);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, handler_label);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, workstation_error);
  gtk_widget_class_bind_template_child (widget_class, LotsPreferencesDialog, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_source_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_source_row_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_remote_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remote_row_apply);

  gtk_widget_class_install_action (widget_class, "prefs.add-source", NULL, action_add_source);
  gtk_widget_class_install_action (widget_class, "prefs.remove-source", "s", action_remove_source);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
lots_preferences_dialog_init (LotsPreferencesDialog *self)
{
  GtkWidget *placeholder;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (placeholder), _("No district sources"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (placeholder),
                               _("Only the built-in knowledge base is searched. Add a district's repository below."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (placeholder), 0);
  gtk_widget_set_name (placeholder, "sources-placeholder");
  gtk_list_box_set_placeholder (self->sources_list, placeholder);
}

const char *
lots_preferences_dialog_get_data_dir (LotsPreferencesDialog *self)
{
  g_return_val_if_fail (LOTS_IS_PREFERENCES_DIALOG (self), NULL);

  return self->data_dir;
}

/* Whether a load or a write is under way. */
gboolean
lots_preferences_dialog_get_busy (LotsPreferencesDialog *self)
{
  g_return_val_if_fail (LOTS_IS_PREFERENCES_DIALOG (self), FALSE);

  return self->load_cancellable != NULL || self->n_writes > 0;
}

/* A new preferences window over PARENT (may be NULL), for the sources of
 * DATA_DIR (NULL: lots_paths_dup_data_dir()). Present it to show it. */
GtkWindow *
lots_preferences_dialog_new (GtkWindow  *parent,
                             const char *data_dir)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (LOTS_TYPE_PREFERENCES_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "data-dir", data_dir,
                       NULL);
}

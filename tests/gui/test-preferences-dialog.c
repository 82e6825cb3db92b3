/* test-preferences-dialog.c — LotsPreferencesDialog on a sandbox data dir,
 * under Xvfb.
 *
 * Sources are added by typing into the form with real key presses and
 * found written with lots_source_config_load(); a bad URL, an unknown
 * area or a duplicate name shows an error and writes nothing. A source
 * synced by the core into a real index (a bare repository made with `git`
 * in the sandbox) shows its sync state, and removing it through the row's
 * button and the confirmation takes it out of sources.conf and the index.
 * The outcomes remote is stored through the core and read back with
 * lots_upload_dup_remote(); the language goes to GSettings.
 *
 * Run by run-under-xvfb (tests/gui/meson.build); screenshots prefs-*.png.
 */
#define G_LOG_DOMAIN "test-preferences-dialog"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lots-builtin.h"
#include "lots-gui-test-util.h"
#include "lots-index.h"
#include "lots-paths.h"
#include "lots-preferences-dialog.h"
#include "lots-source-config.h"
#include "lots-sync.h"
#include "lots-test-util.h"
#include "lots-upload.h"
#include "lots-workstation.h"

/* Generous: a loaded 2-core CI machine, valgrind. */
#define TIMEOUT_SECONDS 30

typedef struct {
  char *sandbox;
  char *remote;          /* a bare repository in the sandbox */
  char *remote_url;      /* its file:// URL */
  GtkWindow *dialog;     /* the test's own reference */
  guint sources_changed;
} Fixture;


static void
on_sources_changed (GtkWindow *dialog,
                    Fixture   *f)
{
  f->sources_changed++;
}

static gboolean
is_idle (gpointer user_data)
{
  return !lots_preferences_dialog_get_busy (user_data);
}

static void
wait_idle (Fixture *f)
{
  lots_gui_test_wait_for (is_idle, f->dialog, TIMEOUT_SECONDS, "the preferences to be read or written");
  lots_gui_test_wait_frames (GTK_WIDGET (f->dialog), 3);
}

static void
open_dialog (Fixture *f)
{
  f->dialog = g_object_ref (lots_preferences_dialog_new (NULL, f->sandbox));
  g_signal_connect (f->dialog, "sources-changed", G_CALLBACK (on_sources_changed), f);
  gtk_window_present (f->dialog);
  wait_idle (f);
}

static void
close_dialog (Fixture *f)
{
  wait_idle (f);
  gtk_window_destroy (f->dialog);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&f->dialog));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->sandbox = lots_test_sandbox_new ();
  f->remote = g_build_filename (f->sandbox, "sodermalm.git", NULL);
  g_free (lots_test_git (f->sandbox, "init", "-q", "--bare", "-b", "main", f->remote, NULL));
  f->remote_url = g_filename_to_uri (f->remote, NULL, NULL);
  g_assert_nonnull (f->remote_url);
  /* lots.conf (the outcomes remote, the ids) follows lots-paths.h, as in
   * the application started with --data-dir. */
  lots_paths_set_data_dir (f->sandbox);
  open_dialog (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->dialog != NULL)
    close_dialog (f);
  lots_paths_set_data_dir (NULL);
  g_free (f->remote_url);
  g_free (f->remote);
  lots_test_sandbox_free (f->sandbox);
}

static GtkWidget *
find (Fixture    *f,
      GType       type,
      const char *name)
{
  GtkWidget *widget = lots_gui_test_find_by_text (GTK_WIDGET (f->dialog), type, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
show_page (Fixture    *f,
           const char *name)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->dialog), name);
  lots_gui_test_wait_frames (GTK_WIDGET (f->dialog), 3);
}

static GPtrArray *
load_sources (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *configs = lots_source_config_load (f->sandbox, &error);

  g_assert_no_error (error);
  return configs;
}

static char *
sources_file (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->sandbox, "sources.conf", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* Clicks FIELD and types TEXT into it with real key presses. */
static void
type_into (Fixture    *f,
           const char *field,
           const char *text)
{
  GtkWidget *row = find (f, ADW_TYPE_ENTRY_ROW, field);

  g_assert_true (gtk_widget_grab_focus (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  lots_gui_test_type_text (text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, text);
}

static GtkListBoxRow *
source_row (Fixture    *f,
            const char *name)
{
  g_autofree char *row_name = g_strconcat ("source:", name, NULL);

  return (GtkListBoxRow *) lots_gui_test_find_by_text (GTK_WIDGET (f->dialog), ADW_TYPE_ACTION_ROW, row_name);
}

static guint
n_source_rows (Fixture *f)
{
  GtkListBox *list = GTK_LIST_BOX (find (f, GTK_TYPE_LIST_BOX, "sources-list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static gboolean
label_shows (GtkWidget *label)
{
  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

/* Fills the form, typing with real key presses when TYPE is TRUE, and
 * presses Enter in the last field, which adds the source as the button does. */
static void
add_through_form (Fixture    *f,
                  const char *name,
                  const char *url,
                  const char *areas,
                  gboolean    type)
{
  GtkWidget *areas_row = find (f, ADW_TYPE_ENTRY_ROW, "source-areas-row");

  gtk_editable_set_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "source-url-row")), url);
  if (type)
    {
      type_into (f, "source-name-row", name);
      type_into (f, "source-areas-row", areas);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "source-name-row")), name);
      gtk_editable_set_text (GTK_EDITABLE (areas_row), areas);
      g_assert_true (gtk_widget_grab_focus (areas_row));
    }
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  wait_idle (f);
}

/* Typed into the form, the source is in sources.conf, listed, and the form
 * is empty for the next one. */
static void
test_add_source (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) configs = NULL;
  const LotsSourceConfig *config;
  GtkListBoxRow *row;

  show_page (f, "sources");
  g_assert_cmpuint (n_source_rows (f), ==, 0);
  g_assert_true (gtk_widget_get_mapped (find (f, ADW_TYPE_ACTION_ROW, "sources-placeholder")));

  add_through_form (f, "sodermalm", f->remote_url, "aldre, forskola", TRUE);

  configs = load_sources (f);
  g_assert_cmpuint (configs->len, ==, 1);
  config = g_ptr_array_index (configs, 0);
  g_assert_cmpstr (config->name, ==, "sodermalm");
  g_assert_cmpstr (config->url, ==, f->remote_url);
  g_assert_cmpstr (config->branch, ==, "main");
  g_assert_nonnull (config->areas);
  g_assert_cmpuint (g_strv_length (config->areas), ==, 2);
  g_assert_cmpstr (config->areas[0], ==, "aldre");
  g_assert_cmpstr (config->areas[1], ==, "forskola");
  g_assert_cmpuint (f->sources_changed, ==, 1);

  g_assert_false (label_shows (find (f, GTK_TYPE_LABEL, "add-source-error")));
  g_assert_cmpuint (n_source_rows (f), ==, 1);
  row = source_row (f, "sodermalm");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), f->remote_url));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "source-name-row"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "source-branch-row"))), ==,
                   "main");

  /* The same name again is refused, and the file stays as it was. */
  {
    g_autofree char *before = sources_file (f);
    g_autofree char *after = NULL;

    add_through_form (f, "sodermalm", f->remote_url, "aldre", FALSE);
    after = sources_file (f);
    g_assert_cmpstr (after, ==, before);
    g_assert_true (label_shows (find (f, GTK_TYPE_LABEL, "add-source-error")));
    g_assert_cmpuint (f->sources_changed, ==, 1);
  }
}

static void
assert_refused (Fixture    *f,
                const char *name,
                const char *url,
                const char *areas,
                const char *field_at_fault)
{
  GtkWidget *error = find (f, GTK_TYPE_LABEL, "add-source-error");
  g_autofree char *before = sources_file (f);
  g_autofree char *after = NULL;

  add_through_form (f, name, url, areas, FALSE);
  g_assert_true (label_shows (error));
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (error)));
  if (field_at_fault != NULL)
    g_assert_true (gtk_widget_has_css_class (find (f, ADW_TYPE_ENTRY_ROW, field_at_fault), "error"));
  after = sources_file (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (f->sources_changed, ==, 0);
  g_assert_cmpuint (n_source_rows (f), ==, 0);
}

/* Bad input shows the core's message under the form and writes nothing. */
static void
test_refuse_bad_source (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *error = find (f, GTK_TYPE_LABEL, "add-source-error");

  show_page (f, "sources");
  assert_refused (f, "norrmalm", "ftp://git.example.se/norrmalm.git", "", "source-url-row");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "ftp://git.example.se/norrmalm.git"));
  lots_gui_test_save_screenshot (GTK_WIDGET (f->dialog), "prefs-sources-error.png");

  /* A token in the URL would be stored in clear. */
  assert_refused (f, "norrmalm", "https://anna:hemligt@git.example.se/norrmalm.git", "", "source-url-row");
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (error)), "hemligt"));

  /* Editing the field clears its mark. */
  gtk_editable_set_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "source-url-row")), f->remote_url);
  g_assert_false (gtk_widget_has_css_class (find (f, ADW_TYPE_ENTRY_ROW, "source-url-row"), "error"));

  assert_refused (f, "norrmalm", f->remote_url, "aldre, trollkonst", NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "trollkonst"));
  assert_refused (f, "Norr Malm", f->remote_url, "", NULL);
  g_assert_null (sources_file (f));
}

/* Finds the visible confirmation among the toplevels. */
static gboolean
has_confirmation (gpointer user_data)
{
  AdwMessageDialog **confirm = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        *confirm = ADW_MESSAGE_DIALOG (window);
    }
  return *confirm != NULL;
}

/* A source the core synced shows its state; removing it asks first, and
 * Remove takes it out of sources.conf and out of the index. */
static void
test_sync_state_and_remove (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *work = g_build_filename (f->sandbox, "work", NULL);
  g_autofree char *index_file = g_build_filename (f->sandbox, "index.sqlite", NULL);
  g_autoptr(LotsSourceConfig) config = g_new0 (LotsSourceConfig, 1);
  g_autoptr(GPtrArray) configs = g_ptr_array_new ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(LotsSyncResult) result = NULL;
  g_autoptr(GPtrArray) indexed = NULL;
  g_autoptr(GPtrArray) configs_after = NULL;
  g_autofree char *short_commit = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  AdwMessageDialog *confirm = NULL;

  /* A publisher's commit in the bare repository, configured and synced by
   * the core as `lotsctl source add` and `lotsctl sync` would. */
  g_free (lots_test_git (f->sandbox, "init", "-q", "-b", "main", work, NULL));
  lots_test_write_manifest (work, "sodermalm", "aldre");
  lots_test_write_article (work, "aldre/trygghetslarm.md", "aldre/trygghetslarm-sodermalm", "Trygghetslarm på Södermalm",
                           "aldre", NULL, "Ring stadsdelsförvaltningens biståndshandläggare.");
  g_free (lots_test_git (work, "add", "-A", NULL));
  g_free (lots_test_git (work, "commit", "-q", "-m", "Första versionen", NULL));
  g_free (lots_test_git (work, "push", "-q", f->remote, "HEAD:main", NULL));

  config->name = g_strdup ("sodermalm");
  config->url = g_strdup (f->remote_url);
  config->branch = g_strdup ("main");
  g_ptr_array_add (configs, config);
  g_assert_true (lots_source_config_save (f->sandbox, configs, &error));
  g_assert_no_error (error);
  index = lots_index_open (index_file, &error);
  g_assert_no_error (error);
  areas = lots_builtin_areas (&error);
  g_assert_no_error (error);
  result = lots_sync_source (config, f->sandbox, index, areas, NULL, NULL);
  g_assert_cmpint (result->status, ==, LOTS_SYNC_ACCEPTED);
  g_clear_pointer (&index, lots_index_close);

  /* A window opened now shows it, with its state. */
  close_dialog (f);
  open_dialog (f);
  show_page (f, "sources");
  row = source_row (f, "sodermalm");
  g_assert_nonnull (row);
  short_commit = g_strndup (result->new_commit, 8);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), short_commit));
  lots_gui_test_save_screenshot (GTK_WIDGET (f->dialog), "prefs-sources.png");

  /* Its remove button asks first (a button activated from the keyboard
   * clicks after a short press animation: wait for the dialog). */
  gtk_widget_activate (lots_gui_test_find_by_text (GTK_WIDGET (row), GTK_TYPE_BUTTON, "remove-source-button"));
  lots_gui_test_wait_for (has_confirmation, &confirm, TIMEOUT_SECONDS, "the confirmation");
  g_assert_nonnull (confirm);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (confirm)) == f->dialog);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (confirm)), ==, "remove-source-dialog");
  lots_gui_test_wait_frames (GTK_WIDGET (confirm), 3);
  lots_gui_test_save_screenshot (GTK_WIDGET (confirm), "prefs-sources-remove.png");
  g_assert_cmpstr (adw_message_dialog_get_close_response (confirm), ==, "cancel");
  adw_message_dialog_response (confirm, "remove");
  wait_idle (f);

  configs_after = load_sources (f);
  g_assert_cmpuint (configs_after->len, ==, 0);
  g_assert_cmpuint (f->sources_changed, ==, 1);
  g_assert_cmpuint (n_source_rows (f), ==, 0);
  index = lots_index_open (index_file, &error);
  g_assert_no_error (error);
  indexed = lots_index_list_sources (index, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < indexed->len; i++)
    g_assert_cmpstr (((LotsIndexedSource *) g_ptr_array_index (indexed, i))->id, !=, "sodermalm");
  lots_gui_test_save_screenshot (GTK_WIDGET (f->dialog), "prefs-sources-empty.png");
}

/* The outcomes remote goes through the core; a bad one is refused with its
 * reason and the stored one stays. The ids are those of lots.conf. */
static void
test_case_log (Fixture       *f,
               gconstpointer  data)
{
  AdwEntryRow *remote = ADW_ENTRY_ROW (find (f, ADW_TYPE_ENTRY_ROW, "remote-row"));
  GtkWidget *error_label = find (f, GTK_TYPE_LABEL, "remote-error");
  g_autoptr(LotsWorkstation) workstation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  show_page (f, "caselog");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (remote)), ==, "");
  workstation = lots_workstation_load (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (f, GTK_TYPE_LABEL, "workstation-id"))), ==,
                   workstation->workstation_id);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (f, GTK_TYPE_LABEL, "handler-id"))), ==,
                   workstation->handler_id);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (f, ADW_TYPE_ACTION_ROW, "retention-row"))),
                            "24"));

  gtk_editable_set_text (GTK_EDITABLE (remote), f->remote_url);
  g_signal_emit_by_name (remote, "apply");
  wait_idle (f);
  g_assert_false (label_shows (error_label));
  stored = lots_upload_dup_remote (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, f->remote_url);
  g_clear_pointer (&stored, g_free);
  lots_gui_test_save_screenshot (GTK_WIDGET (f->dialog), "prefs-caselog.png");

  gtk_editable_set_text (GTK_EDITABLE (remote), "https://analytiker:hemligt@git.example.se/utfall.git");
  g_signal_emit_by_name (remote, "apply");
  wait_idle (f);
  g_assert_true (label_shows (error_label));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (remote), "error"));
  stored = lots_upload_dup_remote (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, f->remote_url);
  lots_gui_test_save_screenshot (GTK_WIDGET (f->dialog), "prefs-caselog-error.png");

  /* A new window shows what is stored. */
  close_dialog (f);
  open_dialog (f);
  remote = ADW_ENTRY_ROW (find (f, ADW_TYPE_ENTRY_ROW, "remote-row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (remote)), ==, f->remote_url);
}

/* Swedish by default, whatever the locale; a choice is kept in GSettings. */
static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwComboRow *row = ADW_COMBO_ROW (find (f, ADW_TYPE_COMBO_ROW, "language-row"));
  g_autofree char *language = NULL;

  g_settings_reset (settings, "language");
  show_page (f, "general");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  lots_gui_test_save_screenshot (GTK_WIDGET (f->dialog), "prefs-general.png");

  adw_combo_row_set_selected (row, 2);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "en");
  g_clear_pointer (&language, g_free);
  adw_combo_row_set_selected (row, 0);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "system");

  g_settings_set_string (settings, "language", "sv");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_settings_reset (settings, "language");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  g_test_add ("/preferences-dialog/sources/add", Fixture, NULL, fixture_setup, test_add_source, fixture_teardown);
  g_test_add ("/preferences-dialog/sources/refuse-bad", Fixture, NULL, fixture_setup, test_refuse_bad_source,
              fixture_teardown);
  g_test_add ("/preferences-dialog/sources/sync-state-and-remove", Fixture, NULL, fixture_setup,
              test_sync_state_and_remove, fixture_teardown);
  g_test_add ("/preferences-dialog/case-log", Fixture, NULL, fixture_setup, test_case_log, fixture_teardown);
  g_test_add ("/preferences-dialog/language", Fixture, NULL, fixture_setup, test_language, fixture_teardown);

  return g_test_run ();
}

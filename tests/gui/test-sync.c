/* test-sync.c — new guidance reaches the running app, and calls arrive
 * from the telephony system.
 *
 * Sync: a district publishes into a real git repository (file://, made with
 * the git command); the running app syncs in the background (F5, "Sync
 * now") and the new article is found by the search without a restart; a
 * toast says new guidance arrived; the header says when it synced.
 *
 * Telephony: a private D-Bus session bus (dbus-daemon, started here) and
 * the real `lots --new-case --queue …` program: the command hands the call
 * to the running instance over D-Bus (GApplication's action) and exits; the
 * running window starts a case in the queue's area with the search focused
 * and the queue's guides listed.
 */
#define G_LOG_DOMAIN "test-sync"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "lots-gui-test-util.h"
#include "lots-result-row.h"
#include "lots-source-config.h"
#include "lots-test-util.h"

#define WAIT_S 90


typedef struct {
  char *dir;
  char *work;
  char *data;
} Publisher;

static void
publish (Publisher  *p,
         const char *message)
{
  g_free (lots_test_git (p->work, "add", "-A", NULL));
  g_free (lots_test_git (p->work, "commit", "-q", "-m", message, NULL));
  g_free (lots_test_git (p->work, "push", "-q", "origin", "HEAD:main", NULL));
}

static gboolean
first_result_is (gpointer user_data)
{
  LotsWindow *window = user_data;
  GtkWidget *list = lots_gui_test_find_by_text (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "results-list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) &&
         g_strcmp0 (lots_result_row_get_id (LOTS_RESULT_ROW (row)), "aldre/seniorcafe-norrmalm") == 0;
}

static gboolean
nothing_found (gpointer user_data)
{
  GtkWidget *page = lots_gui_test_find_by_text (GTK_WIDGET (user_data), ADW_TYPE_STATUS_PAGE, "nothing-found");

  return page != NULL && gtk_widget_get_mapped (page);
}

static gboolean
synced (gpointer user_data)
{
  LotsBackground *background = user_data;

  return !lots_background_get_syncing (background) && lots_background_get_last_sync (background) > 0;
}

static void
script_sync (LotsApplication *app,
             LotsWindow      *window,
             gpointer         user_data)
{
  Publisher *p = user_data;
  LotsBackground *background = lots_application_get_background (app);
  GtkWidget *sync_label = lots_gui_test_find_by_text (GTK_WIDGET (window), GTK_TYPE_LABEL, "sync-label");

  /* The first sync at start-up found nothing published yet. */
  lots_gui_test_wait_for (synced, background, WAIT_S, "the first sync");
  lots_gui_test_type_text ("seniorcafé");
  lots_gui_test_wait_for (nothing_found, window, WAIT_S, "“nothing found”");

  /* The district publishes; F5 syncs; the same search now finds it. */
  lots_test_write (p->work, "artiklar/seniorcafe.md",
                   "---\nid: aldre/seniorcafe-norrmalm\ntitle: Seniorcaféer i Norrmalm\narea: aldre\n---\n"
                   "Seniorcaféerna i Norrmalm har öppet på vardagar. Handläggaren hänvisar till träffpunkten.\n", -1);
  publish (p, "Seniorcaféer");
  lots_gui_test_press_key (GDK_KEY_F5, 0);
  lots_gui_test_wait_for (first_result_is, window, WAIT_S, "the new article in the results");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sync_label)), !=, g_dgettext (GETTEXT_PACKAGE, "Not synced"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sync_label)), !=, g_dgettext (GETTEXT_PACKAGE, "Offline"));
  g_assert_false (lots_background_get_offline (background));
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "sync-new-article.png");
}

static void
test_sync_brings_new_article (void)
{
  Publisher p = { 0 };
  g_autofree char *remote = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GPtrArray) configs = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_source_config_free);
  g_autoptr(GError) error = NULL;
  LotsSourceConfig *config;

  p.dir = lots_test_sandbox_new ();
  p.work = g_build_filename (p.dir, "publicist", NULL);
  p.data = g_build_filename (p.dir, "lots", NULL);
  remote = g_build_filename (p.dir, "remote.git", NULL);
  url = g_strconcat ("file://", remote, NULL);
  g_free (lots_test_git (p.dir, "init", "-q", "--bare", "-b", "main", remote, NULL));
  g_free (lots_test_git (p.dir, "init", "-q", "-b", "main", p.work, NULL));
  g_free (lots_test_git (p.work, "remote", "add", "origin", remote, NULL));
  lots_test_write (p.work, "lots.yaml",
                   "id: norrmalm\ntitle: Norrmalms stadsdelsförvaltning\nowner: Norrmalm\nareas: [aldre]\nlang: sv\n", -1);
  lots_test_write (p.work, "artiklar/frivilliga.md",
                   "---\nid: aldre/frivilliga-norrmalm\ntitle: Frivilliga besöksvänner\narea: aldre\n---\n"
                   "Besöksvänner kommer hem till äldre som vill ha sällskap.\n", -1);
  publish (&p, "Första versionen");

  config = g_new0 (LotsSourceConfig, 1);
  config->name = g_strdup ("norrmalm");
  config->url = g_strdup (url);
  config->branch = g_strdup ("main");
  config->areas = g_strsplit ("aldre", ",", -1);
  g_ptr_array_add (configs, config);
  g_assert_true (g_mkdir_with_parents (p.data, 0700) == 0);
  g_assert_true (lots_source_config_save (p.data, configs, &error));
  g_assert_no_error (error);

  lots_gui_test_run_app (p.data, NULL, script_sync, &p);

  g_free (p.work);
  g_free (p.data);
  lots_test_sandbox_free (p.dir);
}

/* --- telephony ----------------------------------------------------------- */

typedef struct {
  const char *data_dir;
  gboolean command_done;
  int command_status;
} Call;

static void
on_command_exit (GPid     pid,
                 int      status,
                 gpointer user_data)
{
  Call *call = user_data;

  call->command_status = status;
  call->command_done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
command_done (gpointer user_data)
{
  return ((Call *) user_data)->command_done;
}

static gboolean
case_in_social (gpointer user_data)
{
  const LotsCase *draft = lots_window_get_case (user_data);

  return draft != NULL && g_strcmp0 (draft->area, "social") == 0;
}

static const char *
row_data (GtkWidget  *list,
          int         index,
          const char *key)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  return row != NULL ? g_object_get_data (G_OBJECT (row), key) : NULL;
}

static gboolean
start_list_filled (gpointer user_data)
{
  return row_data (user_data, 2, "lots-id") != NULL;
}

/* Earlier calls from the queue, logged the way any workstation logs them. */
static void
log_earlier_calls (const char *data_dir)
{
  const char *calls[][3] = {
    { "social/orosanmalan-barn", "social/akut", "social" },
    { "social/orosanmalan-barn", NULL, "social" },
    { "social/hemloshet-akut-boende", NULL, "social" },
    { "aldre/ansoka-hemtjanst", NULL, "aldre" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *area = g_strdup_printf ("--area=%s", calls[i][2]);
      g_autofree char *article = g_strdup_printf ("--article=%s", calls[i][0]);
      g_autofree char *guide = calls[i][1] != NULL ? g_strdup_printf ("--guide=%s", calls[i][1]) : NULL;
      const char *args[] = { "case", "log", "--channel=telefon", "--resolved=yes", area, article, guide, NULL };
      g_autofree char *out = NULL, *err = NULL;
      int status;

      lots_test_run_lotsctl (data_dir, args, "", &out, &err, &status);
      g_assert_cmpint (status, ==, 0);
    }
}

static void
script_new_case (LotsApplication *app,
                 LotsWindow      *window,
                 gpointer         user_data)
{
  Call *call = user_data;
  const char *argv[] = { LOTS_APP_PROGRAM, "--data-dir", call->data_dir,
                         "--new-case", "--queue", "Sociala frågor", "--channel", "telefon", NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *start_list;
  GPid pid;

  g_assert_true (g_application_get_is_registered (G_APPLICATION (app)));
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_assert_null (lots_window_get_case (window));

  /* The telephony system runs the program; it reaches this instance. */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, on_command_exit, call);
  lots_gui_test_wait_for (command_done, call, WAIT_S, "lots --new-case to exit");
  g_assert_true (g_spawn_check_wait_status (call->command_status, NULL));
  lots_gui_test_wait_for (case_in_social, window, WAIT_S, "the case from the queue");

  g_assert_cmpstr (lots_window_get_case (window)->channel, ==, "telefon");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         lots_gui_test_find_by_text (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, "search-entry")));
  /* Before anything is typed: what the queue's calls used most — the
   * guide, then the articles (the one opened twice first). */
  start_list = lots_gui_test_find_by_text (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "start-list");
  lots_gui_test_wait_for (start_list_filled, start_list, WAIT_S, "the queue's most used");
  g_assert_true (gtk_widget_get_mapped (start_list));
  g_assert_cmpstr (row_data (start_list, 0, "lots-id"), ==, "social/akut");
  g_assert_cmpstr (row_data (start_list, 1, "lots-id"), ==, "social/orosanmalan-barn");
  g_assert_cmpstr (row_data (start_list, 2, "lots-id"), ==, "social/hemloshet-akut-boende");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (start_list), 3));
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "new-case-queue.png");
}

static void
test_new_case_over_dbus (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  const char *daemon_argv[] = { "dbus-daemon", "--session", "--nofork", "--print-address", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *address = NULL;
  Call call = { sandbox };
  GPid daemon;
  int out;

  if (g_find_program_in_path ("dbus-daemon") == NULL)
    {
      g_test_skip ("dbus-daemon is not installed (Debian: dbus)");
      return;
    }
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) daemon_argv, NULL, G_SPAWN_SEARCH_PATH,
                                           NULL, NULL, &daemon, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &address, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_strstrip (address);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);

  log_earlier_calls (sandbox);
  lots_gui_test_run_app (sandbox, NULL, script_new_case, &call);

  kill (daemon, SIGTERM);
  g_spawn_close_pid (daemon);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  g_test_add_func ("/sync/new-article-without-restart", test_sync_brings_new_article);
  g_test_add_func ("/telephony/new-case-over-dbus", test_new_case_over_dbus);

  return g_test_run ();
}

/* test-window.c — the real application's main window, under Xvfb.
 *
 * Each test runs a LotsApplication in this process, as `lots --data-dir
 * SANDBOX` would run, waits (iterating the main loop, with a timeout) until
 * the window has shown how opening the knowledge base went and has painted
 * a few frames, checks what it shows, saves a screenshot under
 * $LOTS_TEST_SCREENSHOT_DIR, quits through app.quit, and checks that
 * neither the window nor the application leaks a reference.
 *
 * Run by run-under-xvfb (tests/gui/meson.build).
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lots-application.h"
#include "lots-builtin.h"
#include "lots-gui-test-util.h"
#include "lots-renderer.h"
#include "lots-test-util.h"
#include "lots-window.h"

/* Opening the index indexes the built-in base on a fresh data dir: about a
 * second here, far longer under valgrind or a loaded CI machine. */
#define TIMEOUT_SECONDS 50

/* Frames to let the window paint after the index state is shown. */
#define SETTLE_FRAMES 3

typedef struct _Run Run;
typedef void (*CheckFunc) (Run *run);

struct _Run
{
  const char *data_dir;
  CheckFunc check;
  LotsApplication *app;
  LotsWindow *window;   /* the test's own reference */
  guint settled_frames;
  gboolean checked;
};


static gboolean
has_focus_within (GtkWindow *window,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}



/* The articles of the built-in source, as a second connection to the index
 * the application wrote counts them. */
static guint
count_indexed_builtin_articles (const char *data_dir)
{
  g_autofree char *filename = g_build_filename (data_dir, "index.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsIndex) index = lots_index_open (filename, &error);
  g_autoptr(GPtrArray) sources = NULL;
  guint n = 0;

  g_assert_no_error (error);
  sources = lots_index_list_sources (index, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sources->len; i++)
    {
      LotsIndexedSource *source = g_ptr_array_index (sources, i);

      if (g_strcmp0 (source->kind, LOTS_BUILTIN_KIND) == 0)
        n += source->n_articles;
    }
  return n;
}

static gboolean
on_window_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Run *run = user_data;

  if (lots_application_get_loading (run->app))
    return G_SOURCE_CONTINUE;
  if (++run->settled_frames < SETTLE_FRAMES)
    return G_SOURCE_CONTINUE;

  run->check (run);
  run->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_app_window_added (GtkApplication *app,
                     GtkWindow      *window,
                     Run            *run)
{
  g_assert_null (run->window);
  g_assert_true (LOTS_IS_WINDOW (window));
  run->window = g_object_ref (LOTS_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), on_window_tick, run, NULL);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("the window did not show the state of the knowledge base within %d s", TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Runs the application as `lots --data-dir DATA_DIR` until CHECK has run
 * and app.quit has closed the window. */
static void
run_app (const char *data_dir,
         CheckFunc   check)
{
  Run run = { .data_dir = data_dir, .check = check };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  guint timeout_id;
  int status;

  g_strv_builder_add_many (builder, "lots", "--data-dir", data_dir, NULL);
  argv = g_strv_builder_end (builder);

  run.app = lots_application_new ();
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_app_window_added), &run);
  timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, NULL);
  status = g_application_run (G_APPLICATION (run.app), (int) g_strv_length (argv), argv);
  g_source_remove (timeout_id);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.checked);
  g_assert_nonnull (run.window);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (run.app)));

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (run.window);
  g_assert_finalize_object (run.app);
}

static void
check_builtin_base (Run *run)
{
  GtkWindow *window = GTK_WINDOW (run->window);
  GtkWidget *title = lots_gui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);
  GtkWidget *entry = lots_gui_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  guint n = count_indexed_builtin_articles (run->data_dir);
  g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u article in the built-in knowledge base",
                                                            "%u articles in the built-in knowledge base", n), n);
  g_autofree char *placeholder = NULL;
  g_autoptr(GtkIconPaintable) icon = NULL;

  g_assert_no_error ((GError *) lots_application_get_index_error (run->app));
  g_assert_nonnull (lots_application_get_index (run->app));
  g_assert_cmpuint (n, >, 50);
  g_assert_cmpuint (lots_application_get_n_builtin_articles (run->app), ==, n);

  g_assert_nonnull (title);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Lots");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "Lots");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, expected);
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, g_dgettext (GETTEXT_PACKAGE, "Search (Ctrl+K)"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* The search has the focus from the start. */
  g_assert_true (has_focus_within (window, entry));

  /* The icon comes from the application's resources. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (entry)),
                                          APPLICATION_ID));
  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (entry)),
                                     APPLICATION_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  lots_gui_test_save_paintable (GDK_PAINTABLE (icon), gtk_native_get_renderer (GTK_NATIVE (window)), 128, 128, "icon.png");

  lots_gui_test_save_screenshot (GTK_WIDGET (window), "window.png");

  /* Ctrl+K brings the focus back to the search, with its text selected. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "hemtjänst");
  gtk_window_set_focus (window, NULL);
  g_assert_false (has_focus_within (window, entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-search", NULL));
  g_assert_true (has_focus_within (window, entry));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL));

  /* Escape clears the search. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static void
check_shortcuts (Run *run)
{
  g_auto(GStrv) focus = gtk_application_get_accels_for_action (GTK_APPLICATION (run->app), "win.focus-search");
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (run->app), "app.quit");

  g_assert_true (strv_contains ((const char * const *) focus, "<Control>k"));
  g_assert_true (strv_contains ((const char * const *) quit, "<Control>q"));
}

static void
check_index_error (Run *run)
{
  GtkWidget *window = GTK_WIDGET (run->window);
  GtkWidget *title = lots_gui_test_find_descendant (window, ADW_TYPE_WINDOW_TITLE);
  GtkWidget *status = lots_gui_test_find_by_text (window, ADW_TYPE_STATUS_PAGE, "status-page");
  const char *cannot_open = g_dgettext (GETTEXT_PACKAGE, "The knowledge base could not be opened");
  const GError *error = lots_application_get_index_error (run->app);

  g_assert_nonnull (error);
  g_assert_null (lots_application_get_index (run->app));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, cannot_open);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, cannot_open);
  g_assert_true (gtk_widget_get_mapped (status));
  /* The page says what went wrong, where, and what to do. */
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), run->data_dir));

  lots_gui_test_save_screenshot (window, "window-error.png");
}

static void
test_window_builtin_base (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();

  run_app (sandbox, check_builtin_base);
}

static void
test_window_shortcuts (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();

  run_app (sandbox, check_shortcuts);
}

/* A data dir that cannot be created (a file is in the way): the window
 * says so instead of failing silently or blocking. */
static void
test_window_index_error (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *not_a_dir = g_build_filename (sandbox, "data", NULL);

  lots_test_write (sandbox, "data", "a file, not a folder\n", -1);
  run_app (not_a_dir, check_index_error);
}

/* The renderer: GSK_RENDERER set is the user's choice and stays; unset,
 * cairo is chosen exactly when the display's GL is a software one. The
 * GL renderer of the machine decides which; both answers are checked for
 * what they must leave behind. */
static void
test_window_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *saved = g_strdup (g_getenv ("GSK_RENDERER"));
  gboolean chose;

  g_assert_nonnull (display);
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_false (lots_renderer_choose (display));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");

  g_unsetenv ("GSK_RENDERER");
  chose = lots_renderer_choose (display);
  if (chose)
    g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  else
    g_assert_null (g_getenv ("GSK_RENDERER"));
  g_test_message ("software GL here: %s", chose ? "yes, cairo chosen" : "no");

  if (saved != NULL)
    g_setenv ("GSK_RENDERER", saved, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

/* Restores an environment variable when it goes out of scope. */
typedef struct
{
  const char *name;
  char *value;
} SavedEnv;

static SavedEnv
save_env (const char *name)
{
  return (SavedEnv) { name, g_strdup (g_getenv (name)) };
}

static void
restore_env (SavedEnv *saved)
{
  if (saved->value != NULL)
    g_setenv (saved->name, saved->value, TRUE);
  else
    g_unsetenv (saved->name);
  g_free (saved->value);
}

/* Before GTK starts: no graphics device under DEV_DIR means cairo and GL
 * off, keeping GDK_DEBUG's own flags; a DRM node or an NVIDIA device
 * leaves both to the check on the display; GSK_RENDERER set stays. */
static void
test_window_renderer_early (void)
{
  SavedEnv renderer = save_env ("GSK_RENDERER");
  SavedEnv debug = save_env ("GDK_DEBUG");
  SavedEnv backend = save_env ("GDK_BACKEND");
  g_autoptr(char) dev = lots_test_sandbox_new ();
  g_autofree char *dri = g_build_filename (dev, "dri", NULL);

  /* No device: an empty /dev, then one with an empty dri folder. */
  g_unsetenv ("GDK_BACKEND");
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_assert_true (lots_renderer_choose_early (dev));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

  g_assert_cmpint (g_mkdir (dri, 0755), ==, 0);
  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "misc", TRUE);
  g_assert_true (lots_renderer_choose_early (dev));
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "misc,gl-disable");

  /* A render node, a card without one, NVIDIA's device: the display's GL
   * decides later. */
  {
    const char *devices[] = { "dri/renderD128", "dri/card0", "nvidiactl" };

    for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
      {
        g_autoptr(char) one = lots_test_sandbox_new ();
        g_autofree char *one_dri = g_build_filename (one, "dri", NULL);

        g_assert_cmpint (g_mkdir (one_dri, 0755), ==, 0);
        lots_test_write (one, devices[i], "", 0);
        g_unsetenv ("GSK_RENDERER");
        g_unsetenv ("GDK_DEBUG");
        g_assert_false (lots_renderer_choose_early (one));
        g_assert_null (g_getenv ("GSK_RENDERER"));
        g_assert_null (g_getenv ("GDK_DEBUG"));
      }
  }

  /* The user's renderer stays, and GL is not touched. */
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_unsetenv ("GDK_DEBUG");
  g_assert_false (lots_renderer_choose_early (dev));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_null (g_getenv ("GDK_DEBUG"));

  /* Broadway has a renderer of its own. */
  g_setenv ("GDK_BACKEND", "broadway", TRUE);
  g_unsetenv ("GSK_RENDERER");
  g_assert_false (lots_renderer_choose_early (dev));
  g_assert_null (g_getenv ("GSK_RENDERER"));
  g_assert_null (g_getenv ("GDK_DEBUG"));

  restore_env (&renderer);
  restore_env (&debug);
  restore_env (&backend);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  g_test_add_func ("/window/builtin-base/article-count", test_window_builtin_base);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/index-error", test_window_index_error);
  g_test_add_func ("/window/renderer", test_window_renderer);
  g_test_add_func ("/window/renderer-early", test_window_renderer_early);

  return g_test_run ();
}

/* lots-gui-test-util.c — shared helpers of the GUI tests (see the header). */
#define G_LOG_DOMAIN "lots-gui-test"

#include "config.h"

#include "lots-gui-test-util.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>

void
lots_gui_test_init (void)
{
  /* The same language set-up as the program: Swedish unless the settings
   * say otherwise, with the build folder's translations. */
  lots_application_init_i18n ();
  adw_init ();
}

GtkWidget *
lots_gui_test_find_descendant (GtkWidget *widget,
                               GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = lots_gui_test_find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

GPtrArray *
lots_gui_test_find_all (GtkWidget *widget,
                        GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, type, found);
  return found;
}

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return NULL;
}

GtkWidget *
lots_gui_test_find_by_text (GtkWidget  *widget,
                            GType       type,
                            const char *text)
{
  g_autoptr(GPtrArray) all = lots_gui_test_find_all (widget, type);

  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *candidate = g_ptr_array_index (all, i);

      if (g_strcmp0 (gtk_widget_get_name (candidate), text) == 0 ||
          g_strcmp0 (widget_text (candidate), text) == 0)
        return candidate;
    }
  return NULL;
}

typedef struct {
  gboolean timed_out;
} Wait;

static gboolean
on_wait_timeout (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
lots_gui_test_wait_for (LotsGuiTestCondition condition,
                        gpointer             user_data,
                        guint                timeout_seconds,
                        const char          *what)
{
  Wait wait = { FALSE };
  guint id = g_timeout_add_seconds (timeout_seconds, on_wait_timeout, &wait);

  while (!condition (user_data))
    {
      if (wait.timed_out)
        g_error ("waited %u s for %s", timeout_seconds, what);
      g_main_context_iteration (NULL, TRUE);
    }
  if (!wait.timed_out)
    g_source_remove (id);
}

typedef struct {
  guint left;
} Frames;

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Frames *frames = user_data;

  if (frames->left > 0)
    frames->left--;
  return frames->left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_done (gpointer user_data)
{
  return ((Frames *) user_data)->left == 0;
}

void
lots_gui_test_wait_frames (GtkWidget *widget,
                           guint      n_frames)
{
  Frames frames = { n_frames };

  if (n_frames == 0)
    return;
  gtk_widget_add_tick_callback (widget, on_tick, &frames, NULL);
  gtk_widget_queue_draw (widget);
  lots_gui_test_wait_for (frames_done, &frames, 30, "frames to be painted");
}

void
lots_gui_test_save_paintable (GdkPaintable *paintable,
                              GskRenderer  *renderer,
                              int           width,
                              int           height,
                              const char   *name)
{
  const char *dir = g_getenv ("LOTS_TEST_SCREENSHOT_DIR");
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    {
      g_test_message ("LOTS_TEST_SCREENSHOT_DIR is not set: no screenshot of %s", name);
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
lots_gui_test_save_screenshot (GtkWidget  *widget,
                               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  lots_gui_test_save_paintable (paintable, gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                gtk_widget_get_width (widget), gtk_widget_get_height (widget), name);
}

GtkWindow *
lots_gui_test_window_new (GtkWidget *child,
                          int        width,
                          int        height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/se/stockholm/Lots/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (window, width, height);
  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_present (window);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  return window;
}

typedef struct {
  gboolean done;
  int status;
} Child;

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer user_data)
{
  Child *child = user_data;

  child->status = status;
  child->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
child_done (gpointer user_data)
{
  return ((Child *) user_data)->done;
}

/* Runs xdotool with ARGS while the main loop runs (GTK must keep reading
 * the X connection), then lets GTK handle what arrived. */
static void
run_xdotool (const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, 0 };
  GPid pid;

  g_strv_builder_add (builder, "xdotool");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                      NULL, NULL, &pid, &error))
    g_error ("xdotool could not be started (Debian: xdotool): %s", error->message);
  g_child_watch_add (pid, on_child_exit, &child);
  lots_gui_test_wait_for (child_done, &child, 30, "xdotool");
  g_assert_true (g_spawn_check_wait_status (child.status, NULL));
  /* The events are in the X server's queue for GTK: a round trip and a
   * few iterations bring them in. */
  gdk_display_sync (gdk_display_get_default ());
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (20000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
lots_gui_test_press_key (guint           keyval,
                         GdkModifierType modifiers)
{
  g_autoptr(GString) combo = g_string_new (NULL);
  const char *name = gdk_keyval_name (keyval);
  const char *args[4];

  g_assert_nonnull (name);
  if (modifiers & GDK_CONTROL_MASK)
    g_string_append (combo, "ctrl+");
  if (modifiers & GDK_ALT_MASK)
    g_string_append (combo, "alt+");
  if (modifiers & GDK_SHIFT_MASK)
    g_string_append (combo, "shift+");
  g_string_append (combo, name);
  args[0] = "key";
  args[1] = "--clearmodifiers";
  args[2] = combo->str;
  args[3] = NULL;
  run_xdotool (args);
}

void
lots_gui_test_focus_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  const char *args[] = { "windowfocus", "--sync", NULL, NULL };

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  args[2] = xid;
  run_xdotool (args);
}

void
lots_gui_test_type_text (const char *text)
{
  const char *args[] = { "type", "--delay", "12", text, NULL };

  run_xdotool (args);
}

typedef struct {
  LotsGuiTestScript script;
  gpointer user_data;
  LotsApplication *app;
  LotsWindow *window;
  gboolean ran;
  guint idle;
} AppRun;

static gboolean
run_script_idle (gpointer user_data)
{
  AppRun *run = user_data;

  run->idle = 0;
  lots_gui_test_wait_frames (GTK_WIDGET (run->window), 3);
  run->script (run->app, run->window, run->user_data);
  run->ran = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
maybe_start_script (AppRun *run)
{
  if (run->window == NULL || run->ran || run->idle != 0 || lots_application_get_loading (run->app))
    return;
  run->idle = g_idle_add (run_script_idle, run);
}

static void
on_app_loading (LotsApplication *app,
                GParamSpec      *pspec,
                AppRun          *run)
{
  maybe_start_script (run);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 AppRun         *run)
{
  if (run->window != NULL || !LOTS_IS_WINDOW (window))
    return;
  run->window = g_object_ref (LOTS_WINDOW (window));
  maybe_start_script (run);
}

static gboolean
on_app_timeout (gpointer user_data)
{
  g_error ("the application did not finish its script within the time limit");
  return G_SOURCE_REMOVE;
}

void
lots_gui_test_run_app (const char         *data_dir,
                       const char * const *extra_args,
                       LotsGuiTestScript   script,
                       gpointer            user_data)
{
  AppRun run = { .script = script, .user_data = user_data };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  guint timeout_id;
  int status;

  g_strv_builder_add_many (builder, "lots", "--data-dir", data_dir, NULL);
  if (extra_args != NULL)
    g_strv_builder_addv (builder, (const char **) extra_args);
  argv = g_strv_builder_end (builder);

  run.app = lots_application_new ();
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_window_added), &run);
  g_signal_connect (run.app, "notify::loading", G_CALLBACK (on_app_loading), &run);
  timeout_id = g_timeout_add_seconds (240, on_app_timeout, NULL);
  status = g_application_run (G_APPLICATION (run.app), (int) g_strv_length (argv), argv);
  g_source_remove (timeout_id);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.ran);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (run.app)));

  /* Work still in threads (a search, a count of pending outcomes) holds
   * references until its answer has been delivered: wait for it, then
   * nothing may be left. */
  {
    GObject *window = G_OBJECT (run.window), *app = G_OBJECT (run.app);
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    g_object_add_weak_pointer (window, (gpointer *) &window);
    g_object_add_weak_pointer (app, (gpointer *) &app);
    g_object_unref (run.window);
    g_object_unref (run.app);
    while ((window != NULL || app != NULL) && g_get_monotonic_time () < deadline)
      {
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (10000);
      }
    g_assert_null (window);
    g_assert_null (app);
  }
}

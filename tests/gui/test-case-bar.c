/* test-case-bar.c — LotsCaseBar under Xvfb: the call timer runs from the
 * start time and advances on its own, the waiting outcomes are counted and
 * hidden at none, End case activates win.end-case, and stopping returns to
 * New case with no timeout left running.
 *
 * Run by run-under-xvfb (tests/gui/meson.build).
 */
#define G_LOG_DOMAIN "test-case-bar"

#include "config.h"

#include <string.h>

#include "lots-case-bar.h"
#include "lots-gui-test-util.h"

typedef struct {
  GtkLabel *label;
  char *before;
} LabelChange;

static gboolean
label_changed (gpointer user_data)
{
  LabelChange *change = user_data;

  return g_strcmp0 (gtk_label_get_label (change->label), change->before) != 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  GtkWidget *found = lots_gui_test_find_by_text (root, type, name);

  g_assert_nonnull (found);
  return found;
}

/* A visible, mapped widget: what a person sees. */
static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
on_action (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_case_bar_timer_and_pending (void)
{
  LotsCaseBar *bar = lots_case_bar_new ();
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) end_case = g_simple_action_new ("end-case", NULL);
  g_autoptr(GSimpleAction) new_case = g_simple_action_new ("new-case", NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) long_ago = NULL;
  GtkWindow *window;
  GtkWidget *root;
  GtkLabel *timer, *context, *pending_label;
  GtkWidget *end_button, *new_button, *pending;
  LabelChange change = { 0 };
  guint n_end = 0, n_new = 0;
  const char *text;

  g_object_ref_sink (bar);
  g_signal_connect (end_case, "activate", G_CALLBACK (on_action), &n_end);
  g_signal_connect (new_case, "activate", G_CALLBACK (on_action), &n_new);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (end_case));
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (new_case));

  /* The bar at the bottom of a window-sized box, as the window holds it. */
  root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (root), g_object_new (GTK_TYPE_LABEL, "vexpand", TRUE, NULL));
  gtk_box_append (GTK_BOX (root), GTK_WIDGET (bar));
  window = lots_gui_test_window_new (root, 720, 200);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (actions));

  timer = GTK_LABEL (find_named (GTK_WIDGET (bar), GTK_TYPE_LABEL, "case-timer"));
  context = GTK_LABEL (find_named (GTK_WIDGET (bar), GTK_TYPE_LABEL, "case-context"));
  pending_label = GTK_LABEL (find_named (GTK_WIDGET (bar), GTK_TYPE_LABEL, "case-pending-label"));
  pending = find_named (GTK_WIDGET (bar), GTK_TYPE_BOX, "case-pending");
  end_button = find_named (GTK_WIDGET (bar), GTK_TYPE_BUTTON, "end-case-button");
  new_button = find_named (GTK_WIDGET (bar), GTK_TYPE_BUTTON, "new-case-button");

  /* Idle: New case, nothing waiting, no timer. */
  lots_gui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (lots_case_bar_is_running (bar));
  g_assert_null (lots_case_bar_get_started (bar));
  g_assert_true (shown (new_button));
  g_assert_false (shown (end_button));
  g_assert_false (shown (GTK_WIDGET (timer)));
  g_assert_false (shown (pending));
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "case-bar-idle.png");

  /* Running since 65 s ago: 01:05 (01:06 if the second turned meanwhile). */
  now = g_date_time_new_now_utc ();
  started = g_date_time_add_seconds (now, -65.2);
  lots_case_bar_start (bar, started, "telefon", "Sociala frågor");
  g_assert_true (lots_case_bar_is_running (bar));
  g_assert_true (lots_case_bar_get_started (bar) == started);
  text = gtk_label_get_label (timer);
  g_assert_true (g_str_equal (text, "01:05") || g_str_equal (text, "01:06"));
  g_assert_nonnull (strstr (gtk_label_get_label (context), "Sociala frågor"));
  lots_gui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (shown (GTK_WIDGET (timer)));
  g_assert_true (shown (end_button));
  g_assert_false (shown (new_button));

  /* The timer advances by itself, within about a second. */
  change.label = timer;
  change.before = g_strdup (gtk_label_get_label (timer));
  lots_gui_test_wait_for (label_changed, &change, 3, "the call timer to advance");
  g_assert_cmpstr (gtk_label_get_label (timer), >, change.before);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (timer), "01:0"));
  g_free (change.before);

  /* Outcomes waiting for upload: counted, shown; hidden again at 0. */
  lots_case_bar_set_pending (bar, 3);
  g_assert_cmpuint (lots_case_bar_get_pending (bar), ==, 3);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (shown (pending));
  g_assert_nonnull (strstr (gtk_label_get_label (pending_label), "3"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (pending));
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "case-bar.png");

  /* End case, from the keyboard on the focused button, is win.end-case. */
  g_assert_true (gtk_widget_get_sensitive (end_button));
  gtk_widget_grab_focus (end_button);
  lots_gui_test_press_key (GDK_KEY_space, 0);
  g_assert_cmpuint (n_end, ==, 1);

  /* Past an hour: h:mm:ss. */
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_now_utc ();
  long_ago = g_date_time_add_seconds (now, -(2 * 3600 + 3 * 60 + 4.5));
  lots_case_bar_start (bar, long_ago, "e-post", NULL);
  g_assert_cmpstr (gtk_label_get_label (timer), ==, "2:03:04");
  g_assert_cmpstr (gtk_label_get_label (context), !=, "");
  g_assert_null (strstr (gtk_label_get_label (context), "·"));

  /* Stopped: New case again, the count stays, the timer stops. */
  lots_case_bar_stop (bar);
  g_assert_false (lots_case_bar_is_running (bar));
  g_object_set (bar, "pending", 0u, NULL);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (shown (new_button));
  g_assert_false (shown (end_button));
  g_assert_false (shown (pending));
  change.label = timer;
  change.before = g_strdup (gtk_label_get_label (timer));
  for (int i = 0; i < 12; i++)
    {
      g_usleep (100000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_false (label_changed (&change));
  g_free (change.before);

  gtk_widget_grab_focus (new_button);
  lots_gui_test_press_key (GDK_KEY_space, 0);
  g_assert_cmpuint (n_new, ==, 1);

  gtk_window_destroy (window);
  g_assert_finalize_object (bar);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  g_test_add_func ("/case-bar/timer-and-pending", test_case_bar_timer_and_pending);

  return g_test_run ();
}

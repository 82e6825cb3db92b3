/* test-guide-panel.c — LotsGuidePanel running the real built-in guides of
 * scripts/, driven with real key presses under Xvfb.
 *
 * Each test loads the built-in source (LOTS_BUILTIN_DIR is the checkout)
 * into a LotsGuideLibrary, fixes the guides' clock so that opening hours
 * are known, shows the panel in a window beside an entry that stands for
 * the rest of the window (the search), and presses keys through the X
 * server: 1–9 and Alt+1…9 for choices, typed answers and Enter, Alt+Left,
 * Ctrl+Shift+R. After each key it checks the session's path and what the
 * panel shows, and saves screenshots of the chooser, a step, an acute case
 * and a finished guide. A guide that fails at run time must leave the
 * panel usable, with the error shown.
 */
#define G_LOG_DOMAIN "test-guide-panel"

#include "config.h"

#include <string.h>

#include "lots-builtin.h"
#include "lots-calendar.h"
#include "lots-diagnostic.h"
#include "lots-guide-library.h"
#include "lots-guide-panel.h"
#include "lots-gui-test-util.h"

typedef struct {
  LotsGuideLibrary *library;
  GPtrArray *areas;
  GtkWindow *window;
  GtkWidget *outside;         /* an entry outside the panel: "the search" */
  LotsGuidePanel *panel;      /* the test's own reference */
  guint n_step_changed;
  guint n_finished;
  char *opened_article;
} Fixture;

static void
on_step_changed (LotsGuidePanel *panel,
                 Fixture        *fixture)
{
  fixture->n_step_changed++;
}

static void
on_finished (LotsGuidePanel *panel,
             Fixture        *fixture)
{
  fixture->n_finished++;
}

static void
on_open_article (LotsGuidePanel *panel,
                 const char     *id,
                 Fixture        *fixture)
{
  g_free (fixture->opened_article);
  fixture->opened_article = g_strdup (id);
}

/* The guides' clock: a date in Stockholm time. */
static void
set_now (Fixture *fixture,
         int      month,
         int      day,
         int      hour,
         int      minute)
{
  g_autoptr(GTimeZone) zone = lots_calendar_time_zone ();
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, month, day, hour, minute, 0);

  lots_guide_host_set_now (lots_guide_library_get_host (fixture->library), now);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  LotsSource *source = lots_builtin_load (diagnostics, &error);
  GtkWidget *box;

  g_assert_no_error (error);
  g_assert_nonnull (source);
  fixture->library = lots_guide_library_new (source, diagnostics);
  g_assert_cmpuint (lots_diagnostics_n_errors (diagnostics), ==, 0);
  fixture->areas = lots_builtin_areas (&error);
  g_assert_no_error (error);
  set_now (fixture, 11, 24, 10, 0);

  fixture->panel = g_object_ref_sink (lots_guide_panel_new ());
  g_signal_connect (fixture->panel, "step-changed", G_CALLBACK (on_step_changed), fixture);
  g_signal_connect (fixture->panel, "finished", G_CALLBACK (on_finished), fixture);
  g_signal_connect (fixture->panel, "open-article", G_CALLBACK (on_open_article), fixture);
  lots_guide_panel_set_areas (fixture->panel, fixture->areas);
  lots_guide_panel_set_guides (fixture->panel, lots_guide_library_get_guides (fixture->library));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  fixture->outside = gtk_entry_new ();
  gtk_widget_set_name (fixture->outside, "outside");
  gtk_widget_set_margin_start (fixture->outside, 12);
  gtk_widget_set_margin_end (fixture->outside, 12);
  gtk_widget_set_margin_top (fixture->outside, 12);
  gtk_box_append (GTK_BOX (box), fixture->outside);
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->panel), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->panel));
  fixture->window = lots_gui_test_window_new (box, 560, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->panel);
  lots_guide_library_free (fixture->library);
  g_ptr_array_unref (fixture->areas);
  g_free (fixture->opened_article);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = lots_gui_test_find_by_text (GTK_WIDGET (fixture->panel), GTK_TYPE_WIDGET, name);

  g_assert_nonnull (widget);
  return widget;
}

/* Visible, on the screen: the widget and all its ancestors. */
static gboolean
shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_visible (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
has_focus (Fixture   *fixture,
           GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (fixture->window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The session's path is exactly the NULL-terminated list of step ids. */
static void
assert_path (Fixture *fixture,
             ...)
{
  LotsGuideSession *session = lots_guide_panel_get_session (fixture->panel);
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) actual = g_string_new (NULL);
  const char *id;
  va_list args;

  g_assert_nonnull (session);
  path = lots_guide_session_dup_path (session);
  va_start (args, fixture);
  while ((id = va_arg (args, const char *)) != NULL)
    g_string_append_printf (expected, "%s/", id);
  va_end (args);
  for (guint i = 0; i < path->len; i++)
    g_string_append_printf (actual, "%s/", (char *) g_ptr_array_index (path, i));
  g_assert_cmpstr (actual->str, ==, expected->str);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (find (fixture, name)));
}

static guint
n_choices (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (find (fixture, "guide-choices"));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
settle (Fixture *fixture)
{
  lots_gui_test_wait_frames (GTK_WIDGET (fixture->window), 3);
}

static LotsGuide *
find_guide (Fixture    *fixture,
            const char *id)
{
  LotsGuide *guide = lots_guide_library_find (fixture->library, id);

  g_assert_nonnull (guide);
  return guide;
}

/* ---- the chooser ------------------------------------------------------------ */

static void
test_chooser (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkWidget *list = find (fixture, "guide-list");
  GtkWidget *filter = find (fixture, "guide-filter");
  GtkWidget *first;
  guint n_rows = 0;
  guint n_shown = 0;

  lots_guide_panel_set_suggested (fixture->panel, "social/akut");
  settle (fixture);
  g_assert_null (lots_guide_panel_get_session (fixture->panel));
  g_assert_true (shown (list));

  /* Every guide is listed, the suggested one first and marked. */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, lots_guide_library_get_guides (fixture->library)->len);
  first = gtk_widget_get_first_child (list);
  g_assert_cmpstr (gtk_widget_get_name (first), ==, "social/akut");
  g_assert_true (shown (lots_gui_test_find_by_text (first, GTK_TYPE_LABEL, "guide-suggested")));
  g_assert_null (lots_gui_test_find_by_text (gtk_widget_get_next_sibling (first), GTK_TYPE_LABEL,
                                             "guide-suggested"));

  /* Another suggestion (the search makes one at every keystroke) moves the
   * tag and the order; the rows themselves stay, they are not built again. */
  {
    GtkWidget *akut_row = first;
    GtkWidget *second_choice = NULL;
    guint n_tags = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (row != akut_row && second_choice == NULL)
        second_choice = row;
    lots_guide_panel_set_suggested (fixture->panel, gtk_widget_get_name (second_choice));
    settle (fixture);
    g_assert_true (gtk_widget_get_first_child (list) == second_choice);
    g_assert_true (gtk_widget_get_parent (akut_row) == list);
    g_assert_null (lots_gui_test_find_by_text (akut_row, GTK_TYPE_LABEL, "guide-suggested"));
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      n_tags += lots_gui_test_find_by_text (row, GTK_TYPE_LABEL, "guide-suggested") != NULL;
    g_assert_cmpuint (n_tags, ==, 1);

    /* No suggestion: the library's order, no tag. */
    lots_guide_panel_set_suggested (fixture->panel, NULL);
    settle (fixture);
    g_assert_null (lots_gui_test_find_by_text (list, GTK_TYPE_LABEL, "guide-suggested"));
    {
      GPtrArray *guides = lots_guide_library_get_guides (fixture->library);
      GtkWidget *row = gtk_widget_get_first_child (list);

      for (guint i = 0; i < guides->len && row != NULL; i++)
        {
          LotsGuide *guide = g_ptr_array_index (guides, i);

          if (lots_guide_is_module (guide))
            continue;
          g_assert_cmpstr (gtk_widget_get_name (row), ==, lots_guide_get_id (guide));
          row = gtk_widget_get_next_sibling (row);
        }
    }
    lots_guide_panel_set_suggested (fixture->panel, "social/akut");
    settle (fixture);
    g_assert_true (gtk_widget_get_first_child (list) == akut_row);
  }

  gtk_widget_grab_focus (filter);
  settle (fixture);
  lots_gui_test_save_screenshot (GTK_WIDGET (fixture->window), "guide-chooser.png");

  /* Typing filters, without the accents ("tillhorighet" finds
   * "tillhörighet" among the keywords). */
  lots_gui_test_type_text ("tillhorighet");
  settle (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (filter)), ==, "tillhorighet");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row))
      {
        n_shown++;
        g_assert_cmpstr (gtk_widget_get_name (row), ==, "allmant/tillhorighet");
      }
  g_assert_cmpuint (n_shown, ==, 1);

  /* Nothing matches: the chooser says so. */
  lots_gui_test_type_text ("xyz");
  settle (fixture);
  g_assert_true (shown (find (fixture, "guide-no-match")));
  for (guint i = 0; i < 3; i++)
    lots_gui_test_press_key (GDK_KEY_BackSpace, 0);
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-no-match")));

  /* Enter starts the top match; the focus goes to its first choice. */
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  settle (fixture);
  g_assert_nonnull (lots_guide_panel_get_session (fixture->panel));
  g_assert_cmpstr (lots_guide_get_id (lots_guide_session_get_guide (lots_guide_panel_get_session (fixture->panel))),
                   ==, "allmant/tillhorighet");
  g_assert_cmpstr (label_text (fixture, "guide-title"), ==, "Vilken stadsdelsförvaltning?");
  assert_path (fixture, "adress", NULL);
  g_assert_true (has_focus (fixture, find (fixture, "guide-choice-1")));
  g_assert_null (lots_guide_panel_get_commit (fixture->panel));

  /* Closing the guide goes back to the chooser, with the filter cleared. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "guide.stop", NULL));
  settle (fixture);
  g_assert_null (lots_guide_panel_get_session (fixture->panel));
  g_assert_true (shown (list));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (filter)), ==, "");
  g_assert_true (has_focus (fixture, filter));
}

/* ---- a guide to its end: choices, an input, back, restart ------------------ */

static void
test_path_to_end (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  GtkWidget *entry;
  const LotsGuideOutcome *outcome;
  gboolean handled = FALSE;

  g_assert_true (lots_guide_panel_start (fixture->panel, find_guide (fixture, "allmant/tillhorighet"), "abc123",
                                         &error));
  g_assert_no_error (error);
  settle (fixture);
  g_assert_cmpstr (lots_guide_panel_get_commit (fixture->panel), ==, "abc123");
  assert_path (fixture, "adress", NULL);
  g_assert_cmpuint (n_choices (fixture), ==, 2);
  g_assert_true (has_focus (fixture, find (fixture, "guide-choice-1")));
  g_assert_true (g_str_has_prefix (label_text (fixture, "guide-text"), "Fråga efter hela adressen"));
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-acute")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-finished")));
  g_assert_false (shown (find (fixture, "guide-input")));

  /* 1: the caller can give the address → the postcode is asked. */
  lots_gui_test_press_key (GDK_KEY_1, 0);
  assert_path (fixture, "adress", "postnummer", NULL);
  g_assert_cmpuint (fixture->n_step_changed, ==, 1);
  entry = find (fixture, "guide-input");
  g_assert_true (shown (entry));
  g_assert_true (has_focus (fixture, entry));
  g_assert_cmpuint (n_choices (fixture), ==, 0);

  /* A postcode that is too short is refused under the entry, and the
   * guide stays where it is. */
  lots_gui_test_type_text ("171 6");
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  settle (fixture);
  assert_path (fixture, "adress", "postnummer", NULL);
  g_assert_cmpuint (fixture->n_step_changed, ==, 1);
  g_assert_null (lots_guide_input_normalize (LOTS_GUIDE_INPUT_POSTCODE, "171 6", &refused));
  g_assert_true (shown (find (fixture, "guide-input-error")));
  g_assert_cmpstr (label_text (fixture, "guide-input-error"), ==, refused->message);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-error")));
  g_assert_true (has_focus (fixture, entry));

  /* The refused text is selected: typing replaces it. Enter goes on. */
  lots_gui_test_type_text ("11426");
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-input-error")));
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  settle (fixture);
  assert_path (fixture, "adress", "postnummer", "bekrafta", NULL);
  g_assert_nonnull (strstr (label_text (fixture, "guide-text"), "Östermalm"));
  g_assert_cmpuint (n_choices (fixture), ==, 2);
  g_assert_true (has_focus (fixture, find (fixture, "guide-choice-1")));
  /* The path so far: three crumbs, the first two are links. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find (fixture, "guide-breadcrumb"))), "step:1"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (find (fixture, "guide-breadcrumb"))), "step:2"));
  lots_gui_test_save_screenshot (GTK_WIDGET (fixture->window), "guide-step.png");

  /* Alt+Left: back to the postcode, which can be given again. */
  lots_gui_test_press_key (GDK_KEY_Left, GDK_ALT_MASK);
  assert_path (fixture, "adress", "postnummer", NULL);
  g_assert_true (has_focus (fixture, find (fixture, "guide-input")));
  lots_gui_test_type_text ("122 44");
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  assert_path (fixture, "adress", "postnummer", "bekrafta", NULL);
  g_assert_nonnull (strstr (label_text (fixture, "guide-text"), "Farsta"));

  /* With the focus outside the panel, 1 is text, not a choice … */
  gtk_widget_grab_focus (fixture->outside);
  lots_gui_test_press_key (GDK_KEY_1, 0);
  assert_path (fixture, "adress", "postnummer", "bekrafta", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->outside)), ==, "1");

  /* … but Alt+1 chooses from anywhere in the window: the guide ends. */
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  lots_gui_test_press_key (GDK_KEY_1, GDK_ALT_MASK);
  settle (fixture);
  assert_path (fixture, "adress", "postnummer", "bekrafta", "svar", NULL);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_true (lots_guide_session_is_finished (lots_guide_panel_get_session (fixture->panel)));
  g_assert_true (shown (find (fixture, "guide-finished")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-choices")));
  outcome = lots_guide_session_get_outcome (lots_guide_panel_get_session (fixture->panel));
  g_assert_cmpint (outcome->resolved, ==, 1);
  g_assert_cmpstr (outcome->category, ==, "tillhörighet");
  g_assert_nonnull (strstr (label_text (fixture, "guide-outcome"), "tillhörighet"));
  g_assert_nonnull (strstr (label_text (fixture, "guide-text"), "08-465 004 80"));
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-unit")));
  lots_gui_test_save_screenshot (GTK_WIDGET (fixture->window), "guide-finished.png");

  /* The step's article has the focus at the end; Enter opens it. */
  g_assert_true (shown (find (fixture, "guide-article")));
  g_assert_true (has_focus (fixture, find (fixture, "guide-article")));
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  g_assert_cmpstr (fixture->opened_article, ==, "allmant/hitta-stadsdelsforvaltning");

  /* Ctrl+Shift+R: from the start again. */
  lots_gui_test_press_key (GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  settle (fixture);
  assert_path (fixture, "adress", NULL);
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-finished")));
  g_assert_true (has_focus (fixture, find (fixture, "guide-choice-1")));

  /* A crumb of the path goes back to its step. */
  lots_gui_test_press_key (GDK_KEY_1, 0);
  lots_gui_test_type_text ("11426");
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  assert_path (fixture, "adress", "postnummer", "bekrafta", NULL);
  g_signal_emit_by_name (find (fixture, "guide-breadcrumb"), "activate-link", "step:0", &handled);
  g_assert_true (handled);
  assert_path (fixture, "adress", NULL);
  g_assert_true (has_focus (fixture, find (fixture, "guide-choice-1")));
}

/* ---- an acute case, with the unit to refer to ---------------------------------- */

static void
test_acute (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *banner;
  const LotsGuideOutcome *outcome;

  g_assert_true (lots_guide_panel_start (fixture->panel, find_guide (fixture, "social/akut"), NULL, &error));
  settle (fixture);
  assert_path (fixture, "vad_har_hant", NULL);
  /* The first step already knows the case is acute. */
  banner = find (fixture, "guide-acute");
  g_assert_true (shown (banner));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (banner)), ==, GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_cmpstr (label_text (fixture, "guide-acute-reason"), ==, "Akut socialt ärende");
  g_assert_cmpuint (n_choices (fixture), ==, 5);

  /* 1: concern for a child → the postcode; Norrmalm on a Tuesday morning
   * goes to the district's reception, which is open. */
  lots_gui_test_press_key (GDK_KEY_1, 0);
  assert_path (fixture, "vad_har_hant", "postnummer", NULL);
  g_assert_true (shown (banner));
  lots_gui_test_type_text ("111 22");
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  settle (fixture);
  assert_path (fixture, "vad_har_hant", "postnummer", "hanvisa", NULL);
  g_assert_true (shown (banner));
  g_assert_nonnull (strstr (label_text (fixture, "guide-acute-refer"), "08-465 004 88"));
  g_assert_nonnull (strstr (label_text (fixture, "guide-acute-refer"),
                            "Socialtjänst mottagning barn och unga, Norrmalm"));
  g_assert_true (shown (find (fixture, "guide-unit")));
  g_assert_cmpstr (label_text (fixture, "guide-unit-name"), ==, "Socialtjänst mottagning barn och unga, Norrmalm");
  g_assert_cmpstr (label_text (fixture, "guide-unit-phone"), ==, "08-465 004 88");
  g_assert_true (gtk_widget_has_css_class (find (fixture, "guide-unit-open"), "success"));
  g_assert_true (shown (find (fixture, "guide-finished")));
  outcome = lots_guide_session_get_outcome (lots_guide_panel_get_session (fixture->panel));
  g_assert_true (outcome->acute);
  g_assert_cmpstr (outcome->referred_to, ==, "socialtjanst-barn-unga-norrmalm");
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  lots_gui_test_save_screenshot (GTK_WIDGET (fixture->window), "guide-acute.png");
}

/* A unit that is closed: when it opens next, from the same clock. */
static void
test_unit_closed (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  set_now (fixture, 11, 24, 14, 0);
  g_assert_true (lots_guide_panel_start (fixture->panel, find_guide (fixture, "aldre/hemtjanst"), NULL, &error));
  settle (fixture);
  lots_gui_test_press_key (GDK_KEY_1, 0);
  lots_gui_test_press_key (GDK_KEY_1, 0);
  lots_gui_test_type_text ("111 22");
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  settle (fixture);
  assert_path (fixture, "vad_galler", "klarar_sig", "postnummer", "ansoka", NULL);
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-acute")));
  g_assert_true (shown (find (fixture, "guide-unit")));
  g_assert_true (gtk_widget_has_css_class (find (fixture, "guide-unit-open"), "error"));
  g_assert_nonnull (strstr (label_text (fixture, "guide-unit-open"), "i morgon kl. 08.00"));
  lots_gui_test_save_screenshot (GTK_WIDGET (fixture->window), "guide-unit-closed.png");
}

/* ---- a step that only says something: Next, by Enter ----------------------------- */

static guint
choice_number (Fixture    *fixture,
               const char *step_id,
               const char *label)
{
  const LotsGuideStep *step = lots_guide_find_step (find_guide (fixture, "allmant/triage"), step_id);

  g_assert_nonnull (step);
  for (guint i = 0; i < step->choices->len; i++)
    if (g_strcmp0 (((LotsGuideChoice *) g_ptr_array_index (step->choices, i))->label, label) == 0)
      return i + 1;
  g_assert_not_reached ();
}

static void
test_next (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  guint tolk = choice_number (fixture, "annat", "Behöver tolk");

  g_assert_true (lots_guide_panel_start (fixture->panel, find_guide (fixture, "allmant/triage"), NULL, &error));
  settle (fixture);
  g_assert_cmpuint (n_choices (fixture), ==, 9);
  lots_gui_test_press_key (GDK_KEY_9, 0);
  assert_path (fixture, "fraga", "annat", NULL);
  lots_gui_test_press_key (GDK_KEY_0 + tolk, 0);
  assert_path (fixture, "fraga", "annat", "tolk", NULL);
  g_assert_true (shown (find (fixture, "guide-next")));
  g_assert_true (has_focus (fixture, find (fixture, "guide-next")));
  g_assert_cmpuint (n_choices (fixture), ==, 0);
  /* A key with no choice of its number does nothing. */
  lots_gui_test_press_key (GDK_KEY_3, 0);
  assert_path (fixture, "fraga", "annat", "tolk", NULL);
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  assert_path (fixture, "fraga", "annat", "tolk", "fraga", NULL);
  g_assert_true (has_focus (fixture, find (fixture, "guide-choice-1")));
  g_assert_cmpuint (fixture->n_step_changed, ==, 3);
}

/* ---- a guide that fails at run time --------------------------------------------- */

static const char broken_guide[] =
  "guide { id = \"allmant/trasig\", title = \"Trasig\", area = \"allmant\", start = \"a\" }\n"
  "step \"a\" { say = \"Första steget.\", choices = { { \"Vidare\", go = \"b\" }, { \"Klart\", finish = true } } }\n"
  "step \"b\" {\n"
  "  compute = function (s) error (\"tabellen saknas\") end,\n"
  "  say = \"Andra steget.\",\n"
  "  finish = true,\n"
  "}\n";

static void
test_guide_error (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GBytes) text = g_bytes_new_static (broken_guide, strlen (broken_guide));
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsGuide) guide = lots_guide_load ("trasig.lua", text, lots_guide_library_get_host (fixture->library),
                                                diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (guide);
  g_assert_true (lots_guide_panel_start (fixture->panel, guide, NULL, &error));
  settle (fixture);
  assert_path (fixture, "a", NULL);

  /* The step that fails is not entered: the error is shown, the handler
   * stays on the first step and can go on with the keyboard. */
  lots_gui_test_press_key (GDK_KEY_1, 0);
  settle (fixture);
  assert_path (fixture, "a", NULL);
  g_assert_cmpuint (fixture->n_step_changed, ==, 0);
  g_assert_true (shown (find (fixture, "guide-error")));
  g_assert_nonnull (strstr (label_text (fixture, "guide-error-message"), "tabellen saknas"));
  g_assert_nonnull (strstr (label_text (fixture, "guide-error-message"), "trasig.lua"));
  g_assert_true (has_focus (fixture, find (fixture, "guide-choice-1")));
  lots_gui_test_save_screenshot (GTK_WIDGET (fixture->window), "guide-error.png");

  /* The other choice still works, and clears the error. */
  lots_gui_test_press_key (GDK_KEY_2, 0);
  settle (fixture);
  g_assert_true (lots_guide_session_is_finished (lots_guide_panel_get_session (fixture->panel)));
  g_assert_false (gtk_widget_get_visible (find (fixture, "guide-error")));

  /* The panel lets go of the guide before the test frees it. */
  lots_guide_panel_stop (fixture->panel);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  g_test_add ("/guide-panel/chooser", Fixture, NULL, fixture_set_up, test_chooser, fixture_tear_down);
  g_test_add ("/guide-panel/path-to-end", Fixture, NULL, fixture_set_up, test_path_to_end, fixture_tear_down);
  g_test_add ("/guide-panel/acute", Fixture, NULL, fixture_set_up, test_acute, fixture_tear_down);
  g_test_add ("/guide-panel/unit-closed", Fixture, NULL, fixture_set_up, test_unit_closed, fixture_tear_down);
  g_test_add ("/guide-panel/next", Fixture, NULL, fixture_set_up, test_next, fixture_tear_down);
  g_test_add ("/guide-panel/guide-error", Fixture, NULL, fixture_set_up, test_guide_error, fixture_tear_down);

  return g_test_run ();
}

/* test-outcome-dialog.c — LotsOutcomeDialog under Xvfb, with the real
 * built-in references, a real guide (social/akut) run to its end for the
 * draft, and a real case log file in a sandbox.
 *
 * The sheet shows what the guide proposed; fields changed with real key
 * presses are what lands in the case log after one Ctrl+Enter, the note
 * scrubbed of an identity number; a cleared area is refused at its field
 * and writes nothing; Escape writes nothing; a case log that cannot be
 * written leaves the sheet open with everything in it.
 *
 * Run by run-under-xvfb (tests/gui/meson.build).
 */
#define G_LOG_DOMAIN "test-outcome-dialog"

#include "config.h"

#include <string.h>

#include "lots-builtin.h"
#include "lots-caselog.h"
#include "lots-diagnostic.h"
#include "lots-guide-library.h"
#include "lots-gui-test-util.h"
#include "lots-outcome-dialog.h"
#include "lots-scrub.h"
#include "lots-test-util.h"

typedef struct {
  char *sandbox;
  char *caselog;                 /* the case log file the sheet writes */
  LotsCaseReferences *references;
  LotsCase *draft;
  GtkWindow *parent;
  LotsOutcomeDialog *dialog;     /* the test's own reference */
  char *saved_id;
} Fixture;

/* The draft "End case" would build after social/akut: a concern about a
 * child, postcode 111 22 — acute, referred to the district's social
 * services or, when closed, Socialjouren (the guide reads the clock). */
static LotsCase *
draft_from_guide (void)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  LotsSource *source = lots_builtin_load (diagnostics, &error);
  g_autoptr(LotsGuideLibrary) library = NULL;
  g_autoptr(LotsGuideSession) session = NULL;
  g_autoptr(GPtrArray) path = NULL;
  LotsGuide *guide;
  LotsCase *draft;

  g_assert_no_error (error);
  library = lots_guide_library_new (source, diagnostics);
  guide = lots_guide_library_find (library, "social/akut");
  g_assert_nonnull (guide);
  session = lots_guide_session_new (guide, &error);
  g_assert_no_error (error);
  g_assert_true (lots_guide_session_choose_label (session, "Oro för ett barn", &error));
  g_assert_no_error (error);
  g_assert_true (lots_guide_session_answer (session, "111 22", &error));
  g_assert_no_error (error);
  while (lots_guide_session_can_proceed (session))
    {
      g_assert_true (lots_guide_session_proceed (session, &error));
      g_assert_no_error (error);
    }
  g_assert_true (lots_guide_session_is_finished (session));

  draft = lots_case_new ();
  draft->channel = g_strdup ("telefon");
  draft->started_at = g_get_real_time () / G_USEC_PER_SEC - 5 * 60;
  draft->handler = g_strdup ("handlaggare-7");
  draft->workstation = g_strdup ("ws-test");
  path = lots_guide_session_dup_path (session);
  lots_case_apply_guide_outcome (draft, "social/akut", lots_guide_session_get_outcome (session), path);
  return draft;
}

static void
on_saved (LotsOutcomeDialog *dialog,
          const char        *id,
          Fixture           *f)
{
  g_assert_null (f->saved_id);
  f->saved_id = g_strdup (id);
}

/* gtk_window_destroy() takes the window out of the toplevels; "destroy"
 * itself waits for the test's own reference to go. */
static gboolean
is_closed (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (window == G_OBJECT (f->dialog))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_destroyed (gpointer user_data)
{
  return is_closed (user_data);
}

static gboolean
is_not_saving (gpointer user_data)
{
  return !lots_outcome_dialog_get_saving (((Fixture *) user_data)->dialog);
}

/* Key presses go to the window X has focused: the sheet, once it is. */
static gboolean
is_active (gpointer user_data)
{
  return gtk_window_is_active (GTK_WINDOW (((Fixture *) user_data)->dialog));
}

static void
fixture_open (Fixture    *f,
              const char *caselog)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = lots_test_sandbox_new ();
  f->caselog = caselog ? g_build_filename (f->sandbox, caselog, NULL)
                       : g_build_filename (f->sandbox, "data", LOTS_CASELOG_FILE, NULL);
  f->references = lots_case_references_load_builtin (&error);
  g_assert_no_error (error);
  f->draft = draft_from_guide ();
  f->parent = lots_gui_test_window_new (gtk_label_new (""), 900, 820);

  f->dialog = g_object_ref (lots_outcome_dialog_new (f->parent, f->draft, f->references, f->caselog));
  g_signal_connect (f->dialog, "saved", G_CALLBACK (on_saved), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
  lots_gui_test_wait_frames (GTK_WIDGET (f->dialog), 3);
  lots_gui_test_wait_for (is_active, f, 10, "the sheet to have the keyboard focus");
}

static void
fixture_close (Fixture *f)
{
  if (!is_closed (f))
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_assert_finalize_object (f->dialog);
  gtk_window_destroy (f->parent);
  g_clear_pointer (&f->draft, lots_case_free);
  g_clear_pointer (&f->references, lots_case_references_free);
  g_clear_pointer (&f->saved_id, g_free);
  g_clear_pointer (&f->caselog, g_free);
  g_clear_pointer (&f->sandbox, lots_test_sandbox_free);
}

static GtkWidget *
find_named (Fixture    *f,
            GType       type,
            const char *name)
{
  GtkWidget *found = lots_gui_test_find_by_text (GTK_WIDGET (f->dialog), type, name);

  g_assert_nonnull (found);
  return found;
}

/* The text the combo row shows for its selected item. */
static const char *
combo_text (GtkWidget *row)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static const char *
title_of (GPtrArray  *references,
          const char *id)
{
  for (guint i = 0; i < references->len; i++)
    {
      const LotsCaseReference *reference = g_ptr_array_index (references, i);
      if (g_str_equal (reference->id, id))
        return reference->title;
    }
  g_assert_not_reached ();
}

static gboolean
switch_is_on (gpointer user_data)
{
  return gtk_switch_get_active (GTK_SWITCH (user_data));
}

static gint64
count_cases (const char *filename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaselog) log = NULL;
  gint64 n;

  if (!g_file_test (filename, G_FILE_TEST_EXISTS))
    return 0;
  log = lots_caselog_open (filename, &error);
  g_assert_no_error (error);
  n = lots_caselog_count (log, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_outcome_dialog_prefilled_edited_saved (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(LotsCase) edited = NULL;
  g_autoptr(LotsCase) logged = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GtkWidget *area, *category, *resolved, *referred, *acute, *complaint, *channel, *note;
  g_autofree char *draft_path = NULL;
  g_autofree char *logged_path = NULL;

  fixture_open (&f, NULL);
  areas = lots_case_references_list_areas (f.references);
  units = lots_case_references_list_units (f.references);

  /* What the guide proposed is what the sheet shows. */
  g_assert_cmpstr (f.draft->area, ==, "social");
  g_assert_cmpstr (f.draft->category, ==, "orosanmälan");
  g_assert_true (f.draft->acute);
  g_assert_false (f.draft->resolved);
  g_assert_nonnull (f.draft->referred_to);

  channel = find_named (&f, ADW_TYPE_COMBO_ROW, "outcome-channel");
  area = find_named (&f, ADW_TYPE_COMBO_ROW, "outcome-area");
  category = find_named (&f, ADW_TYPE_ENTRY_ROW, "outcome-category");
  resolved = find_named (&f, GTK_TYPE_SWITCH, "outcome-resolved");
  referred = find_named (&f, ADW_TYPE_COMBO_ROW, "outcome-referred-to");
  acute = find_named (&f, GTK_TYPE_SWITCH, "outcome-acute");
  complaint = find_named (&f, ADW_TYPE_COMBO_ROW, "outcome-complaint-to");
  note = find_named (&f, GTK_TYPE_TEXT_VIEW, "outcome-note");

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (channel)), ==, 0);
  g_assert_cmpstr (combo_text (area), ==, title_of (areas, "social"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category)), ==, "orosanmälan");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (resolved)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (acute)));
  g_assert_cmpstr (combo_text (referred), ==, title_of (units, f.draft->referred_to));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (complaint)), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_named (&f, ADW_TYPE_ACTION_ROW, "outcome-guide"))),
                   ==, "social/akut");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_named (&f, ADW_TYPE_ACTION_ROW,
                                                                                      "outcome-path"))),
                            "vad_har_hant"));

  /* The guide's words are stored as a category id. */
  edited = lots_outcome_dialog_dup_case (f.dialog);
  g_assert_cmpstr (edited->category, ==, "orosanmalan");
  g_clear_pointer (&edited, lots_case_free);

  /* Edits with real keys: resolved after all, another category, a note
   * with a personal identity number in it. */
  gtk_widget_grab_focus (resolved);
  lots_gui_test_press_key (GDK_KEY_space, 0);
  /* The switch turns at the end of its animation. */
  lots_gui_test_wait_for (switch_is_on, resolved, 5, "the resolved switch to turn on");

  gtk_widget_grab_focus (category);
  lots_gui_test_press_key (GDK_KEY_a, GDK_CONTROL_MASK);
  lots_gui_test_type_text ("Oro barn, Uppfoljning 2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category)), ==, "Oro barn, Uppfoljning 2");

  gtk_widget_grab_focus (note);
  lots_gui_test_type_text ("Ringde om 811228-9874, ring tillbaka");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_named (&f, GTK_TYPE_LABEL, "outcome-note-counter"))),
                            "36"));
  lots_gui_test_wait_frames (GTK_WIDGET (f.dialog), 2);
  lots_gui_test_save_screenshot (GTK_WIDGET (f.dialog), "outcome-dialog.png");
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (lots_gui_test_find_descendant (GTK_WIDGET (f.dialog),
                                                                                       GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    lots_gui_test_wait_frames (GTK_WIDGET (f.dialog), 2);
    lots_gui_test_save_screenshot (GTK_WIDGET (f.dialog), "outcome-dialog-bottom.png");
  }

  /* One keystroke, from inside the note. */
  lots_gui_test_press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
  lots_gui_test_wait_for (is_destroyed, &f, 20, "the sheet to save and close");
  g_assert_nonnull (f.saved_id);

  log = lots_caselog_open (f.caselog, &error);
  g_assert_no_error (error);
  all = lots_caselog_list (log, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  logged = lots_caselog_get (log, f.saved_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (logged);
  g_assert_cmpstr (logged->channel, ==, "telefon");
  g_assert_cmpstr (logged->area, ==, "social");
  g_assert_cmpstr (logged->category, ==, "oro-barn-uppfoljning-2");
  g_assert_true (logged->resolved);
  g_assert_true (logged->acute);
  g_assert_cmpstr (logged->referred_to, ==, f.draft->referred_to);
  g_assert_null (logged->complaint_to);
  g_assert_cmpstr (logged->guide, ==, "social/akut");
  draft_path = lots_case_dup_path_string (f.draft);
  logged_path = lots_case_dup_path_string (logged);
  g_assert_cmpstr (logged_path, ==, draft_path);
  g_assert_cmpstr (logged->handler, ==, "handlaggare-7");
  g_assert_cmpint (logged->started_at, ==, f.draft->started_at);
  g_assert_cmpint (logged->ended_at, >, logged->started_at);
  g_assert_cmpstr (logged->note, ==, "Ringde om " LOTS_SCRUB_MASK_PERSONNUMMER ", ring tillbaka");

  fixture_close (&f);
}

static void
test_outcome_dialog_invalid_then_escape (void)
{
  Fixture f = { 0 };
  GtkWidget *area, *error_label;

  fixture_open (&f, NULL);
  area = find_named (&f, ADW_TYPE_COMBO_ROW, "outcome-area");
  error_label = find_named (&f, GTK_TYPE_LABEL, "outcome-contact-error");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* The area cleared ("Not chosen", the first item). Through the row's
   * API: under Xvfb without a window manager, key presses do not reach
   * the combo row's popup list. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (area), 0);
  lots_gui_test_wait_frames (GTK_WIDGET (f.dialog), 2);

  /* Save is refused at the field: nothing written, the sheet stays. */
  lots_gui_test_press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
  lots_gui_test_wait_frames (GTK_WIDGET (f.dialog), 3);
  g_assert_false (lots_outcome_dialog_get_saving (f.dialog));
  g_assert_false (is_closed (&f));
  g_assert_null (f.saved_id);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (area, "error"));
  g_assert_cmpint (count_cases (f.caselog), ==, 0);
  lots_gui_test_save_screenshot (GTK_WIDGET (f.dialog), "outcome-dialog-error.png");

  /* Escape closes without writing. */
  lots_gui_test_press_key (GDK_KEY_Escape, 0);
  lots_gui_test_wait_for (is_destroyed, &f, 10, "Escape to close the sheet");
  g_assert_null (f.saved_id);
  g_assert_cmpint (count_cases (f.caselog), ==, 0);

  fixture_close (&f);
}

static void
test_outcome_dialog_escape_writes_nothing (void)
{
  Fixture f = { 0 };

  fixture_open (&f, NULL);
  gtk_widget_grab_focus (find_named (&f, GTK_TYPE_TEXT_VIEW, "outcome-note"));
  lots_gui_test_type_text ("inget");
  lots_gui_test_press_key (GDK_KEY_Escape, 0);
  lots_gui_test_wait_for (is_destroyed, &f, 10, "Escape to close the sheet");
  g_assert_null (f.saved_id);
  g_assert_false (g_file_test (f.caselog, G_FILE_TEST_EXISTS));

  fixture_close (&f);
}

/* Enter outside the note saves too (Save is the default widget). */
static void
test_outcome_dialog_enter_saves (void)
{
  Fixture f = { 0 };

  fixture_open (&f, NULL);
  gtk_widget_grab_focus (find_named (&f, ADW_TYPE_ENTRY_ROW, "outcome-category"));
  lots_gui_test_press_key (GDK_KEY_Return, 0);
  lots_gui_test_wait_for (is_destroyed, &f, 20, "Enter to save and close the sheet");
  g_assert_nonnull (f.saved_id);
  g_assert_cmpint (count_cases (f.caselog), ==, 1);

  fixture_close (&f);
}

/* A case log that cannot be written (its folder is a file): the error is
 * shown, the sheet stays open, the edited case is all still there. */
static void
test_outcome_dialog_write_error_keeps_case (void)
{
  Fixture f = { 0 };
  g_autoptr(LotsCase) kept = NULL;
  GtkWidget *error_label;

  fixture_open (&f, "blocked/cases.sqlite");
  lots_test_write (f.sandbox, "blocked", "a file, not a folder", -1);
  gtk_widget_grab_focus (find_named (&f, GTK_TYPE_TEXT_VIEW, "outcome-note"));
  lots_gui_test_type_text ("kvar");
  lots_gui_test_press_key (GDK_KEY_Return, GDK_CONTROL_MASK);
  lots_gui_test_wait_for (is_not_saving, &f, 20, "the write to fail");

  error_label = find_named (&f, GTK_TYPE_LABEL, "outcome-error");
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_false (is_closed (&f));
  g_assert_null (f.saved_id);
  kept = lots_outcome_dialog_dup_case (f.dialog);
  g_assert_cmpstr (kept->note, ==, "kvar");
  g_assert_cmpstr (kept->area, ==, "social");
  lots_gui_test_wait_frames (GTK_WIDGET (f.dialog), 2);
  lots_gui_test_save_screenshot (GTK_WIDGET (f.dialog), "outcome-dialog-write-error.png");

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  lots_gui_test_init ();

  g_test_add_func ("/outcome-dialog/prefilled-edited-saved", test_outcome_dialog_prefilled_edited_saved);
  g_test_add_func ("/outcome-dialog/invalid-then-escape", test_outcome_dialog_invalid_then_escape);
  g_test_add_func ("/outcome-dialog/escape-writes-nothing", test_outcome_dialog_escape_writes_nothing);
  g_test_add_func ("/outcome-dialog/enter-saves", test_outcome_dialog_enter_saves);
  g_test_add_func ("/outcome-dialog/write-error-keeps-case", test_outcome_dialog_write_error_keeps_case);

  return g_test_run ();
}

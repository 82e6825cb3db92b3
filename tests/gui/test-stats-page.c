/* test-stats-page.c — the statistics page over a real case log, under Xvfb.
 *
 * A sandbox journal (cases.sqlite, written with lots_caselog_add as the
 * app writes it) holds a hand-made week: six cases today (Wednesday 12
 * March 2025), four earlier this week, one the week before. The page, on a
 * fixed clock, counts it in its thread; the tests compare what the charts
 * draw (their bars: labels, values, texts, warning state) and the summary
 * cards with the figures worked out by hand below, for Today and for This
 * week, then check the empty, missing and unreadable logs, and that a
 * refresh sees a case logged after the first count.
 *
 * The hand count (areas in English: the suite runs in C.UTF-8):
 *
 *   today   contacts 6, resolved 4 (67 %, below the goal), acute 1,
 *           Elder care 3 (2 resolved), Social services 2 (1),
 *           Preschool 1 (1); referrals Socialjouren 1, Äldre direkt 1;
 *           Phone 5, E-mail 1
 *   week    contacts 10, resolved 7 (70 %: meets the goal), acute 2,
 *           Elder care 4 (3), Social services 3 (1), School … 2 (2),
 *           Preschool 1 (1); referrals Socialjouren 2, Äldre direkt 1;
 *           Phone 8, E-mail 1, Letter 1
 *
 * Screenshots: stats-today.png, stats-week.png, stats-empty.png.
 */
#define G_LOG_DOMAIN "test-stats-page"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lots-caselog.h"
#include "lots-chart.h"
#include "lots-gui-test-util.h"
#include "lots-stats-page.h"
#include "lots-test-util.h"

#define TIMEOUT_SECONDS 30

typedef struct {
  int day;               /* of March 2025 */
  int hour;
  const char *area;
  const char *channel;
  gboolean resolved;
  gboolean acute;
  const char *referred_to;
} Outcome;

static const Outcome week_outcomes[] = {
  /* Friday of the week before: counted in neither period. */
  {  7, 10, "parkering", "telefon", TRUE,  TRUE,  NULL },
  /* Monday and Tuesday. */
  { 10, 10, "skola",     "telefon", TRUE,  FALSE, NULL },
  { 10, 11, "skola",     "brev",    TRUE,  FALSE, NULL },
  { 11,  9, "social",    "telefon", FALSE, TRUE,  "socialjouren" },
  { 11, 14, "aldre",     "telefon", TRUE,  FALSE, NULL },
  /* Wednesday: today. */
  { 12,  8, "aldre",     "telefon", TRUE,  FALSE, NULL },
  { 12,  9, "aldre",     "telefon", TRUE,  FALSE, NULL },
  { 12, 10, "aldre",     "telefon", FALSE, FALSE, "aldre-direkt" },
  { 12, 11, "social",    "telefon", FALSE, TRUE,  "socialjouren" },
  { 12, 12, "social",    "e-post",  TRUE,  FALSE, NULL },
  { 12, 13, "forskola",  "telefon", TRUE,  FALSE, NULL },
};

typedef struct {
  const char *label;
  double value;
  const char *text;
  gboolean below_goal;
} ExpectedBar;

static GDateTime *
march (int day,
       int hour)
{
  return g_date_time_new_local (2025, 3, day, hour, 30, 0);
}

static char *
caselog_path (const char *sandbox)
{
  return g_build_filename (sandbox, LOTS_CASELOG_FILE, NULL);
}

/* Writes outcomes into a new journal in sandbox, as the app logs them. */
static char *
write_caselog (const char    *sandbox,
               const Outcome *outcomes,
               guint          n_outcomes)
{
  char *filename = caselog_path (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaselog) log = lots_caselog_open (filename, &error);
  g_autoptr(GDateTime) now = march (12, 14);

  g_assert_no_error (error);
  lots_caselog_set_now (log, g_date_time_to_unix (now));
  for (guint i = 0; i < n_outcomes; i++)
    {
      const Outcome *o = &outcomes[i];
      g_autoptr(LotsCase) outcome = lots_case_new ();
      g_autoptr(GDateTime) started = march (o->day, o->hour);

      outcome->started_at = g_date_time_to_unix (started);
      outcome->ended_at = outcome->started_at + 240;
      outcome->area = g_strdup (o->area);
      outcome->channel = g_strdup (o->channel);
      outcome->resolved = o->resolved;
      outcome->acute = o->acute;
      outcome->referred_to = g_strdup (o->referred_to);
      outcome->handler = g_strdup ("handlaggare-7");
      outcome->workstation = g_strdup ("ws-test");
      g_assert_true (lots_caselog_add (log, outcome, &error));
      g_assert_no_error (error);
    }
  return filename;
}

static gboolean
counted (gpointer user_data)
{
  return !lots_stats_page_get_loading (LOTS_STATS_PAGE (user_data));
}

static void
wait_counted (LotsStatsPage *page)
{
  lots_gui_test_wait_for (counted, page, TIMEOUT_SECONDS, "the statistics page to count the case log");
}

typedef struct {
  LotsStatsPage *page;
  const char *period;
} PeriodWait;

static gboolean
period_shown (gpointer user_data)
{
  PeriodWait *wait = user_data;

  return g_strcmp0 (lots_stats_page_get_period (wait->page), wait->period) == 0;
}

/* Switches the period with the toggle's mnemonic, a real key press
 * through the X server (Alt+T: _Today, Alt+W: This _Week). */
static void
press_period (LotsStatsPage *page,
              guint          keyval,
              const char    *period)
{
  PeriodWait wait = { page, period };

  lots_gui_test_press_key (keyval, GDK_ALT_MASK);
  lots_gui_test_wait_for (period_shown, &wait, TIMEOUT_SECONDS, "the period toggle to switch");
}

static GtkWidget *
find (LotsStatsPage *page,
      const char    *name)
{
  GtkWidget *widget = lots_gui_test_find_by_text (GTK_WIDGET (page), GTK_TYPE_WIDGET, name);

  g_assert_nonnull (widget);
  return widget;
}

static LotsChart *
find_chart (LotsStatsPage *page,
            const char    *name)
{
  GtkWidget *chart = lots_gui_test_find_by_text (GTK_WIDGET (page), LOTS_TYPE_CHART, name);

  g_assert_nonnull (chart);
  return LOTS_CHART (chart);
}

static const char *
visible_state (LotsStatsPage *page)
{
  GtkStack *stack = GTK_STACK (lots_gui_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static void
assert_label (LotsStatsPage *page,
              const char    *name,
              const char    *text)
{
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (page, name))), ==, text);
}

static void
assert_bars (LotsChart         *chart,
             const ExpectedBar *expected,
             guint              n_expected)
{
  g_autofree char *description = lots_chart_dup_description (chart);

  g_assert_cmpuint (lots_chart_get_n_bars (chart), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autofree char *said = g_strdup_printf ("%s: %s", expected[i].label, expected[i].text);

      g_assert_cmpstr (lots_chart_get_bar_label (chart, i), ==, expected[i].label);
      g_assert_cmpfloat_with_epsilon (lots_chart_get_bar_value (chart, i), expected[i].value, 1e-9);
      g_assert_cmpstr (lots_chart_get_bar_text (chart, i), ==, expected[i].text);
      g_assert_cmpint (lots_chart_get_bar_below_goal (chart, i), ==, expected[i].below_goal);
      /* A screen reader hears every number the chart draws. */
      g_assert_nonnull (strstr (description, said));
    }
}

static LotsStatsPage *
open_page_sized (const char  *filename,
                 GDateTime   *now,
                 int          width,
                 int          height,
                 GtkWindow  **window)
{
  LotsStatsPage *page = g_object_ref_sink (lots_stats_page_new ());

  lots_stats_page_set_now (page, now);
  *window = lots_gui_test_window_new (GTK_WIDGET (page), width, height);
  lots_stats_page_set_caselog_filename (page, filename);
  g_assert_true (lots_stats_page_get_loading (page));
  wait_counted (page);
  lots_gui_test_wait_frames (GTK_WIDGET (*window), 3);
  return page;
}

static LotsStatsPage *
open_page (const char  *filename,
           GDateTime   *now,
           GtkWindow  **window)
{
  return open_page_sized (filename, now, 1100, 780, window);
}

/* Whether only the test holds the page: a count that a newer one overtook
 * keeps a reference until its thread has returned. */
static gboolean
only_test_holds (gpointer user_data)
{
  return g_atomic_int_get (&G_OBJECT (user_data)->ref_count) == 1;
}

static void
close_page (LotsStatsPage *page,
            GtkWindow     *window)
{
  gtk_window_destroy (window);
  lots_gui_test_wait_for (only_test_holds, page, TIMEOUT_SECONDS, "the counts under way to end");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (page);
}

static void
check_today (LotsStatsPage *page)
{
  static const ExpectedBar contacts[] = {
    { "Elder care", 3, "3", FALSE },
    { "Social services", 2, "2", FALSE },
    { "Preschool", 1, "1", FALSE },
  };
  static const ExpectedBar resolution[] = {
    { "Elder care", 2.0 / 3, "67%", TRUE },
    { "Social services", 0.5, "50%", TRUE },
    { "Preschool", 1, "100%", FALSE },
  };
  static const ExpectedBar referrals[] = {
    { "Socialjouren", 1, "1", FALSE },
    { "Äldre direkt", 1, "1", FALSE },
  };
  static const ExpectedBar channels[] = {
    { "Phone", 5, "5", FALSE },
    { "E-mail", 1, "1", FALSE },
  };
  static const ExpectedBar gauge[] = {
    { "Resolved at first contact", 4.0 / 6, "67%", TRUE },
  };

  g_assert_cmpstr (visible_state (page), ==, "figures");
  g_assert_cmpstr (lots_stats_page_get_period (page), ==, "today");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (page, "today-button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (page, "week-button"))));
  assert_label (page, "period-title", "Wednesday 12 March");
  assert_label (page, "contacts-value", "6");
  assert_label (page, "contacts-detail", "in 3 areas");
  assert_label (page, "resolution-value", "67%");
  assert_label (page, "resolution-detail", "4 of 6 · goal 70%");
  assert_label (page, "acute-value", "1");
  assert_label (page, "referrals-value", "2");
  assert_label (page, "referrals-detail", "to 2 destinations");
  assert_bars (find_chart (page, "contacts-chart"), contacts, G_N_ELEMENTS (contacts));
  assert_bars (find_chart (page, "resolution-chart"), resolution, G_N_ELEMENTS (resolution));
  assert_bars (find_chart (page, "referrals-chart"), referrals, G_N_ELEMENTS (referrals));
  assert_bars (find_chart (page, "channels-chart"), channels, G_N_ELEMENTS (channels));
  assert_bars (find_chart (page, "resolution-gauge"), gauge, G_N_ELEMENTS (gauge));
  g_assert_cmpfloat (lots_chart_get_goal (find_chart (page, "resolution-chart")), ==, 0.7);
}

static void
check_week (LotsStatsPage *page)
{
  static const ExpectedBar contacts[] = {
    { "Elder care", 4, "4", FALSE },
    { "Social services", 3, "3", FALSE },
    { "School and after-school care", 2, "2", FALSE },
    { "Preschool", 1, "1", FALSE },
  };
  static const ExpectedBar resolution[] = {
    { "Elder care", 0.75, "75%", FALSE },
    { "Social services", 1.0 / 3, "33%", TRUE },
    { "School and after-school care", 1, "100%", FALSE },
    { "Preschool", 1, "100%", FALSE },
  };
  static const ExpectedBar referrals[] = {
    { "Socialjouren", 2, "2", FALSE },
    { "Äldre direkt", 1, "1", FALSE },
  };
  static const ExpectedBar channels[] = {
    { "Phone", 8, "8", FALSE },
    { "E-mail", 1, "1", FALSE },
    { "Letter", 1, "1", FALSE },
  };
  /* 7 of 10 is exactly the goal: it meets it. */
  static const ExpectedBar gauge[] = {
    { "Resolved at first contact", 0.7, "70%", FALSE },
  };

  g_assert_cmpstr (visible_state (page), ==, "figures");
  g_assert_cmpstr (lots_stats_page_get_period (page), ==, "week");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (page, "week-button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (page, "today-button"))));
  assert_label (page, "period-title", "Week 11");
  assert_label (page, "contacts-value", "10");
  assert_label (page, "contacts-detail", "in 4 areas");
  assert_label (page, "resolution-value", "70%");
  assert_label (page, "resolution-detail", "7 of 10 · goal 70%");
  assert_label (page, "acute-value", "2");
  assert_label (page, "acute-detail", "20% of contacts");
  assert_label (page, "referrals-value", "3");
  assert_bars (find_chart (page, "contacts-chart"), contacts, G_N_ELEMENTS (contacts));
  assert_bars (find_chart (page, "resolution-chart"), resolution, G_N_ELEMENTS (resolution));
  assert_bars (find_chart (page, "referrals-chart"), referrals, G_N_ELEMENTS (referrals));
  assert_bars (find_chart (page, "channels-chart"), channels, G_N_ELEMENTS (channels));
  assert_bars (find_chart (page, "resolution-gauge"), gauge, G_N_ELEMENTS (gauge));
}

static void
test_stats_today_and_week (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *filename = write_caselog (sandbox, week_outcomes, G_N_ELEMENTS (week_outcomes));
  g_autoptr(GDateTime) now = march (12, 14);
  GtkWindow *window;
  LotsStatsPage *page = open_page (filename, now, &window);

  check_today (page);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "stats-today.png");

  /* This week, from the keyboard: from the figures already counted,
   * without reading the log again. */
  press_period (page, GDK_KEY_w, "week");
  g_assert_false (lots_stats_page_get_loading (page));
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  check_week (page);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "stats-week.png");

  /* The palette follows the dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "stats-week-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  press_period (page, GDK_KEY_t, "today");
  g_assert_false (lots_stats_page_get_loading (page));
  check_today (page);

  close_page (page, window);
}

/* A case logged after the first count shows after a refresh; a refresh
 * that a newer one overtakes is dropped, not shown over it. */
static void
test_stats_refresh (void)
{
  static const Outcome later[] = {
    { 12, 14, "etjanster", "chatt", TRUE, FALSE, NULL },
  };
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *filename = write_caselog (sandbox, week_outcomes, G_N_ELEMENTS (week_outcomes));
  g_autoptr(GDateTime) now = march (12, 15);
  GtkWindow *window;
  LotsStatsPage *page = open_page (filename, now, &window);
  g_autoptr(GError) error = NULL;
  LotsChart *channels;

  assert_label (page, "contacts-value", "6");
  {
    g_autoptr(LotsCaselog) log = lots_caselog_open (filename, &error);
    g_autoptr(LotsCase) outcome = lots_case_new ();
    g_autoptr(GDateTime) started = march (later[0].day, later[0].hour);

    g_assert_no_error (error);
    lots_caselog_set_now (log, g_date_time_to_unix (now));
    outcome->started_at = g_date_time_to_unix (started);
    outcome->ended_at = outcome->started_at + 60;
    outcome->area = g_strdup (later[0].area);
    outcome->channel = g_strdup (later[0].channel);
    outcome->resolved = later[0].resolved;
    outcome->handler = g_strdup ("handlaggare-7");
    outcome->workstation = g_strdup ("ws-test");
    g_assert_true (lots_caselog_add (log, outcome, &error));
    g_assert_no_error (error);
  }

  /* Two refreshes at once: the first is cancelled. The button is what a
   * handler presses. */
  lots_stats_page_refresh (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "stats.refresh", NULL));
  g_assert_true (lots_stats_page_get_loading (page));
  /* While counting, the figures already shown stay. */
  g_assert_cmpstr (visible_state (page), ==, "figures");
  wait_counted (page);

  assert_label (page, "contacts-value", "7");
  assert_label (page, "resolution-value", "71%");
  channels = find_chart (page, "channels-chart");
  g_assert_cmpuint (lots_chart_get_n_bars (channels), ==, 3);
  g_assert_cmpstr (lots_chart_get_bar_label (channels, 1), ==, "Chat");

  close_page (page, window);
}

static void
test_stats_empty (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *filename = write_caselog (sandbox, NULL, 0);
  g_autoptr(GDateTime) now = march (12, 14);
  GtkWindow *window;
  LotsStatsPage *page = open_page (filename, now, &window);
  AdwStatusPage *empty = ADW_STATUS_PAGE (find (page, "empty-page"));

  g_assert_cmpstr (visible_state (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Contacts Yet Today");
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "stats-empty.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "stats.period", "s", "week"));
  g_assert_cmpstr (visible_state (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Contacts Yet This Week");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (page, "week-button"))));

  close_page (page, window);
}

static int
chart_height (LotsStatsPage *page,
              const char    *name)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (find_chart (page, name)), GTK_ORIENTATION_VERTICAL, -1,
                      &height, NULL, NULL, NULL);
  return height;
}

/* A narrow window at 200 % text: the charts grow with the text instead of
 * clipping it, and the cards stack. */
static void
test_stats_large_text (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *filename = write_caselog (sandbox, week_outcomes, G_N_ELEMENTS (week_outcomes));
  g_autoptr(GDateTime) now = march (12, 14);
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWindow *window;
  LotsStatsPage *page = open_page_sized (filename, now, 420, 780, &window);
  int normal = chart_height (page, "contacts-chart");
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 2 * (dpi > 0 ? dpi : 96 * 1024), NULL);
  lots_gui_test_wait_frames (GTK_WIDGET (window), 3);
  /* The text doubles; the bars and the gaps between them do not. */
  g_assert_cmpint (chart_height (page, "contacts-chart"), >, normal + normal / 4);
  lots_gui_test_save_screenshot (GTK_WIDGET (window), "stats-large-text.png");
  gtk_settings_reset_property (settings, "gtk-xft-dpi");

  close_page (page, window);
}

/* The morning after: nothing yet today, but the week has its figures. */
static void
test_stats_empty_today_not_week (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *filename = write_caselog (sandbox, week_outcomes, G_N_ELEMENTS (week_outcomes));
  g_autoptr(GDateTime) now = march (13, 8);
  GtkWindow *window;
  LotsStatsPage *page = open_page (filename, now, &window);

  g_assert_cmpstr (visible_state (page), ==, "empty");
  lots_stats_page_set_period (page, "week");
  g_assert_cmpstr (visible_state (page), ==, "figures");
  assert_label (page, "contacts-value", "10");
  assert_label (page, "period-title", "Week 11");

  close_page (page, window);
}

/* No journal yet: the page shows the empty state and does not create one. */
static void
test_stats_missing_log (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *filename = caselog_path (sandbox);
  g_autoptr(GDateTime) now = march (12, 14);
  GtkWindow *window;
  LotsStatsPage *page = open_page (filename, now, &window);

  g_assert_cmpstr (visible_state (page), ==, "empty");
  g_assert_false (g_file_test (filename, G_FILE_TEST_EXISTS));

  close_page (page, window);
}

/* A file that is not a case log: the page says so, with the reason. */
static void
test_stats_unreadable_log (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *filename = caselog_path (sandbox);
  g_autoptr(GDateTime) now = march (12, 14);
  GtkWindow *window;
  LotsStatsPage *page;
  AdwStatusPage *error_page;

  lots_test_write (sandbox, LOTS_CASELOG_FILE, "not a database, but long enough to look like a header of one\n", -1);
  page = open_page (filename, now, &window);
  error_page = ADW_STATUS_PAGE (find (page, "error-page"));

  g_assert_cmpstr (visible_state (page), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "refresh"));

  close_page (page, window);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  {
    /* The hand count names areas and channels in English. */
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_string (settings, "language", "en");
  }
  lots_gui_test_init ();

  g_test_add_func ("/stats-page/today-and-week", test_stats_today_and_week);
  g_test_add_func ("/stats-page/refresh", test_stats_refresh);
  g_test_add_func ("/stats-page/large-text", test_stats_large_text);
  g_test_add_func ("/stats-page/empty", test_stats_empty);
  g_test_add_func ("/stats-page/empty-today-not-week", test_stats_empty_today_not_week);
  g_test_add_func ("/stats-page/missing-log", test_stats_missing_log);
  g_test_add_func ("/stats-page/unreadable-log", test_stats_unreadable_log);

  return g_test_run ();
}

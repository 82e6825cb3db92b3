/* lots-stats-page.c — today and this week from the case log, as cards and
 * charts.
 *
 * A refresh counts both periods at once, in a GTask thread with its own
 * connection to the case log (SQLite connections are not shared across
 * threads, and the journal may be written while we read): switching between
 * Today and This week then redraws from figures already counted, without
 * touching the disk. A newer refresh cancels the older one, and the result
 * of a cancelled one is dropped. While a refresh runs, the figures already
 * shown stay; the spinner shows only before the first count.
 *
 * The figures come from the core report (lots-report.h), through its JSON
 * form: the page adds no counting of its own, so it agrees with
 * `lotsctl report` by construction. "Today" counts from local midnight,
 * "this week" from Monday 00:00, both of the page's clock (the real one, or
 * a fixed one for tests).
 *
 * Area titles come from the built-in areas.yaml (Swedish or English, after
 * the UI language) and unit names from the built-in unit directory
 * (data/enheter.csv); an id without a name is shown as it is.
 */
#define G_LOG_DOMAIN "lots-stats-page"

#include "config.h"

#include "lots-stats-page.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "lots-area.h"
#include "lots-builtin.h"
#include "lots-caselog.h"
#include "lots-chart.h"
#include "lots-diagnostic.h"
#include "lots-paths.h"
#include "lots-report.h"
#include "lots-table.h"

#define PERIOD_TODAY "today"
#define PERIOD_WEEK "week"

/* One bar's worth: an area, a channel or a referral destination. */
typedef struct {
  char *label;
  guint64 count;
  guint64 resolved;
} Count;

/* The figures of one period, as the page shows them. */
typedef struct {
  guint64 contacts;
  guint64 resolved;
  guint64 acute;
  guint64 referrals;
  GPtrArray *areas;       /* Count, most contacts first */
  GPtrArray *channels;    /* Count, most contacts first */
  GPtrArray *units;       /* Count, most referrals first */
} Period;

typedef struct {
  Period *today;
  Period *week;
} Figures;

/* What a refresh thread needs; copied, so the page may change meanwhile. */
typedef struct {
  char *filename;
  gint64 today_start;
  gint64 week_start;
} Request;

struct _LotsStatsPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel *period_title;
  GtkLabel *period_subtitle;
  GtkStack *content_stack;
  GtkLabel *contacts_value;
  GtkLabel *contacts_detail;
  GtkLabel *resolution_value;
  GtkLabel *resolution_detail;
  GtkLabel *acute_value;
  GtkLabel *acute_detail;
  GtkLabel *referrals_value;
  GtkLabel *referrals_detail;
  LotsChart *resolution_gauge;
  LotsChart *contacts_chart;
  LotsChart *resolution_chart;
  LotsChart *referrals_chart;
  LotsChart *channels_chart;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;

  char *filename;
  char *period;
  GDateTime *now;           /* fixed clock for tests; NULL: the real one */
  GDateTime *counted_at;    /* the clock of the figures shown */
  GCancellable *cancellable;
  Figures *figures;         /* NULL before the first count */
  GError *error;            /* the last count failed */
  gboolean loading;
};

enum {
  PROP_0,
  PROP_CASELOG_FILENAME,
  PROP_PERIOD,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LotsStatsPage, lots_stats_page, ADW_TYPE_BIN)

/* ---- figures --------------------------------------------------------------- */

static void
count_free (gpointer data)
{
  Count *count = data;

  g_free (count->label);
  g_free (count);
}

static Period *
period_new (void)
{
  Period *period = g_new0 (Period, 1);

  period->areas = g_ptr_array_new_with_free_func (count_free);
  period->channels = g_ptr_array_new_with_free_func (count_free);
  period->units = g_ptr_array_new_with_free_func (count_free);
  return period;
}

static void
period_free (Period *period)
{
  if (period == NULL)
    return;
  g_ptr_array_unref (period->areas);
  g_ptr_array_unref (period->channels);
  g_ptr_array_unref (period->units);
  g_free (period);
}

static void
figures_free (Figures *figures)
{
  if (figures == NULL)
    return;
  period_free (figures->today);
  period_free (figures->week);
  g_free (figures);
}

static Figures *
figures_new_empty (void)
{
  Figures *figures = g_new0 (Figures, 1);

  figures->today = period_new ();
  figures->week = period_new ();
  return figures;
}

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->filename);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_free)

/* Most first, then by label, so equal counts keep one order. */
static int
by_count (gconstpointer a,
          gconstpointer b)
{
  const Count *x = *(const Count * const *) a;
  const Count *y = *(const Count * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

/* ---- names ----------------------------------------------------------------- */

/* Whether the UI speaks Swedish: the area titles follow it. */
static gboolean
ui_is_swedish (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "sv");
}

/* area id → title, from the built-in areas.yaml; empty if it cannot be
 * read (the ids are shown instead). */
static GHashTable *
load_area_titles (void)
{
  GHashTable *titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = lots_builtin_areas (&error);
  gboolean swedish = ui_is_swedish ();

  if (areas == NULL)
    {
      g_warning ("area titles: %s", error->message);
      return titles;
    }
  for (guint i = 0; i < areas->len; i++)
    {
      const LotsArea *area = g_ptr_array_index (areas, i);
      const char *title = swedish || area->title_en == NULL ? area->title : area->title_en;

      g_hash_table_insert (titles, g_strdup (area->id), g_strdup (title ? title : area->id));
    }
  return titles;
}

/* The unit directory of the built-in source, or NULL. */
static LotsTable *
load_units (void)
{
  g_autofree char *dir = lots_paths_dup_builtin_dir ();
  g_autofree char *file = g_build_filename (dir, "knowledge", "data", "enheter.csv", NULL);
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_get_contents (file, &text, &length, &error))
    {
      g_warning ("unit names: %s", error->message);
      return NULL;
    }
  return lots_table_parse ("data/enheter.csv", text, length, diagnostics);
}

static const char *
channel_label (const char *channel)
{
  static const struct { const char *id; const char *label; } channels[] = {
    { "telefon", N_("Phone") },
    { "e-post", N_("E-mail") },
    { "brev", N_("Letter") },
    { "besök", N_("Visit") },
    { "chatt", N_("Chat") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (g_strcmp0 (channel, channels[i].id) == 0)
      return _(channels[i].label);
  return channel;
}

/* ---- counting (in the refresh thread) -------------------------------------- */

static guint64
member_count (JsonObject *object,
              const char *member)
{
  if (object == NULL || !json_object_has_member (object, member))
    return 0;
  return (guint64) MAX (json_object_get_int_member (object, member), 0);
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The elements of the array MEMBER of REPORT as Counts: KEY names the
 * element, COUNT_MEMBER its count; NAMES (may be NULL) maps the key to a
 * label, or NAME_OF does. */
static void
read_counts (JsonObject  *report,
             const char  *member,
             const char  *key,
             const char  *count_member,
             GHashTable  *names,
             const char *(*name_of) (const char *key, gpointer data),
             gpointer     data,
             GPtrArray   *counts)
{
  JsonArray *array = member_array (report, member);
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *element = json_array_get_object_element (array, i);
      const char *id = json_object_get_string_member_with_default (element, key, "");
      const char *label = names ? g_hash_table_lookup (names, id) : name_of (id, data);
      Count *count = g_new0 (Count, 1);

      count->label = g_strdup (label ? label : id);
      count->count = member_count (element, count_member);
      count->resolved = member_count (element, "resolved");
      g_ptr_array_add (counts, count);
    }
  g_ptr_array_sort (counts, by_count);
}

static const char *
unit_name (const char *unit,
           gpointer    data)
{
  const char *name = data ? lots_table_lookup (data, "id", unit, "namn") : NULL;

  return name != NULL && *name != '\0' ? name : unit;
}

static const char *
channel_name (const char *channel,
              gpointer    data)
{
  return channel_label (channel);
}

static Period *
period_from_report (const LotsReport *report,
                    GHashTable       *area_titles,
                    LotsTable        *units)
{
  g_autoptr(JsonNode) root = lots_report_to_json (report);
  JsonObject *object = json_node_get_object (root);
  JsonObject *resolution = json_object_get_object_member (object, "first_contact_resolution");
  Period *period = period_new ();

  period->contacts = member_count (object, "contacts");
  period->resolved = member_count (resolution, "resolved");
  period->acute = member_count (object, "acute");
  read_counts (object, "areas", "area", "contacts", area_titles, NULL, NULL, period->areas);
  read_counts (object, "channels", "channel", "contacts", NULL, channel_name, NULL, period->channels);
  read_counts (object, "referrals", "unit", "cases", NULL, unit_name, units, period->units);
  for (guint i = 0; i < period->units->len; i++)
    period->referrals += ((Count *) g_ptr_array_index (period->units, i))->count;
  return period;
}

static Period *
count_period (LotsCaselog  *log,
              gint64        since,
              GHashTable   *area_titles,
              LotsTable    *units,
              GError      **error)
{
  g_autoptr(LotsReport) report = lots_report_build (log, since, error);

  return report ? period_from_report (report, area_titles, units) : NULL;
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GHashTable) area_titles = NULL;
  g_autoptr(LotsTable) units = NULL;
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(Figures) figures = g_new0 (Figures, 1);
  GError *error = NULL;

  /* No journal yet: nothing logged. Opening it would create it, and the
   * statistics page should not be what does that. */
  if (!g_file_test (request->filename, G_FILE_TEST_EXISTS))
    {
      g_task_return_pointer (task, figures_new_empty (), (GDestroyNotify) figures_free);
      return;
    }
  area_titles = load_area_titles ();
  units = load_units ();
  if ((log = lots_caselog_open (request->filename, &error)) == NULL ||
      (figures->today = count_period (log, request->today_start, area_titles, units, &error)) == NULL ||
      g_task_return_error_if_cancelled (task) ||
      (figures->week = count_period (log, request->week_start, area_titles, units, &error)) == NULL)
    {
      if (error != NULL)
        g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&figures), (GDestroyNotify) figures_free);
}

/* ---- showing --------------------------------------------------------------- */

/* A rate as a whole percentage. A rate just under the goal never rounds up
 * to it: "70 %" drawn in the warning color would contradict itself. */
static char *
format_percent (double rate)
{
  int percent = (int) floor (rate * 100 + 0.5);
  int goal = (int) floor (LOTS_REPORT_RESOLUTION_GOAL * 100 + 0.5);

  if (rate < LOTS_REPORT_RESOLUTION_GOAL && percent >= goal)
    percent = goal - 1;
  /* TRANSLATORS: a percentage; Swedish puts a (no-break) space before % */
  return g_strdup_printf (_("%d%%"), percent);
}

static double
rate_of (guint64 resolved,
         guint64 contacts)
{
  return contacts > 0 ? (double) resolved / (double) contacts : 0;
}

static void
set_label_uint (GtkLabel *label,
                guint64   value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  gtk_label_set_text (label, text);
}

typedef enum {
  COUNTS_CONTACTS,
  COUNTS_REFERRALS,
} CountsKind;

static char *
format_count_tooltip (CountsKind   kind,
                      const Count *count)
{
  gulong n = (gulong) count->count;

  if (kind == COUNTS_REFERRALS)
    return g_strdup_printf (ngettext ("%s: %lu referral", "%s: %lu referrals", n), count->label, n);
  return g_strdup_printf (ngettext ("%s: %lu contact", "%s: %lu contacts", n), count->label, n);
}

static void
show_counts (LotsChart  *chart,
             GPtrArray  *counts,
             CountsKind  kind)
{
  lots_chart_remove_all (chart);
  for (guint i = 0; i < counts->len; i++)
    {
      const Count *count = g_ptr_array_index (counts, i);
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, count->count);
      g_autofree char *tooltip = format_count_tooltip (kind, count);

      lots_chart_add_bar (chart, count->label, (double) count->count, text, tooltip);
    }
}

static void
show_resolution (LotsStatsPage *self,
                 const Period  *period)
{
  g_autofree char *goal = format_percent (LOTS_REPORT_RESOLUTION_GOAL);
  /* TRANSLATORS: the legend of the goal line, e.g. "Goal 70%" */
  g_autofree char *goal_text = g_strdup_printf (_("Goal %s"), goal);
  double rate = rate_of (period->resolved, period->contacts);
  g_autofree char *percent = format_percent (rate);
  g_autofree char *detail = NULL;

  gtk_label_set_text (self->resolution_value, percent);
  /* TRANSLATORS: "4 of 6 · goal 70%": contacts resolved at the first contact */
  detail = g_strdup_printf (_("%u of %u · goal %s"), (guint) period->resolved, (guint) period->contacts, goal);
  gtk_label_set_text (self->resolution_detail, detail);
  lots_chart_set_goal (self->resolution_gauge, LOTS_REPORT_RESOLUTION_GOAL, goal_text);
  lots_chart_remove_all (self->resolution_gauge);
  lots_chart_add_bar (self->resolution_gauge, _("Resolved at first contact"), rate, percent, detail);

  lots_chart_set_goal (self->resolution_chart, LOTS_REPORT_RESOLUTION_GOAL, goal_text);
  lots_chart_remove_all (self->resolution_chart);
  for (guint i = 0; i < period->areas->len; i++)
    {
      const Count *area = g_ptr_array_index (period->areas, i);
      double area_rate = rate_of (area->resolved, area->count);
      g_autofree char *text = format_percent (area_rate);
      /* TRANSLATORS: "Elder care: 4 of 6 resolved at first contact (67%)" */
      g_autofree char *tooltip = g_strdup_printf (_("%s: %u of %u resolved at first contact (%s)"),
                                                  area->label, (guint) area->resolved, (guint) area->count, text);

      lots_chart_add_bar (self->resolution_chart, area->label, area_rate, text, tooltip);
    }
}

static void
show_summary (LotsStatsPage *self,
              const Period  *period)
{
  g_autofree char *areas = NULL;
  g_autofree char *acute_share = format_percent (rate_of (period->acute, period->contacts));
  g_autofree char *acute = NULL;
  g_autofree char *units = NULL;

  set_label_uint (self->contacts_value, period->contacts);
  areas = g_strdup_printf (ngettext ("in %u area", "in %u areas", period->areas->len), period->areas->len);
  gtk_label_set_text (self->contacts_detail, areas);

  set_label_uint (self->acute_value, period->acute);
  /* TRANSLATORS: the share of all contacts that were acute, e.g. "5% of contacts" */
  acute = g_strdup_printf (_("%s of contacts"), acute_share);
  gtk_label_set_text (self->acute_detail, acute);

  set_label_uint (self->referrals_value, period->referrals);
  units = g_strdup_printf (ngettext ("to %u destination", "to %u destinations", period->units->len),
                           period->units->len);
  gtk_label_set_text (self->referrals_detail, units);
}

static void
show_period_heading (LotsStatsPage *self)
{
  gboolean week = g_strcmp0 (self->period, PERIOD_WEEK) == 0;
  GDateTime *now = self->counted_at;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *time = NULL;

  if (now == NULL)
    {
      gtk_label_set_text (self->period_title, week ? _("This Week") : _("Today"));
      gtk_label_set_text (self->period_subtitle, "");
      return;
    }
  /* TRANSLATORS: the time figures were counted at, as strftime: "14:05" */
  time = g_date_time_format (now, _("%H:%M"));
  if (week)
    {
      g_autoptr(GDateTime) monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
      /* TRANSLATORS: a day, as strftime: "Monday 10 March" */
      g_autofree char *from = g_date_time_format (monday, _("%A %-d %B"));
      g_autofree char *to = g_date_time_format (now, _("%A %-d %B"));

      /* TRANSLATORS: the ISO week number */
      title = g_strdup_printf (_("Week %d"), g_date_time_get_week_of_year (now));
      /* TRANSLATORS: "Monday 10 March to Wednesday 12 March · updated 14:05" */
      subtitle = g_strdup_printf (_("%s to %s · updated %s"), from, to, time);
    }
  else
    {
      /* TRANSLATORS: today's date, as strftime: "Wednesday 12 March" */
      title = g_date_time_format (now, _("%A %-d %B"));
      /* TRANSLATORS: when the figures were counted: "Updated 14:05" */
      subtitle = g_strdup_printf (_("Updated %s"), time);
    }
  gtk_label_set_text (self->period_title, title);
  gtk_label_set_text (self->period_subtitle, subtitle);
}

/* Shows the figures of the current period, or the state that stands in for
 * them (loading, error, nothing logged yet). */
static void
show (LotsStatsPage *self)
{
  gboolean week = g_strcmp0 (self->period, PERIOD_WEEK) == 0;
  const Period *period;

  show_period_heading (self);
  if (self->error != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("%s\n\nCases can still be logged. Try again with the refresh button; "
                           "if this message stays, tell the IT support what it says."),
                         self->error->message);

      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }
  if (self->figures == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
      return;
    }
  period = week ? self->figures->week : self->figures->today;
  if (period->contacts == 0)
    {
      adw_status_page_set_title (self->empty_page,
                                 week ? _("No Contacts Yet This Week") : _("No Contacts Yet Today"));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  show_summary (self, period);
  show_resolution (self, period);
  show_counts (self->contacts_chart, period->areas, COUNTS_CONTACTS);
  show_counts (self->referrals_chart, period->units, COUNTS_REFERRALS);
  show_counts (self->channels_chart, period->channels, COUNTS_CONTACTS);
  gtk_stack_set_visible_child_name (self->content_stack, "figures");
}

static void
set_loading (LotsStatsPage *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_refresh_done (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LotsStatsPage *self = LOTS_STATS_PAGE (source_object);
  GDateTime *now = user_data;
  g_autoptr(GError) error = NULL;
  Figures *figures = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled or superseded: a newer refresh is under way, or the page is
   * gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      figures_free (figures);
      g_date_time_unref (now);
      return;
    }
  g_clear_pointer (&self->counted_at, g_date_time_unref);
  self->counted_at = now;
  g_clear_error (&self->error);
  if (figures != NULL)
    {
      g_clear_pointer (&self->figures, figures_free);
      self->figures = figures;
    }
  else
    self->error = g_steal_pointer (&error);
  show (self);
  set_loading (self, FALSE);
}

/* Local midnight of the day of time. */
static gint64
start_of_day (GDateTime *time)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (time),
                                                         g_date_time_get_month (time),
                                                         g_date_time_get_day_of_month (time),
                                                         0, 0, 0);

  return g_date_time_to_unix (midnight);
}

/* ---- actions and signals --------------------------------------------------- */

static void
stats_refresh (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lots_stats_page_refresh (LOTS_STATS_PAGE (widget));
}

/* Shown again: the figures may have changed since. */
static void
on_map (LotsStatsPage *self,
        gpointer       user_data)
{
  lots_stats_page_refresh (self);
}

/* ---- GObject --------------------------------------------------------------- */

static void
lots_stats_page_dispose (GObject *object)
{
  LotsStatsPage *self = LOTS_STATS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_STATS_PAGE);

  G_OBJECT_CLASS (lots_stats_page_parent_class)->dispose (object);
}

static void
lots_stats_page_finalize (GObject *object)
{
  LotsStatsPage *self = LOTS_STATS_PAGE (object);

  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->counted_at, g_date_time_unref);
  g_clear_pointer (&self->figures, figures_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (lots_stats_page_parent_class)->finalize (object);
}

static void
lots_stats_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LotsStatsPage *self = LOTS_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASELOG_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_stats_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LotsStatsPage *self = LOTS_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASELOG_FILENAME:
      lots_stats_page_set_caselog_filename (self, g_value_get_string (value));
      break;
    case PROP_PERIOD:
      lots_stats_page_set_period (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_stats_page_class_init (LotsStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_stats_page_dispose;
  object_class->finalize = lots_stats_page_finalize;
  object_class->get_property = lots_stats_page_get_property;
  object_class->set_property = lots_stats_page_set_property;

  properties[PROP_CASELOG_FILENAME] =
    g_param_spec_string ("caselog-filename", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, PERIOD_TODAY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LOTS_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-stats-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, period_title);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, period_subtitle);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, contacts_value);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, contacts_detail);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, resolution_value);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, resolution_detail);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, acute_value);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, acute_detail);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, referrals_value);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, referrals_detail);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, resolution_gauge);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, contacts_chart);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, resolution_chart);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, referrals_chart);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, channels_chart);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LotsStatsPage, error_page);

  gtk_widget_class_install_action (widget_class, "stats.refresh", NULL, stats_refresh);
  gtk_widget_class_install_property_action (widget_class, "stats.period", "period");
}

static void
lots_stats_page_init (LotsStatsPage *self)
{
  self->period = g_strdup (PERIOD_TODAY);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  show (self);
}

/* ---- public API ------------------------------------------------------------ */

/* The case log to count (cases.sqlite of the data dir); NULL: none, the
 * page shows that nothing is logged. Counts it at once. */
void
lots_stats_page_set_caselog_filename (LotsStatsPage *self,
                                      const char    *filename)
{
  g_return_if_fail (LOTS_IS_STATS_PAGE (self));

  if (g_strcmp0 (self->filename, filename) == 0)
    return;
  g_free (self->filename);
  self->filename = g_strdup (filename);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASELOG_FILENAME]);
  lots_stats_page_refresh (self);
}

const char *
lots_stats_page_get_caselog_filename (LotsStatsPage *self)
{
  g_return_val_if_fail (LOTS_IS_STATS_PAGE (self), NULL);
  return self->filename;
}

/* Counts the case log again, off the main loop; a count still running is
 * cancelled and its result dropped. */
void
lots_stats_page_refresh (LotsStatsPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  Request *request;

  g_return_if_fail (LOTS_IS_STATS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  now = self->now ? g_date_time_to_local (self->now) : g_date_time_new_now_local ();

  if (self->filename == NULL)
    {
      g_clear_pointer (&self->figures, figures_free);
      g_clear_pointer (&self->counted_at, g_date_time_unref);
      g_clear_error (&self->error);
      self->figures = figures_new_empty ();
      self->counted_at = g_steal_pointer (&now);
      show (self);
      set_loading (self, FALSE);
      return;
    }

  request = g_new0 (Request, 1);
  request->filename = g_strdup (self->filename);
  request->today_start = start_of_day (now);
  {
    g_autoptr(GDateTime) monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));

    request->week_start = start_of_day (monday);
  }

  task = g_task_new (self, self->cancellable, on_refresh_done, g_steal_pointer (&now));
  g_task_set_source_tag (task, lots_stats_page_refresh);
  g_task_set_task_data (task, request, request_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, refresh_thread);
}

void
lots_stats_page_set_now (LotsStatsPage *self,
                         GDateTime     *now)
{
  g_return_if_fail (LOTS_IS_STATS_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now ? g_date_time_ref (now) : NULL;
}

const char *
lots_stats_page_get_period (LotsStatsPage *self)
{
  g_return_val_if_fail (LOTS_IS_STATS_PAGE (self), NULL);
  return self->period;
}

/* Shows "today" or "week" from the figures already counted. */
void
lots_stats_page_set_period (LotsStatsPage *self,
                            const char    *period)
{
  g_return_if_fail (LOTS_IS_STATS_PAGE (self));
  g_return_if_fail (g_strcmp0 (period, PERIOD_TODAY) == 0 || g_strcmp0 (period, PERIOD_WEEK) == 0);

  if (g_strcmp0 (self->period, period) == 0)
    return;
  g_free (self->period);
  self->period = g_strdup (period);
  show (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

gboolean
lots_stats_page_get_loading (LotsStatsPage *self)
{
  g_return_val_if_fail (LOTS_IS_STATS_PAGE (self), FALSE);
  return self->loading;
}

LotsStatsPage *
lots_stats_page_new (void)
{
  return g_object_new (LOTS_TYPE_STATS_PAGE, NULL);
}

/* lots-window.c — the main window: the handler's call page, the statistics,
 * the coach view and the publisher preview, with the running case.
 *
 * The call page follows a call: the handler types what the caller asks
 * about and the results follow every keystroke (LotsSearchController runs
 * them in its thread; only the answer to the newest keystroke arrives);
 * Up and Down move through the results without leaving the entry, Enter
 * opens the selected one beside the list (LotsArticleView); a guide
 * suggested by the words typed is one keystroke away (Alt+G), and runs in
 * LotsGuidePanel on the right; Ctrl+Enter ends the case with the outcome
 * sheet prefilled from the guide (LotsOutcomeDialog), saved to the case
 * log in one keystroke. A case starts with the first keystroke, with
 * Ctrl+N, or from the telephony system (lots_window_new_case()), which also
 * names the caller's queue: its area is boosted in the search and
 * preselected in the outcome, and its most used guides and articles are on
 * the start page before anything is typed.
 *
 * A search that finds nothing and is left standing (the handler stopped
 * typing for a moment, or pressed Enter) is recorded, scrubbed, in the case
 * log: these are the content gaps publishers see in the report.
 *
 * The window owns no data: the index, the guides, the references and the
 * background sync and upload belong to the application.
 */
#define G_LOG_DOMAIN "lots-window"

#include "config.h"

#include "lots-window.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lots-area.h"
#include "lots-article-view.h"
#include "lots-case-bar.h"
#include "lots-caselog.h"
#include "lots-coach-page.h"
#include "lots-guide-library.h"
#include "lots-guide-panel.h"
#include "lots-outcome-dialog.h"
#include "lots-preferences-dialog.h"
#include "lots-publisher-page.h"
#include "lots-result-row.h"
#include "lots-stats-page.h"

/* How long a search that found nothing must stand before it counts as a
 * content gap rather than a word on its way. */
#define EMPTY_SEARCH_SETTLE_MS 2500
/* How long a keystroke waits for its search's answer before GTK paints it:
 * in time, the letter and the results it brings appear in one frame. Well
 * under a frame (16.7 ms at 60 Hz), so that typing never feels held back;
 * a slower answer is drawn when it comes. */
#define SEARCH_FRAME_BUDGET_US 10000

/* The city's phone menu sorts callers into these queues (issue 6); each
 * names the area a case from it starts in. An area id works as a queue
 * name too. */
static const struct {
  const char *queue;
  const char *area;
} queues[] = {
  { "Sociala frågor", "social" },
  { "Skolfrågor", "skola" },
  { "Samhällsbyggnadsfrågor", "samhallsbyggnad" },
  { "Övriga frågor", "allmant" },
};

struct _LotsWindow
{
  AdwApplicationWindow parent_instance;

  LotsApplication *app;           /* weak: the window's application */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewStack *view_stack;
  GtkMenuButton *sync_button;
  GtkSpinner *sync_spinner;
  GtkImage *sync_icon;
  GtkLabel *sync_label;
  GtkLabel *sync_summary;
  GtkProgressBar *sync_progress;
  GtkListBox *sync_sources;
  GtkLabel *upload_summary;
  GtkSearchEntry *search_entry;
  GtkDropDown *area_dropdown;
  GtkButton *suggested_guide_button;
  GtkStack *results_stack;
  GtkLabel *start_title;
  GtkListBox *start_list;
  GtkLabel *results_note;
  GtkListBox *results_list;
  AdwStatusPage *nothing_page;
  AdwStatusPage *status_page;
  GtkStack *article_stack;
  AdwBin *article_slot;
  AdwBin *guide_slot;
  AdwBin *stats_slot;
  AdwBin *coach_slot;
  AdwBin *publisher_slot;
  AdwBin *case_slot;

  /* Pages built by other files */
  LotsArticleView *article_view;
  LotsGuidePanel *guide_panel;
  LotsCaseBar *case_bar;
  LotsStatsPage *stats_page;
  LotsCoachPage *coach_page;
  LotsPublisherPage *publisher_page;
  gboolean coach_ready;           /* the coach page has its guides */

  GPtrArray *area_ids;            /* char *: the dropdown's areas, [0] = all */
  GCancellable *fetch_cancellable;
  char *shown_id;                 /* the article shown, or NULL */
  char *shown_lang;
  LotsGuide *suggested_guide;     /* borrowed from the application */

  /* The running case */
  LotsCase *draft;                /* NULL when no case runs */
  char *case_area;                /* the queue's area, or NULL */
  GHashTable *recorded_gaps;      /* queries recorded as content gaps */

  char *pending_gap;              /* a search that found nothing, settling */
  char *pending_gap_area;
  guint gap_timeout;

  LotsOutcomeDialog *outcome_dialog; /* weak: the sheet open, or NULL */

  guint n_searches;               /* answers shown, for tests */
};

G_DEFINE_FINAL_TYPE (LotsWindow, lots_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_N_SEARCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void search_now (LotsWindow *self);
static void open_article (LotsWindow *self, const char *id, const char *lang);

/* --- helpers ------------------------------------------------------------- */

static const char *
area_title (LotsWindow *self,
            const char *id)
{
  GPtrArray *areas = self->app != NULL ? lots_application_get_areas (self->app) : NULL;
  const LotsArea *area = areas != NULL && id != NULL ? lots_areas_find (areas, id) : NULL;

  return area != NULL ? area->title : id;
}

static const char *
selected_area (LotsWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_dropdown);

  if (self->area_ids == NULL || selected == 0 || selected >= self->area_ids->len)
    return NULL;
  return g_ptr_array_index (self->area_ids, selected);
}

static void
toast (LotsWindow *self,
       const char *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* --- the case ------------------------------------------------------------ */

static const char *
queue_area (const char *queue)
{
  if (queue == NULL || *queue == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    if (g_utf8_collate (queues[i].queue, queue) == 0 ||
        g_ascii_strcasecmp (queues[i].queue, queue) == 0)
      return queues[i].area;
  return NULL;
}

static void
start_case (LotsWindow *self,
            const char *channel,
            const char *area)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_clear_pointer (&self->draft, lots_case_free);
  self->draft = lots_case_new ();
  self->draft->started_at = g_date_time_to_unix (now);
  self->draft->channel = g_strdup (channel != NULL && *channel != '\0' ? channel : "telefon");
  self->draft->area = g_strdup (area);
  g_free (self->case_area);
  self->case_area = g_strdup (area);
  g_hash_table_remove_all (self->recorded_gaps);
  lots_case_bar_start (self->case_bar, now, self->draft->channel, area_title (self, area));
}

static void
ensure_case (LotsWindow *self)
{
  if (self->draft == NULL)
    start_case (self, "telefon", NULL);
}

/* --- content gaps -------------------------------------------------------- */

typedef struct {
  char *filename;
  char *query;
  char *area;
} GapData;

static void
gap_data_free (GapData *data)
{
  g_free (data->filename);
  g_free (data->query);
  g_free (data->area);
  g_free (data);
}

static void
record_gap_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GapData *data = task_data;
  g_autoptr(LotsCaselog) log = NULL;
  GError *error = NULL;

  log = lots_caselog_open (data->filename, &error);
  if (log == NULL || !lots_caselog_add_empty_search (log, data->query, data->area, "sv", &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
record_gap_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("a search that found nothing could not be recorded: %s", error->message);
}

static void
record_gap (LotsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GapData *data;

  g_clear_handle_id (&self->gap_timeout, g_source_remove);
  if (self->pending_gap == NULL || self->app == NULL)
    return;
  if (!g_hash_table_add (self->recorded_gaps, g_strdup (self->pending_gap)))
    {
      g_clear_pointer (&self->pending_gap, g_free);
      return;
    }
  data = g_new0 (GapData, 1);
  data->filename = g_strdup (lots_application_get_caselog_filename (self->app));
  data->query = g_steal_pointer (&self->pending_gap);
  data->area = g_steal_pointer (&self->pending_gap_area);
  task = g_task_new (NULL, NULL, record_gap_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) gap_data_free);
  g_task_run_in_thread (task, record_gap_thread);
}

static gboolean
on_gap_timeout (gpointer user_data)
{
  LotsWindow *self = user_data;

  self->gap_timeout = 0;
  record_gap (self);
  return G_SOURCE_REMOVE;
}

static void
settle_gap (LotsWindow *self,
            const char *query)
{
  g_clear_handle_id (&self->gap_timeout, g_source_remove);
  g_clear_pointer (&self->pending_gap, g_free);
  g_clear_pointer (&self->pending_gap_area, g_free);
  if (query == NULL)
    return;
  self->pending_gap = g_strstrip (g_strdup (query));
  self->pending_gap_area = g_strdup (selected_area (self) != NULL ? selected_area (self) : self->case_area);
  self->gap_timeout = g_timeout_add (EMPTY_SEARCH_SETTLE_MS, on_gap_timeout, self);
}

/* --- the suggested guide ------------------------------------------------- */

static gboolean
word_matches (const char *word,
              const char *keyword)
{
  gsize n = strlen (word);

  if (n < 4)
    return g_str_equal (word, keyword);
  return g_str_has_prefix (keyword, word) || g_str_has_prefix (word, keyword);
}

/* The guide whose keywords and title best match the words typed: a guide
 * owner's keywords say which questions it is for. */
static LotsGuide *
suggest_guide (LotsWindow *self,
               const char *query)
{
  GPtrArray *guides = self->app != NULL ? lots_application_get_guides (self->app) : NULL;
  g_autofree char *folded = g_utf8_casefold (query, -1);
  g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", folded, 0, 0);
  LotsGuide *best = NULL;
  guint best_score = 0;

  for (guint i = 0; guides != NULL && i < guides->len; i++)
    {
      LotsGuide *guide = g_ptr_array_index (guides, i);
      GStrv keywords = lots_guide_get_keywords (guide);
      g_autofree char *title = g_utf8_casefold (lots_guide_get_title (guide), -1);
      g_auto(GStrv) title_words = g_regex_split_simple ("[^[:alnum:]]+", title, 0, 0);
      guint score = 0;

      for (guint w = 0; words[w] != NULL; w++)
        {
          if (strlen (words[w]) < 3)
            continue;
          for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
            {
              g_autofree char *keyword = g_utf8_casefold (keywords[k], -1);

              if (word_matches (words[w], keyword))
                score += 2;
            }
          for (guint t = 0; title_words[t] != NULL; t++)
            if (strlen (title_words[t]) >= 4 && word_matches (words[w], title_words[t]))
              score += 1;
        }
      if (score > best_score)
        {
          best = guide;
          best_score = score;
        }
    }
  return best;
}

static void
show_suggested_guide (LotsWindow *self,
                      LotsGuide  *guide)
{
  g_autofree char *label = NULL;

  self->suggested_guide = guide;
  gtk_widget_set_visible (GTK_WIDGET (self->suggested_guide_button), guide != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-suggested-guide", guide != NULL);
  if (guide == NULL)
    return;
  /* Translators: the button that starts the guide suggested for the words
   * typed; %s is the guide's title. */
  label = g_strdup_printf (_("Start guide: %s"), lots_guide_get_title (guide));
  gtk_button_set_label (self->suggested_guide_button, label);
  lots_guide_panel_set_suggested (self->guide_panel, lots_guide_get_id (guide));
}

static void
start_guide (LotsWindow *self,
             LotsGuide  *guide)
{
  g_autoptr(GError) error = NULL;

  ensure_case (self);
  if (!lots_guide_panel_start (self->guide_panel, guide,
                               lots_application_get_guide_revision (self->app, guide), &error))
    toast (self, error->message);
}

/* --- search -------------------------------------------------------------- */

static void
select_row (LotsWindow    *self,
            GtkListBoxRow *row)
{
  gtk_list_box_select_row (self->results_list, row);
  if (row != NULL)
    {
      /* Keep the selected row in view while the focus stays in the entry. */
      GtkAdjustment *adj = gtk_list_box_get_adjustment (self->results_list);
      graphene_rect_t bounds;

      if (adj != NULL && gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->results_list), &bounds))
        {
          double value = gtk_adjustment_get_value (adj);
          double page = gtk_adjustment_get_page_size (adj);

          if (bounds.origin.y < value)
            gtk_adjustment_set_value (adj, bounds.origin.y);
          else if (bounds.origin.y + bounds.size.height > value + page)
            gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
        }
    }
}

static void
show_results (LotsWindow             *self,
              const char             *query,
              const LotsSearchResult *result)
{
  g_autofree char *note = NULL;

  /* The rows of the last answer are reused: a keystroke changes labels,
   * it does not build widgets. */
  for (guint i = 0; i < result->hits->len; i++)
    {
      const LotsSearchHit *hit = g_ptr_array_index (result->hits, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results_list, (int) i);

      if (row != NULL)
        lots_result_row_set_hit (LOTS_RESULT_ROW (row), hit, area_title (self, hit->area), hit->source);
      else
        gtk_list_box_append (self->results_list,
                             lots_result_row_new (hit, area_title (self, hit->area), hit->source));
    }
  for (GtkListBoxRow *extra; (extra = gtk_list_box_get_row_at_index (self->results_list, (int) result->hits->len)) != NULL; )
    gtk_list_box_remove (self->results_list, GTK_WIDGET (extra));

  if (result->hits->len == 0)
    {
      g_autofree char *description =
        /* Translators: %s is what the handler typed. */
        g_markup_printf_escaped (_("No article matches “%s”. Try another word, or a guide from the list on the right. "
                                   "The search is saved for the publishers as a gap in the knowledge base."),
                                 query);

      adw_status_page_set_description (self->nothing_page, description);
      gtk_stack_set_visible_child_name (self->results_stack, "nothing");
      settle_gap (self, query);
      return;
    }

  settle_gap (self, NULL);
  if (result->suggestion != NULL)
    /* Translators: shown above the results when the words typed were
     * misspelt; %s is the corrected query. */
    note = g_strdup_printf (_("Showing results for “%s”"), result->suggestion);
  else if (result->relaxed)
    note = g_strdup (_("No article has every word; these have some of them"));
  gtk_label_set_text (self->results_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->results_note), note != NULL);
  gtk_stack_set_visible_child_name (self->results_stack, "results");
  select_row (self, gtk_list_box_get_row_at_index (self->results_list, 0));
  gtk_adjustment_set_value (gtk_list_box_get_adjustment (self->results_list), 0);
}

static void
search_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LotsWindow) self = user_data;
  g_autoptr(LotsSearchResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *query;

  answer = lots_search_controller_search_finish (LOTS_SEARCH_CONTROLLER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->app == NULL)
    return;   /* a newer keystroke's answer is on its way */

  query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (answer == NULL)
    {
      g_warning ("search: %s", error->message);
      adw_status_page_set_description (self->nothing_page, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "nothing");
      return;
    }
  self->n_searches++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SEARCHES]);
  show_results (self, query, answer);
}

static void
search_now (LotsWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  LotsSearchController *search;

  if (self->app == NULL || lots_application_get_loading (self->app) ||
      lots_application_get_index (self->app) == NULL)
    return;

  if (*stripped == '\0')
    {
      settle_gap (self, NULL);
      show_suggested_guide (self, NULL);
      gtk_stack_set_visible_child_name (self->results_stack, "start");
      return;
    }
  ensure_case (self);
  search = lots_application_get_search (self->app);
  lots_search_controller_search_async (search, query, selected_area (self),
                                       self->case_area, "sv",
                                       search_done, g_object_ref (self));
  /* The guide suggestion is worked out while the search runs. */
  show_suggested_guide (self, suggest_guide (self, stripped));
  lots_search_controller_wait (search, SEARCH_FRAME_BUDGET_US);
}

static void
on_search_entry_search_changed (GtkSearchEntry *entry,
                                LotsWindow     *self)
{
  search_now (self);
}

static void
on_area_dropdown_notify_selected (LotsWindow *self)
{
  search_now (self);
}

/* Enter: the selected result (the first one unless the arrows moved). */
static void
on_search_entry_activate (GtkSearchEntry *entry,
                          LotsWindow     *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "nothing") == 0)
    {
      record_gap (self);
      return;
    }
  if (row == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "results") != 0)
    return;
  open_article (self, lots_result_row_get_id (LOTS_RESULT_ROW (row)),
                lots_result_row_get_lang (LOTS_RESULT_ROW (row)));
}

/* Escape in the entry clears it: the next call starts from nothing. */
static void
on_search_entry_stop_search (GtkSearchEntry *entry,
                             LotsWindow     *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Up and Down in the entry move through the results, so that the handler
 * never has to leave the entry to pick one. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       LotsWindow            *self)
{
  GtkListBoxRow *row, *next;
  int index;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_KP_Up)
    return GDK_EVENT_PROPAGATE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "results") != 0)
    return GDK_EVENT_PROPAGATE;

  row = gtk_list_box_get_selected_row (self->results_list);
  index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  index += (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) ? 1 : -1;
  next = gtk_list_box_get_row_at_index (self->results_list, MAX (index, 0));
  if (next != NULL)
    select_row (self, next);
  return GDK_EVENT_STOP;
}

static void
on_results_list_row_activated (GtkListBox    *list,
                               GtkListBoxRow *row,
                               LotsWindow    *self)
{
  open_article (self, lots_result_row_get_id (LOTS_RESULT_ROW (row)),
                lots_result_row_get_lang (LOTS_RESULT_ROW (row)));
}

/* --- articles ------------------------------------------------------------ */

static void
fetch_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LotsWindow) self = user_data;
  g_autoptr(LotsFetchedArticle) fetched = NULL;
  g_autoptr(GError) error = NULL;

  fetched = lots_search_controller_fetch_finish (LOTS_SEARCH_CONTROLLER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->app == NULL)
    return;
  if (fetched == NULL)
    {
      toast (self, error->message);
      return;
    }

  lots_article_view_show (self->article_view, fetched->article, fetched->source_id,
                          fetched->revision, NULL, NULL,
                          (const char * const *) fetched->other_langs);
  gtk_stack_set_visible_child_name (self->article_stack, "article");
  g_free (self->shown_id);
  self->shown_id = g_strdup (fetched->article->id);
  g_free (self->shown_lang);
  self->shown_lang = g_strdup (fetched->article->lang);

  /* What we told the caller, and at which revision. */
  ensure_case (self);
  lots_case_add_article (self->draft, fetched->article->id, fetched->revision);
}

static void
open_article (LotsWindow *self,
              const char *id,
              const char *lang)
{
  if (id == NULL || self->app == NULL)
    return;
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  self->fetch_cancellable = g_cancellable_new ();
  lots_search_controller_fetch_async (lots_application_get_search (self->app), id, lang,
                                      self->fetch_cancellable, fetch_done, g_object_ref (self));
}

static void
on_open_article (LotsWindow *self,
                 const char *id)
{
  open_article (self, id, NULL);
}

static void
on_open_translation (LotsWindow *self,
                     const char *id,
                     const char *lang)
{
  open_article (self, id, lang);
}

/* --- the start page: the queue's guides ---------------------------------- */

/* What the queue's calls used most in the last 30 days: the guides, and
 * the articles opened, counted from the case log in a thread. */
#define MOST_USED_DAYS 30
#define MOST_USED_ARTICLES 5

typedef struct {
  char *filename;
  char *area;
} UsageQuery;

static void
usage_query_free (UsageQuery *query)
{
  g_free (query->filename);
  g_free (query->area);
  g_free (query);
}

typedef struct {
  char *id;
  guint count;
} Usage;

static int
compare_usage (gconstpointer a,
               gconstpointer b)
{
  const Usage *x = *(const Usage **) a, *y = *(const Usage **) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

static void
usage_free (Usage *usage)
{
  g_free (usage->id);
  g_free (usage);
}

static GPtrArray *
rank (GHashTable *counts)
{
  GPtrArray *ranked = g_ptr_array_new_with_free_func ((GDestroyNotify) usage_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Usage *usage = g_new0 (Usage, 1);

      usage->id = g_strdup (key);
      usage->count = GPOINTER_TO_UINT (value);
      g_ptr_array_add (ranked, usage);
    }
  g_ptr_array_sort (ranked, compare_usage);
  return ranked;
}

static void
count (GHashTable *counts,
       const char *id)
{
  if (id != NULL)
    g_hash_table_insert (counts, g_strdup (id),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1));
}

/* Returns [guides ranked, articles ranked] (Usage). A journal that does
 * not exist yet has no history: nothing is created to read it. */
static void
usage_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  UsageQuery *query = task_data;
  g_autoptr(GHashTable) guides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  if (g_file_test (query->filename, G_FILE_TEST_EXISTS))
    {
      g_autoptr(LotsCaselog) log = lots_caselog_open (query->filename, NULL);
      g_autoptr(GPtrArray) cases = NULL;
      gint64 since = g_get_real_time () / G_USEC_PER_SEC - MOST_USED_DAYS * 24 * 3600;

      if (log != NULL)
        cases = lots_caselog_list (log, since, NULL);
      for (guint i = 0; cases != NULL && i < cases->len; i++)
        {
          const LotsCase *c = g_ptr_array_index (cases, i);

          if (g_strcmp0 (c->area, query->area) != 0)
            continue;
          count (guides, c->guide);
          for (guint j = 0; j < c->articles->len; j++)
            count (articles, ((LotsCaseArticle *) g_ptr_array_index (c->articles, j))->id);
        }
    }
  g_ptr_array_add (both, rank (guides));
  g_ptr_array_add (both, rank (articles));
  g_task_return_pointer (task, g_steal_pointer (&both), (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
start_row_new (const char *title,
               const char *subtitle,
               const char *icon,
               const char *kind,
               const char *id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "lots-kind", g_strdup (kind), g_free);
  g_object_set_data_full (G_OBJECT (row), "lots-id", g_strdup (id), g_free);
  return row;
}

static void
fetch_title_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWidget) row = user_data;
  g_autoptr(LotsFetchedArticle) fetched = lots_search_controller_fetch_finish (LOTS_SEARCH_CONTROLLER (object),
                                                                               result, NULL);

  if (fetched == NULL)
    {
      /* Gone from the knowledge base since: not offered. */
      if (gtk_widget_get_parent (row) != NULL)
        gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
      return;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fetched->article->title);
}

static LotsGuide *
find_guide (LotsWindow *self,
            const char *id)
{
  GPtrArray *guides = self->app != NULL ? lots_application_get_guides (self->app) : NULL;

  for (guint i = 0; guides != NULL && i < guides->len; i++)
    if (g_strcmp0 (lots_guide_get_id (g_ptr_array_index (guides, i)), id) == 0)
      return g_ptr_array_index (guides, i);
  return NULL;
}

static void
usage_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LotsWindow) self = user_data;
  g_autoptr(GPtrArray) both = g_task_propagate_pointer (G_TASK (result), NULL);
  GPtrArray *guides = self->app != NULL ? lots_application_get_guides (self->app) : NULL;
  GPtrArray *used_guides, *used_articles;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  const char *area = g_task_get_task_data (G_TASK (result)) != NULL
                     ? ((UsageQuery *) g_task_get_task_data (G_TASK (result)))->area : NULL;

  if (both == NULL || self->app == NULL || g_strcmp0 (area, self->case_area) != 0)
    return;   /* cancelled, or another queue's call came in meanwhile */
  used_guides = g_ptr_array_index (both, 0);
  used_articles = g_ptr_array_index (both, 1);
  clear_list (self->start_list);

  /* The queue's guides, the most used first, then the rest of its own. */
  for (guint i = 0; i < used_guides->len; i++)
    {
      const Usage *usage = g_ptr_array_index (used_guides, i);
      LotsGuide *guide = find_guide (self, usage->id);
      g_autofree char *subtitle = NULL;

      if (guide == NULL || g_hash_table_contains (shown, usage->id))
        continue;
      /* Translators: under a guide's title on the start page. */
      subtitle = g_strdup_printf (ngettext ("Call guide · used in %u call the last 30 days",
                                            "Call guide · used in %u calls the last 30 days", usage->count),
                                  usage->count);
      gtk_list_box_append (self->start_list,
                           start_row_new (lots_guide_get_title (guide), subtitle,
                                          "view-list-bullet-symbolic", "guide", lots_guide_get_id (guide)));
      g_hash_table_add (shown, (gpointer) lots_guide_get_id (guide));
    }
  for (guint i = 0; guides != NULL && i < guides->len; i++)
    {
      LotsGuide *guide = g_ptr_array_index (guides, i);

      if (g_strcmp0 (lots_guide_get_area (guide), area) != 0 ||
          g_hash_table_contains (shown, lots_guide_get_id (guide)))
        continue;
      gtk_list_box_append (self->start_list,
                           start_row_new (lots_guide_get_title (guide), _("Call guide"),
                                          "view-list-bullet-symbolic", "guide", lots_guide_get_id (guide)));
    }

  /* The articles its calls opened most; titles read from the index. */
  for (guint i = 0; i < used_articles->len && i < MOST_USED_ARTICLES; i++)
    {
      const Usage *usage = g_ptr_array_index (used_articles, i);
      g_autofree char *subtitle =
        /* Translators: under an article's title on the start page. */
        g_strdup_printf (ngettext ("Article · opened in %u call the last 30 days",
                                   "Article · opened in %u calls the last 30 days", usage->count),
                         usage->count);
      GtkWidget *row = start_row_new (usage->id, subtitle, "text-x-generic-symbolic", "article", usage->id);

      gtk_list_box_append (self->start_list, row);
      lots_search_controller_fetch_async (lots_application_get_search (self->app), usage->id, NULL, NULL,
                                          fetch_title_done, g_object_ref (row));
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->start_list)) == NULL)
    gtk_label_set_text (self->start_title, _("Type what the caller asks about"));
}

/* The start page, before anything is typed: for a call from a queue, the
 * guides and articles its calls use most; otherwise a hint. */
static void
fill_start_page (LotsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;
  UsageQuery *query;

  clear_list (self->start_list);
  gtk_widget_set_visible (GTK_WIDGET (self->start_list), self->case_area != NULL);
  if (self->case_area == NULL || self->app == NULL || lots_application_get_loading (self->app))
    {
      gtk_label_set_text (self->start_title, _("Type what the caller asks about. The call guides are in the panel on the right."));
      return;
    }
  /* Translators: %s is a service area, e.g. "Sociala frågor". */
  title = g_strdup_printf (_("Most used for %s"), area_title (self, self->case_area));
  gtk_label_set_text (self->start_title, title);

  query = g_new0 (UsageQuery, 1);
  query->filename = g_strdup (lots_application_get_caselog_filename (self->app));
  query->area = g_strdup (self->case_area);
  task = g_task_new (NULL, NULL, usage_done, g_object_ref (self));
  g_task_set_task_data (task, query, (GDestroyNotify) usage_query_free);
  g_task_run_in_thread (task, usage_thread);
}

static void
on_start_list_row_activated (GtkListBox    *list,
                             GtkListBoxRow *row,
                             LotsWindow    *self)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "lots-kind");
  const char *id = g_object_get_data (G_OBJECT (row), "lots-id");
  LotsGuide *guide;

  if (g_strcmp0 (kind, "article") == 0)
    {
      open_article (self, id, NULL);
      return;
    }
  if ((guide = find_guide (self, id)) != NULL)
    start_guide (self, guide);
}

/* --- sync status in the header ------------------------------------------- */

static const char *
sync_status_text (LotsSyncStatus status)
{
  switch (status)
    {
    case LOTS_SYNC_UP_TO_DATE:
      return _("Up to date");
    case LOTS_SYNC_ACCEPTED:
      return _("New version accepted");
    case LOTS_SYNC_QUARANTINED:
      return _("New version held back");
    case LOTS_SYNC_OFFLINE:
      return _("Could not be reached");
    case LOTS_SYNC_FAILED:
    default:
      return _("Failed");
    }
}

static void
show_sync_state (LotsWindow *self)
{
  LotsBackground *background = lots_application_get_background (self->app);
  GPtrArray *results = lots_background_get_sync_results (background);
  gint64 last = lots_background_get_last_sync (background);
  guint pending = lots_background_get_pending (background);
  gboolean syncing = lots_background_get_syncing (background);
  gboolean offline = lots_background_get_offline (background);
  const char *upload_error = lots_background_get_upload_error (background);
  guint n_held = 0;
  g_autofree char *label = NULL;
  g_autofree char *upload = NULL;

  for (guint i = 0; results != NULL && i < results->len; i++)
    if (((LotsSyncResult *) g_ptr_array_index (results, i))->status == LOTS_SYNC_QUARANTINED)
      n_held++;

  gtk_spinner_set_spinning (self->sync_spinner, syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_spinner), syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_icon), !syncing);
  gtk_widget_remove_css_class (GTK_WIDGET (self->sync_button), "warning");
  if (syncing)
    label = g_strdup (_("Syncing…"));
  else if (offline)
    {
      label = g_strdup (_("Offline"));
      gtk_image_set_from_icon_name (self->sync_icon, "network-offline-symbolic");
    }
  else if (n_held > 0)
    {
      label = g_strdup (_("Held back"));
      gtk_image_set_from_icon_name (self->sync_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->sync_button), "warning");
    }
  else if (last > 0)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (last);
      g_autofree char *time = g_date_time_format (at, "%H:%M");

      /* Translators: %s is a time of day, e.g. 14:32. */
      label = g_strdup_printf (_("Synced %s"), time);
      gtk_image_set_from_icon_name (self->sync_icon, "emblem-synchronizing-symbolic");
    }
  else
    label = g_strdup (_("Not synced"));
  gtk_label_set_text (self->sync_label, label);
  gtk_label_set_text (self->sync_summary, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  /* One row per source, with why a version was held back. */
  clear_list (self->sync_sources);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      const LotsSyncResult *r = g_ptr_array_index (results, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GString) subtitle = g_string_new (sync_status_text (r->status));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     r->name != NULL && *r->name != '\0' ? r->name : _("Sync"));
      if (r->message != NULL)
        g_string_append_printf (subtitle, "\n%s", r->message);
      for (guint j = 0; r->reasons != NULL && j < r->reasons->len; j++)
        g_string_append_printf (subtitle, "\n%s", (const char *) g_ptr_array_index (r->reasons, j));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (r->status == LOTS_SYNC_QUARANTINED || r->status == LOTS_SYNC_FAILED)
        gtk_widget_add_css_class (row, "lots-held-back");
      gtk_list_box_append (self->sync_sources, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sync_sources), results != NULL && results->len > 0);

  if (upload_error != NULL)
    /* Translators: %u outcomes wait; %s says why the upload failed. */
    upload = g_strdup_printf (ngettext ("%u outcome waits for upload: %s",
                                        "%u outcomes wait for upload: %s", pending),
                              pending, upload_error);
  else if (pending > 0)
    upload = g_strdup_printf (ngettext ("%u outcome waits for upload",
                                        "%u outcomes wait for upload", pending), pending);
  else
    upload = g_strdup (_("Every outcome is uploaded"));
  gtk_label_set_text (self->upload_summary, upload);
  lots_case_bar_set_pending (self->case_bar, pending);
}

static void
on_background_notify (LotsWindow *self)
{
  LotsBackground *background = lots_application_get_background (self->app);
  double progress = lots_background_get_progress (background);
  g_autofree char *text = lots_background_dup_progress_text (background);

  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress), text != NULL);
  if (text != NULL)
    {
      gtk_progress_bar_set_fraction (self->sync_progress, progress);
      gtk_progress_bar_set_text (self->sync_progress, text);
    }
  show_sync_state (self);
}

static void
on_background_sync_finished (LotsWindow     *self,
                             guint           n_accepted,
                             LotsBackground *background)
{
  if (n_accepted > 0)
    {
      /* Translators: a sync brought new articles or guides. */
      g_autofree char *text = g_strdup_printf (ngettext ("New guidance arrived from %u source",
                                                         "New guidance arrived from %u sources", n_accepted),
                                               n_accepted);

      toast (self, text);
      /* The same words may find new articles now. */
      search_now (self);
    }
}

static void
on_guides_changed (LotsWindow *self)
{
  lots_guide_panel_set_guides (self->guide_panel, lots_application_get_guides (self->app));
  if (self->coach_ready)
    lots_coach_page_set_guides (self->coach_page, lots_application_get_coach_libraries (self->app), NULL);
  fill_start_page (self);
}

/* --- pages built on demand ---------------------------------------------- */

/* Builds the page now visible if it is not built yet, and gives it its
 * data once the application has loaded (GtkSourceView, the charts and the
 * file monitors cost a few hundred milliseconds of start-up otherwise). */
static void
ensure_page (LotsWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean loaded = self->app != NULL && !lots_application_get_loading (self->app) &&
                    lots_application_get_index (self->app) != NULL;

  if (g_strcmp0 (name, "stats") == 0)
    {
      if (self->stats_page == NULL)
        {
          self->stats_page = lots_stats_page_new ();
          adw_bin_set_child (self->stats_slot, GTK_WIDGET (self->stats_page));
        }
      if (loaded && lots_stats_page_get_caselog_filename (self->stats_page) == NULL)
        lots_stats_page_set_caselog_filename (self->stats_page, lots_application_get_caselog_filename (self->app));
    }
  else if (g_strcmp0 (name, "coach") == 0)
    {
      if (self->coach_page == NULL)
        {
          self->coach_page = lots_coach_page_new ();
          adw_bin_set_child (self->coach_slot, GTK_WIDGET (self->coach_page));
        }
      if (loaded && !self->coach_ready)
        {
          self->coach_ready = TRUE;
          lots_coach_page_set_caselog_filename (self->coach_page, lots_application_get_caselog_filename (self->app));
          lots_coach_page_set_guides (self->coach_page, lots_application_get_coach_libraries (self->app), NULL);
        }
    }
  else if (g_strcmp0 (name, "publish") == 0 && self->publisher_page == NULL)
    {
      self->publisher_page = lots_publisher_page_new ();
      adw_bin_set_child (self->publisher_slot, GTK_WIDGET (self->publisher_page));
    }
}

/* --- the state of the knowledge base ------------------------------------- */

static void
show_index_error (LotsWindow   *self,
                  const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  g_autofree char *description =
    g_strdup_printf (_("%s\n\nCheck that the data folder exists and can be written to, and start Lots again. "
                       "If that does not help, call IT support and tell them what it says here."),
                     escaped);

  adw_view_switcher_title_set_subtitle (self->switcher_title, _("The knowledge base could not be opened"));
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("The knowledge base could not be opened"));
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->results_stack, "status");
}

static void
fill_areas (LotsWindow *self)
{
  GPtrArray *areas = lots_application_get_areas (self->app);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->area_ids, NULL);
  gtk_string_list_append (titles, _("All service areas"));
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      const LotsArea *area = g_ptr_array_index (areas, i);

      g_ptr_array_add (self->area_ids, g_strdup (area->id));
      gtk_string_list_append (titles, area->title);
    }
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->area_dropdown, 0);
}

static void
show_index_state (LotsWindow *self)
{
  const GError *error = lots_application_get_index_error (self->app);
  g_autofree char *subtitle = NULL;
  guint n;

  if (lots_application_get_loading (self->app))
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("Loading the knowledge base…"));
      adw_status_page_set_title (self->status_page, _("Loading the knowledge base…"));
      gtk_stack_set_visible_child_name (self->results_stack, "status");
      return;
    }
  if (error != NULL)
    {
      show_index_error (self, error);
      return;
    }
  n = lots_application_get_n_builtin_articles (self->app);
  subtitle = g_strdup_printf (ngettext ("%u article in the built-in knowledge base",
                                        "%u articles in the built-in knowledge base", n),
                              n);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  fill_areas (self);
  lots_guide_panel_set_areas (self->guide_panel, lots_application_get_areas (self->app));
  lots_article_view_set_areas (self->article_view, lots_application_get_areas (self->app));
  on_guides_changed (self);
  /* A page shown while loading gets its data now. */
  ensure_page (self);
  gtk_stack_set_visible_child_name (self->results_stack, "start");
  /* The pages filled above may have taken the focus: the handler types. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* Typed while loading: search it now. */
  search_now (self);
}

/* --- actions ------------------------------------------------------------- */

/* win.focus-search (Ctrl+K): to the search entry, with its text selected so
 * that typing replaces the last query. */
static void
action_focus_search (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LotsWindow *self = LOTS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "call");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
action_new_case (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lots_window_new_case (LOTS_WINDOW (widget), NULL, NULL);
}

static void
on_outcome_saved (LotsWindow *self,
                  const char *id)
{
  LotsBackground *background = lots_application_get_background (self->app);

  g_clear_pointer (&self->draft, lots_case_free);
  g_clear_pointer (&self->case_area, g_free);
  lots_case_bar_stop (self->case_bar);
  lots_guide_panel_stop (self->guide_panel);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  lots_article_view_clear (self->article_view);
  gtk_stack_set_visible_child_name (self->article_stack, "empty");
  fill_start_page (self);
  toast (self, _("The case is saved"));
  lots_background_upload_soon (background);
  if (self->stats_page != NULL)
    lots_stats_page_refresh (self->stats_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* win.end-case (Ctrl+Enter): the outcome sheet, prefilled from the guide. */
static void
action_end_case (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LotsWindow *self = LOTS_WINDOW (widget);
  LotsGuideSession *session = lots_guide_panel_get_session (self->guide_panel);
  LotsOutcomeDialog *dialog;

  if (self->app == NULL || lots_application_get_references (self->app) == NULL)
    return;
  if (self->outcome_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->outcome_dialog));
      return;
    }
  ensure_case (self);
  /* A search left standing counts now. */
  record_gap (self);
  if (session != NULL)
    {
      g_autoptr(GPtrArray) path = lots_guide_session_dup_path (session);
      LotsGuide *guide = lots_guide_session_get_guide (session);

      lots_case_apply_guide_outcome (self->draft, lots_guide_get_id (guide),
                                     lots_guide_session_get_outcome (session), path);
      g_free (self->draft->guide_commit);
      self->draft->guide_commit = g_strdup (lots_guide_panel_get_commit (self->guide_panel));
    }
  if (self->draft->area == NULL)
    self->draft->area = g_strdup (self->case_area != NULL ? self->case_area : selected_area (self));
  if (lots_application_get_workstation (self->app) != NULL)
    {
      const LotsWorkstation *ws = lots_application_get_workstation (self->app);

      g_free (self->draft->handler);
      self->draft->handler = g_strdup (ws->handler_id);
      g_free (self->draft->workstation);
      self->draft->workstation = g_strdup (ws->workstation_id);
    }

  dialog = lots_outcome_dialog_new (GTK_WINDOW (self), self->draft,
                                    lots_application_get_references (self->app),
                                    lots_application_get_caselog_filename (self->app));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_outcome_saved), self, G_CONNECT_SWAPPED);
  self->outcome_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->outcome_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_sync_now (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LotsWindow *self = LOTS_WINDOW (widget);

  if (self->app != NULL)
    lots_background_sync_now (lots_application_get_background (self->app));
}

static void
action_show_page (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LotsWindow *self = LOTS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
action_start_suggested_guide (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LotsWindow *self = LOTS_WINDOW (widget);

  if (self->suggested_guide != NULL)
    start_guide (self, self->suggested_guide);
}

/* --- the start-up benchmark --------------------------------------------- */

/* LOTS_BENCH_FIRST_FRAME=1 (tests/bench/lots-bench-app.c): at the end of
 * the first frame painted, print the monotonic clock (the same clock in
 * every process, so the benchmark that started this one can subtract) and
 * exit. Nothing else happens differently. */
static void
on_first_after_paint (GdkFrameClock *clock,
                      LotsWindow    *self)
{
  g_print ("first-frame-monotonic-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
on_window_map_bench (LotsWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_after_paint), self);
}

/* --- GObject ------------------------------------------------------------- */

static void
bind_settings (LotsWindow *self,
               GSettings  *settings)
{
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

/* GtkWindow:application is set after construction (it is not a construct
 * property), so the window follows its application from here. A window
 * joins at most one LotsApplication in its life. */
static void
on_window_notify_application (LotsWindow *self,
                              GParamSpec *pspec,
                              gpointer    user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  LotsBackground *background;
  GSettings *settings;

  if (!LOTS_IS_APPLICATION (app))
    return;
  g_signal_handlers_disconnect_by_func (self, on_window_notify_application, user_data);
  self->app = LOTS_APPLICATION (app);
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &self->app);

  settings = lots_application_get_settings (self->app);
  if (settings != NULL)
    bind_settings (self, settings);
  g_signal_connect_object (app, "notify::loading", G_CALLBACK (show_index_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "guides-changed", G_CALLBACK (on_guides_changed), self, G_CONNECT_SWAPPED);

  background = lots_application_get_background (self->app);
  g_signal_connect_object (background, "notify", G_CALLBACK (on_background_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (background, "sync-finished",
                           G_CALLBACK (on_background_sync_finished), self, G_CONNECT_SWAPPED);
  show_sync_state (self);
  show_index_state (self);
}

static void
lots_window_dispose (GObject *object)
{
  LotsWindow *self = LOTS_WINDOW (object);

  g_clear_handle_id (&self->gap_timeout, g_source_remove);
  if (self->outcome_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->outcome_dialog), (gpointer *) &self->outcome_dialog);
  self->outcome_dialog = NULL;
  if (self->fetch_cancellable != NULL)
    g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  if (self->app != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->app), (gpointer *) &self->app);
  self->app = NULL;

  /* libadwaita 1.2 warns when a view stack goes before its switchers. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_WINDOW);

  G_OBJECT_CLASS (lots_window_parent_class)->dispose (object);
}

static void
lots_window_finalize (GObject *object)
{
  LotsWindow *self = LOTS_WINDOW (object);

  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_clear_pointer (&self->draft, lots_case_free);
  g_clear_pointer (&self->recorded_gaps, g_hash_table_unref);
  g_free (self->case_area);
  g_free (self->pending_gap);
  g_free (self->pending_gap_area);
  g_free (self->shown_id);
  g_free (self->shown_lang);

  G_OBJECT_CLASS (lots_window_parent_class)->finalize (object);
}

static void
lots_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LotsWindow *self = LOTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_N_SEARCHES:
      g_value_set_uint (value, self->n_searches);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_window_class_init (LotsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_window_dispose;
  object_class->finalize = lots_window_finalize;
  object_class->get_property = lots_window_get_property;

  /* The number of search answers shown: notified as each one arrives,
   * before it is shown (tests and the benchmark wait on it). */
  properties[PROP_N_SEARCHES] =
    g_param_spec_uint ("n-searches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, sync_icon);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, sync_label);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, sync_summary);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, sync_sources);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, upload_summary);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, suggested_guide_button);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, start_title);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, start_list);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, results_note);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, nothing_page);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, article_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, article_slot);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, guide_slot);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, stats_slot);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, coach_slot);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, publisher_slot);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, case_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_start_list_row_activated);

  /* Their shortcuts are declared with the others, in lots-application.c,
   * except Alt+G, which only means something on this page. */
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, action_focus_search);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, action_new_case);
  gtk_widget_class_install_action (widget_class, "win.end-case", NULL, action_end_case);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, action_sync_now);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", action_show_page);
  gtk_widget_class_install_action (widget_class, "win.start-suggested-guide", NULL, action_start_suggested_guide);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_ALT_MASK, "win.start-suggested-guide", NULL);
}

static void
lots_window_init (LotsWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->recorded_gaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->article_view = lots_article_view_new ();
  adw_bin_set_child (self->article_slot, GTK_WIDGET (self->article_view));
  g_signal_connect_object (self->article_view, "open-article", G_CALLBACK (on_open_article), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "open-translation", G_CALLBACK (on_open_translation), self, G_CONNECT_SWAPPED);

  self->guide_panel = lots_guide_panel_new ();
  adw_bin_set_child (self->guide_slot, GTK_WIDGET (self->guide_panel));
  g_signal_connect_object (self->guide_panel, "open-article", G_CALLBACK (on_open_article), self, G_CONNECT_SWAPPED);

  self->case_bar = lots_case_bar_new ();
  adw_bin_set_child (self->case_slot, GTK_WIDGET (self->case_bar));

  /* The statistics, coach and preview pages are built when first shown:
   * the handler's first frame does not wait for them. */
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (ensure_page), self);

  g_signal_connect (self, "notify::application", G_CALLBACK (on_window_notify_application), NULL);
  if (g_getenv ("LOTS_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (on_window_map_bench), NULL);
  g_signal_connect_swapped (self->area_dropdown, "notify::selected",
                            G_CALLBACK (on_area_dropdown_notify_selected), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  /* Typing anywhere on the call page goes to the search, unless a guide
   * input or the note has the focus (they take their keys first). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->results_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-suggested-guide", FALSE);
}

/* --- public API ---------------------------------------------------------- */

/* A call arrives: a new case on CHANNEL ("" or NULL: telefon) from QUEUE
 * (a phone queue's name or an area id; "" or NULL: none), with its timer
 * running, the search focused and empty, and the queue's guides shown. A
 * case already running is not lost: the handler ends it first (its outcome
 * sheet opens). */
void
lots_window_new_case (LotsWindow *self,
                      const char *queue,
                      const char *channel)
{
  const char *area;

  g_return_if_fail (LOTS_IS_WINDOW (self));

  area = queue_area (queue);
  if (area == NULL && queue != NULL && *queue != '\0')
    {
      GPtrArray *areas = self->app != NULL ? lots_application_get_areas (self->app) : NULL;

      if (areas != NULL && lots_areas_find (areas, queue) != NULL)
        area = queue;
      else
        g_message ("unknown queue “%s”: the case starts without an area", queue);
    }
  if (self->draft != NULL && (self->draft->articles->len > 0 || lots_guide_panel_get_session (self->guide_panel) != NULL))
    toast (self, _("The previous case was not ended: its outcome sheet is open"));

  start_case (self, channel, area);
  lots_guide_panel_stop (self->guide_panel);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  lots_article_view_clear (self->article_view);
  gtk_stack_set_visible_child_name (self->article_stack, "empty");
  adw_view_stack_set_visible_child_name (self->view_stack, "call");
  fill_start_page (self);
  if (!lots_application_get_loading (self->app))
    gtk_stack_set_visible_child_name (self->results_stack, "start");
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
lots_window_show_preferences (LotsWindow *self)
{
  GtkWindow *dialog;

  g_return_if_fail (LOTS_IS_WINDOW (self));

  if (self->app == NULL)
    return;
  dialog = GTK_WINDOW (lots_preferences_dialog_new (GTK_WINDOW (self), lots_application_get_data_dir (self->app)));
  /* A source added or removed: sync now, so its guidance comes (or goes)
   * without waiting for the next round. */
  g_signal_connect_object (dialog, "sources-changed", G_CALLBACK (lots_background_sync_now),
                           lots_application_get_background (self->app), G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

/* For tests: the running case (borrowed; NULL when none) and the number of
 * search answers shown so far. */
const LotsCase *
lots_window_get_case (LotsWindow *self)
{
  g_return_val_if_fail (LOTS_IS_WINDOW (self), NULL);
  return self->draft;
}

guint
lots_window_get_n_searches (LotsWindow *self)
{
  g_return_val_if_fail (LOTS_IS_WINDOW (self), 0);
  return self->n_searches;
}

const char *
lots_window_get_shown_article (LotsWindow *self)
{
  g_return_val_if_fail (LOTS_IS_WINDOW (self), NULL);
  return self->shown_id;
}

LotsWindow *
lots_window_new (LotsApplication *application)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (application), NULL);

  return g_object_new (LOTS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

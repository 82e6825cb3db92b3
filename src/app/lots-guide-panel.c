/* lots-guide-panel.c — the call guide beside the search (see the header).
 *
 * The panel is a thin front on LotsGuideSession: every action (a choice,
 * an answer, Next, Back, Restart, a crumb of the path) calls the session
 * once and then redraws the whole step from the session's view. Keeping no
 * state of its own besides the session is what makes Back exact: the
 * session restores answers, flags and the proposed outcome, and the panel
 * only shows them.
 *
 * The keyboard flow must never break during a call, so after every step
 * the focus goes to what the handler does next (the first choice, the
 * entry, Next) and the keys that act on a step work from there: 1–9 are
 * class shortcuts of the panel (only when the focus is inside it, so that
 * digits typed in the search or an entry stay text), Alt+1…Alt+9 live in a
 * global shortcut controller so they work from anywhere in the window,
 * Back is Alt+Left and Restart Ctrl+Shift+R.
 *
 * A guide is code written by many authors: a computed step can fail at run
 * time. The session then leaves the handler on the step they were on and
 * returns a GError; the panel shows it, says what to do, and keeps
 * working. An answer the step refuses (LOTS_ERROR_INVALID_ARGUMENT) is the
 * handler's to correct, so it is shown under the entry instead.
 *
 * Unit details (name, phone) come from the guide's own source's table of
 * units (data/enheter.csv, LOTS_GUIDE_UNITS_TABLE) through its host, and
 * whether the unit is open from the host's clock, as the guide sees them.
 */
#define G_LOG_DOMAIN "lots-guide-panel"

#include "config.h"

#include "lots-guide-panel.h"
#include "lots-guide-row.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lots-area.h"
#include "lots-error.h"
#include "lots-table.h"

/* Crumbs longer than this are cut at a word, so the path stays readable. */
#define CRUMB_MAX_CHARS 36

struct _LotsGuidePanel
{
  AdwBin parent_instance;

  GPtrArray *guides;          /* LotsGuide *, borrowed */
  GPtrArray *areas;           /* LotsArea *, borrowed, or NULL */
  char *suggested;
  LotsGuideSession *session;
  char *commit;

  /* Template widgets */
  GtkBox *error_box;
  GtkLabel *error_title;
  GtkLabel *error_message;
  GtkLabel *error_hint;
  GtkStack *stack;
  GtkBox *chooser_page;
  GtkSearchEntry *filter_entry;
  GtkListBox *guide_list;
  GtkLabel *no_match_label;
  GtkBox *acute_banner;
  GtkLabel *acute_reason;
  GtkLabel *acute_refer;
  GtkLabel *guide_title;
  GtkButton *back_button;
  GtkLabel *breadcrumb;
  GtkLabel *text_label;
  GtkLabel *question_label;
  GtkBox *input_box;
  GtkEntry *input_entry;
  GtkLabel *input_error;
  GtkBox *choices_box;
  GtkButton *next_button;
  GtkBox *unit_box;
  GtkLabel *unit_name;
  GtkLabel *unit_phone;
  GtkLabel *unit_open;
  GtkBox *finished_box;
  GtkLabel *outcome_label;
  GtkBox *article_box;
  GtkButton *article_button;
  GtkLabel *article_label;
  GtkLabel *links_label;
};

enum {
  SIGNAL_OPEN_ARTICLE,
  SIGNAL_STEP_CHANGED,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LotsGuidePanel, lots_guide_panel, ADW_TYPE_BIN)

static void show_step (LotsGuidePanel *self);

/* ---- helpers -------------------------------------------------------------- */

static const char *
area_title (LotsGuidePanel *self,
            const char     *id)
{
  const LotsArea *area = lots_areas_find (self->areas, id);

  return area != NULL && area->title != NULL ? area->title : id;
}

/* Folded for matching: lowercase ASCII, so "hemtjanst" finds "Hemtjänst". */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");

  return g_ascii_strdown (ascii, -1);
}

static void
clear_error (LotsGuidePanel *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_box), FALSE);
}

/* Shows a guide's error where the handler cannot miss it, with what to do. */
static void
show_error (LotsGuidePanel *self,
            const char     *title,
            const GError   *error)
{
  gtk_label_set_text (self->error_title, title);
  gtk_label_set_text (self->error_message, error->message);
  gtk_label_set_text (self->error_hint,
                      _("You are still on the step you were on. Go back (Alt+Left) or restart the guide "
                        "(Ctrl+Shift+R); if it happens again, answer from the knowledge base and tell the "
                        "guide's owner what this message says."));
  gtk_widget_set_visible (GTK_WIDGET (self->error_box), TRUE);
}

/* TEXT cut to a crumb: before its first {fill-in} (a step's declared text
 * is not filled in), and at a word when it is long. NULL when nothing is
 * left. */
static char *
shorten (const char *text)
{
  g_autofree char *head = NULL;
  g_autofree char *cut_text = NULL;
  const char *brace;
  const char *space;

  if (text == NULL)
    return NULL;
  brace = strchr (text, '{');
  head = g_strstrip (brace != NULL ? g_strndup (text, brace - text) : g_strdup (text));
  if (*head == '\0')
    return NULL;
  if (g_utf8_strlen (head, -1) <= CRUMB_MAX_CHARS && brace == NULL)
    return g_steal_pointer (&head);
  cut_text = g_utf8_substring (head, 0, CRUMB_MAX_CHARS);
  space = strrchr (cut_text, ' ');
  if (space != NULL && space > cut_text && g_utf8_strlen (head, -1) > CRUMB_MAX_CHARS)
    cut_text[space - cut_text] = '\0';
  return g_strconcat (cut_text, "…", NULL);
}

/* What was answered at STEP on the way to the step NEXT_ID: the choice
 * that leads there (the one whose value was saved, when several do), or
 * the typed answer. NULL when the step only says something. */
static char *
answer_at (LotsGuideSession    *session,
           const LotsGuideStep *step,
           const char          *next_id)
{
  g_autofree char *saved = step->save ? lots_guide_session_dup_value (session, step->save) : NULL;
  const LotsGuideChoice *found = NULL;

  if (step->question != NULL)
    return g_steal_pointer (&saved);
  for (guint i = 0; i < step->choices->len; i++)
    {
      const LotsGuideChoice *choice = g_ptr_array_index (step->choices, i);

      if (g_strcmp0 (choice->go, next_id) != 0)
        continue;
      if (found == NULL)
        found = choice;
      if (saved != NULL && g_strcmp0 (saved, choice->value ? choice->value : choice->label) == 0)
        {
          found = choice;
          break;
        }
    }
  return found != NULL ? g_strdup (found->label) : NULL;
}

/* A crumb of the path. A step's title when it has one; otherwise, for the
 * steps behind, what was answered there (the path then reads like the
 * call so far), and for the current step what it says or asks. */
static char *
crumb_text (LotsGuideSession    *session,
            const LotsGuideStep *step,
            const char          *next_id)
{
  const LotsGuideView *view = lots_guide_session_get_view (session);
  char *text = NULL;

  if (step->title != NULL)
    return shorten (step->title);
  if (next_id != NULL)
    text = answer_at (session, step, next_id);
  else if (view->question != NULL && !view->finished)
    text = shorten (view->question);
  else
    text = shorten (view->text);
  if (text != NULL && next_id != NULL)
    {
      char *short_text = shorten (text);
      g_free (text);
      text = short_text;
    }
  if (text == NULL)
    text = shorten (step->text ? step->text : step->question);
  if (text == NULL)
    text = g_strdelimit (g_strdup (step->id), "_-", ' ');
  return text;
}

static void
set_label_or_hide (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* ---- the chooser ------------------------------------------------------------ */

static LotsGuide *
row_guide (GtkListBoxRow *row)
{
  return lots_guide_row_get_guide (LOTS_GUIDE_ROW (row));
}

static gboolean
guide_matches (LotsGuidePanel *self,
               LotsGuide      *guide,
               const char     *query)
{
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *folded_haystack = NULL;
  g_autofree char *folded_query = fold (query);
  g_auto(GStrv) words = g_strsplit_set (folded_query, " \t", -1);
  GStrv keywords = lots_guide_get_keywords (guide);

  g_string_append_printf (haystack, "%s %s %s %s %s", lots_guide_get_id (guide), lots_guide_get_title (guide),
                          lots_guide_get_area (guide), area_title (self, lots_guide_get_area (guide)),
                          lots_guide_get_description (guide) ? lots_guide_get_description (guide) : "");
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    g_string_append_printf (haystack, " %s", keywords[i]);
  folded_haystack = fold (haystack->str);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (folded_haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  LotsGuidePanel *self = user_data;

  return guide_matches (self, row_guide (row), gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

static GtkWidget *
guide_row_new (LotsGuidePanel *self,
               LotsGuide      *guide,
               guint           order)
{
  GtkWidget *row = lots_guide_row_new (guide, area_title (self, lots_guide_get_area (guide)), order);

  lots_guide_row_set_suggested (LOTS_GUIDE_ROW (row), g_strcmp0 (lots_guide_get_id (guide), self->suggested) == 0);
  return row;
}

/* The suggested guide first, the others in the library's order. */
static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  LotsGuidePanel *self = user_data;
  gboolean a_first = g_strcmp0 (lots_guide_get_id (row_guide (a)), self->suggested) == 0;
  gboolean b_first = g_strcmp0 (lots_guide_get_id (row_guide (b)), self->suggested) == 0;
  guint a_order = lots_guide_row_get_order (LOTS_GUIDE_ROW (a));
  guint b_order = lots_guide_row_get_order (LOTS_GUIDE_ROW (b));

  if (a_first != b_first)
    return a_first ? -1 : 1;
  return a_order < b_order ? -1 : a_order > b_order;
}

static void
update_no_match (LotsGuidePanel *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  gboolean any = FALSE;

  for (guint i = 0; self->guides != NULL && i < self->guides->len && !any; i++)
    any = guide_matches (self, g_ptr_array_index (self->guides, i), query);
  if (self->guides == NULL || self->guides->len == 0)
    gtk_label_set_text (self->no_match_label, _("No guides are loaded yet. Search the knowledge base meanwhile."));
  else
    gtk_label_set_text (self->no_match_label,
                        _("No guide matches. Search the knowledge base instead, or clear the filter."));
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), !any);
  gtk_widget_set_visible (GTK_WIDGET (self->guide_list), any);
}

/* The list: the suggested guide first, the others in the caller's order. */
static void
rebuild_list (LotsGuidePanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->guide_list))) != NULL)
    gtk_list_box_remove (self->guide_list, child);
  for (guint i = 0; self->guides != NULL && i < self->guides->len; i++)
    {
      LotsGuide *guide = g_ptr_array_index (self->guides, i);

      if (!lots_guide_is_module (guide))
        gtk_list_box_append (self->guide_list, guide_row_new (self, guide, i));
    }
  update_no_match (self);
}

static void
start_from_chooser (LotsGuidePanel *self,
                    LotsGuide      *guide)
{
  g_autoptr(GError) error = NULL;

  /* The panel shows the error itself. */
  if (!lots_guide_panel_start (self, guide, NULL, &error))
    g_debug ("guide %s did not start: %s", lots_guide_get_id (guide), error->message);
}

static void
on_guide_list_row_activated (GtkListBox     *list,
                             GtkListBoxRow  *row,
                             LotsGuidePanel *self)
{
  start_from_chooser (self, row_guide (row));
}

static void
on_filter_entry_changed (GtkEditable    *entry,
                         LotsGuidePanel *self)
{
  gtk_list_box_invalidate_filter (self->guide_list);
  update_no_match (self);
}

/* Enter in the filter starts the top guide that matches. */
static void
on_filter_entry_activate (GtkSearchEntry *entry,
                          LotsGuidePanel *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->guide_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && filter_row (GTK_LIST_BOX_ROW (child), self))
        {
          start_from_chooser (self, row_guide (GTK_LIST_BOX_ROW (child)));
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* ---- showing a step ------------------------------------------------------- */

static void
show_breadcrumb (LotsGuidePanel *self)
{
  g_autoptr(GPtrArray) path = lots_guide_session_dup_path (self->session);
  LotsGuide *guide = lots_guide_session_get_guide (self->session);
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < path->len; i++)
    {
      const LotsGuideStep *step = lots_guide_find_step (guide, g_ptr_array_index (path, i));
      const char *next_id = i + 1 < path->len ? g_ptr_array_index (path, i + 1) : NULL;
      g_autofree char *text = step != NULL ? crumb_text (self->session, step, next_id)
                                           : g_strdup (g_ptr_array_index (path, i));
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      if (i > 0)
        g_string_append (markup, "  ›  ");
      if (i + 1 < path->len)
        g_string_append_printf (markup, "<a href=\"step:%u\" title=\"%s\">%s</a>", i, escaped, escaped);
      else
        g_string_append_printf (markup, "<b>%s</b>", escaped);
    }
  gtk_label_set_markup (self->breadcrumb, markup->str);
}

static void
show_acute (LotsGuidePanel      *self,
            const LotsGuideView *view,
            const char          *unit_name,
            const char          *unit_phone)
{
  g_autofree char *refer = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->acute_banner), view->acute);
  if (!view->acute)
    return;
  set_label_or_hide (self->acute_reason, view->acute_reason);
  if (view->refer_to != NULL)
    /* TRANSLATORS: the unit an acute case goes to, and its phone number */
    refer = g_strdup_printf (_("Refer to %s, phone %s"), unit_name, unit_phone ? unit_phone : "–");
  else
    refer = g_strdup (_("If someone is in danger right now: ask them to call 112."));
  gtk_label_set_text (self->acute_refer, refer);
}

/* The unit the step refers to: its name and phone from the units table,
 * and whether it is open at the host's time. */
static void
show_unit (LotsGuidePanel      *self,
           const LotsGuideView *view,
           LotsGuideHost       *host)
{
  const LotsTable *units = lots_guide_host_get_table (host, LOTS_GUIDE_UNITS_TABLE);
  const char *name = NULL;
  const char *phone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opens = NULL;
  g_autofree char *status = NULL;
  gboolean open;

  gtk_widget_set_visible (GTK_WIDGET (self->unit_box), view->refer_to != NULL);
  if (view->refer_to == NULL)
    {
      show_acute (self, view, NULL, NULL);
      return;
    }
  if (units != NULL)
    {
      name = lots_table_lookup (units, "id", view->refer_to, "namn");
      phone = lots_table_lookup (units, "id", view->refer_to, "telefon");
    }
  if (name == NULL || *name == '\0')
    name = view->refer_to;
  gtk_label_set_text (self->unit_name, name);
  set_label_or_hide (self->unit_phone, phone);
  show_acute (self, view, name, phone);

  now = lots_guide_host_dup_now (host);
  open = lots_guide_host_unit_is_open (host, view->refer_to, now, &error);
  gtk_widget_remove_css_class (GTK_WIDGET (self->unit_open), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->unit_open), "error");
  if (error != NULL)
    {
      status = g_strdup_printf (_("Opening hours unknown: %s"), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->unit_open), "dim-label");
    }
  else
    {
      opens = lots_guide_host_describe_next_open (host, view->refer_to, now);
      gtk_widget_add_css_class (GTK_WIDGET (self->unit_open), open ? "success" : "error");
      if (open)
        status = g_strdup (_("Open now"));
      else if (opens != NULL)
        /* TRANSLATORS: %s is when the unit opens, in Swedish words such as "i morgon kl. 08.00" */
        status = g_strdup_printf (_("Closed now — opens %s"), opens);
      else
        status = g_strdup (_("Closed now"));
    }
  gtk_label_set_text (self->unit_open, status);
}

static void
append_outcome_line (GString    *markup,
                     const char *field,
                     const char *value)
{
  g_autofree char *field_escaped = g_markup_escape_text (field, -1);
  g_autofree char *value_escaped = g_markup_escape_text (value, -1);

  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  g_string_append_printf (markup, "<b>%s</b> %s", field_escaped, value_escaped);
}

static void
show_outcome (LotsGuidePanel *self,
              LotsGuideHost  *host)
{
  const LotsGuideOutcome *outcome = lots_guide_session_get_outcome (self->session);
  const LotsTable *units = lots_guide_host_get_table (host, LOTS_GUIDE_UNITS_TABLE);
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *resolved;

  resolved = outcome->resolved == 1 ? _("yes") : outcome->resolved == 0 ? _("no, referred on") : _("not said");
  append_outcome_line (markup, _("Answered at first contact:"), resolved);
  if (outcome->referred_to != NULL)
    {
      const char *name = units ? lots_table_lookup (units, "id", outcome->referred_to, "namn") : NULL;
      append_outcome_line (markup, _("Referred to:"), name && *name ? name : outcome->referred_to);
    }
  if (outcome->area != NULL)
    append_outcome_line (markup, _("Area:"), area_title (self, outcome->area));
  if (outcome->category != NULL)
    append_outcome_line (markup, _("Category:"), outcome->category);
  if (outcome->complaint_to != NULL)
    append_outcome_line (markup, _("Complaint forwarded to:"), outcome->complaint_to);
  if (outcome->acute)
    append_outcome_line (markup, _("Acute:"), _("yes"));
  gtk_label_set_markup (self->outcome_label, markup->str);
}

static void
show_articles (LotsGuidePanel      *self,
               const LotsGuideView *view,
               LotsGuideHost       *host)
{
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->article_button), view->article != NULL);
  if (view->article != NULL)
    {
      lots_guide_host_has_article (host, view->article, &title);
      /* TRANSLATORS: %s is the title of the article */
      label = g_strdup_printf (_("Open article: %s"), title ? title : view->article);
      gtk_label_set_text (self->article_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->article_button), view->article);
    }
  for (guint i = 0; view->links != NULL && i < view->links->len; i++)
    {
      const char *id = g_ptr_array_index (view->links, i);
      g_autofree char *link_title = NULL;
      g_autofree char *escaped_id = g_markup_escape_text (id, -1);
      g_autofree char *escaped_title = NULL;

      if (g_strcmp0 (id, view->article) == 0)
        continue;
      lots_guide_host_has_article (host, id, &link_title);
      escaped_title = g_markup_escape_text (link_title ? link_title : id, -1);
      if (links->len == 0)
        {
          g_autofree char *see_also = g_markup_escape_text (_("See also:"), -1);
          g_string_append_printf (links, "%s ", see_also);
        }
      else
        g_string_append (links, ", ");
      g_string_append_printf (links, "<a href=\"article:%s\">%s</a>", escaped_id, escaped_title);
    }
  gtk_label_set_markup (self->links_label, links->str);
  gtk_widget_set_visible (GTK_WIDGET (self->links_label), links->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->article_box), view->article != NULL || links->len > 0);
}

static GtkWidget *
choice_button_new (const LotsGuideChoice *choice,
                   guint                  number)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *key_text = g_strdup_printf ("%u", number);
  GtkWidget *key = gtk_label_new (key_text);
  GtkWidget *label = gtk_label_new (choice->label);
  g_autofree char *name = g_strdup_printf ("guide-choice-%u", number);
  /* TRANSLATORS: a choice's shortcut keys; %u is its number, 1–9 */
  g_autofree char *tooltip = g_strdup_printf (_("Press %u, or Alt+%u from anywhere in the window"), number, number);
  g_autofree char *shortcuts = g_strdup_printf ("%u Alt+%u", number, number);
  g_autofree char *accessible = g_strdup_printf ("%u. %s", number, choice->label);

  gtk_widget_add_css_class (key, "lots-guide-key");
  gtk_widget_add_css_class (key, "numeric");
  gtk_widget_set_valign (key, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), key);
  gtk_box_append (GTK_BOX (box), label);
  if (choice->finishes)
    {
      GtkWidget *end = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_set_tooltip_text (end, _("Ends the call"));
      gtk_box_append (GTK_BOX (box), end);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "lots-guide-choice");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "guide.choose");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 ((gint32) number));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, shortcuts,
                                  -1);
  return button;
}

static void
show_choices (LotsGuidePanel      *self,
              const LotsGuideView *view)
{
  GtkWidget *child;
  gboolean show = !view->finished && view->step->choices->len > 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box))) != NULL)
    gtk_box_remove (self->choices_box, child);
  for (guint i = 0; show && i < view->step->choices->len && i < 9; i++)
    gtk_box_append (self->choices_box, choice_button_new (g_ptr_array_index (view->step->choices, i), i + 1));
  gtk_widget_set_visible (GTK_WIDGET (self->choices_box), show);
}

static void
show_input (LotsGuidePanel      *self,
            const LotsGuideView *view)
{
  const LotsGuideStep *step = view->step;
  gboolean asks = !view->finished && step->question != NULL;
  const char *placeholder = NULL;
  GtkInputPurpose purpose = GTK_INPUT_PURPOSE_FREE_FORM;

  gtk_widget_set_visible (GTK_WIDGET (self->input_box), asks);
  gtk_widget_set_visible (GTK_WIDGET (self->input_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->input_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->input_entry), "");
  if (!asks)
    return;
  switch (step->input)
    {
    case LOTS_GUIDE_INPUT_POSTCODE:
      placeholder = _("Postcode, e.g. 123 45");
      purpose = GTK_INPUT_PURPOSE_DIGITS;
      break;
    case LOTS_GUIDE_INPUT_DATE:
      placeholder = _("Date, e.g. 2026-03-15");
      break;
    case LOTS_GUIDE_INPUT_NUMBER:
      placeholder = _("A number, e.g. 12 or 3,5");
      purpose = GTK_INPUT_PURPOSE_NUMBER;
      break;
    case LOTS_GUIDE_INPUT_PHONE:
      placeholder = _("Phone number, e.g. 08-123 456 78");
      purpose = GTK_INPUT_PURPOSE_PHONE;
      break;
    case LOTS_GUIDE_INPUT_TEXT:
    case LOTS_GUIDE_INPUT_NONE:
    default:
      placeholder = _("The caller's answer");
      break;
    }
  gtk_entry_set_placeholder_text (self->input_entry, placeholder);
  gtk_entry_set_input_purpose (self->input_entry, purpose);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->input_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, view->question,
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, placeholder,
                                  -1);
}

static void
update_actions (LotsGuidePanel *self)
{
  gboolean running = self->session != NULL && lots_guide_session_get_view (self->session) != NULL;
  gboolean finished = running && lots_guide_session_is_finished (self->session);
  g_autoptr(GPtrArray) path = running ? lots_guide_session_dup_path (self->session) : NULL;
  gboolean can_back = running && (path->len > 1 || finished);
  const LotsGuideView *view = running ? lots_guide_session_get_view (self->session) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.back", can_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.restart", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.stop", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.choose",
                                 running && !finished && view->step->choices->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.answer",
                                 running && !finished && view->step->question != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.next",
                                 running && lots_guide_session_can_proceed (self->session));
}

/* Where the keyboard goes after a step: what the handler does next. */
static void
focus_step (LotsGuidePanel *self)
{
  GtkWidget *first_choice = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box));

  if (gtk_widget_get_visible (GTK_WIDGET (self->choices_box)) && first_choice != NULL)
    gtk_widget_grab_focus (first_choice);
  else if (gtk_widget_get_visible (GTK_WIDGET (self->input_box)))
    gtk_widget_grab_focus (GTK_WIDGET (self->input_entry));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->next_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->article_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->article_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

/* Redraws everything from the session's view. */
static void
show_step (LotsGuidePanel *self)
{
  const LotsGuideView *view = self->session ? lots_guide_session_get_view (self->session) : NULL;
  LotsGuide *guide;
  LotsGuideHost *host;

  update_actions (self);
  if (view == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "chooser");
      return;
    }
  guide = lots_guide_session_get_guide (self->session);
  host = lots_guide_get_host (guide);
  gtk_stack_set_visible_child_name (self->stack, "guide");
  gtk_label_set_text (self->guide_title, lots_guide_get_title (guide));
  show_breadcrumb (self);
  set_label_or_hide (self->text_label, view->text);
  set_label_or_hide (self->question_label,
                     !view->finished && g_strcmp0 (view->question, view->text) != 0 ? view->question : NULL);
  show_input (self, view);
  show_choices (self, view);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), lots_guide_session_can_proceed (self->session));
  show_unit (self, view, host);
  gtk_widget_set_visible (GTK_WIDGET (self->finished_box), view->finished);
  if (view->finished)
    show_outcome (self, host);
  show_articles (self, view, host);
}

/* After an action on the session: the step, the focus and the signals, or
 * the error. A refused answer stays under the entry. */
static void
after_action (LotsGuidePanel *self,
              gboolean        ok,
              gboolean        was_finished,
              GError         *error)
{
  if (!ok)
    {
      g_assert (error != NULL);
      if (g_error_matches (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT) &&
          gtk_widget_get_visible (GTK_WIDGET (self->input_box)))
        {
          gtk_label_set_text (self->input_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->input_error), TRUE);
          gtk_widget_add_css_class (GTK_WIDGET (self->input_entry), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->input_entry));
          gtk_editable_select_region (GTK_EDITABLE (self->input_entry), 0, -1);
          return;
        }
      show_error (self, _("The guide stopped with an error"), error);
      /* The session kept the last good step: show it as it is. */
      show_step (self);
      focus_step (self);
      return;
    }
  clear_error (self);
  show_step (self);
  focus_step (self);
  g_signal_emit (self, signals[SIGNAL_STEP_CHANGED], 0);
  if (!was_finished && lots_guide_session_is_finished (self->session))
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

/* ---- actions ----------------------------------------------------------------- */

static void
lots_guide_panel_choose (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LotsGuidePanel *self = LOTS_GUIDE_PANEL (widget);
  gint32 number = g_variant_get_int32 (parameter);
  const LotsGuideView *view;
  g_autoptr(GError) error = NULL;
  gboolean was_finished;
  gboolean ok;

  if (self->session == NULL || (view = lots_guide_session_get_view (self->session)) == NULL)
    return;
  /* A key with no choice of its number does nothing. */
  if (number < 1 || (guint) number > view->step->choices->len)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  was_finished = lots_guide_session_is_finished (self->session);
  ok = lots_guide_session_choose (self->session, (guint) number, &error);
  after_action (self, ok, was_finished, error);
}

static void
answer (LotsGuidePanel *self)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (self->input_entry));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->session == NULL || lots_guide_session_get_view (self->session) == NULL)
    return;
  ok = lots_guide_session_answer (self->session, value, &error);
  after_action (self, ok, FALSE, error);
}

static void
lots_guide_panel_answer (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  answer (LOTS_GUIDE_PANEL (widget));
}

static void
lots_guide_panel_next (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsGuidePanel *self = LOTS_GUIDE_PANEL (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->session == NULL)
    return;
  ok = lots_guide_session_proceed (self->session, &error);
  after_action (self, ok, FALSE, error);
}

static void
lots_guide_panel_back (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsGuidePanel *self = LOTS_GUIDE_PANEL (widget);

  if (self->session == NULL || !lots_guide_session_back (self->session))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  after_action (self, TRUE, TRUE, NULL);
}

static void
lots_guide_panel_restart (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LotsGuidePanel *self = LOTS_GUIDE_PANEL (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->session == NULL)
    return;
  ok = lots_guide_session_restart (self->session, &error);
  after_action (self, ok, TRUE, error);
}

static void
lots_guide_panel_stop_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LotsGuidePanel *self = LOTS_GUIDE_PANEL (widget);

  lots_guide_panel_stop (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/* ---- template callbacks ---------------------------------------------------- */

static void
on_input_entry_activate (GtkEntry       *entry,
                         LotsGuidePanel *self)
{
  answer (self);
}

static void
on_input_entry_changed (GtkEditable    *entry,
                        LotsGuidePanel *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->input_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->input_entry), "error");
}

/* A crumb of the path: back to that step, as many steps as it takes. */
static gboolean
on_breadcrumb_activate_link (GtkLabel       *label,
                             const char     *uri,
                             LotsGuidePanel *self)
{
  guint64 target;
  gboolean moved = FALSE;

  if (self->session == NULL || !g_str_has_prefix (uri, "step:") ||
      !g_ascii_string_to_unsigned (uri + strlen ("step:"), 10, 0, G_MAXUINT, &target, NULL))
    return TRUE;
  for (;;)
    {
      g_autoptr(GPtrArray) path = lots_guide_session_dup_path (self->session);

      if (path->len <= target + 1 && !lots_guide_session_is_finished (self->session))
        break;
      if (!lots_guide_session_back (self->session))
        break;
      moved = TRUE;
    }
  if (moved)
    after_action (self, TRUE, TRUE, NULL);
  return TRUE;
}

static gboolean
on_links_label_activate_link (GtkLabel       *label,
                              const char     *uri,
                              LotsGuidePanel *self)
{
  if (g_str_has_prefix (uri, "article:"))
    g_signal_emit (self, signals[SIGNAL_OPEN_ARTICLE], 0, uri + strlen ("article:"));
  return TRUE;
}

static void
on_article_button_clicked (GtkButton      *button,
                           LotsGuidePanel *self)
{
  const LotsGuideView *view = self->session ? lots_guide_session_get_view (self->session) : NULL;

  if (view != NULL && view->article != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_ARTICLE], 0, view->article);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
lots_guide_panel_dispose (GObject *object)
{
  LotsGuidePanel *self = LOTS_GUIDE_PANEL (object);

  g_clear_pointer (&self->session, lots_guide_session_free);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_GUIDE_PANEL);

  G_OBJECT_CLASS (lots_guide_panel_parent_class)->dispose (object);
}

static void
lots_guide_panel_finalize (GObject *object)
{
  LotsGuidePanel *self = LOTS_GUIDE_PANEL (object);

  g_clear_pointer (&self->guides, g_ptr_array_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_free (self->suggested);
  g_free (self->commit);

  G_OBJECT_CLASS (lots_guide_panel_parent_class)->finalize (object);
}

static void
lots_guide_panel_class_init (LotsGuidePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_guide_panel_dispose;
  object_class->finalize = lots_guide_panel_finalize;

  /**
   * LotsGuidePanel::open-article:
   * @id: the article's id
   *
   * The handler asked for the article a step names.
   */
  signals[SIGNAL_OPEN_ARTICLE] =
    g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* After every choice, answer, Next, Back and Restart. */
  signals[SIGNAL_STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* The guide reached an end: the outcome is proposed. */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-guide-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, error_box);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, error_title);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, error_message);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, error_hint);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, chooser_page);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, guide_list);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, acute_banner);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, acute_reason);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, acute_refer);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, guide_title);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, back_button);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, breadcrumb);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, text_label);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, question_label);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, input_box);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, input_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, input_error);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, choices_box);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, next_button);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, unit_box);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, unit_name);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, unit_phone);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, unit_open);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, finished_box);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, article_box);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, article_button);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, article_label);
  gtk_widget_class_bind_template_child (widget_class, LotsGuidePanel, links_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_guide_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_input_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_input_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_breadcrumb_activate_link);
  gtk_widget_class_bind_template_callback (widget_class, on_links_label_activate_link);
  gtk_widget_class_bind_template_callback (widget_class, on_article_button_clicked);

  gtk_widget_class_install_action (widget_class, "guide.choose", "i", lots_guide_panel_choose);
  gtk_widget_class_install_action (widget_class, "guide.answer", NULL, lots_guide_panel_answer);
  gtk_widget_class_install_action (widget_class, "guide.next", NULL, lots_guide_panel_next);
  gtk_widget_class_install_action (widget_class, "guide.back", NULL, lots_guide_panel_back);
  gtk_widget_class_install_action (widget_class, "guide.restart", NULL, lots_guide_panel_restart);
  gtk_widget_class_install_action (widget_class, "guide.stop", NULL, lots_guide_panel_stop_action);

  /* The panel's own keys, only while the focus is inside it (the class
   * shortcuts are local); Alt+1…9 are added per instance, window-wide. */
  for (guint i = 1; i <= 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "guide.choose", "i", (gint32) i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "guide.choose", "i", (gint32) i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "guide.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "guide.restart", NULL);
}

/* Alt+1…Alt+9 choose from anywhere in the window: a global controller is
 * handled by the window, whatever has the focus (the search, an article). */
static void
add_window_shortcuts (LotsGuidePanel *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "lots-guide-panel-window-shortcuts");
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 1; i <= 9; i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_0 + i, GDK_ALT_MASK),
                                                gtk_named_action_new ("guide.choose"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 ((gint32) i));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
lots_guide_panel_init (LotsGuidePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->guide_list, filter_row, self, NULL);
  gtk_list_box_set_sort_func (self->guide_list, sort_rows, self, NULL);
  /* Typing anywhere in the chooser filters the list. */
  gtk_search_entry_set_key_capture_widget (self->filter_entry, GTK_WIDGET (self->chooser_page));
  add_window_shortcuts (self);
  update_no_match (self);
  update_actions (self);
}

/* ---- public API ------------------------------------------------------------- */

/* The guides the chooser lists (LotsGuide *, borrowed: the caller keeps
 * them alive as long as the panel may show or run them). */
void
lots_guide_panel_set_guides (LotsGuidePanel *self,
                             GPtrArray      *guides)
{
  g_return_if_fail (LOTS_IS_GUIDE_PANEL (self));

  g_clear_pointer (&self->guides, g_ptr_array_unref);
  self->guides = g_ptr_array_new ();
  for (guint i = 0; guides != NULL && i < guides->len; i++)
    g_ptr_array_add (self->guides, g_ptr_array_index (guides, i));
  rebuild_list (self);
}

/* The service areas (LotsArea *, borrowed), to show their titles; without
 * them the panel shows area ids. */
void
lots_guide_panel_set_areas (LotsGuidePanel *self,
                            GPtrArray      *areas)
{
  g_return_if_fail (LOTS_IS_GUIDE_PANEL (self));

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  if (areas != NULL)
    {
      self->areas = g_ptr_array_new ();
      for (guint i = 0; i < areas->len; i++)
        g_ptr_array_add (self->areas, g_ptr_array_index (areas, i));
    }
  rebuild_list (self);
  if (self->session != NULL)
    show_step (self);
}

/* The guide shown first in the chooser, marked as suggested (for the
 * search or the caller's queue); NULL for none. */
void
lots_guide_panel_set_suggested (LotsGuidePanel *self,
                                const char     *guide_id)
{
  g_return_if_fail (LOTS_IS_GUIDE_PANEL (self));

  if (g_strcmp0 (self->suggested, guide_id) == 0)
    return;
  g_free (self->suggested);
  self->suggested = g_strdup (guide_id);
  /* The rows stay: the search suggests a guide as the handler types, and
   * building the whole list again at a keystroke took 150 ms. Only the
   * tag moves, and the list is sorted again. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->guide_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      lots_guide_row_set_suggested (LOTS_GUIDE_ROW (row),
                                    g_strcmp0 (lots_guide_get_id (row_guide (GTK_LIST_BOX_ROW (row))), guide_id) == 0);
  gtk_list_box_invalidate_sort (self->guide_list);
}

/* Runs GUIDE from its first step; COMMIT is the commit of its source, kept
 * for the case log. On failure the panel also shows the error. */
gboolean
lots_guide_panel_start (LotsGuidePanel *self,
                        LotsGuide      *guide,
                        const char     *commit,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  LotsGuideSession *session;

  g_return_val_if_fail (LOTS_IS_GUIDE_PANEL (self), FALSE);
  g_return_val_if_fail (guide != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  session = lots_guide_session_new (guide, &local_error);
  if (session == NULL)
    {
      show_error (self, _("The guide could not start"), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_pointer (&self->session, lots_guide_session_free);
  self->session = session;
  g_free (self->commit);
  self->commit = g_strdup (commit);
  clear_error (self);
  show_step (self);
  focus_step (self);
  if (lots_guide_session_is_finished (self->session))
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
  return TRUE;
}

/* Ends the running guide, if any, and shows the chooser again. */
void
lots_guide_panel_stop (LotsGuidePanel *self)
{
  g_return_if_fail (LOTS_IS_GUIDE_PANEL (self));

  g_clear_pointer (&self->session, lots_guide_session_free);
  g_clear_pointer (&self->commit, g_free);
  clear_error (self);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  show_step (self);
}

/* The running session (borrowed), or NULL in the chooser. */
LotsGuideSession *
lots_guide_panel_get_session (LotsGuidePanel *self)
{
  g_return_val_if_fail (LOTS_IS_GUIDE_PANEL (self), NULL);

  return self->session;
}

const char *
lots_guide_panel_get_commit (LotsGuidePanel *self)
{
  g_return_val_if_fail (LOTS_IS_GUIDE_PANEL (self), NULL);

  return self->commit;
}

LotsGuidePanel *
lots_guide_panel_new (void)
{
  return g_object_new (LOTS_TYPE_GUIDE_PANEL, NULL);
}

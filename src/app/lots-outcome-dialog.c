/* lots-outcome-dialog.c — the outcome sheet opened by "End case".
 *
 * A handler ends 60–100 calls a day, most of them with the guide's proposal
 * right: the sheet opens with Save focused and as the default, so Enter or
 * Ctrl+Enter (the same keys as End case) logs the case. Ctrl+Enter is
 * caught in the capture phase so that it saves from the note too, where a
 * plain Enter must stay a line break.
 *
 * Nothing is written before lots_case_validate() accepts the case; its
 * error is shown at the field it names (the core's messages begin with the
 * field, as the lotsctl option is named: "area: …"), in the handler's
 * language. The write runs in a GTask thread: lots_caselog_add() returns
 * only once the outcome is on disk (an fsync, a few ms, far longer on a
 * busy disk), and the UI never waits on a disk. It has no GCancellable on
 * purpose: a durable write that has started is let finish, and the sheet
 * cannot be closed meanwhile, so an outcome is never half acknowledged.
 * When the write fails, the sheet stays open with everything as typed.
 *
 * Guides propose categories in words ("våld i nära relation"); the case log
 * keeps category ids ([a-z0-9_-]). The sheet shows the words and stores
 * their id ("vald-i-nara-relation"), so a guide's proposal is never refused.
 */
#define G_LOG_DOMAIN "lots-outcome-dialog"

#include "config.h"

#include "lots-outcome-dialog.h"

#include <glib/gi18n.h>

#include "lots-caselog.h"

/* A category id is at most this long (lots-case.c). */
#define CATEGORY_MAX_CHARS 64

struct _LotsOutcomeDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkWidget *save_button;
  GtkScrolledWindow *scroller;
  GtkWidget *general_error_box;
  GtkLabel *general_error_label;
  AdwComboRow *channel_row;
  AdwComboRow *area_row;
  AdwEntryRow *category_row;
  GtkLabel *contact_error_label;
  GtkSwitch *resolved_switch;
  AdwComboRow *referred_row;
  GtkSwitch *acute_switch;
  AdwComboRow *complaint_row;
  GtkLabel *outcome_error_label;
  GtkTextView *note_view;
  GtkLabel *note_counter;
  GtkLabel *note_error_label;
  AdwPreferencesGroup *guide_group;
  AdwActionRow *guide_row;
  AdwActionRow *path_row;

  LotsCase *draft;                        /* owned copy: what no widget edits */
  const LotsCaseReferences *references;   /* borrowed */
  char *caselog_filename;
  /* The id behind each item of the combo rows; NULL for "none". */
  GPtrArray *area_ids;
  GPtrArray *unit_ids;
  GPtrArray *administration_ids;
  gboolean saving;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LotsOutcomeDialog, lots_outcome_dialog, ADW_TYPE_WINDOW)

/* The channels of lots_case_channels, as handlers call them (the same
 * words as the case bar's). */
static const struct {
  const char *id;
  const char *title;
} channel_titles[] = {
  { "telefon", N_("Phone") },
  { "e-post",  N_("E-mail") },
  { "brev",    N_("Letter") },
  { "besök",   N_("Visit") },
  { "chatt",   N_("Chat") },
};

/* ---- the case -------------------------------------------------------------- */

static LotsCase *
copy_case (const LotsCase *from)
{
  LotsCase *to = lots_case_new ();

  to->id = g_strdup (from->id);
  to->started_at = from->started_at;
  to->ended_at = from->ended_at;
  to->channel = g_strdup (from->channel);
  to->lang = g_strdup (from->lang);
  to->area = g_strdup (from->area);
  to->category = g_strdup (from->category);
  to->guide = g_strdup (from->guide);
  to->guide_commit = g_strdup (from->guide_commit);
  for (guint i = 0; i < from->path->len; i++)
    lots_case_add_step (to, g_ptr_array_index (from->path, i));
  for (guint i = 0; i < from->articles->len; i++)
    {
      const LotsCaseArticle *article = g_ptr_array_index (from->articles, i);
      lots_case_add_article (to, article->id, article->commit);
    }
  to->resolved = from->resolved;
  to->referred_to = g_strdup (from->referred_to);
  to->acute = from->acute;
  to->complaint_to = g_strdup (from->complaint_to);
  to->note = g_strdup (from->note);
  to->handler = g_strdup (from->handler);
  to->workstation = g_strdup (from->workstation);
  return to;
}

/* The category id of what the handler (or the guide) wrote: ASCII, lower
 * case, words joined by "-"; NULL when nothing is left. */
static char *
category_id (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *id;
  gboolean separate = FALSE;

  if (text == NULL)
    return NULL;
  ascii = g_str_to_ascii (text, "C");
  id = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (!g_ascii_isalnum (c) && c != '_')
        {
          separate = TRUE;
          continue;
        }
      if (separate && id->len > 0)
        g_string_append_c (id, '-');
      separate = FALSE;
      g_string_append_c (id, c);
    }
  if (id->len == 0)
    {
      g_string_free (id, TRUE);
      return NULL;
    }
  return g_string_free (id, FALSE);
}

static char *
dup_note (LotsOutcomeDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* ---- combo rows ------------------------------------------------------------ */

/* Fills row with none_title (when given) and the references, selects
 * current, and returns the id behind each item. An id the references do
 * not hold is kept as an item of its own, so nothing the caller proposed
 * is silently lost (validation then says what is wrong with it). */
static GPtrArray *
fill_combo (AdwComboRow *row,
            GPtrArray   *references,
            const char  *none_title,
            const char  *current)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  gboolean found = FALSE;

  if (none_title != NULL)
    {
      gtk_string_list_append (titles, none_title);
      g_ptr_array_add (ids, NULL);
    }
  for (guint i = 0; i < references->len; i++)
    {
      const LotsCaseReference *reference = g_ptr_array_index (references, i);

      if (g_strcmp0 (reference->id, current) == 0)
        {
          selected = ids->len;
          found = TRUE;
        }
      gtk_string_list_append (titles, reference->title);
      g_ptr_array_add (ids, g_strdup (reference->id));
    }
  if (current != NULL && !found)
    {
      selected = ids->len;
      gtk_string_list_append (titles, current);
      g_ptr_array_add (ids, g_strdup (current));
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (row, selected);
  return ids;
}

static const char *
selected_id (AdwComboRow *row,
             GPtrArray   *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return NULL;
  return g_ptr_array_index (ids, selected);
}

static void
fill_channels (LotsOutcomeDialog *self,
               const char        *current)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (channel_titles); i++)
    {
      gtk_string_list_append (titles, _(channel_titles[i].title));
      if (g_strcmp0 (current, channel_titles[i].id) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->channel_row, selected);
}

static const char *
selected_channel (LotsOutcomeDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->channel_row);

  if (selected >= G_N_ELEMENTS (channel_titles))
    return NULL;
  return channel_titles[selected].id;
}

/* ---- errors ---------------------------------------------------------------- */

static void
clear_errors (LotsOutcomeDialog *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->channel_row), GTK_WIDGET (self->area_row), GTK_WIDGET (self->category_row),
    GTK_WIDGET (self->referred_row), GTK_WIDGET (self->complaint_row), GTK_WIDGET (self->note_view),
  };
  GtkWidget *labels[] = {
    GTK_WIDGET (self->contact_error_label), GTK_WIDGET (self->outcome_error_label),
    GTK_WIDGET (self->note_error_label), self->general_error_box,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (fields[i], "error");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_widget_set_visible (labels[i], FALSE);
}

static void
show_general_error (LotsOutcomeDialog *self,
                    const char        *message)
{
  gtk_label_set_label (self->general_error_label, message);
  gtk_widget_set_visible (self->general_error_box, TRUE);
  /* It is at the top: the handler may have scrolled down to the note. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Shows a validation error at the field it names and moves the focus
 * there; an error about what the sheet does not show (the handler id, the
 * times) goes on top, with the core's message. */
static void
show_validation_error (LotsOutcomeDialog *self,
                       const GError      *error,
                       const LotsCase    *outcome)
{
  const char *colon = strchr (error->message, ':');
  g_autofree char *field = colon ? g_strndup (error->message, colon - error->message) : g_strdup ("");
  g_autofree char *text = NULL;
  GtkWidget *widget = NULL;
  GtkLabel *label = NULL;

  if (g_str_equal (field, "area"))
    {
      widget = GTK_WIDGET (self->area_row);
      label = self->contact_error_label;
      text = g_strdup (_("Choose the service area the case belongs to."));
    }
  else if (g_str_equal (field, "channel"))
    {
      widget = GTK_WIDGET (self->channel_row);
      label = self->contact_error_label;
      text = g_strdup (_("Choose how the contact came in."));
    }
  else if (g_str_equal (field, "category"))
    {
      widget = GTK_WIDGET (self->category_row);
      label = self->contact_error_label;
      text = g_strdup_printf (_("Write the category in a few words (at most %d letters and digits)."),
                              CATEGORY_MAX_CHARS);
    }
  else if (g_str_equal (field, "referred-to"))
    {
      widget = GTK_WIDGET (self->referred_row);
      label = self->outcome_error_label;
      text = g_strdup (_("Choose a unit from the list, or None."));
    }
  else if (g_str_equal (field, "complaint-to"))
    {
      widget = GTK_WIDGET (self->complaint_row);
      label = self->outcome_error_label;
      text = g_strdup (_("Choose an administration from the list, or None."));
    }
  else if (g_str_equal (field, "note"))
    {
      glong chars = outcome->note ? g_utf8_strlen (outcome->note, -1) : 0;

      widget = GTK_WIDGET (self->note_view);
      label = self->note_error_label;
      if (chars > LOTS_CASE_NOTE_MAX_CHARS)
        text = g_strdup_printf (_("The note is too long: shorten it to at most %d characters."),
                                LOTS_CASE_NOTE_MAX_CHARS);
      else
        text = g_strdup (_("The note contains a character that cannot be saved; remove it."));
    }

  if (widget == NULL)
    {
      text = g_strdup_printf (_("This case cannot be logged: %s"), error->message);
      show_general_error (self, text);
      return;
    }
  gtk_widget_add_css_class (widget, "error");
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_grab_focus (widget);
}

/* ---- the note -------------------------------------------------------------- */

static void
update_note_counter (LotsOutcomeDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  int chars = gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  /* Translators: characters written in the note, of the most it may hold. */
  text = g_strdup_printf (_("%d / %d"), chars, LOTS_CASE_NOTE_MAX_CHARS);
  gtk_label_set_label (self->note_counter, text);
  description = g_strdup_printf (_("%d of at most %d characters"), chars, LOTS_CASE_NOTE_MAX_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_counter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  if (chars > LOTS_CASE_NOTE_MAX_CHARS)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_counter), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_counter), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_counter), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_counter), "dim-label");
    }
}

static void
on_note_changed (LotsOutcomeDialog *self,
                 GtkTextBuffer     *buffer)
{
  update_note_counter (self);
}

/* ---- saving ---------------------------------------------------------------- */

typedef struct {
  char *filename;
  LotsCase *outcome;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->filename);
  lots_case_free (data->outcome);
  g_free (data);
}

/* In the worker thread: the journal opened, the outcome written durably,
 * the journal closed. Returns the outcome's new id. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaselog) log = lots_caselog_open (data->filename, &error);

  if (log == NULL || !lots_caselog_add (log, data->outcome, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_strdup (data->outcome->id), g_free);
}

static void
set_saving (LotsOutcomeDialog *self,
            gboolean           saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outcome.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outcome.cancel", !saving);
}

static void
on_save_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  /* Kept across "saved" and the destroy that follows it. */
  g_autoptr(LotsOutcomeDialog) self = g_object_ref (LOTS_OUTCOME_DIALOG (source_object));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_task_propagate_pointer (G_TASK (result), &error);

  set_saving (self, FALSE);
  if (id == NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("The outcome could not be logged: %s\n\nNothing is lost: the case stays "
                           "here as you wrote it. Try again; if it keeps failing, tell IT support."),
                         error->message);
      g_debug ("Saving a case outcome failed: %s", error->message);
      show_general_error (self, text);
      gtk_widget_grab_focus (self->save_button);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* outcome.save (Save, Enter outside the note, Ctrl+Enter anywhere). */
static void
lots_outcome_dialog_save (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LotsOutcomeDialog *self = LOTS_OUTCOME_DIALOG (widget);
  g_autoptr(LotsCase) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  if (self->saving)
    return;
  clear_errors (self);
  outcome = lots_outcome_dialog_dup_case (self);
  if (!lots_case_validate (outcome, self->references, g_get_real_time () / G_USEC_PER_SEC, &error))
    {
      show_validation_error (self, error, outcome);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->filename = g_strdup (self->caselog_filename);
  data->outcome = g_steal_pointer (&outcome);
  set_saving (self, TRUE);
  task = g_task_new (self, NULL, on_save_done, NULL);
  g_task_set_source_tag (task, lots_outcome_dialog_save);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/* outcome.cancel (Cancel, Escape): closes, writing nothing. */
static void
lots_outcome_dialog_cancel (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* A write under way is let finish: the sheet stays until it has. */
static gboolean
lots_outcome_dialog_close_request (GtkWindow *window)
{
  LotsOutcomeDialog *self = LOTS_OUTCOME_DIALOG (window);

  if (self->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (lots_outcome_dialog_parent_class)->close_request (window);
}

/* Any edit takes back the errors shown: they were about what was there. */
static void
on_field_changed (LotsOutcomeDialog *self)
{
  clear_errors (self);
}

/* ---- showing the draft ----------------------------------------------------- */

static void
show_draft (LotsOutcomeDialog *self)
{
  const LotsCase *draft = self->draft;
  g_autoptr(GPtrArray) areas = lots_case_references_list_areas (self->references);
  g_autoptr(GPtrArray) units = lots_case_references_list_units (self->references);
  g_autoptr(GPtrArray) administrations = lots_case_references_list_administrations (self->references);

  fill_channels (self, draft->channel);
  self->area_ids = fill_combo (self->area_row, areas, _("Not chosen"), draft->area);
  self->unit_ids = fill_combo (self->referred_row, units, _("None"), draft->referred_to);
  self->administration_ids = fill_combo (self->complaint_row, administrations, _("None"), draft->complaint_to);
  gtk_editable_set_text (GTK_EDITABLE (self->category_row), draft->category ? draft->category : "");
  gtk_switch_set_active (self->resolved_switch, draft->resolved);
  gtk_switch_set_active (self->acute_switch, draft->acute);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), draft->note ? draft->note : "", -1);
  update_note_counter (self);

  gtk_widget_set_visible (GTK_WIDGET (self->guide_group), draft->guide != NULL);
  if (draft->guide != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) steps = NULL;
      g_autofree char *path = NULL;

      for (guint i = 0; i < draft->path->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (draft->path, i));
      steps = g_strv_builder_end (builder);
      path = g_strjoinv (" → ", steps);
      adw_action_row_set_subtitle (self->guide_row, draft->guide);
      adw_action_row_set_subtitle (self->path_row, path[0] ? path : _("No steps"));
    }

  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->area_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->referred_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->complaint_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->category_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (on_field_changed), self);
}

/* ---- the class ------------------------------------------------------------- */

static void
lots_outcome_dialog_dispose (GObject *object)
{
  LotsOutcomeDialog *self = LOTS_OUTCOME_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_OUTCOME_DIALOG);

  G_OBJECT_CLASS (lots_outcome_dialog_parent_class)->dispose (object);
}

static void
lots_outcome_dialog_finalize (GObject *object)
{
  LotsOutcomeDialog *self = LOTS_OUTCOME_DIALOG (object);

  g_clear_pointer (&self->draft, lots_case_free);
  g_clear_pointer (&self->caselog_filename, g_free);
  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_clear_pointer (&self->unit_ids, g_ptr_array_unref);
  g_clear_pointer (&self->administration_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (lots_outcome_dialog_parent_class)->finalize (object);
}

static void
lots_outcome_dialog_class_init (LotsOutcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lots_outcome_dialog_dispose;
  object_class->finalize = lots_outcome_dialog_finalize;
  window_class->close_request = lots_outcome_dialog_close_request;

  /* The outcome is in the case log, with this id. The sheet closes after. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-outcome-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, general_error_box);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, contact_error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, resolved_switch);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, referred_row);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, acute_switch);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, complaint_row);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, outcome_error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, note_counter);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, note_error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, guide_group);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, guide_row);
  gtk_widget_class_bind_template_child (widget_class, LotsOutcomeDialog, path_row);

  gtk_widget_class_install_action (widget_class, "outcome.save", NULL, lots_outcome_dialog_save);
  gtk_widget_class_install_action (widget_class, "outcome.cancel", NULL, lots_outcome_dialog_cancel);
  /* Escape bubbles up from the fields (an open combo list takes it first,
   * being a popover of its own). Ctrl+Enter is in init, captured. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "outcome.cancel", NULL);
}

static void
lots_outcome_dialog_init (LotsOutcomeDialog *self)
{
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Captured: the note's text view would take Ctrl+Enter as a line break. */
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, gtk_named_action_new ("outcome.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (on_note_changed), self);
}

/* The case as the sheet shows it now: the draft with every field the
 * handler can edit read from its widget (the category as an id). */
LotsCase *
lots_outcome_dialog_dup_case (LotsOutcomeDialog *self)
{
  LotsCase *outcome;

  g_return_val_if_fail (LOTS_IS_OUTCOME_DIALOG (self), NULL);

  outcome = copy_case (self->draft);
  g_free (outcome->channel);
  outcome->channel = g_strdup (selected_channel (self));
  g_free (outcome->area);
  outcome->area = g_strdup (selected_id (self->area_row, self->area_ids));
  g_free (outcome->category);
  outcome->category = category_id (gtk_editable_get_text (GTK_EDITABLE (self->category_row)));
  outcome->resolved = gtk_switch_get_active (self->resolved_switch);
  g_free (outcome->referred_to);
  outcome->referred_to = g_strdup (selected_id (self->referred_row, self->unit_ids));
  outcome->acute = gtk_switch_get_active (self->acute_switch);
  g_free (outcome->complaint_to);
  outcome->complaint_to = g_strdup (selected_id (self->complaint_row, self->administration_ids));
  g_free (outcome->note);
  outcome->note = dup_note (self);
  return outcome;
}

/* Whether the outcome is being written (Save and Cancel wait meanwhile). */
gboolean
lots_outcome_dialog_get_saving (LotsOutcomeDialog *self)
{
  g_return_val_if_fail (LOTS_IS_OUTCOME_DIALOG (self), FALSE);

  return self->saving;
}

/* A new sheet over parent for draft (copied), offering what references
 * (borrowed: it must outlive the sheet) hold, writing to the case log in
 * caselog_filename. The contact ends now, unless the draft says when. */
LotsOutcomeDialog *
lots_outcome_dialog_new (GtkWindow                *parent,
                         const LotsCase           *draft,
                         const LotsCaseReferences *references,
                         const char               *caselog_filename)
{
  LotsOutcomeDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (references != NULL, NULL);
  g_return_val_if_fail (caselog_filename != NULL, NULL);

  self = g_object_new (LOTS_TYPE_OUTCOME_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->draft = copy_case (draft);
  if (self->draft->ended_at == 0)
    self->draft->ended_at = g_get_real_time () / G_USEC_PER_SEC;
  self->references = references;
  self->caselog_filename = g_strdup (caselog_filename);
  show_draft (self);
  return self;
}

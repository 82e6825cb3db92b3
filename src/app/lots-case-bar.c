/* lots-case-bar.c — the case bar: the call timer, the case's channel and
 * area, End case / New case, and the outcomes waiting for upload.
 *
 * The timer is a one-shot timeout re-armed for the next whole second of
 * the call, not a repeating one-second timeout: a repeating timeout drifts
 * against the start time and would show 0:59 for most of a second after
 * the minute has turned. Each tick recomputes the elapsed time from the
 * start, so a suspended machine or a slow frame never makes it wrong. No
 * timeout exists while no case runs.
 *
 * The bar only shows: the window owns the case, installs win.new-case and
 * win.end-case, and declares their shortcuts (lots-application.c).
 */
#define G_LOG_DOMAIN "lots-case-bar"

#include "config.h"

#include "lots-case-bar.h"

#include <glib/gi18n.h>

struct _LotsCaseBar
{
  GtkWidget parent_instance;

  /* Template widgets (the action bar is bound so that dispose unparents it) */
  GtkActionBar *action_bar;
  GtkButton *new_case_button;
  GtkBox *running_box;
  GtkLabel *timer_label;
  GtkLabel *context_label;
  GtkButton *end_case_button;
  GtkBox *pending_box;
  GtkLabel *pending_label;

  GDateTime *started;     /* NULL: no case runs */
  guint tick_id;
  guint pending;
};

enum {
  PROP_0,
  PROP_PENDING,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LotsCaseBar, lots_case_bar, GTK_TYPE_WIDGET)

/* The channels of lots_case_channels, as handlers call them. */
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

static const char *
channel_title (const char *channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (channel_titles); i++)
    if (g_strcmp0 (channel, channel_titles[i].id) == 0)
      return _(channel_titles[i].title);
  return channel;
}

/* mm:ss for the first hour, then h:mm:ss. */
static char *
format_elapsed (GTimeSpan elapsed)
{
  gint64 seconds = MAX (elapsed, 0) / G_TIME_SPAN_SECOND;

  if (seconds < 3600)
    return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                          (int) (seconds / 60 % 60), (int) (seconds % 60));
}

static GTimeSpan
elapsed_now (LotsCaseBar *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_difference (now, self->started);
}

static gboolean on_tick (gpointer user_data);

/* Shows the elapsed time and arms the timeout for the moment the next
 * second of the call begins (a few ms after, so it lands past it). */
static void
update_timer (LotsCaseBar *self)
{
  GTimeSpan elapsed = elapsed_now (self);
  g_autofree char *text = format_elapsed (elapsed);
  guint until_next_ms;

  gtk_label_set_label (self->timer_label, text);
  until_next_ms = (guint) ((G_TIME_SPAN_SECOND - (MAX (elapsed, 0) % G_TIME_SPAN_SECOND))
                           / G_TIME_SPAN_MILLISECOND) + 5;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, until_next_ms, on_tick, self, NULL);
}

static gboolean
on_tick (gpointer user_data)
{
  LotsCaseBar *self = user_data;

  self->tick_id = 0;
  update_timer (self);
  return G_SOURCE_REMOVE;
}

static void
update_pending (LotsCaseBar *self)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->pending_box), self->pending > 0);
  if (self->pending == 0)
    return;
  text = g_strdup_printf (ngettext ("%u waiting for upload", "%u waiting for upload", self->pending),
                          self->pending);
  tooltip = g_strdup_printf (ngettext ("%u case outcome is saved on this computer and has not been "
                                       "uploaded yet. It is uploaded when the network is available.",
                                       "%u case outcomes are saved on this computer and have not been "
                                       "uploaded yet. They are uploaded when the network is available.",
                                       self->pending),
                             self->pending);
  gtk_label_set_label (self->pending_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pending_box), tooltip);
}

static void
show_running (LotsCaseBar *self,
              gboolean     running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->new_case_button), !running);
  gtk_widget_set_visible (GTK_WIDGET (self->running_box), running);
  gtk_widget_set_visible (GTK_WIDGET (self->end_case_button), running);
}

static void
lots_case_bar_dispose (GObject *object)
{
  LotsCaseBar *self = LOTS_CASE_BAR (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_CASE_BAR);

  G_OBJECT_CLASS (lots_case_bar_parent_class)->dispose (object);
}

static void
lots_case_bar_finalize (GObject *object)
{
  LotsCaseBar *self = LOTS_CASE_BAR (object);

  g_clear_pointer (&self->started, g_date_time_unref);

  G_OBJECT_CLASS (lots_case_bar_parent_class)->finalize (object);
}

static void
lots_case_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LotsCaseBar *self = LOTS_CASE_BAR (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, lots_case_bar_is_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_case_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LotsCaseBar *self = LOTS_CASE_BAR (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      lots_case_bar_set_pending (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_case_bar_class_init (LotsCaseBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_case_bar_dispose;
  object_class->finalize = lots_case_bar_finalize;
  object_class->get_property = lots_case_bar_get_property;
  object_class->set_property = lots_case_bar_set_property;

  /* The number of case outcomes saved here and not yet uploaded. */
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a case runs (between lots_case_bar_start() and _stop()). */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-case-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsCaseBar, action_bar);
  gtk_widget_class_bind_template_child (widget_class, LotsCaseBar, new_case_button);
  gtk_widget_class_bind_template_child (widget_class, LotsCaseBar, running_box);
  gtk_widget_class_bind_template_child (widget_class, LotsCaseBar, timer_label);
  gtk_widget_class_bind_template_child (widget_class, LotsCaseBar, context_label);
  gtk_widget_class_bind_template_child (widget_class, LotsCaseBar, end_case_button);
  gtk_widget_class_bind_template_child (widget_class, LotsCaseBar, pending_box);
  gtk_widget_class_bind_template_child (widget_class, LotsCaseBar, pending_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lots-case-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
lots_case_bar_init (LotsCaseBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case"),
                                  -1);
}

/* Shows a running case: its timer from started, its channel (an id of
 * lots_case_channels) and, when known, the title of its service area. */
void
lots_case_bar_start (LotsCaseBar *self,
                     GDateTime   *started,
                     const char  *channel,
                     const char  *area_title)
{
  g_autofree char *context = NULL;
  gboolean was_running;

  g_return_if_fail (LOTS_IS_CASE_BAR (self));
  g_return_if_fail (started != NULL);
  g_return_if_fail (channel != NULL);

  was_running = self->started != NULL;
  g_clear_pointer (&self->started, g_date_time_unref);
  self->started = g_date_time_ref (started);

  if (area_title != NULL && area_title[0] != '\0')
    /* Translators: the channel and the service area of a case, e.g. "Phone · Elder care". */
    context = g_strdup_printf (_("%s · %s"), channel_title (channel), area_title);
  else
    context = g_strdup (channel_title (channel));
  gtk_label_set_label (self->context_label, context);

  show_running (self, TRUE);
  update_timer (self);
  if (!was_running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* Back to no case: the timer stops (its timeout is removed). */
void
lots_case_bar_stop (LotsCaseBar *self)
{
  g_return_if_fail (LOTS_IS_CASE_BAR (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);
  show_running (self, FALSE);
  if (self->started == NULL)
    return;
  g_clear_pointer (&self->started, g_date_time_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
lots_case_bar_is_running (LotsCaseBar *self)
{
  g_return_val_if_fail (LOTS_IS_CASE_BAR (self), FALSE);

  return self->started != NULL;
}

/* When the running case started (borrowed), or NULL. */
GDateTime *
lots_case_bar_get_started (LotsCaseBar *self)
{
  g_return_val_if_fail (LOTS_IS_CASE_BAR (self), NULL);

  return self->started;
}

void
lots_case_bar_set_pending (LotsCaseBar *self,
                           guint        n_waiting)
{
  g_return_if_fail (LOTS_IS_CASE_BAR (self));

  if (self->pending == n_waiting)
    return;
  self->pending = n_waiting;
  update_pending (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

guint
lots_case_bar_get_pending (LotsCaseBar *self)
{
  g_return_val_if_fail (LOTS_IS_CASE_BAR (self), 0);

  return self->pending;
}

LotsCaseBar *
lots_case_bar_new (void)
{
  return g_object_new (LOTS_TYPE_CASE_BAR, NULL);
}

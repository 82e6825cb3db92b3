/* lots-window.c — the main window: search entry, status page and the
 * state of the knowledge base in the header.
 *
 * The window owns no data: it shows the state of the application's index
 * (LotsApplication:loading) and keeps its size in the settings.
 */
#define G_LOG_DOMAIN "lots-window"

#include "config.h"

#include "lots-window.h"

#include <glib/gi18n.h>

struct _LotsWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (LotsWindow, lots_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_index_error (LotsWindow   *self,
                  const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  g_autofree char *description =
    g_strdup_printf (_("%s\n\nKontrollera att datakatalogen finns och går att skriva i, och starta om Lots. "
                       "Hjälper inte det: kontakta IT-supporten och berätta vad som står här."),
                     escaped);

  adw_window_title_set_subtitle (self->window_title, _("Kunskapsbasen kunde inte öppnas"));
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("Kunskapsbasen kunde inte öppnas"));
  adw_status_page_set_description (self->status_page, description);
}

static void
show_index_state (LotsWindow      *self,
                  LotsApplication *app)
{
  const GError *error = lots_application_get_index_error (app);
  g_autofree char *subtitle = NULL;
  guint n;

  if (lots_application_get_loading (app))
    {
      adw_window_title_set_subtitle (self->window_title, _("Läser in kunskapsbasen …"));
      return;
    }
  if (error != NULL)
    {
      show_index_error (self, error);
      return;
    }
  n = lots_application_get_n_builtin_articles (app);
  subtitle = g_strdup_printf (ngettext ("%u artikel i den inbyggda kunskapsbasen",
                                        "%u artiklar i den inbyggda kunskapsbasen", n),
                              n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_application_notify_loading (LotsWindow      *self,
                               GParamSpec      *pspec,
                               LotsApplication *app)
{
  show_index_state (self, app);
}

/* Escape in the entry clears it: the next call starts from nothing. */
static void
on_search_entry_stop_search (GtkSearchEntry *entry,
                             LotsWindow     *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* win.focus-search (Ctrl+K): to the search entry, with its text selected so
 * that typing replaces the last query. */
static void
lots_window_focus_search (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LotsWindow *self = LOTS_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

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
  GSettings *settings;

  if (!LOTS_IS_APPLICATION (app))
    return;
  g_signal_handlers_disconnect_by_func (self, on_window_notify_application, user_data);

  settings = lots_application_get_settings (LOTS_APPLICATION (app));
  if (settings != NULL)
    bind_settings (self, settings);
  g_signal_connect_object (app, "notify::loading",
                           G_CALLBACK (on_application_notify_loading), self,
                           G_CONNECT_SWAPPED);
  show_index_state (self, LOTS_APPLICATION (app));
}

static void
lots_window_dispose (GObject *object)
{
  LotsWindow *self = LOTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_WINDOW);

  G_OBJECT_CLASS (lots_window_parent_class)->dispose (object);
}

static void
lots_window_class_init (LotsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsWindow, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);

  /* Its shortcut is declared with the others, in lots-application.c. */
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, lots_window_focus_search);
}

static void
lots_window_init (LotsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (on_window_notify_application), NULL);

  /* Typing anywhere in the window goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

LotsWindow *
lots_window_new (LotsApplication *application)
{
  g_return_val_if_fail (LOTS_IS_APPLICATION (application), NULL);

  return g_object_new (LOTS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* lots-preferences-dialog.h — the preferences window: the git sources this
 * workstation syncs, the outcomes remote and ids of the case log, and the
 * language of the interface.
 *
 * Every file is read and written by the core (lots-source-config.h,
 * lots-upload.h, lots-workstation.h) in GTask worker threads; the window
 * only shows and collects. ::sources-changed says that a source was added
 * or removed, so that the application can sync or refresh what it shows.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOTS_TYPE_PREFERENCES_DIALOG (lots_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LotsPreferencesDialog, lots_preferences_dialog, LOTS, PREFERENCES_DIALOG, AdwPreferencesWindow)

const char *lots_preferences_dialog_get_data_dir (LotsPreferencesDialog *self);
gboolean    lots_preferences_dialog_get_busy     (LotsPreferencesDialog *self);
GtkWindow  *lots_preferences_dialog_new          (GtkWindow             *parent,
                                                  const char            *data_dir);

G_END_DECLS

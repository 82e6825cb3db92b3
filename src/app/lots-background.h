/* lots-background.h — sync and upload, in the background, with backoff. */
#pragma once

#include <gio/gio.h>

#include "lots-sync.h"

G_BEGIN_DECLS

#define LOTS_TYPE_BACKGROUND (lots_background_get_type ())

G_DECLARE_FINAL_TYPE (LotsBackground, lots_background, LOTS, BACKGROUND, GObject)

LotsBackground *lots_background_new              (const char     *data_dir);

/* Starts the periodic work: a sync now and every SYNC_INTERVAL seconds
 * (0: never by itself), and an upload whenever outcomes wait. */
void            lots_background_start            (LotsBackground *self,
                                                  guint           sync_interval);
void            lots_background_stop             (LotsBackground *self);
void            lots_background_sync_now         (LotsBackground *self);
/* A case was logged: upload soon (a failed upload retries with backoff). */
void            lots_background_upload_soon      (LotsBackground *self);
/* Counts the outcomes waiting for upload again (after a case is saved). */
void            lots_background_refresh_pending  (LotsBackground *self);

gboolean        lots_background_get_syncing      (LotsBackground *self);
gboolean        lots_background_get_uploading    (LotsBackground *self);
gboolean        lots_background_get_offline      (LotsBackground *self);
gint64          lots_background_get_last_sync    (LotsBackground *self);
guint           lots_background_get_pending      (LotsBackground *self);
/* The results of the last sync (LotsSyncResult, one per source). */
GPtrArray      *lots_background_get_sync_results (LotsBackground *self);
const char     *lots_background_get_upload_error (LotsBackground *self);
/* The source and stage of the sync running now, and its fraction 0..1. */
char           *lots_background_dup_progress_text (LotsBackground *self);
double          lots_background_get_progress     (LotsBackground *self);
/* Upload retry delays, for tests: the first and the cap, in seconds. */
void            lots_background_set_backoff      (LotsBackground *self,
                                                  guint           first,
                                                  guint           cap);
guint           lots_background_get_retry_delay  (LotsBackground *self);

G_END_DECLS

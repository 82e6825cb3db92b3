/* lots-caselog.h — the journal of case outcomes: the only data of Lots
 * that cannot be rebuilt.
 *
 * The journal is its own SQLite file, cases.sqlite in the data directory,
 * apart from the index (a cache that can always be rebuilt and may be
 * thrown away). lots_caselog_add() returns only once the outcome is on
 * disk: a case the handler saw acknowledged survives a crash or a power
 * cut. It also keeps the searches that found nothing, the content gaps
 * publishers should fill.
 *
 * Each outcome carries the columns the upload needs (batch and
 * uploaded_at): the upload marks the outcomes of a batch only after the
 * push is confirmed, and retention removes only outcomes already uploaded.
 * Before anything is written to git the upload stages the pending
 * outcomes into batches (lots_caselog_stage_pending), recorded here, so
 * that a retried upload writes the same batches again.
 *
 * The searches that found nothing travel the same way, in batches of
 * their own: each has a UUID given when it is recorded (the remote's
 * copies are told apart by it), is staged before the git work, marked
 * uploaded with its batch and removed by retention like an outcome.
 */
#pragma once

#include <glib.h>

#include "lots-case.h"

G_BEGIN_DECLS

#define LOTS_CASELOG_FILE "cases.sqlite"
#define LOTS_CASELOG_SCHEMA_VERSION 3
#define LOTS_CASELOG_QUERY_MAX_CHARS 200

typedef struct _LotsCaselog LotsCaselog;

/* One outcome as the report reads it: borrowed strings, valid only during
 * the callback (a report over a million outcomes allocates nothing per
 * row). */
typedef struct {
  gint64 started_at;
  const char *week;
  const char *channel;
  const char *area;
  const char *guide;
  const char *path;        /* step ids joined by "," ("" without a guide) */
  gboolean resolved;
  gboolean acute;
  const char *referred_to;
  const char *complaint_to;
} LotsCaseRow;

typedef struct {
  const char *id;          /* a UUID, given when the search was recorded */
  gint64 at;
  const char *area;        /* NULL: searched in every area */
  const char *lang;
  const char *query;       /* scrubbed and normalised */
} LotsEmptySearchRow;

typedef void (*LotsCaseRowFunc)        (const LotsCaseRow        *row,
                                        gpointer                  user_data);
typedef void (*LotsEmptySearchRowFunc) (const LotsEmptySearchRow *row,
                                        gpointer                  user_data);

LotsCaselog *lots_caselog_open              (const char          *filename,
                                             GError             **error);
LotsCaselog *lots_caselog_open_default      (GError             **error);
void         lots_caselog_close             (LotsCaselog         *self);
const char  *lots_caselog_get_filename      (LotsCaselog         *self);
void         lots_caselog_set_references    (LotsCaselog         *self,
                                             LotsCaseReferences  *references);
void         lots_caselog_set_now           (LotsCaselog         *self,
                                             gint64               now);

gboolean     lots_caselog_add               (LotsCaselog         *self,
                                             LotsCase            *outcome,
                                             GError             **error);
gboolean     lots_caselog_add_many          (LotsCaselog         *self,
                                             GPtrArray           *outcomes,
                                             GError             **error);
LotsCase    *lots_caselog_get               (LotsCaselog         *self,
                                             const char          *id,
                                             GError             **error);
GPtrArray   *lots_caselog_list              (LotsCaselog         *self,
                                             gint64               since,
                                             GError             **error);
gint64       lots_caselog_count             (LotsCaselog         *self,
                                             GError             **error);
gboolean     lots_caselog_scan              (LotsCaselog         *self,
                                             gint64               since,
                                             LotsCaseRowFunc      func,
                                             gpointer             user_data,
                                             GError             **error);

gboolean     lots_caselog_add_empty_search  (LotsCaselog         *self,
                                             const char          *query,
                                             const char          *area,
                                             const char          *lang,
                                             GError             **error);
gboolean     lots_caselog_scan_empty_searches (LotsCaselog       *self,
                                             gint64               since,
                                             LotsEmptySearchRowFunc func,
                                             gpointer             user_data,
                                             GError             **error);

GPtrArray   *lots_caselog_list_pending      (LotsCaselog         *self,
                                             guint                limit,
                                             GError             **error);
GPtrArray   *lots_caselog_stage_pending     (LotsCaselog         *self,
                                             guint                batch_size,
                                             GError             **error);
GPtrArray   *lots_caselog_list_batch        (LotsCaselog         *self,
                                             const char          *batch,
                                             GError             **error);
gboolean     lots_caselog_scan_batch_searches (LotsCaselog       *self,
                                             const char          *batch,
                                             LotsEmptySearchRowFunc func,
                                             gpointer             user_data,
                                             GError             **error);
gboolean     lots_caselog_mark_uploaded     (LotsCaselog         *self,
                                             const char          *batch,
                                             GPtrArray           *ids,
                                             GError             **error);
gboolean     lots_caselog_remove_uploaded_before (LotsCaselog    *self,
                                             guint                months,
                                             guint               *removed,
                                             GError             **error);
gboolean     lots_caselog_check_integrity   (LotsCaselog         *self,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsCaselog, lots_caselog_close)

G_END_DECLS

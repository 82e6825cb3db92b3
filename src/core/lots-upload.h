/* lots-upload.h — pushing the case log to the outcomes remote, and reading
 * every workstation's outcomes back from it.
 *
 * Uploads are git pushes (DESIGN.md): each workstation pushes its outcomes
 * to its own branch, cases/WORKSTATION, of one outcomes repository, as
 * NDJSON batch files cases/WORKSTATION/BATCH.ndjson (one outcome per line,
 * the fields of the case, no caller identity; notes are scrubbed when
 * logged). Any git host serves it; the analysts read every branch.
 *
 * The searches that found nothing (the content gaps) travel the same way,
 * in batch files of their own beside the outcomes', one line per search:
 *
 *   {"type":"empty_search","id":UUID,"at":UNIX_SECONDS,"area":"aldre"|null,
 *    "lang":"sv","query":"…","workstation":"ws-…"}
 *
 * The query is as the journal holds it (normalised and scrubbed). Outcome
 * lines have no "type": a line without one is an outcome, so the batches
 * written before searches were uploaded read as they always did.
 *
 * The remote is configured in lots.conf in the data directory:
 *
 *   [upload]
 *   remote=https://git.example.se/kontaktcenter/utfall.git
 *   retention-months=24
 *
 * (`lotsctl upload --remote URL` writes the first key). Never with a
 * password or token in the URL: credentials come as for sources.
 *
 * An upload is safe to kill or fail at any point and to run again: the
 * outcomes are staged into batches in the journal before anything is
 * written to git, a batch is marked uploaded only once the remote confirms
 * the push (or already holds its file), and a retried batch is the same
 * file under the same name. Unreachable remote: LOTS_ERROR_OFFLINE, all
 * stays queued. A remote that refuses the push: LOTS_ERROR_REFUSED with the
 * remote's message, all stays queued.
 */
#pragma once

#include <glib.h>

#include "lots-caselog.h"

G_BEGIN_DECLS

#define LOTS_UPLOAD_GROUP "upload"
/* A batch file of 1,000 outcomes is about half a megabyte: small enough to
 * read and diff, few enough files for a year of a busy desk. */
#define LOTS_UPLOAD_BATCH_SIZE 1000
#define LOTS_UPLOAD_RETENTION_MONTHS 24
#define LOTS_UPLOAD_LOCK_TIMEOUT_S 30
/* The "type" of a search line in a batch file. */
#define LOTS_UPLOAD_TYPE_EMPTY_SEARCH "empty_search"

typedef struct {
  char *branch;              /* cases/WORKSTATION */
  char *commit;              /* the branch's commit after the upload, or NULL */
  guint batches_pushed;
  guint outcomes_uploaded;   /* in the batches pushed now */
  guint searches_uploaded;   /* searches that found nothing, in them */
  guint batches_already;     /* found on the remote already: only marked */
  guint outcomes_already;
  guint searches_already;
  guint removed;             /* outcomes and searches removed by retention */
} LotsUploadResult;

typedef struct {
  guint branches;            /* branches cases/WS read */
  guint batches;             /* batch files read */
  guint outcomes;            /* distinct outcomes passed on */
  guint searches;            /* distinct searches that found nothing */
  guint duplicates;          /* lines whose outcome or search id was seen before */
  guint skipped;             /* lines that are neither */
} LotsUploadScan;

/* STAGE is "fetch", "stage", "push" or "mark". */
typedef void (*LotsUploadProgress) (const char *stage,
                                    guint       done,
                                    guint       total,
                                    gpointer    user_data);

gboolean  lots_upload_set_remote    (const char          *url,
                                     GError             **error);
char     *lots_upload_dup_remote    (GError             **error);
gboolean  lots_upload_run           (LotsUploadProgress   progress,
                                     gpointer             user_data,
                                     LotsUploadResult    *result,
                                     GError             **error);
void      lots_upload_result_clear  (LotsUploadResult    *result);
gboolean  lots_upload_scan_remote   (gint64               since,
                                     LotsCaseRowFunc      func,
                                     gpointer             user_data,
                                     LotsUploadScan      *scan,
                                     GError             **error);
gboolean  lots_upload_scan_remote_full (gint64            since,
                                     LotsCaseRowFunc      func,
                                     LotsEmptySearchRowFunc search_func,
                                     gpointer             user_data,
                                     LotsUploadScan      *scan,
                                     GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LotsUploadResult, lots_upload_result_clear)

G_END_DECLS

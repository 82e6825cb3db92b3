/* lots-sync.h — fetch, validate, accept or quarantine, re-index.
 *
 * A sync of one source: fetch its branch into the bare repository, then the
 * validation gate on the fetched commit — the tree's entries (links,
 * submodules, "..", ".git", sizes, counts), every article, table and guide
 * with the checks of `lotsctl lint` and `guide check`, the source's scenario
 * tests, the areas it was granted, a fast-forward from the accepted commit
 * (unless rewrites are allowed). A commit that fails any of it is recorded
 * as quarantined with every reason (`path:line: message`) and the previous
 * version keeps serving; one that passes is indexed in one SQLite
 * transaction (a search sees the old or the new version, never half) and
 * only then becomes the accepted ref.
 *
 * Once a commit is accepted and the index holds it, the next one is checked
 * and indexed as a change (git's diff, renames found): only the changed
 * files' blobs are read and parsed, with the guides, tables and manifests
 * (few, and the guide checks need all of them); ids and links are checked
 * against the index for the rest; guides are checked and their scenarios
 * run when a guide or table changed or an article was modified, moved or
 * deleted; and only the changed rows are rewritten. Every entry of the
 * tree is still checked by name and mode. A change to lots.yaml or
 * areas.yaml, a first sync, or an index at another commit than the
 * accepted one takes the whole tree again.
 *
 * The index is the truth of what serves: after a crash between the index
 * commit and the ref update, the next sync moves the ref to what the index
 * holds.
 *
 * Two syncs at once (the app and lotsctl) take turns on a lock file in the
 * data directory; one that cannot get it in time says the data is busy.
 */
#pragma once

#include <glib.h>

#include "lots-index.h"
#include "lots-source-config.h"

G_BEGIN_DECLS

typedef enum {
  LOTS_SYNC_UP_TO_DATE,
  LOTS_SYNC_ACCEPTED,
  LOTS_SYNC_QUARANTINED,
  LOTS_SYNC_OFFLINE,
  LOTS_SYNC_FAILED,
} LotsSyncStatus;

typedef struct {
  char *name;
  LotsSyncStatus status;
  char *old_commit;      /* accepted before the sync, or NULL */
  char *new_commit;      /* fetched, or NULL when the fetch failed */
  guint files_changed;
  guint n_articles;      /* serving after the sync */
  GPtrArray *reasons;    /* char *: why it was quarantined, path:line: message */
  char *message;         /* offline or failed: what happened */
} LotsSyncResult;

/* Progress of one source: STAGE is "fetch", "validate" or "index". */
typedef void (*LotsSyncProgress) (const char *source,
                                  const char *stage,
                                  guint       done,
                                  guint       total,
                                  gsize       bytes,
                                  gpointer    user_data);

#define LOTS_SYNC_LOCK_TIMEOUT_S 30

int             lots_sync_lock          (const char              *data_dir,
                                         guint                    timeout_s,
                                         GError                 **error);
void            lots_sync_unlock        (int                      lock);
LotsSyncResult *lots_sync_source        (const LotsSourceConfig  *config,
                                         const char              *data_dir,
                                         LotsIndex               *index,
                                         GPtrArray               *known_areas,
                                         LotsSyncProgress         progress,
                                         gpointer                 user_data);
void            lots_sync_result_free   (LotsSyncResult          *result);
const char     *lots_sync_status_name   (LotsSyncStatus           status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsSyncResult, lots_sync_result_free)

G_END_DECLS

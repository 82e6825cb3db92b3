/* lots-source-repository.h — the bare git repository a source is fetched
 * into, and its content read from git objects.
 *
 * Nothing is ever checked out: files are read from the blobs of a commit's
 * tree, so a symbolic link or a path with ".." cannot reach the disk. The
 * tree is still untrusted input: symbolic links, submodules, paths with
 * ".." or ".git" components, files over LOTS_SOURCE_MAX_FILE_SIZE and trees
 * with more than LOTS_SOURCE_MAX_FILES files are refused with a diagnostic
 * each.
 *
 * Refs kept in the bare repository:
 *   refs/remotes/origin/BRANCH   what the last fetch brought
 *   refs/lots/accepted           the commit handlers are served
 *   refs/lots/quarantine/SHA     commits refused by the validation gate
 */
#pragma once

#include <glib.h>

#include "lots-source-config.h"

G_BEGIN_DECLS

#define LOTS_ACCEPTED_REF "refs/lots/accepted"

typedef struct _LotsSourceRepository LotsSourceRepository;

/* What a fetch reports while it runs. */
typedef void (*LotsFetchProgress) (guint    received_objects,
                                   guint    total_objects,
                                   gsize    received_bytes,
                                   gpointer user_data);

typedef enum {
  LOTS_CHANGE_ADDED,
  LOTS_CHANGE_MODIFIED,
  LOTS_CHANGE_DELETED,
  LOTS_CHANGE_RENAMED,
} LotsChangeKind;

typedef struct {
  LotsChangeKind kind;
  char *old_path;   /* NULL when added */
  char *new_path;   /* NULL when deleted */
} LotsChange;

typedef struct {
  char *commit;
  char *author;
  char *date;       /* ISO 8601 */
  char *summary;
} LotsHistoryEntry;

LotsSourceRepository *lots_source_repository_open     (const LotsSourceConfig *config,
                                                       const char             *data_dir,
                                                       GError                **error);
void                  lots_source_repository_free     (LotsSourceRepository   *repository);
void                  lots_source_repository_clear_stale_locks (LotsSourceRepository *repository);
gboolean              lots_source_repository_fetch    (LotsSourceRepository   *repository,
                                                       LotsFetchProgress       progress,
                                                       gpointer                user_data,
                                                       GError                **error);
char                 *lots_source_repository_dup_fetched  (LotsSourceRepository *repository);
char                 *lots_source_repository_dup_ref      (LotsSourceRepository *repository,
                                                           const char           *ref);
gboolean              lots_source_repository_set_ref      (LotsSourceRepository *repository,
                                                           const char           *ref,
                                                           const char           *commit,
                                                           const char           *message,
                                                           GError              **error);
gboolean              lots_source_repository_is_descendant (LotsSourceRepository *repository,
                                                            const char           *commit,
                                                            const char           *ancestor);
GPtrArray            *lots_source_repository_read_tree    (LotsSourceRepository *repository,
                                                           const char           *commit,
                                                           GPtrArray            *diagnostics,
                                                           GError              **error);
GPtrArray            *lots_source_repository_read_tree_part (LotsSourceRepository *repository,
                                                            const char           *commit,
                                                            GHashTable           *paths,
                                                            GPtrArray            *diagnostics,
                                                            GError              **error);
GPtrArray            *lots_source_repository_diff         (LotsSourceRepository *repository,
                                                           const char           *old_commit,
                                                           const char           *new_commit,
                                                           GError              **error);
GPtrArray            *lots_source_repository_history      (LotsSourceRepository *repository,
                                                           const char           *commit,
                                                           const char           *path,
                                                           guint                 max,
                                                           GError              **error);
void                  lots_change_free                    (LotsChange       *change);
void                  lots_history_entry_free             (LotsHistoryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsSourceRepository, lots_source_repository_free)

G_END_DECLS

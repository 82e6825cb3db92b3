/* lots-history.h — the commits that changed one file of a git repository,
 * and what each of them changed in it.
 *
 * What a quality coach reads beside a guide: who changed it, when, why,
 * and the lines that changed. It works on any repository given by its
 * path — the bare repository a synced source is fetched into
 * (DATA_DIR/git/NAME, lots-source-repository.h) as well as a working tree
 * such as the checkout the built-in source lives in — so a front needs no
 * LotsSourceConfig to show history. Every call opens the repository on its
 * own: the functions may run in any thread, at the same time.
 *
 * The entries are the LotsHistoryEntry of lots-source-repository.h, which
 * `lotsctl show --history` prints, so there is one notion of a history
 * entry in the core (its date is ISO 8601, UTC).
 */
#pragma once

#include <glib.h>

#include "lots-source-repository.h"

G_BEGIN_DECLS

gboolean   lots_history_find_repository (const char  *filename,
                                         char       **repository_path,
                                         char       **path_in_repository,
                                         GError     **error);
GPtrArray *lots_history_list_file       (const char  *repository_path,
                                         const char  *ref,
                                         const char  *path,
                                         guint        max,
                                         GError     **error);
char      *lots_history_dup_diff        (const char  *repository_path,
                                         const char  *commit,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS

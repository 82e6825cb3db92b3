/* lots-paths.h — where Lots reads its built-in source and writes its files.
 *
 * Every file Lots writes goes under one data directory when one is given
 * (--data-dir or LOTS_DATA_DIR), as the lotsctl contract says; otherwise
 * the XDG directories are used: the case log under the data dir, the index
 * (a rebuildable cache) under the cache dir.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   lots_paths_set_data_dir     (const char *dir);
char  *lots_paths_dup_data_dir     (void);
char  *lots_paths_dup_index_file   (void);
char  *lots_paths_dup_builtin_dir  (void);
gboolean lots_paths_ensure_parent  (const char  *filename,
                                    GError     **error);

G_END_DECLS

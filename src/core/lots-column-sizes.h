/* lots-column-sizes.h — every article's column lengths, in memory, for ranking.
 *
 * BM25F needs each matching row's column lengths in tokens. FTS5 answers
 * xColumnSize() with one lookup statement in its docsize table per row, and
 * a frequent word matches tens of thousands of rows in a large index: that
 * lookup was most of the time of ranking them. A LotsColumnSizes is the
 * whole docsize table read once, a few tens of bytes per article, passed to
 * lots_rank() as a pointer argument. The index reloads it when the database
 * changes (SQLITE_FCNTL_DATA_VERSION); lots_rank() falls back to
 * xColumnSize() for a row it does not hold.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _LotsColumnSizes LotsColumnSizes;

/* The pointer type of the argument lots_rank() reads (sqlite3_bind_pointer). */
#define LOTS_COLUMN_SIZES_POINTER_TYPE "lots_column_sizes"

LotsColumnSizes *lots_column_sizes_load   (sqlite3     *db,
                                           const char  *fts_table,
                                           GError     **error);
void             lots_column_sizes_free   (LotsColumnSizes *self);
guint            lots_column_sizes_count  (const LotsColumnSizes *self);
gboolean         lots_column_sizes_lookup (const LotsColumnSizes *self,
                                           sqlite3_int64          rowid,
                                           guint                 *hint,
                                           int                   *sizes,
                                           int                    n_columns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsColumnSizes, lots_column_sizes_free)

G_END_DECLS

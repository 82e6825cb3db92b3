/* lots-column-sizes.c — the FTS5 docsize table in memory (see the header). */
#define G_LOG_DOMAIN "lots-column-sizes"

#include "config.h"

#include "lots-column-sizes.h"

#include "lots-error.h"

/* lots_rank() scores the first columns only; more are not kept. */
#define MAX_COLUMNS 8

struct _LotsColumnSizes {
  GArray *rowids;     /* sqlite3_int64, ascending */
  GArray *sizes;      /* guint32, MAX_COLUMNS per row */
};

/* SQLite's varint, as FTS5 writes the docsize blob: big-endian groups of
 * seven bits, the high bit set on all but the last; a ninth byte carries
 * eight. Returns the bytes read, 0 at the end of the blob. */
static gsize
read_varint (const guchar *p,
             gsize         length,
             guint64      *value)
{
  guint64 v = 0;

  for (gsize i = 0; i < length && i < 9; i++)
    {
      if (i == 8)
        {
          *value = (v << 8) | p[i];
          return 9;
        }
      v = (v << 7) | (p[i] & 0x7f);
      if ((p[i] & 0x80) == 0)
        {
          *value = v;
          return i + 1;
        }
    }
  return 0;
}

static void
append_row (LotsColumnSizes *self,
            sqlite3_int64    rowid,
            const guchar    *blob,
            gsize            length)
{
  guint32 sizes[MAX_COLUMNS] = { 0 };
  gsize offset = 0;

  for (int c = 0; c < MAX_COLUMNS && offset < length; c++)
    {
      guint64 value = 0;
      gsize n = read_varint (blob + offset, length - offset, &value);

      if (n == 0)
        break;
      sizes[c] = (guint32) MIN (value, G_MAXUINT32);
      offset += n;
    }
  g_array_append_val (self->rowids, rowid);
  g_array_append_vals (self->sizes, sizes, MAX_COLUMNS);
}

void
lots_column_sizes_free (LotsColumnSizes *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rowids);
  g_array_unref (self->sizes);
  g_free (self);
}

/* Reads fts_table's docsize table, which must exist. fts_table is spliced
 * into SQL: the caller passes a name it made, never input. */
LotsColumnSizes *
lots_column_sizes_load (sqlite3     *db,
                        const char  *fts_table,
                        GError     **error)
{
  g_autoptr(LotsColumnSizes) self = g_new0 (LotsColumnSizes, 1);
  g_autofree char *sql = g_strdup_printf ("SELECT id, sz FROM \"%s_docsize\" ORDER BY id", fts_table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  self->rowids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  self->sizes = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE, "reading column sizes: %s", sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append_row (self, sqlite3_column_int64 (stmt, 0), sqlite3_column_blob (stmt, 1),
                (gsize) sqlite3_column_bytes (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE, "reading column sizes: %s", sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&self);
}

guint
lots_column_sizes_count (const LotsColumnSizes *self)
{
  return self->rowids->len;
}

/* The index of rowid in the ascending rowids from first on, or -1. */
static gssize
find_rowid (const LotsColumnSizes *self,
            guint                  first,
            sqlite3_int64          rowid)
{
  const sqlite3_int64 *rowids = (const sqlite3_int64 *) self->rowids->data;
  guint low = first, high = self->rowids->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (rowids[middle] < rowid)
        low = middle + 1;
      else
        high = middle;
    }
  return low < self->rowids->len && rowids[low] == rowid ? (gssize) low : -1;
}

/* Fills sizes[0..n_columns) with rowid's column lengths; FALSE if the row
 * is not held. FTS5 returns matches in ascending rowid order, so the search
 * starts where the previous one (*hint, kept by the caller) ended. */
gboolean
lots_column_sizes_lookup (const LotsColumnSizes *self,
                          sqlite3_int64          rowid,
                          guint                 *hint,
                          int                   *sizes,
                          int                    n_columns)
{
  const sqlite3_int64 *rowids = (const sqlite3_int64 *) self->rowids->data;
  const guint32 *row;
  gssize found;

  g_assert (n_columns <= MAX_COLUMNS);

  if (*hint < self->rowids->len && rowids[*hint] == rowid)
    found = *hint;
  else if (*hint < self->rowids->len && rowids[*hint] < rowid)
    found = find_rowid (self, *hint, rowid);
  else
    found = find_rowid (self, 0, rowid);
  if (found < 0)
    return FALSE;
  *hint = (guint) found;
  row = &g_array_index (self->sizes, guint32, (gsize) found * MAX_COLUMNS);
  for (int c = 0; c < n_columns; c++)
    sizes[c] = (int) MIN (row[c], (guint32) G_MAXINT);
  return TRUE;
}

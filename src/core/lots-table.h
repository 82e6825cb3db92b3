/* lots-table.h — a lookup table from a source's data/ folder (CSV).
 *
 * Tables are what guides look things up in: postcode → district, unit →
 * phone and opening hours. UTF-8, comma-separated, a header row, RFC 4180
 * quoting.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *path;        /* relative to the source root */
  char *name;        /* the file name without .csv: how guides refer to it */
  GStrv columns;
  GPtrArray *rows;   /* GStrv, each with one value per column */
  GArray *lines;     /* guint, the file line each row starts on */
} LotsTable;

#define LOTS_TABLE_MAX_SIZE (8 * 1024 * 1024)

LotsTable  *lots_table_parse        (const char  *path,
                                     const char  *text,
                                     gsize        length,
                                     GPtrArray   *diagnostics);
void        lots_table_free         (LotsTable   *table);
int         lots_table_column       (const LotsTable *table,
                                     const char      *column);
const char *lots_table_lookup       (const LotsTable *table,
                                     const char      *key_column,
                                     const char      *key,
                                     const char      *value_column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsTable, lots_table_free)

G_END_DECLS

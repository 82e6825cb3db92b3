/* lots-table.c — reading the CSV tables of a source's data/ folder (RFC 4180).
 *
 * No CSV library is among the project's dependencies and the format is
 * small, so the reader is here: a single pass over the text that keeps line
 * numbers, so that an unterminated quote or a short row is reported where it
 * is.
 */
#define G_LOG_DOMAIN "lots-table"

#include "config.h"

#include "lots-table.h"

#include <string.h>

#include "lots-diagnostic.h"
#include "lots-text.h"

void
lots_table_free (LotsTable *table)
{
  if (table == NULL)
    return;
  g_free (table->path);
  g_free (table->name);
  g_strfreev (table->columns);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_free (table);
}

typedef struct {
  const char *p;
  const char *end;
  guint line;
} Cursor;

/* Reads one record into fields. Returns FALSE at the end of the text, or on
 * an unterminated quote (then *bad_quote_line is set). */
static gboolean
read_record (Cursor   *cursor,
             GPtrArray *fields,
             guint    *bad_quote_line)
{
  g_autoptr(GString) field = g_string_new (NULL);

  if (cursor->p >= cursor->end)
    return FALSE;

  for (;;)
    {
      if (cursor->p < cursor->end && *cursor->p == '"')
        {
          guint start_line = cursor->line;

          cursor->p++;
          for (;;)
            {
              if (cursor->p >= cursor->end)
                {
                  *bad_quote_line = start_line;
                  return FALSE;
                }
              if (*cursor->p == '"')
                {
                  if (cursor->p + 1 < cursor->end && cursor->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      cursor->p += 2;
                      continue;
                    }
                  cursor->p++;
                  break;
                }
              if (*cursor->p == '\n')
                cursor->line++;
              g_string_append_c (field, *cursor->p++);
            }
        }
      while (cursor->p < cursor->end && *cursor->p != ',' && *cursor->p != '\n')
        {
          if (*cursor->p != '\r')
            g_string_append_c (field, *cursor->p);
          cursor->p++;
        }
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (cursor->p >= cursor->end)
        return TRUE;
      if (*cursor->p++ == '\n')
        {
          cursor->line++;
          return TRUE;
        }
    }
}

static gboolean
is_blank_record (GPtrArray *fields)
{
  return fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0';
}

static GStrv
fields_to_strv (GPtrArray *fields)
{
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (fields, FALSE);
}

static gboolean
check_header (const char *path,
              GPtrArray  *header,
              GPtrArray  *diagnostics)
{
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = g_ptr_array_index (header, i);
      if (*name == '\0')
        {
          lots_diagnostics_add (diagnostics, path, 1, LOTS_SEVERITY_ERROR,
                                "column %u of the header row has no name", i + 1);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (name, g_ptr_array_index (header, j)))
          {
            lots_diagnostics_add (diagnostics, path, 1, LOTS_SEVERITY_ERROR,
                                  "column '%s' appears twice in the header row", name);
            return FALSE;
          }
    }
  return TRUE;
}

static char *
table_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, ".csv"))
    base[strlen (base) - 4] = '\0';
  return g_steal_pointer (&base);
}

/* Parses a CSV table. Returns NULL if it is unusable; problems go to
 * diagnostics (every short or long row is reported, not just the first). */
LotsTable *
lots_table_parse (const char *path,
                  const char *text,
                  gsize       length,
                  GPtrArray  *diagnostics)
{
  g_autoptr(LotsTable) table = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  Cursor cursor = { text, text + length, 1 };
  guint bad_quote_line = 0;
  guint n_errors = lots_diagnostics_n_errors (diagnostics);
  guint n_columns;

  if (length > LOTS_TABLE_MAX_SIZE)
    {
      lots_diagnostics_add (diagnostics, path, 0, LOTS_SEVERITY_ERROR,
                            "table is %" G_GSIZE_FORMAT " bytes; at most %d are read", length, LOTS_TABLE_MAX_SIZE);
      return NULL;
    }
  if (!lots_text_check_utf8 (path, text, length, diagnostics))
    return NULL;
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    cursor.p += 3;
  if (!read_record (&cursor, header, &bad_quote_line) || is_blank_record (header))
    {
      lots_diagnostics_add (diagnostics, path, bad_quote_line ? bad_quote_line : 1, LOTS_SEVERITY_ERROR,
                            bad_quote_line ? "a quoted field is never closed" : "empty table: the first row must name the columns");
      return NULL;
    }
  if (!check_header (path, header, diagnostics))
    return NULL;

  table = g_new0 (LotsTable, 1);
  table->path = g_strdup (path);
  table->name = table_name (path);
  n_columns = header->len;
  table->columns = fields_to_strv (g_steal_pointer (&header));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  for (;;)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint line = cursor.line;

      if (!read_record (&cursor, fields, &bad_quote_line))
        break;
      if (is_blank_record (fields))
        continue;
      if (fields->len != n_columns)
        {
          lots_diagnostics_add (diagnostics, path, line, LOTS_SEVERITY_ERROR,
                                "row has %u fields; the header has %u columns", fields->len, n_columns);
          continue;
        }
      g_ptr_array_add (table->rows, fields_to_strv (g_steal_pointer (&fields)));
      g_array_append_val (table->lines, line);
    }
  if (bad_quote_line != 0)
    lots_diagnostics_add (diagnostics, path, bad_quote_line, LOTS_SEVERITY_ERROR, "a quoted field is never closed");

  if (lots_diagnostics_n_errors (diagnostics) > n_errors)
    return NULL;
  return g_steal_pointer (&table);
}

int
lots_table_column (const LotsTable *table,
                   const char      *column)
{
  for (int i = 0; table->columns[i] != NULL; i++)
    if (g_str_equal (table->columns[i], column))
      return i;
  return -1;
}

/* The value of value_column in the first row whose key_column equals key. */
const char *
lots_table_lookup (const LotsTable *table,
                   const char      *key_column,
                   const char      *key,
                   const char      *value_column)
{
  int k = lots_table_column (table, key_column);
  int v = lots_table_column (table, value_column);

  if (k < 0 || v < 0 || key == NULL)
    return NULL;
  for (guint i = 0; i < table->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (table->rows, i);
      if (g_str_equal (row[k], key))
        return row[v];
    }
  return NULL;
}

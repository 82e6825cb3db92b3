/* lots-rank.c — the lots_rank() FTS5 auxiliary function (see the header). */
#define G_LOG_DOMAIN "lots-rank"

#include "config.h"

#include "lots-rank.h"

#include <math.h>
#include <string.h>

#include "lots-column-sizes.h"
#include "lots-error.h"

#define K1 1.2
#define B 0.75
#define MAX_COLUMNS 8

static const double column_weights[] = { 5.0, 3.0, 2.0, 1.0, 0.0 };
#define BODY_COLUMN 3

/* Lucene's form, positive even for a term in most rows: FTS5's floors at
 * 1e-6, which flattens every score in a small source (the dozen English
 * articles). */
static double
inverse_document_frequency (gint64 n_rows,
                            gint64 n_hits)
{
  return log (1.0 + ((double) n_rows - (double) n_hits + 0.5) / ((double) n_hits + 0.5));
}

/* What is computed once per query and kept as FTS5 auxiliary data. */
typedef struct {
  int n_phrases;
  int n_columns;
  int n_groups;
  int *group;          /* phrase → word, -1 for phrases that do not score */
  gint64 *df;          /* phrase → documents containing it, -1 if not given */
  double *idf;         /* phrase → inverse document frequency */
  double average_length[MAX_COLUMNS];
  const LotsColumnSizes *sizes;  /* NULL: ask FTS5 per row */
  guint sizes_hint;    /* where the previous row was found in sizes */
  int *tf;             /* scratch for one row: phrase × column → hits */
  double *best;        /* scratch for one row: word → best alternative's score */
} QueryStats;

static void
query_stats_free (void *data)
{
  QueryStats *stats = data;

  g_free (stats->group);
  g_free (stats->df);
  g_free (stats->idf);
  g_free (stats->tf);
  g_free (stats->best);
  g_free (stats);
}

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  (*(sqlite3_int64 *) user_data)++;
  return SQLITE_OK;
}

static int
parse_groups (QueryStats *stats,
              const char *map)
{
  g_auto(GStrv) items = g_strsplit (map ? map : "", ",", -1);

  for (int i = 0; i < stats->n_phrases; i++)
    {
      gint64 g = -1;
      char *end = NULL;

      stats->df[i] = -1;
      if (items[0] != NULL && i < (int) g_strv_length (items))
        {
          g = g_ascii_strtoll (items[i], &end, 10);
          if (end != NULL && *end == ':')
            stats->df[i] = g_ascii_strtoll (end + 1, NULL, 10);
        }
      stats->group[i] = (int) CLAMP (g, -1, stats->n_phrases);
      stats->n_groups = MAX (stats->n_groups, stats->group[i] + 1);
    }
  return SQLITE_OK;
}

static QueryStats *
query_stats_new (const Fts5ExtensionApi *api,
                 Fts5Context            *fts,
                 const char             *map,
                 int                    *rc)
{
  QueryStats *stats = g_new0 (QueryStats, 1);
  sqlite3_int64 n_rows = 0;

  stats->n_phrases = api->xPhraseCount (fts);
  stats->n_columns = MIN (api->xColumnCount (fts), MAX_COLUMNS);
  stats->group = g_new0 (int, stats->n_phrases + 1);
  stats->idf = g_new0 (double, stats->n_phrases + 1);
  stats->df = g_new0 (gint64, stats->n_phrases + 1);
  parse_groups (stats, map);
  stats->tf = g_new0 (int, (gsize) stats->n_phrases * MAX_COLUMNS + 1);
  stats->best = g_new0 (double, stats->n_groups + 1);

  *rc = api->xRowCount (fts, &n_rows);
  for (int c = 0; *rc == SQLITE_OK && c < stats->n_columns; c++)
    {
      sqlite3_int64 total = 0;
      *rc = api->xColumnTotalSize (fts, c, &total);
      stats->average_length[c] = n_rows > 0 ? (double) total / (double) n_rows : 1.0;
    }
  for (int p = 0; *rc == SQLITE_OK && p < stats->n_phrases; p++)
    {
      sqlite3_int64 n_hits = 0;

      if (stats->group[p] < 0)
        continue;
      /* The planner passes document frequencies from the index's own
       * vocabulary; counting them here walks every row of the phrase. */
      if (stats->df[p] >= 0)
        n_hits = stats->df[p];
      else
        *rc = api->xQueryPhrase (fts, p, &n_hits, count_row);
      stats->idf[p] = inverse_document_frequency (n_rows, n_hits);
    }
  if (*rc != SQLITE_OK)
    {
      query_stats_free (stats);
      return NULL;
    }
  return stats;
}

/* The row's column lengths: from the sizes the index passed, else FTS5's
 * docsize lookup, one statement per row. */
static int
column_lengths (const Fts5ExtensionApi *api,
                Fts5Context            *fts,
                QueryStats             *stats,
                int                    *column_length)
{
  int rc = SQLITE_OK;

  if (stats->sizes != NULL &&
      lots_column_sizes_lookup (stats->sizes, api->xRowid (fts), &stats->sizes_hint, column_length, stats->n_columns))
    return SQLITE_OK;
  for (int c = 0; rc == SQLITE_OK && c < stats->n_columns; c++)
    rc = api->xColumnSize (fts, c, &column_length[c]);
  return rc;
}

/* lots_rank(fts, map [, sizes]): see the header. */
static void
lots_rank (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           sqlite3_context        *context,
           int                     n_args,
           sqlite3_value         **args)
{
  QueryStats *stats = api->xGetAuxdata (fts, 0);
  int column_length[MAX_COLUMNS];
  int n_instances = 0;
  int rc = SQLITE_OK;
  double score = 0;

  if (stats == NULL)
    {
      stats = query_stats_new (api, fts, n_args > 0 ? (const char *) sqlite3_value_text (args[0]) : NULL, &rc);
      if (stats == NULL || (rc = api->xSetAuxdata (fts, stats, query_stats_free)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      if (n_args > 1)
        stats->sizes = sqlite3_value_pointer (args[1], LOTS_COLUMN_SIZES_POINTER_TYPE);
    }

  memset (stats->tf, 0, sizeof (int) * ((gsize) stats->n_phrases * MAX_COLUMNS + 1));
  memset (stats->best, 0, sizeof (double) * (gsize) (stats->n_groups + 1));
  rc = api->xInstCount (fts, &n_instances);
  for (int i = 0; rc == SQLITE_OK && i < n_instances; i++)
    {
      int phrase, column, offset;
      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK && phrase < stats->n_phrases && column < stats->n_columns)
        stats->tf[phrase * MAX_COLUMNS + column]++;
    }
  if (rc == SQLITE_OK)
    rc = column_lengths (api, fts, stats, column_length);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  for (int p = 0; p < stats->n_phrases; p++)
    {
      double phrase_score = 0;

      if (stats->group[p] < 0)
        continue;
      for (int c = 0; c < stats->n_columns && c < (int) G_N_ELEMENTS (column_weights); c++)
        {
          double f = stats->tf[p * MAX_COLUMNS + c];
          double norm = K1 * (1 - B + B * column_length[c] / MAX (stats->average_length[c], 1.0));
          if (f > 0)
            phrase_score += column_weights[c] * f * (K1 + 1) / (f + norm);
        }
      phrase_score *= stats->idf[p];
      stats->best[stats->group[p]] = MAX (stats->best[stats->group[p]], phrase_score);
    }
  for (int g = 0; g < stats->n_groups; g++)
    score += stats->best[g];
  sqlite3_result_double (context, score);
}

double
lots_rank_body_bound (const char *map,
                      gint64      n_rows)
{
  g_auto(GStrv) items = g_strsplit (map ? map : "", ",", -1);
  g_autoptr(GArray) best = g_array_new (FALSE, TRUE, sizeof (double));
  double bound = 0;

  for (guint i = 0; items[i] != NULL && items[i][0] != '\0'; i++)
    {
      char *end = NULL;
      gint64 group = g_ascii_strtoll (items[i], &end, 10);
      gint64 df = 1;
      double idf;

      if (group < 0 || group > 4096)
        continue;
      if (end != NULL && *end == ':')
        {
          df = g_ascii_strtoll (end + 1, NULL, 10);
          if (df == 0)
            continue;     /* in no article: matches nothing */
        }
      idf = inverse_document_frequency (n_rows, MAX (df, 1));
      if ((guint) group >= best->len)
        g_array_set_size (best, (guint) group + 1);
      g_array_index (best, double, group) = MAX (g_array_index (best, double, group), idf);
    }
  for (guint g = 0; g < best->len; g++)
    bound += column_weights[BODY_COLUMN] * (K1 + 1) * g_array_index (best, double, g);
  return bound;
}

gboolean
lots_rank_register (sqlite3  *db,
                    GError  **error)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (api == NULL || api->xCreateFunction (api, "lots_rank", NULL, lots_rank, NULL) != SQLITE_OK)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE, "could not register lots_rank(): %s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

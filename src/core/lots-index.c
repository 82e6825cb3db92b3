/* lots-index.c — schema, indexing and search over SQLite FTS5.
 *
 * Search runs in three steps, each bounded, because a handler types while
 * the caller talks and every keystroke is a query:
 *   1. plan: words → tokens, the last word → its likeliest completions
 *      (lots-query.c, against the `terms` vocabulary kept here);
 *   2. candidates: first from the head table (title, keywords and summary
 *      only, and every completion of the word being typed), which settles
 *      the search when it has enough matches that no article matching only
 *      in its body could outrank them (run_plan()); else from the main
 *      table. FTS5 ranks matches by lots_rank() (BM25F, lots-rank.h), with
 *      every article's column lengths held in memory rather than looked up
 *      per matching row, and keeps a few more than asked for;
 *   3. re-rank the candidates cheaply (area boost, expired articles last),
 *      then fetch details and snippets for the final few only (snippets are
 *      cut from the body without asking FTS5 again: lots-snippet.c).
 * A search runs in one read transaction, so all its steps see one snapshot.
 * When nothing matches, the spelling is corrected from Hunspell and the
 * index's own words; when still nothing matches every word, articles that
 * match some words are shown, marked as such.
 */
#define G_LOG_DOMAIN "lots-index"

#include "config.h"

#include "lots-index.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "lots-area.h"
#include "lots-column-sizes.h"
#include "lots-error.h"
#include "lots-morphology.h"
#include "lots-query.h"
#include "lots-rank.h"
#include "lots-snippet.h"
#include "lots-text.h"
#include "lots-tokenizer.h"

/* Bump when the schema or what the tokenizer emits changes: an index of an
 * older version is thrown away and rebuilt, which is always safe. */
#define SCHEMA_VERSION "8"
/* FTS5's own rank, kept for ad-hoc queries; search ranks with lots_rank(). */
#define RANK_FUNCTION "bm25(10.0, 6.0, 3.0, 1.0, 0.0)"
/* Candidates ranked by FTS5 for each result asked for. */
#define CANDIDATES_PER_RESULT 3
#define MIN_CANDIDATES 30
#define AREA_BOOST 1.5
#define SNIPPET_TOKENS 14

struct _LotsIndex {
  sqlite3 *db;
  char *filename;
  GHashTable *statements;        /* SQL → prepared sqlite3_stmt */
  LotsTokenizerHooks hooks;
  GHashTable *term_deltas;       /* lang → (token → document frequency change) */
  GHashTable *collect_deltas;    /* the term_deltas table of the row being written, or NULL */
  int collect_sign;              /* +1 while a row is written, -1 while one is deleted */
  guint64 collect_row;           /* counts rows written, to count a token once per row */
  GHashTable *column_sizes;      /* lang → CachedSizes */
};

/* A language's column sizes and the database version they were read at. */
typedef struct {
  unsigned int data_version;
  LotsColumnSizes *sizes;
} CachedSizes;

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS sources ("
  "  id TEXT PRIMARY KEY, title TEXT, owner TEXT, kind TEXT NOT NULL,"
  "  location TEXT, revision TEXT, indexed_at TEXT);"
  "CREATE TABLE IF NOT EXISTS areas ("
  "  id TEXT PRIMARY KEY, position INTEGER, title TEXT, title_en TEXT, description TEXT);"
  "CREATE TABLE IF NOT EXISTS articles ("
  "  rowid INTEGER PRIMARY KEY, source TEXT NOT NULL, path TEXT NOT NULL,"
  "  id TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL, area TEXT NOT NULL,"
  "  keywords TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL,"
  "  markdown TEXT NOT NULL, tags TEXT NOT NULL, synonyms TEXT NOT NULL,"
  "  owner TEXT, valid_from TEXT, valid_until TEXT, revision TEXT,"
  "  UNIQUE (id, lang));"
  /* (source, path): an update removes the rows of one file of a source
   * without a scan of the source; what reads a whole source uses its
   * prefix. */
  "CREATE INDEX IF NOT EXISTS articles_by_path ON articles (source, path);"
  "CREATE TABLE IF NOT EXISTS terms ("
  "  lang TEXT NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL,"
  "  PRIMARY KEY (lang, term)) WITHOUT ROWID;";

static const char select_version_sql[] = "SELECT value FROM meta WHERE key = 'schema'";
static const char insert_version_sql[] = "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?1)";
static const char term_df_sql[] = "SELECT df FROM terms WHERE lang = ?1 AND term = ?2";
static const char complete_sql[] =
  "SELECT term FROM terms WHERE lang = ?1 AND term > ?2 AND term < ?3 ORDER BY df DESC LIMIT ?4";
static const char add_term_sql[] =
  "INSERT INTO terms (lang, term, df) VALUES (?1, ?2, ?3) "
  "ON CONFLICT (lang, term) DO UPDATE SET df = df + excluded.df";
static const char drop_unused_term_sql[] = "DELETE FROM terms WHERE lang = ?1 AND term = ?2 AND df <= 0";
static const char find_clash_sql[] =
  "SELECT source, path FROM articles WHERE id = ?1 AND lang = ?2 AND source != ?3";
static const char select_source_rows_sql[] =
  "SELECT rowid, lang, title, keywords, summary, body, area FROM articles WHERE source = ?1";
static const char delete_source_rows_sql[] = "DELETE FROM articles WHERE source = ?1";
static const char select_path_rows_sql[] =
  "SELECT rowid, lang, title, keywords, summary, body, area FROM articles WHERE source = ?1 AND path = ?2";
static const char delete_path_rows_sql[] = "DELETE FROM articles WHERE source = ?1 AND path = ?2";
static const char find_same_id_sql[] = "SELECT source, path FROM articles WHERE id = ?1 AND lang = ?2";
static const char find_article_sql[] =
  "SELECT source, path, title FROM articles WHERE id = ?1 ORDER BY lang = 'sv' DESC, lang";
static const char insert_article_sql[] =
  "INSERT INTO articles (source, path, id, lang, title, area, keywords, summary, body,"
  " markdown, tags, synonyms, owner, valid_from, valid_until, revision)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
static const char upsert_source_sql[] =
  "INSERT OR REPLACE INTO sources (id, title, owner, kind, location, revision, indexed_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
static const char delete_source_sql[] = "DELETE FROM sources WHERE id = ?1";
static const char select_revision_sql[] = "SELECT revision FROM sources WHERE id = ?1";
static const char list_sources_sql[] =
  "SELECT s.id, s.title, s.owner, s.kind, s.location, s.revision, s.indexed_at,"
  " (SELECT count(*) FROM articles a WHERE a.source = s.id) FROM sources s ORDER BY s.id";
static const char delete_areas_sql[] = "DELETE FROM areas";
static const char insert_area_sql[] =
  "INSERT INTO areas (id, position, title, title_en, description) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char list_areas_sql[] =
  "SELECT id, title, title_en, description FROM areas ORDER BY position";
/* The revision a hit names is its source's: an incremental update leaves
 * the rows of unchanged articles as they were written, at an older commit,
 * while the whole source is served at the new one. */
static const char select_hit_sql[] =
  "SELECT id, lang, title, area, summary, source,"
  " (SELECT s.revision FROM sources s WHERE s.id = articles.source), valid_from, valid_until"
  " FROM articles WHERE rowid = ?1";
static const char select_body_sql[] = "SELECT body FROM articles WHERE rowid = ?1";
static const char select_translations_sql[] =
  "SELECT lang FROM articles WHERE id = ?1 AND lang != ?2 ORDER BY lang";
static const char select_article_sql[] =
  "SELECT id, lang, title, area, summary, owner, valid_from, valid_until, tags, synonyms,"
  " markdown, body, path, source, (SELECT s.revision FROM sources s WHERE s.id = articles.source) FROM articles"
  " WHERE id = ?1 AND (?2 IS NULL OR lang = ?2) ORDER BY lang = 'sv' DESC, lang LIMIT 1";

/* ---- errors and statements ------------------------------------------------- */

static gboolean
db_error (LotsIndex  *self,
          GError    **error,
          const char *what)
{
  int code = sqlite3_errcode (self->db);

  g_set_error (error, LOTS_ERROR, code == SQLITE_BUSY || code == SQLITE_LOCKED ? LOTS_ERROR_BUSY : LOTS_ERROR_DATABASE,
               "%s: %s: %s", self->filename, what, sqlite3_errmsg (self->db));
  return FALSE;
}

/* Prepares sql once per connection and returns it reset and unbound. */
static sqlite3_stmt *
statement (LotsIndex   *self,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      db_error (self, error, "preparing a statement");
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Resets every cached statement. A statement stopped at SQLITE_ROW keeps a
 * read transaction open, which would hide other connections' writes (a sync
 * while the app searches) and make this connection's next write busy; every
 * public function that reads calls this before it returns. */
static void
release_statements (LotsIndex *self)
{
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_reset (stmt);
}

static gboolean
exec (LotsIndex   *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_error (self, error, sql);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text ? g_strdup ((const char *) text) : NULL;
}

/* A language's FTS5 table name. Table names cannot be bound parameters;
 * lang has been checked to be two or three lower-case letters, so it is safe
 * to splice into SQL. */
static char *
fts_table (const char *lang)
{
  g_assert (lots_text_is_lang (lang));
  return g_strdup_printf ("fts_%s", lang);
}

/* The head table of a language: title, keywords and summary only, a few
 * words per article where the main table has hundreds. */
static char *
head_table (const char *lang)
{
  g_assert (lots_text_is_lang (lang));
  return g_strdup_printf ("head_%s", lang);
}

static gboolean
ensure_fts_table (LotsIndex   *self,
                  const char  *lang,
                  GError     **error)
{
  g_autofree char *table = fts_table (lang);
  g_autofree char *head = head_table (lang);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("CREATE VIRTUAL TABLE IF NOT EXISTS %s USING fts5 ("
                         " title, keywords, summary, body, area,"
                         " content = 'articles', content_rowid = 'rowid',"
                         " tokenize = 'lots %s');"
                         "INSERT INTO %s (%s, rank) VALUES ('rank', '" RANK_FUNCTION "');"
                         "CREATE VIRTUAL TABLE IF NOT EXISTS %s USING fts5 ("
                         " title, keywords, summary,"
                         " content = 'articles', content_rowid = 'rowid',"
                         " tokenize = 'lots %s');",
                         table, lang, table, table, head, lang);
  return exec (self, sql, error);
}

static gboolean
fts_table_exists (LotsIndex  *self,
                  const char *lang)
{
  g_autofree char *table = fts_table (lang);
  sqlite3_stmt *stmt = statement (self, "SELECT 1 FROM sqlite_master WHERE name = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, table);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* ---- collecting document frequencies -------------------------------------- */

/* A token's document frequency change, and the last row that counted. */
typedef struct {
  gint delta;
  guint64 row;
} TermDelta;

/* Called with every token of the row being written or deleted: counts each
 * distinct token once per row towards the vocabulary's document
 * frequencies. This runs for every token of every article indexed, so it
 * is one lookup, with no per-row set of tokens to build and walk. */
static void
collect_token (const char *token,
               gsize       length,
               gpointer    user_data)
{
  LotsIndex *self = user_data;
  TermDelta *term;

  if (self->collect_deltas == NULL)
    return;
  term = g_hash_table_lookup (self->collect_deltas, token);
  if (term == NULL)
    {
      term = g_new0 (TermDelta, 1);
      g_hash_table_insert (self->collect_deltas, g_strndup (token, length), term);
    }
  else if (term->row == self->collect_row)
    return;
  term->row = self->collect_row;
  term->delta += self->collect_sign;
}

/* Starts counting the tokens of one row of lang (sign +1: written, -1:
 * deleted). */
static void
collect_row (LotsIndex  *self,
             const char *lang,
             int         sign)
{
  GHashTable *deltas = g_hash_table_lookup (self->term_deltas, lang);

  if (deltas == NULL)
    {
      deltas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->term_deltas, g_strdup (lang), deltas);
    }
  self->collect_deltas = deltas;
  self->collect_sign = sign;
  self->collect_row++;
}

static gboolean
flush_language_deltas (LotsIndex   *self,
                       const char  *lang,
                       GHashTable  *deltas,
                       GError     **error)
{
  GHashTableIter iter;
  gpointer token, value;

  g_hash_table_iter_init (&iter, deltas);
  while (g_hash_table_iter_next (&iter, &token, &value))
    {
      const TermDelta *term = value;
      sqlite3_stmt *stmt;

      if (term->delta == 0)
        continue;
      stmt = statement (self, add_term_sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, lang);
      bind_text (stmt, 2, token);
      sqlite3_bind_int (stmt, 3, term->delta);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return db_error (self, error, "updating the vocabulary");
      /* Only a term that lost documents can have none left; dropping it
       * here, not by a scan of the vocabulary, keeps an update's cost
       * with the change. */
      if (term->delta > 0)
        continue;
      stmt = statement (self, drop_unused_term_sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, lang);
      bind_text (stmt, 2, token);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return db_error (self, error, "updating the vocabulary");
    }
  return TRUE;
}

static gboolean
flush_term_deltas (LotsIndex  *self,
                   GError    **error)
{
  GHashTableIter iter;
  gpointer lang, deltas;

  g_hash_table_iter_init (&iter, self->term_deltas);
  while (g_hash_table_iter_next (&iter, &lang, &deltas))
    if (!flush_language_deltas (self, lang, deltas, error))
      return FALSE;
  g_hash_table_remove_all (self->term_deltas);
  return TRUE;
}

/* ---- opening --------------------------------------------------------------- */

static gboolean
schema_is_current (LotsIndex *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean current = FALSE;

  if (sqlite3_prepare_v2 (self->db, select_version_sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    current = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), SCHEMA_VERSION) == 0;
  sqlite3_finalize (stmt);
  return current;
}

static gboolean
is_empty_database (LotsIndex *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean empty = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_finalize (stmt);
  return empty;
}

static void
remove_database_files (const char *filename)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (filename, suffixes[i], NULL);
      g_unlink (path);
    }
}

static gboolean
open_connection (LotsIndex  *self,
                 GError    **error)
{
  if (sqlite3_open_v2 (self->filename, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    return db_error (self, error, "opening the index");
  sqlite3_busy_timeout (self->db, 10000);
  sqlite3_extended_result_codes (self->db, 0);
  if (!lots_tokenizer_register (self->db, &self->hooks, error) || !lots_rank_register (self->db, error))
    return FALSE;
  /* A 50,000-article index is ~400 MB; SQLite's default 2 MB page cache
   * rereads doclists on every keystroke. Map the file and keep 64 MB. */
  sqlite3_exec (self->db, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;", NULL, NULL, NULL);
  return TRUE;
}

static void
close_connection (LotsIndex *self)
{
  if (self->db == NULL)
    return;
  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

static gboolean
create_schema (LotsIndex  *self,
               GError    **error)
{
  sqlite3_stmt *stmt;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!exec (self, schema_sql, error) || !ensure_fts_table (self, "sv", error))
    goto fail;
  stmt = statement (self, insert_version_sql, error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, SCHEMA_VERSION);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (self, error, "writing the schema version");
      goto fail;
    }
  return exec (self, "COMMIT", error);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static void
free_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Opens the connection and makes sure it holds the current schema. FALSE
 * with *damaged set when the file is not a usable database. */
static gboolean
open_checked (LotsIndex  *self,
              gboolean   *damaged,
              GError    **error)
{
  int code;

  *damaged = FALSE;
  if (!open_connection (self, error))
    return FALSE;
  if (!schema_is_current (self) && !is_empty_database (self))
    {
      *damaged = TRUE;
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE, "%s is from another version or damaged", self->filename);
      return FALSE;
    }
  if (exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error))
    return schema_is_current (self) || create_schema (self, error);
  code = sqlite3_errcode (self->db);
  *damaged = code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
  return FALSE;
}

static void
cached_sizes_free (CachedSizes *cached)
{
  lots_column_sizes_free (cached->sizes);
  g_free (cached);
}

/* Opens (creating if needed) the index at filename. An index written by
 * another version of Lots, or one that is not a database at all, is thrown
 * away and recreated empty: it is a cache of the sources. */
LotsIndex *
lots_index_open (const char  *filename,
                 GError     **error)
{
  g_autoptr(LotsIndex) self = g_new0 (LotsIndex, 1);
  g_autoptr(GError) local_error = NULL;
  gboolean damaged = FALSE;

  g_return_val_if_fail (filename != NULL, NULL);

  self->filename = g_strdup (filename);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_statement);
  self->term_deltas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->column_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_sizes_free);
  self->hooks.collect = collect_token;
  self->hooks.user_data = self;

  if (open_checked (self, &damaged, &local_error))
    return g_steal_pointer (&self);
  if (!damaged)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_debug ("%s; rebuilding it", local_error->message);
  close_connection (self);
  remove_database_files (filename);
  if (!open_checked (self, &damaged, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
lots_index_close (LotsIndex *self)
{
  if (self == NULL)
    return;
  if (self->db != NULL)
    close_connection (self);
  g_hash_table_unref (self->statements);
  g_hash_table_unref (self->term_deltas);
  g_hash_table_unref (self->column_sizes);
  g_free (self->filename);
  g_free (self);
}

/* ---- writing a source ------------------------------------------------------- */

static gboolean
check_clashes (LotsIndex   *self,
               LotsSource  *source,
               GError     **error)
{
  g_autoptr(GString) clashes = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < source->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (source->articles, i);
      sqlite3_stmt *stmt = statement (self, find_clash_sql, error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, article->id);
      bind_text (stmt, 2, article->lang);
      bind_text (stmt, 3, source->manifest->id);
      if (sqlite3_step (stmt) == SQLITE_ROW && n++ < 20)
        g_string_append_printf (clashes, "\n%s:%u: id '%s' is already published by source '%s' (%s)",
                                article->path, article->id_line, article->id,
                                sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
    }
  if (n == 0)
    return TRUE;
  g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
               "%u article id(s) of source '%s' belong to another source:%s",
               n, source->manifest->id, clashes->str);
  return FALSE;
}

static gboolean
write_fts_row (LotsIndex    *self,
               const char   *lang,
               gboolean      delete,
               sqlite3_int64 rowid,
               const char   *values[5],
               GError      **error)
{
  g_autofree char *table = fts_table (lang);
  g_autofree char *head = head_table (lang);
  g_autofree char *sql = delete
    ? g_strdup_printf ("INSERT INTO %s (%s, rowid, title, keywords, summary, body, area)"
                       " VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)", table, table)
    : g_strdup_printf ("INSERT INTO %s (rowid, title, keywords, summary, body, area)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", table);
  g_autofree char *head_sql = delete
    ? g_strdup_printf ("INSERT INTO %s (%s, rowid, title, keywords, summary)"
                       " VALUES ('delete', ?1, ?2, ?3, ?4)", head, head)
    : g_strdup_printf ("INSERT INTO %s (rowid, title, keywords, summary) VALUES (?1, ?2, ?3, ?4)", head);
  sqlite3_stmt *stmt = statement (self, sql, error);
  sqlite3_stmt *head_stmt;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  for (int i = 0; i < 5; i++)
    bind_text (stmt, i + 2, values[i]);
  collect_row (self, lang, delete ? -1 : +1);
  rc = sqlite3_step (stmt);
  self->collect_deltas = NULL;
  if (rc != SQLITE_DONE)
    return db_error (self, error, "updating the full-text index");
  /* The head repeats the main table's first three columns; its tokens are
   * counted once, above. */
  head_stmt = statement (self, head_sql, error);
  if (head_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (head_stmt, 1, rowid);
  for (int i = 0; i < 3; i++)
    bind_text (head_stmt, i + 2, values[i]);
  if (sqlite3_step (head_stmt) != SQLITE_DONE)
    return db_error (self, error, "updating the full-text index");
  return TRUE;
}

/* Takes the FTS5 rows of the articles ROWS selects (rowid, lang and the
 * five indexed columns) out of their language's table, counting their
 * tokens out of the vocabulary. ROWS is a statement of its own: the loop
 * runs other cached statements. Finalizes ROWS. */
static gboolean
delete_fts_rows (LotsIndex     *self,
                 sqlite3_stmt  *rows,
                 GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      const char *values[5];
      const char *lang = (const char *) sqlite3_column_text (rows, 1);

      for (int i = 0; i < 5; i++)
        values[i] = (const char *) sqlite3_column_text (rows, i + 2);
      if (!lots_text_is_lang (lang) || !write_fts_row (self, lang, TRUE, sqlite3_column_int64 (rows, 0), values, error))
        {
          sqlite3_finalize (rows);
          if (error && !*error)
            g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE, "bad language code in the index");
          return FALSE;
        }
    }
  sqlite3_finalize (rows);
  if (rc != SQLITE_DONE)
    return db_error (self, error, "reading a source's articles");
  return TRUE;
}

/* Removes the articles of SOURCE_ID at PATH, or all of them when PATH is
 * NULL: their FTS5 rows, their tokens' document frequencies, their rows. */
static gboolean
delete_rows (LotsIndex   *self,
             const char  *source_id,
             const char  *path,
             GError     **error)
{
  sqlite3_stmt *rows = NULL;
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (self->db, path ? select_path_rows_sql : select_source_rows_sql, -1, &rows, NULL) != SQLITE_OK)
    return db_error (self, error, "reading a source's articles");
  bind_text (rows, 1, source_id);
  if (path != NULL)
    bind_text (rows, 2, path);
  if (!delete_fts_rows (self, rows, error))
    return FALSE;
  stmt = statement (self, path ? delete_path_rows_sql : delete_source_rows_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, source_id);
  if (path != NULL)
    bind_text (stmt, 2, path);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return db_error (self, error, "removing a source's articles");
  return TRUE;
}

static gboolean
delete_source_rows (LotsIndex   *self,
                    const char  *source_id,
                    GError     **error)
{
  return delete_rows (self, source_id, NULL, error);
}

static char *
join_or_empty (GStrv list)
{
  return list ? g_strjoinv ("\n", list) : g_strdup ("");
}

static gboolean
insert_article (LotsIndex         *self,
                const char        *source_id,
                const char        *revision,
                const LotsArticle *article,
                GError           **error)
{
  g_autofree char *tags = join_or_empty (article->tags);
  g_autofree char *synonyms = join_or_empty (article->synonyms);
  g_autofree char *keywords = g_strconcat (tags, "\n", synonyms, NULL);
  const char *values[5] = { article->title, keywords, article->summary ? article->summary : "",
                            article->text, article->area };
  sqlite3_stmt *stmt = statement (self, insert_article_sql, error);
  sqlite3_int64 rowid;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, source_id);
  bind_text (stmt, 2, article->path);
  bind_text (stmt, 3, article->id);
  bind_text (stmt, 4, article->lang);
  bind_text (stmt, 5, article->title);
  bind_text (stmt, 6, article->area);
  bind_text (stmt, 7, keywords);
  bind_text (stmt, 8, values[2]);
  bind_text (stmt, 9, article->text);
  bind_text (stmt, 10, article->markdown);
  bind_text (stmt, 11, tags);
  bind_text (stmt, 12, synonyms);
  bind_text (stmt, 13, article->owner);
  bind_text (stmt, 14, article->valid_from);
  bind_text (stmt, 15, article->valid_until);
  bind_text (stmt, 16, revision);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return db_error (self, error, "adding an article");
  /* Read now: creating a language's FTS table writes its config row, which
   * changes the connection's last rowid. */
  rowid = sqlite3_last_insert_rowid (self->db);
  if (!fts_table_exists (self, article->lang) && !ensure_fts_table (self, article->lang, error))
    return FALSE;
  return write_fts_row (self, article->lang, FALSE, rowid, values, error);
}

static gboolean
write_source_row (LotsIndex   *self,
                  LotsSource  *source,
                  const char  *kind,
                  const char  *location,
                  GError     **error)
{
  sqlite3_stmt *stmt = statement (self, upsert_source_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, source->manifest->id);
  bind_text (stmt, 2, source->manifest->title);
  bind_text (stmt, 3, source->manifest->owner);
  bind_text (stmt, 4, kind);
  bind_text (stmt, 5, location);
  bind_text (stmt, 6, source->revision);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return db_error (self, error, "recording the source");
  return TRUE;
}

/* Replaces everything the index holds of source->manifest->id with source's
 * articles, in one transaction: a search sees the old version or the new,
 * never half of each. Fails, changing nothing, if an article id (per
 * language) belongs to another source. */
gboolean
lots_index_put_source (LotsIndex   *self,
                       LotsSource  *source,
                       const char  *kind,
                       const char  *location,
                       GError     **error)
{
  g_return_val_if_fail (self != NULL && source != NULL && source->manifest != NULL, FALSE);

  release_statements (self);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!check_clashes (self, source, error) || !delete_source_rows (self, source->manifest->id, error))
    goto fail;
  for (guint i = 0; i < source->articles->len; i++)
    if (!insert_article (self, source->manifest->id, source->revision,
                         g_ptr_array_index (source->articles, i), error))
      goto fail;
  if (!flush_term_deltas (self, error) || !write_source_row (self, source, kind, location, error))
    goto fail;
  return exec (self, "COMMIT", error);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_hash_table_remove_all (self->term_deltas);
  return FALSE;
}

/* Whether PATH is in the NULL-terminated list PATHS (NULL: empty). */
static gboolean
path_listed (const char        *path,
             const char *const *paths)
{
  return paths != NULL && path != NULL && g_strv_contains (paths, path);
}

/* The clashes of an incremental update: an id (per language) of a changed
 * article that another source publishes, or that another file of the same
 * source still holds after the update. The second is lint's "duplicate
 * id", which a full load finds across the files it is given; an update
 * only holds the changed files, so the index answers for the rest.
 * REPLACED lists the paths whose rows the update deletes. */
static gboolean
check_update_clashes (LotsIndex          *self,
                      LotsSource         *changed,
                      const char *const  *replaced,
                      GError            **error)
{
  g_autoptr(GString) clashes = g_string_new (NULL);
  const char *source_id = changed->manifest->id;
  guint n = 0;

  for (guint i = 0; i < changed->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (changed->articles, i);
      sqlite3_stmt *stmt = statement (self, find_same_id_sql, error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, article->id);
      bind_text (stmt, 2, article->lang);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *other = (const char *) sqlite3_column_text (stmt, 0);
          const char *path = (const char *) sqlite3_column_text (stmt, 1);

          if (g_strcmp0 (other, source_id) == 0 && path_listed (path, replaced))
            continue;
          if (n++ >= 20)
            break;
          if (g_strcmp0 (other, source_id) == 0)
            g_string_append_printf (clashes, "\n%s:%u: duplicate id '%s' (lang %s): %s already uses it",
                                    article->path, article->id_line, article->id, article->lang, path);
          else
            g_string_append_printf (clashes, "\n%s:%u: id '%s' is already published by source '%s' (%s)",
                                    article->path, article->id_line, article->id, other, path);
          break;
        }
    }
  if (n == 0)
    return TRUE;
  g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
               "%u article id(s) of source '%s' are already in use:%s", n, source_id, clashes->str);
  return FALSE;
}

static gboolean
update_rows (LotsIndex          *self,
             LotsSource         *changed,
             const char *const  *removed_paths,
             GError            **error)
{
  const char *source_id = changed->manifest->id;

  for (guint i = 0; removed_paths != NULL && removed_paths[i] != NULL; i++)
    if (!delete_rows (self, source_id, removed_paths[i], error))
      return FALSE;
  for (guint i = 0; i < changed->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (changed->articles, i);
      if (!path_listed (article->path, removed_paths) && !delete_rows (self, source_id, article->path, error))
        return FALSE;
    }
  for (guint i = 0; i < changed->articles->len; i++)
    if (!insert_article (self, source_id, changed->revision, g_ptr_array_index (changed->articles, i), error))
      return FALSE;
  return TRUE;
}

/* Applies one commit's change to a source the index already holds, in one
 * transaction: the rows at REMOVED_PATHS and at the paths of CHANGED's
 * articles go, CHANGED's articles come in, and the source is recorded at
 * CHANGED->revision. CHANGED holds only the articles that changed; its
 * manifest is the source's. Fails, changing nothing, when a changed id is
 * in use by another source or by a file of this one that stays. The cost
 * grows with the change, not with the source. */
gboolean
lots_index_update_source (LotsIndex          *self,
                          LotsSource         *changed,
                          const char *const  *removed_paths,
                          const char         *kind,
                          const char         *location,
                          GError            **error)
{
  g_autoptr(GPtrArray) replaced = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL && changed != NULL && changed->manifest != NULL, FALSE);

  for (guint i = 0; removed_paths != NULL && removed_paths[i] != NULL; i++)
    g_ptr_array_add (replaced, (gpointer) removed_paths[i]);
  for (guint i = 0; i < changed->articles->len; i++)
    g_ptr_array_add (replaced, ((LotsArticle *) g_ptr_array_index (changed->articles, i))->path);
  g_ptr_array_add (replaced, NULL);

  release_statements (self);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!check_update_clashes (self, changed, (const char *const *) replaced->pdata, error) ||
      !update_rows (self, changed, removed_paths, error) || !flush_term_deltas (self, error) ||
      !write_source_row (self, changed, kind, location, error))
    goto fail;
  release_statements (self);
  return exec (self, "COMMIT", error);

fail:
  release_statements (self);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_hash_table_remove_all (self->term_deltas);
  return FALSE;
}

/* Whether the index holds an article ID, not counting the rows of
 * SOURCE_ID at EXCLUDED_PATHS (those an update is about to replace or
 * remove); fills TITLE (the Swedish one first) when asked. Lets the sync
 * check links and guides of changed articles against the unchanged rest
 * without reading it. */
gboolean
lots_index_has_article (LotsIndex          *self,
                        const char         *id,
                        const char         *source_id,
                        const char *const  *excluded_paths,
                        char              **title)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (self != NULL && id != NULL, FALSE);
  stmt = statement (self, find_article_sql, NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  while (!found && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *source = (const char *) sqlite3_column_text (stmt, 0);
      const char *path = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (source, source_id) == 0 && path_listed (path, excluded_paths))
        continue;
      found = TRUE;
      if (title != NULL)
        *title = column_dup (stmt, 2);
    }
  release_statements (self);
  return found;
}

gboolean
lots_index_remove_source (LotsIndex   *self,
                          const char  *source_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!delete_source_rows (self, source_id, error) || !flush_term_deltas (self, error))
    goto fail;
  stmt = statement (self, delete_source_sql, error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, source_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (self, error, "removing the source");
      goto fail;
    }
  return exec (self, "COMMIT", error);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_hash_table_remove_all (self->term_deltas);
  return FALSE;
}

char *
lots_index_dup_revision (LotsIndex  *self,
                         const char *source_id)
{
  sqlite3_stmt *stmt = statement (self, select_revision_sql, NULL);
  char *revision;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, source_id);
  revision = sqlite3_step (stmt) == SQLITE_ROW ? column_dup (stmt, 0) : NULL;
  release_statements (self);
  return revision;
}

void
lots_indexed_source_free (LotsIndexedSource *source)
{
  if (source == NULL)
    return;
  g_free (source->id);
  g_free (source->title);
  g_free (source->owner);
  g_free (source->kind);
  g_free (source->location);
  g_free (source->revision);
  g_free (source->indexed_at);
  g_free (source);
}

GPtrArray *
lots_index_list_sources (LotsIndex  *self,
                         GError    **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_indexed_source_free);
  sqlite3_stmt *stmt = statement (self, list_sources_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsIndexedSource *s = g_new0 (LotsIndexedSource, 1);
      s->id = column_dup (stmt, 0);
      s->title = column_dup (stmt, 1);
      s->owner = column_dup (stmt, 2);
      s->kind = column_dup (stmt, 3);
      s->location = column_dup (stmt, 4);
      s->revision = column_dup (stmt, 5);
      s->indexed_at = column_dup (stmt, 6);
      s->n_articles = (guint) sqlite3_column_int (stmt, 7);
      g_ptr_array_add (sources, s);
    }
  release_statements (self);
  if (rc != SQLITE_DONE)
    {
      db_error (self, error, "listing sources");
      return NULL;
    }
  return g_steal_pointer (&sources);
}

gboolean
lots_index_put_areas (LotsIndex   *self,
                      GPtrArray   *areas,
                      GError     **error)
{
  if (!exec (self, "BEGIN IMMEDIATE", error) || !exec (self, delete_areas_sql, error))
    goto fail;
  for (guint i = 0; i < areas->len; i++)
    {
      const LotsArea *area = g_ptr_array_index (areas, i);
      sqlite3_stmt *stmt = statement (self, insert_area_sql, error);

      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, area->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, area->title);
      bind_text (stmt, 4, area->title_en);
      bind_text (stmt, 5, area->description);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          db_error (self, error, "recording an area");
          goto fail;
        }
    }
  return exec (self, "COMMIT", error);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

GPtrArray *
lots_index_list_areas (LotsIndex  *self,
                       GError    **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_area_free);
  sqlite3_stmt *stmt = statement (self, list_areas_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsArea *area = g_new0 (LotsArea, 1);
      area->id = column_dup (stmt, 0);
      area->title = column_dup (stmt, 1);
      area->title_en = column_dup (stmt, 2);
      area->description = column_dup (stmt, 3);
      g_ptr_array_add (areas, area);
    }
  release_statements (self);
  if (rc != SQLITE_DONE)
    {
      db_error (self, error, "listing areas");
      return NULL;
    }
  return g_steal_pointer (&areas);
}

/* ---- vocabulary for the planner ---------------------------------------------- */

typedef struct {
  LotsIndex *index;
  const char *lang;
} Vocabulary;

static gint64
vocabulary_document_frequency (const char *term,
                               gpointer    user_data)
{
  Vocabulary *v = user_data;
  sqlite3_stmt *stmt = statement (v->index, term_df_sql, NULL);
  gint64 df;

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, v->lang);
  bind_text (stmt, 2, term);
  df = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return df;
}

static gboolean
vocabulary_has_term (const char *term,
                     gpointer    user_data)
{
  return vocabulary_document_frequency (term, user_data) > 0;
}

static GPtrArray *
vocabulary_complete (const char *prefix,
                     guint       max,
                     gpointer    user_data)
{
  Vocabulary *v = user_data;
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *upper = g_strconcat (prefix, "\xff", NULL); /* above every UTF-8 continuation */
  sqlite3_stmt *stmt = statement (v->index, complete_sql, NULL);

  if (stmt == NULL)
    return terms;
  bind_text (stmt, 1, v->lang);
  bind_text (stmt, 2, prefix);
  bind_text (stmt, 3, upper);
  sqlite3_bind_int (stmt, 4, (int) max);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (terms, column_dup (stmt, 0));
  return terms;
}

/* ---- search ----------------------------------------------------------------- */

typedef struct {
  sqlite3_int64 rowid;
  double score;
} Candidate;

static void
search_hit_free (LotsSearchHit *hit)
{
  g_free (hit->id);
  g_free (hit->lang);
  g_free (hit->title);
  g_free (hit->area);
  g_free (hit->summary);
  g_free (hit->snippet);
  g_free (hit->source);
  g_free (hit->revision);
  g_strfreev (hit->translations);
  g_free (hit);
}

void
lots_search_result_free (LotsSearchResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->hits);
  g_free (result->suggestion);
  g_free (result->fts_query);
  g_free (result);
}

/* lang's column sizes as of the current read transaction, reloaded when
 * anything (this connection or another) wrote to the database since they
 * were read; NULL when they cannot be read, and lots_rank() then asks FTS5
 * for each row. */
static const LotsColumnSizes *
column_sizes_for (LotsIndex  *self,
                  const char *table)
{
  CachedSizes *cached = g_hash_table_lookup (self->column_sizes, table);
  g_autoptr(GError) error = NULL;
  unsigned int version = 0;

  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK)
    return NULL;
  if (cached != NULL && cached->data_version == version)
    return cached->sizes;
  g_hash_table_remove (self->column_sizes, table);
  cached = g_new0 (CachedSizes, 1);
  cached->data_version = version;
  cached->sizes = lots_column_sizes_load (self->db, table, &error);
  if (cached->sizes == NULL)
    g_debug ("%s; ranking without them", error->message);
  g_hash_table_insert (self->column_sizes, g_strdup (table), cached);
  return cached->sizes;
}

static gboolean
rank_candidates (LotsIndex   *self,
                 const char  *table,
                 const char  *match,
                 const char  *phrase_groups,
                 const char  *area,
                 guint        n,
                 GArray      *candidates,
                 GError     **error)
{
  /* An area filter is a plain column test: area ids are not words. */
  g_autofree char *sql = g_strdup_printf ("SELECT rowid, lots_rank(%s, ?3, ?5) AS score FROM %s"
                                          " WHERE %s MATCH ?1 AND (?4 IS NULL OR rowid IN"
                                          " (SELECT rowid FROM articles WHERE area = ?4))"
                                          " ORDER BY score DESC LIMIT ?2",
                                          table, table, table);
  sqlite3_stmt *stmt = statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, (int) n);
  bind_text (stmt, 3, phrase_groups);
  bind_text (stmt, 4, area);
  sqlite3_bind_pointer (stmt, 5, (void *) column_sizes_for (self, table), LOTS_COLUMN_SIZES_POINTER_TYPE, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };
      g_array_append_val (candidates, c);
    }
  if (rc != SQLITE_DONE)
    return db_error (self, error, "searching");
  return TRUE;
}

/* Snippets cross paragraph and table boundaries; shown as one line. */
static char *
one_line (char *text)
{
  char *out = text;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;
  for (char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out != text;
      else
        {
          if (space)
            *out++ = ' ';
          space = FALSE;
          *out++ = *p;
        }
    }
  *out = '\0';
  return text;
}

/* The passage of the hit's body around its matches (lots-snippet.h); NULL
 * when none is there and the summary says it better; the body's beginning
 * when there is no summary either. */
static char *
snippet_for (LotsIndex               *self,
             LotsSnippetQuery        *query,
             sqlite3_int64            rowid,
             const char              *summary,
             const LotsSearchOptions *options)
{
  sqlite3_stmt *stmt = statement (self, select_body_sql, NULL);
  char *snippet;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  snippet = lots_snippet_build (query, (const char *) sqlite3_column_text (stmt, 0), SNIPPET_TOKENS,
                                options->mark_open ? options->mark_open : "«",
                                options->mark_close ? options->mark_close : "»");
  if (snippet == NULL && (summary == NULL || summary[0] == '\0'))
    snippet = lots_snippet_lead ((const char *) sqlite3_column_text (stmt, 0), SNIPPET_TOKENS);
  sqlite3_reset (stmt);
  return one_line (snippet);
}

static GStrv
translations_of (LotsIndex  *self,
                 const char *id,
                 const char *lang)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = statement (self, select_translations_sql, NULL);

  if (stmt != NULL)
    {
      bind_text (stmt, 1, id);
      bind_text (stmt, 2, lang);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strv_builder_end (builder);
}

static LotsSearchHit *
load_hit (LotsIndex               *self,
          const Candidate         *c,
          const char              *today)
{
  sqlite3_stmt *stmt = statement (self, select_hit_sql, NULL);
  LotsSearchHit *hit;
  const char *from, *until;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, c->rowid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  hit = g_new0 (LotsSearchHit, 1);
  hit->id = column_dup (stmt, 0);
  hit->lang = column_dup (stmt, 1);
  hit->title = column_dup (stmt, 2);
  hit->area = column_dup (stmt, 3);
  hit->summary = column_dup (stmt, 4);
  hit->source = column_dup (stmt, 5);
  hit->revision = column_dup (stmt, 6);
  from = (const char *) sqlite3_column_text (stmt, 7);
  until = (const char *) sqlite3_column_text (stmt, 8);
  hit->current = !(from && strcmp (today, from) < 0) && !(until && strcmp (today, until) > 0);
  hit->score = c->score;
  hit->rowid = c->rowid;
  return hit;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const LotsSearchHit *x = *(LotsSearchHit * const *) a;
  const LotsSearchHit *y = *(LotsSearchHit * const *) b;

  if (x->current != y->current)
    return x->current ? -1 : 1;
  return (x->score < y->score) - (x->score > y->score);
}

/* Ranks the head table's matches into candidates, and tells whether they
 * settle the answer: at least `needed` of them, and (when exact) the last
 * of those scoring at least what any article could score with no word in
 * its title, keywords or summary (full_groups: the whole table's phrase
 * map). */
static gboolean
rank_head_candidates (LotsIndex   *self,
                      const char  *lang,
                      const char  *head_match,
                      const char  *head_groups,
                      const char  *full_groups,
                      const char  *area,
                      guint        n,
                      guint        needed,
                      gboolean     exact,
                      GArray      *candidates,
                      gboolean    *settled,
                      GError     **error)
{
  g_autofree char *table = fts_table (lang);
  g_autofree char *head = head_table (lang);
  const LotsColumnSizes *sizes = column_sizes_for (self, table);

  *settled = FALSE;
  if (!rank_candidates (self, head, head_match, head_groups, area, n, candidates, error))
    return FALSE;
  if (candidates->len >= needed)
    *settled = !exact ||
               (sizes != NULL && g_array_index (candidates, Candidate, needed - 1).score >=
                                 lots_rank_body_bound (full_groups, lots_column_sizes_count (sizes)));
  return TRUE;
}

/* Adds the head's candidates that the whole table's ranking lacks: those
 * that matched through a completion of a typed word the whole table was
 * not asked for. Their head score is what they score at least. */
static void
add_missing (GArray       *candidates,
             const GArray *head)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < candidates->len; i++)
    g_hash_table_add (seen, &g_array_index (candidates, Candidate, i).rowid);
  for (guint i = 0; i < head->len; i++)
    if (!g_hash_table_contains (seen, &g_array_index (head, Candidate, i).rowid))
      g_array_append_val (candidates, g_array_index (head, Candidate, i));
}

/* One planned query, start to end: candidates, re-ranking, details.
 *
 * Candidates come from the head table when it has enough that no article
 * matching only in its body could outrank them (rank_head_candidates());
 * then an article that has every word in its title, keywords or summary
 * ranks by those columns alone, as it would within a few percent, and the
 * thousands of body matches of a frequent word are never walked. Else the
 * whole table ranks every match. A fallback tier (not exact: compound
 * parts, or some words only) takes the head's candidates whenever there
 * are enough: there, articles with the words in their title, keywords or
 * summary come first. The head is also asked for every completion of a
 * word being typed (head_match), so a title with a rare one is found. */
static GPtrArray *
run_plan (LotsIndex               *self,
          const char              *lang,
          const char              *head_match,
          const char              *head_groups,
          const char              *match,
          const char              *phrase_groups,
          gboolean                 exact,
          const LotsSearchOptions *options,
          const char              *today,
          guint                    limit,
          GError                 **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) head = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) search_hit_free);
  g_autofree char *table = fts_table (lang);
  g_autoptr(LotsSnippetQuery) snippet_query = NULL;
  guint n = MAX (limit * CANDIDATES_PER_RESULT, MIN_CANDIDATES);
  gint64 started = g_get_monotonic_time (), ranked;
  gboolean from_head;

  if (!rank_head_candidates (self, lang, head_match, head_groups, phrase_groups, options->area, n, limit, exact,
                             head, &from_head, error))
    return NULL;
  if (from_head)
    g_array_append_vals (candidates, head->data, head->len);
  else if (!rank_candidates (self, table, match, phrase_groups, options->area, n, candidates, error))
    return NULL;
  else
    add_missing (candidates, head);
  ranked = g_get_monotonic_time ();
  for (guint i = 0; i < candidates->len; i++)
    {
      LotsSearchHit *hit = load_hit (self, &g_array_index (candidates, Candidate, i), today);
      if (hit == NULL)
        continue;
      if (options->boost_area && g_strcmp0 (hit->area, options->boost_area) == 0)
        hit->score *= AREA_BOOST;
      g_ptr_array_add (hits, hit);
    }
  g_ptr_array_sort (hits, compare_hits);
  if (hits->len > limit)
    g_ptr_array_set_size (hits, limit);
  if (hits->len > 0)
    snippet_query = lots_snippet_query_new (lang, head_match, head_groups);
  for (guint i = 0; i < hits->len; i++)
    {
      LotsSearchHit *hit = g_ptr_array_index (hits, i);

      hit->snippet = snippet_for (self, snippet_query, hit->rowid, hit->summary, options);
      if (hit->snippet == NULL)
        hit->snippet = g_strdup (hit->summary ? hit->summary : "");
      hit->translations = translations_of (self, hit->id, hit->lang);
    }
  g_debug ("%s [%s]: %u candidates ranked (%s) in %.2f ms, %u hits loaded in %.2f ms", match, phrase_groups,
           candidates->len, from_head ? "head" : "all", (ranked - started) / 1000.0, hits->len,
           (g_get_monotonic_time () - ranked) / 1000.0);
  return g_steal_pointer (&hits);
}

/* Loads now what the first search in lang would otherwise load: the
 * language's dictionary (Hunspell: a process-wide instance, ~150 ms) and
 * this connection's column sizes. For a search thread at start-up, so that
 * the handler's first search does not wait for them. */
gboolean
lots_index_prepare (LotsIndex   *self,
                    const char  *lang,
                    GError     **error)
{
  g_autofree char *table = NULL;

  g_return_val_if_fail (self != NULL && lang != NULL, FALSE);

  if (!lots_text_is_lang (lang))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "'%s' is not a language code such as sv or en", lang);
      return FALSE;
    }
  lots_morphology_get (lang);
  if (!fts_table_exists (self, lang))
    return TRUE;
  table = fts_table (lang);
  column_sizes_for (self, table);
  return TRUE;
}

/* The plan as FTS5; phrase_groups gets lots_rank()'s map. */
static char *
plan_match (const LotsQueryPlan  *plan,
            LotsQueryFlags        flags,
            const LotsVocabulary *vocabulary,
            GString              *phrase_groups)
{
  g_string_truncate (phrase_groups, 0);
  return lots_query_plan_to_fts5 (plan, flags, vocabulary, phrase_groups);
}

static char *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Runs a plan: whole words first; if that leaves room, articles where a word
 * is only part of a compound fill it, ranked below. */
static GPtrArray *
run_tiers (LotsIndex               *self,
           const char              *lang,
           const LotsVocabulary    *vocabulary,
           const LotsQueryPlan     *plan,
           LotsQueryFlags           flags,
           const LotsSearchOptions *options,
           const char              *today,
           guint                    limit,
           char                   **match_out,
           GError                 **error)
{
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autoptr(GString) head_groups = g_string_new (NULL);
  g_autofree char *match = plan_match (plan, flags, vocabulary, groups);
  g_autofree char *head_match = plan_match (plan, flags | LOTS_QUERY_HEAD, vocabulary, head_groups);
  gboolean exact = !(flags & LOTS_QUERY_ANY_WORD);
  g_autoptr(GPtrArray) hits = run_plan (self, lang, head_match, head_groups->str, match, groups->str, exact,
                                        options, today, limit, error);
  g_autofree char *wider = NULL;
  g_autoptr(GPtrArray) more = NULL;
  double floor = G_MAXDOUBLE;

  if (hits == NULL)
    return NULL;
  if (hits->len < limit && lots_query_plan_is_widenable (plan))
    {
      wider = plan_match (plan, flags | LOTS_QUERY_WIDER, vocabulary, groups);
      g_free (head_match);
      head_match = plan_match (plan, flags | LOTS_QUERY_WIDER | LOTS_QUERY_HEAD, vocabulary, head_groups);
      more = run_plan (self, lang, head_match, head_groups->str, wider, groups->str, FALSE, options, today, limit, error);
      if (more == NULL)
        return NULL;
      for (guint i = 0; i < hits->len; i++)
        floor = MIN (floor, ((LotsSearchHit *) g_ptr_array_index (hits, i))->score);
      for (guint i = 0; i < more->len && hits->len < limit; i++)
        {
          LotsSearchHit *hit = g_ptr_array_index (more, i);
          gboolean seen = FALSE;

          for (guint j = 0; j < hits->len && !seen; j++)
            seen = ((LotsSearchHit *) g_ptr_array_index (hits, j))->rowid == hit->rowid;
          if (seen)
            continue;
          /* Below every whole-word hit, in the order of their own ranking. */
          if (floor < G_MAXDOUBLE)
            hit->score = MIN (hit->score, floor * 0.99);
          g_ptr_array_add (hits, g_ptr_array_steal_index (more, i--));
        }
      g_free (match);
      match = g_steal_pointer (&wider);
    }
  *match_out = g_steal_pointer (&match);
  return g_steal_pointer (&hits);
}

/* Searches the articles of one language. See the top of the file. */
static LotsSearchResult *
search (LotsIndex               *self,
        const char              *query,
        const LotsSearchOptions *options,
        GError                 **error)
{
  static const LotsSearchOptions defaults = { 0 };
  g_autoptr(LotsSearchResult) result = g_new0 (LotsSearchResult, 1);
  g_autoptr(LotsQueryPlan) plan = NULL;
  g_autofree char *today = NULL;
  const char *lang;
  Vocabulary vocabulary_data;
  LotsVocabulary vocabulary = { vocabulary_has_term, vocabulary_document_frequency, vocabulary_complete,
                                &vocabulary_data };
  guint limit;

  if (options == NULL)
    options = &defaults;
  lang = options->lang ? options->lang : "sv";
  limit = options->limit ? options->limit : 10;
  today = options->today ? g_strdup (options->today) : local_today ();
  result->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) search_hit_free);

  if (!lots_text_is_lang (lang))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "'%s' is not a language code such as sv or en", lang);
      return NULL;
    }
  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "the query is not valid UTF-8");
      return NULL;
    }
  if (!fts_table_exists (self, lang))
    return g_steal_pointer (&result);

  vocabulary_data.index = self;
  vocabulary_data.lang = lang;
  plan = lots_query_plan (query, lang, &vocabulary);
  if (plan->groups->len == 0)
    return g_steal_pointer (&result);

  g_ptr_array_unref (result->hits);
  result->hits = run_tiers (self, lang, &vocabulary, plan, LOTS_QUERY_ALL_WORDS, options, today, limit, &result->fts_query, error);
  if (result->hits == NULL)
    return NULL;

  if (result->hits->len == 0 && !options->no_suggest)
    {
      g_autofree char *suggestion = lots_query_suggest (query, plan, lang, &vocabulary);
      if (suggestion != NULL)
        {
          g_autofree char *whole_words = g_strconcat (suggestion, " ", NULL);
          g_autoptr(LotsQueryPlan) corrected = lots_query_plan (whole_words, lang, &vocabulary);
          g_autofree char *match = NULL;
          GPtrArray *hits = run_tiers (self, lang, &vocabulary, corrected, LOTS_QUERY_ALL_WORDS, options, today, limit, &match, error);

          if (hits == NULL)
            return NULL;
          g_ptr_array_unref (result->hits);
          result->hits = hits;
          result->suggestion = g_steal_pointer (&suggestion);
          g_free (result->fts_query);
          result->fts_query = g_steal_pointer (&match);
        }
    }
  if (result->hits->len == 0 && plan->groups->len > 1)
    {
      g_autofree char *match = NULL;
      GPtrArray *hits = run_tiers (self, lang, &vocabulary, plan, LOTS_QUERY_ANY_WORD, options, today, limit, &match, error);

      if (hits == NULL)
        return NULL;
      g_ptr_array_unref (result->hits);
      result->hits = hits;
      result->relaxed = hits->len > 0;
      g_free (result->fts_query);
      result->fts_query = g_steal_pointer (&match);
    }
  return g_steal_pointer (&result);
}

LotsSearchResult *
lots_index_search (LotsIndex               *self,
                   const char              *query,
                   const LotsSearchOptions *options,
                   GError                 **error)
{
  LotsSearchResult *result;
  gboolean own_transaction;

  g_return_val_if_fail (self != NULL && query != NULL, NULL);

  /* One read transaction for the whole search: every statement sees the
   * same snapshot, which the column sizes are checked against. */
  own_transaction = sqlite3_get_autocommit (self->db) != 0;
  if (own_transaction && !exec (self, "BEGIN", error))
    return NULL;
  result = search (self, query, options, error);
  release_statements (self);
  if (own_transaction && sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return result;
}

/* ---- one article -------------------------------------------------------------- */

static GStrv
split_lines (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] != '\0')
      g_strv_builder_add (builder, lines[i]);
  return g_strv_builder_end (builder);
}

/* The article id in lang (any language, Swedish first, when lang is NULL). */
LotsArticle *
lots_index_get_article (LotsIndex   *self,
                        const char  *id,
                        const char  *lang,
                        char       **source_id,
                        char       **revision,
                        GStrv       *translations,
                        GError     **error)
{
  sqlite3_stmt *stmt = statement (self, select_article_sql, error);
  LotsArticle *article;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, lang);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      release_statements (self);
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "no article '%s'%s%s", id,
                   lang ? " in language " : "", lang ? lang : "");
      return NULL;
    }
  article = g_new0 (LotsArticle, 1);
  article->id = column_dup (stmt, 0);
  article->lang = column_dup (stmt, 1);
  article->title = column_dup (stmt, 2);
  article->area = column_dup (stmt, 3);
  article->summary = column_dup (stmt, 4);
  if (article->summary && !*article->summary)
    g_clear_pointer (&article->summary, g_free);
  article->owner = column_dup (stmt, 5);
  article->valid_from = column_dup (stmt, 6);
  article->valid_until = column_dup (stmt, 7);
  article->tags = split_lines ((const char *) sqlite3_column_text (stmt, 8));
  article->synonyms = split_lines ((const char *) sqlite3_column_text (stmt, 9));
  article->markdown = column_dup (stmt, 10);
  article->text = column_dup (stmt, 11);
  article->path = column_dup (stmt, 12);
  article->links = g_ptr_array_new_with_free_func (g_free);
  article->link_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  if (source_id)
    *source_id = column_dup (stmt, 13);
  if (revision)
    *revision = column_dup (stmt, 14);
  if (translations)
    *translations = translations_of (self, article->id, article->lang);
  release_statements (self);
  return article;
}

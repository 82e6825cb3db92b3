/* lots-caselog.c — the journal of case outcomes in cases.sqlite.
 *
 * Durability. The journal runs in WAL mode with synchronous=FULL. In WAL
 * mode a commit appends the transaction to the -wal file and, with FULL,
 * fsyncs it before COMMIT returns, so an outcome acknowledged to the
 * handler is on disk: a crash or a power cut after that cannot lose it,
 * and one before it leaves the transaction out entirely (SQLite's WAL
 * checksums drop a partly written frame). WAL rather than the rollback
 * journal (journal_mode=DELETE, also durable with FULL) because a commit
 * costs one fsync instead of three or four (journal, database, directory),
 * which is what keeps a durable write well under the 5 ms budget, and
 * because the app's readers (the case list, the report) never block the
 * writer nor see half a transaction. With synchronous=NORMAL a WAL commit
 * would NOT be durable (the fsync waits for the checkpoint): that is the
 * setting this file must never be changed to.
 *
 * A file that cannot hold WAL (some network file systems) stays in the
 * rollback journal with synchronous=FULL: slower, equally durable.
 *
 * The journal is never thrown away or rebuilt, unlike the index: a damaged
 * or newer-version file is an error for a person to look at.
 */
#define G_LOG_DOMAIN "lots-caselog"

#include "config.h"

#include "lots-caselog.h"

#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "lots-error.h"
#include "lots-paths.h"
#include "lots-scrub.h"
#include "lots-text.h"

struct _LotsCaselog {
  sqlite3 *db;
  char *filename;
  GHashTable *statements;            /* SQL → prepared sqlite3_stmt */
  LotsCaseReferences *references;
  gint64 now;                        /* fixed clock for tests; 0: the real one */
};

/* One outcome ready to be written: everything computed and checked before
 * the transaction starts, so that a failure writes nothing. */
typedef struct {
  LotsCase *outcome;                 /* borrowed */
  char *id;
  gint64 started_at;
  gint64 ended_at;
  char *week;
  char *path;
  char *articles;
  char *note;
} PreparedCase;

/* Schema 2: the outcomes an upload has put in a batch (a UUID) and not yet
 * seen confirmed by the remote. The batch is recorded here, durably, before
 * anything is written to git, so that an upload killed or refused at any
 * point is retried with the same batch id and the same content, and the
 * remote's copy of a batch (cases/WS/BATCH.ndjson) proves it arrived. A
 * row goes when its batch is marked uploaded. IF NOT EXISTS: upgrading a
 * schema 1 file is the same statement. */
#define STAGING_SQL \
  "CREATE TABLE IF NOT EXISTS upload_staging (" \
  "  seq INTEGER PRIMARY KEY REFERENCES cases (seq)," \
  "  batch TEXT NOT NULL);" \
  "CREATE INDEX IF NOT EXISTS upload_staging_by_batch ON upload_staging (batch, seq);"

/* Schema 3: the searches that found nothing travel to the outcomes remote
 * too. Each has a UUID, given when it is recorded, so that the remote's
 * copies of one search are counted once; they are staged into batches of
 * their own before anything is written to git, exactly as outcomes are,
 * and marked uploaded (batch, uploaded_at) with their batch. */
#define SEARCH_COLUMNS \
  "(seq INTEGER PRIMARY KEY," \
  "  id TEXT NOT NULL UNIQUE," \
  "  at INTEGER NOT NULL," \
  "  area TEXT," \
  "  lang TEXT NOT NULL," \
  "  query TEXT NOT NULL," \
  "  batch TEXT," \
  "  uploaded_at INTEGER," \
  "  CHECK ((batch IS NULL) = (uploaded_at IS NULL)))"
#define SEARCH_INDEXES_SQL \
  "CREATE INDEX empty_searches_by_time ON empty_searches (at);" \
  "CREATE INDEX empty_searches_pending ON empty_searches (seq) WHERE uploaded_at IS NULL;"
#define SEARCH_STAGING_SQL \
  "CREATE TABLE IF NOT EXISTS search_staging (" \
  "  seq INTEGER PRIMARY KEY REFERENCES empty_searches (seq)," \
  "  batch TEXT NOT NULL);" \
  "CREATE INDEX IF NOT EXISTS search_staging_by_batch ON search_staging (batch, seq);"

static const char schema_sql[] =
  "CREATE TABLE cases ("
  "  seq INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  started_at INTEGER NOT NULL,"
  "  ended_at INTEGER NOT NULL,"
  "  week TEXT NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  lang TEXT NOT NULL,"
  "  area TEXT NOT NULL,"
  "  category TEXT,"
  "  guide TEXT,"
  "  guide_commit TEXT,"
  "  path TEXT NOT NULL,"
  "  articles TEXT NOT NULL,"
  "  resolved INTEGER NOT NULL CHECK (resolved IN (0, 1)),"
  "  referred_to TEXT,"
  "  acute INTEGER NOT NULL CHECK (acute IN (0, 1)),"
  "  complaint_to TEXT,"
  "  note TEXT,"
  "  handler TEXT NOT NULL,"
  "  workstation TEXT NOT NULL,"
  "  batch TEXT,"
  "  uploaded_at INTEGER,"
  "  CHECK ((batch IS NULL) = (uploaded_at IS NULL)));"
  "CREATE INDEX cases_by_start ON cases (started_at);"
  "CREATE INDEX cases_pending ON cases (seq) WHERE uploaded_at IS NULL;"
  "CREATE TABLE empty_searches " SEARCH_COLUMNS ";"
  SEARCH_INDEXES_SQL
  STAGING_SQL
  SEARCH_STAGING_SQL;

/* Schemas 1 and 2 kept searches without an id, and never uploaded them.
 * SQLite cannot add a NOT NULL UNIQUE column to a table in place, so the
 * table is rebuilt the way SQLite documents (new table, copy, drop the
 * old, rename the new), each old search getting a random version 4 UUID
 * of the form g_uuid_string_random() gives: hex(randomblob()) is SQLite's
 * own source of randomness, and random() & 3 picks the variant digit. */
static const char migrate_searches_sql[] =
  "CREATE TABLE empty_searches_new " SEARCH_COLUMNS ";"
  "INSERT INTO empty_searches_new (seq, id, at, area, lang, query, batch, uploaded_at)"
  " SELECT seq,"
  "  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||"
  "  substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||"
  "  substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),"
  "  at, area, lang, query, batch, uploaded_at FROM empty_searches ORDER BY seq;"
  "DROP TABLE empty_searches;"
  "ALTER TABLE empty_searches_new RENAME TO empty_searches;"
  SEARCH_INDEXES_SQL
  SEARCH_STAGING_SQL;

static const char insert_case_sql[] =
  "INSERT INTO cases (id, started_at, ended_at, week, channel, lang, area, category, guide,"
  " guide_commit, path, articles, resolved, referred_to, acute, complaint_to, note, handler, workstation)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
#define CASE_COLUMNS \
  "id, started_at, ended_at, week, channel, lang, area, category, guide, guide_commit, path," \
  " articles, resolved, referred_to, acute, complaint_to, note, handler, workstation, batch, uploaded_at"
static const char select_case_sql[] = "SELECT " CASE_COLUMNS " FROM cases WHERE id = ?1";
static const char list_cases_sql[] =
  "SELECT " CASE_COLUMNS " FROM cases WHERE started_at >= ?1 ORDER BY started_at, seq";
static const char list_pending_sql[] =
  "SELECT " CASE_COLUMNS " FROM cases WHERE uploaded_at IS NULL ORDER BY seq LIMIT ?1";
static const char count_cases_sql[] = "SELECT count(*) FROM cases";
#define ROW_COLUMNS \
  "started_at, week, channel, area, guide, path, resolved, acute, referred_to, complaint_to"
/* Two forms, so that a report over everything reads the table in order
 * rather than through the index of start times. */
static const char scan_all_sql[] = "SELECT " ROW_COLUMNS " FROM cases";
static const char scan_since_sql[] = "SELECT " ROW_COLUMNS " FROM cases WHERE started_at >= ?1";
static const char mark_uploaded_sql[] =
  "UPDATE cases SET batch = ?1, uploaded_at = ?2 WHERE id = ?3 AND uploaded_at IS NULL";
static const char unstage_sql[] = "DELETE FROM upload_staging WHERE batch = ?1";
/* The outcomes' batches first, then the searches', each oldest first. */
static const char staged_batches_sql[] =
  "SELECT batch FROM ("
  "  SELECT batch, 0 AS kind, min(seq) AS first FROM upload_staging GROUP BY batch"
  "  UNION ALL SELECT batch, 1, min(seq) FROM search_staging GROUP BY batch)"
  " ORDER BY kind, first";
static const char count_unstaged_sql[] =
  "SELECT count(*) FROM cases WHERE uploaded_at IS NULL AND seq NOT IN (SELECT seq FROM upload_staging)";
static const char stage_sql[] =
  "INSERT INTO upload_staging (seq, batch)"
  " SELECT seq, ?1 FROM cases WHERE uploaded_at IS NULL AND seq NOT IN (SELECT seq FROM upload_staging)"
  " ORDER BY seq LIMIT ?2";
static const char count_unstaged_searches_sql[] =
  "SELECT count(*) FROM empty_searches WHERE uploaded_at IS NULL AND seq NOT IN (SELECT seq FROM search_staging)";
static const char stage_searches_sql[] =
  "INSERT INTO search_staging (seq, batch)"
  " SELECT seq, ?1 FROM empty_searches WHERE uploaded_at IS NULL AND seq NOT IN (SELECT seq FROM search_staging)"
  " ORDER BY seq LIMIT ?2";
static const char mark_searches_sql[] =
  "UPDATE empty_searches SET batch = ?1, uploaded_at = ?2"
  " WHERE uploaded_at IS NULL AND seq IN (SELECT seq FROM search_staging WHERE batch = ?1)";
static const char unstage_searches_sql[] = "DELETE FROM search_staging WHERE batch = ?1";
static const char list_batch_sql[] =
  "SELECT " CASE_COLUMNS " FROM cases WHERE seq IN (SELECT seq FROM upload_staging WHERE batch = ?1) ORDER BY seq";
static const char remove_cases_sql[] =
  "DELETE FROM cases WHERE uploaded_at IS NOT NULL AND ended_at < ?1";
static const char remove_searches_sql[] =
  "DELETE FROM empty_searches WHERE uploaded_at IS NOT NULL AND at < ?1";
static const char insert_search_sql[] =
  "INSERT INTO empty_searches (id, at, area, lang, query) VALUES (?1, ?2, ?3, ?4, ?5)";
#define SEARCH_ROW_COLUMNS "id, at, area, lang, query"
static const char scan_searches_sql[] =
  "SELECT " SEARCH_ROW_COLUMNS " FROM empty_searches WHERE at >= ?1";
static const char list_batch_searches_sql[] =
  "SELECT " SEARCH_ROW_COLUMNS " FROM empty_searches"
  " WHERE seq IN (SELECT seq FROM search_staging WHERE batch = ?1) ORDER BY seq";

/* ---- errors and statements ------------------------------------------------- */

static gboolean
db_error (LotsCaselog *self,
          GError     **error,
          const char  *what)
{
  int code = sqlite3_errcode (self->db);

  g_set_error (error, LOTS_ERROR,
               code == SQLITE_BUSY || code == SQLITE_LOCKED ? LOTS_ERROR_BUSY : LOTS_ERROR_DATABASE,
               "%s: %s: %s", self->filename, what, sqlite3_errmsg (self->db));
  return FALSE;
}

static void
free_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gboolean
invalid_argument (GError    **error,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

/* Sets an INVALID_ARGUMENT error and returns FALSE. */
static gboolean
invalid_argument (GError    **error,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static sqlite3_stmt *
statement (LotsCaselog *self,
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
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (LotsCaselog *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_error (self, error, sql);
  return TRUE;
}

static void
rollback (LotsCaselog *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text ? g_strdup ((const char *) text) : NULL;
}

static gint64
now (LotsCaselog *self)
{
  return self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- opening --------------------------------------------------------------- */

/* Makes a newly created file's directory entry durable: fsync on the file
 * alone does not (POSIX), and the journal's first outcome must survive a
 * power cut like every other. */
static gboolean
sync_directory (const char  *filename,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (filename);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, LOTS_ERROR, LOTS_ERROR_IO, "cannot sync %s: %s", dir, g_strerror (saved));
  return FALSE;
}

static gboolean
read_int (LotsCaselog *self,
          const char  *sql,
          gint64      *value,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error, sql);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *value = sqlite3_column_int64 (stmt, 0);
  else
    db_error (self, error, sql);
  sqlite3_finalize (stmt);
  return ok;
}

/* Creates the tables in an empty file, or checks that an existing one is a
 * journal this version of Lots can write. */
static gboolean
ensure_schema (LotsCaselog  *self,
               GError      **error)
{
  gint64 version = 0, objects = 0;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!read_int (self, "PRAGMA user_version", &version, error) ||
      !read_int (self, "SELECT count(*) FROM sqlite_master", &objects, error))
    goto fail;
  if (version == LOTS_CASELOG_SCHEMA_VERSION)
    return exec (self, "COMMIT", error);
  if (version == 1 || version == 2)
    {
      /* Schema 1 lacked the upload staging table (IF NOT EXISTS: a no-op
       * on schema 2); both lacked the ids and the staging of searches. In
       * the same transaction: a failure leaves the file as it was. */
      if (!exec (self, STAGING_SQL, error) || !exec (self, migrate_searches_sql, error) ||
          !exec (self, "PRAGMA user_version = " G_STRINGIFY (LOTS_CASELOG_SCHEMA_VERSION), error))
        goto fail;
      return exec (self, "COMMIT", error);
    }
  if (version > LOTS_CASELOG_SCHEMA_VERSION)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE,
                   "%s: the case log was written by a newer Lots (schema %" G_GINT64_FORMAT ", this one knows %d); "
                   "update Lots, the file is left as it is", self->filename, version, LOTS_CASELOG_SCHEMA_VERSION);
      goto fail;
    }
  if (objects != 0)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE,
                   "%s: not a Lots case log (it holds other tables); the file is left as it is", self->filename);
      goto fail;
    }
  /* user_version cannot be a bound parameter; it is a constant here. */
  if (!exec (self, schema_sql, error) ||
      !exec (self, "PRAGMA user_version = " G_STRINGIFY (LOTS_CASELOG_SCHEMA_VERSION), error))
    goto fail;
  return exec (self, "COMMIT", error);

fail:
  rollback (self);
  return FALSE;
}

static gboolean
set_durability (LotsCaselog  *self,
                GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *mode = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error, "setting the journal mode");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mode = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    g_debug ("%s: WAL not available (%s); the rollback journal is used", self->filename, mode);
  sqlite3_finalize (stmt);
  /* Reports read every row: mapping the file saves a copy per page, and a
   * bigger page cache keeps the id index of a batch in memory. Neither
   * touches durability. */
  sqlite3_exec (self->db, "PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16384;", NULL, NULL, NULL);
  return exec (self, "PRAGMA synchronous = FULL", error);
}

/* Opens (creating it if needed) the journal in filename. Cases are
 * checked against the built-in areas, units and administrations. */
LotsCaselog *
lots_caselog_open (const char  *filename,
                   GError     **error)
{
  g_autoptr(LotsCaselog) self = g_new0 (LotsCaselog, 1);
  gboolean created;

  g_return_val_if_fail (filename != NULL, NULL);

  self->filename = g_strdup (filename);
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            free_statement);
  self->references = lots_case_references_load_builtin (error);
  if (self->references == NULL || !lots_paths_ensure_parent (filename, error))
    return NULL;
  created = !g_file_test (filename, G_FILE_TEST_EXISTS);
  if (sqlite3_open_v2 (filename, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      db_error (self, error, "opening the case log");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 10000);
  if (!set_durability (self, error) || !ensure_schema (self, error))
    return NULL;
  if (created && !sync_directory (filename, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The journal of this workstation: cases.sqlite in the data directory. */
LotsCaselog *
lots_caselog_open_default (GError **error)
{
  g_autofree char *dir = lots_paths_dup_data_dir ();
  g_autofree char *filename = g_build_filename (dir, LOTS_CASELOG_FILE, NULL);

  return lots_caselog_open (filename, error);
}

void
lots_caselog_close (LotsCaselog *self)
{
  if (self == NULL)
    return;
  if (self->statements != NULL)
    g_hash_table_unref (self->statements);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  lots_case_references_free (self->references);
  g_free (self->filename);
  g_free (self);
}

const char *
lots_caselog_get_filename (LotsCaselog *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->filename;
}

/* Replaces what cases may name (takes references). */
void
lots_caselog_set_references (LotsCaselog        *self,
                             LotsCaseReferences *references)
{
  g_return_if_fail (self != NULL && references != NULL);
  lots_case_references_free (self->references);
  self->references = references;
}

/* Fixes the clock (Unix seconds) for tests of times and retention; 0 goes
 * back to the real clock. */
void
lots_caselog_set_now (LotsCaselog *self,
                      gint64       time)
{
  g_return_if_fail (self != NULL);
  self->now = time;
}

/* ---- writing outcomes ------------------------------------------------------ */

/* The ISO 8601 week (2026-W48) of time t in local time (zone): the unit
 * the city's contact statistics are reported in. The zone is looked up
 * once per write, not per outcome: GLib reads /etc/localtime each time it
 * is asked for the local zone. */
static char *
iso_week (GTimeZone *zone,
          gint64     t)
{
  gint interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);
  gint64 offset = interval >= 0 ? g_time_zone_get_offset (zone, interval) : 0;
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_utc (t + offset);

  return g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (local),
                          g_date_time_get_week_of_year (local));
}

static char *
articles_json (const LotsCase *outcome)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (outcome->articles->len == 0)
    return g_strdup ("[]");
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcome->articles->len; i++)
    {
      const LotsCaseArticle *article = g_ptr_array_index (outcome->articles, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, article->id);
      json_builder_set_member_name (builder, "commit");
      if (article->commit != NULL)
        json_builder_add_string_value (builder, article->commit);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  generator = json_generator_new ();
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
prepared_case_clear (PreparedCase *p)
{
  g_free (p->id);
  g_free (p->week);
  g_free (p->path);
  g_free (p->articles);
  g_free (p->note);
}

static gboolean
prepare_case (LotsCaselog   *self,
              LotsCase      *outcome,
              gint64         time,
              GTimeZone     *zone,
              PreparedCase  *p,
              GError       **error)
{
  if (!lots_case_validate (outcome, self->references, time, error))
    return FALSE;
  p->outcome = outcome;
  p->id = outcome->id != NULL ? g_strdup (outcome->id) : g_uuid_string_random ();
  if (!g_uuid_string_is_valid (p->id))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "id: '%s' is not a UUID", p->id);
      return FALSE;
    }
  p->ended_at = outcome->ended_at != 0 ? outcome->ended_at : time;
  p->started_at = outcome->started_at != 0 ? outcome->started_at : p->ended_at;
  p->week = iso_week (zone, p->started_at);
  p->path = lots_case_dup_path_string (outcome);
  p->articles = articles_json (outcome);
  p->note = outcome->note != NULL && outcome->note[0] != '\0' ? lots_scrub_text (outcome->note, NULL) : NULL;
  return TRUE;
}

static gboolean
insert_case (LotsCaselog   *self,
             PreparedCase  *p,
             GError       **error)
{
  const LotsCase *c = p->outcome;
  sqlite3_stmt *stmt = statement (self, insert_case_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, p->id);
  sqlite3_bind_int64 (stmt, 2, p->started_at);
  sqlite3_bind_int64 (stmt, 3, p->ended_at);
  bind_text (stmt, 4, p->week);
  bind_text (stmt, 5, c->channel);
  bind_text (stmt, 6, c->lang != NULL ? c->lang : "sv");
  bind_text (stmt, 7, c->area);
  bind_text (stmt, 8, c->category);
  bind_text (stmt, 9, c->guide);
  bind_text (stmt, 10, c->guide_commit);
  bind_text (stmt, 11, p->path);
  bind_text (stmt, 12, p->articles);
  sqlite3_bind_int (stmt, 13, c->resolved ? 1 : 0);
  bind_text (stmt, 14, c->referred_to);
  sqlite3_bind_int (stmt, 15, c->acute ? 1 : 0);
  bind_text (stmt, 16, c->complaint_to);
  bind_text (stmt, 17, p->note);
  bind_text (stmt, 18, c->handler);
  bind_text (stmt, 19, c->workstation);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_errcode (self->db) == SQLITE_CONSTRAINT)
        {
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT, "id: a case %s is in the log already", p->id);
          sqlite3_reset (stmt);
          return FALSE;
        }
      db_error (self, error, "writing a case");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Writes outcomes in one durable transaction: all of them or, on any
 * error, none. Each outcome is validated first, its note scrubbed; on
 * success each gets its id (and week) set. */
gboolean
lots_caselog_add_many (LotsCaselog  *self,
                       GPtrArray    *outcomes,
                       GError      **error)
{
  gint64 time;
  g_autofree PreparedCase *prepared = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  gboolean ok = FALSE;
  guint n = 0;

  g_return_val_if_fail (self != NULL && outcomes != NULL, FALSE);

  time = now (self);
  prepared = g_new0 (PreparedCase, MAX (outcomes->len, 1));
  for (; n < outcomes->len; n++)
    if (!prepare_case (self, g_ptr_array_index (outcomes, n), time, zone, &prepared[n], error))
      {
        n++;
        goto out;
      }
  if (!exec (self, "BEGIN IMMEDIATE", error))
    goto out;
  for (guint i = 0; i < n; i++)
    if (!insert_case (self, &prepared[i], error))
      {
        rollback (self);
        goto out;
      }
  if (!exec (self, "COMMIT", error))
    {
      rollback (self);
      goto out;
    }
  for (guint i = 0; i < n; i++)
    {
      LotsCase *outcome = prepared[i].outcome;

      g_free (outcome->id);
      outcome->id = g_steal_pointer (&prepared[i].id);
      g_free (outcome->week);
      outcome->week = g_steal_pointer (&prepared[i].week);
    }
  ok = TRUE;

out:
  for (guint i = 0; i < n; i++)
    prepared_case_clear (&prepared[i]);
  return ok;
}

/* Writes one outcome durably: returns TRUE only once it is on disk. */
gboolean
lots_caselog_add (LotsCaselog  *self,
                  LotsCase     *outcome,
                  GError      **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL && outcome != NULL, FALSE);
  g_ptr_array_add (one, outcome);
  return lots_caselog_add_many (self, one, error);
}

/* ---- reading outcomes ------------------------------------------------------ */

static void
read_articles (LotsCase   *outcome,
               const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      if (object != NULL && json_object_has_member (object, "id"))
        lots_case_add_article (outcome, json_object_get_string_member (object, "id"),
                               json_object_get_string_member_with_default (object, "commit", NULL));
    }
}

/* A row of CASE_COLUMNS as a case. */
static LotsCase *
read_case (sqlite3_stmt *stmt)
{
  LotsCase *c = lots_case_new ();
  const char *path = (const char *) sqlite3_column_text (stmt, 10);

  c->id = column_dup (stmt, 0);
  c->started_at = sqlite3_column_int64 (stmt, 1);
  c->ended_at = sqlite3_column_int64 (stmt, 2);
  c->week = column_dup (stmt, 3);
  c->channel = column_dup (stmt, 4);
  c->lang = column_dup (stmt, 5);
  c->area = column_dup (stmt, 6);
  c->category = column_dup (stmt, 7);
  c->guide = column_dup (stmt, 8);
  c->guide_commit = column_dup (stmt, 9);
  if (path != NULL && path[0] != '\0')
    {
      g_auto(GStrv) steps = g_strsplit (path, ",", -1);
      for (guint i = 0; steps[i] != NULL; i++)
        lots_case_add_step (c, steps[i]);
    }
  read_articles (c, (const char *) sqlite3_column_text (stmt, 11));
  c->resolved = sqlite3_column_int (stmt, 12) != 0;
  c->referred_to = column_dup (stmt, 13);
  c->acute = sqlite3_column_int (stmt, 14) != 0;
  c->complaint_to = column_dup (stmt, 15);
  c->note = column_dup (stmt, 16);
  c->handler = column_dup (stmt, 17);
  c->workstation = column_dup (stmt, 18);
  c->batch = column_dup (stmt, 19);
  c->uploaded_at = sqlite3_column_int64 (stmt, 20);
  return c;
}

static GPtrArray *
read_cases (LotsCaselog   *self,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_case_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, read_case (stmt));
  if (rc != SQLITE_DONE)
    {
      db_error (self, error, "reading cases");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&cases);
}

/* The case with this id; NULL with LOTS_ERROR_NOT_FOUND if there is none. */
LotsCase *
lots_caselog_get (LotsCaselog  *self,
                  const char   *id,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (self != NULL && id != NULL, NULL);
  stmt = statement (self, select_case_sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  found = read_cases (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "no case %s in %s", id, self->filename);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/* The cases started at or after since (Unix seconds), oldest first. */
GPtrArray *
lots_caselog_list (LotsCaselog  *self,
                   gint64        since,
                   GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  stmt = statement (self, list_cases_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  return read_cases (self, stmt, error);
}

gint64
lots_caselog_count (LotsCaselog  *self,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 count;

  g_return_val_if_fail (self != NULL, -1);
  stmt = statement (self, count_cases_sql, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      db_error (self, error, "counting cases");
      sqlite3_reset (stmt);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Calls func for each case started at or after since (0: all), in one read
 * transaction, without allocating per row: what a report over a million
 * outcomes needs. */
gboolean
lots_caselog_scan (LotsCaselog      *self,
                   gint64            since,
                   LotsCaseRowFunc   func,
                   gpointer          user_data,
                   GError          **error)
{
  sqlite3_stmt *stmt;
  LotsCaseRow row;
  int rc;

  g_return_val_if_fail (self != NULL && func != NULL, FALSE);
  stmt = statement (self, since > 0 ? scan_since_sql : scan_all_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (since > 0)
    sqlite3_bind_int64 (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      row.started_at = sqlite3_column_int64 (stmt, 0);
      row.week = (const char *) sqlite3_column_text (stmt, 1);
      row.channel = (const char *) sqlite3_column_text (stmt, 2);
      row.area = (const char *) sqlite3_column_text (stmt, 3);
      row.guide = (const char *) sqlite3_column_text (stmt, 4);
      row.path = (const char *) sqlite3_column_text (stmt, 5);
      row.resolved = sqlite3_column_int (stmt, 6) != 0;
      row.acute = sqlite3_column_int (stmt, 7) != 0;
      row.referred_to = (const char *) sqlite3_column_text (stmt, 8);
      row.complaint_to = (const char *) sqlite3_column_text (stmt, 9);
      func (&row, user_data);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, "reading cases");
  return TRUE;
}

/* ---- searches that found nothing ------------------------------------------- */

/* Lower case, runs of white space as one space, trimmed: "Färdtjänst  " and
 * "färdtjänst" are one gap. */
static char *
normalize_query (const char *query)
{
  g_autofree char *lower = g_utf8_strdown (query, -1);
  GString *result = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        space = result->len > 0;
      else
        {
          if (space)
            g_string_append_c (result, ' ');
          space = FALSE;
          g_string_append_unichar (result, c);
        }
    }
  return g_string_free (result, FALSE);
}

/* Records, durably, that query (as the handler typed it) found nothing, in
 * area (NULL: every area) and language lang (NULL: sv), under a new UUID.
 * The query is scrubbed like a note: handlers sometimes search for what
 * the caller just said. */
gboolean
lots_caselog_add_empty_search (LotsCaselog  *self,
                               const char   *query,
                               const char   *area,
                               const char   *lang,
                               GError      **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *scrubbed = NULL;
  g_autofree char *id = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL && query != NULL, FALSE);

  if (!g_utf8_validate (query, -1, NULL))
    return invalid_argument (error, "query: not valid UTF-8 text");
  normalized = normalize_query (query);
  if (normalized[0] == '\0')
    return invalid_argument (error, "query: empty");
  if (g_utf8_strlen (normalized, -1) > LOTS_CASELOG_QUERY_MAX_CHARS)
    return invalid_argument (error, "query: longer than %d characters", LOTS_CASELOG_QUERY_MAX_CHARS);
  if (lang != NULL && !lots_text_is_lang (lang))
    return invalid_argument (error, "lang: '%s' is not a language code such as sv or en", lang);
  if (area != NULL && !lots_case_references_check_area (self->references, area, error))
    return FALSE;
  scrubbed = lots_scrub_text (normalized, NULL);

  stmt = statement (self, insert_search_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now (self));
  bind_text (stmt, 3, area);
  bind_text (stmt, 4, lang != NULL ? lang : "sv");
  bind_text (stmt, 5, scrubbed);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (self, error, "recording a search");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Calls func for each row of stmt (SEARCH_ROW_COLUMNS), then resets it. */
static gboolean
scan_searches (LotsCaselog             *self,
               sqlite3_stmt            *stmt,
               LotsEmptySearchRowFunc   func,
               gpointer                 user_data,
               GError                 **error)
{
  LotsEmptySearchRow row;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      row.id = (const char *) sqlite3_column_text (stmt, 0);
      row.at = sqlite3_column_int64 (stmt, 1);
      row.area = (const char *) sqlite3_column_text (stmt, 2);
      row.lang = (const char *) sqlite3_column_text (stmt, 3);
      row.query = (const char *) sqlite3_column_text (stmt, 4);
      func (&row, user_data);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, "reading searches");
  return TRUE;
}

/* Calls func for each search that found nothing recorded at or after since
 * (Unix seconds; 0: all), uploaded or not. */
gboolean
lots_caselog_scan_empty_searches (LotsCaselog            *self,
                                  gint64                  since,
                                  LotsEmptySearchRowFunc  func,
                                  gpointer                user_data,
                                  GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL && func != NULL, FALSE);
  stmt = statement (self, scan_searches_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  return scan_searches (self, stmt, func, user_data, error);
}

/* ---- upload and retention -------------------------------------------------- */

/* Up to limit outcomes not uploaded yet, in the order they were written:
 * the next batch for the upload. */
GPtrArray *
lots_caselog_list_pending (LotsCaselog  *self,
                           guint         limit,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  stmt = statement (self, list_pending_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  return read_cases (self, stmt, error);
}

/* Runs a statement that changes rows, binding text to ?1 and number to ?2
 * (when not negative). */
static gboolean
run_change (LotsCaselog  *self,
            const char   *sql,
            const char   *text,
            gint64        number,
            GError      **error)
{
  sqlite3_stmt *stmt = statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, text);
  if (number >= 0)
    sqlite3_bind_int64 (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (self, error, "recording the upload state");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
unstage (LotsCaselog  *self,
         const char   *batch,
         GError      **error)
{
  return run_change (self, unstage_sql, batch, -1, error) && run_change (self, unstage_searches_sql, batch, -1, error);
}

/* Stages what count_sql counts, with insert_sql, in new batches of at
 * most batch_size. */
static gboolean
stage_in_batches (LotsCaselog  *self,
                  const char   *count_sql,
                  const char   *insert_sql,
                  guint         batch_size,
                  GError      **error)
{
  gint64 unstaged = 0;

  if (!read_int (self, count_sql, &unstaged, error))
    return FALSE;
  for (gint64 left = unstaged; left > 0; left -= batch_size)
    {
      g_autofree char *batch = g_uuid_string_random ();

      if (!run_change (self, insert_sql, batch, batch_size, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
staged_batches (LotsCaselog  *self,
                GError      **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = statement (self, staged_batches_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (batches, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      db_error (self, error, "reading staged batches");
      return NULL;
    }
  return g_steal_pointer (&batches);
}

/* Puts every outcome not yet uploaded nor staged into new batches of at
 * most batch_size, each named by a new UUID, and every such search that
 * found nothing into batches of their own, in one durable transaction;
 * returns every batch staged and not yet uploaded (char *): the outcomes'
 * oldest first, then the searches' — those of an earlier upload that did
 * not finish before newer ones, unchanged. Staging before anything
 * reaches git is what makes a retried upload write the same batch again
 * rather than a second copy of its outcomes or searches. */
GPtrArray *
lots_caselog_stage_pending (LotsCaselog  *self,
                            guint         batch_size,
                            GError      **error)
{
  g_autoptr(GPtrArray) batches = NULL;

  g_return_val_if_fail (self != NULL && batch_size > 0, NULL);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  if (!stage_in_batches (self, count_unstaged_sql, stage_sql, batch_size, error) ||
      !stage_in_batches (self, count_unstaged_searches_sql, stage_searches_sql, batch_size, error))
    goto fail;
  batches = staged_batches (self, error);
  if (batches == NULL || !exec (self, "COMMIT", error))
    goto fail;
  return g_steal_pointer (&batches);

fail:
  rollback (self);
  return NULL;
}

/* The outcomes staged in batch, in the order they were written. */
GPtrArray *
lots_caselog_list_batch (LotsCaselog  *self,
                         const char   *batch,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL && batch != NULL, NULL);
  stmt = statement (self, list_batch_sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, batch);
  return read_cases (self, stmt, error);
}

/* Calls func for each search that found nothing staged in batch, in the
 * order they were recorded. */
gboolean
lots_caselog_scan_batch_searches (LotsCaselog             *self,
                                  const char              *batch,
                                  LotsEmptySearchRowFunc   func,
                                  gpointer                 user_data,
                                  GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL && batch != NULL && func != NULL, FALSE);
  stmt = statement (self, list_batch_searches_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, batch);
  return scan_searches (self, stmt, func, user_data, error);
}

/* Marks the outcomes ids (char *) as uploaded in batch, and with them every
 * search that found nothing staged in batch, in one durable transaction;
 * the batch is then staged no more. An outcome or search marked already
 * keeps its first batch, so marking again after a retried push changes
 * nothing. */
gboolean
lots_caselog_mark_uploaded (LotsCaselog  *self,
                            const char   *batch,
                            GPtrArray    *ids,
                            GError      **error)
{
  gint64 time;

  g_return_val_if_fail (self != NULL && ids != NULL, FALSE);
  if (batch == NULL || !g_uuid_string_is_valid (batch))
    return invalid_argument (error, "batch: '%s' is not a UUID", batch ? batch : "");
  time = now (self);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = statement (self, mark_uploaded_sql, error);

      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, batch);
      sqlite3_bind_int64 (stmt, 2, time);
      bind_text (stmt, 3, g_ptr_array_index (ids, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          db_error (self, error, "marking cases uploaded");
          sqlite3_reset (stmt);
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  if (!run_change (self, mark_searches_sql, batch, time, error) || !unstage (self, batch, error))
    goto fail;
  if (exec (self, "COMMIT", error))
    return TRUE;

fail:
  rollback (self);
  return FALSE;
}

static gboolean
delete_before (LotsCaselog  *self,
               const char   *sql,
               gint64        cutoff,
               guint        *removed,
               GError      **error)
{
  sqlite3_stmt *stmt = statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cutoff);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      db_error (self, error, "removing old cases");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  *removed += (guint) sqlite3_changes (self->db);
  return TRUE;
}

/* Retention: removes outcomes (and searches) that ended more than months
 * months ago, and only those already uploaded: nothing leaves the journal
 * before the analysts have it. removed (may be NULL) gets how many
 * outcomes and searches went. */
gboolean
lots_caselog_remove_uploaded_before (LotsCaselog  *self,
                                     guint         months,
                                     guint        *removed,
                                     GError      **error)
{
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  guint count = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  if (months < 1 || months > 1200)
    return invalid_argument (error, "retention: %u months; keep outcomes between 1 and 1200 months", months);
  current = g_date_time_new_from_unix_local (now (self));
  cutoff = g_date_time_add_months (current, -(gint) months);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!delete_before (self, remove_cases_sql, g_date_time_to_unix (cutoff), &count, error) ||
      !delete_before (self, remove_searches_sql, g_date_time_to_unix (cutoff), &count, error) ||
      !exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }
  if (removed != NULL)
    *removed = count;
  return TRUE;
}

/* PRAGMA integrity_check: TRUE if SQLite finds the file sound. */
gboolean
lots_caselog_check_integrity (LotsCaselog  *self,
                              GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error, "checking integrity");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, "checking integrity");
  if (problems->len > 0)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE, "%s: damaged: %s", self->filename, problems->str);
      return FALSE;
    }
  return TRUE;
}

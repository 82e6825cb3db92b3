/* lots-case.c — a case outcome and its validation.
 *
 * Validation is strict and complete before anything is written: the
 * journal is the only data Lots cannot rebuild, and a value that is wrong
 * in it is wrong in the city's statistics for good. Each error names the
 * field (as the lotsctl option is named) and says what is allowed.
 */
#define G_LOG_DOMAIN "lots-case"

#include "config.h"

#include "lots-case.h"

#include <string.h>

#include "lots-area.h"
#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-paths.h"
#include "lots-table.h"
#include "lots-text.h"

/* How far ahead of this machine's clock an end time may be (another
 * workstation's clock, a handler's typo of a minute). */
#define CLOCK_SLACK_SECONDS (5 * 60)
/* A contact longer than this is a mistake in the times, not a long call. */
#define MAX_DURATION_SECONDS (24 * 60 * 60)
/* 2000-01-01T00:00:00Z: nothing Lots logs can be older. */
#define EARLIEST_TIME G_GINT64_CONSTANT (946684800)
#define MAX_ID_LENGTH 128
#define MAX_COMMIT_LENGTH 80

const char * const lots_case_channels[] = { "telefon", "e-post", "brev", "besök", "chatt", NULL };

struct _LotsCaseReferences {
  GHashTable *areas;            /* id → itself */
  GHashTable *units;
  GHashTable *administrations;
  /* id → what people read: the area's title, the unit's or the
   * administration's name (the "namn" column). Only what is known; an id
   * without a title is listed by its id. */
  GHashTable *area_titles;
  GHashTable *unit_titles;
  GHashTable *administration_titles;
};

/* ---- the case -------------------------------------------------------------- */

static void
case_article_free (gpointer data)
{
  LotsCaseArticle *article = data;

  g_free (article->id);
  g_free (article->commit);
  g_free (article);
}

LotsCase *
lots_case_new (void)
{
  LotsCase *self = g_new0 (LotsCase, 1);

  self->path = g_ptr_array_new_with_free_func (g_free);
  self->articles = g_ptr_array_new_with_free_func (case_article_free);
  return self;
}

void
lots_case_free (LotsCase *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->channel);
  g_free (self->lang);
  g_free (self->area);
  g_free (self->category);
  g_free (self->guide);
  g_free (self->guide_commit);
  g_ptr_array_unref (self->path);
  g_ptr_array_unref (self->articles);
  g_free (self->referred_to);
  g_free (self->complaint_to);
  g_free (self->note);
  g_free (self->handler);
  g_free (self->workstation);
  g_free (self->week);
  g_free (self->batch);
  g_free (self);
}

void
lots_case_add_step (LotsCase   *self,
                    const char *step)
{
  g_return_if_fail (self != NULL && step != NULL);
  g_ptr_array_add (self->path, g_strdup (step));
}

void
lots_case_add_article (LotsCase   *self,
                       const char *id,
                       const char *commit)
{
  LotsCaseArticle *article;

  g_return_if_fail (self != NULL && id != NULL);
  article = g_new0 (LotsCaseArticle, 1);
  article->id = g_strdup (id);
  article->commit = g_strdup (commit);
  g_ptr_array_add (self->articles, article);
}

/* The step ids joined by ",": step ids are [a-z0-9_-]+ (lots-guide.c), so
 * the joined form is unambiguous and is how the journal stores a path. */
char *
lots_case_dup_path_string (const LotsCase *self)
{
  GString *joined = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->path->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ',');
      g_string_append (joined, g_ptr_array_index (self->path, i));
    }
  return g_string_free (joined, FALSE);
}

static void
replace_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* Fills in what a guide proposes when its call ends (the session's
 * lots_guide_session_get_outcome() and _dup_path()): the guide, the steps
 * taken, and each outcome field the guide set. Fields the guide left
 * unsaid keep what the handler chose; acute stays set once set. The
 * handler may still change everything before the case is logged. */
void
lots_case_apply_guide_outcome (LotsCase               *self,
                               const char             *guide,
                               const LotsGuideOutcome *outcome,
                               GPtrArray              *path)
{
  g_return_if_fail (self != NULL && guide != NULL && outcome != NULL);

  replace_string (&self->guide, guide);
  replace_string (&self->area, outcome->area);
  replace_string (&self->category, outcome->category);
  replace_string (&self->referred_to, outcome->referred_to);
  replace_string (&self->complaint_to, outcome->complaint_to);
  if (outcome->resolved >= 0)
    self->resolved = outcome->resolved == 1;
  self->acute = self->acute || outcome->acute;
  if (path != NULL)
    {
      g_ptr_array_set_size (self->path, 0);
      for (guint i = 0; i < path->len; i++)
        lots_case_add_step (self, g_ptr_array_index (path, i));
    }
}

gboolean
lots_case_is_channel (const char *channel)
{
  return channel != NULL && g_strv_contains (lots_case_channels, channel);
}

/* ---- shapes of values ------------------------------------------------------ */

/* 1–max characters, each a lower-case ASCII letter, a digit or one of
 * extra: the shape of every id a case refers to. */
static gboolean
is_token (const char *text,
          gsize       max,
          const char *extra)
{
  gsize n;

  if (text == NULL)
    return FALSE;
  n = strlen (text);
  if (n == 0 || n > max)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (text[i]) && !g_ascii_isdigit (text[i]) && strchr (extra, text[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* A revision: a git object id or a source fingerprint, ASCII letters and
 * digits only. */
static gboolean
is_commit (const char *text)
{
  gsize n = text ? strlen (text) : 0;

  if (n == 0 || n > MAX_COMMIT_LENGTH)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (text[i]))
      return FALSE;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The known ids, sorted, for an error message that says what is allowed;
 * a long list (the unit directory) is cut after the first few. */
#define MAX_LISTED 12

static char *
join_keys (GHashTable *table)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  if (keys->len > MAX_LISTED)
    {
      guint all = keys->len;
      g_autofree char *first = NULL;

      g_ptr_array_set_size (keys, MAX_LISTED);
      g_ptr_array_add (keys, NULL);
      first = g_strjoinv (", ", (char **) keys->pdata);
      return g_strdup_printf ("%s … (%u in all)", first, all);
    }
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (", ", (char **) keys->pdata);
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

/* Sets an INVALID_ARGUMENT error and returns FALSE. */
static gboolean
invalid (GError    **error,
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

/* ---- validation ------------------------------------------------------------ */

static gboolean
validate_reference (const char  *field,
                    const char  *value,
                    GHashTable  *known,
                    const char  *what,
                    GError     **error)
{
  g_autofree char *allowed = NULL;

  if (!is_token (value, MAX_ID_LENGTH, "-_"))
    return invalid (error, "%s: '%s' is not an id (lower-case letters, digits and '-')", field, value);
  if (known == NULL || g_hash_table_size (known) == 0 || g_hash_table_contains (known, value))
    return TRUE;
  allowed = join_keys (known);
  return invalid (error, "%s: '%s' is not %s; one of: %s", field, value, what, allowed);
}

static gboolean
validate_times (const LotsCase  *self,
                gint64           now,
                GError         **error)
{
  gint64 ended = self->ended_at != 0 ? self->ended_at : now;
  gint64 started = self->started_at != 0 ? self->started_at : ended;

  if (ended < EARLIEST_TIME || started < EARLIEST_TIME)
    return invalid (error, "started/ended: a time before the year 2000 is not a case of Lots");
  if (ended > now + CLOCK_SLACK_SECONDS)
    return invalid (error, "ended: the case ends in the future (after this machine's clock)");
  if (started > now + CLOCK_SLACK_SECONDS)
    return invalid (error, "started: the case starts in the future (after this machine's clock)");
  if (started > ended)
    return invalid (error, "started: the case starts after it ended");
  if (ended - started > MAX_DURATION_SECONDS)
    return invalid (error, "started: a contact lasts at most 24 hours; check the start time");
  return TRUE;
}

static gboolean
validate_guide (const LotsCase  *self,
                GError         **error)
{
  if (self->guide != NULL && !is_token (self->guide, MAX_ID_LENGTH, "-_/"))
    return invalid (error, "guide: '%s' is not a guide id such as social/akut", self->guide);
  if (self->guide_commit != NULL && !is_commit (self->guide_commit))
    return invalid (error, "guide commit: '%s' is not a revision (1–%d letters and digits)",
                    self->guide_commit, MAX_COMMIT_LENGTH);
  if (self->guide_commit != NULL && self->guide == NULL)
    return invalid (error, "guide commit: given without a guide");
  if (self->path->len > LOTS_CASE_PATH_MAX_STEPS)
    return invalid (error, "path: at most %d steps", LOTS_CASE_PATH_MAX_STEPS);
  if (self->path->len > 0 && self->guide == NULL)
    return invalid (error, "path: steps given without a guide");
  for (guint i = 0; i < self->path->len; i++)
    {
      const char *step = g_ptr_array_index (self->path, i);
      if (!is_token (step, 64, "-_"))
        return invalid (error, "path: '%s' is not a step id (1–64 of a-z, 0-9, _ and -)", step);
    }
  return TRUE;
}

static gboolean
validate_articles (const LotsCase  *self,
                   GError         **error)
{
  if (self->articles->len > LOTS_CASE_ARTICLES_MAX)
    return invalid (error, "articles: at most %d articles", LOTS_CASE_ARTICLES_MAX);
  for (guint i = 0; i < self->articles->len; i++)
    {
      const LotsCaseArticle *article = g_ptr_array_index (self->articles, i);
      const char *slash = strchr (article->id, '/');

      if (slash == NULL || !is_token (article->id, MAX_ID_LENGTH, "-/") || strchr (slash + 1, '/') != NULL)
        return invalid (error, "articles: '%s' is not an article id (AREA/SLUG)", article->id);
      if (article->commit != NULL && !is_commit (article->commit))
        return invalid (error, "articles: '%s' was read at '%s', which is not a revision", article->id, article->commit);
    }
  return TRUE;
}

/* Valid UTF-8, at most LOTS_CASE_NOTE_MAX_CHARS characters, and no control
 * characters other than line breaks and tabs (they would garble the list,
 * the NDJSON upload and the analysts' spreadsheets alike). */
static gboolean
validate_note (const char  *note,
               GError     **error)
{
  glong chars;

  if (note == NULL)
    return TRUE;
  if (!g_utf8_validate (note, -1, NULL))
    return invalid (error, "note: not valid UTF-8 text");
  chars = g_utf8_strlen (note, -1);
  if (chars > LOTS_CASE_NOTE_MAX_CHARS)
    return invalid (error, "note: %ld characters; at most %d are kept (write a short reminder)",
                    chars, LOTS_CASE_NOTE_MAX_CHARS);
  for (const char *p = note; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        return invalid (error, "note: contains a control character (U+%04X)", c);
    }
  return TRUE;
}

/* Checks every field of self against what a case may hold; now is the
 * current time in Unix seconds. */
gboolean
lots_case_validate (const LotsCase           *self,
                    const LotsCaseReferences *references,
                    gint64                    now,
                    GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->area == NULL)
    return invalid (error, "area: missing; a case belongs to one service area");
  if (!validate_reference ("area", self->area, references ? references->areas : NULL, "a service area", error))
    return FALSE;
  if (self->channel == NULL || !lots_case_is_channel (self->channel))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) lots_case_channels);
      return invalid (error, "channel: '%s' is not a channel; one of: %s",
                      self->channel ? self->channel : "", allowed);
    }
  if (self->lang != NULL && !lots_text_is_lang (self->lang))
    return invalid (error, "lang: '%s' is not a language code such as sv, en or ar", self->lang);
  if (self->category != NULL && !is_token (self->category, 64, "-_"))
    return invalid (error, "category: '%s' is not a category id (1–64 of a-z, 0-9, _ and -)", self->category);
  if (self->referred_to != NULL &&
      !validate_reference ("referred-to", self->referred_to, references ? references->units : NULL,
                           "a unit of the directory (data/enheter.csv)", error))
    return FALSE;
  if (self->complaint_to != NULL &&
      !validate_reference ("complaint-to", self->complaint_to, references ? references->administrations : NULL,
                           "an administration (data/stadsdelsforvaltningar.csv)", error))
    return FALSE;
  if (self->handler == NULL || !is_token (self->handler, 64, "-_"))
    return invalid (error, "handler id: '%s' is not a pseudonymous id (1–64 of a-z, 0-9, _ and -)",
                    self->handler ? self->handler : "");
  if (self->workstation == NULL || !is_token (self->workstation, 64, "-"))
    return invalid (error, "workstation id: '%s' is not an id (1–64 of a-z, 0-9 and -)",
                    self->workstation ? self->workstation : "");
  return validate_times (self, now, error) &&
         validate_guide (self, error) &&
         validate_articles (self, error) &&
         validate_note (self->note, error);
}

/* ---- references ------------------------------------------------------------ */

/* Whether area is one of the service areas (used for what is not a case,
 * such as a search that found nothing). */
gboolean
lots_case_references_check_area (const LotsCaseReferences  *self,
                                 const char                *area,
                                 GError                   **error)
{
  return validate_reference ("area", area, self ? self->areas : NULL, "a service area", error);
}

LotsCaseReferences *
lots_case_references_new (void)
{
  LotsCaseReferences *self = g_new0 (LotsCaseReferences, 1);

  self->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->administrations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->area_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unit_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->administration_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
lots_case_references_free (LotsCaseReferences *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->areas);
  g_hash_table_unref (self->units);
  g_hash_table_unref (self->administrations);
  g_hash_table_unref (self->area_titles);
  g_hash_table_unref (self->unit_titles);
  g_hash_table_unref (self->administration_titles);
  g_free (self);
}

void
lots_case_references_add_area (LotsCaseReferences *self,
                               const char         *id)
{
  g_hash_table_add (self->areas, g_strdup (id));
}

void
lots_case_references_add_unit (LotsCaseReferences *self,
                               const char         *id)
{
  g_hash_table_add (self->units, g_strdup (id));
}

void
lots_case_references_add_administration (LotsCaseReferences *self,
                                         const char         *id)
{
  g_hash_table_add (self->administrations, g_strdup (id));
}

/* Adds the "id" column of the built-in table knowledge/data/NAME.csv, and
 * the "namn" column, where the table has one, to titles. */
static gboolean
add_table_ids (GHashTable  *into,
               GHashTable  *titles,
               const char  *name,
               GError     **error)
{
  g_autofree char *dir = lots_paths_dup_builtin_dir ();
  g_autofree char *file_name = g_strconcat (name, ".csv", NULL);
  g_autofree char *path = g_build_filename (dir, "knowledge", "data", file_name, NULL);
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsTable) table = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  int column;
  int name_column;

  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;
  table = lots_table_parse (path, text, length, diagnostics);
  if (table == NULL || (column = lots_table_column (table, "id")) < 0)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                   "%s: the built-in table is broken (no rows with an id column)", path);
      return FALSE;
    }
  name_column = lots_table_column (table, "namn");
  for (guint i = 0; i < table->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (table->rows, i);
      g_hash_table_add (into, g_strdup (row[column]));
      if (name_column >= 0 && row[name_column][0] != '\0')
        g_hash_table_replace (titles, g_strdup (row[column]), g_strdup (row[name_column]));
    }
  return TRUE;
}

/* The areas, units and administrations of the built-in knowledge base:
 * what a case logged on this workstation may name. */
LotsCaseReferences *
lots_case_references_load_builtin (GError **error)
{
  g_autoptr(LotsCaseReferences) self = lots_case_references_new ();
  g_autoptr(GPtrArray) areas = lots_builtin_areas (error);

  if (areas == NULL)
    return NULL;
  for (guint i = 0; i < areas->len; i++)
    {
      const LotsArea *area = g_ptr_array_index (areas, i);

      lots_case_references_add_area (self, area->id);
      if (area->title != NULL)
        g_hash_table_replace (self->area_titles, g_strdup (area->id), g_strdup (area->title));
    }
  if (!add_table_ids (self->units, self->unit_titles, "enheter", error) ||
      !add_table_ids (self->administrations, self->administration_titles, "stadsdelsforvaltningar", error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ---- listing references ----------------------------------------------------- */

void
lots_case_reference_free (LotsCaseReference *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_free (self);
}

static int
compare_references (gconstpointer a,
                    gconstpointer b)
{
  const LotsCaseReference *x = *(const LotsCaseReference * const *) a;
  const LotsCaseReference *y = *(const LotsCaseReference * const *) b;
  int by_title = g_utf8_collate (x->title, y->title);

  return by_title != 0 ? by_title : strcmp (x->id, y->id);
}

/* Every id of ids with its title, in the order of the titles as the
 * current locale sorts them (what a person scanning a list expects). */
static GPtrArray *
list_references (GHashTable *ids,
                 GHashTable *titles)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_case_reference_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      LotsCaseReference *reference = g_new0 (LotsCaseReference, 1);
      const char *title = g_hash_table_lookup (titles, key);

      reference->id = g_strdup (key);
      reference->title = g_strdup (title != NULL ? title : key);
      g_ptr_array_add (list, reference);
    }
  g_ptr_array_sort (list, compare_references);
  return list;
}

/* The service areas a case may name (LotsCaseReference *), sorted by title. */
GPtrArray *
lots_case_references_list_areas (const LotsCaseReferences *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_references (self->areas, self->area_titles);
}

/* The units of the directory a caller may be referred to, sorted by name. */
GPtrArray *
lots_case_references_list_units (const LotsCaseReferences *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_references (self->units, self->unit_titles);
}

/* The administrations a complaint may be forwarded to, sorted by name. */
GPtrArray *
lots_case_references_list_administrations (const LotsCaseReferences *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_references (self->administrations, self->administration_titles);
}

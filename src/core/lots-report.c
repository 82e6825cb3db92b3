/* lots-report.c — counting the case log into the city's statistics.
 *
 * One pass over the journal (lots_caselog_scan) fills hash tables of
 * tallies, keyed by the borrowed strings of each row; a key is copied only
 * the first time it is seen. Sorting and formatting happen afterwards, on
 * the few hundred distinct keys, not on the rows.
 */
#define G_LOG_DOMAIN "lots-report"

#include "config.h"

#include "lots-report.h"

#include <string.h>

/* Separates the parts of a composite key; never in an id or a week. */
#define KEY_SEPARATOR '\x1f'
#define MAX_KEY 512

typedef struct {
  guint64 contacts;
  guint64 resolved;
  guint64 acute;
} Tally;

typedef struct {
  Tally tally;
  GHashTable *steps;     /* step → Tally (calls that passed it) */
  GHashTable *ends;      /* step → Tally (calls that ended there) */
} GuideTally;

/* One area, week and channel. It points at its area's, week's and
 * channel's tallies, so a row costs one hash lookup for all four. */
typedef struct {
  Tally tally;
  Tally *area;
  Tally *week;
  Tally *channel;
} Cell;

struct _LotsReport {
  gint64 since;
  Tally total;
  GHashTable *areas;       /* area → Tally */
  GHashTable *weeks;       /* week → Tally */
  GHashTable *channels;    /* channel → Tally */
  GHashTable *cells;       /* area␟week␟channel → Cell */
  GHashTable *referrals;   /* unit → Tally */
  GHashTable *complaints;  /* administration → Tally */
  GHashTable *guides;      /* guide → GuideTally */
  GHashTable *gaps;        /* area␟query → Tally (searches that found nothing) */
};

/* ---- tallies --------------------------------------------------------------- */

static GHashTable *
tally_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
guide_tally_free (gpointer data)
{
  GuideTally *guide = data;

  g_hash_table_unref (guide->steps);
  g_hash_table_unref (guide->ends);
  g_free (guide);
}

static Tally *
tally_for (GHashTable *table,
           const char *key)
{
  Tally *tally = g_hash_table_lookup (table, key);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      g_hash_table_insert (table, g_strdup (key), tally);
    }
  return tally;
}

static void
count (Tally             *tally,
       const LotsCaseRow *row)
{
  tally->contacts++;
  tally->resolved += row->resolved ? 1 : 0;
  tally->acute += row->acute ? 1 : 0;
}

static GuideTally *
guide_for (LotsReport *self,
           const char *guide)
{
  GuideTally *tally = g_hash_table_lookup (self->guides, guide);

  if (tally == NULL)
    {
      tally = g_new0 (GuideTally, 1);
      tally->steps = tally_table ();
      tally->ends = tally_table ();
      g_hash_table_insert (self->guides, g_strdup (guide), tally);
    }
  return tally;
}

/* Whether the step path[start, start+length) occurs earlier in path: a
 * call that went back and through a step again passed it once. */
static gboolean
seen_before (const char *path,
             const char *start,
             gsize       length)
{
  const char *p = path;

  while (p < start)
    {
      const char *comma = strchr (p, ',');
      gsize n = (gsize) (comma - p);

      if (n == length && memcmp (p, start, length) == 0)
        return TRUE;
      p = comma + 1;
    }
  return FALSE;
}

static void
count_path (GuideTally        *guide,
            const LotsCaseRow *row)
{
  const char *p = row->path;
  char step[MAX_KEY];

  if (p == NULL || *p == '\0')
    return;
  for (;;)
    {
      const char *comma = strchr (p, ',');
      gsize length = comma ? (gsize) (comma - p) : strlen (p);

      if (length > 0 && length < sizeof step)
        {
          memcpy (step, p, length);
          step[length] = '\0';
          if (!seen_before (row->path, p, length))
            count (tally_for (guide->steps, step), row);
          if (comma == NULL)
            count (tally_for (guide->ends, step), row);
        }
      if (comma == NULL)
        break;
      p = comma + 1;
    }
}

/* Writes area␟week␟channel into key (of size MAX_KEY); FALSE if it does
 * not fit (ids are far shorter). */
static gboolean
cell_key (char              *key,
          const LotsCaseRow *row)
{
  const char *parts[] = { row->area, row->week, row->channel };
  gsize used = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gsize n = strlen (parts[i]);

      if (used + n + 1 >= MAX_KEY)
        return FALSE;
      if (i > 0)
        key[used++] = KEY_SEPARATOR;
      memcpy (key + used, parts[i], n);
      used += n;
    }
  key[used] = '\0';
  return TRUE;
}

static Cell *
cell_for (LotsReport        *self,
          const LotsCaseRow *row)
{
  char key[MAX_KEY];
  Cell *cell;

  /* Only a journal edited by hand can hold ids this long: such a row is
   * counted in the total and left out of the breakdowns. */
  if (!cell_key (key, row))
    return NULL;
  cell = g_hash_table_lookup (self->cells, key);
  if (cell == NULL)
    {
      cell = g_new0 (Cell, 1);
      cell->area = tally_for (self->areas, row->area);
      cell->week = tally_for (self->weeks, row->week);
      cell->channel = tally_for (self->channels, row->channel);
      g_hash_table_insert (self->cells, g_strdup (key), cell);
    }
  return cell;
}

static void
add_row (const LotsCaseRow *row,
         gpointer           user_data)
{
  LotsReport *self = user_data;
  Cell *cell = cell_for (self, row);

  count (&self->total, row);
  if (cell == NULL)
    {
      g_warning ("a case of area '%.20s…' has ids too long to report on", row->area);
      return;
    }
  count (&cell->tally, row);
  count (cell->area, row);
  count (cell->week, row);
  count (cell->channel, row);
  if (row->referred_to != NULL)
    count (tally_for (self->referrals, row->referred_to), row);
  if (row->complaint_to != NULL)
    count (tally_for (self->complaints, row->complaint_to), row);
  if (row->guide != NULL)
    {
      GuideTally *guide = guide_for (self, row->guide);
      count (&guide->tally, row);
      count_path (guide, row);
    }
}

/* One gap: area␟query (area "" for every area). A query is at most
 * LOTS_CASELOG_QUERY_MAX_CHARS characters, four bytes each at most. */
static void
add_empty_search (const LotsEmptySearchRow *row,
                  gpointer                  user_data)
{
  LotsReport *self = user_data;
  char key[MAX_KEY + 4 * LOTS_CASELOG_QUERY_MAX_CHARS];
  const char *area = row->area != NULL ? row->area : "";
  gsize area_length = strlen (area), query_length = strlen (row->query);
  Tally *tally;

  if (area_length + 1 + query_length >= sizeof key)
    {
      g_warning ("a search of area '%.20s…' is too long to report on", area);
      return;
    }
  memcpy (key, area, area_length);
  key[area_length] = KEY_SEPARATOR;
  memcpy (key + area_length + 1, row->query, query_length + 1);
  tally = tally_for (self->gaps, key);
  tally->contacts++;
}

/* ---- building -------------------------------------------------------------- */

/* An empty report of outcomes since since (Unix seconds; 0: all), to be
 * filled with lots_report_add_row and lots_report_add_empty_search: how a
 * report over outcomes that are not in the local journal (the outcomes
 * remote) is built. */
LotsReport *
lots_report_new (gint64 since)
{
  LotsReport *self = g_new0 (LotsReport, 1);

  self->since = since;
  self->areas = tally_table ();
  self->weeks = tally_table ();
  self->channels = tally_table ();
  self->cells = tally_table ();
  self->referrals = tally_table ();
  self->complaints = tally_table ();
  self->guides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, guide_tally_free);
  self->gaps = tally_table ();
  return self;
}

/* Counts one outcome; the caller has checked that it started since. Fits
 * LotsCaseRowFunc, with the report as user_data. */
void
lots_report_add_row (const LotsCaseRow *row,
                     gpointer           report)
{
  g_return_if_fail (row != NULL && report != NULL);
  add_row (row, report);
}

/* Counts one search that found nothing as a content gap; the caller has
 * checked that it was made since. Fits LotsEmptySearchRowFunc, with the
 * report as user_data. */
void
lots_report_add_empty_search (const LotsEmptySearchRow *row,
                              gpointer                  report)
{
  g_return_if_fail (row != NULL && row->query != NULL && report != NULL);
  add_empty_search (row, report);
}

/* Counts the outcomes of log that started at or after since (Unix
 * seconds; 0: all), and the searches that found nothing since then. */
LotsReport *
lots_report_build (LotsCaselog  *log,
                   gint64        since,
                   GError      **error)
{
  g_autoptr(LotsReport) self = NULL;

  g_return_val_if_fail (log != NULL, NULL);
  self = lots_report_new (since);
  if (!lots_caselog_scan (log, since, add_row, self, error) ||
      !lots_caselog_scan_empty_searches (log, since, add_empty_search, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
lots_report_free (LotsReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->areas, g_hash_table_unref);
  g_clear_pointer (&self->weeks, g_hash_table_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->referrals, g_hash_table_unref);
  g_clear_pointer (&self->complaints, g_hash_table_unref);
  g_clear_pointer (&self->guides, g_hash_table_unref);
  g_clear_pointer (&self->gaps, g_hash_table_unref);
  g_free (self);
}

guint64
lots_report_get_contacts (const LotsReport *self)
{
  return self->total.contacts;
}

guint64
lots_report_get_resolved (const LotsReport *self)
{
  return self->total.resolved;
}

guint64
lots_report_get_acute (const LotsReport *self)
{
  return self->total.acute;
}

/* ---- ordering -------------------------------------------------------------- */

typedef struct {
  const char *key;
  const Tally *tally;
} Entry;

static int
by_key (gconstpointer a,
        gconstpointer b)
{
  return strcmp (((const Entry *) a)->key, ((const Entry *) b)->key);
}

/* Most first; equal counts by key, so the order is stable. */
static int
by_count (gconstpointer a,
          gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->tally->contacts != y->tally->contacts)
    return x->tally->contacts > y->tally->contacts ? -1 : 1;
  return strcmp (x->key, y->key);
}

/* The entries of a table of tallies (or of GuideTally, whose first member
 * is its Tally), sorted. */
static GArray *
sorted (GHashTable   *table,
        GCompareFunc  compare)
{
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry entry = { key, value };
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare);
  return entries;
}

static double
rate (const Tally *tally)
{
  return tally->contacts > 0 ? (double) tally->resolved / (double) tally->contacts : 0.0;
}

static gboolean
meets_goal (const Tally *tally)
{
  return tally->contacts > 0 && rate (tally) >= LOTS_REPORT_RESOLUTION_GOAL;
}

/* The parts of a composite key, split at KEY_SEPARATOR. */
static GStrv
key_parts (const char *key)
{
  const char separator[] = { KEY_SEPARATOR, '\0' };

  return g_strsplit (key, separator, -1);
}

static char *
format_since (gint64 since)
{
  g_autoptr(GDateTime) local = NULL;

  if (since <= 0)
    return NULL;
  local = g_date_time_new_from_unix_local (since);
  return g_date_time_format_iso8601 (local);
}

/* ---- JSON ------------------------------------------------------------------ */

static void
json_uint (JsonBuilder *b,
           const char  *member,
           guint64      value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, (gint64) value);
}

static void
json_string (JsonBuilder *b,
             const char  *member,
             const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
json_resolution (JsonBuilder *b,
                 const Tally *tally)
{
  json_uint (b, "contacts", tally->contacts);
  json_uint (b, "resolved", tally->resolved);
  json_builder_set_member_name (b, "rate");
  json_builder_add_double_value (b, rate (tally));
  json_builder_set_member_name (b, "meets_goal");
  json_builder_add_boolean_value (b, meets_goal (tally));
  json_uint (b, "acute", tally->acute);
}

/* [{name_member: key, "contacts"/count_member: n}, …] */
static void
json_counts (JsonBuilder *b,
             const char  *member,
             GHashTable  *table,
             const char  *name_member,
             const char  *count_member,
             GCompareFunc compare)
{
  g_autoptr(GArray) entries = sorted (table, compare);

  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      json_builder_begin_object (b);
      json_string (b, name_member, e->key);
      json_uint (b, count_member, e->tally->contacts);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_areas (JsonBuilder *b,
            GHashTable  *areas)
{
  g_autoptr(GArray) entries = sorted (areas, by_key);

  json_builder_set_member_name (b, "areas");
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      json_builder_begin_object (b);
      json_string (b, "area", e->key);
      json_resolution (b, e->tally);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_cells (JsonBuilder *b,
            GHashTable  *cells)
{
  g_autoptr(GArray) entries = sorted (cells, by_key);

  json_builder_set_member_name (b, "contacts_by_area_week_channel");
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_auto(GStrv) parts = key_parts (e->key);
      json_builder_begin_object (b);
      json_string (b, "area", parts[0]);
      json_string (b, "week", parts[1]);
      json_string (b, "channel", parts[2]);
      json_uint (b, "contacts", e->tally->contacts);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_guides (JsonBuilder *b,
             GHashTable  *guides)
{
  g_autoptr(GArray) entries = sorted (guides, by_key);

  json_builder_set_member_name (b, "guides");
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      const GuideTally *guide = (const GuideTally *) e->tally;

      json_builder_begin_object (b);
      json_string (b, "guide", e->key);
      json_uint (b, "calls", guide->tally.contacts);
      json_uint (b, "resolved", guide->tally.resolved);
      json_counts (b, "steps", guide->steps, "step", "calls", by_count);
      json_counts (b, "ended", guide->ends, "step", "calls", by_count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_gaps (JsonBuilder *b,
           GHashTable  *gaps)
{
  g_autoptr(GArray) entries = sorted (gaps, by_count);

  json_builder_set_member_name (b, "empty_searches");
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_auto(GStrv) parts = key_parts (e->key);
      json_builder_begin_object (b);
      json_string (b, "area", parts[0][0] != '\0' ? parts[0] : NULL);
      json_string (b, "query", parts[1]);
      json_uint (b, "count", e->tally->contacts);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The whole report as one JSON object. */
JsonNode *
lots_report_to_json (const LotsReport *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *since = format_since (self->since);

  json_builder_begin_object (b);
  json_string (b, "since", since);
  json_uint (b, "contacts", self->total.contacts);
  json_builder_set_member_name (b, "first_contact_resolution");
  json_builder_begin_object (b);
  json_resolution (b, &self->total);
  json_builder_set_member_name (b, "goal");
  json_builder_add_double_value (b, LOTS_REPORT_RESOLUTION_GOAL);
  json_builder_end_object (b);
  json_uint (b, "acute", self->total.acute);
  json_areas (b, self->areas);
  json_counts (b, "weeks", self->weeks, "week", "contacts", by_key);
  json_counts (b, "channels", self->channels, "channel", "contacts", by_key);
  json_cells (b, self->cells);
  json_counts (b, "referrals", self->referrals, "unit", "cases", by_count);
  json_counts (b, "complaints", self->complaints, "administration", "cases", by_count);
  json_guides (b, self->guides);
  json_gaps (b, self->gaps);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- CSV ------------------------------------------------------------------- */

/* RFC 4180: quoted when it holds a comma, a quote or a line break. */
static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (value != NULL && strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (value != NULL)
    g_string_append (out, value);
  g_string_append_c (out, last ? '\n' : ',');
}

static void csv_row (GString *out, ...) G_GNUC_NULL_TERMINATED;

/* One CSV line of the string arguments up to NULL. */
static void
csv_row (GString *out,
         ...)
{
  va_list args;
  const char *value = NULL;
  const char *next;

  va_start (args, out);
  value = va_arg (args, const char *);
  while (value != NULL)
    {
      next = va_arg (args, const char *);
      csv_field (out, value, next == NULL);
      value = next;
    }
  va_end (args);
}

static char *
uint_text (guint64 n)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, n);
}

static char *
rate_text (const Tally *tally)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", rate (tally)));
}

static void
csv_resolution_row (GString     *out,
                    const char  *section,
                    const char  *name,
                    const Tally *tally)
{
  g_autofree char *contacts = uint_text (tally->contacts);
  g_autofree char *resolved = uint_text (tally->resolved);
  g_autofree char *acute = uint_text (tally->acute);
  g_autofree char *r = rate_text (tally);

  csv_row (out, section, name, contacts, resolved, r, meets_goal (tally) ? "yes" : "no", acute, NULL);
}

static void
csv_counts (GString     *out,
            const char  *section,
            const char  *name_column,
            GHashTable  *table,
            GCompareFunc compare)
{
  g_autoptr(GArray) entries = sorted (table, compare);

  g_string_append_c (out, '\n');
  csv_row (out, "section", name_column, "count", NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_autofree char *n = uint_text (e->tally->contacts);
      csv_row (out, section, e->key, n, NULL);
    }
}

static void
csv_guides (GString    *out,
            GHashTable *guides)
{
  g_autoptr(GArray) entries = sorted (guides, by_key);

  g_string_append_c (out, '\n');
  csv_row (out, "section", "guide", "step", "passed", "ended", NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      const GuideTally *guide = (const GuideTally *) e->tally;
      g_autoptr(GArray) steps = sorted (guide->steps, by_count);
      g_autofree char *calls = uint_text (guide->tally.contacts);

      csv_row (out, "guide", e->key, "", calls, "", NULL);
      for (guint s = 0; s < steps->len; s++)
        {
          const Entry *step = &g_array_index (steps, Entry, s);
          const Tally *ended = g_hash_table_lookup (guide->ends, step->key);
          g_autofree char *passed = uint_text (step->tally->contacts);
          g_autofree char *ends = uint_text (ended ? ended->contacts : 0);
          csv_row (out, "guide", e->key, step->key, passed, ends, NULL);
        }
    }
}

/* Sections, each with its own header row (first column "section") and a
 * blank line before it: a spreadsheet shows them one under the other. */
char *
lots_report_to_csv (const LotsReport *self)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GArray) areas = sorted (self->areas, by_key);
  g_autoptr(GArray) cells = sorted (self->cells, by_key);
  g_autoptr(GArray) gaps = sorted (self->gaps, by_count);

  csv_row (out, "section", "area", "contacts", "resolved", "rate", "meets_goal", "acute", NULL);
  csv_resolution_row (out, "total", "", &self->total);
  for (guint i = 0; i < areas->len; i++)
    {
      const Entry *e = &g_array_index (areas, Entry, i);
      csv_resolution_row (out, "area", e->key, e->tally);
    }
  csv_counts (out, "week", "week", self->weeks, by_key);
  csv_counts (out, "channel", "channel", self->channels, by_key);
  g_string_append_c (out, '\n');
  csv_row (out, "section", "area", "week", "channel", "contacts", NULL);
  for (guint i = 0; i < cells->len; i++)
    {
      const Entry *e = &g_array_index (cells, Entry, i);
      g_auto(GStrv) parts = key_parts (e->key);
      g_autofree char *n = uint_text (e->tally->contacts);
      csv_row (out, "contacts", parts[0], parts[1], parts[2], n, NULL);
    }
  csv_counts (out, "referral", "unit", self->referrals, by_count);
  csv_counts (out, "complaint", "administration", self->complaints, by_count);
  csv_guides (out, self->guides);
  g_string_append_c (out, '\n');
  csv_row (out, "section", "area", "query", "count", NULL);
  for (guint i = 0; i < gaps->len; i++)
    {
      const Entry *e = &g_array_index (gaps, Entry, i);
      g_auto(GStrv) parts = key_parts (e->key);
      g_autofree char *n = uint_text (e->tally->contacts);
      csv_row (out, "empty-search", parts[0], parts[1], n, NULL);
    }
  return g_string_free (out, FALSE);
}

/* ---- text ------------------------------------------------------------------ */

/* Appends text padded to width characters; printf's widths count bytes,
 * which misaligns "besök" and every Swedish query. */
static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  g_string_append (out, text);
  for (glong n = g_utf8_strlen (text, -1); n < width; n++)
    g_string_append_c (out, ' ');
}

static void
text_counts (GString     *out,
             const char  *title,
             GHashTable  *table,
             GCompareFunc compare)
{
  g_autoptr(GArray) entries = sorted (table, compare);

  g_string_append_printf (out, "\n%s\n", title);
  if (entries->len == 0)
    g_string_append (out, "  none\n");
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_string_append (out, "  ");
      append_padded (out, e->key, 40);
      g_string_append_printf (out, " %8" G_GUINT64_FORMAT "\n", e->tally->contacts);
    }
}

static void
text_areas (GString    *out,
            GHashTable *areas)
{
  g_autoptr(GArray) entries = sorted (areas, by_key);

  g_string_append_printf (out, "\nPer area%-26s %8s %14s %6s %6s\n", "", "contacts", "first contact", "goal", "acute");
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_string_append_printf (out, "  %-32s %8" G_GUINT64_FORMAT " %12.1f %% %6s %6" G_GUINT64_FORMAT "\n",
                              e->key, e->tally->contacts, 100.0 * rate (e->tally),
                              meets_goal (e->tally) ? "met" : "below", e->tally->acute);
    }
}

static void
text_cells (GString    *out,
            GHashTable *cells)
{
  g_autoptr(GArray) entries = sorted (cells, by_key);

  g_string_append (out, "\nPer area, week and channel\n");
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_auto(GStrv) parts = key_parts (e->key);
      g_string_append (out, "  ");
      append_padded (out, parts[0], 23);
      append_padded (out, parts[1], 10);
      append_padded (out, parts[2], 8);
      g_string_append_printf (out, " %8" G_GUINT64_FORMAT "\n", e->tally->contacts);
    }
}

static void
text_guides (GString    *out,
             GHashTable *guides)
{
  g_autoptr(GArray) entries = sorted (guides, by_key);

  g_string_append (out, "\nCall guides: calls through each step, and where they ended\n");
  if (entries->len == 0)
    g_string_append (out, "  none\n");
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      const GuideTally *guide = (const GuideTally *) e->tally;
      g_autoptr(GArray) steps = sorted (guide->steps, by_count);

      g_string_append_printf (out, "  %s: %" G_GUINT64_FORMAT " calls\n", e->key, guide->tally.contacts);
      for (guint s = 0; s < steps->len; s++)
        {
          const Entry *step = &g_array_index (steps, Entry, s);
          const Tally *ended = g_hash_table_lookup (guide->ends, step->key);
          g_string_append_printf (out, "    %-30s passed %8" G_GUINT64_FORMAT "   ended here %8" G_GUINT64_FORMAT "\n",
                                  step->key, step->tally->contacts, ended ? ended->contacts : 0);
        }
    }
}

static void
text_gaps (GString    *out,
           GHashTable *gaps)
{
  g_autoptr(GArray) entries = sorted (gaps, by_count);

  g_string_append (out, "\nContent gaps: searches that found nothing, per area and query\n");
  if (entries->len == 0)
    {
      g_string_append (out, "  none\n");
      return;
    }
  g_string_append_printf (out, "  %-23s%-40s %8s\n", "area", "query", "searches");
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_auto(GStrv) parts = key_parts (e->key);
      g_string_append (out, "  ");
      append_padded (out, parts[0][0] != '\0' ? parts[0] : "(all areas)", 23);
      append_padded (out, parts[1], 40);
      g_string_append_printf (out, " %8" G_GUINT64_FORMAT "\n", e->tally->contacts);
    }
}

/* A report for a person to read. */
char *
lots_report_to_text (const LotsReport *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *since = format_since (self->since);

  g_string_append_printf (out, "Case log report — %s%s\n\n", since ? "outcomes since " : "all outcomes",
                          since ? since : "");
  g_string_append_printf (out, "Contacts: %" G_GUINT64_FORMAT "\n", self->total.contacts);
  g_string_append_printf (out, "Answered at the first contact: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                          " (%.1f %%) — goal %.0f %%: %s\n",
                          self->total.resolved, self->total.contacts, 100.0 * rate (&self->total),
                          100.0 * LOTS_REPORT_RESOLUTION_GOAL,
                          self->total.contacts == 0 ? "no contacts" : meets_goal (&self->total) ? "met" : "not met");
  g_string_append_printf (out, "Acute cases: %" G_GUINT64_FORMAT "\n", self->total.acute);
  text_areas (out, self->areas);
  text_counts (out, "Per ISO week", self->weeks, by_key);
  text_counts (out, "Per channel", self->channels, by_key);
  text_cells (out, self->cells);
  text_counts (out, "Referrals per unit", self->referrals, by_count);
  text_counts (out, "Complaints forwarded per administration", self->complaints, by_count);
  text_guides (out, self->guides);
  text_gaps (out, self->gaps);
  return g_string_free (out, FALSE);
}

/* lots-calendar.c — Swedish public holidays and the opening hours of units.
 *
 * Two halves: the calendar (Easter, holidays, closed eves, Stockholm's time
 * zone) and the opening hours parsed from a unit's row in enheter.csv. Hours
 * are kept as, per season and weekday, a sorted list of open intervals in
 * minutes since local midnight with the lunch closing already taken out;
 * holidays are not stored but looked up for each date asked about.
 *
 * next_open and next_close work on instants, not wall-clock times: each
 * local day is turned into the spans of Unix time during which the unit is
 * open, piece by piece around a daylight saving change, so that the answer
 * is exactly the first instant that is_open() would agree with.
 */
#define G_LOG_DOMAIN "lots-calendar"

#include "config.h"

#include "lots-calendar.h"

#include <string.h>

#include "lots-error.h"

#define MINUTES_PER_DAY (24 * 60)

/* Quoted in parse errors so that whoever edits the CSV sees a correct line. */
#define EXAMPLE "\"mån-tor 08:00-16:30; fre 08:00-16:00\""

typedef struct {
  guint16 start;  /* minutes since local midnight, inclusive */
  guint16 end;    /* exclusive; up to MINUTES_PER_DAY */
} Interval;

typedef struct {
  gboolean around_the_clock;
  GArray *days[7];  /* Interval, Monday first; sorted, disjoint, not touching */
} Season;

enum { REGULAR, SUMMER, N_SEASONS };

struct _LotsOpeningHours {
  Season seasons[N_SEASONS];
};

typedef struct {
  gint64 start;  /* Unix seconds, inclusive */
  gint64 end;    /* exclusive */
} Span;

/* ---- the calendar ------------------------------------------------------ */

/* Europe/Stockholm from tzdata, else the same rule written out: a missing
 * tzdata package must not make every unit look open an hour off. Returns a
 * new reference; never NULL. */
GTimeZone *
lots_calendar_time_zone (void)
{
  /* Read and parsed once: tzdata is a file, and every step of a guide that
   * asks about opening hours needs the zone. GTimeZone is immutable. */
  static GTimeZone *stockholm;

  if (g_once_init_enter (&stockholm))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Europe/Stockholm");

      if (tz == NULL)
        {
          g_debug ("no tzdata for Europe/Stockholm; using %s", LOTS_CALENDAR_FALLBACK_TZ);
          tz = g_time_zone_new_identifier (LOTS_CALENDAR_FALLBACK_TZ);
        }
      if (tz == NULL)
        tz = g_time_zone_new_offset (3600);
      g_once_init_leave (&stockholm, tz);
    }
  return g_time_zone_ref (stockholm);
}

/* Easter Sunday of a Gregorian year (1583–9999), by the anonymous
 * algorithm (Meeus, Astronomical Algorithms, ch. 8). */
void
lots_calendar_easter (int  year,
                      int *month,
                      int *day)
{
  int a, b, c, d, e, f, g, h, i, k, l, m;

  g_return_if_fail (year >= 1583 && year <= 9999);
  g_return_if_fail (month != NULL && day != NULL);

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;
  *month = (h + l - 7 * m + 114) / 31;
  *day = (h + l - 7 * m + 114) % 31 + 1;
}

/* The law (lag om allmänna helgdagar) and the eves kept as closed, as they
 * stand since 2005 (nationaldagen in, annandag pingst out). They are applied
 * to every year: the module answers questions about now and the coming
 * months, not about opening hours in the past. */
static const struct {
  int month, day;
  LotsDayKind kind;
  const char *name;
} fixed_days[] = {
  { 1, 1, LOTS_DAY_PUBLIC_HOLIDAY, "nyårsdagen" },
  { 1, 6, LOTS_DAY_PUBLIC_HOLIDAY, "trettondedag jul" },
  { 5, 1, LOTS_DAY_PUBLIC_HOLIDAY, "första maj" },
  { 6, 6, LOTS_DAY_PUBLIC_HOLIDAY, "Sveriges nationaldag" },
  { 12, 24, LOTS_DAY_CLOSED_EVE, "julafton" },
  { 12, 25, LOTS_DAY_PUBLIC_HOLIDAY, "juldagen" },
  { 12, 26, LOTS_DAY_PUBLIC_HOLIDAY, "annandag jul" },
  { 12, 31, LOTS_DAY_CLOSED_EVE, "nyårsafton" },
};

/* Days counted from Easter Sunday. */
static const struct {
  int offset;
  LotsDayKind kind;
  const char *name;
} easter_days[] = {
  { -2, LOTS_DAY_PUBLIC_HOLIDAY, "långfredagen" },
  { -1, LOTS_DAY_CLOSED_EVE, "påskafton" },
  { 0, LOTS_DAY_PUBLIC_HOLIDAY, "påskdagen" },
  { 1, LOTS_DAY_PUBLIC_HOLIDAY, "annandag påsk" },
  { 39, LOTS_DAY_PUBLIC_HOLIDAY, "Kristi himmelsfärdsdag" },
  { 49, LOTS_DAY_PUBLIC_HOLIDAY, "pingstdagen" },
};

/* What kind of day a date (1583–9999) is, and the Swedish name of its
 * holiday or eve (NULL for ordinary days). Kristi himmelsfärdsdag can fall on första maj
 * and pingstdagen on the national day; the fixed day's name is given. */
LotsDayKind
lots_calendar_day_kind (int          year,
                        int          month,
                        int          day,
                        const char **name)
{
  GDate date, easter;
  GDateWeekday weekday;
  int easter_month, easter_day, offset;

  if (name != NULL)
    *name = NULL;
  g_return_val_if_fail (year >= 1583 && year <= 9999, LOTS_DAY_WORKDAY);
  g_return_val_if_fail (g_date_valid_dmy (day, month, year), LOTS_DAY_WORKDAY);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_days); i++)
    if (fixed_days[i].month == month && fixed_days[i].day == day)
      {
        if (name != NULL)
          *name = fixed_days[i].name;
        return fixed_days[i].kind;
      }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  lots_calendar_easter (year, &easter_month, &easter_day);
  g_date_clear (&easter, 1);
  g_date_set_dmy (&easter, easter_day, easter_month, year);
  offset = g_date_days_between (&easter, &date);
  for (guint i = 0; i < G_N_ELEMENTS (easter_days); i++)
    if (easter_days[i].offset == offset)
      {
        if (name != NULL)
          *name = easter_days[i].name;
        return easter_days[i].kind;
      }

  weekday = g_date_get_weekday (&date);
  if (month == 6 && weekday == G_DATE_FRIDAY && day >= 19 && day <= 25)
    {
      if (name != NULL)
        *name = "midsommarafton";
      return LOTS_DAY_CLOSED_EVE;
    }
  if (month == 6 && weekday == G_DATE_SATURDAY && day >= 20 && day <= 26)
    {
      if (name != NULL)
        *name = "midsommardagen";
      return LOTS_DAY_PUBLIC_HOLIDAY;
    }
  if (weekday == G_DATE_SATURDAY && ((month == 10 && day == 31) || (month == 11 && day <= 6)))
    {
      if (name != NULL)
        *name = "alla helgons dag";
      return LOTS_DAY_PUBLIC_HOLIDAY;
    }
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return LOTS_DAY_WEEKEND;
  return LOTS_DAY_WORKDAY;
}

/* Whether sommartider apply: 1 May to 31 August inclusive. The day is part
 * of the signature because summer is a span of dates, not of months. */
gboolean
lots_calendar_is_summer (int month,
                         int day)
{
  return month >= 5 && month <= 8;
}

/* ---- reading the hours ------------------------------------------------- */

/* Spreadsheets write non-breaking spaces, editors tabs. */
static gsize
space_length (const char *p,
              const char *end)
{
  if (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    return 1;
  if (end - p >= 2 && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  return 0;
}

/* "-" or the en dash that word processors put between days and times. */
static gsize
dash_length (const char *p,
             const char *end)
{
  if (p < end && *p == '-')
    return 1;
  if (end - p >= 3 && memcmp (p, "\xE2\x80\x93", 3) == 0)
    return 3;
  return 0;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  gsize n;

  while ((n = space_length (p, end)) > 0)
    p += n;
  return p;
}

/* Narrows [*start, *end) to leave out spaces at either end. */
static void
trim (const char **start,
      const char **end)
{
  *start = skip_space (*start, *end);
  for (;;)
    {
      if (*end > *start && space_length (*end - 1, *end) == 1)
        *end -= 1;
      else if (*end - *start >= 2 && space_length (*end - 2, *end) == 2)
        *end -= 2;
      else
        break;
    }
}

/* Lower case and composed, so that "Mån", "MÅN" and a macOS "mån" whose å
 * is a + ring all match. */
static char *
fold (const char *start,
      const char *end)
{
  g_autofree char *down = g_utf8_strdown (start, end - start);
  g_autoptr(GString) words = g_string_new (NULL);
  const char *p = down;
  const char *stop = down + strlen (down);

  /* Runs of spaces count as one, for "dygnet  runt". */
  while (p < stop)
    {
      gsize n = space_length (p, stop);
      if (n > 0)
        {
          p = skip_space (p, stop);
          if (p < stop && words->len > 0)
            g_string_append_c (words, ' ');
          continue;
        }
      g_string_append_c (words, *p++);
    }
  return g_utf8_normalize (words->str, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

typedef struct {
  const char *field;    /* "" for oppettider, else "summer hours " or "lunch " */
  const char *example;  /* a correct value of the field */
  gboolean has_days;    /* FALSE for lunch: a bare time range */
  GError **error;
} Reader;

/* Fails with the clause quoted, the problem, and what was expected. */
G_GNUC_PRINTF (4, 5)
static gboolean
fail (Reader     *reader,
      const char *start,
      const char *end,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (reader->error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
               "%s\"%.*s\": %s", reader->field, (int) (end - start), start, problem);
  return FALSE;
}

static const struct {
  const char *names[3];
} day_names[7] = {
  { { "måndag", "mån", NULL } },
  { { "tisdag", "tis", NULL } },
  { { "onsdag", "ons", NULL } },
  { { "torsdag", "tor", "tors" } },
  { { "fredag", "fre", NULL } },
  { { "lördag", "lör", NULL } },
  { { "söndag", "sön", NULL } },
};

/* 0 for Monday … 6 for Sunday, or -1. */
static int
day_index (const char *start,
           const char *end)
{
  g_autofree char *name = fold (start, end);

  for (int i = 0; i < 7; i++)
    for (guint j = 0; j < G_N_ELEMENTS (day_names[i].names); j++)
      if (day_names[i].names[j] != NULL && g_str_equal (name, day_names[i].names[j]))
        return i;
  return -1;
}

/* One name of a day list: sets *index, or fails quoting the clause. */
static gboolean
read_day (Reader     *reader,
          const char *clause,
          const char *clause_end,
          const char *start,
          const char *end,
          int        *index)
{
  trim (&start, &end);
  if (start == end)
    return fail (reader, clause, clause_end,
                 "a day is missing in the list (expected days such as \"mån-fre\" or \"mån, ons\", e.g. %s)",
                 reader->example);
  *index = day_index (start, end);
  if (*index < 0)
    return fail (reader, clause, clause_end,
                 "unknown day \"%.*s\" (expected måndag … söndag or mån, tis, ons, tor, fre, lör, sön, e.g. %s)",
                 (int) (end - start), start, reader->example);
  return TRUE;
}

/* "mån-fre", "mån, ons", "fre-mån" (a week wraps): sets days[i] for each. */
static gboolean
read_days (Reader     *reader,
           const char *clause,
           const char *clause_end,
           const char *start,
           const char *end,
           gboolean    days[7])
{
  const char *item = start;

  memset (days, 0, 7 * sizeof (gboolean));
  for (;;)
    {
      const char *comma = memchr (item, ',', end - item);
      const char *item_end = comma != NULL ? comma : end;
      const char *dash = NULL;
      gsize dash_len = 0;
      int first, last;

      for (const char *p = item; p < item_end; p++)
        if ((dash_len = dash_length (p, item_end)) > 0)
          {
            dash = p;
            break;
          }
      if (dash == NULL)
        {
          if (!read_day (reader, clause, clause_end, item, item_end, &first))
            return FALSE;
          last = first;
        }
      else if (!read_day (reader, clause, clause_end, item, dash, &first) ||
               !read_day (reader, clause, clause_end, dash + dash_len, item_end, &last))
        return FALSE;

      for (int i = first;; i = (i + 1) % 7)
        {
          days[i] = TRUE;
          if (i == last)
            break;
        }
      if (comma == NULL)
        return TRUE;
      item = comma + 1;
    }
}

/* "8:00", "08:00" or "08.00" up to "24:00"; advances *p past it. */
static gboolean
read_time (const char **p,
           const char  *end,
           int         *minutes)
{
  const char *q = *p;
  int hour = 0, minute = 0, n_digits = 0;

  while (q < end && g_ascii_isdigit (*q) && n_digits < 3)
    {
      hour = hour * 10 + (*q++ - '0');
      n_digits++;
    }
  if (n_digits < 1 || n_digits > 2 || q >= end || (*q != ':' && *q != '.'))
    return FALSE;
  q++;
  if (end - q < 2 || !g_ascii_isdigit (q[0]) || !g_ascii_isdigit (q[1]))
    return FALSE;
  minute = (q[0] - '0') * 10 + (q[1] - '0');
  q += 2;
  if (q < end && g_ascii_isdigit (*q))
    return FALSE;
  if (minute > 59 || hour > 24 || (hour == 24 && minute > 0))
    return FALSE;
  *minutes = hour * 60 + minute;
  *p = q;
  return TRUE;
}

/* The end of the word at p, to quote what is not a time. */
static const char *
word_end (const char *p,
          const char *end)
{
  while (p < end && space_length (p, end) == 0 && dash_length (p, end) == 0)
    p = g_utf8_next_char (p);
  return MIN (p, end);
}

/* "08:00-16:30": the whole of [start, end) must be one time range. */
static gboolean
read_range (Reader     *reader,
            const char *clause,
            const char *clause_end,
            const char *start,
            const char *end,
            Interval   *interval)
{
  const char *p = skip_space (start, end);
  const char *bad;
  int from, to;
  gsize n;

  bad = p;
  if (!read_time (&p, end, &from))
    goto not_a_time;
  p = skip_space (p, end);
  if ((n = dash_length (p, end)) == 0)
    goto not_a_range;
  p = skip_space (p + n, end);
  bad = p;
  if (!read_time (&p, end, &to))
    goto not_a_time;
  p = skip_space (p, end);
  if (p < end)
    return fail (reader, clause, clause_end,
                 "unexpected \"%.*s\" after the time range (expected one time range per clause, "
                 "clauses separated by \";\", e.g. %s)",
                 (int) (end - p), p, reader->example);
  if (from >= to)
    return fail (reader, clause, clause_end,
                 "ends at %02d:%02d, not after it starts at %02d:%02d (expected the earlier time first, e.g. %s%s)",
                 to / 60, to % 60, from / 60, from % 60, reader->example,
                 reader->has_days ? "; a night over midnight is two clauses: \"fre 22:00-24:00; lör 00:00-06:00\"" : "");
  interval->start = from;
  interval->end = to;
  return TRUE;

not_a_range:
  return fail (reader, clause, clause_end, "expected a time range such as %s",
               reader->has_days ? "\"08:00-16:30\"" : reader->example);

not_a_time:
  if (bad == end)
    goto not_a_range;
  return fail (reader, clause, clause_end,
               "\"%.*s\" is not a time (expected hours and minutes from 00:00 to 24:00 "
               "such as \"08:00\", \"8:00\" or \"08.00\")",
               (int) (word_end (bad, end) - bad), bad);
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const Interval *x = a, *y = b;

  return (int) x->start - (int) y->start;
}

/* Sorts and joins overlapping or touching intervals, so that "08:00-12:00;
 * 12:00-16:00" reads as one and describe_day shows it so. */
static void
normalize_day (GArray *day)
{
  guint out = 0;

  g_array_sort (day, compare_intervals);
  for (guint i = 0; i < day->len; i++)
    {
      Interval *cur = &g_array_index (day, Interval, i);
      Interval *last = out > 0 ? &g_array_index (day, Interval, out - 1) : NULL;

      if (last != NULL && cur->start <= last->end)
        last->end = MAX (last->end, cur->end);
      else
        g_array_index (day, Interval, out++) = *cur;
    }
  g_array_set_size (day, out);
}

/* Takes [lunch) out of every interval of the day. */
static void
subtract_lunch (GArray         *day,
                const Interval *lunch)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (Interval));

  for (guint i = 0; i < day->len; i++)
    {
      Interval cur = g_array_index (day, Interval, i);
      if (cur.end <= lunch->start || cur.start >= lunch->end)
        {
          g_array_append_val (result, cur);
          continue;
        }
      if (cur.start < lunch->start)
        {
          Interval before = { cur.start, lunch->start };
          g_array_append_val (result, before);
        }
      if (cur.end > lunch->end)
        {
          Interval after = { lunch->end, cur.end };
          g_array_append_val (result, after);
        }
    }
  g_array_set_size (day, 0);
  g_array_append_vals (day, result->data, result->len);
}

static void
season_init (Season *season)
{
  for (int i = 0; i < 7; i++)
    season->days[i] = g_array_new (FALSE, FALSE, sizeof (Interval));
}

static void
season_clear (Season *season)
{
  for (int i = 0; i < 7; i++)
    g_clear_pointer (&season->days[i], g_array_unref);
}

/* The checks every field gets before it is read: NULL and blank are
 * "empty", then a length cap (counted no further than the cap, whatever
 * the caller passes) and UTF-8. */
static gboolean
check_text (Reader     *reader,
            const char *text,
            gboolean   *empty)
{
  const char *start, *end;
  gsize length;

  *empty = TRUE;
  if (text == NULL)
    return TRUE;
  length = strnlen (text, LOTS_OPENING_HOURS_MAX_LENGTH + 1);
  if (length > LOTS_OPENING_HOURS_MAX_LENGTH)
    {
      g_set_error (reader->error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                   "%stext is longer than %d bytes (expected e.g. %s)",
                   reader->field, LOTS_OPENING_HOURS_MAX_LENGTH, reader->example);
      return FALSE;
    }
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (reader->error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                   "%stext is not valid UTF-8 (expected e.g. %s; save the file as UTF-8)",
                   reader->field, reader->example);
      return FALSE;
    }
  start = text;
  end = text + length;
  trim (&start, &end);
  *empty = start == end;
  return TRUE;
}

static gboolean
is_word (const char *start,
         const char *end,
         const char *word)
{
  g_autofree char *folded = fold (start, end);

  return g_str_equal (folded, word);
}

/* One clause, "mån-tor 08:00-16:30": adds its interval to its days. */
static gboolean
read_clause (Reader     *reader,
             const char *start,
             const char *end,
             Season     *season)
{
  const char *digit = start;
  gboolean days[7];
  Interval interval;

  while (digit < end && !g_ascii_isdigit (*digit))
    digit++;
  if (is_word (start, end, "dygnet runt") || is_word (start, end, "stängt"))
    return fail (reader, start, end,
                 "\"dygnet runt\" and \"stängt\" must stand alone (expected either of them, "
                 "or days and times such as %s)", reader->example);
  if (digit == start)
    return fail (reader, start, end,
                 "no days before the time (expected days and a time range, e.g. %s)", reader->example);
  if (!read_days (reader, start, end, start, digit, days))
    return FALSE;
  if (digit == end)
    return fail (reader, start, end,
                 "no opening time (expected days and a time range, e.g. %s)", reader->example);
  if (!read_range (reader, start, end, digit, end, &interval))
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (days[i])
      g_array_append_val (season->days[i], interval);
  return TRUE;
}

typedef struct {
  const char *start, *end;
} Piece;

/* The non-empty, trimmed ";"-separated clauses of [text, end). A trailing
 * ";" or ";;" is a slip, not a reason to refuse the row. */
static GArray *
split_clauses (const char *text,
               const char *end)
{
  GArray *clauses = g_array_new (FALSE, FALSE, sizeof (Piece));
  const char *clause = text;

  for (;;)
    {
      const char *semicolon = memchr (clause, ';', end - clause);
      Piece piece = { clause, semicolon != NULL ? semicolon : end };

      trim (&piece.start, &piece.end);
      if (piece.start < piece.end)
        g_array_append_val (clauses, piece);
      if (semicolon == NULL)
        return clauses;
      clause = semicolon + 1;
    }
}

/* A whole oppettider or sommartider field into season. */
static gboolean
read_season (Reader     *reader,
             const char *text,
             Season     *season)
{
  const char *end = text + strlen (text);
  g_autoptr(GArray) clauses = split_clauses (text, end);
  const Piece *first;

  if (clauses->len == 0)
    return fail (reader, text, end, "no opening hours (expected e.g. %s, \"dygnet runt\" or \"stängt\")",
                 reader->example);
  first = &g_array_index (clauses, Piece, 0);
  if (clauses->len == 1 && is_word (first->start, first->end, "dygnet runt"))
    {
      season->around_the_clock = TRUE;
      return TRUE;
    }
  if (clauses->len == 1 && is_word (first->start, first->end, "stängt"))
    return TRUE;
  for (guint i = 0; i < clauses->len; i++)
    {
      const Piece *clause = &g_array_index (clauses, Piece, i);
      if (!read_clause (reader, clause->start, clause->end, season))
        return FALSE;
    }
  for (int i = 0; i < 7; i++)
    normalize_day (season->days[i]);
  return TRUE;
}

static gboolean
read_lunch (Reader     *reader,
            const char *text,
            Interval   *lunch)
{
  const char *start = text, *end = text + strlen (text);

  trim (&start, &end);
  return read_range (reader, start, end, start, end, lunch);
}

/* Reads a unit's oppettider, sommartider and lunch columns (summer and lunch
 * may be NULL or empty). Returns NULL with LOTS_ERROR_INVALID_CONTENT when
 * any is not understood; the message quotes the piece and shows what was
 * expected, and the caller adds the file and line. */
LotsOpeningHours *
lots_opening_hours_parse (const char  *regular,
                          const char  *summer,
                          const char  *lunch,
                          GError     **error)
{
  g_autoptr(LotsOpeningHours) hours = g_new0 (LotsOpeningHours, 1);
  Reader regular_reader = { "", EXAMPLE, TRUE, error };
  Reader summer_reader = { "summer hours ", "\"mån-tor 08:00-16:00; fre 08:00-15:00\"", TRUE, error };
  Reader lunch_reader = { "lunch ", "\"12:00-13:00\"", FALSE, error };
  gboolean empty, no_summer, no_lunch;
  Interval lunch_interval;

  for (int s = 0; s < N_SEASONS; s++)
    season_init (&hours->seasons[s]);

  if (!check_text (&regular_reader, regular, &empty))
    return NULL;
  if (empty)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                   "no opening hours given (expected e.g. %s, \"dygnet runt\" or \"stängt\")", EXAMPLE);
      return NULL;
    }
  if (!read_season (&regular_reader, regular, &hours->seasons[REGULAR]))
    return NULL;

  if (!check_text (&summer_reader, summer, &no_summer))
    return NULL;
  if (no_summer)
    {
      hours->seasons[SUMMER].around_the_clock = hours->seasons[REGULAR].around_the_clock;
      for (int i = 0; i < 7; i++)
        g_array_append_vals (hours->seasons[SUMMER].days[i],
                             hours->seasons[REGULAR].days[i]->data, hours->seasons[REGULAR].days[i]->len);
    }
  else if (!read_season (&summer_reader, summer, &hours->seasons[SUMMER]))
    return NULL;

  if (!check_text (&lunch_reader, lunch, &no_lunch))
    return NULL;
  if (no_lunch)
    return g_steal_pointer (&hours);
  if (!read_lunch (&lunch_reader, lunch, &lunch_interval))
    return NULL;
  if (lots_opening_hours_around_the_clock (hours))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                   "lunch \"%s\": a unit open \"dygnet runt\" has no lunch closing (expected an empty lunch column)",
                   lunch);
      return NULL;
    }
  for (int s = 0; s < N_SEASONS; s++)
    for (int i = 0; i < 7; i++)
      subtract_lunch (hours->seasons[s].days[i], &lunch_interval);
  return g_steal_pointer (&hours);
}

void
lots_opening_hours_free (LotsOpeningHours *hours)
{
  if (hours == NULL)
    return;
  for (int s = 0; s < N_SEASONS; s++)
    season_clear (&hours->seasons[s]);
  g_free (hours);
}

/* TRUE for "dygnet runt" all year: such a unit never closes. */
gboolean
lots_opening_hours_around_the_clock (const LotsOpeningHours *hours)
{
  g_return_val_if_fail (hours != NULL, FALSE);

  return hours->seasons[REGULAR].around_the_clock && hours->seasons[SUMMER].around_the_clock;
}

/* ---- asking about a day ------------------------------------------------- */

static const Interval whole_day = { 0, MINUTES_PER_DAY };

typedef struct {
  const Interval *intervals;  /* sorted, disjoint */
  guint n_intervals;
  gboolean around_the_clock;
  const char *closed_for;     /* the holiday or eve that closes the day, or NULL */
} DayHours;

/* The hours of one local date: the whole day for "dygnet runt", none on a
 * holiday or closed eve, else the weekday's hours in the date's season.
 * Before the Gregorian calendar there is no Easter to count from, so such
 * dates (which no caller means) only know weekdays. */
static DayHours
day_hours (const LotsOpeningHours *hours,
           const GDate            *date)
{
  int year = g_date_get_year (date), month = g_date_get_month (date), day = g_date_get_day (date);
  const Season *season = &hours->seasons[lots_calendar_is_summer (month, day) ? SUMMER : REGULAR];
  DayHours result = { NULL, 0, FALSE, NULL };
  LotsDayKind kind = LOTS_DAY_WORKDAY;
  GArray *intervals;

  if (season->around_the_clock)
    {
      result.intervals = &whole_day;
      result.n_intervals = 1;
      result.around_the_clock = TRUE;
      return result;
    }
  if (year >= 1583 && year <= 9999)
    kind = lots_calendar_day_kind (year, month, day, &result.closed_for);
  if (kind == LOTS_DAY_PUBLIC_HOLIDAY || kind == LOTS_DAY_CLOSED_EVE)
    return result;
  result.closed_for = NULL;
  intervals = season->days[g_date_get_weekday (date) - 1];
  result.intervals = (const Interval *) intervals->data;
  result.n_intervals = intervals->len;
  return result;
}

/* The instant in tz, and its local date in *date; NULL outside
 * GDateTime's range. */
static GDateTime *
to_local (GDateTime *when,
          GTimeZone *tz,
          GDate     *date)
{
  GDateTime *local = g_date_time_to_timezone (when, tz);
  int year, month, day;

  if (local == NULL)
    return NULL;
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return local;
}

/* Whether the unit is open at an instant, judged by Stockholm's wall clock
 * at that instant. */
gboolean
lots_opening_hours_is_open (const LotsOpeningHours *hours,
                            GDateTime              *when)
{
  g_autoptr(GTimeZone) tz = lots_calendar_time_zone ();
  g_autoptr(GDateTime) local = NULL;
  DayHours day;
  GDate date;
  int minute;

  g_return_val_if_fail (hours != NULL, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  local = to_local (when, tz, &date);
  if (local == NULL)
    return FALSE;
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  day = day_hours (hours, &date);
  for (guint i = 0; i < day.n_intervals; i++)
    if (day.intervals[i].start <= minute && minute < day.intervals[i].end)
      return TRUE;
  return FALSE;
}

static gint32
offset_at (GTimeZone *tz,
           gint64     unix_time)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_time));
}

static gboolean
local_midnight (GTimeZone   *tz,
                const GDate *date,
                gint64      *unix_time)
{
  g_autoptr(GDateTime) midnight = NULL;

  if (!g_date_valid (date))
    return FALSE;
  midnight = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  if (midnight == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (midnight);
  return TRUE;
}

/* Replaces spans with the instants during which the unit is open on one
 * local date, in order. A day has at most one change of UTC offset (in
 * Stockholm at 01:00 UTC), and on each side of it wall-clock minute m is
 * the instant midnight_wall + 60 m − offset; the intervals are mapped with
 * each side's offset and clipped to that side. FALSE outside GDateTime's
 * range. */
static gboolean
day_spans (const LotsOpeningHours *hours,
           GTimeZone              *tz,
           const GDate            *date,
           GArray                 *spans)
{
  GDate next = *date;
  gint64 day_start, day_end, wall_midnight;
  gint32 first_offset, last_offset;
  DayHours day = day_hours (hours, date);
  struct { gint64 from, to; gint32 offset; } pieces[2];
  guint n_pieces;

  g_array_set_size (spans, 0);
  g_date_add_days (&next, 1);
  if (!local_midnight (tz, date, &day_start) || !local_midnight (tz, &next, &day_end))
    return FALSE;

  first_offset = offset_at (tz, day_start);
  last_offset = offset_at (tz, day_end - 1);
  wall_midnight = day_start + first_offset;
  pieces[0].from = day_start;
  pieces[0].offset = first_offset;
  if (first_offset == last_offset)
    {
      pieces[0].to = day_end;
      n_pieces = 1;
    }
  else
    {
      gint64 lo = day_start, hi = day_end - 1;

      /* The first second with the new offset. */
      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;
          if (offset_at (tz, mid) == first_offset)
            lo = mid;
          else
            hi = mid;
        }
      pieces[0].to = hi;
      pieces[1].from = hi;
      pieces[1].to = day_end;
      pieces[1].offset = last_offset;
      n_pieces = 2;
    }

  for (guint p = 0; p < n_pieces; p++)
    for (guint i = 0; i < day.n_intervals; i++)
      {
        Span span = {
          MAX (pieces[p].from, wall_midnight - pieces[p].offset + 60 * (gint64) day.intervals[i].start),
          MIN (pieces[p].to, wall_midnight - pieces[p].offset + 60 * (gint64) day.intervals[i].end),
        };
        if (span.start < span.end)
          g_array_append_val (spans, span);
      }
  return TRUE;
}

static GDateTime *
instant (GTimeZone *tz,
         gint64     unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
}

/* The first instant at or after AFTER when the unit is open, in Stockholm
 * time: AFTER itself if it is open then. NULL if it does not open within
 * LOTS_OPENING_HOURS_HORIZON_DAYS ("stängt"). */
GDateTime *
lots_opening_hours_next_open (const LotsOpeningHours *hours,
                              GDateTime              *after)
{
  g_autoptr(GTimeZone) tz = lots_calendar_time_zone ();
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  gint64 now;

  g_return_val_if_fail (hours != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  local = to_local (after, tz, &date);
  if (local == NULL)
    return NULL;
  now = g_date_time_to_unix (local);
  for (guint d = 0; d < LOTS_OPENING_HOURS_HORIZON_DAYS; d++, g_date_add_days (&date, 1))
    {
      if (!day_spans (hours, tz, &date, spans))
        return NULL;
      for (guint i = 0; i < spans->len; i++)
        {
          const Span *span = &g_array_index (spans, Span, i);
          if (span->end <= now)
            continue;
          if (span->start <= now)
            return g_steal_pointer (&local);
          return instant (tz, span->start);
        }
    }
  return NULL;
}

/* The first instant at or after AFTER when the unit is closed, in Stockholm
 * time: AFTER itself if it is closed then. NULL if it stays open through
 * LOTS_OPENING_HOURS_HORIZON_DAYS ("dygnet runt"). */
GDateTime *
lots_opening_hours_next_close (const LotsOpeningHours *hours,
                               GDateTime              *after)
{
  g_autoptr(GTimeZone) tz = lots_calendar_time_zone ();
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  gint64 now, t;

  g_return_val_if_fail (hours != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  local = to_local (after, tz, &date);
  if (local == NULL)
    return NULL;
  if (lots_opening_hours_around_the_clock (hours))
    return NULL;
  now = t = g_date_time_to_unix (local);
  for (guint d = 0; d < LOTS_OPENING_HOURS_HORIZON_DAYS; d++, g_date_add_days (&date, 1))
    {
      gint64 day_end;
      GDate next = date;

      if (!day_spans (hours, tz, &date, spans))
        return NULL;
      for (guint i = 0; i < spans->len; i++)
        {
          const Span *span = &g_array_index (spans, Span, i);
          if (span->end <= t)
            continue;
          if (span->start > t)
            break;
          t = span->end;
        }
      g_date_add_days (&next, 1);
      if (!local_midnight (tz, &next, &day_end))
        return NULL;
      /* Open until midnight: the next day decides. */
      if (t < day_end)
        return t == now ? g_steal_pointer (&local) : instant (tz, t);
    }
  return NULL;
}

static void
append_minutes (GString *text,
                int      minutes)
{
  /* Swedish writes times with a period, as the articles do: 08.00. */
  g_string_append_printf (text, "%02d.%02d", minutes / 60, minutes % 60);
}

/* The hours of the local date of DAY as a handler would say them:
 * "08.00–12.00, 13.00–16.30", "dygnet runt", "stängt" or, on a holiday,
 * "stängt (julafton)". */
char *
lots_opening_hours_describe_day (const LotsOpeningHours *hours,
                                 GDateTime              *day)
{
  g_autoptr(GTimeZone) tz = lots_calendar_time_zone ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  DayHours hours_of_day;
  GDate date;

  g_return_val_if_fail (hours != NULL, NULL);
  g_return_val_if_fail (day != NULL, NULL);

  local = to_local (day, tz, &date);
  if (local == NULL)
    return g_strdup ("stängt");
  hours_of_day = day_hours (hours, &date);
  if (hours_of_day.around_the_clock)
    return g_strdup ("dygnet runt");
  if (hours_of_day.closed_for != NULL)
    return g_strdup_printf ("stängt (%s)", hours_of_day.closed_for);
  if (hours_of_day.n_intervals == 0)
    return g_strdup ("stängt");
  for (guint i = 0; i < hours_of_day.n_intervals; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      append_minutes (text, hours_of_day.intervals[i].start);
      g_string_append (text, "–");
      append_minutes (text, hours_of_day.intervals[i].end);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

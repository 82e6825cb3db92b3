/* test-calendar.c — Swedish holidays and units' opening hours
 * (lots-calendar.c): Easter and the holidays against the official dates,
 * the CSV forms of hours and every way they can be wrong, and the answers
 * around lunch, seasons, holidays and the two daylight saving nights.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-calendar.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-table.h"
#include "lots-test-util.h"

/* The contact center's row of knowledge/data/enheter.csv. */
#define KC_REGULAR "mån-tor 08:00-16:30; fre 08:00-16:00"
#define KC_SUMMER "mån-tor 08:00-16:00; fre 08:00-15:00"

static LotsOpeningHours *
parse_ok (const char *regular,
          const char *summer,
          const char *lunch)
{
  g_autoptr(GError) error = NULL;
  LotsOpeningHours *hours = lots_opening_hours_parse (regular, summer, lunch, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hours);
  return hours;
}

static GDateTime *
stockholm (int year, int month, int day, int hour, int minute, double seconds)
{
  g_autoptr(GTimeZone) tz = lots_calendar_time_zone ();

  return g_date_time_new (tz, year, month, day, hour, minute, seconds);
}

static GDateTime *
utc (int year, int month, int day, int hour, int minute, double seconds)
{
  return g_date_time_new_utc (year, month, day, hour, minute, seconds);
}

/* "2026-12-28 08:00:00 +0100": the wall clock and the offset, so a result
 * an hour off in either shows. NULL stays NULL. */
static char *
show (GDateTime *when)
{
  return when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M:%S %z") : NULL;
}

static void
assert_next_open (const LotsOpeningHours *hours,
                  GDateTime              *after,
                  const char             *expected)
{
  g_autoptr(GDateTime) next = lots_opening_hours_next_open (hours, after);
  g_autofree char *shown = show (next);

  g_assert_cmpstr (shown, ==, expected);
}

static void
assert_next_close (const LotsOpeningHours *hours,
                   GDateTime              *after,
                   const char             *expected)
{
  g_autoptr(GDateTime) next = lots_opening_hours_next_close (hours, after);
  g_autofree char *shown = show (next);

  g_assert_cmpstr (shown, ==, expected);
}

/* Takes WHEN, so that a call can build it in place. */
static void
assert_open_at (const LotsOpeningHours *hours,
                GDateTime              *when,
                gboolean                expected)
{
  g_autoptr(GDateTime) owned = when;
  g_autofree char *shown = show (when);

  g_assert_nonnull (when);
  if (lots_opening_hours_is_open (hours, owned) != expected)
    g_error ("at %s: expected %s", shown, expected ? "open" : "closed");
}

static void
assert_describe (const LotsOpeningHours *hours,
                 int                     year,
                 int                     month,
                 int                     day,
                 const char             *expected)
{
  g_autoptr(GDateTime) noon = stockholm (year, month, day, 12, 0, 0);
  g_autofree char *text = lots_opening_hours_describe_day (hours, noon);

  g_assert_cmpstr (text, ==, expected);
}

/* ---- the calendar ------------------------------------------------------ */

static void
test_easter (void)
{
  static const struct { int year, month, day; } dates[] = {
    { 1900, 4, 15 }, { 1943, 4, 25 }, { 1961, 4, 2 }, { 1974, 4, 14 },
    { 2000, 4, 23 }, { 2008, 3, 23 }, { 2011, 4, 24 }, { 2016, 3, 27 },
    { 2019, 4, 21 }, { 2024, 3, 31 }, { 2025, 4, 20 }, { 2026, 4, 5 },
    { 2027, 3, 28 }, { 2038, 4, 25 }, { 2049, 4, 18 }, { 2100, 3, 28 },
    { 2160, 3, 23 }, { 2200, 4, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      int month = 0, day = 0;
      lots_calendar_easter (dates[i].year, &month, &day);
      if (month != dates[i].month || day != dates[i].day)
        g_error ("Easter %d: got %d/%d, expected %d/%d",
                 dates[i].year, day, month, dates[i].day, dates[i].month);
    }
}

typedef struct {
  int month, day;
  LotsDayKind kind;
  const char *name;
} Expected;

/* Checks the listed days, then that every other day of the year is a plain
 * workday or weekend by its weekday. */
static void
assert_year (int             year,
             const Expected *expected,
             guint           n_expected)
{
  GDate date;

  for (guint i = 0; i < n_expected; i++)
    {
      const char *name = "unset";
      LotsDayKind kind = lots_calendar_day_kind (year, expected[i].month, expected[i].day, &name);
      if (kind != expected[i].kind || g_strcmp0 (name, expected[i].name) != 0)
        g_error ("%d-%02d-%02d: got kind %d (%s), expected %d (%s)", year, expected[i].month,
                 expected[i].day, kind, name, expected[i].kind, expected[i].name);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, year);
  for (; g_date_get_year (&date) == year; g_date_add_days (&date, 1))
    {
      int month = g_date_get_month (&date), day = g_date_get_day (&date);
      gboolean listed = FALSE;
      GDateWeekday weekday = g_date_get_weekday (&date);
      const char *name = "unset";
      LotsDayKind kind = lots_calendar_day_kind (year, month, day, &name);

      for (guint i = 0; i < n_expected; i++)
        listed |= expected[i].month == month && expected[i].day == day;
      if (listed)
        continue;
      if (kind != (weekday >= G_DATE_SATURDAY ? LOTS_DAY_WEEKEND : LOTS_DAY_WORKDAY) || name != NULL)
        g_error ("%d-%02d-%02d: got kind %d (%s), expected an ordinary day", year, month, day, kind, name);
    }
}

#define H LOTS_DAY_PUBLIC_HOLIDAY
#define E LOTS_DAY_CLOSED_EVE

static void
test_holidays_2024 (void)
{
  static const Expected days[] = {
    { 1, 1, H, "nyårsdagen" }, { 1, 6, H, "trettondedag jul" },
    { 3, 29, H, "långfredagen" }, { 3, 30, E, "påskafton" }, { 3, 31, H, "påskdagen" },
    { 4, 1, H, "annandag påsk" }, { 5, 1, H, "första maj" },
    { 5, 9, H, "Kristi himmelsfärdsdag" }, { 5, 19, H, "pingstdagen" },
    { 6, 6, H, "Sveriges nationaldag" }, { 6, 21, E, "midsommarafton" },
    { 6, 22, H, "midsommardagen" }, { 11, 2, H, "alla helgons dag" },
    { 12, 24, E, "julafton" }, { 12, 25, H, "juldagen" }, { 12, 26, H, "annandag jul" },
    { 12, 31, E, "nyårsafton" },
  };

  assert_year (2024, days, G_N_ELEMENTS (days));
}

static void
test_holidays_2025 (void)
{
  static const Expected days[] = {
    { 1, 1, H, "nyårsdagen" }, { 1, 6, H, "trettondedag jul" },
    { 4, 18, H, "långfredagen" }, { 4, 19, E, "påskafton" }, { 4, 20, H, "påskdagen" },
    { 4, 21, H, "annandag påsk" }, { 5, 1, H, "första maj" },
    { 5, 29, H, "Kristi himmelsfärdsdag" }, { 6, 8, H, "pingstdagen" },
    { 6, 6, H, "Sveriges nationaldag" }, { 6, 20, E, "midsommarafton" },
    { 6, 21, H, "midsommardagen" }, { 11, 1, H, "alla helgons dag" },
    { 12, 24, E, "julafton" }, { 12, 25, H, "juldagen" }, { 12, 26, H, "annandag jul" },
    { 12, 31, E, "nyårsafton" },
  };

  assert_year (2025, days, G_N_ELEMENTS (days));
}

static void
test_holidays_2026 (void)
{
  static const Expected days[] = {
    { 1, 1, H, "nyårsdagen" }, { 1, 6, H, "trettondedag jul" },
    { 4, 3, H, "långfredagen" }, { 4, 4, E, "påskafton" }, { 4, 5, H, "påskdagen" },
    { 4, 6, H, "annandag påsk" }, { 5, 1, H, "första maj" },
    { 5, 14, H, "Kristi himmelsfärdsdag" }, { 5, 24, H, "pingstdagen" },
    { 6, 6, H, "Sveriges nationaldag" }, { 6, 19, E, "midsommarafton" },
    { 6, 20, H, "midsommardagen" }, { 10, 31, H, "alla helgons dag" },
    { 12, 24, E, "julafton" }, { 12, 25, H, "juldagen" }, { 12, 26, H, "annandag jul" },
    { 12, 31, E, "nyårsafton" },
  };

  assert_year (2026, days, G_N_ELEMENTS (days));
}

static void
test_holidays_2000 (void)
{
  static const Expected days[] = {
    { 1, 1, H, "nyårsdagen" }, { 1, 6, H, "trettondedag jul" },
    { 4, 21, H, "långfredagen" }, { 4, 22, E, "påskafton" }, { 4, 23, H, "påskdagen" },
    { 4, 24, H, "annandag påsk" }, { 5, 1, H, "första maj" },
    { 6, 1, H, "Kristi himmelsfärdsdag" }, { 6, 11, H, "pingstdagen" },
    { 6, 6, H, "Sveriges nationaldag" }, { 6, 23, E, "midsommarafton" },
    { 6, 24, H, "midsommardagen" }, { 11, 4, H, "alla helgons dag" },
    { 12, 24, E, "julafton" }, { 12, 25, H, "juldagen" }, { 12, 26, H, "annandag jul" },
    { 12, 31, E, "nyårsafton" },
  };

  assert_year (2000, days, G_N_ELEMENTS (days));
}

static void
test_holidays_2038 (void)
{
  static const Expected days[] = {
    { 1, 1, H, "nyårsdagen" }, { 1, 6, H, "trettondedag jul" },
    { 4, 23, H, "långfredagen" }, { 4, 24, E, "påskafton" }, { 4, 25, H, "påskdagen" },
    { 4, 26, H, "annandag påsk" }, { 5, 1, H, "första maj" },
    { 6, 3, H, "Kristi himmelsfärdsdag" }, { 6, 13, H, "pingstdagen" },
    { 6, 6, H, "Sveriges nationaldag" }, { 6, 25, E, "midsommarafton" },
    { 6, 26, H, "midsommardagen" }, { 11, 6, H, "alla helgons dag" },
    { 12, 24, E, "julafton" }, { 12, 25, H, "juldagen" }, { 12, 26, H, "annandag jul" },
    { 12, 31, E, "nyårsafton" },
  };

  assert_year (2038, days, G_N_ELEMENTS (days));
}

/* Kristi himmelsfärdsdag on första maj (2008), pingstdagen on the
 * national day (2049): one closed day, under the fixed day's name. */
static void
test_holidays_coinciding (void)
{
  static const Expected days_2008[] = {
    { 1, 1, H, "nyårsdagen" }, { 1, 6, H, "trettondedag jul" },
    { 3, 21, H, "långfredagen" }, { 3, 22, E, "påskafton" }, { 3, 23, H, "påskdagen" },
    { 3, 24, H, "annandag påsk" }, { 5, 1, H, "första maj" },
    { 5, 11, H, "pingstdagen" },
    { 6, 6, H, "Sveriges nationaldag" }, { 6, 20, E, "midsommarafton" },
    { 6, 21, H, "midsommardagen" }, { 11, 1, H, "alla helgons dag" },
    { 12, 24, E, "julafton" }, { 12, 25, H, "juldagen" }, { 12, 26, H, "annandag jul" },
    { 12, 31, E, "nyårsafton" },
  };
  static const Expected days_2049[] = {
    { 1, 1, H, "nyårsdagen" }, { 1, 6, H, "trettondedag jul" },
    { 4, 16, H, "långfredagen" }, { 4, 17, E, "påskafton" }, { 4, 18, H, "påskdagen" },
    { 4, 19, H, "annandag påsk" }, { 5, 1, H, "första maj" },
    { 5, 27, H, "Kristi himmelsfärdsdag" },
    { 6, 6, H, "Sveriges nationaldag" }, { 6, 25, E, "midsommarafton" },
    { 6, 26, H, "midsommardagen" }, { 11, 6, H, "alla helgons dag" },
    { 12, 24, E, "julafton" }, { 12, 25, H, "juldagen" }, { 12, 26, H, "annandag jul" },
    { 12, 31, E, "nyårsafton" },
  };

  assert_year (2008, days_2008, G_N_ELEMENTS (days_2008));
  assert_year (2049, days_2049, G_N_ELEMENTS (days_2049));
}

#undef H
#undef E

/* For every year the holidays are where the calendar says they must be:
 * the moving ones on their weekday, in their window. */
static void
test_holidays_every_year (void)
{
  for (int year = 1900; year <= 2200; year++)
    {
      GDate date;
      guint n_holidays = 0, n_eves = 0;
      int easter_month, easter_day;

      lots_calendar_easter (year, &easter_month, &easter_day);
      g_assert_true ((easter_month == 3 && easter_day >= 22) || (easter_month == 4 && easter_day <= 25));

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, year);
      for (; g_date_get_year (&date) == year; g_date_add_days (&date, 1))
        {
          const char *name = NULL;
          int month = g_date_get_month (&date), day = g_date_get_day (&date);
          GDateWeekday weekday = g_date_get_weekday (&date);
          LotsDayKind kind = lots_calendar_day_kind (year, month, day, &name);

          if (kind == LOTS_DAY_PUBLIC_HOLIDAY)
            n_holidays++;
          if (kind == LOTS_DAY_CLOSED_EVE)
            n_eves++;
          if (kind == LOTS_DAY_PUBLIC_HOLIDAY || kind == LOTS_DAY_CLOSED_EVE)
            g_assert_nonnull (name);
          if (g_strcmp0 (name, "påskdagen") == 0 || g_strcmp0 (name, "pingstdagen") == 0)
            g_assert_cmpint (weekday, ==, G_DATE_SUNDAY);
          if (g_strcmp0 (name, "långfredagen") == 0 || g_strcmp0 (name, "midsommarafton") == 0)
            g_assert_cmpint (weekday, ==, G_DATE_FRIDAY);
          if (g_strcmp0 (name, "Kristi himmelsfärdsdag") == 0)
            g_assert_cmpint (weekday, ==, G_DATE_THURSDAY);
          if (g_strcmp0 (name, "midsommardagen") == 0 || g_strcmp0 (name, "alla helgons dag") == 0 ||
              g_strcmp0 (name, "påskafton") == 0)
            g_assert_cmpint (weekday, ==, G_DATE_SATURDAY);
          if (g_strcmp0 (name, "annandag påsk") == 0)
            g_assert_cmpint (weekday, ==, G_DATE_MONDAY);
        }
      /* Thirteen holidays, one fewer when two share a day. */
      if (n_holidays < 12 || n_holidays > 13 || n_eves != 4)
        g_error ("%d: %u holidays, %u eves", year, n_holidays, n_eves);
    }
}

static void
test_summer (void)
{
  g_assert_false (lots_calendar_is_summer (4, 30));
  g_assert_true (lots_calendar_is_summer (5, 1));
  g_assert_true (lots_calendar_is_summer (8, 31));
  g_assert_false (lots_calendar_is_summer (9, 1));
  g_assert_false (lots_calendar_is_summer (1, 15));
  g_assert_false (lots_calendar_is_summer (12, 31));
}

static gint32
offset_at (GTimeZone *tz,
           gint64     unix_time)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_time));
}

/* Stockholm's zone, and the written-out rule used without tzdata agrees
 * with tzdata around every change from 1996 to 2100. */
static void
test_time_zone (void)
{
  g_autoptr(GTimeZone) tz = lots_calendar_time_zone ();
  g_autoptr(GTimeZone) fallback = g_time_zone_new_identifier (LOTS_CALENDAR_FALLBACK_TZ);
  g_autoptr(GTimeZone) tzdata = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) winter = utc (2026, 1, 15, 12, 0, 0);
  g_autoptr(GDateTime) summer = utc (2026, 7, 15, 12, 0, 0);

  g_assert_nonnull (tz);
  g_assert_nonnull (fallback);
  g_assert_cmpint (offset_at (tz, g_date_time_to_unix (winter)), ==, 3600);
  g_assert_cmpint (offset_at (tz, g_date_time_to_unix (summer)), ==, 7200);
  if (tzdata == NULL)
    {
      g_test_skip ("no tzdata to compare the fallback rule with");
      return;
    }
  for (int year = 1996; year <= 2100; year++)
    for (int month = 3; month <= 10; month += 7)
      for (int day = 24; day <= 31; day++)
        for (int hour = 0; hour < 4; hour++)
          {
            g_autoptr(GDateTime) when = utc (year, month, day, hour, 30, 0);
            gint64 t = g_date_time_to_unix (when);
            g_assert_cmpint (offset_at (fallback, t), ==, offset_at (tzdata, t));
          }
}

/* ---- reading hours ----------------------------------------------------- */

/* Every form the brief and the CSV use, by what it means on a given week:
 * Monday 9 March 2026 … Sunday 15 March 2026. */
static void
test_parse_forms (void)
{
  static const struct {
    const char *text;
    const char *week[7];
  } forms[] = {
    { KC_REGULAR,
      { "08.00–16.30", "08.00–16.30", "08.00–16.30", "08.00–16.30", "08.00–16.00", "stängt", "stängt" } },
    { "mån-fre 08:30-16:00",
      { "08.30–16.00", "08.30–16.00", "08.30–16.00", "08.30–16.00", "08.30–16.00", "stängt", "stängt" } },
    { "mån-tor 10:00-15:00",
      { "10.00–15.00", "10.00–15.00", "10.00–15.00", "10.00–15.00", "stängt", "stängt", "stängt" } },
    { "lör 10:00-14:00",
      { "stängt", "stängt", "stängt", "stängt", "stängt", "10.00–14.00", "stängt" } },
    { "mån, ons 09:00-12:00",
      { "09.00–12.00", "stängt", "09.00–12.00", "stängt", "stängt", "stängt", "stängt" } },
    { "mån,ons 9.00-12.00",
      { "09.00–12.00", "stängt", "09.00–12.00", "stängt", "stängt", "stängt", "stängt" } },
    { "mån-fre 08:00-12:00; mån-fre 13:00-16:00",
      { "08.00–12.00, 13.00–16.00", "08.00–12.00, 13.00–16.00", "08.00–12.00, 13.00–16.00",
        "08.00–12.00, 13.00–16.00", "08.00–12.00, 13.00–16.00", "stängt", "stängt" } },
    /* Overlapping and touching clauses join. */
    { "mån 13:00-16:00; mån 08:00-12:00; mån 11:00-13:00; tis 8:00-10:00; tis 10:00-11:00",
      { "08.00–16.00", "08.00–11.00", "stängt", "stängt", "stängt", "stängt", "stängt" } },
    { "MÅNDAG-Fredag 8:00 - 17:00",
      { "08.00–17.00", "08.00–17.00", "08.00–17.00", "08.00–17.00", "08.00–17.00", "stängt", "stängt" } },
    { "tisdag, torsdag 07.30-24:00; söndag 00:00-01:00",
      { "stängt", "07.30–24.00", "stängt", "07.30–24.00", "stängt", "stängt", "00.00–01.00" } },
    /* A week wraps; en dashes and non-breaking spaces as a word processor writes them. */
    { "fre–mån\xC2\xA0" "10:00–12:00;",
      { "10.00–12.00", "stängt", "stängt", "stängt", "10.00–12.00", "10.00–12.00", "10.00–12.00" } },
    /* Decomposed å, as macOS writes it. */
    { "ma\xCC\x8An-tors 09:00-10:00",
      { "09.00–10.00", "09.00–10.00", "09.00–10.00", "09.00–10.00", "stängt", "stängt", "stängt" } },
    { "  stängt ",
      { "stängt", "stängt", "stängt", "stängt", "stängt", "stängt", "stängt" } },
    { "Dygnet  Runt",
      { "dygnet runt", "dygnet runt", "dygnet runt", "dygnet runt", "dygnet runt", "dygnet runt", "dygnet runt" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(LotsOpeningHours) hours = parse_ok (forms[i].text, NULL, NULL);
      g_test_message ("%s", forms[i].text);
      for (int day = 0; day < 7; day++)
        assert_describe (hours, 2026, 3, 9 + day, forms[i].week[day]);
    }
}

static void
assert_parse_error (const char *regular,
                    const char *summer,
                    const char *lunch,
                    const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsOpeningHours) hours = lots_opening_hours_parse (regular, summer, lunch, &error);

  g_assert_null (hours);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, needle) == NULL)
    g_error ("expected \"%s\" in: %s", needle, error->message);
}

static void
test_parse_errors (void)
{
  static const struct { const char *text, *needle; } bad[] = {
    { "mån-fr 08:00-16:00", "\"mån-fr 08:00-16:00\": unknown day \"fr\" (expected" },
    { "mån-fr 08:00", "unknown day \"fr\"" },
    { "Mån-Fr 08:00-16:00", "unknown day \"Fr\"" },
    { "vardagar 8:00-16:30", "unknown day \"vardagar\"" },
    { "mån-fre kl 08:00-16:00", "unknown day \"fre kl\"" },
    { "måndag till fredag 08:00-16:00", "unknown day \"måndag till fredag\"" },
    { "mån- 08:00-16:00", "a day is missing" },
    { "mån,,ons 08:00-12:00", "a day is missing" },
    { "mån-fre 08:00", "\"mån-fre 08:00\": expected a time range" },
    { "mån-fre 08:00-", "expected a time range" },
    { "mån-fre 8-16", "\"8\" is not a time" },
    { "mån-fre 08:00-25:00", "\"25:00\" is not a time" },
    { "mån-fre 08:60-16:00", "\"08:60\" is not a time" },
    { "mån-fre 08:00-24:30", "\"24:30\" is not a time" },
    { "mån-fre 008:00-16:00", "\"008:00\" is not a time" },
    { "mån-fre 08:0-16:00", "\"08:0\" is not a time" },
    { "mån-fre 16:00-08:00", "ends at 08:00, not after it starts at 16:00" },
    { "mån-fre 08:00-08:00", "ends at 08:00, not after it starts at 08:00" },
    { "mån-fre 08:00-16:00 och lör 10:00-12:00", "unexpected \"och lör 10:00-12:00\" after the time range" },
    { "mån-fre 08:00-12:00, 13:00-16:00", "unexpected \", 13:00-16:00\"" },
    { "mån-fre", "\"mån-fre\": no opening time" },
    { "08:00-16:00", "\"08:00-16:00\": no days before the time" },
    { "dygnet runt; lör 10:00-12:00", "\"dygnet runt\": \"dygnet runt\" and \"stängt\" must stand alone" },
    { "mån-fre 08:00-16:00; stängt", "must stand alone" },
    { "stängt hela juli", "unknown day \"stängt hela juli\"" },
    { "öppet", "unknown day \"öppet\"" },
    { "", "no opening hours given" },
    { "   ", "no opening hours given" },
    { " ; ;", "no opening hours" },
    { "m\xE5n-fre 08:00-16:00", "not valid UTF-8" },
  };
  g_autoptr(GString) huge = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_parse_error (bad[i].text, NULL, NULL, bad[i].needle);
  assert_parse_error (NULL, NULL, NULL, "no opening hours given");

  /* Up to the limit reads; one byte more does not, nor does a megabyte. */
  while (huge->len + 17 <= LOTS_OPENING_HOURS_MAX_LENGTH)
    g_string_append (huge, "mån 08:00-09:00; ");
  while (huge->len < LOTS_OPENING_HOURS_MAX_LENGTH)
    g_string_append_c (huge, ' ');
  {
    g_autoptr(LotsOpeningHours) longest = parse_ok (huge->str, NULL, NULL);
    assert_describe (longest, 2026, 3, 9, "08.00–09.00");
  }
  g_string_append_c (huge, ';');
  assert_parse_error (huge->str, NULL, NULL, "text is longer than 500 bytes");
  while (huge->len < 1024 * 1024)
    g_string_append (huge, "mån 08:00-09:00; ");
  assert_parse_error (huge->str, NULL, NULL, "text is longer than 500 bytes");
  assert_parse_error (KC_REGULAR, NULL, huge->str, "lunch text is longer than 500 bytes");

  /* The summer and lunch columns say which they are. */
  assert_parse_error (KC_REGULAR, "mån-tor 08:00-16:00; fr 08:00-15:00",
                      NULL, "summer hours \"fr 08:00-15:00\": unknown day \"fr\"");
  assert_parse_error (KC_REGULAR, "mån-tor 08:00-16:00; dygnet runt",
                      NULL, "summer hours \"dygnet runt\": \"dygnet runt\" and \"stängt\" must stand alone");
  assert_parse_error (KC_REGULAR, "\xFF", NULL, "summer hours text is not valid UTF-8");
  assert_parse_error (KC_REGULAR, NULL, "12-13", "lunch \"12-13\": \"12\" is not a time");
  assert_parse_error (KC_REGULAR, NULL, "mån 12:00-13:00", "lunch \"mån 12:00-13:00\": \"mån\" is not a time");
  assert_parse_error (KC_REGULAR, NULL, "13:00-12:00", "lunch \"13:00-12:00\": ends at 12:00");
  assert_parse_error (KC_REGULAR, NULL, "12:00", "lunch \"12:00\": expected a time range");
  assert_parse_error ("dygnet runt", NULL, "12:00-13:00", "has no lunch closing");
}

/* Whatever the text, parse returns hours or an error and never crashes;
 * hours that parse answer every question. */
static void
test_parse_fuzz (void)
{
  static const char *const seeds[] = {
    KC_REGULAR, KC_SUMMER, "mån, ons 09:00-12:00", "dygnet runt", "stängt", "12:00-13:00",
    "fre–mån 10.00–24:00", "",
  };
  static const char *const pieces[] = {
    "-", "–", ",", ";", ":", ".", " ", "\xC2\xA0", "0", "9", "24", "å", "\xE5", "\xC3", "\xE2\x80",
    "mån", "sön", "dygnet runt", "stängt", "\n", "\"", "\xFF",
  };
  g_autoptr(GDateTime) new_year = stockholm (2026, 1, 1, 0, 0, 0);
  guint n_parsed = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (seeds[g_test_rand_int_range (0, G_N_ELEMENTS (seeds))]);
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsOpeningHours) hours = NULL;
      int n_edits = g_test_rand_int_range (1, 5);

      for (int e = 0; e < n_edits; e++)
        {
          gsize at = text->len > 0 ? (gsize) g_test_rand_int_range (0, text->len + 1) : 0;
          const char *piece = pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))];
          gsize n_erase = g_test_rand_int_range (1, 4);
          if (g_test_rand_bit () && at < text->len)
            g_string_erase (text, at, MIN (text->len - at, n_erase));
          else
            g_string_insert (text, at, piece);
        }

      hours = lots_opening_hours_parse (text->str, g_test_rand_bit () ? text->str : NULL,
                                        g_test_rand_bit () ? "12:00-13:00" : NULL, &error);
      if (hours == NULL)
        {
          g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          continue;
        }
      g_assert_no_error (error);
      n_parsed++;
      {
        /* Any minute of 2026, holidays and daylight saving nights included. */
        g_autoptr(GDateTime) when = g_date_time_add_minutes (new_year, g_test_rand_int_range (0, 365 * 24 * 60));
        g_autoptr(GDateTime) next_open = lots_opening_hours_next_open (hours, when);
        g_autoptr(GDateTime) next_close = lots_opening_hours_next_close (hours, when);
        g_autofree char *text_of_day = lots_opening_hours_describe_day (hours, when);
        gboolean open = lots_opening_hours_is_open (hours, when);

        g_assert_nonnull (text_of_day);
        g_assert_true (g_utf8_validate (text_of_day, -1, NULL));
        if (open)
          g_assert_true (next_open != NULL && g_date_time_equal (next_open, when));
        else
          g_assert_true (next_close != NULL && g_date_time_equal (next_close, when));
      }
    }
  /* The mutations must leave some strings valid, or the second half of the
   * test ran on nothing. */
  g_test_message ("%u of 20000 mutated strings parsed", n_parsed);
  g_assert_cmpuint (n_parsed, >, 100);
}

/* Every unit of the built-in source's enheter.csv reads. */
static void
test_parse_enheter (void)
{
  g_autofree char *path = lots_test_source_path ("knowledge/data/enheter.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(LotsTable) table = NULL;
  gsize length;
  int regular, summer, lunch;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  table = lots_table_parse ("data/enheter.csv", text, length, diagnostics);
  g_assert_nonnull (table);
  regular = lots_table_column (table, "oppettider");
  summer = lots_table_column (table, "sommartider");
  lunch = lots_table_column (table, "lunch");
  g_assert_cmpint (regular, >=, 0);
  g_assert_cmpint (summer, >=, 0);
  g_assert_cmpint (lunch, >=, 0);
  g_assert_cmpuint (table->rows->len, >, 10);
  for (guint i = 0; i < table->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (table->rows, i);
      g_autoptr(GError) row_error = NULL;
      g_autoptr(LotsOpeningHours) hours = lots_opening_hours_parse (row[regular], row[summer], row[lunch], &row_error);

      if (row_error != NULL)
        g_error ("data/enheter.csv:%u: %s", g_array_index (table->lines, guint, i), row_error->message);
      g_assert_nonnull (hours);
    }
}

/* ---- is it open? ------------------------------------------------------- */

static void
test_open_boundaries (void)
{
  g_autoptr(LotsOpeningHours) hours = parse_ok (KC_REGULAR, KC_SUMMER, NULL);

  /* Tuesday 10 March 2026. */
  assert_open_at (hours, stockholm (2026, 3, 10, 7, 59, 59.999), FALSE);
  assert_open_at (hours, stockholm (2026, 3, 10, 8, 0, 0), TRUE);
  assert_open_at (hours, stockholm (2026, 3, 10, 12, 0, 0), TRUE);
  assert_open_at (hours, stockholm (2026, 3, 10, 16, 29, 59.999), TRUE);
  assert_open_at (hours, stockholm (2026, 3, 10, 16, 30, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 3, 10, 23, 59, 59), FALSE);
  /* Saturday. */
  assert_open_at (hours, stockholm (2026, 3, 14, 12, 0, 0), FALSE);
  g_assert_false (lots_opening_hours_around_the_clock (hours));

  {
    g_autoptr(GDateTime) before = stockholm (2026, 3, 10, 7, 59, 59.5);
    g_autoptr(GDateTime) at_open = stockholm (2026, 3, 10, 8, 0, 0);
    g_autoptr(GDateTime) during = stockholm (2026, 3, 10, 8, 0, 0.25);
    g_autoptr(GDateTime) last = stockholm (2026, 3, 10, 16, 29, 59.5);
    g_autoptr(GDateTime) at_close = stockholm (2026, 3, 10, 16, 30, 0);
    g_autoptr(GDateTime) next = lots_opening_hours_next_open (hours, during);

    assert_next_open (hours, before, "2026-03-10 08:00:00 +0100");
    assert_next_open (hours, at_open, "2026-03-10 08:00:00 +0100");
    /* Open now: the answer is the very instant asked about. */
    g_assert_true (g_date_time_equal (next, during));
    assert_next_close (hours, before, "2026-03-10 07:59:59 +0100");
    assert_next_close (hours, at_open, "2026-03-10 16:30:00 +0100");
    assert_next_close (hours, last, "2026-03-10 16:30:00 +0100");
    assert_next_open (hours, at_close, "2026-03-11 08:00:00 +0100");
  }
}

static void
test_open_seasons (void)
{
  g_autoptr(LotsOpeningHours) hours = parse_ok (KC_REGULAR, KC_SUMMER, NULL);

  /* Thursday 30 April: regular hours till 16:30. */
  assert_open_at (hours, stockholm (2026, 4, 30, 16, 15, 0), TRUE);
  assert_describe (hours, 2026, 4, 30, "08.00–16.30");
  /* Thursday 7 May: summer hours till 16:00. */
  assert_open_at (hours, stockholm (2026, 5, 7, 15, 59, 0), TRUE);
  assert_open_at (hours, stockholm (2026, 5, 7, 16, 0, 0), FALSE);
  assert_describe (hours, 2026, 5, 7, "08.00–16.00");
  /* Monday 31 August is still summer, Tuesday 1 September is not. */
  assert_open_at (hours, stockholm (2026, 8, 31, 16, 15, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 9, 1, 16, 15, 0), TRUE);
  assert_describe (hours, 2026, 8, 31, "08.00–16.00");
  assert_describe (hours, 2026, 9, 1, "08.00–16.30");

  /* Fridays: 16:00 in April, 15:00 in May and August, 16:00 in September. */
  assert_open_at (hours, stockholm (2026, 4, 24, 15, 30, 0), TRUE);
  assert_open_at (hours, stockholm (2026, 4, 24, 16, 0, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 5, 8, 14, 59, 0), TRUE);
  assert_open_at (hours, stockholm (2026, 5, 8, 15, 30, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 8, 28, 15, 30, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 9, 4, 15, 30, 0), TRUE);
  assert_open_at (hours, stockholm (2026, 9, 4, 16, 0, 0), FALSE);
  assert_describe (hours, 2026, 5, 8, "08.00–15.00");

  /* The season of the day asked about, not of the day asked from. */
  {
    g_autoptr(GDateTime) thursday_evening = stockholm (2026, 4, 30, 17, 0, 0);
    g_autoptr(GDateTime) friday_noon = stockholm (2026, 5, 8, 12, 0, 0);
    g_autoptr(GDateTime) monday_evening = stockholm (2026, 8, 31, 16, 5, 0);
    assert_next_open (hours, thursday_evening, "2026-05-04 08:00:00 +0200");
    assert_next_close (hours, friday_noon, "2026-05-08 15:00:00 +0200");
    assert_next_open (hours, monday_evening, "2026-09-01 08:00:00 +0200");
  }

  /* No summer column: the regular hours all year. */
  {
    g_autoptr(LotsOpeningHours) all_year = parse_ok (KC_REGULAR, "  ", NULL);
    assert_open_at (all_year, stockholm (2026, 7, 9, 16, 15, 0), TRUE);
    assert_describe (all_year, 2026, 7, 10, "08.00–16.00");
  }
}

static void
test_open_lunch (void)
{
  g_autoptr(LotsOpeningHours) hours = parse_ok (KC_REGULAR, KC_SUMMER, "12:00-13:00");
  g_autoptr(LotsOpeningHours) narrow = parse_ok ("mån-fre 12:15-12:45; lör 07:00-12:30", NULL, "12.00-13.00");

  /* Tuesday 10 March 2026. */
  assert_open_at (hours, stockholm (2026, 3, 10, 11, 59, 59), TRUE);
  assert_open_at (hours, stockholm (2026, 3, 10, 12, 0, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 3, 10, 12, 59, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 3, 10, 13, 0, 0), TRUE);
  assert_describe (hours, 2026, 3, 10, "08.00–12.00, 13.00–16.30");
  /* Summer too. */
  assert_open_at (hours, stockholm (2026, 7, 10, 12, 30, 0), FALSE);
  assert_describe (hours, 2026, 7, 10, "08.00–12.00, 13.00–15.00");
  {
    g_autoptr(GDateTime) at_lunch = stockholm (2026, 3, 10, 12, 0, 0);
    g_autoptr(GDateTime) morning = stockholm (2026, 3, 10, 11, 0, 0);
    assert_next_open (hours, at_lunch, "2026-03-10 13:00:00 +0100");
    assert_next_close (hours, morning, "2026-03-10 12:00:00 +0100");
  }

  /* Hours inside the lunch vanish; hours across its edge are cut. */
  assert_describe (narrow, 2026, 3, 10, "stängt");
  assert_describe (narrow, 2026, 3, 14, "07.00–12.00");
  assert_open_at (narrow, stockholm (2026, 3, 10, 12, 30, 0), FALSE);
}

static void
test_open_holidays (void)
{
  g_autoptr(LotsOpeningHours) hours = parse_ok (KC_REGULAR, KC_SUMMER, NULL);
  g_autoptr(LotsOpeningHours) saturdays = parse_ok ("lör 10:00-14:00", NULL, NULL);
  g_autoptr(GDateTime) julafton = stockholm (2026, 12, 24, 10, 0, 0);
  g_autoptr(GDateTime) nyarsafton = stockholm (2026, 12, 31, 10, 0, 0);
  g_autoptr(GDateTime) skartorsdag = stockholm (2026, 4, 2, 16, 30, 0);
  g_autoptr(GDateTime) midsommarafton = stockholm (2026, 6, 19, 9, 0, 0);
  g_autoptr(GDateTime) before_easter = stockholm (2026, 3, 28, 15, 0, 0);
  g_autoptr(GDateTime) nationaldag_week = stockholm (2025, 6, 5, 17, 0, 0);

  assert_open_at (hours, stockholm (2026, 12, 24, 10, 0, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 12, 23, 10, 0, 0), TRUE);
  assert_open_at (hours, stockholm (2026, 1, 6, 10, 0, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 5, 14, 10, 0, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 6, 19, 10, 0, 0), FALSE);
  assert_open_at (hours, stockholm (2026, 4, 2, 10, 0, 0), TRUE);
  assert_describe (hours, 2026, 12, 24, "stängt (julafton)");
  assert_describe (hours, 2026, 5, 14, "stängt (Kristi himmelsfärdsdag)");
  assert_describe (hours, 2026, 6, 19, "stängt (midsommarafton)");

  /* Juldagen is a Friday, then a weekend. */
  assert_next_open (hours, julafton, "2026-12-28 08:00:00 +0100");
  /* Nyårsdagen is a Friday too. */
  assert_next_open (hours, nyarsafton, "2027-01-04 08:00:00 +0100");
  /* Långfredagen to annandag påsk. */
  assert_next_open (hours, skartorsdag, "2026-04-07 08:00:00 +0200");
  assert_next_open (hours, midsommarafton, "2026-06-22 08:00:00 +0200");
  /* Sveriges nationaldag on a Friday. */
  assert_next_open (hours, nationaldag_week, "2025-06-09 08:00:00 +0200");
  assert_next_close (hours, julafton, "2026-12-24 10:00:00 +0100");

  /* Påskafton closes a unit open on Saturdays. */
  assert_open_at (saturdays, stockholm (2026, 4, 4, 11, 0, 0), FALSE);
  assert_open_at (saturdays, stockholm (2026, 4, 11, 11, 0, 0), TRUE);
  assert_next_open (saturdays, before_easter, "2026-04-11 10:00:00 +0200");
}

static void
test_open_around_the_clock (void)
{
  g_autoptr(LotsOpeningHours) hours = parse_ok ("dygnet runt", NULL, NULL);
  g_autoptr(LotsOpeningHours) summer_only = parse_ok ("stängt", "dygnet runt", NULL);
  g_autoptr(GDateTime) julafton = stockholm (2026, 12, 24, 3, 0, 0);
  g_autoptr(GDateTime) next = lots_opening_hours_next_open (hours, julafton);
  g_autoptr(GDateTime) close = lots_opening_hours_next_close (hours, julafton);
  g_autoptr(GDateTime) spring = stockholm (2026, 3, 2, 12, 0, 0);

  g_assert_true (lots_opening_hours_around_the_clock (hours));
  assert_open_at (hours, stockholm (2026, 12, 24, 3, 0, 0), TRUE);
  assert_open_at (hours, stockholm (2026, 6, 19, 23, 59, 59), TRUE);
  assert_open_at (hours, utc (2026, 3, 29, 1, 0, 0), TRUE);
  g_assert_true (next != NULL && g_date_time_equal (next, julafton));
  g_assert_null (close);
  assert_describe (hours, 2026, 12, 24, "dygnet runt");

  /* Open around the clock in summer only: opens 1 May, closes 1 September. */
  g_assert_false (lots_opening_hours_around_the_clock (summer_only));
  assert_next_open (summer_only, spring, "2026-05-01 00:00:00 +0200");
  {
    g_autoptr(GDateTime) midsummer = stockholm (2026, 6, 19, 12, 0, 0);
    assert_open_at (summer_only, stockholm (2026, 6, 19, 12, 0, 0), TRUE);
    assert_next_close (summer_only, midsummer, "2026-09-01 00:00:00 +0200");
    assert_describe (summer_only, 2026, 6, 19, "dygnet runt");
    assert_describe (summer_only, 2026, 9, 1, "stängt");
  }
}

static void
test_open_never (void)
{
  g_autoptr(LotsOpeningHours) hours = parse_ok ("stängt", NULL, NULL);
  g_autoptr(GDateTime) now = stockholm (2026, 3, 10, 10, 0, 0);
  g_autoptr(GDateTime) next = lots_opening_hours_next_open (hours, now);
  g_autoptr(GDateTime) close = lots_opening_hours_next_close (hours, now);

  g_assert_false (lots_opening_hours_around_the_clock (hours));
  assert_open_at (hours, stockholm (2026, 3, 10, 10, 0, 0), FALSE);
  g_assert_null (next);
  g_assert_true (close != NULL && g_date_time_equal (close, now));
  assert_describe (hours, 2026, 3, 10, "stängt");
}

/* "now" may come in any zone; answers are given in Stockholm's. */
static void
test_open_other_zones (void)
{
  g_autoptr(LotsOpeningHours) hours = parse_ok (KC_REGULAR, KC_SUMMER, NULL);
  g_autoptr(GTimeZone) new_york = g_time_zone_new_offset (-5 * 3600);
  g_autoptr(GDateTime) evening_ny = g_date_time_new (new_york, 2026, 3, 9, 21, 0, 0);  /* 03:00 in Stockholm */
  g_autoptr(GDateTime) morning_ny = g_date_time_new (new_york, 2026, 3, 10, 2, 30, 0); /* 08:30 */

  assert_open_at (hours, g_date_time_ref (evening_ny), FALSE);
  assert_open_at (hours, g_date_time_ref (morning_ny), TRUE);
  assert_open_at (hours, utc (2026, 3, 10, 7, 0, 0), TRUE);
  assert_open_at (hours, utc (2026, 3, 10, 6, 59, 0), FALSE);
  assert_next_open (hours, evening_ny, "2026-03-10 08:00:00 +0100");
  assert_next_close (hours, morning_ny, "2026-03-10 16:30:00 +0100");
  {
    g_autoptr(GDateTime) next = lots_opening_hours_next_open (hours, morning_ny);
    g_autofree char *shown = show (next);
    /* Open now: the same instant, told in Stockholm time. */
    g_assert_cmpstr (shown, ==, "2026-03-10 08:30:00 +0100");
  }
  /* Far outside any real question, still an answer. */
  {
    g_autoptr(GDateTime) end_of_time = utc (9999, 12, 31, 12, 0, 0);
    g_autoptr(GDateTime) start_of_time = utc (1, 1, 1, 12, 0, 0);
    g_autoptr(GDateTime) none = lots_opening_hours_next_open (hours, end_of_time);
    g_autoptr(GDateTime) early = lots_opening_hours_next_open (hours, start_of_time);
    g_autofree char *text = lots_opening_hours_describe_day (hours, start_of_time);
    g_assert_null (none);
    g_assert_nonnull (early);
    g_assert_nonnull (text);
  }
}

/* ---- daylight saving ---------------------------------------------------- */

/* Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC. */
static void
test_dst_spring (void)
{
  g_autoptr(LotsOpeningHours) sunday = parse_ok ("sön 03:00-04:00", NULL, NULL);
  g_autoptr(LotsOpeningHours) night = parse_ok ("sön 01:30-03:30", NULL, NULL);
  g_autoptr(LotsOpeningHours) kc = parse_ok (KC_REGULAR, KC_SUMMER, NULL);
  g_autoptr(GDateTime) friday = stockholm (2026, 3, 27, 17, 0, 0);
  g_autoptr(GDateTime) before_change = utc (2026, 3, 29, 0, 30, 0);
  g_autoptr(GDateTime) saturday = stockholm (2026, 3, 28, 12, 0, 0);

  /* 00:59:59 UTC is 01:59:59 CET; 01:00 UTC is 03:00 CEST, not 02:00. */
  assert_open_at (sunday, utc (2026, 3, 29, 0, 59, 59), FALSE);
  assert_open_at (sunday, utc (2026, 3, 29, 1, 0, 0), TRUE);
  assert_open_at (sunday, utc (2026, 3, 29, 1, 59, 59), TRUE);
  assert_open_at (sunday, utc (2026, 3, 29, 2, 0, 0), FALSE);
  assert_next_open (sunday, saturday, "2026-03-29 03:00:00 +0200");
  assert_describe (sunday, 2026, 3, 29, "03.00–04.00");

  /* A range over the missing hour is open an hour less: 01:30–02:00 CET
   * and 03:00–03:30 CEST, back to back. */
  assert_next_close (night, before_change, "2026-03-29 03:30:00 +0200");
  {
    g_autoptr(GDateTime) close = lots_opening_hours_next_close (night, before_change);
    g_assert_cmpint (g_date_time_difference (close, before_change), ==, 60 * G_TIME_SPAN_MINUTE);
  }

  /* Monday 30 March opens at 08:00 CEST = 06:00 UTC. */
  assert_next_open (kc, friday, "2026-03-30 08:00:00 +0200");
  {
    g_autoptr(GDateTime) next = lots_opening_hours_next_open (kc, friday);
    g_autoptr(GDateTime) expected = utc (2026, 3, 30, 6, 0, 0);
    g_assert_true (g_date_time_equal (next, expected));
  }
  assert_open_at (kc, utc (2026, 3, 30, 5, 59, 0), FALSE);
  assert_open_at (kc, utc (2026, 3, 30, 6, 0, 0), TRUE);
  assert_open_at (kc, utc (2026, 3, 27, 6, 59, 0), FALSE);
  assert_open_at (kc, utc (2026, 3, 27, 7, 0, 0), TRUE);
}

/* Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC, and
 * 02:00–03:00 comes twice. */
static void
test_dst_autumn (void)
{
  g_autoptr(LotsOpeningHours) sunday = parse_ok ("sön 02:00-03:00", NULL, NULL);
  g_autoptr(LotsOpeningHours) half = parse_ok ("sön 02:30-04:00", NULL, NULL);
  g_autoptr(LotsOpeningHours) kc = parse_ok (KC_REGULAR, KC_SUMMER, NULL);
  g_autoptr(GDateTime) first_pass = utc (2026, 10, 25, 0, 30, 0);   /* 02:30 CEST */
  g_autoptr(GDateTime) early_first = utc (2026, 10, 25, 0, 10, 0);  /* 02:10 CEST */
  g_autoptr(GDateTime) early_second = utc (2026, 10, 25, 1, 10, 0); /* 02:10 CET */
  g_autoptr(GDateTime) friday = stockholm (2026, 10, 23, 17, 0, 0);

  assert_open_at (sunday, utc (2026, 10, 24, 23, 59, 59), FALSE); /* 01:59:59 CEST */
  assert_open_at (sunday, utc (2026, 10, 25, 0, 0, 0), TRUE);      /* 02:00 CEST */
  assert_open_at (sunday, utc (2026, 10, 25, 0, 59, 59), TRUE);    /* 02:59:59 CEST */
  assert_open_at (sunday, utc (2026, 10, 25, 1, 0, 0), TRUE);      /* 02:00 CET */
  assert_open_at (sunday, utc (2026, 10, 25, 1, 59, 59), TRUE);    /* 02:59:59 CET */
  assert_open_at (sunday, utc (2026, 10, 25, 2, 0, 0), FALSE);     /* 03:00 CET */
  /* Both passes count: open for two real hours. */
  assert_next_close (sunday, first_pass, "2026-10-25 03:00:00 +0100");

  /* The first 02:30 from the first pass, the second from the second. */
  assert_next_open (half, early_first, "2026-10-25 02:30:00 +0200");
  assert_next_open (half, early_second, "2026-10-25 02:30:00 +0100");
  {
    g_autoptr(GDateTime) second = lots_opening_hours_next_open (half, early_second);
    g_autoptr(GDateTime) expected = utc (2026, 10, 25, 1, 30, 0);
    g_assert_true (g_date_time_equal (second, expected));
  }

  /* Monday 26 October opens at 08:00 CET = 07:00 UTC. */
  assert_next_open (kc, friday, "2026-10-26 08:00:00 +0100");
  assert_open_at (kc, utc (2026, 10, 26, 6, 59, 0), FALSE);
  assert_open_at (kc, utc (2026, 10, 26, 7, 0, 0), TRUE);
}

/* next_open and next_close agree with is_open, second by second where it
 * matters: around both changes, midnight and lunch. For every sampled
 * instant t: next_open (t) is t exactly when t is open; otherwise it is open
 * and the second before it is not; the same for next_close. */
static void
test_dst_consistency (void)
{
  static const char *const specs[][2] = {
    { "sön 01:30-02:30; sön 02:45-03:15; lör 23:00-24:00; mån 00:00-00:30", NULL },
    { "mån-sön 00:00-24:00", NULL },
    { KC_REGULAR, "12:00-13:00" },
    { "fre-sön 01:59-03:01", NULL },
  };
  static const struct { int year, month, day; } days[] = {
    { 2026, 3, 28 }, { 2026, 3, 29 }, { 2026, 10, 24 }, { 2026, 10, 25 }, { 2027, 3, 28 }, { 2026, 12, 24 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (specs); s++)
    {
      g_autoptr(LotsOpeningHours) hours = parse_ok (specs[s][0], NULL, specs[s][1]);

      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        {
          g_autoptr(GDateTime) start = utc (days[d].year, days[d].month, days[d].day, 0, 0, 0);

          for (int minutes = -120; minutes < 26 * 60; minutes += 7)
            {
              g_autoptr(GDateTime) t = g_date_time_add_minutes (start, minutes);
              g_autoptr(GDateTime) next_open = lots_opening_hours_next_open (hours, t);
              g_autoptr(GDateTime) next_close = lots_opening_hours_next_close (hours, t);
              gboolean open = lots_opening_hours_is_open (hours, t);
              g_autofree char *shown = show (t);
              g_autofree char *shown_open = show (next_open);
              g_autofree char *shown_close = show (next_close);
              const char *wrong = NULL;

              if (next_open == NULL || next_close == NULL)
                wrong = "no answer";
              else if (g_date_time_equal (next_open, t) != open)
                wrong = "next_open is now exactly when open";
              else if (g_date_time_equal (next_close, t) == open)
                wrong = "next_close is now exactly when closed";
              else if (!lots_opening_hours_is_open (hours, next_open))
                wrong = "open at next_open";
              else if (lots_opening_hours_is_open (hours, next_close))
                wrong = "closed at next_close";
              else if (g_date_time_compare (open ? next_close : next_open, t) <= 0)
                wrong = "answers not before now";
              else if (g_date_time_get_utc_offset (next_open) != G_TIME_SPAN_HOUR &&
                       g_date_time_get_utc_offset (next_open) != 2 * G_TIME_SPAN_HOUR)
                wrong = "answers in Stockholm time";
              else
                {
                  /* The second before a change has the old state. */
                  g_autoptr(GDateTime) before = g_date_time_add_seconds (open ? next_close : next_open, -1);
                  if (lots_opening_hours_is_open (hours, before) != open)
                    wrong = "the state changes at the answer";
                }
              if (wrong != NULL)
                g_error ("\"%s\" at %s: expected %s; open %d, next_open %s, next_close %s",
                         specs[s][0], shown, wrong, open, shown_open, shown_close);
            }
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/holidays/2024", test_holidays_2024);
  g_test_add_func ("/calendar/holidays/2025", test_holidays_2025);
  g_test_add_func ("/calendar/holidays/2026", test_holidays_2026);
  g_test_add_func ("/calendar/holidays/2000", test_holidays_2000);
  g_test_add_func ("/calendar/holidays/2038", test_holidays_2038);
  g_test_add_func ("/calendar/holidays/coinciding", test_holidays_coinciding);
  g_test_add_func ("/calendar/holidays/every-year", test_holidays_every_year);
  g_test_add_func ("/calendar/summer", test_summer);
  g_test_add_func ("/calendar/time-zone", test_time_zone);
  g_test_add_func ("/calendar/parse/forms", test_parse_forms);
  g_test_add_func ("/calendar/parse/errors", test_parse_errors);
  g_test_add_func ("/calendar/parse/fuzz", test_parse_fuzz);
  g_test_add_func ("/calendar/parse/enheter", test_parse_enheter);
  g_test_add_func ("/calendar/open/boundaries", test_open_boundaries);
  g_test_add_func ("/calendar/open/seasons", test_open_seasons);
  g_test_add_func ("/calendar/open/lunch", test_open_lunch);
  g_test_add_func ("/calendar/open/holidays", test_open_holidays);
  g_test_add_func ("/calendar/open/around-the-clock", test_open_around_the_clock);
  g_test_add_func ("/calendar/open/never", test_open_never);
  g_test_add_func ("/calendar/open/other-zones", test_open_other_zones);
  g_test_add_func ("/calendar/dst/spring", test_dst_spring);
  g_test_add_func ("/calendar/dst/autumn", test_dst_autumn);
  g_test_add_func ("/calendar/dst/consistency", test_dst_consistency);

  return g_test_run ();
}

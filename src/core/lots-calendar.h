/* lots-calendar.h — opening hours of the units a handler refers callers to,
 * and the Swedish public holidays they close on.
 *
 * A unit's hours come from three columns of a source's data/enheter.csv:
 *
 *   oppettider   regular hours, a ";"-separated list of clauses, each a set
 *                of days and one time range:
 *                  "mån-tor 08:00-16:30; fre 08:00-16:00"
 *                  "mån, ons 09:00-12:00; mån-fre 13:00-15:00"
 *                or "dygnet runt" (open every hour of every day, holidays
 *                included) or "stängt" (never open). Days are Swedish, full
 *                or short, in any case (måndag/mån, tisdag/tis, onsdag/ons,
 *                torsdag/tor/tors, fredag/fre, lördag/lör, söndag/sön);
 *                ranges may wrap ("fre-mån"); times are "8:00", "08:00" or
 *                "08.00", and "24:00" may end a range. Clauses naming the
 *                same day add to it.
 *   sommartider  hours from 1 May to 31 August inclusive, same form;
 *                empty means the same as oppettider.
 *   lunch        one daily closing such as "12:00-13:00", taken out of
 *                every open day of both seasons; empty means none.
 *
 * A unit that is not "dygnet runt" is closed on the Swedish public holidays
 * (allmänna helgdagar) and on the eves that everyone treats as closed
 * though the law does not (påskafton, midsommarafton, julafton, nyårsafton).
 *
 * Every question is answered in Stockholm local time, daylight saving
 * included: an instant (in any zone) is first converted to Europe/Stockholm
 * and then judged by its wall-clock time. On the autumn night that repeats
 * 02:00–03:00 both passes count; on the spring night that skips it, a range
 * over 02:00 simply has an hour less.
 *
 * next_open and next_close answer "from AFTER on, when is it first
 * open/closed?": AFTER itself when it already is, else the instant of the
 * change, as a new GDateTime in Stockholm time; NULL when there is none
 * within LOTS_OPENING_HOURS_HORIZON_DAYS ("stängt" never opens, "dygnet
 * runt" never closes). A guide says "öppet till {next_close}" or "öppnar
 * {next_open}" without caring which case it is in.
 *
 * Parse errors are LOTS_ERROR_INVALID_CONTENT with a message that quotes
 * the piece not understood and shows what was expected; the caller adds
 * path:line. Any text (empty, huge, not UTF-8) gives hours or an error.
 *
 * Hours are immutable once parsed and may be shared between threads.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LotsOpeningHours LotsOpeningHours;

typedef enum {
  LOTS_DAY_WORKDAY,        /* Monday to Friday, not a holiday or closed eve */
  LOTS_DAY_WEEKEND,        /* Saturday or Sunday, not a holiday or closed eve */
  LOTS_DAY_PUBLIC_HOLIDAY, /* an allmän helgdag, e.g. juldagen */
  LOTS_DAY_CLOSED_EVE,     /* påskafton, midsommarafton, julafton, nyårsafton */
} LotsDayKind;

/* Used when the system has no tzdata: Stockholm's rule since 1996. */
#define LOTS_CALENDAR_FALLBACK_TZ "CET-1CEST,M3.5.0,M10.5.0/3"

/* How far ahead next_open and next_close look before giving up: a year
 * and some, so that a unit open only in summer is still found in autumn. */
#define LOTS_OPENING_HOURS_HORIZON_DAYS 400

/* Longer strings than this are refused: real ones are under 100 bytes, and
 * the limit keeps error messages (which quote the text) readable. */
#define LOTS_OPENING_HOURS_MAX_LENGTH 500

GTimeZone        *lots_calendar_time_zone        (void);
void              lots_calendar_easter           (int          year,
                                                  int         *month,
                                                  int         *day);
LotsDayKind       lots_calendar_day_kind         (int          year,
                                                  int          month,
                                                  int          day,
                                                  const char **name);
gboolean          lots_calendar_is_summer        (int          month,
                                                  int          day);

LotsOpeningHours *lots_opening_hours_parse       (const char  *regular,
                                                  const char  *summer,
                                                  const char  *lunch,
                                                  GError     **error);
void              lots_opening_hours_free        (LotsOpeningHours       *hours);
gboolean          lots_opening_hours_around_the_clock (const LotsOpeningHours *hours);
gboolean          lots_opening_hours_is_open     (const LotsOpeningHours *hours,
                                                  GDateTime              *when);
GDateTime        *lots_opening_hours_next_open   (const LotsOpeningHours *hours,
                                                  GDateTime              *after);
GDateTime        *lots_opening_hours_next_close  (const LotsOpeningHours *hours,
                                                  GDateTime              *after);
char             *lots_opening_hours_describe_day (const LotsOpeningHours *hours,
                                                   GDateTime              *day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsOpeningHours, lots_opening_hours_free)

G_END_DECLS

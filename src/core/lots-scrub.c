/* lots-scrub.c — masking identity numbers, phone numbers and e-mail
 * addresses in free text before the case log stores it.
 *
 * Each kind is found in two steps: a regular expression (GRegex) finds the
 * candidates by their shape, and C decides whether a candidate really is
 * one (a date that exists and a Luhn digit for identity numbers; a length a
 * Swedish number can have for telephone numbers). The regular expressions
 * are deliberately generous and the checks strict, so that near-misses in
 * a note (case numbers, postcodes, amounts, dates, times) stay readable.
 *
 * E-mail addresses are masked first, because an address may contain digits
 * that the later passes would mask half of, leaving the rest of it behind.
 */
#define G_LOG_DOMAIN "lots-scrub"

#include "config.h"

#include "lots-scrub.h"

#include <string.h>

/* Local part and domain; \w is Unicode-aware in GRegex, so "åsa@…" counts. */
static const char email_pattern[] =
  "[\\w.%+\\-]+@[\\w\\-]+(?:\\.[\\w\\-]+)+";

/* Six (YYMMDD) or eight (YYYYMMDD) digits, an optional separator, four
 * digits; not inside a longer run of digits. */
static const char personnummer_pattern[] =
  "(?<![0-9])(?:[0-9]{8}|[0-9]{6})[\\-+ ]?[0-9]{4}(?![0-9])";

/* A trunk 0 or +46 / 0046 (with an optional "(0)"), a first digit that is
 * not 0, then 5–8 more digits, each optionally after a space, a dash or a
 * slash. The length is checked again in C (national number of 6–9 digits). */
static const char phone_pattern[] =
  "(?<![\\w+])(?:(?:\\+|00)46[ \\-]?(?:\\(0\\)[ \\-]?)?|0)[1-9]"
  "(?:(?: ?[\\-/] ?| )?[0-9]){5,8}(?![0-9])";

typedef struct {
  GRegex *email;
  GRegex *personnummer;
  GRegex *phone;
} Patterns;

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  /* The patterns are constants of this file: failing to compile is a bug. */
  g_assert_no_error (error);
  return regex;
}

/* Compiled once per process and kept: notes are scrubbed on every case
 * logged, and compiling costs more than matching. */
static const Patterns *
patterns (void)
{
  static Patterns compiled;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      compiled.email = compile (email_pattern);
      compiled.personnummer = compile (personnummer_pattern);
      compiled.phone = compile (phone_pattern);
      g_once_init_leave (&initialized, 1);
    }
  return &compiled;
}

/* ---- identity numbers ------------------------------------------------------ */

static gboolean
is_leap (guint year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Whether month/day (day already without the samordningsnummer's +60)
 * exists in year; year 0 means "century unknown", where 29 February is
 * allowed in every year divisible by four. */
static gboolean
date_exists (guint year,
             guint two_digit_year,
             guint month,
             guint day)
{
  static const guint days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint max;

  if (month < 1 || month > 12 || day < 1)
    return FALSE;
  max = days[month - 1];
  if (month == 2 && (year != 0 ? is_leap (year) : two_digit_year % 4 == 0))
    max = 29;
  return day <= max;
}

/* The Luhn check over the ten digits YYMMDDNNNC: weights 2,1,2,1… on the
 * first nine, digit sums of the products, C makes the total a multiple of
 * ten. */
static gboolean
luhn_ok (const guint *digits)
{
  guint sum = 0;

  for (guint i = 0; i < 9; i++)
    {
      guint product = digits[i] * (i % 2 == 0 ? 2 : 1);
      sum += product / 10 + product % 10;
    }
  return (10 - sum % 10) % 10 == digits[9];
}

/* Whether candidate — 10 or 12 digits, with at most one "-", "+" or space
 * before the last four — is a personnummer or samordningsnummer: its date
 * part exists (day + 60 for a samordningsnummer) and its check digit is
 * right. */
gboolean
lots_scrub_is_personnummer (const char *candidate)
{
  guint digits[12];
  guint n = 0, separators = 0;
  gsize length;
  const guint *ten;
  guint year = 0, yy, month, day;

  g_return_val_if_fail (candidate != NULL, FALSE);

  length = strlen (candidate);
  for (gsize i = 0; i < length; i++)
    {
      char c = candidate[i];

      if (g_ascii_isdigit (c) && n < G_N_ELEMENTS (digits))
        digits[n++] = (guint) (c - '0');
      else if ((c == '-' || c == '+' || c == ' ') && separators == 0 && length - i == 5)
        separators++;
      else
        return FALSE;
    }
  if (n != 10 && n != 12)
    return FALSE;

  ten = digits + (n - 10);
  if (n == 12)
    {
      year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
      if (year < 1870 || year > 2099)
        return FALSE;
    }
  yy = ten[0] * 10 + ten[1];
  month = ten[2] * 10 + ten[3];
  day = ten[4] * 10 + ten[5];
  if (day > 60)
    day -= 60;
  return date_exists (year, yy, month, day) && luhn_ok (ten);
}

/* ---- telephone numbers ----------------------------------------------------- */

static gboolean
matches_digits (const char *text,
                const char *shape)
{
  /* shape: 'd' a digit, anything else itself */
  for (; *shape; shape++, text++)
    {
      if (*text == '\0')
        return FALSE;
      if (*shape == 'd' ? !g_ascii_isdigit (*text) : *text != *shape)
        return FALSE;
    }
  return *text == '\0';
}

static guint
two_digits (const char *text)
{
  return (guint) (text[0] - '0') * 10 + (guint) (text[1] - '0');
}

/* Shapes starting with 0 that a note uses for other things than phone
 * numbers: a date written 01-12-2026 and opening hours written 0800-1630. */
static gboolean
looks_like_date_or_hours (const char *candidate)
{
  if (matches_digits (candidate, "dd-dd-dddd") || matches_digits (candidate, "dd/dd/dddd"))
    return two_digits (candidate) >= 1 && two_digits (candidate) <= 31 &&
           two_digits (candidate + 3) >= 1 && two_digits (candidate + 3) <= 12;
  if (matches_digits (candidate, "dddd-dddd"))
    return two_digits (candidate) < 24 && two_digits (candidate + 2) < 60 &&
           two_digits (candidate + 5) < 24 && two_digits (candidate + 7) < 60;
  return FALSE;
}

/* A Swedish national number (without the trunk 0 or +46) has 7 to 9
 * digits; some old Stockholm numbers have 6 after 8. */
static gboolean
is_phone (const char *candidate)
{
  const char *p = candidate;
  guint national = 0;

  if (looks_like_date_or_hours (candidate))
    return FALSE;
  if (g_str_has_prefix (p, "+46"))
    p += 3;
  else if (g_str_has_prefix (p, "0046"))
    p += 4;
  else
    p += 1;  /* the trunk 0 */
  for (; *p; p++)
    {
      if (p[0] == '(' && p[1] == '0' && p[2] == ')')
        p += 2;
      else if (g_ascii_isdigit (*p))
        national++;
    }
  return national >= 6 && national <= 9;
}

/* ---- replacing ------------------------------------------------------------- */

typedef gboolean (*CandidateCheck) (const char *candidate);

typedef struct {
  CandidateCheck check;
  const char *mask;
  LotsScrubFound kind;
  LotsScrubFound found;
} Pass;

static gboolean
replace_candidate (const GMatchInfo *info,
                   GString          *result,
                   gpointer          user_data)
{
  Pass *pass = user_data;
  g_autofree char *match = g_match_info_fetch (info, 0);

  if (pass->check == NULL || pass->check (match))
    {
      g_string_append (result, pass->mask);
      pass->found |= pass->kind;
    }
  else
    g_string_append (result, match);
  return FALSE;
}

static char *
run_pass (const GRegex   *regex,
          const char     *text,
          CandidateCheck  check,
          const char     *mask,
          LotsScrubFound  kind,
          LotsScrubFound *found)
{
  Pass pass = { check, mask, kind, LOTS_SCRUB_NONE };
  g_autoptr(GError) error = NULL;
  char *result = g_regex_replace_eval (regex, text, -1, 0, 0, replace_candidate, &pass, &error);

  /* Matching valid UTF-8 against these patterns cannot fail; should it
   * ever, nothing is let through unmasked. */
  if (result == NULL)
    {
      g_warning ("scrubbing failed: %s", error->message);
      *found |= kind;
      return g_strdup (mask);
    }
  *found |= pass.found;
  return result;
}

/* Returns text with every personnummer, samordningsnummer, telephone
 * number and e-mail address masked. found (may be NULL) gets which kinds
 * were masked. text must be valid UTF-8. */
char *
lots_scrub_text (const char     *text,
                 LotsScrubFound *found)
{
  const Patterns *p = patterns ();
  LotsScrubFound seen = LOTS_SCRUB_NONE;
  g_autofree char *without_email = NULL;
  g_autofree char *without_personnummer = NULL;
  char *result;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  without_email = run_pass (p->email, text, NULL, LOTS_SCRUB_MASK_EMAIL, LOTS_SCRUB_EMAIL, &seen);
  without_personnummer = run_pass (p->personnummer, without_email, lots_scrub_is_personnummer,
                                   LOTS_SCRUB_MASK_PERSONNUMMER, LOTS_SCRUB_PERSONNUMMER, &seen);
  result = run_pass (p->phone, without_personnummer, is_phone, LOTS_SCRUB_MASK_PHONE, LOTS_SCRUB_PHONE, &seen);
  if (found != NULL)
    *found = seen;
  return result;
}

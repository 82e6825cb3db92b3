/* test-scrub.c — masking identity numbers, phone numbers and e-mail
 * addresses in notes (lots-scrub.c): a table of numbers in the forms
 * handlers really type them, and a table of near-misses that must stay.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-scrub.h"

typedef struct {
  const char *text;
  const char *expected;
  LotsScrubFound found;
} Case;

/* Real formats: each must be masked, and only it. */
static const Case masked[] = {
  /* personnummer, 10 digits: with "-", with "+" (100 years or older), without */
  { "Ringde om 811228-9874 idag", "Ringde om [personnummer] idag", LOTS_SCRUB_PERSONNUMMER },
  { "pnr 811228+9874.", "pnr [personnummer].", LOTS_SCRUB_PERSONNUMMER },
  { "8112289874", "[personnummer]", LOTS_SCRUB_PERSONNUMMER },
  { "personnr: 811228 9874", "personnr: [personnummer]", LOTS_SCRUB_PERSONNUMMER },
  /* 12 digits */
  { "19121212-1212 har frågat", "[personnummer] har frågat", LOTS_SCRUB_PERSONNUMMER },
  { "(198112289874)", "([personnummer])", LOTS_SCRUB_PERSONNUMMER },
  { "19640823-3234,19811228-9874", "[personnummer],[personnummer]", LOTS_SCRUB_PERSONNUMMER },
  /* 29 February: 2000 and 2020 were leap years */
  { "född 000229-1235", "född [personnummer]", LOTS_SCRUB_PERSONNUMMER },
  { "200229-1231", "[personnummer]", LOTS_SCRUB_PERSONNUMMER },
  { "040506-1235", "[personnummer]", LOTS_SCRUB_PERSONNUMMER },
  /* samordningsnummer: day + 60 */
  { "samordningsnr 701063-2391", "samordningsnr [personnummer]", LOTS_SCRUB_PERSONNUMMER },
  { "197010632391", "[personnummer]", LOTS_SCRUB_PERSONNUMMER },
  /* telephone numbers */
  { "ring 08-123 456 78", "ring [telefon]", LOTS_SCRUB_PHONE },
  { "mobil 070-123 45 67 efter lunch", "mobil [telefon] efter lunch", LOTS_SCRUB_PHONE },
  { "+46 70 123 45 67", "[telefon]", LOTS_SCRUB_PHONE },
  { "+46701234567", "[telefon]", LOTS_SCRUB_PHONE },
  { "+46 (0)8-508 00 508", "[telefon]", LOTS_SCRUB_PHONE },
  { "0046 8 123 456 78", "[telefon]", LOTS_SCRUB_PHONE },
  { "nr 0701234567", "nr [telefon]", LOTS_SCRUB_PHONE },
  { "0731-23 45 67", "[telefon]", LOTS_SCRUB_PHONE },
  { "08/12345678", "[telefon]", LOTS_SCRUB_PHONE },
  { "08 - 465 004 10", "[telefon]", LOTS_SCRUB_PHONE },
  { "tel:08-12345", "tel:[telefon]", LOTS_SCRUB_PHONE },
  /* e-mail */
  { "mejla anna.svensson@example.se.", "mejla [e-post].", LOTS_SCRUB_EMAIL },
  { "<åsa+lots@stockholm.se>", "<[e-post]>", LOTS_SCRUB_EMAIL },
  { "kalle_0701234567@mail.example.com", "[e-post]", LOTS_SCRUB_EMAIL },
  /* several at once */
  { "811228-9874, 070-123 45 67, a@b.se",
    "[personnummer], [telefon], [e-post]",
    LOTS_SCRUB_PERSONNUMMER | LOTS_SCRUB_PHONE | LOTS_SCRUB_EMAIL },
};

/* Near-misses: must come out as they went in. */
static const char * const kept[] = {
  "811228-9875",              /* wrong check digit */
  "8112289875",
  "19811228-9875",
  "811332-1239",              /* month 13, right Luhn digit */
  "811200-1238",              /* day 00 */
  "190229-1234",              /* 29 February 2019 or 1919: no such day */
  "19000229-1235",            /* 1900 was not a leap year */
  "991361-0003",              /* samordningsnummer of month 13 */
  "ärende 2026-1234",         /* a case number */
  "diarienr SN 2026/12345",
  "postnummer 111 22",        /* a postcode */
  "11122 Stockholm",
  "avgift 1 250 kr",          /* amounts */
  "2 340 000 kr",
  "den 2026-11-23",           /* dates */
  "20261123",
  "23/11/2026",
  "år 2026",                  /* a year */
  "öppet 08.00–16.30",        /* opening hours */
  "08:00-16:30",
  "0800-1630",
  "01-12-2026",
  "hemtjänst 3 dagar i veckan, 45 min",
  "12345678",
  "snabel-a @ saknas",
  "",
};

static void
test_masked (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (masked); i++)
    {
      LotsScrubFound found = LOTS_SCRUB_NONE;
      g_autofree char *result = lots_scrub_text (masked[i].text, &found);

      g_test_message ("%s → %s", masked[i].text, result);
      g_assert_cmpstr (result, ==, masked[i].expected);
      g_assert_cmpint (found, ==, masked[i].found);
    }
}

static void
test_kept (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      LotsScrubFound found = LOTS_SCRUB_PHONE;
      g_autofree char *result = lots_scrub_text (kept[i], &found);

      g_test_message ("%s → %s", kept[i], result);
      g_assert_cmpstr (result, ==, kept[i]);
      g_assert_cmpint (found, ==, LOTS_SCRUB_NONE);
    }
}

/* A near-miss that begins with 0 may look like a phone number; it must
 * never be called a personnummer. */
static void
test_leading_zero_not_personnummer (void)
{
  g_assert_true (lots_scrub_is_personnummer ("040506-1235"));
  g_assert_false (lots_scrub_is_personnummer ("040506-1234"));
  g_assert_false (lots_scrub_is_personnummer ("040506--1235"));
  g_assert_false (lots_scrub_is_personnummer ("0405-061235"));
  g_assert_false (lots_scrub_is_personnummer ("04050612"));
  g_assert_false (lots_scrub_is_personnummer ("a40506-1235"));
  g_assert_true (lots_scrub_is_personnummer ("811228+9874"));
  g_assert_true (lots_scrub_is_personnummer ("701063-2391"));
}

/* Every checked digit counts: changing any one of a valid number's ten
 * digits makes it invalid (the date or the Luhn sum breaks). */
static void
test_every_digit_checked (void)
{
  const char *valid = "811228-9874";

  for (guint pos = 0; pos < strlen (valid); pos++)
    {
      if (valid[pos] == '-')
        continue;
      for (char d = '0'; d <= '9'; d++)
        {
          char copy[16];

          if (d == valid[pos])
            continue;
          g_strlcpy (copy, valid, sizeof copy);
          copy[pos] = d;
          /* A changed date digit plus a Luhn sum that happens to match is
           * impossible: Luhn catches every single-digit change. */
          g_assert_false (lots_scrub_is_personnummer (copy));
        }
    }
}

/* Text around and between matches is kept byte for byte, multibyte
 * characters included. */
static void
test_surroundings (void)
{
  g_autofree char *result = lots_scrub_text ("Åsa (811228-9874) bor på Götgatan 70, 118 26 Stockholm; "
                                             "tel 08-465 004 77 — fråga om färdtjänst.", NULL);

  g_assert_cmpstr (result, ==, "Åsa ([personnummer]) bor på Götgatan 70, 118 26 Stockholm; "
                               "tel [telefon] — fråga om färdtjänst.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scrub/masked/real-formats", test_masked);
  g_test_add_func ("/scrub/kept/near-misses", test_kept);
  g_test_add_func ("/scrub/personnummer/leading-zero", test_leading_zero_not_personnummer);
  g_test_add_func ("/scrub/personnummer/every-digit-checked", test_every_digit_checked);
  g_test_add_func ("/scrub/surroundings", test_surroundings);
  return g_test_run ();
}

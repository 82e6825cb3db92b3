/* lots-scrub.h — masking what identifies a caller in free text.
 *
 * A handler's note and a search that found nothing are the only free text
 * the case log keeps, and both leave the workstation with the upload. The
 * design promises that no personal identity number leaves it, so before
 * such text is stored the scrubber replaces:
 *
 *   - personnummer and samordningsnummer (coordination number, given to
 *     people who are not registered in Sweden: the day of birth plus 60),
 *     10 or 12 digits, with or without "-" / "+" (or a space), when the
 *     date part names a day that exists and the last digit is the Luhn
 *     check digit of the other nine, by "[personnummer]";
 *   - Swedish telephone numbers (08-123 456 78, 070-123 45 67,
 *     +46 70 123 45 67, 0701234567 …) by "[telefon]";
 *   - e-mail addresses by "[e-post]".
 *
 * The checks are what keep a case number (2026-1234), a postcode (111 22),
 * an amount (1 250 kr) or a date (2026-11-23) in the note: masking those
 * would lose what the note is for.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOTS_SCRUB_MASK_PERSONNUMMER "[personnummer]"
#define LOTS_SCRUB_MASK_PHONE        "[telefon]"
#define LOTS_SCRUB_MASK_EMAIL        "[e-post]"

typedef enum {
  LOTS_SCRUB_NONE         = 0,
  LOTS_SCRUB_PERSONNUMMER = 1 << 0,
  LOTS_SCRUB_PHONE        = 1 << 1,
  LOTS_SCRUB_EMAIL        = 1 << 2,
} LotsScrubFound;

char     *lots_scrub_text             (const char     *text,
                                       LotsScrubFound *found);
gboolean  lots_scrub_is_personnummer  (const char     *candidate);

G_END_DECLS

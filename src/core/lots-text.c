/* lots-text.c — checks on untrusted text shared by every file reader. */
#define G_LOG_DOMAIN "lots-text"

#include "config.h"

#include "lots-text.h"

#include <string.h>

#include "lots-diagnostic.h"

guint
lots_text_line_at (const char *text,
                   const char *position)
{
  guint line = 1;

  for (const char *p = text; p < position; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* A file with a NUL byte is binary; one with invalid UTF-8 names the line of
 * the first bad byte, since that is where an editor will show it. */
gboolean
lots_text_check_utf8 (const char *path,
                      const char *text,
                      gsize       length,
                      GPtrArray  *diagnostics)
{
  const char *end = NULL;

  if (memchr (text, '\0', length) != NULL)
    {
      lots_diagnostics_add (diagnostics, path, 0, LOTS_SEVERITY_ERROR,
                            "binary file (contains NUL bytes); expected UTF-8 text");
      return FALSE;
    }
  if (!g_utf8_validate_len (text, length, &end))
    {
      lots_diagnostics_add (diagnostics, path, lots_text_line_at (text, end), LOTS_SEVERITY_ERROR,
                            "not valid UTF-8 text (save the file as UTF-8)");
      return FALSE;
    }
  return TRUE;
}

/* [a-z0-9]+ joined by single '-': the form of source, area and article slugs. */
gboolean
lots_text_is_slug (const char *text)
{
  gboolean previous_dash = TRUE;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (*p == '-')
        {
          if (previous_dash)
            return FALSE;
          previous_dash = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        previous_dash = FALSE;
      else
        return FALSE;
    }
  return !previous_dash;
}

/* YYYY-MM-DD naming a day that exists. */
gboolean
lots_text_is_iso_date (const char *text)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return y >= 1900 && y <= 9999 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* A two- or three-letter ISO 639 code in lower case: sv, en, fi, ar, so, tir … */
gboolean
lots_text_is_lang (const char *text)
{
  gsize n;

  if (text == NULL)
    return FALSE;
  n = strlen (text);
  if (n < 2 || n > 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (text[i]))
      return FALSE;
  return TRUE;
}

/* lots-text.h — small checks on untrusted text shared by every file reader:
 * UTF-8 validity with the line of the first bad byte, binary detection, ids
 * and ISO dates. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lots_text_check_utf8 (const char *path,
                               const char *text,
                               gsize       length,
                               GPtrArray  *diagnostics);
guint    lots_text_line_at    (const char *text,
                               const char *position);
gboolean lots_text_is_slug    (const char *text);
gboolean lots_text_is_iso_date(const char *text);
gboolean lots_text_is_lang    (const char *text);

G_END_DECLS

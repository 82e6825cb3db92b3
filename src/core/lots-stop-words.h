/* lots-stop-words.h — the words too common to search for, per language.
 *
 * The Swedish and English lists are Snowball's (snowballstem.org), which
 * libstemmer does not ship as data. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *lots_stop_words_for_lang (const char *lang);

G_END_DECLS

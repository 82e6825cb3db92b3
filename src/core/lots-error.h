/* lots-error.h — the Lots error domain.
 *
 * Every core function that can fail fills a GError in LOTS_ERROR with a code a
 * caller can act on; the CLI maps these codes to the exit statuses of the
 * contract in one place (src/cli/lotsctl-exit.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOTS_ERROR (lots_error_quark ())

typedef enum {
  LOTS_ERROR_INVALID_CONTENT, /* a source, article, table or guide is broken */
  LOTS_ERROR_INVALID_ARGUMENT,/* a caller passed something unusable (usage) */
  LOTS_ERROR_NOT_FOUND,       /* no such article, source or file */
  LOTS_ERROR_IO,              /* reading or writing a file failed */
  LOTS_ERROR_DATABASE,        /* SQLite failed; the message keeps sqlite3_errmsg() */
  LOTS_ERROR_OFFLINE,         /* a remote could not be reached; nothing lost */
  LOTS_ERROR_BUSY,            /* another process holds the lock */
  LOTS_ERROR_REFUSED,         /* a remote answered but refused (a push rejected) */
} LotsError;

GQuark lots_error_quark (void);

G_END_DECLS

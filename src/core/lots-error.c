/* lots-error.c — the Lots error domain. */
#include "config.h"

#include "lots-error.h"

G_DEFINE_QUARK (lots-error-quark, lots_error)

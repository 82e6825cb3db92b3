/* lots-source-config.h — the git sources a workstation syncs, as configured
 * with `lotsctl source add NAME URL [--branch B] [--areas A,B]`.
 *
 * Kept in `sources.conf` (a GKeyFile) in the data directory, one group per
 * source, written atomically. Credentials are never part of it: a URL with
 * a user's password or token in it is refused; ssh uses the agent or a key
 * file, https a token from the environment or the user's git credential
 * helper (lots-source-repository.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *name;           /* [a-z0-9-]+, also the source's id in the index */
  char *url;            /* file://, git://, https://, ssh:// or user@host:path */
  char *branch;         /* default "main" */
  GStrv areas;          /* the areas it may publish to; NULL: its manifest's */
  gboolean allow_rewrite; /* accept commits that are not fast-forwards */
} LotsSourceConfig;

void       lots_source_config_free   (LotsSourceConfig *config);
gboolean   lots_source_config_validate (const LotsSourceConfig *config,
                                        const char *const      *known_areas,
                                        GError                **error);
gboolean   lots_source_config_check_url (const char *url,
                                         const char *what,
                                         GError    **error);
GPtrArray *lots_source_config_load   (const char  *data_dir,
                                      GError     **error);
gboolean   lots_source_config_save   (const char  *data_dir,
                                      GPtrArray   *configs,
                                      GError     **error);
LotsSourceConfig *lots_source_config_find (GPtrArray  *configs,
                                           const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsSourceConfig, lots_source_config_free)

G_END_DECLS

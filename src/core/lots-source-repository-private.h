/* lots-source-repository-private.h — what the core's other git code (the
 * upload of outcomes) shares with lots-source-repository.c: one way to
 * find credentials for a remote, so that a source and the outcomes remote
 * are reached alike, and the clearing of the lock files a killed process
 * leaves in a bare repository.
 */
#pragma once

#include <git2.h>
#include <glib.h>

G_BEGIN_DECLS

int _lots_git_credentials (git_credential **out,
                           const char      *url,
                           const char      *username_from_url,
                           unsigned int     allowed_types,
                           guint           *attempts);
void _lots_git_clear_stale_locks (const char      *path);

G_END_DECLS

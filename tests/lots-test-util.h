/* lots-test-util.h — sandboxes for tests, as libgit2's: each test gets its
 * own temporary folder, writes or copies its fixtures there, and removes it
 * at the end. */
#pragma once

#include <gio/gio.h>
#include <glib.h>

G_BEGIN_DECLS

char     *lots_test_sandbox_new     (void);
void      lots_test_sandbox_free    (char *sandbox);
void      lots_test_write           (const char *dir,
                                     const char *relative,
                                     const char *contents,
                                     gssize      length);
char     *lots_test_source_path     (const char *relative);
void      lots_test_write_manifest  (const char *dir,
                                     const char *source_id,
                                     const char *areas);
void      lots_test_write_article   (const char *dir,
                                     const char *relative,
                                     const char *id,
                                     const char *title,
                                     const char *area,
                                     const char *more_front_matter,
                                     const char *body);
gboolean  lots_test_run_lotsctl     (const char  *data_dir,
                                     const char * const *args,
                                     const char  *stdin_text,
                                     char       **out,
                                     char       **err,
                                     int         *exit_status);

char     *lots_test_git             (const char *dir,
                                     const char *first,
                                     ...) G_GNUC_NULL_TERMINATED;

GSubprocess *lots_test_start_git_daemon (const char *base,
                                         guint16    *port,
                                         gboolean    receive_pack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (char, lots_test_sandbox_free)

G_END_DECLS

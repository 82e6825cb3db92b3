/* lots-test-util.h — sandboxes for tests, as libgit2's: each test gets its
 * own temporary folder, writes or copies its fixtures there, and removes it
 * at the end. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *lots_test_sandbox_new     (void);
void      lots_test_sandbox_free    (char *sandbox);
void      lots_test_write           (const char *dir,
                                     const char *relative,
                                     const char *contents,
                                     gssize      length);
char     *lots_test_source_path     (const char *relative);
gboolean  lots_test_run_lotsctl     (const char  *data_dir,
                                     const char * const *args,
                                     const char  *stdin_text,
                                     char       **out,
                                     char       **err,
                                     int         *exit_status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (char, lots_test_sandbox_free)

G_END_DECLS

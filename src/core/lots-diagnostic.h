/* lots-diagnostic.h — one problem found in a source: `path:line: message`.
 *
 * Lint, the index and (later) the sync gate all report what is wrong with a
 * source as a list of diagnostics, so a publisher sees every problem at once
 * rather than the first one only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LOTS_SEVERITY_ERROR,   /* the file cannot be published */
  LOTS_SEVERITY_WARNING, /* publishable, but probably not what the author meant */
} LotsSeverity;

typedef struct {
  char *path;          /* relative to the source root, '/'-separated */
  guint line;          /* 1-based; 0 when the problem concerns the whole file */
  LotsSeverity severity;
  char *message;
} LotsDiagnostic;

LotsDiagnostic *lots_diagnostic_new    (const char   *path,
                                        guint         line,
                                        LotsSeverity  severity,
                                        const char   *message);
void            lots_diagnostic_free   (LotsDiagnostic *diagnostic);
char           *lots_diagnostic_format (const LotsDiagnostic *diagnostic,
                                        const char           *root);

/* A list of diagnostics (GPtrArray of LotsDiagnostic, owning them). */
GPtrArray *lots_diagnostics_new      (void);
void       lots_diagnostics_add      (GPtrArray    *diagnostics,
                                      const char   *path,
                                      guint         line,
                                      LotsSeverity  severity,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (5, 6);
guint      lots_diagnostics_n_errors (GPtrArray *diagnostics);
void       lots_diagnostics_sort     (GPtrArray *diagnostics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsDiagnostic, lots_diagnostic_free)

G_END_DECLS

/* lots-diagnostic.c — one problem found in a source. */
#define G_LOG_DOMAIN "lots-diagnostic"

#include "config.h"

#include "lots-diagnostic.h"

LotsDiagnostic *
lots_diagnostic_new (const char   *path,
                     guint         line,
                     LotsSeverity  severity,
                     const char   *message)
{
  LotsDiagnostic *d = g_new0 (LotsDiagnostic, 1);

  d->path = g_strdup (path ? path : "");
  d->line = line;
  d->severity = severity;
  d->message = g_strdup (message);
  return d;
}

void
lots_diagnostic_free (LotsDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;
  g_free (diagnostic->path);
  g_free (diagnostic->message);
  g_free (diagnostic);
}

/* `root/path:line: message` (warnings say so); root may be NULL. */
char *
lots_diagnostic_format (const LotsDiagnostic *d,
                        const char           *root)
{
  g_autofree char *path = NULL;
  const char *kind = d->severity == LOTS_SEVERITY_WARNING ? "warning: " : "";

  if (root != NULL && *root != '\0')
    path = *d->path ? g_build_filename (root, d->path, NULL) : g_strdup (root);
  else
    path = g_strdup (d->path);

  if (d->line > 0)
    return g_strdup_printf ("%s:%u: %s%s", path, d->line, kind, d->message);
  return g_strdup_printf ("%s: %s%s", path, kind, d->message);
}

GPtrArray *
lots_diagnostics_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) lots_diagnostic_free);
}

void
lots_diagnostics_add (GPtrArray    *diagnostics,
                      const char   *path,
                      guint         line,
                      LotsSeverity  severity,
                      const char   *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (diagnostics, lots_diagnostic_new (path, line, severity, message));
}

guint
lots_diagnostics_n_errors (GPtrArray *diagnostics)
{
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (diagnostics, i);
      if (d->severity == LOTS_SEVERITY_ERROR)
        n++;
    }
  return n;
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const LotsDiagnostic *x = *(LotsDiagnostic * const *) a;
  const LotsDiagnostic *y = *(LotsDiagnostic * const *) b;
  int c = strcmp (x->path, y->path);

  if (c != 0)
    return c;
  return (x->line > y->line) - (x->line < y->line);
}

/* Path, then line: the order a publisher reads a source in. Stable, so two
 * problems on one line keep the order they were found in. */
void
lots_diagnostics_sort (GPtrArray *diagnostics)
{
  g_ptr_array_sort (diagnostics, compare_diagnostics);
}

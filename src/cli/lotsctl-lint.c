/* lotsctl-lint.c — `lotsctl lint DIR`: every problem of a source folder as
 * `path:line: message`, exit 1 if any is an error. */
#include "config.h"

#include <stdio.h>

#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-guide-library.h"
#include "lots-source.h"
#include "lotsctl.h"

int
lotsctl_lint (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR — check a source folder");
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) known_areas = NULL;
  g_autoptr(LotsSource) source = NULL;
  g_autoptr(LotsGuideLibrary) library = NULL;
  guint n_articles, n_tables, n_guides;
  g_autoptr(GError) error = NULL;
  guint n_errors;
  int status;

  g_option_context_set_summary (context,
    "Checks a source as the index and the sync gate will: the manifest, every\n"
    "article's front matter and Markdown, data/*.csv tables, duplicate ids, and\n"
    "every guide as `lotsctl guide check` does.\n"
    "Prints each problem as path:line: message; exits 1 if any is an error.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return lotsctl_usage_error (context, "lint takes exactly one folder");

  known_areas = lots_builtin_areas (&error);
  if (known_areas == NULL)
    return lotsctl_fail (error);
  source = lots_source_load_dir (argv[1], known_areas, diagnostics, &error);
  if (source == NULL)
    return lotsctl_fail (error);

  n_articles = source->articles->len;
  n_tables = source->tables->len;
  n_guides = source->guides->len;
  /* Guides are checked as `guide check` does; the library takes the source. */
  library = lots_guide_library_new (g_steal_pointer (&source), diagnostics);
  lots_guide_library_check (library, diagnostics);
  lots_diagnostics_sort (diagnostics);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = lots_diagnostic_format (g_ptr_array_index (diagnostics, i), NULL);
      printf ("%s\n", line);
    }
  n_errors = lots_diagnostics_n_errors (diagnostics);
  fprintf (stderr, "%s: %u article(s), %u table(s), %u guide file(s); %u error(s), %u warning(s)\n",
           argv[1], n_articles, n_tables, n_guides,
           n_errors, diagnostics->len - n_errors);
  return n_errors > 0 ? LOTSCTL_EXIT_FAILED : LOTSCTL_EXIT_OK;
}

/* lotsctl-index.c — `lotsctl index DIR`: a plain folder as a draft source.
 *
 * All or nothing, like the sync gate: a folder with errors is reported and
 * not indexed, and the version indexed before keeps serving. */
#include "config.h"

#include <stdio.h>

#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-index.h"
#include "lots-source.h"
#include "lotsctl.h"

static gboolean
check_source_id (LotsIndex   *index,
                 LotsSource  *source,
                 const char  *location,
                 GError     **error)
{
  g_autoptr(GPtrArray) sources = lots_index_list_sources (index, error);

  if (sources == NULL)
    return FALSE;
  for (guint i = 0; i < sources->len; i++)
    {
      const LotsIndexedSource *s = g_ptr_array_index (sources, i);
      if (g_str_equal (s->id, source->manifest->id) && g_strcmp0 (s->location, location) != 0)
        {
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                       "source id '%s' is already used by %s (%s): give the draft its own id in lots.yaml",
                       s->id, s->location ? s->location : "another source", s->kind);
          return FALSE;
        }
    }
  return TRUE;
}

int
lotsctl_index (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR — index a plain folder as a draft source");
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) known_areas = NULL;
  g_autoptr(LotsSource) source = NULL;
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  int status;

  g_option_context_set_summary (context,
    "Checks the folder like 'lotsctl lint' and, if it has no errors, replaces\n"
    "what the index holds of its source with it, in one transaction.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return lotsctl_usage_error (context, "index takes exactly one folder");

  known_areas = lots_builtin_areas (&error);
  if (known_areas == NULL)
    return lotsctl_fail (error);
  source = lots_source_load_dir (argv[1], known_areas, diagnostics, &error);
  if (source == NULL)
    return lotsctl_fail (error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = lots_diagnostic_format (g_ptr_array_index (diagnostics, i), NULL);
      fprintf (stderr, "%s\n", line);
    }
  if (source->manifest == NULL || lots_diagnostics_n_errors (diagnostics) > 0)
    {
      fprintf (stderr, "lotsctl: %s was not indexed: fix the %u error(s) above\n",
               argv[1], lots_diagnostics_n_errors (diagnostics));
      return LOTSCTL_EXIT_FAILED;
    }

  location = g_canonicalize_filename (argv[1], NULL);
  index = lots_builtin_open_index (&error);
  if (index == NULL || !check_source_id (index, source, location, &error) ||
      !lots_index_put_source (index, source, "folder", location, &error))
    return lotsctl_fail (error);
  printf ("indexed %u article(s) of source '%s' from %s\n",
          source->articles->len, source->manifest->id, argv[1]);
  return LOTSCTL_EXIT_OK;
}

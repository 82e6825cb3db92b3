/* lotsctl-exit.c — errors to messages and exit statuses, in one place. */
#include "config.h"

#include <stdio.h>

#include "lots-error.h"
#include "lotsctl.h"

/* Prints error and returns the contract's exit status for it. */
int
lotsctl_fail (const GError *error)
{
  fprintf (stderr, "lotsctl: %s\n", error->message);
  if (error->domain == LOTS_ERROR)
    switch ((LotsError) error->code)
      {
      case LOTS_ERROR_OFFLINE:
        return LOTSCTL_EXIT_OFFLINE;
      case LOTS_ERROR_INVALID_ARGUMENT:
        return LOTSCTL_EXIT_USAGE;
      case LOTS_ERROR_INVALID_CONTENT:
      case LOTS_ERROR_NOT_FOUND:
      case LOTS_ERROR_IO:
      case LOTS_ERROR_DATABASE:
      case LOTS_ERROR_BUSY:
      case LOTS_ERROR_REFUSED:
      default:
        return LOTSCTL_EXIT_FAILED;
      }
  if (error->domain == G_OPTION_ERROR)
    return LOTSCTL_EXIT_USAGE;
  return LOTSCTL_EXIT_FAILED;
}

int
lotsctl_usage_error (GOptionContext *context,
                     const char     *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "lotsctl: %s\n", message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fprintf (stderr, "\n%s", help);
    }
  return LOTSCTL_EXIT_USAGE;
}

/* Parses a command's options; on failure sets *exit_status to the usage
 * status and returns FALSE. */
gboolean
lotsctl_parse (GOptionContext *context,
               int            *argc,
               char         ***argv,
               int            *exit_status)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  *exit_status = lotsctl_usage_error (context, "%s", error->message);
  return FALSE;
}

/* Runs the subcommand named by argv[1] of GROUP with the arguments after
 * it (its --help then names "GROUP SUBCOMMAND"); otherwise prints USAGE —
 * to stdout for --help, else to stderr with exit 2. */
int
lotsctl_dispatch (const char              *group,
                  const LotsctlSubcommand *subcommands,
                  guint                    n_subcommands,
                  const char              *usage,
                  int                      argc,
                  char                   **argv)
{
  gboolean help = argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"));

  for (guint i = 0; argc >= 2 && i < n_subcommands; i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      {
        g_autofree char *name = g_strdup_printf ("%s %s", group, argv[1]);
        argv[1] = name;
        return subcommands[i].run (argc - 1, argv + 1);
      }
  fprintf (help ? stdout : stderr, "Usage: lotsctl %s COMMAND …\n\n%s", group, usage);
  if (help)
    return LOTSCTL_EXIT_OK;
  if (argc >= 2)
    fprintf (stderr, "lotsctl %s: unknown command \"%s\"\n", group, argv[1]);
  return LOTSCTL_EXIT_USAGE;
}

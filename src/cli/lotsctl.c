/* lotsctl.c — the command line front of Lots: global options and dispatch.
 *
 *   lotsctl [--data-dir DIR] COMMAND …
 *
 * Every command answers --help. Exit statuses: 0 done, 1 the content or
 * operation failed, 2 usage error, 3 a remote could not be reached.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lots-paths.h"
#include "lotsctl.h"

static const struct {
  const char *name;
  LotsctlCommand run;
  const char *summary;
} commands[] = {
  { "index",  lotsctl_index,  "index a plain folder as a draft source" },
  { "search", lotsctl_search, "search the knowledge base, best first" },
  { "show",   lotsctl_show,   "show one article" },
  { "lint",   lotsctl_lint,   "check a source folder: path:line: message" },
  { "guide",  lotsctl_guide,  "call guides: list, run, check, test" },
  { "source", lotsctl_source, "git sources: add, list, remove" },
  { "sync",   lotsctl_sync,   "fetch, validate and index the git sources" },
  { "case",   lotsctl_case,   "the case log: log an outcome, list outcomes" },
  { "upload", lotsctl_upload, "push the queued case outcomes to the outcomes remote" },
  { "report", lotsctl_report, "statistics from the case log" },
};

static void
print_help (FILE *out)
{
  fprintf (out, "Usage: lotsctl [--data-dir DIR] COMMAND [OPTIONS…]\n\n"
                "Lots — the contact center's knowledge base, call guides and case log.\n\n"
                "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\nGlobal options:\n"
                "  --data-dir DIR   put every file Lots writes under DIR (also LOTS_DATA_DIR)\n"
                "  --version        print the version\n"
                "  -h, --help       show this help\n\n"
                "Run 'lotsctl COMMAND --help' for a command's options.\n"
                "Exit status: 0 done, 1 the content or operation failed, 2 usage error,\n"
                "3 a remote could not be reached (nothing lost, try later).\n");
}

int
main (int    argc,
      char **argv)
{
  int i = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          return LOTSCTL_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("lotsctl %s\n", PACKAGE_VERSION);
          return LOTSCTL_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--data-dir"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            {
              fprintf (stderr, "lotsctl: --data-dir needs a directory\n");
              return LOTSCTL_EXIT_USAGE;
            }
          lots_paths_set_data_dir (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--data-dir="))
        {
          if (argv[i][strlen ("--data-dir=")] == '\0')
            {
              fprintf (stderr, "lotsctl: --data-dir needs a directory\n");
              return LOTSCTL_EXIT_USAGE;
            }
          lots_paths_set_data_dir (argv[i] + strlen ("--data-dir="));
        }
      else
        {
          fprintf (stderr, "lotsctl: unknown option '%s'\n\n", argv[i]);
          print_help (stderr);
          return LOTSCTL_EXIT_USAGE;
        }
    }

  if (i >= argc)
    {
      fprintf (stderr, "lotsctl: no command given\n\n");
      print_help (stderr);
      return LOTSCTL_EXIT_USAGE;
    }
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (argc - i, argv + i);

  fprintf (stderr, "lotsctl: unknown command '%s'\n\n", argv[i]);
  print_help (stderr);
  return LOTSCTL_EXIT_USAGE;
}

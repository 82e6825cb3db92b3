/* lotsctl.h — what the command files of lotsctl share.
 *
 * Each command group lives in its own file (lotsctl-search.c, …) and is a
 * function taking the arguments after the command name. Exit statuses are
 * the contract's and are decided in one place, lotsctl-exit.c.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  LOTSCTL_EXIT_OK = 0,       /* done */
  LOTSCTL_EXIT_FAILED = 1,   /* the content or operation failed */
  LOTSCTL_EXIT_USAGE = 2,    /* usage error */
  LOTSCTL_EXIT_OFFLINE = 3,  /* a remote could not be reached; nothing lost */
} LotsctlExit;

typedef int (*LotsctlCommand) (int argc, char **argv);

int  lotsctl_index   (int argc, char **argv);
int  lotsctl_search  (int argc, char **argv);
int  lotsctl_show    (int argc, char **argv);
int  lotsctl_lint    (int argc, char **argv);
int  lotsctl_guide   (int argc, char **argv);
int  lotsctl_source  (int argc, char **argv);
int  lotsctl_sync    (int argc, char **argv);
int  lotsctl_case    (int argc, char **argv);
int  lotsctl_report  (int argc, char **argv);
int  lotsctl_upload  (int argc, char **argv);

/* A command group's subcommands ("guide run", "source add", …). */
typedef struct {
  const char *name;
  LotsctlCommand run;
} LotsctlSubcommand;

/* lotsctl-exit.c */
int  lotsctl_dispatch      (const char              *group,
                            const LotsctlSubcommand *subcommands,
                            guint                    n_subcommands,
                            const char              *usage,
                            int                      argc,
                            char                   **argv);
int  lotsctl_fail          (const GError *error);
int  lotsctl_usage_error   (GOptionContext *context,
                            const char     *format,
                            ...) G_GNUC_PRINTF (2, 3);
gboolean lotsctl_parse     (GOptionContext *context,
                            int            *argc,
                            char         ***argv,
                            int            *exit_status);

/* lotsctl-output.c */
void lotsctl_print_json    (JsonBuilder *builder);
void lotsctl_json_add_string (JsonBuilder *builder,
                              const char  *member,
                              const char  *value);
void lotsctl_json_add_strv   (JsonBuilder *builder,
                              const char  *member,
                              GStrv        values);

G_END_DECLS

/* lotsctl-case.c — `lotsctl case log` and `lotsctl case list`: the case
 * log as scripts and the terminal use it.
 *
 * `case log` prints the new outcome's id only after the journal has it on
 * disk, and exits 0 only then: a script that saw the id may forget the
 * outcome. Every field is an option; the handler and workstation ids come
 * from lots.conf (lots-workstation.h), never from the command line, so a
 * script cannot log in another handler's name by mistake.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lots-caselog.h"
#include "lots-error.h"
#include "lots-workstation.h"
#include "lotsctl.h"

typedef struct {
  char *area;
  char *channel;
  char *resolved;
  char *category;
  char *referred_to;
  gboolean acute;
  char *complaint_to;
  char *lang;
  char *guide;
  char *guide_commit;
  char *note;
  char *started;
  char *path;
  char **articles;
  gboolean json;
} LogArgs;

static void
log_args_clear (LogArgs *args)
{
  g_free (args->area);
  g_free (args->channel);
  g_free (args->resolved);
  g_free (args->category);
  g_free (args->referred_to);
  g_free (args->complaint_to);
  g_free (args->lang);
  g_free (args->guide);
  g_free (args->guide_commit);
  g_free (args->note);
  g_free (args->started);
  g_free (args->path);
  g_strfreev (args->articles);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LogArgs, log_args_clear)

/* ISO 8601 date and time ("2026-11-23T09:41", a space instead of the T,
 * with or without seconds and offset; local time without an offset) or a
 * date alone (its midnight, local time) to Unix seconds. */
static gboolean
parse_time (const char *text,
            gint64     *result)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = g_strdup (text);
  char *space = strchr (iso, ' ');

  if (space != NULL)
    *space = 'T';
  /* GLib wants the seconds; people type minutes. */
  if (strlen (iso) == 10)
    {
      g_autofree char *midnight = g_strconcat (iso, "T00:00:00", NULL);
      parsed = g_date_time_new_from_iso8601 (midnight, local);
    }
  else if (strlen (iso) == 16)
    {
      g_autofree char *with_seconds = g_strconcat (iso, ":00", NULL);
      parsed = g_date_time_new_from_iso8601 (with_seconds, local);
    }
  else
    parsed = g_date_time_new_from_iso8601 (iso, local);
  if (parsed == NULL)
    return FALSE;
  *result = g_date_time_to_unix (parsed);
  return TRUE;
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *result)
{
  if (g_str_equal (text, "yes") || g_str_equal (text, "ja"))
    *result = TRUE;
  else if (g_str_equal (text, "no") || g_str_equal (text, "nej"))
    *result = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* --path a,b,c and --article ID[@COMMIT] into the case. */
static void
add_path_and_articles (LotsCase      *outcome,
                       const LogArgs *args)
{
  if (args->path != NULL && args->path[0] != '\0')
    {
      g_auto(GStrv) steps = g_strsplit (args->path, ",", -1);
      for (guint i = 0; steps[i] != NULL; i++)
        lots_case_add_step (outcome, g_strstrip (steps[i]));
    }
  for (guint i = 0; args->articles != NULL && args->articles[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (args->articles[i], "@", 2);
      lots_case_add_article (outcome, parts[0], parts[1]);
    }
}

/* The required options, each with what it takes, in the order a person
 * reads the usage line. */
static int
check_required (GOptionContext *context,
                const LogArgs  *args)
{
  g_autofree char *channels = g_strjoinv (", ", (char **) lots_case_channels);

  if (args->area == NULL)
    return lotsctl_usage_error (context, "case log needs --area AREA (a service area such as aldre or social)");
  if (args->channel == NULL)
    return lotsctl_usage_error (context, "case log needs --channel CHANNEL (one of: %s)", channels);
  if (args->resolved == NULL)
    return lotsctl_usage_error (context, "case log needs --resolved yes|no (answered at the first contact?)");
  return LOTSCTL_EXIT_OK;
}

static int
case_log (int    argc,
          char **argv)
{
  g_auto(LogArgs) args = { 0 };
  GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_STRING, &args.area, "The service area (required)", "AREA" },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &args.channel, "telefon, e-post, brev, besök or chatt (required)", "CHANNEL" },
    { "resolved", 0, 0, G_OPTION_ARG_STRING, &args.resolved, "Answered at the first contact (required)", "yes|no" },
    { "category", 0, 0, G_OPTION_ARG_STRING, &args.category, "What the contact was about, e.g. orosanmalan", "CATEGORY" },
    { "referred-to", 0, 0, G_OPTION_ARG_STRING, &args.referred_to, "The unit the caller was referred to", "UNIT" },
    { "acute", 0, 0, G_OPTION_ARG_NONE, &args.acute, "The case was acute", NULL },
    { "complaint-to", 0, 0, G_OPTION_ARG_STRING, &args.complaint_to, "A complaint or suggestion forwarded to this administration", "ADMIN" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &args.lang, "The language of the contact (default sv)", "LANG" },
    { "guide", 0, 0, G_OPTION_ARG_STRING, &args.guide, "The call guide used", "ID" },
    { "guide-commit", 0, 0, G_OPTION_ARG_STRING, &args.guide_commit, "The revision of the guide used", "REV" },
    { "path", 0, 0, G_OPTION_ARG_STRING, &args.path, "The guide's steps taken, in order", "A,B,C" },
    { "article", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.articles, "An article opened, and the revision read (repeatable)", "ID[@REV]" },
    /* FILENAME: the bytes as given, so that a note that is not UTF-8 gets
     * the journal's own message naming the field, not GOption's. */
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &args.note, "A short note (identity numbers, phone numbers and e-mail addresses are masked)", "TEXT" },
    { "started", 0, 0, G_OPTION_ARG_STRING, &args.started, "When the contact started (ISO 8601; default now)", "TIME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json, "Print {\"id\": …}", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— log how a case ended");
  g_autoptr(LotsWorkstation) workstation = NULL;
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(LotsCase) outcome = lots_case_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Writes one outcome to the case log and prints its id once it is on disk.\n"
    "The handler and workstation ids come from lots.conf in the data directory.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return lotsctl_usage_error (context, "unexpected argument '%s' (a note goes in --note)", argv[1]);
  if ((status = check_required (context, &args)) != LOTSCTL_EXIT_OK)
    return status;
  if (!parse_yes_no (args.resolved, &outcome->resolved))
    return lotsctl_usage_error (context, "--resolved takes yes or no, not '%s'", args.resolved);
  if (args.started != NULL && !parse_time (args.started, &outcome->started_at))
    return lotsctl_usage_error (context, "--started takes an ISO 8601 time such as 2026-11-23T09:41, not '%s'",
                                args.started);

  outcome->area = g_strdup (args.area);
  outcome->channel = g_strdup (args.channel);
  outcome->category = g_strdup (args.category);
  outcome->referred_to = g_strdup (args.referred_to);
  outcome->acute = args.acute;
  outcome->complaint_to = g_strdup (args.complaint_to);
  outcome->lang = g_strdup (args.lang);
  outcome->guide = g_strdup (args.guide);
  outcome->guide_commit = g_strdup (args.guide_commit);
  outcome->note = g_strdup (args.note);
  add_path_and_articles (outcome, &args);

  workstation = lots_workstation_load (&error);
  if (workstation == NULL)
    return lotsctl_fail (error);
  outcome->handler = g_strdup (workstation->handler_id);
  outcome->workstation = g_strdup (workstation->workstation_id);

  log = lots_caselog_open_default (&error);
  if (log == NULL || !lots_caselog_add (log, outcome, &error))
    return lotsctl_fail (error);

  if (args.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      lotsctl_json_add_string (b, "id", outcome->id);
      json_builder_end_object (b);
      lotsctl_print_json (b);
    }
  else
    printf ("%s\n", outcome->id);
  return fflush (stdout) == 0 ? LOTSCTL_EXIT_OK : LOTSCTL_EXIT_FAILED;
}

static char *
format_time (gint64 t)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (t);

  return g_date_time_format_iso8601 (local);
}

static void
print_case_json (const LotsCase *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *started = format_time (c->started_at);
  g_autofree char *ended = format_time (c->ended_at);

  json_builder_begin_object (b);
  lotsctl_json_add_string (b, "id", c->id);
  lotsctl_json_add_string (b, "started", started);
  lotsctl_json_add_string (b, "ended", ended);
  lotsctl_json_add_string (b, "week", c->week);
  lotsctl_json_add_string (b, "channel", c->channel);
  lotsctl_json_add_string (b, "lang", c->lang);
  lotsctl_json_add_string (b, "area", c->area);
  lotsctl_json_add_string (b, "category", c->category);
  lotsctl_json_add_string (b, "guide", c->guide);
  lotsctl_json_add_string (b, "guide_commit", c->guide_commit);
  json_builder_set_member_name (b, "path");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->path->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (c->path, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->articles->len; i++)
    {
      const LotsCaseArticle *article = g_ptr_array_index (c->articles, i);
      json_builder_begin_object (b);
      lotsctl_json_add_string (b, "id", article->id);
      lotsctl_json_add_string (b, "commit", article->commit);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "resolved");
  json_builder_add_boolean_value (b, c->resolved);
  lotsctl_json_add_string (b, "referred_to", c->referred_to);
  json_builder_set_member_name (b, "acute");
  json_builder_add_boolean_value (b, c->acute);
  lotsctl_json_add_string (b, "complaint_to", c->complaint_to);
  lotsctl_json_add_string (b, "note", c->note);
  lotsctl_json_add_string (b, "handler", c->handler);
  lotsctl_json_add_string (b, "workstation", c->workstation);
  lotsctl_json_add_string (b, "batch", c->batch);
  json_builder_end_object (b);
  lotsctl_print_json (b);
}

static void
print_case_text (const LotsCase *c)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (c->started_at);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

  printf ("%s  %-7s  %-20s  %s%s%s%s%s%s\n", when, c->channel, c->area,
          c->resolved ? "resolved" : "not resolved",
          c->acute ? ", ACUTE" : "",
          c->referred_to ? ", referred to " : "", c->referred_to ? c->referred_to : "",
          c->complaint_to ? ", complaint to " : "", c->complaint_to ? c->complaint_to : "");
  printf ("    %s%s%s\n", c->id, c->guide ? "  guide " : "", c->guide ? c->guide : "");
  if (c->note != NULL)
    printf ("    %s\n", c->note);
}

static int
case_list (int    argc,
           char **argv)
{
  char *since_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text, "Only cases started on or after DATE (YYYY-MM-DD or ISO 8601)", "DATE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "One JSON object per case line", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— list the logged cases, oldest first");
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = 0;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!lotsctl_parse (context, &argc, &argv, &status))
    goto out;
  if (argc > 1)
    {
      status = lotsctl_usage_error (context, "unexpected argument '%s'", argv[1]);
      goto out;
    }
  if (since_text != NULL && !parse_time (since_text, &since))
    {
      status = lotsctl_usage_error (context, "--since takes a date such as 2026-11-01, not '%s'", since_text);
      goto out;
    }
  log = lots_caselog_open_default (&error);
  cases = log != NULL ? lots_caselog_list (log, since, &error) : NULL;
  if (cases == NULL)
    {
      status = lotsctl_fail (error);
      goto out;
    }
  for (guint i = 0; i < cases->len; i++)
    if (json)
      print_case_json (g_ptr_array_index (cases, i));
    else
      print_case_text (g_ptr_array_index (cases, i));
  if (!json && cases->len == 0)
    printf ("No cases logged%s.\n", since_text ? " since then" : "");
  status = LOTSCTL_EXIT_OK;

out:
  g_free (since_text);
  return status;
}

int
lotsctl_case (int    argc,
              char **argv)
{
  static const LotsctlSubcommand subcommands[] = {
    { "log", case_log },
    { "list", case_list },
  };

  return lotsctl_dispatch ("case", subcommands, G_N_ELEMENTS (subcommands),
                           "  log --area A --channel C --resolved yes|no [OPTIONS…]   log how a case ended\n"
                           "  list [--since DATE] [--json]                             list the logged cases\n\n"
                           "Run 'lotsctl case log --help' for every field.\n",
                           argc, argv);
}

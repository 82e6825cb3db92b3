/* lotsctl-report.c — `lotsctl report`: statistics from the local case log,
 * as text for a person, one JSON object or CSV sections for a spreadsheet.
 * With --remote, the same statistics, content gaps included, over every
 * workstation's branch of the outcomes remote (each outcome and each
 * search once); exit 3 when it is out of reach.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lots-caselog.h"
#include "lots-report.h"
#include "lots-upload.h"
#include "lotsctl.h"

/* YYYY-MM-DD (local midnight) or an ISO 8601 time to Unix seconds. */
static gboolean
parse_since (const char *text,
             gint64     *result)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;

  if (strlen (text) == 10)
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00", NULL);
      parsed = g_date_time_new_from_iso8601 (midnight, local);
    }
  else
    parsed = g_date_time_new_from_iso8601 (text, local);
  if (parsed == NULL)
    return FALSE;
  *result = g_date_time_to_unix (parsed);
  return TRUE;
}

int
lotsctl_report (int    argc,
                char **argv)
{
  char *since_text = NULL;
  gboolean json = FALSE, csv = FALSE, remote = FALSE;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text,
      "Only outcomes started, and searches made, on or after DATE (YYYY-MM-DD)", "DATE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "One JSON object", NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, "CSV sections, each with its own header row", NULL },
    { "remote", 0, 0, G_OPTION_ARG_NONE, &remote,
      "Over every workstation's branch of the outcomes remote, not the local log", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— statistics from the case log");
  g_autoptr(LotsCaselog) log = NULL;
  g_autoptr(LotsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = 0;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Contacts per area, ISO week and channel; first-contact resolution overall\n"
    "and per area against the 70 % goal; referrals; acute cases; complaints\n"
    "forwarded; calls through each guide step; and the content gaps: searches\n"
    "that found nothing, per area and query. --remote covers what every\n"
    "workstation has uploaded, content gaps included.");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    goto out;
  if (argc > 1)
    {
      status = lotsctl_usage_error (context, "unexpected argument '%s'", argv[1]);
      goto out;
    }
  if (json && csv)
    {
      status = lotsctl_usage_error (context, "give either --json or --csv, not both");
      goto out;
    }
  if (since_text != NULL && !parse_since (since_text, &since))
    {
      status = lotsctl_usage_error (context, "--since takes a date such as 2026-11-01, not '%s'", since_text);
      goto out;
    }
  if (remote)
    {
      report = lots_report_new (since);
      if (!lots_upload_scan_remote_full (since, lots_report_add_row, lots_report_add_empty_search, report, NULL,
                                         &error))
        g_clear_pointer (&report, lots_report_free);
    }
  else
    {
      log = lots_caselog_open_default (&error);
      report = log != NULL ? lots_report_build (log, since, &error) : NULL;
    }
  if (report == NULL)
    {
      status = lotsctl_fail (error);
      goto out;
    }
  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = lots_report_to_json (report);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }
  else
    {
      g_autofree char *text = csv ? lots_report_to_csv (report) : lots_report_to_text (report);
      fputs (text, stdout);
    }
  status = LOTSCTL_EXIT_OK;

out:
  g_free (since_text);
  return status;
}

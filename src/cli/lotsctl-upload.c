/* lotsctl-upload.c — `lotsctl upload [--remote URL] [--json]`: push the
 * outcomes and the searches that found nothing not uploaded yet to this
 * workstation's branch of the outcomes remote (lots-upload.h).
 *
 * --remote stores the remote in lots.conf (once is enough) and uploads.
 * Progress goes to stderr, the summary to stdout (with --json one object).
 * Exit status: 0 done (also when nothing was queued), 1 the remote refused
 * the push, 2 no remote configured, 3 the remote could not be reached —
 * in both failures every outcome stays queued for the next run.
 */
#include "config.h"

#include <stdio.h>

#include "lots-upload.h"
#include "lotsctl.h"

typedef struct {
  char *stage;
} Progress;

static void
on_progress (const char *stage,
             guint       done,
             guint       total,
             gpointer    user_data)
{
  Progress *progress = user_data;

  if (g_strcmp0 (progress->stage, stage) == 0)
    return;
  g_free (progress->stage);
  progress->stage = g_strdup (stage);
  if (g_str_equal (stage, "stage"))
    fprintf (stderr, "upload: putting the queued outcomes and searches into batches…\n");
  else if (g_str_equal (stage, "fetch"))
    fprintf (stderr, "upload: fetching the branch from the outcomes remote…\n");
  else if (g_str_equal (stage, "push"))
    fprintf (stderr, "upload: pushing…\n");
  else if (g_str_equal (stage, "mark"))
    fprintf (stderr, "upload: pushed (%u batch(es)); marking them uploaded…\n", total);
  (void) done;
}

static void
print_result (const LotsUploadResult *result,
              gboolean                json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      lotsctl_json_add_string (b, "branch", result->branch);
      lotsctl_json_add_string (b, "commit", result->commit);
      json_builder_set_member_name (b, "batches_pushed");
      json_builder_add_int_value (b, result->batches_pushed);
      json_builder_set_member_name (b, "outcomes_uploaded");
      json_builder_add_int_value (b, result->outcomes_uploaded);
      json_builder_set_member_name (b, "searches_uploaded");
      json_builder_add_int_value (b, result->searches_uploaded);
      json_builder_set_member_name (b, "batches_already");
      json_builder_add_int_value (b, result->batches_already);
      json_builder_set_member_name (b, "outcomes_already");
      json_builder_add_int_value (b, result->outcomes_already);
      json_builder_set_member_name (b, "searches_already");
      json_builder_add_int_value (b, result->searches_already);
      json_builder_set_member_name (b, "removed");
      json_builder_add_int_value (b, result->removed);
      json_builder_end_object (b);
      lotsctl_print_json (b);
      return;
    }
  if (result->batches_pushed == 0 && result->batches_already == 0)
    printf ("%s: nothing to upload\n", result->branch);
  else
    printf ("%s: %u batch(es) pushed with %u outcome(s) and %u search(es) that found nothing; "
            "%u batch(es) with %u outcome(s) and %u search(es) were on the remote already\n",
            result->branch, result->batches_pushed, result->outcomes_uploaded, result->searches_uploaded,
            result->batches_already, result->outcomes_already, result->searches_already);
  if (result->removed > 0)
    printf ("%u uploaded outcome(s) and search(es) past the retention period removed\n", result->removed);
}

int
lotsctl_upload (int    argc,
                char **argv)
{
  char *remote = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "remote", 0, 0, G_OPTION_ARG_STRING, &remote,
      "Store URL as the outcomes remote (in lots.conf), then upload", "URL" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "The summary as one JSON object", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— push the queued case outcomes");
  g_auto(LotsUploadResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  Progress progress = { NULL };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Pushes every outcome not uploaded yet, and every search that found\n"
    "nothing (the content gaps for the report), as NDJSON batch files to this\n"
    "workstation's branch cases/WORKSTATION of the outcomes remote. Safe to\n"
    "interrupt and run again: nothing is lost or sent twice.\n"
    "Exit status: 0 done, 1 the remote refused the push, 2 usage or no remote\n"
    "configured, 3 the remote could not be reached (all stays queued).");
  if (!lotsctl_parse (context, &argc, &argv, &status))
    goto out;
  if (argc > 1)
    {
      status = lotsctl_usage_error (context, "unexpected argument '%s'", argv[1]);
      goto out;
    }
  if ((remote != NULL && !lots_upload_set_remote (remote, &error)) ||
      !lots_upload_run (on_progress, &progress, &result, &error))
    {
      status = lotsctl_fail (error);
      goto out;
    }
  print_result (&result, json);
  status = LOTSCTL_EXIT_OK;

out:
  g_free (progress.stage);
  g_free (remote);
  return status;
}

/* lots-guide-check.c — static checks of a guide's step graph (see the header).
 *
 * The graph is the one the loader read: choices' go, next, and leads_to for
 * a next that is a function. Host calls with a literal argument
 * (lookup "tabell", unit "id", article "id" …) are found in the file's text
 * with a pattern, so a misspelt table is reported with its line before any
 * call takes that branch; calls with computed arguments are checked when
 * they run.
 */
#define G_LOG_DOMAIN "lots-guide-check"

#include "config.h"

#include "lots-guide-check.h"

#include <string.h>

#include "lots-diagnostic.h"

static void
check_targets (const LotsGuide *guide,
               GPtrArray       *diagnostics)
{
  GPtrArray *steps = lots_guide_get_steps (guide);
  const char *path = lots_guide_get_path (guide);

  if (lots_guide_get_start (guide) != NULL && lots_guide_find_step (guide, lots_guide_get_start (guide)) == NULL)
    lots_diagnostics_add (diagnostics, path, lots_guide_get_line (guide), LOTS_SEVERITY_ERROR,
                          "guide: start \"%s\" names no step", lots_guide_get_start (guide));
  for (guint i = 0; i < steps->len; i++)
    {
      const LotsGuideStep *step = g_ptr_array_index (steps, i);

      for (guint c = 0; c < step->choices->len; c++)
        {
          const LotsGuideChoice *choice = g_ptr_array_index (step->choices, c);
          if (choice->go != NULL && lots_guide_find_step (guide, choice->go) == NULL)
            lots_diagnostics_add (diagnostics, path, step->line, LOTS_SEVERITY_ERROR,
                                  "step \"%s\": choice %u goes to \"%s\", which names no step", step->id,
                                  choice->index, choice->go);
        }
      if (step->next != NULL && lots_guide_find_step (guide, step->next) == NULL)
        lots_diagnostics_add (diagnostics, path, step->line, LOTS_SEVERITY_ERROR,
                              "step \"%s\": next \"%s\" names no step", step->id, step->next);
      for (guint t = 0; step->leads_to && step->leads_to[t]; t++)
        if (lots_guide_find_step (guide, step->leads_to[t]) == NULL)
          lots_diagnostics_add (diagnostics, path, step->line, LOTS_SEVERITY_ERROR,
                                "step \"%s\": leads_to \"%s\" names no step", step->id, step->leads_to[t]);
    }
}

static gboolean
step_ends (const LotsGuideStep *step)
{
  if (step->finishes)
    return TRUE;
  for (guint c = 0; c < step->choices->len; c++)
    if (((const LotsGuideChoice *) g_ptr_array_index (step->choices, c))->finishes)
      return TRUE;
  return FALSE;
}

/* Unreachable steps (forward from start) and steps from which no call can
 * finish (backward from the steps that end it). */
static void
check_reachability (const LotsGuide *guide,
                    GPtrArray       *diagnostics)
{
  GPtrArray *steps = lots_guide_get_steps (guide);
  const char *path = lots_guide_get_path (guide);
  g_autoptr(GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) can_end = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  gboolean changed = TRUE;

  if (lots_guide_find_step (guide, lots_guide_get_start (guide)) == NULL)
    return;
  g_ptr_array_add (queue, (gpointer) lots_guide_find_step (guide, lots_guide_get_start (guide)));
  g_hash_table_add (reached, (gpointer) lots_guide_get_start (guide));
  while (queue->len > 0)
    {
      const LotsGuideStep *step = g_ptr_array_steal_index (queue, queue->len - 1);
      g_autoptr(GPtrArray) targets = lots_guide_step_targets (step);

      for (guint t = 0; t < targets->len; t++)
        {
          const LotsGuideStep *next = lots_guide_find_step (guide, targets->pdata[t]);
          if (next != NULL && !g_hash_table_contains (reached, next->id))
            {
              g_hash_table_add (reached, next->id);
              g_ptr_array_add (queue, (gpointer) next);
            }
        }
    }

  for (guint i = 0; i < steps->len; i++)
    if (step_ends (g_ptr_array_index (steps, i)))
      g_hash_table_add (can_end, ((LotsGuideStep *) g_ptr_array_index (steps, i))->id);
  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < steps->len; i++)
        {
          const LotsGuideStep *step = g_ptr_array_index (steps, i);
          g_autoptr(GPtrArray) targets = NULL;

          if (g_hash_table_contains (can_end, step->id))
            continue;
          targets = lots_guide_step_targets (step);
          for (guint t = 0; t < targets->len; t++)
            if (g_hash_table_contains (can_end, targets->pdata[t]))
              {
                g_hash_table_add (can_end, step->id);
                changed = TRUE;
                break;
              }
        }
    }

  for (guint i = 0; i < steps->len; i++)
    {
      const LotsGuideStep *step = g_ptr_array_index (steps, i);
      g_autoptr(GPtrArray) targets = lots_guide_step_targets (step);

      if (!g_hash_table_contains (reached, step->id))
        lots_diagnostics_add (diagnostics, path, step->line, LOTS_SEVERITY_ERROR,
                              "step \"%s\" cannot be reached from the start", step->id);
      else if (targets->len == 0 && !step_ends (step))
        lots_diagnostics_add (diagnostics, path, step->line, LOTS_SEVERITY_ERROR,
                              "step \"%s\" has no way out: give it next, choices or finish", step->id);
      else if (!g_hash_table_contains (can_end, step->id))
        lots_diagnostics_add (diagnostics, path, step->line, LOTS_SEVERITY_ERROR,
                              "step \"%s\" has no way out: no call that reaches it can ever finish", step->id);
    }
}

static gboolean
unit_exists (LotsGuideHost *host,
             const char    *unit)
{
  const LotsTable *units = lots_guide_host_get_table (host, LOTS_GUIDE_UNITS_TABLE);

  return units != NULL && lots_table_lookup (units, units->columns[0], unit, units->columns[0]) != NULL;
}

static void
check_static_fields (const LotsGuide *guide,
                     GPtrArray       *diagnostics)
{
  GPtrArray *steps = lots_guide_get_steps (guide);
  LotsGuideHost *host = lots_guide_get_host (guide);

  for (guint i = 0; i < steps->len; i++)
    {
      const LotsGuideStep *step = g_ptr_array_index (steps, i);

      if (step->article != NULL && !lots_guide_host_has_article (host, step->article, NULL))
        lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), step->line, LOTS_SEVERITY_ERROR,
                              "step \"%s\": article \"%s\" does not exist", step->id, step->article);
      if (step->refer != NULL && !unit_exists (host, step->refer))
        lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), step->line, LOTS_SEVERITY_ERROR,
                              "step \"%s\": refer names the unit \"%s\", which data/" LOTS_GUIDE_UNITS_TABLE
                              ".csv does not have", step->id, step->refer);
    }
}

static guint
line_at (const char *text,
         gint        offset)
{
  guint line = 1;

  for (gint i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;
  return line;
}

/* Whether OFFSET is inside a -- comment on its line. */
static gboolean
in_comment (const char *text,
            gint        offset)
{
  gint start = offset;

  while (start > 0 && text[start - 1] != '\n')
    start--;
  for (gint i = start; i + 1 < offset; i++)
    if (text[i] == '-' && text[i + 1] == '-')
      return TRUE;
  return FALSE;
}

static void
check_host_calls (const LotsGuide *guide,
                  GPtrArray       *diagnostics)
{
  static GRegex *calls;
  LotsGuideHost *host = lots_guide_get_host (guide);
  g_autofree char *text = g_strndup (g_bytes_get_data (lots_guide_get_text (guide), NULL),
                                     g_bytes_get_size (lots_guide_get_text (guide)));
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&calls))
    g_once_init_leave (&calls, g_regex_new ("\\b(lookup|unit|open_now|next_open|article)\\s*\\(?\\s*"
                                            "([\"'])([^\"'\\n]*)\\2", G_REGEX_OPTIMIZE, 0, NULL));
  g_regex_match (calls, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *function = g_match_info_fetch (match, 1);
      g_autofree char *argument = g_match_info_fetch (match, 3);
      gint start = 0;
      guint line;

      g_match_info_fetch_pos (match, 0, &start, NULL);
      if (in_comment (text, start))
        continue;
      line = line_at (text, start);
      if (g_str_equal (function, "lookup") && lots_guide_host_get_table (host, argument) == NULL)
        lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), line, LOTS_SEVERITY_ERROR,
                              "lookup: there is no data table data/%s.csv in this source", argument);
      else if (g_str_equal (function, "article") && !lots_guide_host_has_article (host, argument, NULL))
        lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), line, LOTS_SEVERITY_ERROR,
                              "article \"%s\" does not exist", argument);
      else if ((g_str_equal (function, "unit") || g_str_equal (function, "open_now") ||
                g_str_equal (function, "next_open")) && !unit_exists (host, argument))
        lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), line, LOTS_SEVERITY_ERROR,
                              "%s: there is no unit \"%s\" in data/" LOTS_GUIDE_UNITS_TABLE ".csv", function,
                              argument);
    }
}

/* Adds every problem of GUIDE to DIAGNOSTICS. AREAS, when given, are the
 * areas its source may publish to. */
void
lots_guide_check (const LotsGuide   *guide,
                  const char *const *areas,
                  GPtrArray         *diagnostics)
{
  g_return_if_fail (guide != NULL && diagnostics != NULL);

  if (lots_guide_is_module (guide))
    return;
  if (areas != NULL && lots_guide_get_area (guide) != NULL && !g_strv_contains (areas, lots_guide_get_area (guide)))
    lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), lots_guide_get_line (guide), LOTS_SEVERITY_ERROR,
                          "guide: area \"%s\" is not one of the source's areas", lots_guide_get_area (guide));
  if (lots_guide_get_id (guide) != NULL && lots_guide_get_area (guide) != NULL &&
      !(g_str_has_prefix (lots_guide_get_id (guide), lots_guide_get_area (guide)) &&
        lots_guide_get_id (guide)[strlen (lots_guide_get_area (guide))] == '/'))
    lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), lots_guide_get_line (guide), LOTS_SEVERITY_ERROR,
                          "guide: id \"%s\" must start with its area, \"%s/\"", lots_guide_get_id (guide),
                          lots_guide_get_area (guide));
  check_targets (guide, diagnostics);
  check_reachability (guide, diagnostics);
  check_static_fields (guide, diagnostics);
  check_host_calls (guide, diagnostics);
}

/* test-area.c — the service areas of an areas.yaml (lots-area.c): the
 * built-in list the contract fixes, and mistakes in a list at their lines.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-area.h"
#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-test-util.h"

static GPtrArray *
parse (const char *text,
       GPtrArray  *diagnostics)
{
  GPtrArray *areas = lots_areas_parse ("areas.yaml", text, strlen (text), diagnostics);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = lots_diagnostic_format (g_ptr_array_index (diagnostics, i), NULL);
      g_test_message ("%s", line);
    }
  g_assert_nonnull (areas);
  return areas;
}

/* The ids the contract names, in knowledge/areas.yaml. */
static void
test_builtin_areas (void)
{
  const char *ids[] = { "aldre", "forskola", "skola", "funktionsnedsattning", "overformyndare",
                        "social", "parkering", "samhallsbyggnad", "etjanster", "allmant" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = lots_builtin_areas (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const LotsArea *area = lots_areas_find (areas, ids[i]);
      g_assert_nonnull (area);
      g_assert_nonnull (area->title);
      g_assert_nonnull (area->title_en);
    }
  g_assert_cmpstr (lots_areas_find (areas, "aldre")->title, ==, "Äldre direkt");
  g_assert_null (lots_areas_find (areas, "skolan"));
  g_assert_null (lots_areas_find (areas, NULL));
  g_assert_null (lots_areas_find (NULL, "aldre"));
}

static void
test_mistakes (void)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) areas = parse ("- id: aldre\n  title: Äldre\n"
                                      "- id: Äldre\n  title: Fel\n"
                                      "- title: Utan id\n"
                                      "- id: skola\n"
                                      "- id: aldre\n  title: Igen\n"
                                      "- bara text\n"
                                      "- id: social\n  title: Social\n", diagnostics);
  const guint lines[] = { 3, 5, 6, 7, 9 };

  /* The valid ones are kept, each mistake is reported at its item. */
  g_assert_cmpuint (areas->len, ==, 2);
  g_assert_nonnull (lots_areas_find (areas, "social"));
  g_assert_cmpuint (diagnostics->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_assert_cmpint (d->severity, ==, LOTS_SEVERITY_ERROR);
      g_assert_cmpuint (d->line, ==, lines[i]);
    }
  g_assert_nonnull (strstr (((LotsDiagnostic *) g_ptr_array_index (diagnostics, 2))->message, "no title"));
  g_assert_nonnull (strstr (((LotsDiagnostic *) g_ptr_array_index (diagnostics, 3))->message, "defined twice"));
}

static void
test_not_a_list (void)
{
  g_autoptr(GPtrArray) diagnostics = lots_diagnostics_new ();
  g_autoptr(GPtrArray) areas = parse ("aldre: Äldre\n", diagnostics);

  g_assert_cmpuint (areas->len, ==, 0);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (((LotsDiagnostic *) g_ptr_array_index (diagnostics, 0))->line, ==, 1);
}

static void
test_load_file_errors (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *broken = g_build_filename (sandbox, "areas.yaml", NULL);
  g_autofree char *missing = g_build_filename (sandbox, "saknas.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = NULL;

  lots_test_write (sandbox, "areas.yaml", "- id: aldre\n  title: Äldre\n- id: aldre\n  title: Igen\n", -1);
  areas = lots_areas_load_file (broken, &error);
  g_assert_null (areas);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, ":3:"));

  g_clear_error (&error);
  areas = lots_areas_load_file (missing, &error);
  g_assert_null (areas);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/area/builtin", test_builtin_areas);
  g_test_add_func ("/area/mistakes", test_mistakes);
  g_test_add_func ("/area/not-a-list", test_not_a_list);
  g_test_add_func ("/area/load-file-errors", test_load_file_errors);

  return g_test_run ();
}

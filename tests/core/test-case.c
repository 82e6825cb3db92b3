/* test-case.c — a case outcome and what it may name (lots-case.c).
 *
 * The lists of LotsCaseReferences are what the outcome sheet offers a
 * handler: every area, unit and administration of the built-in knowledge
 * base, each with the title a person reads, sorted by it; an id added
 * without a title is listed by its id.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "lots-case.h"

static const LotsCaseReference *
find_reference (GPtrArray  *list,
                const char *id)
{
  for (guint i = 0; i < list->len; i++)
    {
      const LotsCaseReference *reference = g_ptr_array_index (list, i);
      if (g_str_equal (reference->id, id))
        return reference;
    }
  return NULL;
}

static void
assert_sorted_by_title (GPtrArray *list)
{
  for (guint i = 1; i < list->len; i++)
    {
      const LotsCaseReference *a = g_ptr_array_index (list, i - 1);
      const LotsCaseReference *b = g_ptr_array_index (list, i);
      g_assert_cmpint (g_utf8_collate (a->title, b->title), <=, 0);
    }
}

static void
test_references_builtin_lists (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaseReferences) references = lots_case_references_load_builtin (&error);
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) administrations = NULL;
  const LotsCaseReference *found;

  g_assert_no_error (error);
  areas = lots_case_references_list_areas (references);
  units = lots_case_references_list_units (references);
  administrations = lots_case_references_list_administrations (references);

  /* The ten service areas of the contract, with their titles from
   * knowledge/areas.yaml. */
  g_assert_cmpuint (areas->len, ==, 10);
  found = find_reference (areas, "social");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->title, ==, "Sociala frågor");
  found = find_reference (areas, "aldre");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->title, ==, "Äldre direkt");
  assert_sorted_by_title (areas);

  /* Units and administrations with the "namn" of their tables; each id
   * listed is one the validation accepts. */
  found = find_reference (units, "socialjouren");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->title, ==, "Socialjouren");
  g_assert_cmpuint (units->len, >, 20);
  assert_sorted_by_title (units);
  found = find_reference (administrations, "bromma");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->title, ==, "Bromma stadsdelsförvaltning");
  g_assert_cmpuint (administrations->len, ==, 13);
  assert_sorted_by_title (administrations);

  for (guint i = 0; i < units->len; i++)
    {
      g_autoptr(LotsCase) c = lots_case_new ();
      const LotsCaseReference *unit = g_ptr_array_index (units, i);

      c->area = g_strdup ("social");
      c->channel = g_strdup ("telefon");
      c->handler = g_strdup ("h1");
      c->workstation = g_strdup ("ws1");
      c->referred_to = g_strdup (unit->id);
      g_assert_true (lots_case_validate (c, references, g_get_real_time () / G_USEC_PER_SEC, &error));
      g_assert_no_error (error);
    }
}

static void
test_references_untitled (void)
{
  g_autoptr(LotsCaseReferences) references = lots_case_references_new ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) administrations = NULL;
  const LotsCaseReference *first;

  lots_case_references_add_area (references, "social");
  lots_case_references_add_area (references, "aldre");
  lots_case_references_add_area (references, "aldre");
  lots_case_references_add_unit (references, "socialjouren");

  areas = lots_case_references_list_areas (references);
  g_assert_cmpuint (areas->len, ==, 2);
  first = g_ptr_array_index (areas, 0);
  g_assert_cmpstr (first->id, ==, "aldre");
  g_assert_cmpstr (first->title, ==, "aldre");

  units = lots_case_references_list_units (references);
  g_assert_cmpuint (units->len, ==, 1);
  administrations = lots_case_references_list_administrations (references);
  g_assert_cmpuint (administrations->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case/references/builtin-lists", test_references_builtin_lists);
  g_test_add_func ("/case/references/untitled", test_references_untitled);

  return g_test_run ();
}

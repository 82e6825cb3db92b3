/* test-relevance.c — handler-style queries over the built-in base.
 *
 * The files in tests/relevance hold queries as handlers type them (inflected,
 * compounds, half-typed, without å/ä/ö) with the article that must answer
 * each. The test reports MRR and hit@1 and fails below MRR 0.9.
 */
#include "config.h"

#include <glib.h>

#include "lots-builtin.h"
#include "lots-index.h"
#include "lots-paths.h"
#include "lots-test-util.h"

#define MIN_MRR 0.9

static void
test_relevance_builtin (void)
{
  g_autoptr(char) sandbox = lots_test_sandbox_new ();
  g_autofree char *dir = lots_test_source_path ("tests/relevance");
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(LotsIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  double reciprocal_sum = 0;
  guint n = 0, hits_at_1 = 0;

  lots_paths_set_data_dir (sandbox);
  index = lots_builtin_open_index (&error);
  g_assert_no_error (error);
  g_assert_nonnull (listing);

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL, *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".tsv"))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
          LotsSearchOptions options = { .limit = 10 };
          g_autoptr(LotsSearchResult) result = NULL;
          guint rank = 0;

          if (fields[0] == NULL || fields[1] == NULL)
            continue;
          g_strstrip (fields[1]);
          result = lots_index_search (index, fields[0], &options, &error);
          g_assert_no_error (error);
          for (guint r = 0; r < result->hits->len && rank == 0; r++)
            if (g_str_equal (((LotsSearchHit *) g_ptr_array_index (result->hits, r))->id, fields[1]))
              rank = r + 1;
          n++;
          if (rank == 1)
            hits_at_1++;
          if (rank > 0)
            reciprocal_sum += 1.0 / rank;
          if (rank != 1)
            g_test_message ("%s:%u: '%s' → %s at rank %u (first: %s)", name, i + 1, fields[0], fields[1], rank,
                            result->hits->len ? ((LotsSearchHit *) g_ptr_array_index (result->hits, 0))->id : "nothing");
        }
    }
  g_assert_cmpuint (n, >=, 40);
  g_test_message ("relevance: %u queries, MRR %.3f, hit@1 %.3f", n, reciprocal_sum / n, (double) hits_at_1 / n);
  g_print ("# relevance: %u queries, MRR %.3f, hit@1 %.3f\n", n, reciprocal_sum / n, (double) hits_at_1 / n);
  g_assert_cmpfloat (reciprocal_sum / n, >=, MIN_MRR);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/relevance/builtin/handler-queries", test_relevance_builtin);
  return g_test_run ();
}

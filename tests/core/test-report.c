/* test-report.c — the statistics of lots-report.c against figures worked
 * out by hand on a fixed set of ten outcomes and five empty searches.
 *
 *   #  week  area      channel  resolved acute referred      complaint  guide path
 *   1  W48   aldre     telefon  yes
 *   2  W48   aldre     telefon  yes
 *   3  W48   aldre     e-post   no             fardtjanst
 *   4  W48   social    telefon  no       yes   socialjouren             start,oro_barn,jour
 *   5  W48   social    telefon  no       yes   socialjouren             start,vald,jour
 *   6  W48   social    chatt    yes                                     start,oro_barn,start,oro_barn,info
 *   7  W47   allmant   brev     yes                          sodermalm
 *   8  W47   allmant   telefon  no                           sodermalm
 *   9  W47   allmant   telefon  yes                          bromma
 *  10  W47   forskola  besök    yes
 *
 * By hand: 10 contacts, 6 resolved (60 %: below the 70 % goal), 2 acute;
 * aldre 2/3, social 1/3, allmant 2/3, forskola 1/1 (the only area at the
 * goal); W47 4, W48 6; telefon 6; referrals socialjouren 2, fardtjanst 1;
 * complaints sodermalm 2, bromma 1; social/akut 3 calls, step start passed
 * by 3 (call 6 passed it twice, counted once), oro_barn 2, jour 2, vald 1,
 * info 1; ended at jour 2, info 1. Content gaps: aldre "trygghetslarm
 * batteri" 3 (three spellings of one query), every area "parkering" 1,
 * aldre "hemtjänst [personnummer]" 1 (scrubbed).
 */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lots-caselog.h"
#include "lots-report.h"
#include "lots-test-util.h"

/* Wednesday 25 November 2026, 12:00 UTC (week 48 in every time zone). */
#define NOW G_GINT64_CONSTANT (1795608000)
#define WEEK_47 (NOW - 7 * 24 * 3600)

typedef struct {
  gint64 started;
  const char *area, *channel;
  gboolean resolved, acute;
  const char *referred, *complaint, *path;
} Row;

static const Row rows[] = {
  { NOW - 3600, "aldre", "telefon", TRUE, FALSE, NULL, NULL, NULL },
  { NOW - 3500, "aldre", "telefon", TRUE, FALSE, NULL, NULL, NULL },
  { NOW - 3400, "aldre", "e-post", FALSE, FALSE, "fardtjanst", NULL, NULL },
  { NOW - 3300, "social", "telefon", FALSE, TRUE, "socialjouren", NULL, "start,oro_barn,jour" },
  { NOW - 3200, "social", "telefon", FALSE, TRUE, "socialjouren", NULL, "start,vald,jour" },
  { NOW - 3100, "social", "chatt", TRUE, FALSE, NULL, NULL, "start,oro_barn,start,oro_barn,info" },
  { WEEK_47, "allmant", "brev", TRUE, FALSE, NULL, "sodermalm", NULL },
  { WEEK_47 + 100, "allmant", "telefon", FALSE, FALSE, NULL, "sodermalm", NULL },
  { WEEK_47 + 200, "allmant", "telefon", TRUE, FALSE, NULL, "bromma", NULL },
  { WEEK_47 + 300, "forskola", "besök", TRUE, FALSE, NULL, NULL, NULL },
};

typedef struct {
  char *dir;
  LotsCaselog *log;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->log, lots_caselog_close);
  g_clear_pointer (&f->dir, lots_test_sandbox_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static void
fixture_init (Fixture *f)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_case_free);
  g_autofree char *filename = NULL;
  g_autoptr(GError) error = NULL;
  const char *searches[][2] = {
    { "Trygghetslarm batteri", "aldre" }, { "trygghetslarm  batteri", "aldre" },
    { "TRYGGHETSLARM BATTERI", "aldre" }, { "parkering", NULL }, { "hemtjänst 811228-9874", "aldre" },
  };

  f->dir = lots_test_sandbox_new ();
  filename = g_build_filename (f->dir, LOTS_CASELOG_FILE, NULL);
  f->log = lots_caselog_open (filename, &error);
  g_assert_no_error (error);
  lots_caselog_set_now (f->log, NOW);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      LotsCase *c = lots_case_new ();

      c->started_at = rows[i].started;
      c->ended_at = rows[i].started + 300;
      c->area = g_strdup (rows[i].area);
      c->channel = g_strdup (rows[i].channel);
      c->resolved = rows[i].resolved;
      c->acute = rows[i].acute;
      c->referred_to = g_strdup (rows[i].referred);
      c->complaint_to = g_strdup (rows[i].complaint);
      if (rows[i].path != NULL)
        {
          g_auto(GStrv) steps = g_strsplit (rows[i].path, ",", -1);
          c->guide = g_strdup ("social/akut");
          for (guint s = 0; steps[s] != NULL; s++)
            lots_case_add_step (c, steps[s]);
        }
      c->handler = g_strdup ("h-1");
      c->workstation = g_strdup ("ws-1");
      g_ptr_array_add (cases, c);
    }
  g_assert_true (lots_caselog_add_many (f->log, cases, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_assert_true (lots_caselog_add_empty_search (f->log, searches[i][0], searches[i][1], NULL, &error));
      g_assert_no_error (error);
    }
}

/* The object of array member whose key_member is key. */
static JsonObject *
find (JsonObject *root,
      const char *member,
      const char *key_member,
      const char *key)
{
  JsonArray *array = json_object_get_array_member (root, member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (o, key_member, NULL), key) == 0)
        return o;
    }
  g_error ("%s: no %s = %s", member, key_member, key);
  return NULL;
}

static gint64
count_of (JsonObject *root,
          const char *member,
          const char *key_member,
          const char *key,
          const char *count_member)
{
  return json_object_get_int_member (find (root, member, key_member, key), count_member);
}

static void
test_figures (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsReport) report = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root, *fcr, *area, *guide, *cell;

  fixture_init (&f);
  report = lots_report_build (f.log, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lots_report_get_contacts (report), ==, 10);
  g_assert_cmpuint (lots_report_get_resolved (report), ==, 6);
  g_assert_cmpuint (lots_report_get_acute (report), ==, 2);

  node = lots_report_to_json (report);
  root = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (root, "contacts"), ==, 10);
  fcr = json_object_get_object_member (root, "first_contact_resolution");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (fcr, "rate"), 0.6, 1e-9);
  g_assert_false (json_object_get_boolean_member (fcr, "meets_goal"));

  area = find (root, "areas", "area", "aldre");
  g_assert_cmpint (json_object_get_int_member (area, "contacts"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (area, "resolved"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (area, "rate"), 2.0 / 3.0, 1e-9);
  g_assert_false (json_object_get_boolean_member (area, "meets_goal"));
  area = find (root, "areas", "area", "social");
  g_assert_cmpint (json_object_get_int_member (area, "resolved"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (area, "acute"), ==, 2);
  area = find (root, "areas", "area", "forskola");
  g_assert_true (json_object_get_boolean_member (area, "meets_goal"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "areas")), ==, 4);

  g_assert_cmpint (count_of (root, "weeks", "week", "2026-W47", "contacts"), ==, 4);
  g_assert_cmpint (count_of (root, "weeks", "week", "2026-W48", "contacts"), ==, 6);
  g_assert_cmpint (count_of (root, "channels", "channel", "telefon", "contacts"), ==, 6);
  g_assert_cmpint (count_of (root, "channels", "channel", "besök", "contacts"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "contacts_by_area_week_channel")), ==, 7);
  cell = json_array_get_object_element (json_object_get_array_member (root, "contacts_by_area_week_channel"), 0);
  g_assert_cmpstr (json_object_get_string_member (cell, "area"), ==, "aldre");
  g_assert_cmpstr (json_object_get_string_member (cell, "channel"), ==, "e-post");

  g_assert_cmpint (count_of (root, "referrals", "unit", "socialjouren", "cases"), ==, 2);
  g_assert_cmpint (count_of (root, "referrals", "unit", "fardtjanst", "cases"), ==, 1);
  g_assert_cmpint (count_of (root, "complaints", "administration", "sodermalm", "cases"), ==, 2);
  g_assert_cmpint (count_of (root, "complaints", "administration", "bromma", "cases"), ==, 1);

  guide = find (root, "guides", "guide", "social/akut");
  g_assert_cmpint (json_object_get_int_member (guide, "calls"), ==, 3);
  g_assert_cmpint (count_of (guide, "steps", "step", "start", "calls"), ==, 3);
  g_assert_cmpint (count_of (guide, "steps", "step", "oro_barn", "calls"), ==, 2);
  g_assert_cmpint (count_of (guide, "steps", "step", "jour", "calls"), ==, 2);
  g_assert_cmpint (count_of (guide, "steps", "step", "vald", "calls"), ==, 1);
  g_assert_cmpint (count_of (guide, "ended", "step", "jour", "calls"), ==, 2);
  g_assert_cmpint (count_of (guide, "ended", "step", "info", "calls"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (guide, "ended")), ==, 2);

  /* Gaps: the three spellings of one query are one gap, most first. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "empty_searches")), ==, 3);
  cell = json_array_get_object_element (json_object_get_array_member (root, "empty_searches"), 0);
  g_assert_cmpstr (json_object_get_string_member (cell, "query"), ==, "trygghetslarm batteri");
  g_assert_cmpstr (json_object_get_string_member (cell, "area"), ==, "aldre");
  g_assert_cmpint (json_object_get_int_member (cell, "count"), ==, 3);
  g_assert_cmpint (count_of (root, "empty_searches", "query", "hemtjänst [personnummer]", "count"), ==, 1);
}

static void
test_since (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsReport) report = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  report = lots_report_build (f.log, NOW - 2 * 24 * 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lots_report_get_contacts (report), ==, 6);
  g_assert_cmpuint (lots_report_get_resolved (report), ==, 3);
}

static void
test_csv_and_text (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  fixture_init (&f);
  report = lots_report_build (f.log, 0, &error);
  g_assert_no_error (error);
  csv = lots_report_to_csv (report);
  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "section,area,contacts,resolved,rate,meets_goal,acute\n"
                                        "total,,10,6,0.6000,no,2\n"
                                        "area,aldre,3,2,0.6667,no,0\n"));
  g_assert_nonnull (strstr (csv, "\narea,forskola,1,1,1.0000,yes,0\n"));
  g_assert_nonnull (strstr (csv, "\nweek,2026-W47,4\nweek,2026-W48,6\n"));
  g_assert_nonnull (strstr (csv, "\ncontacts,allmant,2026-W47,telefon,2\n"));
  g_assert_nonnull (strstr (csv, "\nreferral,socialjouren,2\nreferral,fardtjanst,1\n"));
  g_assert_nonnull (strstr (csv, "\ncomplaint,sodermalm,2\ncomplaint,bromma,1\n"));
  g_assert_nonnull (strstr (csv, "\nguide,social/akut,start,3,0\n"));
  g_assert_nonnull (strstr (csv, "\nguide,social/akut,jour,2,2\n"));
  g_assert_nonnull (strstr (csv, "\nempty-search,aldre,trygghetslarm batteri,3\n"));
  g_assert_nonnull (strstr (csv, "\nempty-search,,parkering,1\n"));

  text = lots_report_to_text (report);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Contacts: 10\n"));
  g_assert_nonnull (strstr (text, "Answered at the first contact: 6 of 10 (60.0 %) — goal 70 %: not met\n"));
  g_assert_nonnull (strstr (text, "Acute cases: 2\n"));
  /* The gaps close the report, most searched first. */
  g_assert_true (g_str_has_suffix (text,
    "\nContent gaps: searches that found nothing, per area and query\n"
    "  area                   query                                    searches\n"
    "  aldre                  trygghetslarm batteri                           3\n"
    "  (all areas)            parkering                                       1\n"
    "  aldre                  hemtjänst [personnummer]                        1\n"));
}

/* The content gaps of a report filled row by row, as report --remote
 * fills it from the batch files of every workstation. By hand, from the
 * seven searches below: aldre "trygghetslarm batteri" 3, every area
 * "parkering" 2, aldre "parkering" 1, forskola "barnomsorg natt" 1 —
 * most first, equal counts by area and query. */
static void
test_gaps_added (void)
{
  static const LotsEmptySearchRow searches[] = {
    { "0b9a4cde-0000-4000-8000-000000000001", NOW - 600, "aldre", "sv", "trygghetslarm batteri" },
    { "0b9a4cde-0000-4000-8000-000000000002", NOW - 500, NULL, "sv", "parkering" },
    { "0b9a4cde-0000-4000-8000-000000000003", NOW - 400, "forskola", "sv", "barnomsorg natt" },
    { "0b9a4cde-0000-4000-8000-000000000004", NOW - 300, "aldre", "sv", "trygghetslarm batteri" },
    { "0b9a4cde-0000-4000-8000-000000000005", NOW - 200, "aldre", "en", "parkering" },
    { "0b9a4cde-0000-4000-8000-000000000006", NOW - 100, NULL, "sv", "parkering" },
    { "0b9a4cde-0000-4000-8000-000000000007", NOW, "aldre", "sv", "trygghetslarm batteri" },
  };
  g_autoptr(LotsReport) report = lots_report_new (0);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *csv = NULL, *text = NULL;
  JsonArray *gaps;
  JsonObject *gap;

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    lots_report_add_empty_search (&searches[i], report);
  g_assert_cmpuint (lots_report_get_contacts (report), ==, 0);

  node = lots_report_to_json (report);
  gaps = json_object_get_array_member (json_node_get_object (node), "empty_searches");
  g_assert_cmpuint (json_array_get_length (gaps), ==, 4);
  gap = json_array_get_object_element (gaps, 0);
  g_assert_cmpstr (json_object_get_string_member (gap, "area"), ==, "aldre");
  g_assert_cmpstr (json_object_get_string_member (gap, "query"), ==, "trygghetslarm batteri");
  g_assert_cmpint (json_object_get_int_member (gap, "count"), ==, 3);
  gap = json_array_get_object_element (gaps, 1);
  g_assert_true (json_object_get_null_member (gap, "area"));
  g_assert_cmpstr (json_object_get_string_member (gap, "query"), ==, "parkering");
  g_assert_cmpint (json_object_get_int_member (gap, "count"), ==, 2);
  gap = json_array_get_object_element (gaps, 3);
  g_assert_cmpstr (json_object_get_string_member (gap, "area"), ==, "forskola");
  g_assert_cmpint (json_object_get_int_member (gap, "count"), ==, 1);

  csv = lots_report_to_csv (report);
  g_assert_true (g_str_has_suffix (csv,
    "\nsection,area,query,count\n"
    "empty-search,aldre,trygghetslarm batteri,3\n"
    "empty-search,,parkering,2\n"
    "empty-search,aldre,parkering,1\n"
    "empty-search,forskola,barnomsorg natt,1\n"));
  text = lots_report_to_text (report);
  g_assert_true (g_str_has_suffix (text,
    "  area                   query                                    searches\n"
    "  aldre                  trygghetslarm batteri                           3\n"
    "  (all areas)            parkering                                       2\n"
    "  aldre                  parkering                                       1\n"
    "  forskola               barnomsorg natt                                 1\n"));
}

/* An empty journal is a report of zeros, not an error. */
static void
test_empty (void)
{
  g_autofree char *dir = lots_test_sandbox_new ();
  g_autofree char *filename = g_build_filename (dir, LOTS_CASELOG_FILE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCaselog) log = lots_caselog_open (filename, &error);
  g_autoptr(LotsReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  report = lots_report_build (log, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lots_report_get_contacts (report), ==, 0);
  text = lots_report_to_text (report);
  g_assert_nonnull (strstr (text, "goal 70 %: no contacts"));
  csv = lots_report_to_csv (report);
  g_assert_true (g_str_has_prefix (csv, "section,area,contacts,resolved,rate,meets_goal,acute\ntotal,,0,0,0.0000,no,0\n"));
  g_assert_true (g_str_has_suffix (text, "\nContent gaps: searches that found nothing, per area and query\n  none\n"));
  g_clear_pointer (&log, lots_caselog_close);
  lots_test_sandbox_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/figures", test_figures);
  g_test_add_func ("/report/since", test_since);
  g_test_add_func ("/report/csv-and-text", test_csv_and_text);
  g_test_add_func ("/report/empty", test_empty);
  g_test_add_func ("/report/gaps-added", test_gaps_added);
  return g_test_run ();
}

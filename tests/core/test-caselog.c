/* test-caselog.c — the journal of case outcomes (lots-caselog.c, with
 * lots-case.c and lots-workstation.c): outcomes survive closing and
 * reopening, every bad input is refused with the field named and nothing
 * written, notes and searches are scrubbed before they reach the file,
 * retention removes only what was uploaded, and the schema is versioned.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "lots-caselog.h"
#include "lots-error.h"
#include "lots-paths.h"
#include "lots-scrub.h"
#include "lots-test-util.h"
#include "lots-workstation.h"

/* Wednesday 25 November 2026, 12:00 UTC: week 48 in every time zone. */
#define NOW G_GINT64_CONSTANT (1795608000)
#define DAY (24 * 60 * 60)

typedef struct {
  char *dir;
  char *filename;
  LotsCaselog *log;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->log, lots_caselog_close);
  g_clear_pointer (&f->filename, g_free);
  g_clear_pointer (&f->dir, lots_test_sandbox_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->log, lots_caselog_close);
  f->log = lots_caselog_open (f->filename, &error);
  g_assert_no_error (error);
  lots_caselog_set_now (f->log, NOW);
}

static void
fixture_init (Fixture *f)
{
  f->dir = lots_test_sandbox_new ();
  f->filename = g_build_filename (f->dir, "data", LOTS_CASELOG_FILE, NULL);
  reopen (f);
}

/* A valid outcome with every field filled. */
static LotsCase *
full_case (void)
{
  LotsCase *c = lots_case_new ();

  c->started_at = NOW - 600;
  c->ended_at = NOW - 60;
  c->channel = g_strdup ("telefon");
  c->lang = g_strdup ("ar");
  c->area = g_strdup ("social");
  c->category = g_strdup ("orosanmalan");
  c->guide = g_strdup ("social/akut");
  c->guide_commit = g_strdup ("0123456789abcdef0123456789abcdef01234567");
  lots_case_add_step (c, "start");
  lots_case_add_step (c, "oro_barn");
  lots_case_add_step (c, "jour");
  lots_case_add_article (c, "social/orosanmalan", "fedcba9876543210fedcba9876543210fedcba98");
  lots_case_add_article (c, "allmant/tolk", NULL);
  c->resolved = FALSE;
  c->referred_to = g_strdup ("socialjouren");
  c->acute = TRUE;
  c->complaint_to = g_strdup ("sodermalm");
  c->note = g_strdup ("Ringer för grannens barn, tel 070-123 45 67.");
  c->handler = g_strdup ("h-3f2a");
  c->workstation = g_strdup ("ws-test");
  return c;
}

static LotsCase *
minimal_case (void)
{
  LotsCase *c = lots_case_new ();

  c->channel = g_strdup ("e-post");
  c->area = g_strdup ("aldre");
  c->resolved = TRUE;
  c->handler = g_strdup ("h-1");
  c->workstation = g_strdup ("ws-test");
  return c;
}

static gint64
count (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = lots_caselog_count (f->log, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_roundtrip_after_reopen (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsCase) c = full_case ();
  g_autoptr(LotsCase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  fixture_init (&f);
  g_assert_true (lots_caselog_add (f.log, c, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (c->id));
  id = g_strdup (c->id);

  reopen (&f);
  back = lots_caselog_get (f.log, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->id, ==, id);
  g_assert_cmpint (back->started_at, ==, NOW - 600);
  g_assert_cmpint (back->ended_at, ==, NOW - 60);
  g_assert_cmpstr (back->week, ==, "2026-W48");
  g_assert_cmpstr (back->channel, ==, "telefon");
  g_assert_cmpstr (back->lang, ==, "ar");
  g_assert_cmpstr (back->area, ==, "social");
  g_assert_cmpstr (back->category, ==, "orosanmalan");
  g_assert_cmpstr (back->guide, ==, "social/akut");
  g_assert_cmpstr (back->guide_commit, ==, "0123456789abcdef0123456789abcdef01234567");
  g_assert_cmpuint (back->path->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (back->path, 1), ==, "oro_barn");
  g_assert_cmpuint (back->articles->len, ==, 2);
  g_assert_cmpstr (((LotsCaseArticle *) g_ptr_array_index (back->articles, 0))->commit, ==,
                   "fedcba9876543210fedcba9876543210fedcba98");
  g_assert_null (((LotsCaseArticle *) g_ptr_array_index (back->articles, 1))->commit);
  g_assert_false (back->resolved);
  g_assert_true (back->acute);
  g_assert_cmpstr (back->referred_to, ==, "socialjouren");
  g_assert_cmpstr (back->complaint_to, ==, "sodermalm");
  g_assert_cmpstr (back->note, ==, "Ringer för grannens barn, tel [telefon].");
  g_assert_cmpstr (back->handler, ==, "h-3f2a");
  g_assert_cmpstr (back->workstation, ==, "ws-test");
  g_assert_null (back->batch);
  g_assert_cmpint (back->uploaded_at, ==, 0);
}

static void
test_defaults (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsCase) c = minimal_case ();
  g_autoptr(LotsCase) back = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  g_assert_true (lots_caselog_add (f.log, c, &error));
  back = lots_caselog_get (f.log, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->ended_at, ==, NOW);
  g_assert_cmpint (back->started_at, ==, NOW);
  g_assert_cmpstr (back->lang, ==, "sv");
  g_assert_null (back->note);
  g_assert_null (back->guide);
  g_assert_cmpuint (back->path->len, ==, 0);
}

/* Whether needle occurs in bytes; the file holds NUL bytes, which end a
 * strstr. */
static gboolean
contains (const char *bytes,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Nothing of an identity number reaches the file, in any of its parts. */
static void
test_note_scrubbed_on_disk (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsCase) c = minimal_case ();
  g_autoptr(GError) error = NULL;
  const char *suffixes[] = { "", "-wal" };
  const char *masked = "Pnr [personnummer], mejl [e-post], ärende 2026-1234";
  gboolean found_masked = FALSE;

  fixture_init (&f);
  c->note = g_strdup ("Pnr 19811228-9874, mejl kalle@example.se, ärende 2026-1234");
  g_assert_true (lots_caselog_add (f.log, c, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f.filename, suffixes[i], NULL);
      g_autofree char *bytes = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &bytes, &length, NULL))
        continue;
      g_assert_false (contains (bytes, length, "8112289874"));
      g_assert_false (contains (bytes, length, "811228-9874"));
      g_assert_false (contains (bytes, length, "kalle@"));
      found_masked = found_masked || contains (bytes, length, masked);
    }
  g_assert_true (found_masked);
}

/* What a finished guide proposes lands in the case and in the journal. */
static void
test_guide_outcome (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsCase) c = minimal_case ();
  g_autoptr(LotsCase) back = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  LotsGuideOutcome outcome = { (char *) "social", (char *) "orosanmalan", 0, (char *) "socialjouren", NULL, TRUE };

  fixture_init (&f);
  g_ptr_array_add (path, (char *) "start");
  g_ptr_array_add (path, (char *) "oro_barn");
  c->category = g_strdup ("handlaggarens");
  lots_case_apply_guide_outcome (c, "social/akut", &outcome, path);
  g_assert_true (lots_caselog_add (f.log, c, &error));
  g_assert_no_error (error);
  back = lots_caselog_get (f.log, c->id, &error);
  g_assert_cmpstr (back->guide, ==, "social/akut");
  g_assert_cmpstr (back->area, ==, "social");
  g_assert_cmpstr (back->category, ==, "orosanmalan");
  g_assert_cmpstr (back->referred_to, ==, "socialjouren");
  g_assert_false (back->resolved);
  g_assert_true (back->acute);
  g_assert_cmpuint (back->path->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (back->path, 1), ==, "oro_barn");

  /* A guide that leaves resolved unsaid keeps the handler's choice. */
  outcome.resolved = -1;
  outcome.acute = FALSE;
  c->resolved = TRUE;
  lots_case_apply_guide_outcome (c, "social/akut", &outcome, NULL);
  g_assert_true (c->resolved);
  g_assert_true (c->acute);
  g_assert_cmpuint (c->path->len, ==, 2);
}

typedef void (*Spoil) (LotsCase *c);

static void spoil_channel (LotsCase *c) { g_free (c->channel); c->channel = g_strdup ("fax"); }
static void spoil_no_channel (LotsCase *c) { g_clear_pointer (&c->channel, g_free); }
static void spoil_area (LotsCase *c) { g_free (c->area); c->area = g_strdup ("hemtjanst"); }
static void spoil_no_area (LotsCase *c) { g_clear_pointer (&c->area, g_free); }
static void spoil_area_shape (LotsCase *c) { g_free (c->area); c->area = g_strdup ("Äldre"); }
static void spoil_unit (LotsCase *c) { c->referred_to = g_strdup ("finns-inte"); }
static void spoil_admin (LotsCase *c) { c->complaint_to = g_strdup ("goteborg"); }
static void spoil_lang (LotsCase *c) { c->lang = g_strdup ("Svenska"); }
static void spoil_category (LotsCase *c) { c->category = g_strdup ("två ord"); }
static void spoil_long_note (LotsCase *c)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i <= LOTS_CASE_NOTE_MAX_CHARS; i++)
    g_string_append (s, "ö");
  c->note = g_string_free (s, FALSE);
}
static void spoil_utf8 (LotsCase *c) { c->note = g_strdup ("caf\xe9 au lait"); }
static void spoil_control (LotsCase *c) { c->note = g_strdup ("bell\x07"); }
static void spoil_start_after_end (LotsCase *c) { c->started_at = NOW - 10; c->ended_at = NOW - 20; }
static void spoil_future (LotsCase *c) { c->ended_at = NOW + DAY; }
static void spoil_ancient (LotsCase *c) { c->started_at = 100; c->ended_at = 200; }
static void spoil_too_long (LotsCase *c) { c->started_at = NOW - 2 * DAY; c->ended_at = NOW; }
static void spoil_path_no_guide (LotsCase *c) { lots_case_add_step (c, "start"); }
static void spoil_step (LotsCase *c) { c->guide = g_strdup ("social/akut"); lots_case_add_step (c, "Start Här"); }
static void spoil_guide (LotsCase *c) { c->guide = g_strdup ("../etc/passwd"); }
static void spoil_commit (LotsCase *c) { c->guide = g_strdup ("social/akut"); c->guide_commit = g_strdup ("xyz!"); }
static void spoil_article (LotsCase *c) { lots_case_add_article (c, "utan-omrade", NULL); }
static void spoil_handler (LotsCase *c) { g_clear_pointer (&c->handler, g_free); }
static void spoil_workstation (LotsCase *c) { g_free (c->workstation); c->workstation = g_strdup ("ws/1"); }
static void spoil_id (LotsCase *c) { c->id = g_strdup ("not-a-uuid"); }

static const struct {
  const char *name;
  Spoil spoil;
  const char *needle;
} bad_inputs[] = {
  { "channel", spoil_channel, "channel: 'fax' is not a channel; one of: telefon, e-post, brev, besök, chatt" },
  { "no-channel", spoil_no_channel, "channel:" },
  { "area", spoil_area, "area: 'hemtjanst' is not a service area; one of: aldre, allmant," },
  { "no-area", spoil_no_area, "area: missing" },
  { "area-shape", spoil_area_shape, "area: 'Äldre' is not an id" },
  { "referred-to", spoil_unit, "referred-to: 'finns-inte' is not a unit of the directory" },
  { "complaint-to", spoil_admin, "complaint-to: 'goteborg' is not an administration" },
  { "lang", spoil_lang, "lang: 'Svenska'" },
  { "category", spoil_category, "category:" },
  { "long-note", spoil_long_note, "note: 501 characters; at most 500" },
  { "utf8", spoil_utf8, "note: not valid UTF-8" },
  { "control", spoil_control, "note: contains a control character" },
  { "start-after-end", spoil_start_after_end, "started: the case starts after it ended" },
  { "future", spoil_future, "ended: the case ends in the future" },
  { "ancient", spoil_ancient, "before the year 2000" },
  { "too-long", spoil_too_long, "at most 24 hours" },
  { "path-without-guide", spoil_path_no_guide, "path: steps given without a guide" },
  { "step", spoil_step, "path: 'Start Här' is not a step id" },
  { "guide", spoil_guide, "guide: '../etc/passwd'" },
  { "commit", spoil_commit, "guide commit: 'xyz!'" },
  { "article", spoil_article, "articles: 'utan-omrade' is not an article id" },
  { "handler", spoil_handler, "handler id:" },
  { "workstation", spoil_workstation, "workstation id: 'ws/1'" },
  { "id", spoil_id, "id: 'not-a-uuid' is not a UUID" },
};

static void
test_bad_input_writes_nothing (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsCase) c = minimal_case ();
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  bad_inputs[i].spoil (c);
  g_assert_false (lots_caselog_add (f.log, c, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad_inputs[i].needle));
  if (bad_inputs[i].spoil == spoil_id)
    g_assert_cmpstr (c->id, ==, "not-a-uuid");
  else
    g_assert_null (c->id);
  g_assert_cmpint (count (&f), ==, 0);
}

/* A batch with one bad outcome writes none of them, and the good ones get
 * no id. */
static void
test_batch_all_or_nothing (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_case_free);
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  g_ptr_array_add (batch, minimal_case ());
  g_ptr_array_add (batch, full_case ());
  g_ptr_array_add (batch, minimal_case ());
  spoil_channel (g_ptr_array_index (batch, 2));
  g_assert_false (lots_caselog_add_many (f.log, batch, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_assert_null (((LotsCase *) g_ptr_array_index (batch, 0))->id);
  g_assert_cmpint (count (&f), ==, 0);

  /* The same id twice: the second insert fails inside the transaction and
   * takes the first with it. */
  g_clear_error (&error);
  g_free (((LotsCase *) g_ptr_array_index (batch, 2))->channel);
  ((LotsCase *) g_ptr_array_index (batch, 2))->channel = g_strdup ("brev");
  ((LotsCase *) g_ptr_array_index (batch, 0))->id = g_strdup ("6f9619ff-8b86-4d01-b42d-00cf4fc964ff");
  ((LotsCase *) g_ptr_array_index (batch, 2))->id = g_strdup ("6f9619ff-8b86-4d01-b42d-00cf4fc964ff");
  g_assert_false (lots_caselog_add_many (f.log, batch, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "is in the log already"));
  g_assert_cmpint (count (&f), ==, 0);

  g_clear_error (&error);
  g_clear_pointer (&((LotsCase *) g_ptr_array_index (batch, 2))->id, g_free);
  g_assert_true (lots_caselog_add_many (f.log, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&f), ==, 3);
}

static void
test_list_since (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 starts[] = { NOW - 3 * DAY, NOW - 2 * DAY + 3600, NOW - 3600 };

  fixture_init (&f);
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autoptr(LotsCase) c = minimal_case ();
      c->started_at = starts[i];
      c->ended_at = starts[i] + 60;
      g_assert_true (lots_caselog_add (f.log, c, &error));
    }
  listed = lots_caselog_list (f.log, NOW - 2 * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpint (((LotsCase *) g_ptr_array_index (listed, 0))->started_at, ==, starts[1]);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = lots_caselog_list (f.log, 0, &error);
  g_assert_cmpuint (listed->len, ==, 3);
}

static void
count_search (const LotsEmptySearchRow *row,
              gpointer                  user_data)
{
  GPtrArray *seen = user_data;

  g_assert_true (g_uuid_string_is_valid (row->id));
  g_ptr_array_add (seen, g_strdup_printf ("%s|%s|%s", row->area ? row->area : "-", row->lang, row->query));
}

static void
collect_search_id (const LotsEmptySearchRow *row,
                   gpointer                  user_data)
{
  g_ptr_array_add (user_data, g_strdup (row->id));
}

/* The ids of the searches in the journal, in the order recorded. */
static GPtrArray *
search_ids (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (lots_caselog_scan_empty_searches (f->log, 0, collect_search_id, ids, &error));
  g_assert_no_error (error);
  return ids;
}

/* The ids of the searches staged in batch. */
static GPtrArray *
batch_search_ids (Fixture    *f,
                  const char *batch)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (lots_caselog_scan_batch_searches (f->log, batch, collect_search_id, ids, &error));
  g_assert_no_error (error);
  return ids;
}

static void
record_search (Fixture    *f,
               const char *query)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lots_caselog_add_empty_search (f->log, query, "aldre", NULL, &error));
  g_assert_no_error (error);
}

static void
test_empty_searches (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  g_assert_true (lots_caselog_add_empty_search (f.log, "  Trygghetslarm   BATTERI ", "aldre", NULL, &error));
  g_assert_true (lots_caselog_add_empty_search (f.log, "811228-9874 hemtjänst", NULL, "sv", &error));
  g_assert_no_error (error);
  g_assert_false (lots_caselog_add_empty_search (f.log, "x", "hemtjanst", NULL, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (lots_caselog_add_empty_search (f.log, "   ", NULL, NULL, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (lots_caselog_add_empty_search (f.log, "\xff", NULL, NULL, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (lots_caselog_scan_empty_searches (f.log, 0, count_search, seen, &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "aldre|sv|trygghetslarm batteri");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "-|sv|[personnummer] hemtjänst");
  /* Each search has an id of its own, kept across reopening. */
  {
    g_autoptr(GPtrArray) ids = search_ids (&f);
    g_autoptr(GPtrArray) again = NULL;

    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (ids, 0), !=, g_ptr_array_index (ids, 1));
    reopen (&f);
    again = search_ids (&f);
    g_assert_cmpstr (g_ptr_array_index (again, 0), ==, g_ptr_array_index (ids, 0));
    g_assert_cmpstr (g_ptr_array_index (again, 1), ==, g_ptr_array_index (ids, 1));
  }
}

/* Retention removes what ended more than N months ago and was uploaded;
 * an old outcome not yet uploaded stays. */
static void
test_retention (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = g_uuid_string_random ();
  /* 14 months ago uploaded, 14 months ago pending, 2 months ago uploaded */
  const gint64 ends[] = { NOW - 425 * DAY, NOW - 425 * DAY, NOW - 60 * DAY };
  char *old_pending_id = NULL;
  guint removed = 0;

  fixture_init (&f);
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autoptr(LotsCase) c = minimal_case ();

      lots_caselog_set_now (f.log, ends[i]);
      c->ended_at = ends[i];
      g_assert_true (lots_caselog_add (f.log, c, &error));
      g_assert_no_error (error);
      if (i != 1)
        g_ptr_array_add (ids, g_strdup (c->id));
      else
        old_pending_id = g_strdup (c->id);
    }
  lots_caselog_set_now (f.log, NOW);
  g_assert_true (lots_caselog_mark_uploaded (f.log, batch, ids, &error));
  g_assert_no_error (error);

  pending = lots_caselog_list_pending (f.log, 100, &error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (((LotsCase *) g_ptr_array_index (pending, 0))->id, ==, old_pending_id);

  g_assert_false (lots_caselog_remove_uploaded_before (f.log, 0, &removed, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (lots_caselog_remove_uploaded_before (f.log, 12, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  left = lots_caselog_list (f.log, 0, &error);
  g_assert_cmpuint (left->len, ==, 2);
  g_assert_cmpstr (((LotsCase *) g_ptr_array_index (left, 0))->id, ==, old_pending_id);
  g_assert_cmpstr (((LotsCase *) g_ptr_array_index (left, 1))->id, ==, g_ptr_array_index (ids, 1));
  g_assert_cmpstr (((LotsCase *) g_ptr_array_index (left, 1))->batch, ==, batch);
  g_free (old_pending_id);
}

/* Retention removes uploaded searches recorded more than N months ago,
 * as it does outcomes; an old search not yet uploaded stays. */
static void
test_retention_searches (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GPtrArray) no_cases = g_ptr_array_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) left = NULL;
  guint removed = 0;

  fixture_init (&f);
  lots_caselog_set_now (f.log, NOW - 425 * DAY);
  record_search (&f, "gammal uppladdad");
  lots_caselog_set_now (f.log, NOW - 60 * DAY);
  record_search (&f, "ny uppladdad");
  batches = lots_caselog_stage_pending (f.log, 10, &error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_true (lots_caselog_mark_uploaded (f.log, g_ptr_array_index (batches, 0), no_cases, &error));
  lots_caselog_set_now (f.log, NOW - 425 * DAY);
  record_search (&f, "gammal kvar");
  lots_caselog_set_now (f.log, NOW);
  before = search_ids (&f);

  g_assert_true (lots_caselog_remove_uploaded_before (f.log, 12, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  left = search_ids (&f);
  g_assert_cmpuint (left->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (left, 0), ==, g_ptr_array_index (before, 1));
  g_assert_cmpstr (g_ptr_array_index (left, 1), ==, g_ptr_array_index (before, 2));
}

/* Marking again (a retried upload) keeps each outcome's first batch. */
static void
test_mark_uploaded_idempotent (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(LotsCase) c = minimal_case ();
  g_autoptr(LotsCase) back = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *first = "0b9a4cde-1111-4222-8333-944455556666";
  const char *second = "0b9a4cde-1111-4222-8333-944455557777";

  fixture_init (&f);
  g_assert_true (lots_caselog_add (f.log, c, &error));
  g_ptr_array_add (ids, c->id);
  g_assert_true (lots_caselog_mark_uploaded (f.log, first, ids, &error));
  g_assert_true (lots_caselog_mark_uploaded (f.log, second, ids, &error));
  g_assert_no_error (error);
  g_assert_false (lots_caselog_mark_uploaded (f.log, "batch-1", ids, &error));
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  back = lots_caselog_get (f.log, c->id, NULL);
  g_assert_cmpstr (back->batch, ==, first);
  g_assert_cmpint (back->uploaded_at, ==, NOW);
}

static guint
batch_ids_len_free (GPtrArray *ids)
{
  guint n = ids->len;

  g_ptr_array_unref (ids);
  return n;
}

static GPtrArray *
batch_ids (Fixture    *f,
           const char *batch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = lots_caselog_list_batch (f->log, batch, &error);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (ids, g_strdup (((LotsCase *) g_ptr_array_index (cases, i))->id));
  return ids;
}

/* Staging for upload: pending outcomes go into batches once, a second
 * staging (a retried upload) returns the same batches with the same
 * outcomes, newer outcomes get a new batch after them, and a batch marked
 * uploaded is staged no more. */
static void
test_stage_pending (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GPtrArray) ids0 = NULL;
  g_autoptr(GPtrArray) ids1 = NULL;
  g_autoptr(GPtrArray) ids_again = NULL;

  fixture_init (&f);
  first = lots_caselog_stage_pending (f.log, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 0);
  g_clear_pointer (&first, g_ptr_array_unref);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(LotsCase) c = minimal_case ();
      g_assert_true (lots_caselog_add (f.log, c, &error));
    }
  first = lots_caselog_stage_pending (f.log, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  ids0 = batch_ids (&f, g_ptr_array_index (first, 0));
  g_assert_cmpuint (ids0->len, ==, 2);
  g_assert_cmpuint (batch_ids_len_free (batch_ids (&f, g_ptr_array_index (first, 2))), ==, 1);

  {
    g_autoptr(LotsCase) c = minimal_case ();
    g_assert_true (lots_caselog_add (f.log, c, &error));
  }
  again = lots_caselog_stage_pending (f.log, 2, &error);
  g_assert_cmpuint (again->len, ==, 4);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (g_ptr_array_index (again, i), ==, g_ptr_array_index (first, i));
  ids_again = batch_ids (&f, g_ptr_array_index (again, 0));
  for (guint i = 0; i < ids0->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ids_again, i), ==, g_ptr_array_index (ids0, i));

  g_assert_true (lots_caselog_mark_uploaded (f.log, g_ptr_array_index (first, 0), ids0, &error));
  ids1 = batch_ids (&f, g_ptr_array_index (first, 1));
  g_assert_true (lots_caselog_mark_uploaded (f.log, g_ptr_array_index (first, 1), ids1, &error));
  g_assert_no_error (error);
  third = lots_caselog_stage_pending (f.log, 2, &error);
  g_assert_cmpuint (third->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (third, 0), ==, g_ptr_array_index (first, 2));
  g_assert_cmpuint (batch_ids_len_free (batch_ids (&f, g_ptr_array_index (first, 0))), ==, 0);

  /* A reopened journal (a killed upload) keeps its staging. */
  reopen (&f);
  last = lots_caselog_stage_pending (f.log, 2, &error);
  g_assert_cmpuint (last->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (last, 1), ==, g_ptr_array_index (third, 1));
}

/* Searches that found nothing are staged like outcomes, in batches of
 * their own after the outcomes' batches; a retried staging returns the
 * same batches with the same searches; marking a batch uploaded marks its
 * searches (with an empty list of outcome ids) and stages them no more. */
static void
test_stage_searches (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recorded = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GPtrArray) in0 = NULL;
  g_autoptr(GPtrArray) in1 = NULL;
  g_autoptr(GPtrArray) no_cases = g_ptr_array_new ();
  g_autoptr(GPtrArray) case_batch = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(LotsCase) c = minimal_case ();

  fixture_init (&f);
  g_assert_true (lots_caselog_add (f.log, c, &error));
  record_search (&f, "saknas ett");
  record_search (&f, "saknas två");
  record_search (&f, "saknas tre");
  recorded = search_ids (&f);

  first = lots_caselog_stage_pending (f.log, 2, &error);
  g_assert_no_error (error);
  /* One batch of the outcome, then two of the searches (2 + 1). */
  g_assert_cmpuint (first->len, ==, 3);
  case_batch = lots_caselog_list_batch (f.log, g_ptr_array_index (first, 0), &error);
  g_assert_cmpuint (case_batch->len, ==, 1);
  g_assert_cmpuint (batch_ids_len_free (batch_search_ids (&f, g_ptr_array_index (first, 0))), ==, 0);
  in0 = batch_search_ids (&f, g_ptr_array_index (first, 1));
  in1 = batch_search_ids (&f, g_ptr_array_index (first, 2));
  g_assert_cmpuint (in0->len, ==, 2);
  g_assert_cmpuint (in1->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (in0, 0), ==, g_ptr_array_index (recorded, 0));
  g_assert_cmpstr (g_ptr_array_index (in0, 1), ==, g_ptr_array_index (recorded, 1));
  g_assert_cmpstr (g_ptr_array_index (in1, 0), ==, g_ptr_array_index (recorded, 2));
  g_assert_cmpuint (batch_ids_len_free (batch_ids (&f, g_ptr_array_index (first, 1))), ==, 0);

  /* A killed upload, a search more: the same batches, then a new one. */
  reopen (&f);
  record_search (&f, "saknas fyra");
  again = lots_caselog_stage_pending (f.log, 2, &error);
  g_assert_cmpuint (again->len, ==, 4);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (g_ptr_array_index (again, i), ==, g_ptr_array_index (first, i));

  g_assert_true (lots_caselog_mark_uploaded (f.log, g_ptr_array_index (first, 1), no_cases, &error));
  g_assert_no_error (error);
  /* Marking again (a retried push) changes nothing. */
  g_assert_true (lots_caselog_mark_uploaded (f.log, g_ptr_array_index (first, 1), no_cases, &error));
  g_assert_cmpuint (batch_ids_len_free (batch_search_ids (&f, g_ptr_array_index (first, 1))), ==, 0);
  last = lots_caselog_stage_pending (f.log, 2, &error);
  g_assert_cmpuint (last->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (last, 0), ==, g_ptr_array_index (first, 0));
  g_assert_cmpstr (g_ptr_array_index (last, 1), ==, g_ptr_array_index (first, 2));
  g_assert_cmpstr (g_ptr_array_index (last, 2), ==, g_ptr_array_index (again, 3));
  /* The outcome is not marked by its neighbour's batch. */
  pending = lots_caselog_list_pending (f.log, 10, &error);
  g_assert_cmpuint (pending->len, ==, 1);
}

static void
set_user_version (const char *filename,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (filename, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The schema carries its version; a newer journal or a file that is not a
 * journal is refused and left as it is, never rebuilt. */
static void
test_schema_version (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsCase) c = minimal_case ();
  g_autofree char *other = NULL;
  LotsCaselog *log;

  fixture_init (&f);
  g_assert_true (lots_caselog_add (f.log, c, &error));
  g_clear_pointer (&f.log, lots_caselog_close);
  set_user_version (f.filename, "PRAGMA user_version = 99");
  log = lots_caselog_open (f.filename, &error);
  g_assert_null (log);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "newer Lots"));
  g_clear_error (&error);
  /* Schema 1 (before upload staging) is upgraded in place. */
  set_user_version (f.filename, "PRAGMA user_version = 1; DROP TABLE upload_staging");
  reopen (&f);
  g_assert_cmpint (count (&f), ==, 1);
  {
    g_autoptr(GPtrArray) batches = lots_caselog_stage_pending (f.log, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (batches->len, ==, 1);
  }

  other = g_build_filename (f.dir, "other.sqlite", NULL);
  set_user_version (other, "CREATE TABLE t (x)");
  log = lots_caselog_open (other, &error);
  g_assert_null (log);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "not a Lots case log"));
}

/* A journal as schema 2 wrote it (schema 1: the same without
 * upload_staging): searches without ids. */
static const char schema_2_sql[] =
  "CREATE TABLE cases ("
  "  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL,"
  "  week TEXT NOT NULL, channel TEXT NOT NULL, lang TEXT NOT NULL, area TEXT NOT NULL, category TEXT,"
  "  guide TEXT, guide_commit TEXT, path TEXT NOT NULL, articles TEXT NOT NULL,"
  "  resolved INTEGER NOT NULL CHECK (resolved IN (0, 1)), referred_to TEXT,"
  "  acute INTEGER NOT NULL CHECK (acute IN (0, 1)), complaint_to TEXT, note TEXT, handler TEXT NOT NULL,"
  "  workstation TEXT NOT NULL, batch TEXT, uploaded_at INTEGER,"
  "  CHECK ((batch IS NULL) = (uploaded_at IS NULL)));"
  "CREATE INDEX cases_by_start ON cases (started_at);"
  "CREATE INDEX cases_pending ON cases (seq) WHERE uploaded_at IS NULL;"
  "CREATE TABLE empty_searches ("
  "  seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, area TEXT, lang TEXT NOT NULL, query TEXT NOT NULL,"
  "  batch TEXT, uploaded_at INTEGER);"
  "CREATE INDEX empty_searches_by_time ON empty_searches (at);"
  "INSERT INTO cases (id, started_at, ended_at, week, channel, lang, area, path, articles, resolved, acute,"
  "  handler, workstation)"
  "  VALUES ('0b9a4cde-1111-4222-8333-944455556666', 1795600000, 1795600300, '2026-W48', 'telefon', 'sv',"
  "  'aldre', '', '[]', 1, 0, 'h-1', 'ws-test');"
  "INSERT INTO empty_searches (at, area, lang, query) VALUES"
  "  (1795600000, 'aldre', 'sv', 'trygghetslarm batteri'),"
  "  (1795600100, NULL, 'en', 'parking [personnummer]'),"
  "  (1795600200, 'aldre', 'sv', 'trygghetslarm batteri');";

static void
collect_search (const LotsEmptySearchRow *row,
                gpointer                  user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%s|%s", row->at,
                                               row->area ? row->area : "-", row->lang, row->query, row->id));
}

/* A journal of schema 1 or 2 is upgraded in place, in one transaction:
 * its searches keep what they held and each gets a UUID of its own; its
 * outcomes are untouched; then searches are staged and recorded as in a
 * new journal. */
static void
test_schema_upgrade (gconstpointer data)
{
  guint from = GPOINTER_TO_UINT (data);
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *sql = g_strdup_printf ("%s%s PRAGMA user_version = %u;", schema_2_sql,
                                          from == 2 ? "CREATE TABLE upload_staging (seq INTEGER PRIMARY KEY"
                                                      " REFERENCES cases (seq), batch TEXT NOT NULL);"
                                                      "CREATE INDEX upload_staging_by_batch ON upload_staging"
                                                      " (batch, seq);"
                                                    : "",
                                          from);
  const char *expected[] = { "1795600000|aldre|sv|trygghetslarm batteri|", "1795600100|-|en|parking [personnummer]|",
                             "1795600200|aldre|sv|trygghetslarm batteri|" };

  f.dir = lots_test_sandbox_new ();
  f.filename = g_build_filename (f.dir, LOTS_CASELOG_FILE, NULL);
  set_user_version (f.filename, sql);
  reopen (&f);
  g_assert_cmpint (count (&f), ==, 1);
  g_assert_true (lots_caselog_scan_empty_searches (f.log, 0, collect_search, rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *row = g_ptr_array_index (rows, i);
      const char *id = row + strlen (expected[i]);

      g_assert_true (g_str_has_prefix (row, expected[i]));
      g_assert_true (g_uuid_string_is_valid (id));
      g_assert_cmpint (id[14], ==, '4');
      g_assert_nonnull (strchr ("89ab", id[19]));
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);
    }
  g_assert_true (lots_caselog_check_integrity (f.log, &error));
  g_assert_no_error (error);

  record_search (&f, "efter uppgraderingen");
  batches = lots_caselog_stage_pending (f.log, 10, &error);
  g_assert_no_error (error);
  /* The outcome's batch, and one with the four searches. */
  g_assert_cmpuint (batches->len, ==, 2);
  g_assert_cmpuint (batch_ids_len_free (batch_search_ids (&f, g_ptr_array_index (batches, 1))), ==, 4);

  /* Reopened, it is a schema 3 journal as it stands. */
  reopen (&f);
  g_clear_pointer (&f.log, lots_caselog_close);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f.filename, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, LOTS_CASELOG_SCHEMA_VERSION);
    sqlite3_finalize (stmt);
    /* A search without an id cannot be written any more. */
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO empty_searches (at, lang, query) VALUES (1, 'sv', 'x')", NULL,
                                   NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }
}

/* A damaged file is reported, not rebuilt: the journal cannot be. */
static void
test_corrupt_file (void)
{
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LotsCaselog *log;

  f.dir = lots_test_sandbox_new ();
  path = g_build_filename (f.dir, LOTS_CASELOG_FILE, NULL);
  lots_test_write (f.dir, LOTS_CASELOG_FILE, "this is not a database, it is text of some length", -1);
  log = lots_caselog_open (path, &error);
  g_assert_null (log);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_DATABASE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_durability_settings (void)
{
  g_auto(Fixture) f = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  fixture_init (&f);
  g_assert_cmpint (sqlite3_open (f.filename, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, LOTS_CASELOG_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The workstation id is created once and then never changes; the handler
 * id is a pseudonym, stable for one login on one workstation. */
static void
test_workstation (void)
{
  g_autofree char *dir = lots_test_sandbox_new ();
  g_autoptr(LotsWorkstation) first = NULL;
  g_autoptr(LotsWorkstation) second = NULL;
  g_autoptr(LotsWorkstation) configured = NULL;
  g_autoptr(LotsWorkstation) broken = NULL;
  g_autoptr(GError) error = NULL;

  lots_paths_set_data_dir (dir);
  first = lots_workstation_load (&error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first->workstation_id, "ws-"));
  g_assert_true (g_str_has_prefix (first->handler_id, "h-"));
  g_assert_null (strstr (first->handler_id, g_get_user_name ()));
  second = lots_workstation_load (&error);
  g_assert_cmpstr (second->workstation_id, ==, first->workstation_id);
  g_assert_cmpstr (second->handler_id, ==, first->handler_id);

  lots_test_write (dir, LOTS_WORKSTATION_CONFIG_FILE,
                   "[workstation]\nworkstation-id=desk-12\nhandler-id=anna_k7\n", -1);
  configured = lots_workstation_load (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (configured->workstation_id, ==, "desk-12");
  g_assert_cmpstr (configured->handler_id, ==, "anna_k7");

  lots_test_write (dir, LOTS_WORKSTATION_CONFIG_FILE, "[workstation]\nworkstation-id=Desk 12\n", -1);
  broken = lots_workstation_load (&error);
  g_assert_null (broken);
  g_assert_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "workstation-id 'Desk 12'"));
  lots_paths_set_data_dir (NULL);
  lots_test_sandbox_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/caselog/add/roundtrip-after-reopen", test_roundtrip_after_reopen);
  g_test_add_func ("/caselog/add/defaults", test_defaults);
  g_test_add_func ("/caselog/add/note-scrubbed-on-disk", test_note_scrubbed_on_disk);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/caselog/bad-input/%s", bad_inputs[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_bad_input_writes_nothing);
    }
  g_test_add_func ("/caselog/add/batch-all-or-nothing", test_batch_all_or_nothing);
  g_test_add_func ("/caselog/add/guide-outcome", test_guide_outcome);
  g_test_add_func ("/caselog/list/since", test_list_since);
  g_test_add_func ("/caselog/empty-searches", test_empty_searches);
  g_test_add_func ("/caselog/retention", test_retention);
  g_test_add_func ("/caselog/retention/searches", test_retention_searches);
  g_test_add_func ("/caselog/upload/mark-idempotent", test_mark_uploaded_idempotent);
  g_test_add_func ("/caselog/upload/stage-pending", test_stage_pending);
  g_test_add_func ("/caselog/upload/stage-searches", test_stage_searches);
  g_test_add_func ("/caselog/schema/version", test_schema_version);
  g_test_add_data_func ("/caselog/schema/upgrade-from-1", GUINT_TO_POINTER (1), test_schema_upgrade);
  g_test_add_data_func ("/caselog/schema/upgrade-from-2", GUINT_TO_POINTER (2), test_schema_upgrade);
  g_test_add_func ("/caselog/schema/corrupt-file", test_corrupt_file);
  g_test_add_func ("/caselog/schema/durability-settings", test_durability_settings);
  g_test_add_func ("/caselog/workstation", test_workstation);
  return g_test_run ();
}

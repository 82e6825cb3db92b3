/* lots-guide-scenario.h — scenario tests of guides (*_test.lua).
 *
 * A test file describes calls and what must follow:
 *
 *   scenario "Orosanmälan på kvällen går till Socialjouren" {
 *     guide = "social/akut",
 *     at = "2026-11-23 19:30",          -- Stockholm time; default 2026-03-11 10:00
 *     answers = { "Oro för ett barn", "111 22" },
 *     expect = {
 *       path = { "start", "oro_barn", "postnummer", "socialjouren" },
 *       acute = true,
 *       refer = "socialjouren",
 *       outcome = { category = "orosanmälan", resolved = false },
 *     },
 *   }
 *
 * Each answer is a choice's text, a choice's number, or the value for a
 * step that asks; steps that only say something are passed as the handler
 * would press Next. expect may also hold visits (steps that must be on the
 * path), ends (the last step), finished, says (text the last step shows)
 * and refused (an answer must be refused with this text).
 *
 * Test files run in the same sandbox as guides. The runner reports one line
 * per failure, and which ends of the guides no scenario reaches.
 */
#pragma once

#include <glib.h>

#include "lots-guide-library.h"

G_BEGIN_DECLS

typedef struct {
  guint passed;
  guint failed;
  GPtrArray *failures;   /* char *: "path:line: scenario "…": what went wrong" */
  GPtrArray *uncovered;  /* char *: "path:line: step "…" …: no scenario reaches this end" */
} LotsGuideTestReport;

#define LOTS_GUIDE_SCENARIO_DEFAULT_TIME "2026-03-11 10:00"

LotsGuideTestReport *lots_guide_test_report_new  (void);
void                 lots_guide_test_report_free (LotsGuideTestReport *report);
void                 lots_guide_run_scenarios    (LotsGuideLibrary    *library,
                                                  const char          *only_path,
                                                  LotsGuideTestReport *report);
GDateTime           *lots_guide_parse_time       (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsGuideTestReport, lots_guide_test_report_free)

G_END_DECLS

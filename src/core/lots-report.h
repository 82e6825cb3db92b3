/* lots-report.h — the statistics the city lacks, from the case log.
 *
 * A report counts the outcomes of a journal (since a given time): contacts
 * per service area, ISO week and channel; the share answered at the first
 * contact, overall and per area, against the city's goal of 70 %;
 * referrals per unit; acute cases; complaints forwarded per
 * administration; per call guide, how many calls passed each step and at
 * which step they ended; and the searches that found nothing, per area and
 * query — the gaps publishers should fill.
 *
 * lots_report_new, lots_report_add_row and lots_report_add_empty_search
 * build the same report over outcomes and searches from elsewhere:
 * `report --remote` reads them from every workstation's branch of the
 * outcomes remote (lots-upload.h).
 *
 * The report reads the journal once, in one pass that allocates only for
 * each distinct key, so a million outcomes take well under a second. It
 * prints as a readable text, one JSON object, or CSV sections.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "lots-caselog.h"

G_BEGIN_DECLS

/* The city's goal: 70 % of contacts answered at the first contact. */
#define LOTS_REPORT_RESOLUTION_GOAL 0.70

typedef struct _LotsReport LotsReport;

LotsReport *lots_report_build            (LotsCaselog       *log,
                                          gint64             since,
                                          GError           **error);
LotsReport *lots_report_new              (gint64             since);
void        lots_report_add_row          (const LotsCaseRow *row,
                                          gpointer           report);
void        lots_report_add_empty_search (const LotsEmptySearchRow *row,
                                          gpointer           report);
void        lots_report_free             (LotsReport        *self);

guint64     lots_report_get_contacts     (const LotsReport  *self);
guint64     lots_report_get_resolved     (const LotsReport  *self);
guint64     lots_report_get_acute        (const LotsReport  *self);

JsonNode   *lots_report_to_json          (const LotsReport  *self);
char       *lots_report_to_csv           (const LotsReport  *self);
char       *lots_report_to_text          (const LotsReport  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsReport, lots_report_free)

G_END_DECLS

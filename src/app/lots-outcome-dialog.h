/* lots-outcome-dialog.h — the outcome sheet: how a case ended, checked and
 * written to the case log in one keystroke.
 *
 * "End case" opens it with a draft the caller prefilled (the channel, the
 * start time, the handler and workstation ids, and what the guide proposed:
 * lots_case_apply_guide_outcome()). Every field stays editable. Save
 * (Ctrl+Enter anywhere, Enter outside the note) validates the case, writes
 * it durably to the case log off the main loop, emits "saved" with the new
 * outcome's id and closes; Escape or Cancel closes without writing.
 */
#pragma once

#include <adwaita.h>

#include "lots-case.h"

G_BEGIN_DECLS

#define LOTS_TYPE_OUTCOME_DIALOG (lots_outcome_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LotsOutcomeDialog, lots_outcome_dialog, LOTS, OUTCOME_DIALOG, AdwWindow)

LotsOutcomeDialog *lots_outcome_dialog_new      (GtkWindow                *parent,
                                                 const LotsCase           *draft,
                                                 const LotsCaseReferences *references,
                                                 const char               *caselog_filename);
LotsCase          *lots_outcome_dialog_dup_case (LotsOutcomeDialog        *self);
gboolean           lots_outcome_dialog_get_saving (LotsOutcomeDialog      *self);

G_END_DECLS

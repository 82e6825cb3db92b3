/* lots-workstation.h — who logs a case: the workstation and the handler,
 * by ids that name no person.
 *
 * Both come from the [workstation] group of lots.conf in the data
 * directory (keys workstation-id and handler-id). A workstation without an
 * id gets a random one the first time it is needed, stored at once so that
 * it never changes: it names the workstation's branch of the outcomes
 * repository (cases/WORKSTATION). A missing handler id is derived from the
 * workstation id and the login name by a hash, so the analysts can tell
 * handlers apart without learning who they are.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOTS_WORKSTATION_CONFIG_FILE "lots.conf"
#define LOTS_WORKSTATION_GROUP "workstation"

typedef struct {
  char *workstation_id;  /* [a-z0-9-]+ */
  char *handler_id;      /* [a-z0-9_-]+ */
} LotsWorkstation;

LotsWorkstation *lots_workstation_load  (GError         **error);
void             lots_workstation_free  (LotsWorkstation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsWorkstation, lots_workstation_free)

G_END_DECLS

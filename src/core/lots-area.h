/* lots-area.h — the service areas (aldre, forskola, …) of knowledge/areas.yaml.
 *
 * Areas are the contact center's subject divisions. Every article belongs to
 * exactly one, and a source may publish only to the areas it was granted.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *id;          /* [a-z0-9-]+, e.g. "aldre" */
  char *title;       /* Swedish title shown to handlers */
  char *title_en;
  char *description;
} LotsArea;

void       lots_area_free        (LotsArea *area);
GPtrArray *lots_areas_parse      (const char  *path,
                                  const char  *text,
                                  gsize        length,
                                  GPtrArray   *diagnostics);
GPtrArray *lots_areas_load_file  (const char  *filename,
                                  GError     **error);
const LotsArea *lots_areas_find  (GPtrArray   *areas,
                                  const char  *id);

G_END_DECLS

/* lots-manifest.h — a source's lots.yaml: who publishes and to which areas. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *id;      /* [a-z0-9-]+ */
  char *title;
  char *owner;
  char *lang;    /* default language of the source's articles */
  GStrv areas;   /* the only areas this source may publish to */
} LotsManifest;

LotsManifest *lots_manifest_parse     (const char   *path,
                                       const char   *text,
                                       gsize         length,
                                       GPtrArray    *known_areas,
                                       GPtrArray    *diagnostics);
void          lots_manifest_free      (LotsManifest *manifest);
gboolean      lots_manifest_has_area  (const LotsManifest *manifest,
                                       const char         *area);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsManifest, lots_manifest_free)

G_END_DECLS
